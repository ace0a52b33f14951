// missing-auth: a route that nothing on its path authenticates — not the app, the routers it is mounted on, a
// prefix middleware, a guard, nor the handler itself. Decided from the workspace's API model (routes across files,
// mounts, middleware order, guards), not from names on one line. Fixes: add the middleware (or NestJS guard) most
// routes of the same router use, importing it if needed; or mark the route public with a reason.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { ApiModel, ApiRoute, AuthSuggestion } from './support/api-model';
import { lineBreakOf } from './support/ast';
import { defineRule, type RuleContext, type RuleEdit, type RuleFix, type Severity } from './support/rule';
import { STATE_CHANGING_METHODS } from './data/frameworks';

type MessageId = 'missingAuth' | 'fallsThrough' | 'adminWithoutRole' | 'publicWithoutReason';

/** Path segments and handler words that say a read returns user or account data (a warning, not information). */
// Not `profiles`: public profiles are a common design (RealWorld's `GET /profiles/:username`).
const USER_DATA_WORDS = /^(users?|me|accounts?|customers?|members?|orders?|payments?|invoices?|billing|cards?|addresses|wallets?|transactions?|messages?|settings|sessions?|tokens?|keys?|secrets?|admin\w*)$/i;
const ADMIN_WORD = /^admin/i;

export const missingAuth = defineRule<Record<string, never>, MessageId>({
  meta: {
    id: 'missing-auth',
    description: 'Routes that nothing on their path authenticates (app, mounted routers, prefix middleware, guards, the handler).',
    category: 'authorization',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-306', 'CWE-862'],
    owaspApi: 'API2:2023 Broken Authentication',
    frameworks: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs'],
    requiresTypes: false,
    requiresApiModel: true,
    fixable: true,
    messages: {
      missingAuth: '{{method}} {{path}} has no authentication: nothing on its path checks who is calling ({{chain}}).',
      fallsThrough: '{{method}} {{path}} is not protected: {{middleware}} {{why}} ({{chain}}).',
      adminWithoutRole: '{{method}} {{path}} looks administrative but is only authenticated ({{by}}): no role or permission check is on its path.',
      publicWithoutReason: '{{method}} {{path}} is marked public without a reason: say why it needs no authentication after "--".',
    },
  },
  defaultOptions: {},
  hasFindingsIn: (model, filePath) => model.routesDeclaredIn(filePath).some((route) => reportable(route) !== undefined),
  create(context) {
    const calls: ts.CallExpression[] = [];
    const methods: ts.MethodDeclaration[] = [];
    return {
      [ts.SyntaxKind.CallExpression]: (node) => {
        calls.push(node as ts.CallExpression);
      },
      [ts.SyntaxKind.MethodDeclaration]: (node) => {
        methods.push(node as ts.MethodDeclaration);
      },
      onEnd() {
        const model = context.getApiModel();
        // Until the whole workspace is indexed, a router's mount (and its middleware) may simply not be seen yet.
        if (!model.complete) return;
        for (const route of model.routesDeclaredIn(context.filePath)) reportRoute(context, model, route, calls, methods);
      },
    };
  },
});

/** What a route's verdict gives this rule to report, if anything. */
function reportable(route: ApiRoute): MessageId | undefined {
  const auth = route.auth;
  if (auth.status === 'public') return auth.reason === 'marked public (no reason given)' ? 'publicWithoutReason' : undefined;
  if (auth.status === 'unknown') return undefined;
  if (auth.status === 'authenticated') return !auth.authorization && looksAdministrative(route) ? 'adminWithoutRole' : undefined;
  return auth.fallsThrough ? 'fallsThrough' : 'missingAuth';
}

