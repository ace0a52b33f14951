// Tier-1 secret formats of the hardcoded-secret rule: tokens whose shape alone says "credential of provider X".
// Kept as data. Each entry's true and false samples live beside this file in ./secret-provider-samples.ts (keyed by
// id, run by test/rules/secret-providers.test.ts), a test-only file, so the bundled extension ships no token-shaped
// strings. Add or change a provider together with its samples there.
import { isPlaceholderValue, isPublicInContext, looksLikeFirebaseWebConfig } from './secret-placeholders';

export interface ProviderContext {
  /** The name of the variable/property/parameter the literal initialises, when there is one. */
  sinkName: string | undefined;
  /** Up to a few hundred characters of source before the literal, lower-cased (for formats that need a hint). */
  textBefore(): string;
  /** The same after the literal. */
  textAfter(): string;
}

export interface SecretProvider {
  id: string;
  /** Company or product, e.g. "GitHub". */
  provider: string;
  /** What the token is, shown in messages, e.g. "GitHub personal access token". */
  name: string;
  /** Default environment variable name for the "move to env" fix when the code gives no better name. */
  envName: string;
  /** Cheap pre-check: the regex runs only when the value contains one of these (case-sensitive). Empty = always. */
  keywords: readonly string[];
  /** Shortest value that can match; shorter literals are skipped without running the regex. */
  minLength: number;
  /** Matches the token; the whole match is the secret. No `g` flag (matching stays stateless). */
  pattern: RegExp;
  /** Extra check on a match, for formats a regex cannot pin down (checksums, decodable parts, a nearby hint). */
  validate?: (token: string, match: RegExpExecArray, context: ProviderContext) => boolean;
  /** Skip the generic "looks like a dummy" check (long runs of one character are normal in e.g. PEM bodies). */
  allowRepetition?: boolean;
  /** The part of a match the placeholder and dummy checks read: a `sk_test_` prefix says test mode, not "fake". */
  checkedPart?: (token: string) => string;
  /**
   * A format applications mint or generate for themselves (JWTs, PEM keys, connection URLs) rather than a key a
   * provider issued: in tests, fixtures and mocks such values are fixtures, so they are reported in product code only.
   */
  selfIssued?: boolean;
  /** Below the configured level: a test-mode key is still a credential, but not the production one. */
  severity?: 'warning';
  /**
   * Set for keys that are public by design (publishable and client keys): why, as the message shows it. They are
   * reported as information, never in test files, and never by rules that ask only for secrets.
   */
  publicReason?: string;
}

/** Everything after the mode prefix (`sk_test_`, `pk_live_`): what placeholder and dummy checks should read. */
const afterModePrefix = (token: string) => token.slice(token.indexOf('_', 3) + 1);

/** Development hosts: localhost, loopback addresses, docker-compose service names (single labels). */
export const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9_-]+)$/i;

/** `scheme://user:password@host`: reported unless the password is a placeholder or the host is a dev-only host. */
function hasRealUrlPassword(_token: string, match: RegExpExecArray): boolean {
  if (isPlaceholderUrlPassword(match[2] ?? '')) return false;
  // Single-label hosts (localhost, docker-compose service names) are development set-ups, reported apart by
  // hardcoded-secret as default development credentials (rules/support/secret-dev-urls.ts).
  return !LOCAL_HOST.test(match[3] ?? '');
}

