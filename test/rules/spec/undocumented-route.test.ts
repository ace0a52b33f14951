// spec/undocumented-route: routes no spec of their API documents. Each case is a small project: the code under
// test (src/app.ts unless `filename` says otherwise) and its spec among `files`.
import { undocumentedRoute } from '../../../rules/spec/undocumented-route';
import { runRuleTests } from '../../support/rule-tester';

const SPEC_30 = `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers:
  - url: https://api.example.com/v1
paths:
  /users:
    get:
      responses:
        '200': { description: ok }
  /users/{id}:
    get:
      responses:
        '200': { description: ok }
`;

const SWAGGER_20_JSON = `{
  "swagger": "2.0",
  "info": { "title": "Shop", "version": "1" },
  "basePath": "/v1",
  "paths": {
    "/users": { "get": { "responses": { "200": { "description": "ok" } } } },
    "/users/{id}": { "get": { "responses": { "200": { "description": "ok" } } } }
  }
}
`;

const ROUTER = `import { Router } from 'express';
const router = Router();
router.get('/users', (req, res) => res.json([]));
router.get('/users/:id', (req, res) => res.json({}));
export default router;
`;

const NEXT_SPEC = `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /api/users/{id}:
    get:
      responses: { '200': { description: ok } }
  /api/auth/signin:
    post:
      responses: { '200': { description: ok } }
`;

