// `apiguard routes` end to end, and `apiguard scan` judging routes across files: the bundled dist/cli.js over a
// multi-file Express fixture (test/fixtures/cli/routes): a router authenticated at its mount (passport), a router
// mounted before the app-wide `use(requireLogin)` (so it is not protected), a configured middleware name and public
// route, a login route, a route marked public, and a router mounted nowhere.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { copyFixture, normalizeDuration, removeDir, runCli, writeFile } from './support';

const PASSPORT = "passport.authenticate('jwt', {…})";
const NOT_MOUNTED = 'legacyRouter is not mounted on an app anywhere in the workspace';

const ROUTES_TEXT = `GET     /api/me           express  src/app.ts:16           <inline handler>  requireLogin (listed in apiguard.json "auth.middleware")
DELETE  /api/orders/:id   express  src/routes/orders.ts:5  <inline handler>  NONE
GET     /api/orders/:id   express  src/routes/orders.ts:4  <inline handler>  NONE
GET     /api/users        express  src/routes/users.ts:4   listUsers         ${PASSPORT} (passport (library))
POST    /api/users/:id    express  src/routes/users.ts:5   <inline handler>  ${PASSPORT} (passport (library))
POST    /login            express  src/app.ts:9            <inline handler>  public: login endpoint
GET     /old              express  src/routes/legacy.ts:4  <inline handler>  unknown: ${NOT_MOUNTED}
GET     /status           express  src/app.ts:10           <inline handler>  public: listed in apiguard.json "auth.publicRoutes" (GET /status)
POST    /webhooks/stripe  express  src/app.ts:12           <inline handler>  marked public: signed by Stripe, checked in the handler
9 routes: 3 authenticated, 3 public, 2 none, 1 unknown
`;

describe('apiguard routes: what could not be listed, and secrets in paths', () => {
  let project: string;
  before(() => {
    project = copyFixture('routes');
    // Assembled so no full token sits in this file.
    const token = 'hk_' + 'Q7vLp2Rk9TzW4mN8bYc3' + 'Hs6Fd1Xa';
    writeFile(project, 'src/generated.ts', `import express from 'express';
import finale from 'finale-rest';
const app = express();
finale.initialize({ app });
finale.resource({ model: Thing, endpoints: makeEndpoints() });
app.post('/hooks/${token}', (req, res) => res.end());
`);
  });
  after(() => removeDir(project));

  it('lists generated routes it cannot expand after the table, and never prints a token in a path whole', () => {
    const run = runCli(['routes', 'src/generated.ts'], project);
    assert.equal(run.status, 0, run.stderr);
    assert.doesNotMatch(run.stdout, /Q7vLp2Rk9TzW4mN8bYc3Hs6Fd1Xa/);
    assert.match(run.stdout, /^POST {2}\/hooks\/hk_Q…\(31 chars\) +express +src\/generated\.ts:6 /m);
    assert.match(run.stdout, /\nRoutes that exist but could not be listed:\n {2}src\/generated\.ts:5 {2}express {2}finale\.resource: a generated REST resource whose app or endpoints are not constants\n$/);
    const json = JSON.parse(runCli(['routes', 'src/generated.ts', '--format', 'json'], project).stdout);
    assert.deepEqual(json.unmodelled, [{ framework: 'express', what: 'finale.resource: a generated REST resource whose app or endpoints are not constants', file: 'src/generated.ts', line: 5 }]);
  });
});

