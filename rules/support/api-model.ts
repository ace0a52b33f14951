// The workspace's API as rules see it: every route, its full path, and what authenticates it. Built by the engine
// (server/engine/api-model/) from per-file summaries; rules that need it declare `meta.requiresApiModel` and call
// `context.getApiModel()`. Plain data: no AST nodes, so it crosses threads and outlives the trees it came from.

export type ApiFramework = 'express' | 'fastify' | 'koa' | 'hono' | 'nestjs' | 'nextjs';

/** A place in a file: offsets into the text the summary was made from, and its 0-based LSP line for messages. */
export interface SourceSpot {
  filePath: string;
  start: number;
  end: number;
  line: number;
}

/** One middleware, guard or hook on a route's path, in the order a request meets them. */
export interface ChainLink {
  /** For people, as written with option values elided: `requireLogin`, `passport.authenticate('jwt', {…})`, `AuthGuard('jwt')`. */
  name: string;
  /** The exact source, for fixes that apply the same middleware elsewhere (may quote option values: never show it). */
  code?: string;
  /** Where it is applied (the `use`, the route argument, the decorator). */
  appliedAt: SourceSpot;
  /** What it does for authentication, when known; `optional` attaches the caller if any but never rejects. */
  auth?: 'authentication' | 'authorization' | 'both' | 'optional';
  /** How that was decided: "passport (library)", "reads the Authorization header and answers 401", "configured in apiguard.json". */
  how?: string;
  /** It rejects without returning, so the request goes on anyway (the classic missing `return`). */
  fallsThrough?: string;
  /** Where its value comes from, for a fix that imports it elsewhere: a workspace file's export or a package's. */
  origin?: { filePath: string; exportName: string } | { module: string; exportName: string };
}

/** One step of mounting: `app.use('/api', apiRouter)` at routes/index.ts:12. */
export interface MountStep {
  path: string;
  at: SourceSpot;
}

export type RouteAuth =
  | { status: 'authenticated'; by: ChainLink; authorization?: ChainLink }
  | { status: 'public'; reason: string }
  | { status: 'none'; fallsThrough?: ChainLink }
  /** Something on the path could not be resolved and might authenticate (e.g. an unknown package's middleware). */
  | { status: 'unknown'; why: string };

export interface ApiRoute {
  /** Upper case; `ALL` for routes that answer every method. */
  method: string;
  /** The full path with every prefix, `:name` for parameters; `*` for a segment that is not a constant. */
  path: string;
  framework: ApiFramework;
  /** The declaration (what a finding underlines). */
  declaredAt: SourceSpot;
  /** The handler as written (`usersController.create`, `getUser`, `<anonymous>`). */
  handler: string;
  /** Where the handler function is written, when the model can follow it (inline, same file or another file). */
  handlerAt?: SourceSpot;
  /** Mounts from the outermost app inwards. */
  mounts: MountStep[];
  /** Every middleware/guard on the path, outermost first (app-level, router-level, route-level). */
  chain: ChainLink[];
  auth: RouteAuth;
  /** Things the model could not know about this route (a computed path, a generated route, an unresolved mount). */
  notes: string[];
  /** Identifies the router/app/controller the route is declared on, for "what do its neighbours use". */
  containerKey: string;
}

/** The middleware most routes of a container use, for the quick fix that adds it. */
export interface AuthSuggestion {
  /** The code to insert (`requireLogin`, `auth.required`, `passport.authenticate('jwt', { session: false })`). */
  code: string;
  /** For titles: the display name. */
  name: string;
  /** When the route's file must import it: module specifier resolution is the rule's job, this is the target file. */
  importFrom?: { filePath: string; exportName: string; localName: string } | { module: string; exportName: string; localName: string };
  /** NestJS: a guard class (the fix adds `@UseGuards(text)`). */
  kind: 'middleware' | 'guard';
}

/** Routes the model knows exist but cannot list: a REST generator over a computed list, an autoload folder… */
export interface UnmodelledRoutes {
  framework: ApiFramework;
  what: string;
  at: SourceSpot;
}

