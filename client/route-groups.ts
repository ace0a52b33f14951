// What the API Guard view shows, computed without `vscode` (unit-tested in Node): routes grouped by the router
// or controller that declares them, how each is authenticated in words, and its findings counted from the JSON
// report's inventory.
import type { ReportRouteEntry, RouteInventoryAuth, RouteInventoryEntry } from '../shared/protocol';

export interface RouteGroup {
  /** The NestJS controller class, or the declaring file's path relative to its workspace folder. */
  label: string;
  /** Nest groups: the file the controller is in. */
  description?: string;
  routes: RouteInventoryEntry[];
}

/**
 * Groups routes by the file that declares them (an Express router, a Fastify plugin, a Hono app…) or, for NestJS,
 * by controller (`UsersController.findAll` → `UsersController`). Groups in label order; routes keep the server's
 * order (path, then method).
 * @param relativePath the declaring file as the user knows it (relative to its workspace folder).
 */
export function groupRoutes(routes: readonly RouteInventoryEntry[], relativePath: (file: string) => string): RouteGroup[] {
  const groups = new Map<string, RouteGroup>();
  for (const route of routes) {
    const file = relativePath(route.file);
    const controller = route.framework === 'nestjs' ? controllerOf(route.handler) : undefined;
    const key = controller ? `${file}\0${controller}` : file;
    let group = groups.get(key);
    if (!group) {
      group = controller ? { label: controller, description: file, routes: [] } : { label: file, routes: [] };
      groups.set(key, group);
    }
    group.routes.push(route);
  }
  return [...groups.values()].sort((a, b) => compareText(a.label, b.label) || compareText(a.description ?? '', b.description ?? ''));
}

function controllerOf(handler: string): string | undefined {
  const dot = handler.indexOf('.');
  return dot > 0 ? handler.slice(0, dot) : undefined;
}

export function routeLabel(route: Pick<RouteInventoryEntry, 'method' | 'path'>): string {
  return `${route.method} ${route.path}`;
}

/** How the route is authenticated, in one line: the tree item's tooltip and the screen reader's text. */
export function describeRouteAuth(auth: RouteInventoryAuth): string {
  switch (auth.status) {
    case 'authenticated': {
      const by = `Authenticated by ${auth.by ?? 'an unnamed check'}${auth.how ? ` (${auth.how})` : ''}`;
      return auth.authorization && auth.authorization !== auth.by ? `${by}; authorization: ${auth.authorization}` : by;
    }
    case 'public':
      return `Public${auth.reason ? `: ${auth.reason}` : ''}`;
    case 'none':
      return `No authentication${auth.why ? `: ${auth.why}` : ''}`;
    case 'unknown':
      return `Authentication unknown${auth.why ? `: ${auth.why}` : ''}`;
  }
}

/** Codicon and theme colour per status: a route without authentication stands out, a public one does not. */
export const AUTH_ICONS: Record<RouteInventoryAuth['status'], { icon: string; color: string }> = {
  authenticated: { icon: 'lock', color: 'charts.green' },
  public: { icon: 'globe', color: 'charts.blue' },
  none: { icon: 'unlock', color: 'charts.red' },
  unknown: { icon: 'question', color: 'charts.yellow' },
};

export type FindingCounts = ReportRouteEntry['findings'];

/**
 * Findings per route from the JSON report's `inventory.routes` (the report counts those in the route's handler),
 * keyed by routeKey. Undefined when the report has no inventory (a server without it): the view then shows none.
 */
export function findingCountsFromReport(jsonReport: string): Map<string, FindingCounts> | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(jsonReport);
  } catch {
    return undefined;
  }
  const routes = (parsed as { inventory?: { routes?: unknown } } | null)?.inventory?.routes;
  if (!Array.isArray(routes)) return undefined;
  const counts = new Map<string, FindingCounts>();
  for (const route of routes as Partial<ReportRouteEntry>[]) {
    if (typeof route?.method !== 'string' || typeof route.path !== 'string' || typeof route.line !== 'number' || typeof route.file !== 'string' || !route.findings) continue;
    const { error = 0, warning = 0, info = 0, hint = 0 } = route.findings;
    counts.set(routeKey(route as RouteInventoryEntry), { error, warning, info, hint });
  }
  return counts;
}

/**
 * Identifies a route across the routes request (file URIs) and the JSON report (relative paths): the method, the
 * path, the line and the file's last two segments. Two routes alike in all of these are one for counting.
 */
export function routeKey(route: Pick<RouteInventoryEntry, 'method' | 'path' | 'file' | 'line'>): string {
  const segments = decodeURIComponentSafe(route.file).split(/[\\/]/);
  return [route.method, route.path, route.line, segments.slice(-2).join('/')].join(' ');
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/** `2 errors, 1 warning`; empty when there are none. */
export function describeCounts(counts: FindingCounts): string {
  const parts: string[] = [];
  for (const [severity, count] of Object.entries(counts) as [keyof FindingCounts, number][]) {
    if (count > 0) parts.push(`${count} ${count === 1 ? severity : `${severity}s`}`);
  }
  return parts.join(', ');
}

/** Code-unit order, so the view's order is the same whatever the locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
