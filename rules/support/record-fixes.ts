// Fixes for full-record-response: a projection at the query that leaves the leaking fields out (Prisma `omit`,
// Sequelize `attributes: { exclude }`, Mongoose `.select('-…')`, TypeORM `select`, and the same on eager loads),
// else the response mapped to an allow-listed object. Edits are computed from the tree; nothing is executed.
import * as ts from 'typescript';
import { staticStringValue } from './ast';
import { skipOuterExpressions } from './dataflow';
import type { FieldView } from './record-fields';
import { knexTableOf, type EagerLoad, type RecordRead } from './record-flow';
import type { ResponseSink } from './response-sinks';
import type { RuleContext, RuleEdit, RuleFix } from './rule';
import { isSensitiveFieldName } from '../data/sensitive-fields';
import { ORM_READS } from '../data/orm-reads';
import { documentedFields, narrowToDocumented, routesHandling } from './spec-fields';

/** What the fixes need of a finding (structurally the rule's `Leak`). */
export interface LeakForFix {
  record?: { read: RecordRead; path: string[]; pending: string[]; viaRelation?: string; element?: boolean };
  view: FieldView;
  ownFields: string[];
  relationFields: Map<string, string[]>;
}

interface FixOptions {
  sensitiveFields: string[];
}

/** One fix that projects every leaking field away at the query (and its eager loads), when each part can be. */
export function projectionFixes(leak: LeakForFix, context: RuleContext<FixOptions>): RuleFix[] {
  const record = leak.record;
  if (!record || record.viaRelation) return [];
  const read = record.read;
  const source = context.sourceFile;
  const edits: RuleEdit[] = [];
  if (leak.ownFields.length > 0) {
    const own = ownProjection(read, leak, context);
    if (!own) return [];
    edits.push(own);
  }
  for (const [relation, fields] of leak.relationFields) {
    const load = read.eagerLoads.find((candidate) => candidate.relation === relation);
    const edit = load && eagerLoadProjection(read, load, fields, source);
    if (!edit) return [];
    edits.push(edit);
  }
  if (edits.length === 0) return [];
  const names = [...leak.ownFields.map((name) => `${leak.view.modelName}.${name}`), ...[...leak.relationFields.entries()].flatMap(([relation, fields]) => fields.map((name) => `${relation}.${name}`))];
  return [{ title: `Leave ${names.join(', ')} out of the query`, edits }];
}

function ownProjection(read: RecordRead, leak: LeakForFix, context: RuleContext<FixOptions>): RuleEdit | undefined {
  const fields = leak.ownFields;
  switch (read.orm) {
    case 'prisma':
      return addOption(read, `omit: { ${fields.map((name) => `${name}: true`).join(', ')} }`, 0);
    case 'sequelize':
      if (read.written) return undefined;
      return addOption(read, `attributes: { exclude: [${fields.map(quote).join(', ')}] }`, ORM_READS.sequelize.optionsArgument?.[read.method] ?? 0);
    case 'mongoose':
      if (read.written) return undefined;
      return { start: read.call.getEnd(), end: read.call.getEnd(), newText: `.select(${quote(fields.map((name) => `-${name}`).join(' '))})` };
    case 'knex': {
      // knex chooses columns on the query: `.select('id', 'email')` right after the table.
      const table = knexTableOf(read.receiver);
      const allowed = documentedAllowList(leak.view, context, read.call);
      if (!table || allowed.length === 0) return undefined;
      return { start: table.call.getEnd(), end: table.call.getEnd(), newText: `.select(${allowed.map(quote).join(', ')})` };
    }
    case 'typeorm': {
      if (read.written || read.eagerLoads.length > 0 || !['find', 'findOne', 'findOneOrFail'].includes(read.method)) return undefined;
      const allowed = documentedAllowList(leak.view, context, read.call);
      if (allowed.length === 0) return undefined;
      return addOption(read, `select: { ${allowed.map((name) => `${name}: true`).join(', ')} }`, 0);
    }
    default:
      return undefined;
  }
}

/** Adds `option` to the call's options object (creating the object, or the argument, when there is none). */
function addOption(read: RecordRead, option: string, argumentIndex: number): RuleEdit | undefined {
  const call = read.call;
  const argument = call.arguments[argumentIndex];
  const source = call.getSourceFile();
  if (argument) {
    const object = skipOuterExpressions(argument);
    if (!ts.isObjectLiteralExpression(object)) return undefined;
    return addProperty(object, option, source);
  }
  // Only the argument right after the last one can be added: `findByPk(id)` → `findByPk(id, { … })`.
  if (call.arguments.length !== argumentIndex) return undefined;
  const last = call.arguments[call.arguments.length - 1];
  const at = last ? last.getEnd() : call.arguments.pos;
  return { start: at, end: at, newText: `${last ? ', ' : ''}{ ${option} }` };
}

