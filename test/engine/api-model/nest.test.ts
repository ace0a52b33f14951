// NestJS in the API model: controllers across files, path joining (global prefix and its exclusions, RouterModule,
// URI versions), guards on classes and methods, global guards, `@Public()` metadata honoured (or not) by the guard,
// and middleware consumers with exclusions. Each case is a small multi-file workspace indexed as the server does.
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { ApiRoute } from '../../../rules/support/api-model';
import { WorkspaceIndex } from '../../../server/engine/api-model/workspace-index';

type Files = Record<string, string>;

function modelOf(files: Files, root = '/ws/nest'): readonly ApiRoute[] {
  const index = new WorkspaceIndex();
  for (const [file, text] of Object.entries(files)) index.indexText(path.join(root, file), text);
  index.markComplete();
  return index.model().routes;
}

/** `basename:line` of the first line holding `snippet` in `file` (after the line holding `after`), 1-based. */
function lineOf(files: Files, file: string, snippet: string, after?: string): string {
  const lines = files[file]!.split('\n');
  const from = after === undefined ? 0 : lines.findIndex((line) => line.includes(after));
  const index = lines.findIndex((line, i) => i >= from && line.includes(snippet));
  assert.notEqual(index, -1, `${snippet} is not in ${file}`);
  return `${path.basename(file)}:${index + 1}`;
}

/** One line per route: method, path, where, verdict and what decided it. */
function describeRoute(route: ApiRoute): string {
  const where = `${path.basename(route.declaredAt.filePath)}:${route.declaredAt.line + 1}`;
  const auth = route.auth;
  const detail = auth.status === 'authenticated' ? `${auth.by.name} / ${auth.by.how}` : auth.status === 'public' ? auth.reason : auth.status === 'unknown' ? auth.why : '';
  return `${route.method} ${route.path} ${where} ${auth.status}${detail ? ` (${detail})` : ''}`;
}

function routesOf(files: Files): string[] {
  return modelOf(files).map(describeRoute).sort();
}

const PUBLIC_DECORATOR = `import { SetMetadata } from '@nestjs/common';

export const IS_PUBLIC_KEY = 'isPublic';
export const Public = () => SetMetadata(IS_PUBLIC_KEY, true);
`;

/** Broken-code sources: a guard, a module with consumers and prefixes, and a controller using all the decorators. */
const NEST_GUARD_SOURCE = `import { ExecutionContext, Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from './public.decorator';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private reflector: Reflector) { super(); }
  canActivate(context: ExecutionContext) {
    return this.reflector.getAllAndOverride(IS_PUBLIC_KEY, [context.getHandler()]) || super.canActivate(context);
  }
}
`;
const NEST_MODULE_SOURCE = `import { Controller, Get, Module, Post, RequestMethod, UseGuards, Version } from '@nestjs/common';
import { APP_GUARD, NestFactory, RouterModule } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { Public } from './public.decorator';

@UseGuards(AuthGuard('jwt'), new RolesGuard())
@Controller({ path: ['a', 'b'], version: '1' })
export class AController {
  @Public() @Version('2') @Get([':id', 'x']) one() {}
  @Post(\`\${BASE}/y\`) two() {}
}

@Module({ controllers: [AController], providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }], imports: [RouterModule.register([{ path: 'r', module: M, children: [{ path: 'c', module: N }] }])] })
export class AppModule {
  configure(consumer) {
    consumer.apply(Logger, passport.authenticate('jwt')).exclude('a/(.*)', { path: 'b', method: RequestMethod.POST }).forRoutes(AController, { path: '*', method: RequestMethod.ALL });
  }
}

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api', { exclude: ['health'] });
  app.enableVersioning({ type: VersioningType.URI, defaultVersion: '1' });
  app.useGlobalGuards(new JwtAuthGuard(app.get(Reflector)));
  app.use(helmet());
}
`;

