// Helpers for the data-model tests: the catalogue of an in-memory workspace, models printed compactly, and the
// model `modelOfReceiver` finds for a receiver written in one of its files.
import * as path from 'node:path';
import * as ts from 'typescript';
import type { DataModel, DataModelCatalogue, DataModelField } from '../../../rules/support/api-model';
import { walkPreorder } from '../../../rules/support/ast';
import { FileIndex } from '../../../rules/support/dataflow';
import { modelOfCall, modelOfReceiver, type ReceiverModel } from '../../../rules/support/data-models';
import { modelOf, ROOT } from './support';

export function catalogueOf(files: Record<string, string>): DataModelCatalogue {
  return modelOf(files).index.model().dataModels;
}

/** `password (string) hidden: select: false`, `posts → Post`, `id generated`: one field per string. */
export function describeField(field: DataModelField): string {
  const parts = [field.name];
  if (field.type) parts.push(`(${field.type})`);
  if (field.relation) parts.push(`→ ${field.relation}`);
  if (field.serverGenerated) parts.push('generated');
  if (field.optional) parts.push('optional');
  if (field.hiddenBy) parts.push(`hidden: ${field.hiddenBy}`);
  return parts.join(' ');
}

/** `User sequelize users@models/user.js:3` then its fields. */
export function describeModel(model: DataModel | undefined): string[] | undefined {
  if (!model) return undefined;
  const head = `${model.name} ${model.orm}${model.accessor !== undefined ? ` accessor=${model.accessor}` : ''}${model.tableName !== undefined ? ` table=${model.tableName}` : ''}${model.partial ? ' partial' : ''} @${path.relative(ROOT, model.declaredAt.filePath)}:${model.declaredAt.line + 1}`;
  return [head, ...model.fields.map(describeField)];
}

/**
 * The receiver model for the expression whose text is `receiverText` in `file` (the first such, or the `occurrence`-th from 0), or for
 * the call whose callee text is `receiverText` when `call` is set. Printed as `Name orm (how)`.
 */
export function receiverIn(files: Record<string, string>, file: string, receiverText: string, options: { call?: boolean; occurrence?: number } = {}): string | undefined {
  const catalogue = catalogueOf(files);
  const filePath = path.join(ROOT, file);
  const sourceFile = ts.createSourceFile(filePath, files[file]!, ts.ScriptTarget.Latest, true, file.endsWith('.js') ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const index = new FileIndex(sourceFile);
  const lookup = { filePath, sourceFile, index, models: catalogue };
  let found: ts.Expression | undefined;
  let skip = options.occurrence ?? 0;
  walkPreorder(sourceFile, (node) => {
    if (found) return;
    const matches = options.call ? ts.isCallExpression(node) && node.expression.getText(sourceFile) === receiverText : ts.isExpression(node) && node.getText(sourceFile) === receiverText;
    if (matches && skip-- === 0) found = node as ts.Expression;
  });
  if (!found) throw new Error(`no expression ${receiverText} in ${file}`);
  const result: ReceiverModel | undefined = options.call ? modelOfCall(found as ts.CallExpression, lookup) : modelOfReceiver(found, lookup);
  return result && `${result.model.name} ${result.orm} (${result.how})`;
}
