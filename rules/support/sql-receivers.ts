// Recognises SQL driver objects by what they are, not by their names: imports and requires of a driver module,
// constructors (`new Pool()`), factories (`mysql.createPool()`, `knex(…)`, `postgres(…)`, `pgp(…)`), values
// derived from them (`pool.connect()`, `dataSource.manager`), and type annotations (`pool: Pool` with Pool from
// 'pg'). Syntactic; the rule may ask the checker when a declared type comes from another file.
import * as ts from 'typescript';
import { CONVENTIONAL_RECEIVER_PROPERTIES, driverForModule, type DriverModel } from '../data/sql-sinks';
import { skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';

export type DriverValueKind =
  /** The module object (`import * as pg from 'pg'`, `const mysql = require('mysql2')`, `import knex from 'knex'`). */
  | 'module'
  /** A named export (`Pool`, `createPool`, `sql`, `Prisma`). */
  | 'export'
  /** A function that makes receivers (`pgp` from `require('pg-promise')()`). */
  | 'factory'
  /** An object whose methods run SQL (a pool, a connection, a knex instance or query builder, a DataSource). */
  | 'receiver';

export interface DriverValue {
  driver: DriverModel;
  kind: DriverValueKind;
  exportName?: string;
  /** How the receiver was made, for messages and fixes (e.g. 'request' for an mssql Request). */
  via?: string;
  /**
   * A project's wrapper (`module.exports = { query: (text, params) => pool.query(text, params) }`): only these
   * methods run SQL, each passing its arguments on unchanged; nothing else is derived from it.
   */
  methods?: ReadonlyMap<string, number>;
}

/**
 * Looks up what a workspace module exports under a name ('default', '*' for `module.exports`/`export =`, or a name),
 * or a property `member` of that export; undefined for packages and for what is not a driver value.
 */
export type LocalExportResolver = (specifier: string, exportName: string, member?: string) => DriverValue | undefined;

/** A function declaration, method, arrow function or function expression. */
export type FunctionWithBody = ts.SignatureDeclaration & { body?: ts.Node };

export class SqlReceivers {
  private readonly cache = new Map<ts.Node, DriverValue | null>();

  constructor(
    private readonly index: FileIndex,
    /** Follows `import pool from './db'` into other workspace modules (support/driver-exports.ts). */
    private readonly resolveLocalExport?: LocalExportResolver,
  ) {}

  /** What driver value an expression holds, if any. */
  classify(expression: ts.Expression): DriverValue | undefined {
    const node = skipOuterExpressions(expression);
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    this.cache.set(node, null); // breaks cycles (`let db = db2; db2 = db`)
    const result = this.compute(node);
    this.cache.set(node, result ?? null);
    return result;
  }

  private compute(node: ts.Expression): DriverValue | undefined {
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      return declaration ? this.classifyDeclaration(declaration) : undefined;
    }
    if (node.kind === ts.SyntaxKind.ThisKeyword) return undefined;
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return this.classifyThisMember(node, node.name.text);
      const exported = this.importedMember(node.expression, node.name.text);
      if (exported) return exported;
      const object = this.classify(node.expression);
      const name = node.name.text;
      if (object?.kind === 'module') return { driver: object.driver, kind: 'export', exportName: name };
      if (object?.kind === 'receiver' && !object.methods && object.driver.derivedProperties.includes(name)) return { driver: object.driver, kind: 'receiver' };
      const conventional = CONVENTIONAL_RECEIVER_PROPERTIES.get(name);
      if (conventional) return { driver: driverForId(conventional), kind: 'receiver' };
      return undefined;
    }
    if (ts.isObjectLiteralExpression(node)) return this.forwardingWrapper(this.namedFunctions(node.properties));
    if (ts.isNewExpression(node)) {
      const constructor = this.classify(node.expression);
      if (!constructor) return this.localClassWrapper(node.expression);
      if (constructor.kind === 'export' && constructor.driver.constructors.includes(constructor.exportName!)) {
        return { driver: constructor.driver, kind: 'receiver', via: constructor.exportName };
      }
      // `const Sequelize = require('sequelize'); new Sequelize(…)`: a CommonJS driver whose module is its class.
      if (constructor.kind === 'module' && (constructor.driver.moduleIsFactory || constructor.driver.constructors.length > 0)) return { driver: constructor.driver, kind: 'receiver' };
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const required = requireModule(node);
      if (required !== undefined) {
        const driver = driverForModule(required);
        return driver ? { driver, kind: 'module' } : undefined;
      }
      const callee = skipOuterExpressions(node.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        const object = this.classify(callee.expression);
        const method = callee.name.text;
        if (object?.kind === 'receiver') {
          if (object.methods) return undefined;
          // knex: every builder method returns a builder.
          if (object.driver.id === 'knex' || object.driver.derivations.includes(method)) return { driver: object.driver, kind: 'receiver', via: method };
          return undefined;
        }
        if (object?.kind === 'module' && object.driver.factories.includes(method)) return { driver: object.driver, kind: 'receiver', via: method };
        // `require('sqlite3').verbose()` is the module again.
        if (object?.kind === 'module' && object.driver.derivations.includes(method)) return object;
        if (object?.kind === 'export' && object.exportName !== undefined && object.driver.constructors.includes(object.exportName) && method === 'connect') {
          return { driver: object.driver, kind: 'receiver' };
        }
      }
      const called = this.classify(callee);
      if (!called) return undefined;
      if (called.kind === 'module' && called.driver.moduleIsFactory) {
        return { driver: called.driver, kind: called.driver.factoryReturnsFactory ? 'factory' : 'receiver' };
      }
      if (called.kind === 'export' && called.driver.factories.includes(called.exportName!)) return { driver: called.driver, kind: 'receiver', via: called.exportName };
      if (called.kind === 'factory') return { driver: called.driver, kind: 'receiver' };
      if (called.kind === 'receiver' && !called.methods && called.driver.id === 'knex') return { driver: called.driver, kind: 'receiver' };
      return undefined;
    }
    return undefined;
  }

  classifyDeclaration(declaration: LocalDeclaration): DriverValue | undefined {
    const imported = this.index.importOf(declaration);
    if (imported) {
      const driver = driverForModule(imported.module);
      if (!driver) return this.resolveLocalExport?.(imported.module, imported.imported);
      if (imported.imported === '*') return { driver, kind: 'module' };
      if (imported.imported === 'default') return { driver, kind: 'module' };
      return { driver, kind: 'export', exportName: imported.imported };
    }
    const node = declaration.node;
    if (ts.isVariableDeclaration(node) || ts.isParameter(node)) {
      if (node.type) {
        const fromType = this.classifyType(node.type);
        if (fromType) return fromType;
      }
      if (node.initializer) {
        const fromInit = this.classify(node.initializer);
        if (fromInit) return fromInit;
      }
      if (ts.isVariableDeclaration(node)) {
        for (const write of this.index.writesTo(declaration)) {
          if (write.value && write.operator === ts.SyntaxKind.EqualsToken) {
            const fromWrite = this.classify(write.value);
            if (fromWrite) return fromWrite;
          }
        }
      }
      if (ts.isParameter(node)) return this.classifyCallbackParameter(node);
    }
    return undefined;
  }

  /** `db.pool` with `db` imported from a workspace module (`import * as db`, `const db = require('../models')`, `import db from './db'`). */
  private importedMember(expression: ts.Expression, name: string): DriverValue | undefined {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node) || !this.resolveLocalExport) return undefined;
    const declaration = this.index.resolve(node);
    const imported = declaration && this.index.importOf(declaration);
    if (!imported || driverForModule(imported.module)) return undefined;
    return imported.imported === '*' ? this.resolveLocalExport(imported.module, name) : this.resolveLocalExport(imported.module, imported.imported, name);
  }

  /** `new Database()` of a class declared in this file that wraps a driver (`query(text, params) { return this.pool.query(text, params) }`). */
  private localClassWrapper(expression: ts.Expression): DriverValue | undefined {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node);
    return declaration && ts.isClassDeclaration(declaration.node) ? this.forwardingWrapper(this.namedFunctions(declaration.node.members)) : undefined;
  }

  /**
   * An object or class whose methods hand their own arguments, unchanged and in order, to the driver method of the
   * same name (node-postgres's suggested `db/index.js`). A method that builds its own text, or a `query` that is a
   * cache lookup, makes nothing a sink.
   */
  forwardingWrapper(functions: Iterable<[string, FunctionWithBody]>): DriverValue | undefined {
    let driver: DriverValue['driver'] | undefined;
    const methods = new Map<string, number>();
    for (const [name, fn] of functions) {
      const forwarded = this.forwardedCall(fn, name);
      if (!forwarded || (driver && forwarded.driver !== driver)) continue;
      driver = forwarded.driver;
      methods.set(name, forwarded.argumentCount);
    }
    return driver ? { driver, kind: 'receiver', via: 'wrapper', methods } : undefined;
  }

  private *namedFunctions(members: ts.NodeArray<ts.ObjectLiteralElementLike | ts.ClassElement>): Iterable<[string, FunctionWithBody]> {
    for (const member of members) {
      const name = member.name && (ts.isIdentifier(member.name) || ts.isStringLiteral(member.name)) ? member.name.text : undefined;
      const fn = name === undefined ? undefined : this.functionOfMember(member);
      if (fn) yield [name!, fn];
    }
  }

  private functionOfMember(member: ts.ObjectLiteralElementLike | ts.ClassElement): FunctionWithBody | undefined {
    if (ts.isMethodDeclaration(member)) return member;
    let value: ts.Expression | undefined;
    if (ts.isPropertyAssignment(member) || ts.isPropertyDeclaration(member)) value = member.initializer;
    else if (ts.isShorthandPropertyAssignment(member)) {
      const declaration = this.index.resolve(member.name);
      if (declaration && ts.isFunctionDeclaration(declaration.node)) return declaration.node;
      if (declaration && ts.isVariableDeclaration(declaration.node)) value = declaration.node.initializer;
    }
    const fn = value && skipOuterExpressions(value);
    return fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? fn : undefined;
  }

  /**
   * The driver whose method `name` the function calls with exactly its own parameters (`(text, params) =>
   * pool.query(text, params)`), and how many it passes on (a rest parameter: all).
   */
  private forwardedCall(fn: FunctionWithBody, name: string): { driver: DriverValue['driver']; argumentCount: number } | undefined {
    const parameters = fn.parameters;
    if (!fn.body || parameters.length === 0) return undefined;
    let found: { driver: DriverValue['driver']; argumentCount: number } | undefined;
    const visit = (node: ts.Node): void => {
      if (found || (node !== fn.body && ts.isFunctionLike(node))) return;
      if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === name && passesParametersOn(node.arguments, parameters, this.index)) {
        const receiver = this.classify(node.expression.expression);
        const method = receiver?.kind === 'receiver' && !receiver.methods ? receiver.driver.sinks.find((sink) => sink.name === name) : undefined;
        if (receiver && method) found = { driver: receiver.driver, argumentCount: node.arguments.some(ts.isSpreadElement) ? Infinity : node.arguments.length };
        return;
      }
      node.forEachChild(visit);
    };
    visit(fn.body);
    return found;
  }

  /** `db.transaction(async (trx) => …)`, `dataSource.transaction(async (manager) => …)`: the callback gets a receiver. */
  private classifyCallbackParameter(parameter: ts.ParameterDeclaration): DriverValue | undefined {
    const fn = parameter.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== parameter) return undefined;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return undefined;
    const method = call.expression.name.text;
    if (method !== 'transaction' && method !== 'task' && method !== 'tx' && method !== 'begin' && method !== 'reserve') return undefined;
    const owner = this.classify(call.expression.expression);
    return owner?.kind === 'receiver' && !owner.methods ? { driver: owner.driver, kind: 'receiver' } : undefined;
  }

  /** `Pool`, `pg.Pool`, `Knex`, `Knex.Transaction`, `Repository<User>`: a driver type written in an annotation. */
  classifyType(type: ts.TypeNode): DriverValue | undefined {
    if (ts.isUnionTypeNode(type)) {
      for (const member of type.types) {
        const found = this.classifyType(member);
        if (found) return found;
      }
      return undefined;
    }
    if (!ts.isTypeReferenceNode(type)) return undefined;
    const name = type.typeName;
    if (ts.isIdentifier(name)) {
      const declaration = this.index.resolve(name);
      const imported = declaration && this.index.importOf(declaration);
      const driver = imported && driverForModule(imported.module);
      if (driver && driver.typeNames.includes(imported!.imported)) return { driver, kind: 'receiver', via: imported!.imported };
      return undefined;
    }
    // `pg.Pool`, `Knex.Transaction`, `sql.ConnectionPool`
    let left: ts.EntityName = name;
    while (ts.isQualifiedName(left)) left = left.left;
    const declaration = this.index.resolve(left);
    const imported = declaration && this.index.importOf(declaration);
    const driver = imported && driverForModule(imported.module);
    if (!driver) return undefined;
    const right = name.right.text;
    if (driver.typeNames.includes(right) || driver.typeNames.includes(imported!.imported)) return { driver, kind: 'receiver', via: right };
    return undefined;
  }

  /** `this.pool`: a class property or constructor parameter property, by its type or initializer. */
  private classifyThisMember(access: ts.PropertyAccessExpression, name: string): DriverValue | undefined {
    let cls: ts.Node | undefined = access.parent;
    while (cls && !ts.isClassLike(cls)) cls = cls.parent;
    if (!cls || !ts.isClassLike(cls)) return undefined;
    for (const member of cls.members) {
      if (ts.isPropertyDeclaration(member) && member.name.getText() === name) {
        if (member.type) {
          const fromType = this.classifyType(member.type);
          if (fromType) return fromType;
        }
        if (member.initializer) return this.classify(member.initializer);
      }
      if (ts.isConstructorDeclaration(member)) {
        for (const parameter of member.parameters) {
          if (parameter.name && ts.isIdentifier(parameter.name) && parameter.name.text === name && parameter.type && ts.isParameterPropertyDeclaration(parameter, member)) {
            return this.classifyType(parameter.type);
          }
        }
        for (const statement of member.body?.statements ?? []) {
          if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
            const target = statement.expression.left;
            if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === name) {
              return this.classify(statement.expression.right);
            }
          }
        }
      }
    }
    return undefined;
  }

  /** The annotation of the binding a receiver expression starts from, for the type-checker fallback. */
  declaredTypeOf(expression: ts.Expression): ts.TypeNode | undefined {
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      const decl = declaration?.node;
      return decl && (ts.isVariableDeclaration(decl) || ts.isParameter(decl)) ? decl.type : undefined;
    }
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      let cls: ts.Node | undefined = node.parent;
      while (cls && !ts.isClassLike(cls)) cls = cls.parent;
      if (!cls || !ts.isClassLike(cls)) return undefined;
      for (const member of cls.members) {
        if (ts.isPropertyDeclaration(member) && member.name.getText() === node.name.text) return member.type;
        if (ts.isConstructorDeclaration(member)) {
          const parameter = member.parameters.find((p) => p.name && ts.isIdentifier(p.name) && p.name.text === node.name.text);
          if (parameter) return parameter.type;
        }
      }
    }
    return undefined;
  }
}

