// Secret-shaped text, shared by hardcoded-secret and the engine: the provider-format and entropy checks, the
// redacted form findings show, and `maskSecrets`, which the engine applies to every finding's message, data and
// fix titles so that no rule can echo a secret it quotes from source (e.g. `req.query.t || 'ghp_…'`).
import { createHash } from 'node:crypto';
import { anyKeywordPattern } from './keyword-pattern';
import { MIN_PROVIDER_TOKEN_LENGTH, SECRET_PROVIDERS, type ProviderContext, type SecretProvider } from '../data/secret-providers';

/**
 * Every provider keyword in one pattern. Almost no literal contains any, and one test of this rules out every
 * keyword-gated provider at once (~3x cheaper than each provider's own `includes` checks). A trie, not a flat list
 * (measured: 34 ms instead of 40 over 100k literals).
 */
export const ANY_PROVIDER_KEYWORD = anyKeywordPattern(SECRET_PROVIDERS.flatMap((provider) => provider.keywords));

function shannonEntropy(value: string): number {
  const counts = new Map<string, number>();
  for (const char of value) counts.set(char, (counts.get(char) ?? 0) + 1);
  let entropy = 0;
  for (const count of counts.values()) {
    const p = count / value.length;
    entropy -= p * Math.log2(p);
  }
  return entropy;
}

/** Random-looking: long, no spaces, mixed character classes, high Shannon entropy; not a UUID, URL, path or hash name. */
export function looksHighEntropy(value: string): boolean {
  if (value.length < 20 || value.length > 500 || /[\s]/.test(value)) return false;
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(value)) return false;
  if (/^(https?:|data:|file:|\/|\.\/|sha\d+-|[\w-]+\/[\w-]+)/i.test(value) || /[/.][a-z]{2,4}$/.test(value)) return false;
  if (!/^[A-Za-z0-9+/=_\-.~]+$/.test(value)) return false;
  // Alphabets (for id generators) and Ethereum addresses are public.
  if (/abcdefghij|ABCDEFGHIJ|0123456789/.test(value) || /^0x[0-9a-fA-F]{40}$/.test(value)) return false;
  const hasLower = /[a-z]/.test(value);
  const hasUpper = /[A-Z]/.test(value);
  const hasDigit = /[0-9]/.test(value);
  if (/^[0-9a-f]+$/i.test(value)) return value.length >= 32 && hasDigit && /[a-f]/i.test(value) && shannonEntropy(value) >= 3.5;
  if (!(hasLower && hasUpper && hasDigit)) return false;
  // Identifiers made of words ('MOZ_WEBGL_compressed_texture_s3tc') are not random.
  let wordSegments = 0;
  for (const segment of value.split(/[_.-]/)) if (/^[A-Za-z]{3,}[0-9]{0,2}$/.test(segment)) wordSegments++;
  if (wordSegments >= 3) return false;
  if (isBase64OfText(value)) return false;
  return shannonEntropy(value) >= 4.0;
}

/** Base64 of printable text (`atob('dG9rZW5z…')` hides a word, not a key). */
function isBase64OfText(value: string): boolean {
  if (value.length % 4 !== 0 || !/^[A-Za-z0-9+/]+={0,2}$/.test(value)) return false;
  const decoded = Buffer.from(value, 'base64').toString('latin1');
  return /^[\x20-\x7E\t\r\n]+$/.test(decoded);
}

/** First characters (never more than a quarter of the value, at most 4), an ellipsis and the length. */
export function redact(value: string): string {
  const shown = Math.min(4, Math.floor(value.length / 4));
  return `${value.slice(0, shown)}…(${value.length} chars)`;
}

export function fingerprint(value: string): string {
  return createHash('sha256').update(value).digest('hex').slice(0, 8);
}
// ---------------------------------------------------------------------------------------------------------------
// Masking quoted source text

/** A format that is a whole value (`^…$`, e.g. an AWS secret access key): tested on each token-like run of a text. */
const isWholeValueFormat = (provider: SecretProvider) => provider.pattern.source.startsWith('^');
const WHOLE_VALUE_PROVIDERS = SECRET_PROVIDERS.filter(isWholeValueFormat);

/** Every other provider's pattern, global, to find every token in a text rather than the first. */
const PROVIDER_SCANS: readonly { provider: SecretProvider; pattern: RegExp }[] = SECRET_PROVIDERS.filter((provider) => !isWholeValueFormat(provider)).map((provider) => ({
  provider,
  pattern: new RegExp(provider.pattern.source, provider.pattern.flags.replace('g', '') + 'g'),
}));

/**
 * Runs of the characters random tokens are made of; shorter runs are too short for looksHighEntropy. Without `.`,
 * so `conn.query` and `req.query.x` stay readable around a masked part (dotted formats such as JWTs are providers).
 */
const TOKEN_RUN = /[A-Za-z0-9+/=_\-~]{20,}/g;
const LONG_RUN = /[A-Za-z0-9+/=_\-~]{20}/;
const SHORTEST_MASKED = Math.min(MIN_PROVIDER_TOKEN_LENGTH, 20);
/**
 * A run that a rule cut short (`shortText(…)` ends it with `…`): no longer a whole provider token, yet most of one
 * when it starts with a provider keyword. (hardcoded-secret's own `ghp_…(40 chars)` shows 4 characters: too short.)
 */
