// Builds a file's summary (summary.ts) from the engine's single walk: `visit` is called for the node kinds in
// SUMMARY_NODE_KINDS during that walk, `finish` once it is over. The generic part (imports, exports, top-level
// values, functions) lives here; each framework's routes come from its summarizer in frameworks/.
import * as ts from 'typescript';
import type { SourceSpot } from '../../../rules/support/api-model';
import { analyzeMiddlewareAuth } from '../../../rules/support/auth-behaviour';
import { commonJsExportName, propertyNameText, staticStringValue, walkPreorder } from '../../../rules/support/ast';
import { FileIndex, requiredModule, skipOuterExpressions, type LocalDeclaration } from '../../../rules/support/dataflow';
import { LineIndex } from '../line-index';
import { summarizeDataModels } from './data-models';
import { FRAMEWORK_SUMMARIZERS } from './frameworks';
import { parameterWritesOf, passesRequestBody } from './data-flows';
import { parameterFlowsOf } from './parameter-flows';
import { requestArgumentsOf } from './request-arguments';
import type { ContainerSummary, FileSummary, FunctionSummary, MiddlewareRef, ValueRef } from './summary';

export const SUMMARY_NODE_KINDS: readonly ts.SyntaxKind[] = [
  ...new Set([
    ...FileIndex.INDEXED_KINDS,
    ts.SyntaxKind.NewExpression,
    ts.SyntaxKind.ClassDeclaration,
    ts.SyntaxKind.ExportAssignment,
    ts.SyntaxKind.ExportDeclaration,
    ts.SyntaxKind.VariableStatement,
    ts.SyntaxKind.DeleteExpression,
  ]),
];

const MAX_TEXT = 80;
/** Strings shown in names: strategy names, roles, scopes. Anything else (a sentence, a key) is elided. */
const SHOWN_WORD = /^[A-Za-z][\w:.\-]{0,23}$/;
/** `// apiguard-public -- reason` (the reason is what a reviewer reads; `<reason>` is the fix's placeholder). */
const PUBLIC_MARKER = /apiguard-public\b(?:\s*--\s*(.*?))?\s*(?:\*\/)?$/;

/** What framework summarizers read: the file, its index and the nodes collected in the walk. */
export class SummaryBuilder {
  readonly summary: FileSummary;
  readonly index: FileIndex;
  /** Every call and `new` in the file, in walk (source) order. */
  readonly calls: (ts.CallExpression | ts.NewExpression)[] = [];
  readonly classes: ts.ClassDeclaration[] = [];
  /** Every `delete x.y` (serialisers that hide fields: data-models/serialisation.ts). */
  readonly deletes: ts.DeleteExpression[] = [];
  private readonly topLevelStatements: ts.Statement[] = [];
  private lines: LineIndex | undefined;

  constructor(
    readonly sourceFile: ts.SourceFile,
    readonly filePath: string,
    /** Tests build apps of their own (supertest setups, fixtures): their routes and mounts are not the product's. */
    readonly isTest = false,
  ) {
    this.index = new FileIndex(sourceFile, { walk: false });
    this.summary = { filePath, imports: {}, exports: {}, values: {}, functions: {}, containers: {}, unmodelled: [] };
  }