describe('NestJS: a global guard that honours @Public()', () => {
  const files: Files = {
    'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { RequestMethod } from '@nestjs/common';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api', { exclude: [{ path: 'health', method: RequestMethod.GET }] });
  await app.listen(3000);
}
bootstrap();
`,
    'src/auth/public.decorator.ts': PUBLIC_DECORATOR,
    'src/auth/jwt-auth.guard.ts': `import { ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthGuard } from '@nestjs/passport';
import { IS_PUBLIC_KEY } from './public.decorator';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {
  constructor(private reflector: Reflector) {
    super();
  }

  canActivate(context: ExecutionContext) {
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC_KEY, [context.getHandler(), context.getClass()]);
    if (isPublic) return true;
    return super.canActivate(context);
  }
}
`,
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtAuthGuard } from './auth/jwt-auth.guard';
import { UsersController } from './users/users.controller';
import { HealthController } from './health.controller';

@Module({
  controllers: [UsersController, HealthController],
  providers: [{ provide: APP_GUARD, useClass: JwtAuthGuard }],
})
export class AppModule {}
`,
    'src/users/users.controller.ts': `import { Body, Controller, Delete, Get, Param, Post } from '@nestjs/common';
import { Public } from '../auth/public.decorator';

@Controller('users')
export class UsersController {
  @Get()
  findAll() {
    return [];
  }

  @Public()
  @Get(':id')
  findOne(@Param('id') id: string) {
    return id;
  }

  @Post()
  create(@Body() body: unknown) {
    return body;
  }

  // apiguard-public -- webhook signed by the payment provider
  @Post('webhook')
  webhook() {}

  @Delete(':id')
  remove(@Param('id') id: string) {
    return id;
  }
}
`,
    'src/health.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';
import { Public } from './auth/public.decorator';

@Public()
@Controller('status')
export class HealthController {
  @Get()
  check() {
    return 'ok';
  }

  @Post('flush')
  flush() {}
}

@Controller({ path: 'health' })
export class ProbeController {
  @Get()
  probe() {}

  @Post()
  report() {}
}
`,
    'src/users/users.helper.ts': `import { Get, Injectable } from '@nestjs/common';

// Not a controller: routing decorators on a plain provider register nothing.
@Injectable()
export class UsersHelper {
  @Get('internal')
  list() {}
}
`,
  };
  const guardHow = `extends AuthGuard('jwt'): AuthGuard (@nestjs/passport) (library) (jwt-auth.guard.ts:7)`;
  const publicReason = `@Public() (IS_PUBLIC_KEY), which JwtAuthGuard lets through`;
  const u = (snippet: string) => lineOf(files, 'src/users/users.controller.ts', snippet);
  const h = (snippet: string, after?: string) => lineOf(files, 'src/health.controller.ts', snippet, after);

  it('joins the prefix, honours @Public() on methods and classes, and keeps the guard elsewhere', () => {
    assert.deepEqual(routesOf(files), [
      `DELETE /api/users/:id ${u("@Delete(':id')")} authenticated (JwtAuthGuard / ${guardHow})`,
      `GET /api/status ${h('@Get()')} public (${publicReason})`,
      `GET /api/users ${u('@Get()')} authenticated (JwtAuthGuard / ${guardHow})`,
      `GET /api/users/:id ${u("@Get(':id')")} public (${publicReason})`,
      // The prefix excludes GET health only: POST /health keeps it.
      `GET /health ${h('@Get()', 'ProbeController')} authenticated (JwtAuthGuard / ${guardHow})`,
      `POST /api/health ${h('@Post()', 'ProbeController')} authenticated (JwtAuthGuard / ${guardHow})`,
      `POST /api/status/flush ${h("@Post('flush')")} public (${publicReason})`,
      `POST /api/users ${u('@Post()')} authenticated (JwtAuthGuard / ${guardHow})`,
      `POST /api/users/webhook ${u("@Post('webhook')")} public (marked public: webhook signed by the payment provider)`,
    ]);
  });

  it('keeps the guard in the chain of a @Public() route, saying it lets the route through', () => {
    const route = modelOf(files).find((r) => r.path === '/api/users/:id')!;
    assert.deepEqual(route.chain.map((link) => [link.name, link.auth, link.how]), [['JwtAuthGuard', undefined, 'lets @Public() (IS_PUBLIC_KEY) through']]);
    assert.equal(route.handler, 'UsersController.findOne');
    assert.deepEqual(route.mounts.map((m) => [m.path, path.basename(m.at.filePath), m.at.line + 1]), [['/api', 'main.ts', 7]]);
    assert.equal(route.containerKey, `${path.join('/ws/nest', 'src/users/users.controller.ts')}#UsersController`);
  });

  it('underlines the routing decorator', () => {
    const route = modelOf(files).find((r) => r.method === 'POST' && r.path === '/api/users')!;
    const text = files['src/users/users.controller.ts']!;
    assert.equal(text.slice(route.declaredAt.start, route.declaredAt.end), '@Post()');
    assert.equal(route.declaredAt.start, text.indexOf('@Post()'));
  });
});

