// How `unparameterized-query` rewrites a query to its driver's parameterized form: the query text as pieces
// (text and values), placeholders in the driver's style, the values argument it appends to or creates, multi-statement
// builds, and the allow-list guard for identifiers that cannot be parameters.
import * as ts from 'typescript';
import { type DriverModel, type SinkMethod, type PlaceholderStyle } from '../data/sql-sinks';
import { enclosingFunction, FileIndex, operandsOfChain, skipOuterExpressions } from './dataflow';
import { RequestSources } from './request-sources';
import type { RuleContext, RuleEdit, RuleFix } from './rule';
import type { DriverValue, SqlReceivers } from './sql-receivers';
import { isAllowListChecked, replacedText, SqlTextAnalyzer } from './sql-text';
import { lineBreakOf } from './ast';
import { allowedValuesFor, KIND_PLURALS, rejectionFor, type IdentifierKind } from './sql-guard';
import { appendToObjectLiteral, enclosingStatement, freeName, indentationOf, isStatementListParent, replaceNode, shortExpressionText } from './source-edits';
import type { UnparameterizedQueryOptions } from '../unparameterized-query';

export type TypeormDatabase = 'auto' | 'postgres' | 'mysql' | 'mariadb' | 'sqlite' | 'better-sqlite3' | 'mssql' | 'oracle' | 'cockroachdb';

export interface Sink {
  driver: DriverModel;
  method: SinkMethod;
  call: ts.CallExpression;
  /** `pool` in `pool.query(…)`, when there is one. */
  receiver?: ts.Expression;
  receiverValue?: DriverValue;
  /** `client.query({ text, values })` / `connection.query({ sql, values })`: the config object holding the text. */
  queryObject?: ts.ObjectLiteralExpression;
}

export interface Services {
  index: FileIndex;
  receivers: SqlReceivers;
  text: SqlTextAnalyzer;
  sources: RequestSources;
  /** The file's type checker, built on the first call (undefined when there is none). */
  typeChecker: () => ts.TypeChecker | undefined;
}

export const FIX_TITLE = 'Parameterize this query';

export interface FixPlan {
  fixes: RuleFix[];
  /** Why there is no "Parameterize this query" fix. */
  reason?: string;
  /** Values in identifier positions (they get an allow-list guard instead). */
  identifiers: ts.Expression[];
  /** Values written inside a quoted SQL string (`'…${v}…'`): the classic injection, named first in the message. */
  quotedValues?: ts.Expression[];
}

type Piece = { kind: 'text'; raw: string } | { kind: 'expr'; expr: ts.Expression };

interface ValueSlot {
  expr: ts.Expression;
  /** The value expression to bind (`name`, or `` `%${q}%` `` when a LIKE pattern moved into the value). */
  valueText: string;
  /** Number of `?` placeholders already in the text before this value. */
  questionMarksBefore: number;
}

export function literalToValueFix(sink: Sink): FixPlan {
  const callee = sink.call.expression as ts.PropertyAccessExpression;
  return {
    identifiers: [],
    fixes: [{ title: 'Bind the value with sql.val', edits: [{ start: callee.name.getStart(), end: callee.name.end, newText: 'val' }], isPreferred: true }],
  };
}

