// Prisma schemas reach the data-model catalogue from every front end: the CLI's pass 1 (scanWorkspace) and the
// server's background indexer (the walk, then files changed on disk). A `.prisma` file is indexed, never analysed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine } from '../../../server/engine/analyzer';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';
import { scanWorkspace } from '../../../server/engine/workspace-scan';
import { WorkspaceIndexer } from '../../../server/lsp/workspace-indexer';

const SCHEMA = 'model User {\n  id Int @id @default(autoincrement())\n  email String\n}\n';

describe('indexing Prisma schemas', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-models-'));
    const write = (relative: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
      fs.writeFileSync(path.join(project, relative), text);
    };
    write('prisma/schema.prisma', SCHEMA);
    write('src/users.ts', `import { prisma } from './db';\nexport async function create(req, res) { res.json(await prisma.user.create({ data: req.body })); }\n`);
    write('src/health.ts', `export function health(req, res) { res.json({ ok: true }); }\n`);
  });
  after(() => fs.rmSync(project, { recursive: true, force: true }));

  it('apiguard scan: pass 1 indexes the schema without scanning it; touchesData marks the file that writes data', () => {
    const apiIndex = new WorkspaceIndex();
    const result = scanWorkspace(new Engine({ workspaceRoots: [project], apiIndex }), { paths: ['.'], root: project });
    assert.deepEqual(result.files.map((file) => path.relative(project, file.filePath)), ['src/health.ts', 'src/users.ts']);
    assert.deepEqual(result.skipped, []);
    const model = apiIndex.model();
    assert.deepEqual(model.dataModels.all.map((entry) => `${entry.name} ${entry.orm} ${path.relative(project, entry.declaredAt.filePath)}`), ['User prisma prisma/schema.prisma']);
    assert.equal(model.dataModels.prismaModel(path.join(project, 'src/users.ts'), 'user')?.name, 'User');
    assert.equal(model.touchesData(path.join(project, 'src/users.ts')), true);
    assert.equal(model.touchesData(path.join(project, 'src/health.ts')), false);
  });

  it("a test fixture's schema is indexed without models (not the product's)", () => {
    const index = new WorkspaceIndex({ isTestFile: (filePath) => filePath.includes('/fixtures/') });
    index.indexPrismaSchema('/repo/test/fixtures/schema.prisma', SCHEMA);
    index.indexPrismaSchema('/repo/prisma/schema.prisma', SCHEMA);
    index.markComplete();
    assert.deepEqual(index.model().dataModels.all.map((entry) => entry.declaredAt.filePath), [path.resolve('/repo/prisma/schema.prisma')]);
  });

  it('without an index, a scan does not read .prisma files at all', () => {
    const result = scanWorkspace(new Engine({ workspaceRoots: [project] }), { paths: ['.'], root: project });
    assert.deepEqual(result.files.map((file) => path.relative(project, file.filePath)), ['src/health.ts', 'src/users.ts']);
  });

  it('the server indexer walks the schema, then re-reads it when it changes on disk and drops it when deleted', async () => {
    const apiIndex = new WorkspaceIndex();
    const engine = new Engine({ workspaceRoots: [project], apiIndex });
    const indexer = new WorkspaceIndexer(engine, apiIndex, [project], new Map(), () => {}, () => {});
    indexer.start();
    await new Promise<void>((resolve) => indexer.whenFinished(resolve));
    const schemaPath = path.join(project, 'prisma/schema.prisma');
    assert.deepEqual(apiIndex.model().dataModels.all.map((entry) => entry.name), ['User']);
    fs.writeFileSync(schemaPath, `${SCHEMA}model Team {\n  id Int @id\n}\n`);
    indexer.reindexFromDisk(schemaPath);
    assert.deepEqual(apiIndex.model().dataModels.all.map((entry) => entry.name), ['User', 'Team']);
    fs.rmSync(schemaPath);
    indexer.reindexFromDisk(schemaPath);
    assert.deepEqual(apiIndex.model().dataModels.all, []);
    fs.writeFileSync(schemaPath, SCHEMA);
  });

  it('an open schema: the editor text is indexed (not the disk), and a change on disk is ignored while it is open', async () => {
    const apiIndex = new WorkspaceIndex();
    const engine = new Engine({ workspaceRoots: [project], apiIndex });
    const schemaPath = path.join(project, 'prisma/schema.prisma');
    const openTexts = new Map<string, string>();
    const indexer = new WorkspaceIndexer(engine, apiIndex, [project], openTexts, () => {}, () => {});
    indexer.start();
    await new Promise<void>((resolve) => indexer.whenFinished(resolve));
    const unsaved = 'model Member {\n  id Int @id\n}\n';
    openTexts.set(schemaPath, unsaved);
    indexer.indexOpenText(schemaPath, unsaved);
    assert.deepEqual(apiIndex.model().dataModels.all.map((entry) => entry.name), ['Member']);
    indexer.reindexFromDisk(schemaPath);
    assert.deepEqual(apiIndex.model().dataModels.all.map((entry) => entry.name), ['Member']);
    openTexts.delete(schemaPath);
    indexer.reindexFromDisk(schemaPath);
    assert.deepEqual(apiIndex.model().dataModels.all.map((entry) => entry.name), ['User']);
  });
});
