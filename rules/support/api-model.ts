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
}
