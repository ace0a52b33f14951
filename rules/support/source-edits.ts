// Small helpers for building fixes and messages from the TypeScript AST: replace a node, find the statement to
// insert before, match its indentation, pick a name nothing in the file declares, shorten code for a message.
import * as ts from 'typescript';
import type { FileIndex } from './dataflow';
import type { RuleEdit } from './rule';

const MAX_SHORT_TEXT = 60;

export function replaceNode(node: ts.Node, newText: string, sourceFile: ts.SourceFile): RuleEdit {
  return { start: node.getStart(sourceFile), end: node.end, newText };
}

export function appendToObjectLiteral(object: ts.ObjectLiteralExpression, properties: string[], sourceFile: ts.SourceFile): RuleEdit {
  if (object.properties.length === 0) return replaceNode(object, `{ ${properties.join(', ')} }`, sourceFile);
  const last = object.properties[object.properties.length - 1]!;
  return { start: last.end, end: last.end, newText: `, ${properties.join(', ')}` };
}

export function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (ts.isFunctionLike(current)) return undefined;
    if (isStatementListParent(current.parent) && ts.isStatement(current)) return current;
  }
  return undefined;
}

export function isStatementListParent(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseClause(node) || ts.isDefaultClause(node);
}

export function indentationOf(node: ts.Node, sourceFile: ts.SourceFile): string {
  const start = node.getStart(sourceFile);
  // Any line break counts, a lone \r included (LSP's and the editor's line).
  const lineStart = Math.max(sourceFile.text.lastIndexOf('\n', start - 1), sourceFile.text.lastIndexOf('\r', start - 1)) + 1;
  return /^[ \t]*/.exec(sourceFile.text.slice(lineStart, start))![0];
}

export function freeName(candidates: string[], index: FileIndex, fallbackBase = candidates[0] ?? 'value'): string {
  for (const candidate of candidates) if (index.declarationsNamed(candidate).length === 0) return candidate;
  for (let n = 2; ; n++) if (index.declarationsNamed(`${fallbackBase}${n}`).length === 0) return `${fallbackBase}${n}`;
}

export function shortText(text: string, max = MAX_SHORT_TEXT): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}

export function dedupe<T>(values: T[]): T[] {
  return [...new Set(values)];
}

/**
 * An expression as a message names it: on one line, with functions and multi-line literals inside it elided, so
 * `items.map((x) => { … })` reads `items.map(…)`, then shortened like shortText.
 */
export function shortExpressionText(node: ts.Node, sourceFile: ts.SourceFile, max = MAX_SHORT_TEXT): string {
  const text = sourceFile.text;
  let shown = '';
  let cursor = node.getStart(sourceFile);
  const visit = (current: ts.Node): void => {
    if (current !== node && isElidedInMessages(current, sourceFile)) {
      shown += `${text.slice(cursor, current.getStart(sourceFile))}…`;
      cursor = current.end;
      return;
    }
    current.forEachChild(visit);
  };
  visit(node);
  shown += text.slice(cursor, node.end);
  // A call chain broken over lines reads as one chain: `db('t')\n  .whereRaw` → `db('t').whereRaw`.
  let oneLine = shown.replace(/\s*[\r\n]\s*\./g, '.').replace(/\(\s*…\s*\)/g, '(…)');
  // Arguments broken over lines: `f(\n  a,\n  b\n)` reads `f(a, b)`.
  if (/[\r\n]/.test(oneLine)) oneLine = oneLine.replace(/([([{])\s*[\r\n]\s*/g, '$1').replace(/,?\s*[\r\n]\s*([)\]}])/g, '$1');
  return shortText(oneLine, max);
}

function isElidedInMessages(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node) || ts.isClassExpression(node)) return true;
  if (ts.isObjectLiteralExpression(node) || ts.isArrayLiteralExpression(node)) return /[\r\n]/.test(sourceFile.text.slice(node.getStart(sourceFile), node.end));
  return false;
}
