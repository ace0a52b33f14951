// The spec rule list (OpenAPI/Swagger documents), assembled in one place. Adding one: see ARCHITECTURE.md.
import type { SpecRule } from '../support/spec-rule';
import { undefinedSecurityScheme } from './undefined-security-scheme';
import { unimplementedOperation } from './unimplemented-operation';

export const ALL_SPEC_RULES: readonly SpecRule<any>[] = [undefinedSecurityScheme, unimplementedOperation];
