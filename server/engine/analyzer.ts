// The one engine behind the language server, the CLI and the report: text in, findings out.
// All enabled rules share a single walk over the TypeScript tree; each rule's visitors run inside their own
// try/catch, so one rule throwing disables only itself on that file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { docsUrlFor, type NodeVisitor, type Rule, type RuleContext, type RuleEdit, type RuleReport, type RuleVisitors, type Severity, type WorkspaceReader } from '../../rules/support/rule';
import { ALL_RULES } from '../../rules';
import { walkPreorder } from '../../rules/support/ast';
import { maskSecrets, maskSecretsInData } from '../../rules/support/secret-text';
import { ConfigResolver, NO_AUTH_SETTINGS, deepestContaining, type ResolvedConfig } from './config';
import { ENGINE_FINDING_METAS, INTERNAL_ERROR, SUPPRESSION_WITHOUT_REASON, TOO_MANY_FINDINGS, UNUSED_SUPPRESSION, engineDocsUrl } from './engine-findings';
import { SEVERITY_ORDER, type FileAnalysis, type FileEdit, type Finding, type Fix, type Position, type Range } from './findings';
import { contentHash } from './edits';
import { LineIndex, countLines } from './line-index';
import { isScriptFile, parseSourceFile, reasonToSkip } from './source-files';
import { findSuppressions, matchSuppression } from './suppressions';
import { TypeInfoProvider } from './type-info';
import { NO_DATA_MODELS, type ApiModel } from '../../rules/support/api-model';
import { SUMMARY_NODE_KINDS, SummaryBuilder } from './api-model/summarize';
import type { WorkspaceIndex } from './api-model/workspace-index';
import { isTestFile } from '../../rules/support/test-files';
import { ModuleAliases } from './api-model/module-aliases';

export const TOO_DEEP_TO_PARSE = 'skipped: nested too deeply to parse (TypeScript\'s parser ran out of stack)';

export interface FileSystemReader {
  readFile(filePath: string): string | undefined;
  fileExists(filePath: string): boolean;
}

/** Reads from disk; the language server wraps it so open documents win over their saved copies. */
export const diskReader: FileSystemReader = {
  readFile(filePath) {
    try {
      return fs.readFileSync(filePath, 'utf8');
    } catch {
      return undefined;
    }
  },
  fileExists: (filePath) => fs.existsSync(filePath),
};

export interface EngineOptions {
  rules?: readonly Rule<any>[];
  /** Folders that bound the search for apiguard.json and package.json (the workspace folders, or the scan root). */
  workspaceRoots?: string[];
  /** An explicit apiguard.json (CLI `--config`) that applies to every file. */
  configPath?: string;
  reader?: FileSystemReader;
  /** Keep analysing with the last valid apiguard.json while it is invalid (the editor); the CLI stops instead. */
  keepLastValidConfig?: boolean;
  log?: (message: string) => void;
  /** The workspace index: each analysed file's summary is refreshed from the walk, and model rules read it. */
  apiIndex?: WorkspaceIndex;
}

export interface AnalyzeOptions {
  /** An up-to-date source file for `text` (the server keeps one per open document, updated incrementally). */
  sourceFile?: ts.SourceFile;
  /** Config to use instead of the nearest apiguard.json (tests). */
  config?: ResolvedConfig;
  /** False when the index already holds this text's summary (the CLI's second pass): the walk skips making it. */
  summarize?: boolean;
}

export class Engine {
  readonly rules: readonly Rule<any>[];
  readonly configs: ConfigResolver;
  readonly reader: FileSystemReader;
  private readonly workspaceRoots: string[];
  private readonly log: (message: string) => void;
  private readonly projectRootByDir = new Map<string, string>();
  readonly typeInfo: TypeInfoProvider;
  readonly apiIndex: WorkspaceIndex | undefined;
  private readonly moduleAliases: ModuleAliases;

