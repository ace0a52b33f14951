// Which data model an ORM call works on, from its receiver: `prisma.user` (create), `User` (findAll),
// `this.userRepo` (save), `getRepository(User)`, `db.insert(users)`, `em.create(User, …)`. Syntactic first, through
// the rule's FileIndex and the workspace's data-model catalogue; with a checker, the receiver's type as a fallback.
// Shared by `mass-assignment` and `full-record-response`.
import * as ts from 'typescript';
import type { DataModel, DataModelCatalogue, OrmName } from './api-model';
import { propertyNameText, staticStringValue } from './ast';
import { type FileIndex, type LocalDeclaration, skipOuterExpressions } from './dataflow';
import type { RuleContext } from './rule';
import { ENTITY_MANAGER_METHODS, INJECT_DECORATORS, ormOfModule, PRISMA_CLIENT_NAMES, PRISMA_CLIENT_TYPES, REPOSITORY_FACTORIES, REPOSITORY_TYPES } from '../data/orm-models';

export interface ReceiverModel {
  model: DataModel;
  orm: OrmName;
  /** For messages and tests: how the receiver was recognised ("Prisma client accessor", "@InjectRepository(User)"). */
  how: string;
}

/** What the lookups need: the file, its index, and the catalogue (`context.getApiModel().dataModels`). */
export interface DataModelLookup {
  filePath: string;
  sourceFile: ts.SourceFile;
  index: FileIndex;
  models: DataModelCatalogue;
}

export function dataModelLookup(context: Pick<RuleContext, 'filePath' | 'sourceFile' | 'getApiModel'>, index: FileIndex): DataModelLookup {
  return { filePath: context.filePath, sourceFile: context.sourceFile, index, models: context.getApiModel().dataModels };
}

/** Drizzle query builders given the table: `db.insert(users)`, `db.update(users)`, `db.delete(users)`, `.from(users)`. */
const TABLE_TAKING_METHODS: ReadonlySet<string> = new Set(['insert', 'update', 'delete', 'from']);
const MAX_DEPTH = 6;

/**
 * The model behind an ORM call's receiver, or undefined when the receiver is not known to be one (a Repository of
 * another library, a variable named `User` that holds something else, `db.insert(x)` of a non-table).
 */
export function modelOfReceiver(expression: ts.Expression, lookup: DataModelLookup, checker?: ts.TypeChecker): ReceiverModel | undefined {
  return syntacticModel(expression, lookup, 0) ?? (checker ? modelOfExpressionType(expression, lookup, checker) : undefined);
}

/**
 * The model a call works on: its receiver's (`User.create(…)`, `prisma.user.create(…)`), else an entity manager's
 * first argument (`manager.save(User, body)`, `em.create(User, body)`).
 */
export function modelOfCall(call: ts.CallExpression, lookup: DataModelLookup, checker?: ts.TypeChecker): ReceiverModel | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const receiver = modelOfReceiver(callee.expression, lookup, checker);
  if (receiver) return receiver;
  const first = call.arguments[0];
  if (ENTITY_MANAGER_METHODS.has(callee.name.text) && first) {
    const model = modelOfClassArgument(first, lookup);
    if (model) return { model, orm: model.orm, how: `${callee.name.text}(${model.name}, …) of an entity manager` };
  }
  return undefined;
}

function syntacticModel(expression: ts.Expression, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return modelOfIdentifier(node, lookup, depth);
  if (ts.isPropertyAccessExpression(node)) return prismaAccessor(node, lookup, depth) ?? memberModel(node, lookup, depth) ?? thisMember(node, lookup, depth);
  if (ts.isCallExpression(node)) return repositoryCall(node, lookup);
  return undefined;
}

