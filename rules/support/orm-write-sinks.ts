// Which calls write an object into a stored record (data/orm-writes.ts), on which model, and which arguments hold the
// data. Receivers are recognised by what they are — a model of the workspace's catalogue, a TypeORM repository of an
// entity, a Prisma delegate, a Drizzle/knex/Objection builder — never by a method name alone, so `service.create(x)`
// on an arbitrary object is not a sink. Syntactic, through the workspace's data-model catalogue; a checker, when given,
// places receivers typed in other files.
import * as ts from 'typescript';
import {
  DRIZZLE_WRITES, KNEX_WRITES, LODASH_MODULES, MERGE_WRITES, MIKRO_ORM_ASSIGN, MONGOOSE_DISTINCTIVE_WRITES, MONGOOSE_DOCUMENT_WRITES, MONGOOSE_STATIC_WRITES, OBJECTION_WRITES,
  PRISMA_WRITES, SAVE_METHODS, SEQUELIZE_INSTANCE_WRITES, SEQUELIZE_STATIC_WRITES, TYPEORM_MANAGER_WRITES, TYPEORM_REPOSITORY_WRITES, type OrmWrite,
} from '../data/orm-writes';
import type { DataModel, DataModelCatalogue } from './api-model';
import { modelOfCall, modelOfReceiver, modelOfValueType, type DataModelLookup } from './data-models';
import { propertyNameText } from './ast';
import { enclosingFunction, skipOuterExpressions, type FileIndex } from './dataflow';

export interface WriteSink {
  node: ts.CallExpression | ts.NewExpression;
  /** For messages: `User.create`, `prisma.user.update`, `this.usersRepository.save`. */
  label: string;
  /** The expressions whose keys are written. */
  data: ts.Expression[];
  /** The model written to, when known. */
  model?: DataModel;
  /** Sequelize `fields: [...]`: only these attributes are written. */
  onlyFields?: readonly string[];
  /** The method called (`create`, `save`). */
  method: string;
  /** How the receiver was recognised: a model or repository (whose ORM decides the methods), a record, or the call's shape. */
  receiver: 'model' | 'record' | 'shape';
}

/** How a sink finder sees models: `anyOrm` when the catalogue gives stand-ins (summaries record writes before linking). */
export interface SinkOptions {
  checker?: ts.TypeChecker;
  /** Models of ORM 'typescript' are stand-ins for a model resolved later: accept every ORM's methods on them. */
  anyOrm?: boolean;
}

/** Methods that read one record of a model (what an instance variable was loaded with). */
const FINDER_METHODS = /^(find|findOne|findByPk|findById|findOneBy|findOneOrFail|findOneByOrFail|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findOrCreate|preload|create|build|merge)$/;
const MANAGER_NAMES = /^(manager|entityManager|em|transactionalEntityManager|trx|tx)$/;

export class OrmWriteSinks {
  private readonly index: FileIndex;
  private readonly models: DataModelCatalogue;
  private readonly filePath: string;

  private readonly checker: ts.TypeChecker | undefined;
  private readonly anyOrm: boolean;

  /** With a checker, receivers whose model syntax cannot tell (a type from another file) are asked about by type. */
  constructor(
    private readonly lookup: DataModelLookup,
    options: SinkOptions = {},
  ) {
    this.index = lookup.index;
    this.models = lookup.models;
    this.filePath = lookup.filePath;
    this.checker = options.checker;
    this.anyOrm = options.anyOrm ?? false;
  }

