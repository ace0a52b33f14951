// NestJS routes across files: each controller method becomes a route whose path joins the global prefix (unless
// excluded), a RouterModule path, the URI version, the controller path and the method path; its chain is what a
// request meets in Nest's order: `app.use` middleware, consumer middleware bound to it, global guards, the
// controller's guards, the method's guards. A guard that reads the metadata a `@Public()`-style decorator sets lets
// such a route through, so it is kept in the chain without authenticating it.
import * as path from 'node:path';
import type { ApiRoute, ChainLink, MountStep, RouteAuth, SourceSpot } from '../../../../rules/support/api-model';
import { findAuthLibrary } from '../../../../rules/data/auth-libraries';
import { NEST } from '../../../../rules/data/frameworks';
import { joinPaths, matchesRoutePattern, type Linker } from '../link';
import type { FileSummary, MiddlewareRef, NestController, NestDecorator, NestGuard, NestMetadataKey, NestRoute, NestRouteFilter, NestSummary } from '../summary';

const MAX_DEPTH = 8;

type ClassTarget = { file: FileSummary; className: string } | { module: string; exportName: string };

/** A metadata key a route carries, and the decorator that set it (for messages). */
interface RouteKey {
  key: NestMetadataKey;
  setBy: string;
}

/** A guard on a route's path, with what it lets through. */
interface GuardLink {
  link: ChainLink;
  honours: NestMetadataKey[];
  /** Why it could not be analysed (a class of an unknown package, a guard the index does not hold). */
  unresolved?: string;
}

/** What applies to every controller of the workspace: read once per link. */
interface NestApp {
  prefix?: { path: string; dynamic?: boolean; exclude: NestRouteFilter[]; at: SourceSpot; file: FileSummary };
  versioning?: NestSummary['uriVersioning'];
  globalMiddleware: { file: FileSummary; middleware: MiddlewareRef }[];
  globalGuards: { file: FileSummary; guard: MiddlewareRef }[];
  bindings: { file: FileSummary; binding: NestSummary['middlewareBindings'][number] }[];
  /** Controller class key → its RouterModule path. */
  routerPaths: Map<string, { path: string; at: SourceSpot }>;
  notes: string[];
}

export function linkNestRoutes(linker: Linker, routes: ApiRoute[]): void {
  const files = [...linker.files.values()].filter((file) => file.nest);
  if (files.length === 0) return;
  // A workspace may hold several Nest apps (a monorepo's apps/*): each bootstrap file's folder scopes what its app
  // registers (prefix, global guards, consumers); files under no app (shared libraries) count for every app.
  const roots = files.filter((file) => file.nest!.bootstrap).map((file) => appRootOf(file.filePath));
  const apps = new Map<string, NestApp>();
  const appFor = (filePath: string): NestApp => {
    const key = longestRootOf(filePath, roots) ?? (roots.length === 1 ? roots[0]! : '');
    let app = apps.get(key);
    if (!app) {
      app = readApp(linker, files.filter((file) => {
        const root = longestRootOf(file.filePath, roots);
        return root === undefined || root === key;
      }));
      apps.set(key, app);
    }
    return app;
  };
  for (const file of files) {
    const app = file.nest!.controllers.length > 0 ? appFor(file.filePath) : undefined;
    for (const controller of file.nest!.controllers) {
      for (const controllerPath of controller.paths) {
        for (const route of controller.routes) routes.push(routeFrom(linker, app!, file, controller, controllerPath, route));
      }
    }
  }
}

/** The folder of a Nest app: its bootstrap file's folder, or the one above when that is `src`. */
function appRootOf(bootstrapFile: string): string {
  const dir = path.dirname(bootstrapFile);
  return path.basename(dir) === 'src' ? path.dirname(dir) : dir;
}

function longestRootOf(filePath: string, roots: readonly string[]): string | undefined {
  let best: string | undefined;
  for (const root of roots) if (filePath.startsWith(`${root}${path.sep}`) && (!best || root.length > best.length)) best = root;
  return best;
}

