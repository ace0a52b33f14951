// After an edit to a JSON spec, re-parse only the smallest value that holds the change, and move the offsets of
// everything after it: a keystroke in GitHub's 13 MB description costs a few milliseconds instead of a full parse.
// JSON only: a JSON value parses the same wherever it sits, so a slice that parses to one value is exactly what a
// full parse would build there. YAML depends on indentation and context; it is parsed whole.
import type { SpecMap, SpecNode, SpecSeq } from '../../../rules/support/spec-tree';
import { parseJsonValue, type ParsedSpecFile } from './parse-spec';

/** The spec after the edit that turned its text into `text`, or undefined when only a full parse will do. */
export function reparseAfterEdit(previous: ParsedSpecFile, text: string): ParsedSpecFile | undefined {
  const document = previous.document as { text: string; root: SpecNode | undefined; syntax: string };
  if (previous.error || !document.root || document.syntax !== 'json') return undefined;
  const old = document.text;
  if (old === text) return previous;
  const { start: changeStart, oldEnd } = changedRegion(old, text);
  const delta = text.length - old.length;

  const target = deepestHolding(document.root, changeStart, oldEnd);
  if (!target) return undefined;
  const sliceEnd = target.node.range.end + delta;
  const reparsed = parseJsonValue(previous.document, text.slice(target.node.range.start, sliceEnd), target.node.range.start);
  if (reparsed.error || !reparsed.root) return undefined;

  shiftAfter(document.root, target.node, oldEnd, delta);
  if (target.parent.kind === 'map') (target.parent.entries[target.index] as { value: SpecNode }).value = reparsed.root;
  else (target.parent.items as SpecNode[])[target.index] = reparsed.root;
  document.text = text;
  return previous;
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
