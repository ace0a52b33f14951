// A per-file index for local dataflow questions ("what is this identifier bound to, where is it written, who calls
// this function"), built once in one walk and then queried. Syntactic only: scopes are lexical ranges, which is
// exact for the block-scoped code rules look at and never needs a program.
import * as ts from 'typescript';
import { walkPreorder } from './ast';

export type DeclarationNode =
  | ts.VariableDeclaration
  | ts.ParameterDeclaration
  | ts.BindingElement
  | ts.FunctionDeclaration
  | ts.ClassDeclaration
  | ts.EnumDeclaration
  | ts.ImportSpecifier
  | ts.ImportClause
  | ts.NamespaceImport
  | ts.ImportEqualsDeclaration;

export interface LocalDeclaration {
  name: string;
  /** The declaring identifier. */
  nameNode: ts.Identifier;
  node: DeclarationNode;
  /** The node whose range the binding is visible in. */
  scope: ts.Node;
  /** `const`, an import, a function/class/enum declaration: never re-assigned. */
  isConst: boolean;
}

export interface ImportBinding {
  module: string;
  /** 'default', '*' (namespace or whole `require`), or the exported name. */
  imported: string;
}

export interface Write {
  /** `x = …`, `x += …`, `x++`. */
  node: ts.BinaryExpression | ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
  target: ts.Identifier;
  /** The assigned expression (`undefined` for ++/--). */
  value?: ts.Expression;
  operator: ts.SyntaxKind;
}

/** `req.session.sort = …`: a plain assignment to a property. */
export interface PropertyWrite {
  target: ts.PropertyAccessExpression | ts.ElementAccessExpression;
  value: ts.Expression;
}

export class FileIndex {
  private readonly declarations = new Map<string, LocalDeclaration[]>();
  private readonly writes = new Map<string, Write[]>();
  private readonly callsByName = new Map<string, ts.CallExpression[]>();
  private readonly propertyWrites = new Map<string, PropertyWrite[]>();
  readonly imports = new Map<ts.Node, ImportBinding>();

  /**
   * The kinds `add` indexes (every case of its switch). A rule that feeds the index from the engine's walk listens
   * to exactly these, and to nothing more, so nodes of other kinds cost it nothing.
   */
  static readonly INDEXED_KINDS: readonly ts.SyntaxKind[] = [
    ts.SyntaxKind.VariableDeclaration,
    ts.SyntaxKind.Parameter,
    ts.SyntaxKind.BindingElement,
    ts.SyntaxKind.FunctionDeclaration,
    ts.SyntaxKind.ClassDeclaration,
    ts.SyntaxKind.EnumDeclaration,
    ts.SyntaxKind.ImportDeclaration,
    ts.SyntaxKind.ImportEqualsDeclaration,
    ts.SyntaxKind.BinaryExpression,
    ts.SyntaxKind.PrefixUnaryExpression,
    ts.SyntaxKind.PostfixUnaryExpression,
    ts.SyntaxKind.CallExpression,
  ];

  /**
   * Indexes the whole file in a walk of its own, unless `walk: false`: then the caller passes every node of
   * INDEXED_KINDS to `add` in walk order (pre-order, source order), e.g. from the engine's walk, and queries the
   * index only once that walk is over.
   */
  constructor(
    readonly sourceFile: ts.SourceFile,
    { walk = true }: { walk?: boolean } = {},
  ) {
    if (!walk) return;
    walkPreorder(sourceFile, (node) => this.add(node));
  }

