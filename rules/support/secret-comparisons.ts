// Request credentials compared with literals: `req.body.password === 'letmein'`, `req.headers['x-api-key'] !== '…'`,
// `switch (req.body.password) { case '…': }`, and any literal fed to a constant-time comparison
// (`crypto.timingSafeEqual(Buffer.from(given), Buffer.from('…'))`). The literal is the password that grants access.
//
// The compared value must carry a credential name (its last property, header or variable name: `password`,
// `x-api-key`, `token`, `authorization`) and come from the request (syntactically, or through local variables via
// RequestSources). A credential that does not come from the request is left alone: `if (secret === 'changeme')
// throw` guards configuration, it grants nothing.
import * as ts from 'typescript';
import { calleeName, identifierWords, skipTransparentExpressions, skipTransparentParents, staticStringValue } from './ast';
import { FileIndex } from './dataflow';
import { RequestSources, isRequestAccess } from './request-sources';
import { credentialNameStrength } from '../data/secret-names';
import { COMPARED_NON_SECRET_VALUES, CONSTANT_TIME_COMPARES, NAMED_READ_METHODS } from '../data/secret-shapes';

export interface CredentialComparison {
  /** The compared expression as written (shortened), e.g. `req.body.password`. */
  compared: string;
}

const EQUALITY_OPERATORS: ReadonlySet<ts.SyntaxKind> = new Set([
  ts.SyntaxKind.EqualsEqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsEqualsToken,
  ts.SyntaxKind.EqualsEqualsToken,
  ts.SyntaxKind.ExclamationEqualsToken,
]);

export class CredentialComparisons {
  /** Built on first need (a credential-named local compared with a literal): most files never build it. */
  private sources: RequestSources | undefined;

  constructor(private readonly sourceFile: ts.SourceFile) {}

  /** The comparison a literal takes part in as the secret side, when it is one of request credentials. */
  comparisonAt(literal: ts.Node, value: string): CredentialComparison | undefined {
    // Where the literal sits first (one parent check rules out nearly every literal), the value after.
    const outer = skipTransparentParents(literal);
    const parent = outer.parent;
    if (!parent) return undefined;
    if (ts.isBinaryExpression(parent) && EQUALITY_OPERATORS.has(parent.operatorToken.kind)) {
      const other = parent.left === outer ? parent.right : parent.left;
      return isSecretLikeComparedValue(value) ? this.requestCredential(other, value) : undefined;
    }
    if (ts.isCaseClause(parent) && parent.expression === outer) {
      return isSecretLikeComparedValue(value) ? this.requestCredential(parent.parent.parent.expression, value) : undefined;
    }
    if (!ts.isCallExpression(parent) && !ts.isNewExpression(parent)) return undefined;
    const comparison = constantTimeComparison(outer, this.sourceFile);
    return comparison && isSecretLikeComparedValue(value) ? comparison : undefined;
  }

  private requestCredential(expression: ts.Expression, value: string): CredentialComparison | undefined {
    const compared = skipTransparentExpressions(expression);
    const name = credentialNameOf(compared);
    const strength = name === undefined ? undefined : credentialNameStrength(name);
    if (strength === undefined) return undefined;
    // Tokens and keys are machine-made: `token === 'expired'` tests a state. A password may be any word.
    if (strength !== 'password' && /^[A-Za-z]+([._-][A-Za-z]+)*$/.test(value)) return undefined;
    if (!isRequestAccess(compared)) {
      // A local (`const { password } = req.body`, `const token = req.query.token`): follow it through the index.
      if (!ts.isIdentifier(compared) && !ts.isPropertyAccessExpression(compared) && !ts.isElementAccessExpression(compared)) return undefined;
      this.sources ??= new RequestSources(new FileIndex(this.sourceFile));
      if (!this.sources.carriesRequestData(compared)) return undefined;
    }
    return { compared: shortText(compared, this.sourceFile) };
  }
}

/** The name a compared expression goes by: its variable, last property, header (`req.get('x-api-key')`). */
function credentialNameOf(expression: ts.Expression): string | undefined {
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return expression.name.text;
  if (ts.isElementAccessExpression(expression)) return staticStringValue(expression.argumentExpression);
  if (ts.isCallExpression(expression) && expression.arguments.length === 1) {
    const method = calleeName(expression);
    return method !== undefined && NAMED_READ_METHODS.has(method) ? staticStringValue(expression.arguments[0]!) : undefined;
  }
  return undefined;
}

/** `timingSafeEqual(Buffer.from(given), Buffer.from('…'))`, `safeCompare(token, '…')`. */
function constantTimeComparison(outer: ts.Node, sourceFile: ts.SourceFile): CredentialComparison | undefined {
  let argument: ts.Node = outer;
  let call = argument.parent;
  // Buffer.from('…'), Buffer.from('…', 'utf8'), new TextEncoder().encode('…')
  if (call && (ts.isCallExpression(call) || ts.isNewExpression(call)) && call.arguments?.[0] === argument && /^(from|encode)$/.test(calleeName(call) ?? '')) {
    argument = skipTransparentParents(call);
    call = argument.parent;
  }
  if (!call || !ts.isCallExpression(call) || call.arguments.length !== 2) return undefined;
  const name = calleeName(call);
  if (name === undefined || !CONSTANT_TIME_COMPARES.has(name)) return undefined;
  const index = call.arguments.indexOf(argument as ts.Expression);
  if (index < 0) return undefined;
  let other = skipTransparentExpressions(call.arguments[1 - index]!);
  if (ts.isCallExpression(other) && /^(from|encode)$/.test(calleeName(other) ?? '') && other.arguments.length >= 1) other = skipTransparentExpressions(other.arguments[0]!);
  if (staticStringValue(other) !== undefined) return undefined;
  return { compared: shortText(other, sourceFile) };
}

/** Not empty, not a state or a scheme (`'undefined'`, `'Bearer'`, `'basic'`), not a template placeholder. */
function isSecretLikeComparedValue(value: string): boolean {
  const trimmed = value.trim();
  if (trimmed.length < 4 || COMPARED_NON_SECRET_VALUES.test(trimmed)) return false;
  if (/^(bearer|basic|token)\s*$/i.test(trimmed) || /^\$\{[^}]*\}$|^\{\{[^}]*\}\}$|^<[^<>]*>$/.test(trimmed)) return false;
  // A header or field name compared by mistake is not a secret either: `'x-api-key'`, `'authorization'`.
  return !(identifierWords(trimmed).length > 0 && credentialNameStrength(trimmed) !== undefined && /^[A-Za-z][A-Za-z_-]*$/.test(trimmed));
}

/** Source text on one line, at most 60 characters (a message names the value, never a whole function). */
function shortText(node: ts.Node, sourceFile: ts.SourceFile): string {
  const text = node.getText(sourceFile).replace(/\s+/g, ' ');
  return text.length <= 60 ? text : `${text.slice(0, 59)}…`;
}
