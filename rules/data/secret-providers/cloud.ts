// Tier-1 secret formats, cloud platforms and hosting: AWS, Google Cloud and Firebase, Cloudflare, Vercel, DigitalOcean,
// Heroku. Samples: ../secret-provider-samples/cloud.ts. The order of entries matters where formats overlap: the first
// match wins (this family comes first in the index, so its GCP service-account key wins over the generic private key).
import { createHash } from 'node:crypto';
import { isPublicInContext, looksLikeFirebaseWebConfig } from '../secret-placeholders';
import { type ProviderContext, type SecretProvider, looksRandomMixedCase, nearby } from './shared';

const AWS_HINT = /aws|secret_?access_?key|secretaccesskey|akia|asia|s3|amazon/;

/**
 * Google API keys the Firebase Android SDK publishes in its test resources (gitleaks allowlists the same keys):
 * format-valid, public, nobody's credential. Kept as SHA-256 prefixes so the repository holds no key.
 */
const DOCUMENTED_GOOGLE_EXAMPLE_KEYS: ReadonlySet<string> = new Set([
  '2037abcaffb2b777', '3f370c9dd8225c63', 'e4a5542bb7fd7b67', 'a19f89ab3555eac1', '0b476bdf9acf2123',
  'eb540d2b6ee2a0a4', '37f8f09bdf12c2f2', '8731261cb72d8626', '49f777db995e8260', '27a9a42931dff7eb',
  'dc0fcf046c61640c', '4c98242dcadc8b29', 'ea9bb1082cf95663', '3a8b61d0f636b007', 'a6c814bc555ae62c',
]);
const isDocumentedGoogleExampleKey = (token: string) =>
  DOCUMENTED_GOOGLE_EXAMPLE_KEYS.has(createHash('sha256').update(token).digest('hex').slice(0, 16));

