// Bad input through the real server: a broken apiguard.json, a 5 MB document, binary data and pathological
// nesting each get a clear diagnostic and a log line, and the server keeps answering.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, it } from 'node:test';
import { LspTestClient, makeProject, range } from './lsp-test-client';

const UNUSED = 'export function handler() {\n  // apiguard-ignore-next-line hardcoded-secret -- legacy key\n  return 1;\n}\n';
const BROKEN_CONFIG = '{\n  "rules": {\n    "hardcoded-secret": "loud"\n  }\n}\n';

describe('invalid apiguard.json', () => {
  it('puts an error on open files and at the error in the config, logs it, and recovers when the file is fixed', async () => {
    const root = makeProject({ 'package.json': '{}', 'apiguard.json': '{ "rules": { ', 'src/app.ts': UNUSED });
    const configPath = path.join(root, 'apiguard.json');
    const client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
    try {
      const uri = client.open('src/app.ts', UNUSED);
      const broken = await client.waitForDiagnostics(uri);
      assert.deepEqual(broken.diagnostics, [
        {
          range: range(0, 0, 0, 0),
          severity: 1,
          source: 'apiguard',
          code: 'invalid-config',
          message: `API Guard is not analysing this file: invalid config ${configPath}: invalid JSON at 1:14: close brace expected`,
        },
      ]);
      await client.waitForLog(new RegExp(`invalid config, not analysing .*app\\.ts: .*apiguard\\.json: invalid JSON at 1:14`));

      // The config open in the editor: its own diagnostic sits where the error is, and follows unsaved edits.
      const configUri = client.open('apiguard.json', BROKEN_CONFIG, 'json');
      const inConfig = await client.waitForDiagnostics(configUri);
      assert.deepEqual(inConfig.diagnostics.map((d) => [d.code, d.message]), [
        ['invalid-config', 'Invalid API Guard config: rules["hardcoded-secret"]: "loud" is not a severity (use "off", "hint", "info", "warning" or "error")'],
      ]);
      client.edit(configUri, 0, client.text(configUri).length, '{\n  "rules": { "hardcoded-secret": "warning" },\n  "bogus": 1,\n}\n');
      const unknownKey = await client.waitForCurrentDiagnostics(configUri);
      assert.equal(unknownKey.diagnostics[0]!.message, 'Invalid API Guard config: unknown key "bogus" (expected one of: rules, ignore, maxFileSize, maxFindingsPerFile, auth, specs)');
      client.edit(configUri, 0, client.text(configUri).length, '{\n  "rules": { "hardcoded-secret": "error" ');
      const syntax = await client.waitForCurrentDiagnostics(configUri);
      // Unexpected end of input: the error sits at the very end, after the trailing space.
      assert.deepEqual(syntax.diagnostics[0]!.range, range(1, 41, 1, 41));

      // Saving a valid config re-analyses the open files.
      const fixed = '{ "rules": { "hardcoded-secret": "error" } }\n';
      client.edit(configUri, 0, client.text(configUri).length, fixed);
      fs.writeFileSync(configPath, fixed);
      client.save(configUri);
      const recovered = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1 && p.diagnostics[0]!.code === 'unused-suppression');
      assert.deepEqual(recovered.diagnostics[0]!.range, range(1, 2, 1, 61));
      assert.deepEqual((await client.waitForCurrentDiagnostics(configUri)).diagnostics, []);

      // A change on disk reported by the client's file watcher does the same (here: the rule turned off).
      fs.writeFileSync(configPath, '{ "rules": { "hardcoded-secret": "off" } }\n');
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }] });
      const off = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
      assert.deepEqual(off.diagnostics, []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('an apiguard.json that turns invalid while the server runs', () => {
  it('keeps analysing with the last valid config, says so on each open file, and drops the notice once fixed', async () => {
    const root = makeProject({ 'package.json': '{}', 'apiguard.json': '{ "rules": { "hardcoded-secret": "error" } }\n', 'src/app.ts': UNUSED });
    const configPath = path.join(root, 'apiguard.json');
    const configChanged = () =>
      void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 2 }] });
    const client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
    try {
      const uri = client.open('src/app.ts', UNUSED);
      const valid = await client.waitForDiagnostics(uri);
      assert.deepEqual(valid.diagnostics.map((d) => d.code), ['unused-suppression']);

      fs.writeFileSync(configPath, BROKEN_CONFIG);
      configChanged();
      const fallback = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
      assert.deepEqual(fallback.diagnostics[0], {
        range: range(0, 0, 0, 0),
        severity: 2,
        source: 'apiguard',
        code: 'invalid-config',
        message: `API Guard is using the last valid config until this is fixed: invalid config ${configPath}: rules["hardcoded-secret"]: "loud" is not a severity (use "off", "hint", "info", "warning" or "error")`,
      });
      assert.deepEqual(fallback.diagnostics[1]!.code, 'unused-suppression');
      await client.waitForLog(/invalid config, analysing .*app\.ts with the last valid one: .*"loud" is not a severity/);

      // Edits keep both: the file is still analysed with the last valid config.
      client.edit(uri, 0, 0, '\n');
      const edited = await client.waitForCurrentDiagnostics(uri);
      assert.deepEqual(edited.diagnostics.map((d) => [d.code, d.range.start.line]), [['invalid-config', 0], ['unused-suppression', 2]]);

      fs.writeFileSync(configPath, '{ "rules": { "hardcoded-secret": "warning" } }\n');
      configChanged();
      const fixed = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      assert.deepEqual(fixed.diagnostics.map((d) => d.code), ['unused-suppression']);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});

