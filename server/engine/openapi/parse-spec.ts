// YAML and JSON text → the one spec tree rules read (rules/support/spec-tree.ts), with offsets for every node.
// YAML through `yaml` (its composed document keeps each node's source range), JSON through `jsonc-parser`'s
// tree. Never throws: a syntax error, an alias bomb or nesting too deep becomes a `SpecParseError` with the offset
// of its cause, and the caller reports it as one diagnostic.
import * as path from 'node:path';
import { visit } from 'jsonc-parser';
import { describeJsonError } from '../config';
import { Alias, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, Scalar, type Node as YamlNode } from 'yaml';
import type { OffsetRange } from '../../../rules/support/rule';
import type { ScalarStyle, SpecDocument, SpecEntry, SpecMap, SpecNode, SpecScalar, SpecSeq, SpecSyntax } from '../../../rules/support/spec-tree';

export interface SpecParseError {
  message: string;
  range: OffsetRange;
}

export interface ParsedSpecFile {
  document: SpecDocument;
  /** The first error that stops analysis, if any (the tree may then be partial or absent). */
  error: SpecParseError | undefined;
}

/** Deeper than any real spec; past it, conversion stops instead of risking the stack. */
const MAX_DEPTH = 1_000;
/** Nodes the tree may hold once aliases are expanded: a real spec is well below, an alias bomb far above. */
const MAX_EXPANDED_NODES_FLOOR = 200_000;
const EXPANSION_FACTOR = 10;

const SPEC_EXTENSIONS = new Set(['.yaml', '.yml', '.json']);

/** Files that may be specs (or `$ref` targets of specs): YAML and JSON. */
export function isSpecCandidateFile(filePath: string): boolean {
  return SPEC_EXTENSIONS.has(path.extname(filePath).toLowerCase());
}

export function syntaxOf(filePath: string): SpecSyntax {
  return path.extname(filePath).toLowerCase() === '.json' ? 'json' : 'yaml';
}

/**
 * True when the text may be an OpenAPI/Swagger document: a root-level `openapi`/`swagger` key. Cheap, before any
 * parse, so the many YAML/JSON files that are not specs (package.json, CI workflows, tsconfig) cost one scan.
 */
export function mayBeSpecText(text: string, syntax: SpecSyntax): boolean {
  return syntax === 'json' ? JSON_SPEC_KEY.test(text) : YAML_SPEC_KEY.test(text);
}

