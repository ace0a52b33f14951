// What a value sent in a response is: a record read whole from the database (or an array of them, a wrapper
// holding one, a spread of one, the record just created or updated), followed through locals, `await`, `.then`,
// destructuring, and mapping callbacks that keep the record (`users.map(u => u)`) — while mappings that build a
// new object (`users.map(toDto)`, `({ id, name })`) end the flow. Syntactic: answers come from the FileIndex.
import * as ts from 'typescript';
import { propertyNameText, staticStringValue } from './ast';
import { bindingPath, bindingRoot, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';
import { ORM_READS, SELECT_STAR, SERIALIZE_METHODS, SQL_ROWS_CONTAINER, type ReadOrm } from '../data/orm-reads';

/** An association an eager load pulls in: `include: { author: true }`, `.populate('author')`, `relations: ['posts']`. */
export interface EagerLoad {
  relation: string;
  /** The load chooses the association's columns (`include: { author: { select: … } }`, `populate('author', 'name')`). */
  projected: boolean;
  /** Sequelize: the model given by `include: [Post]` / `{ model: Post }`. */
  model?: ts.Expression;
  /** What to underline or rewrite for a fix: the include entry. */
  node: ts.Node;
}

/** One ORM call that reads (or writes and returns) records. */
export interface RecordRead {
  orm: ReadOrm;
  /** `prisma.user.findMany(…)`, `User.findOne(…)`: the call of the ORM method itself. */
  call: ts.CallExpression;
  method: string;
  /** `prisma.user`, `User`, `this.usersRepository`, `knex('users')`. */
  receiver: ts.Expression;
  /** The options object a projection goes into, when it is a literal. */
  options?: ts.ObjectLiteralExpression;
  /** Columns were chosen (by an option, a chained `.select()`, a projection argument). */
  projected: boolean;
  /** Mongoose `.select('+password')`: fields the model hides, asked for explicitly. */
  unhidden: string[];
  eagerLoads: EagerLoad[];
  /** The record was just written (created, updated, saved) and is what the call returns. */
  written: boolean;
  /** Keys to select before the value is the record: `findAndCountAll` → ['rows'], `findOrCreate` → ['0']. */
  container: string[];
  /** Raw SQL: the table of `SELECT * FROM <table>`. */
  table?: string;
}

/** A record inside a value that reaches a response. */
export interface RecordValue {
  read: RecordRead;
  /** Keys from the value down to the record (`{ data: users }` → ['data']); '[]' for array elements. */
  path: string[];
  /** Keys still to select before the record (from `read.container`). */
  pending: string[];
  /** Fields deleted or blanked before sending (`delete user.password`, `{ ...user, password: undefined }`). */
  removed: ReadonlySet<string>;
  /** The expression that denotes the record itself, when one does (for a fix that maps it). */
  at?: ts.Expression;
  /** An association reached through the record (`post.author` after `include: { author: true }`). */
  viaRelation?: string;
  /** One element taken out of an array of records (`users[0]`, `users.find(…)`, a `.map` callback's parameter). */
  element?: boolean;
}

/** A value whose content only the checker can tell: a call into another module or class (`this.usersService.findOne(id)`). */
export interface OpaqueValue {
  expression: ts.Expression;
  path: string[];
  removed: ReadonlySet<string>;
}

export interface ValueContents {
  records: RecordValue[];
  opaque: OpaqueValue[];
}

/** Methods of arrays and promises that keep the records they hold. */
const KEEPING_ARRAY_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'concat', 'flat', 'toSorted', 'toReversed', 'find', 'at']);
const CALLBACK_METHODS = new Set(['map', 'flatMap', 'filter', 'find', 'forEach', 'some', 'every', 'then']);
/** Calls that copy an object whole: the copy carries every field. */
const COPYING_FUNCTIONS = new Set(['structuredClone', 'cloneDeep', 'clone', 'toPlainObject']);
/** Names an ORM receiver's root goes by, to tell Prisma's `prisma.user.create` from any `x.y.create`. */
const PRISMA_CLIENT_NAMES = /^(prisma|db|client|prismaClient|prismaService|database|tx|ctx)$/i;
const KNEX_NAMES = /^(knex|db|database|pg|sql|trx)$/i;

const EMPTY: ReadonlySet<string> = new Set();
const MAX_DEPTH = 24;

export class RecordFlow {
  private readonly removals = new Map<LocalDeclaration, Set<string>>();
  private readonly cache = new Map<ts.Node, ValueContents>();
  private readonly inProgress = new Set<ts.Node>();

  constructor(private readonly index: FileIndex, private readonly sourceFile: ts.SourceFile) {}

