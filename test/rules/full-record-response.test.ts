// full-record-response over TypeScript handlers, with fields from the checker (Prisma's declared client, entity
// classes, services in other files): every framework's response sink, eager loads, the record just written, the
// precision traps, and every fix applied, re-analysed by the tester and type-checked against the ORM declarations.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fullRecordResponse } from '../../rules/full-record-response';
import { runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';
import { ORM_TEST_DECLARATIONS } from '../support/orm-declarations';
import { typeCheckWithOrms } from '../support/orm-typecheck';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** A TypeScript project whose checker sees the declared Prisma client and web frameworks. */
const TYPED_PROJECT: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', experimentalDecorators: true, strictPropertyInitialization: false }, include: ['src'] }),
  'src/orm-declarations.d.ts': ORM_TEST_DECLARATIONS,
};

const PRISMA_HEADER = [
  "import express from 'express';",
  "import { PrismaClient } from '@prisma/client';",
  "const prisma = new PrismaClient();",
  "const app = express();",
];

const USER_LEAK = 'The response returns User.password: the User read by prisma.user.findUnique(…) is sent whole through res.json. Select only the fields the client needs.';

function typed(testCase: Omit<InvalidCase, 'files'> & { files?: Record<string, string> }): InvalidCase {
  return { ...testCase, files: { ...TYPED_PROJECT, ...testCase.files } };
}
function typedValid(testCase: Omit<ValidCase, 'files'> & { files?: Record<string, string> }): ValidCase {
  return { ...testCase, files: { ...TYPED_PROJECT, ...testCase.files } };
}

