// One walk over a function for auth-behaviour.ts: the identity and permission evidence it holds, the rejections it
// makes, which locals carry identity, and the conditions each rejection depends on. What single nodes mean lives in
// auth-evidence.ts; what the facts add up to (and whether a rejection falls through) in auth-behaviour.ts.
import * as ts from 'typescript';
import { calleeName, calleeObjectName, identifierWords, staticStringValue } from './ast';
import {
  accessEvidence,
  authLibraryOf,
  bindDeclaration,
  callEvidence,
  comparisonEvidence,
  destructuringEvidence,
  isIdentityAttachment,
  loginRedirectTarget,
  rejectionStatusOf,
  shortText,
  type Evidence,
  type ModuleBinding,
} from './auth-evidence';
import { isAssignmentOperator, isPropertyName, skipOuterExpressions } from './dataflow';

export type Mode = 'middleware' | 'handler' | 'guard';

export interface Rejection {
  node: ts.Node;
  /** The statement it belongs to (an arrow's expression body counts as one). */
  statement: ts.Node;
  status?: 401 | 403;
  description: string;
  /** Says "auth" by itself: 401/403, an Unauthorized error, a redirect to a login page. */
  specific: boolean;
  /** It ends the request on its own: return/throw, or a call that throws (`ctx.throw(401)`, Next.js `redirect()`). */
  stops: boolean;
  /** A response object built as a statement (`new Response(…, { status: 401 })`) is simply dropped. */
  builtResponse?: boolean;
  /** Any response (`reply.send(err)`): a rejection only in the catch of a verification. */
  caughtOnly?: boolean;
}

export interface Facts {
  evidence: Evidence[];
  rejections: Map<ts.Node, Rejection>;
  variables: ts.VariableDeclaration[];
  identifierWrites: ts.BinaryExpression[];
  /** Parameters of callbacks given to identity calls (`jwt.verify(t, k, (err, decoded) => …)`). */
  callbackParameters: Map<string, Evidence>;
  attaches: boolean;
  delegations: { kind: 'authentication' | 'authorization'; how: string; node: ts.Node }[];
  optional?: string;
  reflectorCalls: { key: string; call: ts.CallExpression }[];
  ifStatements: ts.IfStatement[];
}

const RESPONSE_METHODS = new Set(['send', 'json', 'end', 'sendStatus', 'status', 'code', 'text', 'html', 'body']);
const NEXT_NAMES = new Set(['next', 'done', 'cb', 'callback', 'nxt']);
const CONTEXT_NAMES = new Set(['ctx', 'c', 'context']);
/** `ctx.throw(401)`, `ctx.assert(user, 401)`, Clerk's `auth.protect()`; and Next.js/SvelteKit functions that throw. */
const THROWING_METHODS = new Set(['throw', 'assert', 'protect']);
const THROWING_FUNCTIONS = new Set(['redirect', 'unauthorized', 'forbidden', 'error', 'notFound']);
/** Members of a session or user that say who is logged in (`userId`, `passport`, `id`), unlike `returnTo` or `tokens`. */
const IDENTITY_MEMBER_WORDS = new Set(['user', 'uid', 'id', 'sub', 'email', 'username', 'account', 'auth', 'authenticated', 'logged', 'passport', 'member', 'customer', 'admin', 'token', 'jwt', 'principal', 'identity']);
const FAILURE_NAMES = /^(err|error|e|ex|invalid|expired|failed|failure)$/i;

