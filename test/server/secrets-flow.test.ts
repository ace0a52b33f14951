// The whole editor flow with real hardcoded-secret findings, through the bundled server over stdio: the
// diagnostic arrives with its exact range and message, the fix is found from a zero-width cursor as a command
// naming it; executing it makes the server recompute the fix, write the .env and .gitignore the editor has not
// open, and only then edit the code through workspace/applyEdit; the diagnostic goes. Plus "Ignore on this line",
// the open-.env variant, and every way storing the value can fail: the secret never leaves the code unstored.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

// Built from parts so that no scanner mistakes this test for a leaked token.
const GITHUB_TOKEN = ['ghp', 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'].join('_');
const SOURCE = [
  "import jwt from 'jsonwebtoken';",
  '',
  `const token = '${GITHUB_TOKEN}';`,
  '',
  'export function issue(payload: object) {',
  "  return jwt.sign(payload, 'keyboard cat');",
  '}',
  'export const client = { token };',
  '',
].join('\n');

const TOKEN_DIAGNOSTIC = {
  range: range(2, 14, 2, 56),
  severity: 1,
  source: 'apiguard',
  code: 'hardcoded-secret',
  codeDescription: { href: docsHref('rules/hardcoded-secret.md') },
  message: 'GitHub personal access token in source (ghp_…(40 chars), sha256 79250a07). Rotate it: it stays in version history.',
};
const JWT_DIAGNOSTIC = {
  range: range(5, 27, 5, 41),
  severity: 2,
  source: 'apiguard',
  code: 'hardcoded-secret',
  codeDescription: { href: docsHref('rules/hardcoded-secret.md') },
  message: 'Hard-coded credential in jwt.sign() (key…(12 chars), sha256 422b6cfd). Move it out of source and rotate it: it stays in version history.',
};

async function waitUntil(condition: () => boolean, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

async function withClient(flavour: 'plain' | 'vscode', files: Record<string, string>, body: (client: LspTestClient, root: string) => Promise<void>) {
  const root = makeProject({ 'package.json': '{ "name": "api" }\n', ...files });
  const client = await LspTestClient.start({ rootDir: root, flavour });
  try {
    await body(client, root);
  } finally {
    assert.equal(await client.stop(), 0);
  }
}

describe('hardcoded-secret through the language server', () => {
  it('diagnoses, fixes from a zero-width range (server writes the unopened .env and .gitignore), and the diagnostic goes', async () => {
    await withClient('plain', { '.gitignore': 'node_modules\n' }, async (client, root) => {
      const uri = client.open('src/auth.ts', SOURCE);
      const opened = await client.waitForDiagnostics(uri);
      assert.deepEqual(opened.diagnostics, [TOKEN_DIAGNOSTIC, JWT_DIAGNOSTIC]);
      // The status the VS Code client shows in its status bar: one error and one warning, nothing left pending.
      await waitUntil(() => client.statuses.some((status) => status.errors === 1 && status.warnings === 1 && status.pending === 0));
      // No diagnostic, log or status ever carries the secret itself.
      assert.ok(!JSON.stringify(opened).includes(GITHUB_TOKEN) && !JSON.stringify(client.logs).includes(GITHUB_TOKEN));

      const actions = (await client.codeActions(uri, range(2, 30, 2, 30))) as CodeAction[];
      assert.deepEqual(actions.map((a) => [a.kind, a.title]), [
        ['quickfix', 'Move to an environment variable'],
        ['quickfix', 'Ignore "hardcoded-secret" on this line'],
        ['quickfix', SHOW_DOCS],
        ['quickfix', DISABLE],
      ]);
      const fix = actions[0]!;
      assert.equal(fix.isPreferred, true);
      assert.deepEqual(fix.diagnostics, [TOKEN_DIAGNOSTIC]);
      // No inline edit: the code must not change before the value is stored. The command names the fix only.
      assert.equal(fix.edit, undefined);
      assert.deepEqual(fix.command, {
        title: 'Move to an environment variable',
        command: 'apiguard.applyFix',
        arguments: [{ uri, version: 0, ruleId: 'hardcoded-secret', range: range(2, 14, 2, 56), title: 'Move to an environment variable' }],
      });
      assert.ok(!JSON.stringify(actions).includes(GITHUB_TOKEN));

      await client.applyCodeAction(fix);
      assert.equal(client.text(uri).split('\n')[2], 'const token = process.env.TOKEN!;');
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `TOKEN=${GITHUB_TOKEN}\n`);
      assert.equal(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
      const afterFirst = await client.waitForCurrentDiagnostics(uri);
      assert.deepEqual(afterFirst.diagnostics, [JWT_DIAGNOSTIC]);

      // The second fix sees the .env the server just wrote: it appends, and leaves .gitignore alone.
      const [jwtFix] = (await client.codeActions(uri, range(5, 27, 5, 27), ['quickfix'])) as CodeAction[];
      assert.equal(jwtFix!.title, 'Move to an environment variable');
      assert.deepEqual(jwtFix!.command!.arguments, [{ uri, version: 1, ruleId: 'hardcoded-secret', range: range(5, 27, 5, 41), title: 'Move to an environment variable' }]);
      await client.applyCodeAction(jwtFix!);
      assert.equal(client.text(uri).split('\n')[5], '  return jwt.sign(payload, process.env.JWT_SECRET!);');
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `TOKEN=${GITHUB_TOKEN}\nJWT_SECRET='keyboard cat'\n`);
      assert.equal(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), 'node_modules\n.env\n');
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, []);
    });
  });

  it('edits an open .env through the editor, at its exact version, instead of writing it behind the editor\'s back', async () => {
    await withClient('vscode', { '.env': 'PORT=3000\n', '.gitignore': '.env\n' }, async (client, root) => {
      const envUri = client.open('.env', 'PORT=3000\n', 'dotenv');
      client.change(envUri, [{ range: range(1, 0, 1, 0), text: 'DEBUG=1\n' }]); // unsaved: only the editor has it
      const uri = client.open('src/auth.ts', SOURCE);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
      const [fix] = (await client.codeActions(uri, range(2, 14, 2, 14), ['quickfix'])) as CodeAction[];
      assert.deepEqual(fix!.edit!.documentChanges, [
        { textDocument: { uri, version: 0 }, edits: [{ range: range(2, 14, 2, 56), newText: 'process.env.TOKEN!' }] },
        { textDocument: { uri: envUri, version: 1 }, edits: [{ range: range(2, 0, 2, 0), newText: `TOKEN=${GITHUB_TOKEN}\n` }] },
      ]);
      assert.equal(fix!.command, undefined, 'nothing left for the server to write');
      await client.applyCodeAction(fix!);
      assert.equal(client.text(envUri), `PORT=3000\nDEBUG=1\nTOKEN=${GITHUB_TOKEN}\n`);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), 'PORT=3000\n', 'the file on disk is the editor\'s to save');
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, [JWT_DIAGNOSTIC]);
    });
  });

  it('"Ignore on this line" inserts the suppression with the line\'s indentation and a reason to fill in', async () => {
    await withClient('plain', {}, async (client) => {
      const uri = client.open('src/auth.ts', SOURCE);
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
      const actions = (await client.codeActions(uri, range(5, 0, 5, 50), ['quickfix'])) as CodeAction[];
      const ignore = actions.find((a) => a.title === 'Ignore "hardcoded-secret" on this line')!;
      assert.deepEqual(ignore.diagnostics, [JWT_DIAGNOSTIC]);
      assert.deepEqual(ignore.edit, {
        documentChanges: [
          {
            textDocument: { uri, version: 0 },
            edits: [{ range: range(5, 0, 5, 0), newText: '  // apiguard-ignore-next-line hardcoded-secret -- TODO: say why this is safe\n' }],
          },
        ],
      });
      await client.applyCodeAction(ignore);
      assert.deepEqual(client.text(uri).split('\n').slice(4, 7), [
        'export function issue(payload: object) {',
        '  // apiguard-ignore-next-line hardcoded-secret -- TODO: say why this is safe',
        "  return jwt.sign(payload, 'keyboard cat');",
      ]);
      // The finding is suppressed; until the placeholder is replaced by a reason, a hint asks for one.
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, [
        TOKEN_DIAGNOSTIC,
        {
          range: range(5, 2, 5, 77),
          severity: 4,
          source: 'apiguard',
          code: 'suppression-without-reason',
          codeDescription: { href: docsHref('engine/suppression-without-reason.md') },
          message: 'Say why this finding is suppressed: write the reason after "--" in the comment.',
        },
      ]);
      client.change(uri, [{ range: range(5, 50, 5, 77), text: 'signing key of the local demo only' }]);
      assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, [TOKEN_DIAGNOSTIC]);
    });
  });

  it('a broken file still gets its secret diagnosed', async () => {
    await withClient('plain', {}, async (client) => {
      const uri = client.open('src/broken.ts', `const token = '${GITHUB_TOKEN}';\nexport function ( {\n  return <<>>;\n`);
      const published = await client.waitForDiagnostics(uri);
      assert.deepEqual(published.diagnostics, [{ ...TOKEN_DIAGNOSTIC, range: range(0, 14, 0, 56) }]);
    });
  });
});

