// The data-model catalogue of the workspace index (server/engine/api-model/data-models/): per ORM, what models,
// fields, hidden fields, relations and generated/optional fields it knows, across files; and modelOfReceiver
// (rules/support/data-models.ts) for each receiver shape, with the traps that must find nothing.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { catalogueOf, describeModel, receiverIn } from './data-models-support';
import { modelOf } from './support';
import { parsePrismaSchema } from '../../../server/engine/api-model/data-models/prisma-schema';

const USER_SEQUELIZE = `const { DataTypes } = require('sequelize');
const sequelize = require('../db');
const User = sequelize.define('User', {
  email: { type: DataTypes.STRING, allowNull: false },
  password: DataTypes.STRING,
  isAdmin: { type: DataTypes.BOOLEAN, defaultValue: false },
}, { defaultScope: { attributes: { exclude: ['password'] } } });
module.exports = User;
`;

describe('Sequelize models', () => {
  it('define(): fields, implicit id and timestamps, defaultScope exclude → hidden; bound to module.exports', () => {
    const catalogue = catalogueOf({ 'models/user.js': USER_SEQUELIZE, 'routes/users.js': `const User = require('../models/user');\n` });
    assert.deepEqual(describeModel(catalogue.named('/workspace/routes/users.js', 'User')), [
      'User sequelize accessor=User @models/user.js:3',
      'id (number) generated optional',
      'email (string)',
      'password (string) optional hidden: defaultScope excludes it',
      'isAdmin (boolean) optional',
      'createdAt (Date) generated optional',
      'updatedAt (Date) generated optional',
    ]);
  });

  it('class User extends Model + User.init(…, { sequelize, modelName, timestamps: false }), an association and toJSON deleting a field', () => {
    const catalogue = catalogueOf({
      'models/user.ts': `import { Model, DataTypes } from 'sequelize';
import { sequelize } from './db';
import { Post } from './post';
export class User extends Model {
  declare email: string;
  toJSON() { const values = { ...this.get() }; delete values.passwordHash; return values; }
}
User.init({ email: DataTypes.STRING, passwordHash: { type: DataTypes.STRING, allowNull: false } }, { sequelize, modelName: 'user', timestamps: false });
User.hasMany(Post, { as: 'articles' });
`,
      'models/post.ts': `import { Model, DataTypes } from 'sequelize';
export class Post extends Model {}
Post.init({ title: DataTypes.TEXT }, { sequelize: db, tableName: 'posts' });
`,
      'app.ts': `import { User } from './models/user';\n`,
    });
    assert.deepEqual(describeModel(catalogue.named('/workspace/app.ts', 'User')), [
      'user sequelize accessor=user @models/user.ts:4',
      'id (number) generated optional',
      'email (string) optional',
      'passwordHash (string) hidden: toJSON() deletes it',
      'articles → Post optional',
    ]);
    assert.deepEqual(describeModel(catalogue.byName('Post'))?.[0], 'Post sequelize accessor=Post table=posts @models/post.ts:2');
  });

  it('sequelize-cli models/index.js: db.User, models.User and a plural default association name', () => {
    const files = {
      'models/index.js': `const fs = require('fs');
const Sequelize = require('sequelize');
const db = {};
fs.readdirSync(__dirname).forEach((file) => { const model = require('./' + file)(sequelize, Sequelize.DataTypes); db[model.name] = model; });
module.exports = db;
`,
      'models/user.js': `module.exports = (sequelize, DataTypes) => {
  const User = sequelize.define('User', { name: DataTypes.STRING });
  User.associate = (models) => { User.hasMany(models.Category); };
  return User;
};
`,
      'models/category.js': `module.exports = (sequelize, DataTypes) => sequelize.define('Category', { label: DataTypes.STRING });\n`,
      'routes/users.js': `const db = require('../models');\nconst models = require('../models');\n`,
    };
    const catalogue = catalogueOf(files);
    assert.deepEqual(describeModel(catalogue.named('/workspace/routes/users.js', 'db', ['User'])), [
      'User sequelize accessor=User @models/user.js:2',
      'id (number) generated optional',
      'name (string) optional',
      'createdAt (Date) generated optional',
      'updatedAt (Date) generated optional',
      'Categories → Category optional',
    ]);
    assert.equal(catalogue.named('/workspace/routes/users.js', 'models', ['Category'])?.name, 'Category');
    assert.equal(receiverIn({ ...files, 'routes/users.js': `const db = require('../models');\ndb.User.create(req.body);\n` }, 'routes/users.js', 'db.User'), 'User sequelize (the Sequelize model User (db.User))');
  });

  it("sequelize-cli's class style: a class inside the exported function, this.hasMany in static associate, toJSON in the class", () => {
    const catalogue = catalogueOf({
      'models/user.js': `'use strict';
const { Model } = require('sequelize');
module.exports = (sequelize, DataTypes) => {
  class User extends Model {
    static associate(models) { this.hasMany(models.Session, { as: 'sessions' }); this.belongsTo(models.Team); }
    toJSON() { const values = { ...this.get() }; delete values.password; return values; }
  }
  User.init({ email: DataTypes.STRING, password: DataTypes.STRING }, { sequelize, modelName: 'User' });
  return User;
};
`,
      'models/session.js': `module.exports = (sequelize, DataTypes) => sequelize.define('Session', { token: DataTypes.STRING });\n`,
    });
    assert.deepEqual(describeModel(catalogue.byName('User')), [
      'User sequelize accessor=User @models/user.js:4',
      'id (number) generated optional',
      'email (string) optional',
      'password (string) optional hidden: toJSON() deletes it',
      'createdAt (Date) generated optional',
      'updatedAt (Date) generated optional',
      'sessions → Session optional',
      'Team → Team optional',
    ]);
  });

  it('ESM: export default sequelize.define(…), read through a namespace import of an index that re-exports it under another name', () => {
    // The model is registered as Member and exported as User: only following the re-export finds it (no name fallback).
    const files = {
      'models/member.ts': `import { DataTypes } from 'sequelize';\nimport { sequelize } from '../db';\nexport default sequelize.define('Member', { name: DataTypes.STRING }, { timestamps: false });\n`,
      'models/index.ts': `export { default as User } from './member';\n`,
      'routes/users.ts': `import * as store from '../models';\nstore.User.create(body);\n`,
    };
    assert.equal(receiverIn(files, 'routes/users.ts', 'store.User'), 'Member sequelize (the Sequelize model Member (store.User))');
    assert.deepEqual(describeModel(catalogueOf(files).named('/workspace/routes/users.ts', 'store', ['User'])), ['Member sequelize accessor=Member @models/member.ts:3', 'id (number) generated optional', 'name (string) optional']);
  });

  it('a define() call outside Sequelize (no import, no DataTypes) is no model', () => {
    const catalogue = catalogueOf({ 'elements.js': `customElements.define('x-user', { connected: true });\nconst registry = { define() {} };\nregistry.define('User', { name: 'x' });\n` });
    assert.deepEqual(catalogue.all, []);
  });
});

