// Declarations of the modules that orm-typecheck cannot take from node_modules: Prisma's generated client (its
// generator downloads engines, so it cannot run offline) for a small fixed schema, and the web frameworks and
// validation libraries handlers use. Shapes follow each project's documentation, reduced to what rule tests need.

/** Prisma 6 generated client for `User { id, email, name, password, role, isAdmin, createdAt, posts }` and `Post`. */
const PRISMA_CLIENT = `
declare module '@prisma/client' {
  export type Role = 'USER' | 'ADMIN';
  export const Role: { USER: 'USER'; ADMIN: 'ADMIN' };
  export type User = { id: number; email: string; name: string | null; password: string; role: Role; isAdmin: boolean; createdAt: Date };
  export type Post = { id: number; title: string; content: string | null; authorId: number };

  export namespace Prisma {
    type Enumerable<T> = T | Array<T>;
    /** Keys of T not in the allowed shape U become never, so a stray argument key is an error (as in the generated client). */
    type SelectSubset<T, U> = { [K in keyof T]: K extends keyof U ? T[K] : never } &
      (T extends { select: unknown; include: unknown } ? 'Please either choose \`select\` or \`include\`.' :
       T extends { select: unknown; omit: unknown } ? 'Please either choose \`select\` or \`omit\`.' : {});
    type Truthy<V> = V extends false | undefined | null ? false : true;

    type StringFilter = { equals?: string; in?: string[]; not?: string | StringFilter; contains?: string; startsWith?: string; endsWith?: string };
    type IntFilter = { equals?: number; in?: number[]; not?: number | IntFilter; lt?: number; lte?: number; gt?: number; gte?: number };
    type StringFieldUpdateOperationsInput = { set?: string };
    type IntFieldUpdateOperationsInput = { set?: number; increment?: number; decrement?: number; multiply?: number; divide?: number };
    type BatchPayload = { count: number };

    type UserSelect = { id?: boolean; email?: boolean; name?: boolean; password?: boolean; role?: boolean; isAdmin?: boolean; createdAt?: boolean; posts?: boolean | PostFindManyArgs };
    type UserOmit = { id?: boolean; email?: boolean; name?: boolean; password?: boolean; role?: boolean; isAdmin?: boolean; createdAt?: boolean };
    type UserInclude = { posts?: boolean | PostFindManyArgs };
    type UserWhereUniqueInput = { id?: number; email?: string } & UserWhereInput;
    type UserWhereInput = { AND?: Enumerable<UserWhereInput>; OR?: UserWhereInput[]; NOT?: Enumerable<UserWhereInput>; id?: IntFilter | number; email?: StringFilter | string; name?: StringFilter | string | null; role?: Role; isAdmin?: boolean };
    type UserOrderByInput = { [K in keyof User]?: 'asc' | 'desc' };
    type UserCreateInput = { email: string; name?: string | null; password: string; role?: Role; isAdmin?: boolean; createdAt?: Date | string; posts?: { create?: Enumerable<PostCreateWithoutAuthorInput>; connect?: Enumerable<PostWhereUniqueInput> } };
    type UserUncheckedCreateInput = { id?: number } & UserCreateInput;
    type UserCreateManyInput = { id?: number; email: string; name?: string | null; password: string; role?: Role; isAdmin?: boolean; createdAt?: Date | string };
    type UserUpdateInput = { email?: string | StringFieldUpdateOperationsInput; name?: string | StringFieldUpdateOperationsInput | null; password?: string | StringFieldUpdateOperationsInput; role?: Role; isAdmin?: boolean; createdAt?: Date | string; posts?: { create?: Enumerable<PostCreateWithoutAuthorInput>; connect?: Enumerable<PostWhereUniqueInput>; disconnect?: Enumerable<PostWhereUniqueInput> } };
    type UserUncheckedUpdateInput = { id?: number | IntFieldUpdateOperationsInput } & UserUpdateInput;
    type UserUpdateManyMutationInput = Omit<UserUpdateInput, 'posts'>;

    type UserFindUniqueArgs = { where: UserWhereUniqueInput; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserFindFirstArgs = { where?: UserWhereInput; orderBy?: Enumerable<UserOrderByInput>; skip?: number; take?: number; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserFindManyArgs = UserFindFirstArgs;
    type UserCreateArgs = { data: UserCreateInput | UserUncheckedCreateInput; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserUpdateArgs = { where: UserWhereUniqueInput; data: UserUpdateInput | UserUncheckedUpdateInput; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserUpsertArgs = { where: UserWhereUniqueInput; create: UserCreateInput | UserUncheckedCreateInput; update: UserUpdateInput | UserUncheckedUpdateInput; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserDeleteArgs = { where: UserWhereUniqueInput; select?: UserSelect | null; omit?: UserOmit | null; include?: UserInclude | null };
    type UserCreateManyArgs = { data: Enumerable<UserCreateManyInput>; skipDuplicates?: boolean };
    type UserUpdateManyArgs = { where?: UserWhereInput; data: UserUpdateManyMutationInput; limit?: number };

    /** The record a User call returns: select picks fields, omit drops them, include adds relations. */
    type UserGetPayload<A> =
      A extends { select: infer S } ? (S extends object ? { [K in keyof S as Truthy<S[K]> extends true ? K : never]: K extends 'posts' ? Post[] : K extends keyof User ? User[K] : never } : User) :
      (A extends { omit: infer O } ? Omit<User, { [K in keyof O]: Truthy<O[K]> extends true ? K : never }[keyof O]> : User) &
      (A extends { include: { posts: infer P } } ? (Truthy<P> extends true ? { posts: Post[] } : {}) : {});

    type PostSelect = { id?: boolean; title?: boolean; content?: boolean; authorId?: boolean; author?: boolean | { select?: UserSelect; omit?: UserOmit } };
    type PostOmit = { id?: boolean; title?: boolean; content?: boolean; authorId?: boolean };
    type PostInclude = { author?: boolean | { select?: UserSelect; omit?: UserOmit } };
    type PostWhereUniqueInput = { id?: number } & PostWhereInput;
    type PostWhereInput = { AND?: Enumerable<PostWhereInput>; OR?: PostWhereInput[]; id?: IntFilter | number; title?: StringFilter | string; authorId?: IntFilter | number; author?: UserWhereInput };
    type PostCreateWithoutAuthorInput = { title: string; content?: string | null };
    type PostCreateInput = PostCreateWithoutAuthorInput & { author: { connect?: UserWhereUniqueInput; create?: UserCreateInput } };
    type PostUncheckedCreateInput = PostCreateWithoutAuthorInput & { id?: number; authorId: number };
    type PostUpdateInput = { title?: string | StringFieldUpdateOperationsInput; content?: string | StringFieldUpdateOperationsInput | null; author?: { connect?: UserWhereUniqueInput } };
    type PostUncheckedUpdateInput = { id?: number; title?: string; content?: string | null; authorId?: number };
    type PostFindUniqueArgs = { where: PostWhereUniqueInput; select?: PostSelect | null; omit?: PostOmit | null; include?: PostInclude | null };
    type PostFindManyArgs = { where?: PostWhereInput; skip?: number; take?: number; select?: PostSelect | null; omit?: PostOmit | null; include?: PostInclude | null };
    type PostCreateArgs = { data: PostCreateInput | PostUncheckedCreateInput; select?: PostSelect | null; omit?: PostOmit | null; include?: PostInclude | null };
    type PostUpdateArgs = { where: PostWhereUniqueInput; data: PostUpdateInput | PostUncheckedUpdateInput; select?: PostSelect | null; omit?: PostOmit | null; include?: PostInclude | null };
    type PostUpsertArgs = { where: PostWhereUniqueInput; create: PostCreateInput | PostUncheckedCreateInput; update: PostUpdateInput | PostUncheckedUpdateInput; select?: PostSelect | null; omit?: PostOmit | null; include?: PostInclude | null };
    type PostDeleteArgs = { where: PostWhereUniqueInput; select?: PostSelect | null };
    type PostCreateManyArgs = { data: Enumerable<PostUncheckedCreateInput>; skipDuplicates?: boolean };
    type PostUpdateManyArgs = { where?: PostWhereInput; data: PostUncheckedUpdateInput };
    type PostGetPayload<A> =
      A extends { select: infer S } ? (S extends object ? { [K in keyof S as Truthy<S[K]> extends true ? K : never]: K extends 'author' ? User : K extends keyof Post ? Post[K] : never } : Post) :
      (A extends { omit: infer O } ? Omit<Post, { [K in keyof O]: Truthy<O[K]> extends true ? K : never }[keyof O]> : Post) &
      (A extends { include: { author: infer P } } ? (Truthy<P> extends true ? { author: User } : {}) : {});
  }

  export interface UserDelegate {
    findUnique<T extends Prisma.UserFindUniqueArgs>(args: Prisma.SelectSubset<T, Prisma.UserFindUniqueArgs>): Promise<Prisma.UserGetPayload<T> | null>;
    findUniqueOrThrow<T extends Prisma.UserFindUniqueArgs>(args: Prisma.SelectSubset<T, Prisma.UserFindUniqueArgs>): Promise<Prisma.UserGetPayload<T>>;
    findFirst<T extends Prisma.UserFindFirstArgs>(args?: Prisma.SelectSubset<T, Prisma.UserFindFirstArgs>): Promise<Prisma.UserGetPayload<T> | null>;
    findMany<T extends Prisma.UserFindManyArgs>(args?: Prisma.SelectSubset<T, Prisma.UserFindManyArgs>): Promise<Array<Prisma.UserGetPayload<T>>>;
    create<T extends Prisma.UserCreateArgs>(args: Prisma.SelectSubset<T, Prisma.UserCreateArgs>): Promise<Prisma.UserGetPayload<T>>;
    update<T extends Prisma.UserUpdateArgs>(args: Prisma.SelectSubset<T, Prisma.UserUpdateArgs>): Promise<Prisma.UserGetPayload<T>>;
    upsert<T extends Prisma.UserUpsertArgs>(args: Prisma.SelectSubset<T, Prisma.UserUpsertArgs>): Promise<Prisma.UserGetPayload<T>>;
    delete<T extends Prisma.UserDeleteArgs>(args: Prisma.SelectSubset<T, Prisma.UserDeleteArgs>): Promise<Prisma.UserGetPayload<T>>;
    createMany<T extends Prisma.UserCreateManyArgs>(args?: Prisma.SelectSubset<T, Prisma.UserCreateManyArgs>): Promise<Prisma.BatchPayload>;
    updateMany<T extends Prisma.UserUpdateManyArgs>(args: Prisma.SelectSubset<T, Prisma.UserUpdateManyArgs>): Promise<Prisma.BatchPayload>;
    count(args?: { where?: Prisma.UserWhereInput }): Promise<number>;
  }
  export interface PostDelegate {
    findUnique<T extends Prisma.PostFindUniqueArgs>(args: Prisma.SelectSubset<T, Prisma.PostFindUniqueArgs>): Promise<Prisma.PostGetPayload<T> | null>;
    findFirst<T extends Prisma.PostFindManyArgs>(args?: Prisma.SelectSubset<T, Prisma.PostFindManyArgs>): Promise<Prisma.PostGetPayload<T> | null>;
    findMany<T extends Prisma.PostFindManyArgs>(args?: Prisma.SelectSubset<T, Prisma.PostFindManyArgs>): Promise<Array<Prisma.PostGetPayload<T>>>;
    create<T extends Prisma.PostCreateArgs>(args: Prisma.SelectSubset<T, Prisma.PostCreateArgs>): Promise<Prisma.PostGetPayload<T>>;
    update<T extends Prisma.PostUpdateArgs>(args: Prisma.SelectSubset<T, Prisma.PostUpdateArgs>): Promise<Prisma.PostGetPayload<T>>;
    upsert<T extends Prisma.PostUpsertArgs>(args: Prisma.SelectSubset<T, Prisma.PostUpsertArgs>): Promise<Prisma.PostGetPayload<T>>;
    delete<T extends Prisma.PostDeleteArgs>(args: Prisma.SelectSubset<T, Prisma.PostDeleteArgs>): Promise<Prisma.PostGetPayload<T>>;
    createMany<T extends Prisma.PostCreateManyArgs>(args?: Prisma.SelectSubset<T, Prisma.PostCreateManyArgs>): Promise<Prisma.BatchPayload>;
    updateMany<T extends Prisma.PostUpdateManyArgs>(args: Prisma.SelectSubset<T, Prisma.PostUpdateManyArgs>): Promise<Prisma.BatchPayload>;
  }
  export class PrismaClient {
    constructor(options?: { log?: Array<'query' | 'info' | 'warn' | 'error'>; omit?: { user?: Prisma.UserOmit; post?: Prisma.PostOmit } });
    user: UserDelegate;
    post: PostDelegate;
    $connect(): Promise<void>;
    $disconnect(): Promise<void>;
    $transaction<R>(fn: (tx: Omit<PrismaClient, '$connect' | '$disconnect' | '$transaction'>) => Promise<R>): Promise<R>;
  }
}
`;

