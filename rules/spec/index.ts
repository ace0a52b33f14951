// The spec rule list (OpenAPI/Swagger documents), assembled in one place. Adding one: see ARCHITECTURE.md.
// The spec ↔ code rules that report on routes in code (undocumented-route, auth-mismatch) are code rules: they
// live in this folder and are registered in rules/index.ts.
import type { SpecRule } from '../support/spec-rule';
import { apiKeyInQuery } from './api-key-in-query';
import { basicAuth } from './basic-auth';
import { graphqlUnbounded } from './graphql-unbounded';
import { insecureServerUrl } from './insecure-server-url';
import { missingAuthErrorResponse } from './missing-auth-error-response';
import { missingRateLimitResponse } from './missing-rate-limit-response';
import { numericIdInPath } from './numeric-id-in-path';
import { openRequestSchema } from './open-request-schema';
import { operationWithoutSecurity } from './operation-without-security';
import { secretInExample } from './secret-in-example';
import { sensitiveFieldInResponse } from './sensitive-field-in-response';
import { unboundedArray } from './unbounded-array';
import { unboundedNumber } from './unbounded-number';
import { unboundedString } from './unbounded-string';
import { undefinedSecurityScheme } from './undefined-security-scheme';
import { unimplementedOperation } from './unimplemented-operation';
import { writableServerField } from './writable-server-field';

export const ALL_SPEC_RULES: readonly SpecRule<any>[] = [
  // Authentication and transport
  operationWithoutSecurity,
  undefinedSecurityScheme,
  insecureServerUrl,
  apiKeyInQuery,
  basicAuth,
  missingAuthErrorResponse,
  missingRateLimitResponse,
  // What clients may send
  openRequestSchema,
  writableServerField,
  unboundedString,
  unboundedArray,
  unboundedNumber,
  // What the API exposes
  sensitiveFieldInResponse,
  secretInExample,
  numericIdInPath,
  graphqlUnbounded,
  // Spec ↔ code
  unimplementedOperation,
];
