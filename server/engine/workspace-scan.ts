// Walks folders and analyses every JS/TS file with the one Engine: used by the CLI and the server's report
// command. The walk respects .gitignore files (nested ones too), always skips dependency and build folders, and
// never throws on an unreadable entry (permissions, broken symlinks, symlink loops): those become skipped files.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import ignore, { type Ignore } from 'ignore';
import { diskReader, type Engine, type FileSystemReader } from './analyzer';
import type { Finding } from './findings';
import { LineIndex } from './line-index';

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

export interface WorkspaceScanResult {
  /** Relative paths and fingerprints are computed from here. */
  root: string;
  /** Every analysed file (with or without findings), in walk order (sorted by path). */
  files: ScannedFile[];
  skipped: SkippedFile[];
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

export function scanWorkspace(engine: Engine, options: WorkspaceScanOptions): WorkspaceScanResult {
  const started = performance.now();
  const root = path.resolve(options.root);
  const result: WorkspaceScanResult = { root, files: [], skipped: [], linesScanned: 0, durationMs: 0, cancelled: false };
  const targets = options.paths.map((p) => path.resolve(root, p));
  options.paths.forEach((given, index) => {
    if (!existsOrIsLink(targets[index]!)) throw new ScanPathError(`path not found: ${given}`);
  });
  const seenFiles = new Set<string>();
  const analyse = (filePath: string, realPath: string, explicit: boolean) => {
    if (result.cancelled || seenFiles.has(realPath)) return;
    if (options.isCancelled?.()) {
      result.cancelled = true;
      return;
    }
    seenFiles.add(realPath);
    scanFile(engine, filePath, root, explicit, result, options.onFile);
  };
  for (const target of targets) {
    const stat = statOrUndefined(target);
    if (!stat) {
      result.skipped.push({ filePath: target, reason: 'skipped: broken symbolic link' });
    } else if (stat.isDirectory()) {
      walkDirectory(target, gitignoresAbove(target, root), new Set(), result, analyse, (name) => engine.isAnalysable(name));
    } else if (engine.isAnalysable(target)) {
      analyse(target, realPathOr(target), true);
    } else {
      result.skipped.push({ filePath: target, reason: 'skipped: not a JavaScript or TypeScript file' });
    }
  }
  result.durationMs = performance.now() - started;
  return result;
}

function scanFile(
  engine: Engine,
  filePath: string,
  root: string,
  explicit: boolean,
  result: WorkspaceScanResult,
  onFile: WorkspaceScanOptions['onFile'],
): void {
  // Throws ConfigError for an invalid apiguard.json: the caller decides (the CLI exits 2).
  const config = engine.configFor(filePath);
  // Files matched by "ignore" are left out silently when walking; a file named explicitly says why it is skipped.
  if (config.isIgnored(filePath)) {
    if (explicit) result.skipped.push({ filePath, reason: `skipped: matches "ignore" in ${config.configPath}` });
    return;
  }
  let text: string;
  try {
    const size = fs.statSync(filePath).size;
    // Checked before reading so a huge file never lands in memory.
    if (size > config.maxFileSize) {
      result.skipped.push({
        filePath,
        reason: `skipped: file is ${formatBytes(size)}, over the ${formatBytes(config.maxFileSize)} limit (raise "maxFileSize" in apiguard.json to analyse it)`,
      });
      return;
    }
    text = fs.readFileSync(filePath, 'utf8');
  } catch (error) {
    result.skipped.push({ filePath, reason: `skipped: cannot read (${errorCode(error)})` });
    return;
  }
  let analysis;
  try {
    analysis = engine.analyze(filePath, text, { config });
  } catch (error) {
    // The engine isolates rules; this guards the rest (parser, suppressions) so one file cannot end the scan.
    result.skipped.push({ filePath, reason: `skipped: analysis failed (${error instanceof Error ? error.message : String(error)})` });
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
  onFile?.(file);
}

interface GitignoreScope {
  dir: string;
  matcher: Ignore;
}

function walkDirectory(
  dir: string,
  scopes: GitignoreScope[],
  visitedRealDirs: Set<string>,
  result: WorkspaceScanResult,
  analyse: (filePath: string, realPath: string, explicit: boolean) => void,
  isAnalysable: (fileName: string) => boolean,
): void {
  const realDir = realPathOr(dir);
  // A symlink back up the tree (or two links to one folder) would loop or double-count.
  if (visitedRealDirs.has(realDir)) return;
  visitedRealDirs.add(realDir);

  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(dir, { withFileTypes: true });
  } catch (error) {
    result.skipped.push({ filePath: dir, reason: `skipped: cannot read folder (${errorCode(error)})` });
    return;
  }
  const localScope = readGitignore(dir);
  const activeScopes = localScope ? [...scopes, localScope] : scopes;
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

  for (const entry of entries) {
    if (result.cancelled) return;
    const entryPath = path.join(dir, entry.name);
    let isDirectory = entry.isDirectory();
    let isFile = entry.isFile();
    let realPath = path.join(realDir, entry.name);
    if (entry.isSymbolicLink()) {
      const target = statOrUndefined(entryPath);
      if (!target) {
        if (isAnalysable(entry.name) && !isGitignored(activeScopes, entryPath, false)) {
          result.skipped.push({ filePath: entryPath, reason: 'skipped: broken symbolic link' });
        }
        continue;
      }
      isDirectory = target.isDirectory();
      isFile = target.isFile();
      realPath = realPathOr(entryPath);
    }
    if (isDirectory) {
      if (ALWAYS_SKIPPED_DIRS.has(entry.name) || isGitignored(activeScopes, entryPath, true)) continue;
      walkDirectory(entryPath, activeScopes, visitedRealDirs, result, analyse, isAnalysable);
    } else if (isFile && isAnalysable(entry.name) && !isGitignored(activeScopes, entryPath, false)) {
      analyse(entryPath, realPath, false);
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
