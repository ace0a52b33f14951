// The spec rule list (OpenAPI/Swagger documents), assembled in one place. Adding one: see ARCHITECTURE.md.
import type { SpecRule } from '../support/spec-rule';
import { sensitiveFieldInResponse } from './sensitive-field-in-response';
import { graphqlUnbounded } from './graphql-unbounded';
import { numericIdInPath } from './numeric-id-in-path';
import { secretInExample } from './secret-in-example';
import { undefinedSecurityScheme } from './undefined-security-scheme';

export const ALL_SPEC_RULES: readonly SpecRule<any>[] = [undefinedSecurityScheme, sensitiveFieldInResponse, secretInExample, numericIdInPath, graphqlUnbounded];