/** `User`, a local alias (`const repo = getRepository(User)`), or a parameter typed `Repository<User>`. */
function modelOfIdentifier(identifier: ts.Identifier, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  const declaration = lookup.index.resolve(identifier);
  if (declaration && !isTopLevel(declaration, lookup.sourceFile)) return modelOfLocal(declaration, lookup, depth);
  const model = lookup.models.named(lookup.filePath, identifier.text);
  if (model) return { model, orm: model.orm, how: `the ${ormLabel(model.orm)} model ${model.name}` };
  // A module-level repository or alias: `const usersRepo = AppDataSource.getRepository(User)`.
  return declaration ? modelOfLocal(declaration, lookup, depth) : undefined;
}

function modelOfLocal(declaration: LocalDeclaration, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  const node = declaration.node;
  if (ts.isVariableDeclaration(node) && node.initializer && declaration.isConst) return syntacticModel(node.initializer, lookup, depth + 1);
  if (ts.isParameter(node)) return modelOfDeclaredType(node, lookup);
  return undefined;
}

/** `db.User`, `models.User`, `sequelize.models.User`: a name with members, resolved by the catalogue. */
function memberModel(access: ts.PropertyAccessExpression, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  const members: string[] = [];
  let current: ts.Expression = access;
  while (ts.isPropertyAccessExpression(current)) {
    members.unshift(current.name.text);
    current = skipOuterExpressions(current.expression);
  }
  if (!ts.isIdentifier(current)) return undefined;
  const declaration = lookup.index.resolve(current);
  if (declaration && !isTopLevel(declaration, lookup.sourceFile)) {
    // `const { User } = db` style aliases are the rule's business; a local object of models is followed once.
    if (!(ts.isVariableDeclaration(declaration.node) && declaration.node.initializer && depth < MAX_DEPTH)) return undefined;
    const inner = skipOuterExpressions(declaration.node.initializer);
    if (!ts.isIdentifier(inner) && !ts.isPropertyAccessExpression(inner)) return undefined;
  }
  // Drizzle's relational queries: `db.query.users.findMany()` names the table by its schema key.
  if (members.length === 2 && members[0] === 'query') {
    const table = lookup.models.byName(members[1]!, lookup.filePath);
    if (table?.orm === 'drizzle') return { model: table, orm: 'drizzle', how: `${current.text}.query.${members[1]} of Drizzle` };
  }
  const model = lookup.models.named(lookup.filePath, current.text, members);
  return model ? { model, orm: model.orm, how: `the ${ormLabel(model.orm)} model ${model.name} (${current.text}.${members.join('.')})` } : undefined;
}

/** `prisma.user`, `this.prisma.user`, `tx.user`: a Prisma client's model accessor. */
function prismaAccessor(access: ts.PropertyAccessExpression, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  const accessor = access.name.text;
  if (accessor.startsWith('$') || !isPrismaClient(access.expression, lookup, depth)) return undefined;
  const model = lookup.models.prismaModel(lookup.filePath, accessor);
  return model ? { model, orm: 'prisma', how: `the Prisma client's ${accessor} accessor` } : undefined;
}

function isPrismaClient(expression: ts.Expression, lookup: DataModelLookup, depth: number): boolean {
  const node = skipOuterExpressions(expression);
  if (ts.isNewExpression(node)) return isPrismaClientType(node.expression.getText(lookup.sourceFile));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === '$extends') return isPrismaClient(node.expression.expression, lookup, depth + 1);
  if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
    const member = classMember(node);
    if (member?.type) return isPrismaClientType(typeName(member.type) ?? '');
    if (member && ts.isPropertyDeclaration(member) && member.initializer) return isPrismaClient(member.initializer, lookup, depth + 1);
    return PRISMA_CLIENT_NAMES.has(node.name.text);
  }
  if (!ts.isIdentifier(node) || depth > MAX_DEPTH) return false;
  const declaration = lookup.index.resolve(node);
  if (!declaration) return PRISMA_CLIENT_NAMES.has(node.text);
  const declared = declaration.node;
  if (ts.isVariableDeclaration(declared)) {
    if (declared.type) return isPrismaClientType(typeName(declared.type) ?? '');
    // `globalThis.prisma ?? new PrismaClient()`, `global.prisma || new PrismaClient()`
    const initializer = declared.initializer && skipOuterExpressions(declared.initializer);
    if (!initializer) return false;
    if (ts.isBinaryExpression(initializer)) return isPrismaClient(initializer.right, lookup, depth + 1) || isPrismaClient(initializer.left, lookup, depth + 1);
    return isPrismaClient(initializer, lookup, depth + 1);
  }
  if (ts.isParameter(declared)) return (!!declared.type && isPrismaClientType(typeName(declared.type) ?? '')) || isTransactionCallbackParameter(declared);
  const imported = lookup.index.importOf(declaration);
  // `import { prisma } from '../lib/db'`: the index knows whether that module makes a client; for a package (or an
  // alias the index cannot follow), the conventional names of a client.
  if (imported) return lookup.models.isPrismaClient?.(lookup.filePath, node.text) ?? (PRISMA_CLIENT_NAMES.has(node.text) || PRISMA_CLIENT_NAMES.has(imported.imported));
  return false;
}

