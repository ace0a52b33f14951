// The fields a record carries, as one view over two sources: the workspace's data models (which also know what a
// model hides: select: false, scopes, toJSON deletes, @Exclude) and the checker's type of a value (Prisma's
// generated types, entity classes, a service returning `Promise<User>`). Asked only for values that reach a response.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { DataModel, DataModelCatalogue, DataModelField } from './api-model';

export interface FieldView {
  /** `User`, for messages. */
  modelName: string;
  fields: readonly DataModelField[];
  /** The view of a relation's model (by the relation's name, or Sequelize's `include: [Post]` model expression). */
  relation(name: string, model?: ts.Expression): FieldView | undefined;
  /** The workspace model behind the view, when one is known. */
  model?: DataModel;
  /** From a type: the value is an array of records, or may be null. */
  many?: boolean;
  nullable?: boolean;
}

/** A view of a catalogue model; relations resolve through the catalogue. */
export function modelView(model: DataModel, catalogue: DataModelCatalogue, filePath: string): FieldView {
  return {
    modelName: model.name,
    fields: model.fields,
    model,
    relation(name, expression) {
      const field = model.fields.find((candidate) => candidate.name === name && candidate.relation);
      let related = field?.relation ? catalogue.byName(field.relation, filePath) : undefined;
      if (!related && expression && ts.isIdentifier(expression)) related = catalogue.named(filePath, expression.text);
      if (!related && expression && ts.isPropertyAccessExpression(expression) && ts.isIdentifier(expression.expression)) related = catalogue.named(filePath, expression.expression.text, [expression.name.text]);
      return related ? modelView(related, catalogue, filePath) : undefined;
    },
  };
}

/** Class decorators that make a class a stored model (TypeORM, MikroORM, Mongoose's NestJS schemas, sequelize-typescript). */
const MODEL_CLASS_DECORATORS = new Set(['Entity', 'Schema', 'Table', 'Model', 'ViewEntity']);
/** Property decorators that declare a relation to another model. */
const RELATION_DECORATORS = new Set(['OneToMany', 'ManyToOne', 'OneToOne', 'ManyToMany', 'HasMany', 'HasOne', 'BelongsTo', 'BelongsToMany']);
const PRISMA_CLIENT_PATH = /\/(\.prisma\/client|@prisma\/client|prisma\/generated|generated\/prisma)\//;
/** Object types that are values, not related records. */
const VALUE_OBJECT_TYPES = new Set(['Date', 'Buffer', 'Decimal', 'Uint8Array', 'ObjectId', 'Types.ObjectId', 'JsonValue', 'Object', 'Function', 'RegExp', 'Map', 'Set', 'Promise']);

/**
 * The view of a value's type: a record, an array of records, a promise of either, a nullable one. With
 * `requireModel`, only types that are stored models (a catalogue model, an entity class, a Prisma model type).
 */
export function fieldViewOfType(checker: ts.TypeChecker, type: ts.Type, catalogue: DataModelCatalogue, { requireModel, nameHint }: { requireModel: boolean; nameHint?: string | undefined }, depth = 0): FieldView | undefined {
  const unwrapped = recordType(checker, type);
  if (!unwrapped || depth > 3) return undefined;
  const { record, many, nullable } = unwrapped;
  const symbol = record.aliasSymbol ?? record.getSymbol();
  const declaration = symbol?.declarations?.[0];
  const name = symbol && !symbol.name.startsWith('__') ? symbol.name : undefined;
  const model = name && declaration ? catalogue.declaredIn(declaration.getSourceFile().fileName, name) ?? catalogue.byName(name) : undefined;
  if (requireModel && !model && !isModelDeclaration(declaration)) return undefined;
  const fields: DataModelField[] = [];
  for (const property of checker.getPropertiesOfType(record)) {
    if (property.flags & (ts.SymbolFlags.Method | ts.SymbolFlags.Accessor)) continue;
    // Members a library base class declares (Sequelize's `Model`, Mongoose's `Document`) are not the record's columns.
    if (declaredByLibrary(property)) continue;
    const field: DataModelField = { name: property.name };
    const modelField = model?.fields.find((candidate) => candidate.name === property.name);
    // A workspace model knows whether `@Exclude()` applies (a ClassSerializerInterceptor is registered); without one,
    // the decorators on the declaration are the best evidence there is.
    const hiddenBy = model ? modelField?.hiddenBy : hiddenByDecorators(property.valueDeclaration);
    if (hiddenBy) field.hiddenBy = hiddenBy;
    const relation = relationOf(checker, property);
    if (relation) field.relation = relation;
    fields.push(field);
  }
  if (fields.length === 0) return undefined;
  return {
    modelName: model?.name ?? name ?? nameHint ?? 'record',
    fields,
    ...(model ? { model } : {}),
    many,
    nullable,
    relation(relationName) {
      const property = record.getProperty(relationName);
      if (!property) return undefined;
      return fieldViewOfType(checker, checker.getTypeOfSymbol(property), catalogue, { requireModel: false, nameHint: relationName.charAt(0).toUpperCase() + relationName.slice(1) }, depth + 1);
    },
  };
}