/** One walk over the function (nested callbacks included), gathering evidence, rejections and what they depend on. */
export function collectFacts(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile, mode: Mode, fileBindings: (name: string) => ModuleBinding | undefined): Facts {
  const facts: Facts = { evidence: [], rejections: new Map(), variables: [], identifierWrites: [], callbackParameters: new Map(), attaches: false, delegations: [], reflectorCalls: [], ifStatements: [] };
  const locals = new Map<string, ModuleBinding>();
  const lookup = (name: string) => locals.get(name) ?? fileBindings(name);
  const nextName = mode === 'middleware' ? nextParameterName(fn) : undefined;
  const addRejection = (rejection: Rejection) => {
    const existing = facts.rejections.get(rejection.statement);
    if (!existing || (rejection.specific && !existing.specific) || (existing.caughtOnly && !rejection.caughtOnly)) facts.rejections.set(rejection.statement, rejection);
  };
  const stack: ts.Node[] = [fn.body!];
  while (stack.length > 0) {
    const node = stack.pop()!;
    switch (node.kind) {
      case ts.SyntaxKind.CallExpression:
        visitCall(node as ts.CallExpression, facts, sourceFile, lookup, nextName, addRejection);
        break;
      case ts.SyntaxKind.NewExpression: {
        const status = rejectionStatusOf(node as ts.NewExpression);
        if (status) addRejection(statusRejection(node as ts.NewExpression, status));
        else if (/Response$/.test(calleeName(node as ts.NewExpression) ?? '')) addRejection({ node, statement: statementOf(node), description: 'answers with an error', specific: false, stops: false, builtResponse: true, caughtOnly: true });
        break;
      }
      case ts.SyntaxKind.ThrowStatement:
        addRejection({ node, statement: node, description: 'throws', specific: false, stops: true });
        break;
      case ts.SyntaxKind.ReturnStatement: {
        const value = (node as ts.ReturnStatement).expression;
        if (mode === 'guard' && value && value.kind !== ts.SyntaxKind.TrueKeyword && owningFunction(node) === fn) {
          addRejection({ node: value, statement: node, description: value.kind === ts.SyntaxKind.FalseKeyword ? 'returns false' : 'returns false when the check fails', specific: false, stops: true });
        }
        break;
      }
      case ts.SyntaxKind.PropertyAccessExpression:
      case ts.SyntaxKind.ElementAccessExpression: {
        const found = accessEvidence(node as ts.PropertyAccessExpression, sourceFile);
        if (found) facts.evidence.push(found);
        break;
      }
      case ts.SyntaxKind.BinaryExpression:
        visitBinary(node as ts.BinaryExpression, facts, sourceFile, addRejection);
        break;
      case ts.SyntaxKind.VariableDeclaration: {
        const declaration = node as ts.VariableDeclaration;
        facts.variables.push(declaration);
        facts.evidence.push(...destructuringEvidence(declaration, sourceFile));
        bindDeclaration(declaration, lookup, (name, binding) => locals.set(name, binding));
        break;
      }
      case ts.SyntaxKind.IfStatement:
        facts.ifStatements.push(node as ts.IfStatement);
        break;
    }
    const first = stack.length;
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
    reverseFrom(stack, first);
  }
  return facts;
}

