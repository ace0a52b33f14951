// Values that look like credentials but are documentation, templates or well-known public examples. Data, so users
// and maintainers can see (and extend) exactly what the hardcoded-secret rule treats as "not a secret".

/** Whole values (compared case-insensitively, after trimming) that are placeholders, never real secrets. */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'changeme', 'change_me', 'change-me', 'change me', 'changethis', 'change_this', 'change-this',
  'replace_me', 'replaceme', 'replace-me', 'replace me', 'replace_with_your_key',
  'todo', 'tbd', 'fixme', 'placeholder', 'dummy', 'fake', 'example', 'sample', 'redacted', 'hidden', 'masked',
  'null', 'undefined', 'none', 'n/a', 'na', 'required', 'optional', 'default', 'your_secret', 'your-secret',
  'secret_here', 'insert_key_here', 'api_key_here', 'token_here', 'password_here',
]);

/** Patterns of placeholder values: `<your-key>`, `${VAR}`, `{{secret}}`, `xxxx`, `****`, `...`, `your-api-key-here`. */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^<[^<>]*>$/, // <your-key>
  /<\s*(your|insert|enter|add|put|replace)[^>]*>/i,
  /\$\{[^}]*\}/, // ${VAR} kept as text (in .env-style or docs strings)
  /\{\{[^}]*\}\}/, // {{secret}}
  /^\$[A-Z_][A-Z0-9_]*$/, // $SECRET
  /^%[sd]$|^%\([a-z_]+\)s$/i,
  /x{4,}|X{4,}/, // xxxx, sk_live_XXXXXXXX
  /\*{3,}|•{3,}/, // ****
  /\.{3}|…/, // ... and …
  /^(your|my)[-_ ]?(api[-_ ]?)?(key|token|secret|password|pass)s?$/i,
  /^(your|insert|enter|put|add)[-_ ][a-z0-9_ -]*$/i, // your-api-key-here, insert_token
  /[-_ ](here|goes[-_ ]here)$/i, // api-key-here
  /^(replace|change)[-_ ]?(me|this|with)/i,
  /^\[[a-z _-]+\]$/i, // [password]
  /^:[a-z_]+$/i, // :password (route-style parameter)
  // A separate word saying so: test-secret, TEST_SECRET, dummy_token, example.key, demo123.
  /(^|[-_.\s])(test|tests|testing|dummy|fake|example|sample|placeholder|demo|mock)([-_.\s]|[0-9]*$)/i,
];

/** Public example credentials that documentation uses; they must never be reported. */
export const DOCUMENTED_EXAMPLE_VALUES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
  // The test-mode keys of Stripe's documentation account, printed in its API reference (split so the bundle holds
  // no whole key for scanners to flag).
  'sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc',
  'pk_test_' + 'TYooMQauvdEDq54NiTphI7jx',
  'sk_test_' + 'BQokikJOvBiI2HlWgH4olfQ2',
  'pk_test_' + '6pRNASCoBOKtIshFeQd4XMUh',
  // The Azure Storage emulator's (Azurite's) published account key.
  'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
]);

/** Values that are public by design even though they sit next to secrets: publishable keys, public keys, client ids. */
export const PUBLIC_VALUE_PATTERNS: readonly RegExp[] = [
  /^pk_(live|test)_/, // Stripe publishable keys
  /^pk\.eyJ/, // Mapbox public tokens
  /-----BEGIN (RSA |EC |DSA |OPENSSH |PGP )?PUBLIC KEY( BLOCK)?-----/,
  /-----BEGIN CERTIFICATE-----/,
  /\.apps\.googleusercontent\.com$/, // Google OAuth client ids
  /^[0-9]+-[a-z0-9]+\.apps\.googleusercontent\.com$/,
  /^ssh-(rsa|ed25519|dss) /, // OpenSSH public keys
  /^ecdsa-sha2-nistp\d+ /,
];

/**
 * A Firebase web config around a value (lower-cased source text): keys only that config has (`authDomain`,
 * `messagingSenderId`, `measurementId`, a `firebaseapp.com` domain), or `projectId` and `appId` together. The word
 * "firebase" alone is not enough: legacy Cloud Messaging server keys (secret) share the `AIza` format.
 */
const FIREBASE_ONLY_KEYS = /\b(authdomain|messagingsenderid|measurementid)\s*["']?\s*:|firebaseapp\.com/;
const PROJECT_ID_KEY = /\bprojectid\s*["']?\s*:/;
const APP_ID_KEY = /\bappid\s*["']?\s*:/;

export function looksLikeFirebaseWebConfig(around: string): boolean {
  return FIREBASE_ONLY_KEYS.test(around) || (PROJECT_ID_KEY.test(around) && APP_ID_KEY.test(around));
}

/** Values public by design in a recognisable context: a Firebase web config's `apiKey` ships to every browser. */
export const PUBLIC_IN_CONTEXT: readonly { value: RegExp; context: (around: string) => boolean }[] = [{ value: /^AIza/, context: looksLikeFirebaseWebConfig }];

/** `around` is lower-cased source text around the value. */
export function isPublicInContext(value: string, around: () => string): boolean {
  for (const entry of PUBLIC_IN_CONTEXT) if (entry.value.test(value) && entry.context(around())) return true;
  return false;
}

export function isPlaceholderValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed === '') return true;
  if (PLACEHOLDER_VALUES.has(trimmed.toLowerCase())) return true;
  if (DOCUMENTED_EXAMPLE_VALUES.has(trimmed)) return true;
  for (const pattern of PLACEHOLDER_PATTERNS) if (pattern.test(trimmed)) return true;
  return false;
}

export function isPublicValue(value: string): boolean {
  for (const pattern of PUBLIC_VALUE_PATTERNS) if (pattern.test(value)) return true;
  return false;
}
