import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { parseEnv } from 'node:util';
import { credentialNameStrength } from '../../rules/data/secret-names';
import { hardcodedSecret, formatDotenvValue, parseDotenv } from '../../rules/hardcoded-secret';
import { applyFix, runCase, runRuleTests } from '../support/rule-tester';
import { typeCheckFiles } from '../support/type-check';

// Fake but format-valid secrets, assembled so that no full token sits in this file.
const STRIPE = 'sk_live_' + 'Aru4JlTXhCLS7b8NejBWOCcD'; // 32 chars
const GITHUB = 'ghp_' + 'Hk34VYhy9EsAYi8IasRq' + 'bo32F3GIiev7sLWa'; // 40 chars
const AWS_ID = 'AKIA' + 'KYTGIX6ICLORE23W'; // 20 chars
const GOOGLE = 'AIza' + 'OYA_oIBZJPVLSaRprR8bo0cti-Didh89UX6'; // 39 chars
const DB_URL = 'postgres://app:' + 'Tr0ub4dor-9x@' + 'db.internal.acme-corp.net:5432/app';
const SLACK_HOOK = 'https://hooks.slack.com/services/' + 'TDFZ30ZP0AA/BNC9JLSU12K/' + 'biNXHDDIU0yx9QeRC9M0rimJ';
const JWT = 'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9' + '.' + 'eyJzdWIiOiI0ODIxIiwicm9sZSI6ImFkbWluIiwiaWF0IjoxNzMyNzgwODAwfQ' + '.' + 'KSDKgnu9v95WfSAV7kVcZj2xbKiiXDg2iyFL7tnJVKQ';
const PEM_LINES = ['-----BEGIN ' + 'RSA PRIVATE KEY-----', 'MIIEowIBAAKCAQEAQZThDffqC+si2ARELn8O80FHtafmObWYYPdnIPwNEVpd0kc72nnB', 'FwrrYxIiq0hL9/ioj1gQyzyAWMjz25BAssgLZWTMnGMsxl0H2vvf5/B6+FTe4e+b', '-----END RSA ' + 'PRIVATE KEY-----'];

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 8);
const redacted = (value: string) => `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(${value.length} chars)`;
const providerMessage = (name: string, token: string) => `${name} in source (${redacted(token)}, sha256 ${sha(token)}). Rotate it: it stays in version history.`;
const credentialMessage = (sink: string, value: string) =>
  `Hard-coded credential in ${sink} (${redacted(value)}, sha256 ${sha(value)}). Move it out of source and rotate it: it stays in version history.`;

/** A finding on one line, from the 1-based column of its opening quote and the literal's source length. */
const at = (line: number, column: number, sourceLength: number) => ({ line, column, endLine: line, endColumn: column + sourceLength });
const quoted = (value: string) => value.length + 2;

