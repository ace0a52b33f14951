// What one file contributes to the workspace's API model. Made during the engine's single walk (summarize.ts),
// joined with the other files' summaries by the linker (link.ts). Plain data, no AST nodes: a summary is small,
// can be compared with the previous one, and crosses the worker boundary. Names are the file's own top-level
// names; the linker resolves them through `imports` and the target file's `exports`.
import type { ApiFramework, DataModelField, OrmName, ParameterWrite, SourceSpot, SpecSummary } from '../../../rules/support/api-model';
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
  /** ORM models, entities, Drizzle tables and Mongoose schemas declared here (data-models/); Prisma models for a `.prisma` file. */
  dataModels?: DataModelSummary[];
  /** Associations declared here (`User.hasMany(Post)`), applied to their models when linking. */
  dataRelations?: DataRelationSummary[];
  /** Fields deleted by serialisation code declared here for a model named elsewhere (`User.prototype.toJSON`). */
  dataHidden?: { model: string; field: string; by: string }[];
  /** The file calls an ORM read or write method (rules/data/orm-models.ts) or `new`s a model: the data rules look at it. */
  dataAccess?: true;
  /** The file hands a request body to a call (`userService.createUser(req.body)`): mass-assignment may report it. */
  passesRequestBody?: true;
  /** Calls that hand request data to a function of another module (`products.search(req.query.q)`), in source order. */
  requestArguments?: RequestArgument[];
  /** NestJS `ClassSerializerInterceptor` is registered here (globally or on a controller): `@Exclude()` fields are hidden. */
  classSerializer?: true;
  /** `new PrismaClient({ omit: { user: { password: true } } })`: fields the client leaves out of every result. */
  prismaOmit?: { accessor: string; field: string }[];
  /** Top-level names holding a PrismaClient (`prisma`), and `export:<name>` for clients exported directly. */
  prismaClients?: string[];
  /** A `.prisma` schema file (no TypeScript: only `dataModels`). */
  prismaSchema?: true;
  /** An OpenAPI/Swagger document (no TypeScript: only its operations). */
  spec?: SpecSummary;
}

/** One model as its file declares it; the catalogue (data-models/catalogue.ts) links names and relations. */
export interface DataModelSummary {
  /** The model's name (Prisma model, entity class, registered Sequelize/Mongoose name, Drizzle table variable). */
  name: string;
  orm: OrmName;
  /** The top-level name that holds it here (class, `const User = …`), when there is one. */
  binding?: string;
  /** Export names it is exported under directly (`module.exports = mongoose.model(…)` → `default`). */
  exportedAs?: string[];
  accessor?: string;
  tableName?: string;
  fields: DataModelField[];
  at: SourceSpot;
  partial?: boolean;
  /** Not a model itself: a Mongoose schema (`mongoose.model(name, schema)` names it) or an entity base class. */
  schemaOnly?: boolean;
  /** An entity class's base class of the project (`extends BaseModel`): its columns are inherited when linking. */
  extendsName?: string;
  /** Mongoose model made from a schema: the schema's local name here (or an import). */
  schema?: string;
  /** class-transformer `@Exclude()` fields: hidden only where a ClassSerializerInterceptor is registered. */
  excluded?: string[];
}

export interface DataRelationSummary {
  /** The source model as written (`User`, or the last member of `models.User`). */
  source: string;
  target: string;
  /** `hasMany`, `belongsTo`, … */
  kind: string;
  /** `{ as: 'posts' }`. */
  alias?: string;
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
  /** Exported functions: which parameters they write whole into a model (data-flows.ts), for mass-assignment across files. */
  parameterWrites?: ParameterWrite[];
  /** It registers routes on a parameter (`module.exports = (app) => { app.get(…) }`, a Fastify plugin). */
  parameterContainer?: { index: number; containerId: string };
}

/** Parameter `parameter` (0-based) reaches argument `argument` of a call, directly or through locals. */
export interface ParameterFlow {
  parameter: number;
  /** `this.repo.find` under NestJS injection is the injected class's method: `{ name: 'ProductsRepository', members: ['find'] }`. */
  callee: ValueRef;
  calleeText: string;
  /** The call for people: `repo.find(term)`, arguments elided when long (`repo.find(…)`). */
  call: string;
  argument: number;
  at: SourceSpot;
}

/**
 * A call that hands request data to a function of another module: `products.search(q)` where `q` is `req.query.q`.
 * The linker follows it (and the callee's parameter flows) to the functions request data reaches.
 */
export interface RequestArgument {
  /** The function called, as ParameterFlow.callee. */
  callee: ValueRef;
  /** The 0-based index of the argument that carries request data. */
  argument: number;
  /** Where the data comes from, shortened: `req.query.q`, `@Query('q') q`. */
  source: string;
  /** The call for people: `products.search(q)`. */
  call: string;
  at: SourceSpot;
}

