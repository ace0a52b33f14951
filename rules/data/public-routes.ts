// Placeholder until the public-route knowledge lands (issue 7, helper branch i7-auth): the signature is final.
export function publicReasonForPath(_method: string, fullPath: string): string | undefined {
  const segments = fullPath.toLowerCase().split('/').filter(Boolean);
  if (segments.some((segment) => segment === 'login')) return 'login endpoint';
  if (segments.some((segment) => segment === 'health')) return 'health check';
  return undefined;
}
