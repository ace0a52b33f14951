// Tier-1 secret formats: self-issued formats and connection strings (private keys, JWTs, database, broker, mail, file
// and directory URLs, JDBC URLs, ADO.NET/ODBC connection strings), checked last so that a provider's own format wins.
// Samples: ../secret-provider-samples/connections.ts. The order of entries matters where formats overlap: the first match wins.
// A connection string counts when it fills its password slot with a value for a real host. Templates (`${PASS}`,
// `$(PASSWORD)`, `{{pw}}`, `%s`, `<password>`, `user:password@`) fill nothing; documentation hosts (`example.com`,
// `x.x.x.x`, `<host>`) name no server; development hosts (localhost, compose service names, embedded databases) are
// reported apart, as default development credentials, by rules/support/secret-dev-urls.ts, which reads the same
// parts through `connectionCredentialsIn`.
import { isPlaceholderValue } from '../secret-placeholders';
import { anyKeywordPattern } from '../../support/keyword-pattern';
import { type SecretProvider, LOCAL_HOST } from './shared';

/** What a connection-string format names in a match: the password it holds and the host it opens. */
export interface ConnectionCredentials {
  password: string;
  host: string;
}

type CredentialParts = (match: RegExpExecArray) => ConnectionCredentials;

/** `scheme://user:password@host`: the password is group 2, the host group 3. */
const userinfoParts: CredentialParts = (match) => ({ password: match[2] ?? '', host: hostName(match[3] ?? '') });

/** Anonymous FTP asks for any password (by custom an e-mail address): nothing secret. */
const ftpParts: CredentialParts = (match) => (/^(?:anonymous|ftp)$/i.test(match[1] ?? '') ? { password: '', host: hostName(match[3] ?? '') } : userinfoParts(match));

/**
 * A password slot documented or left for a template to fill, not filled: placeholder words (`password`, `changeme`,
 * `testpassword`, `MY-PASSWORD`), shell, Make, Helm, printf, Python, Windows and ERB substitutions, `<pass>`, `[PASS]`.
 * `secret` is a default development password, not a template: the tier-1 check below leaves it out for remote hosts.
 */
export function isTemplatedPassword(encoded: string): boolean {
  const password = decodeURIComponentSafe(encoded).trim();
  return password === '' || isPlaceholderValue(password) || TEMPLATED_PASSWORD.test(password) || PASSWORD_WORD.test(password);
}

const TEMPLATED_PASSWORD = new RegExp(
  [
    /\$\([^)]*\)/, // $(PASSWORD), $(cat pw.txt)
    /\$\{[^}]*\}|\{\{[^}]*\}\}|#\{[^}]*\}/, // ${PASS}, {{ .Values.pw }}, #{pw}
    /^\{[A-Za-z_][\w.]*\}$/, // {password} (str.format)
    /%s|%\(\w+\)s/, // printf and Python %-formats (never a percent-escape: `s` is no hex digit)
    /^%\w+%$|^__\w+__$|^@\w+@$/, // %DB_PASS%, __PASSWORD__, @PASSWORD@
    /^\$(?:[A-Z_][A-Z0-9_]*|[a-z_][a-z0-9_]*)$/, // $PASSWORD, $db_pass
    /^<.*>$|^\[.*\]$|^:\w+$/, // <password>, [PASSWORD], :password
  ]
    .map((pattern) => pattern.source)
    .join('|'),
);

/** The slot's own name as its value: `pass`, `pwd`, `testpassword`, `yourStrong(!)Password`, `db_passwd`. */
const PASSWORD_WORD = /passw(?:or)?d|^(?:pass|pwd|pw)$/i;

/** Hosts of documentation, not of a server: `example.com`, `db.example.org`, `x.x.x.x`, `your-host`, `myserver.com`. */
const DOCUMENTATION_HOST = /(?:^|\.)example(?:\.|$)|^(?:x+\.)+x+$|^your[-_]|^my[-_]?(?:host|server|domain)(?:name)?(?:[-_.]|$)|^<.*>$|^\[.*\]$/i;

