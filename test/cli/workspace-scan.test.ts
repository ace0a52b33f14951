// scanWorkspace in-process: the pieces the server's report command relies on beyond what the CLI tests show.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { Engine, type FileSystemReader } from '../../server/engine/analyzer';
import { ConfigError } from '../../server/engine/config';
import { createScanReader, ScanPathError, scanWorkspace } from '../../server/engine/workspace-scan';
import { copyFixture, removeDir, writeFile } from './support';

describe('scanWorkspace', () => {
  let project: string;
  before(() => {
    project = copyFixture('project');
  });
  after(() => removeDir(project));

  const relative = (files: { filePath: string }[]) => files.map((file) => path.relative(project, file.filePath));

  it('walks in sorted order and reports analysed files, lines and findings', () => {
    const result = scanWorkspace(new Engine({ workspaceRoots: [project] }), { paths: ['.'], root: project });
    assert.deepEqual(relative(result.files), ['src/app.ts', 'src/clean.js', 'src/nested/kept.ts', 'src/routes/users.ts']);
    assert.equal(result.linesScanned, 26);
    assert.deepEqual(
      result.files.map((file) => file.findings.map((finding) => `${finding.ruleId}@${finding.range.start.line + 1}`)),
      [['unused-suppression@7'], [], [], ['unused-suppression@6']],
    );
    assert.equal(result.cancelled, false);
    assert.deepEqual(result.skipped, []);
  });

  it('stops when cancelled and says so', () => {
    const analysed: string[] = [];
    const result = scanWorkspace(new Engine({ workspaceRoots: [project] }), { paths: ['.'], root: project, onFile: (file) => analysed.push(file.filePath), isCancelled: () => analysed.length >= 2 });
    assert.deepEqual(relative(result.files), ['src/app.ts', 'src/clean.js']);
    assert.equal(result.cancelled, true);
  });

  it('reports progress per analysed file', () => {
    const seen: string[] = [];
    scanWorkspace(new Engine({ workspaceRoots: [project] }), { paths: ['src/routes', 'src/app.ts'], root: project, onFile: (file) => seen.push(path.relative(project, file.filePath)) });
    assert.deepEqual(seen, ['src/routes/users.ts', 'src/app.ts']);
  });

  it('names a missing path, skips an explicit non-script file with a reason, analyses a file given twice once', () => {
    const engine = new Engine({ workspaceRoots: [project] });
    assert.throws(() => scanWorkspace(engine, { paths: ['src', 'missing'], root: project }), (error: unknown) => error instanceof ScanPathError && error.message === 'path not found: missing');
    const result = scanWorkspace(engine, { paths: ['apiguard.json', 'src/app.ts', './src/app.ts', 'src'], root: project });
    assert.deepEqual(result.skipped, [{ filePath: path.join(project, 'apiguard.json'), reason: 'skipped: not a JavaScript, TypeScript or OpenAPI file' }]);
    assert.deepEqual(relative(result.files), ['src/app.ts', 'src/clean.js', 'src/nested/kept.ts', 'src/routes/users.ts']);
  });

  it('follows git precedence: a nested .gitignore can re-include what a parent ignores, a parent folder rule prunes', () => {
    const dir = copyFixture('project');
    try {
      fs.appendFileSync(path.join(dir, '.gitignore'), '*.gen.ts\nlegacy/\n');
      writeFile(dir, 'src/api/.gitignore', '!routes.gen.ts\n');
      writeFile(dir, 'src/api/routes.gen.ts', 'export const routes = [];\n');
      writeFile(dir, 'src/api/models.gen.ts', 'export const models = [];\n');
      writeFile(dir, 'src/other.gen.ts', 'export const other = 1;\n');
      writeFile(dir, 'legacy/.gitignore', '!*.ts\n');
      writeFile(dir, 'legacy/old.ts', 'export const old = 1;\n');
      const result = scanWorkspace(new Engine({ workspaceRoots: [dir] }), { paths: ['.'], root: dir });
      assert.deepEqual(
        result.files.map((file) => path.relative(dir, file.filePath)),
        ['src/api/routes.gen.ts', 'src/app.ts', 'src/clean.js', 'src/nested/kept.ts', 'src/routes/users.ts'],
      );
    } finally {
      removeDir(dir);
    }
  });

  it('throws the ConfigError of an invalid apiguard.json for the caller to report', () => {
    const dir = copyFixture('project');
    try {
      writeFile(dir, 'src/apiguard.json', '{ "ignore": "vendor" }');
      assert.throws(
        () => scanWorkspace(new Engine({ workspaceRoots: [dir] }), { paths: ['.'], root: dir }),
        (error: unknown) => error instanceof ConfigError && error.configPath === path.join(dir, 'src/apiguard.json'),
      );
    } finally {
      removeDir(dir);
    }
  });
});

describe('createScanReader', () => {
  it('asks the disk once per path, within a text budget', () => {
    const calls: string[] = [];
    const base: FileSystemReader = {
      readFile: (filePath) => (calls.push(`read ${filePath}`), filePath === '/big' ? 'x'.repeat(100) : filePath === '/small' ? 'abc' : undefined),
      fileExists: (filePath) => (calls.push(`exists ${filePath}`), filePath !== '/none'),
    };
    const reader = createScanReader(50, base);
    assert.equal(reader.fileExists('/none'), false);
    assert.equal(reader.fileExists('/none'), false);
    assert.equal(reader.readFile('/small'), 'abc');
    assert.equal(reader.readFile('/small'), 'abc');
    assert.equal(reader.readFile('/missing'), undefined);
    assert.equal(reader.readFile('/missing'), undefined);
    assert.equal(reader.readFile('/big')!.length, 100);
    assert.equal(reader.readFile('/big')!.length, 100);
    assert.deepEqual(calls, ['exists /none', 'read /small', 'read /missing', 'read /big', 'read /big']);
  });

  it('reads real files', () => {
    const reader = createScanReader();
    const file = path.join(__dirname, 'support.ts');
    assert.equal(reader.fileExists(file), true);
    assert.equal(reader.readFile(file), fs.readFileSync(file, 'utf8'));
  });
});
