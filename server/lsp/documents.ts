// Open documents: the editor's text (UTF-16 positions, exact versions) plus a TypeScript source file that follows
// it incrementally. Changes are recorded as offset edits when they arrive and replayed into the source file only
// when an analysis needs it, so a document that turns out to be oversized or binary is never parsed at all.
import * as path from 'node:path';
import * as ts from 'typescript';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { TextDocumentContentChangeEvent } from 'vscode-languageserver';
import { isScriptFile, parseSourceFile, updateSourceFile } from '../engine/source-files';
import { isSpecCandidateFile, syntaxOf } from '../engine/openapi/parse-spec';
import { CONFIG_FILE_NAME } from '../engine/config';
import type { Finding } from '../engine/findings';

interface CarriedFinding {
  finding: Finding;
  /** Offsets of the finding's range in the current text. */
  start: number;
  end: number;
}

interface PendingChange {
  start: number;
  end: number;
  newText: string;
}

/** Past this many queued edits a full parse is cheaper than replaying them. */
const MAX_PENDING_CHANGES = 500;

// Eglot derives languageId from the major mode (`js`, `typescript`…); untitled buffers have no extension.
const EXTENSION_BY_LANGUAGE_ID: Record<string, string> = {
  typescript: '.ts',
  typescriptreact: '.tsx',
  tsx: '.tsx',
  javascript: '.js',
  javascriptreact: '.jsx',
  js: '.js',
  jsx: '.jsx',
  'js-ts': '.ts',
  'typescript-ts': '.ts',
  yaml: '.yaml',
  'yaml-ts': '.yaml',
  json: '.json',
  jsonc: '.json',
  'json-ts': '.json',
};

export class OpenDocument {
  /** Filesystem path the engine sees: the real path for file: URIs, a synthetic one (by languageId) otherwise. */
  readonly filePath: string;
  private document: TextDocument;
  private sourceFile: ts.SourceFile | undefined;
  private pending: PendingChange[] = [];
  /** Bumped on every change, including ones that keep the version (some clients reuse it). */
  changeCount = 0;
  /**
   * Findings of the type-aware rules from the last complete analysis, kept as offsets into the current text and
   * moved along with each edit (dropped where an edit touches them), so they stay visible while the background
   * pass re-checks the new text. Offsets, not lines: an edit can join a `\r` and a `\n` into one line break,
   * which line arithmetic gets wrong. Their fixes are dropped: code actions wait for the complete analysis.
   */
  private carried: CarriedFinding[] = [];
  /** `carried` as findings with ranges in the current text, computed when first asked for after a change. */
  private carriedRanges: Finding[] | undefined;
  /** Only scripts get a TypeScript tree: YAML/JSON edits are not recorded for one. */
  private readonly isScript: boolean;

  constructor(
    readonly uri: string,
    readonly languageId: string,
    version: number,
    text: string,
  ) {
    this.document = TextDocument.create(uri, languageId, version, text);
    this.filePath = filePathFor(uri, languageId);
    this.isScript = isScriptFile(this.filePath);
  }

  /**
   * How a line comment starts here, for "ignore on this line": `//` in scripts, `#` in YAML; none in JSON (a
   * comment would make the spec invalid for every other tool).
   */
  get commentPrefix(): '//' | '#' | undefined {
    if (this.isScript) return '//';
    return isSpecCandidateFile(this.filePath) && syntaxOf(this.filePath) === 'yaml' ? '#' : undefined;
  }

  get version(): number {
    return this.document.version;
  }

  get text(): string {
    return this.document.getText();
  }

  get textDocument(): TextDocument {
    return this.document;
  }

  /** The carried type-aware findings (see `carried`), with LSP ranges in the current text. */
  get carriedFindings(): Finding[] {
    this.carriedRanges ??= this.carried.map(({ finding, start, end }) => ({
      ...finding,
      range: { start: this.document.positionAt(start), end: this.document.positionAt(end) },
    }));
    return this.carriedRanges;
  }

  /** Carries these findings (with ranges in the current text) along with the edits that follow. */
  set carriedFindings(findings: readonly Finding[]) {
    this.carried = findings.map((finding) => ({ finding, start: this.document.offsetAt(finding.range.start), end: this.document.offsetAt(finding.range.end) }));
    this.carriedRanges = undefined;
  }

  /** A line's text without its line break (LSP's lines: `\n`, `\r\n` or a lone `\r`). */
  lineText(line: number): string {
    if (line < 0 || line >= this.document.lineCount) return '';
    return this.document.getText(this.document.getLineRange(line));
  }

  /** The line break that ends a line ('' for the last line). */
  lineBreakAfter(line: number): string {
    return this.document.getEOLCharacters(line);
  }

