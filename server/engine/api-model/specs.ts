// The workspace's specs joined with its routes (ApiModel.specs): which spec covers which project, which operation
// documents a route, which routes implement an operation. Built at link time from the specs' summaries, lazily on
// the first question, and cheap: operations are indexed by segment count, so a route meets only same-length paths.
//
// Coverage: a spec covers a route's file when the spec lies under the file's project root (nearest package.json)
// or the file lies under the spec's project root, AND the spec documents at least one route of the files it could
// cover. The second condition keeps quiet a spec of another API kept in the same repository (a client's copy of a
// vendor spec, a sibling service's): it documents none of this project's routes.
import * as path from 'node:path';
import type { ApiRoute, DocumentedOperation, SpecCatalogue, SpecOperationSummary, SpecSummary, UnmodelledRoutes } from '../../../rules/support/api-model';
import type { FileSummary } from './summary';

interface IndexedOperation {
  specPath: string;
  operation: SpecOperationSummary;
  /** The operation's full paths and its bare template (a gateway may add the server prefix), as segments. */
  candidates: Segment[][];
}

/** A literal segment (lower case: routers match case-insensitively by default) or a parameter. */
type Segment = { literal: string } | { parameter: true };

export class LinkedSpecs implements SpecCatalogue {
  readonly all: ReadonlyMap<string, SpecSummary>;
  private prepared: { bySpec: Map<string, IndexedOperation[]>; routesBySpec: Map<string, ApiRoute[]>; applies: Set<string> } | undefined;
  private readonly coveringByFile = new Map<string, readonly string[]>();

  constructor(
    files: ReadonlyMap<string, FileSummary>,
    private readonly routes: readonly ApiRoute[],
    private readonly unmodelled: readonly UnmodelledRoutes[],
    private readonly projectRootFor: (filePath: string) => string,
  ) {
    const all = new Map<string, SpecSummary>();
    for (const [filePath, summary] of files) if (summary.spec) all.set(filePath, summary.spec);
    this.all = all;
  }

  coveringSpecs(filePath: string): readonly string[] {
    if (this.all.size === 0) return [];
    const resolved = path.resolve(filePath);
    let known = this.coveringByFile.get(resolved);
    if (!known) {
      const { applies } = this.prepare();
      known = [...applies].filter((specPath) => this.covers(specPath, resolved));
      this.coveringByFile.set(resolved, known);
    }
    return known;
  }

  operationFor(method: string, fullPath: string, filePath?: string): DocumentedOperation | undefined {
    if (this.all.size === 0) return undefined;
    const { bySpec } = this.prepare();
    const specs = filePath ? this.coveringSpecs(filePath) : [...this.all.keys()];
    const segments = segmentsOfRoutePath(fullPath);
    for (const specPath of specs) {
      const found = (bySpec.get(specPath) ?? []).find((entry) => methodMatches(method, entry.operation.method) && entry.candidates.some((candidate) => implementsPath(segments, candidate)));
      if (found) return { specPath, operation: found.operation };
    }
    return undefined;
  }

  operationForRoute(route: ApiRoute): DocumentedOperation | undefined {
    return this.operationFor(route.method, route.path, route.declaredAt.filePath);
  }

  isComparable(route: ApiRoute): boolean {
    return !servesAnyPath(route);
  }

  private readonly implementations = new Map<string, ReturnType<LinkedSpecs['operationsOf']>>();

  operationsOf(specPath: string): readonly { operation: SpecOperationSummary; implementedBy: readonly ApiRoute[] }[] | undefined {
    const resolved = path.resolve(specPath);
    if (!this.implementations.has(resolved)) this.implementations.set(resolved, this.implementationsOf(resolved));
    return this.implementations.get(resolved);
  }

  private implementationsOf(resolved: string): readonly { operation: SpecOperationSummary; implementedBy: readonly ApiRoute[] }[] | undefined {
    if (!this.all.has(resolved)) return undefined;
    const { bySpec, routesBySpec, applies } = this.prepare();
    if (!applies.has(resolved)) return undefined;
    const routes = routesBySpec.get(resolved) ?? [];
    // Routes the model knows exist but cannot list (an autoloaded folder, a generated REST API) may be the ones.
    if (this.unmodelled.some((entry) => this.covers(resolved, entry.at.filePath))) return undefined;
    const routeSegments = routes.map((route) => ({ route, segments: segmentsOfRoutePath(route.path) }));
    return (bySpec.get(resolved) ?? []).map((entry) => ({
      operation: entry.operation,
      implementedBy: routeSegments.filter(({ route, segments }) => methodMatches(route.method, entry.operation.method) && entry.candidates.some((candidate) => implementsPath(segments, candidate))).map(({ route }) => route),
    }));
  }

