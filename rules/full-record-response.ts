// full-record-response: a response that sends a database record whole (or an array of them, a wrapper holding one,
// the record just created) when its model has sensitive fields (password hashes, tokens, MFA secrets) that neither
// the model hides (select: false, defaultScope, toJSON deletes, @Exclude) nor the query projects away. The fields
// come from the workspace's data models, else from the checker's type of the value. Fixes: a projection at the
// query (Prisma `omit`, Sequelize `attributes.exclude`, Mongoose `.select('-…')`), else an allow-listed object.
import * as ts from 'typescript';
import type { DataModel, DataModelCatalogue, DataModelField } from './support/api-model';
import { isTypeScriptFile } from './support/ast';
import { calleeTarget } from './support/callee-target';
import { modelOfReceiver, type DataModelLookup } from './support/data-models';
import { FileIndex, skipOuterExpressions } from './support/dataflow';
import { RecordFlow, knexTableOf, type OpaqueValue, type RecordRead, type RecordValue } from './support/record-flow';
import { functionOfReturn, sinkOfAssignment, sinkOfCall, sinkOfNew, sinkOfReturn, type ResponseSink } from './support/response-sinks';
import { fieldViewOfType, modelView, type FieldView } from './support/record-fields';
import { projectionFixes, mappingFix } from './support/record-fixes';
import { defineRule, type RuleContext, type RuleFix } from './support/rule';
import { isSensitiveFieldName } from './data/sensitive-fields';
import { ORM_READS, type ReadOrm } from './data/orm-reads';

type MessageId = 'fullRecord';

export interface FullRecordResponseOptions {
  /** Field names that are sensitive in this project, besides the built-in list (`isSensitiveFieldName`). */
  sensitiveFields: string[];
}

type Context = RuleContext<FullRecordResponseOptions>;

/** One leak: the fields a record sends, and how it was read (for the message and the fixes). */
export interface Leak {
  record?: RecordValue;
  opaque?: OpaqueValue;
  view: FieldView;
  /** `User.password` or `User.password via Post.include[author]`. */
  fields: string[];
  /** Field names of the record's own model that leak (for the projection fix). */
  ownFields: string[];
  /** Per eager-loaded relation: the fields that leak through it. */
  relationFields: Map<string, string[]>;
}

export const fullRecordResponse = defineRule<FullRecordResponseOptions, MessageId>({
  meta: {
    id: 'full-record-response',
    description: 'Responses that send a database record whole while its model has sensitive fields (password hashes, tokens, secrets) nothing hides or projects away.',
    category: 'data-exposure',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-213'],
    owaspApi: 'API3:2023 Broken Object Property Level Authorization',
    frameworks: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'prisma', 'sequelize', 'typeorm', 'mongoose', 'knex'],
    requiresTypes: true,
    requiresApiModel: true,
    fixable: true,
    messages: {
      fullRecord: 'The response returns {{fields}}: {{source}} is sent whole through {{how}}. Select only the fields the client needs.',
    },
  },
  defaultOptions: { sensitiveFields: [] },
  // Files that read or write records, and route files (a handler may send what a service in another file read).
  hasFindingsIn: (model, filePath) => model.touchesData(filePath) || model.routesDeclaredIn(filePath).length > 0,
  create(context) {
    const index = new FileIndex(context.sourceFile, { walk: false });
    const flow = new RecordFlow(index, context.sourceFile);
    const sinks: ResponseSink[] = [];
    const returns: (ts.ReturnStatement | ts.ArrowFunction)[] = [];
    const add = (node: ts.Node): void => index.add(node);
    return {
      [ts.SyntaxKind.VariableDeclaration]: add,
      [ts.SyntaxKind.Parameter]: add,
      [ts.SyntaxKind.BindingElement]: add,
      [ts.SyntaxKind.FunctionDeclaration]: add,
      [ts.SyntaxKind.ClassDeclaration]: add,
      [ts.SyntaxKind.EnumDeclaration]: add,
      [ts.SyntaxKind.ImportDeclaration]: add,
      [ts.SyntaxKind.ImportEqualsDeclaration]: add,
      [ts.SyntaxKind.PrefixUnaryExpression]: add,
      [ts.SyntaxKind.PostfixUnaryExpression]: add,
      [ts.SyntaxKind.BinaryExpression]: (node) => {
        index.add(node);
        const binary = node as ts.BinaryExpression;
        if (binary.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
        const sink = sinkOfAssignment(binary);
        if (sink) sinks.push(sink);
        else if (ts.isPropertyAccessExpression(binary.left) || ts.isElementAccessExpression(binary.left)) flow.noteRemoval(binary);
      },
      [ts.SyntaxKind.CallExpression]: (node) => {
        index.add(node);
        const sink = sinkOfCall(node as ts.CallExpression);
        if (sink) sinks.push(sink);
      },
      [ts.SyntaxKind.NewExpression]: (node) => {
        const sink = sinkOfNew(node as ts.NewExpression);
        if (sink) sinks.push(sink);
      },
      [ts.SyntaxKind.DeleteExpression]: (node) => flow.noteRemoval(node),
      [ts.SyntaxKind.ReturnStatement]: (node) => {
        if ((node as ts.ReturnStatement).expression) returns.push(node as ts.ReturnStatement);
      },
      [ts.SyntaxKind.ArrowFunction]: (node) => {
        if (!ts.isBlock((node as ts.ArrowFunction).body)) returns.push(node as ts.ArrowFunction);
      },
      onEnd() {
        const model = context.getApiModel();
        for (const returned of returns) {
          const fn = ts.isArrowFunction(returned) ? returned : functionOfReturn(returned);
          const value = ts.isArrowFunction(returned) ? (returned.body as ts.Expression) : returned.expression;
          if (!fn || !value) continue;
          const sink = sinkOfReturn(value, fn, index);
          if (sink) sinks.push(sink);
        }
        const judge = new Judge(context, model.dataModels, flow, index);
        for (const sink of sinks) judge.judge(sink);
      },
    };
  },
});

