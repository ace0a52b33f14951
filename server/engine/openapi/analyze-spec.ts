// The engine's path for OpenAPI/Swagger documents: recognise (by content or "specs.include"), parse with offsets
// (once per version), resolve `$ref`s lazily, walk once calling every spec rule's visitors (each isolated: one rule
// throwing disables only itself), then the findings path shared with code files (collect-findings.ts).
import type { ApiModel } from '../../../rules/support/api-model';
import type { OffsetRange, WorkspaceReader } from '../../../rules/support/rule';
import type { SpecInfo, SpecReport, SpecRule, SpecRuleContext, SpecRuleVisitors } from '../../../rules/support/spec-rule';
import type { SpecDocument } from '../../../rules/support/spec-tree';
import { collectFindings, engineFinding, toFileEdit, type LocatedReport, type RuleOutcome } from '../collect-findings';
import type { ResolvedConfig } from '../config';
import { INVALID_SPEC } from '../engine-findings';
import type { FileAnalysis } from '../findings';
import { LineIndex } from '../line-index';
import { findHashCommentSuppressions } from '../suppressions';
import { changedRegion, reparseAfterEdit } from './incremental-parse';
import { mayBeSpecText, parseSpecText, syntaxOf, type ParsedSpecFile } from './parse-spec';
import { SpecResolver } from './spec-refs';
import { isNotASpec, readSpecInfo, walkSpec, type VisitorArgument, type VisitorKind } from './spec-walk';

/** Visitor calls are timed one in this many (see the walk below). */
const TIMING_SAMPLE = 16;

export const NOT_A_SPEC = 'not an OpenAPI/Swagger document';

/** A parsed file and its line index, for one version of its text. */
export interface CachedSpec {
  parsed: ParsedSpecFile;
  lines: LineIndex;
}

/** Parsed files by path, one version each: the analysed spec and the files its `$ref`s reach. */
export class ParsedSpecCache {
  private readonly byPath = new Map<string, CachedSpec>();

  constructor(private readonly limit = 32) {}

  get(filePath: string, text: string): CachedSpec {
    const known = this.byPath.get(filePath);
    if (known && known.parsed.document.text === text) {
      // Most recently used last, so the oldest goes first when the cache is full.
      this.byPath.delete(filePath);
      this.byPath.set(filePath, known);
      return known;
    }
    let entry: CachedSpec | undefined;
    if (known) {
      // An edit: the line index moves, and a JSON spec re-parses only the smallest value holding the change.
      const previousText = known.parsed.document.text;
      const region = changedRegion(previousText, text);
      const lines = known.lines.afterEdit(text, region.start, region.oldEnd);
      const parsed = reparseAfterEdit(known.parsed, text) ?? parseSpecText(filePath, text);
      entry = { parsed, lines };
    }
    entry ??= { parsed: parseSpecText(filePath, text), lines: LineIndex.of(text) };
    this.byPath.delete(filePath);
    this.byPath.set(filePath, entry);
    if (this.byPath.size > this.limit) this.byPath.delete(this.byPath.keys().next().value!);
    return entry;
  }

  forget(filePath: string): void {
    this.byPath.delete(filePath);
  }

  /** Paths whose parse is held now (memory tests). */
  heldFilePaths(): IterableIterator<string> {
    return this.byPath.keys();
  }
}

export interface SpecAnalysisInput {
  filePath: string;
  text: string;
  config: ResolvedConfig;
  rules: readonly SpecRule<any>[];
  workspace: WorkspaceReader;
  cache: ParsedSpecCache;
  getApiModel(): ApiModel;
  log(message: string): void;
  /** The document is a spec this engine reads (before any rule runs): the workspace index takes its summary here. */
  onSpec?(spec: SpecInfo, resolver: SpecResolver, lines: LineIndex): void;
  /** The file is not a spec (any more): the index forgets a summary it held for it. */
  onNotASpec?(): void;
}