  get isConfigFile(): boolean {
    return path.basename(this.filePath) === CONFIG_FILE_NAME;
  }

  applyChanges(changes: readonly TextDocumentContentChangeEvent[], version: number): void {
    for (const change of changes) {
      if ('range' in change) {
        // offsetAt clamps out-of-range positions exactly as TextDocument.update does, so both agree on the text.
        const start = this.document.offsetAt(change.range.start);
        const end = this.document.offsetAt(change.range.end);
        if (this.isScript) this.pending.push({ start, end, newText: change.text });
        if (this.pending.length > MAX_PENDING_CHANGES) this.dropSourceFile();
        if (this.carried.length > 0) {
          this.carried = moveCarriedFindings(this.carried, start, end, change.text.length);
          this.carriedRanges = undefined;
        }
      } else {
        this.dropSourceFile();
        this.carried = [];
        this.carriedRanges = undefined;
      }
      // One change at a time: each range refers to the text after the previous change (LSP's rule).
      this.document = TextDocument.update(this.document, [change], version);
    }
    this.changeCount++;
  }

  /**
   * Something this document's analysis reads besides its text changed (a spec's `$ref` target): results computed
   * before, the worker's still in flight included, are stale although the text is not.
   */
  inputsChanged(): void {
    this.changeCount++;
  }

  /** The parsed current text, brought up to date incrementally (or parsed afresh on first use). */
  currentSourceFile(): ts.SourceFile {
    const text = this.document.getText();
    if (this.sourceFile) {
      let updated = this.sourceFile;
      for (const change of this.pending) updated = updateSourceFile(updated, change.start, change.end, change.newText);
      this.pending = [];
      // Cheap guard against a client whose ranges drift from its own text: never analyse a tree of other text.
      this.sourceFile = updated.text === text ? updated : undefined;
    }
    this.sourceFile ??= parseSourceFile(this.filePath, text);
    this.pending = [];
    return this.sourceFile;
  }

  /**
   * True when the line starts inside a multi-line string, template or JSX text: a comment inserted there would
   * become part of the literal.
   */
  lineStartsInsideLiteral(line: number): boolean {
    // YAML findings sit on keys and values that start lines; only scripts have multi-line literals worth parsing for.
    if (!this.isScript) return false;
    const offset = this.document.offsetAt({ line, character: 0 });
    let node: ts.Node = this.currentSourceFile();
    // Between a JSX element's tags (outside `{…}`), a `//` line is text, not a comment.
    let inJsxChildren = false;
    for (;;) {
      const child: ts.Node | undefined = node.forEachChild((c) => (c.pos <= offset && offset < c.end ? c : undefined));
      if (!child) return inJsxChildren;
      if (ts.isJsxText(child)) return true;
      if (ts.isStringLiteralLike(child) || ts.isTemplateLiteralToken(child)) return offset > child.getStart();
      if (ts.isJsxElement(child) && offset >= child.openingElement.end && offset < child.closingElement.getStart()) inJsxChildren = true;
      else if (ts.isJsxFragment(child) && offset >= child.openingFragment.end && offset < child.closingFragment.getStart()) inJsxChildren = true;
      else if ((ts.isJsxExpression(child) || ts.isJsxOpeningLikeElement(child)) && offset > child.getStart()) inJsxChildren = false;
      node = child;
    }
  }

  /** Forget the tree (the document is skipped, or a full-text change replaced everything). */
  dropSourceFile(): void {
    this.sourceFile = undefined;
    this.pending = [];
  }
}

export function filePathFor(uri: string, languageId: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(uri);
  } catch {
    parsed = undefined;
  }
  if (parsed?.protocol === 'file:') return path.resolve(fileURLToPath(parsed));
  const scheme = parsed?.protocol.replace(/:$/, '') ?? 'unknown';
  const base = path.basename(decodeURIComponent(parsed?.pathname ?? '')) || 'untitled';
  const extension = path.extname(base) ? '' : (EXTENSION_BY_LANGUAGE_ID[languageId] ?? '');
  return path.join(path.sep, `${scheme}-documents`, `${base}${extension}`);
}

export function uriFor(filePath: string): string {
  return pathToFileURL(filePath).toString();
}

/** Keeps findings entirely before or after an edit of `[start, end)` (moved accordingly); drops the ones it touches. */
function moveCarriedFindings(findings: readonly CarriedFinding[], start: number, end: number, newLength: number): CarriedFinding[] {
  const shift = newLength - (end - start);
  const moved: CarriedFinding[] = [];
  for (const carried of findings) {
    if (carried.end < start) moved.push(carried);
    else if (carried.start > end) moved.push({ finding: carried.finding, start: carried.start + shift, end: carried.end + shift });
  }
  return moved;
}
