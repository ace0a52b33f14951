// NestJS: controllers and their routing decorators, `@UseGuards` on classes and methods, guard classes (what
// metadata they read through the Reflector, `extends AuthGuard('jwt')`), metadata decorators (`@Public()`), global
// guards (`APP_GUARD` providers, `useGlobalGuards`), middleware consumers, the global prefix, URI versioning and
// `RouterModule.register`. Reads class members and decorator arguments only: no walk beyond the engine's.
import * as ts from 'typescript';
import { analyzeGuardClass, analyzeHandlerAuth } from '../../../../rules/support/auth-behaviour';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { NEST } from '../../../../rules/data/frameworks';
import { isWhitelistPipe } from '../../../../rules/support/request-body';
import type { SummaryBuilder } from '../summarize';
import type { MiddlewareRef, NestController, NestDecorator, NestGuard, NestMetadataKey, NestRoute, NestRouteFilter, NestSummary } from '../summary';
import type { FrameworkSummarizer } from './index';

export const nestSummarizer: FrameworkSummarizer = {
  framework: 'nestjs',
  summarize(builder) {
    const names = nestNamesOf(builder);
    if (names.size === 0) return;
    const nest: NestSummary = {
      controllers: [], guards: {}, middlewareClasses: {}, metadataDecorators: {}, composedGuards: {}, globalGuards: [], globalMiddleware: [],
      middlewareBindings: [], routerModules: [], modules: {},
    };
    const reader = new NestReader(builder, names, nest);
    for (const cls of builder.classes) reader.readClass(cls);
    for (const call of builder.calls) if (ts.isCallExpression(call)) reader.readCall(call);
    if (isEmpty(nest)) return;
    builder.summary.nest = nest;
  },
};

/** Local name → the name `@nestjs/*` exports it under (`Get`, `UseGuards`, `APP_GUARD`, `AuthGuard`). */
function nestNamesOf(builder: SummaryBuilder): Map<string, string> {
  const names = new Map<string, string>();
  for (const [local, { module, imported }] of Object.entries(builder.summary.imports)) {
    if (NEST.modules.has(module) && imported !== 'default' && imported !== '*') names.set(local, imported);
  }
  return names;
}

function isEmpty(nest: NestSummary): boolean {
  return nest.controllers.length === 0 && Object.keys(nest.guards).length === 0 && Object.keys(nest.middlewareClasses).length === 0 &&
    Object.keys(nest.metadataDecorators).length === 0 && Object.keys(nest.composedGuards).length === 0 && nest.globalGuards.length === 0 && nest.globalMiddleware.length === 0 &&
    nest.middlewareBindings.length === 0 && !nest.bootstrap && !nest.globalPrefix && !nest.uriVersioning && nest.routerModules.length === 0 && Object.keys(nest.modules).length === 0 && !nest.globalWhitelistPipe;
}

class NestReader {
  constructor(
    private readonly builder: SummaryBuilder,
    private readonly names: Map<string, string>,
    private readonly nest: NestSummary,
  ) {}

  /** The `@nestjs/*` export an expression names (`Get`, `AuthGuard`), through its import. */
  nestName(expression: ts.Expression): string | undefined {
    const node = skipOuterExpressions(expression);
    return ts.isIdentifier(node) ? this.names.get(node.text) : undefined;
  }

  readClass(cls: ts.ClassDeclaration): void {
    const className = cls.name?.text;
    if (!className) return;
    const decorators = decoratorCalls(cls);
    const controller = decorators.find((d) => this.nestName(d.expression) === 'Controller');
    if (controller) this.readController(cls, className, controller);
    const module = decorators.find((d) => this.nestName(d.expression) === 'Module');
    if (module) this.readModule(className, module);
    if (isGuardClass(cls, this)) this.readGuard(cls, className);
    const use = methodNamed(cls, 'use');
    if (use && implementsName(cls, 'NestMiddleware')) this.nest.middlewareClasses[className] = this.builder.functionSummary(use, `${className}.use`).id;
  }

