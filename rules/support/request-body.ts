// Where a whole request *body* (an object of client-chosen keys) flows, per framework: `req.body`, `request.body`,
// `ctx.request.body`, `await c.req.json()`, `await request.json()`, a NestJS `@Body()` parameter; through local
// aliases, rest destructuring (minus the keys taken out), spreads and copies, local helper functions, and validators
// that do not strip unknown keys. A body that went through a stripping validator, a pick or a field-by-field copy
// is not a body any more. Syntactic: answers come from the file's FileIndex.
import * as ts from 'typescript';
import { propertyNameText } from './ast';
import { bindingRoot, enclosingFunction, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';
import { REQUEST_OBJECT_NAMES } from './request-sources';

export interface RequestBody {
  /** Where it entered, as written: `req.body`, `await c.req.json()`, `@Body() dto`. */
  source: string;
  /** Keys it cannot carry here: taken out by a rest binding or `_.omit`, or overwritten after a spread. */
  removed: ReadonlySet<string>;
  /** A NestJS DTO class the body is declared as (for the fix: only its properties exist on it). */
  dtoClass?: ts.ClassDeclaration;
  /** The value came out of a validator that keeps unknown keys (`schema.passthrough().parse(body)`). */
  viaValidator?: boolean;
  /** Summaries of exported functions: the parameter treated as a body (does a caller's body reach a write?). */
  parameter?: ts.ParameterDeclaration;
}

/** Facts from outside the file that decide whether a body is stripped. */
export interface BodyEnvironment {
  /** NestJS: a `ValidationPipe({ whitelist: true })` applies to every route of the app (`useGlobalPipes`, `APP_PIPE`). */
  globalWhitelistPipe: boolean;
  /** Parameters to follow as if they held a body: an exported function's, for callers in other files. */
  parameterBodies?: ReadonlySet<ts.ParameterDeclaration>;
}

/** Properties of a request object that are the whole body. */
const BODY_PATHS: readonly (readonly string[])[] = [['body'], ['request', 'body'], ['req', 'body']];
/** Methods of a request that return the parsed body (`await c.req.json()`, `await request.json()`, `c.req.parseBody()`). */
const BODY_METHODS = new Set(['json', 'parseBody']);
/** Calls that copy an object's keys into a new one (`structuredClone(body)`, `_.cloneDeep(body)`). */
const COPYING_FUNCTIONS = new Set(['structuredClone', 'clone', 'cloneDeep', 'toPlainObject']);
/** Validator methods whose result is the validated value (or holds it in `.data`/`.value`). */
const VALIDATOR_METHODS = new Set(['parse', 'parseAsync', 'safeParse', 'safeParseAsync', 'validate', 'validateAsync', 'validateSync', 'cast', 'attempt']);
/** Properties of a validator's result that hold the value (`safeParse(x).data`, Joi's `validate(x).value`). */
const VALIDATOR_RESULT_PROPERTIES = new Set(['data', 'value', 'output']);
/** zod/valibot builder calls whose object keeps unknown keys. */
const PASSING_SCHEMA_CALLS = new Set(['passthrough', 'catchall', 'loose', 'looseObject', 'objectWithRest', 'any', 'unknown', 'record', 'custom']);
/** Schema builders that drop (or reject) unknown keys by default. */
const STRIPPING_OBJECT_BUILDERS = new Set(['object', 'strictObject', 'strict']);
const MAX_DEPTH = 12;
/** `new Ajv({ removeAdditional: true | 'all' | 'failing' })`. */
const AJV_REMOVE_ADDITIONAL = /removeAdditional\s*:\s*(true|['"](all|failing)['"])/;
/** Request-object names whose `.body` is the response being built (Koa `ctx`, Hono `c`). */
const RESPONSE_CONTEXT_NAMES = new Set(['ctx', 'c', 'context']);

type Verdict = 'strips' | 'keeps' | 'unknown';

export class RequestBodies {
  private readonly cache = new Map<ts.Node, RequestBody | null>();
  private readonly inProgress = new Set<ts.Node>();

  constructor(
    private readonly index: FileIndex,
    private readonly environment: BodyEnvironment,
  ) {}

  /** The request body the expression's value is, or undefined when it is something else (a pick, a validated copy). */
  bodyIn(expression: ts.Expression, depth = 0): RequestBody | undefined {
    const node = skipOuterExpressions(expression);
    const cached = this.cache.get(node);
    if (cached !== undefined) return cached ?? undefined;
    if (this.inProgress.has(node) || depth > MAX_DEPTH) return undefined;
    this.inProgress.add(node);
    const result = this.compute(node, depth + 1);
    this.inProgress.delete(node);
    this.cache.set(node, result ?? null);
    return result;
  }

  private compute(node: ts.Expression, depth: number): RequestBody | undefined {
    if (isWholeBodyAccess(node)) return this.strippedByAjv(node) ? undefined : { source: node.getText(this.index.sourceFile), removed: new Set() };
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      return declaration ? this.bodyOfDeclaration(declaration, depth) : undefined;
    }
    if (ts.isObjectLiteralExpression(node)) return this.bodyOfObjectLiteral(node, depth);
    if (ts.isPropertyAccessExpression(node) && VALIDATOR_RESULT_PROPERTIES.has(node.name.text)) {
      const inner = this.bodyIn(node.expression, depth);
      return inner?.viaValidator ? inner : undefined;
    }
    if (ts.isCallExpression(node)) return this.bodyOfCall(node, depth);
    return undefined;
  }

  private bodyOfDeclaration(declaration: LocalDeclaration, depth: number): RequestBody | undefined {
    const node = declaration.node;
    if (ts.isParameter(node)) return this.bodyOfParameter(node);
    if (ts.isVariableDeclaration(node)) {
      // A `let` re-assigned elsewhere may hold anything by the time it is used: judge only what it starts as.
      return node.initializer ? this.bodyIn(node.initializer, depth) : undefined;
    }
    if (ts.isBindingElement(node)) return this.bodyOfBindingElement(node, depth);
    return undefined;
  }

  /** `@Body() dto` (not under a whitelisting pipe); `({ body }) => …` handler parameters are bindings, see below. */
  private bodyOfParameter(parameter: ts.ParameterDeclaration): RequestBody | undefined {
    if (this.environment.parameterBodies?.has(parameter)) return { source: parameter.name.getText(this.index.sourceFile), removed: new Set(), parameter };
    const body = nestBodyDecorator(parameter);
    if (!body) return undefined;
    if (this.environment.globalWhitelistPipe || hasWhitelistPipe(body) || isUnderWhitelistPipes(parameter)) return undefined;
    const name = ts.isIdentifier(parameter.name) ? parameter.name.text : 'body';
    // `@Body() dto`, `@Body('user') user`: the decorator as written when its argument is a key, never an option value.
    const key = body.arguments[0] && ts.isStringLiteral(body.arguments[0]) ? `'${body.arguments[0].text}'` : '';
    return { source: `@Body(${key}) ${name}`, removed: new Set(), dtoClass: this.localClassOf(parameter.type) };
  }

  private bodyOfBindingElement(element: ts.BindingElement, depth: number): RequestBody | undefined {
    const pattern = element.parent;
    const holder = pattern.parent;
    // `const { body } = req`, `({ body }) => …`
    const key = propertyNameText(element.propertyName ?? element.name);
    if (!element.dotDotDotToken) {
      if (key !== 'body' || !ts.isObjectBindingPattern(pattern)) return undefined;
      const root = bindingRoot(element);
      if (ts.isParameter(root) && root === holder) return isHandlerParameter(root) ? { source: 'body', removed: new Set() } : undefined;
      if (ts.isVariableDeclaration(holder) && holder.initializer) {
        const from = skipOuterExpressions(holder.initializer);
        if (ts.isIdentifier(from) && REQUEST_OBJECT_NAMES.has(from.text)) return { source: `${from.text}.body`, removed: new Set() };
        if (ts.isPropertyAccessExpression(from) && from.name.text === 'request' && ts.isIdentifier(from.expression)) return { source: `${from.getText(this.index.sourceFile)}.body`, removed: new Set() };
      }
      return undefined;
    }
    // `const { role, ...rest } = req.body`: rest is the body minus the keys named beside it.
    if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(holder) || !holder.initializer) return undefined;
    const inner = this.bodyIn(holder.initializer, depth);
    if (!inner) return undefined;
    const removed = new Set(inner.removed);
    for (const sibling of pattern.elements) {
      const siblingKey = sibling === element ? undefined : propertyNameText(sibling.propertyName ?? sibling.name);
      if (siblingKey) removed.add(siblingKey);
    }
    return { ...inner, removed };
  }

  /** `{ ...req.body }`, `{ ...user, ...req.body, updatedAt: now }`: keys written after the last body spread are not the client's. */
  private bodyOfObjectLiteral(node: ts.ObjectLiteralExpression, depth: number): RequestBody | undefined {
    let found: RequestBody | undefined;
    let removed: Set<string> | undefined;
    for (const property of node.properties) {
      if (ts.isSpreadAssignment(property)) {
        const spread = this.bodyIn(property.expression, depth);
        if (spread) {
          found = spread;
          removed = new Set(spread.removed);
        }
        continue;
      }
      const key = property.name ? propertyNameText(property.name) : undefined;
      if (removed && key) removed.add(key);
    }
    return found && removed ? { ...found, removed } : undefined;
  }

  private bodyOfCall(call: ts.CallExpression, depth: number): RequestBody | undefined {
    const callee = skipOuterExpressions(call.expression);
    const name = ts.isPropertyAccessExpression(callee) ? callee.name.text : ts.isIdentifier(callee) ? callee.text : undefined;
    if (!name) return undefined;
    const args = call.arguments;
    // Object.assign({}, body), _.assign({}, body), _.merge({}, defaults, body): the result holds the body's keys.
    if ((name === 'assign' || name === 'merge' || name === 'extend') && args.length >= 2) {
      for (let i = args.length - 1; i >= 1; i--) {
        const source = this.bodyIn(args[i]!, depth);
        if (source) return source;
      }
      return undefined;
    }
    if (COPYING_FUNCTIONS.has(name) && args.length >= 1) return this.bodyIn(args[0]!, depth);
    // Object.fromEntries(await request.formData())
    if (name === 'fromEntries' && args.length === 1) {
      const inner = skipOuterExpressions(args[0]!);
      if (ts.isCallExpression(inner) && isRequestMethodCall(inner, 'formData')) return { source: call.getText(this.index.sourceFile), removed: new Set() };
    }
    // _.omit(body, ['role', 'isAdmin']) / _.omit(body, 'role', 'isAdmin')
    if (name === 'omit' && args.length >= 2) {
      const inner = this.bodyIn(args[0]!, depth);
      if (!inner) return undefined;
      const removed = new Set(inner.removed);
      for (const arg of args.slice(1)) for (const key of stringsOf(arg)) removed.add(key);
      return { ...inner, removed };
    }
    if (VALIDATOR_METHODS.has(name)) return this.bodyOfValidatorCall(call, callee, name, depth);
    return this.bodyOfLocalHelper(call, depth);
  }

  /** `Schema.parse(body)`: the result is the body again only when the schema keeps unknown keys. */
  private bodyOfValidatorCall(call: ts.CallExpression, callee: ts.Expression, name: string, depth: number): RequestBody | undefined {
    // valibot: v.parse(Schema, body); zod/Joi/yup: Schema.parse(body)
    const valibotStyle = ts.isPropertyAccessExpression(callee) && call.arguments.length >= 2 && (name === 'parse' || name === 'safeParse' || name === 'parseAsync' || name === 'safeParseAsync') && !isSchemaExpression(callee.expression, this.index);
    const schema = valibotStyle || ts.isIdentifier(callee) ? call.arguments[0] : ts.isPropertyAccessExpression(callee) ? callee.expression : undefined;
    const valueArg = valibotStyle || ts.isIdentifier(callee) ? call.arguments[1] : call.arguments[0];
    if (!schema || !valueArg) return undefined;
    const inner = this.bodyIn(valueArg, depth);
    if (!inner) return undefined;
    const options = valibotStyle || ts.isIdentifier(callee) ? call.arguments[2] : call.arguments[1];
    const verdict = schemaVerdict(schema, options, this.index);
    // An unknown schema is given the benefit of the doubt: validation is there, and most schemas are objects.
    return verdict === 'keeps' ? { ...inner, viaValidator: true } : undefined;
  }

  /** `getBody(req)`: a function of this file whose every return value is the body. */
  private bodyOfLocalHelper(call: ts.CallExpression, depth: number): RequestBody | undefined {
    const callee = skipOuterExpressions(call.expression);
    if (!ts.isIdentifier(callee)) return undefined;
    const declaration = this.index.resolve(callee);
    const fn = declaration && functionOf(declaration.node);
    if (!fn || !fn.body) return undefined;
    const returned = returnedExpressions(fn);
    if (returned.length === 0) return undefined;
    let found: RequestBody | undefined;
    for (const expression of returned) {
      const body = this.bodyIn(expression, depth);
      if (!body) return undefined;
      found ??= body;
    }
    return found;
  }

  /**
   * AJV with `removeAdditional` deletes unknown keys from the object it validates, in place: `if (!validate(req.body))
   * return …; User.create(req.body)`. True when the same body text goes through a validate function in the same
   * function and the file configures such an Ajv (checked on the text first: most files never mention it).
   */
  private strippedByAjv(body: ts.Expression): boolean {
    const sourceFile = this.index.sourceFile;
    this.ajvStrips ??= AJV_REMOVE_ADDITIONAL.test(sourceFile.text);
    if (!this.ajvStrips) return false;
    const text = body.getText(sourceFile);
    const fn = enclosingFunction(body);
    const validators = [...this.index.callsNamed('validate'), ...this.compiledValidatorCalls()];
    return validators.some((call) => enclosingFunction(call) === fn && call.arguments.some((arg) => skipOuterExpressions(arg).getText(sourceFile) === text));
  }

  private ajvStrips: boolean | undefined;

  /** Calls of `const validate = ajv.compile(schema)` under any name. */
  private compiledValidatorCalls(): ts.CallExpression[] {
    const found: ts.CallExpression[] = [];
    for (const compile of this.index.callsNamed('compile')) {
      const holder = compile.parent;
      if (!ts.isVariableDeclaration(holder) || !ts.isIdentifier(holder.name)) continue;
      found.push(...this.index.callsNamed(holder.name.text).filter((call) => ts.isIdentifier(call.expression)));
    }
    return found;
  }

  private localClassOf(type: ts.TypeNode | undefined): ts.ClassDeclaration | undefined {
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
    const declaration = this.index.resolve(type.typeName);
    return declaration && ts.isClassDeclaration(declaration.node) ? declaration.node : undefined;
  }
}

/** `req.body`, `request.body`, `ctx.request.body`, `event.req.body`, `await c.req.json()`, `await request.json()`. */
export function isWholeBodyAccess(node: ts.Expression): boolean {
  if (ts.isCallExpression(node)) return BODY_METHODS.has(methodName(node) ?? '') && isRequestMethodCall(node, methodName(node)!);
  const chain: string[] = [];
  let current: ts.Expression = node;
  while (ts.isPropertyAccessExpression(current)) {
    chain.unshift(current.name.text);
    current = skipOuterExpressions(current.expression);
  }
  if (!ts.isIdentifier(current) || !REQUEST_OBJECT_NAMES.has(current.text)) return false;
  // Koa's and Hono's `ctx.body` / `c.body` is the response; the request body is `ctx.request.body`.
  if (chain.length === 1 && RESPONSE_CONTEXT_NAMES.has(current.text)) return false;
  return BODY_PATHS.some((path) => path.length === chain.length && path.every((part, i) => chain[i] === part));
}

function methodName(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  return ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
}

/** `request.json()`, `req.json()`, `c.req.json()`, `ctx.request.json()` for the given method. */
function isRequestMethodCall(call: ts.CallExpression, method: string): boolean {
  const callee = call.expression;
  if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== method) return false;
  const receiver = skipOuterExpressions(callee.expression);
  if (ts.isIdentifier(receiver)) return receiver.text === 'request' || receiver.text === 'req';
  return ts.isPropertyAccessExpression(receiver) && (receiver.name.text === 'req' || receiver.name.text === 'request') && ts.isIdentifier(receiver.expression) && REQUEST_OBJECT_NAMES.has(receiver.expression.text);
}

function isHandlerParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  return ts.isFunctionLike(fn) && fn.parameters.indexOf(parameter) === 0;
}

/** The `@Body()` / `@Body('user')` decorator call on a parameter. */
function nestBodyDecorator(parameter: ts.ParameterDeclaration): ts.CallExpression | undefined {
  const decorators = ts.canHaveDecorators(parameter) ? ts.getDecorators(parameter) ?? [] : [];
  for (const decorator of decorators) {
    const call = decorator.expression;
    if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'Body') return call;
  }
  return undefined;
}

/** `new ValidationPipe({ whitelist: true })` (or `forbidNonWhitelisted`) among a call's arguments. */
function hasWhitelistPipe(call: ts.CallExpression): boolean {
  return call.arguments.some((arg) => isWhitelistPipe(arg));
}

export function isWhitelistPipe(expression: ts.Expression): boolean {
  const node = skipOuterExpressions(expression);
  if (!ts.isNewExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'ValidationPipe') return false;
  const options = node.arguments?.[0];
  if (!options || !ts.isObjectLiteralExpression(options)) return false;
  return options.properties.some((p) => ts.isPropertyAssignment(p) && (propertyNameText(p.name) === 'whitelist' || propertyNameText(p.name) === 'forbidNonWhitelisted') && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

/** `@UsePipes(new ValidationPipe({ whitelist: true }))` on the method or its class. */
function isUnderWhitelistPipes(parameter: ts.ParameterDeclaration): boolean {
  for (let node: ts.Node | undefined = parameter.parent; node; node = node.parent) {
    if (!ts.isMethodDeclaration(node) && !ts.isClassDeclaration(node)) continue;
    for (const decorator of ts.getDecorators(node) ?? []) {
      const call = decorator.expression;
      if (ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'UsePipes' && hasWhitelistPipe(call)) return true;
    }
  }
  return false;
}

/** True when the expression is (an alias of) a schema built with zod, Joi, yup or valibot. */
function isSchemaExpression(expression: ts.Expression, index: FileIndex): boolean {
  return schemaChain(expression, index) !== undefined;
}

/** The calls of a schema's builder chain, innermost first: `z.object({…}).passthrough()` → ['z.object', 'passthrough']. */
function schemaChain(expression: ts.Expression, index: FileIndex, depth = 0): { root: string; calls: string[]; first: ts.CallExpression } | undefined {
  let node = skipOuterExpressions(expression);
  if (ts.isIdentifier(node)) {
    const declaration = index.resolve(node);
    if (!declaration || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer || depth > 4) return undefined;
    return schemaChain(declaration.node.initializer, index, depth + 1);
  }
  const calls: string[] = [];
  let first: ts.CallExpression | undefined;
  while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
    calls.unshift(node.expression.name.text);
    first = node;
    node = skipOuterExpressions(node.expression.expression);
    if (ts.isIdentifier(node)) break;
  }
  if (!first || !ts.isIdentifier(node)) return undefined;
  const namespace = node.text;
  if (!/^(z|zod|Joi|joi|yup|Yup|v|valibot)$/.test(namespace)) {
    // `UserSchema.extend({…}).strict()`: a chain rooted at another schema.
    const base = schemaChain(node, index, depth + 1);
    return base ? { root: base.root, calls: [...base.calls, ...calls], first: base.first } : undefined;
  }
  return { root: namespace.toLowerCase().replace('valibot', 'v').replace('zod', 'z'), calls, first };
}

/** Whether validating with this schema (and these call options) strips or rejects keys the schema does not declare. */
function schemaVerdict(schema: ts.Expression, options: ts.Expression | undefined, index: FileIndex): Verdict {
  const chain = schemaChain(schema, index);
  const option = (name: string) => optionValue(options, name);
  if (!chain) return 'unknown';
  const [builder, ...rest] = chain.calls;
  if (PASSING_SCHEMA_CALLS.has(builder!) || rest.some((call) => PASSING_SCHEMA_CALLS.has(call))) {
    return chain.root === 'joi' && option('stripUnknown') ? 'strips' : 'keeps';
  }
  if (!STRIPPING_OBJECT_BUILDERS.has(builder!)) return 'unknown';
  if (chain.root === 'joi') {
    // Joi rejects unknown keys unless told otherwise.
    if (rest.includes('unknown') || option('allowUnknown')) return option('stripUnknown') ? 'strips' : 'keeps';
    return 'strips';
  }
  if (chain.root === 'yup') {
    // yup keeps unknown keys unless `.noUnknown()` or `stripUnknown: true`.
    return rest.includes('noUnknown') || option('stripUnknown') ? 'strips' : 'keeps';
  }
  return 'strips';
}

function optionValue(options: ts.Expression | undefined, name: string): boolean {
  if (!options) return false;
  const node = skipOuterExpressions(options);
  if (!ts.isObjectLiteralExpression(node)) return false;
  return node.properties.some((p) => ts.isPropertyAssignment(p) && propertyNameText(p.name) === name && p.initializer.kind === ts.SyntaxKind.TrueKeyword);
}

function stringsOf(expression: ts.Expression): string[] {
  const node = skipOuterExpressions(expression);
  if (ts.isStringLiteralLike(node)) return [node.text];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => (ts.isStringLiteralLike(element) ? [element.text] : []));
  return [];
}

