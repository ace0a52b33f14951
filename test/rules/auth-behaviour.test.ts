// Authentication recognised by what a function does (rules/support/auth-behaviour.ts): exact verdicts, `how` strings
// and fall-through offsets for middleware, handlers and NestJS guards, with the look-alikes that must not count.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { analyzeGuardClass, analyzeHandlerAuth, analyzeMiddlewareAuth, authLibraryAt, type AuthBehaviour } from '../../rules/support/auth-behaviour';
import { walkPreorder } from '../../rules/support/ast';
import { parseSourceFile } from '../../server/engine/source-files';

function lines(...text: string[]): string {
  return `${text.join('\n')}\n`;
}

/** The function declared (or assigned to a const) under `name`; for `const f = (…) => (req, res, next) => …` the inner one. */
function functionNamed(sourceFile: ts.SourceFile, name: string): ts.FunctionLikeDeclaration {
  let found: ts.FunctionLikeDeclaration | undefined;
  walkPreorder(sourceFile, (node) => {
    if (found) return;
    if (ts.isFunctionDeclaration(node) && node.name?.text === name) found = node;
    if (ts.isVariableDeclaration(node) && ts.isIdentifier(node.name) && node.name.text === name && node.initializer) {
      let value = node.initializer;
      while (ts.isArrowFunction(value) && ts.isArrowFunction(value.body)) value = value.body;
      if (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) found = value;
    }
  });
  assert.ok(found, `no function ${name}`);
  return found;
}

function middleware(code: string, name: string, fileName = 'src/auth.ts'): AuthBehaviour | undefined {
  const sourceFile = parseSourceFile(fileName, code);
  return analyzeMiddlewareAuth(functionNamed(sourceFile, name), sourceFile);
}

function handler(code: string, name: string, fileName = 'src/route.ts'): AuthBehaviour | undefined {
  const sourceFile = parseSourceFile(fileName, code);
  return analyzeHandlerAuth(functionNamed(sourceFile, name), sourceFile);
}

function guard(code: string, name: string): ReturnType<typeof analyzeGuardClass> {
  const sourceFile = parseSourceFile('src/auth.guard.ts', code);
  const cls = sourceFile.statements.find((s): s is ts.ClassDeclaration => ts.isClassDeclaration(s) && s.name?.text === name);
  assert.ok(cls, `no class ${name}`);
  return analyzeGuardClass(cls, sourceFile);
}

const authn = (how: string): AuthBehaviour => ({ authenticates: true, authorizes: false, how });
/** The offsets of `statement` (its first occurrence) in `code`. */
function fallsThrough(code: string, statement: string, why: string): AuthBehaviour['fallsThrough'] {
  const start = code.indexOf(statement);
  assert.ok(start >= 0, statement);
  return { start, end: start + statement.length, why };
}