function readApp(linker: Linker, files: FileSummary[]): NestApp {
  const app: NestApp = { globalMiddleware: [], globalGuards: [], bindings: [], routerPaths: new Map(), notes: [] };
  const modulePaths: { file: FileSummary; module: string; path: string; at: SourceSpot }[] = [];
  for (const file of files) {
    const nest = file.nest!;
    if (nest.globalPrefix) {
      if (!app.prefix) app.prefix = { ...nest.globalPrefix, file };
      else app.notes.push(`several setGlobalPrefix calls; used the one in ${path.basename(app.prefix.file.filePath)}`);
    }
    app.versioning ??= nest.uriVersioning;
    for (const middleware of nest.globalMiddleware) app.globalMiddleware.push({ file, middleware });
    for (const guard of nest.globalGuards) app.globalGuards.push({ file, guard });
    for (const binding of nest.middlewareBindings) app.bindings.push({ file, binding });
    for (const entry of nest.routerModules) modulePaths.push({ file, ...entry });
  }
  for (const entry of modulePaths) {
    const target = resolveClass(linker, entry.file, entry.module);
    if (!target || !('file' in target)) continue;
    for (const controller of target.file.nest?.modules[target.className] ?? []) {
      const controllerClass = resolveClass(linker, target.file, controller);
      if (controllerClass && 'file' in controllerClass) app.routerPaths.set(classKey(controllerClass), { path: entry.path, at: entry.at });
    }
  }
  return app;
}

function routeFrom(linker: Linker, app: NestApp, file: FileSummary, controller: NestController, controllerPath: string, route: NestRoute): ApiRoute {
  const key = `${file.filePath}#${controller.className}`;
  const localPath = normalise(joinPaths(controllerPath, route.path));
  const mounts: MountStep[] = [];
  let fullPath = '';
  if (app.prefix && !app.prefix.exclude.some((filter) => pathFilterMatches(filter, route.method, localPath))) {
    fullPath = joinPaths(fullPath, app.prefix.path);
    mounts.push({ path: normalise(app.prefix.path), at: app.prefix.at });
  }
  const routerPath = app.routerPaths.get(key);
  if (routerPath) {
    fullPath = joinPaths(fullPath, routerPath.path);
    mounts.push({ path: routerPath.path, at: routerPath.at });
  }
  const version = route.version ?? controller.version ?? app.versioning?.defaultVersion;
  if (app.versioning && version !== undefined) fullPath = joinPaths(fullPath, `${app.versioning.prefix}${version}`);
  fullPath = normalise(joinPaths(fullPath, localPath));

  const chain: ChainLink[] = [];
  for (const { file: appFile, middleware } of app.globalMiddleware) chain.push(linker.chainLink(appFile, middleware));
  for (const { file: moduleFile, binding } of app.bindings) {
    if (!bindingApplies(linker, moduleFile, binding, key, route.method, localPath)) continue;
    for (const middleware of binding.middleware) chain.push(middlewareLink(linker, moduleFile, middleware));
  }
  const guards: GuardLink[] = [];
  for (const { file: guardFile, guard } of app.globalGuards) guards.push(guardLink(linker, guardFile, guard));
  for (const owner of [controller, route]) {
    for (const guard of owner.guards) guards.push(guardLink(linker, file, guard));
    for (const composed of composedGuards(linker, file, owner.decorators)) guards.push(guardLink(linker, composed.file, composed.guard));
  }
  const decorators = [...controller.decorators, ...route.decorators];
  const keys = [...[...controller.metadata, ...route.metadata].map((key) => ({ key, setBy: `@SetMetadata(${keyName(key)})` })), ...metadataKeysOf(linker, file, decorators)];
  let bypassed: { guard: GuardLink; key: RouteKey } | undefined;
  for (const guard of guards) {
    const honoured = keys.find(({ key }) => guard.honours.some((other) => sameKey(key, other)));
    if (honoured && guard.link.auth) {
      bypassed ??= { guard, key: honoured };
      chain.push({ ...withoutAuth(guard.link), how: `lets ${honoured.setBy} through` });
    } else chain.push(guard.link);
  }

  const notes = [...app.notes];
  if (route.dynamicPath || controller.dynamicPath || (app.prefix?.dynamic && mounts[0]?.at === app.prefix.at)) notes.push('part of the path is computed; shown as *');
  return {
    method: route.method,
    path: fullPath || '/',
    framework: 'nestjs',
    declaredAt: route.at,
    handler: route.handlerName,
    mounts,
    chain,
    auth: provisionalVerdict(linker, file, route, decorators, guards, bypassed),
    notes,
    containerKey: key,
  };
}

