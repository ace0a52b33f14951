// spec/sensitive-field-in-response: a response schema property that carries a password, a password hash, a secret,
// a key, a token, a PIN, an SSN or card data. Clients never need these back, and responses end up in logs, caches
// and browser storage. Not reported: `writeOnly` properties, names *about* a secret (`passwordChangedAt`,
// `tokenType`, `hasPassword`), paging tokens (`nextPageToken`), content hashes (`fileHash`), and the tokens and keys
// of the operations that issue them (`POST /oauth/token`, `/login`, `/auth/*`, `POST /api-keys`).
// Fix: `writeOnly: true`, offered when the same property schema is also sent in requests (OAS 3 only), written in
// the property's own mapping (beside a `$ref` only in OAS 3.1, where siblings of `$ref` count).
import { isSensitiveFieldName, wordsOf } from '../data/sensitive-fields';
import { NON_SECRET_TOKEN_QUALIFIERS } from '../data/secret-names';
import type { RuleEdit, RuleFix } from '../support/rule';
import { insertEntry, setScalar } from '../support/spec-edits';
import { defineSpecRule, type OperationInfo, type SchemaInfo, type SpecInfo } from '../support/spec-rule';
import { entryOf, isFlagSet, isMap, schemaTypes, stringAt, valueOf, type SpecEntry, type SpecMap, type SpecNode } from '../support/spec-tree';

type MessageId = 'sensitiveField';

export interface SensitiveFieldInResponseOptions {
  /** More property names to treat as sensitive (compared without case, `_` or `-`). */
  extraSensitiveFields: string[];
}

export const sensitiveFieldInResponse = defineSpecRule<SensitiveFieldInResponseOptions, MessageId>({
  meta: {
    id: 'spec/sensitive-field-in-response',
    description: 'Response schemas that return passwords, password hashes, secrets, keys, tokens, PINs, SSNs or card data.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-200', 'CWE-213'],
    owaspApi: 'API3:2023 Broken Object Property Level Authorization',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      sensitiveField:
        'The {{status}} response of {{operation}} returns "{{path}}", {{what}}: clients never need it back, and responses end up in logs, caches and browser storage. {{advice}}',
    },
  },
  defaultOptions: { extraSensitiveFields: [] },
  create(context) {
    let spec: SpecInfo;
    const extra = context.options.extraSensitiveFields ?? [];
    /** Property schemas clients send: `writeOnly` is right for them. Complete only at the end of the walk. */
    const sentInRequests = new Set<SpecMap>();
    const candidates: { schema: SchemaInfo; entry: SpecEntry; properties: SpecMap; what: string }[] = [];
    return {
      document(info) {
        spec = info;
      },
      schema(schema) {
        if (schema.direction === 'request') {
          sentInRequests.add(schema.node);
          return;
        }
        const name = schema.propertyName;
        if (name === undefined || !schema.parent) return;
        // Only the property itself (not the parts of its `allOf`, which carry the same name).
        const properties = context.resolve(valueOf(schema.parent.node, 'properties'));
        const entry = entryOf(properties, name);
        if (!isMap(properties) || !entry || context.resolve(entry.value) !== schema.node) return;
        const what = exposedValue(name, schema.node, extra, context.resolve);
        if (what === undefined) return;
        if (isFlagSet(schema.node, 'writeOnly') || isFlagSet(entry.value, 'writeOnly') || documentsMaskedValue(schema.node) || documentsMaskedValue(entry.value)) return;
        if (what.issuedCredential && issuesCredentials(schema.operation)) return;
        candidates.push({ schema, entry, properties, what: what.label });
      },
      onEnd() {
        for (const { schema, entry, properties, what } of candidates) {
          const alsoSent = sentInRequests.has(schema.node);
          const fixes: RuleFix[] = [];
          let advice: string;
          if (spec.version === '2.0') advice = alsoSent ? 'Remove it from the response schema (Swagger 2.0 has no writeOnly: give requests their own schema).' : 'Remove it from the response schema.';
          else if (alsoSent && !what.endsWith('hash')) {
            advice = 'The same schema is sent in requests: mark it writeOnly: true.';
            const edit = writeOnlyEdit(entry, spec.version);
            if (edit) fixes.push({ title: `Mark "${entry.key}" writeOnly (clients send it, responses leave it out)`, edits: [edit], isPreferred: true, safeForFixAll: true });
          }
          else advice = 'Remove it from the response schema.';
          context.report({
            messageId: 'sensitiveField',
            node: properties,
            range: entry.keyRange,
            data: { status: schema.status ?? 'default', operation: schema.operation.label, path: shortPath(schema.path), what, advice },
            fixes,
          });
        }
      },
    };
  },
});

