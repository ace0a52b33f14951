// The spec as the fixes' allow-list: when a route's spec documents its request body (or success response), the
// mass-assignment and full-record-response fixes copy only the documented properties the model has; without a
// spec, for an undocumented route, or when nothing documented is a model field, the model's list stands.
import { fullRecordResponse } from '../../rules/full-record-response';
import { massAssignment } from '../../rules/mass-assignment';
import { ORM_TEST_DECLARATIONS } from '../support/orm-declarations';
import { runRuleTests, type InvalidCase } from '../support/rule-tester';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

const MONGOOSE_APP = lines(
  "import express from 'express';",
  "import mongoose from 'mongoose';",
  "const userSchema = new mongoose.Schema({ name: String, email: String, bio: String, role: { type: String, default: 'user' } });",
  "const User = mongoose.model('User', userSchema);",
  'const app = express();',
  "app.post('/v1/users', async (req, res) => {",
  '  const user = new User(req.body);',
  '  await user.save();',
  '  res.sendStatus(201);',
  '});',
);

/** OAS 3.0: the create request documents name and bio (id is readOnly); email is not part of this endpoint. */
const USERS_SPEC_30 = `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: /v1
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/NewUser' }
      responses: { '201': { description: created } }
components:
  schemas:
    NewUser:
      type: object
      allOf:
        - properties:
            id: { type: string, readOnly: true }
        - properties:
            name: { type: string }
            bio: { type: string }
`;

/** Swagger 2.0 JSON: the body parameter documents only a field the model does not have. */
const USERS_SPEC_20_JSON = `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "basePath": "/v1",
  "paths": {
    "/users": { "post": { "parameters": [{ "in": "body", "name": "body", "schema": { "type": "object", "properties": { "nickname": { "type": "string" } } } }], "responses": { "201": { "description": "created" } } } }
  }
}
`;

const MASS_ASSIGNMENT_ERROR = {
  messageId: 'privilegedFields',
  message: 'The request body `req.body` is written whole by `new User`: the request body can set User.role. Copy only the fields a client may set.',
  line: 7,
  column: 25,
  endLine: 7,
  endColumn: 33,
  severity: 'error' as const,
};

runRuleTests(massAssignment, {
  valid: [],
  invalid: [
    {
      name: 'OAS 3.0 YAML: the documented request properties (allOf, readOnly id left out) narrow the fix',
      code: MONGOOSE_APP,
      files: { 'openapi.yaml': USERS_SPEC_30 },
      errors: [MASS_ASSIGNMENT_ERROR],
      output: MONGOOSE_APP.replace('new User(req.body)', 'new User({ name: req.body.name, bio: req.body.bio })'),
    },
    {
      name: 'Swagger 2.0 JSON: nothing documented is a model field, so the model list stands',
      code: MONGOOSE_APP,
      files: { 'swagger.json': USERS_SPEC_20_JSON },
      errors: [MASS_ASSIGNMENT_ERROR],
      output: MONGOOSE_APP.replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email, bio: req.body.bio })'),
    },
    {
      name: 'an undocumented route: the model list stands',
      code: MONGOOSE_APP.replace("app.post('/v1/users'", "app.post('/v1/signup'"),
      files: { 'openapi.yaml': USERS_SPEC_30.replace('  /users:\n    post:', '  /users:\n    get:\n      responses: { \'200\': { description: ok } }\n  /accounts:\n    post:'), 'src/other.ts': "import express from 'express';\nconst app = express();\napp.get('/v1/users', (req, res) => res.json([]));\n" },
      errors: [MASS_ASSIGNMENT_ERROR],
      output: MONGOOSE_APP.replace("app.post('/v1/users'", "app.post('/v1/signup'").replace('new User(req.body)', 'new User({ name: req.body.name, email: req.body.email, bio: req.body.bio })'),
    },
  ],
});

const TYPED_PROJECT: Record<string, string> = {
  'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'ESNext', moduleResolution: 'Bundler', experimentalDecorators: true, strictPropertyInitialization: false }, include: ['src'] }),
  'src/orm-declarations.d.ts': ORM_TEST_DECLARATIONS,
};

const PRISMA_HEADER = ["import express from 'express';", "import { PrismaClient } from '@prisma/client';", 'const prisma = new PrismaClient();', 'const app = express();'];

const GET_USER = lines(
  ...PRISMA_HEADER,
  "app.get('/users/:id', async (req, res) => {",
  '  const user = await prisma.user.findUnique({ where: { id: Number(req.params.id) } });',
  '  res.json(user);',
  '});',
);

const GET_USER_SPEC_31 = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: One user
          content:
            application/json:
              schema:
                type: object
                properties:
                  id: { type: integer }
                  name: { type: string }
                  password: { type: string, writeOnly: true }
        '404': { description: not found }
`;

const recordCases: InvalidCase[] = [
  {
    name: 'OAS 3.1: "Send only" lists the documented response properties (writeOnly left out)',
    code: GET_USER,
    files: { ...TYPED_PROJECT, 'openapi.yaml': GET_USER_SPEC_31 },
    errors: [{ messageId: 'fullRecord', line: 7, column: 12, endLine: 7, endColumn: 16 }],
    fixTitle: 'Send only id, name',
    output: GET_USER.replace('res.json(user);', 'res.json(user && { id: user.id, name: user.name });'),
  },
  {
    name: 'the same route with a response schema that lists no properties: the model list stands',
    code: GET_USER,
    files: { ...TYPED_PROJECT, 'openapi.yaml': GET_USER_SPEC_31.replace(/type: object\n(\s+)properties:[\s\S]*?writeOnly: true \}\n/, 'type: object\n') },
    errors: [{ messageId: 'fullRecord', line: 7, column: 12, endLine: 7, endColumn: 16 }],
    fixTitle: 'Send only id, email, name, role, isAdmin, createdAt',
    output: GET_USER.replace('res.json(user);', 'res.json(user && { id: user.id, email: user.email, name: user.name, role: user.role, isAdmin: user.isAdmin, createdAt: user.createdAt });'),
  },
];

runRuleTests(fullRecordResponse, { valid: [], invalid: recordCases });
