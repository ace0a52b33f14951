// Values that look like credentials but are documentation, templates or well-known public examples. Data, so users
// and maintainers can see (and extend) exactly what the hardcoded-secret rule treats as "not a secret".
import { createHash } from 'node:crypto';

/** Whole values (compared case-insensitively, after trimming) that are placeholders, never real secrets. */
export const PLACEHOLDER_VALUES: ReadonlySet<string> = new Set([
  'changeme', 'change_me', 'change-me', 'change me', 'changethis', 'change_this', 'change-this',
  'replace_me', 'replaceme', 'replace-me', 'replace me', 'replace_with_your_key',
  'todo', 'tbd', 'fixme', 'placeholder', 'dummy', 'fake', 'example', 'sample', 'redacted', 'hidden', 'masked',
  'null', 'undefined', 'none', 'n/a', 'na', 'required', 'optional', 'default', 'your_secret', 'your-secret',
  'secret_here', 'insert_key_here', 'api_key_here', 'token_here', 'password_here',
]);

/**
 * Patterns of placeholder values: `<your-key>`, `${VAR}`, `{{secret}}`, `$(VAR)`, `%s`, `xxxx`, `****`, `...`,
 * `your-api-key-here`. None of these characters or runs occurs in a random key body, so they may match anywhere.
 */
export const PLACEHOLDER_PATTERNS: readonly RegExp[] = [
  /^<[^<>]*>$/, // <your-key>
  /<\s*(your|insert|enter|add|put|replace)[^>]*>/i,
  /<[A-Za-z][A-Za-z _-]{2,}>/, // user:<password>@host, sk_live_<key>
  /\$\{[^}]*\}/, // ${VAR} kept as text (in .env-style or docs strings)
  /\{\{[^}]*\}\}/, // {{secret}}
  /\{[A-Za-z_][A-Za-z0-9_]*\}/, // {SumoAccessKey}: format-string fields
  /\$\([A-Za-z_][A-Za-z0-9_]*\)/, // $(PASSWORD): Makefile, Azure Pipelines and Kubernetes references
  /^(\$[A-Z_][A-Z0-9_]*[:@/._-]?)+$/, // $SECRET, $USERNAME:$PASSWORD (a random password may start with `$`)
  /%[sdv](?![0-9A-Fa-f])|%\([a-z_]+\)s/i, // printf fields (`%d3` would be URL encoding: not before hex)
  /x{4,}|X{4,}/, // xxxx, sk_live_XXXXXXXX
  /(^|[-_.:])(xxx|XXX)$/, // xoxe-1-xxx
  /#{4,}/, // xoxp-…-####
  /\*{3,}|•{3,}/, // ****
  /\.{3}|…/, // ... and …
  /^(your|my)[-_ ]?(api[-_ ]?)?(key|token|secret|password|pass)s?$/i,
  /^(your|insert|enter|put|add)[-_ ][a-z0-9_ -]*$/i, // your-api-key-here, insert_token
  /[-_ ](here|goes[-_ ]here)$/i, // api-key-here
  /[a-z](Here|GoesHere)$|[A-Z]{3}HERE$/, // …AccessTokenHere, RANDOMSTRINGHERE
  /^(replace|change)[-_ ]?(me|this|with)/i,
  /^\[[a-z _-]+\]$/i, // [password]
  /^:[a-z_]+$/i, // :password (route-style parameter)
  /^(user(name)?|login|email):(pass(word)?|pwd|secret)$/i, // the docs' username:password
];

/**
 * A separate word saying so: test-secret, TEST_SECRET, dummy_token, example.key, demo123, test:test. Only in values
 * without a random part: `sk_test_…`, `shippo_test_…`, `FLWSECK_TEST-…` are test-mode keys, still credentials.
 */
export const PLACEHOLDER_WORD = /(^|[-_.:\s])(test|tests|testing|dummy|fake|example|sample|placeholder|demo|mock)([-_.:\s]|[0-9]*$)/i;

/**
 * A part no one types: 10+ letters and digits with at least two digits and four letters, or two of each in hex
 * (`482be18e71…`, `Ofbtr05CFsJ…`, `033c581cd333`), or 16+ letters whose case changes camelCase words do not explain.
 * Words, identifiers and short counters (`demo123`, `test-token-6`, `v2`) have none.
 */
