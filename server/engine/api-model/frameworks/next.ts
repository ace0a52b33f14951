// Next.js: file-system routes. An App Router `route.ts` exports one handler per method; a Pages Router file under
// `pages/api/` default-exports one handler (for the methods it checks `req.method` against, else all); `middleware.ts`
// (or Next 16's `proxy.ts`) runs before the routes its `config.matcher` covers. The file's place decides its role;
// its path is worked out by the linker, which knows where the app root is. Reads top-level statements only.
import * as ts from 'typescript';
import { analyzeHandlerAuth, analyzeMiddlewareAuth } from '../../../../rules/support/auth-behaviour';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { NEXT } from '../../../../rules/data/frameworks';
import type { SummaryBuilder } from '../summarize';
import type { MiddlewareRef, NextHandler, NextMiddleware, NextSummary } from '../summary';
import type { FrameworkSummarizer } from './index';

export const nextSummarizer: FrameworkSummarizer = {
  framework: 'nextjs',
  summarize(builder) {
    const role = nextFileRole(builder.filePath);
    if (!role) return;
    const next: NextSummary = { kind: role, handlers: [] };
    if (role === 'app-route') readRouteHandlers(builder, next);
    else if (role === 'pages-api') readPagesHandler(builder, next);
    else if (role === 'config') {
      const basePath = readBasePath(builder);
      if (basePath === undefined) return;
      next.basePath = basePath;
    } else {
      const middleware = readMiddleware(builder);
      if (!middleware) return;
      next.middleware = middleware;
    }
    if (next.handlers.length > 0 || next.middleware || next.basePath !== undefined) builder.summary.next = next;
  },
};

/** What a file is to Next.js, by its place: `app/**\/route.ts`, `pages/api/**`, `middleware.ts`. */
export function nextFileRole(filePath: string): NextSummary['kind'] | undefined {
  const normalised = filePath.replace(/\\/g, '/');
  if (!NEXT.scriptExtension.test(normalised) || /\.d\.[mc]?ts$/.test(normalised)) return undefined;
  const segments = normalised.split('/');
  // Build output (`.next/server/app/…/route.js`) and installed packages are not the app's source.
  if (segments.some((segment) => segment === 'node_modules' || (segment.startsWith('.') && segment.length > 1 && segment !== '..'))) return undefined;
  const stem = segments[segments.length - 1]!.replace(NEXT.scriptExtension, '');
  if (NEXT.configFile.test(segments[segments.length - 1]!)) return 'config';
  if (stem === 'route' && segments.includes('app')) return 'app-route';
  if (segments.some((segment, i) => segment === 'pages' && segments[i + 1] === 'api' && i + 2 < segments.length)) return 'pages-api';
  if (NEXT.middlewareFileNames.has(stem)) return 'middleware';
  return undefined;
}

// ---- App Router: `export async function GET`, `export const POST = …`, `export { handler as PUT }` ----

function readRouteHandlers(builder: SummaryBuilder, next: NextSummary): void {
  for (const statement of builder.sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && statement.name && NEXT.routeHandlerMethods.has(statement.name.text)) {
      next.handlers.push(handlerOf(builder, statement.name.text, statement.name.text, spanTo(builder, statement, statement.name), statement, statement));
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) readExportedVariable(builder, next, statement, declaration);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause) && !statement.isTypeOnly) {
      const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      for (const element of statement.exportClause.elements) {
        if (!NEXT.routeHandlerMethods.has(element.name.text)) continue;
        const local = element.propertyName ?? element.name;
        const at = builder.spot(element);
        const fn = module === undefined && ts.isIdentifier(local) ? localFunction(builder, local) : undefined;
        if (fn) next.handlers.push(handlerOf(builder, element.name.text, local.text, at, fn, statement));
        else {
          const ref: MiddlewareRef = { ref: module !== undefined ? { kind: 'module', module, members: [local.text] } : { kind: 'name', name: local.text }, text: local.text, at };
          const publicBy = module === undefined && ts.isIdentifier(local) ? authEndpointLabel(builder, local) : undefined;
          next.handlers.push({ method: element.name.text, name: local.text, at, ref, ...marker(builder, statement), ...(publicBy ? { publicBy } : {}) });
        }
      }
    }
  }
}