/** Unwraps promises, arrays and `| null` down to one object type; undefined for primitives and unions of models. */
function recordType(checker: ts.TypeChecker, type: ts.Type): { record: ts.Type; many: boolean; nullable: boolean } | undefined {
  let current: ts.Type = type;
  let many = false;
  let nullable = false;
  for (let guard = 0; guard < 6; guard++) {
    current = checker.getAwaitedType(current) ?? current;
    const nonNull = checker.getNonNullableType(current);
    if (nonNull !== current) nullable = true;
    current = nonNull;
    if (checker.isArrayType(current)) {
      many = true;
      current = checker.getTypeArguments(current as ts.TypeReference)[0] ?? current;
      continue;
    }
    break;
  }
  if (current.flags & (ts.TypeFlags.Any | ts.TypeFlags.Unknown | ts.TypeFlags.Never | ts.TypeFlags.StringLike | ts.TypeFlags.NumberLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.ESSymbolLike | ts.TypeFlags.Void | ts.TypeFlags.Undefined | ts.TypeFlags.Null)) return undefined;
  if (current.isUnion()) return undefined;
  if (!(current.flags & ts.TypeFlags.Object) && !current.isIntersection()) return undefined;
  return { record: current, many, nullable };
}

/** An entity class, or a type Prisma generated for a model. */
function isModelDeclaration(declaration: ts.Declaration | undefined): boolean {
  if (!declaration) return false;
  if (ts.isClassDeclaration(declaration)) return decoratorNames(declaration).some((name) => MODEL_CLASS_DECORATORS.has(name));
  const file = declaration.getSourceFile().fileName.split(path.sep).join('/');
  if (PRISMA_CLIENT_PATH.test(file)) return true;
  // `declare module '@prisma/client' { export type User = … }` (a declared client, as tests and some setups have).
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    if (ts.isModuleDeclaration(current) && ts.isStringLiteral(current.name)) return PRISMA_CLIENT_PATH.test(`/${current.name.text}/`);
  }
  return false;
}

/** `@Exclude()` (class-transformer), `@Column({ select: false })` (TypeORM), `@Property({ hidden: true })` (MikroORM). */
function hiddenByDecorators(declaration: ts.Declaration | undefined): string | undefined {
  if (!declaration || !ts.canHaveDecorators(declaration)) return undefined;
  for (const decorator of ts.getDecorators(declaration) ?? []) {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    const name = ts.isIdentifier(callee) ? callee.text : undefined;
    if (name === 'Exclude') return '@Exclude()';
    const options = ts.isCallExpression(expression) ? expression.arguments.find(ts.isObjectLiteralExpression) : undefined;
    if (!options) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || !ts.isIdentifier(property.name)) continue;
      if (property.name.text === 'select' && property.initializer.kind === ts.SyntaxKind.FalseKeyword) return 'select: false';
      if (property.name.text === 'hidden' && property.initializer.kind === ts.SyntaxKind.TrueKeyword) return 'hidden: true';
    }
  }
  return undefined;
}

/** The related model's name when a property holds other records (a relation decorator, or an object type). */
function relationOf(checker: ts.TypeChecker, property: ts.Symbol): string | undefined {
  const declaration = property.valueDeclaration;
  if (declaration && decoratorNames(declaration).some((name) => RELATION_DECORATORS.has(name))) {
    const related = recordType(checker, checker.getTypeOfSymbol(property))?.record;
    return related?.getSymbol()?.name ?? property.name;
  }
  const related = recordType(checker, checker.getTypeOfSymbol(property))?.record;
  if (!related) return undefined;
  const symbol = related.aliasSymbol ?? related.getSymbol();
  if (!symbol || VALUE_OBJECT_TYPES.has(symbol.name) || symbol.name.startsWith('__')) return undefined;
  return symbol.name;
}

function declaredByLibrary(property: ts.Symbol): boolean {
  const declaration = property.valueDeclaration ?? property.declarations?.[0];
  return !!declaration && /[\\/]node_modules[\\/]/.test(declaration.getSourceFile().fileName) && !PRISMA_CLIENT_PATH.test(declaration.getSourceFile().fileName.split(path.sep).join('/'));
}

function decoratorNames(node: ts.Node): string[] {
  if (!ts.canHaveDecorators(node)) return [];
  return (ts.getDecorators(node) ?? []).map((decorator) => {
    const expression = decorator.expression;
    const callee = ts.isCallExpression(expression) ? expression.expression : expression;
    return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  });
}
