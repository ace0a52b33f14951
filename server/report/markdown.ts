// Markdown report (pull-request comments, wikis): summary by severity and rule, then findings grouped by file.
// Messages quote source code, so every piece of text is escaped: no markdown, HTML or link can be injected.
import type { Severity } from '../../rules/support/rule';
import { helpUrlFor } from '../engine/analyzer';
import { reportFindings, ruleMetaById, skippedFiles, summarize, summaryLine, type ReportFinding, type ReportInput } from './model';

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

export function formatMarkdown(input: ReportInput): string {
  const findings = reportFindings(input);
  const summary = summarize(input, findings);
  const metas = ruleMetaById(input);
  const out: string[] = [];
  out.push(`# ${escapeMarkdown(input.tool.name)} security report`, '');
  out.push(`${escapeMarkdown(summaryLine(summary))}; ${summary.linesScanned} lines analysed.`, '');

  out.push('## Summary by severity', '', '| Severity | Findings |', '| --- | ---: |');
  for (const severity of SEVERITIES) out.push(`| ${severity} | ${summary.counts[severity]} |`);
  out.push('');

  if (summary.byRule.length > 0) {
    out.push('## Summary by rule', '', '| Rule | Severity | Findings | Description |', '| --- | --- | ---: | --- |');
    for (const entry of summary.byRule) {
      const description = metas.get(entry.ruleId)?.description ?? '';
      out.push(`| ${ruleLink(entry.ruleId)} | ${entry.severity} | ${entry.count} | ${escapeMarkdown(description)} |`);
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