  private readController(cls: ts.ClassDeclaration, className: string, decorator: ts.CallExpression): void {
    const options = controllerOptions(this.builder, decorator.arguments[0]);
    const own = this.decoratorsOf(cls);
    const entry: NestController = {
      className,
      paths: options.paths,
      ...(options.dynamic ? { dynamicPath: true } : {}),
      ...(options.version !== undefined ? { version: options.version } : {}),
      guards: own.guards,
      decorators: own.decorators,
      metadata: own.metadata,
      at: this.builder.spot(decorator),
      routes: [],
    };
    for (const member of cls.members) {
      if (ts.isMethodDeclaration(member)) entry.routes.push(...this.routesOf(className, member));
    }
    this.nest.controllers.push(entry);
    this.noteGeneratedRoutes(cls, className, own.decorators);
  }

  private routesOf(className: string, method: ts.MethodDeclaration): NestRoute[] {
    const handlerName = propertyNameText(method.name);
    if (handlerName === undefined) return [];
    const routing = decoratorCalls(method).filter((d) => NEST.routeDecorators.has(this.nestName(d.expression) ?? ''));
    if (routing.length === 0) return [];
    const own = this.decoratorsOf(method);
    const versionDecorator = decoratorCalls(method).find((d) => this.nestName(d.expression) === 'Version');
    const version = versionDecorator?.arguments[0] && staticStringValue(versionDecorator.arguments[0]);
    const handlerAuth = method.body ? analyzeHandlerAuth(method, this.builder.sourceFile) : undefined;
    const marker = this.builder.publicMarkerBefore(method);
    const routes: NestRoute[] = [];
    for (const decorator of routing) {
      for (const path of pathsOf(this.builder, decorator.arguments[0])) {
        routes.push({
          method: NEST.routeDecorators.get(this.nestName(decorator.expression)!)!,
          path: path.path,
          ...(path.dynamic ? { dynamicPath: true } : {}),
          ...(version ? { version } : {}),
          handlerName: `${className}.${handlerName}`,
          guards: own.guards,
          decorators: own.decorators,
          metadata: own.metadata,
          ...(handlerAuth ? { handlerAuth } : {}),
          at: this.builder.spot(decorator.parent),
          ...(marker ? { publicMarker: marker } : {}),
        });
      }
    }
    return routes;
  }

