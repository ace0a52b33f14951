// The Express model: apps, routers mounted across files (ESM and CommonJS), prefixes, middleware order and scope,
// route() chains, middleware arrays, routers built by functions, functions given the app, express-unless.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { inventory, modelOf } from './support';

describe('Express routes across files', () => {
  it('nested routers mounted through imports, index re-exports and require, with every prefix', () => {
    assert.deepEqual(
      inventory({
        'src/app.ts': `import express from 'express';
import api from './routes';
const app = express();
app.use('/api/v1', api);
`,
        'src/routes/index.ts': `import { Router } from 'express';
import { users } from './users';
const router = Router();
router.use('/users', users);
router.use('/orders', require('./orders'));
export default router;
`,
        'src/routes/users.ts': `import express from 'express';
export const users = express.Router();
users.get('/', (req, res) => res.json([]));
users.get('/:id', (req, res) => res.json({}));
`,
        'src/routes/orders.js': `const { Router } = require('express');
const router = Router({ mergeParams: true });
router.post('/', function create(req, res) { res.end(); });
module.exports = router;
`,
      }),
      [
        'GET /api/v1/users routes/users.ts:3 none',
        'GET /api/v1/users/:id routes/users.ts:4 none',
        'POST /api/v1/orders routes/orders.js:3 none',
      ].sort().map((line) => line.replace(' routes/', ' src/routes/')),
    );
  });

  it('middleware order: a use() protects what comes after it, in the app and inside a router', () => {
    assert.deepEqual(
      inventory({
        'app.js': `const express = require('express');
const passport = require('passport');
const app = express();
app.get('/before', (req, res) => res.end());
app.use(passport.authenticate('jwt'));
app.get('/after', (req, res) => res.end());
const router = express.Router();
router.get('/open', (req, res) => res.end());
router.use(passport.authenticate('basic'));
router.get('/closed', (req, res) => res.end());
app.use('/r', router);
`,
      }),
      [
        "GET /after app.js:6 authenticated by passport.authenticate('jwt')",
        'GET /before app.js:4 none',
        "GET /r/closed app.js:10 authenticated by passport.authenticate('jwt')",
        "GET /r/open app.js:8 authenticated by passport.authenticate('jwt')",
      ],
    );
  });

  it('path-scoped middleware covers its prefix only (segments, not characters)', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
import passport from 'passport';
const app = express();
app.use('/api', passport.authenticate('jwt'));
app.get('/api/items', (req, res) => res.end());
app.get('/apiary', (req, res) => res.end());
app.get('/', (req, res) => res.end());
`,
      }),
      [
        'GET / app.ts:7 none',
        "GET /api/items app.ts:5 authenticated by passport.authenticate('jwt')",
        'GET /apiary app.ts:6 none',
      ],
    );
  });

  it('route() chains, middleware arrays and route-level middleware', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
import passport from 'passport';
const app = express();
const guard = [passport.authenticate('jwt'), express.json()];
app.route('/items/:id')
  .get((req, res) => res.end())
  .put(guard, (req, res) => res.end());
app.post('/items', [express.json(), passport.authenticate('jwt')], (req, res) => res.end());
`,
      }),
      [
        "POST /items app.ts:8 authenticated by passport.authenticate('jwt')",
        'GET /items/:id app.ts:6 none',
        "PUT /items/:id app.ts:7 authenticated by passport.authenticate('jwt')",
      ].sort(),
    );
  });

  it('routers built and returned by a function, and functions given the app', () => {
    assert.deepEqual(
      inventory({
        'server.js': `const express = require('express');
const passport = require('passport');
const buildAdmin = require('./admin');
const app = express();
require('./public-routes')(app);
app.use(passport.authenticate('session'));
app.use('/admin', buildAdmin({ verbose: true }));
`,
        'admin.js': `const { Router } = require('express');
module.exports = function buildAdmin(options) {
  const router = Router();
  router.delete('/users/:id', (req, res) => res.end());
  return router;
};
`,
        'public-routes.js': `module.exports = (app) => {
  app.get('/catalog', (req, res) => res.end());
};
`,
      }),
      [
        "DELETE /admin/users/:id admin.js:4 authenticated by passport.authenticate('session')",
        'GET /catalog public-routes.js:2 none',
      ],
    );
  });

  it('a router nobody mounts, and a computed path, are said to be unknown or partly known', () => {
    const { routes } = modelOf({
      'orphan.ts': `import { Router } from 'express';
const prefix = process.env.PREFIX;
export const orphan = Router();
orphan.post('/things', (req, res) => res.end());
orphan.get(\`/\${prefix}/x\`, (req, res) => res.end());
`,
    });
    assert.deepEqual(
      routes.map((route) => [route.method, route.path, route.auth.status, route.notes]),
      [
        ['POST', '/things', 'unknown', ['orphan is not mounted on an app anywhere in the workspace']],
        ['GET', '/*/x', 'unknown', ['part of the path is computed; shown as *', 'orphan is not mounted on an app anywhere in the workspace']],
      ],
    );
  });

  it('express-unless exceptions: the excepted paths are not covered', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
import passport from 'passport';
const app = express();
app.use(passport.authenticate('jwt').unless({ path: ['/signup', { url: '/catalog' }] }));
app.get('/catalog', (req, res) => res.end());
app.get('/orders', (req, res) => res.end());
`,
      }),
      ['GET /catalog app.ts:5 none', "GET /orders app.ts:6 authenticated by passport.authenticate('jwt')"],
    );
  });

  it('the chain lists what a request meets, outermost first, and the mounts with their places', () => {
    const { routes } = modelOf({
      'app.ts': `import express from 'express';
import cors from 'cors';
import users from './users';
const app = express();
app.use(cors());
app.use('/api', express.json(), users);
`,
      'users.ts': `import { Router } from 'express';
const router = Router();
router.use(express.urlencoded());
router.delete('/:id', (req, res) => res.end());
export default router;
`,
    });
    assert.equal(routes.length, 1);
    assert.deepEqual(routes[0]!.chain.map((link) => link.name), ['cors()', 'express.json()', 'express.urlencoded()']);
    assert.deepEqual(routes[0]!.mounts.map((mount) => `${mount.path} ${mount.at.filePath.split('/').pop()}:${mount.at.line + 1}`), ['/api app.ts:6']);
  });

  it('names listed in auth.middleware authenticate; public routes from auth.publicRoutes', () => {
    assert.deepEqual(
      inventory(
        {
          'app.ts': `import express from 'express';
import { gate } from './gate';
const app = express();
app.post('/hooks/stripe', (req, res) => res.end());
app.post('/items', gate, (req, res) => res.end());
`,
          'gate.ts': 'export const gate = (req: any, res: any, next: any) => next();\n',
        },
        { middleware: ['gate'], publicRoutes: ['POST /hooks/*'] },
      ),
      ['POST /hooks/stripe app.ts:4 public (listed in apiguard.json "auth.publicRoutes" (POST /hooks/*))', 'POST /items app.ts:5 authenticated by gate'],
    );
  });

  it('optional authentication (passport with the anonymous strategy) marks a route public by design', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
import passport from 'passport';
const app = express();
app.get('/articles', passport.authenticate(['jwt', 'anonymous'], { session: false }), (req, res) => res.end());
app.post('/articles', passport.authenticate('jwt', { session: false }), (req, res) => res.end());
`,
      }),
      [
        "GET /articles app.ts:4 public (authentication is optional here (passport.authenticate(['jwt', 'anonymous'], {…})): it serves signed-out callers by design)",
        "POST /articles app.ts:5 authenticated by passport.authenticate('jwt', {…})",
      ],
    );
  });

  it('containers never stored in a variable: Router().use(a).use(b) and export default Router().use(path, api)', () => {
    assert.deepEqual(
      inventory({
        'main.ts': `import express from 'express';
import routes from './routes';
const app = express();
app.use(routes);
`,
        'routes.ts': `import { Router } from 'express';
import tags from './tags';
const api = Router().use(tags);
export default Router().use('/api', api);
`,
        'tags.ts': `import { Router } from 'express';
const router = Router();
router.get('/tags', (req, res) => res.end());
export default router;
`,
      }),
      ['GET /api/tags tags.ts:3 none'],
    );
  });

  it('REST generators (finale): resources over a constant model list, guarded per method and path before them', () => {
    const { routes, index } = modelOf({
      'server.ts': `import express from 'express';
import passport from 'passport';
import * as finale from 'finale-rest';
const app = express();
app.get('/api/Users', passport.authenticate('jwt'));
app.use('/api/Users/:id', passport.authenticate('jwt'));
finale.initialize({ app, sequelize });
const models = [{ name: 'User', model: UserModel }, { name: 'Product', model: ProductModel }];
for (const { name, model } of models) {
  finale.resource({ model, endpoints: [\`/api/\${name}s\`, \`/api/\${name}s/:id\`] });
}
finale.resource({ model: Dynamic, endpoints: computeEndpoints() });
`,
    });
    assert.deepEqual(
      routes.map((route) => `${route.method} ${route.path} ${route.handler} ${route.auth.status}`),
      [
        'GET /api/Users finale.resource(User) list authenticated',
        'POST /api/Users finale.resource(User) create public',
        'GET /api/Users/:id finale.resource(User) read authenticated',
        'PUT /api/Users/:id finale.resource(User) update authenticated',
        'PATCH /api/Users/:id finale.resource(User) update authenticated',
        'DELETE /api/Users/:id finale.resource(User) delete authenticated',
        'GET /api/Products finale.resource(Product) list none',
        'POST /api/Products finale.resource(Product) create none',
        'GET /api/Products/:id finale.resource(Product) read none',
        'PUT /api/Products/:id finale.resource(Product) update none',
        'PATCH /api/Products/:id finale.resource(Product) update none',
        'DELETE /api/Products/:id finale.resource(Product) delete none',
      ],
    );
    const summary = index.summaryOf('/workspace/server.ts')!;
    assert.deepEqual(summary.unmodelled.map((entry) => `${entry.what} (line ${entry.at.line + 1})`), [
      'finale.resource: a generated REST resource whose app or endpoints are not constants (line 12)',
    ]);
  });

  it('a handler that forwards its error with next(err) is still a handler; one that calls next() guards', () => {
    assert.deepEqual(
      inventory({
        'app.js': `const express = require('express');
const app = express();
app.get('/items', async (req, res, next) => { try { res.json(await load()); } catch (error) { next(error); } });
app.get('/orders', function gate(req, res, next) { if (req.get('x-key') !== process.env.KEY) return res.sendStatus(401); next(); });
app.get('/orders', (req, res) => res.json([]));
`,
      }),
      ['GET /items app.js:3 none', 'GET /orders app.js:5 authenticated by gate'],
    );
  });

  it('mounts registered in a loop over a constant list (forEach and for…of)', () => {
    assert.deepEqual(
      inventory({
        'app.js': `const express = require('express');
const routes = require('./routes');
const app = express();
app.use('/v1', routes);
`,
        'routes.js': `const express = require('express');
const passport = require('passport');
const authRoute = require('./auth.route');
const userRoute = require('./user.route');
const router = express.Router();
const defaultRoutes = [
  { path: '/auth', route: authRoute },
  { path: '/users', route: userRoute, guard: passport.authenticate('jwt') },
];
defaultRoutes.forEach((route) => {
  router.use(route.path, route.route);
});
for (const { path, guard } of defaultRoutes) router.use(path + '/me', guard);
module.exports = router;
`,
        'auth.route.js': "const router = require('express').Router();\nrouter.post('/login', (req, res) => res.end());\nmodule.exports = router;\n",
        'user.route.js': "const router = require('express').Router();\nrouter.get('/', (req, res) => res.end());\nmodule.exports = router;\n",
      }),
      ['GET /v1/users user.route.js:2 none', 'POST /v1/auth/login auth.route.js:2 public (login endpoint)'],
    );
  });

  it('a library middleware registered alone on a route is the endpoint (an OAuth start), listed once', () => {
    assert.deepEqual(
      inventory({
        'app.js': `const express = require('express');
const passport = require('passport');
const app = express();
app.get('/auth/google', passport.authenticate('google', { scope: ['email'] }));
app.get('/auth/tumblr', passport.authorize('tumblr'));
app.get('/me', passport.authenticate('session'));
app.get('/me', (req, res) => res.json(req.user));
`,
      }),
      [
        "GET /auth/google app.js:4 authenticated by passport.authenticate('google', {…})",
        "GET /auth/tumblr app.js:5 authenticated by passport.authorize('tumblr')",
        "GET /me app.js:7 authenticated by passport.authenticate('session')",
      ],
    );
  });

  it('registrations on an app imported from another file join that app, after its own', () => {
    assert.deepEqual(
      inventory({
        'src/app.ts': "import express from 'express';\nconst app = express();\napp.use(express.json());\nexport default app;\n",
        'src/index.ts': "import app from './app';\nimport passport from 'passport';\nimport admin from './admin';\napp.use('/admin', passport.authenticate('jwt'));\napp.use('/admin', admin);\napp.get('/status', (req, res) => res.end());\napp.listen(3000);\n",
        'src/admin.ts': "import { Router } from 'express';\nconst router = Router();\nrouter.delete('/users/:id', (req, res) => res.end());\nexport default router;\n",
      }),
      ["DELETE /admin/users/:id src/admin.ts:3 authenticated by passport.authenticate('jwt')", 'GET /status src/index.ts:6 public (health check)'],
    );
  });

  it('a handler wrapped by an error-handling helper is judged by what it wraps', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
import { asyncHandler } from './utils';
import { updateProfile } from './profile';
const app = express();
app.post('/profile', asyncHandler(updateProfile()));
`,
        'utils.ts': 'export const asyncHandler = (fn: any) => (req: any, res: any, next: any) => Promise.resolve(fn(req, res, next)).catch(next);\n',
        'profile.ts': `export function updateProfile() {
  return async (req: any, res: any, next: any) => {
    const user = sessions.get(req.cookies.token);
    if (!user) return res.status(401).end();
    res.json(await save(user, req.body));
  };
}
`,
      }),
      ["POST /profile app.ts:5 authenticated by asyncHandler(updateProfile())"],
    );
  });

  it('precision traps: settings reads, Map/cache calls and non-Express objects are not routes', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import express from 'express';
const app = express();
const env = app.get('env');
const cache = new Map<string, () => void>();
cache.set('/x', () => {});
const client = { get: (url: string, cb: () => void) => cb() };
client.get('/remote', () => {});
export const configFactory = (configService: any) => ({ port: configService.get('app.port', { infer: true }) });
`,
      }),
      [],
    );
  });
});
