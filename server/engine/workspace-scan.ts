// Walks folders and analyses every JS/TS file with the one Engine: used by the CLI and the server's report
// command. The walk respects .gitignore files (nested ones too), always skips dependency and build folders, and
// never throws on an unreadable entry (permissions, broken symlinks, symlink loops): those become skipped files.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { diskReader, type Engine, type FileSystemReader } from './analyzer';
import type { ResolvedConfig } from './config';
import { INTERNAL_ERROR, SUPPRESSION_WITHOUT_REASON, UNUSED_SUPPRESSION } from './engine-findings';
import type { Finding } from './findings';
import type { Rule } from '../../rules/support/rule';
import { LineIndex } from './line-index';
import { isPrismaSchemaFile } from './api-model/workspace-index';
import { isSpecCandidateFile, mayBeSpecText, syntaxOf } from './openapi/parse-spec';
import { isScriptFile } from './source-files';
import type { RecordedReads, ScanCache } from './scan-cache';

/** Why a file named on the command line is not analysed: not a script, and not an OpenAPI document. */
export const NOT_ANALYSABLE = 'skipped: not a JavaScript, TypeScript or OpenAPI file';

/** How much of a large YAML/JSON file is read to decide whether it is a spec (the key is at its top). */
const SPEC_SNIFF_BYTES = 64 * 1024;

function readHead(filePath: string, bytes: number): string {
  const fd = fs.openSync(filePath, 'r');
  try {
    const buffer = Buffer.alloc(bytes);
    const read = fs.readSync(fd, buffer, 0, bytes, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    fs.closeSync(fd);
  }
}

/** Folders never walked: dependencies, VCS data and build output. */
export const ALWAYS_SKIPPED_DIRS: ReadonlySet<string> = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'build',
  'out',
  'coverage',
  '.next',
  '.nuxt',
  '.output',
  '.svelte-kit',
  '.turbo',
  '.vercel',
]);

export interface ScannedFinding extends Finding {
  /** Stable across line shifts: hash of rule id, relative path, the line's text without the finding, occurrence. */
  fingerprint: string;
}

export interface ScannedFile {
  /** Absolute path. */
  filePath: string;
  lineCount: number;
  findings: ScannedFinding[];
}

export interface SkippedFile {
  /** Absolute path. */
  filePath: string;
  /** User-facing, starts with "skipped:". */
  reason: string;
}

/** What left a file out: a .gitignore file, or the "ignore" globs of an apiguard.json. `--no-ignore` lifts both. */
export type IgnoredBy = '.gitignore' | 'apiguard.json';

export interface IgnoredFile {
  /** Absolute path. */
  filePath: string;
  by: IgnoredBy;
}

export interface WorkspaceScanResult {
  /** Relative paths and fingerprints are computed from here. */
  root: string;
  /** Every analysed file (with or without findings), in walk order (sorted by path). */
  files: ScannedFile[];
  skipped: SkippedFile[];
  /**
   * Files of a path named to the scan that the ignore rules exclude whole (a named file, a folder .gitignore
   * ignores, a folder whose every file "ignore" matches): they would otherwise vanish without a word. What the
   * rules leave out of a folder that is otherwise scanned is not listed: that is what they are for.
   */
  ignored: IgnoredFile[];
  linesScanned: number;
  durationMs: number;
  /** True when `isCancelled` stopped the scan early: the results cover the files analysed until then. */
  cancelled: boolean;
}

export interface WorkspaceScanOptions {
  /** Files or folders; relative ones resolve against `root`. */
  paths: string[];
  /** Base for relative paths in results (the cwd for the CLI, the workspace folder for the server). */
  root: string;
  /** Called after each analysed file, e.g. for progress. */
  onFile?: (file: ScannedFile) => void;
  /** Checked before each file; the server's report command passes its request's cancellation. */
  isCancelled?: () => boolean;
  /**
   * Findings of an earlier scan with the same engine, reused for files whose text, config and reads are unchanged
   * (the server's report; see scan-cache.ts). The engine must read through `cache.reader`.
   */
  cache?: ScanCache;
}

/**
 * A disk reader that remembers answers for the length of one scan: rules that resolve imports ask about the same
 * neighbouring files for every file that imports them. Texts are kept up to a budget, existence checks always.
 */
export function createScanReader(textBudgetBytes = 64 * 1024 * 1024, base: FileSystemReader = diskReader): FileSystemReader {
  const exists = new Map<string, boolean>();
  const texts = new Map<string, string | undefined>();
  let budget = textBudgetBytes;
  return {
    fileExists(filePath) {
      let known = exists.get(filePath);
      if (known === undefined) exists.set(filePath, (known = base.fileExists(filePath)));
      return known;
    },
    readFile(filePath) {
      if (texts.has(filePath)) return texts.get(filePath);
      const text = base.readFile(filePath);
      const size = text?.length ?? 0;
      if (size <= budget) {
        budget -= size;
        texts.set(filePath, text);
      }
      return text;
    },
  };
}

