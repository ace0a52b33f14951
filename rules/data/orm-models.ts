// ORM knowledge as data: which modules each ORM ships, how models are declared, and the method names that read or
// write records. Used by the workspace index's data-model summarizers (server/engine/api-model/data-models/) and
// by `modelOfReceiver` (rules/support/data-models.ts). Extend the lists here, not in code.
import type { OrmName } from '../support/api-model';

/** Module specifiers (exact, or a prefix ending in `/`) per ORM. */
export const ORM_MODULES: Readonly<Record<Exclude<OrmName, 'typescript'>, readonly string[]>> = {
  prisma: ['@prisma/client', '.prisma/client', '@prisma/client/'],
  sequelize: ['sequelize', 'sequelize-typescript'],
  mongoose: ['mongoose', '@nestjs/mongoose', '@typegoose/typegoose'],
  typeorm: ['typeorm', '@nestjs/typeorm'],
  'mikro-orm': ['@mikro-orm/core', '@mikro-orm/postgresql', '@mikro-orm/mysql', '@mikro-orm/sqlite', '@mikro-orm/mongodb', '@mikro-orm/nestjs', '@mikro-orm/'],
  drizzle: ['drizzle-orm', 'drizzle-orm/'],
  objection: ['objection'],
};

const ORM_BY_MODULE = new Map<string, Exclude<OrmName, 'typescript'>>();
const ORM_BY_PREFIX: [string, Exclude<OrmName, 'typescript'>][] = [];
for (const [orm, modules] of Object.entries(ORM_MODULES) as [Exclude<OrmName, 'typescript'>, readonly string[]][]) {
  for (const module of modules) {
    if (module.endsWith('/')) ORM_BY_PREFIX.push([module, orm]);
    else ORM_BY_MODULE.set(module, orm);
  }
}

/** The ORM a module specifier belongs to, if any (asked for every import of every file: a map, then prefixes). */
export function ormOfModule(specifier: string): Exclude<OrmName, 'typescript'> | undefined {
  const exact = ORM_BY_MODULE.get(specifier);
  if (exact) return exact;
  for (const [prefix, orm] of ORM_BY_PREFIX) if (specifier.startsWith(prefix)) return orm;
  return undefined;
}

/** Sequelize association methods: `User.hasMany(Post, { as: 'posts' })`. */
export const SEQUELIZE_ASSOCIATIONS: ReadonlySet<string> = new Set(['hasMany', 'hasOne', 'belongsTo', 'belongsToMany']);
/** Associations whose field holds many records (its default name is the target's plural). */
export const TO_MANY_ASSOCIATIONS: ReadonlySet<string> = new Set(['hasMany', 'belongsToMany', 'OneToMany', 'ManyToMany', 'HasMany', 'BelongsToMany']);

/** sequelize-typescript property decorators that declare a column (`@Column`, `@PrimaryKey`…). */
export const SEQUELIZE_TS_COLUMN_DECORATORS: ReadonlySet<string> = new Set(['Column', 'PrimaryKey', 'AutoIncrement', 'Default', 'AllowNull', 'Unique', 'CreatedAt', 'UpdatedAt', 'DeletedAt', 'ForeignKey', 'IsEmail', 'Length']);
/** sequelize-typescript association decorators. */
export const SEQUELIZE_TS_RELATION_DECORATORS: ReadonlySet<string> = new Set(['HasMany', 'HasOne', 'BelongsTo', 'BelongsToMany']);

/** TypeORM and MikroORM property decorators that declare a column, and whether the database fills it. */
export const ENTITY_COLUMN_DECORATORS: ReadonlyMap<string, { serverGenerated?: boolean }> = new Map([
  ['Column', {}],
  ['PrimaryColumn', {}],
  ['Property', {}],
  ['Enum', {}],
  ['Formula', { serverGenerated: true }],
  ['PrimaryGeneratedColumn', { serverGenerated: true }],
  ['ObjectIdColumn', { serverGenerated: true }],
  ['CreateDateColumn', { serverGenerated: true }],
  ['UpdateDateColumn', { serverGenerated: true }],
  ['DeleteDateColumn', { serverGenerated: true }],
  ['VersionColumn', { serverGenerated: true }],
  ['SerializedPrimaryKey', { serverGenerated: true }],
  ['PrimaryKey', {}],
]);
/** TypeORM and MikroORM relation decorators: the first argument is `() => Target` (or `'Target'`). */
export const ENTITY_RELATION_DECORATORS: ReadonlySet<string> = new Set(['OneToMany', 'ManyToOne', 'OneToOne', 'ManyToMany', 'Embedded']);

/** Drizzle's table constructors. */
export const DRIZZLE_TABLE_FUNCTIONS: ReadonlySet<string> = new Set(['pgTable', 'mysqlTable', 'sqliteTable', 'singlestoreTable', 'gelTable']);

