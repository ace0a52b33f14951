// Which names make a literal a credential (tier 2 of hardcoded-secret). Names are split into lower-case words
// (`clientSecret` → client, secret); a name is a credential when a credential word appears and no word after it
// turns the name into something about the credential rather than the credential itself (`tokenUrl`,
// `passwordMinLength`, `secretName`, `apiKeyHeader`).
import { identifierWords } from '../support/ast';

/** Words that on their own name a secret that may be any string, even a word (`password: 'hunter2'`). */
export const PASSWORD_WORDS: ReadonlySet<string> = new Set([
  'secret', 'secrets', 'password', 'passwords', 'passwd', 'pwd', 'passphrase', 'passcode', 'pepper', 'apisecret',
  'clientsecret', 'secretkey', 'privatekey', 'dbpass', 'dbpassword',
]);

/** Words that name a machine-issued token or key: the value must look like one (`token: 'keyword'` is a lexer token). */
export const TOKEN_WORDS: ReadonlySet<string> = new Set([
  'token', 'tokens', 'apikey', 'apikeys', 'apitoken', 'accesskey', 'authtoken', 'accesstoken', 'refreshtoken', 'bearertoken',
]);

/** Every word that names a credential. */
export const CREDENTIAL_WORDS: ReadonlySet<string> = new Set([...PASSWORD_WORDS, ...TOKEN_WORDS, 'credential', 'credentials', 'creds']);

/** Words that name a credential only when the value does not look like a mode or scheme (`auth: 'jwt'`, `credentials: 'include'`). */
export const WEAK_CREDENTIAL_WORDS: ReadonlySet<string> = new Set(['auth', 'authorization', 'pass', 'credential', 'credentials', 'creds']);

/** `<qualifier> key` names a secret that may be any string (`secretKey: 'mysecret'`). */
export const PASSWORD_KEY_QUALIFIERS: ReadonlySet<string> = new Set(['secret', 'private', 'signing', 'sign', 'encryption', 'encrypt', 'crypto', 'cipher', 'master', 'hmac', 'jwt', 'aes']);

/** `<qualifier> key` is a credential (`apiKey`, `privateKey`, `signingKey`); other keys are lookup keys. */
export const KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  ...PASSWORD_KEY_QUALIFIERS, 'api', 'access', 'client', 'auth', 'license', 'licence', 'consumer', 'webhook', 'service',
  'admin', 'shared', 'account', 'subscription', 'ingest', 'root', 'deploy', 'ssh', 'app', 'rsa', 'server',
]);

/**
 * Providers whose keys are secrets: `<provider> key` names one (`STRIPE_KEY`, `sendgridKey`, `AZURE_OPENAI_KEY`,
 * `azureStorageKey`). Left out: names whose "key" is public by design or a lookup key (firebase, supabase anon keys,
 * mapbox, algolia search keys, recaptcha site keys, redis/mongo/dynamo keys, segment, square, linear).
 */
export const PROVIDER_KEY_QUALIFIERS: ReadonlySet<string> = new Set([
  'stripe', 'sendgrid', 'mailgun', 'mailchimp', 'mandrill', 'postmark', 'sparkpost', 'resend', 'brevo', 'sendinblue',
  'twilio', 'vonage', 'nexmo', 'plivo', 'telnyx', 'messagebird', 'shopify', 'slack', 'discord', 'telegram', 'github',
  'gitlab', 'bitbucket', 'npm', 'openai', 'anthropic', 'claude', 'groq', 'cohere', 'mistral', 'gemini', 'huggingface',
  'hf', 'replicate', 'pinecone', 'deepseek', 'perplexity', 'elevenlabs', 'aws', 'azure', 'gcp', 'google', 'cloudflare',
  'vercel', 'netlify', 'heroku', 'digitalocean', 'cosmos', 'cosmosdb', 'notion', 'figma', 'grafana', 'datadog', 'newrelic', 'sentry',
  'pagerduty', 'plaid', 'paypal', 'braintree', 'adyen', 'razorpay', 'paystack', 'flutterwave', 'mollie', 'coinbase',
  'binance', 'pusher', 'ably', 'auth0', 'okta', 'clerk', 'databricks', 'snowflake', 'doppler', 'vault', 'airtable',
  'hubspot', 'salesforce', 'intercom', 'zendesk', 'shippo', 'easypost', 'lob', 'duffel', 'posthog', 'mixpanel',
  'amplitude', 'bugsnag', 'rollbar', 'atlassian', 'jira', 'asana', 'clickup', 'dropbox', 'docusign',
]);