describe('Mongoose models', () => {
  it('schema fields, select: false, toJSON transform, ref, timestamps; module.exports = mongoose.model(…)', () => {
    const catalogue = catalogueOf({
      'models/account.js': `const mongoose = require('mongoose');
const AccountSchema = new mongoose.Schema({
  name: String,
  password: { type: String, select: false },
  apiToken: { type: String, required: true },
  owner: { type: mongoose.Schema.Types.ObjectId, ref: 'User', required: true },
  tags: [String],
}, { timestamps: true });
AccountSchema.set('toJSON', { transform(doc, ret) { delete ret.apiToken; return ret; } });
module.exports = mongoose.model('Account', AccountSchema);
`,
      'routes/a.js': `const Account = require('../models/account');\n`,
    });
    assert.deepEqual(describeModel(catalogue.named('/workspace/routes/a.js', 'Account')), [
      'Account mongoose accessor=Account @models/account.js:10',
      '_id (Types.ObjectId) generated optional',
      'name (string) optional',
      'password (string) optional hidden: select: false',
      'apiToken (string) hidden: toJSON transform deletes it',
      'owner (Types.ObjectId) → User',
      'tags (string[]) optional',
      'createdAt (Date) generated optional',
      'updatedAt (Date) generated optional',
    ]);
  });

  it('a schema in one file and its model in another (ESM, model<IUser>), schema.methods.toJSON', () => {
    const catalogue = catalogueOf({
      'schemas/user.ts': `import { Schema } from 'mongoose';
export const UserSchema = new Schema({ email: { type: String, required: true }, salt: String });
UserSchema.methods.toJSON = function () { const obj = this.toObject(); delete obj.salt; return obj; };
`,
      'models/user.ts': `import { model } from 'mongoose';
import { UserSchema } from '../schemas/user';
export default model<IUser>('User', UserSchema);
`,
      'routes/u.ts': `import User from '../models/user';\n`,
    });
    assert.deepEqual(describeModel(catalogue.named('/workspace/routes/u.ts', 'User')), [
      'User mongoose accessor=User @models/user.ts:3',
      '_id (Types.ObjectId) generated optional',
      'email (string)',
      'salt (string) optional hidden: toJSON() deletes it',
    ]);
  });

  it('NestJS @Schema() class with @Prop({ select: false }) and @InjectModel(User.name)', () => {
    const files = {
      'users/user.schema.ts': `import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
@Schema({ timestamps: true })
export class User {
  @Prop({ required: true }) email: string;
  @Prop({ select: false }) password: string;
}
export const UserSchema = SchemaFactory.createForClass(User);
`,
      'users/users.service.ts': `import { InjectModel } from '@nestjs/mongoose';
import { Model } from 'mongoose';
import { User, UserDocument } from './user.schema';
export class UsersService {
  constructor(@InjectModel(User.name) private userModel: Model<UserDocument>) {}
  create(dto) { return this.userModel.create(dto); }
}
`,
    };
    assert.deepEqual(describeModel(catalogueOf(files).byName('User')), [
      'User mongoose accessor=User @users/user.schema.ts:2',
      '_id (Types.ObjectId) generated optional',
      'email (string)',
      'password (string) optional hidden: select: false',
      'createdAt (Date) generated optional',
      'updatedAt (Date) generated optional',
    ]);
    assert.equal(receiverIn(files, 'users/users.service.ts', 'this.userModel'), 'User mongoose (@InjectModel(User.name))');
  });
});

