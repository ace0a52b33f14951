// Closing a document frees everything kept for it: the server's maps, the worker's copy of its text and the type
// information holding its source file. Runs the server class in this process over in-memory streams (its worker
// is the built bundle), so the test can read its internal state; nothing here is protocol surface.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import { PassThrough } from 'node:stream';
import { describe, it } from 'node:test';
import { createConnection } from 'vscode-languageserver/node';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { ApiGuardServer } from '../../server/lsp/server';
import { makeProject, SERVER_PATH } from './lsp-test-client';

// The second query's receiver has a type declared in another file: the rule asks the checker, so a program is built.
const TYPE_AWARE = [
  "import { Pool } from 'pg';",
  "import type { Db } from './db';",
  "export const search = (db: Db, name: string) => db.query(`SELECT * FROM users WHERE name = '${name}'`);",
  'const pool = new Pool();',
  "export const find = (name: string) => pool.query(`SELECT * FROM users WHERE name = '${name}'`);",
  '',
].join('\n');
const SECRET = `export const key = "sk_live_${'4eC39HqLyjWDarjtT1zdp7dc'}";\n`;

function startInProcess(rootDir: string) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  const server = new ApiGuardServer(createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient)), SERVER_PATH);
  server.listen();
  const client = createProtocolConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const published: PublishDiagnosticsParams[] = [];
  client.onNotification('textDocument/publishDiagnostics', (params: PublishDiagnosticsParams) => published.push(params));
  client.listen();
  const uriOf = (name: string) => `file://${rootDir}/src/${name}`;
  const until = async (condition: () => boolean, what: string) => {
    const deadline = Date.now() + 20_000;
    while (!condition()) {
      if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; published: ${JSON.stringify(published.map((p) => [p.uri, p.diagnostics.map((d) => d.code)]))}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  };
  return { server, client, published, uriOf, until };
}

