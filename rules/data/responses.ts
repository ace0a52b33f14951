// Where a handler's value becomes the HTTP response body, per framework, as data. `full-record-response` checks
// what reaches these places.

/** Methods of a response object whose first argument is serialised as the body: `res.json(x)`, `reply.send(x)`. */
export const RESPONSE_BODY_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp']);

/** Names an Express-style response object goes by. */
export const EXPRESS_RESPONSE_NAMES: ReadonlySet<string> = new Set(['res', 'response', 'resp']);
/** Names Fastify's reply goes by. */
export const FASTIFY_REPLY_NAMES: ReadonlySet<string> = new Set(['reply', 'rep']);
/** Names a response object goes by (Express `res`, Fastify `reply`); `res.status(200).json(x)` chains through. */
export const RESPONSE_OBJECT_NAMES: ReadonlySet<string> = new Set([...EXPRESS_RESPONSE_NAMES, ...FASTIFY_REPLY_NAMES]);

/** Methods of a response object that return it again, so the chain still ends in the body method. */
export const RESPONSE_CHAIN_METHODS: ReadonlySet<string> = new Set(['status', 'code', 'header', 'headers', 'set', 'type', 'cookie', 'append', 'vary', 'location']);

/** Hono's context: `c.json(x)`; the receiver names it goes by. */
export const HONO_CONTEXT_NAMES: ReadonlySet<string> = new Set(['c', 'ctx', 'context']);
export const HONO_BODY_METHODS: ReadonlySet<string> = new Set(['json']);

/** Koa: `ctx.body = x`. */
export const KOA_CONTEXT_NAMES: ReadonlySet<string> = new Set(['ctx', 'context']);

/** Fetch-style responses (Next.js route handlers, Hono, Remix, workers): `Response.json(x)`, `NextResponse.json(x)`. */
export const FETCH_RESPONSE_CLASSES: ReadonlySet<string> = new Set(['Response', 'NextResponse']);

/** NestJS: a method of a `@Controller()` class with one of these decorators answers a route with its return value. */
export const NEST_ROUTE_DECORATORS: ReadonlySet<string> = new Set(['Get', 'Post', 'Put', 'Patch', 'Delete', 'All', 'Head', 'Options']);

/** Fastify: a handler's returned value is the body; route registration methods on an instance. */
export const FASTIFY_ROUTE_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'patch', 'delete', 'all', 'head', 'options', 'route']);
export const FASTIFY_MODULES: ReadonlySet<string> = new Set(['fastify']);
