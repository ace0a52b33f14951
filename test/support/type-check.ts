// Type-checks a set of in-memory files under strict mode with Node's types (@types/node from this repository's
// node_modules): fixed output must still compile. Third-party modules get `declare module` stubs from the caller.
import * as path from 'node:path';
import * as ts from 'typescript';

const REPO_ROOT = path.resolve(__dirname, '../..');

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.Node16,
  moduleResolution: ts.ModuleResolutionKind.Node16,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [path.join(REPO_ROOT, 'node_modules/@types')],
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  skipLibCheck: true,
  jsx: ts.JsxEmit.Preserve,
};

/** Library and @types files parse once per test process: they are most of a check's cost. */
const sharedFiles = new Map<string, ts.SourceFile | undefined>();

/**
 * Diagnostics (syntactic and semantic) of the given files, relative path → text, as `file:line:col message`.
 * Only the given files are reported; declaration files among them act as ambient stubs.
 */
export function typeCheckFiles(files: Record<string, string>, optionOverrides: ts.CompilerOptions = {}): string[] {
  const options = { ...OPTIONS, ...optionOverrides };
  const dir = path.join(REPO_ROOT, '.virtual-type-check');
  const byPath = new Map(Object.entries(files).map(([relative, text]) => [path.join(dir, relative), text]));
  const host = ts.createCompilerHost(options, true);
  const defaultGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = byPath.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!sharedFiles.has(fileName)) sharedFiles.set(fileName, defaultGetSourceFile(fileName, languageVersion, onError));
    return sharedFiles.get(fileName);
  };
  const defaultFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => byPath.has(fileName) || defaultFileExists(fileName);
  // Module resolution asks for folders first: the virtual files' folders exist too.
  const virtualDirs = new Set([...byPath.keys()].flatMap((file) => ancestorsOf(file, dir)));
  const defaultDirectoryExists = host.directoryExists?.bind(host);
  host.directoryExists = (directory) => virtualDirs.has(directory) || (defaultDirectoryExists?.(directory) ?? false);
  const defaultReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => byPath.get(fileName) ?? defaultReadFile(fileName);
  const program = ts.createProgram({ rootNames: [...byPath.keys()], options, host });
  const messages: string[] = [];
  for (const fileName of byPath.keys()) {
    const sourceFile = program.getSourceFile(fileName)!;
    for (const diagnostic of [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)]) {
      const position = diagnostic.start !== undefined ? sourceFile.getLineAndCharacterOfPosition(diagnostic.start) : undefined;
      const where = position ? `:${position.line + 1}:${position.character + 1}` : '';
      messages.push(`${path.relative(dir, fileName)}${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`);
    }
  }
  const global = program.getGlobalDiagnostics().map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
  return [...global, ...messages];
}

function ancestorsOf(file: string, root: string): string[] {
  const out: string[] = [];
  for (let current = path.dirname(file); current.startsWith(root); current = path.dirname(current)) out.push(current);
  return out;
}