export function planFix(sink: Sink, textArg: ts.Expression, services: Services, context: RuleContext<UnparameterizedQueryOptions>): FixPlan {
  const sourceFile = context.sourceFile;
  if (sink.method.passing === 'none' && !sink.method.identifiersOnly) return { fixes: [], identifiers: [], reason: sink.method.noFixReason };
  const text = skipOuterExpressions(textArg);

  let site: ts.Expression = text;
  let multiStatement: MultiStatementSite | undefined;
  if (ts.isIdentifier(text)) {
    const declaration = services.index.resolve(text);
    const node = declaration?.node;
    if (!declaration || !node || !ts.isVariableDeclaration(node) || !node.initializer) {
      return { fixes: [], identifiers: [], reason: 'the query text is built outside this function' };
    }
    const writes = services.index.writesTo(declaration);
    if (writes.some((w) => w.operator !== ts.SyntaxKind.PlusEqualsToken)) return { fixes: [], identifiers: [], reason: `\`${declaration.name}\` is re-assigned, not only appended to with +=` };
    const references = services.index.referencesTo(declaration).filter((ref) => !writes.some((w) => w.target === ref));
    if (references.length !== 1) return { fixes: [], identifiers: [], reason: `\`${declaration.name}\` is used in more than one place` };
    if (writes.length === 0) {
      site = node.initializer;
    } else {
      const found = multiStatementSite(declaration.name, node, writes, sink, sourceFile);
      if (typeof found === 'string') return { fixes: [], identifiers: [], reason: found };
      multiStatement = found;
    }
  }

  const segments = multiStatement ? multiStatement.segments : [site];
  const pieceLists: Piece[][] = [];
  for (const segment of segments) {
    const pieces = flatten(segment, sourceFile);
    if (!pieces) return { fixes: [], identifiers: [], reason: 'the query text is assembled with calls (join, concat, replace, format) that cannot be rewritten exactly' };
    pieceLists.push(pieces);
  }

  // Classify interpolations: constants stay, SQL fragments built elsewhere block the fix, identifiers need a guard.
  const identifiers: ts.Expression[] = [];
  const quotedValues: ts.Expression[] = [];
  for (const [n, pieces] of pieceLists.entries()) {
    const inLiteral = insideStringLiterals(pieces, sink.driver);
    for (let i = 0; i < pieces.length; i++) {
      const piece = pieces[i]!;
      if (piece.kind !== 'expr') continue;
      // `${sql.replace(a, 'b')}`, or a value where a subquery goes (`WITH base AS (${q})`): SQL text from elsewhere.
      const rewritten = replacedText(skipOuterExpressions(piece.expr));
      const subquery = !inLiteral[i] && /\b(AS|FROM|JOIN|EXISTS)\s*\(\s*$/i.test(textBefore(pieces, i, n === 0 ? sink.method.clause : undefined));
      if ((rewritten && services.text.rewrittenTexts.has(skipOuterExpressions(rewritten))) || (subquery && isUnsafePiece(piece.expr, sink, services))) {
        return { fixes: [], identifiers: [], reason: `\`${shortExpressionText(piece.expr, sourceFile)}\` is SQL text written in whole, not a value; parameterize it where it is built` };
      }
      if (!isUnsafePiece(piece.expr, sink, services)) continue;
      // Inside a quoted SQL string (`'$[*] ? (@ == "${v}")'`) a value is text of that string, never an identifier.
      if (sink.method.identifiersOnly || (!inLiteral[i] && isIdentifierPosition(textBefore(pieces, i, n === 0 ? sink.method.clause : undefined), textAfter(pieces, i), sink.driver))) {
        identifiers.push(piece.expr);
        continue;
      }
      if (inLiteral[i]) quotedValues.push(piece.expr);
      if (services.text.analyze(piece.expr).built && !ts.isTemplateExpression(skipOuterExpressions(piece.expr))) {
        return { fixes: [], identifiers: [], reason: `\`${shortExpressionText(piece.expr, sourceFile)}\` is a piece of SQL text built from values, not a value; parameterize it where it is built` };
      }
    }
  }
  if (identifiers.length > 0) {
    const guard = allowListGuardFix(identifiers, pieceLists, sink, services, context);
    return typeof guard === 'string' ? { fixes: [], identifiers, quotedValues, reason: guard } : { fixes: [guard], identifiers, quotedValues };
  }

  if (sink.method.passing === 'none') return { fixes: [], identifiers: [], reason: sink.method.noFixReason };
  if (multiStatement) return planMultiStatementFix(multiStatement, pieceLists, sink, services, context);
  const fix = planSingleFix(sink, site, pieceLists[0]!, services, context);
  return typeof fix === 'string' ? { fixes: [], identifiers: [], reason: fix } : { fixes: [fix], identifiers: [] };
}

function isUnsafePiece(expr: ts.Expression, sink: Sink, services: Services): boolean {
  return services.text.valuesIn(expr).length > 0 && !isAllowListChecked(expr, sink.call, services.index);
}

/** The template body (raw) and values for a text, with each unsafe value replaced by a placeholder. */
function renderPieces(
  pieces: Piece[],
  sink: Sink,
  services: Services,
  sourceFile: ts.SourceFile,
  placeholder: (slot: ValueSlot, index: number) => string,
): { body: string; slots: ValueSlot[] } | string {
  const parts = pieces.map((p) => ({ ...p }));
  const inLiteral = insideStringLiterals(pieces, sink.driver);
  let body = '';
  const slots: ValueSlot[] = [];
  let questionMarks = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    if (part.kind === 'text') {
      body += part.raw;
      questionMarks += countQuestionMarks(part.raw);
      continue;
    }
    const exprText = part.expr.getText(sourceFile);
    if (!isUnsafePiece(part.expr, sink, services)) {
      body += ts.isStringLiteral(skipOuterExpressions(part.expr)) ? escapeTemplate((skipOuterExpressions(part.expr) as ts.StringLiteral).text) : `\${${exprText}}`;
      continue;
    }
    let valueText = exprText;
    const next = parts[i + 1];
    const quote = stringQuotes(sink.driver);
    const before = new RegExp(`(${quote})(%?)$`).exec(body.slice(-2));
    const after = next?.kind === 'text' ? new RegExp(`^(%?)(${quote})`).exec(next.raw) : null;
    if (before && after && next?.kind === 'text' && before[1] === after[2]) {
      body = body.slice(0, body.length - before[0].length);
      next.raw = next.raw.slice(after[0].length);
      const prefix = before[2]!;
      const suffix = after[1]!;
      if (prefix || suffix) valueText = `\`${prefix}\${${exprText}}${suffix}\``;
    } else if (before || after || inLiteral[i]) {
      return `\`${shortExpressionText(part.expr, sourceFile)}\` is only part of a quoted SQL string`;
    }
    const slot: ValueSlot = { expr: part.expr, valueText, questionMarksBefore: questionMarks };
    body += placeholder(slot, slots.length);
    slots.push(slot);
  }
  return { body, slots };
}

