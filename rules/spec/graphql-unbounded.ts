// spec/graphql-unbounded: a GraphQL endpoint (a path ending in `/graphql`, an `application/graphql` request body,
// or a JSON body with a `query` string beside `variables`/`operationName`) whose description documents no depth,
// complexity or cost limit. One nested query can make the server resolve millions of objects, so a GraphQL API
// needs limits that REST's per-endpoint limits do not give; the contract is where clients learn them. Warning, low
// confidence (the server may enforce limits it does not document); no fix.
import { defineSpecRule, type OperationInfo, type SpecInfo } from '../support/spec-rule';
import { isMap, stringAt, valueOf, type SpecNode } from '../support/spec-tree';

type MessageId = 'unboundedGraphql';

export const graphqlUnbounded = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/graphql-unbounded',
    description: 'GraphQL endpoints that document no query depth, complexity or cost limit.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'low',
    cwe: ['CWE-770'],
    owaspApi: 'API4:2023 Unrestricted Resource Consumption',
    frameworks: ['openapi', 'graphql'],
    requiresTypes: false,
    fixable: false,
    messages: {
      unboundedGraphql:
        '{{operation}} is a GraphQL endpoint ({{evidence}}) with no documented depth, complexity or cost limit: one nested query can make the server resolve millions of objects. Enforce limits and document them (e.g. x-graphql-max-depth, or in the description).',
    },
  },
  defaultOptions: {},
  create(context) {
    let documentedForApi = false;
    return {
      document(spec: SpecInfo) {
        // A limit documented once for the whole API (root extensions, info.description) covers every operation.
        documentedForApi = documentsLimit(spec.root, 1) || documentsLimit(context.resolve(valueOf(spec.root, 'info')), 1);
      },
      operation(operation) {
        if (documentedForApi) return;
        const evidence = graphqlEvidence(operation, context.resolve);
        if (evidence === undefined) return;
        if (documentsLimit(operation.node, 2) || documentsLimit(operation.pathItem, 1)) return;
        // An error response for queries over the limit documents it too ("Query exceeds the maximum depth").
        if (operation.responses?.entries.some((entry) => documentsLimit(context.resolve(entry.value), 0))) return;
        context.report({ messageId: 'unboundedGraphql', node: operation.node, range: operation.methodKeyRange, data: { operation: operation.label, evidence } });
      },
    };
  },
});

/** Why the operation is GraphQL, for the message; undefined when it is not. */
function graphqlEvidence(operation: OperationInfo, resolve: (node: SpecNode | undefined) => SpecNode | undefined): string | undefined {
  if (/\/graphql\/?$/i.test(operation.path)) return 'its path ends in /graphql';
  const body = resolve(valueOf(operation.node, 'requestBody'));
  const content = resolve(valueOf(body, 'content'));
  if (isMap(content)) {
    for (const entry of content.entries) {
      if (/^application\/graphql(\+json)?\b/i.test(entry.key)) return `it accepts ${entry.key}`;
      const schema = resolve(valueOf(resolve(entry.value), 'schema'));
      if (isGraphqlRequestSchema(schema, resolve)) return 'its JSON body is a GraphQL request';
    }
  }
  for (const parameter of operation.parameters) {
    if (parameter.location === 'body' && isGraphqlRequestSchema(parameter.schema, resolve)) return 'its JSON body is a GraphQL request';
  }
  const consumes = valueOf(operation.node, 'consumes');
  if (consumes?.kind === 'seq' && consumes.items.some((item) => item.kind === 'scalar' && /^application\/graphql/i.test(String(item.value)))) return 'it consumes application/graphql';
  return undefined;
}

/** `{ query: string, variables: object }` or `{ query, operationName }`: the GraphQL-over-HTTP request shape. */
function isGraphqlRequestSchema(schema: SpecNode | undefined, resolve: (node: SpecNode | undefined) => SpecNode | undefined): boolean {
  const properties = resolve(valueOf(schema, 'properties'));
  if (!isMap(properties)) return false;
  const query = resolve(valueOf(properties, 'query'));
  if (!isMap(query) || (stringAt(query, 'type') ?? 'string') !== 'string') return false;
  return valueOf(properties, 'variables') !== undefined || valueOf(properties, 'operationName') !== undefined;
}

/** Depth, complexity or cost named with a limit word, in either order, within a short span. */
const LIMIT_TEXT = /\b(depth|complexity|cost|nesting)\b[^.\n]{0,60}\b(limit|limited|limits|max|maximum|cap|capped|bound|bounded|budget|exceed|exceeds|at most)\b|\b(limit|limited|limits|max|maximum|cap|capped|bounded|budget)\b[^.\n]{0,40}\b(depth|complexity|cost|nesting)\b/i;
const LIMIT_KEY = /depth|complexity|cost/i;

/**
 * The object (an operation, path item, the root or `info`) documents a limit: an `x-` extension whose name mentions
 * depth, complexity or cost, or a description/summary saying so. `depth` levels of nested `x-` values are read.
 */
function documentsLimit(node: SpecNode | undefined, depth: number): boolean {
  if (!isMap(node)) return false;
  for (const entry of node.entries) {
    if (entry.key.startsWith('x-') && (LIMIT_KEY.test(entry.key) || extensionMentionsLimit(entry.value, depth))) return true;
    if ((entry.key === 'description' || entry.key === 'summary') && entry.value.kind === 'scalar' && LIMIT_TEXT.test(String(entry.value.value))) return true;
  }
  return false;
}

/** `x-graphql: { maxDepth: 10 }`, `x-limits: [{ name: complexity, … }]`. */
function extensionMentionsLimit(value: SpecNode, depth: number): boolean {
  if (depth <= 0) return false;
  if (value.kind === 'scalar') return typeof value.value === 'string' && LIMIT_TEXT.test(value.value);
  if (value.kind === 'seq') return value.items.some((item) => extensionMentionsLimit(item, depth - 1));
  return value.entries.some((entry) => LIMIT_KEY.test(entry.key) || extensionMentionsLimit(entry.value, depth - 1));
}
