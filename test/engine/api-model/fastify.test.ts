// The Fastify model: apps, plugins registered across files with prefixes (ESM, CommonJS, inline, dynamic import),
// route shorthands with hook options and `route({…})`, hooks that cover their whole context in any order,
// encapsulation (a plugin's hook covers that plugin and what it registers, not its siblings), fastify-plugin
// (hooks and decorations shared with the parent), decorations looked up through the contexts, @fastify/auth,
// @fastify/autoload noted as unmodelled, and calls that only look like routes.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { inventory, modelOf, ROOT } from './support';

describe('Fastify plugins across files', () => {
  it('plugins registered with prefixes from other files (default export, module.exports, inline, dynamic import, nested)', () => {
    const files = {
      'src/server.ts': `import Fastify from 'fastify';
import routes from './routes';
const app = Fastify({ logger: true });
app.register(routes, { prefix: '/api' });
app.register(require('./legacy'), { prefix: '/legacy' });
app.register(import('./lazy'), { prefix: '/lazy' });
app.register(async (inline) => {
  inline.get('/echo', async () => 'echo');
});
app.listen({ port: 3000 });
`,
      'src/routes/index.ts': `import type { FastifyInstance } from 'fastify';
import users from './users';
export default async function routes(fastify: FastifyInstance) {
  fastify.register(users, { prefix: '/users' });
  fastify.get('/', async () => ({ name: 'api' }));
}
`,
      'src/routes/users.ts': `import type { FastifyPluginAsync } from 'fastify';
const PREFIX = '/:id';
const users: FastifyPluginAsync = async (fastify) => {
  fastify.get('/', async () => []);
  fastify.get(PREFIX, async (request) => ({ id: request.params }));
  fastify.delete(\`\${PREFIX}/sessions\`, async (request, reply) => reply.code(204).send());
};
export default users;
`,
      'src/legacy.js': `module.exports = async function (app, opts) {
  app.post('/import', async (request, reply) => ({ ok: true }));
};
`,
      'src/lazy.js': `export default function lazy(fastify, opts, done) {
  fastify.put('/thing', async () => ({}));
  done();
}
`,
    };
    assert.deepEqual(inventory(files), [
      'DELETE /api/users/:id/sessions src/routes/users.ts:6 none',
      'GET /api src/routes/index.ts:5 none',
      'GET /api/users src/routes/users.ts:4 none',
      'GET /api/users/:id src/routes/users.ts:5 none',
      'GET /echo src/server.ts:8 none',
      'POST /legacy/import src/legacy.js:2 none',
      'PUT /lazy/thing src/lazy.js:2 none',
    ]);
    assert.deepEqual([...new Set(modelOf(files).routes.map((route) => route.framework))], ['fastify']);
  });

  it('apps made with require("fastify")() and the named fastify export', () => {
    assert.deepEqual(
      inventory({
        'a.js': `const app = require('fastify')({ logger: true });
app.get('/a', async () => 'a');
`,
        'b.ts': `import { fastify } from 'fastify';
const server = fastify();
server.post('/b', async () => 'b').get('/c', async () => 'c');
`,
      }),
      ['GET /a a.js:2 none', 'GET /c b.ts:3 none', 'POST /b b.ts:3 none'],
    );
  });
});

