// hardcoded-secret: keys, tokens, passwords and private keys written into source code.
// Tier 1 (error): provider formats from rules/data/secret-providers/. Tier 2 (warning): any literal that flows
// into a credential sink (a credential-named binding, jwt.sign's key, session secrets, env fallbacks…). Tier 3
// (info, option `entropy`): high-entropy strings without context. Findings never carry the secret itself.
import * as path from 'node:path';
import { isTestFile } from './support/test-files';
import * as ts from 'typescript';
import ignore from 'ignore';
import { defineRule, type RuleContext, type RuleEdit, type RuleFix, type WorkspaceReader } from './support/rule';
import {
  calleeName,
  calleeObjectName,
  envVariableRead,
  isModuleSpecifier,
  isNamePosition,
  isTypeOnlyPosition,
  isTypeScriptFile,
  propertyNameText,
  screamingSnakeCase,
  skipTransparentParents,
  staticStringValue,
  valueDestination,
  identifierWords,
  lineBreakOf,
} from './support/ast';
import { ANY_PROVIDER_KEYWORD, fingerprint, looksHighEntropy, redact } from './support/secret-text';
import { MIN_PROVIDER_TOKEN_LENGTH, SECRET_PROVIDERS, type ProviderContext, type SecretProvider } from './data/secret-providers';
import { hasRandomPart, isDocumentedExample, isPlaceholderValue, isPublicValue } from './data/secret-placeholders';
import { CREDENTIAL_WORDS, KEY_QUALIFIERS, NON_SECRET_WORDS, credentialNameStrength, looksLikeConditionCode, mentionsCredential } from './data/secret-names';
import { SHAPE_MESSAGES, SecretShapes, type ShapeFinding, type ShapeMessageId } from './support/secret-shapes';

export interface HardcodedSecretOptions {
  /**
   * In tests, fixtures and mocks (rules/support/test-files.ts) report provider-format keys only: their passwords and
   * secrets are fake, but a real key in a test is still a leak.
   */
  ignoreTestFiles: boolean;
  /** Tier 3: report high-entropy strings that have no credential context (noisy; off by default). */
  entropy: boolean;
}

type MessageId = 'providerToken' | 'publicClientKey' | 'credentialLiteral' | 'highEntropyString' | ShapeMessageId;

// ---------------------------------------------------------------------------------------------------------------
// Tier 1: provider formats

export interface ProviderMatch {
  provider: SecretProvider;
  token: string;
}


/** Formats without keywords (whole values confirmed by a hint), in their order among all formats. */
const KEYWORDLESS_PROVIDERS = SECRET_PROVIDERS.filter((provider) => provider.keywords.length === 0);

/**
 * The first provider format found in a value, honouring validators, placeholders, public values and dummies.
 * Keys public by design and test-mode keys count only with `allTiers` (other rules ask for secrets alone, and get
 * nothing for such a value).
 */
export function findProviderToken(value: string, context: ProviderContext, allTiers = false): ProviderMatch | undefined {
  if (value.length < MIN_PROVIDER_TOKEN_LENGTH) return undefined;
  // Almost no literal holds a keyword: then only the few keyword-less formats are worth a look.
  for (const provider of ANY_PROVIDER_KEYWORD.test(value) ? SECRET_PROVIDERS : KEYWORDLESS_PROVIDERS) {
    if (value.length < provider.minLength) continue;
    const keywords = provider.keywords;
    if (keywords.length > 0) {
      let found = false;
      for (let i = 0; i < keywords.length && !found; i++) found = value.includes(keywords[i]!);
      if (!found) continue;
    }
    const match = provider.pattern.exec(value);
    if (!match) continue;
    const token = match[0];
    const checked = provider.checkedPart ? provider.checkedPart(token) : token;
    if (isPlaceholderValue(checked) || isDocumentedExample(token)) continue;
    if (!provider.publicReason && isPublicValue(token)) continue;
    if (!provider.allowRepetition && looksLikeDummyToken(checked)) continue;
    if (provider.validate && !provider.validate(token, match, context)) continue;
    // A public or test-mode key is what the value is: no later, broader format (a JWT) gets to call it a secret.
    if (!allTiers && (provider.severity || provider.publicReason)) return undefined;
    return { provider, token };
  }
  return undefined;
}

/**
 * `ghp_xxxx…`, `sk_live_000…`, `AKIA…EXAMPLE`, `xoxp-1234567890`, `GR1231231231…`: format-valid but obviously not a
 * real key. "example" counts as a word only (`…EXAMPLEKEY`, `my-example-token`), not as letters inside a random body.
 */
