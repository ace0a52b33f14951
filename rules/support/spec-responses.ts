// What spec rules about documented responses share (spec/missing-auth-error-response,
// spec/missing-rate-limit-response): where an operation's responses are reported, which statuses it documents, and
// the fix that adds responses — referencing the spec's own response components when one fits, else creating them.
import type { OffsetRange, RuleEdit } from './rule';
import { combineEdits, insertEntries, insertEntryAt, type InsertPosition, type SpecValue } from './spec-edits';
import type { OperationInfo, SpecInfo, SpecRuleContext } from './spec-rule';
import { entryOf, isMap, stringAt, valueOf, type SpecMap, type SpecNode } from './spec-tree';

/** Where a finding about the operation's responses goes: its `responses` key, else (none at all) its method key. */
export function responsesTarget(operation: OperationInfo): { node: SpecNode; range: OffsetRange } {
  const responses = entryOf(operation.node, 'responses');
  return responses ? { node: operation.node, range: responses.keyRange } : { node: operation.pathItem, range: operation.methodKeyRange };
}

/** The documented status keys, upper-cased (`4XX`, `DEFAULT`), extensions left out. */
export function documentedStatuses(operation: OperationInfo): Set<string> {
  const statuses = new Set<string>();
  for (const entry of operation.responses?.entries ?? []) if (!entry.key.startsWith('x-')) statuses.add(entry.key.toUpperCase());
  return statuses;
}

/** A response a fix adds: its status, the component it is (found by `matches`, else created as `name`). */
export interface WantedResponse {
  status: string;
  /** The component created when none fits, e.g. `Unauthorized`. */
  name: string;
  /** Its description, and the inline response's when the spec has no components. */
  description: string;
  /** Tested against existing response components' names and descriptions. */
  matches: RegExp;
}

/**
 * Edits that add the wanted responses to the operation: `$ref`s to matching response components (OAS 3
 * `components.responses`, OAS 2 root `responses`), creating the missing ones; inline responses when the spec has no
 * components at all. Undefined when the text cannot be edited safely (e.g. `responses` is not a mapping).
 */
export function addResponsesEdits(spec: SpecInfo, operation: OperationInfo, wanted: readonly WantedResponse[], context: SpecRuleContext): RuleEdit[] | undefined {
  const refPrefix = spec.version === '2.0' ? '#/responses/' : '#/components/responses/';
  const componentsEntry = spec.version === '2.0' ? undefined : entryOf(spec.root, 'components');
  const components = spec.version === '2.0' ? spec.root : context.resolve(componentsEntry?.value);
  // A Swagger 2.0 document always has a root; it "has components" when it defines shared responses or definitions.
  const hasComponents = spec.version === '2.0' ? ['responses', 'definitions', 'parameters'].some((key) => entryOf(spec.root, key)) : isMap(components);
  const existing = context.resolve(valueOf(components, 'responses'));
  const existingMap = isMap(existing) ? existing : undefined;
  if (valueOf(components, 'responses') && !existingMap) return undefined;

  const added: [string, SpecValue][] = [];
  const created: [string, SpecValue][] = [];
  for (const response of wanted) {
    if (!hasComponents) {
      added.push([response.status, { description: response.description }]);
      continue;
    }
    const match = existingMap?.entries.find((entry) => response.matches.test(entry.key) || response.matches.test(stringAt(context.resolve(entry.value), 'description') ?? ''));
    const name = match?.key ?? response.name;
    if (!match) {
      if (existingMap && entryOf(existingMap, name)) return undefined;
      created.push([name, { description: response.description }]);
    }
    added.push([response.status, { $ref: `${refPrefix}${name}` }]);
  }

  const responses = operation.responses;
  let operationEdit: RuleEdit | undefined;
  if (responses) {
    operationEdit = insertEntries(responses, added, statusPosition(responses, wanted[0]!.status));
  } else {
    if (entryOf(operation.node, 'responses')) return undefined;
    operationEdit = insertEntries(operation.node, [['responses', Object.fromEntries(added)]]);
  }
  if (created.length === 0) return combineEdits(operationEdit);
  let componentEdit: RuleEdit | undefined;
  if (existingMap) componentEdit = insertEntries(existingMap, created);
  else if (spec.version === '2.0') componentEdit = insertEntries(spec.root, [['responses', Object.fromEntries(created)]], entryOf(spec.root, 'definitions') ? { before: 'definitions' } : 'last');
  else componentEdit = componentsEntry && isMap(components) && components === componentsEntry.value ? insertEntryAt(components, [], 'responses', Object.fromEntries(created)) : undefined;
  return combineEdits(operationEdit, componentEdit);
}

/** Keeps statuses in order: before the first documented status that sorts after `status` (`default` last). */
function statusPosition(responses: SpecMap, status: string): InsertPosition {
  const rank = (key: string) => (key.toLowerCase() === 'default' ? 1000 : Number.parseInt(key.replace(/X/gi, '0'), 10));
  const wantedRank = rank(status);
  const next = responses.entries.find((entry) => !entry.key.startsWith('x-') && rank(entry.key) > wantedRank);
  return next ? { before: next.key } : 'last';
}
