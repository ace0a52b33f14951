// mass-assignment across files: a handler passes the request body to a service method or function of another file
// that writes that parameter whole (recorded in the service file's summary, server/engine/api-model/data-flows.ts).
// Reported at the handler's call, naming the write and where it is.
import { massAssignment } from '../../rules/mass-assignment';
import { runRuleTests, type InvalidCase, type ValidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const USER_ENTITY = lines(
  "import { Column, Entity, PrimaryGeneratedColumn } from 'typeorm';",
  '@Entity()',
  'export class User {',
  '  @PrimaryGeneratedColumn() id: number;',
  '  @Column() name: string;',
  "  @Column({ default: 'user' }) role: string;",
  '  @Column({ default: false }) isAdmin: boolean;',
  '}',
);
const USERS_SERVICE = lines(
  "import { Injectable } from '@nestjs/common';",
  "import { InjectRepository } from '@nestjs/typeorm';",
  "import { Repository } from 'typeorm';",
  "import { User } from './user.entity';",
  '@Injectable()',
  'export class UsersService {',
  '  constructor(@InjectRepository(User) private readonly users: Repository<User>) {}',
  '  update(id: number, changes: Partial<User>) {',
  '    return this.users.update(id, changes);',
  '  }',
  '  rename(id: number, input: { name: string }) {',
  '    return this.users.update(id, { name: input.name });',
  '  }',
  '  count(filter: object) {',
  '    return this.users.countBy(filter);',
  '  }',
  '}',
);
const NEST_FILES = { 'src/users/user.entity.ts': USER_ENTITY, 'src/users/users.service.ts': USERS_SERVICE };
function controller(call: string): string {
  return lines(
    "import { Body, Controller, Param, Put } from '@nestjs/common';",
    "import { UsersService } from './users.service';",
    "@Controller('users')",
    'export class UsersController {',
    '  constructor(private readonly usersService: UsersService) {}',
    "  @Put(':id')",
    "  update(@Param('id') id: string, @Body() dto: Record<string, unknown>) {",
    `    return ${call};`,
    '  }',
    '}',
  );
}

const SEQUELIZE_MODEL = lines(
  "import { DataTypes, Sequelize } from 'sequelize';",
  "const sequelize = new Sequelize('sqlite::memory:');",
  "export const Account = sequelize.define('Account', { name: DataTypes.STRING, balance: DataTypes.INTEGER, ownerId: DataTypes.INTEGER });",
);
const ACCOUNTS = lines(
  "import { Account } from './account.model';",
  'export async function openAccount(fields: object) {',
  '  const { id, ...rest } = fields as any;',
  '  return Account.create(rest);',
  '}',
);

/** node-express-boilerplate's shape: routes with a Joi `validate(…)` middleware, handlers in a controller, a service that writes. */
const BOILERPLATE_FILES = {
  'src/models/account.model.ts': SEQUELIZE_MODEL,
  'src/services/accounts.service.js': lines("const { Account } = require('../models/account.model');", 'exports.openAccount = async (fields) => Account.create(fields);'),
  'src/routes/accounts.route.js': lines(
    "const express = require('express');",
    "const validate = require('../middlewares/validate');",
    "const accountValidation = require('../validations/account.validation');",
    "const accountController = require('../controllers/account.controller');",
    'const router = express.Router();',
    "router.post('/', validate(accountValidation.openAccount), accountController.openAccount);",
    'module.exports = router;',
  ),
  'src/app.js': lines("const express = require('express');", "const accountsRoute = require('./routes/accounts.route');", 'const app = express();', "app.use('/accounts', accountsRoute);", 'module.exports = app;'),
};
const BOILERPLATE_CONTROLLER = lines(
  "const accountsService = require('../services/accounts.service');",
  'const catchAsync = (fn) => (req, res, next) => fn(req, res, next).catch(next);',
  'const openAccount = catchAsync(async (req, res) => {',
  '  res.status(201).send(await accountsService.openAccount(req.body));',
  '});',
  'module.exports = { openAccount };',
);

const valid: ValidCase[] = [
  {
    name: 'every route of the handler runs a validation middleware first (handler in a controller file)',
    filename: 'src/controllers/account.controller.js',
    files: BOILERPLATE_FILES,
    code: BOILERPLATE_CONTROLLER,
  },
  {
    name: 'an inline handler after a validation middleware in the same file',
    filename: 'src/routes/users.ts',
    files: { 'src/account.model.ts': SEQUELIZE_MODEL },
    code: lines(
      "import { Router } from 'express';",
      "import { celebrate, Joi } from 'celebrate';",
      "import { Account } from './account.model';",
      'export const router = Router();',
      "router.post('/accounts', celebrate({ body: Joi.object({ name: Joi.string() }) }), async (req, res) => {",
      '  res.json(await Account.create(req.body));',
      '});',
    ),
  },
  {
    name: 'a service method that copies the fields it needs',
    filename: 'src/users/users.controller.ts',
    files: NEST_FILES,
    code: controller('this.usersService.rename(Number(id), dto as { name: string })'),
  },
  {
    name: 'a service method that uses the body as a filter',
    filename: 'src/users/users.controller.ts',
    files: NEST_FILES,
    code: controller('this.usersService.count(dto)'),
  },
  {
    name: 'the body passed as a parameter the service does not write (the id)',
    filename: 'src/users/users.controller.ts',
    files: NEST_FILES,
    code: controller('this.usersService.update(dto as any, {})'),
  },
];

const invalid: InvalidCase[] = [
  {
    name: 'the same controller when the route has no validation middleware',
    filename: 'src/controllers/account.controller.js',
    files: { ...BOILERPLATE_FILES, 'src/routes/accounts.route.js': BOILERPLATE_FILES['src/routes/accounts.route.js'].replace('validate(accountValidation.openAccount), ', '') },
    code: BOILERPLATE_CONTROLLER,
    errors: [
      {
        messageId: 'privilegedFields',
        message:
          'The request body `req.body` is written whole by `Account.create` in accounts.service.js:2, through `accountsService.openAccount(…)`: the request body can set Account.balance, Account.ownerId. Copy only the fields a client may set. No automatic fix: the write is in accounts.service.js; copy the allowed fields there or here.',
        line: 4,
        column: 58,
        endLine: 4,
        endColumn: 66,
        severity: 'error',
      },
    ],
  },
  {
    name: 'NestJS: @Body() DTO → UsersService.update → this.users.update (TypeORM) in another file',
    filename: 'src/users/users.controller.ts',
    files: NEST_FILES,
    code: controller('this.usersService.update(Number(id), dto)'),
    errors: [
      {
        messageId: 'privilegedFields',
        message:
          'The request body `@Body() dto` is written whole by `this.users.update` in users.service.ts:9, through `this.usersService.update(…)`: the request body can set User.role, User.isAdmin. Copy only the fields a client may set. No automatic fix: the write is in users.service.ts; copy the allowed fields there or here.',
        line: 8,
        column: 49,
        endLine: 8,
        endColumn: 52,
        severity: 'error',
      },
    ],
    output: null,
  },
  {
    name: 'Express (CommonJS): req.body → an imported function that writes it after taking out the id (Sequelize define)',
    filename: 'src/routes.js',
    files: { 'src/account.model.ts': SEQUELIZE_MODEL, 'src/accounts.ts': ACCOUNTS },
    code: lines(
      "const express = require('express');",
      "const { openAccount } = require('./accounts');",
      'const router = express.Router();',
      "router.post('/accounts', async (req, res) => {",
      '  res.json(await openAccount(req.body));',
      '});',
      'module.exports = router;',
    ),
    errors: [
      {
        messageId: 'privilegedFields',
        message:
          'The request body `req.body` (without id) is written whole by `Account.create` in accounts.ts:4, through `openAccount(…)`: the request body can set Account.balance, Account.ownerId. Copy only the fields a client may set. No automatic fix: the write is in accounts.ts; copy the allowed fields there or here.',
        line: 5,
        column: 30,
        endLine: 5,
        endColumn: 38,
        severity: 'error',
      },
    ],
    output: null,
  },
];

runRuleTests(massAssignment, { valid, invalid });
