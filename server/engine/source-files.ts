// Which files the engine reads, and how they become TypeScript source files. JavaScript is parsed by the same
// parser (ScriptKind JS/JSX), so every rule applies to plain Express apps too.
import * as path from 'node:path';
import * as ts from 'typescript';
import { forEachLineBreak } from './line-index';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

export const SCRIPT_EXTENSIONS = Object.keys(SCRIPT_KINDS);

export function scriptKindFor(filePath: string): ts.ScriptKind | undefined {
  return SCRIPT_KINDS[path.extname(filePath).toLowerCase()];
}

export function isScriptFile(filePath: string): boolean {
  return scriptKindFor(filePath) !== undefined && !filePath.endsWith('.d.ts');
}

export function parseSourceFile(filePath: string, text: string): ts.SourceFile {
  const sourceFile = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, /* setParentNodes */ false, scriptKindFor(filePath) ?? ts.ScriptKind.TS);
  setParentNodes(sourceFile);
  return sourceFile;
}

/**
 * Sets `parent` on every node, JSDoc included: the same pointers as `setParentNodes: true`, but TypeScript's
 * version allocates a work array per node (a third of all allocation in a CLI scan) and this one allocates
 * none, which makes the initial parse ~15% cheaper. Incremental reparses (`updateSourceFile`) set parents
 * themselves.
 */
function setParentNodes(root: ts.Node): void {
  const stack: ts.Node[] = [root];
  let parent: ts.Node = root;
  const adopt = (child: ts.Node) => {
    (child as { parent: ts.Node }).parent = parent;
    stack.push(child);
  };
  while (stack.length > 0) {
    parent = stack.pop()!;
    ts.forEachChild(parent, adopt);
    const docs = (parent as { jsDoc?: ts.Node[] }).jsDoc;
    if (docs) for (const doc of docs) adopt(doc);
  }
}

/**
 * Applies one editor change to a source file incrementally: TypeScript reuses every node outside the change,
 * which is what keeps per-keystroke analysis cheap. The old source file must not be used afterwards.
 */
export function updateSourceFile(sourceFile: ts.SourceFile, start: number, end: number, newText: string): ts.SourceFile {
  const text = sourceFile.text.slice(0, start) + newText + sourceFile.text.slice(end);
  return ts.updateSourceFile(sourceFile, text, { span: { start, length: end - start }, newLength: newText.length });
}

const BINARY_SNIFF_BYTES = 8000;
const MINIFIED_LINE_LENGTH = 1000;

/** Why a file is not analysed, or undefined when it should be. Messages are user-facing. */
export function reasonToSkip(text: string, maxFileSize: number): string | undefined {
  const size = Buffer.byteLength(text, 'utf8');
  if (size > maxFileSize) {
    return `skipped: file is ${formatBytes(size)}, over the ${formatBytes(maxFileSize)} limit (raise "maxFileSize" in apiguard.json to analyse it)`;
  }
  if (text.slice(0, BINARY_SNIFF_BYTES).includes('\u0000')) return 'skipped: binary content (NUL bytes)';
  if (looksMinified(text)) return 'skipped: looks minified (very long lines); analyse the source instead';
  return undefined;
}

/**
 * Minified means most of the file is very long lines of code. Decided by the file as a whole: one long line of
 * data (a data URI, a certificate, base64) beside ordinary code is not minification, and skipping the file would
 * hide a secret on its other lines.
 */
function looksMinified(text: string): boolean {
  if (text.length < 2 * MINIFIED_LINE_LENGTH) return false;
  let longCodeCharacters = 0;
  let lineStart = 0;
  const visitLine = (lineEnd: number) => {
    if (lineEnd - lineStart > MINIFIED_LINE_LENGTH && looksLikeCode(text, lineStart, lineEnd)) longCodeCharacters += lineEnd - lineStart;
  };
  // LSP's lines: a file whose lines end in a lone `\r` is not one long line.
  forEachLineBreak(text, (breakStart, nextLineStart) => {
    visitLine(breakStart);
    lineStart = nextLineStart;
  });
  visitLine(text.length);
  return longCodeCharacters > text.length / 2;
}

/** Punctuation every few characters is code (`f(a,b){x=1;}`); base64, hex and PEM bodies have almost none. */
const CODE_PUNCTUATION = /[;,(){}=]/g;
const CODE_SAMPLE_LENGTH = 2000;

function looksLikeCode(text: string, start: number, end: number): boolean {
  const sample = text.slice(start, Math.min(end, start + CODE_SAMPLE_LENGTH));
  const punctuation = sample.match(CODE_PUNCTUATION)?.length ?? 0;
  return punctuation * 40 > sample.length;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