const TRUNCATED_TOKEN = new RegExp(`(?<![A-Za-z0-9+/=_\\-~])(${ANY_PROVIDER_KEYWORD.source})?[A-Za-z0-9+/=_\\-~]{8,}(?=…)`, 'g');

/**
 * `text` with every provider-format token and every high-entropy token replaced by its redacted form (the one
 * hardcoded-secret shows: `ghp_…(40 chars)`). Text without either comes back unchanged (the same string).
 * Not masked: UUIDs (identifiers, as in hardcoded-secret), words, camelCase or dotted identifiers, paths and URLs
 * without credentials. Hex digests of 32+ characters are masked: an API key may look the same.
 */
export function maskSecrets(text: string): string {
  if (text.length < SHORTEST_MASKED) return text;
  // Cheap tests first: most messages hold no provider keyword and no 20-character run, and then only the
  // truncation check remains.
  const anyKeyword = ANY_PROVIDER_KEYWORD.test(text);
  const anyLongRun = LONG_RUN.test(text);
  let masked = anyKeyword || anyLongRun ? maskProviderTokens(text, anyKeyword) : text;
  if (masked.includes('…')) masked = masked.replace(TRUNCATED_TOKEN, (run, keyword: string | undefined) => (keyword || looksLikeTokenFragment(run) ? redact(run) : run));
  if (!anyLongRun) return masked;
  return masked.replace(TOKEN_RUN, (run: string, offset: number) => {
    if (isMaskableRun(run, masked, offset)) return redact(run);
    // A URL path quoting a token (`/hooks/<token>`, `/admin/<aws secret>`): the run starts with readable
    // segments, so try what follows each `/`.
    for (let slash = run.indexOf('/'); slash !== -1 && run.length - slash - 1 >= 20; slash = run.indexOf('/', slash + 1)) {
      const rest = run.slice(slash + 1);
      if (isMaskableRun(rest, masked, offset + slash + 1)) return run.slice(0, slash + 1) + redact(rest);
    }
    return run;
  });
}

function isMaskableRun(run: string, text: string, offset: number): boolean {
  return (looksHighEntropy(run) && !looksLikeIdentifier(run)) || isWholeValueToken(run, text, offset);
}

function isWholeValueToken(run: string, text: string, offset: number): boolean {
  for (const provider of WHOLE_VALUE_PROVIDERS) {
    if (run.length < provider.minLength) continue;
    const match = provider.pattern.exec(run);
    if (match && (!provider.validate || provider.validate(run, match, surroundings(text, offset, offset + run.length)))) return true;
  }
  return false;
}

/** Keyword-gated formats when a keyword is present; keyword-less ones (a Discord bot token) need a long run. */
function maskProviderTokens(text: string, anyKeyword: boolean): string {
  let masked = text;
  for (const { provider, pattern } of PROVIDER_SCANS) {
    if (masked.length < provider.minLength) continue;
    if (provider.keywords.length > 0 && (!anyKeyword || !provider.keywords.some((keyword) => masked.includes(keyword)))) continue;
    pattern.lastIndex = 0;
    let result = '';
    let copied = 0;
    for (let match = pattern.exec(masked); match; match = pattern.exec(masked)) {
      if (match[0].length === 0) {
        pattern.lastIndex++;
        continue;
      }
      if (provider.validate && !provider.validate(match[0], match, surroundings(masked, match.index, match.index + match[0].length))) continue;
      result += masked.slice(copied, match.index) + redact(match[0]);
      copied = match.index + match[0].length;
    }
    if (copied > 0) masked = result + masked.slice(copied);
  }
  return masked;
}

/** What a provider's validator may ask about a token found inside a message: the text around it there. */
function surroundings(text: string, start: number, end: number): ProviderContext {
  return {
    sinkName: undefined,
    textBefore: () => text.slice(Math.max(0, start - 240), start).toLowerCase(),
    textAfter: () => text.slice(end, end + 240).toLowerCase(),
  };
}

/**
 * `handleOAuth2CallbackForProvider`, `userService.findAll2ByAccountId`: 70% or more of the run in word-like letter
 * runs (`Xxxx…`, `xxx…`). Random base62 switches case every couple of characters: in a sample of 19,000 random
 * high-entropy tokens, 1 in 2,000 reached that share.
 */
function looksLikeIdentifier(run: string): boolean {
  let inWords = 0;
  for (const word of run.match(/[A-Z]?[a-z]{3,}/g) ?? []) inWords += word.length;
  return inWords >= run.length * 0.7;
}

/** What is left of a random token cut short: letters and digits mixed, varied, not word-like. */
function looksLikeTokenFragment(run: string): boolean {
  return run.length >= 12 && /[0-9]/.test(run) && /[A-Za-z]/.test(run) && !looksLikeIdentifier(run) && shannonEntropy(run) >= 3.3;
}

/** `data` with maskSecrets applied to every string value (numbers are kept). */
export function maskSecretsInData(data: Readonly<Record<string, string | number>>): Record<string, string | number> {
  const masked: Record<string, string | number> = {};
  for (const key of Object.keys(data)) {
    const value = data[key]!;
    masked[key] = typeof value === 'string' ? maskSecrets(value) : value;
  }
  return masked;
}
