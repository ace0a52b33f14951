// Registrations on an app or router created in another file: `import app from './app'; app.use('/admin', auth);
// app.route('/admin', adminRoutes)`. Which framework the binding is cannot be known here, so the calls become the
// layers of a proxy container (`proxyOf` the imported name) that the linker appends to the real container's own
// layers. Read with the semantics the frameworks share: `use` (path optional; a container mounts), `route`/`register`
// (a sub-app or plugin at a prefix), and route methods with a path.
import * as ts from 'typescript';
import { ROUTE_METHODS } from '../../../../rules/data/frameworks';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef } from '../summary';
import type { FrameworkSummarizer } from './index';
import { callsInRegistrationOrder, flattenArguments, globScope, pathArgument, routeSpot, addRoute } from './registration';

const MOUNT_METHODS = new Set(['route', 'register']);

export const importedContainerSummarizer: FrameworkSummarizer = {
  framework: 'imported',
  summarize(builder) {
    if (Object.keys(builder.summary.imports).length === 0) return;
    for (const call of callsInRegistrationOrder(builder)) {
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee)) continue;
      const method = callee.name.text;
      if (method !== 'use' && !MOUNT_METHODS.has(method) && !ROUTE_METHODS.has(method)) continue;
      // The proxy is made only once a call registers something on it (`config.get('key')` does not).
      register(builder, () => proxyAt(builder, callee.expression), call, method);
    }
  },
};

/** The proxy for an imported binding (`app`), also through chains of registrations (`app.route(…).route(…)`). */
function proxyAt(builder: SummaryBuilder, expression: ts.Expression, depth = 0): ContainerSummary | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && depth < 30) {
    const method = node.expression.name.text;
    return method === 'use' || MOUNT_METHODS.has(method) || ROUTE_METHODS.has(method) ? proxyAt(builder, node.expression.expression, depth + 1) : undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = builder.index.resolve(node);
  if (!declaration || declaration.scope !== builder.sourceFile || !builder.index.importOf(declaration)) return undefined;
  const existing = builder.containerIdOf(declaration);
  if (existing) return builder.summary.containers[existing];
  const id = `import:${node.text}`;
  const container: ContainerSummary = { id, framework: 'express', kind: 'router', name: node.text, at: builder.spot(declaration.nameNode), layers: [], proxyOf: { kind: 'name', name: node.text } };
  builder.summary.containers[id] = container;
  builder.containerByDeclaration.set(declaration.node, id);
  return container;
}

function register(builder: SummaryBuilder, proxy: () => ContainerSummary | undefined, call: ts.CallExpression, method: string): void {
  const args = call.arguments;
  const at = builder.spot(call);
  if (method === 'use') {
    const path = args[0] && pathArgument(builder, args[0]);
    const rest = flattenArguments(builder, path ? args.slice(1) : args);
    const middleware: MiddlewareRef[] = rest.map((arg) => builder.middleware(arg));
    const scope = path ? globScope(path.path) : undefined;
    if (middleware.length > 0) proxy()?.layers.push({ kind: 'use', ...(scope !== undefined ? { path: scope } : {}), middleware, at });
    return;
  }
  if (MOUNT_METHODS.has(method)) {
    // `app.route('/admin', adminRoutes)` (Hono), `app.register(plugin, { prefix })` (Fastify).
    const path = method === 'route' ? args[0] && pathArgument(builder, args[0]) : undefined;
    const target = method === 'route' ? args[1] : args[0];
    if (!target || (method === 'route' && !path)) return;
    proxy()?.layers.push({ kind: 'mount', ...(path ? { path: path.path } : {}), target: builder.ref(target), middleware: [], at });
    return;
  }
  // A route: a path, then handlers (`app.get('/health', handler)`); a one-argument `get` reads a setting.
  const path = args[0] && pathArgument(builder, args[0]);
  if (!path || args.length < 2 || !path.path.startsWith('/')) return;
  const handlers = flattenArguments(builder, args.slice(1));
  const handler = handlers[handlers.length - 1];
  const container = handler && proxy();
  if (!handler || !container) return;
  addRoute(builder, container, {
    method,
    path,
    middleware: handlers.slice(0, -1).map((arg) => builder.middleware(arg)),
    handler,
    at: routeSpot(builder, call, args[0]),
    statement: call,
  });
}