/** The host as a name to judge: `tcp(localhost` (Go DSNs), `tcp:db,1433` and `.\SQLEXPRESS` (SQL Server) simplified. */
function hostName(raw: string): string {
  const trimmed = raw.trim();
  // SQL Server's names for the local machine: `.`, `(local)`, `(localdb)\MSSQLLocalDB`, `.\SQLEXPRESS`.
  if (/^(?:\.|\(local\)|\(localdb\))(?:\\.*)?$/i.test(trimmed)) return 'localhost';
  const host = trimmed
    .replace(/^(?:tcp|unix|np|lpc)[(:]/i, '')
    .replace(/[),].*$/, '')
    .replace(/\\.*$/, '');
  return host === '' ? 'localhost' : host;
}

function decodeURIComponentSafe(value: string): string {
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** Reported by tier 1: a filled password for a host that is neither local nor documentation. */
const remoteCredential =
  (parts: CredentialParts) =>
  (_token: string, match: RegExpExecArray): boolean => {
    const { password, host } = parts(match);
    if (isTemplatedPassword(password) || /^secret$/i.test(decodeURIComponentSafe(password))) return false;
    // Single-label hosts (localhost, docker-compose service names) are development set-ups, reported apart by
    // hardcoded-secret as default development credentials (rules/support/secret-dev-urls.ts).
    return !LOCAL_HOST.test(host) && !DOCUMENTATION_HOST.test(host);
  };

/**
 * JDBC URLs, three ways to hold a password: `jdbc:mysql://user:pass@host`, Oracle's `jdbc:oracle:thin:user/pass@host`,
 * and properties (`;password=…` for SQL Server, DB2, Hive; `?user=…&password=…` elsewhere). Without `//` the
 * database is embedded (`jdbc:h2:mem:…`, `jdbc:derby:…`): a local one.
 */
const jdbcParts: CredentialParts = (match) => {
  if (match[2] !== undefined) return { password: match[2], host: hostName(match[3] ?? '') };
  if (match[5] !== undefined) return { password: match[5], host: hostName(match[6] ?? '') };
  const token = match[0];
  const serverName = /;servername=([^;]*)/i.exec(token)?.[1];
  const authority = /^[^/]*\/\/([^;/?:\\,]*)/.exec(token)?.[1];
  return { password: match[7] ?? '', host: hostName(serverName ?? authority ?? '') };
};

/** StackExchange.Redis: the host comes first, the password is a `password=` option. */
const stackExchangeRedisParts: CredentialParts = (match) => ({ password: match[2] ?? '', host: hostName(match[1] ?? '') });

/** ADO.NET / ODBC keys naming the server: `Server=`, `Data Source=`, `Host=` (Npgsql), `Address=`. */
const ADO_HOST_KEYS: ReadonlySet<string> = new Set(['server', 'data source', 'datasource', 'host', 'hostname', 'address', 'addr', 'network address', 'server name']);

/** `Server=db.acme.net;User ID=app;Password=…`: the pairs of the match, keys lower-cased; `{…}` is ODBC quoting. */
const adoParts: CredentialParts = (match) => {
  let password = '';
  let host: string | undefined;
  for (const pair of match[0].matchAll(/([A-Za-z][\w .]*?)\s*=\s*(\{\{[^}]*\}\}|\{[^}]*\}|[^;]*)/g)) {
    const key = pair[1]!.trim().toLowerCase();
    const raw = pair[2]!.trim();
    // `{password}` and `{{pw}}` are templates; `{pa;ss}` is ODBC quoting a value with a semicolon.
    const value = /^\{[^{}]*\}$/.test(raw) && !/^\{[A-Za-z_][\w.]*\}$/.test(raw) ? raw.slice(1, -1) : raw;
    if (key === 'password' || key === 'pwd') password = value;
    else if (ADO_HOST_KEYS.has(key)) host ??= value;
  }
  // Without a server key it is not a database connection string (`user=…;password=…` is any key-value text).
  return { password: host === undefined ? '' : password, host: hostName(host ?? '') };
};

/**
 * The connection-string formats by provider id, with how each names its password and host. secret-dev-urls.ts
 * reads the same parts through `connectionCredentialsIn`, so tier 1 and the development-credentials shape agree.
 */
