// Surgical text edits for spec fixes: add an entry to a mapping, an item to a sequence, replace a scalar, create
// missing parent mappings. The document is never re-serialised: each function returns one RuleEdit that touches
// only the text it adds or replaces, written in the style of the file around it (YAML block or flow, JSON pretty or
// one-line, its indentation, line ending and quoting), so comments, key order and formatting stay as they were.
// Every function returns undefined when it cannot edit safely (the key exists, a `$ref` is in the way…).
//
// Caveats for callers: a YAML node reached through an alias is the anchored node itself, so an edit lands at the
// anchor (every alias sees it); a tag (`!!str 1`) stays in front of a replaced scalar. Edits of one fix that insert
// at the same offset (a response at the end of a file, then `components:` after it) must come in text order: list
// the deeper one first and merge them with `combineEdits`; several entries of one mapping go in one `insertEntries`.
// Cost: local to the node edited (its lines, its entries), plus one look at the file's first 64 KB per version.
import type { RuleEdit } from './rule';
import type { SpecDocument, SpecEntry, SpecMap, SpecNode, SpecScalar, SpecSeq, SpecSyntax } from './spec-tree';

/** Plain data a fix writes: small values (a response, a schema keyword, a security requirement). */
export type SpecValue = string | number | boolean | null | readonly SpecValue[] | { readonly [key: string]: SpecValue };

/** Where a new entry goes in its mapping (a named key that does not exist means 'last'). */
export type InsertPosition = 'first' | 'last' | { readonly after: string } | { readonly before: string };

/** How a document is written, detected once per document from its text. */
export interface SpecTextStyle {
  readonly syntax: SpecSyntax;
  readonly eol: '\n' | '\r\n';
  /** One level of indentation: '  ', '    ' (or '\t' in JSON). */
  readonly indentUnit: string;
  /** YAML: the quote used when a key or string must be quoted (the file's habit; single by default). */
  readonly quote: "'" | '"';
  /** YAML: block sequences indented under their key (`key:\n  - a`) rather than at its column (`key:\n- a`). */
  readonly indentSequences: boolean;
  /** One-line flow collections: `{ a: 1 }` rather than `{a: 1}`. */
  readonly padBraces: boolean;
  /** JSON written without spaces (`{"a":1,"b":2}`). */
  readonly tight: boolean;
  /** The file spans several lines (an empty JSON `{}` then becomes multi-line when filled). */
  readonly multiLine: boolean;
}

/**
 * How a value is laid out: `block` is YAML block style at `indent` (the column its entry or item starts at);
 * `multiline` is JSON (or YAML flow) with one entry per line, `indent` being the entry's line indentation; `inline`
 * keeps everything on one line.
 */
export type ValueLayout = { readonly mode: 'block'; readonly indent: string } | { readonly mode: 'multiline'; readonly indent: string } | { readonly mode: 'inline' };

// ---------------------------------------------------------------------------------------------------------------
// Edits

/** Adds `key: value` to a mapping (see insertEntries). */
export function insertEntry(map: SpecMap, key: string, value: SpecValue, where: InsertPosition = 'last'): RuleEdit | undefined {
  return insertEntries(map, [[key, value]], where);
}

/**
 * Adds entries to a mapping in one edit, in the given order, at `where` (pass pairs, not an object, when order
 * matters: JavaScript puts an object's integer-like keys such as `401` first). Undefined when a key is already
 * there (a duplicate key is invalid) or given twice.
 */
export function insertEntries(map: SpecMap, entries: readonly (readonly [string, SpecValue])[] | { readonly [key: string]: SpecValue }, where: InsertPosition = 'last'): RuleEdit | undefined {
  const pairs = Array.isArray(entries) ? (entries as readonly (readonly [string, SpecValue])[]) : Object.entries(entries);
  if (pairs.length === 0) return undefined;
  const keys = new Set(pairs.map(([key]) => key));
  if (keys.size !== pairs.length || map.entries.some((entry) => keys.has(entry.key))) return undefined;
  const style = textStyleOf(map.document);
  if (map.entries.length === 0) return fillEmptyFlow(map, pairs, style);
  return map.flow ? insertIntoFlowMap(map, pairs, where, style) : insertIntoBlockMap(map, pairs, where, style);
}

/** Appends an item to a sequence: `- item` in YAML block style, `, item` in flow and JSON. */
export function appendItem(seq: SpecSeq, value: SpecValue): RuleEdit | undefined {
  const style = textStyleOf(seq.document);
  if (seq.items.length === 0) return fillEmptyFlow(seq, [value], style);
  return seq.flow ? appendToFlowSeq(seq, value, style) : appendToBlockSeq(seq, value, style);
}

/**
 * Replaces a scalar's value, keeping its quoting (`'http://x'` → `'https://x'`), or quoting in the file's style
 * when a plain scalar's new text needs it. Numbers, booleans and null are written plain.
 */
