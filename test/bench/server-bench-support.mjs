// Shared by the server benchmarks: a minimal stdio LSP client for dist/server.js and a generator of realistic
// Express handler code (with a few hard-coded secrets) written into a temp folder at bench time.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { createProtocolConnection, StreamMessageReader, StreamMessageWriter } = require('vscode-languageserver-protocol/node');

export const SERVER_PATH = fileURLToPath(new URL('../../dist/server.js', import.meta.url));

/**
 * Spawns the server and initializes it like a plain client; `onDiagnostics` sees every publish, `onLog` every
 * log line (`trace: true` turns on the server's per-analysis timing lines). `workDoneProgress: true` announces
 * `window.workDoneProgress`, so the server reports background indexing to `onProgress` (each `$/progress` value).
 * `nodeArgs` go before the server script (`--cpu-prof`, `--cpu-prof-dir=…` to profile it, worker included).
 */
export async function startServer(rootDir, onDiagnostics, { trace = false, onLog = () => {}, workDoneProgress = false, onProgress = () => {}, nodeArgs = [] } = {}) {
  if (!fs.existsSync(SERVER_PATH)) throw new Error(`${SERVER_PATH} is missing: run \`npm run build\` first`);
  const child = spawn(process.execPath, [...nodeArgs, SERVER_PATH, '--stdio'], { cwd: rootDir, stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createProtocolConnection(new StreamMessageReader(child.stdout), new StreamMessageWriter(child.stdin));
  connection.onNotification('textDocument/publishDiagnostics', (params) => onDiagnostics(params, performance.now()));
  connection.onNotification('window/logMessage', (params) => onLog(params.message));
  connection.onNotification('apiguard/status', () => {});
  connection.onRequest('window/workDoneProgress/create', () => null);
  connection.onNotification('$/progress', (params) => onProgress(params.value, performance.now()));
  connection.listen();
  const rootUri = pathToFileURL(rootDir).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri,
    workspaceFolders: [{ uri: rootUri, name: 'bench' }],
    capabilities: {
      textDocument: { synchronization: { didSave: true } },
      workspace: { applyEdit: true, workspaceEdit: { documentChanges: true } },
      ...(workDoneProgress ? { window: { workDoneProgress: true } } : {}),
    },
    initializationOptions: trace ? { settings: { trace: { server: 'verbose' } } } : undefined,
  });
  connection.sendNotification('initialized', {});
  return {
    child,
    connection,
    async stop() {
      await connection.sendRequest('shutdown');
      connection.sendNotification('exit');
      await new Promise((resolve) => (child.exitCode !== null ? resolve() : child.on('exit', resolve)));
      connection.dispose();
    },
  };
}