  /** Indexes one node (its children are not visited); nodes of other kinds than INDEXED_KINDS are ignored. */
  add(node: ts.Node): void {
    // A switch on kind: this runs for every node of the file, so it avoids a chain of type-guard calls.
    switch (node.kind) {
      case ts.SyntaxKind.VariableDeclaration:
      case ts.SyntaxKind.Parameter:
      case ts.SyntaxKind.BindingElement:
        this.indexBinding(node as ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement);
        return;
      case ts.SyntaxKind.FunctionDeclaration:
      case ts.SyntaxKind.ClassDeclaration:
      case ts.SyntaxKind.EnumDeclaration: {
        const declaration = node as ts.FunctionDeclaration | ts.ClassDeclaration | ts.EnumDeclaration;
        if (declaration.name) this.declare(declaration.name, declaration);
        return;
      }
      case ts.SyntaxKind.ImportDeclaration:
        this.indexImport(node as ts.ImportDeclaration);
        return;
      case ts.SyntaxKind.ImportEqualsDeclaration: {
        const declaration = node as ts.ImportEqualsDeclaration;
        if (ts.isExternalModuleReference(declaration.moduleReference) && ts.isStringLiteral(declaration.moduleReference.expression)) {
          this.declare(declaration.name, declaration);
          this.imports.set(declaration, { module: declaration.moduleReference.expression.text, imported: '*' });
        }
        return;
      }
      case ts.SyntaxKind.BinaryExpression: {
        const binary = node as ts.BinaryExpression;
        if (isAssignmentOperator(binary.operatorToken.kind) && binary.left.kind === ts.SyntaxKind.Identifier) {
          const target = binary.left as ts.Identifier;
          push(this.writes, target.text, { node: binary, target, value: binary.right, operator: binary.operatorToken.kind });
        } else if (binary.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
          const property = assignedPropertyName(binary.left);
          if (property !== undefined) push(this.propertyWrites, property, { target: binary.left as ts.PropertyAccessExpression | ts.ElementAccessExpression, value: binary.right });
        }
        return;
      }
      case ts.SyntaxKind.PrefixUnaryExpression:
      case ts.SyntaxKind.PostfixUnaryExpression: {
        const unary = node as ts.PrefixUnaryExpression | ts.PostfixUnaryExpression;
        if (unary.operand.kind === ts.SyntaxKind.Identifier && (unary.operator === ts.SyntaxKind.PlusPlusToken || unary.operator === ts.SyntaxKind.MinusMinusToken)) {
          const target = unary.operand as ts.Identifier;
          push(this.writes, target.text, { node: unary, target, operator: unary.operator });
        }
        return;
      }
      case ts.SyntaxKind.CallExpression: {
        const callee = (node as ts.CallExpression).expression;
        const name = callee.kind === ts.SyntaxKind.Identifier ? (callee as ts.Identifier).text : callee.kind === ts.SyntaxKind.PropertyAccessExpression ? (callee as ts.PropertyAccessExpression).name.text : undefined;
        if (name) push(this.callsByName, name, node as ts.CallExpression);
        return;
      }
    }
  }

  private indexBinding(node: ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement): void {
    // A JSDoc-style type's parameter (`function(string): void`) has no name at all, whatever the typings say.
    if (!node.name || !ts.isIdentifier(node.name)) return;
    this.declare(node.name, node);
    if (ts.isVariableDeclaration(node)) {
      const required = node.initializer && requiredModule(node.initializer);
      if (required) this.imports.set(node, { module: required, imported: '*' });
    } else if (ts.isBindingElement(node)) {
      const root = bindingRoot(node);
      const required = ts.isVariableDeclaration(root) && root.initializer ? requiredModule(root.initializer) : undefined;
      if (required && node.parent.parent === root) {
        const imported = node.propertyName && ts.isIdentifier(node.propertyName) ? node.propertyName.text : node.name.text;
        this.imports.set(node, { module: required, imported });
      }
    }
  }

