// Whether a value that is not request data is a constant by its type or by what produces it: a declared literal,
// enum, number, boolean or Date type (annotation first, then the type checker), or a call of a helper whose every
// return is built from constants (`createSqlPlaceholders(values)`). Asked by unparameterized-query only for values
// the syntactic analysis (sql-text.ts) left undecided, so most files never build a program.
import * as ts from 'typescript';
import { FileIndex, skipOuterExpressions } from './dataflow';
import type { Services } from './sql-fix';
import { returnedExpressions, SqlTextAnalyzer } from './sql-text';

export interface TypeQuestions {
  filePath: string;
  sourceFile: ts.SourceFile;
  /** The rule's `useTypeInformation` option: without it only annotations and same-file helpers answer. */
  useTypeInformation: boolean;
}

/**
 * Whether a value that is not request data is a constant by its type: a literal union, an enum, a number, a boolean
 * or a Date. A declared annotation answers without a program; the checker is asked, in TypeScript files only, for
 * what is still undecided, so files whose queries need no answer never build one.
 */
export function hasConstantType(value: ts.Expression, services: Services, questions: TypeQuestions, depth = 0): boolean {
  const node = skipOuterExpressions(value);
  // `const placeholders = this.createSqlPlaceholders(values)`: what the binding holds.
  const initializer = ts.isIdentifier(node) && depth < 3 ? constInitializerOf(node, services) : undefined;
  if (initializer && ts.isCallExpression(skipOuterExpressions(initializer)) && hasConstantType(initializer, services, questions, depth + 1)) return true;
  // `timeoutMs ?? 1000`: one of its operands.
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return [node.left, node.right].every((operand) => services.text.isSafe(operand) || hasConstantType(operand, services, questions, depth + 1));
  }
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node) && !ts.isElementAccessExpression(node) && !ts.isCallExpression(node)) return false;
  if (ts.isCallExpression(node) && returnsConstantText(node, services, questions)) return true;
  const annotation = ts.isIdentifier(node) ? declaredTypeOf(node, services) : undefined;
  if (annotation && isConstantTypeNode(annotation)) return true;
  // `name: string`, `x: any`: the checker would say the same.
  if (annotation && isOpenTypeNode(annotation)) return false;
  if (!questions.useTypeInformation || !/\.[cm]?tsx?$/i.test(questions.filePath)) return false;
  const checker = services.typeChecker();
  return !!checker && isConstantType(checker.getTypeAtLocation(node), checker);
}

/** Analysers of other files' helpers (`createSqlPlaceholders` in a base class), keyed by the checker's source file. */
const helperFileAnalyzers = new WeakMap<ts.SourceFile, SqlTextAnalyzer>();

/**
 * A call of a helper whose every return is built from constants alone, whatever its arguments:
 * `createSqlPlaceholders(values)` returning `values.map(() => '?').join(',')`. The helper is found in this file
 * (a function, or a method of the enclosing class) or, in TypeScript, through the checker in the project's files.
 */
function returnsConstantText(call: ts.CallExpression, services: Services, questions: TypeQuestions): boolean {
  const local = localHelperOf(call, services);
  if (local) return returnsOnlyConstants(local, services.text);
  if (!questions.useTypeInformation || !/\.[cm]?tsx?$/i.test(questions.filePath)) return false;
  const declaration = services.typeChecker()?.getResolvedSignature(call)?.getDeclaration();
  if (!declaration || !ts.isFunctionLike(declaration) || !('body' in declaration) || !declaration.body) return false;
  const sourceFile = declaration.getSourceFile();
  if (sourceFile.isDeclarationFile || /[\\/]node_modules[\\/]/.test(sourceFile.fileName)) return false;
  let analyzer = sourceFile === questions.sourceFile ? services.text : helperFileAnalyzers.get(sourceFile);
  if (!analyzer) {
    analyzer = new SqlTextAnalyzer(new FileIndex(sourceFile));
    helperFileAnalyzers.set(sourceFile, analyzer);
  }
  return returnsOnlyConstants(declaration as ts.FunctionLikeDeclaration, analyzer);
}

function returnsOnlyConstants(fn: ts.FunctionLikeDeclaration, analyzer: SqlTextAnalyzer): boolean {
  const results = returnedExpressions(fn);
  return results.length > 0 && results.every((result) => analyzer.valuesIn(result).length === 0);
}