export function looksLikeDummyToken(token: string, digitsInOrder = 10): boolean {
  if (token.includes('EXAMPLE') || (token.includes('xample') && /(?<![a-z])[Ee]xamples?(?![a-z])/.test(token))) return true;
  // Char codes, not one-character strings: this runs on every candidate value, some of them long.
  SEEN.fill(0);
  let distinct = 0;
  let run = 1;
  let ascending = 1;
  // Characters equal to the one 2, 3 or 4 back, in a row: a unit typed over and over (`123123123123`, `abababab`).
  let period2 = 0;
  let period3 = 0;
  let period4 = 0;
  for (let i = 0; i < token.length; i++) {
    const code = token.charCodeAt(i);
    const slot = code & 127;
    if (SEEN[slot] === 0 || code > 127) {
      SEEN[slot] = 1;
      distinct++;
    }
    const previous = i > 0 ? token.charCodeAt(i - 1) : -1;
    run = code === previous ? run + 1 : 1;
    if (run >= 6) return true;
    // `abcdef`, `HIJklm`, `0123456789`: six letters or (by default) ten digits in order; tier 2 asks for fewer.
    ascending = previous >= 0 && isNextInAlphabet(previous, code) ? ascending + 1 : 1;
    if (ascending >= (code >= 48 && code <= 57 ? digitsInOrder : 6)) return true;
    period2 = i >= 2 && code === token.charCodeAt(i - 2) ? period2 + 1 : 0;
    period3 = i >= 3 && code === token.charCodeAt(i - 3) ? period3 + 1 : 0;
    period4 = i >= 4 && code === token.charCodeAt(i - 4) ? period4 + 1 : 0;
    if (period2 >= 6 || period3 >= 9 || period4 >= 12) return true;
  }
  // Few distinct characters for the length (a random 8-character value may repeat one; digits have only ten).
  return distinct < 8 && distinct < Math.min(/^[0-9]+$/.test(token) ? 5 : 8, token.length / 2);
}

const SEEN = new Uint8Array(128);

/** `1`→`2`, `b`→`c`, `H`→`i`: the next digit, or the next letter in either case. */
function isNextInAlphabet(previous: number, next: number): boolean {
  if (previous >= 48 && previous <= 56) return next === previous + 1;
  return isAsciiLetter(previous) && isAsciiLetter(next) && (next | 32) === (previous | 32) + 1;
}

function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// ---------------------------------------------------------------------------------------------------------------
// Tier 2: credential sinks

interface CredentialSink {
  /** For the message: `"jwtSecret"`, `jwt.sign()`, `the process.env.JWT_SECRET fallback`. */
  label: string;
  /** Default environment variable name for the fix. */
  envName: string;
  /** Known secret parameter (jwt.sign, session secret…): report any non-placeholder value, even `'secret'`. */
  certain: boolean;
  /** The expression the fix replaces (the literal, or the whole `process.env.X || 'literal'`). */
  replaced: ts.Node;
  /** Set for `process.env.X || 'literal'`: the variable the code already reads. */
  fallbackOf?: string;
}

/** Calls whose options object holds signing secrets: `session({ secret })`, `cookieSession({ keys })`, express-jwt. */
const SECRET_OPTION_CALLS: ReadonlyMap<string, string> = new Map([
  ['session', 'SESSION'],
  ['expressSession', 'SESSION'],
  ['cookieSession', 'COOKIE'],
  ['expressjwt', 'JWT'],
  ['expressJwt', 'JWT'],
  ['jwt', 'JWT'],
  ['koaJwt', 'JWT'],
  ['fastifyJwt', 'JWT'],
]);
const SECRET_OPTION_NAMES: ReadonlySet<string> = new Set(['secret', 'secrets', 'keys', 'secretOrKey', 'secretOrPrivateKey', 'secretOrPublicKey', 'clientSecret', 'consumerSecret', 'password', 'privateKey']);

/** Prefixes for generic names (`password`, `secret`) by the call that receives them. */
const CALL_PREFIXES: ReadonlyMap<string, string> = new Map([
  ['session', 'SESSION'],
  ['expressSession', 'SESSION'],
  ['cookieSession', 'COOKIE'],
  ['createTransport', 'SMTP'],
  ['createConnection', 'DB'],
  ['createPool', 'DB'],
  ['Pool', 'DB'],
  ['Client', 'DB'],
  ['Sequelize', 'DB'],
  ['DataSource', 'DB'],
  ['knex', 'DB'],
  ['connect', 'DB'],
  ['createClient', 'REDIS'],
  ['Redis', 'REDIS'],
]);

const GENERIC_NAMES: ReadonlySet<string> = new Set(['secret', 'password', 'pass', 'pwd', 'passwd', 'token', 'key', 'keys', 'auth', 'credentials', 'apikey', 'api_key', 'secrets']);

function credentialSinkOf(literal: ts.Node, value: string, jwtFunctionNames: ReadonlySet<string>, inLocaleFile = false): CredentialSink | undefined {
  const outer = skipTransparentParents(literal);
  const parent = outer.parent;

  // process.env.X || 'literal' / process.env.X ?? 'literal'
  if (parent && ts.isBinaryExpression(parent) && parent.right === outer) {
    const operator = parent.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) {
      const variable = envVariableRead(parent.left);
      if (variable === undefined) return undefined;
      const outerSink = credentialSinkOf(parent, value, jwtFunctionNames, inLocaleFile);
      if (isStrongCredentialName(variable) || outerSink || looksHighEntropy(value)) {
        return { label: `the process.env.${variable} fallback`, envName: variable, certain: true, replaced: parent, fallbackOf: variable };
      }
      return undefined;
    }
  }

  const destination = valueDestination(literal);
  switch (destination.kind) {
    case 'argument':
      return callArgumentSink(destination.call, destination.index, literal, jwtFunctionNames);
    case 'array-element':
      return arrayElementSink(destination.array, literal);
    case 'other':
      return undefined;
    default: {
      const name = destination.name;
      const option = secretOptionCall(destination.holder, name);
      if (option) return { label: `"${name}"`, envName: envNameFor(name, destination.holder, option), certain: true, replaced: literal };
      if (inLocaleFile) return undefined;
      if (!nameAccepts(name, value) || valueNamesItself(value, name)) return undefined;
      return { label: `"${name}"`, envName: envNameFor(name, destination.holder), certain: false, replaced: literal };
    }
  }
}

