// Express: apps (`express()`), routers (`express.Router()`, `Router()`), `use` with and without a path, routes
// with middleware (arrays flattened), `router.route('/x').get(…).post(…)`, `express-unless` exceptions, and
// functions that are given an app or router (`module.exports = (app) => { app.get(…) }`).
import * as ts from 'typescript';
import { staticStringValue } from '../../../../rules/support/ast';
import { requiredModule, skipOuterExpressions } from '../../../../rules/support/dataflow';
import { EXPRESS, ROUTE_METHODS } from '../../../../rules/data/frameworks';
import { analyzeHandlerAuth, type AuthBehaviour } from '../../../../rules/support/auth-behaviour';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef } from '../summary';
import type { FrameworkSummarizer } from './index';
import { loopEnvironments, substitute } from '../loops';
import { declareContainer, flattenArguments, passContainer } from './registration';

export const expressSummarizer: FrameworkSummarizer = {
  framework: 'express',
  summarize(builder) {
    const expressNames = localNamesOf(builder);
    if (expressNames.defaults.size === 0 && expressNames.routers.size === 0 && !mayRegisterOnParameter(builder)) return;
    for (const call of builder.calls) declareExpressContainer(builder, call, expressNames);
    // Registration creates parameter containers; only a file with containers can pass one to a function.
    let hasContainers = Object.keys(builder.summary.containers).length > 0;
    for (const call of builder.calls) {
      if (ts.isCallExpression(call)) {
        registerOnContainer(builder, call);
        hasContainers ||= Object.keys(builder.summary.containers).length > 0;
        // `require('./routes')(app)`, `registerRoutes(app)`: statements of their own, never nested in expressions.
        if (call.arguments.length > 0 && hasContainers && isStatementCall(call)) passContainer(builder, call, 'express');
      }
    }
  },
};

interface ExpressNames {
  /** Local names of the `express` function (default import, `require('express')`). */
  defaults: Set<string>;
  /** Local names of `Router` (named import or destructured require). */
  routers: Set<string>;
}

function localNamesOf(builder: SummaryBuilder): ExpressNames {
  const names: ExpressNames = { defaults: new Set(), routers: new Set() };
  for (const [local, { module, imported }] of Object.entries(builder.summary.imports)) {
    if (!EXPRESS.modules.has(module)) continue;
    if (imported === 'default' || imported === '*') names.defaults.add(local);
    else if (EXPRESS.routerFactories.has(imported)) names.routers.add(local);
  }
  return names;
}

/** A file without express imports may still register routes on an app it is given. Cheap text test first. */
function mayRegisterOnParameter(builder: SummaryBuilder): boolean {
  // A parameter becomes a container only through a route with a '/path' (see registerOnContainer).
  return /\.(get|post|put|patch|delete|del|all|options|head)\(\s*['"`][/*]/.test(builder.sourceFile.text);
}

/**
 * `const app = express()`, `const router = express.Router()`, `const r = Router({ mergeParams: true })`, and
 * containers never stored in a variable: `export default Router().use('/api', api)`, `Router().use(a).use(b)`.
 */
function declareExpressContainer(builder: SummaryBuilder, call: ts.CallExpression | ts.NewExpression, names: ExpressNames): void {
  const kind = creationKind(call, names);
  // Registration methods return the router: the whole chain is the same container.
  if (kind) declareContainer(builder, call, { framework: 'express', kind }, isRegistration);
}

function isRegistration(method: string): boolean {
  return method === 'use' || method === 'route' || ROUTE_METHODS.has(method);
}

function creationKind(call: ts.CallExpression | ts.NewExpression, names: ExpressNames): ContainerSummary['kind'] | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    if (names.defaults.has(callee.text)) return 'app';
    if (names.routers.has(callee.text)) return 'router';
  }
  if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && names.defaults.has(callee.expression.text) && EXPRESS.routerFactories.has(callee.name.text)) return 'router';
  // `require('express').Router()`, `require('express')()`
  if (ts.isPropertyAccessExpression(callee) && EXPRESS.modules.has(requiredModule(callee.expression) ?? '') && EXPRESS.routerFactories.has(callee.name.text)) return 'router';
  if (EXPRESS.modules.has(requiredModule(callee) ?? '')) return 'app';
  return undefined;
}

