#!/usr/bin/env node
// Emacs 28 + Eglot 1.9 (Debian's `emacs-nox elpa-eglot`) drive dist/server.js in batch mode through
// test/e2e/emacs/drive.el; this script prepares a throwaway copy of the fixture workspace, runs it, and asserts
// what Emacs showed (Flymake diagnostics) and saved.
// usage: node test/e2e/run-emacs.mjs   (needs `npm run build` first; test:e2e does it)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkEditorResult, driverEnvironment, quickFix, readDriverResult } from './editor-check.mjs';
import { copyFixtureWorkspace, expected, makeTempDir, repoRoot, requireExecutable, serverBundle } from './support.mjs';

const FLYMAKE_SEVERITY = { 'eglot-error': 'error', 'eglot-warning': 'warning', 'eglot-note': 'info' };
const started = Date.now();
let tmp;
try {
  requireExecutable('emacs', 'install Debian emacs-nox and elpa-eglot (apt-get install -y emacs-nox elpa-eglot); .ci/run does');
  if (!fs.existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run npm run build`);
  const workspace = copyFixtureWorkspace((tmp = makeTempDir('emacs')));
  const home = path.dirname(workspace);
  const resultFile = path.join(home, 'result.json');
  // Debian's site-start puts elpa-eglot on the load path; -Q would skip it, so use --no-init-file with a clean HOME.
  const emacs = spawnSync('emacs', ['--batch', '--no-init-file', '-l', path.join(repoRoot, 'test/e2e/emacs/drive.el')], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      HOME: home,
      ...driverEnvironment(workspace, resultFile),
    },
  });
  const result = readDriverResult('Emacs', emacs, resultFile);
  // The fix's one confirmation: Eglot asks before the server's code edit, which touches the fixture file only.
  const prompts = result.edit_prompts ?? [];
  const fixture = path.join(workspace, expected.file);
  if (prompts.length !== 1 || !prompts[0].includes(fixture) || /\.env|\.gitignore/.test(prompts[0])) {
    throw new Error(`expected one edit confirmation naming ${fixture} only; got ${JSON.stringify(prompts)}`);
  }
  checkEditorResult({ diagnostics: result.diagnostics.map(fromFlymake), diagnosticsAfterFix: result.diagnostics_after_fix.map(fromFlymake), offered: result.offered }, workspace);
  assert.deepEqual(result.spec_diagnostics.map(fromFlymake), expected.spec.diagnostics, 'diagnostics of the YAML spec');
  fs.rmSync(home, { recursive: true, force: true });
  console.log(`[emacs-e2e] passed in ${((Date.now() - started) / 1000).toFixed(1)}s: ${expected.diagnostics.length} diagnostics, "${quickFix.title}" applied and saved; YAML spec diagnosed`);
} catch (error) {
  if (tmp) console.error(`kept ${tmp} for inspection`);
  console.error(`[emacs-e2e] FAILED after ${((Date.now() - started) / 1000).toFixed(1)}s: ${error.stack ?? error.message}`);
  process.exit(1);
}

/** Eglot shows "source [code]: message"; split it back so the shared expectations apply. */
function fromFlymake({ text, type, range }) {
  const match = /^apiguard \[([^\]]+)\]: ([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`Flymake diagnostic not from apiguard, or not in Eglot's "source [code]: message" form: ${JSON.stringify(text)}`);
  return { code: match[1], severity: FLYMAKE_SEVERITY[type] ?? type, message: match[2], range };
}
