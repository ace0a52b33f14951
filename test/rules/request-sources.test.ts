// RequestSources: which values count as request data — the request's properties (the URL too) and methods, tokens decoded from
// it, cookie and header helpers, session fields set from request data in the same file — and the traps: a session
// field set from a database record or a constant, `req.user`, a verify call that is not a token decoder; GraphQL
// resolver arguments (resolver maps, field configs, express-graphql root values, @Args()) and their look-alikes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { FileIndex } from '../../rules/support/dataflow';
import { RequestSources } from '../../rules/support/request-sources';
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { runRuleTests } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** Whether each `probe(x)` argument in the code carries request data, in source order. */
function probes(code: string, fileName = 'app.ts'): boolean[] {
  const sourceFile = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, fileName.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const index = new FileIndex(sourceFile);
  const sources = new RequestSources(index);
  return index.callsNamed('probe').map((call) => sources.carriesRequestData(call.arguments[0]!));
}

describe('RequestSources', () => {
  it('tokens decoded from the request: jsonwebtoken (result and callback), jose, jwt-decode, NestJS JwtService, @fastify/jwt', () => {
    const code = lines(
      "const jwt = require('jsonwebtoken');",
      "import { jwtVerify } from 'jose';",
      "import jwtDecode from 'jwt-decode';",
      'async function handler(req, reply, request) {',
      "  const token = req.headers.authorization.split(' ')[1];",
      '  const payload = jwt.verify(token, process.env.JWT_SECRET);',
      '  probe(payload.sub);',
      '  jwt.verify(req.cookies.session, process.env.JWT_SECRET, (err, decoded) => probe(decoded.id));',
      '  const { payload: claims } = await jwtVerify(req.get("x-token"), key);',
      '  probe(claims.org);',
      '  probe(jwtDecode(req.signedCookies.t).tenant);',
      '  probe((await request.jwtVerify()).role);',
      '}',
      'class Guard {',
      '  async check(req) {',
      "    const user = await this.jwtService.verifyAsync(req.header('authorization'));",
      '    probe(user.schema);',
      '  }',
      '}',
    );
    assert.deepEqual(probes(code, 'app.js'), [true, true, true, true, true, true]);
  });

  it('the request URL: req.url / originalUrl and what is parsed from it (url.parse(req.url, true).query)', () => {
    const code = lines(
      "const url = require('url');",
      'function handler(req, res) {',
      '  const params = url.parse(req.url, true).query;',
      '  probe(params.id);',
      '  const { pathname } = url.parse(req.originalUrl);',
      '  probe(pathname);',
      '  probe(res.locals.url);',
      "  probe(url.parse('http://example.com/a?b=1', true).query.b);",
      '}',
    );
    assert.deepEqual(probes(code, 'app.js'), [true, true, false, false]);
  });

  it('a token that is not the request`s, and a verify that is not a decoder, are not request data', () => {
    const code = lines(
      "const jwt = require('jsonwebtoken');",
      "const bcrypt = require('bcrypt');",
      'function handler(req) {',
      '  const service = jwt.verify(process.env.SERVICE_TOKEN, process.env.JWT_SECRET);',
      '  probe(service.scope);',
      '  jwt.verify(process.env.SERVICE_TOKEN, key, (err, decoded) => probe(decoded.scope));',
      '  bcrypt.compare(req.body.password, hash, (err, same) => probe(same));',
      '  probe(req.user.id);',
      '}',
    );
    assert.deepEqual(probes(code, 'app.js'), [false, false, false, false]);
  });

  it('cookies and headers: Express, Koa, Hono helpers and c.req.header, Next.js cookies()/headers()', () => {
    const code = lines(
      "import { getCookie, getSignedCookie } from 'hono/cookie';",
      "import { cookies, headers } from 'next/headers';",
      'export async function handlers(req: any, ctx: any, c: any) {',
      '  probe(req.cookies.sort);',
      '  probe(req.signedCookies.sort);',
      "  probe(ctx.cookies.get('sort'));",
      "  probe(getCookie(c, 'sort'));",
      "  probe(await getSignedCookie(c, secret, 'sort'));",
      "  probe(req.get('x-sort'));",
      "  probe(req.header('x-sort'));",
      "  probe(ctx.get('x-sort'));",
      "  probe(c.req.header('x-sort'));",
      "  probe((await cookies()).get('sort')?.value);",
      "  probe(headers().get('x-sort'));",
      '}',
    );
    assert.deepEqual(probes(code), [true, true, true, true, true, true, true, true, true, true, true]);
  });

  it('Hono context variables (c.get, set by middleware) and a local cookies() are not request data', () => {
    const code = lines(
      'const cookies = () => new Map([["sort", "name"]]);',
      'export function handler(c: any) {',
      "  probe(c.get('user'));",
      "  probe(cookies().get('sort'));",
      '}',
    );
    assert.deepEqual(probes(code), [false, false]);
  });

  it('session fields: request data when this file sets them from request data, not from a record or a constant', () => {
    const code = lines(
      'async function login(req, res) {',
      '  const user = await User.findOne({ where: { email: req.body.email } });',
      '  req.session.userId = user.id;',
      "  req.session.role = 'member';",
      '  req.session.sort = req.query.sort.toLowerCase();',
      "  ctx.session['filter'] = String(ctx.query.filter);",
      '  const { dir } = req.body;',
      '  req.session.dir = dir;',
      '  req.session.visits = req.session.visits + 1;',
      '}',
      'function list(req) {',
      '  probe(req.session.sort);',
      "  probe(ctx.session['filter']);",
      '  probe(req.session.dir);',
      '  const { sort } = req.session;',
      '  probe(sort);',
      '  probe(req.session.userId);',
      '  probe(req.session.role);',
      '  probe(req.session.visits);',
      '  probe(req.session.unset);',
      '}',
    );
    assert.deepEqual(probes(code, 'app.js'), [true, true, true, true, false, false, false, false]);
  });

  it('GraphQL resolver arguments: resolver maps, graphql-js field configs, express-graphql root values, @Args()', () => {
    const code = lines(
      'const graphqlroot = { user: getUser, update: updateProfile, list: async (args) => probe(args.q) };',
      'async function getUser(arg) { probe(arg.username); }',
      'async function updateProfile(args, req) { probe(args.email); probe(req.user.name); }',
      'const resolvers = { Query: { user: (parent, args, ctx) => probe(args.id), me(parent, { id }) { return probe(id); } }, User: { posts: (user, args) => probe(args.first) } };',
      'const server = new ApolloServer({ resolvers: { Mutation: { add: (_, { name }) => probe(name) } } });',
      'const field = { type: UserType, args: { id: { type: GraphQLID } }, resolve(parent, args) { return probe(args.id); } };',
      'class UserResolver { @Query() user(@Args("id") id: string, @Args() input: Input) { probe(id); probe(input.name); } }',
    );
    assert.deepEqual(probes(code), [true, true, true, false, true, true, true, true, true, true, true]);
  });

  it('look-alikes of resolvers are not: reducers, a resolve without a type, a resolver`s parent, a plain helper', () => {
    const code = lines(
      'const handlers = { add: (state, action) => probe(action.payload), Query: 1 };',
      'const reducers = { user: (parent, args) => probe(args.id) };',
      'const cfg = { resolve: (parent, args) => probe(args.id) };',
      'const resolvers = { Query: { user: (parent, args) => probe(parent.id) } };',
      'function helper(args) { probe(args.x); }',
    );
    assert.deepEqual(probes(code), [false, false, false, false, false]);
  });
});