  /** From the walk: `delete user.password`, `user.password = undefined` (the field never leaves). */
  noteRemoval(node: ts.Node): void {
    let target: ts.Expression | undefined;
    if (ts.isDeleteExpression(node)) target = node.expression;
    else if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.EqualsToken && isBlank(node.right)) target = node.left;
    if (!target) return;
    target = skipOuterExpressions(target);
    const key = ts.isPropertyAccessExpression(target) ? target.name.text : ts.isElementAccessExpression(target) ? staticStringValue(target.argumentExpression) : undefined;
    if (key === undefined) return;
    let owner = skipOuterExpressions((target as ts.PropertyAccessExpression | ts.ElementAccessExpression).expression);
    // `user.dataValues.password = undefined` (Sequelize) blanks the record's own field.
    if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'dataValues') owner = skipOuterExpressions(owner.expression);
    if (!ts.isIdentifier(owner)) return;
    const declaration = this.index.resolve(owner);
    if (!declaration) return;
    let fields = this.removals.get(declaration);
    if (!fields) this.removals.set(declaration, (fields = new Set()));
    fields.add(key);
  }

  /** The records (and the values only types can tell) that `expression` holds. */
  contentsOf(expression: ts.Expression): ValueContents {
    return this.contents(expression, 0);
  }

  private contents(expression: ts.Expression, depth: number): ValueContents {
    const node = skipOuterExpressions(expression);
    const cached = this.cache.get(node);
    if (cached) return cached;
    if (this.inProgress.has(node) || depth > MAX_DEPTH) return { records: [], opaque: [] };
    this.inProgress.add(node);
    const result = this.compute(node, depth + 1);
    this.inProgress.delete(node);
    this.cache.set(node, result);
    return result;
  }

  private compute(node: ts.Expression, depth: number): ValueContents {
    if (ts.isIdentifier(node)) return this.identifierContents(node, depth);
    if (ts.isPropertyAccessExpression(node)) return this.propertyContents(node, node.expression, node.name.text, depth);
    if (ts.isElementAccessExpression(node)) {
      const key = staticStringValue(node.argumentExpression) ?? (ts.isNumericLiteral(node.argumentExpression) ? node.argumentExpression.text : '[]');
      return this.propertyContents(node, node.expression, key, depth);
    }
    if (ts.isCallExpression(node)) return this.callContents(node, depth);
    if (ts.isObjectLiteralExpression(node)) return this.objectContents(node, depth);
    if (ts.isArrayLiteralExpression(node)) {
      return merge(node.elements.map((element) => nest(this.contents(ts.isSpreadElement(element) ? element.expression : element, depth), ts.isSpreadElement(element) ? [] : ['[]'])));
    }
    if (ts.isConditionalExpression(node)) return merge([this.contents(node.whenTrue, depth), this.contents(node.whenFalse, depth)]);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return merge([this.contents(node.left, depth), this.contents(node.right, depth)]);
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.CommaToken) return this.contents(node.right, depth);
    }
    return { records: [], opaque: [] };
  }

  private propertyContents(node: ts.Expression, object: ts.Expression, key: string, depth: number): ValueContents {
    const whole = this.contents(object, depth);
    const selected = select(whole, key);
    // `(await this.service.find()).user`: the checker answers for the property access itself.
    if (whole.opaque.some((value) => value.path.length === 0)) selected.opaque.push({ expression: node, path: [], removed: EMPTY });
    return selected;
  }

  private identifierContents(node: ts.Identifier, depth: number): ValueContents {
    const declaration = this.index.resolve(node);
    if (!declaration) return { records: [], opaque: [] };
    const parts: ValueContents[] = [];
    const declared = declaration.node;
    if (ts.isVariableDeclaration(declared) && declared.initializer) {
      parts.push(this.contents(declared.initializer, depth));
    } else if (ts.isBindingElement(declared)) {
      parts.push(this.bindingContents(declared, depth));
    } else if (ts.isParameter(declared)) {
      parts.push(this.callbackParameterContents(declared, depth));
    }
    for (const write of this.index.writesTo(declaration)) {
      if (write.value && write.operator === ts.SyntaxKind.EqualsToken) parts.push(this.contents(write.value, depth));
    }
    const removed = this.removals.get(declaration);
    const merged = merge(parts);
    return removed ? withRemoved(merged, removed) : merged;
  }

  /** `const { user } = result`, `const [user] = await …`, `const { password, ...safe } = user`. */
  private bindingContents(element: ts.BindingElement, depth: number): ValueContents {
    const root = bindingRoot(element);
    if (!ts.isVariableDeclaration(root) || !root.initializer) {
      return ts.isParameter(root) ? this.selectPath(this.callbackParameterContents(root, depth), bindingPath(element)) : { records: [], opaque: [] };
    }
    const whole = this.contents(root.initializer, depth);
    if (element.dotDotDotToken && ts.isObjectBindingPattern(element.parent)) {
      const path = bindingPath(element)?.slice(0, -1) ?? [];
      const siblings = element.parent.elements.filter((other) => other !== element).map((other) => propertyNameText(other.propertyName ?? other.name)).filter((name): name is string => name !== undefined);
      return withRemoved(this.selectPath(whole, path), new Set(siblings));
    }
    return this.selectPath(whole, bindingPath(element));
  }

  private selectPath(contents: ValueContents, path: string[] | undefined): ValueContents {
    if (!path) return { records: [], opaque: [] };
    let current = contents;
    for (const key of path) current = select(current, key);
    return current;
  }

  /** `.then(user => …)`, `users.map(u => …)`, `users.forEach(u => …)`: the parameter holds what the receiver holds. */
  private callbackParameterContents(parameter: ts.ParameterDeclaration, depth: number): ValueContents {
    const fn = parameter.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters[0] !== parameter) return { records: [], opaque: [] };
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== fn || !ts.isPropertyAccessExpression(call.expression)) return { records: [], opaque: [] };
    const method = call.expression.name.text;
    if (!CALLBACK_METHODS.has(method)) return { records: [], opaque: [] };
    const receiver = this.contents(call.expression.expression, depth);
    return method === 'then' ? receiver : select(receiver, '[]');
  }

  private callContents(call: ts.CallExpression, depth: number): ValueContents {
    const read = recognizeRead(call, this.index);
    if (read) return { records: [{ read, path: [], pending: [...read.container], removed: EMPTY, at: call }], opaque: [] };
    const callee = skipOuterExpressions(call.expression);
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      const receiver = callee.expression;
      if (method === 'then' && call.arguments[0]) return this.thenContents(call, depth);
      if (method === 'map' || method === 'flatMap') {
        const mapper = call.arguments[0];
        return mapper && keepsItsArgument(mapper) ? this.contents(receiver, depth) : { records: [], opaque: [] };
      }
      if (KEEPING_ARRAY_METHODS.has(method)) {
        const contents = this.contents(receiver, depth);
        return method === 'find' || method === 'at' ? select(contents, '[]') : contents;
      }
      if (SERIALIZE_METHODS.has(method) && !isGetOfOneField(call)) return this.contents(receiver, depth);
      if (isJsonRoundTrip(call)) return this.contents(call.arguments[0]!, depth);
      if (method === 'assign' && ts.isIdentifier(receiver) && receiver.text === 'Object') return merge(call.arguments.slice(1).map((arg) => this.contents(arg, depth)));
      if (COPYING_FUNCTIONS.has(method) && call.arguments[0]) return this.contents(call.arguments[0], depth);
      // A chain that ends in an ORM read we did not recognise as a whole, or a call into another module: types tell.
      return this.opaqueCall(call, depth);
    }
    if (ts.isIdentifier(callee)) {
      if (COPYING_FUNCTIONS.has(callee.text) && call.arguments[0]) return this.contents(call.arguments[0], depth);
      const declaration = this.index.resolve(callee);
      // A local helper is read, not guessed: its returned values are followed when it is a plain function.
      const fn = declaration && localFunctionOf(declaration);
      if (fn) return this.returnedContents(fn, depth);
      return this.opaqueCall(call, depth);
    }
    return { records: [], opaque: [] };
  }

  /**
   * A call only the checker can see into. Not when a known record goes in (`toPublicUser(user)`): a function given
   * a record and answering with something is a mapping, and the checker is not built for it.
   */
  private opaqueCall(call: ts.CallExpression, depth: number): ValueContents {
    if (call.arguments.some((argument) => this.contents(argument, depth).records.length > 0)) return { records: [], opaque: [] };
    return { records: [], opaque: [{ expression: call, path: [], removed: EMPTY }] };
  }

  private thenContents(call: ts.CallExpression, depth: number): ValueContents {
    const callback = call.arguments[0]!;
    if (ts.isArrowFunction(callback) || ts.isFunctionExpression(callback)) return this.returnedContents(callback, depth);
    return { records: [], opaque: [] };
  }

  /** What a function returns: its expression body or every `return` value. */
  returnedContents(fn: ts.FunctionLikeDeclaration, depth: number): ValueContents {
    const body = fn.body;
    if (!body) return { records: [], opaque: [] };
    if (!ts.isBlock(body)) return this.contents(body, depth);
    const parts: ValueContents[] = [];
    for (const returned of returnStatementsOf(body)) if (returned.expression) parts.push(this.contents(returned.expression, depth));
    return merge(parts);
  }

  private objectContents(node: ts.ObjectLiteralExpression, depth: number): ValueContents {
    const parts: ValueContents[] = [];
    const blanked = new Set<string>();
    for (const property of node.properties) {
      if (ts.isPropertyAssignment(property)) {
        const name = propertyNameText(property.name);
        if (name === undefined) continue;
        if (isBlank(property.initializer)) blanked.add(name);
        else parts.push(nest(this.contents(property.initializer, depth), [name]));
      } else if (ts.isShorthandPropertyAssignment(property)) {
        parts.push(nest(this.contents(property.name, depth), [property.name.text]));
      } else if (ts.isSpreadAssignment(property)) {
        parts.push(this.contents(property.expression, depth));
      }
    }
    const merged = merge(parts);
    // `{ ...user, password: undefined }`: the spread record loses the blanked keys.
    return blanked.size > 0 ? withRemoved(merged, blanked, true) : merged;
  }

  get file(): ts.SourceFile {
    return this.sourceFile;
  }
}