/** The route's own verdict before the chain is weighed (link.ts `decide`): marker, handler check, `@Public()`, unknown guards. */
function provisionalVerdict(linker: Linker, file: FileSummary, route: NestRoute, decorators: NestDecorator[], guards: GuardLink[], bypassed: { guard: GuardLink; key: RouteKey } | undefined): RouteAuth {
  if (route.publicMarker) {
    const reason = route.publicMarker.reason;
    return { status: 'public', reason: reason && reason !== '<reason>' ? `marked public: ${reason}` : 'marked public (no reason given)' };
  }
  const auth = route.handlerAuth;
  if (auth?.authenticates && !auth.fallsThrough) {
    return { status: 'authenticated', by: { name: route.handlerName, appliedAt: route.at, auth: 'authentication', how: `in the handler: ${auth.how}` } };
  }
  if (bypassed) return { status: 'public', reason: `${bypassed.key.setBy}, which ${bypassed.guard.link.name} lets through` };
  if (guards.length === 0) {
    // With no guard at all, a `@Public()` reads nothing, but it still says the route is public by design.
    const marker = decorators.find((decorator) => NEST.publicDecoratorName.test(decorator.name) && isMetadataOrUnknown(linker, file, decorator));
    if (marker) return { status: 'public', reason: `@${marker.name}() (no guard on its path reads it)` };
  }
  const unresolved = guards.find((guard) => guard.unresolved && !guard.link.auth);
  if (unresolved) return { status: 'unknown', why: unresolved.unresolved! };
  return { status: 'none' };
}

function isMetadataOrUnknown(linker: Linker, file: FileSummary, decorator: NestDecorator): boolean {
  const resolved = linker.resolve(file, decorator.ref);
  return resolved.kind !== 'function' || !!resolved.file.nest?.metadataDecorators[resolved.fn.id];
}

// ---- Guards ----

function guardLink(linker: Linker, file: FileSummary, guard: MiddlewareRef, depth = 0): GuardLink {
  const link: ChainLink = { name: guard.text, appliedAt: guard.at };
  const result: GuardLink = { link, honours: [] };
  const ref = guard.ref;
  if (ref.kind === 'call') {
    const resolved = linker.resolve(file, ref);
    if (resolved.kind === 'package') {
      link.origin = { module: resolved.module, exportName: resolved.members[0] ?? 'default' };
      const known = packageGuard(resolved.module, resolved.members[0] ?? 'default', true);
      if (known) Object.assign(link, known);
      else result.unresolved = unknownPackageGuard(guard.text, resolved.module);
    } else result.unresolved = `${guard.text} could not be followed to a guard class`;
  } else if (ref.kind === 'name' && !ref.members?.length) {
    const target = resolveClass(linker, file, ref.name);
    if (target && 'module' in target) {
      link.origin = { module: target.module, exportName: target.exportName };
      const known = packageGuard(target.module, target.exportName, false);
      if (known === null) return result;
      if (known) Object.assign(link, known);
      else result.unresolved = unknownPackageGuard(guard.text, target.module);
    } else {
      const declared = target && target.file.nest?.guards[target.className];
      if (target && declared) {
        link.origin = { filePath: target.file.filePath, exportName: target.className };
        describeGuard(linker, target.file, declared, result, depth);
      } else result.unresolved = `${guard.text} is not a guard class found in the workspace`;
    }
  } else result.unresolved = `${guard.text} could not be followed to a guard class`;
  if (!link.auth && linker.isConfiguredAuth(file.filePath, guard.text)) {
    Object.assign(link, { auth: 'authentication', how: 'listed in apiguard.json "auth.middleware"' });
    delete result.unresolved;
  }
  return result;
}

