// Mongoose: `new Schema({ … }, options)` / `new mongoose.Schema(…)` (a schema, named by its variable), and
// `mongoose.model('User', UserSchema)` / `model<IUser>(…)` (the model, bound to its variable or export). NestJS:
// `@Schema() class User { @Prop({ select: false }) password }` with `SchemaFactory.createForClass(User)`.
import * as ts from 'typescript';
import type { DataModelField } from '../../../../rules/support/api-model';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import type { DataModelSummary } from '../summary';
import { isTrue, objectProperties, propertyAt, propertyValue, type ModelSource } from './model-source';

const SELECT_FALSE = 'select: false';

export function summarizeMongoose(source: ModelSource): void {
  const { builder } = source;
  const uses = source.imports('mongoose');
  // Schemas first: `mongoose.model('User', new Schema({ … }))` comes before its schema in walk order.
  for (const call of builder.calls) {
    if (!ts.isNewExpression(call)) continue;
    const callee = skipOuterExpressions(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === 'Schema' && (uses || (ts.isPropertyAccessExpression(callee) && callee.expression.getText(source.sourceFile) === 'mongoose'))) schema(source, call);
  }
  for (const call of builder.calls) {
    if (ts.isNewExpression(call)) continue;
    const callee = skipOuterExpressions(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === 'model' && (uses || (ts.isPropertyAccessExpression(callee) && /^(mongoose|connection|conn|db)$/.test(callee.expression.getText(source.sourceFile))))) model(source, call);
  }
  if (source.imports('mongoose')) for (const cls of builder.classes) nestSchemaClass(source, cls);
}

function schema(source: ModelSource, construction: ts.NewExpression): void {
  // A definition built elsewhere (`new Schema(fields)`) still makes a schema, with fields not all known.
  const definition = objectProperties(construction.arguments?.[0]) ?? (construction.arguments?.[0] ? { properties: new Map(), partial: true } : undefined);
  if (!definition) return;
  const { binding } = source.bindingOf(construction);
  const options = construction.arguments?.[1];
  const fields: DataModelField[] = [{ name: '_id', serverGenerated: true, optional: true, type: 'Types.ObjectId' }];
  for (const [name, property] of definition.properties) fields.push(pathField(source, name, propertyValue(property)));
  const timestamps = propertyAt(options, ['timestamps']);
  if (isTrue(timestamps) || (timestamps && ts.isObjectLiteralExpression(timestamps))) {
    for (const name of ['createdAt', 'updatedAt']) if (!fields.some((field) => field.name === name)) fields.push({ name, serverGenerated: true, optional: true, type: 'Date' });
  }
  const model: DataModelSummary = { name: binding ?? 'Schema', orm: 'mongoose', fields, at: source.builder.spot(construction), schemaOnly: true, ...(binding ? { binding } : {}) };
  if (definition.partial) model.partial = true;
  source.add(model);
}

/** `email: String`, `email: { type: String, required: true, select: false }`, `posts: [{ type: ObjectId, ref: 'Post' }]`. */
function pathField(source: ModelSource, name: string, value: ts.Expression | undefined): DataModelField {
  const field: DataModelField = { name };
  let definition = value;
  let many = false;
  if (definition && ts.isArrayLiteralExpression(definition)) {
    many = true;
    definition = definition.elements[0] && skipOuterExpressions(definition.elements[0]);
  }
  const options = objectProperties(definition);
  const typeNode = options ? propertyValue(options.properties.get('type')) : definition;
  const type = typeNode ? tsTypeOfSchemaType(typeNode.getText(source.sourceFile)) : undefined;
  if (type) field.type = many ? `${type}[]` : type;
  if (options && options.properties.has('type')) {
    const get = (key: string) => propertyValue(options.properties.get(key));
    if (get('select')?.kind === ts.SyntaxKind.FalseKeyword) field.hiddenBy = SELECT_FALSE;
    const ref = get('ref');
    const target = ref && staticStringValue(ref);
    if (target !== undefined) field.relation = target;
    const required = get('required');
    if (!required || required.kind === ts.SyntaxKind.FalseKeyword || options.properties.has('default') || many) field.optional = true;
  } else {
    // A nested path or a bare type: optional unless it says otherwise.
    if (options && !type) field.type = 'object';
    field.optional = true;
  }
  return field;
}

