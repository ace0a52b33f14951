// Checks what a plain LSP editor (Neovim, Emacs) showed and saved against test/e2e/fixtures/expected.json, so
// every editor meets the same expectations as the VS Code suite.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expected, serverBundle } from './support.mjs';

/** The quick fix every plain-LSP editor applies: its target diagnostic and expected results. */
export const quickFix = { ...expected.quickFix, target: expected.diagnostics[expected.quickFix.diagnostic] };

/**
 * @param {object} shown   { diagnostics, diagnosticsAfterFix, offered } as the editor reported them,
 *                         each diagnostic { code, severity, message, range: [l, c, l, c] }
 * @param {string} workspace the throwaway workspace the editor worked in
 */
export function checkEditorResult(shown, workspace) {
  assert.deepEqual(shown.diagnostics, expected.diagnostics, 'diagnostics shown after opening the file');
  assert.ok(shown.offered.includes(quickFix.title), `"${quickFix.title}" offered; got ${JSON.stringify(shown.offered)}`);
  assert.deepEqual(
    shown.diagnosticsAfterFix,
    expected.diagnostics.filter((_, index) => index !== expected.quickFix.diagnostic),
    'diagnostics after the quick fix',
  );
  assert.equal(fs.readFileSync(path.join(workspace, expected.file), 'utf8'), quickFix.fixedText, 'the saved file');
  assert.equal(fs.readFileSync(path.join(workspace, '.env'), 'utf8'), quickFix.envFile, '.env written by the fix');
  assert.equal(fs.readFileSync(path.join(workspace, '.gitignore'), 'utf8'), quickFix.gitignoreFile, '.gitignore after the fix');
}

/** What the Lua and Elisp drivers read: the server, the file to open, the fix to apply, where to write results. */
export function driverEnvironment(workspace, resultFile) {
  const [line, character] = quickFix.target.range;
  return {
    APIGUARD_SERVER: serverBundle,
    APIGUARD_ROOT: workspace,
    APIGUARD_FILE: path.join(workspace, expected.file),
    APIGUARD_EXPECTED_COUNT: String(expected.diagnostics.length),
    APIGUARD_FIX_TITLE: quickFix.title,
    APIGUARD_FIX_LINE: String(line),
    APIGUARD_FIX_CHARACTER: String(character),
    APIGUARD_SPEC_FILE: path.join(workspace, expected.spec.file),
    APIGUARD_SPEC_EXPECTED_COUNT: String(expected.spec.diagnostics.length),
    APIGUARD_RESULT: resultFile,
  };
}

/** The driver's result file, or an error that says why there is none or what the editor reported. */
export function readDriverResult(editor, run, resultFile) {
  if (run.error) throw new Error(`${editor} could not run: ${run.error.message}`);
  if (!fs.existsSync(resultFile)) throw new Error(`${editor} exited (${run.status ?? run.signal}) without a result:\n${run.stdout}\n${run.stderr}`);
  const result = JSON.parse(fs.readFileSync(resultFile, 'utf8'));
  if (result.error || run.status !== 0) {
    throw new Error(`${editor} run failed (exit ${run.status}): ${result.error}\nlog: ${JSON.stringify(result.log)}\nshown so far: ${JSON.stringify(result.diagnostics)}\n${run.stderr.slice(-4000)}`);
  }
  return result;
}
