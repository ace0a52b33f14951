// Calls that hand request data to a function of another module (`products.search(req.query.q)`), recorded in the
// file's summary so the linker can follow request data to the functions it reaches (`ApiModel.requestDataInto`), and
// the callee names those calls and parameter flows use (NestJS constructor injection: `this.products.search` is
// `ProductsService.search`). Syntactic and bounded: only calls whose callee is imported, a member of an imported
// name, or a method of an injected or own class; request data as rules/support/request-sources.ts recognises it.
import * as ts from 'typescript';
import { isRequestAccess, REQUEST_OBJECT_NAMES, RequestSources } from '../../../rules/support/request-sources';
import { bindingPath, bindingRoot, skipOuterExpressions, type FileIndex } from '../../../rules/support/dataflow';
import { isAllowListChecked } from '../../../rules/support/sql-text';
import type { SummaryBuilder } from './summarize';
import type { RequestArgument, ValueRef } from './summary';

const MAX_REQUEST_ARGUMENTS = 100;
const MAX_CALL_TEXT = 60;
const MAX_SOURCE_TEXT = 50;

export function requestArgumentsOf(builder: SummaryBuilder): RequestArgument[] {
  const found: RequestArgument[] = [];
  let sources: RequestSources | undefined;
  const mayHoldRequest = new Map<ts.Node, boolean>();
  for (const call of builder.calls) {
    if (!ts.isCallExpression(call) || call.arguments.length === 0 || !insideRequestHandler(call, mayHoldRequest)) continue;
    const callee = crossModuleCallee(builder, call.expression);
    if (!callee) continue;
    sources ??= new RequestSources(builder.index);
    for (const [argument, value] of call.arguments.entries()) {
      if (ts.isSpreadElement(value) || !sources.carriesRequestData(value) || isNarrowed(value, call, builder.index, 0)) continue;
      found.push({ callee, argument, source: sourceText(value, builder, sources, 0) ?? shorten(value.getText(builder.sourceFile), MAX_SOURCE_TEXT), call: callText(builder, call), at: builder.spot(call) });
      if (found.length >= MAX_REQUEST_ARGUMENTS) return found;
    }
  }
  return found;
}

/**
 * A cheap gate before the data-flow question: some enclosing function has a parameter a request can arrive in (named
 * `req`, `ctx`, …, destructured, or with a NestJS input decorator). Calls elsewhere (module setup, utilities) never
 * hand request data on.
 */
function insideRequestHandler(call: ts.Node, cache: Map<ts.Node, boolean>): boolean {
  for (let current = call.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (!ts.isFunctionLike(current)) continue;
    let holds = cache.get(current);
    if (holds === undefined) {
      holds = current.parameters.some((parameter) => !ts.isIdentifier(parameter.name) || REQUEST_OBJECT_NAMES.has(parameter.name.text) || (ts.getDecorators(parameter)?.length ?? 0) > 0);
      cache.set(current, holds);
    }
    if (holds) return true;
  }
  return false;
}

/**
 * The callee as the linker should resolve it. `this.x.m` inside a class: `x` typed by a constructor parameter or
 * property (`private readonly products: ProductsService`) names that class's method; `this.m` the class's own.
 */
export function calleeRef(builder: SummaryBuilder, expression: ts.Expression): ValueRef {
  const callee = skipOuterExpressions(expression);
  if (ts.isPropertyAccessExpression(callee)) {
    const receiver = skipOuterExpressions(callee.expression);
    if (receiver.kind === ts.SyntaxKind.ThisKeyword) {
      const cls = enclosingClass(callee);
      if (cls?.name) return { kind: 'name', name: cls.name.text, members: [callee.name.text] };
    } else if (ts.isPropertyAccessExpression(receiver) && skipOuterExpressions(receiver.expression).kind === ts.SyntaxKind.ThisKeyword) {
      const typeName = injectedTypeName(receiver.name.text, enclosingClass(callee));
      if (typeName) return { kind: 'name', name: typeName, members: [callee.name.text] };
    }
  }
  return builder.ref(expression);
}

/** `products.search`, `searchProducts`, `this.productsService.search`: a function another module declares. */
function crossModuleCallee(builder: SummaryBuilder, expression: ts.Expression): ValueRef | undefined {
  const callee = skipOuterExpressions(expression);
  let root: ts.Expression = callee;
  let depth = 0;
  while (ts.isPropertyAccessExpression(root)) {
    root = skipOuterExpressions(root.expression);
    depth++;
  }
  if (root.kind === ts.SyntaxKind.ThisKeyword) {
    if (depth !== 2) return undefined;
    const ref = calleeRef(builder, callee);
    return ref.kind === 'name' && builder.summary.imports[ref.name] ? ref : undefined;
  }
  if (!ts.isIdentifier(root) || depth > 2) return undefined;
  const declaration = builder.index.resolve(root);
  if (!declaration || !builder.index.imports.has(declaration.node) || !builder.summary.imports[root.text]) return undefined;
  const ref = builder.ref(callee);
  return ref.kind === 'name' ? ref : undefined;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isClassLike(current)) return current;
  return undefined;
}

