// Next.js in the API model: App Router route handlers (nested dynamic folders, route groups, private and parallel
// folders), Pages Router API routes, and middleware.ts with a matcher covering some routes and not others
// (next-auth's withAuth, Clerk's auth.protect(), a project's own middleware).
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ApiRoute } from '../../../rules/support/api-model';
import { matcherRegExp, nextRoutePath } from '../../../server/engine/api-model/frameworks/next-link';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';

type Files = Record<string, string>;

function modelOf(files: Files, root: string): readonly ApiRoute[] {
  const index = new WorkspaceIndex();
  for (const [file, text] of Object.entries(files)) index.indexText(path.join(root, file), text);
  index.markComplete();
  return index.model().routes;
}

/** `basename:line` of the first line holding `snippet` in `file`, 1-based. */
function lineOf(files: Files, file: string, snippet: string): string {
  const index = files[file]!.split('\n').findIndex((line) => line.includes(snippet));
  assert.notEqual(index, -1, `${snippet} is not in ${file}`);
  return `${path.basename(file)}:${index + 1}`;
}

function describeRoute(route: ApiRoute): string {
  const where = `${path.basename(route.declaredAt.filePath)}:${route.declaredAt.line + 1}`;
  const auth = route.auth;
  const detail = auth.status === 'authenticated' ? `${auth.by.name} / ${auth.by.how}` : auth.status === 'public' ? auth.reason : auth.status === 'unknown' ? auth.why : '';
  return `${route.method} ${route.path} ${where} ${auth.status}${detail ? ` (${detail})` : ''}`;
}

function routesOf(files: Files, root: string): string[] {
  return modelOf(files, root).map(describeRoute).sort();
}