/** A workspace guard: what its `canActivate` does (auth-behaviour), else what it extends (`AuthGuard('jwt')`). */
function describeGuard(linker: Linker, file: FileSummary, guard: NestGuard, result: GuardLink, depth: number): void {
  const where = `${path.basename(file.filePath)}:${guard.at.line + 1}`;
  result.honours.push(...guard.publicMetadataKeys);
  const base = guard.extends && depth < MAX_DEPTH ? guardLink(linker, file, guard.extends, depth + 1) : undefined;
  if (base) result.honours.push(...base.honours);
  // A guard that keeps its base's check (no canActivate of its own, or one that ends in `super.canActivate`) is
  // what its base is; one that replaces canActivate is what its own code does.
  const keepsBase = !!base && (!guard.ownCanActivate || guard.ownCanActivate.callsSuper);
  if (base && keepsBase && base.link.auth) {
    result.link.auth = base.link.auth;
    result.link.how = `extends ${guard.extends!.text}: ${base.link.how} (${where})`;
    return;
  }
  if (guard.auth) {
    const { auth } = guard;
    if (auth.authenticates || auth.authorizes) {
      result.link.auth = auth.authenticates && auth.authorizes ? 'both' : auth.authenticates ? 'authentication' : 'authorization';
      result.link.how = `${auth.how} (${where})`;
    }
    if (auth.fallsThrough) result.link.fallsThrough = auth.fallsThrough.why;
    return;
  }
  if (base && keepsBase && base.unresolved) result.unresolved = `${guard.className} extends ${base.unresolved}`;
}

function unknownPackageGuard(text: string, module: string): string {
  return /^[./]/.test(module) ? `${text} comes from ${module}, a file the workspace index does not hold` : `${text} (from ${module}) is not a guard the model knows`;
}

/** A package's guard: what it checks, null when known not to authenticate, undefined when unknown. */
function packageGuard(module: string, exportName: string, called: boolean): Pick<ChainLink, 'auth' | 'how'> | null | undefined {
  // Nest's own guard factories first, so their label does not depend on the general library table.
  if (called) {
    const factory = NEST.authGuardFactories.find((entry) => entry.module === module && entry.exportName === exportName);
    if (factory) return { auth: 'authentication', how: `${factory.label} (library)` };
  }
  const library = findAuthLibrary(module, [exportName]);
  if (library) return { auth: library.kind, how: `${library.label} (library)` };
  if (NEST.nonAuthGuards.some((entry) => entry.module === module && entry.exportName === exportName)) return null;
  return undefined;
}

/** `@Auth()` composed with `applyDecorators(UseGuards(…))`: its guards, in the file that declares them. */
function composedGuards(linker: Linker, file: FileSummary, decorators: readonly NestDecorator[]): { file: FileSummary; guard: MiddlewareRef }[] {
  const out: { file: FileSummary; guard: MiddlewareRef }[] = [];
  for (const decorator of decorators) {
    const resolved = linker.resolve(file, decorator.ref);
    if (resolved.kind !== 'function') continue;
    for (const guard of resolved.file.nest?.composedGuards[resolved.fn.id] ?? []) out.push({ file: resolved.file, guard: { ...guard, at: decorator.at } });
  }
  return out;
}

// ---- Metadata ----

/** The keys the route's decorators set: `@Public()` → `IS_PUBLIC_KEY`, through the file that defines `Public`. */
function metadataKeysOf(linker: Linker, file: FileSummary, decorators: readonly NestDecorator[]): RouteKey[] {
  const keys: RouteKey[] = [];
  for (const decorator of decorators) {
    const resolved = linker.resolve(file, decorator.ref);
    if (resolved.kind !== 'function') continue;
    const key = resolved.file.nest?.metadataDecorators[resolved.fn.id];
    if (key) keys.push({ key, setBy: `@${decorator.name}() (${keyName(key)})` });
  }
  return keys;
}

