// full-record-response with each ORM's real declarations (typeorm, sequelize, mongoose from node_modules) and
// NestJS: the checker tells the fields of entity classes, class models and inferred schemas, and of a service's
// `Promise<User>` in another file. Fixes are applied, re-analysed, and type-checked with the ORM harness.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { fullRecordResponse } from '../../rules/full-record-response';
import { runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';
import { ORM_TEST_DECLARATIONS } from '../support/orm-declarations';
import { typeCheckWithOrms } from '../support/orm-typecheck';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const NODE_MODULES = path.resolve(__dirname, '../../node_modules');
/** The fixture's checker resolves the ORMs to this repository's installed declarations. */
const PROJECT: Record<string, string> = {
  'tsconfig.json': JSON.stringify({
    compilerOptions: {
      strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', experimentalDecorators: true, strictPropertyInitialization: false, baseUrl: '.',
      paths: Object.fromEntries(['typeorm', 'sequelize', 'mongoose', 'knex'].map((name) => [name, [`${NODE_MODULES}/${name}`]])),
    },
    include: ['src'],
  }),
  'src/orm-declarations.d.ts': ORM_TEST_DECLARATIONS,
};

const USER_ENTITY = lines(
  "import { Entity, Column, PrimaryGeneratedColumn, OneToMany } from 'typeorm';",
  "import { Post } from './post.entity';",
  "@Entity()",
  "export class User {",
  "  @PrimaryGeneratedColumn() id: number;",
  "  @Column() email: string;",
  "  @Column() passwordHash: string;",
  "  @Column({ type: 'varchar', nullable: true }) resetToken: string | null;",
  "  @Column({ type: 'timestamp', nullable: true }) passwordChangedAt: Date | null;",
  "  @OneToMany(() => Post, (post) => post.author) posts: Post[];",
  "}");
const POST_ENTITY = lines(
  "import { Entity, Column, PrimaryGeneratedColumn, ManyToOne } from 'typeorm';",
  "import { User } from './user.entity';",
  "@Entity()",
  "export class Post {",
  "  @PrimaryGeneratedColumn() id: number;",
  "  @Column() title: string;",
  "  @ManyToOne(() => User, (user) => user.posts) author: User;",
  "}");
/** The same user with its secrets hidden by the model: `select: false` and class-transformer's `@Exclude()`. */
const HIDDEN_USER_ENTITY = lines(
  "import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';",
  "import { Exclude } from 'class-transformer';",
  "@Entity()",
  "export class User {",
  "  @PrimaryGeneratedColumn() id: number;",
  "  @Column() email: string;",
  "  @Column({ select: false }) passwordHash: string;",
  "  @Exclude() @Column({ type: 'varchar', nullable: true }) resetToken: string | null;",
  "}");
const USERS_SERVICE = lines(
  "import { Injectable } from '@nestjs/common';",
  "import { InjectRepository } from '@nestjs/typeorm';",
  "import { Repository } from 'typeorm';",
  "import { User } from './user.entity';",
  "@Injectable()",
  "export class UsersService {",
  "  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}",
  "  findOne(id: number): Promise<User | null> {",
  "    return this.users.findOneBy({ id });",
  "  }",
  "}");
const TYPEORM_FILES = { 'src/users/user.entity.ts': USER_ENTITY, 'src/users/post.entity.ts': POST_ENTITY };

const MODELS = lines(
  "import mongoose, { Schema } from 'mongoose';",
  "import { Model, InferAttributes, InferCreationAttributes, CreationOptional } from 'sequelize';",
  "const accountSchema = new Schema({ email: { type: String, required: true }, password: { type: String, required: true }, totpSecret: String });",
  "export const Account = mongoose.model('Account', accountSchema);",
  "export class Member extends Model<InferAttributes<Member>, InferCreationAttributes<Member>> {",
  "  declare id: CreationOptional<number>;",
  "  declare email: string;",
  "  declare password: string;",
  "}");

const EXPRESS_HEADER = [
  "import express from 'express';",
  "import { Account, Member } from './models';",
  "const app = express();",
];

function project(testCase: InvalidCase): InvalidCase;
function project(testCase: ValidCase): ValidCase;
function project(testCase: ValidCase | InvalidCase): ValidCase | InvalidCase {
  return { ...testCase, files: { ...PROJECT, ...testCase.files } };
}

const invalid: InvalidCase[] = [
  project({
    name: 'Mongoose: findById sent whole; fix appends .select(-…) to the query',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/accounts/:id', async (req, res) => {",
      "  const account = await Account.findById(req.params.id);",
      "  res.json(account);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Account.password, Account.totpSecret: the Account read by Account.findById(…) is sent whole through res.json. Select only the fields the client needs.', line: 6, column: 12, endLine: 6, endColumn: 19, severity: 'error' }],
    output: lines(...EXPRESS_HEADER,
      "app.get('/accounts/:id', async (req, res) => {",
      "  const account = await Account.findById(req.params.id).select('-password -totpSecret');",
      "  res.json(account);",
      "});"),
  }),
  project({
    name: 'Mongoose: .lean() still returns every field',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/accounts', async (req, res) => {",
      "  res.json({ accounts: await Account.find({ email: /@example.com$/ }).sort({ email: 1 }).lean() });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Account.password, Account.totpSecret: the Account read by Account.find(…) is sent whole through res.json. Select only the fields the client needs.', line: 5, column: 12, endLine: 5, endColumn: 98 }],
    output: lines(...EXPRESS_HEADER,
      "app.get('/accounts', async (req, res) => {",
      "  res.json({ accounts: await Account.find({ email: /@example.com$/ }).select('-password -totpSecret').sort({ email: 1 }).lean() });",
      "});"),
  }),
  project({
    name: 'Mongoose: findOneAndUpdate returns the record',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.patch('/accounts/:id', async (req, res) => {",
      "  const updated = await Account.findOneAndUpdate({ _id: req.params.id }, { email: String(req.body.email) }, { new: true });",
      "  res.send(updated);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Account.password, Account.totpSecret: the Account read by Account.findOneAndUpdate(…) is sent whole through res.send. Select only the fields the client needs.', line: 6, column: 12, endLine: 6, endColumn: 19 }],
    output: lines(...EXPRESS_HEADER,
      "app.patch('/accounts/:id', async (req, res) => {",
      "  const updated = await Account.findOneAndUpdate({ _id: req.params.id }, { email: String(req.body.email) }, { new: true }).select('-password -totpSecret');",
      "  res.send(updated);",
      "});"),
  }),
  project({
    name: 'Sequelize: findByPk; fix adds the options argument with attributes.exclude',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/members/:id', async (req, res) => {",
      "  res.json(await Member.findByPk(Number(req.params.id)));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Member.password: the Member read by Member.findByPk(…) is sent whole through res.json. Select only the fields the client needs.', line: 5, column: 12, endLine: 5, endColumn: 56 }],
    output: lines(...EXPRESS_HEADER,
      "app.get('/members/:id', async (req, res) => {",
      "  res.json(await Member.findByPk(Number(req.params.id), { attributes: { exclude: ['password'] } }));",
      "});"),
  }),
  project({
    name: 'Sequelize: findAndCountAll rows in a wrapper; fix adds attributes to the options',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/members', async (req, res) => {",
      "  const { rows, count } = await Member.findAndCountAll({ where: { email: String(req.query.email) }, limit: 20 });",
      "  res.json({ items: rows, count });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns Member.password: the Member read by Member.findAndCountAll(…) is sent whole through res.json. Select only the fields the client needs.', line: 6, column: 12, endLine: 6, endColumn: 34 }],
    output: lines(...EXPRESS_HEADER,
      "app.get('/members', async (req, res) => {",
      "  const { rows, count } = await Member.findAndCountAll({ where: { email: String(req.query.email) }, limit: 20, attributes: { exclude: ['password'] } });",
      "  res.json({ items: rows, count });",
      "});"),
  }),
  project({
    name: 'TypeORM: repository find; fix selects the fields the client may see',
    files: TYPEORM_FILES,
    filename: 'src/users/routes.ts',
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  const users = await dataSource.getRepository(User).find({ where: { email: String(req.query.email) } });",
      "  res.json(users);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.resetToken: the User read by dataSource.getRepository(User).find(…) is sent whole through res.json. Select only the fields the client needs.', line: 8, column: 12, endLine: 8, endColumn: 17 }],
    output: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  const users = await dataSource.getRepository(User).find({ where: { email: String(req.query.email) }, select: { id: true, email: true, passwordChangedAt: true } });",
      "  res.json(users);",
      "});"),
  }),
  project({
    name: 'TypeORM: findOneBy; the allow-list mapping is the fix (null-safe)',
    files: TYPEORM_FILES,
    filename: 'src/users/routes.ts',
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "const users = dataSource.getRepository(User);",
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await users.findOneBy({ id: Number(req.params.id) });",
      "  res.json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.resetToken: the User read by users.findOneBy(…) is sent whole through res.json. Select only the fields the client needs.', line: 9, column: 12, endLine: 9, endColumn: 16 }],
    output: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "const users = dataSource.getRepository(User);",
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await users.findOneBy({ id: Number(req.params.id) });",
      "  res.json(user && { id: user.id, email: user.email, passwordChangedAt: user.passwordChangedAt });",
      "});"),
  }),
  project({
    name: 'TypeORM: relations pull in the author with its hash; no projection fix for relations',
    files: TYPEORM_FILES,
    filename: 'src/users/routes.ts',
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { Post } from './post.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "app.get('/posts', async (req, res) => {",
      "  res.json(await dataSource.getRepository(Post).find({ relations: ['author'] }));",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.resetToken via Post.relations[author]: the Post read by dataSource.getRepository(Post).find(…) is sent whole through res.json. Select only the fields the client needs.', line: 7, column: 12, endLine: 7, endColumn: 80 }],
    output: null,
  }),
  project({
    name: 'TypeORM: a query builder held in a variable joins the author in a statement',
    files: TYPEORM_FILES,
    filename: 'src/users/routes.ts',
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { Post } from './post.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "app.get('/posts', async (req, res) => {",
      "  const qb = dataSource.getRepository(Post).createQueryBuilder('post');",
      "  qb.leftJoinAndSelect('post.author', 'author');",
      "  if (req.query.title) qb.andWhere('post.title = :title', { title: String(req.query.title) });",
      "  const posts = await qb.getMany();",
      "  res.json({ posts });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: 'The response returns User.passwordHash, User.resetToken via Post.relations[author]: the Post read by qb.getMany(…) is sent whole through res.json. Select only the fields the client needs.', line: 11, column: 12, endLine: 11, endColumn: 21 }],
    output: null,
  }),
  project({
    name: "NestJS: a controller returns a service's Promise<User> (the checker reads the entity in another file)",
    files: { ...TYPEORM_FILES, 'src/users/users.service.ts': USERS_SERVICE },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  findOne(@Param('id') id: string) {",
      "    return this.usersService.findOne(Number(id));",
      "  }",
      "}"),
    errors: [{ messageId: 'fullRecord', message: "The response returns User.passwordHash, User.resetToken: the User returned by this.usersService.findOne(…) is sent whole through the controller's return value. Select only the fields the client needs.", line: 8, column: 12, endLine: 8, endColumn: 49 }],
    output: null,
  }),
  project({
    name: 'NestJS: the awaited record returned from a local; fix maps it to an allow-listed object',
    files: { ...TYPEORM_FILES, 'src/users/users.service.ts': USERS_SERVICE },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  async findOne(@Param('id') id: string) {",
      "    const user = await this.usersService.findOne(Number(id));",
      "    return user;",
      "  }",
      "}"),
    errors: [{ messageId: 'fullRecord', line: 9, column: 12, endLine: 9, endColumn: 16 }],
    output: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  async findOne(@Param('id') id: string) {",
      "    const user = await this.usersService.findOne(Number(id));",
      "    return user && { id: user.id, email: user.email, passwordChangedAt: user.passwordChangedAt };",
      "  }",
      "}"),
  }),
  project({
    name: 'NestJS: @Exclude() without a ClassSerializerInterceptor hides nothing (select: false still does)',
    files: { 'src/users/user.entity.ts': HIDDEN_USER_ENTITY, 'src/users/users.service.ts': USERS_SERVICE },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  findOne(@Param('id') id: string) {",
      "    return this.usersService.findOne(Number(id));",
      "  }",
      "}"),
    errors: [{ messageId: 'fullRecord', message: "The response returns User.resetToken: the User returned by this.usersService.findOne(…) is sent whole through the controller's return value. Select only the fields the client needs.", line: 8, column: 12, endLine: 8, endColumn: 49 }],
    output: null,
  }),
  project({
    name: 'knex: a typed row read with .first() and a list without columns; fix selects the allowed columns',
    code: lines(
      "import express from 'express';",
      "import knex from 'knex';",
      "interface UserRow { id: number; email: string; password_hash: string }",
      "const db = knex({ client: 'pg' });",
      "const app = express();",
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await db<UserRow>('users').where({ id: Number(req.params.id) }).first();",
      "  res.json(user);",
      "});"),
    errors: [{ messageId: 'fullRecord', message: "The response returns UserRow.password_hash: the UserRow read by the db<UserRow>('users') query is sent whole through res.json. Select only the fields the client needs.", line: 8, column: 12, endLine: 8, endColumn: 16 }],
    output: lines(
      "import express from 'express';",
      "import knex from 'knex';",
      "interface UserRow { id: number; email: string; password_hash: string }",
      "const db = knex({ client: 'pg' });",
      "const app = express();",
      "app.get('/users/:id', async (req, res) => {",
      "  const user = await db<UserRow>('users').select('id', 'email').where({ id: Number(req.params.id) }).first();",
      "  res.json(user);",
      "});"),
  }),
  project({
    name: 'knex: rows of a list query',
    code: lines(
      "import express from 'express';",
      "import knex from 'knex';",
      "interface UserRow { id: number; email: string; password_hash: string }",
      "const db = knex({ client: 'pg' });",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  res.json({ users: await db<UserRow>('users').where({ email: String(req.query.email) }).orderBy('id') });",
      "});"),
    errors: [{ messageId: 'fullRecord', message: "The response returns UserRow.password_hash: the UserRow read by the db<UserRow>('users') query is sent whole through res.json. Select only the fields the client needs.", line: 7, column: 12, endLine: 7, endColumn: 105 }],
  }),
];

const valid: ValidCase[] = [
  project({
    name: 'knex: explicit columns',
    code: lines(
      "import express from 'express';",
      "import knex from 'knex';",
      "interface UserRow { id: number; email: string; password_hash: string }",
      "const db = knex({ client: 'pg' });",
      "const app = express();",
      "app.get('/users/:id', async (req, res) => {",
      "  const a = await db<UserRow>('users').select('id', 'email').where({ id: 1 }).first();",
      "  const b = await db<UserRow>('users').where({ id: 1 }).first('id', 'email');",
      "  res.json({ a, b });",
      "});"),
  }),
  project({
    name: "Mongoose projections: .select('-password -totpSecret'), a projection argument, populate with select",
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const a = await Account.findById(req.params.id).select('-password -totpSecret');",
      "  const b = await Account.findOne({ email: 'a@b.c' }, 'email').lean();",
      "  const c = await Account.find({}, { email: 1 });",
      "  res.json({ a, b, c });",
      "});"),
  }),
  project({
    name: 'Sequelize projections: attributes list and exclude',
    files: { 'src/models.ts': MODELS },
    code: lines(...EXPRESS_HEADER,
      "app.get('/a', async (req, res) => {",
      "  const a = await Member.findAll({ attributes: ['id', 'email'] });",
      "  const b = await Member.findByPk(1, { attributes: { exclude: ['password'] } });",
      "  res.json({ a, b });",
      "});"),
  }),
  project({
    name: 'TypeORM: select option, a query builder with select, and fields only named like secrets',
    files: TYPEORM_FILES,
    filename: 'src/users/routes.ts',
    code: lines(
      "import express from 'express';",
      "import { DataSource } from 'typeorm';",
      "import { User } from './user.entity';",
      "declare const dataSource: DataSource;",
      "const app = express();",
      "app.get('/users', async (req, res) => {",
      "  const repo = dataSource.getRepository(User);",
      "  const a = await repo.find({ select: { id: true, email: true } });",
      "  const b = await repo.createQueryBuilder('user').select(['user.id', 'user.email']).getMany();",
      "  const c = await repo.findOneByOrFail({ id: 1 });",
      "  res.json({ a, b, changed: c.passwordChangedAt });",
      "});"),
  }),
  project({
    name: 'NestJS: the service deletes the secrets from the record it returns (delete user.passwordHash, resetToken = null)',
    files: {
      ...TYPEORM_FILES,
      'src/users/users.service.ts': USERS_SERVICE.replace(
        "  findOne(id: number): Promise<User | null> {\n    return this.users.findOneBy({ id });",
        "  async findOne(id: number): Promise<User | null> {\n    const user = await this.users.findOneBy({ id });\n    if (user) {\n      delete (user as Partial<User>).passwordHash;\n      user.resetToken = null;\n    }\n    return user;",
      ),
    },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  findOne(@Param('id') id: string) {",
      "    return this.usersService.findOne(Number(id));",
      "  }",
      "}"),
  }),
  project({
    name: 'a service module that touches no data (rows it builds itself) is not asked about: the checker is not built for it',
    files: {
      ...TYPEORM_FILES,
      'src/users/users.service.ts': lines(
        "import { User } from './user.entity';",
        'export class UsersService {',
        '  private readonly cache = new Map<number, User>();',
        '  async findOne(id: number): Promise<User | null> {',
        '    return this.cache.get(id) ?? null;',
        '  }',
        '}'),
    },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get, Param } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  findOne(@Param('id') id: string) {",
      "    return this.usersService.findOne(Number(id));",
      "  }",
      "}"),
  }),
  project({
    name: 'a data-less service method named like a Sequelize read (findAll) is not taken for one',
    files: {
      ...TYPEORM_FILES,
      'src/users/users.service.ts': lines(
        "import { User } from './user.entity';",
        'export class UsersService {',
        '  private readonly rows: User[] = [];',
        '  async findAll(): Promise<User[]> {',
        '    return this.rows;',
        '  }',
        '}'),
    },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { Controller, Get } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get()",
      "  findAll() {",
      "    return this.usersService.findAll();",
      "  }",
      "}"),
  }),
  project({
    name: 'NestJS: the entity hides its secrets (select: false; @Exclude() under a ClassSerializerInterceptor)',
    files: { 'src/users/user.entity.ts': HIDDEN_USER_ENTITY, 'src/users/users.service.ts': USERS_SERVICE },
    filename: 'src/users/users.controller.ts',
    code: lines(
      "import { ClassSerializerInterceptor, Controller, Get, Param, UseInterceptors } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "@Controller('users')",
      "@UseInterceptors(ClassSerializerInterceptor)",
      "export class UsersController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Get(':id')",
      "  findOne(@Param('id') id: string) {",
      "    return this.usersService.findOne(Number(id));",
      "  }",
      "}"),
  }),
  project({
    name: 'NestJS: a login returns a token object, a method without a route decorator returns a user',
    files: { ...TYPEORM_FILES, 'src/users/users.service.ts': USERS_SERVICE },
    filename: 'src/users/auth.controller.ts',
    code: lines(
      "import { Controller, Post, Body } from '@nestjs/common';",
      "import { UsersService } from './users.service';",
      "declare function sign(payload: object): string;",
      "@Controller('auth')",
      "export class AuthController {",
      "  constructor(private readonly usersService: UsersService) {}",
      "  @Post('login')",
      "  async login(@Body() body: { id: number }) {",
      "    const user = await this.usersService.findOne(body.id);",
      "    return { accessToken: sign({ sub: user?.id }) };",
      "  }",
      "  helper(id: number) {",
      "    return this.usersService.findOne(id);",
      "  }",
      "}"),
  }),
];

runRuleTests(fullRecordResponse, { valid, invalid });

/** The case's files as the harness names them (without `src/`), the tsconfig and declarations left to the harness. */
function harnessFiles(testCase: InvalidCase, code: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (const [name, text] of Object.entries(testCase.files ?? {})) if (name.startsWith('src/') && !name.endsWith('.d.ts')) files[name.slice(4)] = text;
  files[(testCase.filename ?? 'src/app.ts').slice(4)] = code;
  return files;
}

describe('full-record-response ORM fixes type-check against the real declarations', () => {
  for (const testCase of invalid) {
    if (typeof testCase.output !== 'string') continue;
    it(testCase.name ?? '', () => {
      assert.deepEqual(typeCheckWithOrms(harnessFiles(testCase, testCase.code)), [], 'the original');
      assert.deepEqual(typeCheckWithOrms(harnessFiles(testCase, testCase.output as string)), [], 'the fixed file');
    });
  }
});
