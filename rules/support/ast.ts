// Small, allocation-light helpers over the TypeScript AST that several rules need: static string values, where a
// literal flows to (the binding, property, parameter or call argument it ends up in), callee names, env reads.
import * as ts from 'typescript';

/** The text of a string literal or a template without substitutions; undefined for anything else. */
export function staticStringValue(node: ts.Node): string | undefined {
  return node.kind === ts.SyntaxKind.StringLiteral || node.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral
    ? (node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral).text
    : undefined;
}

/** The static text of a property name (`a`, `'a'`, `["a"]`, `1`), undefined for computed or private names. */
export function propertyNameText(name: ts.PropertyName | ts.BindingName | undefined): string | undefined {
  if (!name) return undefined;
  switch (name.kind) {
    case ts.SyntaxKind.Identifier:
    case ts.SyntaxKind.StringLiteral:
    case ts.SyntaxKind.NumericLiteral:
    case ts.SyntaxKind.NoSubstitutionTemplateLiteral:
      return name.text;
    case ts.SyntaxKind.ComputedPropertyName:
      return staticStringValue(name.expression);
    default:
      return undefined;
  }
}

/** Skips wrappers that do not change a value: parentheses, `as`, `satisfies`, `<T>x`, `x!`. Upwards. */
export function skipTransparentParents(node: ts.Node): ts.Node {
  let current = node;
  for (;;) {
    const parent = current.parent;
    if (!parent) return current;
    switch (parent.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.NonNullExpression:
        current = parent;
        continue;
      default:
        return current;
    }
  }
}

/** Skips the same wrappers downwards. */
export function skipTransparentExpressions(node: ts.Expression): ts.Expression {
  let current = node;
  for (;;) {
    switch (current.kind) {
      case ts.SyntaxKind.ParenthesizedExpression:
      case ts.SyntaxKind.AsExpression:
      case ts.SyntaxKind.SatisfiesExpression:
      case ts.SyntaxKind.TypeAssertionExpression:
      case ts.SyntaxKind.NonNullExpression:
        current = (current as ts.ParenthesizedExpression).expression;
        continue;
      default:
        return current;
    }
  }
}

/** `process.env.NAME`, `process.env['NAME']` or `import.meta.env.NAME` → `NAME`; otherwise undefined. */
export function envVariableRead(node: ts.Expression): string | undefined {
  const expression = skipTransparentExpressions(node);
  let object: ts.Expression;
  let name: string | undefined;
  if (ts.isPropertyAccessExpression(expression)) {
    object = expression.expression;
    name = ts.isIdentifier(expression.name) ? expression.name.text : undefined;
  } else if (ts.isElementAccessExpression(expression)) {
    object = expression.expression;
    name = staticStringValue(expression.argumentExpression);
  } else {
    return undefined;
  }
  if (name === undefined || !ts.isPropertyAccessExpression(object) || object.name.text !== 'env') return undefined;
  const owner = object.expression;
  if (ts.isIdentifier(owner) && owner.text === 'process') return name;
  if (ts.isMetaProperty(owner) && owner.name.text === 'meta') return name;
  return undefined;
}

/** The last name of a callee: `jwt.sign` → `sign`, `cookieParser` → `cookieParser`, `new a.B()` → `B`. */
export function calleeName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipTransparentExpressions(call.expression);
  if (ts.isIdentifier(callee)) return callee.text;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isElementAccessExpression(callee)) return staticStringValue(callee.argumentExpression);
  return undefined;
}

/** The receiver's name of a method call: `jwt.sign` → `jwt`, `this.jwtService.sign` → `jwtService`. */
export function calleeObjectName(call: ts.CallExpression | ts.NewExpression): string | undefined {
  const callee = skipTransparentExpressions(call.expression);
  if (!ts.isPropertyAccessExpression(callee) && !ts.isElementAccessExpression(callee)) return undefined;
  const object = skipTransparentExpressions(callee.expression);
  if (ts.isIdentifier(object)) return object.text;
  if (ts.isPropertyAccessExpression(object)) return object.name.text;
  return undefined;
}

/** The name an assignment target gives a value: `x`, `a.b.x`, `a['x']`, `this.x` → `x`. */
export function assignmentTargetName(target: ts.Expression): string | undefined {
  const expression = skipTransparentExpressions(target);
  if (ts.isIdentifier(expression)) return expression.text;
  if (ts.isPropertyAccessExpression(expression)) return ts.isIdentifier(expression.name) ? expression.name.text : undefined;
  if (ts.isElementAccessExpression(expression)) return staticStringValue(expression.argumentExpression);
  return undefined;
}

