// The Koa model: `@koa/router` and `koa-router` routers mounted across files (nested with `use(path, child.routes())`,
// `app.use(router.routes())`, koa-mount), prefixes (constructor and `router.prefix()`), named routes, middleware
// order in the app and in routers, path-scoped router middleware, and calls that only look like routes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { inventory, modelOf } from './support';

describe('Koa routes across files', () => {
  it('routers nested through imports and require, with constructor prefixes, router.prefix() and koa-mount', () => {
    const files = {
      'src/app.js': `const Koa = require('koa');
const mount = require('koa-mount');
const api = require('./routes');
const admin = require('./admin');
const app = new Koa();
app.use(api.routes()).use(api.allowedMethods());
app.use(mount('/admin', admin.routes()));
`,
      'src/routes/index.js': `const Router = require('@koa/router');
const users = require('./users');
const router = new Router({ prefix: '/api' });
router.use('/users', users.routes(), users.allowedMethods());
router.get('/echo', async (ctx) => { ctx.body = ctx.query; });
module.exports = router;
`,
      'src/routes/users.ts': `import Router from 'koa-router';
const users = new Router();
users.prefix('/v1');
users.get('/', async (ctx) => { ctx.body = []; });
users.get('user', '/:id', async (ctx) => { ctx.body = {}; });
users.del('/:id', async (ctx) => { ctx.status = 204; });
export default users;
`,
      'src/admin.ts': `import Router from '@koa/router';
const admin = new Router();
admin.post('/reindex', async (ctx) => { ctx.status = 202; });
export = admin;
`,
    };
    assert.deepEqual(inventory(files), [
      'DELETE /api/users/v1/:id src/routes/users.ts:6 none',
      'GET /api/echo src/routes/index.js:5 none',
      'GET /api/users/v1 src/routes/users.ts:4 none',
      'GET /api/users/v1/:id src/routes/users.ts:5 none',
      'POST /admin/reindex src/admin.ts:3 none',
    ]);
    const { routes } = modelOf(files);
    assert.deepEqual([...new Set(routes.map((route) => route.framework))], ['koa']);
  });

  it('app.use(jwt(…)) before app.use(router.routes()) covers the router; a router use() covers only what follows it', () => {
    const files = {
      'server.ts': `import Koa from 'koa';
import jwt from 'koa-jwt';
import { publicRouter } from './public';
import { privateRouter } from './private';
const app = new Koa();
app.use(publicRouter.routes());
app.use(jwt({ secret: process.env.JWT_SECRET! }));
app.use(privateRouter.routes());
`,
      'public.ts': `import Router from '@koa/router';
export const publicRouter = new Router();
publicRouter.post('/feedback', async (ctx) => { ctx.status = 201; });
`,
      'private.ts': `import Router from '@koa/router';
import passport from 'passport';
export const privateRouter = new Router({ prefix: '/me' });
privateRouter.get('/', async (ctx) => { ctx.body = ctx.state.user; });
privateRouter.use('/admin', passport.authenticate('admin'));
privateRouter.get('/admin/users', async (ctx) => { ctx.body = []; });
privateRouter.get('/administrators', async (ctx) => { ctx.body = []; });
`,
    };
    assert.deepEqual(inventory(files), [
      "GET /me private.ts:4 authenticated by jwt({…})",
      "GET /me/admin/users private.ts:6 authenticated by jwt({…})",
      "GET /me/administrators private.ts:7 authenticated by jwt({…})",
      'POST /feedback public.ts:3 none',
    ]);
    const { routes } = modelOf(files);
    const admin = routes.find((route) => route.path === '/me/admin/users')!;
    assert.equal(admin.auth.status === 'authenticated' && admin.auth.by.how, 'koa-jwt (library)');
    assert.deepEqual(admin.chain.map((link) => link.name), ['jwt({…})', "passport.authenticate('admin')"]);
    const administrators = routes.find((route) => route.path === '/me/administrators')!;
    assert.deepEqual(administrators.chain.map((link) => link.name), ['jwt({…})']);
  });

  it('route-level middleware, a use() after a route, and a public marker', () => {
    const files = {
      'app.js': `const Koa = require('koa');
const Router = require('@koa/router');
const passport = require('passport');
const router = new Router();
router.get('/orders', passport.authenticate('jwt', { session: false }), async (ctx) => { ctx.body = []; });
router.post('/orders', async (ctx) => { ctx.status = 201; });
// apiguard-public -- the storefront lists products to anyone
router.get('/products', async (ctx) => { ctx.body = []; });
router.use(passport.authenticate('jwt'));
const app = new Koa();
app.use(router.routes());
`,
    };
    assert.deepEqual(inventory(files), [
      'GET /orders app.js:5 authenticated by passport.authenticate(\'jwt\', {…})',
      'GET /products app.js:8 public (marked public: the storefront lists products to anyone)',
      'POST /orders app.js:6 none',
    ]);
    const orders = modelOf(files).routes.find((route) => route.method === 'GET' && route.path === '/orders')!;
    assert.equal(orders.auth.status === 'authenticated' && orders.auth.by.name, "passport.authenticate('jwt', {…})");
    assert.equal(orders.declaredAt.line, 4);
  });

  it('functions given a router register on it where they are called (require(...).register(router), module.exports = router.routes())', () => {
    const files = {
      'app.js': `const Koa = require('koa');
const mount = require('koa-mount');
const passport = require('passport');
const users = require('./resources/users');
const app = new Koa();
app.use(mount('/catalog', require('./resources/catalog')));
app.use(passport.authenticate('jwt'));
app.use(mount('/users', users));
`,
      'resources/catalog/index.js': `const Router = require('@koa/router');
const router = new Router();
router.get('/', (ctx) => { ctx.status = 200; });
module.exports = router.routes();
`,
      'resources/users/index.js': `const Router = require('@koa/router');
const passport = require('passport');
const router = new Router();
require('./list').register(router);
router.use(passport.authenticate('admin'));
require('./remove').register(router);
module.exports = router.routes();
`,
      'resources/users/list.js': `const handler = async (ctx) => { ctx.body = []; };
module.exports.register = (router) => {
  router.get('/', handler);
};
`,
      'resources/users/remove.js': `module.exports.register = (router) => {
  router.delete('/:id', async (ctx) => { ctx.status = 204; });
};
`,
    };
    assert.deepEqual(inventory(files), [
      "DELETE /users/:id resources/users/remove.js:2 authenticated by passport.authenticate('jwt')",
      'GET /catalog resources/catalog/index.js:3 none',
      "GET /users resources/users/list.js:3 authenticated by passport.authenticate('jwt')",
    ]);
    const remove = modelOf(files).routes.find((route) => route.method === 'DELETE')!;
    assert.deepEqual(remove.chain.map((link) => link.name), ["passport.authenticate('jwt')", "passport.authenticate('admin')"]);
    assert.equal(remove.framework, 'koa');
  });

  it('chained registration on a router, with a public marker on one link of the chain', () => {
    const files = {
      'app.ts': `import Koa from 'koa';
import Router from '@koa/router';
import passport from 'passport';
const router = new Router();
router
  .get('/catalog', async (ctx) => { ctx.body = []; })
  // apiguard-public -- search is open to visitors
  .get('/search', async (ctx) => { ctx.body = []; })
  .use(passport.authenticate('jwt'))
  .post('/catalog', async (ctx) => { ctx.status = 201; });
const app = new Koa();
app.use(router.routes());
`,
    };
    assert.deepEqual(inventory(files), [
      'GET /catalog app.ts:6 none',
      'GET /search app.ts:8 public (marked public: search is open to visitors)',
      "POST /catalog app.ts:10 authenticated by passport.authenticate('jwt')",
    ]);
  });

  it('calls that look like routes but are not: Map and cache get, ctx.cookies.get, a path with no handler, an unmounted router', () => {
    const files = {
      'app.ts': `import Koa from 'koa';
import Router from '@koa/router';
const cache = new Map<string, string>();
const router = new Router();
router.get('/only-a-path');
router.get('/items', async (ctx) => {
  const token = ctx.cookies.get('token');
  ctx.body = cache.get(String(token));
});
const app = new Koa();
app.use(router.routes());
app.get = () => undefined;
`,
      'orphan.ts': `import Router from '@koa/router';
const orphan = new Router();
orphan.put('/lost', async (ctx) => { ctx.status = 204; });
`,
    };
    assert.deepEqual(inventory(files), [
      'GET /items app.ts:6 none',
      'PUT /lost orphan.ts:3 unknown (orphan is not mounted on an app anywhere in the workspace)',
    ]);
  });

  it('project-written middleware that checks ctx.state.user', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import Koa from 'koa';
import Router from '@koa/router';
const requireUser = async (ctx: any, next: () => Promise<void>) => {
  if (!ctx.state.user) ctx.throw(401, 'sign in first');
  await next();
};
const router = new Router();
router.get('/me', requireUser, async (ctx) => { ctx.body = ctx.state.user; });
const app = new Koa();
app.use(router.routes());
`,
      }),
      ['GET /me app.ts:8 authenticated by requireUser'],
    );
  });
});
