// How a query text is assembled: which non-constant values end up in it (through templates, `+`, `+=` over
// several statements, concat/join/replace/format and local variables), and which values are safe (constants,
// escaping calls, numbers, allow-list-checked identifiers). Answers come from a FileIndex; nothing walks the file.
import * as ts from 'typescript';
import { KOA_CONTEXT_NAMES } from '../data/responses';
import { SQL_SAFE_WRAPPERS, STRING_BUILDING_METHODS } from '../data/sql-sinks';
import { REQUEST_INPUT_PROPERTIES, REQUEST_OBJECT_NAMES } from './request-sources';
import { bindingRoot, enclosingFunction, isAssignmentOperator, operandsOfChain, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';

export interface QueryTextAnalysis {
  /** The text is assembled from parts somewhere along the way, not a value passed through as-is. */
  built: boolean;
  /** Non-constant values written into the text, in source order. */
  values: ts.Expression[];
}

const NOT_BUILT: QueryTextAnalysis = { built: false, values: [] };
const SCREAMING_CASE = /^[A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+$|^[A-Z]{2,}[0-9]*$/;

export class SqlTextAnalyzer {
  private readonly safeCache = new Map<ts.Node, boolean>();
  private readonly active = new Set<ts.Node>();
  /** Texts built elsewhere and rewritten with replace() inside a text built here (`${sql.replace(a, 'b')}`). */
  readonly rewrittenTexts = new Set<ts.Expression>();
  /** Variables whose writes are being followed: `q = q + …` refers to the text itself, not to a value. */
  private readonly activeVariables = new Set<ts.Node>();
  private readonly patternWrites = new Map<ts.Node, boolean>();

  constructor(private readonly index: FileIndex) {}

  /** What goes into the text passed at a sink. */
  analyze(expression: ts.Expression): QueryTextAnalysis {
    const node = skipOuterExpressions(expression);
    if (this.active.has(node)) return NOT_BUILT;
    this.active.add(node);
    try {
      return this.analyzeNode(node);
    } finally {
      this.active.delete(node);
    }
  }

  private analyzeNode(node: ts.Expression): QueryTextAnalysis {
    if (ts.isStringLiteralLike(node)) return NOT_BUILT;
    if (ts.isTemplateExpression(node)) {
      return { built: true, values: node.templateSpans.flatMap((span) => this.valuesIn(span.expression)) };
    }
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return { built: true, values: operandsOfChain(node, ts.SyntaxKind.PlusToken).flatMap((operand) => this.valuesIn(operand)) };
    }
    if (ts.isConditionalExpression(node)) {
      const whenTrue = this.analyze(node.whenTrue);
      const whenFalse = this.analyze(node.whenFalse);
      return { built: whenTrue.built || whenFalse.built, values: [...whenTrue.values, ...whenFalse.values] };
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      return declaration ? this.analyzeVariable(declaration) : NOT_BUILT;
    }
    if (ts.isCallExpression(node)) return this.analyzeCall(node);
    return NOT_BUILT;
  }

  private analyzeVariable(declaration: LocalDeclaration): QueryTextAnalysis {
    const node = declaration.node;
    if (!ts.isVariableDeclaration(node)) return NOT_BUILT;
    this.activeVariables.add(node);
    try {
      return this.analyzeVariableWrites(declaration, node);
    } finally {
      this.activeVariables.delete(node);
    }
  }

  private analyzeVariableWrites(declaration: LocalDeclaration, node: ts.VariableDeclaration): QueryTextAnalysis {
    let built = false;
    const values: ts.Expression[] = [];
    if (node.initializer) {
      const initial = this.analyze(node.initializer);
      built ||= initial.built;
      values.push(...initial.values);
    }
    for (const write of this.index.writesTo(declaration)) {
      if (!write.value) continue;
      if (write.operator === ts.SyntaxKind.PlusEqualsToken) {
        built = true;
        values.push(...this.valuesIn(write.value));
      } else if (write.operator === ts.SyntaxKind.EqualsToken) {
        const assigned = this.analyze(write.value);
        built ||= assigned.built;
        values.push(...assigned.values);
      }
    }
    return { built, values };
  }

  private analyzeCall(call: ts.CallExpression): QueryTextAnalysis {
    const callee = call.expression;
    if (ts.isPropertyAccessExpression(callee) && STRING_BUILDING_METHODS.has(callee.name.text)) {
      const method = callee.name.text;
      if (method === 'join') return { built: true, values: this.arrayValues(callee.expression) };
      // `text.trim()` is the text itself: built where the text is built, or not at all.
      if (method === 'trim' || method === 'toString') return this.analyze(callee.expression);
      const receiver = this.analyze(callee.expression);
      // `prefix.concat(x)`: a prefix that is not built here is a value of the text too.
      if (method === 'concat' && !receiver.built) return { built: true, values: [...this.valuesIn(callee.expression), ...call.arguments.flatMap((a) => this.valuesIn(a))] };
      const argValues = method === 'replace' || method === 'replaceAll' ? this.replacementValues(call.arguments[1]) : method === 'concat' ? call.arguments.flatMap((a) => this.valuesIn(a)) : [];
      return { built: true, values: [...receiver.values, ...argValues] };
    }
    if (isFormatCall(call)) {
      const [format, ...args] = call.arguments;
      const formatText = format && ts.isStringLiteralLike(format) ? format.text : undefined;
      // pg-format: %L and %I quote their values; %s does not.
      if (formatText !== undefined && !/%s/.test(formatText) && /%[LI]/.test(formatText)) return { built: true, values: [] };
      return { built: true, values: args.flatMap((a) => this.valuesIn(a)) };
    }
    return NOT_BUILT;
  }

  /** What a `replace` writes: its replacement text, or what its replacer function returns. */
  private replacementValues(replacement: ts.Expression | undefined): ts.Expression[] {
    const fn = replacement && skipOuterExpressions(replacement);
    if (!fn || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))) return this.valuesIn(replacement);
    return returnedExpressions(fn).flatMap((result) => this.valuesIn(result));
  }

  /** Elements written into `array.join(…)`: literal elements, `push` arguments, `map` callback results. */
  private arrayValues(arrayExpression: ts.Expression): ts.Expression[] {
    const node = skipOuterExpressions(arrayExpression);
    if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((e) => this.valuesIn(ts.isSpreadElement(e) ? e.expression : e));
    if (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression)) {
      const method = node.expression.name.text;
      if (method === 'map' || method === 'flatMap') {
        const callback = node.arguments[0];
        const result = callback && callbackResult(callback);
        return result ? this.valuesIn(result, callbackParameterRoles(callback!)) : node.arguments[0] ? [node] : [];
      }
      if (method === 'fill') return node.arguments[0] ? this.valuesIn(node.arguments[0]) : [];
      if (method === 'filter' || method === 'slice' || method === 'concat') return this.arrayValues(node.expression.expression);
    }
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      if (!declaration || !ts.isVariableDeclaration(declaration.node)) return this.isSafe(node) ? [] : [node];
      const values: ts.Expression[] = [];
      if (declaration.node.initializer) values.push(...this.arrayValues(declaration.node.initializer));
      for (const reference of this.index.referencesTo(declaration)) {
        const access = reference.parent;
        if (ts.isPropertyAccessExpression(access) && access.expression === reference && (access.name.text === 'push' || access.name.text === 'unshift') &&
          ts.isCallExpression(access.parent) && access.parent.expression === access) {
          values.push(...access.parent.arguments.flatMap((a) => this.valuesIn(a)));
        }
      }
      return values;
    }
    return this.isSafe(node) ? [] : [node];
  }

  /** The non-constant values an interpolated expression contributes to the text. */
  valuesIn(expression: ts.Expression | undefined, safeIdentifiers?: ReadonlySet<ts.Node>): ts.Expression[] {
    if (!expression) return [];
    const node = skipOuterExpressions(expression);
    if (ts.isIdentifier(node)) {
      const declaration = this.index.resolve(node);
      if (declaration && (safeIdentifiers?.has(declaration.node) || this.activeVariables.has(declaration.node))) return [];
    }
    if (this.isSafe(node)) return [];
    if (ts.isTemplateExpression(node)) return node.templateSpans.flatMap((span) => this.valuesIn(span.expression, safeIdentifiers));
    if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
      return operandsOfChain(node, ts.SyntaxKind.PlusToken).flatMap((operand) => this.valuesIn(operand, safeIdentifiers));
    }
    if (ts.isConditionalExpression(node)) return [...this.valuesIn(node.whenTrue, safeIdentifiers), ...this.valuesIn(node.whenFalse, safeIdentifiers)];
    // `${sql.replace(a, 'b')}` inside a larger text: a text not built here is written in whole. Not a value (the
    // tiers would then report every rewritten schema name), but remembered: request data may reach it from a caller.
    const replaced = replacedText(node);
    if (replaced && !this.analyze(replaced).built) this.rewrittenTexts.add(skipOuterExpressions(replaced));
    const nested = this.analyze(node);
    if (nested.built) return nested.values;
    return [node];
  }

  /** A value the rule proved constant by other means (its type): it and what is built from it are safe. */
  markConstant(expression: ts.Expression): void {
    // Answers computed before may have counted on this value being unsafe.
    for (const [node, safe] of this.safeCache) if (!safe) this.safeCache.delete(node);
    this.safeCache.set(skipOuterExpressions(expression), true);
  }

  /** Compile-time constants and values that cannot carry SQL: literals, const bindings, enums, numbers, escapes. */
  isSafe(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    const cached = this.safeCache.get(node);
    if (cached !== undefined) return cached;
    if (this.active.has(node)) return false;
    this.active.add(node);
    let result: boolean;
    try {
      result = this.computeSafe(node);
    } finally {
      this.active.delete(node);
    }
    this.safeCache.set(node, result);
    return result;
  }

  private computeSafe(node: ts.Expression): boolean {
    switch (node.kind) {
      case ts.SyntaxKind.StringLiteral:
      case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      case ts.SyntaxKind.NumericLiteral:
      case ts.SyntaxKind.BigIntLiteral:
      case ts.SyntaxKind.TrueKeyword:
      case ts.SyntaxKind.FalseKeyword:
      case ts.SyntaxKind.NullKeyword:
      case ts.SyntaxKind.RegularExpressionLiteral:
        return true;
    }
    if (ts.isTemplateExpression(node)) return node.templateSpans.every((span) => this.isSafe(span.expression));
    if (ts.isArrayLiteralExpression(node)) return this.hasConstantValues(node);
    if (ts.isObjectLiteralExpression(node)) return this.hasConstantKeys(node) && this.hasConstantValues(node);
    // `new Date(x)` prints a date (or "Invalid Date") whatever x is.
    if (ts.isNewExpression(node)) return ts.isIdentifier(node.expression) && node.expression.text === 'Date';
    if (ts.isBinaryExpression(node)) {
      const op = node.operatorToken.kind;
      // Arithmetic and comparisons yield numbers/booleans whatever goes in.
      const passesOperands = op === ts.SyntaxKind.PlusToken || op === ts.SyntaxKind.BarBarToken || op === ts.SyntaxKind.QuestionQuestionToken ||
        op === ts.SyntaxKind.AmpersandAmpersandToken || op === ts.SyntaxKind.CommaToken || isAssignmentOperator(op);
      if (!passesOperands) return true;
      return operandsOfChain(node, op).every((operand) => this.isSafe(operand));
    }
    // `-x`, `!x`, `n++`: numbers and booleans.
    if (ts.isPrefixUnaryExpression(node) || ts.isPostfixUnaryExpression(node)) return true;
    if (ts.isTypeOfExpression(node)) return true;
    if (ts.isConditionalExpression(node)) return this.isSafe(node.whenTrue) && this.isSafe(node.whenFalse);
    if (ts.isIdentifier(node)) return node.text === 'undefined' || this.isSafeIdentifier(node);
    if (ts.isPropertyAccessExpression(node)) {
      // `.length` of a string or array is a number (`.size` is not trusted: `req.query.size`).
      if (node.name.text === 'length' && !this.isRequestLike(node.expression)) return true;
      // A member of constant data (`t.name` in `for (const t of TABLES)`) is constant too.
      return this.isConstantMember(node.expression, node.name.text) || (!isRequestRooted(node) && this.isSafe(node.expression));
    }
    if (ts.isElementAccessExpression(node)) {
      if (!isRequestRooted(node) && this.isSafe(node.expression) && this.isSafe(node.argumentExpression)) return true;
      if (ts.isStringLiteralLike(node.argumentExpression)) return this.isConstantMember(node.expression, node.argumentExpression.text);
      // `SORT_COLUMNS[req.query.sort]`: a lookup in a map of constants yields a constant (or undefined).
      return this.isConstantMap(node.expression);
    }
    if (ts.isCallExpression(node)) return this.isSafeCall(node);
    return false;
  }

  /** `req.query` / `req.body` themselves: a client can send `length` as a key. */
  private isRequestLike(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    return ts.isPropertyAccessExpression(node) && REQUEST_INPUT_PROPERTIES.has(node.name.text) && ts.isIdentifier(node.expression) && REQUEST_OBJECT_NAMES.has(node.expression.text);
  }

  private isSafeIdentifier(identifier: ts.Identifier): boolean {
    const declaration = this.index.resolve(identifier);
    if (!declaration) return false;
    const node = declaration.node;
    if (ts.isEnumDeclaration(node)) return true;
    const imported = this.index.importOf(declaration);
    // Imported constants are written in SCREAMING_CASE by convention (`import { USERS_TABLE } from './tables'`).
    if (imported) return SCREAMING_CASE.test(declaration.name);
    if (ts.isVariableDeclaration(node)) {
      // `let table; table = 'users'; …`: a local assigned only constants is a constant.
      if (!node.initializer) return (isLoopVariable(node) ? this.isConstantLoopVariable(node) : this.index.writesTo(declaration).length > 0) && this.keepsSafeWrites(declaration);
      // `let i = 1; … i++`: a counter stays a number.
      return this.isSafe(node.initializer) && this.keepsSafeWrites(declaration);
    }
    if (ts.isBindingElement(node)) return this.isConstantBinding(node) && this.keepsSafeWrites(declaration);
    if (ts.isParameter(node)) return (isIndexParameter(node) || isReplacerParameter(node) || this.isConstantElementParameter(node)) && this.keepsSafeWrites(declaration);
    return false;
  }

  /** A `const`, or a `let` whose every later assignment is safe too (`++` keeps a number a number). */
  private keepsSafeWrites(declaration: LocalDeclaration): boolean {
    if (declaration.isConst) return true;
    if (!this.index.writesTo(declaration).every((w) => !w.value || this.isSafe(w.value))) return false;
    // Writes the index does not list: `[a, b] = rows[0]`, `({ a } = req.body)`, `for (a of list)`.
    let patternWrite = this.patternWrites.get(declaration.node);
    if (patternWrite === undefined) {
      patternWrite = this.index.referencesTo(declaration).some(isWrittenByPattern);
      this.patternWrites.set(declaration.node, patternWrite);
    }
    return !patternWrite;
  }

  /** `for (const t of TABLES)`, `for (const k in COLUMNS)`: iterating constant data gives constants. */
  private isConstantLoopVariable(node: ts.VariableDeclaration): boolean {
    if (!isLoopVariable(node)) return false;
    const loop = node.parent.parent as ts.ForOfStatement | ts.ForInStatement;
    return ts.isForOfStatement(loop) ? this.isSafe(loop.expression) : this.hasConstantKeys(loop.expression);
  }

  /** `const { name } = TABLE`, `for (const { name } of TABLES)`, `TABLES.map(({ name }) => …)`. */
  private isConstantBinding(element: ts.BindingElement): boolean {
    const root = bindingRoot(element);
    if (ts.isParameter(root)) return this.isConstantElementParameter(root);
    if (ts.isBindingElement(root)) return false;
    if (root.initializer) return this.isSafe(root.initializer);
    return this.isConstantLoopVariable(root);
  }

  /** The element parameter of `TABLES.forEach((t) => …)` (also map, filter, …) or `Array.from({ length: n }, (_, i) => …)`. */
  private isConstantElementParameter(parameter: ts.ParameterDeclaration): boolean {
    const fn = parameter.parent;
    if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.indexOf(parameter) !== 0) return false;
    const call = fn.parent;
    if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) return false;
    const receiver = call.expression.expression;
    const method = call.expression.name.text;
    if (ts.isIdentifier(receiver) && receiver.text === 'Array' && method === 'from') return call.arguments[1] === fn && !!call.arguments[0] && this.isArrayLikeOfConstants(call.arguments[0]);
    return call.arguments[0] === fn && ELEMENT_CALLBACK_METHODS.has(method) && this.isSafe(receiver);
  }

  /** `Array.from`'s source: constant data, or `{ length: n }` (its elements are undefined). */
  private isArrayLikeOfConstants(source: ts.Expression): boolean {
    const node = skipOuterExpressions(source);
    if (ts.isObjectLiteralExpression(node) && node.properties.every((p) => (ts.isPropertyAssignment(p) || ts.isShorthandPropertyAssignment(p)) && ts.isIdentifier(p.name) && p.name.text === 'length')) return true;
    return this.isSafe(node);
  }

  /** The keys of an object are constant (`Object.keys(COLUMNS)`, `for (const k in COLUMNS)`), whatever its values. */
  private hasConstantKeys(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    if (ts.isArrayLiteralExpression(node)) return true;
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((p) => (ts.isSpreadAssignment(p) ? this.hasConstantKeys(p.expression) : !!p.name && (!ts.isComputedPropertyName(p.name) || this.isSafe(p.name.expression))));
    }
    const initializer = this.constantInitializerOf(node);
    if (initializer) return this.hasConstantKeys(initializer);
    return this.isSafe(node);
  }

  /** Every value held by an object or array literal is constant (`Object.values(LIMITS)`, `[...TABLES, 'x']`). */
  private hasConstantValues(expression: ts.Expression): boolean {
    const node = skipOuterExpressions(expression);
    if (ts.isArrayLiteralExpression(node)) return node.elements.every((e) => (ts.isSpreadElement(e) ? this.isSafe(e.expression) : ts.isOmittedExpression(e) || this.isSafe(e)));
    if (ts.isObjectLiteralExpression(node)) {
      return node.properties.every((p) =>
        ts.isPropertyAssignment(p) ? this.isSafe(p.initializer) : ts.isShorthandPropertyAssignment(p) ? this.isSafe(p.name) : ts.isSpreadAssignment(p) && this.hasConstantValues(p.expression),
      );
    }
    const initializer = this.constantInitializerOf(node);
    if (initializer) return this.hasConstantValues(initializer);
    return this.isSafe(node);
  }

  /** The literal a `const` name is bound to (`const COLUMNS = { … }`), to look at its keys or values. */
  private constantInitializerOf(node: ts.Expression): ts.Expression | undefined {
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = this.index.resolve(node);
    if (!declaration || !declaration.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return undefined;
    let initializer = skipOuterExpressions(declaration.node.initializer);
    if (isObjectFreeze(initializer)) initializer = skipOuterExpressions((initializer as ts.CallExpression).arguments[0]!);
    return ts.isObjectLiteralExpression(initializer) || ts.isArrayLiteralExpression(initializer) ? initializer : undefined;
  }

  /** `TABLES.users`, `Direction.Asc`, `COLUMNS['name']`: a member of an enum or of a const object of constants. */
  private isConstantMember(objectExpression: ts.Expression, member: string): boolean {
    const object = skipOuterExpressions(objectExpression);
    if (!ts.isIdentifier(object)) return false;
    const declaration = this.index.resolve(object);
    if (!declaration) return false;
    if (ts.isEnumDeclaration(declaration.node)) return true;
    if (this.index.importOf(declaration)) return SCREAMING_CASE.test(member);
    if (!ts.isVariableDeclaration(declaration.node) || !declaration.isConst || !declaration.node.initializer) return false;
    const init = skipOuterExpressions(declaration.node.initializer);
    if (!ts.isObjectLiteralExpression(init)) return false;
    const property = init.properties.find((p) => p.name && (ts.isIdentifier(p.name) || ts.isStringLiteral(p.name)) && p.name.text === member);
    return property !== undefined && ts.isPropertyAssignment(property) && this.isSafe(property.initializer);
  }

  private isConstantMap(objectExpression: ts.Expression): boolean {
    const object = skipOuterExpressions(objectExpression);
    if (!ts.isIdentifier(object)) return false;
    const declaration = this.index.resolve(object);
    if (!declaration || !declaration.isConst || !ts.isVariableDeclaration(declaration.node) || !declaration.node.initializer) return false;
    const init = skipOuterExpressions(declaration.node.initializer);
    if (ts.isObjectLiteralExpression(init)) return init.properties.every((p) => ts.isPropertyAssignment(p) && this.isSafe(p.initializer));
    if (ts.isArrayLiteralExpression(init)) return init.elements.every((e) => !ts.isSpreadElement(e) && this.isSafe(e));
    return false;
  }

  private isSafeCall(call: ts.CallExpression): boolean {
    const callee = skipOuterExpressions(call.expression);
    if (ts.isIdentifier(callee)) {
      if (SQL_SAFE_WRAPPERS.functions.has(callee.text)) return true;
      if (callee.text === 'String') return call.arguments.every((a) => this.isSafe(a));
      if (callee.text === 'Array') return true;
      if (BOOLEAN_OR_NUMBER_FUNCTIONS.has(callee.text)) return true;
      if (isFormatCall(call)) {
        const format = call.arguments[0];
        return !!format && ts.isStringLiteralLike(format) && !/%s/.test(format.text);
      }
      return false;
    }
    if (ts.isPropertyAccessExpression(callee)) {
      const method = callee.name.text;
      if (SQL_SAFE_WRAPPERS.methods.has(method)) return true;
      if (ts.isIdentifier(callee.expression) && SQL_SAFE_WRAPPERS.numericNamespaces.has(callee.expression.text)) return true;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Number') return true;
      if (FIXED_FORMAT_METHODS.has(method)) return true;
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Object' && call.arguments.length === 1) {
        if (method === 'keys') return this.hasConstantKeys(call.arguments[0]!);
        if (method === 'values') return this.hasConstantValues(call.arguments[0]!);
        if (method === 'entries') return this.hasConstantKeys(call.arguments[0]!) && this.hasConstantValues(call.arguments[0]!);
        if (method === 'freeze') return this.isSafe(call.arguments[0]!);
        return false;
      }
      if (ts.isIdentifier(callee.expression) && callee.expression.text === 'Array' && method === 'from') {
        const [source, callback] = call.arguments;
        if (!source || !this.isArrayLikeOfConstants(source)) return false;
        const result = callback && callbackResult(callback);
        return !callback || (!!result && this.valuesIn(result, callbackParameterRoles(callback)).length === 0);
      }
      // Same characters in another case, trimmed, cut or padded: constant in, constant out.
      if (CONSTANT_PRESERVING_METHODS.has(method)) return this.isSafe(callee.expression) && call.arguments.every((a) => !ts.isSpreadElement(a) && this.isSafe(a));
      // A subset or reordering of constant data (`TABLES.filter(…)`, `Object.keys(X).sort()`).
      if (SUBSET_METHODS.has(method)) return this.isSafe(callee.expression);
      if (method === 'join') return this.arrayValues(callee.expression).length === 0;
      if (method === 'fill') return call.arguments.every((a) => this.isSafe(a));
      if (method === 'map') {
        const callback = call.arguments[0];
        const result = callback && callbackResult(callback);
        return !!result && this.valuesIn(result, callbackParameterRoles(callback!)).length === 0;
      }
    }
    return false;
  }
}

