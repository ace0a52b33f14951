// unparameterized-query: driver receivers one module away and further — instances exported by another module
// (CommonJS and ESM), the sequelize-cli `models/index.js` registry, re-export chains (bounded at three files),
// tsconfig `paths`/`baseUrl` aliases — and the traps: same-named exports that are not drivers, objects with a
// `query` method, a star re-export asked for a default, aliases pointing outside the workspace or into node_modules.
// A project wrapper whose methods pass their arguments on unchanged to the driver method of the same name
// (node-postgres's suggested `db/index.js`) is a receiver for those methods only.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { Engine } from '../../server/engine/analyzer';
import { parseConfig } from '../../server/engine/config';
import { runRuleTests } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The sequelize-cli generator's models/index.js, as `sequelize init` writes it. */
const SEQUELIZE_CLI_MODELS = lines(
  "'use strict';",
  "const fs = require('fs');",
  "const path = require('path');",
  "const Sequelize = require('sequelize');",
  "const env = process.env.NODE_ENV || 'development';",
  "const config = require(__dirname + '/../config/config.json')[env];",
  'const db = {};',
  '',
  'let sequelize;',
  'if (config.use_env_variable) {',
  '  sequelize = new Sequelize(process.env[config.use_env_variable], config);',
  '} else {',
  '  sequelize = new Sequelize(config.database, config.username, config.password, config);',
  '}',
  '',
  'fs.readdirSync(__dirname)',
  "  .filter((file) => file !== 'index.js')",
  '  .forEach((file) => {',
  '    const model = require(path.join(__dirname, file))(sequelize, Sequelize.DataTypes);',
  '    db[model.name] = model;',
  '  });',
  '',
  'db.sequelize = sequelize;',
  'db.Sequelize = Sequelize;',
  '',
  'module.exports = db;',
);
/** A registry like sequelize-cli's under a name that is no convention: only following the module finds the driver. */
const KNEX_REGISTRY = lines("const knex = require('knex');", 'const registry = {};', "registry.connection = knex({ client: 'pg' });", 'module.exports = registry;');
const PG_POOL_TS = lines("import { Pool } from 'pg';", 'export const pool = new Pool();');
const ALIAS_TSCONFIG = '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }\n';

