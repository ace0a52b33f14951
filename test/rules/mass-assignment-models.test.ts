// mass-assignment with the project's models (Prisma schema, Sequelize, Mongoose, TypeORM, Drizzle): the fields named,
// the severity tiers, the keys a rest binding or `fields:` takes out, and the "Assign only allowed fields" fix, whose
// output is type-checked against each ORM's real declarations (test/support/orm-typecheck.ts) after the tester has
// applied it, parsed it and re-analysed it.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { massAssignment } from '../../rules/mass-assignment';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { typeCheckWithOrms } from '../support/orm-typecheck';
import { runRuleTests, type ExpectedFinding, type InvalidCase, type ValidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

function finding(messageId: 'privilegedFields' | 'serverOwnedFields', line: number, column: number, endColumn: number, source: string, sink: string, fields: string): ExpectedFinding {
  const owned = messageId === 'serverOwnedFields' ? ', which the server owns' : '';
  return {
    messageId,
    message: `The request body ${source} is written whole by \`${sink}\`: the request body can set ${fields}${owned}. Copy only the fields a client may set.`,
    line,
    column,
    endLine: line,
    endColumn,
    severity: messageId === 'privilegedFields' ? 'error' : 'warning',
  };
}

/** The schema the declared Prisma client of the type-check harness was generated from. */
const PRISMA_SCHEMA = lines(
  'model User {',
  '  id        Int      @id @default(autoincrement())',
  '  email     String   @unique',
  '  name      String?',
  '  password  String',
  '  role      Role     @default(USER)',
  '  isAdmin   Boolean  @default(false)',
  '  createdAt DateTime @default(now())',
  '  posts     Post[]',
  '}',
  'model Post {',
  '  id       Int     @id @default(autoincrement())',
  '  title    String',
  '  content  String?',
  '  authorId Int',
  '  author   User    @relation(fields: [authorId], references: [id])',
  '}',
  'enum Role {',
  '  USER',
  '  ADMIN',
  '}',
);
const PRISMA_FILES = { 'prisma/schema.prisma': PRISMA_SCHEMA };
const EXPRESS_PRISMA = ["import express from 'express';", "import { PrismaClient } from '@prisma/client';", 'const prisma = new PrismaClient();', 'const app = express();'];

const PRISMA_UPDATE = lines(...EXPRESS_PRISMA, "app.put('/users/:id', async (req, res) => {", '  res.json(await prisma.user.update({ where: { id: Number(req.params.id) }, data: req.body }));', '});');
const PRISMA_UPDATE_FIXED = lines(
  ...EXPRESS_PRISMA,
  "app.put('/users/:id', async (req, res) => {",
  '  res.json(await prisma.user.update({ where: { id: Number(req.params.id) }, data: { email: req.body.email, name: req.body.name, password: req.body.password } }));',
  '});',
);

const SEQUELIZE_MODEL = lines(
  "import { DataTypes, Model, Sequelize, type InferAttributes, type InferCreationAttributes, type CreationOptional } from 'sequelize';",
  "export const sequelize = new Sequelize('sqlite::memory:');",
  'export class User extends Model<InferAttributes<User>, InferCreationAttributes<User>> {',
  '  declare id: CreationOptional<number>;',
  '  declare email: string;',
  '  declare name: string;',
  '  declare passwordHash: string;',
  "  declare role: CreationOptional<'customer' | 'admin'>;",
  '}',
  'User.init(',
  '  {',
  '    id: { type: DataTypes.INTEGER, autoIncrement: true, primaryKey: true },',
  '    email: { type: DataTypes.STRING, allowNull: false },',
  '    name: { type: DataTypes.STRING, allowNull: false },',
  '    passwordHash: { type: DataTypes.STRING, allowNull: false },',
  "    role: { type: DataTypes.STRING, allowNull: false, defaultValue: 'customer' },",
  '  },',
  "  { sequelize, tableName: 'users' },",
  ');',
);
const SEQUELIZE_FILES = { 'src/models/user.ts': SEQUELIZE_MODEL };
const EXPRESS_SEQUELIZE = ["import express from 'express';", "import { User } from './models/user';", 'const app = express();'];

const SEQUELIZE_INSTANCE = lines(
  ...EXPRESS_SEQUELIZE,
  "app.put('/users/:id', async (req, res) => {",
  '  const user = await User.findByPk(Number(req.params.id));',
  '  if (!user) return res.sendStatus(404);',
  '  await user.update(req.body);',
  '  return res.sendStatus(204);',
  '});',
);

const MONGOOSE_APP = lines(
  "import express from 'express';",
  "import mongoose from 'mongoose';",
  "const userSchema = new mongoose.Schema({ name: String, email: String, role: { type: String, default: 'user' }, isAdmin: { type: Boolean, default: false } });",
  "const User = mongoose.model('User', userSchema);",
  'const app = express();',
  "app.post('/users', async (req, res) => {",
  '  const user = new User(req.body);',
  '  await user.save();',
  '  res.sendStatus(201);',
  '});',
);

const TYPEORM_ENTITY = lines(
  "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';",
  '@Entity()',
  'export class User {',
  '  @PrimaryGeneratedColumn() id: number;',
  '  @Column() name: string;',
  '  @Column() email: string;',
  "  @Column({ default: 'user' }) role: string;",
  '  @Column({ default: false }) isAdmin: boolean;',
  '}',
);
const NEST_TYPEORM_CONTROLLER = lines(
  "import { Body, Controller, Param, Put } from '@nestjs/common';",
  "import { InjectRepository } from '@nestjs/typeorm';",
  "import { Repository } from 'typeorm';",
  "import { User } from './user.entity';",
  'class UpdateUserDto {',
  '  name?: string;',
  '  email?: string;',
  '}',
  "@Controller('users')",
  'export class UsersController {',
  '  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}',
  "  @Put(':id')",
  "  async update(@Param('id') id: string, @Body() dto: UpdateUserDto) {",
  '    const user = await this.users.findOneBy({ id: Number(id) });',
  '    if (!user) return null;',
  '    Object.assign(user, dto);',
  '    return this.users.save(user);',
  '  }',
  '}',
);

const DRIZZLE_SCHEMA = lines(
  "import { boolean, pgTable, serial, text } from 'drizzle-orm/pg-core';",
  "export const users = pgTable('users', {",
  "  id: serial('id').primaryKey(),",
  "  name: text('name').notNull(),",
  "  email: text('email').notNull(),",
  "  role: text('role').notNull().default('user'),",
  "  isAdmin: boolean('is_admin').notNull().default(false),",
  '});',
);
const DRIZZLE_DB = lines("import { drizzle } from 'drizzle-orm/node-postgres';", 'export const db = drizzle(process.env.DATABASE_URL!);');
const DRIZZLE_FILES = { 'src/schema.ts': DRIZZLE_SCHEMA, 'src/db.ts': DRIZZLE_DB };
const HONO_DRIZZLE = lines(
  "import { Hono } from 'hono';",
  "import { db } from './db';",
  "import { users } from './schema';",
  'const app = new Hono();',
  "app.post('/users', async (c) => {",
  '  await db.insert(users).values(await c.req.json());',
  '  return c.json({ created: true }, 201);',
  '});',
);
const HONO_DRIZZLE_FIXED = lines(
  "import { Hono } from 'hono';",
  "import { db } from './db';",
  "import { users } from './schema';",
  'const app = new Hono();',
  "app.post('/users', async (c) => {",
  '  const input = await c.req.json();',
  '  await db.insert(users).values({ name: input.name, email: input.email });',
  '  return c.json({ created: true }, 201);',
  '});',
);

const valid: ValidCase[] = [
  {
    name: 'Prisma: a rest binding that took out every privileged field of User',
    files: PRISMA_FILES,
    code: lines(
      ...EXPRESS_PRISMA,
      "app.put('/users/:id', async (req, res) => {",
      '  const { role, isAdmin, password, ...profile } = req.body;',
      '  res.json(await prisma.user.update({ where: { id: Number(req.params.id) }, data: profile }));',
      '});',
    ),
  },
  {
    name: 'Sequelize: fields: [...] lists no privileged attribute',
    files: SEQUELIZE_FILES,
    code: lines(...EXPRESS_SEQUELIZE, "app.put('/users/:id', async (req, res) => {", "  await User.update(req.body, { where: { id: Number(req.params.id) }, fields: ['name', 'email'] });", '  res.sendStatus(204);', '});'),
  },
  {
    name: 'Prisma: a model without a single server-owned field (its key is a setting name)',
    files: { 'prisma/schema.prisma': lines('model Setting {', '  key   String @id', '  value String', '}') },
    code: lines(...EXPRESS_PRISMA, "app.put('/settings', async (req, res) => {", '  res.json(await prisma.setting.create({ data: req.body }));', '});'),
  },
  {
    name: 'Mongoose: new Model(req.body) only read (its toObject() minus _id and role is what gets written)',
    code: MONGOOSE_APP.replace('  await user.save();', "  const { _id, role, ...fields } = user.toObject();\n  await User.updateOne({ email: fields.email }, { name: fields.name });"),
  },
  {
    name: 'Mongoose: an administrators-only route (a role check before the handler) may set role',
    code: MONGOOSE_APP.replace("const app = express();", "const app = express();\nfunction requireAdmin(req: any, res: any, next: any) {\n  if (req.user?.role !== 'admin') return res.sendStatus(403);\n  next();\n}").replace("app.post('/users', async", "app.post('/users', passport.authenticate('jwt', { session: false }), requireAdmin, async").replace("import mongoose from 'mongoose';", "import mongoose from 'mongoose';\nimport passport from 'passport';"),
  },
  {
    name: 'Sequelize: the body as a where filter of findAll',
    files: SEQUELIZE_FILES,
    code: lines(...EXPRESS_SEQUELIZE, "app.post('/users/search', async (req, res) => {", '  res.json(await User.findAll({ where: req.body }));', '});'),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'Prisma: req.body as update data names the privileged fields; the fix copies email, name and password (a client sets its own password)',
    files: PRISMA_FILES,
    code: PRISMA_UPDATE,
    errors: [finding('privilegedFields', 6, 83, 91, '`req.body`', 'prisma.user.update', 'User.role, User.isAdmin')],
    output: PRISMA_UPDATE_FIXED,
  },
  {
    name: 'Prisma: a rest binding that took out role only',
    files: PRISMA_FILES,
    code: lines(
      ...EXPRESS_PRISMA,
      "app.put('/users/:id', async (req, res) => {",
      '  const { role, ...changes } = req.body;',
      '  res.json(await prisma.user.update({ where: { id: Number(req.params.id) }, data: changes }));',
      '});',
    ),
    errors: [finding('privilegedFields', 7, 83, 90, '`req.body` (without role)', 'prisma.user.update', 'User.isAdmin')],
    output: lines(
      ...EXPRESS_PRISMA,
      "app.put('/users/:id', async (req, res) => {",
      '  const { role, ...changes } = req.body;',
      '  res.json(await prisma.user.update({ where: { id: Number(req.params.id) }, data: { email: changes.email, name: changes.name, password: changes.password } }));',
      '});',
    ),
  },
  {
    name: 'Prisma: a model with only an id and timestamps at stake is a warning',
    files: { 'prisma/schema.prisma': lines('model Tag {', '  id   Int    @id @default(autoincrement())', '  name String', '}') },
    code: lines(...EXPRESS_PRISMA, "app.post('/tags', async (req, res) => {", '  res.json(await prisma.tag.create({ data: req.body }));', '});'),
    errors: [finding('serverOwnedFields', 6, 44, 52, '`req.body`', 'prisma.tag.create', 'Tag.id')],
    output: lines(...EXPRESS_PRISMA, "app.post('/tags', async (req, res) => {", '  res.json(await prisma.tag.create({ data: { name: req.body.name } }));', '});'),
  },
  {
    name: 'Sequelize: a loaded instance updated with the body (model imported from another file)',
    files: SEQUELIZE_FILES,
    code: SEQUELIZE_INSTANCE,
    errors: [finding('privilegedFields', 7, 21, 29, '`req.body`', 'user.update', 'User.passwordHash, User.role')],
    output: SEQUELIZE_INSTANCE.replace('await user.update(req.body);', 'await user.update({ email: req.body.email, name: req.body.name });'),
  },
  {
    name: 'Sequelize: fields: [...] that still lists role',
    files: SEQUELIZE_FILES,
    code: lines(...EXPRESS_SEQUELIZE, "app.put('/users/:id', async (req, res) => {", "  await User.update(req.body, { where: { id: Number(req.params.id) }, fields: ['name', 'role'] });", '  res.sendStatus(204);', '});'),
    errors: [finding('privilegedFields', 5, 21, 29, '`req.body`', 'User.update', 'User.role')],
  },
  {
    name: 'Mongoose: new Model(req.body)',
    code: MONGOOSE_APP,
    errors: [finding('privilegedFields', 7, 25, 33, '`req.body`', 'new User', 'User.role, User.isAdmin')],
    output: MONGOOSE_APP.replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email })'),
  },
  {
    name: 'Mongoose: a route that only authenticates (no role check) still lets any user set role',
    code: MONGOOSE_APP.replace("app.post('/users', async", "app.post('/users', passport.authenticate('jwt', { session: false }), async").replace("import mongoose from 'mongoose';", "import mongoose from 'mongoose';\nimport passport from 'passport';"),
    errors: [finding('privilegedFields', 8, 25, 33, '`req.body`', 'new User', 'User.role, User.isAdmin')],
    output: MONGOOSE_APP.replace("app.post('/users', async", "app.post('/users', passport.authenticate('jwt', { session: false }), async").replace("import mongoose from 'mongoose';", "import mongoose from 'mongoose';\nimport passport from 'passport';").replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email })'),
  },
  {
    name: 'Mongoose (JS ESM): the fix in a .mjs file',
    filename: 'src/app.mjs',
    code: MONGOOSE_APP.replace('const app', '/** @type {any} */\nconst app'),
    errors: [finding('privilegedFields', 8, 25, 33, '`req.body`', 'new User', 'User.role, User.isAdmin')],
    output: MONGOOSE_APP.replace('const app', '/** @type {any} */\nconst app').replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email })'),
  },
  {
    name: 'Mongoose: a model whose only server-owned field is its _id is a warning',
    code: lines(
      "import express from 'express';",
      "import mongoose from 'mongoose';",
      'const noteSchema = new mongoose.Schema({ title: String, body: String });',
      "const Note = mongoose.model('Note', noteSchema);",
      'const app = express();',
      "app.post('/notes', async (req, res) => {",
      '  res.json(await Note.create(req.body));',
      '});',
    ),
    errors: [finding('serverOwnedFields', 7, 30, 38, '`req.body`', 'Note.create', 'Note._id')],
  },
  {
    name: 'NestJS + TypeORM: Object.assign of the @Body() DTO into a loaded entity that is saved',
    filename: 'src/users.controller.ts',
    files: { 'src/user.entity.ts': TYPEORM_ENTITY },
    code: NEST_TYPEORM_CONTROLLER,
    errors: [finding('privilegedFields', 16, 25, 28, '`@Body() dto`', 'Object.assign', 'User.role, User.isAdmin')],
    output: NEST_TYPEORM_CONTROLLER.replace('Object.assign(user, dto);', 'Object.assign(user, { name: dto.name, email: dto.email });'),
  },
  {
    name: 'Hono + Drizzle: the fix binds await c.req.json() once',
    files: DRIZZLE_FILES,
    code: HONO_DRIZZLE,
    errors: [finding('privilegedFields', 6, 33, 51, '`c.req.json()`', 'db.insert(users).values', 'users.role, users.isAdmin')],
    output: HONO_DRIZZLE_FIXED,
  },
  {
    name: 'TypeORM: an entity manager write (manager.save(User, body)) in a transaction',
    filename: 'src/users.ts',
    files: { 'src/user.entity.ts': TYPEORM_ENTITY },
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "const dataSource = new DataSource({ type: 'postgres' });",
      'const app = express();',
      "app.post('/users', async (req, res) => {",
      '  await dataSource.transaction(async (manager) => {',
      '    await manager.save(User, req.body);',
      '  });',
      '  res.sendStatus(201);',
      '});',
    ),
    errors: [finding('privilegedFields', 8, 30, 38, '`req.body`', 'manager.save', 'User.role, User.isAdmin')],
  },
  {
    name: 'MikroORM: em.create(User, body)',
    filename: 'src/users.ts',
    files: {
      'src/user.entity.ts': lines(
        "import { Entity, PrimaryKey, Property } from '@mikro-orm/core';",
        '@Entity()',
        'export class User {',
        '  @PrimaryKey() id!: number;',
        '  @Property() name!: string;',
        "  @Property() role: string = 'user';",
        '}',
      ),
    },
    code: lines(
      "import Fastify from 'fastify';",
      "import { EntityManager } from '@mikro-orm/core';",
      "import { User } from './user.entity';",
      'export function routes(app: ReturnType<typeof Fastify>, em: EntityManager) {',
      "  app.post('/users', async (request) => {",
      '    const user = em.create(User, request.body as any);',
      '    await em.persistAndFlush(user);',
      '    return { id: user.id };',
      '  });',
      '}',
    ),
    errors: [finding('privilegedFields', 6, 34, 53, '`request.body`', 'em.create', 'User.role')],
  },
  {
    name: 'Koa + Mongoose: doc.set(body) then save()',
    code: lines(
      "import Koa from 'koa';",
      "import mongoose from 'mongoose';",
      "const accountSchema = new mongoose.Schema({ name: String, balance: Number, owner: { type: mongoose.Schema.Types.ObjectId, ref: 'User' } });",
      "const Account = mongoose.model('Account', accountSchema);",
      'const app = new Koa();',
      'app.use(async (ctx: any) => {',
      '  const account = await Account.findById(ctx.params.id);',
      '  if (!account) return;',
      '  account.set(ctx.request.body);',
      '  await account.save();',
      '  ctx.status = 204;',
      '});',
    ),
    errors: [finding('privilegedFields', 9, 15, 31, '`ctx.request.body`', 'account.set', 'Account.balance, Account.owner')],
  },
  {
    name: 'Sequelize (CommonJS JS, define): bulkCreate and lodash merge of a loaded record that is saved',
    filename: 'src/app.js',
    code: lines(
      "const express = require('express');",
      "const _ = require('lodash');",
      "const { Sequelize, DataTypes } = require('sequelize');",
      "const sequelize = new Sequelize('sqlite::memory:');",
      "const Wallet = sequelize.define('Wallet', { label: DataTypes.STRING, credits: DataTypes.INTEGER });",
      'const app = express();',
      "app.post('/wallets', async (req, res) => {",
      '  await Wallet.bulkCreate(req.body.items);',
      '  await Wallet.bulkCreate(req.body);',
      '  const wallet = await Wallet.findByPk(req.params.id);',
      '  _.merge(wallet, req.body);',
      '  await wallet.save();',
      '  res.sendStatus(201);',
      '});',
    ),
    errors: [
      {
        ...finding('privilegedFields', 9, 27, 35, '`req.body`', 'Wallet.bulkCreate', 'Wallet.credits'),
        message: 'The request body `req.body` is written whole by `Wallet.bulkCreate`: the request body can set Wallet.credits. Copy only the fields a client may set. No automatic fix: `bulkCreate` writes a list of records: map each one to the fields a client may set.',
      },
      finding('privilegedFields', 11, 19, 27, '`req.body`', '_.merge', 'Wallet.credits'),
    ],
    output: null,
  },
];