function isPrismaClientType(text: string): boolean {
  return PRISMA_CLIENT_TYPES.has(text.split('.').pop()!.replace(/<.*$/s, ''));
}

/** `prisma.$transaction(async (tx) => …)`: the callback's first parameter is a client. */
function isTransactionCallbackParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  const call = fn?.parent;
  return !!call && ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && call.expression.name.text === '$transaction' && fn.parameters[0] === parameter;
}

/** `getRepository(User)`, `dataSource.getRepository(User)`, `db.insert(users)`, `em.getRepository('User')`. */
function repositoryCall(call: ts.CallExpression, lookup: DataModelLookup): ReceiverModel | undefined {
  const callee = skipOuterExpressions(call.expression);
  const method = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
  const first = call.arguments[0];
  if (method === undefined) return undefined;
  if (method === 'query' && ts.isPropertyAccessExpression(callee)) {
    // Objection: `User.query()`, `User.query(trx)` build queries on the model.
    const model = syntacticModel(callee.expression, lookup, 1);
    return model?.orm === 'objection' ? { ...model, how: `${model.model.name}.query()` } : undefined;
  }
  if (!first) return undefined;
  if (REPOSITORY_FACTORIES.has(method)) {
    const model = modelOfClassArgument(first, lookup);
    return model ? { model, orm: model.orm, how: `${method}(${model.name})` } : undefined;
  }
  if (TABLE_TAKING_METHODS.has(method) && ts.isPropertyAccessExpression(callee)) {
    const table = skipOuterExpressions(first);
    const model = ts.isIdentifier(table) ? lookup.models.named(lookup.filePath, table.text) : ts.isPropertyAccessExpression(table) ? memberModel(table, lookup, 0)?.model : undefined;
    return model?.orm === 'drizzle' ? { model, orm: 'drizzle', how: `${method}(${model.name}) of Drizzle` } : undefined;
  }
  return undefined;
}

/** `User` (a class or model name in reach) or `'User'` (a model by its name). */
function modelOfClassArgument(argument: ts.Expression, lookup: DataModelLookup): DataModel | undefined {
  const node = skipOuterExpressions(argument);
  const text = staticStringValue(node);
  if (text !== undefined) return lookup.models.byName(text, lookup.filePath);
  if (ts.isIdentifier(node)) return lookup.models.named(lookup.filePath, node.text);
  // `User.name` in `@InjectModel(User.name)`
  if (ts.isPropertyAccessExpression(node) && node.name.text === 'name' && ts.isIdentifier(node.expression)) return lookup.models.named(lookup.filePath, node.expression.text);
  return undefined;
}

/** `this.userRepo`: the class's property or constructor parameter property, by its decorator or declared type. */
function thisMember(access: ts.PropertyAccessExpression, lookup: DataModelLookup, depth: number): ReceiverModel | undefined {
  if (skipOuterExpressions(access.expression).kind !== ts.SyntaxKind.ThisKeyword) return undefined;
  const member = classMember(access);
  const assigned = constructorAssignment(access);
  const fromConstructor = assigned && syntacticModel(assigned, lookup, depth + 1);
  if (fromConstructor) return fromConstructor;
  if (!member) return undefined;
  const injected = injectedModel(member, lookup);
  if (injected) return injected;
  const typed = modelOfDeclaredType(member, lookup);
  if (typed) return typed;
  if (ts.isPropertyDeclaration(member) && member.initializer) return syntacticModel(member.initializer, lookup, depth + 1);
  return undefined;
}

