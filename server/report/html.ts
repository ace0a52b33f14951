// The HTML report, one function for the CLI's file and the VS Code webview. Static (the CLI): no script, file links
// are relative hrefs (`src/app.ts#L12`), a CSP that forbids scripts and remote assets. Interactive (the webview): one
// script carrying the request's nonce, links post ReportWebviewMessages (shared/protocol.ts) instead of navigating,
// and the inventory sorts and filters. File names, messages, paths and route names are untrusted: every
// interpolated string goes through escapeHtml, and the chart is drawn here as inline SVG (no remote resource).
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Severity } from '../../rules/support/rule';
import type { ReportParams, ReportRouteEntry } from '../../shared/protocol';
import { helpUrlFor } from '../engine/analyzer';
import { groupByFile } from './markdown';
import {
  inventoryRoutes,
  owaspItemOf,
  plural,
  reportFindings,
  ruleMetaById,
  skippedFiles,
  summarize,
  summaryLine,
  type CoverageEntry,
  type ReportFinding,
  type ReportInput,
  type ReportSummary,
  type SeverityCounts,
} from './model';
import { describeAuth } from './routes';

export interface HtmlOptions {
  /** The webview's page: see ReportParams.interactive. */
  interactive?: ReportParams['interactive'];
}

const SEVERITIES: Severity[] = ['error', 'warning', 'info', 'hint'];
const EXPORT_FORMATS: ReportParams['format'][] = ['html', 'markdown', 'json', 'sarif'];

// VS Code's theme variables first (the webview defines them), light colours after them for the CLI's file.
const STYLE = `
:root {
  --fg: var(--vscode-foreground, #1f2328); --bg: var(--vscode-editor-background, #ffffff);
  --muted: var(--vscode-descriptionForeground, #57606a); --border: var(--vscode-panel-border, #d0d7de);
  --head-bg: var(--vscode-editorWidget-background, #f6f8fa); --link: var(--vscode-textLink-foreground, #0969da);
  --error: var(--vscode-editorError-foreground, #cf222e); --warning: var(--vscode-editorWarning-foreground, #9a6700);
  --info: var(--vscode-editorInfo-foreground, #0969da); --hint: var(--vscode-editorHint-foreground, #57606a);
  --bar: var(--vscode-charts-blue, #0969da);
  --button-fg: var(--vscode-button-foreground, #ffffff); --button-bg: var(--vscode-button-background, #0969da);
  --input-bg: var(--vscode-input-background, #ffffff); --input-fg: var(--vscode-input-foreground, #1f2328);
}
body { font: 14px/1.45 var(--vscode-font-family, system-ui, -apple-system, "Segoe UI", sans-serif); margin: 2rem auto; max-width: 76rem; padding: 0 1rem; color: var(--fg); background: var(--bg); }
a { color: var(--link); }
h1 { font-size: 1.6rem; } h2 { margin-top: 2rem; border-bottom: 1px solid var(--border); } h3 { font-size: 1rem; margin-bottom: .3rem; }
nav a { margin-right: 1rem; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; } th, td { border: 1px solid var(--border); padding: .3rem .5rem; text-align: left; vertical-align: top; }
th { background: var(--head-bg); } td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
code, .mono { font-family: var(--vscode-editor-font-family, ui-monospace, monospace); }
.sev { font-weight: 600; } .sev-error { color: var(--error); } .sev-warning { color: var(--warning); } .sev-info { color: var(--info); } .sev-hint { color: var(--hint); }
.summary { font-weight: 600; } .generated, .muted { color: var(--muted); }
.auth-none { color: var(--error); font-weight: 600; } .auth-unknown { color: var(--warning); }
.chart-box { overflow-x: auto; margin: .5rem 0 1rem; } .chart { display: block; }
.chart text { fill: var(--fg); font-size: 12px; } .bar { fill: var(--bar); }
.bar-error { fill: var(--error); } .bar-warning { fill: var(--warning); } .bar-info { fill: var(--info); } .bar-hint { fill: var(--hint); }
.toolbar button, th button { font: inherit; cursor: pointer; }
.toolbar button { color: var(--button-fg); background: var(--button-bg); border: 0; padding: .25rem .7rem; margin-right: .3rem; }
th button { background: none; border: 0; padding: 0; color: inherit; font-weight: 600; }
input[type=search] { font: inherit; color: var(--input-fg); background: var(--input-bg); border: 1px solid var(--border); padding: .2rem .4rem; min-width: 20rem; }
`;

