// Applies FileEdits to text, and to files on disk: used by the server for files that are not open in the editor
// (clients such as Eglot cannot create or edit them through a workspace edit), by the CLI and by tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEdit } from './findings';

export function applyEditsToText(text: string, edits: readonly FileEdit[]): string {
  const lineStarts = [0];
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lineStarts.push(i + 1);
  const offset = (p: { line: number; character: number }) => (lineStarts[p.line] ?? text.length) + p.character;
  const sorted = [...edits].sort((a, b) => offset(b.range.start) - offset(a.range.start));
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

export function applyFileEdits(edits: readonly FileEdit[]): void {
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of edits) byFile.set(edit.filePath, [...(byFile.get(edit.filePath) ?? []), edit]);
  for (const [filePath, fileEdits] of byFile) {
    const exists = fs.existsSync(filePath);
    if (!exists && !fileEdits.every((e) => e.createFile)) throw new Error(`edit to missing file ${filePath}`);
    const text = exists ? fs.readFileSync(filePath, 'utf8') : '';
    fs.mkdirSync(path.dirname(filePath), { recursive: true });
    fs.writeFileSync(filePath, applyEditsToText(text, fileEdits));
  }
}
