// True and false samples for each tier-1 provider in ../secret-providers/, keyed by provider id, one file per family
// (same file names); run by test/rules/secret-providers.test.ts, which also checks that every provider has both kinds
// and no id is unknown.
// Test-only data: nothing the extension bundles imports these files, so dist/ ships no token-shaped strings (the
// .vsix passes `vsce package`'s secret scan, and users' own scanners do not flag the installed extension).
// Samples are obviously fake but format-valid; they are assembled by concatenation so that secret scanners on
// the hosting side (e.g. GitHub push protection) do not mistake these files for a leak.
import { AZURE_SAMPLES } from './azure';
import { CLOUD_SAMPLES } from './cloud';
import { CONNECTIONS_SAMPLES } from './connections';
import { DEVELOPER_SAMPLES } from './developer';
import { SAAS_SAMPLES } from './saas';
import type { SecretProviderSamples } from './shared';

export type { SecretProviderSamples, SecretSample } from './shared';

export const SECRET_PROVIDER_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  ...CLOUD_SAMPLES,
  ...AZURE_SAMPLES,
  ...SAAS_SAMPLES,
  ...DEVELOPER_SAMPLES,
  ...CONNECTIONS_SAMPLES,
};