function visitCall(call: ts.CallExpression, facts: Facts, sourceFile: ts.SourceFile, lookup: (name: string) => ModuleBinding | undefined, nextName: string | undefined, addRejection: (r: Rejection) => void): void {
  const callee = skipOuterExpressions(call.expression);
  const name = calleeName(call);
  // `passport.authenticate('jwt')(req, res, next)`, `checkJwt(req, res, next)`: running a library middleware.
  const library = ts.isCallExpression(callee) || ts.isIdentifier(callee) ? authLibraryOf(callee, lookup) : undefined;
  if (library?.binding.called && library.entry && library.entry.usage !== 'in-handler') {
    facts.delegations.push({ kind: library.entry.kind, how: `delegates to ${library.entry.label} (${shortText(callee, sourceFile)})`, node: call });
  } else if (library?.binding.called && library.nonRejecting) {
    facts.optional = `optional: ${library.nonRejecting.label} ${library.nonRejecting.why}`;
  }
  const evidence = callEvidence(call, lookup, sourceFile);
  if (evidence) {
    facts.evidence.push(evidence);
    for (const argument of call.arguments) {
      const inner = skipOuterExpressions(argument);
      if (!ts.isArrowFunction(inner) && !ts.isFunctionExpression(inner)) continue;
      for (const parameter of inner.parameters) if (ts.isIdentifier(parameter.name)) facts.callbackParameters.set(parameter.name.text, evidence);
    }
  }
  if (name === 'set' && ts.isPropertyAccessExpression(callee) && call.arguments.length === 2 && /^(user|session|auth|jwtPayload)$/.test(staticStringValue(call.arguments[0]!) ?? '')) facts.attaches = true;
  if (/^(getAllAndOverride|getAllAndMerge|get)$/.test(name ?? '') && /reflector/i.test(calleeObjectName(call) ?? '') && call.arguments[0]) {
    const key = skipOuterExpressions(call.arguments[0]);
    facts.reflectorCalls.push({ key: staticStringValue(key) ?? shortText(key, sourceFile), call });
  }
  const statement = statementOf(call);
  if (nextName !== undefined && ts.isIdentifier(callee) && callee.text === nextName) {
    const argument = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
    if (!argument || argument.kind === ts.SyntaxKind.NullKeyword || (ts.isIdentifier(argument) && argument.text === 'undefined') || /^(route|router)$/.test(staticStringValue(argument) ?? '')) return;
    const status = ts.isCallExpression(argument) || ts.isNewExpression(argument) ? rejectionStatusOf(argument) : undefined;
    addRejection({ node: call, statement, ...(status ? { status } : {}), description: status ? `passes a ${status} error to ${nextName}()` : `passes an error to ${nextName}()`, specific: !!status, stops: false });
    return;
  }
  if (name === 'redirect') {
    const target = loginRedirectTarget(call);
    addRejection({ node: call, statement, description: target ? `redirects to ${target}` : 'redirects', specific: target !== undefined, stops: ts.isIdentifier(callee), builtResponse: /^(NextResponse|Response)$/.test(calleeObjectName(call) ?? '') });
    return;
  }
  const status = rejectionStatusOf(call);
  if (status) addRejection(statusRejection(call, status));
  else if (ts.isPropertyAccessExpression(callee) && RESPONSE_METHODS.has(name ?? '')) {
    // `catch (err) { reply.send(err) }` after `request.jwtVerify()`: the @fastify/jwt way to answer 401.
    addRejection({ node: call, statement, description: 'answers with an error', specific: false, stops: false, builtResponse: /^(NextResponse|Response)$/.test(calleeObjectName(call) ?? ''), caughtOnly: true });
  }
}

function visitBinary(binary: ts.BinaryExpression, facts: Facts, sourceFile: ts.SourceFile, addRejection: (r: Rejection) => void): void {
  const comparison = comparisonEvidence(binary, sourceFile);
  if (comparison) facts.evidence.push(comparison);
  if (!isAssignmentOperator(binary.operatorToken.kind)) return;
  const target = skipOuterExpressions(binary.left);
  if (ts.isIdentifier(target)) facts.identifierWrites.push(binary);
  else if (isIdentityAttachment(target) && binary.right.kind !== ts.SyntaxKind.NullKeyword) facts.attaches = true;
  const targetName = ts.isPropertyAccessExpression(target) ? target.name.text : undefined;
  const right = skipOuterExpressions(binary.right);
  const status = ts.isNumericLiteral(right) ? (right.text === '401' ? 401 : right.text === '403' ? 403 : undefined) : undefined;
  // `ctx.status = 401` (Koa), `res.statusCode = 403` (Node).
  if ((targetName === 'status' || targetName === 'statusCode') && status) addRejection({ node: binary, statement: statementOf(binary), status, description: `answers ${status}`, specific: true, stops: false });
}

function statusRejection(node: ts.CallExpression | ts.NewExpression, status: 401 | 403): Rejection {
  const statement = statementOf(node);
  const name = calleeName(node) ?? '';
  const receiver = calleeObjectName(node);
  if (ts.isThrowStatement(statement)) {
    const named = identifierWords(name).some((word) => /^(unauthori[sz]ed|unauthenticated|forbidden)$/.test(word));
    return { node, statement, status, description: named ? `throws ${name}` : `throws a ${status} error`, specific: true, stops: true };
  }
  const throwing = ts.isCallExpression(node) && ((THROWING_METHODS.has(name) && receiver !== undefined) || (ts.isIdentifier(skipOuterExpressions(node.expression)) && THROWING_FUNCTIONS.has(name)));
  const built = ts.isNewExpression(node) ? /Response$/.test(name) : /^(NextResponse|Response)$/.test(receiver ?? '');
  return { node, statement, status, description: `answers ${status}`, specific: true, stops: throwing, builtResponse: built };
}