export function setScalar(scalar: SpecScalar, value: string | number | boolean | null): RuleEdit {
  const { document } = scalar;
  const text = document.text;
  const style = textStyleOf(document);
  const filePath = document.filePath;
  if (scalar.range.start === scalar.range.end) {
    const at = emptyValueStart(text, scalar.range.start);
    // A flow key written without a colon (`{ a, b }`) gets one; after `:` or `-` only the value goes in.
    const before = text[lastNonSpaceBefore(text, at)] ?? '';
    const lead = before === ':' || before === '-' || before === '' ? ' ' : ': ';
    return { filePath, start: at, end: at, newText: `${lead}${scalarText(value, style, true)}` };
  }
  let newText: string;
  if (typeof value !== 'string') newText = scalarText(value, style, true);
  else if (document.syntax === 'json' || scalar.style === 'double') newText = JSON.stringify(value);
  else if (scalar.style === 'single') newText = canSingleQuote(value) ? singleQuoted(value) : JSON.stringify(value);
  else if (scalar.style === 'block') {
    // A kept block scalar's blank lines are its value too: they go with it (the final line break stays).
    const end = keepsTrailingLines(text, scalar) ? Math.max(scalar.range.end, lineStartOf(text, blankLinesEnd(text, scalar.range.end)) - 1) : scalar.range.end;
    const endBeforeBreak = end > scalar.range.end && text[end - 1] === '\r' ? end - 1 : end;
    return { filePath, start: scalar.range.start, end: endBeforeBreak, newText: blockScalarText(text.slice(scalar.range.start, scalar.range.end), value, style) };
  } else newText = yamlString(value, style.quote, insideFlow(document, scalar.range.start));
  return { filePath, start: scalar.range.start, end: scalar.range.end, newText };
}

/** Renames an entry's key in place: quoted as JSON always is, in YAML only when a plain key would read differently. */
export function renameKey(map: SpecMap, entry: SpecEntry, newKey: string): RuleEdit {
  const { document } = map;
  const newText = formatKey(newKey, textStyleOf(document), insideFlow(document, entry.keyRange.start));
  return { filePath: document.filePath, start: entry.keyRange.start, end: entry.keyRange.end, newText };
}

/**
 * Sets `key` in a mapping to `value`: adds the entry when it is missing (at `where`), replaces a scalar keeping its
 * quoting, and replaces any other value (`additionalProperties: {}` → `false`, a scalar → a mapping) in the mapping's
 * layout. A replaced mapping or sequence goes with the comments inside it. Undefined when the value is an alias or
 * carries an anchor or a tag (other text depends on it, or it types the value).
 */
export function setEntryValue(map: SpecMap, key: string, value: SpecValue, where: InsertPosition = 'last'): RuleEdit | undefined {
  const entry = map.entries.find((candidate) => candidate.key === key);
  if (!entry) return insertEntries(map, [[key, value]], where);
  return replaceEntryValue(map, entry, value);
}

/**
 * Adds `key: value` to the mapping at `path` under `map`, creating the missing mappings on the way in the file's
 * style (e.g. `components.responses.Unauthorized` when `components` or `responses` is absent, or `components:` is
 * empty). `where` places the entry when the last mapping exists. Undefined when the path crosses something that
 * is not a mapping (a `$ref` included: resolve it first) or the key exists.
 */
export function insertEntryAt(map: SpecMap, path: readonly string[], key: string, value: SpecValue, where: InsertPosition = 'last'): RuleEdit | undefined {
  let current = map;
  for (let index = 0; index < path.length; index++) {
    if (current.entries.some((entry) => entry.key === '$ref')) return undefined;
    const segment = path[index]!;
    const nested = nest(path.slice(index + 1), key, value);
    const entry = current.entries.find((candidate) => candidate.key === segment);
    if (!entry) return insertEntries(current, [[segment, nested]]);
    const child = entry.value;
    if (child.kind === 'scalar' && child.value === null && child.style === 'plain') return replaceEntryValue(current, entry, nested);
    if (child.kind !== 'map' || isAliasValue(entry)) return undefined;
    current = child;
  }
  if (current.entries.some((entry) => entry.key === '$ref')) return undefined;
  return insertEntries(current, [[key, value]], where);
}

/**
 * Merges edits of one fix so that insertions at the same offset of the same file apply in the order given
 * (appliers differ on equal offsets). Undefined when any edit is undefined, so `combineEdits(a, b) ?? skip`.
 */
export function combineEdits(...edits: (RuleEdit | undefined)[]): RuleEdit[] | undefined {
  if (edits.some((edit) => edit === undefined)) return undefined;
  const merged: RuleEdit[] = [];
  for (const edit of edits as RuleEdit[]) {
    const same = merged.find((other) => other.filePath === edit.filePath && other.start === other.end && edit.start === edit.end && other.start === edit.start);
    if (same) same.newText += edit.newText;
    else merged.push({ ...edit });
  }
  return merged;
}

/**
 * Removes one item of a sequence that has others: a YAML block item with its line(s) (`- item` must start its
 * line), a flow/JSON item with the separator that follows it (or, for the last, the one before it). Undefined for
 * the only item (the sequence would change meaning, e.g. `security: []`) or a layout it cannot read.
 */
export function removeItem(seq: SpecSeq, index: number): RuleEdit | undefined {
  const item = seq.items[index];
  if (!item || seq.items.length < 2 || isAliasItem(seq, index)) return undefined;
  const { text, filePath } = seq.document;
  if (!seq.flow) {
    const lineStart = lineStartOf(text, item.range.start);
    if (!/^[ \t]*-[ \t]+$/.test(text.slice(lineStart, item.range.start))) return undefined;
    const lineBreak = text.indexOf('\n', nodeContentEnd(item, text));
    return { filePath, start: lineStart, end: lineBreak < 0 ? text.length : lineBreak + 1, newText: '' };
  }
  const next = seq.items[index + 1];
  if (next) return { filePath, start: item.range.start, end: next.range.start, newText: '' };
  return { filePath, start: nodeContentEnd(seq.items[index - 1]!, text), end: item.range.end, newText: '' };
}

