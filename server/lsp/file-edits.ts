// Executes APPLY_FILE_EDITS_COMMAND: writes edits to files the editor does not have open (creating them when
// needed). The arguments come from our own code actions, but they arrive over the wire, so they are checked
// before anything touches the disk, and nothing outside the workspace folders is written.
import * as path from 'node:path';
import { applyFileEdits } from '../engine/edits';
import type { FileEdit, Position } from '../engine/findings';

export class FileEditsError extends Error {}

export function parseFileEditsArguments(args: readonly unknown[] | undefined, workspaceRoots: readonly string[]): FileEdit[] {
  const edits = args?.[0];
  if (!Array.isArray(edits) || edits.length === 0) throw new FileEditsError('expected one argument: a non-empty array of file edits');
  return edits.map((edit, index) => {
    if (!isFileEdit(edit)) throw new FileEditsError(`argument edit #${index} is not { filePath, range, newText }`);
    const filePath = path.resolve(edit.filePath);
    if (!path.isAbsolute(edit.filePath)) throw new FileEditsError(`edit #${index}: path must be absolute: ${edit.filePath}`);
    if (workspaceRoots.length > 0 && !workspaceRoots.some((root) => filePath === root || filePath.startsWith(root + path.sep))) {
      throw new FileEditsError(`edit #${index}: refusing to write outside the workspace folders: ${filePath}`);
    }
    return { filePath, range: edit.range, newText: edit.newText, ...(edit.createFile === true ? { createFile: true } : {}) };
  });
}

/** Writes the edits; returns the files it wrote. */
export function executeFileEdits(edits: readonly FileEdit[]): string[] {
  applyFileEdits(edits);
  return [...new Set(edits.map((edit) => edit.filePath))];
}

function isFileEdit(value: unknown): value is FileEdit {
  if (typeof value !== 'object' || value === null) return false;
  const edit = value as Record<string, unknown>;
  const range = edit.range as Record<string, unknown> | undefined;
  return typeof edit.filePath === 'string' && typeof edit.newText === 'string' && typeof range === 'object' && range !== null &&
    isPosition(range.start) && isPosition(range.end);
}

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const position = value as Record<string, unknown>;
  return Number.isInteger(position.line) && Number.isInteger(position.character) && (position.line as number) >= 0 && (position.character as number) >= 0;
}
