// The Hono model: apps and sub-apps across files (`app.route('/books', books)`), `basePath` (on creation and as a
// view of the same app), routes with middleware, `app.on(methods, paths, …)`, chained registration with and
// without a path, `use` in order with path globs, and calls that only look like routes.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as path from 'node:path';
import { inventory, modelOf, ROOT } from './support';

describe('Hono routes across files', () => {
  it('sub-apps mounted with route() from another file, under basePath, with chained registration', () => {
    const files = {
      'src/index.ts': `import { Hono } from 'hono';
import books from './routes/books';
import { authors } from './routes/authors';
const app = new Hono().basePath('/api');
app.route('/books', books);
app.route('/authors', authors);
export default app;
`,
      'src/routes/books.ts': `import { Hono } from 'hono';
const books = new Hono()
  .get('/', (c) => c.json([]))
  .post('/', (c) => c.json({}, 201))
  .get('/:id', (c) => c.json({}));
export default books;
`,
      'src/routes/authors.ts': `import { Hono } from 'hono';
export const authors = new Hono();
authors.get('/:id', (c) => c.json({})).delete((c) => c.body(null, 204));
authors.on(['PUT', 'PATCH'], ['/:id', '/:id/profile'], (c) => c.json({}));
`,
    };
    assert.deepEqual(inventory(files), [
      'DELETE /api/authors/:id src/routes/authors.ts:3 none',
      'GET /api/authors/:id src/routes/authors.ts:3 none',
      'GET /api/books src/routes/books.ts:3 none',
      'GET /api/books/:id src/routes/books.ts:5 none',
      'PATCH /api/authors/:id src/routes/authors.ts:4 none',
      'PATCH /api/authors/:id/profile src/routes/authors.ts:4 none',
      'POST /api/books src/routes/books.ts:4 none',
      'PUT /api/authors/:id src/routes/authors.ts:4 none',
      'PUT /api/authors/:id/profile src/routes/authors.ts:4 none',
    ]);
    assert.deepEqual([...new Set(modelOf(files).routes.map((route) => route.framework))], ['hono']);
  });

  it('use() covers what is registered after it, scoped by its path glob, in the app and in a sub-app', () => {
    const files = {
      'app.ts': `import { Hono } from 'hono';
import { jwt } from 'hono/jwt';
import passport from 'passport';
import admin from './admin';
const app = new Hono();
app.get('/', (c) => c.text('home'));
app.use('/api/*', jwt({ secret: 'not-a-real-secret' }));
app.get('/api/me', (c) => c.json(c.get('jwtPayload')));
app.get('/apiary', (c) => c.text('bees'));
app.route('/admin', admin);
app.post('/late', (c) => c.text('too late'));
app.use('*', passport.authenticate('basic'));
export default app;
`,
      'admin.ts': `import { Hono } from 'hono';
import passport from 'passport';
const admin = new Hono();
admin.get('/open', (c) => c.text('open'));
admin.use(passport.authenticate('admin'));
admin.get('/closed', (c) => c.text('closed'));
export default admin;
`,
    };
    assert.deepEqual(inventory(files), [
      'GET / app.ts:6 none',
      "GET /admin/closed admin.ts:6 authenticated by passport.authenticate('admin')",
      'GET /admin/open admin.ts:4 none',
      'GET /api/me app.ts:8 authenticated by jwt({…})',
      'GET /apiary app.ts:9 none',
      'POST /late app.ts:11 none',
    ]);
  });

  it('a basePath view registers on the same app, in source order with its middleware', () => {
    const files = {
      'server.ts': `import { Hono } from 'hono';
import passport from 'passport';
const app = new Hono();
const v1 = app.basePath('/v1');
v1.get('/prices', (c) => c.json([]));
v1.use(passport.authenticate('jwt'));
v1.get('/orders', (c) => c.json([]));
app.get('/v2/orders', (c) => c.json([]));
app.post('/outside', (c) => c.json({}));
`,
    };
    assert.deepEqual(inventory(files), [
      "GET /v1/orders server.ts:7 authenticated by passport.authenticate('jwt')",
      'GET /v1/prices server.ts:5 none',
      'GET /v2/orders server.ts:8 none',
      'POST /outside server.ts:9 none',
    ]);
  });

  it('a function given the app registers on it where it is called', () => {
    assert.deepEqual(
      inventory({
        'index.ts': `import { Hono } from 'hono';
import passport from 'passport';
import { registerPublic, registerPrivate } from './routes';
const app = new Hono();
registerPublic(app);
app.use('*', passport.authenticate('jwt'));
registerPrivate(app);
export default app;
`,
        'routes.ts': `import type { Hono } from 'hono';
export function registerPublic(app: Hono) {
  app.get('/newsletter', (c) => c.text('subscribe'));
}
export function registerPrivate(app: Hono) {
  app.post('/orders', (c) => c.json({}, 201));
}
`,
      }),
      ["POST /orders routes.ts:6 authenticated by passport.authenticate('jwt')", 'GET /newsletter routes.ts:3 none'].sort(),
    );
  });

  it('@hono/zod-openapi routes from createRoute (in place or a const of the file); one from another file is unmodelled', () => {
    const files = {
      'app.ts': `import { OpenAPIHono, createRoute } from '@hono/zod-openapi';
import passport from 'passport';
import { listRoute } from './routes';
const getUser = createRoute({ method: 'get', path: '/users/{id}', middleware: [passport.authenticate('jwt')] as const, responses: {} });
const app = new OpenAPIHono();
app.openapi(getUser, (c) => c.json({}));
app.openapi(createRoute({ method: 'delete', path: '/users/{id}', responses: {} }), (c) => c.body(null, 204));
app.openapi(listRoute, (c) => c.json([]));
export default app;
`,
      'routes.ts': `import { createRoute } from '@hono/zod-openapi';
export const listRoute = createRoute({ method: 'get', path: '/users', responses: {} });
`,
    };
    const { index } = modelOf(files);
    assert.deepEqual(inventory(files), [
      'DELETE /users/:id app.ts:7 none',
      "GET /users/:id app.ts:6 authenticated by passport.authenticate('jwt')",
    ]);
    assert.deepEqual(index.summaryOf(path.join(ROOT, 'app.ts'))!.unmodelled.map((entry) => entry.what), [
      'app.openapi(listRoute, …): an OpenAPI route defined where the model cannot read its method and path',
    ]);
  });

  it('route-level middleware and a public marker', () => {
    const files = {
      'app.ts': `import { Hono } from 'hono';
import passport from 'passport';
const app = new Hono();
app.delete('/posts/:id', passport.authenticate('jwt'), (c) => c.body(null, 204));
// apiguard-public -- anyone may read the feed
app.get('/feed', (c) => c.json([]));
app.put('/posts/:id', (c) => c.json({}));
`,
    };
    const { routes } = modelOf(files);
    assert.deepEqual(inventory(files), [
      "DELETE /posts/:id app.ts:4 authenticated by passport.authenticate('jwt')",
      'GET /feed app.ts:6 public (marked public: anyone may read the feed)',
      'PUT /posts/:id app.ts:7 none',
    ]);
    const del = routes.find((route) => route.method === 'DELETE')!;
    assert.equal(del.auth.status === 'authenticated' && del.auth.by.name, "passport.authenticate('jwt')");
    assert.equal(del.framework, 'hono');
  });

  it('calls that look like routes but are not: a Map, c.get(), a path with no handler, a class with a get method', () => {
    const files = {
      'app.ts': `import { Hono } from 'hono';
class Store { get(key: string) { return key; } }
const store = new Store();
const sessions = new Map<string, string>();
const app = new Hono();
app.get('/only-a-path');
app.get('/whoami', (c) => c.text(sessions.get(c.get('sid')) ?? store.get('anon')));
sessions.set('a', 'b');
export default app;
`,
    };
    assert.deepEqual(inventory(files), ['GET /whoami app.ts:7 none']);
  });

  it('project-written middleware from createMiddleware that rejects without a session', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import { Hono } from 'hono';
import { createMiddleware } from 'hono/factory';
const requireSession = createMiddleware(async (c, next) => {
  if (!c.req.header('Authorization')) return c.json({ error: 'unauthorized' }, 401);
  await next();
});
const app = new Hono();
app.use('/api/*', requireSession);
app.get('/api/me', (c) => c.json({}));
`,
      }),
      ['GET /api/me app.ts:9 authenticated by requireSession'],
    );
  });
});

describe('Hono middleware combinators', () => {
  it('every(jwt(…), loadUser) authenticates the routes under it (one authenticating part is enough); some(…) needs all', () => {
    assert.deepEqual(
      inventory({
        'index.ts': `import { Hono } from 'hono';
import { every, some } from 'hono/combine';
import { jwt } from 'hono/jwt';
import { createMiddleware } from 'hono/factory';
const loadUser = createMiddleware(async (c, next) => { await next(); });
const admin = every(jwt({ secret: process.env.SECRET! }), loadUser);
const either = some(jwt({ secret: process.env.SECRET! }), loadUser);
const app = new Hono();
app.use('/admin/*', admin);
app.use('/maybe/*', either);
app.delete('/admin/users/:id', (c) => c.body(null, 204));
app.delete('/maybe/users/:id', (c) => c.body(null, 204));
`,
      }),
      ['DELETE /admin/users/:id index.ts:11 authenticated by admin', 'DELETE /maybe/users/:id index.ts:12 none'],
    );
  });
});
