// The workspace index: one summary per file, and the linked model built from them on demand. An edit replaces one
// file's summary (made during the engine's walk of that file) and marks the model stale; the next question
// re-links, which reads summaries only. Indexing files nobody has open parses them once, without running rules.
import * as path from 'node:path';
import type { ApiModel } from '../../../rules/support/api-model';
import { parseSourceFile } from '../source-files';
import { linkApiModel, type AuthSettings, type LinkedApiModel } from './link';
import { summarizeSourceFile } from './summarize';
import { parsePrismaSchema } from './data-models/prisma-schema';
import type { AliasConfig } from './module-aliases';
import type { FileSummary } from './summary';
import type { SpecSummary } from '../../../rules/support/api-model';
import { isSpecCandidateFile } from '../openapi/parse-spec';
import { summarizeSpecText } from '../openapi/spec-summary';

export interface WorkspaceIndexOptions {
  authSettingsFor?(filePath: string): AuthSettings;
  /** Decides which files are tests (their apps are left out); the engine supplies it from project roots. */
  isTestFile?(filePath: string): boolean;
  /** tsconfig/jsconfig `paths` and `baseUrl` for a file; the engine supplies them read from disk. */
  aliasesFor?(filePath: string): AliasConfig | undefined;
  /** The project folder of a file (nearest package.json), for which specs cover which routes; the engine supplies it. */
  projectRootFor?(filePath: string): string;
  /** Reads a file a spec's cross-file `$ref` names (default: from disk). */
  readFile?(filePath: string): string | undefined;
}

export class WorkspaceIndex {
  private readonly summaries = new Map<string, FileSummary>();
  /** Module resolutions, valid while the set of files stays the same (see LinkOptions.resolutionCache). */
  private readonly resolutions = new Map<string, string | { package: string }>();
  private linked: LinkedApiModel | undefined;
  /** False until a full indexing pass has finished: rules say nothing rather than guess from part of the workspace. */
  private complete = false;

  constructor(private readonly options: WorkspaceIndexOptions = {}) {}

  /** The engine that owns the index supplies config and project-root lookups when the creator did not. */
  attachEngine(authSettingsFor: (filePath: string) => AuthSettings, isTestFile: (filePath: string) => boolean, aliasesFor: (filePath: string) => AliasConfig | undefined, projectRootFor?: (filePath: string) => string): void {
    this.options.isTestFile ??= isTestFile;
    this.options.aliasesFor ??= aliasesFor;
    if (projectRootFor && !this.options.projectRootFor) {
      this.options.projectRootFor = projectRootFor;
      this.linked = undefined;
    }
    if (this.options.authSettingsFor) return;
    this.options.authSettingsFor = authSettingsFor;
    this.linked = undefined;
  }

  isTestFile(filePath: string): boolean {
    return this.options.isTestFile?.(filePath) ?? false;
  }

  get size(): number {
    return this.summaries.size;
  }

  get isComplete(): boolean {
    return this.complete;
  }

  markComplete(): void {
    this.complete = true;
    this.linked = undefined;
  }

  /** A scan that keeps the index across runs (the server's report) starts over: model rules wait for its pass 1. */
  markIncomplete(): void {
    this.complete = false;
    this.linked = undefined;
  }

  /** Replaces a file's summary; returns false when it is the same as before (nothing to re-link). */
  update(summary: FileSummary): boolean {
    const key = path.resolve(summary.filePath);
    const previous = this.summaries.get(key);
    // Typing inside a handler moves positions and nothing else (or nothing at all): the linked model keeps the
    // previous summary's objects, so updating their positions in place updates every route, link and mount that
    // points at them, and nothing needs re-linking.
    if (previous && moveSpots(previous, summary)) return false;
    if (!previous) this.resolutions.clear();
    this.summaries.set(key, summary);
    this.linked = undefined;
    return true;
  }

  /** Parses and summarises a file the engine is not analysing (workspace indexing, files changed on disk). */
  indexText(filePath: string, text: string): boolean {
    const resolved = path.resolve(filePath);
    return this.update(summarizeSourceFile(parseSourceFile(filePath, text), resolved, this.isTestFile(resolved)));
  }

  /** A `schema.prisma` file (not TypeScript: no rules, no walk): its models join the data-model catalogue. */
  indexPrismaSchema(filePath: string, text: string): boolean {
    const resolved = path.resolve(filePath);
    // A test fixture's schema is not the product's (as models declared in tests are not).
    const models = this.isTestFile(resolved) ? [] : parsePrismaSchema(resolved, text);
    return this.update({ filePath: resolved, imports: {}, exports: {}, values: {}, functions: {}, containers: {}, unmodelled: [], prismaSchema: true, dataModels: models });
  }