function tsTypeOfSchemaType(text: string): string | undefined {
  const last = text.split('.').pop()!;
  if (last === 'String') return 'string';
  if (last === 'Number' || last === 'Decimal128' || last === 'Double' || last === 'Int32') return 'number';
  if (last === 'Boolean') return 'boolean';
  if (last === 'Date') return 'Date';
  if (last === 'ObjectId') return 'Types.ObjectId';
  if (last === 'Buffer') return 'Buffer';
  if (last === 'Mixed') return 'unknown';
  if (last === 'BigInt') return 'bigint';
  return undefined;
}

/** `mongoose.model('User', UserSchema)`, `model<IUser>('User', schema)`, `connection.model('User', schema)`. */
function model(source: ModelSource, call: ts.CallExpression): void {
  const [nameArg, schemaArg, collectionArg] = call.arguments;
  const name = nameArg && staticStringValue(nameArg);
  if (name === undefined || !schemaArg) return;
  const schemaNode = skipOuterExpressions(schemaArg);
  const collection = collectionArg && staticStringValue(collectionArg);
  const summary: DataModelSummary = { name, orm: 'mongoose', accessor: name, fields: [], at: source.builder.spot(call), ...source.bindingOf(call), ...(collection !== undefined ? { tableName: collection } : {}) };
  if (ts.isIdentifier(schemaNode)) summary.schema = schemaNode.text;
  else if (ts.isNewExpression(schemaNode)) {
    // `mongoose.model('User', new Schema({ … }))`: the schema summarised for the same node.
    const inline = source.builder.summary.dataModels?.find((entry) => entry.schemaOnly && entry.at.start === schemaNode.getStart(source.sourceFile));
    if (inline) {
      summary.fields = inline.fields;
      if (inline.partial) summary.partial = true;
      source.builder.summary.dataModels!.splice(source.builder.summary.dataModels!.indexOf(inline), 1);
    } else summary.partial = true;
  } else if (ts.isCallExpression(schemaNode) && ts.isPropertyAccessExpression(schemaNode.expression) && schemaNode.expression.name.text === 'createForClass') {
    const cls = schemaNode.arguments[0] && skipOuterExpressions(schemaNode.arguments[0]);
    if (cls && ts.isIdentifier(cls)) summary.schema = cls.text;
  } else summary.partial = true;
  source.add(summary);
}

/** NestJS `@Schema() class User { @Prop(…) name: string }`: a schema named by the class (`@InjectModel(User.name)`). */
function nestSchemaClass(source: ModelSource, cls: ts.ClassDeclaration): void {
  if (!cls.name) return;
  const classDecorator = source.decorators(cls).find((decorator) => decorator.name === 'Schema');
  if (!classDecorator) return;
  const fields: DataModelField[] = [{ name: '_id', serverGenerated: true, optional: true, type: 'Types.ObjectId' }];
  for (const member of cls.members) {
    if (!ts.isPropertyDeclaration(member)) continue;
    const name = propertyNameText(member.name);
    const prop = source.decorators(member).find((decorator) => decorator.name === 'Prop');
    if (name === undefined || !prop) continue;
    const options = prop.call?.arguments[0];
    const field: DataModelField = { name, ...(member.type ? { type: member.type.getText(source.sourceFile) } : {}) };
    if (propertyAt(options, ['select'])?.kind === ts.SyntaxKind.FalseKeyword) field.hiddenBy = SELECT_FALSE;
    const ref = propertyAt(options, ['ref']);
    const target = ref ? (staticStringValue(ref) ?? (ts.isPropertyAccessExpression(ref) && ref.name.text === 'name' ? ref.expression.getText(source.sourceFile) : undefined)) : undefined;
    if (target !== undefined) field.relation = target;
    const required = propertyAt(options, ['required']);
    if (!isTrue(required) || member.questionToken || propertyAt(options, ['default'])) field.optional = true;
    fields.push(field);
  }
  const options = classDecorator.call?.arguments[0];
  if (isTrue(propertyAt(options, ['timestamps']))) fields.push({ name: 'createdAt', serverGenerated: true, optional: true, type: 'Date' }, { name: 'updatedAt', serverGenerated: true, optional: true, type: 'Date' });
  const name = cls.name.text;
  const exported = cls.parent === source.sourceFile && ts.getModifiers(cls)?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  // The class is the model's name in Nest (`@InjectModel(User.name)`, `MongooseModule.forFeature([{ name: User.name, schema }])`).
  source.add({ name, orm: 'mongoose', accessor: name, binding: name, ...(exported ? { exportedAs: [name] } : {}), fields, at: source.builder.spot(cls) });
}
