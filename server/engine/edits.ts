// Applies FileEdits to text, and to files on disk: used by the server for files that are not open in the editor
// (written before the code changes, see server/lsp/fix-command.ts) and by tests. A disk edit is refused when the
// file no longer holds the text its positions were computed against.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { FileEdit } from './findings';
import { LineIndex } from './line-index';

export function applyEditsToText(text: string, edits: readonly FileEdit[]): string {
  const lines = LineIndex.of(text);
  const offset = (position: { line: number; character: number }) => lines.offsetAt(position);
  // From the end backwards. At one position a replacement goes first, then the inserts, so that they land in
  // array order before it, as LSP clients apply them.
  const isInsert = (edit: FileEdit) => (offset(edit.range.start) === offset(edit.range.end) ? 1 : 0);
  const sorted = edits
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => offset(b.edit.range.start) - offset(a.edit.range.start) || isInsert(a.edit) - isInsert(b.edit) || b.index - a.index)
    .map(({ edit }) => edit);
  let result = text;
  for (const edit of sorted) result = result.slice(0, offset(edit.range.start)) + edit.newText + result.slice(offset(edit.range.end));
  return result;
}

/** sha256 of a file's text: the precondition a FileEdit carries for the content it was computed against. */
export function contentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

export class StaleEditError extends Error {}

/** What one file held before a write, so the write can be undone. */
export interface WrittenFile {
  filePath: string;
  /** undefined when the write created the file. */
  previous: string | undefined;
}

/**
 * Writes the edits file by file in the order of `edits` (group order = first appearance), each checked against
 * its precondition just before writing. On any failure the files already written get their previous content
 * back and the error is rethrown; on success the written files are returned so a later failure can undo them.
 */
export function applyFileEdits(edits: readonly FileEdit[]): WrittenFile[] {
  const byFile = new Map<string, FileEdit[]>();
  for (const edit of edits) byFile.set(edit.filePath, [...(byFile.get(edit.filePath) ?? []), edit]);
  const written: WrittenFile[] = [];
  try {
    for (const [filePath, fileEdits] of byFile) {
      const previous = readIfFile(filePath);
      checkPrecondition(filePath, fileEdits, previous);
      fs.mkdirSync(path.dirname(filePath), { recursive: true });
      fs.writeFileSync(filePath, applyEditsToText(previous ?? '', fileEdits), previous === undefined ? { flag: 'wx' } : {});
      written.push({ filePath, previous });
    }
  } catch (error) {
    restoreFiles(written);
    throw error;
  }
  return written;
}

/** Puts written files back as they were (deleting the ones the write created); returns the ones it could not. */
export function restoreFiles(written: readonly WrittenFile[]): string[] {
  const failed: string[] = [];
  for (const { filePath, previous } of [...written].reverse()) {
    try {
      if (previous === undefined) fs.rmSync(filePath, { force: true });
      else fs.writeFileSync(filePath, previous);
    } catch {
      failed.push(filePath);
    }
  }
  return failed;
}

function readIfFile(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function checkPrecondition(filePath: string, fileEdits: readonly FileEdit[], current: string | undefined): void {
  const creates = fileEdits.every((edit) => edit.createFile);
  if (current === undefined) {
    if (!creates) throw new StaleEditError(`${path.basename(filePath)} was deleted since the fix was computed`);
    return;
  }
  if (creates) throw new StaleEditError(`${path.basename(filePath)} was created since the fix was computed`);
  const expected = fileEdits.find((edit) => edit.baseHash !== undefined)?.baseHash;
  if (expected !== undefined && contentHash(current) !== expected) throw new StaleEditError(`${path.basename(filePath)} changed since the fix was computed`);
}
