// Seeded fuzz through the real server: bursts of random edits (random spans, unicode with surrogate pairs, `\r`,
// `\r\n`, U+2028/U+2029, pasted code with secrets, SQL concatenation and suppressions, whole-file deletions) on a
// few open documents. After each burst every published diagnostic range and every code-action edit range must lie
// inside its document version by LSP's rules (line < line count, character ≤ that line's length, start ≤ end),
// checked against the text this test maintains itself; a secret's range starts at its literal's quote; and the
// first publish of each version holds exactly what a fresh in-process analysis of that text finds (plus carried
// type-aware findings). Reproduce a failure with APIGUARD_FUZZ_SEED=<seed>.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Diagnostic, Range, TextDocumentEdit } from 'vscode-languageserver-protocol';
import { Engine } from '../../server/engine/analyzer';
import { toDiagnostic } from '../../server/lsp/diagnostics';
import { LspTestClient, makeProject } from './lsp-test-client';

const SEED = Number(process.env.APIGUARD_FUZZ_SEED ?? 1402);
const BURSTS = 500;
const MAX_EDITS_PER_BURST = 6;
/** Stops early past this, so a slow machine still finishes in bounded time (the bursts done are still checked). */
const TIME_BUDGET_MS = 15_000;

// Built from parts so that no scanner mistakes this test for a leaked token.
const GITHUB_TOKEN = ['ghp', 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'].join('_');

const PASTES = [
  `const token = '${GITHUB_TOKEN}';\n`,
  "app.get('/u', async (req, res) => {\n  const rows = await pool.query('SELECT * FROM users WHERE id = ' + req.query.id);\n  res.json(rows);\n});\n",
  "  await pool.query(`DELETE FROM t WHERE name = '${req.body.name}'`);\r\n",
  '// apiguard-ignore-next-line hardcoded-secret -- fuzz\n',
  "const key = 'sk_live_' + 'x'; // apiguard-ignore hardcoded-secret\r",
  `jwt.sign(payload, 'keyboard cat');\u2028// note\u2029more\n`,
  '/* unterminated comment ',
  '`template ${ open ',
];
const CHARACTERS = ['a', 'Z', ' ', '\t', '\n', '\r', '\r\n', '\u2028', '\u2029', '😀', '🔑', 'é', '"', "'", '`', '{', '}', '(', ')', ';', '/', '*', '$', '\\'];

const HANDLER = [
  "import express from 'express';",
  "import jwt from 'jsonwebtoken';",
  "import { Pool } from 'pg';",
  '',
  'const pool = new Pool();',
  'export const app = express();',
  `const token = '${GITHUB_TOKEN}';`,
  '',
  "app.get('/users', async (req, res) => {",
  "  const rows = await pool.query(`SELECT * FROM users WHERE name = '${req.query.name}'`);",
  "  res.json({ rows: rows.rows, signed: jwt.sign({}, 'keyboard cat') });",
  '});',
  '',
].join('\n');

/** mulberry32: small, seedable, good enough to spread edits. */
function createRandom(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, below: (n: number) => Math.floor(next() * n), pick: <T>(items: readonly T[]) => items[Math.floor(next() * items.length)]! };
}

/** LSP's lines, computed independently of the server's code: `\r\n`, `\r` and `\n` end a line; U+2028/9 do not. */
function lspLines(text: string): string[] {
  return text.split(/\r\n|\r|\n/);
}

function rangeProblem(range: Range, lines: readonly string[]): string | undefined {
  for (const [name, position] of [['start', range.start], ['end', range.end]] as const) {
    if (position.line < 0 || position.line >= lines.length) return `${name} line ${position.line} of ${lines.length} lines`;
    if (position.character < 0 || position.character > lines[position.line]!.length) {
      return `${name} character ${position.character} past the end of line ${position.line} (length ${lines[position.line]!.length})`;
    }
  }
  if (range.start.line > range.end.line || (range.start.line === range.end.line && range.start.character > range.end.character)) return 'start after end';
  return undefined;
}

