// spec/missing-auth-error-response: a secured operation that documents no authentication failure (401, 403 or
// 4XX). Clients and generated SDKs then have no contract for an expired or missing credential, and contract tests
// built from the spec never check that the operation rejects callers. A bare `default` response does not count:
// it says "some error", not that the operation checks who calls it. A response without `content` documents it.
import type { RuleFix } from '../support/rule';
import { defineSpecRule, type SpecInfo } from '../support/spec-rule';
import { addResponsesEdits, documentedStatuses, planResponsesFix, responsesTarget, type ResponsesFixPlan, type WantedResponse } from '../support/spec-responses';

type MessageId = 'missingAuthError' | 'onlyDefault';

/** Statuses that document an authentication or authorization failure. */
const AUTH_ERROR_STATUSES = ['401', '403', '4XX'];

/** What the fix adds: the spec's own components when their name or description says so (`Unauthorized`, `Error401`). */
const AUTH_ERROR_RESPONSES: readonly WantedResponse[] = [
  { status: '401', name: 'Unauthorized', description: 'Unauthorized', matches: /unauthori[sz]ed|unauthenticated|not authenticated|(^|\D)401(\D|$)/i },
  { status: '403', name: 'Forbidden', description: 'Forbidden', matches: /forbidden|permission denied|access denied|(^|\D)403(\D|$)/i },
];

export const missingAuthErrorResponse = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/missing-auth-error-response',
    description: 'Secured operations that document no 401, 403 or 4XX response.',
    category: 'spec',
    defaultSeverity: 'warning',
    confidence: 'high',
    cwe: ['CWE-1059'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      missingAuthError: '{{operation}} requires authentication but documents no 401, 403 or 4XX response: clients have no contract for a rejected credential, and tests built from the spec never check the rejection.',
      onlyDefault: '{{operation}} requires authentication but documents a rejected credential only through `default`: say which status a missing or expired credential gets (401) and a refused one (403).',
    },
  },
  defaultOptions: {},
  create(context) {
    let spec: SpecInfo;
    let plan: ResponsesFixPlan | undefined | null = null;
    // Worked out once, at the first finding: which components the fix references or creates. A fix that creates
    // components is not for "fix all": every operation's fix would create them again.
    const planned = () => (plan === null ? (plan = planResponsesFix(spec, AUTH_ERROR_RESPONSES, context)) : plan);
    return {
      document(info) {
        spec = info;
      },
      operation(operation) {
        if (operation.security.allowsAnonymous) return;
        const statuses = documentedStatuses(operation);
        if (AUTH_ERROR_STATUSES.some((status) => statuses.has(status))) return;
        // A `default` response documents an error shape, just not this one: a lower tier.
        const onlyDefault = statuses.has('DEFAULT');
        const fixPlan = planned();
        const edits = fixPlan && addResponsesEdits(fixPlan, operation);
        const fixes: RuleFix[] = edits ? [{ title: 'Add 401 and 403 responses', edits, isPreferred: true, safeForFixAll: !fixPlan!.componentEdit }] : [];
        context.report({
          messageId: onlyDefault ? 'onlyDefault' : 'missingAuthError',
          ...responsesTarget(operation),
          data: { operation: operation.label },
          severity: onlyDefault ? 'info' : undefined,
          fixes,
        });
      },
    };
  },
});