/** Locals whose value came from identity (or permission) evidence: `const token = req.headers.authorization`. */
export function variablesCarrying(facts: Facts, kind: Evidence['kind']): Map<string, Evidence> {
  const found = new Map<string, Evidence>();
  const evidenceIn = (node: ts.Node) => facts.evidence.find((e) => e.kind === kind && e.node.pos >= node.pos && e.node.end <= node.end);
  // Identity flows only along what stays the credential (`req.headers.authorization?.split(' ')[1]`, `verify(token)`),
  // not into whatever is computed from the user (`User.findById(req.user.id)`); permissions may be anywhere inside.
  const carried = (value: ts.Expression) => (kind === 'identity' ? identityCarriedBy(value, facts, found) : evidenceIn(value));
  for (const declaration of facts.variables) {
    let evidence = declaration.initializer && (evidenceIn(declaration.name) ?? carried(declaration.initializer));
    // `const { data: { user } } = await supabase.auth.getUser()` carries identity; `const { returnTo } = req.session` does not.
    if (evidence && !ts.isIdentifier(declaration.name) && !ts.isCallExpression(evidence.node) && !(evidence.node.pos >= declaration.name.pos && evidence.node.end <= declaration.name.end)) evidence = undefined;
    if (evidence) for (const name of boundNames(declaration.name)) found.set(name, evidence);
  }
  for (const write of facts.identifierWrites) {
    const evidence = carried(write.right);
    if (evidence) found.set((skipOuterExpressions(write.left) as ts.Identifier).text, evidence);
  }
  if (kind === 'identity') for (const [name, evidence] of facts.callbackParameters) if (!found.has(name)) found.set(name, evidence);
  return found;
}

/** The identity a value is: an evidence node, its receiver chain, `a || b`, or a plain call given an identity variable. */
function identityCarriedBy(value: ts.Expression, facts: Facts, variables: Map<string, Evidence>): Evidence | undefined {
  const alternatives = [value];
  while (alternatives.length > 0) {
    const found = identityAlongChain(alternatives.shift()!, facts, variables, alternatives);
    if (found) return found;
  }
  return undefined;
}

/** Follows one receiver chain down to its root; the operands of `a || b` go on `alternatives` (no recursion). */
function identityAlongChain(value: ts.Expression, facts: Facts, variables: Map<string, Evidence>, alternatives: ts.Expression[]): Evidence | undefined {
  let current = skipOuterExpressions(value);
  let member: string | undefined;
  for (;;) {
    const node = current;
    const evidence = facts.evidence.find((e) => e.kind === 'identity' && e.node === node);
    // `req.session.userId`, `req.user.id` stay identity; `req.session.returnTo`, `req.user.tokens` are the user's data.
    if (evidence) return member === undefined || !evidence.description.startsWith('checks') || isIdentityMember(member) ? evidence : undefined;
    member = ts.isPropertyAccessExpression(current) ? current.name.text : undefined;
    if (ts.isIdentifier(current)) return variables.get(current.text);
    if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.BarBarToken || current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)) {
      alternatives.push(current.left, current.right);
      return undefined;
    }
    if (ts.isPropertyAccessExpression(current) || ts.isElementAccessExpression(current)) {
      current = skipOuterExpressions(current.expression);
    } else if (ts.isCallExpression(current) && !ts.isIdentifier(current.expression)) {
      current = skipOuterExpressions(current.expression);
    } else if (ts.isCallExpression(current)) {
      for (const argument of current.arguments) {
        const inner = skipOuterExpressions(argument);
        if (ts.isIdentifier(inner) && variables.has(inner.text)) return variables.get(inner.text);
      }
      return undefined;
    } else {
      return undefined;
    }
  }
}

/**
 * The identity a condition tests for presence: `!req.user`, `!token`, `err`, `user == null`, `!req.isAuthenticated()`,
 * `!req.session.userId`. A property of the user (`req.user.emailVerified`, `user.email !== x`) is not a test of identity.
 */