describe('Next.js: App Router, Pages Router and a next-auth middleware with a matcher', () => {
  const root = '/ws/web';
  const files: Files = {
    'next.config.mjs': 'export default { reactStrictMode: true };\n',
    'middleware.ts': `import { withAuth } from 'next-auth/middleware';

export default withAuth({ pages: { signIn: '/signin' } });

export const config = { matcher: ['/dashboard/:path*', '/api/account/:path*'] };
`,
    'app/api/account/[accountId]/orders/[orderId]/route.ts': `import { NextResponse } from 'next/server';

export async function GET(request: Request, { params }: { params: { orderId: string } }) {
  return NextResponse.json({ id: params.orderId });
}

export const PATCH = async (request: Request) => {
  return NextResponse.json(await request.json());
};

export const dynamic = 'force-dynamic';
export function formatOrder(order: unknown) {
  return order;
}
`,
    'app/(shop)/api/products/[...slug]/route.ts': `async function handler(request: Request) {
  return Response.json({ url: request.url });
}

export { handler as GET, handler as DELETE };
`,
    'app/api/status/route.ts': `// apiguard-public -- uptime probe for the load balancer
export function GET() {
  return Response.json({ ok: true });
}
`,
    'app/api/auth/[...nextauth]/route.ts': `import NextAuth from 'next-auth';
import { authOptions } from '../../../../lib/auth';

const handler = NextAuth(authOptions);

export { handler as GET, handler as POST };
`,
    'app/api/@modal/preview/route.ts': 'export function GET() {\n  return new Response();\n}\n',
    'app/api/_lib/route.ts': 'export function POST() {\n  return new Response();\n}\n',
    'app/api/route-helpers.ts': 'export function GET() {\n  return new Response();\n}\n',
    '.next/server/app/api/status/route.js': 'export function GET() {\n  return new Response();\n}\n',
    'test/fixtures/pages/api/fake.ts': 'export default function fake(req, res) {}\n',
    'pages/api/users/[id].ts': `import type { NextApiRequest, NextApiResponse } from 'next';

export default async function handler(req: NextApiRequest, res: NextApiResponse) {
  if (req.method === 'DELETE') {
    return res.status(204).end();
  } else if (req.method === 'GET') {
    return res.json({ id: req.query.id });
  }
  res.status(405).end();
}
`,
    'pages/api/hello.ts': `export default (req: any, res: any) => res.json({ hello: 'world' });
`,
    'pages/api/account/index.ts': `export default function account(req: any, res: any) {
  res.json({});
}
`,
  };
  const how = 'next-auth middleware (withAuth) (library)';
  const withAuthName = `withAuth({…})`;
  const orders = 'app/api/account/[accountId]/orders/[orderId]/route.ts';
  const products = 'app/(shop)/api/products/[...slug]/route.ts';
  const nextAuth = 'app/api/auth/[...nextauth]/route.ts';

  it('finds every route with its path, and authenticates those the matcher covers', () => {
    assert.deepEqual(routesOf(files, root), [
      `ALL /api/account ${lineOf(files, 'pages/api/account/index.ts', 'export default')} authenticated (${withAuthName} / ${how})`,
      `ALL /api/hello ${lineOf(files, 'pages/api/hello.ts', 'export default')} none`,
      `DELETE /api/products/* ${lineOf(files, products, 'handler as DELETE')} none`,
      `DELETE /api/users/:id ${lineOf(files, 'pages/api/users/[id].ts', 'export default')} none`,
      `GET /api/account/:accountId/orders/:orderId ${lineOf(files, orders, 'export async function GET')} authenticated (${withAuthName} / ${how})`,
      `GET /api/auth/* ${lineOf(files, nextAuth, 'handler as GET')} public (NextAuth.js endpoints (sign-in, callbacks, session))`,
      `GET /api/products/* ${lineOf(files, products, 'handler as GET')} none`,
      `GET /api/status ${lineOf(files, 'app/api/status/route.ts', 'export function GET')} public (marked public: uptime probe for the load balancer)`,
      `GET /api/users/:id ${lineOf(files, 'pages/api/users/[id].ts', 'export default')} none`,
      `PATCH /api/account/:accountId/orders/:orderId ${lineOf(files, orders, 'export const PATCH')} authenticated (${withAuthName} / ${how})`,
      `POST /api/auth/* ${lineOf(files, nextAuth, 'handler as POST')} public (NextAuth.js endpoints (sign-in, callbacks, session))`,
    ]);
  });

  it('underlines the export of the handler', () => {
    const routes = modelOf(files, root);
    const text = (route: ApiRoute) => files[path.relative(root, route.declaredAt.filePath)]!.slice(route.declaredAt.start, route.declaredAt.end);
    assert.equal(text(routes.find((r) => r.method === 'GET' && r.path.includes('orders'))!), 'export async function GET');
    assert.equal(text(routes.find((r) => r.method === 'PATCH')!), 'export const PATCH');
    assert.equal(text(routes.find((r) => r.method === 'GET' && r.path === '/api/products/*')!), 'handler as GET');
    assert.equal(text(routes.find((r) => r.path === '/api/users/:id')!), 'export default async function handler');
    assert.equal(text(routes.find((r) => r.path === '/api/hello')!), 'export default');
  });

  it('names the handler and puts the middleware in the chain only where the matcher covers the path', () => {
    const routes = modelOf(files, root);
    const products = routes.find((r) => r.method === 'GET' && r.path === '/api/products/*')!;
    assert.equal(products.handler, 'handler');
    assert.deepEqual(products.chain, []);
    assert.deepEqual(products.notes, ['a catch-all segment is shown as *']);
    const account = routes.find((r) => r.path === '/api/account')!;
    assert.equal(account.handler, 'account');
    assert.deepEqual(account.chain.map((link) => [link.name, path.basename(link.appliedAt.filePath), link.appliedAt.line + 1]), [[withAuthName, 'middleware.ts', 3]]);
    assert.equal(account.framework, 'nextjs');
  });

  it('also knows `export { default } from "next-auth/middleware"`', () => {
    const reExported = { ...files, 'middleware.ts': `export { default } from 'next-auth/middleware';\n\nexport const config = { matcher: '/api/products/:path*' };\n` };
    const statuses = modelOf(reExported, root).map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort();
    assert.deepEqual(statuses, [
      'ALL /api/account none',
      'ALL /api/hello none',
      'DELETE /api/products/* authenticated',
      'DELETE /api/users/:id none',
      'GET /api/account/:accountId/orders/:orderId none',
      'GET /api/auth/* public',
      'GET /api/products/* authenticated',
      'GET /api/status public',
      'GET /api/users/:id none',
      'PATCH /api/account/:accountId/orders/:orderId none',
      'POST /api/auth/* public',
    ]);
  });
});

