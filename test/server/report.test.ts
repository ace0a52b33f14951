// apiguard/report through the server: the saved workspace scanned in the background worker, formatted exactly
// like `apiguard scan --format …`, and clear errors for bad requests.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LspTestClient, makeProject } from './lsp-test-client';

const GITHUB_TOKEN = ['ghp', 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'].join('_');

describe('apiguard/report', () => {
  it('reports the saved workspace in each format, never with the secret in full', async () => {
    const root = makeProject({
      'package.json': '{ "name": "api" }\n',
      'src/auth.ts': `export const token = '${GITHUB_TOKEN}';\n`,
      'src/clean.ts': 'export const port = Number(process.env.PORT ?? 3000);\n',
      // A reason-less suppression of a finding that is there: a hint, which the report leaves out as the CLI does by default.
      'src/legacy.ts': `// apiguard-ignore-next-line hardcoded-secret\nexport const legacy = '${GITHUB_TOKEN}';\n`,
      'node_modules/dep/index.js': `module.exports = '${GITHUB_TOKEN}';\n`,
    });
    const client = await LspTestClient.start({ rootDir: root, flavour: 'vscode' });
    try {
      const json = (await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string };
      const report = JSON.parse(json.content);
      assert.equal(report.tool.name, 'apiguard');
      assert.deepEqual(report.filesScanned, ['src/auth.ts', 'src/clean.ts', 'src/legacy.ts']);
      assert.deepEqual(
        report.findings.map((f: Record<string, unknown>) => [f.ruleId, f.severity, f.file, f.line, f.column, f.endLine, f.endColumn, f.fixes]),
        [['hardcoded-secret', 'error', 'src/auth.ts', 1, 22, 1, 64, ['Move to an environment variable']]],
      );
      assert.deepEqual([report.summary.minSeverity, report.summary.notShown], ['info', { warnings: 0, infos: 0, hints: 1 }], "the CLI's default");
      const html = (await client.connection.sendRequest('apiguard/report', { format: 'html' })) as { content: string };
      assert.match(html.content, /<html/i);
      assert.match(html.content, /src\/auth\.ts/);
      const sarif = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'sarif' })) as { content: string }).content);
      assert.equal(sarif.runs[0].results[0].ruleId, 'hardcoded-secret');
      for (const content of [json.content, html.content, JSON.stringify(sarif)]) assert.ok(!content.includes(GITHUB_TOKEN), 'the secret never appears in full');
      await client.waitForLog(/report \(json\) built in \d+ ms/);

      await assert.rejects(client.connection.sendRequest('apiguard/report', { format: 'pdf' }), /unknown report format "pdf" \(expected html, markdown, json, sarif\)/);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('says what to do when no folder is open', async () => {
    const client = await LspTestClient.start({ rootDir: makeProject(), flavour: 'plain', noRoot: true });
    try {
      await assert.rejects(client.connection.sendRequest('apiguard/report', { format: 'json' }), /no workspace folder is open: open a folder to get a report/);
      assert.ok(client.isAlive);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