/** `(text, params, cb)` passed on as `(text, params, cb)` or a prefix of it, or `(...args)` as `(...args)`. */
function passesParametersOn(args: ts.NodeArray<ts.Expression>, parameters: ts.NodeArray<ts.ParameterDeclaration>, index: FileIndex): boolean {
  if (args.length === 0 || args.length > parameters.length) return false;
  return args.every((arg, position) => {
    const parameter = parameters[position]!;
    const value = ts.isSpreadElement(arg) ? arg.expression : arg;
    if (ts.isSpreadElement(arg) !== (parameter.dotDotDotToken !== undefined) || !ts.isIdentifier(value) || !ts.isIdentifier(parameter.name)) return false;
    return index.resolve(value)?.node === parameter;
  });
}

function requireModule(call: ts.CallExpression): string | undefined {
  if (ts.isIdentifier(call.expression) && call.expression.text === 'require' && call.arguments.length === 1 && ts.isStringLiteralLike(call.arguments[0]!)) {
    return call.arguments[0].text;
  }
  return undefined;
}

function driverForId(id: string): DriverModel {
  const driver = driverForModule(id);
  if (!driver) throw new Error(`no driver for ${id}`);
  return driver;
}

export function isRelativeSpecifier(specifier: string): boolean {
  return specifier.startsWith('./') || specifier.startsWith('../') || specifier === '.' || specifier === '..';
}