// The webview's one script. It reads only data attributes the server wrote (escaped), and posts messages; it never
// builds HTML from them.
const SCRIPT = `
(function () {
  const vscode = acquireVsCodeApi();
  const routes = document.getElementById('routes');
  document.addEventListener('click', function (event) {
    const target = event.target instanceof Element ? event.target.closest('[data-open],[data-docs],[data-action],[data-export],[data-sort]') : null;
    if (!target) return;
    const data = target.dataset;
    if (data.open !== undefined) {
      event.preventDefault();
      vscode.postMessage({ type: 'open', file: data.file, line: Number(data.line), character: Number(data.character), endLine: Number(data.endLine), endCharacter: Number(data.endCharacter) });
    } else if (data.docs !== undefined) {
      event.preventDefault();
      vscode.postMessage({ type: 'showDocs', ruleId: data.docs });
    } else if (data.action === 'refresh') {
      vscode.postMessage({ type: 'refresh' });
    } else if (data.export !== undefined) {
      vscode.postMessage({ type: 'export', format: data.export });
    } else if (data.sort !== undefined) {
      sortRoutes(target.closest('th'));
    }
  });
  const generated = document.querySelector('time[data-generated]');
  const age = document.getElementById('age');
  function showAge() {
    if (!generated || !age) return;
    const minutes = Math.max(0, Math.floor((Date.now() - Date.parse(generated.getAttribute('datetime'))) / 60000));
    age.textContent = minutes < 1 ? ' (just now)' : minutes === 1 ? ' (1 minute ago)' : ' (' + minutes + ' minutes ago)';
  }
  showAge();
  setInterval(showAge, 30000);
  const filter = document.getElementById('route-filter');
  if (filter && routes) {
    filter.addEventListener('input', function () {
      const words = filter.value.toLowerCase().split(/\\s+/).filter(Boolean);
      for (const row of routes.tBodies[0].rows) {
        const text = row.textContent.toLowerCase();
        row.hidden = !words.every(function (word) { return text.includes(word); });
      }
    });
  }
  function sortRoutes(header) {
    if (!routes || !header) return;
    const column = header.cellIndex;
    const ascending = header.getAttribute('aria-sort') !== 'ascending';
    for (const cell of header.parentElement.cells) cell.removeAttribute('aria-sort');
    header.setAttribute('aria-sort', ascending ? 'ascending' : 'descending');
    const body = routes.tBodies[0];
    const key = function (row) { const cell = row.cells[column]; return cell.dataset.value !== undefined ? cell.dataset.value : cell.textContent; };
    const rows = Array.from(body.rows).sort(function (a, b) {
      const order = key(a).localeCompare(key(b), 'en', { numeric: true });
      return ascending ? order : -order;
    });
    for (const row of rows) body.appendChild(row);
  }
})();
`;

/** What every piece of the page needs to know: how to link. */
interface Page {
  interactive: ReportParams['interactive'];
  root: string;
  fileLinkBase: string;
}

/** 0-based, as LSP (and ReportWebviewMessage) counts. */
interface LinkRange {
  line: number;
  character: number;
  endLine: number;
  endCharacter: number;
}

