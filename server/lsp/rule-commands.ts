// The two actions every finding gets next to its fixes: "Show documentation for <rule>" and "Disable <rule> for
// this folder". Both carry their command inline (Eglot never resolves) and name only the rule (and the file), so
// what they do is decided when they run, against the files as they are then.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { applyEdits, findNodeAtLocation, modify, parseTree, type EditResult, type FormattingOptions, type ParseError } from 'jsonc-parser';
import { CodeActionKind, type CodeAction, type Diagnostic, type TextDocumentEdit, type WorkspaceEdit } from 'vscode-languageserver';
import { DISABLE_RULE_COMMAND, SHOW_RULE_DOCS_COMMAND } from '../../shared/protocol';
import { CONFIG_FILE_NAME, deepestContaining } from '../engine/config';
import type { OpenDocument } from './documents';

export interface ShowRuleDocsArguments {
  ruleId: string;
}

export interface DisableRuleArguments {
  /** The file whose folder the rule is turned off for. */
  uri: string;
  ruleId: string;
}

/** One pair per rule under the cursor (several findings of one rule share it), in the order the rules appear. */
export function ruleActions(findings: readonly { ruleId: string; diagnostic: Diagnostic; configurable: boolean }[], uri: string): CodeAction[] {
  const actions: CodeAction[] = [];
  const seen = new Set<string>();
  for (const { ruleId, configurable } of findings) {
    if (seen.has(ruleId)) continue;
    seen.add(ruleId);
    const diagnostics = findings.filter((finding) => finding.ruleId === ruleId).map((finding) => finding.diagnostic);
    const showTitle = `Show documentation for "${ruleId}"`;
    const showArgs: ShowRuleDocsArguments = { ruleId };
    actions.push({ title: showTitle, kind: CodeActionKind.QuickFix, diagnostics, command: { title: showTitle, command: SHOW_RULE_DOCS_COMMAND, arguments: [showArgs] } });
    // Engine findings (unused-suppression, …) have no entry in "rules".
    if (!configurable) continue;
    const disableTitle = `Disable "${ruleId}" for this folder`;
    const disableArgs: DisableRuleArguments = { uri, ruleId };
    actions.push({ title: disableTitle, kind: CodeActionKind.QuickFix, diagnostics, command: { title: disableTitle, command: DISABLE_RULE_COMMAND, arguments: [disableArgs] } });
  }
  return actions;
}

/** A failure the user sees. */
export class RuleCommandError extends Error {}

export function parseShowRuleDocsArguments(args: readonly unknown[] | undefined, knownIds: ReadonlySet<string>): ShowRuleDocsArguments {
  const value = args?.[0] as Record<string, unknown> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.ruleId !== 'string') throw new RuleCommandError('expected one argument: { ruleId }');
  if (!knownIds.has(value.ruleId)) throw new RuleCommandError(`unknown rule "${value.ruleId}"`);
  return { ruleId: value.ruleId };
}

export function parseDisableRuleArguments(args: readonly unknown[] | undefined, configurableIds: ReadonlySet<string>): DisableRuleArguments {
  const value = args?.[0] as Record<string, unknown> | undefined;
  if (typeof value !== 'object' || value === null || typeof value.uri !== 'string' || typeof value.ruleId !== 'string') {
    throw new RuleCommandError('expected one argument: { uri, ruleId }');
  }
  if (!configurableIds.has(value.ruleId)) throw new RuleCommandError(`"${value.ruleId}" is not a rule that apiguard.json can turn off`);
  return { uri: value.uri, ruleId: value.ruleId };
}

/**
 * `"rules": { "<id>": "off" }` in the config text, keeping its comments, indentation and line breaks. A rule set
 * as `{ "severity": …, "options": … }` keeps its options: only its severity becomes "off".
 */
export function disableRuleInConfigText(text: string, ruleId: string): string {
  return applyEdits(text, disableRuleEdits(text, ruleId));
}