function callArgumentSink(call: ts.CallExpression | ts.NewExpression, index: number, literal: ts.Node, jwtFunctionNames: ReadonlySet<string>): CredentialSink | undefined {
  const name = calleeName(call);
  if (name === undefined) return undefined;
  const argumentCount = call.arguments?.length ?? 0;
  const object = calleeObjectName(call);
  if (index === 1 && argumentCount >= 2) {
    const isJwt = object !== undefined ? (name === 'sign' || name === 'verify') && /jwt|jsonwebtoken/i.test(object) : jwtFunctionNames.has(name);
    if (isJwt) return { label: `${object ? `${object}.` : ''}${name}()`, envName: 'JWT_SECRET', certain: true, replaced: literal };
  }
  if (name === 'createHmac' && index === 1) return { label: 'createHmac()', envName: 'HMAC_SECRET', certain: true, replaced: literal };
  if ((name === 'createCipheriv' || name === 'createDecipheriv') && index === 1) return { label: `${name}()`, envName: 'ENCRYPTION_KEY', certain: true, replaced: literal };
  if (/^cookieParser$/i.test(name) && index === 0) return { label: 'cookieParser()', envName: 'COOKIE_SECRET', certain: true, replaced: literal };
  // The docs' own `new Sequelize('database', 'username', 'password')` is a template, not a credential.
  if (name === 'Sequelize' && ts.isNewExpression(call) && index === 2 && argumentCount >= 3 && !/^pass(word)?$/i.test(staticStringValue(literal) ?? '')) {
    return { label: 'new Sequelize()', envName: 'DB_PASSWORD', certain: true, replaced: literal };
  }
  // app.set('jwtSecret', '…'), config.set('db.password', '…')
  if ((name === 'set' || name === 'put') && index === 1 && argumentCount === 2) {
    const key = staticStringValue(call.arguments![0]!);
    const keyName = key?.split(/[.:/]/).pop();
    const value = staticStringValue(literal) ?? '';
    if (keyName && nameAccepts(keyName, value) && !valueNamesItself(value, keyName)) {
      return { label: `"${key}"`, envName: screamingSnakeCase(keyName), certain: false, replaced: literal };
    }
  }
  return undefined;
}

/** `cookieSession({ keys: ['a', 'b'] })`, `session({ secret: ['a', 'b'] })`, Koa's `app.keys = ['a', 'b']`. */
function arrayElementSink(array: ts.ArrayLiteralExpression, literal: ts.Node): CredentialSink | undefined {
  const destination = valueDestination(array);
  if (destination.kind === 'property') {
    const option = secretOptionCall(destination.holder, destination.name);
    if (!option) return undefined;
    const index = array.elements.indexOf(literal as ts.Expression);
    const base = envNameFor(destination.name === 'keys' ? 'key' : destination.name, destination.holder, option);
    return { label: `"${destination.name}"`, envName: index > 0 ? `${base}_${index + 1}` : base, certain: true, replaced: literal };
  }
  if (destination.kind === 'assignment' && destination.name === 'keys') {
    const target = (destination.holder as ts.BinaryExpression).left;
    if (ts.isPropertyAccessExpression(target) && ts.isIdentifier(target.expression) && target.expression.text === 'app') {
      const index = array.elements.indexOf(literal as ts.Expression);
      return { label: 'app.keys', envName: index > 0 ? `APP_KEY_${index + 1}` : 'APP_KEY', certain: true, replaced: literal };
    }
  }
  return undefined;
}

/** When `holder` is a property of an options object passed to a known secret-taking call, that call's env prefix. */
function secretOptionCall(holder: ts.Node, name: string): string | undefined {
  if (!ts.isPropertyAssignment(holder) || !SECRET_OPTION_NAMES.has(name)) return undefined;
  const object = holder.parent;
  if (!ts.isObjectLiteralExpression(object)) return undefined;
  const call = skipTransparentParents(object).parent;
  if (!call || !(ts.isCallExpression(call) || ts.isNewExpression(call)) || !call.arguments?.includes(skipTransparentParents(object) as ts.Expression)) return undefined;
  const callee = calleeName(call);
  if (callee === undefined) return undefined;
  // Passport: new JwtStrategy({ secretOrKey }), new GoogleStrategy({ clientSecret }).
  if (ts.isNewExpression(call) && callee.endsWith('Strategy')) return screamingSnakeCase(callee.slice(0, -'Strategy'.length)) || 'OAUTH';
  // fastify.register(fastifyJwt, { secret }) / app.register(…): the plugin is the first argument.
  if (callee === 'register') {
    const plugin = call.arguments?.[0];
    return plugin && ts.isIdentifier(plugin) && /jwt|session|cookie/i.test(plugin.text) ? screamingSnakeCase(plugin.text.replace(/^fastify/i, '')) : undefined;
  }
  return SECRET_OPTION_CALLS.get(callee);
}

/** The environment variable name a value should move to, from its binding name and surroundings. */
function envNameFor(name: string, holder: ts.Node, knownPrefix?: string): string {
  const normalized = /^secretOr(Private|Public)?Key$|^secrets$/.test(name) ? 'secret' : name;
  const own = screamingSnakeCase(normalized);
  if (knownPrefix) return own.startsWith(`${knownPrefix}_`) ? own : `${knownPrefix}_${own}`;
  if (!GENERIC_NAMES.has(normalized.toLowerCase())) return own;
  const prefix = knownPrefix || contextPrefix(holder);
  return prefix ? `${prefix}_${own}` : own;
}

