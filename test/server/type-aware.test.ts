// Type-aware rules run in the server's worker thread: their findings follow the immediate syntactic publish,
// stay visible (moved with the text) while the worker re-checks an edit, and code actions wait for them.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { CancellationTokenSource } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

const SOURCE = [
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
].join('\n');

/** The route is unauthenticated too; these tests are about the type-aware rule alone (missing-auth: api-index.test.ts). */
const PROJECT = { 'package.json': '{ "name": "api" }\n', 'apiguard.json': '{ "rules": { "missing-auth": "off" } }\n' };

const sqlDiagnostic = (line: number) => ({
  range: range(line, 32, line, 86),
  severity: 1,
  source: 'apiguard',
  code: 'unparameterized-query',
  codeDescription: { href: docsHref('rules/unparameterized-query.md') },
  message: 'Request data `req.query.name` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead.',
});

describe('type-aware rules (background worker)', () => {
  it('publishes their findings after the syntactic ones, carries them across edits, and fixes them', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject(PROJECT), flavour: 'plain' });
    try {
      const uri = client.open('src/users.ts', SOURCE);
      const complete = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unparameterized-query'));
      assert.equal(complete.version, 0);
      assert.deepEqual(complete.diagnostics, [sqlDiagnostic(7)]);

      // An edit above the finding: the immediate (syntactic) publish for the new version already shows it, moved.
      const published = client.published.length;
      const version = client.change(uri, [{ range: range(0, 0, 0, 0), text: '// Users API\n' }]);
      await client.waitForDiagnostics(uri, (p) => p.version === version);
      const first = client.published.slice(published).find((p) => p.uri === uri && p.version === version)!;
      assert.deepEqual(first.diagnostics, [sqlDiagnostic(8)]);

      // Asked at once, code actions wait for the worker and offer the rule's fix with its edits inline.
      const actions = (await client.codeActions(uri, range(8, 40, 8, 40), ['quickfix'])) as CodeAction[];
      assert.deepEqual(actions.map((a) => a.title), ['Parameterize this query', 'Ignore "unparameterized-query" on this line', 'Show documentation for "unparameterized-query"', 'Disable "unparameterized-query" for this folder']);
      assert.deepEqual(actions[0]!.edit, {
        documentChanges: [
          {
            textDocument: { uri, version },
            edits: [
              { range: range(8, 32, 8, 86), newText: '`SELECT * FROM users WHERE name = $1`' },
              { range: range(8, 86, 8, 86), newText: ', [req.query.name]' },
            ],
          },
        ],
      });
      await client.applyCodeAction(actions[0]!);
      assert.equal(client.text(uri).split('\n')[8], '  const rows = await pool.query(`SELECT * FROM users WHERE name = $1`, [req.query.name]);');
      // The fix touched the finding, so nothing is carried; the complete analysis agrees.
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, []);
      assert.deepEqual(await client.codeActions(uri, range(8, 40, 8, 40), ['quickfix']), []);
      const last = [...client.published].reverse().find((p) => p.uri === uri)!;
      assert.equal(last.version, client.document(uri).version);
      assert.deepEqual(last.diagnostics, []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('stops waiting for the worker when the client cancels the code action request', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject(PROJECT), flavour: 'vscode' });
    try {
      const uri = client.open('src/users.ts', SOURCE);
      await client.waitForDiagnostics(uri, (p) => p.version === 0);
      // Cancelled at once, while the worker is still building its first program: an empty answer, not the fix.
      const source = new CancellationTokenSource();
      const request = client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: range(7, 40, 7, 40), context: { diagnostics: [] } }, source.token);
      source.cancel();
      assert.deepEqual(await request, []);
      // Not cancelled: the same request waits and gets the fix.
      const actions = (await client.codeActions(uri, range(7, 40, 7, 40), ['quickfix'])) as CodeAction[];
      assert.equal(actions[0]!.title, 'Parameterize this query');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
