// spec/operation-without-security: an operation a client may call without credentials, by the spec's own word —
// no `security` on the operation nor at the root, `security: []`, or an anonymous requirement `{}` among the
// alternatives. Gateways and generated clients enforce what the spec says, so such an operation ends up public.
// Operations public by design (login, sign-up, password reset, token, OAuth, health, docs) are information only.
import { publicReasonForPath } from '../data/public-routes';
import { publicSpecOperationReason } from '../data/public-spec-operations';
import type { RuleEdit, RuleFix } from '../support/rule';
import { appendItem, insertEntry, removeItem } from '../support/spec-edits';
import { defineSpecRule, type OperationInfo, type SpecInfo, type SpecRuleContext } from '../support/spec-rule';
import { entryOf, isMap, isSeq, type SpecMap } from '../support/spec-tree';

type MessageId = 'noSecurity' | 'emptySecurity' | 'anonymousAllowed' | 'publicByDesign' | 'noAuthenticationDocumented';

export const operationWithoutSecurity = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/operation-without-security',
    description: 'Operations that the spec lets anyone call: no security requirement, `security: []`, or an anonymous `{}` alternative.',
    category: 'spec',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-306'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      noSecurity: '{{operation}} has no security requirement (none on the operation, none at the root): anyone can call it.',
      emptySecurity: '{{operation}} opts out of authentication with `security: []`{{where}}: anyone can call it.',
      anonymousAllowed: '{{operation}} allows anonymous access: its security{{where}} includes the empty requirement `{}`, so credentials are optional.',
      publicByDesign: '{{operation}} is open to anyone ({{openness}}); it looks public by design ({{reason}}): check that it needs no authentication.',
      noAuthenticationDocumented: 'The spec documents no authentication at all (no security scheme, no requirement naming one): its {{count}} operations ({{examples}}) read as callable by anyone. Define the scheme clients use and require it, or confirm the API is public.',
    },
  },
  defaultOptions: {},
  create(context) {
    let spec: SpecInfo;
    const pending: OperationInfo[] = [];
    /** How many operations require each defined scheme themselves: the fix uses the most common one. */
    const schemeUse = new Map<string, number>();
    let operationCount = 0;
    let namesAScheme = false;
    return {
      document(info) {
        spec = info;
      },
      operation(operation) {
        const security = operation.security;
        operationCount++;
        if (security.requirements.some((requirement) => requirement.schemes.length > 0)) namesAScheme = true;
        if (!security.allowsAnonymous) {
          if (security.level === 'operation') {
            for (const requirement of security.requirements) for (const scheme of requirement.schemes) schemeUse.set(scheme.name, (schemeUse.get(scheme.name) ?? 0) + 1);
          }
          return;
        }
        pending.push(operation);
      },
      onEnd() {
        // A spec that says nothing about authentication anywhere: one finding for the document, not one per operation
        // (measured: GitHub's REST description would get a thousand identical errors).
        if (spec && spec.securitySchemes.size === 0 && !namesAScheme && pending.length > 0) {
          const paths = entryOf(spec.root, 'paths')!;
          const examples = pending.slice(0, 3).map((operation) => operation.label).join(', ') + (pending.length > 3 ? ', …' : '');
          context.report({ messageId: 'noAuthenticationDocumented', node: spec.root, range: paths.keyRange, data: { count: operationCount, examples }, severity: 'warning' });
          return;
        }
        const scheme = pending.length > 0 ? schemeForFix(spec, schemeUse) : undefined;
        for (const operation of pending) {
          const { messageId, data, reason } = caseOf(spec, operation);
          const fix = scheme !== undefined ? securityFix(operation, scheme, context) : undefined;
          // Public-by-design operations may well need no credentials: the fix is there, never preferred.
          if (fix && reason !== undefined) fix.isPreferred = false;
          context.report({ messageId, node: operation.pathItem, range: operation.methodKeyRange, data, severity: reason !== undefined ? 'info' : undefined, fixes: fix ? [fix] : [] });
        }
      },
    };
  },
});

/** Which case the operation is (no security, `[]`, `{}`; own or inherited), and why it is public by design if it is. */
function caseOf(spec: SpecInfo, operation: OperationInfo): { messageId: MessageId; data: Record<string, string>; reason: string | undefined } {
  const security = operation.security;
  const where = security.level === 'root' ? ' (inherited from the root)' : '';
  const messageId: MessageId = security.level === 'none' ? 'noSecurity' : security.requirements.length === 0 ? 'emptySecurity' : 'anonymousAllowed';
  const reason = publicReason(spec, operation);
  if (reason === undefined) return { messageId, data: { operation: operation.label, where }, reason };
  const openness = messageId === 'noSecurity' ? 'no security requirement' : messageId === 'emptySecurity' ? `\`security: []\`${where}` : `an anonymous \`{}\` requirement${where}`;
  return { messageId: 'publicByDesign', data: { operation: operation.label, openness, reason }, reason };
}

/** The defined scheme the root requires, else the one most operations require, else the first one defined. */
function schemeForFix(spec: SpecInfo, schemeUse: ReadonlyMap<string, number>): string | undefined {
  for (const requirement of spec.rootRequirements) {
    const defined = requirement.schemes.find((scheme) => spec.securitySchemes.has(scheme.name));
    if (defined) return defined.name;
  }
  let best: string | undefined;
  for (const [name, count] of schemeUse) if (spec.securitySchemes.has(name) && (best === undefined || count > schemeUse.get(best)!)) best = name;
  return best ?? spec.securitySchemes.keys().next().value;
}

/**
 * Requires `scheme` on the operation: adds `security` when it has none (before `responses`), fills `security: []`
 * or a lone `{}`, and removes an anonymous `{}` offered beside real requirements.
 */
function securityFix(operation: OperationInfo, scheme: string, context: SpecRuleContext): RuleFix | undefined {
  const requirement = { [scheme]: [] };
  const title = `Require "${scheme}" on ${operation.label}`;
  const own = entryOf(operation.node, 'security');
  let edit: RuleEdit | undefined;
  if (!own) {
    edit = insertEntry(operation.node, 'security', [requirement], entryOf(operation.node, 'responses') ? { before: 'responses' } : 'last');
  } else {
    const list = context.resolve(own.value);
    if (!isSeq(list)) return undefined;
    if (list.items.length === 0) {
      edit = appendItem(list, requirement);
    } else {
      const anonymous = list.items.findIndex((item) => isMap(item) && item.entries.length === 0);
      if (anonymous < 0) return undefined;
      if (list.items.length > 1) {
        const removal = removeItem(list, anonymous);
        return removal ? { title: 'Remove the anonymous requirement `{}`', edits: [removal], isPreferred: true, safeForFixAll: false } : undefined;
      }
      edit = insertEntry(list.items[anonymous] as SpecMap, scheme, []);
    }
  }
  return edit ? { title, edits: [edit], isPreferred: true, safeForFixAll: false } : undefined;
}

/** Why the operation is public by design, trying the path with each base path and alone (prefixes are skipped). */
function publicReason(spec: SpecInfo, operation: OperationInfo): string | undefined {
  for (const basePath of new Set([...spec.basePaths, ''])) {
    const fullPath = `${basePath}${operation.path}`;
    const reason = publicReasonForPath(operation.method, fullPath) ?? publicSpecOperationReason(operation.method, fullPath);
    if (reason !== undefined) return reason;
  }
  return undefined;
}