runRuleTests(undocumentedRoute, {
  valid: [
    {
      name: 'OAS 3.0: server URL path /v1 + router mounted at /v1; :id ↔ {id}',
      code: `import express from 'express';
import router from './router';
const app = express();
app.use('/v1', router);
`,
      files: { 'openapi.yaml': SPEC_30, 'src/router.ts': ROUTER },
      filename: 'src/app.ts',
    },
    {
      name: 'the route file itself: routes under a mount are documented (file under test declares them)',
      filename: 'src/router.ts',
      code: ROUTER,
      files: { 'openapi.yaml': SPEC_30, 'src/app.ts': `import express from 'express';\nimport router from './router';\nconst app = express();\napp.use('/v1', router);\n` },
    },
    {
      name: 'Swagger 2.0 JSON: basePath /v1 + router mounted at /v1',
      filename: 'src/router.ts',
      code: ROUTER,
      files: { 'docs/swagger.json': SWAGGER_20_JSON, 'src/app.ts': `import express from 'express';\nimport router from './router';\nconst app = express();\napp.use('/v1', router);\n` },
    },
    {
      name: 'a route documented under a server URL path prefix the code does not repeat (a gateway adds it)',
      code: `import express from 'express';
const app = express();
app.get('/users', (req, res) => res.json([]));
app.get('/users/:id', (req, res) => res.json({}));
`,
      files: { 'openapi.yaml': SPEC_30 },
    },
    {
      name: 'no spec in the workspace: nothing to compare with',
      code: `import express from 'express';
const app = express();
app.get('/internal/metrics', (req, res) => res.json({}));
`,
    },
    {
      name: 'a spec of another API in the same repository (it documents none of these routes) stays quiet',
      code: `import express from 'express';
const app = express();
app.get('/api/orders', (req, res) => res.json([]));
app.post('/api/orders', (req, res) => res.status(201).end());
`,
      files: {
        'vendor/stripe/openapi.yaml': `openapi: 3.1.0
info: { title: Stripe, version: '1' }
paths:
  /v1/charges:
    post:
      responses:
        '200': { description: ok }
`,
      },
    },
    {
      name: 'a spec in another project of a monorepo does not cover this project',
      filename: 'services/billing/src/app.ts',
      code: `import express from 'express';
const app = express();
app.get('/users', (req, res) => res.json([]));
app.get('/invoices', (req, res) => res.json([]));
`,
      files: {
        'services/billing/package.json': '{ "name": "billing" }\n',
        'services/users/package.json': '{ "name": "users" }\n',
        'services/users/openapi.yaml': SPEC_30,
        'services/users/src/app.ts': `import express from 'express';\nconst app = express();\napp.get('/v1/users', (req, res) => res.json([]));\n`,
      },
    },
    {
      name: 'NestJS controller documented by the spec',
      filename: 'src/users.controller.ts',
      code: `import { Controller, Get, Param } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  findAll() { return []; }
  @Get(':id')
  findOne(@Param('id') id: string) { return {}; }
}
`,
      files: { 'openapi.yaml': SPEC_30 },
    },
    {
      name: 'both /users/{id} and /users/me documented: each route finds its own operation',
      code: `import express from 'express';
const app = express();
app.get('/users/me', (req, res) => res.json({}));
app.get('/users/:id', (req, res) => res.json({}));
`,
      files: {
        'openapi.yaml': `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users/me:
    get:
      responses: { '200': { description: ok } }
  /users/{id}:
    get:
      responses: { '200': { description: ok } }
`,
      },
    },
    {
      name: 'Next.js: a catch-all route ([...nextauth]) is documented by an operation under it',
      filename: 'app/api/auth/[...nextauth]/route.ts',
      code: `export async function POST(request: Request) {
  return Response.json({});
}
`,
      files: { 'openapi.yaml': NEXT_SPEC, 'app/api/users/[id]/route.ts': 'export async function GET() { return Response.json({}); }\n' },
    },
    {
      name: 'NestJS: setGlobalPrefix(\'v1\') and the spec\'s server /v1',
      filename: 'src/users.controller.ts',
      code: `import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  findAll() { return []; }
}
`,
      files: {
        'openapi.yaml': SPEC_30,
        'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('v1');
  await app.listen(3000);
}
bootstrap();
`,
      },
    },
    {
      name: "a single-page app's fallback (app.get('*')) says nothing about the API",
      code: `import express from 'express';
const app = express();
app.get('/users', (req, res) => res.json([]));
app.get('*', (req, res) => res.sendFile('index.html'));
`,
      files: { 'openapi.yaml': SPEC_30 },
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0: an undocumented admin route next to documented ones (shadow API)',
      code: `import express from 'express';
import router from './router';
const app = express();
app.use('/v1', router);
app.post('/v1/admin/reindex', (req, res) => res.status(202).end());
`,
      files: { 'openapi.yaml': SPEC_30, 'src/router.ts': ROUTER },
      errors: [
        {
          messageId: 'undocumented',
          message: 'POST /v1/admin/reindex is not documented in openapi.yaml: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).',
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 29,
          severity: 'warning',
        },
      ],
      output: null,
    },
    {
      name: '/users/{id} documented, /users/me in the code is an endpoint of its own',
      code: `import express from 'express';
const app = express();
app.get('/users/:id', (req, res) => res.json({}));
app.get('/users/me', (req, res) => res.json({}));
`,
      files: {
        'openapi.yaml': `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /users/{id}:
    get:
      responses: { '200': { description: ok } }
`,
      },
      errors: [{ messageId: 'undocumented', line: 4, column: 1, endLine: 4, endColumn: 20, severity: 'warning' }],
    },
    {
      name: 'Swagger 2.0 JSON: a method the spec does not document on a documented path',
      filename: 'src/router.ts',
      code: `import { Router } from 'express';
const router = Router();
router.get('/users', (req, res) => res.json([]));
router.delete('/users/:id', (req, res) => res.status(204).end());
export default router;
`,
      files: { 'swagger.json': SWAGGER_20_JSON, 'src/app.ts': `import express from 'express';\nimport router from './router';\nconst app = express();\napp.use('/v1', router);\n` },
      errors: [{ messageId: 'undocumented', message: 'DELETE /v1/users/:id is not documented in swagger.json: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).', line: 4, column: 1, endLine: 4, endColumn: 27, severity: 'warning' }],
    },
    {
      name: 'NestJS: an undocumented handler in a documented controller',
      filename: 'src/users.controller.ts',
      code: `import { Controller, Get, Post } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  findAll() { return []; }
  @Post('import')
  importAll() { return {}; }
}
`,
      files: { 'openapi.yaml': SPEC_30 },
      errors: [{ messageId: 'undocumented', line: 6, column: 3, endLine: 6, endColumn: 18, severity: 'warning' }],
    },
    {
      name: 'Next.js app router: DELETE in a route file whose GET is documented',
      filename: 'app/api/users/[id]/route.ts',
      code: `export async function GET() {
  return Response.json({});
}
export async function DELETE() {
  return new Response(null, { status: 204 });
}
`,
      files: { 'openapi.yaml': NEXT_SPEC },
      errors: [{ messageId: 'undocumented', message: 'DELETE /api/users/:id is not documented in openapi.yaml: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).', line: 4, column: 1, endLine: 4, endColumn: 29, severity: 'warning' }],
    },
    {
      name: 'NestJS: setGlobalPrefix(\'v2\') while the spec serves /v1: the prefix is part of the route',
      filename: 'src/users.controller.ts',
      code: `import { Controller, Get } from '@nestjs/common';
@Controller('users')
export class UsersController {
  @Get()
  findAll() { return []; }
  @Get(':id')
  findOne() { return {}; }
}
`,
      files: {
        'openapi.yaml': SPEC_30,
        'src/legacy.ts': "import express from 'express';\nconst app = express();\napp.get('/v1/users', (req, res) => res.json([]));\n",
        'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('v2');
  await app.listen(3000);
}
bootstrap();
`,
      },
      errors: [
        { messageId: 'undocumented', message: 'GET /v2/users is not documented in openapi.yaml: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).', line: 4, column: 3, endLine: 4, endColumn: 9, severity: 'warning' },
        { messageId: 'undocumented', line: 6, column: 3, endLine: 6, endColumn: 14, severity: 'warning' },
      ],
    },
  ],
});