describe('apiguard routes', () => {
  let project: string;
  before(() => {
    project = copyFixture('routes');
  });
  after(() => removeDir(project));

  it('prints one line per route, sorted by path then method, with how it is authenticated, and a summary; exits 0', () => {
    const run = runCli(['routes'], project);
    assert.equal(run.stderr, '');
    assert.equal(run.stdout, ROUTES_TEXT);
    assert.equal(run.status, 0, 'an inventory, not a check: unauthenticated routes do not fail it');
  });

  it('--format json prints the entries the server request returns, with paths relative to the current folder', () => {
    const run = runCli(['routes', '--format', 'json'], project);
    assert.equal(run.status, 0);
    const app = (line: number) => ({ file: 'src/app.ts', line });
    const ordersMount = [{ path: '/api/orders', ...app(14) }];
    const usersMount = [{ path: '/api/users', ...app(13) }];
    const inline = '<inline handler>';
    const byPassport = { status: 'authenticated', by: PASSPORT, how: 'passport (library)' };
    assert.deepEqual(JSON.parse(run.stdout), {
      complete: true,
      routes: [
        { method: 'GET', path: '/api/me', framework: 'express', ...app(16), handler: inline, auth: { status: 'authenticated', by: 'requireLogin', how: 'listed in apiguard.json "auth.middleware"' }, mounts: [], chain: ['express.json()', 'requireLogin'], notes: [] },
        { method: 'DELETE', path: '/api/orders/:id', framework: 'express', file: 'src/routes/orders.ts', line: 5, handler: inline, auth: { status: 'none' }, mounts: ordersMount, chain: ['express.json()'], notes: [] },
        { method: 'GET', path: '/api/orders/:id', framework: 'express', file: 'src/routes/orders.ts', line: 4, handler: inline, auth: { status: 'none' }, mounts: ordersMount, chain: ['express.json()'], notes: [] },
        { method: 'GET', path: '/api/users', framework: 'express', file: 'src/routes/users.ts', line: 4, handler: 'listUsers', auth: byPassport, mounts: usersMount, chain: ['express.json()', PASSPORT], notes: [] },
        { method: 'POST', path: '/api/users/:id', framework: 'express', file: 'src/routes/users.ts', line: 5, handler: inline, auth: byPassport, mounts: usersMount, chain: ['express.json()', PASSPORT], notes: [] },
        { method: 'POST', path: '/login', framework: 'express', ...app(9), handler: inline, auth: { status: 'public', reason: 'login endpoint' }, mounts: [], chain: ['express.json()'], notes: [] },
        { method: 'GET', path: '/old', framework: 'express', file: 'src/routes/legacy.ts', line: 4, handler: inline, auth: { status: 'unknown', why: NOT_MOUNTED }, mounts: [], chain: [], notes: [NOT_MOUNTED] },
        { method: 'GET', path: '/status', framework: 'express', ...app(10), handler: inline, auth: { status: 'public', reason: 'listed in apiguard.json "auth.publicRoutes" (GET /status)' }, mounts: [], chain: ['express.json()'], notes: [] },
        { method: 'POST', path: '/webhooks/stripe', framework: 'express', ...app(12), handler: inline, auth: { status: 'public', reason: 'marked public: signed by Stripe, checked in the handler' }, mounts: [], chain: ['express.json()'], notes: [] },
      ],
      unmodelled: [],
    });
  });

  it('indexes only the paths given: routers whose app is left out cannot be judged', () => {
    const run = runCli(['routes', 'src/routes'], project);
    assert.equal(run.status, 0);
    assert.equal(
      run.stdout,
      `GET     /     express  src/routes/users.ts:4   listUsers         unknown: usersRouter is not mounted on an app anywhere in the workspace
DELETE  /:id  express  src/routes/orders.ts:5  <inline handler>  unknown: router is not mounted on an app anywhere in the workspace
GET     /:id  express  src/routes/orders.ts:4  <inline handler>  unknown: router is not mounted on an app anywhere in the workspace
POST    /:id  express  src/routes/users.ts:5   <inline handler>  unknown: usersRouter is not mounted on an app anywhere in the workspace
GET     /old  express  src/routes/legacy.ts:4  <inline handler>  unknown: ${NOT_MOUNTED}
5 routes: 0 authenticated, 0 public, 0 none, 5 unknown
`,
    );
  });

  it('rejects report formats and scan-only options with exit 2', () => {
    const sarif = runCli(['routes', '--format', 'sarif'], project);
    assert.deepEqual([sarif.status, sarif.stdout, sarif.stderr], [2, '', 'apiguard: unknown --format "sarif" for routes (use one of: text, json)\nRun "apiguard --help" for usage.\n']);
    const failOn = runCli(['routes', '--fail-on', 'error'], project);
    assert.deepEqual([failOn.status, failOn.stderr], [2, 'apiguard: --fail-on is for "scan" ("routes" is an inventory and always exits 0)\nRun "apiguard --help" for usage.\n']);
  });
});

describe('apiguard scan with the API model', () => {
  let project: string;
  before(() => {
    project = copyFixture('routes');
  });
  after(() => removeDir(project));

  it('finds the routes nothing authenticates across files (a router mounted before the app-wide requireLogin)', () => {
    const run = runCli(['scan'], project);
    assert.equal(run.stderr, '');
    assert.equal(
      normalizeDuration(run.stdout),
      `src/routes/orders.ts:4:1  warning  missing-auth  GET /api/orders/:id has no authentication: nothing on its path checks who is calling (mounted at /api/orders via app.ts:14; middleware: express.json()).
src/routes/orders.ts:5:1  error    missing-auth  DELETE /api/orders/:id has no authentication: nothing on its path checks who is calling (mounted at /api/orders via app.ts:14; middleware: express.json()).

1 error, 1 warning in 1 file (5 files scanned in <T> ms)
`,
    );
    assert.equal(run.status, 1);
  });

  it("merges model findings into a file's others: suppressions of both kinds, one sorted list, distinct fingerprints", () => {
    const dir = copyFixture('routes');
    try {
      writeFile(
        dir,
        'src/routes/orders.ts',
        [
          "import express from 'express';",
          '',
          `export const stripeKey = "sk_live_${'51HyPqRtZ8vN3kLm2WdQ9sT7uBcV4'}";`,
          'const router = express.Router();',
          '// apiguard-ignore-next-line missing-auth -- read-only, served behind the VPN',
          "router.get('/:id', (req, res) => res.json({}));",
          "router.delete('/:id', (req, res) => res.sendStatus(204));",
          '// apiguard-ignore-next-line missing-auth',
          'export default router;',
          '',
        ].join('\n'),
      );
      // The reason-less suppression of missing-auth is unused: reported as unused alone, as one pass would.
      const run = runCli(['scan'], dir);
      assert.equal(
        normalizeDuration(run.stdout),
        `src/routes/orders.ts:3:26  error    hardcoded-secret  Stripe live secret key in source (sk_l…(37 chars), sha256 06af258e). Rotate it: it stays in version history.
src/routes/orders.ts:7:1  error    missing-auth  DELETE /api/orders/:id has no authentication: nothing on its path checks who is calling (mounted at /api/orders via app.ts:14; middleware: express.json()).
src/routes/orders.ts:8:1  warning  unused-suppression  Unused suppression: no "missing-auth" finding on line 9. Remove the comment.

2 errors, 1 warning in 1 file (5 files scanned in <T> ms)
`,
      );
      const sarif = runCli(['scan', '--format', 'sarif'], dir);
      const results = JSON.parse(sarif.stdout).runs[0].results as { ruleId: string; partialFingerprints: Record<string, string> }[];
      assert.deepEqual(results.map((result) => result.ruleId), ['hardcoded-secret', 'missing-auth', 'unused-suppression']);
      assert.equal(new Set(results.map((result) => JSON.stringify(result.partialFingerprints))).size, 3);
    } finally {
      removeDir(dir);
    }
  });
});