  visit(node: ts.Node): void {
    this.index.add(node);
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
      case ts.SyntaxKind.NewExpression:
        this.calls.push(node as ts.CallExpression | ts.NewExpression);
        return;
      case ts.SyntaxKind.DeleteExpression:
        this.deletes.push(node as ts.DeleteExpression);
        return;
      case ts.SyntaxKind.ClassDeclaration:
        this.classes.push(node as ts.ClassDeclaration);
        if (node.parent === this.sourceFile) this.topLevelStatements.push(node as ts.Statement);
        return;
      case ts.SyntaxKind.ExportAssignment:
      case ts.SyntaxKind.ExportDeclaration:
      case ts.SyntaxKind.VariableStatement:
      case ts.SyntaxKind.FunctionDeclaration:
        if (node.parent === this.sourceFile) this.topLevelStatements.push(node as ts.Statement);
        return;
    }
  }

  finish(): FileSummary {
    this.collectImports();
    // Frameworks first: exports and values then see the containers they found (`export default Router().use(…)`).
    if (!this.isTest) for (const summarizer of FRAMEWORK_SUMMARIZERS) summarizer.summarize(this);
    // Models declared in tests and fixtures are not the product's.
    if (!this.isTest) summarizeDataModels(this);
    for (const statement of this.topLevelStatements) this.collectTopLevel(statement);
    this.collectCommonJsExports();
    this.collectParameterFlows();
    if (passesRequestBody(this)) this.summary.passesRequestBody = true;
    const requestArguments = requestArgumentsOf(this);
    if (requestArguments.length > 0) this.summary.requestArguments = requestArguments;
    this.decideMiddlewareAuth();
    return this.summary;
  }

  spot(node: ts.Node): SourceSpot {
    const start = node.getStart(this.sourceFile);
    return this.spotAt(start, node.getEnd());
  }

  spotAt(start: number, end: number): SourceSpot {
    this.lines ??= LineIndex.forSourceFile(this.sourceFile);
    return { filePath: this.filePath, start, end, line: this.lines.positionAt(start).line };
  }

  /** Source text on one line, shortened: for messages and the inventory. */
  textOf(node: ts.Node): string {
    const text = node.getText(this.sourceFile).replace(/\s+/g, ' ');
    return text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  }

  middleware(expression: ts.Expression): MiddlewareRef {
    const at = this.spot(expression);
    const inner = skipOuterExpressions(expression);
    // An inline function's source is no name: say where it is instead.
    const text = ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) ? `${inner.name ? `${inner.name.text} ` : ''}(inline function, line ${at.line + 1})` : this.displayName(inner);
    return { ref: this.ref(expression), text, code: expression.getText(this.sourceFile), at };
  }

  /** `usersController.create`, `getUser`, or `<inline handler>`: never the handler's source. */
  handlerName(expression: ts.Expression): string {
    const inner = skipOuterExpressions(expression);
    if (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) return inner.name ? inner.name.text : '<inline handler>';
    return this.displayName(inner);
  }

  /** `passport.authenticate('jwt', {…})`: names and short words shown, option values and long strings elided. */
  displayName(node: ts.Expression, depth = 0): string {
    const inner = skipOuterExpressions(node);
    if (ts.isIdentifier(inner) || inner.kind === ts.SyntaxKind.ThisKeyword) return inner.getText(this.sourceFile);
    if (ts.isPropertyAccessExpression(inner)) return `${this.displayName(inner.expression, depth + 1)}.${inner.name.text}`;
    const literal = staticStringValue(inner);
    if (literal !== undefined) return SHOWN_WORD.test(literal) ? `'${literal}'` : "'…'";
    if (ts.isNumericLiteral(inner) || inner.kind === ts.SyntaxKind.TrueKeyword || inner.kind === ts.SyntaxKind.FalseKeyword) return inner.getText(this.sourceFile);
    if (ts.isCallExpression(inner) && depth < 3) return `${this.displayName(inner.expression, depth + 1)}(${inner.arguments.map((arg) => this.displayName(arg, depth + 1)).join(', ')})`;
    if (ts.isNewExpression(inner) && depth < 3) return `new ${this.displayName(inner.expression, depth + 1)}(${(inner.arguments ?? []).map((arg) => this.displayName(arg, depth + 1)).join(', ')})`;
    if (ts.isObjectLiteralExpression(inner)) return inner.properties.length === 0 ? '{}' : '{…}';
    if (ts.isArrayLiteralExpression(inner) && depth < 3) return `[${inner.elements.map((element) => this.displayName(element, depth + 1)).join(', ')}]`;
    return '…';
  }

  /** What an expression names, for the linker; inline functions are summarised on the way. */
  ref(expression: ts.Expression): ValueRef {
    const node = skipOuterExpressions(expression);
    const container = this.containerByExpression.get(node);
    if (container) return { kind: 'container', id: container };
    if (ts.isIdentifier(node)) return this.refToIdentifier(node);
    if (ts.isPropertyAccessExpression(node)) {
      const members: string[] = [];
      let current: ts.Expression = node;
      while (ts.isPropertyAccessExpression(current)) {
        members.unshift(current.name.text);
        current = skipOuterExpressions(current.expression);
      }
      const base = this.ref(current);
      if (base.kind === 'name' || base.kind === 'module') return { ...base, members: [...(base.members ?? []), ...members] };
      return { kind: 'opaque', text: this.textOf(node) };
    }
    if (ts.isCallExpression(node)) {
      const module = requiredModule(node);
      if (module !== undefined) return { kind: 'module', module };
      const first = node.arguments[0];
      const firstArg = first ? staticStringValue(first) : undefined;
      return { kind: 'call', callee: this.ref(node.expression), ...(firstArg !== undefined ? { firstArg } : {}), args: node.arguments.map((arg) => this.ref(arg)) };
    }
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return { kind: 'function', id: this.functionSummary(node).id };
    if (ts.isObjectLiteralExpression(node)) {
      const properties: Record<string, ValueRef> = {};
      for (const property of node.properties) {
        if (ts.isPropertyAssignment(property)) {
          const name = propertyNameText(property.name);
          if (name !== undefined) properties[name] = this.ref(property.initializer);
        } else if (ts.isShorthandPropertyAssignment(property)) {
          properties[property.name.text] = this.refToIdentifier(property.name);
        } else if (ts.isMethodDeclaration(property)) {
          const name = propertyNameText(property.name);
          if (name !== undefined) properties[name] = { kind: 'function', id: this.functionSummary(property, name).id };
        }
      }
      return { kind: 'object', properties };
    }
    return { kind: 'opaque', text: this.textOf(node) };
  }

  /** A local name: a container of this file, a function, or a name the linker resolves (imports, values). */
  private refToIdentifier(identifier: ts.Identifier): ValueRef {
    const declaration = this.index.resolve(identifier);
    const containerId = declaration && this.containerIdOf(declaration);
    if (containerId) return { kind: 'container', id: containerId };
    if (declaration && !isTopLevel(declaration, this.sourceFile)) {
      // A local alias inside a function (`const mw = requireLogin`): follow its initializer, once (code being typed
      // can refer to itself: `const t = await t.send()`).
      if (ts.isVariableDeclaration(declaration.node) && declaration.isConst && declaration.node.initializer && !this.followingAliases.has(declaration.node)) {
        this.followingAliases.add(declaration.node);
        try {
          return this.ref(declaration.node.initializer);
        } finally {
          this.followingAliases.delete(declaration.node);
        }
      }
      if (ts.isFunctionDeclaration(declaration.node)) return { kind: 'function', id: this.functionSummary(declaration.node).id };
      return { kind: 'opaque', text: identifier.text };
    }
    return { kind: 'name', name: identifier.text };
  }

  private readonly followingAliases = new Set<ts.Node>();

  /** Framework summarizers register the containers they find by the declaration that holds them. */
  readonly containerByDeclaration = new Map<ts.Node, string>();
  /** …and by the expressions that evaluate to them (`Router()`, `Router().use(a)`), for containers never named. */
  readonly containerByExpression = new Map<ts.Node, string>();

  containerIdOf(declaration: LocalDeclaration): string | undefined {
    return this.containerByDeclaration.get(declaration.node);
  }

  /**
   * A container that is a function's parameter: `module.exports = (app) => { app.get(…) }`, a Fastify plugin. The
   * linker merges it into whatever container the function is given.
   */
  parameterContainer(parameter: ts.ParameterDeclaration, framework: ContainerSummary['framework']): string | undefined {
    const fn = parameter.parent;
    if (!ts.isFunctionLike(fn) || !('body' in fn) || !fn.body) return undefined;
    const existing = this.containerByDeclaration.get(parameter);
    if (existing) return existing;
    const owner = this.functionSummary(fn as ts.FunctionLikeDeclaration);
    const index = fn.parameters.indexOf(parameter);
    const id = `param:${owner.id}:${index}`;
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : 'param';
    this.summary.containers[id] = { id, framework, kind: 'router', name: `${name} (parameter of ${owner.name})`, at: this.spot(parameter), layers: [] };
    owner.parameterContainer = { index, containerId: id };
    this.containerByDeclaration.set(parameter, id);
    return id;
  }

  /** The container an expression denotes in this file (a variable holding an app/router, a container parameter). */
  containerOfExpression(expression: ts.Expression): string | undefined {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node);
    return declaration ? this.containerIdOf(declaration) : undefined;
  }

  /** A route path as a constant: literals, templates (`*` for substitutions), `const` strings. */
  pathOf(expression: ts.Expression | undefined): { path: string; dynamic: boolean } | undefined {
    if (!expression) return undefined;
    const node = skipOuterExpressions(expression);
    const literal = staticStringValue(node);
    if (literal !== undefined) return { path: literal, dynamic: false };
    if (ts.isTemplateExpression(node)) {
      let path = node.head.text;
      let dynamic = false;
      for (const span of node.templateSpans) {
        const inner = this.pathOf(span.expression);
        path += (inner?.path ?? '*') + span.literal.text;
        dynamic ||= !inner || inner.dynamic;
      }
      return { path, dynamic };
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      if (declaration?.isConst && ts.isVariableDeclaration(declaration.node) && declaration.node.initializer) {
        const inner = skipOuterExpressions(declaration.node.initializer);
        if (inner !== node && (staticStringValue(inner) !== undefined || ts.isTemplateExpression(inner))) return this.pathOf(inner);
      }
    }
    if (ts.isRegularExpressionLiteral(node)) return { path: node.text, dynamic: true };
    return { path: '*', dynamic: true };
  }

  /** `// apiguard-public -- <reason>` in the comments before the statement that holds `node`. */
  publicMarkerBefore(node: ts.Node): { reason?: string; at: SourceSpot } | undefined {
    let statement: ts.Node = node;
    while (statement.parent && !ts.isSourceFile(statement.parent) && !ts.isBlock(statement.parent) && !ts.isClassLike(statement.parent) && !ts.isModuleBlock(statement.parent)) {
      statement = statement.parent;
    }
    return this.publicMarkerAt(statement.pos);
  }

  /** The marker in the comments that start at `pos` (before a chained `.post(` in `app.get(…)\n  .post(…)`). */
  publicMarkerAt(pos: number): { reason?: string; at: SourceSpot } | undefined {
    const text = this.sourceFile.text;
    for (const comment of ts.getLeadingCommentRanges(text, pos) ?? []) {
      const match = PUBLIC_MARKER.exec(text.slice(comment.pos, comment.end));
      if (!match) continue;
      const reason = match[1]?.trim();
      return { ...(reason ? { reason } : {}), at: this.spotAt(comment.pos, comment.end) };
    }
    return undefined;
  }

  /**
   * The summary of a function (created once). What it does for authentication is decided at the end of the file
   * (`decideMiddlewareAuth`), and only for functions that may be middleware: not for route handlers written in place
   * (judged as handlers by their summarizer) nor class methods summarised for their parameter flows.
   */
  functionSummary(fn: ts.FunctionLikeDeclaration, name?: string): FunctionSummary {
    const start = fn.getStart(this.sourceFile);
    const existing = this.functionIds.get(fn);
    if (existing) return this.summary.functions[existing]!;
    const declaredName = name ?? functionName(fn);
    const id = declaredName && isTopLevelFunction(fn, this.sourceFile) ? declaredName : `fn@${start}`;
    const summary: FunctionSummary = { id, name: declaredName ?? '<anonymous>', at: this.spotAt(start, fn.getEnd()) };
    this.functionIds.set(fn, id);
    this.functionNodes.set(id, fn);
    this.summary.functions[id] = summary;
    if (callsLastParameter(fn)) summary.callsNext = true;
    const inner = returnedFunction(fn);
    if (inner) summary.returnsFunction = this.functionSummary(inner).id;
    else {
      const returned = singleReturnedValue(fn);
      if (returned && (ts.isCallExpression(returned) || ts.isIdentifier(returned) || ts.isPropertyAccessExpression(returned))) summary.returns = this.ref(returned);
    }
    return summary;
  }

  private readonly functionIds = new Map<ts.Node, string>();
  /** Functions that are only route handlers or methods: never middleware, so no middleware verdict is needed. */
  private readonly notMiddleware = new Set<string>();

  /** A route handler written in place: judged as a handler by its summarizer, never as middleware. */
  markHandler(id: string): void {
    this.notMiddleware.add(id);
  }

  private decideMiddlewareAuth(): void {
    for (const [id, node] of this.functionNodes) {
      if (this.notMiddleware.has(id)) continue;
      const auth = analyzeMiddlewareAuth(node, this.sourceFile);
      if (auth) this.summary.functions[id]!.auth = auth;
    }
  }
  private readonly functionNodes = new Map<string, ts.FunctionLikeDeclaration>();

  functionNode(id: string): ts.FunctionLikeDeclaration | undefined {
    return this.functionNodes.get(id);
  }

  /** For the functions other files can call (exports, and methods of exported objects). */
  private collectParameterFlows(): void {
    const exported = new Set<string>();
    // `module.exports = actions` where `var actions = { search: search }` and `function search(q) {…}`: four steps.
    const visit = (ref: ValueRef | undefined, depth: number): void => {
      if (!ref || depth > 4) return;
      if (ref.kind === 'function') exported.add(ref.id);
      else if (ref.kind === 'object') for (const property of Object.values(ref.properties)) visit(property, depth + 1);
      else if (ref.kind === 'name') visit(this.summary.values[ref.name], depth + 1);
    };
    for (const ref of Object.values(this.summary.exports)) visit(ref, 0);
    // Methods of exported classes (services, repositories): `ProductService.search`, also when the module exports the
    // class or an instance of it (`module.exports = new ProductService()`).
    const exportedClasses = new Set<string>();
    for (const ref of Object.values(this.summary.exports)) {
      const className = ref.kind === 'name' && !ref.members ? ref.name : ref.kind === 'opaque' ? /^new\s+([A-Za-z_$][\w$]*)\s*\(/.exec(ref.text)?.[1] : undefined;
      if (className) exportedClasses.add(className);
    }
    for (const cls of this.classes) {
      if (cls.parent !== this.sourceFile || !cls.name || !(hasModifier(cls, ts.SyntaxKind.ExportKeyword) || exportedClasses.has(cls.name.text))) continue;
      for (const member of cls.members) {
        const name = ts.isMethodDeclaration(member) && member.body ? propertyNameText(member.name) : undefined;
        if (name === undefined) continue;
        // A method a summarizer already took (a Nest middleware's `use`) keeps its middleware verdict.
        const known = this.functionIds.has(member);
        const id = this.functionSummary(member as ts.MethodDeclaration, `${cls.name.text}.${name}`).id;
        if (!known) this.notMiddleware.add(id);
        exported.add(id);
      }
    }
    for (const id of exported) {
      const node = this.functionNodes.get(id);
      const summary = this.summary.functions[id];
      if (!node || !summary || node.parameters.length === 0) continue;
      const flows = parameterFlowsOf(this, node);
      if (flows.length > 0) summary.parameterFlows = flows;
      const writes = parameterWritesOf(this, node);
      if (writes.length > 0) summary.parameterWrites = writes;
    }
  }

  private collectImports(): void {
    for (const [node, binding] of this.index.imports) {
      const name = declaredNameOf(node);
      if (name === undefined || !isTopLevelNode(node, this.sourceFile)) continue;
      this.summary.imports[name] = { module: binding.module, imported: binding.imported };
    }
  }

  private collectTopLevel(statement: ts.Statement): void {
    const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
    const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
    if (ts.isFunctionDeclaration(statement)) {
      const fn = this.functionSummary(statement);
      if (statement.name) this.summary.values[statement.name.text] = { kind: 'function', id: fn.id };
      if (exported) this.summary.exports[isDefault ? 'default' : fn.id] = { kind: 'function', id: fn.id };
    } else if (ts.isClassDeclaration(statement)) {
      if (exported && statement.name) this.summary.exports[isDefault ? 'default' : statement.name.text] = { kind: 'name', name: statement.name.text };
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const name = declaration.name.text;
        const initializer = skipOuterExpressions(declaration.initializer);
        const value = ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)
          ? { kind: 'function' as const, id: this.functionSummary(initializer, name).id }
          : this.ref(initializer);
        if (value.kind !== 'opaque') this.summary.values[name] = value;
        // By name: the linker then finds what frameworks make of the variable (a container) before its initializer.
        if (exported) this.summary.exports[name] = { kind: 'name', name };
      }
    } else if (ts.isExportAssignment(statement)) {
      this.summary.exports.default = this.ref(statement.expression);
    } else if (ts.isExportDeclaration(statement) && statement.exportClause && ts.isNamedExports(statement.exportClause)) {
      const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      for (const element of statement.exportClause.elements) {
        const local = (element.propertyName ?? element.name).text;
        this.summary.exports[element.name.text] = module !== undefined ? { kind: 'module', module, members: [local] } : { kind: 'name', name: local };
      }
    }
  }

  /** `module.exports = x`, `module.exports.y = z`, `exports.y = z` at the top level. */
  private collectCommonJsExports(): void {
    for (const statement of this.sourceFile.statements) {
      if (!ts.isExpressionStatement(statement)) continue;
      const expression = statement.expression;
      if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
      const target = commonJsExportName(expression.left);
      if (target === undefined) continue;
      const value = this.ref(expression.right);
      if (target === 'default' && value.kind === 'object') {
        // `module.exports = { a, b }`: each property is a named export too (what `require('./x').a` reads).
        for (const [name, property] of Object.entries(value.properties)) this.summary.exports[name] = property;
      }
      this.summary.exports[target] = value;
    }
  }
}

