// Terminal output: one line per finding, `path:line:col  severity  rule-id  message` (1-based, clickable in most
// terminals and editors), sorted by file and position; then skipped files; then the summary line.
import type { Severity } from '../../rules/support/rule';
import { reportFindings, skippedFiles, summarize, summaryLine, type ReportInput } from './model';

export interface TextOptions {
  /** ANSI colors; the CLI turns them on only for a TTY without NO_COLOR. */
  color: boolean;
}

const ANSI = { reset: '\u001b[0m', bold: '\u001b[1m', dim: '\u001b[2m', red: '\u001b[31m', yellow: '\u001b[33m', blue: '\u001b[34m', cyan: '\u001b[36m' };
const SEVERITY_COLOR: Record<Severity, string> = { error: ANSI.red, warning: ANSI.yellow, info: ANSI.blue, hint: ANSI.dim };

export function formatText(input: ReportInput, options: TextOptions): string {
  const paint = (code: string, text: string) => (options.color ? `${code}${text}${ANSI.reset}` : text);
  const findings = reportFindings(input);
  const lines: string[] = [];
  for (const finding of findings) {
    const location = `${finding.relativePath}:${finding.range.start.line + 1}:${finding.range.start.character + 1}`;
    const severity = paint(SEVERITY_COLOR[finding.severity], finding.severity.padEnd(7));
    lines.push(`${location}  ${severity}  ${paint(ANSI.dim, finding.ruleId)}  ${singleLine(finding.message)}`);
  }
  for (const skipped of skippedFiles(input)) {
    lines.push(`${skipped.relativePath}  ${paint(ANSI.dim, singleLine(skipped.reason))}`);
  }
  const summary = summarize(input, findings);
  if (lines.length > 0) lines.push('');
  const color = summary.counts.error > 0 ? ANSI.red : summary.counts.warning > 0 ? ANSI.yellow : ANSI.cyan;
  lines.push(paint(ANSI.bold + color, summaryLine(summary)));
  return lines.join('\n') + '\n';
}

/** Messages quote source code; a newline or escape sequence in one must not forge extra report lines. */
function singleLine(text: string): string {
  return text.replace(/[\u0000-\u001f\u007f-\u009f\u2028\u2029]+/g, ' ');
}
