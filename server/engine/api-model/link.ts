// Joins the files' summaries into the workspace's API model: resolves names through imports and exports, walks
// every app down through the routers mounted on it (collecting prefixes and middleware in the order a request
// meets them), and decides for each route what authenticates it. Pure and cheap: no parsing, no disk.
import * as path from 'node:path';
import { NO_DATA_MODELS, type ApiModel, type ApiRoute, type AuthSuggestion, type ChainLink, type DataModelCatalogue, NO_SPECS, type SpecCatalogue, type MountStep, type ParameterWrite, type RequestPath, type RouteAuth, type SourceSpot, type UnmodelledRoutes } from '../../../rules/support/api-model';
import { findAuthLibrary } from '../../../rules/data/auth-libraries';
import { isPassThroughWrapper, middlewareCombinator } from '../../../rules/data/frameworks';
import { publicReasonForPath } from '../../../rules/data/public-routes';
import type { ContainerSummary, DataModelSummary, FileSummary, FunctionSummary, Layer, MiddlewareRef, RouteSummary, ValueRef } from './summary';
import { linkFrameworkRoutes } from './frameworks/link-frameworks';
import { autoloadedPlugins } from './frameworks/fastify-autoload';
import { NO_AUTH_SETTINGS, type AuthSettings } from '../config';
import { aliasCandidates, type AliasConfig } from './module-aliases';
import { LinkedDataModels } from './data-models/catalogue';
import { LinkedSpecs } from './specs';
import { RequestFlows } from './request-flows';

export type { AuthSettings };


export interface LinkOptions {
  /** The auth settings of the apiguard.json that applies to a file. */
  authSettingsFor?(filePath: string): AuthSettings;
  /** False while the workspace is still being indexed. */
  complete?: boolean;
  /** tsconfig/jsconfig `paths` and `baseUrl` that apply to a file (module-aliases.ts). */
  aliasesFor?(filePath: string): AliasConfig | undefined;
  /** Module resolutions kept across links ("dir\0specifier" → file path or package); cleared when files come or go. */
  resolutionCache?: Map<string, string | { package: string }>;
  /** The project folder of a file (nearest package.json): which specs cover which routes. */
  projectRootFor?(filePath: string): string;
}

/** What a name stands for once followed across files. */
export type Resolved =
  | { kind: 'container'; file: FileSummary; container: ContainerSummary }
  | { kind: 'function'; file: FileSummary; fn: FunctionSummary }
  /** `args` are the call's arguments, to be resolved in `argsFile` (where the call is written). */
  | { kind: 'package'; module: string; members: string[]; called: boolean; args?: ValueRef[]; argsFile?: FileSummary }
  | { kind: 'object'; file: FileSummary; properties: Record<string, ValueRef> }
  /** A data model (or Mongoose schema) declared in `file` (data-models/). */
  | { kind: 'model'; file: FileSummary; model: DataModelSummary }
  | { kind: 'unknown'; text: string };

