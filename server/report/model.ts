// What every report writer gets: one workspace scan plus the metadata of every rule a finding can name.
// Writers are pure functions of this input, so the CLI and the server's report command print the same thing.
import { owaspItemFor, type OwaspApiItem } from '../../rules/data/owasp-api-top10';
import type { RuleMeta, Severity } from '../../rules/support/rule';
import type { ReportRouteEntry, RouteInventoryEntry, RoutesResult } from '../../shared/protocol';
import { INTERNAL_ERROR } from '../engine/engine-findings';
import { SEVERITY_ORDER, type Finding } from '../engine/findings';
import { toRelativeUri, type IgnoredBy, type ScannedFinding, type WorkspaceScanResult } from '../engine/workspace-scan';

/**
 * Findings below this are left out of every report unless asked for (`apiguard scan --min-severity`): hints are
 * for the editor, where they show faintly in place. The editor's report request uses it too, so both agree.
 */
export const DEFAULT_MIN_SEVERITY: Severity = 'info';

export interface ReportInput {
  scan: WorkspaceScanResult;
  /** Rules and engine findings (`allFindingMetas()`), in a stable order. */
  rules: readonly RuleMeta[];
  tool: { name: string; version: string };
  /** Findings below it are not shown (counted in the summary as not shown). Default: DEFAULT_MIN_SEVERITY. */
  minSeverity?: Severity;
  /** When the scan ran (ISO 8601); the HTML report shows it, the JSON report carries it. */
  generatedAt?: string;
  /** The routes and specs of the scan's API model (routes.ts `buildReportInventory`); absent without a model. */
  inventory?: ReportInventorySource;
  /** HTML: the path from the report file's folder to the scan root (`../`), so file links resolve; default: beside it. */
  fileLinkBase?: string;
}

/** A route as the report writers get it: the inventory entry (`file` relative to the scan root) and where its code is. */
export interface InventoryRouteSource extends RouteInventoryEntry {
  /** Absolute path of the declaring file (the webview opens it). */
  filePath: string;
  /** The declaration, 0-based. */
  declaredRange: { line: number; character: number; endLine: number; endCharacter: number };
  /** The handler's lines (0-based, inclusive) when the model can follow it: its findings count for the route. */
  handlerSpan?: { filePath: string; startLine: number; endLine: number };
  /** Whether a spec documents it; absent when no spec covers its file or it cannot be compared (a catch-all, an unmounted router). */
  documented?: boolean;
}

/** A route or an operation named in the coverage lists; `file` relative to the scan root, `line` 1-based. */
export interface CoverageEntry {
  method: string;
  path: string;
  file: string;
  line: number;
}

/** Operations documented vs routes implemented, over the workspace's specs. */
export interface SpecCoverage {
  /**
   * Every spec; `implemented` counts its operations some route implements, null when the spec documents no route of
   * its project (an API implemented elsewhere) or the project has routes the model cannot list.
   */
  specs: { file: string; operations: number; implemented: number | null }[];
  /** Routes compared with a spec (a spec covers their file), and of those the documented ones. */
  routesCompared: number;
  routesDocumented: number;
  undocumentedRoutes: CoverageEntry[];
  unimplementedOperations: CoverageEntry[];
}

export interface ReportInventorySource {
  routes: InventoryRouteSource[];
  /** Null when the workspace has no spec. */
  specCoverage: SpecCoverage | null;
  unmodelled: RoutesResult['unmodelled'];
}

/** A finding at or above `minSeverity` is shown; a rule that failed (internal-error) always is: it is why a scan fails. */
export function isShown(finding: Pick<Finding, 'ruleId' | 'severity'>, minSeverity: Severity): boolean {
  return SEVERITY_ORDER[finding.severity] >= SEVERITY_ORDER[minSeverity] || finding.ruleId === INTERNAL_ERROR.id;
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
  /** Of the findings shown. */
  counts: SeverityCounts;
  minSeverity: Severity;
  /** Findings below minSeverity, left out of the report. */
  notShown: SeverityCounts;
  /** Rule id → count, rules with findings only, most findings first; `counts` by each finding's own severity. */
  byRule: { ruleId: string; severity: Severity; count: number; counts: SeverityCounts }[];
  /** OWASP API Top 10 items with findings, in the list's order; engine notices belong to none. */
  byOwasp: { item: OwaspApiItem; count: number; counts: SeverityCounts }[];
  filesWithFindings: number;
  filesScanned: number;
  filesSkipped: number;
  /** Files of named paths the ignore rules excluded whole (WorkspaceScanResult.ignored). */
  filesIgnored: number;
  linesScanned: number;
  durationMs: number;
}

