import * as fs from 'node:fs';
import * as path from 'node:path';
import { it } from 'node:test';
import { Engine } from '../../server/engine/analyzer';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { fullRecordResponse } from '../../rules/full-record-response';
import { missingAuth } from '../../rules/missing-auth';
it('bench', () => {
  const root = path.resolve(__dirname, '../../examples');
  const files = ['src/routes/users.ts', 'src/routes/auth.ts', 'src/app.ts', 'src/routes/account.ts', 'src/models/user.ts', 'src/models/index.ts', 'src/middleware/auth.ts', 'src/config.ts'].map((f) => path.join(root, f));
  for (const rules of [[missingAuth], [fullRecordResponse]]) {
    const apiIndex = new WorkspaceIndex();
    for (const f of files) apiIndex.indexText(f, fs.readFileSync(f, 'utf8'));
    apiIndex.markComplete();
    const engine = new Engine({ rules, workspaceRoots: [root], apiIndex });
    const target = files[0]!;
    let text = fs.readFileSync(target, 'utf8');
    engine.analyze(target, text, {});
    const times: number[] = [];
    for (let i = 0; i < 200; i++) {
      text = text.replace(/\/\/ Safe: admins only\.[ x]*/, `// Safe: admins only. ${'x'.repeat(i % 5)}`);
      const t = performance.now();
      engine.analyze(target, text, {});
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    console.log(rules[0]!.meta.id, 'p50', times[100]!.toFixed(2), 'p95', times[190]!.toFixed(2));
  }
});
