// Offsets ↔ LSP positions (0-based line, UTF-16 character) with LSP's line breaks: `\n`, `\r\n` and a lone `\r`.
// Every position the engine, the server and the reports make or read goes through here. JavaScript (and so
// TypeScript's line map, `getLineAndCharacterOfPosition`) also ends lines at U+2028 and U+2029; editors following
// LSP do not, so a TypeScript line number is one too many after either character.
import type * as ts from 'typescript';
import type { Position } from './findings';

const LINE_FEED = 10;
const CARRIAGE_RETURN = 13;

const indexBySourceFile = new WeakMap<ts.SourceFile, LineIndex>();

export class LineIndex {
  private constructor(
    private readonly text: string,
    /** Offset of each line's first character; always starts with 0. */
    private readonly lineStarts: readonly number[],
  ) {}

  static of(text: string): LineIndex {
    return new LineIndex(text, computeLineStarts(text));
  }

  /**
   * The index of `text`, made from this one (the index of the text before an edit that replaced [start, oldEnd)):
   * lines before the change are kept, the changed lines rescanned, the rest moved. A keystroke in a 350,000-line
   * spec costs a copy of the array, not a scan of the text.
   */
  afterEdit(text: string, start: number, oldEnd: number): LineIndex {
    const delta = text.length - this.text.length;
    // Rescan from the start of the line before the change (a `\r` just before it may now pair with a `\n`).
    const firstLine = Math.max(0, this.lineOf(start) - 1);
    const rescanFrom = this.lineStarts[firstLine]!;
    // ...to a line start safely after the change: the first old line start past oldEnd + 1, moved.
    let keptFrom = this.lineOf(Math.min(this.text.length, oldEnd + 1)) + 1;
    while (keptFrom < this.lineStarts.length && this.lineStarts[keptFrom]! <= oldEnd + 1) keptFrom++;
    const rescanTo = keptFrom < this.lineStarts.length ? this.lineStarts[keptFrom]! + delta : text.length;
    const starts = this.lineStarts.slice(0, firstLine + 1);
    const middle = text.slice(rescanFrom, rescanTo);
    forEachLineBreak(middle, (_, next) => {
      if (rescanFrom + next < rescanTo || keptFrom >= this.lineStarts.length) starts.push(rescanFrom + next);
    });
    for (let line = keptFrom; line < this.lineStarts.length; line++) starts.push(this.lineStarts[line]! + delta);
    return new LineIndex(text, starts);
  }

  /**
   * The index of a parsed file, built once per source file. Not TypeScript's line map: besides counting U+2028 and
   * U+2029, it is not cached on a freshly (re)parsed file either, and computing it costs more than this index.
   */
  static forSourceFile(sourceFile: ts.SourceFile): LineIndex {
    let index = indexBySourceFile.get(sourceFile);
    if (!index) {
      index = LineIndex.of(sourceFile.text);
      indexBySourceFile.set(sourceFile, index);
    }
    return index;
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  /** Like LSP's TextDocument.positionAt: clamped to the text, and never between a `\r` and its `\n`. */
  positionAt(offset: number): Position {
    offset = Math.max(0, Math.min(offset, this.text.length));
    const line = this.lineOf(offset);
    const character = Math.min(offset, this.contentEnd(line)) - this.lineStarts[line]!;
    return { line, character };
  }

  /** Like LSP's TextDocument.offsetAt: a line past the end is the text's end, a character past a line's end is that end. */
  offsetAt(position: Position): number {
    if (position.line >= this.lineStarts.length) return this.text.length;
    if (position.line < 0) return 0;
    const lineStart = this.lineStarts[position.line]!;
    if (position.character <= 0) return lineStart;
    return Math.min(lineStart + position.character, this.contentEnd(position.line));
  }

  /** A line's text without its line break ('' for a line past the end). */
  lineText(line: number): string {
    if (line < 0 || line >= this.lineStarts.length) return '';
    return this.text.slice(this.lineStarts[line], this.contentEnd(line));
  }

  /** Offset where a line's content ends (where its line break starts). */
  private contentEnd(line: number): number {
    if (line + 1 >= this.lineStarts.length) return this.text.length;
    let end = this.lineStarts[line + 1]!;
    if (this.text.charCodeAt(end - 1) === LINE_FEED) end--;
    if (end > this.lineStarts[line]! && this.text.charCodeAt(end - 1) === CARRIAGE_RETURN) end--;
    return end;
  }

  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (starts[middle]! <= offset) low = middle;
      else high = middle - 1;
    }
    return low;
  }
}

/** The number of lines as LSP counts them, without building an index (every analysis reports it). */
export function countLines(text: string): number {
  let lines = 1;
  forEachLineBreak(text, () => lines++);
  return lines;
}

/**
 * Calls `visit` for each LSP line break in order, with the offset where it starts and the offset of the next line.
 * indexOf finds them far faster than a loop over every character (which TypeScript's own line map uses).
 */
export function forEachLineBreak(text: string, visit: (breakStart: number, nextLineStart: number) => void): void {
  let nextLineFeed = text.indexOf('\n');
  let nextCarriageReturn = text.indexOf('\r');
  while (nextLineFeed !== -1 || nextCarriageReturn !== -1) {
    if (nextCarriageReturn === -1 || (nextLineFeed !== -1 && nextLineFeed < nextCarriageReturn)) {
      visit(nextLineFeed, nextLineFeed + 1);
      nextLineFeed = text.indexOf('\n', nextLineFeed + 1);
    } else if (nextLineFeed === nextCarriageReturn + 1) {
      visit(nextCarriageReturn, nextLineFeed + 1);
      nextLineFeed = text.indexOf('\n', nextLineFeed + 1);
      nextCarriageReturn = text.indexOf('\r', nextCarriageReturn + 1);
    } else {
      visit(nextCarriageReturn, nextCarriageReturn + 1);
      nextCarriageReturn = text.indexOf('\r', nextCarriageReturn + 1);
    }
  }
}

function computeLineStarts(text: string): number[] {
  const starts = [0];
  forEachLineBreak(text, (_, nextLineStart) => starts.push(nextLineStart));
  return starts;
}
