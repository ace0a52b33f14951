// apiguard/report's work-done progress, cancellation and reuse, through the real server over stdio: progress on the
// client's token or on one the server creates (only when the client supports it), percentages that only grow, a
// cancel (the request's own or window/workDoneProgress/cancel) answered with RequestCancelled, and a report asked
// for again that analyses nothing unchanged.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver-protocol/node';
import { LspTestClient, makeProject } from './lsp-test-client';

const TITLE = 'API Guard: building the security report';
const REPORT_MESSAGE = /^(listing files \(\d+ found\)|[\w./-]+ \((model rules: )?\d+\/\d+ files\))$/;

/** A workspace of `count` route files (CommonJS, ESM and TypeScript in turn) mounted by one app, big enough to take a while. */
function routeWorkspace(count: number): string {
  const files: Record<string, string> = { 'package.json': '{ "name": "api", "dependencies": { "express": "4.0.0" } }\n' };
  const mounts: string[] = [];
  for (let i = 0; i < count; i++) {
    const handlers = Array.from({ length: 12 }, (_, h) => `  const value${h} = Number(req.query.limit ?? ${h}) + ${i};\n  if (value${h} > 100) return res.status(400).json({ error: 'limit' });`).join('\n');
    const body = `(req, res) => {\n${handlers}\n  res.json({ id: req.params.id });\n}`;
    if (i % 3 === 0) {
      files[`src/routes/r${i}.js`] = `const express = require('express');\nconst router = express.Router();\nrouter.get('/:id', ${body});\nmodule.exports = router;\n`;
      mounts.push(`app.use('/r${i}', require('./routes/r${i}'));`);
    } else if (i % 3 === 1) {
      files[`src/routes/r${i}.mjs`] = `import { Router } from 'express';\nexport const router = Router();\nrouter.get('/:id', ${body});\n`;
    } else {
      files[`src/routes/r${i}.ts`] = `import { Router, type Request, type Response } from 'express';\nexport const router = Router();\nrouter.get('/:id', (req: Request, res: Response) => {\n${handlers}\n  res.json({ id: req.params.id });\n});\n`;
    }
  }
  files['src/app.js'] = `const express = require('express');\nconst app = express();\n${mounts.join('\n')}\nmodule.exports = app;\n`;
  return makeProject(files);
}

type ProgressValue = { kind: string; title?: string; message?: string; percentage?: number; cancellable?: boolean };

function progressOn(client: LspTestClient, token: string | number): ProgressValue[] {
  return client.progress.filter((p) => p.token === token).map((p) => p.value as ProgressValue);
}

async function until(condition: () => boolean, what: string, client: LspTestClient, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}; logs:\n${client.logs.map((l) => l.message).join('\n')}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** begin first, end last and once, reports in between with percentages that never go down. */
function assertWellFormed(values: ProgressValue[], endMessage: string): void {
  assert.deepEqual(values[0], { kind: 'begin', title: TITLE, cancellable: true, percentage: 0 });
  assert.deepEqual(values.at(-1), { kind: 'end', message: endMessage });
  const reports = values.slice(1, -1);
  assert.ok(reports.every((value) => value.kind === 'report'), JSON.stringify(values));
  let last = 0;
  for (const report of reports) {
    assert.match(report.message!, REPORT_MESSAGE);
    assert.ok(report.percentage! >= last && report.percentage! <= 100, `percentages only grow: ${JSON.stringify(reports)}`);
    last = report.percentage!;
  }
}

const isCancelled = (error: unknown) => (error as { code?: number }).code === LSPErrorCodes.RequestCancelled && /the report request was cancelled/.test((error as Error).message);

