// Line numbers in `apiguard scan` output are the editor's (LSP's line breaks: `\n`, `\r\n`, lone `\r`), not
// JavaScript's (which add U+2028 and U+2029); fingerprints do not depend on which line break a file uses.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fingerprintFindings } from '../../server/engine/workspace-scan';
import { normalizeDuration, removeDir, runCli, writeFile } from './support';

const lines = ['// note\u2028more', '// apiguard-ignore-next-line hardcoded-secret -- stale', 'export const a = 1;', ''];

describe('apiguard scan: line numbers', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-positions-'));
    writeFile(project, 'package.json', '{}\n');
    writeFile(project, 'src/lf.ts', lines.join('\n'));
    writeFile(project, 'src/cr.ts', lines.join('\r'));
  });
  after(() => removeDir(project));

  it('text: a U+2028 in a comment does not push findings down, and a lone \\r ends a line', () => {
    const run = runCli(['scan'], project);
    assert.equal(
      normalizeDuration(run.stdout),
      'src/cr.ts:2:1  warning  unused-suppression  Unused suppression: no "hardcoded-secret" finding on line 3. Remove the comment.\n' +
        'src/lf.ts:2:1  warning  unused-suppression  Unused suppression: no "hardcoded-secret" finding on line 3. Remove the comment.\n' +
        '\n' +
        '0 errors, 2 warnings in 2 files (2 files scanned in <T> ms)\n',
    );
  });

  it('json: the same lines and columns, and LSP line counts', () => {
    const report = JSON.parse(runCli(['scan', '--format', 'json'], project).stdout);
    assert.equal(report.summary.linesScanned, 8);
    assert.deepEqual(
      report.findings.map((f: any) => [f.file, f.line, f.column, f.endLine, f.endColumn]),
      [['src/cr.ts', 2, 1, 2, 55], ['src/lf.ts', 2, 1, 2, 55]],
    );
  });

  it('fingerprints hash the finding\'s editor line, whichever line break ends it', () => {
    const finding = { ruleId: 'r', messageId: 'm', severity: 'warning' as const, message: 'm', filePath: '/p/a.ts', fixes: [], data: {} };
    const at = { range: { start: { line: 1, character: 0 }, end: { line: 1, character: 2 } } };
    const fingerprint = (text: string) => fingerprintFindings([{ ...finding, ...at }], text, 'a.ts')[0]!.fingerprint;
    const lf = fingerprint(lines.join('\n'));
    assert.equal(fingerprint(lines.join('\r')), lf);
    assert.equal(fingerprint(lines.join('\r\n')), lf);
    // Another line there is another fingerprint: the line is what is hashed.
    assert.notEqual(fingerprint(['x', 'y', 'z'].join('\r')), lf);
  });
});