export interface MiddlewareRef {
  ref: ValueRef;
  /**
   * For people: the name as written, with arguments shown only when they are short names or words
   * (`passport.authenticate('jwt', {…})`, `session({…})`): messages must not quote option values (secrets).
   */
  text: string;
  /** For fixes: the exact source, to insert the same middleware elsewhere (when it differs from `text`). */
  code?: string;
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
  /**
   * Registrations on a container imported from another file (`import app from './app'; app.use(…)`): the linker
   * appends these layers to that container's own, and never walks the proxy as a root.
   */
  proxyOf?: ValueRef;
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
  /** Guard classes declared here (a `canActivate` method, `implements CanActivate`, or `extends AuthGuard(…)`). */
  guards: Record<string, NestGuard>;
  /** Middleware classes declared here (`implements NestMiddleware`): class name → the summary id of their `use` method. */
  middlewareClasses: Record<string, string>;
  /** Decorators that set metadata (`export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`): name → key. */
  metadataDecorators: Record<string, NestMetadataKey>;
  /** Decorators composed with `applyDecorators(UseGuards(…), …)`: name → the guards they apply. */
  composedGuards: Record<string, MiddlewareRef[]>;
  /** `{ provide: APP_GUARD, useClass: JwtAuthGuard }`, `app.useGlobalGuards(new JwtAuthGuard())`. */
  globalGuards: MiddlewareRef[];
  /** `app.use(helmet())` on the app `NestFactory.create` made: it runs before every route. */
  globalMiddleware: MiddlewareRef[];
  /** `consumer.apply(mw).exclude(…).forRoutes(…)`. */
  middlewareBindings: NestMiddlewareBinding[];
  /** The file bootstraps an HTTP app (`NestFactory.create(AppModule)`): its folder scopes the app. */
  bootstrap?: boolean;
  /** `app.setGlobalPrefix('api', { exclude })`. */
  globalPrefix?: { path: string; dynamic?: boolean; exclude: NestRouteFilter[]; at: SourceSpot };
  /** `app.enableVersioning({ type: VersioningType.URI, defaultVersion, prefix })`. */
  uriVersioning?: { prefix: string; defaultVersion?: string };
  /** `RouterModule.register([{ path, module, children }])`, flattened: module class name → full path. */
  routerModules: { module: string; path: string; at: SourceSpot }[];
  /** `app.useGlobalPipes(new ValidationPipe({ whitelist: true }))` or an `APP_PIPE` provider of one: DTOs are stripped. */
  globalWhitelistPipe?: boolean;
  /** `@Module({ controllers: [...] })`: module class name → controller class names (for RouterModule). */
  modules: Record<string, string[]>;
}

/** A metadata key as written: an identifier (by the name it is exported under) and/or its string value. */
export interface NestMetadataKey {
  name?: string;
  value?: string;
}

export interface NestDecorator {
  /** The local name called (`Public`, `Roles`). */
  name: string;
  ref: ValueRef;
  at: SourceSpot;
}

export interface NestController {
  className: string;
  /** `@Controller(['a', 'b'])` serves each method under both. */
  paths: string[];
  dynamicPath?: boolean;
  /** `@Controller({ path, version: '1' })`. */
  version?: string;
  guards: MiddlewareRef[];
  /** Decorators other than routing and guards (a class-level `@Public()`). */
  decorators: NestDecorator[];
  /** `@SetMetadata(key, …)` used directly. */
  metadata: NestMetadataKey[];
  at: SourceSpot;
  routes: NestRoute[];
}

export interface NestRoute {
  method: string;
  path: string;
  dynamicPath?: boolean;
  /** `@Version('2')`. */
  version?: string;
  handlerName: string;
  guards: MiddlewareRef[];
  decorators: NestDecorator[];
  metadata: NestMetadataKey[];
  handlerAuth?: AuthBehaviour;
  /** The routing decorator, `@Post(':id')`: what a finding underlines. */
  at: SourceSpot;
  publicMarker?: { reason?: string; at: SourceSpot };
}

export interface NestGuard {
  className: string;
  auth?: AuthBehaviour;
  /** `extends AuthGuard('jwt')`: the base class expression. */
  extends?: MiddlewareRef;
  /** Its own `canActivate`, and whether that defers to the base class's (`return super.canActivate(context)`). */
  ownCanActivate?: { callsSuper: boolean };
  /** Metadata keys the guard reads (`this.reflector.getAllAndOverride(IS_PUBLIC_KEY, …)`): presence lets a request through. */
  publicMetadataKeys: NestMetadataKey[];
  at: SourceSpot;
}

/** A path (relative to the global prefix) or a controller, with an optional method. */
export interface NestRouteFilter {
  path?: string;
  controller?: ValueRef;
  method?: string;
}

export interface NestMiddlewareBinding {
  middleware: MiddlewareRef[];
  forRoutes: NestRouteFilter[];
  exclude: NestRouteFilter[];
  at: SourceSpot;
}

export interface NextSummary {
  kind: 'app-route' | 'pages-api' | 'middleware' | 'config';
  /** App Router: exported method handlers; Pages Router: the default export (method ALL unless it checks req.method). */
  handlers: NextHandler[];
  /** middleware.ts / proxy.ts. */
  middleware?: NextMiddleware;
  /** next.config.*: `basePath: '/docs'` puts every route under it. */
  basePath?: string;
}

export interface NextHandler {
  method: string;
  /** As written: `GET`, `handler`. */
  name: string;
  /** The exported name, or `default`: what a finding underlines. */
  at: SourceSpot;
  /** The exported value when it is not a function declared in place (`withAuth(handler)`, `handler`). */
  ref?: MiddlewareRef;
  auth?: AuthBehaviour;
  publicMarker?: { reason?: string; at: SourceSpot };
  /** The handler is an auth library's own endpoints (`NextAuth(authOptions)`): public by design, with this reason. */
  publicBy?: string;
}

export interface NextMiddleware {
  /** The exported middleware: a function, or a wrapper call (`withAuth(…)`, `clerkMiddleware(…)`). */
  handler: MiddlewareRef;
  auth?: AuthBehaviour;
  /** `export const config = { matcher }` as written (path-to-regexp patterns); undefined: every path. */
  matcher?: string[];
  /** Matcher entries the model reads only in part (`has`/`missing` conditions, computed entries). */
  matcherNotes: string[];
  /** Clerk: what the callback passes to `auth.protect()`. */
  protects?: { routes: 'all' } | { routes: 'only' | 'except'; patterns: string[] } | { routes: 'conditional'; why: string };
}
