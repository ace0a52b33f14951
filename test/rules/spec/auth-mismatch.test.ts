// spec/auth-mismatch: the spec's security against the route's verdict. Each case: the code under test
// (src/app.ts) and its spec among `files`.
import { authMismatch } from '../../../rules/spec/auth-mismatch';
import { runRuleTests } from '../../support/rule-tester';

const SECURED_30 = `openapi: 3.0.3
info: { title: Shop, version: '1' }
security:
  - bearerAuth: []
paths:
  /orders:
    get:
      responses: { '200': { description: ok } }
  /health:
    get:
      security: []
      responses: { '200': { description: ok } }
  /auth/refresh:
    post:
      security: []
      responses: { '200': { description: ok } }
  /catalogue:
    get:
      security:
        - {}
        - bearerAuth: []
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`;

const SECURED_20_JSON = `{
  "swagger": "2.0",
  "info": { "title": "Shop", "version": "1" },
  "basePath": "/api",
  "securityDefinitions": { "apiKey": { "type": "apiKey", "in": "header", "name": "X-API-Key" } },
  "paths": {
    "/orders": { "post": { "security": [{ "apiKey": [] }], "responses": { "201": { "description": "created" } } } }
  }
}
`;

runRuleTests(authMismatch, {
  valid: [
    {
      name: 'spec requires a token and passport authenticates the route',
      code: `import express from 'express';
import passport from 'passport';
const app = express();
app.get('/orders', passport.authenticate('jwt', { session: false }), (req, res) => res.json([]));
app.get('/health', (req, res) => res.json({ ok: true }));
`,
      files: { 'openapi.yaml': SECURED_30 },
    },
    {
      name: 'security: [] on a handler that verifies a refresh token of its own is consistent',
      code: `import express from 'express';
import jwt from 'jsonwebtoken';
const app = express();
app.post('/auth/refresh', (req, res) => {
  try {
    const claims = jwt.verify(req.body.refreshToken, process.env.REFRESH_SECRET!);
    res.json({ claims });
  } catch {
    res.status(401).json({ error: 'invalid refresh token' });
  }
});
`,
      files: { 'openapi.yaml': SECURED_30 },
    },
    {
      name: 'optional security ([{}, bearerAuth]) contradicts neither verdict',
      code: `import express from 'express';
const app = express();
app.get('/catalogue', (req, res) => res.json([]));
`,
      files: { 'openapi.yaml': SECURED_30 },
    },
    {
      name: 'an undocumented route is spec/undocumented-route business, not this rule',
      code: `import express from 'express';
const app = express();
app.get('/orders', (req, res) => res.json([]));
app.get('/metrics', (req, res) => res.json({}));
`,
      files: { 'openapi.yaml': SECURED_30.replace('  /orders:\n    get:\n      responses', '  /orders:\n    get:\n      security: []\n      responses') },
    },
    {
      name: 'a spec of another project in a monorepo does not judge this one',
      filename: 'services/web/src/app.ts',
      code: `import express from 'express';
const app = express();
app.get('/orders', (req, res) => res.json([]));
`,
      files: {
        'services/web/package.json': '{ "name": "web" }\n',
        'services/api/package.json': '{ "name": "api" }\n',
        'services/api/openapi.yaml': SECURED_30,
        'services/api/src/app.ts': `import express from 'express';\nimport passport from 'passport';\nconst app = express();\napp.get('/orders', passport.authenticate('jwt'), (req, res) => res.json([]));\n`,
      },
    },
  ],
  invalid: [
    {
      name: 'OAS 3.0 root security: the route checks nothing (error)',
      code: `import express from 'express';
const app = express();
app.use(express.json());
app.get('/orders', (req, res) => res.json([]));
`,
      files: { 'openapi.yaml': SECURED_30 },
      errors: [
        {
          messageId: 'specRequiresAuth',
          message: 'GET /orders: openapi.yaml:7 requires bearerAuth for GET /orders, but nothing on the route authenticates (middleware: express.json()).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 18,
          severity: 'error',
        },
      ],
      output: null,
    },
    {
      name: 'Swagger 2.0 JSON, basePath /api + router mounted at /api: operation security, route without auth',
      filename: 'src/orders.ts',
      code: `import { Router } from 'express';
const router = Router();
router.post('/orders', (req, res) => res.status(201).end());
export default router;
`,
      files: { 'swagger.json': SECURED_20_JSON, 'src/app.ts': `import express from 'express';\nimport orders from './orders';\nconst app = express();\napp.use('/api', orders);\n` },
      errors: [
        {
          messageId: 'specRequiresAuth',
          message: 'POST /api/orders: swagger.json:7 requires apiKey for POST /orders, but nothing on the route authenticates (no middleware).',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 22,
          severity: 'error',
        },
      ],
    },
    {
      name: 'OAS 3.1: security: [] but a middleware authenticates the route (information)',
      code: `import express from 'express';
import passport from 'passport';
const app = express();
app.get('/health', passport.authenticate('jwt', { session: false }), (req, res) => res.json({ ok: true }));
`,
      files: { 'openapi.yaml': SECURED_30.replace('openapi: 3.0.3', 'openapi: 3.1.0') },
      errors: [
        {
          messageId: 'specAllowsAnonymous',
          message: "GET /health: openapi.yaml:10 lets anyone call GET /health (no security), but the route requires authentication (passport.authenticate('jwt', {…})): the spec or the code is wrong.",
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 18,
          severity: 'info',
        },
      ],
    },
  ],
});
