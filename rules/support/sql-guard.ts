// The allow-list guard `unparameterized-query` inserts before a query whose identifier (column, table, sort
// direction) is a value: which values the list holds (what the code already knows), and how a rejected value is
// answered. In a request handler the guard answers 400 in the framework's idiom (an `Error` there becomes a 500);
// elsewhere (services, repositories, nested callbacks that cannot return from the handler) it throws a RangeError,
// the standard error for "a value outside the allowed set", which the caller can tell from a failure.
import * as ts from 'typescript';
import { propertyNameText } from './ast';
import { modelOfReceiver, dataModelLookup } from './data-models';
import { enclosingFunction, skipOuterExpressions, type FileIndex, type LocalDeclaration } from './dataflow';
import type { DataModel } from './api-model';
import type { RuleContext, RuleEdit } from './rule';
import { decoratorsOf } from './response-sinks';
import { isSensitiveFieldName } from '../data/sensitive-fields';
import { EXPRESS, FASTIFY, HONO, KOA, NEST, NEXT } from '../data/frameworks';
import { EXPRESS_RESPONSE_NAMES, FASTIFY_REPLY_NAMES, HONO_CONTEXT_NAMES, KOA_CONTEXT_NAMES } from '../data/responses';

/** What the identifier names in the SQL: the guard's list, variable name and 400 message follow from it. */
/** `name`: a quoted identifier in no telling place (`CREATE SCHEMA "${x}"`): a schema, database, column… */
export type IdentifierKind = 'sort direction' | 'sort column' | 'column' | 'table' | 'name';

/** What the TODO and the fix title ask for, per kind. */
export const KIND_PLURALS: Record<IdentifierKind, string> = { 'sort direction': 'sort directions', 'sort column': 'columns', column: 'columns', table: 'tables', name: 'names' };

export const SORT_DIRECTIONS = ['ASC', 'DESC', 'asc', 'desc'];

export interface AllowedValues {
  /** The list as source text: `['name', 'price']`, `SORTABLE_COLUMNS`, `Object.values(SortColumn)`. */
  listText: string;
  /** False when the code does not say which values are allowed (the list is a TODO and the fix title says so). */
  known: boolean;
  /** For the fix title, when the list is inferred rather than written in the code: "the values it is compared with". */
  inferredFrom?: string;
}

// ---------------------------------------------------------------------------------------------------------------
// The allowed values, from what the code knows.

/** Words of a constant's name that say it lists values of this kind (`SORTABLE_COLUMNS`, `DIRECTIONS`). */
const KIND_WORDS: Record<IdentifierKind, ReadonlySet<string>> = {
  'sort direction': new Set(['direction', 'directions', 'dir', 'dirs', 'order', 'orders']),
  'sort column': new Set(['sort', 'sortable', 'sorts', 'order', 'orderable', 'column', 'columns', 'field', 'fields', 'key', 'keys']),
  column: new Set(['column', 'columns', 'field', 'fields', 'select', 'selectable', 'attribute', 'attributes']),
  table: new Set(['table', 'tables', 'entity', 'entities', 'model', 'models', 'collection', 'collections']),
  name: new Set(['name', 'names', 'identifier', 'identifiers']),
};
/** An identifier an allow-list may hold: a name, optionally qualified (`u.name`). */
const IDENTIFIER_VALUE = /^[A-Za-z_][\w$]*(?:\.[A-Za-z_][\w$]*)?$/;
const DIRECTION_VALUE = /^(?:asc|desc)$/i;

/**
 * The values `value` may take, in order of trust: a constant list or string enum in scope named for it, the literal
 * type it is declared with, the literals it is compared with (`===`, `switch`), the columns of the model the query
 * reads; a sort direction is ASC/DESC. A default value alone (`?? 'created_at'`) is only a start: the list keeps a TODO.
 */
