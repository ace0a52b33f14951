// hardcoded-secret on real backends (issue 10): error codes and messages under credential names are not credentials,
// tests/fixtures/mocks report provider-format keys only, public client keys are information with the reason, and
// Stripe test-mode keys are warnings. Each with the traps that must still be reported, in TS, CommonJS and ESM.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { describe, it } from 'node:test';
import { hardcodedSecret } from '../../rules/hardcoded-secret';
import { isTestFile } from '../../rules/support/test-files';
import { applyFix, runCase, runRuleTests } from '../support/rule-tester';
import { typeCheckFiles } from '../support/type-check';

// Fake but format-valid keys, assembled so that no full token sits in this file.
const STRIPE_LIVE = 'sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD';
const STRIPE_TEST = 'sk_test_' + 'OveMCPvenqsVWRkz9wuO8RVY';
const STRIPE_TEST_RESTRICTED = 'rk_test_' + '5FWqS0UW13SlKKby36dyp5qa';
const STRIPE_PUBLISHABLE = 'pk_live_' + 'mhQjzgAh7yEGTle3SORsusMm';
const STRIPE_DOCS_TEST = 'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc';
const CLERK_PUBLISHABLE = 'pk_test_' + 'cXVpZXQtb3dsLTEyLmNsZXJrLmFjY291bnRzLmRldiQ=';
const GITHUB = 'ghp_' + 'Hk34VYhy9EsAYi8IasRq' + 'bo32F3GIiev7sLWa';
const GOOGLE = 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6';
const POSTHOG = 'phc_' + 'stkuqiVxbpJ7BiBIeSlM7' + 'Jvt7esSnpWOxR7tTh7II2P';
const MAPBOX = 'pk.eyJ1IjoiYWNtZSIsImEiOiJjbHgxMjM0NTY3ODkwIn0' + '.Zk3mW8pQ2rT6yU9iO0pA1s';
const SENTRY_DSN = 'https://' + '70ba5c2aea1ef32401715ae774e937b1' + '@o412345.ingest.sentry.io/5567890';
const JWT_HEADER = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9';
const JWT_SIGNATURE = 'KSDKgnu9v95WfSAV7kVcZj2x' + 'bKiiXDg2iyFL7tnJVKQ';
const SUPABASE_ANON = JWT_HEADER + '.' + 'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFma3ptd2JucnR4bHB2aGRnY3NlIiwicm9sZSI6ImFub24iLCJpYXQiOjE3MzI3ODA4MDAsImV4cCI6MjA0ODM1NjgwMH0' + '.' + JWT_SIGNATURE;
const SUPABASE_SERVICE = JWT_HEADER + '.' + 'eyJpc3MiOiJzdXBhYmFzZSIsInJlZiI6InFma3ptd2JucnR4bHB2aGRnY3NlIiwicm9sZSI6InNlcnZpY2Vfcm9sZSIsImlhdCI6MTczMjc4MDgwMCwiZXhwIjoyMDQ4MzU2ODAwfQ' + '.' + JWT_SIGNATURE;

const PEM_LINES = ['-----BEGIN ' + 'RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAQZThDffqC+si2ARELn8O80FHtafmObWYYPdnIPwNEVpd0kc72nnB', 'FwrrYxIiq0hL9/ioj1gQyzyAWMjz25BAssgLZWTMnGMsxl0H2vvf5/B6+FTe4e+b', '-----END RSA ' + 'PRIVATE KEY-----'];
const DB_URL = 'postgres://app:' + 'Tr0ub4dor-9x@' + 'db.internal.acme-corp.net:5432/app';

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 8);
const redacted = (value: string) => `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(${value.length} chars)`;
const providerMessage = (name: string, token: string) => `${name} in source (${redacted(token)}, sha256 ${sha(token)}). Rotate it: it stays in version history.`;
const publicMessage = (name: string, reason: string, token: string) => `${name}: public by design (${reason}), not a secret (${redacted(token)}, sha256 ${sha(token)}).`;
const credentialMessage = (sink: string, value: string) =>
  `Hard-coded credential in ${sink} (${redacted(value)}, sha256 ${sha(value)}). Move it out of source and rotate it: it stays in version history.`;
const at = (line: number, column: number, sourceLength: number) => ({ line, column, endLine: line, endColumn: column + sourceLength });
const quoted = (value: string) => value.length + 2;

