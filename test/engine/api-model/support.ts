// Builds the API model of a small in-memory workspace and prints its routes one per line, so tests can compare
// the whole inventory at once: `METHOD /path file:line auth`.
import * as path from 'node:path';
import type { ApiRoute } from '../../../rules/support/api-model';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';
import type { AuthSettings } from '../../../server/engine/config';

export const ROOT = path.resolve('/workspace');

export function modelOf(files: Record<string, string>, auth?: Partial<AuthSettings>): { index: WorkspaceIndex; routes: readonly ApiRoute[] } {
  const settings: AuthSettings = { middleware: auth?.middleware ?? [], publicRoutes: auth?.publicRoutes ?? [] };
  const index = new WorkspaceIndex({ authSettingsFor: () => settings });
  for (const [relative, text] of Object.entries(files)) index.indexFile(path.join(ROOT, relative), text);
  index.markComplete();
  return { index, routes: index.model().routes };
}

/** `GET /api/users routes/users.ts:4 authenticated by requireLogin` (sorted by path, then method). */
export function inventory(files: Record<string, string>, auth?: Partial<AuthSettings>): string[] {
  return modelOf(files, auth).routes.map(describeRoute).sort();
}

export function describeRoute(route: ApiRoute): string {
  const where = `${path.relative(ROOT, route.declaredAt.filePath)}:${route.declaredAt.line + 1}`;
  const auth = route.auth;
  const verdict =
    auth.status === 'authenticated' ? `authenticated by ${auth.by.name}${auth.authorization && auth.authorization !== auth.by ? ` + ${auth.authorization.name}` : ''}`
    : auth.status === 'public' ? `public (${auth.reason})`
    : auth.status === 'unknown' ? `unknown (${auth.why})`
    : auth.fallsThrough ? `none (${auth.fallsThrough.name} falls through)` : 'none';
  return `${route.method} ${route.path} ${where} ${verdict}`;
}