function disableRuleEdits(text: string, ruleId: string): EditResult {
  const errors: ParseError[] = [];
  const root = parseTree(text, errors, { allowTrailingComma: true, disallowComments: false });
  if (errors.length > 0 || !root || root.type !== 'object') throw new RuleCommandError(`${CONFIG_FILE_NAME} is not a valid JSON object; fix it first`);
  const rules = findNodeAtLocation(root, ['rules']);
  if (rules && rules.type !== 'object') throw new RuleCommandError(`"rules" in ${CONFIG_FILE_NAME} is not an object; fix it first`);
  const current = findNodeAtLocation(root, ['rules', ruleId]);
  const target = current?.type === 'object' ? ['rules', ruleId, 'severity'] : ['rules', ruleId];
  return modify(text, target, 'off', { formattingOptions: formattingOf(text) });
}

/** The file's own indentation and line break, so the inserted lines look like their neighbours. */
function formattingOf(text: string): FormattingOptions {
  const indented = /^([ \t]+)\S/m.exec(text)?.[1];
  const eol = /\r\n/.test(text) ? '\r\n' : '\n';
  if (indented?.startsWith('\t')) return { insertSpaces: false, tabSize: 1, eol };
  return { insertSpaces: true, tabSize: indented ? indented.length : 2, eol };
}

export function newConfigText(ruleId: string): string {
  return `{\n  "rules": {\n    ${JSON.stringify(ruleId)}: "off"\n  }\n}\n`;
}

export interface DisableRuleContext {
  /** The apiguard.json that applies to the file now, if any. */
  configPathFor(filePath: string): string | undefined;
  workspaceRoots: readonly string[];
  openDocumentFor(filePath: string): OpenDocument | undefined;
  applyEdit(label: string, edit: WorkspaceEdit): Promise<boolean>;
}

export interface DisableRuleOutcome {
  configPath: string;
  /** Written on disk (created when it did not exist), or edited in the editor's open buffer (unsaved until the user saves). */
  how: 'created' | 'written' | 'edited in the editor';
}

/**
 * The nearest apiguard.json of the file, or a new one at the root of its workspace folder. Open in the editor:
 * one version-exact edit of the buffer; else read, modified and written on disk.
 */
export async function executeDisableRule(filePath: string, ruleId: string, context: DisableRuleContext): Promise<DisableRuleOutcome> {
  const existing = context.configPathFor(filePath);
  if (!existing) {
    const root = deepestContaining(context.workspaceRoots.map((folder) => path.resolve(folder)), path.dirname(filePath));
    if (!root) throw new RuleCommandError(`the file is outside every workspace folder, so there is no folder to create ${CONFIG_FILE_NAME} in`);
    const configPath = path.join(root, CONFIG_FILE_NAME);
    try {
      // 'wx': never overwrite a config that appeared meanwhile.
      fs.writeFileSync(configPath, newConfigText(ruleId), { flag: 'wx' });
    } catch (error) {
      throw new RuleCommandError(`could not create ${configPath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
    }
    return { configPath, how: 'created' };
  }
  const open = context.openDocumentFor(existing);
  if (open) {
    const edits = disableRuleEdits(open.text, ruleId).map((edit) => ({
      range: { start: open.textDocument.positionAt(edit.offset), end: open.textDocument.positionAt(edit.offset + edit.length) },
      newText: edit.content,
    }));
    const change: TextDocumentEdit = { textDocument: { uri: open.uri, version: open.version }, edits };
    if (!(await context.applyEdit(`Disable "${ruleId}"`, { documentChanges: [change] }))) throw new RuleCommandError(`the editor did not apply the edit to ${existing}`);
    return { configPath: existing, how: 'edited in the editor' };
  }
  let text: string;
  try {
    text = fs.readFileSync(existing, 'utf8');
  } catch (error) {
    throw new RuleCommandError(`could not read ${existing}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  const edited = disableRuleInConfigText(text, ruleId);
  try {
    fs.writeFileSync(existing, edited);
  } catch (error) {
    throw new RuleCommandError(`could not write ${existing}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`);
  }
  return { configPath: existing, how: 'written' };
}
