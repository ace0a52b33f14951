// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. `ruleId` is the rule id; every rule the tool
// has is listed (with its doc page as help text, tags, CWE and GitHub's `security-severity`) so viewers can show
// rule help even for rules without results. `helpUri` only when a public docs URL is configured: a `file:` URI of
// the machine that ran the scan means nothing where the log is read. Fixes are left out on purpose: their edits
// may carry a secret's value.
import type * as Sarif from 'sarif';
import { pathToFileURL } from 'node:url';
import type { RuleMeta, Severity } from '../../rules/support/rule';
import { docsPagePath, publicDocsBaseUrl, publicHelpUrlFor } from '../engine/docs-links';
import { docPageText } from './doc-pages';
import { describeIgnoredBy, ignoredFiles, reportFindings, skippedFiles, type ReportInput } from './model';

export const SARIF_SCHEMA_URI = 'https://json.schemastore.org/sarif-2.1.0.json';
export const SRCROOT = '%SRCROOT%';
export const FINGERPRINT_KEY = 'apiguardFindingHash/v1';
/** GitHub code scanning keeps at most this many results per run (and at most 20 tags per rule). */
export const GITHUB_MAX_RESULTS_PER_RUN = 25_000;

const LEVEL: Record<Severity, Sarif.ReportingConfiguration.level> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function buildSarifLog(input: ReportInput): Sarif.Log {
  const ruleIndex = new Map(input.rules.map((meta, index) => [meta.id, index]));
  const findings = capForGitHub(reportFindings(input));
  const results: Sarif.Result[] = findings.map((finding) => {
    const result: Sarif.Result = {
      ruleId: finding.ruleId,
      level: LEVEL[finding.severity],
      message: { text: finding.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: { uri: encodeUriPath(finding.relativePath), uriBaseId: SRCROOT },
            region: {
              startLine: finding.range.start.line + 1,
              startColumn: finding.range.start.character + 1,
              endLine: finding.range.end.line + 1,
              endColumn: finding.range.end.character + 1,
            },
          },
        },
      ],
      partialFingerprints: { [FINGERPRINT_KEY]: finding.fingerprint },
    };
    const index = ruleIndex.get(finding.ruleId);
    if (index !== undefined) result.ruleIndex = index;
    return result;
  });

  const notifications: Sarif.Notification[] = skippedFiles(input).map((skipped) => ({
    level: 'warning',
    message: { text: `${skipped.relativePath}: ${skipped.reason}` },
    descriptor: { id: 'file-skipped' },
    locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(skipped.relativePath), uriBaseId: SRCROOT } } }],
  }));
  for (const ignored of ignoredFiles(input)) {
    notifications.push({
      level: 'note',
      message: { text: `${ignored.relativePath}: ignored by ${describeIgnoredBy(ignored.by)} (--no-ignore scans it)` },
      descriptor: { id: 'file-ignored' },
      locations: [{ physicalLocation: { artifactLocation: { uri: encodeUriPath(ignored.relativePath), uriBaseId: SRCROOT } } }],
    });
  }

  const run: Sarif.Run = {
    tool: {
      driver: {
        name: input.tool.name,
        version: input.tool.version,
        semanticVersion: input.tool.version,
        ...(publicDocsBaseUrl() ? { informationUri: publicDocsBaseUrl() } : {}),
        rules: input.rules.map(toReportingDescriptor),
      },
    },
    originalUriBaseIds: { [SRCROOT]: { uri: pathToFileURL(input.scan.root).href.replace(/\/?$/, '/') } },
    invocations: [{ executionSuccessful: true, toolExecutionNotifications: notifications }],
    results,
    columnKind: 'utf16CodeUnits',
  };
  return { $schema: SARIF_SCHEMA_URI, version: '2.1.0', runs: [run] };
}

export function formatSarif(input: ReportInput): string {
  return JSON.stringify(buildSarifLog(input), null, 2) + '\n';
}

function toReportingDescriptor(meta: RuleMeta): Sarif.ReportingDescriptor {
  const isSecurityRule = meta.category !== 'engine';
  const tags = isSecurityRule
    ? ['security', meta.category, ...meta.cwe, ...meta.cwe.map((cwe) => `external/cwe/${cwe.toLowerCase()}`)]
    : ['apiguard-engine'];
  if (meta.owaspApi) tags.push(meta.owaspApi.split(' ')[0]!);
  const helpUri = publicHelpUrlFor(meta.id);
  const details = [meta.description];
  if (meta.cwe.length > 0) details.push(`Weakness: ${meta.cwe.join(', ')}.`);
  if (meta.owaspApi) details.push(`OWASP API Security Top 10: ${meta.owaspApi}.`);
  const properties: Sarif.PropertyBag = { tags: tags.slice(0, 20), precision: PRECISION[meta.confidence] };
  if (isSecurityRule) properties['security-severity'] = securitySeverity(meta);
  return {
    id: meta.id,
    name: pascalCase(meta.id),
    shortDescription: { text: meta.description },
    fullDescription: { text: details.join(' ') },
    help: helpFor(meta.id, details.join(' '), helpUri),
    ...(helpUri ? { helpUri } : {}),
    defaultConfiguration: { level: LEVEL[meta.defaultSeverity] },
    properties,
  };
}

