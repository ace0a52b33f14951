// unparameterized-query: the allow-list guard for identifiers. In a request handler it answers 400 the way the
// framework does (Express, Fastify, Koa, Hono, Next.js, NestJS); elsewhere, and inside a nested callback that cannot
// return from the handler, it throws a RangeError. Its list comes from what the code knows: a constant list or
// string enum named for the value, the literals it is compared with or typed as, the columns of the model the query
// reads, ASC/DESC for a direction; else a TODO that the fix title names. JS (CommonJS and ESM) and TS; every TS
// output type-checks under strict and noImplicitReturns, and every fixed file is re-analysed with no finding left.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { runCase, runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';
import { typeCheckFiles } from '../support/type-check';
import { DRIVER_DECLARATIONS } from './unparameterized-query-driver-types';
import * as ts from 'typescript';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The frameworks' answering APIs, as their documentation shows them; only what the cases use. */
const FRAMEWORK_DECLARATIONS = `
declare module 'fastify' {
  export interface FastifyRequest { query: any; params: any; body: any }
  export interface FastifyReply { code(status: number): FastifyReply; send(body?: unknown): FastifyReply }
  export interface FastifyInstance { get(path: string, handler: (request: FastifyRequest, reply: FastifyReply) => unknown): void }
  export default function fastify(): FastifyInstance;
}
declare module '@koa/router' {
  export interface RouterContext { query: any; params: any; request: { body: any }; body: unknown; throw(status: number, message?: string): never }
  export default class Router { get(path: string, handler: (ctx: RouterContext) => unknown): void }
}
declare module 'hono' {
  export interface Context { req: { query(name: string): string | undefined }; json(body: unknown, status?: number): Response }
  export class Hono { get(path: string, handler: (c: Context) => unknown): void }
}
declare module 'next/server' {
  export class NextRequest extends Request { nextUrl: URL }
  export class NextResponse extends Response { static json(body: unknown, init?: { status?: number }): NextResponse }
}
declare module '@nestjs/common' {
  export function Controller(prefix?: string): ClassDecorator;
  export function Get(path?: string): MethodDecorator;
  export function Query(name?: string): ParameterDecorator;
  export class BadRequestException extends Error { constructor(message?: string) }
}
declare module '@nestjs/typeorm' {
  export function InjectRepository(entity: Function): ParameterDecorator;
}
declare module 'typeorm' {
  export function Entity(name?: string): ClassDecorator;
  export function Column(options?: object): PropertyDecorator;
  export function PrimaryGeneratedColumn(): PropertyDecorator;
  export function OneToMany(type: () => Function, inverse: (x: any) => unknown): PropertyDecorator;
}
`;

const express = (...body: string[]) => [
  "import express from 'express';",
  "import { Pool } from 'pg';",
  "const pool = new Pool();",
  "const app = express();",
  ...body,
];

const USER_ENTITY = lines(
  "import { Entity, Column, PrimaryGeneratedColumn, OneToMany } from 'typeorm';",
  "@Entity('users')",
  "export class User {",
  "  @PrimaryGeneratedColumn() id!: number;",
  "  @Column() name!: string;",
  "  @Column() createdAt!: Date;",
  "  @Column({ select: false }) passwordHash!: string;",
  "  @OneToMany(() => User, (user: User) => user.id) friends!: User[];",
  "}",
);

const PRODUCT_SCHEMA = lines(
  "datasource db {",
  "  provider = \"postgresql\"",
  "  url      = env(\"DATABASE_URL\")",
  "}",
  "model Product {",
  "  id        Int      @id @default(autoincrement())",
  "  name      String",
  "  price     Int",
  "  apiToken  String",
  "  createdAt DateTime @default(now())",
  "}",
);

const valid: ValidCase[] = [
  {
    name: "Koa: a guard answering with ctx.throw(400) protects the query after it",
    code: lines(
      "import Router from '@koa/router';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const router = new Router();",
      "router.get('/users', async (ctx) => {",
      "  const direction = ctx.query.dir;",
      "  if (!['ASC', 'DESC'].includes(direction)) ctx.throw(400, 'invalid sort direction');",
      "  ctx.body = (await pool.query(`SELECT * FROM users ORDER BY name ${direction}`)).rows;",
      "});",
    ),
  },
];

