// Types for the rules that need them, built lazily: a ts.Program per tsconfig.json/jsconfig.json (or an
// inferred one), created on the first `getTypeChecker()` call and then updated with `oldProgram`, so an edit to
// one file reuses the rest of the program instead of rebuilding it. The program is given the engine's own
// source file for the analysed file, so the nodes a rule holds are the nodes the checker knows.
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as ts from 'typescript';
import type { FileSystemReader } from './analyzer';

/**
 * Bundled (dist/server.js, dist/cli.js), TypeScript would look for its lib files (Promise, Array, …) beside the
 * bundle; esbuild.mjs ships them in dist/typescript-lib/. Run from source, TypeScript's own folder is right.
 */
const SHIPPED_LIB_LOCATION = ((): string | undefined => {
  const shipped = path.join(__dirname, 'typescript-lib');
  return fs.existsSync(path.join(shipped, 'lib.d.ts')) ? shipped : undefined;
})();

interface ProjectState {
  options: ts.CompilerOptions;
  rootNames: string[];
  program?: ts.Program;
}

const INFERRED_OPTIONS: ts.CompilerOptions = {
  allowJs: true,
  checkJs: false,
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  strict: true,
  skipLibCheck: true,
  noEmit: true,
};

export class TypeInfoProvider {
  private readonly projects = new Map<string, ProjectState>();
  /** Parsed files that are not being analysed, keyed by path and validated by text, shared across programs. */
  private readonly otherFiles = new Map<string, ts.SourceFile>();

  constructor(private readonly reader: FileSystemReader) {}

  invalidate(): void {
    this.projects.clear();
  }

  /**
   * A document was closed: drop every program holding its source file (it may be the editor's unsaved text) and
   * its cached parse. The next build starts without an old program but reuses the other cached parses; once no
   * program is left, those go too, so a server with nothing open holds no type information.
   */
  forgetFile(filePath: string): void {
    const fileName = path.resolve(filePath);
    this.otherFiles.delete(fileName);
    this.projects.delete(`inferred:${fileName}`);
    for (const project of this.projects.values()) {
      if (project.program?.getSourceFile(fileName)) project.program = undefined;
    }
    if ([...this.projects.values()].every((project) => !project.program)) {
      this.projects.clear();
      this.otherFiles.clear();
    }
  }

  /** Paths of every source file held, in programs or cached (internal: memory tests). */
  heldFilePaths(): Set<string> {
    const held = new Set(this.otherFiles.keys());
    for (const project of this.projects.values()) {
      for (const sourceFile of project.program?.getSourceFiles() ?? []) held.add(path.resolve(sourceFile.fileName));
    }
    return held;
  }

  checkerFor(sourceFile: ts.SourceFile): ts.TypeChecker {
    return this.programFor(sourceFile).getTypeChecker();
  }

  programFor(sourceFile: ts.SourceFile): ts.Program {
    const fileName = path.resolve(sourceFile.fileName);
    const configPath = ts.findConfigFile(path.dirname(fileName), (p) => this.reader.fileExists(p), 'tsconfig.json') ??
      ts.findConfigFile(path.dirname(fileName), (p) => this.reader.fileExists(p), 'jsconfig.json');
    const key = configPath ?? `inferred:${fileName}`;
    let project = this.projects.get(key);
    if (!project) {
      project = configPath ? this.loadProject(configPath) : { options: INFERRED_OPTIONS, rootNames: [] };
      this.projects.set(key, project);
    }
    const rootNames = project.rootNames.includes(fileName) ? project.rootNames : [...project.rootNames, fileName];
    const host = ts.createCompilerHost(project.options, true);
    if (SHIPPED_LIB_LOCATION) {
      host.getDefaultLibLocation = () => SHIPPED_LIB_LOCATION;
      host.getDefaultLibFileName = (options) => path.join(SHIPPED_LIB_LOCATION, ts.getDefaultLibFileName(options));
    }
    host.fileExists = (p) => path.resolve(p) === fileName || this.reader.fileExists(p);
    host.readFile = (p) => (path.resolve(p) === fileName ? sourceFile.text : this.reader.readFile(p));
    host.getSourceFile = (p, languageVersion) => {
      const resolved = path.resolve(p);
      if (resolved === fileName) return sourceFile;
      const text = this.reader.readFile(resolved);
      if (text === undefined) return undefined;
      const cached = this.otherFiles.get(resolved);
      if (cached && cached.text === text) return cached;
      const parsed = ts.createSourceFile(resolved, text, languageVersion, true);
      this.otherFiles.set(resolved, parsed);
      return parsed;
    };
    project.program = ts.createProgram({ rootNames, options: project.options, host, oldProgram: project.program });
    return project.program;
  }

  private loadProject(configPath: string): ProjectState {
    const configFile = ts.readConfigFile(configPath, (p) => this.reader.readFile(p));
    if (configFile.error) return { options: INFERRED_OPTIONS, rootNames: [] };
    const parsed = ts.parseJsonConfigFileContent(configFile.config, ts.sys, path.dirname(configPath), { noEmit: true }, configPath);
    return { options: { ...parsed.options, noEmit: true }, rootNames: parsed.fileNames.map((f) => path.resolve(f)) };
  }
}
