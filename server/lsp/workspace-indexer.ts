// Background indexing of the workspace's API (in the worker thread): walks the workspace folders exactly as
// `apiguard scan` does and adds each file's summary to the index, a slice of a few tens of milliseconds at a time,
// so the analyses and requests the worker is sent are served in between. Once the walk ends the index is complete
// and model rules (missing-auth) start judging routes. Files changed on disk are re-indexed one at a time.
import * as path from 'node:path';
import type { Engine } from '../engine/analyzer';
import { isPrismaSchemaFile, type WorkspaceIndex } from '../engine/api-model/workspace-index';
import { isScriptFile, reasonToSkip } from '../engine/source-files';
import { isSpecCandidateFile } from '../engine/openapi/parse-spec';
import { isWalkedFile, readWalkedFile, walkWorkspace, type WalkedEntry } from '../engine/workspace-scan';

/** Long enough to index several files per slice, short enough that a queued analysis barely waits. */
const SLICE_MS = 30;
/** Progress reports at most this often (a big workspace indexes thousands of files a second). */
const REPORT_EVERY_MS = 200;

export interface IndexingProgress {
  phase: 'begin' | 'report' | 'end';
  /** Script files and Prisma schemas indexed so far in this walk. */
  files: number;
  /** OpenAPI/Swagger specs indexed so far (YAML/JSON that is not a spec counts nowhere). */
  specs?: number;
  /** At the end: routes in the model. */
  routes?: number;
}

export class WorkspaceIndexer {
  private walk: Iterator<WalkedEntry> | undefined;
  private finished = false;
  private restartRequested = false;
  private files = 0;
  private specs = 0;
  private lastReport = 0;
  /** Files this indexer added, and those the current walk indexed: a re-walk drops what it no longer indexes. */
  private indexedByWalk = new Set<string>();
  private seenThisWalk = new Set<string>();
  private waiting: (() => void)[] = [];

  constructor(
    private readonly engine: Engine,
    private readonly index: WorkspaceIndex,
    private readonly workspaceRoots: readonly string[],
    /** Open documents' texts: they win over the disk, and a file changed on disk while open is not re-read. */
    private readonly openTexts: ReadonlyMap<string, string>,
    private readonly onProgress: (progress: IndexingProgress) => void,
    private readonly log: (message: string) => void,
  ) {}

  /** True once the first walk has ended (the index is complete). */
  get isFinished(): boolean {
    return this.finished;
  }

  start(): void {
    if (this.walk) {
      this.restartRequested = true;
      return;
    }
    this.files = 0;
    this.specs = 0;
    this.seenThisWalk = new Set();
    this.walk = walkRoots(this.workspaceRoots, isIndexedFile);
    this.lastReport = performance.now();
    this.onProgress({ phase: 'begin', files: 0 });
    setImmediate(() => this.slice());
  }

  /** Runs `then` once the first walk has ended (at once if it has). */
  whenFinished(then: () => void): () => void {
    if (this.finished) {
      then();
      return () => {};
    }
    this.waiting.push(then);
    return () => {
      this.waiting = this.waiting.filter((waiting) => waiting !== then);
    };
  }

  /** A file changed, was created or deleted on disk, or was closed: index what the disk has now. */
  reindexFromDisk(filePath: string): void {
    const resolved = path.resolve(filePath);
    if (this.openTexts.has(resolved) || !isIndexedFile(resolved)) return;
    const text = this.workspaceRoots.some((root) => isWalkedFile(resolved, root)) ? this.readIndexable(resolved) : undefined;
    if (text === undefined || !this.indexText(resolved, text)) {
      this.index.remove(resolved);
      this.indexedByWalk.delete(resolved);
    }
  }

  /** An open document the engine does not analyse (a Prisma schema): index the editor's text. */
  indexOpenText(filePath: string, text: string): void {
    this.indexText(path.resolve(filePath), text);
  }

