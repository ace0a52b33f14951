// spec/numeric-id-in-path: a path parameter that identifies an object (`id`, `userId`, `order_id`, or the last
// segment's parameter) typed as an integer or number, or as a digits-only string. Sequential ids can be enumerated:
// a hint to check object-level authorization (BOLA) on every operation that takes one. Information; no fix (the
// type is the API's contract, not a mistake in the document).
import { wordsOf } from '../data/sensitive-fields';
import { defineSpecRule, type ParameterInfo } from '../support/spec-rule';
import { isMap, schemaTypes, stringAt, valueOf, type SpecMap, type SpecNode } from '../support/spec-tree';

type MessageId = 'numericId';

export const numericIdInPath = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/numeric-id-in-path',
    description: 'Object ids in paths that are sequential numbers (integer, number or digits-only), easy to enumerate.',
    category: 'spec',
    defaultSeverity: 'info',
    confidence: 'low',
    cwe: ['CWE-639'],
    owaspApi: 'API1:2023 Broken Object Level Authorization',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: false,
    messages: {
      numericId:
        'Path parameter "{{name}}" of {{operation}} is {{shape}}: ids that count up can be enumerated, so every operation taking one must check that the caller may access that object (BOLA). Unguessable ids (UUIDs) make probing harder.',
    },
  },
  defaultOptions: {},
  create(context) {
    // One finding per kind of object (at its first definition), counting the operations that take it: an API that
    // numbers its repositories says so once, not on each of its 15 operations.
    const byName = new Map<string, { first: ParameterInfo; shape: string; operations: number }>();
    return {
      parameter(parameter) {
        if (parameter.location !== 'path') return;
        const key = objectKindKey(parameter);
        const known = byName.get(key);
        if (known) {
          if (numericShape(parameter.schema, context.resolve) !== undefined) known.operations++;
          return;
        }
        if (!namesAnObject(parameter)) return;
        const shape = numericShape(parameter.schema, context.resolve);
        if (shape !== undefined) byName.set(key, { first: parameter, shape, operations: 1 });
      },
      onEnd() {
        for (const { first, shape, operations } of byName.values()) {
          const others = operations - 1;
          context.report({
            messageId: 'numericId',
            node: first.nameNode ?? first.node,
            data: { name: first.name, operation: first.operation.label + (others > 0 ? ` (and ${others} more operation${others === 1 ? '' : 's'})` : ''), shape },
          });
        }
      },
    };
  },
});

/**
 * Which kind of object a parameter numbers: its name (`repository_id`), or for a bare `id` the collection before it
 * (`/users/{id}` and `/posts/{id}` number different objects).
 */
function objectKindKey(parameter: ParameterInfo): string {
  if (parameter.name.toLowerCase() !== 'id') return parameter.name;
  const segments = parameter.operation.path.split('/');
  const at = segments.findIndex((segment) => segment.startsWith(`{${parameter.name}}`));
  const collection = at > 0 ? segments.slice(0, at).reverse().find((segment) => segment !== '' && !segment.startsWith('{')) : undefined;
  return `${collection ?? ''}/{${parameter.name}}`;
}

/** Last-segment parameters that are not object ids: dates, versions, paging, sizes, coordinates. */
const NOT_IDENTIFIERS: ReadonlySet<string> = new Set([
  'year', 'month', 'day', 'week', 'date', 'hour', 'version', 'revision', 'page', 'size', 'limit', 'offset', 'count',
  'width', 'height', 'zoom', 'x', 'y', 'z', 'level', 'port', 'status', 'code', 'index', 'days', 'amount', 'quantity',
]);

/** `id`, `userId`, `order_id`, `ID`; or the parameter of the path's last segment (`/invoices/{invoiceNumber}`). */
function namesAnObject(parameter: ParameterInfo): boolean {
  const words = wordsOf(parameter.name);
  const last = words[words.length - 1];
  if (last === undefined) return false;
  if (last === 'id' || last === 'ids') return true;
  if (NOT_IDENTIFIERS.has(last)) return false;
  const segments = parameter.operation.path.split('/').filter((segment) => segment !== '');
  return segments[segments.length - 1] === `{${parameter.name}}`;
}

/** `an integer`, `a number`, `a digits-only string`; undefined for any other shape. */
function numericShape(schema: SpecMap | undefined, resolve: (node: SpecNode | undefined) => SpecNode | undefined): string | undefined {
  if (!schema) return undefined;
  const type = typeOf(schema);
  if (type === 'integer') return 'an integer';
  if (type === 'number') return 'a number';
  const pattern = stringAt(schema, 'pattern');
  if ((type === 'string' || type === undefined) && pattern !== undefined && isDigitsOnly(pattern)) return 'a digits-only string';
  // `oneOf`/`anyOf` of one numeric choice (`anyOf: [{ type: integer }, { type: string, format: uuid }]` is not).
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const parts = resolve(valueOf(schema, key));
    if (parts?.kind !== 'seq' || parts.items.length === 0) continue;
    const shapes = parts.items.map((part) => {
      const resolved = resolve(part);
      return isMap(resolved) ? numericShape(resolved, resolve) : undefined;
    });
    if (key === 'allOf' ? shapes.some(Boolean) : shapes.every(Boolean)) return shapes.find(Boolean);
  }
  return undefined;
}

/** A type, or the only non-null type of an OAS 3.1 list (`[integer, 'null']`). */
function typeOf(schema: SpecMap): string | undefined {
  const types = schemaTypes(schema).filter((type) => type !== 'null');
  return types.length === 1 ? types[0] : undefined;
}

/** `^\d+$`, `^[0-9]{1,10}$`, `\d*`: nothing but digits, however many. */
function isDigitsOnly(pattern: string): boolean {
  const body = pattern.replace(/^\^/, '').replace(/\$$/, '');
  return /^(\\d|\[0-9\])(\+|\*|\{\d+(,\d*)?\})?$/.test(body);
}