describe('Fastify hooks, encapsulation and fastify-plugin', () => {
  it('a root hook covers every route and plugin whatever the order; a plugin hook covers that plugin and its children only', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import passport from 'passport';
import admin from './admin';
import shop from './shop';
const app = Fastify();
app.get('/early', async () => 'registered before the hook');
app.register(shop, { prefix: '/shop' });
app.register(admin, { prefix: '/admin' });
app.addHook('onRequest', passport.authenticate('session'));
`,
      'admin.ts': `import type { FastifyInstance } from 'fastify';
import passport from 'passport';
export default async function admin(fastify: FastifyInstance) {
  fastify.get('/users', async () => []);
  fastify.addHook('preHandler', passport.authenticate('admin'));
  fastify.register(async (reports) => {
    reports.get('/daily', async () => []);
  }, { prefix: '/reports' });
}
`,
      'shop.ts': `import type { FastifyInstance } from 'fastify';
export default async function shop(fastify: FastifyInstance) {
  fastify.get('/cart', async () => []);
}
`,
    };
    const { routes } = modelOf(files);
    const chains = Object.fromEntries(routes.map((route) => [`${route.method} ${route.path}`, route.chain.map((link) => link.name)]));
    assert.deepEqual(chains, {
      'GET /early': ["passport.authenticate('session')"],
      'GET /shop/cart': ["passport.authenticate('session')"],
      'GET /admin/users': ["passport.authenticate('session')", "passport.authenticate('admin')"],
      'GET /admin/reports/daily': ["passport.authenticate('session')", "passport.authenticate('admin')"],
    });
    assert.deepEqual(inventory(files), [
      "GET /admin/reports/daily admin.ts:7 authenticated by passport.authenticate('session')",
      "GET /admin/users admin.ts:4 authenticated by passport.authenticate('session')",
      "GET /early app.ts:6 authenticated by passport.authenticate('session')",
      "GET /shop/cart shop.ts:3 authenticated by passport.authenticate('session')",
    ]);
  });

  it('a hook in a sibling plugin does not protect; a fastify-plugin hook protects its parent and the parent\'s plugins', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import fp from 'fastify-plugin';
import passport from 'passport';
import guard from './guard';
import orders from './orders';
const app = Fastify();
app.register(async function billing(instance) {
  instance.addHook('onRequest', passport.authenticate('billing'));
  instance.get('/billing', async () => []);
});
app.get('/root', async () => 'root');
app.register(orders, { prefix: '/orders' });
const api = Fastify();
api.register(fp(async (scope) => { scope.addHook('preValidation', passport.authenticate('key')); }));
api.get('/api-root', async () => 'covered through fp at the register call');
api.register(guard, { prefix: '/ignored' });
`,
      'guard.ts': `import fp from 'fastify-plugin';
import passport from 'passport';
async function guardPlugin(fastify: any) {
  fastify.addHook('onRequest', passport.authenticate('jwt'));
  fastify.get('/guarded', async () => 'on the parent');
}
export default fp(guardPlugin, { name: 'guard' });
`,
      'orders.ts': `export default async function orders(fastify: any, opts: object) {
  fastify.get('/', async () => []);
}
`,
    };
    assert.deepEqual(inventory(files), [
      "GET /api-root app.ts:15 authenticated by passport.authenticate('key')",
      "GET /billing app.ts:9 authenticated by passport.authenticate('billing')",
      "GET /guarded guard.ts:5 authenticated by passport.authenticate('key')",
      'GET /orders orders.ts:2 none',
      'GET /root app.ts:11 none',
    ]);
    // guard.ts has its own route under fastify-plugin: on the parent, without the prefix.
    const apiRoot = modelOf(files).routes.find((route) => route.path === '/api-root')!;
    assert.deepEqual(apiRoot.chain.map((link) => link.name), ["passport.authenticate('key')", "passport.authenticate('jwt')"]);
  });

  it('hooks that run after the handler (onSend, onResponse) protect nothing', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import Fastify from 'fastify';
import passport from 'passport';
const app = Fastify();
app.addHook('onSend', passport.authenticate('jwt'));
app.addHook('onResponse', passport.authenticate('jwt'));
app.post('/upload', async () => ({}));
`,
      }),
      ['POST /upload app.ts:6 none'],
    );
  });
});

describe('Fastify decorations and route options', () => {
  it('decorate() through fastify-plugin is visible to the parent and its plugins; from an encapsulated plugin it is not', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import auth from './plugins/auth';
import sealed from './plugins/sealed';
import notes from './routes/notes';
const app = Fastify();
app.register(auth);
app.register(sealed);
app.register(notes, { prefix: '/notes' });
app.get('/me', { onRequest: [app.authenticate] }, async (request) => request.user);
app.get('/secret', { preHandler: app.sealedCheck }, async () => 'hidden');
`,
      'plugins/auth.ts': `import fp from 'fastify-plugin';
import passport from 'passport';
export default fp(async (fastify) => {
  fastify.decorate('authenticate', passport.authenticate('jwt', { session: false }));
});
`,
      'plugins/sealed.ts': `import passport from 'passport';
export default async function sealed(fastify: any) {
  fastify.decorate('sealedCheck', passport.authenticate('sealed'));
}
`,
      'routes/notes.js': `module.exports = async function (fastify, opts) {
  fastify.get('/', { onRequest: fastify.authenticate }, async () => []);
  fastify.post('/', async () => ({}));
};
`,
    };
    assert.deepEqual(inventory(files), [
      'GET /me app.ts:9 authenticated by app.authenticate',
      'GET /notes routes/notes.js:2 authenticated by fastify.authenticate',
      'GET /secret app.ts:10 none',
      'POST /notes routes/notes.js:3 none',
    ]);
    const me = modelOf(files).routes.find((route) => route.path === '/me')!;
    assert.equal(me.auth.status === 'authenticated' && me.auth.by.how, 'passport (library)');
  });

  it('route({ method: [...], url, preHandler, handler }), options with a handler, a public marker', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import passport from 'passport';
const app = Fastify();
app.route({
  method: ['PUT', 'PATCH'],
  url: '/profile',
  preHandler: [passport.authenticate('jwt')],
  handler: async () => ({}),
});
app.route({ method: 'DELETE', url: '/profile', handler: async () => ({}) });
app.get('/settings', { onRequest: passport.authenticate('jwt'), handler: async () => ({}) });
// apiguard-public -- the status page is for everyone
app.get('/status', async () => 'ok');
`,
    };
    const { routes } = modelOf(files);
    assert.deepEqual(inventory(files), [
      'DELETE /profile app.ts:10 none',
      "GET /settings app.ts:11 authenticated by passport.authenticate('jwt')",
      'GET /status app.ts:13 public (marked public: the status page is for everyone)',
      "PATCH /profile app.ts:4 authenticated by passport.authenticate('jwt')",
      "PUT /profile app.ts:4 authenticated by passport.authenticate('jwt')",
    ]);
    const put = routes.find((route) => route.method === 'PUT')!;
    assert.equal(put.declaredAt.line, 3);
    assert.equal(put.auth.status === 'authenticated' && put.auth.by.name, "passport.authenticate('jwt')");
  });

  it('options held by a const and spread, hooks written as methods, destructured decorations, withTypeProvider chains', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import fp from 'fastify-plugin';
import passport from 'passport';
const app = Fastify()
  .withTypeProvider()
  .register(fp(async (root) => { root.decorate('authorize', passport.authenticate('session')); }))
  .register(async (admin) => {
    const { authorize } = admin;
    admin.addHook('onRequest', authorize);
    admin.get('/admin', async () => 'admin');
  });
const protectedOptions = { onRequest: [passport.authenticate('jwt')] };
app.get('/spread', { ...protectedOptions, schema: {} }, async () => 'x');
app.get('/held', protectedOptions, async () => 'x');
app.get('/overridden', { ...protectedOptions, onRequest: [] }, async () => 'x');
app.post('/method-hook', {
  async preHandler(request: any) { request.log.info('checked'); },
}, async () => 'x');
`,
    };
    const { routes } = modelOf(files);
    assert.deepEqual(inventory(files), [
      'GET /admin app.ts:10 authenticated by authorize',
      "GET /held app.ts:14 authenticated by passport.authenticate('jwt')",
      'GET /overridden app.ts:15 none',
      "GET /spread app.ts:13 authenticated by passport.authenticate('jwt')",
      'POST /method-hook app.ts:16 none',
    ]);
    assert.deepEqual(routes.find((route) => route.path === '/method-hook')!.chain.map((link) => link.name), ['preHandler (inline function, line 17)']);
  });

  it('@fastify/auth: any-of authenticates only when every alternative does; relation "and" when one does', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
import fastifyAuth from '@fastify/auth';
import passport from 'passport';
const app = Fastify();
app.register(fastifyAuth);
app.decorate('verifyJwt', passport.authenticate('jwt'));
app.decorate('verifyKey', passport.authenticate('headerapikey'));
app.decorate('allowAnyone', async () => {});
app.get('/both', { preHandler: app.auth([app.verifyJwt, app.verifyKey]) }, async () => 'x');
app.get('/weak', { preHandler: app.auth([app.verifyJwt, app.allowAnyone]) }, async () => 'x');
app.get('/and', { preHandler: app.auth([app.allowAnyone, app.verifyKey], { relation: 'and' }) }, async () => 'x');
`,
    };
    assert.deepEqual(inventory(files), [
      'GET /and app.ts:11 authenticated by app.verifyKey',
      'GET /both app.ts:9 authenticated by app.auth([app.verifyJwt, app.verifyKey])',
      'GET /weak app.ts:10 none',
    ]);
  });

  it('a decorated authenticate that calls request.jwtVerify()', () => {
    assert.deepEqual(
      inventory({
        'app.ts': `import Fastify from 'fastify';
import fp from 'fastify-plugin';
const app = Fastify();
app.register(fp(async (fastify) => {
  fastify.decorate('authenticate', async (request: any, reply: any) => {
    await request.jwtVerify();
  });
}));
app.get('/me', { onRequest: [app.authenticate] }, async (request) => request.user);
`,
      }),
      ['GET /me app.ts:9 authenticated by app.authenticate'],
    );
  });
});

describe('Fastify: what is not a route', () => {
  it('a path with no handler, cache.get, a Map, request and reply methods, a helper whose first parameter has get()', () => {
    const files = {
      'app.ts': `import Fastify from 'fastify';
const cache = new Map<string, string>();
const app = Fastify();
app.get('/x');
app.get('/y', async (request, reply) => {
  reply.header('x-cache', cache.get(String(request.headers.authorization)) ?? 'miss');
  return lookup(cache, 'y');
});
function lookup(store: Map<string, string>, key: string) {
  return store.get(key);
}
`,
    };
    const { index } = modelOf(files);
    assert.deepEqual(inventory(files), ['GET /y app.ts:5 none']);
    assert.deepEqual(Object.keys(index.summaryOf(path.join(ROOT, 'app.ts'))!.containers), ['app']);
  });

  it('@fastify/autoload with a folder that is not a constant is noted as unmodelled; its plugins stay unmounted', () => {
    const files = {
      'app.js': `const AutoLoad = require('@fastify/autoload');
const app = require('fastify')();
app.register(AutoLoad, { dir: process.env.ROUTES_DIR });
`,
      'routes/users/index.js': `module.exports = async function (fastify, opts) {
  fastify.get('/', async () => []);
};
`,
    };
    const { index, routes } = modelOf(files);
    assert.deepEqual(routes.map((route) => `${route.method} ${route.path} ${route.auth.status}`), ['GET / unknown']);
    assert.deepEqual(index.summaryOf(path.join(ROOT, 'app.js'))!.unmodelled.map((entry) => entry.what), [
      'app.register(autoload, …): @fastify/autoload loads the plugins of a folder that is not a constant; their routes are not linked to this app',
    ]);
  });
});

describe('Fastify @fastify/autoload folders', () => {
  const files = {
    'src/app.ts': `import AutoLoad from '@fastify/autoload';
import path from 'node:path';
import type { FastifyInstance } from 'fastify';
export default async function app(fastify: FastifyInstance, opts: object) {
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'plugins') });
  fastify.register(AutoLoad, { dir: path.join(__dirname, 'routes'), routeParams: true, options: { prefix: '/api' } });
}
`,
    'src/plugins/auth.ts': `import fp from 'fastify-plugin';
