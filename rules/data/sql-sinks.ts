// SQL drivers and ORMs as data: which modules they come from, how their receivers are made, which methods run
// SQL text, and how each passes values. The unparameterized-query rule reads only this table, so supporting a new
// driver is a new entry here plus tests.

/** How a fix passes values for this sink. */
export type ValuePassing =
  /** `text, [v1, v2]`: a values array as the argument after the text (pg, mysql, sqlite, knex raw, …). */
  | 'values-array'
  /** `text, { replacements: [v1] }` (Sequelize). */
  | 'sequelize-replacements'
  /** `.where('a = :name', { name })` (TypeORM query builder conditions). */
  | 'named-object'
  /** `$queryRawUnsafe(`…${x}`)` → `$queryRaw`…${x}`` (Prisma), `sql.raw(`…`)` → `sql`…`` (Kysely, Drizzle). */
  | 'tagged-template'
  /** `request.input('name', value).query('… @name')` (mssql). */
  | 'mssql-input'
  /** The sink cannot bind values (e.g. `exec`, `literal`); the finding carries the reason instead of a fix. */
  | 'none';

export type PlaceholderStyle = 'dollar' | 'question' | 'named-colon' | 'named-at' | 'template';

export interface SinkMethod {
  name: string;
  /** Index of the SQL text argument. */
  textArg: number;
  passing: ValuePassing;
  placeholder: PlaceholderStyle;
  /** Why there is no automatic rewrite, when `passing` is 'none'. */
  noFixReason?: string;
  /** The text is only ever an identifier list (`orderBy('user.name')`): values in it get an allow-list guard. */
  identifiersOnly?: boolean;
  /**
   * SQL the method writes before its text (knex `orderByRaw` writes `ORDER BY`): a value at the start of the text
   * sits in that clause, so `orderByRaw(`${col} ${dir}`)` holds identifiers, not bindable values.
   */
  clause?: string;
}

export interface DriverModel {
  id: string;
  /** Shown in messages. */
  label: string;
  /** Module specifiers (exact) whose imports create receivers. */
  modules: string[];
  /** Exported classes whose instances are receivers (`new Pool()`, `new pg.Client()`). */
  constructors: string[];
  /** Exported functions (named or `default`) that return receivers (`createPool`, `knex(…)`, `postgres(…)`). */
  factories: string[];
  /** The module object itself is a receiver factory when called (`knex(…)`, `postgres(…)`, `pgp(…)`). */
  moduleIsFactory: boolean;
  /** When the module call returns another factory (`require('pg-promise')()` returns `pgp`, `pgp(cn)` the db). */
  factoryReturnsFactory?: boolean;
  /** Type names that mark an annotated parameter/property as a receiver (`pool: Pool`). */
  typeNames: string[];
  /** Methods on a receiver that return a receiver of the same driver (`pool.connect()`, `getConnection()`). */
  derivations: string[];
  /** Properties of a receiver that are receivers (`dataSource.manager`). */
  derivedProperties: string[];
  sinks: SinkMethod[];
  /** Receiver-less callable exports that are sinks (`raw` of MikroORM, `literal` of Sequelize). */
  functionSinks?: SinkMethod[];
  /** Members of an exported namespace object that are sinks (`Prisma.raw`, `sql.raw`, `Sequelize.literal`). */
  namespaceSinks?: { object: string; method: SinkMethod }[];
}

const dollarArray = (name: string, textArg = 0): SinkMethod => ({ name, textArg, passing: 'values-array', placeholder: 'dollar' });
const questionArray = (name: string, textArg = 0): SinkMethod => ({ name, textArg, passing: 'values-array', placeholder: 'question' });

const KNEX_RAW_METHODS = ['raw', 'whereRaw', 'orWhereRaw', 'andWhereRaw', 'havingRaw', 'orHavingRaw', 'orderByRaw', 'joinRaw', 'groupByRaw', 'fromRaw'];
/** The clause knex writes before the text of these `*Raw` methods. */
const KNEX_RAW_CLAUSES: Record<string, string> = { orderByRaw: 'ORDER BY', groupByRaw: 'GROUP BY', fromRaw: 'FROM' };
const knexRaw = (name: string): SinkMethod => ({ ...questionArray(name), ...(KNEX_RAW_CLAUSES[name] ? { clause: KNEX_RAW_CLAUSES[name] } : {}) });
const TYPEORM_CONDITION_METHODS = ['where', 'andWhere', 'orWhere', 'having', 'andHaving', 'orHaving'];