/** A path given to the scan does not exist (a usage error, not a skipped file). */
export class ScanPathError extends Error {}

/**
 * One step of the walk: a JS/TS file to read, a file of a named folder that .gitignore ignores whole (only with
 * `reportIgnored`), or an entry that could not be walked (with the reason). `target` is the named path (resolved)
 * the file was found under.
 */
export type WalkedEntry =
  | { kind: 'file'; filePath: string; /** Named on the command line rather than found in a folder. */ explicit: boolean; target: string }
  | { kind: 'ignored'; filePath: string; by: '.gitignore'; target: string }
  | SkippedFile & { kind: 'skipped' };

export interface WalkOptions {
  /** Read no .gitignore file (`--no-ignore`). */
  noIgnore?: boolean;
  /** Yield the files of a named folder that .gitignore ignores whole as `ignored` entries (else it yields nothing). */
  reportIgnored?: boolean;
}

/**
 * Every JS/TS file under `paths` (files or folders, relative to `root`), once each (by real path), in sorted walk
 * order: the walk `apiguard scan`, `apiguard routes` and the server's background indexing share. A generator, so
 * the server can walk a slice at a time. Throws ScanPathError at once when a given path does not exist.
 */
export function walkWorkspace(
  paths: readonly string[],
  root: string,
  isAnalysable: (fileName: string) => boolean,
  options: WalkOptions = {},
): Generator<WalkedEntry, void, undefined> {
  const targets = paths.map((p) => path.resolve(root, p));
  paths.forEach((given, index) => {
    if (!existsOrIsLink(targets[index]!)) throw new ScanPathError(`path not found: ${given}`);
  });
  return walkTargets(targets, path.resolve(root), isAnalysable, options);
}

function* walkTargets(targets: string[], root: string, isAnalysable: (fileName: string) => boolean, options: WalkOptions): Generator<WalkedEntry, void, undefined> {
  const seenFiles = new Set<string>();
  const readsGitignores = options.noIgnore !== true;
  for (const target of targets) {
    const stat = statOrUndefined(target);
    if (!stat) {
      yield { kind: 'skipped', filePath: target, reason: 'skipped: broken symbolic link' };
    } else if (stat.isDirectory()) {
      const scopes = readsGitignores ? gitignoresAbove(target, root) : [];
      // A named folder that .gitignore ignores (itself or a folder above it) would yield nothing at all: its files
      // are walked without .gitignore, as --no-ignore would, to say how many there are.
      const ignoredWhole = options.reportIgnored === true && isGitignored(scopes, target, true);
      for (const entry of walkDirectory(target, ignoredWhole ? [] : scopes, new Set(), isAnalysable, readsGitignores && !ignoredWhole)) {
        if (entry.kind === 'file') {
          if (seenFiles.has(entry.realPath)) continue;
          seenFiles.add(entry.realPath);
          yield ignoredWhole ? { kind: 'ignored', filePath: entry.filePath, by: '.gitignore', target } : { kind: 'file', filePath: entry.filePath, explicit: false, target };
        } else if (!ignoredWhole) {
          yield entry;
        }
      }
    } else if (isAnalysable(target)) {
      // A file named explicitly is read even if .gitignore lists it: naming it is the request (as `rg` does).
      const realPath = realPathOr(target);
      if (seenFiles.has(realPath)) continue;
      seenFiles.add(realPath);
      yield { kind: 'file', filePath: target, explicit: true, target };
    } else {
      yield { kind: 'skipped', filePath: target, reason: NOT_ANALYSABLE };
    }
  }
}

/**
 * A walked file's text and config, why it is not analysed, or that "ignore" in apiguard.json leaves it out (the
 * caller decides whether that is worth a word); undefined when a large YAML/JSON file is not a spec.
 */
export type ReadResult =
  | { kind: 'text'; text: string; config: ResolvedConfig }
  | { kind: 'skipped'; reason: string }
  | { kind: 'ignored' }
  | undefined;

/**
 * Reads a walked file the way every front end does: "ignore" globs (none with `Engine.noIgnore`), then the size
 * limit (checked before reading, so a huge file never lands in memory). Throws ConfigError for an invalid
 * apiguard.json: the caller decides.
 */
export function readWalkedFile(engine: Engine, filePath: string, explicit: boolean): ReadResult {
  const config = engine.configFor(filePath);
  if (config.isIgnored(filePath)) return { kind: 'ignored' };
  try {
    const size = fs.statSync(filePath).size;
    // Specs have their own, larger limit; a large YAML/JSON file is read whole only when its head looks like a spec
    // (one that does not is left out silently, as a small one is after analysis, unless it was named explicitly).
    if (isSpecCandidateFile(filePath) && size > config.maxFileSize) {
      if (!config.specs.isIncluded(filePath) && !mayBeSpecText(readHead(filePath, SPEC_SNIFF_BYTES), syntaxOf(filePath))) {
        return explicit ? { kind: 'skipped', reason: NOT_ANALYSABLE } : undefined;
      }
      if (size > config.specs.maxFileSize) {
        return {
          kind: 'skipped',
          reason: `skipped: spec is ${formatBytes(size)}, over the ${formatBytes(config.specs.maxFileSize)} limit (raise "specs.maxFileSize" in apiguard.json to analyse it)`,
        };
      }
      return { kind: 'text', text: fs.readFileSync(filePath, 'utf8'), config };
    }
    if (size > config.maxFileSize) {
      return {
        kind: 'skipped',
        reason: `skipped: file is ${formatBytes(size)}, over the ${formatBytes(config.maxFileSize)} limit (raise "maxFileSize" in apiguard.json to analyse it)`,
      };
    }
    return { kind: 'text', text: fs.readFileSync(filePath, 'utf8'), config };
  } catch (error) {
    return { kind: 'skipped', reason: `skipped: cannot read (${errorCode(error)})` };
  }
}

