// Placeholder-looking secrets that the app really uses: `jwtSecret: 'put_the_secret_here'`, `'changeme'`,
// `JWT_SECRET = 'jwt_secret'`, passed to jwt.sign / session({ secret }) / cookieParser / createHmac, directly or
// through a variable or a config object read in the same file. Tier 2 rightly ignores placeholders that only
// document a slot; one that signs the app's tokens is a secret anyone can guess.
//
// Cost: literals that qualify are rare (a placeholder or self-naming value under a credential name); for each, the
// file's text is searched for the binding's name and only those positions are looked at, at the end of the walk.
// Not followed: destructuring (`const { secret } = config`), other files, class fields.
import * as ts from 'typescript';
import { calleeName, envVariableRead, skipTransparentParents, staticStringValue, valueDestination, type ValueDestination } from './ast';
import { isPlaceholderValue } from '../data/secret-placeholders';
import { credentialNameStrength, mentionsCredential } from '../data/secret-names';

/** Answers whether an expression sits in a slot whose value is the app's secret, with the slot's label (`jwt.sign()`). */
export type SecretUseOf = (expression: ts.Expression) => string | undefined;

export interface GuessableSecret {
  literal: ts.Node;
  value: string;
  /** Where the literal is written: `"jwtSecret"`, or the use itself when passed directly. */
  holder: string;
  /** The secret slot that uses it, with its line: `jwt.sign() on line 12`; just `line 3` when it is the holder. */
  use: string;
}

/** Calls that take a secret as an argument (options objects are reached through their credential-named keys). */
const SECRET_TAKING_CALLS: ReadonlySet<string> = new Set(['sign', 'verify', 'cookieParser', 'createHmac', 'createCipheriv', 'createDecipheriv']);

const IDENTIFIER_CHAR = /[A-Za-z0-9_$]/;

interface Candidate {
  literal: ts.Node;
  value: string;
  /** `config` for `const config = { jwt: { secret: '…' } }`, the variable for `const SECRET = '…'`. */
  root: string;
  /** Property names from the root to the literal: `['jwt', 'secret']`, `[]` for a variable. */
  path: string[];
  holder: string;
}

/** Placeholders, and values made of credential words only (`'secret'`, `'jwt_secret'`): tier 2 reports neither. */
export function isGuessableValue(value: string): boolean {
  if (value.trim().length < 3) return false;
  return isPlaceholderValue(value) || (/^[A-Za-z][A-Za-z_.-]*$/.test(value) && mentionsCredential(value));
}

export class GuessableSecrets {
  private readonly candidates: Candidate[] = [];

  constructor(
    private readonly sourceFile: ts.SourceFile,
    private readonly secretUseOf: SecretUseOf,
  ) {}

  /** A finding when the literal goes straight into a secret slot; otherwise remembers it for `usedLater`. */
  /** `destination` is the literal's (valueDestination). */
  check(literal: ts.Node, value: string, literalDestination: ValueDestination): GuessableSecret | undefined {
    const carrier = withEnvFallback(literal);
    // Only a credential-named slot or a secret-taking call can make a literal the app's secret: ask that first.
    const destination = carrier === skipTransparentParents(literal) ? literalDestination : valueDestination(carrier);
    if (!isInSecretSlot(destination) || !isGuessableValue(value)) return undefined;
    const directUse = this.secretUseOf(carrier);
    if (directUse !== undefined) {
      // Placeholders only: other values in a known slot are tier 2's already.
      return isPlaceholderValue(value) ? { literal, value, holder: directUse, use: this.lineOf(carrier) } : undefined;
    }
    const candidate = bindingOf(carrier);
    if (candidate && credentialNameStrength(candidate.holder) !== undefined) this.candidates.push({ literal, value, ...candidate, holder: `"${candidate.holder}"` });
    return undefined;
  }

