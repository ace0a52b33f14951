// What the request-schema rules (spec/open-request-schema, spec/writable-server-field, spec/unbounded-*) share:
// where a schema met by the walk sits (body or parameter, which property), whether a client sends it at all
// (readOnly), its declared types, and the place to underline. Plain functions over spec-tree nodes.
import type { OffsetRange, RuleFix } from './rule';
import { setEntryValue, type SpecValue } from './spec-edits';
import type { SchemaInfo, SpecRuleContext } from './spec-rule';
import { entryOf, isFlagSet, isMap, isSeq, valueOf, type SpecMap, type SpecNode } from './spec-tree';

/** The schema a body or parameter starts from (the walk's first schema for it). */
export function rootOf(schema: SchemaInfo): SchemaInfo {
  let current = schema;
  while (current.parent) current = current.parent;
  return current;
}

// The walk hands every rule the same SchemaInfo objects: facts derived from one (and from its ancestors) are
// computed once for all request-schema rules. Specs are re-analysed on every keystroke; GitHub's has 100k schemas.
const originCache = new WeakMap<SchemaInfo, RequestOrigin>();
const readOnlyCache = new WeakMap<SchemaInfo, boolean>();

export type RequestOrigin = { kind: 'body' } | { kind: 'parameter'; location: string; name: string };

/** A request schema's origin, read from the root path the walk gives (`request body`, `query parameter "q"`). */
export function originOf(schema: SchemaInfo): RequestOrigin {
  const known = originCache.get(schema);
  if (known) return known;
  let origin: RequestOrigin;
  if (schema.parent) origin = originOf(schema.parent);
  else {
    const parameter = /^(\w+) parameter "(.*)"$/.exec(schema.path);
    origin = parameter ? { kind: 'parameter', location: parameter[1]!, name: parameter[2]! } : { kind: 'body' };
  }
  originCache.set(schema, origin);
  return origin;
}

/** describeWhere as the start of a sentence: `The request body of POST /users`, `Query parameter "q" of GET /search`. */
export function describeSubject(schema: SchemaInfo): string {
  const where = describeWhere(schema);
  return where.charAt(0).toUpperCase() + where.slice(1);
}

/** `the request body of POST /users`, `"address.street" in the request body of POST /users`, `query parameter "q" of GET /search`. */
export function describeWhere(schema: SchemaInfo): string {
  const root = rootOf(schema);
  const rootText = root.path === 'request body' ? `the request body of ${schema.operation.label}` : `${root.path.replace(/^formData /, 'form ')} of ${schema.operation.label}`;
  if (schema === root || schema.path === root.path) return rootText;
  return `"${relativePath(schema.path, root.path, originOf(schema))}" in ${rootText}`;
}

/**
 * The walk's path below the body or parameter: properties of a body or parameter come bare (`address.street`),
 * items carry the root's path (`request body[]`, `query parameter "ids"[]`): shown as `items[].name`, `ids[]`.
 */
function relativePath(path: string, rootPath: string, origin: RequestOrigin): string {
  if (!path.startsWith(rootPath)) return path;
  const rest = path.slice(rootPath.length).replace(/^\./, '');
  if (origin.kind === 'parameter') return `${origin.name}${rest.startsWith('[') || rest.startsWith('{') || rest === '' ? '' : '.'}${rest}`;
  return rest.startsWith('[') || rest.startsWith('{') ? `items${rest}` : rest;
}

/** The property's entry as written in its parent (before `$ref` resolution), when the schema is a property. */
export function propertyEntryOf(schema: SchemaInfo, context: SpecRuleContext<any>): { keyRange: OffsetRange; raw: SpecNode; owner: SpecMap } | undefined {
  if (schema.propertyName === undefined || !schema.parent) return undefined;
  const properties = context.resolve(valueOf(schema.parent.node, 'properties'));
  const entry = entryOf(properties, schema.propertyName);
  // Composition parts inherit the composing schema's property name: only the property's own schema matches.
  if (!entry || !isMap(properties) || context.resolve(entry.value) !== schema.node) return undefined;
  return { keyRange: entry.keyRange, raw: entry.value, owner: properties };
}

