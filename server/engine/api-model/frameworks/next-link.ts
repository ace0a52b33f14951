// Next.js routes across files: a route's path comes from its folder below the app root (the folder holding `app/` or
// `pages/`, next to `next.config.*` when the workspace has one); the root's `middleware.ts` joins the chain of the
// routes its matcher covers, authenticating them when it is an auth middleware (next-auth's `withAuth`, Clerk's
// `auth.protect()` for the paths it protects, or a function that checks credentials).
import * as path from 'node:path';
import type { ApiRoute, ChainLink, RouteAuth } from '../../../../rules/support/api-model';
import { NEXT } from '../../../../rules/data/frameworks';
import { joinPaths, type Linker } from '../link';
import type { FileSummary, NextHandler, NextMiddleware, NextSummary, ValueRef } from '../summary';

interface RootMiddleware {
  file: FileSummary;
  middleware: NextMiddleware;
}

export function linkNextRoutes(linker: Linker, routes: ApiRoute[]): void {
  const files = [...linker.files.values()].filter((file) => file.next);
  if (files.length === 0) return;
  const configRoots = new Set([...linker.files.keys()].filter((file) => NEXT.configFile.test(path.basename(file))).map((file) => path.dirname(file)));
  const basePaths = new Map<string, string>();
  for (const file of files) if (file.next!.basePath !== undefined) basePaths.set(path.dirname(file.filePath), file.next!.basePath);
  const middlewares = new Map<string, RootMiddleware>();
  for (const file of files) {
    if (file.next!.kind !== 'middleware' || !file.next!.middleware) continue;
    const dir = path.dirname(file.filePath);
    const root = path.basename(dir) === 'src' ? path.dirname(dir) : dir;
    if (configRoots.size > 0 && !configRoots.has(root)) continue;
    middlewares.set(root, { file, middleware: file.next!.middleware });
  }
  for (const file of files) {
    const next = file.next!;
    if (next.kind === 'middleware' || next.kind === 'config') continue;
    const place = nextRoutePath(file.filePath, next.kind, configRoots);
    if (!place) continue;
    const basePath = basePaths.get(place.root);
    for (const handler of next.handlers) routes.push(routeFrom(linker, file, handler, place, middlewares.get(place.root), basePath));
  }
}

function routeFrom(linker: Linker, file: FileSummary, handler: NextHandler, place: { root: string; path: string }, rootMiddleware: RootMiddleware | undefined, basePath: string | undefined): ApiRoute {
  const chain: ChainLink[] = [];
  const notes: string[] = [];
  let unsure: string | undefined;
  if (rootMiddleware) {
    const { middleware } = rootMiddleware;
    const coverage = matcherCovers(middleware.matcher, place.path);
    if (coverage !== 'no') {
      const link = middlewareLink(linker, rootMiddleware, place.path, notes);
      chain.push(link);
      notes.push(...middleware.matcherNotes);
      if (coverage === 'unsure' && link.auth) unsure = `${path.basename(rootMiddleware.file.filePath)} may not run here: its matcher could not be read (${middleware.matcher!.join(', ')})`;
      unsure ??= unfollowedImport(linker, rootMiddleware.file, middleware.handler.ref, link, false);
    }
  }
  if (handler.ref && handler.ref.ref.kind === 'call') {
    const link = linker.chainLink(file, handler.ref);
    chain.push(link);
    unsure ??= unfollowedImport(linker, file, handler.ref.ref, link, true);
  }
  const dynamic = place.path.includes('*') ? ['a catch-all segment is shown as *'] : [];
  return {
    method: handler.method,
    // The matcher is read against the path below basePath (Next.js prefixes its matchers with it).
    path: basePath ? joinPaths(basePath, place.path) : place.path,
    framework: 'nextjs',
    declaredAt: handler.at,
    handler: handler.name,
    mounts: [],
    chain,
    auth: provisionalVerdict(linker, file, handler, unsure),
    notes: [...notes, ...dynamic],
    containerKey: file.filePath,
  };
}

function provisionalVerdict(linker: Linker, file: FileSummary, handler: NextHandler, unsure: string | undefined): RouteAuth {
  if (handler.publicMarker) {
    const reason = handler.publicMarker.reason;
    return { status: 'public', reason: reason && reason !== '<reason>' ? `marked public: ${reason}` : 'marked public (no reason given)' };
  }
  if (handler.publicBy) return { status: 'public', reason: handler.publicBy };
  let auth = handler.auth;
  if (!auth && handler.ref && handler.ref.ref.kind !== 'call') {
    const resolved = linker.resolve(file, handler.ref.ref);
    if (resolved.kind === 'function') auth = resolved.fn.auth;
  }
  if (auth?.authenticates && !auth.fallsThrough) {
    return { status: 'authenticated', by: { name: handler.name, appliedAt: handler.at, auth: 'authentication', how: `in the handler: ${auth.how}` } };
  }
  return unsure ? { status: 'unknown', why: unsure } : { status: 'none' };
}

