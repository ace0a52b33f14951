// A spec's summary for the workspace index: its operations as plain data (method, path template, the full paths a
// request may use, effective security, where the method key is, the documented request and response property
// names), so rules comparing the spec with the code read the index instead of parsing specs. One pass over
// `paths`; schemas are read only to their top-level properties (and `allOf` parts), each schema once.
import * as fs from 'node:fs';
import type { SpecOperationSummary, SpecSecurityKind, SpecSummary } from '../../../rules/support/api-model';
import { HTTP_METHODS, type HttpMethod, type SpecInfo } from '../../../rules/support/spec-rule';
import { isMap, isSeq, stringAt, valueOf, type SpecMap, type SpecNode } from '../../../rules/support/spec-tree';
import { LineIndex } from '../line-index';
import { mayBeSpecText, parseSpecText, syntaxOf } from './parse-spec';
import { SpecResolver } from './spec-refs';
import { effectiveSecurity, isNotASpec, readSpecInfo } from './spec-walk';

type FieldCache = Record<'request' | 'response', Map<SpecMap, { names: Set<string> | undefined }>>;

/** Compositions deeper than this are generated nonsense: property names stop being collected there. */
const MAX_COMPOSITION_DEPTH = 16;

/** The summary of a spec's text, or undefined when the text is not a spec (or does not parse). */
export function summarizeSpecText(filePath: string, text: string, readFile: (filePath: string) => string | undefined = readFileOrUndefined): SpecSummary | undefined {
  if (!mayBeSpecText(text, syntaxOf(filePath))) return undefined;
  const parsed = parseSpecText(filePath, text);
  if (parsed.error) return undefined;
  const resolver = new SpecResolver(parsed.document, (target) => {
    const other = readFile(target);
    if (other === undefined) return undefined;
    const loaded = parseSpecText(target, other);
    return loaded.error ? undefined : loaded.document;
  });
  const spec = readSpecInfo(parsed.document, resolver);
  return isNotASpec(spec) ? undefined : summarizeSpec(spec, resolver, LineIndex.of(text));
}

export function summarizeSpec(spec: SpecInfo, resolver: SpecResolver, lines: LineIndex): SpecSummary {
  const operations: SpecOperationSummary[] = [];
  const fieldCache: FieldCache = { request: new Map(), response: new Map() };
  const paths = valueOf(spec.root, 'paths');
  if (isMap(paths)) {
    for (const pathEntry of paths.entries) {
      if (!pathEntry.key.startsWith('/')) continue;
      const pathItem = resolver.resolve(pathEntry.value);
      if (!isMap(pathItem)) continue;
      for (const methodEntry of pathItem.entries) {
        const method = methodEntry.key.toLowerCase() as HttpMethod;
        if (!HTTP_METHODS.includes(method)) continue;
        const node = resolver.resolve(methodEntry.value);
        if (!isMap(node)) continue;
        const requestFields = requestFieldsOf(spec, resolver, pathItem, node, fieldCache);
        const responseFields = responseFieldsOf(spec, resolver, node, fieldCache);
        operations.push({
          method: method.toUpperCase(),
          path: pathEntry.key,
          fullPaths: spec.basePaths.map((base) => joinTemplate(base, pathEntry.key)),
          security: securityOf(spec, resolver, node),
          at: spotOf(pathItem.document === spec.document ? methodEntry.keyRange : pathEntry.keyRange, lines),
          ...(requestFields ? { requestFields } : {}),
          ...(responseFields ? { responseFields } : {}),
        });
      }
    }
  }
  return { version: spec.version, basePaths: [...spec.basePaths], operations };
}

/** A path item `$ref`'d from another file has its method keys there: the operation is placed at its path key here. */
function spotOf(range: { start: number; end: number }, lines: LineIndex): { start: number; end: number; line: number } {
  return { start: range.start, end: range.end, line: lines.positionAt(range.start).line };
}

function joinTemplate(base: string, template: string): string {
  if (base === '') return template;
  return template === '/' ? base : base + template;
}

/** The walk's effective security as the index keeps it: `[]`/`[{}]` allow anonymous callers. */
function securityOf(spec: SpecInfo, resolver: SpecResolver, operation: SpecMap): { kind: SpecSecurityKind; schemes: string[] } {
  const security = effectiveSecurity(spec, operation, resolver);
  if (security.level === 'none') return { kind: 'none', schemes: [] };
  const schemes = new Set(security.requirements.flatMap((requirement) => requirement.schemes.map((scheme) => scheme.name)));
  const kind: SpecSecurityKind = schemes.size === 0 ? 'anonymous' : security.allowsAnonymous ? 'optional' : 'required';
  return { kind, schemes: [...schemes] };
}

