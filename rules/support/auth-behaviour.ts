// Placeholder until the auth-behaviour analysis lands (issue 7, helper branch i7-auth): the types are final.
import type * as ts from 'typescript';

export interface AuthBehaviour {
  /** Verifies identity (token/session/cookie/credential/API key) and rejects when that fails. */
  authenticates: boolean;
  /** Checks a role, permission or ownership and rejects when it fails. */
  authorizes: boolean;
  /** Short, user-facing: "reads the Authorization header and answers 401". */
  how: string;
  /** It rejects (responds/redirects) but does not return, so next()/the rest of the handler still runs. */
  fallsThrough?: { start: number; end: number; why: string };
}

export function analyzeMiddlewareAuth(_fn: ts.FunctionLikeDeclaration, _sourceFile: ts.SourceFile): AuthBehaviour | undefined {
  return undefined;
}

export function analyzeHandlerAuth(_fn: ts.FunctionLikeDeclaration, _sourceFile: ts.SourceFile): AuthBehaviour | undefined {
  return undefined;
}

export function analyzeGuardClass(_cls: ts.ClassDeclaration | ts.ClassExpression, _sourceFile: ts.SourceFile): (AuthBehaviour & { publicMetadataKeys: string[] }) | undefined {
  return undefined;
}
