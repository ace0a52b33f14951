// Type-checks a fixed file against small declarations of the SQL drivers (driver packages are not installed in
// this repository): the fix must produce code the driver's own types accept. In memory, strict mode.
import * as path from 'node:path';
import * as ts from 'typescript';

const OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  lib: ['lib.es2022.d.ts'],
  types: [],
  strict: true,
  noEmit: true,
  experimentalDecorators: true,
  esModuleInterop: true,
  skipLibCheck: true,
};

/** Library files parse once per test process: parsing lib.es2022 is most of a check's cost. */
const libraryFiles = new Map<string, ts.SourceFile | undefined>();

/** Diagnostics (syntax and semantic) of `code` as `app.ts`, with `declarations` as an ambient .d.ts. */
export function typeCheck(code: string, declarations: string): string[] {
  const dir = '/virtual-project';
  const files = new Map([
    [path.join(dir, 'app.ts'), code],
    [path.join(dir, 'drivers.d.ts'), declarations],
  ]);
  const host = ts.createCompilerHost(OPTIONS, true);
  const defaultGetSourceFile = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = files.get(fileName);
    if (text !== undefined) return ts.createSourceFile(fileName, text, languageVersion, true);
    if (!libraryFiles.has(fileName)) libraryFiles.set(fileName, defaultGetSourceFile(fileName, languageVersion, onError));
    return libraryFiles.get(fileName);
  };
  const defaultFileExists = host.fileExists.bind(host);
  host.fileExists = (fileName) => files.has(fileName) || defaultFileExists(fileName);
  const defaultReadFile = host.readFile.bind(host);
  host.readFile = (fileName) => files.get(fileName) ?? defaultReadFile(fileName);
  const program = ts.createProgram({ rootNames: [...files.keys()], options: OPTIONS, host });
  const appFile = program.getSourceFile(path.join(dir, 'app.ts'))!;
  const diagnostics = [...program.getSyntacticDiagnostics(appFile), ...program.getSemanticDiagnostics(appFile)];
  return diagnostics.map((d) => {
    const position = d.start !== undefined ? appFile.getLineAndCharacterOfPosition(d.start) : undefined;
    return `${position ? `${position.line + 1}:${position.character + 1} ` : ''}${ts.flattenDiagnosticMessageText(d.messageText, '\n')}`;
  });
}
