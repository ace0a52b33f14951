// Sequelize models: `sequelize.define('User', attributes, options)`, `User.init(attributes, { sequelize, … })` on a
// `class User extends Model`, sequelize-typescript `@Table class User extends Model { @Column … }`, associations
// (`User.hasMany(Post, { as })`) and `toJSON()` overrides that delete fields.
import * as ts from 'typescript';
import type { DataModelField } from '../../../../rules/support/api-model';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { SEQUELIZE_ASSOCIATIONS, SEQUELIZE_TS_COLUMN_DECORATORS, SEQUELIZE_TS_RELATION_DECORATORS, TO_MANY_ASSOCIATIONS } from '../../../../rules/data/orm-models';
import type { DataModelSummary } from '../summary';
import { isFalse, isTrue, objectProperties, pluralOf, propertyAt, propertyValue, stringList, targetModelName, staticStringOf, type ModelSource } from './model-source';

const DATA_TYPE = /\b(?:DataTypes|Sequelize|DataType)\.([A-Z0-9_]+)/;

export function summarizeSequelize(source: ModelSource): void {
  const { builder } = source;
  const usesSequelize = source.imports('sequelize');
  for (const call of builder.calls) {
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) continue;
    const method = call.expression.name.text;
    if (method === 'define') defineCall(source, call, usesSequelize);
    else if (method === 'init') initCall(source, call, usesSequelize);
    else if (SEQUELIZE_ASSOCIATIONS.has(method)) association(source, call, method);
  }
  for (const cls of builder.classes) {
    if (!cls.name) continue;
    const decorators = source.decorators(cls);
    if (decorators.some((decorator) => decorator.name === 'Table') && extendsModel(cls)) tableClass(source, cls, decorators.find((decorator) => decorator.name === 'Table')!.call);
  }
}

/** `sequelize.define('User', { … }, options)`: in a file that uses Sequelize, or whose attributes name DataTypes. */
function defineCall(source: ModelSource, call: ts.CallExpression, usesSequelize: boolean): void {
  const [nameArg, attributesArg, optionsArg] = call.arguments;
  const name = nameArg && staticStringValue(nameArg);
  if (name === undefined || !attributesArg) return;
  // Attributes built elsewhere (`define('User', attributes)`): a model whose fields are not all known.
  const attributes = objectProperties(attributesArg) ?? (usesSequelize ? { properties: new Map(), partial: true } : undefined);
  if (!attributes) return;
  if (!usesSequelize && !DATA_TYPE.test(attributesArg.getText(source.sourceFile))) return;
  source.add(modelFrom(source, call, name, attributes, optionsArg, true));
}

/** `User.init({ … }, { sequelize, modelName })` where `User` is a class extending Model. */
function initCall(source: ModelSource, call: ts.CallExpression, usesSequelize: boolean): void {
  const receiver = skipOuterExpressions((call.expression as ts.PropertyAccessExpression).expression);
  const [attributesArg, optionsArg] = call.arguments;
  const attributes = objectProperties(attributesArg);
  if (!ts.isIdentifier(receiver) || !attributes || !objectProperties(optionsArg)?.properties.has('sequelize')) return;
  if (!usesSequelize && !DATA_TYPE.test(attributesArg!.getText(source.sourceFile))) return;
  const declaration = source.builder.index.resolve(receiver);
  const cls = declaration && ts.isClassDeclaration(declaration.node) ? declaration.node : undefined;
  const modelName = staticStringOf(propertyAt(optionsArg, ['modelName']));
  const model = modelFrom(source, cls ?? call, modelName ?? receiver.text, attributes, optionsArg, false);
  model.binding = receiver.text;
  if (cls && cls.parent === source.sourceFile && ts.getModifiers(cls)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) {
    model.exportedAs = [ts.getModifiers(cls)!.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword) ? 'default' : receiver.text];
  }
  if (cls) for (const field of model.fields) if (!field.type) field.type = declaredPropertyType(source, cls, field.name);
  source.add(model);
}