// ── Recognising ORM reads ────────────────────────────────────────────────────────────────────────────────────────

interface ChainStep {
  method: string;
  call: ts.CallExpression;
}

/** The ORM read a call is (or ends), with its projection and eager loads; undefined when it is none. */
export function recognizeRead(outer: ts.CallExpression, index?: FileIndex): RecordRead | undefined {
  // Peel chained modifiers: `User.findOne(q).select('-password').populate('team').lean()`.
  const chain: ChainStep[] = [];
  let call: ts.CallExpression = outer;
  for (let guard = 0; guard < 32; guard++) {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const inner = skipOuterExpressions(callee.expression);
    const base = baseRead(call, callee, index);
    if (base) return finishRead(base, chain);
    if (!ts.isCallExpression(inner)) return undefined;
    chain.unshift({ method: callee.name.text, call });
    call = inner;
  }
  return undefined;
}

function baseRead(call: ts.CallExpression, callee: ts.PropertyAccessExpression, index: FileIndex | undefined): RecordRead | undefined {
  const method = callee.name.text;
  const receiver = skipOuterExpressions(callee.expression);
  const raw = rawSelectStar(call, method, receiver);
  if (raw) return raw;
  const orm = ormOf(method, receiver, call);
  if (!orm) return undefined;
  const knowledge = ORM_READS[orm];
  const written = knowledge.writeMethods.has(method);
  const optionsIndex = knowledge.optionsArgument?.[method] ?? 0;
  const optionsArgument = call.arguments[optionsIndex];
  const options = optionsArgument && ts.isObjectLiteralExpression(skipOuterExpressions(optionsArgument)) ? (skipOuterExpressions(optionsArgument) as ts.ObjectLiteralExpression) : undefined;
  let projected = false;
  if (orm === 'mongoose') {
    // Mongoose's projection is a positional argument (a string, an object), or `projection`/`select` in the options.
    const projectionIndex = knowledge.projectionArgument?.[method];
    const projection = projectionIndex === undefined ? undefined : call.arguments[projectionIndex];
    projected = projection !== undefined && !isNullish(projection);
    if (options && hasKey(options, knowledge.projectionOptions)) projected = true;
  } else if (orm === 'sequelize' || orm === 'typeorm' || orm === 'prisma') {
    // Options built elsewhere (`findMany(query)`) may project: say nothing rather than guess.
    if (optionsArgument && !options && !written && !(orm === 'typeorm' && method.endsWith('By'))) projected = true;
    if (options && hasKey(options, knowledge.projectionOptions)) projected = true;
  }
  const eagerLoads = options && orm !== 'mongoose' ? eagerLoadsOf(orm, options) : [];
  // A TypeORM query builder chooses its columns and joins before `getMany()`: `.select([...])`, `.leftJoinAndSelect(…)`.
  if (orm === 'typeorm' && /^get/.test(method)) {
    const builder = queryBuilderSteps(receiver, index);
    if (builder.projected) projected = true;
    eagerLoads.push(...builder.eagerLoads);
  }
  return {
    orm, call, method, receiver, ...(options ? { options } : {}), projected, unhidden: [], eagerLoads, written,
    container: containerOf(orm, method),
  };
}

