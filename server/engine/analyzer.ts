// The one engine behind the language server, the CLI and the report: text in, findings out.
// All enabled rules share a single walk over the TypeScript tree; each rule's visitors run inside their own
// try/catch, so one rule throwing disables only itself on that file.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import { type NodeVisitor, type Rule, type RuleContext, type RuleReport, type RuleVisitors, type Severity, type WorkspaceReader } from '../../rules/support/rule';
import type { SpecRule } from '../../rules/support/spec-rule';
import { ALL_RULES } from '../../rules';
import { ALL_SPEC_RULES } from '../../rules/spec';
import { walkPreorder } from '../../rules/support/ast';
import { ConfigResolver, NO_AUTH_SETTINGS, deepestContaining, type ResolvedConfig } from './config';
import { ENGINE_FINDING_METAS } from './engine-findings';
import type { FileAnalysis } from './findings';
import { LineIndex, countLines } from './line-index';
import { isScriptFile, parseSourceFile, reasonToSkip } from './source-files';
import { findSuppressions } from './suppressions';
import { TypeInfoProvider } from './type-info';
import { NO_DATA_MODELS, NO_SPECS, type ApiModel } from '../../rules/support/api-model';
import { SUMMARY_NODE_KINDS, SummaryBuilder } from './api-model/summarize';
import type { WorkspaceIndex } from './api-model/workspace-index';
import { isTestFile } from '../../rules/support/test-files';
import { ModuleAliases } from './api-model/module-aliases';
import { resolveWorkspaceModule, type ModuleResolutionHost } from './module-resolution';
import { collectFindings, toFileEdit, type LocatedReport, type RuleOutcome } from './collect-findings';
import { analyzeSpec, ParsedSpecCache } from './openapi/analyze-spec';
import { summarizeSpec } from './openapi/spec-summary';
import { isSpecCandidateFile } from './openapi/parse-spec';