  /** A spec covers a file of its project (either way round, see the file's comment). */
  private covers(specPath: string, filePath: string): boolean {
    return isInside(path.dirname(specPath), this.projectRootFor(filePath)) || isInside(filePath, this.projectRootFor(specPath));
  }

  private prepare(): NonNullable<LinkedSpecs['prepared']> {
    if (this.prepared) return this.prepared;
    const bySpec = new Map<string, IndexedOperation[]>();
    const routesBySpec = new Map<string, ApiRoute[]>();
    const applies = new Set<string>();
    for (const [specPath, summary] of this.all) {
      const operations = summary.operations.map((operation) => ({
        specPath,
        operation,
        candidates: uniqueTemplates([...operation.fullPaths, operation.path]).map(segmentsOfTemplate),
      }));
      bySpec.set(specPath, operations);
      const routes = this.routes.filter((route) => !servesAnyPath(route) && this.covers(specPath, route.declaredAt.filePath));
      routesBySpec.set(specPath, routes);
      const documentsOne = routes.some((route) => {
        const segments = segmentsOfRoutePath(route.path);
        return operations.some((entry) => methodMatches(route.method, entry.operation.method) && entry.candidates.some((candidate) => implementsPath(segments, candidate)));
      });
      if (documentsOne) applies.add(specPath);
    }
    this.prepared = { bySpec, routesBySpec, applies };
    return this.prepared;
  }
}

/**
 * `app.get('*', sendIndexHtml)` (a single-page app's fallback) or a path computed whole (`/*`): it says nothing about
 * the API, so it neither implements operations nor needs documenting.
 */
function servesAnyPath(route: ApiRoute): boolean {
  const segments = route.path.split('/').filter(Boolean);
  return segments.length > 0 && segments.every((segment) => segment === '*');
}

function uniqueTemplates(templates: string[]): string[] {
  return [...new Set(templates)];
}

/** A route's `ALL` answers every method; a `GET` route answers `HEAD` too (Express, Koa, Fastify do). */
function methodMatches(routeMethod: string, operationMethod: string): boolean {
  const method = routeMethod.toUpperCase();
  return method === 'ALL' || method === operationMethod || (operationMethod === 'HEAD' && method === 'GET');
}

/**
 * Whether a route's path serves an operation's path: same number of segments (a trailing `*` serves any number);
 * a route parameter (`:id`, a computed `*`) serves any segment; a literal route segment serves only the same literal. So `/users/me` in the
 * code is not documented by `/users/{id}` (it is an endpoint of its own), while `/users/:id` serves `/users/me`.
 */
function implementsPath(route: readonly Segment[], operation: readonly Segment[]): boolean {
  const rest = route[route.length - 1] === REST;
  if (rest ? operation.length < route.length - 1 : route.length !== operation.length) return false;
  for (let i = 0; i < route.length; i++) {
    const have = route[i]!;
    if (have === REST) return true;
    const want = operation[i]!;
    if ('parameter' in have) continue;
    if ('parameter' in want || want.literal !== have.literal) return false;
  }
  return true;
}

const PARAMETER: Segment = { parameter: true };
/** A trailing `*` (a catch-all: Next.js `[...slug]`, Express `*`) serves whatever follows, however many segments. */
const REST: Segment = { parameter: true };

/** `/users/:id`, `/files/:name.:ext`, `*` segments, Next.js-style `[id]` if any are left. */
function segmentsOfRoutePath(routePath: string): Segment[] {
  const parts = routePath.split('/').filter(Boolean);
  return parts.map((segment, i) => (segment === '*' && i === parts.length - 1 ? REST : segment.includes(':') || segment === '*' || segment.startsWith('[') ? PARAMETER : { literal: segment.toLowerCase() }));
}

/** `/users/{id}`, `/files/{name}.{ext}`. */
function segmentsOfTemplate(template: string): Segment[] {
  return template.split('/').filter(Boolean).map((segment) => (segment.includes('{') ? PARAMETER : { literal: segment.toLowerCase() }));
}

function isInside(filePath: string, dir: string): boolean {
  return filePath === dir || filePath.startsWith(dir.endsWith(path.sep) ? dir : dir + path.sep);
}
