// Where request data enters a handler, for Express, Fastify, Koa, NestJS, Hono and Next.js, and whether an
// expression carries it (through local variables, destructuring and wrapping calls). Syntactic: answers come
// from a FileIndex, so the question costs a few lookups, not a walk.
import * as ts from 'typescript';
import { bindingPath, bindingRoot, operandsOfChain, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';

/** `req.body`, `request.query`, `ctx.params`, …: properties of a request object that hold client input. */
export const REQUEST_INPUT_PROPERTIES = new Set(['body', 'query', 'params', 'headers', 'cookies', 'signedCookies', 'files', 'file', 'rawBody', 'searchParams', 'nextUrl']);
/** Methods of a request object that return client input (`req.param('id')`, `c.req.json()`, `request.json()`). */
export const REQUEST_INPUT_METHODS = new Set(['param', 'header', 'get', 'json', 'formData', 'text', 'query', 'queries', 'valid', 'parseBody', 'cookie']);
/** Names a request object goes by; a property of one of these is input. */
export const REQUEST_OBJECT_NAMES = new Set(['req', 'request', 'ctx', 'context', 'c', 'event']);
/** NestJS parameter decorators that inject client input. */
export const NEST_INPUT_DECORATORS = new Set(['Body', 'Query', 'Param', 'Headers', 'Req', 'Request', 'Cookies', 'UploadedFile']);

export class RequestSources {
  private readonly cache = new Map<ts.Node, boolean>();
  private readonly inProgress = new Set<ts.Node>();

  constructor(private readonly index: FileIndex) {}

  /** True when the expression's value comes from the client request. */
  carriesRequestData(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached;
    if (this.inProgress.has(node)) return false;
    this.inProgress.add(node);
    const result = this.compute(node);
    this.inProgress.delete(node);
    this.cache.set(node, result);
    return result;
  }

  private compute(node: ts.Expression): boolean {
    if (isRequestAccess(node)) return true;
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      return declaration ? this.declarationCarriesRequestData(declaration) : false;
    }
    if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) return this.carriesRequestData(node.expression);
    if (ts.isCallExpression(node)) {
      // `req.body.name.trim()`, `String(x)`, `escapeHtml(x)`: the result still carries what went in.
      if (ts.isPropertyAccessExpression(node.expression) && this.carriesRequestData(node.expression.expression)) return true;
      return node.arguments.some((arg) => this.carriesRequestData(arg));
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.some((span) => this.carriesRequestData(span.expression));
    if (ts.isBinaryExpression(node)) return operandsOfChain(node, node.operatorToken.kind).some((operand) => this.carriesRequestData(operand));
    if (ts.isConditionalExpression(node)) return this.carriesRequestData(node.whenTrue) || this.carriesRequestData(node.whenFalse);
    if (ts.isArrayLiteralExpression(node)) return node.elements.some((e) => this.carriesRequestData(ts.isSpreadElement(e) ? e.expression : e));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.some((p) =>
        ts.isPropertyAssignment(p) ? this.carriesRequestData(p.initializer) : ts.isShorthandPropertyAssignment(p) ? this.carriesRequestData(p.name) : ts.isSpreadAssignment(p) && this.carriesRequestData(p.expression),
      );
    }
    return false;
  }

  declarationCarriesRequestData(declaration: LocalDeclaration): boolean {
    const node = declaration.node;
    if (ts.isParameter(node)) return isNestInputParameter(node);
    if (ts.isVariableDeclaration(node)) {
      if (node.initializer && this.carriesRequestData(node.initializer)) return true;
      if (this.iteratesRequestData(node)) return true;
    } else if (ts.isBindingElement(node)) {
      const root = bindingRoot(node);
      if (ts.isParameter(root)) {
        if (isNestInputParameter(root)) return true;
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
        if (this.carriesRequestData(root.initializer)) return true;
      }
      if (ts.isVariableDeclaration(root) && this.iteratesRequestData(root)) return true;
    }
    return this.index.writesTo(declaration).some((write) => write.value !== undefined && this.carriesRequestData(write.value));
  }

  /** `for (const t of req.body.tables)`, `for (const k in req.query)`: the loop variable holds request data. */
  private iteratesRequestData(declaration: ts.VariableDeclaration): boolean {
    const loop = declaration.parent.parent;
    return !!loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === declaration.parent && this.carriesRequestData(loop.expression);
  }
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
