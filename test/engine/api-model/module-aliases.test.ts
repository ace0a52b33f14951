// tsconfig/jsconfig `paths` and `baseUrl`: routers and guards imported through aliases are followed like relative
// imports.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ModuleAliases, aliasCandidates } from '../../../server/engine/api-model/module-aliases';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';

const ROOT = path.resolve('/repo');

function reader(files: Record<string, string>) {
  return { readFile: (filePath: string) => files[path.relative(ROOT, filePath).split(path.sep).join('/')] };
}

describe('module aliases', () => {
  it('reads paths (relative to baseUrl, else to the config), baseUrl, relative extends and comments', () => {
    const aliases = new ModuleAliases(reader({
      'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@lib/*": ["libs/*/src"] } } }',
      'apps/api/tsconfig.json': '// the API app\n{ "extends": "../../tsconfig.base.json", "compilerOptions": { "paths": { "@/*": ["./src/*"], "config": ["./src/config/index.ts"] } } }',
    }), [ROOT]);
    const config = aliases.forFile(path.join(ROOT, 'apps/api/src/routes/index.ts'))!;
    assert.equal(config.baseUrl, ROOT);
    // As TypeScript does: `paths` resolve against the (inherited) baseUrl when there is one.
    assert.deepEqual(aliasCandidates(config, '@/routes/admin'), [path.join(ROOT, 'src/routes/admin'), path.join(ROOT, '@/routes/admin')]);
    // A child's `paths` replaces its base's (not merged), as in TypeScript.
    assert.deepEqual(aliasCandidates(config, '@lib/auth'), [path.join(ROOT, '@lib/auth')]);
    const own = new ModuleAliases(reader({ 'apps/web/jsconfig.json': '{ "compilerOptions": { "paths": { "@/*": ["./src/*"] } } }' }), [ROOT]);
    assert.deepEqual(aliasCandidates(own.forFile(path.join(ROOT, 'apps/web/pages/api/x.js'))!, '@/lib/auth'), [path.join(ROOT, 'apps/web/src/lib/auth')]);
    assert.equal(aliases.forFile(path.join(ROOT, 'other/x.ts')), undefined);
  });

  it('links a router mounted through an alias, and a guard imported through baseUrl', () => {
    const aliases = new ModuleAliases(reader({ 'tsconfig.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@/*": ["src/*"] } } }' }), [ROOT]);
    const index = new WorkspaceIndex({ aliasesFor: (file) => aliases.forFile(file) });
    index.indexText(path.join(ROOT, 'src/app.ts'), "import express from 'express';\nimport admin from '@/routes/admin';\nimport { requireAdmin } from 'src/auth/admin';\nconst app = express();\napp.use('/admin', requireAdmin, admin);\n");
    index.indexText(path.join(ROOT, 'src/routes/admin.ts'), "import { Router } from 'express';\nconst router = Router();\nrouter.delete('/users/:id', (req, res) => res.end());\nexport default router;\n");
    index.indexText(path.join(ROOT, 'src/auth/admin.ts'), "export function requireAdmin(req: any, res: any, next: any) {\n  if (!req.user) return res.status(401).end();\n  if (req.user.role !== 'admin') return res.status(403).end();\n  next();\n}\n");
    index.markComplete();
    assert.deepEqual(index.model().routes.map((route) => `${route.method} ${route.path} ${route.auth.status} ${route.auth.status === 'authenticated' ? route.auth.by.name : ''}`), ['DELETE /admin/users/:id authenticated requireAdmin']);
  });
});