describe('analyzeMiddlewareAuth: middleware that authenticates', () => {
  it('Express: a session check redirecting to the login page', () => {
    const code = lines('function requireLogin(req, res, next) {', "  if (!req.session.userId) return res.redirect('/login');", '  next();', '}');
    assert.deepEqual(middleware(code, 'requireLogin', 'src/auth.js'), authn('checks req.session.userId and redirects to /login'));
  });

  it('Express: a token header checked, then verified in a callback', () => {
    const code = lines(
      "const jwt = require('jsonwebtoken');",
      'function checkToken(req, res, next) {',
      "  const token = req.headers['x-access-token'];",
      "  if (!token) return res.status(403).send({ auth: false, message: 'No token provided.' });",
      '  jwt.verify(token, process.env.SECRET, (err, decoded) => {',
      '    if (err) return res.status(401).send({ auth: false });',
      '    req.userId = decoded.id;',
      '    next();',
      '  });',
      '}',
    );
    assert.deepEqual(middleware(code, 'checkToken', 'src/auth.js'), authn('reads the X-Access-Token header and answers 403'));
  });

  it('TypeScript: Bearer header, then jwt.verify in try with a 401 in catch', () => {
    const code = lines(
      "import jwt from 'jsonwebtoken';",
      "import type { NextFunction, Request, Response } from 'express';",
      'export const verifyJWT = (req: Request, res: Response, next: NextFunction) => {',
      "  const header = req.header('Authorization');",
      "  if (!header?.startsWith('Bearer ')) {",
      "    res.status(401).json({ error: 'missing token' });",
      '    return;',
      '  }',
      '  try {',
      '    (req as any).user = jwt.verify(header.slice(7), process.env.JWT_SECRET!);',
      '    next();',
      '  } catch {',
      "    res.status(401).json({ error: 'invalid token' });",
      '  }',
      '};',
    );
    assert.deepEqual(middleware(code, 'verifyJWT'), authn('reads the Authorization header and answers 401'));
  });

  it('Express: ensureAdmin checks the user and the role (403)', () => {
    const code = lines('export function ensureAdmin(req, res, next) {', "  if (!req.user || req.user.role !== 'admin') return res.sendStatus(403);", '  next();', '}');
    assert.deepEqual(middleware(code, 'ensureAdmin'), { authenticates: true, authorizes: true, how: 'checks req.user and answers 403; checks req.user.role and answers 403' });
  });

  it('Express: passport isAuthenticated() with the redirect after an early next()', () => {
    const code = lines('function ensureAuthenticated(req, res, next) {', '  if (req.isAuthenticated()) { return next(); }', "  res.redirect('/login');", '}');
    assert.deepEqual(middleware(code, 'ensureAuthenticated'), authn('calls req.isAuthenticated() and redirects to /login'));
  });

  it('Express: an API key compared with the configured one', () => {
    const code = lines(
      'export function apiKeyAuth(req, res, next) {',
      "  const key = req.get('x-api-key');",
      "  if (key !== process.env.API_KEY) { return res.status(401).json({ error: 'invalid api key' }); }",
      '  return next();',
      '}',
    );
    assert.deepEqual(middleware(code, 'apiKeyAuth'), authn('compares a key with process.env.API_KEY and answers 401'));
  });

  it('Express: a token helper and an Unauthorized error passed to next()', () => {
    const code = lines(
      "import { UnauthorizedError } from '../errors';",
      'export const auth = (req, res, next) => {',
      '  const token = getTokenFromHeader(req);',
      "  if (!token) return next(new UnauthorizedError('No token'));",
      '  req.token = token;',
      '  next();',
      '};',
    );
    assert.deepEqual(middleware(code, 'auth'), authn('calls getTokenFromHeader() and passes a 401 error to next()'));
  });

  it('Express: a verification in try, the error passed on from catch', () => {
    const code = lines(
      'export async function authenticate(req, res, next) {',
      '  try {',
      '    req.user = await verifyAccessToken(req.cookies.token);',
      '    next();',
      '  } catch (err) {',
      '    next(err);',
      '  }',
      '}',
    );
    assert.deepEqual(middleware(code, 'authenticate'), authn('calls verifyAccessToken() and passes an error to next()'));
  });

  it('Express: identity carried through a plain call, then a generic error to next()', () => {
    const code = lines(
      'export async function introspection(req, res, next) {',
      "  const token = req.cookies['session'];",
      '  const claims = await introspect(token);',
      "  if (!claims) return next(new Error('inactive session'));",
      '  next();',
      '}',
    );
    assert.deepEqual(middleware(code, 'introspection'), authn('reads the session cookie and passes an error to next()'));
  });

  it('Express: a curried middleware delegating to express-jwt through a const', () => {
    const code = lines(
      "const { expressjwt } = require('express-jwt');",
      "const checkJwt = expressjwt({ secret: process.env.SECRET, algorithms: ['HS256'] });",
      'const requireAuth = (options) => (req, res, next) => checkJwt(req, res, next);',
    );
    assert.deepEqual(middleware(code, 'requireAuth', 'src/auth.js'), authn('delegates to express-jwt (checkJwt)'));
  });

  it('Express: a role factory, (role) => middleware, answering 403', () => {
    const code = lines(
      'export const requireRole = (role: string) => (req, res, next) => {',
      "  if (!req.user?.roles?.includes(role)) return res.status(403).json({ error: 'forbidden' });",
      '  next();',
      '};',
    );
    assert.deepEqual(middleware(code, 'requireRole'), { authenticates: true, authorizes: true, how: 'checks req.user and answers 403; checks req.user?.roles and answers 403' });
  });

  it('Express: Clerk getAuth(req), then a 401', () => {
    const code = lines(
      "import { getAuth } from '@clerk/express';",
      'export function requireClerkUser(req, res, next) {',
      '  const { userId } = getAuth(req);',
      "  if (!userId) return res.status(401).json({ error: 'Unauthenticated' });",
      '  next();',
      '}',
    );
    assert.deepEqual(middleware(code, 'requireClerkUser'), authn('calls getAuth() and answers 401'));
  });

  it('Koa: ctx.state.user checked with ctx.throw(401)', () => {
    const code = lines('export const requireUser = async (ctx, next) => {', '  if (!ctx.state.user) ctx.throw(401);', '  await next();', '};');
    assert.deepEqual(middleware(code, 'requireUser'), authn('checks ctx.state.user and answers 401'));
  });

  it('Fastify: request.jwtVerify() throws on a bad token', () => {
    const code = lines('export const authenticate = async (request, reply) => {', '  await request.jwtVerify();', '};');
    assert.deepEqual(middleware(code, 'authenticate'), authn('calls request.jwtVerify(), which throws when verification fails'));
  });

  it('Fastify: jwtVerify() in try, the error sent from catch (the @fastify/jwt README way)', () => {
    const code = lines('export const verify = async (request, reply) => {', '  try {', '    await request.jwtVerify();', '  } catch (err) {', '    reply.send(err);', '  }', '};');
    assert.deepEqual(middleware(code, 'verify'), authn('calls request.jwtVerify() and answers with an error'));
  });

  it('Hono: the Authorization header, answered with c.json(…, 401)', () => {
    const code = lines('export const bearer = async (c, next) => {', "  if (!c.req.header('Authorization')) return c.json({ error: 'unauthorized' }, 401);", '  await next();', '};');
    assert.deepEqual(middleware(code, 'bearer'), authn('reads the Authorization header and answers 401'));
  });
});

