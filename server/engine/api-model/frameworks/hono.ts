// Hono: apps (`new Hono()`, `new Hono().basePath('/api')`), routes (`app.get(path, ...handlers)`, `app.on(methods,
// paths, ...handlers)`, a chained method without a path reusing the last one: `app.get('/a', h).post(h2)`),
// `use` in order (`app.use('/api/*', mw)`, `app.use(mw)`), sub-apps (`app.route('/books', books)`), and
// `app.basePath('/v1')`, a view of the same app whose registrations get that prefix. All registrations of an app
// and its base-path views share one router, so they stay in one container, in source order. @hono/zod-openapi
// routes (`app.openapi(createRoute({ method, path, middleware }), handler)`) are read when written in the file.
import * as ts from 'typescript';
import { HONO } from '../../../../rules/data/frameworks';
import { staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef } from '../summary';
import type { FrameworkSummarizer } from './index';
import { addRoute, calleeIn, callsInRegistrationOrder, passContainer, containerAt, declareContainer, flattenArguments, globScope, importedNames, pathArgument, routeSpot, stringList } from './registration';

const HONO_METHODS: ReadonlySet<string> = new Set(['get', 'post', 'put', 'delete', 'patch', 'options', 'all']);
const MAX_VIEW_DEPTH = 12;

export const honoSummarizer: FrameworkSummarizer = {
  framework: 'hono',
  summarize(builder) {
    const classes = importedNames(builder, HONO.modules, HONO.appClasses);
    if (classes.size === 0) return;
    for (const call of builder.calls) {
      if (!ts.isNewExpression(call) || !calleeIn(call, classes)) continue;
      const app = declareContainer(builder, call, { framework: 'hono', kind: 'app' }, returnsApp);
      const base = creationBasePath(builder, call);
      if (base) app.prefix = base;
    }
    const lastPaths = new Map<string, string>();
    for (const call of callsInRegistrationOrder(builder)) {
      register(builder, call, lastPaths);
      passContainer(builder, call, 'hono');
    }
  },
};

function returnsApp(method: string): boolean {
  return method === 'use' || method === 'openapi' || method === 'on' || method === 'route' || method === 'basePath' || HONO_METHODS.has(method);
}

/** `new Hono().basePath('/api')`: the prefix every registration of this app gets. */
function creationBasePath(builder: SummaryBuilder, creation: ts.NewExpression): string | undefined {
  let base = '';
  let current: ts.Node = creation;
  while (ts.isPropertyAccessExpression(current.parent) && ts.isCallExpression(current.parent.parent) && current.parent.parent.expression === current.parent && returnsApp(current.parent.name.text)) {
    if (current.parent.name.text === 'basePath') base = join(base, pathArgument(builder, current.parent.parent.arguments[0])?.path ?? '*');
    current = current.parent.parent;
  }
  return base || undefined;
}

interface View {
  app: ContainerSummary;
  /** Prefix of a `basePath` view, on top of the app's own. */
  base: string;
}

/** The app (and base path) an expression denotes: the app, a chained registration on it, a `basePath` view. */
function viewOf(builder: SummaryBuilder, expression: ts.Expression, depth = 0): View | undefined {
  if (depth > MAX_VIEW_DEPTH) return undefined;
  const node = skipOuterExpressions(expression);
  const direct = containerAt(builder, node, 'hono');
  if (direct) return { app: direct, base: '' };
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && returnsApp(node.expression.name.text)) {
    const inner = viewOf(builder, node.expression.expression, depth + 1);
    if (!inner || node.expression.name.text !== 'basePath') return inner;
    return { app: inner.app, base: join(inner.base, pathArgument(builder, node.arguments[0])?.path ?? '*') };
  }
  if (ts.isIdentifier(node)) {
    // `const v1 = app.basePath('/v1')`
    const declaration = builder.index.resolve(node);
    if (declaration?.isConst && ts.isVariableDeclaration(declaration.node) && declaration.node.initializer) return viewOf(builder, declaration.node.initializer, depth + 1);
  }
  return undefined;
}

