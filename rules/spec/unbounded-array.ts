// spec/unbounded-array: an array a client sends (request body or query parameter) with no `maxItems`. Each item
// costs the server a loop iteration, often a query or a write: a million-item batch is a denial of service the
// contract allows (OWASP API4). Bounded without maxItems: unique items drawn from a fixed list (`uniqueItems` with
// an `enum`, `const` or boolean item), and OAS 3.1 tuples (`prefixItems` with `items: false`).
import { defineSpecRule } from '../support/spec-rule';
import { isFlagSet, schemaTypes, valueOf, type SpecMap, type SpecNode } from '../support/spec-tree';
import { describeSubject, hasFixedValues, hasKey, hasType, isClientSentValue, schemaAnchor, setKeywordFix } from '../support/request-schemas';

type MessageId = 'unboundedArray';

export interface UnboundedArrayOptions {
  /** The `maxItems` the fix writes (the user then edits it). */
  maxItems: number;
}

export const unboundedArray = defineSpecRule<UnboundedArrayOptions, MessageId>({
  meta: {
    id: 'spec/unbounded-array',
    description: 'Request arrays (bodies and query parameters) without maxItems.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-770'],
    owaspApi: 'API4:2023 Unrestricted Resource Consumption',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      unboundedArray: '{{subject}} is an array without maxItems: a client can send any number of items.',
    },
  },
  defaultOptions: { maxItems: 100 },
  create(context) {
    return {
      schema(schema) {
        const { node } = schema;
        if (schema.direction !== 'request' || !hasType(node, 'array')) return;
        if (hasKey(node, 'maxItems') || hasFixedValues(node) || isBoundedTuple(node) || hasUniqueItemsFromFixedList(node, context.resolve(valueOf(node, 'items')))) return;
        if (!isClientSentValue(schema, context)) return;
        const anchor = schemaAnchor(schema, context);
        const limit = context.options.maxItems;
        context.report({
          messageId: 'unboundedArray',
          node: anchor.node,
          range: anchor.range,
          data: { subject: describeSubject(schema) },
          fixes: setKeywordFix(`Add maxItems: ${limit} (then edit it to the real limit)`, node, 'maxItems', limit),
        });
      },
    };
  },
});

function isBoundedTuple(node: SpecMap): boolean {
  const items = valueOf(node, 'items');
  return hasKey(node, 'prefixItems') && items?.kind === 'scalar' && items.value === false;
}

/** `uniqueItems: true` over a fixed list of values: at most as many items as the list has. */
function hasUniqueItemsFromFixedList(node: SpecMap, items: SpecNode | undefined): boolean {
  if (!isFlagSet(node, 'uniqueItems') || items?.kind !== 'map') return false;
  if (hasFixedValues(items)) return true;
  const types = schemaTypes(items);
  return types.length > 0 && types.every((type) => type === 'boolean' || type === 'null');
}