  private indexImport(node: ts.ImportDeclaration): void {
    if (!ts.isStringLiteral(node.moduleSpecifier)) return;
    const module = node.moduleSpecifier.text;
    const clause = node.importClause;
    if (clause?.name) {
      this.declare(clause.name, clause);
      this.imports.set(clause, { module, imported: 'default' });
    }
    const bindings = clause?.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) {
      this.declare(bindings.name, bindings);
      this.imports.set(bindings, { module, imported: '*' });
    } else if (bindings) {
      for (const element of bindings.elements) {
        this.declare(element.name, element);
        this.imports.set(element, { module, imported: (element.propertyName ?? element.name).text });
      }
    }
  }

  private declare(nameNode: ts.Identifier, node: DeclarationNode): void {
    push(this.declarations, nameNode.text, { name: nameNode.text, nameNode, node, scope: scopeOf(node), isConst: isConstDeclaration(node) });
  }

  /** The declaration an identifier refers to, or undefined for globals and properties. */
  resolve(identifier: ts.Identifier): LocalDeclaration | undefined {
    const candidates = this.declarations.get(identifier.text);
    if (!candidates) return undefined;
    const position = identifier.getStart(this.sourceFile);
    let best: LocalDeclaration | undefined;
    for (const candidate of candidates) {
      if (candidate.nameNode === identifier) return candidate;
      const scope = candidate.scope;
      if (position < scope.pos || position >= scope.end) continue;
      if (!best || scope.pos > best.scope.pos || (scope.pos === best.scope.pos && scope.end < best.scope.end)) best = candidate;
    }
    return best;
  }

  declarationsNamed(name: string): readonly LocalDeclaration[] {
    return this.declarations.get(name) ?? [];
  }

  /** Assignments to the binding, in source order. */
  writesTo(declaration: LocalDeclaration): Write[] {
    return (this.writes.get(declaration.name) ?? []).filter((write) => this.resolve(write.target) === declaration);
  }

  /** Every identifier that refers to the binding (its declaring identifier excluded), found in its scope. */
  referencesTo(declaration: LocalDeclaration): ts.Identifier[] {
    const found: ts.Identifier[] = [];
    const stack: ts.Node[] = [declaration.scope];
    while (stack.length > 0) {
      const node = stack.pop()!;
      if (node.kind === ts.SyntaxKind.Identifier) {
        const id = node as ts.Identifier;
        if (id.text === declaration.name && id !== declaration.nameNode && !isPropertyName(id) && this.resolve(id) === declaration) found.push(id);
        continue;
      }
      node.forEachChild((child) => {
        stack.push(child);
      });
    }
    return found.sort((a, b) => a.pos - b.pos);
  }

  /** Calls of a function by name (`f(…)` or `x.f(…)`). */
  callsNamed(name: string): readonly ts.CallExpression[] {
    return this.callsByName.get(name) ?? [];
  }

  importOf(declaration: LocalDeclaration): ImportBinding | undefined {
    return this.imports.get(declaration.node);
  }

  /** `x.name = …` and `x['name'] = …` anywhere in the file, in source order. */
  propertyWritesNamed(name: string): readonly PropertyWrite[] {
    return this.propertyWrites.get(name) ?? [];
  }

  /** Every property write of the file, grouped by property name. */
  allPropertyWrites(): Iterable<readonly PropertyWrite[]> {
    return this.propertyWrites.values();
  }
}

function assignedPropertyName(target: ts.Expression): string | undefined {
  if (target.kind === ts.SyntaxKind.PropertyAccessExpression) return (target as ts.PropertyAccessExpression).name.text;
  if (target.kind === ts.SyntaxKind.ElementAccessExpression) {
    const argument = (target as ts.ElementAccessExpression).argumentExpression;
    return ts.isStringLiteralLike(argument) ? argument.text : undefined;
  }
  return undefined;
}

/** `require('x')` or `require('x').y` → 'x'. */
export function requiredModule(expression: ts.Expression): string | undefined {
  const inner = skipOuterExpressions(expression);
  if (ts.isCallExpression(inner) && ts.isIdentifier(inner.expression) && inner.expression.text === 'require' && inner.arguments.length === 1) {
    const arg = inner.arguments[0]!;
    if (ts.isStringLiteralLike(arg)) return arg.text;
  }
  return undefined;
}

/** Parentheses, `await`, `!`, `as T`, `<T>x`, `satisfies T`: none of them change which value flows. */
export function skipOuterExpressions(expression: ts.Expression): ts.Expression {
  let current = expression;
  for (;;) {
    if (ts.isParenthesizedExpression(current) || ts.isAwaitExpression(current) || ts.isNonNullExpression(current) ||
      ts.isAsExpression(current) || ts.isTypeAssertionExpression(current) || ts.isSatisfiesExpression(current)) {
      current = current.expression;
    } else {
      return current;
    }
  }
}

export function bindingRoot(element: ts.BindingElement): ts.VariableDeclaration | ts.ParameterDeclaration | ts.BindingElement {
  let current: ts.Node = element;
  while (ts.isBindingElement(current) || ts.isObjectBindingPattern(current) || ts.isArrayBindingPattern(current)) current = current.parent;
  return current as ts.VariableDeclaration | ts.ParameterDeclaration;
}

