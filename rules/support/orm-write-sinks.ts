// Which calls write an object into a stored record (data/orm-writes.ts), on which model, and which arguments hold the
// data. Receivers are recognised by what they are — a model of the workspace's catalogue, a TypeORM repository of an
// entity, a Prisma delegate, a Drizzle/knex/Objection builder — never by a method name alone, so `service.create(x)`
// on an arbitrary object is not a sink. Syntactic: the catalogue comes from the workspace index.
import * as ts from 'typescript';
import {
  DRIZZLE_WRITES, KNEX_WRITES, LODASH_MODULES, MERGE_WRITES, MIKRO_ORM_ASSIGN, MONGOOSE_DISTINCTIVE_WRITES, MONGOOSE_DOCUMENT_WRITES, MONGOOSE_STATIC_WRITES, OBJECTION_WRITES,
  PRISMA_WRITES, SAVE_METHODS, SEQUELIZE_INSTANCE_WRITES, SEQUELIZE_STATIC_WRITES, TYPEORM_MANAGER_WRITES, TYPEORM_REPOSITORY_WRITES, type OrmWrite,
} from '../data/orm-writes';
import type { DataModel, DataModelCatalogue } from './api-model';
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
}

/** Methods that read one record of a model (what an instance variable was loaded with). */
const FINDER_METHODS = /^(find|findOne|findByPk|findById|findOneBy|findOneOrFail|findOneByOrFail|findUnique|findUniqueOrThrow|findFirst|findFirstOrThrow|findOrCreate|preload|create|build|merge)$/;
const REPOSITORY_TYPES = new Set(['Repository', 'MongoRepository', 'TreeRepository', 'EntityRepository']);
const MANAGER_NAMES = /^(manager|entityManager|em|transactionalEntityManager|trx|tx)$/;

