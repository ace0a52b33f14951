// Whole-project work runs in a worker thread, on the other core, so it never holds back the syntactic diagnostics
// of a keystroke (published at once by the main thread) nor the next keystroke:
// - type-aware rules (meta.requiresTypes) need a ts.Program and a checker: tens of milliseconds per edit, and a
//   second or more for the first program of a project. The worker runs the complete analysis of the latest text it
//   was given; the main thread publishes it only if the document has not changed since. One request is in flight
//   at a time; newer text for the same document replaces a queued request, so a burst of edits never builds a queue.
// - the API model: after start-up the worker indexes the workspace (workspace-indexer.ts) and keeps the index
//   current from every analysis and from files changed on disk; model rules (meta.requiresApiModel) run here only.
//   An analysis that changes the verdicts of other open files names them, so the main thread re-analyses them.
// - the security report (apiguard/report) scans the saved workspace, exactly as `apiguard scan` does, a slice at a
//   time with progress and cancellation, reusing what earlier reports found in unchanged files (ReportBuilder); the
//   route inventory (apiguard/routes) is read from the index once indexing has finished.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { version as TOOL_VERSION } from '../../package.json';
import type { ReportParams, RoutesResult } from '../../shared/protocol';
import { Engine, allFindingMetas, diskReader } from '../engine/analyzer';
import { isPrismaSchemaFile, WorkspaceIndex } from '../engine/api-model/workspace-index';
import { isSpecCandidateFile } from '../engine/openapi/parse-spec';
import { ScanCache } from '../engine/scan-cache';
import { WorkspaceScan, type ScanProgress, type WorkspaceScanResult } from '../engine/workspace-scan';
import { formatReport, type ReportFormat } from '../report';
import { buildReportInventory, routesResult } from '../report/routes';
import type { Finding } from '../engine/findings';
import { WorkspaceIndexer, type IndexingProgress } from './workspace-indexer';

export interface TypeAwareRequest {
  uri: string;
  filePath: string;
  text: string;
  changeCount: number;
  /** The server's fix-input generation when the request was made (see LanguageServer.fixInputsChanged). */
  generation: number;
}

export interface TypeAwareResult {
  uri: string;
  changeCount: number;
  generation: number;
  /** The complete analysis (all rules), or undefined when it failed (see error). */
  findings?: Finding[];
  skipped?: string;
  error?: string;
  elapsedMs: number;
}

/** Open documents' texts changed since the last request (null: closed), so the worker reads what the editor has. */
type Overlays = [filePath: string, text: string | null][];
type ToWorker =
  | { type: 'analyze'; request: TypeAwareRequest; overlays: Overlays }
  | { type: 'invalidateConfig' }
  | { type: 'closed'; filePath: string }
  | { type: 'inspect'; id: number }
  | { type: 'report'; id: number; format: ReportFormat; interactive?: ReportParams['interactive'] }
  | { type: 'fileChanged'; filePath: string }
  | { type: 'routes'; id: number }
  | { type: 'cancel'; id: number };
type FromWorker =
  | { type: 'result'; result: TypeAwareResult }
  | { type: 'log'; message: string }
  | { type: 'inspect'; id: number; state: WorkerState }
  | { type: 'report'; id: number; content?: string; error?: string; cancelled?: boolean; counts?: ReportCounts }
  | { type: 'reportProgress'; id: number; progress: ReportProgress }
  | { type: 'routes'; id: number; result?: RoutesResult; error?: string }
  | { type: 'indexing'; progress: IndexingProgress }
  | { type: 'affected'; filePaths: string[] };

/** Where a report's scan is: a percentage that only grows, and what it is doing ("src/routes (12/340 files)"). */
export interface ReportProgress {
  percentage: number;
  message: string;
}

/** How much of the workspace a report analysed, and how much it reused from the previous ones. */
export interface ReportCounts {
  files: number;
  analysed: number;
  reused: number;
}

export interface ReportOutcome {
  content: string;
  counts: ReportCounts;
}