// ---------------------------------------------------------------------------------------------------------------
// Mappings and sequences

type Pairs = readonly (readonly [string, SpecValue])[];

function insertIntoBlockMap(map: SpecMap, pairs: Pairs, where: InsertPosition, style: SpecTextStyle): RuleEdit {
  const { text, filePath } = map.document;
  const first = map.entries[0]!;
  const indent = columnIndent(text, first.keyRange.start);
  const local = { ...style, quote: localQuote(map) ?? style.quote, indentUnit: localIndentUnit(map) ?? style.indentUnit };
  const body = pairs.map(([key, value]) => formatEntry(key, value, local, { mode: 'block', indent })).join(style.eol + indent);
  const index = targetIndex(map, where);
  if (index === 0) return { filePath, start: first.keyRange.start, end: first.keyRange.start, newText: body + style.eol + indent };
  // After the previous entry's last line: comments above the next entry stay with it, a trailing comment stays whole.
  return insertLineAfter(map.document, entryContentEnd(map.entries[index - 1]!, text), indent + body, style.eol);
}

function insertIntoFlowMap(map: SpecMap, pairs: Pairs, where: InsertPosition, style: SpecTextStyle): RuleEdit {
  const { text } = map.document;
  const multiLine = hasLineBreak(text, map.range.start, map.entries[0]!.keyRange.start);
  const indent = multiLine ? flowEntryIndent(text, map.entries.map((entry) => entry.keyRange.start), map.range.start, style) : '';
  const layout: ValueLayout = multiLine ? { mode: 'multiline', indent } : { mode: 'inline' };
  const local = { ...style, quote: localQuote(map) ?? style.quote, tight: isTight(map, style, multiLine), padBraces: multiLine ? style.padBraces : /[ \t]/.test(text[map.range.start + 1] ?? '') };
  const parts = pairs.map(([key, value]) => formatEntry(key, value, local, layout, true));
  const index = targetIndex(map, where);
  const next = map.entries[index];
  return insertIntoFlow(map.document, parts, next?.keyRange.start, next ? undefined : entryContentEnd(map.entries[map.entries.length - 1]!, text), multiLine, indent, local);
}

function appendToBlockSeq(seq: SpecSeq, value: SpecValue, style: SpecTextStyle): RuleEdit {
  const { text } = seq.document;
  const dashIndent = columnIndent(text, seq.range.start);
  const item = `${dashIndent}- ${formatItem(value, style, dashIndent + '  ')}`;
  return insertLineAfter(seq.document, itemContentEnd(seq, seq.items.length - 1), item, style.eol);
}

function appendToFlowSeq(seq: SpecSeq, value: SpecValue, style: SpecTextStyle): RuleEdit {
  const { text } = seq.document;
  const firstItem = seq.items[0]!;
  const multiLine = hasLineBreak(text, seq.range.start, firstItem.range.start) && !isAliasItem(seq, 0);
  const indent = multiLine ? flowEntryIndent(text, seq.items.filter((_, i) => !isAliasItem(seq, i)).map((item) => item.range.start), seq.range.start, style) : '';
  const layout: ValueLayout = multiLine ? { mode: 'multiline', indent } : { mode: 'inline' };
  return insertIntoFlow(seq.document, [formatValue(value, style, layout)], undefined, itemContentEnd(seq, seq.items.length - 1), multiLine, indent, style);
}