function readExportedVariable(builder: SummaryBuilder, next: NextSummary, statement: ts.VariableStatement, declaration: ts.VariableDeclaration): void {
  const initializer = declaration.initializer && skipOuterExpressions(declaration.initializer);
  if (!initializer) return;
  if (ts.isIdentifier(declaration.name)) {
    const method = declaration.name.text;
    if (!NEXT.routeHandlerMethods.has(method)) return;
    const at = spanTo(builder, statement, declaration.name);
    const fn = functionOf(builder, initializer);
    if (fn) next.handlers.push(handlerOf(builder, method, method, at, fn, statement, ts.isCallExpression(initializer) ? middlewareRef(builder, initializer) : undefined));
    else next.handlers.push({ method, name: builder.handlerName(initializer), at, ref: builder.middleware(initializer), ...marker(builder, statement) });
  } else if (ts.isObjectBindingPattern(declaration.name)) {
    // `export const { GET, POST } = handlers` (Auth.js): each method is a member of the value.
    const base = builder.ref(initializer);
    for (const element of declaration.name.elements) {
      const method = ts.isIdentifier(element.name) ? element.name.text : undefined;
      if (!method || !NEXT.routeHandlerMethods.has(method)) continue;
      const member = propertyNameText(element.propertyName) ?? method;
      const ref = base.kind === 'name' || base.kind === 'module' ? { ...base, members: [...(base.members ?? []), member] } : base;
      const text = `${builder.handlerName(initializer)}.${member}`;
      next.handlers.push({ method, name: text, at: builder.spot(element), ref: { ref, text, at: builder.spot(element) }, ...marker(builder, statement) });
    }
  }
}

function handlerOf(builder: SummaryBuilder, method: string, name: string, at: NextHandler['at'], fn: ts.FunctionLikeDeclaration, statement: ts.Statement, wrapper?: MiddlewareRef): NextHandler {
  const auth = fn.body ? analyzeHandlerAuth(fn, builder.sourceFile) : undefined;
  return { method, name, at, ...(wrapper ? { ref: wrapper } : {}), ...(auth ? { auth } : {}), ...marker(builder, statement) };
}

// ---- Pages Router: the default export ----

function readPagesHandler(builder: SummaryBuilder, next: NextSummary): void {
  for (const statement of builder.sourceFile.statements) {
    let value: ts.Expression | ts.FunctionDeclaration | undefined;
    let at: NextHandler['at'] | undefined;
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) {
      value = statement;
      at = spanTo(builder, statement, statement.name ?? statement);
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      value = skipOuterExpressions(statement.expression);
      at = spanTo(builder, statement, statement);
    }
    if (!value || !at) continue;
    const fn = ts.isFunctionDeclaration(value) ? value : functionOf(builder, value);
    const name = ts.isFunctionDeclaration(value) ? value.name?.text ?? 'default' : builder.handlerName(value);
    const wrapper = !ts.isFunctionDeclaration(value) ? wrapperCall(builder, value) : undefined;
    const methods = fn ? methodsChecked(builder, fn) : [];
    const publicBy = ts.isFunctionDeclaration(value) ? undefined : authEndpointLabel(builder, value);
    for (const method of methods.length > 0 ? methods : ['ALL']) {
      if (fn) next.handlers.push(handlerOf(builder, method, name, at, fn, statement, wrapper));
      else next.handlers.push({ method, name, at, ref: builder.middleware(value as ts.Expression), ...marker(builder, statement), ...(publicBy ? { publicBy } : {}) });
    }
    return;
  }
}