describe('analyzeMiddlewareAuth: assertion-style gates', () => {
  it('Koa: ctx.assert(ctx.state.user, new AuthenticationError()) authenticates', () => {
    const code = lines("const { AuthenticationError } = require('../lib/errors');", 'module.exports.required = function (ctx, next) {', '  ctx.assert(ctx.state.user, new AuthenticationError());', '  return next();', '};');
    const sourceFile = parseSourceFile('src/auth.js', code);
    let fn: ts.FunctionExpression | undefined;
    const visit = (node: ts.Node): void => {
      if (ts.isFunctionExpression(node)) fn = node;
      else ts.forEachChild(node, visit);
    };
    visit(sourceFile);
    assert.deepEqual(analyzeMiddlewareAuth(fn!, sourceFile), authn('checks ctx.state.user and answers 401'));
  });
});

describe('analyzeHandlerAuth: handlers that authenticate themselves', () => {
  it('Next.js: getServerSession, then a 401 Response', () => {
    const code = lines(
      "import { getServerSession } from 'next-auth';",
      "import { authOptions } from '@/lib/auth';",
      'export async function POST(request: Request) {',
      '  const session = await getServerSession(authOptions);',
      "  if (!session) return new Response('Unauthorized', { status: 401 });",
      '  return Response.json(await request.json());',
      '}',
    );
    assert.deepEqual(handler(code, 'POST', 'app/api/posts/route.ts'), authn('calls getServerSession() and answers 401'));
  });

  it('Supabase: auth.getUser() on a client made at the top of the file', () => {
    const code = lines(
      "import { createClient } from '@supabase/supabase-js';",
      'const supabase = createClient(process.env.SUPABASE_URL!, process.env.SUPABASE_KEY!);',
      'export async function handler(req, res) {',
      '  const { data: { user }, error } = await supabase.auth.getUser(req.headers.authorization);',
      "  if (error || !user) return res.status(401).json({ error: 'Unauthorized' });",
      '  res.json({ id: user.id });',
      '}',
    );
    assert.deepEqual(handler(code, 'handler'), authn('calls supabase.auth.getUser() and answers 401'));
  });

  it('Firebase: verifyIdToken outside any try rejects by throwing', () => {
    const code = lines(
      "import * as admin from 'firebase-admin';",
      'export async function GET(request: Request) {',
      "  const token = request.headers.get('authorization')?.split('Bearer ')[1];",
      '  const decoded = await admin.auth().verifyIdToken(token!);',
      '  return Response.json({ uid: decoded.uid });',
      '}',
    );
    assert.deepEqual(handler(code, 'GET'), authn('calls admin.auth().verifyIdToken(), which throws when verification fails'));
  });

  it('Stripe webhook: the signature verified, a 400 from the catch', () => {
    const code = lines(
      'export async function POST(req: Request) {',
      '  const body = await req.text();',
      "  const signature = req.headers.get('stripe-signature') as string;",
      '  let event;',
      '  try {',
      '    event = stripe.webhooks.constructEvent(body, signature, process.env.STRIPE_WEBHOOK_SECRET!);',
      '  } catch (err: any) {',
      '    return new Response(`Webhook Error: ${err.message}`, { status: 400 });',
      '  }',
      '  await handle(event);',
      "  return new Response('ok');",
      '}',
    );
    assert.deepEqual(handler(code, 'POST', 'app/api/webhooks/route.ts'), authn('calls stripe.webhooks.constructEvent() and answers with an error'));
  });

  it('NestJS: a CASL ability check that throws ForbiddenException authorizes without authenticating', () => {
    const code = lines(
      'export class PostsController {',
      '  async remove(id: string, ability: AppAbility) {',
      '    const post = await this.posts.findOne(id);',
      "    if (ability.cannot('delete', post)) throw new ForbiddenException();",
      '    return this.posts.remove(id);',
      '  }',
      '}',
    );
    const sourceFile = parseSourceFile('src/posts.controller.ts', code);
    const method = (sourceFile.statements[0] as ts.ClassDeclaration).members[0] as ts.MethodDeclaration;
    assert.deepEqual(analyzeHandlerAuth(method, sourceFile), { authenticates: false, authorizes: true, how: 'checks ability.cannot() and throws ForbiddenException' });
  });

  it('Lucia-style validateRequest() with a Next.js redirect (which throws)', () => {
    const code = lines(
      "import { redirect } from 'next/navigation';",
      "import { validateRequest } from '@/lib/auth';",
      'export async function POST(request: Request) {',
      '  const { user } = await validateRequest();',
      "  if (!user) redirect('/login');",
      '  return Response.json(await save(user.id, await request.json()));',
      '}',
    );
    assert.deepEqual(handler(code, 'POST'), authn('calls validateRequest() and redirects to /login'));
  });

  it('Next.js middleware.ts: a session cookie, else a redirect to /login', () => {
    const code = lines(
      "import { NextResponse, type NextRequest } from 'next/server';",
      'export function middleware(request: NextRequest) {',
      "  const token = request.cookies.get('session')?.value;",
      "  if (!token) return NextResponse.redirect(new URL('/login', request.url));",
      '  return NextResponse.next();',
      '}',
    );
    assert.deepEqual(handler(code, 'middleware', 'middleware.ts'), authn('reads the session cookie and redirects to /login'));
  });

  it('Express: an ownership check (403) on the loaded record', () => {
    const code = lines(
      'export async function deletePost(req, res) {',
      '  const post = await Post.findById(req.params.id);',
      "  if (post.authorId !== req.user.id) return res.status(403).json({ error: 'forbidden' });",
      '  await post.remove();',
      '  res.sendStatus(204);',
      '}',
    );
    assert.deepEqual(handler(code, 'deletePost'), { authenticates: true, authorizes: true, how: 'checks req.user and answers 403; compares post.authorId with req.user.id and answers 403' });
  });
});

