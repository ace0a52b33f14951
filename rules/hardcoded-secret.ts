// PLACEHOLDER: being written (see the secrets helper's task). Replaced wholesale.
import { defineRule } from './support/rule';

export const hardcodedSecret = defineRule<{ ignoreTestFiles: boolean; entropyTier: boolean }, 'providerToken' | 'credentialLiteral'>({
  meta: {
    id: 'hardcoded-secret',
    description: 'Keys, tokens, passwords and private keys written into source code.',
    category: 'secrets',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: ['CWE-798'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: [],
    requiresTypes: false,
    fixable: true,
    messages: {
      providerToken: '{{provider}} found in source ({{redacted}}).',
      credentialLiteral: 'Hard-coded credential in "{{name}}" ({{redacted}}).',
    },
  },
  defaultOptions: { ignoreTestFiles: true, entropyTier: false },
  create() {
    return {};
  },
});
