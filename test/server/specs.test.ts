// OpenAPI/Swagger specs in the language server: YAML and JSON documents that are specs get diagnostics as they are
// typed, with quick fixes (in the spec and in `$ref`'d files); other YAML/JSON gets nothing published at all; a
// change to a `$ref` target (open document, watched file, a fix written to disk) re-analyses the specs reading it.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-protocol';
import { LspTestClient, makeProject, range } from './lsp-test-client';
import { docsHref } from '../support/docs-href';

const RULE = 'spec/undefined-security-scheme';
/** Spec ↔ code tests watch those rules only: the fixtures document neither security nor responses in full. */
const SPEC_CODE_ONLY = '{ "rules": { "spec/operation-without-security": "off", "spec/missing-auth-error-response": "off", "spec/missing-rate-limit-response": "off" } }\n';
const DOCS = docsHref('rules/spec-undefined-security-scheme.md');

const SPEC_30_YAML = `openapi: 3.0.3
info: { title: Users, version: '1' }
paths:
  /users:
    get:
      # who may list users
      security:
        - BearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`;

const SPEC_20_JSON = `{
  "swagger": "2.0",
  "info": { "title": "Users", "version": "1" },
  "securityDefinitions": { "apiKey": { "type": "apiKey", "in": "header", "name": "X-Key" } },
  "paths": {
    "/users": {
      "get": { "security": [{ "token": [] }], "responses": { "200": { "description": "ok" } } }
    }
  }
}
`;

const NOT_A_SPEC_YAML = `name: ci
on: [push]
jobs:
  test:
    runs-on: ubuntu-latest
`;

/** The one finding a test expects, as the client sees it. */
function undefinedScheme(at: ReturnType<typeof range>, message: string): Diagnostic {
  return { range: at, severity: 1, source: 'apiguard', code: RULE, codeDescription: { href: DOCS }, message };
}

