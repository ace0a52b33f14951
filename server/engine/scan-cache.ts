// What one scan can reuse of the previous ones with the same engine (the server's security report: a report asked
// for again a minute later must not analyse the whole workspace again). Per file it keeps pass 1's findings with
// what they were computed from: the text (hashed), the config object (the engine's resolver hands out the same
// object until the apiguard.json changes), every file the analysis read or looked for through the engine's reader
// (neighbouring modules, .env), and whether it asked the type checker. It also keeps the findings after pass 2,
// valid for one model: the model changes when any file is analysed again or leaves the index, and then model rules
// run again where the CLI's pass 2 would. The engine's index is kept across scans (summaries of unchanged files are
// not made again): files that the walk no longer yields are removed from it when pass 1 ends.
import { createHash } from 'node:crypto';
import type { Engine, FileSystemReader } from './analyzer';
import type { ResolvedConfig } from './config';
import { createScanReader, type ScannedFile, type ScannedFinding } from './workspace-scan';

interface CachedFile {
  textHash: string;
  config: ResolvedConfig;
  /** Path → the hash of what readFile returned (null: nothing); `?path` → whether fileExists said yes. */
  reads: Map<string, string | null | boolean>;
  /** It asked the type checker: its findings may depend on any file of its program. */
  usedTypes: boolean;
  lineCount: number;
  firstPass: ScannedFinding[];
  /** The model generation its first-pass findings were last confirmed at (see endFirstPass). */
  confirmedAt: number;
  /** Findings after pass 2, for the model of generation `finalAt`. */
  final?: ScannedFinding[];
  finalAt?: number;
}

/** What an analysis read, recorded while it ran (`ScanCache.record`). */
export interface RecordedReads {
  reads: Map<string, string | null | boolean>;
  usedTypes: boolean;
}

export class ScanCache {
  private readonly files = new Map<string, CachedFile>();
  /** Files the engine's index holds a summary of because a scan put it there. */
  private readonly indexedFiles = new Set<string>();
  /** Files whose summary the current scan vouches for (reused or made again). */
  private seenThisScan = new Set<string>();
  /** Files whose pass-1 findings the current scan reused. */
  private reusedThisScan = new Set<string>();
  /** Bumped whenever the index changed: a summary made from new text, a file removed. */
  private generation = 0;
  private scanReader: FileSystemReader = createScanReader();
  /** This scan's text hashes by path: a module many files import is hashed once, not at every read. */
  private hashes = new Map<string, { text: string; hash: string }>();
  private recording: RecordedReads | undefined;
  private engine: Engine | undefined;

  /** The reader the engine must use: it reads through a fresh per-scan reader and records what each analysis read. */
  readonly reader: FileSystemReader = {
    readFile: (filePath) => {
      const text = this.scanReader.readFile(filePath);
      this.recording?.reads.set(filePath, text === undefined ? null : this.hashOf(filePath, text));
      return text;
    },
    fileExists: (filePath) => {
      const exists = this.scanReader.fileExists(filePath);
      this.recording?.reads.set(`?${filePath}`, exists);
      return exists;
    },
  };

  /** Starts a scan: files are read afresh; the index is incomplete again until pass 1 ends. */
  beginScan(engine: Engine): void {
    if (this.engine !== engine) {
      this.engine = engine;
      // The checker is asked lazily by rules: that a file's findings used it is known only by watching for it.
      const checkerFor = engine.typeInfo.checkerFor.bind(engine.typeInfo);
      engine.typeInfo.checkerFor = (sourceFile) => {
        if (this.recording) this.recording.usedTypes = true;
        return checkerFor(sourceFile);
      };
    }
    this.scanReader = createScanReader();
    this.hashes = new Map();
    this.seenThisScan = new Set();
    this.reusedThisScan = new Set();
    engine.apiIndex?.markIncomplete();
  }

