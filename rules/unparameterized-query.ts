// unparameterized-query: SQL text built from non-constant values (templates, `+`, `+=` over several statements,
// concat/join/replace/format) that reaches a call that runs it, for the drivers and ORMs in data/sql-sinks.ts.
// Receivers are recognised by what they are (imports, constructors, annotations, the checker as a last resort),
// so `db.query` on an arbitrary object is not a sink. Fixes rewrite to the driver's own parameterized form.
import * as ts from 'typescript';
import { ALL_SINK_METHOD_NAMES, DISTINCTIVE_SINKS, driverById, driverForModule, type DriverModel, type SinkMethod } from './data/sql-sinks';
import { bindingRoot, enclosingFunction, FileIndex, skipOuterExpressions } from './support/dataflow';
import { DriverExports } from './support/driver-exports';
import { RequestSources } from './support/request-sources';
import { requestDataFromCaller } from './support/sql-request-paths';
import { isTestFile } from './support/test-files';
import { defineRule, type RuleContext, type RuleVisitors, type Severity } from './support/rule';
import { SqlReceivers, type DriverValue } from './support/sql-receivers';
import { hasConstantType } from './support/sql-constant-types';
import { isAllowListChecked, SqlTextAnalyzer } from './support/sql-text';
import { dedupe, shortExpressionText } from './support/source-edits';
import { literalToValueFix, planFix, type Services, type Sink, type TypeormDatabase } from './support/sql-fix';

export interface UnparameterizedQueryOptions {
  /** Placeholder style of TypeORM `query()`: 'auto' reads `type: '…'` from a DataSource in the file, else postgres. */
  typeormDatabase: TypeormDatabase;
  /**
   * Ask the type checker when a receiver's declared type comes from another file, and whether a value that is not
   * request data has a literal, enum, number or boolean type (builds a program once, only when there is a question).
   */
  useTypeInformation: boolean;
  /** Severity of values that are neither constants nor request data (capped by the rule's severity). */
  nonRequestSeverity: Severity;
}

const SEVERITIES: readonly Severity[] = ['hint', 'info', 'warning', 'error'];

type MessageId = 'requestValue' | 'dynamicValue' | 'requestIdentifier' | 'dynamicIdentifier' | 'requestText' | 'parameterValue' | 'requestValueFromCaller' | 'requestIdentifierFromCaller';

/** Drivers that also take the query as a config object, and the property that holds its text. */
const QUERY_OBJECT_TEXT_PROPERTY: Record<string, string> = { pg: 'text', mysql: 'sql' };


