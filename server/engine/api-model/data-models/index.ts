// The data-model summarizers, run from the SummaryBuilder's `finish` over the nodes the engine's walk collected.
// Each ORM is one file; the catalogue (catalogue.ts) links what they find across files at link time.
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
  if (touchesData(source)) builder.summary.dataAccess = true;
}

/** An ORM read or write call, or `new` of a model imported or declared here: the data rules look here. */
function touchesData(source: ModelSource): boolean {
  if (source.callsDataMethod) return true;
  // A service holding a repository under any name (`@InjectRepository(User) private users: Repository<User>`); a file
  // that imports the ORM to declare models is not one by that alone.
  if (source.importedOrmModules().size > 0 && !(source.builder.summary.dataModels?.length)) return true;
  const { summary } = source.builder;
  for (const name of source.constructedNames) {
    if (summary.imports[name] !== undefined || summary.dataModels?.some((model) => model.binding === name)) return true;
  }
  return false;
}