/** Array methods whose callback's first parameter is an element of the receiver. */
const ELEMENT_CALLBACK_METHODS = new Set(['forEach', 'map', 'flatMap', 'filter', 'find', 'findLast', 'some', 'every']);
/** String methods whose result has only characters of the receiver and the arguments. */
const CONSTANT_PRESERVING_METHODS = new Set(['repeat', 'toUpperCase', 'toLowerCase', 'trim', 'trimStart', 'trimEnd', 'toString', 'slice', 'substring', 'padStart', 'padEnd', 'at', 'charAt']);
/** Array methods that return some of the receiver's elements, or its keys or values. */
const SUBSET_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'flat', 'keys', 'values', 'entries', 'find', 'findLast']);
/** Methods whose result is a boolean, a number or a date in a fixed format, whatever the receiver (`includes`, `indexOf`, `toISOString`). */
const FIXED_FORMAT_METHODS = new Set(['includes', 'startsWith', 'endsWith', 'some', 'every', 'has', 'test', 'indexOf', 'lastIndexOf', 'findIndex', 'localeCompare', 'getTime', 'toISOString', 'toPrecision', 'toExponential']);
/** Global functions that return a boolean or a number. */
const BOOLEAN_OR_NUMBER_FUNCTIONS = new Set(['isNaN', 'isFinite', 'BigInt']);

