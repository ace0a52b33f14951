// `apiguard scan --min-severity`: findings below it are absent from every format (the summary counts them and names
// the flag that shows them) and never fail the scan. The findings come from the engine's own suppression checks and
// from one spec rule's severity, so no rule's wording is asserted beyond the engine's.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from '../report/sarif-schema';
import { normalizeDuration, removeDir, runCli, writeFile } from './support';

const REASONLESS = 'src/a.ts:1:1  hint     suppression-without-reason  Say why this finding is suppressed: write the reason after "--" in the comment.';
const UNUSED = 'src/b.ts:1:1  warning  unused-suppression  Unused suppression: no "unparameterized-query" finding on line 2. Remove the comment.';

describe('apiguard scan --min-severity', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-min-severity-'));
    // hardcoded-secret off: its reason-less suppressions cannot be judged unused, so each is a hint (suppression-without-reason).
    writeFile(project, 'apiguard.json', '{ "rules": { "hardcoded-secret": "off", "missing-auth": "off" } }\n');
    writeFile(project, 'src/a.ts', '// apiguard-ignore-next-line hardcoded-secret\nexport const a = 1;\n// apiguard-ignore-next-line hardcoded-secret\nexport const b = 2;\n');
    writeFile(project, 'src/b.ts', '// apiguard-ignore-next-line unparameterized-query -- legacy\nexport const c = 3;\n');
    // A local http:// server: spec/insecure-server-url at info.
    writeFile(project, 'openapi.yaml', 'openapi: 3.0.3\ninfo:\n  title: t\n  version: "1"\nservers:\n  - url: http://localhost:3000\npaths: {}\n');
  });
  after(() => removeDir(project));

  const infoLine = (stdout: string) => stdout.split('\n').find((line) => line.startsWith('openapi.yaml:6:10  info     spec/insecure-server-url  '));

  it('default (info): hints are absent and counted in the summary with the flag that shows them', () => {
    const run = runCli(['scan'], project);
    assert.equal(run.stderr, '');
    const info = infoLine(run.stdout);
    assert.ok(info, run.stdout);
    assert.equal(
      normalizeDuration(run.stdout),
      `${info}
${UNUSED}

0 errors, 1 warning, 1 info in 2 files (3 files scanned in <T> ms); 2 hints not shown: --min-severity hint shows them
`,
    );
    assert.equal(run.status, 0);
  });

  it('hint shows everything; warning and error leave out more and name the lowest level left out', () => {
    const all = runCli(['scan', '--min-severity', 'hint'], project);
    assert.equal(
      normalizeDuration(all.stdout),
      `${infoLine(all.stdout)}
${REASONLESS}
src/a.ts:3:1  hint     suppression-without-reason  Say why this finding is suppressed: write the reason after "--" in the comment.
${UNUSED}

0 errors, 1 warning, 1 info, 2 hints in 3 files (3 files scanned in <T> ms)
`,
    );
    const warnings = runCli(['scan', '--min-severity', 'warning'], project);
    assert.equal(normalizeDuration(warnings.stdout), `${UNUSED}\n\n0 errors, 1 warning in 1 file (3 files scanned in <T> ms); 1 info, 2 hints not shown: --min-severity hint shows them\n`);
    const errors = runCli(['scan', '--min-severity', 'error'], project);
    assert.equal(normalizeDuration(errors.stdout), '0 errors, 0 warnings in 0 files (3 files scanned in <T> ms); 1 warning, 1 info, 2 hints not shown: --min-severity hint shows them\n');
  });

  it('what is not shown never fails the scan; --fail-on keeps its meaning for what is', () => {
    assert.equal(runCli(['scan', '--fail-on', 'warning'], project).status, 1);
    assert.equal(runCli(['scan', '--fail-on', 'warning', '--min-severity', 'warning'], project).status, 1);
    assert.equal(runCli(['scan', '--fail-on', 'warning', '--min-severity', 'error'], project).status, 0);
    assert.equal(runCli(['scan', '--min-severity', 'hint'], project).status, 0, 'hints and infos never reach --fail-on error');
  });

  it('json: findings below it are left out too; the summary says which level applied and what was not shown', () => {
    const report = JSON.parse(runCli(['scan', '--format', 'json'], project).stdout);
    assert.deepEqual(
      report.findings.map((finding: { file: string; line: number; ruleId: string }) => `${finding.file}:${finding.line} ${finding.ruleId}`),
      ['openapi.yaml:6 spec/insecure-server-url', 'src/b.ts:1 unused-suppression'],
    );
    const { durationMs: _durationMs, ...summary } = report.summary;
    assert.deepEqual(summary, {
      errors: 0,
      warnings: 1,
      infos: 1,
      hints: 0,
      filesWithFindings: 2,
      filesScanned: 3,
      filesSkipped: 0,
      linesScanned: 16,
      minSeverity: 'info',
      notShown: { warnings: 0, infos: 0, hints: 2 },
      filesIgnored: 0,
      byOwasp: [{ id: 'API8:2023', title: 'Security Misconfiguration', url: 'https://owasp.org/API-Security/editions/2023/en/0xa8-security-misconfiguration/', findings: 1 }],
    });
    const everything = JSON.parse(runCli(['scan', '--format', 'json', '--min-severity', 'hint'], project).stdout);
    assert.equal(everything.findings.filter((finding: { severity: string }) => finding.severity === 'hint').length, 2);
    assert.deepEqual([everything.summary.hints, everything.summary.minSeverity, everything.summary.notShown], [2, 'hint', { warnings: 0, infos: 0, hints: 0 }]);
  });

  it('sarif: only the findings shown become results', () => {
    const log = JSON.parse(runCli(['scan', '--format', 'sarif'], project).stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    assert.deepEqual(
      log.runs[0].results.map((result: { ruleId: string; level: string }) => `${result.ruleId} ${result.level}`),
      ['spec/insecure-server-url note', 'unused-suppression warning'],
    );
    const everything = JSON.parse(runCli(['scan', '--format', 'sarif', '--min-severity', 'hint'], project).stdout);
    assert.equal(everything.runs[0].results.length, 4);
  });

  it('--output: the summary on stderr counts what was not shown; markdown says it too', () => {
    const run = runCli(['scan', '--format', 'markdown', '--output', 'report.md'], project);
    assert.equal(
      normalizeDuration(run.stderr),
      'apiguard: wrote markdown report to report.md; 0 errors, 1 warning, 1 info in 2 files (3 files scanned in <T> ms); 2 hints not shown: --min-severity hint shows them\n',
    );
    const markdown = fs.readFileSync(path.join(project, 'report.md'), 'utf8');
    assert.ok(normalizeDuration(markdown).includes('\n0 errors, 1 warning, 1 info in 2 files (3 files scanned in <T> ms); 2 hints not shown: --min-severity hint shows them; 16 lines analysed.\n'), markdown);
    assert.ok(!markdown.includes('suppression-without-reason'));
  });

  it('a level that does not exist, or the flag on "routes", is a usage error', () => {
    const bad = runCli(['scan', '--min-severity', 'note'], project);
    assert.equal(bad.stderr, 'apiguard: unknown --min-severity "note" (use one of: error, warning, info, hint)\nRun "apiguard --help" for usage.\n');
    assert.equal(bad.status, 2);
    const routes = runCli(['routes', '--min-severity', 'hint'], project);
    assert.equal(routes.stderr, 'apiguard: --min-severity is for "scan" ("routes" reports no findings)\nRun "apiguard --help" for usage.\n');
    assert.equal(routes.status, 2);
  });
});
