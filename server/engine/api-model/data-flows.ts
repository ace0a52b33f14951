// Which parameters of an exported function or method are written whole into a stored record: a service's
// `update(id, dto) { return this.repo.save(dto) }`. Recorded in the file's summary so `mass-assignment` can report a
// controller that passes a request body to it. The same sink and body recognition as the rule, with stand-in models
// (the catalogue is only known once linked): each write names its model as the file does, resolved when it is used.
import * as ts from 'typescript';
import type { DataModel, DataModelCatalogue, DataModelRef, ParameterWrite } from '../../../rules/support/api-model';
import { ALL_WRITE_METHOD_NAMES } from '../../../rules/data/orm-writes';
import { OrmWriteSinks } from '../../../rules/support/orm-write-sinks';
import { skipOuterExpressions } from '../../../rules/support/dataflow';
import { bodyAt, isWholeBodyAccess, RequestBodies } from '../../../rules/support/request-body';
import type { SummaryBuilder } from './summarize';

const MAX_WRITES_PER_FUNCTION = 20;

/** A catalogue that answers every question with a stand-in remembering the question, to be asked again when linked. */
class StandInModels implements DataModelCatalogue {
  readonly all: readonly DataModel[] = [];
  private readonly refs = new WeakMap<DataModel, DataModelRef>();

  refOf(model: DataModel | undefined): DataModelRef | undefined {
    return model ? this.refs.get(model) : undefined;
  }

  named(_filePath: string, localName: string, members?: readonly string[]): DataModel {
    return this.standIn({ kind: 'named', name: localName, ...(members && members.length > 0 ? { members: [...members] } : {}) }, localName);
  }

  declaredIn(filePath: string, name: string): DataModel {
    return this.standIn({ kind: 'declaredIn', filePath, name }, name);
  }

  prismaModel(_filePath: string, accessor: string): DataModel {
    return this.standIn({ kind: 'prisma', accessor }, accessor);
  }

  byName(name: string): DataModel {
    return this.standIn({ kind: 'byName', name }, name);
  }

  private standIn(ref: DataModelRef, name: string): DataModel {
    const model: DataModel = { name, orm: 'typescript', fields: [], declaredAt: { filePath: '', start: 0, end: 0, line: 0 }, partial: true };
    this.refs.set(model, ref);
    return model;
  }
}

/** Per summary: the stand-in catalogue and sink finder, made once for all the file's exported functions. */
const finders = new WeakMap<SummaryBuilder, { models: StandInModels; sinks: OrmWriteSinks }>();

export function parameterWritesOf(builder: SummaryBuilder, fn: ts.FunctionLikeDeclaration): ParameterWrite[] {
  const body = fn.body;
  if (!body || fn.parameters.length === 0) return [];
  const calls = builder.calls.filter((call) => call.pos >= body.pos && call.end <= body.end && isWriteShaped(call));
  if (calls.length === 0) return [];
  let finder = finders.get(builder);
  if (!finder) {
    const models = new StandInModels();
    finder = { models, sinks: new OrmWriteSinks({ filePath: builder.filePath, sourceFile: builder.sourceFile, index: builder.index, models }, { anyOrm: true }) };
    finders.set(builder, finder);
  }
  const parameters = new Set(fn.parameters.filter((parameter) => ts.isIdentifier(parameter.name)));
  const bodies = new RequestBodies(builder.index, { globalWhitelistPipe: false, parameterBodies: parameters });
  const writes: ParameterWrite[] = [];
  for (const call of calls) {
    const sink = finder.sinks.sinkAt(call);
    if (!sink) continue;
    for (const data of sink.data) {
      const found = bodyAt(data, bodies);
      const parameter = found?.body.parameter;
      if (!found || !parameter) continue;
      const argument = (call.arguments ?? []).findIndex((arg) => arg.pos <= data.pos && data.end <= arg.end);
      const model = finder.models.refOf(sink.model);
      writes.push({
        parameter: fn.parameters.indexOf(parameter),
        sink: sink.label,
        method: sink.method,
        receiver: sink.receiver,
        argument,
        ...(model ? { model } : {}),
        ...(found.body.removed.size > 0 ? { removed: [...found.body.removed] } : {}),
        ...(sink.onlyFields ? { onlyFields: [...sink.onlyFields] } : {}),
        at: builder.spot(found.site),
      });
      if (writes.length >= MAX_WRITES_PER_FUNCTION) return writes;
    }
  }
  return writes;
}

function isWriteShaped(call: ts.CallExpression | ts.NewExpression): boolean {
  if (ts.isNewExpression(call)) return (call.arguments?.length ?? 0) > 0;
  return ts.isPropertyAccessExpression(call.expression) && ALL_WRITE_METHOD_NAMES.has(call.expression.name.text);
}

/**
 * Whether some call of the file is given a request body as written (`req.body`, `await request.json()`, a `@Body()`
 * parameter): the CLI's second pass then reads the file for mass-assignment. Aliases are not followed: a cheap gate.
 */
export function passesRequestBody(builder: SummaryBuilder): boolean {
  return builder.calls.some((call) => (call.arguments ?? []).some((argument) => isBodyAsWritten(argument, builder)));
}

function isBodyAsWritten(argument: ts.Expression, builder: SummaryBuilder): boolean {
  const node = skipOuterExpressions(argument);
  if (isWholeBodyAccess(node)) return true;
  if (!ts.isIdentifier(node)) return false;
  const declaration = builder.index.resolve(node);
  const parameter = declaration?.node;
  return !!parameter && ts.isParameter(parameter) && (ts.getDecorators(parameter) ?? []).some((d) => /^Body\b/.test(d.expression.getText(builder.sourceFile)));
}