/** Builder methods whose effect on the result is looked for in statements too (`qb.leftJoinAndSelect(…)`). */
const BUILDER_STEP_METHODS = ['select', 'addSelect', 'leftJoinAndSelect', 'innerJoinAndSelect'];

function queryBuilderSteps(receiver: ts.Expression, index: FileIndex | undefined): { projected: boolean; eagerLoads: EagerLoad[] } {
  const found = { projected: false, eagerLoads: [] as EagerLoad[] };
  let current = receiver;
  for (let guard = 0; guard < 32; guard++) {
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression)) {
      noteBuilderStep(current, found);
      current = skipOuterExpressions(current.expression.expression);
      continue;
    }
    // `const qb = repo.createQueryBuilder('a').leftJoinAndSelect(…); qb.andWhere(…); qb.getMany()`: the builder's
    // initializer, and the steps applied to it in statements.
    const declaration = index && ts.isIdentifier(current) ? index.resolve(current) : undefined;
    if (!index || !declaration || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) break;
    for (const method of BUILDER_STEP_METHODS) {
      for (const step of index.callsNamed(method)) {
        const target = ts.isPropertyAccessExpression(step.expression) ? skipOuterExpressions(step.expression.expression) : undefined;
        if (target && ts.isIdentifier(target) && index.resolve(target) === declaration) noteBuilderStep(step, found);
      }
    }
    current = skipOuterExpressions(declaration.node.initializer);
  }
  return found;
}

