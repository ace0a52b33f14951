// mass-assignment: a whole request body (every key the client chose) written into a stored record — Prisma, Sequelize,
// TypeORM, Mongoose, Drizzle, knex, Objection writes and merges saved later — so a client can set fields it must
// not: role, isAdmin, balance, ownerId, passwordHash. Error when the model has such fields the body can reach; a
// warning when the model is unknown or only its id and timestamps are at stake. Fix: copy only the writable fields.
import * as ts from 'typescript';
import * as path from 'node:path';
import { ALL_WRITE_METHOD_NAMES, LIST_WRITE_METHODS, type OrmWrite } from './data/orm-writes';
import { privilegedFieldKind, type PrivilegedFieldKind } from './data/sensitive-fields';
import type { ApiModel, ApiRoute, DataModel, DataModelCatalogue, DataModelField, ParameterWrite } from './support/api-model';
import { lineBreakOf, propertyNameText } from './support/ast';
import { FileIndex, skipOuterExpressions } from './support/dataflow';
import { calleeTarget } from './support/callee-target';
import { dataModelLookup, type DataModelLookup } from './support/data-models';
import { OrmWriteSinks, writesOnModel, writesOnRecord, type WriteSink } from './support/orm-write-sinks';
import { bodyAt, RequestBodies, VALIDATION_MIDDLEWARE, type BodyAt, type RequestBody } from './support/request-body';
import { defineRule, type RuleContext, type RuleFix, type RuleVisitors } from './support/rule';
import { documentedFields, narrowToDocumented } from './support/spec-fields';

type MessageId = 'privilegedFields' | 'serverOwnedFields' | 'unknownModel';

export interface MassAssignmentOptions {
  /** More field names a client must never set (compared like the built-in ones: case and separators ignored). */
  privilegedFields: string[];
}

const FIX_TITLE = 'Assign only allowed fields';
/** Kinds that are always the model's own; named only when nothing more serious is at stake. */
const SERVER_OWNED_KINDS: ReadonlySet<PrivilegedFieldKind> = new Set(['identity', 'audit']);
/** What an administrators' route may legitimately let its caller set. */
const ADMIN_SETTABLE_KINDS: ReadonlySet<PrivilegedFieldKind> = new Set(['privilege', 'verification', 'balance', 'ownership']);
const MAX_LISTED_FIELDS = 6;