/** Provider names written as two words in camelCase (`openAiKey`, `gitHubKey`, `sendGridKey`, `huggingFaceKey`). */
const TWO_WORD_PROVIDERS: ReadonlySet<string> = new Set(['openai', 'github', 'gitlab', 'sendgrid', 'huggingface', 'digitalocean', 'newrelic', 'pagerduty', 'mailchimp', 'elevenlabs', 'posthog', 'easypost', 'clickup', 'docusign']);

/** Words that may stand between a provider and its key (`AZURE_STORAGE_ACCOUNT_KEY`, `stripeLiveKey`). */
const PROVIDER_KEY_MIDDLE_WORDS: ReadonlySet<string> = new Set([
  'storage', 'account', 'primary', 'secondary', 'master', 'management', 'write', 'live', 'prod', 'production', 'server',
  'backend', 'private', 'services', 'cognitive', 'search', 'admin', 'api', 'access', 'secret', 'openai', 'ai',
]);

/** Whether the words before index `keyIndex` name a provider, directly or across middle words (`azureStorageKey`). */
function providerBefore(words: readonly string[], keyIndex: number): boolean {
  for (let j = keyIndex - 1; j >= 0; j--) {
    const word = words[j]!;
    if (PROVIDER_KEY_QUALIFIERS.has(word) || (j > 0 && TWO_WORD_PROVIDERS.has(words[j - 1]! + word))) return true;
    if (!PROVIDER_KEY_MIDDLE_WORDS.has(word)) return false;
  }
  return false;
}

/** After a credential word, these make the name about the credential, not the credential itself. */
export const NON_SECRET_WORDS: ReadonlySet<string> = new Set([
  'url', 'uri', 'urls', 'endpoint', 'endpoints', 'host', 'path', 'paths', 'route', 'routes', 'type', 'types', 'name',
  'names', 'field', 'fields', 'header', 'headers', 'length', 'len', 'min', 'max', 'minimum', 'maximum', 'size', 'id',
  'ids', 'expiry', 'expires', 'expire', 'expiration', 'exp', 'ttl', 'timeout', 'lifetime', 'age', 'duration',
  'prefix', 'suffix', 'regex', 'regexp', 'pattern', 'label', 'placeholder', 'hint', 'message', 'messages', 'msg',
  'error', 'errors', 'strength', 'policy', 'rule', 'rules', 'count', 'attempts', 'column', 'param', 'params', 'query',
  'env', 'var', 'variable', 'file', 'filename', 'location', 'dir', 'format', 'algorithm', 'algorithms', 'alg',
  'version', 'scope', 'scopes', 'audience', 'issuer', 'provider', 'mode', 'storage', 'cookie', 'key', 'keys', 'hash',
  'hashed', 'required', 'enabled', 'visible', 'input', 'selector', 'element', 'button', 'link', 'text', 'title',
  'description', 'event', 'events', 'channel', 'status', 'state', 'validator', 'validation', 'schema', 'model',
  'service', 'module', 'controller', 'strategy', 'method', 'kind', 'source', 'label', 'length', 'ref', 'store',
  'manager', 'generator', 'reset', 'changed', 'at', 'date', 'time', 'index', 'property', 'prop', 'attribute',
  'option', 'options', 'config', 'class', 'style', 'icon', 'component', 'view', 'page', 'template', 'client',
  'location', 'secured', 'protected', 'visibility', 'toggle', 'show', 'hide', 'mask', 'level', 'complexity',
  'phone', 'email', 'address', 'postal', 'zip', 'note', 'notes', 'question', 'tip', 'property', 'payload', 'data',
  'sentinel', 'marker', 'chars', 'characters', 'charset', 'alphabet',
]);

/** Before `token`, these make it a non-credential token (`pageToken`, `cancelToken`, design tokens, DI tokens). */
export const NON_SECRET_TOKEN_QUALIFIERS: ReadonlySet<string> = new Set([
  'page', 'next', 'prev', 'previous', 'cancel', 'cancellation', 'continuation', 'sync', 'resume', 'csrf', 'xsrf',
  'lexer', 'parse', 'parser', 'syntax', 'design', 'color', 'colors', 'theme', 'injection', 'di', 'provider', 'mint',
  'nft', 'fungible', 'device', 'push', 'notification', 'fcm', 'apns', 'word', 'search', 'query', 'sort', 'cursor',
]);

/**
 * Words that make a name or a value a condition or an error code about a credential, not the credential, wherever
 * they stand: `TOKEN_EXPIRED`, `INVALID_PASSWORD`, `SECRET_NOT_FOUND`, `'auth/wrong-password'`, `'E_TOKEN_INVALID'`.
 */
