// spec/undocumented-route: a route in the code that no spec of its API documents — a shadow API. Reviews, gateways,
// contract tests and clients generated from the spec do not know it exists, so it escapes the checks they apply.
// Only where the workspace has a spec for that API (ApiModel.specs: a spec of the same project that documents at
// least one of its routes); servers/basePath prefixes, router mounts and `:id` ↔ `{id}` are taken into account.
import * as path from 'node:path';
import type { ApiModel, ApiRoute } from '../support/api-model';
import { defineRule } from '../support/rule';

type MessageId = 'undocumented';

export const undocumentedRoute = defineRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/undocumented-route',
    description: 'Routes in the code that no OpenAPI/Swagger spec of their API documents (shadow APIs).',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-1059'],
    owaspApi: 'API9:2023 Improper Inventory Management',
    frameworks: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'openapi'],
    requiresTypes: false,
    requiresApiModel: true,
    fixable: false,
    messages: {
      undocumented: '{{method}} {{path}} is not documented in {{specs}}: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).',
    },
  },
  defaultOptions: {},
  hasFindingsIn: (model, filePath) => model.routesDeclaredIn(filePath).some((route) => isUndocumented(model, route)),
  create(context) {
    return {
      onEnd() {
        const model = context.getApiModel();
        // Until the whole workspace is indexed, the spec (or a mount prefix) may simply not be seen yet.
        if (!model.complete) return;
        for (const route of model.routesDeclaredIn(context.filePath)) {
          if (!isUndocumented(model, route) || route.declaredAt.end > context.text.length) continue;
          const specs = model.specs.coveringSpecs(route.declaredAt.filePath).map((specPath) => path.basename(specPath));
          context.report({ messageId: 'undocumented', range: { start: route.declaredAt.start, end: route.declaredAt.end }, data: { method: route.method, path: route.path || '/', specs: specs.join(', ') } });
        }
      },
    };
  },
});

function isUndocumented(model: ApiModel, route: ApiRoute): boolean {
  // A router mounted nowhere the index saw: its full path is not known, so no spec can be compared with it.
  if (route.auth.status === 'unknown' && route.notes.some((note) => note.includes('not mounted'))) return false;
  if (!model.specs.isComparable(route)) return false;
  if (model.specs.coveringSpecs(route.declaredAt.filePath).length === 0) return false;
  return model.specs.operationForRoute(route) === undefined;
}
