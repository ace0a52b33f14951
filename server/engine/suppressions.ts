// Inline suppressions shared by the editor and the CLI:
//   // apiguard-ignore-next-line <rule-id>[, <rule-id>…] -- <reason>
//   <code> // apiguard-ignore <rule-id>[, <rule-id>…] -- <reason>
// Only real comments count (found with TypeScript's scanner), so the marker inside a string does nothing.
import * as ts from 'typescript';
import { LineIndex } from './line-index';

export const SUPPRESSION_MARKER = 'apiguard-ignore';

/**
 * The reason "Ignore on this line" writes for the user to replace. Until they do, the suppression counts as having
 * no reason: it suppresses, and the hint asking for a reason stays.
 */
export const SUPPRESSION_REASON_PLACEHOLDER = 'TODO: say why this is safe';

export interface Suppression {
  /** 0-based line the suppression applies to. */
  targetLine: number;
  ruleIds: string[];
  reason: string | undefined;
  /** Offsets of the comment, for diagnostics about the suppression itself. */
  commentStart: number;
  commentEnd: number;
  used: boolean;
}

const SUPPRESSION_PATTERN = /^(?:\/\/|\/\*)\s*apiguard-ignore(-next-line)?\s+([a-z0-9\-/,\s]+?)\s*(?:--\s*(.*?))?\s*(?:\*\/)?$/;

export function findSuppressions(sourceFile: ts.SourceFile): Suppression[] {
  const text = sourceFile.text;
  // Cheap guard: almost every file has no suppression, and then we skip the scan entirely.
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const suppressions: Suppression[] = [];
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, /* skipTrivia */ false, sourceFile.languageVariant, text);
  for (let token = scanner.scan(); token !== ts.SyntaxKind.EndOfFileToken; token = scanner.scan()) {
    if (token !== ts.SyntaxKind.SingleLineCommentTrivia && token !== ts.SyntaxKind.MultiLineCommentTrivia) continue;
    const commentText = scanner.getTokenText();
    if (!commentText.includes(SUPPRESSION_MARKER)) continue;
    const match = SUPPRESSION_PATTERN.exec(commentText.trim());
    if (!match) continue;
    const start = scanner.getTokenStart();
    // A context-free scan loses track inside template literals (`${a}// …`); the tree knows better.
    if (isInsideLiteral(sourceFile, start)) continue;
    // The line the editor shows (LSP's), which is also the line findings are matched on.
    const line = LineIndex.forSourceFile(sourceFile).positionAt(start).line;
    const ruleIds = match[2]!.split(/[\s,]+/).filter(Boolean);
    const givenReason = match[3]?.trim();
    const reason = givenReason && givenReason !== SUPPRESSION_REASON_PLACEHOLDER ? givenReason : undefined;
    suppressions.push({
      targetLine: match[1] ? line + 1 : line,
      ruleIds,
      reason,
      commentStart: start,
      commentEnd: scanner.getTokenEnd(),
      used: false,
    });
  }
  return suppressions;
}

/** Marks and returns the suppression that covers a finding of `ruleId` starting on `line`, if any. */
export function matchSuppression(suppressions: Suppression[], ruleId: string, line: number): Suppression | undefined {
  for (const suppression of suppressions) {
    if (suppression.targetLine === line && suppression.ruleIds.includes(ruleId)) {
      suppression.used = true;
      return suppression;
    }
  }
  return undefined;
}

function isInsideLiteral(sourceFile: ts.SourceFile, offset: number): boolean {
  let node: ts.Node = sourceFile;
  for (;;) {
    const child: ts.Node | undefined = node.forEachChild((c) => (c.pos <= offset && offset < c.end ? c : undefined));
    if (!child) return false;
    if (ts.isStringLiteralLike(child) || ts.isTemplateLiteralToken(child) || ts.isRegularExpressionLiteral(child) || ts.isJsxText(child)) {
      return offset >= child.getStart(sourceFile);
    }
    node = child;
  }
}

const HASH_COMMENT_SUPPRESSION_PATTERN = /^#\s*apiguard-ignore(-next-line)?\s+([a-z0-9\-/,\s]+?)\s*(?:--\s*(.*?))?\s*$/;

/**
 * Suppressions in YAML comments (`# apiguard-ignore-next-line spec/… -- reason`, or at the end of a line). A `#`
 * starts a comment at the start of a line or after whitespace, outside quotes, as YAML has it.
 */
export function findHashCommentSuppressions(text: string): Suppression[] {
  if (!text.includes(SUPPRESSION_MARKER)) return [];
  const suppressions: Suppression[] = [];
  const lines = LineIndex.of(text);
  let searchFrom = 0;
  for (;;) {
    const markerAt = text.indexOf(SUPPRESSION_MARKER, searchFrom);
    if (markerAt === -1) break;
    searchFrom = markerAt + SUPPRESSION_MARKER.length;
    const line = lines.positionAt(markerAt).line;
    const lineStart = lines.offsetAt({ line, character: 0 });
    const lineEnd = lines.offsetAt({ line: line + 1, character: 0 });
    const lineText = text.slice(lineStart, lineEnd).replace(/\r?\n$|\r$/, '');
    const hash = commentStartIn(lineText);
    if (hash === -1 || lineStart + hash > markerAt) continue;
    const commentText = lineText.slice(hash).trim();
    const match = HASH_COMMENT_SUPPRESSION_PATTERN.exec(commentText);
    if (!match) continue;
    const givenReason = match[3]?.trim();
    suppressions.push({
      targetLine: match[1] ? line + 1 : line,
      ruleIds: match[2]!.split(/[\s,]+/).filter(Boolean),
      reason: givenReason && givenReason !== SUPPRESSION_REASON_PLACEHOLDER ? givenReason : undefined,
      commentStart: lineStart + hash,
      commentEnd: lineStart + lineText.length,
      used: false,
    });
  }
  return suppressions;
}

/** Where a YAML comment starts on a line, or -1. */
function commentStartIn(line: string): number {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const char = line[i]!;
    if (quote) {
      if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'") {
      quote = char;
    } else if (char === '#' && (i === 0 || line[i - 1] === ' ' || line[i - 1] === '\t')) {
      return i;
    }
  }
  return -1;
}
