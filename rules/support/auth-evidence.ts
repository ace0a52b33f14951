// What single nodes say about authentication, for auth-behaviour.ts: reads of identity (token headers, session,
// req.user, auth cookies, verification calls, library checks), authorization checks (roles, permissions, ownership),
// and the signals of a rejection (401/403, Unauthorized errors, a redirect to a login page). Syntactic; imports are
// resolved from the file's top-level statements, once per source file.
import * as ts from 'typescript';
import { findAuthLibrary, findNonRejectingAuthExport, type AuthLibraryEntry, type NonRejectingAuthExport } from '../data/auth-libraries';
import { calleeName, calleeObjectName, envVariableRead, identifierWords, propertyNameText, staticStringValue } from './ast';
import { requiredModule, skipOuterExpressions } from './dataflow';
import { REQUEST_OBJECT_NAMES } from './request-sources';

/** A name bound to something a module exports: its member path (calls elided, see rules/data/auth-libraries.ts). */
export interface ModuleBinding {
  module: string;
  path: readonly string[];
  /** The module object itself (default or namespace import, `require('m')`). */
  moduleObject: boolean;
  /** The value is the result of a call (`const checkJwt = auth({…})`): a middleware, not its factory. */
  called: boolean;
}

export type BindingLookup = (name: string) => ModuleBinding | undefined;

export interface Evidence {
  kind: 'identity' | 'authorization';
  node: ts.Node;
  description: string;
  /** A verification that throws when identity cannot be verified (`jwt.verify(t, k)`, `request.jwtVerify()`). */
  throwsOnFailure?: boolean;
  /** A call that verifies (a library check, `verifyToken()`, `jwtService.verifyAsync()`): its failure lands in a catch. */
  verifies?: boolean;
}

/** Words that make a called function or a header/cookie name about identity. */
const IDENTITY_WORDS = new Set(['token', 'jwt', 'bearer', 'session', 'auth', 'authenticate', 'authorization', 'credential', 'credentials', 'principal', 'claims', 'identity', 'authenticated', 'logged', 'signature', 'apikey']);
/** Verbs that create, change or end identity rather than check it (login handlers sign tokens and set sessions). */
const NOT_A_CHECK_WORDS = new Set(['sign', 'create', 'generate', 'issue', 'encode', 'set', 'save', 'destroy', 'revoke', 'delete', 'clear', 'regenerate', 'login', 'logout', 'store', 'refresh', 'remove', 'invalidate', 'hash', 'send', 'add', 'update', 'reset', 'grant', 'assign', 'log', 'mask', 'redact', 'sanitize', 'strip', 'cookie']);
const VERIFY_WORDS = new Set(['verify', 'validate', 'check', 'authenticate', 'introspect', 'decode', 'async', 'sync']);
const IDENTITY_CALL_NAMES = new Set(['currentUser', 'getCurrentUser', 'validateRequest', 'requireUser', 'getUserFromRequest', 'whoami']);
/** Properties of a request (or ctx.state, res.locals) that hold the authenticated user. */
const USER_PROPERTIES = new Set(['user', 'currentUser', 'userId', 'auth', 'principal', 'identity', 'jwtPayload', 'tokenPayload', 'claims', 'session']);
const SESSION_MUTATORS = new Set(['destroy', 'regenerate', 'save', 'reload', 'touch', 'cookie']);
const AUTHZ_PROPERTIES = new Set(['role', 'roles', 'userRole', 'isAdmin', 'is_admin', 'admin', 'permissions', 'permission', 'scope', 'scopes', 'groups', 'privileges', 'rights', 'accessLevel', 'access_level', 'isSuperuser', 'is_superuser', 'superuser', 'isStaff']);
const AUTHZ_CALL_NAMES = new Set(['can', 'cannot', 'enforce', 'permit', 'isAllowed', 'hasAccess', 'canAccess', 'isOwner']);
const AUTHZ_WORDS = new Set(['role', 'roles', 'permission', 'permissions', 'admin', 'authorize', 'authorized', 'ability', 'scope', 'scopes', 'privilege', 'owner']);
const OWNER_PROPERTIES = new Set(['ownerId', 'owner_id', 'owner', 'userId', 'user_id', 'authorId', 'author_id', 'createdBy', 'created_by']);
const RESPONSE_NAMES = new Set(['res', 'response', 'reply', 'rep']);
const INPUT_PROPERTIES = new Set(['body', 'query', 'params']);
/** A CSRF token proves the request came from the site's own page, not who sent it. */
const ANTI_FORGERY_WORDS = new Set(['csrf', 'xsrf', 'nonce']);
const LOGGER_WORDS = new Set(['log', 'logger', 'console', 'debug', 'metrics', 'sentry']);

