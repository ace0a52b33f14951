// spec/secret-in-example: a real-looking secret in an `example`, `examples`, `default` or `x-…` value anywhere in
// the document. Specs are published (developer portals, SDK generators, public repositories), so a key pasted into
// one is compromised. Three kinds: provider formats (hardcoded-secret's tier 1: GitHub, Stripe, AWS… tokens,
// private keys, URLs with passwords), random-looking values under credential names (`apiKey`, `access_token`,
// `Authorization: Bearer …`), and `default` values of password-named parameters and properties (a default
// credential). Placeholders and masked values (`<your-token>`, `sk_test_xxx`, `****`, `YOUR_API_KEY`) are fine.
// The rule walks the raw tree itself (examples live anywhere), iteratively and once. Messages never quote a value.
// Fix: replace the value with `<redacted>`, in the file's quoting; the message says to rotate the secret.
import { findProviderToken, isNonSecretValue, looksLikeDummyToken } from '../hardcoded-secret';
import { credentialNameStrength } from '../data/secret-names';
import { isPlaceholderValue, isPublicValue } from '../data/secret-placeholders';
import type { RuleFix } from '../support/rule';
import { setScalar } from '../support/spec-edits';
import { looksHighEntropy } from '../support/secret-text';
import { defineSpecRule, type SpecRuleContext } from '../support/spec-rule';
import type { SpecDocument, SpecNode, SpecScalar } from '../support/spec-tree';

type MessageId = 'providerSecret' | 'credentialExample' | 'defaultCredential';

/** Where a value sits: an example (OAS `example`/`examples`, OAS 2 `x-example`), a `default`, or another extension. */
type ValueOrigin = 'example' | 'default' | 'extension';

/** Keywords whose value is a map of names to definitions: a key there is a name, never `example` or `default`. */
const NAMES_MAP_KEYWORDS: ReadonlySet<string> = new Set([
  'properties', 'patternProperties', 'definitions', '$defs', 'dependentSchemas', 'parameters', 'responses', 'paths',
  'webhooks', 'securityDefinitions', 'securitySchemes', 'schemas', 'requestBodies', 'headers', 'content', 'links',
  'callbacks', 'pathItems', 'variables', 'encoding', 'mapping', 'scopes',
]);

const PLACEHOLDER = '<redacted>';

export const secretInExample = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/secret-in-example',
    description: 'Real-looking secrets in example, examples, default or x-… values of an API description.',
    category: 'spec',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-798', 'CWE-540'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      providerSecret: '{{what}} in {{where}}: a secret published in an API description is compromised. Rotate it, then replace it with a placeholder.',
      credentialExample: '{{where}} holds a random-looking credential ({{length}} characters), not a placeholder: if it was ever real, it is compromised. Rotate it, then replace it with a placeholder.',
      defaultCredential: '"{{name}}" has a default value: everyone who reads the spec knows it, and clients that omit it all share it. Remove the default (and rotate the credential if it is in use).',
    },
  },
  defaultOptions: {},
  create(context) {
    return {
      document(info) {
        scanDocument(context, info.document);
      },
    };
  },
});

/**
 * The walk's pending nodes, in parallel arrays (one object per node made a 13 MB spec's walk allocation-bound).
 * origin: inside example data (or a default or extension value), where strings are checked and keys are data.
 * name: the nearest name, i.e. the property, parameter or header the value belongs to, or the data key holding it.
 * extension: the `x-…` key, for messages. keysAreNames: the map's keys are names (of properties, responses…).
 */
class PendingNodes {
  readonly nodes: SpecNode[] = [];
  readonly origins: (ValueOrigin | undefined)[] = [];
  readonly names: (string | undefined)[] = [];
  readonly extensions: (string | undefined)[] = [];
  readonly keysAreNames: boolean[] = [];

  push(node: SpecNode, origin: ValueOrigin | undefined, name: string | undefined, extension: string | undefined, keysAreNames: boolean): void {
    this.nodes.push(node);
    this.origins.push(origin);
    this.names.push(name);
    this.extensions.push(extension);
    this.keysAreNames.push(keysAreNames);
  }
}