type ClassMember = ts.PropertyDeclaration | ts.ParameterDeclaration;

/** `this.repo = dataSource.getRepository(User)` at the top level of the enclosing class's constructor. */
function constructorAssignment(access: ts.PropertyAccessExpression): ts.Expression | undefined {
  const cls = enclosingClass(access);
  const constructor = cls?.members.find((member): member is ts.ConstructorDeclaration => ts.isConstructorDeclaration(member) && !!member.body);
  for (const statement of constructor?.body?.statements ?? []) {
    const expression = ts.isExpressionStatement(statement) ? statement.expression : undefined;
    if (!expression || !ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const target = expression.left;
    if (ts.isPropertyAccessExpression(target) && target.expression.kind === ts.SyntaxKind.ThisKeyword && target.name.text === access.name.text) return expression.right;
  }
  return undefined;
}

function enclosingClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  let current: ts.Node | undefined = node.parent;
  while (current && !ts.isClassLike(current)) current = current.parent;
  return current;
}

/** The property `this.<name>` reads in the enclosing class: a property declaration or a constructor parameter property. */
function classMember(access: ts.PropertyAccessExpression): ClassMember | undefined {
  const name = access.name.text;
  const cls = enclosingClass(access);
  if (!cls) return undefined;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name) return member;
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.isParameterPropertyDeclaration(parameter, member)) return parameter;
      }
    }
  }
  return undefined;
}

/** `@InjectRepository(User)`, `@InjectModel(User.name)`, `@InjectModel('User')`. */
function injectedModel(member: ClassMember, lookup: DataModelLookup): ReceiverModel | undefined {
  for (const decorator of (ts.canHaveDecorators(member) ? ts.getDecorators(member) : undefined) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || !INJECT_DECORATORS.has(call.expression.text) || !call.arguments[0]) continue;
    const model = modelOfClassArgument(call.arguments[0], lookup);
    if (model) return { model, orm: model.orm, how: `@${call.expression.text}(${call.arguments[0].getText(lookup.sourceFile)})` };
  }
  return undefined;
}

/** A declared type `Repository<User>`, `Model<UserDocument>`, `EntityRepository<User>`, when the type is the ORM's. */
function modelOfDeclaredType(declaration: ClassMember | ts.VariableDeclaration, lookup: DataModelLookup): ReceiverModel | undefined {
  const type = declaration.type;
  if (!type || !ts.isTypeReferenceNode(type) || !type.typeArguments?.[0]) return undefined;
  const name = typeName(type);
  if (!name || !REPOSITORY_TYPES.has(name.split('.').pop()!)) return undefined;
  // `Repository` from another library (a DDD base class, an HTTP client) says nothing about models.
  if (!isOrmTypeName(type.typeName, lookup)) return undefined;
  const argument = type.typeArguments[0];
  const argumentName = ts.isTypeReferenceNode(argument) ? typeName(argument) : undefined;
  if (!argumentName) return undefined;
  const base = argumentName.split('.').pop()!;
  const model = lookup.models.named(lookup.filePath, base) ?? lookup.models.named(lookup.filePath, base.replace(/(Document|Doc|Entity|Model)$/, '')) ?? lookup.models.byName(base.replace(/(Document|Doc)$/, ''), lookup.filePath);
  return model ? { model, orm: model.orm, how: `${type.getText(lookup.sourceFile)}` } : undefined;
}

/** The type's root name is imported from an ORM module (`import { Repository } from 'typeorm'`). */
function isOrmTypeName(name: ts.EntityName, lookup: DataModelLookup): boolean {
  let root: ts.EntityName = name;
  while (ts.isQualifiedName(root)) root = root.left;
  const declaration = lookup.index.resolve(root);
  const imported = declaration && lookup.index.importOf(declaration);
  return !!imported && ormOfModule(imported.module) !== undefined;
}