  /** The write a call or `new` expression performs, if it is one. */
  sinkAt(node: ts.CallExpression | ts.NewExpression): WriteSink | undefined {
    if (ts.isNewExpression(node)) return this.mongooseConstructor(node);
    const callee = skipOuterExpressions(node.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const receiver = skipOuterExpressions(callee.expression);
    return (
      this.prismaWrite(node, receiver, method) ??
      this.drizzleWrite(node, receiver, method) ??
      this.mergeWrite(node, receiver, method) ??
      this.objectionOrKnexWrite(node, receiver, method) ??
      this.modelWrite(node, receiver, method) ??
      this.instanceWrite(node, receiver, method)
    );
  }

  private label(node: ts.CallExpression | ts.NewExpression): string {
    const text = node.expression.getText(this.index.sourceFile).replace(/\s+/g, '');
    return text.length > 60 ? `…${text.slice(-59)}` : text;
  }

  private sink(node: ts.CallExpression | ts.NewExpression, write: OrmWrite, model: DataModel | undefined, receiver: WriteSink['receiver'] = 'shape'): WriteSink | undefined {
    const data = dataOf(node, write);
    if (data.length === 0) return undefined;
    const onlyFields = write.fieldsOption ? fieldsOption(node, write.fieldsOption) : undefined;
    return { node, label: this.label(node), data, model, onlyFields, method: write.method, receiver };
  }

  /** `prisma.user.create({ data })`, `this.prisma.post.update({ where, data })`, `tx.user.upsert({ create, update })`. */
  private prismaWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    if (!ts.isPropertyAccessExpression(receiver)) return undefined;
    const arg = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
    const writes = PRISMA_WRITES.filter((write) => write.method === method);
    if (writes.length === 0) return undefined;
    const known = modelOfReceiver(receiver, this.lookup, this.checker);
    if (known && known.orm !== 'prisma') return undefined;
    const model = known?.model;
    const data = writes.flatMap((write) => dataOf(call, write));
    if (data.length === 0) return undefined;
    // Without a schema the `{ data }` shape alone is not proof: ask for a client-looking receiver.
    if (!model && !/prisma|^(db|tx|client)$/i.test(lastName(receiver.expression) ?? '')) return undefined;
    return { node: call, label: this.label(call), data, model, method, receiver: 'shape' };
  }

