// Serialisation code that deletes fields before a record leaves: a class's or prototype's `toJSON()`
// (`User.prototype.toJSON`, `schema.methods.toJSON`), Mongoose `toJSON`/`toObject` transforms (schema options or
// `schema.set('toJSON', { transform })`). Found from the `delete` expressions the walk collected, upwards, so it
// costs nothing in files that delete nothing.
import * as ts from 'typescript';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { ModelSource } from './model-source';

/** Methods that shape a record's JSON: `toJSON`/`toObject`, Objection's `$formatJson`. */
const SERIALISERS = new Set(['toJSON', 'toObject', '$formatJson']);

export function summarizeSerialisation(source: ModelSource): void {
  for (const deletion of source.builder.deletes) {
    const target = skipOuterExpressions(deletion.expression);
    const field = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) ? staticStringValue(target.argumentExpression) : undefined;
    if (field === undefined) continue;
    const owner = serialiserOwner(deletion);
    if (!owner) continue;
    const hidden = (source.builder.summary.dataHidden ??= []);
    if (!hidden.some((entry) => entry.model === owner.model && entry.field === field)) hidden.push({ model: owner.model, field, by: owner.by });
  }
}

/** The model (class, prototype receiver or schema variable) whose serialiser contains `node`, and how. */
function serialiserOwner(node: ts.Node): { model: string; by: string } | undefined {
  for (let fn = enclosingFunction(node); fn; fn = enclosingFunction(fn)) {
    const parent = fn.parent;
    // class User { toJSON() { … } }
    if (ts.isMethodDeclaration(fn) && SERIALISERS.has(propertyNameText(fn.name) ?? '') && parent && ts.isClassLike(parent) && parent.name) {
      return { model: parent.name.text, by: `${propertyNameText(fn.name)}() deletes it` };
    }
    // User.prototype.toJSON = function () { … }, schema.methods.toJSON = function () { … }
    if (parent && ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === fn) {
      const left = parent.left;
      if (ts.isPropertyAccessExpression(left) && SERIALISERS.has(left.name.text) && ts.isPropertyAccessExpression(left.expression) && (left.expression.name.text === 'prototype' || left.expression.name.text === 'methods')) {
        const model = nameOf(skipOuterExpressions(left.expression.expression));
        if (model) return { model, by: `${left.name.text}() deletes it` };
      }
    }
    // { toJSON: { transform(doc, ret) { … } } } in `new Schema(…, options)` or `schema.set('toJSON', { transform })`
    const transform = transformProperty(fn);
    if (transform) {
      const owner = transformOwner(transform);
      if (owner) return owner;
    }
  }
  return undefined;
}

function enclosingFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current) && (ts.isFunctionExpression(current) || ts.isArrowFunction(current) || ts.isMethodDeclaration(current) || ts.isFunctionDeclaration(current))) return current;
  }
  return undefined;
}

/** The `transform` property (method or assignment) that holds `fn`. */
function transformProperty(fn: ts.FunctionLikeDeclaration): ts.ObjectLiteralExpression | undefined {
  if (ts.isMethodDeclaration(fn) && propertyNameText(fn.name) === 'transform' && fn.parent && ts.isObjectLiteralExpression(fn.parent)) return fn.parent;
  const parent = fn.parent;
  if (parent && ts.isPropertyAssignment(parent) && propertyNameText(parent.name) === 'transform' && parent.parent && ts.isObjectLiteralExpression(parent.parent)) return parent.parent;
  return undefined;
}

/** `{ transform }` is the value of `toJSON:` in a Schema's options, or the second argument of `schema.set('toJSON', …)`. */
function transformOwner(options: ts.ObjectLiteralExpression): { model: string; by: string } | undefined {
  const parent = options.parent;
  if (parent && ts.isPropertyAssignment(parent) && SERIALISERS.has(propertyNameText(parent.name) ?? '')) {
    const schemaOptions = parent.parent;
    const construction = schemaOptions?.parent;
    if (construction && ts.isNewExpression(construction) && construction.arguments?.[1] === schemaOptions) {
      const model = schemaHolder(construction);
      if (model) return { model, by: `${propertyNameText(parent.name)} transform deletes it` };
    }
    return undefined;
  }
  if (parent && ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && parent.expression.name.text === 'set' && parent.arguments[1] === options) {
    const which = parent.arguments[0] && staticStringValue(parent.arguments[0]);
    const model = nameOf(skipOuterExpressions(parent.expression.expression));
    if (which && SERIALISERS.has(which) && model) return { model, by: `${which} transform deletes it` };
  }
  return undefined;
}

/** `const UserSchema = new Schema(…)`: the variable's name. */
function schemaHolder(construction: ts.NewExpression): string | undefined {
  let node: ts.Node = construction;
  while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent))) node = node.parent;
  const parent = node.parent;
  return parent && ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name) ? parent.name.text : undefined;
}

function nameOf(node: ts.Expression): string | undefined {
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}
