// SQL driver values that other modules of the workspace export: `export const pool = new Pool()`, `module.exports =
// new Sequelize(…)`, `export default knex(cfg)`, `exports.db = pgp(cn)`, the sequelize-cli registry (`db.sequelize =
// sequelize; module.exports = db`), re-exports (`export { pool } from './pool'`, `export * from './db'`,
// `module.exports = require('./db')`) and path aliases (`@/db`, through the engine's `resolveModule`). Followed at
// most MAX_MODULE_HOPS files away; parses are kept by file text, so a keystroke in the analysed file re-parses nothing.
import * as path from 'node:path';
import * as ts from 'typescript';
import { FileIndex, requiredModule, skipOuterExpressions } from './dataflow';
import type { WorkspaceReader } from './rule';
import { isRelativeSpecifier, SqlReceivers, type DriverValue, type FunctionWithBody } from './sql-receivers';

/** How many files away from the analysed one a driver value is followed (its direct import is the first). */
export const MAX_MODULE_HOPS = 3;
const MAX_PARSED_MODULES = 500;
const MAX_MODULE_SIZE = 512 * 1024;
/** Used only when the workspace reader cannot resolve modules itself (relative specifiers only). */
const RELATIVE_SUFFIXES = ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '/index.ts', '/index.js'];

/** Parsed modules, keyed by path and checked against their current text: sinks ask again on every keystroke. */
const parsedModules = new Map<string, { text: string; index: FileIndex }>();

/** Follows an import to the export it names: `member` is a property of that export (`db.sequelize`). */
type FollowExport = (specifier: string, exportName: string, member?: string) => DriverValue | undefined;

/** One analysis's answers about the modules around a file (answers are not kept across analyses; parses are). */
export class DriverExports {
  private readonly answers = new Map<string, DriverValue | null>();
  private readonly receiversByModule = new Map<string, SqlReceivers>();
  /** `router.get`, `items.map` ask about `express` and friends too: each specifier is resolved once per analysis. */
  private readonly resolutions = new Map<string, string | undefined>();

  constructor(
    private readonly workspace: WorkspaceReader,
    private readonly analysedFile: string,
  ) {}

  /** What the module `specifier` (as `fromFile` wrote it) exports under `exportName` ('default', '*' for the whole module), or its property `member`, when that is a driver value. */
  lookup(specifier: string, exportName: string, member?: string, fromFile = this.analysedFile, hop = 1): DriverValue | undefined {
    if (hop > MAX_MODULE_HOPS) return undefined;
    const target = this.resolve(fromFile, specifier);
    if (!target || target === this.analysedFile) return undefined;
    const key = `${target}\0${exportName}\0${member ?? ''}\0${hop}`;
    const known = this.answers.get(key);
    if (known !== undefined) return known ?? undefined;
    this.answers.set(key, null); // a cycle of re-exports ends here
    const index = parsedModule(this.workspace, target);
    const follow: FollowExport = (next, name, nextMember) => this.lookup(next, name, nextMember, target, hop + 1);
    const value = index ? exportedDriverValue(index, this.receiversFor(target, index, hop, follow), exportName, member, follow) : undefined;
    this.answers.set(key, value ?? null);
    return value;
  }

  private receiversFor(target: string, index: FileIndex, hop: number, follow: FollowExport): SqlReceivers {
    const key = `${target}\0${hop}`;
    let receivers = this.receiversByModule.get(key);
    if (!receivers) this.receiversByModule.set(key, (receivers = new SqlReceivers(index, follow)));
    return receivers;
  }

  private resolve(fromFile: string, specifier: string): string | undefined {
    const key = `${path.dirname(fromFile)}\0${specifier}`;
    if (this.resolutions.has(key)) return this.resolutions.get(key);
    const target = this.resolveUncached(fromFile, specifier);
    this.resolutions.set(key, target);
    return target;
  }