export function allowedValuesFor(value: ts.Expression, kind: IdentifierKind, sql: string, call: ts.CallExpression, index: FileIndex, context: RuleContext<unknown>): AllowedValues {
  const constant = constantListFor(value, kind, index);
  if (constant) return { listText: constant, known: true };
  const { typed, compared, defaults } = literalsOf(value, index);
  const accept = (text: string) => (kind === 'sort direction' ? DIRECTION_VALUE.test(text) : IDENTIFIER_VALUE.test(text) && !DIRECTION_VALUE.test(text));
  const declared = typed.filter(accept);
  if (declared.length > 0 && declared.length === typed.length) return { listText: arrayText(declared), known: true };
  const known = compared.filter(accept);
  if (known.length > 0) return { listText: arrayText([...known, ...defaults.filter((d) => accept(d) && !known.includes(d))]), known: true, inferredFrom: 'the values it is compared with' };
  if (kind === 'sort direction') return { listText: arrayText(SORT_DIRECTIONS), known: true };
  if (kind === 'column' || kind === 'sort column') {
    const columns = modelColumns(call, sql, index, context);
    if (columns) return { listText: arrayText(columns.names), known: true, inferredFrom: `the columns of ${columns.model}` };
  }
  const todo = `/* TODO: list the allowed ${KIND_PLURALS[kind]} */`;
  const start = defaults.filter(accept);
  return { listText: start.length > 0 ? `[${start.map(quote).join(', ')}, ${todo}]` : `[${todo}]`, known: false };
}

function arrayText(values: readonly string[]): string {
  return `[${[...new Set(values)].map(quote).join(', ')}]`;
}