function planSingleFix(sink: Sink, site: ts.Expression, pieces: Piece[], services: Services, context: RuleContext<UnparameterizedQueryOptions>): RuleFix | string {
  const sourceFile = context.sourceFile;
  const call = sink.call;
  const passing = sink.method.passing;
  const siteEdit = (body: string): RuleEdit => ({ start: site.getStart(sourceFile), end: site.end, newText: `\`${body}\`` });

  if (passing === 'tagged-template') {
    if (site !== skipOuterExpressions(call.arguments[sink.method.textArg]!)) return 'the text is built in a variable; write the tagged template at the call';
    if (call.arguments.length > 1) return 'the call already passes values separately';
    const rendered = renderPieces(pieces, sink, services, sourceFile, (slot) => `\${${slot.valueText}}`);
    if (typeof rendered === 'string') return rendered;
    const callee = call.expression as ts.PropertyAccessExpression;
    const typeArgs = call.typeArguments ? `<${call.typeArguments.map((t) => t.getText(sourceFile)).join(', ')}>` : '';
    const template = `\`${rendered.body}\``;
    let newCallee: string;
    if (sink.driver.id === 'prisma' && sink.method.name === 'raw') newCallee = `${callee.expression.getText(sourceFile)}.sql`;
    else if (sink.driver.id === 'prisma') newCallee = `${callee.expression.getText(sourceFile)}.${callee.name.text.replace('Unsafe', '')}`;
    else newCallee = callee.expression.getText(sourceFile);
    return { title: FIX_TITLE, isPreferred: true, edits: [{ start: call.getStart(sourceFile), end: call.end, newText: `${newCallee}${typeArgs}${template}` }] };
  }

  if (passing === 'mssql-input') {
    const names = new NameAllocator(existingNamedParameters(pieces, '@'));
    const inputs: string[] = [];
    const rendered = renderPieces(pieces, sink, services, sourceFile, (slot) => {
      const name = names.allocate(slot.expr);
      inputs.push(`.input('${name}', ${slot.valueText})`);
      return `@${name}`;
    });
    if (typeof rendered === 'string') return rendered;
    const receiver = sink.receiver!;
    const isRequest = sink.receiverValue?.via === 'request' || sink.receiverValue?.via === 'Request';
    return {
      title: FIX_TITLE,
      isPreferred: true,
      edits: [{ start: receiver.end, end: receiver.end, newText: `${isRequest ? '' : '.request()'}${inputs.join('')}` }, siteEdit(rendered.body)],
    };
  }

  /** Renders values as `:name` placeholders, with names that clash neither with the SQL nor with `parameters`. */
  const renderNamed = (parameters: ts.ObjectLiteralExpression | undefined) => {
    const existing = new Set<string>(existingNamedParameters(pieces, ':'));
    for (const property of parameters?.properties ?? []) if (property.name && ts.isIdentifier(property.name)) existing.add(property.name.text);
    const names = new NameAllocator(existing);
    const properties: string[] = [];
    const rendered = renderPieces(pieces, sink, services, sourceFile, (slot) => {
      const name = names.allocate(slot.expr);
      properties.push(name === slot.valueText ? name : `${name}: ${slot.valueText}`);
      return `:${name}`;
    });
    return typeof rendered === 'string' ? rendered : { body: rendered.body, properties };
  };

  if (passing === 'named-object') {
    const valuesArg = call.arguments[sink.method.textArg + 1];
    if (valuesArg && !ts.isObjectLiteralExpression(valuesArg)) return 'parameters are passed in a variable; add the value there';
    const rendered = renderNamed(valuesArg);
    if (typeof rendered === 'string') return rendered;
    const edits: RuleEdit[] = [siteEdit(rendered.body)];
    if (!valuesArg) edits.push({ start: call.arguments[sink.method.textArg]!.end, end: call.arguments[sink.method.textArg]!.end, newText: `, { ${rendered.properties.join(', ')} }` });
    else edits.push(appendToObjectLiteral(valuesArg, rendered.properties, sourceFile));
    return { title: FIX_TITLE, isPreferred: true, edits };
  }

  const namedReplacements = sink.method.passing === 'sequelize-replacements' ? sequelizeNamedReplacements(call) : undefined;
  if (namedReplacements) {
    // `{ replacements: { id } }` binds by name: new values join it as `:name`.
    const rendered = renderNamed(namedReplacements);
    if (typeof rendered === 'string') return rendered;
    return { title: FIX_TITLE, isPreferred: true, edits: [siteEdit(rendered.body), appendToObjectLiteral(namedReplacements, rendered.properties, sourceFile)] };
  }

  // values-array and sequelize-replacements
  const style = placeholderStyle(sink, context);
  const target = valuesTarget(sink, sourceFile);
  if (typeof target === 'string') return target;
  const firstNumber = Math.max(target.existing.length, highestDollarPlaceholder(pieces)) + 1;
  const rendered = renderPieces(pieces, sink, services, sourceFile, (_slot, index) => placeholderText(style, firstNumber + index, _slot));
  if (typeof rendered === 'string') return rendered;
  const merged = mergeValues(target.existing, rendered.slots, style);
  return { title: FIX_TITLE, isPreferred: true, edits: [siteEdit(rendered.body), target.write(merged)] };
}