/** The rule's doc page (Markdown as written, and as plain text); the one-line details when it has none. */
function helpFor(ruleId: string, details: string, helpUri: string | undefined): Sarif.MultiformatMessageString {
  const page = docPageText(docsPagePath(ruleId));
  if (page === undefined) return helpUri ? { text: `${details} See ${helpUri}`, markdown: `${details} [Rule documentation](${helpUri})` } : { text: details, markdown: details };
  const markdown = withResolvedLinks(page.trimEnd(), helpUri);
  return { text: markdownToText(markdown), markdown };
}

const MARKDOWN_LINK = /(!?)\[([^\]\n]*)\]\(([^)\s]+)\)/g;
const FENCE = /^\s*(```|~~~)/;

/**
 * Links relative to the page (`../../rules/data/sql-sinks.ts`) resolve against its public URL; without one there
 * is nowhere they lead from a SARIF viewer, so only their text stays.
 */
function withResolvedLinks(markdown: string, pageUrl: string | undefined): string {
  return outsideCodeBlocks(markdown, (line) =>
    line.replace(MARKDOWN_LINK, (whole, image: string, text: string, target: string) => {
      if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('#')) return whole;
      return pageUrl ? `${image}[${text}](${new URL(target, pageUrl).href})` : text;
    }),
  );
}

/** Plain text for viewers without Markdown: heading marks, fences and bold dropped, links as `text (url)`. */
function markdownToText(markdown: string): string {
  const text = outsideCodeBlocks(markdown, (line) =>
    line
      .replace(/^#{1,6}\s+/, '')
      .replace(MARKDOWN_LINK, (_whole, _image: string, label: string, target: string) => `${label} (${target})`)
      .replace(/\*\*([^*\n]+)\*\*/g, '$1'),
  );
  return text
    .split('\n')
    .filter((line) => !FENCE.test(line))
    .join('\n');
}

/** Applies `rewrite` to the lines outside fenced code blocks (code is shown as written). */
function outsideCodeBlocks(markdown: string, rewrite: (line: string) => string): string {
  let inCode = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (FENCE.test(line)) {
        inCode = !inCode;
        return line;
      }
      return inCode ? line : rewrite(line);
    })
    .join('\n');
}

const PRECISION: Record<RuleMeta['confidence'], string> = { high: 'high', medium: 'medium', low: 'low' };

/**
 * GitHub's scale: 9.0+ critical, 7.0–8.9 high, 4.0–6.9 medium, below low. Derived from the default severity and
 * lowered a step for rules that are less sure of themselves.
 */
function securitySeverity(meta: RuleMeta): string {
  const base = { error: 8.0, warning: 5.5, info: 3.0, hint: 1.0 }[meta.defaultSeverity];
  const adjusted = base - (meta.confidence === 'low' ? 1.5 : meta.confidence === 'medium' ? 0.5 : 0);
  return adjusted.toFixed(1);
}

/** Past GitHub's per-run cap, keep the most severe findings (in file order) rather than the first ones. */
function capForGitHub<T extends { severity: Severity }>(findings: T[]): T[] {
  if (findings.length <= GITHUB_MAX_RESULTS_PER_RUN) return findings;
  const kept = new Set(
    findings
      .map((finding, order) => ({ finding, order }))
      .sort((a, b) => severityRank(b.finding.severity) - severityRank(a.finding.severity) || a.order - b.order)
      .slice(0, GITHUB_MAX_RESULTS_PER_RUN)
      .map(({ finding }) => finding),
  );
  return findings.filter((finding) => kept.has(finding));
}

function severityRank(severity: Severity): number {
  return { error: 3, warning: 2, info: 1, hint: 0 }[severity];
}

function pascalCase(id: string): string {
  return id
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((part) => part[0]!.toUpperCase() + part.slice(1))
    .join('');
}

/** Relative URI reference: each segment percent-encoded (spaces, `#`, `%`…), slashes kept. */
function encodeUriPath(relativePath: string): string {
  return relativePath.split('/').map(encodeURIComponent).join('/');
}
