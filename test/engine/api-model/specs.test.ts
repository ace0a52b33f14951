// Specs in the workspace index: the summary made of each spec (operations, full paths, effective security, the
// method key's spot, documented request/response properties) and ApiModel.specs joining specs with routes
// (coverage by project, operationFor with prefixes and :id ↔ {id}, operations with the routes implementing them).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';
import { ROOT } from './support';

const at = (relative: string) => path.join(ROOT, relative);

/** An index whose project roots are the folders given (else ROOT), reading `$ref` targets from `files`. */
function indexOf(files: Record<string, string>, projects: string[] = []): WorkspaceIndex {
  const index = new WorkspaceIndex({
    projectRootFor: (filePath) => projects.map(at).filter((dir) => filePath.startsWith(dir + path.sep)).sort((a, b) => b.length - a.length)[0] ?? ROOT,
    readFile: (filePath) => files[path.relative(ROOT, filePath)],
    isTestFile: (filePath) => filePath.includes(`${path.sep}test${path.sep}`),
  });
  for (const [relative, text] of Object.entries(files)) index.indexFile(at(relative), text);
  index.markComplete();
  return index;
}

const SPEC_30 = `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers:
  - url: https://api.example.com/{version}
    variables:
      version: { default: v2 }
  - url: /internal
security:
  - bearerAuth: []
paths:
  /users:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                type: array
                items: { $ref: '#/components/schemas/User' }
    post:
      security:
        - {}
        - bearerAuth: []
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/User' }
      responses: { '201': { description: created } }
  /health:
    get:
      security: []
      responses: { '200': { description: ok } }
  /users/{id}:
    delete:
      responses: { '204': { description: gone } }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
  schemas:
    User:
      type: object
      properties:
        id: { type: string, readOnly: true }
        name: { type: string }
        password: { type: string, writeOnly: true }
`;

describe('spec summaries', () => {
  it('OAS 3.0 YAML: base paths with server variables, operations, security kinds, spots and fields', () => {
    const summary = indexOf({ 'openapi.yaml': SPEC_30 }).summaryOf(at('openapi.yaml'))!.spec!;
    assert.equal(summary.version, '3.0');
    assert.deepEqual(summary.basePaths, ['/v2', '/internal']);
    assert.deepEqual(
      summary.operations.map((operation) => [operation.method, operation.path, operation.fullPaths, operation.security, operation.at.line + 1, operation.requestFields, operation.responseFields]),
      [
        ['GET', '/users', ['/v2/users', '/internal/users'], { kind: 'required', schemes: ['bearerAuth'] }, 12, undefined, ['id', 'name']],
        ['POST', '/users', ['/v2/users', '/internal/users'], { kind: 'optional', schemes: ['bearerAuth'] }, 21, ['name', 'password'], undefined],
        ['GET', '/health', ['/v2/health', '/internal/health'], { kind: 'anonymous', schemes: [] }, 31, undefined, undefined],
        ['DELETE', '/users/{id}', ['/v2/users/{id}', '/internal/users/{id}'], { kind: 'required', schemes: ['bearerAuth'] }, 35, undefined, undefined],
      ],
    );
    const post = summary.operations[1]!;
    assert.equal(SPEC_30.slice(post.at.start, post.at.end), 'post');
  });

  it('Swagger 2.0 JSON: basePath, body and formData parameters, response schema; no security at all', () => {
    const spec = `{
  "swagger": "2.0",
  "info": { "title": "t", "version": "1" },
  "basePath": "/api/",
  "paths": {
    "/avatars": { "post": { "parameters": [{ "in": "formData", "name": "file", "type": "file" }, { "in": "formData", "name": "caption", "type": "string" }], "responses": { "201": { "description": "ok" } } } },
    "/orders": { "put": { "parameters": [{ "in": "body", "name": "body", "schema": { "properties": { "total": { "type": "number" } } } }], "responses": { "200": { "description": "ok", "schema": { "properties": { "id": { "type": "integer" }, "total": { "type": "number" } } } } } } }
  }
}
`;
    const summary = indexOf({ 'swagger.json': spec }).summaryOf(at('swagger.json'))!.spec!;
    assert.equal(summary.version, '2.0');
    assert.deepEqual(summary.basePaths, ['/api']);
    assert.deepEqual(
      summary.operations.map((operation) => [operation.method, operation.fullPaths, operation.security.kind, operation.at.line + 1, operation.requestFields, operation.responseFields]),
      [
        ['POST', ['/api/avatars'], 'none', 6, ['file', 'caption'], undefined],
        ['PUT', ['/api/orders'], 'none', 7, ['total'], ['id', 'total']],
      ],
    );
  });

  it('OAS 3.1: a path item $ref\'d from another file is placed at its path key here; its schemas are read there', () => {
    const files = {
      'openapi.yaml': `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /orders:
    $ref: './paths/orders.yaml'
`,
      'paths/orders.yaml': `post:
  requestBody:
    content:
      application/json:
        schema:
          properties:
            sku: { type: string }
  responses: { '201': { description: ok } }
`,
    };
    const operation = indexOf(files).summaryOf(at('openapi.yaml'))!.spec!.operations[0]!;
    assert.deepEqual([operation.method, operation.path, operation.at.line + 1, files['openapi.yaml'].slice(operation.at.start, operation.at.end), operation.requestFields], ['POST', '/orders', 4, '/orders', ['sku']]);
  });

  it('YAML/JSON that is not a spec, and a spec under test/, leave nothing; a spec that stops being one is removed', () => {
    const index = indexOf({ 'config.yaml': 'name: x\n', 'package.json': '{ "name": "x" }\n', 'test/fixtures/openapi.yaml': SPEC_30, 'openapi.yaml': SPEC_30 });
    assert.deepEqual([...index.model().specs.all.keys()], [at('openapi.yaml')]);
    assert.equal(index.indexSpecFile(at('openapi.yaml'), 'title: no longer a spec\n'), true);
    assert.deepEqual([...index.model().specs.all.keys()], []);
    assert.equal(index.has(at('openapi.yaml')), false);
  });

  it('an edit that only moves the spec (a comment above) updates spots without a re-link', () => {
    const index = indexOf({ 'openapi.yaml': SPEC_30 });
    const before = index.model();
    assert.equal(index.indexSpecFile(at('openapi.yaml'), `# Shop API\n${SPEC_30}`), false);
    assert.equal(index.model(), before);
    assert.equal(before.specs.all.get(at('openapi.yaml'))!.operations[0]!.at.line + 1, 13);
  });
});

