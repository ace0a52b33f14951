// unparameterized-query across modules: a value written into SQL text that is a parameter of the enclosing function
// is request data when the workspace index says a caller in another module hands request data to that parameter
// (`ApiModel.requestDataInto`). The rule asks only when it sees no request data in the file itself, and only once the
// index is complete; without an index (the rule tester's default, a file analysed alone) nothing changes.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { RequestPath } from './api-model';
import { bindingRoot, enclosingFunction, skipOuterExpressions, type FileIndex } from './dataflow';
import type { RuleContext } from './rule';

const MAX_ALIAS_DEPTH = 3;

export interface RequestDataFromCaller {
  /** The value of the SQL text the request data reaches. */
  value: ts.Expression;
  /** For the message: "`req.query.q` → `products.search(q)` at routes/products.js:22 → `q`". */
  path: string;
}

/**
 * The first of `candidates` (values of the SQL text, in the order the message prefers them) that roots in a
 * parameter of a function enclosing the sink which a caller in another module gives request data.
 */
export function requestDataFromCaller(candidates: readonly ts.Expression[], sinkCall: ts.Node, index: FileIndex, context: RuleContext<unknown>): RequestDataFromCaller | undefined {
  const model = context.getApiModel();
  if (!model.complete || !model.requestDataInto) return undefined;
  const enclosing = new Set<ts.Node>();
  for (let fn = enclosingFunction(sinkCall); fn; fn = enclosingFunction(fn)) enclosing.add(fn);
  if (enclosing.size === 0) return undefined;
  // A value that is the parameter itself (or text made from it: `sql.replace(…)`) before one computed by a call
  // given the parameter (`(await build(tableId)).toString()`): the message names the more direct one.
  const roots = [...new Set(candidates)].map((value) => ({ value, roots: parameterRoots(value, index, 0, false) }));
  for (const direct of [true, false]) {
    for (const { value, roots: found } of roots) {
      for (const root of found) {
        if (root.direct !== direct) continue;
        const fn = root.parameter.parent;
        if (!ts.isFunctionLike(fn) || !enclosing.has(fn)) continue;
        const reached = model.requestDataInto(context.filePath, fn.getStart(context.sourceFile), fn.parameters.indexOf(root.parameter));
        if (reached) return { value, path: describeRequestPath(reached, value.getText(context.sourceFile), context.workspace.projectRoot) };
      }
    }
  }
  return undefined;
}

/** "`req.query.q` → `products.search(q)` at routes/products.js:22 → `q`": paths relative to the project folder. */
export function describeRequestPath(found: RequestPath, valueText: string, projectRoot: string): string {
  const steps = found.steps.map((step) => `\`${step.call}\` at ${path.relative(projectRoot, step.at.filePath).split(path.sep).join('/')}:${step.at.line + 1}`);
  return [`\`${found.source}\``, ...steps, `\`${shortValue(valueText)}\``].join(' → ');
}

function shortValue(text: string): string {
  const single = text.replace(/\s+/g, ' ').trim();
  return single.length > 40 ? `${single.slice(0, 39)}…` : single;
}

/**
 * The parameters a value is built from, through `const` aliases (`const term = '%' + q + '%'`) and destructuring;
 * `direct` unless the way goes through the arguments of a call (whose result may or may not carry them).
 */
function parameterRoots(expression: ts.Node, index: FileIndex, depth: number, throughCall: boolean): { parameter: ts.ParameterDeclaration; direct: boolean }[] {
  const found: { parameter: ts.ParameterDeclaration; direct: boolean }[] = [];
  const visit = (node: ts.Node, viaCall: boolean): void => {
    if (ts.isIdentifier(node)) {
      const declaration = index.resolve(node);
      const declared = declaration?.node;
      if (!declared) return;
      if (ts.isParameter(declared)) found.push({ parameter: declared, direct: !viaCall });
      else if (ts.isBindingElement(declared)) {
        const root = bindingRoot(declared);
        if (ts.isParameter(root)) found.push({ parameter: root, direct: !viaCall });
        else if (ts.isVariableDeclaration(root) && root.initializer && depth < MAX_ALIAS_DEPTH) found.push(...parameterRoots(skipOuterExpressions(root.initializer), index, depth + 1, viaCall));
      } else if (ts.isVariableDeclaration(declared) && declared.initializer && depth < MAX_ALIAS_DEPTH) {
        found.push(...parameterRoots(declared.initializer, index, depth + 1, viaCall));
      }
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression, viaCall);
      return;
    }
    if (ts.isCallExpression(node)) {
      // `sql.replace(a, b)`: text made from its receiver; the arguments of any call only perhaps.
      visit(node.expression, viaCall);
      for (const argument of node.arguments) visit(argument, true);
      return;
    }
    node.forEachChild((child) => visit(child, viaCall));
  };
  visit(expression, throughCall);
  return found;
}