/** OAS 3 `requestBody` schemas; OAS 2 the `in: body` parameter's schema, or the `formData` parameters' names. */
function requestFieldsOf(spec: SpecInfo, resolver: SpecResolver, pathItem: SpecMap, operation: SpecMap, cache: FieldCache): string[] | undefined {
  const schemas: SpecNode[] = [];
  const formFields: string[] = [];
  if (spec.version === '2.0') {
    for (const owner of [pathItem, operation]) {
      const list = resolver.resolve(valueOf(owner, 'parameters'));
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const parameter = resolver.resolve(item);
        const location = stringAt(parameter, 'in');
        if (location === 'body') {
          const schema = valueOf(parameter, 'schema');
          if (schema) schemas.push(schema);
        } else if (location === 'formData') {
          const name = stringAt(parameter, 'name');
          if (name) formFields.push(name);
        }
      }
    }
  } else {
    schemas.push(...contentSchemas(resolver, resolver.resolve(valueOf(operation, 'requestBody'))));
  }
  if (schemas.length === 0) return formFields.length > 0 ? formFields : undefined;
  return namesOf(schemas, resolver, 'request', cache, formFields);
}

/** Property names of the 2xx responses' schemas (an array's items for list responses). */
function responseFieldsOf(spec: SpecInfo, resolver: SpecResolver, operation: SpecMap, cache: FieldCache): string[] | undefined {
  const responses = resolver.resolve(valueOf(operation, 'responses'));
  if (!isMap(responses)) return undefined;
  const schemas: SpecNode[] = [];
  for (const entry of responses.entries) {
    if (!/^2(\d\d|XX)$/i.test(entry.key)) continue;
    const response = resolver.resolve(entry.value);
    if (spec.version === '2.0') {
      const schema = valueOf(response, 'schema');
      if (schema) schemas.push(schema);
    } else {
      schemas.push(...contentSchemas(resolver, response));
    }
  }
  return schemas.length > 0 ? namesOf(schemas, resolver, 'response', cache, []) : undefined;
}

function contentSchemas(resolver: SpecResolver, owner: SpecNode | undefined): SpecNode[] {
  const content = resolver.resolve(valueOf(owner, 'content'));
  if (!isMap(content)) return [];
  return content.entries.flatMap((entry) => {
    const schema = valueOf(resolver.resolve(entry.value), 'schema');
    return schema ? [schema] : [];
  });
}

/** The union of the schemas' property names; undefined when one of them lists none (free-form, a scalar, a map). */
function namesOf(schemas: SpecNode[], resolver: SpecResolver, direction: 'request' | 'response', cache: FieldCache, initial: string[]): string[] | undefined {
  const all = new Set(initial);
  for (const raw of schemas) {
    let schema = resolver.resolve(raw);
    // A list response documents its items' fields.
    if (direction === 'response' && isMap(schema) && stringAt(schema, 'type') === 'array') schema = resolver.resolve(valueOf(schema, 'items'));
    if (!isMap(schema)) return undefined;
    // Cached per direction (readOnly/writeOnly filter differently): a shared schema is read once per spec.
    let cached = cache[direction].get(schema);
    if (!cached) {
      const names = new Set<string>();
      cached = { names: collectProperties(schema, resolver, direction, names, 0) ? names : undefined };
      cache[direction].set(schema, cached);
    }
    if (!cached.names) return undefined;
    for (const name of cached.names) all.add(name);
  }
  return all.size > 0 ? [...all] : undefined;
}

/** Adds `properties` (and those of `allOf`/`oneOf`/`anyOf` parts); false when the schema lists none anywhere. */
function collectProperties(schema: SpecMap, resolver: SpecResolver, direction: 'request' | 'response', into: Set<string>, depth: number): boolean {
  if (depth > MAX_COMPOSITION_DEPTH) return false;
  let listed = false;
  const properties = resolver.resolve(valueOf(schema, 'properties'));
  if (isMap(properties)) {
    listed = true;
    const hidden = direction === 'request' ? 'readOnly' : 'writeOnly';
    for (const entry of properties.entries) {
      const property = resolver.resolve(entry.value);
      const flag = valueOf(property, hidden);
      if (flag?.kind === 'scalar' && flag.value === true) continue;
      into.add(entry.key);
    }
  }
  for (const key of ['allOf', 'oneOf', 'anyOf']) {
    const parts = resolver.resolve(valueOf(schema, key));
    if (!isSeq(parts)) continue;
    for (const part of parts.items) {
      const resolved = resolver.resolve(part);
      if (isMap(resolved) && collectProperties(resolved, resolver, direction, into, depth + 1)) listed = true;
    }
  }
  return listed;
}

function readFileOrUndefined(filePath: string): string | undefined {
  try {
    return fs.readFileSync(filePath, 'utf8');
  } catch {
    return undefined;
  }
}