function noteBuilderStep(call: ts.CallExpression, found: { projected: boolean; eagerLoads: EagerLoad[] }): void {
  const method = (call.expression as ts.PropertyAccessExpression).name.text;
  const first = call.arguments[0];
  // `.select('user')` names the whole entity; `.select(['user.id'])` and `.select('user.id')` choose columns.
  if ((method === 'select' || method === 'addSelect') && first && (ts.isArrayLiteralExpression(first) || (staticStringValue(first) ?? '').includes('.'))) found.projected = true;
  if (ORM_READS.typeorm.eagerLoadChain.has(method)) found.eagerLoads.push(...chainedEagerLoads('typeorm', call));
}

/** `pool.query('SELECT * FROM users WHERE id = $1', [id])`: every column of the table. */
function rawSelectStar(call: ts.CallExpression, method: string, receiver: ts.Expression): RecordRead | undefined {
  if (!ORM_READS.sql.readMethods.has(method)) return undefined;
  const text = call.arguments[0] && staticStringValue(skipOuterExpressions(call.arguments[0]));
  const match = text !== undefined ? SELECT_STAR.exec(text) : null;
  if (!match) return undefined;
  const container = SQL_ROWS_CONTAINER[method];
  return { orm: 'sql', call, method, receiver, projected: false, unhidden: [], eagerLoads: [], written: false, container: container ? [container] : [], table: match[1]! };
}

function finishRead(read: RecordRead, chain: ChainStep[]): RecordRead | undefined {
  const knowledge = ORM_READS[read.orm];
  for (const step of chain) {
    if (knowledge.projectionChain.has(step.method)) {
      const unhidden = read.orm === 'mongoose' ? onlyAddsHidden(step.call) : undefined;
      if (unhidden) read.unhidden.push(...unhidden);
      else if (read.orm === 'knex' && step.call.arguments.length === 0) continue;
      else if (read.orm === 'knex' && step.call.arguments.every((arg) => staticStringValue(arg) === '*')) continue;
      else read.projected = true;
    } else if (knowledge.eagerLoadChain.has(step.method)) {
      read.eagerLoads.push(...chainedEagerLoads(read.orm, step.call));
    } else if (read.orm === 'knex' && step.method === 'first' && step.call.arguments.length > 0) {
      read.projected = true;
    } else if (!knowledge.passThroughChain.has(step.method)) {
      return undefined;
    }
  }
  return read;
}