const MAX_DEPTH = 24;
const SCRIPT_SUFFIXES = ['', '.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '/index.ts', '/index.tsx', '/index.js', '/index.jsx', '/index.mjs', '/index.cjs'];

export class Linker {
  private proxies: Map<ContainerSummary, { file: FileSummary; container: ContainerSummary }[]> | undefined;

  /** The container a proxy stands for (registrations on an imported app), if it resolves to one. */
  proxyTarget(file: FileSummary, proxy: ContainerSummary): Resolved & { kind: 'container' } | undefined {
    if (!proxy.proxyOf) return undefined;
    const target = this.resolve(file, proxy.proxyOf);
    return target.kind === 'container' && target.container !== proxy ? target : undefined;
  }

  /** The proxies other files made for `container`, in file order. */
  proxiesOf(container: ContainerSummary): readonly { file: FileSummary; container: ContainerSummary }[] {
    if (!this.proxies) {
      this.proxies = new Map();
      for (const file of this.files.values()) {
        for (const proxy of Object.values(file.containers)) {
          const target = this.proxyTarget(file, proxy);
          if (!target) continue;
          const list = this.proxies.get(target.container) ?? [];
          list.push({ file, container: proxy });
          this.proxies.set(target.container, list);
        }
      }
    }
    return this.proxies.get(container) ?? [];
  }

  /** Route-shaped guards met during the container walk, with the walk as it was then. */
  readonly guardRoutes: { file: FileSummary; container: ContainerSummary; route: RouteSummary; walk: Walk }[] = [];

  constructor(
    readonly files: ReadonlyMap<string, FileSummary>,
    readonly options: LinkOptions = {},
  ) {}

  /** A module specifier as the file at `from` wrote it: a workspace file, or a package. */
  resolveModule(from: string, specifier: string): FileSummary | { package: string } {
    // Resolution depends only on which files exist: the index keeps answers until a file is added or removed.
    const cache = this.options.resolutionCache;
    if (!cache) return this.resolveModuleFresh(from, specifier);
    const key = `${path.dirname(from)}\u0000${specifier}`;
    let target = cache.get(key);
    if (target === undefined) cache.set(key, (target = this.resolveModuleUncached(from, specifier)));
    return typeof target === 'string' ? this.files.get(target) ?? { package: specifier } : target;
  }

  private resolveModuleUncached(from: string, specifier: string): string | { package: string } {
    const found = this.resolveModuleFresh(from, specifier);
    return 'package' in found ? found : found.filePath;
  }

  private resolveModuleFresh(from: string, specifier: string): FileSummary | { package: string } {
    if (!specifier.startsWith('.') && !specifier.startsWith('/')) {
      // `@/routes/admin`, `src/auth/guard`: an alias or baseUrl path that names a workspace file; else a package.
      const aliases = this.options.aliasesFor?.(from);
      for (const candidate of aliases ? aliasCandidates(aliases, specifier) : []) {
        const file = this.fileAt(candidate);
        if (file) return file;
      }
      return { package: specifier };
    }
    return this.fileAt(path.resolve(path.dirname(from), specifier)) ?? { package: specifier };
  }

  /** The indexed file a module path names, with TS/JS suffixes and index files. */
  private fileAt(base: string): FileSummary | undefined {
    // TypeScript's ESM style names the emitted file: `./auth.js` means `./auth.ts`.
    const stem = /\.(m|c)?js$/.test(base) ? base.replace(/\.(m|c)?js$/, '') : undefined;
    for (const candidate of [base, ...(stem ? [stem] : [])]) {
      for (const suffix of SCRIPT_SUFFIXES) {
        const file = this.files.get(candidate + suffix);
        if (file) return file;
      }
    }
    return undefined;
  }

  resolve(file: FileSummary, ref: ValueRef, depth = 0): Resolved {
    if (depth > MAX_DEPTH) return { kind: 'unknown', text: 'a chain of references too long to follow' };
    switch (ref.kind) {
      case 'container': {
        const container = file.containers[ref.id];
        if (container?.proxyOf) return this.resolve(file, container.proxyOf, depth + 1);
        return container ? { kind: 'container', file, container } : { kind: 'unknown', text: ref.id };
      }
      case 'function': {
        const fn = file.functions[ref.id];
        return fn ? { kind: 'function', file, fn } : { kind: 'unknown', text: ref.id };
      }
      case 'object':
        return { kind: 'object', file, properties: ref.properties };
      case 'opaque':
        return { kind: 'unknown', text: ref.text };
      case 'module':
        // `require('./x')`: the whole module (its `module.exports`, else the object of its named exports).
        return this.members(this.resolveModuleValue(file, ref.module, '*', depth), ref.members ?? [], depth);
      case 'name':
        return this.members(this.resolveName(file, ref.name, depth), ref.members ?? [], depth);
      case 'call': {
        const callee = this.resolve(file, ref.callee, depth + 1);
        // `createMiddleware(fn)`, `fp(plugin)`: what they wrap is what matters.
        if (callee.kind === 'package' && !callee.called && ref.args?.[0] && isPassThroughWrapper(callee.module, callee.members)) return this.resolve(file, ref.args[0], depth + 1);
        if (callee.kind === 'package') return { ...callee, called: true, ...(ref.args ? { args: ref.args, argsFile: file } : {}) };
        if (callee.kind === 'function') {
          if (callee.fn.returnsContainer) {
            const container = callee.file.containers[callee.fn.returnsContainer];
            if (container) return { kind: 'container', file: callee.file, container };
          }
          if (callee.fn.returnsFunction) {
            const inner = callee.file.functions[callee.fn.returnsFunction];
            if (inner) return { kind: 'function', file: callee.file, fn: inner };
          }
          // `export const isAuthorized = () => expressJwt({…})`: calling it gives what it returns.
          if (callee.fn.returns) return this.resolve(callee.file, callee.fn.returns, depth + 1);
          return callee;
        }
        return callee;
      }
    }
  }

  private resolveName(file: FileSummary, name: string, depth: number): Resolved {
    const model = file.dataModels?.find((candidate) => candidate.binding === name);
    if (model) return { kind: 'model', file, model };
    const container = file.containers[name];
    if (container) return { kind: 'container', file, container };
    const fn = file.functions[name];
    if (fn) return { kind: 'function', file, fn };
    const value = file.values[name];
    if (value && !(value.kind === 'name' && value.name === name)) return this.resolve(file, value, depth + 1);
    const imported = file.imports[name];
    if (imported) return this.resolveModuleValue(file, imported.module, imported.imported, depth);
    return { kind: 'unknown', text: name };
  }

  /** The value `import { imported } from module` (or `require(module)` for '*') gives in `file`. */
  private resolveModuleValue(file: FileSummary, module: string, imported: string, depth: number): Resolved {
    const target = this.resolveModule(file.filePath, module);
    if ('package' in target) return { kind: 'package', module: target.package, members: imported === 'default' || imported === '*' ? [] : [imported], called: false };
    return this.resolveExport(target, imported, depth + 1);
  }

  resolveExport(file: FileSummary, exportName: string, depth: number): Resolved {
    const name = exportName === '*' ? 'default' : exportName;
    // `module.exports = mongoose.model('User', schema)`, `export default sequelize.define(…)`.
    const model = file.dataModels?.find((candidate) => candidate.exportedAs?.includes(name));
    if (model) return { kind: 'model', file, model };
    const exported = file.exports[name];
    if (exported) return exported.kind === 'module' ? this.resolveReExport(file, exported, depth) : this.resolve(file, exported, depth + 1);
    // A namespace, or the default import of a CommonJS module that only assigns `exports.x` (esModuleInterop).
    if (exportName === '*' || exportName === 'default') return { kind: 'object', file, properties: file.exports };
    // `module.exports = { a }` read as `require('./x').a` goes through the default object; a named export of a
    // CommonJS module read through `import { a }` too.
    const whole = file.exports.default;
    if (whole) return this.members(this.resolve(file, whole, depth + 1), [name], depth);
    return { kind: 'unknown', text: `${name} from ${path.basename(file.filePath)}` };
  }

  private resolveReExport(file: FileSummary, ref: Extract<ValueRef, { kind: 'module' }>, depth: number): Resolved {
    const [first, ...rest] = ref.members ?? [];
    return this.members(this.resolveModuleValue(file, ref.module, first ?? 'default', depth), rest, depth);
  }

  private members(resolved: Resolved, members: readonly string[], depth: number): Resolved {
    let current = resolved;
    for (const member of members) {
      if (current.kind === 'package') current = { ...current, members: [...current.members, member] };
      else if (current.kind === 'object') {
        const property = current.properties[member];
        current = property ? this.resolve(current.file, property, depth + 1) : { kind: 'unknown', text: member };
      } else if (current.kind === 'container') {
        // `router.routes()` (Koa), `app.router`: the container itself.
        continue;
      } else if (current.kind === 'model' && member === 'default') {
        // `export { default as User } from './user'` reads the module's whole value, whose default is the model.
        continue;
      } else return { kind: 'unknown', text: member };
    }
    return current;
  }

  /** A middleware as a chain link: what it does for authentication, decided from its code or the library it is. */
  /** `every(jwt(…), refreshUser)`: all must pass, so one that authenticates is enough; `some(…)`: all must. */
  private combine(file: FileSummary, combinator: Extract<Resolved, { kind: 'package' }>, link: ChainLink, depth: number): void {
    if (depth > 4) return;
    const parts = (combinator.args ?? []).map((arg) => this.chainLink(combinator.argsFile ?? file, { ref: arg, text: link.name, at: link.appliedAt }, depth + 1));
    const passesWhen = middlewareCombinator(combinator.module, combinator.members);
    const authenticating = parts.filter((part) => (part.auth === 'authentication' || part.auth === 'both') && !part.fallsThrough);
    if (authenticating.length > 0 && (passesWhen === 'all' || authenticating.length === parts.length)) {
      link.auth = 'authentication';
      link.how = `${combinator.members.join('.')}(…) of ${authenticating.map((part) => part.how ?? 'an authenticating middleware').join('; ')}`;
    }
  }

  chainLink(file: FileSummary, middleware: MiddlewareRef, depth = 0): ChainLink {
    const link: ChainLink = { name: middleware.text, code: middleware.code ?? middleware.text, appliedAt: middleware.at };
    const resolved = this.resolve(file, middleware.ref);
    const origin = originOf(this, file, middleware.ref);
    if (origin) link.origin = origin;
    if (resolved.kind === 'function' && resolved.fn.auth) {
      const { auth } = resolved.fn;
      if (!auth.authenticates && OPTIONAL_HOW.test(auth.how)) {
        // Said, not counted: code that passes a signed-in user along (`res.locals.user = req.user`) says nothing
        // about whether a route means to serve signed-out callers. Only a library configured not to reject does.
        link.how = `${auth.how} (${path.basename(resolved.file.filePath)}:${resolved.fn.at.line + 1})`;
      } else if (auth.authenticates || auth.authorizes) {
        link.auth = auth.authenticates && auth.authorizes ? 'both' : auth.authenticates ? 'authentication' : 'authorization';
        link.how = `${auth.how} (${path.basename(resolved.file.filePath)}:${resolved.fn.at.line + 1})`;
      }
      if (auth.fallsThrough) link.fallsThrough = auth.fallsThrough.why;
    } else if (resolved.kind === 'package' && resolved.called && middlewareCombinator(resolved.module, resolved.members)) {
      this.combine(file, resolved, link, depth);
    } else if (resolved.kind === 'package') {
      const entry = findAuthLibrary(resolved.module, resolved.members.length > 0 ? resolved.members : ['default']);
      // In-handler checks (`jwt.verify`, `getServerSession`) do nothing as middleware; the rest guard requests.
      if (entry && entry.usage !== 'in-handler') {
        const optional = entry.kind === 'authentication' && optionalByOptions(resolved.args, entry.optionalWhen);
        link.auth = optional ? 'optional' : entry.kind;
        link.how = optional ? `${entry.label} (library), configured not to reject callers without credentials` : `${entry.label} (library)`;
      }
    }
    if (!link.auth && this.isConfiguredAuth(file.filePath, middleware.text)) {
      link.auth = 'authentication';
      link.how = 'listed in apiguard.json "auth.middleware"';
    }
    return link;
  }

  isConfiguredAuth(filePath: string, text: string): boolean {
    const names = this.authSettings(filePath).middleware;
    if (names.length === 0) return false;
    const bare = text.replace(/\(.*$/s, '');
    return names.includes(text) || names.includes(bare) || names.includes(bare.split('.').pop()!);
  }

  authSettings(filePath: string): AuthSettings {
    return this.options.authSettingsFor?.(filePath) ?? NO_AUTH_SETTINGS;
  }
}

/** "optional: attaches the user but never rejects" (rules/support/auth-behaviour.ts). */
const OPTIONAL_HOW = /^optional\b/i;

/**
 * Library options that make authentication optional (the entry's `optionalWhen`: express-jwt
 * `credentialsRequired: false`, koa-jwt `passthrough: true`, …), or passport's `anonymous` strategy in the list.
 */
function optionalByOptions(args: readonly ValueRef[] | undefined, optionalWhen: { option: string; value: boolean } | undefined): boolean {
  for (const arg of args ?? []) {
    if (arg.kind === 'object' && optionalWhen) {
      const option = arg.properties[optionalWhen.option];
      if (option?.kind === 'opaque' && option.text === String(optionalWhen.value)) return true;
    }
    if (arg.kind === 'opaque' && /^\[.*['"`]anonymous['"`].*\]$/s.test(arg.text)) return true;
  }
  return false;
}

/** Where a middleware's name comes from in the file that applies it (for fixes that import it elsewhere). */
function originOf(linker: Linker, file: FileSummary, ref: ValueRef): ChainLink['origin'] {
  const root = ref.kind === 'call' ? ref.callee : ref;
  if (root.kind !== 'name') return undefined;
  const imported = file.imports[root.name];
  if (!imported) return file.values[root.name] || file.functions[root.name] ? { filePath: file.filePath, exportName: root.name } : undefined;
  const target = linker.resolveModule(file.filePath, imported.module);
  return 'package' in target ? { module: target.package, exportName: imported.imported } : { filePath: target.filePath, exportName: imported.imported };
}

/** The linked model: every route with its full path, chain and verdict. */
export function linkApiModel(files: ReadonlyMap<string, FileSummary>, options: LinkOptions = {}): LinkedApiModel {
  const linker = new Linker(files, options);
  const routes: ApiRoute[] = [];
  linkContainerRoutes(linker, routes);
  // A route-shaped guard that no later handler of the same method and path follows is itself the endpoint.
  for (const guard of linker.guardRoutes) {
    const fullPath = joinPaths(guard.walk.prefix, guard.route.path) || '/';
    const followed = routes.some((route) => (route.method === guard.route.method || route.method === 'ALL') && samePath(route.path, fullPath));
    if (!followed) routes.push(routeFrom(linker, guard.file, guard.container, guard.route, guard.walk));
  }
  linkFrameworkRoutes(linker, routes);
  for (const route of routes) route.auth = decide(linker, route, route.auth);
  const unmodelled = [...files.values()].flatMap((file) => file.unmodelled);
  const model = new LinkedApiModel(routes, options.complete ?? true, unmodelled, new LinkedDataModels(linker), files);
  model.linker = linker;
  model.specs = new LinkedSpecs(files, routes, unmodelled, options.projectRootFor ?? path.dirname);
  model.whitelistPipeFolders = [...files.entries()].filter(([, file]) => file.nest?.globalWhitelistPipe).map(([filePath]) => path.dirname(filePath));
  return model;
}

export class LinkedApiModel implements ApiModel {
  private readonly byFile = new Map<string, ApiRoute[]>();

  constructor(
    readonly routes: readonly ApiRoute[],
    readonly complete: boolean,
    readonly unmodelled: readonly UnmodelledRoutes[] = [],
    readonly dataModels: DataModelCatalogue = NO_DATA_MODELS,
    private readonly files: ReadonlyMap<string, FileSummary> = new Map(),
  ) {
    for (const route of routes) {
      const list = this.byFile.get(route.declaredAt.filePath) ?? [];
      list.push(route);
      this.byFile.set(route.declaredAt.filePath, list);
    }
  }

  /** Set by linkApiModel: the workspace's specs and the routes they document. */
  specs: SpecCatalogue = NO_SPECS;

  /** Folders of the files that install a global whitelisting ValidationPipe (main.ts, app.module.ts). */
  whitelistPipeFolders: readonly string[] = [];

  /** NestJS: a global `ValidationPipe({ whitelist: true })` of an app whose folder holds this file strips unknown body keys. */
  stripsUnknownBodyKeys(filePath: string): boolean {
    return this.whitelistPipeFolders.some((folder) => filePath.startsWith(folder + path.sep));
  }

  routesDeclaredIn(filePath: string): readonly ApiRoute[] {
    return this.byFile.get(filePath) ?? [];
  }

  /** Set by linkApiModel: resolves names across files for `parameterWritesOf`. */
  linker: Linker | undefined;

  parameterWritesOf(filePath: string, localName: string, members: readonly string[]): readonly ParameterWrite[] | undefined {
    const file = this.files.get(path.resolve(filePath));
    if (!file || !this.linker) return undefined;
    // `UsersService` + `update`: an exported class's method is summarised under the name `UsersService.update`.
    const methodOf = (target: FileSummary, className: string) => Object.values(target.functions).find((fn) => fn.name === `${className}.${members[0]}`);
    const imported = file.imports[localName];
    if (imported && members.length === 1 && imported.imported !== '*' && imported.imported !== 'default') {
      const target = this.linker.resolveModule(file.filePath, imported.module);
      const method = 'package' in target ? undefined : methodOf(target, imported.imported);
      if (method) return method.parameterWrites ?? [];
    }
    const local = members.length === 1 ? methodOf(file, localName) : undefined;
    if (local) return local.parameterWrites ?? [];
    const resolved = this.linker.resolve(file, { kind: 'name', name: localName, ...(members.length > 0 ? { members: [...members] } : {}) });
    return resolved.kind === 'function' ? resolved.fn.parameterWrites ?? [] : undefined;
  }

  passesRequestBody(filePath: string): boolean {
    return this.files.get(path.resolve(filePath))?.passesRequestBody === true;
  }

  private flows: RequestFlows | undefined;

  /** Made on the first question after a link: most links (a keystroke in a route file) never ask. */
  private requestFlows(): RequestFlows | undefined {
    if (!this.linker) return undefined;
    this.flows ??= new RequestFlows(this.files, this.linker);
    return this.flows;
  }

  requestDataInto(filePath: string, functionStart: number, parameter: number): RequestPath | undefined {
    return this.requestFlows()?.into(filePath, functionStart, parameter);
  }

  receivesRequestData(filePath: string): boolean {
    return this.requestFlows()?.receives(filePath) ?? false;
  }

  /** What request data reaches the file's functions from other modules: when it changes, its SQL sinks may be judged differently. */
  requestDataSignature(filePath: string): string {
    // Only a file with functions that pass parameters on can be reached: others never make the flows be built.
    const file = this.files.get(path.resolve(filePath));
    if (!file || !Object.values(file.functions).some((fn) => fn.parameterFlows)) return '';
    return this.requestFlows()?.signature(filePath) ?? '';
  }

  touchesData(filePath: string): boolean {
    return this.files.get(path.resolve(filePath))?.dataAccess === true;
  }

  importedFromDataFile(filePath: string, localName: string): boolean | undefined {
    const file = this.files.get(path.resolve(filePath));
    const imported = file?.imports[localName];
    if (!file || !imported || !this.linker) return undefined;
    const target = this.linker.resolveModule(file.filePath, imported.module);
    return 'package' in target ? undefined : target.dataAccess === true;
  }

  suggestedAuthFor(route: ApiRoute): AuthSuggestion | undefined {
    const byScope = [
      this.routes.filter((other) => other.containerKey === route.containerKey),
      this.routes.filter((other) => other.framework === route.framework && other.mounts[0]?.at.filePath === route.mounts[0]?.at.filePath),
      this.routes.filter((other) => other.framework === route.framework),
    ];
    for (const candidates of byScope) {
      const counts = new Map<string, { link: ChainLink; count: number }>();
      for (const other of candidates) {
        if (other.auth.status !== 'authenticated') continue;
        const link = other.auth.by;
        // A check inside another handler cannot be added to this route; middleware and guards can.
        if (link.how?.startsWith('in the handler')) continue;
        const entry = counts.get(link.name) ?? { link, count: 0 };
        entry.count++;
        counts.set(link.name, entry);
      }
      const best = [...counts.values()].sort((a, b) => b.count - a.count || a.link.name.localeCompare(b.link.name))[0];
      if (best) return suggestionFrom(best.link, route.framework === 'nestjs' ? 'guard' : 'middleware');
    }
    return undefined;
  }

  /** A stable text of one file's verdicts: when it changes, that file's `missing-auth` findings may change. */
  signatureOf(filePath: string): string {
    return JSON.stringify(this.routesDeclaredIn(filePath).map((route) => [route.method, route.path, route.declaredAt.start, route.auth, route.mounts.length, route.chain.map((link) => link.name)]));
  }
}

function suggestionFrom(link: ChainLink, kind: AuthSuggestion['kind']): AuthSuggestion {
  const code = link.code ?? link.name;
  const localName = code.replace(/\(.*$/s, '').split('.')[0]!.trim();
  if (!link.origin) return { code, name: link.name, kind };
  return { code, name: link.name, kind, importFrom: { ...link.origin, localName } };
}

// ---- Express-style containers (Express, Koa routers, Fastify, Hono) ----

interface ActiveMiddleware {
  link: ChainLink;
  /** Full path prefix the middleware is scoped to (`app.use('/admin', mw)`). */
  scope: string;
  unless?: string[];
  /** `app.get('/api/Users', isAuthorized())`: a route-shaped guard covers that method and exact path only. */
  exact?: { method: string };
}

interface Walk {
  prefix: string;
  active: ActiveMiddleware[];
  mounts: MountStep[];
  /** Containers on the current path, so a router mounted into itself cannot loop. */
  visiting: Set<ContainerSummary>;
  /** The container the walk started from: routes under a router nobody mounts cannot be judged. */
  root: ContainerSummary;
  /** Fastify: names `decorate`d on this context and its ancestors (and on the fastify-plugin plugins they register). */
  decorations: Map<string, { file: FileSummary; ref: ValueRef }>;
  /** Fastify contexts whose hooks are already active in this walk (a fastify-plugin plugin's are its parent's). */
  contextReady: Set<ContainerSummary>;
}

function linkContainerRoutes(linker: Linker, routes: ApiRoute[]): void {
  const mounted = new Set<ContainerSummary>();
  // First pass: which containers are mounted somewhere (they are walked from their parents, not as roots).
  for (const file of linker.files.values()) {
    for (const container of Object.values(file.containers)) {
      for (const layer of container.layers) {
        for (const child of childContainers(linker, file, layer)) mounted.add(child);
      }
    }
  }
  const seenRoutes = new Set<RouteSummary>();
  for (const file of linker.files.values()) {
    for (const container of Object.values(file.containers)) {
      // A proxy is walked with the container it stands for; one whose container is not found, as a root of its own.
      if (mounted.has(container) || (container.proxyOf && linker.proxyTarget(file, container))) continue;
      const walk: Walk = { prefix: container.prefix ?? '', active: [], mounts: [], visiting: new Set(), root: container, decorations: new Map(), contextReady: new Set() };
      walkContainer(linker, file, container, walk, routes, seenRoutes);
    }
  }
}

function childContainers(linker: Linker, file: FileSummary, layer: Layer): ContainerSummary[] {
  if (layer.kind === 'mount' && layer.autoload) return mountTargets(linker, file, layer).map((target) => target.child.container);
  const refs = layer.kind === 'mount' ? [layer.target] : layer.kind === 'use' ? layer.middleware.map((m) => m.ref) : [];
  const out: ContainerSummary[] = [];
  for (const ref of refs) {
    const child = containerOf(linker, file, ref);
    if (child) out.push(child.container);
  }
  return out;
}

type MountLayer = Extract<Layer, { kind: 'mount' }>;
type ChildContainer = { file: FileSummary; container: ContainerSummary; inline: boolean };

/** What a mount brings in, with its path: its target, or each plugin of a Fastify autoload folder. */
function mountTargets(linker: Linker, file: FileSummary, layer: MountLayer): { child: ChildContainer; path: string }[] {
  if (!layer.autoload) {
    const child = containerOf(linker, file, layer.target);
    return child ? [{ child, path: layer.path ?? '' }] : [];
  }
  const out: { child: ChildContainer; path: string }[] = [];
  for (const plugin of autoloadedPlugins(linker, file, layer.autoload)) {
    const child = containerOf(linker, file, { kind: 'module', module: plugin.specifier });
    if (child) out.push({ child, path: joinPaths(layer.path ?? '', plugin.prefix) });
  }
  return out;
}

/** A ref that denotes a container: a router, a function returning one, or a function given one as a parameter. */
function containerOf(linker: Linker, file: FileSummary, ref: ValueRef): { file: FileSummary; container: ContainerSummary; inline: boolean } | undefined {
  const resolved = linker.resolve(file, ref);
  if (resolved.kind === 'container') return { file: resolved.file, container: resolved.container, inline: false };
  if (resolved.kind === 'function') {
    const { fn } = resolved;
    const id = fn.returnsContainer ?? fn.parameterContainer?.containerId;
    const container = id ? resolved.file.containers[id] : undefined;
    if (container) return { file: resolved.file, container, inline: !fn.returnsContainer };
  }
  return undefined;
}

function walkContainer(linker: Linker, file: FileSummary, container: ContainerSummary, walk: Walk, routes: ApiRoute[], seen: Set<RouteSummary>): void {
  if (walk.visiting.has(container)) return;
  walk.visiting.add(container);
  const ordered = container.framework !== 'fastify';
  if (!ordered && !walk.contextReady.has(container)) enterFastifyContext(linker, file, container, walk);
  for (const layer of container.layers) walkLayer(linker, file, container, layer, ordered, walk, routes, seen);
  // Then what other files register on it (`import app from './app'; app.use(…)`), after its own file's layers.
  for (const proxy of linker.proxiesOf(container)) {
    for (const layer of proxy.container.layers) walkLayer(linker, proxy.file, proxy.container, layer, ordered, walk, routes, seen);
  }
  walk.visiting.delete(container);
}

function walkLayer(linker: Linker, file: FileSummary, container: ContainerSummary, layer: Layer, ordered: boolean, walk: Walk, routes: ApiRoute[], seen: Set<RouteSummary>): void {
  switch (layer.kind) {
    case 'hook':
      if (ordered) activate(linker, file, layer.middleware, walk);
      break;
    case 'use': {
      const scope = joinPaths(walk.prefix, layer.path ?? '');
      for (const middleware of layer.middleware) {
        const child = containerOf(linker, file, middleware.ref);
        if (child) {
          mount(linker, file, child, walk, scope, layer.path ?? '', layer.at, [], routes, seen, true);
        } else {
          walk.active.push({ link: linkOf(linker, file, middleware, walk), scope, ...(layer.unless ? { unless: layer.unless } : {}) });
        }
      }
      break;
    }
    case 'mount':
      for (const { child, path } of mountTargets(linker, file, layer)) {
        // A Fastify plugin runs in a context of its own, even when it is a function given the instance.
        const target = layer.plugin ? { ...child, inline: false } : child;
        const encapsulated = (layer.encapsulated ?? true) && !child.container.sharesParentContext;
        // A fastify-plugin plugin registers on its parent: the `prefix` option does not apply to it.
        const mountPath = child.container.sharesParentContext ? '' : path;
        mount(linker, file, target, walk, joinPaths(walk.prefix, mountPath), mountPath, layer.at, layer.middleware, routes, seen, encapsulated);
      }
      break;
    case 'route':
      if (seen.has(layer.route)) break;
      seen.add(layer.route);
      if (passesRequestsOn(linker, file, layer.route)) {
        // Middleware on one method and path, for the handlers registered after it (a REST generator's, or a later
        // `app.get` of the same path). If none comes, the library answers itself (an OAuth start): see below.
        const scope = joinPaths(walk.prefix, layer.route.path);
        const asMiddleware = [...layer.route.middleware, { ref: layer.route.handler.ref!, text: layer.route.handler.text, at: layer.route.at }];
        linker.guardRoutes.push({ file, container, route: { ...layer.route, middleware: asMiddleware }, walk: { ...walk, active: [...walk.active] } });
        for (const middleware of asMiddleware) {
          walk.active.push({ link: linker.chainLink(file, middleware), scope, exact: { method: layer.route.method } });
        }
        break;
      }
      routes.push(routeFrom(linker, file, container, layer.route, walk));
      break;
  }
}

function mount(
  linker: Linker,
  file: FileSummary,
  child: { file: FileSummary; container: ContainerSummary; inline: boolean },
  walk: Walk,
  scope: string,
  path: string,
  at: SourceSpot,
  middleware: MiddlewareRef[],
  routes: ApiRoute[],
  seen: Set<RouteSummary>,
  encapsulated: boolean,
): void {
  const links = middleware.map((m) => ({ link: linkOf(linker, file, m, walk), scope }));
  if (child.inline) {
    // A function given this very app (`require('./routes')(app)`): its routes and `use`s join the app's sequence.
    walk.active.push(...links);
    const saved = walk.prefix;
    walk.prefix = scope;
    walkContainer(linker, child.file, child.container, walk, routes, seen);
    walk.prefix = saved;
    return;
  }
  const inner: Walk = {
    prefix: joinPaths(scope, child.container.prefix ?? ''),
    active: encapsulated ? [...walk.active, ...links] : walk.active,
    mounts: [...walk.mounts, { path: path || '/', at }],
    visiting: walk.visiting,
    root: walk.root,
    decorations: encapsulated ? new Map(walk.decorations) : walk.decorations,
    contextReady: encapsulated ? new Set() : walk.contextReady,
  };
  if (!encapsulated) walk.active.push(...links);
  walkContainer(linker, child.file, child.container, inner, routes, seen);
}

function activate(linker: Linker, file: FileSummary, middleware: MiddlewareRef[], walk: Walk): void {
  for (const m of middleware) walk.active.push({ link: linkOf(linker, file, m, walk), scope: walk.prefix });
}

/**
 * Fastify applies a context's hooks to all its routes and child plugins, whatever the order they were added in,
 * and a fastify-plugin plugin's hooks and decorations are its parent's: collect them all (decorations first, as
 * hooks may name them) before walking the context's routes.
 */
function enterFastifyContext(linker: Linker, file: FileSummary, container: ContainerSummary, walk: Walk): void {
  const contexts: { file: FileSummary; container: ContainerSummary }[] = [];
  const collect = (owner: FileSummary, context: ContainerSummary): void => {
    if (walk.contextReady.has(context) || contexts.length > MAX_DEPTH) return;
    walk.contextReady.add(context);
    contexts.push({ file: owner, container: context });
    for (const layer of context.layers) {
      if (layer.kind !== 'mount' || !layer.plugin) continue;
      for (const { child } of mountTargets(linker, owner, layer)) {
        if (child.container.framework === 'fastify' && (layer.encapsulated === false || child.container.sharesParentContext)) collect(child.file, child.container);
      }
    }
  };
  collect(file, container);
  for (const context of contexts) {
    for (const [name, ref] of Object.entries(context.container.decorations ?? {})) walk.decorations.set(name, { file: context.file, ref });
  }
  for (const context of contexts) {
    for (const layer of context.container.layers) if (layer.kind === 'hook') activate(linker, context.file, layer.middleware, walk);
  }
}

/** A middleware as a chain link, with Fastify's decorations and @fastify/auth alternatives resolved in this walk. */
function linkOf(linker: Linker, file: FileSummary, middleware: MiddlewareRef, walk: Walk): ChainLink {
  if (middleware.anyOf) return anyOfLink(middleware, middleware.anyOf.map((alternative) => linkOf(linker, file, alternative, walk)));
  const decorated = middleware.decoration !== undefined ? walk.decorations.get(middleware.decoration) : undefined;
  if (!decorated) return linker.chainLink(file, middleware);
  return linker.chainLink(decorated.file, { ...middleware, ref: decorated.ref });
}

/** Any one alternative lets the request through: it authenticates only when every alternative does. */
function anyOfLink(middleware: MiddlewareRef, alternatives: ChainLink[]): ChainLink {
  const link: ChainLink = { name: middleware.text, code: middleware.code, appliedAt: middleware.at };
  const authenticates = (alternative: ChainLink): boolean => (alternative.auth === 'authentication' || alternative.auth === 'both') && !alternative.fallsThrough;
  if (alternatives.length > 0 && alternatives.every(authenticates)) {
    link.auth = 'authentication';
    link.how = `each alternative authenticates: ${alternatives.map((alternative) => alternative.how ?? alternative.name).join('; ')}`;
  }
  return link;
}

function routeFrom(linker: Linker, file: FileSummary, container: ContainerSummary, route: RouteSummary, walk: Walk): ApiRoute {
  const fullPath = joinPaths(walk.prefix, route.path);
  const pathSegments = segmentsOf(fullPath);
  const chain = walk.active.filter((entry) => appliesTo(entry, fullPath, pathSegments, route.method)).map((entry) => entry.link);
  for (const middleware of route.middleware) chain.push(linkOf(linker, file, middleware, walk));
  const notes: string[] = [];
  if (route.dynamicPath) notes.push('part of the path is computed; shown as *');
  if (walk.root.kind !== 'app') notes.push(`${walk.root.name} is not mounted on an app anywhere in the workspace`);
  const auth: RouteAuth = route.publicMarker
    ? { status: 'public', reason: route.publicMarker.reason && route.publicMarker.reason !== '<reason>' ? `marked public: ${route.publicMarker.reason}` : 'marked public (no reason given)' }
    : handlerVerdict(linker, file, route);
  return {
    method: route.method,
    path: fullPath || '/',
    // The app serves the route: a function given a Fastify app is Fastify's, whatever its own file looks like.
    framework: walk.root.framework,
    declaredAt: route.at,
    handler: route.handler.text,
    ...handlerSpot(linker, file, route),
    mounts: walk.mounts,
    chain,
    auth,
    notes,
    containerKey: `${file.filePath}#${container.id}`,
  };
}

/** Where the handler function is written, through wrappers (`asyncHandler(fn)`); the summary's own spot, so edits move it. */
function handlerSpot(linker: Linker, file: FileSummary, route: RouteSummary): { handlerAt?: SourceSpot } {
  for (let ref = route.handler.ref, depth = 0; ref && depth < 3; depth++) {
    const resolved = linker.resolve(file, ref);
    if (resolved.kind === 'function') return { handlerAt: resolved.fn.at };
    ref = ref.kind === 'call' && ref.args?.length === 1 ? ref.args[0] : undefined;
  }
  return {};
}

/** In-handler authentication, carried to `decide` as a provisional verdict. */
function handlerVerdict(linker: Linker, file: FileSummary, route: RouteSummary): RouteAuth {
  let auth = route.handler.auth;
  // A handler wrapped by a helper (`asyncHandler(updateProfile())`, `catchErrors(fn)`) is judged by what it wraps.
  for (let ref = route.handler.ref, depth = 0; !auth && ref && depth < 3; depth++) {
    const resolved = linker.resolve(file, ref);
    if (resolved.kind === 'function') auth = resolved.fn.auth;
    ref = ref.kind === 'call' && ref.args?.length === 1 ? ref.args[0] : undefined;
  }
  if (auth?.authenticates && !auth.fallsThrough) {
    return { status: 'authenticated', by: { name: route.handler.text, appliedAt: route.at, auth: 'authentication', how: `in the handler: ${auth.how}` } };
  }
  return { status: 'none' };
}

/** The "handler" calls next() or is a library's middleware: requests go on to what is registered later. */
function passesRequestsOn(linker: Linker, file: FileSummary, route: RouteSummary): boolean {
  if (!route.handler.ref) return false;
  const resolved = linker.resolve(file, route.handler.ref);
  if (resolved.kind === 'function') return resolved.fn.callsNext === true;
  return resolved.kind === 'package' && (findAuthLibrary(resolved.module, resolved.members.length > 0 ? resolved.members : ['default'])?.usage ?? 'in-handler') !== 'in-handler';
}

function appliesTo(entry: ActiveMiddleware, fullPath: string, pathSegments: readonly string[], method: string): boolean {
  if (entry.exact) {
    const methodMatches = entry.exact.method === 'ALL' || entry.exact.method === method;
    if (!methodMatches || !samePath(entry.scope, fullPath)) return false;
  }
  // Most middleware applies app-wide (scope ''); scoped ones compare segments, split once per scope and path.
  if (entry.scope && entry.scope !== '/' && !segmentsUnder(pathSegments, segmentsOf(entry.scope))) return false;
  if (entry.unless?.some((exception) => exception === fullPath || (exception.startsWith('/') === false && new RegExpOrNever(exception).test(fullPath)))) return false;
  return true;
}

/** An `unless` path given as a regular expression's source text (`/^\/public/`). */
class RegExpOrNever {
  private readonly regex: RegExp | undefined;
  constructor(text: string) {
    const match = /^\/(.*)\/([a-z]*)$/s.exec(text);
    try {
      this.regex = match ? new RegExp(match[1]!, match[2]) : undefined;
    } catch {
      this.regex = undefined;
    }
  }
  test(value: string): boolean {
    return this.regex?.test(value) ?? false;
  }
}

/** `/api/users/:id` is under `/api` and `/api/users`, not under `/ap`. Parameters match any segment. */
export function isUnder(fullPath: string, scope: string): boolean {
  return segmentsUnder(segmentsOf(fullPath), segmentsOf(scope));
}

function segmentsUnder(pathSegments: readonly string[], scopeSegments: readonly string[]): boolean {
  if (scopeSegments.length > pathSegments.length) return false;
  return scopeSegments.every((segment, i) => segment === pathSegments[i] || segment.startsWith(':') || segment === '*' || pathSegments[i]!.startsWith(':') || pathSegments[i] === '*');
}

/** Path segments, cached: the same few scopes are compared with every route of an app. */
const segmentCache = new Map<string, readonly string[]>();
function segmentsOf(path: string): readonly string[] {
  let segments = segmentCache.get(path);
  if (!segments) {
    segments = path.split('/').filter(Boolean);
    if (segmentCache.size > 10_000) segmentCache.clear();
    segmentCache.set(path, segments);
  }
  return segments;
}

function samePath(a: string, b: string): boolean {
  const left = a.split('/').filter(Boolean);
  const right = b.split('/').filter(Boolean);
  return left.length === right.length && isUnder(b, a);
}

export function joinPaths(prefix: string, child: string): string {
  if (!child || child === '/') return prefix || (child === '/' ? '/' : '');
  const left = prefix.endsWith('/') ? prefix.slice(0, -1) : prefix;
  const right = child.startsWith('/') ? child : `/${child}`;
  return left + right;
}

/**
 * The verdict for a route from its chain: authenticated by the first link that authenticates (and does not fall
 * through), public by design (config, known public paths), or none. A provisional verdict (a public marker, the
 * handler's own check) stands unless the chain authenticates.
 */
function decide(linker: Linker, route: ApiRoute, provisional: RouteAuth): RouteAuth {
  if (provisional.status === 'public' && provisional.reason.startsWith('marked public')) return provisional;
  const authentication = route.chain.find((link) => (link.auth === 'authentication' || link.auth === 'both') && !link.fallsThrough);
  if (authentication) {
    const authorization = route.chain.find((link) => (link.auth === 'authorization' || link.auth === 'both') && !link.fallsThrough && link !== authentication) ??
      (authentication.auth === 'both' ? authentication : undefined);
    return { status: 'authenticated', by: authentication, ...(authorization ? { authorization } : {}) };
  }
  if (provisional.status === 'authenticated' || provisional.status === 'public' || provisional.status === 'unknown') return provisional;
  // Optional authentication says the route serves signed-out callers on purpose (and signed-in ones differently).
  const optional = route.chain.find((link) => link.auth === 'optional');
  if (optional) return { status: 'public', reason: `authentication is optional here (${optional.name}): it serves signed-out callers by design` };
  const configured = linker.authSettings(route.declaredAt.filePath).publicRoutes.find((pattern) => matchesRoutePattern(pattern, route.method, route.path));
  if (configured) return { status: 'public', reason: `listed in apiguard.json "auth.publicRoutes" (${configured})` };
  const known = publicReasonForPath(route.method, route.path);
  if (known) return { status: 'public', reason: known };
  const fallsThrough = route.chain.find((link) => link.fallsThrough && link.auth);
  if (route.notes.some((note) => note.includes('not mounted'))) return { status: 'unknown', why: route.notes.find((note) => note.includes('not mounted'))! };
  return fallsThrough ? { status: 'none', fallsThrough } : { status: 'none' };
}

/** `"GET /health"`, `"/public/*"`, `"/users/:id"`: an optional method, then a path where `*` matches the rest. */
export function matchesRoutePattern(pattern: string, method: string, fullPath: string): boolean {
  const match = /^(?:([A-Za-z]+)\s+)?(\S+)$/.exec(pattern.trim());
  if (!match) return false;
  if (match[1] && match[1].toUpperCase() !== method && method !== 'ALL') return false;
  const want = match[2]!.split('/').filter(Boolean);
  const have = fullPath.split('/').filter(Boolean);
  for (let i = 0; i < want.length; i++) {
    if (want[i] === '*' && i === want.length - 1) return true;
    if (have[i] === undefined) return false;
    if (want[i] !== have[i] && !want[i]!.startsWith(':') && want[i] !== '*') return false;
  }
  return want.length === have.length;
}