export const SQL_DRIVERS: readonly DriverModel[] = [
  {
    id: 'pg',
    label: 'pg',
    modules: ['pg', 'pg-pool'],
    constructors: ['Pool', 'Client'],
    factories: [],
    moduleIsFactory: false,
    typeNames: ['Pool', 'Client', 'PoolClient', 'ClientBase'],
    derivations: ['connect'],
    derivedProperties: [],
    sinks: [dollarArray('query')],
  },
  {
    id: 'pg-promise',
    label: 'pg-promise',
    modules: ['pg-promise'],
    constructors: [],
    factories: [],
    moduleIsFactory: true,
    factoryReturnsFactory: true,
    typeNames: ['IDatabase', 'ITask', 'IBaseProtocol'],
    derivations: [],
    derivedProperties: [],
    sinks: ['query', 'one', 'oneOrNone', 'many', 'manyOrNone', 'any', 'none', 'result', 'multi', 'multiResult', 'map', 'each'].map((name) =>
      dollarArray(name),
    ),
  },
  {
    id: 'postgres',
    label: 'postgres',
    modules: ['postgres'],
    constructors: [],
    factories: [],
    moduleIsFactory: true,
    typeNames: ['Sql'],
    derivations: ['reserve'],
    derivedProperties: [],
    sinks: [dollarArray('unsafe')],
  },
  {
    id: 'mysql',
    label: 'mysql',
    modules: ['mysql', 'mysql2', 'mysql2/promise'],
    constructors: [],
    factories: ['createPool', 'createConnection', 'createPoolCluster'],
    moduleIsFactory: false,
    typeNames: ['Pool', 'Connection', 'PoolConnection', 'PoolCluster'],
    derivations: ['getConnection', 'promise'],
    derivedProperties: [],
    sinks: [questionArray('query'), questionArray('execute')],
  },
  {
    id: 'sqlite3',
    label: 'sqlite3',
    modules: ['sqlite3', 'sqlite'],
    constructors: ['Database'],
    factories: ['open'],
    moduleIsFactory: false,
    typeNames: ['Database'],
    derivations: ['verbose'],
    derivedProperties: [],
    sinks: [
      ...['run', 'get', 'all', 'each', 'prepare'].map((name) => questionArray(name)),
      { name: 'exec', textArg: 0, passing: 'none', placeholder: 'question', noFixReason: '`exec` cannot bind values; use `run(sql, [values])` per statement' },
    ],
  },
  {
    id: 'better-sqlite3',
    label: 'better-sqlite3',
    modules: ['better-sqlite3'],
    constructors: [],
    factories: [],
    moduleIsFactory: true,
    typeNames: ['Database'],
    derivations: [],
    derivedProperties: [],
    sinks: [
      { name: 'prepare', textArg: 0, passing: 'values-array', placeholder: 'question' },
      { name: 'exec', textArg: 0, passing: 'none', placeholder: 'question', noFixReason: '`exec` cannot bind values; use `prepare(sql).run(…values)`' },
    ],
  },
  {
    id: 'mssql',
    label: 'mssql',
    modules: ['mssql'],
    constructors: ['ConnectionPool', 'Request'],
    factories: ['connect'],
    moduleIsFactory: false,
    typeNames: ['ConnectionPool', 'Request', 'Transaction'],
    derivations: ['connect', 'request'],
    derivedProperties: [],
    sinks: [
      { name: 'query', textArg: 0, passing: 'mssql-input', placeholder: 'named-at' },
      { name: 'batch', textArg: 0, passing: 'mssql-input', placeholder: 'named-at' },
    ],
  },
  {
    id: 'sequelize',
    label: 'Sequelize',
    modules: ['sequelize', 'sequelize-typescript'],
    constructors: ['Sequelize'],
    factories: [],
    moduleIsFactory: false,
    typeNames: ['Sequelize'],
    derivations: [],
    derivedProperties: [],
    sinks: [
      { name: 'query', textArg: 0, passing: 'sequelize-replacements', placeholder: 'question' },
      { name: 'literal', textArg: 0, passing: 'none', placeholder: 'question', noFixReason: '`literal` cannot bind values; wrap each value in `sequelize.escape(…)`' },
    ],
    functionSinks: [{ name: 'literal', textArg: 0, passing: 'none', placeholder: 'question', noFixReason: '`literal` cannot bind values; wrap each value in `sequelize.escape(…)`' }],
    namespaceSinks: [{ object: 'Sequelize', method: { name: 'literal', textArg: 0, passing: 'none', placeholder: 'question', noFixReason: '`literal` cannot bind values; wrap each value in `sequelize.escape(…)`' } }],
  },
  {
    id: 'knex',
    label: 'knex',
    modules: ['knex'],
    constructors: [],
    factories: ['knex'],
    moduleIsFactory: true,
    typeNames: ['Knex'],
    derivations: ['transaction'],
    derivedProperties: [],
    sinks: KNEX_RAW_METHODS.map(knexRaw),
  },
  {
    id: 'typeorm',
    label: 'TypeORM',
    modules: ['typeorm'],
    constructors: ['DataSource', 'Connection'],
    factories: ['createConnection', 'getConnection', 'getManager', 'getRepository'],
    moduleIsFactory: false,
    typeNames: ['DataSource', 'Connection', 'EntityManager', 'Repository', 'QueryRunner', 'SelectQueryBuilder', 'UpdateQueryBuilder', 'DeleteQueryBuilder'],
    derivations: ['initialize', 'getRepository', 'createQueryRunner', 'createQueryBuilder', 'getTreeRepository', 'select', 'addSelect', 'from', 'leftJoin', 'leftJoinAndSelect', 'innerJoin', 'innerJoinAndSelect', 'update', 'delete', 'set', 'skip', 'take', 'limit', 'offset', ...TYPEORM_CONDITION_METHODS, 'orderBy', 'addOrderBy', 'groupBy'],
    derivedProperties: ['manager'],
    sinks: [
      // The placeholder style of `query` depends on the configured database; the rule resolves 'dollar' here.
      dollarArray('query'),
      ...TYPEORM_CONDITION_METHODS.map((name): SinkMethod => ({ name, textArg: 0, passing: 'named-object', placeholder: 'named-colon' })),
      { name: 'orderBy', textArg: 0, passing: 'none', placeholder: 'named-colon', noFixReason: 'an ORDER BY expression cannot be a parameter', identifiersOnly: true },
      { name: 'addOrderBy', textArg: 0, passing: 'none', placeholder: 'named-colon', noFixReason: 'an ORDER BY expression cannot be a parameter', identifiersOnly: true },
    ],
  },
  {
    id: 'prisma',
    label: 'Prisma',
    modules: ['@prisma/client'],
    constructors: ['PrismaClient'],
    factories: [],
    moduleIsFactory: false,
    typeNames: ['PrismaClient'],
    derivations: [],
    derivedProperties: [],
    sinks: [
      { name: '$queryRawUnsafe', textArg: 0, passing: 'tagged-template', placeholder: 'template' },
      { name: '$executeRawUnsafe', textArg: 0, passing: 'tagged-template', placeholder: 'template' },
    ],
    namespaceSinks: [{ object: 'Prisma', method: { name: 'raw', textArg: 0, passing: 'tagged-template', placeholder: 'template' } }],
  },
  {
    id: 'kysely',
    label: 'Kysely',
    modules: ['kysely'],
    constructors: [],
    factories: [],
    moduleIsFactory: false,
    typeNames: [],
    derivations: [],
    derivedProperties: [],
    sinks: [],
    namespaceSinks: [
      { object: 'sql', method: { name: 'raw', textArg: 0, passing: 'tagged-template', placeholder: 'template' } },
      { object: 'sql', method: { name: 'lit', textArg: 0, passing: 'none', placeholder: 'template', noFixReason: '`sql.lit` writes the value into the SQL text; use `sql.val(…)` for values' } },
    ],
  },
  {
    id: 'drizzle',
    label: 'Drizzle',
    modules: ['drizzle-orm'],
    constructors: [],
    factories: [],
    moduleIsFactory: false,
    typeNames: [],
    derivations: [],
    derivedProperties: [],
    sinks: [],
    namespaceSinks: [{ object: 'sql', method: { name: 'raw', textArg: 0, passing: 'tagged-template', placeholder: 'template' } }],
  },
  {
    id: 'mikro-orm',
    label: 'MikroORM',
    modules: ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/sqlite', '@mikro-orm/knex'],
    constructors: [],
    factories: [],
    moduleIsFactory: false,
    typeNames: ['EntityManager', 'SqlEntityManager', 'MikroORM'],
    derivations: ['getConnection', 'fork', 'getKnex'],
    derivedProperties: ['em'],
    sinks: [questionArray('execute')],
    functionSinks: [questionArray('raw')],
  },
];