  constructor(options: EngineOptions = {}) {
    this.rules = options.rules ?? ALL_RULES;
    this.workspaceRoots = (options.workspaceRoots ?? []).map((root) => path.resolve(root));
    this.configs = new ConfigResolver(this.rules, options.configPath, this.workspaceRoots, options.keepLastValidConfig);
    this.reader = options.reader ?? diskReader;
    this.log = options.log ?? (() => {});
    this.typeInfo = new TypeInfoProvider(this.reader);
    this.apiIndex = options.apiIndex;
    this.moduleAliases = new ModuleAliases(this.reader, this.workspaceRoots);
    // Verdicts read "auth" from the apiguard.json that applies to each route's file; an invalid one means none.
    this.apiIndex?.attachEngine(
      (filePath) => {
        try {
          return this.configFor(filePath).auth;
        } catch {
          return NO_AUTH_SETTINGS;
        }
      },
      (filePath) => isTestFile(filePath, this.projectRootFor(filePath)),
      (filePath) => this.moduleAliases.forFile(filePath),
    );
  }

  /** Drops cached configs, project roots and programs, e.g. after apiguard.json, package.json or tsconfig.json changed. */
  invalidateConfig(): void {
    this.configs.invalidate();
    this.projectRootByDir.clear();
    this.moduleAliases.invalidate();
    this.apiIndex?.invalidate();
    // A changed tsconfig.json/jsconfig.json changes options and root files: rebuild programs from scratch.
    this.typeInfo.invalidate();
  }

  /** A document was closed: drop what type information holds of it. */
  forgetFile(filePath: string): void {
    this.typeInfo.forgetFile(filePath);
  }

  /** Throws ConfigError when the apiguard.json that applies is invalid. */
  configFor(filePath: string): ResolvedConfig {
    return this.configs.configFor(filePath);
  }

  isAnalysable(filePath: string): boolean {
    return isScriptFile(filePath);
  }