/** The middleware as a link of this route's chain: what it does for this path. */
function middlewareLink(linker: Linker, { file, middleware }: RootMiddleware, routePath: string, notes: string[]): ChainLink {
  const base: ChainLink = { name: middleware.handler.text, appliedAt: middleware.handler.at };
  const where = path.basename(file.filePath);
  const protects = middleware.protects;
  if (protects) {
    if (protects.routes === 'conditional') {
      notes.push(`${where}: ${protects.why}`);
      return { ...base, how: protects.why };
    }
    const matched = protects.routes === 'all' || protects.patterns.some((pattern) => matcherRegExp(pattern)?.test(samplePath(routePath)));
    const protectedHere = protects.routes === 'except' ? !matched : matched;
    return protectedHere
      ? { ...base, auth: 'authentication', how: `Clerk middleware protects this path (${where})` }
      : { ...base, how: `Clerk middleware does not protect this path (${where})` };
  }
  const resolved = linker.resolve(file, middleware.handler.ref);
  if (resolved.kind === 'package') {
    const exportName = resolved.members[0] ?? 'default';
    const known = NEXT.authMiddleware.find((entry) => entry.module === resolved.module && entry.exportNames.includes(exportName));
    if (known) return { ...base, auth: 'authentication', how: `${known.label} (library)`, origin: { module: resolved.module, exportName } };
  }
  const auth = middleware.auth;
  if (auth && (auth.authenticates || auth.authorizes)) {
    const link: ChainLink = { ...base, auth: auth.authenticates && auth.authorizes ? 'both' : auth.authenticates ? 'authentication' : 'authorization', how: `${auth.how} (${where})` };
    if (auth.fallsThrough) link.fallsThrough = auth.fallsThrough.why;
    return link;
  }
  return linker.chainLink(file, middleware.handler);
}

/**
 * Middleware (or a handler's wrapper) imported through a path alias (`@/auth`, `~/lib/session`) that the model cannot
 * follow: it may well authenticate, so the route is unknown rather than unprotected. A wrapper counts only when its
 * name says auth (`withAuth`, `withSession`): `withErrorHandler` from an alias must not hide a missing check.
 */
function unfollowedImport(linker: Linker, file: FileSummary, ref: ValueRef, link: ChainLink, nameMustSayAuth: boolean): string | undefined {
  if (link.auth) return undefined;
  if (nameMustSayAuth && !NEXT.authLikeWrapperName.test(link.name.replace(/\(.*$/s, ''))) return undefined;
  const resolved = linker.resolve(file, ref);
  if (resolved.kind === 'package' && NEXT.pathAlias.test(resolved.module)) return `${link.name} comes from ${resolved.module}, a path alias the model does not follow`;
  if (resolved.kind === 'package' && /^[./]/.test(resolved.module)) return `${link.name} comes from ${resolved.module}, a file the workspace index does not hold`;
  // `export { auth as middleware } from './auth'` where `auth` comes out of `NextAuth(config)`: not followed either.
  const module = relativeModuleOf(file, ref);
  if (resolved.kind === 'unknown' && module !== undefined) return `${link.name} comes from ${module}, where the model could not follow it`;
  return undefined;
}

function relativeModuleOf(file: FileSummary, ref: ValueRef): string | undefined {
  const root = ref.kind === 'call' ? ref.callee : ref;
  const module = root.kind === 'module' ? root.module : root.kind === 'name' ? file.imports[root.name]?.module : undefined;
  return module !== undefined && module.startsWith('.') ? module : undefined;
}

// ---- Paths ----

/**
 * A route file's URL path below its app root: route groups `(group)` dropped, `[id]` → `:id`, `[...slug]` and
 * `[[...slug]]` → `*`; private `_folders`, parallel `@slots` and intercepting `(.)x` folders hold no route.
 */
export function nextRoutePath(filePath: string, kind: NextSummary['kind'], configRoots: ReadonlySet<string>): { root: string; path: string } | undefined {
  const segments = filePath.replace(/\\/g, '/').split('/');
  const starts: number[] = [];
  segments.forEach((segment, i) => {
    if (kind === 'app-route' ? segment === 'app' && i < segments.length - 1 : segment === 'pages' && segments[i + 1] === 'api') starts.push(i);
  });
  const rootOf = (i: number) => segments.slice(0, segments[i - 1] === 'src' ? i - 1 : i).join('/') || '/';
  // With next.config files in the workspace, only folders beside one hold routes (not a test fixture's `pages/api`).
  const start = configRoots.size > 0 ? starts.find((i) => configRoots.has(rootOf(i))) : starts[0];
  if (start === undefined) return undefined;
  const parts = kind === 'app-route' ? segments.slice(start + 1, -1) : segments.slice(start + 1);
  if (kind === 'pages-api') {
    parts[parts.length - 1] = parts[parts.length - 1]!.replace(NEXT.scriptExtension, '');
    if (parts[parts.length - 1] === 'index') parts.pop();
  }
  const out: string[] = [];
  for (const part of parts) {
    // An intercepting folder (`(.)photo`, `(..)photo`) renders another route's page in place: no route of its own.
    if (/^\(\.{1,3}\)/.test(part)) return undefined;
    if (/^\(.*\)$/.test(part)) continue;
    if ((kind === 'app-route' && part.startsWith('_')) || part.startsWith('@')) return undefined;
    const dynamic = /^\[\[?(\.\.\.)?([^\]]+)\]?\]$/.exec(part);
    out.push(dynamic ? (dynamic[1] ? '*' : `:${dynamic[2]}`) : part);
  }
  return { root: rootOf(start), path: `/${out.join('/')}` };
}