export const unparameterizedQuery = defineRule<UnparameterizedQueryOptions, MessageId>({
  meta: {
    id: 'unparameterized-query',
    description: 'SQL text built from non-constant values and run by a database driver or ORM (SQL injection).',
    category: 'injection',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: ['CWE-89'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: ['pg', 'pg-promise', 'postgres', 'mysql', 'mysql2', 'sqlite3', 'better-sqlite3', 'mssql', 'sequelize', 'knex', 'typeorm', 'prisma', 'kysely', 'drizzle-orm', 'mikro-orm'],
    requiresTypes: true,
    fixable: true,
    messages: {
      requestValue: 'Request data `{{value}}` is written into the SQL text run by {{sink}}; pass it as a bound parameter instead.{{note}}',
      dynamicValue: '`{{value}}` is not a constant and is written into the SQL text run by {{sink}}; pass it as a bound parameter instead.{{note}}',
      requestIdentifier:
        'Request data `{{value}}` is written into the SQL text run by {{sink}} as an identifier (column, table or sort direction), which cannot be a bound parameter; check it against an allow-list first.{{note}}',
      dynamicIdentifier:
        '`{{value}}` is not a constant and is written into the SQL text run by {{sink}} as an identifier (column, table or sort direction), which cannot be a bound parameter; check it against an allow-list first.{{note}}',
      requestText: 'The whole SQL text run by {{sink}} comes from the request (`{{value}}`); never run client-supplied SQL.',
      parameterValue:
        '`{{value}}` comes from a parameter of `{{function}}`, so from whatever its callers pass, and is written into the SQL text run by {{sink}}; pass it as a bound parameter instead.{{note}}',
      requestValueFromCaller: 'Request data {{path}} is written into the SQL text run by {{sink}}; pass it as a bound parameter instead.{{note}}',
      requestIdentifierFromCaller:
        'Request data {{path}} is written into the SQL text run by {{sink}} as an identifier (column, table or sort direction), which cannot be a bound parameter; check it against an allow-list first.{{note}}',
    },
    // Pass 1 of a scan sees only in-file flows; the CLI re-runs the rule where the index says request data arrives from other modules.
    refinedByApiModel: true,
  },
  // Files where some function is given request data by another module and passes it on (possibly into SQL text).
  hasFindingsIn: (model, filePath) => model.receivesRequestData?.(filePath) ?? false,
  defaultOptions: { typeormDatabase: 'auto', useTypeInformation: true, nonRequestSeverity: 'hint' },
  create(context) {
    // The index is fed by the engine's walk instead of a second walk of its own (that walk cost as much as the
    // engine's). Sinks need the whole file indexed, so sink-named calls are collected and checked in onEnd, in
    // walk order, as they were checked during the walk before.
    const index = new FileIndex(context.sourceFile, { walk: false });
    const sinkNamedCalls: ts.CallExpression[] = [];
    const indexNode = (node: ts.Node) => index.add(node);
    // onEnd stays a property of this literal: assigned afterwards (`visitors.onEnd = …`), V8 kept every file's tree
    // alive through young-generation GCs (bisected: +150 ms per 50k-line scan).
    const visitors: RuleVisitors = {
      [ts.SyntaxKind.CallExpression]: (node) => {
        index.add(node);
        const calleeName = nameOfCallee(node as ts.CallExpression);
        if (calleeName !== undefined && ALL_SINK_METHOD_NAMES.has(calleeName)) sinkNamedCalls.push(node as ts.CallExpression);
      },
      onEnd: () => {
        if (sinkNamedCalls.length === 0) return;
        // Every use of an imported binding asks again (receivers are cached per node): one answer per import and analysis.
        const driverExports = new DriverExports(context.workspace, context.filePath);
        // Each getTypeChecker() call updates the program: ask once per file, and only when a question comes up.
        let checker: ts.TypeChecker | null | undefined;
        const typeChecker = () => {
          if (checker === undefined) {
            try {
              checker = context.getTypeChecker();
            } catch {
              checker = null;
            }
          }
          return checker ?? undefined;
        };
        const receivers = new SqlReceivers(index, (specifier, exportName, member) => driverExports.lookup(specifier, exportName, member));
        const services: Services = { index, receivers, text: new SqlTextAnalyzer(index), sources: new RequestSources(index), typeChecker };
        for (const call of sinkNamedCalls) {
          const sink = findSink(call, services, context);
          if (sink) checkSink(sink, services, context);
        }
      },
    };
    for (const kind of FileIndex.INDEXED_KINDS) if (kind !== ts.SyntaxKind.CallExpression) visitors[kind] = indexNode;
    return visitors;
  },
});

/** A project wrapper that passes on only the text (`query: (text) => pool.query(text)`) drops the values a fix would add. */
function throughWrapper(method: SinkMethod, owner: DriverValue, callee: ts.PropertyAccessExpression): SinkMethod {
  const passedOn = owner.methods?.get(method.name);
  if (passedOn === undefined || passedOn > method.textArg + 1 || method.passing === 'none') return method;
  return { ...method, passing: 'none', noFixReason: `\`${callee.name.text}\` of this wrapper passes on only the SQL text, so values cannot be bound through it` };
}

function nameOfCallee(call: ts.CallExpression): string | undefined {
  const callee = call.expression;
  if (ts.isPropertyAccessExpression(callee)) return callee.name.text;
  if (ts.isIdentifier(callee)) return callee.text;
  return undefined;
}

function findSink(call: ts.CallExpression, services: Services, context: RuleContext<UnparameterizedQueryOptions>): Sink | undefined {
  const callee = call.expression;
  if (ts.isIdentifier(callee)) {
    const value = services.receivers.classify(callee);
    if (value?.kind !== 'export') return undefined;
    const method = value.driver.functionSinks?.find((s) => s.name === value.exportName);
    return method ? { driver: value.driver, method, call } : undefined;
  }
  if (!ts.isPropertyAccessExpression(callee)) return undefined;
  const name = callee.name.text;
  const owner = services.receivers.classify(callee.expression);
  if (owner?.kind === 'receiver') {
    const method = owner.methods && !owner.methods.has(name) ? undefined : owner.driver.sinks.find((s) => s.name === name);
    if (method) return { driver: owner.driver, method: throughWrapper(method, owner, callee), call, receiver: callee.expression, receiverValue: owner };
  }
  if (owner?.kind === 'export' || owner?.kind === 'module') {
    const namespaceSink = owner.driver.namespaceSinks?.find((s) => s.method.name === name && (owner.kind === 'module' || s.object === owner.exportName));
    if (namespaceSink) return { driver: owner.driver, method: namespaceSink.method, call, receiver: callee.expression, receiverValue: owner };
    return undefined;
  }
  const distinctive = DISTINCTIVE_SINKS.find((s) => s.method.name === name);
  if (distinctive) return { driver: driverById(distinctive.driverId), method: distinctive.method, call, receiver: callee.expression };
  if (!owner && context.options.useTypeInformation) {
    const driver = driverFromChecker(callee.expression, services, context);
    const method = driver?.sinks.find((s) => s.name === name);
    if (driver && method) return { driver, method, call, receiver: callee.expression, receiverValue: { driver, kind: 'receiver' } };
  }
  return undefined;
}

/**
 * Last resort for receivers declared with a type from another file (`private db: Db`, `prisma: PrismaService`):
 * ask the checker where the type (or a base type) is declared. Only runs for a call whose method is a sink name
 * on a receiver with such an annotation, so most files never build a program.
 */
function driverFromChecker(receiver: ts.Expression, services: Services, context: RuleContext<UnparameterizedQueryOptions>): DriverModel | undefined {
  const declared = services.receivers.declaredTypeOf(receiver);
  if (!declared || !ts.isTypeReferenceNode(declared) || !isDeclaredInWorkspace(declared.typeName, services)) return undefined;
  const checker = services.typeChecker();
  if (!checker) return undefined;
  const type = checker.getTypeAtLocation(receiver);
  const seen = new Set<ts.Type>();
  const queue: ts.Type[] = [type];
  while (queue.length > 0) {
    const current = queue.shift()!;
    if (seen.has(current) || seen.size > 20) continue;
    seen.add(current);
    for (const declaration of current.getSymbol()?.getDeclarations() ?? []) {
      const driver = driverForDeclarationFile(declaration.getSourceFile().fileName);
      if (driver) return driver;
    }
    if (current.isClassOrInterface()) queue.push(...(checker.getBaseTypes(current) ?? []));
  }
  return undefined;
}

/**
 * Only a type from the user's own files can hide a driver (`class Db extends Pool`); a type imported from a
 * package that is not a driver (`DatabasePool` from slonik) cannot, so the checker is not asked about it.
 */
function isDeclaredInWorkspace(typeName: ts.EntityName, services: Services): boolean {
  let left: ts.EntityName = typeName;
  while (ts.isQualifiedName(left)) left = left.left;
  const declaration = services.index.resolve(left);
  if (!declaration) return false;
  const imported = services.index.importOf(declaration);
  if (!imported) return true;
  return /^(\.{1,2}\/|@\/|~\/|src\/|#)/.test(imported.module);
}

function driverForDeclarationFile(fileName: string): DriverModel | undefined {
  const match = /\/node_modules\/(?:@types\/)?((?:@[^/]+\/)?[^/]+)\//.exec(fileName.replace(/\\/g, '/'));
  if (!match) return undefined;
  const module = match[1] === '.prisma' ? '@prisma/client' : match[1]!;
  return driverForModule(module);
}

// ---------------------------------------------------------------------------------------------------------------

function checkSink(sink: Sink, services: Services, context: RuleContext<UnparameterizedQueryOptions>): void {
  let textArg = sink.call.arguments[sink.method.textArg];
  if (!textArg || ts.isSpreadElement(textArg)) return;
  const textProperty = QUERY_OBJECT_TEXT_PROPERTY[sink.driver.id];
  if (textProperty && ts.isObjectLiteralExpression(textArg)) {
    const property = textArg.properties.find((p) => ts.isPropertyAssignment(p) && ts.isIdentifier(p.name) && p.name.text === textProperty);
    if (!property || !ts.isPropertyAssignment(property)) return;
    sink.queryObject = textArg;
    textArg = property.initializer;
  }
  const calleeText = shortExpressionText(sink.call.expression, context.sourceFile, 1000).replace(/\s*\.\s*/g, '.');
  const shownCallee = calleeText.length > 40 && ts.isPropertyAccessExpression(sink.call.expression) ? `….${sink.call.expression.name.text}` : calleeText;
  const sinkLabel = `\`${shownCallee}\` (${sink.driver.label})`;
  // Kysely `sql.lit(x)` takes a value, not text: the value itself is what gets written into SQL.
  const isLiteralValue = sink.driver.id === 'kysely' && sink.method.name === 'lit';
  services.text.rewrittenTexts.clear();
  const analysis = isLiteralValue ? { built: true, values: services.text.valuesIn(textArg) } : services.text.analyze(textArg);
  if (!analysis.built) {
    if (services.sources.carriesRequestData(textArg)) {
      context.report({ messageId: 'requestText', node: textArg, data: { sink: sinkLabel, value: shortExpressionText(textArg, context.sourceFile) } });
    }
    return;
  }
  const values = dedupe(analysis.values).filter((value) => !isAllowListChecked(value, sink.call, services.index));
  if (values.length === 0) return;
  const isRequest = (value: ts.Expression) => services.sources.carriesRequestData(value) || reachesFromRequestThroughCaller(value, sink.call, services);
  // Request data stays reported whatever its declared type (`req.query.dir as 'asc' | 'desc'` is a claim, not a
  // check); other values whose type says literal, enum, number or boolean are constants, so they leave the text.
  const typeQuestions = { filePath: context.filePath, sourceFile: context.sourceFile, useTypeInformation: context.options.useTypeInformation };
  // sqlflow: so is request data handed over by a caller in another module (`sort: 'asc' | 'desc'` given `req.query.sort`).
  const fromCallers = (value: ts.Expression) => requestDataFromCaller([value], sink.call, services.index, context) !== undefined;
  for (const value of values) if (!isRequest(value) && hasConstantType(value, services, typeQuestions) && !fromCallers(value)) services.text.markConstant(value);
  const remaining = values.filter((value) => !services.text.isSafe(value));
  if (remaining.length === 0) return;
  const plan = isLiteralValue ? literalToValueFix(sink) : planFix(sink, textArg, services, context);
  // Tiers, and what the message names: request data (an identifier before a value) is an error; a value (not an
  // identifier) taken from a parameter of the enclosing functions comes from callers nobody here sees, a warning;
  // anything else that is not constant (configuration, rows, schema names, identifiers) is nonRequestSeverity.
  const requestIdentifier = plan.identifiers.find(isRequest);
  const requestValue = requestIdentifier ?? remaining.find(isRequest);
  // sqlflow ↓ request data a caller in another module hands to a parameter here (the workspace index; sql-request-paths.ts).
  const fromCaller = requestValue ? undefined : requestDataFromCaller([...plan.identifiers, ...remaining, ...rewrittenTextsIn(services)], sink.call, services.index, context);
  // sqlflow ↑
  const inIdentifier = (value: ts.Expression) => plan.identifiers.some((identifier) => value.pos >= identifier.pos && value.end <= identifier.end);
  let parameter: ts.ParameterDeclaration | undefined;
  const parameterValue = requestValue || fromCaller ? undefined : remaining.find((value) => !inIdentifier(value) && (parameter = callerSuppliedParameterOf(value, services)) !== undefined);
  const quotedValue = plan.quotedValues?.[0];
  const shown = requestValue ?? fromCaller?.value ?? parameterValue ?? quotedValue ?? plan.identifiers[0] ?? remaining[0]!;
  const isIdentifier = plan.identifiers.includes(shown);
  // In tests, fixtures and mocks the callers of a helper are tests, not requests: a parameter there is no more than any other value.
  const parameterSeverity = isTestFile(context.filePath, context.workspace.projectRoot) ? nonRequestSeverity(context.options) : 'warning';
  const severity = requestValue || fromCaller ? 'error' : parameterValue ? parameterSeverity : nonRequestSeverity(context.options);
  const messageId: MessageId = fromCaller
    ? isIdentifier ? 'requestIdentifierFromCaller' : 'requestValueFromCaller'
    : requestValue ? (isIdentifier ? 'requestIdentifier' : 'requestValue') : parameterValue ? 'parameterValue' : isIdentifier ? 'dynamicIdentifier' : 'dynamicValue';
  const note = plan.reason ? ` No automatic fix: ${plan.reason}.` : '';
  const functionLabel = parameter ? functionLabelOf(parameter.parent) : '';
  context.report({
    messageId,
    node: textArg,
    severity,
    data: { value: shortExpressionText(shown, context.sourceFile), sink: sinkLabel, driver: sink.driver.label, note, function: functionLabel, path: fromCaller?.path ?? '', ...(plan.reason ? { fixUnavailable: plan.reason } : {}) },
    fixes: plan.fixes,
  });
}

/**
 * The parameter a value is read from (`name`, `filter.value`, or a local set from one), when that parameter is
 * filled by callers: a named function, method or function-valued property. Callback parameters (`rows.map((r) => …)`)
 * are filled by the callee, so they do not count.
 */
function callerSuppliedParameterOf(value: ts.Expression, services: Services, depth = 0): ts.ParameterDeclaration | undefined {
  let node = skipOuterExpressions(value);
  while (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) node = skipOuterExpressions(node.expression);
  if (ts.isBinaryExpression(node) && (node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken || node.operatorToken.kind === ts.SyntaxKind.BarBarToken)) {
    return callerSuppliedParameterOf(node.left, services, depth + 1);
  }
  if (!ts.isIdentifier(node) || depth > 3) return undefined;
  const declaration = services.index.resolve(node);
  if (!declaration) return undefined;
  let declared: ts.Node = declaration.node;
  if (ts.isBindingElement(declared)) declared = bindingRoot(declared);
  if (ts.isParameter(declared)) return isCallerSupplied(declared) && callersMayPassRequestData(declared, services) ? declared : undefined;
  if (ts.isVariableDeclaration(declared) && declared.initializer && services.index.writesTo(declaration).length === 0) return callerSuppliedParameterOf(declared.initializer, services, depth + 1);
  return undefined;
}

function isCallerSupplied(parameter: ts.ParameterDeclaration): boolean {
  const fn = parameter.parent;
  if (ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn) || ts.isConstructorDeclaration(fn)) return true;
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return false;
  // Passed straight to a call, it is a callback the callee fills.
  return !ts.isCallExpression(fn.parent) && !ts.isNewExpression(fn.parent);
}

/**
 * Whether callers may pass request data to this parameter. Nothing here can tell yet, so every caller may; the
 * workspace index's per-function summaries (sqlflow) answer here when they prove that no caller does.
 */
function callersMayPassRequestData(_parameter: ts.ParameterDeclaration, _services: Services): boolean {
  return true;
}

function functionLabelOf(fn: ts.SignatureDeclaration): string {
  if (fn.name && (ts.isIdentifier(fn.name) || ts.isStringLiteral(fn.name))) return fn.name.text;
  if (ts.isConstructorDeclaration(fn)) return 'constructor';
  const named = functionName(fn);
  return named ?? 'this function';
}

function nonRequestSeverity(options: UnparameterizedQueryOptions): Severity {
  return SEVERITIES.includes(options.nonRequestSeverity) ? options.nonRequestSeverity : 'hint';
}

/** One level across functions in this file: `function find(name) { db.query(`…${name}`) }` called with `req.body.name`. */
function reachesFromRequestThroughCaller(value: ts.Expression, sinkCall: ts.CallExpression, services: Services): boolean {
  const parameters = parameterRoots(value, services, 0);
  for (const parameter of parameters) {
    const fn = parameter.parent;
    if (!ts.isFunctionLike(fn) || !enclosingFunctionsOf(sinkCall).includes(fn)) continue;
    const name = functionName(fn);
    if (!name) continue;
    const position = fn.parameters.indexOf(parameter);
    for (const call of services.index.callsNamed(name)) {
      const arg = call.arguments[position];
      if (arg && !isInside(call, fn) && services.sources.carriesRequestData(arg)) return true;
    }
  }
  return false;
}

function parameterRoots(expression: ts.Node, services: Services, depth: number): ts.ParameterDeclaration[] {
  const found: ts.ParameterDeclaration[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node)) {
      const declaration = services.index.resolve(node);
      if (!declaration) return;
      if (ts.isParameter(declaration.node)) found.push(declaration.node);
      else if (ts.isVariableDeclaration(declaration.node) && declaration.node.initializer && depth < 3) {
        found.push(...parameterRoots(declaration.node.initializer, services, depth + 1));
      }
      return;
    }
    if (ts.isPropertyAccessExpression(node)) {
      visit(node.expression);
      return;
    }
    node.forEachChild(visit);
  };
  visit(expression);
  return found;
}

function enclosingFunctionsOf(node: ts.Node): ts.Node[] {
  const functions: ts.Node[] = [];
  for (let current = enclosingFunction(node); current; current = enclosingFunction(current)) functions.push(current);
  return functions;
}

function functionName(fn: ts.SignatureDeclaration): string | undefined {
  if ((ts.isFunctionDeclaration(fn) || ts.isMethodDeclaration(fn)) && fn.name && ts.isIdentifier(fn.name)) return fn.name.text;
  const parent = fn.parent;
  if ((ts.isVariableDeclaration(parent) || ts.isPropertyAssignment(parent) || ts.isPropertyDeclaration(parent)) && ts.isIdentifier(parent.name)) return parent.name.text;
  return undefined;
}

function isInside(node: ts.Node, container: ts.Node): boolean {
  return node.pos >= container.pos && node.end <= container.end;
}

// ---------------------------------------------------------------------------------------------------------------
// Fixes

/** Texts built elsewhere and written whole into this sink's text through replace() (`${sql.replace(a, 'b')}`): a caller may fill them with request data. */
function rewrittenTextsIn(services: Services): ts.Expression[] {
  return [...services.text.rewrittenTexts];
}