  /** Routes the model cannot list: a CRUD generator's (`@Crud()`), or those inherited from a base class. */
  private noteGeneratedRoutes(cls: ts.ClassDeclaration, className: string, decorators: readonly NestDecorator[]): void {
    for (const decorator of decorators) {
      const module = this.builder.summary.imports[decorator.name]?.module;
      if (module && NEST.crudGenerators.test(module)) {
        this.builder.summary.unmodelled.push({ framework: 'nestjs', what: `@${decorator.name}() on ${className} generates CRUD routes (${module})`, at: decorator.at });
      }
    }
    const base = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0];
    if (base) this.builder.summary.unmodelled.push({ framework: 'nestjs', what: `${className} may inherit routes from ${this.builder.textOf(base.expression)}`, at: this.builder.spot(base) });
  }

  /** `@UseGuards(A, B)`, `@SetMetadata(KEY, true)` and every other decorator call (a `@Public()` is resolved by the linker). */
  private decoratorsOf(node: ts.ClassDeclaration | ts.MethodDeclaration): { guards: MiddlewareRef[]; decorators: NestDecorator[]; metadata: NestMetadataKey[] } {
    const guards: MiddlewareRef[] = [];
    const decorators: NestDecorator[] = [];
    const metadata: NestMetadataKey[] = [];
    for (const call of decoratorCalls(node)) {
      const nestName = this.nestName(call.expression);
      if (nestName === 'UseGuards') {
        for (const argument of call.arguments) guards.push(this.classRef(argument));
      } else if (nestName === 'SetMetadata') {
        const key = call.arguments[0] && this.metadataKey(call.arguments[0]);
        if (key) metadata.push(key);
      } else if (nestName === undefined && ts.isIdentifier(call.expression)) {
        decorators.push({ name: call.expression.text, ref: this.builder.ref(call.expression), at: this.builder.spot(call.parent) });
      }
    }
    return { guards, decorators, metadata };
  }

  /** A guard or middleware as applied: `JwtAuthGuard`, `new RolesGuard(reflector)` (the class), `AuthGuard('jwt')`. */
  private classRef(argument: ts.Expression): MiddlewareRef {
    const node = skipOuterExpressions(argument);
    const target = ts.isNewExpression(node) ? node.expression : argument;
    return { ref: this.builder.ref(target), text: this.builder.displayName(argument), code: argument.getText(this.builder.sourceFile), at: this.builder.spot(argument) };
  }

  /** A metadata key: `IS_PUBLIC_KEY` (by its exported name, with its value when a local constant) or `'isPublic'`. */
  metadataKey(expression: ts.Expression): NestMetadataKey | undefined {
    const node = skipOuterExpressions(expression);
    const literal = staticStringValue(node);
    if (literal !== undefined) return { value: literal };
    if (!ts.isIdentifier(node)) return undefined;
    const imported = this.builder.summary.imports[node.text];
    if (imported) return { name: imported.imported === 'default' || imported.imported === '*' ? node.text : imported.imported };
    const declaration = this.builder.index.resolve(node);
    const initializer = declaration && ts.isVariableDeclaration(declaration.node) ? declaration.node.initializer : undefined;
    const value = initializer && staticStringValue(skipOuterExpressions(initializer));
    return { name: node.text, ...(value !== undefined ? { value } : {}) };
  }

  private readGuard(cls: ts.ClassDeclaration, className: string): void {
    const auth = analyzeGuardClass(cls, this.builder.sourceFile);
    const base = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
    const keys = this.reflectorKeysIn(cls);
    for (const key of auth?.publicMetadataKeys ?? []) if (!keys.some((k) => k.name === key || k.value === key)) keys.push({ name: key, value: key });
    const canActivate = methodNamed(cls, 'canActivate');
    const guard: NestGuard = {
      className,
      ...(auth ? { auth: { authenticates: auth.authenticates, authorizes: auth.authorizes, how: auth.how, ...(auth.fallsThrough ? { fallsThrough: auth.fallsThrough } : {}) } } : {}),
      ...(base ? { extends: this.classRef(base) } : {}),
      ...(canActivate ? { ownCanActivate: { callsSuper: /\bsuper\.canActivate\s*\(/.test(canActivate.getText(this.builder.sourceFile)) } } : {}),
      publicMetadataKeys: keys,
      at: this.builder.spot(cls.name ?? cls),
    };
    this.nest.guards[className] = guard;
  }

  /** Keys the class reads with `this.reflector.get…(KEY, …)`: the calls are the walk's, filtered by range. */
  private reflectorKeysIn(cls: ts.ClassDeclaration): NestMetadataKey[] {
    const keys: NestMetadataKey[] = [];
    for (const call of this.builder.calls) {
      if (call.pos < cls.pos || call.end > cls.end || !ts.isCallExpression(call)) continue;
      const callee = call.expression;
      if (!ts.isPropertyAccessExpression(callee) || !NEST.reflectorReads.has(callee.name.text)) continue;
      if (!/reflector/i.test(callee.expression.getText(this.builder.sourceFile))) continue;
      const key = call.arguments[0] && this.metadataKey(call.arguments[0]);
      if (key) keys.push(key);
    }
    return keys;
  }

  /** `@Module({ controllers: [A], providers: [{ provide: APP_GUARD, useClass: G }] })`. */
  private readModule(className: string, decorator: ts.CallExpression): void {
    const options = decorator.arguments[0] && skipOuterExpressions(decorator.arguments[0]);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const controllers = arrayProperty(options, 'controllers').map((e) => skipOuterExpressions(e)).filter(ts.isIdentifier).map((id) => id.text);
    this.nest.modules[className] = controllers;
    for (const provider of arrayProperty(options, 'providers')) {
      const object = skipOuterExpressions(provider);
      if (!ts.isObjectLiteralExpression(object)) continue;
      const provide = property(object, 'provide');
      if (provide && this.nestName(provide) === 'APP_PIPE') {
        const pipe = property(object, 'useValue');
        if (pipe && isWhitelistPipe(pipe)) this.nest.globalWhitelistPipe = true;
        continue;
      }
      if (!provide || this.nestName(provide) !== 'APP_GUARD') continue;
      const guard = property(object, 'useClass') ?? property(object, 'useExisting');
      if (guard) this.nest.globalGuards.push(this.classRef(guard));
    }
  }

  readCall(call: ts.CallExpression): void {
    const callee = call.expression;
    if (!ts.isPropertyAccessExpression(callee)) {
      this.readMetadataDecorator(call);
      return;
    }
    switch (callee.name.text) {
      case 'setGlobalPrefix':
        this.readGlobalPrefix(call);
        return;
      case 'useGlobalPipes':
        // For mass-assignment: a whitelisting ValidationPipe strips unknown keys from every `@Body()` DTO.
        if (call.arguments.some((argument) => isWhitelistPipe(argument))) this.nest.globalWhitelistPipe = true;
        return;
      case 'useGlobalGuards':
        for (const argument of call.arguments) this.nest.globalGuards.push(this.classRef(argument));
        return;
      case 'use':
        if (this.isNestApp(callee.expression)) for (const argument of call.arguments) this.nest.globalMiddleware.push(this.builder.middleware(argument));
        return;
      case 'forRoutes':
        this.readConsumer(call);
        return;
      case 'enableVersioning':
        this.readVersioning(call);
        return;
      case 'register':
        if (this.nestName(callee.expression) === 'RouterModule') this.readRouterModule(call);
        return;
      case 'create':
        if (this.nestName(callee.expression) === 'NestFactory') this.nest.bootstrap = true;
        return;
    }
  }

  /** `export const Public = () => SetMetadata(IS_PUBLIC_KEY, true)`, `export function Public() { return SetMetadata(…) }`. */
  private readMetadataDecorator(call: ts.CallExpression): void {
    const nestName = this.nestName(call.expression);
    if (nestName !== 'SetMetadata' && nestName !== 'UseGuards') return;
    const name = topLevelDeclarationName(call, this.builder.sourceFile);
    if (!name) return;
    if (nestName === 'UseGuards') {
      // `export function Auth() { return applyDecorators(UseGuards(JwtGuard), …) }`: `@Auth()` applies the guards.
      this.nest.composedGuards[name] = [...(this.nest.composedGuards[name] ?? []), ...call.arguments.map((argument) => this.classRef(argument))];
      return;
    }
    const key = call.arguments[0] && this.metadataKey(call.arguments[0]);
    if (key) this.nest.metadataDecorators[name] = key;
  }

  private readGlobalPrefix(call: ts.CallExpression): void {
    const path = this.builder.pathOf(call.arguments[0]);
    if (!path) return;
    const options = call.arguments[1] && skipOuterExpressions(call.arguments[1]);
    const exclude = options && ts.isObjectLiteralExpression(options) ? this.routeFilters(arrayProperty(options, 'exclude')) : [];
    this.nest.globalPrefix = { path: path.path, ...(path.dynamic ? { dynamic: true } : {}), exclude, at: this.builder.spot(call) };
  }

  /** `app.use(…)` counts when `app` holds what `NestFactory.create(…)` made. */
  private isNestApp(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    if (!ts.isIdentifier(node)) return false;
    const declaration = this.builder.index.resolve(node);
    if (!declaration || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return false;
    const init = skipOuterExpressions(declaration.node.initializer);
    return ts.isCallExpression(init) && ts.isPropertyAccessExpression(init.expression) && this.nestName(init.expression.expression) === 'NestFactory';
  }

  /** `consumer.apply(A, B).exclude(…).forRoutes(…)`: read from the `forRoutes` call down to its `apply`. */
  private readConsumer(forRoutes: ts.CallExpression): void {
    let exclude: NestRouteFilter[] = [];
    let current: ts.Expression = skipOuterExpressions((forRoutes.expression as ts.PropertyAccessExpression).expression);
    for (let depth = 0; depth < 8 && ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression); depth++) {
      const name = current.expression.name.text;
      if (name === 'exclude') exclude = [...exclude, ...this.routeFilters(current.arguments)];
      else if (name === 'apply') {
        const middleware = current.arguments.map((argument) => this.classRef(argument));
        if (middleware.length === 0) return;
        this.nest.middlewareBindings.push({ middleware, forRoutes: this.routeFilters(forRoutes.arguments), exclude, at: this.builder.spot(forRoutes) });
        return;
      } else return;
      current = skipOuterExpressions(current.expression.expression);
    }
  }

  /** `'cats'`, `{ path: 'cats', method: RequestMethod.GET }`, `CatsController`. */
  private routeFilters(args: readonly ts.Expression[]): NestRouteFilter[] {
    const filters: NestRouteFilter[] = [];
    for (const argument of args) {
      const node = skipOuterExpressions(argument);
      const literal = staticStringValue(node);
      if (literal !== undefined) filters.push({ path: literal });
      else if (ts.isIdentifier(node)) filters.push({ controller: this.builder.ref(node) });
      else if (ts.isObjectLiteralExpression(node)) {
        const pathNode = property(node, 'path');
        const path = pathNode && staticStringValue(skipOuterExpressions(pathNode));
        const methodNode = property(node, 'method');
        const method = methodNode && ts.isPropertyAccessExpression(methodNode) && NEST.requestMethods.has(methodNode.name.text) ? methodNode.name.text : undefined;
        if (path !== undefined) filters.push({ path, ...(method ? { method } : {}) });
      } else if (ts.isArrayLiteralExpression(node)) filters.push(...this.routeFilters(node.elements));
    }
    return filters;
  }

  private readVersioning(call: ts.CallExpression): void {
    const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!options || !ts.isObjectLiteralExpression(options)) return;
    const type = property(options, 'type');
    if (!type || !/\bURI$/.test(type.getText(this.builder.sourceFile))) return;
    const prefix = property(options, 'prefix');
    const defaultVersion = property(options, 'defaultVersion');
    const prefixText = prefix ? staticStringValue(skipOuterExpressions(prefix)) : undefined;
    const version = defaultVersion ? staticStringValue(skipOuterExpressions(defaultVersion)) : undefined;
    this.nest.uriVersioning = { prefix: prefixText ?? 'v', ...(version !== undefined ? { defaultVersion: version } : {}) };
  }

  /** `RouterModule.register([{ path: 'admin', module: AdminModule, children: [...] }])`, flattened. */
  private readRouterModule(call: ts.CallExpression): void {
    const visit = (routes: readonly ts.Expression[], prefix: string): void => {
      for (const route of routes) {
        const object = skipOuterExpressions(route);
        if (!ts.isObjectLiteralExpression(object)) continue;
        const pathNode = property(object, 'path');
        const path = `${prefix}/${(pathNode && staticStringValue(skipOuterExpressions(pathNode))) ?? ''}`.replace(/\/+/g, '/');
        const module = property(object, 'module');
        if (module && ts.isIdentifier(module)) this.nest.routerModules.push({ module: module.text, path, at: this.builder.spot(object) });
        visit(arrayProperty(object, 'children'), path);
      }
    };
    const list = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (list && ts.isArrayLiteralExpression(list)) visit(list.elements, '');
  }
}