/** The text under a (valid) range, by this test's own reading of LSP lines. */
function textUnder(text: string, range: Range): string {
  const lineStarts = [0];
  for (const match of text.matchAll(/\r\n|\r|\n/g)) lineStarts.push(match.index + match[0].length);
  const offsetOf = (position: Range['start']) => lineStarts[position.line]! + position.character;
  return text.slice(offsetOf(range.start), offsetOf(range.end));
}

/** Never between a `\r` and its `\n`: LSP positions cannot address that offset. */
function snap(text: string, offset: number): number {
  return offset > 0 && text[offset - 1] === '\r' && text[offset] === '\n' ? offset - 1 : offset;
}

describe('positions fuzz (seeded, through the real server)', () => {
  it(`keeps every diagnostic and code-action range inside its document (seed ${SEED})`, async (t) => {
    const random = createRandom(SEED);
    const root = makeProject({ 'package.json': '{ "name": "fuzz" }\n', '.gitignore': '.env\n' });
    const client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
    const engine = new Engine({ workspaceRoots: [root] });
    // Rules that run only in the worker: type-aware ones and those reading the API model (missing-auth).
    const typeAwareIds = new Set(engine.rules.filter((rule) => rule.meta.requiresTypes || rule.meta.requiresApiModel).map((rule) => rule.meta.id));
    /** Type-aware and model findings (and engine findings about those rules) come from an earlier version, moved. */
    const isCarried = (diagnostic: Diagnostic) =>
      typeAwareIds.has(String(diagnostic.code)) ||
      ((diagnostic.code === 'unused-suppression' || diagnostic.code === 'internal-error') && [...typeAwareIds].some((id) => diagnostic.message.includes(id)));
    /** What the server's immediate (syntactic) pass must publish for this text. */
    const freshSyntactic = (uri: string, text: string): Diagnostic[] | 'skipped' => {
      const filePath = path.resolve(client.filePathOf(uri));
      const config = engine.configFor(filePath);
      const syntactic = { ...config, rules: new Map([...config.rules].filter(([id]) => !typeAwareIds.has(id))) };
      const analysis = engine.analyze(filePath, text, { config: syntactic });
      return analysis.skipped ? 'skipped' : analysis.findings.map(toDiagnostic);
    };
    const firstPublishSeen = new Set<string>();
    /** uri → version → the text this test maintains for that version. */
    const texts = new Map<string, Map<number, string>>();
    const problems: string[] = [];
    let rangesChecked = 0;
    let publishedChecked = 0;
    const checkPublished = () => {
      for (; publishedChecked < client.published.length; publishedChecked++) {
        const params = client.published[publishedChecked]!;
        const text = texts.get(params.uri)?.get(params.version!);
        if (text === undefined) {
          problems.push(`diagnostics for unknown version ${params.version} of ${params.uri}`);
          continue;
        }
        const lines = lspLines(text);
        for (const diagnostic of params.diagnostics) {
          rangesChecked++;
          const problem = rangeProblem(diagnostic.range, lines);
          if (problem) problems.push(`v${params.version} ${diagnostic.code} ${JSON.stringify(diagnostic.range)}: ${problem}`);
          else if (diagnostic.code === 'hardcoded-secret' && !/^['"`]/.test(textUnder(text, diagnostic.range))) {
            problems.push(`v${params.version} hardcoded-secret ${JSON.stringify(diagnostic.range)} is not on a literal: ${JSON.stringify(textUnder(text, diagnostic.range).slice(0, 20))}`);
          }
        }
        const key = `${params.uri}@${params.version}`;
        if (firstPublishSeen.has(key)) continue;
        firstPublishSeen.add(key);
        const expected = freshSyntactic(params.uri, text);
        const actual = expected === 'skipped' ? params.diagnostics.map((d) => d.code) : params.diagnostics.filter((d) => !isCarried(d));
        if (JSON.stringify(actual) !== JSON.stringify(expected === 'skipped' ? ['skipped-file'] : expected)) {
          problems.push(`v${params.version} of ${params.uri}: published ${JSON.stringify(actual)}, a fresh analysis finds ${JSON.stringify(expected)}`);
        }
      }
    };
    try {
      const uris = [
        client.open('src/handlers.ts', HANDLER),
        client.open('src/crlf.ts', HANDLER.replace(/\n/g, '\r\n')),
        client.open('src/legacy.js', HANDLER.replace(/\n/g, '\r').replace(/import (\w+) from ('[^']+')/g, 'const $1 = require($2)')),
      ];
      for (const uri of uris) texts.set(uri, new Map([[0, client.text(uri)]]));
      const started = Date.now();
      let bursts = 0;
      for (; bursts < BURSTS && Date.now() - started < TIME_BUDGET_MS; bursts++) {
        for (let edits = 1 + random.below(MAX_EDITS_PER_BURST); edits > 0; edits--) {
          const uri = random.pick(uris);
          const before = texts.get(uri)!.get(client.document(uri).version)!;
          let start = snap(before, random.below(before.length + 1));
          let end = snap(before, Math.min(before.length, start + (random.next() < 0.5 ? 0 : random.below(40))));
          if (random.next() < 0.03) [start, end] = [0, before.length];
          const roll = random.next();
          if (roll > 0.92) {
            // Join line breaks: a `\n` after a lone `\r`, or a `\r` before a lone `\n`, makes one `\r\n` of two breaks.
            const joinable = [...before.matchAll(/\r(?!\n)|(?<!\r)\n/g)];
            if (joinable.length > 0) {
              const match = random.pick(joinable);
              start = end = match[0] === '\r' ? match.index + 1 : match.index;
            }
          }
          const newText = roll > 0.92 ? (before[start - 1] === '\r' ? '\n' : '\r') : roll < 0.25 ? random.pick(PASTES) : roll < 0.4 ? '' : Array.from({ length: 1 + random.below(4) }, () => random.pick(CHARACTERS)).join('');
          const document = client.document(uri);
          const version = client.change(uri, [{ range: { start: document.positionAt(start), end: document.positionAt(end) }, text: newText }]);
          const after = before.slice(0, start) + newText + before.slice(end);
          assert.equal(client.text(uri), after, 'the client applied the edit as this test did');
          texts.get(uri)!.set(version, after);
        }
        for (const uri of uris) await client.waitForCurrentDiagnostics(uri);
        checkPublished();
        // Code actions over the whole document: every edit to an open document lies inside its current text.
        for (const uri of uris) {
          const text = texts.get(uri)!.get(client.document(uri).version)!;
          const lines = lspLines(text);
          const whole = { start: { line: 0, character: 0 }, end: { line: lines.length - 1, character: lines[lines.length - 1]!.length } };
          const actions = (await client.codeActions(uri, whole)) as CodeAction[];
          for (const action of actions) {
            for (const change of (action.edit?.documentChanges ?? []) as TextDocumentEdit[]) {
              const target = texts.get(change.textDocument.uri)?.get(change.textDocument.version!);
              if (target === undefined) {
                problems.push(`"${action.title}" edits unknown version ${change.textDocument.version} of ${change.textDocument.uri}`);
                continue;
              }
              for (const edit of change.edits) {
                rangesChecked++;
                const problem = rangeProblem(edit.range, lspLines(target));
                if (problem) problems.push(`"${action.title}" edit ${JSON.stringify(edit.range)}: ${problem}`);
              }
            }
          }
        }
      }
      checkPublished();
      t.diagnostic(`${bursts} bursts, ${rangesChecked} ranges checked, ${problems.length} problems`);
      assert.ok(rangesChecked > 200, `only ${rangesChecked} ranges checked`);
      assert.deepEqual(problems.slice(0, 10), [], `${problems.length} problems in ${rangesChecked} ranges checked (seed ${SEED})`);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
