// Machine-readable report. The shape is documented in server/report/README.md and versioned by `version`:
// fields are only ever added within a version. Positions are 1-based lines and columns in UTF-16 code units
// (the same numbers as the text and SARIF reports); `endColumn` is exclusive.
import { helpUrlFor } from '../engine/analyzer';
import { toRelativeUri } from '../engine/workspace-scan';
import type { IgnoredBy } from '../engine/workspace-scan';
import { ignoredFiles, inventoryRoutes, owaspItemOf, reportFindings, ruleMetaById, skippedFiles, summarize, type ReportInput, type SpecCoverage } from './model';
import type { Severity } from '../../rules/support/rule';
import type { ReportRouteEntry, RoutesResult } from '../../shared/protocol';

export const JSON_REPORT_VERSION = 1;

export interface JsonReport {
  version: typeof JSON_REPORT_VERSION;
  tool: { name: string; version: string };
  summary: {
    errors: number;
    warnings: number;
    infos: number;
    hints: number;
    filesWithFindings: number;
    filesScanned: number;
    filesSkipped: number;
    linesScanned: number;
    durationMs: number;
    /** Findings below it are not in `findings`; `notShown` counts them. */
    minSeverity: Severity;
    notShown: { warnings: number; infos: number; hints: number };
    filesIgnored: number;
    /** OWASP API Security Top 10 (2023) items with findings shown, in the list's order. */
    byOwasp: { id: string; title: string; url: string; findings: number }[];
  };
  /** When the scan ran (ISO 8601), when the caller says. */
  generatedAt?: string;
  /** Relative paths (forward slashes) of every analysed file. */
  filesScanned: string[];
  findings: JsonFinding[];
  skipped: { file: string; reason: string }[];
  /** Files of named paths the ignore rules excluded whole (`--no-ignore` scans them). */
  ignored: { file: string; by: IgnoredBy }[];
  /** The API model's routes and the specs' coverage, when the scan built the model (see README). */
  inventory?: { routes: ReportRouteEntry[]; specCoverage: SpecCoverage | null; unmodelled: RoutesResult['unmodelled'] };
}

export interface JsonFinding {
  ruleId: string;
  severity: Severity;
  message: string;
  file: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** Titles only: a fix's edits may carry a secret's value (e.g. the line moved into .env). */
  fixes: string[];
  helpUri: string;
  fingerprint: string;
  /** The OWASP API Top 10 (2023) item (`API8:2023`); absent for engine notices. */
  owaspApi?: string;
}

export function buildJsonReport(input: ReportInput): JsonReport {
  const findings = reportFindings(input);
  const summary = summarize(input, findings);
  const metas = ruleMetaById(input);
  return {
    version: JSON_REPORT_VERSION,
    tool: { ...input.tool },
    summary: {
      errors: summary.counts.error,
      warnings: summary.counts.warning,
      infos: summary.counts.info,
      hints: summary.counts.hint,
      filesWithFindings: summary.filesWithFindings,
      filesScanned: summary.filesScanned,
      filesSkipped: summary.filesSkipped,
      linesScanned: summary.linesScanned,
      durationMs: Math.round(summary.durationMs),
      minSeverity: summary.minSeverity,
      notShown: { warnings: summary.notShown.warning, infos: summary.notShown.info, hints: summary.notShown.hint },
      filesIgnored: summary.filesIgnored,
      byOwasp: summary.byOwasp.map((entry) => ({ id: entry.item.id, title: entry.item.title, url: entry.item.url, findings: entry.count })),
    },
    ...(input.generatedAt ? { generatedAt: input.generatedAt } : {}),
    filesScanned: input.scan.files.map((file) => toRelativeUri(input.scan.root, file.filePath)).sort(),
    findings: findings.map((finding) => ({
      ruleId: finding.ruleId,
      severity: finding.severity,
      message: finding.message,
      file: finding.relativePath,
      line: finding.range.start.line + 1,
      column: finding.range.start.character + 1,
      endLine: finding.range.end.line + 1,
      endColumn: finding.range.end.character + 1,
      fixes: finding.fixes.map((fix) => fix.title),
      helpUri: helpUrlFor(finding.ruleId),
      fingerprint: finding.fingerprint,
      ...owaspField(finding.ruleId),
    })),
    skipped: skippedFiles(input).map((skipped) => ({ file: skipped.relativePath, reason: skipped.reason })),
    ignored: ignoredFiles(input).map((ignored) => ({ file: ignored.relativePath, by: ignored.by })),
    ...(input.inventory
      ? { inventory: { routes: inventoryRoutes(input, findings).map((route) => route.entry), specCoverage: input.inventory.specCoverage, unmodelled: input.inventory.unmodelled } }
      : {}),
  };

  function owaspField(ruleId: string): { owaspApi?: string } {
    const item = owaspItemOf(ruleId, metas);
    return item ? { owaspApi: item.id } : {};
  }
}

export function formatJson(input: ReportInput): string {
  return JSON.stringify(buildJsonReport(input), null, 2) + '\n';
}
