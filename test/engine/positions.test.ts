// Positions follow LSP's line breaks (`\n`, `\r\n`, lone `\r`), not JavaScript's (which add U+2028 and U+2029):
// findings, fix edits (in the file and in .env), suppressions and line counts, plus LineIndex itself against
// LSP's reference TextDocument.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defineRule } from '../../rules/support/rule';
import { Engine } from '../../server/engine/analyzer';
import { ConfigError, parseConfig } from '../../server/engine/config';
import { applyEditsToText } from '../../server/engine/edits';
import { LineIndex, countLines } from '../../server/engine/line-index';
import { parseSourceFile } from '../../server/engine/source-files';
import { configFileDiagnostic } from '../../server/lsp/diagnostics';

const LS = '\u2028';
const PS = '\u2029';

/** Reports every 'bad' string literal, with a fix that makes it 'good' and records it in .env. */
const badString = defineRule<{}, 'bad'>({
  meta: {
    id: 'bad-string',
    description: 'test rule',
    category: 'secrets',
    defaultSeverity: 'warning',
    confidence: 'high',
    cwe: [],
    owaspApi: '',
    frameworks: [],
    requiresTypes: false,
    fixable: true,
    messages: { bad: 'Found "bad".' },
  },
  defaultOptions: {},
  create(context) {
    return {
      [ts.SyntaxKind.StringLiteral]: (node) => {
        if ((node as ts.StringLiteral).text !== 'bad') return;
        const envPath = path.join(context.workspace.projectRoot, '.env');
        const envLength = context.workspace.readFile(envPath)?.length ?? 0;
        context.report({
          node,
          messageId: 'bad',
          fixes: [{
            title: 'Make it good',
            edits: [
              { start: node.getStart(), end: node.getEnd(), newText: "'good'" },
              { filePath: envPath, start: envLength, end: envLength, newText: 'BAD=bad\n' },
            ],
          }],
        });
      },
    };
  },
});

function analyze(code: string, files: Record<string, string> = {}) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-positions-'));
  for (const [relative, content] of Object.entries({ 'package.json': '{}', ...files })) fs.writeFileSync(path.join(dir, relative), content);
  const engine = new Engine({ rules: [badString], workspaceRoots: [dir] });
  const analysis = engine.analyze(path.join(dir, 'app.ts'), code);
  const summary = analysis.findings.map((f) => `${f.range.start.line}:${f.range.start.character}-${f.range.end.line}:${f.range.end.character} ${f.ruleId} ${f.message}`);
  return { analysis, summary, dir };
}

describe('positions follow LSP line breaks', () => {
  for (const [name, lineBreak] of [['U+2028', LS], ['U+2029', PS]] as const) {
    it(`a ${name} in a comment does not shift the findings below it`, () => {
      // To JavaScript, `more` is code on its own line; the editor shows one line.
      const { summary } = analyze(`// note${lineBreak}more\nconst b = 'bad';\n`);
      assert.deepEqual(summary, ["1:10-1:15 bad-string Found \"bad\"."]);
    });

    it(`a ${name} earlier on the same line counts as one character of that line`, () => {
      const { summary } = analyze(`const a = 1;${lineBreak}const b = 'bad';\n`);
      assert.deepEqual(summary, ["0:23-0:28 bad-string Found \"bad\"."]);
    });
  }

  it('a lone \\r and a \\r\\n each end one line', () => {
    const { summary, analysis } = analyze(`const a = 1;\rconst b = 2;\r\nconst c = 'bad';`);
    assert.deepEqual(summary, ["2:10-2:15 bad-string Found \"bad\"."]);
    assert.equal(analysis.lineCount, 3);
  });

  it('a long file whose lines end in a lone \\r is analysed, not skipped as one minified line', () => {
    const { analysis, summary } = analyze(`${'export const a = 1;\r'.repeat(150)}const b = 'bad';\r`);
    assert.equal(analysis.skipped, undefined);
    assert.deepEqual(summary, ["150:10-150:15 bad-string Found \"bad\"."]);
  });

  it('counts lines as LSP does', () => {
    assert.equal(analyze(`a;\rb;\r\nc;${LS}d;${PS}\n`).analysis.lineCount, 4);
  });

  it('a fix edit applied with applyEditsToText changes exactly the literal, after U+2028, U+2029 and lone \\r', () => {
    const code = `// one${LS}two\rconst x = 1;${PS}const b = 'bad'; const after = 2;\r\nconst c = 3;\n`;
    const { analysis } = analyze(code);
    const [fix] = analysis.findings[0]!.fixes;
    const inFile = fix!.edits.filter((edit) => edit.filePath === analysis.filePath);
    assert.equal(applyEditsToText(code, inFile), code.replace("'bad'", "'good'"));
  });

  it('an edit to .env is placed by LSP lines: appending after a lone \\r', () => {
    const env = `A=1\rB=2${LS}still B\r`;
    const { analysis, dir } = analyze(`const b = 'bad';\n`, { '.env': env });
    const envEdit = analysis.findings[0]!.fixes[0]!.edits.find((edit) => edit.filePath === path.join(dir, '.env'))!;
    assert.deepEqual(envEdit.range, { start: { line: 2, character: 0 }, end: { line: 2, character: 0 } });
    assert.equal(applyEditsToText(env, [envEdit]), `${env}BAD=bad\n`);
  });

  describe('suppressions', () => {
    it('a next-line suppression covers the line below it as the editor shows it, across a U+2028 in an earlier line', () => {
      const code = [
        `const x = 1;${LS}const y = 2;`,
        `// apiguard-ignore-next-line bad-string -- fixture`,
        `const b = 'bad';`,
        `const c = 'bad';`,
      ].join('\n');
      assert.deepEqual(analyze(code).summary, ["3:10-3:15 bad-string Found \"bad\"."]);
    });

    it('a next-line suppression covers a finding after a U+2028 on the line below', () => {
      const code = `// apiguard-ignore-next-line bad-string -- fixture\nconst a = 1;${LS}const b = 'bad';\n`;
      assert.deepEqual(analyze(code).summary, []);
    });

    it('a trailing suppression covers its editor line even when a U+2029 separates it from the finding', () => {
      const code = `const b = 'bad';${PS}// apiguard-ignore bad-string -- fixture\n`;
      assert.deepEqual(analyze(code).summary, []);
    });

    it('an unused suppression after a U+2029 has its LSP range and names its LSP line', () => {
      const code = `const x = 1;${PS}\r// apiguard-ignore-next-line bad-string -- was a fixture\rconst a = 'fine';\r`;
      assert.deepEqual(analyze(code).summary, [
        '1:0-1:56 unused-suppression Unused suppression: no "bad-string" finding on line 3. Remove the comment.',
      ]);
    });
  });
});

