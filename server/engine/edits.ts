// Applies FileEdits to text, and to files on disk: used by the server for files that are not open in the editor
// (clients such as Eglot cannot create or edit them through a workspace edit), by the CLI and by tests.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEdit } from './findings';
import { LineIndex } from './line-index';

export function applyEditsToText(text: string, edits: readonly FileEdit[]): string {
  const lines = LineIndex.of(text);
  const offset = (position: { line: number; character: number }) => lines.offsetAt(position);
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
