// One walk over a resolved spec, calling the spec rules' visitors by object kind (rules/support/spec-rule.ts):
// the document, servers, security schemes, then each path's operations with their parameters, request bodies,
// responses and every schema they reach (properties, items, compositions). A schema shared through `$ref` is met
// once per direction (request/response), so a large spec with deep shared graphs costs one visit per schema.
import type { OffsetRange } from '../../../rules/support/rule';
import {
  HTTP_METHODS,
  type EffectiveSecurity,
  type HttpMethod,
  type OpenApiVersion,
  type OperationInfo,
  type ParameterInfo,
  type ParameterLocation,
  type SchemaDirection,
  type SchemaInfo,
  type SecurityRequirement,
  type SecuritySchemeInfo,
  type SpecInfo,
  type SpecRuleVisitors,
} from '../../../rules/support/spec-rule';
import { entryOf, isMap, isSeq, stringAt, stringOf, valueOf, type SpecDocument, type SpecMap, type SpecNode } from '../../../rules/support/spec-tree';
import type { SpecResolver } from './spec-refs';

export type VisitorKind = Exclude<keyof SpecRuleVisitors, 'onEnd'>;
export type VisitorArgument<K extends VisitorKind> = Parameters<NonNullable<SpecRuleVisitors[K]>>[0];

export interface SpecWalkHooks {
  /** Calls every rule's visitor of this kind (the engine isolates each rule). */
  emit<K extends VisitorKind>(kind: K, argument: VisitorArgument<K>): void;
}

/** Schemas nest deeper than this only in generated nonsense; the walk stops there instead of risking the stack. */
const MAX_SCHEMA_DEPTH = 256;

/** Why a parsed document is not an OpenAPI document we analyse, with where to say it. */
export interface NotASpec {
  message: string;
  range: OffsetRange;
}

/** The document's version and its shared parts, or why it is not a spec this engine reads. */
export function readSpecInfo(document: SpecDocument, resolver: SpecResolver): SpecInfo | NotASpec {
  const root = document.root;
  if (!isMap(root)) return { message: 'not an OpenAPI document: the root is not a mapping', range: { start: 0, end: 0 } };
  const openapi = entryOf(root, 'openapi');
  const swagger = entryOf(root, 'swagger');
  let version: OpenApiVersion;
  if (openapi) {
    const text = stringOf(openapi.value) ?? '';
    if (/^3\.0(\.|$)/.test(text)) version = '3.0';
    else if (/^3\.1(\.|$)/.test(text)) version = '3.1';
    else return { message: `unsupported OpenAPI version "${text}" (API Guard reads 2.0, 3.0 and 3.1)`, range: openapi.value.range };
  } else if (swagger) {
    const text = stringOf(swagger.value) ?? '';
    if (text !== '2.0' && text !== '2') return { message: `unsupported Swagger version "${text}" (API Guard reads 2.0, 3.0 and 3.1)`, range: swagger.value.range };
    version = '2.0';
  } else {
    return { message: 'not an OpenAPI document: no "openapi" or "swagger" key at the root', range: { start: 0, end: 0 } };
  }
  const paths = entryOf(root, 'paths');
  if (paths && !isMap(paths.value) && paths.value.kind !== 'scalar') return { message: '"paths" must be a mapping of paths to path items', range: paths.value.range };

  const securitySchemes = new Map<string, SecuritySchemeInfo>();
  const schemesNode = version === '2.0' ? valueOf(root, 'securityDefinitions') : valueOf(resolver.resolve(valueOf(root, 'components')), 'securitySchemes');
  const schemesMap = resolver.resolve(schemesNode);
  if (isMap(schemesMap)) {
    for (const entry of schemesMap.entries) {
      const scheme = resolver.resolve(entry.value);
      if (isMap(scheme)) securitySchemes.set(entry.key, { name: entry.key, keyRange: entry.keyRange, node: scheme });
    }
  }
  const rootSecurity = valueOf(root, 'security');
  return {
    version,
    document,
    root,
    securitySchemes,
    rootSecurity: isSeq(rootSecurity) ? rootSecurity : undefined,
    rootRequirements: rootSecurity ? securityOf('root', rootSecurity, resolver).requirements : [],
    basePaths: basePathsOf(root, version),
  };
}

