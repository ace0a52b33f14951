// Registrations written once inside a loop over a constant list (`routes.forEach((r) => router.use(r.path, r.route))`,
// `for (const { name } of models) finale.resource({ endpoints: [`/api/${name}s`] })`): the loop variable's values,
// one environment per element, so summarizers can register what each iteration registers.
import * as ts from 'typescript';
import { propertyNameText } from '../../../rules/support/ast';
import { skipOuterExpressions } from '../../../rules/support/dataflow';
import type { SummaryBuilder } from './summarize';

/** Loop variable expressions → the element's value: `route.path` or a destructured `name` → `'/auth'`. */
export type LoopEnvironment = ReadonlyMap<string, ts.Expression>;

const MAX_ELEMENTS = 200;

/**
 * The environments of the innermost loop around `node` (up to the enclosing function that is not the loop's own
 * callback): `[empty]` when there is no loop, `null` when the loop's list is not a constant array of object literals.
 */
export function loopEnvironments(builder: SummaryBuilder, node: ts.Node): LoopEnvironment[] | null {
  for (let current = node.parent; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.isForOfStatement(current)) {
      const declaration = ts.isVariableDeclarationList(current.initializer) ? current.initializer.declarations[0] : undefined;
      return declaration ? environmentsFor(builder, current.expression, declaration.name) : null;
    }
    if (ts.isFunctionLike(current)) {
      const call = forEachCallOf(current);
      if (!call) return [new Map()];
      const parameter = current.parameters[0];
      return parameter ? environmentsFor(builder, (call.expression as ts.PropertyAccessExpression).expression, parameter.name) : null;
    }
  }
  return [new Map()];
}

/** `list.forEach(<fn>)` / `list.map(<fn>)` when `fn` is that callback. */
function forEachCallOf(fn: ts.SignatureDeclaration): ts.CallExpression | undefined {
  const call = fn.parent;
  if (!call || !ts.isCallExpression(call) || call.arguments[0] !== fn) return undefined;
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'forEach' || callee.name.text === 'map') ? call : undefined;
}

function environmentsFor(builder: SummaryBuilder, listExpression: ts.Expression, binding: ts.BindingName): LoopEnvironment[] | null {
  const list = constantList(builder, listExpression);
  if (!list || list.elements.length > MAX_ELEMENTS) return null;
  const environments: LoopEnvironment[] = [];
  for (const element of list.elements) {
    const item = skipOuterExpressions(element as ts.Expression);
    if (!ts.isObjectLiteralExpression(item)) return null;
    const environment = new Map<string, ts.Expression>();
    for (const property of item.properties) {
      const key = ts.isPropertyAssignment(property) || ts.isShorthandPropertyAssignment(property) ? propertyNameText(property.name) : undefined;
      if (key === undefined) continue;
      const value = ts.isPropertyAssignment(property) ? property.initializer : (property as ts.ShorthandPropertyAssignment).name;
      if (ts.isIdentifier(binding)) {
        environment.set(`${binding.text}.${key}`, value);
      } else if (ts.isObjectBindingPattern(binding)) {
        for (const bound of binding.elements) {
          if (propertyNameText(bound.propertyName ?? bound.name) === key && ts.isIdentifier(bound.name)) environment.set(bound.name.text, value);
        }
      }
    }
    environments.push(environment);
  }
  return environments;
}

function constantList(builder: SummaryBuilder, expression: ts.Expression): ts.ArrayLiteralExpression | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isArrayLiteralExpression(node)) return node;
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = builder.index.resolve(node);
  if (!declaration?.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
  const initializer = skipOuterExpressions(declaration.node.initializer);
  return ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
}

/** The expression a loop variable reference stands for in one environment (`route.path` → `'/auth'`). */
export function substitute(expression: ts.Expression, environment: LoopEnvironment): ts.Expression {
  if (environment.size === 0) return expression;
  const node = skipOuterExpressions(expression);
  const key = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.expression) ? `${node.expression.text}.${node.name.text}` : undefined;
  return (key !== undefined && environment.get(key)) || expression;
}
