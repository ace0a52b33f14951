// What the report webview may ask of the extension: every message is checked before anything opens or is
// written, since the page shows untrusted text (file names, messages quoting source code).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { checkReportMessage, EXPORT_FILE_TYPES, REPORT_EXPORT_FORMATS } from '../../client/report-messages';

const FOLDERS = ['/home/dev/shop', '/home/dev/shared'];
const range = { line: 3, character: 23, endLine: 3, endCharacter: 45 };

describe('report webview messages', () => {
  it('open: a file: URI inside a workspace folder, with its 0-based range, becomes an absolute path', () => {
    assert.deepEqual(checkReportMessage({ type: 'open', file: 'file:///home/dev/shop/src/app.ts', ...range }, FOLDERS, path.posix), {
      ok: true,
      message: { type: 'open', filePath: '/home/dev/shop/src/app.ts', ...range },
    });
    // Percent-encoded names (spaces, unicode) are decoded; the second folder counts as much as the first.
    assert.deepEqual(checkReportMessage({ type: 'open', file: 'file:///home/dev/shared/caf%C3%A9%20menu.ts', line: 0, character: 0, endLine: 0, endCharacter: 0 }, FOLDERS, path.posix), {
      ok: true,
      message: { type: 'open', filePath: '/home/dev/shared/café menu.ts', line: 0, character: 0, endLine: 0, endCharacter: 0 },
    });
  });

  it('open: Windows file URIs map to drive paths, compared with the Windows path rules (drive letters in any case)', () => {
    assert.deepEqual(checkReportMessage({ type: 'open', file: 'file:///c%3A/work/api/src/a.ts', ...range }, ['C:\\work\\api'], path.win32), {
      ok: true,
      message: { type: 'open', filePath: 'c:\\work\\api\\src\\a.ts', ...range },
    });
    assert.deepEqual(checkReportMessage({ type: 'open', file: 'file:///D:/work/api/src/a.ts', ...range }, ['C:\\work\\api'], path.win32), {
      ok: false,
      reason: 'outside the workspace folders: "file:///D:/work/api/src/a.ts"',
    });
  });

  it('open: files outside every folder, climbing out with .., or named by a sibling prefix are refused', () => {
    const refused = (file: string) => checkReportMessage({ type: 'open', file, ...range }, FOLDERS, path.posix);
    assert.deepEqual(refused('file:///etc/passwd'), { ok: false, reason: 'outside the workspace folders: "file:///etc/passwd"' });
    assert.deepEqual(refused('file:///home/dev/shop/../../../etc/passwd'), { ok: false, reason: 'outside the workspace folders: "file:///home/dev/shop/../../../etc/passwd"' });
    assert.deepEqual(refused('file:///home/dev/shop%2F..%2F..%2Fetc/passwd'), { ok: false, reason: 'not a file: URI: "file:///home/dev/shop%2F..%2F..%2Fetc/passwd"' });
    assert.deepEqual(refused('file:///home/dev/shopping/src/a.ts'), { ok: false, reason: 'outside the workspace folders: "file:///home/dev/shopping/src/a.ts"' });
    // The folder itself is not a file to open.
    assert.deepEqual(refused('file:///home/dev/shop'), { ok: false, reason: 'outside the workspace folders: "file:///home/dev/shop"' });
    assert.deepEqual(checkReportMessage({ type: 'open', file: 'file:///home/dev/shop/a.ts', ...range }, [], path.posix), {
      ok: false,
      reason: 'outside the workspace folders: "file:///home/dev/shop/a.ts"',
    });
  });

  it('open: other schemes, network shares, queries, relative paths and non-strings are refused', () => {
    const refused = (file: unknown) => checkReportMessage({ type: 'open', file, ...range }, FOLDERS, path.posix);
    assert.deepEqual(refused('https://evil.example/home/dev/shop/a.ts'), { ok: false, reason: 'not a file: URI: "https://evil.example/home/dev/shop/a.ts"' });
    assert.deepEqual(refused('command:workbench.action.terminal.new'), { ok: false, reason: 'not a file: URI: "command:workbench.action.terminal.new"' });
    assert.deepEqual(refused('file://attacker/home/dev/shop/a.ts'), { ok: false, reason: 'not a file: URI: "file://attacker/home/dev/shop/a.ts"' });
    assert.deepEqual(refused('file:///home/dev/shop/a.ts?x=1'), { ok: false, reason: 'not a file: URI: "file:///home/dev/shop/a.ts?x=1"' });
    assert.deepEqual(refused('src/app.ts'), { ok: false, reason: 'not a file: URI: "src/app.ts"' });
    assert.deepEqual(refused(42), { ok: false, reason: 'file is not a string' });
  });

  it('open: positions must be non-negative integers in order', () => {
    const file = 'file:///home/dev/shop/a.ts';
    assert.deepEqual(checkReportMessage({ type: 'open', file, ...range, line: -1 }, FOLDERS, path.posix), { ok: false, reason: 'line is not a position: -1' });
    assert.deepEqual(checkReportMessage({ type: 'open', file, ...range, character: 1.5 }, FOLDERS, path.posix), { ok: false, reason: 'character is not a position: 1.5' });
    assert.deepEqual(checkReportMessage({ type: 'open', file, ...range, endLine: '3' }, FOLDERS, path.posix), { ok: false, reason: 'endLine is not a position: "3"' });
    assert.deepEqual(checkReportMessage({ type: 'open', file, line: 3, character: 0, endLine: 3 }, FOLDERS, path.posix), { ok: false, reason: 'endCharacter is not a position: undefined' });
    assert.deepEqual(checkReportMessage({ type: 'open', file, line: 4, character: 0, endLine: 3, endCharacter: 9 }, FOLDERS, path.posix), { ok: false, reason: 'the range ends before it starts' });
    assert.deepEqual(checkReportMessage({ type: 'open', file, line: 3, character: 9, endLine: 3, endCharacter: 2 }, FOLDERS, path.posix), { ok: false, reason: 'the range ends before it starts' });
  });

  it('refresh, export and showDocs: known values only; extra fields are dropped', () => {
    assert.deepEqual(checkReportMessage({ type: 'refresh', extra: '<script>' }, FOLDERS), { ok: true, message: { type: 'refresh' } });
    for (const format of REPORT_EXPORT_FORMATS) assert.deepEqual(checkReportMessage({ type: 'export', format }, FOLDERS), { ok: true, message: { type: 'export', format } });
    assert.deepEqual(checkReportMessage({ type: 'export', format: 'pdf' }, FOLDERS), { ok: false, reason: 'unknown export format "pdf"' });
    assert.deepEqual(checkReportMessage({ type: 'export' }, FOLDERS), { ok: false, reason: 'unknown export format undefined' });
    assert.deepEqual(checkReportMessage({ type: 'showDocs', ruleId: 'hardcoded-secret' }, FOLDERS), { ok: true, message: { type: 'showDocs', ruleId: 'hardcoded-secret' } });
    assert.deepEqual(checkReportMessage({ type: 'showDocs', ruleId: 'spec/undefined-security-scheme' }, FOLDERS), { ok: true, message: { type: 'showDocs', ruleId: 'spec/undefined-security-scheme' } });
    assert.deepEqual(checkReportMessage({ type: 'showDocs', ruleId: '../../secrets' }, FOLDERS), { ok: false, reason: 'not a rule id: "../../secrets"' });
    assert.deepEqual(checkReportMessage({ type: 'showDocs', ruleId: 'Hardcoded Secret' }, FOLDERS), { ok: false, reason: 'not a rule id: "Hardcoded Secret"' });
  });

  it('anything else is ignored with a short, one-line reason', () => {
    assert.deepEqual(checkReportMessage(null, FOLDERS), { ok: false, reason: 'not an object' });
    assert.deepEqual(checkReportMessage('open', FOLDERS), { ok: false, reason: 'not an object' });
    assert.deepEqual(checkReportMessage([{ type: 'refresh' }], FOLDERS), { ok: false, reason: 'not an object' });
    assert.deepEqual(checkReportMessage({ type: 'runCommand', command: 'rm' }, FOLDERS), { ok: false, reason: 'unknown message type "runCommand"' });
    const long = checkReportMessage({ type: 'x'.repeat(200) }, FOLDERS);
    assert.deepEqual(long, { ok: false, reason: `unknown message type "${'x'.repeat(76)}…` });
  });

  it('each export format has its file extension and dialog filter', () => {
    assert.deepEqual(
      REPORT_EXPORT_FORMATS.map((format) => [format, EXPORT_FILE_TYPES[format].extension, EXPORT_FILE_TYPES[format].filterName]),
      [
        ['html', 'html', 'HTML'],
        ['markdown', 'md', 'Markdown'],
        ['json', 'json', 'JSON'],
        ['sarif', 'sarif', 'SARIF'],
      ],
    );
  });
});
