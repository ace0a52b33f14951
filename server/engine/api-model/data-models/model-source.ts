// What every data-model summarizer needs from the file being summarised: the builder's collected nodes, where a
// model expression is bound (a top-level variable, `module.exports`, `export default`), which ORM modules the file
// imports, and reading small literals (option objects, decorators). Syntactic and local: no walk of its own.
import * as ts from 'typescript';
import type { OrmName } from '../../../../rules/support/api-model';
import { commonJsExportName, propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { DISTINCTIVE_ORM_METHODS, isOrmDataMethod, MODEL_DECLARING_CALLEES, ormOfModule } from '../../../../rules/data/orm-models';
import type { SummaryBuilder } from '../summarize';
import type { DataModelSummary } from '../summary';

type Invocation = ts.CallExpression | ts.NewExpression;

export class ModelSource {
  private importedOrms: Set<OrmName> | undefined;
  /** The calls and `new`s the summarizers read, by the callee's last name (`define` in `sequelize.define(…)`). */
  private readonly byCallee = new Map<string, Invocation[]>();
  /** An ORM read or write method is called on something (`x.findMany(…)`). */
  readonly callsDataMethod: boolean = false;
  /** Capitalised names given to `new` (`new User(body)`), for "news a model". */
  readonly constructedNames = new Set<string>();

  /** One pass over the walk's calls keeps only those some summarizer asks for. */
  constructor(readonly builder: SummaryBuilder) {
    let callsDataMethod = false;
    for (const call of builder.calls) {
      const callee = skipOuterExpressions(call.expression);
      const isMember = callee.kind === ts.SyntaxKind.PropertyAccessExpression;
      const name = callee.kind === ts.SyntaxKind.Identifier ? (callee as ts.Identifier).text : isMember ? (callee as ts.PropertyAccessExpression).name.text : undefined;
      if (name === undefined) continue;
      if (MODEL_DECLARING_CALLEES.has(name)) {
        const list = this.byCallee.get(name);
        if (list) list.push(call);
        else this.byCallee.set(name, [call]);
      }
      if (call.kind === ts.SyntaxKind.NewExpression) {
        // `new User(body)`; `new RefundService()` (no argument) builds no record.
        if (!isMember && isCapitalised(name) && (call.arguments?.length ?? 0) > 0) this.constructedNames.add(name);
      } else if (isMember && !callsDataMethod) {
        callsDataMethod = DISTINCTIVE_ORM_METHODS.has(name) || (isOrmDataMethod(name) && looksLikeDataReceiver((callee as ts.PropertyAccessExpression).expression));
      }
    }
    this.callsDataMethod = callsDataMethod;
  }

  /** Calls (`f(…)`, `x.f(…)`) of this name, in source order; `name` must be in MODEL_DECLARING_CALLEES. */
  callsNamed(name: string): ts.CallExpression[] {
    return (this.byCallee.get(name) ?? []).filter(ts.isCallExpression);
  }

  /** `new Name(…)`, `new x.Name(…)`, in source order; `name` must be in MODEL_DECLARING_CALLEES. */
  constructionsOf(name: string): ts.NewExpression[] {
    return (this.byCallee.get(name) ?? []).filter(ts.isNewExpression);
  }

  get sourceFile(): ts.SourceFile {
    return this.builder.sourceFile;
  }

  /** True when the file imports or requires a module of this ORM. */
  imports(orm: OrmName): boolean {
    return this.importedOrmModules().has(orm);
  }

  /** The ORMs whose modules the file imports or requires. */
  importedOrmModules(): ReadonlySet<OrmName> {
    if (!this.importedOrms) {
      this.importedOrms = new Set();
      // Every import and require, also those inside functions (`module.exports = (sequelize) => { require(…) }`).
      for (const binding of this.builder.index.imports.values()) {
        const found = ormOfModule(binding.module);
        if (found) this.importedOrms.add(found);
      }
    }
    return this.importedOrms;
  }

  add(model: DataModelSummary): void {
    (this.builder.summary.dataModels ??= []).push(model);
  }

  /**
   * Where the value of `expression` is kept: `const User = <expression>` (through `||`, `??`, `await`, parentheses)
   * at the top level, and the names it is exported under (`module.exports =`, `export default`, `export const`).
   */
  bindingOf(expression: ts.Node): { binding?: string; exportedAs?: string[] } {
    let node: ts.Node = expression;
    while (node.parent && (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isAwaitExpression(node.parent) || ts.isNonNullExpression(node.parent) || ts.isSatisfiesExpression(node.parent) ||
      (ts.isBinaryExpression(node.parent) && (node.parent.operatorToken.kind === ts.SyntaxKind.BarBarToken || node.parent.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken) && node.parent.right === node))) {
      node = node.parent;
    }
    const parent = node.parent;
    if (!parent) return {};
    if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) {
      const statement = parent.parent?.parent;
      if (statement && ts.isVariableStatement(statement) && statement.parent === this.sourceFile) {
        const exported = ts.getModifiers(statement)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
        return { binding: parent.name.text, ...(exported ? { exportedAs: [parent.name.text] } : {}) };
      }
      return { binding: parent.name.text };
    }
    if (ts.isExportAssignment(parent)) return { exportedAs: ['default'] };
    if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node && parent.parent && ts.isExpressionStatement(parent.parent) && parent.parent.parent === this.sourceFile) {
      const name = commonJsExportName(parent.left);
      if (name !== undefined) return { exportedAs: [name] };
    }
    return {};
  }

  /** A class's decorators by name: `@Entity()` → `Entity`. */
  decorators(node: ts.Node): { name: string; call?: ts.CallExpression; node: ts.Decorator }[] {
    const out: { name: string; call?: ts.CallExpression; node: ts.Decorator }[] = [];
    for (const decorator of (ts.canHaveDecorators(node) ? ts.getDecorators(node) : undefined) ?? []) {
      const expression = decorator.expression;
      const callee = ts.isCallExpression(expression) ? expression.expression : expression;
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      if (name) out.push({ name, ...(ts.isCallExpression(expression) ? { call: expression } : {}), node: decorator });
    }
    return out;
  }
}