/** Decorators that are calls (`@Get()`), in source order. */
function decoratorCalls(node: ts.Node): ts.CallExpression[] {
  if (!ts.canHaveDecorators(node)) return [];
  const out: ts.CallExpression[] = [];
  for (const decorator of ts.getDecorators(node) ?? []) if (ts.isCallExpression(decorator.expression)) out.push(decorator.expression);
  return out;
}

function controllerOptions(builder: SummaryBuilder, argument: ts.Expression | undefined): { paths: string[]; dynamic?: boolean; version?: string } {
  const node = argument && skipOuterExpressions(argument);
  const options = node && ts.isObjectLiteralExpression(node) ? node : undefined;
  const paths = pathsOf(builder, options ? property(options, 'path') : node);
  const versionNode = options && property(options, 'version');
  const version = versionNode ? staticStringValue(skipOuterExpressions(versionNode)) : undefined;
  return { paths: paths.map((p) => p.path), ...(paths.some((p) => p.dynamic) ? { dynamic: true } : {}), ...(version !== undefined ? { version } : {}) };
}

/** A routing decorator's path: none (`''`), a string, or an array of strings (one route each). */
function pathsOf(builder: SummaryBuilder, argument: ts.Expression | undefined): { path: string; dynamic: boolean }[] {
  const node = argument && skipOuterExpressions(argument);
  if (!node) return [{ path: '', dynamic: false }];
  if (ts.isArrayLiteralExpression(node) && node.elements.length > 0) return node.elements.map((element) => builder.pathOf(element) ?? { path: '*', dynamic: true });
  return [builder.pathOf(node) ?? { path: '', dynamic: false }];
}

