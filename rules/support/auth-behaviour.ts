// Decides from a function's body whether it authenticates or authorizes, by what it does: it reads identity (a token
// header, the session, req.user, an auth cookie, a verification call) and rejects when that fails (401/403, an
// Unauthorized error, a redirect to a login page, next(err), a guard returning false). Also finds the classic bug of
// a rejection that does not return, so next() or the rest of the handler still runs. Syntactic: one walk over the
// function (auth-facts.ts), never the checker; what single nodes mean lives in auth-evidence.ts.
import * as ts from 'typescript';
import { authLibraryOf, moduleBindingsOf, shortText, type ModuleBinding } from './auth-evidence';
import { collectFacts, conditionFacts, looksLikeFailure, nextParameterName, owningFunction, variablesCarrying, searchTree, type Facts, type Mode, type Rejection } from './auth-facts';
import { isPropertyName, skipOuterExpressions } from './dataflow';

export interface AuthBehaviour {
  /** Verifies identity (token/session/cookie/credential/API key) and rejects when that fails. */
  authenticates: boolean;
  /** Checks a role, permission or ownership and rejects when it fails. */
  authorizes: boolean;
  /** Short, user-facing: "reads the Authorization header and answers 401", "checks req.session.user and redirects to /login". */
  how: string;
  /**
   * It rejects (responds/redirects) but does not return or stop, so next()/the rest of the handler still runs.
   * Offsets of the rejecting statement. Callers treat such a function as not protecting anything.
   */
  fallsThrough?: { start: number; end: number; why: string };
}

/** A rejection (or a throwing verification, or a delegation) that counts, and how to say it. */
interface Counted {
  pos: number;
  rejection?: Rejection;
  clause: string;
}

/** `(req, res, next)`, `(ctx, next)`, Fastify `(request, reply)`, Hono `(c, next)`. Error middleware never authenticates. */
export function analyzeMiddlewareAuth(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): AuthBehaviour | undefined {
  if (fn.parameters.length >= 4) return undefined;
  return analyzeFunction(fn, sourceFile, 'middleware');
}

/** A route handler that verifies identity itself and answers 401/403 early. */
export function analyzeHandlerAuth(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile): AuthBehaviour | undefined {
  return analyzeFunction(fn, sourceFile, 'handler');
}

/** A NestJS `CanActivate` class; `publicMetadataKeys` are the metadata keys whose presence lets a request through. */
export function analyzeGuardClass(cls: ts.ClassDeclaration | ts.ClassExpression, sourceFile: ts.SourceFile): (AuthBehaviour & { publicMetadataKeys: string[] }) | undefined {
  const lookup = fileLookup(sourceFile);
  let base: string | undefined;
  for (const clause of cls.heritageClauses ?? []) {
    if (clause.token !== ts.SyntaxKind.ExtendsKeyword) continue;
    for (const type of clause.types) {
      const library = authLibraryOf(type.expression, lookup)?.entry;
      if (library?.usage === 'guard') base = `extends ${shortText(type.expression, sourceFile)}`;
    }
  }
  const canActivate = cls.members.find((member): member is ts.MethodDeclaration => ts.isMethodDeclaration(member) && member.name?.getText(sourceFile) === 'canActivate' && !!member.body);
  if (!canActivate) return base ? { authenticates: true, authorizes: false, how: base, publicMetadataKeys: [] } : undefined;
  const facts = collectFacts(canActivate, sourceFile, 'guard', lookup);
  const { publicKeys, requiredKeys } = metadataExits(facts, canActivate);
  const callsBase = base !== undefined && /\bsuper\s*\.\s*canActivate\b/.test(canActivate.body!.getText(sourceFile));
  const own = decide(facts, canActivate, sourceFile, 'guard');
  if (!own && !callsBase) return publicKeys.length > 0 ? { authenticates: false, authorizes: false, how: 'lets public routes through but checks nothing else', publicMetadataKeys: publicKeys } : undefined;
  const behaviour: AuthBehaviour = own ?? { authenticates: false, authorizes: false, how: '' };
  if (callsBase) behaviour.authenticates = true;
  behaviour.how = [callsBase ? base : undefined, own?.how].filter(Boolean).join('; ');
  if (requiredKeys.length > 0) {
    // A RolesGuard returns true when the route declares no roles: it checks only routes that ask for it.
    behaviour.authenticates = callsBase;
    behaviour.how += `; lets requests through when the ${requiredKeys.join(', ')} metadata is absent`;
  }
  return { ...behaviour, publicMetadataKeys: publicKeys };
}

/**
 * The auth library export an expression is or makes, resolved through the file's imports (`passport.authenticate('jwt')`),
 * with `optionalBecause` set when the call's options turn rejection off (`expressjwt({ credentialsRequired: false })`).
 */