/** `x.get(path, …mw, handler)`, `x.use([path,] …mw)`, `x.route(path).get(…)`: x must be a container. */
function registerOnContainer(builder: SummaryBuilder, call: ts.CallExpression): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (method !== 'use' && !ROUTE_METHODS.has(method)) return;
  const target = skipOuterExpressions(callee.expression);
  const looksLikeRoute = method !== 'use' && call.arguments.length >= 2;
  // A parameter becomes a container only on clear evidence: `app.get('/path', …)` (not `config.get('key', {…})`).
  const container = containerFor(builder, target, looksLikeRoute && startsWithSlash(call.arguments[0]!));

  // `router.route('/x').get(h).post(h)`: find the `.route(path)` at the bottom of the chain.
  if (!container && ts.isCallExpression(target) && method !== 'use') {
    const routeCall = routeChainBase(target);
    const owner = routeCall && containerFor(builder, skipOuterExpressions((routeCall.expression as ts.PropertyAccessExpression).expression), true);
    if (!routeCall || !owner) return;
    addRoute(builder, owner, call, method, routeCall.arguments[0], call.arguments, builder.spotAt(callee.name.getStart(builder.sourceFile), callee.name.getEnd()));
    return;
  }
  if (!container) return;
  if (method === 'use') {
    addUse(builder, container, call);
    return;
  }
  // `app.get('setting')` reads a setting; a route has a path and at least one handler.
  if (!looksLikeRoute) return;
  const pathArgument = call.arguments[0]!;
  addRoute(builder, container, call, method, pathArgument, call.arguments.slice(1), builder.spotAt(call.getStart(builder.sourceFile), pathArgument.getEnd()));
}


function routeChainBase(call: ts.CallExpression): ts.CallExpression | undefined {
  let current: ts.Expression = call;
  for (let depth = 0; depth < 20 && ts.isCallExpression(current); depth++) {
    const callee = current.expression;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if (callee.name.text === 'route') return current;
    if (!ROUTE_METHODS.has(callee.name.text)) return undefined;
    current = skipOuterExpressions(callee.expression);
  }
  return undefined;
}

/** The container a call is made on; a parameter becomes one when routes are registered on it. */
function containerFor(builder: SummaryBuilder, object: ts.Expression, looksLikeRoute: boolean): ContainerSummary | undefined {
  const chained = builder.containerByExpression.get(object);
  if (chained) return expressOnly(builder.summary.containers[chained]);
  if (!ts.isIdentifier(object)) return undefined;
  const declaration = builder.index.resolve(object);
  if (!declaration) return undefined;
  let id = builder.containerIdOf(declaration);
  if (!id && looksLikeRoute && ts.isParameter(declaration.node)) id = builder.parameterContainer(declaration.node, 'express');
  return id ? expressOnly(builder.summary.containers[id]) : undefined;
}

/** Koa routers, Hono apps and Fastify instances have `get`/`use` too: their summarizers read those calls. */
function expressOnly(container: ContainerSummary | undefined): ContainerSummary | undefined {
  return container?.framework === 'express' ? container : undefined;
}

/** `at` is what a finding underlines: `router.post('/users'` (or `.post` in a `route()` chain), not the handler body. */
function addRoute(builder: SummaryBuilder, container: ContainerSummary, call: ts.CallExpression, method: string, pathArgument: ts.Expression | undefined, handlerArguments: readonly ts.Expression[], at: ReturnType<SummaryBuilder['spot']>): void {
  const path = builder.pathOf(pathArgument) ?? { path: '/', dynamic: false };
  const functions = flattenArguments(builder, handlerArguments);
  const handler = functions[functions.length - 1];
  if (!handler) return;
  const middleware = functions.slice(0, -1).map((expression) => builder.middleware(expression));
  const marker = builder.publicMarkerBefore(call);
  const handlerRef = builder.ref(handler);
  container.layers.push({
    kind: 'route',
    route: {
      method: method === 'del' ? 'DELETE' : method.toUpperCase(),
      path: path.path,
      ...(path.dynamic ? { dynamicPath: true } : {}),
      middleware,
      handler: { text: builder.handlerName(handler), ref: handlerRef, ...handlerAuth(builder, handlerRef, handler) },
      at,
      ...(marker ? { publicMarker: marker } : {}),
    },
  });
}

