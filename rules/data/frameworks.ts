// Which packages make apps, routers and routes, per framework: the knowledge the API model's summarizers read
// (server/engine/api-model/frameworks/). Data only.

/** Route-registering methods shared by Express, Koa routers, Fastify and Hono (`all` answers every method). */
export const ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'del', 'options', 'head', 'all']);

/** Methods that change state: a missing authentication there is an error, not a warning. */
export const STATE_CHANGING_METHODS: ReadonlySet<string> = new Set(['POST', 'PUT', 'PATCH', 'DELETE', 'ALL']);

export const EXPRESS = {
  /** Modules whose default export is `express` (call → app, `.Router()` → router). */
  modules: new Set(['express', 'ultimate-express', 'hyper-express']),
  /** Named exports that create a router when called. */
  routerFactories: new Set(['Router']),
};

/** REST generators over ORM models (finale-rest, epilogue): `x.initialize({ app })`, `x.resource({ endpoints })`. */
export const REST_GENERATORS: ReadonlySet<string> = new Set(['finale-rest', 'finale', 'epilogue']);

export const FASTIFY = {
  /** Modules whose default export (or named `fastify`) makes an app when called. */
  modules: new Set(['fastify']),
  appFactories: new Set(['fastify', 'default']),
  /** `fastify-plugin`: the wrapped plugin shares its parent's context (hooks, decorations, routes). */
  pluginWrappers: new Set(['fastify-plugin']),
  pluginWrapperExports: new Set(['default', 'fastifyPlugin']),
  /** Hooks that run before the handler and can reject a request (the ones authentication lives in). */
  authHooks: new Set(['onRequest', 'preParsing', 'preValidation', 'preHandler']),
  /** `@fastify/autoload`: registers every plugin file of a folder (followed only as an unmodelled note). */
  autoload: new Set(['@fastify/autoload', 'fastify-autoload']),
  autoloadExports: new Set(['default', 'fastifyAutoload']),
  /** `@fastify/auth`: `fastify.auth([a, b], { relation })` combines decorated checks. */
  authCombinator: 'auth',
};

export const KOA = {
  /** Default export is the `Koa` class (`new Koa()` → app). */
  appModules: new Set(['koa']),
  /** Default export (or named `Router`) is the router class (`new Router({ prefix })`). */
  routerModules: new Set(['@koa/router', 'koa-router']),
  routerExports: new Set(['Router', 'default']),
  /** `koa-mount`: `app.use(mount('/v1', router.routes()))`. */
  mountModules: new Set(['koa-mount']),
};

export const HONO = {
  /** Named exports that are Hono app classes (`new Hono()`). */
  modules: new Set(['hono', 'hono/tiny', 'hono/quick', '@hono/zod-openapi']),
  appClasses: new Set(['Hono', 'OpenAPIHono']),
};

/**
 * Calls that return (a thin wrapper around) their first argument: the linker follows the argument.
 * `createMiddleware(async (c, next) => …)` of Hono, `fp(plugin)` of fastify-plugin.
 */
export const PASS_THROUGH_WRAPPERS: readonly { module: string; exportName: string }[] = [
  { module: 'hono/factory', exportName: 'createMiddleware' },
  { module: 'fastify-plugin', exportName: 'default' },
  { module: 'fastify-plugin', exportName: 'fastifyPlugin' },
];

export function isPassThroughWrapper(module: string, members: readonly string[]): boolean {
  const exportName = members.length === 0 ? 'default' : members.join('.');
  return PASS_THROUGH_WRAPPERS.some((wrapper) => wrapper.module === module && wrapper.exportName === exportName);
}
