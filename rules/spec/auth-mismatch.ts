// spec/auth-mismatch: the spec and the code disagree about who may call an endpoint. The spec requires credentials
// but nothing on the route authenticates (error: clients and reviewers trust a protection that is not there), or
// the spec says anyone may call it (`security: []`) while the code authenticates (information: one of them is wrong).
import * as path from 'node:path';
import type { ApiModel, ApiRoute, DocumentedOperation } from '../support/api-model';
import { defineRule } from '../support/rule';

type MessageId = 'specRequiresAuth' | 'specAllowsAnonymous';

export const authMismatch = defineRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/auth-mismatch',
    description: 'Routes whose authentication disagrees with the security their OpenAPI/Swagger spec documents.',
    category: 'spec',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-306'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'openapi'],
    requiresTypes: false,
    requiresApiModel: true,
    fixable: false,
    messages: {
      specRequiresAuth: '{{method}} {{path}}: {{spec}} requires {{schemes}} for {{operation}}, but nothing on the route authenticates ({{chain}}).',
      specAllowsAnonymous: '{{method}} {{path}}: {{spec}} lets anyone call {{operation}} (no security), but the route requires authentication ({{by}}): the spec or the code is wrong.',
    },
  },
  defaultOptions: {},
  hasFindingsIn: (model, filePath) => model.routesDeclaredIn(filePath).some((route) => mismatchOf(model, route) !== undefined),
  create(context) {
    return {
      onEnd() {
        const model = context.getApiModel();
        if (!model.complete) return;
        for (const route of model.routesDeclaredIn(context.filePath)) {
          const mismatch = mismatchOf(model, route);
          if (!mismatch || route.declaredAt.end > context.text.length) continue;
          const { documented, messageId } = mismatch;
          const { operation } = documented;
          const data = {
            method: route.method,
            path: route.path || '/',
            spec: `${path.basename(documented.specPath)}:${operation.at.line + 1}`,
            operation: `${operation.method} ${operation.path}`,
            schemes: operation.security.schemes.join(' or '),
            chain: route.chain.length > 0 ? `middleware: ${route.chain.map((link) => link.name).join(', ')}` : 'no middleware',
            by: route.auth.status === 'authenticated' ? route.auth.by.name : '',
          };
          context.report({ messageId, range: { start: route.declaredAt.start, end: route.declaredAt.end }, data, severity: messageId === 'specRequiresAuth' ? 'error' : 'info' });
        }
      },
    };
  },
});

function mismatchOf(model: ApiModel, route: ApiRoute): { documented: DocumentedOperation; messageId: MessageId } | undefined {
  // Public by design, unknown (an unresolved middleware) or authenticated routes do not contradict a requirement.
  const status = route.auth.status;
  if (status !== 'none' && status !== 'authenticated') return undefined;
  const documented = model.specs.operationForRoute(route);
  if (!documented) return undefined;
  const kind = documented.operation.security.kind;
  if (kind === 'required' && status === 'none') return { documented, messageId: 'specRequiresAuth' };
  // A handler that verifies a token of its own (a refresh token, a signed webhook, a reset link) serves callers
  // without credentials in the spec's sense: only middleware or guards on the path contradict `security: []`.
  if (kind === 'anonymous' && route.auth.status === 'authenticated' && route.chain.includes(route.auth.by)) return { documented, messageId: 'specAllowsAnonymous' };
  return undefined;
}
