// Where request data enters a handler, for Express, Fastify, Koa, NestJS, Hono and Next.js, and whether an
// expression carries it (through local variables, destructuring and wrapping calls). Besides the request's own
// properties: tokens decoded from it (`jwt.verify(req.headers.authorization…)`, jose's `jwtVerify`), cookie and
// header helpers (Hono's `getCookie(c, …)`, Next's `cookies()`), and session fields this file sets from request data
// (`req.session.sort = req.query.sort`). `req.user` (set by auth middleware) is not request data. Syntactic: answers
// come from a FileIndex, so the question costs a few lookups, not a walk.
import * as ts from 'typescript';
import { bindingPath, bindingRoot, operandsOfChain, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';

/** `req.body`, `request.query`, `ctx.params`, …: properties of a request object that hold client input. */
export const REQUEST_INPUT_PROPERTIES = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody', 'searchParams', 'nextUrl', 'url', 'originalUrl']);
/** Methods of a request object that return client input (`req.param('id')`, `c.req.json()`, `request.json()`). */
export const REQUEST_INPUT_METHODS = new Set(['param', 'header', 'get', 'json', 'formData', 'text', 'query', 'queries', 'valid', 'parseBody', 'cookie']);
/** Names a request object goes by; a property of one of these is input. */
export const REQUEST_OBJECT_NAMES = new Set(['req', 'request', 'ctx', 'context', 'c', 'event']);
/** NestJS parameter decorators that inject client input. */
export const NEST_INPUT_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'Req', 'Request', 'Cookies', 'UploadedFile', 'Args', 'Arg']);
/** GraphQL root operation types: functions of an object under these keys are resolvers (`(parent, args, ctx)`). */
const GRAPHQL_ROOT_TYPES = new Set(['Query', 'Mutation', 'Subscription']);
/** Names of a top-level object of resolvers: express-graphql's `rootValue` style (`(args, ctx)`), or a resolver map. */
const GRAPHQL_RESOLVER_OBJECT_NAME = /graphql|^(root|rootValue|resolvers?)$/i;

/** Packages whose calls decode or verify a token: their result is what the client sent in it. */
const TOKEN_MODULES = new Set(['jsonwebtoken', 'jose', 'jwt-decode', 'jwt-simple', 'hono/jwt', 'fast-jwt', '@tsndr/cloudflare-worker-jwt']);
/** Decoding calls by name (`jwt.verify`, `jwtVerify`, `this.jwtService.verifyAsync`, `decodeJwt`). */
const TOKEN_DECODERS = new Set(['verify', 'verifyAsync', 'decode', 'jwtVerify', 'decodeJwt', 'jwtDecode']);
/** Functions that return what they are given, as text: a session field copied through them is still a copy. */
const COPYING_FUNCTIONS = new Set(['String', 'decodeURIComponent', 'decodeURI']);
/** Hono's cookie helpers (`getCookie(c, 'sort')`) and Next.js's request-scoped `cookies()`/`headers()`. */
const COOKIE_HELPERS: ReadonlyMap<string, string> = new Map([['getCookie', 'hono/cookie'], ['getSignedCookie', 'hono/cookie'], ['cookies', 'next/headers'], ['headers', 'next/headers']]);
/** Request methods that decode the request's token (`request.jwtVerify()` of @fastify/jwt). */
const REQUEST_TOKEN_METHODS = new Set(['jwtVerify', 'jwtDecode']);

export class RequestSources {
  private readonly cache = new Map<ts.Node, boolean>();
  private readonly copyCache = new Map<ts.Node, boolean>();
  private readonly inProgress = new Set<ts.Node>();
  private readonly copyInProgress = new Set<ts.Node>();
  private readonly sessionFields = new Map<string, boolean>();
  /** Most files never write a session field: then no read needs looking at (answers every value, so kept cheap). */
  private sessionWritten: boolean | undefined;
  /** Functions a top-level resolver object names, with the index of their `args` parameter. */
  private graphqlResolvers: Map<ts.Node, number> | undefined;

  constructor(private readonly index: FileIndex) {}

  /** True when the expression's value comes from the client request. */
  carriesRequestData(expression: ts.Expression): boolean {
    return this.carries(expression, false);
  }

  /**
   * True when the value is a copy of request data: what `carriesRequestData` follows, except through calls other
   * than string methods, decoders and String(): `User.findOne({ email: req.body.email })` carries request data,
   * but a field of the record it returns is the database's, not the client's.
   */
  copiesRequestData(expression: ts.Expression): boolean {
    return this.carries(expression, true);
  }