function reportRoute(context: RuleContext<Record<string, never>>, model: ApiModel, route: ApiRoute, calls: ts.CallExpression[], methods: ts.MethodDeclaration[]): void {
  const range = { start: route.declaredAt.start, end: route.declaredAt.end };
  if (range.end > context.text.length) return;
  const messageId = reportable(route);
  if (!messageId) return;
  const data = { method: route.method, path: route.path, chain: describeChain(route) };
  const auth = route.auth;
  if (messageId === 'publicWithoutReason') {
    context.report({ messageId, range, data, severity: 'warning' });
  } else if (messageId === 'adminWithoutRole' && auth.status === 'authenticated') {
    // Information: a role check may sit in the handlers or a service, which the model does not see. Tried on public
    // apps, a warning on every route of an admin area was noise.
    context.report({ messageId, range, data: { ...data, by: auth.by.name }, severity: 'info' });
  } else if (messageId === 'fallsThrough' && auth.status === 'none' && auth.fallsThrough) {
    const fixes = fixesFor(context, model, route, calls, methods);
    context.report({ messageId, range, data: { ...data, middleware: auth.fallsThrough.name, why: auth.fallsThrough.fallsThrough ?? '' }, severity: severityFor(route), fixes });
  } else if (messageId === 'missingAuth') {
    context.report({ messageId, range, data, severity: severityFor(route), fixes: fixesFor(context, model, route, calls, methods) });
  }
}

/** Error for state-changing methods; warning for reads of user or account data; information for other reads. */
function severityFor(route: ApiRoute): Severity {
  if (STATE_CHANGING_METHODS.has(route.method)) return 'error';
  const words = [...route.path.split('/'), ...route.handler.split(/[^A-Za-z]+/)].filter(Boolean);
  return words.some((word) => USER_DATA_WORDS.test(word) || /user|account/i.test(word)) ? 'warning' : 'info';
}

function looksAdministrative(route: ApiRoute): boolean {
  return route.path.split('/').some((segment) => ADMIN_WORD.test(segment)) || /(^|\W)admin/i.test(route.handler);
}

/** "mounted at /api via app.ts:12; middleware: cors(), express.json()" — what was examined, so it can be trusted or corrected. */
function describeChain(route: ApiRoute): string {
  const parts: string[] = [];
  for (const mount of route.mounts) parts.push(`mounted at ${mount.path} via ${path.basename(mount.at.filePath)}:${mount.at.line + 1}`);
  const names = route.chain.map((link) => link.name);
  const nest = route.framework === 'nestjs';
  parts.push(names.length > 0 ? `${nest ? 'guards and middleware' : 'middleware'}: ${names.join(', ')}` : nest ? 'no guard or middleware' : 'no middleware');
  return parts.join('; ');
}

// ---- Fixes ----

function fixesFor(context: RuleContext<Record<string, never>>, model: ApiModel, route: ApiRoute, calls: ts.CallExpression[], methods: ts.MethodDeclaration[]): RuleFix[] {
  const fixes: RuleFix[] = [];
  const suggestion = model.suggestedAuthFor(route);
  if (suggestion) {
    const fix = suggestion.kind === 'guard' ? addGuard(context, route, suggestion, methods) : addMiddleware(context, route, suggestion, calls);
    if (fix) fixes.push(fix);
  }
  const marker = markPublic(context, route);
  if (marker) fixes.push(marker);
  return fixes;
}

/** `router.post('/x', handler)` → `router.post('/x', requireLogin, handler)`; the name imported when needed. */
function addMiddleware(context: RuleContext<Record<string, never>>, route: ApiRoute, suggestion: AuthSuggestion, calls: ts.CallExpression[]): RuleFix | undefined {
  if (route.framework === 'fastify' || route.framework === 'nextjs' || route.framework === 'nestjs') return undefined;
  const call = calls.find((candidate) => {
    const callee = candidate.expression;
    return candidate.getStart(context.sourceFile) === route.declaredAt.start || (ts.isPropertyAccessExpression(callee) && callee.name.getStart(context.sourceFile) === route.declaredAt.start);
  });
  if (!call) return undefined;
  const callee = call.expression;
  // In a `route('/x').get(handler)` chain the handlers are all the arguments; otherwise the path comes first.
  const inChain = ts.isPropertyAccessExpression(callee) && ts.isCallExpression(callee.expression);
  const before = inChain ? call.arguments[0] : call.arguments[1];
  if (!before) return undefined;
  const imported = importFor(context, suggestion);
  if (imported === null) return undefined;
  const edits: RuleEdit[] = [{ start: before.getStart(context.sourceFile), end: before.getStart(context.sourceFile), newText: `${suggestion.code}, ` }];
  if (imported) edits.push(imported);
  return { title: `Add ${suggestion.name} to this route`, edits, isPreferred: true };
}