describe('Typegoose', () => {
  it('@prop classes are schemas; getModelForClass(User) is the model, bound to its export, read from another file', () => {
    const files = {
      'src/user.ts': `import { prop, getModelForClass, Ref } from '@typegoose/typegoose';
export class User {
  @prop({ required: true }) email!: string;
  @prop({ select: false }) password?: string;
  @prop({ ref: () => Team }) team?: Ref<Team>;
}
export const UserModel = getModelForClass(User);
`,
      'src/routes.ts': `import { UserModel } from './user';\nUserModel.create(body);\n`,
    };
    assert.deepEqual(describeModel(catalogueOf(files).named('/workspace/src/routes.ts', 'UserModel')), [
      'User mongoose accessor=User @src/user.ts:7',
      '_id (Types.ObjectId) generated optional',
      'email (string)',
      'password (string) optional hidden: select: false',
      'team (Ref<Team>) → Team optional',
    ]);
    assert.equal(receiverIn(files, 'src/routes.ts', 'UserModel', { occurrence: 1 }), 'User mongoose (the Mongoose model User)');
  });
});

describe('TypeORM and MikroORM entities', () => {
  const ENTITY = `import { Entity, Column, PrimaryGeneratedColumn, CreateDateColumn, OneToMany } from 'typeorm';
import { Exclude } from 'class-transformer';
import { Post } from './post.entity';
@Entity('users')
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column() email: string;
  @Column({ select: false }) password: string;
  @Exclude() @Column() salt: string;
  @Column({ default: false }) isAdmin: boolean;
  @Column({ nullable: true }) bio?: string;
  @CreateDateColumn() createdAt: Date;
  @OneToMany(() => Post, (post) => post.author) posts: Post[];
  fullName(): string { return this.email; }
}
`;

  it('columns, select: false, generated columns, relations; @Exclude() stays visible without a ClassSerializerInterceptor', () => {
    assert.deepEqual(describeModel(catalogueOf({ 'src/user.entity.ts': ENTITY }).declaredIn('/workspace/src/user.entity.ts', 'User')), [
      'User typeorm table=users @src/user.entity.ts:4',
      'id (number) generated optional',
      'email (string)',
      'password (string) hidden: select: false',
      'salt (string)',
      'isAdmin (boolean) optional',
      'bio (string) optional',
      'createdAt (Date) generated optional',
      'posts (Post[]) → Post optional',
    ]);
  });

  it('@Exclude() is hidden once the workspace registers ClassSerializerInterceptor (globally in main.ts)', () => {
    const catalogue = catalogueOf({
      'src/user.entity.ts': ENTITY,
      'src/main.ts': `import { ClassSerializerInterceptor } from '@nestjs/common';
async function bootstrap() { const app = await NestFactory.create(AppModule); app.useGlobalInterceptors(new ClassSerializerInterceptor(app.get(Reflector))); }
`,
    });
    assert.equal(catalogue.byName('User')?.fields.find((field) => field.name === 'salt')?.hiddenBy, '@Exclude() (with ClassSerializerInterceptor)');
  });

  it('ClassSerializerInterceptor on a controller (@UseInterceptors) or as an APP_INTERCEPTOR provider also counts; a mention alone does not', () => {
    const salt = (extra: Record<string, string>) => catalogueOf({ 'src/user.entity.ts': ENTITY, ...extra }).byName('User')?.fields.find((field) => field.name === 'salt')?.hiddenBy;
    assert.equal(salt({ 'src/users.controller.ts': `import { ClassSerializerInterceptor, Controller, UseInterceptors } from '@nestjs/common';
@Controller('users') @UseInterceptors(ClassSerializerInterceptor) export class UsersController {}
` }), '@Exclude() (with ClassSerializerInterceptor)');
    assert.equal(salt({ 'src/app.module.ts': `import { ClassSerializerInterceptor, Module } from '@nestjs/common';
import { APP_INTERCEPTOR } from '@nestjs/core';
@Module({ providers: [{ provide: APP_INTERCEPTOR, useClass: ClassSerializerInterceptor }] }) export class AppModule {}
` }), '@Exclude() (with ClassSerializerInterceptor)');
    assert.equal(salt({ 'src/notes.ts': `import { ClassSerializerInterceptor } from '@nestjs/common';
export const available = [ClassSerializerInterceptor];
` }), undefined);
  });

  it("base classes: a project's abstract base (another file) gives its columns; TypeORM's own BaseEntity gives none; an unknown base makes it partial", () => {
    const catalogue = catalogueOf({
      'src/common/base.ts': `import { PrimaryGeneratedColumn, CreateDateColumn } from 'typeorm';\nexport abstract class BaseModel { @PrimaryGeneratedColumn('uuid') id: string; @CreateDateColumn() createdAt: Date; }\n`,
      'src/user.entity.ts': `import { Entity, Column } from 'typeorm';\nimport { BaseModel } from './common/base';\n@Entity() export class User extends BaseModel { @Column({ select: false }) password: string; }\n`,
      'src/team.entity.ts': `import { BaseEntity, Entity, Column } from 'typeorm';\n@Entity() export class Team extends BaseEntity { @Column() name: string; }\n`,
      'src/note.entity.ts': `import { Entity, Column } from 'typeorm';\nimport { Audited } from 'some-audit-lib';\n@Entity() export class Note extends Audited { @Column() body: string; }\n`,
    });
    assert.deepEqual(catalogue.all.map((model) => describeModel(model)), [
      ['User typeorm @src/user.entity.ts:3', 'id (string) generated optional', 'createdAt (Date) generated optional', 'password (string) hidden: select: false'],
      ['Team typeorm @src/team.entity.ts:2', 'name (string)'],
      ['Note typeorm partial @src/note.entity.ts:3', 'body (string)'],
    ]);
  });

  it('MikroORM: hidden: true and lazy: true', () => {
    const catalogue = catalogueOf({
      'src/user.ts': `import { Entity, PrimaryKey, Property, ManyToOne } from '@mikro-orm/core';
@Entity()
export class User {
  @PrimaryKey() id!: number;
  @Property({ hidden: true }) password!: string;
  @Property({ lazy: true }) bio?: string;
  @ManyToOne(() => Team) team!: Team;
}
`,
    });
    assert.deepEqual(describeModel(catalogue.byName('User')), [
      'User mikro-orm @src/user.ts:2',
      'id (number)',
      'password (string) hidden: hidden: true',
      'bio (string) optional hidden: lazy: true',
      'team (Team) → Team optional',
    ]);
  });

  it('repositories: @InjectRepository, Repository<User> from typeorm, getRepository, dataSource.getRepository, manager.save(User, …)', () => {
    const files = {
      'src/user.entity.ts': ENTITY,
      'src/users.service.ts': `import { InjectRepository } from '@nestjs/typeorm';
import { Repository, DataSource } from 'typeorm';
import { User } from './user.entity';
import { AppDataSource } from './data-source';
export class UsersService {
  private readonly direct = AppDataSource.getRepository(User);
  constructor(@InjectRepository(User) private readonly usersRepository: Repository<User>, private readonly typed: Repository<User>, private dataSource: DataSource) {}
  a(body) { return this.usersRepository.save(body); }
  b(body) { return this.typed.save(body); }
  c(body) { return this.direct.save(body); }
  d(body) { const repo = this.dataSource.getRepository(User); return repo.save(body); }
  e(body) { return this.dataSource.manager.save(User, body); }
}
`,
    };
    assert.equal(receiverIn(files, 'src/users.service.ts', 'this.usersRepository'), 'User typeorm (@InjectRepository(User))');
    assert.equal(receiverIn(files, 'src/users.service.ts', 'this.typed'), 'User typeorm (Repository<User>)');
    assert.equal(receiverIn(files, 'src/users.service.ts', 'this.direct'), 'User typeorm (getRepository(User))');
    assert.equal(receiverIn(files, 'src/users.service.ts', 'repo'), 'User typeorm (getRepository(User))');
    assert.equal(receiverIn(files, 'src/users.service.ts', 'this.dataSource.manager.save', { call: true }), 'User typeorm (save(User, …) of an entity manager)');
  });

  it('a module-level repository: const usersRepo = AppDataSource.getRepository(User)', () => {
    const files = {
      'src/user.entity.ts': ENTITY,
      'src/routes.ts': `import { AppDataSource } from './data-source';\nimport { User } from './user.entity';\nconst usersRepo = AppDataSource.getRepository(User);\nexport const create = (req, res) => usersRepo.save(req.body);\n`,
    };
    assert.equal(receiverIn(files, 'src/routes.ts', 'usersRepo', { occurrence: 1 }), 'User typeorm (getRepository(User))');
  });

  it('trap: a Repository from another library is no model', () => {
    const files = {
      'src/user.entity.ts': ENTITY,
      'src/users.ts': `import { Repository } from './lib/ddd';
import { User } from './user.entity';
export class Users { constructor(private readonly repo: Repository<User>) {} save(body) { return this.repo.save(body); } }
`,
    };
    assert.equal(receiverIn(files, 'src/users.ts', 'this.repo'), undefined);
  });
});