function quote(value: string): string {
  return `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}

/** Lower-case words of a name: `SORTABLE_COLUMNS` → sortable, columns; `sortBy` → sort, by. */
function wordsOf(name: string): string[] {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').split(/[^A-Za-z0-9]+/).filter(Boolean).map((word) => word.toLowerCase());
}

function nameOfValue(value: ts.Expression): string | undefined {
  const node = skipOuterExpressions(value);
  if (ts.isIdentifier(node)) return node.text;
  if (ts.isPropertyAccessExpression(node)) return node.name.text;
  return undefined;
}

/**
 * A constant array of identifiers (`const SORTABLE = ['name', 'price'] as const`, `Object.freeze([…])`, `new
 * Set([…])`) or a string enum, declared at the top of the file or in a function around the query, whose name
 * shares a word with the value's name or says what kind of identifier it lists. Ties are not guessed between.
 */
function constantListFor(value: ts.Expression, kind: IdentifierKind, index: FileIndex): string | undefined {
  const valueWords = new Set((nameOfValue(value) ?? '').length > 0 ? wordsOf(nameOfValue(value)!) : []);
  const kindWords = KIND_WORDS[kind];
  let best: { text: string; score: number } | undefined;
  let tied = false;
  const consider = (name: string, values: readonly string[], text: string) => {
    if (values.length === 0) return;
    const directions = values.every((v) => DIRECTION_VALUE.test(v));
    if (kind === 'sort direction' ? !directions : directions || !values.every((v) => IDENTIFIER_VALUE.test(v))) return;
    const words = wordsOf(name);
    const score = words.filter((word) => valueWords.has(word)).length * 2 + words.filter((word) => kindWords.has(word)).length;
    if (score === 0) return;
    if (!best || score > best.score) {
      best = { text, score };
      tied = false;
    } else if (score === best.score) tied = true;
  };
  const scopes: ts.Node[] = [];
  for (let fn = enclosingFunction(value); fn; fn = enclosingFunction(fn)) if ('body' in fn && fn.body && ts.isBlock(fn.body)) scopes.push(fn.body);
  scopes.push(index.sourceFile);
  for (const scope of scopes) {
    for (const statement of (scope as ts.Block | ts.SourceFile).statements) {
      if (ts.isEnumDeclaration(statement)) {
        const values = statement.members.map((member) => (member.initializer && ts.isStringLiteral(member.initializer) ? member.initializer.text : undefined));
        if (values.every((v): v is string => v !== undefined)) consider(statement.name.text, values, `Object.values(${statement.name.text})`);
        continue;
      }
      if (!ts.isVariableStatement(statement) || !(statement.declarationList.flags & ts.NodeFlags.Const)) continue;
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || !declaration.initializer) continue;
        const list = constantArray(declaration.initializer);
        if (list) consider(declaration.name.text, list.values, list.isSet ? `[...${declaration.name.text}]` : declaration.name.text);
      }
    }
    if (best) break;
  }
  return best && !tied ? (best as { text: string }).text : undefined;
}

function constantArray(initializer: ts.Expression): { values: string[]; isSet: boolean } | undefined {
  let node = skipOuterExpressions(initializer);
  let isSet = false;
  if (ts.isCallExpression(node) && node.arguments.length === 1 && /^Object\.freeze$/.test(node.expression.getText())) node = skipOuterExpressions(node.arguments[0]!);
  else if (ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Set' && node.arguments?.length === 1) {
    node = skipOuterExpressions(node.arguments[0]!);
    isSet = true;
  }
  if (!ts.isArrayLiteralExpression(node)) return undefined;
  const values: string[] = [];
  for (const element of node.elements) {
    const inner = skipOuterExpressions(element as ts.Expression);
    if (!ts.isStringLiteralLike(inner)) return undefined;
    values.push(inner.text);
  }
  return { values, isSet };
}

/**
 * String literals the value is declared as (`sort: 'name' | 'price'`) or compared with (`sort === 'name'`, `case
 * 'price':`), and its default (`= 'name'`, `?? 'name'`, `|| 'name'`), in the functions around the query.
 */
function literalsOf(value: ts.Expression, index: FileIndex): { typed: string[]; compared: string[]; defaults: string[] } {
  const typed: string[] = [];
  const compared: string[] = [];
  const defaults: string[] = [];
  const node = skipOuterExpressions(value);
  const sourceFile = index.sourceFile;
  const text = node.getText(sourceFile);
  const declaration = ts.isIdentifier(node) ? index.resolve(node) : undefined;
  if (declaration) {
    declaredLiterals(declaration, typed, defaults);
    for (const reference of index.referencesTo(declaration)) comparedWith(reference, compared);
  } else {
    // `req.query.sort`: the same text elsewhere in the function.
    const fn = enclosingFunction(node);
    const body = fn && 'body' in fn ? fn.body : undefined;
    if (body) {
      const stack: ts.Node[] = [body];
      while (stack.length > 0) {
        const current = stack.pop()!;
        if (ts.isPropertyAccessExpression(current) && current !== node && current.getText(sourceFile) === text) {
          comparedWith(current, compared);
          continue;
        }
        current.forEachChild((child) => {
          stack.push(child);
        });
      }
    }
  }
  return { typed: [...new Set(typed)], compared: [...new Set(compared)], defaults: [...new Set(defaults)] };
}

function declaredLiterals(declaration: LocalDeclaration, typed: string[], defaults: string[]): void {
  const node = declaration.node;
  if (!ts.isVariableDeclaration(node) && !ts.isParameter(node) && !ts.isBindingElement(node)) return;
  if (!ts.isBindingElement(node) && node.type) literalUnion(node.type, typed);
  const initializer = node.initializer;
  if (!initializer) return;
  // A binding's `= 'x'` and a parameter's default are defaults; so is the right side of `?? 'x'` / `|| 'x'`.
  if (ts.isBindingElement(node) || ts.isParameter(node)) {
    const literal = skipOuterExpressions(initializer);
    if (ts.isStringLiteralLike(literal)) defaults.push(literal.text);
    return;
  }
  let current = skipOuterExpressions(initializer);
  if (ts.isAsExpression(initializer) || ts.isSatisfiesExpression(initializer)) literalUnion(initializer.type, typed);
  for (let depth = 0; depth < 4; depth++) {
    if (ts.isCallExpression(current) && ts.isIdentifier(current.expression) && current.expression.text === 'String' && current.arguments.length === 1) {
      current = skipOuterExpressions(current.arguments[0]!);
      continue;
    }
    if (ts.isCallExpression(current) && ts.isPropertyAccessExpression(current.expression) && /^to(?:Lower|Upper)Case$/.test(current.expression.name.text)) {
      current = skipOuterExpressions(current.expression.expression);
      continue;
    }
    break;
  }
  if (ts.isBinaryExpression(current) && (current.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || current.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    const fallback = skipOuterExpressions(current.right);
    if (ts.isStringLiteralLike(fallback)) defaults.push(fallback.text);
  }
  if (ts.isConditionalExpression(current)) {
    for (const branch of [current.whenTrue, current.whenFalse]) {
      const literal = skipOuterExpressions(branch);
      if (ts.isStringLiteralLike(literal)) defaults.push(literal.text);
    }
  }
}

function literalUnion(type: ts.TypeNode, into: string[]): void {
  const members = ts.isUnionTypeNode(type) ? type.types : [type];
  const values = members.map((member) => (ts.isLiteralTypeNode(member) && ts.isStringLiteral(member.literal) ? member.literal.text : undefined));
  if (values.every((v): v is string => v !== undefined)) into.push(...values);
}

function comparedWith(reference: ts.Node, into: string[]): void {
  let node: ts.Node = reference;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isBinaryExpression(parent)) {
    const kind = parent.operatorToken.kind;
    if (kind !== ts.SyntaxKind.EqualsEqualsEqualsToken && kind !== ts.SyntaxKind.EqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsEqualsToken && kind !== ts.SyntaxKind.ExclamationEqualsToken) return;
    const other = skipOuterExpressions(parent.left === node ? parent.right : parent.left);
    if (ts.isStringLiteralLike(other)) into.push(other.text);
    return;
  }
  if (ts.isSwitchStatement(parent) && parent.expression === node) {
    for (const clause of parent.caseBlock.clauses) {
      if (!ts.isCaseClause(clause)) continue;
      const label = skipOuterExpressions(clause.expression);
      if (ts.isStringLiteralLike(label)) into.push(label.text);
    }
  }
}

/**
 * The columns of the model the query reads, when the index knows it: the entity of a TypeORM query builder
 * (`getRepository(User).createQueryBuilder('u')`), or for raw SQL the model whose table (or name) is the one after
 * FROM. Relations, fields the ORM hides (`select: false`) and secrets (`passwordHash`) are left out: sorting by a
 * secret column leaks its order.
 */
function modelColumns(call: ts.CallExpression, sql: string, index: FileIndex, context: RuleContext<unknown>): { names: string[]; model: string } | undefined {
  let model: DataModel | undefined;
  const lookup = dataModelLookup(context, index);
  if (lookup.models.all.length === 0) return undefined;
  for (let current: ts.Expression = call.expression; ; ) {
    const callee = skipOuterExpressions(current);
    if (!ts.isPropertyAccessExpression(callee)) break;
    const receiver = skipOuterExpressions(callee.expression);
    if (callee.name.text === 'createQueryBuilder') {
      model = modelOfReceiver(receiver, lookup)?.model;
      break;
    }
    if (!ts.isCallExpression(receiver)) break;
    current = receiver.expression;
  }
  if (!model) {
    const table = /\bFROM\s+[`"]?(?:\w+[`"]?\.[`"]?)?(\w+)/i.exec(sql)?.[1];
    if (table) model = modelForTable(table, lookup.models.all);
  }
  if (!model || model.partial) return undefined;
  const columns = model.fields.filter((field) => !field.relation && !field.hiddenBy && !isSensitiveFieldName(field.name)).map((field) => field.name);
  return columns.length > 0 ? { names: columns, model: model.name } : undefined;
}

/** The model whose table is `table` (`users`), else the one named like it (`User`, `Users`); none when several fit. */
function modelForTable(table: string, models: readonly DataModel[]): DataModel | undefined {
  const wanted = table.toLowerCase();
  const byTable = models.filter((model) => model.tableName?.toLowerCase() === wanted);
  if (byTable.length > 0) return byTable.length === 1 ? byTable[0] : undefined;
  const singular = wanted.replace(/ies$/, 'y').replace(/s$/, '');
  const byName = models.filter((model) => !model.tableName && [wanted, singular].includes(model.name.toLowerCase()));
  return byName.length === 1 ? byName[0] : undefined;
}

// ---------------------------------------------------------------------------------------------------------------
// How a rejected value is answered.

export type Answering = 'express' | 'fastify' | 'koa' | 'hono' | 'next' | 'nestjs' | 'throw';

export interface Rejection {
  how: Answering;
  /** The statement after `if (!list.includes(value)) `, for a message; multi-line ones use `indent`. */
  statement(message: string, indent: string, unit: string, lineBreak: string): string;
  /** Imports the statement needs (NestJS's BadRequestException). */
  edits: RuleEdit[];
}

const EXPRESS_TYPE_MODULES = /^(?:express|@types\/express|express-serve-static-core|next)$/;
const NEXT_ROUTE_FILE = /(?:^|[\\/])route\.[cm]?[jt]sx?$/;

/**
 * How the function the guard goes into answers a request: the guard's own function must be the handler, since a
 * guard inside a nested callback (`rows.forEach((r) => …)`) cannot return from it, and there it throws.
 */
export function rejectionFor(statement: ts.Statement, index: FileIndex, filePath: string): Rejection {
  const fn = enclosingFunction(statement);
  const thrown: Rejection = { how: 'throw', edits: [], statement: (message) => `throw new RangeError(${quote(message)});` };
  if (!fn) return thrown;
  const modules = new Set([...index.imports.values()].map((binding) => binding.module));
  const imports = (names: ReadonlySet<string>) => [...modules].some((module) => names.has(module));

  if (ts.isMethodDeclaration(fn) && isNestRoute(fn)) {
    const imported = nestImport(index);
    if (imported) return { how: 'nestjs', edits: imported.edits, statement: (message) => `throw new ${imported.name}(${quote(message)});` };
    return thrown;
  }
  if (NEXT_ROUTE_FILE.test(filePath) && isNextRouteHandler(fn)) {
    const nextResponse = [...index.imports.entries()].find(([, binding]) => binding.module === 'next/server' && binding.imported === 'NextResponse');
    const name = nextResponse ? localNameOf(nextResponse[0]) ?? 'Response' : 'Response';
    return { how: 'next', edits: [], statement: (message) => `return ${name}.json({ error: ${quote(message)} }, { status: 400 });` };
  }
  const names = fn.parameters.map((parameter) => (ts.isIdentifier(parameter.name) ? parameter.name.text : undefined));
  const typeModules = fn.parameters.map((parameter) => typeModuleOf(parameter, index));
  const second = names[1];
  if (second && (FASTIFY_REPLY_NAMES.has(second) || typeModules[1] === 'fastify' || ((imports(FASTIFY.modules) || imports(FASTIFY.pluginWrappers) || (!imports(EXPRESS.modules) && isFastifyPluginRoute(fn, index))) && EXPRESS_RESPONSE_NAMES.has(second)))) {
    return { how: 'fastify', edits: [], statement: (message) => `return ${second}.code(400).send({ error: ${quote(message)} });` };
  }
  if (second && (EXPRESS_RESPONSE_NAMES.has(second) || (typeModules[1] !== undefined && EXPRESS_TYPE_MODULES.test(typeModules[1]))) && !modules.has('http') && !modules.has('node:http')) {
    return {
      how: 'express',
      edits: [],
      // A bare `return;` after answering: `return res.status(…)…` would break handlers typed `Promise<void>` and `noImplicitReturns`.
      statement: (message, indent, unit, lineBreak) => `{${lineBreak}${indent}${unit}${second}.status(400).json({ error: ${quote(message)} });${lineBreak}${indent}${unit}return;${lineBreak}${indent}}`,
    };
  }
  const first = names[0];
  if (first && (HONO_CONTEXT_NAMES.has(first) || KOA_CONTEXT_NAMES.has(first)) && fn.parameters.length <= 2) {
    const hono = typeModules[0]?.startsWith('hono') || [...modules].some((module) => HONO.modules.has(module) || module.startsWith('hono/'));
    const koa = typeModules[0] !== undefined && /^(?:koa|@koa\/router|koa-router|@types\/koa)/.test(typeModules[0]) || imports(KOA.appModules) || imports(KOA.routerModules);
    if (hono && !koa) return { how: 'hono', edits: [], statement: (message) => `return ${first}.json({ error: ${quote(message)} }, 400);` };
    if (koa && !hono && KOA_CONTEXT_NAMES.has(first)) return { how: 'koa', edits: [], statement: (message) => `${first}.throw(400, ${quote(message)});` };
  }
  return thrown;
}

/**
 * `fastify.get('/x', async (req, res) => …)` in a plugin file, which often imports nothing from fastify: the
 * instance is named for it, or is the first parameter of a plugin `(app, opts)`. Its reply has no `json()`.
 */
function isFastifyPluginRoute(fn: ts.SignatureDeclaration, index: FileIndex): boolean {
  const registration = fn.parent;
  if (!ts.isCallExpression(registration) || !ts.isPropertyAccessExpression(registration.expression) || !registration.arguments.includes(fn as ts.Expression)) return false;
  const instance = skipOuterExpressions(registration.expression.expression);
  if (!ts.isIdentifier(instance)) return false;
  if (/fastify/i.test(instance.text)) return true;
  const declaration = index.resolve(instance)?.node;
  if (!declaration || !ts.isParameter(declaration) || !ts.isFunctionLike(declaration.parent)) return false;
  const plugin = declaration.parent;
  const options = plugin.parameters[1];
  return plugin.parameters[0] === declaration && !!options && ts.isIdentifier(options.name) && /^_?(opts|options)$/.test(options.name.text);
}

function localNameOf(node: ts.Node): string | undefined {
  return ts.isImportSpecifier(node) ? node.name.text : undefined;
}

/** The module a parameter's declared type is imported from (`res: Response` from express, `ctx: Context` from koa). */
function typeModuleOf(parameter: ts.ParameterDeclaration, index: FileIndex): string | undefined {
  let type = parameter.type;
  if (!type || !ts.isTypeReferenceNode(type)) return undefined;
  let name = type.typeName;
  while (ts.isQualifiedName(name)) name = name.left;
  const declaration = index.resolve(name);
  return declaration ? index.importOf(declaration)?.module : undefined;
}

function decoratorName(decorator: ts.Decorator): string | undefined {
  const expression = ts.isCallExpression(decorator.expression) ? decorator.expression.expression : decorator.expression;
  return ts.isIdentifier(expression) ? expression.text : undefined;
}

/** A method with a route decorator in a `@Controller()` class. */
function isNestRoute(method: ts.MethodDeclaration): boolean {
  if (!decoratorsOf(method).some((decorator) => NEST.routeDecorators.has(decoratorName(decorator) ?? ''))) return false;
  return ts.isClassDeclaration(method.parent) && decoratorsOf(method.parent).some((decorator) => decoratorName(decorator) === 'Controller');
}

/** BadRequestException as the file can name it, with the edit that imports it from '@nestjs/common' when needed. */
function nestImport(index: FileIndex): { name: string; edits: RuleEdit[] } | undefined {
  let commonImport: ts.ImportDeclaration | undefined;
  for (const [node, binding] of index.imports) {
    if (binding.module !== '@nestjs/common') continue;
    if (binding.imported === 'BadRequestException' && ts.isImportSpecifier(node)) return { name: node.name.text, edits: [] };
    if (ts.isImportSpecifier(node) && !node.isTypeOnly && !node.parent.parent.isTypeOnly && ts.isImportDeclaration(node.parent.parent.parent)) commonImport = node.parent.parent.parent;
  }
  if (index.declarationsNamed('BadRequestException').length > 0) return undefined;
  const named = commonImport?.importClause?.namedBindings;
  if (!named || !ts.isNamedImports(named) || named.elements.length === 0) return undefined;
  const last = named.elements[named.elements.length - 1]!;
  return { name: 'BadRequestException', edits: [{ start: last.end, end: last.end, newText: ', BadRequestException' }] };
}

/** `export async function GET(request)` / `export const POST = async (req) => …` of an App Router route file. */
function isNextRouteHandler(fn: ts.SignatureDeclaration): boolean {
  const exported = (node: ts.Node) => ts.canHaveModifiers(node) && (ts.getModifiers(node) ?? []).some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
  if (ts.isFunctionDeclaration(fn)) return !!fn.name && NEXT.routeHandlerMethods.has(fn.name.text) && exported(fn);
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  const declaration = fn.parent;
  if (!ts.isVariableDeclaration(declaration) || declaration.initializer !== fn) return false;
  const name = propertyNameText(declaration.name);
  const statement = declaration.parent.parent;
  return !!name && NEXT.routeHandlerMethods.has(name) && ts.isVariableStatement(statement) && exported(statement);
}
