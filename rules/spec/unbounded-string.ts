// spec/unbounded-string: a string a client sends (request body or query parameter) with no length limit in the
// contract. Validators built from the spec then accept megabytes in a name field, which the server parses, stores,
// logs and searches (OWASP API4: unrestricted resource consumption). Bounded: `maxLength`, `enum`/`const`, a
// pattern anchored at both ends with no unbounded quantifier, or a format whose validators fix the length (uuid,
// date, date-time, time, ipv4, ipv6, hostname). Not bounded: `email`, `uri` (their usual validators accept any
// length). File uploads (`format: binary`) are limited by the server's body size, not by the schema.
import { defineSpecRule } from '../support/spec-rule';
import { stringAt } from '../support/spec-tree';
import { BINARY_FORMATS, BOUNDED_FORMATS } from '../data/request-limits';
import { describeSubject, hasFixedValues, hasKey, hasType, isClientSentValue, schemaAnchor, setKeywordFix } from '../support/request-schemas';

type MessageId = 'unboundedString';

export interface UnboundedStringOptions {
  /** The `maxLength` the fix writes (the user then edits it). */
  maxLength: number;
}

export const unboundedString = defineSpecRule<UnboundedStringOptions, MessageId>({
  meta: {
    id: 'spec/unbounded-string',
    description: 'Request strings (bodies and query parameters) without maxLength, enum or a length-fixing format or pattern.',
    category: 'spec',
    defaultSeverity: 'info',
    confidence: 'medium',
    cwe: ['CWE-770'],
    owaspApi: 'API4:2023 Unrestricted Resource Consumption',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      unboundedString: '{{subject}} is a string without maxLength: a client can send a value of any size.',
    },
  },
  defaultOptions: { maxLength: 255 },
  create(context) {
    return {
      schema(schema) {
        const { node } = schema;
        if (schema.direction !== 'request' || !hasType(node, 'string')) return;
        if (hasKey(node, 'maxLength') || hasFixedValues(node)) return;
        const format = stringAt(node, 'format');
        if (format !== undefined && (BOUNDED_FORMATS.has(format) || BINARY_FORMATS.has(format))) return;
        if (hasKey(node, 'contentMediaType') || hasKey(node, 'contentEncoding')) return;
        const pattern = stringAt(node, 'pattern');
        if (pattern !== undefined && patternBoundsLength(pattern)) return;
        if (!isClientSentValue(schema, context)) return;
        const anchor = schemaAnchor(schema, context);
        const limit = context.options.maxLength;
        context.report({
          messageId: 'unboundedString',
          node: anchor.node,
          range: anchor.range,
          data: { subject: describeSubject(schema) },
          fixes: setKeywordFix(`Add maxLength: ${limit} (then edit it to the real limit)`, node, 'maxLength', limit),
        });
      },
    };
  },
});

/**
 * True when a pattern only matches strings of bounded length: anchored with `^…$`, no top-level alternative that
 * escapes the anchors, and no `*`, `+` or `{n,}` outside escapes and character classes.
 */
export function patternBoundsLength(pattern: string): boolean {
  if (!pattern.startsWith('^') || !pattern.endsWith('$') || pattern.endsWith('\\$')) return false;
  const simplified = pattern.replace(/\\./g, 'x').replace(/\[[^\]]*\]/g, 'x');
  if (/[*+]|\{\d*,\}/.test(simplified)) return false;
  let depth = 0;
  for (const char of simplified) {
    if (char === '(') depth++;
    else if (char === ')') depth--;
    else if (char === '|' && depth === 0) return false;
  }
  return true;
}