const bindingsCache = new WeakMap<ts.SourceFile, Map<string, ModuleBinding>>();

/** Names the file's top-level imports, `require`s and consts derived from them bind (`const supabase = createClient()`). */
export function moduleBindingsOf(sourceFile: ts.SourceFile): ReadonlyMap<string, ModuleBinding> {
  let bindings = bindingsCache.get(sourceFile);
  if (bindings) return bindings;
  const found = new Map<string, ModuleBinding>();
  bindings = found;
  for (const statement of sourceFile.statements) {
    if (ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier)) {
      const module = statement.moduleSpecifier.text;
      const clause = statement.importClause;
      if (clause?.name) found.set(clause.name.text, { module, path: [], moduleObject: true, called: false });
      const named = clause?.namedBindings;
      if (named && ts.isNamespaceImport(named)) found.set(named.name.text, { module, path: [], moduleObject: true, called: false });
      else if (named) for (const element of named.elements) found.set(element.name.text, { module, path: [(element.propertyName ?? element.name).text], moduleObject: false, called: false });
    } else if (ts.isImportEqualsDeclaration(statement) && ts.isExternalModuleReference(statement.moduleReference) && ts.isStringLiteral(statement.moduleReference.expression)) {
      found.set(statement.name.text, { module: statement.moduleReference.expression.text, path: [], moduleObject: true, called: false });
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) bindDeclaration(declaration, (name) => found.get(name), (name, binding) => found.set(name, binding));
    }
  }
  bindingsCache.set(sourceFile, found);
  return found;
}

/** Records what a `const x = <import-derived>` or `const { a } = require('m')` binds. */
export function bindDeclaration(declaration: ts.VariableDeclaration, lookup: BindingLookup, bind: (name: string, binding: ModuleBinding) => void): void {
  if (!declaration.initializer || !declaration.name) return;
  const resolved = resolveModulePath(declaration.initializer, lookup);
  if (!resolved) return;
  if (ts.isIdentifier(declaration.name)) {
    bind(declaration.name.text, resolved);
  } else if (ts.isObjectBindingPattern(declaration.name)) {
    for (const element of declaration.name.elements) {
      const property = propertyNameText(element.propertyName ?? element.name);
      if (element.dotDotDotToken || !ts.isIdentifier(element.name) || property === undefined) continue;
      bind(element.name.text, { module: resolved.module, path: [...resolved.path, property], moduleObject: false, called: resolved.called });
    }
  }
}

/** The module and member path an expression reaches: `passport.authenticate` → passport ['authenticate']. */
export function resolveModulePath(expression: ts.Expression, lookup: BindingLookup): ModuleBinding | undefined {
  const operations: (string | null)[] = [];
  let current = skipOuterExpressions(expression);
  let base: ModuleBinding | undefined;
  for (;;) {
    if (ts.isPropertyAccessExpression(current)) {
      operations.push(current.name.text);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isElementAccessExpression(current)) {
      const key = staticStringValue(current.argumentExpression);
      if (key === undefined) return undefined;
      operations.push(key);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isCallExpression(current) || ts.isNewExpression(current)) {
      const required = ts.isCallExpression(current) ? requiredModule(current) : undefined;
      if (required) {
        base = { module: required, path: [], moduleObject: true, called: false };
        break;
      }
      operations.push(null);
      current = skipOuterExpressions(current.expression);
    } else if (ts.isIdentifier(current)) {
      base = lookup(current.text);
      break;
    } else {
      return undefined;
    }
  }
  if (!base) return undefined;
  const path = [...base.path];
  let called = base.called;
  for (let i = operations.length - 1; i >= 0; i--) {
    const operation = operations[i]!;
    if (operation !== null) path.push(operation);
    else {
      called = true;
      // Calling the module object itself (`koa-jwt`'s `jwt({…})`, `NextAuth(config)`) is its default export.
      if (path.length === 0 && base.moduleObject) path.push('default');
    }
  }
  return { module: base.module, path, moduleObject: base.moduleObject && path.length === 0, called };
}

