#!/usr/bin/env node
// `npm run test:e2e`: every editor end-to-end test, in sequence, against one fresh build. Each editor runs even if
// an earlier one failed, and any failure (including an editor that cannot start) fails the whole run with its
// reason: nothing is skipped.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot, run } from './support.mjs';

const suites = [
  { name: 'Neovim 0.7 (built-in LSP client)', script: 'run-neovim.mjs' },
  { name: 'Emacs 28 + Eglot 1.9', script: 'run-emacs.mjs' },
  // Packages the .vsix itself (npm run package), installs it into a throwaway extensions dir and runs the suite.
  { name: 'VS Code 1.139 extension host via code-server (packaged .vsix)', script: 'run-code-server.mjs' },
];

const started = Date.now();
run('npm', ['run', '--silent', 'build']);
const outcomes = [];
for (const suite of suites) {
  const suiteStarted = Date.now();
  console.log(`\n=== ${suite.name} ===`);
  const result = spawnSync(process.execPath, [path.join(repoRoot, 'test/e2e', suite.script)], { cwd: repoRoot, stdio: 'inherit' });
  const seconds = ((Date.now() - suiteStarted) / 1000).toFixed(1);
  outcomes.push({ ...suite, passed: result.status === 0, detail: result.error?.message ?? `exit ${result.status ?? result.signal}`, seconds });
}
console.log(`\n=== editor end-to-end tests (${((Date.now() - started) / 1000).toFixed(1)}s) ===`);
for (const outcome of outcomes) console.log(`${outcome.passed ? 'PASS' : 'FAIL'}  ${outcome.name} (${outcome.seconds}s${outcome.passed ? '' : `, ${outcome.detail}`})`);
process.exit(outcomes.every((outcome) => outcome.passed) ? 0 : 1);