describe('analyzeGuardClass: NestJS guards', () => {
  it('a CanActivate guard: token from the header, verified, public metadata honoured', () => {
    const code = lines(
      "import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';",
      '@Injectable()',
      'export class AuthGuard implements CanActivate {',
      '  constructor(private jwtService: JwtService, private reflector: Reflector) {}',
      '  async canActivate(context: ExecutionContext): Promise<boolean> {',
      '    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);',
      '    if (isPublic) return true;',
      '    const request = context.switchToHttp().getRequest();',
      '    const token = this.extractTokenFromHeader(request);',
      '    if (!token) throw new UnauthorizedException();',
      '    try {',
      "      request['user'] = await this.jwtService.verifyAsync(token, { secret: 'x' });",
      '    } catch {',
      '      throw new UnauthorizedException();',
      '    }',
      '    return true;',
      '  }',
      '  private extractTokenFromHeader(request: any): string | undefined {',
      "    const [type, token] = request.headers.authorization?.split(' ') ?? [];",
      "    return type === 'Bearer' ? token : undefined;",
      '  }',
      '}',
    );
    assert.deepEqual(guard(code, 'AuthGuard'), {
      authenticates: true,
      authorizes: false,
      how: 'calls this.extractTokenFromHeader() and throws UnauthorizedException',
      publicMetadataKeys: ['IS_PUBLIC_KEY'],
    });
  });

  it("a guard extending @nestjs/passport AuthGuard('jwt') with a string public key", () => {
    const code = lines(
      "import { AuthGuard } from '@nestjs/passport';",
      "export class JwtAuthGuard extends AuthGuard('jwt') {",
      '  constructor(private reflector: Reflector) { super(); }',
      '  canActivate(context: ExecutionContext) {',
      "    const isPublic = this.reflector.getAllAndOverride<boolean>('isPublic', [context.getHandler(), context.getClass()]);",
      '    if (isPublic) { return true; }',
      '    return super.canActivate(context);',
      '  }',
      '}',
    );
    assert.deepEqual(guard(code, 'JwtAuthGuard'), { authenticates: true, authorizes: false, how: "extends AuthGuard('jwt')", publicMetadataKeys: ['isPublic'] });
  });

  it('a RolesGuard authorizes, but lets routes without roles through (so it does not authenticate)', () => {
    const code = lines(
      'export class RolesGuard implements CanActivate {',
      '  constructor(private reflector: Reflector) {}',
      '  canActivate(context: ExecutionContext): boolean {',
      '    const requiredRoles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, [context.getHandler(), context.getClass()]);',
      '    if (!requiredRoles) return true;',
      '    const { user } = context.switchToHttp().getRequest();',
      '    return requiredRoles.some((role) => user.roles?.includes(role));',
      '  }',
      '}',
    );
    assert.deepEqual(guard(code, 'RolesGuard'), {
      authenticates: false,
      authorizes: true,
      how: 'checks user.roles and returns false when the check fails; lets requests through when the ROLES_KEY metadata is absent',
      publicMetadataKeys: [],
    });
  });

  it('a guard returning the result of an identity check', () => {
    const code = lines(
      'export class SessionGuard implements CanActivate {',
      '  canActivate(context: ExecutionContext): boolean {',
      '    const request = context.switchToHttp().getRequest();',
      '    return request.isAuthenticated();',
      '  }',
      '}',
    );
    assert.deepEqual(guard(code, 'SessionGuard'), { authenticates: true, authorizes: false, how: 'calls request.isAuthenticated() and returns false when the check fails', publicMetadataKeys: [] });
  });

  it('a guard returning a shape test of the credential (typeof / startsWith) authenticates', () => {
    const code = `export class JwtAuthGuard {
  canActivate(context) {
    const request = context.switchToHttp().getRequest();
    return typeof request.headers.authorization === 'string' && request.headers.authorization.startsWith('Bearer ');
  }
}`;
    assert.deepEqual(guard(code, 'JwtAuthGuard'), { ...authn('reads the Authorization header and returns false when the check fails'), publicMetadataKeys: [] });
  });

  it('a guard that only logs is no guard', () => {
    const code = lines('export class LogGuard implements CanActivate {', '  canActivate(context: ExecutionContext) {', '    console.log(context.getClass().name);', '    return true;', '  }', '}');
    assert.equal(guard(code, 'LogGuard'), undefined);
  });
});