  /** `db.insert(users).values(data)`, `db.update(users).set(data).where(…)`. */
  private drizzleWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const write = DRIZZLE_WRITES.find((w) => w.method === method);
    if (!write || !ts.isCallExpression(receiver) || call.arguments.length !== 1) return undefined;
    const builder = skipOuterExpressions(receiver.expression);
    if (!ts.isPropertyAccessExpression(builder) || builder.name.text !== write.builder || receiver.arguments.length !== 1) return undefined;
    const table = skipOuterExpressions(receiver.arguments[0]!);
    const model = this.anyOrm && ts.isIdentifier(table) ? this.models.named(this.filePath, table.text) : modelOfReceiver(receiver, this.lookup)?.model;
    if (!model && !ts.isIdentifier(table)) return undefined;
    return { node: call, label: this.label(call), data: [call.arguments[0]!], model, method, receiver: 'shape' };
  }

  /** `Object.assign(user, body)` / `_.merge(user, body)` on a record saved later in the same function. */
  private mergeWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    if (!ts.isIdentifier(receiver)) return undefined;
    const isObject = receiver.text === 'Object' && !this.index.resolve(receiver);
    const isLodash = !isObject && this.isLodash(receiver);
    const write = MERGE_WRITES.find((w) => w.method === method && (isObject ? w.orm === 'javascript' : isLodash && w.orm === 'lodash'));
    if (!write || call.arguments.length < 2) return undefined;
    const target = skipOuterExpressions(call.arguments[0]!);
    if (!ts.isIdentifier(target) && !ts.isPropertyAccessExpression(target)) return undefined;
    const saved = this.savedLater(call, target) || this.isReturnedToSave(call);
    if (!saved) return undefined;
    return this.sink(call, write, this.instanceModel(target));
  }

  /** `knex('users').insert(data)`, `User.query().patch(data)`, `Person.query().patchAndFetchById(id, data)`. */
  private objectionOrKnexWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const root = builderRoot(receiver);
    if (!root) return undefined;
    if (root.kind === 'query') {
      const write = OBJECTION_WRITES.find((w) => w.method === method);
      return write ? this.sink(call, write, modelOfReceiver(root.model, this.lookup, this.checker)?.model) : undefined;
    }
    const write = KNEX_WRITES.find((w) => w.method === method);
    if (!write) return undefined;
    return this.sink(call, write, this.models.byName(root.table, this.filePath) ?? this.models.all.find((m) => m.tableName === root.table));
  }

  /**
   * `User.create(data)`, `db.User.update(data, { where })`, `this.userModel.findByIdAndUpdate(id, data)`,
   * `this.usersRepository.save(data)`, `repo.update(id, data)`; `manager.save(User, data)`, `em.create(User, data)`.
   */
  private modelWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const known = modelOfReceiver(receiver, this.lookup, this.checker);
    if (known) {
      const writes = this.writesOnModel(known.orm).filter((w) => w.method === method);
      // A stand-in model (summaries): every ORM's slots for the method; the linked model's ORM picks one later.
      const sinks = writes.map((write) => this.sink(call, write, known.model, 'model')).filter((sink): sink is WriteSink => sink !== undefined);
      if (sinks.length <= 1) return sinks[0];
      return { ...sinks[0]!, data: [...new Set(sinks.flatMap((sink) => sink.data))] };
    }
    const first = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (MANAGER_NAMES.test(lastName(receiver) ?? '') && first) {
      // MikroORM `em.assign(user, body)`: the entity is managed, so the next flush writes it.
      if (method === 'assign') {
        const entityModel = this.instanceModel(first);
        return entityModel ? this.sink(call, MIKRO_ORM_ASSIGN, entityModel) : undefined;
      }
      const managed = modelOfCall(call, this.lookup, this.checker);
      const write = TYPEORM_MANAGER_WRITES.find((w) => w.method === method);
      if (managed && write) return this.sink(call, write, managed.model);
    }
    // Names only Mongoose models have: the receiver needs no proof, the model stays unknown.
    if (!MONGOOSE_DISTINCTIVE_WRITES.has(method)) return undefined;
    return this.sink(call, MONGOOSE_STATIC_WRITES.find((w) => w.method === method)!, undefined);
  }

  /** `user.update(data)` (Sequelize), `doc.set(data); doc.save()` (Mongoose, Sequelize) on a record loaded here. */
  private instanceWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    if (!ts.isIdentifier(receiver)) return undefined;
    const model = this.instanceModel(receiver);
    if (!model) return undefined;
    const writes = writesOnRecord(this.anyOrm && model.orm === 'typescript' ? undefined : model.orm);
    const write = writes.find((w) => w.method === method && call.arguments.length >= 1 && !(w.method === 'set' && call.arguments.length > 1 && model.orm === 'sequelize'));
    if (!write) return undefined;
    if (write.needsSave && !this.savedLater(call, receiver)) return undefined;
    return this.sink(call, write, model, 'record');
  }

  /** `new User(req.body)` for a Mongoose model. */
  private mongooseConstructor(node: ts.NewExpression): WriteSink | undefined {
    const model = modelOfReceiver(node.expression, this.lookup)?.model;
    if (!model || (model.orm !== 'mongoose' && !(this.anyOrm && model.orm === 'typescript')) || !node.arguments?.[0]) return undefined;
    if (!this.isSavedDocument(node)) return undefined;
    return { node, label: `new ${this.label(node)}`, data: [node.arguments[0]], model, method: 'new', receiver: 'model' };
  }

  /**
   * A document built with `new User(body)` writes only when it is saved: `new User(body).save()`, `const u = new
   * User(body); await u.save()`. Kept to read it (`omit(u.toObject(), …)` written elsewhere) is no write of the body.
   * Handed on or returned, it may be saved anywhere: that counts.
   */
  private isSavedDocument(node: ts.NewExpression): boolean {
    let holder: ts.Node = node.parent;
    while (ts.isParenthesizedExpression(holder) || ts.isAwaitExpression(holder) || ts.isAsExpression(holder) || ts.isNonNullExpression(holder)) holder = holder.parent;
    if (ts.isPropertyAccessExpression(holder)) return SAVE_METHODS.has(holder.name.text);
    if (ts.isVariableDeclaration(holder) && ts.isIdentifier(holder.name)) {
      const declaration = this.index.resolve(holder.name);
      const reads = declaration ? this.index.referencesTo(declaration) : [];
      // Saved, or handed on/returned as a whole; only reading it (`u.toObject()`, `u.name`) is not a write.
      return this.savedLater(node, holder.name) || reads.some((reference) => !ts.isPropertyAccessExpression(reference.parent) || reference.parent.expression !== reference);
    }
    return true;
  }

  private writesOnModel(orm: string): readonly OrmWrite[] {
    return this.anyOrm && orm === 'typescript' ? ALL_MODEL_WRITES : writesOnModel(orm);
  }

  /** The model of a record variable: loaded with `await User.findByPk(id)`, `await repo.findOneBy(…)`, `new User()`; typed `User`. */
  instanceModel(expression: ts.Expression): DataModel | undefined {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node);
    if (!declaration || (!ts.isVariableDeclaration(declaration.node) && !ts.isParameter(declaration.node))) return this.modelOfValue(node);
    // `user: User`, `const user: User = …`: the annotation names the model.
    const type = declaration.node.type;
    const typeName = type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
    const typed = typeName ? this.models.named(this.filePath, typeName) : undefined;
    if (typed) return typed;
    const init = ts.isVariableDeclaration(declaration.node) && declaration.node.initializer ? skipOuterExpressions(declaration.node.initializer) : undefined;
    if (init && ts.isNewExpression(init)) return modelOfReceiver(init.expression, this.lookup)?.model;
    if (!init || !ts.isCallExpression(init)) return this.modelOfValue(node);
    // `User.findById(id).exec()`, `User.findOne(…).lean()`: the finder is further in.
    let call: ts.CallExpression = init;
    while (ts.isPropertyAccessExpression(call.expression) && !FINDER_METHODS.test(call.expression.name.text) && ts.isCallExpression(skipOuterExpressions(call.expression.expression))) {
      call = skipOuterExpressions(call.expression.expression) as ts.CallExpression;
    }
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !FINDER_METHODS.test(callee.name.text)) return this.modelOfValue(node);
    return modelOfCall(call, this.lookup)?.model ?? this.modelOfValue(node);
  }

  /** Last resort, with a checker only: the record's type (`User`, `Promise<User | null>` awaited) names the model. */
  private modelOfValue(node: ts.Expression): DataModel | undefined {
    if (!this.checker) return undefined;
    try {
      return modelOfValueType(this.checker.getTypeAtLocation(node), this.checker, this.models);
    } catch {
      return undefined;
    }
  }

  private isLodash(identifier: ts.Identifier): boolean {
    const declaration = this.index.resolve(identifier);
    const binding = declaration && this.index.importOf(declaration);
    return binding !== undefined && LODASH_MODULES.has(binding.module.replace(/\/.*$/, '')) && (binding.imported === '*' || binding.imported === 'default');
  }

  /** `target.save()` or `x.save(target)` after `call`, in the same function. */
  private savedLater(call: ts.Node, target: ts.Expression): boolean {
    const fn = enclosingFunction(call);
    const targetText = target.getText(this.index.sourceFile);
    for (const method of SAVE_METHODS) {
      for (const save of this.index.callsNamed(method)) {
        if (save.pos < call.end || enclosingFunction(save) !== fn) continue;
        const callee = save.expression;
        if (ts.isPropertyAccessExpression(callee) && callee.expression.getText(this.index.sourceFile) === targetText) return true;
        if (save.arguments.some((arg) => skipOuterExpressions(arg).getText(this.index.sourceFile) === targetText)) return true;
      }
    }
    return false;
  }

  /** `repo.save(Object.assign(user, body))`: the merge's result goes straight to a save. */
  private isReturnedToSave(call: ts.CallExpression): boolean {
    let parent: ts.Node = call.parent;
    while (ts.isParenthesizedExpression(parent) || ts.isAwaitExpression(parent)) parent = parent.parent;
    return ts.isCallExpression(parent) && ts.isPropertyAccessExpression(parent.expression) && SAVE_METHODS.has(parent.expression.name.text);
  }
}

