// Markdown report (pull-request comments, wikis): summary by severity, OWASP API Top 10 item and rule, findings
// grouped by file, then the API inventory and the specs' coverage when the scan built the API model.
// Messages quote source code, so every piece of text is escaped: no markdown, HTML or link can be injected.
import type { Severity } from '../../rules/support/rule';
import { helpUrlFor } from '../engine/analyzer';
import { inventoryRoutes, owaspItemOf, plural, reportFindings, ruleMetaById, skippedFiles, summarize, summaryLine, type CoverageEntry, type ReportFinding, type ReportInput, type SeverityCounts } from './model';
import { describeAuth } from './routes';

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function formatMarkdown(input: ReportInput): string {
  const findings = reportFindings(input);
  const summary = summarize(input, findings);
  const metas = ruleMetaById(input);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(input.tool.name)} security report`, '');
  out.push(`${escapeMarkdown(summaryLine(summary))}; ${summary.linesScanned} lines analysed.`, '');

  if (input.generatedAt) out.push(`Generated at ${escapeMarkdown(input.generatedAt)}.`, '');

  // Empty rows and columns are left out: a severity with no finding says nothing.
  const shown = SEVERITIES.filter((severity) => summary.counts[severity] > 0);
  const severityHeads = shown.map((severity) => ` ${severity} |`).join('');
  const severityRule = shown.map(() => ' ---: |').join('');
  const severityCells = (counts: SeverityCounts) => shown.map((severity) => ` ${counts[severity] || ''} |`).join('');
  if (shown.length > 0) {
    out.push('## Summary by severity', '', '| Severity | Findings |', '| --- | ---: |');
    for (const severity of shown) out.push(`| ${severity} | ${summary.counts[severity]} |`);
    out.push('');
  }

  if (summary.byOwasp.length > 0) {
    out.push('## OWASP API Security Top 10 (2023)', '', `| Item |${severityHeads} Total |`, `| --- |${severityRule} ---: |`);
    for (const entry of summary.byOwasp) {
      out.push(`| [${escapeMarkdown(`${entry.item.id} ${entry.item.title}`)}](${entry.item.url}) |${severityCells(entry.counts)} ${entry.count} |`);
    }
    out.push('');
  }

  if (summary.byRule.length > 0) {
    out.push('## Summary by rule', '', `| Rule |${severityHeads} Total | OWASP | Description |`, `| --- |${severityRule} ---: | --- | --- |`);
    for (const entry of summary.byRule) {
      const description = metas.get(entry.ruleId)?.description ?? '';
      const item = owaspItemOf(entry.ruleId, metas);
      out.push(`| ${ruleLink(entry.ruleId)} |${severityCells(entry.counts)} ${entry.count} | ${item ? escapeMarkdown(item.id) : ''} | ${escapeMarkdown(description)} |`);
    }
    out.push('');
  }

  out.push('## Findings', '');
  if (findings.length === 0) out.push('No findings.', '');
  for (const [relativePath, fileFindings] of groupByFile(findings)) {
    out.push(`### ${escapeMarkdown(relativePath)}`, '', '| Line | Severity | Rule | Message |', '| ---: | --- | --- | --- |');
    for (const finding of fileFindings) {
      const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      out.push(`| ${position} | ${finding.severity} | ${ruleLink(finding.ruleId)} | ${escapeMarkdown(finding.message)} |`);
    }
    out.push('');
  }

  const routes = inventoryRoutes(input, findings);
  if (routes.length > 0) {
    const count = (status: string) => routes.filter((route) => route.entry.auth.status === status).length;
    out.push('## API inventory', '', `${plural(routes.length, 'route')}: ${count('authenticated')} authenticated, ${count('public')} public, ${count('none')} without authentication, ${count('unknown')} unknown.`, '');
    out.push('| Method | Path | Framework | Location | Authentication | Documented | Findings |', '| --- | --- | --- | --- | --- | --- | ---: |');
    for (const { entry } of routes) {
      const findingCount = entry.findings.error + entry.findings.warning + entry.findings.info + entry.findings.hint;
      const documented = entry.documented === undefined ? 'n/a' : entry.documented ? 'yes' : 'no';
      out.push(
        `| ${escapeMarkdown(entry.method)} | ${escapeMarkdown(entry.path || '/')} | ${escapeMarkdown(entry.framework)} | ${escapeMarkdown(`${entry.file}:${entry.line}`)} | ${escapeMarkdown(describeAuth(entry.auth))} | ${documented} | ${findingCount} |`,
      );
    }
    out.push('');
  }

  const coverage = input.inventory?.specCoverage;
  if (coverage) {
    const operations = coverage.specs.reduce((total, spec) => total + (spec.implemented === null ? 0 : spec.operations), 0);
    const implemented = coverage.specs.reduce((total, spec) => total + (spec.implemented ?? 0), 0);
    out.push('## Spec coverage', '', `${implemented} of ${plural(operations, 'documented operation')} implemented; ${coverage.routesDocumented} of ${plural(coverage.routesCompared, 'route')} compared with a spec documented.`, '');
    out.push('| Spec | Operations | Implemented |', '| --- | ---: | ---: |');
    for (const spec of coverage.specs) out.push(`| ${escapeMarkdown(spec.file)} | ${spec.operations} | ${spec.implemented ?? 'n/a'} |`);
    out.push('');
    const list = (heading: string, entries: readonly CoverageEntry[]) => {
      if (entries.length === 0) return;
      out.push(`### ${heading}`, '');
      for (const entry of entries) out.push(`- ${escapeMarkdown(`${entry.method} ${entry.path || '/'}`)} (${escapeMarkdown(`${entry.file}:${entry.line}`)})`);
      out.push('');
    };
    list('Routes no spec documents', coverage.undocumentedRoutes);
    list('Operations no route implements', coverage.unimplementedOperations);
  }

  const skipped = skippedFiles(input);
  if (skipped.length > 0) {
    out.push('## Skipped files', '');
    for (const entry of skipped) out.push(`- ${escapeMarkdown(entry.relativePath)}: ${escapeMarkdown(entry.reason)}`);
    out.push('');
  }
  return out.join('\n').trimEnd() + '\n';
}

export function groupByFile(findings: readonly ReportFinding[]): Map<string, ReportFinding[]> {
  const groups = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const group = groups.get(finding.relativePath);
    if (group) group.push(finding);
    else groups.set(finding.relativePath, [finding]);
  }
  return groups;
}

function ruleLink(ruleId: string): string {
  return `[${escapeMarkdown(ruleId)}](${helpUrlFor(ruleId)})`;
}

/**
 * Escapes text for a markdown table cell or line: HTML metacharacters become entities, the characters that open
 * inline markup (emphasis, code, links, images, strikethrough) and the cell separator are backslash-escaped, and
 * line breaks become spaces (a newline would end the table row). Our lines start with "|", "###" or "-", so
 * block markup cannot start inside the text.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/[\r\n\u2028\u2029]+/g, ' ')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/[\\`*_[\]|~!]/g, '\\$&');
}