describe('Next.js: src/app with Clerk middleware', () => {
  const root = '/ws/clerk';
  const matcher = `export const config = {
  matcher: ['/((?!_next|[^?]*\\\\.(?:html?|css|js(?!on)|jpe?g|webp|png|gif|svg|ico)).*)', '/(api|trpc)(.*)'],
};
`;
  const files: Files = {
    'next.config.ts': 'const config = {};\nexport default config;\n',
    'src/middleware.ts': `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';

const isProtectedRoute = createRouteMatcher(['/api/private(.*)', '/dashboard(.*)']);

export default clerkMiddleware(async (auth, req) => {
  if (isProtectedRoute(req)) await auth.protect();
});

${matcher}`,
    'src/app/api/private/notes/route.ts': 'export async function GET() {\n  return Response.json([]);\n}\n',
    'src/app/api/feed/route.ts': 'export async function POST() {\n  return Response.json([]);\n}\n',
  };
  const notes = lineOf(files, 'src/app/api/private/notes/route.ts', 'GET');
  const feed = lineOf(files, 'src/app/api/feed/route.ts', 'POST');
  const clerk = 'clerkMiddleware(…)';

  it('authenticates only the paths the callback passes to auth.protect()', () => {
    assert.deepEqual(routesOf(files, root), [
      `GET /api/private/notes ${notes} authenticated (${clerk} / Clerk middleware protects this path (middleware.ts))`,
      `POST /api/feed ${feed} none`,
    ]);
    const feedRoute = modelOf(files, root).find((r) => r.path === '/api/feed')!;
    assert.deepEqual(feedRoute.chain.map((link) => [link.auth, link.how]), [[undefined, 'Clerk middleware does not protect this path (middleware.ts)']]);
  });

  it('reads `!isPublicRoute(req)` as protecting everything else', () => {
    const inverted = {
      ...files,
      'src/middleware.ts': `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';

const isPublicRoute = createRouteMatcher(['/api/feed', '/sign-in(.*)']);

export default clerkMiddleware(async (auth, request) => {
  if (!isPublicRoute(request)) {
    await auth.protect();
  }
});

${matcher}`,
    };
    assert.deepEqual(modelOf(inverted, root).map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort(), ['GET /api/private/notes authenticated', 'POST /api/feed none']);
  });

  it('protects nothing when the callback never calls auth.protect()', () => {
    const open = { ...files, 'src/middleware.ts': `import { clerkMiddleware } from '@clerk/nextjs/server';\n\nexport default clerkMiddleware();\n` };
    assert.deepEqual(modelOf(open, root).map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort(), ['GET /api/private/notes none', 'POST /api/feed none']);
  });
});

describe('Next.js: a project middleware and in-handler checks', () => {
  const root = '/ws/plain';
  const files: Files = {
    'package.json': '{}',
    'middleware.ts': `import { NextResponse, type NextRequest } from 'next/server';

export function middleware(request: NextRequest) {
  const session = request.cookies.get('session')?.value;
  if (!session) {
    return NextResponse.json({ error: 'unauthorized' }, { status: 401 });
  }
  return NextResponse.next();
}

export const config = { matcher: '/api/admin/:path*' };
`,
    'app/api/admin/users/route.ts': 'export async function DELETE() {\n  return new Response(null, { status: 204 });\n}\n',
    'app/api/me/route.ts': `import { getServerSession } from 'next-auth';
import { authOptions } from '../../../lib/auth';

export async function GET() {
  const session = await getServerSession(authOptions);
  if (!session) {
    return new Response('Unauthorized', { status: 401 });
  }
  return Response.json(session.user);
}
`,
  };

  it('puts the middleware on the chain of the routes its matcher covers only', () => {
    const routes = modelOf(files, root);
    assert.deepEqual(routes.map((r) => [r.method, r.path, r.chain.map((link) => link.name)]).sort(), [
      ['DELETE', '/api/admin/users', ['middleware']],
      ['GET', '/api/me', []],
    ]);
  });

  it('recognises the middleware and the handler by what they do', () => {
    assert.deepEqual(modelOf(files, root).map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort(), ['DELETE /api/admin/users authenticated', 'GET /api/me authenticated']);
  });
});