function modelFrom(source: ModelSource, at: ts.Node, name: string, attributes: NonNullable<ReturnType<typeof objectProperties>>, optionsArg: ts.Expression | undefined, bindCall: boolean): DataModelSummary {
  const fields: DataModelField[] = [];
  for (const [fieldName, property] of attributes.properties) fields.push(attributeField(source, fieldName, propertyValue(property)));
  addImplicitFields(fields, optionsArg);
  applyDefaultScope(fields, propertyAt(optionsArg, ['defaultScope']));
  const tableName = staticStringOf(propertyAt(optionsArg, ['tableName']));
  const model: DataModelSummary = { name, orm: 'sequelize', accessor: name, fields, at: source.builder.spot(at), ...(tableName !== undefined ? { tableName } : {}) };
  if (attributes.partial) model.partial = true;
  if (bindCall) Object.assign(model, source.bindingOf(at));
  return model;
}

/** `email: DataTypes.STRING` or `email: { type: DataTypes.STRING, allowNull: false, defaultValue: … }`. */
function attributeField(source: ModelSource, name: string, value: ts.Expression | undefined): DataModelField {
  const field: DataModelField = { name };
  const options = objectProperties(value);
  const typeNode = options ? propertyValue(options.properties.get('type')) : value;
  const type = typeNode && tsTypeOfDataType(typeNode.getText(source.sourceFile));
  if (type) field.type = type;
  if (!options) {
    field.optional = true;
    return field;
  }
  const get = (key: string) => propertyValue(options.properties.get(key));
  const hasDefault = options.properties.has('defaultValue');
  if (isTrue(get('autoIncrement')) || (isTrue(get('primaryKey')) && hasDefault)) field.serverGenerated = true;
  if (!isFalse(get('allowNull')) || hasDefault || field.serverGenerated) field.optional = true;
  if (get('references')) {
    const target = targetModelName(propertyAt(get('references'), ['model']));
    if (target && /^[A-Z]/.test(target)) field.relation = target;
  }
  return field;
}

/** Sequelize adds `id` when no attribute is a primary key, and timestamps unless `timestamps: false`. */
function addImplicitFields(fields: DataModelField[], optionsArg: ts.Expression | undefined): void {
  const has = (name: string) => fields.some((field) => field.name === name);
  if (!has('id')) fields.unshift({ name: 'id', serverGenerated: true, optional: true, type: 'number' });
  if (!isFalse(propertyAt(optionsArg, ['timestamps']))) {
    for (const name of ['createdAt', 'updatedAt']) if (!has(name)) fields.push({ name, serverGenerated: true, optional: true, type: 'Date' });
    if (isTrue(propertyAt(optionsArg, ['paranoid'])) && !has('deletedAt')) fields.push({ name: 'deletedAt', serverGenerated: true, optional: true, type: 'Date | null' });
  }
}

/** `defaultScope: { attributes: { exclude: ['password'] } }` or `attributes: ['id', 'name']` (only those). */
function applyDefaultScope(fields: DataModelField[], scope: ts.Expression | undefined): void {
  const attributes = propertyAt(scope, ['attributes']);
  if (!attributes) return;
  const only = stringList(attributes);
  const excluded = only ? undefined : stringList(propertyAt(attributes, ['exclude']));
  for (const field of fields) {
    if (field.relation) continue;
    if ((excluded && excluded.includes(field.name)) || (only && !only.includes(field.name))) field.hiddenBy ??= 'defaultScope excludes it';
  }
}

function tsTypeOfDataType(text: string): string | undefined {
  const match = DATA_TYPE.exec(text);
  const kind = match?.[1];
  if (!kind) return undefined;
  if (/^(STRING|TEXT|CHAR|UUID|UUIDV[14]|CITEXT|ENUM|INET|CIDR|MACADDR|TSVECTOR)$/.test(kind)) return 'string';
  if (/^(INTEGER|SMALLINT|MEDIUMINT|TINYINT|FLOAT|REAL|DOUBLE|DECIMAL|NUMBER)$/.test(kind)) return 'number';
  if (kind === 'BIGINT') return 'bigint';
  if (kind === 'BOOLEAN') return 'boolean';
  if (/^(DATE|DATEONLY|NOW|TIME)$/.test(kind)) return 'Date';
  if (/^(BLOB)$/.test(kind)) return 'Buffer';
  if (/^(JSON|JSONB)$/.test(kind)) return 'unknown';
  return undefined;
}

function extendsModel(cls: ts.ClassDeclaration): boolean {
  return cls.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((type) => /(^|\.)Model$/.test(type.expression.getText()))) ?? false;
}

