// spec/api-key-in-query: credentials carried in the URL — `apiKey` security schemes with `in: query`, and query
// parameters whose name says they carry a credential (`api_key`, `access_token`, `password`, `client_secret`…).
// URLs end up in server and proxy logs, browser history and `Referer` headers (CWE-598). Names are read word by
// word, so pagination cursors (`pageToken`, `nextPageToken`), `tokenizer` or `passwordHint` are not credentials.
// No fix: moving a credential to a header changes the API for every client.
import { wordsOf } from '../data/sensitive-fields';
import { defineSpecRule } from '../support/spec-rule';
import { entryOf, stringAt } from '../support/spec-tree';

type MessageId = 'schemeInQuery' | 'credentialParameter';

/** Last words that are a credential on their own. */
const CREDENTIAL_WORDS = new Set(['password', 'passwd', 'passphrase', 'secret', 'apikey', 'jwt', 'credential', 'credentials', 'authorization', 'auth', 'bearer']);
/** Words before `token` that make it a credential (`access_token`, `apiToken`); `token` alone is one too. */
const CREDENTIAL_TOKEN_QUALIFIERS = new Set(['access', 'auth', 'api', 'id', 'refresh', 'bearer', 'session', 'private', 'personal', 'user', 'app', 'security', 'jwt', 'admin', 'client', 'service', 'account', 'login']);
/** Words before `key` that make it a credential (`api_key`, `access_key`, `secret_key`); `key` alone is too vague. */
const CREDENTIAL_KEY_QUALIFIERS = new Set(['api', 'secret', 'private', 'auth', 'access', 'app', 'application', 'client', 'session', 'license', 'subscription']);
/** Words before `secret`/`password` that make them *about* something else. */
const NOT_A_CREDENTIAL_QUALIFIERS = new Set(['has', 'is', 'show', 'hide', 'include', 'with', 'require', 'requires', 'reset', 'forgot']);
/** A credential is text: boolean and numeric parameters (GitHub's `hide_secret=true`) only say something about one. */
const NON_TEXT_TYPES = new Set(['boolean', 'integer', 'number']);

export const apiKeyInQuery = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/api-key-in-query',
    description: 'API keys, tokens and passwords carried in the URL query string, where logs, history and Referer headers keep them.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'high',
    cwe: ['CWE-598'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: false,
    messages: {
      schemeInQuery: 'Security scheme "{{scheme}}" sends its API key in the query string (`{{name}}`): URLs are logged by servers and proxies and leak through history and Referer headers; send it in a header.',
      credentialParameter: 'Query parameter "{{name}}" of {{operation}} carries a credential in the URL: servers and proxies log it, and history and Referer headers leak it; send it in a header or the body.',
    },
  },
  defaultOptions: {},
  create(context) {
    // Query parameters that repeat a query-API-key scheme's name are that scheme, reported once at the scheme.
    const schemeParameterNames = new Set<string>();
    // Large specs repeat the same few names thousands of times (Kubernetes: `pretty`, `watch`…): judge each once.
    const judged = new Map<string, boolean>();
    const isCredential = (name: string) => {
      let credential = judged.get(name);
      if (credential === undefined) judged.set(name, (credential = isCredentialName(name)));
      return credential;
    };
    return {
      document(spec) {
        for (const scheme of spec.securitySchemes.values()) {
          if (stringAt(scheme.node, 'type') !== 'apiKey' || stringAt(scheme.node, 'in') !== 'query') continue;
          const name = stringAt(scheme.node, 'name') ?? '';
          schemeParameterNames.add(name);
          const location = entryOf(scheme.node, 'in')!;
          context.report({ messageId: 'schemeInQuery', node: scheme.node, range: location.value.range, data: { scheme: scheme.name, name } });
        }
      },
      parameter(parameter) {
        if (parameter.location !== 'query' || schemeParameterNames.has(parameter.name) || !isCredential(parameter.name)) return;
        if (NON_TEXT_TYPES.has(stringAt(parameter.schema, 'type') ?? '')) return;
        context.report({
          messageId: 'credentialParameter',
          node: parameter.nameNode ?? parameter.node,
          data: { name: parameter.name, operation: parameter.operation.label },
        });
      },
    };
  },
});

/** True for names that carry a credential (`api_key`, `accessToken`, `client_secret`), by their last words. */
export function isCredentialName(name: string): boolean {
  const words = wordsOf(name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  const before = words.length > 1 ? words[words.length - 2]! : undefined;
  if (last === 'token') return before === undefined || CREDENTIAL_TOKEN_QUALIFIERS.has(before);
  if (last === 'key') return before !== undefined && CREDENTIAL_KEY_QUALIFIERS.has(before);
  if (!CREDENTIAL_WORDS.has(last)) return false;
  return before === undefined || !NOT_A_CREDENTIAL_QUALIFIERS.has(before);
}
