// unparameterized-query across modules in the editor: the worker's index follows request data from a handler to
// the function that builds SQL from its parameter, and an edit of the (open) handler file re-judges the open model
// file, whose own text never changed.
import { strict as assert } from 'node:assert';
import { after, describe, it } from 'node:test';
import type { PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';

const MODEL = [
  "const { Pool } = require('pg');",
  'const pool = new Pool();',
  'async function search(term) {',
  "  const result = await pool.query(`SELECT * FROM products WHERE name LIKE '%${term}%'`);",
  '  return result.rows;',
  '}',
  'module.exports = { search };',
  '',
].join('\n');
const ROUTE = [
  "const express = require('express');",
  "const products = require('../models/products');",
  'const router = express.Router();',
  "router.get('/search', async (req, res) => res.json(await products.search('shoes')));",
  'module.exports = router;',
  '',
].join('\n');

const clients: LspTestClient[] = [];
after(async () => {
  for (const client of clients) if (client.isAlive) await client.stop();
});

const sqlFindings = (params: PublishDiagnosticsParams) => params.diagnostics.filter((diagnostic) => diagnostic.code === 'unparameterized-query');

describe('unparameterized-query across open files', () => {
  it('turns the sink into an error when the open handler file starts passing request data to it', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject({ 'package.json': '{ "name": "shop" }\n', 'models/products.js': MODEL, 'routes/products.js': ROUTE }), flavour: 'plain' });
    clients.push(client);
    const routeUri = client.open('routes/products.js', ROUTE);
    const modelUri = client.open('models/products.js', MODEL);
    // Not request data as far as the model file shows (a constant is passed): not an error.
    const before = await client.waitForDiagnostics(modelUri, (params) => sqlFindings(params).length === 1, 30_000);
    assert.notEqual(sqlFindings(before)[0]!.severity, 1);
    const start = ROUTE.indexOf("'shoes'");
    client.edit(routeUri, start, start + "'shoes'".length, 'req.query.q');
    const after = await client.waitForDiagnostics(modelUri, (params) => sqlFindings(params).some((diagnostic) => diagnostic.severity === 1), 30_000);
    assert.equal(after.version, 0);
    assert.deepEqual(
      sqlFindings(after).map((diagnostic) => ({ severity: diagnostic.severity, range: diagnostic.range, message: diagnostic.message })),
      [
        {
          severity: 1,
          range: range(3, 34, 3, 86),
          message: 'Request data `req.query.q` → `products.search(req.query.q)` at routes/products.js:4 → `term` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead.',
        },
      ],
    );
  });
});
