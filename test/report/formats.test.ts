// The report writers (text, json, sarif, markdown, html) over a scan made in-process with a fixture rule, so the
// expected output is exact and does not move when real rules change their wording.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { formatReport, REPORT_FORMATS } from '../../server/report';
import { buildSarifLog, FINGERPRINT_KEY } from '../../server/report/sarif';
import type { ReportInput } from '../../server/report';
import { FIXTURE_FILES, makeFixtureProject, scanFixture, SECRET_IN_FIX } from './fixture-scan';
import { sarifSchemaErrors } from './sarif-schema';
import { DOCS_DIR, docsHref } from '../support/docs-href';

const RULE_URL = docsHref('rules/test-flag.md');
const UNUSED_URL = docsHref('engine/unused-suppression.md');

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

  it('markdown: summaries by severity and rule, findings grouped by file with rule links, everything escaped', () => {
    assert.equal(
      formatReport('markdown', input),
      `# apiguard security report

4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms); 11 lines analysed.

## Summary by severity

| Severity | Findings |
| --- | ---: |
| error | 4 |
| warning | 2 |
| info | 0 |
| hint | 0 |

## Summary by rule

| Rule | Severity | Findings | Description |
| --- | --- | ---: | --- |
| [test-flag](${RULE_URL}) | error | 5 | Flags FLAG literals (test fixture). |
| [unused-suppression](${UNUSED_URL}) | warning | 1 | An apiguard-ignore comment that no longer suppresses anything. |

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

  it('html: self-contained, no scripts or external assets, every message escaped', () => {
    const html = formatReport('html', input);
    assert.ok(html.startsWith('<!DOCTYPE html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'));
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`));
    assert.ok(!/<script/i.test(html), 'no script element, not even from a finding message');
    assert.ok(!/<link|\ssrc=|@import|url\(/i.test(html), 'no external assets');
    assert.ok(html.includes('<td>Flagged FLAG&lt;script&gt;alert(1)&lt;/script&gt;</td>'));
    assert.ok(html.includes('<h3>src/sub dir/c#1.ts</h3>'));
    assert.ok(html.includes(`<td><a href="${RULE_URL}">test-flag</a></td><td class="sev sev-error">error</td><td class="num">5</td>`));
    assert.ok(html.includes('<tr><td class="num">2:20</td><td class="sev sev-error">error</td><td><a href="' + RULE_URL + '">test-flag</a></td><td>Flagged FLAG|pipe</td></tr>'));
    assert.ok(html.includes('<li><code>src/blob.ts</code>: skipped: binary content (NUL bytes)</li>'));
    assert.ok(html.includes('<p class="summary">4 errors, 2 warnings in 3 files (4 files scanned, 1 skipped in 12 ms); 11 lines analysed.</p>'));
    const hrefs = [...html.matchAll(/href="([^"]*)"/g)].map((match) => match[1]);
    assert.ok(hrefs.length > 0 && hrefs.every((href) => href === RULE_URL || href === UNUSED_URL), hrefs.join(', '));
  });

  it('html: attribute-breaking and entity characters in file names and messages are escaped', () => {
    const tricky = makeFixtureProject({ "src/q'\"&<b>.ts": 'const a = "FLAG \\" onmouseover=alert(1) \' &amp;";\n' });
    try {
      const html = formatReport('html', scanFixture(tricky));
      assert.ok(html.includes('<h3>src/q&#39;&quot;&amp;&lt;b&gt;.ts</h3>'), html);
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
