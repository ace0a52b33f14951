#!/usr/bin/env node
// Neovim 0.7 (Debian's `neovim`) drives dist/server.js headless through test/e2e/neovim/drive.lua; this script
// prepares a throwaway copy of the fixture workspace, runs it, and asserts what Neovim showed and saved.
// usage: node test/e2e/run-neovim.mjs [--keep]   (needs `npm run build` first; test:e2e does it)
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { checkEditorResult, driverEnvironment, quickFix, readDriverResult } from './editor-check.mjs';
import { copyFixtureWorkspace, expected, makeTempDir, repoRoot, requireExecutable, serverBundle } from './support.mjs';

const started = Date.now();
let tmp;
try {
  requireExecutable('nvim', 'install Debian neovim (apt-get install -y neovim); .ci/run does');
  if (!fs.existsSync(serverBundle)) throw new Error(`${serverBundle} is missing: run npm run build`);
  const workspace = copyFixtureWorkspace((tmp = makeTempDir('nvim')));
  const resultFile = path.join(path.dirname(workspace), 'result.json');
  const nvim = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${path.join(repoRoot, 'test/e2e/neovim/drive.lua')}`], {
    cwd: workspace,
    encoding: 'utf8',
    timeout: 120_000,
    env: {
      ...process.env,
      HOME: path.dirname(workspace),
      XDG_CONFIG_HOME: path.join(path.dirname(workspace), 'config'),
      XDG_DATA_HOME: path.join(path.dirname(workspace), 'data'),
      XDG_STATE_HOME: path.join(path.dirname(workspace), 'state'),
      XDG_CACHE_HOME: path.join(path.dirname(workspace), 'cache'),
      ...driverEnvironment(workspace, resultFile),
    },
  });
  const result = readDriverResult('Neovim', nvim, resultFile);
  checkEditorResult({ diagnostics: result.diagnostics.map(withoutSource), diagnosticsAfterFix: result.diagnostics_after_fix.map(withoutSource), offered: result.offered }, workspace);
  for (const d of [...result.diagnostics, ...result.spec_diagnostics]) if (d.source !== 'apiguard') throw new Error(`unexpected diagnostic source ${d.source}`);
  // The spec buffer got filetype yaml from Neovim's detection, and the client attached to it by that filetype.
  if (result.spec_filetype !== 'yaml') throw new Error(`the spec buffer's filetype is "${result.spec_filetype}", expected yaml`);
  assert.deepEqual(result.spec_diagnostics.map(withoutSource), expected.spec.diagnostics, 'diagnostics of the YAML spec');
  fs.rmSync(path.dirname(workspace), { recursive: true, force: true });
  console.log(`[neovim-e2e] passed in ${((Date.now() - started) / 1000).toFixed(1)}s: ${expected.diagnostics.length} diagnostics, "${quickFix.title}" applied and saved; YAML spec diagnosed`);
} catch (error) {
  if (tmp) console.error(`kept ${tmp} for inspection`);
  console.error(`[neovim-e2e] FAILED after ${((Date.now() - started) / 1000).toFixed(1)}s: ${error.stack ?? error.message}`);
  process.exit(1);
}

function withoutSource({ source, ...rest }) {
  return rest;
}