const YAML_SPEC_KEY = /^\uFEFF?["']?(?:openapi|swagger)["']?[ \t]*:/m;
const JSON_SPEC_KEY = /"(?:openapi|swagger)"\s*:/;

export function parseSpecText(filePath: string, text: string, syntax: SpecSyntax = syntaxOf(filePath)): ParsedSpecFile {
  try {
    return syntax === 'json' ? parseJson(filePath, text) : parseYaml(filePath, text);
  } catch (error) {
    // The parsers recurse: pathological nesting can overflow the stack before our own depth check sees it.
    const message = error instanceof RangeError ? 'nested too deeply to parse' : `could not parse (${String(error)})`;
    return { document: { filePath, text, syntax, root: undefined }, error: { message, range: { start: 0, end: 0 } } };
  }
}

class TooDeep extends Error {
  constructor(readonly offset: number) {
    super('too deep');
  }
}

class AliasBomb extends Error {
  constructor(
    readonly offset: number,
    readonly expanded: number,
  ) {
    super('alias bomb');
  }
}

/** YAML documents whose tree shares nodes through aliases (an edit to one occurrence would change them all). */
const DOCUMENTS_WITH_ALIASES = new WeakSet<SpecDocument>();

export function hasAliases(document: SpecDocument): boolean {
  return DOCUMENTS_WITH_ALIASES.has(document);
}

function parseYaml(filePath: string, text: string): ParsedSpecFile {
  const document: { filePath: string; text: string; syntax: SpecSyntax; root: SpecNode | undefined } = { filePath, text, syntax: 'yaml', root: undefined };
  const parsed = parseDocument(text, { uniqueKeys: false, lineCounter: new LineCounter(), prettyErrors: false, strict: false });
  const firstError = parsed.errors[0];
  if (firstError) {
    return { document, error: { message: `invalid YAML: ${firstLine(firstError.message)}`, range: { start: firstError.pos[0], end: Math.max(firstError.pos[1], firstError.pos[0]) } } };
  }
  if (!parsed.contents) return { document, error: undefined };
  const converted = new Map<YamlNode, SpecNode>();
  const expandedSize = new Map<SpecNode, number>();
  let sourceNodes = 0;
  const sizeOf = (node: SpecNode): number => expandedSize.get(node) ?? 1;

  const convert = (node: YamlNode, depth: number): SpecNode => {
    if (isAlias(node)) return convertAlias(node, depth);
    const known = converted.get(node);
    if (known) return known;
    if (depth > MAX_DEPTH) throw new TooDeep(node.range?.[0] ?? 0);
    sourceNodes++;
    const range = rangeOf(node, text);
    let result: SpecNode;
    if (isMap(node)) {
      const entries: SpecEntry[] = [];
      const map: SpecMap = { kind: 'map', range, document, flow: node.flow === true, entries };
      let size = 1;
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const key = pair.key as YamlNode | null;
        const keyText = key && isScalar(key) ? String(key.value) : key ? String((key as { toString(): string }).toString()) : '';
        const keyRange = key?.range ? { start: key.range[0], end: key.range[1] } : { start: range.start, end: range.start };
        const value = pair.value ? convert(pair.value as YamlNode, depth + 1) : emptyScalar(keyRange.end, document);
        size += sizeOf(value);
        entries.push({ key: keyText, keyRange, value });
      }
      expandedSize.set(map, size);
      if (!map.flow && entries.length > 0) range.end = Math.max(entries[entries.length - 1]!.value.range.end, entries[entries.length - 1]!.keyRange.end);
      result = map;
    } else if (isSeq(node)) {
      const items: SpecNode[] = [];
      const seq: SpecSeq = { kind: 'seq', range, document, flow: node.flow === true, items };
      let size = 1;
      for (const item of node.items) {
        const child = item ? convert(item as YamlNode, depth + 1) : emptyScalar(range.end, document);
        size += sizeOf(child);
        items.push(child);
      }
      expandedSize.set(seq, size);
      if (!seq.flow && items.length > 0) range.end = items[items.length - 1]!.range.end;
      result = seq;
    } else if (isScalar(node)) {
      result = { kind: 'scalar', range, document, flow: false, value: scalarValue(node.value), style: yamlStyle(node) } satisfies SpecScalar;
    } else {
      result = emptyScalar(range.start, document);
    }
    converted.set(node, result);
    return result;
  };

  // An alias is the anchored node itself (shared, never copied): the tree stays as small as the text. What would
  // be an expansion is still counted, so an alias bomb (aliases of aliases…) is refused instead of walked.
  const convertAlias = (alias: Alias, depth: number): SpecNode => {
    DOCUMENTS_WITH_ALIASES.add(document);
    const target = alias.resolve(parsed) as YamlNode | undefined;
    if (!target) return emptyScalar(alias.range?.[0] ?? 0, document);
    const node = convert(target, depth);
    return node;
  };

  try {
    document.root = convert(parsed.contents as YamlNode, 0);
    const expanded = sizeOf(document.root);
    if (expanded > Math.max(MAX_EXPANDED_NODES_FLOOR, sourceNodes * EXPANSION_FACTOR)) throw new AliasBomb(0, expanded);
  } catch (error) {
    document.root = undefined;
    if (error instanceof TooDeep) return { document, error: { message: `nested more than ${MAX_DEPTH} levels deep; not analysed`, range: { start: error.offset, end: error.offset } } };
    if (error instanceof AliasBomb) {
      const firstAlias = firstAliasOffset(text);
      return {
        document,
        error: { message: `YAML aliases would expand to ${error.expanded.toLocaleString('en-US')} nodes (an "alias bomb"); refused, not expanded`, range: { start: firstAlias, end: firstAlias } },
      };
    }
    throw error;
  }
  return { document, error: undefined };
}

/**
 * JSON through jsonc-parser's event API, building the spec tree directly: no intermediate tree, which halves the
 * memory and time of a 13 MB spec.
 */
function parseJson(filePath: string, text: string): ParsedSpecFile {
  const document: { filePath: string; text: string; syntax: SpecSyntax; root: SpecNode | undefined } = { filePath, text, syntax: 'json', root: undefined };
  // Editors on Windows save UTF-8 with a byte order mark: not JSON, but a valid file. Offsets stay the text's.
  const bom = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const { root, error } = parseJsonValue(document, bom ? text.slice(1) : text, bom);
  if (error) return { document, error };
  document.root = root;
  return { document, error: undefined };
}

/**
 * One JSON value, `text` being the document's text from offset `base` on (the whole text, or one node's slice when
 * a spec is re-parsed incrementally): nodes get document offsets and belong to `document`.
 */