export class OrmWriteSinks {
  constructor(
    private readonly index: FileIndex,
    private readonly models: DataModelCatalogue,
    private readonly filePath: string,
  ) {}

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
      this.repositoryWrite(node, receiver, method) ??
      this.instanceWrite(node, receiver, method)
    );
  }

  private label(node: ts.CallExpression | ts.NewExpression): string {
    const text = node.expression.getText(this.index.sourceFile).replace(/\s+/g, '');
    return text.length > 60 ? `…${text.slice(-59)}` : text;
  }

  private sink(node: ts.CallExpression | ts.NewExpression, write: OrmWrite, model: DataModel | undefined): WriteSink | undefined {
    const data = dataOf(node, write);
    if (data.length === 0) return undefined;
    const onlyFields = write.fieldsOption ? fieldsOption(node, write.fieldsOption) : undefined;
    return { node, label: this.label(node), data, model, onlyFields };
  }

  /** `prisma.user.create({ data })`, `this.prisma.post.update({ where, data })`, `tx.user.upsert({ create, update })`. */
  private prismaWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    if (!ts.isPropertyAccessExpression(receiver)) return undefined;
    const arg = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!arg || !ts.isObjectLiteralExpression(arg)) return undefined;
    const writes = PRISMA_WRITES.filter((write) => write.method === method);
    if (writes.length === 0) return undefined;
    const model = this.models.prismaModel(this.filePath, receiver.name.text);
    const data = writes.flatMap((write) => dataOf(call, write));
    if (data.length === 0) return undefined;
    // Without a schema the `{ data }` shape alone is not proof: ask for a client-looking receiver.
    if (!model && !/prisma|^(db|tx|client)$/i.test(lastName(receiver.expression) ?? '')) return undefined;
    return { node: call, label: this.label(call), data, model };
  }

  /** `db.insert(users).values(data)`, `db.update(users).set(data).where(…)`. */
  private drizzleWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const write = DRIZZLE_WRITES.find((w) => w.method === method);
    if (!write || !ts.isCallExpression(receiver) || call.arguments.length !== 1) return undefined;
    const builder = skipOuterExpressions(receiver.expression);
    if (!ts.isPropertyAccessExpression(builder) || builder.name.text !== write.builder || receiver.arguments.length !== 1) return undefined;
    const table = skipOuterExpressions(receiver.arguments[0]!);
    const model = this.modelOf(table);
    if (!model && !ts.isIdentifier(table)) return undefined;
    if (model && model.orm !== 'drizzle') return undefined;
    return { node: call, label: this.label(call), data: [call.arguments[0]!], model };
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
      return write ? this.sink(call, write, this.modelOf(root.model)) : undefined;
    }
    const write = KNEX_WRITES.find((w) => w.method === method);
    if (!write) return undefined;
    return this.sink(call, write, this.models.byName(root.table, this.filePath) ?? this.models.all.find((m) => m.tableName === root.table));
  }

  /** `User.create(data)`, `db.User.update(data, { where })`, `this.userModel.findByIdAndUpdate(id, data)`. */
  private modelWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const model = this.modelOf(receiver);
    if (!model) {
      // Names only Mongoose models have: the receiver needs no proof, the model stays unknown.
      if (!MONGOOSE_DISTINCTIVE_WRITES.has(method)) return undefined;
      const write = MONGOOSE_STATIC_WRITES.find((w) => w.method === method)!;
      return this.sink(call, write, undefined);
    }
    const writes = model.orm === 'sequelize' ? SEQUELIZE_STATIC_WRITES : model.orm === 'mongoose' ? MONGOOSE_STATIC_WRITES : model.orm === 'objection' ? [] : model.orm === 'typeorm' ? TYPEORM_REPOSITORY_WRITES : [];
    const write = writes.find((w) => w.method === method);
    return write ? this.sink(call, write, model) : undefined;
  }

  /** `this.usersRepository.save(data)`, `repo.update(id, data)`, `manager.save(User, data)`, `em.create(User, data)`. */
  private repositoryWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    const entity = this.repositoryEntity(receiver);
    if (entity) {
      const write = TYPEORM_REPOSITORY_WRITES.find((w) => w.method === method);
      return write ? this.sink(call, write, this.modelOf(entity)) : undefined;
    }
    if (!MANAGER_NAMES.test(lastName(receiver) ?? '')) return undefined;
    const first = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    // MikroORM `em.assign(user, body)`: the entity is managed, so the next flush writes it.
    if (method === 'assign' && first) {
      const write = MIKRO_ORM_ASSIGN;
      const entityModel = this.instanceModel(first);
      return entityModel ? this.sink(call, write, entityModel) : undefined;
    }
    const model = first ? this.modelOf(first) : undefined;
    if (!model) return undefined;
    const write = TYPEORM_MANAGER_WRITES.find((w) => w.method === method);
    return write ? this.sink(call, write, model) : undefined;
  }

  /** `user.update(data)` (Sequelize), `doc.set(data); doc.save()` (Mongoose, Sequelize) on a record loaded here. */
  private instanceWrite(call: ts.CallExpression, receiver: ts.Expression, method: string): WriteSink | undefined {
    if (!ts.isIdentifier(receiver)) return undefined;
    const model = this.instanceModel(receiver);
    if (!model) return undefined;
    const writes = model.orm === 'sequelize' ? SEQUELIZE_INSTANCE_WRITES : model.orm === 'mongoose' ? MONGOOSE_DOCUMENT_WRITES : [];
    const write = writes.find((w) => w.method === method && call.arguments.length >= 1 && !(w.method === 'set' && call.arguments.length > 1 && model.orm === 'sequelize'));
    if (!write) return undefined;
    if (write.needsSave && !this.savedLater(call, receiver)) return undefined;
    return this.sink(call, write, model);
  }

  /** `new User(req.body)` for a Mongoose model. */
  private mongooseConstructor(node: ts.NewExpression): WriteSink | undefined {
    const model = this.modelOf(skipOuterExpressions(node.expression));
    if (!model || model.orm !== 'mongoose' || !node.arguments?.[0]) return undefined;
    return { node, label: `new ${this.label(node)}`, data: [node.arguments[0]], model };
  }

  /** The model a model-valued expression denotes: `User`, `db.User`, `this.userModel` (`Model<User>`), `models.User`. */
  modelOf(expression: ts.Expression): DataModel | undefined {
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      const named = this.models.named(this.filePath, node.text);
      if (named) return named;
      const declaration = this.index.resolve(node);
      if (declaration && ts.isVariableDeclaration(declaration.node) && declaration.node.initializer) return this.modelOfInitializer(declaration.node.initializer);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(node)) {
      if (node.expression.kind === ts.SyntaxKind.ThisKeyword) return this.modelOfMember(node);
      const path: string[] = [];
      let current: ts.Expression = node;
      while (ts.isPropertyAccessExpression(current)) {
        path.unshift(current.name.text);
        current = skipOuterExpressions(current.expression);
      }
      if (ts.isIdentifier(current)) return this.models.named(this.filePath, current.text, path) ?? this.models.byName(path[path.length - 1]!, this.filePath);
    }
    return undefined;
  }

  /** `mongoose.model('User', schema)`, `sequelize.models.User`: an alias of a model. */
  private modelOfInitializer(initializer: ts.Expression): DataModel | undefined {
    const node = skipOuterExpressions(initializer);
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) return this.modelOf(node);
    return undefined;
  }

  /** `this.userModel` declared `@InjectModel(User.name) private userModel: Model<UserDocument>`. */
  private modelOfMember(access: ts.PropertyAccessExpression): DataModel | undefined {
    const member = classMember(access);
    const typeName = member && genericArgumentName(member.type, new Set(['Model', 'ModelStatic', 'ModelCtor']));
    if (typeName) return this.models.byName(typeName.replace(/Document$|Doc$/, ''), this.filePath) ?? this.models.named(this.filePath, typeName);
    const injected = member && decoratorArgument(member, 'InjectModel');
    return injected ? this.modelOf(injected) ?? this.modelOfNameExpression(injected) : undefined;
  }

  /** `User.name` / `'User'` in `@InjectModel(User.name)`. */
  private modelOfNameExpression(expression: ts.Expression): DataModel | undefined {
    const node = skipOuterExpressions(expression);
    if (ts.isStringLiteralLike(node)) return this.models.byName(node.text, this.filePath);
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'name') return this.modelOf(node.expression);
    return undefined;
  }

  /** The entity of a TypeORM repository: `Repository<User>`, `getRepository(User)`, `@InjectRepository(User)`. */
  private repositoryEntity(receiver: ts.Expression): ts.Expression | undefined {
    const node = skipOuterExpressions(receiver);
    if (ts.isCallExpression(node)) return getRepositoryArgument(node);
    if (ts.isPropertyAccessExpression(node) && node.expression.kind === ts.SyntaxKind.ThisKeyword) {
      const member = classMember(node);
      if (!member) return undefined;
      return decoratorArgument(member, 'InjectRepository') ?? typeArgumentOf(member.type, REPOSITORY_TYPES);
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      if (!declaration) return undefined;
      const declared = declaration.node;
      if (ts.isParameter(declared) || ts.isVariableDeclaration(declared)) {
        const fromType = typeArgumentOf(declared.type, REPOSITORY_TYPES);
        if (fromType) return fromType;
        if (ts.isVariableDeclaration(declared) && declared.initializer) {
          const init = skipOuterExpressions(declared.initializer);
          if (ts.isCallExpression(init)) return getRepositoryArgument(init);
        }
      }
    }
    return undefined;
  }

  /** The model of a record variable: loaded with `await User.findByPk(id)`, `await repo.findOneBy(…)`, `new User()`. */
  instanceModel(expression: ts.Expression): DataModel | undefined {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node);
    if (!declaration || (!ts.isVariableDeclaration(declaration.node) && !ts.isParameter(declaration.node))) return undefined;
    // `user: User`, `const user: User = …`: the annotation names the model.
    const type = declaration.node.type;
    const typeName = type && ts.isTypeReferenceNode(type) && ts.isIdentifier(type.typeName) ? type.typeName.text : undefined;
    if (typeName) {
      const typed = this.models.named(this.filePath, typeName);
      if (typed) return typed;
    }
    if (ts.isParameter(declaration.node)) return undefined;
    const init = declaration.node.initializer && skipOuterExpressions(declaration.node.initializer);
    if (!init) return undefined;
    if (ts.isNewExpression(init)) return this.modelOf(init.expression);
    if (!ts.isCallExpression(init)) return undefined;
    // `User.findById(id).exec()`, `User.findOne(…).lean()`: the finder is further in.
    let call: ts.CallExpression = init;
    while (ts.isPropertyAccessExpression(call.expression) && !FINDER_METHODS.test(call.expression.name.text) && ts.isCallExpression(skipOuterExpressions(call.expression.expression))) {
      call = skipOuterExpressions(call.expression.expression) as ts.CallExpression;
    }
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee) || !FINDER_METHODS.test(callee.name.text)) return undefined;
    const entity = this.repositoryEntity(callee.expression);
    if (entity) return this.modelOf(entity);
    if (MANAGER_NAMES.test(lastName(callee.expression) ?? '') && call.arguments[0]) return this.modelOf(call.arguments[0]);
    return this.modelOf(callee.expression);
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