export function makeTempDir(prefix) {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

// Deterministic pseudo-random characters, so each run benchmarks the same text.
let seed = 42;
function randomChars(alphabet, length) {
  let out = '';
  for (let i = 0; i < length; i++) {
    seed = (seed * 1103515245 + 12345) & 0x7fffffff;
    out += alphabet[seed % alphabet.length];
  }
  return out;
}
const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

const RESOURCES = ['user', 'order', 'invoice', 'product', 'session', 'payment', 'review', 'address', 'coupon', 'shipment', 'ticket', 'team'];

/** One CRUD-style route module for `resource`, about 80 lines per block, `blocks` times over. */
function routeBlock(resource, index) {
  const Name = resource[0].toUpperCase() + resource.slice(1);
  const id = `${resource}${index}`;
  return `
// ---- ${Name} routes (${index}) ----
interface ${Name}${index}Body {
  name: string;
  email?: string;
  quantity: number;
  tags: string[];
}

router.get('/${resource}s${index}', requireAuth, async (req: Request, res: Response) => {
  const page = Number(req.query.page ?? 1);
  const limit = Math.min(Number(req.query.limit ?? 20), 100);
  const rows = await db.query('SELECT id, name, created_at FROM ${resource}s WHERE owner_id = $1 LIMIT $2 OFFSET $3', [
    req.user.id,
    limit,
    (page - 1) * limit,
  ]);
  res.json({ page, limit, items: rows.map((row) => ({ id: row.id, name: row.name })) });
});

router.get('/${resource}s${index}/:id', requireAuth, async (req: Request, res: Response) => {
  const ${id}Id = Number(req.params.id);
  if (!Number.isInteger(${id}Id)) {
    return res.status(400).json({ error: 'invalid id' });
  }
  const ${id} = await db.${resource}.findUnique({ where: { id: ${id}Id, ownerId: req.user.id } });
  if (!${id}) {
    return res.status(404).json({ error: 'not found' });
  }
  res.json({ id: ${id}.id, name: ${id}.name, createdAt: ${id}.createdAt });
});

router.post('/${resource}s${index}', requireAuth, async (req: Request, res: Response) => {
  const body = req.body as ${Name}${index}Body;
  if (typeof body.name !== 'string' || body.name.length === 0) {
    return res.status(422).json({ error: 'name is required' });
  }
  const created = await db.${resource}.create({
    data: { name: body.name, email: body.email ?? null, quantity: body.quantity, ownerId: req.user.id },
  });
  logger.info('created ${resource}', { id: created.id, by: req.user.id });
  res.status(201).json({ id: created.id });
});

router.put('/${resource}s${index}/:id', requireAuth, async (req: Request, res: Response) => {
  const { name, quantity } = req.body as Partial<${Name}${index}Body>;
  const updated = await db.${resource}.update({
    where: { id: Number(req.params.id), ownerId: req.user.id },
    data: { ...(name !== undefined ? { name } : {}), ...(quantity !== undefined ? { quantity } : {}) },
  });
  res.json({ id: updated.id, name: updated.name });
});

router.delete('/${resource}s${index}/:id', requireAuth, async (req: Request, res: Response) => {
  await db.${resource}.delete({ where: { id: Number(req.params.id), ownerId: req.user.id } });
  res.status(204).end();
});

function summarize${Name}${index}(items: { quantity: number; price: number }[]): { count: number; total: number } {
  let total = 0;
  for (const item of items) {
    total += item.quantity * item.price;
  }
  return { count: items.length, total: Math.round(total * 100) / 100 };
}

export const ${resource}${index}Helpers = { summarize: summarize${Name}${index} };
`;
}

function moduleHeader(withSecrets) {
  const lines = [
    `import express, { type Request, type Response, type NextFunction } from 'express';`,
    `import jwt from 'jsonwebtoken';`,
    `import { db } from '../db';`,
    `import { logger } from '../logger';`,
    ``,
    `export const router = express.Router();`,
    ``,
    `function requireAuth(req: Request, res: Response, next: NextFunction) {`,
    `  const header = req.headers.authorization ?? '';`,
    `  try {`,
    `    (req as any).user = jwt.verify(header.replace(/^Bearer /, ''), process.env.JWT_SECRET as string);`,
    `    next();`,
    `  } catch {`,
    `    res.status(401).json({ error: 'unauthorized' });`,
    `  }`,
    `}`,
  ];
  if (withSecrets) {
    lines.push(
      ``,
      `const githubToken = 'ghp_${randomChars(ALNUM, 36)}';`,
      `const stripeKey = 'sk_live_${randomChars(ALNUM, 24)}';`,
      `export function issueToken(payload: object) {`,
      `  return jwt.sign(payload, 'keyboard cat', { expiresIn: '1h' });`,
      `}`,
      `export const integrations = { githubToken, stripeKey };`,
    );
  }
  return lines.join('\n') + '\n';
}

/** A route module of about `lines` lines. */
export function generateHandlerModule(lines, { withSecrets = true, offset = 0 } = {}) {
  let text = moduleHeader(withSecrets);
  for (let i = 0; text.split('\n').length < lines; i++) text += routeBlock(RESOURCES[(i + offset) % RESOURCES.length], i + offset);
  return text;
}

export function countLines(text) {
  return text.split('\n').length;
}
