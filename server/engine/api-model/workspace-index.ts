// The workspace index: one summary per file, and the linked model built from them on demand. An edit replaces one
// file's summary (made during the engine's walk of that file) and marks the model stale; the next question
// re-links, which reads summaries only. Indexing files nobody has open parses them once, without running rules.
import * as path from 'node:path';
import type { ApiModel } from '../../../rules/support/api-model';
import { parseSourceFile } from '../source-files';
import { linkApiModel, type AuthSettings, type LinkedApiModel } from './link';
import { summarizeSourceFile } from './summarize';
import type { FileSummary } from './summary';

export interface WorkspaceIndexOptions {
  authSettingsFor?(filePath: string): AuthSettings;
  /** Decides which files are tests (their apps are left out); the engine supplies it from project roots. */
  isTestFile?(filePath: string): boolean;
}

export class WorkspaceIndex {
  private readonly summaries = new Map<string, FileSummary>();
  private linked: LinkedApiModel | undefined;
  /** False until a full indexing pass has finished: rules say nothing rather than guess from part of the workspace. */
  private complete = false;

  constructor(private readonly options: WorkspaceIndexOptions = {}) {}

  /** The engine that owns the index supplies config and project-root lookups when the creator did not. */
  attachEngine(authSettingsFor: (filePath: string) => AuthSettings, isTestFile: (filePath: string) => boolean): void {
    this.options.isTestFile ??= isTestFile;
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

  /** Replaces a file's summary; returns false when it is the same as before (nothing to re-link). */
  update(summary: FileSummary): boolean {
    const key = path.resolve(summary.filePath);
    const previous = this.summaries.get(key);
    if (previous && sameSummary(previous, summary)) return false;
    this.summaries.set(key, summary);
    this.linked = undefined;
    return true;
  }

  /** Parses and summarises a file the engine is not analysing (workspace indexing, files changed on disk). */
  indexText(filePath: string, text: string): boolean {
    const resolved = path.resolve(filePath);
    return this.update(summarizeSourceFile(parseSourceFile(filePath, text), resolved, this.isTestFile(resolved)));
  }

  remove(filePath: string): boolean {
    const removed = this.summaries.delete(path.resolve(filePath));
    if (removed) this.linked = undefined;
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
  }

  model(): LinkedApiModel {
    this.linked ??= linkApiModel(this.summaries, { complete: this.complete, ...(this.options.authSettingsFor ? { authSettingsFor: this.options.authSettingsFor } : {}) });
    return this.linked;
  }
}

/** Summaries are plain data made in a fixed order, so their JSON text compares them (cheap next to a re-link). */
function sameSummary(a: FileSummary, b: FileSummary): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export type { ApiModel };