export function minSeverityOf(input: ReportInput): Severity {
  return input.minSeverity ?? DEFAULT_MIN_SEVERITY;
}

/** The findings shown (at or above minSeverity) of all files, sorted by path, then position, then rule. */
export function reportFindings(input: ReportInput): ReportFinding[] {
  const minSeverity = minSeverityOf(input);
  const findings: ReportFinding[] = [];
  for (const file of input.scan.files) {
    const relativePath = toRelativeUri(input.scan.root, file.filePath);
    for (const finding of file.findings) if (isShown(finding, minSeverity)) findings.push({ ...finding, relativePath });
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
  const byRule = new Map<string, ReportSummary['byRule'][number]>();
  const byOwasp = new Map<OwaspApiItem, ReportSummary['byOwasp'][number]>();
  const metas = ruleMetaById(input);
  const files = new Set<string>();
  for (const finding of findings) {
    counts[finding.severity]++;
    files.add(finding.filePath);
    const entry = byRule.get(finding.ruleId);
    if (!entry) byRule.set(finding.ruleId, { ruleId: finding.ruleId, severity: finding.severity, count: 1, counts: { ...NO_FINDINGS, [finding.severity]: 1 } });
    else {
      entry.count++;
      entry.counts[finding.severity]++;
      if (SEVERITY_ORDER[finding.severity] > SEVERITY_ORDER[entry.severity]) entry.severity = finding.severity;
    }
    const item = owaspItemOf(finding.ruleId, metas);
    if (!item) continue;
    const owasp = byOwasp.get(item) ?? byOwasp.set(item, { item, count: 0, counts: { ...NO_FINDINGS } }).get(item)!;
    owasp.count++;
    owasp.counts[finding.severity]++;
  }
  const minSeverity = minSeverityOf(input);
  const notShown: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };
  for (const file of input.scan.files) for (const finding of file.findings) if (!isShown(finding, minSeverity)) notShown[finding.severity]++;
  return {
    counts,
    minSeverity,
    notShown,
    byRule: [...byRule.values()].sort((a, b) => b.count - a.count || compareStrings(a.ruleId, b.ruleId)),
    byOwasp: [...byOwasp.values()].sort((a, b) => Number(a.item.id.slice(3).split(':')[0]) - Number(b.item.id.slice(3).split(':')[0])),
    filesWithFindings: files.size,
    filesScanned: input.scan.files.length,
    filesSkipped: input.scan.skipped.length,
    filesIgnored: input.scan.ignored.length,
    linesScanned: input.scan.linesScanned,
    durationMs: input.scan.durationMs,
  };
}

const NO_FINDINGS: SeverityCounts = { error: 0, warning: 0, info: 0, hint: 0 };

export function owaspItemOf(ruleId: string, metas: ReadonlyMap<string, RuleMeta>): OwaspApiItem | undefined {
  return owaspItemFor(ruleId, metas.get(ruleId)?.owaspApi);
}

/**
 * The inventory's routes with the shown findings that lie in each: in the handler's lines, or on the declaration's
 * line (where missing-auth and spec/undocumented-route report). A finding that names a route (`method` and `path` in
 * its data, as the route rules' do) counts only for that one: routes generated from one line (finale's resources,
 * a loop over paths) share it. Other findings may count for several routes sharing a handler. The entries are what
 * the JSON report prints: `file` relative to the scan root.
 */