/** What an auth library export an expression is or makes (`passport.authenticate('jwt')`, `clerkMiddleware()`). */
export function authLibraryOf(expression: ts.Expression, lookup: BindingLookup): { binding: ModuleBinding; entry?: AuthLibraryEntry; nonRejecting?: NonRejectingAuthExport } | undefined {
  const binding = resolveModulePath(expression, lookup);
  if (!binding) return undefined;
  const entry = findAuthLibrary(binding.module, binding.path);
  const nonRejecting = entry ? undefined : findNonRejectingAuthExport(binding.module, binding.path);
  return entry || nonRejecting ? { binding, ...(entry ? { entry } : {}), ...(nonRejecting ? { nonRejecting } : {}) } : undefined;
}

/** Identity or authorization evidence in a call, by library or by what its name says. */
export function callEvidence(call: ts.CallExpression, lookup: BindingLookup, sourceFile: ts.SourceFile): Evidence | undefined {
  const library = authLibraryOf(call, lookup)?.entry;
  const hasCallback = call.arguments.some((arg) => ts.isFunctionLike(skipOuterExpressions(arg)));
  const calleeText = shortText(call.expression, sourceFile);
  if (library?.usage === 'in-handler') {
    return { kind: library.kind === 'authorization' ? 'authorization' : 'identity', node: call, description: `calls ${calleeText}()`, throwsOnFailure: library.failure === 'throws' && !hasCallback, verifies: true };
  }
  const name = calleeName(call);
  if (!name) return undefined;
  const receiver = calleeObjectName(call);
  const stringArgument = call.arguments.length > 0 ? staticStringValue(skipOuterExpressions(call.arguments[call.arguments.length - 1]!)) : undefined;
  // req.get('Authorization'), c.req.header('x-api-key'), headers().get('authorization'), cookies().get('session')
  if ((name === 'get' || name === 'header' || name === 'getHeader') && call.arguments.length === 1 && stringArgument !== undefined && !isRootedAt(call.expression, RESPONSE_NAMES)) {
    if (receiver === 'cookies' || /cookies\(\)\s*\.\s*get$/.test(calleeText)) return isIdentityName(stringArgument) ? cookieRead(call, stringArgument) : undefined;
    if (receiver === 'searchParams') return isIdentityName(stringArgument) ? { kind: 'identity', node: call, description: `reads the ${stringArgument} query parameter` } : undefined;
    if (name === 'get' && USER_PROPERTIES.has(stringArgument) && receiver !== undefined && REQUEST_OBJECT_NAMES.has(receiver)) return { kind: 'identity', node: call, description: `checks ${shortText(call, sourceFile)}` };
    return isIdentityName(stringArgument) ? headerRead(call, stringArgument) : undefined;
  }
  if ((name === 'getCookie' || name === 'getSignedCookie') && stringArgument !== undefined) return isIdentityName(stringArgument) ? cookieRead(call, stringArgument) : undefined;
  // Stripe's webhook signature check: throws unless the payload was signed with the endpoint's secret.
  if ((name === 'constructEvent' || name === 'constructEventAsync') && receiver === 'webhooks') return { kind: 'identity', node: call, description: `calls ${calleeText}()`, throwsOnFailure: true, verifies: true };
  const words = identifierWords(name);
  if (words.some((word) => NOT_A_CHECK_WORDS.has(word))) return undefined;
  const receiverWords = identifierWords(receiver ?? '');
  if (AUTHZ_CALL_NAMES.has(name) || (words[0] !== 'set' && words.some((word) => AUTHZ_WORDS.has(word)))) return { kind: 'authorization', node: call, description: `checks ${calleeText}()` };
  const verifiesWithIdentityReceiver = words.every((word) => VERIFY_WORDS.has(word)) && receiverWords.some((word) => IDENTITY_WORDS.has(word));
  const namesIdentity = words.some((word) => IDENTITY_WORDS.has(word)) || hasApiKeyWords(words) || IDENTITY_CALL_NAMES.has(name);
  if (!namesIdentity && !verifiesWithIdentityReceiver) return undefined;
  // jsonwebtoken's verify and Fastify's request.jwtVerify() throw when the token is bad (unless given a callback).
  const throws = !hasCallback && ((verifiesWithIdentityReceiver && words[0] === 'verify') || name === 'jwtVerify');
  const verifies = throws || words.some((word) => VERIFY_WORDS.has(word) && word !== 'async' && word !== 'sync');
  return { kind: 'identity', node: call, description: `calls ${calleeText}()`, throwsOnFailure: throws, verifies };
}