function declaredPropertyType(source: ModelSource, cls: ts.ClassDeclaration, name: string): string | undefined {
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name && member.type) return member.type.getText(source.sourceFile);
  }
  return undefined;
}

/** sequelize-typescript: `@Table({ tableName, timestamps }) class User extends Model { @Column … }`. */
function tableClass(source: ModelSource, cls: ts.ClassDeclaration, tableCall: ts.CallExpression | undefined): void {
  const options = tableCall?.arguments[0];
  const fields: DataModelField[] = [];
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const name = propertyNameText(member.name);
    const decorators = source.decorators(member);
    if (name === undefined || decorators.length === 0) continue;
    const relation = decorators.find((decorator) => SEQUELIZE_TS_RELATION_DECORATORS.has(decorator.name));
    const field: DataModelField = { name, ...(member.type ? { type: member.type.getText(source.sourceFile) } : {}) };
    if (relation) {
      const target = targetModelName(relation.call?.arguments[0]);
      if (target) field.relation = target;
      field.optional = true;
    } else if (decorators.some((decorator) => SEQUELIZE_TS_COLUMN_DECORATORS.has(decorator.name))) {
      const names = new Set(decorators.map((decorator) => decorator.name));
      const columnOptions = decorators.find((decorator) => decorator.name === 'Column')?.call?.arguments[0];
      if (names.has('AutoIncrement') || names.has('CreatedAt') || names.has('UpdatedAt') || names.has('DeletedAt') || isTrue(propertyAt(columnOptions, ['autoIncrement']))) field.serverGenerated = true;
      if (!!member.questionToken || names.has('Default') || field.serverGenerated || !isFalse(propertyAt(columnOptions, ['allowNull'])) && !names.has('PrimaryKey')) field.optional = true;
    } else continue;
    fields.push(field);
  }
  addImplicitFields(fields, options);
  const scope = source.decorators(cls).find((decorator) => decorator.name === 'DefaultScope')?.call?.arguments[0];
  const scopeValue = scope && skipOuterExpressions(scope);
  applyDefaultScope(fields, scopeValue && ts.isArrowFunction(scopeValue) && !ts.isBlock(scopeValue.body) ? scopeValue.body : scopeValue);
  const name = cls.name!.text;
  const tableName = staticStringOf(propertyAt(options, ['tableName']));
  const exported = cls.parent === source.sourceFile && ts.getModifiers(cls)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = ts.getModifiers(cls)?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  source.add({ name, orm: 'sequelize', accessor: name, binding: name, ...(exported ? { exportedAs: [isDefault ? 'default' : name] } : {}), ...(tableName !== undefined ? { tableName } : {}), fields, at: source.builder.spot(cls) });
}

/** `User.hasMany(Post, { as: 'posts' })`, `models.User.belongsTo(models.Team)`. */
function association(source: ModelSource, call: ts.CallExpression, kind: string): void {
  const receiverNode = skipOuterExpressions((call.expression as ts.PropertyAccessExpression).expression);
  // `static associate(models) { this.hasMany(models.Post) }` in a model class (sequelize-cli's class style).
  const receiver = receiverNode.kind === ts.SyntaxKind.ThisKeyword ? enclosingClassName(receiverNode) : lastName(receiverNode);
  const target = lastName(call.arguments[0] && skipOuterExpressions(call.arguments[0]));
  if (!receiver || !target || !/^[A-Z]/.test(target)) return;
  const aliasNode = propertyAt(call.arguments[1], ['as']);
  const alias = aliasNode ? staticStringValue(aliasNode) : undefined;
  (source.builder.summary.dataRelations ??= []).push({ source: receiver, target, kind, ...(alias !== undefined ? { alias } : {}) });
}

/** The default name of an association's field: `Posts` for hasMany(Post), `Team` for belongsTo(Team). */
export function associationFieldName(relation: { target: string; kind: string; alias?: string }): string {
  return relation.alias ?? (TO_MANY_ASSOCIATIONS.has(relation.kind) ? pluralOf(relation.target) : relation.target);
}

function lastName(node: ts.Expression | undefined): string | undefined {
  if (!node) return undefined;
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  if (ts.isElementAccessExpression(node)) return staticStringValue(node.argumentExpression);
  return undefined;
}

function enclosingClassName(node: ts.Node): string | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current.name?.text;
  }
  return undefined;
}