export function isNotASpec(value: SpecInfo | NotASpec): value is NotASpec {
  return 'message' in value;
}

export function walkSpec(spec: SpecInfo, resolver: SpecResolver, hooks: SpecWalkHooks): void {
  new SpecWalker(spec, resolver, hooks).walk();
}

class SpecWalker {
  /** Schemas already visited, per direction. */
  private readonly seenSchemas = { request: new Set<SpecMap>(), response: new Set<SpecMap>() };

  constructor(
    private readonly spec: SpecInfo,
    private readonly resolver: SpecResolver,
    private readonly hooks: SpecWalkHooks,
  ) {}

  walk(): void {
    const { root, version } = this.spec;
    this.hooks.emit('document', this.spec);
    this.emitServers(root, 'root', undefined);
    for (const scheme of this.spec.securitySchemes.values()) this.hooks.emit('securityScheme', scheme);
    const paths = valueOf(root, 'paths');
    if (!isMap(paths)) return;
    for (const pathEntry of paths.entries) {
      if (!pathEntry.key.startsWith('/')) continue;
      const pathItem = this.resolver.resolve(pathEntry.value);
      if (!isMap(pathItem)) continue;
      if (version !== '2.0') this.emitServerList(valueOf(pathItem, 'servers'), 'path', undefined);
      for (const methodEntry of pathItem.entries) {
        const method = methodEntry.key.toLowerCase() as HttpMethod;
        if (!HTTP_METHODS.includes(method)) continue;
        const node = this.resolver.resolve(methodEntry.value);
        if (!isMap(node)) continue;
        this.walkOperation(method, pathEntry.key, pathEntry.keyRange, pathItem, node, methodEntry.keyRange);
      }
    }
  }

  private walkOperation(method: HttpMethod, pathTemplate: string, pathKeyRange: OffsetRange, pathItem: SpecMap, node: SpecMap, methodKeyRange: OffsetRange): void {
    const parameters: ParameterInfo[] = [];
    const operation: OperationInfo = {
      method,
      path: pathTemplate,
      label: `${method.toUpperCase()} ${pathTemplate}`,
      node,
      methodKeyRange,
      pathItem,
      pathKeyRange,
      security: effectiveSecurity(this.spec, node, this.resolver),
      responses: asMap(this.resolver.resolve(valueOf(node, 'responses'))),
      parameters,
    };
    parameters.push(...this.parametersOf(pathItem, node, operation));
    this.hooks.emit('operation', operation);
    this.emitServers(node, 'operation', operation);

    for (const parameter of parameters) {
      this.hooks.emit('parameter', parameter);
      if (parameter.location === 'body') {
        if (parameter.schema) {
          this.hooks.emit('requestBody', { node: parameter.node, schemas: [{ mediaType: 'application/json', schema: parameter.schema }], operation });
          this.walkSchema(parameter.schema, 'request', operation, 'request body', undefined, undefined, undefined, 0);
        }
      } else if (parameter.schema) {
        this.walkSchema(parameter.schema, 'request', operation, `${parameter.location} parameter "${parameter.name}"`, undefined, undefined, undefined, 0);
      }
    }

    const requestBody = asMap(this.resolver.resolve(valueOf(node, 'requestBody')));
    if (requestBody) {
      const schemas = this.contentSchemas(requestBody);
      this.hooks.emit('requestBody', { node: requestBody, schemas, operation });
      for (const { schema } of schemas) this.walkSchema(schema, 'request', operation, 'request body', undefined, undefined, undefined, 0);
    }

    const responses = operation.responses;
    if (!responses) return;
    for (const entry of responses.entries) {
      if (entry.key.startsWith('x-')) continue;
      const response = asMap(this.resolver.resolve(entry.value));
      if (!response) continue;
      this.hooks.emit('response', { status: entry.key, statusKeyRange: entry.keyRange, node: response, operation });
      const schemas = this.spec.version === '2.0' ? optionalSchema(asMap(this.resolver.resolve(valueOf(response, 'schema')))) : this.contentSchemas(response);
      for (const { schema } of schemas) this.walkSchema(schema, 'response', operation, `${entry.key} response`, undefined, undefined, entry.key, 0);
    }
  }

