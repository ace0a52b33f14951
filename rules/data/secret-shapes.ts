// Knowledge behind hardcoded-secret's shape recognisers (rules/support/secret-*.ts): which calls seed user records,
// which names and calls hold wallet secrets, which names say "API URL", which compared values are modes rather
// than secrets. Data, so it can be read and extended without touching the mechanisms.

// --- Comparisons of request credentials with literals (secret-comparisons.ts) -----------------------------------

/** Constant-time comparison helpers: a literal compared through one of these is a secret by the author's own word. */
export const CONSTANT_TIME_COMPARES: ReadonlySet<string> = new Set([
  'timingSafeEqual', 'safeCompare', 'secureCompare', 'constantTimeCompare', 'timingSafeCompare', 'tsscmp', 'safeEqual',
]);

/** Compared values that are states, schemes or type names, not secrets (`token === 'undefined'`, `auth === 'Bearer'`). */
export const COMPARED_NON_SECRET_VALUES: RegExp =
  /^(undefined|null|none|nil|nan|true|false|bearer|basic|digest|token|bot|jwt|hmac|apikey|api-key|api_key|oauth2?|negotiate|ntlm|session|cookie|header|string|object|number)$/i;

/** Request helpers that read one named header or parameter: `req.get('x-api-key')`, `c.req.header('x-key')`. */
export const NAMED_READ_METHODS: ReadonlySet<string> = new Set(['get', 'header', 'param', 'query', 'cookie']);

// --- Wallet mnemonics and raw private keys (secret-wallets.ts) ---------------------------------------------------

/**
 * Words that make a name hold a wallet secret: `mnemonic`, `seedPhrase`, `walletKey`, `deployerPrivateKey`,
 * `SIGNER_PK`. `seed` counts only together with `phrase`/`words` (database and random seeds are everywhere).
 */
export const MNEMONIC_NAME_WORDS: ReadonlySet<string> = new Set(['mnemonic', 'mnemonics', 'passphrase', 'bip39']);
export const PHRASE_NAME_WORDS: ReadonlySet<string> = new Set(['phrase', 'words']);
export const PHRASE_QUALIFIERS: ReadonlySet<string> = new Set(['seed', 'recovery', 'secret', 'wallet', 'backup']);
export const WALLET_KEY_NAME_WORDS: ReadonlySet<string> = new Set(['wallet', 'signer', 'deployer', 'relayer', 'privkey', 'pk', 'accounts', 'account', 'operator', 'owner', 'private']);

/** Words that say a 64-hex value is public or derived: a transaction hash, an address, a digest, a salt. */
export const NON_WALLET_WORDS: ReadonlySet<string> = new Set([
  'hash', 'hashes', 'tx', 'txn', 'transaction', 'address', 'addr', 'checksum', 'digest', 'sha', 'sha256', 'id', 'ids',
  'block', 'root', 'merkle', 'topic', 'topics', 'salt', 'nonce', 'signature', 'sig', 'public', 'pub', 'commit',
  'code', 'selector', 'event', 'hex', 'example', 'sample', 'test', 'dummy', 'fake', 'mock',
]);

/** Calls that take a mnemonic phrase as their first argument (ethers, viem, bip39, web3/truffle providers). */
export const MNEMONIC_CALLS: ReadonlySet<string> = new Set([
  'fromMnemonic', 'fromPhrase', 'mnemonicToSeed', 'mnemonicToSeedSync', 'mnemonicToAccount', 'mnemonicToPrivateKey',
  'mnemonicToEntropy', 'HDWalletProvider', 'fromSeedPhrase',
]);

/** Calls that take a raw private key as their first argument (`new ethers.Wallet(key)`, viem's `privateKeyToAccount`). */
export const PRIVATE_KEY_CALLS: ReadonlySet<string> = new Set(['Wallet', 'privateKeyToAccount', 'fromPrivateKey', 'SigningKey', 'privateKeyToAddress']);

/**
 * Development keys published by the tools themselves (Hardhat's and Anvil's account #0, derived from the mnemonic
 * "test test … junk"): public, like AWS's EXAMPLE keys.
 */
export const PUBLISHED_DEV_PRIVATE_KEYS: ReadonlySet<string> = new Set(['ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcaef784d7bf4f2ff80']);

// --- Seeded user records (secret-seed-records.ts) -----------------------------------------------------------------

/** Calls that write records: ORMs' create/insert families, sequelize-cli's `queryInterface.bulkInsert`, Prisma. */
export const RECORD_WRITE_CALLS: ReadonlySet<string> = new Set([
  'create', 'bulkCreate', 'insertMany', 'insertOne', 'createMany', 'bulkInsert', 'insert', 'upsert', 'save',
  'createUser', 'seed', 'findOrCreate', 'createQueryBuilder', 'values',
]);

/** Property names that identify an account: an object with one of these and a password is a user record. */
export const ACCOUNT_FIELDS: ReadonlySet<string> = new Set([
  'email', 'username', 'user', 'userName', 'login', 'name', 'firstName', 'lastName', 'fullName', 'role', 'roles',
  'isAdmin', 'admin', 'phone', 'account', 'handle', 'nickname', 'displayName', 'mail', 'user_name', 'first_name',
]);

/** Names of variables that hold account lists (`const users = [{ username, password }]`). */
export const ACCOUNT_LIST_WORDS: ReadonlySet<string> = new Set(['user', 'users', 'account', 'accounts', 'admin', 'admins', 'seed', 'seeds', 'member', 'members', 'customer', 'customers', 'staff', 'employees', 'credentials']);

/** Folders whose files seed databases (an array of records there is seed data whatever its name). */
export const SEED_PATH = /(^|\/)(seeders?|seeds?|seeding|migrations?)\/|(^|\/)seed[^/]*\.[cm]?[jt]s$/i;

/** Password-hash literals (bcrypt, argon2, scrypt, PBKDF2, LDAP schemes) and hex digests: hashes, not plaintext. */
export const PASSWORD_HASH_FORMATS: readonly RegExp[] = [
  /^\$2[abxy]?\$\d{2}\$[./A-Za-z0-9]{53}$/,
  /^\$argon2(id|i|d)\$/,
  /^\$(scrypt|pbkdf2[-\w]*|[156])\$/,
  /^(pbkdf2_sha\d+|bcrypt_sha256|argon2)\$/,
  /^\{(SSHA|SHA|SMD5|CRYPT)\}/i,
  /^([0-9a-f]{32}|[0-9a-f]{40}|[0-9a-f]{64}|[0-9a-f]{128})$/i,
];

// --- Keys next to an API URL (secret-api-objects.ts) --------------------------------------------------------------

/** Generic names that hold a key when an API URL sits beside them in the same object. */
export const GENERIC_KEY_NAMES: ReadonlySet<string> = new Set(['key', 'token', 'secret', 'auth', 'apikey', 'apiKey', 'api_key', 'accessKey', 'access_key', 'appKey', 'app_key', 'k']);

/** Names of the sibling that holds the API's address. */
export const API_URL_NAMES: ReadonlySet<string> = new Set(['url', 'uri', 'baseUrl', 'baseURL', 'base_url', 'apiUrl', 'apiURL', 'api_url', 'endpoint', 'host', 'server', 'api', 'apiBase', 'apiHost', 'origin']);
