// The workspace's API model in the editor: the worker indexes the workspace in the background (with work-done
// progress when the client supports it), answers apiguard/routes from it, runs missing-auth once it is complete,
// and re-judges open route files when another file's edit changes what protects them.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';

const APP = [
  "import express from 'express';",
  "import passport from 'passport';",
  "import { usersRouter } from './routes/users';",
  "import ordersRouter from './routes/orders';",
  '',
  'const app = express();',
  'app.use(express.json());',
  "app.post('/login', (req, res) => res.json({ ok: true }));",
  "app.use('/api/users', passport.authenticate('jwt', { session: false }), usersRouter);",
  "app.use('/api/orders', ordersRouter);",
  'app.listen(3000);',
  '',
].join('\n');
const USERS = [
  "import { Router } from 'express';",
  '',
  'export const usersRouter = Router();',
  "usersRouter.get('/', listUsers);",
  "usersRouter.post('/:id', (req, res) => res.json({}));",
  '',
  'function listUsers(req: any, res: any) {',
  '  res.json([]);',
  '}',
  '',
].join('\n');
const ORDERS = [
  "import express from 'express';",
  '',
  'const router = express.Router();',
  "router.get('/:id', (req, res) => res.json({}));",
  "router.delete('/:id', (req, res) => res.sendStatus(204));",
  'export default router;',
  '',
].join('\n');
const PROJECT = { 'package.json': '{ "name": "api" }\n', 'src/app.ts': APP, 'src/routes/users.ts': USERS, 'src/routes/orders.ts': ORDERS };

const clients: LspTestClient[] = [];
after(async () => {
  for (const client of clients) if (client.isAlive) await client.stop();
});

async function start(files: Record<string, string>, flavour: 'plain' | 'vscode'): Promise<LspTestClient> {
  const client = await LspTestClient.start({ rootDir: makeProject(files), flavour });
  clients.push(client);
  return client;
}

const codes = (params: PublishDiagnosticsParams) => params.diagnostics.map((diagnostic) => diagnostic.code);

