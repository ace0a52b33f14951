// After an edit to a JSON spec, re-parse only the smallest value that holds the change, and move the offsets of
// everything after it: a keystroke in GitHub's 13 MB description costs a few milliseconds instead of a full parse.
// A JSON value parses the same wherever it sits, so a slice that parses to one value is exactly what a full parse
// would build there. YAML depends on indentation and context: only an edit inside a one-line scalar (typing in a
// description, a name, a URL) is re-parsed on its own, when the new text is plainly the same kind of scalar.
import { isScalar as isYamlScalar, parseDocument, Scalar } from 'yaml';
import type { ScalarStyle, SpecMap, SpecNode, SpecScalar, SpecSeq } from '../../../rules/support/spec-tree';
import { parseJsonValue, type ParsedSpecFile } from './parse-spec';

/** The spec after the edit that turned its text into `text`, or undefined when only a full parse will do. */
export function reparseAfterEdit(previous: ParsedSpecFile, text: string): ParsedSpecFile | undefined {
  const document = previous.document as { text: string; root: SpecNode | undefined; syntax: string };
  if (previous.error || !document.root) return undefined;
  const old = document.text;
  if (old === text) return previous;
  const { start: changeStart, oldEnd } = changedRegion(old, text);
  const delta = text.length - old.length;

  const target = deepestHolding(document.root, changeStart, oldEnd);
  if (!target) return undefined;
  const slice = text.slice(target.node.range.start, target.node.range.end + delta);
  const replacement =
    document.syntax === 'json' ? parseJsonValue(previous.document, slice, target.node.range.start).root : yamlScalarAlone(target, slice, old);
  if (!replacement) return undefined;

  shiftAfter(document.root, target.node, oldEnd, delta);
  if (target.parent.kind === 'map') (target.parent.entries[target.index] as { value: SpecNode }).value = replacement;
  else (target.parent.items as SpecNode[])[target.index] = replacement;
  document.text = text;
  return previous;
}

/** Characters that start something other than a plain scalar, or end one, in YAML. */
const PLAIN_START = /^[-?:,[\]{}#&*!|>'"%@`\s]/;
const FLOW_INDICATORS = /[,[\]{}]/;
/** Anchors and aliases make nodes shared: replacing one occurrence would leave the others stale. */
const ANCHOR = /(^|[\s[{,:-])&[^\s,[\]{}]/m;

/**
 * The scalar a one-line YAML scalar's new text is, or undefined when it may be anything else (a key, a mapping, a
 * different kind of scalar, a comment): the caller then parses the whole document.
 */
function yamlScalarAlone(target: Holder, slice: string, oldText: string): SpecScalar | undefined {
  const node = target.node;
  if (node.kind !== 'scalar' || node.style === 'block' || oldText.startsWith('%') || ANCHOR.test(oldText)) return undefined;
  if (slice.length === 0 || /[\r\n]/.test(slice) || /[\r\n]/.test(oldText.slice(node.range.start, node.range.end))) return undefined;
  if (node.range.end === node.range.start) return undefined;
  if (node.style === 'plain') {
    if (PLAIN_START.test(slice) || /:(\s|$)|\s#|\s$/.test(slice)) return undefined;
    if (target.parent.flow && FLOW_INDICATORS.test(slice)) return undefined;
    // A plain scalar runs on until a line break, a comment or (in flow) an indicator: the text after it must stop it.
    const after = oldText.charAt(node.range.end);
    if (!(after === '' || after === ' ' || after === '\t' || after === '\n' || after === '\r' || (target.parent.flow && (after === ',' || after === ']' || after === '}')))) return undefined;
  } else if (slice[0] !== (node.style === 'single' ? "'" : '"') || slice[slice.length - 1] !== slice[0] || slice.length < 2) {
    return undefined;
  }
  const parsed = parseDocument(slice, { uniqueKeys: false, strict: false });
  const contents = parsed.contents;
  if (parsed.errors.length > 0 || !isYamlScalar(contents) || contents.range?.[0] !== 0 || contents.range[1] !== slice.length) return undefined;
  const style = styleOf(contents);
  if (style !== node.style) return undefined;
  const value = contents.value;
  if (value !== null && typeof value !== 'string' && typeof value !== 'number' && typeof value !== 'boolean') return undefined;
  return { kind: 'scalar', range: { start: node.range.start, end: node.range.start + slice.length }, document: node.document, flow: false, value, style };
}

function styleOf(scalar: Scalar): ScalarStyle {
  if (scalar.type === Scalar.QUOTE_SINGLE) return 'single';
  if (scalar.type === Scalar.QUOTE_DOUBLE) return 'double';
  if (scalar.type === Scalar.PLAIN) return 'plain';
  return 'block';
}

/** The changed span: the old text's [start, oldEnd) became the new text's [start, oldEnd + delta). */
export function changedRegion(old: string, text: string): { start: number; oldEnd: number } {
  const limit = Math.min(old.length, text.length);
  let start = 0;
  // Whole chunks first (string comparison is a memory compare), then characters.
  for (let chunk = 1 << 16; chunk >= 1; chunk >>= 4) {
    while (start + chunk <= limit && old.slice(start, start + chunk) === text.slice(start, start + chunk)) start += chunk;
  }
  let suffix = 0;
  const suffixLimit = limit - start;
  for (let chunk = 1 << 16; chunk >= 1; chunk >>= 4) {
    while (suffix + chunk <= suffixLimit && old.slice(old.length - suffix - chunk, old.length - suffix) === text.slice(text.length - suffix - chunk, text.length - suffix)) suffix += chunk;
  }
  return { start, oldEnd: old.length - suffix };
}

interface Holder {
  parent: SpecMap | SpecSeq;
  index: number;
  node: SpecNode;
}

/** The deepest node (below the root) whose text holds [start, end), with its parent; undefined for the root itself. */
function deepestHolding(root: SpecNode, start: number, end: number): Holder | undefined {
  let found: Holder | undefined;
  let node = root;
  for (;;) {
    let next: Holder | undefined;
    if (node.kind === 'map') {
      for (let index = 0; index < node.entries.length; index++) {
        const entry = node.entries[index]!;
        // A change in a key re-parses the map that holds it.
        if (entry.keyRange.start <= start && end <= entry.keyRange.end) break;
        if (entry.value.range.start <= start && end <= entry.value.range.end) {
          next = { parent: node, index, node: entry.value };
          break;
        }
      }
    } else if (node.kind === 'seq') {
      const index = node.items.findIndex((item) => item.range.start <= start && end <= item.range.end);
      if (index !== -1) next = { parent: node, index, node: node.items[index]! };
    }
    if (!next) return found;
    found = next;
    node = next.node;
  }
}

/** Moves every offset at or after `oldEnd` by `delta`, skipping the subtree about to be replaced. */
function shiftAfter(root: SpecNode, replaced: SpecNode, oldEnd: number, delta: number): void {
  const stack: SpecNode[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (node === replaced) continue;
    // Nodes wholly before the change keep their offsets, and so does everything inside them.
    if (node.range.end < oldEnd) continue;
    if (node.range.start >= oldEnd) node.range.start += delta;
    node.range.end += delta;
    if (node.kind === 'map') {
      for (const entry of node.entries) {
        if (entry.keyRange.start >= oldEnd) {
          entry.keyRange.start += delta;
          entry.keyRange.end += delta;
        }
        stack.push(entry.value);
      }
    } else if (node.kind === 'seq') {
      for (const item of node.items) stack.push(item);
    }
  }
}