/** Which ORM a method call on this receiver belongs to, from the method's name, the receiver and the options. */
function ormOf(method: string, receiver: ts.Expression, call: ts.CallExpression): ReadOrm | undefined {
  const first = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  const firstObject = first && ts.isObjectLiteralExpression(first) ? first : undefined;
  if (/^find(Unique|First)(OrThrow)?$|^findMany$/.test(method)) return isPrismaDelegate(receiver) ? 'prisma' : undefined;
  if ((method === 'create' || method === 'update' || method === 'upsert' || method === 'delete') && isPrismaDelegate(receiver) && firstObject && (hasKey(firstObject, new Set(['data'])) || hasKey(firstObject, new Set(['where'])))) return 'prisma';
  // `User.create(…)` (Mongoose or Sequelize: the catalogue's model corrects the guess), `repository.save(entity)`.
  if (method === 'create' && looksLikeModelClass(receiver) && first && !ts.isArrayLiteralExpression(first)) return 'mongoose';
  if (method === 'save' && looksLikeRepository(receiver) && call.arguments.length === 1) return 'typeorm';
  if (isKnexTable(receiver)) return ORM_READS.knex.readMethods.has(method) ? 'knex' : undefined;
  if (/^(findAll|findByPk|findAndCountAll|findOrCreate|findCreateFind)$/.test(method)) return 'sequelize';
  if (/^(findById|findByIdAnd\w+|findOneAnd\w+)$/.test(method)) return 'mongoose';
  if (/^(findBy|findOneBy|findOneOrFail|findOneByOrFail|findAndCount|findAndCountBy|getOne|getMany|getOneOrFail|getManyAndCount)$/.test(method)) return 'typeorm';
  if (method === 'find' || method === 'findOne') {
    // `Users.find((u) => u.id === id)`: an array's find, not a query.
    if (first && (ts.isArrowFunction(first) || ts.isFunctionExpression(first))) return undefined;
    if (firstObject && hasKey(firstObject, new Set(['attributes', 'include', 'raw']))) return 'sequelize';
    if (firstObject && hasKey(firstObject, new Set(['relations', 'select', 'order', 'loadEagerRelations']))) return 'typeorm';
    if (looksLikeRepository(receiver)) return 'typeorm';
    if (firstObject && hasKey(firstObject, new Set(['where']))) return looksLikeModelClass(receiver) ? 'sequelize' : 'typeorm';
    return looksLikeModelClass(receiver) ? 'mongoose' : undefined;
  }
  return undefined;
}

/** `prisma.user`, `this.prisma.user`, `db.post`: a lower-case accessor on a Prisma client. */
function isPrismaDelegate(receiver: ts.Expression): boolean {
  if (!ts.isPropertyAccessExpression(receiver)) return false;
  const client = skipOuterExpressions(receiver.expression);
  const name = ts.isIdentifier(client) ? client.text : ts.isPropertyAccessExpression(client) ? client.name.text : undefined;
  return name !== undefined && PRISMA_CLIENT_NAMES.test(name) && /^[a-z]/.test(receiver.name.text);
}

/** `knex('users')`, `db('users')`, `knex.from('users')`, `knex.table('users')`. */
function isKnexTable(receiver: ts.Expression): boolean {
  return knexTableOf(receiver) !== undefined;
}

/** The table a knex query starts from, following its chained modifiers down to `knex('users')`. */
export function knexTableOf(receiver: ts.Expression): { call: ts.CallExpression; table: string } | undefined {
  let current = skipOuterExpressions(receiver);
  for (let guard = 0; guard < 32 && ts.isCallExpression(current); guard++) {
    const callee = skipOuterExpressions(current.expression);
    const table = current.arguments.length === 1 ? staticStringValue(current.arguments[0]!) : undefined;
    if (ts.isIdentifier(callee) && KNEX_NAMES.test(callee.text) && table) return { call: current, table };
    if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'from' || callee.name.text === 'table') && table && ts.isIdentifier(callee.expression) && KNEX_NAMES.test(callee.expression.text)) return { call: current, table };
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    if (!ORM_READS.knex.passThroughChain.has(callee.name.text)) return undefined;
    current = skipOuterExpressions(callee.expression);
  }
  return undefined;
}

function looksLikeRepository(receiver: ts.Expression): boolean {
  const name = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : ts.isCallExpression(receiver) && ts.isPropertyAccessExpression(receiver.expression) ? receiver.expression.name.text : undefined;
  return name !== undefined && /(repository|repo|getRepository)$/i.test(name);
}

/** `User`, `models.User`, `db.User`: a capitalised model (a Mongoose or Sequelize model class). */
function looksLikeModelClass(receiver: ts.Expression): boolean {
  const name = ts.isPropertyAccessExpression(receiver) ? receiver.name.text : ts.isIdentifier(receiver) ? receiver.text : undefined;
  return name !== undefined && /^[A-Z]/.test(name);
}

function containerOf(orm: ReadOrm, method: string): string[] {
  if (orm === 'sequelize' && method === 'findAndCountAll') return ['rows'];
  if ((orm === 'sequelize' && (method === 'findOrCreate')) || (orm === 'typeorm' && /AndCount/.test(method))) return ['0'];
  return [];
}