/** Where a value ends up, one step up from it (after skipping transparent wrappers). */
export type ValueDestination =
  | { kind: 'variable' | 'property' | 'parameter' | 'binding' | 'class-field' | 'assignment' | 'jsx-attribute'; name: string; holder: ts.Node }
  | { kind: 'argument'; call: ts.CallExpression | ts.NewExpression; index: number }
  | { kind: 'array-element'; array: ts.ArrayLiteralExpression }
  | { kind: 'other' };

const OTHER: ValueDestination = { kind: 'other' };

/** Declarations whose initializer gives a value a name, and what that name is called. */
const INITIALIZER_KINDS: Partial<Record<ts.SyntaxKind, 'variable' | 'property' | 'parameter' | 'class-field'>> = {
  [ts.SyntaxKind.VariableDeclaration]: 'variable',
  [ts.SyntaxKind.PropertyAssignment]: 'property',
  [ts.SyntaxKind.Parameter]: 'parameter',
  [ts.SyntaxKind.PropertyDeclaration]: 'class-field',
};

/**
 * What a value expression flows into: the variable, property, parameter default, destructuring default, class field,
 * assignment target or JSX attribute it initialises (with that name), or the call argument / array slot it fills.
 * Conditional branches are looked through (`cond ? a : 'lit'` flows where the conditional flows).
 */
export function valueDestination(value: ts.Node): ValueDestination {
  let node = skipTransparentParents(value);
  let parent = node.parent;
  while (parent && ts.isConditionalExpression(parent) && parent.condition !== node) {
    node = skipTransparentParents(parent);
    parent = node.parent;
  }
  if (!parent) return OTHER;
  switch (parent.kind) {
    case ts.SyntaxKind.VariableDeclaration:
    case ts.SyntaxKind.PropertyAssignment:
    case ts.SyntaxKind.Parameter:
    case ts.SyntaxKind.PropertyDeclaration: {
      const holder = parent as ts.VariableDeclaration | ts.PropertyAssignment | ts.ParameterDeclaration | ts.PropertyDeclaration;
      const name = holder.initializer === node ? propertyNameText(holder.name) : undefined;
      return name === undefined ? OTHER : { kind: INITIALIZER_KINDS[parent.kind]!, name, holder };
    }
    case ts.SyntaxKind.BindingElement: {
      const element = parent as ts.BindingElement;
      if (element.initializer !== node) return OTHER;
      // `{ secret: jwtSecret = 'x' }` names the local `jwtSecret`; `{ secret = 'x' }` names `secret`.
      const name = propertyNameText(element.name) ?? propertyNameText(element.propertyName);
      return name === undefined ? OTHER : { kind: 'binding', name, holder: element };
    }
    case ts.SyntaxKind.BinaryExpression: {
      const binary = parent as ts.BinaryExpression;
      if (binary.right !== node) return OTHER;
      const operator = binary.operatorToken.kind;
      if (operator !== ts.SyntaxKind.EqualsToken && operator !== ts.SyntaxKind.BarBarEqualsToken && operator !== ts.SyntaxKind.QuestionQuestionEqualsToken) {
        return OTHER;
      }
      const name = assignmentTargetName(binary.left);
      return name === undefined ? OTHER : { kind: 'assignment', name, holder: binary };
    }
    case ts.SyntaxKind.JsxExpression:
    case ts.SyntaxKind.JsxAttribute: {
      const attribute = parent.kind === ts.SyntaxKind.JsxAttribute ? (parent as ts.JsxAttribute) : parent.parent;
      if (!attribute || !ts.isJsxAttribute(attribute) || !ts.isIdentifier(attribute.name)) return OTHER;
      return { kind: 'jsx-attribute', name: attribute.name.text, holder: attribute };
    }
    case ts.SyntaxKind.CallExpression:
    case ts.SyntaxKind.NewExpression: {
      const call = parent as ts.CallExpression | ts.NewExpression;
      const index = call.arguments ? call.arguments.indexOf(node as ts.Expression) : -1;
      return index < 0 ? OTHER : { kind: 'argument', call, index };
    }
    case ts.SyntaxKind.ArrayLiteralExpression:
      return { kind: 'array-element', array: parent as ts.ArrayLiteralExpression };
    default:
      return OTHER;
  }
}

/** True for nodes that only exist in types or ambient declarations (`type T = 'x'`, `declare const k = 'x'`). */
export function isTypeOnlyPosition(node: ts.Node): boolean {
  if (node.parent && ts.isLiteralTypeNode(node.parent)) return true;
  let inStatement = false;
  let root = node;
  for (let current: ts.Node | undefined = node.parent; current; current = current.parent) {
    root = current;
    if (!inStatement && ts.isTypeNode(current)) return true;
    if (ts.isStatement(current) || ts.isClassElement(current)) {
      inStatement = true;
      if (hasDeclareModifier(current)) return true;
    }
  }
  // The walk ends at the SourceFile: checking it here saves getSourceFile()'s second walk up from every literal.
  return (root as ts.SourceFile).isDeclarationFile === true;
}

