// Follows every link the bundled server emits on the examples (rules, spec rules, engine findings): each
// `codeDescription.href` is a `file:` URI to a shipped page titled with the diagnostic's code.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, before, describe, it } from 'node:test';
import { LspTestClient, makeProject } from './lsp-test-client';

const EXAMPLES = path.resolve(__dirname, '../../examples');

describe('doc links the server emits', () => {
  let client: LspTestClient;
  let rootDir: string;
  before(async () => {
    rootDir = makeProject();
    fs.cpSync(EXAMPLES, rootDir, { recursive: true });
    client = await LspTestClient.start({ rootDir, flavour: 'vscode' });
  });
  after(async () => {
    await client.stop();
    fs.rmSync(rootDir, { recursive: true, force: true });
  });

  it('every href of every diagnostic on the examples opens the page of its code', async () => {
    const files = fs.readdirSync(rootDir, { recursive: true, encoding: 'utf8' }).filter((file) => /\.(ts|yaml)$/.test(file)).sort();
    await client.waitForLog(/indexed API routes/, 30_000);
    for (const file of files) {
      const uri = client.open(file, fs.readFileSync(path.join(rootDir, file), 'utf8'));
      await client.waitForCurrentDiagnostics(uri, 30_000);
    }
    // The examples exercise code rules (the model and type-aware ones arrive from the worker), spec rules and the
    // cross-checks between code and spec.
    const expected = ['hardcoded-secret', 'unparameterized-query', 'mass-assignment', 'missing-auth', 'full-record-response', 'spec/insecure-server-url', 'spec/undocumented-route'];
    const links = new Map<string, string>();
    for (const deadline = Date.now() + 60_000; ; await new Promise((resolve) => setTimeout(resolve, 200))) {
      for (const published of client.published) {
        for (const diagnostic of published.diagnostics) links.set(String(diagnostic.code), diagnostic.codeDescription?.href ?? '(none)');
      }
      if (expected.every((code) => links.has(code)) || Date.now() > deadline) break;
    }
    for (const code of expected) assert.ok(links.has(code), `${code} in ${[...links.keys()].join(', ')}`);
    for (const [code, href] of links) {
      assert.match(href, /^file:\/\//, code);
      assert.equal(fs.readFileSync(fileURLToPath(href), 'utf8').split('\n')[0], `# ${code}`, href);
    }
  });
});
