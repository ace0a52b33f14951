// Writes a realistic synthetic API workspace for the workspace-index benchmarks: Express apps (an app.ts mounting
// routers from other files under prefixes, routers using imported auth middleware, public, admin and deliberately
// unauthenticated routes), NestJS controllers behind a global APP_GUARD with @Public/@UseGuards, Fastify plugins
// registered under prefixes, and services/models/utils that import each other and hold most of the lines, as real
// code does. Deterministic: the same { files, seed } writes the same bytes.
// Usage: node test/bench/generate-api-workspace.mjs <dir> [--files N] [--seed S] [--manifest routes.json]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const DEFAULT_FILES = 2000;
const DEFAULT_SEED = 7;
const RESOURCES = [
  'user', 'order', 'invoice', 'product', 'cart', 'payment', 'shipment', 'review', 'coupon', 'report', 'team',
  'project', 'ticket', 'comment', 'article', 'tag', 'webhook', 'subscription', 'session', 'audit', 'file',
  'notification', 'address', 'refund', 'category', 'inventory', 'warehouse', 'supplier', 'contract', 'message',
];
const FIELDS = ['name', 'email', 'status', 'amount', 'currency', 'title', 'description', 'quantity', 'priority', 'ownerId', 'region', 'note'];
const FIELD_TYPES = { name: 'string', email: 'string', status: 'string', amount: 'number', currency: 'string', title: 'string', description: 'string', quantity: 'number', priority: 'number', ownerId: 'string', region: 'string', note: 'string' };
const PUBLIC_ROUTES = [
  ['post', '/login'], ['post', '/register'], ['get', '/health'], ['post', '/forgot-password'], ['get', '/public'],
];

/**
 * Writes the workspace into `dir` (created if missing) and returns `{ files, lines, expectedRoutes, routes, manifest }`:
 * `expectedRoutes` counts the route declarations written; `routes` breaks them down by framework and by how
 * each is protected (`auth`, `public` by design, `missing` auth on purpose); `manifest` lists every route as
 * `{ file, method, path, framework, protection }` with its full path (mount prefixes and global prefix applied).
 */
export function generateApiWorkspace(dir, { files = DEFAULT_FILES, seed = DEFAULT_SEED } = {}) {
  const random = mulberry32(seed);
  const out = new WorkspaceWriter(dir);
  const plan = planFiles(files);
  const routes = { express: 0, nest: 0, fastify: 0, auth: 0, public: 0, missing: 0 };
  const manifest = [];
  const count = (framework, protection, file, method, fullPath) => {
    routes[framework]++;
    routes[protection]++;
    manifest.push({ file, method: method.toUpperCase(), path: fullPath, framework, protection });
  };

  out.write('package.json', JSON.stringify({ name: 'bench-api-workspace', private: true, version: '1.0.0' }, null, 2) + '\n');
  out.write('tsconfig.json', TSCONFIG);
  out.write('types/frameworks.d.ts', AMBIENT_MODULES);
  out.write('.gitignore', 'node_modules/\ndist/\n');

  const bulk = writeBulk(out, plan.bulk, random);
  for (let app = 0; app < plan.expressApps; app++) writeExpressApp(out, app, plan.expressRoutersPerApp, bulk, random, count);
  writeNestApp(out, plan.nestControllers, bulk, random, count);
  writeFastifyApp(out, plan.fastifyPlugins, bulk, random, count);

  return { files: out.files, lines: out.lines, expectedRoutes: manifest.length, routes, manifest };
}

