// Type-checks in-memory files against the real declarations of the ORMs installed as devDependencies (sequelize,
// mongoose, typeorm, drizzle-orm, knex, @mikro-orm/core, zod) plus declared shapes of what cannot be installed
// (Prisma's generated client, web frameworks, validation libraries: orm-declarations.ts). A rule's fixed output
// must compile against the ORM it targets. One program per option set is kept and passed as `oldProgram`, and
// library/node_modules source files are shared across calls, so only the caller's files are parsed and bound anew.
import * as path from 'node:path';
import * as ts from 'typescript';
import { DECLARED_MODULES, ORM_TEST_DECLARATIONS } from './orm-declarations';

const REPO_ROOT = path.resolve(__dirname, '../..');
/** Virtual files live under the repository so node_modules lookup walks up to the real node_modules. */
const VIRTUAL_DIR = path.join(REPO_ROOT, '.virtual-orm-check');
const DECLARATIONS_FILE = path.join(VIRTUAL_DIR, '__orm-test-declarations.d.ts');

export interface OrmTypeCheckOptions {
  /** `bundler` (default; ESNext modules) or `node16` (files are CommonJS unless named .mts). */
  resolution?: 'bundler' | 'node16';
  /** Extra compiler options, applied last. */
  compilerOptions?: ts.CompilerOptions;
  /** Also report the declared-module stubs' own diagnostics (checks them with skipLibCheck off). */
  checkDeclarations?: boolean;
}

const BASE_OPTIONS: ts.CompilerOptions = {
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: ['node'],
  typeRoots: [path.join(REPO_ROOT, 'node_modules/@types')],
  strict: true,
  noEmit: true,
  esModuleInterop: true,
  skipLibCheck: true,
  experimentalDecorators: true,
  emitDecoratorMetadata: true,
  // TypeORM and MikroORM entities declare columns without initialisers, as their docs do.
  strictPropertyInitialization: false,
};

const RESOLUTION_OPTIONS: Record<'bundler' | 'node16', ts.CompilerOptions> = {
  bundler: { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler },
  node16: { module: ts.ModuleKind.Node16, moduleResolution: ts.ModuleResolutionKind.Node16 },
};

/** Source files outside the caller's set (lib, @types, node_modules, stubs): parsed and bound once per process. */
const sharedFiles = new Map<string, ts.SourceFile | undefined>();
const lastProgramByOptions = new Map<string, ts.Program>();
const resolutionCacheByOptions = new Map<string, ts.ModuleResolutionCache>();

/**
 * Diagnostics of `files` (relative path → text), as `file:line: message`; global diagnostics come first, bare.
 * Only the given files are reported (plus the stubs with `checkDeclarations`).
 */
export function typeCheckWithOrms(files: Record<string, string>, options: OrmTypeCheckOptions = {}): string[] {
  const compilerOptions: ts.CompilerOptions = {
    ...BASE_OPTIONS,
    ...RESOLUTION_OPTIONS[options.resolution ?? 'bundler'],
    ...(options.checkDeclarations ? { skipLibCheck: false } : {}),
    ...options.compilerOptions,
  };
  const optionsKey = JSON.stringify(compilerOptions);
  const byPath = new Map(Object.entries(files).map(([relative, text]) => [path.join(VIRTUAL_DIR, relative), text]));
  byPath.set(DECLARATIONS_FILE, ORM_TEST_DECLARATIONS);
  const host = createHost(compilerOptions, byPath, resolutionCacheFor(optionsKey, compilerOptions));
  const program = ts.createProgram({
    rootNames: [...byPath.keys()],
    options: compilerOptions,
    host,
    oldProgram: lastProgramByOptions.get(optionsKey),
  });
  lastProgramByOptions.set(optionsKey, program);
  const reported = [...byPath.keys()].filter((fileName) => fileName !== DECLARATIONS_FILE || options.checkDeclarations);
  const global = program.getGlobalDiagnostics().map((diagnostic) => ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'));
  return [...global, ...reported.flatMap((fileName) => diagnosticsOf(program, fileName))];
}

/** How many library/node_modules/stub files have been parsed in this process: a warm call adds none. */
export function sharedSourceFilesParsed(): number {
  return sharedFiles.size;
}

function diagnosticsOf(program: ts.Program, fileName: string): string[] {
  const sourceFile = program.getSourceFile(fileName);
  if (!sourceFile) return [`${path.relative(VIRTUAL_DIR, fileName)}: not part of the program`];
  const diagnostics = [...program.getSyntacticDiagnostics(sourceFile), ...program.getSemanticDiagnostics(sourceFile)];
  return diagnostics.map((diagnostic) => {
    const line = diagnostic.start !== undefined ? `:${sourceFile.getLineAndCharacterOfPosition(diagnostic.start).line + 1}` : '';
    return `${path.relative(VIRTUAL_DIR, fileName)}${line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

function resolutionCacheFor(optionsKey: string, compilerOptions: ts.CompilerOptions): ts.ModuleResolutionCache {
  let cache = resolutionCacheByOptions.get(optionsKey);
  if (!cache) {
    cache = ts.createModuleResolutionCache(REPO_ROOT, (fileName) => fileName, compilerOptions);
    resolutionCacheByOptions.set(optionsKey, cache);
  }
  return cache;
}

function createHost(compilerOptions: ts.CompilerOptions, byPath: Map<string, string>, resolutionCache: ts.ModuleResolutionCache): ts.CompilerHost {
  const host = ts.createCompilerHost(compilerOptions, true);
  const readFromDisk = host.getSourceFile.bind(host);
  host.getSourceFile = (fileName, languageVersion, onError) => {
    const text = byPath.get(fileName);
    if (text !== undefined && fileName !== DECLARATIONS_FILE) return ts.createSourceFile(fileName, text, languageVersion, true);
    const key = `${fileName}\0${JSON.stringify(languageVersion)}`;
    if (!sharedFiles.has(key)) {
      sharedFiles.set(key, text !== undefined ? ts.createSourceFile(fileName, text, languageVersion, true) : readFromDisk(fileName, languageVersion, onError));
    }
    return sharedFiles.get(key);
  };
  const fileExistsOnDisk = host.fileExists.bind(host);
  host.fileExists = (fileName) => byPath.has(fileName) || fileExistsOnDisk(fileName);
  const readFileFromDisk = host.readFile.bind(host);
  host.readFile = (fileName) => byPath.get(fileName) ?? readFileFromDisk(fileName);
  // Module resolution asks whether folders exist: the virtual files' folders do.
  const virtualDirs = new Set([...byPath.keys()].flatMap((file) => ancestorsWithin(file, VIRTUAL_DIR)));
  const directoryExistsOnDisk = host.directoryExists?.bind(host);
  host.directoryExists = (directory) => virtualDirs.has(directory) || (directoryExistsOnDisk?.(directory) ?? false);
  host.resolveModuleNameLiterals = (literals, containingFile, redirectedReference, options, containingSourceFile) =>
    literals.map((literal) =>
      // A declared module must not resolve to an installed package's untyped JavaScript (lodash): the stub answers.
      DECLARED_MODULES.has(literal.text)
        ? { resolvedModule: undefined }
        : ts.resolveModuleName(literal.text, containingFile, options, host, resolutionCache, redirectedReference,
            ts.getModeForUsageLocation(containingSourceFile, literal, options)),
    );
  return host;
}

function ancestorsWithin(file: string, root: string): string[] {
  const out: string[] = [];
  for (let current = path.dirname(file); current.startsWith(root); current = path.dirname(current)) out.push(current);
  return out;
}