function scanDocument(context: SpecRuleContext, document: SpecDocument): void {
  if (!document.root) return;
  const stack = new PendingNodes();
  stack.push(document.root, undefined, undefined, undefined, false);
  const { nodes, origins, names, extensions } = stack;
  const reported = new Set<SpecScalar>();
  while (nodes.length > 0) {
    const node = nodes.pop()!;
    const origin = origins.pop();
    const name = names.pop();
    const extension = extensions.pop();
    const keysAreNames = stack.keysAreNames.pop()!;
    if (node.kind === 'scalar') {
      // A YAML alias is its anchored node, met again: reported once.
      if (origin !== undefined && typeof node.value === 'string' && checkValue(context, node, node.value, origin, name, extension, reported)) reported.add(node);
      continue;
    }
    if (node.kind === 'seq') {
      for (let i = node.items.length - 1; i >= 0; i--) stack.push(node.items[i]!, origin, name, extension, false);
      continue;
    }
    if (origin !== undefined) {
      // Example data: every key names the value under it.
      for (let i = node.entries.length - 1; i >= 0; i--) stack.push(node.entries[i]!.value, origin, node.entries[i]!.key, extension, false);
      continue;
    }
    // A parameter (OAS 2 and 3) or an OAS 2 header is named by its `name`; its example and schema inherit it.
    let ownName = name;
    for (const entry of node.entries) if (entry.key === 'name' && entry.value.kind === 'scalar' && typeof entry.value.value === 'string') ownName = entry.value.value;
    for (let i = node.entries.length - 1; i >= 0; i--) {
      const entry = node.entries[i]!;
      const key = entry.key;
      const value = entry.value;
      if (keysAreNames) {
        if (value.kind !== 'scalar') stack.push(value, undefined, key, undefined, false);
      } else if (key === 'example' || key === 'x-example') {
        stack.push(value, 'example', ownName, undefined, false);
      } else if (key === 'default') {
        stack.push(value, 'default', ownName, undefined, false);
      } else if (key === 'examples') {
        pushExamples(stack, value, ownName);
      } else if (key.charCodeAt(0) === 120 /* x */ && key.charCodeAt(1) === 45 /* - */) {
        // The extension's own name counts as the value's name (`x-api-key: …`).
        stack.push(value, 'extension', key, key, false);
      } else if (value.kind !== 'scalar') {
        stack.push(value, undefined, ownName, undefined, value.kind === 'map' && NAMES_MAP_KEYWORDS.has(key));
      }
    }
  }
}

/**
 * `examples`: a list of values (JSON Schema, OAS 3.1), a map of Example Objects whose `value` is the data (OAS 3),
 * or a map of media types to data (OAS 2 responses). An Example Object's summary and description are text.
 */
function pushExamples(stack: PendingNodes, value: SpecNode, name: string | undefined): void {
  if (value.kind !== 'map') {
    stack.push(value, 'example', name, undefined, false);
    return;
  }
  for (const entry of value.entries) {
    const example = entry.value;
    const isExampleObject = example.kind === 'map' && example.entries.some((inner) => inner.key === 'value' || inner.key === 'externalValue' || inner.key === '$ref' || inner.key === 'summary');
    if (!isExampleObject) {
      stack.push(example, 'example', name, undefined, false);
      continue;
    }
    for (const inner of example.entries) {
      if (inner.key === 'value') stack.push(inner.value, 'example', name, undefined, false);
      else if (inner.key.startsWith('x-')) stack.push(inner.value, 'extension', inner.key, inner.key, false);
    }
  }
}

/** What provider validators may ask about a value: the document text around it (one object, reused). */
const providerContext = {
  sinkName: undefined as string | undefined,
  node: undefined as SpecScalar | undefined,
  textBefore(): string {
    const node = this.node!;
    return node.document.text.slice(Math.max(0, node.range.start - 240), node.range.start).toLowerCase();
  },
  textAfter(): string {
    const node = this.node!;
    return node.document.text.slice(node.range.end, node.range.end + 240).toLowerCase();
  },
};