export const massAssignment = defineRule<MassAssignmentOptions, MessageId>({
  meta: {
    id: 'mass-assignment',
    description: 'A whole request body written into a stored record, so a client can set fields it must not (role, isAdmin, balance, ownerId).',
    category: 'authorization',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-915'],
    owaspApi: 'API3:2023 Broken Object Property Level Authorization',
    frameworks: ['express', 'fastify', 'koa', 'hono', 'nestjs', 'nextjs', 'prisma', 'sequelize', 'typeorm', 'mongoose', 'drizzle-orm', 'knex', 'objection', 'mikro-orm'],
    requiresTypes: true,
    requiresApiModel: true,
    fixable: true,
    messages: {
      privilegedFields: 'The request body {{source}} is written whole by `{{sink}}`{{via}}: the request body can set {{fields}}. Copy only the fields a client may set.{{note}}',
      serverOwnedFields: 'The request body {{source}} is written whole by `{{sink}}`{{via}}: the request body can set {{fields}}, which the server owns. Copy only the fields a client may set.{{note}}',
      unknownModel: 'The request body {{source}} is written whole by `{{sink}}`{{via}}, into a model whose fields are not known: a client can set any field it names. Copy only the fields a client may set.{{note}}',
    },
  },
  defaultOptions: { privilegedFields: [] },
  // Files that write data, and files that hand a body to a call (a service that may write it) or declare routes.
  hasFindingsIn: (model, filePath) => model.touchesData(filePath) || (model.passesRequestBody?.(filePath) ?? false) || model.routesDeclaredIn(filePath).length > 0,
  create(context) {
    const index = new FileIndex(context.sourceFile, { walk: false });
    const writes: (ts.CallExpression | ts.NewExpression)[] = [];
    /** Other calls with arguments: one may hand the body to a function of another file that writes it. */
    const passes: ts.CallExpression[] = [];
    const visitors: RuleVisitors = {
      [ts.SyntaxKind.CallExpression]: (node) => {
        index.add(node);
        const call = node as ts.CallExpression;
        if (ts.isPropertyAccessExpression(call.expression) && ALL_WRITE_METHOD_NAMES.has(call.expression.name.text)) writes.push(call);
        else if (call.arguments.length > 0) passes.push(call);
      },
      [ts.SyntaxKind.NewExpression]: (node) => {
        if ((node as ts.NewExpression).arguments?.length) writes.push(node as ts.NewExpression);
      },
      onEnd: () => {
        if (writes.length === 0 && passes.length === 0) return;
        const model = context.getApiModel();
        if (!model.complete) return;
        const lookup = dataModelLookup(context, index);
        const sinks = new OrmWriteSinks(lookup);
        const bodies = new RequestBodies(index, { globalWhitelistPipe: model.stripsUnknownBodyKeys?.(context.filePath) ?? false });
        let typedSinks: OrmWriteSinks | undefined;
        for (const node of writes) {
          const sink = sinks.sinkAt(node);
          if (sink) {
            checkSink(context, sink, bodies, index);
            continue;
          }
          if (!ts.isCallExpression(node) || !node.arguments.some((arg) => bodyAt(arg, bodies) || objectHoldsBody(arg, bodies))) continue;
          // `this.usersService.update(dto)`: a workspace function the index knows; else, and only then, the checker
          // for a receiver typed in another file (a custom repository).
          if (checkPass(context, model, node, bodies, index)) continue;
          typedSinks ??= typeAwareSinks(context, lookup);
          const typed = typedSinks?.sinkAt(node);
          if (typed) checkSink(context, typed, bodies, index);
        }
        for (const call of passes) checkPass(context, model, call, bodies, index);
      },
    };
    for (const kind of FileIndex.INDEXED_KINDS) if (kind !== ts.SyntaxKind.CallExpression) visitors[kind] = (node) => index.add(node);
    return visitors;
  },
});

/** `{ data: req.body }`: an argument object one of whose properties is the body (Prisma-style arguments). */
function objectHoldsBody(argument: ts.Expression, bodies: RequestBodies): boolean {
  const node = skipOuterExpressions(argument);
  return ts.isObjectLiteralExpression(node) && node.properties.some((p) => ts.isPropertyAssignment(p) && bodyAt(p.initializer, bodies) !== undefined);
}

function typeAwareSinks(context: RuleContext<MassAssignmentOptions>, lookup: DataModelLookup): OrmWriteSinks | undefined {
  try {
    return new OrmWriteSinks(lookup, { checker: context.getTypeChecker() });
  } catch {
    return undefined;
  }
}

function checkSink(context: RuleContext<MassAssignmentOptions>, sink: WriteSink, bodies: RequestBodies, index: FileIndex): void {
  for (const data of sink.data) {
    const found = bodyAt(data, bodies);
    if (!found || validatedOnItsRoutes(context, sink.node)) continue;
    // Sequelize `fields: [...]` is an allow-list of its own: only those attributes are written.
    if (sink.onlyFields && sink.onlyFields.every((name) => !privilegedFieldKind(name, context.options.privilegedFields))) continue;
    report(context, sink, found, index);
  }
}

/**
 * `this.usersService.update(id, dto)`: a body handed to a function of another file that writes that parameter whole.
 * True when the callee is a workspace function the index knows (whatever it writes): no checker is needed then.
 */
function checkPass(context: RuleContext<MassAssignmentOptions>, model: ApiModel, call: ts.CallExpression, bodies: RequestBodies, index: FileIndex): boolean {
  const passed = call.arguments.map((argument) => bodyAt(argument, bodies));
  if (!model.parameterWritesOf || !passed.some(Boolean)) return false;
  const target = calleeTarget(call, index);
  const known = target ? model.parameterWritesOf(context.filePath, target.name, target.members) : undefined;
  const writes = known ?? [];
  const validated = writes.length > 0 && validatedOnItsRoutes(context, call);
  passed.forEach((found, position) => {
    if (!found || validated) return;
    for (const write of writes) {
      if (write.parameter !== position) continue;
      const written = believedModel(write, model.dataModels);
      if (written === false) continue;
      if (write.onlyFields && write.onlyFields.every((name) => !privilegedFieldKind(name, context.options.privilegedFields))) continue;
      const where = `${path.basename(write.at.filePath)}:${write.at.line + 1}`;
      const removed = new Set([...found.body.removed, ...(write.removed ?? [])]);
      report(context, { label: write.sink, model: written, onlyFields: write.onlyFields }, { ...found, body: { ...found.body, removed } }, index, {
        via: ` in ${where}, through \`${shortCallee(call, context.sourceFile)}(…)\``,
        noFix: `the write is in ${path.basename(write.at.filePath)}; copy the allowed fields there or here`,
      });
    }
  });
  return known !== undefined;
}