/** Inserts flow parts before the entry starting at `before`, or after the last one ending at `after`. */
function insertIntoFlow(document: SpecDocument, parts: string[], before: number | undefined, after: number | undefined, multiLine: boolean, indent: string, style: SpecTextStyle): RuleEdit {
  const { text, filePath } = document;
  const separator = multiLine ? `,${style.eol}${indent}` : style.tight ? ',' : ', ';
  const body = parts.join(separator);
  if (before !== undefined) return { filePath, start: before, end: before, newText: body + separator };
  const end = after!;
  if (multiLine) {
    // A comment after the last value stays on its line: the comma goes before it, the entry after it.
    const lineEnd = lineEndOf(text, end);
    const rest = text.slice(end, lineEnd);
    if (/^[ \t]*,?[ \t]*(?:\/\/|#)/.test(rest)) {
      const comma = /^[ \t]*,/.test(rest) ? '' : ',';
      return { filePath, start: end, end: lineEnd, newText: `${comma}${rest}${style.eol}${indent}${body}` };
    }
  }
  return { filePath, start: end, end, newText: separator + body };
}

/** Fills an empty `{}`/`[]`: YAML `key: {}` becomes a block; JSON in a multi-line file gets one entry per line. */
function fillEmptyFlow(node: SpecMap | SpecSeq, parts: Pairs | readonly SpecValue[], style: SpecTextStyle): RuleEdit {
  const { text, filePath } = node.document;
  const isMapNode = node.kind === 'map';
  const pairs = parts as Pairs;
  const items = parts as readonly SpecValue[];
  if (style.syntax === 'yaml') {
    const owner = blockKeyOwning(text, node.range.start, node.range.end);
    if (owner && !insideFlow(node.document, node.range.start)) {
      const childIndent = owner.keyIndent + (isMapNode || style.indentSequences ? style.indentUnit : '');
      const lines = isMapNode
        ? pairs.map(([key, value]) => formatEntry(key, value, style, { mode: 'block', indent: childIndent }))
        : items.map((item) => `- ${formatItem(item, style, childIndent + '  ')}`);
      return { filePath, start: owner.valueStart, end: node.range.end, newText: lines.map((line) => style.eol + childIndent + line).join('') };
    }
  }
  const [open, close] = isMapNode ? ['{', '}'] : ['[', ']'];
  const simple = !isMapNode && items.every(isCollapsed);
  if (style.syntax === 'json' && style.multiLine && !simple && startsItsLine(text, node.range.start)) {
    const lineIndent = lineIndentation(text, node.range.start);
    const inner = lineIndent + style.indentUnit;
    const layout: ValueLayout = { mode: 'multiline', indent: inner };
    const body = isMapNode ? pairs.map(([key, value]) => formatEntry(key, value, style, layout, true)) : items.map((item) => formatValue(item, style, layout));
    return { filePath, start: node.range.start, end: node.range.end, newText: `${open}${style.eol}${inner}${body.join(`,${style.eol}${inner}`)}${style.eol}${lineIndent}${close}` };
  }
  const layout: ValueLayout = { mode: 'inline' };
  const body = isMapNode ? pairs.map(([key, value]) => formatEntry(key, value, style, layout, true)) : items.map((item) => formatValue(item, style, layout));
  const pad = isMapNode && style.padBraces && !style.tight ? ' ' : '';
  return { filePath, start: node.range.start, end: node.range.end, newText: `${open}${pad}${body.join(style.tight ? ',' : ', ')}${pad}${close}` };
}

/**
 * An entry's value replaced by `value`, written in the mapping's layout: `key:` (empty), `key: ~`, `key: {}`, a
 * nested block… A comment after a one-line value stays on the key's line when the new value is a block.
 */
function replaceEntryValue(map: SpecMap, entry: SpecEntry, value: SpecValue): RuleEdit | undefined {
  const { text, filePath } = map.document;
  const old = entry.value;
  if (isAliasValue(entry)) return undefined;
  if (old.kind === 'scalar' && old.range.start !== old.range.end && (value === null || typeof value !== 'object')) return setScalar(old, value);
  const style = textStyleOf(map.document);
  const afterColon = colonEnd(text, entry.keyRange.end);
  const empty = old.kind === 'scalar' && old.range.start === old.range.end;
  // An anchor or a tag before the value: other text may refer to it, or it types the value.
  const before = empty ? '' : text.slice(afterColon, old.range.start).trim();
  const commentBefore = before.startsWith('#') && !map.flow;
  if (before !== '' && !commentBefore) return undefined;
  const valueEnd = empty ? afterColon : entryContentEnd(entry, text);
  if (!map.flow) {
    const written = valueAfterColon(value, style, { mode: 'block', indent: columnIndent(text, entry.keyRange.start) });
    const keyLineEnd = lineEndOf(text, afterColon);
    if (commentBefore) {
      // `key: # comment` above a block value: the comment stays on the key's line, after a one-line value.
      return written.startsWith(style.eol)
        ? { filePath, start: keyLineEnd, end: valueEnd, newText: written }
        : { filePath, start: afterColon, end: valueEnd, newText: written + text.slice(afterColon, keyLineEnd).replace(/^[ \t]*/, ' ') };
    }
    if (written.startsWith(style.eol) && valueEnd <= keyLineEnd) {
      // The new lines go below a comment that followed the old value on the key's line.
      return { filePath, start: afterColon, end: keyLineEnd, newText: text.slice(valueEnd, keyLineEnd).trimEnd() + written };
    }
    return { filePath, start: afterColon, end: valueEnd, newText: written };
  }
  const multiLine = hasLineBreak(text, map.range.start, map.entries[0]!.keyRange.start);
  const layout: ValueLayout = multiLine ? { mode: 'multiline', indent: lineIndentation(text, entry.keyRange.start) } : { mode: 'inline' };
  const local = { ...style, quote: localQuote(map) ?? style.quote, tight: isTight(map, style, multiLine) };
  if (empty) return { filePath, start: afterColon, end: afterColon, newText: valueAfterColon(value, local, layout, true) };
  return { filePath, start: old.range.start, end: old.range.end, newText: formatValue(value, local, layout) };
}

/** The index of the entry the new ones go before (entries.length: after the last). */
function targetIndex(map: SpecMap, where: InsertPosition): number {
  const count = map.entries.length;
  if (where === 'first') return 0;
  if (where === 'last') return count;
  const named = 'after' in where ? where.after : where.before;
  const index = map.entries.findIndex((entry) => entry.key === named);
  if (index < 0) return count;
  return 'after' in where ? index + 1 : index;
}

function nest(path: readonly string[], key: string, value: SpecValue): SpecValue {
  let nested: SpecValue = { [key]: value };
  for (let index = path.length - 1; index >= 0; index--) nested = { [path[index]!]: nested };
  return nested;
}

// ---------------------------------------------------------------------------------------------------------------
// Where a node's text ends

/** A YAML alias's node is the anchored one, earlier in the text: its range is not where the alias is written. */
function isAliasValue(entry: SpecEntry): boolean {
  return entry.value.range.start < entry.keyRange.end;
}

function isAliasItem(seq: SpecSeq, index: number): boolean {
  let floor = seq.range.start;
  for (let i = 0; i < index; i++) floor = Math.max(floor, seq.items[i]!.range.end);
  return seq.items[index]!.range.start < floor;
}

function entryContentEnd(entry: SpecEntry, text: string): number {
  if (isAliasValue(entry)) return aliasEnd(text, entry.keyRange.end);
  const value = entry.value;
  if (value.kind === 'scalar' && value.range.start === value.range.end) return colonEnd(text, entry.keyRange.end);
  return nodeContentEnd(value, text);
}

function itemContentEnd(seq: SpecSeq, index: number): number {
  const { text } = seq.document;
  if (isAliasItem(seq, index)) {
    const previous = index > 0 ? itemContentEnd(seq, index - 1) : seq.range.start;
    return aliasEnd(text, previous);
  }
  return nodeContentEnd(seq.items[index]!, text);
}

/** The offset just after a node's last character of content: never inside a trailing comment or blank lines. */
function nodeContentEnd(node: SpecNode, text: string): number {
  if (node.kind === 'map' && !node.flow && node.entries.length > 0) return entryContentEnd(node.entries[node.entries.length - 1]!, text);
  if (node.kind === 'seq' && !node.flow && node.items.length > 0) return itemContentEnd(node, node.items.length - 1);
  if (node.kind === 'scalar' && node.style === 'block') {
    // `|+`/`>+` keep their trailing blank lines as content: the scalar ends after them.
    if (keepsTrailingLines(text, node)) return blankLinesEnd(text, node.range.end);
    let end = node.range.end;
    while (end > node.range.start && /\s/.test(text[end - 1]!)) end--;
    return end;
  }
  return node.range.end;
}

/** `|+`/`>+`: the blank lines after the text are part of the value. */
function keepsTrailingLines(text: string, scalar: SpecScalar): boolean {
  return /^[|>](?:[1-9]?\+|\+[1-9])/.test(text.slice(scalar.range.start, scalar.range.start + 3));
}

/** The start of the first line after `offset`'s line that is not blank (the text's end when none is). */
function blankLinesEnd(text: string, offset: number): number {
  const blankLines = /[^\n]*\n(?:[ \t]*\r?\n)*/y;
  blankLines.lastIndex = offset;
  return blankLines.test(text) ? blankLines.lastIndex : text.length;
}

/** The end of `*name` written after `from` (past `:`, `-` and spaces), or `from` when not found. */
function aliasEnd(text: string, from: number): number {
  const alias = /[\s:,[-]*\*[^\s,[\]{}]+/y;
  alias.lastIndex = from;
  return alias.test(text) ? alias.lastIndex : from;
}

/** The offset after the colon that follows a key (the key's end when there is none). */
function colonEnd(text: string, keyEnd: number): number {
  const colon = /[ \t]*:/y;
  colon.lastIndex = keyEnd;
  return colon.test(text) ? colon.lastIndex : keyEnd;
}

/**
 * Where an empty value's text would start: just after its key's colon. The parser places the empty node after the
 * colon and any spaces (`key: # comment` → at `#`), or at the key's end when there is no colon.
 */
function emptyValueStart(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && (text[start - 1] === ' ' || text[start - 1] === '\t')) start--;
  return text[start - 1] === ':' ? start : colonEnd(text, offset);
}

/** A new line after the line holding `contentEnd`'s last character (at the end of a file without a final break). */
function insertLineAfter(document: SpecDocument, contentEnd: number, line: string, eol: string): RuleEdit {
  const { text, filePath } = document;
  const lineBreak = text.indexOf('\n', Math.max(contentEnd - 1, 0));
  if (lineBreak < 0) return { filePath, start: text.length, end: text.length, newText: eol + line };
  return { filePath, start: lineBreak + 1, end: lineBreak + 1, newText: line + eol };
}

// ---------------------------------------------------------------------------------------------------------------
// Lines and columns

function lineStartOf(text: string, offset: number): number {
  return offset === 0 ? 0 : text.lastIndexOf('\n', offset - 1) + 1;
}

/** The end of the line holding `offset`, before its line break (`\r\n` included). */
function lineEndOf(text: string, offset: number): number {
  const lineBreak = text.indexOf('\n', offset);
  if (lineBreak < 0) return text.length;
  return lineBreak > offset && text[lineBreak - 1] === '\r' ? lineBreak - 1 : lineBreak;
}

function lineIndentation(text: string, offset: number): string {
  const start = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

/** Spaces up to `offset`'s column: `- key` items count their dash as indentation, as YAML does. */
function columnIndent(text: string, offset: number): string {
  const prefix = text.slice(lineStartOf(text, offset), offset);
  return /^[ \t]*$/.test(prefix) ? prefix : ' '.repeat(prefix.length);
}

/** The offset of the last non-whitespace character before `offset` (-1 when none). */
function lastNonSpaceBefore(text: string, offset: number): number {
  let index = offset - 1;
  while (index >= 0 && /\s/.test(text[index]!)) index--;
  return index;
}

/** Whether [from, to) holds a line break; bounded, since a minified 13 MB spec has none to find. */
function hasLineBreak(text: string, from: number, to: number): boolean {
  for (let index = from; index < to; index++) if (text.charCodeAt(index) === 10) return true;
  return false;
}

function startsItsLine(text: string, offset: number): boolean {
  const prefix = text.slice(lineStartOf(text, offset), offset);
  return /^[ \t]*(?:"(?:[^"\\]|\\.)*"[ \t]*:[ \t]*)?$/.test(prefix);
}

/** The indentation of entries in a multi-line flow collection: that of an entry starting its line, else one level in. */
function flowEntryIndent(text: string, starts: readonly number[], open: number, style: SpecTextStyle): string {
  for (let index = starts.length - 1; index >= 0; index--) {
    const start = starts[index]!;
    const prefix = text.slice(lineStartOf(text, start), start);
    if (/^[ \t]*$/.test(prefix)) return prefix;
  }
  return lineIndentation(text, open) + style.indentUnit;
}

/**
 * For `{}`/`[]` written as `key: {}` in YAML block context, alone on its line after the key (no comment, no
 * anchor): the key's column and where its value starts, so the value can become a block.
 */
function blockKeyOwning(text: string, start: number, end: number): { keyIndent: string; valueStart: number } | undefined {
  const lineStart = lineStartOf(text, start);
  const match = /^((?:[ ]*-[ ]+)*[ ]*)((?:'(?:[^']|'')*'|"(?:[^"\\]|\\.)*"|[^\s#{}[\],'"&*!|>%@`](?:(?!: )[^#])*?))[ \t]*:([ \t]+)$/.exec(text.slice(lineStart, start));
  if (!match || text.slice(end, lineEndOf(text, end)).trim() !== '') return undefined;
  return { keyIndent: ' '.repeat(match[1]!.length), valueStart: start - match[3]!.length };
}

// ---------------------------------------------------------------------------------------------------------------
// Flow context

/**
 * Whether `offset` lies inside a YAML flow collection (`{…}`/`[…]`, over several lines too), where `,[]{}` end a
 * plain scalar and a block cannot start. Found by descending from the root to the offset (entries and items are in
 * text order): a few steps, whatever the size of the document.
 */
function insideFlow(document: SpecDocument, offset: number): boolean {
  if (document.syntax === 'json') return true;
  let node = document.root;
  while (node && node.kind !== 'scalar') {
    if (node.flow) return node.range.start < offset && offset < node.range.end;
    node = node.kind === 'map' ? valueHolding(node, offset) : itemHolding(node, offset);
  }
  return false;
}

function valueHolding(map: SpecMap, offset: number): SpecNode | undefined {
  const { entries } = map;
  let low = 0;
  let high = entries.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (entries[middle]!.keyRange.start <= offset) low = middle;
    else high = middle - 1;
  }
  const value = entries[low]?.value;
  return value && value.range.start <= offset && offset <= value.range.end ? value : undefined;
}

