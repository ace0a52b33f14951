// spec/open-request-schema: a request-body object that accepts properties it does not declare
// (`additionalProperties` absent or true). Validators built from the spec then pass `{ "role": "admin" }` through
// to code that copies the body into a record: mass assignment, allowed by the contract (OWASP API3). Typed maps
// (`additionalProperties: {schema}`) are fine. An `allOf` composition is judged as a whole, once, at the composing
// schema: `additionalProperties: false` on a part would reject the other parts' properties, so OAS 3.1 closes it
// with `unevaluatedProperties: false`, and OAS 2.0/3.0 (which lack it) with `additionalProperties: false` beside the
// composed property names listed in the composing schema's own `properties`.
import { defineSpecRule, type SchemaInfo, type SpecRuleContext } from '../support/spec-rule';
import { isMap, isSeq, valueOf, type SpecMap } from '../support/spec-tree';
import { describeSubject, hasKey, isAllOfPart, isReadOnlyForClients, isTopLevel, hasType, originOf, setKeywordFix } from '../support/request-schemas';
import { combineEdits, insertEntries, insertEntry, type SpecValue } from '../support/spec-edits';
import type { RuleEdit, RuleFix } from '../support/rule';

type MessageId = 'openObject' | 'openComposition' | 'freeFormObject';

export const openRequestSchema = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/open-request-schema',
    description: 'Request-body object schemas that accept properties they do not declare (mass assignment at the contract level).',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-915'],
    owaspApi: 'API3:2023 Broken Object Property Level Authorization',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      openObject: '{{subject}} is an object that accepts undeclared properties (no additionalProperties: false): a client can send fields the server never meant to take.',
      openComposition: '{{subject}} is an allOf composition that accepts undeclared properties: close it {{how}}.',
      freeFormObject: '{{subject}} is a free-form object (no properties, no additionalProperties): declare its properties, or its value type as a map.',
    },
  },
  defaultOptions: {},
  create(context) {
    let version = '3.0';
    return {
      document(spec) {
        version = spec.version;
      },
      schema(schema) {
        if (schema.direction !== 'request') return;
        const { node } = schema;
        // What the schema is first (cheap, node-local); where it sits only for the objects that remain.
        const composition = hasKey(node, 'allOf');
        if (!composition && !hasType(node, 'object') && !(!hasKey(node, 'type') && hasKey(node, 'properties'))) return;
        if (originOf(schema).kind !== 'body' || isAllOfPart(schema, context) || isReadOnlyForClients(schema, context)) return;
        if (composition) {
          const composed = composedProperties(node, context, new Set());
          if (composed === 'map' || composed === 'closed' || composed.size === 0 || isClosedComposition(node, version)) return;
          const how = version === '3.1' ? 'with unevaluatedProperties: false' : 'with additionalProperties: false beside the composed property names (OAS ' + version + ' has no unevaluatedProperties; additionalProperties: false on a part rejects the other parts\' properties)';
          context.report({ messageId: 'openComposition', node, range: valueKeyRange(node, 'allOf'), data: { subject: describeSubject(schema), how }, fixes: closeCompositionFix(node, composed, version, context), ...nestedSeverity(schema) });
          return;
        }
        const openness = opennessOf(node, version);
        if (openness === 'closed') return;
        const properties = context.resolve(valueOf(node, 'properties'));
        const declaresProperties = isMap(properties) && properties.entries.length > 0;
        if (!declaresProperties) {
          // Nothing declared and nothing said about the rest: a free-form object. `additionalProperties: false`
          // would make it accept only `{}`, so there is no one-line fix; say it, quietly.
          if (openness === 'absent' && !hasKey(node, 'patternProperties') && !hasKey(node, 'oneOf') && !hasKey(node, 'anyOf')) {
            context.report({ messageId: 'freeFormObject', node, range: anchorRange(node), data: { subject: describeSubject(schema) }, severity: 'info' });
          }
          return;
        }
        context.report({
          messageId: 'openObject',
          node,
          range: anchorRange(node),
          data: { subject: describeSubject(schema) },
          fixes: setKeywordFix(`${openness === 'absent' ? 'Add' : 'Set'} additionalProperties: false`, node, 'additionalProperties', false),
          ...nestedSeverity(schema),
        });
      },
    };
  },
});

/**
 * The body's own object is what code copies into a record; nested objects (an address, a card, options) are
 * mostly copied into sub-documents or read field by field. Measured on Stripe's spec: all 1,189 open request
 * objects were nested (its bodies' own objects are closed). They stay reported, one level quieter.
 */
function nestedSeverity(schema: SchemaInfo): { severity?: 'info' } {
  return isTopLevel(schema) ? {} : { severity: 'info' };
}

