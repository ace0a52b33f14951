// Tier-1 secret formats: self-issued formats and connection strings (private keys, JWTs, database and broker URLs),
// checked last so that a provider's own format wins.
// Samples: ../secret-provider-samples/connections.ts. The order of entries matters where formats overlap: the first match wins.
import { isPlaceholderValue } from '../secret-placeholders';
import { type SecretProvider, LOCAL_HOST } from './shared';

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

export const CONNECTIONS_PROVIDERS: readonly SecretProvider[] = [
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
];
