// True and false samples for the tier-1 formats in ../secret-providers/azure.ts, keyed by provider id. Test-only:
// see ./index.ts.
import type { SecretProviderSamples } from './shared';

export const AZURE_SAMPLES: Readonly<Record<string, SecretProviderSamples>> = {
  'azure-storage-connection-string': {
    positive: ['DefaultEndpointsProtocol=https;AccountName=acmeprod;AccountKey=' + 'NeEFx2kWcM8+yWueMKkRYK6tivwsIi2jQFQfpwn9PdVcayvQxubQIo2Gtf41n+rYXm06H72eY/xwmquq32mha9' + '==;EndpointSuffix=core.windows.net'],
    negative: [
      'DefaultEndpointsProtocol=http;AccountName=devstoreaccount1;AccountKey=' + 'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==',
      'UseDevelopmentStorage=true',
    ],
  },
};