/** `closed` (false, or OAS 3.1 `unevaluatedProperties: false`), `map` (a value schema), `open` (true or `{}`), `absent`. */
function opennessOf(node: SpecMap, version: string): 'closed' | 'map' | 'open' | 'absent' {
  const additional = valueOf(node, 'additionalProperties');
  if (version === '3.1' && isFalse(valueOf(node, 'unevaluatedProperties'))) return 'closed';
  if (!additional) return 'absent';
  if (additional.kind === 'scalar') return additional.value === false || additional.value === 'false' ? 'closed' : 'open';
  if (additional.kind === 'map' && additional.entries.length > 0) return 'map';
  return 'open';
}

function isFalse(node: ReturnType<typeof valueOf>): boolean {
  return node?.kind === 'scalar' && (node.value === false || node.value === 'false');
}

/** The composing schema itself closes the composition (parts cannot: see the file comment). */
function isClosedComposition(node: SpecMap, version: string): boolean {
  if (version === '3.1' && isFalse(valueOf(node, 'unevaluatedProperties'))) return true;
  // OAS 2.0/3.0: `additionalProperties: false` on the composing schema closes it (the fix lists the composed names
  // beside it so they stay accepted); a typed map there makes the whole a map.
  const additional = opennessOf(node, '3.0');
  return additional === 'closed' || additional === 'map';
}

/**
 * The property names an `allOf` composition declares, through nested compositions; `map` when a part is a typed
 * map; `closed` when a part has `additionalProperties: false` (it then rejects every property it does not declare
 * itself, the other parts' too: the composition is broken rather than open, and not this rule's finding).
 */
export function composedProperties(node: SpecMap, context: SpecRuleContext<any>, visiting: Set<SpecMap>): Set<string> | 'map' | 'closed' {
  const names = new Set<string>();
  if (visiting.has(node)) return names;
  visiting.add(node);
  const own = context.resolve(valueOf(node, 'properties'));
  if (isMap(own)) for (const entry of own.entries) names.add(entry.key);
  const parts = context.resolve(valueOf(node, 'allOf'));
  if (isSeq(parts)) {
    for (const item of parts.items) {
      const part = context.resolve(item);
      if (!isMap(part)) continue;
      const openness = opennessOf(part, '3.0');
      if (openness === 'map' || openness === 'closed') return openness;
      const inner = composedProperties(part, context, visiting);
      if (inner === 'map' || inner === 'closed') return inner;
      for (const name of inner) names.add(name);
    }
  }
  return names;
}

/**
 * OAS 3.1: `unevaluatedProperties: false` on the composing schema sees the parts' properties. OAS 2.0/3.0:
 * `additionalProperties: false` only sees properties declared beside it, so the composed names are listed there
 * too (with empty schemas: the parts still say what each one holds).
 */
function closeCompositionFix(node: SpecMap, composed: Set<string>, version: string, context: SpecRuleContext<any>): RuleFix[] {
  if (version === '3.1') return setKeywordFix('Add unevaluatedProperties: false', node, 'unevaluatedProperties', false);
  if (hasKey(node, 'additionalProperties')) return [];
  const ownEntry = valueOf(node, 'properties');
  const own = context.resolve(ownEntry);
  const missing = [...composed].filter((name) => !(isMap(own) && own.entries.some((entry) => entry.key === name)));
  const emptySchemas: Record<string, SpecValue> = Object.fromEntries(missing.map((name) => [name, {}]));
  let edits: RuleEdit[] | undefined;
  if (!ownEntry) {
    const edit = insertEntries(node, [['properties', emptySchemas], ['additionalProperties', false]]);
    edits = edit ? [edit] : undefined;
  } else if (isMap(own) && own === ownEntry && own.entries.length > 0) {
    const closing = insertEntry(node, 'additionalProperties', false);
    edits = missing.length > 0 ? combineEdits(insertEntries(own, emptySchemas), closing) : combineEdits(closing);
  }
  if (!edits) return [];
  return [{ title: 'List the composed properties and add additionalProperties: false', edits, isPreferred: true, safeForFixAll: false }];
}

function valueKeyRange(node: SpecMap, key: string): { start: number; end: number } {
  for (const entry of node.entries) if (entry.key === key) return entry.keyRange;
  return anchorRange(node);
}

/** `type` when present, else `properties`, else the first key: one short place in the schema. */
function anchorRange(node: SpecMap): { start: number; end: number } {
  const entry = node.entries.find((candidate) => candidate.key === 'type') ?? node.entries.find((candidate) => candidate.key === 'properties') ?? node.entries[0];
  return entry ? entry.keyRange : node.range;
}