  analyze(filePath: string, text: string, options: AnalyzeOptions = {}): FileAnalysis {
    const config = options.config ?? this.configFor(filePath);
    const lineCount = countLines(text);
    const result: FileAnalysis = { filePath, findings: [], ruleErrors: [], ruleTimings: {}, lineCount };
    if (config.isIgnored(filePath)) {
      result.skipped = `skipped: matches "ignore" in ${config.configPath}`;
      return result;
    }
    const skipReason = reasonToSkip(text, config.maxFileSize);
    if (skipReason) {
      result.skipped = skipReason;
      this.log(`${filePath}: ${skipReason}`);
      return result;
    }
    let sourceFile: ts.SourceFile;
    try {
      sourceFile = options.sourceFile ?? parseSourceFile(filePath, text);
    } catch (error) {
      // TypeScript's parser is recursive: pathological nesting overflows the stack. Say so instead of crashing.
      result.skipped = error instanceof RangeError ? TOO_DEEP_TO_PARSE : `skipped: could not parse (${String(error)})`;
      this.log(`${filePath}: ${result.skipped}`);
      return result;
    }
    const workspace = this.workspaceReaderFor(filePath);
    const active: { rule: Rule<any>; severity: Severity; visitors: RuleVisitors; reports: RuleReport[]; failed: boolean }[] = [];

    // The summary is not a rule: a failure keeps the file's previous summary and is logged, never shown as a finding.
    const summaryFailed = (error: unknown) => {
      SUMMARY_ENTRY.failed = true;
      this.log(`the API index could not summarise ${filePath}: ${error instanceof Error ? error.stack : String(error)}`);
    };
    const fail = (entry: (typeof active)[number], error: unknown) => {
      entry.failed = true;
      const message = error instanceof Error ? error.message : String(error);
      result.ruleErrors.push({ ruleId: entry.rule.meta.id, error: message });
      // Loud in the log (with the stack): users rarely see an internal-error hint, maintainers need the trace.
      this.log(`rule ${entry.rule.meta.id} threw on ${filePath}: ${error instanceof Error ? error.stack : message}`);
    };

    for (const rule of this.rules) {
      const ruleConfig = config.rules.get(rule.meta.id);
      if (!ruleConfig) continue;
      const reports: RuleReport[] = [];
      const context: RuleContext<any> = {
        ruleId: rule.meta.id,
        filePath,
        sourceFile,
        text,
        options: ruleConfig.options,
        workspace,
        report: (report) => reports.push(report),
        getTypeChecker: () => this.typeInfo.checkerFor(sourceFile),
        getApiModel: () => this.apiIndex?.model() ?? EMPTY_API_MODEL,
      };
      const entry = { rule, severity: ruleConfig.severity, visitors: {} as RuleVisitors, reports, failed: false };
      active.push(entry);
      const started = performance.now();
      try {
        entry.visitors = rule.create(context);
      } catch (error) {
        fail(entry, error);
      }
      result.ruleTimings[rule.meta.id] = performance.now() - started;
    }

    // Visitors indexed by kind once per file, so the (many) nodes no rule listens to cost one array read.
    const visitorsByKind: { entry: (typeof active)[number]; visitor: NodeVisitor }[][] = [];
    for (const entry of active) {
      for (const key of Object.keys(entry.visitors)) {
        const kind = Number(key);
        const visitor = entry.visitors[kind];
        if (Number.isInteger(kind) && visitor) (visitorsByKind[kind] ??= []).push({ entry, visitor });
      }
    }
    // The file's summary for the workspace index is made in the same walk, before any rule's onEnd reads the model.
    const summarizer = this.apiIndex && options.summarize !== false ? new SummaryBuilder(sourceFile, path.resolve(filePath), this.apiIndex.isTestFile(path.resolve(filePath))) : undefined;
    if (summarizer) {
      result.ruleTimings['api-index'] = 0;
      const visit = (node: ts.Node) => summarizer.visit(node);
      for (const kind of SUMMARY_NODE_KINDS) (visitorsByKind[kind] ??= []).push({ entry: SUMMARY_ENTRY, visitor: visit });
    }
    walkPreorder(sourceFile, (node) => {
      const listeners = visitorsByKind[node.kind];
      if (listeners === undefined) return;
      for (const { entry, visitor } of listeners) {
        if (entry.failed) continue;
        const started = performance.now();
        try {
          visitor(node);
        } catch (error) {
          if (entry === SUMMARY_ENTRY) summaryFailed(error);
          else fail(entry, error);
        }
        result.ruleTimings[entry.rule.meta.id]! += performance.now() - started;
      }
    });
    if (summarizer && !SUMMARY_ENTRY.failed) {
      try {
        this.apiIndex!.update(summarizer.finish());
      } catch (error) {
        summaryFailed(error);
      }
    }
    SUMMARY_ENTRY.failed = false;

    for (const entry of active) {
      if (entry.failed || !entry.visitors.onEnd) continue;
      // Timed like the visitors: a rule may do its main work here (after indexing the file during the walk).
      const started = performance.now();
      try {
        entry.visitors.onEnd();
      } catch (error) {
        fail(entry, error);
      }
      result.ruleTimings[entry.rule.meta.id]! += performance.now() - started;
    }

    const suppressions = findSuppressions(sourceFile);
    // Reports become findings only once they are known to be kept: a file with 30,000 reports pays for 500.
    const candidates: Candidate[] = [];
    for (const entry of active) {
      if (entry.failed) continue;
      for (const report of entry.reports) {
        let candidate: Candidate;
        try {
          candidate = this.toCandidate(entry.rule, entry.severity, report, sourceFile);
        } catch (error) {
          fail(entry, error);
          break;
        }
        if (matchSuppression(suppressions, candidate.ruleId, candidate.start.line)) continue;
        candidates.push(candidate);
      }
    }

    const failedRules = new Set(result.ruleErrors.map((e) => e.ruleId));
    for (const suppression of suppressions) {
      const range = toRange(sourceFile, suppression.commentStart, suppression.commentEnd);
      // A suppression for a rule that is off or failed here cannot be judged unused.
      const judgeable = suppression.ruleIds.filter((id) => config.rules.has(id) && !failedRules.has(id));
      let finding: Finding | undefined;
      if (!suppression.used && judgeable.length > 0 && judgeable.length === suppression.ruleIds.length) {
        finding = engineFinding(UNUSED_SUPPRESSION, filePath, range, { ruleId: suppression.ruleIds.join(', '), line: suppression.targetLine + 1 });
      } else if (suppression.reason === undefined) {
        finding = engineFinding(SUPPRESSION_WITHOUT_REASON, filePath, range, {});
      }
      if (finding) candidates.push({ ruleId: finding.ruleId, severity: finding.severity, start: range.start, finding });
    }

    const kept = mostSevereFirst(candidates, config.maxFindingsPerFile, failedRules);
    for (const candidate of kept) {
      if (candidate.finding) {
        result.findings.push(candidate.finding);
        continue;
      }
      const entry = active.find((other) => other.rule === candidate.rule)!;
      if (entry.failed) continue;
      try {
        result.findings.push(this.toFinding(candidate.rule!, candidate.severity, candidate.report!, sourceFile, workspace));
      } catch (error) {
        fail(entry, error);
      }
    }
    const hidden = candidates.length - kept.length;
    if (hidden > 0) result.findings.push(engineFinding(TOO_MANY_FINDINGS, filePath, TOP_OF_FILE, { hidden, limit: config.maxFindingsPerFile }));

    for (const { ruleId, error } of result.ruleErrors) {
      result.findings = result.findings.filter((finding) => finding.ruleId !== ruleId);
      result.findings.push(engineFinding(INTERNAL_ERROR, filePath, TOP_OF_FILE, { ruleId, error }));
    }

    result.findings.sort(compareFindings);
    return result;
  }