/**
 * Method names that exist only on SQL builders, so a call is a sink whatever the receiver is (the receiver is
 * often a query chain built across files: `this.db('users').whereRaw(…)`).
 */
export const DISTINCTIVE_SINKS: readonly { driverId: string; method: SinkMethod }[] = [
  ...KNEX_RAW_METHODS.filter((name) => name !== 'raw').map((name) => ({ driverId: 'knex', method: knexRaw(name) })),
  { driverId: 'prisma', method: { name: '$queryRawUnsafe', textArg: 0, passing: 'tagged-template', placeholder: 'template' } },
  { driverId: 'prisma', method: { name: '$executeRawUnsafe', textArg: 0, passing: 'tagged-template', placeholder: 'template' } },
];

/**
 * Property names that are receivers by a convention strong enough to rely on: Sequelize's generated
 * `models/index.js` exports `db.sequelize`, so `models.sequelize.query(…)` is Sequelize in practice.
 */
export const CONVENTIONAL_RECEIVER_PROPERTIES: ReadonlyMap<string, string> = new Map([['sequelize', 'sequelize']]);

/** Calls whose result is safe to put into SQL text: escaping functions and numeric conversions. */
export const SQL_SAFE_WRAPPERS = {
  /**
   * `x.escape(v)`, `SqlString.escape(v)`, `client.escapeLiteral(v)`, … on any receiver; knex `ref(name)` quotes an
   * identifier and `builder.toQuery()` is SQL that knex compiled with its values escaped.
   */
  methods: new Set(['escape', 'escapeLiteral', 'escapeIdentifier', 'escapeId', 'quoteIdentifier', 'toFixed', 'ref', 'toQuery']),
  /** Plain functions. `format` is safe only with %L/%I formats (pg-format), checked by the rule. */
  functions: new Set(['Number', 'parseInt', 'parseFloat', 'Boolean', 'escapeLiteral', 'escapeIdentifier', 'escape']),
  /** Namespaces whose every member returns a number (`Date.now()`, `Date.parse(x)`). */
  numericNamespaces: new Set(['Math', 'Date']),
};