export function analyzeSpec(input: SpecAnalysisInput): FileAnalysis {
  const { filePath, text, config } = input;
  const result: FileAnalysis = { filePath, findings: [], ruleErrors: [], ruleTimings: {}, lineCount: 0 };
  const included = config.specs.isIncluded(filePath);
  if (!included && !mayBeSpecText(text, syntaxOf(filePath))) {
    input.onNotASpec?.();
    return notASpec(result);
  }
  const size = Buffer.byteLength(text, 'utf8');
  if (size > config.specs.maxFileSize) {
    result.skipped = `skipped: spec is ${(size / 1024 / 1024).toFixed(1)} MB, over the ${(config.specs.maxFileSize / 1024 / 1024).toFixed(0)} MB limit (raise "specs.maxFileSize" in apiguard.json to analyse it)`;
    return result;
  }
  if (text.slice(0, 8000).includes('\u0000')) {
    result.skipped = 'skipped: binary content (NUL bytes)';
    return result;
  }
  const parseStarted = performance.now();
  const { parsed, lines } = input.cache.get(filePath, text);
  result.ruleTimings['spec-parse'] = performance.now() - parseStarted;
  result.lineCount = lines.lineCount;
  const invalid = (reason: string, range: OffsetRange): FileAnalysis => {
    result.findings = [engineFinding(INVALID_SPEC, filePath, { start: lines.positionAt(range.start), end: lines.positionAt(range.end) }, { reason })];
    return result;
  };
  if (parsed.error) return invalid(parsed.error.message, parsed.error.range);

  const resolver = new SpecResolver(parsed.document, (path) => {
    const other = input.workspace.readFile(path);
    if (other === undefined) return undefined;
    const loaded = input.cache.get(path, other).parsed;
    return loaded.error ? undefined : loaded.document;
  });
  const spec = readSpecInfo(parsed.document, resolver);
  if (isNotASpec(spec)) {
    // A JSON file that mentions "openapi" somewhere below its root is not a spec: say nothing unless it was named one.
    if (!included && !hasRootSpecKey(parsed.document)) {
      input.onNotASpec?.();
      return notASpec(result);
    }
    return invalid(spec.message, spec.range);
  }
  const indexStarted = performance.now();
  try {
    input.onSpec?.(spec, resolver, lines);
    if (input.onSpec) result.ruleTimings['api-index'] = performance.now() - indexStarted;
  } catch (error) {
    // Like a code file's summary: a failure keeps the previous one and is logged, never shown as a finding.
    input.log(`the API index could not summarise ${filePath}: ${error instanceof Error ? error.stack : String(error)}`);
  }

  const active: { rule: SpecRule<any>; severity: RuleOutcome['severity']; visitors: SpecRuleVisitors; reports: LocatedReport[]; failed: boolean }[] = [];
  const fail = (entry: (typeof active)[number], error: unknown) => {
    entry.failed = true;
    const message = error instanceof Error ? error.message : String(error);
    result.ruleErrors.push({ ruleId: entry.rule.meta.id, error: message });
    input.log(`rule ${entry.rule.meta.id} threw on ${filePath}: ${error instanceof Error ? error.stack : message}`);
  };
  const timed = (entry: (typeof active)[number], run: () => void) => {
    if (entry.failed) return;
    const started = performance.now();
    try {
      run();
    } catch (error) {
      fail(entry, error);
    }
    result.ruleTimings[entry.rule.meta.id] = (result.ruleTimings[entry.rule.meta.id] ?? 0) + performance.now() - started;
  };

  for (const rule of input.rules) {
    const ruleConfig = config.rules.get(rule.meta.id);
    if (!ruleConfig) continue;
    const entry = { rule, severity: ruleConfig.severity, visitors: {} as SpecRuleVisitors, reports: [] as LocatedReport[], failed: false };
    const context: SpecRuleContext<any> = {
      ruleId: rule.meta.id,
      filePath,
      document: parsed.document,
      options: ruleConfig.options,
      workspace: input.workspace,
      report: (report) => entry.reports.push(locate(report, parsed.document, resolver)),
      resolve: (node) => resolver.resolve(node),
      getApiModel: input.getApiModel,
    };
    active.push(entry);
    timed(entry, () => {
      entry.visitors = rule.create(context);
    });
  }

  // Visitors by kind, resolved once. A large spec makes hundreds of thousands of visits: each is a direct call in a
  // try/catch, timed one call in TIMING_SAMPLE (scaled up), since reading the clock around every call cost more
  // than most rules' work.
  const listenersByKind = new Map<VisitorKind, { entry: (typeof active)[number]; visit: (argument: unknown) => void; calls: number }[]>();
  const listenersOf = (kind: VisitorKind) => {
    let listeners = listenersByKind.get(kind);
    if (!listeners) {
      listeners = [];
      for (const entry of active) {
        const visitor = entry.visitors[kind] as ((argument: unknown) => void) | undefined;
        if (visitor) listeners.push({ entry, visit: visitor, calls: 0 });
      }
      listenersByKind.set(kind, listeners);
    }
    return listeners;
  };
  walkSpec(spec, resolver, {
    emit<K extends VisitorKind>(kind: K, argument: VisitorArgument<K>) {
      for (const listener of listenersOf(kind)) {
        const { entry } = listener;
        if (entry.failed) continue;
        const sampled = listener.calls++ % TIMING_SAMPLE === 0;
        const started = sampled ? performance.now() : 0;
        try {
          listener.visit(argument);
        } catch (error) {
          fail(entry, error);
        }
        if (sampled) result.ruleTimings[entry.rule.meta.id] = (result.ruleTimings[entry.rule.meta.id] ?? 0) + (performance.now() - started) * TIMING_SAMPLE;
      }
    },
  });
  for (const entry of active) if (entry.visitors.onEnd) timed(entry, () => entry.visitors.onEnd!());
  if (resolver.dependencies.size > 0) result.dependencies = [...resolver.dependencies];

  result.findings = collectFindings({
    filePath,
    config,
    lines,
    outcomes: active.map((entry) => ({ meta: entry.rule.meta, severity: entry.severity, failed: entry.failed, reports: entry.reports })),
    suppressions: parsed.document.syntax === 'yaml' ? findHashCommentSuppressions(text) : [],
    ruleErrors: result.ruleErrors,
    toFileEdit: (edit) => toFileEdit(edit, filePath, lines, input.workspace),
    fail: (ruleId, error) => fail(active.find((entry) => entry.rule.meta.id === ruleId)!, error),
  });
  return result;
}

/**
 * A report's offsets in the analysed document. A node in another file (reached through a cross-file `$ref`) is
 * shown at the `$ref` through which that file was first reached; its fixes still edit that file.
 */
function locate(report: SpecReport, document: SpecDocument, resolver: SpecResolver): LocatedReport {
  let range = report.range ?? report.node?.range;
  const owner = report.node?.document ?? document;
  if (!range) throw new Error('a report needs a node or a range');
  if (owner !== document) {
    const anchor = resolver.anchorFor(owner);
    range = anchor ? anchor.range : { start: 0, end: 0 };
  }
  return { messageId: report.messageId, start: range.start, end: range.end, data: report.data, fixes: report.fixes, severity: report.severity };
}

function hasRootSpecKey(document: SpecDocument): boolean {
  const root = document.root;
  return root?.kind === 'map' && root.entries.some((entry) => entry.key === 'openapi' || entry.key === 'swagger');
}

function notASpec(result: FileAnalysis): FileAnalysis {
  result.notApplicable = NOT_A_SPEC;
  return result;
}