runRuleTests(unparameterizedQuery, {
  valid: [
    {
      name: 'a same-named `db` export that is an in-memory store, not a driver (CommonJS)',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines('const rows = new Map();', 'const db = { query: (key) => rows.get(key) };', 'module.exports = { db };') },
      code: lines("const { db } = require('../db');", 'exports.show = (req, res) => {', '  res.json(db.query(`user:${req.params.id}`));', '};'),
    },
    {
      name: 'an exported instance of a project class with a query method (ESM, TypeScript)',
      files: { 'src/search.ts': lines('class SearchIndex {', '  query(text: string) { return text.split(" "); }', '}', 'export const pool = new SearchIndex();') },
      code: lines("import { pool } from './search';", 'export function find(req: { query: { q: string } }) {', '  return pool.query(`title:${req.query.q}`);', '}'),
    },
    {
      name: 'a registry whose `connection` is not a driver',
      filename: 'src/routes/users.js',
      files: { 'src/models/index.js': lines('const registry = {};', "registry.connection = { query: (text) => text.trim() };", 'module.exports = registry;') },
      code: lines("const db = require('../models');", 'exports.show = (req) => db.connection.query(`SELECT ${req.query.col}`);'),
    },
    {
      name: '`export * from` never re-exports a default: the default import is not the pool',
      files: { 'src/db/pool.ts': lines("import { Pool } from 'pg';", 'export default new Pool();'), 'src/db/index.ts': lines("export * from './pool';", 'export default { query: (text: string) => text };') },
      code: lines("import db from './db';", 'export function find(req: { query: { q: string } }) {', '  return db.query(`SELECT * FROM t WHERE a = ${req.query.q}`);', '}'),
    },
    {
      name: 'a chain of re-exports four files long is not followed (the bound is three)',
      files: {
        'src/a.ts': lines("export * from './b';"),
        'src/b.ts': lines("export * from './c';"),
        'src/c.ts': lines("export * from './d';"),
        'src/d.ts': PG_POOL_TS,
      },
      code: lines("import { pool } from './a';", 'export function find(req: { query: { q: string } }) {', '  return pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);', '}'),
    },
    {
      name: 'a cycle of star re-exports ends',
      files: { 'src/a.ts': lines("export * from './b';"), 'src/b.ts': lines("export * from './a';") },
      code: lines("import { pool } from './a';", 'export function find(req: { query: { q: string } }) {', '  return pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);', '}'),
    },
    {
      name: 'an alias into node_modules names a package, not a workspace file',
      files: { 'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@db/*": ["node_modules/fake-db/*"] } } }\n', 'node_modules/fake-db/pool.ts': PG_POOL_TS },
      code: lines("import { pool } from '@db/pool';", 'export function find(req: { query: { q: string } }) {', '  return pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);', '}'),
    },
    {
      name: 'a wrapper whose query builds its own text, and an `all` that is a cache lookup, are not sinks',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines("const { Pool } = require('pg');", 'const pool = new Pool();', 'const cache = new Map();', 'module.exports = {', "  query: (id) => pool.query('SELECT * FROM users WHERE id = $1', [id]),", '  all: (key) => cache.get(key),', '};') },
      code: lines("const db = require('../db');", 'exports.show = (req) => [db.query(`user:${req.params.id}`), db.all(`user:${req.params.id}`)];'),
    },
    {
      name: 'a wrapper that passes its parameters on in another order is not the driver method',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines("const { Pool } = require('pg');", 'const pool = new Pool();', 'module.exports = { query: (values, text) => pool.query(text, values) };') },
      code: lines("const db = require('../db');", 'exports.show = (req) => db.query(`SELECT * FROM users WHERE id = ${req.params.id}`, []);'),
    },
    {
      name: 'a same-named `db` export that is a Redis client, reached through a barrel (TypeScript)',
      files: { 'src/lib/cache.ts': lines("import Redis from 'ioredis';", 'export const db = new Redis();'), 'src/lib/index.ts': lines("export * as stores from './cache';", "export { db } from './cache';") },
      code: lines("import { db, stores } from './lib';", 'export async function find(req: { query: { q: string } }) {', '  return [await db.get(`user:${req.query.q}`), await stores.db.get(`user:${req.query.q}`)];', '}'),
    },
  ],
  invalid: [
    {
      name: 'export * as namespace from a barrel: stores.db.all on a better-sqlite3 statement factory',
      files: { 'src/lib/sqlite.ts': lines("import Database from 'better-sqlite3';", "export const db = new Database('app.db');"), 'src/lib/index.ts': lines("export * as stores from './sqlite';") },
      code: lines("import { stores } from './lib';", 'export function find(req: { query: { q: string } }) {', '  return stores.db.prepare(`SELECT * FROM t WHERE a = ${req.query.q}`).all();', '}'),
      errors: [{ messageId: 'requestValue', line: 3, column: 28, endLine: 3, endColumn: 70, severity: 'error' }],
    },
    {
      name: "node-postgres's suggested db/index.js: module.exports = { query: (text, params) => pool.query(text, params) }",
      filename: 'src/routes/users.js',
      files: { 'src/db/index.js': lines("const { Pool } = require('pg');", 'const pool = new Pool();', 'module.exports = {', '  query: (text, params, callback) => pool.query(text, params, callback),', '  getClient: () => pool.connect(),', '};') },
      code: lines("const db = require('../db');", 'exports.show = async (req, res) => {', '  const { rows } = await db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);', '  res.json(rows);', '};'),
      errors: [{ messageId: 'requestValue', line: 3, column: 35, endLine: 3, endColumn: 84, severity: 'error' }],
      output: lines("const db = require('../db');", 'exports.show = async (req, res) => {', '  const { rows } = await db.query(`SELECT * FROM users WHERE id = $1`, [req.params.id]);', '  res.json(rows);', '};'),
    },
    {
      name: 'the ESM version (export const query = …) imported as a namespace, and a class wrapper with logging (TypeScript)',
      files: {
        'src/db/index.ts': lines("import pg from 'pg';", 'const pool = new pg.Pool();', 'export const query = (text: string, params?: unknown[]) => pool.query(text, params);'),
        'src/db/logged.ts': lines(
          "import { Pool } from 'pg';",
          'class Database {',
          '  private readonly pool = new Pool();',
          '  async query(text: string, values?: unknown[]) {',
          '    const started = Date.now();',
          '    const result = await this.pool.query(text, values);',
          "    console.log('query', Date.now() - started);",
          '    return result;',
          '  }',
          '}',
          'export default new Database();',
        ),
      },
      code: lines(
        "import * as db from './db';",
        "import logged from './db/logged';",
        'export async function find(req: { query: { q: string } }) {',
        '  await logged.query(`SELECT * FROM t WHERE b = ${req.query.q}`);',
        '  return db.query(`SELECT * FROM t WHERE a = ${req.query.q}`);',
        '}',
      ),
      errors: [
        { messageId: 'requestValue', line: 4, column: 22, endLine: 4, endColumn: 64, severity: 'error' },
        { messageId: 'requestValue', line: 5, column: 19, endLine: 5, endColumn: 61, severity: 'error' },
      ],
      output: lines(
        "import * as db from './db';",
        "import logged from './db/logged';",
        'export async function find(req: { query: { q: string } }) {',
        '  await logged.query(`SELECT * FROM t WHERE b = $1`, [req.query.q]);',
        '  return db.query(`SELECT * FROM t WHERE a = ${req.query.q}`);',
        '}',
      ),
    },
    {
      name: 'a wrapper that passes on only the text: reported, without a fix it would break',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines("const mysql = require('mysql2');", 'const pool = mysql.createPool({});', 'module.exports = { query: (sql) => pool.query(sql) };') },
      code: lines("const db = require('../db');", 'exports.show = (req) => db.query(`SELECT * FROM users WHERE id = ${req.params.id}`);'),
      errors: [
        {
          messageId: 'requestValue',
          message: 'Request data `req.params.id` is written into the SQL text run by `db.query` (mysql); pass it as a bound parameter instead. No automatic fix: `query` of this wrapper passes on only the SQL text, so values cannot be bound through it.',
          line: 2,
          column: 34,
          endLine: 2,
          endColumn: 83,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      name: 'CommonJS: module.exports = new Sequelize(…), with the module required whole',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines("const Sequelize = require('sequelize');", 'module.exports = new Sequelize(process.env.DATABASE_URL);') },
      code: lines("const sequelize = require('../db');", 'exports.list = async (req, res) => {', '  res.json(await sequelize.query(`SELECT * FROM users WHERE role = ${req.query.role}`));', '};'),
      errors: [{ messageId: 'requestValue', line: 3, column: 34, endLine: 3, endColumn: 86, severity: 'error' }],
      output: lines("const sequelize = require('../db');", 'exports.list = async (req, res) => {', '  res.json(await sequelize.query(`SELECT * FROM users WHERE role = ?`, { replacements: [req.query.role] }));', '};'),
    },
    {
      name: 'sequelize-cli models/index.js: db.sequelize.query and a destructured sequelize',
      filename: 'src/routes/users.js',
      files: { 'src/models/index.js': SEQUELIZE_CLI_MODELS },
      code: lines(
        "const db = require('../models');",
        "const { sequelize } = require('../models');",
        'exports.search = async (req, res) => {',
        "  const byName = await db.sequelize.query(\"SELECT * FROM users WHERE name = '\" + req.body.name + \"'\");",
        '  const byMail = await sequelize.query(`SELECT * FROM users WHERE email = ${req.body.email}`);',
        '  res.json([byName, byMail]);',
        '};',
      ),
      errors: [
        { messageId: 'requestValue', line: 4, column: 43, endLine: 4, endColumn: 101, severity: 'error' },
        { messageId: 'requestValue', line: 5, column: 40, endLine: 5, endColumn: 93, severity: 'error' },
      ],
      output: lines(
        "const db = require('../models');",
        "const { sequelize } = require('../models');",
        'exports.search = async (req, res) => {',
        '  const byName = await db.sequelize.query(`SELECT * FROM users WHERE name = ?`, { replacements: [req.body.name] });',
        '  const byMail = await sequelize.query(`SELECT * FROM users WHERE email = ${req.body.email}`);',
        '  res.json([byName, byMail]);',
        '};',
      ),
    },
    {
      name: 'sequelize-cli models imported from TypeScript (default import of a CommonJS module)',
      filename: 'src/routes/users.ts',
      files: { 'src/models/index.js': SEQUELIZE_CLI_MODELS },
      code: lines("import db from '../models';", 'export async function search(req: { query: { q: string } }) {', '  return db.sequelize.query(`SELECT * FROM users WHERE name LIKE ${req.query.q}`);', '}'),
      errors: [{ messageId: 'requestValue', line: 3, column: 29, endLine: 3, endColumn: 81, severity: 'error' }],
    },
    {
      name: 'a registry property that only following the module identifies (knex under `connection`)',
      filename: 'src/routes/users.js',
      files: { 'src/models/index.js': KNEX_REGISTRY },
      code: lines("const db = require('../models');", 'exports.show = (req) => db.connection.raw(`SELECT * FROM users WHERE id = ${req.params.id}`);'),
      errors: [{ messageId: 'requestValue', line: 2, column: 43, endLine: 2, endColumn: 92, severity: 'error' }],
      output: lines("const db = require('../models');", 'exports.show = (req) => db.connection.raw(`SELECT * FROM users WHERE id = ?`, [req.params.id]);'),
    },
    {
      name: 'exports.db = pgp(cn), destructured by the caller',
      filename: 'src/routes/users.js',
      files: { 'src/db.js': lines("const pgp = require('pg-promise')();", 'exports.db = pgp(process.env.DATABASE_URL);') },
      code: lines("const { db } = require('../db');", 'exports.show = (req) => db.any(`SELECT * FROM users WHERE id = ${req.params.id}`);'),
      errors: [{ messageId: 'requestValue', line: 2, column: 32, endLine: 2, endColumn: 81, severity: 'error' }],
      output: lines("const { db } = require('../db');", 'exports.show = (req) => db.any(`SELECT * FROM users WHERE id = $1`, [req.params.id]);'),
    },
    {
      name: 'export { pool } from a barrel, and export default knex(cfg) re-exported as a name',
      files: {
        'src/db/pool.ts': PG_POOL_TS,
        'src/db/knex.ts': lines("import knex from 'knex';", "export default knex({ client: 'pg' });"),
        'src/db/index.ts': lines("export { pool } from './pool';", "export { default as builder } from './knex';"),
      },
      code: lines(
        "import { pool, builder } from './db';",
        'export async function find(req: { query: { q: string; sort: string } }) {',
        '  await builder.raw(`SELECT * FROM t WHERE a = ${req.query.q}`);',
        '  return pool.query(`SELECT * FROM t WHERE b = ${req.query.q}`);',
        '}',
      ),
      errors: [
        { messageId: 'requestValue', line: 3, column: 21, endLine: 3, endColumn: 63, severity: 'error' },
        { messageId: 'requestValue', line: 4, column: 21, endLine: 4, endColumn: 63, severity: 'error' },
      ],
      output: lines(
        "import { pool, builder } from './db';",
        'export async function find(req: { query: { q: string; sort: string } }) {',
        '  await builder.raw(`SELECT * FROM t WHERE a = ?`, [req.query.q]);',
        '  return pool.query(`SELECT * FROM t WHERE b = ${req.query.q}`);',
        '}',
      ),
    },
    {
      name: 'export * chains three files long (ESM JavaScript, .js specifiers)',
      filename: 'src/routes.mjs',
      files: { 'src/a.mjs': lines("export * from './b.mjs';"), 'src/b.mjs': lines("export * from './c.mjs';"), 'src/c.mjs': lines("import pg from 'pg';", 'export const pool = new pg.Pool();') },
      code: lines("import { pool } from './a.mjs';", 'export const find = (req) => pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);'),
      errors: [{ messageId: 'requestValue', line: 2, column: 41, endLine: 2, endColumn: 83, severity: 'error' }],
      output: lines("import { pool } from './a.mjs';", 'export const find = (req) => pool.query(`SELECT * FROM t WHERE a = $1`, [req.query.q]);'),
    },
    {
      name: 'module.exports = require(…) forwards the whole module (CommonJS)',
      filename: 'src/routes.js',
      files: { 'src/db/index.js': lines("module.exports = require('./pool');"), 'src/db/pool.js': lines("const mysql = require('mysql2');", 'module.exports = mysql.createPool({});') },
      code: lines("const pool = require('./db');", 'exports.show = (req) => pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);'),
      errors: [{ messageId: 'requestValue', line: 2, column: 36, endLine: 2, endColumn: 78, severity: 'error' }],
      output: lines("const pool = require('./db');", 'exports.show = (req) => pool.query(`SELECT * FROM t WHERE a = ?`, [req.query.q]);'),
    },
    {
      name: 'tsconfig paths (`@/lib/db`) and baseUrl (`src/lib/db`)',
      files: { 'tsconfig.json': ALIAS_TSCONFIG, 'src/lib/db.ts': PG_POOL_TS },
      code: lines(
        "import { pool } from '@/lib/db';",
        "import { pool as samePool } from 'src/lib/db';",
        'export async function find(req: { query: { q: string } }) {',
        '  await samePool.query(`SELECT * FROM t WHERE b = ${req.query.q}`);',
        '  return pool.query(`SELECT * FROM t WHERE a = ${req.query.q}`);',
        '}',
      ),
      errors: [
        { messageId: 'requestValue', line: 4, column: 24, endLine: 4, endColumn: 66, severity: 'error' },
        { messageId: 'requestValue', line: 5, column: 21, endLine: 5, endColumn: 63, severity: 'error' },
      ],
    },
    {
      name: 'jsconfig paths in a JavaScript project (`~/db` → src/db/index.js)',
      filename: 'src/routes/users.js',
      files: { 'jsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "~/*": ["./src/*"] } } }\n', 'src/db/index.js': lines("const { Pool } = require('pg');", 'module.exports = { pool: new Pool() };') },
      code: lines("const { pool } = require('~/db');", 'exports.show = (req) => pool.query(`SELECT * FROM users WHERE id = ${req.params.id}`);'),
      errors: [{ messageId: 'requestValue', line: 2, column: 36, endLine: 2, endColumn: 85, severity: 'error' }],
    },
  ],
});