describe('apiguard/routes', () => {
  it('returns every route of the workspace with its full path, handler, chain and verdict', async () => {
    const client = await start(PROJECT, 'plain');
    const result = await client.connection.sendRequest('apiguard/routes');
    const uri = (relativePath: string) => pathToFileURL(path.join(client.options.rootDir, relativePath)).toString();
    const passport = { status: 'authenticated', by: "passport.authenticate('jwt', {…})", how: 'passport (library)' };
    const usersMount = [{ path: '/api/users', file: uri('src/app.ts'), line: 9 }];
    const ordersMount = [{ path: '/api/orders', file: uri('src/app.ts'), line: 10 }];
    assert.deepEqual(result, {
      complete: true,
      routes: [
        { method: 'DELETE', path: '/api/orders/:id', framework: 'express', file: uri('src/routes/orders.ts'), line: 5, handler: '<inline handler>', auth: { status: 'none' }, mounts: ordersMount, chain: ['express.json()'], notes: [] },
        { method: 'GET', path: '/api/orders/:id', framework: 'express', file: uri('src/routes/orders.ts'), line: 4, handler: '<inline handler>', auth: { status: 'none' }, mounts: ordersMount, chain: ['express.json()'], notes: [] },
        { method: 'GET', path: '/api/users', framework: 'express', file: uri('src/routes/users.ts'), line: 4, handler: 'listUsers', auth: passport, mounts: usersMount, chain: ['express.json()', "passport.authenticate('jwt', {…})"], notes: [] },
        { method: 'POST', path: '/api/users/:id', framework: 'express', file: uri('src/routes/users.ts'), line: 5, handler: '<inline handler>', auth: passport, mounts: usersMount, chain: ['express.json()', "passport.authenticate('jwt', {…})"], notes: [] },
        { method: 'POST', path: '/login', framework: 'express', file: uri('src/app.ts'), line: 8, handler: '<inline handler>', auth: { status: 'public', reason: 'login endpoint' }, mounts: [], chain: ['express.json()'], notes: [] },
      ],
      unmodelled: [],
    });
  });

  it('answers from an open document\'s text, from the disk again once it is closed, and forgets files deleted on disk', async () => {
    const client = await start(PROJECT, 'vscode');
    const routes = async () => (await client.connection.sendRequest<{ routes: { method: string; path: string }[] }>('apiguard/routes')).routes.map((route) => `${route.method} ${route.path}`);
    const uri = client.open('src/routes/orders.ts', ORDERS.replace("router.delete('/:id'", "router.put('/:id'"));
    await client.waitForCurrentDiagnostics(uri);
    assert.deepEqual(await routes(), ['GET /api/orders/:id', 'PUT /api/orders/:id', 'GET /api/users', 'POST /api/users/:id', 'POST /login']);
    // Closed without saving: the unsaved PUT is gone, the saved DELETE is back.
    client.close(uri);
    assert.deepEqual(await routes(), ['DELETE /api/orders/:id', 'GET /api/orders/:id', 'GET /api/users', 'POST /api/users/:id', 'POST /login']);
    const usersPath = path.join(client.options.rootDir, 'src/routes/users.ts');
    fs.rmSync(usersPath);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(usersPath).toString(), type: 3 }] });
    assert.deepEqual(await routes(), ['DELETE /api/orders/:id', 'GET /api/orders/:id', 'POST /login']);
  });

  it('walks again when apiguard.json changes: files it now ignores leave the index', async () => {
    const client = await start(PROJECT, 'plain');
    const routes = async () => (await client.connection.sendRequest<{ routes: { method: string; path: string }[] }>('apiguard/routes')).routes.map((route) => `${route.method} ${route.path}`);
    assert.equal((await routes()).length, 5);
    const configPath = path.join(client.options.rootDir, 'apiguard.json');
    fs.writeFileSync(configPath, '{ "ignore": ["src/routes/orders.ts"] }\n');
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(configPath).toString(), type: 1 }] });
    await until(() => client.logs.filter((log) => log.message.startsWith('indexed API routes')).length === 2, 'the second walk', client);
    assert.equal(client.logs.filter((log) => log.message.startsWith('indexed API routes')).at(-1)!.message, 'indexed API routes: 2 files, 3 routes');
    assert.deepEqual(await routes(), ['GET /api/users', 'POST /api/users/:id', 'POST /login']);
  });

  it('answers a cancelled request with RequestCancelled while indexing still runs', async () => {
    const files: Record<string, string> = { ...PROJECT };
    for (let i = 0; i < 1500; i++) files[`src/generated/module${i}.ts`] = generatedModule(i);
    const client = await start(files, 'plain');
    const source = new CancellationTokenSource();
    const request = client.connection.sendRequest('apiguard/routes', source.token);
    setTimeout(() => source.cancel(), 20);
    await assert.rejects(request, (error: { code?: number }) => error.code === -32800);
    assert.equal(client.logs.some((log) => log.message.startsWith('indexed API routes')), false, 'indexing had already ended');
    // The server still answers once indexing ends.
    const result = await client.connection.sendRequest<{ routes: unknown[] }>('apiguard/routes');
    assert.equal(result.routes.length, 5);
  });
});

describe('background indexing', () => {
  it('reports work-done progress to a client that supports it', async () => {
    const client = await start(PROJECT, 'vscode');
    await client.connection.sendRequest('apiguard/routes');
    await until(() => client.progress.some((p) => p.value.kind === 'end'), 'the end of the progress', client);
    assert.equal(client.progressTokens.length, 1);
    const token = client.progressTokens[0]!;
    assert.ok(client.progress.every((p) => p.token === token));
    const kinds = client.progress.map((p) => p.value.kind);
    assert.deepEqual([kinds[0], kinds.at(-1)], ['begin', 'end']);
    assert.ok(kinds.slice(1, -1).every((kind) => kind === 'report'));
    assert.deepEqual(client.progress[0]!.value, { kind: 'begin', title: 'Indexing API routes', message: '0 files', cancellable: false });
    assert.deepEqual(client.progress.at(-1)!.value, { kind: 'end', message: '3 files, 5 routes' });
  });

  it('sends no progress to a client without window.workDoneProgress, and logs the end', async () => {
    const client = await start(PROJECT, 'plain');
    await client.connection.sendRequest('apiguard/routes');
    await client.waitForLog(/^indexed API routes: 3 files, 5 routes$/);
    // A round trip after the end: anything sent before it has arrived.
    await client.connection.sendRequest('apiguard/routes');
    assert.deepEqual(client.progressTokens, []);
    assert.deepEqual(client.progress, []);
  });

  it('publishes a route file\'s other diagnostics at once, before indexing ends; missing-auth follows it', async () => {
    const files: Record<string, string> = { ...PROJECT };
    // Enough files that indexing takes far longer than a syntactic analysis.
    for (let i = 0; i < 1500; i++) files[`src/generated/module${i}.ts`] = generatedModule(i);
    const client = await start(files, 'plain');
    const secret = `\nexport const stripeKey = "sk_live_${'51HyPqRtZ8vN3kLm2WdQ9sT7uBcV4'}";\n`;
    const uri = client.open('src/routes/orders.ts', ORDERS + secret);
    const first = await client.waitForDiagnostics(uri);
    assert.deepEqual(codes(first), ['hardcoded-secret']);
    assert.equal(client.logs.some((log) => log.message.startsWith('indexed API routes')), false, 'indexing had already ended');
    const withModel = await client.waitForDiagnostics(uri, (params) => codes(params).includes('missing-auth'), 60_000);
    assert.ok(client.logs.some((log) => log.message === 'indexed API routes: 1503 files, 5 routes'));
    assert.deepEqual(
      withModel.diagnostics.map((d) => [d.code, d.range.start.line]),
      [['missing-auth', 3], ['missing-auth', 4], ['hardcoded-secret', 7]],
    );
  });
});