  private parametersOf(pathItem: SpecMap, operationNode: SpecMap, operation: OperationInfo): ParameterInfo[] {
    const byKey = new Map<string, ParameterInfo>();
    for (const owner of [pathItem, operationNode]) {
      const list = this.resolver.resolve(valueOf(owner, 'parameters'));
      if (!isSeq(list)) continue;
      for (const item of list.items) {
        const node = asMap(this.resolver.resolve(item));
        if (!node) continue;
        const name = stringAt(node, 'name') ?? '';
        const location = (stringAt(node, 'in') ?? 'query') as ParameterLocation;
        const nameValue = valueOf(node, 'name');
        byKey.set(`${location}:${name}`, {
          name,
          location,
          node,
          nameNode: nameValue?.kind === 'scalar' ? nameValue : undefined,
          schema: this.parameterSchema(node, location),
          operation,
        });
      }
    }
    return [...byKey.values()];
  }

  private parameterSchema(node: SpecMap, location: ParameterLocation): SpecMap | undefined {
    const schema = asMap(this.resolver.resolve(valueOf(node, 'schema')));
    if (schema) return schema;
    if (this.spec.version === '2.0') return location === 'body' ? undefined : node;
    const content = asMap(this.resolver.resolve(valueOf(node, 'content')));
    const first = content?.entries[0];
    return first ? asMap(this.resolver.resolve(valueOf(this.resolver.resolve(first.value), 'schema'))) : undefined;
  }

  /** OAS 3 `content` → one schema per media type. */
  private contentSchemas(owner: SpecMap): { mediaType: string; schema: SpecMap }[] {
    const content = asMap(this.resolver.resolve(valueOf(owner, 'content')));
    if (!content) return [];
    const schemas: { mediaType: string; schema: SpecMap }[] = [];
    for (const entry of content.entries) {
      const schema = asMap(this.resolver.resolve(valueOf(this.resolver.resolve(entry.value), 'schema')));
      if (schema) schemas.push({ mediaType: entry.key, schema });
    }
    return schemas;
  }

  private walkSchema(raw: SpecNode, direction: SchemaDirection, operation: OperationInfo, where: string, propertyName: string | undefined, parent: SchemaInfo | undefined, status: string | undefined, depth: number): void {
    const node = asMap(this.resolver.resolve(raw));
    if (!node || depth > MAX_SCHEMA_DEPTH) return;
    const seen = this.seenSchemas[direction];
    if (seen.has(node)) return;
    seen.add(node);
    const info: SchemaInfo = { node, direction, operation, path: where, propertyName, parent, status };
    this.hooks.emit('schema', info);
    const properties = asMap(this.resolver.resolve(valueOf(node, 'properties')));
    if (properties) {
      for (const entry of properties.entries) {
        const childPath = where.endsWith('body') || where.endsWith('response') || where.includes('parameter') ? entry.key : `${where}.${entry.key}`;
        this.walkSchema(entry.value, direction, operation, childPath, entry.key, info, status, depth + 1);
      }
    }
    const items = valueOf(node, 'items');
    if (items) this.walkSchema(items, direction, operation, `${where}[]`, undefined, info, status, depth + 1);
    for (const key of ['allOf', 'anyOf', 'oneOf', 'prefixItems']) {
      const parts = this.resolver.resolve(valueOf(node, key));
      if (isSeq(parts)) for (const part of parts.items) this.walkSchema(part, direction, operation, where, propertyName, info, status, depth + 1);
    }
    const additional = valueOf(node, 'additionalProperties');
    if (additional && additional.kind === 'map') this.walkSchema(additional, direction, operation, `${where}{}`, undefined, info, status, depth + 1);
  }