function addProperty(object: ts.ObjectLiteralExpression, property: string, source: ts.SourceFile): RuleEdit {
  const last = object.properties[object.properties.length - 1];
  if (!last) return { start: object.getStart(source), end: object.getEnd(), newText: `{ ${property} }` };
  return { start: last.getEnd(), end: last.getEnd(), newText: `, ${property}` };
}

/** `include: { author: true }` → `author: { omit: { password: true } }`; `include: [Post]` → `{ model: Post, attributes: … }`. */
function eagerLoadProjection(read: RecordRead, load: EagerLoad, fields: string[], source: ts.SourceFile): RuleEdit | undefined {
  const node = load.node;
  switch (read.orm) {
    case 'prisma': {
      if (!ts.isPropertyAssignment(node)) return undefined;
      const value = skipOuterExpressions(node.initializer);
      const omit = `omit: { ${fields.map((name) => `${name}: true`).join(', ')} }`;
      if (value.kind === ts.SyntaxKind.TrueKeyword) return { start: value.getStart(source), end: value.getEnd(), newText: `{ ${omit} }` };
      return ts.isObjectLiteralExpression(value) ? addProperty(value, omit, source) : undefined;
    }
    case 'sequelize': {
      const attributes = `attributes: { exclude: [${fields.map(quote).join(', ')}] }`;
      const value = skipOuterExpressions(node as ts.Expression);
      if (ts.isObjectLiteralExpression(value)) return addProperty(value, attributes, source);
      if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) return { start: value.getStart(source), end: value.getEnd(), newText: `{ model: ${value.getText(source)}, ${attributes} }` };
      return undefined;
    }
    case 'mongoose': {
      const exclusion = quote(fields.map((name) => `-${name}`).join(' '));
      const value = skipOuterExpressions(node as ts.Expression);
      if (staticStringValue(value) !== undefined && ts.isCallExpression(value.parent) && value.parent.arguments.length === 1) return { start: value.getEnd(), end: value.getEnd(), newText: `, ${exclusion}` };
      if (ts.isObjectLiteralExpression(value)) return addProperty(value, `select: ${exclusion}`, source);
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * "Send only allowed fields": the record replaced by an object of the model's fields minus the sensitive ones (only
 * those the route's spec documents in its success response, when it does).
 */
export function mappingFix(leak: LeakForFix & { opaque?: unknown }, sink: ResponseSink, context: RuleContext<FixOptions>): RuleFix | undefined {
  const value = skipOuterExpressions(sink.value);
  if (!ts.isIdentifier(value)) return undefined;
  if (leak.record && (leak.record.path.length > 0 || leak.record.pending.length > 0 || leak.record.viaRelation || leak.relationFields.size > 0)) return undefined;
  const allowed = documentedAllowList(leak.view, context, value);
  if (allowed.length === 0) return undefined;
  const name = value.text;
  const read = leak.record?.read;
  // Raw rows: whether the value is one row or all of them depends on the driver; no guess is written into code.
  if (read?.orm === 'sql') return undefined;
  const many = read ? ORM_READS[read.orm].manyMethods.has(read.method) && !leak.record?.element : leak.view.many === true;
  let replacement: string;
  if (many) {
    replacement = `${name}.map((entry) => ({ ${allowed.map((field) => `${field}: entry.${field}`).join(', ')} }))`;
  } else {
    const object = `{ ${allowed.map((field) => `${field}: ${name}.${field}`).join(', ')} }`;
    const nullable = read ? mayBeNull(read) : leak.view.nullable === true;
    replacement = nullable ? `${name} && ${object}` : object;
  }
  return { title: `Send only ${allowed.join(', ')}`, edits: [{ start: value.getStart(context.sourceFile), end: value.getEnd(), newText: replacement }] };
}

/** The fields a client may see: the view's own fields minus sensitive and hidden ones, relations left out. */
export function allowedFields(view: FieldView, sensitiveFields: readonly string[]): string[] {
  return view.fields.filter((field) => !field.relation && !field.hiddenBy && !isSensitiveFieldName(field.name, sensitiveFields) && /^[A-Za-z_$][\w$]*$/.test(field.name)).map((field) => field.name);
}

/**
 * allowedFields narrowed to the properties the spec documents for the success responses of the routes whose handler
 * holds `node` (the endpoint's contract), when every such route is documented with a schema that lists them.
 */
function documentedAllowList(view: FieldView, context: RuleContext<FixOptions>, node: ts.Node): string[] {
  const allowed = allowedFields(view, context.options.sensitiveFields);
  const model = context.getApiModel();
  if (model.specs.all.size === 0) return allowed;
  return narrowToDocumented(allowed, documentedFields(model, routesHandling(model, context.filePath, node.getStart(context.sourceFile)), 'response'));
}

/** `findUnique`, `findOne`, `findById`… answer null when nothing matches; `…OrThrow`/`…OrFail` and writes do not. */
function mayBeNull(read: RecordRead): boolean {
  return !read.written && /^find/.test(read.method) && !/(OrThrow|OrFail)$/.test(read.method) || read.method === 'first' || read.method === 'getOne';
}

function quote(text: string): string {
  return `'${text.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

