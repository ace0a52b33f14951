// TypeORM and MikroORM entities: `@Entity() class User { @Column({ select: false }) password }`, generated columns,
// relation decorators, class-transformer `@Exclude()` (hidden only under a ClassSerializerInterceptor, decided at
// link time), MikroORM `@Property({ hidden: true })` / `lazy: true`, and `new EntitySchema({ name, columns })`.
import * as ts from 'typescript';
import type { DataModelField, OrmName } from '../../../../rules/support/api-model';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { ENTITY_COLUMN_DECORATORS, ENTITY_RELATION_DECORATORS, ormOfModule } from '../../../../rules/data/orm-models';
import type { DataModelSummary } from '../summary';
import { isFalse, isTrue, objectProperties, propertyAt, propertyValue, targetModelName, staticStringOf, type ModelSource } from './model-source';

export function summarizeEntities(source: ModelSource): void {
  const orm: OrmName = source.imports('mikro-orm') ? 'mikro-orm' : 'typeorm';
  const usesOrm = source.imports('typeorm') || source.imports('mikro-orm');
  for (const cls of source.builder.classes) {
    if (!cls.name || !usesOrm) continue;
    const entity = source.decorators(cls).find((decorator) => decorator.name === 'Entity');
    // A base class with columns (`abstract class BaseModel { @PrimaryGeneratedColumn() id }`) is summarised for
    // the entities that extend it, not as a model.
    if (entity || hasColumns(source, cls)) entityClass(source, cls, orm, entity?.call, !entity);
  }
  if (usesOrm) {
    for (const call of source.builder.calls) {
      if (ts.isNewExpression(call) && /(^|\.)EntitySchema$/.test(call.expression.getText(source.sourceFile))) entitySchema(source, call, orm);
    }
  }
  // Decorator calls are calls of the walk too (`@UseInterceptors(ClassSerializerInterceptor)`).
  if (source.builder.calls.some(registersClassSerializer)) source.builder.summary.classSerializer = true;
}

function hasColumns(source: ModelSource, cls: ts.ClassDeclaration): boolean {
  return cls.members.some((member) => ts.isPropertyDeclaration(member) && source.decorators(member).some((decorator) => ENTITY_COLUMN_DECORATORS.has(decorator.name)));
}

function entityClass(source: ModelSource, cls: ts.ClassDeclaration, orm: OrmName, entityCall: ts.CallExpression | undefined, baseOnly: boolean): void {
  const fields: DataModelField[] = [];
  const excluded: string[] = [];
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const name = propertyNameText(member.name);
    if (name === undefined) continue;
    const decorators = source.decorators(member);
    const field: DataModelField = { name, ...(member.type ? { type: member.type.getText(source.sourceFile) } : {}) };
    const relation = decorators.find((decorator) => ENTITY_RELATION_DECORATORS.has(decorator.name));
    const column = decorators.find((decorator) => ENTITY_COLUMN_DECORATORS.has(decorator.name));
    if (relation) {
      const target = targetModelName(relation.call?.arguments[0]);
      if (target) field.relation = target;
      field.optional = true;
      if (isTrue(propertyAt(relation.call?.arguments[relation.call.arguments.length - 1], ['hidden']))) field.hiddenBy = 'hidden: true';
    } else if (column) {
      const options = column.call?.arguments.find((argument) => ts.isObjectLiteralExpression(skipOuterExpressions(argument)));
      if (ENTITY_COLUMN_DECORATORS.get(column.name)!.serverGenerated || isTrue(propertyAt(options, ['autoincrement'])) || (column.name === 'PrimaryKey' && !member.exclamationToken && !!member.initializer)) field.serverGenerated = true;
      if (propertyAt(options, ['select'])?.kind === ts.SyntaxKind.FalseKeyword) field.hiddenBy = 'select: false';
      else if (isTrue(propertyAt(options, ['hidden']))) field.hiddenBy = 'hidden: true';
      else if (isTrue(propertyAt(options, ['lazy']))) field.hiddenBy = 'lazy: true';
      if (field.serverGenerated || member.questionToken || member.initializer || isTrue(propertyAt(options, ['nullable'])) || propertyAt(options, ['default']) !== undefined || propertyAt(options, ['onCreate']) !== undefined) field.optional = true;
    } else continue;
    if (decorators.some((decorator) => decorator.name === 'Exclude')) excluded.push(name);
    fields.push(field);
  }
  const name = cls.name!.text;
  const tableArg = entityCall?.arguments[0];
  const tableName = tableArg ? staticStringValue(tableArg) ?? staticStringOf(propertyAt(tableArg, ['name']) ?? propertyAt(tableArg, ['tableName'])) : undefined;
  const modifiers = ts.getModifiers(cls);
  const exported = cls.parent === source.sourceFile && modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  const isDefault = modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
  const model: DataModelSummary = { name, orm, binding: name, ...(exported ? { exportedAs: [isDefault ? 'default' : name] } : {}), ...(tableName !== undefined ? { tableName } : {}), fields, at: source.builder.spot(cls) };
  if (excluded.length > 0) model.excluded = excluded;
  if (baseOnly) model.schemaOnly = true;
  const base = baseClassOf(source, cls);
  if (base) model.extendsName = base;
  source.add(model);
}