/** The object literal of `{ replacements: { … } }` in a Sequelize call, when values are bound by name. */
function sequelizeNamedReplacements(call: ts.CallExpression): ts.ObjectLiteralExpression | undefined {
  const options = call.arguments[1];
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  const property = options.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'replacements');
  const value = property && ts.isPropertyAssignment(property) ? skipOuterExpressions(property.initializer) : undefined;
  return value && ts.isObjectLiteralExpression(value) ? value : undefined;
}

function placeholderText(style: PlaceholderStyle, number: number, _slot: ValueSlot): string {
  if (style === 'dollar') return `$${number}`;
  if (style === 'named-colon') return `:${number}`;
  if (style === 'named-at') return `@${number - 1}`;
  return '?';
}

function mergeValues(existing: string[], slots: ValueSlot[], style: PlaceholderStyle): string[] {
  if (style !== 'question') return [...existing, ...slots.map((s) => s.valueText)];
  // `?` binds by position: each new value goes after the values of the `?`s that precede it in the text.
  const result = [...existing];
  let inserted = 0;
  for (const slot of slots) {
    result.splice(Math.min(slot.questionMarksBefore + inserted, result.length), 0, slot.valueText);
    inserted++;
  }
  return result;
}

interface ValuesTarget {
  existing: string[];
  write(values: string[]): RuleEdit;
}

/** Where the values go for values-array and Sequelize sinks, and what is there already. */
function valuesTarget(sink: Sink, sourceFile: ts.SourceFile): ValuesTarget | string {
  const call = sink.call;
  const textArg = call.arguments[sink.method.textArg]!;
  const after = (text: string): RuleEdit => ({ start: textArg.end, end: textArg.end, newText: text });

  if (sink.queryObject) {
    const queryObject = sink.queryObject;
    const property = queryObject.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === 'values');
    if (!property) return { existing: [], write: (values) => appendToObjectLiteral(queryObject, [`values: [${values.join(', ')}]`], sourceFile) };
    const array = ts.isPropertyAssignment(property) ? property.initializer : undefined;
    if (!array || !ts.isArrayLiteralExpression(array) || array.elements.some(ts.isSpreadElement)) return 'the existing values are not a plain array';
    return { existing: array.elements.map((e) => e.getText(sourceFile)), write: (values) => replaceNode(array, `[${values.join(', ')}]`, sourceFile) };
  }

  if (sink.driver.id === 'better-sqlite3' && sink.method.name === 'prepare') {
    // `db.prepare(sql).get(a)`: better-sqlite3 binds at the statement call.
    const access = call.parent;
    const run = access?.parent;
    if (!access || !ts.isPropertyAccessExpression(access) || !run || !ts.isCallExpression(run) || run.expression !== access) {
      return 'the prepared statement is stored; bind the values where it runs';
    }
    if (run.arguments.some((a) => !isPositionalValue(a))) return 'the statement is run with named or spread values';
    const existing = run.arguments.map((a) => a.getText(sourceFile));
    const argsStart = run.arguments.pos;
    return { existing, write: (values) => ({ start: argsStart, end: run.arguments.end, newText: values.join(', ') }) };
  }

  const valuesArg = call.arguments[sink.method.textArg + 1];
  if (sink.method.passing === 'sequelize-replacements') {
    if (!valuesArg) return { existing: [], write: (values) => after(`, { replacements: [${values.join(', ')}] }`) };
    if (!ts.isObjectLiteralExpression(valuesArg)) return 'the options are passed in a variable; add `replacements` there';
    const property = valuesArg.properties.find((p) => p.name && ts.isIdentifier(p.name) && (p.name.text === 'replacements' || p.name.text === 'bind'));
    if (!property) return { existing: [], write: (values) => appendToObjectLiteral(valuesArg, [`replacements: [${values.join(', ')}]`], sourceFile) };
    if (!ts.isPropertyAssignment(property) || (property.name as ts.Identifier).text === 'bind') return 'the query already uses `bind` parameters';
    const array = property.initializer;
    if (!ts.isArrayLiteralExpression(array) || array.elements.some(ts.isSpreadElement)) return 'the existing replacements are not a plain array';
    return { existing: array.elements.map((e) => e.getText(sourceFile)), write: (values) => replaceNode(array, `[${values.join(', ')}]`, sourceFile) };
  }

  if (!valuesArg) return { existing: [], write: (values) => after(`, [${values.join(', ')}]`) };
  if (ts.isArrayLiteralExpression(valuesArg)) {
    if (valuesArg.elements.some(ts.isSpreadElement)) return 'the existing values array has a spread element, so placeholder numbers are unknown';
    return { existing: valuesArg.elements.map((e) => e.getText(sourceFile)), write: (values) => replaceNode(valuesArg, `[${values.join(', ')}]`, sourceFile) };
  }
  if (ts.isArrowFunction(valuesArg) || ts.isFunctionExpression(valuesArg)) {
    // Callback APIs (`connection.query(sql, (err, rows) => …)`): the values array goes before the callback.
    return { existing: [], write: (values) => ({ start: valuesArg.getStart(sourceFile), end: valuesArg.getStart(sourceFile), newText: `[${values.join(', ')}], ` }) };
  }
  return `values are already passed as \`${shortExpressionText(valuesArg, sourceFile)}\`; add the new ones there`;
}