function register(builder: SummaryBuilder, call: ts.CallExpression, lastPaths: Map<string, string>): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method !== 'use' && method !== 'on' && method !== 'route' && method !== 'openapi' && !HONO_METHODS.has(method)) return;
  const view = viewOf(builder, callee.expression);
  if (!view) return;
  const args = call.arguments;
  if (method === 'use') addUse(builder, view, call);
  else if (method === 'openapi') addOpenApiRoute(builder, view, call);
  else if (method === 'route') {
    const path = pathArgument(builder, args[0]);
    if (path && args[1]) view.app.layers.push({ kind: 'mount', path: join(view.base, path.path), target: builder.ref(args[1]), middleware: [], at: builder.spot(call), encapsulated: true });
  } else if (method === 'on') {
    const methods = stringList(args[0]);
    const paths = stringList(args[1]);
    if (!methods || !paths) return;
    for (const one of methods) for (const path of paths) addRoutes(builder, view, call, one.toLowerCase(), { path, dynamic: false }, args[1], args.slice(2));
  } else {
    const path = pathArgument(builder, args[0]);
    const key = `${view.app.id}${view.base}`;
    if (path) lastPaths.set(key, path.path);
    // Without a path, Hono registers on the last path set on this app (`app.get('/a', h).post(h2)`).
    const used = path ?? { path: lastPaths.get(key) ?? '/', dynamic: false };
    addRoutes(builder, view, call, method, used, path ? args[0] : undefined, path ? args.slice(1) : args);
  }
}

function addRoutes(builder: SummaryBuilder, view: View, call: ts.CallExpression, method: string, path: { path: string; dynamic: boolean }, pathNode: ts.Node | undefined, handlerArgs: readonly ts.Expression[], declaredMiddleware: MiddlewareRef[] = []): void {
  const functions = flattenArguments(builder, handlerArgs);
  const handler = functions[functions.length - 1];
  // `app.get('/x')` alone only sets the path: no route.
  if (!handler) return;
  const middleware = [...declaredMiddleware, ...functions.slice(0, -1).map((expression) => builder.middleware(expression))];
  addRoute(builder, view.app, { method, path: { ...path, path: join(view.base, path.path) || '/' }, middleware, handler, at: routeSpot(builder, call, pathNode), statement: call });
}

/**
 * @hono/zod-openapi: `app.openapi(createRoute({ method, path: '/users/{id}', middleware }), handler)`, the route
 * written in place or held by a `const` of this file. One defined in another file is noted as unmodelled.
 */
function addOpenApiRoute(builder: SummaryBuilder, view: View, call: ts.CallExpression): void {
  const [routeNode, handler] = call.arguments;
  if (!routeNode || !handler) return;
  const config = routeConfig(builder, routeNode);
  const method = config?.method && staticStringValue(skipOuterExpressions(config.method));
  const path = config?.path && pathArgument(builder, config.path);
  if (!config || !method || !path) {
    builder.summary.unmodelled.push({ framework: 'hono', what: `${builder.displayName(call.expression)}(${builder.displayName(routeNode)}, …): an OpenAPI route defined where the model cannot read its method and path`, at: builder.spot(call) });
    return;
  }
  const middleware = config.middleware ? flattenArguments(builder, [config.middleware]).map((expression) => builder.middleware(expression)) : [];
  const openApiPath = { ...path, path: path.path.replace(/\{(\w+)\}/g, ':$1') };
  addRoutes(builder, view, call, method.toLowerCase(), openApiPath, undefined, [handler], middleware);
}

interface RouteConfig {
  method?: ts.Expression;
  path?: ts.Expression;
  middleware?: ts.Expression;
}

function routeConfig(builder: SummaryBuilder, node: ts.Expression): RouteConfig | undefined {
  let inner = skipOuterExpressions(node);
  if (ts.isIdentifier(inner)) {
    const declaration = builder.index.resolve(inner);
    if (!declaration?.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
    inner = skipOuterExpressions(declaration.node.initializer);
  }
  if (ts.isCallExpression(inner) && inner.arguments[0]) inner = skipOuterExpressions(inner.arguments[0]);
  if (!ts.isObjectLiteralExpression(inner)) return undefined;
  const config: RouteConfig = {};
  for (const property of inner.properties) {
    if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
    if (property.name.text === 'method') config.method = property.initializer;
    else if (property.name.text === 'path') config.path = property.initializer;
    else if (property.name.text === 'middleware') config.middleware = property.initializer;
  }
  return config;
}

/** `app.use(mw)` covers the whole app (or view); `app.use('/api/*', mw)` what is under `/api`. */
function addUse(builder: SummaryBuilder, view: View, call: ts.CallExpression): void {
  const args = call.arguments;
  const path = args.length >= 2 ? pathArgument(builder, args[0]) : undefined;
  const middleware = flattenArguments(builder, path ? args.slice(1) : args).map((expression) => builder.middleware(expression));
  if (middleware.length === 0) return;
  const scope = join(view.base, path ? globScope(path.path) ?? '' : '');
  view.app.layers.push({ kind: 'use', ...(scope ? { path: scope } : {}), middleware, at: builder.spot(call) });
}

function join(prefix: string, child: string): string {
  if (!child || child === '/') return prefix;
  return `${prefix.replace(/\/$/, '')}${child.startsWith('/') ? child : `/${child}`}`;
}