/** Reports the value when it is a secret; true when reported. */
function checkValue(context: SpecRuleContext, node: SpecScalar, value: string, origin: ValueOrigin, name: string | undefined, extension: string | undefined, reported: ReadonlySet<SpecScalar>): boolean {
  if (value.length < 3 || value.length > 10_000) return false;
  providerContext.sinkName = name;
  providerContext.node = node;
  const provider = findProviderToken(value, providerContext);
  if (provider && !isPublishedByDesign(provider.provider.id, provider.token, value)) {
    if (reported.has(node)) return false;
    context.report({
      messageId: 'providerSecret',
      node,
      data: { what: withArticle(provider.provider.name), where: describeWhere(origin, name, extension) },
      fixes: redactFix(node, provider.token),
    });
    return true;
  }
  if (provider) return false;
  const strength = name === undefined ? undefined : credentialNameStrength(name.replace(/^x-/, ''));
  if (strength === undefined || namesDigestOrSandbox(name!) || /sandbox/i.test(value)) return false;
  if (origin === 'default' && strength === 'password') {
    if (isNonSecretValue(value) || reported.has(node)) return false;
    context.report({ messageId: 'defaultCredential', node, data: { name: name! }, fixes: redactFix(node, undefined) });
    return true;
  }
  // A header value carries its scheme: `Bearer <token>`, `token <token>`.
  const credential = /^(bearer|token)\s+(\S+)$/i.exec(value)?.[2] ?? value;
  if (!looksHighEntropy(credential) || isPlaceholderValue(credential) || isPublicValue(credential) || looksLikeDummyToken(credential) || reported.has(node)) return false;
  context.report({
    messageId: 'credentialExample',
    node,
    data: { where: capitalize(describeWhere(origin, name, extension)), length: credential.length },
    fixes: redactFix(node, credential === value ? undefined : credential),
  });
  return true;
}

function describeWhere(origin: ValueOrigin, name: string | undefined, extension: string | undefined): string {
  if (origin === 'extension') return `the ${extension} extension${name !== undefined && name !== extension ? ` ("${name}")` : ''}`;
  const named = name !== undefined ? ` of "${name}"` : '';
  return origin === 'default' ? `the default value${named}` : `an example${named}`;
}

/** `A GitHub personal access token`, `A private key`, `An AWS access key id`. */
function withArticle(label: string): string {
  // Common nouns lower-cased; brands (`GitHub`, `Stripe`) kept.
  const lowered = /^(Private|Database) /.test(label) ? label.charAt(0).toLowerCase() + label.slice(1) : label;
  return `${/^[AEIOU]/i.test(label) ? 'An' : 'A'} ${lowered}`;
}

/**
 * Values that carry a credential on purpose and are harmless once published: an AWS access key *id* in a presigned
 * URL (`X-Amz-Credential=AKIA…`: the id is public, the signature expires), an expired JWT.
 */
function isPublishedByDesign(providerId: string, token: string, value: string): boolean {
  if (providerId === 'aws-access-key-id') return value.includes(`X-Amz-Credential=${token}`) || value.includes(`X-Amz-Credential%3D${token}`);
  if (providerId === 'jwt') {
    const expiry = jwtExpiry(token);
    return expiry !== undefined && expiry * 1000 < Date.now();
  }
  return false;
}

/** The `exp` claim (seconds since the epoch) of a JWT, when it has one. */
function jwtExpiry(token: string): number | undefined {
  const payload = token.split('.')[1];
  if (payload === undefined) return undefined;
  try {
    const claims: unknown = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
    const exp = typeof claims === 'object' && claims !== null ? (claims as { exp?: unknown }).exp : undefined;
    return typeof exp === 'number' ? exp : undefined;
  } catch {
    return undefined;
  }
}

/** `hashed_token`, `tokenDigest`, `SandboxOverridePassword`: a digest of a credential, or a sandbox's published test credential. */
function namesDigestOrSandbox(name: string): boolean {
  return /hash|digest|fingerprint|checksum|sandbox/i.test(name);
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/**
 * Replaces the secret with `<redacted>`: just the token when it sits inside a one-line value (`Bearer …` keeps its
 * scheme), else the whole value. spec-edits keeps the scalar's quoting (and a block scalar's style).
 */
function redactFix(node: SpecScalar, token: string | undefined): RuleFix[] {
  const value = String(node.value);
  const inPlace = token !== undefined && token !== value && !value.includes('\n') && value.split(token).length === 2;
  const edit = setScalar(node, inPlace ? value.replace(token, PLACEHOLDER) : PLACEHOLDER);
  return [{ title: `Replace the value with ${PLACEHOLDER} (then rotate it)`, edits: [edit], isPreferred: true, safeForFixAll: false }];
}
