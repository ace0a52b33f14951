// The linked data-model catalogue: every file's model summaries joined into `DataModel`s, with what other files
// add to them (associations, serialisers that delete fields, a ClassSerializerInterceptor making `@Exclude()`
// count), names resolved through the Linker's own import/export resolution, and Prisma models looked up in the
// schema that applies to a file. Built at link time from summaries only: cheap, no parsing.
import * as path from 'node:path';
import type { DataModel, DataModelCatalogue, DataModelField } from '../../../../rules/support/api-model';
import type { Linker, Resolved } from '../link';
import type { DataModelSummary, FileSummary } from '../summary';
import { PRISMA_OMIT } from './prisma-client';
import { associationFieldName } from './sequelize';

export const EXCLUDE_WITH_SERIALIZER = '@Exclude() (with ClassSerializerInterceptor)';

/** Where a model's summary lives, to resolve the names it mentions from its own file. */
interface Entry {
  file: FileSummary;
  summary: DataModelSummary;
  model: DataModel;
}

export class LinkedDataModels implements DataModelCatalogue {
  readonly all: DataModel[] = [];
  private readonly entries = new Map<DataModelSummary, Entry>();
  private readonly byModelName = new Map<string, Entry[]>();
  /** Prisma schemas: the folder whose files form one schema → the project folder it serves and its models. */
  private readonly prismaSchemas: { projectDir: string; models: Map<string, DataModel> }[] = [];

  constructor(private readonly linker: Linker) {
    for (const file of linker.files.values()) this.addFile(file);
    for (const file of linker.files.values()) this.applyFileFacts(file);
    this.collectPrismaSchemas();
    for (const file of linker.files.values()) if (file.prismaOmit) this.applyPrismaOmit(file, file.prismaOmit);
    if ([...linker.files.values()].some((file) => file.classSerializer)) this.applyClassSerializer();
  }

  named(filePath: string, localName: string, members: readonly string[] = []): DataModel | undefined {
    const file = this.linker.files.get(path.resolve(filePath));
    if (!file) return undefined;
    const resolved = this.linker.resolve(file, { kind: 'name', name: localName, ...(members.length > 0 ? { members: [...members] } : {}) });
    const found = this.fromResolved(resolved, filePath);
    if (found) return found;
    // `db.User` where models/index.js fills `db` in a loop (sequelize-cli), `sequelize.models.User`: by name, when
    // the object is imported or named like a registry (a local `cache.User` is not one).
    const last = members[members.length - 1];
    const registry = file.imports[localName] !== undefined || REGISTRY_NAME.test(localName) || members.includes('models');
    if (last !== undefined && registry && /^[A-Z]/.test(last) && resolved.kind !== 'container' && resolved.kind !== 'model') {
      return this.byName(last, filePath, (model) => REGISTRY_ORMS.has(model.orm));
    }
    return undefined;
  }

  declaredIn(filePath: string, name: string): DataModel | undefined {
    const file = this.linker.files.get(path.resolve(filePath));
    const summary = file?.dataModels?.find((model) => !model.schemaOnly && (model.binding === name || model.name === name));
    return summary ? this.entries.get(summary)?.model : undefined;
  }

  prismaModel(filePath: string, accessor: string): DataModel | undefined {
    return this.prismaSchemaFor(filePath)?.models.get(accessor);
  }

  byName(name: string, filePath?: string, accept?: (model: DataModel) => boolean): DataModel | undefined {
    const candidates = accept ? this.byModelName.get(name)?.filter((entry) => accept(entry.model)) : this.byModelName.get(name);
    if (!candidates || candidates.length === 0) return undefined;
    if (candidates.length === 1 || filePath === undefined) return candidates[0]!.model;
    const from = path.resolve(filePath);
    let best = candidates[0]!;
    for (const candidate of candidates) if (sharedPrefix(candidate.file.filePath, from) > sharedPrefix(best.file.filePath, from)) best = candidate;
    return best.model;
  }

  isPrismaClient(filePath: string, localName: string): boolean | undefined {
    const file = this.linker.files.get(path.resolve(filePath));
    if (!file) return undefined;
    if (file.prismaClients?.includes(localName)) return true;
    const imported = file.imports[localName];
    return imported ? this.exportsPrismaClient(file, imported.module, imported.imported, 0) : undefined;
  }

  /** `import { prisma } from './db'`: the module creates a client and exports it (directly or re-exported). */
  private exportsPrismaClient(from: FileSummary, module: string, exportName: string, depth: number): boolean | undefined {
    const target = this.linker.resolveModule(from.filePath, module);
    if ('package' in target || depth > 4) return undefined;
    const name = exportName === '*' ? 'default' : exportName;
    if (target.prismaClients?.includes(`export:${name}`)) return true;
    const exported = target.exports[name];
    if (exported?.kind === 'module') return this.exportsPrismaClient(target, exported.module, exported.members?.[0] ?? 'default', depth + 1);
    if (exported?.kind !== 'name') return false;
    if (target.prismaClients?.includes(exported.name)) return true;
    const reimported = target.imports[exported.name];
    return reimported ? this.exportsPrismaClient(target, reimported.module, reimported.imported, depth + 1) : false;
  }

