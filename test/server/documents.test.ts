// OpenDocument: the server's copy of an editor document and its incrementally updated TypeScript tree.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { OpenDocument, filePathFor } from '../../server/lsp/documents';
import { parseSourceFile } from '../../server/engine/source-files';
import type { Finding } from '../../server/engine/findings';

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

  it('moves carried findings with edits before them and drops the ones an edit touches', () => {
    const text = 'aaaa\nbb FINDING cc\ndd OTHER\n';
    const finding = (line: number, start: number, end: number, ruleId: string): Finding => ({
      ruleId, messageId: 'm', severity: 'error', message: ruleId, filePath: '/p/a.ts', range: { start: at(line, start), end: at(line, end) }, fixes: [], data: {},
    });
    const document = new OpenDocument('file:///p/a.ts', 'typescript', 0, text);
    document.carriedFindings = [finding(1, 3, 10, 'first'), finding(2, 3, 8, 'second')];
    // Same line, before the finding: shifts its characters. A line inserted above: shifts both lines.
    document.applyChanges([{ range: { start: at(1, 0), end: at(1, 0) }, text: '>>' }], 1);
    document.applyChanges([{ range: { start: at(0, 2), end: at(0, 2) }, text: 'x\ny\n' }], 2);
    assert.deepEqual(document.carriedFindings.map((f) => [f.ruleId, f.range]), [
      ['first', { start: at(3, 5), end: at(3, 12) }],
      ['second', { start: at(4, 3), end: at(4, 8) }],
    ]);
    assert.equal(document.text.split('\n')[3]!.slice(5, 12), 'FINDING');
    assert.equal(document.text.split('\n')[4]!.slice(3, 8), 'OTHER');
    // A multi-line deletion ending on the finding's line, before it, joins the lines: the finding moves up and right.
    document.applyChanges([{ range: { start: at(2, 1), end: at(3, 2) }, text: '' }], 3);
    assert.deepEqual(document.carriedFindings[0]!.range, { start: at(2, 4), end: at(2, 11) });
    assert.equal(document.text.split('\n')[2]!.slice(4, 11), 'FINDING');
    // Typing inside a finding drops it; a full-text change drops everything.
    document.applyChanges([{ range: { start: at(2, 6), end: at(2, 6) }, text: 'z' }], 4);
    assert.deepEqual(document.carriedFindings.map((f) => f.ruleId), ['second']);
    document.applyChanges([{ text: 'new' }], 5);
    assert.deepEqual(document.carriedFindings, []);
  });
});
