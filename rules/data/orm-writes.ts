// Calls that write an object's keys into a stored record, per ORM: which method, on what kind of receiver, and which
// argument (or property of an argument) holds the data. `mass-assignment` reads this; users tune it here.
import type { OrmName } from '../support/api-model';

/** Where the written object sits in the call's arguments. */
export type DataSlot =
  /** The argument at `index` is the data (`User.create(data)`). */
  | { kind: 'argument'; index: number }
  /** Property `property` of the object literal at `index` (`prisma.user.create({ data })`). */
  | { kind: 'property'; index: number; property: string }
  /** Every argument from `index` on is data (`Object.assign(target, ...sources)`). */
  | { kind: 'rest'; index: number };

export interface OrmWrite {
  orm: OrmName | 'knex' | 'lodash' | 'javascript';
  method: string;
  data: DataSlot;
  /** Sequelize's `fields: [...]` option: only these attributes are written. */
  fieldsOption?: { index: number; property: string };
  /** Writes into an object held in memory: a finding only when that object is saved later in the function. */
  needsSave?: boolean;
}

function writes(orm: OrmWrite['orm'], methods: readonly string[], data: DataSlot, extra: Partial<OrmWrite> = {}): OrmWrite[] {
  return methods.map((method) => ({ orm, method, data, ...extra }));
}

/** Prisma delegate methods (`prisma.user.<method>({ data })`). `upsert` writes both `create` and `update`. */
export const PRISMA_WRITES: readonly OrmWrite[] = [
  ...writes('prisma', ['create', 'update', 'createMany', 'updateMany', 'createManyAndReturn', 'updateManyAndReturn'], { kind: 'property', index: 0, property: 'data' }),
  ...writes('prisma', ['upsert'], { kind: 'property', index: 0, property: 'create' }),
  ...writes('prisma', ['upsert'], { kind: 'property', index: 0, property: 'update' }),
];

/** Sequelize static methods on a model class (`User.create(data, { fields })`). */
export const SEQUELIZE_STATIC_WRITES: readonly OrmWrite[] = [
  ...writes('sequelize', ['create', 'build', 'bulkCreate', 'upsert'], { kind: 'argument', index: 0 }, { fieldsOption: { index: 1, property: 'fields' } }),
  ...writes('sequelize', ['update'], { kind: 'argument', index: 0 }, { fieldsOption: { index: 1, property: 'fields' } }),
];

/** Sequelize instance methods (`user.update(data)`, `user.set(data); user.save()`). */
export const SEQUELIZE_INSTANCE_WRITES: readonly OrmWrite[] = [
  ...writes('sequelize', ['update'], { kind: 'argument', index: 0 }, { fieldsOption: { index: 1, property: 'fields' } }),
  ...writes('sequelize', ['set'], { kind: 'argument', index: 0 }, { needsSave: true }),
];

/** TypeORM repository methods (`repo.save(data)`, `repo.update(id, data)`). */
export const TYPEORM_REPOSITORY_WRITES: readonly OrmWrite[] = [
  ...writes('typeorm', ['save', 'insert', 'create', 'upsert'], { kind: 'argument', index: 0 }),
  ...writes('typeorm', ['update'], { kind: 'argument', index: 1 }),
  ...writes('typeorm', ['merge'], { kind: 'rest', index: 1 }),
  ...writes('typeorm', ['preload'], { kind: 'argument', index: 0 }),
];

/** TypeORM EntityManager methods: the entity class comes first (`manager.save(User, data)`). */
export const TYPEORM_MANAGER_WRITES: readonly OrmWrite[] = [
  ...writes('typeorm', ['save', 'insert', 'create', 'preload', 'upsert'], { kind: 'argument', index: 1 }),
  ...writes('typeorm', ['update'], { kind: 'argument', index: 2 }),
  ...writes('typeorm', ['merge'], { kind: 'rest', index: 2 }),
];

/** MikroORM `em.assign(entity, data)` (`em.create(User, data)` is a manager write above). */
export const MIKRO_ORM_ASSIGN: OrmWrite = { orm: 'mikro-orm', method: 'assign', data: { kind: 'rest', index: 1 } };

