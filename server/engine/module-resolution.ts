// Which workspace file a module specifier names, for rules that follow a value into another module
// (`WorkspaceReader.resolveModule`): relative specifiers, and non-relative ones through the nearest tsconfig/jsconfig
// `paths` and `baseUrl` (module-aliases.ts, the index's own reading). Only script files inside `boundary` (the
// workspace folder) count: an alias that points outside it or into node_modules names no workspace file.
import * as path from 'node:path';
import { aliasCandidates, type AliasConfig } from './api-model/module-aliases';

const SCRIPT_SUFFIXES = ['.ts', '.tsx', '.mts', '.cts', '.js', '.jsx', '.mjs', '.cjs', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs', '/index.cjs'];
const SCRIPT_FILE = /\.[cm]?[jt]sx?$/;

export interface ModuleResolutionHost {
  fileExists(filePath: string): boolean;
  aliasesFor(filePath: string): AliasConfig | undefined;
  /** The folder resolution stays inside (the file's workspace folder, else its project). */
  boundaryFor(filePath: string): string;
}

export function resolveWorkspaceModule(host: ModuleResolutionHost, fromFile: string, specifier: string): string | undefined {
  let bases: string[];
  if (specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..') {
    bases = [path.resolve(path.dirname(fromFile), specifier)];
  } else if (path.isAbsolute(specifier) || specifier.startsWith('node:')) {
    return undefined;
  } else {
    const aliases = host.aliasesFor(fromFile);
    if (!aliases) return undefined;
    bases = aliasCandidates(aliases, specifier);
  }
  const boundary = host.boundaryFor(fromFile);
  for (const base of bases) {
    if (!isInside(base, boundary) || base.split(path.sep).includes('node_modules')) continue;
    // TypeScript's ESM style names the emitted file: `./db.js` means `./db.ts`.
    const stem = base.replace(/\.[cm]?js$/, '');
    const found = [base, ...SCRIPT_SUFFIXES.map((suffix) => base + suffix), ...(stem !== base ? SCRIPT_SUFFIXES.map((suffix) => stem + suffix) : [])].find(
      (candidate) => SCRIPT_FILE.test(candidate) && host.fileExists(candidate),
    );
    if (found) return found;
  }
  return undefined;
}

function isInside(filePath: string, folder: string): boolean {
  const relative = path.relative(folder, filePath);
  return relative !== '' && !relative.startsWith('..') && !path.isAbsolute(relative);
}