describe('documents the server does not analyse', () => {
  it('skips a 5 MB document and a binary one with an information diagnostic and a log line, and stays responsive', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject({ 'package.json': '{}' }), flavour: 'plain' });
    try {
      const line = 'export const handlerValue = computeSomethingReasonablyLong(request.body.field, response);\n';
      const big = line.repeat(Math.ceil((5 * 1024 * 1024) / line.length));
      const bigUri = client.open('src/huge.ts', big);
      const skipped = await client.waitForDiagnostics(bigUri);
      assert.deepEqual(skipped.diagnostics, [
        {
          range: range(0, 0, 0, 0),
          severity: 3,
          source: 'apiguard',
          code: 'skipped-file',
          message: 'API Guard skipped: file is 5.0 MB, over the 1.0 MB limit (raise "maxFileSize" in apiguard.json to analyse it)',
        },
      ]);
      await client.waitForLog(/huge\.ts: skipped: file is 5\.0 MB/);
      // Typing in it keeps the skip (and is not logged again on each keystroke).
      client.edit(bigUri, 0, 0, 'x');
      assert.equal((await client.waitForCurrentDiagnostics(bigUri)).diagnostics[0]!.code, 'skipped-file');
      assert.equal(client.logs.filter((l) => /huge\.ts: skipped/.test(l.message)).length, 1);

      const binary = 'PK\u0003\u0004\u0000\u0000' + 'garbage\u0000'.repeat(100);
      const binaryUri = client.open('src/blob.js', binary);
      const binarySkipped = await client.waitForDiagnostics(binaryUri);
      assert.deepEqual(binarySkipped.diagnostics.map((d) => [d.severity, d.code, d.message]), [[3, 'skipped-file', 'API Guard skipped: binary content (NUL bytes)']]);

      const deep = `export const x = ${'[\n'.repeat(50_000)}1${']'.repeat(50_000)};\n`;
      const deepUri = client.open('src/deep.ts', deep);
      const deepResult = await client.waitForDiagnostics(deepUri);
      assert.deepEqual(deepResult.diagnostics.map((d) => [d.code, d.message]), [['skipped-file', "API Guard skipped: nested too deeply to parse (TypeScript's parser ran out of stack)"]]);

      // Still answering: a normal file right after gets its diagnostics.
      const uri = client.open('src/normal.ts', UNUSED);
      assert.equal((await client.waitForDiagnostics(uri)).diagnostics[0]!.code, 'unused-suppression');
      assert.ok(client.isAlive);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