export function authLibraryAt(expression: ts.Expression, sourceFile: ts.SourceFile): (NonNullable<ReturnType<typeof authLibraryOf>> & { optionalBecause?: string }) | undefined {
  const found = authLibraryOf(expression, fileLookup(sourceFile));
  const switchOff = found?.entry?.optionalWhen;
  const call = skipOuterExpressions(expression);
  if (!found || !switchOff || !ts.isCallExpression(call)) return found;
  for (const argument of call.arguments) {
    const options = skipOuterExpressions(argument);
    if (!ts.isObjectLiteralExpression(options)) continue;
    for (const property of options.properties) {
      if (!ts.isPropertyAssignment(property) || property.name.getText(sourceFile) !== switchOff.option) continue;
      const value = property.initializer.kind === ts.SyntaxKind.TrueKeyword ? true : property.initializer.kind === ts.SyntaxKind.FalseKeyword ? false : undefined;
      if (value === switchOff.value) return { ...found, optionalBecause: `${switchOff.option}: ${value}` };
    }
  }
  return found;
}

/**
 * Verdicts per source file (a new object after every edit, so offsets never go stale), then per function and mode:
 * a middleware used by many routes is analysed once. Callers must not mutate what they get.
 */
const verdicts = new WeakMap<ts.SourceFile, Map<ts.Node, Partial<Record<Mode, AuthBehaviour | null>>>>();

/**
 * Every piece of evidence the analysis counts names identity, a permission or a rejection somewhere in the
 * function's text (IDENTITY_WORDS, USER_PROPERTIES, library names, 401/403, role checks): a function whose text
 * holds none of these words (nor an auth library's name) cannot authenticate or authorize, and most functions of a workspace are such.
 * Indexing calls this for every summarised function, so the regex test saves the walk for them.
 */