  /** What ranking and suppression need of a report, checked but not yet masked, mapped or given fixes. */
  private toCandidate(rule: Rule<any>, configuredSeverity: Severity, report: RuleReport, sourceFile: ts.SourceFile): Candidate {
    if (rule.meta.messages[report.messageId] === undefined) throw new Error(`unknown messageId "${report.messageId}"`);
    const start = report.node ? report.node.getStart(sourceFile) : report.range?.start;
    if (start === undefined || (!report.node && report.range?.end === undefined)) throw new Error('a report needs a node or a range');
    // Config sets the rule's level; a finding of a lower tier (e.g. a warning-tier secret) keeps its own level
    // unless config asked for something lower still.
    const severity = report.severity && SEVERITY_ORDER[report.severity] < SEVERITY_ORDER[configuredSeverity] ? report.severity : configuredSeverity;
    return { ruleId: rule.meta.id, severity, start: LineIndex.forSourceFile(sourceFile).positionAt(start), rule, report };
  }

  private toFinding(rule: Rule<any>, severity: Severity, report: RuleReport, sourceFile: ts.SourceFile, workspace: WorkspaceReader): Finding {
    // Masked here, for every rule: messages, data and fix titles quote source text, which may hold a secret.
    const data = maskSecretsInData(report.data ?? {});
    const template = rule.meta.messages[report.messageId]!;
    const start = report.node ? report.node.getStart(sourceFile) : report.range!.start;
    const end = report.node ? report.node.getEnd() : report.range!.end;
    return {
      ruleId: rule.meta.id,
      messageId: report.messageId,
      severity,
      message: interpolate(template, data),
      filePath: sourceFile.fileName,
      range: toRange(sourceFile, start, end),
      fixes: (report.fixes ?? []).map((fix): Fix => ({
        title: maskSecrets(fix.title),
        edits: fix.edits.map((edit) => this.toFileEdit(edit, sourceFile, workspace)),
        safeForFixAll: fix.safeForFixAll ?? false,
        isPreferred: fix.isPreferred ?? false,
      })),
      data,
    };
  }

  private toFileEdit(edit: RuleEdit, sourceFile: ts.SourceFile, workspace: WorkspaceReader): FileEdit {
    if (edit.filePath === undefined || path.resolve(edit.filePath) === sourceFile.fileName) {
      return { filePath: sourceFile.fileName, range: toRange(sourceFile, edit.start, edit.end), newText: edit.newText };
    }
    const targetPath = path.resolve(edit.filePath);
    const targetText = workspace.readFile(targetPath);
    if (targetText === undefined) {
      return { filePath: targetPath, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: edit.newText, createFile: true };
    }
    const lines = LineIndex.of(targetText);
    const range = { start: lines.positionAt(edit.start), end: lines.positionAt(edit.end) };
    return { filePath: targetPath, range, newText: edit.newText, baseHash: contentHash(targetText) };
  }