describe('precision traps: look like auth, are not', () => {
  const none: [string, string, (code: string, name: string) => AuthBehaviour | undefined][] = [
    [
      'a logger that reads the Authorization header to mask it',
      lines('export function logRequest(req, res, next) {', '  const auth = req.headers.authorization;', "  console.log(req.method, req.url, auth ? 'Bearer ***' : '-');", '  next();', '}'),
      middleware,
    ],
    [
      'a CORS middleware naming Authorization in allowed headers',
      lines(
        'export function cors(req, res, next) {',
        "  res.setHeader('Access-Control-Allow-Origin', '*');",
        "  res.setHeader('Access-Control-Allow-Headers', 'Content-Type, Authorization');",
        "  if (req.method === 'OPTIONS') return res.sendStatus(204);",
        '  next();',
        '}',
      ),
      middleware,
    ],
    [
      'a CORS middleware answering 403 to a foreign origin',
      lines('export function cors(req, res, next) {', '  if (!allowed.includes(req.headers.origin)) return res.status(403).end();', '  next();', '}'),
      middleware,
    ],
    [
      'a CORS preflight reading Access-Control-Request-Headers and answering 403',
      lines(
        'export function preflight(req, res, next) {',
        "  const requested = req.headers['access-control-request-headers'];",
        '  if (origins.includes(req.headers.origin)) {',
        "    res.set('Access-Control-Allow-Headers', requested);",
        '    return next();',
        '  }',
        '  res.sendStatus(403);',
        '}',
      ),
      middleware,
    ],
    [
      'a rate limiter keyed by the API key',
      lines(
        'export function rateLimit(req, res, next) {',
        "  const key = req.headers['x-api-key'] || req.ip;",
        '  hits[key] = (hits[key] || 0) + 1;',
        "  if (hits[key] > 100) return res.status(429).send('Too many requests');",
        '  next();',
        '}',
      ),
      middleware,
    ],
    [
      'a body check answering 401 with no identity read',
      lines('export function validateLogin(req, res, next) {', "  if (!req.body.email || !req.body.password) return res.status(401).json({ error: 'missing credentials' });", '  next();', '}'),
      middleware,
    ],
    [
      'a body-parser-like content-type check',
      lines('export function json(req, res, next) {', "  if (req.headers['content-type'] !== 'application/json') return res.status(415).end();", '  next();', '}'),
      middleware,
    ],
    [
      'a CSRF check against the session (403)',
      lines('export function csrf(req, res, next) {', "  if (req.get('x-csrf-token') !== req.session.csrfToken) return res.status(403).send('bad csrf');", '  next();', '}'),
      middleware,
    ],
    [
      'the express-jwt error handler (four parameters)',
      lines('export function onError(err, req, res, next) {', "  if (err.name === 'UnauthorizedError') return res.status(401).json({ error: 'invalid token' });", '  next(err);', '}'),
      middleware,
    ],
    [
      'a login handler: 401 on a bad password, then signs a token and sets the session',
      lines(
        'export async function login(req, res) {',
        '  const user = await User.findOne({ email: req.body.email });',
        "  if (!user || !(await bcrypt.compare(req.body.password, user.passwordHash))) return res.status(401).json({ error: 'Invalid credentials' });",
        '  req.session.userId = user.id;',
        '  const token = jwt.sign({ sub: user.id }, SECRET);',
        "  res.cookie('token', token, { httpOnly: true });",
        '  res.json({ token });',
        '}',
      ),
      handler,
    ],
    ['a /me handler that reads req.user but never rejects', lines('export function me(req, res) {', '  res.json(req.user);', '}'), handler],
    [
      'the login page redirecting users who are already logged in',
      lines('export function loginPage(req, res) {', "  if (req.session.userId) return res.redirect('/dashboard');", "  res.render('login');", '}'),
      handler,
    ],
    ['logout: destroys the session, then redirects to /login', lines('export function logout(req, res) {', "  req.session.destroy(() => res.redirect('/login'));", '}'), handler],
    [
      'a handler that reads the session only to report it',
      lines("import { getServerSession } from 'next-auth';", 'export async function GET() {', '  const session = await getServerSession(authOptions);', '  return Response.json({ loggedIn: !!session });', '}'),
      handler,
    ],
    [
      'a handler answering anonymous users with public data',
      lines('export async function feed(req, res) {', '  if (!req.user) return res.json(await publicPosts());', '  res.json(await postsFor(req.user.id));', '}'),
      handler,
    ],
    [
      'a handler that reads req.auth in a try and passes errors on from catch (nothing there verifies)',
      lines(
        'export const listArticles = async (req, res, next) => {',
        '  try {',
        '    res.json(await getArticles(req.query, req.auth?.user?.id));',
        '  } catch (error) {',
        '    next(error);',
        '  }',
        '};',
      ),
      middleware,
    ],
    [
      'a login-by-link page: the /login redirect is for a bad link, the req.user check sends logged-in users away',
      lines(
        'export const getLoginByEmail = async (req, res, next) => {',
        "  if (req.user) return res.redirect('/');",
        "  if (!isHexadecimal(req.params.token)) return res.redirect('/login');",
        '  next();',
        '};',
      ),
      middleware,
    ],
    [
      'a redirect target taken from the session is not who is logged in',
      lines('export function afterLogin(req, res) {', '  const { returnTo } = req.session;', '  const target = req.session.redirectTo || returnTo;', "  if (!target) return res.redirect('/');", '  res.redirect(target);', '}'),
      handler,
    ],
    [
      "the user's stored provider token missing is the user's data, not a failed login",
      lines('export const getTumblr = async (req, res, next) => {', "  const token = req.user.tokens.find((t) => t.kind === 'tumblr');", "  if (!token) throw new Error('No Tumblr token');", '  res.json(await fetchTumblr(token));', '};'),
      middleware,
    ],
  ];
  for (const [name, code, analyze] of none) {
    it(name, () => {
      const fn = /(?:function|const) (\w+)/.exec(code.split('\n').find((line) => /^(export )?(async )?(function|const) /.test(line))!)![1]!;
      assert.equal(analyze(code, fn), undefined);
    });
  }

  it('clerkMiddleware() attaches the session but never rejects', () => {
    const code = lines("import { clerkMiddleware } from '@clerk/express';", 'export const withClerk = (req, res, next) => clerkMiddleware()(req, res, next);');
    assert.deepEqual(middleware(code, 'withClerk'), {
      authenticates: false,
      authorizes: false,
      how: 'optional: clerkMiddleware() attaches the Clerk session but never rejects; use requireAuth() or check getAuth(req)',
    });
  });

  it('a session read that only attaches res.locals.user is optional auth', () => {
    const code = lines('export function loadUser(req, res, next) {', '  if (req.session.user) res.locals.user = req.session.user;', '  next();', '}');
    assert.deepEqual(middleware(code, 'loadUser'), { authenticates: false, authorizes: false, how: 'optional: attaches the user but never rejects' });
  });

  it('jwt.verify in a try whose catch lets the request through is optional auth', () => {
    const code = lines(
      "import jwt from 'jsonwebtoken';",
      'export function maybeUser(req, res, next) {',
      '  try {',
      '    req.user = jwt.verify(req.cookies.token, SECRET);',
      '  } catch {',
      '    req.user = null;',
      '  }',
      '  next();',
      '}',
    );
    assert.deepEqual(middleware(code, 'maybeUser'), { authenticates: false, authorizes: false, how: 'optional: attaches the user but never rejects' });
  });
});