/** Property names along a binding element's path from its root: `const { body: { name } } = req` → ['body', 'name']. */
export function bindingPath(element: ts.BindingElement): string[] | undefined {
  const names: string[] = [];
  let current: ts.Node = element;
  while (ts.isBindingElement(current)) {
    if (ts.isArrayBindingPattern(current.parent)) {
      names.unshift(String(current.parent.elements.indexOf(current)));
    } else {
      const key = current.propertyName ?? current.name;
      if (!ts.isIdentifier(key) && !ts.isStringLiteral(key)) return undefined;
      names.unshift(key.text);
    }
    current = current.parent.parent;
  }
  return names;
}

/**
 * The operands of a left-associated chain of one operator (`a + b + c` → [a, b, c]), collected without
 * recursion: generated code concatenates thousands of terms, and each `+` is one level of the tree.
 */
export function operandsOfChain(expression: ts.Expression, operator: ts.SyntaxKind): ts.Expression[] {
  const operands: ts.Expression[] = [];
  let current: ts.Expression = expression;
  while (ts.isBinaryExpression(current) && current.operatorToken.kind === operator) {
    operands.push(current.right);
    current = skipOuterExpressions(current.left);
  }
  operands.push(current);
  return operands.reverse();
}

export function enclosingFunction(node: ts.Node): ts.SignatureDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isFunctionLike(current)) return current;
  }
  return undefined;
}

function scopeOf(node: DeclarationNode): ts.Node {
  if (ts.isImportSpecifier(node) || ts.isImportClause(node) || ts.isNamespaceImport(node) || ts.isImportEqualsDeclaration(node)) {
    return node.getSourceFile();
  }
  if (ts.isParameter(node)) return node.parent;
  let declaration: ts.Node = node;
  if (ts.isBindingElement(node)) {
    declaration = bindingRoot(node);
    if (ts.isParameter(declaration)) return declaration.parent;
  }
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    if (ts.isCatchClause(list)) return list;
    const blockScoped = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) !== 0;
    const container = ts.isVariableDeclarationList(list) ? list.parent : list;
    if (ts.isForStatement(container) || ts.isForOfStatement(container) || ts.isForInStatement(container)) return container;
    for (let current: ts.Node | undefined = container.parent; current; current = current.parent) {
      if (blockScoped ? isBlockScope(current) : ts.isFunctionLike(current) || ts.isSourceFile(current)) return current;
    }
    return declaration.getSourceFile();
  }
  for (let current: ts.Node | undefined = declaration.parent; current; current = current.parent) {
    if (isBlockScope(current)) return current;
  }
  return declaration.getSourceFile();
}

function isBlockScope(node: ts.Node): boolean {
  return ts.isBlock(node) || ts.isSourceFile(node) || ts.isModuleBlock(node) || ts.isCaseBlock(node) || ts.isFunctionLike(node) || ts.isClassStaticBlockDeclaration(node);
}

function isConstDeclaration(node: DeclarationNode): boolean {
  if (ts.isParameter(node)) return false;
  let declaration: ts.Node = node;
  if (ts.isBindingElement(node)) declaration = bindingRoot(node);
  if (ts.isParameter(declaration)) return false;
  if (ts.isVariableDeclaration(declaration)) {
    const list = declaration.parent;
    return ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.Const) !== 0;
  }
  return true;
}

export function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** `x.name`, `{ name: … }`, `name() {}`: an identifier that is a property name, not a reference. */
export function isPropertyName(id: ts.Identifier): boolean {
  const parent = id.parent;
  if (!parent) return false;
  if (ts.isPropertyAccessExpression(parent) && parent.name === id) return true;
  if ((ts.isPropertyAssignment(parent) || ts.isMethodDeclaration(parent) || ts.isPropertyDeclaration(parent) || ts.isPropertySignature(parent) ||
    ts.isMethodSignature(parent) || ts.isGetAccessor(parent) || ts.isSetAccessor(parent) || ts.isEnumMember(parent)) && parent.name === id) return true;
  if (ts.isBindingElement(parent) && parent.propertyName === id) return true;
  if ((ts.isImportSpecifier(parent) || ts.isExportSpecifier(parent)) && parent.propertyName === id) return true;
  if (ts.isQualifiedName(parent) && parent.right === id) return true;
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return false;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** Lazily builds one index per source file; rules call `indexFor(sourceFile)` from any visitor. */
export function lazyFileIndex(sourceFile: ts.SourceFile): () => FileIndex {
  let index: FileIndex | undefined;
  return () => (index ??= new FileIndex(sourceFile));
}
