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
