// mass-assignment without model knowledge: where a request body comes from in each framework, which calls write it,
// and the precision traps (picks, copies, stripping validators, filters). Models and fixes: mass-assignment-models.test.ts.
import { massAssignment } from '../../rules/mass-assignment';
import { runRuleTests, type ExpectedFinding, type InvalidCase, type ValidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const UNKNOWN_MODEL_NOTE = ' No automatic fix: the model, and so the fields a client may set, is not known.';

/** A warning for a body written into a model the index does not know (1-based line, columns of the underline). */
export function unknownModel(line: number, column: number, endColumn: number, source: string, sink: string): ExpectedFinding {
  return {
    messageId: 'unknownModel',
    message: `The request body ${source} is written whole by \`${sink}\`, into a model whose fields are not known: a client can set any field it names. Copy only the fields a client may set.${UNKNOWN_MODEL_NOTE}`,
    line,
    column,
    endLine: line,
    endColumn,
    severity: 'warning',
  };
}

const EXPRESS_HEAD = ["import express from 'express';", "import { PrismaClient } from '@prisma/client';", 'const prisma = new PrismaClient();', 'const app = express();'];

const valid: ValidCase[] = [
  {
    name: 'field-by-field copy',
    code: lines(...EXPRESS_HEAD, "app.post('/users', async (req, res) => {", '  await prisma.user.create({ data: { name: req.body.name, email: req.body.email } });', '  res.sendStatus(201);', '});'),
  },
  {
    name: 'destructured picks',
    code: lines(...EXPRESS_HEAD, "app.post('/users', async (req, res) => {", '  const { name, email } = req.body;', '  await prisma.user.create({ data: { name, email } });', '  res.sendStatus(201);', '});'),
  },
  {
    name: 'lodash pick',
    code: lines("import _ from 'lodash';", ...EXPRESS_HEAD, "app.post('/users', async (req, res) => {", "  await prisma.user.create({ data: _.pick(req.body, ['name', 'email']) });", '  res.sendStatus(201);', '});'),
  },
  {
    name: 'a whitelist helper of the file',
    code: lines(
      ...EXPRESS_HEAD,
      'function allowedUserFields(input: any) {',
      '  return { name: input.name, email: input.email };',
      '}',
      "app.post('/users', async (req, res) => {",
      '  await prisma.user.create({ data: allowedUserFields(req.body) });',
      '  res.sendStatus(201);',
      '});',
    ),
  },
  {
    name: 'zod z.object strips unknown keys',
    code: lines(
      "import { z } from 'zod';",
      ...EXPRESS_HEAD,
      'const CreateUser = z.object({ name: z.string(), email: z.string().email() });',
      "app.post('/users', async (req, res) => {",
      '  const input = CreateUser.parse(req.body);',
      '  await prisma.user.create({ data: input });',
      '  const result = CreateUser.safeParse(req.body);',
      '  if (result.success) await prisma.user.create({ data: result.data });',
      '  res.sendStatus(201);',
      '});',
    ),
  },
  {
    name: 'Joi rejects unknown keys by default, and stripUnknown strips them',
    code: lines(
      "import Joi from 'joi';",
      ...EXPRESS_HEAD,
      'const schema = Joi.object({ name: Joi.string() });',
      "app.post('/users', async (req, res) => {",
      '  const { value } = schema.validate(req.body);',
      '  await prisma.user.create({ data: value });',
      '  const loose = Joi.object({ name: Joi.string() }).unknown(true).validate(req.body, { stripUnknown: true });',
      '  await prisma.user.create({ data: loose.value });',
      '  res.sendStatus(201);',
      '});',
    ),
  },
  {
    name: 'yup with noUnknown, valibot object',
    code: lines(
      "import * as yup from 'yup';",
      "import * as v from 'valibot';",
      ...EXPRESS_HEAD,
      "app.post('/users', async (req, res) => {",
      '  const checked = await yup.object({ name: yup.string() }).noUnknown().validate(req.body);',
      '  await prisma.user.create({ data: checked });',
      '  const parsed = v.parse(v.object({ name: v.string() }), req.body);',
      '  await prisma.user.create({ data: parsed });',
      '  res.sendStatus(201);',
      '});',
    ),
  },
  {
    name: 'the body as a where filter is a query, not a write',
    code: lines(...EXPRESS_HEAD, "app.post('/users/search', async (req, res) => {", '  res.json(await prisma.user.updateMany({ where: req.body, data: { isAdmin: false } }));', '});'),
  },
  {
    name: 'a service method named create on an arbitrary object is not a write',
    code: lines("import express from 'express';", "import { usersService } from './users.service';", 'const app = express();', "app.post('/users', async (req, res) => {", '  res.json(await usersService.create(req.body));', '});'),
  },
  {
    name: 'Object.assign of the body into a plain object that is never saved',
    code: lines(...EXPRESS_HEAD, "app.post('/preview', (req, res) => {", '  const preview = {};', '  Object.assign(preview, req.body);', '  res.json(preview);', '});'),
  },
  {
    name: 'NestJS @Body() under a whitelisting ValidationPipe (parameter, method, class)',
    code: lines(
      "import { Body, Controller, Post, Put, UsePipes, ValidationPipe } from '@nestjs/common';",
      "import { PrismaClient } from '@prisma/client';",
      'class CreateUserDto { name!: string; }',
      "@Controller('users')",
      'export class UsersController {',
      '  constructor(private readonly prisma: PrismaClient) {}',
      '  @Post()',
      '  create(@Body(new ValidationPipe({ whitelist: true })) dto: CreateUserDto) {',
      '    return this.prisma.user.create({ data: dto });',
      '  }',
      "  @Put(':id')",
      '  @UsePipes(new ValidationPipe({ whitelist: true, transform: true }))',
      '  update(@Body() dto: CreateUserDto) {',
      '    return this.prisma.user.update({ where: { id: 1 }, data: dto });',
      '  }',
      '}',
    ),
  },
  {
    name: 'NestJS @Body() under a global whitelisting ValidationPipe (main.ts useGlobalPipes)',
    filename: 'src/users/users.controller.ts',
    files: {
      'src/main.ts': lines(
        "import { ValidationPipe } from '@nestjs/common';",
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.useGlobalPipes(new ValidationPipe({ whitelist: true }));',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ),
    },
    code: lines(
      "import { Body, Controller, Post } from '@nestjs/common';",
      "import { PrismaService } from '../prisma.service';",
      'class CreateUserDto { name!: string; }',
      "@Controller('users')",
      'export class UsersController {',
      '  constructor(private readonly prisma: PrismaService) {}',
      '  @Post()',
      '  create(@Body() dto: CreateUserDto) {',
      '    return this.prisma.user.create({ data: dto });',
      '  }',
      '}',
    ),
  },
  {
    name: 'NestJS @Body() under an APP_PIPE provider of a whitelisting ValidationPipe',
    filename: 'src/users/users.controller.ts',
    files: {
      'src/app.module.ts': lines(
        "import { Module, ValidationPipe } from '@nestjs/common';",
        "import { APP_PIPE } from '@nestjs/core';",
        "import { UsersController } from './users/users.controller';",
        '@Module({ controllers: [UsersController], providers: [{ provide: APP_PIPE, useValue: new ValidationPipe({ whitelist: true }) }] })',
        'export class AppModule {}',
      ),
    },
    code: lines(
      "import { Body, Controller, Post } from '@nestjs/common';",
      "import { PrismaService } from '../prisma.service';",
      "@Controller('users')",
      'export class UsersController {',
      '  constructor(private readonly prisma: PrismaService) {}',
      '  @Post()',
      '  create(@Body() dto: { name: string }) {',
      '    return this.prisma.user.create({ data: dto });',
      '  }',
      '}',
    ),
  },
  {
    name: "Koa's ctx.body is the response, not the request body",
    code: lines(
      "import Koa from 'koa';",
      "import { User } from './models/user';",
      'const app = new Koa();',
      'app.use(async (ctx) => {',
      "  ctx.body = { name: 'x' };",
      '  await User.findOneAndUpdate({ _id: ctx.params.id }, ctx.body);',
      '});',
    ),
  },
  {
    name: 'Map.set and a non-request body are not mass assignment',
    code: lines(...EXPRESS_HEAD, 'const cache = new Map();', "app.post('/users', async (req, res) => {", '  const defaults = { name: "x" };', '  cache.set(req.body, 1);', '  await prisma.user.create({ data: defaults });', '  res.sendStatus(201);', '});'),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'Express (TS): req.body as Prisma data',
    code: lines(...EXPRESS_HEAD, "app.post('/users', async (req, res) => {", '  res.json(await prisma.user.create({ data: req.body }));', '});'),
    errors: [unknownModel(6, 45, 53, '`req.body`', 'prisma.user.create')],
    output: null,
  },
  {
    name: 'Express (CommonJS): through an alias and a spread with a server-set key',
    filename: 'src/app.js',
    code: lines(
      "const express = require('express');",
      "const { PrismaClient } = require('@prisma/client');",
      'const prisma = new PrismaClient();',
      'const app = express();',
      "app.put('/users/:id', async (req, res) => {",
      '  const changes = req.body;',
      '  await prisma.user.update({ where: { id: Number(req.params.id) }, data: { ...changes, updatedAt: new Date() } });',
      '  res.sendStatus(204);',
      '});',
      'module.exports = app;',
    ),
    errors: [unknownModel(7, 76, 86, '`req.body` (without updatedAt)', 'prisma.user.update')],
  },
  {
    name: 'Express (ESM .mjs): rest binding keeps the rest of the body',
    filename: 'src/app.mjs',
    code: lines(
      "import express from 'express';",
      "import { PrismaClient } from '@prisma/client';",
      'const prisma = new PrismaClient();',
      'const app = express();',
      "app.post('/users', async (req, res) => {",
      '  const { id, ...fields } = req.body;',
      '  await prisma.user.create({ data: fields });',
      '  res.sendStatus(201);',
      '});',
    ),
    errors: [unknownModel(7, 36, 42, '`req.body` (without id)', 'prisma.user.create')],
  },
  {
    name: 'Fastify: request.body to Mongoose findByIdAndUpdate',
    code: lines(
      "import Fastify from 'fastify';",
      "import { User } from './models/user';",
      'const app = Fastify();',
      "app.put('/users/:id', async (request: any) => {",
      '  return User.findByIdAndUpdate(request.params.id, request.body, { new: true });',
      '});',
    ),
    errors: [unknownModel(5, 52, 64, '`request.body`', 'User.findByIdAndUpdate')],
  },
  {
    name: 'Koa: ctx.request.body to knex insert',
    code: lines(
      "import Koa from 'koa';",
      "import knex from './db';",
      'const app = new Koa();',
      'app.use(async (ctx) => {',
      "  await knex('users').insert(ctx.request.body);",
      '  ctx.status = 201;',
      '});',
    ),
    errors: [unknownModel(5, 30, 46, '`ctx.request.body`', "knex('users').insert")],
  },
  {
    name: 'Hono: await c.req.json() to Drizzle values()',
    code: lines(
      "import { Hono } from 'hono';",
      "import { db, users } from './db';",
      'const app = new Hono();',
      "app.post('/users', async (c) => {",
      '  await db.insert(users).values(await c.req.json());',
      '  return c.body(null, 201);',
      '});',
    ),
    errors: [unknownModel(5, 33, 51, '`c.req.json()`', 'db.insert(users).values')],
  },
  {
    name: 'Next.js route handler: await request.json() through a local helper',
    filename: 'app/api/users/route.ts',
    code: lines(
      "import { NextResponse } from 'next/server';",
      "import { db, users } from '@/db';",
      'async function readBody(request: Request) {',
      '  return request.json();',
      '}',
      'export async function PATCH(request: Request) {',
      '  const body = await readBody(request);',
      '  await db.update(users).set(body);',
      '  return NextResponse.json({ ok: true });',
      '}',
    ),
    errors: [unknownModel(8, 30, 34, '`request.json()`', 'db.update(users).set')],
  },
  {
    name: 'NestJS: @Body() without a whitelisting pipe',
    code: lines(
      "import { Body, Controller, Post } from '@nestjs/common';",
      "import { PrismaService } from './prisma.service';",
      'class CreateUserDto { name!: string; }',
      "@Controller('users')",
      'export class UsersController {',
      '  constructor(private readonly prisma: PrismaService) {}',
      '  @Post()',
      '  create(@Body() dto: CreateUserDto) {',
      '    return this.prisma.user.create({ data: dto });',
      '  }',
      '}',
    ),
    errors: [unknownModel(9, 44, 47, '`@Body() dto`', 'this.prisma.user.create')],
  },
  {
    name: 'NestJS: a global ValidationPipe without whitelist strips nothing',
    filename: 'src/users/users.controller.ts',
    files: {
      'src/main.ts': lines(
        "import { ValidationPipe } from '@nestjs/common';",
        "import { NestFactory } from '@nestjs/core';",
        "import { AppModule } from './app.module';",
        'async function bootstrap() {',
        '  const app = await NestFactory.create(AppModule);',
        '  app.useGlobalPipes(new ValidationPipe({ transform: true }));',
        '  await app.listen(3000);',
        '}',
        'bootstrap();',
      ),
    },
    code: lines(
      "import { Body, Controller, Post } from '@nestjs/common';",
      "import { PrismaService } from '../prisma.service';",
      "@Controller('users')",
      'export class UsersController {',
      '  constructor(private readonly prisma: PrismaService) {}',
      '  @Post()',
      '  create(@Body() dto: { name: string }) {',
      '    return this.prisma.user.create({ data: dto });',
      '  }',
      '}',
    ),
    errors: [unknownModel(8, 44, 47, '`@Body() dto`', 'this.prisma.user.create')],
  },
  {
    name: 'validators that keep unknown keys: zod passthrough, yup without noUnknown',
    code: lines(
      "import { z } from 'zod';",
      "import * as yup from 'yup';",
      ...EXPRESS_HEAD,
      "app.post('/users', async (req, res) => {",
      '  const loose = z.object({ name: z.string() }).passthrough().parse(req.body);',
      '  await prisma.user.create({ data: loose });',
      '  const checked = await yup.object({ name: yup.string() }).validate(req.body);',
      '  await prisma.user.create({ data: checked });',
      '  res.sendStatus(201);',
      '});',
    ),
    errors: [unknownModel(9, 36, 41, '`req.body`', 'prisma.user.create'), unknownModel(11, 36, 43, '`req.body`', 'prisma.user.create')],
  },
  {
    name: 'Prisma upsert writes both create and update',
    code: lines(...EXPRESS_HEAD, "app.put('/users', async (req, res) => {", '  await prisma.user.upsert({ where: { email: req.body.email }, create: req.body, update: req.body });', '  res.sendStatus(204);', '});'),
    errors: [unknownModel(6, 72, 80, '`req.body`', 'prisma.user.upsert'), unknownModel(6, 90, 98, '`req.body`', 'prisma.user.upsert')],
  },
];

runRuleTests(massAssignment, { valid, invalid });