/** The methods a Pages handler compares `req.method` with (`=== 'POST'`, `!== 'POST'`, `case 'GET':`). Cheap text test. */
function methodsChecked(builder: SummaryBuilder, fn: ts.FunctionLikeDeclaration): string[] {
  const text = fn.getText(builder.sourceFile);
  if (!text.includes('.method')) return [];
  const methods = new Set<string>();
  for (const match of text.matchAll(/\.method\s*[!=]==?\s*['"`]([A-Za-z]+)['"`]|['"`]([A-Za-z]+)['"`]\s*[!=]==?\s*\w+\.method\b/g)) methods.add((match[1] ?? match[2])!.toUpperCase());
  if (/switch\s*\(\s*[\w.]*\.method\s*\)/.test(text)) {
    for (const match of text.matchAll(/case\s+['"`]([A-Za-z]+)['"`]\s*:/g)) methods.add(match[1]!.toUpperCase());
  }
  return [...methods].filter((method) => NEXT.routeHandlerMethods.has(method));
}

// ---- next.config.* ----

/** `basePath: '/docs'` in the config object: exported, assigned to `module.exports`, or held in a top-level const. */
function readBasePath(builder: SummaryBuilder): string | undefined {
  for (const statement of builder.sourceFile.statements) {
    const values: ts.Expression[] = [];
    if (ts.isVariableStatement(statement)) for (const d of statement.declarationList.declarations) if (d.initializer) values.push(d.initializer);
    if (ts.isExportAssignment(statement)) values.push(statement.expression);
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) values.push(statement.expression.right);
    for (const value of values) {
      let node = skipOuterExpressions(value);
      // `withBundleAnalyzer({ … })`: the config is the wrapper's argument.
      if (ts.isCallExpression(node) && node.arguments[0]) node = skipOuterExpressions(node.arguments[0]);
      if (!ts.isObjectLiteralExpression(node)) continue;
      const property = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'basePath');
      const basePath = property && staticStringValue(skipOuterExpressions(property.initializer));
      if (basePath) return basePath;
    }
  }
  return undefined;
}

// ---- middleware.ts / proxy.ts ----

function readMiddleware(builder: SummaryBuilder): NextMiddleware | undefined {
  let handler: MiddlewareRef | undefined;
  let fn: ts.FunctionLikeDeclaration | undefined;
  let matcher: string[] | undefined;
  const matcherNotes: string[] = [];
  for (const statement of builder.sourceFile.statements) {
    if (ts.isFunctionDeclaration(statement) && isExported(statement) && (hasModifier(statement, ts.SyntaxKind.DefaultKeyword) || isMiddlewareName(statement.name?.text))) {
      fn = statement;
      handler = { ref: { kind: 'function', id: builder.functionSummary(statement).id }, text: statement.name?.text ?? 'default', at: spanTo(builder, statement, statement.name ?? statement) };
    } else if (ts.isExportAssignment(statement) && !statement.isExportEquals) {
      const value = skipOuterExpressions(statement.expression);
      fn = functionOf(builder, value);
      handler = middlewareRef(builder, value);
    } else if (ts.isVariableStatement(statement) && isExported(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const value = skipOuterExpressions(declaration.initializer);
        if (isMiddlewareName(declaration.name.text)) {
          fn = functionOf(builder, value);
          handler = middlewareRef(builder, value);
        } else if (declaration.name.text === 'config' && ts.isObjectLiteralExpression(value)) {
          matcher = readMatcher(builder, value, matcherNotes);
        }
      }
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      // `export { default } from 'next-auth/middleware'`, `export { auth as middleware } from './auth'`.
      const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      for (const element of statement.exportClause.elements) {
        if (element.name.text !== 'default' && !isMiddlewareName(element.name.text)) continue;
        const local = (element.propertyName ?? element.name).text;
        handler = { ref: module !== undefined ? { kind: 'module', module, members: [local] } : { kind: 'name', name: local }, text: local, at: builder.spot(element) };
      }
    }
  }
  if (!handler) return undefined;
  const auth = fn?.body ? analyzeMiddlewareAuth(fn, builder.sourceFile) : undefined;
  const protects = clerkProtection(builder, handler);
  return { handler, ...(auth ? { auth } : {}), ...(matcher ? { matcher } : {}), matcherNotes, ...(protects ? { protects } : {}) };
}

/** A wrapper given a callback is named `clerkMiddleware(…)`, `withAuth(…)`: the callback's text would drown the message. */
function middlewareRef(builder: SummaryBuilder, value: ts.Expression): MiddlewareRef {
  const ref = builder.middleware(value);
  if (ts.isCallExpression(value) && value.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument))) {
    return { ...ref, text: `${builder.textOf(value.expression)}(…)` };
  }
  return ref;
}

function isMiddlewareName(name: string | undefined): boolean {
  return name !== undefined && NEXT.middlewareFileNames.has(name);
}