/** The class a field of `cls` holds by its declared type: a constructor parameter property or a typed property. */
function injectedTypeName(field: string, cls: ts.ClassLikeDeclaration | undefined): string | undefined {
  if (!cls) return undefined;
  for (const member of cls.members) {
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === field && ts.isParameterPropertyDeclaration(parameter, member)) return typeNameOf(parameter.type);
      }
    } else if (ts.isPropertyDeclaration(member) && ts.isIdentifier(member.name) && member.name.text === field) {
      const created = member.initializer && skipOuterExpressions(member.initializer);
      if (created && ts.isNewExpression(created) && ts.isIdentifier(created.expression)) return created.expression.text;
      return typeNameOf(member.type);
    }
  }
  return undefined;
}

function typeNameOf(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** `products.search(q)`; `products.search(…)` when the arguments are not short names. */
export function callText(builder: SummaryBuilder, call: ts.CallExpression): string {
  const callee = builder.textOf(call.expression);
  const args = call.arguments.map((argument) => {
    const inner = skipOuterExpressions(argument);
    return ts.isIdentifier(inner) || ts.isPropertyAccessExpression(inner) || ts.isNumericLiteral(inner) ? inner.getText(builder.sourceFile).replace(/\s+/g, '') : '…';
  });
  const text = `${callee}(${args.join(', ')})`;
  return text.length <= MAX_CALL_TEXT ? text : `${callee}(…)`;
}

/**
 * Values that cannot carry SQL text even though they come from the request: numbers (`Number(req.query.id)`,
 * `parseInt`, unary `+`, lengths), booleans from comparisons, and a value checked against an allow-list before the call.
 */
function isNarrowed(value: ts.Expression, call: ts.CallExpression, index: FileIndex, depth: number): boolean {
  const node = skipOuterExpressions(value);
  if (ts.isNumericLiteral(node) || node.kind === ts.SyntaxKind.TrueKeyword || node.kind === ts.SyntaxKind.FalseKeyword) return true;
  // `+x`, `-x`, `~x` are numbers; `!x` a boolean.
  if (ts.isPrefixUnaryExpression(node)) return true;
  if (ts.isBinaryExpression(node) && COMPARISONS.has(node.operatorToken.kind)) return true;
  if (ts.isTypeOfExpression(node)) return true;
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'length') return true;
  if (ts.isCallExpression(node)) {
    const callee = skipOuterExpressions(node.expression);
    if (ts.isIdentifier(callee) && NUMERIC_CONVERSIONS.has(callee.text)) return true;
    if (ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && (callee.expression.text === 'Math' || (callee.expression.text === 'Number' && callee.name.text !== 'prototype'))) return true;
    return false;
  }
  if (ts.isIdentifier(node)) {
    if (isAllowListChecked(node, call, index)) return true;
    const declaration = index.resolve(node);
    if (declaration && ts.isParameter(declaration.node)) return isParsedByNestPipe(declaration.node);
    if (!declaration || depth >= 3 || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return false;
    // A variable assigned again may hold anything afterwards.
    if (index.writesTo(declaration).some((write) => write.value !== undefined)) return false;
    return isNarrowed(declaration.node.initializer, call, index, depth + 1);
  }
  return false;
}

/** `@Query('limit', ParseIntPipe) limit`: NestJS converts (or rejects) the value before the handler runs. */
function isParsedByNestPipe(parameter: ts.ParameterDeclaration): boolean {
  return (ts.getDecorators(parameter) ?? []).some((decorator) => {
    const call = decorator.expression;
    if (!ts.isCallExpression(call)) return false;
    return call.arguments.some((argument) => {
      const pipe = skipOuterExpressions(argument);
      const name = ts.isNewExpression(pipe) ? pipe.expression : pipe;
      return ts.isIdentifier(name) && NARROWING_NEST_PIPES.has(name.text);
    });
  });
}

const NARROWING_NEST_PIPES = new Set(['ParseIntPipe', 'ParseFloatPipe', 'ParseBoolPipe', 'ParseUUIDPipe', 'ParseEnumPipe']);
const NUMERIC_CONVERSIONS = new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'BigInt', 'isNaN', 'isFinite']);
const COMPARISONS = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
  ts.SyntaxKind.LessThanToken,
  ts.SyntaxKind.LessThanEqualsToken,
  ts.SyntaxKind.GreaterThanToken,
  ts.SyntaxKind.GreaterThanEqualsToken,
  ts.SyntaxKind.InstanceOfKeyword,
  ts.SyntaxKind.InKeyword,
]);