/** Web frameworks: request data is untyped (`any`) as it is in each framework's own declarations by default. */
const WEB_FRAMEWORKS = `
declare module 'express' {
  export interface Request { body: any; query: any; params: any; headers: Record<string, string | string[] | undefined>; cookies: any; user?: any }
  export interface Response { status(code: number): Response; json(body?: unknown): Response; send(body?: unknown): Response; sendStatus(code: number): Response; end(): Response; locals: Record<string, any> }
  export type NextFunction = (err?: unknown) => void;
  export type RequestHandler = (req: Request, res: Response, next: NextFunction) => unknown;
  type Route = (path: string, ...handlers: RequestHandler[]) => Router;
  export interface Router { get: Route; post: Route; put: Route; patch: Route; delete: Route; all: Route; use(...handlers: Array<string | RequestHandler | Router>): Router }
  export interface Application extends Router { listen(port: number, callback?: () => void): unknown }
  interface Express { (): Application; Router(): Router; json(): RequestHandler }
  const express: Express;
  export function Router(): Router;
  export function json(): RequestHandler;
  export default express;
}
declare module 'fastify' {
  export interface FastifyRequest<R = {}> { body: any; query: any; params: any; headers: Record<string, string | string[] | undefined>; user?: any }
  export interface FastifyReply { code(status: number): FastifyReply; status(status: number): FastifyReply; send(payload?: unknown): FastifyReply }
  type Handler = (request: FastifyRequest, reply: FastifyReply) => unknown;
  type Route = (path: string, optsOrHandler: object | Handler, handler?: Handler) => FastifyInstance;
  export interface FastifyInstance { get: Route; post: Route; put: Route; patch: Route; delete: Route; register(plugin: unknown, opts?: object): FastifyInstance; listen(opts: { port: number }): Promise<string> }
  export type FastifyPluginAsync = (instance: FastifyInstance, opts: object) => Promise<void>;
  export default function fastify(opts?: object): FastifyInstance;
}
declare module 'koa' {
  namespace Koa { interface Context { request: { body?: any; query: any }; params: any; query: any; body: unknown; status: number; state: any; throw(status: number, message?: string): never } type Next = () => Promise<unknown> }
  class Koa { use(middleware: (ctx: Koa.Context, next: Koa.Next) => unknown): this; listen(port: number): unknown }
  export = Koa;
}
declare module 'hono' {
  export interface HonoRequest { json<T = any>(): Promise<T>; param(name: string): string; query(name: string): string | undefined; valid(target: string): any }
  export interface Context { req: HonoRequest; json(body: unknown, status?: number): Response; text(text: string, status?: number): Response; get(key: string): any }
  type Handler = (c: Context, next: () => Promise<void>) => Response | Promise<Response | void> | void;
  type Route = (path: string, ...handlers: Handler[]) => Hono;
  export class Hono { get: Route; post: Route; put: Route; patch: Route; delete: Route; route(path: string, app: Hono): Hono; use(...handlers: Array<string | Handler>): Hono }
}
declare module 'next/server' {
  export class NextRequest extends Request { nextUrl: URL & { searchParams: URLSearchParams } }
  export class NextResponse<B = unknown> extends Response { static json<B>(body: B, init?: { status?: number; headers?: Record<string, string> }): NextResponse<B> }
}
`;