/** Decides, per response sink, which sensitive fields leave, and reports them with fixes. */
class Judge {
  private checker: ts.TypeChecker | undefined | null = undefined;
  private readonly sensitiveFields: readonly string[];

  private readonly lookup: DataModelLookup;

  constructor(private readonly context: Context, private readonly catalogue: DataModelCatalogue, private readonly flow: RecordFlow, index: FileIndex) {
    this.lookup = { filePath: context.filePath, sourceFile: context.sourceFile, index, models: catalogue };
    this.sensitiveFields = Array.isArray(context.options.sensitiveFields) ? context.options.sensitiveFields : [];
  }

  judge(sink: ResponseSink): void {
    const contents = this.flow.contentsOf(sink.value);
    const leaks: Leak[] = [];
    for (const record of contents.records) {
      const leak = this.recordLeak(record);
      if (leak) leaks.push(leak);
    }
    // What only the checker can tell: a service call returning `Promise<User>` (asked only when no record was seen).
    if (leaks.length === 0 && contents.records.length === 0) {
      for (const opaque of contents.opaque) {
        const leak = this.opaqueLeak(opaque);
        if (leak) leaks.push(leak);
      }
    }
    if (leaks.length === 0) return;
    const fields = [...new Set(leaks.flatMap((leak) => leak.fields))];
    const first = leaks[0]!;
    const fixes: RuleFix[] = leaks.length === 1 ? this.fixesFor(first, sink) : [];
    this.context.report({
      messageId: 'fullRecord',
      node: sink.value,
      data: { fields: fields.join(', '), source: describeSource(first, this.context.sourceFile), how: sink.how },
      fixes,
    });
  }

  private recordLeak(record: RecordValue): Leak | undefined {
    const read = record.read;
    const view = this.viewOfRead(read);
    if (!view) return undefined;
    if (record.viaRelation) {
      const related = view.relation(record.viaRelation);
      if (!related) return undefined;
      const own = this.leakingFields(related, record, read.written);
      return own.length > 0 ? { record, view: related, fields: own.map((name) => `${related.modelName}.${name}`), ownFields: own, relationFields: new Map() } : undefined;
    }
    const ownFields = read.projected ? [] : this.leakingFields(view, record, read.written);
    const fields = ownFields.map((name) => `${view.modelName}.${name}`);
    const relationFields = new Map<string, string[]>();
    for (const load of read.eagerLoads) {
      if (load.projected) continue;
      const related = view.relation(load.relation, load.model);
      if (!related) continue;
      const leaking = this.leakingFields(related, record, false);
      if (leaking.length === 0) continue;
      relationFields.set(load.relation, leaking);
      const via = `${view.modelName}.${eagerLoadOption(read)}[${load.relation}]`;
      fields.push(`${leaking.map((name) => `${related.modelName}.${name}`).join(', ')} via ${via}`);
    }
    return fields.length > 0 ? { record, view, fields, ownFields, relationFields } : undefined;
  }