function isPositionalValue(arg: ts.Expression): boolean {
  return !ts.isSpreadElement(arg) && !ts.isObjectLiteralExpression(arg);
}

function placeholderStyle(sink: Sink, context: RuleContext<UnparameterizedQueryOptions>): PlaceholderStyle {
  if (sink.driver.id !== 'typeorm') return sink.method.placeholder;
  const database = context.options.typeormDatabase === 'auto' ? detectTypeormDatabase(context.text) : context.options.typeormDatabase;
  return database === 'mysql' || database === 'mariadb' || database === 'sqlite' || database === 'better-sqlite3' ? 'question' : database === 'mssql' ? 'named-at' : 'dollar';
}

function detectTypeormDatabase(text: string): TypeormDatabase {
  const match = /\btype\s*:\s*['"](postgres|mysql|mariadb|sqlite|better-sqlite3|mssql|oracle|cockroachdb)['"]/.exec(text);
  return (match?.[1] as TypeormDatabase | undefined) ?? 'postgres';
}

// ---------------------------------------------------------------------------------------------------------------
// Queries assembled over several statements: `let q = '…'; if (x) q += ' AND a = ' + a; db.query(q)`.

interface MultiStatementSite {
  declaration: ts.VariableDeclaration;
  /** The initializer, then the right-hand side of each `+=`. */
  segments: ts.Expression[];
  appends: ts.ExpressionStatement[];
}

function multiStatementSite(name: string, declaration: ts.VariableDeclaration, writes: ReturnType<FileIndex['writesTo']>, sink: Sink, sourceFile: ts.SourceFile): MultiStatementSite | string {
  const why = 'the query is assembled over several statements in a way that cannot be rewritten exactly';
  const statement = declaration.parent.parent;
  if (!ts.isVariableStatement(statement) || !ts.isVariableDeclarationList(declaration.parent) || declaration.parent.declarations.length !== 1 || !isStatementListParent(statement.parent)) return why;
  const fn = enclosingFunction(sink.call);
  const appends: ts.ExpressionStatement[] = [];
  for (const write of writes) {
    if (write.operator !== ts.SyntaxKind.PlusEqualsToken || !write.value) return `\`${name}\` is re-assigned, not only appended to`;
    const parent = write.node.parent;
    if (!ts.isExpressionStatement(parent) || enclosingFunction(parent) !== fn || parent.end > sink.call.getStart(sourceFile)) return why;
    appends.push(parent);
  }
  if (enclosingFunction(declaration) !== fn) return why;
  return { declaration, segments: [declaration.initializer!, ...writes.map((w) => w.value!)], appends };
}

function planMultiStatementFix(site: MultiStatementSite, pieceLists: Piece[][], sink: Sink, services: Services, context: RuleContext<UnparameterizedQueryOptions>): FixPlan {
  const sourceFile = context.sourceFile;
  const passing = sink.method.passing;
  const fail = (reason: string): FixPlan => ({ fixes: [], identifiers: [], reason });
  if (passing !== 'values-array' && passing !== 'sequelize-replacements') return fail('the query is assembled over several statements; this driver needs the values at the call');
  if (sink.driver.id === 'better-sqlite3') return fail('the query is assembled over several statements; bind the values where the statement runs');
  if (sink.queryObject) return fail('the query is assembled over several statements; put the values in the config object by hand');
  const nextArg = sink.call.arguments[sink.method.textArg + 1];
  const callbackNext = nextArg !== undefined && (ts.isArrowFunction(nextArg) || ts.isFunctionExpression(nextArg));
  if (nextArg && (!callbackNext || passing !== 'values-array')) return fail('the query is assembled over several statements and the call already passes values');
  const style = placeholderStyle(sink, context);
  if (style !== 'dollar' && style !== 'question') return fail('the query is assembled over several statements');
  const valuesName = freeName(['values', 'params', 'queryValues'], services.index);
  const edits: RuleEdit[] = [];

  // The initializer runs once, so its placeholders are numbered directly.
  const initial = renderPieces(pieceLists[0]!, sink, services, sourceFile, (_slot, index) => (style === 'dollar' ? `$${index + 1}` : '?'));
  if (typeof initial === 'string') return fail(initial);
  const init = site.segments[0]!;
  edits.push({ start: init.getStart(sourceFile), end: init.end, newText: `\`${initial.body}\`` });
  const statement = site.declaration.parent.parent as ts.VariableStatement;
  const indent = indentationOf(statement, sourceFile);
  // JavaScript files get no type annotation; TypeScript needs one for an array that starts empty.
  const annotation = /\.[cm]?jsx?$/i.test(context.filePath) ? '' : ': unknown[]';
  edits.push({ start: statement.end, end: statement.end, newText: `${lineBreakOf(sourceFile.text)}${indent}const ${valuesName}${annotation} = [${initial.slots.map((s) => s.valueText).join(', ')}];` });

  for (let i = 0; i < site.appends.length; i++) {
    const append = site.appends[i]!;
    const pieces = pieceLists[i + 1]!;
    const count = pieces.filter((p) => p.kind === 'expr' && isUnsafePiece(p.expr, sink, services)).length;
    // After `values.push(a, b)`, a's number is values.length - 1 and b's is values.length.
    const rendered = renderPieces(pieces, sink, services, sourceFile, (_slot, index) => (style === 'dollar' ? `$\${${valuesName}.length${count - 1 - index > 0 ? ` - ${count - 1 - index}` : ''}}` : '?'));
    if (typeof rendered === 'string') return fail(rendered);
    if (rendered.slots.length === 0) continue;
    const binary = append.expression as ts.BinaryExpression;
    const newAppend = `${binary.left.getText(sourceFile)} += \`${rendered.body}\`;`;
    const push = `${valuesName}.push(${rendered.slots.map((s) => s.valueText).join(', ')});`;
    if (isStatementListParent(append.parent)) {
      const appendIndent = indentationOf(append, sourceFile);
      edits.push({ start: append.getStart(sourceFile), end: append.end, newText: `${push}${lineBreakOf(sourceFile.text)}${appendIndent}${newAppend}` });
    } else {
      edits.push({ start: append.getStart(sourceFile), end: append.end, newText: `{ ${push} ${newAppend} }` });
    }
  }
  const textArg = sink.call.arguments[sink.method.textArg]!;
  if (callbackNext) edits.push({ start: nextArg.getStart(sourceFile), end: nextArg.getStart(sourceFile), newText: `${valuesName}, ` });
  else edits.push({ start: textArg.end, end: textArg.end, newText: passing === 'sequelize-replacements' ? `, { replacements: ${valuesName} }` : `, ${valuesName}` });
  return { fixes: [{ title: FIX_TITLE, isPreferred: true, edits }], identifiers: [] };
}

// ---------------------------------------------------------------------------------------------------------------
// Identifiers: an allow-list guard before the statement that runs the query.

/** The guard fix, or why there is none. */
function allowListGuardFix(identifiers: ts.Expression[], pieceLists: Piece[][], sink: Sink, services: Services, context: RuleContext<UnparameterizedQueryOptions>): RuleFix | string {
  const sourceFile = context.sourceFile;
  const statement = enclosingStatement(sink.call);
  if (!statement) return 'the query is not in a statement the check could go before (an arrow function returning it, for instance)';
  const indent = indentationOf(statement, sourceFile);
  const lineBreak = lineBreakOf(sourceFile.text);
  const unit = indent.startsWith('\t') ? '\t' : '  ';
  const rejection = rejectionFor(statement, services.index, context.filePath);
  const sql = pieceLists.map((pieces) => pieces.map((p) => (p.kind === 'text' ? p.raw : 'x')).join('')).join(' ');
  const lines: string[] = [];
  const taken = new Set<string>();
  const unknownKinds = new Set<IdentifierKind>();
  const inferredFrom = new Set<string>();
  for (const identifier of identifiers) {
    const expr = skipOuterExpressions(identifier);
    if (!isPlainReference(expr)) return 'the identifier is not a plain variable or property';
    const exprText = expr.getText(sourceFile);
    const kind = identifierKind(identifier, pieceLists, sink);
    const allowed = allowedValuesFor(identifier, kind, sql, sink.call, services.index, context);
    if (!allowed.known) unknownKinds.add(kind);
    if (allowed.inferredFrom) inferredFrom.add(allowed.inferredFrom);
    const base = GUARD_LIST_NAMES[kind];
    let name = base;
    for (let n = 2; taken.has(name) || services.index.declarationsNamed(name).length > 0; n++) name = `${base}${n}`;
    taken.add(name);
    // `readonly unknown[]`: an `as const` list's includes() would refuse a plain string argument.
    lines.push(`const ${name}${/\.[cm]?jsx?$/i.test(sourceFile.fileName) ? '' : ': readonly unknown[]'} = ${allowed.listText};`);
    lines.push(`if (!${name}.includes(${exprText})) ${rejection.statement(`invalid ${kind}`, indent, unit, lineBreak)}`);
  }
  // An inferred list is named so the user reviews it; a missing one is what the user must add.
  const missing = [...new Set([...unknownKinds].map((kind) => KIND_PLURALS[kind]))];
  const fillIn = missing.length > 0 ? ` (fill in the allowed ${missing.join(' and ')})` : inferredFrom.size > 0 ? ` (${[...inferredFrom].join('; ')})` : '';
  return {
    title: `Check ${identifiers.map((e) => `\`${shortExpressionText(e, sourceFile, 30)}\``).join(', ')} against an allow-list${fillIn}`,
    edits: [...rejection.edits, { start: statement.getStart(sourceFile), end: statement.getStart(sourceFile), newText: `${lines.join(`${lineBreak}${indent}`)}${lineBreak}${indent}` }],
  };
}

/** Names of the inserted lists, per kind of identifier. */
const GUARD_LIST_NAMES: Record<IdentifierKind, string> = {
  'sort direction': 'allowedSortDirections',
  'sort column': 'allowedSortColumns',
  column: 'allowedColumns',
  table: 'allowedTables',
  name: 'allowedNames',
};

/** What the identifier names, from the SQL around it: `ORDER BY x ${dir}`, `ORDER BY ${col}`, `FROM ${table}`, `${alias}.name`. */
function identifierKind(identifier: ts.Expression, pieceLists: Piece[][], sink: Sink): IdentifierKind {
  if (sink.method.identifiersOnly) return 'sort column';
  for (const [n, pieces] of pieceLists.entries()) {
    const i = pieces.findIndex((p) => p.kind === 'expr' && p.expr === identifier);
    if (i < 0) continue;
    // A quoted identifier (`"${col}"`) sits where a bare one would.
    const before = textBefore(pieces, i, n === 0 ? sink.method.clause : undefined).replace(/["`\[]$/, '');
    const after = textAfter(pieces, i).replace(/^["`\]]/, '');
    if (SORT_DIRECTION_POSITION.test(before)) return 'sort direction';
    if (SORT_KEY_POSITION.test(before)) return /\b(ORDER|GROUP)\s+BY\b(?![^]*\b(?:ORDER|GROUP)\s+BY\b)/i.exec(before)?.[1]?.toUpperCase() === 'ORDER' ? 'sort column' : 'column';
    if (/\b(FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE)\s*$/i.test(before) || /^\.\w/.test(after)) return 'table';
    if (/\b(SELECT|DISTINCT)\s*$|,\s*$|\w\.$/i.test(before)) return 'column';
    return 'name';
  }
  return 'name';
}