/** Mongoose model statics (`User.create(data)`, `User.findByIdAndUpdate(id, data)`). `new Model(data)` is separate. */
export const MONGOOSE_STATIC_WRITES: readonly OrmWrite[] = [
  ...writes('mongoose', ['create', 'insertMany'], { kind: 'argument', index: 0 }),
  ...writes('mongoose', ['findByIdAndUpdate', 'findOneAndUpdate', 'updateOne', 'updateMany', 'findOneAndReplace', 'replaceOne'], { kind: 'argument', index: 1 }),
];

/** Mongoose document methods (`doc.set(data); doc.save()`, `doc.updateOne(data)`). */
export const MONGOOSE_DOCUMENT_WRITES: readonly OrmWrite[] = [
  ...writes('mongoose', ['set', 'overwrite'], { kind: 'argument', index: 0 }, { needsSave: true }),
  ...writes('mongoose', ['updateOne'], { kind: 'argument', index: 0 }),
];

/** Method names that only Mongoose models have, so the receiver needs no further proof. */
export const MONGOOSE_DISTINCTIVE_WRITES: ReadonlySet<string> = new Set(['findByIdAndUpdate', 'findOneAndUpdate', 'insertMany', 'findOneAndReplace']);

/** Drizzle builders: `db.insert(table).values(data)`, `db.update(table).set(data)`; the table is the builder's argument. */
export const DRIZZLE_WRITES: readonly { builder: string; method: string }[] = [
  { builder: 'insert', method: 'values' },
  { builder: 'update', method: 'set' },
];

/** knex query builders (`knex('users').insert(data)`, `db('users').where(…).update(data)`). */
export const KNEX_WRITES: readonly OrmWrite[] = writes('knex', ['insert', 'update'], { kind: 'argument', index: 0 });

/** Objection query builders (`User.query().insert(data)`, `.patchAndFetchById(id, data)`). */
export const OBJECTION_WRITES: readonly OrmWrite[] = [
  ...writes('objection', ['insert', 'patch', 'update', 'insertAndFetch', 'insertGraph', 'upsertGraph', 'patchAndFetch', 'updateAndFetch'], { kind: 'argument', index: 0 }),
  ...writes('objection', ['patchAndFetchById', 'updateAndFetchById'], { kind: 'argument', index: 1 }),
];

/** Copies into an object in memory: a sink when the target is a record that is saved afterwards. */
export const MERGE_WRITES: readonly OrmWrite[] = [
  ...writes('javascript', ['assign'], { kind: 'rest', index: 1 }, { needsSave: true }),
  ...writes('lodash', ['merge', 'assign', 'extend', 'assignIn', 'mergeWith', 'defaults', 'defaultsDeep'], { kind: 'rest', index: 1 }, { needsSave: true }),
];

/** Writes whose data is a list of records: the allowed-fields fix (one object) does not apply. */
export const LIST_WRITE_METHODS: ReadonlySet<string> = new Set(['bulkCreate', 'insertMany', 'createMany', 'createManyAndReturn']);

/** Modules whose default or namespace export is lodash (`_.merge`, `lodash.assign`). */
export const LODASH_MODULES: ReadonlySet<string> = new Set(['lodash', 'lodash-es', 'underscore']);

/** Calls that save an object in memory: `user.save()`, `repo.save(user)`, `em.persistAndFlush(user)`. */
export const SAVE_METHODS: ReadonlySet<string> = new Set(['save', 'persist', 'persistAndFlush', 'flush', 'commit', 'upsert']);

export const ALL_WRITE_METHOD_NAMES: ReadonlySet<string> = new Set([
  ...[PRISMA_WRITES, SEQUELIZE_STATIC_WRITES, SEQUELIZE_INSTANCE_WRITES, TYPEORM_REPOSITORY_WRITES, TYPEORM_MANAGER_WRITES, [MIKRO_ORM_ASSIGN], MONGOOSE_STATIC_WRITES, MONGOOSE_DOCUMENT_WRITES, KNEX_WRITES, OBJECTION_WRITES, MERGE_WRITES].flatMap((list) => list.map((write) => write.method)),
  ...DRIZZLE_WRITES.map((write) => write.method),
]);
