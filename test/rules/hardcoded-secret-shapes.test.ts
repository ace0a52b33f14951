// hardcoded-secret's shape recognisers (rules/support/secret-*.ts): each shape with positives and precision traps,
// in TypeScript, CommonJS and ESM, with exact messages, ranges, severities and fixes.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { hardcodedSecret } from '../../rules/hardcoded-secret';
import { looksLikeMnemonic, looksLikeRawPrivateKey } from '../../rules/support/secret-wallets';
import { runRuleTests, type ExpectedFinding } from '../support/rule-tester';

// Fake values assembled from parts, so that no whole key or phrase sits in this file.
const HEX64 = '4c0883a6' + '9102937d' + '6231471b' + '5dbb6204' + 'fe512961' + '70866857' + '3b3ea4f1' + '6c6e9a2d';
const MNEMONIC = ['orbit', 'velvet', 'canyon', 'tribe', 'maple', 'frost', 'silent', 'harbor', 'pilot', 'ember', 'quartz', 'donkey'].join(' ');
const HEX32 = '9f8c2b71' + 'e4a05d36' + 'c1b7e829' + 'f04a6d13';
const BASE62 = 'Qm7Tz4Kp' + 'W9xR2vLd' + 'N8sB3hYc';

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 8);
const redacted = (value: string) => `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(${value.length} chars)`;
const secret = (value: string) => `${redacted(value)}, sha256 ${sha(value)}`;

const comparisonMessage = (compared: string, value: string) =>
  `Hard-coded credential: ${compared} is compared with a literal (${secret(value)}), so anyone who reads the source can pass this check. Compare with a stored hash or a secret from the environment, and rotate it: it stays in version history.`;
const walletMessage = (what: string, holder: string, value: string) =>
  `${what} in ${holder} (${secret(value)}): whoever reads it controls the wallet or signs as it. Move the funds or rights to a new key and keep keys out of source: it stays in version history.`;
const seededMessage = (field: string, target: string, value: string) =>
  `Seeded user account with a plaintext password in "${field}" (${secret(value)}), written by ${target}: the account exists with this password wherever the code runs. Read the password from the environment or generate one.`;
const devUrlMessage = (what: string, host: string, token: string) =>
  `${what} with default development credentials for ${host} (${secret(token)}): they ship in images and copies of this configuration and get reused. Read the URL from the environment.`;
const credentialMessage = (sink: string, value: string) =>
  `Hard-coded credential in ${sink} (${secret(value)}). Move it out of source and rotate it: it stays in version history.`;
const guessableMessage = (holder: string, use: string, value: string) =>
  `Guessable secret in ${holder} (${secret(value)}): the app uses it as its secret (${use}), and a placeholder is the first thing anyone tries. Set a long random secret outside source.`;

/** The exact range of the first occurrence of `'literal'` (or `"literal"`, `` `literal` ``) in `code`. */
function literalAt(code: string, literal: string, occurrence = 0): Pick<ExpectedFinding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  let index = -1;
  for (let i = 0; i <= occurrence; i++) {
    const next = ['\'', '"', '`'].map((quote) => code.indexOf(`${quote}${literal}${quote}`, index + 1)).filter((at) => at >= 0);
    assert.ok(next.length > 0, `literal not in the case: ${literal}`);
    index = Math.min(...next);
  }
  const before = code.slice(0, index).split('\n');
  const line = before.length;
  const column = before[before.length - 1]!.length + 1;
  return { line, column, endLine: line, endColumn: column + literal.length + 2 };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Request credentials compared with literals

