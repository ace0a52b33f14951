// Which field names hold secrets a response must not carry, and which a client must not be able to set. Shared by
// `full-record-response` (what comes out) and `mass-assignment` (what goes in). Names are compared by their words
// (camelCase, snake_case, kebab-case split and lower-cased), so `passwordHash`, `password_hash` and `PasswordHash`
// are one name, and a word that only says *about* a secret (`passwordChangedAt`, `tokenCount`) is not the secret.

/** Last word(s) of a name that hold a secret or a credential. Multi-word entries are joined without separators. */
export const SENSITIVE_FIELD_WORDS: ReadonlySet<string> = new Set([
  'password', 'passwd', 'passphrase', 'hash', 'passwordhash', 'hashedpassword', 'salt', 'secret', 'token', 'apikey',
  'apisecret', 'secretkey', 'privatekey', 'accesskey', 'accesstoken', 'refreshtoken', 'resettoken', 'sessiontoken',
  'verificationtoken', 'totpsecret', 'otpsecret', 'mfasecret', 'twofactorsecret', 'recoverycodes', 'backupcodes',
  'ssn', 'socialsecuritynumber', 'creditcard', 'creditcardnumber', 'cardnumber', 'cvv', 'cvc', 'pin', 'otp',
  // Rails' has_secure_password column; answers to security questions work like passwords.
  'passworddigest', 'securityanswer', 'secretanswer',
]);

/**
 * Last words that make a name *about* a secret rather than the secret: when it changed, how many, when it expires,
 * which kind. `resetTokenExpires`, `passwordChangedAt`, `tokenCount`, `hashAlgorithm`.
 */
export const DESCRIPTIVE_SUFFIX_WORDS: ReadonlySet<string> = new Set([
  'at', 'on', 'date', 'time', 'timestamp', 'count', 'length', 'expires', 'expiry', 'expiration', 'expired', 'type',
  'kind', 'algorithm', 'algo', 'version', 'hint', 'policy', 'set', 'enabled', 'required', 'id', 'ids', 'url', 'name',
  'prefix', 'last4', 'lastfour', 'status', 'attempts', 'used', 'sent', 'valid', 'strength', 'rounds', 'iterations',
]);

export type PrivilegedFieldKind = 'privilege' | 'verification' | 'balance' | 'ownership' | 'credential' | 'identity' | 'audit';

/** Whole (lower-cased, separator-free) names of fields a client must never set through a request body. */
export const PRIVILEGED_FIELDS: ReadonlyMap<string, PrivilegedFieldKind> = new Map<string, PrivilegedFieldKind>([
  ...['role', 'roles', 'isadmin', 'admin', 'issuperuser', 'superuser', 'isstaff', 'staff', 'permissions', 'permission', 'scopes', 'privileges', 'usertype', 'accesslevel', 'isowner', 'ismoderator'].map((name) => [name, 'privilege'] as const),
  ...['verified', 'isverified', 'emailverified', 'isemailverified', 'phoneverified', 'approved', 'isapproved', 'isactive', 'active', 'banned', 'isbanned', 'locked', 'islocked'].map((name) => [name, 'verification'] as const),
  ...['balance', 'credits', 'credit', 'points', 'walletbalance', 'quota', 'plan', 'subscription', 'discount'].map((name) => [name, 'balance'] as const),
  ...['ownerid', 'userid', 'authorid', 'tenantid', 'organizationid', 'organisationid', 'orgid', 'accountid', 'createdby', 'owner', 'user', 'author'].map((name) => [name, 'ownership'] as const),
  // A plain `password` is not here: clients send it when they register or change it (the model hashes it). Its hash,
  // salt and the tokens are the server's. Measured: counting `password` flagged every sign-up handler.
  ...['passwordhash', 'hashedpassword', 'hash', 'salt', 'resettoken', 'resetpasswordtoken', 'passwordresettoken', 'verificationtoken', 'refreshtoken', 'apikey', 'totpsecret', 'mfasecret'].map((name) => [name, 'credential'] as const),
  ...['id', '_id', 'uuid'].map((name) => [name, 'identity'] as const),
  ...['createdat', 'updatedat', 'deletedat', 'created', 'updated', 'created_at', 'updated_at'].map((name) => [name, 'audit'] as const),
]);

/** `passwordHash` → ['password', 'hash']; `reset_token_expires` → ['reset', 'token', 'expires']. */
export function wordsOf(name: string): string[] {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .replace(/([A-Z]+)([A-Z][a-z])/g, '$1 $2')
    .split(/[\s_\-$.]+/)
    .filter(Boolean)
    .map((word) => word.toLowerCase());
}

/** True when a field of this name holds a secret (see the word lists above); `extra` are project-configured names. */
export function isSensitiveFieldName(name: string, extra: readonly string[] = []): boolean {
  const compact = name.toLowerCase().replace(/[_\-]/g, '');
  if (extra.some((configured) => configured.toLowerCase().replace(/[_\-]/g, '') === compact)) return true;
  const words = wordsOf(name);
  if (words.length === 0) return false;
  const last = words[words.length - 1]!;
  if (DESCRIPTIVE_SUFFIX_WORDS.has(last)) return false;
  // `is…`/`has…` booleans say whether a secret exists, not what it is.
  if (words[0] === 'is' || words[0] === 'has') return false;
  for (let take = Math.min(3, words.length); take >= 1; take--) {
    if (SENSITIVE_FIELD_WORDS.has(words.slice(words.length - take).join(''))) return true;
  }
  return false;
}

/** What kind of server-owned field this is, when a client must not set it; undefined for ordinary fields. */
export function privilegedFieldKind(name: string, extra: readonly string[] = []): PrivilegedFieldKind | undefined {
  const compact = name.toLowerCase().replace(/[_\-]/g, '');
  if (extra.some((configured) => configured.toLowerCase().replace(/[_\-]/g, '') === compact)) return 'privilege';
  return PRIVILEGED_FIELDS.get(compact) ?? PRIVILEGED_FIELDS.get(name.toLowerCase());
}
