// Authentication and authorization libraries as data: which exports (module + member path) verify identity or check
// permissions, and how each is used. `missing-auth` and the route extractors read only this table, so supporting a new
// library is a new entry here plus a test.
//
// Member paths name the access chain from the imported binding, with calls elided:
//   `import passport from 'passport'; passport.authenticate('jwt')`        → ['authenticate']
//   `import { expressjwt } from 'express-jwt'; expressjwt({…})`             → ['expressjwt']
//   `import jwt from 'koa-jwt'; jwt({…})` (the module object called)        → ['default']
//   `import * as admin from 'firebase-admin'; admin.auth().verifyIdToken(t)` → ['auth', 'verifyIdToken']
//   `const supabase = createClient(…); supabase.auth.getUser()`             → ['createClient', 'auth', 'getUser']
//   `export const { auth } = NextAuth(config)` then `auth()`                → ['default', 'auth']

export type AuthKind = 'authentication' | 'authorization';

/** Where the export does its work. */
export type AuthUsage =
  /** Request middleware or a hook (`app.use(x)`, `router.get('/', x, handler)`, `preHandler: x`). */
  | 'middleware'
  /** A NestJS guard (`@UseGuards(x)`). */
  | 'guard'
  /** A Fastify plugin, registered (`fastify.register(x, opts)`); it decorates the instance or adds a hook. */
  | 'plugin'
  /** Wraps a handler and answers 401 before calling it (`withApiAuthRequired(handler)`). */
  | 'wrapper'
  /** Called inside a handler; see `failure` for how a failed check shows. */
  | 'in-handler';

export interface AuthLibraryEntry {
  module: string;
  memberPath: readonly string[];
  kind: AuthKind;
  /** True when the export must be called to get the middleware/guard (`passport.authenticate('jwt')`, `AuthGuard()`). */
  factory: boolean;
  usage: AuthUsage;
  /** For in-handler calls: it throws when identity cannot be verified, or returns an empty result the code must test. */
  failure?: 'throws' | 'result-must-be-checked';
  /** Short, user-facing name; the caller adds source text (`passport.authenticate('jwt')`). */
  label: string;
  /** What a reader of the inventory needs to know beyond the kind. */
  note?: string;
  /** An option (in an object literal argument) that turns rejection off: the middleware then only attaches identity. */
  optionalWhen?: { option: string; value: boolean };
}

/** Exports that look like authentication but never reject a request: they only attach a session or user. */
export interface NonRejectingAuthExport {
  module: string;
  memberPath: readonly string[];
  label: string;
  why: string;
}

type EntryFields = Omit<AuthLibraryEntry, 'module' | 'memberPath'>;

const middlewareFactory = (label: string, kind: AuthKind = 'authentication', note?: string): EntryFields => ({ kind, factory: true, usage: 'middleware', label, ...(note ? { note } : {}) });
const checkThatThrows = (label: string): EntryFields => ({ kind: 'authentication', factory: true, usage: 'in-handler', failure: 'throws', label });
const checkWithResult = (label: string): EntryFields => ({ kind: 'authentication', factory: true, usage: 'in-handler', failure: 'result-must-be-checked', label });
const plugin = (label: string, note: string): EntryFields => ({ kind: 'authentication', factory: false, usage: 'plugin', label, note });

