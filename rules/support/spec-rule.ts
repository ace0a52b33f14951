// The contract of spec rules (rules/spec/, ids `spec/<name>`): the TypeScript rules' contract in the same spirit,
// for OpenAPI/Swagger documents. The engine parses the document (YAML or JSON, with offsets), resolves `$ref`s
// lazily, walks the resolved spec once and calls each rule's visitors by the kind of object met. Rules get plain
// data (spec-tree.ts) and return findings and text edits; they never touch LSP, the CLI or the file system.
import type { ApiModel } from './api-model';
import type { OffsetRange, RuleFix, RuleMeta, Severity, WorkspaceReader } from './rule';
import type { SpecDocument, SpecMap, SpecNode, SpecScalar, SpecSeq } from './spec-tree';

export type OpenApiVersion = '2.0' | '3.0' | '3.1';

export const HTTP_METHODS = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'] as const;
export type HttpMethod = (typeof HTTP_METHODS)[number];

/** The document as a whole: met once, before anything else. */
export interface SpecInfo {
  readonly version: OpenApiVersion;
  readonly document: SpecDocument;
  readonly root: SpecMap;
  /** Defined security schemes by name (OAS 3 `components.securitySchemes`, OAS 2 `securityDefinitions`), resolved. */
  readonly securitySchemes: ReadonlyMap<string, SecuritySchemeInfo>;
  /** The root `security` value, when present. */
  readonly rootSecurity: SpecSeq | undefined;
  /** The root `security` value's requirements (empty when there is none). */
  readonly rootRequirements: readonly SecurityRequirement[];
  /** Path prefixes the API is served under: OAS 3 server URL paths, OAS 2 `basePath` (`''` when none). */
  readonly basePaths: readonly string[];
}

/** One scheme of one security requirement, e.g. `bearerAuth: []`. */
export interface SecurityRequirementScheme {
  readonly name: string;
  readonly keyRange: OffsetRange;
  readonly scopes: readonly string[];
}

export interface SecurityRequirement {
  readonly node: SpecNode;
  /** Empty for `{}`: anonymous access allowed. */
  readonly schemes: readonly SecurityRequirementScheme[];
}

export interface EffectiveSecurity {
  /** Where the requirements come from: the operation's own `security`, else the root's, else none at all. */
  readonly level: 'operation' | 'root' | 'none';
  /** The `security` value in force (undefined when level is 'none'). */
  readonly node: SpecNode | undefined;
  readonly requirements: readonly SecurityRequirement[];
  /** No requirement, or one of them is `{}`: a client may call the operation without credentials. */
  readonly allowsAnonymous: boolean;
}

export interface OperationInfo {
  readonly method: HttpMethod;
  /** The path template as written, e.g. `/users/{id}`. */
  readonly path: string;
  /** `GET /users/{id}`: how messages name the operation. */
  readonly label: string;
  readonly node: SpecMap;
  readonly methodKeyRange: OffsetRange;
  readonly pathItem: SpecMap;
  readonly pathKeyRange: OffsetRange;
  readonly security: EffectiveSecurity;
  /** The resolved `responses` map, when present. */
  readonly responses: SpecMap | undefined;
  /** Path-item and operation parameters, resolved, the operation's winning over the path item's (same name + in). */
  readonly parameters: readonly ParameterInfo[];
}

export type ParameterLocation = 'query' | 'path' | 'header' | 'cookie' | 'body' | 'formData';

export interface ParameterInfo {
  readonly name: string;
  readonly location: ParameterLocation;
  /** The resolved parameter object. */
  readonly node: SpecMap;
  readonly nameNode: SpecScalar | undefined;
  /** OAS 3 `schema` (or the first `content` media type's); OAS 2: the body parameter's `schema`, else the parameter itself. */
  readonly schema: SpecMap | undefined;
  readonly operation: OperationInfo;
}

export interface RequestBodyInfo {
  /** The resolved request body (OAS 3), or the OAS 2 `in: body` parameter. */
  readonly node: SpecMap;
  /** One per media type (OAS 3) or the body parameter's schema (OAS 2), resolved. */
  readonly schemas: readonly { mediaType: string; schema: SpecMap }[];
  readonly operation: OperationInfo;
}