/** `new EntitySchema({ name: 'User', tableName, columns: { … }, relations: { … } })`. */
function entitySchema(source: ModelSource, construction: ts.NewExpression, orm: OrmName): void {
  const options = construction.arguments?.[0];
  const name = staticStringOf(propertyAt(options, ['name'])) ?? staticStringOf(propertyAt(options, ['class', 'name']));
  const binding = source.bindingOf(construction);
  const modelName = name ?? binding.binding;
  if (!modelName) return;
  const fields: DataModelField[] = [];
  const columns = objectProperties(propertyAt(options, ['columns']) ?? propertyAt(options, ['properties']));
  let partial = columns?.partial ?? true;
  for (const [fieldName, property] of columns?.properties ?? []) {
    const column = propertyValue(property);
    const field: DataModelField = { name: fieldName };
    if (isTrue(propertyAt(column, ['generated'])) || staticStringOf(propertyAt(column, ['generated'])) !== undefined || isTrue(propertyAt(column, ['createDate'])) || isTrue(propertyAt(column, ['updateDate']))) field.serverGenerated = true;
    if (isFalse(propertyAt(column, ['select']))) field.hiddenBy = 'select: false';
    else if (isTrue(propertyAt(column, ['hidden']))) field.hiddenBy = 'hidden: true';
    if (field.serverGenerated || isTrue(propertyAt(column, ['nullable'])) || propertyAt(column, ['default']) !== undefined) field.optional = true;
    const entity = propertyAt(column, ['entity']) ?? propertyAt(column, ['target']);
    if (entity) {
      const target = targetModelName(entity);
      if (target) field.relation = target;
    }
    fields.push(field);
  }
  const relations = objectProperties(propertyAt(options, ['relations']));
  partial ||= relations?.partial ?? false;
  for (const [fieldName, property] of relations?.properties ?? []) {
    const target = targetModelName(propertyAt(propertyValue(property), ['target']));
    fields.push({ name: fieldName, optional: true, ...(target ? { relation: target } : {}) });
  }
  const tableName = staticStringOf(propertyAt(options, ['tableName']));
  const model: DataModelSummary = { name: modelName, orm, fields, at: source.builder.spot(construction), ...binding, ...(tableName !== undefined ? { tableName } : {}) };
  if (partial) model.partial = true;
  source.add(model);
}

function namesClassSerializer(node: ts.Expression): boolean {
  const inner = skipOuterExpressions(node);
  if (ts.isIdentifier(inner)) return inner.text === 'ClassSerializerInterceptor';
  if (ts.isNewExpression(inner)) return /(^|\.)ClassSerializerInterceptor$/.test(inner.expression.getText());
  return false;
}

/** `app.useGlobalInterceptors(new ClassSerializerInterceptor(…))`, `{ provide: APP_INTERCEPTOR, useClass: ClassSerializerInterceptor }`. */
function registersClassSerializer(call: ts.CallExpression | ts.NewExpression): boolean {
  if (ts.isNewExpression(call)) return false;
  const callee = skipOuterExpressions(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  if (name === 'useGlobalInterceptors' || name === 'UseInterceptors') return call.arguments.some(namesClassSerializer);
  if (name === 'Module') {
    const providers = propertyAt(call.arguments[0], ['providers']);
    return !!providers && ts.isArrayLiteralExpression(providers) && providers.elements.some((provider) => {
      const useClass = propertyAt(provider, ['useClass']);
      return !!useClass && namesClassSerializer(useClass);
    });
  }
  return false;
}

/** The base class an entity extends, unless it is the ORM's own (`BaseEntity` imported from typeorm). */
function baseClassOf(source: ModelSource, cls: ts.ClassDeclaration): string | undefined {
  const clause = cls.heritageClauses?.find((candidate) => candidate.token === ts.SyntaxKind.ExtendsKeyword);
  const expression = clause?.types[0]?.expression;
  if (!expression) return undefined;
  if (!ts.isIdentifier(expression)) return expression.getText(source.sourceFile);
  const declaration = source.builder.index.resolve(expression);
  const imported = declaration && source.builder.index.importOf(declaration);
  if (imported && ormOfModule(imported.module)) return undefined;
  return expression.text;
}
