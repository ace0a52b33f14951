// Push diagnostics through the real bundled server over stdio: what a plain client (Neovim, Eglot) and VS Code
// receive on open and on change, with exact ranges, codes and versions, and how bursts of edits are coalesced.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

const UNUSED = [
  'export function handler() {',
  '  // apiguard-ignore-next-line hardcoded-secret -- legacy key',
  '  return 1;',
  '}',
  '',
].join('\n');

const unusedSuppressionDiagnostic = (line: number, character: number, endCharacter: number, targetLine: number) => ({
  range: range(line, character, line, endCharacter),
  severity: 2,
  source: 'apiguard',
  code: 'unused-suppression',
  codeDescription: { href: docsHref('engine/unused-suppression.md') },
  message: `Unused suppression: no "hardcoded-secret" finding on line ${targetLine}. Remove the comment.`,
  tags: [1],
});

describe('diagnostics (plain client: no workspace/configuration, no dynamic registration)', () => {
  let client: LspTestClient;
  before(async () => {
    client = await LspTestClient.start({ rootDir: makeProject({ 'package.json': '{}' }), flavour: 'plain' });
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('publishes on open with source, code, doc link, severity, tag and the document version', async () => {
    const uri = client.open('src/open.ts', UNUSED);
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 0);
    assert.deepEqual(published.diagnostics, [unusedSuppressionDiagnostic(1, 2, 61, 3)]);
    assert.equal(client.configurationRequests.length, 0, 'never asks a client that did not declare workspace/configuration');
    assert.equal(client.registrations.length, 0, 'no dynamic registration for a client that does not support it');
  });

  it('follows incremental edits, in UTF-16 positions, and clears the diagnostic when the cause goes', async () => {
    const uri = client.open('src/edit.ts', UNUSED);
    await client.waitForDiagnostics(uri);
    // Two changes in one message, each relative to the text after the previous one; the emoji is 2 UTF-16 units.
    client.change(uri, [
      { range: range(0, 0, 0, 0), text: '// 🔑🔑\n' },
      { range: range(2, 0, 2, 2), text: '    const note = "🔑"; ' },
    ]);
    const moved = await client.waitForCurrentDiagnostics(uri);
    assert.equal(moved.version, 1);
    assert.equal(client.text(uri).split('\n')[2], '    const note = "🔑"; // apiguard-ignore-next-line hardcoded-secret -- legacy key');
    // The comment now starts after `    const note = "🔑"; ` = 4 + 19 + ... UTF-16 units: 22 characters with the emoji as 2.
    assert.deepEqual(moved.diagnostics, [unusedSuppressionDiagnostic(2, 23, 82, 4)]);

    const text = client.text(uri);
    const commentStart = text.indexOf('// apiguard-ignore');
    client.edit(uri, commentStart, text.indexOf('\n', commentStart), '');
    const cleared = await client.waitForCurrentDiagnostics(uri);
    assert.deepEqual(cleared.diagnostics, []);
  });

  it('coalesces a burst of edits into few analyses and never publishes an older version after a newer one', async () => {
    const uri = client.open('src/burst.ts', UNUSED);
    await client.waitForDiagnostics(uri);
    const firstIndex = client.published.length;
    // 40 keystrokes written back to back (Neovim jumps versions: step 3), then one more that adds a finding.
    for (let i = 0; i < 40; i++) client.change(uri, [{ range: range(3, 1, 3, 1), text: ' ' }], 3);
    const finalVersion = client.edit(uri, client.text(uri).length, client.text(uri).length, '// apiguard-ignore-next-line hardcoded-secret -- gone\n');
    const final = await client.waitForDiagnostics(uri, (params) => params.version === finalVersion);
    assert.equal(final.diagnostics.length, 2);
    assert.deepEqual(final.diagnostics[1]!.range, range(4, 0, 4, 53));
    const versions = client.published.slice(firstIndex).filter((p) => p.uri === uri).map((p) => p.version!);
    assert.deepEqual(versions, [...versions].sort((a, b) => a - b), `versions out of order: ${versions}`);
    assert.ok(versions.length <= 5, `expected the burst to collapse, got ${versions.length} publishes: ${versions}`);
    assert.equal(versions.at(-1), finalVersion);
  });

  it('accepts languageId variants (Eglot sends "js") and analyses JavaScript like TypeScript', async () => {
    const uri = client.open('src/legacy.js', UNUSED, 'js');
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, [unusedSuppressionDiagnostic(1, 2, 61, 3)]);
  });

  it('still diagnoses broken TypeScript', async () => {
    const broken = 'export function handler( {\n  const x = ;\n  // apiguard-ignore-next-line hardcoded-secret -- legacy key\n  return <<>>;\n';
    const uri = client.open('src/broken.ts', broken);
    const published = await client.waitForDiagnostics(uri);
    assert.deepEqual(published.diagnostics, [unusedSuppressionDiagnostic(2, 2, 61, 4)]);
  });

  it('leaves files it does not analyse alone, and clears diagnostics on close', async () => {
    const readme = client.open('README.md', '# apiguard-ignore-next-line hardcoded-secret\n', 'markdown');
    const uri = client.open('src/closing.ts', UNUSED);
    await client.waitForDiagnostics(uri);
    const cleared = client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 0 && params.version === undefined);
    client.close(uri);
    await cleared;
    assert.equal(client.published.filter((p) => p.uri === readme).length, 0);
  });
});

describe('diagnostics (VS Code-like client: workspace/configuration, dynamic registration)', () => {
  it('asks for settings with a section, registers watchers, and honours "enable" and "run"', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject(), flavour: 'vscode', settings: { run: 'onSave', trace: { server: 'verbose' } } });
    try {
      const uri = client.open('src/app.ts', UNUSED);
      await client.waitForDiagnostics(uri, (params) => params.diagnostics.length === 1);
      await client.waitForLog(/^settings: .*"run":"onSave"/);
      assert.ok(client.configurationRequests.length >= 1);
      for (const request of client.configurationRequests as { items: { section?: string }[] }[]) {
        assert.ok(request.items.every((item) => item.section === 'apiguard'), 'every configuration item has a section');
      }
      const watchers = JSON.stringify(client.registrations);
      assert.match(watchers, /workspace\/didChangeWatchedFiles/);
      assert.match(watchers, /\*\*\/apiguard\.json/);

      // run: onSave — a change publishes nothing until the save.
      const text = client.text(uri);
      const commentStart = text.indexOf('// apiguard-ignore');
      const edited = client.edit(uri, commentStart, text.indexOf('\n', commentStart), '');
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.equal(client.published.filter((p) => p.uri === uri && p.version === edited).length, 0, 'no analysis on type with run: onSave');
      client.save(uri);
      const saved = await client.waitForDiagnostics(uri, (params) => params.version === edited);
      assert.deepEqual(saved.diagnostics, []);
      assert.ok(client.logs.some((log) => /analysed .*app\.ts v\d+ in [\d.]+ ms/.test(log.message)), 'trace logs timings');

      // enable: false pushed through didChangeConfiguration clears everything.
      const other = client.open('src/other.ts', UNUSED);
      await client.waitForDiagnostics(other, (params) => params.diagnostics.length === 1);
      const disabled = client.waitForDiagnostics(other, (params) => params.diagnostics.length === 0);
      void client.connection.sendNotification('workspace/didChangeConfiguration', { settings: { apiguard: { enable: false } } });
      await disabled;
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