/**
 * True when the walk from `root` would reach this file: not in an always-skipped folder, not gitignored (the
 * server asks this for files created or changed on disk). Config "ignore" and size limits are readWalkedFile's.
 */
export function isWalkedFile(filePath: string, root: string): boolean {
  const relative = path.relative(root, filePath);
  if (relative === '' || relative.startsWith('..') || path.isAbsolute(relative)) return false;
  const folders = relative.split(path.sep).slice(0, -1);
  if (folders.some((folder) => ALWAYS_SKIPPED_DIRS.has(folder))) return false;
  const scopes = gitignoresAbove(filePath, root);
  // A folder that is ignored hides everything below it, whatever a deeper .gitignore says.
  let dir = root;
  for (const folder of folders) {
    dir = path.join(dir, folder);
    if (isGitignored(scopes.filter((scope) => scope.dir.length < dir.length), dir, true)) return false;
  }
  return !isGitignored(scopes, filePath, false);
}

/** Where a scan is, for progress reports. */
export interface ScanProgress {
  /** `walk`: listing files; `analyse`: pass 1 over every file; `model`: pass 2, model rules on the files that need them. */
  phase: 'walk' | 'analyse' | 'model';
  /** Files done and to do in this phase (while walking, `total` is the files found so far). */
  done: number;
  total: number;
  /** The file analysed last (absolute). */
  filePath?: string;
}

/** The whole scan in one call (the CLI). The server drives a `WorkspaceScan` a slice at a time instead. */
export function scanWorkspace(engine: Engine, options: WorkspaceScanOptions): WorkspaceScanResult {
  const scan = new WorkspaceScan(engine, options);
  while (!scan.step());
  return scan.result;
}

type ScanPhase = 'walk' | 'analyse' | 'model' | 'done';

/**
 * A scan as a sequence of small steps (an entry of the walk, one file's analysis, one file's model rules), so a
 * caller can run it in slices, report progress between them and stop it. The walk comes first, whole, so progress
 * knows how many files there are to analyse.
 */
export class WorkspaceScan {
  readonly result: WorkspaceScanResult;
  /** Scanned files analysed, and those whose earlier findings were reused (with `options.cache`). */
  readonly counts = { analysed: 0, reused: 0 };
  private phase: ScanPhase = 'walk';
  private readonly started = performance.now();
  private readonly walk: Iterator<WalkedEntry>;
  private readonly toRead: Extract<WalkedEntry, { kind: 'file' }>[] = [];
  private nextFile = 0;
  private lastFile: string | undefined;
  private readonly modelRules: ApiModelPasses;
  private readonly ignoredByConfig = new IgnoredWholeTargets();
  private readonly indexesSchemas: boolean;
  private modelWork: PassTwoWork[] = [];
  private nextModelFile = 0;

  constructor(
    private readonly engine: Engine,
    private readonly options: WorkspaceScanOptions,
  ) {
    const root = path.resolve(options.root);
    this.result = { root, files: [], skipped: [], ignored: [], linesScanned: 0, durationMs: 0, cancelled: false };
    this.modelRules = new ApiModelPasses(engine, options.cache);
    // With an index, Prisma schemas are read too (for the data-model catalogue): indexed, never analysed.
    this.indexesSchemas = engine.apiIndex !== undefined;
    const isAnalysable = (name: string) => engine.isAnalysable(name) || (this.indexesSchemas && isPrismaSchemaFile(name));
    // With engine.noIgnore (`--no-ignore`) no .gitignore is read either. Throws ScanPathError at once.
    this.walk = walkWorkspace(options.paths, root, isAnalysable, { noIgnore: engine.noIgnore, reportIgnored: true });
    options.cache?.beginScan(engine);
  }

  get isDone(): boolean {
    return this.phase === 'done';
  }

  progress(): ScanProgress {
    const lastFile = this.lastFile === undefined ? {} : { filePath: this.lastFile };
    if (this.phase === 'walk') return { phase: 'walk', done: 0, total: this.toRead.length };
    if (this.phase === 'analyse') return { phase: 'analyse', done: this.nextFile, total: this.toRead.length, ...lastFile };
    return { phase: 'model', done: this.nextModelFile, total: this.modelWork.length, ...lastFile };
  }