/** The function a factory returns: `(...roles) => (req, res, next) => …` or `{ return function (req, res, next) {…} }`. */
function returnedFunction(fn: ts.FunctionLikeDeclaration): ts.FunctionLikeDeclaration | undefined {
  const body = fn.body;
  if (!body) return undefined;
  const returned = ts.isBlock(body) ? body.statements.find(ts.isReturnStatement)?.expression : body;
  const inner = returned && skipOuterExpressions(returned);
  return inner && (ts.isArrowFunction(inner) || ts.isFunctionExpression(inner)) ? inner : undefined;
}

/** `() => x` or a body whose only top-level return is `return x`. */
function singleReturnedValue(fn: ts.FunctionLikeDeclaration): ts.Expression | undefined {
  const body = fn.body;
  if (!body) return undefined;
  if (!ts.isBlock(body)) return skipOuterExpressions(body);
  const returns = body.statements.filter(ts.isReturnStatement);
  return returns.length === 1 && returns[0]!.expression ? skipOuterExpressions(returns[0]!.expression) : undefined;
}

/**
 * `(req, res, next) => { …; next(); }`, `async (ctx, next) => { await next(); }`: the last parameter is called with
 * no argument, so the request goes on. `next(err)` alone is a handler forwarding its error, not middleware.
 */
