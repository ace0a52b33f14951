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

type Candidate = { operation: SpecOperationSummary; segments: Segment[] };

/** How many leading segments key the buckets: `/repos/{owner}/…` and `/orgs/{org}/…` never meet. */
const KEY_SEGMENTS = 2;

/**
 * A spec's operations by the segment count of their candidate paths (full paths and the bare template), then by
 * their first segments: a route meets only the paths that could match it, a few among thousands.
 */
class OperationIndex {
  private readonly byLength = new Map<number, Map<string, { key: readonly (string | undefined)[]; candidates: Candidate[] }>>();
  private maxLength = 0;

  constructor(readonly operations: readonly SpecOperationSummary[]) {
    for (const operation of operations) {
      for (const template of new Set([...operation.fullPaths, operation.path])) {
        const segments = segmentsOfTemplate(template);
        let buckets = this.byLength.get(segments.length);
        if (!buckets) this.byLength.set(segments.length, (buckets = new Map()));
        const key = leadingKey(segments);
        const name = key.join('/');
        let bucket = buckets.get(name);
        if (!bucket) buckets.set(name, (bucket = { key, candidates: [] }));
        bucket.candidates.push({ operation, segments });
        this.maxLength = Math.max(this.maxLength, segments.length);
      }
    }
  }

  /** Every operation a route (method + path segments) serves, each once (shorter paths first, then document order). */
  servedBy(routeMethod: string, route: readonly Segment[]): SpecOperationSummary[] {
    const method = routeMethod.toUpperCase();
    const served: SpecOperationSummary[] = [];
    // A catch-all route meets every longer path; any other only paths of its own length.
    const rest = route[route.length - 1] === REST;
    const routeKey = leadingKey(route);
    const exact = !rest && routeKey.every((part) => part !== PARAMETER_KEY);
    for (let length = rest ? route.length - 1 : route.length; length <= (rest ? this.maxLength : route.length); length++) {
      const buckets = this.byLength.get(length);
      if (!buckets) continue;
      // Literal leading segments meet one bucket (a spec parameter is served by route parameters only).
      const candidates = exact ? [buckets.get(routeKey.join('/'))] : [...buckets.values()].filter((bucket) => keyServes(routeKey, bucket.key));
      for (const bucket of candidates) {
        for (const candidate of bucket?.candidates ?? []) {
          if (!served.includes(candidate.operation) && methodMatches(method, candidate.operation.method) && implementsPath(route, candidate.segments)) served.push(candidate.operation);
        }
      }
    }
    return served;
  }
}

const PARAMETER_KEY = '\u0000';

/** The first segments as bucket keys: a literal, PARAMETER_KEY, or undefined past the path's end (or a catch-all). */
function leadingKey(segments: readonly Segment[]): (string | undefined)[] {
  const key: (string | undefined)[] = [];
  for (let i = 0; i < KEY_SEGMENTS; i++) {
    const segment = segments[i];
    key.push(!segment || segment === REST ? undefined : 'parameter' in segment ? PARAMETER_KEY : segment.literal);
  }
  return key;
}

/** Whether a route's leading segments may serve a bucket's (undefined on the route's side: a catch-all or its end). */
function keyServes(routeKey: readonly (string | undefined)[], bucketKey: readonly (string | undefined)[]): boolean {
  return routeKey.every((part, i) => part === undefined || part === PARAMETER_KEY || part === bucketKey[i]);
}

/** A literal segment (lower case: routers match case-insensitively by default) or a parameter. */
type Segment = { literal: string } | { parameter: true };

export class LinkedSpecs implements SpecCatalogue {
  readonly all: ReadonlyMap<string, SpecSummary>;
  private prepared: { bySpec: Map<string, OperationIndex>; routesBySpec: Map<string, ApiRoute[]>; applies: Set<string> } | undefined;
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
      const operation = bySpec.get(specPath)?.servedBy(method, segments)[0];
      if (operation) return { specPath, operation };
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
    const index = bySpec.get(resolved)!;
    const implementedBy = new Map<SpecOperationSummary, ApiRoute[]>(index.operations.map((operation) => [operation, []]));
    for (const route of routes) for (const operation of index.servedBy(route.method, segmentsOfRoutePath(route.path))) implementedBy.get(operation)!.push(route);
    return index.operations.map((operation) => ({ operation, implementedBy: implementedBy.get(operation)! }));
  }

  /** A spec covers a file of its project (either way round, see the file's comment). */
  private covers(specPath: string, filePath: string): boolean {
    return isInside(path.dirname(specPath), this.projectRootFor(filePath)) || isInside(filePath, this.projectRootFor(specPath));
  }

  private prepare(): NonNullable<LinkedSpecs['prepared']> {
    if (this.prepared) return this.prepared;
    const bySpec = new Map<string, OperationIndex>();
    const routesBySpec = new Map<string, ApiRoute[]>();
    const applies = new Set<string>();
    for (const [specPath, summary] of this.all) {
      const index = new OperationIndex(summary.operations);
      bySpec.set(specPath, index);
      const routes = this.routes.filter((route) => !servesAnyPath(route) && this.covers(specPath, route.declaredAt.filePath));
      routesBySpec.set(specPath, routes);
      if (routes.some((route) => index.servedBy(route.method, segmentsOfRoutePath(route.path)).length > 0)) applies.add(specPath);
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

/** A route's `ALL` answers every method; a `GET` route answers `HEAD` too (Express, Koa, Fastify do). */
function methodMatches(routeMethod: string, operationMethod: string): boolean {
  // Both upper case already (ApiRoute.method, SpecOperationSummary.method): this runs for every candidate.
  return routeMethod === operationMethod || routeMethod === 'ALL' || (operationMethod === 'HEAD' && routeMethod === 'GET');
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

/** Route paths repeat across questions (every rule asks about the same routes): their segments are kept. */
const routeSegmentCache = new Map<string, Segment[]>();

/** `/users/:id`, `/files/:name.:ext`, `*` segments, Next.js-style `[id]` if any are left. */
function segmentsOfRoutePath(routePath: string): Segment[] {
  let segments = routeSegmentCache.get(routePath);
  if (!segments) {
    segments = splitRoutePath(routePath);
    if (routeSegmentCache.size > 20_000) routeSegmentCache.clear();
    routeSegmentCache.set(routePath, segments);
  }
  return segments;
}

function splitRoutePath(routePath: string): Segment[] {
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