  /** Runs a file's analysis, recording what it read and whether it changed the index. */
  record<T>(filePath: string, text: string, analyse: () => T): { value: T; recorded: RecordedReads } {
    const recorded: RecordedReads = { reads: new Map(), usedTypes: false };
    const index = this.engine?.apiIndex;
    const before = index?.summaryOf(filePath);
    this.recording = recorded;
    try {
      return { value: analyse(), recorded };
    } finally {
      this.recording = undefined;
      const after = index?.summaryOf(filePath);
      // A summary whose positions moved is updated in place (the same object): new text says it changed.
      if (before !== after || (after !== undefined && this.files.get(filePath)?.textHash !== this.hashOf(filePath, text))) this.generation++;
    }
  }

  /** Pass-1 findings computed before from this text and config, with everything they read unchanged. */
  reusableFirstPass(filePath: string, text: string, config: ResolvedConfig): { lineCount: number; findings: ScannedFinding[] } | undefined {
    const entry = this.files.get(filePath);
    if (!entry || entry.config !== config || entry.textHash !== this.hashOf(filePath, text) || !this.readsUnchanged(entry)) return undefined;
    this.seenThisScan.add(filePath);
    this.reusedThisScan.add(filePath);
    return { lineCount: entry.lineCount, findings: entry.firstPass };
  }

  storeFirstPass(filePath: string, text: string, config: ResolvedConfig, file: ScannedFile, recorded: RecordedReads): void {
    this.files.set(filePath, { textHash: this.hashOf(filePath, text), config, ...recorded, lineCount: file.lineCount, firstPass: file.findings, confirmedAt: -1 });
    this.indexed(filePath);
  }

  /** A file the scan put in the index without analysing it (a Prisma schema). */
  indexed(filePath: string): void {
    this.indexedFiles.add(filePath);
    this.seenThisScan.add(filePath);
  }

  /**
   * Pass 1 is over: files the walk no longer yields (deleted, now ignored or skipped) leave the index. Returns the
   * scanned files whose reused findings asked the type checker while the index has changed since they were
   * confirmed: their program may have read other texts. The caller analyses them again, then calls confirmFirstPass.
   */
  endFirstPass(files: readonly ScannedFile[]): ScannedFile[] {
    for (const filePath of this.indexedFiles) {
      if (this.seenThisScan.has(filePath)) continue;
      this.indexedFiles.delete(filePath);
      this.files.delete(filePath);
      if (this.engine?.apiIndex?.remove(filePath)) this.generation++;
    }
    return files.filter((file) => {
      const entry = this.files.get(file.filePath);
      return entry !== undefined && entry.usedTypes && this.reusedThisScan.has(file.filePath) && entry.confirmedAt !== this.generation;
    });
  }

  /** Every file's pass-1 findings (reused or made in this scan) hold for the index as it is now. */
  confirmFirstPass(): void {
    for (const filePath of this.seenThisScan) {
      const entry = this.files.get(filePath);
      if (entry) entry.confirmedAt = this.generation;
    }
  }

  /** The findings after pass 2 of an earlier scan of the same model, for a file whose pass 1 was reused. */
  reusableFindings(filePath: string): ScannedFinding[] | undefined {
    const entry = this.files.get(filePath);
    return entry?.final !== undefined && entry.finalAt === this.generation ? entry.final : undefined;
  }

  /** The scan finished: every file's findings are kept for the model it ended with; the texts read are let go. */
  endScan(files: readonly ScannedFile[]): void {
    for (const file of files) {
      const entry = this.files.get(file.filePath);
      if (!entry) continue;
      entry.final = file.findings;
      entry.finalAt = this.generation;
    }
    this.hashes = new Map();
    this.scanReader = createScanReader();
  }

  private readsUnchanged(entry: CachedFile): boolean {
    for (const [key, expected] of entry.reads) {
      if (key.startsWith('?')) {
        if (this.scanReader.fileExists(key.slice(1)) !== expected) return false;
        continue;
      }
      const text = this.scanReader.readFile(key);
      if ((text === undefined ? null : this.hashOf(key, text)) !== expected) return false;
    }
    return true;
  }

  private hashOf(filePath: string, text: string): string {
    const known = this.hashes.get(filePath);
    if (known && known.text === text) return known.hash;
    const hash = hashText(text);
    this.hashes.set(filePath, { text, hash });
    return hash;
  }
}

function hashText(text: string): string {
  return createHash('sha1').update(text).digest('base64');
}
