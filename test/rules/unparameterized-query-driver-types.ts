// Small declarations of the SQL drivers' public APIs (shapes taken from their documentation), so fixed code is
// type-checked against what each driver accepts. Only what the tests use; values are `unknown` where drivers
// accept anything.
export const DRIVER_DECLARATIONS = `
declare const console: { log(...args: unknown[]): void };
declare module 'express' {
  export interface Request { body: any; query: any; params: any; headers: any; cookies: any }
  export interface Response { json(body: unknown): void; send(body: unknown): void; status(code: number): Response }
  export interface App { get(path: string, handler: (req: Request, res: Response) => unknown): void; post(path: string, handler: (req: Request, res: Response) => unknown): void }
  export default function express(): App;
}
declare module 'pg' {
  export interface QueryResult<R = any> { rows: R[]; rowCount: number | null }
  export class ClientBase {
    query<R = any>(text: string, values?: unknown[]): Promise<QueryResult<R>>;
    query<R = any>(config: { text: string; values?: unknown[]; name?: string }): Promise<QueryResult<R>>;
    query<R = any>(text: string, callback: (err: Error | null, result: QueryResult<R>) => void): void;
    query<R = any>(text: string, values: unknown[], callback: (err: Error | null, result: QueryResult<R>) => void): void;
  }
  export class Client extends ClientBase { constructor(config?: object); connect(): Promise<void> }
  export class PoolClient extends ClientBase { release(): void }
  export class Pool extends ClientBase { constructor(config?: object); connect(): Promise<PoolClient> }
  const pg: { Pool: typeof Pool; Client: typeof Client };
  export default pg;
}
declare module 'pg-promise' {
  export interface IDatabase<Ext = {}> {
    query<T = any>(query: string, values?: unknown): Promise<T>;
    one<T = any>(query: string, values?: unknown): Promise<T>;
    oneOrNone<T = any>(query: string, values?: unknown): Promise<T | null>;
    many<T = any>(query: string, values?: unknown): Promise<T[]>;
    manyOrNone<T = any>(query: string, values?: unknown): Promise<T[]>;
    any<T = any>(query: string, values?: unknown): Promise<T[]>;
    none(query: string, values?: unknown): Promise<null>;
    result(query: string, values?: unknown): Promise<{ rowCount: number }>;
    task<T>(callback: (t: IDatabase<Ext>) => Promise<T>): Promise<T>;
  }
  export interface IMain { (cn: string | object): IDatabase }
  export default function pgPromise(options?: object): IMain;
}
declare module 'postgres' {
  export interface Sql {
    <T = any>(strings: TemplateStringsArray, ...values: unknown[]): Promise<T[]>;
    unsafe<T = any>(query: string, parameters?: unknown[]): Promise<T[]>;
  }
  export default function postgres(url?: string, options?: object): Sql;
}
declare module 'mysql2/promise' {
  export interface Connection {
    query<T = any>(sql: string, values?: unknown): Promise<[T, unknown]>;
    query<T = any>(options: { sql: string; values?: unknown[]; rowsAsArray?: boolean }): Promise<[T, unknown]>;
    execute<T = any>(sql: string, values?: unknown): Promise<[T, unknown]>;
    escape(value: unknown): string;
  }
  export interface Pool extends Connection { getConnection(): Promise<PoolConnection> }
  export interface PoolConnection extends Connection { release(): void }
  export function createPool(config: object): Pool;
  export function createConnection(config: object): Promise<Connection>;
  export function escape(value: unknown): string;
}
declare module 'mysql' {
  export type QueryCallback = (err: Error | null, results?: any) => void;
  export interface Connection {
    query(sql: string, callback?: QueryCallback): void;
    query(sql: string, values: unknown, callback?: QueryCallback): void;
    escape(value: unknown): string;
  }
  export interface Pool extends Connection {}
  export function createPool(config: object): Pool;
  export function createConnection(config: object): Connection;
  export function escape(value: unknown): string;
}
declare module 'sqlite3' {
  export class Database {
    constructor(filename: string);
    run(sql: string, params?: unknown[], callback?: (err: Error | null) => void): this;
    get(sql: string, params: unknown[], callback: (err: Error | null, row: any) => void): this;
    get(sql: string, callback: (err: Error | null, row: any) => void): this;
    all(sql: string, params: unknown[], callback: (err: Error | null, rows: any[]) => void): this;
    all(sql: string, callback: (err: Error | null, rows: any[]) => void): this;
    exec(sql: string, callback?: (err: Error | null) => void): this;
  }
  export function verbose(): { Database: typeof Database };
}
declare module 'better-sqlite3' {
  namespace Database {
    interface Statement { run(...params: unknown[]): { changes: number }; get(...params: unknown[]): unknown; all(...params: unknown[]): unknown[] }
    interface Database { prepare(source: string): Statement; exec(source: string): this }
  }
  const Database: new (filename: string) => Database.Database;
  export default Database;
}
declare module 'mssql' {
  export class Request {
    input(name: string, value: unknown): Request;
    query<T = any>(command: string): Promise<{ recordset: T[] }>;
  }
  export class ConnectionPool {
    constructor(config: object);
    connect(): Promise<ConnectionPool>;
    request(): Request;
    query<T = any>(command: string): Promise<{ recordset: T[] }>;
  }
  export function connect(config: object | string): Promise<ConnectionPool>;
  const sql: { connect: typeof connect; ConnectionPool: typeof ConnectionPool; Request: typeof Request };
  export default sql;
}
declare module 'sequelize' {
  export interface QueryOptions { replacements?: unknown[] | Record<string, unknown>; bind?: unknown[]; type?: string }
  export class Sequelize {
    constructor(url: string);
    query(sql: string, options?: QueryOptions): Promise<[unknown[], unknown]>;
    escape(value: unknown): string;
    static literal(value: string): object;
  }
  export function literal(value: string): object;
}
declare module 'knex' {
  export namespace Knex {
    interface QueryBuilder {
      where(column: string | object, value?: unknown): QueryBuilder;
      whereRaw(sql: string, bindings?: unknown[]): QueryBuilder;
      orWhereRaw(sql: string, bindings?: unknown[]): QueryBuilder;
      orderByRaw(sql: string, bindings?: unknown[]): QueryBuilder;
      havingRaw(sql: string, bindings?: unknown[]): QueryBuilder;
      joinRaw(sql: string, bindings?: unknown[]): QueryBuilder;
      select(...columns: string[]): QueryBuilder;
      toQuery(): string;
      then(resolve: (rows: any[]) => void): void;
    }
  }
  export interface Knex {
    (table: string): Knex.QueryBuilder;
    raw(sql: string, bindings?: unknown[]): Promise<any>;
    ref(name: string): { toString(): string };
    transaction<T>(callback: (trx: Knex) => Promise<T>): Promise<T>;
  }
  export function knex(config: object): Knex;
  export default knex;
}
declare module 'typeorm' {
  export class SelectQueryBuilder<T> {
    where(condition: string, parameters?: Record<string, unknown>): this;
    andWhere(condition: string, parameters?: Record<string, unknown>): this;
    orWhere(condition: string, parameters?: Record<string, unknown>): this;
    orderBy(sort: string, order?: 'ASC' | 'DESC'): this;
    getMany(): Promise<T[]>;
  }
  export class EntityManager { query<T = any>(query: string, parameters?: unknown[]): Promise<T> }
  export class Repository<T> {
    createQueryBuilder(alias: string): SelectQueryBuilder<T>;
    query<R = any>(query: string, parameters?: unknown[]): Promise<R>;
  }
  export class DataSource {
    constructor(options: { type: string; url?: string });
    manager: EntityManager;
    query<T = any>(query: string, parameters?: unknown[]): Promise<T>;
    getRepository<T>(target: new () => T): Repository<T>;
  }
}
declare module '@prisma/client' {
  export namespace Prisma {
    interface Sql { sql: string }
    function sql(strings: TemplateStringsArray, ...values: unknown[]): Sql;
    function raw(text: string): Sql;
  }
  export class PrismaClient {
    $queryRaw<T = unknown>(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<T>;
    $executeRaw(query: TemplateStringsArray | Prisma.Sql, ...values: unknown[]): Promise<number>;
    $queryRawUnsafe<T = unknown>(query: string, ...values: unknown[]): Promise<T>;
    $executeRawUnsafe(query: string, ...values: unknown[]): Promise<number>;
  }
}
declare module 'kysely' {
  export interface RawBuilder<T> { readonly __raw: T }
  export interface Sql {
    <T = unknown>(strings: TemplateStringsArray, ...values: unknown[]): RawBuilder<T>;
    raw<T = unknown>(sql: string): RawBuilder<T>;
    lit<V>(value: V): RawBuilder<V>;
    val<V>(value: V): RawBuilder<V>;
  }
  export const sql: Sql;
}
declare module 'drizzle-orm' {
  export interface SQL { readonly __sql: true }
  export interface SqlTag {
    (strings: TemplateStringsArray, ...params: unknown[]): SQL;
    raw(str: string): SQL;
  }
  export const sql: SqlTag;
}
declare module '@mikro-orm/postgresql' {
  export class EntityManager { execute<T = any>(query: string, params?: unknown[]): Promise<T> }
}
declare module '@mikro-orm/core' {
  export function raw(sql: string, params?: unknown[]): object;
}
declare module 'slonik' {
  export interface SqlToken { sql: string }
  export const sql: { unsafe(strings: TemplateStringsArray, ...values: unknown[]): SqlToken; identifier(names: string[]): SqlToken };
  export interface DatabasePool { query(token: SqlToken): Promise<{ rows: unknown[] }> }
}
`;