/** NestJS and the validation libraries: decorators are factories returning the standard decorator types. */
const NEST_AND_VALIDATION = `
declare module '@nestjs/common' {
  type Method = (path?: string | string[]) => MethodDecorator;
  export const Controller: (prefix?: string) => ClassDecorator;
  export const Injectable: () => ClassDecorator;
  export const Module: (metadata: { imports?: unknown[]; controllers?: unknown[]; providers?: unknown[]; exports?: unknown[] }) => ClassDecorator;
  export const Get: Method; export const Post: Method; export const Put: Method; export const Patch: Method; export const Delete: Method;
  export const Body: (property?: string, ...pipes: unknown[]) => ParameterDecorator;
  export const Param: (property?: string, ...pipes: unknown[]) => ParameterDecorator;
  export const Query: (property?: string, ...pipes: unknown[]) => ParameterDecorator;
  export const Req: () => ParameterDecorator;
  export const UseGuards: (...guards: unknown[]) => MethodDecorator & ClassDecorator;
  export const UseInterceptors: (...interceptors: unknown[]) => MethodDecorator & ClassDecorator;
  export const UsePipes: (...pipes: unknown[]) => MethodDecorator & ClassDecorator;
  export class ValidationPipe { constructor(options?: { whitelist?: boolean; forbidNonWhitelisted?: boolean; transform?: boolean }) }
  export class ParseIntPipe {}
  export class ClassSerializerInterceptor {}
  export class NotFoundException extends Error { constructor(message?: string) }
  export class HttpException extends Error { constructor(response: string | object, status: number) }
}
declare module '@nestjs/typeorm' {
  import type { EntityTarget, ObjectLiteral } from 'typeorm';
  export const InjectRepository: (entity: EntityTarget<ObjectLiteral>) => ParameterDecorator;
  export const TypeOrmModule: { forFeature(entities: unknown[]): unknown; forRoot(options?: object): unknown };
}
declare module '@nestjs/mongoose' {
  import type { Schema as MongooseSchema } from 'mongoose';
  export const InjectModel: (name: string) => ParameterDecorator;
  export const Schema: (options?: object) => ClassDecorator;
  export const Prop: (options?: object) => PropertyDecorator;
  export const SchemaFactory: { createForClass(target: Function): MongooseSchema };
  export const MongooseModule: { forFeature(models: Array<{ name: string; schema: MongooseSchema }>): unknown; forRoot(uri: string): unknown };
}
declare module 'class-validator' {
  type Check = (options?: object) => PropertyDecorator;
  export const IsString: Check; export const IsEmail: Check; export const IsOptional: Check; export const IsNotEmpty: Check;
  export const IsInt: Check; export const IsBoolean: Check;
  export const MinLength: (min: number, options?: object) => PropertyDecorator;
  export const IsIn: (values: readonly unknown[], options?: object) => PropertyDecorator;
  export function validate(object: object, options?: { whitelist?: boolean; forbidNonWhitelisted?: boolean }): Promise<Array<{ property: string }>>;
}
declare module 'class-transformer' {
  export const Exclude: (options?: { toPlainOnly?: boolean }) => PropertyDecorator & ClassDecorator;
  export const Expose: (options?: { name?: string; groups?: string[] }) => PropertyDecorator & ClassDecorator;
  export function plainToInstance<T>(cls: new (...args: any[]) => T, plain: object, options?: { excludeExtraneousValues?: boolean }): T;
  export function instanceToPlain(object: object, options?: { groups?: string[] }): Record<string, unknown>;
}
declare module 'joi' {
  interface ValidationResult<T> { value: T; error?: Error & { details: Array<{ message: string }> } }
  interface AnySchema<T = any> { required(): this; optional(): this; validate(value: unknown, options?: { stripUnknown?: boolean; allowUnknown?: boolean }): ValidationResult<T>; validateAsync(value: unknown, options?: { stripUnknown?: boolean }): Promise<T> }
  interface StringSchema extends AnySchema<string> { email(): this; min(limit: number): this; max(limit: number): this; valid(...values: string[]): this }
  interface NumberSchema extends AnySchema<number> { integer(): this; min(limit: number): this }
  interface ObjectSchema<T = any> extends AnySchema<T> { keys(schema: Record<string, AnySchema>): this; unknown(allow?: boolean): this }
  interface Root { string(): StringSchema; number(): NumberSchema; boolean(): AnySchema<boolean>; object<T = any>(schema?: Record<string, AnySchema>): ObjectSchema<T> }
  const Joi: Root;
  export = Joi;
}
declare module 'lodash' {
  interface LoDashStatic {
    pick<T extends object, K extends keyof T>(object: T, ...paths: Array<K | readonly K[]>): Pick<T, K>;
    pick(object: object | null | undefined, ...paths: Array<string | readonly string[]>): Record<string, any>;
    omit<T extends object, K extends keyof T>(object: T, ...paths: Array<K | readonly K[]>): Omit<T, K>;
    omit(object: object | null | undefined, ...paths: Array<string | readonly string[]>): Record<string, any>;
    merge<A, B>(object: A, source: B): A & B;
    assign<A, B>(object: A, source: B): A & B;
  }
  const _: LoDashStatic;
  export = _;
}
`;

/** One ambient declaration file, included in every program orm-typecheck builds. */
export const ORM_TEST_DECLARATIONS = PRISMA_CLIENT + WEB_FRAMEWORKS + NEST_AND_VALIDATION;

/** Module names these declarations provide: resolution must not look for them in node_modules. */
export const DECLARED_MODULES: ReadonlySet<string> = new Set(
  [...ORM_TEST_DECLARATIONS.matchAll(/^declare module '([^']+)'/gm)].map((match) => match[1]!),
);
