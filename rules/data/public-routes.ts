// Paths that are public by design: a route there is never reported for missing authentication. Matched on whole
// path segments (`/users/:id/login-history` is not a login route, `/catalog` is not `/login`), with the methods each
// kind of route is called with.
//
// Not public by default (a deliberate choice):
// - metrics (`/metrics`): Prometheus output leaks routes, volumes and internals; expose it on another port or protect it;
// - webhooks: they must verify a signature, which is another question than "who is the user";
// - a bare `verify`/`confirm`/`reset`/`status`/`version` segment inside a resource path (`/orders/:id/confirm`,
//   `PATCH /orders/:id/status`): those change or read data.

/** Methods that only read (and `ALL`/`USE`, which include GET); health, docs and static files are read. */
const READ_METHODS = ['GET', 'HEAD', 'OPTIONS', 'ALL', 'USE', '*'];

export interface PublicRouteKind {
  reason: string;
  /**
   * A run of consecutive static segments, each given as its alternatives (lower case). A route matches when its
   * static segments contain the run at `where`.
   */
  runs: readonly (readonly (readonly string[])[])[];
  /**
   * 'last': the run ends at the last static segment (parameters may follow, `/reset-password/:token`);
   * 'first': the run starts at the first segment after the prefixes (`api`, `v1`, …), anything may follow;
   * 'whole': the run starts after the prefixes and no parameter follows it but a wildcard (`/docs/*`, not `/docs/:id`);
   * 'exact': the run is everything after the prefixes (`POST /api/users`, not `POST /api/admin/users`).
   */
  where: 'last' | 'first' | 'whole' | 'exact';
  /** Upper-case methods it is public for; every method when absent. */
  methods?: readonly string[];
  /** No parameter segment may come before the run (`/users/:id/password/reset` acts on a user). */
  noParameterBefore?: boolean;
  /** The first segment after the prefixes must be one of these (`/auth/:provider/callback`). */
  firstSegment?: readonly string[];
}

/** Leading segments that say where an API lives, not what a route does. */
export const PATH_PREFIX_SEGMENTS = new Set(['api', 'internal', 'system', 'sys', 'meta', 'monitoring', 'management', 'actuator', 'service', '_', 'rest']);
/** `v1`, `v2.1`: an API version segment, also a prefix. */
const VERSION_SEGMENT = /^v\d+(\.\d+)?$/;

const OAUTH_PROVIDERS = ['google', 'github', 'gitlab', 'facebook', 'twitter', 'x', 'microsoft', 'azure', 'azuread', 'apple', 'linkedin', 'discord', 'okta', 'auth0', 'slack', 'bitbucket', 'keycloak', 'cognito', 'twitch', 'spotify'];
const STATIC_FILE_EXTENSION = /\.(css|m?js|map|png|jpe?g|gif|svg|ico|webp|avif|woff2?|ttf|otf|eot|webmanifest)$/;

export const PUBLIC_ROUTE_KINDS: readonly PublicRouteKind[] = [
  { reason: 'CORS preflight', runs: [], where: 'last', methods: ['OPTIONS'] },
  { reason: 'login endpoint', runs: [[['login', 'signin', 'sign-in', 'sign_in', 'log-in', 'log_in']]], where: 'last' },
  { reason: 'logout endpoint', runs: [[['logout', 'signout', 'sign-out', 'sign_out', 'log-out', 'log_out']]], where: 'last' },
  { reason: 'registration endpoint', runs: [[['register', 'registration', 'signup', 'sign-up', 'sign_up']]], where: 'last' },
  // REST-style sign-up: creating a user on the collection itself (the RealWorld API's `POST /api/users`). An admin
  // creating users lives under another path (`/admin/users`) or is authenticated anyway.
  { reason: 'registration endpoint (creates an account)', runs: [[['users', 'accounts']]], where: 'exact', methods: ['POST'] },
  {
    reason: 'token endpoint (exchanges credentials)',
    runs: [[['auth', 'oauth', 'oauth2'], ['token', 'refresh', 'refresh-token', 'refresh_token']], [['token'], ['refresh']], [['refresh-token', 'refresh_token', 'refreshtoken', 'refresh-tokens', 'refresh_tokens']]],
    where: 'last',
    methods: ['POST', 'ALL'],
  },
  {
    reason: 'password reset request',
    runs: [
      [['forgot', 'forgot-password', 'forgot_password', 'forgotpassword', 'reset-password', 'reset_password', 'resetpassword', 'password-reset', 'password_reset', 'passwordreset', 'request-password-reset', 'recover-password', 'password-recovery', 'send-password-reset', 'password-reset-request']],
      [['password'], ['forgot', 'reset', 'recover', 'recovery']],
      [['forgot', 'reset', 'recover'], ['password']],
    ],
    where: 'last',
    noParameterBefore: true,
  },
  {
    reason: 'email verification link',
    runs: [
      [['verify-email', 'verify_email', 'verifyemail', 'confirm-email', 'confirm_email', 'email-verification', 'email-confirmation', 'verify-account', 'confirm-account', 'activate-account']],
      [['email'], ['verify', 'confirm', 'verification', 'confirmation']],
      [['verify', 'confirm'], ['email']],
      [['auth', 'account', 'accounts', 'user', 'users'], ['verify', 'confirm', 'activate', 'verification', 'confirmation']],
      // `POST /auth/email/confirm/new`: asking for a new confirmation link.
      [['email'], ['confirm', 'verify'], ['new', 'resend']],
    ],
    where: 'last',
    noParameterBefore: true,
  },
  // Steps of signing in that come before a session exists: a second factor, a passkey ceremony.
  {
    reason: 'sign-in step (before a session exists)',
    runs: [[['2fa', 'mfa', 'otp', 'totp', 'two-factor'], ['verify', 'resend', 'validate']], [['login', 'signin', 'sign-in'], ['webauthn-start', 'webauthn-verify', 'passkey', '2fa', 'mfa', 'otp', 'totp', 'verify', 'magic-link', 'resend']]],
    where: 'last',
    noParameterBefore: true,
  },
  { reason: 'contact form', runs: [[['contact', 'contact-us']]], where: 'exact', methods: ['GET', 'POST', 'HEAD'] },
  { reason: 'OAuth/SSO flow', runs: [[['oauth', 'oauth2', 'sso', 'saml', 'oidc', 'openid', 'openid-connect']]], where: 'first' },
  {
    reason: 'OAuth callback',
    runs: [[['callback', 'callbacks', 'oauth-callback', 'oauth2callback', 'redirect']]],
    where: 'last',
    firstSegment: ['auth', 'login', 'signin', 'connect', 'passport', 'account', 'accounts', 'social'],
  },
  { reason: 'OAuth sign-in redirect', runs: [[['auth', 'login', 'connect'], OAUTH_PROVIDERS]], where: 'whole', methods: READ_METHODS },
  { reason: 'Auth.js route handler', runs: [[['auth'], ['[...nextauth]', '[...auth]']]], where: 'last' },
  {
    reason: 'health check',
    runs: [[['health', 'healthz', 'healthcheck', 'health-check', 'health_check', '_health', 'readyz', 'livez', 'readiness', 'liveness', 'heartbeat']]],
    where: 'first',
    methods: READ_METHODS,
  },
  { reason: 'health check', runs: [[['ping', 'ready', 'live', 'alive', 'status', 'version', 'up']]], where: 'whole', methods: READ_METHODS },
  {
    reason: 'API documentation',
    runs: [[['docs', 'doc', 'swagger', 'swagger-ui', 'api-docs', 'apidocs', 'redoc', 'openapi', 'openapi.json', 'openapi.yaml', 'openapi.yml', 'swagger.json', 'swagger.yaml', 'api-docs.json', 'graphiql']]],
    where: 'whole',
    methods: READ_METHODS,
  },
  { reason: 'static files', runs: [[['static', 'assets', 'public', '_next', 'favicon.ico', 'robots.txt', 'sitemap.xml', 'manifest.json', 'site.webmanifest', 'humans.txt']]], where: 'first', methods: READ_METHODS },
  { reason: 'well-known metadata', runs: [[['.well-known']]], where: 'first', methods: READ_METHODS },
];

