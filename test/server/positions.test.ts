// Positions through the real server follow LSP's line breaks (`\n`, `\r\n`, lone `\r`), not JavaScript's, which
// add U+2028 and U+2029: the reproduction (a U+2028 in a comment moved every diagnostic a line down and made
// the secret fix overwrite unrelated code), carried type-aware findings in a lone-`\r` document, and the lines the
// server writes itself.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';

// Built from parts so that no scanner mistakes this test for a leaked token.
const GITHUB_TOKEN = ['ghp', 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'].join('_');

async function withClient(flavour: 'plain' | 'vscode', files: Record<string, string>, body: (client: LspTestClient, root: string) => Promise<void>) {
  const root = makeProject({ 'package.json': '{ "name": "api" }\n', ...files });
  const client = await LspTestClient.start({ rootDir: root, flavour });
  try {
    await body(client, root);
  } finally {
    assert.equal(await client.stop(), 0);
  }
}

describe('positions through the language server', () => {
  it('a U+2028 in a comment on line 1: the diagnostic stays on its line and the secret fix replaces exactly the literal', async () => {
    const source = `// note\u2028more\nconst token = '${GITHUB_TOKEN}';\nexport const next = 'unrelated code';\n`;
    await withClient('plain', { '.gitignore': '.env\n' }, async (client, root) => {
      const uri = client.open('src/auth.ts', source);
      const opened = await client.waitForDiagnostics(uri);
      assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range]), [['hardcoded-secret', range(1, 14, 1, 56)]]);

      const actions = (await client.codeActions(uri, range(1, 20, 1, 20), ['quickfix'])) as CodeAction[];
      const fix = actions.find((action) => action.title === 'Move to an environment variable')!;
      await client.applyCodeAction(fix);
      assert.equal(client.text(uri), `// note\u2028more\nconst token = process.env.TOKEN!;\nexport const next = 'unrelated code';\n`);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `TOKEN=${GITHUB_TOKEN}\n`);
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, []);
    });
  });

  it('"Ignore on this line" after a U+2029 and in a lone-\\r document goes above the finding\'s editor line, with that line break', async () => {
    const source = `const a = 1;\u2029const b = 2;\r  const token = '${GITHUB_TOKEN}';\r`;
    await withClient('plain', {}, async (client) => {
      const uri = client.open('src/auth.ts', source);
      const opened = await client.waitForDiagnostics(uri);
      assert.deepEqual(opened.diagnostics.map((d) => [d.code, d.range]), [['hardcoded-secret', range(1, 16, 1, 58)]]);
      const actions = (await client.codeActions(uri, range(1, 20, 1, 20), ['quickfix'])) as CodeAction[];
      const ignore = actions.find((action) => action.title === 'Ignore "hardcoded-secret" on this line')!;
      await client.applyCodeAction(ignore);
      assert.equal(
        client.text(uri),
        `const a = 1;\u2029const b = 2;\r  // apiguard-ignore-next-line hardcoded-secret -- TODO: say why this is safe\r  const token = '${GITHUB_TOKEN}';\r`,
      );
      const after = await client.waitForCurrentDiagnostics(uri);
      assert.deepEqual(after.diagnostics.map((d) => [d.code, d.range]), [['suppression-without-reason', range(1, 2, 1, 77)]]);
    });
  });

  it('an edit to an open .env with a lone \\r and a U+2028 lands at its end', async () => {
    const env = 'A=1\u2028still A\rPORT=3000\r';
    await withClient('vscode', { '.env': env, '.gitignore': '.env\n' }, async (client) => {
      const envUri = client.open('.env', env, 'dotenv');
      const uri = client.open('src/auth.ts', `const token = '${GITHUB_TOKEN}';\n`);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      const actions = (await client.codeActions(uri, range(0, 20, 0, 20), ['quickfix'])) as CodeAction[];
      await client.applyCodeAction(actions.find((action) => action.title === 'Move to an environment variable')!);
      // The new line ends like the file's lines do (a lone `\r`), so no `\r\n` pair appears.
      assert.equal(client.text(envUri), `${env}TOKEN=${GITHUB_TOKEN}\r`);
      assert.equal(client.text(uri), 'const token = process.env.TOKEN!;\n');
    });
  });

  it('carried type-aware findings in a lone-\\r document stay on their line when an edit joins a \\r and a \\n', async () => {
    const source = [
      "import express from 'express';",
      "import { Pool } from 'pg';",
      '',
      'const pool = new Pool();',
      'export const app = express();',
      '',
      "app.get('/users', async (req, res) => {",
      "  const rows = await pool.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);",
      '  res.json(rows.rows);',
      '});',
      '',
    ].join('\r');
    const sqlRange = range(7, 32, 7, 86);
    // The route is unauthenticated too; missing-auth is off so only the type-aware finding is carried here.
    await withClient('plain', { 'apiguard.json': '{ "rules": { "missing-auth": "off" } }\n' }, async (client) => {
      const uri = client.open('src/users.ts', source);
      const complete = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unparameterized-query'));
      assert.deepEqual(complete.diagnostics.map((d) => [d.code, d.range]), [['unparameterized-query', sqlRange]]);

      // A `\n` typed at the start of line 3 joins the `\r` before it into one `\r\n`: no line is added.
      const published = client.published.length;
      const version = client.change(uri, [{ range: range(3, 0, 3, 0), text: '\n' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === version);
      const immediate = client.published.slice(published).find((p) => p.uri === uri && p.version === version)!;
      assert.deepEqual(immediate.diagnostics.map((d) => [d.code, d.range]), [['unparameterized-query', sqlRange]]);
      // And a lone `\r` typed in the middle of line 2 adds one.
      const split = client.change(uri, [{ range: range(1, 8, 1, 8), text: '\r' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === split);
      const moved = client.published.slice(published).find((p) => p.uri === uri && p.version === split)!;
      assert.deepEqual(moved.diagnostics.map((d) => [d.code, d.range]), [['unparameterized-query', range(8, 32, 8, 86)]]);
    });
  });
});
