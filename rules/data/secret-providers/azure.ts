// Tier-1 secret formats, microsoft Azure and Entra ID: keys, client secrets, tokens and connection strings.
// Samples: ../secret-provider-samples/azure.ts. The order of entries matters where formats overlap: the first match wins.
import { isPlaceholderValue } from '../secret-placeholders';
import { type SecretProvider } from './shared';

export const AZURE_PROVIDERS: readonly SecretProvider[] = [
  {
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    name: 'Azure Storage connection string',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    keywords: ['AccountKey='],
    minLength: 99,
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    validate: (_token, match) => !isPlaceholderValue(match[1] ?? ''),
  },
];