  private opaqueLeak(opaque: OpaqueValue): Leak | undefined {
    // Only TypeScript declares what another module's function returns; in JavaScript the checker would guess.
    if (!isTypeScriptFile(this.context.filePath)) return undefined;
    // The checker's program costs a whole project's parse: not for a call into a workspace module that reads and
    // writes no data (a cache, a formatter, a service over in-memory rows).
    if (this.callsModuleWithoutData(opaque.expression)) return undefined;
    const checker = this.getChecker();
    if (!checker) return undefined;
    const view = fieldViewOfType(checker, checker.getTypeAtLocation(opaque.expression), this.catalogue, { requireModel: true });
    if (!view) return undefined;
    const removedThere = fieldsRemovedByCallee(checker, opaque.expression);
    const own = view.fields
      .filter((field) => !field.relation && !field.hiddenBy && !opaque.removed.has(field.name) && !removedThere.has(field.name) && this.isSensitive(field.name))
      .map((field) => field.name);
    return own.length > 0 ? { opaque, view, fields: own.map((name) => `${view.modelName}.${name}`), ownFields: own, relationFields: new Map() } : undefined;
  }

  /** `service.list(…)`, `this.usersService.findOne(…)` where the class comes from a workspace file that touches no data. */
  private callsModuleWithoutData(expression: ts.Expression): boolean {
    const call = skipOuterExpressions(expression);
    if (!ts.isCallExpression(call)) return false;
    const target = calleeTarget(call, this.lookup.index);
    if (!target) return false;
    return this.context.getApiModel().importedFromDataFile?.(this.context.filePath, target.name) === false;
  }

  /** The record's model: the workspace's data models first (they know what is hidden), else the checker's type. */
  private viewOfRead(read: RecordRead): FieldView | undefined {
    const model = read.table !== undefined ? modelOfTable(read.table, this.catalogue, this.context.filePath) : modelOfReceiver(read.receiver, this.lookup)?.model;
    if (model) {
      // The model knows its ORM better than the method's name does (`create`, `findOne` exist in several).
      if (isReadOrm(model.orm)) read.orm = model.orm;
      return modelView(model, this.catalogue, this.context.filePath);
    }
    // `this.service.findAll(query)` named like a read: a workspace module without data returns no records.
    if (this.callsModuleWithoutData(read.call)) return undefined;
    const checker = this.getChecker();
    if (!checker) return undefined;
    const type = typeInContainer(checker, checker.getTypeAtLocation(read.call), read.container);
    if (!type) return undefined;
    return fieldViewOfType(checker, type, this.catalogue, { requireModel: false, nameHint: modelNameHint(read) });
  }

  /** Sensitive fields of the view the record carries: not hidden by the model, not removed before sending. */
  private leakingFields(view: FieldView, record: RecordValue, written: boolean): string[] {
    return view.fields
      .filter((field) => !field.relation && this.isSensitive(field.name) && !record.removed.has(field.name) && !this.hidden(field, record.read, written))
      .map((field) => field.name);
  }

  /** `select: false` and scopes apply to reads; a record just written carries the field until serialised. */
  private hidden(field: DataModelField, read: RecordRead, written: boolean): boolean {
    if (!field.hiddenBy) return false;
    if (read.unhidden.includes(field.name)) return false;
    if (written && /select|scope/i.test(field.hiddenBy)) return false;
    return true;
  }

  private isSensitive(name: string): boolean {
    return isSensitiveFieldName(name, this.sensitiveFields);
  }

  private getChecker(): ts.TypeChecker | undefined {
    if (this.checker === undefined) {
      try {
        this.checker = this.context.getTypeChecker();
      } catch {
        this.checker = null;
      }
    }
    return this.checker ?? undefined;
  }

  private fixesFor(leak: Leak, sink: ResponseSink): RuleFix[] {
    const fixes = leak.record ? projectionFixes(leak, this.context) : [];
    const mapping = mappingFix(leak, sink, this.context);
    if (mapping) fixes.push(mapping);
    if (fixes[0]) fixes[0].isPreferred = true;
    return fixes;
  }
}

