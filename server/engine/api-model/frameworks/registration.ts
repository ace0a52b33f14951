// Pieces shared by the Koa, Hono and Fastify summarizers: which imports name a framework's factories, the
// container a call is made on, middleware lists (arrays flattened), and route/use layers in the shape the linker
// reads. Express keeps its own (it came first); these follow the same conventions.
import * as ts from 'typescript';
import type { SourceSpot } from '../../../../rules/support/api-model';
import { staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { analyzeHandlerAuth } from '../../../../rules/support/auth-behaviour';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef, RouteSummary, ValueRef } from '../summary';

/** Local names bound to `imported` (or the whole module for 'default' / '*') of one of `modules`. */
export function importedNames(builder: SummaryBuilder, modules: ReadonlySet<string>, exports: ReadonlySet<string>): Set<string> {
  const names = new Set<string>();
  for (const [local, { module, imported }] of Object.entries(builder.summary.imports)) {
    if (!modules.has(module)) continue;
    const name = imported === '*' ? 'default' : imported;
    if (exports.has(name)) names.add(local);
  }
  return names;
}

/** The callee's name when it is one of `names`: `Koa` in `new Koa()`, `Fastify` in `Fastify({ logger })`. */
export function calleeIn(call: ts.CallExpression | ts.NewExpression, names: ReadonlySet<string>): boolean {
  const callee = skipOuterExpressions(call.expression);
  return ts.isIdentifier(callee) && names.has(callee.text);
}

/**
 * Registers a container made by `creation`: named by the variable that receives it (through any chain of
 * `returnsSelf` registration calls, which return the same container), or by its position when never stored.
 * Returns the container and the chain's calls, outermost last.
 */
export function declareContainer(
  builder: SummaryBuilder,
  creation: ts.Expression,
  init: Omit<ContainerSummary, 'id' | 'name' | 'at' | 'layers'>,
  returnsSelf: (method: string) => boolean,
): ContainerSummary {
  const chain: ts.Expression[] = [creation];
  let outer: ts.Expression = creation;
  while (ts.isPropertyAccessExpression(outer.parent) && outer.parent.expression === outer && returnsSelf(outer.parent.name.text) &&
    ts.isCallExpression(outer.parent.parent) && outer.parent.parent.expression === outer.parent) {
    outer = outer.parent.parent;
    chain.push(outer);
  }
  const holder = receiverOf(outer);
  const named = ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name) ? holder.name : undefined;
  const topLevel = named !== undefined && holder.parent?.parent?.parent === builder.sourceFile;
  const start = creation.getStart(builder.sourceFile);
  const id = named ? (topLevel ? named.text : `${named.text}@${named.getStart(builder.sourceFile)}`) : `${init.framework}-${init.kind}@${start}`;
  const container: ContainerSummary = { id, name: named?.text ?? builder.displayName(creation), at: builder.spot(named ? holder : creation), layers: [], ...init };
  builder.summary.containers[id] = container;
  if (named) builder.containerByDeclaration.set(holder, id);
  for (const link of chain) builder.containerByExpression.set(link, id);
  if (named && !topLevel) markReturnedFrom(builder, holder as ts.VariableDeclaration, id);
  return container;
}

/** The node that receives a value: through parentheses, `as`, `await`. */
export function receiverOf(node: ts.Node): ts.Node {
  let current = node.parent;
  while (current && (ts.isParenthesizedExpression(current) || ts.isAsExpression(current) || ts.isSatisfiesExpression(current) || ts.isNonNullExpression(current) || ts.isAwaitExpression(current))) current = current.parent;
  return current;
}

/** `function buildRouter() { const router = new Router(); …; return router; }`: the function stands for the router. */
function markReturnedFrom(builder: SummaryBuilder, holder: ts.VariableDeclaration, containerId: string): void {
  const name = (holder.name as ts.Identifier).text;
  for (let current: ts.Node | undefined = holder.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    const fn = current as ts.FunctionLikeDeclaration;
    const body = fn.body;
    if (!body) return;
    const returned = ts.isBlock(body)
      ? body.statements.some((statement) => ts.isReturnStatement(statement) && !!statement.expression && isName(statement.expression, name))
      : isName(body, name);
    if (returned) builder.functionSummary(fn).returnsContainer = containerId;
    return;
  }
}

function isName(expression: ts.Expression, name: string): boolean {
  const inner = skipOuterExpressions(expression);
  return ts.isIdentifier(inner) && inner.text === name;
}

