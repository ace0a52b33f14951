// The report writers (text, json, sarif, markdown, html) over a scan made in-process with a fixture rule, so the
// expected output is exact and does not move when real rules change their wording.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatReport, REPORT_FORMATS } from '../../server/report';
import { buildSarifLog, FINGERPRINT_KEY } from '../../server/report/sarif';
import type { ReportInput } from '../../server/report';
import { pathToFileURL } from 'node:url';
import { API_FIXTURE_FILES, FIXTURE_FILES, GENERATED_AT, makeFixtureProject, scanFixture, scanFixtureWithModel, SECRET_IN_FIX } from './fixture-scan';
import { sarifSchemaErrors } from './sarif-schema';
import { DOCS_DIR, docsHref } from '../support/docs-href';

const RULE_URL = docsHref('rules/test-flag.md');
const UNUSED_URL = docsHref('engine/unused-suppression.md');
const OWASP_API8_URL = 'https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/';

describe('report formats', () => {
  let dir: string;
  let input: ReportInput;
  before(() => {
    dir = makeFixtureProject();
    input = scanFixture(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('text: one line per finding sorted by file and position, skipped files, summary; messages kept on one line', () => {
    assert.equal(
      formatReport('text', input),
      `src/a.ts:1:15  error    test-flag  Flagged FLAG<script>alert(1)</script>
src/a.ts:2:16  warning  test-flag  Warned about flag-warning
src/b.ts:1:20  error    test-flag  Flagged FLAG|pipe
src/b.ts:2:20  error    test-flag  Flagged FLAG|pipe
src/sub dir/c#1.ts:1:21  error    test-flag  Flagged FLAG *multi* line
src/sub dir/c#1.ts:2:8  warning  unused-suppression  Unused suppression: no "test-flag" finding on line 2. Remove the comment.
src/blob.ts  skipped: binary content (NUL bytes)

4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms)
`,
    );
  });

  it('text: colors only when asked, around severity, rule and summary', () => {
    const colored = formatReport('text', input, { color: true });
    assert.ok(colored.startsWith('src/a.ts:1:15  \u001b[31merror  \u001b[0m  \u001b[2mtest-flag\u001b[0m  Flagged'), colored);
    assert.ok(colored.endsWith('\u001b[1m\u001b[31m4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms)\u001b[0m\n'));
    assert.equal(colored.replace(/\u001b\[\d+m/g, ''), formatReport('text', input));
  });

  it('text: a clean scan is just the summary', () => {
    const clean = makeFixtureProject({ 'src/ok.ts': 'export const ok = 1;\n' });
    try {
      assert.equal(formatReport('text', scanFixture(clean)), '0 errors, 0 warnings in 0 files (1 file scanned in 12 ms)\n');
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('json: the documented shape, 1-based positions, fix titles only, skipped list', () => {
    const report = JSON.parse(formatReport('json', input));
    const fingerprints = report.findings.map((finding: { fingerprint: string }) => finding.fingerprint);
    for (const fingerprint of fingerprints) assert.match(fingerprint, /^[0-9a-f]{32}$/);
    assert.equal(new Set(fingerprints).size, fingerprints.length, 'identical lines still get distinct fingerprints');
    for (const finding of report.findings) delete finding.fingerprint;
    const finding = (line: number, column: number, endLine: number, endColumn: number, file: string, severity: string, message: string, fixes: string[], ruleId = 'test-flag') => ({
      ruleId,
      severity,
      message,
      file,
      line,
      column,
      endLine,
      endColumn,
      fixes,
      helpUri: ruleId === 'test-flag' ? RULE_URL : UNUSED_URL,
      ...(ruleId === 'test-flag' ? { owaspApi: 'API8:2023' } : {}),
    });
    assert.deepEqual(report, {
      version: 1,
      tool: { name: 'apiguard', version: '9.9.9' },
      summary: {
        errors: 4,
        warnings: 2,
        infos: 0,
        hints: 0,
        filesWithFindings: 3,
        filesScanned: 4,
        filesSkipped: 1,
        linesScanned: 11,
        durationMs: 12,
        minSeverity: 'info',
        notShown: { warnings: 0, infos: 0, hints: 0 },
        filesIgnored: 0,
        byOwasp: [{ id: 'API8:2023', title: 'Security Misconfiguration', url: 'https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/', findings: 5 }],
      },
      filesScanned: ['src/a.ts', 'src/b.ts', 'src/clean.js', 'src/sub dir/c#1.ts'],
      findings: [
        finding(1, 15, 1, 46, 'src/a.ts', 'error', 'Flagged FLAG<script>alert(1)</script>', ['Move to .env']),
        finding(2, 16, 2, 30, 'src/a.ts', 'warning', 'Warned about flag-warning', []),
        finding(1, 20, 1, 31, 'src/b.ts', 'error', 'Flagged FLAG|pipe', ['Move to .env']),
        finding(2, 20, 2, 31, 'src/b.ts', 'error', 'Flagged FLAG|pipe', ['Move to .env']),
        finding(1, 21, 2, 6, 'src/sub dir/c#1.ts', 'error', 'Flagged FLAG *multi*\nline', ['Move to .env']),
        finding(2, 8, 2, 36, 'src/sub dir/c#1.ts', 'warning', 'Unused suppression: no "test-flag" finding on line 2. Remove the comment.', [], 'unused-suppression'),
      ],
      skipped: [{ file: 'src/blob.ts', reason: 'skipped: binary content (NUL bytes)' }],
      ignored: [],
    });
  });

  it('sarif: valid against the SARIF 2.1.0 schema', () => {
    assert.deepEqual(sarifSchemaErrors(JSON.parse(formatReport('sarif', input))), []);
  });

  it('the schema check itself rejects broken logs', () => {
    const log = structuredClone(buildSarifLog(input)) as any;
    log.runs[0].results[0].level = 'fatal';
    delete log.runs[0].tool.driver.name;
    const errors = sarifSchemaErrors(log);
    assert.ok(errors.some((error) => error.includes('/runs/0/results/0/level')), errors.join('\n'));
    assert.ok(errors.some((error) => error.includes('"missingProperty":"name"')), errors.join('\n'));
  });

  it('sarif: run metadata for GitHub code scanning', () => {
    const log = buildSarifLog(input);
    assert.equal(log.version, '2.1.0');
    assert.equal(log.$schema, 'https://json.schemastore.org/sarif-2.1.0.json');
    const run = log.runs[0]!;
    assert.equal(run.columnKind, 'utf16CodeUnits');
    assert.deepEqual(run.originalUriBaseIds, { '%SRCROOT%': { uri: `file://${dir}/` } });
    assert.deepEqual(
      run.tool.driver.rules!.map((rule) => rule.id),
      ['test-flag', 'internal-error', 'unused-suppression', 'suppression-without-reason', 'too-many-findings', 'invalid-spec'],
    );
    assert.deepEqual(run.tool.driver.rules![0], {
      id: 'test-flag',
      name: 'TestFlag',
      shortDescription: { text: 'Flags FLAG literals (test fixture).' },
      fullDescription: { text: 'Flags FLAG literals (test fixture). Weakness: CWE-79. OWASP API Security Top 10: API8:2023 Security Misconfiguration.' },
      // test-flag has no page: its details stand in; no helpUri without a public docs URL.
      help: {
        text: 'Flags FLAG literals (test fixture). Weakness: CWE-79. OWASP API Security Top 10: API8:2023 Security Misconfiguration.',
        markdown: 'Flags FLAG literals (test fixture). Weakness: CWE-79. OWASP API Security Top 10: API8:2023 Security Misconfiguration.',
      },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['security', 'injection', 'CWE-79', 'external/cwe/cwe-79', 'API8:2023'], precision: 'medium', 'security-severity': '7.5' },
    });
    const engineRule = run.tool.driver.rules![2]!;
    assert.equal(engineRule.helpUri, undefined);
    assert.equal(engineRule.help!.markdown, fs.readFileSync(path.join(DOCS_DIR, 'engine/unused-suppression.md'), 'utf8').trimEnd());
    assert.ok(engineRule.help!.text.startsWith('unused-suppression\n\nAn `apiguard-ignore` comment that no longer suppresses anything'), engineRule.help!.text);
    assert.deepEqual(engineRule.properties, { tags: ['apiguard-engine'], precision: 'high' }, 'engine notices are not security alerts');
    assert.deepEqual(run.invocations, [
      {
        executionSuccessful: true,
        toolExecutionNotifications: [
          {
            level: 'warning',
            message: { text: 'src/blob.ts: skipped: binary content (NUL bytes)' },
            descriptor: { id: 'file-skipped' },
            locations: [{ physicalLocation: { artifactLocation: { uri: 'src/blob.ts', uriBaseId: '%SRCROOT%' } } }],
          },
        ],
      },
    ]);
  });

  it('sarif: results with rule id and index, level, 1-based exclusive-end regions, encoded relative URIs, no fixes', () => {
    const results = buildSarifLog(input).runs[0]!.results!;
    assert.deepEqual(
      results.map((result) => {
        const location = result.locations![0]!.physicalLocation!;
        const region = location.region!;
        return [result.ruleId, result.ruleIndex, result.level, location.artifactLocation!.uri, location.artifactLocation!.uriBaseId, region.startLine, region.startColumn, region.endLine, region.endColumn];
      }),
      [
        ['test-flag', 0, 'error', 'src/a.ts', '%SRCROOT%', 1, 15, 1, 46],
        ['test-flag', 0, 'warning', 'src/a.ts', '%SRCROOT%', 2, 16, 2, 30],
        ['test-flag', 0, 'error', 'src/b.ts', '%SRCROOT%', 1, 20, 1, 31],
        ['test-flag', 0, 'error', 'src/b.ts', '%SRCROOT%', 2, 20, 2, 31],
        ['test-flag', 0, 'error', 'src/sub%20dir/c%231.ts', '%SRCROOT%', 1, 21, 2, 6],
        ['unused-suppression', 2, 'warning', 'src/sub%20dir/c%231.ts', '%SRCROOT%', 2, 8, 2, 36],
      ],
    );
    assert.equal(results[0]!.message.text, 'Flagged FLAG<script>alert(1)</script>');
    for (const result of results) {
      assert.equal(result.fixes, undefined);
      assert.match(result.partialFingerprints![FINGERPRINT_KEY]!, /^[0-9a-f]{32}$/);
    }
  });

  it('sarif: columns count UTF-16 code units', () => {
    const wide = makeFixtureProject({ 'src/emoji.ts': 'const s = "😀😀"; const t = "FLAG";\n' });
    try {
      const region = buildSarifLog(scanFixture(wide)).runs[0]!.results![0]!.locations![0]!.physicalLocation!.region!;
      // Each emoji is two UTF-16 code units: "FLAG" starts at code unit 28 (0-based), column 29.
      assert.deepEqual([region.startColumn, region.endColumn], [29, 35]);
    } finally {
      fs.rmSync(wide, { recursive: true, force: true });
    }
  });

  it('markdown: summaries by severity, OWASP item and rule (empty severities left out), findings grouped by file with rule links, everything escaped', () => {
    assert.equal(
      formatReport('markdown', input),
      `# apiguard security report

4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms); 11 lines analysed.

## Summary by severity

| Severity | Findings |
| --- | ---: |
| error | 4 |
| warning | 2 |

## OWASP API Security Top 10 (2023)

| Item | error | warning | Total |
| --- | ---: | ---: | ---: |
| [API8:2023 Security Misconfiguration](${OWASP_API8_URL}) | 4 | 1 | 5 |

## Summary by rule

| Rule | error | warning | Total | OWASP | Description |
| --- | ---: | ---: | ---: | --- | --- |
| [test-flag](${RULE_URL}) | 4 | 1 | 5 | API8:2023 | Flags FLAG literals (test fixture). |
| [unused-suppression](${UNUSED_URL}) |  | 1 | 1 |  | An apiguard-ignore comment that no longer suppresses anything. |

## Findings

### src/a.ts

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 1:15 | error | [test-flag](${RULE_URL}) | Flagged FLAG&lt;script&gt;alert(1)&lt;/script&gt; |
| 2:16 | warning | [test-flag](${RULE_URL}) | Warned about flag-warning |

### src/b.ts

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 1:20 | error | [test-flag](${RULE_URL}) | Flagged FLAG\\|pipe |
| 2:20 | error | [test-flag](${RULE_URL}) | Flagged FLAG\\|pipe |

### src/sub dir/c#1.ts

| Line | Severity | Rule | Message |
| ---: | --- | --- | --- |
| 1:21 | error | [test-flag](${RULE_URL}) | Flagged FLAG \\*multi\\* line |
| 2:8 | warning | [unused-suppression](${UNUSED_URL}) | Unused suppression: no "test-flag" finding on line 2. Remove the comment. |

## Skipped files

- src/blob.ts: skipped: binary content (NUL bytes)
`,
    );
  });

  it('markdown: link and image syntax in a message stays text', () => {
    const tricky = makeFixtureProject({ 'src/x.ts': 'const a = "FLAG ![x](https://evil.example/p.png) [y](javascript:alert(1)) `code` _e_";\n' });
    try {
      const markdown = formatReport('markdown', scanFixture(tricky));
      assert.ok(markdown.includes('| Flagged FLAG \\!\\[x\\](https://evil.example/p.png) \\[y\\](javascript:alert(1)) \\`code\\` \\_e\\_ |'), markdown);
    } finally {
      fs.rmSync(tricky, { recursive: true, force: true });
    }
  });

  it('html: the whole page body for the fixture scan: summary with charts, findings by file and by rule, relative file links', () => {
    const html = formatReport('html', input);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.equal(
      html.slice(html.indexOf('<body>')),
      `<body>
<header>
<h1>apiguard security report</h1>
<p class="summary">4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms); 11 lines analysed.</p>
<nav><a href="#summary">Summary</a><a href="#by-file">Findings by file</a><a href="#by-rule">Findings by rule</a><a href="#skipped">Skipped files</a></nav>
</header>
<section id="summary">
<h2>Summary</h2>
<div class="chart-box"><svg class="chart" id="chart-severity" role="img" aria-labelledby="chart-severity-title" width="411" height="56" viewBox="0 0 411 56"><title id="chart-severity-title">Findings by severity</title><text x="53" y="17" text-anchor="end">error</text><rect class="bar bar-error" x="61" y="6" width="300" height="14"></rect><text x="367" y="17">4</text><text x="53" y="41" text-anchor="end">warning</text><rect class="bar bar-warning" x="61" y="30" width="150" height="14"></rect><text x="217" y="41">2</text></svg></div>
<div class="chart-box"><svg class="chart" id="chart-owasp" role="img" aria-labelledby="chart-owasp-title" width="572" height="32" viewBox="0 0 572 32"><title id="chart-owasp-title">Findings by OWASP API Security Top 10 (2023) item</title><text x="214" y="17" text-anchor="end">API8 Security Misconfiguration</text><rect class="bar bar-owasp" x="222" y="6" width="300" height="14"></rect><text x="528" y="17">5</text></svg></div>
<h3>By severity</h3>
<table><thead><tr><th>Severity</th><th class="num">Findings</th></tr></thead><tbody>
<tr><td class="sev sev-error">error</td><td class="num">4</td></tr>
<tr><td class="sev sev-warning">warning</td><td class="num">2</td></tr>
</tbody></table>
<h3>By OWASP API Security Top 10 (2023)</h3>
<table><thead><tr><th>Item</th><th class="num">error</th><th class="num">warning</th><th class="num">Total</th></tr></thead><tbody>
<tr><td><a href="${OWASP_API8_URL}">API8:2023 Security Misconfiguration</a></td><td class="num">4</td><td class="num">1</td><td class="num">5</td></tr>
</tbody></table>
<h3>By rule</h3>
<table><thead><tr><th>Rule</th><th class="num">error</th><th class="num">warning</th><th class="num">Total</th><th>OWASP</th><th>Description</th></tr></thead><tbody>
<tr><td><a href="${RULE_URL}">test-flag</a></td><td class="num">4</td><td class="num">1</td><td class="num">5</td><td>API8:2023</td><td>Flags FLAG literals (test fixture).</td></tr>
<tr><td><a href="${UNUSED_URL}">unused-suppression</a></td><td class="num"></td><td class="num">1</td><td class="num">1</td><td></td><td>An apiguard-ignore comment that no longer suppresses anything.</td></tr>
</tbody></table>
</section>
<section id="by-file">
<h2>Findings by file</h2>
<h3><a href="src/a.ts#L1">src/a.ts</a></h3>
<table><thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>
<tr><td class="num"><a href="src/a.ts#L1">1:15</a></td><td class="sev sev-error">error</td><td><a href="${RULE_URL}">test-flag</a></td><td>Flagged FLAG&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>
<tr><td class="num"><a href="src/a.ts#L2">2:16</a></td><td class="sev sev-warning">warning</td><td><a href="${RULE_URL}">test-flag</a></td><td>Warned about flag-warning</td></tr>
</tbody></table>
<h3><a href="src/b.ts#L1">src/b.ts</a></h3>
<table><thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>
<tr><td class="num"><a href="src/b.ts#L1">1:20</a></td><td class="sev sev-error">error</td><td><a href="${RULE_URL}">test-flag</a></td><td>Flagged FLAG|pipe</td></tr>
<tr><td class="num"><a href="src/b.ts#L2">2:20</a></td><td class="sev sev-error">error</td><td><a href="${RULE_URL}">test-flag</a></td><td>Flagged FLAG|pipe</td></tr>
</tbody></table>
<h3><a href="src/sub%20dir/c%231.ts#L1">src/sub dir/c#1.ts</a></h3>
<table><thead><tr><th>Line</th><th>Severity</th><th>Rule</th><th>Message</th></tr></thead><tbody>
<tr><td class="num"><a href="src/sub%20dir/c%231.ts#L1">1:21</a></td><td class="sev sev-error">error</td><td><a href="${RULE_URL}">test-flag</a></td><td>Flagged FLAG *multi*
line</td></tr>
<tr><td class="num"><a href="src/sub%20dir/c%231.ts#L2">2:8</a></td><td class="sev sev-warning">warning</td><td><a href="${UNUSED_URL}">unused-suppression</a></td><td>Unused suppression: no &quot;test-flag&quot; finding on line 2. Remove the comment.</td></tr>
</tbody></table>
</section>
<section id="by-rule">
<h2>Findings by rule</h2>
<h3><a href="${RULE_URL}">test-flag</a> <span class="muted">(5 findings, API8:2023)</span></h3>
<p class="muted">Flags FLAG literals (test fixture).</p>
<table><thead><tr><th>Location</th><th>Severity</th><th>Message</th></tr></thead><tbody>
<tr><td class="mono"><a href="src/a.ts#L1">src/a.ts:1:15</a></td><td class="sev sev-error">error</td><td>Flagged FLAG&lt;script&gt;alert(1)&lt;/script&gt;</td></tr>
<tr><td class="mono"><a href="src/a.ts#L2">src/a.ts:2:16</a></td><td class="sev sev-warning">warning</td><td>Warned about flag-warning</td></tr>
<tr><td class="mono"><a href="src/b.ts#L1">src/b.ts:1:20</a></td><td class="sev sev-error">error</td><td>Flagged FLAG|pipe</td></tr>
<tr><td class="mono"><a href="src/b.ts#L2">src/b.ts:2:20</a></td><td class="sev sev-error">error</td><td>Flagged FLAG|pipe</td></tr>
<tr><td class="mono"><a href="src/sub%20dir/c%231.ts#L1">src/sub dir/c#1.ts:1:21</a></td><td class="sev sev-error">error</td><td>Flagged FLAG *multi*
line</td></tr>
</tbody></table>
<h3><a href="${UNUSED_URL}">unused-suppression</a> <span class="muted">(1 finding)</span></h3>
<p class="muted">An apiguard-ignore comment that no longer suppresses anything.</p>
<table><thead><tr><th>Location</th><th>Severity</th><th>Message</th></tr></thead><tbody>
<tr><td class="mono"><a href="src/sub%20dir/c%231.ts#L2">src/sub dir/c#1.ts:2:8</a></td><td class="sev sev-warning">warning</td><td>Unused suppression: no &quot;test-flag&quot; finding on line 2. Remove the comment.</td></tr>
</tbody></table>
</section>
<section id="skipped">
<h2>Skipped files</h2>
<ul>
<li><code>src/blob.ts</code>: skipped: binary content (NUL bytes)</li>
</ul>
</section>
</body>
</html>
`,
    );
  });

  it('html (static): a CSP that forbids scripts and remote assets, no script, no external asset, no toolbar', () => {
    const html = formatReport('html', input);
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">`));
    assert.ok(!/<script/i.test(html), 'no script element, not even from a finding message');
    assert.ok(!/<link|\ssrc=|@import|url\(/i.test(html), 'no external assets');
    assert.ok(!/data-(open|docs|export|action|sort)|<button|<input/.test(html), 'nothing that needs the webview script');
    assert.ok(!html.includes('Generated at'), 'no time when the caller gives none');
    // The theme follows VS Code's variables, with light colours for a browser.
    assert.ok(html.includes('--fg: var(--vscode-foreground, #1f2328);'));
    const hrefs = [...new Set([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]))];
    assert.deepEqual(hrefs, ['#summary', '#by-file', '#by-rule', '#skipped', OWASP_API8_URL, RULE_URL, UNUSED_URL, 'src/a.ts#L1', 'src/a.ts#L2', 'src/b.ts#L1', 'src/b.ts#L2', 'src/sub%20dir/c%231.ts#L1', 'src/sub%20dir/c%231.ts#L2']);
  });

  it('html: file links start from where the report is written (fileLinkBase)', () => {
    const html = formatReport('html', { ...input, fileLinkBase: '../../' });
    assert.ok(html.includes('<tr><td class="num"><a href="../../src/sub%20dir/c%231.ts#L2">2:8</a></td>'), html);
  });

  it('html: a clean scan says so and draws no chart', () => {
    const clean = makeFixtureProject({ 'src/ok.ts': 'export const ok = 1;\n' });
    try {
      const html = formatReport('html', scanFixture(clean));
      assert.ok(html.includes('<section id="summary">\n<h2>Summary</h2>\n<p>No findings.</p>\n</section>\n</body>'), html);
      assert.ok(!html.includes('<svg') && !html.includes('<table'));
      assert.ok(html.includes('<nav><a href="#summary">Summary</a></nav>'));
    } finally {
      fs.rmSync(clean, { recursive: true, force: true });
    }
  });

  it('html: attribute-breaking and entity characters in file names and messages are escaped', () => {
    const tricky = makeFixtureProject({ "src/q'\"&<b>.ts": 'const a = "FLAG \\" onmouseover=alert(1) \' &amp;";\n' });
    try {
      const html = formatReport('html', scanFixture(tricky));
      assert.ok(html.includes('<h3><a href="src/q&#39;%22%26%3Cb%3E.ts#L1">src/q&#39;&quot;&amp;&lt;b&gt;.ts</a></h3>'), html);
      assert.ok(html.includes('<td>Flagged FLAG &quot; onmouseover=alert(1) &#39; &amp;amp;</td>'), html);
      assert.ok(!html.includes('<b>'));
    } finally {
      fs.rmSync(tricky, { recursive: true, force: true });
    }
  });
  it('minSeverity: findings below it are left out of every format and counted as not shown', () => {
    const errorsOnly: ReportInput = { ...input, minSeverity: 'error' };
    const summary = '4 errors, 0 warnings in 3 files (4 files scanned, 1 skipped in 12 ms); 2 warnings not shown: --min-severity warning shows them';
    assert.equal(
      formatReport('text', errorsOnly),
      `src/a.ts:1:15  error    test-flag  Flagged FLAG<script>alert(1)</script>
src/b.ts:1:20  error    test-flag  Flagged FLAG|pipe
src/b.ts:2:20  error    test-flag  Flagged FLAG|pipe
src/sub dir/c#1.ts:1:21  error    test-flag  Flagged FLAG *multi* line
src/blob.ts  skipped: binary content (NUL bytes)

${summary}
`,
    );
    const json = JSON.parse(formatReport('json', errorsOnly));
    assert.deepEqual(json.findings.map((finding: { severity: string }) => finding.severity), ['error', 'error', 'error', 'error']);
    assert.deepEqual([json.summary.errors, json.summary.warnings, json.summary.minSeverity, json.summary.notShown], [4, 0, 'error', { warnings: 2, infos: 0, hints: 0 }]);
    assert.deepEqual(buildSarifLog(errorsOnly).runs[0]!.results!.map((result) => result.level), ['error', 'error', 'error', 'error']);
    assert.ok(formatReport('markdown', errorsOnly).includes(`\n${summary}; 11 lines analysed.\n`));
    assert.ok(formatReport('html', errorsOnly).includes(`<p class="summary">${summary}; 11 lines analysed.</p>`));
    assert.equal(formatReport('text', { ...input, minSeverity: 'hint' }), formatReport('text', input), 'nothing here is below info');
  });

  it('no format prints a fix edit or a source line: only messages (already redacted by rules) and titles', () => {
    for (const format of REPORT_FORMATS) {
      const output = formatReport(format, input);
      assert.ok(!output.includes(SECRET_IN_FIX), `${format} leaks a fix edit`);
      assert.ok(!output.includes('const first ='), `${format} prints source text`);
    }
  });
});

describe('report inventory: routes, their findings, spec coverage', () => {
  let dir: string;
  let input: ReportInput;
  before(() => {
    dir = makeFixtureProject(API_FIXTURE_FILES);
    input = scanFixtureWithModel(dir);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('json: inventory.routes are ReportRouteEntry with the findings in each handler or on its declaration line; specCoverage; generatedAt', () => {
    const report = JSON.parse(formatReport('json', input));
    assert.equal(report.version, 1);
    assert.equal(report.generatedAt, GENERATED_AT);
    const route = (method: string, routePath: string, file: string, line: number, handler: string, auth: object, findings: Partial<Record<'error' | 'warning', number>>, documented?: boolean, extra: object = {}) => ({
      method,
      path: routePath,
      framework: 'express',
      file,
      line,
      handler,
      auth,
      mounts: [],
      chain: [],
      notes: [],
      ...extra,
      findings: { error: 0, warning: 0, info: 0, hint: 0, ...findings },
      ...(documented === undefined ? {} : { documented }),
    });
    const unmounted = 'admin is not mounted on an app anywhere in the workspace';
    assert.deepEqual(report.inventory, {
      routes: [
        // The warning on its declaration line counts; the finding above every handler (src/app.js:4) counts nowhere.
        route('POST', '/<script>window.__pwned=1</script>', 'src/app.js', 9, '<inline handler>', { status: 'none' }, { warning: 1 }, false),
        // Not mounted: its full path is unknown, so no spec is compared with it.
        route('DELETE', '/cache', 'src/admin.mjs', 3, '<inline handler>', { status: 'unknown', why: unmounted }, {}, undefined, { notes: [unmounted] }),
        route('GET', '/health', 'src/app.js', 5, '<inline handler>', { status: 'public', reason: 'health check' }, {}, true),
        route('GET', '/items/:id', 'src/app.js', 6, '<inline handler>', { status: 'none' }, { error: 1 }, true),
        // A named TypeScript handler declared below its route: its body's finding counts.
        route('GET', '/users', 'src/users.ts', 3, 'listUsers', { status: 'none' }, { error: 1 }, true, { mounts: [{ path: '/users', file: 'src/app.js', line: 10 }] }),
      ],
      specCoverage: {
        specs: [{ file: 'openapi.yaml', operations: 4, implemented: 3 }],
        routesCompared: 4,
        routesDocumented: 3,
        undocumentedRoutes: [{ method: 'POST', path: '/<script>window.__pwned=1</script>', file: 'src/app.js', line: 9 }],
        unimplementedOperations: [{ method: 'GET', path: '/orders', file: 'openapi.yaml', line: 13 }],
      },
      unmodelled: [],
    });
  });

  it('json: no inventory key without an API model, and none for a workspace without specs has specCoverage null', () => {
    assert.equal('inventory' in JSON.parse(formatReport('json', { ...input, inventory: undefined })), false);
    const noSpec = makeFixtureProject({ ...API_FIXTURE_FILES, 'openapi.yaml': '' });
    try {
      const report = JSON.parse(formatReport('json', scanFixtureWithModel(noSpec)));
      assert.equal(report.inventory.specCoverage, null);
      assert.deepEqual(report.inventory.routes.map((entry: { documented?: boolean }) => 'documented' in entry), [false, false, false, false, false]);
    } finally {
      fs.rmSync(noSpec, { recursive: true, force: true });
    }
  });

  it('markdown: the inventory table and the coverage lists, route paths escaped', () => {
    const markdown = formatReport('markdown', input);
    assert.ok(markdown.includes(`\n\nGenerated at ${GENERATED_AT}.\n\n`));
    assert.equal(
      markdown.slice(markdown.indexOf('## API inventory')),
      MARKDOWN_INVENTORY,
    );
  });

  it('html (static): the inventory and coverage sections, links to each route and operation, route paths escaped', () => {
    const html = formatReport('html', input);
    assert.ok(html.includes(`<p class="generated">Generated at <time datetime="${GENERATED_AT}" data-generated>${GENERATED_AT}</time></p>`));
    assert.equal(
      html.slice(html.indexOf('<section id="inventory">'), html.indexOf('</body>')),
      `<section id="inventory">
<h2>API inventory</h2>
<p>5 routes: 0 authenticated, 1 public, 3 without authentication, 1 unknown.</p>
<table id="routes"><thead><tr><th>Method</th><th>Path</th><th>Framework</th><th>Location</th><th>Authentication</th><th>Documented</th><th class="num">Findings</th></tr></thead><tbody>
<tr><td class="mono">POST</td><td class="mono">/&lt;script&gt;window.__pwned=1&lt;/script&gt;</td><td>express</td><td class="mono" data-value="src/app.js:000009"><a href="src/app.js#L9">src/app.js:9</a></td><td class="auth-none">NONE</td><td><span class="sev-warning">no</span></td><td class="num" data-value="1" title="1 warning">1</td></tr>
<tr><td class="mono">DELETE</td><td class="mono">/cache</td><td>express</td><td class="mono" data-value="src/admin.mjs:000003"><a href="src/admin.mjs#L3">src/admin.mjs:3</a></td><td class="auth-unknown">unknown: admin is not mounted on an app anywhere in the workspace</td><td><span class="muted">n/a</span></td><td class="num" data-value="0">0</td></tr>
<tr><td class="mono">GET</td><td class="mono">/health</td><td>express</td><td class="mono" data-value="src/app.js:000005"><a href="src/app.js#L5">src/app.js:5</a></td><td class="auth-public">public: health check</td><td>yes</td><td class="num" data-value="0">0</td></tr>
<tr><td class="mono">GET</td><td class="mono">/items/:id</td><td>express</td><td class="mono" data-value="src/app.js:000006"><a href="src/app.js#L6">src/app.js:6</a></td><td class="auth-none">NONE</td><td>yes</td><td class="num" data-value="1" title="1 error">1</td></tr>
<tr><td class="mono">GET</td><td class="mono">/users</td><td>express</td><td class="mono" data-value="src/users.ts:000003"><a href="src/users.ts#L3">src/users.ts:3</a></td><td class="auth-none">NONE</td><td>yes</td><td class="num" data-value="1" title="1 error">1</td></tr>
</tbody></table>
</section>
<section id="coverage">
<h2>Spec coverage</h2>
<p>3 of 4 documented operations implemented; 3 of 4 routes compared with a spec documented.</p>
<table><thead><tr><th>Spec</th><th class="num">Operations</th><th class="num">Implemented</th></tr></thead><tbody>
<tr><td class="mono"><a href="openapi.yaml#L1">openapi.yaml</a></td><td class="num">4</td><td class="num">3</td></tr>
</tbody></table>
<h3>Routes no spec documents</h3>
<ul>
<li><code>POST /&lt;script&gt;window.__pwned=1&lt;/script&gt;</code> <a href="src/app.js#L9">src/app.js:9</a></li>
</ul>
<h3>Operations no route implements</h3>
<ul>
<li><code>GET /orders</code> <a href="openapi.yaml#L13">openapi.yaml:13</a></li>
</ul>
</section>
`,
    );
    assert.ok(!html.includes('<script'));
  });

  it('html (interactive): one script with the nonce, a CSP allowing only it, links as data for open/showDocs messages, toolbar, sortable routes', () => {
    const nonce = 'abcdefghijklmnop0123456789';
    const cspSource = 'https://*.vscode-cdn.net';
    const html = formatReport('html', input, { interactive: { nonce, cspSource } });
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; img-src ${cspSource} data:; script-src 'nonce-${nonce}'">`));
    assert.deepEqual([...html.matchAll(/<script[^>]*>/g)].map((match) => match[0]), [`<script nonce="${nonce}">`]);
    const appUri = pathToFileURL(path.join(dir, 'src/app.js')).href;
    assert.ok(
      html.includes(`<tr><td class="num"><a href="#" data-open data-file="${appUri}" data-line="6" data-character="11" data-end-line="6" data-end-character="32">7:12</a></td><td class="sev sev-error">error</td><td><a href="#" data-docs="test-flag">test-flag</a></td><td>Flagged FLAG in the handler</td></tr>`),
    );
    assert.ok(html.includes(`<td class="mono" data-value="src/app.js:000006"><a href="#" data-open data-file="${appUri}" data-line="5" data-character="0" data-end-line="5" data-end-character="20">src/app.js:6</a></td>`));
    assert.ok(html.includes('<p class="generated">Generated at <time datetime="2026-11-29T14:00:00.000Z" data-generated>2026-11-29T14:00:00.000Z</time><span id="age"></span></p>'));
    assert.ok(html.includes('<div class="toolbar"><button type="button" data-action="refresh">Refresh</button> Export: <button type="button" data-export="html">HTML</button><button type="button" data-export="markdown">Markdown</button><button type="button" data-export="json">JSON</button><button type="button" data-export="sarif">SARIF</button></div>'));
    assert.ok(html.includes('<input type="search" id="route-filter" placeholder="Filter routes (method, path, auth…)" aria-label="Filter routes">'));
    assert.ok(html.includes('<th class="num"><button type="button" data-sort>Findings</button></th>'));
    const hrefs = new Set([...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]));
    assert.deepEqual([...hrefs].filter((href) => !href!.startsWith('#') && !href!.startsWith('https://owasp.org/')), [], 'no link navigates the webview away');
  });

  it('a token in a route path is masked in every format that lists routes', () => {
    const token = 'xoxb' + '-2048136593-4827150396-Qk8vTzR3mW9pLx2Hc7Yd';
    const withToken = makeFixtureProject({ ...API_FIXTURE_FILES, 'src/hooks.js': `const app = require('./app');\napp.post('/hooks/${token}', (req, res) => res.sendStatus(204));\n` });
    try {
      const tokenInput = scanFixtureWithModel(withToken);
      const paths = JSON.parse(formatReport('json', tokenInput)).inventory.routes.map((route: { path: string }) => route.path);
      assert.ok(paths.includes('/hooks/xoxb…(47 chars)'), paths.join(', '));
      for (const format of ['json', 'markdown', 'html'] as const) assert.ok(!formatReport(format, tokenInput).includes(token.slice(5)), `${format} shows the token`);
    } finally {
      fs.rmSync(withToken, { recursive: true, force: true });
    }
  });

  it('html (interactive): a nonce or CSP source that could break out of the CSP is refused', () => {
    assert.throws(() => formatReport('html', input, { interactive: { nonce: "abcdefghijklmnop' 'unsafe-inline", cspSource: 'x' } }), /nonce/);
    assert.throws(() => formatReport('html', input, { interactive: { nonce: 'abcdefghijklmnop0123', cspSource: "x; script-src 'unsafe-inline'" } }), /CSP source/);
    assert.throws(() => formatReport('html', input, { interactive: { nonce: 'abcdefghijklmnop0123', cspSource: "'self' 'unsafe-inline'" } }), /CSP source/);
    assert.throws(() => formatReport('html', input, { interactive: { nonce: 'abcdefghijklmnop0123', cspSource: "'self'  https://a.example" } }), /CSP source/);
  });

  it("html (interactive): VS Code's CSP source list ('self' and a host) goes into the CSP as given", () => {
    const cspSource = "'self' https://*.vscode-cdn.net";
    const html = formatReport('html', input, { interactive: { nonce: 'abcdefghijklmnop0123', cspSource } });
    assert.ok(html.includes(`content="default-src 'none'; style-src ${cspSource} 'unsafe-inline'; img-src ${cspSource} data:; script-src 'nonce-abcdefghijklmnop0123'"`));
  });
});

const MARKDOWN_INVENTORY = `## API inventory

5 routes: 0 authenticated, 1 public, 3 without authentication, 1 unknown.

| Method | Path | Framework | Location | Authentication | Documented | Findings |
| --- | --- | --- | --- | --- | --- | ---: |
| POST | /&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt; | express | src/app.js:9 | NONE | no | 1 |
| DELETE | /cache | express | src/admin.mjs:3 | unknown: admin is not mounted on an app anywhere in the workspace | n/a | 0 |
| GET | /health | express | src/app.js:5 | public: health check | yes | 0 |
| GET | /items/:id | express | src/app.js:6 | NONE | yes | 1 |
| GET | /users | express | src/users.ts:3 | NONE | yes | 1 |

## Spec coverage

3 of 4 documented operations implemented; 3 of 4 routes compared with a spec documented.

| Spec | Operations | Implemented |
| --- | ---: | ---: |
| openapi.yaml | 4 | 3 |

### Routes no spec documents

- POST /&lt;script&gt;window.\\_\\_pwned=1&lt;/script&gt; (src/app.js:9)

### Operations no route implements

- GET /orders (openapi.yaml:13)
`;

describe('fingerprints', () => {
  const fingerprintsOf = (files: Record<string, string>) => {
    const dir = makeFixtureProject(files);
    try {
      return buildSarifLog(scanFixture(dir)).runs[0]!.results!.map((result) => result.partialFingerprints![FINGERPRINT_KEY]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  };
  const base = FIXTURE_FILES['src/a.ts']!;

  it('survive lines inserted above and indentation changes', () => {
    const original = fingerprintsOf({ 'src/a.ts': base });
    assert.equal(original.length, 2);
    assert.deepEqual(fingerprintsOf({ 'src/a.ts': `// header\nimport x from 'y';\n\n${base}` }), original);
    assert.deepEqual(fingerprintsOf({ 'src/a.ts': base.replace('const first', '    const   first') }), original);
  });

  it('do not depend on the flagged text itself (a secret never feeds the hash), but on the rest of the line', () => {
    const original = fingerprintsOf({ 'src/a.ts': base });
    const otherValue = fingerprintsOf({ 'src/a.ts': base.replace('FLAG<script>alert(1)</script>', 'FLAG another value') });
    assert.equal(otherValue[0], original[0]);
    const otherLine = fingerprintsOf({ 'src/a.ts': base.replace('const first', 'const renamed') });
    assert.notEqual(otherLine[0], original[0]);
    assert.equal(otherLine[1], original[1]);
  });

  it('depend on the file path and tell identical lines apart by occurrence', () => {
    const [inA] = fingerprintsOf({ 'src/a.ts': base });
    const [inB] = fingerprintsOf({ 'src/moved.ts': base });
    assert.notEqual(inA, inB);
    const twice = fingerprintsOf({ 'src/b.ts': FIXTURE_FILES['src/b.ts']! });
    assert.equal(twice.length, 2);
    assert.notEqual(twice[0], twice[1]);
  });
});

describe('format names', () => {
  it('are the ones the CLI documents', () => {
    assert.deepEqual([...REPORT_FORMATS], ['text', 'json', 'sarif', 'markdown', 'html']);
    assert.ok(fs.existsSync(path.join(__dirname, '../../server/report/README.md')), 'the JSON shape is documented');
  });
});