runRuleTests(hardcodedSecret, {
  valid: [
    // Names about a credential, not the credential.
    "const tokenUrl = 'https://oauth2.googleapis.com/token';",
    "const PASSWORD_MIN_LENGTH = '8';",
    "const secretName = 'prod/api-key';",
    "const opts = { tokenType: 'Bearer', password: '', apiKeyHeader: 'x-api-key' };",
    "export const PASSWORD_FIELD = 'password';",
    "export const ACCESS_TOKEN = 'access_token';",
    "const SECRET_HEADER = 'X-Webhook-Secret';",
    "const authHeader = 'authorization';",
    "const tokenStorageKey = 'auth.token';",
    "const passwordResetExpires = '1h';",
    "const config = { auth: 'jwt', credentials: 'include' };",
    "fetch(url, { credentials: 'same-origin' });",
    "const cancelToken = 'k2f9a8d7c6b5a4';",
    "const theme = [{ token: 'keyword', foreground: 'cb0b96' }, { token: 'delimiter.bracket' }];",
    "const messages = { password: 'Password must be at least 8 characters.', apiKey: 'API key' };",
    "if (body.grant_type === 'password') refresh();",
    "res.cookie('token', token, { httpOnly: true });",
    "const BeeTokenAddress = '0x36435796Ca9be2bf150CE0dECc2D8Fab5C4d6E13';",
    "const welcomeBannerStatusCookieKey = 'welcomebanner_status';",
    // Values read from the environment, config or files.
    'const secret = process.env.JWT_SECRET;',
    "const secret = process.env.JWT_SECRET || '';",
    "const port = process.env.PORT || '3000';",
    "const dbUrl = process.env.DATABASE_URL ?? 'postgres://localhost:5432/dev';",
    "const key = config.get('jwt.secret');",
    "const pem = fs.readFileSync('./keys/private.pem', 'utf8');",
    "const privateKeyPath = './keys/private.pem';",
    "const PRIVATE_KEY_FILE = 'private.pem';",
    "const token = jwt.sign(payload, process.env.JWT_SECRET!, { algorithm: 'HS256', expiresIn: '1h' });",
    "const digest = crypto.createHash('sha256').update(password).digest('hex');",
    "import { sign } from './signing';\nexport const signature = sign(payload, 'sha256');",
    "const headers = { Authorization: `Bearer ${token}` };",
    "const headers = { 'x-api-key': apiKey };",
    // Placeholders and templates.
    "const apiKey = '<your-api-key>';",
    "const token = '${API_TOKEN}';",
    "const secret = '{{secret}}';",
    "const password = 'changeme';",
    "const apiKey = 'your-api-key-here';",
    "const clientSecret = 'REPLACE_ME';",
    "const token = 'xxxx-xxxx-xxxx';",
    "const password = '****';",
    "const apiKey = '...';",
    "const dbPassword = 'test';",
    `const stripeKey = '${'sk_live_' + 'x'.repeat(24)}';`,
    `const dsn = 'postgres://user:\${DB_PASSWORD}@db.acme-corp.net/app';`,
    "mongoose.connect('mongodb://localhost:27017/app');",
    // Documented examples and public values (public client keys are information: hardcoded-secret-noise.test.ts).
    "const accessKeyId = 'AKIAIOSFODNN7EXAMPLE';\nconst secretAccessKey = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';",
    `const publicKey = '-----BEGIN PUBLIC KEY-----\\nMIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAu1SU1LfVLPHCozMxH2Mo\\n-----END PUBLIC KEY-----';`,
    "const googleClientId = '81234567890-k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com';",
    "const userId = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';",
    "passport.use(new LocalStrategy({ usernameField: 'email', passwordField: 'password' }, verify));",
    "const field = { type: 'password', name: 'password', label: 'Password', autoComplete: 'current-password' };",
    "const TOKEN_PREFIX = 'Bearer ';\nconst TOKEN_EXPIRES_IN = '7d';",
    "localStorage.setItem('accessToken', token);",
    "const typeDefs = gql`type User { password: String! token: String }`;",
    "if (text.startsWith('-----BEGIN RSA PRIVATE KEY-----')) parse(text);",
    "new Sequelize('database', 'username', 'password', { dialect: 'sqlite' });",
    // Type-only positions.
    "type Credentials = { password: 'hunter2' };",
    "interface Stub { token: 'abc123def456ghi789' }",
    "declare const apiKey = 'k3y-9f8a7b6c5d';",
    `declare module 'payments' { export const key = '${STRIPE}'; }`,
    // Tier 3 is off by default.
    "const opaque = 'q8Zr2LmN4vT7wX1yB3cD5eF6';",
    // Tier 3 precision, with the option on: named public values, identifiers, base64 of text.
    { code: "const wallet = { address: '1AbKfgvw9psQ41NbLi8kufDQTezwG8DRZm' };", options: { entropy: true } },
    { code: "gl.getExtension('MOZ_WEBGL_compressed_texture_s3tc');", options: { entropy: true } },
    { code: "const path = atob('dG9rZW5zYWxlLWljby1lYQ==');", options: { entropy: true } },
    { code: "const alphabet = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ1234567890';", options: { entropy: true } },
    { code: "const id = '3f2b8c1e-9a4d-4e6f-8b2a-1c3d5e7f9a0b';", options: { entropy: true } },
    // Test files and fixtures report provider-format keys only (more in hardcoded-secret-noise.test.ts).
    { code: "const password = 'hunter2';", filename: 'test/auth.test.ts' },
    { code: "const password = 'hunter2';", filename: 'src/users.spec.ts' },
    { code: "export const users = [{ password: 'hunter2' }];", filename: 'fixtures/users.ts' },
    // Translation tables label UI strings.
    { code: "export default { password: 'Passwort', apiKey: 'API-Schlüssel' };", filename: 'src/locales/de.ts' },
    // Broken or half-typed code: no crash, no finding.
    'const config = { password: process.env.',
    "import jwt from 'jsonwebtoken';\njwt.sign({ sub: 1 }, ",
    // Suppressed with a reason.
    "// apiguard-ignore-next-line hardcoded-secret -- demo credentials, rotated\nconst password = 'hunter2';",
  ],
  invalid: [
    {
      name: 'tier 1: Stripe key as a call argument gets the provider env name; .env and .gitignore are created',
      code: `const stripe = new Stripe('${STRIPE}');\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('Stripe live secret key', STRIPE), severity: 'error', ...at(1, 27, quoted(STRIPE)) }],
      output: 'const stripe = new Stripe(process.env.STRIPE_SECRET_KEY!);\n',
      outputFiles: { '.env': `STRIPE_SECRET_KEY=${STRIPE}\n`, '.gitignore': '.env\n', '.env.example': null },
    },
    {
      name: 'tier 1: credential-named property names the variable',
      code: `const config = { githubToken: '${GITHUB}' };\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('GitHub personal access token', GITHUB), severity: 'error', ...at(1, 31, quoted(GITHUB)) }],
      output: 'const config = { githubToken: process.env.GITHUB_TOKEN! };\n',
      outputFiles: { '.env': `GITHUB_TOKEN=${GITHUB}\n` },
    },
    {
      name: 'tier 1: array element, AWS access key id',
      code: `const ids = ['${AWS_ID}'];\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('AWS access key id', AWS_ID), ...at(1, 14, quoted(AWS_ID)) }],
      output: 'const ids = [process.env.AWS_ACCESS_KEY_ID!];\n',
    },
    {
      name: 'tier 1: default parameter value, database URL with a password',
      code: `export function connect(url = '${DB_URL}') {\n  return url;\n}\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('Database URL with a password', DB_URL.slice(0, DB_URL.indexOf(':5432'))), ...at(1, 31, quoted(DB_URL)) }],
      output: 'export function connect(url = process.env.DATABASE_URL!) {\n  return url;\n}\n',
      outputFiles: { '.env': `DATABASE_URL=${DB_URL}\n` },
    },
    {
      name: 'tier 1: template literal without substitutions',
      code: `const hook = \`${SLACK_HOOK}\`;\n`,
      errors: [{ messageId: 'providerToken', ...at(1, 14, quoted(SLACK_HOOK)) }],
      output: 'const hook = process.env.SLACK_WEBHOOK_URL!;\n',
    },
    {
      name: 'tier 1: a multi-line private key moves to a double-quoted .env value',
      code: `const signingKey = \`${PEM_LINES.join('\n')}\`;\n`,
      errors: [{ messageId: 'providerToken', line: 1, column: 20, endLine: 4, endColumn: 31 }],
      output: 'const signingKey = process.env.SIGNING_KEY!;\n',
      outputFiles: { '.env': `SIGNING_KEY="${PEM_LINES.join('\\n')}"\n` },
    },
    {
      name: 'tier 1: a JWT inside an Authorization header value; the env value is quoted for the space',
      code: `const headers = { Authorization: 'Bearer ${JWT}' };\n`,
      errors: [{ messageId: 'providerToken', message: providerMessage('JSON Web Token', JWT), ...at(1, 34, quoted('Bearer ' + JWT)) }],
      output: 'const headers = { Authorization: process.env.AUTHORIZATION! };\n',
      outputFiles: { '.env': `AUTHORIZATION='Bearer ${JWT}'\n` },
    },
    {
      name: 'tier 1 in JavaScript: no non-null assertion',
      code: `const maps = createClient({ key: '${GOOGLE}' });\n`,
      filename: 'src/maps.js',
      errors: [{ messageId: 'providerToken', ...at(1, 34, quoted(GOOGLE)) }],
      output: 'const maps = createClient({ key: process.env.GOOGLE_API_KEY });\n',
    },
    {
      name: 'tier 1 in JSX: the replacement is wrapped in braces',
      code: `export const map = <Map apiKey="${GOOGLE}" />;\n`,
      filename: 'src/map.tsx',
      errors: [{ messageId: 'providerToken', ...at(1, 32, quoted(GOOGLE)) }],
      output: 'export const map = <Map apiKey={process.env.API_KEY!} />;\n',
    },
    {
      name: "tier 1: `as const` goes with the literal",
      code: `const token = '${GITHUB}' as const;\n`,
      errors: [{ messageId: 'providerToken', ...at(1, 15, quoted(GITHUB)) }],
      output: 'const token = process.env.TOKEN!;\n',
    },
    {
      name: 'tier 1: an enum member needs a literal, so no fix is offered',
      code: `enum Keys {\n  Stripe = '${STRIPE}',\n}\n`,
      errors: [{ messageId: 'providerToken', ...at(2, 12, quoted(STRIPE)) }],
      output: null,
    },
    {
      name: 'tier 2: jwt.sign secret (default import)',
      code: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: 1 }, 'shhhhh');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('jwt.sign()', 'shhhhh'), severity: 'warning', ...at(2, 43, 8) }],
      output: "import jwt from 'jsonwebtoken';\nexport const token = jwt.sign({ sub: 1 }, process.env.JWT_SECRET!);\n",
      outputFiles: { '.env': 'JWT_SECRET=shhhhh\n', '.gitignore': '.env\n' },
    },
    {
      name: 'tier 2: jwt.verify secret',
      code: "import * as jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, 'my-jwt-secret');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('jwt.verify()', 'my-jwt-secret'), severity: 'warning', ...at(2, 34, 15) }],
      output: "import * as jwt from 'jsonwebtoken';\nconst claims = jwt.verify(token, process.env.JWT_SECRET!);\n",
    },
    {
      name: 'tier 2: named import of sign from jsonwebtoken',
      code: "import { sign as signJwt } from 'jsonwebtoken';\nconst t = signJwt({ sub: 1 }, 'secret');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('signJwt()', 'secret'), ...at(2, 31, 8) }],
    },
    {
      name: 'tier 2: sign destructured from require(jsonwebtoken), in JavaScript',
      code: "const { sign } = require('jsonwebtoken');\nmodule.exports = (id) => sign({ id }, 'n0t-s0-s3cret');\n",
      filename: 'src/tokens.js',
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('sign()', 'n0t-s0-s3cret'), ...at(2, 39, 15) }],
      output: "const { sign } = require('jsonwebtoken');\nmodule.exports = (id) => sign({ id }, process.env.JWT_SECRET);\n",
    },
    {
      name: "tier 2: express-session secret ('keyboard cat' is a real secret)",
      code: "app.use(session({ secret: 'keyboard cat', resave: false }));\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"secret"', 'keyboard cat'), severity: 'warning', ...at(1, 27, 14) }],
      output: 'app.use(session({ secret: process.env.SESSION_SECRET!, resave: false }));\n',
      outputFiles: { '.env': "SESSION_SECRET='keyboard cat'\n" },
    },
    {
      name: 'tier 2: cookie-session keys, one finding per key, numbered env names',
      code: "app.use(cookieSession({\n  keys: [\n    'key1',\n    'key2',\n  ],\n}));\n",
      errors: [
        { messageId: 'credentialLiteral', ...at(3, 5, 6) },
        { messageId: 'credentialLiteral', ...at(4, 5, 6) },
      ],
      output: "app.use(cookieSession({\n  keys: [\n    process.env.COOKIE_KEY!,\n    'key2',\n  ],\n}));\n",
    },
    {
      name: "tier 2: Koa's app.keys",
      code: "app.keys = ['im a newer secret'];\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('app.keys', 'im a newer secret'), ...at(1, 13, 19) }],
      output: 'app.keys = [process.env.APP_KEY!];\n',
    },
    {
      name: 'tier 2: cookieParser secret',
      code: "app.use(cookieParser('kekse'));\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('cookieParser()', 'kekse'), ...at(1, 22, 7) }],
      output: 'app.use(cookieParser(process.env.COOKIE_SECRET!));\n',
    },
    {
      name: 'tier 2: createHmac key',
      code: "const mac = crypto.createHmac('sha256', 'pa4qacea4VK9t9nGv7yZtwmj');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('createHmac()', 'pa4qacea4VK9t9nGv7yZtwmj'), ...at(1, 41, 26) }],
      output: "const mac = crypto.createHmac('sha256', process.env.HMAC_SECRET!);\n",
    },
    {
      name: 'tier 2: new Sequelize(db, user, password)',
      code: "const sequelize = new Sequelize('shop', 'app', 'S3cr3t!pw', { dialect: 'postgres' });\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('new Sequelize()', 'S3cr3t!pw'), ...at(1, 48, 11) }],
      output: "const sequelize = new Sequelize('shop', 'app', process.env.DB_PASSWORD!, { dialect: 'postgres' });\n",
      outputFiles: { '.env': "DB_PASSWORD='S3cr3t!pw'\n" },
    },
    {
      name: 'tier 2: driver options password gets a DB_ prefix',
      code: "const db = mysql.createConnection({ host: 'db', user: 'root', password: 'hunter2' });\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"password"', 'hunter2'), ...at(1, 73, 9) }],
      output: "const db = mysql.createConnection({ host: 'db', user: 'root', password: process.env.DB_PASSWORD! });\n",
    },
    {
      name: 'tier 2: passport-jwt secretOrKey, even the word "secret"',
      code: "passport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: 'secret' }, verify));\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"secretOrKey"', 'secret'), ...at(1, 61, 8) }],
      output: 'passport.use(new JwtStrategy({ jwtFromRequest, secretOrKey: process.env.JWT_SECRET! }, verify));\n',
    },
    {
      name: 'tier 2: OAuth client secret, but not the public client id',
      code: "new GoogleStrategy({ clientID: '81234567890-k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com', clientSecret: 'Zk3mW8pQ2rT6' }, cb);\n",
      errors: [{ messageId: 'credentialLiteral', ...at(1, 107, 14) }],
      output: "new GoogleStrategy({ clientID: '81234567890-k2d8s7f6g5h4j3k2l1.apps.googleusercontent.com', clientSecret: process.env.GOOGLE_CLIENT_SECRET! }, cb);\n",
    },
    {
      name: 'tier 2: NestJS JwtModule.register secret',
      code: "@Module({ imports: [JwtModule.register({ secret: 'nest-jwt-s3cret', signOptions: { expiresIn: '60s' } })] })\nexport class AuthModule {}\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"secret"', 'nest-jwt-s3cret'), ...at(1, 50, 17) }],
      output: "@Module({ imports: [JwtModule.register({ secret: process.env.JWT_SECRET!, signOptions: { expiresIn: '60s' } })] })\nexport class AuthModule {}\n",
    },
    {
      name: 'tier 2: process.env fallback: the whole expression is replaced, the code keeps its variable name',
      code: "const secret = process.env.JWT_SECRET || 'dev-secret';\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('the process.env.JWT_SECRET fallback', 'dev-secret'), severity: 'warning', ...at(1, 42, 12) }],
      output: 'const secret = process.env.JWT_SECRET!;\n',
      outputFiles: { '.env': 'JWT_SECRET=dev-secret\n' },
    },
    {
      name: 'tier 2: ?? fallback when .env already sets the variable: .env and an ignoring .gitignore stay as they are',
      code: "const key = process.env.API_KEY ?? 'k3y-9f8a7b6c5d';\n",
      files: { '.env': 'API_KEY=from-env\n', '.gitignore': 'node_modules\n.env*\n' },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 36, 16) }],
      output: 'const key = process.env.API_KEY!;\n',
      outputFiles: { '.env': 'API_KEY=from-env\n', '.gitignore': 'node_modules\n.env*\n' },
    },
    {
      name: 'tier 2: fallback of a non-credential variable with a random-looking literal',
      code: "const stripe = process.env.STRIPE || 'a8Kd92LmQz7Xw3Rt5Vn1Bc4P';\n",
      errors: [{ messageId: 'credentialLiteral', ...at(1, 38, 26) }],
      output: 'const stripe = process.env.STRIPE!;\n',
    },
    {
      name: 'tier 2: class field',
      code: "class Client {\n  private readonly apiKey = 'k3y-9f8a7b6c5d';\n}\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"apiKey"', 'k3y-9f8a7b6c5d'), ...at(2, 29, 16) }],
      output: 'class Client {\n  private readonly apiKey = process.env.API_KEY!;\n}\n',
    },
    {
      name: 'tier 2: assignment to a property',
      code: "config.dbPassword = 'pa55w0rd';\n",
      errors: [{ messageId: 'credentialLiteral', ...at(1, 21, 10) }],
      output: 'config.dbPassword = process.env.DB_PASSWORD!;\n',
    },
    {
      name: 'tier 2: destructuring default from process.env',
      code: "const { JWT_SECRET = 'fallback-secret' } = process.env;\n",
      errors: [{ messageId: 'credentialLiteral', ...at(1, 22, 17) }],
      output: 'const { JWT_SECRET = process.env.JWT_SECRET! } = process.env;\n',
    },
    {
      name: 'tier 2: parameter default',
      code: 'export function login(user: string, password = \'letmein1\') {\n  return user + password;\n}\n',
      errors: [{ messageId: 'credentialLiteral', ...at(1, 48, 10) }],
      output: 'export function login(user: string, password = process.env.PASSWORD!) {\n  return user + password;\n}\n',
    },
    {
      name: 'tier 2: app.set with a credential key',
      code: "app.set('jwtSecret', 'abc123secret');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"jwtSecret"', 'abc123secret'), ...at(1, 22, 14) }],
      output: 'app.set(\'jwtSecret\', process.env.JWT_SECRET!);\n',
    },
    {
      name: "tier 2: a password with digits is not a field name ('password123')",
      code: "const admin = { email: 'admin@acme-shop.net', password: 'password123' };\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"password"', 'password123'), ...at(1, 57, 13) }],
      output: "const admin = { email: 'admin@acme-shop.net', password: process.env.ADMIN_PASSWORD! };\n",
    },
    {
      name: 'tier 2: headers.set with an Authorization value',
      code: "headers.set('Authorization', 'Bearer 9f8a7b6c5d4e3f2a');\n",
      errors: [{ messageId: 'credentialLiteral', message: credentialMessage('"Authorization"', 'Bearer 9f8a7b6c5d4e3f2a'), ...at(1, 30, 25) }],
      output: "headers.set('Authorization', process.env.AUTHORIZATION!);\n",
    },
    {
      name: 'tier 1 in a fallback: the whole expression goes, under the variable the code reads',
      code: `const stripeKey = process.env.STRIPE_SECRET_KEY || '${STRIPE}';\n`,
      errors: [{ messageId: 'providerToken', severity: 'error', ...at(1, 52, quoted(STRIPE)) }],
      output: 'const stripeKey = process.env.STRIPE_SECRET_KEY!;\n',
      outputFiles: { '.env': `STRIPE_SECRET_KEY=${STRIPE}\n` },
    },
    {
      name: 'tier 2: Authorization header with a Basic credential',
      code: "const headers = { Authorization: 'Basic dXNlcjpwYXNzd29yZA==' };\n",
      errors: [{ messageId: 'credentialLiteral', ...at(1, 34, 28) }],
    },
    {
      name: '.env already has the name with another value: a new name is chosen; .env.example gets it too',
      code: "const jwtSecret = 'keyboard cat';\n",
      files: { '.env': 'JWT_SECRET=other\n', '.env.example': 'JWT_SECRET=\n', '.gitignore': '.env\n' },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 19, 14) }],
      output: 'const jwtSecret = process.env.JWT_SECRET_2!;\n',
      outputFiles: { '.env': "JWT_SECRET=other\nJWT_SECRET_2='keyboard cat'\n", '.env.example': 'JWT_SECRET=\nJWT_SECRET_2=\n', '.gitignore': '.env\n' },
    },
    {
      name: '.env already has the same value under that name: it is reused, nothing appended',
      code: "const jwtSecret = 'keyboard cat';\n",
      files: { '.env': "# app\nexport JWT_SECRET='keyboard cat'\n", '.gitignore': '/.env\n' },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 19, 14) }],
      output: 'const jwtSecret = process.env.JWT_SECRET!;\n',
      outputFiles: { '.env': "# app\nexport JWT_SECRET='keyboard cat'\n", '.gitignore': '/.env\n' },
    },
    {
      name: '.env and .gitignore without a final newline get one before the new line',
      code: "const sessionSecret = 's3ss10n-k3y';\n",
      files: { '.env': 'PORT=3000', '.gitignore': 'node_modules' },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 23, 13) }],
      output: 'const sessionSecret = process.env.SESSION_SECRET!;\n',
      outputFiles: { '.env': 'PORT=3000\nSESSION_SECRET=s3ss10n-k3y\n', '.gitignore': 'node_modules\n.env\n' },
    },
    {
      name: 'CRLF and lone-CR .env and .gitignore keep their line breaks, a missing final one included',
      code: "const sessionSecret = 's3ss10n-k3y';\n",
      files: { '.env': 'PORT=3000\r\nHOST=localhost', '.gitignore': 'node_modules\rdist\r' },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 23, 13) }],
      output: 'const sessionSecret = process.env.SESSION_SECRET!;\n',
      outputFiles: { '.env': 'PORT=3000\r\nHOST=localhost\r\nSESSION_SECRET=s3ss10n-k3y\r\n', '.gitignore': 'node_modules\rdist\r.env\r' },
    },
    {
      name: 'deep nesting: found 500 arrays down',
      code: `export const deep = ${'[\n'.repeat(500)}{ password: 'n3sted-pw' }${'\n]'.repeat(500)};\n`,
      errors: [{ messageId: 'credentialLiteral', ...at(501, 13, 11) }],
    },
    {
      name: 'tier 3 (option entropy): a random string without context, as info',
      code: "const opaque = 'q8Zr2LmN4vT7wX1yB3cD5eF6';\n",
      options: { entropy: true },
      errors: [{ messageId: 'highEntropyString', severity: 'info', ...at(1, 16, 26) }],
      output: 'const opaque = process.env.SECRET!;\n',
    },
    {
      name: 'ignoreTestFiles: false reports fixtures too',
      code: "const password = 'hunter2';\n",
      filename: 'test/auth.test.ts',
      options: { ignoreTestFiles: false },
      errors: [{ messageId: 'credentialLiteral', ...at(1, 18, 9) }],
    },
  ],
});