/** Modules of SQL tag functions that parameterize: `sql`…`` from these is never text. */
export const PARAMETERIZING_TAG_MODULES = new Set(['slonik', 'postgres', 'kysely', 'drizzle-orm', '@prisma/client', 'sql-template-strings', 'sql-template-tag', '@databases/pg', '@databases/mysql']);

/** Methods that build query text from parts (`parts.join(' AND ')`, `q.concat(…)`, `q.replace(…)`). */
export const STRING_BUILDING_METHODS = new Set(['concat', 'join', 'replace', 'replaceAll', 'trim', 'toString']);

export function driverById(id: string): DriverModel {
  const driver = SQL_DRIVERS.find((d) => d.id === id);
  if (!driver) throw new Error(`unknown SQL driver ${id}`);
  return driver;
}

const driversByModule = new Map<string, DriverModel>();
for (const driver of SQL_DRIVERS) for (const module of driver.modules) driversByModule.set(module, driver);

export function driverForModule(specifier: string): DriverModel | undefined {
  return driversByModule.get(specifier);
}

/** Every method name that may be a sink: the cheap first test on each call expression. */
export const ALL_SINK_METHOD_NAMES: ReadonlySet<string> = new Set(
  SQL_DRIVERS.flatMap((d) => [...d.sinks.map((s) => s.name), ...(d.functionSinks ?? []).map((s) => s.name), ...(d.namespaceSinks ?? []).map((s) => s.method.name)]),
);