/** Whether a middleware matcher (path-to-regexp patterns) covers a route path; undefined matcher: every path. */
function matcherCovers(matcher: readonly string[] | undefined, routePath: string): 'yes' | 'no' | 'unsure' {
  if (!matcher) return 'yes';
  const sample = samplePath(routePath);
  let unsure = false;
  for (const pattern of matcher) {
    const regex = matcherRegExp(pattern);
    if (!regex) unsure = true;
    else if (regex.test(sample)) return 'yes';
  }
  return unsure ? 'unsure' : 'no';
}

/** A concrete path for a route path: each parameter or catch-all stands for one plain segment. */
function samplePath(routePath: string): string {
  return routePath.split('/').map((segment) => (segment.startsWith(':') || segment === '*' ? 'x1' : segment)).join('/');
}

const cachedMatchers = new Map<string, RegExp | undefined>();

/**
 * A Next.js matcher or Clerk route pattern as a regular expression: `:name` one segment, `:name*`/`:name+`/`:name?`
 * zero-or-more/one-or-more/optional segments, `:name(regex)`, and `(regex)` groups (`/((?!api|_next).*)`) kept as
 * written. Undefined when the pattern is not understood.
 */
export function matcherRegExp(pattern: string): RegExp | undefined {
  if (cachedMatchers.has(pattern)) return cachedMatchers.get(pattern);
  const regex = toRegExp(pattern);
  if (cachedMatchers.size > 500) cachedMatchers.clear();
  cachedMatchers.set(pattern, regex);
  return regex;
}

function toRegExp(pattern: string): RegExp | undefined {
  let source = '';
  for (let i = 0; i < pattern.length;) {
    const char = pattern[i]!;
    if (char === ':') {
      const name = /^\w+/.exec(pattern.slice(i + 1));
      if (!name) return undefined;
      i += 1 + name[0].length;
      let segment = '[^/]+';
      if (pattern[i] === '(') {
        const end = groupEnd(pattern, i);
        if (end === undefined) return undefined;
        segment = pattern.slice(i + 1, end);
        i = end + 1;
      }
      const modifier = isModifier(pattern[i]) ? pattern[i]! : '';
      if (modifier) i++;
      if (modifier && source.endsWith('/')) source = `${source.slice(0, -1)}(?:/(?:${segment}))${modifier}`;
      else source += `(?:${segment})${modifier}`;
    } else if (char === '(') {
      const end = groupEnd(pattern, i);
      if (end === undefined) return undefined;
      source += pattern.slice(i, end + 1);
      i = end + 1;
      if (isModifier(pattern[i])) source += pattern[i++];
    } else if (char === '\\') {
      source += pattern.slice(i, i + 2);
      i += 2;
    } else if (char === '*') {
      source += '.*';
      i++;
    } else {
      source += '.+?^${}[]|'.includes(char) ? `\\${char}` : char;
      i++;
    }
  }
  try {
    return new RegExp(`^${source}/?$`, 'i');
  } catch {
    return undefined;
  }
}

function isModifier(char: string | undefined): boolean {
  return char === '*' || char === '+' || char === '?';
}

/** The index of the `)` closing the group opened at `open`. */
function groupEnd(pattern: string, open: number): number | undefined {
  let depth = 0;
  for (let i = open; i < pattern.length; i++) {
    const char = pattern[i];
    if (char === '\\') i++;
    else if (char === '(') depth++;
    else if (char === ')' && --depth === 0) return i;
  }
  return undefined;
}
