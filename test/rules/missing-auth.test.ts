// missing-auth: routes across files, judged from the workspace's API model. Each case is a small project: the
// file under test is `code` (src/app.ts unless `filename` says otherwise) and the rest are `files`.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { missingAuth } from '../../rules/missing-auth';
import { runCase, runRuleTests } from '../support/rule-tester';
import { typeCheckFiles } from '../support/type-check';
import { Engine } from '../../server/engine/analyzer';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { parseConfig } from '../../server/engine/config';

const PACKAGE = '{ "name": "fixture", "private": true }\n';

/** An app that mounts two routers; the users router authenticates every route with passport. */
const APP_WITH_ROUTERS = `import express from 'express';
import usersRouter from './routes/users';
import ordersRouter from './routes/orders';

const app = express();
app.use(express.json());
app.use('/api/users', usersRouter);
app.use('/api/orders', ordersRouter);
export default app;
`;

const USERS_ROUTER = `import { Router } from 'express';
import passport from 'passport';

const router = Router();
router.get('/', passport.authenticate('jwt', { session: false }), (req, res) => res.json([]));
router.post('/', passport.authenticate('jwt', { session: false }), (req, res) => res.status(201).end());
export default router;
`;

runRuleTests(missingAuth, {
  valid: [
    {
      name: 'every route of a router mounted behind app-level authentication in another file',
      filename: 'src/routes/orders.ts',
      code: `import { Router } from 'express';
const router = Router();
router.post('/', (req, res) => res.status(201).end());
router.delete('/:id', (req, res) => res.status(204).end());
export default router;
`,
      files: {
        'src/app.ts': `import express from 'express';
import passport from 'passport';
import ordersRouter from './routes/orders';
const app = express();
app.use(passport.authenticate('jwt', { session: false }));
app.use('/api/orders', ordersRouter);
`,
      },
    },
    {
      name: 'prefix-scoped authentication covers the routers mounted under that prefix',
      filename: 'src/routes/orders.ts',
      code: `import { Router } from 'express';
const router = Router();
router.post('/', (req, res) => res.status(201).end());
export default router;
`,
      files: {
        'src/app.ts': `import express from 'express';
import passport from 'passport';
import ordersRouter from './routes/orders';
const app = express();
app.use('/api', passport.authenticate('jwt'));
app.use('/api/orders', ordersRouter);
`,
      },
    },
    {
      name: 'authentication on the mount itself (app.use(path, auth, router))',
      filename: 'src/routes/orders.js',
      code: `const express = require('express');
const router = express.Router();
router.post('/', function (req, res) { res.status(201).end(); });
module.exports = router;
`,
      files: {
        'src/app.js': `const express = require('express');
const passport = require('passport');
const app = express();
app.use('/api/orders', passport.authenticate('jwt'), require('./routes/orders'));
`,
      },
    },
    {
      name: 'a function given the app registers its routes after app-level authentication',
      filename: 'src/routes/legacy.js',
      code: `module.exports = function (app) {
  app.delete('/legacy/:id', function (req, res) { res.end(); });
};
`,
      files: {
        'src/app.js': `const express = require('express');
const passport = require('passport');
const app = express();
app.use(passport.authenticate('session'));
require('./routes/legacy')(app);
`,
      },
    },
    {
      name: 'public by design: login, register, password reset, OAuth callbacks, health',
      code: `import express from 'express';
const app = express();
app.post('/auth/login', (req, res) => res.end());
app.get('/health', (req, res) => res.end());
`,
    },
    {
      name: 'a route marked public with a reason',
      code: `import express from 'express';
const app = express();
// apiguard-public -- the newsletter form is for signed-out visitors
app.post('/newsletter', (req, res) => res.end());
`,
    },
    {
      name: 'routes listed in apiguard.json auth.publicRoutes',
      auth: { publicRoutes: ['POST /webhooks/*', 'GET /status'] },
      code: `import express from 'express';
const app = express();
app.post('/webhooks/stripe', (req, res) => res.end());
app.get('/status', (req, res) => res.end());
`,
    },
    {
      name: 'the project middleware named in apiguard.json auth.middleware authenticates',
      auth: { middleware: ['checkApiKey'] },
      code: `import express from 'express';
import { checkApiKey } from './keys';
const app = express();
app.post('/items', checkApiKey, (req, res) => res.end());
`,
      files: { 'src/keys.ts': 'export function checkApiKey(req: any, res: any, next: any) { next(); }\n' },
    },
    {
      name: 'a router mounted nowhere the index has seen is not judged (its mount may be generated)',
      code: `import { Router } from 'express';
const router = Router();
router.delete('/:id', (req, res) => res.end());
export default router;
`,
    },
    {
      name: 'a test that mounts the router on a bare app does not make its routes unauthenticated',
      filename: 'src/routes/orders.ts',
      code: `import { Router } from 'express';
const router = Router();
router.post('/', (req, res) => res.status(201).end());
export default router;
`,
      files: {
        'src/app.ts': "import express from 'express';\nimport passport from 'passport';\nimport orders from './routes/orders';\nconst app = express();\napp.use('/orders', passport.authenticate('jwt'), orders);\n",
        'test/orders.test.ts': "import express from 'express';\nimport orders from '../src/routes/orders';\nconst app = express();\napp.use('/orders', orders);\n",
      },
    },
    {
      name: 'routes an app builds inside a test file are not the product API',
      filename: 'src/orders.spec.ts',
      code: `import express from 'express';
const app = express();
app.post('/orders', (req, res) => res.status(201).end());
`,
    },
    {
      name: 'a Map or cache get/set is not a route',
      code: `import express from 'express';
const app = express();
const cache = new Map<string, string>();
cache.set('/x', 'y');
const settings = app.get('env');
`,
    },
  ],
  invalid: [
    {
      name: 'an unauthenticated DELETE in a single-file app: error, with the chain examined',
      code: `import express from 'express';

const app = express();
app.use(express.json());

app.delete('/api/users/:id', (req, res) => {
  res.status(204).end();
});
`,
      errors: [
        {
          messageId: 'missingAuth',
          message: 'DELETE /api/users/:id has no authentication: nothing on its path checks who is calling (middleware: express.json()).',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 28,
          severity: 'error',
        },
      ],
      output: `import express from 'express';

const app = express();
app.use(express.json());

// apiguard-public -- <reason>
app.delete('/api/users/:id', (req, res) => {
  res.status(204).end();
});
`,
    },
    {
      name: 'a route in a mounted router that skips the middleware its neighbours use: the fix adds it',
      filename: 'src/routes/users.ts',
      code: `import { Router } from 'express';
import passport from 'passport';

const router = Router();
router.get('/', passport.authenticate('jwt', { session: false }), (req, res) => res.json([]));
router.delete('/:id', (req, res) => res.status(204).end());
export default router;
`,
      files: { 'src/app.ts': APP_WITH_ROUTERS, 'src/routes/orders.ts': "import { Router } from 'express';\nexport default Router();\n" },
      errors: [
        {
          messageId: 'missingAuth',
          message: 'DELETE /api/users/:id has no authentication: nothing on its path checks who is calling (mounted at /api/users via app.ts:7; middleware: express.json()).',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 21,
          severity: 'error',
        },
      ],
      output: `import { Router } from 'express';
import passport from 'passport';

const router = Router();
router.get('/', passport.authenticate('jwt', { session: false }), (req, res) => res.json([]));
router.delete('/:id', passport.authenticate('jwt', { session: false }), (req, res) => res.status(204).end());
export default router;
`,
    },
    {
      name: 'the fix imports the middleware a sibling router uses (ESM)',
      filename: 'src/routes/orders.ts',
      code: `import { Router } from 'express';

const router = Router();
router.post('/', (req, res) => res.status(201).end());
export default router;
`,
      files: { 'src/app.ts': APP_WITH_ROUTERS, 'src/routes/users.ts': USERS_ROUTER },
      errors: [
        {
          messageId: 'missingAuth',
          message: 'POST /api/orders has no authentication: nothing on its path checks who is calling (mounted at /api/orders via app.ts:8; middleware: express.json()).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 16,
          severity: 'error',
        },
      ],
      output: `import { Router } from 'express';
import passport from 'passport';

const router = Router();
router.post('/', passport.authenticate('jwt', { session: false }), (req, res) => res.status(201).end());
export default router;
`,
    },
    {
      name: 'the fix requires a project middleware from another folder (CommonJS)',
      filename: 'src/routes/orders.js',
      auth: { middleware: ['requireLogin'] },
      code: `const express = require('express');
const router = express.Router();
router.post('/', function (req, res) { res.status(201).end(); });
module.exports = router;
`,
      files: {
        'src/app.js': `const express = require('express');
const app = express();
app.use('/api/users', require('./routes/users'));
app.use('/api/orders', require('./routes/orders'));
`,
        'src/routes/users.js': `const express = require('express');
const { requireLogin } = require('../middleware/auth');
const router = express.Router();
router.get('/', requireLogin, function (req, res) { res.json([]); });
module.exports = router;
`,
        'src/middleware/auth.js': 'exports.requireLogin = function (req, res, next) { next(); };\n',
      },
      errors: [
        {
          messageId: 'missingAuth',
          message: 'POST /api/orders has no authentication: nothing on its path checks who is calling (mounted at /api/orders via app.js:4; no middleware).',
          line: 3,
          column: 1,
          endLine: 3,
          endColumn: 16,
          severity: 'error',
        },
      ],
      output: `const express = require('express');
const { requireLogin } = require('../middleware/auth');
const router = express.Router();
router.post('/', requireLogin, function (req, res) { res.status(201).end(); });
module.exports = router;
`,
    },
    {
      name: 'order matters: app.use(auth) after a route does not protect it',
      code: `import express from 'express';
import passport from 'passport';
const app = express();
app.post('/orders', (req, res) => res.end());
app.use(passport.authenticate('jwt'));
app.post('/invoices', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'missingAuth',
          message: 'POST /orders has no authentication: nothing on its path checks who is calling (no middleware).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 19,
          severity: 'error',
        },
      ],
      output: `import express from 'express';
import passport from 'passport';
const app = express();
app.post('/orders', passport.authenticate('jwt'), (req, res) => res.end());
app.use(passport.authenticate('jwt'));
app.post('/invoices', (req, res) => res.end());
`,
    },
    {
      name: 'prefix-scoped authentication does not cover other prefixes',
      code: `import express from 'express';
import passport from 'passport';
const app = express();
app.use('/admin', passport.authenticate('jwt'));
app.get('/admin/stats', (req, res) => res.end());
app.put('/administrators/:id', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'adminWithoutRole',
          message: "GET /admin/stats looks administrative but is only authenticated (passport.authenticate('jwt')): no role or permission check is on its path.",
          line: 5,
          column: 1,
          endLine: 5,
          endColumn: 23,
          severity: 'info',
        },
        {
          messageId: 'missingAuth',
          message: 'PUT /administrators/:id has no authentication: nothing on its path checks who is calling (no middleware).',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 30,
          severity: 'error',
        },
      ],
    },
    {
      name: 'reads: warning for user data, information for the rest; route() chains report each method',
      code: `import express from 'express';
const app = express();
app.route('/products/:id').get((req, res) => res.end()).delete((req, res) => res.end());
app.get('/users/:id', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'missingAuth',
          message: 'GET /products/:id has no authentication: nothing on its path checks who is calling (no middleware).',
          line: 3,
          column: 28,
          endLine: 3,
          endColumn: 31,
          severity: 'info',
        },
        {
          messageId: 'missingAuth',
          message: 'DELETE /products/:id has no authentication: nothing on its path checks who is calling (no middleware).',
          line: 3,
          column: 57,
          endLine: 3,
          endColumn: 63,
          severity: 'error',
        },
        {
          messageId: 'missingAuth',
          message: 'GET /users/:id has no authentication: nothing on its path checks who is calling (no middleware).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 21,
          severity: 'warning',
        },
      ],
    },
    {
      name: 'NestJS: the fix adds the guard the other controllers use, importing it and UseGuards',
      filename: 'src/orders.controller.ts',
      code: `import { Controller, Delete, Param } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Delete(':id')
  remove(@Param('id') id: string) {
    return id;
  }
}
`,
      files: {
        'src/main.ts': "import { NestFactory } from '@nestjs/core';\nimport { AppModule } from './app.module';\nasync function bootstrap() {\n  const app = await NestFactory.create(AppModule);\n  await app.listen(3000);\n}\nbootstrap();\n",
        'src/users.controller.ts': `import { Controller, Get, Post, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from './auth/jwt.guard';

@Controller('users')
export class UsersController {
  @UseGuards(JwtAuthGuard)
  @Get()
  list() { return []; }

  @UseGuards(JwtAuthGuard)
  @Post()
  create() { return {}; }
}
`,
        'src/auth/jwt.guard.ts': "import { Injectable } from '@nestjs/common';\nimport { AuthGuard } from '@nestjs/passport';\n@Injectable()\nexport class JwtAuthGuard extends AuthGuard('jwt') {}\n",
      },
      errors: [
        {
          messageId: 'missingAuth',
          message: 'DELETE /orders/:id has no authentication: nothing on its path checks who is calling (no guard or middleware).',
          line: 5,
          column: 3,
          endLine: 5,
          endColumn: 17,
          severity: 'error',
        },
      ],
      output: `import { Controller, Delete, Param, UseGuards } from '@nestjs/common';
import { JwtAuthGuard } from './auth/jwt.guard';

@Controller('orders')
export class OrdersController {
  @UseGuards(JwtAuthGuard)
  @Delete(':id')
  remove(@Param('id') id: string) {
    return id;
  }
}
`,
    },
    {
      name: 'the chain names middleware without quoting option values (a session secret stays out of the message)',
      code: `import express from 'express';
import session from 'express-session';
const app = express();
app.use(session({ secret: 'keyboard cat', resave: false }));
app.use(express.json({ limit: '1mb' }));
app.post('/notes', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'missingAuth',
          message: 'POST /notes has no authentication: nothing on its path checks who is calling (middleware: session({…}), express.json({…})).',
          line: 6,
          column: 1,
          endLine: 6,
          endColumn: 18,
          severity: 'error',
        },
      ],
    },
    {
      name: 'a middleware that redirects without returning protects nothing: the message says why',
      filename: 'src/routes/account.ts',
      code: `import { Router } from 'express';
import { requireSession } from '../middleware/session';
export const account = Router();
account.post('/delete', requireSession, (req, res) => res.status(204).end());
`,
      files: {
        'src/app.ts': "import express from 'express';\nimport { account } from './routes/account';\nconst app = express();\napp.use('/account', account);\n",
        'src/middleware/session.ts': `export function requireSession(req: any, res: any, next: any) {
  if (!req.session.userId) {
    res.redirect('/login');
  }
  next();
}
`,
      },
      errors: [
        {
          messageId: 'fallsThrough',
          message: 'POST /account/delete is not protected: requireSession redirects to /login without returning, so next() still runs (mounted at /account via app.ts:4; middleware: requireSession).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 23,
          severity: 'error',
        },
      ],
    },
    {
      name: 'project middleware recognised by what it does (no configuration): the fix imports it from its file',
      filename: 'src/routes/notes.ts',
      code: `import { Router } from 'express';

export const notes = Router();
notes.delete('/:id', (req, res) => res.status(204).end());
`,
      files: {
        'src/app.ts': "import express from 'express';\nimport { notes } from './routes/notes';\nimport { files } from './routes/files';\nconst app = express();\napp.use('/notes', notes);\napp.use('/files', files);\n",
        'src/routes/files.ts': "import { Router } from 'express';\nimport { checkToken } from '../auth/check-token';\nexport const files = Router();\nfiles.get('/', checkToken, (req, res) => res.json([]));\n",
        'src/auth/check-token.ts': `import jwt from 'jsonwebtoken';
export function checkToken(req: any, res: any, next: any) {
  const token = req.headers.authorization?.replace('Bearer ', '');
  if (!token) return res.status(401).json({ error: 'no token' });
  try {
    req.user = jwt.verify(token, process.env.JWT_SECRET!);
    next();
  } catch {
    res.status(401).json({ error: 'bad token' });
  }
}
`,
      },
      errors: [
        {
          messageId: 'missingAuth',
          message: 'DELETE /notes/:id has no authentication: nothing on its path checks who is calling (mounted at /notes via app.ts:5; no middleware).',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 20,
          severity: 'error',
        },
      ],
      output: `import { Router } from 'express';
import { checkToken } from '../auth/check-token';

export const notes = Router();
notes.delete('/:id', checkToken, (req, res) => res.status(204).end());
`,
    },
    {
      name: 'a public marker without a reason is a warning until one is written',
      code: `import express from 'express';
const app = express();
// apiguard-public -- <reason>
app.post('/orders', (req, res) => res.end());
`,
      errors: [
        {
          messageId: 'publicWithoutReason',
          message: 'POST /orders is marked public without a reason: say why it needs no authentication after "--".',
          line: 4,
          column: 1,
          endLine: 4,
          endColumn: 19,
          severity: 'warning',
        },
      ],
    },
  ],
});