/** `x.getRepository(User)`, `getRepository(User)`, `dataSource.getMongoRepository(User)`. */
function getRepositoryArgument(call: ts.CallExpression): ts.Expression | undefined {
  const callee = skipOuterExpressions(call.expression);
  const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
  return name && /^get(Mongo|Tree)?Repository$/.test(name) ? call.arguments[0] : undefined;
}

/** The property or constructor parameter property of the enclosing class that `this.name` refers to. */
function classMember(access: ts.PropertyAccessExpression): ts.PropertyDeclaration | ts.ParameterDeclaration | undefined {
  const name = access.name.text;
  let cls: ts.Node | undefined = access.parent;
  while (cls && !ts.isClassLike(cls)) cls = cls.parent;
  if (!cls || !ts.isClassLike(cls)) return undefined;
  for (const member of cls.members) {
    if (ts.isPropertyDeclaration(member) && propertyNameText(member.name) === name) return member;
    if (ts.isConstructorDeclaration(member)) {
      const parameter = member.parameters.find((p) => ts.isIdentifier(p.name) && p.name.text === name && (ts.getCombinedModifierFlags(p) & ts.ModifierFlags.ParameterPropertyModifier) !== 0);
      if (parameter) return parameter;
    }
  }
  return undefined;
}

function decoratorArgument(node: ts.PropertyDeclaration | ts.ParameterDeclaration, name: string): ts.Expression | undefined {
  for (const decorator of ts.getDecorators(node) ?? []) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === name) return call.arguments[0];
  }
  return undefined;
}

/** `Repository<User>` → the `User` type name as an expression-like identifier. */
function typeArgumentOf(type: ts.TypeNode | undefined, generics: ReadonlySet<string>): ts.Expression | undefined {
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  const name = ts.isIdentifier(type.typeName) ? type.typeName.text : type.typeName.right.text;
  const argument = type.typeArguments?.[0];
  if (!generics.has(name) || !argument || !ts.isTypeReferenceNode(argument) || !ts.isIdentifier(argument.typeName)) return undefined;
  return argument.typeName;
}

function genericArgumentName(type: ts.TypeNode | undefined, generics: ReadonlySet<string>): string | undefined {
  const argument = typeArgumentOf(type, generics);
  return argument && ts.isIdentifier(argument) ? argument.text : undefined;
}
