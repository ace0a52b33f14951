// REST generators that register routes for ORM models: finale-rest / epilogue (`finale.initialize({ app })`, then
// `finale.resource({ model, endpoints: ['/api/Users', '/api/Users/:id'] })`). Their routes join the app at the
// `resource` call, so the middleware `use`d before it covers them. Endpoints written as templates over a loop
// (`for (const { name } of models) … endpoints: [`/api/${name}s`, …]`) are expanded when the list is a constant
// array of object literals; otherwise the file's summary says what could not be known.
import * as ts from 'typescript';
import { propertyNameText, staticStringValue } from '../../../../rules/support/ast';
import { skipOuterExpressions } from '../../../../rules/support/dataflow';
import { REST_GENERATORS } from '../../../../rules/data/frameworks';
import type { SummaryBuilder } from '../summarize';
import type { ContainerSummary } from '../summary';
import { loopEnvironments, substitute, type LoopEnvironment } from '../loops';
import type { FrameworkSummarizer } from './index';

/** What a generated resource answers: list and create on the collection, read/update/delete on an item. */
const COLLECTION_METHODS = ['GET', 'POST'];
const ITEM_METHODS = ['GET', 'PUT', 'PATCH', 'DELETE'];

export const restGeneratorSummarizer: FrameworkSummarizer = {
  framework: 'express',
  summarize(builder) {
    const generators = new Set(Object.entries(builder.summary.imports).filter(([, binding]) => REST_GENERATORS.has(binding.module)).map(([local]) => local));
    if (generators.size === 0) return;
    let app: ContainerSummary | undefined;
    for (const call of builder.calls) {
      if (!ts.isCallExpression(call) || !ts.isPropertyAccessExpression(call.expression)) continue;
      const object = skipOuterExpressions(call.expression.expression);
      if (!ts.isIdentifier(object) || !generators.has(object.text)) continue;
      const method = call.expression.name.text;
      if (method === 'initialize') app = appOf(builder, call) ?? app;
      else if (method === 'resource') addResource(builder, call, app);
    }
  },
};

/** `finale.initialize({ app, sequelize })`: the container the resources are registered on. */
function appOf(builder: SummaryBuilder, call: ts.CallExpression): ContainerSummary | undefined {
  const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  if (!options || !ts.isObjectLiteralExpression(options)) return undefined;
  for (const property of options.properties) {
    const value = ts.isShorthandPropertyAssignment(property) ? property.name : ts.isPropertyAssignment(property) && propertyNameText(property.name) === 'app' ? property.initializer : undefined;
    if (!value || propertyNameText(property.name) !== 'app') continue;
    const id = builder.containerOfExpression(value);
    return id ? builder.summary.containers[id] : undefined;
  }
  return undefined;
}

function addResource(builder: SummaryBuilder, call: ts.CallExpression, app: ContainerSummary | undefined): void {
  const at = builder.spotAt(call.getStart(builder.sourceFile), call.expression.getEnd());
  const options = call.arguments[0] && skipOuterExpressions(call.arguments[0]);
  const endpoints = options && ts.isObjectLiteralExpression(options) ? propertyValue(options, 'endpoints') : undefined;
  if (!app || !endpoints || !ts.isArrayLiteralExpression(skipOuterExpressions(endpoints))) {
    builder.summary.unmodelled.push({ framework: 'express', what: `${builder.textOf(call.expression)}: a generated REST resource whose app or endpoints are not constants`, at });
    return;
  }
  const templates = (skipOuterExpressions(endpoints) as ts.ArrayLiteralExpression).elements;
  const bindings = loopEnvironments(builder, call);
  if (bindings === null) {
    builder.summary.unmodelled.push({ framework: 'express', what: `${builder.textOf(call.expression)} in a loop over a list that is not a constant`, at });
    return;
  }
  for (const environment of bindings) {
    templates.forEach((template, index) => {
      const path = evaluate(template, environment);
      if (path === undefined) return;
      for (const method of index === 0 ? COLLECTION_METHODS : ITEM_METHODS) {
        const model = modelName(environment);
        app.layers.push({
          kind: 'route',
          route: { method, path, middleware: [], handler: { text: `${builder.textOf(call.expression)}(${model}) ${index === 0 ? (method === 'GET' ? 'list' : 'create') : method === 'GET' ? 'read' : method === 'DELETE' ? 'delete' : 'update'}` }, at },
        });
      }
    });
  }
}

/** A string from literals and templates over the loop's variables; undefined when any part is unknown. */
function evaluate(node: ts.Node, environment: LoopEnvironment): string | undefined {
  const inner = skipOuterExpressions(substitute(node as ts.Expression, environment));
  const literal = staticStringValue(inner);
  if (literal !== undefined) return literal;
  if (ts.isTemplateExpression(inner)) {
    let text = inner.head.text;
    for (const span of inner.templateSpans) {
      const value = staticStringValue(skipOuterExpressions(substitute(span.expression, environment)));
      if (value === undefined) return undefined;
      text += value + span.literal.text;
    }
    return text;
  }
  return undefined;
}

/** For the handler's label: the loop's `name` (or `x.name`) when it is a string, else "model". */
function modelName(environment: LoopEnvironment): string {
  for (const [key, value] of environment) {
    if (key === 'name' || key.endsWith('.name')) {
      const text = staticStringValue(value);
      if (text !== undefined) return text;
    }
  }
  return 'model';
}

function propertyValue(object: ts.ObjectLiteralExpression, name: string): ts.Expression | undefined {
  for (const property of object.properties) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return property.initializer;
  }
  return undefined;
}