export function formatHtml(input: ReportInput, options: HtmlOptions = {}): string {
  const interactive = options.interactive;
  if (interactive) checkInteractive(interactive);
  const page: Page = { interactive, root: input.scan.root, fileLinkBase: input.fileLinkBase ?? '' };
  const findings = reportFindings(input);
  const summary = summarize(input, findings);
  const routes = inventoryRoutes(input, findings);
  const coverage = input.inventory?.specCoverage ?? null;
  const skipped = skippedFiles(input);
  const title = `${input.tool.name} security report`;

  const sections: { id: string; heading: string; html: string[] }[] = [];
  sections.push({ id: 'summary', heading: 'Summary', html: summarySection(input, summary, page) });
  if (findings.length > 0) {
    sections.push({ id: 'by-file', heading: 'Findings by file', html: findingsByFile(findings, page) });
    sections.push({ id: 'by-rule', heading: 'Findings by rule', html: findingsByRule(input, findings, page) });
  }
  if (routes.length > 0 || (input.inventory?.unmodelled.length ?? 0) > 0) {
    sections.push({ id: 'inventory', heading: 'API inventory', html: inventorySection(routes, input.inventory?.unmodelled ?? [], page) });
  }
  if (coverage) sections.push({ id: 'coverage', heading: 'Spec coverage', html: coverageSection(coverage, page) });
  if (skipped.length > 0) {
    sections.push({
      id: 'skipped',
      heading: 'Skipped files',
      html: ['<ul>', ...skipped.map((entry) => `<li><code>${escapeHtml(entry.relativePath)}</code>: ${escapeHtml(entry.reason)}</li>`), '</ul>'],
    });
  }

  const header = [`<h1>${escapeHtml(title)}</h1>`, `<p class="summary">${escapeHtml(summaryLine(summary))}; ${summary.linesScanned} lines analysed.</p>`];
  if (input.generatedAt) {
    const at = escapeHtml(input.generatedAt);
    header.push(`<p class="generated">Generated at <time datetime="${at}" data-generated>${at}</time>${interactive ? '<span id="age"></span>' : ''}</p>`);
  }
  if (interactive) {
    header.push(
      `<div class="toolbar"><button type="button" data-action="refresh">Refresh</button> Export: ${EXPORT_FORMATS.map((format) => `<button type="button" data-export="${format}">${format === 'html' ? 'HTML' : format === 'json' ? 'JSON' : format === 'sarif' ? 'SARIF' : 'Markdown'}</button>`).join('')}</div>`,
    );
  }
  header.push(`<nav>${sections.map((section) => `<a href="#${section.id}">${section.heading}</a>`).join('')}</nav>`);

  const csp = interactive
    ? `default-src 'none'; style-src ${interactive.cspSource} 'unsafe-inline'; img-src ${interactive.cspSource} data:; script-src 'nonce-${interactive.nonce}'`
    : `default-src 'none'; style-src 'unsafe-inline'; img-src data:`;
  return [
    '<!DOCTYPE html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    `<meta http-equiv="Content-Security-Policy" content="${csp}">`,
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title>`,
    `<style>${STYLE}</style>`,
    '</head>',
    '<body>',
    '<header>',
    ...header,
    '</header>',
    ...sections.flatMap((section) => [`<section id="${section.id}">`, `<h2>${section.heading}</h2>`, ...section.html, '</section>']),
    ...(interactive ? [`<script nonce="${interactive.nonce}">${SCRIPT}</script>`] : []),
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

/** The nonce and source go into the CSP and an attribute unescaped: only their expected characters are accepted. */
function checkInteractive(interactive: NonNullable<ReportParams['interactive']>): void {
  if (!/^[A-Za-z0-9+/=_-]{16,}$/.test(interactive.nonce)) throw new Error('report: the webview nonce must be 16 or more base64 characters');
  // VS Code gives a list (`'self' https://*.vscode-cdn.net` since 1.9x): host sources and the 'self' keyword only.
  if (!/^(?:'self'|[A-Za-z0-9*.:/_+-]+)(?: (?:'self'|[A-Za-z0-9*.:/_+-]+))*$/.test(interactive.cspSource)) {
    throw new Error('report: the webview CSP source must be host sources or \'self\', space-separated');
  }
}

function summarySection(input: ReportInput, summary: ReportSummary, page: Page): string[] {
  const html: string[] = [];
  const shown = SEVERITIES.filter((severity) => summary.counts[severity] > 0);
  if (shown.length === 0) return ['<p>No findings.</p>'];
  html.push(barChart('chart-severity', 'Findings by severity', shown.map((severity) => ({ label: severity, value: summary.counts[severity], kind: severity }))));
  if (summary.byOwasp.length > 0) {
    html.push(
      barChart(
        'chart-owasp',
        'Findings by OWASP API Security Top 10 (2023) item',
        summary.byOwasp.map((entry) => ({ label: `${entry.item.id.replace(':2023', '')} ${entry.item.title}`, value: entry.count, kind: 'owasp' })),
      ),
    );
  }

  html.push('<h3>By severity</h3>', '<table><thead><tr><th>Severity</th><th class="num">Findings</th></tr></thead><tbody>');
  for (const severity of shown) html.push(`<tr><td class="sev sev-${severity}">${severity}</td><td class="num">${summary.counts[severity]}</td></tr>`);
  html.push('</tbody></table>');

  const severityHeads = shown.map((severity) => `<th class="num">${severity}</th>`).join('');
  const severityCells = (counts: SeverityCounts) => shown.map((severity) => `<td class="num">${counts[severity] || ''}</td>`).join('');
  if (summary.byOwasp.length > 0) {
    html.push('<h3>By OWASP API Security Top 10 (2023)</h3>', `<table><thead><tr><th>Item</th>${severityHeads}<th class="num">Total</th></tr></thead><tbody>`);
    for (const entry of summary.byOwasp) {
      html.push(`<tr><td><a href="${escapeHtml(entry.item.url)}">${escapeHtml(`${entry.item.id} ${entry.item.title}`)}</a></td>${severityCells(entry.counts)}<td class="num">${entry.count}</td></tr>`);
    }
    html.push('</tbody></table>');
  }

  const metas = ruleMetaById(input);
  html.push('<h3>By rule</h3>', `<table><thead><tr><th>Rule</th>${severityHeads}<th class="num">Total</th><th>OWASP</th><th>Description</th></tr></thead><tbody>`);
  for (const entry of summary.byRule) {
    const item = owaspItemOf(entry.ruleId, metas);
    html.push(
      `<tr><td>${ruleLink(entry.ruleId, page)}</td>${severityCells(entry.counts)}<td class="num">${entry.count}</td><td>${item ? escapeHtml(item.id) : ''}</td><td>${escapeHtml(metas.get(entry.ruleId)?.description ?? '')}</td></tr>`,
    );
  }
  html.push('</tbody></table>');
  return html;
}

/**
 * Horizontal bars with their labels and values as text: readable without colour, and by a screen reader. Drawn at
 * its natural size in a box that scrolls, never scaled down: a narrow webview beside the code keeps 12px labels.
 */
function barChart(id: string, title: string, bars: { label: string; value: number; kind: string }[]): string {
  // About 7px per character at 12px, so the label column is as wide as the longest label needs.
  const labelWidth = Math.min(330, Math.max(60, Math.max(...bars.map((bar) => bar.label.length)) * 7 + 12));
  const barSpace = 300;
  const rowHeight = 24;
  const width = labelWidth + barSpace + 50;
  const height = bars.length * rowHeight + 8;
  const max = Math.max(...bars.map((bar) => bar.value));
  const rows = bars.map((bar, index) => {
    const y = 4 + index * rowHeight;
    const barWidth = Math.max(2, Math.round((bar.value / max) * barSpace));
    return (
      `<text x="${labelWidth - 8}" y="${y + 13}" text-anchor="end">${escapeHtml(bar.label)}</text>` +
      `<rect class="bar bar-${bar.kind}" x="${labelWidth}" y="${y + 2}" width="${barWidth}" height="14"></rect>` +
      `<text x="${labelWidth + barWidth + 6}" y="${y + 13}">${bar.value}</text>`
    );
  });
  return `<div class="chart-box"><svg class="chart" id="${id}" role="img" aria-labelledby="${id}-title" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="${id}-title">${escapeHtml(title)}</title>${rows.join('')}</svg></div>`;
}

function findingsByFile(findings: readonly ReportFinding[], page: Page): string[] {
  const html: string[] = [];
  for (const [relativePath, fileFindings] of groupByFile(findings)) {
    const first = fileFindings[0]!;
    html.push(`<h3>${fileLink(relativePath, first.filePath, { line: 0, character: 0, endLine: 0, endCharacter: 0 }, escapeHtml(relativePath), page)}</h3>`);
    html.push('<table><thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>');
    for (const finding of fileFindings) {
      const position = `${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      html.push(
        `<tr><td class="num">${findingLink(finding, position, page)}</td><td class="sev sev-${finding.severity}">${finding.severity}</td><td>${ruleLink(finding.ruleId, page)}</td><td>${escapeHtml(finding.message)}</td></tr>`,
      );
    }
    html.push('</tbody></table>');
  }
  return html;
}

function findingsByRule(input: ReportInput, findings: readonly ReportFinding[], page: Page): string[] {
  const metas = ruleMetaById(input);
  const byRule = new Map<string, ReportFinding[]>();
  for (const finding of findings) {
    const list = byRule.get(finding.ruleId);
    if (list) list.push(finding);
    else byRule.set(finding.ruleId, [finding]);
  }
  const html: string[] = [];
  for (const entry of summarize(input, findings).byRule) {
    const item = owaspItemOf(entry.ruleId, metas);
    const description = metas.get(entry.ruleId)?.description;
    html.push(`<h3>${ruleLink(entry.ruleId, page)} <span class="muted">(${plural(entry.count, 'finding')}${item ? `, ${escapeHtml(item.id)}` : ''})</span></h3>`);
    if (description) html.push(`<p class="muted">${escapeHtml(description)}</p>`);
    html.push('<table><thead><tr><th>Location</th><th>Severity</th><th>Message</th></tr></thead><tbody>');
    for (const finding of byRule.get(entry.ruleId)!) {
      const location = `${finding.relativePath}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
      html.push(`<tr><td class="mono">${findingLink(finding, escapeHtml(location), page)}</td><td class="sev sev-${finding.severity}">${finding.severity}</td><td>${escapeHtml(finding.message)}</td></tr>`);
    }
    html.push('</tbody></table>');
  }
  return html;
}

function inventorySection(routes: ReturnType<typeof inventoryRoutes>, unmodelled: NonNullable<ReportInput['inventory']>['unmodelled'], page: Page): string[] {
  const html: string[] = [];
  const count = (status: string) => routes.filter((route) => route.entry.auth.status === status).length;
  html.push(`<p>${plural(routes.length, 'route')}: ${count('authenticated')} authenticated, ${count('public')} public, ${count('none')} without authentication, ${count('unknown')} unknown.</p>`);
  if (routes.length > 0) {
    if (page.interactive) html.push('<p><input type="search" id="route-filter" placeholder="Filter routes (method, path, auth…)" aria-label="Filter routes"></p>');
    const heads = ['Method', 'Path', 'Framework', 'Location', 'Authentication', 'Documented', 'Findings'];
    const head = heads.map((name, index) => {
      const numeric = index === heads.length - 1 ? ' class="num"' : '';
      return page.interactive ? `<th${numeric}><button type="button" data-sort>${name}</button></th>` : `<th${numeric}>${name}</th>`;
    });
    html.push(`<table id="routes"><thead><tr>${head.join('')}</tr></thead><tbody>`);
    for (const { source, entry } of routes) {
      const location = fileLink(entry.file, source.filePath, source.declaredRange, escapeHtml(`${entry.file}:${entry.line}`), page);
      const total = entry.findings.error + entry.findings.warning + entry.findings.info + entry.findings.hint;
      html.push(
        `<tr><td class="mono">${escapeHtml(entry.method)}</td><td class="mono">${escapeHtml(entry.path || '/')}</td><td>${escapeHtml(entry.framework)}</td><td class="mono" data-value="${escapeHtml(`${entry.file}:${String(entry.line).padStart(6, '0')}`)}">${location}</td>` +
          `<td class="auth-${entry.auth.status}">${escapeHtml(describeAuth(entry.auth))}</td><td>${documentedCell(entry)}</td><td class="num" data-value="${total}"${total > 0 ? ` title="${escapeHtml(countsTitle(entry.findings))}"` : ''}>${total}</td></tr>`,
      );
    }
    html.push('</tbody></table>');
  }
  if (unmodelled.length > 0) {
    html.push('<h3>Routes that exist but could not be listed</h3>', '<ul>');
    for (const entry of unmodelled) {
      const link = fileLink(entry.file, path.resolve(page.root, entry.file), lineRange(entry.line), escapeHtml(`${entry.file}:${entry.line}`), page);
      html.push(`<li>${link} ${escapeHtml(entry.framework)}: ${escapeHtml(entry.what)}</li>`);
    }
    html.push('</ul>');
  }
  return html;
}

function documentedCell(entry: ReportRouteEntry): string {
  return entry.documented === undefined ? '<span class="muted">n/a</span>' : entry.documented ? 'yes' : '<span class="sev-warning">no</span>';
}

function countsTitle(counts: SeverityCounts): string {
  return SEVERITIES.filter((severity) => counts[severity] > 0)
    .map((severity) => plural(counts[severity], severity))
    .join(', ');
}

function coverageSection(coverage: NonNullable<NonNullable<ReportInput['inventory']>['specCoverage']>, page: Page): string[] {
  const html: string[] = [];
  const operations = coverage.specs.reduce((total, spec) => total + (spec.implemented === null ? 0 : spec.operations), 0);
  const implemented = coverage.specs.reduce((total, spec) => total + (spec.implemented ?? 0), 0);
  html.push(
    `<p>${implemented} of ${plural(operations, 'documented operation')} implemented; ${coverage.routesDocumented} of ${plural(coverage.routesCompared, 'route')} compared with a spec documented.</p>`,
  );
  html.push('<table><thead><tr><th>Spec</th><th class="num">Operations</th><th class="num">Implemented</th></tr></thead><tbody>');
  for (const spec of coverage.specs) {
    const link = fileLink(spec.file, path.resolve(page.root, spec.file), lineRange(1), escapeHtml(spec.file), page);
    const implementedCell = spec.implemented === null ? '<span class="muted">n/a: documents no route of its project</span>' : String(spec.implemented);
    html.push(`<tr><td class="mono">${link}</td><td class="num">${spec.operations}</td><td class="num">${implementedCell}</td></tr>`);
  }
  html.push('</tbody></table>');
  const list = (heading: string, entries: readonly CoverageEntry[]) => {
    if (entries.length === 0) return;
    html.push(`<h3>${heading}</h3>`, '<ul>');
    for (const entry of entries) {
      const link = fileLink(entry.file, path.resolve(page.root, entry.file), lineRange(entry.line), escapeHtml(`${entry.file}:${entry.line}`), page);
      html.push(`<li><code>${escapeHtml(`${entry.method} ${entry.path || '/'}`)}</code> ${link}</li>`);
    }
    html.push('</ul>');
  };
  list('Routes no spec documents', coverage.undocumentedRoutes);
  list('Operations no route implements', coverage.unimplementedOperations);
  return html;
}

function lineRange(oneBasedLine: number): LinkRange {
  return { line: oneBasedLine - 1, character: 0, endLine: oneBasedLine - 1, endCharacter: 0 };
}

function findingLink(finding: ReportFinding, label: string, page: Page): string {
  const { start, end } = finding.range;
  return fileLink(finding.relativePath, finding.filePath, { line: start.line, character: start.character, endLine: end.line, endCharacter: end.character }, label, page);
}

/**
 * A link that opens a file at a range: in the webview, data attributes the script posts as an `open` message; in the
 * CLI's file, a relative href (`src/sub%20dir/c%231.ts#L12`). `label` is HTML, already escaped.
 */
function fileLink(relativePath: string, filePath: string, range: LinkRange, label: string, page: Page): string {
  if (page.interactive) {
    const uri = pathToFileURL(filePath).href;
    return `<a href="#" data-open data-file="${escapeHtml(uri)}" data-line="${range.line}" data-character="${range.character}" data-end-line="${range.endLine}" data-end-character="${range.endCharacter}">${label}</a>`;
  }
  const href = `${page.fileLinkBase}${relativePath.split('/').map(encodeURIComponent).join('/')}#L${range.line + 1}`;
  return `<a href="${escapeHtml(href)}">${label}</a>`;
}

function ruleLink(ruleId: string, page: Page): string {
  if (page.interactive) return `<a href="#" data-docs="${escapeHtml(ruleId)}">${escapeHtml(ruleId)}</a>`;
  return `<a href="${escapeHtml(helpUrlFor(ruleId))}">${escapeHtml(ruleId)}</a>`;
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);
}