describe('NestJS: a global guard that does not read the @Public() key', () => {
  const files: Files = {
    'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';
import { JwtAuthGuard } from './jwt.guard';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.useGlobalGuards(new JwtAuthGuard());
  await app.listen(3000);
}
bootstrap();
`,
    'src/public.decorator.ts': PUBLIC_DECORATOR,
    'src/jwt.guard.ts': `import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Injectable()
export class JwtAuthGuard extends AuthGuard('jwt') {}
`,
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController] })
export class AppModule {}
`,
    'src/reports.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';
import { Public } from './public.decorator';

@Controller('reports')
export class ReportsController {
  @Public()
  @Get('summary')
  summary() {}

  @Post()
  create() {}
}
`,
  };
  const how = `extends AuthGuard('jwt'): AuthGuard (@nestjs/passport) (library) (jwt.guard.ts:5)`;

  it('still authenticates the @Public() route: nothing lets it through', () => {
    const at = (snippet: string) => lineOf(files, 'src/reports.controller.ts', snippet);
    assert.deepEqual(routesOf(files), [
      `GET /reports/summary ${at("@Get('summary')")} authenticated (new JwtAuthGuard() / ${how})`,
      `POST /reports ${at('@Post()')} authenticated (new JwtAuthGuard() / ${how})`,
    ]);
  });
});

describe('NestJS: guards on classes and methods, no global guard', () => {
  const files: Files = {
    'src/admin/admin.controller.ts': `import { Controller, Get, Patch, Sse, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';
import { ThrottlerGuard } from '@nestjs/throttler';

@UseGuards(AuthGuard('jwt'))
@Controller({ path: 'admin' })
export class AdminController {
  @Get('stats')
  stats() {}

  @UseGuards(ThrottlerGuard)
  @Patch(['settings', 'config'])
  update() {}

  @Sse('events')
  events() {}
}
`,
    'src/guards/jwt.guard.ts': `import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Injectable()
export class JwtGuard extends AuthGuard('jwt') {}
`,
    'src/guards/allow-all.guard.ts': `import { CanActivate, Injectable } from '@nestjs/common';

@Injectable()
export class AllowAllGuard implements CanActivate {
  canActivate(): boolean {
    return true;
  }
}
`,
    'src/guards/dev.guard.ts': `import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

// Extends the JWT guard but replaces its check: it lets everything through.
@Injectable()
export class DevGuard extends AuthGuard('jwt') {
  canActivate(): boolean {
    return true;
  }
}
`,
    'src/guards/index.ts': `export { JwtGuard } from './jwt.guard';
export { AllowAllGuard } from './allow-all.guard';
export { DevGuard } from './dev.guard';
`,
    'src/public.decorator.ts': PUBLIC_DECORATOR,
    'src/roles.decorator.ts': `import { SetMetadata } from '@nestjs/common';

export const Roles = (...roles: string[]) => SetMetadata('roles', roles);
`,
    'src/posts/posts.controller.ts': `import { Controller, Delete, Get, Patch, Post, Put, UseGuards } from '@nestjs/common';
import { AllowAllGuard, DevGuard, JwtGuard } from '../guards';
import { TenantGuard } from '@acme/tenancy';
import { Public } from '../public.decorator';
import { Roles } from '../roles.decorator';

@Controller()
export class PostsController {
  @Get('posts')
  list() {}

  @Public()
  @Get('posts/featured')
  featured() {}

  @Roles('admin')
  @Post('posts/import')
  importAll() {}

  @UseGuards(JwtGuard)
  @Delete('posts/:id')
  remove() {}

  @UseGuards(AllowAllGuard)
  @Post('posts')
  create() {}

  @UseGuards(TenantGuard)
  @Put('posts/:id')
  replace() {}

  @UseGuards(DevGuard)
  @Patch('posts/:id')
  edit() {}
}
`,
  };
  const a = (snippet: string) => lineOf(files, 'src/admin/admin.controller.ts', snippet);
  const p = (snippet: string) => lineOf(files, 'src/posts/posts.controller.ts', snippet);

  it('applies class guards to every method and method guards to theirs; a guard that allows all protects nothing', () => {
    assert.deepEqual(routesOf(files), [
      `DELETE /posts/:id ${p("@Delete('posts/:id')")} authenticated (JwtGuard / extends AuthGuard('jwt'): AuthGuard (@nestjs/passport) (library) (jwt.guard.ts:5))`,
      `GET /admin/events ${a("@Sse('events')")} authenticated (AuthGuard('jwt') / AuthGuard (@nestjs/passport) (library))`,
      `GET /admin/stats ${a("@Get('stats')")} authenticated (AuthGuard('jwt') / AuthGuard (@nestjs/passport) (library))`,
      `GET /posts ${p("@Get('posts')")} none`,
      // No guard reads the metadata, but @Public() still states the intent; @Roles() states none.
      `GET /posts/featured ${p("@Get('posts/featured')")} public (@Public() (no guard on its path reads it))`,
      `PATCH /admin/config ${a('@Patch(')} authenticated (AuthGuard('jwt') / AuthGuard (@nestjs/passport) (library))`,
      `PATCH /admin/settings ${a('@Patch(')} authenticated (AuthGuard('jwt') / AuthGuard (@nestjs/passport) (library))`,
      `PATCH /posts/:id ${p("@Patch('posts/:id')")} none`,
      `POST /posts ${p("@Post('posts')")} none`,
      `POST /posts/import ${p("@Post('posts/import')")} none`,
      `PUT /posts/:id ${p("@Put('posts/:id')")} unknown (TenantGuard (from @acme/tenancy) is not a guard the model knows)`,
    ]);
  });

  it('says which routes it cannot list: a CRUD generator, routes inherited from a base class', () => {
    const generated: Files = {
      'src/companies.controller.ts': `import { Controller, Get } from '@nestjs/common';
import { Crud } from '@nestjsx/crud';
import { BaseController } from './base.controller';

@Crud({ model: { type: Object } })
@Controller('companies')
export class CompaniesController extends BaseController {
  @Get('stats')
  stats() {}
}
`,
    };
    const index = new WorkspaceIndex();
    index.indexText('/ws/nest/src/companies.controller.ts', generated['src/companies.controller.ts']!);
    const unmodelled = index.summaryOf('/ws/nest/src/companies.controller.ts')!.unmodelled;
    assert.deepEqual(unmodelled.map((entry) => [entry.framework, entry.what, entry.at.line + 1]), [
      ['nestjs', '@Crud() on CompaniesController generates CRUD routes (@nestjsx/crud)', 5],
      ['nestjs', 'CompaniesController may inherit routes from BaseController', 7],
    ]);
  });

  it('lists class guards before method guards, and says where each comes from', () => {
    const patch = modelOf(files).find((r) => r.path === '/admin/settings')!;
    assert.deepEqual(patch.chain.map((link) => link.name), [`AuthGuard('jwt')`, 'ThrottlerGuard']);
    const remove = modelOf(files).find((r) => r.method === 'DELETE')!;
    assert.deepEqual(remove.chain[0]!.origin, { filePath: path.join('/ws/nest', 'src/guards/jwt.guard.ts'), exportName: 'JwtGuard' });
  });

  it('recognises a project guard by what its canActivate does', () => {
    const withTokenGuard: Files = {
      ...files,
      'src/guards/token.guard.ts': `import { CanActivate, ExecutionContext, Injectable, UnauthorizedException } from '@nestjs/common';
import { JwtService } from '@nestjs/jwt';

@Injectable()
export class TokenGuard implements CanActivate {
  constructor(private jwt: JwtService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest();
    const token = request.headers.authorization?.split(' ')[1];
    if (!token) throw new UnauthorizedException();
    request.user = await this.jwt.verifyAsync(token);
    return true;
  }
}
`,
      'src/posts/drafts.controller.ts': `import { Controller, Get, UseGuards } from '@nestjs/common';
import { TokenGuard } from '../guards/token.guard';

@UseGuards(TokenGuard)
@Controller('drafts')
export class DraftsController {
  @Get()
  list() {}
}
`,
    };
    const drafts = modelOf(withTokenGuard).find((r) => r.path === '/drafts')!;
    assert.equal(drafts.auth.status, 'authenticated');
  });
});

describe('NestJS: middleware consumers', () => {
  const files: Files = {
    'src/app.module.ts': `import { MiddlewareConsumer, Module, NestModule, RequestMethod } from '@nestjs/common';
import * as passport from 'passport';
import { CatsController } from './cats.controller';
import { DogsController } from './dogs.controller';

@Module({ controllers: [CatsController, DogsController] })
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer
      .apply(passport.authenticate('jwt', { session: false }))
      .exclude({ path: 'cats', method: RequestMethod.GET }, 'cats/public/(.*)')
      .forRoutes(CatsController);
    consumer.apply(passport.authenticate('basic')).forRoutes({ path: 'dogs', method: RequestMethod.POST });
  }
}
`,
    'src/cats.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';

@Controller('cats')
export class CatsController {
  @Get()
  list() {}

  @Post()
  create() {}

  @Get('public/breeds')
  breeds() {}

  @Get(':id')
  one() {}
}
`,
    'src/dogs.controller.ts': `import { Controller, Get, Post } from '@nestjs/common';

@Controller('dogs')
export class DogsController {
  @Get()
  list() {}

  @Post()
  create() {}
}
`,
  };
  const c = (snippet: string) => lineOf(files, 'src/cats.controller.ts', snippet);
  const d = (snippet: string) => lineOf(files, 'src/dogs.controller.ts', snippet);
  const jwt = `passport.authenticate('jwt', {…}) / passport (library)`;

  it('applies middleware to the routes named in forRoutes, except the excluded paths and methods', () => {
    assert.deepEqual(routesOf(files), [
      `GET /cats ${c('@Get()')} none`,
      `GET /cats/:id ${c("@Get(':id')")} authenticated (${jwt})`,
      `GET /cats/public/breeds ${c("@Get('public/breeds')")} none`,
      `GET /dogs ${d('@Get()')} none`,
      `POST /cats ${c('@Post()')} authenticated (${jwt})`,
      `POST /dogs ${d('@Post()')} authenticated (passport.authenticate('basic') / passport (library))`,
    ]);
  });

  it('recognises a middleware class by what its use() does', () => {
    const withClass: Files = {
      ...files,
      'src/app.module.ts': `import { MiddlewareConsumer, Module, NestModule } from '@nestjs/common';
import { AuthMiddleware } from './auth.middleware';
import { DogsController } from './dogs.controller';

@Module({ controllers: [DogsController] })
export class AppModule implements NestModule {
  configure(consumer: MiddlewareConsumer) {
    consumer.apply(AuthMiddleware).forRoutes(DogsController);
  }
}
`,
      'src/auth.middleware.ts': `import { Injectable, NestMiddleware, UnauthorizedException } from '@nestjs/common';
import * as jwt from 'jsonwebtoken';

@Injectable()
export class AuthMiddleware implements NestMiddleware {
  use(req: any, res: any, next: () => void) {
    const token = req.headers.authorization;
    if (!token) throw new UnauthorizedException();
    req.user = jwt.verify(token, process.env.JWT_SECRET!);
    next();
  }
}
`,
    };
    const dogs = modelOf(withClass).filter((r) => r.path === '/dogs');
    assert.deepEqual(dogs.map((r) => r.auth.status), ['authenticated', 'authenticated']);
  });
});