describe('unparameterized-query: modules outside the workspace folder', () => {
  it('does not follow an alias whose target lies outside the workspace folder', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-outside-'));
    const workspace = path.join(root, 'app');
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, relative)), { recursive: true });
      fs.writeFileSync(path.join(root, relative), text);
    };
    write('app/package.json', '{ "name": "app", "private": true }\n');
    write('app/tsconfig.json', '{ "compilerOptions": { "baseUrl": ".", "paths": { "@shared/*": ["../shared/*"] } } }\n');
    write('shared/db.ts', PG_POOL_TS);
    const code = lines("import { pool } from '@shared/db';", "import { pool as relative } from '../../shared/db';", 'export function find(req: { query: { q: string } }) {', '  return [pool.query(`SELECT ${req.query.q}`), relative.query(`SELECT ${req.query.q}`)];', '}');
    write('app/src/app.ts', code);
    const config = parseConfig(path.join(workspace, 'apiguard.json'), '{}', [unparameterizedQuery]);
    const engine = new Engine({ rules: [unparameterizedQuery], workspaceRoots: [workspace] });
    const analysis = engine.analyze(path.join(workspace, 'src/app.ts'), code, { config });
    assert.deepEqual(analysis.ruleErrors, []);
    assert.deepEqual(analysis.findings.map((finding) => finding.message), []);
    // The same files inside the workspace are followed: the alias, not the driver, made the difference.
    const wider = new Engine({ rules: [unparameterizedQuery], workspaceRoots: [root] });
    const widerAnalysis = wider.analyze(path.join(workspace, 'src/app.ts'), code, { config });
    assert.deepEqual(widerAnalysis.findings.map((finding) => `${finding.range.start.line + 1}:${finding.range.start.character + 1}`), ['4:22', '4:63']);
  });
});
