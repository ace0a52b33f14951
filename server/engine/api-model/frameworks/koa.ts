// Koa: apps (`new Koa()`), routers of `@koa/router` and `koa-router` (`new Router({ prefix })`, `router.prefix()`),
// routes with middleware and optional names (`router.get('user', '/users/:id', …)`), `use` in order (with a path
// on routers), nested routers (`parent.use('/x', child.routes(), child.allowedMethods())`), `app.use(router.routes())`
// and `koa-mount`. Middleware applies to what is registered after it, as in Koa's and the router's stacks.
import * as ts from 'typescript';
import { KOA, ROUTE_METHODS } from '../../../../rules/data/frameworks';
import { staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef } from '../summary';
import type { FrameworkSummarizer } from './index';
import { addRoute, calleeIn, callsInRegistrationOrder, passContainer, chainedContainerAt, containerAt, declareContainer, flattenArguments, importedNames, pathArgument, routeSpot, stringList } from './registration';

export const koaSummarizer: FrameworkSummarizer = {
  framework: 'koa',
  summarize(builder) {
    const apps = importedNames(builder, KOA.appModules, new Set(['default']));
    const routers = importedNames(builder, KOA.routerModules, KOA.routerExports);
    if (apps.size === 0 && routers.size === 0) return;
    const mounts = importedNames(builder, KOA.mountModules, new Set(['default']));
    for (const call of builder.calls) {
      if (calleeIn(call, apps)) declareContainer(builder, call, { framework: 'koa', kind: 'app' }, (method) => method === 'use');
      else if (calleeIn(call, routers)) {
        const router = declareContainer(builder, call, { framework: 'koa', kind: 'router' }, isRouterRegistration);
        const prefix = optionString(call.arguments?.[0], 'prefix');
        if (prefix !== undefined) router.prefix = prefix;
      }
    }
    for (const call of builder.calls) if (ts.isCallExpression(call)) markRouterMiddleware(builder, call);
    for (const call of callsInRegistrationOrder(builder)) {
      register(builder, call, mounts);
      passContainer(builder, call, 'koa');
    }
  },
};

function isRouterRegistration(method: string): boolean {
  return method === 'use' || method === 'prefix' || ROUTE_METHODS.has(method);
}

function register(builder: SummaryBuilder, call: ts.CallExpression, mounts: ReadonlySet<string>): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method !== 'use' && method !== 'prefix' && !ROUTE_METHODS.has(method)) return;
  const container = chainedContainerAt(builder, callee.expression, 'koa', isRouterRegistration);
  if (!container) return;
  if (method === 'prefix') {
    const prefix = pathArgument(builder, call.arguments[0]);
    if (container.kind === 'router' && prefix) container.prefix = prefix.path;
  } else if (method === 'use') {
    addUse(builder, container, call, mounts);
  } else if (container.kind === 'router') {
    addRoutes(builder, container, call, method);
  }
}

/** `router.get([name,] path, ...middleware, handler)`: a path and at least one function. */
function addRoutes(builder: SummaryBuilder, container: ContainerSummary, call: ts.CallExpression, method: string): void {
  const args = call.arguments;
  const named = args.length >= 3 && staticStringValue(skipOuterExpressions(args[0]!)) !== undefined && isPathLike(builder, args[1]!);
  const pathNode = named ? args[1]! : args[0];
  const paths = pathsOf(builder, pathNode);
  if (!paths) return;
  const functions = flattenArguments(builder, args.slice(named ? 2 : 1));
  const handler = functions[functions.length - 1];
  if (!handler) return;
  const middleware = functions.slice(0, -1).map((expression) => builder.middleware(expression));
  for (const path of paths) addRoute(builder, container, { method, path, middleware, handler, at: routeSpot(builder, call, pathNode), statement: call });
}

function isPathLike(builder: SummaryBuilder, node: ts.Expression): boolean {
  return pathsOf(builder, node) !== undefined;
}