function isPlainReference(expr: ts.Expression): boolean {
  if (ts.isIdentifier(expr)) return true;
  if (ts.isPropertyAccessExpression(expr)) return isPlainReference(expr.expression) || expr.expression.kind === ts.SyntaxKind.ThisKeyword;
  return false;
}

/**
 * For each piece, whether it starts inside a quoted SQL string literal, reading the text from the start of the
 * query. Quoted identifiers ("…" outside MySQL, `…`) are skipped over; a doubled quote closes and reopens.
 */
function insideStringLiterals(pieces: Piece[], driver: DriverModel): boolean[] {
  const stringQuotes = driver.id === 'mysql' ? `'"` : `'`;
  const states: boolean[] = [];
  let open: string | undefined;
  for (const piece of pieces) {
    states.push(open !== undefined && stringQuotes.includes(open));
    if (piece.kind !== 'text') continue;
    for (const char of piece.raw) {
      if (open === undefined) open = char === "'" || char === '"' || char === '`' ? char : undefined;
      else if (open === char) open = undefined;
    }
  }
  return states;
}

/** The quotes of string literals: MySQL also reads "…" as a string; elsewhere "…" is an identifier. */
function stringQuotes(driver: DriverModel): string {
  return driver.id === 'mysql' ? `'|"` : `'`;
}