/** The password part of a URL that documents a slot rather than filling it: `password`, `<pass>`, `${PASS}`, `$(PASSWORD)`. */
function isPlaceholderUrlPassword(encoded: string): boolean {
  const password = decodeURIComponentSafe(encoded);
  return isPlaceholderValue(password) || /^(pass(word)?|pwd|secret|<.*>|:?\w*password\w*)$/i.test(password) || /^\$\(.*\)$/.test(password);
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** A JWT counts when its header decodes to a JSON object with an `alg`. */
function isDecodableJwt(token: string): boolean {
  const header = token.slice(0, token.indexOf('.'));
  try {
    const parsed: unknown = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    return typeof parsed === 'object' && parsed !== null && typeof (parsed as { alg?: unknown }).alg === 'string';
  } catch {
    return false;
  }
}

/** A Supabase anon key: a JWT whose payload says `"role": "anon"` (the service_role key stays a secret). */
function isSupabaseAnonKey(token: string): boolean {
  if (!isDecodableJwt(token)) return false;
  try {
    const payload: unknown = JSON.parse(Buffer.from(token.split('.')[1]!, 'base64url').toString('utf8'));
    return typeof payload === 'object' && payload !== null && (payload as { role?: unknown }).role === 'anon';
  } catch {
    return false;
  }
}

/** Clerk publishable keys encode the instance's frontend API host followed by `$` (`clerk.acme.dev$`). */
function encodesClerkHost(token: string): boolean {
  return /^[a-z0-9-]+(\.[a-z0-9-]+)+\$$/i.test(Buffer.from(afterModePrefix(token), 'base64').toString('latin1'));
}

/** Discord bot tokens start with the bot's user id (a snowflake), base64-encoded. */
function startsWithBase64Snowflake(token: string): boolean {
  const decoded = Buffer.from(token.slice(0, token.indexOf('.')), 'base64').toString('latin1');
  return /^[0-9]{17,20}$/.test(decoded);
}

/** Mixed-case alphanumerics, as in random keys (rules out hashes, words, and base64 of plain text). */
function looksRandomMixedCase(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}

const ALGOLIA_HINT = /algolia/;
const AWS_HINT = /aws|secret_?access_?key|secretaccesskey|akia|asia|s3|amazon/;
const DATADOG_HINT = /datadog|\bdd[_-]?(api|app|client)|\bdd_/;

const nearby = (hint: RegExp) => (_token: string, _match: RegExpExecArray, context: ProviderContext) =>
  hint.test(context.textBefore()) || (context.sinkName !== undefined && hint.test(context.sinkName.toLowerCase()));

export const SECRET_PROVIDERS: readonly SecretProvider[] = [
  {
    id: 'aws-access-key-id',
    provider: 'AWS',
    name: 'AWS access key id',
    envName: 'AWS_ACCESS_KEY_ID',
    keywords: ['AKIA', 'ASIA', 'ABIA', 'ACCA'],
    minLength: 20,
    pattern: /(?<![A-Z0-9])(?:AKIA|ASIA|ABIA|ACCA)[A-Z2-7]{16}(?![A-Z0-9])/,
  },
  {
    id: 'aws-secret-access-key',
    provider: 'AWS',
    name: 'AWS secret access key',
    envName: 'AWS_SECRET_ACCESS_KEY',
    keywords: [],
    minLength: 40,
    pattern: /^[A-Za-z0-9/+]{40}$/,
    // 40 base64 characters are also hashes and ids: only with an AWS hint in the name or just before the literal.
    validate: (token, match, context) => looksRandomMixedCase(token) && nearby(AWS_HINT)(token, match, context),
  },
  ...(['ghp', 'gho', 'ghu', 'ghs', 'ghr'] as const).map((prefix, index): SecretProvider => {
    const kinds = ['personal access token', 'OAuth access token', 'user-to-server token', 'server-to-server token', 'refresh token'];
    return {
      id: `github-${prefix}`,
      provider: 'GitHub',
      name: `GitHub ${kinds[index]}`,
      envName: 'GITHUB_TOKEN',
      keywords: [`${prefix}_`],
      minLength: 40,
      pattern: new RegExp(`(?<![A-Za-z0-9_])${prefix}_[A-Za-z0-9]{36}(?![A-Za-z0-9])`),
    };
  }),
  {
    id: 'github-fine-grained-pat',
    provider: 'GitHub',
    name: 'GitHub fine-grained personal access token',
    envName: 'GITHUB_TOKEN',
    keywords: ['github_pat_'],
    minLength: 93,
    pattern: /github_pat_[A-Za-z0-9]{22}_[A-Za-z0-9]{59}(?![A-Za-z0-9])/,
  },
  {
    id: 'gitlab-pat',
    provider: 'GitLab',
    name: 'GitLab personal access token',
    envName: 'GITLAB_TOKEN',
    keywords: ['glpat-'],
    minLength: 26,
    pattern: /glpat-[A-Za-z0-9_-]{20,}(?:\.[A-Za-z0-9_.-]+)?(?![A-Za-z0-9_-])/,
  },
  {
    id: 'stripe-secret-key',
    provider: 'Stripe',
    name: 'Stripe live secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_live_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])sk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
  },
  {
    id: 'stripe-restricted-key',
    provider: 'Stripe',
    name: 'Stripe live restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_live_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])rk_live_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
  },
  {
    id: 'stripe-test-secret-key',
    provider: 'Stripe',
    name: 'Stripe test-mode secret key',
    envName: 'STRIPE_SECRET_KEY',
    keywords: ['sk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])sk_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    severity: 'warning',
  },
  {
    id: 'stripe-test-restricted-key',
    provider: 'Stripe',
    name: 'Stripe test-mode restricted key',
    envName: 'STRIPE_RESTRICTED_KEY',
    keywords: ['rk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])rk_test_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    severity: 'warning',
  },
  // Clerk's publishable keys share Stripe's `pk_live_`/`pk_test_` prefix: told apart by what they encode.
  {
    id: 'clerk-publishable-key',
    provider: 'Clerk',
    name: 'Clerk publishable key',
    envName: 'CLERK_PUBLISHABLE_KEY',
    keywords: ['pk_live_', 'pk_test_'],
    minLength: 20,
    pattern: /(?<![A-Za-z0-9_])pk_(?:live|test)_[A-Za-z0-9+/]{12,}={0,2}(?![A-Za-z0-9+/=])/,
    validate: encodesClerkHost,
    checkedPart: afterModePrefix,
    publicReason: 'it only names the Clerk instance to the browser',
  },
  {
    id: 'stripe-publishable-key',
    provider: 'Stripe',
    name: 'Stripe publishable key',
    envName: 'STRIPE_PUBLISHABLE_KEY',
    keywords: ['pk_live_', 'pk_test_'],
    minLength: 32,
    pattern: /(?<![A-Za-z0-9_])pk_(?:live|test)_[A-Za-z0-9]{24,247}(?![A-Za-z0-9])/,
    checkedPart: afterModePrefix,
    publicReason: 'it only identifies the account to Stripe.js in the browser',
  },
  {
    id: 'stripe-webhook-secret',
    provider: 'Stripe',
    name: 'Stripe webhook signing secret',
    envName: 'STRIPE_WEBHOOK_SECRET',
    keywords: ['whsec_'],
    minLength: 38,
    pattern: /(?<![A-Za-z0-9_])whsec_[A-Za-z0-9+/=]{32,}(?![A-Za-z0-9])/,
  },
  {
    id: 'slack-bot-token',
    provider: 'Slack',
    name: 'Slack bot token',
    envName: 'SLACK_BOT_TOKEN',
    keywords: ['xoxb-'],
    minLength: 40,
    pattern: /xoxb-[0-9]{10,13}-[0-9]{10,13}-[A-Za-z0-9]{24,34}(?![A-Za-z0-9])/,
  },
  {
    id: 'slack-user-token',
    provider: 'Slack',
    name: 'Slack user token',
    envName: 'SLACK_USER_TOKEN',
    keywords: ['xoxp-', 'xoxa-', 'xoxr-', 'xoxs-', 'xoxe-'],
    minLength: 40,
    pattern: /xox[pares](?:\.xox[pares])?-(?:[0-9]{1,13}-){2,3}[A-Za-z0-9]{24,64}(?![A-Za-z0-9])/,
  },
  {
    id: 'slack-app-token',
    provider: 'Slack',
    name: 'Slack app-level token',
    envName: 'SLACK_APP_TOKEN',
    keywords: ['xapp-'],
    minLength: 50,
    pattern: /xapp-[0-9]-[A-Z0-9]{9,12}-[0-9]{10,13}-[a-f0-9]{64}(?![a-f0-9])/,
  },
  {
    id: 'slack-webhook',
    provider: 'Slack',
    name: 'Slack incoming webhook URL',
    envName: 'SLACK_WEBHOOK_URL',
    keywords: ['hooks.slack.com/'],
    minLength: 60,
    pattern: /https:\/\/hooks\.slack\.com\/(?:services|workflows|triggers)\/T[A-Z0-9]{8,12}\/[AB][A-Z0-9]{8,12}\/[A-Za-z0-9]{23,24}(?![A-Za-z0-9])/,
  },
  {
    id: 'firebase-web-api-key',
    provider: 'Firebase',
    name: 'Firebase web API key',
    envName: 'FIREBASE_API_KEY',
    keywords: ['AIza'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    validate: (_token, _match, context) => looksLikeFirebaseWebConfig(context.textBefore() + context.textAfter()),
    publicReason: 'a Firebase web config ships to every browser; Security Rules and App Check guard the data',
  },
  {
    id: 'google-api-key',
    provider: 'Google',
    name: 'Google API key',
    envName: 'GOOGLE_API_KEY',
    keywords: ['AIza'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    // A Firebase web config's apiKey is public by design (it ships to every browser); its siblings give it away.
    validate: (token, _match, context) => !isPublicInContext(token, () => context.textBefore() + context.textAfter()),
  },
  {
    id: 'google-oauth-client-secret',
    provider: 'Google',
    name: 'Google OAuth client secret',
    envName: 'GOOGLE_CLIENT_SECRET',
    keywords: ['GOCSPX-'],
    minLength: 35,
    pattern: /GOCSPX-[A-Za-z0-9_-]{28}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'openai-api-key',
    provider: 'OpenAI',
    name: 'OpenAI API key',
    envName: 'OPENAI_API_KEY',
    keywords: ['sk-proj-', 'sk-svcacct-', 'sk-admin-', 'T3BlbkFJ'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_-])sk-(?:(?:proj|svcacct|admin)-[A-Za-z0-9_-]{40,200}|[A-Za-z0-9]{20}T3BlbkFJ[A-Za-z0-9]{20})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'anthropic-api-key',
    provider: 'Anthropic',
    name: 'Anthropic API key',
    envName: 'ANTHROPIC_API_KEY',
    keywords: ['sk-ant-'],
    minLength: 60,
    pattern: /sk-ant-(?:api|admin)[0-9]{2}-[A-Za-z0-9_-]{80,120}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'twilio-api-key',
    provider: 'Twilio',
    name: 'Twilio API key',
    envName: 'TWILIO_API_KEY',
    keywords: ['SK'],
    minLength: 34,
    pattern: /(?<![A-Za-z0-9])SK[0-9a-f]{32}(?![A-Za-z0-9])/,
    validate: (token) => /[0-9]/.test(token.slice(2)) && /[a-f]/.test(token.slice(2)),
  },
  {
    id: 'sendgrid-api-key',
    provider: 'SendGrid',
    name: 'SendGrid API key',
    envName: 'SENDGRID_API_KEY',
    keywords: ['SG.'],
    minLength: 69,
    pattern: /(?<![A-Za-z0-9])SG\.[A-Za-z0-9_-]{22}\.[A-Za-z0-9_-]{43}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'mailgun-api-key',
    provider: 'Mailgun',
    name: 'Mailgun API key',
    envName: 'MAILGUN_API_KEY',
    keywords: ['key-'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9_-])key-[0-9a-f]{32}(?![A-Za-z0-9])/,
  },
  {
    id: 'mailchimp-api-key',
    provider: 'Mailchimp',
    name: 'Mailchimp API key',
    envName: 'MAILCHIMP_API_KEY',
    keywords: ['-us'],
    minLength: 35,
    pattern: /(?<![A-Za-z0-9])[0-9a-f]{32}-us[0-9]{1,2}(?![A-Za-z0-9])/,
  },
  {
    id: 'npm-token',
    provider: 'npm',
    name: 'npm access token',
    envName: 'NPM_TOKEN',
    keywords: ['npm_'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_])npm_[A-Za-z0-9]{36}(?![A-Za-z0-9])/,
  },
  {
    id: 'pypi-token',
    provider: 'PyPI',
    name: 'PyPI upload token',
    envName: 'PYPI_TOKEN',
    keywords: ['pypi-AgEIcHlwaS5vcmc'],
    minLength: 70,
    pattern: /pypi-AgEIcHlwaS5vcmc[A-Za-z0-9_-]{50,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'private-key',
    provider: 'PEM',
    name: 'Private key',
    envName: 'PRIVATE_KEY',
    keywords: ['PRIVATE KEY'],
    minLength: 60,
    // A header alone is what PEM parsers compare against: only a header followed by a key body counts.
    pattern: /-----BEGIN ((?:RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY(?: BLOCK)?)-----(?:\s*[A-Za-z-]+: [^\n]*\n)*[A-Za-z0-9+/=\s\\n]{40,}/,
    // The body must be key material, not just whitespace.
    validate: (token) => token.slice(token.indexOf('-----', 11) + 5).replace(/\\n|[^A-Za-z0-9+/=]/g, '').length >= 40,
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'supabase-anon-key',
    provider: 'Supabase',
    name: 'Supabase anon key',
    envName: 'SUPABASE_ANON_KEY',
    keywords: ['eyJ'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/,
    validate: (token) => isSupabaseAnonKey(token),
    allowRepetition: true,
    publicReason: 'the anon key is meant for browsers; row level security guards the data',
  },
  {
    id: 'jwt',
    provider: 'JWT',
    name: 'JSON Web Token',
    envName: 'JWT_TOKEN',
    keywords: ['eyJ'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9_-])eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}(?![A-Za-z0-9_-])/,
    validate: (token) => isDecodableJwt(token),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'database-url',
    provider: 'Database',
    name: 'Database URL with a password',
    envName: 'DATABASE_URL',
    keywords: ['://'],
    minLength: 16,
    pattern: /\b(?:postgres(?:ql)?|mysql2?|mariadb|mssql|sqlserver|cockroachdb|oracle|jdbc:[a-z]+):\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'mongodb-url',
    provider: 'MongoDB',
    name: 'MongoDB URL with a password',
    envName: 'MONGODB_URI',
    keywords: ['mongodb'],
    minLength: 16,
    pattern: /\bmongodb(?:\+srv)?:\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:,'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'redis-url',
    provider: 'Redis',
    name: 'Redis URL with a password',
    envName: 'REDIS_URL',
    keywords: ['redis'],
    minLength: 16,
    pattern: /\brediss?:\/\/([^:/?#@\s'"]*):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'amqp-url',
    provider: 'AMQP',
    name: 'AMQP URL with a password',
    envName: 'AMQP_URL',
    keywords: ['amqp'],
    minLength: 16,
    pattern: /\bamqps?:\/\/([^:/?#@\s'"]+):([^@/?#\s'"]+)@([^/?#\s:'"]+)/,
    validate: hasRealUrlPassword,
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'shopify-token',
    provider: 'Shopify',
    name: 'Shopify access token',
    envName: 'SHOPIFY_ACCESS_TOKEN',
    keywords: ['shpat_', 'shpca_', 'shppa_', 'shpss_'],
    minLength: 38,
    pattern: /shp(?:at|ca|pa|ss)_[a-fA-F0-9]{32}(?![A-Za-z0-9])/,
  },
  {
    id: 'square-token',
    provider: 'Square',
    name: 'Square access token or OAuth secret',
    envName: 'SQUARE_ACCESS_TOKEN',
    keywords: ['sq0atp-', 'sq0csp-', 'EAAA'],
    minLength: 28,
    pattern: /(?<![A-Za-z0-9_-])(?:sq0atp-[A-Za-z0-9_-]{22}|sq0csp-[A-Za-z0-9_-]{43}|EAAA[A-Za-z0-9_-]{60})(?![A-Za-z0-9_-])/,
  },
  {
    id: 'discord-bot-token',
    provider: 'Discord',
    name: 'Discord bot token',
    envName: 'DISCORD_BOT_TOKEN',
    keywords: [],
    minLength: 59,
    pattern: /(?<![A-Za-z0-9_.-])[MNO][A-Za-z0-9]{23,27}\.[A-Za-z0-9_-]{6}\.[A-Za-z0-9_-]{27,38}(?![A-Za-z0-9_-])/,
    validate: (token) => startsWithBase64Snowflake(token),
  },
  {
    id: 'discord-webhook',
    provider: 'Discord',
    name: 'Discord webhook URL',
    envName: 'DISCORD_WEBHOOK_URL',
    keywords: ['/api/webhooks/'],
    minLength: 80,
    pattern: /https:\/\/(?:ptb\.|canary\.)?discord(?:app)?\.com\/api\/webhooks\/[0-9]{17,20}\/[A-Za-z0-9_-]{60,68}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'telegram-bot-token',
    provider: 'Telegram',
    name: 'Telegram bot token',
    envName: 'TELEGRAM_BOT_TOKEN',
    keywords: [':AA'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9:])[0-9]{8,10}:AA[A-Za-z0-9_-]{33}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'digitalocean-token',
    provider: 'DigitalOcean',
    name: 'DigitalOcean access token',
    envName: 'DIGITALOCEAN_TOKEN',
    keywords: ['_v1_'],
    minLength: 71,
    pattern: /(?<![A-Za-z0-9_])do[opr]_v1_[a-f0-9]{64}(?![A-Za-z0-9])/,
  },
  {
    id: 'heroku-api-key',
    provider: 'Heroku',
    name: 'Heroku API key',
    envName: 'HEROKU_API_KEY',
    keywords: ['HRKU-'],
    minLength: 65,
    pattern: /HRKU-[A-Za-z0-9_-]{60}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    name: 'Azure Storage connection string',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    keywords: ['AccountKey='],
    minLength: 99,
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    validate: (_token, match) => !isPlaceholderValue(match[1] ?? ''),
  },
  {
    id: 'algolia-search-key',
    provider: 'Algolia',
    name: 'Algolia search-only API key',
    envName: 'ALGOLIA_SEARCH_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}$/,
    // 32 hex characters are also hashes and admin keys: only under a search-key name with an Algolia hint.
    validate: (token, match, context) => context.sinkName !== undefined && /search/i.test(context.sinkName) && nearby(ALGOLIA_HINT)(token, match, context),
    publicReason: 'a search-only key is meant for browsers',
  },
  {
    id: 'datadog-api-key',
    provider: 'Datadog',
    name: 'Datadog API key',
    envName: 'DD_API_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}(?:[0-9a-f]{8})?$/,
    // 32 hex characters are also MD5 hashes and ids: only with a Datadog hint nearby.
    validate: nearby(DATADOG_HINT),
  },
  {
    id: 'newrelic-user-key',
    provider: 'New Relic',
    name: 'New Relic user API key',
    envName: 'NEW_RELIC_API_KEY',
    keywords: ['NRAK-'],
    minLength: 32,
    pattern: /NRAK-[A-Z0-9]{27}(?![A-Za-z0-9])/,
  },
  {
    id: 'newrelic-license-key',
    provider: 'New Relic',
    name: 'New Relic license key',
    envName: 'NEW_RELIC_LICENSE_KEY',
    keywords: ['NRAL'],
    minLength: 40,
    pattern: /(?<![A-Za-z0-9])[a-f0-9]{36}NRAL(?![A-Za-z0-9])/,
  },
  {
    id: 'doppler-token',
    provider: 'Doppler',
    name: 'Doppler token',
    envName: 'DOPPLER_TOKEN',
    keywords: ['dp.'],
    minLength: 45,
    pattern: /(?<![A-Za-z0-9_.])dp\.(?:pt|st|sa|ct|scim|audit)\.[A-Za-z0-9]{40,44}(?![A-Za-z0-9])/,
  },
  {
    id: 'linear-api-key',
    provider: 'Linear',
    name: 'Linear API key',
    envName: 'LINEAR_API_KEY',
    keywords: ['lin_api_'],
    minLength: 48,
    pattern: /lin_api_[A-Za-z0-9]{40}(?![A-Za-z0-9])/,
  },
  {
    id: 'postman-api-key',
    provider: 'Postman',
    name: 'Postman API key',
    envName: 'POSTMAN_API_KEY',
    keywords: ['PMAK-'],
    minLength: 64,
    pattern: /PMAK-[a-f0-9]{24}-[a-f0-9]{34}(?![A-Za-z0-9])/,
  },
  {
    id: 'vault-token',
    provider: 'HashiCorp Vault',
    name: 'HashiCorp Vault token',
    envName: 'VAULT_TOKEN',
    keywords: ['hvs.', 'hvb.'],
    minLength: 90,
    pattern: /(?<![A-Za-z0-9_.])hv[sb]\.[A-Za-z0-9_-]{90,}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'terraform-cloud-token',
    provider: 'HashiCorp Terraform',
    name: 'Terraform Cloud API token',
    envName: 'TFC_TOKEN',
    keywords: ['.atlasv1.'],
    minLength: 80,
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{14}\.atlasv1\.[A-Za-z0-9_=-]{60,70}(?![A-Za-z0-9_=-])/,
  },
  {
    id: 'sentry-auth-token',
    provider: 'Sentry',
    name: 'Sentry auth token',
    envName: 'SENTRY_AUTH_TOKEN',
    keywords: ['sntrys_', 'sntryu_'],
    minLength: 47,
    pattern: /sntry[su]_[A-Za-z0-9+/=_]{40,}(?![A-Za-z0-9+/=_])/,
  },
  {
    id: 'sentry-dsn',
    provider: 'Sentry',
    name: 'Sentry DSN',
    envName: 'SENTRY_DSN',
    keywords: ['sentry'],
    minLength: 50,
    pattern: /https?:\/\/[0-9a-f]{32}@[a-z0-9.-]*sentry[a-z0-9.-]*(?::[0-9]+)?\/[0-9]+/,
    allowRepetition: true,
    publicReason: 'its key only lets clients send events to the project',
  },
  {
    id: 'posthog-project-key',
    provider: 'PostHog',
    name: 'PostHog project API key',
    envName: 'POSTHOG_KEY',
    keywords: ['phc_'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])phc_[A-Za-z0-9]{40,50}(?![A-Za-z0-9])/,
    publicReason: 'it only lets clients send events to the project',
  },
  {
    id: 'mapbox-public-token',
    provider: 'Mapbox',
    name: 'Mapbox public token',
    envName: 'MAPBOX_TOKEN',
    keywords: ['pk.eyJ'],
    minLength: 50,
    pattern: /(?<![A-Za-z0-9_.-])pk\.eyJ[A-Za-z0-9_-]{20,}\.[A-Za-z0-9_-]{20,}(?![A-Za-z0-9_-])/,
    publicReason: 'public tokens are meant for browser maps; restrict it to your URLs',
  },
  {
    id: 'huggingface-token',
    provider: 'Hugging Face',
    name: 'Hugging Face access token',
    envName: 'HF_TOKEN',
    keywords: ['hf_'],
    minLength: 37,
    pattern: /(?<![A-Za-z0-9_])hf_[A-Za-z]{34}(?![A-Za-z0-9])/,
    validate: (token) => /[a-z]/.test(token.slice(3)) && /[A-Z]/.test(token.slice(3)),
  },
  {
    id: 'databricks-token',
    provider: 'Databricks',
    name: 'Databricks access token',
    envName: 'DATABRICKS_TOKEN',
    keywords: ['dapi'],
    minLength: 36,
    pattern: /(?<![A-Za-z0-9])dapi[a-f0-9]{32}(?:-[0-9])?(?![A-Za-z0-9])/,
  },
  {
    id: 'grafana-token',
    provider: 'Grafana',
    name: 'Grafana service account token',
    envName: 'GRAFANA_TOKEN',
    keywords: ['glsa_'],
    minLength: 46,
    pattern: /glsa_[A-Za-z0-9]{32}_[A-Fa-f0-9]{8}(?![A-Za-z0-9])/,
  },
  {
    id: 'age-secret-key',
    provider: 'age',
    name: 'age secret key',
    envName: 'AGE_SECRET_KEY',
    keywords: ['AGE-SECRET-KEY-1'],
    minLength: 74,
    pattern: /AGE-SECRET-KEY-1[QPZRY9X8GF2TVDW0S3JN54KHCE6MUA7L]{58}(?![A-Z0-9])/,
  },
  {
    id: 'groq-api-key',
    provider: 'Groq',
    name: 'Groq API key',
    envName: 'GROQ_API_KEY',
    keywords: ['gsk_'],
    minLength: 56,
    pattern: /(?<![A-Za-z0-9_])gsk_[A-Za-z0-9]{52}(?![A-Za-z0-9])/,
  },
  {
    id: 'supabase-access-token',
    provider: 'Supabase',
    name: 'Supabase access token',
    envName: 'SUPABASE_ACCESS_TOKEN',
    keywords: ['sbp_'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])sbp_[a-f0-9]{40}(?![A-Za-z0-9])/,
  },
];

/** The shortest value any provider can match; shorter literals skip tier 1 entirely. */
export const MIN_PROVIDER_TOKEN_LENGTH = Math.min(...SECRET_PROVIDERS.map((provider) => provider.minLength));