/** Identity or authorization evidence in a property read (not a write, not a method name). */
export function accessEvidence(access: ts.PropertyAccessExpression | ts.ElementAccessExpression, sourceFile: ts.SourceFile): Evidence | undefined {
  const name = ts.isPropertyAccessExpression(access) ? access.name.text : staticStringValue(access.argumentExpression);
  if (name === undefined || isWritten(access)) return undefined;
  const parent = access.parent;
  if (parent && ts.isCallExpression(parent) && parent.expression === access) return undefined;
  const objectName = lastName(access.expression);
  const chain = chainNames(access);
  if (objectName === 'headers' && isIdentityName(name) && !RESPONSE_NAMES.has(chain[0] ?? '')) return headerRead(access, name);
  if ((objectName === 'cookies' || objectName === 'signedCookies') && isIdentityName(name)) return cookieRead(access, name);
  if (objectName === 'query' && isIdentityName(name)) return { kind: 'identity', node: access, description: `reads the ${name} query parameter` };
  if (chain.slice(1, -1).some((part) => INPUT_PROPERTIES.has(part)) || chain[0] === 'this') return undefined;
  if (AUTHZ_PROPERTIES.has(name) && chain.length > 1) return { kind: 'authorization', node: access, description: `checks ${shortText(access, sourceFile)}` };
  if (name === 'session') {
    // `req.session.destroy()` ends a session (logout); `req.session.user` reads who is logged in.
    const member = parent && ts.isPropertyAccessExpression(parent) && parent.expression === access ? parent : undefined;
    if (member && (SESSION_MUTATORS.has(member.name.text) || identifierWords(member.name.text).some((word) => ANTI_FORGERY_WORDS.has(word)))) return undefined;
    const shown = member && !(member.parent && ts.isCallExpression(member.parent) && member.parent.expression === member) ? member : access;
    return { kind: 'identity', node: access, description: `checks ${shortText(shown, sourceFile)}` };
  }
  if (USER_PROPERTIES.has(name) && isRequestLike(chain)) return { kind: 'identity', node: access, description: `checks ${shortText(access, sourceFile)}` };
  return undefined;
}

/** `apiKey !== process.env.API_KEY`, `token === config.apiKey`: a credential compared with a configured value. */
export function comparisonEvidence(binary: ts.BinaryExpression, sourceFile: ts.SourceFile): Evidence | undefined {
  const operator = binary.operatorToken.kind;
  if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
  for (const side of [binary.left, binary.right]) {
    const env = envVariableRead(side);
    const configured = env ?? (ts.isPropertyAccessExpression(skipOuterExpressions(side)) ? lastName(side) : undefined);
    if (configured && (hasApiKeyWords(identifierWords(configured)) || (env !== undefined && identifierWords(env).some((word) => word === 'token' || word === 'key')))) {
      return { kind: 'identity', node: binary, description: `compares a key with ${shortText(side, sourceFile)}` };
    }
  }
  for (const [owner, other] of [[binary.left, binary.right], [binary.right, binary.left]] as const) {
    const ownerName = lastName(owner);
    if (ownerName && OWNER_PROPERTIES.has(ownerName) && isRequestLike(chainNames(skipOuterExpressions(other)))) {
      return { kind: 'authorization', node: binary, description: `compares ${shortText(owner, sourceFile)} with ${shortText(other, sourceFile)}` };
    }
  }
  return undefined;
}

