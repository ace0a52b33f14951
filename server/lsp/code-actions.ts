// Code actions for the findings under a range. A fix that edits only open documents carries its edit inline
// (Eglot never calls resolve) as version-exact TextDocumentEdits. A fix that also writes files the editor does not
// have open (.env, .gitignore) carries only APPLY_FIX_COMMAND naming the fix: the server recomputes it at apply
// time and writes the disk before the code changes (server/lsp/fix-command.ts). Where its files cannot be
// written, it is offered disabled with the reason, or not at all.
import { CodeActionKind, type CodeAction, type Range as LspRange, type TextDocumentEdit, type TextEdit } from 'vscode-languageserver';
import { APPLY_FIX_COMMAND, FIX_ALL_CODE_ACTION_KIND } from '../../shared/protocol';
import { ENGINE_FINDING_METAS, UNUSED_SUPPRESSION } from '../engine/engine-findings';
import type { FileEdit, Finding, Position, Range } from '../engine/findings';
import { SUPPRESSION_REASON_PLACEHOLDER } from '../engine/suppressions';
import { toDiagnostic } from './diagnostics';
import type { OpenDocument } from './documents';
import { whyNotStorable, type ApplyFixArguments } from './fix-command';
import { ruleActions } from './rule-commands';


export interface CodeActionRequest {
  document: OpenDocument;
  /** Findings of the document's current version. */
  findings: readonly Finding[];
  range: LspRange;
  /** `context.only` from the client, if any. */
  only?: readonly string[];
  /** Open documents by file path, so edits to them carry their versions. */
  openDocumentFor(filePath: string): OpenDocument | undefined;
  /** The client shows `disabled` actions (`codeActionDisabledSupport`); otherwise unusable fixes are left out. */
  disabledSupport?: boolean;
  /** Why a fix was disabled or left out. */
  log?(message: string): void;
}

export function codeActionsFor(request: CodeActionRequest): CodeAction[] {
  const { document, range } = request;
  const actions: CodeAction[] = [];
  if (wants(request.only, CodeActionKind.QuickFix)) {
    const underCursor: Parameters<typeof ruleActions>[0][number][] = [];
    for (const finding of request.findings) {
      if (!touches(finding.range, range)) continue;
      const diagnostic = toDiagnostic(finding);
      // Only files on disk have a folder whose apiguard.json could turn the rule off.
      underCursor.push({ ruleId: finding.ruleId, diagnostic, configurable: isRuleFinding(finding) && document.uri.startsWith('file:') });
      for (const fix of fixesFor(finding, document)) {
        const action = fixAction(request, finding, fix);
        if (action) actions.push({ ...action, diagnostics: [diagnostic] });
      }
      if (isRuleFinding(finding) && document.commentPrefix && !document.lineStartsInsideLiteral(finding.range.start.line)) {
        actions.push({
          title: `Ignore "${finding.ruleId}" on this line`,
          kind: CodeActionKind.QuickFix,
          diagnostics: [diagnostic],
          edit: inlineEdit([ignoreOnThisLine(finding, document)], document, request.openDocumentFor),
        });
      }
    }
    // After the fixes and suppressions, so a client's first (or preferred) action is still a fix.
    actions.push(...ruleActions(underCursor, document.uri));
  }
  if (wants(request.only, FIX_ALL_CODE_ACTION_KIND)) {
    const fixAll = fixAllAction(request);
    if (fixAll) actions.push(fixAll);
  }
  return actions;
}

/**
 * A quick fix: inline when every edit targets an open document; else the command that stores the disk edits
 * first, or (when they cannot be stored) disabled with the reason, or nothing for clients that cannot show that.
 */
function fixAction(request: CodeActionRequest, finding: Finding, fix: ServerFix): CodeAction | undefined {
  const { document } = request;
  const base: CodeAction = { title: fix.title, kind: CodeActionKind.QuickFix, isPreferred: fix.isPreferred };
  const onDisk = diskEdits(fix.edits, document, request.openDocumentFor);
  if (onDisk.length === 0) return { ...base, edit: inlineEdit(fix.edits, document, request.openDocumentFor) };
  const unstorable = whyNotStorable(document, onDisk);
  if (unstorable) {
    request.log?.(`"${fix.title}" ${request.disabledSupport ? 'offered disabled' : 'not offered'} for ${finding.ruleId} at ${finding.range.start.line + 1}:${finding.range.start.character + 1} of ${document.uri}: ${unstorable}`);
    // Today's disk-writing fixes are the secret's move and spec fixes inside `$ref`'d files the editor has not open.
    const cannot = finding.ruleId.startsWith('spec/') ? 'Cannot apply the fix' : 'Cannot move the value';
    return request.disabledSupport ? { ...base, isPreferred: false, disabled: { reason: `${cannot}: ${unstorable}.` } } : undefined;
  }
  const args: ApplyFixArguments = { uri: document.uri, version: document.version, ruleId: finding.ruleId, range: finding.range, title: fix.title };
  return { ...base, command: { title: fix.title, command: APPLY_FIX_COMMAND, arguments: [args] } };
}

