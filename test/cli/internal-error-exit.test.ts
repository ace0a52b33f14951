// A rule that throws on a file is skipped there (internal-error): the run is not clean, so the CLI fails it at
// the default --fail-on, and only --fail-on never exits 0. In-process, with a throwing rule added to ALL_RULES.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import * as ts from 'typescript';
import { ALL_RULES } from '../../rules';
import { defineRule, type Rule } from '../../rules/support/rule';
import { EXIT_FINDINGS, EXIT_OK, runCli } from '../../server/cli/main';

const throwsOnCalls = defineRule<{}, 'never'>({
  meta: {
    id: 'throws-on-calls',
    description: 'test rule that always throws',
    category: 'injection',
    defaultSeverity: 'hint',
    confidence: 'high',
    cwe: [],
    owaspApi: '',
    frameworks: [],
    requiresTypes: false,
    fixable: false,
    messages: { never: 'never' },
  },
  defaultOptions: {},
  create: () => ({
    [ts.SyntaxKind.CallExpression]: () => {
      throw new Error('boom on purpose');
    },
  }),
});

function scan(cwd: string, args: string[]): { status: number; stdout: string } {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  const status = runCli(['scan', ...args], { stdout, stderr: new PassThrough(), cwd, env: {} });
  return { status, stdout: text };
}

describe('apiguard scan: a rule that failed on a file', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-internal-error-'));
    fs.writeFileSync(path.join(dir, 'app.ts'), 'export const x = String(1);\n');
    (ALL_RULES as Rule<any>[]).push(throwsOnCalls);
  });
  after(() => {
    (ALL_RULES as Rule<any>[]).splice(ALL_RULES.indexOf(throwsOnCalls), 1);
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('exits 1 at the default --fail-on error although internal-error is only a warning', () => {
    const run = scan(dir, []);
    assert.match(run.stdout, /^app\.ts:1:1 {2}warning {2}internal-error {2}API Guard rule "throws-on-calls" failed on this file and was skipped: boom on purpose\n/);
    assert.equal(run.status, EXIT_FINDINGS);
  });

  it('exits 1 at --fail-on warning and 0 at --fail-on never', () => {
    assert.equal(scan(dir, ['--fail-on', 'warning']).status, EXIT_FINDINGS);
    assert.equal(scan(dir, ['--fail-on', 'never']).status, EXIT_OK);
  });

  it('stays shown and fails the scan at any --min-severity: it is why the run is not clean', () => {
    const run = scan(dir, ['--min-severity', 'error']);
    assert.match(run.stdout, /^app\.ts:1:1 {2}warning {2}internal-error {2}API Guard rule "throws-on-calls" failed on this file/);
    assert.match(run.stdout, /\n\n0 errors, 1 warning in 1 file \(1 file scanned in \d+ ms\)\n$/, 'counted as shown: nothing "not shown"');
    assert.equal(run.status, EXIT_FINDINGS);
  });

  it('a file no rule fails on still exits 0', () => {
    fs.writeFileSync(path.join(dir, 'app.ts'), 'export const x = 1;\n');
    assert.equal(scan(dir, []).status, EXIT_OK);
  });
});