describe('Drizzle tables', () => {
  it('pgTable columns: primary key, defaults, notNull; db.insert(users) is the table, db.insert(notATable) is not', () => {
    const files = {
      'db/schema.ts': `import { pgTable, serial, text, boolean, timestamp } from 'drizzle-orm/pg-core';
export const users = pgTable('users', {
  id: serial('id').primaryKey(),
  email: text('email').notNull(),
  role: text('role').default('user').notNull(),
  bio: text('bio'),
  createdAt: timestamp('created_at').defaultNow().notNull(),
});
`,
      'routes/users.ts': `import { db } from '../db';
import { users } from '../db/schema';
const notATable = { id: 1 };
db.insert(users).values(body);
db.insert(notATable).values(body);
`,
    };
    assert.deepEqual(describeModel(catalogueOf(files).named('/workspace/routes/users.ts', 'users')), [
      'users drizzle table=users @db/schema.ts:2',
      'id (number) generated optional',
      'email (string)',
      'role (string) optional',
      'bio (string) optional',
      'createdAt (Date) generated optional',
    ]);
    assert.equal(receiverIn(files, 'routes/users.ts', 'db.insert(users)'), 'users drizzle (insert(users) of Drizzle)');
    assert.equal(receiverIn(files, 'routes/users.ts', 'db.insert(notATable)'), undefined);
  });
});