/** How many files of each kind: about 12% Express, 6% NestJS, 1% Fastify, the rest services/models/utils. */
function planFiles(total) {
  const fixed = 4; // package.json, tsconfig.json, the ambient declarations, .gitignore
  const expressApps = total >= 400 ? 3 : 1;
  const expressRoutersPerApp = Math.max(2, Math.round((total * 0.12) / expressApps) - 2); // + app.ts + middleware
  const nestControllers = Math.max(2, Math.round((total * 0.06) / 2)); // controller + its service per resource
  const fastifyPlugins = Math.max(1, Math.round(total * 0.01));
  const routeFiles = expressApps * (expressRoutersPerApp + 2) + nestControllers * 2 + 5 + fastifyPlugins + 1;
  return { expressApps, expressRoutersPerApp, nestControllers, fastifyPlugins, bulk: Math.max(3, total - fixed - routeFiles) };
}

// ---------------------------------------------------------------------------------------------------------------
// Services, models and utils: the bulk. Each imports up to three earlier files, so the graph is connected and
// acyclic, like a layered codebase.

function writeBulk(out, count, random) {
  const written = [];
  for (let i = 0; i < count; i++) {
    const resource = RESOURCES[i % RESOURCES.length];
    const kind = ['model', 'service', 'service', 'util'][i % 4];
    const name = `${resource}-${kind}-${i}`;
    const relative = `src/${kind}s/${resource}/${name}.ts`;
    const imports = [];
    for (let k = 0; k < Math.min(3, written.length); k++) imports.push(written[Math.floor(random() * written.length)]);
    const unique = [...new Map(imports.map((entry) => [entry.relative, entry])).values()];
    const symbol = `${pascal(resource)}${pascal(kind)}${i}`;
    const text = kind === 'model' ? modelFile(symbol, random) : kind === 'service' ? serviceFile(symbol, resource, relative, unique, random) : utilFile(symbol, relative, unique, random);
    out.write(relative, text);
    written.push({ relative, symbol, kind });
  }
  return written;
}

function modelFile(symbol, random) {
  const fields = pick(FIELDS, 5 + Math.floor(random() * 5), random);
  let text = `// Persistence shape and validation for ${symbol}.\nimport { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';\n\n`;
  text += `export interface ${symbol} {\n  id: string;\n  createdAt: Date;\n  updatedAt: Date;\n${fields.map((f) => `  ${f}: ${FIELD_TYPES[f]};\n`).join('')}}\n\n`;
  text += `export type ${symbol}Input = Omit<${symbol}, 'id' | 'createdAt' | 'updatedAt'>;\n\n`;
  text += `export const ${symbol}Fields = [${fields.map((f) => `'${f}'`).join(', ')}] as const;\n\n`;
  text += `export function validate${symbol}(input: Partial<${symbol}Input>): string[] {\n  const errors: string[] = [];\n`;
  for (const field of fields) {
    text += FIELD_TYPES[field] === 'number'
      ? `  if (input.${field} !== undefined && (!Number.isFinite(input.${field}) || input.${field} < 0)) {\n    errors.push('${field} must be a non-negative number');\n  }\n`
      : `  if (input.${field} !== undefined && input.${field}.trim().length === 0) {\n    errors.push('${field} must not be empty');\n  }\n`;
  }
  text += `  return errors;\n}\n\n`;
  // The stored entity: what the data-model catalogue summarises (decorators, select: false).
  text += `@Entity('${snake(symbol)}')\nexport class ${symbol}Entity {\n  @PrimaryGeneratedColumn('uuid') id!: string;\n${fields.map((f) => `  @Column() ${f}!: ${FIELD_TYPES[f]};\n`).join('')}  @Column({ select: false }) passwordHash!: string;\n}\n\n`;
  text += `export function to${symbol}Row(entity: ${symbol}): Record<string, unknown> {\n  return {\n    id: entity.id,\n    created_at: entity.createdAt.toISOString(),\n    updated_at: entity.updatedAt.toISOString(),\n${fields.map((f) => `    ${snake(f)}: entity.${f},\n`).join('')}  };\n}\n`;
  return text;
}

