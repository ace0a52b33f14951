// modelOfReceiver's checker fallback and modelOfValueType: when syntax cannot place a receiver (a factory of the
// project's own, a Prisma client held somewhere unusual), its type names the model: a type argument, a Prisma
// delegate, or a type declared by Prisma's generated client.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { walkPreorder } from '../../../rules/support/ast';
import { FileIndex } from '../../../rules/support/dataflow';
import { modelOfReceiver, modelOfValueType } from '../../../rules/support/data-models';
import { catalogueOf } from './data-models-support';
import { ROOT } from './support';

const ENTITY = `import { Entity, Column, PrimaryGeneratedColumn } from 'typeorm';
@Entity()
export class User {
  @PrimaryGeneratedColumn() id: number;
  @Column({ select: false }) password: string;
}
`;

const GENERATED_CLIENT = `export type Account = { id: number; apiKey: string };
export declare namespace Prisma {
  interface AccountDelegate { create(args: { data: Partial<Account> }): Promise<Account>; findMany(): Promise<Account[]>; }
}
export declare class PrismaClient { account: Prisma.AccountDelegate; }
`;

/** A program over in-memory files (paths under ROOT), and the node whose text is `text` in `file`. */
function programOf(files: Record<string, string>): { program: ts.Program; checker: ts.TypeChecker } {
  const absolute = new Map(Object.entries(files).map(([relative, text]) => [path.join(ROOT, relative), text]));
  const options: ts.CompilerOptions = { target: ts.ScriptTarget.ES2022, module: ts.ModuleKind.CommonJS, moduleResolution: ts.ModuleResolutionKind.Node10, strict: true, experimentalDecorators: true, lib: ['lib.es2022.d.ts'], types: [] };
  const host = ts.createCompilerHost(options);
  const { getSourceFile, fileExists, readFile } = host;
  // The workspace from memory; TypeScript's own lib files from disk.
  host.getSourceFile = (fileName, target, ...rest) => (absolute.has(fileName) ? ts.createSourceFile(fileName, absolute.get(fileName)!, target, true) : fileName.startsWith(ROOT) ? undefined : getSourceFile(fileName, target, ...rest));
  host.fileExists = (fileName) => absolute.has(fileName) || (!fileName.startsWith(ROOT) && fileExists(fileName));
  host.readFile = (fileName) => absolute.get(fileName) ?? (fileName.startsWith(ROOT) ? undefined : readFile(fileName));
  host.directoryExists = () => true;
  host.getCurrentDirectory = () => ROOT;
  const program = ts.createProgram([...absolute.keys()].filter((fileName) => !fileName.includes('node_modules')), options, host);
  return { program, checker: program.getTypeChecker() };
}

function expressionIn(program: ts.Program, file: string, text: string): { node: ts.Expression; sourceFile: ts.SourceFile } {
  const sourceFile = program.getSourceFile(path.join(ROOT, file))!;
  let found: ts.Expression | undefined;
  walkPreorder(sourceFile, (node) => {
    if (!found && ts.isExpression(node) && node.getText(sourceFile) === text) found = node;
  });
  assert.ok(found, `no ${text} in ${file}`);
  return { node: found, sourceFile };
}

describe('modelOfReceiver with the checker', () => {
  const files = {
    'src/user.entity.ts': ENTITY,
    'src/lib/repo.ts': `export interface Repo<T> { save(value: Partial<T>): Promise<T>; }\nexport declare function makeRepo<T>(): Repo<T>;\n`,
    'src/users.service.ts': `import { makeRepo } from './lib/repo';
import { User } from './user.entity';
import { PrismaClient } from '.prisma/client';
const holder = { client: new PrismaClient() };
export async function create(body: Partial<User>) {
  const repo = makeRepo<User>();
  const saved = await repo.save(body);
  await holder.client.account.create({ data: {} });
  const all = await holder.client.account.findMany();
  return [saved, all];
}
`,
    'node_modules/.prisma/client/index.d.ts': GENERATED_CLIENT,
    'prisma/schema.prisma': 'model Account {\n  id Int @id @default(autoincrement())\n  apiKey String\n}\n',
    'node_modules/typeorm/index.d.ts': 'export declare const Entity: any, Column: any, PrimaryGeneratedColumn: any;\n',
  };
  const catalogue = catalogueOf(Object.fromEntries(Object.entries(files).filter(([file]) => !file.startsWith('node_modules'))));
  const { program, checker } = programOf(files);
  const lookupFor = (sourceFile: ts.SourceFile) => ({ filePath: sourceFile.fileName, sourceFile, index: new FileIndex(sourceFile), models: catalogue });

  it('a factory of the project returning Repo<User>: syntax finds nothing, the type argument names the entity', () => {
    const { node, sourceFile } = expressionIn(program, 'src/users.service.ts', 'repo');
    assert.equal(modelOfReceiver(node, lookupFor(sourceFile)), undefined);
    const found = modelOfReceiver(node, lookupFor(sourceFile), checker);
    assert.deepEqual(found && [found.model.name, found.orm, found.how], ['User', 'typeorm', 'its type Repo<User>']);
  });

  it('a Prisma client held in an object: the accessor type Prisma.AccountDelegate names the model', () => {
    const { node, sourceFile } = expressionIn(program, 'src/users.service.ts', 'holder.client.account');
    assert.equal(modelOfReceiver(node, lookupFor(sourceFile)), undefined);
    const found = modelOfReceiver(node, lookupFor(sourceFile), checker);
    assert.deepEqual(found && [found.model.name, found.orm, found.how], ['Account', 'prisma', 'its type AccountDelegate']);
  });

  it('modelOfValueType: an entity, an awaited array of generated Prisma records; a plain object type is none', () => {
    const { node: saved } = expressionIn(program, 'src/users.service.ts', 'saved');
    const { node: all } = expressionIn(program, 'src/users.service.ts', 'all');
    const { node: body } = expressionIn(program, 'src/users.service.ts', 'holder');
    assert.equal(modelOfValueType(checker.getTypeAtLocation(saved), checker, catalogue)?.name, 'User');
    assert.equal(modelOfValueType(checker.getTypeAtLocation(all), checker, catalogue)?.name, 'Account');
    assert.equal(modelOfValueType(checker.getTypeAtLocation(body), checker, catalogue), undefined);
  });
});