const SCHEMA = `// the app's schema
datasource db {
  provider = "postgresql"
  url      = env("DATABASE_URL") // a comment with // inside
}

/// A user of the app
model User {
  id        Int      @id @default(autoincrement())
  email     String   @unique
  name      String?  // "display name"
  role      Role     @default(USER)
  password  String
  posts     Post[]
  updatedAt DateTime @updatedAt
  @@map("users")
}

model Post {
  id       String @id
  author   User   @relation(fields: [authorId], references: [id])
  authorId Int
}

enum Role {
  USER
  ADMIN
}
`;

describe('Prisma schema', () => {
  it('models, scalar and enum types, relations, @default/@updatedAt, @@map, comments', () => {
    const catalogue = catalogueOf({ 'prisma/schema.prisma': SCHEMA });
    assert.deepEqual(describeModel(catalogue.prismaModel('/workspace/src/routes/users.ts', 'user')), [
      'User prisma accessor=user table=users @prisma/schema.prisma:8',
      'id (number) generated optional',
      'email (string)',
      'name (string | null) optional',
      'role (Role) optional',
      'password (string)',
      'posts (Post[]) → Post optional',
      'updatedAt (Date) generated optional',
    ]);
    assert.deepEqual(describeModel(catalogue.prismaModel('/workspace/src/routes/users.ts', 'post')), [
      'Post prisma accessor=post table=Post @prisma/schema.prisma:19',
      'id (string)',
      'author (User) → User optional',
      'authorId (number)',
    ]);
    assert.equal(catalogue.prismaModel('/workspace/src/routes/users.ts', 'role'), undefined);
  });

  it('broken schema text never throws: an unclosed model ends at the next block or the end', () => {
    const catalogue = catalogueOf({ 'prisma/schema.prisma': 'model User {\n  id Int @id\n  email Str\nmodel Post {\n  title String\n' });
    assert.deepEqual(catalogue.all.map((model) => describeModel(model)), [
      ['User prisma accessor=user table=User @prisma/schema.prisma:1', 'id (number)', 'email (unknown)'],
      ['Post prisma accessor=post table=Post @prisma/schema.prisma:4', 'title (string)'],
    ]);
    for (const text of ['', '}', 'model', 'model {', 'model User', '@@map("x")', 'model User {\n @@map(\n', '\u0000\uFFFF']) {
      assert.doesNotThrow(() => catalogueOf({ 'schema.prisma': text }));
    }
    // Every cut of a real schema (what typing produces on the way) reads without throwing.
    for (let cut = 0; cut <= SCHEMA.length; cut += 7) {
      const text = SCHEMA.slice(0, cut) + SCHEMA.slice(cut + 13);
      assert.doesNotThrow(() => parsePrismaSchema('/workspace/schema.prisma', text), `cut at ${cut}`);
    }
  });

  it('imported clients: the index knows which workspace module makes one (any name), and which does not (a Drizzle db)', () => {
    const files = {
      'prisma/schema.prisma': SCHEMA,
      'src/lib/orm.ts': `import { PrismaClient } from '@prisma/client';\nexport const orm = new PrismaClient().$extends({});\n`,
      'src/lib/prisma.ts': `import { PrismaClient } from '@prisma/client';\nconst globalForPrisma = globalThis as any;\nconst prisma = globalForPrisma.prisma ?? new PrismaClient();\nexport default prisma;\n`,
      'src/lib/index.ts': `export { orm as database } from './orm';\n`,
      'src/lib/drizzle.ts': `import { drizzle } from 'drizzle-orm/node-postgres';\nexport const db = drizzle(pool);\n`,
      'src/a.ts': `import { orm } from './lib/orm';\nimport prisma from './lib/prisma';\nimport { database } from './lib';\nimport { db } from './lib/drizzle';\nimport { client } from 'some-package';\norm.user.create({ data });\nprisma.user.create({ data });\ndatabase.user.findMany();\ndb.user.findMany();\nclient.user.findMany();\n`,
    };
    assert.equal(receiverIn(files, 'src/a.ts', 'orm.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/a.ts', 'prisma.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/a.ts', 'database.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/a.ts', 'db.user'), undefined);
    // A package the index cannot look into: the conventional name decides.
    assert.equal(receiverIn(files, 'src/a.ts', 'client.user'), "User prisma (the Prisma client's user accessor)");
  });

  it('omit in the PrismaClient options hides a field of the schema the client file uses', () => {
    const catalogue = catalogueOf({
      'prisma/schema.prisma': SCHEMA,
      'src/db.ts': `import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient({ omit: { user: { password: true, email: false } } });\n`,
    });
    assert.deepEqual(catalogue.prismaModel('/workspace/src/users.ts', 'user')?.fields.filter((field) => field.hiddenBy).map((field) => `${field.name}: ${field.hiddenBy}`), ['password: omit in the PrismaClient options']);
  });

  it('receivers: prisma.user (new PrismaClient), an imported db, this.prisma in a Nest service, tx in $transaction', () => {
    const files = {
      'prisma/schema.prisma': SCHEMA,
      'src/db.ts': `import { PrismaClient } from '@prisma/client';\nexport const prisma = new PrismaClient();\n`,
      'src/a.ts': `import { PrismaClient } from '@prisma/client';\nconst client = new PrismaClient();\nclient.user.create({ data: body });\n`,
      'src/b.ts': `import { prisma } from './db';\nprisma.post.findMany();\nprisma.$queryRaw\`x\`;\n`,
      'src/c.ts': `import { PrismaService } from './prisma.service';
export class UsersService {
  constructor(private readonly prismaService: PrismaService) {}
  create(data) { return this.prismaService.user.create({ data }); }
  many() { return this.prismaService.$transaction(async (tx) => tx.user.findMany()); }
}
`,
      'src/d.ts': `const cache = new Map();\ncache.user;\n`,
    };
    assert.equal(receiverIn(files, 'src/a.ts', 'client.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/b.ts', 'prisma.post'), "Post prisma (the Prisma client's post accessor)");
    assert.equal(receiverIn(files, 'src/c.ts', 'this.prismaService.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/c.ts', 'tx.user'), "User prisma (the Prisma client's user accessor)");
    assert.equal(receiverIn(files, 'src/d.ts', 'cache.user'), undefined);
  });
});