/**
 * Every route whose handler this code is in runs a validation middleware first (`router.post('/', validate(schema),
 * userController.createUser)`): routes declared around it in this file, else routes whose handler is named like
 * the enclosing function (`createUser`, `userController.createUser`). No route found: not validated.
 */
function validatedOnItsRoutes(context: RuleContext<MassAssignmentOptions>, node: ts.Node): boolean {
  const routes = routesOf(context, node);
  return routes.length > 0 && routes.every((route) => route.chain.some((link) => VALIDATION_MIDDLEWARE.test(link.name)));
}

/**
 * Every route this code answers checks a role or permission first (`authorize(ADMIN)`, `@Roles('admin')`): an
 * administrator setting `role` or `isVerified` through the body is what such an endpoint is for.
 */
function authorizedOnItsRoutes(context: RuleContext<MassAssignmentOptions>, node: ts.Node): boolean {
  const routes = routesOf(context, node);
  return routes.length > 0 && routes.every((route) => route.auth.status === 'authenticated' && (route.auth.authorization !== undefined || route.auth.by.auth === 'authorization' || route.auth.by.auth === 'both'));
}

/** Routes whose handler function holds the node, else routes whose handler is named like the enclosing function. */
function routesOf(context: RuleContext<MassAssignmentOptions>, node: ts.Node): readonly ApiRoute[] {
  const model = context.getApiModel();
  const position = node.getStart(context.sourceFile);
  const routes = model.routes.filter((route) => route.handlerAt?.filePath === context.filePath && route.handlerAt.start <= position && position < route.handlerAt.end);
  if (routes.length > 0) return routes;
  const name = handlerNameOf(node);
  return name ? model.routes.filter((route) => route.handler === name || route.handler.endsWith(`.${name}`)) : [];
}

/** `const createUser = catchAsync(async (req, res) => …)`, `function createUser(req, res)`, `{ createUser: (req, res) => … }`. */
function handlerNameOf(node: ts.Node): string | undefined {
  let fn: ts.Node | undefined = node.parent;
  while (fn && !ts.isFunctionLike(fn)) fn = fn.parent;
  if (!fn) return undefined;
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name) return propertyNameText(fn.name);
  let holder: ts.Node = fn.parent;
  while (holder && (ts.isCallExpression(holder) || ts.isParenthesizedExpression(holder) || ts.isAwaitExpression(holder))) holder = holder.parent;
  if (holder && (ts.isVariableDeclaration(holder) || ts.isPropertyAssignment(holder)) && holder.name) return propertyNameText(holder.name);
  return undefined;
}

/** The model a summary's write goes to, when the catalogue confirms it; false when the write is not one after all. */
function believedModel(write: ParameterWrite, catalogue: DataModelCatalogue): DataModel | undefined | false {
  const ref = write.model;
  const file = write.at.filePath;
  const model = !ref ? undefined : ref.kind === 'named' ? catalogue.named(file, ref.name, ref.members) : ref.kind === 'prisma' ? catalogue.prismaModel(file, ref.accessor) : ref.kind === 'byName' ? catalogue.byName(ref.name, file) : catalogue.declaredIn(ref.filePath, ref.name);
  if (write.receiver === 'shape') return model;
  // The receiver was a model or record only if the name is one; and the method must be one that ORM writes with.
  if (!model) return false;
  if (write.method === 'new') return model.orm === 'mongoose' ? model : false;
  const writes = write.receiver === 'model' ? writesOnModel(model.orm) : writesOnRecord(model.orm);
  return writes.some((w) => w.method === write.method && slotHolds(w, write.argument)) ? model : false;
}