const AUTH_HINT = /token|jwt|bearer|session|auth|credential|principal|claim|identit|logged|signature|api.?key|user|sid\b|constructEvent|whoami|role|permission|scope|admin|abilit|can\(|owner|forbidden|40[13]|guard|protect|secret|passport|cookie|verify|login|signin|apikey|clerk|supabase|firebase|lucia|iron|ensure|requires/i;

function analyzeFunction(fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile, mode: Mode): AuthBehaviour | undefined {
  if (!fn.body) return undefined;
  if (!AUTH_HINT.test(sourceFile.text.slice(fn.pos, fn.end))) return undefined;
  let perFile = verdicts.get(sourceFile);
  if (!perFile) verdicts.set(sourceFile, (perFile = new Map()));
  let perFunction = perFile.get(fn);
  if (!perFunction) perFile.set(fn, (perFunction = {}));
  const known = perFunction[mode];
  if (known !== undefined) return known ?? undefined;
  const verdict = decide(collectFacts(fn, sourceFile, mode, fileLookup(sourceFile)), fn, sourceFile, mode);
  perFunction[mode] = verdict ?? null;
  return verdict;
}

function fileLookup(sourceFile: ts.SourceFile): (name: string) => ModuleBinding | undefined {
  const bindings = moduleBindingsOf(sourceFile);
  return (name) => bindings.get(name);
}

/** Which rejections count, and for what; then how to say it and whether one falls through. */
function decide(facts: Facts, fn: ts.FunctionLikeDeclaration, sourceFile: ts.SourceFile, mode: Mode): AuthBehaviour | undefined {
  const identityVariables = variablesCarrying(facts, 'identity');
  const authzVariables = variablesCarrying(facts, 'authorization');
  const firstIdentity = facts.evidence.find((e) => e.kind === 'identity');
  const firstAuthz = facts.evidence.find((e) => e.kind === 'authorization');
  const authn: Counted[] = [];
  const authz: Counted[] = [];
  const ordered = [...facts.rejections.values()].sort((a, b) => a.node.pos - b.node.pos);
  for (const rejection of ordered) {
    const condition = conditionFacts(rejection, fn, facts, identityVariables, authzVariables);
    // An unconditioned 401 (`if (req.isAuthenticated()) return next(); res.redirect('/login')`) answers for the
    // function's identity check; one under a condition about something else (validation) does not.
    const identity = condition.identity ?? (rejection.specific && !condition.conditioned ? firstIdentity : undefined);
    if (identity) authn.push({ pos: rejection.node.pos, rejection, clause: `${identity.description} and ${rejection.description}` });
    const permission = condition.authorization ?? (rejection.status === 403 ? firstAuthz : undefined);
    if (permission) authz.push({ pos: rejection.node.pos, rejection, clause: `${permission.description} and ${rejection.description}` });
  }
  for (const evidence of facts.evidence) {
    if (evidence.throwsOnFailure && !insideTry(evidence.node, fn)) authn.push({ pos: evidence.node.pos, clause: `${evidence.description}, which throws when verification fails` });
  }
  for (const delegation of facts.delegations) (delegation.kind === 'authentication' ? authn : authz).push({ pos: delegation.node.pos, clause: delegation.how });
  if (authn.length === 0 && authz.length === 0) {
    if (facts.optional) return { authenticates: false, authorizes: false, how: facts.optional };
    return firstIdentity && facts.attaches ? { authenticates: false, authorizes: false, how: 'optional: attaches the user but never rejects' } : undefined;
  }
  const byPosition = (a: Counted, b: Counted) => a.pos - b.pos;
  authn.sort(byPosition);
  authz.sort(byPosition);
  // The first check of each kind says enough; more clauses would make a message nobody reads.
  const how = [...new Set([authn[0]?.clause, authz[0]?.clause].filter((clause): clause is string => clause !== undefined))].join('; ');
  const behaviour: AuthBehaviour = { authenticates: authn.length > 0, authorizes: authz.length > 0, how };
  const nextName = mode === 'middleware' ? nextParameterName(fn) : undefined;
  for (const { rejection } of [...authn, ...authz].sort(byPosition)) {
    if (!rejection || rejection.stops || !ts.isExpressionStatement(rejection.statement)) continue;
    if (mode === 'middleware' && nextName === undefined) continue;
    if (!continuationAfter(rejection.statement, nextName)) continue;
    const rest = nextName ? `${nextName}() still runs` : 'the rest of the handler still runs';
    const built = rejection.status ? `a ${rejection.status}` : rejection.caughtOnly ? 'an error' : 'a redirect';
    const why = rejection.builtResponse ? `builds ${built} response but does not return it, so ${rest}` : `${rejection.description} without returning, so ${rest}`;
    behaviour.fallsThrough = { start: rejection.statement.getStart(sourceFile), end: rejection.statement.end, why };
    break;
  }
  return behaviour;
}

/** The first statement after a non-returning rejection that still runs: a plain next() call, or any work in a handler. */
function continuationAfter(statement: ts.Node, nextName: string | undefined): ts.Node | undefined {
  const owner = owningFunction(statement);
  let current = statement;
  while (current.parent && current !== owner?.body) {
    const parent: ts.Node = current.parent;
    if (ts.isBlock(parent)) {
      for (const following of parent.statements.slice(parent.statements.indexOf(current as ts.Statement) + 1)) {
        if (ts.isReturnStatement(following) || ts.isThrowStatement(following)) return undefined;
        if (nextName !== undefined ? callsNext(following, nextName) : !ts.isEmptyStatement(following) && !ts.isFunctionDeclaration(following)) return following;
      }
      if (parent === owner?.body) return undefined;
    } else if (!ts.isIfStatement(parent) && !ts.isTryStatement(parent) && !ts.isCatchClause(parent) && !ts.isLabeledStatement(parent)) {
      return undefined;
    }
    current = parent;
  }
  return undefined;
}

function callsNext(node: ts.Node, nextName: string): boolean {
  return searchTree(node, (child) => (ts.isCallExpression(child) && ts.isIdentifier(child.expression) && child.expression.text === nextName && child.arguments.length === 0) || undefined) === true;
}

/** Metadata keys the guard honours: `if (isPublic) return true` (public) and `if (!roles) return true` (required only when present). */
function metadataExits(facts: Facts, canActivate: ts.MethodDeclaration): { publicKeys: string[]; requiredKeys: string[] } {
  const publicKeys: string[] = [];
  const requiredKeys: string[] = [];
  for (const { key, call } of facts.reflectorCalls) {
    let holder: ts.Node = call;
    while (holder.parent && (ts.isAwaitExpression(holder.parent) || ts.isParenthesizedExpression(holder.parent) || ts.isAsExpression(holder.parent) || ts.isNonNullExpression(holder.parent))) holder = holder.parent;
    const variable = holder.parent && ts.isVariableDeclaration(holder.parent) && ts.isIdentifier(holder.parent.name) ? holder.parent.name.text : undefined;
    for (const statement of facts.ifStatements) {
      if (owningFunction(statement) !== canActivate || !returnsTrue(statement.thenStatement)) continue;
      const condition = statement.expression;
      const mentions = (call.pos >= condition.pos && call.end <= condition.end) || (variable !== undefined && mentionsName(condition, variable));
      if (!mentions) continue;
      (looksLikeFailure(condition) ? requiredKeys : publicKeys).push(key);
    }
  }
  return { publicKeys: [...new Set(publicKeys)], requiredKeys: [...new Set(requiredKeys)] };
}

function returnsTrue(statement: ts.Statement): boolean {
  const first = ts.isBlock(statement) ? statement.statements[0] : statement;
  return !!first && ts.isReturnStatement(first) && first.expression?.kind === ts.SyntaxKind.TrueKeyword;
}

function mentionsName(node: ts.Node, name: string): boolean {
  return searchTree(node, (child) => (ts.isIdentifier(child) ? (child.text === name && !isPropertyName(child)) || false : undefined)) === true;
}

function insideTry(node: ts.Node, fn: ts.Node): boolean {
  for (let child = node, parent = node.parent; parent && child !== fn; child = parent, parent = parent.parent) {
    if (ts.isTryStatement(parent) && child === parent.tryBlock) return true;
  }
  return false;
}
