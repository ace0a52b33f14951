// APPLY_FIX_COMMAND: a fix that writes files the editor does not have open (.env, .gitignore, .env.example).
// Its code action carries no edit, only which fix it is; on execute the server recomputes the fix from the
// current text and fresh reads of those files, writes the disk first (.gitignore before .env, so a secret never
// lands in an un-ignored .env), undoing what it wrote on any failure, and only then asks the editor to change the
// code, version-exact. So the secret never leaves the code unless it has been stored.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { TextDocumentEdit, WorkspaceEdit } from 'vscode-languageserver';
import { applyFileEdits, restoreFiles, StaleEditError, type WrittenFile } from '../engine/edits';
import type { FileEdit, Finding, Fix, Range } from '../engine/findings';
import type { OpenDocument } from './documents';

/** Identifies a fix without carrying its edits (nor the secret they hold). */
export interface ApplyFixArguments {
  uri: string;
  version: number;
  ruleId: string;
  range: Range;
  title: string;
}

/** A failure the user sees; its message never quotes file contents. */
export class FixError extends Error {}

export function parseApplyFixArguments(args: readonly unknown[] | undefined): ApplyFixArguments {
  const value = args?.[0] as Record<string, unknown> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.uri !== 'string' || !Number.isInteger(value.version) ||
    typeof value.ruleId !== 'string' || typeof value.title !== 'string' || !isRange(value.range)) {
    throw new FixError('expected one argument: { uri, version, ruleId, range, title }');
  }
  return { uri: value.uri, version: value.version as number, ruleId: value.ruleId, range: value.range, title: value.title };
}

/** Disk targets first by how much a failure would cost: .gitignore, then .env, then the rest (.env.example). */
export function writeOrder(filePath: string): number {
  const name = path.basename(filePath);
  return name === '.gitignore' ? 0 : name === '.env' ? 1 : 2;
}

/**
 * Why the fix's disk edits could not be stored, or undefined when they can: the document must be a `file:` one,
 * and each target a writable regular file, or creatable in a writable existing folder (the project root).
 */
export function whyNotStorable(document: OpenDocument, diskEdits: readonly FileEdit[]): string | undefined {
  if (!document.uri.startsWith('file:')) return 'the document is not saved to disk, so there is no project .env to move the value to';
  for (const filePath of new Set(diskEdits.map((edit) => edit.filePath))) {
    const name = path.basename(filePath);
    let stat: fs.Stats | undefined;
    try {
      stat = fs.statSync(filePath);
    } catch {
      stat = undefined;
    }
    if (stat && !stat.isFile()) return `${name} is not a regular file`;
    const target = stat ? filePath : path.dirname(filePath);
    if (!stat && !isDirectory(target)) return `the folder for ${name} does not exist`;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch {
      return stat ? `${name} is not writable` : `${name} cannot be created (its folder is not writable)`;
    }
  }
  return undefined;
}

export interface FixExecutionContext {
  document(uri: string): OpenDocument | undefined;
  openDocumentFor(filePath: string): OpenDocument | undefined;
  /** Findings of the document's current text, analysed now with fresh reads of every file a fix depends on. */
  freshFindings(document: OpenDocument): readonly Finding[];
  /** workspace/applyEdit: resolves to whether the client applied it. */
  applyEdit(label: string, edit: WorkspaceEdit): Promise<boolean>;
}

/** Recomputes the fix, stores its disk edits, then edits the code; throws FixError after undoing what it wrote. */
export async function executeFix(args: ApplyFixArguments, context: FixExecutionContext): Promise<string[]> {
  const document = context.document(args.uri);
  if (!document || document.version !== args.version) throw new FixError('the file changed; request the fix again');
  const fix = findFix(context.freshFindings(document), args);
  if (!fix) throw new FixError('the fix no longer applies to the current files; request the fix again');

  const inEditor = new Map<OpenDocument, FileEdit[]>();
  const onDisk: FileEdit[] = [];
  for (const edit of fix.edits) {
    const target = edit.filePath === document.filePath ? document : context.openDocumentFor(edit.filePath);
    if (target) inEditor.set(target, [...(inEditor.get(target) ?? []), edit]);
    else onDisk.push(edit);
  }
  const unstorable = whyNotStorable(document, onDisk);
  if (unstorable) throw new FixError(`${args.ruleId.startsWith('spec/') ? 'the fix cannot be written' : 'the value cannot be stored'}: ${unstorable}`);

  let written: WrittenFile[];
  try {
    written = applyFileEdits([...onDisk].sort((a, b) => writeOrder(a.filePath) - writeOrder(b.filePath)));
  } catch (error) {
    throw new FixError(error instanceof StaleEditError ? `${error.message}; request the fix again` : `could not write: ${describeError(error)}`);
  }
  const documentChanges: TextDocumentEdit[] = [...inEditor].map(([target, edits]) => ({
    textDocument: { uri: target.uri, version: target.version },
    edits: edits.map((edit) => ({ range: edit.range, newText: edit.newText })),
  }));
  let applied: boolean;
  let why = 'the editor did not apply the edit';
  try {
    applied = await context.applyEdit(args.title, { documentChanges });
  } catch (error) {
    applied = false;
    why = `the editor's applyEdit failed: ${describeError(error)}`;
  }
  if (!applied) {
    const notRestored = restoreFiles(written);
    const restored = notRestored.length === 0 ? 'the files written for it were restored' : `could not restore ${notRestored.join(', ')}`;
    throw new FixError(`${why}; ${restored}`);
  }
  return written.map((file) => file.filePath);
}

function findFix(findings: readonly Finding[], args: ApplyFixArguments): Fix | undefined {
  const finding = findings.find((candidate) => candidate.ruleId === args.ruleId && sameRange(candidate.range, args.range));
  return finding?.fixes.find((fix) => fix.title === args.title);
}

/** fs errors name the code, the operation and the path, never the content. */
function describeError(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function sameRange(a: Range, b: Range): boolean {
  return a.start.line === b.start.line && a.start.character === b.start.character && a.end.line === b.end.line && a.end.character === b.end.character;
}

function isDirectory(dir: string): boolean {
  try {
    return fs.statSync(dir).isDirectory();
  } catch {
    return false;
  }
}

function isRange(value: unknown): value is Range {
  const range = value as Record<string, unknown> | undefined;
  return typeof range === 'object' && range !== null && isPosition(range.start) && isPosition(range.end);
}

function isPosition(value: unknown): boolean {
  const position = value as Record<string, unknown> | undefined;
  return typeof position === 'object' && position !== null && Number.isInteger(position.line) && Number.isInteger(position.character);
}
