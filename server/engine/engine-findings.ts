// Findings the engine itself produces (not a rule in rules/): they still need ids, docs and SARIF metadata.
import type { RuleMeta } from '../../rules/support/rule';

function engineMeta(id: string, description: string, message: string, severity: RuleMeta['defaultSeverity']): RuleMeta {
  return {
    id,
    description,
    category: 'engine',
    defaultSeverity: severity,
    confidence: 'high',
    cwe: [],
    owaspApi: '',
    frameworks: [],
    requiresTypes: false,
    fixable: false,
    messages: { default: message },
  };
}

export const INTERNAL_ERROR = engineMeta(
  'internal-error',
  'A rule failed on this file; the other rules still ran.',
  'API Guard rule "{{ruleId}}" failed on this file and was skipped: {{error}}',
  'warning',
);

export const UNUSED_SUPPRESSION = engineMeta(
  'unused-suppression',
  'An apiguard-ignore comment that no longer suppresses anything.',
  'Unused suppression: no "{{ruleId}}" finding on line {{line}}. Remove the comment.',
  'warning',
);

export const SUPPRESSION_WITHOUT_REASON = engineMeta(
  'suppression-without-reason',
  'An apiguard-ignore comment without a "-- reason".',
  'Say why this finding is suppressed: write the reason after "--" in the comment.',
  'hint',
);

export const TOO_MANY_FINDINGS = engineMeta(
  'too-many-findings',
  'This file has more findings than "maxFindingsPerFile"; the most severe are shown.',
  '{{hidden}} more findings in this file are not shown (limit {{limit}}); fix or suppress some, or raise "maxFindingsPerFile" in apiguard.json.',
  'warning',
);

export const INVALID_SPEC = engineMeta(
  'invalid-spec',
  'An OpenAPI/Swagger document that cannot be read: YAML/JSON syntax, an unsupported version, an alias bomb.',
  'This OpenAPI document was not analysed: {{reason}}',
  'error',
);

export const ENGINE_FINDING_METAS: readonly RuleMeta[] = [INTERNAL_ERROR, UNUSED_SUPPRESSION, SUPPRESSION_WITHOUT_REASON, TOO_MANY_FINDINGS, INVALID_SPEC];

/** An engine finding's doc page relative to docs/. */
export function engineDocsPage(id: string): string {
  return `engine/${id}.md`;
}