/** What the main thread hears besides analysis results. */
export interface BackgroundEvents {
  /** Indexing began, went on or ended; `stopped` when the worker died before the end. */
  indexing(progress: IndexingProgress & { stopped?: boolean }): void;
  /** The verdicts of routes in these open files changed (another file's edit, a file changed on disk). */
  affected(filePaths: string[]): void;
}

/** What the worker holds, for memory tests (internal, never part of the protocol). */
export interface WorkerState {
  openTexts: string[];
  typeInfoFiles: string[];
  /** Specs and their `$ref` targets whose parse the worker's engine holds. */
  parsedSpecFiles: string[];
}

const WORKER_FLAG = 'apiguard-background-worker';
/** A worker that keeps dying is given up on; syntactic diagnostics carry on. */
const MAX_RESTARTS = 3;

export function isBackgroundWorker(): boolean {
  return !isMainThread && (workerData as { role?: string } | undefined)?.role === WORKER_FLAG;
}

/** A request the client cancelled while it waited for the worker. */
export class CancelledError extends Error {
  constructor() {
    super('cancelled');
  }
}

export class BackgroundAnalysis {
  private worker: Worker | undefined;
  private inFlight: TypeAwareRequest | undefined;
  private readonly queue = new Map<string, TypeAwareRequest>();
  private restarts = 0;
  private disposed = false;
  /** Open documents changed since the worker last heard of them; their text is read when the next request goes. */
  private readonly dirtyPaths = new Set<string>();
  /** Report and route requests waiting for the worker's answer, by id. */
  private readonly replies = new Map<number, { resolve: (value: any) => void; reject: (error: Error) => void }>();
  /** Reports in progress: id → where their progress goes. */
  private readonly progressListeners = new Map<number, (progress: ReportProgress) => void>();
  private nextReportId = 1;
  private indexing = false;

  constructor(
    /** The bundle that contains this module (dist/server.js): the worker runs the same file. */
    private readonly scriptPath: string,
    private readonly workspaceRoots: string[],
    /** The editor's text of an open document, or undefined once it is closed. */
    private readonly openText: (filePath: string) => string | undefined,
    private readonly onResult: (result: TypeAwareResult) => void,
    private readonly log: (message: string, isError: boolean) => void,
    private readonly allOpenPaths: () => Iterable<string>,
    private readonly events: BackgroundEvents,
  ) {}

  /** Starts the worker now (after initialize), so it indexes the workspace before the first request needs it. */
  start(): void {
    if (!this.disposed) this.ensureWorker();
  }

  /** A script file changed, was created or deleted on disk (and is not open): the worker re-indexes it. */
  fileChanged(filePath: string): void {
    this.worker?.postMessage({ type: 'fileChanged', filePath } satisfies ToWorker);
  }

  get pending(): number {
    return this.queue.size + (this.inFlight ? 1 : 0);
  }

  isPending(uri: string): boolean {
    return this.inFlight?.uri === uri || this.queue.has(uri);
  }

  request(request: TypeAwareRequest): void {
    if (this.disposed) return;
    this.queue.set(request.uri, request);
    this.pump();
  }

  /** An open document was opened, changed or closed. */
  documentChanged(filePath: string): void {
    this.dirtyPaths.add(filePath);
  }

  /** A document was closed: drop its queued request and tell the worker to drop its text and programs holding it. */
  documentClosed(uri: string, filePath: string | undefined): void {
    this.queue.delete(uri);
    if (filePath === undefined) return;
    this.dirtyPaths.delete(filePath);
    // In order behind any analysis in flight; a worker started later never hears of this document.
    this.worker?.postMessage({ type: 'closed', filePath } satisfies ToWorker);
  }