export function parseJsonValue(document: SpecDocument, text: string, base: number): { root: SpecNode | undefined; error: SpecParseError | undefined } {
  let root: SpecNode | undefined;
  const stack: { node: SpecMap | SpecSeq; key: string; keyRange: OffsetRange }[] = [];
  let error: SpecParseError | undefined;
  let tooDeepAt: number | undefined;
  let skippedDepth = 0;
  let values = 0;
  const attach = (node: SpecNode) => {
    const top = stack[stack.length - 1];
    if (!top) {
      root = node;
      values++;
    } else if (top.node.kind === 'map') (top.node.entries as SpecEntry[]).push({ key: top.key, keyRange: top.keyRange, value: node });
    else (top.node.items as SpecNode[]).push(node);
  };
  const open = (node: SpecMap | SpecSeq, offset: number): boolean => {
    if (skippedDepth > 0 || stack.length >= MAX_DEPTH) {
      tooDeepAt ??= offset;
      skippedDepth++;
      return false;
    }
    stack.push({ node, key: '', keyRange: { start: offset, end: offset } });
    return true;
  };
  const close = (offset: number, length: number) => {
    if (skippedDepth > 0) {
      skippedDepth--;
      return;
    }
    const top = stack.pop();
    if (!top) return;
    top.node.range.end = base + offset + length;
    attach(top.node);
  };
  visit(
    text,
    {
      onObjectBegin: (offset) => open({ kind: 'map', range: { start: base + offset, end: base + offset }, document, flow: true, entries: [] }, base + offset),
      onObjectProperty: (property, offset, length) => {
        const top = stack[stack.length - 1];
        if (top && skippedDepth === 0) {
          top.key = property;
          top.keyRange = { start: base + offset, end: base + offset + length };
        }
      },
      onObjectEnd: close,
      onArrayBegin: (offset) => open({ kind: 'seq', range: { start: base + offset, end: base + offset }, document, flow: true, items: [] }, base + offset),
      onArrayEnd: close,
      onLiteralValue: (value, offset, length) => {
        if (skippedDepth > 0) return;
        attach({ kind: 'scalar', range: { start: base + offset, end: base + offset + length }, document, flow: false, value: value as string | number | boolean | null, style: typeof value === 'string' ? 'double' : 'plain' });
      },
      onError: (code, offset, length) => {
        error ??= { message: `invalid JSON: ${describeJsonError(code)}`, range: { start: base + offset, end: base + offset + length } };
      },
    },
    { allowTrailingComma: true, disallowComments: false },
  );
  if (error) return { root: undefined, error };
  if (tooDeepAt !== undefined) return { root: undefined, error: { message: `nested more than ${MAX_DEPTH} levels deep; not analysed`, range: { start: tooDeepAt, end: tooDeepAt } } };
  if (values > 1) return { root: undefined, error: { message: 'invalid JSON: end of file expected', range: { start: base, end: base } } };
  return { root, error: undefined };
}

/** The node's own text: YAML's value end may run on over the line break (and blank lines) after a block node. */
function rangeOf(node: YamlNode, text: string): OffsetRange {
  const range = node.range;
  if (!range) return { start: 0, end: 0 };
  let end = range[1];
  while (end > range[0] && WHITESPACE.has(text.charCodeAt(end - 1))) end--;
  return { start: range[0], end };
}

const WHITESPACE = new Set([0x20, 0x09, 0x0a, 0x0d]);

function emptyScalar(offset: number, document: SpecDocument): SpecScalar {
  return { kind: 'scalar', range: { start: offset, end: offset }, document, flow: false, value: null, style: 'plain' };
}

function scalarValue(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (typeof value === 'bigint') return Number(value);
  // Dates and binary (YAML 1.1 tags) are read as their text: specs quote them as strings anyway.
  return String(value);
}

function yamlStyle(node: Scalar): ScalarStyle {
  switch (node.type) {
    case Scalar.QUOTE_SINGLE:
      return 'single';
    case Scalar.QUOTE_DOUBLE:
      return 'double';
    case Scalar.BLOCK_FOLDED:
    case Scalar.BLOCK_LITERAL:
      return 'block';
    default:
      return 'plain';
  }
}

function firstAliasOffset(text: string): number {
  const match = /(^|[\s,[{:-])\*[^\s,[\]{}]+/.exec(text);
  return match ? match.index + match[1]!.length : 0;
}

function firstLine(message: string): string {
  return message.split('\n')[0]!.trim();
}