describe('apiguard/report progress, cancellation and reuse', () => {
  it('reports progress on a token it creates, then reuses every unchanged file for the next report', async () => {
    const root = routeWorkspace(150);
    const client = await LspTestClient.start({ rootDir: root, flavour: 'vscode' });
    try {
      await client.waitForLog(/indexed API routes/, 20_000);
      const first = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string }).content);
      assert.ok(client.progressTokens.includes('apiguard-report-1'));
      const values = progressOn(client, 'apiguard-report-1');
      assertWellFormed(values, '151 files');
      assert.ok(values.some((value) => /^src\/routes \(\d+\/152 files\)$/.test(value.message ?? '')), `a report names the folder: ${JSON.stringify(values)}`);
      await client.waitForLog(/^report \(json\) built in \d+ ms: 151 files analysed, 0 reused$/);

      const second = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string }).content);
      await client.waitForLog(/^report \(json\) built in \d+ ms: 0 files analysed, 151 reused$/);
      assert.deepEqual(second.findings, first.findings);
      assert.deepEqual(second.filesScanned, first.filesScanned);
      assertWellFormed(progressOn(client, 'apiguard-report-2'), '151 files');
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it("uses the client's workDoneToken when the request carries one, and creates none", async () => {
    const client = await LspTestClient.start({ rootDir: routeWorkspace(30), flavour: 'vscode' });
    try {
      await client.connection.sendRequest('apiguard/report', { format: 'markdown', workDoneToken: 'client-report-7' });
      assertWellFormed(progressOn(client, 'client-report-7'), '31 files');
      assert.deepEqual(client.progressTokens.filter((token) => String(token).startsWith('apiguard-report')), []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('window/workDoneProgress/cancel and $/cancelRequest stop the scan with RequestCancelled; the next report reuses what was done', async () => {
    const root = routeWorkspace(600);
    const client = await LspTestClient.start({ rootDir: root, flavour: 'vscode' });
    try {
      await client.waitForLog(/indexed API routes/, 30_000);
      const analysing = (token: string) => progressOn(client, token).some((value) => / \((?:[1-9]\d*)\/\d+ files\)$/.test(value.message ?? ''));

      const cancelledByProgress = client.connection.sendRequest('apiguard/report', { format: 'json' });
      await until(() => analysing('apiguard-report-1'), 'the first files analysed', client);
      void client.connection.sendNotification('window/workDoneProgress/cancel', { token: 'apiguard-report-1' });
      await assert.rejects(cancelledByProgress, isCancelled);
      await until(() => progressOn(client, 'apiguard-report-1').at(-1)?.kind === 'end', 'the end of the progress', client);
      assertWellFormed(progressOn(client, 'apiguard-report-1'), 'cancelled');
      await client.waitForLog(/^report \(json\) cancelled after \d+ ms$/);

      const source = new CancellationTokenSource();
      const cancelledByRequest = client.connection.sendRequest('apiguard/report', { format: 'html' }, source.token);
      await until(() => analysing('apiguard-report-2'), 'the first files analysed again', client);
      source.cancel();
      await assert.rejects(cancelledByRequest, isCancelled);
      assert.equal(client.logs.filter((log) => /^report \(html\) cancelled after \d+ ms$/.test(log.message)).length, 1);

      // The worker is usable, and what the cancelled scans analysed is not analysed again.
      const report = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string }).content);
      assert.equal(report.filesScanned.length, 601);
      const built = await client.waitForLog(/^report \(json\) built in \d+ ms: \d+ files? analysed, \d+ reused$/);
      const [, analysed, reused] = /: (\d+) files? analysed, (\d+) reused$/.exec(built)!;
      assert.equal(Number(analysed) + Number(reused), 601);
      assert.ok(Number(reused) > 0, built);
      assert.ok(client.isAlive);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });

  it('sends a client without window.workDoneProgress no progress at all', async () => {
    const client = await LspTestClient.start({ rootDir: routeWorkspace(30), flavour: 'plain' });
    try {
      const report = JSON.parse(((await client.connection.sendRequest('apiguard/report', { format: 'json' })) as { content: string }).content);
      assert.equal(report.filesScanned.length, 31);
      assert.deepEqual(client.progressTokens, []);
      assert.deepEqual(client.progress, []);
    } finally {
      assert.equal(await client.stop(), 0);
    }
  });
});
