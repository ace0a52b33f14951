// Checks what a plain LSP editor (Neovim, Emacs) showed and saved against test/e2e/fixtures/expected.json, so
// every editor meets the same expectations as the VS Code suite.
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { expected } from './support.mjs';

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
