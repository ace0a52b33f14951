// spec/unimplemented-operation: documented operations no route implements. Each case: the spec under test
// (openapi.yaml unless `filename` says otherwise) and the code among `files`.
import { unimplementedOperation } from '../../../rules/spec/unimplemented-operation';
import { runSpecRuleTests } from '../../support/spec-rule-tester';

const APP = `import express from 'express';
import users from './users';
const app = express();
app.use('/v1', users);
`;

const USERS = `import { Router } from 'express';
const router = Router();
router.get('/users', (req, res) => res.json([]));
router.get('/users/:id', (req, res) => res.json({}));
export default router;
`;

runSpecRuleTests(unimplementedOperation, {
  valid: [
    {
      name: 'OAS 3.0: server path /v1 + router mounted at /v1 implement every operation',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: https://api.example.com/v1
paths:
  /users:
    get:
      responses: { '200': { description: ok } }
  /users/{userId}:
    get:
      responses: { '200': { description: ok } }
    head:
      responses: { '200': { description: ok } }
`,
      files: { 'src/app.ts': APP, 'src/users.ts': USERS },
    },
    {
      name: 'a spec of an API implemented elsewhere (no route of the project matches) stays quiet',
      code: `openapi: 3.1.0
info: { title: Payments, version: '1' }
paths:
  /charges:
    post:
      responses: { '200': { description: ok } }
`,
      files: { 'src/app.ts': APP, 'src/users.ts': USERS },
    },
    {
      name: 'a project without routes says nothing',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    get:
      responses: { '200': { description: ok } }
`,
    },
    {
      name: 'routes the model cannot list (@fastify/autoload of a folder that is not a constant) make it say nothing',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    get:
      responses: { '200': { description: ok } }
  /reports:
    get:
      responses: { '200': { description: ok } }
`,
      files: {
        'src/app.js': `const AutoLoad = require('@fastify/autoload');
const app = require('fastify')();
app.get('/users', async () => []);
app.register(AutoLoad, { dir: process.env.ROUTES_DIR });
`,
      },
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 YAML: a documented refund nobody implements; /users/me served by /users/:id',
      code: `openapi: 3.0.3
info: { title: t, version: '1' }
servers:
  - url: /v1
paths:
  /users:
    get:
      responses: { '200': { description: ok } }
  /users/me:
    get:
      responses: { '200': { description: ok } }
  /users/{id}/refund:
    post:
      responses: { '202': { description: ok } }
`,
      files: { 'src/app.ts': APP, 'src/users.ts': USERS },
      errors: [
        {
          messageId: 'unimplemented',
          message: 'POST /users/{id}/refund is documented but no route in the code implements it: clients are promised an endpoint that does not answer.',
          line: 13,
          column: 5,
          endLine: 13,
          endColumn: 9,
          severity: 'info',
        },
      ],
      output: null,
    },
    {
      name: 'Swagger 2.0 JSON with basePath: a documented DELETE nobody implements',
      filename: 'swagger.json',
      code: `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "basePath": "/v1",
  "paths": {
    "/users": { "get": { "responses": { "200": { "description": "ok" } } } },
    "/users/{id}": { "delete": { "responses": { "204": { "description": "gone" } } } }
  }
}
`,
      files: { 'src/app.ts': APP, 'src/users.ts': USERS },
      errors: [{ messageId: 'unimplemented', line: 7, column: 22, endLine: 7, endColumn: 30, severity: 'info' }],
    },
  ],
});
