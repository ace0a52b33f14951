// What a call's callee is named as in this file, for questions the workspace index answers by name: `UsersService` +
// ['update'] for `this.usersService.update(…)` (the property's declared type), `RefundService` + ['list'] for
// `service.list(…)` after `const service = new RefundService()`. Syntactic.
import * as ts from 'typescript';
import { propertyNameText } from './ast';
import { skipOuterExpressions, type FileIndex } from './dataflow';

/** What a call's callee is called in this file: `UsersService` + ['update'] for `this.usersService.update` (its declared type). */
export function calleeTarget(call: ts.CallExpression, index: FileIndex): { name: string; members: string[] } | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) return { name: callee.text, members: [] };
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const owner = skipOuterExpressions(callee.expression);
  if (ts.isIdentifier(owner)) {
    const declaration = index.resolve(owner);
    const typeName = declaration && (ts.isParameter(declaration.node) || ts.isVariableDeclaration(declaration.node)) ? typeReferenceName(declaration.node.type) ?? constructedClass(declaration.node) : undefined;
    return { name: typeName ?? owner.text, members: [callee.name.text] };
  }
  if (ts.isPropertyAccessExpression(owner) && owner.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const typeName = typeReferenceName(thisMemberType(owner));
    return typeName ? { name: typeName, members: [callee.name.text] } : undefined;
  }
  return undefined;
}

/** The declared type of `this.<name>`: a property or a constructor parameter property of the enclosing class. */
function thisMemberType(access: ts.PropertyAccessExpression): ts.TypeNode | undefined {
  let cls: ts.Node | undefined = access.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  const name = access.name.text;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name) return member.type;
    if (ts.isConstructorDeclaration(member)) {
      const parameter = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name);
      if (parameter) return parameter.type;
    }
  }
  return undefined;
}

function typeReferenceName(type: ts.TypeNode | undefined): string | undefined {
  return type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
}

/** `const service = new RefundService()`: the class constructed. */
function constructedClass(node: ts.Node): string | undefined {
  if (!ts.isVariableDeclaration(node) || !node.initializer) return undefined;
  const init = skipOuterExpressions(node.initializer);
  return ts.isNewExpression(init) && ts.isIdentifier(init.expression) ? init.expression.text : undefined;
}