function identityTested(condition: ts.Node, facts: Facts, variables: Map<string, Evidence>): Evidence | undefined {
  const operands = [condition as ts.Expression];
  while (operands.length > 0) {
    const expression = skipOuterExpressions(operands.shift()!);
    if (ts.isPrefixUnaryExpression(expression) && expression.operator === ts.SyntaxKind.ExclamationToken) {
      operands.push(expression.operand);
    } else if (ts.isBinaryExpression(expression)) {
      const operator = expression.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken || operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) operands.push(expression.left, expression.right);
      else if (isConstant(expression.right)) operands.push(expression.left);
      else if (isConstant(expression.left)) operands.push(expression.right);
      // `typeof req.headers.authorization === 'string'`: a presence test too.
      else if (ts.isTypeOfExpression(expression.left) && ts.isStringLiteral(expression.right)) operands.push(expression.left.expression);
      else if (ts.isTypeOfExpression(expression.right) && ts.isStringLiteral(expression.left)) operands.push(expression.right.expression);
    } else if (ts.isCallExpression(expression) && ts.isPropertyAccessExpression(expression.expression) && PRESENCE_METHODS.has(expression.expression.name.text)) {
      // `header.startsWith('Bearer ')`: tests the credential's shape, so its presence.
      operands.push(expression.expression.expression);
    } else {
      const found = identityOperand(expression, facts, variables);
      if (found) return found;
    }
  }
  return undefined;
}

function assertedCondition(node: ts.Node): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression) || node.expression.name.text !== 'assert') return undefined;
  return node.arguments[0];
}

const PRESENCE_METHODS = new Set(['startsWith', 'endsWith', 'includes', 'match', 'test']);

function identityOperand(expression: ts.Expression, facts: Facts, variables: Map<string, Evidence>): Evidence | undefined {
  if (ts.isIdentifier(expression)) return variables.get(expression.text);
  const direct = facts.evidence.find((e) => e.kind === 'identity' && e.node === expression);
  if (direct) return direct;
  // `req.session.userId`: a member of the session is the identity it holds.
  if (!ts.isPropertyAccessExpression(expression) || !isIdentityMember(expression.name.text)) return undefined;
  const owner = skipOuterExpressions(expression.expression);
  return facts.evidence.find((e) => e.kind === 'identity' && e.node === owner && ts.isPropertyAccessExpression(owner) && owner.name.text === 'session');
}

function isIdentityMember(name: string): boolean {
  return identifierWords(name).some((word) => IDENTITY_MEMBER_WORDS.has(word));
}

function isConstant(side: ts.Expression): boolean {
  return side.kind === ts.SyntaxKind.NullKeyword || side.kind === ts.SyntaxKind.FalseKeyword || side.kind === ts.SyntaxKind.TrueKeyword || (ts.isIdentifier(side) && side.text === 'undefined');
}

/** The identity and permission evidence in the conditions a rejection depends on, innermost first. */
export function conditionFacts(rejection: Rejection, fn: ts.Node, facts: Facts, identity: Map<string, Evidence>, authz: Map<string, Evidence>): { identity?: Evidence; authorization?: Evidence; conditioned?: boolean } {
  const result: { identity?: Evidence; authorization?: Evidence; conditioned?: boolean } = {};
  const consider = (condition: ts.Node, branch: 'then' | 'else' | 'any') => {
    if (rejection.caughtOnly) return;
    if (branch !== 'any') result.conditioned = true;
    if (!rejection.specific && branch !== 'any' && looksLikeFailure(condition) !== (branch === 'then')) return;
    result.identity ??= rejection.specific ? evidenceWithin(condition, 'identity', facts, identity) : identityTested(condition, facts, identity);
    result.authorization ??= evidenceWithin(condition, 'authorization', facts, authz);
  };
  if (ts.isReturnStatement(rejection.statement) && rejection.node === rejection.statement.expression) consider(rejection.node, 'any');
  // `ctx.assert(ctx.state.user, 401)`: the asserted value is the condition.
  const asserted = assertedCondition(rejection.node);
  if (asserted) consider(asserted, 'any');
  let child: ts.Node = rejection.node;
  for (let parent = child.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) && child !== parent.expression) consider(parent.expression, child === parent.thenStatement ? 'then' : 'else');
    else if (ts.isConditionalExpression(parent) && child !== parent.condition) consider(parent.condition, child === parent.whenTrue ? 'then' : 'else');
    else if (ts.isBinaryExpression(parent) && child === parent.right) {
      const operator = parent.operatorToken.kind;
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) consider(parent.left, 'then');
      else if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) consider(parent.left, 'else');
    } else if (ts.isCatchClause(parent) && ts.isTryStatement(parent.parent)) {
      // A catch rejects for identity only when its try verifies: reading req.user there throws nothing.
      const tryBlock = parent.parent.tryBlock;
      result.identity ??= facts.evidence.find((e) => e.verifies && e.node.pos >= tryBlock.pos && e.node.end <= tryBlock.end);
    }
  }
  return result;
}