/** `helper(…)` declared in this file, or `this.helper(…)` declared in the enclosing class. */
function localHelperOf(call: ts.CallExpression, services: Services): ts.FunctionLikeDeclaration | undefined {
  const callee = skipOuterExpressions(call.expression);
  if (ts.isIdentifier(callee)) {
    const declaration = services.index.resolve(callee)?.node;
    if (declaration && ts.isFunctionDeclaration(declaration)) return declaration;
    const initializer = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer ? skipOuterExpressions(declaration.initializer) : undefined;
    return initializer && (ts.isArrowFunction(initializer) || ts.isFunctionExpression(initializer)) ? initializer : undefined;
  }
  if (ts.isPropertyAccessExpression(callee) && callee.expression.kind === ts.SyntaxKind.ThisKeyword) {
    let container: ts.Node | undefined = call.parent;
    while (container && !ts.isClassLike(container)) container = container.parent;
    const method = container?.members.find((m) => ts.isMethodDeclaration(m) && m.name.getText() === callee.name.text);
    return method && ts.isMethodDeclaration(method) ? method : undefined;
  }
  return undefined;
}

function constInitializerOf(identifier: ts.Identifier, services: Services): ts.Expression | undefined {
  const declaration = services.index.resolve(identifier);
  return declaration?.isConst && ts.isVariableDeclaration(declaration.node) ? declaration.node.initializer : undefined;
}

function declaredTypeOf(identifier: ts.Identifier, services: Services): ts.TypeNode | undefined {
  const declaration = services.index.resolve(identifier)?.node;
  return declaration && (ts.isParameter(declaration) || ts.isVariableDeclaration(declaration)) ? declaration.type : undefined;
}

const CONSTANT_TYPE_KEYWORDS = new Set([ts.SyntaxKind.NumberKeyword, ts.SyntaxKind.BooleanKeyword, ts.SyntaxKind.BigIntKeyword, ts.SyntaxKind.UndefinedKeyword, ts.SyntaxKind.NullKeyword]);
const OPEN_TYPE_KEYWORDS = new Set([ts.SyntaxKind.StringKeyword, ts.SyntaxKind.AnyKeyword, ts.SyntaxKind.UnknownKeyword, ts.SyntaxKind.ObjectKeyword]);

/** `'asc' | 'desc'`, `number`, `1 | 2 | null`: a type no SQL text fits in. */
function isConstantTypeNode(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isConstantTypeNode(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.every(isConstantTypeNode);
  if (ts.isLiteralTypeNode(type)) return true;
  return CONSTANT_TYPE_KEYWORDS.has(type.kind);
}

function isOpenTypeNode(type: ts.TypeNode): boolean {
  if (ts.isParenthesizedTypeNode(type)) return isOpenTypeNode(type.type);
  if (ts.isUnionTypeNode(type)) return type.types.some(isOpenTypeNode);
  return OPEN_TYPE_KEYWORDS.has(type.kind) || ts.isArrayTypeNode(type);
}

const CONSTANT_TYPE_FLAGS = ts.TypeFlags.StringLiteral | ts.TypeFlags.NumberLike | ts.TypeFlags.BigIntLike | ts.TypeFlags.BooleanLike | ts.TypeFlags.EnumLike |
  ts.TypeFlags.Undefined | ts.TypeFlags.Null | ts.TypeFlags.Void | ts.TypeFlags.Never;

function isConstantType(type: ts.Type, checker: ts.TypeChecker): boolean {
  if (type.flags & ts.TypeFlags.Any || type.flags & ts.TypeFlags.Unknown) return false;
  const parts = type.isUnion() ? type.types : [type];
  return parts.every((part) => (part.flags & CONSTANT_TYPE_FLAGS) !== 0 || isDateType(part, checker));
}

/** The global `Date` (its text is a fixed format), not a class of the same name in the project. */
function isDateType(type: ts.Type, checker: ts.TypeChecker): boolean {
  const symbol = type.getSymbol();
  if (symbol?.getName() !== 'Date') return false;
  return (symbol.getDeclarations() ?? []).some((d) => /[\\/]lib\.[\w.]*\.d\.ts$/.test(d.getSourceFile().fileName)) && checker.getFullyQualifiedName(symbol) === 'Date';
}