const loginTs = `import express from 'express';
const app = express();
app.post('/login', (req, res) => {
  if (req.body.password === 'letmein42') return res.json({ ok: true });
  res.sendStatus(401);
});
`;
const apiKeyCjs = `const express = require('express');
const router = express.Router();
router.use((req, res, next) => {
  if (req.headers['x-api-key'] !== 'k3y-2f9a8d7c') return res.sendStatus(401);
  next();
});
module.exports = router;
`;
const tokenEsm = `export function requireToken(req, res, next) {
  const token = req.query.token;
  if (token == 'abc123secret') return next();
  res.status(401).end();
}
`;
const timingSafeTs = `import { timingSafeEqual } from 'node:crypto';
export function isAdminKey(given: string): boolean {
  return given.length === 14 && timingSafeEqual(Buffer.from(given), Buffer.from('adm1n-k3y-2026'));
}
`;
const switchCjs = `exports.login = (req, res) => {
  switch (req.body.password) {
    case 'opensesame':
      return res.json({ admin: true });
    default:
      return res.sendStatus(401);
  }
};
`;
const destructuredTs = `import type { Request, Response } from 'express';
export function unlock(req: Request, res: Response) {
  const { passcode } = req.body;
  res.json({ open: passcode === 'hunter22' });
}
`;
const nestTs = `import { Body, Controller, Post } from '@nestjs/common';
@Controller('admin')
export class AdminController {
  @Post('unlock')
  unlock(@Body() body: { masterKey: string }) {
    return body.masterKey === 'mk-7f3a9c2e';
  }
}
`;
const headerGetEsm = `export const guard = (req, res, next) => (req.get('x-api-key') === 'sk-internal-42' ? next() : res.sendStatus(403));
`;

// ---------------------------------------------------------------------------------------------------------------
// 2. Wallet mnemonics and raw private keys

const mnemonicTs = `export const mnemonic = '${MNEMONIC}';\n`;
const fromPhraseCjs = `const { ethers } = require('ethers');\nconst wallet = ethers.Wallet.fromPhrase('${MNEMONIC}');\nmodule.exports = wallet;\n`;
const deployerKeyEsm = `export const deployerKey = '0x${HEX64}';\n`;
const hardhatTs = `export default {
  networks: {
    mainnet: { url: 'https://mainnet.infura.io/v3/project', accounts: ['0x${HEX64}'] },
  },
};
`;
const newWalletCjs = `const { Wallet, JsonRpcProvider } = require('ethers');\nconst signer = new Wallet('${HEX64}', new JsonRpcProvider());\nmodule.exports = signer;\n`;

// ---------------------------------------------------------------------------------------------------------------
// 3. Seeded user records

const userCreateTs = `import { User } from './models';
export async function seedAdmin() {
  await User.create({ email: 'admin@shop.io', password: 'admin123', role: 'admin' });
}
`;
const seederCjs = `module.exports = {
  up: (queryInterface) => queryInterface.bulkInsert('Users', [{ username: 'root', password: 'changeme', createdAt: new Date() }]),
  down: (queryInterface) => queryInterface.bulkDelete('Users', null, {}),
};
`;
const usersEsm = `export const users = [
  { id: 1, username: 'alice', password: 'wonderland' },
];
`;
const newUserCjs = `const User = require('./models/user');
module.exports = async function seed() {
  await new User({ username: 'test', password: 'test', admin: false }).save();
};
`;
const prismaTs = `import { PrismaClient } from '@prisma/client';
const prisma = new PrismaClient();
await prisma.user.create({ data: { email: 'ops@acme.io', password: 'toor1234' } });
`;

// ---------------------------------------------------------------------------------------------------------------
// 4. Connection URLs with default development credentials

const postgresTs = `export const databaseUrl = 'postgres://postgres:postgres@localhost:5432/db';\n`;
const mysqlCjs = `const mysql = require('mysql2');\nmodule.exports = mysql.createConnection('mysql://root:secret@db/app');\n`;
const redisEsm = `export const redisUrl = process.env.REDIS_URL || 'redis://:devpass42@redis:6379';\n`;

// ---------------------------------------------------------------------------------------------------------------
// 5. Keys beside an API URL

const weatherTs = `export const weather = { url: 'https://api.openweathermap.org/data/2.5', key: '${HEX32}' };\n`;
const paymentsCjs = `module.exports = { baseUrl: 'https://api.paycorp.io/v1', token: '${BASE62}' };\n`;
const mapsEsm = `export const geocoder = { endpoint: 'https://geo.mapcorp.net/v2/search', k: '${HEX32}' };\n`;

// ---------------------------------------------------------------------------------------------------------------
// 6. Placeholder secrets the app really uses