/** One entry per (module, member path); `modules` lists packages that export the same thing. */
const AUTH_LIBRARY_TABLE: readonly { modules: readonly string[]; memberPaths: readonly (readonly string[])[]; entry: EntryFields }[] = [
  // Express / Connect middleware
  { modules: ['passport', 'koa-passport', '@fastify/passport'], memberPaths: [['authenticate']], entry: middlewareFactory('passport') },
  // `passport.authorize('tumblr')`: runs a provider's OAuth flow to link an account; it rejects a failed flow.
  { modules: ['passport', 'koa-passport', '@fastify/passport'], memberPaths: [['authorize']], entry: middlewareFactory('passport (authorize: links a third-party account)') },
  { modules: ['connect-ensure-login'], memberPaths: [['ensureLoggedIn'], ['ensureAuthenticated']], entry: middlewareFactory('connect-ensure-login') },
  {
    modules: ['express-jwt'],
    memberPaths: [['expressjwt'], ['default']],
    entry: { ...middlewareFactory('express-jwt', 'authentication', "['default'] is the legacy (before v7) call of the module itself"), optionalWhen: { option: 'credentialsRequired', value: false } },
  },
  { modules: ['express-oauth2-jwt-bearer'], memberPaths: [['auth']], entry: middlewareFactory('express-oauth2-jwt-bearer') },
  { modules: ['express-oauth2-jwt-bearer'], memberPaths: [['requiredScopes'], ['claimCheck'], ['claimIncludes'], ['claimEquals'], ['scopeIncludesAny']], entry: middlewareFactory('express-oauth2-jwt-bearer', 'authorization') },
  { modules: ['express-openid-connect'], memberPaths: [['requiresAuth']], entry: middlewareFactory('express-openid-connect') },
  { modules: ['express-openid-connect'], memberPaths: [['auth']], entry: { ...middlewareFactory('express-openid-connect'), optionalWhen: { option: 'authRequired', value: false } } },
  { modules: ['express-openid-connect'], memberPaths: [['claimCheck'], ['claimEquals'], ['claimIncludes']], entry: middlewareFactory('express-openid-connect', 'authorization') },
  { modules: ['express-basic-auth'], memberPaths: [['default']], entry: middlewareFactory('express-basic-auth') },
  { modules: ['@clerk/express'], memberPaths: [['requireAuth']], entry: middlewareFactory('Clerk') },
  { modules: ['@clerk/clerk-sdk-node'], memberPaths: [['ClerkExpressRequireAuth']], entry: middlewareFactory('Clerk') },
  { modules: ['express-jwt-permissions'], memberPaths: [['default', 'check']], entry: middlewareFactory('express-jwt-permissions', 'authorization') },
  // Koa
  { modules: ['koa-jwt'], memberPaths: [['default']], entry: { ...middlewareFactory('koa-jwt'), optionalWhen: { option: 'passthrough', value: true } } },
  // Hono (subpath modules match exactly)
  { modules: ['hono/jwt'], memberPaths: [['jwt']], entry: middlewareFactory('hono/jwt') },
  { modules: ['hono/bearer-auth'], memberPaths: [['bearerAuth']], entry: middlewareFactory('hono/bearer-auth') },
  { modules: ['hono/basic-auth'], memberPaths: [['basicAuth']], entry: middlewareFactory('hono/basic-auth') },
  // Fastify
  { modules: ['@fastify/jwt', 'fastify-jwt'], memberPaths: [['default']], entry: plugin('@fastify/jwt', 'adds request.jwtVerify(); routes are protected only where a hook calls it') },
  { modules: ['@fastify/basic-auth', 'fastify-basic-auth'], memberPaths: [['default']], entry: plugin('@fastify/basic-auth', 'adds fastify.basicAuth; routes are protected where a hook uses it') },
  {
    modules: ['@fastify/bearer-auth', 'fastify-bearer-auth'],
    memberPaths: [['default']],
    entry: { ...plugin('@fastify/bearer-auth', 'adds an onRequest hook to its encapsulation context'), optionalWhen: { option: 'addHook', value: false } },
  },
  { modules: ['@fastify/auth', 'fastify-auth'], memberPaths: [['default']], entry: plugin('@fastify/auth', 'adds fastify.auth([...]): authentication when any listed function authenticates') },
  // NestJS
  { modules: ['@nestjs/passport'], memberPaths: [['AuthGuard']], entry: { kind: 'authentication', factory: true, usage: 'guard', label: '@nestjs/passport AuthGuard' } },
  // Next.js, Auth.js, Auth0, Clerk (server)
  { modules: ['next-auth', 'next-auth/next'], memberPaths: [['getServerSession']], entry: checkWithResult('next-auth') },
  { modules: ['next-auth/react'], memberPaths: [['getSession']], entry: checkWithResult('next-auth') },
  { modules: ['next-auth/jwt'], memberPaths: [['getToken']], entry: checkWithResult('next-auth') },
  { modules: ['next-auth'], memberPaths: [['default', 'auth']], entry: checkWithResult('Auth.js') },
  { modules: ['next-auth/middleware'], memberPaths: [['default'], ['withAuth']], entry: { kind: 'authentication', factory: false, usage: 'middleware', label: 'next-auth middleware' } },
  { modules: ['@auth0/nextjs-auth0'], memberPaths: [['withApiAuthRequired'], ['withPageAuthRequired']], entry: { kind: 'authentication', factory: true, usage: 'wrapper', label: 'Auth0' } },
  { modules: ['@auth0/nextjs-auth0', '@auth0/nextjs-auth0/edge'], memberPaths: [['getSession']], entry: checkWithResult('Auth0') },
  { modules: ['@auth0/nextjs-auth0/server'], memberPaths: [['Auth0Client', 'getSession']], entry: checkWithResult('Auth0') },
  { modules: ['@clerk/nextjs/server', '@clerk/nextjs'], memberPaths: [['auth'], ['currentUser']], entry: checkWithResult('Clerk') },
  { modules: ['@clerk/nextjs/server'], memberPaths: [['auth', 'protect']], entry: checkThatThrows('Clerk') },
  { modules: ['@clerk/express'], memberPaths: [['getAuth']], entry: checkWithResult('Clerk') },
  // Supabase: a client made by the module, then `client.auth.getUser()`
  {
    modules: ['@supabase/supabase-js', '@supabase/ssr', '@supabase/auth-helpers-nextjs'],
    memberPaths: ['createClient', 'createServerClient', 'createRouteHandlerClient', 'createServerComponentClient', 'createMiddlewareClient', 'createPagesServerClient'].flatMap((factory) => [
      [factory, 'auth', 'getUser'],
      [factory, 'auth', 'getSession'],
      [factory, 'auth', 'getClaims'],
    ]),
    entry: checkWithResult('Supabase'),
  },
  // Firebase Admin
  { modules: ['firebase-admin'], memberPaths: [['auth', 'verifyIdToken'], ['auth', 'verifySessionCookie']], entry: checkThatThrows('firebase-admin') },
  { modules: ['firebase-admin/auth'], memberPaths: [['getAuth', 'verifyIdToken'], ['getAuth', 'verifySessionCookie']], entry: checkThatThrows('firebase-admin') },
  // Lucia (v3 `new Lucia()`, v2 `lucia()`)
  { modules: ['lucia'], memberPaths: [['Lucia', 'validateSession'], ['lucia', 'validateSession'], ['lucia', 'handleRequest', 'validate']], entry: checkWithResult('Lucia') },
  // iron-session
  { modules: ['iron-session'], memberPaths: [['getIronSession']], entry: checkWithResult('iron-session') },
  { modules: ['iron-session/next'], memberPaths: [['withIronSessionApiRoute']], entry: { kind: 'authentication', factory: true, usage: 'wrapper', label: 'iron-session', note: 'attaches req.session; the handler must check it' } },
  // Token verification
  { modules: ['jsonwebtoken'], memberPaths: [['verify']], entry: checkThatThrows('jsonwebtoken') },
  { modules: ['jose'], memberPaths: [['jwtVerify']], entry: checkThatThrows('jose') },
];

