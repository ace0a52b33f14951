// Prisma client options that hide fields from every query: `new PrismaClient({ omit: { user: { password: true } } })`
// (Prisma 5.16+/6). Recorded per file; the catalogue applies them to the schema that file uses.
import * as ts from 'typescript';
import { isTrue, objectProperties, propertyAt, propertyValue, type ModelSource } from './model-source';

export const PRISMA_OMIT = 'omit in the PrismaClient options';

export function summarizePrismaClient(source: ModelSource): void {
  if (!source.imports('prisma')) return;
  for (const call of source.builder.calls) {
    if (!ts.isNewExpression(call) || !/(^|\.)PrismaClient$/.test(call.expression.getText(source.sourceFile))) continue;
    recordClientBinding(source, call);
    const omit = objectProperties(propertyAt(call.arguments?.[0], ['omit']));
    for (const [accessor, property] of omit?.properties ?? []) {
      for (const [field, flag] of objectProperties(propertyValue(property))?.properties ?? []) {
        if (isTrue(propertyValue(flag))) (source.builder.summary.prismaOmit ??= []).push({ accessor, field });
      }
    }
  }
}

/**
 * The names a client is kept under here, for `import { prisma } from './db'` elsewhere: `const prisma = new
 * PrismaClient()` (also through `globalThis.prisma ?? …` and `.$extends(…)`), `module.exports = new PrismaClient()`.
 */
function recordClientBinding(source: ModelSource, construction: ts.NewExpression): void {
  let value: ts.Node = construction;
  // `new PrismaClient().$extends(…)`
  while (value.parent && ts.isPropertyAccessExpression(value.parent) && value.parent.name.text === '$extends' && value.parent.parent && ts.isCallExpression(value.parent.parent)) value = value.parent.parent;
  const { binding, exportedAs } = source.bindingOf(value);
  const names = (source.builder.summary.prismaClients ??= []);
  for (const name of [...(binding ? [binding] : []), ...(exportedAs ?? []).map((exported) => `export:${exported}`)]) if (!names.includes(name)) names.push(name);
}