const invalid: InvalidCase[] = [
  // ── Express ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "Express (TS, handler typed Promise<void>): a constant list named for the value, 400 then return",
    fixTitle: "Check `sort` against an allow-list",
    code: lines(
      "import express, { type Request, type Response } from 'express';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const SORTABLE_COLUMNS = ['name', 'created_at'] as const;",
      "const PAGE_SIZES = ['10', '50'] as const;",
      "export async function listUsers(req: Request, res: Response): Promise<void> {",
      "  const sort = String(req.query.sort);",
      "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort}`);",
      "  res.json(result.rows);",
      "}",
      "express().get('/users', listUsers);",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 35, endLine: 8, endColumn: 73, severity: "error" }],
    output: lines(
      "import express, { type Request, type Response } from 'express';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const SORTABLE_COLUMNS = ['name', 'created_at'] as const;",
      "const PAGE_SIZES = ['10', '50'] as const;",
      "export async function listUsers(req: Request, res: Response): Promise<void> {",
      "  const sort = String(req.query.sort);",
      "  const allowedSortColumns: readonly unknown[] = SORTABLE_COLUMNS;",
      "  if (!allowedSortColumns.includes(sort)) {",
      "    res.status(400).json({ error: 'invalid sort column' });",
      "    return;",
      "  }",
      "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort}`);",
      "  res.json(result.rows);",
      "}",
      "express().get('/users', listUsers);",
    ),
  },
  {
    name: "Express (CommonJS): the literals a switch compares the value with, the response parameter's own name",
    filename: "src/products.js",
    fixTitle: "Check `sort` against an allow-list (the values it is compared with)",
    code: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "exports.list = async (request, response) => {",
      "  const sort = request.query.sort;",
      "  let label;",
      "  switch (sort) {",
      "    case 'name': label = 'Name'; break;",
      "    case 'price': label = 'Price'; break;",
      "    default: label = 'Newest';",
      "  }",
      "  const result = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  response.json({ label, rows: result.rows });",
      "};",
    ),
    errors: [{ messageId: "requestIdentifier", line: 11, column: 35, endLine: 11, endColumn: 76, severity: "error" }],
    output: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "exports.list = async (request, response) => {",
      "  const sort = request.query.sort;",
      "  let label;",
      "  switch (sort) {",
      "    case 'name': label = 'Name'; break;",
      "    case 'price': label = 'Price'; break;",
      "    default: label = 'Newest';",
      "  }",
      "  const allowedSortColumns = ['name', 'price'];",
      "  if (!allowedSortColumns.includes(sort)) {",
      "    response.status(400).json({ error: 'invalid sort column' });",
      "    return;",
      "  }",
      "  const result = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  response.json({ label, rows: result.rows });",
      "};",
    ),
  },
  {
    name: "Express (TS): a direction gets ASC/DESC; a table position with nothing known gets a TODO the title names",
    fixTitle: "Check `table`, `dir` against an allow-list (fill in the allowed tables)",
    code: lines(
      ...express(
        "app.get('/export', async (req, res) => {",
        "  const { table, dir } = req.query;",
        "  const result = await pool.query(`SELECT * FROM ${table} ORDER BY id ${dir}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
    errors: [{ messageId: "requestIdentifier", line: 7, column: 35, endLine: 7, endColumn: 78, severity: "error" }],
    output: lines(
      ...express(
        "app.get('/export', async (req, res) => {",
        "  const { table, dir } = req.query;",
        "  const allowedTables: readonly unknown[] = [/* TODO: list the allowed tables */];",
        "  if (!allowedTables.includes(table)) {",
        "    res.status(400).json({ error: 'invalid table' });",
        "    return;",
        "  }",
        "  const allowedSortDirections: readonly unknown[] = ['ASC', 'DESC', 'asc', 'desc'];",
        "  if (!allowedSortDirections.includes(dir)) {",
        "    res.status(400).json({ error: 'invalid sort direction' });",
        "    return;",
        "  }",
        "  const result = await pool.query(`SELECT * FROM ${table} ORDER BY id ${dir}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
  },
  {
    name: "Express (TS): a default alone starts the list, which keeps a TODO, and the title says to fill it in",
    fixTitle: "Check `sort` against an allow-list (fill in the allowed columns)",
    code: lines(
      ...express(
        "app.get('/users', async (req, res) => {",
        "  const sort = String(req.query.sort ?? 'created_at');",
        "  const result = await pool.query(`SELECT id, name FROM accounts ORDER BY ${sort}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
    errors: [{ messageId: "requestIdentifier", line: 7, column: 35, endLine: 7, endColumn: 83, severity: "error" }],
    output: lines(
      ...express(
        "app.get('/users', async (req, res) => {",
        "  const sort = String(req.query.sort ?? 'created_at');",
        "  const allowedSortColumns: readonly unknown[] = ['created_at', /* TODO: list the allowed columns */];",
        "  if (!allowedSortColumns.includes(sort)) {",
        "    res.status(400).json({ error: 'invalid sort column' });",
        "    return;",
        "  }",
        "  const result = await pool.query(`SELECT id, name FROM accounts ORDER BY ${sort}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
  },
  {
    name: "Express (TS) with a TypeORM entity: the entity's columns, without relations, hidden fields or secrets",
    fixTitle: "Check `sort` against an allow-list (the columns of User)",
    files: { "src/user.entity.ts": USER_ENTITY },
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "const dataSource = new DataSource({ type: 'postgres' });",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  const sort = String(req.query.sort);",
      "  const users = await dataSource.getRepository(User).createQueryBuilder('user').orderBy(`user.${sort}`).getMany();",
      "  res.json(users);",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 89, endLine: 8, endColumn: 103, severity: "error" }],
    output: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "const dataSource = new DataSource({ type: 'postgres' });",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  const sort = String(req.query.sort);",
      "  const allowedSortColumns: readonly unknown[] = ['id', 'name', 'createdAt'];",
      "  if (!allowedSortColumns.includes(sort)) {",
      "    res.status(400).json({ error: 'invalid sort column' });",
      "    return;",
      "  }",
      "  const users = await dataSource.getRepository(User).createQueryBuilder('user').orderBy(`user.${sort}`).getMany();",
      "  res.json(users);",
      "});",
    ),
  },
  // ── Fastify ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "Fastify (ESM): return reply.code(400).send(…), the list from === comparisons",
    filename: "src/routes.mjs",
    fixTitle: "Check `sort` against an allow-list (the values it is compared with)",
    code: lines(
      "import Fastify from 'fastify';",
      "import pg from 'pg';",
      "const pool = new pg.Pool();",
      "const app = Fastify();",
      "app.get('/products', async (request, reply) => {",
      "  const sort = request.query.sort;",
      "  const heading = sort === 'price' ? 'Cheapest first' : sort === 'name' ? 'A to Z' : 'Products';",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  return { heading, rows };",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 37, endLine: 8, endColumn: 78, severity: "error" }],
    output: lines(
      "import Fastify from 'fastify';",
      "import pg from 'pg';",
      "const pool = new pg.Pool();",
      "const app = Fastify();",
      "app.get('/products', async (request, reply) => {",
      "  const sort = request.query.sort;",
      "  const heading = sort === 'price' ? 'Cheapest first' : sort === 'name' ? 'A to Z' : 'Products';",
      "  const allowedSortColumns = ['price', 'name'];",
      "  if (!allowedSortColumns.includes(sort)) return reply.code(400).send({ error: 'invalid sort column' });",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  return { heading, rows };",
      "});",
    ),
  },
  {
    name: "Fastify (TS): a string enum named for the value",
    fixTitle: "Check `sortColumn` against an allow-list",
    code: lines(
      "import Fastify from 'fastify';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "enum SortColumn { Name = 'name', Price = 'price' }",
      "const app = Fastify();",
      "app.get('/products', async (request, reply) => {",
      "  const sortColumn: string = request.query.sort;",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sortColumn}`);",
      "  return rows;",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 37, endLine: 8, endColumn: 84, severity: "error" }],
    output: lines(
      "import Fastify from 'fastify';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "enum SortColumn { Name = 'name', Price = 'price' }",
      "const app = Fastify();",
      "app.get('/products', async (request, reply) => {",
      "  const sortColumn: string = request.query.sort;",
      "  const allowedSortColumns: readonly unknown[] = Object.values(SortColumn);",
      "  if (!allowedSortColumns.includes(sortColumn)) return reply.code(400).send({ error: 'invalid sort column' });",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sortColumn}`);",
      "  return rows;",
      "});",
    ),
  },
  {
    name: "Fastify plugin file (CommonJS) importing nothing from fastify, handler named (req, res): reply's idiom, not Express's",
    filename: "src/routes/products.js",
    fixTitle: "Check `dir` against an allow-list",
    code: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "module.exports = async function productRoutes(app, opts) {",
      "  app.get('/products', async (req, res) => {",
      "    const dir = req.query.dir;",
      "    const { rows } = await pool.query(`SELECT * FROM products ORDER BY price ${dir}`);",
      "    return rows;",
      "  });",
      "};",
    ),
    errors: [{ messageId: "requestIdentifier", line: 6, column: 39, endLine: 6, endColumn: 85, severity: "error" }],
    output: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "module.exports = async function productRoutes(app, opts) {",
      "  app.get('/products', async (req, res) => {",
      "    const dir = req.query.dir;",
      "    const allowedSortDirections = ['ASC', 'DESC', 'asc', 'desc'];",
      "    if (!allowedSortDirections.includes(dir)) return res.code(400).send({ error: 'invalid sort direction' });",
      "    const { rows } = await pool.query(`SELECT * FROM products ORDER BY price ${dir}`);",
      "    return rows;",
      "  });",
      "};",
    ),
  },
  // ── Koa ──────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "Koa (TS): ctx.throw(400, …), a direction list from a constant named DIRECTIONS",
    fixTitle: "Check `direction` against an allow-list",
    code: lines(
      "import Router from '@koa/router';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const DIRECTIONS = ['asc', 'desc'];",
      "const router = new Router();",
      "router.get('/users', async (ctx) => {",
      "  const direction = ctx.query.dir;",
      "  ctx.body = (await pool.query(`SELECT * FROM users ORDER BY name ${direction}`)).rows;",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 32, endLine: 8, endColumn: 80, severity: "error" }],
    output: lines(
      "import Router from '@koa/router';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const DIRECTIONS = ['asc', 'desc'];",
      "const router = new Router();",
      "router.get('/users', async (ctx) => {",
      "  const direction = ctx.query.dir;",
      "  const allowedSortDirections: readonly unknown[] = DIRECTIONS;",
      "  if (!allowedSortDirections.includes(direction)) ctx.throw(400, 'invalid sort direction');",
      "  ctx.body = (await pool.query(`SELECT * FROM users ORDER BY name ${direction}`)).rows;",
      "});",
    ),
  },
  {
    name: "Koa (CommonJS): ctx.throw(400, …) with the context's own name",
    filename: "src/users.js",
    fixTitle: "Check `column` against an allow-list (the values it is compared with)",
    code: lines(
      "const Router = require('@koa/router');",
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "const router = new Router();",
      "router.get('/users/:column', async (context) => {",
      "  const column = context.params.column;",
      "  if (column === 'email') context.state.audit = true;",
      "  context.body = (await pool.query(`SELECT ${column} FROM users`)).rows;",
      "});",
      "module.exports = router;",
    ),
    errors: [{ messageId: "requestIdentifier", line: 8, column: 36, endLine: 8, endColumn: 65, severity: "error" }],
    output: lines(
      "const Router = require('@koa/router');",
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "const router = new Router();",
      "router.get('/users/:column', async (context) => {",
      "  const column = context.params.column;",
      "  if (column === 'email') context.state.audit = true;",
      "  const allowedColumns = ['email'];",
      "  if (!allowedColumns.includes(column)) context.throw(400, 'invalid column');",
      "  context.body = (await pool.query(`SELECT ${column} FROM users`)).rows;",
      "});",
      "module.exports = router;",
    ),
  },
  // ── Hono ─────────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "Hono (TS): return c.json(…, 400), the literal type the value is declared with",
    fixTitle: "Check `sort` against an allow-list",
    code: lines(
      "import { Hono } from 'hono';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const app = new Hono();",
      "app.get('/products', async (c) => {",
      "  const sort = c.req.query('sort') as 'name' | 'price';",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  return c.json(rows);",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 7, column: 37, endLine: 7, endColumn: 78, severity: "error" }],
    output: lines(
      "import { Hono } from 'hono';",
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "const app = new Hono();",
      "app.get('/products', async (c) => {",
      "  const sort = c.req.query('sort') as 'name' | 'price';",
      "  const allowedSortColumns: readonly unknown[] = ['name', 'price'];",
      "  if (!allowedSortColumns.includes(sort)) return c.json({ error: 'invalid sort column' }, 400);",
      "  const { rows } = await pool.query(`SELECT * FROM products ORDER BY ${sort}`);",
      "  return c.json(rows);",
      "});",
    ),
  },
  // ── Next.js ──────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "Next.js route handler (TS): NextResponse.json(…, { status: 400 }), the Prisma model of the table read",
    filename: "src/app/products/route.ts",
    files: { "prisma/schema.prisma": PRODUCT_SCHEMA },
    fixTitle: "Check `sort` against an allow-list (the columns of Product)",
    code: lines(
      "import { NextRequest, NextResponse } from 'next/server';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET(request: NextRequest) {",
      "  const sort = request.nextUrl.searchParams.get('sort');",
      "  const rows = await prisma.$queryRawUnsafe(`SELECT * FROM \"Product\" ORDER BY ${sort}`);",
      "  return NextResponse.json(rows);",
      "}",
    ),
    errors: [{ messageId: "requestIdentifier", line: 6, column: 45, endLine: 6, endColumn: 87, severity: "error" }],
    output: lines(
      "import { NextRequest, NextResponse } from 'next/server';",
      "import { PrismaClient } from '@prisma/client';",
      "const prisma = new PrismaClient();",
      "export async function GET(request: NextRequest) {",
      "  const sort = request.nextUrl.searchParams.get('sort');",
      "  const allowedSortColumns: readonly unknown[] = ['id', 'name', 'price', 'createdAt'];",
      "  if (!allowedSortColumns.includes(sort)) return NextResponse.json({ error: 'invalid sort column' }, { status: 400 });",
      "  const rows = await prisma.$queryRawUnsafe(`SELECT * FROM \"Product\" ORDER BY ${sort}`);",
      "  return NextResponse.json(rows);",
      "}",
    ),
  },
  {
    name: "Next.js route handler (JS, ESM) without NextResponse: Response.json(…, { status: 400 }); a direction's default does not narrow ASC/DESC",
    filename: "app/reports/route.js",
    fixTitle: "Check `dir` against an allow-list",
    code: lines(
      "import pg from 'pg';",
      "const pool = new pg.Pool();",
      "export const GET = async (request) => {",
      "  const dir = new URL(request.url).searchParams.get('dir') || 'desc';",
      "  const { rows } = await pool.query(`SELECT * FROM reports ORDER BY created_at ${dir}`);",
      "  return Response.json(rows);",
      "};",
    ),
    errors: [{ messageId: "dynamicIdentifier", line: 5, column: 37, endLine: 5, endColumn: 87, severity: "hint" }],
    output: lines(
      "import pg from 'pg';",
      "const pool = new pg.Pool();",
      "export const GET = async (request) => {",
      "  const dir = new URL(request.url).searchParams.get('dir') || 'desc';",
      "  const allowedSortDirections = ['ASC', 'DESC', 'asc', 'desc'];",
      "  if (!allowedSortDirections.includes(dir)) return Response.json({ error: 'invalid sort direction' }, { status: 400 });",
      "  const { rows } = await pool.query(`SELECT * FROM reports ORDER BY created_at ${dir}`);",
      "  return Response.json(rows);",
      "};",
    ),
  },
  // ── NestJS ───────────────────────────────────────────────────────────────────────────────────────────────────
  {
    name: "NestJS controller (TS): throw new BadRequestException(…) imported from @nestjs/common, the injected repository's entity columns",
    filename: "src/users.controller.ts",
    files: { "src/user.entity.ts": USER_ENTITY },
    fixTitle: "Check `sort` against an allow-list (the columns of User)",
    code: lines(
      "import { Controller, Get, Query } from '@nestjs/common';",
      "import { InjectRepository } from '@nestjs/typeorm';",
      "import { Repository } from 'typeorm';",
      "import { User } from './user.entity';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}",
      "  @Get()",
      "  async list(@Query('sort') sort: string) {",
      "    return this.users.createQueryBuilder('u').orderBy(`u.${sort}`).getMany();",
      "  }",
      "}",
    ),
    errors: [{ messageId: "requestIdentifier", line: 10, column: 55, endLine: 10, endColumn: 66, severity: "error" }],
    output: lines(
      "import { Controller, Get, Query, BadRequestException } from '@nestjs/common';",
      "import { InjectRepository } from '@nestjs/typeorm';",
      "import { Repository } from 'typeorm';",
      "import { User } from './user.entity';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}",
      "  @Get()",
      "  async list(@Query('sort') sort: string) {",
      "    const allowedSortColumns: readonly unknown[] = ['id', 'name', 'createdAt'];",
      "    if (!allowedSortColumns.includes(sort)) throw new BadRequestException('invalid sort column');",
      "    return this.users.createQueryBuilder('u').orderBy(`u.${sort}`).getMany();",
      "  }",
      "}",
    ),
  },
  // ── Outside a handler, and the traps ─────────────────────────────────────────────────────────────────────────
  {
    name: "a repository function (TS) keeps throwing: a RangeError",
    fixTitle: "Check `table` against an allow-list (fill in the allowed tables)",
    code: lines(
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "export async function countRows(table: string): Promise<number> {",
      "  const result = await pool.query(`SELECT count(*) AS n FROM ${table}`);",
      "  return Number(result.rows[0].n);",
      "}",
    ),
    errors: [{ messageId: "dynamicIdentifier", line: 4, column: 35, endLine: 4, endColumn: 71, severity: "hint" }],
    output: lines(
      "import { Pool } from 'pg';",
      "const pool = new Pool();",
      "export async function countRows(table: string): Promise<number> {",
      "  const allowedTables: readonly unknown[] = [/* TODO: list the allowed tables */];",
      "  if (!allowedTables.includes(table)) throw new RangeError('invalid table');",
      "  const result = await pool.query(`SELECT count(*) AS n FROM ${table}`);",
      "  return Number(result.rows[0].n);",
      "}",
    ),
  },
  {
    name: "a quoted identifier in no telling place (a database name) asks for names, not columns",
    fixTitle: "Check `databaseName` against an allow-list (fill in the allowed names)",
    code: lines(
      "import { Client } from 'pg';",
      "export async function createDb(client: Client, databaseName: string) {",
      "  await client.query(`CREATE DATABASE \"${databaseName}\"`);",
      "}",
    ),
    errors: [{ messageId: "dynamicIdentifier", line: 3, column: 22, endLine: 3, endColumn: 57, severity: "hint" }],
    output: lines(
      "import { Client } from 'pg';",
      "export async function createDb(client: Client, databaseName: string) {",
      "  const allowedNames: readonly unknown[] = [/* TODO: list the allowed names */];",
      "  if (!allowedNames.includes(databaseName)) throw new RangeError('invalid name');",
      "  await client.query(`CREATE DATABASE \"${databaseName}\"`);",
      "}",
    ),
  },
  {
    name: "trap: a throw() method of something other than Koa's context does not end the request",
    filename: "src/audit.js",
    code: lines(
      "const Router = require('@koa/router');",
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "const audit = { throw() {} };",
      "const router = new Router();",
      "router.get('/users', async (ctx) => {",
      "  const column = ctx.query.column;",
      "  if (!['name'].includes(column)) audit.throw('odd column');",
      "  ctx.body = (await pool.query(`SELECT ${column} FROM users`)).rows;",
      "});",
    ),
    errors: [{ messageId: "requestIdentifier", line: 9, column: 32, endLine: 9, endColumn: 61, severity: "error" }],
  },
  {
    name: "trap: inside a nested callback of an Express handler the guard cannot return from the handler, so it throws",
    fixTitle: "Check `table` against an allow-list (fill in the allowed tables)",
    code: lines(
      ...express(
        "app.post('/counts', async (req, res) => {",
        "  const tables: string[] = req.body.tables;",
        "  const counts = await Promise.all(tables.map(async (table) => {",
        "    const result = await pool.query(`SELECT count(*) FROM ${table}`);",
        "    return result.rows[0];",
        "  }));",
        "  res.json(counts);",
        "});",
      ),
    ),
    errors: [{ messageId: "dynamicIdentifier", line: 8, column: 37, endLine: 8, endColumn: 68, severity: "hint" }],
    output: lines(
      ...express(
        "app.post('/counts', async (req, res) => {",
        "  const tables: string[] = req.body.tables;",
        "  const counts = await Promise.all(tables.map(async (table) => {",
        "    const allowedTables: readonly unknown[] = [/* TODO: list the allowed tables */];",
        "    if (!allowedTables.includes(table)) throw new RangeError('invalid table');",
        "    const result = await pool.query(`SELECT count(*) FROM ${table}`);",
        "    return result.rows[0];",
        "  }));",
        "  res.json(counts);",
        "});",
      ),
    ),
  },
  {
    name: "trap: a handler without a response parameter throws",
    filename: "src/search.js",
    fixTitle: "Check `sort` against an allow-list (fill in the allowed columns)",
    code: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "module.exports.search = async function search(req) {",
      "  const sort = req.query.sort;",
      "  return (await pool.query(`SELECT * FROM items ORDER BY ${sort}`)).rows;",
      "};",
    ),
    errors: [{ messageId: "requestIdentifier", line: 5, column: 28, endLine: 5, endColumn: 66, severity: "error" }],
    output: lines(
      "const { Pool } = require('pg');",
      "const pool = new Pool();",
      "module.exports.search = async function search(req) {",
      "  const sort = req.query.sort;",
      "  const allowedSortColumns = [/* TODO: list the allowed columns */];",
      "  if (!allowedSortColumns.includes(sort)) throw new RangeError('invalid sort column');",
      "  return (await pool.query(`SELECT * FROM items ORDER BY ${sort}`)).rows;",
      "};",
    ),
  },
  {
    name: "trap: two constant lists fit the value equally well, so neither is guessed",
    fixTitle: "Check `sort` against an allow-list (fill in the allowed columns)",
    code: lines(
      ...express(
        "const PUBLIC_SORT_COLUMNS = ['name'];",
        "const ADMIN_SORT_COLUMNS = ['name', 'email'];",
        "app.get('/users', async (req, res) => {",
        "  const sort = String(req.query.sort);",
        "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
    errors: [{ messageId: "requestIdentifier", line: 9, column: 35, endLine: 9, endColumn: 73, severity: "error" }],
    output: lines(
      ...express(
        "const PUBLIC_SORT_COLUMNS = ['name'];",
        "const ADMIN_SORT_COLUMNS = ['name', 'email'];",
        "app.get('/users', async (req, res) => {",
        "  const sort = String(req.query.sort);",
        "  const allowedSortColumns: readonly unknown[] = [/* TODO: list the allowed columns */];",
        "  if (!allowedSortColumns.includes(sort)) {",
        "    res.status(400).json({ error: 'invalid sort column' });",
        "    return;",
        "  }",
        "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
  },
  {
    name: "trap: a list of directions is not a list of columns, nor one of columns a list of directions",
    fixTitle: "Check `sort`, `order` against an allow-list",
    code: lines(
      ...express(
        "const SORT_ORDERS = ['asc', 'desc'];",
        "const ORDER_COLUMNS = ['name', 'email'];",
        "app.get('/users', async (req, res) => {",
        "  const { sort, order } = req.query;",
        "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort} ${order}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
    errors: [{ messageId: "requestIdentifier", line: 9, column: 35, endLine: 9, endColumn: 82, severity: "error" }],
    output: lines(
      ...express(
        "const SORT_ORDERS = ['asc', 'desc'];",
        "const ORDER_COLUMNS = ['name', 'email'];",
        "app.get('/users', async (req, res) => {",
        "  const { sort, order } = req.query;",
        "  const allowedSortColumns: readonly unknown[] = ORDER_COLUMNS;",
        "  if (!allowedSortColumns.includes(sort)) {",
        "    res.status(400).json({ error: 'invalid sort column' });",
        "    return;",
        "  }",
        "  const allowedSortDirections: readonly unknown[] = SORT_ORDERS;",
        "  if (!allowedSortDirections.includes(order)) {",
        "    res.status(400).json({ error: 'invalid sort direction' });",
        "    return;",
        "  }",
        "  const result = await pool.query(`SELECT * FROM users ORDER BY ${sort} ${order}`);",
        "  res.json(result.rows);",
        "});",
      ),
    ),
  },
];

runRuleTests(unparameterizedQuery, { valid, invalid });

/** The TS files of a case after its fix, under their own names, with the drivers' and frameworks' declarations. */
function typeScriptFiles(testCase: InvalidCase, code: string): Record<string, string> {
  const files: Record<string, string> = { 'drivers.d.ts': DRIVER_DECLARATIONS.replace(/declare module 'typeorm' \{[^]*?\n\}\n/, ''), 'frameworks.d.ts': FRAMEWORK_DECLARATIONS };
  for (const [name, text] of Object.entries(testCase.files ?? {})) if (name.endsWith('.ts')) files[name] = text;
  files[testCase.filename ?? 'src/app.ts'] = code;
  return files;
}

const TYPEORM_QUERY_BUILDER = `
declare module 'typeorm' {
  export class SelectQueryBuilder<T> { orderBy(sort: string, order?: 'ASC' | 'DESC'): this; getMany(): Promise<T[]> }
  export class Repository<T> { createQueryBuilder(alias: string): SelectQueryBuilder<T> }
  export class DataSource { constructor(options: { type: string }); getRepository<T>(target: new () => T): Repository<T> }
}
`;

describe('unparameterized-query guards: TypeScript before and after the fix type-check (strict, noImplicitReturns)', () => {
  for (const testCase of invalid) {
    if (testCase.filename && !testCase.filename.endsWith('.ts')) continue;
    it(testCase.name!, () => {
      const options = { experimentalDecorators: true, noImplicitReturns: true, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler, types: [] };
      const check = (code: string) => typeCheckFiles({ ...typeScriptFiles(testCase, code), 'typeorm.d.ts': TYPEORM_QUERY_BUILDER }, options);
      assert.deepEqual(check(testCase.code), [], 'the original');
      assert.deepEqual(check(testCase.output as string), [], 'the fixed file');
    });
  }
});

describe('unparameterized-query guards: the fixed file has no finding left', () => {
  for (const testCase of invalid) {
    if (testCase.output === undefined) continue;
    it(testCase.name!, () => {
      const after = runCase(unparameterizedQuery, { ...testCase, code: testCase.output as string });
      const left = after.analysis.findings.filter((finding) => finding.ruleId === unparameterizedQuery.meta.id);
      assert.deepEqual(left.map((finding) => finding.message), []);
    });
  }
});