/** A handler written in this file is judged as a handler: it verifies the caller itself and answers 401/403 early. */
function handlerAuth(builder: SummaryBuilder, ref: ReturnType<SummaryBuilder['ref']>, handler: ts.Expression): { auth?: AuthBehaviour } {
  if (ref.kind !== 'function') return {};
  const node = builder.functionNode(ref.id);
  const inner = skipOuterExpressions(handler);
  // Written in place: only ever a handler. A named function may also serve as middleware elsewhere: the linker
  // reads its middleware verdict then.
  if (!node || !(ts.isArrowFunction(inner) || ts.isFunctionExpression(inner))) return {};
  // One that calls next() guards the handlers after it (see link.ts): it keeps its middleware verdict.
  if (builder.summary.functions[ref.id]?.callsNext) return {};
  builder.markHandler(ref.id);
  const auth = analyzeHandlerAuth(node, builder.sourceFile);
  return auth ? { auth } : {};
}

function addUse(builder: SummaryBuilder, container: ContainerSummary, call: ts.CallExpression): void {
  // `routes.forEach((r) => router.use(r.path, r.route))` over a constant list: one `use` per element.
  const environments = loopEnvironments(builder, call) ?? [new Map()];
  for (const environment of environments) addUseOnce(builder, container, call, call.arguments.map((arg) => substitute(arg, environment)));
}

function addUseOnce(builder: SummaryBuilder, container: ContainerSummary, call: ts.CallExpression, args: readonly ts.Expression[]): void {
  const first = args[0];
  const path = first && isPathArgument(first) ? builder.pathOf(first)?.path : undefined;
  const rest = path !== undefined ? args.slice(1) : args;
  const middleware: MiddlewareRef[] = [];
  let unless: string[] | undefined;
  for (const expression of flattenArguments(builder, rest)) {
    const exception = unlessCall(expression);
    if (exception) {
      middleware.push(builder.middleware(exception.middleware));
      unless = [...(unless ?? []), ...exception.paths];
    } else {
      middleware.push(builder.middleware(expression));
    }
  }
  if (middleware.length === 0) return;
  container.layers.push({ kind: 'use', ...(path !== undefined ? { path } : {}), middleware, at: builder.spot(call), ...(unless ? { unless } : {}) });
}

function startsWithSlash(node: ts.Expression): boolean {
  const inner = skipOuterExpressions(node);
  const text = staticStringValue(inner) ?? (ts.isTemplateExpression(inner) ? inner.head.text : undefined);
  return text !== undefined && (text.startsWith('/') || text === '*');
}

function isPathArgument(node: ts.Expression): boolean {
  const inner = skipOuterExpressions(node);
  return staticStringValue(inner) !== undefined || ts.isTemplateExpression(inner) || ts.isRegularExpressionLiteral(inner) ||
    (ts.isArrayLiteralExpression(inner) && inner.elements.every((element) => staticStringValue(element) !== undefined));
}

/** `jwt({…}).unless({ path: ['/login', { url: '/x' }] })`: the middleware, and the paths it skips. */
function unlessCall(expression: ts.Expression): { middleware: ts.Expression; paths: string[] } | undefined {
  const call = skipOuterExpressions(expression);
  if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression) || call.expression.name.text !== 'unless') return undefined;
  const paths: string[] = [];
  const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (options && ts.isObjectLiteralExpression(options)) {
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name) || property.name.text !== 'path') continue;
      const value = skipOuterExpressions(property.initializer);
      const items = ts.isArrayLiteralExpression(value) ? value.elements : [value];
      for (const item of items) {
        const text = staticStringValue(item) ?? (ts.isRegularExpressionLiteral(item) ? item.text : undefined) ?? urlOf(item);
        if (text !== undefined) paths.push(text);
      }
    }
  }
  return { middleware: call.expression.expression, paths };
}

function urlOf(node: ts.Node): string | undefined {
  if (!ts.isObjectLiteralExpression(node)) return undefined;
  for (const property of node.properties) {
    if (ts.isPropertyAssignment(property) && ts.isIdentifier(property.name) && property.name.text === 'url') return staticStringValue(property.initializer);
  }
  return undefined;
}

function isStatementCall(call: ts.CallExpression): boolean {
  const parent = ts.isAwaitExpression(call.parent) ? call.parent.parent : call.parent;
  return !!parent && ts.isExpressionStatement(parent);
}
