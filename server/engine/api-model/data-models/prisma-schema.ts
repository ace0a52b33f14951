// A small, tolerant reader of `schema.prisma` text: models (and views, composite types) with their fields, enums,
// `@@map`. Line-based, as Prisma's grammar is: one declaration or field per line, blocks in braces. Never throws:
// text being typed is read as far as it makes sense, an unclosed block ends at the end of the file. Positions are
// kept (offsets and lines) so a finding can point at the field.
import type { DataModelField, SourceSpot } from '../../../../rules/support/api-model';
import type { DataModelSummary } from '../summary';

const BLOCK_START = /^\s*(model|view|type|enum|datasource|generator)\s+([A-Za-z_]\w*)\s*\{?/;
const FIELD = /^\s*([A-Za-z_]\w*)\s+([A-Za-z_][\w.]*)(\[\])?(\?)?(?:\s+(.*))?$/;
const MAP = /@@map\(\s*(?:name:\s*)?"([^"]*)"/;
/** Defaults the database or the client computes: the record gets them whatever the caller sends. */
const GENERATING_DEFAULT = /@default\(\s*(autoincrement|uuid|cuid|now|dbgenerated|auto|nanoid|ulid|sequence)\s*\(/;

const SCALAR_TYPES: Readonly<Record<string, string>> = {
  String: 'string',
  Int: 'number',
  Float: 'number',
  BigInt: 'bigint',
  Decimal: 'Prisma.Decimal',
  Boolean: 'boolean',
  DateTime: 'Date',
  Json: 'Prisma.JsonValue',
  Bytes: 'Uint8Array',
};

interface RawBlock {
  keyword: string;
  name: string;
  at: SourceSpot;
  fields: { name: string; type: string; list: boolean; optional: boolean; attributes: string; at: SourceSpot }[];
  attributes: string[];
}

/** The models of one `.prisma` file (enums are read to type fields, never returned as models). */
export function parsePrismaSchema(filePath: string, text: string): DataModelSummary[] {
  const blocks = readBlocks(filePath, text);
  const modelNames = new Set(blocks.filter((block) => block.keyword === 'model' || block.keyword === 'view' || block.keyword === 'type').map((block) => block.name));
  const enumNames = new Set(blocks.filter((block) => block.keyword === 'enum').map((block) => block.name));
  const models: DataModelSummary[] = [];
  for (const block of blocks) {
    if (block.keyword !== 'model' && block.keyword !== 'view') continue;
    if (block.attributes.some((attribute) => /^@@ignore\b/.test(attribute))) continue;
    const fields = block.fields.filter((field) => !/(^|\s)@ignore\b/.test(field.attributes)).map((field) => fieldOf(field, modelNames, enumNames));
    const mapped = block.attributes.map((attribute) => MAP.exec(attribute)?.[1]).find((name) => name !== undefined);
    models.push({ name: block.name, orm: 'prisma', accessor: lowerFirst(block.name), tableName: mapped ?? block.name, fields, at: block.at });
  }
  return models;
}

function fieldOf(raw: RawBlock['fields'][number], modelNames: ReadonlySet<string>, enumNames: ReadonlySet<string>): DataModelField {
  const field: DataModelField = { name: raw.name };
  const isRelation = modelNames.has(raw.type) && !SCALAR_TYPES[raw.type];
  const base = SCALAR_TYPES[raw.type] ?? (isRelation || enumNames.has(raw.type) ? raw.type : 'unknown');
  field.type = `${base}${raw.list ? '[]' : ''}${raw.optional ? ' | null' : ''}`;
  if (isRelation) field.relation = raw.type;
  if (/(^|\s)@updatedAt\b/.test(raw.attributes) || GENERATING_DEFAULT.test(raw.attributes)) field.serverGenerated = true;
  if (raw.optional || raw.list || isRelation || field.serverGenerated || /(^|\s)@default\(/.test(raw.attributes)) field.optional = true;
  return field;
}

function readBlocks(filePath: string, text: string): RawBlock[] {
  const blocks: RawBlock[] = [];
  let current: RawBlock | undefined;
  let offset = 0;
  let line = 0;
  for (const rawLine of text.split(/\r\n|\r|\n/)) {
    const lineStart = offset;
    // Offsets follow the text's own line breaks.
    offset += rawLine.length;
    if (text.startsWith('\r\n', offset)) offset += 2;
    else if (offset < text.length) offset += 1;
    const code = withoutComment(rawLine);
    const spot = (start: number, end: number): SourceSpot => ({ filePath, start: lineStart + start, end: lineStart + end, line });
    if (!current) {
      const start = BLOCK_START.exec(code);
      if (start) {
        const nameStart = code.indexOf(start[2]!, code.indexOf(start[1]!) + start[1]!.length);
        current = { keyword: start[1]!, name: start[2]!, at: spot(nameStart, nameStart + start[2]!.length), fields: [], attributes: [] };
        blocks.push(current);
        if (code.includes('}', start[0].length)) current = undefined;
      }
      line++;
      continue;
    }
    const trimmed = code.trim();
    if (trimmed.startsWith('}')) current = undefined;
    else if (trimmed.startsWith('@@')) current.attributes.push(trimmed);
    else if (current.keyword === 'enum' || current.keyword === 'datasource' || current.keyword === 'generator') {
      // Enum values and key = value settings are not fields.
    } else {
      // `type String` is a field named type; only a line that opens a brace starts a block.
      const opensBlock = BLOCK_START.test(code) && code.includes('{');
      const field = FIELD.exec(code);
      if (field && !opensBlock) {
        const nameStart = code.indexOf(field[1]!);
        current.fields.push({ name: field[1]!, type: field[2]!, list: !!field[3], optional: !!field[4], attributes: field[5] ?? '', at: spot(nameStart, nameStart + field[1]!.length) });
      } else if (opensBlock) {
        // A block left unclosed while typing: the next declaration starts a new one.
        const start = BLOCK_START.exec(code)!;
        const nameStart = code.indexOf(start[2]!, code.indexOf(start[1]!) + start[1]!.length);
        current = { keyword: start[1]!, name: start[2]!, at: spot(nameStart, nameStart + start[2]!.length), fields: [], attributes: [] };
        blocks.push(current);
      }
    }
    line++;
  }
  return blocks;
}

/** The line without its `//` comment (a `//` inside a string is kept). */
function withoutComment(line: string): string {
  let inString = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (char === '\\' && inString) i++;
    else if (char === '"') inString = !inString;
    else if (char === '/' && line[i + 1] === '/' && !inString) return line.slice(0, i);
  }
  return line;
}

export function lowerFirst(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}
