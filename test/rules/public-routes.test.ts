// Public-by-design paths (rules/data/public-routes.ts) and the auth library table (rules/data/auth-libraries.ts):
// exact reasons per method and path, segment matching (never substrings), and exact library lookups.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AUTH_LIBRARIES, findAuthLibrary, findNonRejectingAuthExport } from '../../rules/data/auth-libraries';
import { publicReasonForPath } from '../../rules/data/public-routes';

function reasons(cases: readonly [string, string][]): (string | undefined)[] {
  return cases.map(([method, path]) => publicReasonForPath(method, path));
}

describe('publicReasonForPath', () => {
  it('names authentication flow endpoints, whatever the method and prefix', () => {
    const cases: [string, string][] = [
      ['POST', '/login'],
      ['post', '/api/v1/auth/login'],
      ['DELETE', '/login'],
      ['POST', '/users/login'],
      ['POST', '/:lang/sign-in'],
      ['POST', '/auth/logout'],
      ['POST', '/api/register'],
      ['POST', '/auth/signup'],
      ['POST', '/auth/refresh'],
      ['POST', '/oauth/token'],
      ['POST', '/auth/forgot-password'],
      ['POST', '/reset-password/:token'],
      ['POST', '/password/reset'],
      ['GET', '/auth/verify-email/:token'],
      ['GET', '/email/verify/:id/:hash'],
      ['GET', '/auth/:provider/callback'],
      ['GET', '/api/auth/callback/:provider'],
      ['GET', '/auth/google'],
      ['GET', '/sso/saml/acs'],
      ['GET', '/api/auth/[...nextauth]'],
      ['OPTIONS', '/api/users/:id'],
    ];
    assert.deepEqual(reasons(cases), [
      'login endpoint',
      'login endpoint',
      'login endpoint',
      'login endpoint',
      'login endpoint',
      'logout endpoint',
      'registration endpoint',
      'registration endpoint',
      'token endpoint (exchanges credentials)',
      'token endpoint (exchanges credentials)',
      'password reset request',
      'password reset request',
      'password reset request',
      'email verification link',
      'email verification link',
      'OAuth callback',
      'OAuth callback',
      'OAuth sign-in redirect',
      'OAuth/SSO flow',
      'Auth.js route handler',
      'CORS preflight',
    ]);
  });

  it('names health checks, docs and static files for reads only', () => {
    const cases: [string, string][] = [
      ['GET', '/health'],
      ['GET', '/healthz'],
      ['HEAD', '/api/health/ready'],
      ['GET', '/actuator/health'],
      ['GET', '/api/v2/status'],
      ['ALL', '/ping'],
      ['GET', '/version'],
      ['GET', '/docs'],
      ['USE', '/api-docs'],
      ['GET', '/docs/*'],
      ['GET', '/openapi.json'],
      ['GET', '/swagger/swagger.json'],
      ['GET', '/favicon.ico'],
      ['GET', '/static/:file'],
      ['GET', '/css/site.css'],
      ['GET', '/.well-known/openid-configuration'],
    ];
    assert.deepEqual(reasons(cases), [
      'health check',
      'health check',
      'health check',
      'health check',
      'health check',
      'health check',
      'health check',
      'API documentation',
      'API documentation',
      'API documentation',
      'API documentation',
      'API documentation',
      'static files',
      'static files',
      'static files',
      'well-known metadata',
    ]);
  });

  it('matches whole segments, not substrings, and not resources that happen to share a word', () => {
    const cases: [string, string][] = [
      ['GET', '/api/users/:id/login-history'],
      ['GET', '/catalog'],
      ['POST', '/blogin'],
      ['GET', '/loginAttempts'],
      ['PATCH', '/orders/:id/status'],
      ['GET', '/orders/:id/status'],
      ['POST', '/orders/:id/confirm'],
      ['POST', '/users/:id/password/reset'],
      ['GET', '/documents/:id/version'],
      ['GET', '/docs/:id'],
      ['GET', '/projects/docs'],
      ['POST', '/health'],
      ['DELETE', '/static/:file'],
      ['GET', '/metrics'],
      ['POST', '/users/:id/tokens'],
      ['POST', '/payments/callback'],
      ['GET', '/export.csv'],
      ['GET', '/users/:id/avatar.png'],
      ['POST', '/webhooks/stripe'],
      ['GET', '/auth/me'],
      ['GET', '/api/admin/users'],
    ];
    assert.deepEqual(reasons(cases), cases.map(() => undefined));
  });

  it('knows slash forms of reset and confirmation flows, sign-in steps and contact forms (tried on public apps)', () => {
    assert.deepEqual(
      reasons([['POST', '/api/v1/auth/forgot/password'], ['POST', '/auth/reset/password'], ['POST', '/auth/email/confirm/new'], ['POST', '/v1/auth/send-password-reset'], ['POST', '/rest/2fa/verify'], ['POST', '/login/webauthn-start'], ['POST', '/contact'], ['POST', '/users/:id/2fa/verify'], ['DELETE', '/contact']]),
      ['password reset request', 'password reset request', 'email verification link', 'password reset request', 'sign-in step (before a session exists)', 'sign-in step (before a session exists)', 'contact form', undefined, undefined],
    );
  });

  it('knows the plural refresh-tokens endpoint (node-express-boilerplate)', () => {
    assert.deepEqual(reasons([['POST', '/v1/auth/refresh-tokens']]), ['token endpoint (exchanges credentials)']);
  });

  it('treats POST on the users collection itself as sign-up, and nothing else about users', () => {
    assert.deepEqual(
      reasons([['POST', '/api/users'], ['POST', '/v1/accounts'], ['POST', '/admin/users'], ['POST', '/api/users/:id'], ['GET', '/api/users'], ['PUT', '/users'], ['POST', '/teams/:id/users']]),
      ['registration endpoint (creates an account)', 'registration endpoint (creates an account)', undefined, undefined, undefined, undefined, undefined],
    );
  });

  it('ignores query strings, trailing slashes, case and Next.js route groups', () => {
    assert.deepEqual(reasons([['GET', '/Health/?verbose=1'], ['POST', '/(auth)/login/'], ['GET', '/api/(public)/status']]), ['health check', 'login endpoint', 'health check']);
  });
});