/** A service-account key file: `"type": "service_account"` in the value itself or in the object around the literal. */
const SERVICE_ACCOUNT_TYPE = /["']?type["']?\s*:\s*["']service_account["']/;

/**
 * Service-account keys are RSA-2048 (about 1,600 base64 characters): a body of under 200 is a truncated key from
 * documentation or a test (`MIIEvQIBADANBg…`), and one spelling EXAMPLE is a documented stand-in.
 */
function isServiceAccountKeyBody(token: string): boolean {
  const body = token.slice(token.indexOf('-----', 11) + 5).replace(/\\n|[^A-Za-z0-9+/=]/g, '');
  return body.length >= 200 && !body.includes('EXAMPLE');
}

/** Names that say "credential"; an id, a hash or a digest of the same shape says otherwise. */
const CREDENTIAL_NAME = /key|token|secret|auth|pass|cred/i;
const NOT_A_CREDENTIAL_WORD = new Set(['id', 'ids', 'sha', 'sha1', 'sha256', 'hash', 'digest', 'checksum', 'etag', 'uuid']);
/** `herokuAppId`, `CLOUDFLARE_ZONE_ID`, `commitSha`: one of the name's words says it is not a credential. */
const namesNonCredential = (name: string) =>
  name
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .some((word) => NOT_A_CREDENTIAL_WORD.has(word));

/**
 * For legacy formats with no prefix (`^…$`, e.g. a Cloudflare API token is 40 plain characters): the provider must be
 * named in the literal's own name or on the lines just before it, and the name must say credential, not id or hash.
 */
const hintedCredential =
  (hint: RegExp) =>
  (token: string, _match: RegExpExecArray, context: ProviderContext): boolean => {
    // No name (a call argument, a value quoted in a message): the text just before stands in for it.
    const close = context.textBefore().slice(-100);
    const name = context.sinkName ?? close.slice(-60).replace(/[\s'"`:=(,|{]+$/, '');
    if (!CREDENTIAL_NAME.test(name) || namesNonCredential(name)) return false;
    if (!hint.test(name.toLowerCase()) && !hint.test(close)) return false;
    return /[0-9]/.test(token) && /[a-z]/i.test(token);
  };

export const CLOUD_PROVIDERS: readonly SecretProvider[] = [
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
    id: 'aws-session-token',
    provider: 'AWS',
    name: 'AWS session token',
    envName: 'AWS_SESSION_TOKEN',
    keywords: ['IQoJb3JpZ2luX2Vj', 'FwoGZXIvYXdzE'],
    minLength: 216,
    // STS tokens open with a fixed encoded header ("…origin_ec", formerly "…er/aws") and run to hundreds of base64
    // characters. A URL-encoded copy (%2F, %2B: a presigned URL, expired in any fixture) rarely keeps 200 in a row.
    pattern: /(?<![A-Za-z0-9+/%])(?:IQoJb3JpZ2luX2Vj|FwoGZXIvYXdzE)[A-Za-z0-9+/]{200,}={0,3}(?![A-Za-z0-9+/=%])/,
  },
  {
    id: 'aws-bedrock-api-key',
    provider: 'AWS',
    name: 'Amazon Bedrock API key',
    envName: 'AWS_BEARER_TOKEN_BEDROCK',
    keywords: ['ABSK'],
    minLength: 113,
    // Long-term key: ABSK + base64 of "BedrockAPIKey-<id>:<secret>"; the fixed start of that text pins the format.
    pattern: /(?<![A-Za-z0-9+/])ABSKQmVkcm9ja0FQSUtleS[0-3][A-Za-z0-9+/]{90,250}={0,2}(?![A-Za-z0-9+/=])/,
  },
  {
    id: 'aws-bedrock-short-term-api-key',
    provider: 'AWS',
    name: 'Amazon Bedrock short-term API key',
    envName: 'AWS_BEARER_TOKEN_BEDROCK',
    keywords: ['bedrock-api-key-'],
    minLength: 44,
    // A presigned request as base64, always starting with "bedrock.amazonaws.com" (the encoded part after the dash).
    pattern: /(?<![A-Za-z0-9_-])bedrock-api-key-YmVkcm9jay5hbWF6b25hd3MuY29t[A-Za-z0-9+/]*={0,2}(?![A-Za-z0-9+/=])/,
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
  {
    id: 'gcp-service-account-key',
    provider: 'Google Cloud',
    name: 'Google Cloud service-account key',
    envName: 'GOOGLE_APPLICATION_CREDENTIALS_JSON',
    keywords: ['PRIVATE KEY'],
    minLength: 60,
    // The private_key of a key file, with `\n` escapes as JSON writes them or real line breaks.
    pattern: /-----BEGIN (?:RSA )?PRIVATE KEY-----[A-Za-z0-9+/=\s\\]{200,}/,
    validate: (token, match, context) => isServiceAccountKeyBody(token) && (SERVICE_ACCOUNT_TYPE.test(match.input) || SERVICE_ACCOUNT_TYPE.test(context.textBefore()) || SERVICE_ACCOUNT_TYPE.test(context.textAfter())),
    allowRepetition: true,
    // Test suites of Google client code carry generated key files: like other PEM keys, reported in product code only.
    selfIssued: true,
  },
  {
    id: 'firebase-web-api-key',
    provider: 'Firebase',
    name: 'Firebase web API key',
    envName: 'FIREBASE_API_KEY',
    keywords: ['AIza'],
    minLength: 39,
    pattern: /(?<![A-Za-z0-9_-])AIza[0-9A-Za-z_-]{35}(?![A-Za-z0-9_-])/,
    validate: (token, _match, context) =>
      looksLikeFirebaseWebConfig(context.textBefore() + context.textAfter()) && !isDocumentedGoogleExampleKey(token),
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
    validate: (token, _match, context) =>
      !isPublicInContext(token, () => context.textBefore() + context.textAfter()) && !isDocumentedGoogleExampleKey(token),
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
    id: 'google-oauth-access-token',
    provider: 'Google',
    name: 'Google OAuth access token',
    envName: 'GOOGLE_ACCESS_TOKEN',
    keywords: ['ya29.'],
    minLength: 35,
    pattern: /(?<![A-Za-z0-9_.-])ya29\.[A-Za-z0-9_-]{30,}(?![A-Za-z0-9_-])/,
    validate: (token) => /[0-9]/.test(token.slice(5)) && /[a-zA-Z]/.test(token.slice(5)),
  },
  {
    id: 'google-oauth-refresh-token',
    provider: 'Google',
    name: 'Google OAuth refresh token',
    envName: 'GOOGLE_REFRESH_TOKEN',
    keywords: ['1//0'],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_/:.-])1\/\/0[A-Za-z0-9_-]{40,}(?![A-Za-z0-9_-])/,
    validate: (token) => looksRandomMixedCase(token.slice(4)),
  },
  {
    id: 'cloudflare-api-token',
    provider: 'Cloudflare',
    name: 'Cloudflare API token',
    envName: 'CLOUDFLARE_API_TOKEN',
    keywords: ['cfut_', 'cfat_'],
    minLength: 53,
    // Scannable format (2026): user (cfut_) or account (cfat_) token, 40 characters and an 8-hex checksum.
    pattern: /(?<![A-Za-z0-9_])cf[ua]t_[A-Za-z0-9]{40}[a-f0-9]{8}(?![A-Za-z0-9_])/,
  },
  {
    id: 'cloudflare-global-api-key',
    provider: 'Cloudflare',
    name: 'Cloudflare global API key',
    envName: 'CLOUDFLARE_API_KEY',
    keywords: ['cfk_'],
    minLength: 52,
    pattern: /(?<![A-Za-z0-9_])cfk_[A-Za-z0-9]{40}[a-f0-9]{8}(?![A-Za-z0-9_])/,
  },
  {
    id: 'cloudflare-origin-ca-key',
    provider: 'Cloudflare',
    name: 'Cloudflare Origin CA key',
    envName: 'CLOUDFLARE_ORIGIN_CA_KEY',
    keywords: ['v1.0-'],
    minLength: 176,
    // Hex in every key seen; lowercase alphanumerics accepted, the prefix and the 24/146 split already pin the format.
    pattern: /(?<![A-Za-z0-9_.-])v1\.0-[a-z0-9]{24}-[a-z0-9]{146}(?![A-Za-z0-9_-])/,
  },
  {
    id: 'vercel-token',
    provider: 'Vercel',
    name: 'Vercel token',
    envName: 'VERCEL_TOKEN',
    keywords: ['vcp_', 'vci_', 'vca_', 'vcr_', 'vck_'],
    minLength: 28,
    // Prefixed formats (personal, integration, app access and refresh tokens, API keys); Vercel documents the
    // prefixes, not the body's length: at least 24 random mixed-case characters.
    pattern: /(?<![A-Za-z0-9_])vc[piark]_[A-Za-z0-9]{24,}(?![A-Za-z0-9_])/,
    validate: (token) => looksRandomMixedCase(token.slice(4)),
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
  // Legacy formats without a prefix: whole values, recognised only under a credential name with the provider named.
  {
    id: 'cloudflare-legacy-api-token',
    provider: 'Cloudflare',
    name: 'Cloudflare API token',
    envName: 'CLOUDFLARE_API_TOKEN',
    keywords: [],
    minLength: 40,
    pattern: /^[A-Za-z0-9_-]{40}$/,
    validate: hintedCredential(/cloudflare|\bcf_?api|\bcf-api/),
  },
  {
    id: 'cloudflare-legacy-global-api-key',
    provider: 'Cloudflare',
    name: 'Cloudflare global API key',
    envName: 'CLOUDFLARE_API_KEY',
    keywords: [],
    minLength: 37,
    pattern: /^[a-f0-9]{37,45}$/,
    validate: hintedCredential(/cloudflare|\bcf_?api|\bcf-api|x-auth-key/),
  },
  {
    id: 'vercel-legacy-token',
    provider: 'Vercel',
    name: 'Vercel token',
    envName: 'VERCEL_TOKEN',
    keywords: [],
    minLength: 24,
    pattern: /^[A-Za-z0-9]{24}$/,
    validate: (token, match, context) => looksRandomMixedCase(token) && hintedCredential(/vercel/)(token, match, context),
  },
  {
    id: 'heroku-legacy-api-key',
    provider: 'Heroku',
    name: 'Heroku API key',
    envName: 'HEROKU_API_KEY',
    keywords: [],
    minLength: 36,
    pattern: /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/,
    validate: hintedCredential(/heroku/),
  },
];