/** The container of `framework` an expression denotes in this file: a chain link, a variable, a claimed parameter. */
export function containerAt(builder: SummaryBuilder, expression: ts.Expression, framework: ContainerSummary['framework']): ContainerSummary | undefined {
  const object = skipOuterExpressions(expression);
  const id = builder.containerByExpression.get(object) ?? builder.containerOfExpression(object);
  const container = id ? builder.summary.containers[id] : undefined;
  return container?.framework === framework ? container : undefined;
}

/** `router.get(…).post(…)`: registration methods that return the container continue on it. */
export function chainedContainerAt(builder: SummaryBuilder, expression: ts.Expression, framework: ContainerSummary['framework'], returnsSelf: (method: string) => boolean, depth = 0): ContainerSummary | undefined {
  const direct = containerAt(builder, expression, framework);
  if (direct || depth > 20) return direct;
  const object = skipOuterExpressions(expression);
  if (!ts.isCallExpression(object) || !ts.isPropertyAccessExpression(object.expression) || !returnsSelf(object.expression.name.text)) return undefined;
  return chainedContainerAt(builder, object.expression.expression, framework, returnsSelf, depth + 1);
}

/** A later link of a chain carries its own marker, written on the line before its `.post(`. */
function chainLinkMarker(builder: SummaryBuilder, statement: ts.Node): ReturnType<SummaryBuilder['publicMarkerAt']> {
  if (!ts.isCallExpression(statement) || !ts.isPropertyAccessExpression(statement.expression)) return undefined;
  const object = skipOuterExpressions(statement.expression.expression);
  if (!ts.isCallExpression(object) && !ts.isNewExpression(object)) return undefined;
  return builder.publicMarkerAt(statement.expression.expression.end);
}

/** A constant route path (string, template, `const`); undefined for anything that is not path-like. */
export function pathArgument(builder: SummaryBuilder, expression: ts.Expression | undefined): { path: string; dynamic: boolean } | undefined {
  if (!expression) return undefined;
  const inner = skipOuterExpressions(expression);
  if (staticStringValue(inner) === undefined && !ts.isTemplateExpression(inner) && !(ts.isIdentifier(inner) && isConstString(builder, inner))) return undefined;
  return builder.pathOf(inner);
}