  /** The model a resolved name stands for: a model summary, or `mongoose.model('User', …)` exported as a call. */
  fromResolved(resolved: Resolved, filePath: string): DataModel | undefined {
    if (resolved.kind === 'model') return resolved.model.schemaOnly ? undefined : this.entries.get(resolved.model)?.model;
    if (resolved.kind === 'package' && resolved.called && resolved.members[resolved.members.length - 1] === 'model') {
      const first = resolved.args?.[0];
      const name = first?.kind === 'opaque' ? /^['"`](\w+)['"`]$/.exec(first.text)?.[1] : undefined;
      if (name) return this.byName(name, filePath);
    }
    return undefined;
  }

  private addFile(file: FileSummary): void {
    for (const summary of file.dataModels ?? []) {
      if (summary.schemaOnly) continue;
      const model: DataModel = {
        name: summary.name,
        orm: summary.orm,
        ...(summary.accessor !== undefined ? { accessor: summary.accessor } : {}),
        ...(summary.tableName !== undefined ? { tableName: summary.tableName } : {}),
        fields: summary.fields.map((field) => ({ ...field })),
        declaredAt: summary.at,
        ...(summary.partial ? { partial: true } : {}),
      };
      const entry: Entry = { file, summary, model };
      this.entries.set(summary, entry);
      this.all.push(model);
      const list = this.byModelName.get(model.name) ?? [];
      list.push(entry);
      this.byModelName.set(model.name, list);
      if (summary.binding && summary.binding !== model.name) {
        const byBinding = this.byModelName.get(summary.binding) ?? [];
        byBinding.push(entry);
        this.byModelName.set(summary.binding, byBinding);
      }
    }
  }

  /** Schemas of Mongoose models, associations and serialisers declared in `file`. */
  private applyFileFacts(file: FileSummary): void {
    for (const summary of file.dataModels ?? []) {
      const entry = this.entries.get(summary);
      if (entry && summary.schema !== undefined) this.applySchema(entry, summary.schema);
      if (entry && summary.extendsName !== undefined) this.applyBaseClass(entry);
    }
    for (const relation of file.dataRelations ?? []) {
      const source = this.modelNamed(file, relation.source);
      if (!source) continue;
      const target = this.modelNamed(file, relation.target);
      const name = associationFieldName({ ...relation, target: target?.name ?? relation.target });
      if (source.fields.some((field) => field.name === name)) continue;
      source.fields.push({ name, relation: target?.name ?? relation.target, optional: true });
    }
    for (const hidden of file.dataHidden ?? []) {
      for (const model of this.modelsOwning(file, hidden.model)) {
        const field = model.fields.find((candidate) => candidate.name === hidden.field);
        if (field) field.hiddenBy ??= hidden.by;
      }
    }
  }

  /** An entity inherits the columns of the project's base classes (`extends BaseModel`), up the chain. */
  private applyBaseClass(entry: Entry): void {
    const inherited: DataModelField[] = [];
    let file = entry.file;
    let summary = entry.summary;
    for (let depth = 0; summary.extendsName !== undefined; depth++) {
      const resolved = depth < 4 && /^[\w$]+$/.test(summary.extendsName) ? this.linker.resolve(file, { kind: 'name', name: summary.extendsName }) : undefined;
      if (resolved?.kind !== 'model') {
        // A base class the index cannot read (a package's, a mixin call): its fields are unknown.
        entry.model.partial = true;
        break;
      }
      file = resolved.file;
      summary = resolved.model;
      inherited.unshift(...summary.fields.filter((field) => !entry.model.fields.some((own) => own.name === field.name) && !inherited.some((known) => known.name === field.name)).map((field) => ({ ...field })));
      if (summary.partial) entry.model.partial = true;
    }
    entry.model.fields.unshift(...inherited);
  }

  /** A Mongoose model's fields come from its schema: in the same file, or imported. */
  private applySchema(entry: Entry, schemaName: string): void {
    const local = entry.file.dataModels?.find((model) => model.binding === schemaName && model !== entry.summary);
    const resolved = local ? undefined : this.linker.resolve(entry.file, { kind: 'name', name: schemaName });
    const schema = local ?? (resolved?.kind === 'model' ? resolved.model : undefined);
    if (!schema) {
      entry.model.partial = true;
      return;
    }
    entry.model.fields = schema.fields.map((field) => ({ ...field }));
    if (schema.partial) entry.model.partial = true;
    // Serialisers declared on the schema (`UserSchema.set('toJSON', …)`) in the schema's own file.
    const schemaFile = local ? entry.file : (resolved as Extract<Resolved, { kind: 'model' }>).file;
    for (const hidden of schemaFile.dataHidden ?? []) {
      if (hidden.model !== schema.binding) continue;
      const field = entry.model.fields.find((candidate) => candidate.name === hidden.field);
      if (field) field.hiddenBy ??= hidden.by;
    }
  }

  /** The model a name mentioned in `file` denotes: declared there, imported, or (last) any model of that name. */
  private modelNamed(file: FileSummary, name: string): DataModel | undefined {
    const local = file.dataModels?.find((model) => !model.schemaOnly && (model.binding === name || model.name === name));
    if (local) return this.entries.get(local)?.model;
    return this.fromResolved(this.linker.resolve(file, { kind: 'name', name }), file.filePath) ?? this.byName(name, file.filePath);
  }

  /** Models a serialiser in `file` hides fields of: by class, variable, registered name or schema variable. */
  private modelsOwning(file: FileSummary, owner: string): DataModel[] {
    const out: DataModel[] = [];
    for (const summary of file.dataModels ?? []) {
      if (summary.schemaOnly) continue;
      if (summary.binding === owner || summary.name === owner || summary.schema === owner) out.push(this.entries.get(summary)!.model);
    }
    if (out.length > 0) return out;
    // A schema declared here whose model is made elsewhere: the models built from this schema.
    if (file.dataModels?.some((summary) => summary.schemaOnly && summary.binding === owner)) {
      for (const entry of this.entries.values()) {
        if (entry.summary.schema === undefined || entry.file === file) continue;
        const resolved = this.linker.resolve(entry.file, { kind: 'name', name: entry.summary.schema });
        if (resolved.kind === 'model' && resolved.file === file && resolved.model.binding === owner) out.push(entry.model);
      }
      return out;
    }
    const named = this.modelNamed(file, owner);
    return named ? [named] : [];
  }

  /** A client's `omit` option hides fields of the schema its file uses. */
  private applyPrismaOmit(file: FileSummary, omitted: readonly { accessor: string; field: string }[]): void {
    for (const { accessor, field } of omitted) {
      const target = this.prismaModel(file.filePath, accessor)?.fields.find((candidate) => candidate.name === field);
      if (target) target.hiddenBy ??= PRISMA_OMIT;
    }
  }

  private applyClassSerializer(): void {
    for (const entry of this.entries.values()) {
      for (const name of entry.summary.excluded ?? []) {
        const field = entry.model.fields.find((candidate) => candidate.name === name);
        if (field) field.hiddenBy ??= EXCLUDE_WITH_SERIALIZER;
      }
    }
  }

  /** Every folder of `.prisma` files is one schema (Prisma's multi-file `prisma/schema/`), serving its project. */
  private collectPrismaSchemas(): void {
    const byFolder = new Map<string, Map<string, DataModel>>();
    for (const entry of this.entries.values()) {
      if (entry.model.orm !== 'prisma' || !entry.file.prismaSchema) continue;
      const folder = path.dirname(entry.file.filePath);
      const models = byFolder.get(folder) ?? new Map<string, DataModel>();
      if (entry.model.accessor !== undefined && !models.has(entry.model.accessor)) models.set(entry.model.accessor, entry.model);
      byFolder.set(folder, models);
    }
    for (const [folder, models] of byFolder) this.prismaSchemas.push({ projectDir: projectDirOf(folder), models });
  }

  /** The schema nearest up the tree from `filePath`, else the only one in the workspace. */
  private prismaSchemaFor(filePath: string): { models: Map<string, DataModel> } | undefined {
    if (this.prismaSchemas.length === 1) return this.prismaSchemas[0];
    const from = path.resolve(filePath);
    let best: (typeof this.prismaSchemas)[number] | undefined;
    for (const schema of this.prismaSchemas) {
      const inside = from === schema.projectDir || from.startsWith(schema.projectDir + path.sep);
      if (inside && (!best || schema.projectDir.length > best.projectDir.length)) best = schema;
    }
    return best;
  }
}

/** Names conventionally given to an object of models. */
const REGISTRY_NAME = /^(db|models?|database|orm|sequelize|mongoose)$/i;

/** Models that registries (`db.User`, `sequelize.models.User`) hold. */
const REGISTRY_ORMS: ReadonlySet<string> = new Set(['sequelize', 'mongoose', 'objection']);

/** `/app/prisma/schema` and `/app/prisma` serve `/app`; a schema elsewhere serves its own folder. */
function projectDirOf(folder: string): string {
  let dir = folder;
  if (path.basename(dir) === 'schema') dir = path.dirname(dir);
  if (path.basename(dir) === 'prisma') dir = path.dirname(dir);
  return dir;
}

function sharedPrefix(a: string, b: string): number {
  const left = a.split(path.sep);
  const right = b.split(path.sep);
  let i = 0;
  while (i < left.length && i < right.length && left[i] === right[i]) i++;
  return i;
}

