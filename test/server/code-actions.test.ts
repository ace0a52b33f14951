// Code actions through the real server: found from a zero-width cursor range (Neovim) without relying on
// context.diagnostics, edits inline and version-exact, resolve as identity, fix-all, and the fix command's
// checks of its arguments (its flow is in secrets-flow.test.ts).
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';

const APPLY_FIX = 'apiguard.applyFix';

const TWO_UNUSED = [
  'export function handler() {',
  '  // apiguard-ignore-next-line hardcoded-secret -- legacy key',
  '  const a = 1;',
  '  return a; // apiguard-ignore hardcoded-secret -- old',
  '}',
  '',
].join('\n');

describe('code actions', () => {
  let client: LspTestClient;
  let root: string;
  before(async () => {
    root = makeProject({ 'package.json': '{}', '.gitignore': 'node_modules\n' });
    client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
  });
  after(async () => assert.equal(await client.stop(), 0));

  it('offers the fix at a zero-width cursor range with no context diagnostics, and the edit removes the finding', async () => {
    const uri = client.open('src/cursor.ts', TWO_UNUSED);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
    client.change(uri, [{ range: range(4, 1, 4, 1), text: '\n' }], 5);
    await client.waitForCurrentDiagnostics(uri);
    const actions = (await client.codeActions(uri, range(3, 20, 3, 20))) as CodeAction[];
    const quickfixes = actions.filter((a) => a.kind === 'quickfix');
    assert.deepEqual(quickfixes.map((a) => a.title), ['Remove unused suppression', 'Show documentation for "unused-suppression"']);
    const [fix] = quickfixes;
    assert.equal(fix!.isPreferred, true);
    assert.equal(fix!.diagnostics![0]!.code, 'unused-suppression');
    assert.deepEqual(fix!.diagnostics![0]!.range, range(3, 12, 3, 54));
    // The edit is inline (Eglot never resolves) and carries the exact current version (Neovim jumped to 5).
    assert.deepEqual(fix!.edit, {
      documentChanges: [{ textDocument: { uri, version: 5 }, edits: [{ range: range(3, 11, 3, 54), newText: '' }] }],
    });
    assert.equal(fix!.command, undefined);
    await client.applyCodeAction(fix!);
    assert.equal(client.text(uri).split('\n')[3], '  return a;');
    const after = await client.waitForCurrentDiagnostics(uri);
    assert.deepEqual(after.diagnostics.map((d) => d.range), [range(1, 2, 1, 61)]);
  });

  it('offers nothing for a range that touches no finding', async () => {
    const uri = client.open('src/elsewhere.ts', TWO_UNUSED);
    await client.waitForDiagnostics(uri);
    const actions = (await client.codeActions(uri, range(2, 2, 2, 7), ['quickfix'])) as CodeAction[];
    assert.deepEqual(actions, []);
  });

  it('resolve returns any action unchanged, with or without data', async () => {
    const commandOnly = { title: 'x', kind: 'quickfix', command: { title: 'x', command: APPLY_FIX, arguments: [{}] } };
    assert.deepEqual(await client.connection.sendRequest('codeAction/resolve', commandOnly), commandOnly);
    const withData = { title: 'y', data: { anything: 1 } };
    assert.deepEqual(await client.connection.sendRequest('codeAction/resolve', withData), withData);
  });

  it('fix-all applies every safe fix in one version-exact edit', async () => {
    const uri = client.open('src/fixall.ts', TWO_UNUSED);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
    const actions = (await client.codeActions(uri, range(0, 0, 0, 0), ['source.fixAll'])) as CodeAction[];
    assert.deepEqual(actions.map((a) => [a.kind, a.title]), [['source.fixAll.apiguard', 'Fix all safely fixable API Guard problems']]);
    await client.applyCodeAction(actions[0]!);
    assert.equal(client.text(uri), 'export function handler() {\n  const a = 1;\n  return a;\n}\n');
    const after = await client.waitForCurrentDiagnostics(uri);
    assert.deepEqual(after.diagnostics, []);
    // Nothing left to fix: no fix-all action at all.
    assert.deepEqual(await client.codeActions(uri, range(0, 0, 0, 0), ['source.fixAll']), []);
  });

  it(`${APPLY_FIX} rejects malformed arguments and a stale document version, with an error shown and logged`, async () => {
    await client.executeCommand(APPLY_FIX, [{ uri: 'file:///x.ts', newText: 3 }]);
    await client.waitForLog(/apiguard\.applyFix failed: expected one argument: \{ uri, version, ruleId, range, title \}/);
    assert.equal((await client.nextShownMessage()).type, 1);
    const uri = client.open('src/stale.ts', TWO_UNUSED);
    await client.executeCommand(APPLY_FIX, [{ uri, version: 7, ruleId: 'unused-suppression', range: range(1, 2, 1, 61), title: 'Remove unused suppression' }]);
    await client.waitForLog(/apiguard\.applyFix failed: the file changed; request the fix again/);
    assert.deepEqual(await client.nextShownMessage(), { type: 1, message: 'API Guard did not apply the fix: the file changed; request the fix again' });
    assert.equal(client.text(uri), TWO_UNUSED);
    assert.ok(client.isAlive);
  });
});
