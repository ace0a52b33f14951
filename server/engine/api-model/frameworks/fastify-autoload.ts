// @fastify/autoload when linking: the plugin files of a folder, each with the prefix autoload gives it. Every
// script file of a folder is a plugin unless the folder has an index file, then only that one (sub-folders are
// still loaded); folder names prefix their plugins' routes unless `dirNameRoutePrefix: false`, and a plugin's
// `autoPrefix` export replaces its folder's prefix.
import * as path from 'node:path';
import type { Linker } from '../link';
import type { FastifyAutoload, FileSummary } from '../summary';

const SCRIPT = /\.(ts|js|mjs|cjs|mts|cts)$/;
const INDEX = /^index\.(ts|js|mjs|cjs|mts|cts)$/;

export interface AutoloadedPlugin {
  file: FileSummary;
  /** Relative specifier of the plugin file, from the registering file. */
  specifier: string;
  prefix: string;
}

export function autoloadedPlugins(linker: Linker, from: FileSummary, autoload: FastifyAutoload): AutoloadedPlugin[] {
  const base = path.resolve(path.dirname(from.filePath), autoload.dir);
  const byFolder = new Map<string, FileSummary[]>();
  for (const file of linker.files.values()) {
    const relative = path.relative(base, file.filePath);
    if (relative.startsWith('..') || path.isAbsolute(relative) || !SCRIPT.test(relative) || relative.endsWith('.d.ts')) continue;
    const folder = path.dirname(relative);
    const list = byFolder.get(folder) ?? [];
    list.push(file);
    byFolder.set(folder, list);
  }
  const plugins: AutoloadedPlugin[] = [];
  for (const [folder, files] of [...byFolder].sort(([a], [b]) => a.localeCompare(b))) {
    const index = files.find((file) => INDEX.test(path.basename(file.filePath)));
    for (const file of index ? [index] : files.sort((a, b) => a.filePath.localeCompare(b.filePath))) {
      const segments = folder === '.' ? [] : folder.split(path.sep).map((segment) => (autoload.routeParams && segment.startsWith('_') ? `:${segment.slice(1)}` : segment));
      const folderPrefix = autoload.dirNamePrefix && segments.length > 0 ? `/${segments.join('/')}` : '';
      const specifier = `./${path.relative(path.dirname(from.filePath), file.filePath).split(path.sep).join('/')}`;
      plugins.push({ file, specifier, prefix: file.fastifyAutoPrefix ?? folderPrefix });
    }
  }
  return plugins;
}
