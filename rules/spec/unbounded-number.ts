// spec/unbounded-number: an integer or number a client sends (request body or query parameter) with no `maximum`.
// Page sizes, quantities, amounts and durations then take any value the type holds: `limit=1000000` reads the whole
// table, a quantity of 2^31 overflows a total (OWASP API4, and business-logic abuse). `format: int32`/`int64` is
// not a bound: it says how the value is stored, not what the business accepts. Bounded: `maximum`,
// `exclusiveMaximum` (a number in OAS 3.1), `enum`/`const`.
import { PAGE_SIZE_NAMES } from '../data/request-limits';
import { defineSpecRule } from '../support/spec-rule';
import { valueOf, type SpecMap } from '../support/spec-tree';
import { describeSubject, hasFixedValues, hasKey, hasType, isClientSentValue, originOf, schemaAnchor, setKeywordFix } from '../support/request-schemas';

type MessageId = 'unboundedNumber';

export interface UnboundedNumberOptions {
  /** The `maximum` the fix writes for page sizes and counts (`limit`, `per_page`, `pageSize`…). */
  pageSizeMaximum: number;
  /** The `maximum` the fix writes for other numbers (the user then edits it). */
  maximum: number;
}

export const unboundedNumber = defineSpecRule<UnboundedNumberOptions, MessageId>({
  meta: {
    id: 'spec/unbounded-number',
    description: 'Request integers and numbers (bodies and query parameters) without maximum.',
    category: 'spec',
    // Page sizes (`limit`, `per_page`…) are the classic API4 flaw: warning. Other numbers: information.
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-770', 'CWE-1284'],
    owaspApi: 'API4:2023 Unrestricted Resource Consumption',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      unboundedNumber: '{{subject}} is {{type}} without maximum: a client can send any value the type holds.',
    },
  },
  defaultOptions: { pageSizeMaximum: 100, maximum: 1000000 },
  create(context) {
    return {
      schema(schema) {
        if (schema.direction !== 'request') return;
        const { node } = schema;
        const type = hasType(node, 'integer') ? 'an integer' : hasType(node, 'number') ? 'a number' : undefined;
        if (!type || hasKey(node, 'maximum') || hasNumericExclusiveMaximum(node) || hasFixedValues(node)) return;
        if (!isClientSentValue(schema, context)) return;
        const anchor = schemaAnchor(schema, context);
        const origin = originOf(schema);
        const name = schema.propertyName ?? (origin.kind === 'parameter' && schema.parent === undefined ? origin.name : undefined);
        const pageSize = isPageSizeName(name);
        const limit = pageSize ? context.options.pageSizeMaximum : context.options.maximum;
        context.report({
          messageId: 'unboundedNumber',
          node: anchor.node,
          range: anchor.range,
          data: { type, subject: describeSubject(schema) },
          fixes: setKeywordFix(`Add maximum: ${limit} (then edit it to the real limit)`, node, 'maximum', limit),
          ...(pageSize ? {} : { severity: 'info' as const }),
        });
      },
    };
  },
});

/** OAS 3.1 (JSON Schema 2020-12) `exclusiveMaximum: 100`; OAS 3.0's boolean form needs `maximum` beside it. */
function hasNumericExclusiveMaximum(node: SpecMap): boolean {
  const value = valueOf(node, 'exclusiveMaximum');
  return value?.kind === 'scalar' && typeof value.value === 'number';
}

/** True for `limit`, `per_page`, `pageSize`, `maxResults`…: the fix suggests a page-sized maximum, and it is a warning. */
export function isPageSizeName(name: string | undefined): boolean {
  return name !== undefined && PAGE_SIZE_NAMES.has(name.toLowerCase().replace(/[_\-]/g, ''));
}
