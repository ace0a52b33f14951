// full-record-response in JavaScript (CommonJS and ESM), where the fields come from the workspace's data models:
// Mongoose schemas (select: false, toJSON transforms, refs for populate), Sequelize models (define, defaultScope,
// associations for include). Fixes are applied and re-analysed by the tester.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { fullRecordResponse } from '../../rules/full-record-response';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const MONGOOSE_MODELS = {
  'models/user.js': lines(
    "const mongoose = require('mongoose');",
    "const userSchema = new mongoose.Schema({",
    "  email: { type: String, required: true },",
    "  name: String,",
    "  password: String,",
    "  apiKey: String,",
    "  passwordChangedAt: Date,",
    "});",
    "module.exports = mongoose.model('User', userSchema);"),
  'models/post.js': lines(
    "const mongoose = require('mongoose');",
    "const postSchema = new mongoose.Schema({",
    "  title: String,",
    "  author: { type: mongoose.Schema.Types.ObjectId, ref: 'User' },",
    "});",
    "module.exports = mongoose.model('Post', postSchema);"),
  'models/account.js': lines(
    "const mongoose = require('mongoose');",
    "const accountSchema = new mongoose.Schema({",
    "  email: String,",
    "  password: { type: String, select: false },",
    "});",
    "module.exports = mongoose.model('Account', accountSchema);"),
  'models/member.js': lines(
    "const mongoose = require('mongoose');",
    "const memberSchema = new mongoose.Schema({ email: String, password: String });",
    "memberSchema.set('toJSON', {",
    "  transform(doc, ret) {",
    "    delete ret.password;",
    "    return ret;",
    "  },",
    "});",
    "module.exports = mongoose.model('Member', memberSchema);"),
};

const EXPRESS_CJS = [
  "const express = require('express');",
  "const User = require('../models/user');",
  "const Post = require('../models/post');",
  "const Account = require('../models/account');",
  "const Member = require('../models/member');",
  "const router = express.Router();",
];

const SEQUELIZE_MODELS = {
  'src/models.mjs': lines(
    "import { Sequelize, DataTypes } from 'sequelize';",
    "export const sequelize = new Sequelize('sqlite::memory:');",
    "export const User = sequelize.define('User', { email: DataTypes.STRING, passwordHash: DataTypes.STRING });",
    "export const Post = sequelize.define('Post', { title: DataTypes.STRING });",
    "export const Staff = sequelize.define('Staff', { email: DataTypes.STRING, passwordHash: DataTypes.STRING }, { defaultScope: { attributes: { exclude: ['passwordHash'] } } });",
    "Post.belongsTo(User, { as: 'author' });"),
};

const EXPRESS_ESM = [
  "import express from 'express';",
  "import { User, Post, Staff } from './models.mjs';",
  "const app = express();",
];

const cjs = (testCase: Omit<InvalidCase, 'files' | 'filename'>): InvalidCase => ({ ...testCase, filename: 'routes/users.js', files: MONGOOSE_MODELS });
const cjsValid = (testCase: Omit<ValidCase, 'files' | 'filename'>): ValidCase => ({ ...testCase, filename: 'routes/users.js', files: MONGOOSE_MODELS });
const esm = (testCase: Omit<InvalidCase, 'files' | 'filename'>): InvalidCase => ({ ...testCase, filename: 'src/app.mjs', files: SEQUELIZE_MODELS });
const esmValid = (testCase: Omit<ValidCase, 'files' | 'filename'>): ValidCase => ({ ...testCase, filename: 'src/app.mjs', files: SEQUELIZE_MODELS });