/** For generic names: the nearest meaningful name around (`db: { password }` → DB, `createTransport(…)` → SMTP). */
function contextPrefix(holder: ts.Node): string | undefined {
  let node: ts.Node | undefined = holder.parent;
  for (let depth = 0; node && depth < 6; depth++, node = node.parent) {
    if (ts.isObjectLiteralExpression(node)) continue;
    if (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) {
      const name = propertyNameText(node.name);
      if (name === undefined) return undefined;
      const words = identifierWords(name).filter((word) => !['config', 'configuration', 'options', 'opts', 'settings', 'credentials', 'auth', 'connection'].includes(word));
      if (words.length > 0) return words.join('_').toUpperCase();
      continue;
    }
    if (ts.isCallExpression(node) || ts.isNewExpression(node)) {
      const callee = calleeName(node);
      if (callee && CALL_PREFIXES.has(callee)) return CALL_PREFIXES.get(callee);
      // JwtModule.register(…), this.jwtService.sign(…): the receiver names the subsystem.
      const object = calleeObjectName(node)?.replace(/(Module|Service|Client|Provider)$/, '');
      return object ? screamingSnakeCase(object) : undefined;
    }
    if (ts.isAsExpression(node) || ts.isSatisfiesExpression(node) || ts.isParenthesizedExpression(node)) continue;
    return undefined;
  }
  return undefined;
}

/** Whether a credential name takes this value: passwords take any, tokens token-shaped ones, weak names substantial ones. */
function nameAccepts(name: string, value: string): boolean {
  const strength = credentialNameStrength(name);
  if (strength === 'password') return true;
  // A machine-issued key: token-shaped, and neither a dummy (`xoxp-1234567890`) nor an identifier (`getPagesInSpace`).
  // Leading zero bytes in base64 (`AAAA…`, Twitter's app-only bearer tokens) are part of the format, not a dummy.
  if (strength === 'token') return looksTokenShaped(value) && !looksLikeDummyToken(value.replace(/^A{6,}(?=[A-Za-z0-9+/%_-]{20})/, ''), 8) && !looksLikeIdentifierText(value);
  if (strength === 'weak') return looksLikeSecretValueForWeakName(value);
  return false;
}

function isStrongCredentialName(name: string): boolean {
  const strength = credentialNameStrength(name);
  return strength === 'password' || strength === 'token';
}

/** `auth: 'jwt'`, `authorization: 'Basic'` are modes, not secrets: weak names need a value with some substance. */
function looksLikeSecretValueForWeakName(value: string): boolean {
  return value.length >= 6 && !/^[A-Za-z]+$/.test(value) && !/^[a-z]+(-[a-z]+)*$/.test(value);
}

/** Words that field names and header names put around a credential word (`access_token`, `x-api-key`). */
const FIELD_NAME_WORDS: ReadonlySet<string> = new Set(['x', 'access', 'refresh', 'id', 'auth', 'api', 'user', 'new', 'old', 'current', 'confirm', 'reset', 'bearer', 'client', 'session', 'csrf']);

/** `Bearer …`, `Authorization: Token …`, `X-Api-Key: …`, `export CO_API_KEY=…`: a credential in its usual wrapper. */
const AUTHORIZATION_VALUE = /^(?:(?:authorization|proxy-authorization|x-api-key|api-?key|api-token|x-auth-token|private-token):\s*)?(?:(?:bearer|basic|token|bot|api-token)\s+)?(\S+)$/i;
const ENV_ASSIGNMENT = /^(?:export\s+)?([A-Z][A-Z0-9]*_[A-Z0-9_]+)=(\S+)$/; // SCREAMING_CASE names only: `sv=…&sig=…` is no env line

/** The credential a header or env-line value carries, when the value is one of those wrappers ('' for `NODE_ENV=…`). */
function wrappedCredential(value: string): string | undefined {
  const env = ENV_ASSIGNMENT.exec(value);
  if (env) return credentialNameStrength(env[1]!) ? env[2]! : '';
  const header = AUTHORIZATION_VALUE.exec(value);
  return header && header[1] !== value ? header[1]! : undefined;
}

/**
 * API keys and tokens are machine-made: long enough, no spaces, not a plain word or dotted/kebab identifier. An
 * Authorization value (`Bearer …`, `Token …`) or env line (`API_KEY=…`) is one when its credential is.
 */
function looksTokenShaped(value: string): boolean {
  const wrapped = wrappedCredential(value);
  if (wrapped !== undefined) return looksTokenShaped(wrapped);
  return value.length >= 8 && !/\s/.test(value) && !/^[a-z]+([._-][a-z]+)*$/.test(value) && !/^[A-Z]+([._-][A-Z]+)*$/.test(value);
}

/**
 * Code, not a key: no digits, and camelCase or separated words that each carry a vowel (`getPagesInConfluenceSpace`,
 * `APIOrganizationExist`, `sumOfExposures;`). Random letters fail the vowel test within a few words.
 */