  private emitServers(owner: SpecMap, level: 'root' | 'operation', operation: OperationInfo | undefined): void {
    if (this.spec.version === '2.0') {
      const schemes = valueOf(owner, 'schemes');
      if (isSeq(schemes)) this.hooks.emit('server', { kind: 'schemes', level, node: schemes, operation });
      return;
    }
    this.emitServerList(valueOf(owner, 'servers'), level, operation);
  }

  private emitServerList(list: SpecNode | undefined, level: 'root' | 'path' | 'operation', operation: OperationInfo | undefined): void {
    const servers = this.resolver.resolve(list);
    if (!isSeq(servers)) return;
    for (const item of servers.items) {
      const node = asMap(this.resolver.resolve(item));
      if (!node) continue;
      const url = valueOf(node, 'url');
      this.hooks.emit('server', { kind: 'server', level, node, url: url?.kind === 'scalar' ? url : undefined, operation });
    }
  }
}

/** The operation's own `security`, else the root's, else none. */
export function effectiveSecurity(spec: SpecInfo, operationNode: SpecMap, resolver: SpecResolver): EffectiveSecurity {
  const own = entryOf(operationNode, 'security');
  if (own) return securityOf('operation', own.value, resolver);
  const root = entryOf(spec.root, 'security');
  if (root) return securityOf('root', root.value, resolver);
  return { level: 'none', node: undefined, requirements: [], allowsAnonymous: true };
}

function securityOf(level: 'operation' | 'root', node: SpecNode, resolver: SpecResolver): EffectiveSecurity {
  const requirements: SecurityRequirement[] = [];
  const list = resolver.resolve(node);
  if (isSeq(list)) {
    for (const item of list.items) {
      const requirement = resolver.resolve(item);
      if (!isMap(requirement)) continue;
      requirements.push({
        node: requirement,
        schemes: requirement.entries.map((entry) => ({
          name: entry.key,
          keyRange: entry.keyRange,
          scopes: isSeq(entry.value) ? entry.value.items.map((scope) => stringOf(scope) ?? '').filter(Boolean) : [],
        })),
      });
    }
  }
  const allowsAnonymous = requirements.length === 0 || requirements.some((requirement) => requirement.schemes.length === 0);
  return { level, node, requirements, allowsAnonymous };
}

/** Path prefixes from OAS 3 server URLs (variables replaced by their defaults) or OAS 2 `basePath`. */
function basePathsOf(root: SpecMap, version: OpenApiVersion): string[] {
  if (version === '2.0') return [normalizeBasePath(stringAt(root, 'basePath') ?? '')];
  const servers = valueOf(root, 'servers');
  if (!isSeq(servers) || servers.items.length === 0) return [''];
  const prefixes = new Set<string>();
  for (const server of servers.items) {
    let url = stringAt(server, 'url') ?? '';
    const variables = valueOf(server, 'variables');
    url = url.replace(/\{([^}]+)\}/g, (whole, name: string) => stringAt(valueOf(variables, name), 'default') ?? whole);
    prefixes.add(normalizeBasePath(url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '')));
  }
  return [...prefixes];
}

function normalizeBasePath(value: string): string {
  const trimmed = value.replace(/\/+$/, '');
  if (trimmed === '') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function asMap(node: SpecNode | undefined): SpecMap | undefined {
  return isMap(node) ? node : undefined;
}

function optionalSchema(schema: SpecMap | undefined): { mediaType: string; schema: SpecMap }[] {
  return schema ? [{ mediaType: 'application/json', schema }] : [];
}