/** Exports that attach identity without ever rejecting: they never count as protecting a route. */
export const NON_REJECTING_AUTH_EXPORTS: readonly NonRejectingAuthExport[] = [
  { module: '@clerk/express', memberPath: ['clerkMiddleware'], label: 'clerkMiddleware()', why: 'attaches the Clerk session but never rejects; use requireAuth() or check getAuth(req)' },
  { module: '@clerk/nextjs/server', memberPath: ['clerkMiddleware'], label: 'clerkMiddleware()', why: 'protects only routes it calls auth.protect() for' },
  { module: '@clerk/nextjs', memberPath: ['clerkMiddleware'], label: 'clerkMiddleware()', why: 'protects only routes it calls auth.protect() for' },
  { module: 'passport', memberPath: ['initialize'], label: 'passport.initialize()', why: 'sets passport up; it authenticates nothing' },
  { module: 'passport', memberPath: ['session'], label: 'passport.session()', why: 'restores req.user from the session but never rejects' },
  { module: 'express-session', memberPath: ['default'], label: 'express-session', why: 'creates req.session but never rejects' },
  { module: 'cookie-session', memberPath: ['default'], label: 'cookie-session', why: 'creates req.session but never rejects' },
  { module: 'koa-session', memberPath: ['default'], label: 'koa-session', why: 'creates ctx.session but never rejects' },
  { module: '@hono/clerk-auth', memberPath: ['clerkMiddleware'], label: 'clerkMiddleware()', why: 'attaches the Clerk session but never rejects; check getAuth(c) in the handler' },
];

const ENTRIES_BY_KEY = new Map<string, AuthLibraryEntry>();
for (const row of AUTH_LIBRARY_TABLE) {
  for (const module of row.modules) {
    for (const memberPath of row.memberPaths) ENTRIES_BY_KEY.set(keyOf(module, memberPath), { module, memberPath, ...row.entry });
  }
}

export const AUTH_LIBRARIES: readonly AuthLibraryEntry[] = [...ENTRIES_BY_KEY.values()];

function keyOf(module: string, memberPath: readonly string[]): string {
  return `${module}\u0000${memberPath.join('.')}`;
}

/** The library entry for an export, matched exactly (`hono/jwt` is not `hono`); `['default', …]` also matches without it. */
export function findAuthLibrary(moduleSpecifier: string, memberPath: readonly string[]): AuthLibraryEntry | undefined {
  const entry = ENTRIES_BY_KEY.get(keyOf(moduleSpecifier, memberPath));
  if (entry || memberPath[0] !== 'default' || memberPath.length < 2) return entry;
  // `require('passport').default.authenticate`, an ES module's default export used through interop.
  return ENTRIES_BY_KEY.get(keyOf(moduleSpecifier, memberPath.slice(1)));
}

/** The export that attaches identity but never rejects (`clerkMiddleware()`), when that is what this is. */
export function findNonRejectingAuthExport(moduleSpecifier: string, memberPath: readonly string[]): NonRejectingAuthExport | undefined {
  return NON_REJECTING_AUTH_EXPORTS.find((candidate) => candidate.module === moduleSpecifier && candidate.memberPath.join('.') === memberPath.join('.'));
}
