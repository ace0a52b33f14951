// The data-model summarizers, run from the SummaryBuilder's `finish` over the nodes the engine's walk collected.
// Each ORM is one file; the catalogue (catalogue.ts) links what they find across files at link time.
import * as ts from 'typescript';
import { isOrmDataMethod } from '../../../../rules/data/orm-models';
import type { SummaryBuilder } from '../summarize';
import { summarizeDrizzle } from './drizzle';
import { ModelSource } from './model-source';
import { summarizeMongoose } from './mongoose';
import { summarizeObjection } from './objection';
import { summarizePrismaClient } from './prisma-client';
import { summarizeSequelize } from './sequelize';
import { summarizeSerialisation } from './serialisation';
import { summarizeEntities } from './typeorm';

export function summarizeDataModels(builder: SummaryBuilder): void {
  const source = new ModelSource(builder);
  summarizeSequelize(source);
  summarizeMongoose(source);
  summarizeEntities(source);
  summarizeDrizzle(source);
  summarizeObjection(source);
  summarizePrismaClient(source);
  summarizeSerialisation(source);
  if (touchesData(builder)) builder.summary.dataAccess = true;
}

/** An ORM read or write call, or `new` of a class (a model instance saved later): the data rules look here. */
function touchesData(builder: SummaryBuilder): boolean {
  for (const call of builder.calls) {
    const callee = call.expression;
    if (ts.isNewExpression(call)) {
      if (ts.isIdentifier(callee) && /^[A-Z]/.test(callee.text) && (builder.summary.imports[callee.text] !== undefined || builder.summary.dataModels?.some((model) => model.binding === callee.text))) return true;
      continue;
    }
    if (ts.isPropertyAccessExpression(callee) && isOrmDataMethod(callee.name.text)) return true;
  }
  return false;
}