const configJwtTs = `import jwt from 'jsonwebtoken';
const config = { jwtSecret: 'put_the_secret_here', expiresIn: '1h' };
export const issue = (id: string) => jwt.sign({ id }, config.jwtSecret, { expiresIn: config.expiresIn });
`;
const sessionCjs = `const session = require('express-session');
const app = require('express')();
app.use(session({ secret: 'changeme', resave: false, saveUninitialized: false }));
`;
const fallbackEsm = `import jwt from 'jsonwebtoken';
const JWT_SECRET = process.env.JWT_SECRET || 'your_secret';
export const verify = (token) => jwt.verify(token, JWT_SECRET);
`;
const koaKeysCjs = `const Koa = require('koa');
const app = new Koa();
app.keys = ['koa-sample-app'];
module.exports = app;
`;
const nestedHmacTs = `import { createHmac } from 'node:crypto';
const settings = { webhooks: { secret: 'secret_here' } };
export const sign = (body: string) => createHmac('sha256', settings.webhooks.secret).update(body).digest('hex');
`;

runRuleTests(hardcodedSecret, {
  valid: [
    // 1. Not a secret compared, or not a request credential.
    { name: 'comparison: empty password', code: "app.post('/x', (req, res) => { if (req.body.password === '') return res.sendStatus(400); });\n" },
    { name: 'comparison: a scheme', code: "app.use((req, res, next) => { if (req.headers.authorization === 'Bearer') return res.sendStatus(401); next(); });\n" },
    { name: 'comparison: a scheme, lower case', code: "app.use((req, res, next) => { if (req.headers.authorization !== 'basic') next(); });\n", filename: 'src/app.js' },
    { name: 'comparison: the string undefined', code: "app.use((req, res, next) => { if (req.query.token === 'undefined') return res.sendStatus(401); next(); });\n", filename: 'src/app.mjs' },
    { name: 'comparison: a token state word', code: "app.use((req, res, next) => { if (req.cookies.token === 'expired') return res.redirect('/login'); next(); });\n", filename: 'src/app.cjs' },
    { name: 'comparison: two request values', code: "app.post('/x', (req, res) => { if (req.body.password === req.body.confirm) res.sendStatus(204); });\n" },
    { name: 'comparison: a length', code: "app.post('/x', (req, res) => { if (req.body.password.length < 8) res.sendStatus(400); });\n" },
    { name: 'comparison: a role is not a credential', code: "app.post('/x', (req, res) => { if (req.body.role === 'admin') res.sendStatus(403); });\n", filename: 'src/app.js' },
    { name: 'comparison: typeof', code: "app.post('/x', (req, res) => { if (typeof req.body.password === 'string') res.sendStatus(204); });\n" },
    { name: 'comparison: a weak-password deny check', code: "app.post('/x', (req, res) => { if (req.body.password === 'password') res.status(400).send('too common'); });\n" },
    {
      name: 'comparison: a configuration guard is not a request credential',
      code: "const secret = process.env.JWT_SECRET ?? '';\nif (secret === 'changeme') throw new Error('Set JWT_SECRET');\nexport { secret };\n",
    },
    { name: 'comparison: a parameter that is not request data', code: "export function isDefault(password: string) {\n  return password === 'admin123';\n}\n" },
    { name: 'comparison: constant-time compare of two variables', code: "import { timingSafeEqual } from 'node:crypto';\nexport const same = (a: Buffer, b: Buffer) => timingSafeEqual(a, b);\n" },
    // 2. Hashes, addresses, digests, ordinary text.
    { name: 'wallet: a transaction hash', code: `export const txHash = '0x${HEX64}';\n` },
    { name: 'wallet: a block hash in an array of wallet fixtures', code: `export const wallet = { blockHash: '0x${HEX64}', address: '0x36435796Ca9be2bf150CE0dECc2D8Fab5C4d6E13' };\n` },
    { name: 'wallet: a sha256 checksum', code: `const checksum = '${HEX64}';\nexport default checksum;\n`, filename: 'src/app.js' },
    { name: 'wallet: a hash under a private-key name is still a hash', code: `export const privateKeyHash = '${HEX64}';\n` },
    { name: 'wallet: lorem ipsum under a mnemonic name', code: "export const mnemonic = 'lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor';\n" },
    { name: "wallet: Hardhat's published test mnemonic", code: "export const mnemonic = 'test test test test test test test test test test test junk';\n" },
    { name: 'wallet: twelve words without a wallet name', code: `export const description = '${MNEMONIC}';\n` },
    { name: 'wallet: a dummy key', code: `export const deployerKey = '0x${'0'.repeat(63)}1';\n` },
    { name: 'wallet: twelve words of prose under a phrase name', code: "export const secretPhrase = 'the quick brown fox jumps over the lazy dog again and again';\n" },
    { name: 'wallet: a seed is not a seed phrase', code: `export const seed = '${MNEMONIC}';\n`, filename: 'src/app.js' },
    // 3. Hashes and computed passwords in seeds; test files.
    { name: 'seed: a bcrypt hash literal', code: `await User.create({ email: 'admin@shop.io', password: '${'$2b$10$' + 'N9qo8uLOickgx2ZMRZoMye' + 'IjZAgcfl7p92ldGxad68LJZdL17lhWy'}' });\n` },
    { name: 'seed: a computed password', code: "await User.create({ email: 'admin@shop.io', password: hash('admin123') });\n" },
    { name: 'seed: a password from the request', code: "app.post('/signup', async (req, res) => res.json(await User.create({ email: req.body.email, password: req.body.password })));\n", filename: 'src/app.js' },
    { name: 'seed: validation messages in a record-shaped list', code: "export const users = [{ email: 'Enter your e-mail address', password: 'Password is required.' }];\n" },
    { name: 'seed: a test file', code: "await User.create({ email: 'admin@shop.io', password: 'admin123' });\n", filename: 'test/seed.test.ts' },
    // 4. URLs without credentials, or with templates.
    { name: 'url: no password', code: "export const databaseUrl = 'postgres://localhost/db';\n" },
    { name: 'url: a substitution', code: 'export const databaseUrl = `postgres://user:${process.env.PASS}@localhost/db`;\n' },
    { name: 'url: shell substitutions', code: "export const databaseUrl = 'postgres://$(USER):$(PASSWORD)@localhost/db';\n", filename: 'src/app.js' },
    { name: 'url: a template placeholder', code: "export const databaseUrl = 'postgres://{{user}}:{{password}}@localhost/db';\n" },
    { name: 'url: the documented placeholder password', code: "export const databaseUrl = 'postgres://user:password@db/app';\n", filename: 'src/app.mjs' },
    // 5. Words, ids and digests beside a URL; a key without a URL.
    { name: 'api object: a word under key', code: "export const resource = { url: 'https://api.shop.io/users', key: 'users' };\n" },
    { name: 'api object: an id beside a URL', code: `export const item = { url: 'https://api.shop.io/items', id: '${HEX32}' };\n` },
    { name: 'api object: a sha beside a URL', code: `export const commit = { url: 'https://github.com/org/repo', sha: '${HEX64.slice(0, 40)}' };\n`, filename: 'src/app.js' },
    { name: 'api object: a key without a URL', code: `export const cache = { key: '${HEX32}', ttl: 60 };\n` },
    // 6. Placeholders that are not used as the app's secret.
    { name: 'guessable: documented in a config object nobody reads here', code: "export const config = { jwtSecret: 'put_the_secret_here' };\n" },
    {
      name: 'guessable: a placeholder used only as a guard',
      code: "const PLACEHOLDER_SECRET = 'changeme';\nconst secret = process.env.JWT_SECRET ?? '';\nif (secret === PLACEHOLDER_SECRET) throw new Error('Set JWT_SECRET');\nexport { secret };\n",
    },
    { name: 'guessable: a sample value in a list that holds no secret', code: "export const examples = ['koa-sample-app', 'changeme'];\n", filename: 'src/app.js' },
    { name: 'guessable: an example env line', code: "export const envExample = 'JWT_SECRET=changeme';\n", filename: 'src/app.js' },
    { name: 'guessable: the real secret from the environment', code: "import jwt from 'jsonwebtoken';\nconst config = { jwtSecret: process.env.JWT_SECRET! };\nexport const issue = (id: string) => jwt.sign({ id }, config.jwtSecret);\n" },
  ],
  invalid: [
    // 1. Comparisons (error)
    {
      name: 'comparison: req.body.password === literal (TypeScript)',
      code: loginTs,
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('req.body.password', 'letmein42'), severity: 'error', ...literalAt(loginTs, 'letmein42') }],
      output: null,
    },
    {
      name: 'comparison: an API key header (CommonJS)',
      code: apiKeyCjs,
      filename: 'src/routes.js',
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage("req.headers['x-api-key']", 'k3y-2f9a8d7c'), severity: 'error', ...literalAt(apiKeyCjs, 'k3y-2f9a8d7c') }],
    },
    {
      name: 'comparison: a token read from the query into a local (ESM)',
      code: tokenEsm,
      filename: 'src/auth.mjs',
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('token', 'abc123secret'), severity: 'error', ...literalAt(tokenEsm, 'abc123secret') }],
    },
    {
      name: 'comparison: timingSafeEqual with a literal',
      code: timingSafeTs,
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('given', 'adm1n-k3y-2026'), severity: 'error', ...literalAt(timingSafeTs, 'adm1n-k3y-2026') }],
    },
    {
      name: 'comparison: switch on the request password (CommonJS)',
      code: switchCjs,
      filename: 'src/login.cjs',
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('req.body.password', 'opensesame'), severity: 'error', ...literalAt(switchCjs, 'opensesame') }],
    },
    {
      name: 'comparison: a passcode destructured from the body',
      code: destructuredTs,
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('passcode', 'hunter22'), severity: 'error', ...literalAt(destructuredTs, 'hunter22') }],
    },
    {
      name: 'comparison: a NestJS @Body() field',
      code: nestTs,
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage('body.masterKey', 'mk-7f3a9c2e'), severity: 'error', ...literalAt(nestTs, 'mk-7f3a9c2e') }],
    },
    {
      name: "comparison: req.get('x-api-key') (ESM)",
      code: headerGetEsm,
      filename: 'src/guard.js',
      errors: [{ messageId: 'credentialComparison', message: comparisonMessage("req.get('x-api-key')", 'sk-internal-42'), severity: 'error', ...literalAt(headerGetEsm, 'sk-internal-42') }],
    },
    // 2. Wallets (error)
    {
      name: 'wallet: a mnemonic phrase (TypeScript)',
      code: mnemonicTs,
      errors: [{ messageId: 'walletSecret', message: walletMessage('Wallet mnemonic phrase', '"mnemonic"', MNEMONIC), severity: 'error', ...literalAt(mnemonicTs, MNEMONIC) }],
      output: 'export const mnemonic = process.env.MNEMONIC!;\n',
      outputFiles: { '.env': `MNEMONIC='${MNEMONIC}'\n` },
    },
    {
      name: 'wallet: Wallet.fromPhrase (CommonJS)',
      code: fromPhraseCjs,
      filename: 'src/wallet.js',
      errors: [{ messageId: 'walletSecret', message: walletMessage('Wallet mnemonic phrase', 'fromPhrase()', MNEMONIC), severity: 'error', ...literalAt(fromPhraseCjs, MNEMONIC) }],
      output: "const { ethers } = require('ethers');\nconst wallet = ethers.Wallet.fromPhrase(process.env.MNEMONIC);\nmodule.exports = wallet;\n",
    },
    {
      name: 'wallet: a 0x private key under a deployer name (ESM)',
      code: deployerKeyEsm,
      filename: 'src/deploy.mjs',
      errors: [{ messageId: 'walletSecret', message: walletMessage('Raw private key (64 hex digits)', '"deployerKey"', `0x${HEX64}`), severity: 'error', ...literalAt(deployerKeyEsm, `0x${HEX64}`) }],
      output: 'export const deployerKey = process.env.DEPLOYER_KEY;\n',
    },
    {
      name: "wallet: Hardhat's accounts list",
      code: hardhatTs,
      filename: 'hardhat.config.ts',
      errors: [{ messageId: 'walletSecret', message: walletMessage('Raw private key (64 hex digits)', '"accounts"', `0x${HEX64}`), severity: 'error', ...literalAt(hardhatTs, `0x${HEX64}`) }],
      output: hardhatTs.replace(`'0x${HEX64}'`, 'process.env.PRIVATE_KEY!'),
    },
    {
      name: 'wallet: new Wallet(key) (CommonJS)',
      code: newWalletCjs,
      filename: 'src/signer.cjs',
      errors: [{ messageId: 'walletSecret', message: walletMessage('Raw private key (64 hex digits)', 'Wallet()', HEX64), severity: 'error', ...literalAt(newWalletCjs, HEX64) }],
    },
    // 3. Seeded user records (warning)
    {
      name: 'seed: User.create with a plaintext password (TypeScript)',
      code: userCreateTs,
      errors: [{ messageId: 'seededPassword', message: seededMessage('password', 'User.create()', 'admin123'), severity: 'warning', ...literalAt(userCreateTs, 'admin123') }],
      output: userCreateTs.replace("'admin123'", 'process.env.ADMIN_PASSWORD!'),
      outputFiles: { '.env': 'ADMIN_PASSWORD=admin123\n' },
    },
    {
      name: 'seed: a sequelize-cli seeder with a placeholder password (CommonJS)',
      code: seederCjs,
      filename: 'seeders/20240101-admin.js',
      errors: [{ messageId: 'seededPassword', message: seededMessage('password', 'queryInterface.bulkInsert()', 'changeme'), severity: 'warning', ...literalAt(seederCjs, 'changeme') }],
      output: seederCjs.replace("'changeme'", 'process.env.ROOT_PASSWORD'),
    },
    {
      name: 'seed: an in-memory user list (ESM)',
      code: usersEsm,
      filename: 'src/users.mjs',
      errors: [{ messageId: 'seededPassword', message: seededMessage('password', '"users"', 'wonderland'), severity: 'warning', ...literalAt(usersEsm, 'wonderland') }],
    },
    {
      name: 'seed: new User({…}) with a placeholder password is a default account (CommonJS)',
      code: newUserCjs,
      filename: 'startup.js',
      errors: [{ messageId: 'seededPassword', message: seededMessage('password', 'new User()', 'test'), severity: 'warning', ...literalAt(newUserCjs, 'test', 1) }],
    },
    {
      name: "seed: Prisma's create({ data })",
      code: prismaTs,
      errors: [{ messageId: 'seededPassword', message: seededMessage('password', 'prisma.user.create()', 'toor1234'), severity: 'warning', ...literalAt(prismaTs, 'toor1234') }],
    },
    // 4. Development credentials (warning)
    {
      name: 'url: postgres:postgres@localhost (TypeScript)',
      code: postgresTs,
      errors: [{ messageId: 'devCredentials', message: devUrlMessage('Database URL', 'localhost', 'postgres://postgres:postgres@localhost'), severity: 'warning', ...literalAt(postgresTs, 'postgres://postgres:postgres@localhost:5432/db') }],
      output: 'export const databaseUrl = process.env.DATABASE_URL!;\n',
      outputFiles: { '.env': 'DATABASE_URL=postgres://postgres:postgres@localhost:5432/db\n' },
    },
    {
      name: 'url: root:secret@db, a compose service (CommonJS)',
      code: mysqlCjs,
      filename: 'src/db.js',
      errors: [{ messageId: 'devCredentials', message: devUrlMessage('Database URL', 'db', 'mysql://root:secret@db'), severity: 'warning', ...literalAt(mysqlCjs, 'mysql://root:secret@db/app') }],
    },
    {
      name: 'url: a Redis fallback; the fix keeps the variable the code reads (ESM)',
      code: redisEsm,
      filename: 'src/cache.mjs',
      errors: [{ messageId: 'devCredentials', message: devUrlMessage('Redis URL', 'redis', 'redis://:devpass42@redis'), severity: 'warning', ...literalAt(redisEsm, 'redis://:devpass42@redis:6379') }],
      output: 'export const redisUrl = process.env.REDIS_URL;\n',
      outputFiles: { '.env': 'REDIS_URL=redis://:devpass42@redis:6379\n' },
    },
    // 5. Keys beside an API URL (warning)
    {
      name: 'api object: a hex key beside the URL (TypeScript)',
      code: weatherTs,
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"key" beside the API URL in "url"', HEX32), severity: 'warning', ...literalAt(weatherTs, HEX32) }],
      output: weatherTs.replace(`'${HEX32}'`, 'process.env.OPENWEATHERMAP_API_KEY!'),
    },
    {
      name: 'api object: a token beside the base URL (CommonJS)',
      code: paymentsCjs,
      filename: 'config/payments.js',
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"token" beside the API URL in "baseUrl"', BASE62), severity: 'warning', ...literalAt(paymentsCjs, BASE62) }],
      output: paymentsCjs.replace(`'${BASE62}'`, 'process.env.PAYCORP_TOKEN'),
    },
    {
      name: 'api object: a one-letter key beside an endpoint (ESM)',
      code: mapsEsm,
      filename: 'src/geo.mjs',
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"k" beside the API URL in "endpoint"', HEX32), severity: 'warning', ...literalAt(mapsEsm, HEX32) }],
    },
    // 6. Guessable secrets (warning)
    {
      name: 'guessable: a placeholder in a config object read by jwt.sign (TypeScript)',
      code: configJwtTs,
      errors: [{ messageId: 'guessableSecret', message: guessableMessage('"jwtSecret"', 'jwt.sign() on line 3', 'put_the_secret_here'), severity: 'warning', ...literalAt(configJwtTs, 'put_the_secret_here') }],
      output: null,
    },
    {
      name: "guessable: session({ secret: 'changeme' }) (CommonJS)",
      code: sessionCjs,
      filename: 'src/app.js',
      errors: [{ messageId: 'guessableSecret', message: guessableMessage('"secret"', 'line 3', 'changeme'), severity: 'warning', ...literalAt(sessionCjs, 'changeme') }],
    },
    {
      name: 'guessable: an environment fallback read by jwt.verify (ESM)',
      code: fallbackEsm,
      filename: 'src/auth.mjs',
      errors: [{ messageId: 'guessableSecret', message: guessableMessage('"JWT_SECRET"', 'jwt.verify() on line 3', 'your_secret'), severity: 'warning', ...literalAt(fallbackEsm, 'your_secret') }],
    },
    {
      name: "guessable: Koa's app.keys with a sample value (CommonJS)",
      code: koaKeysCjs,
      filename: 'src/app.js',
      errors: [{ messageId: 'guessableSecret', message: guessableMessage('app.keys', 'line 3', 'koa-sample-app'), severity: 'warning', ...literalAt(koaKeysCjs, 'koa-sample-app') }],
    },
    {
      name: 'guessable: a nested setting read by createHmac',
      code: nestedHmacTs,
      errors: [{ messageId: 'guessableSecret', message: guessableMessage('"secret"', 'createHmac() on line 3', 'secret_here'), severity: 'warning', ...literalAt(nestedHmacTs, 'secret_here') }],
    },
  ],
});

describe('hardcoded-secret shapes: value recognisers', () => {
  it('mnemonics: 12 to 24 words of 3 to 8 lower-case letters, nearly all distinct', () => {
    assert.equal(looksLikeMnemonic(MNEMONIC), true);
    assert.equal(looksLikeMnemonic(`${MNEMONIC} ${MNEMONIC}`), false, '24 words but only 12 distinct');
    assert.equal(looksLikeMnemonic(MNEMONIC.split(' ').slice(0, 11).join(' ')), false, '11 words');
    assert.equal(looksLikeMnemonic(MNEMONIC.replace('orbit', 'Orbit')), false, 'a capital');
    assert.equal(looksLikeMnemonic(MNEMONIC.replace('orbit', 'orbiting-x')), false, 'punctuation');
  });
  it('raw private keys: 64 hex digits, 0x or not, not a dummy', () => {
    assert.equal(looksLikeRawPrivateKey(HEX64), true);
    assert.equal(looksLikeRawPrivateKey(`0x${HEX64}`), true);
    assert.equal(looksLikeRawPrivateKey(HEX64.slice(0, 40)), false, 'an address');
    assert.equal(looksLikeRawPrivateKey(`0x${'ab'.repeat(32)}`), false, 'too few distinct digits');
  });
});