function hasDeclareModifier(node: ts.Node): boolean {
  const modifiers = ts.canHaveModifiers(node) ? ts.getModifiers(node) : undefined;
  if (!modifiers) return false;
  for (const modifier of modifiers) if (modifier.kind === ts.SyntaxKind.DeclareKeyword) return true;
  return false;
}

/** True when the literal is a module specifier (`import … from 'x'`, `export … from 'x'`, `import('x')`, `require('x')`). */
export function isModuleSpecifier(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  if (ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) return parent.moduleSpecifier === node;
  if (ts.isExternalModuleReference(parent)) return true;
  if (ts.isCallExpression(parent) && parent.arguments[0] === node) {
    return parent.expression.kind === ts.SyntaxKind.ImportKeyword || (ts.isIdentifier(parent.expression) && parent.expression.text === 'require');
  }
  return false;
}

/** True when the literal names something rather than being a value: a property key, enum member name, etc. */
export function isNamePosition(node: ts.Node): boolean {
  const parent = node.parent;
  if (!parent) return false;
  return (
    ((ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent) || ts.isMethodDeclaration(parent) || ts.isEnumMember(parent) || ts.isPropertySignature(parent)) &&
      parent.name === node) ||
    (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) ||
    ts.isLiteralTypeNode(parent)
  );
}

const WORD_PATTERN = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;

/**
 * Splits an identifier or key into lower-case words: `clientSecret` → [client, secret], `JWT_SECRET` → [jwt, secret],
 * `x-api-key` → [x, api, key], `APIKey` → [api, key]. Number-only parts are dropped.
 */
export function identifierWords(name: string): string[] {
  const words: string[] = [];
  WORD_PATTERN.lastIndex = 0;
  for (let match = WORD_PATTERN.exec(name); match; match = WORD_PATTERN.exec(name)) {
    const word = match[0];
    const code = word.charCodeAt(0);
    if (code >= 48 && code <= 57) continue;
    words.push(word.toLowerCase());
  }
  return words;
}

/** `jwtSecret` → `JWT_SECRET`; keeps only characters valid in an environment variable name. */
export function screamingSnakeCase(name: string): string {
  const parts: string[] = [];
  const pattern = /[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+/g;
  for (let match = pattern.exec(name); match; match = pattern.exec(name)) parts.push(match[0].toUpperCase());
  const joined = parts.join('_');
  return /^[0-9]/.test(joined) ? `_${joined}` : joined;
}

/** True for `.ts`, `.tsx`, `.mts`, `.cts` files (not declaration files). */
export function isTypeScriptFile(fileName: string): boolean {
  return /\.[cm]?tsx?$/i.test(fileName) && !/\.d\.[cm]?ts$/i.test(fileName);
}

/**
 * Depth-first, source-order walk without recursion (deeply nested input must not overflow the stack). The engine's
 * single walk and the dataflow index both use it.
 */
export function walkPreorder(root: ts.Node, visit: (node: ts.Node) => void): void {
  const stack: ts.Node[] = [root];
  // One callback for the whole walk (not a closure per node); children are pushed in source order, then that
  // slice of the stack is reversed so they pop in source order. ~35% faster than collecting into an array.
  const pushChild = (child: ts.Node) => {
    stack.push(child);
  };
  while (stack.length > 0) {
    const node = stack.pop()!;
    visit(node);
    const first = stack.length;
    ts.forEachChild(node, pushChild);
    for (let i = first, j = stack.length - 1; i < j; i++, j--) {
      const swap = stack[i]!;
      stack[i] = stack[j]!;
      stack[j] = swap;
    }
  }
}

/** The first line break a text uses (`\r\n`, `\n` or a lone `\r`), `\n` when it has none: inserted lines match it. */
export function lineBreakOf(text: string): string {
  return /\r\n?|\n/.exec(text)?.[0] ?? '\n';
}

/** `module.exports`, `exports.x`, `module.exports.x` → 'default' or 'x'. */
export function commonJsExportName(target: ts.Expression): string | undefined {
  if (!ts.isPropertyAccessExpression(target)) return undefined;
  const object = target.expression;
  if (ts.isIdentifier(object) && object.text === 'module' && target.name.text === 'exports') return 'default';
  if (ts.isIdentifier(object) && object.text === 'exports') return target.name.text;
  if (ts.isPropertyAccessExpression(object) && ts.isIdentifier(object.expression) && object.expression.text === 'module' && object.name.text === 'exports') return target.name.text;
  return undefined;
}