  private resolveUncached(fromFile: string, specifier: string): string | undefined {
    if (this.workspace.resolveModule) return this.workspace.resolveModule(fromFile, specifier);
    if (!isRelativeSpecifier(specifier)) return undefined;
    const base = path.resolve(path.dirname(fromFile), specifier);
    const stem = base.replace(/\.[cm]?js$/, '');
    return [base, ...RELATIVE_SUFFIXES.map((suffix) => stem + suffix)].find((candidate) => /\.[cm]?[jt]sx?$/.test(candidate) && this.workspace.fileExists(candidate));
  }
}

function parsedModule(workspace: WorkspaceReader, filePath: string): FileIndex | undefined {
  const text = workspace.readFile(filePath);
  if (text === undefined || text.length > MAX_MODULE_SIZE) return undefined;
  const cached = parsedModules.get(filePath);
  if (cached && cached.text === text) return cached.index;
  const sourceFile = ts.createSourceFile(filePath, text, ts.ScriptTarget.Latest, true, /\.[cm]?jsx?$/.test(filePath) ? ts.ScriptKind.JS : ts.ScriptKind.TS);
  const index = new FileIndex(sourceFile);
  if (parsedModules.size >= MAX_PARSED_MODULES) parsedModules.clear();
  parsedModules.set(filePath, { text, index });
  return index;
}

/**
 * What a module exports under a name, when it is a driver value: `export default pool`, `export const pool = new
 * Pool()`, `export { pool as db }`, `module.exports = pool`, `module.exports = { pool }`, `exports.pool = …`, a
 * property of an exported object (`db.sequelize = sequelize; module.exports = db`), or a re-export of another module.
 */
export function exportedDriverValue(index: FileIndex, receivers: SqlReceivers, exportName: string, member: string | undefined, follow: FollowExport): DriverValue | undefined {
  const sourceFile = index.sourceFile;
  const wholeModule = exportName === 'default' || exportName === '*';
  const starModules: string[] = [];
  let moduleExports: ts.Expression | undefined;
  const valueOf = (expression: ts.Expression): DriverValue | undefined => (member === undefined ? classifyExported(expression, receivers, follow) : memberOf(expression, member, index, receivers, follow, 0));
  for (const statement of sourceFile.statements) {
    if (ts.isExportAssignment(statement)) {
      if (wholeModule) return valueOf(statement.expression);
      if (statement.isExportEquals) moduleExports = statement.expression;
      continue;
    }
    if (ts.isVariableStatement(statement) && statement.modifiers?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name) || declaration.name.text !== exportName) continue;
        if (member !== undefined) return memberOf(declaration.name, member, index, receivers, follow, 0);
        const local = index.resolve(declaration.name);
        return local ? receivers.classifyDeclaration(local) : undefined;
      }
      continue;
    }
    if (ts.isExportDeclaration(statement)) {
      const from = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      const clause = statement.exportClause;
      if (!clause) {
        // `export * from './db'` never re-exports a default.
        if (from !== undefined && !wholeModule) starModules.push(from);
      } else if (ts.isNamespaceExport(clause)) {
        if (from !== undefined && clause.name.text === exportName && member !== undefined) return follow(from, member);
      } else {
        for (const element of clause.elements) {
          if (element.name.text !== exportName) continue;
          const local = element.propertyName ?? element.name;
          if (from !== undefined) return follow(from, local.text, member);
          return ts.isIdentifier(local) ? valueOf(local) : undefined;
        }
      }
      continue;
    }
    if (ts.isExpressionStatement(statement) && ts.isBinaryExpression(statement.expression) && statement.expression.operatorToken.kind === ts.SyntaxKind.EqualsToken) {
      const target = statement.expression.left.getText(sourceFile);
      const value = statement.expression.right;
      if (target === 'module.exports') {
        if (wholeModule) return valueOf(value);
        moduleExports = value;
      } else if (target === `module.exports.${exportName}` || target === `exports.${exportName}`) {
        return valueOf(value);
      }
    }
  }
  // CommonJS: a named import is a property of what `module.exports` holds (`const { sequelize } = require('./models')`).
  if (moduleExports) {
    if (member === undefined) return memberOf(moduleExports, exportName, index, receivers, follow, 0);
    const required = requiredModule(moduleExports);
    return required !== undefined ? follow(required, exportName, member) : undefined;
  }
  for (const from of starModules) {
    const value = follow(from, exportName, member);
    if (value) return value;
  }
  // `import * as db from './db'` of a module whose exported functions wrap a driver (`export const query = (text,
  // params) => pool.query(text, params)`): the namespace is the wrapper.
  return exportName === '*' && member === undefined ? receivers.forwardingWrapper(exportedFunctions(index)) : undefined;
}