export function inventoryRoutes(input: ReportInput, findings: readonly ReportFinding[]): { source: InventoryRouteSource; entry: ReportRouteEntry }[] {
  if (!input.inventory) return [];
  const byFile = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.filePath);
    if (list) list.push(finding);
    else byFile.set(finding.filePath, [finding]);
  }
  return input.inventory.routes.map((source) => {
    const counts: SeverityCounts = { ...NO_FINDINGS };
    const span = source.handlerSpan;
    const namesOtherRoute = (finding: ReportFinding) =>
      typeof finding.data.method === 'string' && typeof finding.data.path === 'string' && (finding.data.method !== source.method || (finding.data.path !== source.path && finding.data.path !== (source.path || '/')));
    const inRoute = (finding: ReportFinding) =>
      !namesOtherRoute(finding) &&
      ((finding.filePath === source.filePath && finding.range.start.line === source.declaredRange.line) ||
      (span !== undefined && finding.filePath === span.filePath && finding.range.start.line >= span.startLine && finding.range.start.line <= span.endLine));
    const candidates = new Set([...(byFile.get(source.filePath) ?? []), ...(span ? (byFile.get(span.filePath) ?? []) : [])]);
    for (const finding of candidates) if (inRoute(finding)) counts[finding.severity]++;
    const { filePath: _filePath, declaredRange: _declaredRange, handlerSpan: _handlerSpan, documented, ...entry } = source;
    return { source, entry: { ...entry, findings: counts, ...(documented !== undefined ? { documented } : {}) } };
  });
}

export function skippedFiles(input: ReportInput): { relativePath: string; reason: string }[] {
  return input.scan.skipped
    .map((skipped) => ({ relativePath: toRelativeUri(input.scan.root, skipped.filePath), reason: skipped.reason }))
    .sort((a, b) => compareStrings(a.relativePath, b.relativePath));
}

export function ignoredFiles(input: ReportInput): { relativePath: string; by: IgnoredBy }[] {
  return input.scan.ignored
    .map((ignored) => ({ relativePath: toRelativeUri(input.scan.root, ignored.filePath), by: ignored.by }))
    .sort((a, b) => compareStrings(a.relativePath, b.relativePath));
}

export function describeIgnoredBy(by: IgnoredBy): string {
  return by === '.gitignore' ? '.gitignore' : 'apiguard.json "ignore"';
}

/**
 * What the CLI says on stderr when the ignore rules excluded a named path whole: "3 files skipped: 2 ignored by
 * .gitignore, 1 by apiguard.json "ignore" (use --no-ignore to scan them)"; undefined when none were.
 */
export function ignoredNotice(ignored: readonly { by: IgnoredBy }[]): string | undefined {
  if (ignored.length === 0) return undefined;
  const byGitignore = ignored.filter((file) => file.by === '.gitignore').length;
  const byConfig = ignored.length - byGitignore;
  const why =
    byGitignore > 0 && byConfig > 0
      ? `${byGitignore} ignored by ${describeIgnoredBy('.gitignore')}, ${byConfig} by ${describeIgnoredBy('apiguard.json')}`
      : `ignored by ${describeIgnoredBy(byGitignore > 0 ? '.gitignore' : 'apiguard.json')}`;
  return `${plural(ignored.length, 'file')} skipped: ${why} (use --no-ignore to scan ${ignored.length === 1 ? 'it' : 'them'})`;
}

/**
 * "2 errors, 1 warning in 1 file (3 files scanned in 12 ms)"; infos and hints are added only when present, and the
 * findings left out by minSeverity are counted with the flag that shows them ("; 14 hints not shown: …").
 */
export function summaryLine(summary: ReportSummary): string {
  const parts = [plural(summary.counts.error, 'error'), plural(summary.counts.warning, 'warning')];
  if (summary.counts.info > 0) parts.push(plural(summary.counts.info, 'info'));
  if (summary.counts.hint > 0) parts.push(plural(summary.counts.hint, 'hint'));
  const skipped = summary.filesSkipped > 0 ? `, ${summary.filesSkipped} skipped` : '';
  const ignored = summary.filesIgnored > 0 ? `, ${summary.filesIgnored} ignored` : '';
  const line = `${parts.join(', ')} in ${plural(summary.filesWithFindings, 'file')} (${plural(summary.filesScanned, 'file')} scanned${skipped}${ignored} in ${Math.round(summary.durationMs)} ms)`;
  const hidden = (['warning', 'info', 'hint'] as const).filter((severity) => summary.notShown[severity] > 0);
  if (hidden.length === 0) return line;
  const lowest = hidden[hidden.length - 1]!;
  const count = hidden.reduce((total, severity) => total + summary.notShown[severity], 0);
  return `${line}; ${hidden.map((severity) => plural(summary.notShown[severity], severity)).join(', ')} not shown: --min-severity ${lowest} shows ${count === 1 ? 'it' : 'them'}`;
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