describe('modelOfReceiver traps', () => {
  it('a variable named User that is not a model, in the file and as a local', () => {
    const files = {
      'models/user.js': USER_SEQUELIZE,
      'a.js': `const User = { findAll() { return []; } };\nUser.findAll();\n`,
      'b.js': `const User = require('./models/user');\nfunction f() { const User = makeFake(); return User.create(body); }\n`,
    };
    assert.equal(receiverIn(files, 'a.js', 'User'), undefined);
    assert.equal(receiverIn(files, 'b.js', 'User'), 'User sequelize (the Sequelize model User)');
    assert.equal(receiverIn(files, 'b.js', 'User', { occurrence: 2 }), undefined);
  });
});

describe('more declaration shapes', () => {
  it('sequelize-typescript @Table class: columns, @DefaultScope exclude, @HasMany, @CreatedAt; exported by default', () => {
    const catalogue = catalogueOf({
      'models/user.model.ts': `import { Table, Column, Model, PrimaryKey, AutoIncrement, HasMany, DefaultScope, CreatedAt, DataType } from 'sequelize-typescript';
@DefaultScope(() => ({ attributes: { exclude: ['password'] } }))
@Table({ tableName: 'users', timestamps: false })
export default class User extends Model {
  @PrimaryKey @AutoIncrement @Column id: number;
  @Column({ allowNull: false }) email: string;
  @Column password: string;
  @CreatedAt joinedAt: Date;
  @HasMany(() => Post) posts: Post[];
  helper: string;
}
`,
      'app.ts': `import User from './models/user.model';\n`,
    });
    assert.deepEqual(describeModel(catalogue.named('/workspace/app.ts', 'User')), [
      'User sequelize accessor=User table=users @models/user.model.ts:2',
      'id (number) generated optional',
      'email (string)',
      'password (string) optional hidden: defaultScope excludes it',
      'joinedAt (Date) generated optional',
      'posts (Post[]) → Post optional',
    ]);
  });

  it('attributes or a schema definition built elsewhere make a partial model (never claim a field is absent)', () => {
    const catalogue = catalogueOf({
      'models/user.js': `const { DataTypes } = require('sequelize');\nconst attributes = require('./attributes');\nmodule.exports = sequelize.define('User', attributes);\n`,
      'models/team.js': `const mongoose = require('mongoose');\nconst fields = { name: String };\nmodule.exports = mongoose.model('Team', new mongoose.Schema({ ...fields, slug: String }));\n`,
    });
    assert.deepEqual(catalogue.all.map((model) => describeModel(model)![0]), [
      'User sequelize accessor=User partial @models/user.js:3',
      'Team mongoose accessor=Team partial @models/team.js:3',
    ]);
    assert.deepEqual(catalogue.byName('Team')?.fields.map((field) => field.name), ['_id', 'slug']);
  });

  it('TypeORM EntitySchema: columns, select: false, generated, relations', () => {
    const catalogue = catalogueOf({
      'src/user.schema.ts': `import { EntitySchema } from 'typeorm';
export const UserSchema = new EntitySchema({
  name: 'User',
  tableName: 'users',
  columns: { id: { type: Number, primary: true, generated: true }, password: { type: String, select: false }, bio: { type: String, nullable: true } },
  relations: { team: { type: 'many-to-one', target: 'Team' } },
});
`,
    });
    assert.deepEqual(describeModel(catalogue.byName('User')), [
      'User typeorm table=users @src/user.schema.ts:2',
      'id generated optional',
      'password hidden: select: false',
      'bio optional',
      'team → Team optional',
    ]);
  });

  it('Objection: jsonSchema fields (required), relationMappings, $formatJson deleting a field; User.query() receivers', () => {
    const files = {
      'models/user.js': `const { Model } = require('objection');
class User extends Model {
  static get tableName() { return 'users'; }
  static jsonSchema = { type: 'object', required: ['email'], properties: { id: { type: 'integer' }, email: { type: 'string' }, password: { type: 'string' } } };
  static relationMappings = { pets: { relation: Model.HasManyRelation, modelClass: Pet } };
  $formatJson(json) { json = super.$formatJson(json); delete json.password; return json; }
}
module.exports = User;
`,
      'routes/users.js': `const User = require('../models/user');\nUser.query().insert(req.body);\n`,
    };
    assert.deepEqual(describeModel(catalogueOf(files).byName('User')), [
      'User objection table=users @models/user.js:2',
      'id (number) optional',
      'email (string)',
      'password (string) optional hidden: $formatJson() deletes it',
      'pets → Pet optional',
    ]);
    assert.equal(receiverIn(files, 'routes/users.js', 'User.query()'), 'User objection (User.query())');
  });

  it('Drizzle mysqlTable with the callback form, and sqliteTable; a table that is not exported still counts in its file', () => {
    const catalogue = catalogueOf({
      'db/schema.ts': `import { mysqlTable } from 'drizzle-orm/mysql-core';
import { sqliteTable, integer, text } from 'drizzle-orm/sqlite-core';
export const accounts = mysqlTable('accounts', (t) => ({ id: t.int().primaryKey().autoincrement(), apiKey: t.varchar({ length: 64 }).notNull() }));
const notes = sqliteTable('notes', { id: integer('id').primaryKey(), body: text('body') });
`,
    });
    assert.deepEqual(catalogue.all.map((model) => describeModel(model)), [
      ['accounts drizzle table=accounts @db/schema.ts:3', 'id (number) generated optional', 'apiKey (string)'],
      ['notes drizzle table=notes @db/schema.ts:4', 'id (number)', 'body (string) optional'],
    ]);
  });

  it('re-exports: export { User } from, export * is not followed blindly, sequelize.models.User', () => {
    const files = {
      'models/user.ts': `import { Model, DataTypes } from 'sequelize';\nexport class User extends Model {}\nUser.init({ name: DataTypes.STRING }, { sequelize });\n`,
      'models/index.ts': `export { User } from './user';\nexport { User as Account } from './user';\n`,
      'routes/a.ts': `import { User, Account } from '../models';\nimport { sequelize } from '../db';\nsequelize.models.User.findAll();\n`,
    };
    const catalogue = catalogueOf(files);
    assert.equal(catalogue.named('/workspace/routes/a.ts', 'User')?.name, 'User');
    assert.equal(catalogue.named('/workspace/routes/a.ts', 'Account')?.name, 'User');
    assert.equal(receiverIn(files, 'routes/a.ts', 'sequelize.models.User'), 'User sequelize (the Sequelize model User (sequelize.models.User))');
  });
});