function slotHolds(write: OrmWrite, argument: number): boolean {
  const slot = write.data;
  return slot.kind === 'rest' ? argument >= slot.index : argument === slot.index;
}




function shortCallee(call: ts.CallExpression, sourceFile: ts.SourceFile): string {
  const text = call.expression.getText(sourceFile).replace(/\s+/g, '');
  return text.length > 60 ? `…${text.slice(-59)}` : text;
}

/** What a finding reports a write as: the sink in this file, or one in another file a body is passed to. */
interface WriteTarget {
  label: string;
  method?: string;
  model?: DataModel;
  onlyFields?: readonly string[];
}

function report(context: RuleContext<MassAssignmentOptions>, sink: WriteTarget, found: BodyAt, index: FileIndex, across?: { via: string; noFix: string }): void {
  const model = sink.model;
  const reachable = model ? reachableFields(model, found.body, sink.onlyFields) : [];
  // On an administrators' route, privilege, verification, balance and ownership fields are the route's business,
  // and the id and timestamps alone are not worth a warning there.
  const adminOnly = authorizedOnItsRoutes(context, found.site);
  const atRisk = reachable.flatMap((field) => {
    const kind = privilegedFieldKind(field.name, context.options.privilegedFields);
    return kind && !(adminOnly && ADMIN_SETTABLE_KINDS.has(kind)) ? [{ field, kind }] : [];
  });
  const serious = atRisk.filter((entry) => !SERVER_OWNED_KINDS.has(entry.kind));
  const range = { start: found.site.getStart(context.sourceFile), end: found.site.end };
  const listWrite = sink.method !== undefined && LIST_WRITE_METHODS.has(sink.method);
  const fix = model && !across && !listWrite ? allowedFieldsFix(context, model, found, index) : undefined;
  const reason = listWrite ? `\`${sink.method}\` writes a list of records: map each one to the fields a client may set` : across && model && !model.partial ? across.noFix : noFixReason(model);
  const note = fix ? '' : ` No automatic fix: ${reason}.`;
  const data = { source: describeSource(found.body), sink: sink.label, via: across?.via ?? '', note };
  const fixes: RuleFix[] = fix ? [fix] : [];
  // Tiers: a privilege, verification, balance, ownership or credential field → error. Only the id and timestamps →
  // warning, unless keys were already taken out of the body (`const { role, isAdmin, ...rest }`: the code has thought
  // about it, and what is left is the model's by construction). A known, complete model with none → nothing.
  if (!model || (atRisk.length === 0 && model.partial)) {
    context.report({ messageId: 'unknownModel', range, data, fixes, severity: 'warning' });
  } else if (serious.length > 0) {
    context.report({ messageId: 'privilegedFields', range, data: { ...data, fields: listFields(model, serious.map((e) => e.field)) }, fixes, severity: 'error' });
  } else if (atRisk.length > 0 && found.body.removed.size === 0 && !adminOnly) {
    context.report({ messageId: 'serverOwnedFields', range, data: { ...data, fields: listFields(model, atRisk.map((e) => e.field)) }, fixes, severity: 'warning' });
  }
}

function noFixReason(model: DataModel | undefined): string {
  if (!model) return 'the model, and so the fields a client may set, is not known';
  if (model.partial) return `not every field of ${model.name} could be listed`;
  return `no field of ${model.name} is one a client may set`;
}

/** The model's fields the body can still carry: not taken out by a rest binding, and in Sequelize's `fields` if given. */
function reachableFields(model: DataModel, body: RequestBody, onlyFields: readonly string[] | undefined): DataModelField[] {
  return model.fields.filter((field) => !body.removed.has(field.name) && (!onlyFields || onlyFields.includes(field.name)));
}

/** "`req.body`", "`req.body` (without role, isAdmin)". */
function describeSource(body: RequestBody): string {
  const removed = [...body.removed];
  return removed.length > 0 ? `\`${body.source}\` (without ${removed.join(', ')})` : `\`${body.source}\``;
}

function listFields(model: DataModel, fields: DataModelField[]): string {
  const names = fields.map((field) => `${model.name}.${field.name}`);
  return names.length > MAX_LISTED_FIELDS ? `${names.slice(0, MAX_LISTED_FIELDS).join(', ')} and ${names.length - MAX_LISTED_FIELDS} more` : names.join(', ');
}

