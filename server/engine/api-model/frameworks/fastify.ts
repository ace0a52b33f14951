// Fastify: apps (`Fastify()`, `require('fastify')()`), routes (`get(path, [options,] handler)` with
// onRequest/preParsing/preValidation/preHandler options, `route({ method, url, … })`), `addHook` for the hooks
// that run before the handler, plugins (functions given the instance first) registered with `register(plugin,
// { prefix })`, `fastify-plugin` (the plugin shares its parent's context), `decorate` (names looked up through the
// contexts when linking: `{ onRequest: [fastify.authenticate] }`), and `fastify.auth([…])` of @fastify/auth.
// A context's hooks cover all its routes and child plugins in any order: the linker applies them (link.ts).
import * as ts from 'typescript';
import { FASTIFY, ROUTE_METHODS } from '../../../../rules/data/frameworks';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { requiredModule, skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary, MiddlewareRef, ValueRef } from '../summary';
import type { FrameworkSummarizer } from './index';
import { addRoute, calleeIn, callsInRegistrationOrder, passContainer, containerAt, declareContainer, flattenArguments, importedNames, pathArgument, routeSpot, stringList } from './registration';

/** Route options that run before the handler, in the order Fastify runs them. */
const ROUTE_HOOKS = ['onRequest', 'preParsing', 'preValidation', 'preHandler'] as const;
const INSTANCE_METHODS: ReadonlySet<string> = new Set(['register', 'addHook', 'decorate', 'route', ...ROUTE_METHODS]);
/** Instance methods that return the instance, so registration can be chained after them. */
const CHAINABLE: ReadonlySet<string> = new Set([
  ...INSTANCE_METHODS, 'withTypeProvider', 'after', 'addSchema', 'decorateRequest', 'decorateReply', 'setErrorHandler',
  'setNotFoundHandler', 'setValidatorCompiler', 'setSerializerCompiler', 'addContentTypeParser', 'setSchemaErrorFormatter',
]);
const MAX_SPREAD_DEPTH = 3;

interface FastifyNames {
  factories: Set<string>;
  wrappers: Set<string>;
  autoload: Set<string>;
  /** The file uses Fastify (imports it or one of its plugins): parameters used as instances are claimed. */
  flavoured: boolean;
}

export const fastifySummarizer: FrameworkSummarizer = {
  framework: 'fastify',
  summarize(builder) {
    const names = fastifyNames(builder);
    if (!names.flavoured && !/\b(fastify|reply)\b/.test(builder.sourceFile.text)) return;
    for (const call of builder.calls) {
      if (calleeIn(call, names.factories) || (ts.isCallExpression(call) && requiredModule(call.expression) === 'fastify')) {
        declareContainer(builder, call, { framework: 'fastify', kind: 'app' }, (method) => CHAINABLE.has(method));
      } else if (ts.isCallExpression(call) && calleeIn(call, names.wrappers)) {
        const plugin = pluginFunction(call.arguments[0]) ?? localFunction(builder, call.arguments[0]);
        if (plugin) claimPlugin(builder, plugin, true);
      }
    }
    for (const call of callsInRegistrationOrder(builder)) {
      register(builder, call, names);
      passContainer(builder, call, 'fastify');
    }
    const autoPrefix = /\bautoPrefix\b/.test(builder.sourceFile.text) ? autoPrefixOf(builder.sourceFile) : undefined;
    if (autoPrefix !== undefined) builder.summary.fastifyAutoPrefix = autoPrefix;
  },
};

function fastifyNames(builder: SummaryBuilder): FastifyNames {
  const modules = Object.values(builder.summary.imports).map((imported) => imported.module);
  return {
    factories: importedNames(builder, FASTIFY.modules, FASTIFY.appFactories),
    wrappers: importedNames(builder, FASTIFY.pluginWrappers, FASTIFY.pluginWrapperExports),
    autoload: importedNames(builder, FASTIFY.autoload, FASTIFY.autoloadExports),
    flavoured: modules.some((module) => FASTIFY.modules.has(module) || FASTIFY.pluginWrappers.has(module) || module.startsWith('@fastify/')),
  };
}

function pluginFunction(expression: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  const inner = expression && skipOuterExpressions(expression);
  return inner && (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) && inner.parameters.length > 0 ? inner : undefined;
}