describe('NestJS: RouterModule, URI versioning and composed decorators', () => {
  const files: Files = {
    'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { VersioningType } from '@nestjs/common';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix('api');
  app.enableVersioning({ type: VersioningType.URI });
  await app.listen(3000);
}
bootstrap();
`,
    'src/app.module.ts': `import { Module } from '@nestjs/common';
import { RouterModule } from '@nestjs/core';
import { BillingModule } from './billing/billing.module';

@Module({
  imports: [BillingModule, RouterModule.register([{ path: 'admin', module: BillingModule }])],
})
export class AppModule {}
`,
    'src/billing/billing.module.ts': `import { Module } from '@nestjs/common';
import { InvoicesController } from './invoices.controller';

@Module({ controllers: [InvoicesController] })
export class BillingModule {}
`,
    'src/auth/auth.decorator.ts': `import { applyDecorators, UseGuards } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

export function Auth() {
  return applyDecorators(UseGuards(AuthGuard('jwt')));
}
`,
    'src/billing/invoices.controller.ts': `import { Controller, Get, Post, Version } from '@nestjs/common';
import { Auth } from '../auth/auth.decorator';

@Controller({ path: 'invoices', version: '1' })
export class InvoicesController {
  @Auth()
  @Get()
  list() {}

  @Version('2')
  @Post()
  create() {}
}
`,
  };
  const at = (snippet: string) => lineOf(files, 'src/billing/invoices.controller.ts', snippet);

  it('joins prefix, RouterModule path, version and controller path; @Auth() applies its guards', () => {
    assert.deepEqual(routesOf(files), [
      `GET /api/admin/v1/invoices ${at('@Get()')} authenticated (AuthGuard('jwt') / AuthGuard (@nestjs/passport) (library))`,
      `POST /api/admin/v2/invoices ${at('@Post()')} none`,
    ]);
  });
});

describe('NestJS: two apps in one workspace', () => {
  const bootstrap = (prefix: string) => `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  ${prefix}
  await app.listen(3000);
}
bootstrap();
`;
  const files: Files = {
    'libs/auth/jwt.guard.ts': `import { Injectable } from '@nestjs/common';
import { AuthGuard } from '@nestjs/passport';

@Injectable()
export class JwtGuard extends AuthGuard('jwt') {}
`,
    'apps/api/src/main.ts': bootstrap(`app.setGlobalPrefix('api');`),
    'apps/api/src/app.module.ts': `import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { JwtGuard } from '../../../libs/auth/jwt.guard';
import { OrdersController } from './orders.controller';

@Module({ controllers: [OrdersController], providers: [{ provide: APP_GUARD, useClass: JwtGuard }] })
export class AppModule {}
`,
    'apps/api/src/orders.controller.ts': `import { Controller, Post } from '@nestjs/common';

@Controller('orders')
export class OrdersController {
  @Post()
  create() {}
}
`,
    'apps/admin/src/main.ts': bootstrap(''),
    'apps/admin/src/app.module.ts': `import { Module } from '@nestjs/common';
import { ReportsController } from './reports.controller';

@Module({ controllers: [ReportsController] })
export class AppModule {}
`,
    'apps/admin/src/reports.controller.ts': `import { Controller, Post } from '@nestjs/common';

@Controller('reports')
export class ReportsController {
  @Post()
  create() {}
}
`,
  };

  it('scopes each app\'s prefix and global guards to its own controllers', () => {
    assert.deepEqual(routesOf(files), [
      `POST /api/orders ${lineOf(files, 'apps/api/src/orders.controller.ts', '@Post()')} authenticated (JwtGuard / extends AuthGuard('jwt'): AuthGuard (@nestjs/passport) (library) (jwt.guard.ts:5))`,
      `POST /reports ${lineOf(files, 'apps/admin/src/reports.controller.ts', '@Post()')} none`,
    ]);
  });
});

describe('NestJS: a prefix read from configuration', () => {
  it('shows the computed prefix as * and says so', () => {
    const files: Files = {
      'src/main.ts': `import { NestFactory } from '@nestjs/core';
import { AppModule } from './app.module';

async function bootstrap() {
  const app = await NestFactory.create(AppModule);
  app.setGlobalPrefix(process.env.API_PREFIX ?? 'api', { exclude: ['/'] });
  await app.listen(3000);
}
bootstrap();
`,
      'src/home.controller.ts': `import { Controller, Get } from '@nestjs/common';

@Controller()
export class HomeController {
  @Get()
  index() {}

  @Get('info')
  info() {}
}
`,
    };
    const routes = modelOf(files);
    assert.deepEqual(routes.map((r) => [r.method, r.path, r.notes]), [
      ['GET', '/', []],
      ['GET', '/*/info', ['part of the path is computed; shown as *']],
    ]);
  });
});

describe('NestJS: code being typed', () => {
  it('summarises and links every prefix of the fixtures without throwing', () => {
    const sources = [PUBLIC_DECORATOR, NEST_GUARD_SOURCE, NEST_MODULE_SOURCE];
    for (const source of sources) {
      for (let cut = 0; cut <= source.length; cut += 3) {
        const index = new WorkspaceIndex();
        index.indexText('/ws/typing/src/file.ts', source.slice(0, cut));
        index.indexText('/ws/typing/src/public.decorator.ts', PUBLIC_DECORATOR);
        index.markComplete();
        assert.doesNotThrow(() => index.model().routes, `cut at ${cut}`);
      }
    }
  });
});