const MOVE = 'Move to an environment variable';
const TOKEN_LINE = `const token = '${GITHUB_TOKEN}';`;

/** Opens SOURCE and returns the "Move to an environment variable" action for the token (line 3). */
const SHOW_DOCS = 'Show documentation for "hardcoded-secret"';
const DISABLE = 'Disable "hardcoded-secret" for this folder';

async function moveTokenAction(client: LspTestClient): Promise<{ uri: string; fix: CodeAction | undefined; titles: string[] }> {
  const uri = client.open('src/auth.ts', SOURCE);
  await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 2);
  const actions = (await client.codeActions(uri, range(2, 14, 2, 14), ['quickfix'])) as CodeAction[];
  return { uri, fix: actions.find((a) => a.title === MOVE), titles: actions.map((a) => a.title) };
}

describe('"Move to an environment variable" stores the value before the code changes (issue 14, items 1 and 3)', () => {
  it('appends to the .env on disk as it is when applied, not as it was when the fix was offered', async () => {
    const before = 'LONG_VARIABLE_NAME=aaaaaaaaaaaaaaaaaaaa\nB=2\n';
    await withClient('plain', { '.env': before, '.gitignore': '.env\n' }, async (client, root) => {
      const { uri, fix } = await moveTokenAction(client);
      // Shorter, behind the server's back (no watch event): offsets from the offer would land inside "B=2".
      fs.writeFileSync(path.join(root, '.env'), 'A=1\nB=2\n');
      await client.applyCodeAction(fix!);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `A=1\nB=2\nTOKEN=${GITHUB_TOKEN}\n`);
      assert.equal(client.text(uri).split('\n')[2], 'const token = process.env.TOKEN!;');
      assert.deepEqual(client.shownMessages, []);
    });
  });

  it('recreates a .env deleted after the fix was offered', async () => {
    await withClient('plain', { '.env': 'PORT=3000\n', '.gitignore': '.env\n' }, async (client, root) => {
      const { uri, fix } = await moveTokenAction(client);
      fs.rmSync(path.join(root, '.env'));
      await client.applyCodeAction(fix!);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), `TOKEN=${GITHUB_TOKEN}\n`);
      assert.equal(client.text(uri).split('\n')[2], 'const token = process.env.TOKEN!;');
    });
  });

  it('does not offer the fix when .env cannot be written (a directory): disabled with the reason where the client shows that', async () => {
    await withClient('plain', { '.env/keep': '', '.gitignore': '.env\n' }, async (client) => {
      const { titles } = await moveTokenAction(client);
      assert.deepEqual(titles, ['Ignore "hardcoded-secret" on this line', SHOW_DOCS, DISABLE]);
      await client.waitForLog(/"Move to an environment variable" not offered for hardcoded-secret at 3:15 of .*auth\.ts: \.env is not a regular file/);
    });
    await withClient('vscode', { '.env/keep': '', '.gitignore': '.env\n' }, async (client) => {
      const { fix, titles } = await moveTokenAction(client);
      assert.deepEqual(titles, [MOVE, 'Ignore "hardcoded-secret" on this line', SHOW_DOCS, DISABLE]);
      assert.deepEqual(fix, {
        title: MOVE,
        kind: 'quickfix',
        isPreferred: false,
        disabled: { reason: 'Cannot move the value: .env is not a regular file.' },
        diagnostics: [TOKEN_DIAGNOSTIC],
      });
    });
  });

  it('does not offer the fix for an untitled document (nowhere to store the value)', async () => {
    await withClient('vscode', {}, async (client) => {
      const uri = 'untitled:Untitled-1';
      client.documents.set(uri, TextDocument.create(uri, 'typescript', 0, TOKEN_LINE));
      void client.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version: 0, text: TOKEN_LINE } });
      await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
      const actions = (await client.codeActions(uri, range(0, 14, 0, 14), ['quickfix'])) as CodeAction[];
      assert.deepEqual(actions.map((a) => [a.title, a.disabled?.reason]), [
        [MOVE, 'Cannot move the value: the document is not saved to disk, so there is no project .env to move the value to.'],
        ['Ignore "hardcoded-secret" on this line', undefined],
        // An untitled document has no folder: documentation only.
        [SHOW_DOCS, undefined],
      ]);
    });
  });

  for (const answer of ['reject', 'error'] as const) {
    it(`restores .env and .gitignore when the editor ${answer === 'reject' ? 'answers applied: false' : 'fails workspace/applyEdit'}`, async () => {
      await withClient('plain', { '.gitignore': 'node_modules\n' }, async (client, root) => {
        const { uri, fix } = await moveTokenAction(client);
        client.applyEditAnswer = answer;
        await client.applyCodeAction(fix!);
        assert.equal(fs.existsSync(path.join(root, '.env')), false, 'the .env the fix created is gone again');
        assert.equal(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), 'node_modules\n');
        assert.equal(client.text(uri), SOURCE);
        const shown = await client.nextShownMessage();
        assert.equal(shown.type, 1);
        assert.match(shown.message, /^API Guard did not apply the fix: the editor('s applyEdit failed: .*| did not apply the edit); the files written for it were restored$/);
        assert.ok(!JSON.stringify(client.logs).includes(GITHUB_TOKEN) && !shown.message.includes(GITHUB_TOKEN));
      });
    });
  }

  it('never writes .env when .gitignore cannot be updated (it became a directory after the offer)', async () => {
    await withClient('plain', { '.gitignore': 'node_modules\n' }, async (client, root) => {
      const { uri, fix } = await moveTokenAction(client);
      fs.rmSync(path.join(root, '.gitignore'));
      fs.mkdirSync(path.join(root, '.gitignore'));
      await client.applyCodeAction(fix!);
      assert.equal(fs.existsSync(path.join(root, '.env')), false);
      assert.equal(client.text(uri), SOURCE, 'the secret stays in the code');
      const shown = await client.nextShownMessage();
      assert.match(shown.message, /^API Guard did not apply the fix: the value cannot be stored: \.gitignore is not a regular file$/);
      await client.waitForLog(/apiguard\.applyFix failed: the value cannot be stored: \.gitignore is not a regular file/);
    });
  });

  it('adds to an open .env buffer through the editor, version-exact, while .gitignore is written on disk first', async () => {
    await withClient('plain', { '.env': 'PORT=3000\n' }, async (client, root) => {
      const envUri = client.open('.env', 'PORT=3000\n', 'dotenv');
      const { uri, fix } = await moveTokenAction(client);
      assert.equal(fix!.edit, undefined);
      client.change(envUri, [{ range: range(1, 0, 1, 0), text: 'DEBUG=1\n' }]); // after the offer, unsaved
      await client.applyCodeAction(fix!);
      assert.equal(client.text(envUri), `PORT=3000\nDEBUG=1\nTOKEN=${GITHUB_TOKEN}\n`);
      assert.equal(fs.readFileSync(path.join(root, '.env'), 'utf8'), 'PORT=3000\n', 'the file on disk is the editor\'s to save');
      assert.equal(fs.readFileSync(path.join(root, '.gitignore'), 'utf8'), '.env\n');
      assert.equal(client.text(uri).split('\n')[2], 'const token = process.env.TOKEN!;');
    });
  });
});
