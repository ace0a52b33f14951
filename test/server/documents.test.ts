// OpenDocument: the server's copy of an editor document and its incrementally updated TypeScript tree.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { OpenDocument, filePathFor } from '../../server/lsp/documents';
import { parseSourceFile } from '../../server/engine/source-files';

const at = (line: number, character: number) => ({ line, character });

/** The tree as text-free structure, to compare an incremental result with a fresh parse. */
function shape(sourceFile: ts.SourceFile): string {
  const out: string[] = [];
  const visit = (node: ts.Node, depth: number) => {
    out.push(`${depth}:${ts.SyntaxKind[node.kind]}@${node.pos}-${node.end}`);
    node.forEachChild((child) => visit(child, depth + 1));
  };
  visit(sourceFile, 0);
  return out.join('\n');
}

describe('OpenDocument', () => {
  it('replays queued incremental changes into the tree, reusing untouched nodes, to the same tree as a fresh parse', () => {
    const document = new OpenDocument('file:///p/src/app.ts', 'typescript', 0, 'const a = 1;\nfunction f() {\n  return a;\n}\nconst z = 2;\n');
    const before = document.currentSourceFile();
    const untouched = before.statements[2];
    document.applyChanges([{ range: { start: at(2, 9), end: at(2, 10) }, text: 'a + "🔑"' }], 1);
    document.applyChanges([{ range: { start: at(0, 6), end: at(0, 7) }, text: 'b' }, { range: { start: at(2, 9), end: at(2, 10) }, text: 'b' }], 2);
    const after = document.currentSourceFile();
    assert.equal(after.text, 'const b = 1;\nfunction f() {\n  return b + "🔑";\n}\nconst z = 2;\n');
    assert.equal(document.version, 2);
    assert.equal(shape(after), shape(parseSourceFile('/p/src/app.ts', after.text)));
    assert.equal(after.statements[2], untouched, 'the untouched statement is reused, not re-parsed');
  });

  it('re-parses after a full-text change', () => {
    const document = new OpenDocument('file:///p/a.js', 'javascript', 0, 'let x = 1;');
    document.currentSourceFile();
    document.applyChanges([{ text: 'let y = 2;\nlet z = 3;' }], 1);
    assert.equal(document.currentSourceFile().statements.length, 2);
  });

  it('maps URIs to paths, by extension or by languageId for untitled buffers', () => {
    assert.equal(filePathFor('file:///p/src/My%20App.tsx', 'typescriptreact'), '/p/src/My App.tsx');
    assert.equal(filePathFor('untitled:Untitled-1', 'typescript'), '/untitled-documents/Untitled-1.ts');
    assert.equal(filePathFor('untitled:Untitled-2', 'js'), '/untitled-documents/Untitled-2.js');
  });

  it('knows when a line starts inside a literal or JSX text, where a comment line would change the program', () => {
    const text = [
      'const a = `first', // 0
      'second ${x}', // 1
      'third`;', // 2
      'const el = (', // 3
      '  <div', // 4
      '    title="t"', // 5
      '  >', // 6
      '    <span>{', // 7
      '      token', // 8
      '    }</span>', // 9
      '  </div>', // 10
      ');', // 11
      "const s = 'plain';", // 12
    ].join('\n');
    const document = new OpenDocument('file:///p/view.tsx', 'typescriptreact', 0, text);
    const inside = text.split('\n').map((_, line) => document.lineStartsInsideLiteral(line));
    assert.deepEqual(inside, [false, true, true, false, false, false, false, true, false, false, true, false, false]);
  });
});