export function hasRandomPart(value: string): boolean {
  const runs = value.match(/[A-Za-z0-9]{10,}/g);
  if (!runs) return false;
  for (const run of runs) {
    const digits = run.replace(/[^0-9]/g, '').length;
    if (digits >= 2 && (run.length - digits >= 4 || (run.length - digits >= 2 && /^[0-9a-f]+$/i.test(run)))) return true; // hex: 033c581cd333
    if (run.length >= 16 && digits === 0 && (run.match(/[a-z][A-Z](?![a-z]{2})|[A-Z]{2}[a-z]/g)?.length ?? 0) >= 3) return true;
  }
  return false;
}

/** Public example credentials that documentation uses; they must never be reported. AWS's carry their own EXAMPLE. */
export const DOCUMENTED_EXAMPLE_VALUES: ReadonlySet<string> = new Set([
  'AKIAIOSFODNN7EXAMPLE',
  'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  'je7MtGbClwBF/2Zp9Utk/h3yCo8nvbEXAMPLEKEY',
]);

/**
 * Documented example keys that cannot be written here as values, as `<first 4 characters>/<length>/<first 16 hex
 * digits of the SHA-256>`: the prefix and length let almost every value skip the hash. This file ships in the bundle,
 * and esbuild folds `'sk_test_' + '…'` back into one string, so splitting a key does not keep a whole one out of it
 * (and every scanner would flag it). To add one:
 * `node -e "const k=process.argv[1];console.log(k.slice(0,4)+'/'+k.length+'/'+require('crypto').createHash('sha256').update(k).digest('hex').slice(0,16))" KEY`
 */
export const DOCUMENTED_EXAMPLE_FINGERPRINTS: ReadonlySet<string> = new Set([
  // The test-mode keys of Stripe's documentation account, printed in its API reference.
  'sk_t/32/2cafc0970149a84f', 'pk_t/32/b1471f544ceeea31', 'sk_t/32/f2d6ca16515033e5', 'pk_t/32/5895b89c8fb33402',
  // The published account key of the Azure Storage emulator (Azurite) and master key of the Cosmos DB emulator.
  'Eby8/88/0011cc25eb432071', 'C2y6/88/aa6547439583c3a2',
  // The example Google API keys in the Firebase Android SDK's tests and sample configs (google-services.json).
  ...['f56e323494a6ffc2', '2037abcaffb2b777', '3f370c9dd8225c63', 'e4a5542bb7fd7b67', 'a19f89ab3555eac1', '0b476bdf9acf2123',
    'eb540d2b6ee2a0a4', '37f8f09bdf12c2f2', '8731261cb72d8626', '49f777db995e8260', '27a9a42931dff7eb', 'dc0fcf046c61640c',
    '4c98242dcadc8b29', 'ea9bb1082cf95663', '3a8b61d0f636b007', 'a6c814bc555ae62c'].map((hash) => `AIza/39/${hash}`),
]);

const FINGERPRINTED_SHAPES: ReadonlySet<string> = new Set([...DOCUMENTED_EXAMPLE_FINGERPRINTS].map((entry) => entry.slice(0, entry.lastIndexOf('/'))));

/** A documented public example (AWS's `…EXAMPLE` keys, Stripe's docs keys, emulator keys, the Firebase SDK's samples). */
export function isDocumentedExample(value: string): boolean {
  if (DOCUMENTED_EXAMPLE_VALUES.has(value)) return true;
  const shape = `${value.slice(0, 4)}/${value.length}`;
  return FINGERPRINTED_SHAPES.has(shape) && DOCUMENTED_EXAMPLE_FINGERPRINTS.has(`${shape}/${createHash('sha256').update(value).digest('hex').slice(0, 16)}`);
}

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
  if (isDocumentedExample(trimmed)) return true;
  for (const pattern of PLACEHOLDER_PATTERNS) if (pattern.test(trimmed)) return true;
  return PLACEHOLDER_WORD.test(trimmed) && !hasRandomPart(trimmed);
}

export function isPublicValue(value: string): boolean {
  for (const pattern of PUBLIC_VALUE_PATTERNS) if (pattern.test(value)) return true;
  return false;
}
