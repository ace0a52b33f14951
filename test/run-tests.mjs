// Runs every test/**/*.test.ts with Node's built-in runner (TypeScript through tsx). Node 20 has no test globs.
// Usage: node test/run-tests.mjs [substring filter…]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const filters = process.argv.slice(2);
const skipDirs = new Set(['node_modules', 'fixtures', 'e2e', 'bench']);
const files = [];
(function collect(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (entry.isDirectory()) {
      if (!skipDirs.has(entry.name)) collect(join(dir, entry.name));
    } else if (entry.name.endsWith('.test.ts')) {
      files.push(relative(root, join(dir, entry.name)));
    }
  }
})(join(root, 'test'));
const selected = files.filter((file) => filters.length === 0 || filters.some((f) => file.includes(f))).sort();
if (selected.length === 0) {
  console.error('no test files matched');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...selected], { cwd: root, stdio: 'inherit' });
process.exit(result.status ?? 1);