describe('closing documents', () => {
  it('leaves no per-document state on the main thread or in the worker', async () => {
    const rootDir = makeProject({ 'package.json': '{ "name": "api" }\n', 'src/db.ts': 'export interface Db { query(text: string): unknown }\n', 'tsconfig.json': '{ "compilerOptions": { "strict": true } }\n' });
    const { server, client, published, uriOf, until } = startInProcess(rootDir);
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: `file://${rootDir}`, capabilities: {} });
      await client.sendNotification('initialized', {});
      const open = (name: string, text: string) =>
        client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf(name), languageId: 'typescript', version: 0, text } });
      await open('users.ts', TYPE_AWARE);
      await open('keys.ts', SECRET);
      await open('huge.ts', `export const a = 1;\n${' '.repeat(1_100_000)}`);
      await until(() => published.some((p) => p.uri === uriOf('users.ts') && p.diagnostics.some((d) => d.code === 'unparameterized-query')), 'type-aware findings');
      await until(() => published.some((p) => p.uri === uriOf('huge.ts') && p.diagnostics.some((d) => d.code === 'skipped-file')), 'the skip');
      await client.sendNotification('textDocument/didChange', {
        textDocument: { uri: uriOf('users.ts'), version: 1 },
        contentChanges: [{ range: { start: { line: 5, character: 0 }, end: { line: 5, character: 0 } }, text: 'export const b = 2;\n' }],
      });
      await until(() => published.filter((p) => p.uri === uriOf('users.ts') && p.version === 1 && p.diagnostics.some((d) => d.code === 'unparameterized-query')).length > 0, 'findings of the edit');
      // Type information and the worker's overlay do hold the open documents: the assertions below can fail.
      const before = await server.perDocumentState();
      assert.ok(before.worker!.typeInfoFiles.includes(`${rootDir}/src/users.ts`));
      assert.deepEqual(before.worker!.openTexts.sort(), [`${rootDir}/src/huge.ts`, `${rootDir}/src/keys.ts`, `${rootDir}/src/users.ts`]);
      assert.equal(before.loggedOnce.length, 1);

      for (const name of ['users.ts', 'keys.ts', 'huge.ts']) await client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(name) } });
      // The server clears a closed document's diagnostics (without a version): all three closes were handled.
      await until(() => ['users.ts', 'keys.ts', 'huge.ts'].every((name) => published.some((p) => p.uri === uriOf(name) && p.version === undefined)), 'the closing publishes');
      assert.deepEqual(await server.perDocumentState(), {
        documents: [],
        documentsByPath: [],
        results: [],
        scheduled: [],
        completionWaiters: [],
        loggedOnce: [],
        typeInfoFiles: [],
        specDependencies: [],
        shownDiagnostics: [],
        parsedSpecFiles: [],
        backgroundPending: 0,
        worker: { openTexts: [], typeInfoFiles: [], parsedSpecFiles: [] },
      });
    } finally {
      await client.sendRequest('shutdown');
      client.dispose();
      fs.rmSync(rootDir, { recursive: true, force: true });
    }
  });
  it('frees a spec: its parse, the parses of the `$ref` targets only it read, its dependencies and what was shown', async () => {
    const rootDir = makeProject({ 'package.json': '{ "name": "api" }\n', 'src/schemes.yaml': 'apiKey: { type: apiKey, in: header, name: X-Key }\n' });
    const { server, client, published, uriOf, until } = startInProcess(rootDir);
    try {
      await client.sendRequest('initialize', { processId: null, rootUri: `file://${rootDir}`, capabilities: {} });
      await client.sendNotification('initialized', {});
      const spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nsecurity:\n  - bearerAuth: []\npaths: {}\ncomponents:\n  securitySchemes:\n    $ref: './schemes.yaml'\n";
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('openapi.yaml'), languageId: 'yaml', version: 0, text: spec } });
      await client.sendNotification('textDocument/didOpen', { textDocument: { uri: uriOf('ci.yml'), languageId: 'yaml', version: 0, text: 'on: [push]\n' } });
      // Published by the main thread, then with the worker's complete analysis (which parsed the spec there too), and
      // again by the worker once the workspace walk ends (when it ends after the open).
      await until(() => published.filter((p) => p.uri === uriOf('openapi.yaml') && p.diagnostics.some((d) => d.code === 'spec/undefined-security-scheme')).length >= 2, 'the spec finding');
      const before = await server.perDocumentState();
      assert.deepEqual(before.worker!.parsedSpecFiles.sort(), [`${rootDir}/src/openapi.yaml`, `${rootDir}/src/schemes.yaml`]);
      assert.deepEqual(before.parsedSpecFiles.sort(), [`${rootDir}/src/openapi.yaml`, `${rootDir}/src/schemes.yaml`]);
      assert.deepEqual(before.specDependencies, [uriOf('openapi.yaml')]);
      assert.deepEqual(before.shownDiagnostics, [uriOf('openapi.yaml')]);

      for (const name of ['openapi.yaml', 'ci.yml']) await client.sendNotification('textDocument/didClose', { textDocument: { uri: uriOf(name) } });
      await until(() => ['openapi.yaml', 'ci.yml'].every((name) => published.some((p) => p.uri === uriOf(name) && p.version === undefined)), 'the closing publishes');
      const after = await server.perDocumentState();
      assert.deepEqual({ ...after, worker: undefined }, {
        documents: [],
        documentsByPath: [],
        results: [],
        scheduled: [],
        completionWaiters: [],
        loggedOnce: [],
        typeInfoFiles: [],
        specDependencies: [],
        shownDiagnostics: [],
        parsedSpecFiles: [],
        backgroundPending: 0,
        worker: undefined,
      });
      assert.deepEqual(after.worker, { openTexts: [], typeInfoFiles: [], parsedSpecFiles: [] });
    } finally {
      await client.sendRequest('shutdown');
      client.dispose();
      fs.rmSync(rootDir, { recursive: true, force: true });
    }
  });
});