/**
 * True when clients never send this schema: it, or the property holding it (OAS 3.1 allows `readOnly` beside
 * `$ref`), or an enclosing property is `readOnly`.
 */
export function isReadOnlyForClients(schema: SchemaInfo, context: SpecRuleContext<any>): boolean {
  const known = readOnlyCache.get(schema);
  if (known !== undefined) return known;
  const raw = propertyEntryOf(schema, context)?.raw;
  const readOnly = isFlagSet(schema.node, 'readOnly') || (raw !== undefined && isFlagSet(raw, 'readOnly')) || (schema.parent !== undefined && isReadOnlyForClients(schema.parent, context));
  readOnlyCache.set(schema, readOnly);
  return readOnly;
}

/** `type: <type>`, or `<type>` in an OAS 3.1 type list; allocation-free (called for every request schema). */
export function hasType(node: SpecMap, type: string): boolean {
  const value = valueOf(node, 'type');
  if (value?.kind === 'scalar') return value.value === type;
  return isSeq(value) && value.items.some((item) => item.kind === 'scalar' && item.value === type);
}

export function hasKey(node: SpecNode | undefined, key: string): boolean {
  return entryOf(node, key) !== undefined;
}

/** True when `schema` is one of its parent's `allOf` parts (the composition is judged as a whole, at the parent). */
export function isAllOfPart(schema: SchemaInfo, context: SpecRuleContext<any>): boolean {
  const parent = schema.parent;
  // Parts carry the composing schema's property name: the composition's own `allOf` list says what is a part.
  if (!parent) return false;
  const parts = context.resolve(valueOf(parent.node, 'allOf'));
  return isSeq(parts) && parts.items.some((part) => context.resolve(part) === schema.node);
}

/** The key to underline for a schema: its `type`, else its first key; a property's name when it is a property. */
export function schemaAnchor(schema: SchemaInfo, context: SpecRuleContext<any>, preferProperty = false): { node: SpecNode; range: OffsetRange } {
  const property = preferProperty ? propertyEntryOf(schema, context) : undefined;
  if (property && property.owner.document === schema.node.document) return { node: property.owner, range: property.keyRange };
  const type = entryOf(schema.node, 'type');
  const first = type ?? schema.node.entries[0];
  return { node: schema.node, range: first ? first.keyRange : schema.node.range };
}

/**
 * The request schemas the unbounded-* rules judge: what a client sends in a body (JSON or form) or a query
 * parameter, not marked `readOnly`. Path, header and cookie values are already bounded by the HTTP server's URL and
 * header limits; responses are the server's own output (Spectral's OWASP set reports those too: mostly noise).
 */
export function isClientSentValue(schema: SchemaInfo, context: SpecRuleContext<any>): boolean {
  if (schema.direction !== 'request') return false;
  const origin = originOf(schema);
  if (origin.kind === 'parameter' && origin.location !== 'query' && origin.location !== 'formData') return false;
  return !isReadOnlyForClients(schema, context);
}

/** `enum`/`const` (OAS 3.1, and `x-const`-free): a value from a fixed list is bounded whatever its type. */
export function hasFixedValues(node: SpecMap): boolean {
  const values = valueOf(node, 'enum');
  return (isSeq(values) && values.items.length > 0) || hasKey(node, 'const');
}

/** The body itself, or a composition part of it: not a nested object or an array item. */
export function isTopLevel(schema: SchemaInfo): boolean {
  const root = rootOf(schema);
  for (let current: SchemaInfo | undefined = schema; current && current !== root; current = current.parent) {
    if (current.propertyName !== undefined || current.path !== root.path) return false;
  }
  return true;
}

/**
 * A fix that sets `key: value` in a schema: added when absent, replacing what is written there otherwise
 * (`additionalProperties: true` or `{}` → `false`), in the file's style. No fix when the edit cannot be made.
 */
export function setKeywordFix(title: string, node: SpecMap, key: string, value: SpecValue & (string | number | boolean), safeForFixAll = false): RuleFix[] {
  const edit = setEntryValue(node, key, value);
  return edit ? [{ title, edits: [edit], isPreferred: true, safeForFixAll }] : [];
}
