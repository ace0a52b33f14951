// spec/unimplemented-operation: an operation the spec documents that no route implements — a zombie. Clients are
// promised an endpoint that answers 404, or an old one was removed from the code and lingers in the contract (or is
// served by something the spec does not name). Only when the spec documents some route of its project: a spec for
// an API implemented elsewhere says nothing, and nor does one whose project has routes the model cannot list.
import { defineSpecRule } from '../support/spec-rule';

type MessageId = 'unimplemented';

export const unimplementedOperation = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/unimplemented-operation',
    description: 'Operations the spec documents that no route in the code implements (zombie operations).',
    category: 'spec',
    defaultSeverity: 'info',
    confidence: 'medium',
    cwe: ['CWE-1059'],
    owaspApi: 'API9:2023 Improper Inventory Management',
    frameworks: ['openapi', 'express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs'],
    requiresTypes: false,
    requiresApiModel: true,
    fixable: false,
    messages: {
      unimplemented: '{{operation}} is documented but no route in the code implements it: clients are promised an endpoint that does not answer.',
    },
  },
  defaultOptions: {},
  hasFindingsIn: (model, filePath) => model.specs.operationsOf(filePath)?.some((entry) => entry.implementedBy.length === 0) ?? false,
  create(context) {
    let unimplemented: Set<string> | undefined;
    return {
      document() {
        const model = context.getApiModel();
        // Until the whole workspace is indexed, the implementing route may simply not be seen yet.
        if (!model.complete) return;
        const operations = model.specs.operationsOf(context.filePath);
        if (!operations) return;
        unimplemented = new Set(operations.filter((entry) => entry.implementedBy.length === 0).map((entry) => `${entry.operation.method} ${entry.operation.path}`));
      },
      operation(operation) {
        if (!unimplemented?.has(`${operation.method.toUpperCase()} ${operation.path}`)) return;
        context.report({ messageId: 'unimplemented', node: operation.node, range: operation.methodKeyRange, data: { operation: operation.label } });
      },
    };
  },
});
