// Where a handler's value becomes the response body (Express, Fastify, Koa, Hono, Next.js, NestJS), recognised
// from nodes the engine's walk hands over. The frameworks' names are data in `rules/data/responses.ts`.
import * as ts from 'typescript';
import { skipOuterExpressions, type FileIndex } from './dataflow';
import {
  FASTIFY_MODULES, FASTIFY_ROUTE_METHODS, FETCH_RESPONSE_CLASSES, HONO_BODY_METHODS, HONO_CONTEXT_NAMES, KOA_CONTEXT_NAMES,
  NEST_ROUTE_DECORATORS, RESPONSE_BODY_METHODS, RESPONSE_CHAIN_METHODS, RESPONSE_OBJECT_NAMES,
} from '../data/responses';

export interface ResponseSink {
  /** The value that is serialised as the body. */
  value: ts.Expression;
  /** For messages: `res.json`, `ctx.body`, `the controller's return value`. */
  how: string;
}

/** `res.json(x)`, `res.status(201).send(x)`, `reply.send(x)`, `c.json(x)`, `Response.json(x)`, `NextResponse.json(x)`. */
export function sinkOfCall(call: ts.CallExpression): ResponseSink | undefined {
  const callee = skipOuterExpressions(call.expression);
  const value = call.arguments[0];
  if (!value || !ts.isPropertyAccessExpression(callee)) return undefined;
  const method = callee.name.text;
  const receiver = skipOuterExpressions(callee.expression);
  if (ts.isIdentifier(receiver) && FETCH_RESPONSE_CLASSES.has(receiver.text) && method === 'json') return { value, how: `${receiver.text}.json` };
  if (ts.isIdentifier(receiver) && HONO_CONTEXT_NAMES.has(receiver.text) && HONO_BODY_METHODS.has(method)) return { value, how: `${receiver.text}.${method}` };
  if (!RESPONSE_BODY_METHODS.has(method)) return undefined;
  const root = responseRoot(receiver);
  return root ? { value, how: `${root}.${method}` } : undefined;
}

/** `new Response(JSON.stringify(x))`, `new NextResponse(JSON.stringify(x))`. */
export function sinkOfNew(expression: ts.NewExpression): ResponseSink | undefined {
  const callee = skipOuterExpressions(expression.expression);
  if (!ts.isIdentifier(callee) || !FETCH_RESPONSE_CLASSES.has(callee.text)) return undefined;
  const body = expression.arguments?.[0] && skipOuterExpressions(expression.arguments[0]);
  if (!body || !ts.isCallExpression(body) || !ts.isPropertyAccessExpression(body.expression)) return undefined;
  const stringify = body.expression;
  if (stringify.name.text !== 'stringify' || !ts.isIdentifier(stringify.expression) || stringify.expression.text !== 'JSON' || !body.arguments[0]) return undefined;
  return { value: body.arguments[0], how: `new ${callee.text}(JSON.stringify(…))` };
}

/** Koa: `ctx.body = x`, `ctx.response.body = x`. */
export function sinkOfAssignment(binary: ts.BinaryExpression): ResponseSink | undefined {
  if (binary.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return undefined;
  const target = skipOuterExpressions(binary.left);
  if (!ts.isPropertyAccessExpression(target) || target.name.text !== 'body') return undefined;
  let owner = skipOuterExpressions(target.expression);
  if (ts.isPropertyAccessExpression(owner) && owner.name.text === 'response') owner = skipOuterExpressions(owner.expression);
  if (!ts.isIdentifier(owner) || !KOA_CONTEXT_NAMES.has(owner.text)) return undefined;
  return { value: binary.right, how: `${owner.text}.body` };
}

/**
 * The value a route handler returns, when returning it answers the request: a NestJS controller's route method,
 * a Fastify handler (`fastify.get('/x', async (request, reply) => user)`).
 */
export function sinkOfReturn(value: ts.Expression, fn: ts.SignatureDeclaration, index: FileIndex): ResponseSink | undefined {
  if (ts.isMethodDeclaration(fn) && isNestRouteMethod(fn)) return { value, how: "the controller's return value" };
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && isFastifyHandler(fn, index)) return { value, how: "the handler's return value" };
  return undefined;
}

/** The function a `return` belongs to (its nearest enclosing function). */
export function functionOfReturn(statement: ts.ReturnStatement): ts.SignatureDeclaration | undefined {
  for (let current = statement.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current;
  return undefined;
}

function responseRoot(receiver: ts.Expression): string | undefined {
  let current = receiver;
  for (let guard = 0; guard < 16; guard++) {
    if (ts.isIdentifier(current)) return RESPONSE_OBJECT_NAMES.has(current.text) ? current.text : undefined;
    if (ts.isPropertyAccessExpression(current)) {
      // `this.res.json(x)`, `ctx.res.json(x)`: a response held by an object.
      return RESPONSE_OBJECT_NAMES.has(current.name.text) ? current.name.text : undefined;
    }
    if (!ts.isCallExpression(current)) return undefined;
    const callee = skipOuterExpressions(current.expression);
    if (!ts.isPropertyAccessExpression(callee) || !RESPONSE_CHAIN_METHODS.has(callee.name.text)) return undefined;
    current = skipOuterExpressions(callee.expression);
  }
  return undefined;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expression = decorator.expression;
  const callee = ts.isCallExpression(expression) ? expression.expression : expression;
  return ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

export function decoratorsOf(node: ts.Node): readonly ts.Decorator[] {
  return ts.canHaveDecorators(node) ? ts.getDecorators(node) ?? [] : [];
}

/** A method with `@Get()`/`@Post()`… in a `@Controller()` class, that does not take over the response with `@Res()`. */
function isNestRouteMethod(method: ts.MethodDeclaration): boolean {
  if (!decoratorsOf(method).some((decorator) => NEST_ROUTE_DECORATORS.has(decoratorName(decorator) ?? ''))) return false;
  const owner = method.parent;
  if (!ts.isClassDeclaration(owner) || !decoratorsOf(owner).some((decorator) => decoratorName(decorator) === 'Controller')) return false;
  // `@Res()` without `passthrough` makes the method answer through the response object, not its return value.
  return !method.parameters.some((parameter) => decoratorsOf(parameter).some((decorator) => {
    const name = decoratorName(decorator);
    return (name === 'Res' || name === 'Response') && !decorator.getText().includes('passthrough');
  }));
}

/** `app.get('/x', async (request, reply) => …)` on a Fastify instance, or `handler:` of `app.route({ … })`. */
function isFastifyHandler(fn: ts.ArrowFunction | ts.FunctionExpression, index: FileIndex): boolean {
  const parent = fn.parent;
  let registration: ts.CallExpression | undefined;
  if (ts.isCallExpression(parent) && parent.arguments.includes(fn) && parent.arguments.indexOf(fn) > 0) registration = parent;
  else if (ts.isPropertyAssignment(parent) && parent.name.getText() === 'handler' && ts.isObjectLiteralExpression(parent.parent) && ts.isCallExpression(parent.parent.parent)) registration = parent.parent.parent;
  if (!registration || !ts.isPropertyAccessExpression(registration.expression) || !FASTIFY_ROUTE_METHODS.has(registration.expression.name.text)) return false;
  const second = fn.parameters[1];
  if (second && ts.isIdentifier(second.name) && (second.name.text === 'reply' || second.name.text === 'rep')) return true;
  return importsFastify(index);
}

function importsFastify(index: FileIndex): boolean {
  for (const binding of index.imports.values()) if (FASTIFY_MODULES.has(binding.module)) return true;
  return false;
}