  /** Does one step; true once the scan has ended (finished or cancelled). */
  step(): boolean {
    switch (this.phase) {
      case 'walk':
        this.walkStep();
        break;
      case 'analyse':
        this.analyseStep();
        break;
      case 'model':
        this.modelStep();
        break;
      case 'done':
        break;
    }
    return this.phase === 'done';
  }

  private walkStep(): void {
    const next = this.walk.next();
    if (next.done) {
      this.phase = 'analyse';
      return;
    }
    const entry = next.value;
    if (entry.kind === 'skipped') this.result.skipped.push({ filePath: entry.filePath, reason: entry.reason });
    else if (entry.kind === 'ignored') this.result.ignored.push({ filePath: entry.filePath, by: entry.by });
    else this.toRead.push(entry);
  }

  private analyseStep(): void {
    const entry = this.toRead[this.nextFile];
    if (!entry) return this.endFirstPass();
    if (this.cancelledNow()) return;
    this.nextFile++;
    this.lastFile = entry.filePath;
    const { engine, result } = this;
    const read = readWalkedFile(engine, entry.filePath, entry.explicit);
    if (read?.kind === 'ignored') {
      this.ignoredByConfig.ignored(entry.target, entry.filePath);
      return;
    }
    const listedBefore = result.files.length + result.skipped.length;
    if (this.indexesSchemas && isPrismaSchemaFile(entry.filePath)) {
      indexSchemaFile(engine, entry.filePath, read, result);
      this.options.cache?.indexed(entry.filePath);
    } else {
      const reused = this.options.cache && read?.kind === 'text' ? this.options.cache.reusableFirstPass(entry.filePath, read.text, read.config) : undefined;
      if (reused && read?.kind === 'text') {
        this.modelRules.notice(entry.filePath, read.text);
        const file: ScannedFile = { filePath: entry.filePath, lineCount: reused.lineCount, findings: reused.findings };
        result.files.push(file);
        result.linesScanned += file.lineCount;
        this.counts.reused++;
        this.options.onFile?.(file);
      } else {
        const scannedBefore = result.files.length;
        scanFile(engine, entry.filePath, read, result.root, entry.explicit, result, this.options.onFile, this.modelRules, this.options.cache);
        this.counts.analysed += result.files.length - scannedBefore;
      }
    }
    if (result.files.length + result.skipped.length > listedBefore) this.ignoredByConfig.listed(entry.target);
  }

  private endFirstPass(): void {
    this.result.ignored.push(...this.ignoredByConfig.ignoredWhole());
    const { cache } = this.options;
    if (cache) {
      // Reused findings that asked the type checker were computed with other files' texts: redone if any changed.
      for (const file of cache.endFirstPass(this.result.files)) {
        if (this.cancelledNow()) return;
        this.counts.reused--;
        this.counts.analysed++;
        this.reanalyseFirstPass(file);
      }
      cache.confirmFirstPass();
    }
    this.modelWork = this.modelRules.planSecondPass(this.result, this.options.paths.map((given) => path.resolve(this.result.root, given)));
    this.phase = 'model';
  }

  /** Pass 1 again for a file whose reused findings may be stale; its place in the results is kept. */
  private reanalyseFirstPass(file: ScannedFile): void {
    const { engine, result } = this;
    const read = readWalkedFile(engine, file.filePath, false);
    const position = result.files.indexOf(file);
    result.files.splice(position, 1);
    result.linesScanned -= file.lineCount;
    const scanned = { ...result, files: [] as ScannedFile[], skipped: [] as SkippedFile[], linesScanned: 0 };
    scanFile(engine, file.filePath, read, result.root, false, scanned, undefined, this.modelRules, this.options.cache);
    result.files.splice(position, 0, ...scanned.files);
    result.skipped.push(...scanned.skipped);
    result.linesScanned += scanned.linesScanned;
  }

  private modelStep(): void {
    const work = this.modelWork[this.nextModelFile];
    if (!work) return this.finish();
    if (this.cancelledNow()) return;
    this.nextModelFile++;
    this.lastFile = work.file.filePath;
    this.modelRules.reanalyse(work.file, this.result.root, work.withModelRules, work.refined);
  }

  private finish(): void {
    this.options.cache?.endScan(this.result.files);
    this.result.durationMs = performance.now() - this.started;
    this.phase = 'done';
  }

  private cancelledNow(): boolean {
    if (!this.options.isCancelled?.()) return false;
    this.result.cancelled = true;
    this.result.durationMs = performance.now() - this.started;
    this.phase = 'done';
    return true;
  }
}

/**
 * The files "ignore" in apiguard.json left out, by the named path they were found under: reported only for a path
 * they left out whole (nothing of it scanned or listed as skipped), where "0 files scanned" would be unexplained.
 */
export class IgnoredWholeTargets {
  private readonly ignoredByTarget = new Map<string, string[]>();
  private readonly listedTargets = new Set<string>();

