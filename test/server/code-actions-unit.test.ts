// codeActionsFor() without a server: the shapes of the actions for given findings and documents.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { Finding, Fix } from '../../server/engine/findings';
import { codeActionsFor, touches } from '../../server/lsp/code-actions';
import { OpenDocument } from '../../server/lsp/documents';
import { applyEditsToText } from '../../server/engine/edits';
import { parseSourceFile } from '../../server/engine/source-files';
import { findSuppressions } from '../../server/engine/suppressions';

const at = (line: number, character: number) => ({ line, character });
const finding = (ruleId: string, line: number, start: number, end: number, fixes: Fix[] = []): Finding => ({
  ruleId, messageId: 'm', severity: 'error', message: `${ruleId} here`, filePath: '/p/src/a.ts', range: { start: at(line, start), end: at(line, end) }, fixes, data: {},
});

function actionsAt(text: string, findings: Finding[], line: number, character: number, only?: string[], open: OpenDocument[] = []) {
  const document = new OpenDocument('file:///p/src/a.ts', 'typescript', 3, text);
  const openDocumentFor = (filePath: string) => open.find((other) => other.filePath === filePath);
  return codeActionsFor({ document, findings, range: { start: at(line, character), end: at(line, character) }, only, openDocumentFor });
}

describe('codeActionsFor', () => {
  it('treats a zero-width range at either edge of a finding as touching it', () => {
    const range = { start: at(1, 4), end: at(1, 9) };
    assert.equal(touches(range, { start: at(1, 4), end: at(1, 4) }), true);
    assert.equal(touches(range, { start: at(1, 9), end: at(1, 9) }), true);
    assert.equal(touches(range, { start: at(1, 10), end: at(1, 10) }), false);
    assert.equal(touches(range, { start: at(0, 0), end: at(2, 0) }), true);
  });

  it('adds the rule to an existing next-line suppression instead of stacking a second comment', () => {
    const text = 'function f() {\n  // apiguard-ignore-next-line hardcoded-secret -- test fixture\n  run(token);\n}\n';
    const [ignore] = actionsAt(text, [finding('unparameterized-query', 2, 6, 11)], 2, 6, ['quickfix']);
    assert.equal(ignore!.title, 'Ignore "unparameterized-query" on this line');
    assert.deepEqual(ignore!.edit!.documentChanges, [
      { textDocument: { uri: 'file:///p/src/a.ts', version: 3 }, edits: [{ range: { start: at(1, 47), end: at(1, 47) }, newText: ', unparameterized-query' }] },
    ]);
    // The engine reads the extended comment as one suppression of both rules, for the same line, keeping the reason.
    const edited = applyEditsToText(text, [{ filePath: '/p/src/a.ts', range: { start: at(1, 47), end: at(1, 47) }, newText: ', unparameterized-query' }]);
    const [suppression] = findSuppressions(parseSourceFile('/p/src/a.ts', edited));
    assert.deepEqual([suppression!.targetLine, suppression!.ruleIds, suppression!.reason], [2, ['hardcoded-secret', 'unparameterized-query'], 'test fixture']);
  });

  it('inserts a fresh comment with the indentation and line ending of the file', () => {
    const text = 'function f() {\r\n\t\tconst token = "x";\r\n}\r\n';
    const [ignore] = actionsAt(text, [finding('hardcoded-secret', 1, 16, 19)], 1, 17);
    assert.deepEqual((ignore!.edit!.documentChanges![0] as { edits: unknown[] }).edits, [
      { range: { start: at(1, 0), end: at(1, 0) }, newText: '\t\t// apiguard-ignore-next-line hardcoded-secret -- TODO: say why this is safe\r\n' },
    ]);
  });

  it('YAML specs: "ignore" writes a # comment (joining one above), JSON specs get none; a fix in a $ref\'d file that cannot be written is disabled with a spec wording', () => {
    const yaml = 'paths:\n  /a:\n    get:\n      security:\n        - Bearer: []\n';
    const specFinding = (fixes: Fix[] = []): Finding => ({ ...finding('spec/undefined-security-scheme', 4, 10, 16, fixes), filePath: '/p/api/openapi.yaml' });
    const inYaml = (text: string, findings: Finding[], disabledSupport = false) =>
      codeActionsFor({ document: new OpenDocument('file:///p/api/openapi.yaml', 'yaml', 1, text), findings, range: { start: at(4, 11), end: at(4, 11) }, only: ['quickfix'], openDocumentFor: () => undefined, disabledSupport });
    const [ignore] = inYaml(yaml, [specFinding()]);
    assert.deepEqual((ignore!.edit!.documentChanges![0] as { edits: unknown[] }).edits, [
      { range: { start: at(4, 0), end: at(4, 0) }, newText: '        # apiguard-ignore-next-line spec/undefined-security-scheme -- TODO: say why this is safe\n' },
    ]);
    const commented = yaml.replace('        - Bearer', '        # apiguard-ignore-next-line spec/basic-auth -- legacy\n        - Bearer');
    const [joined] = codeActionsFor({
      document: new OpenDocument('file:///p/api/openapi.yaml', 'yaml', 1, commented),
      findings: [{ ...specFinding(), range: { start: at(5, 10), end: at(5, 16) } }],
      range: { start: at(5, 11), end: at(5, 11) },
      openDocumentFor: () => undefined,
    });
    assert.deepEqual((joined!.edit!.documentChanges![0] as { edits: unknown[] }).edits, [{ range: { start: at(4, 51), end: at(4, 51) }, newText: ', spec/undefined-security-scheme' }]);
    const json = codeActionsFor({ document: new OpenDocument('file:///p/api/openapi.json', 'json', 1, '{}\n'), findings: [{ ...specFinding(), filePath: '/p/api/openapi.json', range: { start: at(0, 0), end: at(0, 1) } }], range: { start: at(0, 0), end: at(0, 0) }, openDocumentFor: () => undefined });
    // No suppression comment in JSON: only the rule's own actions.
    assert.deepEqual(json.map((action) => action.title), ['Show documentation for "spec/undefined-security-scheme"', 'Disable "spec/undefined-security-scheme" for this folder']);
    // The $ref'd "file" is a folder: the fix cannot be written there.
    const intoFolder = specFinding([{ title: 'Use the defined scheme "bearer"', edits: [{ filePath: '/tmp', range: { start: at(0, 0), end: at(0, 0) }, newText: 'x' }], safeForFixAll: false, isPreferred: true }]);
    const [disabled] = inYaml(yaml, [intoFolder], true);
    assert.deepEqual([disabled!.title, disabled!.disabled], ['Use the defined scheme "bearer"', { reason: 'Cannot apply the fix: tmp is not a regular file.' }]);
  });

  it('offers no "ignore" for engine findings, and no fix-all when nothing is safe to apply together', () => {
    const text = 'const a = 1; // apiguard-ignore hardcoded-secret -- old\n';
    const unused = finding('unused-suppression', 0, 13, 55);
    const unsafe = finding('hardcoded-secret', 0, 10, 11, [
      { title: 'Move', edits: [{ filePath: '/p/src/a.ts', range: { start: at(0, 10), end: at(0, 11) }, newText: 'process.env.A!' }], safeForFixAll: false, isPreferred: true },
    ]);
    const titles = actionsAt(text, [unused], 0, 20).map((a) => a.title);
    // Engine findings have a page but no "rules" entry: documentation, never "Disable".
    assert.deepEqual(titles, ['Remove unused suppression', 'Show documentation for "unused-suppression"', 'Fix all safely fixable API Guard problems']);
    assert.deepEqual(actionsAt(text, [unsafe], 0, 10, ['source.fixAll']), []);
  });

  it('fix-all skips a fix that overlaps one already taken, including two insertions at one point of another open file', () => {
    const text = 'const a = "k1"; const b = "k2";\n';
    const move = (start: number, end: number, name: string): Fix => ({
      title: 'Move',
      safeForFixAll: true,
      isPreferred: true,
      edits: [
        { filePath: '/p/src/a.ts', range: { start: at(0, start), end: at(0, end) }, newText: `process.env.${name}!` },
        { filePath: '/p/.env', range: { start: at(0, 0), end: at(0, 0) }, newText: `${name}=x\n` },
      ],
    });
    const findings = [finding('s', 0, 10, 14, [move(10, 14, 'A')]), finding('s', 0, 26, 30, [move(26, 30, 'B')])];
    const env = new OpenDocument('file:///p/.env', 'dotenv', 8, '');
    const [fixAll] = actionsAt(text, findings, 0, 0, ['source.fixAll.apiguard'], [env]);
    assert.equal(fixAll!.kind, 'source.fixAll.apiguard');
    assert.deepEqual(fixAll!.edit!.documentChanges, [
      { textDocument: { uri: 'file:///p/src/a.ts', version: 3 }, edits: [{ range: { start: at(0, 10), end: at(0, 14) }, newText: 'process.env.A!' }] },
      { textDocument: { uri: 'file:///p/.env', version: 8 }, edits: [{ range: { start: at(0, 0), end: at(0, 0) }, newText: 'A=x\n' }] },
    ]);
    assert.equal(fixAll!.command, undefined);
    // With .env not open the fixes would write the disk: fix-all leaves them to their own command.
    assert.deepEqual(actionsAt(text, findings, 0, 0, ['source.fixAll.apiguard']), []);
  });

  it('fix-all over 20,000 fixes takes each non-overlapping one, without comparing every pair', () => {
    const replace = (startLine: number, startCharacter: number, line: number): Fix => ({
      title: 'Replace',
      safeForFixAll: true,
      isPreferred: true,
      edits: [{ filePath: '/p/src/a.ts', range: { start: at(startLine, startCharacter), end: at(line, 5) }, newText: 'fixed' }],
    });
    // Every tenth fix reaches back into the line above, whose fix is already taken.
    const findings = Array.from({ length: 20_000 }, (_, line) => finding('s', line, 0, 5, [line % 10 === 5 ? replace(line - 1, 3, line) : replace(line, 0, line)]));
    const text = 'const'.concat('\n').repeat(20_000);
    const started = performance.now();
    const [fixAll] = actionsAt(text, findings, 0, 0, ['source.fixAll.apiguard']);
    const elapsed = performance.now() - started;
    const edits = (fixAll!.edit!.documentChanges![0] as { edits: { range: { start: { line: number } } }[] }).edits;
    assert.equal(edits.length, 18_000);
    assert.deepEqual(edits.slice(4, 6).map((edit) => edit.range.start.line), [4, 6]);
    // Comparing every pair took seconds here; a sorted lookup takes milliseconds.
    assert.ok(elapsed < 1000, `fix-all took ${elapsed.toFixed(0)} ms`);
  });
});