/**
 * `text.replace(re, (match, group) => …)`: the replacer's parameters are pieces of `text`, whose own values are
 * counted with it, so they add nothing new.
 */
function isReplacerParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  const call = fn.parent;
  return (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !!call && ts.isCallExpression(call) && call.arguments[1] === fn &&
    ts.isPropertyAccessExpression(call.expression) && (call.expression.name.text === 'replace' || call.expression.name.text === 'replaceAll');
}

/** The expressions a function returns (an expression body, or every `return` not inside a nested function). */
export function returnedExpressions(fn: ts.FunctionLikeDeclaration): ts.Expression[] {
  if (!fn.body) return [];
  if (!ts.isBlock(fn.body)) return [fn.body];
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node)) {
      if (node.expression) found.push(node.expression);
      return;
    }
    node.forEachChild(visit);
  };
  fn.body.forEachChild(visit);
  return found;
}

function isLoopVariable(node: ts.VariableDeclaration): boolean {
  const loop = node.parent.parent;
  return !!loop && (ts.isForOfStatement(loop) || ts.isForInStatement(loop)) && loop.initializer === node.parent;
}

/** A reference assigned by a destructuring assignment or as a `for (x of …)` target. */
function isWrittenByPattern(reference: ts.Identifier): boolean {
  let node: ts.Node = reference;
  while (ts.isArrayLiteralExpression(node.parent) || ts.isObjectLiteralExpression(node.parent) || ts.isPropertyAssignment(node.parent) ||
    ts.isShorthandPropertyAssignment(node.parent) || ts.isSpreadElement(node.parent) || ts.isSpreadAssignment(node.parent) || ts.isParenthesizedExpression(node.parent)) {
    node = node.parent;
  }
  const parent = node.parent;
  if ((ts.isForOfStatement(parent) || ts.isForInStatement(parent)) && parent.initializer === node) return true;
  return node !== reference && ts.isBinaryExpression(parent) && parent.left === node && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken;
}