const invalid: InvalidCase[] = [
  cjs({
    name: 'CommonJS + Mongoose: findById sent whole; fix selects the secrets away',
    code: lines(...EXPRESS_CJS,
      "router.get('/users/:id', async (req, res) => {",
      "  const user = await User.findById(req.params.id);",
      "  res.json(user);",
      "});",
      "module.exports = router;"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password, User.apiKey: the User read by User.findById(…) is sent whole through res.json. Select only the fields the client needs.', line: 9, column: 12, endLine: 9, endColumn: 16, severity: 'error' }],
    output: lines(...EXPRESS_CJS,
      "router.get('/users/:id', async (req, res) => {",
      "  const user = await User.findById(req.params.id).select('-password -apiKey');",
      "  res.json(user);",
      "});",
      "module.exports = router;"),
  }),
  cjs({
    name: "CommonJS + Mongoose: the allow-list mapping fix",
    code: lines(...EXPRESS_CJS,
      "router.get('/users/:id', async (req, res) => {",
      "  const user = await User.findById(req.params.id);",
      "  res.json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', line: 9, column: 12, endLine: 9, endColumn: 16 }],
    fixTitle: 'Send only _id, email, name, passwordChangedAt',
    output: lines(...EXPRESS_CJS,
      "router.get('/users/:id', async (req, res) => {",
      "  const user = await User.findById(req.params.id);",
      "  res.json(user && { _id: user._id, email: user.email, name: user.name, passwordChangedAt: user.passwordChangedAt });",
      "});"),
  }),
  cjs({
    name: "Mongoose: populate pulls the author's secrets into posts that have none; fix selects inside the populate",
    code: lines(...EXPRESS_CJS,
      "router.get('/posts', (req, res) => {",
      "  Post.find().populate('author').exec().then((posts) => res.json(posts));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.password, User.apiKey via Post.populate[author]: the Post read by Post.find(…) is sent whole through res.json. Select only the fields the client needs.', line: 8, column: 66, endLine: 8, endColumn: 71 }],
    output: lines(...EXPRESS_CJS,
      "router.get('/posts', (req, res) => {",
      "  Post.find().populate('author', '-password -apiKey').exec().then((posts) => res.json(posts));",
      "});"),
  }),
  cjs({
    name: "Mongoose: .select('+password') asks for the field the schema hides",
    code: lines(...EXPRESS_CJS,
      "router.get('/accounts/:id', async (req, res) => {",
      "  res.send(await Account.findById(req.params.id).select('+password'));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Account.password: the Account read by Account.findById(…) is sent whole through res.send. Select only the fields the client needs.', line: 8, column: 12, endLine: 8, endColumn: 69 }],
  }),
  cjs({
    name: 'Mongoose: select: false does not hide the field of the document just created',
    code: lines(...EXPRESS_CJS,
      "router.post('/accounts', async (req, res) => {",
      "  const account = await Account.create({ email: req.body.email, password: req.body.password });",
      "  res.status(201).json({ account });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Account.password: the Account written by Account.create(…) is sent whole through res.json. Select only the fields the client needs.', line: 9, column: 24, endLine: 9, endColumn: 35 }],
    output: null,
  }),
  esm({
    name: 'ESM + Sequelize define: findAll; fix adds attributes.exclude',
    code: lines(...EXPRESS_ESM,
      "app.get('/users', async (req, res) => {",
      "  res.json(await User.findAll());",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash: the User read by User.findAll(…) is sent whole through res.json. Select only the fields the client needs.', line: 5, column: 12, endLine: 5, endColumn: 32 }],
    output: lines(...EXPRESS_ESM,
      "app.get('/users', async (req, res) => {",
      "  res.json(await User.findAll({ attributes: { exclude: ['passwordHash'] } }));",
      "});"),
  }),
  esm({
    name: "ESM + Sequelize: include of an association pulls in the author's hash; fix adds the association's attributes",
    code: lines(...EXPRESS_ESM,
      "app.get('/posts', async (req, res) => {",
      "  res.json(await Post.findAll({ include: [{ model: User, as: 'author' }] }));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash via Post.include[author]: the Post read by Post.findAll(…) is sent whole through res.json. Select only the fields the client needs.', line: 5, column: 12, endLine: 5, endColumn: 76 }],
    output: lines(...EXPRESS_ESM,
      "app.get('/posts', async (req, res) => {",
      "  res.json(await Post.findAll({ include: [{ model: User, as: 'author', attributes: { exclude: ['passwordHash'] } }] }));",
      "});"),
  }),
];

const valid: ValidCase[] = [
  cjsValid({
    name: 'Mongoose: projections, select: false, toJSON transforms, field-by-field responses',
    code: lines(...EXPRESS_CJS,
      "const toPublic = (user) => ({ id: user.id, email: user.email });",
      "router.get('/a', async (req, res) => {",
      "  const a = await User.findById(req.params.id).select('-password -apiKey');",
      "  const b = await User.findOne({ email: req.query.email }, 'email name');",
      "  const c = await Account.findById(req.params.id);",
      "  const d = await Member.findById(req.params.id);",
      "  const e = await Member.create({ email: req.body.email, password: req.body.password });",
      "  const users = await User.find();",
      "  res.json({ a, b, c, d, e, users: users.map(toPublic), first: { id: users[0].id } });",
      "});"),
  }),
  cjsValid({
    name: 'Mongoose: the secrets deleted or blanked before sending',
    code: lines(...EXPRESS_CJS,
      "router.get('/a', async (req, res) => {",
      "  const user = await User.findById(req.params.id).lean();",
      "  delete user.password;",
      "  user.apiKey = undefined;",
      "  res.json(user);",
      "});"),
  }),
  esmValid({
    name: 'Sequelize: defaultScope excludes, attributes, association attributes',
    code: lines(...EXPRESS_ESM,
      "app.get('/a', async (req, res) => {",
      "  const staff = await Staff.findAll();",
      "  const users = await User.findAll({ attributes: ['id', 'email'] });",
      "  const posts = await Post.findAll({ include: [{ model: User, as: 'author', attributes: ['email'] }] });",
      "  res.json({ staff, users, posts });",
      "});"),
  }),
];

runRuleTests(fullRecordResponse, { valid, invalid });

describe('full-record-response hasFindingsIn (the CLI second pass)', () => {
  it('wants files that read or write records and route files, not the rest', () => {
    const index = new WorkspaceIndex();
    const files: Record<string, string> = {
      '/p/models/user.js': MONGOOSE_MODELS['models/user.js'],
      '/p/routes/users.js': lines("const express = require('express');", "const router = express.Router();", "router.get('/me', (req, res) => res.json(req.user));", "module.exports = router;"),
      '/p/services/users.js': lines("const User = require('../models/user');", "exports.find = (id) => User.findById(id);"),
      '/p/util/format.js': lines("exports.format = (n) => n.toFixed(2);"),
    };
    for (const [file, text] of Object.entries(files)) index.indexText(file, text);
    index.markComplete();
    const model = index.model();
    const wanted = Object.keys(files).filter((file) => fullRecordResponse.hasFindingsIn!(model, file));
    assert.deepEqual(wanted, ['/p/routes/users.js', '/p/services/users.js']);
  });
});

const PRISMA_SCHEMA = {
  'prisma/schema.prisma': lines(
    'generator client {',
    '  provider = "prisma-client-js"',
    '}',
    'model User {',
    '  id           Int     @id @default(autoincrement())',
    '  email        String  @unique',
    '  passwordHash String',
    '  totpSecret   String?',
    '  posts        Post[]',
    '}',
    'model Post {',
    '  id       Int    @id @default(autoincrement())',
    '  title    String',
    '  author   User   @relation(fields: [authorId], references: [id])',
    '  authorId Int',
    '}'),
};

const PRISMA_CJS = [
  "const express = require('express');",
  "const { PrismaClient } = require('@prisma/client');",
  "const prisma = new PrismaClient();",
  "const app = express();",
];

runRuleTests(fullRecordResponse, {
  valid: [
    {
      name: 'CommonJS + Prisma schema: select, omit, include with omit',
      filename: 'src/app.js',
      files: PRISMA_SCHEMA,
      code: lines(...PRISMA_CJS,
        "app.get('/a', async (req, res) => {",
        "  const a = await prisma.user.findUnique({ where: { id: 1 }, select: { id: true, email: true } });",
        "  const b = await prisma.user.findMany({ omit: { passwordHash: true, totpSecret: true } });",
        "  const c = await prisma.post.findMany({ include: { author: { omit: { passwordHash: true, totpSecret: true } } } });",
        "  res.json({ a, b, c });",
        "});"),
    },
    {
      name: "Prisma: the client's global omit hides the fields from every query",
      filename: 'src/app.js',
      files: PRISMA_SCHEMA,
      code: lines(
        "const express = require('express');",
        "const { PrismaClient } = require('@prisma/client');",
        "const prisma = new PrismaClient({ omit: { user: { passwordHash: true, totpSecret: true } } });",
        "const app = express();",
        "app.get('/users', async (req, res) => {",
        "  res.json(await prisma.user.findMany());",
        "});"),
    },
  ],
  invalid: [
    {
      name: 'CommonJS + Prisma schema: the record and an included author; fix omits both',
      filename: 'src/app.js',
      files: PRISMA_SCHEMA,
      code: lines(...PRISMA_CJS,
        "app.get('/users/:id', async (req, res) => {",
        "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) }, include: { posts: true } });",
        "  res.json(user);",
        "});",
        "app.get('/posts', async (req, res) => {",
        "  res.json(await prisma.post.findMany({ include: { author: true } }));",
        "});"),
      errors: [
        { messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.totpSecret: the User read by prisma.user.findUnique(…) is sent whole through res.json. Select only the fields the client needs.', line: 7, column: 12, endLine: 7, endColumn: 16 },
        { messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.totpSecret via Post.include[author]: the Post read by prisma.post.findMany(…) is sent whole through res.json. Select only the fields the client needs.', line: 10, column: 12, endLine: 10, endColumn: 69 },
      ],
      output: lines(...PRISMA_CJS,
        "app.get('/users/:id', async (req, res) => {",
        "  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) }, include: { posts: true }, omit: { passwordHash: true, totpSecret: true } });",
        "  res.json(user);",
        "});",
        "app.get('/posts', async (req, res) => {",
        "  res.json(await prisma.post.findMany({ include: { author: true } }));",
        "});"),
    },
  ],
});

const TABLE_MODELS = {
  'src/models.js': lines(
    "const { Sequelize, DataTypes } = require('sequelize');",
    "const sequelize = new Sequelize('sqlite::memory:');",
    "exports.User = sequelize.define('User', { email: DataTypes.STRING, passwordHash: DataTypes.STRING }, { tableName: 'users' });"),
};

runRuleTests(fullRecordResponse, {
  valid: [
    {
      name: 'raw SQL: named columns, SELECT * of a table without secrets, a count',
      filename: 'src/app.js',
      files: TABLE_MODELS,
      code: lines(
        "const { Pool } = require('pg');",
        "const pool = new Pool();",
        "exports.list = async (req, res) => {",
        "  const { rows } = await pool.query('SELECT id, email FROM users');",
        "  const audit = await pool.query('SELECT * FROM audit_log');",
        "  const count = await pool.query('SELECT count(*) FROM users');",
        "  res.json({ rows, audit: audit.rows, count: count.rows[0] });",
        "};"),
    },
  ],
  invalid: [
    {
      name: 'raw SQL: SELECT * rows of a modelled table (pg result.rows, mysql2 [rows])',
      filename: 'src/app.js',
      files: TABLE_MODELS,
      code: lines(
        "const { Pool } = require('pg');",
        "const pool = new Pool();",
        "exports.show = async (req, res) => {",
        "  const result = await pool.query('SELECT * FROM users WHERE id = $1', [req.params.id]);",
        "  res.json(result.rows[0]);",
        "};",
        "exports.list = async (req, res, db) => {",
        "  const [rows] = await db.execute('SELECT * FROM users');",
        "  res.json(rows);",
        "};"),
      errors: [
        { messageId: 'fullRecord', message: 'The response returns User.passwordHash: the User read by pool.query(…) is sent whole through res.json. Select only the fields the client needs.', line: 5, column: 12, endLine: 5, endColumn: 26 },
        { messageId: 'fullRecord', message: 'The response returns User.passwordHash: the User read by db.execute(…) is sent whole through res.json. Select only the fields the client needs.', line: 9, column: 12, endLine: 9, endColumn: 16 },
      ],
      output: null,
    },
  ],
});