/** `fp(authPlugin)` where `async function authPlugin(fastify) {…}` or `const authPlugin = async (fastify) => …` is local. */
function localFunction(builder: SummaryBuilder, expression: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  const inner = expression && skipOuterExpressions(expression);
  if (!inner || !ts.isIdentifier(inner)) return undefined;
  const node = builder.index.resolve(inner)?.node;
  if (node && ts.isFunctionDeclaration(node) && node.body && node.parameters.length > 0) return node;
  if (node && ts.isVariableDeclaration(node) && node.initializer) return pluginFunction(node.initializer);
  return undefined;
}

/** A plugin's first parameter is the instance it registers on. */
function claimPlugin(builder: SummaryBuilder, fn: ts.FunctionLikeDeclaration, sharesParentContext: boolean): ContainerSummary | undefined {
  const parameter = fn.parameters[0];
  if (!parameter) return undefined;
  const id = builder.parameterContainer(parameter, 'fastify');
  const container = id ? builder.summary.containers[id] : undefined;
  if (!container || container.framework !== 'fastify') return undefined;
  container.kind = 'plugin';
  if (sharesParentContext) container.sharesParentContext = true;
  return container;
}

/** The Fastify instance a call is made on: an app, a chained call on one, a plugin's parameter. */
function instanceOf(builder: SummaryBuilder, expression: ts.Expression, names: FastifyNames, method: string, call: ts.CallExpression): ContainerSummary | undefined {
  const known = containerAt(builder, expression, 'fastify');
  if (known) return known;
  const object = skipOuterExpressions(expression);
  if (ts.isCallExpression(object) && ts.isPropertyAccessExpression(object.expression) && CHAINABLE.has(object.expression.name.text)) {
    return instanceOf(builder, object.expression.expression, names, object.expression.name.text, object);
  }
  if (!ts.isIdentifier(object)) return undefined;
  const declaration = builder.index.resolve(object);
  if (!declaration || !ts.isParameter(declaration.node)) return undefined;
  const fn = declaration.node.parent;
  if (!ts.isFunctionLike(fn) || fn.parameters[0] !== declaration.node) return undefined;
  if (builder.containerIdOf(declaration)) return undefined;
  if (!looksLikePlugin(fn as ts.FunctionLikeDeclaration, object.text, names, method, call)) return undefined;
  return claimPlugin(builder, fn as ts.FunctionLikeDeclaration, false);
}

/**
 * A function whose first parameter is used as a Fastify instance: in a file that uses Fastify, a parameter named
 * `fastify`, the `async (instance, opts)` / `(instance, opts, done)` plugin signatures, or a Fastify-only call.
 */
function looksLikePlugin(fn: ts.FunctionLikeDeclaration, parameterName: string, names: FastifyNames, method: string, call: ts.CallExpression): boolean {
  if (!looksLikeRegistration(method, call)) return false;
  if (names.flavoured || parameterName === 'fastify') return true;
  const isAsync = ts.getModifiers(fn)?.some((modifier) => modifier.kind === ts.SyntaxKind.AsyncKeyword) ?? false;
  const last = fn.parameters[fn.parameters.length - 1];
  if ((isAsync && fn.parameters.length >= 2) || (fn.parameters.length === 3 && last && ts.isIdentifier(last.name) && last.name.text === 'done')) return true;
  if (method === 'addHook' || method === 'decorate' || method === 'register') return true;
  return method === 'route' && call.arguments.length === 1 && ts.isObjectLiteralExpression(skipOuterExpressions(call.arguments[0]!));
}

/** The call has the shape of the instance method (`cache.get(key)` does not: one argument, not a path). */
function looksLikeRegistration(method: string, call: ts.CallExpression): boolean {
  const [first, second] = call.arguments;
  if (!first) return false;
  const firstIsString = staticStringValue(skipOuterExpressions(first)) !== undefined || ts.isTemplateExpression(skipOuterExpressions(first));
  switch (method) {
    case 'register':
      return true;
    case 'addHook':
    case 'decorate':
      return firstIsString && second !== undefined;
    case 'route':
      return ts.isObjectLiteralExpression(skipOuterExpressions(first));
    default:
      return firstIsString && second !== undefined;
  }
}