/** NestJS: `@UseGuards(JwtAuthGuard)` above the handler, with the imports it needs. */
function addGuard(context: RuleContext<Record<string, never>>, route: ApiRoute, suggestion: AuthSuggestion, methods: ts.MethodDeclaration[]): RuleFix | undefined {
  const method = methods.find((candidate) => candidate.getStart(context.sourceFile) <= route.declaredAt.start && route.declaredAt.start < candidate.getEnd());
  if (!method) return undefined;
  const imported = importFor(context, suggestion);
  if (imported === null) return undefined;
  const start = method.getStart(context.sourceFile);
  const indent = indentationAt(context.text, start);
  const edits: RuleEdit[] = [{ start, end: start, newText: `@UseGuards(${suggestion.code})${lineBreakOf(context.text)}${indent}` }];
  const useGuards = importFor(context, { code: 'UseGuards', name: 'UseGuards', kind: 'guard', importFrom: { module: '@nestjs/common', exportName: 'UseGuards', localName: 'UseGuards' } });
  if (useGuards === null) return undefined;
  if (useGuards) edits.push(useGuards);
  if (imported) edits.push(imported);
  return { title: `Add @UseGuards(${suggestion.name}) to this handler`, edits, isPreferred: true };
}

/** `// apiguard-public -- <reason>` above the route: the placeholder keeps a finding until a reason is written. */
function markPublic(context: RuleContext<Record<string, never>>, route: ApiRoute): RuleFix | undefined {
  const lineStart = lineStartOf(context.text, route.declaredAt.start);
  const indent = indentationAt(context.text, lineStart);
  const statementStart = lineStart + indent.length;
  return {
    title: 'Mark this route as public (give the reason)',
    edits: [{ start: statementStart, end: statementStart, newText: `// apiguard-public -- <reason>${lineBreakOf(context.text)}${indent}` }],
  };
}

/**
 * The import that makes `suggestion` available in this file: undefined when nothing is needed, null when it
 * cannot be done safely (the local name is taken by something else).
 */
function importFor(context: RuleContext<Record<string, never>>, suggestion: AuthSuggestion): RuleEdit | undefined | null {
  const from = suggestion.importFrom;
  if (!from) return undefined;
  const localName = from.localName;
  const existing = topLevelBinding(context.sourceFile, localName);
  if (existing) return existing === 'same' ? undefined : isSameImport(existing, context, from) ? undefined : null;
  const specifier = 'module' in from ? from.module : relativeSpecifier(context, from.filePath);
  if (specifier === undefined) return null;
  const lineBreak = lineBreakOf(context.text);
  const esm = usesEsmImports(context.sourceFile);
  const named = from.exportName !== 'default' && from.exportName !== '*';
  let statement: string;
  if (esm) {
    // Add to an existing `import { … } from '<specifier>'` when there is one.
    const merged = named ? mergeIntoNamedImport(context, specifier, from.exportName, localName) : undefined;
    if (merged) return merged;
    statement = named
      ? `import { ${from.exportName === localName ? localName : `${from.exportName} as ${localName}`} } from '${specifier}';`
      : from.exportName === '*' ? `import * as ${localName} from '${specifier}';` : `import ${localName} from '${specifier}';`;
  } else {
    statement = named
      ? `const { ${from.exportName === localName ? localName : `${from.exportName}: ${localName}`} } = require('${specifier}');`
      : `const ${localName} = require('${specifier}');`;
  }
  const position = afterLastImport(context.sourceFile);
  return { start: position, end: position, newText: position === 0 ? `${statement}${lineBreak}` : `${lineBreak}${statement}` };
}

type Binding = 'same' | ts.ImportDeclaration | ts.Node;

/** A top-level declaration of `name` in the file, if any. */
function topLevelBinding(sourceFile: ts.SourceFile, name: string): Binding | undefined {
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      if (clause?.name?.text === name) return statement;
      const bindings = clause?.namedBindings;
      if (bindings && ts.isNamespaceImport(bindings) && bindings.name.text === name) return statement;
      if (bindings && ts.isNamedImports(bindings) && bindings.elements.some((element) => element.name.text === name)) return statement;
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (bindsName(declaration.name, name)) return declaration;
      }
    } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name?.text === name) {
      return 'same';
    }
  }
  return undefined;
}