  ignored(target: string, filePath: string): void {
    const files = this.ignoredByTarget.get(target);
    if (files) files.push(filePath);
    else this.ignoredByTarget.set(target, [filePath]);
  }

  listed(target: string): void {
    this.listedTargets.add(target);
  }

  ignoredWhole(): IgnoredFile[] {
    const whole: IgnoredFile[] = [];
    for (const [target, files] of this.ignoredByTarget) {
      if (!this.listedTargets.has(target)) for (const filePath of files) whole.push({ filePath, by: 'apiguard.json' });
    }
    return whole;
  }
}

/** A `.prisma` file in pass 1: its models join the index; it is not a scanned file (no findings, no lines). */
function indexSchemaFile(engine: Engine, filePath: string, read: ReadResult, result: WorkspaceScanResult): void {
  if (!read || read.kind === 'ignored') return;
  if (read.kind === 'skipped') {
    result.skipped.push({ filePath, reason: read.reason });
    return;
  }
  engine.apiIndex!.indexPrismaSchema(filePath, read.text);
}

function scanFile(
  engine: Engine,
  filePath: string,
  read: ReadResult,
  root: string,
  explicit: boolean,
  result: WorkspaceScanResult,
  onFile: WorkspaceScanOptions['onFile'],
  modelRules: ApiModelPasses,
  cache?: ScanCache,
): void {
  if (!read || read.kind === 'ignored') return;
  if (read.kind === 'skipped') {
    result.skipped.push({ filePath, reason: read.reason });
    return;
  }
  const { text, config } = read;
  let analysis;
  let recorded: RecordedReads | undefined;
  try {
    const analyse = () => engine.analyze(filePath, text, { config: modelRules.firstPassConfig(config) });
    if (cache) ({ value: analysis, recorded } = cache.record(filePath, text, analyse));
    else analysis = analyse();
    modelRules.notice(filePath, text);
  } catch (error) {
    // The engine isolates rules; this guards the rest (parser, suppressions) so one file cannot end the scan.
    result.skipped.push({ filePath, reason: `skipped: analysis failed (${error instanceof Error ? error.message : String(error)})` });
    return;
  }
  if (analysis.notApplicable) {
    // Found by walking a folder, a YAML/JSON file that is not a spec is none of the user's concern; named, it is.
    if (explicit) result.skipped.push({ filePath, reason: NOT_ANALYSABLE });
    return;
  }
  if (analysis.skipped) {
    result.skipped.push({ filePath, reason: analysis.skipped });
    return;
  }
  const relativePath = toRelativeUri(root, filePath);
  const file: ScannedFile = {
    filePath,
    lineCount: analysis.lineCount,
    findings: fingerprintFindings(analysis.findings, text, relativePath),
  };
  result.files.push(file);
  result.linesScanned += analysis.lineCount;
  if (recorded) cache!.storeFirstPass(filePath, text, config, file, recorded);
  onFile?.(file);
}

/**
 * Rules that read the API model (meta.requiresApiModel) can judge a route only once every file is summarised. With
 * an index attached, pass 1 analyses every file without them (making the summaries in the same walk); then the
 * index is complete, and pass 2 runs only those rules on the files that declare routes (and on specs, for spec
 * rules that compare them with the routes), merging their findings. Rules refined by the model
 * (meta.refinedByApiModel: unparameterized-query, which follows request data across modules) run in pass 1 with
 * what the file shows; pass 2 runs them again on the files their `hasFindingsIn` names, and those findings replace
 * the pass-1 ones.
 */
/** A file pass 2 reads again, and which rules it runs there. */
interface PassTwoWork {
  file: ScannedFile;
  withModelRules: boolean;
  refined: string[];
}

class ApiModelPasses {
  private readonly ruleIds: ReadonlySet<string>;
  private readonly refinedRules: readonly Rule<unknown>[];
  private readonly withoutModelRules = new WeakMap<ResolvedConfig, ResolvedConfig>();
  /** Pass-2 configs by the set of rules they keep. */
  private readonly passTwoConfigs = new Map<string, WeakMap<ResolvedConfig, ResolvedConfig>>();

  constructor(
    private readonly engine: Engine,
    private readonly cache?: ScanCache,
  ) {
    this.ruleIds = new Set(engine.apiIndex ? [...engine.rules, ...engine.specRules].filter((rule) => rule.meta.requiresApiModel).map((rule) => rule.meta.id) : []);
    this.refinedRules = engine.apiIndex ? engine.rules.filter((rule) => rule.meta.refinedByApiModel && !rule.meta.requiresApiModel && rule.hasFindingsIn) : [];
  }


  /** Files whose suppressions name a model rule: pass 2 must judge those suppressions even with nothing to report. */
  private readonly suppressing = new Set<string>();

  notice(filePath: string, text: string): void {
    if (this.ruleIds.size === 0 || !text.includes('apiguard-ignore')) return;
    for (const id of this.ruleIds) if (text.includes(id)) this.suppressing.add(path.resolve(filePath));
  }