function itemHolding(seq: SpecSeq, offset: number): SpecNode | undefined {
  const holds = (item: SpecNode) => item.range.start <= offset && offset <= item.range.end;
  const { items } = seq;
  let low = 0;
  let high = items.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if (items[middle]!.range.start <= offset) low = middle;
    else high = middle - 1;
  }
  const found = items[low];
  if (found && holds(found)) return found;
  // An alias item sits out of text order: look at every item.
  return items.find(holds);
}

// ---------------------------------------------------------------------------------------------------------------
// The file's style

/** Per document, with the text it was read from: an incrementally re-parsed document keeps its object, not its text. */
const styles = new WeakMap<SpecDocument, { text: string; style: SpecTextStyle }>();
/** Style is read from the start of the file: enough for any real spec, and cheap on a 13 MB one. */
const STYLE_SAMPLE = 64 * 1024;

/** How the document is written (cached: fixes are built for every finding on every analysis). */
export function textStyleOf(document: SpecDocument): SpecTextStyle {
  const cached = styles.get(document);
  if (cached && cached.text === document.text) return cached.style;
  const style = detectStyle(document.text, document.syntax);
  styles.set(document, { text: document.text, style });
  return style;
}

function detectStyle(text: string, syntax: SpecSyntax): SpecTextStyle {
  const sample = text.slice(0, STYLE_SAMPLE);
  const firstBreak = sample.indexOf('\n');
  const eol = firstBreak > 0 && sample[firstBreak - 1] === '\r' ? '\r\n' : '\n';
  const multiLine = firstBreak >= 0 && firstBreak < lastNonSpaceBefore(text, text.length);
  const lines = sample.split('\n').slice(0, 2_000);
  if (syntax === 'json') {
    const indented = lines.find((line) => /^[ \t]+\S/.test(line));
    const indentUnit = indented ? /^[ \t]+/.exec(indented)![0] : '  ';
    const colon = /"[ \t]*:([ \t]?)/.exec(sample);
    const brace = /\{([ \t]?)"/.exec(sample);
    return { syntax, eol, indentUnit, quote: '"', indentSequences: true, padBraces: brace ? brace[1] !== '' : true, tight: colon ? colon[1] === '' && !multiLine : false, multiLine };
  }
  let indentUnit: string | undefined;
  let indentSequences: boolean | undefined;
  let previous: { indent: number; keyColumn: number; opensBlock: boolean; isItem: boolean } | undefined;
  for (const line of lines) {
    const content = line.replace(/\r$/, '');
    const match = /^( *)((?:- +)*)(\S.*)?$/.exec(content);
    if (!match || match[3] === undefined || match[3].startsWith('#')) continue;
    const indent = match[1]!.length;
    const isItem = match[2]!.length > 0;
    const rest = match[3].replace(/\s+#.*$/, '');
    if (previous?.opensBlock) {
      if (indentUnit === undefined && !isItem && !previous.isItem && indent > previous.indent) indentUnit = ' '.repeat(indent - previous.indent);
      if (indentSequences === undefined && isItem) indentSequences = indent > previous.keyColumn;
    }
    if (indentUnit !== undefined && indentSequences !== undefined) break;
    previous = { indent, keyColumn: indent + match[2]!.length, opensBlock: /:$/.test(rest), isItem };
  }
  const singles = (sample.match(/(?:^[ \t]*(?:-[ \t]+)?|[:,[{][ \t]*)'/gm) ?? []).length;
  const doubles = (sample.match(/(?:^[ \t]*(?:-[ \t]+)?|[:,[{][ \t]*)"/gm) ?? []).length;
  const brace = /\{([ \t]?)[^\s}]/.exec(sample);
  return {
    syntax,
    eol,
    indentUnit: indentUnit ?? '  ',
    quote: doubles > singles ? '"' : "'",
    indentSequences: indentSequences ?? true,
    padBraces: brace ? brace[1] !== '' : true,
    tight: false,
    multiLine,
  };
}

/** The quote this mapping's keys use, when one is quoted. */
function localQuote(map: SpecMap): "'" | '"' | undefined {
  if (map.document.syntax === 'json') return '"';
  for (const entry of map.entries.slice(0, 50)) {
    const first = map.document.text[entry.keyRange.start];
    if (first === "'" || first === '"') return first;
  }
  return undefined;
}

/** The indentation step this block mapping's children use, when one of them is a block mapping. */
function localIndentUnit(map: SpecMap): string | undefined {
  const text = map.document.text;
  for (const entry of map.entries.slice(0, 50)) {
    const child = entry.value;
    if (child.kind !== 'map' || child.flow || child.entries.length === 0 || isAliasValue(entry)) continue;
    const step = columnIndent(text, child.entries[0]!.keyRange.start).length - columnIndent(text, entry.keyRange.start).length;
    if (step > 0) return ' '.repeat(step);
  }
  return undefined;
}

/** One-line JSON written without spaces after colons, judged on this mapping's first entry. */
function isTight(map: SpecMap, style: SpecTextStyle, multiLine: boolean): boolean {
  if (map.document.syntax !== 'json' || multiLine) return false;
  const first = map.entries[0];
  if (!first) return style.tight;
  return !/[ \t]/.test(map.document.text[colonEnd(map.document.text, first.keyRange.end)] ?? '');
}

// ---------------------------------------------------------------------------------------------------------------
// Formatting values

/** `key: value` (YAML) or `"key": value` (JSON) laid out as `layout` says; continuation lines carry their indent. */
export function formatEntry(key: string, value: SpecValue, style: SpecTextStyle, layout: ValueLayout, inFlow = layout.mode !== 'block'): string {
  return `${formatKey(key, style, inFlow)}:${valueAfterColon(value, style, layout, inFlow)}`;
}

/** A key: always double-quoted in JSON; in YAML quoted (in the file's quote) only when a plain key would misread. */
export function formatKey(key: string, style: SpecTextStyle, inFlow: boolean): string {
  return style.syntax === 'json' ? JSON.stringify(key) : yamlString(key, style.quote, inFlow);
}

/** A value as written after its key's colon (leading space, or a line break for a YAML block collection). */
function valueAfterColon(value: SpecValue, style: SpecTextStyle, layout: ValueLayout, inFlow = layout.mode !== 'block'): string {
  if (layout.mode === 'block' && !isCollapsed(value)) {
    const childIndent = layout.indent + style.indentUnit;
    if (Array.isArray(value)) {
      const dashIndent = style.indentSequences ? childIndent : layout.indent;
      return (value as readonly SpecValue[]).map((item) => `${style.eol}${dashIndent}- ${formatItem(item, style, dashIndent + '  ')}`).join('');
    }
    return Object.entries(value as { [key: string]: SpecValue }).map(([key, child]) => `${style.eol}${childIndent}${formatEntry(key, child, style, { mode: 'block', indent: childIndent })}`).join('');
  }
  return `${style.tight && inFlow ? '' : ' '}${formatValue(value, style, layout)}`;
}

/**
 * A value in the given layout. In block layout, collections start on the next line at one level in; `inline` and
 * `multiline` write flow/JSON collections.
 */
export function formatValue(value: SpecValue, style: SpecTextStyle, layout: ValueLayout): string {
  if (isCollapsed(value)) return scalarOrEmpty(value, style, layout.mode !== 'block');
  if (layout.mode === 'block') return valueAfterColon(value, style, layout).replace(/^ /, '');
  const isArray = Array.isArray(value);
  const [open, close] = isArray ? ['[', ']'] : ['{', '}'];
  const parts = isArray
    ? (value as readonly SpecValue[]).map((item) => (inner: ValueLayout) => formatValue(item, style, inner))
    : Object.entries(value as { [key: string]: SpecValue }).map(([key, child]) => (inner: ValueLayout) => formatEntry(key, child, style, inner, true));
  if (layout.mode === 'multiline') {
    const inner = layout.indent + style.indentUnit;
    return `${open}${style.eol}${inner}${parts.map((part) => part({ mode: 'multiline', indent: inner })).join(`,${style.eol}${inner}`)}${style.eol}${layout.indent}${close}`;
  }
  const pad = !isArray && style.padBraces && !style.tight ? ' ' : '';
  return `${open}${pad}${parts.map((part) => part(layout)).join(style.tight ? ',' : ', ')}${pad}${close}`;
}

/** A YAML block sequence item's text after `- `: a mapping's first entry inline, the others at `contentIndent`. */
function formatItem(value: SpecValue, style: SpecTextStyle, contentIndent: string): string {
  if (isCollapsed(value)) return scalarOrEmpty(value, style, false);
  if (Array.isArray(value)) return formatValue(value, style, { mode: 'inline' });
  return Object.entries(value as { [key: string]: SpecValue })
    .map(([key, child]) => formatEntry(key, child, style, { mode: 'block', indent: contentIndent }))
    .join(style.eol + contentIndent);
}

/** Scalars and empty collections: written on one line in any layout. */
function isCollapsed(value: SpecValue): boolean {
  if (value === null || typeof value !== 'object') return true;
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

function scalarOrEmpty(value: SpecValue, style: SpecTextStyle, inFlow: boolean): string {
  if (value !== null && typeof value === 'object') return Array.isArray(value) ? '[]' : '{}';
  return scalarText(value as string | number | boolean | null, style, inFlow);
}

function scalarText(value: string | number | boolean | null, style: SpecTextStyle, inFlow: boolean): string {
  if (value === null) return 'null';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number') {
    if (Number.isFinite(value)) return String(value);
    if (style.syntax === 'json') return 'null';
    return Number.isNaN(value) ? '.nan' : value > 0 ? '.inf' : '-.inf';
  }
  return style.syntax === 'json' ? JSON.stringify(value) : yamlString(value, style.quote, inFlow);
}

/** A YAML string: plain when a reader (YAML 1.2 or 1.1) would read it back as the same string, else quoted. */
export function yamlString(value: string, quote: "'" | '"', inFlow: boolean): string {
  if (isPlainSafe(value, inFlow)) return value;
  return quote === "'" && canSingleQuote(value) ? singleQuoted(value) : JSON.stringify(value);
}

const NON_STRING_PLAIN = [
  /^(?:~|null|Null|NULL)$/,
  /^(?:true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/,
  /^[-+]?(?:\d[\d_]*)?(?:\.[\d_]*)?(?:[eE][-+]?\d+)?$/,
  /^[-+]?\.(?:inf|Inf|INF)$|^\.(?:nan|NaN|NAN)$/,
  /^[-+]?0(?:x[\da-fA-F_]+|o[0-7_]+|b[01_]+)$/,
  /^[-+]?\d[\d_]*(?::[0-5]?\d)+(?:\.[\d_]*)?$/,
  /^\d{4}-\d\d?-\d\d?(?:[Tt\s]|$)/,
  /^(?:<<|=)$/,
];

function isPlainSafe(value: string, inFlow: boolean): boolean {
  if (value === '' || value.trim() !== value) return false;
  if (/[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(value)) return false;
  if (/^[-?:,[\]{}#&*!|>'"%@`]/.test(value)) return false;
  if (/:(?:\s|$)|\s#/.test(value)) return false;
  if (inFlow && /[,[\]{}]/.test(value)) return false;
  return !NON_STRING_PLAIN.some((pattern) => pattern.test(value));
}

function canSingleQuote(value: string): boolean {
  return !/[\x00-\x1f\x7f\x85\u2028\u2029\ufeff]/.test(value);
}

function singleQuoted(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/**
 * A block scalar's new text: its header kept (chomping set to match the value, `>` becoming `|` for several lines),
 * lines at its content indent. Values a block cannot carry simply (leading spaces, several trailing line breaks)
 * are written double-quoted instead.
 */
function blockScalarText(original: string, value: string, style: SpecTextStyle): string {
  if (value === '' || /^\s|\n\n$|(?:^|\n)[ \t]+(?:\n|$)|[\x00-\x08\x0b-\x1f\x7f\r]/.test(value)) return JSON.stringify(value);
  const headerEnd = original.search(/\r?\n/);
  const header = headerEnd < 0 ? original : original.slice(0, headerEnd);
  const contentIndent = /\n([ ]+)\S/.exec(original)?.[1] ?? style.indentUnit;
  const kind = value.includes('\n') && value.indexOf('\n') < value.length - 1 ? '|' : header[0]!;
  const body = value.endsWith('\n') ? value.slice(0, -1) : value;
  const chomp = value.endsWith('\n') ? '' : '-';
  const comment = /\s#.*$/.exec(header)?.[0] ?? '';
  const lines = body.split('\n').map((line) => (line.trim() === '' ? '' : contentIndent + line));
  return `${kind}${chomp}${comment}${style.eol}${lines.join(style.eol)}`;
}