interface PathSegment {
  text: string;
  parameter: boolean;
}

/** Why the route is public by design (`"login endpoint"`), or undefined. */
export function publicReasonForPath(method: string, fullPath: string): string | undefined {
  const upperMethod = method.toUpperCase();
  const segments = pathSegments(fullPath);
  let start = 0;
  while (start < segments.length && !segments[start]!.parameter && isPrefixSegment(segments[start]!.text)) start++;
  for (const kind of PUBLIC_ROUTE_KINDS) {
    if (kind.methods && !kind.methods.includes(upperMethod)) continue;
    if (kind.runs.length === 0) return kind.reason;
    if (kind.firstSegment && (segments[start]?.parameter !== false || !kind.firstSegment.includes(segments[start]!.text))) continue;
    if (kind.runs.some((run) => matchesRun(segments, start, run, kind))) return kind.reason;
  }
  const last = segments[segments.length - 1];
  if (READ_METHODS.includes(upperMethod) && last && !last.parameter && STATIC_FILE_EXTENSION.test(last.text) && segments.every((s) => !s.parameter)) return 'static files';
  return undefined;
}

function matchesRun(segments: readonly PathSegment[], start: number, run: readonly (readonly string[])[], kind: PublicRouteKind): boolean {
  const lastStatic = findLastIndex(segments, (s) => !s.parameter);
  const candidates = kind.where === 'last' ? [lastStatic - run.length + 1] : [start];
  for (const at of candidates) {
    if (at < start || at + run.length > segments.length) continue;
    if (!run.every((alternatives, i) => !segments[at + i]!.parameter && alternatives.includes(segments[at + i]!.text))) continue;
    if (kind.noParameterBefore && segments.slice(0, at).some((s) => s.parameter)) continue;
    if (kind.where === 'whole' && segments.slice(at + run.length).some((s) => s.parameter && s.text !== '*')) continue;
    if (kind.where === 'exact' && at + run.length !== segments.length) continue;
    return true;
  }
  return false;
}

/** Lower-case segments; `:id`, `{id}`, `[id]`, `*`, `(.*)` and regex parts are parameters; Next.js `(group)` folders go. */
function pathSegments(fullPath: string): PathSegment[] {
  const path = fullPath.split(/[?#]/, 1)[0]!.toLowerCase();
  const segments: PathSegment[] = [];
  for (const text of path.split('/')) {
    if (text === '' || /^\([^.*]*\)$/.test(text)) continue;
    if (text === '[...nextauth]' || text === '[...auth]') segments.push({ text, parameter: false });
    else if (text === '*') segments.push({ text, parameter: true });
    else segments.push({ text, parameter: /^[:{[*(]/.test(text) || text.includes('*') });
  }
  return segments;
}

function isPrefixSegment(text: string): boolean {
  return PATH_PREFIX_SEGMENTS.has(text) || VERSION_SEGMENT.test(text);
}

function findLastIndex<T>(items: readonly T[], test: (item: T) => boolean): number {
  for (let i = items.length - 1; i >= 0; i--) if (test(items[i]!)) return i;
  return -1;
}
