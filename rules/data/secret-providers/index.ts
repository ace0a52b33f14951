// Tier-1 secret formats of the hardcoded-secret rule: tokens whose shape alone says "credential of provider X".
// Kept as data, one file per family of providers. Each entry's true and false samples live in the file of the same
// name under ../secret-provider-samples/ (keyed by id, run by test/rules/secret-providers.test.ts), test-only files,
// so the bundled extension ships no token-shaped strings. Add or change a provider together with its samples there.
// Order: the first format that matches a value wins, so specific formats come before the generic ones they overlap
// (connection strings, JWTs and private keys last).
import { AZURE_PROVIDERS } from './azure';
import { CLOUD_PROVIDERS } from './cloud';
import { CONNECTIONS_PROVIDERS } from './connections';
import { DEVELOPER_PROVIDERS } from './developer';
import { SAAS_PROVIDERS } from './saas';
import type { SecretProvider } from './shared';

export { LOCAL_HOST, type ProviderContext, type SecretProvider } from './shared';

export const SECRET_PROVIDERS: readonly SecretProvider[] = [...CLOUD_PROVIDERS, ...AZURE_PROVIDERS, ...SAAS_PROVIDERS, ...DEVELOPER_PROVIDERS, ...CONNECTIONS_PROVIDERS];

/** The shortest value any provider can match; shorter literals skip tier 1 entirely. */
export const MIN_PROVIDER_TOKEN_LENGTH = Math.min(...SECRET_PROVIDERS.map((provider) => provider.minLength));