describe('hardcoded-secret: the fixed TypeScript type-checks under strict', () => {
  const stubs = [
    "declare module 'jsonwebtoken' {",
    '  export function sign(payload: object, secret: string, options?: { expiresIn?: string }): string;',
    '  export function verify(token: string, secret: string): object;',
    '}',
    "declare module 'express-session' {",
    '  export default function session(options: { secret: string | string[]; resave?: boolean }): unknown;',
    '}',
    "declare module 'sequelize' {",
    '  export class Sequelize { constructor(database: string, username: string, password: string, options?: object); }',
    '}',
    '',
  ].join('\n');
  const cases: { name: string; code: string }[] = [
    {
      name: 'jwt.sign, jwt.verify, session, Sequelize, typed fields, fallbacks',
      code: [
        "import jwt from 'jsonwebtoken';",
        "import session from 'express-session';",
        "import { Sequelize } from 'sequelize';",
        "import { createHmac } from 'node:crypto';",
        "export const token = jwt.sign({ sub: 1 }, 'shhhhh', { expiresIn: '1h' });",
        "export const claims = jwt.verify(token, 'shhhhh');",
        "export const middleware = session({ secret: 'keyboard cat', resave: false });",
        "export const db = new Sequelize('shop', 'app', 'S3cr3t!pw');",
        "export const mac = createHmac('sha256', 'pa4qacea4VK9t9nGv7yZtwmj');",
        "const settings: { apiKey: string } = { apiKey: 'k3y-9f8a7b6c5d' };",
        "export function login(password: string = 'letmein1'): number { return password.length + settings.apiKey.length; }",
        "export const secret: string = process.env.JWT_SECRET || 'dev-secret';",
        `export const stripeKey: string = '${STRIPE}';`,
        `export const ghToken = '${GITHUB}' as const;`,
        '',
      ].join('\n'),
    },
  ];
  for (const testCase of cases) {
    it(testCase.name, () => {
      assert.deepEqual(typeCheckFiles({ 'src/app.ts': testCase.code, 'stubs.d.ts': stubs }), [], 'the original must compile');
      // Apply every finding's fix, one at a time, re-analysing after each (as a user clicking through would).
      let code = testCase.code;
      let run = runCase(hardcodedSecret, { code });
      let applied = 0;
      for (let guard = 0; guard < 20; guard++) {
        const finding = run.analysis.findings.find((f) => f.ruleId === 'hardcoded-secret' && f.fixes.length > 0);
        if (!finding) break;
        applyFix(run, finding.fixes[0]!);
        applied++;
        code = fs.readFileSync(run.filePath, 'utf8');
        run = runCase(hardcodedSecret, { code, files: { '.env': fs.readFileSync(path.join(run.dir, '.env'), 'utf8'), '.gitignore': '.env\n' } });
      }
      assert.equal(applied, 10, 'every literal above is a finding with a fix');
      assert.deepEqual(run.analysis.findings.filter((f) => f.ruleId === 'hardcoded-secret').map((f) => f.message), []);
      assert.deepEqual(typeCheckFiles({ 'src/app.ts': code, 'stubs.d.ts': stubs }), []);
      const env = parseDotenv(fs.readFileSync(path.join(run.dir, '.env'), 'utf8'));
      assert.equal(env.get('JWT_SECRET'), 'shhhhh');
      assert.equal(env.get('SESSION_SECRET'), 'keyboard cat');
      assert.equal(env.get('STRIPE_KEY'), STRIPE, 'a provider key name (stripeKey) names the variable');
    });
  }
});