/** `matcher: '/api/:path*'`, `['/a', '/b']`, `[{ source: '/api/:path*', missing: [...] }]`. */
function readMatcher(builder: SummaryBuilder, config: ts.ObjectLiteralExpression, notes: string[]): string[] | undefined {
  const property = config.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'matcher');
  if (!property) return undefined;
  const value = skipOuterExpressions(property.initializer);
  const entries = ts.isArrayLiteralExpression(value) ? value.elements : [value];
  const patterns: string[] = [];
  for (const entry of entries) {
    const node = skipOuterExpressions(entry as ts.Expression);
    const literal = staticStringValue(node);
    if (literal !== undefined) {
      patterns.push(literal);
      continue;
    }
    if (ts.isObjectLiteralExpression(node)) {
      const source = node.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'source');
      const text = source && staticStringValue(skipOuterExpressions(source.initializer));
      if (text !== undefined) {
        patterns.push(text);
        if (node.properties.some((p) => ts.isPropertyAssignment(p) && ['has', 'missing'].includes(propertyNameText(p.name) ?? ''))) {
          notes.push(`the matcher ${text} has has/missing conditions, read as always true`);
        }
        continue;
      }
    }
    notes.push(`a matcher entry is not a constant (${builder.textOf(entry as ts.Expression)})`);
  }
  return patterns;
}

/**
 * Clerk's `clerkMiddleware` protects nothing by itself: only what its callback passes to `auth.protect()`, often under
 * `if (isProtectedRoute(req))` (or `!isPublicRoute(req)`) with a `createRouteMatcher([...])`. The legacy
 * `authMiddleware({ publicRoutes })` protects everything else.
 */
function clerkProtection(builder: SummaryBuilder, handler: MiddlewareRef): NextMiddleware['protects'] {
  const ref = handler.ref;
  if (ref.kind !== 'call' || ref.callee.kind !== 'name') return undefined;
  const imported = builder.summary.imports[ref.callee.name];
  if (!imported || !NEXT.clerkModules.has(imported.module)) return undefined;
  const call = callAt(builder, handler.at.start);
  if (!call) return undefined;
  if (imported.imported === NEXT.clerkLegacyMiddleware) {
    const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    const publicRoutes = options && ts.isObjectLiteralExpression(options)
      ? options.properties.find((p): p is ts.PropertyAssignment => ts.isPropertyAssignment(p) && propertyNameText(p.name) === 'publicRoutes')
      : undefined;
    return { routes: 'except', patterns: publicRoutes ? stringsOf(skipOuterExpressions(publicRoutes.initializer)) : [] };
  }
  if (imported.imported !== NEXT.clerkMiddleware) return undefined;
  const callback = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (!callback || !(ts.isArrowFunction(callback) || ts.isFunctionExpression(callback))) return undefined;
  const protectCalls = builder.calls.filter((c) => c.pos >= callback.pos && c.end <= callback.end && ts.isPropertyAccessExpression(c.expression) && c.expression.name.text === 'protect');
  if (protectCalls.length === 0) return undefined;
  const first = protectCalls[0]!;
  const condition = enclosingCondition(first, callback);
  if (!condition) return { routes: 'all' };
  const negated = ts.isPrefixUnaryExpression(condition.expression) && condition.expression.operator === ts.SyntaxKind.ExclamationToken;
  const test = skipOuterExpressions(negated ? (condition.expression as ts.PrefixUnaryExpression).operand : condition.expression);
  const patterns = ts.isCallExpression(test) && ts.isIdentifier(test.expression) ? routeMatcherPatterns(builder, test.expression) : undefined;
  if (!patterns) return { routes: 'conditional', why: `auth.protect() runs only when ${builder.textOf(condition.expression)}` };
  const inElse = condition.inElse;
  return { routes: negated !== inElse ? 'except' : 'only', patterns };
}

/** The `if` whose branch holds `node` (inside `stop`), and whether `node` sits in its `else`. */
function enclosingCondition(node: ts.Node, stop: ts.Node): { expression: ts.Expression; inElse: boolean } | undefined {
  for (let child = node, current = node.parent; current && current !== stop; child = current, current = current.parent) {
    if (ts.isIfStatement(current) && child !== current.expression) return { expression: current.expression, inElse: child === current.elseStatement };
    if (ts.isConditionalExpression(current) && child !== current.condition) return { expression: current.condition, inElse: child === current.whenFalse };
    if (ts.isBinaryExpression(current) && current.operatorToken.kind === ts.SyntaxKind.AmpersandAmpersandToken && child === current.right) return { expression: current.left, inElse: false };
  }
  return undefined;
}