  private carries(expression: ts.Expression, copy: boolean): boolean {
    const node = skipOuterExpressions(expression);
    const cache = copy ? this.copyCache : this.cache;
    const inProgress = copy ? this.copyInProgress : this.inProgress;
    const cached = cache.get(node);
    if (cached !== undefined) return cached;
    if (inProgress.has(node)) return false;
    inProgress.add(node);
    const result = this.compute(node, copy);
    inProgress.delete(node);
    cache.set(node, result);
    return result;
  }

  private compute(node: ts.Expression, copy: boolean): boolean {
    if (isRequestAccess(node)) return true;
    const field = this.hasSessionWrites() ? sessionFieldOf(node) : undefined;
    if (field !== undefined) return this.sessionFieldCarries(field);
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      return declaration ? this.declarationCarries(declaration, copy) : false;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.carries(node.expression, copy);
    if (ts.isCallExpression(node)) {
      if (this.isRequestHelperCall(node)) return true;
      // `req.body.name.trim()`, `String(x)`, `escapeHtml(x)`: the result still carries what went in.
      if (ts.isPropertyAccessExpression(node.expression) && this.carries(node.expression.expression, copy)) return true;
      if (copy && !this.isTokenDecoderCall(node) && !(ts.isIdentifier(node.expression) && COPYING_FUNCTIONS.has(node.expression.text))) return false;
      return node.arguments.some((arg) => this.carries(arg, copy));
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => this.carries(span.expression, copy));
    if (ts.isBinaryExpression(node)) return operandsOfChain(node, node.operatorToken.kind).some((operand) => this.carries(operand, copy));
    if (ts.isConditionalExpression(node)) return this.carries(node.whenTrue, copy) || this.carries(node.whenFalse, copy);
    if (ts.isArrayLiteralExpression(node)) return node.elements.some((e) => this.carries(ts.isSpreadElement(e) ? e.expression : e, copy));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.some((p) =>
        ts.isPropertyAssignment(p) ? this.carries(p.initializer, copy) : ts.isShorthandPropertyAssignment(p) ? this.carries(p.name, copy) : ts.isSpreadAssignment(p) && this.carries(p.expression, copy),
      );
    }
    return false;
  }

  declarationCarriesRequestData(declaration: LocalDeclaration): boolean {
    return this.declarationCarries(declaration, false);
  }

  private declarationCarries(declaration: LocalDeclaration, copy: boolean): boolean {
    const node = declaration.node;
    if (ts.isParameter(node)) return isNestInputParameter(node) || this.isDecodedTokenParameter(node) || this.isGraphqlArgsParameter(node);
    if (ts.isVariableDeclaration(node)) {
      if (node.initializer && this.carries(node.initializer, copy)) return true;
      if (this.iteratesRequestData(node, copy)) return true;
    } else if (ts.isBindingElement(node)) {
      const root = bindingRoot(node);
      if (ts.isParameter(root)) {
        if (isNestInputParameter(root) || this.isGraphqlArgsParameter(root)) return true;
        // `({ body }) => …`, `async ({ query }) => …`: a destructured request parameter.
        const path = bindingPath(node);
        if (path && REQUEST_INPUT_PROPERTIES.has(path[0]!) && path.length >= 1 && looksLikeRequestParameter(root)) return true;
        return false;
      }
      if (ts.isVariableDeclaration(root) && root.initializer) {
        const path = bindingPath(node) ?? [];
        const init = skipOuterExpressions(root.initializer);
        // `const { body } = req`, `const { name } = req.body`
        if (ts.isIdentifier(init) && REQUEST_OBJECT_NAMES.has(init.text) && REQUEST_INPUT_PROPERTIES.has(path[0] ?? '')) return true;
        // `const { sort } = req.session`
        if (path[0] !== undefined && isSessionObject(init)) return this.sessionFieldCarries(path[0]);
        if (this.carries(root.initializer, copy)) return true;
      }
      if (ts.isVariableDeclaration(root) && this.iteratesRequestData(root, copy)) return true;
    }
    return this.index.writesTo(declaration).some((write) => write.value !== undefined && this.carries(write.value, copy));
  }

  private hasSessionWrites(): boolean {
    if (this.sessionWritten === undefined) {
      this.sessionWritten = false;
      for (const writes of this.index.allPropertyWrites()) if (writes.some((write) => sessionFieldOf(write.target) !== undefined)) this.sessionWritten = true;
    }
    return this.sessionWritten;
  }

  /**
   * `req.session.sort` holds request data when this file sets that field from a copy of request data
   * (`req.session.sort = req.query.sort`); a field set only from a record or a constant does not.
   */
  private sessionFieldCarries(field: string): boolean {
    const known = this.sessionFields.get(field);
    if (known !== undefined) return known;
    this.sessionFields.set(field, false); // `req.session.n = req.session.n + 1` reads itself
    const result = this.index.propertyWritesNamed(field).some((write) => sessionFieldOf(write.target) === field && this.copiesRequestData(write.value));
    this.sessionFields.set(field, result);
    return result;
  }

  /** `getCookie(c, 'sort')`, `cookies()` from next/headers, `request.jwtVerify()`. */
  private isRequestHelperCall(call: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isIdentifier(callee)) {
      const module = COOKIE_HELPERS.get(callee.text);
      if (module === undefined) return false;
      if (this.importedModuleOf(callee) === module) return true;
      // A Hono helper called with the context, imported under another path (`hono/cookie` re-exported).
      const first = call.arguments[0];
      return module === 'hono/cookie' && first !== undefined && ts.isIdentifier(first) && REQUEST_OBJECT_NAMES.has(first.text);
    }
    return ts.isPropertyAccessExpression(callee) && REQUEST_TOKEN_METHODS.has(callee.name.text) && ts.isIdentifier(callee.expression) && REQUEST_OBJECT_NAMES.has(callee.expression.text);
  }

  /** `jwt.verify(…)`, `jwtVerify(…)` from jose, `this.jwtService.verifyAsync(…)`, `jwtDecode(…)` from jwt-decode. */
  private isTokenDecoderCall(call: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isIdentifier(callee)) {
      const module = this.importedModuleOf(callee);
      return module !== undefined && TOKEN_MODULES.has(module) && (TOKEN_DECODERS.has(callee.text) || module === 'jwt-decode');
    }
    if (!ts.isPropertyAccessExpression(callee) || !TOKEN_DECODERS.has(callee.name.text)) return false;
    const object = skipOuterExpressions(callee.expression);
    const objectName = ts.isIdentifier(object) ? object.text : ts.isPropertyAccessExpression(object) ? object.name.text : undefined;
    if (objectName === undefined) return false;
    if (ts.isIdentifier(object)) {
      const module = this.importedModuleOf(object);
      if (module !== undefined) return TOKEN_MODULES.has(module);
    }
    return /jwt/i.test(objectName);
  }

  /** `jwt.verify(token, secret, (err, decoded) => …)`: the callback's payload parameter, when the token is request data. */
  private isDecodedTokenParameter(parameter: ts.ParameterDeclaration): boolean {
    const fn = parameter.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.indexOf(parameter) !== 1) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || call.arguments.indexOf(fn) < 1 || !this.isTokenDecoderCall(call)) return false;
    const token = call.arguments[0];
    return token !== undefined && this.carriesRequestData(token);
  }

  /**
   * The `args` of a GraphQL resolver: `Query: { user: (parent, args) => … }` (any resolver map), a graphql-js field
   * config's `resolve(parent, args)` next to its `type`, or express-graphql's root value (`const root = { user:
   * getUser }`, `getUser(args)`). A function that is none of these keeps its parameters non-request.
   */
  private isGraphqlArgsParameter(parameter: ts.ParameterDeclaration): boolean {
    const fn = parameter.parent;
    if (!ts.isFunctionLike(fn)) return false;
    const position = fn.parameters.indexOf(parameter);
    const slot = objectSlotOf(fn);
    if (slot && position === 1) {
      if (ts.isPropertyAssignment(slot.object.parent) && GRAPHQL_ROOT_TYPES.has(propertyNameOf(slot.object.parent) ?? '')) return true;
      if (slot.name === 'resolve' && slot.object.properties.some((p) => propertyNameOf(p) === 'type')) return true;
    }
    return this.resolverFunctions().get(fn) === position;
  }

  private resolverFunctions(): Map<ts.Node, number> {
    if (this.graphqlResolvers) return this.graphqlResolvers;
    const found = new Map<ts.Node, number>();
    const add = (value: ts.Expression | undefined, argsPosition: number) => {
      const fn = value && this.functionNamedBy(value);
      if (fn) found.set(fn, argsPosition);
    };
    for (const statement of this.index.sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const object = declaration.initializer && skipOuterExpressions(declaration.initializer);
        if (!ts.isIdentifier(declaration.name) || !object || !ts.isObjectLiteralExpression(object) || !GRAPHQL_RESOLVER_OBJECT_NAME.test(declaration.name.text)) continue;
        for (const property of object.properties) {
          const value = ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : ts.isShorthandPropertyAssignment(property) ? property.name : undefined;
          if (ts.isMethodDeclaration(property)) found.set(property, 0);
          else if (value && ts.isObjectLiteralExpression(value)) {
            for (const field of value.properties) {
              if (ts.isMethodDeclaration(field)) found.set(field, 1);
              else add(ts.isPropertyAssignment(field) ? field.initializer : ts.isShorthandPropertyAssignment(field) ? field.name : undefined, 1);
            }
          }
          else add(value, 0);
        }
      }
    }
    return (this.graphqlResolvers = found);
  }

  /** `getUser` naming `function getUser(args)` or `const getUser = (args) => …`, or an inline function. */
  private functionNamedBy(value: ts.Expression): ts.Node | undefined {
    const node = skipOuterExpressions(value);
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) return node;
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node)?.node;
    if (declaration && ts.isFunctionDeclaration(declaration)) return declaration;
    const initializer = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && skipOuterExpressions(declaration.initializer);
    return initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined;
  }

  private importedModuleOf(identifier: ts.Identifier): string | undefined {
    const declaration = this.index.resolve(identifier);
    return declaration ? this.index.importOf(declaration)?.module : undefined;
  }

  /** `for (const t of req.body.tables)`, `for (const k in req.query)`: the loop variable holds request data. */
  private iteratesRequestData(declaration: ts.VariableDeclaration, copy: boolean): boolean {
    const loop = declaration.parent.parent;
    return !!loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === declaration.parent && this.carries(loop.expression, copy);
  }
}

