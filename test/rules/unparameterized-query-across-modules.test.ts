// unparameterized-query across modules: a handler hands request data to a function of another module (a model,
// service or repository; CommonJS, ESM, NestJS constructor injection), which writes its parameter into SQL text.
// The workspace index follows it (server/engine/api-model/request-flows.ts) and the finding, at the sink, is an
// error naming the path. Traps: what the caller passes is not request data, or reaches another parameter.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { Engine } from '../../server/engine/analyzer';
import { runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** models/products.js: CommonJS, `module.exports = { search }`, the parameter written into the SQL text. */
const PRODUCTS_MODEL = lines(
  "const { Pool } = require('pg');",
  'const pool = new Pool();',
  'async function search(term) {',
  "  const result = await pool.query(`SELECT * FROM products WHERE name LIKE '%${term}%'`);",
  '  return result.rows;',
  '}',
  'module.exports = { search };',
);

function productsRoute(...handler: string[]): string {
  return lines(
    "const express = require('express');",
    "const products = require('../models/products');",
    'const router = express.Router();',
    "router.get('/search', async (req, res) => {",
    ...handler.map((line) => `  ${line}`),
    '});',
    'module.exports = router;',
  );
}

const ESM_PRODUCTS = lines(
  "import { Pool } from 'pg';",
  'const pool = new Pool();',
  'export async function searchProducts(term: string, pageSize: string) {',
  '  const { rows } = await pool.query(`SELECT * FROM products WHERE name = $1 LIMIT ${pageSize}`, [term]);',
  '  return rows;',
  '}',
);

const NEST_SERVICE = lines(
  "import { Injectable } from '@nestjs/common';",
  "import { DataSource } from 'typeorm';",
  '@Injectable()',
  'export class ProductsService {',
  '  constructor(private readonly dataSource: DataSource) {}',
  '  search(term: string) {',
  "    return this.dataSource.query(`SELECT * FROM products WHERE name = '${term}'`);",
  '  }',
  '}',
);
const NEST_CONTROLLER = lines(
  "import { Controller, Get, Query } from '@nestjs/common';",
  "import { ProductsService } from './products.service';",
  "@Controller('products')",
  'export class ProductsController {',
  '  constructor(private readonly productsService: ProductsService) {}',
  '  @Get()',
  "  search(@Query('q') q: string) {",
  '    return this.productsService.search(q);',
  '  }',
  '}',
);

/** repositories/products.js, two calls from the handler: route → services/products.js → here. */
const PRODUCTS_REPOSITORY = lines(
  "const { Pool } = require('pg');",
  'const pool = new Pool();',
  'exports.byName = async (name, column) => {',
  '  const { rows } = await pool.query(`SELECT * FROM products WHERE name = $1 ORDER BY ${column}`, [name]);',
  '  return rows;',
  '};',
);
const PRODUCTS_SERVICE = lines(
  "const repository = require('../repositories/products');",
  'class ProductService {',
  '  find(name, sort) {',
  "    const column = sort || 'name';",
  '    return repository.byName(name, column);',
  '  }',
  '}',
  'module.exports = new ProductService();',
);

const valid: ValidCase[] = [
  {
    name: 'the caller passes request data to a parameter that is bound, and a constant to the one in the SQL text',
    filename: 'src/products.ts',
    files: {
      'src/routes.ts': lines(
        "import express from 'express';",
        "import { searchProducts } from './products';",
        'export const app = express();',
        "app.get('/search', async (req, res) => res.json(await searchProducts(String(req.query.q), '20')));",
      ),
    },
    code: ESM_PRODUCTS.replace('LIMIT ${pageSize}', 'LIMIT 20'),
  },
];

const REPORTS_SERVICE = lines(
  "import { Pool } from 'pg';",
  'const pool = new Pool();',
  'declare function baseQueryOf(tableId: string): Promise<string>;',
  'export async function runReport(tableId: string, sql: string) {',
  '  const baseQuery = await baseQueryOf(tableId);',
  "  const combined = `WITH base AS (${baseQuery}) ${sql.replace('reports', 'base')}`;",
  '  return pool.query(combined);',
  '}',
);

const invalid: InvalidCase[] = [
  {
    name: 'the client\'s SQL text, rewritten with replace() and written into a larger text, is named (not the text around it)',
    filename: 'src/reports.ts',
    files: {
      'src/routes.ts': lines(
        "import express from 'express';",
        "import { runReport } from './reports';",
        'export const app = express();',
        "app.post('/reports', async (req, res) => res.json(await runReport(req.body.table, req.body.sql)));",
      ),
    },
    code: REPORTS_SERVICE,
    output: null,
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message:
          "Request data `req.body.sql` → `runReport(req.body.table, req.body.sql)` at src/routes.ts:4 → `sql` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead. No automatic fix: `baseQuery` is SQL text written in whole, not a value; parameterize it where it is built.",
        line: 7,
        column: 21,
        endLine: 7,
        endColumn: 29,
        severity: 'error',
      },
    ],
  },
  {
    name: 'CommonJS: req.query.q → products.search(q) in another module → pool.query (pg)',
    filename: 'models/products.js',
    files: { 'routes/products.js': productsRoute('const { q } = req.query;', 'res.json(await products.search(q));') },
    code: PRODUCTS_MODEL,
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message: 'Request data `req.query.q` → `products.search(q)` at routes/products.js:6 → `term` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead.',
        line: 4,
        column: 35,
        endLine: 4,
        endColumn: 87,
        severity: 'error',
      },
    ],
    output: PRODUCTS_MODEL.replace("pool.query(`SELECT * FROM products WHERE name LIKE '%${term}%'`)", "pool.query(`SELECT * FROM products WHERE name LIKE $1`, [`%${term}%`])"),
  },
  {
    name: 'ESM named import (TS): req.query.q → searchProducts(…) → the page size parameter in LIMIT',
    filename: 'src/products.ts',
    files: {
      'src/routes.ts': lines(
        "import express from 'express';",
        "import { searchProducts } from './products';",
        'export const app = express();',
        "app.get('/search', async (req, res) => res.json(await searchProducts('x', String(req.query.size))));",
      ),
    },
    code: ESM_PRODUCTS,
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message: 'Request data `req.query.size` → `searchProducts(…, …)` at src/routes.ts:4 → `pageSize` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead.',
        line: 4,
        column: 37,
        endLine: 4,
        endColumn: 95,
        severity: 'error',
      },
    ],
  },
  {
    name: 'CommonJS: an object of functions declared apart, exported through a variable (vulnerable-node)',
    filename: 'model/products.js',
    files: {
      'routes/products.js': lines(
        "var express = require('express');",
        "var db_products = require('../model/products');",
        'var router = express.Router();',
        "router.all('/products/buy', function (req, res) {",
        '  var params = null;',
        '  params = req.body;',
        '  var cart = { mail: params.mail, price: params.price };',
        '  db_products.purchase(cart).then(() => res.sendStatus(201));',
        '});',
        'module.exports = router;',
      ),
    },
    code: lines(
      "var pgp = require('pg-promise')();",
      'var db = pgp(process.env.DATABASE_URL);',
      'function purchase(cart) {',
      `  var q = "INSERT INTO purchases(mail, price) VALUES('" + cart.mail + "', '" + cart.price + "');";`,
      '  return db.one(q);',
      '}',
      'var actions = {',
      '  "purchase": purchase',
      '};',
      'module.exports = actions;',
    ),
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message: 'Request data `req.body.mail` → `db_products.purchase(cart)` at routes/products.js:8 → `cart.mail` is written into the SQL text run by `db.one` (pg-promise); pass it as a bound parameter instead.',
        line: 5,
        column: 17,
        endLine: 5,
        endColumn: 18,
        severity: 'error',
      },
    ],
  },
  {
    name: 'ESM in JavaScript (.mjs): a namespace import, the value through a local alias in the model',
    filename: 'lib/users.mjs',
    files: {
      'routes/users.mjs': lines(
        "import { Router } from 'express';",
        "import * as users from '../lib/users.mjs';",
        'export const router = Router();',
        "router.get('/users', async (req, res) => res.json(await users.byEmail(req.query.email)));",
      ),
    },
    code: lines(
      "import mysql from 'mysql2/promise';",
      'const db = mysql.createPool({});',
      'export async function byEmail(email) {',
      "  const where = `email = '${email}'`;",
      '  const [rows] = await db.query(`SELECT id FROM users WHERE ${where}`);',
      '  return rows;',
      '}',
    ),
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message:
          'Request data `req.query.email` → `users.byEmail(req.query.email)` at routes/users.mjs:4 → `email` is written into the SQL text run by `db.query` (mysql); pass it as a bound parameter instead. No automatic fix: `where` is a piece of SQL text built from values, not a value; parameterize it where it is built.',
        line: 5,
        column: 33,
        endLine: 5,
        endColumn: 70,
        severity: 'error',
      },
    ],
  },
  {
    name: 'a parameter typed as a literal union is still request data when a caller hands it the request (a claim, not a check)',
    filename: 'src/products.ts',
    files: {
      'src/routes.ts': lines(
        "import express from 'express';",
        "import { listProducts } from './products';",
        'export const app = express();',
        "app.get('/products', async (req, res) => res.json(await listProducts(req.query.dir as 'asc' | 'desc')));",
      ),
    },
    code: lines(
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      "export async function listProducts(direction: 'asc' | 'desc') {",
      '  return (await pool.query(`SELECT * FROM products ORDER BY name ${direction}`)).rows;',
      '}',
    ),
    errors: [
      {
        messageId: 'requestIdentifierFromCaller',
        message:
          'Request data `req.query.dir` → `listProducts(req.query.dir)` at src/routes.ts:4 → `direction` is written into the SQL text run by `pool.query` (pg) as an identifier (column, table or sort direction), which cannot be a bound parameter; check it against an allow-list first.',
        line: 4,
        column: 28,
        endLine: 4,
        endColumn: 79,
        severity: 'error',
      },
    ],
  },
  {
    name: 'ESM default import of an object of functions (.js specifier naming a .ts file)',
    filename: 'src/products.ts',
    files: {
      'src/routes.ts': lines(
        "import express from 'express';",
        "import products from './products.js';",
        'export const app = express();',
        'app.get(\'/search\', async (req, res) => {',
        '  const { size } = req.query;',
        '  res.json(await products.search(size));',
        '});',
      ),
    },
    code: lines(
      "import { Pool } from 'pg';",
      'const pool = new Pool();',
      'export default {',
      '  async search(size: unknown) {',
      '    return (await pool.query(`SELECT * FROM products LIMIT ${size}`)).rows;',
      '  },',
      '};',
    ),
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message: 'Request data `req.query.size` → `products.search(size)` at src/routes.ts:6 → `size` is written into the SQL text run by `pool.query` (pg); pass it as a bound parameter instead.',
        line: 5,
        column: 30,
        endLine: 5,
        endColumn: 68,
        severity: 'error',
      },
    ],
  },
  {
    name: 'NestJS: @Query() in a controller → this.productsService.search(q) by constructor injection → DataSource.query (TypeORM)',
    filename: 'src/products/products.service.ts',
    files: { 'src/products/products.controller.ts': NEST_CONTROLLER },
    code: NEST_SERVICE,
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message: "Request data `@Query('q') q` → `this.productsService.search(q)` at src/products/products.controller.ts:8 → `term` is written into the SQL text run by `this.dataSource.query` (TypeORM); pass it as a bound parameter instead.",
        line: 7,
        column: 34,
        endLine: 7,
        endColumn: 81,
        severity: 'error',
      },
    ],
  },
  {
    name: 'NestJS: on through a private method of the service (this.byName)',
    filename: 'src/products/products.service.ts',
    files: { 'src/products/products.controller.ts': NEST_CONTROLLER },
    code: NEST_SERVICE.replace(
      "  search(term: string) {\n    return this.dataSource.query(`SELECT * FROM products WHERE name = '${term}'`);\n  }",
      "  search(term: string) {\n    return this.byName(term.trim());\n  }\n  private byName(name: string) {\n    return this.dataSource.query(`SELECT * FROM products WHERE name = '${name}'`);\n  }",
    ),
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message:
          "Request data `@Query('q') q` → `this.productsService.search(q)` at src/products/products.controller.ts:8 → `this.byName(…)` at src/products/products.service.ts:7 → `name` is written into the SQL text run by `this.dataSource.query` (TypeORM); pass it as a bound parameter instead.",
        line: 10,
        column: 34,
        endLine: 10,
        endColumn: 81,
        severity: 'error',
      },
    ],
  },
  {
    name: 'the value that is the parameter is named before one a helper computed from another parameter',
    filename: 'src/table/table.service.ts',
    files: {
      'src/table/table.controller.ts': lines(
        "import { Controller, Get, Param, Query } from '@nestjs/common';",
        "import { TableService } from './table.service';",
        "@Controller('tables')",
        'export class TableController {',
        '  constructor(private readonly tableService: TableService) {}',
        "  @Get(':tableId/rows')",
        "  rows(@Param('tableId') tableId: string, @Query('name') name: string) {",
        '    return this.tableService.rows(tableId, name);',
        '  }',
        '}',
      ),
    },
    code: lines(
      "import { Injectable } from '@nestjs/common';",
      "import { PrismaClient } from '@prisma/client';",
      "import { buildQuery } from './query-builder';",
      '@Injectable()',
      'export class TableService {',
      '  constructor(private readonly prisma: PrismaClient) {}',
      '  async rows(tableId: string, name: string) {',
      '    const baseQuery = (await buildQuery(tableId)).toString();',
      "    return this.prisma.$queryRawUnsafe(`WITH base AS (${baseQuery}) SELECT * FROM base WHERE name = '${name}'`);",
      '  }',
      '}',
    ),
    errors: [
      {
        messageId: 'requestValueFromCaller',
        message:
          "Request data `@Query('name') name` → `this.tableService.rows(tableId, name)` at src/table/table.controller.ts:8 → `name` is written into the SQL text run by `this.prisma.$queryRawUnsafe` (Prisma); pass it as a bound parameter instead. No automatic fix: `baseQuery` is SQL text written in whole, not a value; parameterize it where it is built.",
        line: 9,
        column: 40,
        endLine: 9,
        endColumn: 111,
        severity: 'error',
      },
    ],
  },
  {
    name: 'two calls: route → a service class exported as an instance → a repository function that orders by its parameter',
    filename: 'repositories/products.js',
    files: {
      'services/products.js': PRODUCTS_SERVICE,
      'routes/products.js': lines(
        "const express = require('express');",
        "const productService = require('../services/products');",
        'const router = express.Router();',
        "router.get('/', async (req, res) => res.json(await productService.find('x', req.query.sort)));",
        'module.exports = router;',
      ),
    },
    code: PRODUCTS_REPOSITORY,
    errors: [
      {
        messageId: 'requestIdentifierFromCaller',
        message:
          'Request data `req.query.sort` → `productService.find(…, req.query.sort)` at routes/products.js:4 → `repository.byName(name, column)` at services/products.js:5 → `column` is written into the SQL text run by `pool.query` (pg) as an identifier (column, table or sort direction), which cannot be a bound parameter; check it against an allow-list first.',
        line: 4,
        column: 37,
        endLine: 4,
        endColumn: 96,
        severity: 'error',
      },
    ],
  },
  // Traps: the value in the SQL text is not request data: not an error (a parameter's value is a warning, an identifier a hint, as without any caller).
  {
    name: 'trap: the caller passes a constant',
    filename: 'models/products.js',
    files: { 'routes/products.js': productsRoute("res.json(await products.search('shoes'));") },
    code: PRODUCTS_MODEL,
    errors: [{ messageId: 'parameterValue', line: 4, column: 35, endLine: 4, endColumn: 87, severity: 'warning' }],
  },
  {
    name: 'trap: the caller passes Number(req.query.q)',
    filename: 'models/products.js',
    files: { 'routes/products.js': productsRoute('const limit = Number(req.query.q);', 'res.json(await products.search(limit));') },
    code: PRODUCTS_MODEL,
    errors: [{ messageId: 'parameterValue', line: 4, column: 35, endLine: 4, endColumn: 87, severity: 'warning' }],
  },
  {
    name: 'trap: the caller checks the value against an allow-list first',
    filename: 'models/products.js',
    files: {
      'routes/products.js': productsRoute(
        'const { category } = req.query;',
        "if (!['books', 'music'].includes(category)) return res.sendStatus(400);",
        'res.json(await products.search(category));',
      ),
    },
    code: PRODUCTS_MODEL,
    errors: [{ messageId: 'parameterValue', line: 4, column: 35, endLine: 4, endColumn: 87, severity: 'warning' }],
  },
  {
    name: 'trap: request data goes to a function of the same name in an unrelated module',
    filename: 'models/products.js',
    files: {
      'models/articles.js': PRODUCTS_MODEL.replace(/products/g, 'articles'),
      'routes/articles.js': productsRoute('res.json(await articles.search(req.query.q));').replace("const products = require('../models/products');", "const articles = require('../models/articles');"),
    },
    code: PRODUCTS_MODEL,
    errors: [{ messageId: 'parameterValue', line: 4, column: 35, endLine: 4, endColumn: 87, severity: 'warning' }],
  },
  {
    name: 'trap: request data reaches the bound parameter, a constant the one in the SQL text (two calls)',
    filename: 'repositories/products.js',
    files: {
      'services/products.js': PRODUCTS_SERVICE,
      'routes/products.js': lines(
        "const express = require('express');",
        "const productService = require('../services/products');",
        'const router = express.Router();',
        "router.get('/', async (req, res) => res.json(await productService.find(req.query.name, 'price')));",
        'module.exports = router;',
      ),
    },
    code: PRODUCTS_REPOSITORY,
    errors: [{ messageId: 'dynamicIdentifier', line: 4, column: 37, endLine: 4, endColumn: 96, severity: 'hint' }],
  },
];

runRuleTests(unparameterizedQuery, { valid, invalid });

describe('unparameterized-query without a workspace index', () => {
  it('judges a file analysed alone by what it sees: the parameter is not known to be request data', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-sqlflow-'));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "fixture", "private": true }\n');
    fs.mkdirSync(path.join(dir, 'routes'));
    fs.mkdirSync(path.join(dir, 'models'));
    fs.writeFileSync(path.join(dir, 'routes/products.js'), productsRoute('res.json(await products.search(req.query.q));'));
    const modelPath = path.join(dir, 'models/products.js');
    fs.writeFileSync(modelPath, PRODUCTS_MODEL);
    const engine = new Engine({ rules: [unparameterizedQuery], workspaceRoots: [dir] });
    const findings = engine.analyze(modelPath, PRODUCTS_MODEL).findings.filter((finding) => finding.ruleId === unparameterizedQuery.meta.id);
    assert.deepEqual(findings.map((finding) => [finding.messageId, finding.severity, finding.range.start.line + 1]), [['parameterValue', 'warning', 4]]);
  });
});
