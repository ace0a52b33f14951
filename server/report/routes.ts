// The route inventory: the API model's routes as plain entries (the server's apiguard/routes request and
// `apiguard routes --format json` return the same ones) and the text table `apiguard routes` prints.
import type { ApiModel, ApiRoute, RouteAuth, SourceSpot } from '../../rules/support/api-model';
import type { RouteInventoryAuth, RouteInventoryEntry, RoutesResult } from '../../shared/protocol';
import { maskSecrets } from '../../rules/support/secret-text';
import { LineIndex } from '../engine/line-index';
import { toRelativeUri } from '../engine/workspace-scan';
import type { CoverageEntry, InventoryRouteSource, ReportInventorySource, SpecCoverage } from './model';

/** Every route of the model, sorted by path then method; `fileLabel` names a file (a URI, or a relative path). */
export function routeInventory(model: ApiModel, fileLabel: (filePath: string) => string): RouteInventoryEntry[] {
  return [...model.routes].sort(compareRoutes).map((route) => masked(inventoryEntry(route, fileLabel)));
}

/** The request's and `--format json`'s whole answer: routes, and what could not be listed. */
export function routesResult(model: ApiModel, fileLabel: (filePath: string) => string): RoutesResult {
  return {
    complete: model.complete,
    routes: routeInventory(model, fileLabel),
    unmodelled: model.unmodelled.map((entry) => masked({ framework: entry.framework, what: entry.what, file: fileLabel(entry.at.filePath), line: entry.at.line + 1 })),
  };
}

/**
 * Names, paths, reasons and notes quote source text, which may hold a secret (a token in a webhook path, an
 * option value): every string goes through the same masking as findings.
 */
function masked<T>(value: T): T {
  if (typeof value === 'string') return maskSecrets(value) as T;
  if (Array.isArray(value)) return value.map(masked) as T;
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, masked(inner)])) as T;
  return value;
}

/**
 * The report's inventory: every route (files relative to `root`) with the spans its findings are counted in, and the
 * specs' coverage. `readText` gives a file's text (offsets become lines); a file it cannot read leaves the handler
 * span out (findings then count on the declaration's line only).
 */
export function buildReportInventory(model: ApiModel, root: string, readText: (filePath: string) => string | undefined): ReportInventorySource {
  const lineIndexes = new Map<string, LineIndex | undefined>();
  const linesOf = (filePath: string) => {
    if (!lineIndexes.has(filePath)) {
      const text = readText(filePath);
      lineIndexes.set(filePath, text === undefined ? undefined : LineIndex.of(text));
    }
    return lineIndexes.get(filePath);
  };
  const relative = (filePath: string) => toRelativeUri(root, filePath);
  const hasSpecs = model.specs.all.size > 0;
  const routes = [...model.routes].sort(compareRoutes).map((route): InventoryRouteSource => {
    const declared = linesOf(route.declaredAt.filePath);
    const start = declared?.positionAt(route.declaredAt.start) ?? { line: route.declaredAt.line, character: 0 };
    const end = declared?.positionAt(route.declaredAt.end) ?? start;
    const handler = route.handlerAt;
    const handlerLines = handler ? linesOf(handler.filePath) : undefined;
    const documented = hasSpecs && isCompared(model, route) ? model.specs.operationForRoute(route) !== undefined : undefined;
    return {
      ...masked(inventoryEntry(route, relative)),
      filePath: route.declaredAt.filePath,
      declaredRange: { line: start.line, character: start.character, endLine: end.line, endCharacter: end.character },
      ...(handler && handlerLines ? { handlerSpan: { filePath: handler.filePath, startLine: handler.line, endLine: handlerLines.positionAt(handler.end).line } } : {}),
      ...(documented !== undefined ? { documented } : {}),
    };
  });
  return {
    routes,
    specCoverage: hasSpecs ? specCoverage(model, routes, relative) : null,
    unmodelled: model.unmodelled.map((entry) => masked({ framework: entry.framework, what: entry.what, file: relative(entry.at.filePath), line: entry.at.line + 1 })),
  };
}

/** As spec/undocumented-route decides: a spec covers the route's file and the route's full path is known. */
function isCompared(model: ApiModel, route: ApiRoute): boolean {
  if (route.auth.status === 'unknown' && route.notes.some((note) => note.includes('not mounted'))) return false;
  return model.specs.isComparable(route) && model.specs.coveringSpecs(route.declaredAt.filePath).length > 0;
}