function isConstString(builder: SummaryBuilder, identifier: ts.Identifier): boolean {
  const declaration = builder.index.resolve(identifier);
  if (!declaration?.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return false;
  const initializer = skipOuterExpressions(declaration.node.initializer);
  return staticStringValue(initializer) !== undefined || ts.isTemplateExpression(initializer);
}

/** A string or an array of strings (`['GET', 'POST']`, `['/a', '/b']`). */
export function stringList(expression: ts.Expression | undefined): string[] | undefined {
  if (!expression) return undefined;
  const inner = skipOuterExpressions(expression);
  const single = staticStringValue(inner);
  if (single !== undefined) return [single];
  if (!ts.isArrayLiteralExpression(inner)) return undefined;
  const values = inner.elements.map((element) => staticStringValue(element));
  return values.every((value): value is string => value !== undefined) ? values : undefined;
}

/** Middleware arrays (`[auth, validate]`, or a `const` holding one) flattened; spreads of unknown lists dropped. */
export function flattenArguments(builder: SummaryBuilder, args: readonly ts.Expression[], depth = 0): ts.Expression[] {
  const out: ts.Expression[] = [];
  for (const arg of args) {
    const inner = ts.isSpreadElement(arg) ? skipOuterExpressions(arg.expression) : skipOuterExpressions(arg);
    const array = ts.isArrayLiteralExpression(inner) ? inner : depth < 4 ? constArray(builder, inner) : undefined;
    if (array) out.push(...flattenArguments(builder, array.elements.filter((e): e is ts.Expression => !ts.isOmittedExpression(e)), depth + 1));
    else if (!ts.isSpreadElement(arg)) out.push(arg);
  }
  return out;
}

function constArray(builder: SummaryBuilder, node: ts.Expression): ts.ArrayLiteralExpression | undefined {
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = builder.index.resolve(node);
  if (!declaration?.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
  const initializer = skipOuterExpressions(declaration.node.initializer);
  return ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
}

export interface RouteInput {
  method: string;
  path: { path: string; dynamic: boolean };
  middleware: MiddlewareRef[];
  /** `route({ async handler(request, reply) { … } })` writes it as a method. */
  handler: ts.Expression | ts.MethodDeclaration;
  /** What a finding underlines: `router.post('/users'`. */
  at: SourceSpot;
  /** The statement whose comments may hold `// apiguard-public`. */
  statement: ts.Node;
}

function isInPlace(handler: ts.Expression | ts.MethodDeclaration): boolean {
  const inner = ts.isMethodDeclaration(handler) ? handler : skipOuterExpressions(handler);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) || ts.isMethodDeclaration(inner);
}

export function addRoute(builder: SummaryBuilder, container: ContainerSummary, input: RouteInput): RouteSummary {
  const handlerRef: ValueRef = ts.isMethodDeclaration(input.handler) ? { kind: 'function', id: builder.functionSummary(input.handler, 'handler').id } : builder.ref(input.handler);
  // A handler written here is judged as a handler (it verifies the caller itself and answers 401/403 early).
  const handlerNode = handlerRef.kind === 'function' ? builder.functionNode(handlerRef.id) : undefined;
  const inPlace = !!handlerNode && isInPlace(input.handler) && !builder.summary.functions[(handlerRef as { id: string }).id]?.callsNext;
  const handlerAuth = inPlace ? analyzeHandlerAuth(handlerNode!, builder.sourceFile) : undefined;
  if (inPlace) builder.markHandler((handlerRef as { id: string }).id);
  const marker = chainLinkMarker(builder, input.statement) ?? builder.publicMarkerBefore(input.statement);
  const route: RouteSummary = {
    method: input.method === 'del' ? 'DELETE' : input.method.toUpperCase(),
    path: input.path.path,
    ...(input.path.dynamic ? { dynamicPath: true } : {}),
    middleware: input.middleware,
    handler: { text: ts.isMethodDeclaration(input.handler) ? '<inline handler>' : builder.handlerName(input.handler), ref: handlerRef, ...(handlerAuth ? { auth: handlerAuth } : {}) },
    at: input.at,
    ...(marker ? { publicMarker: marker } : {}),
  };
  container.layers.push({ kind: 'route', route });
  return route;
}

/** `router.get('/users'`: from the call's start to the end of its path argument (or its method name). */
export function routeSpot(builder: SummaryBuilder, call: ts.CallExpression, pathNode: ts.Node | undefined): SourceSpot {
  const callee = call.expression;
  const name = ts.isPropertyAccessExpression(callee) ? callee.name : callee;
  // In a chain (`new Hono().get(…).post('/x'`) the call starts at the chain's start: underline from the method.
  const object = ts.isPropertyAccessExpression(callee) ? skipOuterExpressions(callee.expression) : undefined;
  // …and where the method starts a line of its own (`router\n  .get('/x'`).
  const chained = !!object && (ts.isCallExpression(object) || ts.isNewExpression(object) || builder.sourceFile.text.slice(object.end, name.getStart(builder.sourceFile)).includes('\n'));
  const start = chained ? name.getStart(builder.sourceFile) : call.getStart(builder.sourceFile);
  return builder.spotAt(start, pathNode ? pathNode.getEnd() : name.getEnd());
}

/** `'/api/*'` scopes middleware to `/api` and below; `'*'` and `'/*'` to everything. */
export function globScope(path: string): string | undefined {
  if (path === '*' || path === '/*' || path === '/' || path === '') return undefined;
  return path.endsWith('/*') ? path.slice(0, -2) : path;
}

/**
 * Calls in the order they register: `a.get(x).use(m).post(y)` runs `get` first, though the walk meets the
 * outermost call (`post`) first. A call's callee ends once what it is called on has been evaluated.
 */
export function callsInRegistrationOrder(builder: SummaryBuilder): ts.CallExpression[] {
  // Several summarizers ask; sorted once per file.
  const cached = registrationOrder.get(builder);
  if (cached) return cached;
  const calls = builder.calls.filter((call): call is ts.CallExpression => ts.isCallExpression(call));
  calls.sort((a, b) => a.expression.end - b.expression.end);
  registrationOrder.set(builder, calls);
  return calls;
}

const registrationOrder = new WeakMap<SummaryBuilder, ts.CallExpression[]>();

/**
 * `registerRoutes(app)`, `require('./users').register(router)`: a function given this container registers on it,
 * at this point of its sequence. Method calls on a container (`app.route('/x', sub)`) are registrations instead.
 */
export function passContainer(builder: SummaryBuilder, call: ts.CallExpression, framework: ContainerSummary['framework']): void {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isPropertyAccessExpression(callee) && (builder.containerByExpression.has(skipOuterExpressions(callee.expression)) || builder.containerOfExpression(callee.expression))) return;
  for (const argument of call.arguments) {
    const container = containerAt(builder, argument, framework);
    if (container && ts.isIdentifier(skipOuterExpressions(argument))) {
      container.layers.push({ kind: 'mount', target: builder.ref(callee), middleware: [], at: builder.spot(call), encapsulated: false });
    }
  }
}