  firstPassConfig(config: ResolvedConfig): ResolvedConfig {
    if (this.ruleIds.size === 0) return config;
    return configWithRules(config, this.withoutModelRules, (id) => !this.ruleIds.has(id));
  }

  /**
   * Completes the index and lists the files pass 2 reads again (the model rules' and refined rules' work); a file
   * whose findings after pass 2 the cache holds for this very model gets them back instead.
   */
  planSecondPass(result: WorkspaceScanResult, targets: readonly string[] = []): PassTwoWork[] {
    const index = this.engine.apiIndex;
    if (!index) return [];
    this.indexCounterparts(result, targets);
    index.markComplete();
    if (this.ruleIds.size === 0 && this.refinedRules.length === 0) return [];
    const model = index.model();
    const modelRules = this.engine.rules.filter((rule) => this.ruleIds.has(rule.meta.id));
    const specModelRules = this.engine.specRules.filter((rule) => this.ruleIds.has(rule.meta.id));
    const work: PassTwoWork[] = [];
    for (const file of result.files) {
      const reused = this.cache?.reusableFindings(file.filePath);
      if (reused) {
        file.findings = reused;
        continue;
      }
      // Only files a model rule has something to say about are read again (most route files have none): files that
      // declare routes, files that read or write data (a controller's handlers, for the data rules), and files that
      // hand a request body to a call (a service that may write it whole: mass-assignment across files).
      const filePath = path.resolve(file.filePath);
      if (index.summaryOf(filePath)?.spec) {
        if (!this.suppressing.has(filePath) && !specModelRules.some((rule) => !rule.hasFindingsIn || rule.hasFindingsIn(model, filePath))) continue;
        work.push({ file, withModelRules: true, refined: [] });
        continue;
      }
      const refined = this.refinedRules.filter((rule) => rule.hasFindingsIn!(model, filePath)).map((rule) => rule.meta.id);
      const mayHaveModelFindings = this.ruleIds.size > 0 && (model.routesDeclaredIn(filePath).length > 0 || model.touchesData(filePath) || model.passesRequestBody?.(filePath) === true);
      const wantsModelRules = mayHaveModelFindings && (this.suppressing.has(filePath) || modelRules.some((rule) => !rule.hasFindingsIn || rule.hasFindingsIn(model, filePath)));
      if (!wantsModelRules && refined.length === 0) continue;
      work.push({ file, withModelRules: wantsModelRules, refined });
    }
    return work;
  }

  /**
   * A spec scanned without its code (`apiguard scan openapi.yaml`), or routes without their spec (`apiguard scan
   * src`): the other side, from the same project folder, joins the index (summarised, never analysed or reported),
   * so the spec ↔ code rules compare the spec with the project's routes rather than with the few files named.
   * Project folders inside a scanned folder were walked already.
   */
  private indexCounterparts(result: WorkspaceScanResult, targets: readonly string[]): void {
    const index = this.engine.apiIndex!;
    if (![...this.ruleIds].some((id) => id.startsWith('spec/'))) return;
    const wanted = new Map<string, { scripts: boolean; specs: boolean }>();
    for (const file of result.files) {
      const filePath = path.resolve(file.filePath);
      const summary = index.summaryOf(filePath);
      const isSpec = summary?.spec !== undefined;
      const hasRoutes = summary !== undefined && !isSpec && Object.values(summary.containers).some((container) => container.layers.some((layer) => layer.kind === 'route'));
      if (!isSpec && !hasRoutes && !summary?.nest && !summary?.next) continue;
      const projectRoot = this.engine.projectRootFor(filePath);
      if (targets.some((target) => projectRoot === target || projectRoot.startsWith(target + path.sep))) continue;
      const entry = wanted.get(projectRoot) ?? { scripts: false, specs: false };
      if (isSpec) entry.scripts = true;
      else entry.specs = true;
      wanted.set(projectRoot, entry);
    }
    for (const [projectRoot, want] of wanted) {
      const accepts = (name: string) => (want.scripts && isScriptFile(name)) || (want.specs && isSpecCandidateFile(name));
      try {
        for (const entry of walkWorkspace(['.'], projectRoot, accepts)) {
          if (entry.kind !== 'file' || index.has(entry.filePath)) continue;
          const read = readWalkedFile(this.engine, entry.filePath, false);
          if (read?.kind !== 'text') continue;
          // A YAML/JSON file becomes a summary only when it is a spec; anything else leaves nothing behind.
          if (isSpecCandidateFile(entry.filePath) && !mayBeSpecText(read.text, syntaxOf(entry.filePath)) && !read.config.specs.isIncluded(entry.filePath)) continue;
          index.indexFile(entry.filePath, read.text);
        }
      } catch {
        // An unreadable project folder or an invalid apiguard.json: the scanned files' findings stand as they are.
      }
    }
  }