describe('fall-through: a rejection that does not stop the request', () => {
  it('answers 401 without returning, then next()', () => {
    const code = lines('export function requireToken(req, res, next) {', '  const token = req.headers.authorization;', '  if (!token) res.status(401).send();', '  next();', '}');
    assert.deepEqual(middleware(code, 'requireToken'), {
      ...authn('reads the Authorization header and answers 401'),
      fallsThrough: fallsThrough(code, 'res.status(401).send();', 'answers 401 without returning, so next() still runs'),
    });
  });

  it('redirects to the login page without returning, then next()', () => {
    const code = lines('function requireLogin(req, res, next) {', '  if (!req.session.user) {', "    res.redirect('/login');", '  }', '  next();', '}');
    assert.deepEqual(middleware(code, 'requireLogin'), {
      ...authn('checks req.session.user and redirects to /login'),
      fallsThrough: fallsThrough(code, "res.redirect('/login');", 'redirects to /login without returning, so next() still runs'),
    });
  });

  it('Koa: sets ctx.status = 401 and then awaits next()', () => {
    const code = lines('export const requireUser = async (ctx, next) => {', '  if (!ctx.state.user) {', '    ctx.status = 401;', "    ctx.body = 'Unauthorized';", '  }', '  await next();', '};');
    assert.deepEqual(middleware(code, 'requireUser'), {
      ...authn('checks ctx.state.user and answers 401'),
      fallsThrough: fallsThrough(code, 'ctx.status = 401;', 'answers 401 without returning, so next() still runs'),
    });
  });

  it('inside the jwt.verify callback', () => {
    const code = lines(
      "import jwt from 'jsonwebtoken';",
      'export function verify(req, res, next) {',
      '  jwt.verify(req.cookies.jwt, SECRET, (err, decoded) => {',
      "    if (err) res.status(401).json({ error: 'invalid token' });",
      '    req.user = decoded;',
      '    next();',
      '  });',
      '}',
    );
    assert.deepEqual(middleware(code, 'verify'), {
      ...authn('calls jwt.verify() and answers 401'),
      fallsThrough: fallsThrough(code, "res.status(401).json({ error: 'invalid token' });", 'answers 401 without returning, so next() still runs'),
    });
  });

  it('a handler answering 401 and then doing the work anyway', () => {
    const code = lines(
      'export async function createOrder(req, res) {',
      "  if (!req.user) { res.status(401).json({ error: 'login required' }); }",
      '  const order = await Order.create(req.body);',
      '  res.json(order);',
      '}',
    );
    assert.deepEqual(handler(code, 'createOrder'), {
      ...authn('checks req.user and answers 401'),
      fallsThrough: fallsThrough(code, "res.status(401).json({ error: 'login required' });", 'answers 401 without returning, so the rest of the handler still runs'),
    });
  });

  it('Next.js: a 401 response built but not returned', () => {
    const code = lines(
      "import { NextResponse } from 'next/server';",
      "import { auth } from '@/auth';",
      'export async function DELETE(request: Request) {',
      '  const session = await auth();',
      '  if (!session) {',
      "    NextResponse.json({ error: 'Unauthorized' }, { status: 401 });",
      '  }',
      '  await deleteAll();',
      '  return NextResponse.json({ ok: true });',
      '}',
    );
    assert.deepEqual(handler(code, 'DELETE', 'app/api/items/route.ts'), {
      ...authn('calls auth() and answers 401'),
      fallsThrough: fallsThrough(code, "NextResponse.json({ error: 'Unauthorized' }, { status: 401 });", 'builds a 401 response but does not return it, so the rest of the handler still runs'),
    });
  });

  it('Next.js: an error response built in the catch of a verification, not returned', () => {
    const code = lines(
      "import * as admin from 'firebase-admin';",
      "import { NextResponse } from 'next/server';",
      'export async function POST(request: Request) {',
      '  try {',
      "    await admin.auth().verifyIdToken(request.headers.get('authorization') ?? '');",
      '  } catch {',
      "    NextResponse.json({ error: 'bad token' }, { status: 400 });",
      '  }',
      '  await deleteEverything();',
      "  return new Response('done');",
      '}',
    );
    assert.deepEqual(handler(code, 'POST'), {
      ...authn('calls admin.auth().verifyIdToken() and answers with an error'),
      fallsThrough: fallsThrough(code, "NextResponse.json({ error: 'bad token' }, { status: 400 });", 'builds an error response but does not return it, so the rest of the handler still runs'),
    });
  });

  it('does not fall through with an else, a return after the response, or a throwing rejection', () => {
    const withElse = lines('export function a(req, res, next) {', '  if (!req.user) res.status(401).send();', '  else next();', '}');
    const returnAfter = lines('export function a(req, res, next) {', '  if (!req.user) {', '    res.status(401).send();', '    return;', '  }', '  next();', '}');
    const koaThrow = lines('export const a = async (ctx, next) => {', "  if (!ctx.session.user) ctx.throw(401, 'login first');", '  await next();', '};');
    // Fastify checks reply.sent after a hook, so the route does not run; the rest of the hook may.
    const fastifyNoReturn = lines('export const a = async (request, reply) => {', '  if (!request.user) reply.code(401).send();', "  request.log.info('checked');", '};');
    assert.deepEqual(
      [withElse, returnAfter, koaThrow, fastifyNoReturn].map((code) => middleware(code, 'a')),
      [authn('checks req.user and answers 401'), authn('checks req.user and answers 401'), authn('checks ctx.session.user and answers 401'), authn('checks request.user and answers 401')],
    );
  });
});

