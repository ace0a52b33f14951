// The rule contract. Rules depend on this file and on TypeScript only: never on LSP, VS Code or the CLI.
import type * as ts from 'typescript';
import type { ApiModel } from './api-model';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Confidence = 'high' | 'medium' | 'low';
export type RuleCategory = 'secrets' | 'injection' | 'authorization' | 'data-exposure' | 'spec' | 'engine';

/**
 * A rule's doc page relative to docs/ (`spec/x` → `rules/spec-x.md`): derived from the id so the two cannot drift
 * apart. Where the page is reached from (a `file:` URI, a public URL) is decided in server/engine/docs-links.ts.
 */
export function docsPageFor(ruleId: string): string {
  return `rules/${ruleId.replace(/\//g, '-')}.md`;
}

export interface RuleMeta<MessageIds extends string = string> {
  /** kebab-case, equal to the file name in rules/ and the doc page name. */
  id: string;
  /** One sentence, shown in reports and SARIF `shortDescription`. */
  description: string;
  category: RuleCategory;
  defaultSeverity: Severity;
  confidence: Confidence;
  /** e.g. ['CWE-798'] */
  cwe: string[];
  /** OWASP API Security Top 10 (2023) item, e.g. 'API2:2023 Broken Authentication'. */
  owaspApi: string;
  /** Frameworks or libraries the rule models; empty when it is framework-agnostic. */
  frameworks: string[];
  /** True when the rule calls `context.getTypeChecker()`; such rules may run after the syntactic ones. */
  requiresTypes: boolean;
  /**
   * True when the rule reads the workspace's API model (`context.getApiModel()`): routes, mounts, middleware across
   * files. Such rules run where the workspace index lives (the background worker, the CLI after indexing).
   */
  requiresApiModel?: boolean;
  /**
   * True when the rule runs without the API model but says more with it (unparameterized-query: request data from
   * other modules). It runs in every pass; where `hasFindingsIn` says the model matters, the CLI's second pass runs
   * it again and its findings there replace those of the first pass (made while the index was incomplete).
   */
  refinedByApiModel?: boolean;
  /** True when findings carry fixes. */
  fixable: boolean;
  /** Message templates; `{{name}}` is replaced from the finding's data. */
  messages: Record<MessageIds, string>;
}

/** A half-open range of UTF-16 offsets into a file's text (TypeScript's and LSP's unit). */
export interface OffsetRange {
  start: number;
  end: number;
}

/**
 * One text change. Without `filePath` it applies to the file being analysed. `start`/`end` are offsets into the
 * target file's current text; for a file that does not exist yet, use 0/0 and the engine creates it.
 */
export interface RuleEdit {
  filePath?: string;
  start: number;
  end: number;
  newText: string;
}

export interface RuleFix {
  title: string;
  edits: RuleEdit[];
  /** Safe to apply together with other fixes without review (used by "fix all"). */
  safeForFixAll?: boolean;
  isPreferred?: boolean;
}

export interface RuleReport<MessageIds extends string = string> {
  messageId: MessageIds;
  /** The node to underline, or an explicit range. */
  node?: ts.Node;
  range?: OffsetRange;
  data?: Record<string, string | number>;
  fixes?: RuleFix[];
  /** Overrides the configured severity for this finding (e.g. a rule's lower tier). Config "off" still wins. */
  severity?: Severity;
}

/** Read-only access to files around the analysed one. Rules never write: they return edits. */
export interface WorkspaceReader {
  /** The project folder the file belongs to (nearest package.json, else the workspace folder). */
  readonly projectRoot: string;
  readFile(filePath: string): string | undefined;
  fileExists(filePath: string): boolean;
  /**
   * The workspace file a module specifier names, written in `fromFile`: relative, or through the nearest
   * tsconfig/jsconfig `paths` and `baseUrl`; undefined for a package or a file outside the workspace.
   */
  resolveModule?(fromFile: string, specifier: string): string | undefined;
}

export interface RuleContext<Options = unknown> {
  readonly ruleId: string;
  readonly filePath: string;
  readonly sourceFile: ts.SourceFile;
  readonly text: string;
  /** Rule options from apiguard.json merged over the rule's defaults. */
  readonly options: Options;
  readonly workspace: WorkspaceReader;
  report(report: RuleReport): void;
  /** The checker of the file's program, built lazily on first call. Only for rules with `requiresTypes`. */
  getTypeChecker(): ts.TypeChecker;
  /**
   * The workspace's API model, with this file's summary as of the text being analysed. Call it in `onEnd` (the
   * file's own summary is made during the walk). Only for rules with `requiresApiModel`; without a workspace
   * index the model is empty and not `complete`.
   */
  getApiModel(): ApiModel;
}

export type NodeVisitor = (node: ts.Node) => void;

/** Visitors keyed by `ts.SyntaxKind`, called during the engine's single walk over the tree; `onEnd` after it. */
export interface RuleVisitors {
  [kind: number]: NodeVisitor | undefined;
  onEnd?: () => void;
}

export interface Rule<Options = unknown, MessageIds extends string = string> {
  meta: RuleMeta<MessageIds>;
  defaultOptions: Options;
  create(context: RuleContext<Options>): RuleVisitors;
  /**
   * Rules with `requiresApiModel` or `refinedByApiModel`: whether the model gives the rule anything (more) to say
   * about this file. The CLI's second pass (after every file is summarised) re-reads only the files some rule wants.
   */
  hasFindingsIn?(model: ApiModel, filePath: string): boolean;
}

/** Identity helper that keeps the option and message types of a rule checked. */
export function defineRule<Options, MessageIds extends string>(rule: Rule<Options, MessageIds>): Rule<Options, MessageIds> {
  return rule;
}