function pathsOf(builder: SummaryBuilder, node: ts.Expression | undefined): { path: string; dynamic: boolean }[] | undefined {
  if (!node) return undefined;
  const inner = skipOuterExpressions(node);
  if (ts.isArrayLiteralExpression(inner)) {
    const list = stringList(inner);
    return list?.map((path) => ({ path, dynamic: false }));
  }
  if (ts.isRegularExpressionLiteral(inner)) return [{ path: inner.text, dynamic: true }];
  const single = pathArgument(builder, inner);
  return single ? [single] : undefined;
}

/** `app.use(mw)`, `router.use([path,] ...mw)`; `allowedMethods()` answers OPTIONS/405 and is no middleware to model. */
function addUse(builder: SummaryBuilder, container: ContainerSummary, call: ts.CallExpression, mounts: ReadonlySet<string>): void {
  const args = call.arguments;
  const paths = container.kind === 'router' && args.length >= 2 ? pathsOf(builder, args[0]) : undefined;
  const rest = paths ? args.slice(1) : args;
  const plain: MiddlewareRef[] = [];
  const flush = (): void => {
    if (plain.length === 0) return;
    for (const path of paths ?? [undefined]) container.layers.push({ kind: 'use', ...(path ? { path: path.path } : {}), middleware: [...plain], at: builder.spot(call) });
    plain.length = 0;
  };
  for (const expression of flattenArguments(builder, rest)) {
    if (isAllowedMethods(expression)) continue;
    const mounted = koaMount(builder, expression, mounts);
    if (mounted) {
      flush();
      container.layers.push({ kind: 'use', path: mounted.path, middleware: [routerMiddleware(builder, mounted.target)], at: builder.spot(call) });
    } else {
      plain.push(routerMiddleware(builder, expression));
    }
  }
  flush();
}

/** `module.exports = router.routes()`: the middleware a router makes stands for the router wherever it goes. */
function markRouterMiddleware(builder: SummaryBuilder, call: ts.CallExpression): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || (callee.name.text !== 'routes' && callee.name.text !== 'middleware')) return;
  const router = containerAt(builder, callee.expression, 'koa');
  if (router?.kind === 'router') builder.containerByExpression.set(call, router.id);
}

/** `router.routes()` / `router.middleware()` of a router in this file stands for the router itself. */
function routerMiddleware(builder: SummaryBuilder, expression: ts.Expression): MiddlewareRef {
  const reference = builder.middleware(expression);
  const inner = skipOuterExpressions(expression);
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression)) return reference;
  if (inner.expression.name.text !== 'routes' && inner.expression.name.text !== 'middleware') return reference;
  const router = containerAt(builder, inner.expression.expression, 'koa');
  return router ? { ...reference, ref: { kind: 'container', id: router.id } } : reference;
}

function isAllowedMethods(expression: ts.Expression): boolean {
  const inner = skipOuterExpressions(expression);
  return ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'allowedMethods';
}

/** `mount('/v1', api.routes())` of koa-mount: the target under that path. */
function koaMount(builder: SummaryBuilder, expression: ts.Expression, mounts: ReadonlySet<string>): { path: string; target: ts.Expression } | undefined {
  const inner = skipOuterExpressions(expression);
  if (!ts.isCallExpression(inner) || !calleeIn(inner, mounts) || inner.arguments.length < 2) return undefined;
  const path = pathArgument(builder, inner.arguments[0]);
  return path ? { path: path.path, target: inner.arguments[1]! } : undefined;
}

/** `{ prefix: '/api' }` → '/api'. */
export function optionString(node: ts.Expression | undefined, name: string): string | undefined {
  const inner = node && skipOuterExpressions(node);
  if (!inner || !ts.isObjectLiteralExpression(inner)) return undefined;
  for (const property of inner.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === name) return staticStringValue(skipOuterExpressions(property.initializer));
  }
  return undefined;
}