  /**
   * A YAML/JSON file that may be an OpenAPI/Swagger document (the server's walk and watched files call this): a
   * spec's operations join `ApiModel.specs`; a file that is not (or is no longer) a spec leaves nothing behind.
   * Returns whether the index changed.
   */
  indexSpecFile(filePath: string, text: string): boolean {
    const resolved = path.resolve(filePath);
    // A test fixture's spec is not the product's (as its routes are not).
    const spec = this.isTestFile(resolved) ? undefined : summarizeSpecText(resolved, text, this.options.readFile);
    return spec ? this.updateSpec(resolved, spec) : this.summaries.get(resolved)?.spec ? this.remove(resolved) : false;
  }

  /** A spec summary made from an analysis that parsed the document already (the engine's spec path). */
  updateSpec(filePath: string, spec: SpecSummary): boolean {
    const resolved = path.resolve(filePath);
    if (this.isTestFile(resolved)) return false;
    return this.update({ filePath: resolved, imports: {}, exports: {}, values: {}, functions: {}, containers: {}, unmodelled: [], spec });
  }

  /** Indexes a file by its kind: a Prisma schema, a YAML/JSON file that may be a spec, or a script. */
  indexFile(filePath: string, text: string): boolean {
    if (isPrismaSchemaFile(filePath)) return this.indexPrismaSchema(filePath, text);
    if (isSpecCandidateFile(filePath)) return this.indexSpecFile(filePath, text);
    return this.indexText(filePath, text);
  }

  remove(filePath: string): boolean {
    const removed = this.summaries.delete(path.resolve(filePath));
    if (removed) {
      this.linked = undefined;
      this.resolutions.clear();
    }
    return removed;
  }

  has(filePath: string): boolean {
    return this.summaries.has(path.resolve(filePath));
  }

  summaryOf(filePath: string): FileSummary | undefined {
    return this.summaries.get(path.resolve(filePath));
  }

  /** Config changed (e.g. "auth" in apiguard.json): the verdicts must be decided again. */
  invalidate(): void {
    this.linked = undefined;
    // tsconfig paths may have changed with the config.
    this.resolutions.clear();
  }

  model(): LinkedApiModel {
    const { authSettingsFor, aliasesFor, projectRootFor } = this.options;
    this.linked ??= linkApiModel(this.summaries, { complete: this.complete, resolutionCache: this.resolutions, ...(authSettingsFor ? { authSettingsFor } : {}), ...(aliasesFor ? { aliasesFor } : {}), ...(projectRootFor ? { projectRootFor } : {}) });
    return this.linked;
  }
}

/** `schema.prisma`, `prisma/schema/user.prisma`: indexed for their models, never analysed as scripts. */
export function isPrismaSchemaFile(filePath: string): boolean {
  return filePath.endsWith('.prisma');
}

const SPOT_KEYS = new Set(['start', 'end', 'line']);

/**
 * The summary's text without positions: offsets, lines, and the offsets inside ids of unnamed things (`fn@120`).
 * Summaries are plain data made in a fixed order, so this text compares them (cheap next to a re-link).
 */
function shapeOf(summary: FileSummary): string {
  return JSON.stringify(summary, (key, value: unknown) => (SPOT_KEYS.has(key) ? undefined : typeof value === 'string' ? value.replace(/@\d+/g, '@') : value)).replace(/@\d+/g, '@');
}

/**
 * When `next` differs from `previous` only in positions, copies its positions into `previous` (ids stay the
 * previous ones, consistently) and says so; otherwise changes nothing.
 */
function moveSpots(previous: FileSummary, next: FileSummary): boolean {
  if (shapeOf(previous) !== shapeOf(next)) return false;
  const copy = (target: unknown, source: unknown): void => {
    if (!target || !source || typeof target !== 'object' || typeof source !== 'object') return;
    if (Array.isArray(target) && Array.isArray(source)) {
      target.forEach((item, i) => copy(item, source[i]));
      return;
    }
    const from = source as Record<string, unknown>;
    const to = target as Record<string, unknown>;
    if (typeof to.start === 'number' && typeof from.start === 'number') {
      to.start = from.start;
      to.end = from.end;
      if (typeof from.line === 'number') to.line = from.line;
    }
    // Records keyed by ids (`fn@120`) keep their insertion order: walk both by position, not by key.
    const targetValues = Object.values(to);
    const sourceValues = Object.values(from);
    targetValues.forEach((value, i) => copy(value, sourceValues[i]));
  };
  copy(previous, next);
  return true;
}

export type { ApiModel };
