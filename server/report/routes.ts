// The route inventory: the API model's routes as plain entries (the server's apiguard/routes request and
// `apiguard routes --format json` return the same ones) and the text table `apiguard routes` prints.
import type { ApiModel, ApiRoute, RouteAuth, SourceSpot } from '../../rules/support/api-model';
import type { RouteInventoryAuth, RouteInventoryEntry, RoutesResult } from '../../shared/protocol';
import { maskSecrets } from '../../rules/support/secret-text';

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