  /** Internal, for memory tests: what the worker holds now (after any message already sent). */
  inspectWorker(): Promise<WorkerState | undefined> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(undefined);
    const id = this.nextReportId++;
    return new Promise((resolve) => {
      const listener = (message: FromWorker) => {
        if (message.type !== 'inspect' || message.id !== id) return;
        worker.off('message', listener);
        resolve(message.state);
      };
      worker.on('message', listener);
      worker.postMessage({ type: 'inspect', id } satisfies ToWorker);
    });
  }

  /**
   * The report of the saved workspace folders, as `apiguard scan --format <format>` prints it, with the scan's
   * progress as it goes; `onCancel` stops it (the promise rejects with CancelledError, the worker stops between files).
   */
  report(format: ReportFormat, interactive: ReportParams['interactive'], onProgress: (progress: ReportProgress) => void, onCancel: (stop: () => void) => { dispose(): void }): Promise<ReportOutcome> {
    return this.ask((id) => ({ type: 'report', id, format, ...(interactive ? { interactive } : {}) }), onCancel, onProgress);
  }

  /** The route inventory, once indexing has finished; `onCancel` stops waiting (the promise rejects with Cancelled). */
  routes(onCancel: (stop: () => void) => { dispose(): void }): Promise<RoutesResult> {
    return this.ask((id) => ({ type: 'routes', id }), onCancel);
  }

  private ask<T>(message: (id: number) => ToWorker, onCancel?: (stop: () => void) => { dispose(): void }, onProgress?: (progress: ReportProgress) => void): Promise<T> {
    const worker = this.disposed ? undefined : this.ensureWorker();
    if (!worker) return Promise.reject(new Error('the background worker is unavailable (it kept failing; see the log)'));
    const id = this.nextReportId++;
    if (onProgress) this.progressListeners.set(id, onProgress);
    return new Promise<T>((resolve, reject) => {
      const cancellation = onCancel?.(() => {
        this.progressListeners.delete(id);
        if (!this.replies.delete(id)) return;
        this.worker?.postMessage({ type: 'cancel', id } satisfies ToWorker);
        reject(new CancelledError());
      });
      const settled = (then: () => void) => {
        cancellation?.dispose();
        this.progressListeners.delete(id);
        then();
      };
      this.replies.set(id, { resolve: (value: T) => settled(() => resolve(value)), reject: (error) => settled(() => reject(error)) });
      // Queued behind any analysis in flight: the worker takes one message at a time.
      worker.postMessage(message(id));
    });
  }

  invalidateConfig(): void {
    this.worker?.postMessage({ type: 'invalidateConfig' } satisfies ToWorker);
  }

  dispose(): void {
    this.disposed = true;
    this.queue.clear();
    void this.worker?.terminate();
    this.worker = undefined;
  }

  private pump(): void {
    if (this.inFlight || this.disposed) return;
    const next = this.queue.values().next();
    if (next.done) return;
    const worker = this.ensureWorker();
    if (!worker) {
      const request = next.value;
      this.queue.delete(request.uri);
      this.onResult({ uri: request.uri, changeCount: request.changeCount, generation: request.generation, error: 'type-aware analysis is unavailable (worker kept failing)', elapsedMs: 0 });
      return this.pump();
    }
    this.inFlight = next.value;
    this.queue.delete(next.value.uri);
    this.dirtyPaths.delete(next.value.filePath);
    const overlays: Overlays = [...this.dirtyPaths].map((filePath) => [filePath, this.openText(filePath) ?? null]);
    this.dirtyPaths.clear();
    worker.postMessage({ type: 'analyze', request: next.value, overlays } satisfies ToWorker);
  }

  private ensureWorker(): Worker | undefined {
    if (this.worker) return this.worker;
    if (this.restarts > MAX_RESTARTS) return undefined;
    // stdout must never reach the process's stdout: with --stdio that is the LSP stream.
    // A new worker knows no open documents yet: tell it about all of them with the first request.
    this.dirtyPaths.clear();
    for (const filePath of this.allOpenPaths()) this.dirtyPaths.add(filePath);
    const worker = new Worker(this.scriptPath, { workerData: { role: WORKER_FLAG, workspaceRoots: this.workspaceRoots }, stdout: true, stderr: true });
    worker.stdout.resume();
    worker.stderr.on('data', (chunk) => this.log(`background worker stderr: ${String(chunk).trimEnd()}`, true));
    worker.on('message', (message: FromWorker) => {
      if (message.type === 'log') return this.log(message.message, false);
      if (message.type === 'inspect') return;
      if (message.type === 'indexing') {
        this.indexing = message.progress.phase !== 'end';
        return this.events.indexing(message.progress);
      }
      if (message.type === 'affected') return this.events.affected(message.filePaths);
      if (message.type === 'reportProgress') return this.progressListeners.get(message.id)?.(message.progress);
      if (message.type === 'report' || message.type === 'routes') {
        const waiting = this.replies.get(message.id);
        this.replies.delete(message.id);
        const value: ReportOutcome | RoutesResult | undefined =
          message.type === 'report' ? (message.content !== undefined ? { content: message.content, counts: message.counts! } : undefined) : message.result;
        if (value !== undefined) waiting?.resolve(value);
        else if (message.type === 'report' && message.cancelled) waiting?.reject(new CancelledError());
        else waiting?.reject(new Error(message.error ?? `${message.type} failed`));
        return;
      }
      this.inFlight = undefined;
      this.onResult(message.result);
      this.pump();
    });
    const failed = (why: string) => {
      if (this.worker !== worker) return;
      this.worker = undefined;
      this.restarts++;
      const lost = this.inFlight;
      this.inFlight = undefined;
      for (const waiting of this.replies.values()) waiting.reject(new Error(`the background worker ${why}`));
      this.replies.clear();
      if (this.indexing) {
        this.indexing = false;
        this.events.indexing({ phase: 'end', files: 0, stopped: true });
      }
      if (this.disposed) return;
      this.log(`background worker ${why}${this.restarts > MAX_RESTARTS ? '; giving up on type-aware rules and reports until restart' : '; restarting it'}`, true);
      // A new worker indexes the workspace again (the index lived in the old one).
      if (this.restarts <= MAX_RESTARTS) this.ensureWorker();
      if (lost) this.onResult({ uri: lost.uri, changeCount: lost.changeCount, generation: lost.generation, error: `type-aware worker ${why}`, elapsedMs: 0 });
      this.pump();
    };
    worker.on('error', (error) => failed(`crashed: ${error.stack ?? error}`));
    worker.on('exit', (code) => failed(`exited with code ${code}`));
    this.worker = worker;
    return worker;
  }
}