describe('missing-auth: fixes type-check', () => {
  it('the added middleware and its import compile under strict TypeScript', () => {
    const run = runCase(missingAuth, {
      filename: 'src/routes/orders.ts',
      auth: { middleware: ['requireLogin'] },
      code: "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (req, res) => res.status(201).end());\nexport default router;\n",
      files: {
        'src/app.ts': "import express from 'express';\nimport users from './routes/users';\nimport orders from './routes/orders';\nconst app = express();\napp.use('/api/users', users);\napp.use('/api/orders', orders);\n",
        'src/routes/users.ts': "import { Router } from 'express';\nimport { requireLogin } from '../middleware/auth';\nconst router = Router();\nrouter.get('/', requireLogin, (req, res) => res.json([]));\nexport default router;\n",
        'src/middleware/auth.ts': "import type { Request, Response, NextFunction } from 'express';\nexport function requireLogin(req: Request, res: Response, next: NextFunction): void {\n  next();\n}\n",
      },
    });
    const finding = run.analysis.findings.find((f) => f.ruleId === 'missing-auth')!;
    assert.equal(finding.fixes[0]!.title, 'Add requireLogin to this route');
    const edits = finding.fixes[0]!.edits;
    let text = "import { Router } from 'express';\n\nconst router = Router();\nrouter.post('/', (req, res) => res.status(201).end());\nexport default router;\n";
    const lines = text.split('\n');
    const offsetOf = (p: { line: number; character: number }) => lines.slice(0, p.line).reduce((sum, l) => sum + l.length + 1, 0) + p.character;
    for (const edit of [...edits].sort((a, b) => offsetOf(b.range.start) - offsetOf(a.range.start))) {
      text = text.slice(0, offsetOf(edit.range.start)) + edit.newText + text.slice(offsetOf(edit.range.end));
    }
    assert.equal(text, "import { Router } from 'express';\nimport { requireLogin } from '../middleware/auth';\n\nconst router = Router();\nrouter.post('/', requireLogin, (req, res) => res.status(201).end());\nexport default router;\n");
    const diagnostics = typeCheckFiles({
      'express.d.ts': EXPRESS_STUB,
      'src/routes/orders.ts': text,
      'src/middleware/auth.ts': "import type { Request, Response, NextFunction } from 'express';\nexport function requireLogin(req: Request, res: Response, next: NextFunction): void {\n  next();\n}\n",
    });
    assert.deepEqual(diagnostics, []);
  });
});