export const CONDITION_WORDS: ReadonlySet<string> = new Set([
  'expired', 'invalid', 'required', 'missing', 'mismatch', 'mismatched', 'incorrect', 'wrong', 'failed', 'failure',
  'not', 'unauthorized', 'unauthorised', 'forbidden', 'denied', 'revoked', 'malformed', 'unknown', 'unsupported',
  'empty', 'blank', 'too', 'weak', 'reused', 'taken', 'exists', 'locked', 'duplicate', 'unverified', 'err', 'error',
  'errors', 'exception', 'bad', 'undefined', 'unset',
]);

/** `errors.session/token-expired`, `auth/invalid-password`, `E_TOKEN_INVALID`, `passwordTooShort`: codes and i18n keys. */
export function looksLikeConditionCode(value: string): boolean {
  if (!/^[A-Za-z]+(?:[._/:-][A-Za-z]+)*$/.test(value)) return false;
  for (const word of identifierWords(value)) if (CONDITION_WORDS.has(word)) return true;
  return false;
}

/** Any of these words makes the name public by design (`publicKey`, `publishableKey`, `PUBLIC_TOKEN`). */
export const PUBLIC_WORDS: ReadonlySet<string> = new Set(['public', 'publishable', 'pub', 'site', 'anon', 'anonymous', 'example', 'sample', 'dummy', 'fake', 'mock', 'test']);

/**
 * `password`: any value counts (`'keyboard cat'`); `token`: only token-shaped values (`token: 'keyword'` is not one);
 * `weak`: only values with some substance (`auth: 'jwt'`, `credentials: 'include'` are modes).
 */
export type CredentialNameStrength = 'password' | 'token' | 'weak';

/** Whether a variable/property/parameter name says "credential", and what kind. */
export function credentialNameStrength(name: string): CredentialNameStrength | undefined {
  // Names repeat a lot across a file and across keystrokes: classify each once.
  const cached = strengthCache.get(name);
  if (cached !== undefined) return cached === 'none' ? undefined : cached;
  const strength = classifyName(name);
  if (strengthCache.size > 10_000) strengthCache.clear();
  strengthCache.set(name, strength ?? 'none');
  return strength;
}

const strengthCache = new Map<string, CredentialNameStrength | 'none'>();

function classifyName(name: string): CredentialNameStrength | undefined {
  // Lint rule ids and paths (`jsx-a11y/no-access-key`) are not bindings; dotted config keys use their last part.
  if (name.includes('/') || name.includes(' ')) return undefined;
  const words = identifierWords(name.slice(name.lastIndexOf('.') + 1));
  let credentialIndex = -1;
  let strength: CredentialNameStrength = 'weak';
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    const previous = i > 0 ? words[i - 1]! : '';
    if (PUBLIC_WORDS.has(word) || CONDITION_WORDS.has(word)) return undefined;
    if ((word === 'token' || word === 'tokens') && NON_SECRET_TOKEN_QUALIFIERS.has(previous)) continue;
    if (PASSWORD_WORDS.has(word)) {
      credentialIndex = i;
      strength = 'password';
    } else if (TOKEN_WORDS.has(word)) {
      credentialIndex = i;
      strength = 'token';
    } else if ((word === 'key' || word === 'keys') && KEY_QUALIFIERS.has(previous)) {
      credentialIndex = i;
      strength = PASSWORD_KEY_QUALIFIERS.has(previous) ? 'password' : 'token';
    } else if ((word === 'key' || word === 'keys') && i === words.length - 1 && providerBefore(words, i)) {
      // `STRIPE_KEY`, `mailgun_key`, `AZURE_OPENAI_KEY`: a provider's key, machine-issued (the value must look it).
      credentialIndex = i;
      strength = 'token';
    } else if (word === 'key' && previous === 'or' && credentialIndex === i - 2) {
      credentialIndex = i; // passport's secretOrKey, jsonwebtoken's secretOrPrivateKey
    } else if (WEAK_CREDENTIAL_WORDS.has(word) && i === words.length - 1) {
      // Weak words count only at the end: `dbPass`, `auth`, but not `passThrough`, `authMode`.
      credentialIndex = i;
      strength = 'weak';
    }
  }
  if (credentialIndex < 0) return undefined;
  for (let j = credentialIndex + 1; j < words.length; j++) if (NON_SECRET_WORDS.has(words[j]!)) return undefined;
  return strength;
}

/** True when the words of a value contain a credential word (`'access_token'`, `'x-api-key'`, `'Invalid password'`). */
export function mentionsCredential(value: string): boolean {
  const words = identifierWords(value);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!;
    if (CREDENTIAL_WORDS.has(word) || WEAK_CREDENTIAL_WORDS.has(word)) return true;
    if ((word === 'key' || word === 'keys') && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) return true;
  }
  return false;
}