describe('specs in the language server', () => {
  let client: LspTestClient;
  let root: string;
  before(async () => {
    root = makeProject({
      'package.json': '{ "name": "api" }\n',
      // These tests follow one rule's findings and fixes through the server; the response-documentation rules
      // would add findings of their own to every secured operation of the fixtures.
      'apiguard.json': '{ "rules": { "spec/missing-auth-error-response": "off", "spec/missing-rate-limit-response": "off" } }\n',
      'api/schemes.yaml': 'apiKey: { type: apiKey, in: header, name: X-Key }\n',
      'api/users-path.yaml': 'get:\n  security:\n    - BearerAuth: []\n  responses:\n    "200": { description: ok }\n',
    });
    client = await LspTestClient.start({ rootDir: root, flavour: 'vscode' });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('publishes an OAS 3.0 YAML finding at the scheme name, and its fix removes it keeping the comment and layout', async () => {
    const uri = client.open('api/openapi.yaml', SPEC_30_YAML, 'yaml');
    const published = await client.waitForDiagnostics(uri);
    assert.equal(published.version, 0);
    const message = 'Security scheme "BearerAuth" is not defined in components.securitySchemes (defined: bearerAuth): nothing says how GET /users is authenticated.';
    assert.deepEqual(published.diagnostics, [undefinedScheme(range(7, 10, 7, 20), message)]);

    const actions = (await client.codeActions(uri, range(7, 12, 7, 12))) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ['Use the defined scheme "bearerAuth"', `Ignore "${RULE}" on this line`, `Show documentation for "${RULE}"`, `Disable "${RULE}" for this folder`]);
    assert.deepEqual(actions[0]!.edit, { documentChanges: [{ textDocument: { uri, version: 0 }, edits: [{ range: range(7, 10, 7, 20), newText: 'bearerAuth' }] }] });
    // YAML comments start with `#`, at the line's indentation.
    assert.deepEqual(actions[1]!.edit, {
      documentChanges: [{ textDocument: { uri, version: 0 }, edits: [{ range: range(7, 0, 7, 0), newText: `        # apiguard-ignore-next-line ${RULE} -- TODO: say why this is safe\n` }] }],
    });

    await client.applyCodeAction(actions[0]!);
    assert.equal(client.text(uri), SPEC_30_YAML.replace('- BearerAuth: []', '- bearerAuth: []'));
    assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, []);
  });

  it('suppresses a YAML finding with the inserted comment (a hint asks for the reason)', async () => {
    const uri = client.open('api/suppressed.yaml', SPEC_30_YAML, 'yaml');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    const [, ignore] = (await client.codeActions(uri, range(7, 12, 7, 12), ['quickfix'])) as CodeAction[];
    await client.applyCodeAction(ignore!);
    const after = await client.waitForCurrentDiagnostics(uri);
    assert.deepEqual(after.diagnostics.map((d) => [d.code, d.range.start.line]), [['suppression-without-reason', 7]]);
  });

  it('publishes a Swagger 2.0 JSON finding; JSON gets no "ignore" comment action (comments would break the spec)', async () => {
    const uri = client.open('api/swagger.json', SPEC_20_JSON, 'json');
    const published = await client.waitForDiagnostics(uri);
    const message = 'Security scheme "token" is not defined in securityDefinitions (defined: apiKey): nothing says how GET /users is authenticated.';
    assert.deepEqual(published.diagnostics, [undefinedScheme(range(6, 30, 6, 37), message)]);
    const actions = (await client.codeActions(uri, range(6, 32, 6, 32))) as CodeAction[];
    assert.deepEqual(actions.map((action) => action.title), ['Use the defined scheme "apiKey"', `Show documentation for "${RULE}"`, `Disable "${RULE}" for this folder`]);
    await client.applyCodeAction(actions[0]!);
    // The quotes stay: the key is replaced inside the JSON string's own quoting.
    assert.equal(client.text(uri), SPEC_20_JSON.replace('"token"', '"apiKey"'));
    assert.deepEqual((await client.waitForCurrentDiagnostics(uri)).diagnostics, []);
  });

  it('publishes nothing for YAML/JSON that is not a spec, clears a file that stops being one, and picks up one that becomes one', async () => {
    const workflow = client.open('.github/workflows/ci.yml', NOT_A_SPEC_YAML, 'yaml');
    const manifest = client.open('package.json', '{ "name": "api", "tools": { "openapi": "3.0.3" } }\n', 'json');
    // A spec opened after them: its diagnostics come after theirs would have.
    const spec = client.open('api/later.yaml', SPEC_30_YAML, 'yaml');
    await client.waitForDiagnostics(spec, (p) => p.diagnostics.length === 1);
    assert.deepEqual(await client.codeActions(workflow, range(0, 0, 0, 0)), []);
    assert.deepEqual(await client.codeActions(manifest, range(0, 0, 0, 0)), []);
    assert.equal(client.published.filter((p) => p.uri === workflow || p.uri === manifest).length, 0);

    // The workflow turns into a spec as the user types its first line...
    client.edit(workflow, 0, 0, 'openapi: 3.1.0\nsecurity:\n  - missing: []\n');
    const asSpec = await client.waitForCurrentDiagnostics(workflow);
    assert.deepEqual(asSpec.diagnostics.map((d) => [d.code, d.range]), [[RULE, range(2, 4, 2, 11)]]);
    // ...and stops being one: one empty publish clears it, later edits publish nothing.
    client.edit(workflow, 0, 'openapi'.length, 'openapa');
    assert.deepEqual((await client.waitForCurrentDiagnostics(workflow)).diagnostics, []);
    const count = client.published.filter((p) => p.uri === workflow).length;
    client.edit(workflow, 0, 0, '# still not a spec\n');
    await client.codeActions(workflow, range(0, 0, 0, 0));
    assert.equal(client.published.filter((p) => p.uri === workflow).length, count);
  });

  it('re-analyses a spec when a `$ref` target changes: its open text, its close (back to disk), then the disk', async () => {
    const spec = [
      'openapi: 3.0.3',
      "info: { title: t, version: '1' }",
      'security:',
      '  - bearerAuth: []',
      'paths: {}',
      'components:',
      '  securitySchemes:',
      "    $ref: './schemes.yaml'",
      '',
    ].join('\n');
    const uri = client.open('api/root.yaml', spec, 'yaml');
    const message = 'Security scheme "bearerAuth" is not defined in components.securitySchemes (defined: apiKey): nothing says how the API is authenticated.';
    assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics, [undefinedScheme(range(3, 4, 3, 14), message)]);
    const publishesOf = () => client.published.filter((p) => p.uri === uri);

    const schemes = client.open('api/schemes.yaml', fs.readFileSync(path.join(root, 'api/schemes.yaml'), 'utf8'), 'yaml');
    client.edit(schemes, 0, 0, 'bearerAuth: { type: http, scheme: bearer }\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    // Code actions wait for the worker's complete pass: from here on, every publish is caused by the close.
    const whole = range(0, 0, 9, 0);
    await client.codeActions(uri, whole);

    const before = publishesOf().length;
    client.close(schemes);
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    await client.codeActions(uri, whole);
    // One re-analysis: the main thread's publish, then the worker's complete pass over the same inputs.
    assert.equal(publishesOf().length, before + 2);
    assert.deepEqual(publishesOf().at(-1)!.diagnostics, [undefinedScheme(range(3, 4, 3, 14), message)]);

    fs.writeFileSync(path.join(root, 'api/schemes.yaml'), 'bearerAuth: { type: http, scheme: bearer }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uriOf('api/schemes.yaml'), type: 2 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    // The spec's own text never changed: each publish carries its version.
    assert.ok(publishesOf().every((p) => p.version === 0));
  });

  it('re-analyses a spec when a missing `$ref` target is created', async () => {
    const spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nsecurity:\n  - bearerAuth: []\npaths: {}\ncomponents:\n  securitySchemes:\n    $ref: './later-schemes.yaml'\n";
    const uri = client.open('api/waiting.yaml', spec, 'yaml');
    assert.deepEqual((await client.waitForDiagnostics(uri)).diagnostics.map((d) => d.code), [RULE]);
    fs.writeFileSync(path.join(root, 'api/later-schemes.yaml'), 'bearerAuth: { type: http, scheme: bearer }\n');
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: client.uriOf('api/later-schemes.yaml'), type: 1 }] });
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('fixes a finding inside a `$ref`\'d file that is not open: the command writes that file, and the spec is re-analysed', async () => {
    const spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    $ref: './users-path.yaml'\ncomponents:\n  securitySchemes:\n    bearerAuth: { type: http, scheme: bearer }\n";
    const uri = client.open('api/split.yaml', spec, 'yaml');
    const published = await client.waitForDiagnostics(uri);
    // Shown at the `$ref` through which the other file is reached.
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range]), [[RULE, range(4, 4, 4, 29)]]);
    const actions = (await client.codeActions(uri, range(4, 6, 4, 6), ['quickfix'])) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Use the defined scheme "bearerAuth"')!;
    assert.equal(fix.edit, undefined);
    assert.equal(fix.command!.command, 'apiguard.applyFix');
    await client.applyCodeAction(fix);
    assert.equal(fs.readFileSync(path.join(root, 'api/users-path.yaml'), 'utf8'), 'get:\n  security:\n    - bearerAuth: []\n  responses:\n    "200": { description: ok }\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
    assert.equal(client.text(uri), spec);
  });

  it('fixes a finding inside a `$ref`\'d file that is open: one inline edit of that document, at its version', async () => {
    fs.writeFileSync(path.join(root, 'api/orders-path.yaml'), 'get:\n  security:\n    - BearerAuth: []\n  responses:\n    "200": { description: ok }\n');
    const target = client.open('api/orders-path.yaml', fs.readFileSync(path.join(root, 'api/orders-path.yaml'), 'utf8'), 'yaml');
    client.edit(target, 0, 0, '# orders\n');
    const spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /orders:\n    $ref: './orders-path.yaml'\ncomponents:\n  securitySchemes:\n    bearerAuth: { type: http, scheme: bearer }\n";
    const uri = client.open('api/orders.yaml', spec, 'yaml');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 1);
    const actions = (await client.codeActions(uri, range(4, 6, 4, 6), ['quickfix'])) as CodeAction[];
    const fix = actions.find((action) => action.title === 'Use the defined scheme "bearerAuth"')!;
    // The open buffer's text (one line longer than the disk's) is what the edit is computed against.
    assert.deepEqual(fix.edit, { documentChanges: [{ textDocument: { uri: target, version: 1 }, edits: [{ range: range(3, 6, 3, 16), newText: 'bearerAuth' }] }] });
    await client.applyCodeAction(fix);
    assert.equal(client.text(target), '# orders\nget:\n  security:\n    - bearerAuth: []\n  responses:\n    "200": { description: ok }\n');
    await client.waitForDiagnostics(uri, (p) => p.diagnostics.length === 0);
  });

  it('registers a watcher for YAML/JSON files', async () => {
    const registered = JSON.stringify(client.registrations);
    assert.ok(registered.includes('"**/*.{yaml,yml,json}"'), registered);
  });
});