describe('hardcoded-secret: .env values round-trip through dotenv syntax', () => {
  for (const value of ['plain', 'keyboard cat', "it's", 'a#b', 'line1\nline2', 'p@ss:w0rd/+=', '$HOME', 'S3cr3t!pw', `both ' and \n`, 'both \' and "']) {
    it(JSON.stringify(value), () => {
      const text = `KEY=${formatDotenvValue(value)}\n`;
      assert.equal(parseDotenv(text).get('KEY'), value, text);
      // Node's own parser (what `node --env-file` uses) must read the same value.
      assert.equal(parseEnv(text).KEY, value, text);
    });
  }
});

describe('hardcoded-secret: credential names', () => {
  const table: [string, ReturnType<typeof credentialNameStrength>][] = [
    ['password', 'password'], ['dbPassword', 'password'], ['DB_PASS', 'weak'], ['passwd', 'password'], ['pwd', 'password'],
    ['jwtSecret', 'password'], ['JWT_SECRET', 'password'], ['clientSecret', 'password'], ['secretOrKey', 'password'],
    ['secretKey', 'password'], ['privateKey', 'password'], ['signingKey', 'password'], ['apiKey', 'token'], ['API_KEY', 'token'],
    ['x-api-key', 'token'], ['APIKey', 'token'], ['accessToken', 'token'], ['githubToken', 'token'], ['auth', 'weak'],
    ['Authorization', 'weak'], ['credentials', 'weak'], ['db.password', 'password'],
    ['tokenUrl', undefined], ['tokenType', undefined], ['passwordMinLength', undefined], ['secretName', undefined],
    ['apiKeyHeader', undefined], ['PASSWORD_FIELD', undefined], ['tokenStorageKey', undefined], ['tokenKey', undefined],
    ['cacheKey', undefined], ['primaryKey', undefined], ['publicKey', undefined], ['stripePublishableKey', undefined],
    ['accessKeyId', undefined], ['passwordResetExpires', undefined], ['nextPageToken', undefined], ['cancelToken', undefined],
    ['csrfToken', undefined], ['designTokens', undefined], ['secretPhone', undefined], ['BeeTokenAddress', undefined],
    ['welcomeBannerStatusCookieKey', undefined], ['jsx-a11y/no-access-key', undefined], ['testPassword', undefined],
    ['keyboard', undefined], ['passThrough', undefined], ['tokenizer', undefined],
  ];
  for (const [name, expected] of table) {
    it(`${name} → ${expected ?? 'not a credential'}`, () => assert.equal(credentialNameStrength(name), expected));
  }
});

