// resolveWorkspaceModule: the workspace file a specifier names, for rules that follow values into other modules.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { AliasConfig } from '../../server/engine/api-model/module-aliases';
import { resolveWorkspaceModule, type ModuleResolutionHost } from '../../server/engine/module-resolution';

const ROOT = path.resolve('/ws/app');

function host(files: string[], aliases?: AliasConfig): ModuleResolutionHost {
  const existing = new Set(files.map((file) => path.join(ROOT, file)));
  return { fileExists: (filePath) => existing.has(filePath), aliasesFor: () => aliases, boundaryFor: () => ROOT };
}

const FROM = path.join(ROOT, 'src/routes/users.ts');

describe('resolveWorkspaceModule', () => {
  it('resolves relative specifiers with TS/JS suffixes, index files and the .js name of a .ts file', () => {
    const files = ['src/db.ts', 'src/models/index.js', 'src/pool.ts'];
    assert.equal(resolveWorkspaceModule(host(files), FROM, '../db'), path.join(ROOT, 'src/db.ts'));
    assert.equal(resolveWorkspaceModule(host(files), FROM, '../models'), path.join(ROOT, 'src/models/index.js'));
    assert.equal(resolveWorkspaceModule(host(files), FROM, '../pool.js'), path.join(ROOT, 'src/pool.ts'));
    assert.equal(resolveWorkspaceModule(host(files), FROM, './missing'), undefined);
  });

  it('resolves paths aliases and baseUrl, and leaves packages alone', () => {
    const aliases: AliasConfig = { baseUrl: ROOT, paths: [{ prefix: '@/', suffix: '', wildcard: true, targets: [path.join(ROOT, 'src/*')] }] };
    const files = ['src/lib/db.ts'];
    assert.equal(resolveWorkspaceModule(host(files, aliases), FROM, '@/lib/db'), path.join(ROOT, 'src/lib/db.ts'));
    assert.equal(resolveWorkspaceModule(host(files, aliases), FROM, 'src/lib/db'), path.join(ROOT, 'src/lib/db.ts'));
    assert.equal(resolveWorkspaceModule(host(files, aliases), FROM, 'pg'), undefined);
    assert.equal(resolveWorkspaceModule(host(files), FROM, '@/lib/db'), undefined, 'no alias config: a package');
  });

  it('names no file outside the boundary or under node_modules, and no non-script file', () => {
    const aliases: AliasConfig = { paths: [{ prefix: '@shared/', suffix: '', wildcard: true, targets: [path.resolve(ROOT, '../shared/*')] }, { prefix: '@vendor/', suffix: '', wildcard: true, targets: [path.join(ROOT, 'node_modules/vendor/*')] }] };
    const existing = new Set([path.resolve(ROOT, '../shared/db.ts'), path.join(ROOT, 'node_modules/vendor/db.ts'), path.join(ROOT, 'src/data.json')]);
    const outside: ModuleResolutionHost = { fileExists: (filePath) => existing.has(filePath), aliasesFor: () => aliases, boundaryFor: () => ROOT };
    assert.equal(resolveWorkspaceModule(outside, FROM, '@shared/db'), undefined);
    assert.equal(resolveWorkspaceModule(outside, FROM, '../../../shared/db'), undefined);
    assert.equal(resolveWorkspaceModule(outside, FROM, '@vendor/db'), undefined);
    assert.equal(resolveWorkspaceModule(outside, FROM, '../data.json'), undefined);
  });
});