/**
 * One action applying every fix marked safe for "fix all", skipping any that overlaps one already taken and any
 * that writes files the editor does not have open (those go through APPLY_FIX_COMMAND, one fix at a time). Taken
 * edits are kept sorted per file, so each check is a binary search: fix-all stays cheap with many findings.
 */
export function fixAllAction(request: Omit<CodeActionRequest, 'range'>): CodeAction | undefined {
  const { document } = request;
  const taken = new TakenEdits();
  let count = 0;
  for (const finding of request.findings) {
    const fix = fixesFor(finding, document).find((candidate) => candidate.safeForFixAll && diskEdits(candidate.edits, document, request.openDocumentFor).length === 0);
    if (!fix) continue;
    if (fix.edits.some((edit) => taken.overlapsAny(edit))) continue;
    for (const edit of fix.edits) taken.add(edit);
    count++;
  }
  if (count === 0) return undefined;
  const title = 'Fix all safely fixable API Guard problems';
  return { title, kind: FIX_ALL_CODE_ACTION_KIND, edit: inlineEdit(taken.all, document, request.openDocumentFor) };
}

/** Non-overlapping edits, in the order taken and sorted by start per file. */
class TakenEdits {
  readonly all: FileEdit[] = [];
  private readonly byFile = new Map<string, FileEdit[]>();

  add(edit: FileEdit): void {
    this.all.push(edit);
    const sorted = this.byFile.get(edit.filePath) ?? [];
    sorted.splice(firstStartingAtOrAfter(sorted, edit.range.start), 0, edit);
    this.byFile.set(edit.filePath, sorted);
  }

  overlapsAny(edit: FileEdit): boolean {
    const sorted = this.byFile.get(edit.filePath);
    if (!sorted) return false;
    const index = firstStartingAtOrAfter(sorted, edit.range.start);
    // Taken edits never overlap each other, so of those starting before, only the last can reach into this one.
    if (index > 0 && overlaps(sorted[index - 1]!, edit)) return true;
    for (let next = index; next < sorted.length && compare(sorted[next]!.range.start, edit.range.end) <= 0; next++) {
      if (overlaps(sorted[next]!, edit)) return true;
    }
    return false;
  }
}

function firstStartingAtOrAfter(sorted: readonly FileEdit[], position: Position): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (compare(sorted[middle]!.range.start, position) < 0) low = middle + 1;
    else high = middle;
  }
  return low;
}

interface ServerFix {
  title: string;
  edits: FileEdit[];
  safeForFixAll: boolean;
  isPreferred: boolean;
}

/** The rule's own fixes, plus the server's fix for engine findings that have an obvious one. */
function fixesFor(finding: Finding, document: OpenDocument): ServerFix[] {
  if (finding.ruleId === UNUSED_SUPPRESSION.id) {
    return [{ title: 'Remove unused suppression', edits: [removeComment(finding.range, document)], safeForFixAll: true, isPreferred: true }];
  }
  return finding.fixes;
}

function isRuleFinding(finding: Finding): boolean {
  return !ENGINE_FINDING_METAS.some((meta) => meta.id === finding.ruleId);
}