describe('Prisma schema selection', () => {
  it('multi-file prisma/schema/*.prisma is one schema; in a monorepo each package gets its nearest one', () => {
    const catalogue = catalogueOf({
      'apps/api/prisma/schema/user.prisma': 'model User {\n  id Int @id\n  posts Post[]\n}\n',
      'apps/api/prisma/schema/post.prisma': 'model Post {\n  id Int @id\n  author User @relation(fields: [authorId], references: [id])\n  authorId Int\n}\n',
      'apps/admin/schema.prisma': 'model Admin {\n  id Int @id\n}\nmodel User {\n  id String @id @default(uuid())\n}\n',
    });
    assert.equal(catalogue.prismaModel('/workspace/apps/api/src/users.ts', 'post')?.name, 'Post');
    assert.equal(catalogue.prismaModel('/workspace/apps/api/src/users.ts', 'admin'), undefined);
    assert.equal(catalogue.prismaModel('/workspace/apps/admin/src/admins.ts', 'admin')?.name, 'Admin');
    assert.deepEqual(describeModel(catalogue.prismaModel('/workspace/apps/admin/src/admins.ts', 'user')), ['User prisma accessor=user table=User @apps/admin/schema.prisma:4', 'id (string) generated optional']);
    // A file under neither package: two schemas, none nearer, so none applies.
    assert.equal(catalogue.prismaModel('/workspace/scripts/seed.ts', 'user'), undefined);
  });
});