export const CONNECTION_CREDENTIAL_PARTS: ReadonlyMap<string, CredentialParts> = new Map([
  ['jdbc-url', jdbcParts],
  ['database-url', userinfoParts],
  ['mongodb-url', userinfoParts],
  ['redis-url', userinfoParts],
  ['redis-connection-string', stackExchangeRedisParts],
  ['amqp-url', userinfoParts],
  ['smtp-url', userinfoParts],
  ['ftp-url', ftpParts],
  ['ldap-url', userinfoParts],
  ['ado-connection-string', adoParts],
]);

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

const SIGNED_JWT = /^eyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{16,}$/;

/** Base64 of a signed JWT (Kubernetes secrets, basic-auth style headers): what it decodes to must be one, whole. */
function isBase64OfJwt(token: string): boolean {
  const decoded = Buffer.from(token, 'base64').toString('utf8').trim();
  return SIGNED_JWT.test(decoded) && isDecodableJwt(decoded) && !isSupabaseAnonKey(decoded);
}

/** `scheme://user:password@host` for the given schemes (user may be empty where the protocol allows, as in Redis). */
function userinfoUrl(schemes: string, user: '+' | '*' = '+'): RegExp {
  // The password runs to the last `@` before the path: an unencoded `@` in it (`p@ss`) is a common slip.
  return new RegExp(`\\b(?:${schemes}):\\/\\/([^:/?#@\\s'"]${user}):([^/?#\\s'"]+)@([^@/?#\\s:,'"]+)`);
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
    id: 'jwt-base64',
    provider: 'JWT',
    name: 'Base64-encoded JSON Web Token',
    envName: 'JWT_TOKEN',
    // `eyJ` in base64 is `ZXlK`.
    keywords: ['ZXlK'],
    minLength: 80,
    pattern: /(?<![A-Za-z0-9+/_-])ZXlK[A-Za-z0-9+/]{76,}={0,2}(?![A-Za-z0-9+/=_-])/,
    validate: (token) => isBase64OfJwt(token),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'jdbc-url',
    provider: 'JDBC',
    name: 'JDBC URL with a password',
    envName: 'JDBC_URL',
    keywords: ['jdbc:', 'JDBC:'],
    minLength: 20,
    // Every part is bounded: unbounded, `jdbc:a:jdbc:a:…` made each start try every split of the chain against a scan
    // to the end (16k characters: 100 s).
    pattern:
      /\bjdbc:[a-z][a-z0-9]{0,30}(?::[a-z0-9]{1,30}){0,3}:(?:\/\/([^:/?#@\s'";]{1,256}):([^/?#\s'";]{1,256})@([^@/?#\s:;'"]{1,256})|(?:thin|oci8?):([^/@:\s'"]{1,256})\/([^@\s'"]{1,256})@(?:\/\/)?([^/:?#\s'"]{1,256})|[^\s'"]{0,512}?[;?&](?:password|pwd)=([^;&\s'"]{1,256}))/i,
    validate: remoteCredential(jdbcParts),
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
    // SQLAlchemy names the driver after a `+`: `postgresql+psycopg2://`, `mysql+pymysql://`, `mssql+pyodbc://`.
    pattern: userinfoUrl('(?:postgres(?:ql)?|mysql[x2]?|mariadb|mssql|sqlserver|cockroachdb|oracle|db2|redshift|clickhouse)(?:\\+[a-z0-9_]+)?'),
    validate: remoteCredential(userinfoParts),
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
    pattern: userinfoUrl('mongodb(?:\\+srv)?'),
    validate: remoteCredential(userinfoParts),
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
    pattern: userinfoUrl('rediss?', '*'),
    validate: remoteCredential(userinfoParts),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'redis-connection-string',
    provider: 'Redis',
    name: 'Redis connection string with a password',
    envName: 'REDIS_CONNECTION_STRING',
    keywords: ['password=', 'PASSWORD='],
    minLength: 20,
    // StackExchange.Redis (.NET, Azure Cache for Redis): `host:6380,password=…,ssl=True,abortConnect=False`.
    // The host has a dot or a port, so that a plain list (`a, b, password=…`) is no connection string.
    pattern: /(?<![\w.-])([A-Za-z0-9][\w-]*(?:\.[\w-]+)+|[A-Za-z0-9][\w-]*(?=:\d))(?::\d{2,5})?,(?:\s*[A-Za-z]+=[^,=\s'"]*,)*?\s*password=([^,\s'"]+)/i,
    validate: remoteCredential(stackExchangeRedisParts),
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
    pattern: userinfoUrl('amqps?'),
    validate: remoteCredential(userinfoParts),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'smtp-url',
    provider: 'SMTP',
    name: 'SMTP URL with a password',
    envName: 'SMTP_URL',
    keywords: ['smtp'],
    minLength: 16,
    pattern: userinfoUrl('smtps?'),
    validate: remoteCredential(userinfoParts),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'ftp-url',
    provider: 'FTP',
    name: 'FTP URL with a password',
    envName: 'FTP_URL',
    keywords: ['ftp'],
    minLength: 16,
    pattern: userinfoUrl('s?ftps?'),
    validate: remoteCredential(ftpParts),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'ldap-url',
    provider: 'LDAP',
    name: 'LDAP URL with a password',
    envName: 'LDAP_URL',
    keywords: ['ldap'],
    minLength: 16,
    // The user is often a bind DN: `ldaps://cn=admin,dc=acme,dc=net:…@ldap.acme.net`.
    pattern: userinfoUrl('ldaps?'),
    validate: remoteCredential(userinfoParts),
    allowRepetition: true,
    selfIssued: true,
  },
  {
    id: 'ado-connection-string',
    provider: 'Database',
    name: 'Database connection string with a password',
    envName: 'DB_CONNECTION_STRING',
    keywords: ['assword', 'ASSWORD', 'wd=', 'WD='],
    minLength: 16,
    // `Server=…;Database=…;User Id=…;Password=…;` (ADO.NET, ODBC, Npgsql): from the first key to the last pair. At most
    // 30 pairs before the password keep long `k=v;` texts linear.
    // Linear on any input: values are bounded (a connection string's values are short; unbounded `[^;]*` made every
    // start in `a=ba=b…` scan to the end: quadratic), a pair never starts right after `=`, and after `=` only a `{…}`
    // value may follow spaces (`[^;{]` takes the spaces itself; two loops that can both take a space were quadratic too).
    pattern: /(?<![\w .{}=-])(?:[A-Za-z][\w .]{0,40}=(?:\s*\{[^}]{0,256}\}|[^;{]{0,256});\s*){0,30}?(?:password|pwd)\s*=\s*(?:\{\{[^}]{0,256}\}\}|\{[^}]{0,256}\}|[^;{\s][^;]{0,255})(?:;\s*[A-Za-z][\w .]{0,40}=(?:\s*\{[^}]{0,256}\}|[^;{]{0,256}))*;?/i,
    validate: remoteCredential(adoParts),
    allowRepetition: true,
    selfIssued: true,
  },
];

/** The connection-string formats (their order as above). */
const CONNECTION_PROVIDERS = CONNECTIONS_PROVIDERS.filter((provider) => CONNECTION_CREDENTIAL_PARTS.has(provider.id));
const ANY_CONNECTION_KEYWORD = anyKeywordPattern(CONNECTION_PROVIDERS.flatMap((provider) => provider.keywords));

/**
 * Every connection string in a value (one per format, in the order above), with its password and host whatever they
 * are (templated, local): for secret-dev-urls.ts, which reports the ones for development hosts.
 */
export function connectionCredentialsIn(value: string): (ConnectionCredentials & { provider: SecretProvider; token: string })[] {
  const found: (ConnectionCredentials & { provider: SecretProvider; token: string })[] = [];
  // Cheap gates first: every format holds `@` (URLs, Oracle's `user/pass@host`) or `=` (properties, ADO.NET pairs).
  if ((!value.includes('@') && !value.includes('=')) || !ANY_CONNECTION_KEYWORD.test(value)) return found;
  for (const provider of CONNECTION_PROVIDERS) {
    if (!provider.keywords.some((keyword) => value.includes(keyword))) continue;
    const match = provider.pattern.exec(value);
    if (match) found.push({ provider, token: match[0], ...CONNECTION_CREDENTIAL_PARTS.get(provider.id)!(match) });
  }
  return found;
}