/** The worker side: a complete engine of its own, reading open documents' texts first, then the disk. */
export function runBackgroundWorker(): void {
  const port = parentPort!;
  lowerThisThreadsPriority();
  const { workspaceRoots } = workerData as { workspaceRoots: string[] };
  const post = (message: FromWorker) => port.postMessage(message);
  const log = (message: string) => post({ type: 'log', message });
  const openTexts = new Map<string, string>();
  const reader = {
    readFile: (filePath: string) => openTexts.get(path.resolve(filePath)) ?? diskReader.readFile(filePath),
    fileExists: (filePath: string) => openTexts.has(path.resolve(filePath)) || diskReader.fileExists(filePath),
  };
  const apiIndex = new WorkspaceIndex();
  const engine = new Engine({ workspaceRoots, reader, keepLastValidConfig: true, log, apiIndex });
  const indexer = new WorkspaceIndexer(engine, apiIndex, workspaceRoots, openTexts, (progress) => post({ type: 'indexing', progress }), log);
  const reports = new ReportBuilder(workspaceRoots, post);
  /** Route requests waiting for indexing to end: id → stop waiting. */
  const waitingRoutes = new Map<number, () => void>();
  /** Open specs analysed here → the `$ref` targets they read, whose parses go when no open spec reads them. */
  const specDependencies = new Map<string, string[]>();
  const forgetSpec = (filePath: string) => {
    const dependencies = specDependencies.get(filePath) ?? [];
    specDependencies.delete(filePath);
    for (const dependency of dependencies) {
      if (openTexts.has(dependency) || [...specDependencies.values()].some((others) => others.includes(dependency))) continue;
      engine.forgetFile(dependency);
    }
  };

  /**
   * Runs a change to the index and names the other open files whose routes' verdicts it changed (adding
   * `app.use(requireLogin)` in app.ts protects the routes of users.ts): their model findings must be recomputed.
   */
  const reportingAffected = (changedFile: string | undefined, change: () => void) => {
    const others = apiIndex.isComplete ? [...openTexts.keys()].filter((filePath) => filePath !== changedFile) : [];
    if (others.length === 0) return change();
    const before = apiIndex.model();
    const signatures = others.map((filePath) => judgedSignature(before, filePath));
    change();
    const after = apiIndex.model();
    if (after === before) return;
    const filePaths = others.filter((filePath, i) => judgedSignature(after, filePath) !== signatures[i]);
    if (filePaths.length > 0) post({ type: 'affected', filePaths });
  };

  const analyzeRequest = ({ request, overlays }: Extract<ToWorker, { type: 'analyze' }>) => {
    for (const [filePath, text] of overlays) {
      if (text !== null) {
        openTexts.set(filePath, text);
        // A schema is never analysed itself, and a spec is analysed here only when a model spec rule is on: their
        // editor text reaches the index here, before the analysis (of a route file, say) reads it.
        if (isPrismaSchemaFile(filePath) || isSpecCandidateFile(filePath)) indexer.indexOpenText(filePath, text);
      } else if (openTexts.delete(filePath)) indexer.reindexFromDisk(filePath);
    }
    const filePath = path.resolve(request.filePath);
    openTexts.set(filePath, request.text);
    const started = performance.now();
    let result: TypeAwareResult;
    try {
      let analysis!: ReturnType<Engine['analyze']>;
      // The engine refreshes this file's summary in its walk, before the model rules read the model.
      reportingAffected(filePath, () => (analysis = engine.analyze(filePath, request.text)));
      if (analysis.dependencies) specDependencies.set(filePath, analysis.dependencies);
      else specDependencies.delete(filePath);
      result = { uri: request.uri, changeCount: request.changeCount, generation: request.generation, findings: analysis.findings, skipped: analysis.skipped, elapsedMs: performance.now() - started };
    } catch (error) {
      result = { uri: request.uri, changeCount: request.changeCount, generation: request.generation, error: error instanceof Error ? (error.stack ?? error.message) : String(error), elapsedMs: performance.now() - started };
    }
    post({ type: 'result', result });
  };

  port.on('message', (message: ToWorker) => {
    switch (message.type) {
      case 'invalidateConfig':
        engine.invalidateConfig();
        // Findings of earlier reports were made with the old config (and project roots, tsconfig paths).
        reports.invalidate();
        // "auth", "ignore" and size limits may have changed: verdicts are decided again and the walk redone.
        apiIndex.invalidate();
        return indexer.start();
      case 'closed':
        openTexts.delete(message.filePath);
        engine.forgetFile(message.filePath);
        forgetSpec(message.filePath);
        // Its unsaved text is gone: the index goes back to what the disk has.
        return reportingAffected(message.filePath, () => indexer.reindexFromDisk(message.filePath));
      case 'fileChanged':
        return reportingAffected(path.resolve(message.filePath), () => indexer.reindexFromDisk(message.filePath));
      case 'inspect': {
        const state: WorkerState = { openTexts: [...openTexts.keys()], typeInfoFiles: [...engine.typeInfo.heldFilePaths()], parsedSpecFiles: [...engine.heldSpecFiles()] };
        return post({ type: 'inspect', id: message.id, state });
      }
      case 'report':
        return reports.request(message.id, message.format, message.interactive);
      case 'routes': {
        const { id } = message;
        const stop = indexer.whenFinished(() => {
          waitingRoutes.delete(id);
          post(routesReply(id, apiIndex));
        });
        if (!indexer.isFinished) waitingRoutes.set(id, stop);
        return;
      }
      case 'cancel':
        waitingRoutes.get(message.id)?.();
        waitingRoutes.delete(message.id);
        reports.cancel(message.id);
        return;
      case 'analyze':
        return analyzeRequest(message);
    }
  });

  indexer.start();
}