function looksLikeIdentifierText(value: string): boolean {
  if (/[0-9]/.test(value) || !/^[A-Za-z_$][A-Za-z_$.,;:-]*$/.test(value)) return false;
  const words = identifierWords(value);
  if (words.length < 2) return false;
  let short = 0;
  let acronyms = 0;
  for (const word of words) {
    // One vowel-less acronym among four or more words (`…UsingCql`, `…FromUrl`); random letters have several.
    if (!/[aeiouy]/.test(word) && !(word.length <= 3 && words.length >= 4 && ++acronyms <= 1)) return false;
    if (word.length <= 2 && ++short > 1) return false;
  }
  return true;
}

/** `PASSWORD_FIELD = 'password'`, `ACCESS_TOKEN = 'access_token'`, `password: 'Invalid password'`. */
function valueNamesItself(value: string, name: string): boolean {
  if (CREDENTIAL_WORDS.has(value.toLowerCase())) return true;
  // Digits or symbols: not a label or a field name ('password123', 'Pa55word!' are passwords).
  if (!/^[A-Za-z][A-Za-z\s_.:!?'-]*$/.test(value)) return false;
  const valueWords = identifierWords(value);
  const nameWords = identifierWords(name);
  if (valueWords.every((word) => nameWords.includes(word))) return true;
  if (!mentionsCredential(value)) return false;
  // A label or message: 'Invalid password', 'enter your api key'.
  if (/\s/.test(value)) return /^[A-Z]/.test(value) || valueWords.length >= 3;
  // A field or header name made of credential and field words only: 'access_token', 'x-api-key'.
  return valueWords.every((word) => CREDENTIAL_WORDS.has(word) || word === 'key' || FIELD_NAME_WORDS.has(word) || nameWords.includes(word));
}

/** Values that are clearly not credentials even in a credential-named slot. */
export function isNonSecretValue(value: string): boolean {
  const wrapped = wrappedCredential(value); // an Authorization header or value, an env line
  if (wrapped !== undefined && /^[A-Za-z0-9._~+/=:-]{8,}$/.test(wrapped)) return isPlaceholderValue(wrapped) || looksLikeDummyToken(wrapped, 8);
  if (value.length < 3 || value.length > 1000 || value.includes('\n')) return true;
  if (isPlaceholderValue(value) || isPublicValue(value)) return true;
  // URLs without credentials (a port is no password; a long random path part is: webhook URLs), paths
  if (/^[a-z][a-z0-9+.-]*:\/\/[^:@\s/]*(:[0-9]+)?(\/[^@\s]*)?$/i.test(value) && !randomPathPart(value)) return true;
  if (/^(\.{0,2}\/|~\/|[A-Za-z]:\\)/.test(value)) return true;
  if (/(^|@)sha(256|384|512):[0-9a-f]{64,128}$/.test(value)) return true; // an image or content digest
  if (/\.(pem|key|crt|cer|p12|pfx|json|txt|env|ya?ml|jks|keystore)$/i.test(value)) return true; // file names
  if (/^0x[0-9a-fA-F]{40}$/.test(value) || /^[^@\s:/]+@[^@\s:/]+\.[a-z]{2,}$/i.test(value)) return true; // addresses, e-mails
  if (/^(bearer|basic|digest|jwt|oauth2?|hmac|hs256|hs384|hs512|rs256|es256|sha1|sha256|sha512|md5|local|none|session|cookie|header|body|query)$/i.test(value)) return true;
  if (/^(true|false|yes|no|on|off|enabled?|disabled?|error|warn|warning|include|omit|same-origin)$/i.test(value)) return true;
  if (/^[A-Z][a-z]+(-[a-z]+)?$/.test(value)) return true; // a label: 'Password', 'Passwort', 'Secret'
  if (looksLikeConditionCode(value)) return true; // an error code or i18n key: 'auth/invalid-password'
  if (/^(--|var\(--)[A-Za-z][\w-]*\)?$/.test(value)) return true; // a CSS custom property: design tokens `{ token: '--color-error' }`

  // Sentences and labels: ending in punctuation, four or more words, Title case with a space ('Cart secret'), or a
  // short code and a title ('A2: Broken Authentication').
  if (/\s/.test(value) && (/[.!?:]$/.test(value) || value.trim().split(/\s+/).length >= 4 || /^[A-Z][a-z]|^[A-Z0-9]{1,6}:\s+[A-Z][a-z]/.test(value))) return true;
  // Translations: secrets in source are ASCII in practice, UI strings often are not.
  if (/[^\x00-\x7F]/.test(value)) return true;
  // Names made of words that describe rather than hide ('x-custom-jwt-property-name', 'provider-access-token'). A
  // value with a random part is a key whatever letters it holds ('sk-service-account-name-Ofbtr05…', '…hAt5x…').
  if (/[-_.]/.test(value) && /^[A-Za-z][A-Za-z0-9_.-]*$/.test(value) && !hasRandomPart(value)) {
    const words = identifierWords(value);
    for (let i = 0; i < words.length; i++) {
      // 'my-super-secret-key' is a guessable secret, not a name: a key after a key qualifier is the secret itself.
      if (words[i] === 'key' && i > 0 && KEY_QUALIFIERS.has(words[i - 1]!)) continue;
      if (NON_SECRET_WORDS.has(words[i]!)) return true;
    }
  }
  return false;
}

/**
 * A webhook URL (`hooks.slack.com/services/…`, `…/webhook/4j55…`) or a key in the query (`?token=…`, `&sig=…`) with
 * a random run of 20+ characters: the URL is the credential. Document and file links (`/document/d/1W7K…`) are not.
 */
function randomPathPart(url: string): boolean {
  const path = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  if (!/\/(hooks?|webhooks?|services|workflows|triggers|incoming)\/|[?&](key|api_?key|token|access_token|sig|signature|code|secret)=/i.test(path)) return false;
  for (const run of path.match(/[A-Za-z0-9]{20,}/g) ?? []) if (hasRandomPart(run)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Tier 3: entropy (looksHighEntropy lives in support/secret-text.ts, shared with the engine's message masking)

/** `address: '1AbK…'`, `commitSha: '…'`: the slot's name says what the random-looking value is. */
function namedAsNonSecret(literal: ts.Node): boolean {
  const destination = valueDestination(literal);
  if (!('name' in destination)) return false;
  for (const word of identifierWords(destination.name)) if (NON_SECRET_WORDS.has(word) || word === 'sha' || word === 'checksum' || word === 'integrity') return true;
  return false;
}



// ---------------------------------------------------------------------------------------------------------------
// The "move to an environment variable" fix

const LOCALE_PATH = /\/(i18n|l10n|locales?|translations?|lang|languages|messages)\//i;

/** KEY=value lines of a .env file (dotenv syntax: optional `export`, quotes, comments). */
export function parseDotenv(text: string): Map<string, string> {
  const entries = new Map<string, string>();
  const line = /^\s*(?:export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)\s*=\s*('(?:[^']*)'|"(?:\\.|[^"\\])*"|`[^`]*`|[^#\r\n]*)/gm;
  for (let match = line.exec(text); match; match = line.exec(text)) {
    let value = match[2]!.trim();
    const quote = value[0];
    if ((quote === '"' || quote === "'" || quote === '`') && value.endsWith(quote) && value.length >= 2) {
      value = value.slice(1, -1);
      if (quote === '"') value = value.replace(/\\n/g, '\n').replace(/\\r/g, '\r').replace(/\\"/g, '"');
    }
    entries.set(match[1]!, value);
  }
  return entries;
}

/** A value as dotenv reads it back: bare when safe, single quotes when possible, double quotes for newlines. */
export function formatDotenvValue(value: string): string {
  if (/^[A-Za-z0-9_\-.,/+:@=%^~]*$/.test(value)) return value;
  if (!value.includes("'") && !value.includes('\n')) return `'${value}'`;
  if (!value.includes('"')) return `"${value.replace(/\r/g, '\\r').replace(/\n/g, '\\n')}"`;
  return `\`${value}\``;
}

function isEnvIgnored(workspace: WorkspaceReader, envPath: string): boolean {
  let dir = workspace.projectRoot;
  for (let depth = 0; depth < 20; depth++) {
    const text = workspace.readFile(path.join(dir, '.gitignore'));
    if (text !== undefined) {
      const relative = path.relative(dir, envPath).split(path.sep).join('/');
      if (ignore().add(text).ignores(relative)) return true;
    }
    if (workspace.fileExists(path.join(dir, '.git'))) break;
    const parent = path.dirname(dir);
    if (parent === dir) break;
    dir = parent;
  }
  return false;
}

/** Appends `lines` (ending in `\n`) with the file's own line break, so a CRLF .env stays CRLF throughout. */
function appendEdit(filePath: string, existing: string | undefined, lines: string): RuleEdit {
  if (existing === undefined) return { filePath, start: 0, end: 0, newText: lines };
  const lineBreak = lineBreakOf(existing);
  const separator = existing.length === 0 || /[\r\n]$/.test(existing) ? '' : lineBreak;
  return { filePath, start: existing.length, end: existing.length, newText: separator + lines.replace(/\n/g, lineBreak) };
}

function sanitizeEnvName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_]/g, '_').replace(/_+/g, '_').replace(/^_+|_+$/g, '').toUpperCase();
  return cleaned === '' ? 'SECRET' : /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned;
}

/** The project's .env, .gitignore and .env.example as the fix needs them; read once per analysis, on first use. */
interface EnvFiles {
  envPath: string;
  envText: string | undefined;
  entries: Map<string, string>;
  envIgnored: boolean;
  gitignorePath: string;
  gitignoreText: string | undefined;
  examplePath: string;
  exampleText: string | undefined;
  exampleEntries: Map<string, string>;
}

function readEnvFiles(workspace: WorkspaceReader): EnvFiles {
  const root = workspace.projectRoot;
  const envPath = path.join(root, '.env');
  const envText = workspace.readFile(envPath);
  const gitignorePath = path.join(root, '.gitignore');
  const examplePath = path.join(root, '.env.example');
  const exampleText = workspace.readFile(examplePath);
  return {
    envPath,
    envText,
    entries: envText === undefined ? new Map() : parseDotenv(envText),
    envIgnored: isEnvIgnored(workspace, envPath),
    gitignorePath,
    gitignoreText: workspace.readFile(gitignorePath),
    examplePath,
    exampleText,
    exampleEntries: exampleText === undefined ? new Map() : parseDotenv(exampleText),
  };
}

function moveToEnvFix(context: RuleContext<HardcodedSecretOptions>, files: EnvFiles, replaced: ts.Node, value: string, preferredName: string, fallbackOf: string | undefined): RuleFix | undefined {
  const parent = skipTransparentParents(replaced).parent;
  // An enum member needs a literal there: no sound textual replacement.
  if (parent && ts.isEnumMember(parent)) return undefined;
  const { envPath, envText, entries } = files;

  let name = sanitizeEnvName(fallbackOf ?? preferredName);
  const edits: RuleEdit[] = [];
  let addToEnv = true;
  if (fallbackOf !== undefined) {
    // The code already reads this variable: never rename it, never overwrite an existing value.
    addToEnv = !entries.has(name);
  } else {
    const base = name;
    for (let suffix = 2; entries.has(name) && entries.get(name) !== value; suffix++) name = `${base}_${suffix}`;
    addToEnv = !entries.has(name);
  }

  let start = replaced.getStart(context.sourceFile);
  let end = replaced.getEnd();
  let target = replaced;
  // `'x' as const` → replace the assertion too (a const assertion on process.env is a type error).
  if (target.parent && ts.isAsExpression(target.parent) && ts.isTypeReferenceNode(target.parent.type) && target.parent.type.typeName.getText(context.sourceFile) === 'const') {
    target = target.parent;
    start = target.getStart(context.sourceFile);
    end = target.getEnd();
  }
  // `process.env.X` is `string | undefined`; `!` keeps the type the literal had (string) so strict TypeScript
  // still compiles. It does not invent a default: when the variable is missing the value is undefined.
  let replacement = `process.env.${name}${isTypeScriptFile(context.filePath) ? '!' : ''}`;
  if (target.parent && ts.isJsxAttribute(target.parent)) replacement = `{${replacement}}`;
  edits.push({ start, end, newText: replacement });

  if (addToEnv) edits.push(appendEdit(envPath, envText, `${name}=${formatDotenvValue(value)}\n`));
  if (!files.envIgnored) edits.push(appendEdit(files.gitignorePath, files.gitignoreText, '.env\n'));
  if (files.exampleText !== undefined && !files.exampleEntries.has(name)) edits.push(appendEdit(files.examplePath, files.exampleText, `${name}=\n`));

  return { title: 'Move to an environment variable', edits, isPreferred: true, safeForFixAll: false };
}

/**
 * What provider validators may ask about the literal being checked. A class rather than an object literal with a
 * `get sinkName()`: each file's getter closure ended up in a V8 map transition, which young-generation GCs treat as
 * strong, so every file's whole tree survived into the old generation (~100 ms of GC per 50k-line scan).
 */
class LiteralProviderContext implements ProviderContext {
  sinkName: string | undefined = undefined;
  literal: ts.Node | undefined = undefined;

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly text: string,
  ) {}

  textBefore(): string {
    const start = this.literal ? this.literal.getStart(this.sourceFile) : 0;
    return this.text.slice(Math.max(0, start - 240), start).toLowerCase();
  }

  textAfter(): string {
    const end = this.literal ? this.literal.getEnd() : 0;
    return this.text.slice(end, end + 240).toLowerCase();
  }
}

// ---------------------------------------------------------------------------------------------------------------

export const hardcodedSecret = defineRule<HardcodedSecretOptions, MessageId>({
  meta: {
    id: 'hardcoded-secret',
    description: 'Keys, tokens, passwords and private keys written into source code.',
    category: 'secrets',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: ['CWE-798'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: ['express', 'express-session', 'cookie-session', 'cookie-parser', 'jsonwebtoken', 'passport', 'sequelize', 'koa', 'fastify'],
    requiresTypes: false,
    fixable: true,
    messages: {
      providerToken: '{{provider}} in source ({{redacted}}, sha256 {{fingerprint}}). Rotate it: it stays in version history.',
      publicClientKey: '{{provider}}: public by design ({{reason}}), not a secret ({{redacted}}, sha256 {{fingerprint}}).',
      credentialLiteral: 'Hard-coded credential in {{sink}} ({{redacted}}, sha256 {{fingerprint}}). Move it out of source and rotate it: it stays in version history.',
      highEntropyString: 'High-entropy string, possibly a secret ({{redacted}}, sha256 {{fingerprint}}). If it is one, move it out of source and rotate it: it stays in version history.',
      ...SHAPE_MESSAGES,
    },
  },
  defaultOptions: { ignoreTestFiles: true, entropy: false },
  create(context) {
    const { options, sourceFile, text } = context;
    // Tests, fixtures and mocks: provider-format secrets only (their passwords and signing secrets are fake).
    const providerKeysOnly = options.ignoreTestFiles && isTestFile(context.filePath, context.workspace.projectRoot);
    let cachedEnvFiles: EnvFiles | undefined;
    const envFiles = () => (cachedEnvFiles ??= readEnvFiles(context.workspace));
    // Translation tables map `password` to 'Passwort': names there label UI strings, they do not hold secrets.
    const inLocaleFile = LOCALE_PATH.test(context.filePath.split(path.sep).join('/'));
    /** Local names of jsonwebtoken's `sign`/`verify` when imported by name. */
    const jwtFunctionNames = new Set<string>();

    const providerContext = new LiteralProviderContext(sourceFile, text);
    // Tier-2 findings: a guessable-secret shape found at the end of the walk must not report the same literal again.
    const reportedByName = new Set<ts.Node>();
    // Shapes beyond formats and names (rules/support/secret-shapes.ts); test files get none of them (ignoreTestFiles).
    const shapes = providerKeysOnly ? undefined : new SecretShapes(sourceFile, context.filePath.split(path.sep).join('/'), secretUseOf);
    function secretUseOf(expression: ts.Expression): string | undefined {
      const sink = credentialSinkOf(expression, '', jwtFunctionNames);
      return sink?.certain && sink.fallbackOf === undefined && sink.label !== 'new Sequelize()' ? sink.label : undefined;
    }
    function reportShape(shape: ShapeFinding): void {
      const move = shape.move;
      const fix = move && moveToEnvFix(context, envFiles(), move.replaced, move.value, move.envName, move.fallbackOf);
      context.report({ messageId: shape.messageId, node: shape.node, data: shape.data, fixes: fix ? [fix] : [], ...(shape.severity ? { severity: shape.severity } : {}) });
    }

    function checkLiteral(node: ts.Node): void {
      const value = (node as ts.StringLiteral).text;
      if (value.length < 3) return;
      if (isNamePosition(node) || isModuleSpecifier(node) || isTypeOnlyPosition(node)) return;
      providerContext.literal = node;

      // Tier 1
      if (value.length >= MIN_PROVIDER_TOKEN_LENGTH) {
        const destination = valueDestination(node);
        providerContext.sinkName = 'name' in destination ? destination.name : undefined;
        const match = findProviderToken(value, providerContext, true);
        if (match?.provider.publicReason) {
          if (!providerKeysOnly) reportPublicKey(node, match.provider, match.token, match.provider.publicReason);
          return;
        }
        if (match && !(providerKeysOnly && match.provider.selfIssued)) {
          const sinkName = providerContext.sinkName;
          const envName = sinkName && credentialNameStrength(sinkName) ? envNameFor(sinkName, 'holder' in destination ? destination.holder : node) : match.provider.envName;
          const sink = credentialSinkOf(node, value, jwtFunctionNames, inLocaleFile);
          const fix = moveToEnvFix(context, envFiles(), sink?.fallbackOf ? sink.replaced : node, value, sink?.fallbackOf ? sink.envName : envName, sink?.fallbackOf);
          context.report({
            messageId: 'providerToken',
            node,
            severity: match.provider.severity,
            data: { provider: match.provider.name, providerId: match.provider.id, redacted: redact(match.token), fingerprint: fingerprint(match.token) },
            fixes: fix ? [fix] : [],
          });
          return;
        }
      }

      if (providerKeysOnly) return;

      const shape = shapes?.check(node, value);
      if (shape !== undefined) return shape ? reportShape(shape) : undefined;

      // Tier 2
      const sink = credentialSinkOf(node, value, jwtFunctionNames, inLocaleFile);
      if (sink) {
        // Known secret slots take even word-like values ('keyboard cat', 'secret'); only placeholders are exempt.
        const exempt = sink.certain ? isPlaceholderValue(value) || isPublicValue(value) || value.includes('\n') : isNonSecretValue(value);
        if (exempt) return;
        const fix = moveToEnvFix(context, envFiles(), sink.replaced, value, sink.envName, sink.fallbackOf);
        reportedByName.add(node);
        context.report({
          messageId: 'credentialLiteral',
          node,
          severity: 'warning',
          data: { sink: sink.label, redacted: redact(value), fingerprint: fingerprint(value), envName: sink.envName },
          fixes: fix ? [fix] : [],
        });
        return;
      }

      // Tier 3
      if (options.entropy && looksHighEntropy(value) && !isPlaceholderValue(value) && !isPublicValue(value) && !namedAsNonSecret(node)) {
        const fix = moveToEnvFix(context, envFiles(), node, value, 'SECRET', undefined);
        context.report({
          messageId: 'highEntropyString',
          node,
          severity: 'info',
          data: { redacted: redact(value), fingerprint: fingerprint(value) },
          fixes: fix ? [fix] : [],
        });
      }
    }

    /** A publishable or client key: information, with the reason it may ship; nothing to move or rotate. */
    function reportPublicKey(node: ts.Node, provider: SecretProvider, token: string, reason: string): void {
      context.report({
        messageId: 'publicClientKey',
        node,
        severity: 'info',
        data: { provider: provider.name, providerId: provider.id, reason, redacted: redact(token), fingerprint: fingerprint(token) },
      });
    }

    return {
      [ts.SyntaxKind.ImportDeclaration](node) {
        const declaration = node as ts.ImportDeclaration;
        if (staticStringValue(declaration.moduleSpecifier) !== 'jsonwebtoken') return;
        const bindings = declaration.importClause?.namedBindings;
        if (!bindings || !ts.isNamedImports(bindings)) return;
        for (const element of bindings.elements) {
          const imported = (element.propertyName ?? element.name).text;
          if (imported === 'sign' || imported === 'verify') jwtFunctionNames.add(element.name.text);
        }
      },
      // const { sign } = require('jsonwebtoken')
      [ts.SyntaxKind.VariableDeclaration](node) {
        const declaration = node as ts.VariableDeclaration;
        const initializer = declaration.initializer;
        if (!initializer || !ts.isCallExpression(initializer) || !ts.isObjectBindingPattern(declaration.name)) return;
        if (!ts.isIdentifier(initializer.expression) || initializer.expression.text !== 'require') return;
        if (staticStringValue(initializer.arguments[0] ?? initializer) !== 'jsonwebtoken') return;
        for (const element of declaration.name.elements) {
          const imported = propertyNameText(element.propertyName ?? element.name);
          if ((imported === 'sign' || imported === 'verify') && ts.isIdentifier(element.name)) jwtFunctionNames.add(element.name.text);
        }
      },
      [ts.SyntaxKind.StringLiteral]: checkLiteral,
      [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: checkLiteral,
      onEnd: () => shapes?.atEnd().filter((shape) => !reportedByName.has(shape.node)).forEach(reportShape),
    };
  },
});
