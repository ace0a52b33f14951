// spec/missing-rate-limit-response: an operation whose responses say nothing of rate limiting — no 429 (or 4XX)
// response and no rate-limit header (`RateLimit-*`, `X-RateLimit-*`, `Retry-After`) on any response. Without
// limits a client can brute-force, scrape or exhaust the API (OWASP API4); without the contract, well-behaved clients
// cannot back off. One finding per operation, at its `responses` key. Information when at least half the operations
// document rate limiting (this one was likely forgotten); a hint otherwise (measured: most public specs never write
// it down, or only on a few operations, because a gateway limits them; every operation would say the same thing).
import type { RuleFix } from '../support/rule';
import { defineSpecRule, type OperationInfo, type SpecInfo, type SpecRuleContext } from '../support/spec-rule';
import { addResponsesEdits, documentedStatuses, planResponsesFix, responsesTarget, type ResponsesFixPlan, type WantedResponse } from '../support/spec-responses';
import { isMap, valueOf } from '../support/spec-tree';

type MessageId = 'missingRateLimit';

/** `RateLimit`, `RateLimit-Policy`, `X-RateLimit-Remaining`, `X-Rate-Limit-Reset`, `Retry-After`. */
const RATE_LIMIT_HEADER = /^(x-)?rate-?limit(-|$)|^retry-after$/i;

/** What the fix adds: the spec's own component when its name or description says so. */
const TOO_MANY_REQUESTS: WantedResponse = { status: '429', name: 'TooManyRequests', description: 'Too Many Requests', matches: /too ?many ?requests|rate.?limit|throttl|(^|\D)429(\D|$)/i };

export const missingRateLimitResponse = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/missing-rate-limit-response',
    description: 'Operations that document no 429 (or 4XX) response and no rate-limit headers.',
    category: 'spec',
    defaultSeverity: 'info',
    confidence: 'low',
    cwe: ['CWE-770'],
    owaspApi: 'API4:2023 Unrestricted Resource Consumption',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      missingRateLimit: '{{operation}} documents no rate limiting (no 429 or 4XX response, no RateLimit or Retry-After header): say how clients are limited, or limit them.',
    },
  },
  defaultOptions: {},
  create(context) {
    const undocumented: OperationInfo[] = [];
    let documentedCount = 0;
    let spec: SpecInfo;
    let plan: ResponsesFixPlan | undefined | null = null;
    // Worked out once, at the first finding: which components the fix references or creates. A fix that creates
    // components is not for "fix all": every operation's fix would create them again.
    const planned = () => (plan === null ? (plan = planResponsesFix(spec, [TOO_MANY_REQUESTS], context)) : plan);
    return {
      document(info) {
        spec = info;
      },
      operation(operation) {
        const statuses = documentedStatuses(operation);
        if (statuses.has('429') || statuses.has('4XX') || hasRateLimitHeader(operation, context)) documentedCount++;
        else undocumented.push(operation);
      },
      onEnd() {
        const usual = documentedCount >= undocumented.length;
        for (const operation of undocumented) {
          const fixPlan = planned();
          const edits = fixPlan && addResponsesEdits(fixPlan, operation);
          const fixes: RuleFix[] = edits ? [{ title: 'Add a 429 response', edits, isPreferred: true, safeForFixAll: !fixPlan!.componentEdit }] : [];
          context.report({ messageId: 'missingRateLimit', ...responsesTarget(operation), data: { operation: operation.label }, severity: usual ? undefined : 'hint', fixes });
        }
      },
    };
  },
});

function hasRateLimitHeader(operation: OperationInfo, context: SpecRuleContext): boolean {
  for (const entry of operation.responses?.entries ?? []) {
    if (entry.key.startsWith('x-')) continue;
    const headers = context.resolve(valueOf(context.resolve(entry.value), 'headers'));
    if (isMap(headers) && headers.entries.some((header) => RATE_LIMIT_HEADER.test(header.key))) return true;
  }
  return false;
}
