// The API Guard view's content without VS Code: grouping by router file or Nest controller, the auth status in
// words and as an icon, finding counts read from the JSON report's inventory.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { AUTH_ICONS, describeCounts, describeRouteAuth, findingCountsFromReport, groupRoutes, routeKey, routeLabel } from '../../client/route-groups';
import type { RouteInventoryEntry } from '../../shared/protocol';

const ROOT = 'file:///home/dev/shop/';
function route(method: string, routePath: string, file: string, line: number, extra: Partial<RouteInventoryEntry> = {}): RouteInventoryEntry {
  return { method, path: routePath, framework: 'express', file: ROOT + file, line, handler: '<inline handler>', auth: { status: 'none' }, mounts: [], chain: [], notes: [], ...extra };
}
const relative = (file: string) => file.slice(ROOT.length);

describe('API Guard view: routes', () => {
  it('groups routes by declaring file, files in path order, routes in the order the server sent them', () => {
    const routes = [
      route('GET', '/health', 'src/app.ts', 27),
      route('GET', '/users', 'src/routes/users.ts', 11),
      route('POST', '/auth/login', 'src/routes/auth.ts', 18),
      route('POST', '/users', 'src/routes/users.ts', 17),
    ];
    assert.deepEqual(
      groupRoutes(routes, relative).map((group) => [group.label, group.description, group.routes.map(routeLabel)]),
      [
        ['src/app.ts', undefined, ['GET /health']],
        ['src/routes/auth.ts', undefined, ['POST /auth/login']],
        ['src/routes/users.ts', undefined, ['GET /users', 'POST /users']],
      ],
    );
  });

  it('groups NestJS routes by controller, with its file; two controllers in one file stay apart', () => {
    const nest = (method: string, routePath: string, handler: string, line: number) => route(method, routePath, 'src/users/users.controller.ts', line, { framework: 'nestjs', handler });
    const routes = [
      nest('GET', '/admin/users', 'AdminUsersController.list', 40),
      nest('GET', '/users', 'UsersController.findAll', 12),
      nest('GET', '/users/:id', 'UsersController.findOne', 18),
      // An Express route in a file named like a controller is grouped by file, not by its handler's name.
      route('GET', '/legacy', 'src/users/users.controller.ts', 60, { handler: 'legacy.handle' }),
    ];
    assert.deepEqual(
      groupRoutes(routes, relative).map((group) => [group.label, group.description, group.routes.map(routeLabel)]),
      [
        ['AdminUsersController', 'src/users/users.controller.ts', ['GET /admin/users']],
        ['UsersController', 'src/users/users.controller.ts', ['GET /users', 'GET /users/:id']],
        ['src/users/users.controller.ts', undefined, ['GET /legacy']],
      ],
    );
  });

  it('says how a route is authenticated, and picks an icon and colour per status', () => {
    assert.equal(
      describeRouteAuth({ status: 'authenticated', by: 'requireAuth', how: 'calls jwt.verify() and answers 401 (auth.ts:17)', authorization: 'requireAdmin' }),
      'Authenticated by requireAuth (calls jwt.verify() and answers 401 (auth.ts:17)); authorization: requireAdmin',
    );
    // A guard that both authenticates and authorizes is named once.
    assert.equal(describeRouteAuth({ status: 'authenticated', by: 'AdminGuard', authorization: 'AdminGuard' }), 'Authenticated by AdminGuard');
    assert.equal(describeRouteAuth({ status: 'public', reason: 'login endpoint' }), 'Public: login endpoint');
    assert.equal(describeRouteAuth({ status: 'none' }), 'No authentication');
    assert.equal(
      describeRouteAuth({ status: 'none', why: 'requireSession redirects to /login without returning, so next() still runs' }),
      'No authentication: requireSession redirects to /login without returning, so next() still runs',
    );
    assert.equal(describeRouteAuth({ status: 'unknown', why: 'ordersRouter is not mounted on an app anywhere in the workspace' }), 'Authentication unknown: ordersRouter is not mounted on an app anywhere in the workspace');
    assert.deepEqual(AUTH_ICONS, {
      authenticated: { icon: 'lock', color: 'charts.green' },
      public: { icon: 'globe', color: 'charts.blue' },
      none: { icon: 'unlock', color: 'charts.red' },
      unknown: { icon: 'question', color: 'charts.yellow' },
    });
  });

  it('counts findings per route from the JSON report inventory, matching the routes request by method, path, line and file', () => {
    const report = JSON.stringify({
      version: 1,
      findings: [],
      inventory: {
        routes: [
          { ...route('GET', '/users', 'x', 11), file: 'src/routes/users.ts', findings: { error: 2, warning: 1, info: 0, hint: 0 } },
          { ...route('POST', '/users', 'x', 17), file: 'src/routes/users.ts', findings: { error: 0, warning: 0, info: 0, hint: 0 } },
          { method: 'GET', path: '/broken' },
        ],
      },
    });
    const counts = findingCountsFromReport(report)!;
    assert.deepEqual(counts.get(routeKey(route('GET', '/users', 'src/routes/users.ts', 11))), { error: 2, warning: 1, info: 0, hint: 0 });
    assert.deepEqual(counts.get(routeKey(route('POST', '/users', 'src/routes/users.ts', 17))), { error: 0, warning: 0, info: 0, hint: 0 });
    // Same method and path declared elsewhere (another file, another line): not this route's findings.
    assert.equal(counts.get(routeKey(route('GET', '/users', 'src/admin/users.ts', 11))), undefined);
    assert.equal(counts.get(routeKey(route('GET', '/users', 'src/routes/users.ts', 12))), undefined);
    assert.equal(counts.size, 2);
    // A report without inventory (an older server), or not JSON at all: no counts rather than zeros.
    assert.equal(findingCountsFromReport(JSON.stringify({ version: 1, findings: [] })), undefined);
    assert.equal(findingCountsFromReport('<html>'), undefined);
  });

  it('describes counts by severity, leaving out the zeros', () => {
    assert.equal(describeCounts({ error: 2, warning: 1, info: 0, hint: 0 }), '2 errors, 1 warning');
    assert.equal(describeCounts({ error: 0, warning: 0, info: 1, hint: 3 }), '1 info, 3 hints');
    assert.equal(describeCounts({ error: 0, warning: 0, info: 0, hint: 0 }), '');
  });
});
