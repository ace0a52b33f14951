// A path named on the command line that .gitignore or apiguard.json "ignore" excludes whole is never skipped without
// a word: stderr says how many files and why, the reports carry them as data, and --no-ignore scans them. What the
// rules leave out of a folder that is otherwise scanned stays silent (that is what they are for).
// The fixture's .gitignore lists generated/ and *.local.ts, src/nested/.gitignore lists scratch.ts, and its
// apiguard.json ignores vendor/**; each of those files holds a stale suppression that shows when it is scanned.
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from '../report/sarif-schema';
import { copyFixture, normalizeDuration, removeDir, runCli, STALE_SUPPRESSION, writeFile } from './support';

const staleAt = (file: string) => `${file}:1:1  warning  unused-suppression  Unused suppression: no "hardcoded-secret" finding on line 2. Remove the comment.`;

describe('apiguard scan: named paths the ignore rules exclude, and --no-ignore', () => {
  let project: string;
  before(() => {
    project = copyFixture('project');
    writeFile(project, 'generated/models/user.ts', STALE_SUPPRESSION);
    writeFile(project, 'node_modules/dep/index.js', STALE_SUPPRESSION);
    writeFile(project, 'dist/bundle.js', STALE_SUPPRESSION);
  });
  after(() => removeDir(project));

  it('a folder .gitignore ignores: stderr counts its files and names the flag; the summary says they were ignored', () => {
    const run = runCli(['scan', 'generated'], project);
    assert.equal(run.stderr, 'apiguard: 2 files skipped: ignored by .gitignore (use --no-ignore to scan them)\n');
    assert.equal(normalizeDuration(run.stdout), '0 errors, 0 warnings in 0 files (0 files scanned, 2 ignored in <T> ms)\n');
    assert.equal(run.status, 0);
  });

  it('a folder whose every file "ignore" matches, next to a .gitignored one: one line with both causes', () => {
    const run = runCli(['scan', 'generated', 'vendor'], project);
    assert.equal(run.stderr, 'apiguard: 3 files skipped: 2 ignored by .gitignore, 1 by apiguard.json "ignore" (use --no-ignore to scan them)\n');
    assert.equal(normalizeDuration(run.stdout), '0 errors, 0 warnings in 0 files (0 files scanned, 3 ignored in <T> ms)\n');
  });

  it('--no-ignore scans them', () => {
    const run = runCli(['scan', 'generated', 'vendor', '--no-ignore'], project);
    assert.equal(run.stderr, '');
    assert.equal(
      normalizeDuration(run.stdout),
      `${staleAt('generated/client.ts')}
${staleAt('generated/models/user.ts')}
${staleAt('vendor/lib.ts')}

0 errors, 3 warnings in 3 files (3 files scanned in <T> ms)
`,
    );
  });

  it('--no-ignore over the whole project: every ignored file, but still no dependencies or build output', () => {
    const report = JSON.parse(runCli(['scan', '--no-ignore', '--format', 'json'], project).stdout);
    assert.deepEqual(report.filesScanned, [
      'generated/client.ts',
      'generated/models/user.ts',
      'src/app.ts',
      'src/clean.js',
      'src/nested/kept.ts',
      'src/nested/scratch.ts',
      'src/routes/users.ts',
      'src/server.local.ts',
      'vendor/lib.ts',
    ]);
    assert.deepEqual(report.ignored, []);
  });

  it('the ignore rules at work inside a folder that is scanned stay silent', () => {
    for (const args of [['scan'], ['scan', 'src'], ['scan', '.']]) {
      const run = runCli(args, project);
      assert.equal(run.stderr, '', args.join(' '));
      assert.ok(!run.stdout.includes('ignored'), run.stdout);
    }
  });

  it('a file named inside node_modules or build output is read without the flag: only folder walks skip those', () => {
    const run = runCli(['scan', 'node_modules/dep/index.js', 'dist/bundle.js'], project);
    assert.equal(run.stderr, '');
    assert.equal(normalizeDuration(run.stdout), `${staleAt('dist/bundle.js')}\n${staleAt('node_modules/dep/index.js')}\n\n0 errors, 2 warnings in 2 files (2 files scanned in <T> ms)\n`);
  });

  it('a named binary, oversized or minified file is not ignored but skipped: listed with its reason, as when walked', () => {
    writeFile(project, 'src/assets/logo.ts', Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]));
    writeFile(project, 'src/huge.ts', `export const rows = [\n${'  { id: 1, name: "row" },\n'.repeat(50_000)}];\n`);
    writeFile(project, 'src/bundle.min.js', `var a=${'[1,2,3],'.repeat(20_000)}0;\n`);
    try {
      const run = runCli(['scan', 'src/assets/logo.ts', 'src/huge.ts', 'src/bundle.min.js'], project);
      assert.equal(run.stderr, '');
      assert.equal(
        normalizeDuration(run.stdout),
        `src/assets/logo.ts  skipped: binary content (NUL bytes)
src/bundle.min.js  skipped: looks minified (very long lines); analyse the source instead
src/huge.ts  skipped: file is 1.2 MB, over the 1.0 MB limit (raise "maxFileSize" in apiguard.json to analyse it)

0 errors, 0 warnings in 0 files (0 files scanned, 3 skipped in <T> ms)
`,
      );
      assert.equal(run.status, 0);
    } finally {
      for (const file of ['src/assets', 'src/huge.ts', 'src/bundle.min.js']) removeDir(path.join(project, file));
    }
  });

  it('json: an "ignored" list and summary.filesIgnored; sarif: a "file-ignored" note per file', () => {
    const json = JSON.parse(runCli(['scan', 'generated', 'vendor', '--format', 'json'], project).stdout);
    assert.deepEqual(json.ignored, [
      { file: 'generated/client.ts', by: '.gitignore' },
      { file: 'generated/models/user.ts', by: '.gitignore' },
      { file: 'vendor/lib.ts', by: 'apiguard.json' },
    ]);
    assert.deepEqual([json.summary.filesIgnored, json.summary.filesSkipped, json.skipped], [3, 0, []]);
    const sarif = JSON.parse(runCli(['scan', 'vendor/lib.ts', '--format', 'sarif'], project).stdout);
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assert.deepEqual(sarif.runs[0].invocations[0].toolExecutionNotifications, [
      {
        level: 'note',
        message: { text: 'vendor/lib.ts: ignored by apiguard.json "ignore" (--no-ignore scans it)' },
        descriptor: { id: 'file-ignored' },
        locations: [{ physicalLocation: { artifactLocation: { uri: 'vendor/lib.ts', uriBaseId: '%SRCROOT%' } } }],
      },
    ]);
  });

  it('--output: the stderr line comes before the summary line', () => {
    const run = runCli(['scan', 'generated', '--format', 'json', '--output', 'out/report.json'], project);
    assert.equal(
      normalizeDuration(run.stderr),
      'apiguard: 2 files skipped: ignored by .gitignore (use --no-ignore to scan them)\napiguard: wrote json report to out/report.json; 0 errors, 0 warnings in 0 files (0 files scanned, 2 ignored in <T> ms)\n',
    );
  });

  it('run from inside a git-ignored folder of a repository: the default path "." is excluded whole, and said so', () => {
    const dir = copyFixture('project');
    try {
      execFileSync('git', ['init', '--quiet', dir]);
      const run = runCli(['scan'], path.join(dir, 'generated'));
      assert.equal(run.stderr, 'apiguard: 1 file skipped: ignored by .gitignore (use --no-ignore to scan it)\n');
      assert.equal(normalizeDuration(runCli(['scan', '--no-ignore'], path.join(dir, 'generated')).stdout), `${staleAt('client.ts')}\n\n0 errors, 1 warning in 1 file (1 file scanned in <T> ms)\n`);
    } finally {
      removeDir(dir);
    }
  });

  it('routes: the same stderr line, and --no-ignore', () => {
    writeFile(project, 'generated/routes.ts', "import express from 'express';\nexport const router = express.Router();\nrouter.get('/generated', (req, res) => res.json([]));\n");
    try {
      const run = runCli(['routes', 'generated'], project);
      assert.equal(run.stderr, 'apiguard: 3 files skipped: ignored by .gitignore (use --no-ignore to scan them)\n');
      assert.match(run.stdout, /^0 routes/m);
      const unignored = runCli(['routes', 'generated', '--no-ignore'], project);
      assert.equal(unignored.stderr, '');
      assert.match(unignored.stdout, /^GET {2}\/generated {2}/m);
    } finally {
      removeDir(path.join(project, 'generated/routes.ts'));
    }
  });
});