function* exportedFunctions(index: FileIndex): Iterable<[string, FunctionWithBody]> {
  for (const statement of index.sourceFile.statements) {
    const exported = ts.canHaveModifiers(statement) && ts.getModifiers(statement)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword);
    if (!exported) continue;
    if (ts.isFunctionDeclaration(statement) && statement.name) yield [statement.name.text, statement];
    if (!ts.isVariableStatement(statement)) continue;
    for (const declaration of statement.declarationList.declarations) {
      const value = declaration.initializer && skipOuterExpressions(declaration.initializer);
      if (ts.isIdentifier(declaration.name) && value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value))) yield [declaration.name.text, value];
    }
  }
}

/** `module.exports = require('./db')`: the other module's whole export; anything else as the receivers see it. */
function classifyExported(expression: ts.Expression, receivers: SqlReceivers, follow: FollowExport): DriverValue | undefined {
  const value = receivers.classify(expression);
  if (value) return value;
  const required = requiredModule(expression);
  return required !== undefined ? follow(required, '*') : undefined;
}

/**
 * The property `name` of an exported value: an object literal's property (`{ pool }`), a property written at the
 * top level (`db.sequelize = sequelize`), or the export of a required or imported module (`{ pool: require('./pool') }`).
 */
function memberOf(expression: ts.Expression, name: string, index: FileIndex, receivers: SqlReceivers, follow: FollowExport, depth: number): DriverValue | undefined {
  const node = skipOuterExpressions(expression);
  const required = requiredModule(node);
  if (required !== undefined) return follow(required, name);
  if (ts.isObjectLiteralExpression(node)) {
    for (const property of node.properties) {
      if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return classifyExported(property.name, receivers, follow);
      if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return classifyExported(property.initializer, receivers, follow);
    }
    return undefined;
  }
  if (!ts.isIdentifier(node)) return undefined;
  const declaration = index.resolve(node);
  if (!declaration) return undefined;
  const imported = index.importOf(declaration);
  if (imported) return imported.imported === '*' ? follow(imported.module, name) : follow(imported.module, imported.imported, name);
  if (ts.isVariableDeclaration(declaration.node) && declaration.node.initializer && depth < 3) {
    const fromInitializer = memberOf(declaration.node.initializer, name, index, receivers, follow, depth + 1);
    if (fromInitializer) return fromInitializer;
  }
  const written = topLevelPropertyWrite(index.sourceFile, node.text, name);
  return written ? classifyExported(written, receivers, follow) : undefined;
}

/** The value of the last top-level `object.property = value` statement in the file. */
function topLevelPropertyWrite(sourceFile: ts.SourceFile, object: string, property: string): ts.Expression | undefined {
  let value: ts.Expression | undefined;
  for (const statement of sourceFile.statements) {
    if (!ts.isExpressionStatement(statement) || !ts.isBinaryExpression(statement.expression) || statement.expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) continue;
    const left = statement.expression.left;
    if (ts.isPropertyAccessExpression(left) && ts.isIdentifier(left.expression) && left.expression.text === object && left.name.text === property) value = statement.expression.right;
    else if (ts.isElementAccessExpression(left) && ts.isIdentifier(left.expression) && left.expression.text === object && ts.isStringLiteralLike(left.argumentExpression) && left.argumentExpression.text === property) value = statement.expression.right;
  }
  return value;
}

function propertyNameText(name: ts.PropertyName): string | undefined {
  return ts.isIdentifier(name) || ts.isStringLiteralLike(name) ? name.text : undefined;
}