function callsLastParameter(fn: ts.FunctionLikeDeclaration): boolean {
  const last = fn.parameters[fn.parameters.length - 1];
  if (!fn.body || fn.parameters.length < 2 || !last || !ts.isIdentifier(last.name)) return false;
  return new RegExp(`(^|[^\\w$.])${last.name.text.replace(/\$/g, '\\$')}\\(\\s*\\)`).test(fn.body.getText());
}


function functionName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if (parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
  if (parent && ts.isPropertyAssignment(parent)) return propertyNameText(parent.name);
  return undefined;
}

/** A function declared at the top level, directly or as `const f = () => …`: its name is file-wide. */
function isTopLevelFunction(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): boolean {
  if (fn.parent === sourceFile) return true;
  const declaration = fn.parent;
  return !!declaration && ts.isVariableDeclaration(declaration) && declaration.parent?.parent?.parent === sourceFile;
}

function isTopLevel(declaration: LocalDeclaration, sourceFile: ts.SourceFile): boolean {
  return declaration.scope === sourceFile;
}

function isTopLevelNode(node: ts.Node, sourceFile: ts.SourceFile): boolean {
  for (let current = node.parent; current; current = current.parent) {
    if (current === sourceFile) return true;
    if (ts.isFunctionLike(current) || ts.isBlock(current) || ts.isModuleBlock(current)) return false;
  }
  return false;
}

function declaredNameOf(node: ts.Node): string | undefined {
  const name = (node as { name?: ts.Node }).name;
  return name && ts.isIdentifier(name) ? name.text : undefined;
}

function hasModifier(node: ts.Node, kind: ts.SyntaxKind): boolean {
  return ts.canHaveModifiers(node) && (ts.getModifiers(node)?.some((modifier) => modifier.kind === kind) ?? false);
}

/** Summarises a file in a walk of its own: for indexing files the engine is not otherwise analysing. */
export function summarizeSourceFile(sourceFile: ts.SourceFile, filePath = sourceFile.fileName, isTest = false): FileSummary {
  const builder = new SummaryBuilder(sourceFile, filePath, isTest);
  walkPreorder(sourceFile, (node) => {
    if (SUMMARY_KIND_SET.has(node.kind)) builder.visit(node);
  });
  return builder.finish();
}

const SUMMARY_KIND_SET: ReadonlySet<ts.SyntaxKind> = new Set(SUMMARY_NODE_KINDS);