function typeName(type: ts.TypeNode): string | undefined {
  if (!ts.isTypeReferenceNode(type)) return undefined;
  return ts.isIdentifier(type.typeName) ? type.typeName.text : `${type.typeName.left.getText()}.${type.typeName.right.text}`;
}

function isTopLevel(declaration: LocalDeclaration, sourceFile: ts.SourceFile): boolean {
  return declaration.scope === sourceFile;
}

function ormLabel(orm: OrmName): string {
  return ({ prisma: 'Prisma', sequelize: 'Sequelize', mongoose: 'Mongoose', typeorm: 'TypeORM', 'mikro-orm': 'MikroORM', drizzle: 'Drizzle', objection: 'Objection', typescript: 'TypeScript' } as const)[orm];
}

// ── With the checker ──────────────────────────────────────────────────────────────────────────────────────────

/** The receiver's type: a repository's or model's type argument, a Prisma delegate, or the declared class itself. */
function modelOfExpressionType(expression: ts.Expression, lookup: DataModelLookup, checker: ts.TypeChecker): ReceiverModel | undefined {
  let type: ts.Type;
  try {
    type = checker.getTypeAtLocation(expression);
  } catch {
    return undefined;
  }
  const delegate = (type.aliasSymbol ?? type.getSymbol())?.getName();
  const prismaName = delegate && /^(\w+)Delegate$/.exec(delegate)?.[1];
  if (prismaName) {
    const model = lookup.models.byName(prismaName, lookup.filePath) ?? lookup.models.prismaModel(lookup.filePath, prismaName.charAt(0).toLowerCase() + prismaName.slice(1));
    if (model) return { model, orm: model.orm, how: `its type ${delegate}` };
  }
  const typeArguments = type.aliasTypeArguments ?? ((type as ts.TypeReference).target ? checker.getTypeArguments(type as ts.TypeReference) : []);
  for (const argument of typeArguments) {
    const model = modelOfValueType(argument, checker, lookup.models);
    if (model) return { model, orm: model.orm, how: `its type ${checker.typeToString(type)}` };
  }
  // `User` the class (static methods): the constructor's declaration.
  const declaration = type.getSymbol()?.declarations?.[0];
  if (declaration && ts.isClassLike(declaration) && declaration.name) {
    const model = lookup.models.declaredIn(declaration.getSourceFile().fileName, declaration.name.text);
    if (model) return { model, orm: model.orm, how: `the class ${declaration.name.text}` };
  }
  return undefined;
}

/** The model a value's type is: a record of it, an array or promise of records, a Prisma generated type. */
export function modelOfValueType(type: ts.Type, checker: ts.TypeChecker, catalogue: DataModelCatalogue, depth = 0): DataModel | undefined {
  if (depth > 3) return undefined;
  if (type.isUnion()) {
    for (const member of type.types) {
      const model = modelOfValueType(member, checker, catalogue, depth + 1);
      if (model) return model;
    }
    return undefined;
  }
  const symbol = type.aliasSymbol ?? type.getSymbol();
  const name = symbol?.getName();
  if (name === 'Array' || name === 'Promise' || name === 'ReadonlyArray') {
    const [element] = type.aliasTypeArguments ?? checker.getTypeArguments(type as ts.TypeReference);
    return element ? modelOfValueType(element, checker, catalogue, depth + 1) : undefined;
  }
  for (const declaration of symbol?.declarations ?? []) {
    const fileName = declaration.getSourceFile().fileName;
    if (/[\\/](\.prisma[\\/]client|@prisma[\\/]client|generated)[\\/]/.test(fileName) && name) {
      const model = catalogue.byName(name);
      if (model) return model;
    }
    const declaredName = (declaration as ts.NamedDeclaration).name;
    if (declaredName && ts.isIdentifier(declaredName)) {
      const model = catalogue.declaredIn(fileName, declaredName.text);
      if (model) return model;
    }
  }
  return undefined;
}
