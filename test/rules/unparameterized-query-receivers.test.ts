// unparameterized-query: receivers recognised by what they are across files — a pool exported by a neighbouring
// module (ESM and CommonJS), and a type that only the checker can trace back to the driver — and objects with a
// `query` method that are not drivers.
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { runRuleTests } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const PG_POOL_MODULE = lines("import { Pool } from 'pg';", 'export const pool = new Pool();', 'export default pool;');
const NOT_A_DRIVER_MODULE = lines('export const pool = { query: (text: string) => text.length };', 'export default pool;');
/** A tiny installed `pg`, so the checker can resolve the driver's own declarations. */
const INSTALLED_PG = {
  'node_modules/pg/package.json': '{ "name": "pg", "version": "8.0.0", "types": "index.d.ts" }\n',
  'node_modules/pg/index.d.ts': lines('export declare class Pool {', '  query(text: string, values?: unknown[]): Promise<{ rows: unknown[] }>;', '}'),
  'tsconfig.json': '{ "compilerOptions": { "strict": true, "module": "commonjs", "moduleResolution": "node", "target": "es2022", "noEmit": true } }\n',
};

runRuleTests(unparameterizedQuery, {
  valid: [
    {
      name: 'a neighbour module exporting a non-driver object with query()',
      files: { 'src/db.ts': NOT_A_DRIVER_MODULE },
      code: lines("import pool, { pool as named } from './db';", 'export function find(name: string) {', "  return [pool.query(`SELECT * FROM users WHERE name = '${name}'`), named.query('x' + name)];", '}'),
    },
    {
      name: 'a class from a neighbour file that does not extend a driver (checker consulted, answer no)',
      files: { ...INSTALLED_PG, 'src/repo.ts': lines('export class Repo { query(text: string) { return text; } }') },
      code: lines("import { Repo } from './repo';", 'export function find(repo: Repo, name: string) {', "  return repo.query(`SELECT * FROM users WHERE name = '${name}'`);", '}'),
    },
    {
      name: 'type information off: an annotation that only the checker could resolve is not a receiver',
      options: { useTypeInformation: false },
      files: { ...INSTALLED_PG, 'src/db.ts': lines("import { Pool } from 'pg';", 'export class Database extends Pool {}') },
      code: lines("import { Database } from './db';", 'export function find(db: Database, name: string) {', "  return db.query(`SELECT * FROM users WHERE name = '${name}'`);", '}'),
    },
  ],
  invalid: [
    {
      name: 'default import of a pg pool from a neighbour module',
      files: { 'src/db.ts': PG_POOL_MODULE },
      code: lines("import pool from './db';", 'export function find(name: string) {', "  return pool.query(`SELECT * FROM users WHERE name = '${name}'`);", '}'),
      errors: [{ messageId: 'parameterValue', line: 3, column: 21, endLine: 3, endColumn: 65, severity: 'warning' }],
      output: lines("import pool from './db';", 'export function find(name: string) {', '  return pool.query(`SELECT * FROM users WHERE name = $1`, [name]);', '}'),
    },
    {
      name: 'named import with a .js extension (ESM TypeScript style) and a namespace import',
      files: { 'src/db.ts': PG_POOL_MODULE },
      code: lines(
        "import { pool } from './db.js';",
        "import * as db from './db';",
        'export function find(name: string) {',
        '  return [',
        "    pool.query('SELECT 1 WHERE a = ' + name),",
        '    db.pool.query(`SELECT 2 WHERE b = ${name}`),',
        '  ];',
        '}',
      ),
      errors: [
        { messageId: 'parameterValue', line: 5, column: 16, endLine: 5, endColumn: 44, severity: 'warning' },
        { messageId: 'parameterValue', line: 6, column: 19, endLine: 6, endColumn: 47, severity: 'warning' },
      ],
      output: lines(
        "import { pool } from './db.js';",
        "import * as db from './db';",
        'export function find(name: string) {',
        '  return [',
        '    pool.query(`SELECT 1 WHERE a = $1`, [name]),',
        '    db.pool.query(`SELECT 2 WHERE b = ${name}`),',
        '  ];',
        '}',
      ),
    },
    {
      name: 'CommonJS: module.exports = pool, required by an Express handler',
      filename: 'src/routes.js',
      files: { 'src/db.js': lines("const mysql = require('mysql2');", 'const pool = mysql.createPool({});', 'module.exports = pool;') },
      code: lines(
        "const pool = require('./db');",
        'exports.show = (req, res) => {',
        "  pool.query('SELECT * FROM posts WHERE slug = \"' + req.params.slug + '\"', (err, rows) => res.json(rows));",
        '};',
      ),
      errors: [{ messageId: 'requestValue', line: 3, column: 14, endLine: 3, endColumn: 74, severity: 'error' }],
      output: lines(
        "const pool = require('./db');",
        'exports.show = (req, res) => {',
        '  pool.query(`SELECT * FROM posts WHERE slug = ?`, [req.params.slug], (err, rows) => res.json(rows));',
        '};',
      ),
    },
    {
      name: 'CommonJS: module.exports = { pool } destructured by the caller',
      filename: 'src/routes.js',
      files: { 'src/db.js': lines("const { Pool } = require('pg');", 'const pool = new Pool();', 'module.exports = { pool };') },
      code: lines(
        "const { pool } = require('./db');",
        'exports.show = async (req, res) => {',
        "  res.json(await pool.query(`SELECT * FROM posts WHERE id = ${req.params.id}`));",
        '};',
      ),
      errors: [{ messageId: 'requestValue', line: 3, column: 29, endLine: 3, endColumn: 78, severity: 'error' }],
      output: lines(
        "const { pool } = require('./db');",
        'exports.show = async (req, res) => {',
        '  res.json(await pool.query(`SELECT * FROM posts WHERE id = $1`, [req.params.id]));',
        '};',
      ),
    },
    {
      name: 'JavaScript model: callback API, query assembled over statements, values array without a type annotation',
      filename: 'src/models/book.js',
      files: { 'src/models/db.js': lines("const mysql = require('mysql');", 'module.exports = mysql.createPool({ host: process.env.DB_HOST });') },
      code: lines(
        "const db = require('./db.js');",
        'exports.search = (author, done) => {',
        "  let text = 'SELECT * FROM books';",
        '  if (author) {',
        '    text += ` WHERE author LIKE "%${author}%"`;',
        '  }',
        '  db.query(text, (err, rows) => done(err, rows));',
        '};',
      ),
      errors: [{ messageId: 'parameterValue', line: 7, column: 12, endLine: 7, endColumn: 16, severity: 'warning' }],
      output: lines(
        "const db = require('./db.js');",
        'exports.search = (author, done) => {',
        '  let text = `SELECT * FROM books`;',
        '  const values = [];',
        '  if (author) {',
        '    values.push(`%${author}%`);',
        '    text += ` WHERE author LIKE ?`;',
        '  }',
        '  db.query(text, values, (err, rows) => done(err, rows));',
        '};',
      ),
    },
    {
      name: 'checker fallback: a class from another file that extends pg.Pool',
      files: { ...INSTALLED_PG, 'src/db.ts': lines("import { Pool } from 'pg';", 'export class Database extends Pool {}') },
      code: lines("import { Database } from './db';", 'export function find(db: Database, name: string) {', "  return db.query(`SELECT * FROM users WHERE name = '${name}'`);", '}'),
      errors: [{ messageId: 'parameterValue', line: 3, column: 19, endLine: 3, endColumn: 63, severity: 'warning' }],
      output: lines("import { Database } from './db';", 'export function find(db: Database, name: string) {', '  return db.query(`SELECT * FROM users WHERE name = $1`, [name]);', '}'),
    },
  ],
});