  /** Runs the model rules (when `withModelRules`) and the `refined` rules again on a file and merges their findings. */
  reanalyse(file: ScannedFile, root: string, withModelRules: boolean, refined: readonly string[]): void {
    const { filePath } = file;
    const rerun = new Set([...(withModelRules ? this.ruleIds : []), ...refined]);
    let text: string;
    let analysis;
    try {
      text = fs.readFileSync(filePath, 'utf8');
      const key = [...rerun].sort().join(' ');
      let cache = this.passTwoConfigs.get(key);
      if (!cache) this.passTwoConfigs.set(key, (cache = new WeakMap()));
      const config = configWithRules(this.engine.configFor(filePath), cache, (id) => rerun.has(id));
      if (config.rules.size === 0) return;
      // Its summary is in the index already (pass 1 made it from this text).
      analysis = this.engine.analyze(filePath, text, { config, summarize: false });
    } catch {
      // Changed or unreadable since pass 1: its findings of pass 1 stand.
      return;
    }
    if (analysis.skipped) return;
    const judgedAgain = new Set(refined);
    const added = analysis.findings.filter((finding) => this.isModelFinding(finding, rerun));
    // A refined rule's pass-1 findings are replaced, with the engine's findings about it (its failure, unused suppressions of it alone).
    const replaced = file.findings.filter((finding) => judgedAgain.has(finding.ruleId) || (isEngineFindingAbout(finding, judgedAgain) && aboutOnly(finding, rerun)));
    if (added.length === 0 && replaced.length === 0) return;
    // A suppression unused in pass 1 that pass 2 finds used, without a reason: reported as reason-less now.
    const replacedUnusedAt = new Set(replaced.filter((finding) => finding.ruleId === UNUSED_SUPPRESSION.id).map((finding) => rangeKey(finding)));
    added.push(...analysis.findings.filter((finding) => finding.ruleId === SUPPRESSION_WITHOUT_REASON.id && replacedUnusedAt.has(rangeKey(finding))));
    // A reason-less suppression of a model rule that turns out unused is reported as unused alone (as in one pass).
    const unusedAt = new Set(added.filter((finding) => finding.ruleId === UNUSED_SUPPRESSION.id).map((finding) => rangeKey(finding)));
    const kept = file.findings.filter((finding) => !replaced.includes(finding) && !(finding.ruleId === SUPPRESSION_WITHOUT_REASON.id && unusedAt.has(rangeKey(finding))));
    const merged = [...kept.map(withoutFingerprint), ...added].sort(compareFindings);
    file.findings = fingerprintFindings(merged, text, toRelativeUri(root, filePath));
  }

  /** The findings pass 2 adds: those of the rules it ran, and engine findings about them (their failures, their suppressions). */
  private isModelFinding(finding: Finding, rerun: ReadonlySet<string>): boolean {
    if (rerun.has(finding.ruleId)) return true;
    return isEngineFindingAbout(finding, rerun);
  }
}

/** An internal error or unused suppression naming one of `ruleIds`. */
function isEngineFindingAbout(finding: Finding, ruleIds: ReadonlySet<string>): boolean {
  if (finding.ruleId !== INTERNAL_ERROR.id && finding.ruleId !== UNUSED_SUPPRESSION.id) return false;
  return String(finding.data.ruleId ?? '').split(', ').some((id) => ruleIds.has(id));
}

/** An engine finding naming only rules of `ruleIds` (a suppression naming others too was judged in pass 1 and stands). */
function aboutOnly(finding: Finding, ruleIds: ReadonlySet<string>): boolean {
  return String(finding.data.ruleId ?? '').split(', ').every((id) => ruleIds.has(id));
}

/** The config with only the rules `keep` accepts, made once per config object. */
function configWithRules(config: ResolvedConfig, cache: WeakMap<ResolvedConfig, ResolvedConfig>, keep: (ruleId: string) => boolean): ResolvedConfig {
  let filtered = cache.get(config);
  if (!filtered) {
    filtered = { ...config, rules: new Map([...config.rules].filter(([id]) => keep(id))) };
    cache.set(config, filtered);
  }
  return filtered;
}

function rangeKey(finding: Finding): string {
  const { start, end } = finding.range;
  return `${start.line}:${start.character}-${end.line}:${end.character}`;
}

function withoutFingerprint(finding: ScannedFinding): Finding {
  const { fingerprint: _fingerprint, ...rest } = finding;
  return rest;
}

function compareFindings(a: Finding, b: Finding): number {
  return a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || a.ruleId.localeCompare(b.ruleId);
}

interface GitignoreScope {
  dir: string;
  matcher: Ignore;
}

type DirectoryEntry = { kind: 'file'; filePath: string; realPath: string } | (SkippedFile & { kind: 'skipped' });

