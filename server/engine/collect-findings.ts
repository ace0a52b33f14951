// From rules' reports to a file's findings, the same for every kind of file the engine reads (TypeScript and
// JavaScript, OpenAPI specs): severity, suppressions (and unused or reason-less ones), the per-file limit (most
// severe first), redaction of secrets in messages, data and fix titles, and internal errors of failed rules.
import * as path from 'node:path';
import type { RuleEdit, RuleFix, RuleMeta, Severity, WorkspaceReader } from '../../rules/support/rule';
import { maskSecrets, maskSecretsInData } from '../../rules/support/secret-text';
import type { ResolvedConfig } from './config';
import { contentHash } from './edits';
import { INTERNAL_ERROR, SUPPRESSION_WITHOUT_REASON, TOO_MANY_FINDINGS, UNUSED_SUPPRESSION, type ENGINE_FINDING_METAS } from './engine-findings';
import { SEVERITY_ORDER, type FileEdit, type Finding, type Fix, type Position, type Range } from './findings';
import { LineIndex } from './line-index';
import { matchSuppression, type Suppression } from './suppressions';

/** A report with its offsets known (a TypeScript node's or a spec node's), not yet masked, mapped or given fixes. */
export interface LocatedReport {
  messageId: string;
  start: number;
  end: number;
  data?: Record<string, string | number>;
  fixes?: RuleFix[];
  severity?: Severity;
}

export interface RuleOutcome {
  meta: RuleMeta;
  /** The configured severity. */
  severity: Severity;
  failed: boolean;
  reports: LocatedReport[];
}

export interface CollectInput {
  filePath: string;
  config: ResolvedConfig;
  lines: LineIndex;
  outcomes: RuleOutcome[];
  suppressions: Suppression[];
  /** The analysis' rule errors: rules that fail while their reports are collected are added. */
  ruleErrors: { ruleId: string; error: string }[];
  toFileEdit(edit: RuleEdit): FileEdit;
  fail(ruleId: string, error: unknown): void;
}

export function collectFindings(input: CollectInput): Finding[] {
  const { filePath, config, lines, outcomes, suppressions, ruleErrors } = input;
  // Reports become findings only once they are known to be kept: a file with 30,000 reports pays for 500.
  const candidates: Candidate[] = [];
  for (const outcome of outcomes) {
    if (outcome.failed) continue;
    for (const report of outcome.reports) {
      if (outcome.meta.messages[report.messageId] === undefined) {
        outcome.failed = true;
        input.fail(outcome.meta.id, new Error(`unknown messageId "${report.messageId}"`));
        break;
      }
      // Config sets the rule's level; a finding of a lower tier (e.g. a warning-tier secret) keeps its own level
      // unless config asked for something lower still.
      const severity = report.severity && SEVERITY_ORDER[report.severity] < SEVERITY_ORDER[outcome.severity] ? report.severity : outcome.severity;
      const start = lines.positionAt(report.start);
      if (matchSuppression(suppressions, outcome.meta.id, start.line)) continue;
      candidates.push({ ruleId: outcome.meta.id, severity, start, outcome, report });
    }
  }

  const failedRules = new Set(ruleErrors.map((e) => e.ruleId));
  for (const suppression of suppressions) {
    const range = { start: lines.positionAt(suppression.commentStart), end: lines.positionAt(suppression.commentEnd) };
    // A suppression for a rule that is off or failed here cannot be judged unused.
    const judgeable = suppression.ruleIds.filter((id) => config.rules.has(id) && !failedRules.has(id));
    let finding: Finding | undefined;
    if (!suppression.used && judgeable.length > 0 && judgeable.length === suppression.ruleIds.length) {
      finding = engineFinding(UNUSED_SUPPRESSION, filePath, range, { ruleId: suppression.ruleIds.join(', '), line: suppression.targetLine + 1 });
    } else if (suppression.reason === undefined) {
      finding = engineFinding(SUPPRESSION_WITHOUT_REASON, filePath, range, {});
    }
    if (finding) candidates.push({ ruleId: finding.ruleId, severity: finding.severity, start: range.start, finding });
  }

  const findings: Finding[] = [];
  const kept = mostSevereFirst(candidates, config.maxFindingsPerFile, failedRules);
  for (const candidate of kept) {
    if (candidate.finding) {
      findings.push(candidate.finding);
      continue;
    }
    const outcome = candidate.outcome!;
    if (outcome.failed) continue;
    try {
      findings.push(toFinding(outcome.meta, candidate.severity, candidate.report!, filePath, lines, input.toFileEdit));
    } catch (error) {
      outcome.failed = true;
      input.fail(outcome.meta.id, error);
    }
  }
  const hidden = candidates.length - kept.length;
  if (hidden > 0) findings.push(engineFinding(TOO_MANY_FINDINGS, filePath, TOP_OF_FILE, { hidden, limit: config.maxFindingsPerFile }));

  let result = findings;
  for (const { ruleId, error } of ruleErrors) {
    result = result.filter((finding) => finding.ruleId !== ruleId);
    result.push(engineFinding(INTERNAL_ERROR, filePath, TOP_OF_FILE, { ruleId, error }));
  }
  return result.sort(compareFindings);
}

