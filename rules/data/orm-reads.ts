// How each ORM reads records, as data: which methods return whole rows, which options project the columns, which
// options eager-load associations. `full-record-response` reads it through `rules/support/record-flow.ts`.
// Users tune it here (a project's own repository base class, a query helper) without touching the mechanism.

export type ReadOrm = 'prisma' | 'sequelize' | 'typeorm' | 'mongoose' | 'knex' | 'sql';

export interface OrmReadKnowledge {
  /** Methods whose result is one record or several, read whole unless a projection option is given. */
  readMethods: ReadonlySet<string>;
  /** Methods that write and return the written record (sent back, it carries every column). */
  writeMethods: ReadonlySet<string>;
  /** Methods whose result is an array of records. */
  manyMethods: ReadonlySet<string>;
  /** Option keys that choose the columns (the record is then projected). */
  projectionOptions: ReadonlySet<string>;
  /** Option keys that eager-load associations. */
  eagerLoadOptions: ReadonlySet<string>;
  /** Chained methods that choose the columns (`.select('-password')`, knex `.select('id')`). */
  projectionChain: ReadonlySet<string>;
  /** Chained methods that eager-load an association (`.populate('author')`, `.leftJoinAndSelect('u.posts', 'p')`). */
  eagerLoadChain: ReadonlySet<string>;
  /** Chained methods that keep the result a record (or records): query modifiers and executors. */
  passThroughChain: ReadonlySet<string>;
  /** Index of the argument that holds the options (the projection) per method; default 0. */
  optionsArgument?: Readonly<Record<string, number>>;
  /** Mongoose: index of the positional projection argument (`find(filter, 'email')`) per method. */
  projectionArgument?: Readonly<Record<string, number>>;
}

const set = (...names: string[]): ReadonlySet<string> => new Set(names);

export const ORM_READS: Readonly<Record<ReadOrm, OrmReadKnowledge>> = {
  prisma: {
    readMethods: set('findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany'),
    writeMethods: set('create', 'update', 'upsert', 'delete'),
    manyMethods: set('findMany'),
    projectionOptions: set('select', 'omit'),
    eagerLoadOptions: set('include'),
    projectionChain: set(),
    eagerLoadChain: set(),
    passThroughChain: set('then'),
  },
  sequelize: {
    readMethods: set('findAll', 'findOne', 'findByPk', 'findAndCountAll', 'findOrCreate', 'findCreateFind'),
    writeMethods: set('create', 'reload', 'save'),
    manyMethods: set('findAll'),
    projectionOptions: set('attributes'),
    eagerLoadOptions: set('include'),
    projectionChain: set(),
    eagerLoadChain: set(),
    passThroughChain: set('then'),
    optionsArgument: { findByPk: 1 },
  },
  typeorm: {
    readMethods: set('find', 'findOne', 'findBy', 'findOneBy', 'findOneOrFail', 'findOneByOrFail', 'findAndCount', 'findAndCountBy', 'getOne', 'getMany', 'getOneOrFail', 'getManyAndCount'),
    writeMethods: set('save', 'preload'),
    manyMethods: set('find', 'findBy', 'getMany'),
    projectionOptions: set('select'),
    eagerLoadOptions: set('relations'),
    projectionChain: set('select', 'addSelect'),
    eagerLoadChain: set('leftJoinAndSelect', 'innerJoinAndSelect'),
    passThroughChain: set('where', 'andWhere', 'orWhere', 'orderBy', 'addOrderBy', 'skip', 'take', 'limit', 'offset', 'setParameter', 'setParameters', 'withDeleted', 'cache', 'then'),
  },
  mongoose: {
    readMethods: set('find', 'findOne', 'findById', 'findOneAndUpdate', 'findByIdAndUpdate', 'findOneAndReplace', 'findOneAndDelete', 'findByIdAndDelete'),
    writeMethods: set('create', 'save'),
    manyMethods: set('find'),
    projectionOptions: set('projection', 'select'),
    eagerLoadOptions: set('populate'),
    projectionChain: set('select', 'projection', 'distinct'),
    eagerLoadChain: set('populate'),
    // `.lean()` changes the class, not the columns: a lean document still carries every field.
    passThroughChain: set('lean', 'exec', 'sort', 'limit', 'skip', 'where', 'equals', 'orFail', 'session', 'collation', 'hint', 'then', 'setOptions'),
    optionsArgument: { find: 2, findOne: 2, findById: 2, findOneAndUpdate: 2, findByIdAndUpdate: 2, findOneAndReplace: 2, findOneAndDelete: 1, findByIdAndDelete: 1 },
    projectionArgument: { find: 1, findOne: 1, findById: 1 },
  },
  knex: {
    readMethods: set('first', 'where', 'whereIn', 'orderBy', 'limit', 'offset'),
    writeMethods: set(),
    manyMethods: set('where', 'whereIn', 'orderBy', 'limit', 'offset'),
    projectionOptions: set(),
    eagerLoadOptions: set(),
    projectionChain: set('select', 'column', 'columns', 'pluck', 'count', 'sum', 'avg', 'min', 'max'),
    eagerLoadChain: set(),
    passThroughChain: set('where', 'andWhere', 'orWhere', 'whereIn', 'orderBy', 'limit', 'offset', 'first', 'then'),
  },
  /** Raw SQL drivers: `pool.query('SELECT * FROM users …')` (pg: `.rows`; mysql2: `[rows]`), pg-promise `any/one`. */
  sql: {
    readMethods: set('query', 'execute', 'any', 'many', 'manyOrNone', 'one', 'oneOrNone', 'all', 'get'),
    writeMethods: set(),
    manyMethods: set('any', 'many', 'manyOrNone', 'all'),
    projectionOptions: set(),
    eagerLoadOptions: set(),
    projectionChain: set(),
    eagerLoadChain: set(),
    passThroughChain: set('then'),
  },
};

/** Where a raw driver's rows sit in its result: pg's `result.rows`, mysql2's `[rows, fields]`; alternatives by `|`. */
export const SQL_ROWS_CONTAINER: Readonly<Record<string, string>> = { query: 'rows|0', execute: '0' };

/** Mongoose's per-call option that makes `findOneAndUpdate` return the updated record (it is one either way). */
export const MONGOOSE_PROJECTION_KEY = 'projection';

/** Methods that turn a document into a plain object carrying the same fields (the model's transforms apply). */
export const SERIALIZE_METHODS: ReadonlySet<string> = set('toJSON', 'toObject', 'get', 'dataValues', 'toPOJO');

/** `SELECT * FROM users`, `select u.* from users u`: a raw query returning every column of a table. */
export const SELECT_STAR = /^\s*select\s+(?:distinct\s+)?(?:\w+\.)?\*\s+from\s+["`]?(\w+)["`]?/i;