describe('authLibraryAt', () => {
  it('resolves middleware expressions through the file imports', () => {
    const code = lines(
      "import passport from 'passport';",
      "import { clerkMiddleware } from '@clerk/express';",
      "const jwt = require('koa-jwt');",
      "export const uses = [passport.authenticate('jwt', { session: false }), clerkMiddleware(), jwt({ secret: 's' }), helper()];",
    );
    const sourceFile = parseSourceFile('src/app.ts', code);
    const array = (sourceFile.statements[3] as ts.VariableStatement).declarationList.declarations[0]!.initializer as ts.ArrayLiteralExpression;
    const found = array.elements.map((element) => {
      const library = authLibraryAt(element, sourceFile);
      return library?.entry ? `${library.entry.module} ${library.entry.memberPath.join('.')}` : library?.nonRejecting?.label;
    });
    assert.deepEqual(found, ['passport authenticate', 'clerkMiddleware()', 'koa-jwt default', undefined]);
  });

  it('says when the options make a library middleware optional', () => {
    const code = lines(
      "import { expressjwt } from 'express-jwt';",
      "export const required = expressjwt({ secret: 's', algorithms: ['HS256'] });",
      "export const optional = expressjwt({ secret: 's', algorithms: ['HS256'], credentialsRequired: false });",
    );
    const sourceFile = parseSourceFile('src/auth.ts', code);
    const initializers = sourceFile.statements.slice(1).map((s) => (s as ts.VariableStatement).declarationList.declarations[0]!.initializer!);
    assert.deepEqual(
      initializers.map((init) => authLibraryAt(init, sourceFile)?.optionalBecause),
      [undefined, 'credentialsRequired: false'],
    );
  });
});