/** The object literal a function is a property or method of, and the property's name. */
function objectSlotOf(fn: ts.SignatureDeclaration): { object: ts.ObjectLiteralExpression; name: string } | undefined {
  const holder = ts.isMethodDeclaration(fn) ? fn : fn.parent;
  if (!holder || !(ts.isPropertyAssignment(holder) || ts.isMethodDeclaration(holder)) || !ts.isObjectLiteralExpression(holder.parent)) return undefined;
  const name = propertyNameOf(holder);
  return name === undefined ? undefined : { object: holder.parent, name };
}

function propertyNameOf(property: ts.ObjectLiteralElementLike): string | undefined {
  const name = property.name;
  return name && (ts.isIdentifier(name) || ts.isStringLiteral(name)) ? name.text : undefined;
}

/** `req.session`, `ctx.session`: a request's session object. */
function isSessionObject(node: ts.Expression): boolean {
  return ts.isPropertyAccessExpression(node) && node.name.text === 'session' && ts.isIdentifier(node.expression) && REQUEST_OBJECT_NAMES.has(node.expression.text);
}

/** The field a session read or write names: `req.session.sort`, `ctx.session['sort']`, `req.session.filters.q` → 'filters'. */
function sessionFieldOf(node: ts.Expression): string | undefined {
  let current = skipOuterExpressions(node);
  while (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
    const object = skipOuterExpressions(current.expression);
    if (isSessionObject(object)) {
      if (ts.isPropertyAccessExpression(current)) return current.name.text;
      return ts.isStringLiteralLike(current.argumentExpression) ? current.argumentExpression.text : undefined;
    }
    current = object;
  }
  return undefined;
}

