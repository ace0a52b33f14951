// The spec rule list (OpenAPI/Swagger documents), assembled in one place. Adding one: see ARCHITECTURE.md.
import type { SpecRule } from '../support/spec-rule';
import { apiKeyInQuery } from './api-key-in-query';
import { basicAuth } from './basic-auth';
import { insecureServerUrl } from './insecure-server-url';
import { missingAuthErrorResponse } from './missing-auth-error-response';
import { missingRateLimitResponse } from './missing-rate-limit-response';
import { operationWithoutSecurity } from './operation-without-security';
import { undefinedSecurityScheme } from './undefined-security-scheme';

export const ALL_SPEC_RULES: readonly SpecRule<any>[] = [
  undefinedSecurityScheme,
  operationWithoutSecurity,
  insecureServerUrl,
  apiKeyInQuery,
  basicAuth,
  missingAuthErrorResponse,
  missingRateLimitResponse,
];