/** 401 or 403 when the expression is that status (`401`, `HttpStatus.UNAUTHORIZED`, `StatusCodes.FORBIDDEN`). */
export function authStatusOf(expression: ts.Expression): 401 | 403 | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isNumericLiteral(node)) return node.text === '401' ? 401 : node.text === '403' ? 403 : undefined;
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : undefined;
  return name === undefined ? undefined : statusOfWords(identifierWords(name));
}

/** The 401/403 a call or `new` carries: a status argument (`res.status(401)`, `{ status: 403 }`) or its own name (`new UnauthorizedException()`). */
export function rejectionStatusOf(call: ts.CallExpression | ts.NewExpression): 401 | 403 | undefined {
  const name = calleeName(call);
  const receiverWords = identifierWords(calleeObjectName(call) ?? '');
  if (receiverWords.some((word) => LOGGER_WORDS.has(word)) || (name && LOGGER_WORDS.has(name))) return undefined;
  const nameWords = identifierWords(name ?? '');
  if (nameWords[0] !== 'is' && nameWords[0] !== 'handle') {
    const named = statusOfWords(nameWords);
    if (named) return named;
  }
  for (const argument of call.arguments ?? []) {
    const status = authStatusOf(argument);
    if (status) return status;
    const inner = skipOuterExpressions(argument);
    if (ts.isObjectLiteralExpression(inner)) {
      for (const property of inner.properties) {
        const key = ts.isPropertyAssignment(property) ? propertyNameText(property.name) : undefined;
        if ((key === 'status' || key === 'statusCode') && ts.isPropertyAssignment(property)) {
          const nested = authStatusOf(property.initializer);
          if (nested) return nested;
        }
      }
    }
  }
  return undefined;
}