describe('missing-auth: the model must be complete', () => {
  it('says nothing while the workspace is still being indexed', () => {
    const dir = path.join(require('node:os').tmpdir(), 'apiguard-incomplete');
    const filePath = path.join(dir, 'src/app.ts');
    const index = new WorkspaceIndex();
    const engine = new Engine({ rules: [missingAuth], workspaceRoots: [dir], apiIndex: index });
    const config = parseConfig(path.join(dir, 'apiguard.json'), '{}', [missingAuth]);
    const code = "import express from 'express';\nconst app = express();\napp.delete('/users/:id', (req, res) => res.end());\n";
    assert.deepEqual(engine.analyze(filePath, code, { config }).findings.map((f) => f.ruleId), []);
    index.markComplete();
    assert.deepEqual(engine.analyze(filePath, code, { config }).findings.map((f) => f.ruleId), ['missing-auth']);
  });
});

const EXPRESS_STUB = `declare module 'express' {
  export interface Request { body: unknown; params: Record<string, string> }
  export interface Response { status(code: number): Response; end(): void; json(body: unknown): void }
  export type NextFunction = (error?: unknown) => void;
  export type Handler = (req: Request, res: Response, next: NextFunction) => unknown;
  export interface Router { get(path: string, ...handlers: Handler[]): Router; post(path: string, ...handlers: Handler[]): Router }
  export function Router(): Router;
}
`;
void PACKAGE;