runRuleTests(hardcodedSecret, {
  valid: [
    // 1. Error codes, i18n keys and messages under names that contain TOKEN/PASSWORD/SECRET/KEY.
    "export const TOKEN_EXPIRED = 'errors.session/token-expired';",
    "export const INVALID_PASSWORD = 'auth/invalid-password';",
    "export const PASSWORD_REQUIRED = 'Password is required';",
    "export const SECRET_NOT_FOUND = 'secret_not_found';",
    "export const MAILER_SMTP_PASSWORD_UNDEFINED = 'mailer/smtp_password_undefined' as const;",
    "export const REFRESH_TOKEN_REVOKED = 'refreshTokenRevoked';",
    "throw new UnauthorizedException({ token: 'E_TOKEN_INVALID' });",
    "export const errors = { password: 'auth/weak-password', apiKey: 'apiKey.invalid', token: 'TokenExpiredError' };",
    'export enum Errors {\n  TokenExpired = \'token_expired\',\n  InvalidPassword = \'auth/invalid-password\',\n  PasswordTooShort = \'PASSWORD_TOO_SHORT\',\n}',
    "export const validation = { messages: { password: 'Must be 8 characters' } };",
    { name: 'CommonJS: a label under an auth-named key', code: "module.exports = {\n  'a2_broken_auth': 'A2: Broken Authentication',\n};\n", filename: 'config/vulns.js' },
    {
      name: 'CommonJS: an error-code table',
      code: "module.exports = {\n  TOKEN_EXPIRED: 'errors.session/token-expired',\n  WRONG_PASSWORD: 'auth/wrong-password',\n  API_KEY_MISSING: 'api_key_missing',\n};\n",
      filename: 'src/errors.js',
    },
    { name: 'ESM: an error code', code: "export const ERR_SECRET_MISSING = 'secret-missing';\n", filename: 'src/errors.mjs' },
    // Seen on real backends (precision run): design tokens, sentinels, alphabets, a placeholder on a synthetic user.
    {
      name: 'design tokens are CSS custom properties',
      code: "export const colors = [\n  { token: '--color-success', usedBy: 'Completed' },\n  { label: 'Failed', token: '--color-error' },\n];\nexport const Swatch = () => <div style={{ color: 'var(--color-text-dimmed)' }} />;\n",
      filename: 'app/routes/storybook.colors/route.tsx',
    },
    "const SKIP_ACCESS_TOKENS_SENTINEL = 's2-skip-access-tokens';",
    "class TokenService {\n  private readonly tokenChars = '1234567890abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';\n}",
    "req.user = new ApiUser({ tokenName: 'unknown', type: 'frontend', secret: 'unknown' });",

    // 2. Tests, fixtures and mocks: fake passwords and signing secrets are not reported, nor are public keys.
    { code: "const password = 'hunter2';", filename: 'e2e/login.ts' },
    { code: "cy.get('#password').type('S3cr3t!pw');\nconst password = 'S3cr3t!pw';", filename: 'cypress/e2e/login.cy.ts' },
    { code: "export const handlers = [{ apiKey: 'k3y-9f8a7b6c5d', password: 'hunter2' }];", filename: 'src/mocks/handlers.ts' },
    { code: "const jwt = require('jsonwebtoken');\nmodule.exports = () => jwt.sign({ sub: 1 }, 'test-jwt-s3cret');\n", filename: 'test/helpers.js' },
    { code: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: 1 }, 'shhhhh');\n", filename: 'tests/setup.mjs' },
    { code: "export const login = { password: 'hunter2' };", filename: 'src/auth/login.e2e.ts' },
    { code: `module.exports = { publishableKey: '${STRIPE_PUBLISHABLE}' };\n`, filename: '__mocks__/stripe.js' },
    { code: "beforeAll(() => seed({ email: 'e2e@acme-shop.net', password: '12345678' }));", filename: 'apps/backend/vitest-e2e.setup.ts' },
    // Formats apps mint or generate themselves are fixtures in tests: sample JWTs, generated PEM keys, test databases.
    { code: `const authHeader = 'Bearer ${SUPABASE_SERVICE}';\nit('accepts a token', () => request(app).get('/me').set('Authorization', authHeader));\n`, filename: 'test/server/currentUser.unit.test.ts' },
    { code: `module.exports = { privateKey: \`${PEM_LINES.join('\n')}\`, db: '${DB_URL}' };\n`, filename: 'test/fixtures/keys.js' },

    // 3. Keys that are not secrets and not public-key formats either.
    "const publishable = 'pk_live_XXXXXXXXXXXXXXXXXXXXXXXX';",
    // 4. Stripe test keys: placeholders and Stripe's own documentation key are not credentials.
    `const stripe = new Stripe('${STRIPE_DOCS_TEST}');`,
    "const stripe = new Stripe('sk_test_xxxxxxxxxxxxxxxxxxxxxxxx');",
    "const stripe = new Stripe('sk_test_123');",
  ],
  invalid: [
    // 1. Traps: credentials under credential names still report.
    {
      name: 'trap: a random-looking API token',
      code: "export const API_TOKEN = 'tok_9fK2mQ7xLp3Zr8Vw';\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"API_TOKEN"', 'tok_9fK2mQ7xLp3Zr8Vw'), severity: 'warning', ...at(1, 26, 22) }],
      output: 'export const API_TOKEN = process.env.API_TOKEN!;\n',
    },
    {
      name: 'trap: a word-like database password (CommonJS)',
      code: "const DB_PASSWORD = 'hunter2';\nmodule.exports = { DB_PASSWORD };\n",
      filename: 'src/config.js',
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"DB_PASSWORD"', 'hunter2'), severity: 'warning', ...at(1, 21, 9) }],
      output: 'const DB_PASSWORD = process.env.DB_PASSWORD;\nmodule.exports = { DB_PASSWORD };\n',
    },
    {
      name: "trap: a guessable secret made of words ('my-super-secret-key') used by jwt.sign (ESM)",
      code: "import jwt from 'jsonwebtoken';\nconst SECRET = 'my-super-secret-key';\nexport const issue = (id) => jwt.sign({ id }, SECRET);\n",
      filename: 'src/auth.mjs',
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"SECRET"', 'my-super-secret-key'), severity: 'warning', ...at(2, 16, 21) }],
      output: "import jwt from 'jsonwebtoken';\nconst SECRET = process.env.SECRET;\nexport const issue = (id) => jwt.sign({ id }, SECRET);\n",
    },
    {
      name: 'trap: a known secret slot takes even a code-like value',
      code: "app.use(session({ secret: 'token-expired' }));\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"secret"', 'token-expired'), severity: 'warning', ...at(1, 27, 15) }],
    },

    // 2. A real key in a test is still a leak: provider formats are reported in tests, fixtures and mocks.
    {
      name: 'test file: a live Stripe key is an error',
      code: `const stripe = new Stripe('${STRIPE_LIVE}');\nconst password = 'hunter2';\n`,
      filename: 'src/__tests__/billing.ts',
      errors: [{ messageId: 'providerToken', message: providerMessage('Stripe live secret key', STRIPE_LIVE), severity: 'error', ...at(1, 27, quoted(STRIPE_LIVE)) }],
      output: `const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\nconst password = 'hunter2';\n`,
    },
    {
      name: 'fixture (CommonJS): a GitHub token is an error, the fixture password is not reported',
      code: `module.exports = {\n  password: 'hunter2',\n  githubToken: '${GITHUB}',\n};\n`,
      filename: 'test/fixtures/config.js',
      errors: [{ messageId: 'providerToken', message: providerMessage('GitHub personal access token', GITHUB), severity: 'error', ...at(3, 16, quoted(GITHUB)) }],
    },
    {
      name: 'test file: a Stripe test-mode key is a warning',
      code: `import Stripe from 'stripe';\nexport const stripe = new Stripe('${STRIPE_TEST}');\n`,
      filename: 'test/payments.test.ts',
      errors: [{ messageId: 'providerToken', message: providerMessage('Stripe test-mode secret key', STRIPE_TEST), severity: 'warning', ...at(2, 34, quoted(STRIPE_TEST)) }],
    },

    {
      name: 'ignoreTestFiles: false: a sample JWT in a test is reported like anywhere else',
      code: `export const token = '${SUPABASE_SERVICE}';\n`,
      filename: 'test/auth.test.ts',
      options: { ignoreTestFiles: false },
      errors: [{ messageId: 'providerToken', message: providerMessage('JSON Web Token', SUPABASE_SERVICE), severity: 'error', ...at(1, 22, quoted(SUPABASE_SERVICE)) }],
    },

    // 3. Public client keys: information, with the reason, and nothing to move or rotate.
    {
      name: 'Stripe publishable key',
      code: `export const stripeKey = '${STRIPE_PUBLISHABLE}';\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Stripe publishable key', 'it only identifies the account to Stripe.js in the browser', STRIPE_PUBLISHABLE), severity: 'info', ...at(1, 26, quoted(STRIPE_PUBLISHABLE)) }],
      output: null,
    },
    {
      name: 'Clerk publishable key (same prefix as Stripe)',
      code: `export const clerk = { publishableKey: '${CLERK_PUBLISHABLE}' };\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Clerk publishable key', 'it only names the Clerk instance to the browser', CLERK_PUBLISHABLE), severity: 'info', ...at(1, 40, quoted(CLERK_PUBLISHABLE)) }],
    },
    {
      name: 'PostHog project key (ESM)',
      code: `import posthog from 'posthog-js';\nposthog.init('${POSTHOG}', { api_host: 'https://eu.posthog.com' });\n`,
      filename: 'src/analytics.mjs',
      errors: [{ messageId: 'publicClientKey', message: publicMessage('PostHog project API key', 'it only lets clients send events to the project', POSTHOG), severity: 'info', ...at(2, 14, quoted(POSTHOG)) }],
      output: null,
    },
    {
      name: 'Firebase web config (TypeScript)',
      code: `import { initializeApp } from 'firebase/app';\nexport const app = initializeApp({\n  apiKey: '${GOOGLE}',\n  authDomain: 'acme-shop.firebaseapp.com',\n  projectId: 'acme-shop',\n});\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Firebase web API key', 'a Firebase web config ships to every browser; Security Rules and App Check guard the data', GOOGLE), severity: 'info', ...at(3, 11, quoted(GOOGLE)) }],
    },
    {
      name: 'Firebase web config (CommonJS) with projectId and appId only',
      code: `module.exports = {\n  apiKey: '${GOOGLE}',\n  projectId: 'acme-shop',\n  appId: '1:81234567890:web:2d8s7f6g5h4j',\n};\n`,
      filename: 'src/firebase.js',
      errors: [{ messageId: 'publicClientKey', severity: 'info', ...at(2, 11, quoted(GOOGLE)) }],
    },
    {
      name: 'Mapbox public token',
      code: `mapboxgl.accessToken = '${MAPBOX}';\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Mapbox public token', 'public tokens are meant for browser maps; restrict it to your URLs', MAPBOX), severity: 'info', ...at(1, 24, quoted(MAPBOX)) }],
    },
    {
      name: 'Sentry DSN',
      code: `Sentry.init({ dsn: '${SENTRY_DSN}' });\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Sentry DSN', 'its key only lets clients send events to the project', SENTRY_DSN), severity: 'info', ...at(1, 20, quoted(SENTRY_DSN)) }],
    },
    {
      name: 'Supabase anon key',
      code: `import { createClient } from '@supabase/supabase-js';\nexport const supabase = createClient('https://qfkzmwbnrtxlpvhdgcse.supabase.co', '${SUPABASE_ANON}');\n`,
      errors: [{ messageId: 'publicClientKey', message: publicMessage('Supabase anon key', 'the anon key is meant for browsers; row level security guards the data', SUPABASE_ANON), severity: 'info', ...at(2, 82, quoted(SUPABASE_ANON)) }],
    },
    {
      name: 'Algolia search-only key under its name',
      code: "export const algoliaSearchKey = '8167de5ad138638c96217ce17511cb08';\n",
      errors: [{ messageId: 'publicClientKey', severity: 'info', ...at(1, 33, 34) }],
    },
    // Traps: secret keys of the same providers stay errors.
    {
      name: 'trap: a Google API key outside a Firebase web config is an error, even with "firebase" nearby',
      code: `import admin from 'firebase-admin';\nexport const firebaseServerKey = '${GOOGLE}';\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('Google API key', GOOGLE), severity: 'error', ...at(2, 34, quoted(GOOGLE)) }],
    },
    {
      name: 'trap: a Stripe live secret key next to a publishable key',
      code: `export const stripe = { publishableKey: '${STRIPE_PUBLISHABLE}', secretKey: '${STRIPE_LIVE}' };\n`,
      errors: [
        { messageId: 'publicClientKey', severity: 'info', ...at(1, 41, quoted(STRIPE_PUBLISHABLE)) },
        { messageId: 'providerToken', message: providerMessage('Stripe live secret key', STRIPE_LIVE), severity: 'error', ...at(1, 88, quoted(STRIPE_LIVE)) },
      ],
    },
    {
      name: 'trap: the Supabase service_role key is a secret JWT',
      code: `export const supabaseAdmin = createClient(url, '${SUPABASE_SERVICE}');\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('JSON Web Token', SUPABASE_SERVICE), severity: 'error', ...at(1, 48, quoted(SUPABASE_SERVICE)) }],
    },

    // 4. Stripe test-mode keys are credentials: warnings that say "test mode".
    {
      name: 'Stripe test-mode secret key (TypeScript)',
      code: `import Stripe from 'stripe';\nexport const stripe = new Stripe('${STRIPE_TEST}', { apiVersion: '2024-06-20' });\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('Stripe test-mode secret key', STRIPE_TEST), severity: 'warning', ...at(2, 34, quoted(STRIPE_TEST)) }],
      output: "import Stripe from 'stripe';\nexport const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!, { apiVersion: '2024-06-20' });\n",
      outputFiles: { '.env': `STRIPE_SECRET_KEY=${STRIPE_TEST}\n` },
    },
    {
      name: 'Stripe test-mode restricted key (CommonJS)',
      code: `const stripe = require('stripe')('${STRIPE_TEST_RESTRICTED}');\n`,
      filename: 'src/billing.js',
      errors: [{ messageId: 'providerToken', message: providerMessage('Stripe test-mode restricted key', STRIPE_TEST_RESTRICTED), severity: 'warning', ...at(1, 34, quoted(STRIPE_TEST_RESTRICTED)) }],
      output: "const stripe = require('stripe')(process.env.STRIPE_RESTRICTED_KEY);\n",
    },
  ],
});

