// What the engine hands to its front ends (language server, CLI, report). Positions are 0-based lines and UTF-16
// characters, exactly LSP's, so the server passes them through and the CLI adds 1 for display.
import type { Severity } from '../../rules/support/rule';

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export interface FileEdit {
  /** Absolute path. */
  filePath: string;
  range: Range;
  newText: string;
  /** The file does not exist yet: create it with `newText`. */
  createFile?: boolean;
  /**
   * For edits to files other than the analysed one: sha256 of the text the range was computed against. Writers
   * refuse the edit when the file's content differs (or, with `createFile`, when the file exists by then).
   */
  baseHash?: string;
}

export interface Fix {
  title: string;
  edits: FileEdit[];
  safeForFixAll: boolean;
  isPreferred: boolean;
}

export interface Finding {
  ruleId: string;
  messageId: string;
  severity: Severity;
  message: string;
  /** Absolute path. */
  filePath: string;
  range: Range;
  fixes: Fix[];
  /** Template data (already redacted where it concerns secrets). */
  data: Record<string, string | number>;
}

export interface FileAnalysis {
  filePath: string;
  findings: Finding[];
  /** Set when the file was not analysed (too large, minified, binary, ignored); the reason is user-facing. */
  skipped?: string;
  /** Rules that threw on this file; each is also a finding with ruleId `internal-error`. */
  ruleErrors: { ruleId: string; error: string }[];
  /**
   * Set when the file is not something the engine analyses, silently: a YAML/JSON file that is not an OpenAPI
   * document. Front ends neither list nor publish anything for it.
   */
  notApplicable?: string;
  /** Other files the analysis read (a spec's cross-file `$ref` targets): a change to one re-analyses this file. */
  dependencies?: string[];
  /** Milliseconds per rule, for benchmarks and the time-budget log. */
  ruleTimings: Record<string, number>;
  lineCount: number;
}

export const SEVERITY_ORDER: Record<Severity, number> = { hint: 0, info: 1, warning: 2, error: 3 };
