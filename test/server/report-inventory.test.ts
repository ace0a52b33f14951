// The editor's report carries what `apiguard scan` adds to it: the API inventory of the workspace (routes with their
// findings, spec coverage) and the time it was generated.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LspTestClient, makeProject } from './lsp-test-client';

describe('apiguard/report: inventory and time', () => {
  it('lists the routes with their findings (on a shared line, only those naming them) and the specs coverage, and says when it was generated', async () => {
    const root = makeProject({
      'package.json': '{ "name": "api" }\n',
      'src/app.js': `const express = require('express');
const app = express();
app.get('/users', (req, res) => res.json([]));
app.get('/health', (req, res) => res.send('ok'));
app.put('/items', (req, res) => res.end()); app.delete('/items', (req, res) => res.end());
module.exports = app;
`,
      'openapi.yaml': `openapi: 3.0.3
info: { title: api, version: '1' }
security: [{ bearer: [] }]
components: { securitySchemes: { bearer: { type: http, scheme: bearer } } }
paths:
  /users:
    get: { responses: { '200': { description: ok }, '401': { description: no } } }
  /health:
    get: { security: [], responses: { '200': { description: ok } } }
  /orders:
    get: { responses: { '200': { description: ok }, '401': { description: no } } }
`,
    });
    const client = await LspTestClient.start({ rootDir: root, flavour: 'vscode' });
    try {
      const before = Date.now();
      const report = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string }).content);
      const generated = Date.parse(report.generatedAt);
      assert.ok(generated >= before - 1000 && generated <= Date.now(), report.generatedAt);
      assert.deepEqual(
        report.inventory.routes.map((route: { method: string; path: string; file: string; line: number; auth: { status: string }; documented?: boolean; findings: object }) => [
          route.method,
          route.path,
          route.file,
          route.line,
          route.auth.status,
          route.documented,
          route.findings,
        ]),
        [
          ['GET', '/health', 'src/app.js', 4, 'public', true, { error: 0, warning: 0, info: 0, hint: 0 }],
          // Two routes on one line: each counts the findings that name it (missing-auth, spec/undocumented-route), not the other's.
          ['DELETE', '/items', 'src/app.js', 5, 'none', false, { error: 1, warning: 1, info: 0, hint: 0 }],
          ['PUT', '/items', 'src/app.js', 5, 'none', false, { error: 1, warning: 1, info: 0, hint: 0 }],
          // missing-auth and spec/auth-mismatch on its declaration line; the spec's own findings are not the route's.
          ['GET', '/users', 'src/app.js', 3, 'none', true, { error: 1, warning: 1, info: 0, hint: 0 }],
        ],
      );
      assert.deepEqual(report.inventory.specCoverage, {
        specs: [{ file: 'openapi.yaml', operations: 3, implemented: 2 }],
        routesCompared: 4,
        routesDocumented: 2,
        undocumentedRoutes: [
          { method: 'DELETE', path: '/items', file: 'src/app.js', line: 5 },
          { method: 'PUT', path: '/items', file: 'src/app.js', line: 5 },
        ],
        unimplementedOperations: [{ method: 'GET', path: '/orders', file: 'openapi.yaml', line: 11 }],
      });

      // The webview asks for the interactive page: its CSP allows the one script carrying the request's nonce, and
      // findings open through messages (a file URI and a 0-based range), not hrefs.
      const nonce = 'bm9uY2Utb2YtdGhlLXRlc3Q=';
      const interactive = ((await client.connection.sendRequest('apiguard/report', { format: 'html', interactive: { nonce, cspSource: 'https://webview.test' } })) as { content: string }).content;
      assert.match(interactive, new RegExp(`script-src 'nonce-${nonce}'`));
      assert.equal(interactive.match(/<script\b/g)?.length, 1);
      assert.match(interactive, new RegExp(`<script nonce="${nonce}">`));
      assert.match(interactive, /data-file="file:\/\/[^"]*\/src\/app\.js"/);
      const plain = ((await client.connection.sendRequest('apiguard/report', { format: 'html' })) as { content: string }).content;
      assert.equal(plain.match(/<script\b/g), null);
      await assert.rejects(client.connection.sendRequest('apiguard/report', { format: 'html', interactive: { nonce: "x' 'unsafe-inline", cspSource: 'a' } }), /nonce/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