runRuleTests(unparameterizedQuery, {
  valid: [
    {
      name: 'a session id set from the user record (looked up by request data) is not request data',
      filename: 'src/routes/account.js',
      code: lines(
        "const { Pool } = require('pg');",
        'const pool = new Pool();',
        'exports.login = async (req, res) => {',
        "  const { rows } = await pool.query('SELECT id FROM users WHERE email = $1', [req.body.email]);",
        '  req.session.userId = rows[0].id;',
        '  res.end();',
        '};',
        'exports.orders = async (req, res) => {',
        '  const userId = Number(req.session.userId);',
        '  res.json(await pool.query(`SELECT * FROM orders WHERE user_id = ${userId}`));',
        '};',
      ),
    },
  ],
  invalid: [
    {
      name: "express-graphql root value resolvers (vuln-nodejs-app's shape): args is request data",
      filename: 'src/controllers/graphql.js',
      code: lines(
        "const mysql = require('mysql2');",
        'const con = mysql.createConnection({});',
        'const graphqlroot = { user: graphqlGetUser };',
        'async function graphqlGetUser(arg) {',
        "  const q = 'SELECT * FROM users where username=\\'' + arg.username + '\\';';",
        '  const rows = await con.promise().query(q);',
        '  return rows[0][0];',
        '}',
        'module.exports = { graphqlroot };',
      ),
      errors: [{ messageId: 'requestValue', line: 6, column: 42, endLine: 6, endColumn: 43, severity: 'error' }],
    },
    {
      name: 'an Apollo resolver map in TypeScript: Query field args into knex raw',
      code: lines(
        "import knex from 'knex';",
        "const db = knex({ client: 'pg' });",
        'export const resolvers = {',
        '  Query: {',
        '    users: (_: unknown, { role }: { role: string }) => db.raw(`SELECT * FROM users WHERE role = ${role}`),',
        '  },',
        '};',
      ),
      errors: [{ messageId: 'requestValue', line: 5, column: 63, endLine: 5, endColumn: 105, severity: 'error' }],
      output: lines(
        "import knex from 'knex';",
        "const db = knex({ client: 'pg' });",
        'export const resolvers = {',
        '  Query: {',
        '    users: (_: unknown, { role }: { role: string }) => db.raw(`SELECT * FROM users WHERE role = ?`, [role]),',
        '  },',
        '};',
      ),
    },
    {
      name: 'a sort order kept in the session from the query string (Express, CommonJS)',
      filename: 'src/routes/products.js',
      code: lines(
        "const mysql = require('mysql2');",
        'const pool = mysql.createPool({});',
        'exports.list = (req, res) => {',
        '  if (req.query.sort) req.session.sort = req.query.sort;',
        "  pool.query('SELECT * FROM products WHERE owner = ' + req.session.owner + ' AND name LIKE ' + req.session.sort, (err, rows) => res.json(rows));",
        '};',
      ),
      errors: [{ messageId: 'requestValue', message: 'Request data `req.session.sort` is written into the SQL text run by `pool.query` (mysql); pass it as a bound parameter instead.', line: 5, column: 14, endLine: 5, endColumn: 112, severity: 'error' }],
    },
    {
      name: 'a claim of a verified token taken from the Authorization header (TypeScript, jsonwebtoken)',
      code: lines(
        "import jwt from 'jsonwebtoken';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export async function tenantRows(req: { headers: { authorization?: string } }) {',
        "  const claims = jwt.verify(req.headers.authorization?.replace('Bearer ', '') ?? '', process.env.JWT_SECRET!) as { tenant: string };",
        '  return pool.query(`SELECT * FROM rows WHERE tenant = ${claims.tenant}`);',
        '}',
      ),
      errors: [{ messageId: 'requestValue', line: 6, column: 21, endLine: 6, endColumn: 73, severity: 'error' }],
      output: lines(
        "import jwt from 'jsonwebtoken';",
        "import { Pool } from 'pg';",
        'const pool = new Pool();',
        'export async function tenantRows(req: { headers: { authorization?: string } }) {',
        "  const claims = jwt.verify(req.headers.authorization?.replace('Bearer ', '') ?? '', process.env.JWT_SECRET!) as { tenant: string };",
        '  return pool.query(`SELECT * FROM rows WHERE tenant = $1`, [claims.tenant]);',
        '}',
      ),
    },
    {
      name: 'a Hono cookie read with getCookie (ESM)',
      filename: 'src/app.mjs',
      code: lines(
        "import { getCookie } from 'hono/cookie';",
        "import postgres from 'postgres';",
        'const sql = postgres();',
        "export const list = async (c) => c.json(await sql.unsafe(`SELECT * FROM items ORDER BY created_at LIMIT ${getCookie(c, 'page_size')}`));",
      ),
      errors: [{ messageId: 'requestValue', line: 4, column: 58, endLine: 4, endColumn: 134, severity: 'error' }],
    },
  ],
});
