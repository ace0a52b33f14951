// OWASP API Security Top 10 (2023): each item with the rules whose findings belong to it, for the reports' grouping.
// Every rule id is listed under exactly one item or in UNMAPPED_FINDING_IDS with why; a test holds this list and
// the rules' `meta.owaspApi` to each other, so a new rule cannot be left out of the report's OWASP summary.
// URLs are written as text: the reports link to them, nothing here fetches them.

export interface OwaspApiItem {
  /** `API1:2023`: what SARIF tags and the JSON report use. */
  id: string;
  title: string;
  url: string;
  ruleIds: readonly string[];
}

const EDITION = 'https://owasp.org/API-Security/editions/2023/en/';

export const OWASP_API_TOP_10: readonly OwaspApiItem[] = [
  {
    id: 'API1:2023',
    title: 'Broken Object Level Authorization',
    url: `${EDITION}0xa1-broken-object-level-authorization/`,
    ruleIds: ['spec/numeric-id-in-path'],
  },
  {
    id: 'API2:2023',
    title: 'Broken Authentication',
    url: `${EDITION}0xa2-broken-authentication/`,
    ruleIds: ['missing-auth', 'spec/auth-mismatch', 'spec/api-key-in-query', 'spec/basic-auth', 'spec/operation-without-security', 'spec/undefined-security-scheme'],
  },
  {
    id: 'API3:2023',
    title: 'Broken Object Property Level Authorization',
    url: `${EDITION}0xa3-broken-object-property-level-authorization/`,
    ruleIds: ['mass-assignment', 'full-record-response', 'spec/open-request-schema', 'spec/sensitive-field-in-response', 'spec/writable-server-field'],
  },
  {
    id: 'API4:2023',
    title: 'Unrestricted Resource Consumption',
    url: `${EDITION}0xa4-unrestricted-resource-consumption/`,
    ruleIds: ['spec/graphql-unbounded', 'spec/missing-rate-limit-response', 'spec/unbounded-array', 'spec/unbounded-number', 'spec/unbounded-string'],
  },
  { id: 'API5:2023', title: 'Broken Function Level Authorization', url: `${EDITION}0xa5-broken-function-level-authorization/`, ruleIds: [] },
  { id: 'API6:2023', title: 'Unrestricted Access to Sensitive Business Flows', url: `${EDITION}0xa6-unrestricted-access-to-sensitive-business-flows/`, ruleIds: [] },
  { id: 'API7:2023', title: 'Server Side Request Forgery', url: `${EDITION}0xa7-server-side-request-forgery/`, ruleIds: [] },
  {
    id: 'API8:2023',
    title: 'Security Misconfiguration',
    url: `${EDITION}0xa8-security-misconfiguration/`,
    // Injection has no item of its own in the 2023 edition; its text lists it under misconfiguration.
    ruleIds: ['hardcoded-secret', 'unparameterized-query', 'spec/insecure-server-url', 'spec/missing-auth-error-response', 'spec/secret-in-example'],
  },
  {
    id: 'API9:2023',
    title: 'Improper Inventory Management',
    url: `${EDITION}0xa9-improper-inventory-management/`,
    ruleIds: ['spec/undocumented-route', 'spec/unimplemented-operation'],
  },
  { id: 'API10:2023', title: 'Unsafe Consumption of APIs', url: `${EDITION}0xaa-unsafe-consumption-of-apis/`, ruleIds: [] },
];

/** Finding ids that belong to no item, and why. */
export const UNMAPPED_FINDING_IDS: Readonly<Record<string, string>> = {
  'internal-error': 'engine notice: a rule failed on a file',
  'unused-suppression': 'engine notice about a comment',
  'suppression-without-reason': 'engine notice about a comment',
  'too-many-findings': 'engine notice: findings were capped',
  'invalid-spec': 'engine notice: a spec could not be read',
};

const ITEM_BY_RULE = new Map(OWASP_API_TOP_10.flatMap((item) => item.ruleIds.map((ruleId) => [ruleId, item] as const)));
const ITEM_BY_ID = new Map(OWASP_API_TOP_10.map((item) => [item.id, item]));

/**
 * The item of a finding's rule: from the table, else from the rule's own `owaspApi` ('API8:2023 Security
 * Misconfiguration', for rules this table does not list, such as a test's); undefined for engine notices.
 */
export function owaspItemFor(ruleId: string, owaspApi?: string): OwaspApiItem | undefined {
  if (ruleId in UNMAPPED_FINDING_IDS) return undefined;
  return ITEM_BY_RULE.get(ruleId) ?? (owaspApi ? ITEM_BY_ID.get(owaspApi.split(' ')[0]!) : undefined);
}