const APP = `import express from 'express';
const app = express();
app.get('/', (req, res) => res.json({ status: 'up' }));
app.get('/v2/users', (req, res) => res.json([]));
app.get('/v2/users/me', (req, res) => res.json({}));
app.delete('/internal/users/:userId', (req, res) => res.status(204).end());
app.all('/health', (req, res) => res.json({ ok: true }));
`;

describe('ApiModel.specs', () => {
  it('operationFor: server prefixes or none, :id ↔ {id}, a literal route segment is not a parameter operation', () => {
    const model = indexOf({ 'openapi.yaml': SPEC_30, 'src/app.ts': APP }).model();
    const specs = model.specs;
    assert.equal(specs.isComparable(model.routes.find((route) => route.path === '/')!), true);
    const found = (method: string, fullPath: string) => specs.operationFor(method, fullPath, at('src/app.ts'))?.operation.path;
    assert.deepEqual(
      [found('GET', '/'), found('GET', '/v2/users'), found('GET', '/users'), found('DELETE', '/internal/users/:userId'), found('GET', '/v2/users/me'), found('DELETE', '/v2/users/me'), found('GET', '/v3/users'), found('PATCH', '/users')],
      [undefined, '/users', '/users', '/users/{id}', undefined, undefined, undefined, undefined],
    );
    assert.deepEqual(specs.coveringSpecs(at('src/app.ts')), [at('openapi.yaml')]);
  });

  it('operationsOf: the routes implementing each operation (ALL serves every method)', () => {
    const specs = indexOf({ 'openapi.yaml': SPEC_30, 'src/app.ts': APP }).model().specs;
    assert.deepEqual(
      specs.operationsOf(at('openapi.yaml'))!.map((entry) => `${entry.operation.method} ${entry.operation.path}: ${entry.implementedBy.map((route) => `${route.method} ${route.path}`).join(', ')}`),
      ['GET /users: GET /v2/users', 'POST /users: ', 'GET /health: ALL /health', 'DELETE /users/{id}: DELETE /internal/users/:userId'],
    );
  });

  it('a spec of another API in the same project documents none of its routes: it covers nothing and judges nothing', () => {
    const specs = indexOf({ 'vendor/payments.yaml': `openapi: 3.0.3\ninfo: { title: p, version: '1' }\npaths:\n  /charges:\n    post:\n      responses: { '200': { description: ok } }\n`, 'src/app.ts': APP }).model().specs;
    assert.deepEqual(specs.coveringSpecs(at('src/app.ts')), []);
    assert.equal(specs.operationsOf(at('vendor/payments.yaml')), undefined);
    assert.equal(specs.operationFor('GET', '/v2/users', at('src/app.ts')), undefined);
  });

  it('projects: a spec covers the files of its project folder, and the projects inside the folder holding it', () => {
    const files = {
      'services/users/openapi.yaml': SPEC_30,
      'services/users/src/app.ts': APP,
      'services/billing/src/app.ts': APP,
      'docs/openapi.yaml': SPEC_30,
    };
    const specs = indexOf(files, ['services/users', 'services/billing']).model().specs;
    assert.deepEqual(specs.coveringSpecs(at('services/users/src/app.ts')), [at('services/users/openapi.yaml'), at('docs/openapi.yaml')]);
    assert.deepEqual(specs.coveringSpecs(at('services/billing/src/app.ts')), [at('docs/openapi.yaml')]);
  });

  it('a trailing * (a catch-all) serves any number of segments; a path computed whole (/*) serves nothing', () => {
    const spec = `openapi: 3.0.3\ninfo: { title: t, version: '1' }\npaths:\n  /files/{a}/{b}:\n    get:\n      responses: { '200': { description: ok } }\n  /files:\n    get:\n      responses: { '200': { description: ok } }\n  /teams/{t}/members:\n    get:\n      responses: { '200': { description: ok } }\n`;
    const app = "import express from 'express';\nconst app = express();\napp.get('/files/*', (req, res) => res.end());\napp.get('/teams/' + process.env.T + '/members', (req, res) => res.end());\n";
    const model = indexOf({ 'openapi.yaml': spec, 'src/app.ts': app }).model();
    const specs = model.specs;
    assert.deepEqual(model.routes.map((route) => `${route.path} ${specs.isComparable(route)}`), ['/files/* true', '/* false']);
    assert.deepEqual(
      specs.operationsOf(at('openapi.yaml'))!.map((entry) => `${entry.operation.path}: ${entry.implementedBy.map((route) => route.path).join(', ')}`),
      ['/files/{a}/{b}: /files/*', '/files: /files/*', '/teams/{t}/members: '],
    );
  });
});
