// Objection.js models: `class User extends Model { static tableName = 'users'; static jsonSchema = { properties } ;
// static relationMappings = { pets: { relation: Model.HasManyRelation, modelClass: Pet } } }` in a file that imports
// objection. Fields come from `jsonSchema` when it is written out; without it the model is `partial`.
import * as ts from 'typescript';
import type { DataModelField } from '../../../../rules/support/api-model';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { DataModelSummary } from '../summary';
import { objectProperties, propertyAt, propertyValue, stringList, targetModelName, staticStringOf, type ModelSource } from './model-source';

const JSON_TYPES: Readonly<Record<string, string>> = { string: 'string', integer: 'number', number: 'number', boolean: 'boolean', object: 'object', array: 'unknown[]', null: 'null' };

export function summarizeObjection(source: ModelSource): void {
  if (!source.imports('objection')) return;
  for (const cls of source.builder.classes) {
    if (!cls.name || !extendsModel(cls)) continue;
    const statics = staticValues(cls);
    const tableName = statics.get('tableName');
    const tableText = tableName && staticStringValue(tableName);
    const fields: DataModelField[] = [];
    const schema = statics.get('jsonSchema');
    const properties = objectProperties(propertyAt(schema, ['properties']));
    const required = stringList(propertyAt(schema, ['required'])) ?? [];
    for (const [name, property] of properties?.properties ?? []) {
      const type = staticStringOf(propertyAt(propertyValue(property), ['type']));
      fields.push({ name, ...(type && JSON_TYPES[type] ? { type: JSON_TYPES[type] } : {}), ...(required.includes(name) ? {} : { optional: true }) });
    }
    for (const [name, property] of objectProperties(statics.get('relationMappings'))?.properties ?? []) {
      const target = targetModelName(propertyAt(propertyValue(property), ['modelClass']));
      fields.push({ name, optional: true, ...(target ? { relation: target } : {}) });
    }
    const name = cls.name.text;
    const modifiers = ts.getModifiers(cls);
    const exported = cls.parent === source.sourceFile && modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
    const isDefault = modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword);
    const model: DataModelSummary = { name, orm: 'objection', binding: name, ...(exported ? { exportedAs: [isDefault ? 'default' : name] } : {}), ...(tableText !== undefined ? { tableName: tableText } : {}), fields, at: source.builder.spot(cls) };
    if (!properties || properties.partial) model.partial = true;
    source.add(model);
  }
}

function extendsModel(cls: ts.ClassDeclaration): boolean {
  return cls.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword && clause.types.some((type) => /(^|\.)Model$/.test(type.expression.getText()))) ?? false;
}

/** `static x = value` and `static get x() { return value; }`. */
function staticValues(cls: ts.ClassDeclaration): Map<string, ts.Expression> {
  const out = new Map<string, ts.Expression>();
  for (const member of cls.members) {
    if (!ts.canHaveModifiers(member) || !ts.getModifiers(member)?.some((modifier) => modifier.kind === ts.SyntaxKind.StaticKeyword)) continue;
    const name = propertyNameText(member.name);
    if (name === undefined) continue;
    if (ts.isPropertyDeclaration(member) && member.initializer) out.set(name, skipOuterExpressions(member.initializer));
    else if (ts.isGetAccessorDeclaration(member) && member.body) {
      const returned = member.body.statements.find(ts.isReturnStatement)?.expression;
      if (returned) out.set(name, skipOuterExpressions(returned));
    }
  }
  return out;
}
