// What the tier-1 format groups share: the entry type, and small checks several groups use.

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

/** Development hosts: localhost, loopback addresses, docker-compose service names (single labels). */
export const LOCAL_HOST = /^(localhost|127\.\d+\.\d+\.\d+|0\.0\.0\.0|\[?::1\]?|host\.docker\.internal|[a-z0-9_-]+)$/i;

/** Mixed-case alphanumerics, as in random keys (rules out hashes, words, and base64 of plain text). */
export function looksRandomMixedCase(token: string): boolean {
  return /[a-z]/.test(token) && /[A-Z]/.test(token) && /[0-9]/.test(token);
}

/** A hint (lower case) in the literal's name or just before it; with `after`, also just after it. */
export const nearby =
  (hint: RegExp, { after = false } = {}) =>
  (_token: string, _match: RegExpExecArray, context: ProviderContext): boolean =>
    (context.sinkName !== undefined && hint.test(context.sinkName.toLowerCase())) || hint.test(context.textBefore()) || (after && hint.test(context.textAfter()));