/** An object literal's properties by name (spreads and computed names are reported as `partial`). */
export function objectProperties(node: ts.Expression | undefined): { properties: Map<string, ts.ObjectLiteralElementLike>; partial: boolean } | undefined {
  const inner = node && skipOuterExpressions(node);
  if (!inner || !ts.isObjectLiteralExpression(inner)) return undefined;
  const properties = new Map<string, ts.ObjectLiteralElementLike>();
  let partial = false;
  for (const property of inner.properties) {
    const name = ts.isSpreadAssignment(property) ? undefined : propertyNameText(property.name);
    if (name === undefined) partial = true;
    else properties.set(name, property);
  }
  return { properties, partial };
}

/** The value of a property assignment (`a: x` → x, shorthand `a` → a). */
export function propertyValue(property: ts.ObjectLiteralElementLike | undefined): ts.Expression | undefined {
  if (!property) return undefined;
  if (ts.isPropertyAssignment(property)) return skipOuterExpressions(property.initializer);
  if (ts.isShorthandPropertyAssignment(property)) return property.name;
  return undefined;
}

/** `{ a: { b: x } }` read along `a.b`. */
export function propertyAt(node: ts.Expression | undefined, path: readonly string[]): ts.Expression | undefined {
  let current = node && skipOuterExpressions(node);
  for (const name of path) {
    const object = objectProperties(current);
    current = object ? propertyValue(object.properties.get(name)) : undefined;
  }
  return current;
}

/** A string literal's text, for an optional node. */
export function staticStringOf(node: ts.Expression | undefined): string | undefined {
  return node ? staticStringValue(node) : undefined;
}

