// The bundled example spec is the README's demonstration: every flaw its comments announce ("# FLAW (spec/…)") must
// be found right below the comment, and no spec error or warning may appear anywhere a comment does not announce one.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** How far below its comment a flaw may be reported (the comment sits on the key or just above the property). */
const REACH = 8;

interface JsonFinding {
  ruleId: string;
  severity: string;
  file: string;
  line: number;
  message: string;
}

describe('examples/openapi.yaml', () => {
  it('finds each announced flaw below its comment, and no unannounced spec error or warning', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'scan', 'examples', '--format', 'json', '--fail-on', 'never'], { cwd: REPO_ROOT, encoding: 'utf8' });
    assert.equal(result.status, 0, result.stderr);
    const findings = (JSON.parse(result.stdout).findings as JsonFinding[]).filter((finding) => finding.file === 'examples/openapi.yaml');
    const lines = fs.readFileSync(path.join(REPO_ROOT, 'examples/openapi.yaml'), 'utf8').split('\n');
    const announced: { line: number; ruleIds: string[] }[] = [];
    lines.forEach((text, index) => {
      const match = /#\s*FLAW \(([^)]*)\)/.exec(text);
      if (match) announced.push({ line: index + 1, ruleIds: match[1]!.split(/,\s*/).filter((id) => id.startsWith('spec/')) });
    });
    assert.ok(announced.length >= 10, 'the example announces its flaws');
    const missing: string[] = [];
    for (const { line, ruleIds } of announced) {
      for (const ruleId of ruleIds) {
        // spec ↔ code findings about the spec's promises land in the code (auth-mismatch) or on the operation.
        if (ruleId === 'spec/auth-mismatch') continue;
        if (!findings.some((finding) => finding.ruleId === ruleId && finding.line > line && finding.line <= line + REACH)) missing.push(`${ruleId} announced at line ${line}`);
      }
    }
    assert.deepEqual(missing, []);
    const unannounced = findings
      .filter((finding) => finding.severity === 'error' || finding.severity === 'warning')
      .filter((finding) => !announced.some(({ line, ruleIds }) => ruleIds.includes(finding.ruleId) && finding.line > line && finding.line <= line + REACH))
      .map((finding) => `${finding.line} ${finding.ruleId}: ${finding.message}`);
    assert.deepEqual(unannounced, []);
  });

  it('the code side: GET /users breaks the spec\'s security, POST /account/delete is the one undocumented route', () => {
    const result = spawnSync(process.execPath, [path.join(REPO_ROOT, 'dist/cli.js'), 'scan', 'examples', '--format', 'json', '--fail-on', 'never'], { cwd: REPO_ROOT, encoding: 'utf8' });
    const findings = (JSON.parse(result.stdout).findings as JsonFinding[]).filter((finding) => finding.ruleId === 'spec/auth-mismatch' || finding.ruleId === 'spec/undocumented-route');
    assert.deepEqual(
      findings.map((finding) => `${finding.file}:${finding.line} ${finding.severity} ${finding.ruleId}`),
      ['examples/src/routes/account.ts:8 warning spec/undocumented-route', 'examples/src/routes/users.ts:11 error spec/auth-mismatch'],
    );
  });
});