/** The rule list of a next-line suppression comment (`//` in scripts, `#` in YAML) that is alone on its line. */
const NEXT_LINE_SUPPRESSION = /^(\s*(?:\/\/|#)\s*apiguard-ignore-next-line\s+[a-z0-9\-/]+(?:\s*,\s*[a-z0-9\-/]+)*)/;

/**
 * `// apiguard-ignore-next-line <rule> -- <placeholder>` (`#` in YAML) above the finding's first line, at that line's
 * indentation. When the line above already is such a comment (for another rule), the rule joins its list instead:
 * a second comment line would push the first one off the line it suppresses.
 */
export function ignoreOnThisLine(finding: Finding, document: OpenDocument): FileEdit {
  const line = finding.range.start.line;
  const existing = line > 0 ? NEXT_LINE_SUPPRESSION.exec(document.lineText(line - 1)) : null;
  if (existing) {
    const at = { line: line - 1, character: existing[1]!.length };
    return { filePath: document.filePath, range: { start: at, end: at }, newText: `, ${finding.ruleId}` };
  }
  const indentation = /^[ \t]*/.exec(document.lineText(line))![0];
  const newline = lineBreakFor(document, line);
  return {
    filePath: document.filePath,
    range: { start: { line, character: 0 }, end: { line, character: 0 } },
    newText: `${indentation}${document.commentPrefix ?? '//'} apiguard-ignore-next-line ${finding.ruleId} -- ${SUPPRESSION_REASON_PLACEHOLDER}${newline}`,
  };
}

/** Deletes a comment: the whole line when nothing else is on it, else the comment and the spaces before it. */
function removeComment(range: Range, document: OpenDocument): FileEdit {
  const before = document.lineText(range.start.line).slice(0, range.start.character);
  const after = document.lineText(range.end.line).slice(range.end.character);
  if (before.trim() === '' && after.trim() === '') {
    const lineCount = document.textDocument.lineCount;
    const end = range.end.line + 1 < lineCount ? { line: range.end.line + 1, character: 0 } : { line: range.end.line, character: range.end.character + after.length };
    return { filePath: document.filePath, range: { start: { line: range.start.line, character: 0 }, end }, newText: '' };
  }
  const start = { line: range.start.line, character: before.trimEnd().length };
  return { filePath: document.filePath, range: { start, end: range.end }, newText: '' };
}

/** The line break of the line above (else of the line itself, else `\n`): a new line matches its neighbours. */
function lineBreakFor(document: OpenDocument, line: number): string {
  return (line > 0 ? document.lineBreakAfter(line - 1) : '') || document.lineBreakAfter(line) || '\n';
}

/** Edits to files the editor does not have open. */
function diskEdits(edits: readonly FileEdit[], document: OpenDocument, openDocumentFor: (filePath: string) => OpenDocument | undefined): FileEdit[] {
  return edits.filter((edit) => edit.filePath !== document.filePath && !openDocumentFor(edit.filePath));
}

/** Version-exact TextDocumentEdits, one per open document (every edit must target one). */
function inlineEdit(edits: readonly FileEdit[], document: OpenDocument, openDocumentFor: (filePath: string) => OpenDocument | undefined): { documentChanges: TextDocumentEdit[] } {
  const byDocument = new Map<OpenDocument, TextEdit[]>();
  for (const edit of edits) {
    const target = edit.filePath === document.filePath ? document : openDocumentFor(edit.filePath);
    if (!target) throw new Error(`inline edit to a file that is not open: ${edit.filePath}`);
    const textEdits = byDocument.get(target) ?? [];
    textEdits.push({ range: edit.range, newText: edit.newText });
    byDocument.set(target, textEdits);
  }
  const documentChanges = [...byDocument].map(([target, textEdits]) => ({ textDocument: { uri: target.uri, version: target.version }, edits: textEdits }));
  return { documentChanges };
}

function wants(only: readonly string[] | undefined, kind: string): boolean {
  if (!only || only.length === 0) return true;
  // `only: ['source']` asks for every source.* kind; `quickfix` covers `quickfix.*`.
  return only.some((requested) => kind === requested || kind.startsWith(`${requested}.`));
}

function compare(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}

/** Inclusive at both ends: a zero-width cursor range at a finding's edge (Neovim) still counts. */
export function touches(finding: Range, requested: LspRange): boolean {
  return compare(finding.start, requested.end) <= 0 && compare(requested.start, finding.end) <= 0;
}

/** Same file and intersecting ranges; two insertions at one point also conflict (their order would be a guess). */
function overlaps(a: FileEdit, b: FileEdit): boolean {
  if (a.filePath !== b.filePath) return false;
  if (compare(a.range.start, a.range.end) === 0 && compare(b.range.start, b.range.end) === 0) return compare(a.range.start, b.range.start) === 0;
  return compare(a.range.start, b.range.end) < 0 && compare(b.range.start, a.range.end) < 0;
}
