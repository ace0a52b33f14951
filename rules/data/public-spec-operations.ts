// Operations public by design that specs document and route code rarely has (the code-side list is
// rules/data/public-routes.ts, which spec/operation-without-security reads first). Measured on public vendor specs:
// Box's `GET /authorize` and Vercel's `GET /registration/verify` carry `security: []` on purpose.

export interface PublicSpecOperation {
  reason: string;
  /** Upper-case methods. */
  methods: readonly string[];
  /** Tested against the lower-case path template with its base path. */
  path: RegExp;
}

export const PUBLIC_SPEC_OPERATIONS: readonly PublicSpecOperation[] = [
  // The OAuth 2 authorization endpoint: a browser is sent there before it has any token.
  { reason: 'OAuth authorization endpoint', methods: ['GET', 'POST'], path: /(^|\/)(oauth2?\/)?authorize$/ },
  // The link a sign-up email carries, before the account can sign in.
  { reason: 'sign-up verification link', methods: ['GET', 'POST'], path: /(^|\/)(registration|register|signup|sign-up)\/(verify|confirm)$/ },
];

/** Why a documented operation is public by design, from the spec-only list; undefined when it is not in it. */
export function publicSpecOperationReason(method: string, fullPath: string): string | undefined {
  const upperMethod = method.toUpperCase();
  const path = fullPath.toLowerCase().replace(/\/+$/, '');
  return PUBLIC_SPEC_OPERATIONS.find((kind) => kind.methods.includes(upperMethod) && kind.path.test(path))?.reason;
}
