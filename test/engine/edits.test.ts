// applyFileEdits on disk: each file checked against the text its edit was computed from, and every file already
// written put back when a later one fails.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { applyEditsToText, applyFileEdits, contentHash, StaleEditError } from '../../server/engine/edits';
import type { FileEdit } from '../../server/engine/findings';

const at = (line: number, character: number) => ({ line, character });
const append = (filePath: string, base: string | undefined, newText: string): FileEdit =>
  base === undefined
    ? { filePath, range: { start: at(0, 0), end: at(0, 0) }, newText, createFile: true }
    : { filePath, range: { start: at(base.split('\n').length - 1, 0), end: at(base.split('\n').length - 1, 0) }, newText, baseHash: contentHash(base) };

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-edits-'));
  for (const [name, text] of Object.entries(files)) fs.writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('applyFileEdits', () => {
  it('refuses an edit to a file whose content changed, was deleted, or was created since, writing nothing', () => {
    const dir = project({ '.gitignore': 'node_modules\n', '.env': 'A=1\n' });
    const gitignore = path.join(dir, '.gitignore');
    const env = path.join(dir, '.env');
    assert.throws(() => applyFileEdits([append(gitignore, 'node_modules\n', '.env\n'), append(env, 'LONG=aaaa\n', 'T=x\n')]), (e) => e instanceof StaleEditError && e.message === '.env changed since the fix was computed');
    assert.equal(fs.readFileSync(gitignore, 'utf8'), 'node_modules\n', '.gitignore, written first, is restored');
    assert.throws(() => applyFileEdits([append(env, undefined, 'T=x\n')]), /\.env was created since the fix was computed/);
    assert.throws(() => applyFileEdits([append(path.join(dir, 'gone'), 'x\n', 'y\n')]), /gone was deleted since the fix was computed/);
    assert.equal(fs.readFileSync(env, 'utf8'), 'A=1\n');
  });

  it('undoes the files already written when a later write fails (a .env that is a directory)', () => {
    const dir = project({ '.gitignore': 'node_modules\n' });
    fs.mkdirSync(path.join(dir, '.env'));
    const gitignore = path.join(dir, '.gitignore');
    const example = path.join(dir, '.env.example');
    assert.throws(() => applyFileEdits([append(gitignore, 'node_modules\n', '.env\n'), append(example, undefined, 'T=\n'), append(path.join(dir, '.env'), undefined, 'T=x\n')]), /EISDIR|EEXIST/);
    assert.equal(fs.readFileSync(gitignore, 'utf8'), 'node_modules\n');
    assert.equal(fs.existsSync(example), false, 'a file the write created is deleted again');
  });

  it('applies edits that match, creating missing files', () => {
    const dir = project({ '.gitignore': 'node_modules\n' });
    const written = applyFileEdits([append(path.join(dir, '.gitignore'), 'node_modules\n', '.env\n'), append(path.join(dir, '.env'), undefined, 'T=x\n')]);
    assert.deepEqual(written.map((file) => [path.basename(file.filePath), file.previous]), [['.gitignore', 'node_modules\n'], ['.env', undefined]]);
    assert.equal(fs.readFileSync(path.join(dir, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
    assert.equal(fs.readFileSync(path.join(dir, '.env'), 'utf8'), 'T=x\n');
  });
});

describe('applyEditsToText', () => {
  it('inserts at one position land in array order (as LSP clients apply them), before a replacement there', () => {
    const edit = (start: number, end: number, newText: string): FileEdit => ({ filePath: '/p/a.yaml', range: { start: at(0, start), end: at(0, end) }, newText });
    assert.equal(applyEditsToText('abc', [edit(1, 1, 'X'), edit(1, 1, 'Y'), edit(1, 2, 'B'), edit(3, 3, '!')]), 'aXYBc!');
    assert.equal(applyEditsToText('abc', [edit(1, 2, 'B'), edit(1, 1, 'X')]), 'aXBc');
  });
});