/** The model stored in a table (`users`): by its table name, else by its name (`User`, `Users`). */
function modelOfTable(table: string, catalogue: DataModelCatalogue, filePath: string): DataModel | undefined {
  const lower = table.toLowerCase();
  const byTable = catalogue.all.filter((model) => model.tableName?.toLowerCase() === lower);
  if (byTable.length > 0) return byTable[0];
  const singular = lower.replace(/s$/, '');
  const guess = singular.charAt(0).toUpperCase() + singular.slice(1);
  return catalogue.byName(guess, filePath) ?? catalogue.byName(table, filePath);
}

function isReadOrm(orm: string): orm is ReadOrm {
  return orm in ORM_READS;
}

/** `findAndCountAll` → the type of its `rows`, `findOrCreate` → its `[0]`. */
function typeInContainer(checker: ts.TypeChecker, type: ts.Type, container: readonly string[]): ts.Type | undefined {
  let current: ts.Type | undefined = type;
  for (const key of container) {
    const awaited: ts.Type = checker.getAwaitedType(current) ?? current;
    const property = awaited.getProperty(key);
    current = property ? checker.getTypeOfSymbol(property) : undefined;
    if (!current) return undefined;
  }
  return current;
}

/** `prisma.post` → `Post`, `User.findOne` → `User`: a name for messages when the type has none (an intersection). */
function modelNameHint(read: RecordRead): string | undefined {
  const receiver = skipOuterExpressions(read.receiver);
  const name = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : undefined;
  if (!name || (read.orm !== 'prisma' && !/^[A-Z]/.test(name))) return undefined;
  return name.charAt(0).toUpperCase() + name.slice(1);
}

function eagerLoadOption(read: RecordRead): string {
  switch (read.orm) {
    case 'prisma':
    case 'sequelize':
      return 'include';
    case 'typeorm':
      return 'relations';
    case 'mongoose':
      return 'populate';
    default:
      return 'include';
  }
}

/** `prisma.user.findUnique(…)`, `the User just created by User.create(…)`, `this.usersService.findOne(…)`. */
function describeSource(leak: Leak, sourceFile: ts.SourceFile): string {
  if (leak.record) {
    const read = leak.record.read;
    const table = read.orm === 'knex' ? knexTableOf(read.receiver) : undefined;
    const call = table ? `the ${shorten(table.call.getText(sourceFile))} query` : `${shorten(read.receiver.getText(sourceFile))}.${read.method}(…)`;
    return read.written ? `the ${leak.view.modelName} written by ${call}` : `the ${leak.view.modelName} read by ${call}`;
  }
  const expression = skipOuterExpressions(leak.opaque!.expression);
  const text = ts.isCallExpression(expression) ? `${shorten(expression.expression.getText(sourceFile))}(…)` : shorten(expression.getText(sourceFile));
  return `the ${leak.view.modelName} returned by ${text}`;
}

function shorten(text: string): string {
  const flat = text.replace(/\s+/g, ' ');
  return flat.length > 60 ? `${flat.slice(0, 57)}…` : flat;
}

/**
 * Fields the called function of another module takes off before returning (`delete user.password`, `user.password =
 * undefined` or `null`): the service cleans the record, so the controller that returns its result leaks nothing of those.
 */
function fieldsRemovedByCallee(checker: ts.TypeChecker, expression: ts.Expression): ReadonlySet<string> {
  const call = skipOuterExpressions(expression);
  if (!ts.isCallExpression(call)) return EMPTY_NAMES;
  const declaration = checker.getResolvedSignature(call)?.declaration;
  if (!declaration || ts.isJSDocSignature(declaration) || !('body' in declaration) || !declaration.body || declaration.getSourceFile().isDeclarationFile) return EMPTY_NAMES;
  const removed = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isDeleteExpression(node) && ts.isPropertyAccessExpression(skipOuterExpressions(node.expression))) {
      removed.add((skipOuterExpressions(node.expression) as ts.PropertyAccessExpression).name.text);
    } else if (
      ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isPropertyAccessExpression(node.left) &&
      ((ts.isIdentifier(node.right) && node.right.text === 'undefined') || node.right.kind === ts.SyntaxKind.NullKeyword)
    ) {
      removed.add(node.left.name.text);
    }
    if (!ts.isFunctionLike(node) || node === declaration) ts.forEachChild(node, visit);
  };
  visit(declaration);
  return removed;
}

const EMPTY_NAMES: ReadonlySet<string> = new Set();