/** Repository factories: `getRepository(User)`, `dataSource.getRepository(User)`, `em.getRepository(User)`. */
export const REPOSITORY_FACTORIES: ReadonlySet<string> = new Set(['getRepository', 'getMongoRepository', 'getTreeRepository', 'getCustomRepository', 'withRepository']);
/** Entity managers take the model as their first argument: `manager.save(User, body)`, `em.create(User, body)`. */
export const ENTITY_MANAGER_METHODS: ReadonlySet<string> = new Set([
  'save', 'insert', 'update', 'upsert', 'create', 'merge', 'preload', 'find', 'findOne', 'findOneBy', 'findBy', 'findOneOrFail', 'findOneByOrFail',
  'findAndCount', 'findAll', 'assign', 'nativeUpdate', 'nativeInsert', 'count', 'delete', 'remove',
]);
/** Types whose instances are repositories or models of one model (the type argument names it). */
export const REPOSITORY_TYPES: ReadonlySet<string> = new Set(['Repository', 'MongoRepository', 'TreeRepository', 'EntityRepository', 'Model', 'ModelStatic', 'ModelCtor', 'ModelType', 'ReturnModelType']);
/** Decorators that inject a model or repository: `@InjectRepository(User)`, `@InjectModel(User.name)`. */
export const INJECT_DECORATORS: ReadonlySet<string> = new Set(['InjectRepository', 'InjectModel']);
/** Names a Prisma client is usually held under. */
export const PRISMA_CLIENT_NAMES: ReadonlySet<string> = new Set(['prisma', 'db', 'client', 'prismaClient', 'prismaService', 'database', 'tx', 'trx']);
/** Types of a Prisma client (a NestJS `PrismaService` extends it). */
export const PRISMA_CLIENT_TYPES: ReadonlySet<string> = new Set(['PrismaClient', 'PrismaService', 'ExtendedPrismaClient', 'TransactionClient']);
/** Objects whose members are models: `db.User`, `models.User`, `sequelize.models.User`, `mongoose.models.User`. */
export const MODEL_REGISTRY_MEMBERS: ReadonlySet<string> = new Set(['models', 'model']);

/** ORM methods that write records (the body or an object goes in). */
export const ORM_WRITE_METHODS: ReadonlySet<string> = new Set([
  'create', 'createMany', 'createManyAndReturn', 'update', 'updateMany', 'upsert', 'save', 'insert', 'insertMany', 'bulkCreate',
  'findOneAndUpdate', 'findByIdAndUpdate', 'updateOne', 'replaceOne', 'findOneAndReplace', 'set', 'assign', 'merge', 'preload',
  'build', 'values', 'patch', 'patchAndFetchById', 'insertAndFetch', 'nativeUpdate', 'nativeInsert',
]);
/** ORM methods that read records (a whole record may come out). */
export const ORM_READ_METHODS: ReadonlySet<string> = new Set([
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'findAll', 'findOne', 'findByPk', 'findById',
  'find', 'findOneBy', 'findBy', 'findOneOrFail', 'findAndCount', 'findAndCountAll', 'findOrCreate', 'getOne', 'getMany', 'select',
  'query', 'lean',
]);
/** Methods that send a value as the response body. */
export const RESPONSE_METHODS: ReadonlySet<string> = new Set(['json', 'send', 'jsonp', 'end', 'body']);

/**
 * The union the two data rules look at (ORM reads and writes, responses). Other helpers add names to the lists above.
 */
export const DATA_ACCESS_METHODS: ReadonlySet<string> = new Set([...ORM_WRITE_METHODS, ...ORM_READ_METHODS, ...RESPONSE_METHODS]);

/**
 * A call that touches stored data: an ORM read or write (a response alone does not, so route files that only
 * answer are not flagged `dataAccess`).
 */
export function isOrmDataMethod(name: string): boolean {
  return ORM_WRITE_METHODS.has(name) || ORM_READ_METHODS.has(name);
}

/**
 * ORM methods no cache, array or map has (`findByPk`, `findMany`, `findOneAndUpdate`): they touch data on whatever
 * receiver. The others (`find`, `create`, `delete`, `set`, `query`, …) count only on a receiver that looks like data.
 */
export const DISTINCTIVE_ORM_METHODS: ReadonlySet<string> = new Set([
  'createMany', 'createManyAndReturn', 'updateMany', 'upsert', 'insertMany', 'bulkCreate', 'findOneAndUpdate', 'findByIdAndUpdate',
  'updateOne', 'replaceOne', 'findOneAndReplace', 'patchAndFetchById', 'insertAndFetch', 'nativeUpdate', 'nativeInsert',
  'findUnique', 'findUniqueOrThrow', 'findFirst', 'findFirstOrThrow', 'findMany', 'findAll', 'findByPk', 'findById', 'findOneBy',
  'findOneOrFail', 'findAndCount', 'findAndCountAll', 'findOrCreate', 'lean',
]);

/**
 * Every callee name a data-model summarizer reads (server/engine/api-model/data-models/): the summary keeps only
 * these calls, so a name a summarizer asks for must be here.
 */
export const MODEL_DECLARING_CALLEES: ReadonlySet<string> = new Set([
  'define', 'init', ...SEQUELIZE_ASSOCIATIONS, // Sequelize
  'Schema', 'model', 'getModelForClass', // Mongoose, Typegoose
  'EntitySchema', 'useGlobalInterceptors', 'UseInterceptors', 'Module', // TypeORM / MikroORM, Nest serialisation
  ...DRIZZLE_TABLE_FUNCTIONS,
  'PrismaClient',
]);
