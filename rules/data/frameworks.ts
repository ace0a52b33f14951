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
  /** `@fastify/autoload`: registers every plugin file of a folder (mounted when linking: frameworks/fastify-autoload.ts). */
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

/**
 * Middleware combinators: `every(a, b)` runs all (it authenticates if any of them does), `some(a, b)` passes when
 * one passes (it authenticates only if all of them do). Hono's `hono/combine`.
 */
export const MIDDLEWARE_COMBINATORS: readonly { module: string; exportName: string; passesWhen: 'all' | 'any' }[] = [
  { module: 'hono/combine', exportName: 'every', passesWhen: 'all' },
  { module: 'hono/combine', exportName: 'some', passesWhen: 'any' },
];

export function middlewareCombinator(module: string, members: readonly string[]): 'all' | 'any' | undefined {
  const exportName = members.join('.');
  return MIDDLEWARE_COMBINATORS.find((combinator) => combinator.module === module && combinator.exportName === exportName)?.passesWhen;
}

export function isPassThroughWrapper(module: string, members: readonly string[]): boolean {
  const exportName = members.length === 0 ? 'default' : members.join('.');
  return PASS_THROUGH_WRAPPERS.some((wrapper) => wrapper.module === module && wrapper.exportName === exportName);
}

export const NEST = {
  /** Packages whose decorators and tokens the NestJS summarizer reads. */
  modules: new Set(['@nestjs/common', '@nestjs/core', '@nestjs/passport']),
  /** Method decorators of `@nestjs/common` → the HTTP method they route. */
  routeDecorators: new Map([
    ['Get', 'GET'], ['Post', 'POST'], ['Put', 'PUT'], ['Patch', 'PATCH'], ['Delete', 'DELETE'],
    ['All', 'ALL'], ['Options', 'OPTIONS'], ['Head', 'HEAD'], ['Search', 'SEARCH'], ['Sse', 'GET'],
  ]),
  /** `RequestMethod.GET` in middleware routes and prefix exclusions. */
  requestMethods: new Set(['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'ALL', 'OPTIONS', 'HEAD', 'SEARCH']),
  /** Reflector methods a guard reads route metadata with (`this.reflector.getAllAndOverride(IS_PUBLIC_KEY, …)`). */
  reflectorReads: new Set(['get', 'getAll', 'getAllAndOverride', 'getAllAndMerge']),
  /** Guard factories of packages that authenticate: `AuthGuard('jwt')`. */
  authGuardFactories: [{ module: '@nestjs/passport', exportName: 'AuthGuard', label: 'AuthGuard (@nestjs/passport)' }],
  /** Guards of packages known not to authenticate (rate limits): they neither protect a route nor leave it unknown. */
  nonAuthGuards: [{ module: '@nestjs/throttler', exportName: 'ThrottlerGuard' }],
  /** Packages whose class decorator generates a controller's CRUD routes (`@Crud({ model })`): listed as unmodelled. */
  crudGenerators: /^@(?:nestjsx|dataui|rewiko)\/crud$/,
  /** A metadata decorator whose name says "public": honoured by no guard, it still states the intent. */
  publicDecoratorName: /^(?:public|allowanonymous|anonymous|skipauth|noauth|ispublic|publicroute|unauthenticated)$/i,
};

export const NEXT = {
  /** Route handler exports of an App Router `route.ts`. */
  routeHandlerMethods: new Set(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']),
  /** Files that hold the routes, by folder: `app/**\/route.ts`, `pages/api/**`. */
  scriptExtension: /\.(?:ts|tsx|js|jsx|mjs|cjs|mts|cts)$/,
  /** `middleware.ts` (Next.js ≤ 15) and `proxy.ts` (Next.js 16) at the app root or in `src/`. */
  middlewareFileNames: new Set(['middleware', 'proxy']),
  configFile: /^next\.config\.(?:js|mjs|cjs|ts|mts)$/,
  /** Middleware that authenticates every path it runs for: `export default withAuth(…)`, `export { default } from 'next-auth/middleware'`. */
  authMiddleware: [
    { module: 'next-auth/middleware', exportNames: ['default', 'withAuth'], label: 'next-auth middleware (withAuth)' },
  ],
  /** Handlers that are an auth library's own endpoints (sign-in, OAuth callbacks, session): public by design. */
  authEndpointFactories: [{ module: 'next-auth', exportName: 'default', label: 'NextAuth.js endpoints (sign-in, callbacks, session)' }],
  /** Module specifiers that are tsconfig path aliases, not packages: `@/auth`, `~/lib/session`, `#auth`. */
  pathAlias: /^(?:@\/|~\/|#)/,
  /** A handler wrapper whose name says it authenticates (`withAuth(handler)`, `withSession`, `requireUser`). */
  authLikeWrapperName: /(?:auth|session|protect|login|user|token)/i,
  /** Clerk: the middleware protects only what its callback passes to `auth.protect()` (or every path for `authMiddleware`). */
  clerkModules: new Set(['@clerk/nextjs/server', '@clerk/nextjs']),
  clerkMiddleware: 'clerkMiddleware',
  clerkLegacyMiddleware: 'authMiddleware',
  clerkRouteMatcher: 'createRouteMatcher',
};
