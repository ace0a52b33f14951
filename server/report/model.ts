// What every report writer gets: one workspace scan plus the metadata of every rule a finding can name.
// Writers are pure functions of this input, so the CLI and the server's report command print the same thing.
import type { RuleMeta, Severity } from '../../rules/support/rule';
import { SEVERITY_ORDER } from '../engine/findings';
import { toRelativeUri, type ScannedFinding, type WorkspaceScanResult } from '../engine/workspace-scan';

export interface ReportInput {
  scan: WorkspaceScanResult;
  /** Rules and engine findings (`allFindingMetas()`), in a stable order. */
  rules: readonly RuleMeta[];
  tool: { name: string; version: string };
}

export interface ReportFinding extends ScannedFinding {
  /** Relative to the scan root, forward slashes. */
  relativePath: string;
}

export interface SeverityCounts {
  error: number;
  warning: number;
  info: number;
  hint: number;
}

export interface ReportSummary {
  counts: SeverityCounts;
  /** Rule id → count, rules with findings only, most findings first. */
  byRule: { ruleId: string; severity: Severity; count: number }[];
  filesWithFindings: number;
  filesScanned: number;
  filesSkipped: number;
  linesScanned: number;
  durationMs: number;
}

/** Findings of all files, sorted by path, then position, then rule. */
export function reportFindings(input: ReportInput): ReportFinding[] {
  const findings: ReportFinding[] = [];
  for (const file of input.scan.files) {
    const relativePath = toRelativeUri(input.scan.root, file.filePath);
    for (const finding of file.findings) findings.push({ ...finding, relativePath });
  }
  return findings.sort(
    (a, b) =>
      compareStrings(a.relativePath, b.relativePath) ||
      a.range.start.line - b.range.start.line ||
      a.range.start.character - b.range.start.character ||
      compareStrings(a.ruleId, b.ruleId),
  );
}

export function summarize(input: ReportInput, findings: readonly ReportFinding[]): ReportSummary {
  const counts: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  const byRule = new Map<string, { ruleId: string; severity: Severity; count: number }>();
  const files = new Set<string>();
  for (const finding of findings) {
    counts[finding.severity]++;
    files.add(finding.filePath);
    const entry = byRule.get(finding.ruleId);
    if (!entry) byRule.set(finding.ruleId, { ruleId: finding.ruleId, severity: finding.severity, count: 1 });
    else {
      entry.count++;
      if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[entry.severity]) entry.severity = finding.severity;
    }
  }
  return {
    counts,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || compareStrings(a.ruleId, b.ruleId)),
    filesWithFindings: files.size,
    filesScanned: input.scan.files.length,
    filesSkipped: input.scan.skipped.length,
    linesScanned: input.scan.linesScanned,
    durationMs: input.scan.durationMs,
  };
}

export function skippedFiles(input: ReportInput): { relativePath: string; reason: string }[] {
  return input.scan.skipped
    .map((skipped) => ({ relativePath: toRelativeUri(input.scan.root, skipped.filePath), reason: skipped.reason }))
    .sort((a, b) => compareStrings(a.relativePath, b.relativePath));
}

/** "2 errors, 1 warning in 1 file (3 files scanned in 12 ms)"; infos and hints are added only when present. */
export function summaryLine(summary: ReportSummary): string {
  const parts = [plural(summary.counts.error, 'error'), plural(summary.counts.warning, 'warning')];
  if (summary.counts.info > 0) parts.push(plural(summary.counts.info, 'info'));
  if (summary.counts.hint > 0) parts.push(plural(summary.counts.hint, 'hint'));
  const skipped = summary.filesSkipped > 0 ? `, ${summary.filesSkipped} skipped` : '';
  return `${parts.join(', ')} in ${plural(summary.filesWithFindings, 'file')} (${plural(summary.filesScanned, 'file')} scanned${skipped} in ${Math.round(summary.durationMs)} ms)`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** Code-point order, not locale order: the same on every machine. */
export function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function ruleMetaById(input: ReportInput): Map<string, RuleMeta> {
  return new Map(input.rules.map((meta) => [meta.id, meta]));
}
