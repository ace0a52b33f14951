// spec/writable-server-field: a request-body property the server should own (roles and privilege flags,
// verification flags, balances, password hashes, the record's id, its owner, its timestamps) that is not marked
// `readOnly`. The contract then lets clients set it, and code generated or validated from it takes it: mass
// assignment by design (OWASP API3). Names come from rules/data/sensitive-fields.ts (shared with the code rule
// mass-assignment); which of them a request may legitimately carry depends on the operation, see `policyFor`.
import { privilegedFieldKind, wordsOf, type PrivilegedFieldKind } from '../data/sensitive-fields';
import { ACTION_PATH_WORDS, ASSIGNMENT_PATH_WORDS, NOT_SERVER_OWNED } from '../data/server-owned-fields';
import { defineSpecRule, type SchemaInfo, type SpecRuleContext } from '../support/spec-rule';
import { entryOf, isFlagSet, isMap, schemaTypes, valueOf, type SpecEntry, type SpecNode } from '../support/spec-tree';
import { combineEdits, insertEntry } from '../support/spec-edits';
import { describeWhere, isReadOnlyForClients, isTopLevel, originOf, setKeywordFix } from '../support/request-schemas';
import type { RuleEdit, RuleFix, Severity } from '../support/rule';

type MessageId = 'writableServerField';

const KIND_TEXT: Record<PrivilegedFieldKind, string> = {
  privilege: 'a privilege field',
  verification: 'a verification flag',
  balance: 'a balance',
  credential: 'a credential hash',
  identity: "the record's identifier",
  ownership: "the record's owner",
  audit: 'a timestamp',
};

export interface WritableServerFieldOptions {
  /** More field names the server owns (compared without case, `_` or `-`), reported as privilege fields. */
  serverFields: string[];
}

export const writableServerField = defineSpecRule<WritableServerFieldOptions, MessageId>({
  meta: {
    id: 'spec/writable-server-field',
    description: 'Request-body properties the server should own (role, isAdmin, balance, id, owner, timestamps…) not marked readOnly.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'medium',
    cwe: ['CWE-915'],
    owaspApi: 'API3:2023 Broken Object Property Level Authorization',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      writableServerField: 'Property "{{name}}" of {{where}} is {{kind}} the server should own, but it is not readOnly: a client can set it.',
    },
  },
  defaultOptions: { serverFields: [] },
  create(context) {
    let version = '3.0';
    return {
      document(spec) {
        version = spec.version;
      },
      schema(schema) {
        if (schema.direction !== 'request') return;
        const properties = context.resolve(valueOf(schema.node, 'properties'));
        if (!isMap(properties) || originOf(schema).kind !== 'body' || isReadOnlyForClients(schema, context)) return;
        for (const entry of properties.entries) {
          const kind = privilegedFieldKind(entry.key, context.options.serverFields);
          if (!kind) continue;
          const severity = policyFor(kind, entry, schema, context);
          if (!severity || isReadOnlyProperty(entry.value, context)) continue;
          context.report({
            messageId: 'writableServerField',
            node: properties,
            range: entry.keyRange,
            data: { name: entry.key, where: describeWhere(schema), kind: KIND_TEXT[kind] },
            fixes: readOnlyFix(entry, version),
            ...(severity === 'info' ? { severity } : {}),
          });
        }
      },
    };
  },
});

