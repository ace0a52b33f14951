// Self-contained HTML report: inline CSS, no scripts, no external assets, and a Content-Security-Policy that
// forbids both anyway. Finding messages quote source code, so everything interpolated is HTML-escaped.
import type { Severity } from '../../rules/support/rule';
import { helpUrlFor } from '../engine/analyzer';
import { groupByFile } from './markdown';
import { reportFindings, ruleMetaById, skippedFiles, summarize, summaryLine, type ReportInput } from './model';

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem auto; max-width: 72rem; padding: 0 1rem; color: #1f2328; }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid #d0d7de; } h3 { font-family: ui-monospace, monospace; font-size: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: #f6f8fa; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
.sev { font-weight: 600; } .sev-error { color: #cf222e; } .sev-warning { color: #9a6700; } .sev-info { color: #0969da; } .sev-hint { color: #57606a; }
.summary { font-weight: 600; }
`;

export function formatHtml(input: ReportInput): string {
  const findings = reportFindings(input);
  const summary = summarize(input, findings);
  const metas = ruleMetaById(input);
  const title = `${input.tool.name} security report`;
  const body: string[] = [];
  body.push(`<h1>${escapeHtml(title)}</h1>`);
  body.push(`<p class="summary">${escapeHtml(summaryLine(summary))}; ${summary.linesScanned} lines analysed.</p>`);

  body.push('<h2>Summary by severity</h2>', '<table><thead><tr><th>Severity</th><th>Findings</th></tr></thead><tbody>');
  for (const severity of SEVERITIES) {
    body.push(`<tr><td class="sev sev-${severity}">${severity}</td><td class="num">${summary.counts[severity]}</td></tr>`);
  }
  body.push('</tbody></table>');

  if (summary.byRule.length > 0) {
    body.push('<h2>Summary by rule</h2>', '<table><thead><tr><th>Rule</th><th>Severity</th><th>Findings</th><th>Description</th></tr></thead><tbody>');
    for (const entry of summary.byRule) {
      const description = metas.get(entry.ruleId)?.description ?? '';
      body.push(
        `<tr><td>${ruleLink(entry.ruleId)}</td><td class="sev sev-${entry.severity}">${entry.severity}</td><td class="num">${entry.count}</td><td>${escapeHtml(description)}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }

  body.push('<h2>Findings</h2>');
  if (findings.length === 0) body.push('<p>No findings.</p>');
  for (const [relativePath, fileFindings] of groupByFile(findings)) {
    body.push(`<h3>${escapeHtml(relativePath)}</h3>`, '<table><thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>');
    for (const finding of fileFindings) {
      const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      body.push(
        `<tr><td class="num">${position}</td><td class="sev sev-${finding.severity}">${finding.severity}</td><td>${ruleLink(finding.ruleId)}</td><td>${escapeHtml(finding.message)}</td></tr>`,
      );
    }
    body.push('</tbody></table>');
  }

  const skipped = skippedFiles(input);
  if (skipped.length > 0) {
    body.push('<h2>Skipped files</h2>', '<ul>');
    for (const entry of skipped) body.push(`<li><code>${escapeHtml(entry.relativePath)}</code>: ${escapeHtml(entry.reason)}</li>`);
    body.push('</ul>');
  }

  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function ruleLink(ruleId: string): string {
  return `<a href="${escapeHtml(helpUrlFor(ruleId))}">${escapeHtml(ruleId)}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