function sameKey(a: NestMetadataKey, b: NestMetadataKey): boolean {
  return (a.name !== undefined && a.name === b.name) || (a.value !== undefined && a.value === b.value);
}

function keyName(key: NestMetadataKey): string {
  return key.name ?? `'${key.value}'`;
}

function withoutAuth(link: ChainLink): ChainLink {
  const { auth: _auth, how: _how, fallsThrough: _fallsThrough, ...rest } = link;
  return rest;
}

// ---- Middleware consumers ----

function bindingApplies(linker: Linker, file: FileSummary, binding: NestSummary['middlewareBindings'][number], controllerKey: string, method: string, localPath: string): boolean {
  const matches = (filter: NestRouteFilter): boolean => {
    if (filter.controller) {
      const target = filter.controller.kind === 'name' ? resolveClass(linker, file, filter.controller.name) : undefined;
      return !!target && 'file' in target && classKey(target) === controllerKey;
    }
    return pathFilterMatches(filter, method, localPath);
  };
  return binding.forRoutes.some(matches) && !binding.exclude.some(matches);
}

/** A Nest route filter path (`cats`, `cats/*`, `cats/(.*)`, `{*splat}`) against a route's path below the prefix. */
function pathFilterMatches(filter: NestRouteFilter, method: string, localPath: string): boolean {
  if (filter.path === undefined) return false;
  const pattern = filter.path.replace(/\(\.\*\)|\{?\*\w*\}?/g, '*');
  const methodPart = filter.method && filter.method !== 'ALL' ? `${filter.method} ` : '';
  return matchesRoutePattern(`${methodPart}/${pattern.replace(/^\/+/, '')}`, method, localPath);
}

/** A middleware class (`implements NestMiddleware`): its `use` method; else whatever the linker makes of it. */
function middlewareLink(linker: Linker, file: FileSummary, middleware: MiddlewareRef): ChainLink {
  const ref = middleware.ref;
  if (ref.kind === 'name' && !ref.members?.length) {
    const target = resolveClass(linker, file, ref.name);
    const useId = target && 'file' in target ? target.file.nest?.middlewareClasses[target.className] : undefined;
    if (target && 'file' in target && useId) {
      return linker.chainLink(target.file, { ...middleware, ref: { kind: 'function', id: useId } });
    }
  }
  return linker.chainLink(file, middleware);
}

// ---- Classes across files ----

function classKey(target: { file: FileSummary; className: string }): string {
  return `${target.file.filePath}#${target.className}`;
}

/** A class name as a file uses it: declared there, or imported (through re-exports) from a workspace file or a package. */
function resolveClass(linker: Linker, file: FileSummary, name: string, depth = 0): ClassTarget | undefined {
  const imported = file.imports[name];
  if (!imported) return { file, className: name };
  return resolveExportedClass(linker, file, imported.module, imported.imported, depth);
}

function resolveExportedClass(linker: Linker, from: FileSummary, module: string, exportName: string, depth: number): ClassTarget | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const target = linker.resolveModule(from.filePath, module);
  if ('package' in target) return { module: target.package, exportName };
  const exported = target.exports[exportName === '*' ? 'default' : exportName];
  if (!exported) return undefined;
  if (exported.kind === 'name' && !exported.members?.length) return resolveClass(linker, target, exported.name, depth + 1);
  if (exported.kind === 'module') return resolveExportedClass(linker, target, exported.module, exported.members?.[0] ?? 'default', depth + 1);
  return undefined;
}

function normalise(routePath: string): string {
  const collapsed = routePath.replace(/\/{2,}/g, '/');
  const withSlash = collapsed.startsWith('/') ? collapsed : `/${collapsed}`;
  return withSlash.length > 1 && withSlash.endsWith('/') ? withSlash.slice(0, -1) : withSlash;
}