/**
 * What model rules judge in an open file: a spec's operations with the routes implementing them
 * (spec/unimplemented-operation); a script's routes with their verdicts and the operations documenting them
 * (missing-auth, spec/undocumented-route, spec/auth-mismatch), and the request data other modules hand to its
 * functions (unparameterized-query at their sinks). A change to it re-analyses that file.
 */
function judgedSignature(model: ReturnType<WorkspaceIndex['model']>, filePath: string): string {
  if (isSpecCandidateFile(filePath)) {
    const operations = model.specs.operationsOf(filePath);
    return JSON.stringify(operations?.map(({ operation, implementedBy }) => [operation.method, operation.path, implementedBy.map((route) => [route.method, route.path, route.declaredAt.filePath, route.auth])]) ?? null);
  }
  const documented = model.routesDeclaredIn(filePath).map((route) => {
    const documentedBy = model.specs.operationForRoute(route);
    return documentedBy ? [documentedBy.specPath, documentedBy.operation.method, documentedBy.operation.path, documentedBy.operation.security] : null;
  });
  return model.signatureOf(filePath) + JSON.stringify([model.specs.coveringSpecs(filePath), documented]) + model.requestDataSignature(filePath);
}

function routesReply(id: number, apiIndex: WorkspaceIndex): FromWorker {
  try {
    const model = apiIndex.model();
    return { type: 'routes', id, result: routesResult(model, (filePath) => pathToFileURL(filePath).toString()) };
  } catch (error) {
    return { type: 'routes', id, error: error instanceof Error ? error.message : String(error) };
  }
}