export interface ApiModel {
  /** False until the whole workspace has been indexed once: rules then say nothing rather than guess. */
  readonly complete: boolean;
  readonly routes: readonly ApiRoute[];
  readonly unmodelled: readonly UnmodelledRoutes[];
  routesDeclaredIn(filePath: string): readonly ApiRoute[];
  /** The authentication most routes of the same container (else the same app, else the workspace) use. */
  suggestedAuthFor(route: ApiRoute): AuthSuggestion | undefined;
  /** NestJS: a global `ValidationPipe({ whitelist: true })` strips unknown keys from the `@Body()` DTOs of this file's app. */
  stripsUnknownBodyKeys?(filePath: string): boolean;
  /**
   * What a function other files call writes whole into a model, per parameter: `localName` (with `members`, e.g.
   * `UsersService` + `update`, `users` + `create`) as the file at `filePath` names it: empty when it writes none,
   * undefined when the function is not one the index knows.
   */
  parameterWritesOf?(filePath: string, localName: string, members: readonly string[]): readonly ParameterWrite[] | undefined;
  /** The file hands a request body to a call as written (`service.create(req.body)`), for `hasFindingsIn`. */
  passesRequestBody?(filePath: string): boolean;
  /**
   * How request data from another module reaches parameter `parameter` (0-based) of the function of `filePath` that
   * starts at offset `functionStart` (its `getStart()`): a handler's call, then the calls of exported functions that
   * pass it on (at most three calls). The first such path by length, then caller file and line; undefined when none.
   */
  requestDataInto?(filePath: string, functionStart: number, parameter: number): RequestPath | undefined;
  /** Some function of the file is given request data by another module and passes that parameter to a call (for `hasFindingsIn`). */
  receivesRequestData?(filePath: string): boolean;
  /** The project's data models (ORM models, entities, Prisma schema). */
  readonly dataModels: DataModelCatalogue;
  /** The file calls an ORM read or write method or `new`s a model (for `hasFindingsIn` of the data rules). */
  touchesData(filePath: string): boolean;
  /**
   * Whether the workspace file a name of `filePath` is imported from touches data (`touchesData`); undefined when the
   * name is not imported from a workspace file (a package, a local declaration, an unresolved module).
   */
  importedFromDataFile?(filePath: string, localName: string): boolean | undefined;
  /** The workspace's OpenAPI/Swagger specs and which routes they document (empty without any). */
  readonly specs: SpecCatalogue;
}

/** Request data handed from module to module: `req.query.q` → `products.search(q)` at routes/products.js:22 → … */
export interface RequestPath {
  /** Where it enters, shortened: `req.query.q`, `@Query('q') q`. */
  source: string;
  /** The calls that carry it, from the handler's to the one into the function asked about. */
  steps: RequestStep[];
}

export interface RequestStep {
  /** `products.search(q)`, `repo.find(…)`. */
  call: string;
  at: SourceSpot;
}

// ── Specs: what the workspace's OpenAPI/Swagger documents promise, for rules comparing them with the code ──────

/** Who may call a documented operation: credentials required, optional (`[{}, {bearer: []}]`), anonymous (`[]`, `[{}]`), or nothing said. */
export type SpecSecurityKind = 'required' | 'optional' | 'anonymous' | 'none';

/** One operation of a spec, as plain data (made from the parsed spec by server/engine/openapi/spec-summary.ts). */
export interface SpecOperationSummary {
  /** Upper case: `GET`. */
  method: string;
  /** The path template as written: `/users/{id}`. */
  path: string;
  /** The paths a request may use: each server URL path or OAS 2 `basePath` joined with `path`. */
  fullPaths: string[];
  security: { kind: SpecSecurityKind; /** Scheme names of the requirements in force. */ schemes: string[] };
  /** The operation's method key (`get:`), in the spec file. */
  at: { start: number; end: number; line: number };
  /** Request-body property names a client may send (not `readOnly`); undefined when the schema does not list them. */
  requestFields?: string[];
  /** Property names of the success responses (not `writeOnly`); undefined when no schema lists them. */
  responseFields?: string[];
}

export interface SpecSummary {
  version: '2.0' | '3.0' | '3.1';
  /** Server URL paths (OAS 3) or `basePath` (OAS 2); `''` when none. */
  basePaths: string[];
  operations: SpecOperationSummary[];
}

/** A documented operation and the spec it is in. */
export interface DocumentedOperation {
  specPath: string;
  operation: SpecOperationSummary;
}

export interface SpecCatalogue {
  /** Every indexed spec by file path. */
  readonly all: ReadonlyMap<string, SpecSummary>;
  /**
   * The specs that describe the API of the project `filePath` belongs to. A spec covers a file when it lies under
   * the file's project root (nearest package.json) or the file lies under the spec's project root, and it documents
   * at least one route of those files: a spec of another API kept in the same repository documents none.
   */
  coveringSpecs(filePath: string): readonly string[];
  /** The operation of a covering spec (of `filePath`'s project, or of any spec without it) that documents a request. */
  operationFor(method: string, fullPath: string, filePath?: string): DocumentedOperation | undefined;
  /** The operation documenting a route, when some spec covering its file documents it. */
  operationForRoute(route: ApiRoute): DocumentedOperation | undefined;
  /** False for routes that say nothing about the API: a catch-all `*` (a single-page app's fallback), a path computed whole. */
  isComparable(route: ApiRoute): boolean;
  /**
   * The spec's operations with the routes implementing each; undefined when the spec documents no route of its
   * project (an API implemented elsewhere) or the project has routes the model cannot list.
   */
  operationsOf(specPath: string): readonly { operation: SpecOperationSummary; implementedBy: readonly ApiRoute[] }[] | undefined;
}

