// apiguard scan over a folder with a spec and an Express app: the spec ↔ code rules run in the second pass (the
// code rules on routes, spec/unimplemented-operation on the spec), and a spec scanned alone is compared with the
// routes of its project. In-process (server/cli/main.ts), exact findings of the spec ↔ code rules.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { PassThrough } from 'node:stream';
import { after, before, describe, it } from 'node:test';
import { runCli } from '../../server/cli/main';

const FILES: Record<string, string> = {
  'package.json': '{ "name": "shop", "private": true }\n',
  'openapi.yaml': `openapi: 3.0.3
info: { title: Shop, version: '1' }
servers:
  - url: https://api.example.com/v1
security:
  - bearerAuth: []
paths:
  /health:
    get:
      security: []
      responses: { '200': { description: ok } }
  /users:
    get:
      responses: { '200': { description: ok } }
  /users/{id}:
    get:
      responses: { '200': { description: ok } }
  /users/{id}/orders:
    get:
      responses: { '200': { description: ok } }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`,
  'src/app.ts': `import express from 'express';
import passport from 'passport';
import users from './users';

const app = express();
app.get('/v1/health', (req, res) => res.json({ ok: true }));
app.use('/v1/users', users);
app.post('/v1/debug/reset', passport.authenticate('bearer', { session: false }), (req, res) => res.status(204).end());
export default app;
`,
  'src/users.ts': `import { Router } from 'express';
import passport from 'passport';

const router = Router();
router.get('/', (req, res) => res.json([]));
router.get('/:id', passport.authenticate('bearer', { session: false }), (req, res) => res.json({}));
export default router;
`,
};

function scan(cwd: string, args: string[]): string[] {
  const stdout = new PassThrough();
  let text = '';
  stdout.on('data', (chunk) => (text += String(chunk)));
  runCli(['scan', ...args], { stdout, stderr: new PassThrough(), cwd, env: {} });
  return text.split('\n').filter((line) => / spec\/(undocumented-route|unimplemented-operation|auth-mismatch) /.test(line));
}

describe('apiguard scan: spec ↔ code', () => {
  let dir: string;
  before(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-spec-code-'));
    for (const [relative, content] of Object.entries(FILES)) {
      fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
      fs.writeFileSync(path.join(dir, relative), content);
    }
  });
  after(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('scanning the project reports the shadow route, the zombie operation and the unauthenticated documented route', () => {
    assert.deepEqual(scan(dir, []), [
      'openapi.yaml:19:5  info     spec/unimplemented-operation  GET /users/{id}/orders is documented but no route in the code implements it: clients are promised an endpoint that does not answer.',
      'src/app.ts:8:1  warning  spec/undocumented-route  POST /v1/debug/reset is not documented in openapi.yaml: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).',
      'src/users.ts:5:1  error    spec/auth-mismatch  GET /v1/users: openapi.yaml:13 requires bearerAuth for GET /users, but nothing on the route authenticates (no middleware).',
    ]);
  });

  it('a spec scanned alone is compared with the routes of its project', () => {
    assert.deepEqual(scan(dir, ['openapi.yaml']), [
      'openapi.yaml:19:5  info     spec/unimplemented-operation  GET /users/{id}/orders is documented but no route in the code implements it: clients are promised an endpoint that does not answer.',
    ]);
  });

  it('the code scanned alone is compared with the spec of its project', () => {
    assert.deepEqual(scan(dir, ['src']), [
      'src/app.ts:8:1  warning  spec/undocumented-route  POST /v1/debug/reset is not documented in openapi.yaml: an endpoint the spec does not list escapes the reviews, gateways and tests that read it (shadow API).',
      'src/users.ts:5:1  error    spec/auth-mismatch  GET /v1/users: openapi.yaml:13 requires bearerAuth for GET /users, but nothing on the route authenticates (no middleware).',
    ]);
  });
});

describe('apiguard scan: the example API and its contract', () => {
  const repoRoot = path.resolve(__dirname, '../..');
  const specLines = fs.readFileSync(path.join(repoRoot, 'examples/openapi.yaml'), 'utf8').split('\n');
  /** 1-based lines of the comments marking a flaw of `rule` in examples/openapi.yaml. */
  const flawLines = (rule: string) => specLines.flatMap((line, i) => (line.includes(`FLAW (${rule})`) ? [i + 1] : []));

  it('the spec scanned alone: each zombie marked in it is found on the operation below its comment', () => {
    const findings = scan(repoRoot, ['examples/openapi.yaml']);
    const marked = flawLines('spec/unimplemented-operation');
    assert.ok(marked.length > 0);
    assert.deepEqual(
      findings.map((line) => Number(/^examples\/openapi\.yaml:(\d+):/.exec(line)?.[1])),
      marked.map((comment) => comment + 1),
    );
  });

  it('the project scanned: each auth mismatch marked in the spec is reported on its route, naming the operation', () => {
    const findings = scan(repoRoot, ['examples']).filter((line) => line.includes('spec/auth-mismatch'));
    const marked = flawLines('spec/auth-mismatch');
    assert.ok(marked.length > 0);
    // The marked comment sits inside the operation, right below its method key.
    assert.deepEqual(findings.map((line) => Number(/openapi\.yaml:(\d+) requires/.exec(line)?.[1])), marked.map((comment) => comment - 1));
  });
});
