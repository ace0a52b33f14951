// A secret planted in every message path of every rule (each messageId that quotes source text, the sink label,
// fix titles, "fix unavailable" reasons) never comes out whole: not in a finding's message, data or fix titles, and
// not in any report format. The masking is the engine's (server/engine/analyzer.ts), so a new rule gets it too;
// this test fails when a rule gains a messageId that no case here reaches.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { allFindingMetas, Engine } from '../../server/engine/analyzer';
import type { Finding } from '../../server/engine/findings';
import { scanWorkspace, type WorkspaceScanResult } from '../../server/engine/workspace-scan';
import { formatReport, REPORT_FORMATS } from '../../server/report';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';

// Assembled so that no full token sits verbatim in this file (hosting-side secret scanners).
const GITHUB = 'ghp_' + 'R8kT2mVq9LxW4nZ7pB3c' + 'Y6dF1hJ5sA0eGuKo';
const STRIPE = 'sk_live_' + '51Hq8ZtLkR2vXw9' + 'Yb3NcP7dF4gJ6mS';
const RANDOM = 'xQ7vLp2Rk9Tz' + 'W4mN8bYc3Hs6Fd';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG' + '/bPxRfiCYzQ8LkW3nTs';
const POSTHOG = 'phc_' + 'Tq4ZbW8xLm2RvK7nPc9' + 'Yd3HsF6gJ1aE5uVoXiBt0Nw';
const PRIVATE_KEY_HEX = '4c0883a6' + '9102937d6231471b' + '5dbb6204fe512961' + '708668573b3ea4f16c6e9a2d';
const TOKENS = [GITHUB, STRIPE, RANDOM, AWS_SECRET, POSTHOG, PRIVATE_KEY_HEX];

const MYSQL = "import mysql from 'mysql';\nconst conn = mysql.createConnection({});\n";

