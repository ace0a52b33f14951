// Prisma client options that hide fields from every query: `new PrismaClient({ omit: { user: { password: true } } })`
// (Prisma 5.16+/6). Recorded per file; the catalogue applies them to the schema that file uses.
import * as ts from 'typescript';
import { isTrue, objectProperties, propertyAt, propertyValue, type ModelSource } from './model-source';

export const PRISMA_OMIT = 'omit in the PrismaClient options';

export function summarizePrismaClient(source: ModelSource): void {
  if (!source.imports('prisma')) return;
  for (const call of source.builder.calls) {
    if (!ts.isNewExpression(call) || !/(^|\.)PrismaClient$/.test(call.expression.getText(source.sourceFile))) continue;
    const omit = objectProperties(propertyAt(call.arguments?.[0], ['omit']));
    for (const [accessor, property] of omit?.properties ?? []) {
      for (const [field, flag] of objectProperties(propertyValue(property))?.properties ?? []) {
        if (isTrue(propertyValue(flag))) (source.builder.summary.prismaOmit ??= []).push({ accessor, field });
      }
    }
  }
}