/** No specs (no workspace index, or none indexed). */
export const NO_SPECS: SpecCatalogue = {
  all: new Map(),
  coveringSpecs: () => [],
  operationFor: () => undefined,
  operationForRoute: () => undefined,
  isComparable: () => false,
  operationsOf: () => undefined,
};

// ── Data models: what the project stores, for rules about what goes into the database and what comes out ──────

export type OrmName = 'prisma' | 'sequelize' | 'mongoose' | 'typeorm' | 'mikro-orm' | 'drizzle' | 'objection' | 'typescript';

export interface DataModelField {
  name: string;
  /**
   * Why the ORM or the model leaves it out of a record that is read or serialised whole, when it does: TypeORM,
   * MikroORM or Mongoose `select: false`, a Sequelize `defaultScope` attributes exclude, a `toJSON`/`toObject`
   * transform that deletes it, class-transformer `@Exclude()` under a `ClassSerializerInterceptor`, Prisma `omit`
   * in the client's options. For people ("select: false").
   */
  hiddenBy?: string;
  /** A relation (association) to another model, by that model's name: eager loads pull its fields in. */
  relation?: string;
  /** Filled by the database or the ORM (`@id @default(…)`, `@CreateDateColumn`, `timestamps`, `@updatedAt`). */
  serverGenerated?: boolean;
  /** The field's TypeScript type as text when known (`string`, `number | null`), for fixes. */
  type?: string;
  /** The field may be left out on create (optional, nullable or has a default). */
  optional?: boolean;
}

export interface DataModel {
  /** `User`: the Prisma model, entity class, Sequelize/Mongoose model name or Drizzle table variable. */
  name: string;
  orm: OrmName;
  /** Prisma: the client's accessor (`user` for `prisma.user`). Sequelize/Mongoose: the registered model name. */
  accessor?: string;
  tableName?: string;
  fields: DataModelField[];
  declaredAt: SourceSpot;
  /** Some fields could not be listed (attributes spread from elsewhere, a computed schema): never claim a field is absent. */
  partial?: boolean;
}

/** The project's data models as the workspace index knows them (model files, `schema.prisma`). */
export interface DataModelCatalogue {
  readonly all: readonly DataModel[];
  /**
   * The model a top-level name of `filePath` denotes: a model or entity declared there or imported from another
   * file (following imports, re-exports, `module.exports`), a Drizzle table, a Mongoose model. `members` follows
   * `db.User` / `models.User` style objects of models.
   */
  named(filePath: string, localName: string, members?: readonly string[]): DataModel | undefined;
  /** The model declared at `filePath` under `name` (a class or variable the checker resolved a type to). */
  declaredIn(filePath: string, name: string): DataModel | undefined;
  /** Prisma: the model behind `prisma.<accessor>` in the schema that applies to `filePath`. */
  prismaModel(filePath: string, accessor: string): DataModel | undefined;
  /** A model by its name (`User`), for relations and `getRepository('User')`; the one nearest `filePath` if several. */
  byName(name: string, filePath?: string): DataModel | undefined;
  /**
   * Whether a top-level name of `filePath` holds a PrismaClient (declared there or imported from a workspace file
   * that creates one); undefined when the index cannot tell (a package, an unknown name).
   */
  isPrismaClient?(filePath: string, localName: string): boolean | undefined;
}

/** No models known (no workspace index, or before the first indexing pass ends). */
export const NO_DATA_MODELS: DataModelCatalogue = {
  all: [],
  named: () => undefined,
  declaredIn: () => undefined,
  prismaModel: () => undefined,
  byName: () => undefined,
};

/** How a file's summary names the model a write goes to; resolved against the catalogue, in that file, when used. */
export type DataModelRef =
  | { kind: 'named'; name: string; members?: string[] }
  | { kind: 'prisma'; accessor: string }
  | { kind: 'byName'; name: string }
  | { kind: 'declaredIn'; filePath: string; name: string };

/** An exported function or method writes one of its parameters whole into a stored record (`this.repo.save(dto)`). */
export interface ParameterWrite {
  /** 0-based index of the parameter. */
  parameter: number;
  /** The write as written there: `this.usersRepository.save`. */
  sink: string;
  method: string;
  /** How the write's receiver was recognised (see WriteSink): a model or record must resolve to be believed. */
  receiver: 'model' | 'record' | 'shape';
  /** The index of the call argument that holds the data. */
  argument: number;
  model?: DataModelRef;
  /** Keys taken out of the parameter before the write (rest bindings, overrides after a spread). */
  removed?: string[];
  /** Sequelize `fields: [...]`. */
  onlyFields?: string[];
  at: SourceSpot;
}
