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
  for (const value of new Set(candidates)) {
    for (const parameter of parameterRoots(value, index, 0)) {
      const fn = parameter.parent;
      if (!ts.isFunctionLike(fn) || !enclosing.has(fn)) continue;
      const found = model.requestDataInto(context.filePath, fn.getStart(context.sourceFile), fn.parameters.indexOf(parameter));
      if (found) return { value, path: describeRequestPath(found, value.getText(context.sourceFile), context.workspace.projectRoot) };
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

/** The parameters a value is built from, through `const` aliases (`const term = '%' + q + '%'`) and destructuring. */
function parameterRoots(expression: ts.Node, index: FileIndex, depth: number): ts.ParameterDeclaration[] {
  const found: ts.ParameterDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const declaration = index.resolve(node);
      const declared = declaration?.node;
      if (!declared) return;
      if (ts.isParameter(declared)) found.push(declared);
      else if (ts.isBindingElement(declared)) {
        const root = bindingRoot(declared);
        if (ts.isParameter(root)) found.push(root);
        else if (ts.isVariableDeclaration(root) && root.initializer && depth < MAX_ALIAS_DEPTH) found.push(...parameterRoots(skipOuterExpressions(root.initializer), index, depth + 1));
      } else if (ts.isVariableDeclaration(declared) && declared.initializer && depth < MAX_ALIAS_DEPTH) {
        found.push(...parameterRoots(declared.initializer, index, depth + 1));
      }
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    node.forEachChild(visit);
  };
  visit(expression);
  return found;
}