describe('apiguard.json errors', () => {
  it('name the editor\'s line and column, and the open config\'s diagnostic sits there', () => {
    const text = '{\r  // note\u2028more\r  "rules": { ';
    let error: ConfigError | undefined;
    try {
      parseConfig('/ws/apiguard.json', text, [badString]);
    } catch (caught) {
      error = caught as ConfigError;
    }
    assert.equal(error?.message, '/ws/apiguard.json: invalid JSON at 3:14: close brace expected');
    assert.deepEqual(configFileDiagnostic(error!, text).range, { start: { line: 2, character: 13 }, end: { line: 2, character: 13 } });
  });
});

describe('LineIndex', () => {
  it('agrees with LSP\'s TextDocument on positions, offsets, line texts and line counts (random texts)', () => {
    const pieces = ['a', 'bc', '\n', '\r', '\r\n', LS, PS, '😀', ' ', '\n\r'];
    let seed = 14;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed % n;
    };
    for (let round = 0; round < 2000; round++) {
      let text = '';
      for (let i = random(16); i > 0; i--) text += pieces[random(pieces.length)];
      const lines = LineIndex.of(text);
      const document = TextDocument.create('file:///t.ts', 'typescript', 0, text);
      const context = JSON.stringify(text);
      assert.equal(lines.lineCount, document.lineCount, context);
      assert.equal(countLines(text), document.lineCount, context);
      for (let offset = -1; offset <= text.length + 1; offset++) assert.deepEqual(lines.positionAt(offset), document.positionAt(offset), `${context} @${offset}`);
      for (let line = -1; line <= document.lineCount; line++) {
        for (let character = -1; character < 6; character++) {
          assert.equal(lines.offsetAt({ line, character }), document.offsetAt({ line, character }), `${context} ${line}:${character}`);
        }
        if (line >= 0 && line < document.lineCount) assert.equal(lines.lineText(line), document.getText(document.getLineRange(line)), context);
      }
    }
  });

  it('builds one index per source file, where U+2028 does not end a line (TypeScript\'s map says it does)', () => {
    const sourceFile = parseSourceFile('/s.ts', `a;${LS}b;\r\nc;\rd;`);
    assert.equal(LineIndex.forSourceFile(sourceFile), LineIndex.forSourceFile(sourceFile));
    assert.equal(sourceFile.getLineStarts().length, 4);
    assert.equal(LineIndex.forSourceFile(sourceFile).lineCount, 3);
    assert.deepEqual(LineIndex.forSourceFile(sourceFile).positionAt(7), { line: 1, character: 0 });
    assert.deepEqual(sourceFile.getLineAndCharacterOfPosition(7), { line: 2, character: 0 });
  });
});