// ---- Fix ----

/**
 * The fields a client may set: the model's minus identity, privilege, ownership, audit, credential and generated ones,
 * and relations. When the route's spec documents its request body, allowedFieldsFix narrows this list to the
 * documented (non-readOnly) properties.
 */
export function writableFields(model: DataModel, body: RequestBody, extra: readonly string[]): string[] {
  const declared = body.dtoClass ? new Set(classPropertyNames(body.dtoClass)) : undefined;
  return model.fields
    .filter((field) => !field.relation && !field.serverGenerated && !field.hiddenBy && !privilegedFieldKind(field.name, extra))
    .filter((field) => !body.removed.has(field.name) && (!declared || declared.has(field.name)))
    .map((field) => field.name);
}

function allowedFieldsFix(context: RuleContext<MassAssignmentOptions>, model: DataModel, found: BodyAt, index: FileIndex): RuleFix | undefined {
  if (model.partial) return undefined;
  // The endpoint's contract, when its spec documents the request body: only what the client is meant to send.
  const documented = documentedFields(context.getApiModel(), routesOf(context, found.site), 'request');
  const fields = narrowToDocumented(writableFields(model, found.body, context.options.privilegedFields), documented).filter((name) => /^[A-Za-z_$][\w$]*$/.test(name));
  if (fields.length === 0) return undefined;
  const sourceFile = context.sourceFile;
  const holder = skipOuterExpressions(found.holder);
  const edits = [];
  let base: string;
  if (isReference(holder)) {
    base = holder.getText(sourceFile);
  } else {
    // `await c.req.json()` is read once: bind it before the statement instead of calling it again per field.
    const statement = enclosingStatement(found.site);
    if (!statement) return undefined;
    base = freshName(index, 'input');
    const indent = indentOf(sourceFile.text, statement.getStart(sourceFile));
    edits.push({ start: statement.getStart(sourceFile), end: statement.getStart(sourceFile), newText: `const ${base} = ${found.holder.getText(sourceFile)};${lineBreakOf(sourceFile.text)}${indent}` });
  }
  const site = found.site;
  if (ts.isSpreadAssignment(site)) {
    const literal = site.parent as ts.ObjectLiteralExpression;
    const explicit = new Set(literal.properties.flatMap((p) => (!ts.isSpreadAssignment(p) && p.name ? [propertyNameText(p.name)] : [])));
    const copied = fields.filter((name) => !explicit.has(name));
    if (copied.length === 0) return undefined;
    edits.push({ start: site.getStart(sourceFile), end: site.end, newText: copied.map((name) => `${name}: ${base}.${name}`).join(', ') });
  } else {
    edits.push({ start: site.getStart(sourceFile), end: site.end, newText: `{ ${fields.map((name) => `${name}: ${base}.${name}`).join(', ')} }` });
  }
  return { title: FIX_TITLE, edits, isPreferred: true };
}

/** An expression that is cheap and the same every time it is read: `req.body`, `rest`, `ctx.request.body`. */
function isReference(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return true;
  return ts.isPropertyAccessExpression(node) && isReference(skipOuterExpressions(node.expression));
}

function enclosingStatement(node: ts.Node): ts.Statement | undefined {
  for (let current: ts.Node | undefined = node; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return undefined;
    if (ts.isStatement(current) && current.parent && (ts.isBlock(current.parent) || ts.isSourceFile(current.parent))) return current;
  }
  return undefined;
}

function freshName(index: FileIndex, wanted: string): string {
  let name = wanted;
  for (let n = 2; index.declarationsNamed(name).length > 0; n++) name = `${wanted}${n}`;
  return name;
}

function indentOf(text: string, offset: number): string {
  let start = offset;
  while (start > 0 && text[start - 1] !== '\n' && text[start - 1] !== '\r') start--;
  return /^[ \t]*/.exec(text.slice(start, offset))![0];
}

function classPropertyNames(node: ts.ClassDeclaration): string[] {
  return node.members.flatMap((member) => (ts.isPropertyDeclaration(member) && member.name ? [propertyNameText(member.name)].filter((n): n is string => !!n) : []));
}