function evidenceWithin(condition: ts.Node, kind: Evidence['kind'], facts: Facts, variables: Map<string, Evidence>): Evidence | undefined {
  const direct = facts.evidence.find((e) => e.kind === kind && e.node.pos >= condition.pos && e.node.end <= condition.end);
  if (direct) return direct;
  return searchTree(condition, (node) => (ts.isIdentifier(node) ? (isPropertyName(node) ? false : variables.get(node.text) ?? false) : undefined));
}

/** A condition that is true when something is missing or wrong: `!token`, `x !== 'admin'`, `err`, `user == null`. */
export function looksLikeFailure(condition: ts.Node): boolean {
  const failure = searchTree(condition, (node) => {
    if (ts.isFunctionLike(node)) return false;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return true;
    if (ts.isIdentifier(node)) return FAILURE_NAMES.test(node.text) || undefined;
    if (!ts.isBinaryExpression(node)) return undefined;
    const operator = node.operatorToken.kind;
    const nullish = [node.left, node.right].some((side) => side.kind === ts.SyntaxKind.NullKeyword || side.kind === ts.SyntaxKind.FalseKeyword || (ts.isIdentifier(side) && side.text === 'undefined'));
    return operator === ts.SyntaxKind.ExclamationEqualsEqualsToken || operator === ts.SyntaxKind.ExclamationEqualsToken || nullish || undefined;
  });
  return failure === true;
}

/**
 * Depth-first, in source order, without recursion (conditions of generated code chain thousands of `&&`): `visit`
 * returns a value to stop with, `false` to skip the node's children, or undefined to go on.
 */
export function searchTree<T>(root: ts.Node, visit: (node: ts.Node) => T | false | undefined): T | undefined {
  const stack: ts.Node[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    const result = visit(node);
    if (result === false) continue;
    if (result !== undefined) return result;
    const first = stack.length;
    ts.forEachChild(node, (child) => {
      stack.push(child);
    });
    reverseFrom(stack, first);
  }
  return undefined;
}

export function nextParameterName(fn: ts.FunctionLikeDeclaration): string | undefined {
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : ''));
  if (names.length >= 3) return names[2] || undefined;
  if (names.length === 2 && (NEXT_NAMES.has(names[1]!) || CONTEXT_NAMES.has(names[0]!))) return names[1] || undefined;
  return undefined;
}

function statementOf(node: ts.Node): ts.Node {
  for (let current: ts.Node = node; current.parent; current = current.parent) {
    if (ts.isStatement(current)) return current;
    if (ts.isArrowFunction(current.parent) && current.parent.body === current) return current;
  }
  return node;
}

export function owningFunction(node: ts.Node): ts.FunctionLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) if (ts.isFunctionLike(current)) return current as ts.FunctionLikeDeclaration;
  return undefined;
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  const names: string[] = [];
  for (const element of name.elements) if (!ts.isOmittedExpression(element)) names.push(...boundNames(element.name));
  return names;
}

function reverseFrom(stack: ts.Node[], first: number): void {
  for (let i = first, j = stack.length - 1; i < j; i++, j--) {
    const swap = stack[i]!;
    stack[i] = stack[j]!;
    stack[j] = swap;
  }
}