/** `req.query.x`, `ctx.request.body`: never constant data, so the chain is not walked (a handler file has many). */
function isRequestRooted(access: ts.PropertyAccessExpression | ts.ElementAccessExpression): boolean {
  let node: ts.Expression = access;
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) && REQUEST_OBJECT_NAMES.has(node.text);
}

/** `Object.freeze(x)`: the same object. */
function isObjectFreeze(node: ts.Expression): boolean {
  return ts.isCallExpression(node) && node.arguments.length === 1 && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'freeze' &&
    ts.isIdentifier(node.expression.expression) && node.expression.expression.text === 'Object';
}

/** `format(…)`, `util.format(…)`, `pgFormat(…)`, `sqlstring.format(…)`. */
function isFormatCall(call: ts.CallExpression): boolean {
  const callee = call.expression;
  const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : '';
  return name === 'format' || name === 'pgFormat' || name === 'pgformat';
}

/** The expression an arrow/function callback returns, when it is a single expression or a single `return`. */
function callbackResult(callback: ts.Expression): ts.Expression | undefined {
  const fn = skipOuterExpressions(callback);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  if (!ts.isBlock(fn.body)) return fn.body;
  const statements = fn.body.statements;
  const last = statements[statements.length - 1];
  return statements.length === 1 && last && ts.isReturnStatement(last) ? last.expression : undefined;
}