export function isTrue(node: ts.Expression | undefined): boolean {
  return !!node && node.kind === ts.SyntaxKind.TrueKeyword;
}

export function isFalse(node: ts.Expression | undefined): boolean {
  return !!node && node.kind === ts.SyntaxKind.FalseKeyword;
}

/** `['password', 'salt']` → its strings (undefined when any element is not a constant string). */
export function stringList(node: ts.Expression | undefined): string[] | undefined {
  const inner = node && skipOuterExpressions(node);
  if (!inner) return undefined;
  const single = staticStringValue(inner);
  if (single !== undefined) return [single];
  if (!ts.isArrayLiteralExpression(inner)) return undefined;
  const out: string[] = [];
  for (const element of inner.elements) {
    const value = staticStringValue(element);
    if (value === undefined) return undefined;
    out.push(value);
  }
  return out;
}

/** The class a relation decorator or association names: `() => Post`, `'Post'`, `Post`, `type => Post`. */
export function targetModelName(node: ts.Expression | undefined): string | undefined {
  const inner = node && skipOuterExpressions(node);
  if (!inner) return undefined;
  const text = staticStringValue(inner);
  if (text !== undefined) return text;
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isArrowFunction(inner) && !ts.isBlock(inner.body)) return targetModelName(inner.body);
  if (ts.isArrayLiteralExpression(inner) && inner.elements.length === 1) return targetModelName(inner.elements[0]);
  return undefined;
}

/** Field names a serialisation function deletes: `delete ret.password`, `delete values['salt']`. */
export function deletedFields(deletes: readonly ts.DeleteExpression[], fn: ts.Node): string[] {
  const out: string[] = [];
  for (const deletion of deletes) {
    if (deletion.pos < fn.pos || deletion.end > fn.end) continue;
    const target = skipOuterExpressions(deletion.expression);
    const name = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) ? staticStringValue(target.argumentExpression) : undefined;
    if (name !== undefined && !out.includes(name)) out.push(name);
  }
  return out;
}

/** A simple English plural for default association names (`Post` → `Posts`, `Category` → `Categories`). */
export function pluralOf(name: string): string {
  if (/[^aeiou]y$/i.test(name)) return `${name.slice(0, -1)}ies`;
  if (/(s|x|z|ch|sh)$/i.test(name)) return `${name}es`;
  return `${name}s`;
}

/** Words a variable holding an ORM client, repository, model or query goes by. */
const DATA_RECEIVER_NAME = /repo|repository|model|prisma|^db$|database|^em$|entitymanager|manager|knex|datasource|orm|collection|table|^tx$|^trx$|transaction|client|sequelize|mongoose|drizzle|query/i;

/**
 * `User.findAll`, `userRepository.save`, `this.prisma.user.create`, `db.User.create`, `knex('users').insert`,
 * `User.find().select()`: the receiver of an ORM-named method looks like data. `this.cache.delete(key)`,
 * `rows.find(…)`, `list.create()` on other objects do not, so a file of caches and arrays is not "touching data".
 */
function looksLikeDataReceiver(receiver: ts.Expression, depth = 0): boolean {
  const node = skipOuterExpressions(receiver);
  if (depth > 8) return false;
  if (ts.isIdentifier(node)) return isCapitalised(node.text) || DATA_RECEIVER_NAME.test(node.text);
  if (ts.isPropertyAccessExpression(node)) {
    if (isCapitalised(node.name.text) || DATA_RECEIVER_NAME.test(node.name.text)) return true;
    const owner = skipOuterExpressions(node.expression);
    return owner.kind !== ts.SyntaxKind.ThisKeyword && looksLikeDataReceiver(owner, depth + 1);
  }
  if (ts.isCallExpression(node)) return looksLikeDataReceiver(node.expression, depth + 1);
  return false;
}

function isCapitalised(name: string): boolean {
  return name.charCodeAt(0) >= 65 && name.charCodeAt(0) <= 90;
}