function register(builder: SummaryBuilder, call: ts.CallExpression, names: FastifyNames): void {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee)) return;
  const method = callee.name.text;
  if (!INSTANCE_METHODS.has(method)) return;
  const instance = instanceOf(builder, callee.expression, names, method, call);
  if (!instance) return;
  const args = call.arguments;
  switch (method) {
    case 'register':
      registerPlugin(builder, instance, call, names);
      return;
    case 'addHook': {
      const hook = args[0] && staticStringValue(skipOuterExpressions(args[0]));
      if (hook === undefined || !FASTIFY.authHooks.has(hook) || !args[1]) return;
      instance.layers.push({ kind: 'hook', hook, middleware: hookMiddleware(builder, args[1]), at: builder.spot(call) });
      return;
    }
    case 'decorate': {
      const name = args[0] && staticStringValue(skipOuterExpressions(args[0]));
      if (name === undefined || !args[1]) return;
      instance.decorations = { ...instance.decorations, [name]: builder.ref(args[1]) };
      return;
    }
    case 'route':
      addRouteOptions(builder, instance, call);
      return;
    default:
      addShorthandRoute(builder, instance, call, method);
  }
}

/** `get(path, handler)`, `get(path, { preHandler }, handler)`, `get(path, { handler, onRequest })`. */
function addShorthandRoute(builder: SummaryBuilder, instance: ContainerSummary, call: ts.CallExpression, method: string): void {
  const [pathNode, second, third] = call.arguments;
  const path = pathArgument(builder, pathNode);
  if (!path || !second) return;
  const optionsObject = objectOf(builder, second);
  const handler = third ?? (optionsObject ? propertyOrMethod(builder, optionsObject, 'handler') : second);
  if (!handler) return;
  const middleware = optionsObject ? routeHooks(builder, optionsObject) : [];
  addRoute(builder, instance, { method, path, middleware, handler, at: routeSpot(builder, call, pathNode), statement: call });
}

/** `route({ method: ['GET', 'HEAD'], url: '/x', preHandler: [auth], handler })`. */
function addRouteOptions(builder: SummaryBuilder, instance: ContainerSummary, call: ts.CallExpression): void {
  const options = objectOf(builder, call.arguments[0]);
  if (!options) return;
  const methods = stringList(property(builder, options, 'method'));
  const urlNode = property(builder, options, 'url') ?? property(builder, options, 'path');
  const path = pathArgument(builder, urlNode);
  const handler = propertyOrMethod(builder, options, 'handler');
  if (!methods || !path || !handler) return;
  const middleware = routeHooks(builder, options);
  const at = builder.spotAt(call.getStart(builder.sourceFile), urlNode!.getEnd());
  for (const method of methods) addRoute(builder, instance, { method: method.toLowerCase(), path, middleware, handler, at, statement: call });
}

function routeHooks(builder: SummaryBuilder, options: ts.ObjectLiteralExpression): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const hook of ROUTE_HOOKS) {
    const value = propertyOrMethod(builder, options, hook);
    if (value && ts.isMethodDeclaration(value)) out.push(inlineHook(builder, value));
    else if (value) out.push(...hookMiddleware(builder, value));
  }
  return out;
}

/** `{ async preHandler(request) { … } }`: a hook written as a method of the route options. */
function inlineHook(builder: SummaryBuilder, method: ts.MethodDeclaration): MiddlewareRef {
  const at = builder.spot(method);
  const name = propertyNameText(method.name) ?? 'hook';
  return { ref: { kind: 'function', id: builder.functionSummary(method, name).id }, text: `${name} (inline function, line ${at.line + 1})`, code: method.getText(builder.sourceFile), at };
}

/** A hook value: one function, an array of them, `fastify.authenticate`, or `fastify.auth([a, b], { relation })`. */
function hookMiddleware(builder: SummaryBuilder, value: ts.Expression): MiddlewareRef[] {
  const out: MiddlewareRef[] = [];
  for (const expression of flattenArguments(builder, [value])) {
    const combined = authCombinator(builder, expression);
    out.push(...(combined ?? [instanceMiddleware(builder, expression)]));
  }
  return out;
}

/** `fastify.authenticate` where `fastify` is an instance: a decoration, found through the contexts when linking. */
function instanceMiddleware(builder: SummaryBuilder, expression: ts.Expression): MiddlewareRef {
  const reference = builder.middleware(expression);
  const inner = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(inner) && containerAt(builder, inner.expression, 'fastify')) return { ...reference, decoration: inner.name.text };
  const destructured = ts.isIdentifier(inner) ? destructuredDecoration(builder, inner) : undefined;
  return destructured ? { ...reference, decoration: destructured } : reference;
}

