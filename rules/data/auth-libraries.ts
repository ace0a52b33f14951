// Placeholder until the auth knowledge lands (issue 7, helper branch i7-auth): the lookup's signature is final.
export interface AuthLibraryEntry {
  module: string;
  memberPath: readonly string[];
  kind: 'authentication' | 'authorization';
  label: string;
}

const ENTRIES: AuthLibraryEntry[] = [{ module: 'passport', memberPath: ['authenticate'], kind: 'authentication', label: 'passport' }];

export function findAuthLibrary(moduleSpecifier: string, memberPath: readonly string[]): AuthLibraryEntry | undefined {
  return ENTRIES.find((entry) => entry.module === moduleSpecifier && entry.memberPath.join('.') === memberPath.join('.'));
}