/** Whether (and how loudly) a property of this kind is reported here; undefined when a request may carry it. */
function policyFor(kind: PrivilegedFieldKind, entry: SpecEntry, schema: SchemaInfo, context: SpecRuleContext<WritableServerFieldOptions>): Severity | undefined {
  const compact = entry.key.toLowerCase().replace(/[_\-]/g, '');
  const configured = context.options.serverFields.some((name) => name.toLowerCase().replace(/[_\-]/g, '') === compact);
  if (configured) return 'warning';
  if (NOT_SERVER_OWNED.has(compact)) return undefined;
  const assignment = isAssignmentOperation(schema.operation.path);
  switch (kind) {
    case 'privilege':
    case 'verification':
    case 'credential':
      // Nested objects are settings of something else (a shared link's permissions, a container's SELinux role).
      return assignment || !isRecordLevel(schema) ? undefined : 'warning';
    case 'balance': {
      if (!isRecordLevel(schema)) return undefined;
      // `points` of a polygon, `credit` as a text attribution: only numbers are balances.
      const value = context.resolve(entry.value);
      const types = isMap(value) ? schemaTypes(value) : [];
      return types.length === 0 || types.includes('integer') || types.includes('number') ? 'warning' : undefined;
    }
    case 'identity':
    case 'ownership':
      // Deeper down, `id` and `ownerId` name *other* records (an order's product, a line's item); in an action's
      // body (`POST /calls.end`, `PUT /notifications/mark-read`) the id names the record acted on.
      return !assignment && isTopLevel(schema) && !isActionOperation(schema.operation.path) ? 'info' : undefined;
    case 'audit':
      return 'info';
  }
}

/**
 * The record the operation writes: the body itself, or the one object a Rails-style body wraps it in
 * (`{ "user": { … } }` for `/users`), named like a word of the path.
 */
function isRecordLevel(schema: SchemaInfo): boolean {
  if (isTopLevel(schema)) return true;
  let holder: SchemaInfo | undefined = schema;
  while (holder && holder.propertyName === undefined) holder = holder.parent;
  if (!holder?.parent || !isTopLevel(holder.parent)) return false;
  const name = holder.propertyName!.toLowerCase();
  return schema.operation.path.split('/').some((segment) => !segment.startsWith('{') && wordsOf(segment).some((word) => word === name || word === `${name}s` || word === `${name}es`));
}

/** `POST /calls.end` (RPC style), `PUT /notifications/mark-read`, `POST /barriers/change_status`. */
function isActionOperation(path: string): boolean {
  const last = path.split('/').filter((segment) => segment !== '' && !segment.startsWith('{')).pop() ?? '';
  const name = last.replace(/\.(json|xml)$/i, '');
  if (/\.[a-z]/i.test(name)) return true;
  return wordsOf(name).some((word) => ACTION_PATH_WORDS.has(word));
}

function isAssignmentOperation(path: string): boolean {
  for (const segment of path.split('/')) {
    if (segment.startsWith('{')) continue;
    for (const word of wordsOf(segment)) if (ASSIGNMENT_PATH_WORDS.has(word)) return true;
  }
  return false;
}

/** `readOnly: true` on the property as written (beside a `$ref`, or around an `allOf`) or on the schema it names. */
function isReadOnlyProperty(raw: SpecNode, context: SpecRuleContext<any>): boolean {
  return isFlagSet(raw, 'readOnly') || isFlagSet(context.resolve(raw), 'readOnly');
}

/**
 * `readOnly: true` on the property. Beside a `$ref`, OAS 3.1 honours it; OAS 2.0 and 3.0 ignore a `$ref`'s
 * siblings, so there the reference is wrapped (`allOf: [{ $ref: … }]`) and `readOnly` goes beside the `allOf`:
 * the shared schema stays writable for the other properties that use it.
 */
function readOnlyFix(entry: SpecEntry, version: string): RuleFix[] {
  const raw = entry.value;
  const title = `Mark "${entry.key}" readOnly`;
  if (!isMap(raw)) return [];
  const ref = entryOf(raw, '$ref');
  if (!ref || version === '3.1') return setKeywordFix(title, raw, 'readOnly', true, true);
  if (ref.value.kind !== 'scalar') return [];
  const { filePath, syntax } = raw.document;
  // A plain YAML scalar with flow indicators would end early inside `[{ … }]`.
  if (syntax === 'yaml' && ref.value.style === 'plain' && /[,[\]{}]/.test(String(ref.value.value))) return [];
  const open: RuleEdit = { filePath, start: ref.keyRange.start, end: ref.keyRange.start, newText: syntax === 'json' ? '"allOf": [{ ' : 'allOf: [{ ' };
  const close: RuleEdit = { filePath, start: ref.value.range.end, end: ref.value.range.end, newText: ' }]' };
  const edits = combineEdits(open, close, insertEntry(raw, 'readOnly', true));
  return edits ? [{ title, edits, isPreferred: true, safeForFixAll: true }] : [];
}