const invalid: InvalidCase[] = [
  typed({
    name: 'Express + Prisma: findUnique sent whole; fix omits the password at the query',
    code: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });",
      "  res.json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: USER_LEAK, line: 7, column: 12, endLine: 7, endColumn: 16, severity: 'error' }],
    output: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) }, omit: { password: true } });",
      "  res.json(user);",
      "});"),
  }),
  typed({
    name: 'Express + Prisma: the allow-list mapping fix',
    code: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });",
      "  res.json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', line: 7, column: 12, endLine: 7, endColumn: 16 }],
    fixTitle: 'Send only id, email, name, role, isAdmin, createdAt',
    output: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });",
      "  res.json(user && { id: user.id, email: user.email, name: user.name, role: user.role, isAdmin: user.isAdmin, createdAt: user.createdAt });",
      "});"),
  }),
  typed({
    name: 'findMany in a wrapper, through an identity map; fix adds the options argument',
    code: lines(...PRISMA_HEADER,
      "app.get('/users', async (req, res) => {",
      "  const users = await prisma.user.findMany();",
      "  res.status(200).json({ data: users.map((u) => u), total: users.length });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User read by prisma.user.findMany(…) is sent whole through res.json. Select only the fields the client needs.', line: 7, column: 24, endLine: 7, endColumn: 74 }],
    output: lines(...PRISMA_HEADER,
      "app.get('/users', async (req, res) => {",
      "  const users = await prisma.user.findMany({ omit: { password: true } });",
      "  res.status(200).json({ data: users.map((u) => u), total: users.length });",
      "});"),
  }),
  typed({
    name: 'Prisma include pulls in the author: the leak is named with its path; fix omits inside the include',
    code: lines(...PRISMA_HEADER,
      "app.get('/posts', async (req, res) => {",
      "  res.json(await prisma.post.findMany({ include: { author: true } }));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password via Post.include[author]: the Post read by prisma.post.findMany(…) is sent whole through res.json. Select only the fields the client needs.', line: 6, column: 12, endLine: 6, endColumn: 69 }],
    output: lines(...PRISMA_HEADER,
      "app.get('/posts', async (req, res) => {",
      "  res.json(await prisma.post.findMany({ include: { author: { omit: { password: true } } } }));",
      "});"),
  }),
  typed({
    name: 'the record just created, sent back with res.status(201).json',
    code: lines(...PRISMA_HEADER,
      "app.post('/users', async (req, res) => {",
      "  const user = await prisma.user.create({ data: { email: String(req.body.email), password: String(req.body.password) } });",
      "  res.status(201).json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User written by prisma.user.create(…) is sent whole through res.json. Select only the fields the client needs.', line: 7, column: 24, endLine: 7, endColumn: 28 }],
    output: lines(...PRISMA_HEADER,
      "app.post('/users', async (req, res) => {",
      "  const user = await prisma.user.create({ data: { email: String(req.body.email), password: String(req.body.password) }, omit: { password: true } });",
      "  res.status(201).json(user);",
      "});"),
  }),
  typed({
    name: 'followed through .then and a destructured wrapper',
    code: lines(...PRISMA_HEADER,
      "app.get('/me', (req, res) => {",
      "  prisma.user.findUniqueOrThrow({ where: { id: 1 } }).then((found) => {",
      "    const result = { user: found };",
      "    const { user } = result;",
      "    res.send(user);",
      "  });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User read by prisma.user.findUniqueOrThrow(…) is sent whole through res.send. Select only the fields the client needs.', line: 9, column: 14, endLine: 9, endColumn: 18 }],
    fixTitle: 'Send only id, email, name, role, isAdmin, createdAt',
    output: lines(...PRISMA_HEADER,
      "app.get('/me', (req, res) => {",
      "  prisma.user.findUniqueOrThrow({ where: { id: 1 } }).then((found) => {",
      "    const result = { user: found };",
      "    const { user } = result;",
      "    res.send({ id: user.id, email: user.email, name: user.name, role: user.role, isAdmin: user.isAdmin, createdAt: user.createdAt });",
      "  });",
      "});"),
  }),
  typed({
    name: 'Fastify: the handler returns the record',
    code: lines(
      "import fastify from 'fastify';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = fastify();",
      "app.get('/users/:id', async (request, reply) => {",
      "  return prisma.user.findUniqueOrThrow({ where: { id: Number(request.params.id) } });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: "The response returns User.password: the User read by prisma.user.findUniqueOrThrow(…) is sent whole through the handler's return value. Select only the fields the client needs.", line: 6, column: 10, endLine: 6, endColumn: 85 }],
    output: lines(
      "import fastify from 'fastify';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = fastify();",
      "app.get('/users/:id', async (request, reply) => {",
      "  return prisma.user.findUniqueOrThrow({ where: { id: Number(request.params.id) }, omit: { password: true } });",
      "});"),
  }),
  typed({
    name: 'Fastify: the handler of route options returns the record',
    code: lines(
      "import fastify from 'fastify';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = fastify();",
      "app.route({ method: 'GET', url: '/users', handler: async () => {",
      "  const users = await prisma.user.findMany();",
      "  return users;",
      "} });"),
    errors: [{ messageId: 'fullRecord', message: "The response returns User.password: the User read by prisma.user.findMany(…) is sent whole through the handler's return value. Select only the fields the client needs.", line: 7, column: 10, endLine: 7, endColumn: 15 }],
  }),
  typed({
    name: 'Fastify: reply.send',
    code: lines(
      "import fastify from 'fastify';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = fastify();",
      "app.get('/users', async (request, reply) => {",
      "  const users = await prisma.user.findMany({ where: { isAdmin: false } });",
      "  reply.code(200).send(users);",
      "});"),
    errors: [{ messageId: 'fullRecord', line: 7, column: 24, endLine: 7, endColumn: 29 }],
    fixTitle: 'Send only id, email, name, role, isAdmin, createdAt',
    output: lines(
      "import fastify from 'fastify';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = fastify();",
      "app.get('/users', async (request, reply) => {",
      "  const users = await prisma.user.findMany({ where: { isAdmin: false } });",
      "  reply.code(200).send(users.map((entry) => ({ id: entry.id, email: entry.email, name: entry.name, role: entry.role, isAdmin: entry.isAdmin, createdAt: entry.createdAt })));",
      "});"),
  }),
  typed({
    name: 'Koa: ctx.body = a record spread into a new object',
    code: lines(
      "import Koa from 'koa';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = new Koa();",
      "app.use(async (ctx) => {",
      "  const user = await prisma.user.findFirst({ where: { email: 'a@b.c' } });",
      "  ctx.body = { ...user, seen: true };",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User read by prisma.user.findFirst(…) is sent whole through ctx.body. Select only the fields the client needs.', line: 7, column: 14, endLine: 7, endColumn: 37 }],
    output: lines(
      "import Koa from 'koa';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = new Koa();",
      "app.use(async (ctx) => {",
      "  const user = await prisma.user.findFirst({ where: { email: 'a@b.c' }, omit: { password: true } });",
      "  ctx.body = { ...user, seen: true };",
      "});"),
  }),
  typed({
    name: 'Hono: c.json',
    code: lines(
      "import { Hono } from 'hono';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = new Hono();",
      "app.get('/users', async (c) => c.json({ users: await prisma.user.findMany() }));"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User read by prisma.user.findMany(…) is sent whole through c.json. Select only the fields the client needs.', line: 5, column: 39, endLine: 5, endColumn: 78 }],
    output: lines(
      "import { Hono } from 'hono';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "const app = new Hono();",
      "app.get('/users', async (c) => c.json({ users: await prisma.user.findMany({ omit: { password: true } }) }));"),
  }),
  typed({
    name: 'Next.js route handler: NextResponse.json',
    filename: 'src/app/api/users/[id]/route.ts',
    code: lines(
      "import { NextResponse } from 'next/server';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET(request: Request, { params }: { params: { id: string } }) {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(params.id) } });",
      "  return NextResponse.json(user);",
      "}"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password: the User read by prisma.user.findUnique(…) is sent whole through NextResponse.json. Select only the fields the client needs.', line: 6, column: 28, endLine: 6, endColumn: 32 }],
    output: lines(
      "import { NextResponse } from 'next/server';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET(request: Request, { params }: { params: { id: string } }) {",
      "  const user = await prisma.user.findUnique({ where: { id: Number(params.id) }, omit: { password: true } });",
      "  return NextResponse.json(user);",
      "}"),
  }),
  typed({
    name: 'fetch-style: new Response(JSON.stringify(record))',
    filename: 'src/app/api/users/route.ts',
    code: lines(
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET() {",
      "  const users = await prisma.user.findMany({ take: 10 });",
      "  return new Response(JSON.stringify(users), { headers: { 'content-type': 'application/json' } });",
      "}"),
    errors: [{ messageId: 'fullRecord', line: 5, column: 38, endLine: 5, endColumn: 43 }],
    output: lines(
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET() {",
      "  const users = await prisma.user.findMany({ take: 10, omit: { password: true } });",
      "  return new Response(JSON.stringify(users), { headers: { 'content-type': 'application/json' } });",
      "}"),
  }),
  typed({
    name: 'configured sensitive field (apiguard.json option) joins the built-in list',
    options: { sensitiveFields: ['email'] },
    code: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  res.json(await prisma.user.findUniqueOrThrow({ where: { id: 1 } }));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.email, User.password: the User read by prisma.user.findUniqueOrThrow(…) is sent whole through res.json. Select only the fields the client needs.', line: 6, column: 12, endLine: 6, endColumn: 69 }],
    output: lines(...PRISMA_HEADER,
      "app.get('/users/:id', async (req, res) => {",
      "  res.json(await prisma.user.findUniqueOrThrow({ where: { id: 1 }, omit: { email: true, password: true } }));",
      "});"),
  }),
  typed({
    name: 'one element of a list: the mapping fix maps one object (which may be missing), not an array',
    code: lines(...PRISMA_HEADER,
      "app.get('/users/first', async (req, res) => {",
      "  const users = await prisma.user.findMany({ where: { isAdmin: false } });",
      "  const first = users[0];",
      "  res.json(first);",
      "});"),
    errors: [{ messageId: 'fullRecord', line: 8, column: 12, endLine: 8, endColumn: 17 }],
    fixTitle: 'Send only id, email, name, role, isAdmin, createdAt',
    output: lines(...PRISMA_HEADER,
      "app.get('/users/first', async (req, res) => {",
      "  const users = await prisma.user.findMany({ where: { isAdmin: false } });",
      "  const first = users[0];",
      "  res.json(first && { id: first.id, email: first.email, name: first.name, role: first.role, isAdmin: first.isAdmin, createdAt: first.createdAt });",
      "});"),
  }),
];

const valid: ValidCase[] = [
  typedValid({
    name: 'projected queries: select, omit, include with its own select',
    code: lines(...PRISMA_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const a = await prisma.user.findUnique({ where: { id: 1 }, select: { id: true, email: true } });",
      "  const b = await prisma.user.findMany({ omit: { password: true } });",
      "  const c = await prisma.post.findMany({ include: { author: { select: { email: true } } } });",
      "  res.json({ a, b, c });",
      "});"),
  }),
  typedValid({
    name: 'field-by-field objects, one field, DTO mapping functions, mapped objects',
    code: lines(...PRISMA_HEADER,
      "function toDto(user: { id: number; email: string }) { return { id: user.id, email: user.email }; }",
      "app.get('/a', async (req, res) => {",
      "  const user = await prisma.user.findUniqueOrThrow({ where: { id: 1 } });",
      "  const users = await prisma.user.findMany();",
      "  res.json({ id: user.id, email: user.email, name: user.name });",
      "  res.json(user.id);",
      "  res.json(users.map(toDto));",
      "  res.json(users.map(({ id, email }) => ({ id, email })));",
      "  res.json({ items: users.map((u) => ({ id: u.id })) });",
      "});"),
  }),
  typedValid({
    name: 'the sensitive field removed before sending: delete, assignment, blanked in a spread, rest destructuring',
    code: lines(...PRISMA_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const a: { password?: string } = await prisma.user.findUniqueOrThrow({ where: { id: 1 } });",
      "  delete a.password;",
      "  const b = await prisma.user.findUniqueOrThrow({ where: { id: 2 } });",
      "  (b as { password?: string }).password = undefined;",
      "  const c = await prisma.user.findUniqueOrThrow({ where: { id: 3 } });",
      "  const { password, ...d } = await prisma.user.findUniqueOrThrow({ where: { id: 4 } });",
      "  res.json([a, b, { ...c, password: undefined }, d]);",
      "});"),
  }),
  typedValid({
    name: 'a login handler returns a freshly signed token, not a record',
    code: lines(...PRISMA_HEADER,
      "declare function sign(payload: object): string;",
      "app.post('/login', async (req, res) => {",
      "  const user = await prisma.user.findUniqueOrThrow({ where: { email: String(req.body.email) } });",
      "  const token = sign({ sub: user.id });",
      "  res.json({ token, refreshToken: sign({ sub: user.id, kind: 'refresh' }) });",
      "});"),
  }),
  typedValid({
    name: 'models whose fields only sound sensitive (passwordChangedAt, tokenCount, isPasswordSet)',
    files: { 'src/account.ts': "export interface Account { id: number; passwordChangedAt: Date; tokenCount: number; isPasswordSet: boolean; resetTokenExpires: Date | null }\nexport declare const accounts: { findMany(): Promise<Account[]> };\n" },
    code: lines(
      "import express from 'express';",
      "import { PrismaClient } from '@prisma/client';",
      "import { accounts } from './account';",
      "const db = { account: accounts };",
      "const app = express();",
      "app.get('/accounts', async (req, res) => {",
      "  res.json(await db.account.findMany());",
      "});"),
  }),
  typedValid({
    name: "an array's find on a capitalised name is not a query; a list's element mapped by a method is projected",
    code: lines(...PRISMA_HEADER,
      "const Sessions = [{ id: 1, token: 'x' }];",
      "app.get('/a', async (req, res) => {",
      "  const users = await prisma.user.findMany();",
      "  res.json({ session: Sessions.find((s) => s.id === 1), users: users.map((u) => String(u.id)) });",
      "});"),
  }),
  typedValid({
    name: 'an Express handler that returns a record sends nothing (Express ignores return values); Fastify route options with a projected read',
    code: lines(...PRISMA_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const user = await prisma.user.findUniqueOrThrow({ where: { id: 1 } });",
      "  res.json({ id: user.id });",
      "  return user;",
      "});"),
  }),
  typedValid({
    name: 'Prisma records that are not sent (logged, compared) are not responses',
    code: lines(...PRISMA_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const user = await prisma.user.findUniqueOrThrow({ where: { id: 1 } });",
      "  console.log(user);",
      "  res.json({ ok: user.isAdmin });",
      "});"),
  }),
];

runRuleTests(fullRecordResponse, { valid, invalid });

describe('full-record-response fixes type-check against the ORM declarations', () => {
  for (const testCase of invalid) {
    if (typeof testCase.output !== 'string') continue;
    it(testCase.name ?? '', () => {
      const file = testCase.filename?.replace(/^src\//, '') ?? 'app.ts';
      assert.deepEqual(typeCheckWithOrms({ [file]: testCase.code }), [], 'the original');
      assert.deepEqual(typeCheckWithOrms({ [file]: testCase.output as string }), [], 'the fixed file');
    });
  }
});