function eagerLoadsOf(orm: ReadOrm, options: ts.ObjectLiteralExpression): EagerLoad[] {
  const key = orm === 'prisma' ? 'include' : orm === 'sequelize' ? 'include' : orm === 'typeorm' ? 'relations' : 'populate';
  const value = propertyValue(options, key);
  if (!value) return [];
  const loads: EagerLoad[] = [];
  if (ts.isObjectLiteralExpression(value)) {
    // Prisma `include: { author: true, posts: { select: … } }`, TypeORM `relations: { posts: true }`.
    for (const property of value.properties) {
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property)) continue;
      const relation = propertyNameText(property.name);
      if (!relation) continue;
      const initializer = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
      if (initializer && initializer.kind === ts.SyntaxKind.FalseKeyword) continue;
      const projected = !!initializer && ts.isObjectLiteralExpression(initializer) && hasKey(initializer, new Set(['select', 'omit']));
      loads.push({ relation, projected, node: property });
    }
  } else if (ts.isArrayLiteralExpression(value)) {
    for (const element of value.elements) loads.push(...arrayEagerLoad(element));
  } else {
    loads.push(...arrayEagerLoad(value));
  }
  return loads;
}

/** `'posts'`, `Post`, `{ model: Post, as: 'posts', attributes: […] }`, `{ association: 'posts' }`. */
function arrayEagerLoad(element: ts.Expression): EagerLoad[] {
  const value = skipOuterExpressions(element);
  const text = staticStringValue(value);
  if (text !== undefined) return [{ relation: text.split('.').pop()!, projected: false, node: element }];
  if (ts.isIdentifier(value) || ts.isPropertyAccessExpression(value)) {
    const name = ts.isIdentifier(value) ? value.text : value.name.text;
    return [{ relation: name, projected: false, model: value, node: element }];
  }
  if (ts.isObjectLiteralExpression(value)) {
    const model = propertyValue(value, 'model');
    const alias = propertyValue(value, 'as') ?? propertyValue(value, 'association') ?? propertyValue(value, 'path');
    const aliasText = alias && staticStringValue(alias);
    const modelName = model && (ts.isIdentifier(model) ? model.text : ts.isPropertyAccessExpression(model) ? model.name.text : undefined);
    const relation = aliasText ?? modelName;
    if (!relation) return [];
    return [{ relation, projected: hasKey(value, new Set(['attributes', 'select'])), ...(model ? { model } : {}), node: element }];
  }
  return [];
}

function chainedEagerLoads(orm: ReadOrm, call: ts.CallExpression): EagerLoad[] {
  const first = call.arguments[0];
  if (!first) return [];
  if (orm === 'typeorm') {
    // `.leftJoinAndSelect('user.posts', 'post')`
    const text = staticStringValue(first);
    return text ? [{ relation: text.split('.').pop()!, projected: false, node: call }] : [];
  }
  // Mongoose `.populate('author', 'name email')`, `.populate({ path: 'author', select: 'name' })`.
  const loads = arrayEagerLoad(first);
  return call.arguments[1] ? loads.map((load) => ({ ...load, projected: true })) : loads;
}

/** Mongoose `.select('+password')`: the string only adds fields the schema hides; it projects nothing away. */
function onlyAddsHidden(call: ts.CallExpression): string[] | undefined {
  const text = call.arguments[0] && staticStringValue(call.arguments[0]);
  if (!text) return undefined;
  const parts = text.split(/\s+/).filter(Boolean);
  return parts.length > 0 && parts.every((part) => part.startsWith('+')) ? parts.map((part) => part.slice(1)) : undefined;
}

// ── Small helpers ────────────────────────────────────────────────────────────────────────────────────────────────

export function propertyValue(object: ts.ObjectLiteralExpression, key: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === key) return skipOuterExpressions(property.initializer);
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === key) return property.name;
  }
  return undefined;
}

function hasKey(object: ts.ObjectLiteralExpression, keys: ReadonlySet<string>): boolean {
  return object.properties.some((property) => {
    if (ts.isSpreadAssignment(property)) return false;
    const name = property.name && propertyNameText(property.name);
    return name !== undefined && keys.has(name);
  });
}

function isBlank(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined') || ts.isVoidExpression(node) || staticStringValue(node) === '';
}

function isNullish(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  return node.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(node) && node.text === 'undefined');
}

/** `user.get('email')` reads one field; `user.get({ plain: true })` and `user.get()` are the whole record. */
function isGetOfOneField(call: ts.CallExpression): boolean {
  const callee = call.expression as ts.PropertyAccessExpression;
  return callee.name.text === 'get' && call.arguments.length > 0 && staticStringValue(call.arguments[0]!) !== undefined;
}

/** `JSON.parse(JSON.stringify(user))`: a deep copy carrying every field. */
function isJsonRoundTrip(call: ts.CallExpression): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'parse' || !ts.isIdentifier(callee.expression) || callee.expression.text !== 'JSON') return false;
  const inner = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  return !!inner && ts.isCallExpression(inner) && ts.isPropertyAccessExpression(inner.expression) && inner.expression.name.text === 'stringify' && inner.arguments.length > 0;
}