describe('Next.js: auth imported through a path alias the model does not follow', () => {
  const root = '/ws/alias';
  const files: Files = {
    'next.config.js': 'module.exports = {};\n',
    'src/middleware.ts': `export { auth as middleware } from '@/auth';

export const config = { matcher: ['/api/projects/:path*'] };
`,
    'src/app/api/projects/route.ts': `import { withErrorHandler } from '@/lib/errors';

export const POST = withErrorHandler(async (request: Request) => Response.json(await request.json()));
`,
    'src/app/api/billing/route.ts': `import { withSession } from '~/lib/session';
import { withErrorHandler } from '@/lib/errors';

export const POST = withSession(async (request: Request) => Response.json({}));
export const DELETE = withErrorHandler(async () => new Response(null, { status: 204 }));
`,
  };

  it('leaves a route unknown when an alias-imported middleware or auth-named wrapper might authenticate it', () => {
    assert.deepEqual(routesOf(files, root), [
      `DELETE /api/billing ${lineOf(files, 'src/app/api/billing/route.ts', 'export const DELETE')} none`,
      `POST /api/billing ${lineOf(files, 'src/app/api/billing/route.ts', 'export const POST')} unknown (withSession(…) comes from ~/lib/session, a path alias the model does not follow)`,
      `POST /api/projects ${lineOf(files, 'src/app/api/projects/route.ts', 'export const POST')} unknown (auth comes from @/auth, a path alias the model does not follow)`,
    ]);
  });

  it('also when the middleware comes from a workspace file through a value the model cannot follow', () => {
    const authJs = {
      ...files,
      'src/auth.ts': `import NextAuth from 'next-auth';

export const { auth, handlers, signIn, signOut } = NextAuth({ providers: [] });
`,
      'src/middleware.ts': `export { auth as middleware } from './auth';

export const config = { matcher: ['/api/projects/:path*'] };
`,
    };
    const projects = modelOf(authJs, root).find((r) => r.path === '/api/projects')!;
    assert.deepEqual(projects.auth, { status: 'unknown', why: 'auth comes from ./auth, where the model could not follow it' });
  });
});

describe('Next.js: basePath from next.config', () => {
  it('puts every route under the basePath, and matches the middleware below it', () => {
    const root = '/ws/docs';
    const files: Files = {
      'next.config.js': `const withBundleAnalyzer = require('@next/bundle-analyzer')({ enabled: false });

module.exports = withBundleAnalyzer({ basePath: '/docs', reactStrictMode: true });
`,
      'middleware.ts': `export { default } from 'next-auth/middleware';\n\nexport const config = { matcher: ['/api/drafts/:path*'] };\n`,
      'app/api/drafts/route.ts': 'export async function POST() {\n  return new Response();\n}\n',
      'app/route.ts': 'export async function GET() {\n  return new Response();\n}\n',
    };
    assert.deepEqual(modelOf(files, root).map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort(), ['GET /docs public', 'POST /docs/api/drafts authenticated']);
  });
});

