// The parsed form of an OpenAPI/Swagger document that spec rules read: one tree shape for YAML and JSON, every
// node carrying the offsets of its text, so a finding lands on the exact key or value and a fix edits the text
// surgically (the document is never re-serialised). Made by server/engine/openapi/parse-spec.ts; plain data.
import type { OffsetRange } from './rule';

export type SpecSyntax = 'yaml' | 'json';

/** One parsed file: a spec, or a fragment that a spec's `$ref` points into. */
export interface SpecDocument {
  /** Absolute path. */
  readonly filePath: string;
  readonly text: string;
  readonly syntax: SpecSyntax;
  /** Undefined when the file is empty or could not be parsed at all. */
  readonly root: SpecNode | undefined;
}

export type SpecNode = SpecMap | SpecSeq | SpecScalar;

interface SpecNodeBase {
  /** The node's own text: for a map or sequence, from its first key or item (or `{`/`[`) to its last character. */
  readonly range: OffsetRange;
  readonly document: SpecDocument;
  /** `{…}`/`[…]` (always true in JSON); false for YAML block collections. Fixes write entries in the same style. */
  readonly flow: boolean;
}

export interface SpecEntry {
  readonly key: string;
  readonly keyRange: OffsetRange;
  readonly value: SpecNode;
}

export interface SpecMap extends SpecNodeBase {
  readonly kind: 'map';
  readonly entries: readonly SpecEntry[];
}

export interface SpecSeq extends SpecNodeBase {
  readonly kind: 'seq';
  readonly items: readonly SpecNode[];
}

export type ScalarStyle = 'plain' | 'single' | 'double' | 'block';

export interface SpecScalar extends SpecNodeBase {
  readonly kind: 'scalar';
  readonly value: string | number | boolean | null;
  readonly style: ScalarStyle;
}

export function isMap(node: SpecNode | undefined): node is SpecMap {
  return node?.kind === 'map';
}

export function isSeq(node: SpecNode | undefined): node is SpecSeq {
  return node?.kind === 'seq';
}

export function isScalar(node: SpecNode | undefined): node is SpecScalar {
  return node?.kind === 'scalar';
}

/** The entry of `key` in a map (the first one when a key repeats), or undefined. */
export function entryOf(node: SpecNode | undefined, key: string): SpecEntry | undefined {
  if (node?.kind !== 'map') return undefined;
  for (const entry of node.entries) if (entry.key === key) return entry;
  return undefined;
}

/** The value under `key`, without resolving `$ref`. */
export function valueOf(node: SpecNode | undefined, key: string): SpecNode | undefined {
  return entryOf(node, key)?.value;
}

/** A scalar's value as a string (numbers and booleans too), or undefined for anything else. */
export function stringOf(node: SpecNode | undefined): string | undefined {
  if (node?.kind !== 'scalar' || node.value === null) return undefined;
  return String(node.value);
}

/** The string under `key`, e.g. `stringAt(parameter, 'in')`. */
export function stringAt(node: SpecNode | undefined, key: string): string | undefined {
  return stringOf(valueOf(node, key));
}

/** A schema's `type`: one name, or the list OAS 3.1 allows (`[string, 'null']`); empty when untyped. */
export function schemaTypes(schema: SpecNode | undefined): string[] {
  const type = valueOf(schema, 'type');
  if (isSeq(type)) return type.items.map((item) => stringOf(item) ?? '').filter(Boolean);
  const single = stringOf(type);
  return single === undefined ? [] : [single];
}

/** A boolean keyword set to true (`readOnly: true`; the string `'true'` too, as some generators write it). */
export function isFlagSet(node: SpecNode | undefined, key: string): boolean {
  const value = valueOf(node, key);
  return value?.kind === 'scalar' && (value.value === true || value.value === 'true');
}

/** The plain JavaScript value of a node (for examples and small values; never call it on a whole document). */
export function plainValueOf(node: SpecNode | undefined, budget = { nodes: 10_000 }): unknown {
  if (!node || --budget.nodes < 0) return undefined;
  if (node.kind === 'scalar') return node.value;
  if (node.kind === 'seq') return node.items.map((item) => plainValueOf(item, budget));
  const value: Record<string, unknown> = {};
  for (const entry of node.entries) value[entry.key] = plainValueOf(entry.value, budget);
  return value;
}