/** How long the worker scans before it lets other messages in (an analysis of the file being typed, a cancel). */
const REPORT_SLICE_MS = 30;
/** Progress goes to the main thread at most this often. */
const REPORT_PROGRESS_EVERY_MS = 100;

interface ReportJob {
  id: number;
  format: ReportFormat;
  interactive: ReportParams['interactive'];
  cancelled: boolean;
}

/**
 * The security report, scanned a slice at a time so the worker keeps serving analyses, and stopped between files
 * when cancelled. One engine, index and ScanCache live from one report to the next, so a report asked for again
 * analyses only what changed (see server/engine/scan-cache.ts); a config change drops them. Reports run one at a time.
 */
class ReportBuilder {
  private scanner: { engine: Engine; cache: ScanCache } | undefined;
  private readonly queue: ReportJob[] = [];
  private running: ReportJob | undefined;

  constructor(
    private readonly workspaceRoots: string[],
    private readonly post: (message: FromWorker) => void,
  ) {}

  request(id: number, format: ReportFormat, interactive: ReportParams['interactive']): void {
    if (this.workspaceRoots.length === 0) return this.post({ type: 'report', id, error: 'no workspace folder is open: open a folder to get a report' });
    this.queue.push({ id, format, interactive, cancelled: false });
    this.next();
  }

  cancel(id: number): void {
    if (this.running?.id === id) this.running.cancelled = true;
    const queued = this.queue.findIndex((job) => job.id === id);
    if (queued >= 0) this.queue.splice(queued, 1);
  }

  /** apiguard.json, package.json or a tsconfig changed: nothing of earlier reports is reused. */
  invalidate(): void {
    this.scanner = undefined;
  }

  private next(): void {
    if (this.running) return;
    const job = this.queue.shift();
    if (!job) return;
    this.running = job;
    let scan: WorkspaceScan;
    let engine: Engine;
    try {
      if (!this.scanner) {
        const cache = new ScanCache();
        // With an index of its own, the report includes what model rules find (missing-auth), as `apiguard scan` does.
        this.scanner = { cache, engine: new Engine({ workspaceRoots: this.workspaceRoots, reader: cache.reader, apiIndex: new WorkspaceIndex() }) };
      }
      engine = this.scanner.engine;
      scan = new WorkspaceScan(engine, { paths: this.workspaceRoots, root: this.workspaceRoots[0]!, cache: this.scanner.cache, isCancelled: () => job.cancelled });
    } catch (error) {
      return this.settle(job, { type: 'report', id: job.id, error: errorMessage(error) });
    }
    let lastProgress = performance.now();
    let percentage = 0;
    this.post({ type: 'reportProgress', id: job.id, progress: reportProgressOf(scan.progress(), this.workspaceRoots) });
    const slice = () => {
      try {
        const deadline = performance.now() + REPORT_SLICE_MS;
        while (performance.now() < deadline) {
          if (!scan.step()) continue;
          if (scan.result.cancelled) return this.settle(job, { type: 'report', id: job.id, cancelled: true });
          const generatedAt = new Date();
          const counts = { files: scan.result.files.length, ...scan.counts };
          return this.settle(job, { ...buildReport(job.id, job.format, job.interactive, engine, scan.result, generatedAt), counts });
        }
        if (performance.now() - lastProgress >= REPORT_PROGRESS_EVERY_MS) {
          lastProgress = performance.now();
          const progress = reportProgressOf(scan.progress(), this.workspaceRoots);
          // Percentages only grow (pass 2 starts at 90 %).
          percentage = Math.max(percentage, progress.percentage);
          this.post({ type: 'reportProgress', id: job.id, progress: { ...progress, percentage } });
        }
        setImmediate(slice);
      } catch (error) {
        // An invalid apiguard.json, a file that vanished mid-read: the report fails, the next one starts afresh.
        this.scanner = undefined;
        this.settle(job, { type: 'report', id: job.id, error: errorMessage(error) });
      }
    };
    setImmediate(slice);
  }

