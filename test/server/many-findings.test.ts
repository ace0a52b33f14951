// A file with more findings than maxFindingsPerFile: the server publishes and offers actions for the kept ones only.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

const QUERIES = 600;
const SOURCE = [
  "import { Pool } from 'pg';",
  'const pool = new Pool();',
  'export async function run(req: { query: Record<string, string> }) {',
  ...Array.from({ length: QUERIES }, (_, i) => `  await pool.query("SELECT * FROM t WHERE a = '" + req.query.a${i} + "'");`),
  '}',
  '',
].join('\n');

describe('many findings in one file', () => {
  it('publishes 500 findings and a too-many-findings warning, and offers actions for those 500 only', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject({ 'package.json': '{ "name": "api" }\n' }), flavour: 'plain' });
    try {
      const uri = client.open('src/queries.ts', SOURCE);
      const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'unparameterized-query'), 30_000);
      assert.equal(published.diagnostics.length, 501);
      assert.deepEqual(published.diagnostics[0], {
        range: range(0, 0, 0, 0),
        severity: 2,
        source: 'apiguard',
        code: 'too-many-findings',
        codeDescription: { href: docsHref('engine/too-many-findings.md') },
        message: '100 more findings in this file are not shown (limit 500); fix or suppress some, or raise "maxFindingsPerFile" in apiguard.json.',
      });
      // Kept in document order (all are errors): lines 4 to 503 of the editor, the last 100 queries hidden.
      assert.deepEqual([published.diagnostics[1]!.range.start.line, published.diagnostics[500]!.range.start.line], [3, 502]);

      const actions = (await client.codeActions(uri, range(0, 0, QUERIES + 4, 0))) as CodeAction[];
      const titles = new Map<string, number>();
      for (const action of actions) titles.set(action.title, (titles.get(action.title) ?? 0) + 1);
      // One documentation (and one "Disable") per rule, however many of its findings are under the range.
      assert.deepEqual(Object.fromEntries(titles), {
        'Parameterize this query': 500,
        'Ignore "unparameterized-query" on this line': 500,
        'Show documentation for "too-many-findings"': 1,
        'Show documentation for "unparameterized-query"': 1,
        'Disable "unparameterized-query" for this folder': 1,
      });
    } finally {
      await client.stop();
    }
  });
});