/** The expressions a write's data slot holds in this call. */
function dataOf(node: ts.CallExpression | ts.NewExpression, write: OrmWrite): ts.Expression[] {
  const args = node.arguments ?? [];
  const slot = write.data;
  if (slot.kind === 'argument') return args[slot.index] ? [args[slot.index]!] : [];
  if (slot.kind === 'rest') return args.slice(slot.index);
  const holder = args[slot.index] && skipOuterExpressions(args[slot.index]!);
  if (!holder || !ts.isObjectLiteralExpression(holder)) return [];
  const found: ts.Expression[] = [];
  for (const property of holder.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === slot.property) found.push(property.initializer);
    else if (ts.isShorthandPropertyAssignment(property) && property.name.text === slot.property) found.push(property.name);
  }
  return found;
}

/** Sequelize `{ fields: ['name', 'email'] }`: a constant list, else undefined. */
function fieldsOption(node: ts.CallExpression | ts.NewExpression, option: { index: number; property: string }): string[] | undefined {
  const holder = node.arguments?.[option.index] && skipOuterExpressions(node.arguments[option.index]!);
  if (!holder || !ts.isObjectLiteralExpression(holder)) return undefined;
  for (const property of holder.properties) {
    if (!ts.isPropertyAssignment(property) || propertyNameText(property.name) !== option.property) continue;
    const list = skipOuterExpressions(property.initializer);
    if (!ts.isArrayLiteralExpression(list) || !list.elements.every(ts.isStringLiteralLike)) return undefined;
    return list.elements.map((element) => (element as ts.StringLiteralLike).text);
  }
  return undefined;
}