describe('hardcoded-secret: numbered names for several values of one sink', () => {
  it('the second cookie-session key moves to COOKIE_KEY_2', () => {
    const run = runCase(hardcodedSecret, { code: "app.use(cookieSession({ keys: ['key1', 'key2'] }));\n" });
    const second = run.analysis.findings[1]!;
    applyFix(run, second.fixes[0]!);
    assert.equal(fs.readFileSync(run.filePath, 'utf8'), "app.use(cookieSession({ keys: ['key1', process.env.COOKIE_KEY_2!] }));\n");
    assert.equal(fs.readFileSync(path.join(run.dir, '.env'), 'utf8'), 'COOKIE_KEY_2=key2\n');
  });
});

describe('hardcoded-secret: never echoes a secret', () => {
  it('keeps the value out of messages and data, for every tier', () => {
    const code = [`const k = '${STRIPE}';`, "const password = 'correct horse battery';", "const o = 'q8Zr2LmN4vT7wX1yB3cD5eF6';", ''].join('\n');
    const { analysis } = runCase(hardcodedSecret, { code, options: { entropy: true } });
    const findings = analysis.findings.filter((f) => f.ruleId === 'hardcoded-secret');
    assert.equal(findings.length, 3);
    for (const secret of [STRIPE, 'correct horse battery', 'q8Zr2LmN4vT7wX1yB3cD5eF6']) {
      for (const finding of findings) {
        const visible = finding.message + JSON.stringify(finding.data);
        assert.ok(!visible.includes(secret.slice(4)), `${secret.slice(0, 4)}… leaked in ${finding.messageId}`);
      }
    }
  });

  it('shows at most a quarter of a short value', () => {
    const { analysis } = runCase(hardcodedSecret, { code: "app.use(cookieParser('abc'));\n" });
    assert.equal(analysis.findings[0]?.data.redacted, '…(3 chars)');
  });
});
