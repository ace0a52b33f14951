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

/** What a response fix writes, worked out once per spec: the entries each operation gets, and the components edit. */
export interface ResponsesFixPlan {
  readonly added: readonly (readonly [string, SpecValue])[];
  /** Creates the missing components (shared by every operation's fix); undefined when none are missing. */
  readonly componentEdit: RuleEdit | undefined;
  readonly firstStatus: string;
}

/**
 * Plans adding the wanted responses: `$ref`s to matching response components (OAS 3 `components.responses`, OAS 2
 * root `responses`), creating the missing ones; inline responses when the spec has no components at all. Undefined
 * when the text cannot be edited safely (e.g. `responses` is not a mapping).
 */
export function planResponsesFix(spec: SpecInfo, wanted: readonly WantedResponse[], context: SpecRuleContext): ResponsesFixPlan | undefined {
  const refPrefix = spec.version === '2.0' ? '#/responses/' : '#/components/responses/';
  const componentsEntry = spec.version === '2.0' ? undefined : entryOf(spec.root, 'components');
  const components = spec.version === '2.0' ? spec.root : context.resolve(componentsEntry?.value);
  // A Swagger 2.0 document "has components" when it defines shared responses, definitions or parameters.
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
  let componentEdit: RuleEdit | undefined;
  if (created.length > 0) {
    if (existingMap) componentEdit = insertEntries(existingMap, created);
    else if (spec.version === '2.0') componentEdit = insertEntries(spec.root, [['responses', Object.fromEntries(created)]], entryOf(spec.root, 'definitions') ? { before: 'definitions' } : 'last');
    else if (componentsEntry && isMap(components) && components === componentsEntry.value) componentEdit = insertEntryAt(components, [], 'responses', Object.fromEntries(created));
    if (!componentEdit) return undefined;
  }
  return { added, componentEdit, firstStatus: wanted[0]!.status };
}

/** The fix's edits for one operation: its new responses (in status order), plus the planned components. */
export function addResponsesEdits(plan: ResponsesFixPlan, operation: OperationInfo): RuleEdit[] | undefined {
  const responses = operation.responses;
  let operationEdit: RuleEdit | undefined;
  if (responses) operationEdit = insertEntries(responses, plan.added, statusPosition(responses, plan.firstStatus));
  else if (!entryOf(operation.node, 'responses')) operationEdit = insertEntries(operation.node, [['responses', Object.fromEntries(plan.added)]]);
  return plan.componentEdit ? combineEdits(operationEdit, plan.componentEdit) : combineEdits(operationEdit);
}

/** Keeps statuses in order: before the first documented status that sorts after `status` (`default` last). */
function statusPosition(responses: SpecMap, status: string): InsertPosition {
  const wantedRank = statusRank(status);
  const next = responses.entries.find((entry) => statusRank(entry.key) > wantedRank);
  return next ? { before: next.key } : 'last';
}

/** `200` → 200, `4XX` → 400, `default` → 1000; anything else (extensions) never sorts after. */
function statusRank(key: string): number {
  if (key.length === 3) {
    const first = key.charCodeAt(0) - 48;
    if (first >= 1 && first <= 5) {
      const rest = key.slice(1);
      return first * 100 + (rest === 'XX' || rest === 'xx' ? 0 : Number(rest));
    }
  }
  return key === 'default' ? 1000 : Number.NaN;
}