describe('hardcoded-secret noise: which files are tests, fixtures and mocks', () => {
  const table: [string, boolean][] = [
    ['test/auth.ts', true], ['tests/setup.mjs', true], ['src/__tests__/billing.ts', true], ['spec/users.js', true],
    ['test/fixtures/config.js', true], ['src/__mocks__/stripe.js', true], ['src/mocks/handlers.ts', true],
    ['e2e/login.ts', true], ['cypress/e2e/login.cy.ts', true], ['src/users.spec.ts', true], ['src/users.test.js', true],
    ['src/auth/login.e2e.ts', true], ['test/app.e2e-spec.ts', true], ['src/login.cy.js', true],
    ['src/mocks.ts', false], ['src/e2e-utils.ts', false], ['src/contest/entries.ts', false], ['src/testing.ts', false],
    ['src/specification/users.ts', false], ['src/cypress.config.ts', false],
    ['vitest-e2e.setup.ts', true], ['jest.setup.js', true], ['src/setupTests.ts', true], ['test-setup.mjs', true],
    ['src/latest-setup.ts', false], ['src/db/setup.ts', false], ['src/setup.ts', false],
  ];
  for (const [relative, expected] of table) {
    it(`${relative} → ${expected ? 'test' : 'product code'}`, () => assert.equal(isTestFile(`/work/app/${relative}`, '/work/app'), expected));
  }
});

describe('hardcoded-secret noise: the Stripe test-mode fix type-checks under strict', () => {
  it('moves the key to STRIPE_SECRET_KEY; the code compiles and the finding goes', () => {
    const stubs = "declare module 'stripe' {\n  export default class Stripe { constructor(key: string, options?: { apiVersion?: string }); }\n}\n";
    const code = `import Stripe from 'stripe';\nexport const stripe = new Stripe('${STRIPE_TEST}', { apiVersion: '2024-06-20' });\n`;
    assert.deepEqual(typeCheckFiles({ 'src/app.ts': code, 'stubs.d.ts': stubs }), [], 'the original must compile');
    const run = runCase(hardcodedSecret, { code });
    const finding = run.analysis.findings.find((f) => f.ruleId === 'hardcoded-secret');
    assert.equal(finding?.severity, 'warning');
    applyFix(run, finding!.fixes[0]!);
    const fixed = fs.readFileSync(run.filePath, 'utf8');
    assert.deepEqual(typeCheckFiles({ 'src/app.ts': fixed, 'stubs.d.ts': stubs }), []);
    assert.deepEqual(runCase(hardcodedSecret, { code: fixed }).analysis.findings.map((f) => f.message), []);
  });
});