function isGuardClass(cls: ts.ClassDeclaration, reader: NestReader): boolean {
  if (methodNamed(cls, 'canActivate') || implementsName(cls, 'CanActivate')) return true;
  const base = cls.heritageClauses?.find((clause) => clause.token === ts.SyntaxKind.ExtendsKeyword)?.types[0]?.expression;
  return !!base && ts.isCallExpression(base) && reader.nestName(base.expression) === 'AuthGuard';
}

function methodNamed(cls: ts.ClassDeclaration, name: string): ts.MethodDeclaration | undefined {
  return cls.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && propertyNameText(member.name) === name && !!member.body);
}

function implementsName(cls: ts.ClassDeclaration, name: string): boolean {
  return cls.heritageClauses?.some((clause) => clause.token === ts.SyntaxKind.ImplementsKeyword && clause.types.some((type) => ts.isIdentifier(type.expression) && type.expression.text === name)) ?? false;
}

function property(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const element of object.properties) {
    if (ts.isPropertyAssignment(element) && propertyNameText(element.name) === name) return skipOuterExpressions(element.initializer);
    if (ts.isShorthandPropertyAssignment(element) && element.name.text === name) return element.name;
  }
  return undefined;
}

function arrayProperty(object: ts.ObjectLiteralExpression, name: string): readonly ts.Expression[] {
  const value = property(object, name);
  return value && ts.isArrayLiteralExpression(value) ? value.elements.filter((e) => !ts.isSpreadElement(e) && !ts.isOmittedExpression(e)) : [];
}

/** The top-level `const Public = …` or `function Public()` a call sits in. */
function topLevelDeclarationName(node: ts.Node, sourceFile: ts.SourceFile): string | undefined {
  let current: ts.Node = node;
  while (current.parent && current.parent !== sourceFile) current = current.parent;
  if (ts.isFunctionDeclaration(current)) return current.name?.text;
  if (ts.isVariableStatement(current)) {
    const declaration = current.declarationList.declarations.find((d) => d.pos <= node.pos && node.end <= d.end);
    return declaration && ts.isIdentifier(declaration.name) ? declaration.name.text : undefined;
  }
  return undefined;
}