/** file name → [code, the rule/messageId pairs it must produce]. */
const CASES: Record<string, [string, string[]]> = {
  'request-value.ts': [`${MYSQL}app.get('/', (req) => conn.query("SELECT * FROM t WHERE a = '" + (req.query.t || '${GITHUB}') + "'"));\n`, ['unparameterized-query/requestValue']],
  'parameter-value.ts': [`${MYSQL}export function find(x: string) {\n  return conn.query("SELECT * FROM t WHERE a = '" + (x || '${STRIPE}') + "'");\n}\n`, ['unparameterized-query/parameterValue']],
  'dynamic-value.ts': [`${MYSQL}declare const settings: { a?: string };\nexport function find() {\n  return conn.query("SELECT * FROM t WHERE a = '" + (settings.a || '${STRIPE}') + "'");\n}\n`, ['unparameterized-query/dynamicValue']],
  'request-identifier.ts': [`${MYSQL}app.get('/', (req) => conn.query('SELECT * FROM t ORDER BY ' + (req.query.sort || '${RANDOM}')));\n`, ['unparameterized-query/requestIdentifier']],
  'dynamic-identifier.ts': [`${MYSQL}export const sorted = (column: string) => conn.query('SELECT * FROM t ORDER BY ' + (column || '${RANDOM}'));\n`, ['unparameterized-query/dynamicIdentifier']],
  // Request data from another module: the message shows the path, quoting the request expression and the call.
  'caller-service.ts': [`${MYSQL}export function findByName(name: string) {\n  return conn.query("SELECT * FROM t WHERE a = '" + name + "'");\n}\nexport function sortedBy(column: string) {\n  return conn.query('SELECT * FROM t ORDER BY ' + column);\n}\n`, ['unparameterized-query/requestValueFromCaller', 'unparameterized-query/requestIdentifierFromCaller']],
  'caller-routes.ts': [`import express from 'express';\nimport { findByName, sortedBy } from './caller-service';\nconst app = express();\napp.get('/f', (req, res) => res.json(findByName(req.query.${RANDOM} as string)));\napp.get('/s', (req, res) => res.json(sortedBy(req.query.${RANDOM}2 as string)));\n`, []],
  'request-text.ts': [`${MYSQL}app.post('/', (req) => conn.query(req.body.sql || '${GITHUB}'));\n`, ['unparameterized-query/requestText']],
  // The sink label quotes the receiver, which may itself be token-shaped; the value is cut at 60 characters.
  'sink-label.ts': [
    `import mysql from 'mysql';\nconst ${RANDOM} = mysql.createConnection({});\napp.get('/', (req) => ${RANDOM}.query("SELECT * FROM t WHERE a = '" + (req.query.aVeryLongParameterName || '${GITHUB}') + "'"));\n`,
    ['unparameterized-query/requestValue'],
  ],
  // The allow-list fix's title quotes the identifier expression (cut at 30 characters).
  'allow-list-title.ts': [`${MYSQL}app.get('/', (req) => {\n  conn.query('SELECT * FROM t ORDER BY ' + req.query.${RANDOM});\n});\n`, ['unparameterized-query/requestIdentifier']],
  // "Fix unavailable" reasons quote source: values already passed separately.
  'fix-unavailable.ts': [`${MYSQL}const values = ['${STRIPE}'];\napp.get('/', (req) => conn.query("SELECT * FROM t WHERE a = ? AND b = '" + req.query.b + "'", values || ['${GITHUB}']));\n`, ['unparameterized-query/requestValue']],
  // missing-auth quotes the route's path and the middleware chain.
  'routes.ts': [
    `import express from 'express';\nimport passport from 'passport';\nconst app = express();\napp.delete('/hooks/${GITHUB}', (req, res) => res.end());\n// apiguard-public --\napp.post('/open/${RANDOM}', (req, res) => res.end());\napp.use('/admin', passport.authenticate('${RANDOM}8'));\napp.get('/admin/${STRIPE}', (req, res) => res.end());\n`,
    ['missing-auth/missingAuth', 'missing-auth/publicWithoutReason', 'missing-auth/adminWithoutRole'],
  ],
  // A middleware that redirects without returning: the message quotes the path and the middleware.
  'falls-through.ts': [
    `import express from 'express';\nconst app = express();\nfunction requireSession(req: any, res: any, next: any) {\n  if (!req.session.user) {\n    res.redirect('/login');\n  }\n  next();\n}\napp.post('/exports/${GITHUB}', requireSession, (req, res) => res.end());\n`,
    ['missing-auth/fallsThrough'],
  ],
  // full-record-response quotes the model's field names and the read's receiver.
  'records.js': [
    `const mongoose = require('mongoose');\nconst userSchema = new mongoose.Schema({ email: String, ${RANDOM}Token: String });\nconst ${RANDOM} = mongoose.model('User', userSchema);\napp.get('/u', async (req, res) => res.json(await ${RANDOM}.findById(req.query.id)));\n`,
    ['full-record-response/fullRecord'],
  ],
  // mass-assignment quotes the sink (a token-shaped receiver) and the model's name with its fields.
  'mass-assignment.ts': [
    `import mongoose from 'mongoose';\nconst accountSchema = new mongoose.Schema({ name: String, role: String });\nconst ${RANDOM} = mongoose.model('${GITHUB}', accountSchema);\nconst noteSchema = new mongoose.Schema({ title: String });\nconst Note = mongoose.model('${STRIPE}', noteSchema);\napp.post('/a', async (req) => ${RANDOM}.create(req.body));\napp.post('/n', async (req) => Note.create(req.body));\napp.put('/u', async (req) => ${RANDOM}x.findByIdAndUpdate(req.params.id, req.body));\n`,
    ['mass-assignment/privilegedFields', 'mass-assignment/serverOwnedFields', 'mass-assignment/unknownModel'],
  ],
  // The spec ↔ code rules quote route paths, operations and middleware, from the code and from the spec.
  'openapi.yaml': [
    `openapi: 3.0.3\ninfo: { title: t, version: '1' }\nsecurity:\n  - bearerAuth: []\npaths:\n  /reports/${GITHUB}:\n    get:\n      responses: { '200': { description: ok } }\n  /open/${RANDOM}:\n    get:\n      security: []\n      responses: { '200': { description: ok } }\n  /zombie/${STRIPE}:\n    get:\n      responses: { '200': { description: ok } }\ncomponents:\n  securitySchemes:\n    bearerAuth: { type: http, scheme: bearer }\n`,
    ['spec/unimplemented-operation/unimplemented'],
  ],
  'spec-routes.ts': [
    `import express from 'express';\nimport passport from 'passport';\nconst app = express();\napp.get('/reports/${GITHUB}', (req, res) => res.end());\napp.get('/open/${RANDOM}', passport.authenticate('${RANDOM}7'), (req, res) => res.end());\napp.post('/shadow/${STRIPE}', passport.authenticate('jwt'), (req, res) => res.end());\n`,
    ['spec/auth-mismatch/specRequiresAuth', 'spec/auth-mismatch/specAllowsAnonymous', 'spec/undocumented-route/undocumented'],
  ],
  'secrets.ts': [
    `export const token = '${GITHUB}';\nexport const dbPassword = '${RANDOM}';\nexport const anything = '${RANDOM}9';\nconst awsSecretAccessKey = process.env.AWS_SECRET_ACCESS_KEY || '${AWS_SECRET}';\nexport const posthogKey = '${POSTHOG}';\n`,
    ['hardcoded-secret/providerToken', 'hardcoded-secret/publicClientKey', 'hardcoded-secret/credentialLiteral', 'hardcoded-secret/highEntropyString'],
  ],
  // hardcoded-secret's shapes quote the compared expression, the holder's name (token-shaped here) and the use.
  'secret-shapes.ts': [
    `import jwt from 'jsonwebtoken';\napp.post('/login', (req: any) => req.body.password === '${RANDOM}');\nexport const deployerKey = '0x${PRIVATE_KEY_HEX}';\nexport const seed = () => User.create({ email: 'a@b.io', password: '${RANDOM}1' });\nexport const databaseUrl = 'postgres://postgres:${RANDOM}@localhost/db';\nconst ${RANDOM}Secret = 'changeme';\nexport const signed = jwt.sign({}, ${RANDOM}Secret);\n`,
    ['hardcoded-secret/credentialComparison', 'hardcoded-secret/walletSecret', 'hardcoded-secret/seededPassword', 'hardcoded-secret/devCredentials', 'hardcoded-secret/guessableSecret'],
  ],
};