describe('FileSummary.dataAccess (touchesData)', () => {
  it('set by ORM reads and writes and by new on a model; not by responses alone or new of a local non-model', () => {
    const model = modelOf({
      'models/user.js': USER_SEQUELIZE,
      'a.js': `const User = require('./models/user');\nasync function h(req, res) { res.json(await User.findAll()); }\n`,
      'b.js': `import { User } from './models/user';\nexport function h(req, res) { const user = new User(req.body); res.end(); }\n`,
      'c.js': `export function h(req, res) { res.status(200).json({ ok: true }); }\n`,
      'd.js': `class Thing {}\nexport function h(req, res) { res.send(new Thing()); }\n`,
    }).index.model();
    assert.deepEqual(['a.js', 'b.js', 'c.js', 'd.js'].map((file) => model.touchesData(`/workspace/${file}`)), [true, true, false, false]);
  });

  it('not set by ORM-named methods of caches, arrays and services, nor by new of an imported class without arguments; set by an ORM import in a file that declares no model, and by a distinctive ORM method on any receiver', () => {
    const model = modelOf({
      'models/user.js': USER_SEQUELIZE,
      'cache.ts': `import { Store } from './store';
export class Cache {
  private readonly entries = new Map<string, unknown>();
  private readonly store = new Store();
  drop(key: string) { this.entries.delete(key); return [1, 2].find((n) => n > 1); }
}
`,
      'repo.ts': `import { Repository } from 'typeorm';
export class Users {
  constructor(private readonly users: Repository<object>) {}
  list() { return this.users.find(); }
}
`,
      'chain.js': `const User = require('./models/user');
exports.h = async () => User.findAll().then((rows) => rows);
`,
      'lower.js': `const people = require('./models/user');
exports.h = async (id) => people.findByPk(id);
`,
    }).index.model();
    assert.deepEqual(['cache.ts', 'repo.ts', 'chain.js', 'lower.js', 'models/user.js'].map((file) => model.touchesData(`/workspace/${file}`)), [false, true, true, true, false]);
  });
});

describe('more receivers', () => {
  const files = {
    'models/user.js': USER_SEQUELIZE,
    'src/user.entity.ts': `import { Entity, Column } from 'typeorm';\n@Entity() export class Person { @Column() name: string; }\n`,
    'db/schema.ts': `import { pgTable, serial } from 'drizzle-orm/pg-core';\nexport const users = pgTable('users', { id: serial('id').primaryKey() });\n`,
    'src/a.ts': `import { db } from '../db';
import { DataSource } from 'typeorm';
import { Person } from './user.entity';
const cache = {};
cache.User.create(body);
db.query.users.findMany();
db.query.sessions.findMany();
export class People {
  private repo;
  constructor(private readonly dataSource: DataSource) { this.repo = dataSource.getRepository(Person); }
  save(body) { return this.repo.save(body); }
}
`,
  };

  it('a local object is no registry (cache.User); Drizzle relational queries (db.query.users); a repository assigned in the constructor', () => {
    assert.equal(receiverIn(files, 'src/a.ts', 'cache.User'), undefined);
    assert.equal(receiverIn(files, 'src/a.ts', 'db.query.users'), 'users drizzle (db.query.users of Drizzle)');
    assert.equal(receiverIn(files, 'src/a.ts', 'db.query.sessions'), undefined);
    assert.equal(receiverIn(files, 'src/a.ts', 'this.repo'), 'Person typeorm (getRepository(Person))');
  });
});