function specCoverage(model: ApiModel, routes: readonly InventoryRouteSource[], relative: (filePath: string) => string): SpecCoverage {
  const specs: SpecCoverage['specs'] = [];
  const unimplementedOperations: CoverageEntry[] = [];
  for (const [specPath, summary] of [...model.specs.all].sort(([a], [b]) => compareText(a, b))) {
    const operations = model.specs.operationsOf(specPath);
    specs.push({ file: relative(specPath), operations: summary.operations.length, implemented: operations ? operations.filter((entry) => entry.implementedBy.length > 0).length : null });
    for (const { operation } of operations?.filter((entry) => entry.implementedBy.length === 0) ?? []) {
      unimplementedOperations.push(masked({ method: operation.method, path: operation.path, file: relative(specPath), line: operation.at.line + 1 }));
    }
  }
  const compared = routes.filter((route) => route.documented !== undefined);
  return {
    specs,
    routesCompared: compared.length,
    routesDocumented: compared.filter((route) => route.documented).length,
    undocumentedRoutes: compared.filter((route) => !route.documented).map((route) => ({ method: route.method, path: route.path, file: route.file, line: route.line })),
    unimplementedOperations,
  };
}

function inventoryEntry(route: ApiRoute, fileLabel: (filePath: string) => string): RouteInventoryEntry {
  const place = (spot: SourceSpot) => ({ file: fileLabel(spot.filePath), line: spot.line + 1 });
  return {
    method: route.method,
    path: route.path,
    framework: route.framework,
    ...place(route.declaredAt),
    handler: route.handler,
    auth: inventoryAuth(route.auth),
    mounts: route.mounts.map((mount) => ({ path: mount.path, ...place(mount.at) })),
    chain: route.chain.map((link) => link.name),
    notes: [...route.notes],
  };
}

function inventoryAuth(auth: RouteAuth): RouteInventoryAuth {
  switch (auth.status) {
    case 'authenticated':
      return {
        status: 'authenticated',
        by: auth.by.name,
        ...(auth.by.how ? { how: auth.by.how } : {}),
        ...(auth.authorization ? { authorization: auth.authorization.name } : {}),
      };
    case 'public':
      return { status: 'public', reason: auth.reason };
    case 'unknown':
      return { status: 'unknown', why: auth.why };
    case 'none':
      return auth.fallsThrough ? { status: 'none', why: `${auth.fallsThrough.name} ${auth.fallsThrough.fallsThrough ?? 'does not stop the request'}` } : { status: 'none' };
  }
}

function compareRoutes(a: ApiRoute, b: ApiRoute): number {
  return compareText(a.path, b.path) || compareText(a.method, b.method) || compareText(a.declaredAt.filePath, b.declaredAt.filePath) || a.declaredAt.start - b.declaredAt.start;
}

/** Code-unit order, so the output is the same whatever the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** How a route is authenticated, in one phrase: `passport.authenticate('jwt') (passport (library))`, `public: …`, `NONE`. */
export function describeAuth(auth: RouteInventoryAuth): string {
  switch (auth.status) {
    case 'authenticated': {
      const by = auth.how ? `${auth.by} (${auth.how})` : auth.by!;
      return auth.authorization && auth.authorization !== auth.by ? `${by}; authorization: ${auth.authorization}` : by;
    }
    case 'public':
      // "marked public: <reason>" reads as it is; the others are reasons (`login endpoint`).
      return auth.reason?.startsWith('marked public') ? auth.reason : `public: ${auth.reason}`;
    case 'unknown':
      return `unknown: ${auth.why}`;
    case 'none':
      return auth.why ? `NONE (${auth.why})` : 'NONE';
  }
}

/**
 * One aligned line per route (`METHOD  /full/path  framework  file:line  handler  auth`), then a summary line.
 * Notes the model left (computed paths, unmounted routers) follow their route, indented.
 */
export function formatRoutesText(entries: readonly RouteInventoryEntry[], unmodelled: RoutesResult['unmodelled'] = []): string {
  const rows = entries.map((entry) => [entry.method, entry.path, entry.framework, `${entry.file}:${entry.line}`, entry.handler, describeAuth(entry.auth)]);
  const widths = rows.reduce<number[]>((max, row) => row.map((cell, i) => Math.max(max[i] ?? 0, cell.length)), []);
  const lines: string[] = [];
  rows.forEach((row, index) => {
    lines.push(row.map((cell, i) => (i === row.length - 1 ? cell : cell.padEnd(widths[i]!))).join('  '));
    const entry = entries[index]!;
    // An unknown verdict already says why; other notes (a computed path, a generated route) follow the line.
    for (const note of entry.notes) if (note !== entry.auth.why) lines.push(`    note: ${note}`);
  });
  lines.push(summaryLine(entries));
  if (unmodelled.length > 0) {
    lines.push('', 'Routes that exist but could not be listed:');
    for (const entry of unmodelled) lines.push(`  ${entry.file}:${entry.line}  ${entry.framework}  ${entry.what}`);
  }
  return lines.join('\n') + '\n';
}

function summaryLine(entries: readonly RouteInventoryEntry[]): string {
  const count = (status: RouteInventoryAuth['status']) => entries.filter((entry) => entry.auth.status === status).length;
  const routes = entries.length === 1 ? '1 route' : `${entries.length} routes`;
  return `${routes}: ${count('authenticated')} authenticated, ${count('public')} public, ${count('none')} none, ${count('unknown')} unknown`;
}
