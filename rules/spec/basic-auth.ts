// spec/basic-auth: weak authentication mechanisms declared as security schemes — HTTP Basic (the password itself,
// base64-encoded, on every request; OAS 3 `type: http, scheme: basic`, OAS 2 `type: basic`), and the OAuth 2
// flows the OAuth 2.0 Security Best Current Practice (RFC 9700) says must not be used: implicit (tokens in the URL
// fragment, no sender binding) and resource owner password credentials (the client sees the user's password).
// No fix: replacing an authentication mechanism is a design change.
import { defineSpecRule } from '../support/spec-rule';
import { entryOf, isMap, stringOf } from '../support/spec-tree';

type MessageId = 'httpBasic' | 'implicitFlow' | 'passwordFlow';

export const basicAuth = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/basic-auth',
    description: 'Security schemes using HTTP Basic authentication or the deprecated OAuth 2 implicit and password flows.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'high',
    cwe: ['CWE-522'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: false,
    messages: {
      httpBasic: 'Security scheme "{{scheme}}" uses HTTP Basic authentication: the password travels with every request, can be replayed, and cannot carry scopes or expire; prefer tokens (OAuth 2, bearer) or API keys in a header.',
      implicitFlow: 'Security scheme "{{scheme}}" offers the OAuth 2 implicit flow: access tokens are returned in the URL and cannot be bound to the client (RFC 9700 says not to use it); use the authorization code flow with PKCE.',
      passwordFlow: 'Security scheme "{{scheme}}" offers the OAuth 2 password flow: the client handles the user\'s password (RFC 9700 says not to use it); use the authorization code flow, or client credentials for machines.',
    },
  },
  defaultOptions: {},
  create(context) {
    return {
      securityScheme(scheme) {
        const type = entryOf(scheme.node, 'type');
        const typeText = stringOf(type?.value);
        const data = { scheme: scheme.name };
        if (typeText === 'basic') {
          context.report({ messageId: 'httpBasic', node: scheme.node, range: type!.value.range, data });
        } else if (typeText === 'http') {
          const httpScheme = entryOf(scheme.node, 'scheme');
          if (stringOf(httpScheme?.value)?.toLowerCase() === 'basic') context.report({ messageId: 'httpBasic', node: scheme.node, range: httpScheme!.value.range, data });
        } else if (typeText === 'oauth2') {
          // OAS 2: one `flow` (`implicit`, `password`, `application`, `accessCode`).
          const flow = entryOf(scheme.node, 'flow');
          const flowText = stringOf(flow?.value);
          if (flowText === 'implicit' || flowText === 'password') {
            context.report({ messageId: flowText === 'implicit' ? 'implicitFlow' : 'passwordFlow', node: scheme.node, range: flow!.value.range, data });
          }
          // OAS 3: `flows` with one entry per flow.
          const flows = context.resolve(entryOf(scheme.node, 'flows')?.value);
          if (!isMap(flows)) return;
          for (const entry of flows.entries) {
            if (entry.key === 'implicit' || entry.key === 'password') {
              context.report({ messageId: entry.key === 'implicit' ? 'implicitFlow' : 'passwordFlow', node: flows, range: entry.keyRange, data });
            }
          }
        }
      },
    };
  },
});

