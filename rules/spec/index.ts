// The spec rule list (OpenAPI/Swagger documents), assembled in one place. Adding one: see ARCHITECTURE.md.
import type { SpecRule } from '../support/spec-rule';
import { openRequestSchema } from './open-request-schema';
import { unboundedArray } from './unbounded-array';
import { unboundedNumber } from './unbounded-number';
import { unboundedString } from './unbounded-string';
import { undefinedSecurityScheme } from './undefined-security-scheme';
import { writableServerField } from './writable-server-field';

export const ALL_SPEC_RULES: readonly SpecRule<any>[] = [
  undefinedSecurityScheme,
  openRequestSchema,
  writableServerField,
  unboundedString,
  unboundedArray,
  unboundedNumber,
];