function functionOf(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  if (ts.isFunctionDeclaration(node)) return node;
  if (ts.isVariableDeclaration(node) && node.initializer) {
    const init = skipOuterExpressions(node.initializer);
    if (ts.isArrowFunction(init) || ts.isFunctionExpression(init)) return init;
  }
  return undefined;
}

/** The expressions a function returns (an arrow's expression body, or its own `return`s, not nested functions'). */
function returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  const body = fn.body;
  if (!body) return [];
  if (!ts.isBlock(body)) return [body];
  const found: ts.Expression[] = [];
  const stack: ts.Node[] = [body];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      continue;
    }
    if (ts.isFunctionLike(node) && node !== fn) continue;
    node.forEachChild((child) => {
      stack.push(child);
    });
  }
  return found;
}

/** Where the body sits in a data expression: the expression itself, or a spread of it inside an object literal. */
export interface BodyAt {
  body: RequestBody;
  /** What a finding underlines and a fix replaces. */
  site: ts.Expression | ts.SpreadAssignment;
  /** The expression that holds the body's keys, as written (`req.body`, `rest`, `await c.req.json()`). */
  holder: ts.Expression;
}

export function bodyAt(data: ts.Expression, bodies: RequestBodies): BodyAt | undefined {
  const node = skipOuterExpressions(data);
  if (ts.isObjectLiteralExpression(node)) {
    const whole = bodies.bodyIn(node);
    if (!whole) return undefined;
    // Underline the spread that brings the body in: the other properties are the server's.
    for (let i = node.properties.length - 1; i >= 0; i--) {
      const property = node.properties[i]!;
      if (ts.isSpreadAssignment(property) && bodies.bodyIn(property.expression)) return { body: whole, site: property, holder: property.expression };
    }
    return undefined;
  }
  const body = bodies.bodyIn(data);
  return body ? { body, site: data, holder: data } : undefined;
}

/**
 * Route middleware that validates the request (`validate(userValidation.createUser)`, `celebrate({…})`,
 * `checkSchema(…)`), by the name the API model shows: its schema is elsewhere, so like an unseen validator it is
 * trusted to reject or strip keys it does not declare.
 */
export const VALIDATION_MIDDLEWARE = /^(?:[\w$]+\.)*(?:validate\w*|validator\w*|validation\w*|celebrate|checkSchema|checkBody|joiValidate\w*|yupValidate\w*|zodValidate\w*|schemaValidat\w*)\b/i;
