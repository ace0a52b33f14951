// The rule list, assembled in one place. Adding a rule: see ARCHITECTURE.md ("Adding a rule").
import type { Rule } from './support/rule';
import { fullRecordResponse } from './full-record-response';
import { hardcodedSecret } from './hardcoded-secret';
import { missingAuth } from './missing-auth';
import { massAssignment } from './mass-assignment';
import { unparameterizedQuery } from './unparameterized-query';
import { authMismatch } from './spec/auth-mismatch';
import { undocumentedRoute } from './spec/undocumented-route';

export const ALL_RULES: readonly Rule<any>[] = [hardcodedSecret, unparameterizedQuery, missingAuth, massAssignment, fullRecordResponse, undocumentedRoute, authMismatch];
