// "Show documentation for <rule>" and "Disable <rule> for this folder" through the real bundled server: the page
// opened with window/showDocument (or shown as a link for clients without it), and apiguard.json created,
// edited on disk with its comments and options kept, or edited through workspace/applyEdit when it is open.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

const SOURCE = ["export const dbPassword = 'hunter2-but-longer';", ''].join('\n');
const RULE = 'hardcoded-secret';

describe('rule actions: documentation and disabling', () => {
  let client: LspTestClient | undefined;
  afterEach(async () => {
    await client?.stop();
    client = undefined;
  });

  async function openWithFinding(flavour: 'plain' | 'vscode', files: Record<string, string> = {}, file = 'src/config.ts', source = SOURCE): Promise<{ client: LspTestClient; uri: string; actions: CodeAction[] }> {
    const rootDir = makeProject({ 'package.json': '{}', ...files });
    client = await LspTestClient.start({ rootDir, flavour });
    const uri = client.open(file, source);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === RULE));
    const actions = (await client.codeActions(uri, range(0, 30, 0, 30))) as CodeAction[];
    return { client, uri, actions };
  }

  it('offers both after the fixes, with their commands inline (no resolve needed)', async () => {
    const { uri, actions } = await openWithFinding('plain');
    const titles = actions.map((action) => action.title);
    assert.deepEqual(titles.slice(-2), [`Show documentation for "${RULE}"`, `Disable "${RULE}" for this folder`]);
    assert.ok(titles.indexOf('Move to an environment variable') < titles.indexOf(`Show documentation for "${RULE}"`), titles.join(' | '));
    const [show, disable] = actions.slice(-2);
    assert.deepEqual(show!.command, { title: `Show documentation for "${RULE}"`, command: 'apiguard.showRuleDocs', arguments: [{ ruleId: RULE }] });
    assert.deepEqual(disable!.command, { title: `Disable "${RULE}" for this folder`, command: 'apiguard.disableRule', arguments: [{ uri, ruleId: RULE }] });
    assert.equal(show!.kind, 'quickfix');
    assert.equal(show!.diagnostics?.[0]?.code, RULE);
  });

  for (const [file, source] of [
    ['src/config.js', "const dbPassword = 'hunter2-but-longer';\nmodule.exports = { dbPassword };\n"],
    ['src/config.mjs', "export const dbPassword = 'hunter2-but-longer';\n"],
  ] as const) {
    it(`offers both in JavaScript too (${file}), and disabling clears the finding`, async () => {
      const { client, uri, actions } = await openWithFinding('plain', {}, file, source);
      assert.deepEqual(actions.map((action) => action.title).slice(-2), [`Show documentation for "${RULE}"`, `Disable "${RULE}" for this folder`]);
      await client.applyCodeAction(actions.at(-1)!);
      await client.waitForDiagnostics(uri, (params) => params.diagnostics.every((diagnostic) => diagnostic.code !== RULE));
    });
  }

  it('shows the shipped page with window/showDocument where the client has it', async () => {
    const { client, actions } = await openWithFinding('vscode');
    await client.applyCodeAction(actions.find((action) => action.title === `Show documentation for "${RULE}"`)!);
    assert.deepEqual(client.shownDocuments, [{ uri: docsHref('rules/hardcoded-secret.md'), external: false, takeFocus: true }]);
  });

  it('shows the link in a message to clients without window/showDocument (Neovim 0.7, Eglot)', async () => {
    const { client, actions } = await openWithFinding('plain');
    await client.applyCodeAction(actions.find((action) => action.title === `Show documentation for "${RULE}"`)!);
    assert.deepEqual(client.shownMessages, [{ type: 3, message: `Documentation for "${RULE}": ${docsHref('rules/hardcoded-secret.md')}` }]);
  });

  it('refuses an id that is no rule, without opening anything', async () => {
    const { client } = await openWithFinding('vscode');
    await client.executeCommand('apiguard.showRuleDocs', [{ ruleId: '../../../etc/passwd' }]);
    await client.executeCommand('apiguard.disableRule', [{ uri: client.uriOf('src/config.ts'), ruleId: 'unused-suppression' }]);
    assert.deepEqual(client.shownDocuments, []);
    assert.deepEqual(client.shownMessages, [
      { type: 1, message: 'API Guard could not show the documentation: unknown rule "../../../etc/passwd"' },
      { type: 1, message: 'API Guard did not disable the rule: "unused-suppression" is not a rule that apiguard.json can turn off' },
    ]);
  });

  it('creates apiguard.json at the workspace folder root when none applies, and the finding goes', async () => {
    const { client, uri, actions } = await openWithFinding('vscode');
    await client.applyCodeAction(actions.find((action) => action.title === `Disable "${RULE}" for this folder`)!);
    assert.equal(fs.readFileSync(path.join(client.options.rootDir, 'apiguard.json'), 'utf8'), `{\n  "rules": {\n    "hardcoded-secret": "off"\n  }\n}\n`);
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.every((diagnostic) => diagnostic.code !== RULE));
  });

  it('edits the nearest apiguard.json on disk, keeping comments, indentation and the rule\'s options', async () => {
    const config = ['{', '\t// team settings', '\t"rules": {', '\t\t"hardcoded-secret": { "severity": "error", "options": { "ignoreTestFiles": false } }', '\t},', '\t"ignore": ["dist/**"]', '}', ''].join('\n');
    const { client, uri, actions } = await openWithFinding('plain', { 'src/apiguard.json': config });
    await client.applyCodeAction(actions.find((action) => action.title === `Disable "${RULE}" for this folder`)!);
    assert.equal(
      fs.readFileSync(path.join(client.options.rootDir, 'src/apiguard.json'), 'utf8'),
      ['{', '\t// team settings', '\t"rules": {', '\t\t"hardcoded-secret": { "severity": "off", "options": { "ignoreTestFiles": false } }', '\t},', '\t"ignore": ["dist/**"]', '}', ''].join('\n'),
    );
    assert.equal(fs.existsSync(path.join(client.options.rootDir, 'apiguard.json')), false, 'no second config at the root');
    await client.waitForDiagnostics(uri, (params) => params.diagnostics.every((diagnostic) => diagnostic.code !== RULE));
  });

  it('adds the rule to an existing "rules" object in the indentation of the file', async () => {
    const config = '{\n    "rules": {\n        "missing-auth": "warning"\n    }\n}\n';
    const { client, actions } = await openWithFinding('plain', { 'apiguard.json': config });
    await client.applyCodeAction(actions.find((action) => action.title === `Disable "${RULE}" for this folder`)!);
    assert.equal(fs.readFileSync(path.join(client.options.rootDir, 'apiguard.json'), 'utf8'), '{\n    "rules": {\n        "missing-auth": "warning",\n        "hardcoded-secret": "off"\n    }\n}\n');
  });

  it('edits the open apiguard.json through workspace/applyEdit, leaving the disk to the user\'s save', async () => {
    // A one-line object gets the new property on lines of its own, so the line it was on is laid out again.
    const config = '{ "ignore": ["dist/**"] }\n';
    const { client, actions } = await openWithFinding('vscode', { 'apiguard.json': config });
    const configUri = client.open('apiguard.json', config, 'json');
    await client.waitForDiagnostics(configUri);
    await client.applyCodeAction(actions.find((action) => action.title === `Disable "${RULE}" for this folder`)!);
    assert.equal(client.text(configUri), '{\n  "ignore": [\n    "dist/**"\n  ],\n  "rules": {\n    "hardcoded-secret": "off"\n  }\n}\n');
    assert.equal(fs.readFileSync(path.join(client.options.rootDir, 'apiguard.json'), 'utf8'), config);
  });

  it('says so, and writes nothing, when apiguard.json is not valid JSON', async () => {
    const rootDir = makeProject({ 'package.json': '{}', 'apiguard.json': '{ "rules": { ' });
    client = await LspTestClient.start({ rootDir, flavour: 'plain' });
    const uri = client.open('src/config.ts', SOURCE);
    await client.waitForDiagnostics(uri);
    await client.executeCommand('apiguard.disableRule', [{ uri, ruleId: RULE }]);
    assert.equal(fs.readFileSync(path.join(client.options.rootDir, 'apiguard.json'), 'utf8'), '{ "rules": { ');
    assert.deepEqual(client.shownMessages.at(-1), { type: 1, message: 'API Guard did not disable the rule: apiguard.json is not a valid JSON object; fix it first' });
  });
});
