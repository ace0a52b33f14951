// What one file contributes to the workspace's API model. Made during the engine's single walk (summarize.ts),
// joined with the other files' summaries by the linker (link.ts). Plain data, no AST nodes: a summary is small,
// can be compared with the previous one, and crosses the worker boundary. Names are the file's own top-level
// names; the linker resolves them through `imports` and the target file's `exports`.
import type { ApiFramework, SourceSpot } from '../../../rules/support/api-model';
import type { AuthBehaviour } from '../../../rules/support/auth-behaviour';

export interface FileSummary {
  filePath: string;
  /** Local name → where it comes from (`import`, `require`). */
  imports: Record<string, ImportedName>;
  /** Exported name (`default` for `export default` and `module.exports =`) → what it is. */
  exports: Record<string, ValueRef>;
  /** Top-level `const x = <ref-able value>` (aliases, factory calls, objects of middleware). */
  values: Record<string, ValueRef>;
  /** Named and inline functions that matter: middleware, handlers, route-registering functions. */
  functions: Record<string, FunctionSummary>;
  /** Apps, routers and plugins (Express, Koa routers, Fastify instances, Hono apps) and what is applied to them. */
  containers: Record<string, ContainerSummary>;
  nest?: NestSummary;
  next?: NextSummary;
  /** Routes declared where the model cannot follow (a loop over a computed list, a REST generator). */
  unmodelled: UnmodelledRoutes[];
  /** `export const autoPrefix = '/x'`: the prefix @fastify/autoload gives this plugin instead of its folder's. */
  fastifyAutoPrefix?: string;
}

export interface ImportedName {
  module: string;
  /** 'default', '*' (namespace import or whole `require`), or the exported name. */
  imported: string;
}

/** A value named in code, resolved by the linker. */
export type ValueRef =
  /** `requireLogin`, `auth.required` (member path after the name), `passport.authenticate` */
  | { kind: 'name'; name: string; members?: string[] }
  /** A call: `passport.authenticate('jwt')`, `buildRouter()`, `fp(plugin)`; `firstArg` is its first string argument. */
  | { kind: 'call'; callee: ValueRef; firstArg?: string; args?: ValueRef[] }
  /** `require('./routes/users')` (optionally `.router`) */
  | { kind: 'module'; module: string; members?: string[] }
  /** A function summarised in `functions` under this id (inline arrows get `fn@<offset>`). */
  | { kind: 'function'; id: string }
  /** A container of this file (an app or router created here). */
  | { kind: 'container'; id: string }
  /** An object literal: `{ required: jwt({…}), optional: … }`. */
  | { kind: 'object'; properties: Record<string, ValueRef> }
  | { kind: 'opaque'; text: string };

export interface FunctionSummary {
  id: string;
  /** Shown to users. */
  name: string;
  at: SourceSpot;
  /** What the function does for authentication, when it reads credentials and rejects (rules/support/auth-behaviour.ts). */
  auth?: AuthBehaviour;
  /** It creates a container and returns it (`function buildRouter() { const r = Router(); …; return r; }`). */
  returnsContainer?: string;
  /** What it returns when that is one value (`() => expressJwt({…})`): the linker follows calls of it there. */
  returns?: ValueRef;
  /** It calls its `next` parameter: middleware that passes requests on (so `app.get(path, mw)` guards, it does not answer). */
  callsNext?: boolean;
  /** It returns a function it defines (a middleware factory: `const auth = (...roles) => (req, res, next) => …`). */
  returnsFunction?: string;
  /** Exported functions: which parameters reach which calls (for rules that follow request data across files). */
  parameterFlows?: ParameterFlow[];
  /** It registers routes on a parameter (`module.exports = (app) => { app.get(…) }`, a Fastify plugin). */
  parameterContainer?: { index: number; containerId: string };
}

/** Parameter `parameter` (0-based) reaches argument `argument` of a call, directly or through locals. */
export interface ParameterFlow {
  parameter: number;
  callee: ValueRef;
  calleeText: string;
  argument: number;
  at: SourceSpot;
}

export interface MiddlewareRef {
  ref: ValueRef;
  /**
   * For people: the name as written, with arguments shown only when they are short names or words
   * (`passport.authenticate('jwt', {…})`, `session({…})`): messages must not quote option values (secrets).
   */
  text: string;
  /** For fixes: the exact source, to insert the same middleware elsewhere. */
  code: string;
  at: SourceSpot;
  /** Fastify `fastify.authenticate`: a name `decorate`d on the instance, looked up through its contexts when linking. */
  decoration?: string;
  /** `fastify.auth([a, b])` of @fastify/auth (relation 'or'): the request passes when any one of these passes. */
  anyOf?: MiddlewareRef[];
}