  /** After the walk: candidates whose binding reaches a secret slot in this file. */
  usedLater(): GuessableSecret[] {
    const found: GuessableSecret[] = [];
    const text = this.sourceFile.text;
    for (const candidate of this.candidates) {
      for (let at = text.indexOf(candidate.root); at !== -1; at = text.indexOf(candidate.root, at + candidate.root.length)) {
        // Whole words only before descending the tree (a short name occurs inside many others).
        if (IDENTIFIER_CHAR.test(text[at - 1] ?? '') || IDENTIFIER_CHAR.test(text[at + candidate.root.length] ?? '')) continue;
        const identifier = identifierAt(this.sourceFile, at);
        if (!identifier || identifier.text !== candidate.root || isDeclarationName(identifier)) continue;
        const read = readOfPath(identifier, candidate.path);
        if (!read) continue;
        const use = this.secretUseOf(withEnvFallback(read));
        if (use === undefined) continue;
        found.push({ literal: candidate.literal, value: candidate.value, holder: candidate.holder, use: `${use} on ${this.lineOf(read)}` });
        break;
      }
    }
    return found;
  }

  private lineOf(node: ts.Node): string {
    return `line ${this.sourceFile.getLineAndCharacterOfPosition(node.getStart(this.sourceFile)).line + 1}`;
  }
}

/** A credential-named binding, a secret-taking call's argument, or a list under such a name (Koa's `app.keys = […]`). */
function isInSecretSlot(destination: ValueDestination): boolean {
  if ('name' in destination) return credentialNameStrength(destination.name) !== undefined;
  if (destination.kind === 'argument') return SECRET_TAKING_CALLS.has(calleeName(destination.call) ?? '');
  if (destination.kind !== 'array-element') return false;
  const list = valueDestination(destination.array);
  return 'name' in list && (list.name === 'keys' || credentialNameStrength(list.name) !== undefined);
}

/** `process.env.X || '…'` / `?? '…'`: the whole fallback is what flows on. */
function withEnvFallback(node: ts.Node): ts.Expression {
  const outer = skipTransparentParents(node);
  const parent = outer.parent;
  if (parent && ts.isBinaryExpression(parent) && parent.right === outer && envVariableRead(parent.left) !== undefined) {
    const operator = parent.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken || operator === ts.SyntaxKind.QuestionQuestionToken) return parent;
  }
  return outer as ts.Expression;
}

/** `const SECRET = …` → SECRET, []; `const config = { jwt: { secret: … } }` → config, [jwt, secret]. */
function bindingOf(carrier: ts.Node): { root: string; path: string[]; holder: string } | undefined {
  const path: string[] = [];
  let node: ts.Node = carrier;
  for (let depth = 0; depth < 6; depth++) {
    const destination = valueDestination(node);
    if (destination.kind === 'variable') {
      const declaration = destination.holder as ts.VariableDeclaration;
      if (!ts.isIdentifier(declaration.name)) return undefined;
      return { root: declaration.name.text, path, holder: path.length > 0 ? path[path.length - 1]! : declaration.name.text };
    }
    if (destination.kind !== 'property') return undefined;
    path.unshift(destination.name);
    const object = destination.holder.parent;
    if (!ts.isObjectLiteralExpression(object)) return undefined;
    node = object;
  }
  return undefined;
}

/** The deepest identifier starting exactly at `position`, if any. */
function identifierAt(sourceFile: ts.SourceFile, position: number): ts.Identifier | undefined {
  let node: ts.Node = sourceFile;
  for (;;) {
    let next: ts.Node | undefined;
    node.forEachChild((child) => {
      if (next === undefined && child.pos <= position && position < child.end) next = child;
      return next !== undefined;
    });
    if (!next) return undefined;
    if (ts.isIdentifier(next)) return next.getStart(sourceFile) === position ? next : undefined;
    node = next;
  }
}

function isDeclarationName(identifier: ts.Identifier): boolean {
  const parent = identifier.parent;
  return (ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isBindingElement(parent) || ts.isParameter(parent)) && parent.name === identifier;
}

/** `config.jwt.secret` / `config['jwt'].secret` read from the identifier `config`, following `path` exactly. */
function readOfPath(identifier: ts.Identifier, path: readonly string[]): ts.Expression | undefined {
  let read: ts.Expression = identifier;
  for (const name of path) {
    const parent = skipTransparentParents(read).parent;
    if (parent && ts.isPropertyAccessExpression(parent) && parent.expression === skipTransparentParents(read) && parent.name.text === name) read = parent;
    else if (parent && ts.isElementAccessExpression(parent) && parent.expression === skipTransparentParents(read) && staticStringValue(parent.argumentExpression) === name) read = parent;
    else return undefined;
  }
  return read;
}