/** Where request data in `value` enters: `req.query.q` for `q` after `const { q } = req.query`; `@Query('q') q` under NestJS. */
function sourceText(value: ts.Expression, builder: SummaryBuilder, sources: RequestSources, depth: number): string | undefined {
  const node = skipOuterExpressions(value);
  if (depth > 4) return undefined;
  if (isRequestAccess(node)) return shorten(node.getText(builder.sourceFile), MAX_SOURCE_TEXT);
  if (ts.isIdentifier(node)) {
    const declaration = builder.index.resolve(node);
    const declared = declaration?.node;
    if (!declared) return undefined;
    if (ts.isParameter(declared)) return nestParameterText(declared, builder);
    if (ts.isVariableDeclaration(declared)) {
      // `var params = null; … params = req.body;`: the initializer, else the first assignment that carries it.
      const fromInitializer = declared.initializer && sourceText(declared.initializer, builder, sources, depth + 1);
      if (fromInitializer) return fromInitializer;
      const write = builder.index.writesTo(declaration).find((candidate) => candidate.value !== undefined && sources.carriesRequestData(candidate.value));
      return write?.value ? sourceText(write.value, builder, sources, depth + 1) : undefined;
    }
    if (ts.isBindingElement(declared)) {
      const root = bindingRoot(declared);
      const members = bindingPath(declared);
      if (ts.isParameter(root)) {
        const nest = nestParameterText(root, builder);
        if (nest) return nest;
        // `({ query }) => …`: the request's own property.
        return members ? shorten(`req.${members.join('.')}`, MAX_SOURCE_TEXT) : undefined;
      }
      if (ts.isVariableDeclaration(root) && root.initializer) {
        const base = sourceText(root.initializer, builder, sources, depth + 1) ?? skipOuterExpressions(root.initializer).getText(builder.sourceFile);
        return shorten(members ? `${base}.${members.join('.')}` : base, MAX_SOURCE_TEXT);
      }
    }
    return undefined;
  }
  if (ts.isPropertyAccessExpression(node)) {
    const base = sourceText(node.expression, builder, sources, depth + 1);
    return base ? shorten(`${base}.${node.name.text}`, MAX_SOURCE_TEXT) : undefined;
  }
  if (ts.isElementAccessExpression(node)) return sourceText(node.expression, builder, sources, depth + 1);
  // A template, concatenation, wrapping call, object or array: the first part that carries request data.
  const parts = partsOf(node);
  const carrying = parts.find((part) => sources.carriesRequestData(part));
  return carrying ? sourceText(carrying, builder, sources, depth + 1) : undefined;
}

function partsOf(node: ts.Expression): ts.Expression[] {
  if (ts.isTemplateExpression(node)) return node.templateSpans.map((span) => span.expression);
  if (ts.isBinaryExpression(node)) return [node.left, node.right];
  if (ts.isConditionalExpression(node)) return [node.whenTrue, node.whenFalse];
  if (ts.isCallExpression(node)) return [...(ts.isPropertyAccessExpression(node.expression) ? [node.expression.expression] : []), ...node.arguments.map(spreadInner)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.map(spreadInner);
  if (ts.isObjectLiteralExpression(node)) {
    return node.properties.flatMap((property) =>
      ts.isPropertyAssignment(property) ? [property.initializer] : ts.isShorthandPropertyAssignment(property) ? [property.name] : ts.isSpreadAssignment(property) ? [property.expression] : [],
    );
  }
  return [];
}

function spreadInner(element: ts.Expression): ts.Expression {
  return ts.isSpreadElement(element) ? element.expression : element;
}

/** `@Query('q') q`: the decorators that inject it and its name (never its type or default). */
function nestParameterText(parameter: ts.ParameterDeclaration, builder: SummaryBuilder): string | undefined {
  const decorators = ts.getDecorators(parameter) ?? [];
  if (decorators.length === 0 || !ts.isIdentifier(parameter.name)) return undefined;
  return shorten(`${decorators.map((decorator) => decoratorText(decorator, builder)).join(' ')} ${parameter.name.text}`, MAX_SOURCE_TEXT);
}

/** `@Query('q')`, `@Body()`; `@Body(…)` when its arguments are pipes or options, not a short key. */
function decoratorText(decorator: ts.Decorator, builder: SummaryBuilder): string {
  const expression = decorator.expression;
  if (!ts.isCallExpression(expression)) return `@${expression.getText(builder.sourceFile)}`;
  const name = expression.expression.getText(builder.sourceFile);
  const [key, ...rest] = expression.arguments;
  if (!key) return `@${name}()`;
  const shownKey = ts.isStringLiteral(key) && /^[\w.-]{1,30}$/.test(key.text) ? key.getText(builder.sourceFile) : undefined;
  return shownKey ? `@${name}(${shownKey}${rest.length > 0 ? ', …' : ''})` : `@${name}(…)`;
}

function shorten(text: string, max: number): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > max ? `${single.slice(0, max - 1)}…` : single;
}