describe('findAuthLibrary', () => {
  it('finds each documented export with its kind, usage and label', () => {
    const found = (module: string, ...path: string[]) => {
      const entry = findAuthLibrary(module, path);
      return entry && `${entry.kind}/${entry.usage}/${entry.factory ? 'factory' : 'as-is'}${entry.failure ? `/${entry.failure}` : ''}: ${entry.label}`;
    };
    assert.deepEqual(
      [
        found('passport', 'authenticate'),
        found('koa-passport', 'authenticate'),
        found('connect-ensure-login', 'ensureLoggedIn'),
        found('express-jwt', 'expressjwt'),
        found('express-jwt', 'default'),
        found('express-oauth2-jwt-bearer', 'auth'),
        found('express-oauth2-jwt-bearer', 'requiredScopes'),
        found('express-oauth2-jwt-bearer', 'claimIncludes'),
        found('express-openid-connect', 'requiresAuth'),
        found('express-basic-auth', 'default'),
        found('@clerk/express', 'requireAuth'),
        found('@clerk/clerk-sdk-node', 'ClerkExpressRequireAuth'),
        found('koa-jwt', 'default'),
        found('hono/jwt', 'jwt'),
        found('hono/bearer-auth', 'bearerAuth'),
        found('hono/basic-auth', 'basicAuth'),
        found('@fastify/jwt', 'default'),
        found('@fastify/auth', 'default'),
        found('@nestjs/passport', 'AuthGuard'),
        found('next-auth', 'getServerSession'),
        found('next-auth', 'default', 'auth'),
        found('@supabase/ssr', 'createServerClient', 'auth', 'getUser'),
        found('firebase-admin', 'auth', 'verifyIdToken'),
        found('lucia', 'Lucia', 'validateSession'),
        found('iron-session', 'getIronSession'),
        found('jsonwebtoken', 'verify'),
        found('@auth0/nextjs-auth0', 'withApiAuthRequired'),
      ],
      [
        'authentication/middleware/factory: passport',
        'authentication/middleware/factory: passport',
        'authentication/middleware/factory: connect-ensure-login',
        'authentication/middleware/factory: express-jwt',
        'authentication/middleware/factory: express-jwt',
        'authentication/middleware/factory: express-oauth2-jwt-bearer',
        'authorization/middleware/factory: express-oauth2-jwt-bearer',
        'authorization/middleware/factory: express-oauth2-jwt-bearer',
        'authentication/middleware/factory: express-openid-connect',
        'authentication/middleware/factory: express-basic-auth',
        'authentication/middleware/factory: Clerk',
        'authentication/middleware/factory: Clerk',
        'authentication/middleware/factory: koa-jwt',
        'authentication/middleware/factory: hono/jwt',
        'authentication/middleware/factory: hono/bearer-auth',
        'authentication/middleware/factory: hono/basic-auth',
        'authentication/plugin/as-is: @fastify/jwt',
        'authentication/plugin/as-is: @fastify/auth',
        'authentication/guard/factory: @nestjs/passport AuthGuard',
        'authentication/in-handler/factory/result-must-be-checked: next-auth',
        'authentication/in-handler/factory/result-must-be-checked: Auth.js',
        'authentication/in-handler/factory/result-must-be-checked: Supabase',
        'authentication/in-handler/factory/throws: firebase-admin',
        'authentication/in-handler/factory/result-must-be-checked: Lucia',
        'authentication/in-handler/factory/result-must-be-checked: iron-session',
        'authentication/in-handler/factory/throws: jsonwebtoken',
        'authentication/wrapper/factory: Auth0',
      ],
    );
  });

  it('matches modules exactly and member paths whole; a leading default is optional', () => {
    assert.equal(findAuthLibrary('hono', ['jwt']), undefined);
    assert.equal(findAuthLibrary('hono/jwt', ['default']), undefined);
    assert.equal(findAuthLibrary('passport', ['authenticate', 'x']), undefined);
    assert.equal(findAuthLibrary('passport', ['default', 'authenticate'])?.label, 'passport');
    assert.equal(findAuthLibrary('jsonwebtoken', ['sign']), undefined);
    assert.equal(findAuthLibrary('@clerk/express', ['clerkMiddleware']), undefined);
    assert.equal(findAuthLibrary('passport', ['session']), undefined);
  });

  it('knows the look-alikes that never reject', () => {
    assert.equal(findNonRejectingAuthExport('@clerk/express', ['clerkMiddleware'])?.why, 'attaches the Clerk session but never rejects; use requireAuth() or check getAuth(req)');
    assert.equal(findNonRejectingAuthExport('passport', ['session'])?.label, 'passport.session()');
    assert.equal(findNonRejectingAuthExport('passport', ['authenticate']), undefined);
  });

  it('has one entry per module and member path', () => {
    const keys = AUTH_LIBRARIES.map((entry) => `${entry.module} ${entry.memberPath.join('.')}`);
    assert.equal(new Set(keys).size, keys.length);
  });
});