/** `ORDER BY name ${dir}`, `ORDER BY a ASC, b ${dir}`: a sort direction. */
const SORT_DIRECTION_POSITION = /\bORDER\s+BY\s+(?:[\w."`]+(?:\s+(?:ASC|DESC))?\s*,\s*)*[\w."`]+\s*$/i;
/** `ORDER BY ${col}`, `GROUP BY a, ${col}`: a sort or group key. */
const SORT_KEY_POSITION = /\b(?:ORDER|GROUP)\s+BY\s+(?:[\w."`]+(?:\s+(?:ASC|DESC))?\s*,\s*)*$/i;

/** `ORDER BY ${col}`, `FROM ${table}`, `ORDER BY name ${dir}`, `"${col}"`: a place only an identifier can go. */
function isIdentifierPosition(before: string, after: string, driver: DriverModel): boolean {
  if (/\b(FROM|JOIN|INTO|UPDATE|TABLE|TRUNCATE|SELECT|DISTINCT)\s*$/i.test(before)) return true;
  if (SORT_KEY_POSITION.test(before) || SORT_DIRECTION_POSITION.test(before)) return true;
  const identifierQuote = driver.id === 'mysql' ? /`$/ : /["`]$/;
  if (identifierQuote.test(before) && /^["`]/.test(after)) return true;
  if (/^\.\w/.test(after) || /\w\.$/.test(before)) return true;
  return false;
}

// ---------------------------------------------------------------------------------------------------------------
// Text helpers

/** A template literal, `+` chain or string literal as text and interpolated expressions, or undefined. */
function flatten(expression: ts.Expression, sourceFile: ts.SourceFile): Piece[] | undefined {
  const node = skipOuterExpressions(expression);
  if (ts.isStringLiteral(node)) return [{ kind: 'text', raw: escapeTemplate(node.text) }];
  if (ts.isNoSubstitutionTemplateLiteral(node)) return [{ kind: 'text', raw: rawTemplateText(node, sourceFile) }];
  if (ts.isTemplateExpression(node)) {
    const pieces: Piece[] = [{ kind: 'text', raw: rawTemplateText(node.head, sourceFile) }];
    for (const span of node.templateSpans) {
      // A nested template or concatenation is more SQL text, not a value: `WHERE ${`name = '${x}'`}`.
      const inner = skipOuterExpressions(span.expression);
      const nested = ts.isTemplateExpression(inner) || (ts.isBinaryExpression(inner) && inner.operatorToken.kind === ts.SyntaxKind.PlusToken) ? flatten(inner, sourceFile) : undefined;
      if (nested) pieces.push(...nested);
      else pieces.push({ kind: 'expr', expr: span.expression });
      pieces.push({ kind: 'text', raw: rawTemplateText(span.literal, sourceFile) });
    }
    return pieces;
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    const leaves = operandsOfChain(node, ts.SyntaxKind.PlusToken);
    // `1 + 2 + 'x'` adds numbers first: only flatten when the first or second leaf is a string.
    const isString = (e: ts.Expression) => ts.isStringLiteralLike(skipOuterExpressions(e)) || ts.isTemplateExpression(skipOuterExpressions(e));
    if (!isString(leaves[0]!) && !isString(leaves[1]!)) return undefined;
    const pieces: Piece[] = [];
    for (const leaf of leaves) {
      const inner = skipOuterExpressions(leaf);
      if (isString(leaf)) pieces.push(...flatten(inner, sourceFile)!);
      else pieces.push({ kind: 'expr', expr: leaf });
    }
    return pieces;
  }
  return undefined;
}

function rawTemplateText(node: ts.TemplateLiteralLikeNode | ts.NoSubstitutionTemplateLiteral, sourceFile: ts.SourceFile): string {
  const full = node.getText(sourceFile);
  const start = full.startsWith('`') || full.startsWith('}') ? 1 : 0;
  const end = full.endsWith('${') ? full.length - 2 : full.endsWith('`') ? full.length - 1 : full.length;
  return full.slice(start, end);
}

function escapeTemplate(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${').replace(/\r/g, '\\r').replace(/\n/g, '\\n');
}

/**
 * The SQL just before a piece (enough for the identifier patterns), without rebuilding the whole prefix; `clause`
 * is what the method writes before the text (`ORDER BY` for knex `orderByRaw`).
 */
function textBefore(pieces: Piece[], index: number, clause?: string): string {
  let text = '';
  let i = index - 1;
  for (; i >= 0 && text.length < 200; i--) {
    const p = pieces[i]!;
    text = (p.kind === 'text' ? p.raw : 'x') + text;
  }
  return i < 0 && clause ? `${clause} ${text}` : text;
}

function textAfter(pieces: Piece[], index: number): string {
  const next = pieces[index + 1];
  return next?.kind === 'text' ? next.raw : '';
}

function countQuestionMarks(raw: string): number {
  return (raw.replace(/\?\?/g, '').match(/\?/g) ?? []).length;
}

function highestDollarPlaceholder(pieces: Piece[]): number {
  let highest = 0;
  for (const piece of pieces) {
    if (piece.kind !== 'text') continue;
    for (const match of piece.raw.matchAll(/\$(\d+)/g)) highest = Math.max(highest, Number(match[1]));
  }
  return highest;
}

function existingNamedParameters(pieces: Piece[], sigil: string): string[] {
  const names: string[] = [];
  const pattern = sigil === ':' ? /(?<!:):(\w+)/g : /@(\w+)/g;
  for (const piece of pieces) if (piece.kind === 'text') for (const match of piece.raw.matchAll(pattern)) names.push(match[1]!);
  return names;
}

class NameAllocator {
  private readonly taken: Set<string>;
  constructor(existing: Iterable<string>) {
    this.taken = new Set(existing);
  }
  allocate(expr: ts.Expression): string {
    const base = parameterNameFor(expr);
    let name = base;
    for (let n = 2; this.taken.has(name); n++) name = `${base}${n}`;
    this.taken.add(name);
    return name;
  }
}

function parameterNameFor(expression: ts.Expression): string {
  let node = skipOuterExpressions(expression);
  while (ts.isCallExpression(node)) node = ts.isPropertyAccessExpression(node.expression) ? node.expression.expression : node.expression;
  const name = ts.isIdentifier(node) ? node.text : ts.isPropertyAccessExpression(node) ? node.name.text : ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression) ? node.argumentExpression.text : 'value';
  const clean = name.replace(/\W/g, '_');
  return /^[A-Za-z_]/.test(clean) ? clean : `p_${clean}`;
}
