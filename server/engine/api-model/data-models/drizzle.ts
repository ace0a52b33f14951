// Drizzle tables: `export const users = pgTable('users', { id: serial('id').primaryKey(), … })` (also mysqlTable,
// sqliteTable). The table variable is the model (`db.insert(users)`), the string its table name.
import * as ts from 'typescript';
import type { DataModelField } from '../../../../rules/support/api-model';
import { staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { DRIZZLE_TABLE_FUNCTIONS } from '../../../../rules/data/orm-models';
import { objectProperties, propertyValue, type ModelSource } from './model-source';

const GENERATED_BUILDERS = /^(serial|bigserial|smallserial)$/;
const GENERATING_METHODS = /^(defaultNow|defaultRandom|\$defaultFn|\$default|\$onUpdate|\$onUpdateFn|generatedAlwaysAs|generatedAlwaysAsIdentity|generatedByDefaultAsIdentity|autoincrement)$/;

export function summarizeDrizzle(source: ModelSource): void {
  if (!source.imports('drizzle')) return;
  for (const call of source.builder.calls) {
    if (!ts.isCallExpression(call)) continue;
    const callee = skipOuterExpressions(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (name === undefined || !DRIZZLE_TABLE_FUNCTIONS.has(name)) continue;
    const [nameArg, columnsArg] = call.arguments;
    const tableName = nameArg && staticStringValue(nameArg);
    let columnsNode = columnsArg && skipOuterExpressions(columnsArg);
    // `pgTable('users', (t) => ({ id: t.serial() }))`
    if (columnsNode && ts.isArrowFunction(columnsNode) && !ts.isBlock(columnsNode.body)) columnsNode = skipOuterExpressions(columnsNode.body);
    const columns = objectProperties(columnsNode);
    const { binding, exportedAs } = source.bindingOf(call);
    if (tableName === undefined || !columns || !binding) continue;
    const fields: DataModelField[] = [];
    for (const [fieldName, property] of columns.properties) fields.push(columnField(fieldName, propertyValue(property)));
    source.add({ name: binding, orm: 'drizzle', binding, ...(exportedAs ? { exportedAs } : {}), tableName, fields, at: source.builder.spot(call), ...(columns.partial ? { partial: true } : {}) });
  }
}

/** `serial('id').primaryKey()`, `text('email').notNull().unique()`, `timestamp('created_at').defaultNow()`. */
function columnField(name: string, value: ts.Expression | undefined): DataModelField {
  const field: DataModelField = { name };
  const methods: string[] = [];
  let current = value && skipOuterExpressions(value);
  while (current && ts.isCallExpression(current)) {
    const callee = skipOuterExpressions(current.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      methods.push(callee.name.text);
      const object = skipOuterExpressions(callee.expression);
      // `t.serial()` in the callback form names the builder as a member.
      if (!ts.isCallExpression(object)) {
        methods.push(`builder:${callee.name.text}`);
        break;
      }
      current = object;
    } else {
      if (ts.isIdentifier(callee)) methods.push(`builder:${callee.text}`);
      break;
    }
  }
  const builder = methods.find((method) => method.startsWith('builder:'))?.slice('builder:'.length);
  const type = builder && tsTypeOfColumn(builder);
  if (type) field.type = type;
  const generated = (builder !== undefined && GENERATED_BUILDERS.test(builder)) || methods.some((method) => GENERATING_METHODS.test(method)) || (methods.includes('primaryKey') && methods.includes('autoincrement'));
  if (generated) field.serverGenerated = true;
  if (generated || !methods.includes('notNull') && !methods.includes('primaryKey') || methods.some((method) => method === 'default' || method === '$default' || method === '$defaultFn')) field.optional = true;
  return field;
}

function tsTypeOfColumn(builder: string): string | undefined {
  if (/^(text|varchar|char|uuid|citext|inet|cidr|macaddr|pgEnum|mysqlEnum|tinytext|mediumtext|longtext)$/.test(builder)) return 'string';
  if (/^(integer|int|smallint|tinyint|mediumint|serial|smallserial|real|doublePrecision|double|float|numeric|decimal)$/.test(builder)) return 'number';
  if (/^(bigint|bigserial)$/.test(builder)) return 'number | bigint';
  if (builder === 'boolean') return 'boolean';
  if (/^(timestamp|date|datetime|time)$/.test(builder)) return 'Date';
  if (/^(json|jsonb)$/.test(builder)) return 'unknown';
  return undefined;
}