  private settle(job: ReportJob, reply: FromWorker): void {
    this.running = undefined;
    // A cancelled request has been answered on the main thread already.
    if (!job.cancelled) this.post(reply);
    this.next();
  }
}

/** "src/routes (12/340 files)": pass 1 fills 0–90 %, the model rules' pass 90–100 %. */
function reportProgressOf(progress: ScanProgress, workspaceRoots: readonly string[]): ReportProgress {
  if (progress.phase === 'walk') return { percentage: 0, message: `listing files (${progress.total} found)` };
  const folder = progress.filePath === undefined ? '' : `${folderLabel(progress.filePath, workspaceRoots)} `;
  const fraction = progress.total === 0 ? 1 : progress.done / progress.total;
  if (progress.phase === 'analyse') return { percentage: Math.floor(90 * fraction), message: `${folder}(${progress.done}/${progress.total} files)` };
  return { percentage: 90 + Math.floor(10 * fraction), message: `${folder}(model rules: ${progress.done}/${progress.total} files)` };
}

/** The file's folder relative to its workspace folder (prefixed with that folder's name when there are several). */
function folderLabel(filePath: string, workspaceRoots: readonly string[]): string {
  const root = workspaceRoots.filter((candidate) => filePath.startsWith(candidate + path.sep)).sort((a, b) => b.length - a.length)[0];
  if (root === undefined) return path.basename(path.dirname(filePath));
  const relative = path.relative(root, path.dirname(filePath)).split(path.sep).join('/');
  const inRoot = relative === '' ? '.' : relative;
  return workspaceRoots.length > 1 ? `${path.basename(root)}/${relative}`.replace(/\/$/, '') : inRoot;
}

/** Formats a finished scan like the CLI. */
function buildReport(id: number, format: ReportFormat, interactive: ReportParams['interactive'], engine: Engine, scan: WorkspaceScanResult, generatedAt: Date): Extract<FromWorker, { type: 'report' }> {
  try {
    // The scan's own index (the report's engine has one): its routes and specs make the report's API inventory.
    const inventory = engine.apiIndex ? buildReportInventory(engine.apiIndex.model(), scan.root, readTextOrUndefined) : undefined;
    const input = { scan, rules: allFindingMetas([...engine.rules, ...engine.specRules]), tool: { name: 'apiguard', version: TOOL_VERSION }, generatedAt: generatedAt.toISOString(), ...(inventory ? { inventory } : {}) };
    const content = formatReport(format, input, { color: false, ...(interactive ? { interactive } : {}) });
    return { type: 'report', id, content };
  } catch (error) {
    return { type: 'report', id, error: errorMessage(error) };
  }
}

function readTextOrUndefined(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Background work must not compete with the keystroke path for a core: on Linux a thread is a task with its own
 * nice value, so the worker lowers only itself. Elsewhere this is skipped (the pass still runs, just unniced).
 */
function lowerThisThreadsPriority(): void {
  try {
    const threadId = Number(path.basename(fs.readlinkSync('/proc/thread-self')));
    if (Number.isInteger(threadId) && threadId > 0) os.setPriority(threadId, 10);
  } catch {
    // Not Linux, or not permitted: nothing to do.
  }
}