  /** The folder a file's project lives in: nearest package.json, bounded by the workspace folder. */
  projectRootFor(filePath: string): string {
    const dir = path.dirname(path.resolve(filePath));
    const cached = this.projectRootByDir.get(dir);
    if (cached) return cached;
    const workspaceRoot = deepestContaining(this.workspaceRoots, dir);
    let current = dir;
    let found: string | undefined;
    for (;;) {
      if (this.reader.fileExists(path.join(current, 'package.json'))) {
        found = current;
        break;
      }
      const parent = path.dirname(current);
      if (current === workspaceRoot || parent === current) break;
      current = parent;
    }
    const root = found ?? workspaceRoot ?? dir;
    this.projectRootByDir.set(dir, root);
    return root;
  }

  private workspaceReaderFor(filePath: string): WorkspaceReader {
    const reader = this.reader;
    return {
      projectRoot: this.projectRootFor(filePath),
      readFile: (p) => reader.readFile(p),
      fileExists: (p) => reader.fileExists(p),
    };
  }
}

/** A message template filled with `data`, any secret in the values masked (they may quote source text). */
export function formatMessage(template: string, data: Record<string, string | number>): string {
  return interpolate(template, maskSecretsInData(data));
}

function interpolate(template: string, data: Record<string, string | number>): string {
  return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, key: string) => (key in data ? String(data[key]) : whole));
}

/** LSP's positions, not TypeScript's: the two disagree on U+2028 and U+2029 (see line-index.ts). */
function toRange(sourceFile: ts.SourceFile, start: number, end: number): Range {
  const lines = LineIndex.forSourceFile(sourceFile);
  return { start: lines.positionAt(start), end: lines.positionAt(end) };
}

function engineFinding(meta: (typeof ENGINE_FINDING_METAS)[number], filePath: string, range: Range, rawData: Record<string, string | number>): Finding {
  // A rule's error message may quote source text too.
  const data = maskSecretsInData(rawData);
  return {
    ruleId: meta.id,
    messageId: 'default',
    severity: meta.defaultSeverity,
    message: interpolate(meta.messages.default!, data),
    filePath,
    range,
    fixes: [],
    data,
  };
}

/** The summarizer's slot among the walk's listeners (its timing is kept under its own name). */
const SUMMARY_ENTRY = { rule: { meta: { id: 'api-index' } } as Rule<any>, severity: 'hint' as Severity, visitors: {} as RuleVisitors, reports: [] as RuleReport[], failed: false };

const EMPTY_API_MODEL: ApiModel = { complete: false, routes: [], unmodelled: [], routesDeclaredIn: () => [], suggestedAuthFor: () => undefined, dataModels: NO_DATA_MODELS, touchesData: () => false };

const TOP_OF_FILE: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

/** A finding to be: a rule's report (made into a finding only if kept) or an engine finding already made. */
interface Candidate {
  ruleId: string;
  severity: Severity;
  start: Position;
  rule?: Rule<any>;
  report?: RuleReport;
  finding?: Finding;
}

/**
 * At most `limit` candidates of rules that did not fail: the most severe first, then in document order. Which
 * ones are kept never depends on report order, and a file over the limit still shows every error it has room for.
 */
function mostSevereFirst(candidates: Candidate[], limit: number, failedRules: ReadonlySet<string>): Candidate[] {
  const eligible = failedRules.size > 0 ? candidates.filter((candidate) => !failedRules.has(candidate.ruleId)) : candidates;
  if (eligible.length <= limit) return eligible;
  return [...eligible]
    .sort((a, b) => SEVERITY_ORDER[b.severity] - SEVERITY_ORDER[a.severity] || a.start.line - b.start.line || a.start.character - b.start.character || a.ruleId.localeCompare(b.ruleId))
    .slice(0, limit);
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

/** The doc page of any finding id, rule or engine. */
export function helpUrlFor(ruleId: string): string {
  return ENGINE_FINDING_METAS.some((meta) => meta.id === ruleId) ? engineDocsUrl(ruleId) : docsUrlFor(ruleId);
}

/** Metadata for every id a finding can carry (rules, then engine findings): for SARIF and reports. */
export function allFindingMetas(rules: readonly Rule<any>[] = ALL_RULES) {
  return [...rules.map((rule) => rule.meta), ...ENGINE_FINDING_METAS];
}