/** `const isProtectedRoute = createRouteMatcher(['/dashboard(.*)'])`: the patterns. */
function routeMatcherPatterns(builder: SummaryBuilder, identifier: ts.Identifier): string[] | undefined {
  const declaration = builder.index.resolve(identifier);
  const initializer = declaration && ts.isVariableDeclaration(declaration.node) && declaration.node.initializer ? skipOuterExpressions(declaration.node.initializer) : undefined;
  if (!initializer || !ts.isCallExpression(initializer) || !ts.isIdentifier(initializer.expression)) return undefined;
  const imported = builder.summary.imports[initializer.expression.text];
  if (!imported || !NEXT.clerkModules.has(imported.module) || imported.imported !== NEXT.clerkRouteMatcher) return undefined;
  const argument = initializer.arguments[0] && skipOuterExpressions(initializer.arguments[0]);
  const patterns = argument ? stringsOf(argument) : [];
  return patterns.length > 0 ? patterns : undefined;
}

function stringsOf(node: ts.Expression): string[] {
  const items = ts.isArrayLiteralExpression(node) ? node.elements : [node];
  return items.map((item) => staticStringValue(item)).filter((text): text is string => text !== undefined);
}

// ---- helpers ----

/** The function an exported value is or wraps: `async () => …`, `withAuth(async (req) => …)`, a local function's name. */
function functionOf(builder: SummaryBuilder, value: ts.Expression): ts.FunctionLikeDeclaration | undefined {
  const node = skipOuterExpressions(value);
  if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
  if (ts.isIdentifier(node)) return localFunction(builder, node);
  if (ts.isCallExpression(node)) {
    for (const argument of node.arguments) {
      const inner = functionOf(builder, argument);
      if (inner) return inner;
    }
  }
  return undefined;
}

/** A wrapper around the handler (`withApiAuth(handler)`): the linker decides what it does. */
function wrapperCall(builder: SummaryBuilder, value: ts.Expression): MiddlewareRef | undefined {
  let node = skipOuterExpressions(value);
  if (ts.isIdentifier(node)) {
    const declaration = builder.index.resolve(node);
    if (declaration && ts.isVariableDeclaration(declaration.node) && declaration.node.initializer) node = skipOuterExpressions(declaration.node.initializer);
  }
  return ts.isCallExpression(node) ? middlewareRef(builder, node) : undefined;
}

/** `NextAuth(authOptions)`, directly or through a local `const handler = NextAuth(…)`: the library's own endpoints. */
function authEndpointLabel(builder: SummaryBuilder, value: ts.Expression): string | undefined {
  let node = skipOuterExpressions(value);
  if (ts.isIdentifier(node)) {
    const declaration = builder.index.resolve(node);
    if (!declaration || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
    node = skipOuterExpressions(declaration.node.initializer);
  }
  if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression)) return undefined;
  const imported = builder.summary.imports[node.expression.text];
  return imported && NEXT.authEndpointFactories.find((entry) => entry.module === imported.module && entry.exportName === imported.imported)?.label;
}

function localFunction(builder: SummaryBuilder, identifier: ts.Identifier): ts.FunctionLikeDeclaration | undefined {
  const declaration = builder.index.resolve(identifier);
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration.node)) return declaration.node;
  if (ts.isVariableDeclaration(declaration.node) && declaration.node.initializer) {
    const initializer = skipOuterExpressions(declaration.node.initializer);
    if (initializer !== identifier) return functionOf(builder, initializer);
  }
  return undefined;
}

function callAt(builder: SummaryBuilder, start: number): ts.CallExpression | undefined {
  for (const call of builder.calls) if (ts.isCallExpression(call) && call.getStart(builder.sourceFile) === start) return call;
  return undefined;
}

/** From the statement's start to the end of `name` (`export async function GET`), or its `export default` keywords. */
function spanTo(builder: SummaryBuilder, statement: ts.Node, name: ts.Node): NextHandler['at'] {
  const start = statement.getStart(builder.sourceFile);
  if (name !== statement) return builder.spotAt(start, name.getEnd());
  const keywords = /^export\s+default\b/.exec(builder.sourceFile.text.slice(start, start + 40));
  return builder.spotAt(start, keywords ? start + keywords[0].length : statement.getEnd());
}

function marker(builder: SummaryBuilder, statement: ts.Statement): { publicMarker?: NonNullable<NextHandler['publicMarker']> } {
  const found = builder.publicMarkerBefore(statement);
  return found ? { publicMarker: found } : {};
}

function isExported(node: ts.Node): boolean {
  return hasModifier(node, ts.SyntaxKind.ExportKeyword);
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}