  private slice(): void {
    const walk = this.walk;
    if (!walk) return;
    const deadline = performance.now() + SLICE_MS;
    while (performance.now() < deadline) {
      const next = walk.next();
      if (next.done) return this.endWalk();
      if (next.value.kind === 'file') this.indexWalked(next.value.filePath);
    }
    if (performance.now() - this.lastReport >= REPORT_EVERY_MS) {
      this.lastReport = performance.now();
      this.onProgress({ phase: 'report', files: this.files, specs: this.specs });
    }
    setImmediate(() => this.slice());
  }

  private indexWalked(filePath: string): void {
    const resolved = path.resolve(filePath);
    const open = this.openTexts.get(resolved);
    // An open document is summarised by its own analyses; index its text only if none has run yet.
    if (open !== undefined && this.index.has(resolved)) return this.count(resolved);
    const text = open ?? this.readIndexable(resolved);
    if (text === undefined || !this.indexText(resolved, text)) return;
    this.seenThisWalk.add(resolved);
    this.count(resolved);
  }

  private count(filePath: string): void {
    if (!isSpecCandidateFile(filePath)) this.files++;
    else if (this.index.summaryOf(filePath)?.spec) this.specs++;
  }

  /** The file's text when the walk would index it: not ignored by config, within the size limit, not minified or binary. */
  private readIndexable(filePath: string): string | undefined {
    try {
      const read = readWalkedFile(this.engine, filePath, false);
      if (read?.kind !== 'text') return undefined;
      // Specs are often minified or generated: readWalkedFile applied their size limit; the script checks do not apply.
      if (isSpecCandidateFile(filePath)) return read.text;
      return reasonToSkip(read.text, read.config.maxFileSize) ? undefined : read.text;
    } catch (error) {
      // An invalid apiguard.json: the file is left out until the config is fixed (the editor shows the error).
      this.log(`indexing skipped ${filePath}: ${error instanceof Error ? error.message : String(error)}`);
      return undefined;
    }
  }

  private indexText(filePath: string, text: string): boolean {
    try {
      this.index.indexFile(filePath, text);
      this.indexedByWalk.add(filePath);
      return true;
    } catch (error) {
      // Too deeply nested to parse, or a summarizer bug: the file is left out, never the whole index.
      this.log(`the API index could not summarise ${filePath}: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
      return false;
    }
  }

  private endWalk(): void {
    this.walk = undefined;
    // A re-walk (after a config change) drops files it no longer reaches, e.g. newly ignored ones.
    for (const filePath of this.indexedByWalk) {
      if (this.seenThisWalk.has(filePath) || this.openTexts.has(filePath)) continue;
      this.index.remove(filePath);
      this.indexedByWalk.delete(filePath);
    }
    this.seenThisWalk = new Set();
    // Without a workspace folder nothing was walked: the model stays incomplete and model rules stay silent.
    if (this.workspaceRoots.length > 0) this.index.markComplete();
    this.finished = true;
    this.onProgress({ phase: 'end', files: this.files, specs: this.specs, routes: this.index.model().routes.length });
    const waiting = this.waiting;
    this.waiting = [];
    for (const then of waiting) then();
    if (this.restartRequested) {
      this.restartRequested = false;
      this.start();
    }
  }
}

/**
 * Files the index summarises: scripts, Prisma schemas, and YAML/JSON that may be OpenAPI specs (read whole only when
 * small or when their head looks like a spec: see readWalkedFile; the rest leave nothing in the index).
 */
export function isIndexedFile(filePath: string): boolean {
  return isScriptFile(filePath) || isPrismaSchemaFile(filePath) || isSpecCandidateFile(filePath);
}

function* walkRoots(roots: readonly string[], isAnalysable: (fileName: string) => boolean): Generator<WalkedEntry, void, undefined> {
  for (const root of roots) {
    let walk;
    try {
      walk = walkWorkspace([root], root, isAnalysable);
    } catch {
      // A workspace folder that does not exist (deleted since the editor opened it) has nothing to index.
      continue;
    }
    yield* walk;
  }
}