function* walkDirectory(
  dir: string,
  scopes: GitignoreScope[],
  visitedRealDirs: Set<string>,
  isAnalysable: (fileName: string) => boolean,
  readsGitignores = true,
): Generator<DirectoryEntry, void, undefined> {
  const realDir = realPathOr(dir);
  // A symlink back up the tree (or two links to one folder) would loop or double-count.
  if (visitedRealDirs.has(realDir)) return;
  visitedRealDirs.add(realDir);

  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    yield { kind: 'skipped', filePath: dir, reason: `skipped: cannot read folder (${errorCode(error)})` };
    return;
  }
  const localScope = readsGitignores ? readGitignore(dir) : undefined;
  const activeScopes = localScope ? [...scopes, localScope] : scopes;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    const entryPath = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let realPath = path.join(realDir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = statOrUndefined(entryPath);
      if (!target) {
        if (isAnalysable(entry.name) && !isGitignored(activeScopes, entryPath, false)) {
          yield { kind: 'skipped', filePath: entryPath, reason: 'skipped: broken symbolic link' };
        }
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
      realPath = realPathOr(entryPath);
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isGitignored(activeScopes, entryPath, true)) continue;
      yield* walkDirectory(entryPath, activeScopes, visitedRealDirs, isAnalysable, readsGitignores);
    } else if (isFile && isAnalysable(entry.name) && !isGitignored(activeScopes, entryPath, false)) {
      yield { kind: 'file', filePath: entryPath, realPath };
    }
  }
}

function readGitignore(dir: string): GitignoreScope | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, '.gitignore'), 'utf8');
  } catch {
    return undefined;
  }
  return { dir, matcher: ignore().add(text) };
}

/** Git's precedence: the deepest .gitignore with a matching rule decides, so `!keep.ts` there re-includes. */
function isGitignored(scopes: GitignoreScope[], entryPath: string, isDirectory: boolean): boolean {
  for (let i = scopes.length - 1; i >= 0; i--) {
    const scope = scopes[i]!;
    const relative = path.relative(scope.dir, entryPath);
    if (relative === '' || relative.startsWith('..')) continue;
    const posix = relative.split(path.sep).join('/');
    const verdict = scope.matcher.test(isDirectory ? `${posix}/` : posix);
    if (verdict.ignored) return true;
    if (verdict.unignored) return false;
  }
  return false;
}

/**
 * The .gitignore files above a scanned folder apply to it too: scanning `examples/` still honours the root's
 * ignores. They are read from the repository root (the nearest folder with .git) down; outside a repository,
 * from the scan root down (so `apiguard scan src` honours ./.gitignore either way).
 */
function gitignoresAbove(dir: string, scanRoot: string): GitignoreScope[] {
  if (fs.existsSync(path.join(dir, '.git'))) return [];
  const ancestors: string[] = [];
  let boundary: string | undefined;
  for (let current = path.dirname(dir); ; current = path.dirname(current)) {
    ancestors.push(current);
    if (fs.existsSync(path.join(current, '.git'))) {
      boundary = current;
      break;
    }
    if (path.dirname(current) === current) break;
  }
  if (boundary === undefined) {
    const withinRoot = dir.startsWith(scanRoot + path.sep);
    if (!withinRoot) return [];
    ancestors.length = ancestors.indexOf(scanRoot) + 1;
  }
  return ancestors
    .reverse()
    .map(readGitignore)
    .filter((scope): scope is GitignoreScope => scope !== undefined);
}

/**
 * Fingerprints that survive edits elsewhere in the file (GitHub code scanning matches alerts across commits by
 * them). The finding's own range is cut out of the line before hashing, so a secret's value never feeds the
 * hash (a low-entropy password could otherwise be guessed from it).
 */
export function fingerprintFindings(findings: Finding[], text: string, relativePath: string): ScannedFinding[] {
  if (findings.length === 0) return [];
  const lines = LineIndex.of(text);
  const occurrences = new Map<string, number>();
  return findings.map((finding) => {
    const { start, end } = finding.range;
    const line = lines.lineText(start.line);
    const cutEnd = end.line === start.line ? end.character : line.length;
    const withoutFinding = line.slice(0, start.character) + '\u0000' + line.slice(cutEnd);
    const normalized = withoutFinding.replace(/\s+/g, ' ').trim();
    const key = `${finding.ruleId}\u0000${relativePath}\u0000${normalized}`;
    const occurrence = occurrences.get(key) ?? 0;
    occurrences.set(key, occurrence + 1);
    const fingerprint = createHash('sha256').update(`${key}\u0000${occurrence}`).digest('hex').slice(0, 32);
    return { ...finding, fingerprint };
  });
}

/** A path relative to the root with forward slashes (SARIF `artifactLocation.uri`, report paths). */
export function toRelativeUri(root: string, filePath: string): string {
  const relative = path.relative(root, filePath) || path.basename(filePath);
  return relative.split(path.sep).join('/');
}

function existsOrIsLink(target: string): boolean {
  try {
    fs.lstatSync(target);
    return true;
  } catch {
    return false;
  }
}

function statOrUndefined(target: string): fs.Stats | undefined {
  try {
    return fs.statSync(target);
  } catch {
    return undefined;
  }
}

function realPathOr(target: string): string {
  try {
    return fs.realpathSync(target);
  } catch {
    return target;
  }
}

function errorCode(error: unknown): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  return code ?? (error instanceof Error ? error.message : String(error));
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
  if (bytes >= 1024) return `${Math.round(bytes / 1024)} KB`;
  return `${bytes} B`;
}