function bindsName(binding: ts.BindingName, name: string): boolean {
  if (ts.isIdentifier(binding)) return binding.text === name;
  return binding.elements.some((element) => !ts.isOmittedExpression(element) && bindsName(element.name, name));
}

/** The name is already imported from the module the suggestion names (or declared here): nothing to add. */
function isSameImport(existing: ts.Node, context: RuleContext<Record<string, never>>, from: NonNullable<AuthSuggestion['importFrom']>): boolean {
  const specifier = ts.isImportDeclaration(existing) && ts.isStringLiteral(existing.moduleSpecifier)
    ? existing.moduleSpecifier.text
    : ts.isVariableDeclaration(existing) && existing.initializer ? requireSpecifier(existing.initializer) : undefined;
  if (specifier === undefined) return 'filePath' in from && path.resolve(from.filePath) === path.resolve(context.filePath);
  if ('module' in from) return specifier === from.module;
  return stripScriptExtension(path.resolve(path.dirname(context.filePath), specifier)) === stripScriptExtension(path.resolve(from.filePath)) ||
    path.resolve(path.dirname(context.filePath), specifier) === path.dirname(path.resolve(from.filePath)) && path.basename(from.filePath).startsWith('index.');
}

function requireSpecifier(expression: ts.Expression): string | undefined {
  let current = expression;
  while (ts.isPropertyAccessExpression(current)) current = current.expression;
  return ts.isCallExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'require' && current.arguments[0] && ts.isStringLiteral(current.arguments[0]) ? current.arguments[0].text : undefined;
}

function mergeIntoNamedImport(context: RuleContext<Record<string, never>>, specifier: string, exportName: string, localName: string): RuleEdit | undefined {
  for (const statement of context.sourceFile.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier) || statement.moduleSpecifier.text !== specifier) continue;
    const bindings = statement.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings) || statement.importClause?.isTypeOnly) continue;
    const last = bindings.elements[bindings.elements.length - 1];
    const element = exportName === localName ? localName : `${exportName} as ${localName}`;
    if (!last) return { start: bindings.getStart(context.sourceFile) + 1, end: bindings.getStart(context.sourceFile) + 1, newText: ` ${element} ` };
    return { start: last.getEnd(), end: last.getEnd(), newText: `, ${element}` };
  }
  return undefined;
}

/** `./middleware/auth` from this file to the target, with `.js` when the file's own relative imports use it. */
function relativeSpecifier(context: RuleContext<Record<string, never>>, target: string): string | undefined {
  if (path.resolve(target) === path.resolve(context.filePath)) return undefined;
  let relative = path.relative(path.dirname(context.filePath), target).split(path.sep).join('/');
  if (!relative.startsWith('.')) relative = `./${relative}`;
  const stem = stripScriptExtension(relative).replace(/\/index$/, '');
  const wantsJs = context.sourceFile.statements.some((statement) => ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && /^\.{1,2}\/.*\.js$/.test(statement.moduleSpecifier.text));
  return wantsJs ? `${stripScriptExtension(relative)}.js` : stem || '.';
}

function stripScriptExtension(file: string): string {
  return file.replace(/\.(d\.)?(m|c)?(t|j)sx?$/, '');
}

function usesEsmImports(sourceFile: ts.SourceFile): boolean {
  if (sourceFile.statements.some((statement) => ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement))) return true;
  const hasRequire = /\brequire\s*\(/.test(sourceFile.text);
  return !hasRequire && /\.(m?ts|tsx)$/.test(sourceFile.fileName);
}

/** After the last top-level import or `require` declaration; 0 when there is none. */
function afterLastImport(sourceFile: ts.SourceFile): number {
  let end = 0;
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) || ts.isImportEqualsDeclaration(statement)) end = statement.getEnd();
    else if (ts.isVariableStatement(statement) && statement.declarationList.declarations.every((d) => d.initializer && requireSpecifier(d.initializer) !== undefined)) end = statement.getEnd();
    else break;
  }
  return end;
}

function lineStartOf(text: string, offset: number): number {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return start;
}

function indentationAt(text: string, offset: number): string {
  const lineStart = lineStartOf(text, offset);
  return /^[ \t]*/.exec(text.slice(lineStart, lineStart + 200))![0];
}