describe('Next.js: paths and matchers', () => {
  it('maps folders to paths', () => {
    const none = new Set<string>();
    assert.deepEqual(nextRoutePath('/w/app/(marketing)/blog/[slug]/route.ts', 'app-route', none), { root: '/w', path: '/blog/:slug' });
    assert.deepEqual(nextRoutePath('/w/src/app/docs/[[...parts]]/route.js', 'app-route', none), { root: '/w', path: '/docs/*' });
    assert.deepEqual(nextRoutePath('/w/app/route.ts', 'app-route', none), { root: '/w', path: '/' });
    assert.equal(nextRoutePath('/w/app/feed/(..)photo/route.ts', 'app-route', none), undefined);
    assert.deepEqual(nextRoutePath('/w/pages/api/index.ts', 'pages-api', none), { root: '/w', path: '/api' });
    // A workspace inside a folder named `app`: the folder beside next.config decides.
    assert.deepEqual(nextRoutePath('/home/app/site/app/api/route.ts', 'app-route', new Set(['/home/app/site'])), { root: '/home/app/site', path: '/api' });
    assert.equal(nextRoutePath('/home/app/site/test/fixtures/pages/api/fake.ts', 'pages-api', new Set(['/home/app/site'])), undefined);
  });

  it('reads path-to-regexp matchers as Next.js does', () => {
    const covers = (pattern: string, samplePath: string) => matcherRegExp(pattern)!.test(samplePath);
    assert.equal(covers('/dashboard/:path*', '/dashboard'), true);
    assert.equal(covers('/dashboard/:path*', '/dashboard/a/b'), true);
    assert.equal(covers('/dashboard/:path*', '/dashboards'), false);
    assert.equal(covers('/dashboard/:path+', '/dashboard'), false);
    assert.equal(covers('/about/:id', '/about/1'), true);
    assert.equal(covers('/about/:id', '/about/1/2'), false);
    assert.equal(covers('/((?!api|_next/static|favicon.ico).*)', '/api/users'), false);
    assert.equal(covers('/((?!api|_next/static|favicon.ico).*)', '/settings'), true);
    assert.equal(covers('/(api|trpc)(.*)', '/api/users'), true);
    assert.equal(covers('/api/private(.*)', '/api/private/notes'), true);
    assert.equal(covers('/api/private(.*)', '/api/feed'), false);
    assert.equal(matcherRegExp('/broken/(unclosed'), undefined);
  });
});

describe('Next.js: code being typed', () => {
  const sources: Files = {
    'src/middleware.ts': `import { clerkMiddleware, createRouteMatcher } from '@clerk/nextjs/server';
const isPublicRoute = createRouteMatcher(['/api/(.*)', '/sign-in(.*)']);
export default clerkMiddleware(async (auth, request) => { if (!isPublicRoute(request)) { await auth.protect(); } });
export const config = { matcher: ['/((?!_next).*)', { source: '/api/:path*', missing: [{ type: 'header', key: 'x' }] }, dynamicMatcher] };
`,
    'src/app/api/[id]/route.ts': `import NextAuth from 'next-auth';
import { withAuth } from '../../../lib/with-auth';
const handler = NextAuth({});
export { handler as GET, handler as POST };
export const PUT = withAuth(async (request: Request) => Response.json({}));
export const { PATCH, DELETE } = handlers;
export { OPTIONS } from './options';
`,
    'src/pages/api/items/[...path].ts': `export default async function handler(req, res) {
  switch (req.method) { case 'GET': return res.json([]); case 'POST': return res.status(201).end(); }
}
`,
    'next.config.mjs': `export default withX({ basePath: '/b' });\n`,
  };

  it('summarises and links every prefix of the fixtures without throwing', () => {
    for (const [file, source] of Object.entries(sources)) {
      for (let cut = 0; cut <= source.length; cut += 3) {
        const index = new WorkspaceIndex();
        for (const [other, text] of Object.entries(sources)) index.indexText(path.join('/ws/typing', other), other === file ? source.slice(0, cut) : text);
        index.markComplete();
        assert.doesNotThrow(() => index.model().routes, `${file} cut at ${cut}`);
      }
    }
  });

  it('reads the complete fixtures', () => {
    const index = new WorkspaceIndex();
    for (const [file, text] of Object.entries(sources)) index.indexText(path.join('/ws/typing', file), text);
    index.markComplete();
    assert.deepEqual(index.model().routes.map((r) => `${r.method} ${r.path} ${r.auth.status}`).sort(), [
      'DELETE /b/api/:id none',
      'GET /b/api/:id public',
      'GET /b/api/items/* none',
      'OPTIONS /b/api/:id public',
      'PATCH /b/api/:id none',
      'POST /b/api/:id public',
      'POST /b/api/items/* none',
      // withAuth comes from a file the index does not hold: it may authenticate.
      'PUT /b/api/:id unknown',
    ]);
  });
});