function serviceFile(symbol, resource, relative, imports, random) {
  let text = importLines(relative, imports);
  text += `\nexport interface ${symbol}Options {\n  pageSize: number;\n  cacheTtlMs: number;\n  retries: number;\n}\n\n`;
  text += `const defaults: ${symbol}Options = { pageSize: ${10 + Math.floor(random() * 90)}, cacheTtlMs: ${1000 * (1 + Math.floor(random() * 60))}, retries: ${1 + Math.floor(random() * 4)} };\n\n`;
  text += `/** Reads and writes ${resource} records; callers own authorization. */\nexport class ${symbol} {\n`;
  text += `  private readonly cache = new Map<string, { value: unknown; expires: number }>();\n  private readonly options: ${symbol}Options;\n\n`;
  text += `  constructor(options: Partial<${symbol}Options> = {}) {\n    this.options = { ...defaults, ...options };\n  }\n\n`;
  const methods = 3 + Math.floor(random() * 4);
  for (let m = 0; m < methods; m++) text += serviceMethod(resource, m, imports, random);
  text += `  private remember(key: string, value: unknown): void {\n    this.cache.set(key, { value, expires: Date.now() + this.options.cacheTtlMs });\n  }\n\n`;
  text += `  private recall(key: string): unknown {\n    const entry = this.cache.get(key);\n    if (!entry || entry.expires < Date.now()) return undefined;\n    return entry.value;\n  }\n}\n`;
  return text;
}

function serviceMethod(resource, index, imports, random) {
  const used = imports.filter((entry) => entry.kind === 'util');
  const helper = used.length > 0 ? `${used[Math.floor(random() * used.length)].symbol}.normalize` : 'String';
  switch (index % 4) {
    case 0:
      return `  async list${pascal(resource)}s${index}(page: number, filter: Record<string, string>): Promise<unknown[]> {\n    const key = \`list:\${page}:\${JSON.stringify(filter)}\`;\n    const cached = this.recall(key);\n    if (Array.isArray(cached)) return cached;\n    const offset = Math.max(0, page - 1) * this.options.pageSize;\n    const rows: unknown[] = [];\n    for (let i = 0; i < this.options.pageSize; i++) {\n      rows.push({ index: offset + i, filter: ${helper}(filter.q ?? '') });\n    }\n    this.remember(key, rows);\n    return rows;\n  }\n\n`;
    case 1:
      return `  async find${pascal(resource)}${index}(id: string): Promise<unknown> {\n    if (!/^[a-z0-9-]{8,64}$/.test(id)) throw new Error('invalid id');\n    const cached = this.recall(\`one:\${id}\`);\n    if (cached !== undefined) return cached;\n    for (let attempt = 0; attempt < this.options.retries; attempt++) {\n      const value = await Promise.resolve({ id, attempt });\n      if (value) {\n        this.remember(\`one:\${id}\`, value);\n        return value;\n      }\n    }\n    return undefined;\n  }\n\n`;
    case 2:
      return `  async update${pascal(resource)}${index}(id: string, changes: Record<string, unknown>): Promise<Record<string, unknown>> {\n    const allowed = Object.entries(changes).filter(([field]) => !field.startsWith('_'));\n    const next: Record<string, unknown> = { id };\n    for (const [field, value] of allowed) {\n      next[field] = typeof value === 'string' ? ${helper}(value) : value;\n    }\n    this.cache.delete(\`one:\${id}\`);\n    return next;\n  }\n\n`;
    default:
      return `  summarize${index}(items: Array<{ amount?: number; status?: string }>): { total: number; byStatus: Record<string, number> } {\n    const byStatus: Record<string, number> = {};\n    let total = 0;\n    for (const item of items) {\n      total += item.amount ?? 0;\n      const status = item.status ?? 'unknown';\n      byStatus[status] = (byStatus[status] ?? 0) + 1;\n    }\n    return { total, byStatus };\n  }\n\n`;
  }
}