/** In `arr.map((x, i) => …)` the index parameter is a number. */
function callbackParameterRoles(callback: ts.Expression): ReadonlySet<ts.Node> {
  const fn = skipOuterExpressions(callback);
  const roles = new Set<ts.Node>();
  if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && fn.parameters[1]) roles.add(fn.parameters[1]);
  return roles;
}

function isIndexParameter(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  if (!(ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) || fn.parameters.indexOf(parameter) !== 1) return false;
  const call = fn.parent;
  return ts.isCallExpression(call) && ts.isPropertyAccessExpression(call.expression) && ['map', 'forEach', 'flatMap', 'reduce'].includes(call.expression.name.text) && call.expression.name.text !== 'reduce';
}

/**
 * True when the value was checked against an allow-list before the sink in the same function:
 * `if (!ALLOWED.includes(col)) throw …`, `if (!ALLOWED.has(col)) return …`, or the sink sits inside
 * `if (ALLOWED.includes(col)) { … }`.
 */
export function isAllowListChecked(value: ts.Expression, sink: ts.Node, index: FileIndex): boolean {
  const checked = skipOuterExpressions(value);
  const valueText = checked.getText(index.sourceFile);
  // Resolved only when a check of the same text is found: most values have none.
  let variable: LocalDeclaration | undefined | null = null;
  const fn = enclosingFunction(sink) ?? index.sourceFile;
  const sinkStart = sink.getStart(index.sourceFile);
  // `/^\w+$/.test(key)` validates the shape the same way an allow-list does.
  for (const method of ['includes', 'has', 'test']) {
    for (const call of index.callsNamed(method)) {
      if (call.pos < fn.pos || call.end > sinkStart || call.arguments.length !== 1) continue;
      const argument = skipOuterExpressions(call.arguments[0]!);
      if (argument.getText(index.sourceFile) !== valueText) continue;
      // The same text may name another variable (a shadowing one), and a guard protects a value only until its
      // variable is assigned again: `col = req.query.other` after the check needs a check of its own.
      if (variable === null) variable = rootVariableOf(checked, index);
      if (variable) {
        if (rootVariableOf(argument, index) !== variable) continue;
        if (index.writesTo(variable).some((write) => write.node.pos >= call.end && write.node.end <= sinkStart)) continue;
      }
      let condition: ts.Node = call;
      let negated = false;
      while (ts.isParenthesizedExpression(condition.parent) || (ts.isPrefixUnaryExpression(condition.parent) && condition.parent.operator === ts.SyntaxKind.ExclamationToken)) {
        if (ts.isPrefixUnaryExpression(condition.parent)) negated = !negated;
        condition = condition.parent;
      }
      const statement = condition.parent;
      if (!ts.isIfStatement(statement) || statement.expression !== condition) continue;
      if (negated && exits(statement.thenStatement)) return true;
      if (!negated && sinkStart >= statement.thenStatement.pos && sinkStart < statement.thenStatement.end) return true;
    }
  }
  return false;
}

/** `col` in `col`, `opts.col` or `opts['col']`: the local variable a checked value is read from. */
function rootVariableOf(expression: ts.Expression, index: FileIndex): LocalDeclaration | undefined {
  let node = skipOuterExpressions(expression);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  return ts.isIdentifier(node) ? index.resolve(node) : undefined;
}

function exits(statement: ts.Statement): boolean {
  if (ts.isThrowStatement(statement) || ts.isReturnStatement(statement)) return true;
  // Koa's `ctx.throw(400, '…')` throws an HTTP error.
  if (ts.isExpressionStatement(statement) && ts.isCallExpression(statement.expression)) {
    const callee = statement.expression.expression;
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'throw' && ts.isIdentifier(callee.expression) && KOA_CONTEXT_NAMES.has(callee.expression.text)) return true;
  }
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return !!last && exits(last);
  }
  return false;
}

/** The text a `text.replace(…)` / `text.replaceAll(…)` call starts from. */
export function replacedText(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const method = node.expression.name.text;
  return method === 'replace' || method === 'replaceAll' ? node.expression.expression : undefined;
}