export { formatMessage } from './collect-findings';

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
  /** Rules for OpenAPI/Swagger documents (default: all of rules/spec/). */
  specRules?: readonly SpecRule<any>[];
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
  /** The "ignore" globs of apiguard.json exclude nothing, and scans read no .gitignore (`apiguard scan --no-ignore`). */
  noIgnore?: boolean;
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
  readonly specRules: readonly SpecRule<any>[];
  readonly configs: ConfigResolver;
  readonly reader: FileSystemReader;
  private readonly workspaceRoots: string[];
  private readonly log: (message: string) => void;
  private readonly projectRootByDir = new Map<string, string>();
  readonly typeInfo: TypeInfoProvider;
  readonly apiIndex: WorkspaceIndex | undefined;
  readonly noIgnore: boolean;
  private readonly withoutIgnoreGlobs = new WeakMap<ResolvedConfig, ResolvedConfig>();
  private readonly moduleAliases: ModuleAliases;
  private readonly moduleResolution: ModuleResolutionHost = {
    fileExists: (filePath) => this.reader.fileExists(filePath),
    aliasesFor: (filePath) => this.moduleAliases.forFile(filePath),
    boundaryFor: (filePath) => deepestContaining(this.workspaceRoots, path.dirname(path.resolve(filePath))) ?? this.projectRootFor(filePath),
  };
  private readonly parsedSpecs = new ParsedSpecCache();

  constructor(options: EngineOptions = {}) {
    this.rules = options.rules ?? ALL_RULES;
    this.specRules = options.specRules ?? (options.rules ? [] : ALL_SPEC_RULES);
    this.workspaceRoots = (options.workspaceRoots ?? []).map((root) => path.resolve(root));
    this.configs = new ConfigResolver([...this.rules, ...this.specRules], options.configPath, this.workspaceRoots, options.keepLastValidConfig);
    this.reader = options.reader ?? diskReader;
    this.log = options.log ?? (() => {});
    this.typeInfo = new TypeInfoProvider(this.reader);
    this.apiIndex = options.apiIndex;
    this.noIgnore = options.noIgnore === true;
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
      (filePath) => this.projectRootFor(filePath),
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
    this.parsedSpecs.forget(filePath);
  }

  /** Specs and `$ref` targets whose parse is cached (memory tests). */
  heldSpecFiles(): IterableIterator<string> {
    return this.parsedSpecs.heldFilePaths();
  }

  /** Throws ConfigError when the apiguard.json that applies is invalid. */
  configFor(filePath: string): ResolvedConfig {
    const config = this.configs.configFor(filePath);
    if (!this.noIgnore) return config;
    let unignoring = this.withoutIgnoreGlobs.get(config);
    if (!unignoring) this.withoutIgnoreGlobs.set(config, (unignoring = { ...config, isIgnored: () => false }));
    return unignoring;
  }

  /** Script files, and YAML/JSON files (which are analysed only when they turn out to be OpenAPI documents). */
  isAnalysable(filePath: string): boolean {
    return isScriptFile(filePath) || isSpecCandidateFile(filePath);
  }

  analyze(filePath: string, text: string, options: AnalyzeOptions = {}): FileAnalysis {
    const config = options.config ?? this.configFor(filePath);
    if (config.isIgnored(filePath)) {
      return { filePath, findings: [], ruleErrors: [], ruleTimings: {}, lineCount: countLines(text), skipped: `skipped: matches "ignore" in ${config.configPath}` };
    }
    if (isSpecCandidateFile(filePath)) {
      return analyzeSpec({
        filePath,
        text,
        config,
        rules: this.specRules,
        workspace: this.workspaceReaderFor(filePath),
        cache: this.parsedSpecs,
        getApiModel: () => this.apiIndex?.model() ?? EMPTY_API_MODEL,
        log: this.log,
        // The spec's operations join the index from this parse (the CLI's pass 1, the worker's open documents).
        ...(this.apiIndex && options.summarize !== false
          ? {
              onSpec: (spec, resolver, lines) => this.apiIndex!.updateSpec(filePath, summarizeSpec(spec, resolver, lines)),
              onNotASpec: () => {
                if (this.apiIndex!.summaryOf(filePath)?.spec) this.apiIndex!.remove(filePath);
              },
            }
          : {}),
      });
    }
    const result: FileAnalysis = { filePath, findings: [], ruleErrors: [], ruleTimings: {}, lineCount: countLines(text) };
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

    const outcomes: RuleOutcome[] = active.map((entry) => ({
      meta: entry.rule.meta,
      severity: entry.severity,
      failed: entry.failed,
      reports: entry.failed ? [] : locateReports(entry, sourceFile, fail),
    }));
    const lines = LineIndex.forSourceFile(sourceFile);
    result.findings = collectFindings({
      filePath,
      config,
      lines,
      outcomes,
      suppressions: findSuppressions(sourceFile),
      ruleErrors: result.ruleErrors,
      toFileEdit: (edit) => toFileEdit(edit, filePath, lines, workspace),
      fail: (ruleId, error) => fail(active.find((entry) => entry.rule.meta.id === ruleId)!, error),
    });
    return result;
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
      resolveModule: (fromFile, specifier) => resolveWorkspaceModule(this.moduleResolution, fromFile, specifier),
    };
  }
}

/** Offsets of a TypeScript rule's reports; a report with neither node nor range fails its rule. */
function locateReports(entry: { rule: Rule<any>; reports: RuleReport[] }, sourceFile: ts.SourceFile, fail: (entry: any, error: unknown) => void): LocatedReport[] {
  const located: LocatedReport[] = [];
  for (const report of entry.reports) {
    const start = report.node ? report.node.getStart(sourceFile) : report.range?.start;
    const end = report.node ? report.node.getEnd() : report.range?.end;
    if (start === undefined || end === undefined) {
      fail(entry, new Error('a report needs a node or a range'));
      return [];
    }
    located.push({ messageId: report.messageId, start, end, data: report.data, fixes: report.fixes, severity: report.severity });
  }
  return located;
}

/** The summarizer's slot among the walk's listeners (its timing is kept under its own name). */
const SUMMARY_ENTRY = { rule: { meta: { id: 'api-index' } } as Rule<any>, severity: 'hint' as Severity, visitors: {} as RuleVisitors, reports: [] as RuleReport[], failed: false };

const EMPTY_API_MODEL: ApiModel = { complete: false, routes: [], unmodelled: [], routesDeclaredIn: () => [], suggestedAuthFor: () => undefined, dataModels: NO_DATA_MODELS, touchesData: () => false, specs: NO_SPECS };

/** The doc page of any finding id, rule or engine (decided in docs-links.ts; kept here for the report writers). */
export { helpUrlFor } from './docs-links';

/** Metadata for every id a finding can carry (rules, then engine findings): for SARIF and reports. */
export function allFindingMetas(rules: readonly { meta: Rule['meta'] }[] = [...ALL_RULES, ...ALL_SPEC_RULES]) {
  return [...rules.map((rule) => rule.meta), ...ENGINE_FINDING_METAS];
}