import passport from 'passport';
export default fp(async (fastify) => {
  fastify.decorate('authenticate', passport.authenticate('jwt'));
});
`,
    'src/routes/root.ts': `export default async function (fastify: any) {
  fastify.get('/', async () => ({ root: true }));
}
`,
    'src/routes/users/index.ts': `export default async function (fastify: any) {
  fastify.get('/', { onRequest: [fastify.authenticate] }, async () => []);
}
`,
    'src/routes/users/helpers.ts': `export default async function (fastify: any) {
  fastify.get('/not-loaded', async () => 'the folder has an index file');
}
`,
    'src/routes/users/_id/posts.ts': `export default async function (fastify: any) {
  fastify.get('/', async () => []);
}
`,
    'src/routes/admin/stats.ts': `import passport from 'passport';
export const autoPrefix = '/backoffice';
export default async function (fastify: any) {
  fastify.addHook('onRequest', passport.authenticate('admin'));
  fastify.get('/stats', async () => ({}));
}
`,
    'src/routes/admin/audit.ts': `module.exports = async function (fastify, opts) {
  fastify.get('/audit', async () => []);
};
`,
  };

  it('every plugin file of the folder (only index where there is one) is registered with its folder prefix, autoPrefix, route params and options.prefix; fastify-plugin decorations reach them', () => {
    assert.deepEqual(inventory(files), [
      'GET /api src/routes/root.ts:2 none',
      "GET /api/admin/audit src/routes/admin/audit.ts:2 none",
      "GET /api/backoffice/stats src/routes/admin/stats.ts:5 authenticated by passport.authenticate('admin')",
      'GET /api/users src/routes/users/index.ts:2 authenticated by fastify.authenticate',
      'GET /api/users/:id src/routes/users/_id/posts.ts:2 none',
      // Not loaded: its folder has an index file, so the plugin is registered nowhere.
      'GET /not-loaded src/routes/users/helpers.ts:2 unknown (fastify (parameter of <anonymous>) is not mounted on an app anywhere in the workspace)',
    ]);
    assert.deepEqual([...new Set(modelOf(files).routes.map((route) => route.framework))], ['fastify']);
  });

  it('dirNameRoutePrefix: false keeps folder names out of the paths', () => {
    const flat = { ...files, 'src/app.ts': files['src/app.ts'].replace("routeParams: true, options: { prefix: '/api' }", 'dirNameRoutePrefix: false') };
    assert.deepEqual(inventory(flat).map((line) => line.split(' ').slice(0, 2).join(' ')), [
      'GET /',
      'GET /',
      'GET /',
      'GET /audit',
      'GET /backoffice/stats',
      'GET /not-loaded',
    ]);
  });
});