export interface ContainerSummary {
  id: string;
  framework: ApiFramework;
  /** An app is a root: it is served, not mounted (`express()`, `Fastify()`, `new Koa()`, `new Hono()`). */
  kind: 'app' | 'router' | 'plugin';
  /** Shown to users: the variable name or `buildRouter()`. */
  name: string;
  at: SourceSpot;
  /** `new Router({ prefix })`, `new Hono().basePath('/api')`. */
  prefix?: string;
  /** In source order: for Express, Koa and Hono, a `use` protects only what comes after it. */
  layers: Layer[];
  /** Fastify `instance.decorate(name, value)`: visible to this context and the plugins it registers. */
  decorations?: Record<string, ValueRef>;
  /** A Fastify plugin wrapped by `fastify-plugin`: its hooks, decorations and routes belong to the registering context. */
  sharesParentContext?: boolean;
}

export type Layer =
  | { kind: 'use'; path?: string; middleware: MiddlewareRef[]; at: SourceSpot; unless?: string[] }
  /** Fastify `addHook('onRequest' | 'preHandler' | …)`: covers the whole plugin (and those it registers), in any order. */
  | { kind: 'hook'; hook: string; middleware: MiddlewareRef[]; at: SourceSpot }
  /** A child router/plugin/sub-app, or a function given this container (`require('./routes')(app)`). */
  /** `plugin`: Fastify `register(plugin, { prefix })`, run with a context of its own (never inline in the parent's). */
  | { kind: 'mount'; path?: string; target: ValueRef; middleware: MiddlewareRef[]; at: SourceSpot; encapsulated?: boolean; plugin?: boolean; autoload?: FastifyAutoload }
  | { kind: 'route'; route: RouteSummary };

/** `register(autoload, { dir: path.join(__dirname, 'routes'), dirNameRoutePrefix, options: { prefix } })`. */
export interface FastifyAutoload {
  /** Relative to the registering file's folder. */
  dir: string;
  /** Folder names prefix their plugins' routes (the default). */
  dirNamePrefix: boolean;
  /** `routeParams: true`: a folder named `_id` is the path parameter `:id`. */
  routeParams?: boolean;
}

export interface RouteSummary {
  method: string;
  /** The path as a constant, `*` standing for parts that are not; undefined when none is given (`use`-style). */
  path: string;
  /** True when part of the path is not a constant. */
  dynamicPath?: boolean;
  middleware: MiddlewareRef[];
  handler: { text: string; ref?: ValueRef; auth?: AuthBehaviour };
  at: SourceSpot;
  /** `// apiguard-public -- reason` above the route; reason undefined when the marker has none. */
  publicMarker?: { reason?: string; at: SourceSpot };
}

export interface UnmodelledRoutes {
  framework: ApiFramework;
  /** What generates them: "finale.resource over the User model", "a loop over routes[]". */
  what: string;
  at: SourceSpot;
}

export interface NestSummary {
  controllers: NestController[];
  /** Guard classes declared here (implementing canActivate). */
  guards: Record<string, NestGuard>;
  /** Decorators that set metadata (`export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`): name → key. */
  metadataDecorators: Record<string, string>;
  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`, `app.useGlobalGuards(new JwtAuthGuard())`. */
  globalGuards: MiddlewareRef[];
  /** `consumer.apply(mw).exclude(…).forRoutes(…)`. */
  middlewareBindings: NestMiddlewareBinding[];
  /** `app.setGlobalPrefix('api')`. */
  globalPrefix?: string;
}

export interface NestController {
  className: string;
  path: string;
  guards: MiddlewareRef[];
  /** Other decorators on the class by name (for `@Public()` at class level): name → its first argument's text. */
  decorators: Record<string, string | undefined>;
  at: SourceSpot;
  routes: NestRoute[];
}

export interface NestRoute {
  method: string;
  path: string;
  handlerName: string;
  guards: MiddlewareRef[];
  decorators: Record<string, string | undefined>;
  handlerAuth?: AuthBehaviour;
  at: SourceSpot;
  publicMarker?: { reason?: string; at: SourceSpot };
}

export interface NestGuard {
  className: string;
  auth?: AuthBehaviour;
  /** Metadata keys whose presence lets a request through (`IS_PUBLIC_KEY`, `'isPublic'`). */
  publicMetadataKeys: string[];
  at: SourceSpot;
}

export interface NestMiddlewareBinding {
  middleware: MiddlewareRef[];
  /** Paths or controller class names, with optional method (`{ path: 'cats', method: RequestMethod.GET }`). */
  forRoutes: { path?: string; controller?: string; method?: string }[];
  exclude: { path: string; method?: string }[];
  at: SourceSpot;
}

export interface NextSummary {
  kind: 'app-route' | 'pages-api' | 'middleware';
  /** App Router: exported method functions; Pages Router: the default export (method ALL unless it checks req.method). */
  handlers: { method: string; name: string; at: SourceSpot; auth?: AuthBehaviour; publicMarker?: { reason?: string; at: SourceSpot } }[];
  /** middleware.ts: `export const config = { matcher: [...] }` (undefined: every path). */
  matcher?: string[];
  /** middleware.ts: what the middleware function does. */
  middlewareAuth?: AuthBehaviour;
}
