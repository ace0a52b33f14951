// Which parameters of an exported function reach which calls: the per-function summary that lets whole-workspace
// rules follow request data across modules (a handler passes `req.query.q` to `products.search(q)`, which builds
// SQL from its parameter). Syntactic, bounded, and computed only for functions other files can call.
import * as ts from 'typescript';
import { walkPreorder } from '../../../rules/support/ast';
import { isPropertyName, type LocalDeclaration } from '../../../rules/support/dataflow';
import { callText, calleeRef } from './request-arguments';
import type { SummaryBuilder } from './summarize';
import type { ParameterFlow } from './summary';

const MAX_ALIAS_DEPTH = 3;
const MAX_FLOWS_PER_FUNCTION = 50;
/** Methods whose result is a boolean or a number, whatever the text: `q.includes('x')`, `name.indexOf(' ')`. */
const NON_CARRYING_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'indexOf', 'lastIndexOf', 'search', 'localeCompare', 'charCodeAt', 'codePointAt', 'test', 'has', 'some', 'every', 'findIndex', 'getTime', 'valueOf']);

export function parameterFlowsOf(builder: SummaryBuilder, fn: ts.FunctionLikeDeclaration): ParameterFlow[] {
  const flows: ParameterFlow[] = [];
  const tracked = new Map<string, { declaration: LocalDeclaration; parameter: number; depth: number }>();
  fn.parameters.forEach((parameter, index) => {
    if (!ts.isIdentifier(parameter.name)) return;
    const declaration = builder.index.resolve(parameter.name);
    if (declaration) tracked.set(parameter.name.text, { declaration, parameter: index, depth: 0 });
  });
  if (tracked.size === 0 || !fn.body) return flows;
  // One walk of the body for all parameters (and the aliases they flow into, declared before their uses).
  walkPreorder(fn.body, (node) => {
    if (flows.length >= MAX_FLOWS_PER_FUNCTION || node.kind !== ts.SyntaxKind.Identifier) return;
    const identifier = node as ts.Identifier;
    const entry = tracked.get(identifier.text);
    if (!entry || isPropertyName(identifier) || builder.index.resolve(identifier) !== entry.declaration || identifier === entry.declaration.nameNode) return;
    const { consumer, child } = climb(identifier);
    if (ts.isCallExpression(consumer) || ts.isNewExpression(consumer)) {
      const argument = consumer.arguments?.indexOf(child as ts.Expression) ?? -1;
      if (argument >= 0) {
        const call = ts.isCallExpression(consumer) ? callText(builder, consumer) : `new ${builder.textOf(consumer.expression)}(…)`;
        flows.push({ parameter: entry.parameter, callee: calleeRef(builder, consumer.expression), calleeText: builder.textOf(consumer.expression), call, argument, at: builder.spot(consumer) });
      }
    } else if (ts.isVariableDeclaration(consumer) && ts.isIdentifier(consumer.name) && entry.depth < MAX_ALIAS_DEPTH) {
      // `const sql = 'SELECT … ' + q`: follow the new name too.
      const alias = builder.index.resolve(consumer.name);
      if (alias && !tracked.has(consumer.name.text)) tracked.set(consumer.name.text, { declaration: alias, parameter: entry.parameter, depth: entry.depth + 1 });
    }
  });
  return flows;
}

/** From a reference up through the expressions that carry its value, to what consumes it. */
function climb(reference: ts.Node): { consumer: ts.Node; child: ts.Node } {
  let child: ts.Node = reference;
  let parent = reference.parent;
  while (parent && carriesValue(parent, child)) {
    child = parent;
    parent = parent.parent;
  }
  return { consumer: parent ?? child, child };
}

function carriesValue(parent: ts.Node, child: ts.Node): boolean {
  switch (parent.kind) {
    case ts.SyntaxKind.PropertyAccessExpression:
      return (parent as ts.PropertyAccessExpression).expression === child;
    case ts.SyntaxKind.ElementAccessExpression:
      return (parent as ts.ElementAccessExpression).expression === child;
    case ts.SyntaxKind.TemplateSpan:
    case ts.SyntaxKind.TemplateExpression:
    case ts.SyntaxKind.ParenthesizedExpression:
    case ts.SyntaxKind.AsExpression:
    case ts.SyntaxKind.NonNullExpression:
    case ts.SyntaxKind.SatisfiesExpression:
    case ts.SyntaxKind.AwaitExpression:
    case ts.SyntaxKind.ConditionalExpression:
    case ts.SyntaxKind.ArrayLiteralExpression:
    case ts.SyntaxKind.SpreadElement:
    case ts.SyntaxKind.SpreadAssignment:
    case ts.SyntaxKind.ObjectLiteralExpression:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.ShorthandPropertyAssignment:
      return true;
    case ts.SyntaxKind.CallExpression: {
      // `q.trim()`, `name.toLowerCase()`: a method of the value returns text made from it; a test of it does not.
      const callee = (parent as ts.CallExpression).expression;
      return callee === child && ts.isPropertyAccessExpression(callee) && !NON_CARRYING_METHODS.has(callee.name.text);
    }
    case ts.SyntaxKind.BinaryExpression: {
      const operator = (parent as ts.BinaryExpression).operatorToken.kind;
      return operator === ts.SyntaxKind.PlusToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken;
    }
    default:
      return false;
  }
}