function utilFile(symbol, relative, imports, random) {
  let text = importLines(relative, imports.filter((entry) => entry.kind !== 'service'));
  text += `\nconst SEPARATOR = '${['-', '_', '.', ':'][Math.floor(random() * 4)]}';\n\n`;
  text += `export const ${symbol} = {\n`;
  text += `  normalize(value: string): string {\n    return value.trim().toLowerCase().replace(/\\s+/g, SEPARATOR);\n  },\n\n`;
  text += `  chunk<T>(items: T[], size: number): T[][] {\n    const chunks: T[][] = [];\n    for (let i = 0; i < items.length; i += size) chunks.push(items.slice(i, i + size));\n    return chunks;\n  },\n\n`;
  text += `  pickDefined<T extends object>(value: T): Partial<T> {\n    const result: Partial<T> = {};\n    for (const key of Object.keys(value) as Array<keyof T>) {\n      if (value[key] !== undefined) result[key] = value[key];\n    }\n    return result;\n  },\n\n`;
  const extra = 1 + Math.floor(random() * 4);
  for (let e = 0; e < extra; e++) {
    text += `  clamp${e}(value: number, low = ${e}, high = ${100 * (e + 1)}): number {\n    if (Number.isNaN(value)) return low;\n    return Math.min(high, Math.max(low, value));\n  },\n\n`;
  }
  text += `};\n`;
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Express: app.ts mounts each router under /api/<resource>s; a third of the routers protect everything with
// router.use(requireAuth); the rest protect per route; admin routes add requireRole('admin').

function writeExpressApp(out, app, routers, bulk, random, count) {
  const base = `src/express/app${app}`;
  out.write(`${base}/middleware/auth.ts`, EXPRESS_AUTH_MIDDLEWARE);
  let appText = `import express from 'express';\nimport { requireAuth } from './middleware/auth';\n`;
  let mounts = '';
  for (let r = 0; r < routers; r++) {
    const resource = RESOURCES[r % RESOURCES.length];
    const name = `${resource}${r}`;
    appText += `import ${name}Router from './routes/${name}.routes';\n`;
    // Every fifth router is mounted behind requireAuth at app level instead of inside the router file.
    const appLevelAuth = r % 5 === 4;
    mounts += appLevelAuth ? `app.use('/api/${name}s', requireAuth, ${name}Router);\n` : `app.use('/api/${name}s', ${name}Router);\n`;
    const file = `${base}/routes/${name}.routes.ts`;
    out.write(file, expressRouter(name, resource, r, appLevelAuth, file, bulk, random, count));
  }
  appText += `\nconst app = express();\napp.use(express.json());\n\n${mounts}\napp.get('/healthz', (_req: Request, res: Response) => res.json({ ok: true }));\n\nexport default app;\n`;
  appText = appText.replace("import express from 'express';\n", "import express, { Request, Response } from 'express';\n");
  count('express', 'public', `${base}/app.ts`, 'get', '/healthz');
  out.write(`${base}/app.ts`, appText);
}

function expressRouter(name, resource, index, appLevelAuth, relative, bulk, random, count) {
  const service = pickService(bulk, random);
  const routerWide = !appLevelAuth && index % 3 === 0;
  let text = `import { Router, Request, Response, NextFunction } from 'express';\nimport { requireAuth, requireRole } from '../middleware/auth';\n`;
  if (service) text += `import { ${service.symbol} } from '${importPath(relative, service.relative)}';\n`;
  text += `\nconst router = Router();\n`;
  if (service) text += `const service = new ${service.symbol}();\n`;
  text += `\n`;
  const publicRoutes = index % 4 === 1 ? PUBLIC_ROUTES.slice(0, 1 + (index % 3)) : [];
  for (const [method, route] of publicRoutes) {
    text += `router.${method}('${route}', async (req: Request, res: Response) => {\n  res.json({ route: '${route}', body: req.body });\n});\n\n`;
    count('express', appLevelAuth ? 'auth' : 'public', relative, method, `/api/${name}s${route}`);
  }
  if (routerWide) text += `router.use(requireAuth);\n\n`;
  const protectedBy = routerWide || appLevelAuth ? '' : 'requireAuth, ';
  const crud = [
    ['get', '/', 'list'], ['get', '/:id', 'show'], ['post', '/', 'create'], ['put', '/:id', 'replace'],
    ['patch', '/:id', 'update'], ['delete', '/:id', 'remove'], ['get', '/:id/history', 'history'], ['post', '/:id/archive', 'archive'],
  ];
  const routeCount = 4 + Math.floor(random() * (crud.length - 3));
  for (let c = 0; c < routeCount; c++) {
    const [method, route, action] = crud[c];
    // One route in ~12 (outside router-wide/app-level auth) forgets requireAuth: the missing-auth positives.
    const forgot = protectedBy !== '' && random() < 0.08;
    const admin = method === 'delete' || action === 'archive';
    const chain = forgot ? '' : `${protectedBy}${admin ? "requireRole('admin'), " : ''}`;
    text += `router.${method}('${route}', ${chain}async (req: Request, res: Response, next: NextFunction) => {\n  try {\n`;
    text += `    const id = req.params.id;\n    const result = ${service ? `await service.${firstMethod(service)}` : 'await Promise.resolve'}(Number(req.query.page ?? 1), { ${action === 'list' ? "q: String(req.query.q ?? '')" : 'id: String(id)'} });\n`;
    text += `    res.status(${method === 'post' ? 201 : 200}).json({ ${action}: result, resource: '${resource}' });\n  } catch (error) {\n    next(error);\n  }\n});\n\n`;
    count('express', forgot ? 'missing' : 'auth', relative, method, `/api/${name}s${route === '/' ? '' : route}`);
  }
  text += `export default router;\n`;
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// NestJS: a global JwtAuthGuard as APP_GUARD (so every route is authenticated unless @Public), @UseGuards(RolesGuard)
// on admin controllers, one controller per resource plus its service.

function writeNestApp(out, controllers, bulk, random, count) {
  const base = 'src/nest';
  out.write(`${base}/auth/public.decorator.ts`, `import { SetMetadata } from '@nestjs/common';\n\nexport const IS_PUBLIC_KEY = 'isPublic';\nexport const Public = () => SetMetadata(IS_PUBLIC_KEY, true);\n`);
  out.write(`${base}/auth/jwt-auth.guard.ts`, NEST_JWT_GUARD);
  out.write(`${base}/auth/roles.guard.ts`, NEST_ROLES_GUARD);
  let moduleText = `import { Module } from '@nestjs/common';\nimport { APP_GUARD } from '@nestjs/core';\nimport { JwtAuthGuard } from './auth/jwt-auth.guard';\n`;
  const names = [];
  for (let c = 0; c < controllers; c++) {
    const resource = RESOURCES[(c + 7) % RESOURCES.length];
    const name = `${resource}${c}`;
    names.push(name);
    moduleText += `import { ${pascal(name)}Controller } from './${name}/${name}.controller';\nimport { ${pascal(name)}Service } from './${name}/${name}.service';\n`;
    out.write(`${base}/${name}/${name}.service.ts`, nestService(name, `${base}/${name}/${name}.service.ts`, bulk, random));
    out.write(`${base}/${name}/${name}.controller.ts`, nestController(name, c, `${base}/${name}/${name}.controller.ts`, random, count));
  }
  moduleText += `\n@Module({\n  controllers: [${names.map((n) => `${pascal(n)}Controller`).join(', ')}],\n  providers: [\n    ${names.map((n) => `${pascal(n)}Service`).join(',\n    ')},\n    { provide: APP_GUARD, useClass: JwtAuthGuard },\n  ],\n})\nexport class AppModule {}\n`;
  out.write(`${base}/app.module.ts`, moduleText);
  out.write(`${base}/main.ts`, `import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\n\nasync function bootstrap(): Promise<void> {\n  const app = await NestFactory.create(AppModule);\n  app.setGlobalPrefix('api');\n  await app.listen(Number(process.env.PORT ?? 3000));\n}\n\nvoid bootstrap();\n`);
}

function nestService(name, relative, bulk, random) {
  const service = pickService(bulk, random);
  let text = `import { Injectable } from '@nestjs/common';\n`;
  if (service) text += `import { ${service.symbol} } from '${importPath(relative, service.relative)}';\n`;
  text += `\n@Injectable()\nexport class ${pascal(name)}Service {\n`;
  if (service) text += `  private readonly store = new ${service.symbol}();\n\n`;
  for (const action of ['findAll', 'findOne', 'create', 'update', 'remove']) {
    text += `  async ${action}(...args: unknown[]): Promise<unknown> {\n    ${service ? `return this.store.${firstMethod(service)}(Number(args[0] ?? 1), {})` : 'return Promise.resolve(args)'};\n  }\n\n`;
  }
  text += `}\n`;
  return text;
}

function nestController(name, index, file, random, count) {
  const adminController = index % 6 === 5;
  const publicController = index % 9 === 4;
  let text = `import { Body, Controller, Delete, Get, Param, Patch, Post, Query, UseGuards } from '@nestjs/common';\nimport { Public } from '../auth/public.decorator';\nimport { RolesGuard } from '../auth/roles.guard';\nimport { ${pascal(name)}Service } from './${name}.service';\n\n`;
  if (adminController) text += `@UseGuards(RolesGuard)\n`;
  if (publicController) text += `@Public()\n`;
  text += `@Controller('${name}s')\nexport class ${pascal(name)}Controller {\n  constructor(private readonly service: ${pascal(name)}Service) {}\n\n`;
  const actions = [
    ['Get', '', 'findAll', '@Query() query: Record<string, string>', 'query'],
    ['Get', ':id', 'findOne', "@Param('id') id: string", 'id'],
    ['Post', '', 'create', '@Body() body: Record<string, unknown>', 'body'],
    ['Patch', ':id', 'update', "@Param('id') id: string, @Body() body: Record<string, unknown>", 'id, body'],
    ['Delete', ':id', 'remove', "@Param('id') id: string", 'id'],
  ];
  const routeCount = 3 + Math.floor(random() * 3);
  for (let a = 0; a < routeCount; a++) {
    const [decorator, route, action, params, args] = actions[a];
    const publicRoute = !publicController && decorator === 'Get' && random() < 0.1;
    if (publicRoute) text += `  @Public()\n`;
    if (!adminController && decorator === 'Delete') text += `  @UseGuards(RolesGuard)\n`;
    text += `  @${decorator}(${route ? `'${route}'` : ''})\n  ${action}(${params}) {\n    return this.service.${action}(${args});\n  }\n\n`;
    count('nest', publicController || publicRoute ? 'public' : 'auth', file, decorator, `/api/${name}s${route ? `/${route}` : ''}`);
  }
  text += `}\n`;
  return text;
}

// ---------------------------------------------------------------------------------------------------------------
// Fastify: server.ts registers @fastify/jwt, decorates `authenticate`, and registers each plugin under a prefix;
// plugins protect routes with onRequest/preHandler hooks, or every route with an addHook.

function writeFastifyApp(out, plugins, bulk, random, count) {
  const base = 'src/fastify';
  let text = `import Fastify, { FastifyReply, FastifyRequest } from 'fastify';\nimport fastifyJwt from '@fastify/jwt';\n`;
  let registers = '';
  for (let p = 0; p < plugins; p++) {
    const resource = RESOURCES[(p + 13) % RESOURCES.length];
    const name = `${resource}${p}`;
    text += `import ${name}Routes from './routes/${name}';\n`;
    registers += `server.register(${name}Routes, { prefix: '/v2/${name}s' });\n`;
    out.write(`${base}/routes/${name}.ts`, fastifyPlugin(name, p, `${base}/routes/${name}.ts`, random, count));
  }
  text += `\nexport const server = Fastify({ logger: true });\n\nserver.register(fastifyJwt, { secret: process.env.JWT_SECRET ?? '' });\nserver.decorate('authenticate', async (request: FastifyRequest, reply: FastifyReply) => {\n  try {\n    await request.jwtVerify();\n  } catch (error) {\n    reply.send(error);\n  }\n});\n\n${registers}\nserver.get('/v2/status', async () => ({ ok: true }));\n`;
  count('fastify', 'public', `${base}/server.ts`, 'get', '/v2/status');
  out.write(`${base}/server.ts`, text);
}

function fastifyPlugin(name, index, file, random, count) {
  const hookWide = index % 2 === 1;
  let text = `import { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';\n\nexport default async function ${name}Routes(fastify: FastifyInstance): Promise<void> {\n`;
  if (hookWide) text += `  fastify.addHook('onRequest', fastify.authenticate);\n\n`;
  const options = hookWide ? '' : '{ onRequest: [fastify.authenticate] }, ';
  const routes = [['get', '/'], ['get', '/:id'], ['post', '/'], ['delete', '/:id']];
  const routeCount = 2 + Math.floor(random() * 3);
  for (let r = 0; r < routeCount; r++) {
    const [method, route] = routes[r];
    const forgot = !hookWide && method === 'get' && random() < 0.15;
    text += `  fastify.${method}('${route}', ${forgot ? '' : options}async (request: FastifyRequest, reply: FastifyReply) => {\n    reply.code(${method === 'post' ? 201 : 200});\n    return { resource: '${name}', params: request.params };\n  });\n\n`;
    count('fastify', forgot ? 'missing' : 'auth', file, method, `/v2/${name}s${route === '/' ? '' : route}`);
  }
  text += `}\n`;
  return text;
}

// ---------------------------------------------------------------------------------------------------------------

const TSCONFIG = JSON.stringify(
  {
    compilerOptions: {
      target: 'ES2022', lib: ['ES2022'], module: 'commonjs', strict: true, esModuleInterop: true, experimentalDecorators: true,
      emitDecoratorMetadata: false, skipLibCheck: true, noEmit: true, types: [],
    },
    include: ['src', 'types'],
  },
  null,
  2,
) + '\n';

// Minimal ambient declarations of the frameworks (values and types are `any`), so the workspace type-checks
// without node_modules.
const AMBIENT_MODULES = `declare module 'express' {
  export type Request = any;
  export type Response = any;
  export type NextFunction = any;
  export function Router(): any;
  const express: any;
  export default express;
}

declare module '@nestjs/common' {
  export interface CanActivate {
    canActivate(context: ExecutionContext): boolean | Promise<boolean>;
  }
  export type ExecutionContext = any;
  export const Body: any, Controller: any, Delete: any, Get: any, Injectable: any, Module: any, Param: any;
  export const Patch: any, Post: any, Query: any, SetMetadata: any, UseGuards: any;
}

declare module '@nestjs/core' {
  export const APP_GUARD: string;
  export const NestFactory: any;
  export class Reflector {
    getAllAndOverride(key: string, targets: unknown[]): any;
  }
}

declare module 'fastify' {
  export type FastifyInstance = any;
  export type FastifyReply = any;
  export type FastifyRequest = any;
  const Fastify: any;
  export default Fastify;
}

declare module '@fastify/jwt';

declare module 'typeorm' {
  export const Column: any, Entity: any, PrimaryGeneratedColumn: any;
}
declare module 'jsonwebtoken';
declare const process: { env: Record<string, string | undefined> };
`;

const EXPRESS_AUTH_MIDDLEWARE = `import { Request, Response, NextFunction } from 'express';
import jwt from 'jsonwebtoken';

export function requireAuth(req: Request, res: Response, next: NextFunction): void {
  const header = String(req.headers.authorization ?? '');
  const token = header.startsWith('Bearer ') ? header.slice(7) : '';
  if (!token) {
    res.status(401).json({ error: 'missing token' });
    return;
  }
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET ?? '');
    next();
  } catch {
    res.status(401).json({ error: 'invalid token' });
  }
}

export function requireRole(role: string) {
  return (req: Request, res: Response, next: NextFunction): void => {
    if (req.user?.role !== role) {
      res.status(403).json({ error: 'forbidden' });
      return;
    }
    next();
  };
}
`;

const NEST_JWT_GUARD = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { IS_PUBLIC_KEY } from './public.decorator';

@Injectable()
export class JwtAuthGuard implements CanActivate {
  constructor(private readonly reflector: Reflector) {}

  canActivate(context: ExecutionContext): boolean {
    const isPublic = this.reflector.getAllAndOverride(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    const request = context.switchToHttp().getRequest();
    return typeof request.headers.authorization === 'string' && request.headers.authorization.startsWith('Bearer ');
  }
}
`;

const NEST_ROLES_GUARD = `import { CanActivate, ExecutionContext, Injectable } from '@nestjs/common';

@Injectable()
export class RolesGuard implements CanActivate {
  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest();
    return request.user?.role === 'admin';
  }
}
`;

class WorkspaceWriter {
  constructor(root) {
    this.root = root;
    this.files = 0;
    this.lines = 0;
  }

  write(relative, text) {
    const target = path.join(this.root, relative);
    fs.mkdirSync(path.dirname(target), { recursive: true });
    fs.writeFileSync(target, text);
    this.files++;
    this.lines += text.endsWith('\n') ? text.split('\n').length - 1 : text.split('\n').length;
  }
}

function importLines(fromRelative, imports) {
  return imports.map((entry) => `import { ${entry.symbol} } from '${importPath(fromRelative, entry.relative)}';\n`).join('');
}

function importPath(fromRelative, toRelative) {
  const relative = path.posix.relative(path.posix.dirname(fromRelative), toRelative).replace(/\.ts$/, '');
  return relative.startsWith('.') ? relative : `./${relative}`;
}

function pickService(bulk, random) {
  const services = bulk.filter((entry) => entry.kind === 'service');
  return services.length > 0 ? services[Math.floor(random() * services.length)] : undefined;
}

// Every generated service has list<Resource>s0 as its first method (index 0 is always a list method).
function firstMethod(service) {
  const resource = service.relative.split('/')[2];
  return `list${pascal(resource)}s0`;
}

function pick(items, n, random) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy.slice(0, Math.min(n, copy.length));
}

function pascal(text) {
  return text.replace(/(^|[-_])(\w)/g, (_m, _sep, ch) => ch.toUpperCase());
}

function snake(text) {
  return text.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
}

// A small, fast, seeded PRNG (mulberry32): same seed, same workspace.
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const args = process.argv.slice(2);
  const dir = args.find((arg, i) => !arg.startsWith('--') && !args[i - 1]?.startsWith('--'));
  if (!dir) {
    console.error('Usage: node test/bench/generate-api-workspace.mjs <dir> [--files N] [--seed S] [--manifest routes.json]');
    process.exit(2);
  }
  const option = (name, fallback) => {
    const at = args.indexOf(name);
    return at >= 0 ? Number(args[at + 1]) : fallback;
  };
  const { manifest, ...summary } = generateApiWorkspace(path.resolve(dir), { files: option('--files', DEFAULT_FILES), seed: option('--seed', DEFAULT_SEED) });
  const manifestAt = args.indexOf('--manifest');
  if (manifestAt >= 0) fs.writeFileSync(args[manifestAt + 1], JSON.stringify(manifest, null, 1) + '\n');
  console.log(JSON.stringify(summary));
}