export interface ResponseInfo {
  /** `200`, `4XX`, `default`… as written. */
  readonly status: string;
  readonly statusKeyRange: OffsetRange;
  /** The resolved response object. */
  readonly node: SpecMap;
  readonly operation: OperationInfo;
}

export type SchemaDirection = 'request' | 'response';

export interface SchemaInfo {
  /** The resolved schema object. */
  readonly node: SpecMap;
  /** Request schemas are what clients send (bodies and parameters); response schemas what the server returns. */
  readonly direction: SchemaDirection;
  /** One operation that uses the schema (a shared schema is met once per direction, named by its first user). */
  readonly operation: OperationInfo;
  /** Where the schema sits for its first user, for messages: `request body`, `user.address`, `items[]`… */
  readonly path: string;
  /** The property name when the schema is a property's. */
  readonly propertyName: string | undefined;
  /** The schema this one is a property, item or composition part of. */
  readonly parent: SchemaInfo | undefined;
  /** The response's status code, for response schemas. */
  readonly status: string | undefined;
}

export interface SecuritySchemeInfo {
  readonly name: string;
  readonly keyRange: OffsetRange;
  /** The resolved scheme object. */
  readonly node: SpecMap;
}

export type ServerInfo =
  | { readonly kind: 'server'; readonly level: 'root' | 'path' | 'operation'; readonly node: SpecMap; readonly url: SpecScalar | undefined; readonly operation: OperationInfo | undefined }
  /** OAS 2 `schemes: [http, https]` at the root or on an operation. */
  | { readonly kind: 'schemes'; readonly level: 'root' | 'operation'; readonly node: SpecSeq; readonly operation: OperationInfo | undefined };

export interface SpecReport<MessageIds extends string = string> {
  messageId: MessageIds;
  /**
   * The node to underline. A node in another file (reached through a cross-file `$ref`) is reported at the `$ref`
   * in this document that leads to it.
   */
  node?: SpecNode;
  /** An explicit range instead of a node (e.g. an entry's key), in the document of `node` or, without one, this one. */
  range?: OffsetRange;
  data?: Record<string, string | number>;
  /** Edits without `filePath` apply to the analysed document; edits to a `$ref`'d file name it. */
  fixes?: RuleFix[];
  severity?: Severity;
}

export interface SpecRuleContext<Options = unknown> {
  readonly ruleId: string;
  readonly filePath: string;
  readonly document: SpecDocument;
  readonly options: Options;
  readonly workspace: WorkspaceReader;
  report(report: SpecReport): void;
  /** Follows `$ref` chains (local and cross-file) to the node they name; other nodes are returned as they are. */
  resolve(node: SpecNode | undefined): SpecNode | undefined;
  /** For rules with `requiresApiModel`: the workspace's API model (empty and not `complete` without an index). */
  getApiModel(): ApiModel;
}

export interface SpecRuleVisitors {
  document?(spec: SpecInfo): void;
  operation?(operation: OperationInfo): void;
  parameter?(parameter: ParameterInfo): void;
  requestBody?(body: RequestBodyInfo): void;
  response?(response: ResponseInfo): void;
  schema?(schema: SchemaInfo): void;
  securityScheme?(scheme: SecuritySchemeInfo): void;
  server?(server: ServerInfo): void;
  onEnd?(): void;
}

export interface SpecRule<Options = unknown, MessageIds extends string = string> {
  meta: RuleMeta<MessageIds> & { category: 'spec' };
  defaultOptions: Options;
  create(context: SpecRuleContext<Options>): SpecRuleVisitors;
  /** Rules with `requiresApiModel`: whether the model gives the rule anything to say about this spec (the CLI's pass 2). */
  hasFindingsIn?(model: ApiModel, filePath: string): boolean;
}

export function defineSpecRule<Options, MessageIds extends string>(rule: SpecRule<Options, MessageIds>): SpecRule<Options, MessageIds> {
  return rule;
}