/** Where a query builder chain starts: `knex('users')…`, `db.table('users')…`, `User.query()…`. */
function builderRoot(receiver: ts.Expression): { kind: 'query'; model: ts.Expression } | { kind: 'table'; table: string } | undefined {
  let node = skipOuterExpressions(receiver);
  for (let steps = 0; steps < 12 && ts.isCallExpression(node); steps++) {
    const callee = skipOuterExpressions(node.expression);
    const first = node.arguments[0] && skipOuterExpressions(node.arguments[0]);
    if (ts.isPropertyAccessExpression(callee)) {
      const name = callee.name.text;
      if ((name === 'query' || name === '$query') && node.arguments.length === 0) return { kind: 'query', model: callee.expression };
      if ((name === 'table' || name === 'into' || name === 'from') && first && ts.isStringLiteralLike(first)) return { kind: 'table', table: first.text };
      node = skipOuterExpressions(callee.expression);
      continue;
    }
    // knex('users'), db('users'), trx('users')
    if (ts.isIdentifier(callee) && first && ts.isStringLiteralLike(first) && node.arguments.length === 1 && /^(knex|db|trx|k|database|pg|mysql)$/i.test(callee.text)) return { kind: 'table', table: first.text };
    return undefined;
  }
  return undefined;
}

function lastName(expression: ts.Expression): string | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}


/** The write methods a record of this ORM has; every ORM's for a stand-in. */
export function writesOnRecord(orm: string | undefined): readonly OrmWrite[] {
  if (orm === 'sequelize') return SEQUELIZE_INSTANCE_WRITES;
  if (orm === 'mongoose') return MONGOOSE_DOCUMENT_WRITES;
  return orm === undefined ? [...SEQUELIZE_INSTANCE_WRITES, ...MONGOOSE_DOCUMENT_WRITES] : [];
}

const ALL_MODEL_WRITES: readonly OrmWrite[] = [...SEQUELIZE_STATIC_WRITES, ...MONGOOSE_STATIC_WRITES, ...TYPEORM_REPOSITORY_WRITES];

/** The write methods a model (or repository) of this ORM has. */
export function writesOnModel(orm: string): readonly OrmWrite[] {
  switch (orm) {
    case 'sequelize':
      return SEQUELIZE_STATIC_WRITES;
    case 'mongoose':
      return MONGOOSE_STATIC_WRITES;
    case 'typeorm':
    case 'mikro-orm':
      return TYPEORM_REPOSITORY_WRITES;
    default:
      return [];
  }
}