/** `req.body…`, `ctx.request…`, `c.req.query('q')`, `request.json()`, `req.param('id')`. */
export function isRequestAccess(node: ts.Expression): boolean {
  const chain: string[] = [];
  let current: ts.Expression = node;
  for (;;) {
    current = skipOuterExpressions(current);
    if (ts.isPropertyAccessExpression(current)) {
      chain.unshift(current.name.text);
      current = current.expression;
    } else if (ts.isElementAccessExpression(current)) {
      chain.unshift(ts.isStringLiteralLike(current.argumentExpression) ? current.argumentExpression.text : '[]');
      current = current.expression;
    } else if (ts.isCallExpression(current)) {
      chain.unshift('()');
      current = current.expression;
    } else {
      break;
    }
  }
  if (!ts.isIdentifier(current) || chain.length === 0) return false;
  const root = current.text;
  if (!REQUEST_OBJECT_NAMES.has(root)) return false;
  const [first, second] = chain;
  if (REQUEST_INPUT_PROPERTIES.has(first!)) return true;
  // ctx.request.body (Koa), c.req.query() (Hono), event.req… ; request.json() (fetch-style handlers)
  if ((first === 'request' || first === 'req') && chain.length >= 2) return true;
  if (REQUEST_INPUT_METHODS.has(first!) && second === '()') return root !== 'c' && root !== 'context' ? true : first === 'json' || first === 'text';
  return false;
}

function isNestInputParameter(parameter: ts.ParameterDeclaration): boolean {
  const decorators = ts.canHaveDecorators(parameter) ? ts.getDecorators(parameter) ?? [] : [];
  return decorators.some((decorator) => {
    const call = decorator.expression;
    const callee = ts.isCallExpression(call) ? call.expression : call;
    return ts.isIdentifier(callee) && NEST_INPUT_DECORATORS.has(callee.text);
  });
}

function looksLikeRequestParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  return ts.isFunctionLike(fn) && fn.parameters.indexOf(parameter) <= 1;
}