describe('specs and code in the language server (model rules in the worker)', () => {
  const APP = "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\napp.listen(3000);\n";
  const SPEC = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      responses: { '200': { description: ok } }\n  /orders:\n    get:\n      responses: { '200': { description: ok } }\n";
  let client: LspTestClient;
  let root: string;
  before(async () => {
    root = makeProject({ 'package.json': '{ "name": "api" }\n', 'apiguard.json': SPEC_CODE_ONLY, 'src/app.ts': APP, 'openapi.yaml': SPEC, 'data/big.json': `[${'1,'.repeat(700_000)}1]\n` });
    client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
  });
  after(async () => {
    assert.equal(await client.stop(), 0);
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('indexes specs in the walk (counted apart from scripts), and an operation no route implements is reported once the model is complete', async () => {
    await client.waitForLog(/^indexed API routes: /);
    assert.ok(client.logs.some((log) => log.message === 'indexed API routes: 1 files, 1 routes, 1 spec'), client.logs.map((l) => l.message).join('\n'));
    const uri = client.open('openapi.yaml', SPEC, 'yaml');
    const published = await client.waitForDiagnostics(uri, (p) => p.diagnostics.length > 0);
    assert.deepEqual(published.diagnostics.map((d) => [d.code, d.range, d.message]), [
      ['spec/unimplemented-operation', range(7, 4, 7, 7), 'GET /orders is documented but no route in the code implements it: clients are promised an endpoint that does not answer.'],
    ]);
  });

  it('an edit to the code that implements the operation clears the spec\'s finding (and removing it brings it back)', async () => {
    const spec = client.uriOf('openapi.yaml');
    const app = client.open('src/app.ts', APP, 'typescript');
    await client.waitForCurrentDiagnostics(app);
    const at = APP.indexOf('app.listen');
    client.edit(app, at, at, "app.get('/orders', (req, res) => res.json([]));\n");
    await client.waitForDiagnostics(spec, (p) => p.diagnostics.length === 0);
    client.edit(app, at, at + "app.get('/orders', (req, res) => res.json([]));\n".length, '');
    await client.waitForDiagnostics(spec, (p) => p.diagnostics.length === 1);
  });
});

describe('a spec edit re-judges open route files (spec/undocumented-route), even with no model spec rule on', () => {
  it('documenting the route in the open spec clears the finding on the open route file', async () => {
    const app = "import express from 'express';\nconst app = express();\napp.get('/users', (req, res) => res.json([]));\napp.get('/orders', (req, res) => res.json([]));\napp.listen(3000);\n";
    const spec = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /users:\n    get:\n      responses: { '200': { description: ok } }\n";
    const root = makeProject({ 'package.json': '{ "name": "api" }\n', 'apiguard.json': '{ "rules": { "spec/unimplemented-operation": "off" } }\n', 'src/app.ts': app, 'openapi.yaml': spec });
    const client = await LspTestClient.start({ rootDir: root, flavour: 'plain' });
    try {
      await client.waitForLog(/^indexed API routes: /);
      const appUri = client.open('src/app.ts', app, 'typescript');
      const flagged = await client.waitForDiagnostics(appUri, (p) => p.diagnostics.some((d) => d.code === 'spec/undocumented-route'));
      assert.deepEqual(flagged.diagnostics.filter((d) => d.code === 'spec/undocumented-route').map((d) => d.range.start.line), [3]);
      const specUri = client.open('openapi.yaml', spec, 'yaml');
      await client.waitForCurrentDiagnostics(specUri);
      client.edit(specUri, spec.length, spec.length, "  /orders:\n    get:\n      responses: { '200': { description: ok } }\n");
      await client.waitForDiagnostics(appUri, (p) => !p.diagnostics.some((d) => d.code === 'spec/undocumented-route'));
      assert.equal(client.text(appUri), app);
    } finally {
      assert.equal(await client.stop(), 0);
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