runRuleTests(massAssignment, { valid, invalid });

describe('mass-assignment fixes type-check against the ORMs', () => {
  const check = (files: Record<string, string>) => assert.deepEqual(typeCheckWithOrms(files), []);
  it('Prisma update data', () => check({ 'src/app.ts': PRISMA_UPDATE_FIXED }));
  it('Sequelize instance update', () => check({ 'src/models/user.ts': SEQUELIZE_MODEL, 'src/app.ts': SEQUELIZE_INSTANCE.replace('await user.update(req.body);', 'await user.update({ email: req.body.email, name: req.body.name });') }));
  it('Mongoose new Model', () => check({ 'src/app.ts': MONGOOSE_APP.replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email })') }));
  it('TypeORM Object.assign of a DTO', () => check({ 'src/user.entity.ts': TYPEORM_ENTITY, 'src/users.controller.ts': NEST_TYPEORM_CONTROLLER.replace('Object.assign(user, dto);', 'Object.assign(user, { name: dto.name, email: dto.email });') }));
  it('Drizzle insert values', () => check({ ...DRIZZLE_FILES, 'src/app.ts': HONO_DRIZZLE_FIXED }));
  it('the unfixed code compiles too (the fixes change what is written, not whether it compiles)', () => check({ 'src/app.ts': PRISMA_UPDATE }));
});

describe('mass-assignment hasFindingsIn', () => {
  it('asks for files that touch data, hand a body on or declare routes, and no others', () => {
    const index = new WorkspaceIndex({});
    const root = path.resolve('/project');
    index.indexFile(path.join(root, 'prisma/schema.prisma'), PRISMA_SCHEMA);
    index.indexText(path.join(root, 'src/users.ts'), PRISMA_UPDATE);
    index.indexText(path.join(root, 'src/health.ts'), lines("import express from 'express';", 'export const app = express();', "app.get('/health', (_req, res) => res.send('ok'));"));
    index.indexText(path.join(root, 'src/format.ts'), lines('export function title(text: string) {', '  return text.trim();', '}'));
    index.indexText(path.join(root, 'src/users.controller.js'), lines("const userService = require('./user.service');", 'exports.createUser = async (req, res) => {', '  res.status(201).send(await userService.createUser(req.body));', '};'));
    index.markComplete();
    const model = index.model();
    assert.equal(massAssignment.hasFindingsIn!(model, path.join(root, 'src/users.ts')), true);
    assert.equal(massAssignment.hasFindingsIn!(model, path.join(root, 'src/health.ts')), true, 'declares a route');
    assert.equal(massAssignment.hasFindingsIn!(model, path.join(root, 'src/format.ts')), false);
    assert.equal(massAssignment.hasFindingsIn!(model, path.join(root, 'src/users.controller.js')), true, 'hands req.body to a service');
  });
});