interface ExposedValue {
  /** `a password hash`, `a token`: for the message. */
  label: string;
  /** A token, key or secret, which the operations that issue credentials return by design. */
  issuedCredential: boolean;
}

/** Words before `hash` that make it a credential's hash (`fileHash`, `commitHash` are content hashes). */
const CREDENTIAL_HASH_WORDS: ReadonlySet<string> = new Set(['password', 'passwd', 'passphrase', 'pin', 'secret', 'otp', 'passcode']);

/** What the property exposes, when its name (or `format: password`) says it holds a secret and its type can hold one. */
export function exposedValue(name: string, schema: SpecMap, extra: readonly string[], resolve: (node: SpecNode | undefined) => SpecNode | undefined): ExposedValue | undefined {
  if (!canHoldSecret(schema, resolve)) return undefined;
  const formatPassword = stringAt(schema, 'format') === 'password';
  if (!isSensitiveFieldName(name, extra)) return formatPassword ? { label: 'a password', issuedCredential: false } : undefined;
  const words = wordsOf(name);
  const last = words[words.length - 1] ?? '';
  const before = words.slice(0, -1);
  // Public by design: Plaid's `public_token`, publishable keys.
  if (before.includes('public') || before.includes('publishable')) return undefined;
  if ((last === 'token' || last === 'tokens') && before.some((word) => NON_SECRET_TOKEN_QUALIFIERS.has(word))) return undefined;
  // A digest of a random token (GitHub's `hashed_token`) cannot be used; a password's hash can be cracked.
  if (words[0] === 'hashed' && (last === 'token' || last === 'key')) return undefined;
  // Encrypted for the server's own use (Adyen's `encryptedCardNumber`): useless without the key.
  if (words[0] === 'encrypted') return undefined;
  if ((last === 'hash' || last === 'salt') && !before.some((word) => CREDENTIAL_HASH_WORDS.has(word)) && before.length > 0) return undefined;
  if (last === 'hash' && before.length === 0) return undefined;
  if (words.includes('password') || words.includes('passwd') || words.includes('passphrase') || formatPassword) {
    return { label: last === 'hash' || last === 'salt' || last === 'digest' || words[0] === 'hashed' ? 'a password hash' : 'a password', issuedCredential: false };
  }
  if (last === 'salt' || last === 'hash') return { label: 'a credential hash', issuedCredential: false };
  if (last === 'ssn' || name.toLowerCase().replace(/[_-]/g, '').endsWith('socialsecuritynumber')) return { label: 'a social security number', issuedCredential: false };
  if (last === 'pin' || last === 'otp') return { label: 'a PIN or one-time code', issuedCredential: false };
  if (last === 'cvv' || last === 'cvc' || words.includes('card')) return { label: 'payment card data', issuedCredential: false };
  if (last === 'codes') return { label: 'recovery codes', issuedCredential: false };
  if (last === 'answer') return { label: 'a security answer', issuedCredential: false };
  if (last === 'token' || last === 'tokens') return { label: 'a token', issuedCredential: true };
  if (last === 'key' || last === 'apikey') return { label: words.includes('private') ? 'a private key' : words.includes('api') || last === 'apikey' ? 'an API key' : 'a key', issuedCredential: true };
  return { label: 'a secret', issuedCredential: true };
}

