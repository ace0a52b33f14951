// spec/undefined-security-scheme: a security requirement naming a scheme the document does not define. Tools and
// gateways that read the spec then enforce nothing (or refuse the spec), and readers cannot tell how the operation
// is meant to be protected. Fix: use the defined scheme of the same name in another case, or the only one defined.
import { defineSpecRule, type SecurityRequirement, type SpecInfo, type SpecRuleContext } from '../support/spec-rule';
import type { RuleFix } from '../support/rule';
import { renameKey } from '../support/spec-edits';

type MessageId = 'undefinedScheme';

export const undefinedSecurityScheme = defineSpecRule<Record<string, never>, MessageId>({
  meta: {
    id: 'spec/undefined-security-scheme',
    description: 'Security requirements that name a scheme the spec does not define.',
    category: 'spec',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: ['CWE-1059'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['openapi'],
    requiresTypes: false,
    fixable: true,
    messages: {
      undefinedScheme: 'Security scheme "{{name}}" is not defined in {{definedIn}}{{known}}: nothing says how {{where}} is authenticated.',
    },
  },
  defaultOptions: {},
  create(context) {
    let spec: SpecInfo;
    return {
      document(info) {
        spec = info;
        for (const requirement of info.rootRequirements) check(context, spec, requirement, 'the API');
      },
      operation(operation) {
        // Root requirements are checked once, at the root; an operation's own list here.
        if (operation.security.level !== 'operation') return;
        for (const requirement of operation.security.requirements) check(context, spec, requirement, operation.label);
      },
    };
  },
});

function check(context: SpecRuleContext, spec: SpecInfo, requirement: SecurityRequirement, where: string): void {
  const defined = [...spec.securitySchemes.keys()];
  for (const scheme of requirement.schemes) {
    if (spec.securitySchemes.has(scheme.name)) continue;
    const replacement = defined.find((name) => name.toLowerCase() === scheme.name.toLowerCase()) ?? (defined.length === 1 ? defined[0] : undefined);
    const fixes: RuleFix[] = [];
    const entry = requirement.node.kind === 'map' ? requirement.node.entries.find((candidate) => candidate.keyRange === scheme.keyRange) : undefined;
    if (replacement !== undefined && entry && requirement.node.kind === 'map') {
      fixes.push({ title: `Use the defined scheme "${replacement}"`, edits: [renameKey(requirement.node, entry, replacement)], isPreferred: true, safeForFixAll: false });
    }
    context.report({
      messageId: 'undefinedScheme',
      node: requirement.node,
      range: scheme.keyRange,
      data: {
        name: scheme.name,
        definedIn: spec.version === '2.0' ? 'securityDefinitions' : 'components.securitySchemes',
        known: defined.length > 0 ? ` (defined: ${defined.join(', ')})` : ' (none are defined)',
        where,
      },
      fixes,
    });
  }
}