/** A mapping callback that returns its own argument (`u => u`, `u => ({ ...u })`, `u => u.toJSON()`). */
function keepsItsArgument(mapper: ts.Expression): boolean {
  const fn = skipOuterExpressions(mapper);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const parameter = fn.parameters[0];
  if (!parameter || !ts.isIdentifier(parameter.name)) return false;
  const name = parameter.name.text;
  const returned: ts.Expression[] = [];
  if (ts.isBlock(fn.body)) {
    for (const statement of returnStatementsOf(fn.body)) if (statement.expression) returned.push(statement.expression);
  } else {
    returned.push(fn.body);
  }
  return returned.length > 0 && returned.some((value) => isTheParameter(value, name));
}

function isTheParameter(value: ts.Expression, name: string): boolean {
  const node = skipOuterExpressions(value);
  if (ts.isIdentifier(node)) return node.text === name;
  if (ts.isObjectLiteralExpression(node)) return node.properties.some((p) => ts.isSpreadAssignment(p) && isTheParameter(p.expression, name));
  if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && SERIALIZE_METHODS.has(node.expression.name.text)) return isTheParameter(node.expression.expression, name);
  return false;
}

/** `return` statements of a function body, not of functions nested in it. */
export function returnStatementsOf(body: ts.Block): ts.ReturnStatement[] {
  const found: ts.ReturnStatement[] = [];
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      found.push(node);
      continue;
    }
    if (node !== body && ts.isFunctionLike(node)) continue;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return found;
}

/** A plain local function (declaration, or a const bound to an arrow or function expression). */
function localFunctionOf(declaration: LocalDeclaration): ts.FunctionLikeDeclaration | undefined {
  const node = declaration.node;
  if (ts.isFunctionDeclaration(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuterExpressions(node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

// ── Contents algebra ─────────────────────────────────────────────────────────────────────────────────────────────

function merge(parts: ValueContents[]): ValueContents {
  if (parts.length === 1) return parts[0]!;
  return { records: parts.flatMap((part) => part.records), opaque: parts.flatMap((part) => part.opaque) };
}

function nest(contents: ValueContents, prefix: string[]): ValueContents {
  if (prefix.length === 0) return contents;
  return {
    records: contents.records.map((record) => ({ ...record, path: [...prefix, ...record.path] })),
    opaque: contents.opaque.map((value) => ({ ...value, path: [...prefix, ...value.path] })),
  };
}

/** Property `key` of a value: a wrapper's record, a container's records, a record's eager-loaded association. */
function select(contents: ValueContents, key: string): ValueContents {
  const records: RecordValue[] = [];
  for (const record of contents.records) {
    const [head, ...rest] = record.path;
    if (head !== undefined) {
      if (head === key || (head === '[]' && (key === '[]' || /^\d+$/.test(key)))) records.push(inner(record, { path: rest }));
      continue;
    }
    const [pendingHead, ...pendingRest] = record.pending;
    if (pendingHead !== undefined) {
      if (pendingHead.split('|').includes(key)) records.push({ ...record, pending: pendingRest });
      continue;
    }
    // An array of records: an element is still a record.
    if (key === '[]' || /^\d+$/.test(key)) {
      records.push({ ...record, element: true });
      continue;
    }
    if (record.read.eagerLoads.some((load) => load.relation === key && !load.projected)) records.push(inner(record, { viaRelation: key }));
    // Any other property of a record is one of its fields: not a record.
  }
  // A property of a value only types can tell is asked of the checker as the property access itself (see compute).
  const opaque = contents.opaque.flatMap((value) => {
    const [head, ...rest] = value.path;
    return head !== undefined && (head === key || head === '[]') ? [{ ...value, path: rest }] : [];
  });
  return { records, opaque };
}

/** The record one step inside a value: no longer the expression that was read, so a mapping fix cannot target it. */
function inner(record: RecordValue, change: Partial<RecordValue>): RecordValue {
  const { at: _at, ...rest } = record;
  return { ...rest, ...change };
}

function withRemoved(contents: ValueContents, removed: ReadonlySet<string>, topLevelOnly = false): ValueContents {
  return {
    records: contents.records.map((record) => (topLevelOnly && record.path.length > 0 ? record : { ...record, removed: new Set([...record.removed, ...removed]) })),
    opaque: contents.opaque.map((value) => (topLevelOnly && value.path.length > 0 ? value : { ...value, removed: new Set([...value.removed, ...removed]) })),
  };
}