/** `const { authorize } = fastify` then `addHook('onRequest', authorize)`. */
function destructuredDecoration(builder: SummaryBuilder, identifier: ts.Identifier): string | undefined {
  const node = builder.index.resolve(identifier)?.node;
  if (!node || !ts.isBindingElement(node) || !ts.isObjectBindingPattern(node.parent)) return undefined;
  const holder = node.parent.parent;
  if (!ts.isVariableDeclaration(holder) || !holder.initializer || !containerAt(builder, holder.initializer, 'fastify')) return undefined;
  return propertyNameText(node.propertyName ?? node.name);
}

/** @fastify/auth: `fastify.auth([a, b])` passes when any passes; with `{ relation: 'and' }` when all pass. */
function authCombinator(builder: SummaryBuilder, expression: ts.Expression): MiddlewareRef[] | undefined {
  const inner = skipOuterExpressions(expression);
  if (!ts.isCallExpression(inner) || !ts.isPropertyAccessExpression(inner.expression) || inner.expression.name.text !== FASTIFY.authCombinator) return undefined;
  if (!containerAt(builder, inner.expression.expression, 'fastify')) return undefined;
  const list = inner.arguments[0] && skipOuterExpressions(inner.arguments[0]);
  if (!list || !ts.isArrayLiteralExpression(list)) return undefined;
  const alternatives = flattenArguments(builder, [list]).map((element) => instanceMiddleware(builder, element));
  const options = inner.arguments[1] && skipOuterExpressions(inner.arguments[1]);
  const relation = options && ts.isObjectLiteralExpression(options) ? staticStringValue(skipOuterExpressions(property(builder, options, 'relation') ?? options)) : undefined;
  if (relation === 'and' || alternatives.length === 1) return alternatives;
  return [{ ...builder.middleware(expression), anyOf: alternatives }];
}

/** `register(plugin, { prefix })`: a child context, or the same one for `fp(plugin)`; autoload is only noted. */
function registerPlugin(builder: SummaryBuilder, instance: ContainerSummary, call: ts.CallExpression, names: FastifyNames): void {
  const [pluginNode, optionsNode] = call.arguments;
  if (!pluginNode) return;
  let plugin = skipOuterExpressions(pluginNode);
  if ((ts.isIdentifier(plugin) && names.autoload.has(plugin.text)) || (requiredModule(plugin) !== undefined && FASTIFY.autoload.has(requiredModule(plugin)!))) {
    registerAutoload(builder, instance, call, optionsNode);
    return;
  }
  let sharesContext = false;
  if (ts.isCallExpression(plugin) && calleeIn(plugin, names.wrappers) && plugin.arguments[0]) {
    plugin = skipOuterExpressions(plugin.arguments[0]);
    sharesContext = true;
  }
  const inline = pluginFunction(plugin);
  if (inline) claimPlugin(builder, inline, sharesContext);
  const target = dynamicImport(plugin) ?? builder.ref(plugin);
  const options = optionsNode && skipOuterExpressions(optionsNode);
  const prefixNode = options && ts.isObjectLiteralExpression(options) ? property(builder, options, 'prefix') : undefined;
  const prefix = sharesContext ? undefined : pathArgument(builder, prefixNode)?.path;
  instance.layers.push({ kind: 'mount', ...(prefix ? { path: prefix } : {}), target, middleware: [], at: builder.spot(call), encapsulated: !sharesContext, plugin: true });
}

/** `import('./routes/users')` (lazy plugins): the module's default export. */
function dynamicImport(node: ts.Expression): ValueRef | undefined {
  if (!ts.isCallExpression(node) || node.expression.kind !== ts.SyntaxKind.ImportKeyword) return undefined;
  const specifier = node.arguments[0] && staticStringValue(node.arguments[0]);
  return specifier === undefined ? undefined : { kind: 'module', module: specifier };
}

/**
 * `register(autoload, { dir: path.join(__dirname, 'routes'), options: { prefix } })`: the linker mounts every
 * plugin file of that folder. A plugin that autoloads its routes is the application (fastify-cli serves it).
 */