function toFinding(meta: RuleMeta, severity: Severity, report: LocatedReport, filePath: string, lines: LineIndex, toFileEdit: (edit: RuleEdit) => FileEdit): Finding {
  // Masked here, for every rule: messages, data and fix titles quote source text, which may hold a secret.
  const data = maskSecretsInData(report.data ?? {});
  return {
    ruleId: meta.id,
    messageId: report.messageId,
    severity,
    message: interpolate(meta.messages[report.messageId]!, data),
    filePath,
    range: { start: lines.positionAt(report.start), end: lines.positionAt(report.end) },
    fixes: (report.fixes ?? []).map((fix): Fix => ({
      title: maskSecrets(fix.title),
      edits: fix.edits.map(toFileEdit),
      safeForFixAll: fix.safeForFixAll ?? false,
      isPreferred: fix.isPreferred ?? false,
    })),
    data,
  };
}

/**
 * A rule's edit as a FileEdit: offsets into the analysed text (`lines`), or into another file's current text (read
 * through the workspace, hashed so a writer can refuse a stale edit), or a file to create.
 */
export function toFileEdit(edit: RuleEdit, filePath: string, lines: LineIndex, workspace: WorkspaceReader): FileEdit {
  if (edit.filePath === undefined || path.resolve(edit.filePath) === filePath) {
    return { filePath, range: { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) }, newText: edit.newText };
  }
  const targetPath = path.resolve(edit.filePath);
  const targetText = workspace.readFile(targetPath);
  if (targetText === undefined) {
    return { filePath: targetPath, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: edit.newText, createFile: true };
  }
  const targetLines = LineIndex.of(targetText);
  return { filePath: targetPath, range: { start: targetLines.positionAt(edit.start), end: targetLines.positionAt(edit.end) }, newText: edit.newText, baseHash: contentHash(targetText) };
}

/** A message template filled with `data`, any secret in the values masked (they may quote source text). */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return interpolate(template, maskSecretsInData(data));
}

function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

export function engineFinding(meta: (typeof ENGINE_FINDING_METAS)[number], filePath: string, range: Range, rawData: Record<string, string | number>): Finding {
  // A rule's error message may quote source text too.
  const data = maskSecretsInData(rawData);
  return {
    ruleId: meta.id,
    messageId: 'default',
    severity: meta.defaultSeverity,
    message: interpolate(meta.messages.default!, data),
    filePath,
    range,
    fixes: [],
    data,
  };
}

export const TOP_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding to be: a rule's report (made into a finding only if kept) or an engine finding already made. */
interface Candidate {
  ruleId: string;
  severity: Severity;
  start: Position;
  outcome?: RuleOutcome;
  report?: LocatedReport;
  finding?: Finding;
}

/**
 * At most `limit` candidates of rules that did not fail: the most severe first, then in document order. Which
 * ones are kept never depends on report order, and a file over the limit still shows every error it has room for.
 */
function mostSevereFirst(candidates: Candidate[], limit: number, failedRules: ReadonlySet<string>): Candidate[] {
  const eligible = failedRules.size > 0 ? candidates.filter((candidate) => !failedRules.has(candidate.ruleId)) : candidates;
  if (eligible.length <= limit) return eligible;
  return [...eligible]
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.start.line - b.start.line || a.start.character - b.start.character || a.ruleId.localeCompare(b.ruleId))
    .slice(0, limit);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}