/** Strings, numbers, untyped values and arrays of them hold secrets; booleans, objects (their properties are checked) and enums do not. */
function canHoldSecret(schema: SpecMap, resolve: (node: SpecNode | undefined) => SpecNode | undefined): boolean {
  if (entryOf(schema, 'enum') || entryOf(schema, 'const') || entryOf(schema, 'properties')) return false;
  const types = schemaTypes(schema);
  if (types.includes('array')) {
    const items = resolve(valueOf(schema, 'items'));
    return isMap(items) && !entryOf(items, 'properties') && !entryOf(items, 'enum') && !entryOf(items, 'const') && schemaTypes(items).every((type) => type === 'string' || type === 'null');
  }
  return types.length === 0 || types.some((type) => type === 'string' || type === 'integer' || type === 'number');
}


/** The description says the value is masked, or returned only when created (the issuing response's by design). */
const MASKED_DESCRIPTION = /\b(masked|redacted|obfuscated|truncated|partially hidden)\b|\blast (4|four)\b|\*{4,}|\bonly (be )?(returned|shown|displayed|visible|available|included)( \w+)? (once|on creation|at creation|when (it is |first )?(created|generated|issued))/i;

function documentsMaskedValue(node: SpecNode): boolean {
  const description = stringAt(node, 'description');
  return description !== undefined && MASKED_DESCRIPTION.test(description);
}

/** Path segments of endpoints that sign users in or hand out tokens: their response *is* the credential. */
const AUTH_SEGMENTS: ReadonlySet<string> = new Set([
  'oauth', 'oauth2', 'auth', 'authenticate', 'authentication', 'authorize', 'token', 'tokens', 'login', 'signin',
  'sign-in', 'log-in', 'logon', 'session', 'sessions', 'refresh', 'sso', 'saml', 'oidc', 'openid', 'register',
  'registration', 'signup', 'sign-up',
]);

/** Words of a last path segment naming the credentials an operation hands out (`/api-keys`, `/registration-token`). */
const CREDENTIAL_SEGMENT_WORDS: ReadonlySet<string> = new Set(['token', 'tokens', 'key', 'keys', 'apikey', 'apikeys', 'credential', 'credentials', 'secret', 'secrets', 'password']);

/**
 * Operations whose response hands out a token, key or secret by design: sign-in, sign-up and token endpoints, a
 * resource of credentials (`GET /clusters/{id}/credentials`, `POST /api-keys`), and the creation of a resource
 * (`POST` on a collection), which returns its webhook secret or client secret once.
 */
export function issuesCredentials(operation: OperationInfo): boolean {
  const all = operation.path.toLowerCase().split('/').filter((segment) => segment !== '');
  const segments = all.filter((segment) => !segment.startsWith('{'));
  if (segments.some((segment) => AUTH_SEGMENTS.has(segment) || AUTH_SEGMENTS.has(segment.replace(/_/g, '-')))) return true;
  const last = segments[segments.length - 1];
  if (last !== undefined && wordsOf(last).some((word) => CREDENTIAL_SEGMENT_WORDS.has(word))) return true;
  return operation.method === 'post' && all.length > 0 && !all[all.length - 1]!.startsWith('{');
}

/** `200 response[].owner.token` → `[].owner.token`; deep paths keep their last three steps. */
function shortPath(path: string): string {
  const body = path.replace(/^\S+ response(?=\[|\{|$)/, '');
  const steps = body.split('.');
  return steps.length > 3 ? `….${steps.slice(-3).join('.')}` : body;
}

/**
 * `writeOnly: true` in the property's own mapping: after `type` when it has one. Not beside an OAS 3.0 `$ref`
 * (ignored there; editing the shared target would change its other users).
 */
function writeOnlyEdit(entry: SpecEntry, version: SpecInfo['version']): RuleEdit | undefined {
  const property = entry.value;
  if (!isMap(property)) return undefined;
  if (entryOf(property, '$ref') && version !== '3.1') return undefined;
  const existing = valueOf(property, 'writeOnly');
  if (existing?.kind === 'scalar') return setScalar(existing, true);
  if (existing) return undefined;
  return insertEntry(property, 'writeOnly', true, entryOf(property, 'type') ? { after: 'type' } : 'last');
}