function registerAutoload(builder: SummaryBuilder, instance: ContainerSummary, call: ts.CallExpression, optionsNode: ts.Expression | undefined): void {
  const options = optionsNode && skipOuterExpressions(optionsNode);
  const object = options && ts.isObjectLiteralExpression(options) ? options : undefined;
  const dirNode = object && property(builder, object, 'dir');
  const dir = dirNode && directoryOf(dirNode);
  if (dir === undefined) {
    builder.summary.unmodelled.push({ framework: 'fastify', what: `${builder.displayName(call.expression)}(autoload, …): @fastify/autoload loads the plugins of a folder that is not a constant; their routes are not linked to this app`, at: builder.spot(call) });
    return;
  }
  const pluginOptions = object && objectOf(builder, property(builder, object, 'options'));
  const prefix = pathArgument(builder, pluginOptions && property(builder, pluginOptions, 'prefix'))?.path;
  const dirNamePrefix = object && property(builder, object, 'dirNameRoutePrefix');
  const routeParams = object && property(builder, object, 'routeParams');
  instance.layers.push({
    kind: 'mount',
    ...(prefix ? { path: prefix } : {}),
    target: { kind: 'opaque', text: '@fastify/autoload' },
    middleware: [],
    at: builder.spot(call),
    encapsulated: true,
    plugin: true,
    autoload: { dir, dirNamePrefix: dirNamePrefix?.kind !== ts.SyntaxKind.FalseKeyword, ...(routeParams?.kind === ts.SyntaxKind.TrueKeyword ? { routeParams: true } : {}) },
  });
  if (instance.kind === 'plugin' && !instance.sharesParentContext) instance.kind = 'app';
}

/** `path.join(__dirname, 'src', 'routes')`, `join(import.meta.url, 'routes')`, `new URL('./routes', import.meta.url)`. */
function directoryOf(node: ts.Expression, depth = 0): string | undefined {
  const inner = skipOuterExpressions(node);
  const literal = staticStringValue(inner);
  if (literal !== undefined) return literal;
  // `${import.meta.dirname}/routes`: the constant tail.
  if (ts.isTemplateExpression(inner)) return inner.templateSpans[inner.templateSpans.length - 1]?.literal.text.replace(/^\/+/, '') || undefined;
  if (depth > 3 || !(ts.isCallExpression(inner) || ts.isNewExpression(inner))) return undefined;
  const parts = (inner.arguments ?? []).map((argument) => directoryOf(argument, depth + 1)).filter((part): part is string => part !== undefined);
  return parts.length > 0 ? parts.join('/') : undefined;
}

/** `export const autoPrefix = '/_app'`, `module.exports.autoPrefix = '/_app'`: top-level statements only. */
function autoPrefixOf(sourceFile: ts.SourceFile): string | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (ts.isIdentifier(declaration.name) && declaration.name.text === 'autoPrefix' && declaration.initializer) return staticStringValue(skipOuterExpressions(declaration.initializer));
      }
    } else if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = statement.expression.left;
      if (ts.isPropertyAccessExpression(target) && target.name.text === 'autoPrefix') return staticStringValue(skipOuterExpressions(statement.expression.right));
    }
  }
  return undefined;
}

function property(builder: SummaryBuilder, object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  const found = propertyOrMethod(builder, object, name);
  return found && !ts.isMethodDeclaration(found) ? found : undefined;
}

/** A property of an options object, the last one written winning; spreads of `const` objects followed. */
function propertyOrMethod(builder: SummaryBuilder, object: ts.ObjectLiteralExpression, name: string, depth = 0): ts.Expression | ts.MethodDeclaration | undefined {
  for (const element of [...object.properties].reverse()) {
    if (ts.isPropertyAssignment(element) && propertyNameText(element.name) === name) return element.initializer;
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === name) return element.name;
    if (ts.isMethodDeclaration(element) && propertyNameText(element.name) === name) return element;
    if (ts.isSpreadAssignment(element) && depth < MAX_SPREAD_DEPTH) {
      const spread = objectOf(builder, element.expression);
      const found = spread && propertyOrMethod(builder, spread, name, depth + 1);
      if (found) return found;
    }
  }
  return undefined;
}

/** An object literal, written in place or held by a `const` (`const opts = { preHandler: [auth] }`). */
function objectOf(builder: SummaryBuilder, node: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  const inner = node && skipOuterExpressions(node);
  if (!inner) return undefined;
  if (ts.isObjectLiteralExpression(inner)) return inner;
  if (!ts.isIdentifier(inner)) return undefined;
  const declaration = builder.index.resolve(inner);
  if (!declaration?.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
  const initializer = skipOuterExpressions(declaration.node.initializer);
  return ts.isObjectLiteralExpression(initializer) ? initializer : undefined;
}