describe('missing-auth across open files', () => {
  const UNPROTECTED_APP = APP.replace("app.use('/api/users', passport.authenticate('jwt', { session: false }), usersRouter);", "app.use('/api/users', usersRouter);");

  it('reports an unauthenticated POST, and drops it when the other open file adds authentication before the mount', async () => {
    const client = await start({ ...PROJECT, 'src/app.ts': UNPROTECTED_APP }, 'plain');
    const appUri = client.open('src/app.ts', UNPROTECTED_APP);
    const usersUri = client.open('src/routes/users.ts', USERS);
    const flagged = await client.waitForDiagnostics(usersUri, (params) => codes(params).includes('missing-auth'), 30_000);
    assert.deepEqual(
      flagged.diagnostics.map((d) => ({ code: d.code, severity: d.severity, range: d.range, message: d.message })),
      [
        {
          code: 'missing-auth',
          severity: 2,
          range: range(3, 0, 3, 19),
          message: 'GET /api/users has no authentication: nothing on its path checks who is calling (mounted at /api/users via app.ts:9; middleware: express.json()).',
        },
        {
          code: 'missing-auth',
          severity: 1,
          range: range(4, 0, 4, 23),
          message: 'POST /api/users/:id has no authentication: nothing on its path checks who is calling (mounted at /api/users via app.ts:9; middleware: express.json()).',
        },
      ],
    );
    const published = client.published.length;
    const mountLine = "app.use('/api/users', usersRouter);";
    const offset = UNPROTECTED_APP.indexOf(mountLine);
    client.edit(appUri, offset, offset, "app.use(passport.authenticate('jwt'));\n");
    const cleared = await client.waitForDiagnostics(usersUri, (params) => !codes(params).includes('missing-auth'), 30_000);
    // users.ts itself never changed: the edit in app.ts re-judged it.
    assert.equal(cleared.version, 0);
    assert.deepEqual(cleared.diagnostics, []);
    assert.equal(client.document(usersUri).version, 0);
    assert.ok(client.published.slice(published).every((p) => p.uri !== usersUri || p.version === 0));
  });

  it('re-judges an open route file when the file that mounts it changes on disk', async () => {
    const client = await start({ ...PROJECT, 'src/app.ts': UNPROTECTED_APP }, 'vscode');
    const usersUri = client.open('src/routes/users.ts', USERS);
    await client.waitForDiagnostics(usersUri, (params) => codes(params).includes('missing-auth'), 30_000);
    const appPath = path.join(client.options.rootDir, 'src/app.ts');
    fs.writeFileSync(appPath, APP);
    void client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(appPath).toString(), type: 2 }] });
    const cleared = await client.waitForDiagnostics(usersUri, (params) => !codes(params).includes('missing-auth'), 30_000);
    assert.deepEqual(cleared.diagnostics, []);
    const registered = JSON.stringify(client.registrations);
    assert.ok(registered.includes('**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts}'), registered);
    assert.ok(registered.includes('**/*.prisma'), registered);
  });
});

function generatedModule(i: number): string {
  const lines = [`import { helper${i} } from './helper${i}';`, ''];
  for (let j = 0; j < 40; j++) lines.push(`export function compute${i}_${j}(value: number): number {`, `  return helper${i}(value) * ${j} + ${i};`, '}', '');
  return lines.join('\n');
}

async function until(condition: () => boolean, what: string, client: LspTestClient): Promise<void> {
  const deadline = Date.now() + 20_000;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; logs: ${client.logs.map((l) => l.message).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