describe('verdicts are kept per source file', () => {
  it('answers the same object for the same function, and analyses a new parse afresh', () => {
    const code = lines('export function requireUser(req, res, next) {', '  if (!req.user) return res.sendStatus(401);', '  next();', '}');
    const first = parseSourceFile('src/auth.ts', code);
    const fn = functionNamed(first, 'requireUser');
    const verdict = analyzeMiddlewareAuth(fn, first);
    assert.equal(analyzeMiddlewareAuth(fn, first), verdict);
    assert.deepEqual(analyzeHandlerAuth(fn, first), verdict);
    const edited = parseSourceFile('src/auth.ts', code.replace('sendStatus(401)', 'sendStatus(200)'));
    assert.equal(analyzeMiddlewareAuth(functionNamed(edited, 'requireUser'), edited), undefined);
  });
});

describe('robustness: code being typed', () => {
  const SOURCES = [
    lines(
      "import jwt from 'jsonwebtoken';",
      "import { AuthGuard } from '@nestjs/passport';",
      'export function requireToken(req, res, next) {',
      "  const token = req.headers.authorization?.split(' ')[1];",
      "  if (!token) { res.status(401).json({ error: 'x' }); }",
      '  jwt.verify(token, SECRET, (err, decoded) => { if (err) return next(err); req.user = decoded; next(); });',
      '}',
      'export class G extends AuthGuard("jwt") implements CanActivate {',
      '  canActivate(context) {',
      '    const isPublic = this.reflector.getAllAndOverride(IS_PUBLIC_KEY, [context.getHandler()]);',
      '    if (isPublic) { return true; }',
      '    const { user } = context.switchToHttp().getRequest();',
      "    if (!user || !user.roles.includes('admin')) throw new ForbiddenException();",
      '    return super.canActivate(context);',
      '  }',
      '}',
      'export async function POST(request) {',
      "  const session = await auth(); if (!session) NextResponse.json({}, { status: 401 }); else if (x) redirect('/login');",
      '  const { data: { user } = {} } = await supabase.auth.getUser(); return user ? Response.json(user) : new Response(null, { status: 403 });',
      '}',
    ),
  ];

  it('walks a condition of 20,000 terms without recursion', () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => `flag${i}`).join(' && ');
    const code = lines('export function requireUser(req, res, next) {', `  if (${terms} && !req.user) next(new Error('login first'));`, '  next();', '}');
    const verdict = middleware(code, 'requireUser');
    assert.deepEqual(
      [verdict?.authenticates, verdict?.how, verdict?.fallsThrough?.why],
      [true, 'checks req.user and passes an error to next()', 'passes an error to next() without returning, so next() still runs'],
    );
  });

  it('never throws on prefixes of a file, or with a character removed', () => {
    let analysed = 0;
    for (const source of SOURCES) {
      // Every fifth prefix and every eleventh removal: enough to cut each construct open, in a second or two.
      for (let cut = 0; cut <= source.length; cut++) {
        const texts = [...(cut % 5 === 0 ? [source.slice(0, cut)] : []), ...(cut % 11 === 0 ? [source.slice(0, cut) + source.slice(cut + 1)] : [])];
        for (const text of texts) {
          const sourceFile = parseSourceFile('src/typing.ts', text);
          walkPreorder(sourceFile, (node) => {
            if (ts.isClassDeclaration(node) || ts.isClassExpression(node)) analyzeGuardClass(node, sourceFile);
            else if (ts.isFunctionLike(node) && 'body' in node) {
              analyzeMiddlewareAuth(node as ts.FunctionLikeDeclaration, sourceFile);
              analyzeHandlerAuth(node as ts.FunctionLikeDeclaration, sourceFile);
              analysed++;
            }
          });
        }
      }
    }
    assert.ok(analysed > 500, `only ${analysed} functions analysed`);
  });
});