/** The login-looking path a redirect goes to (`res.redirect('/login')`, `NextResponse.redirect(new URL('/sign-in', url))`). */
export function loginRedirectTarget(call: ts.CallExpression): string | undefined {
  for (const argument of call.arguments) {
    let inner = skipOuterExpressions(argument);
    if (ts.isNewExpression(inner) && inner.arguments?.[0]) inner = skipOuterExpressions(inner.arguments[0]);
    const text = staticStringValue(inner) ?? (ts.isTemplateExpression(inner) ? inner.head.text : undefined);
    if (text !== undefined && /(^|[/?#=&.])(log-?in|sign-?in|auth|sso|oauth)([/?#&.]|$)/i.test(text)) return text.length > 40 ? `${text.slice(0, 39)}…` : text;
  }
  return undefined;
}

export function shortText(node: ts.Node, sourceFile: ts.SourceFile): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ').replace(/([([]) /g, '$1').replace(/ ([)\]])/g, '$1');
  return text.length > 48 ? `${text.slice(0, 47)}…` : text;
}

function statusOfWords(words: readonly string[]): 401 | 403 | undefined {
  if (words.some((word) => word === 'unauthorized' || word === 'unauthorised' || word === 'unauthenticated')) return 401;
  // `AuthenticationError`, `NotAuthenticatedError` (an error class, not `authenticationFailed()` or a variable).
  if (words.includes('authentication') && words[words.length - 1] === 'error') return 401;
  if (words.includes('forbidden')) return 403;
  return undefined;
}

function isIdentityName(name: string): boolean {
  const words = identifierWords(name);
  if (words.some((word) => ANTI_FORGERY_WORDS.has(word))) return false;
  // `access` alone would take in `Access-Control-Request-Headers`; `access_token` has `token`.
  return words.some((word) => IDENTITY_WORDS.has(word) || word === 'sid') || hasApiKeyWords(words);
}

function hasApiKeyWords(words: readonly string[]): boolean {
  const api = words.indexOf('api');
  return words.includes('apikey') || (api >= 0 && words[api + 1] === 'key');
}

function headerRead(node: ts.Node, header: string): Evidence {
  const shown = header.split('-').map((part) => part.charAt(0).toUpperCase() + part.slice(1).toLowerCase()).join('-');
  return { kind: 'identity', node, description: `reads the ${shown} header` };
}

function cookieRead(node: ts.Node, cookie: string): Evidence {
  return { kind: 'identity', node, description: `reads the ${cookie} cookie` };
}

/** `req.user`, `ctx.state.user`, `res.locals.user`, `context.switchToHttp().getRequest().user`, `event.locals.user`. */
function isRequestLike(chain: readonly string[]): boolean {
  const root = chain[0];
  if (root === undefined || chain.length < 2) return false;
  return REQUEST_OBJECT_NAMES.has(root) || RESPONSE_NAMES.has(root) || chain.includes('state') || chain.includes('locals') || chain.includes('getRequest()');
}

/** Names along an access chain from its root: `ctx.state.user` → ['ctx', 'state', 'user']; calls show as `name()`. */
function chainNames(node: ts.Expression): string[] {
  const names: string[] = [];
  let current: ts.Expression = node;
  for (;;) {
    current = skipOuterExpressions(current);
    if (ts.isPropertyAccessExpression(current)) {
      names.unshift(current.name.text);
      current = current.expression;
    } else if (ts.isElementAccessExpression(current)) {
      names.unshift(staticStringValue(current.argumentExpression) ?? '[]');
      current = current.expression;
    } else if (ts.isCallExpression(current)) {
      const callee = skipOuterExpressions(current.expression);
      if (ts.isPropertyAccessExpression(callee)) {
        names.unshift(`${callee.name.text}()`);
        current = callee.expression;
      } else {
        names.unshift(ts.isIdentifier(callee) ? `${callee.text}()` : '()');
        return names;
      }
    } else {
      names.unshift(ts.isIdentifier(current) ? current.text : current.kind === ts.SyntaxKind.ThisKeyword ? 'this' : '?');
      return names;
    }
  }
}

function lastName(node: ts.Expression): string | undefined {
  const inner = skipOuterExpressions(node);
  if (ts.isIdentifier(inner)) return inner.text;
  if (ts.isPropertyAccessExpression(inner)) return inner.name.text;
  if (ts.isElementAccessExpression(inner)) return staticStringValue(inner.argumentExpression);
  return undefined;
}

function isRootedAt(node: ts.Expression, names: ReadonlySet<string>): boolean {
  return names.has(chainNames(node)[0] ?? '');
}

/** True when the access is (part of) an assignment target: `req.user = …`, `req.session.userId = …`. */
function isWritten(access: ts.Expression): boolean {
  let current: ts.Node = access;
  while (current.parent && (ts.isPropertyAccessExpression(current.parent) || ts.isElementAccessExpression(current.parent)) && current.parent.expression === current) current = current.parent;
  const parent = current.parent;
  return !!parent && ts.isBinaryExpression(parent) && parent.left === current && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
}

/** `const { authorization } = req.headers`, `const { user } = req`, `const { user } = context.switchToHttp().getRequest()`. */
export function destructuringEvidence(declaration: ts.VariableDeclaration, sourceFile: ts.SourceFile): Evidence[] {
  if (!declaration.initializer || !declaration.name || !ts.isObjectBindingPattern(declaration.name)) return [];
  const source = skipOuterExpressions(declaration.initializer);
  const chain = chainNames(source);
  const fromHeaders = chain[chain.length - 1] === 'headers';
  const fromRequest = (chain.length === 1 && REQUEST_OBJECT_NAMES.has(chain[0]!)) || isRequestLike(chain) || chain[chain.length - 1] === 'getRequest()';
  const found: Evidence[] = [];
  for (const element of declaration.name.elements) {
    const property = propertyNameText(element.propertyName ?? element.name);
    if (property === undefined || element.dotDotDotToken) continue;
    if (fromHeaders && isIdentityName(property)) found.push(headerRead(element, property));
    else if (fromRequest && USER_PROPERTIES.has(property)) found.push({ kind: 'identity', node: element, description: `checks ${shortText(source, sourceFile)}.${property}` });
  }
  return found;
}

/** `req.user = …`, `res.locals.user = …`, `ctx.state.user = …`: identity attached for later middleware. */
export function isIdentityAttachment(target: ts.Expression): boolean {
  const chain = chainNames(target);
  return chain.length > 1 && (USER_PROPERTIES.has(chain[chain.length - 1]!) || chain.includes('locals') || chain.includes('state'));
}