function leaks(text: string): string[] {
  return TOKENS.filter((token) => text.includes(token)).map((token) => `${token.slice(0, 4)}… (${token.length} chars)`);
}

describe('secrets planted in every rule message path', () => {
  let dir: string;
  let scan: WorkspaceScanResult;
  let findings: Finding[];
  before(() => {
    dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-planted-')));
    fs.writeFileSync(path.join(dir, 'package.json'), '{ "name": "planted", "private": true }\n');
    fs.writeFileSync(path.join(dir, 'apiguard.json'), JSON.stringify({ rules: { 'hardcoded-secret': { options: { entropy: true, ignoreTestFiles: false } } } }));
    for (const [name, [code]] of Object.entries(CASES)) fs.writeFileSync(path.join(dir, name), code);
    // Model rules read the workspace index: built from every case file first, as a scan does.
    const apiIndex = new WorkspaceIndex();
    for (const [name, [code]] of Object.entries(CASES)) apiIndex.indexFile(path.join(dir, name), code);
    apiIndex.markComplete();
    scan = scanWorkspace(new Engine({ workspaceRoots: [dir], apiIndex }), { paths: ['.'], root: dir });
    findings = scan.files.flatMap((file) => file.findings);
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('each case produces its findings, and no rule failed', () => {
    for (const [name, [, expected]] of Object.entries(CASES)) {
      const produced = new Set(findings.filter((f) => path.basename(f.filePath) === name).map((f) => `${f.ruleId}/${f.messageId}`));
      assert.deepEqual(expected.filter((id) => !produced.has(id)), [], name);
    }
    assert.deepEqual(findings.filter((f) => f.ruleId === 'internal-error').map((f) => f.message), []);
  });

  it('every messageId of every rule that interpolates text is reached by a case', () => {
    const reached = new Set(findings.map((f) => `${f.ruleId}/${f.messageId}`));
    const missing = ALL_RULES.flatMap((rule) => Object.entries(rule.meta.messages).filter(([, template]) => template.includes('{{')).map(([id]) => `${rule.meta.id}/${id}`)).filter((id) => !reached.has(id))
;
    assert.deepEqual(missing, []);
  });

  it('the cases do reach the paths that quote source: sink labels, allow-list fix titles, "fix unavailable" reasons', () => {
    assert.ok(findings.some((f) => f.data.sink === '`xQ7v…(26 chars).query` (mysql)'), 'a sink label quoting a token-named receiver');
    assert.ok(findings.some((f) => f.fixes.some((fix) => fix.title === 'Check `req.query.xQ7v…(19 chars)…` against an allow-list (fill in the allowed columns)')), 'an allow-list fix title quoting the value');
    assert.ok(findings.some((f) => typeof f.data.fixUnavailable === 'string' && f.data.fixUnavailable.includes("['ghp_…(40 chars)']")), 'a fix-unavailable reason quoting values');
  });

  it('no token appears whole in any message, data value or fix title', () => {
    const found = findings.flatMap((f) => leaks([f.message, JSON.stringify(f.data), ...f.fixes.map((fix) => fix.title)].join('\n')).map((leak) => `${f.ruleId}/${f.messageId}: ${leak}`));
    assert.deepEqual(found, []);
  });

  it('no token appears whole in any report format', () => {
    const input = { scan, rules: allFindingMetas(), tool: { name: 'apiguard', version: 'test' } };
    const found = REPORT_FORMATS.flatMap((format) => leaks(formatReport(format, input)).map((leak) => `${format}: ${leak}`));
    assert.deepEqual(found, []);
  });
});
