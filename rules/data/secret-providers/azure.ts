// Tier-1 secret formats, Microsoft Azure and Entra ID: keys, client secrets, tokens and connection strings.
// Samples: ../secret-provider-samples/azure.ts. The order of entries matters where formats overlap: the first match wins
// (connection strings before the bare keys they contain, signed keys before the hint-only legacy shapes).
//
// Three kinds of format, from most to least self-evident:
// - connection strings and URLs whose field names say what the key is (`SharedAccessKey=`, `sig=` beside `sv=`);
// - Microsoft's "identifiable" keys: a fixed four-character signature at a fixed offset (`+ASt` at 76 in a storage
//   account key, `JQQJ99` at 52 in the 84-character common annotated keys). A random value carries it once in 16
//   million, so these need no hint;
// - the older keys (plain 88-character base64, 32 hex, 52 characters): shapes many non-secrets share, so only as a
//   whole value with an Azure hint in the name or the code around it.
// Not formats here, on purpose: Application Insights connection strings and instrumentation keys (a write-only
// telemetry id that browser SDKs ship to every visitor, not a credential), and tenant / client ids (GUIDs, public).
import { isDocumentedExample, isPlaceholderValue } from '../secret-placeholders';
import { escapeRegExp } from '../../support/keyword-pattern';
import { looksRandomMixedCase, nearby, type SecretProvider } from './shared';


/** The key in a connection string or a key field, without the text before it. */
function keyAfter(field: string): (token: string) => string {
  return (token) => token.slice(token.lastIndexOf(field) + field.length);
}

// The emulators' published keys (Azurite, Cosmos DB) are the same on every machine and printed in Microsoft's docs: a
// development default, not a credential. They are documented examples, kept as fingerprints so the bundle holds none.
const isRealKey = (key: string) => !isPlaceholderValue(key) && !isDocumentedExample(key);

const NOT_BASE64_BEFORE = '(?<![A-Za-z0-9+/])';
const NOT_BASE64_AFTER = '(?![A-Za-z0-9+/=])';

/**
 * An identifiable key: random base64, the service's signature at a fixed offset, a few more characters, padding. A
 * 64-byte key is 76 characters, the signature, 5 more, a last character canonical base64 of 64 bytes allows (A, Q, g
 * or w), `==`; a 32-byte key is 33 characters, the signature, a letter A–P, 5 more, `=`.
 */
function signedKey(bytes: 64 | 32, id: string, name: string, envName: string, signature: string): SecretProvider {
  const escaped = escapeRegExp(signature);
  const [randomLength, afterSignature] = bytes === 64 ? [76, '[A-Za-z0-9+/]{5}[AQgw]=='] : [33, '[A-P][A-Za-z0-9+/]{5}='];
  return {
    id,
    provider: 'Azure',
    name,
    envName,
    keywords: [signature],
    minLength: bytes === 64 ? 88 : 44,
    pattern: new RegExp(`${NOT_BASE64_BEFORE}[A-Za-z0-9+/]{${randomLength}}${escaped}${afterSignature}${NOT_BASE64_AFTER}`),
    checkedPart: (token) => token.slice(0, randomLength),
  };
}

/**
 * Microsoft's common annotated security key (84 characters): 52 random alphanumerics, `JQQJ9` and a version character,
 * a date and reserved part, the issuing service's signature at offset 76 (`ACOG` Azure AI services, `AZDO` Azure
 * DevOps, `AWPS` Web PubSub, …), 4 more, optionally 2 more and `==`. `service` narrows to one signature.
 */
function commonAnnotatedKey(service: string): RegExp {
  return new RegExp(
    `(?<![A-Za-z0-9])[A-Za-z0-9]{52}JQQJ9[9DH][A-Za-z0-9][A-L][A-Za-z0-9]{16}${service}[A-Za-z0-9]{4}(?:[A-Za-z0-9]{2}==)?(?![A-Za-z0-9+/=])`,
  );
}

// Hints for the hint-only legacy shapes (lower case: names and nearby text are lower-cased before the test).
// Words like "storage" or "batch" alone are too common (localStorage, a batch of signatures): only with "account" or "key".
const STORAGE_KEY_HINT =
  /azure|account.?key|storage.?(?:account|key|credential)|sharedkeycredential|blob\.core|cosmos|documents\.azure|documentdb|batch\.azure|batch.?(?:account|key)/;
const AZURE_AI_KEY_HINT =
  /azure.?openai|openai\.azure\.com|cognitiveservices|cognitive.?services|azurekeycredential|ocp-apim-subscription-key|azure.?(?:ai|api|speech|translator|vision)?.?key/;
const DEVOPS_HINT = /azure.?devops|dev\.azure\.com|visualstudio\.com|ado.?pat|azdo|system_accesstoken|azure.?pat/;
const SEARCH_HINT = /search\.windows\.net|azure.?search|search.?(?:admin|query|api).?key|searchclient|searchindexclient/;

export const AZURE_PROVIDERS: readonly SecretProvider[] = [
  // --- Connection strings and URLs: the field names say what the key is.
  {
    id: 'azure-cosmos-db-connection-string',
    provider: 'Azure',
    name: 'Azure Cosmos DB connection string',
    envName: 'AZURE_COSMOS_CONNECTION_STRING',
    keywords: ['AccountEndpoint='],
    minLength: 110,
    pattern: /AccountEndpoint=https?:\/\/[A-Za-z0-9.-]+(?::\d+)?\/?;\s*AccountKey=[A-Za-z0-9+/]{86}==/,
    checkedPart: keyAfter('AccountKey='),
    validate: (token) => isRealKey(keyAfter('AccountKey=')(token)),
  },
  {
    id: 'azure-storage-connection-string',
    provider: 'Azure',
    name: 'Azure Storage connection string',
    envName: 'AZURE_STORAGE_CONNECTION_STRING',
    keywords: ['AccountKey='],
    minLength: 99,
    pattern: /AccountKey=([A-Za-z0-9+/]{86}==)/,
    validate: (_token, match) => isRealKey(match[1] ?? ''),
  },
  {
    // Service Bus, Event Hubs, Relay and IoT Hub connection strings (`Endpoint=sb://…;SharedAccessKeyName=…;
    // SharedAccessKey=…`, `HostName=….azure-devices.net;…;SharedAccessKey=…`): a 256-bit key in base64.
    id: 'azure-shared-access-key',
    provider: 'Azure',
    name: 'Azure shared access key (Service Bus, Event Hubs, IoT Hub connection string)',
    envName: 'AZURE_SERVICEBUS_CONNECTION_STRING',
    keywords: ['SharedAccessKey='],
    minLength: 60,
    pattern: /SharedAccessKey=[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/,
    checkedPart: keyAfter('SharedAccessKey='),
  },
  {
    // SignalR and Web PubSub: `Endpoint=https://….service.signalr.net;AccessKey=…;Version=1.0;`. The key is a 256-bit
    // base64 key or, newer, a common annotated key.
    id: 'azure-signalr-access-key',
    provider: 'Azure',
    name: 'Azure SignalR / Web PubSub access key',
    envName: 'AZURE_SIGNALR_CONNECTION_STRING',
    keywords: ['AccessKey='],
    minLength: 70,
    pattern: /Endpoint=https?:\/\/[A-Za-z0-9.-]+;\s*(?:[A-Za-z]+=[^;\s]*;\s*)*AccessKey=(?:[A-Za-z0-9+/]{43}=|[A-Za-z0-9]{84})(?![A-Za-z0-9+/=])/,
    checkedPart: keyAfter('AccessKey='),
  },
  {
    // Communication Services write the field names in lower case: `endpoint=https://….communication.azure.com/;
    // accesskey=…`. The key is 64 bytes in base64 or, newer, a common annotated key.
    id: 'azure-communication-services-connection-string',
    provider: 'Azure',
    name: 'Azure Communication Services connection string',
    envName: 'AZURE_COMMUNICATION_CONNECTION_STRING',
    keywords: ['.communication.azure.com'],
    minLength: 100,
    pattern: /endpoint=https:\/\/[A-Za-z0-9.-]+\.communication\.azure\.com\/?;\s*accesskey=(?:[A-Za-z0-9+/]{86}==|[A-Za-z0-9]{84})(?![A-Za-z0-9+/=])/i,
    checkedPart: (token) => token.slice(token.toLowerCase().lastIndexOf('accesskey=') + 'accesskey='.length),
  },
  {
    // StackExchange.Redis style, as the portal shows it: `<name>.redis.cache.windows.net:6380,password=…,ssl=True`.
    id: 'azure-cache-for-redis-connection-string',
    provider: 'Azure',
    name: 'Azure Cache for Redis connection string',
    envName: 'AZURE_REDIS_CONNECTION_STRING',
    keywords: ['.redis.cache.windows.net'],
    minLength: 70,
    pattern: /\.redis\.cache\.windows\.net(?::\d+)?,\s*password=[A-Za-z0-9+/]{43}=(?![A-Za-z0-9+/=])/i,
    checkedPart: (token) => token.slice(token.toLowerCase().lastIndexOf('password=') + 'password='.length),
  },
  {
    id: 'azure-app-configuration-connection-string',
    provider: 'Azure',
    name: 'Azure App Configuration connection string',
    envName: 'AZURE_APPCONFIG_CONNECTION_STRING',
    keywords: ['.azconfig.io'],
    minLength: 50,
    pattern: /Endpoint=https:\/\/[A-Za-z0-9-]+\.azconfig\.io\/?;\s*Id=[A-Za-z0-9+/=:-]+;\s*Secret=[A-Za-z0-9+/=]{20,}/,
    checkedPart: keyAfter('Secret='),
  },
  {
    // Account and service SAS (`sv=2022-11-02&…&sig=…`) and the Service Bus / Event Hubs form (`SharedAccessSignature
    // sr=…&sig=…&se=…&skn=…`). The signature is an HMAC-SHA256 in base64, mostly URL-encoded. The version date or
    // `skn=` is what says "Azure": other signed URLs name their signature differently.
    id: 'azure-sas-token',
    provider: 'Azure',
    name: 'Azure shared access signature (SAS) token',
    envName: 'AZURE_SAS_TOKEN',
    keywords: ['sig='],
    minLength: 44,
    pattern: /(?<![A-Za-z0-9_])sig=[A-Za-z0-9%+/]{40,}(?:=|%3[Dd]){0,2}/,
    checkedPart: keyAfter('sig='),
    validate: (_token, match) => {
      const query = match.input;
      return /(?:^|[?&\s])sv=\d{4}-\d{2}-\d{2}(?:&|$)/.test(query) || /SharedAccessSignature\s.*(?:^|[&\s])skn=[^&\s]+/.test(query);
    },
  },
  {
    // A function URL with its key: `https://<app>.azurewebsites.net/api/<function>?code=<key>`.
    id: 'azure-function-key-url',
    provider: 'Azure',
    name: 'Azure Functions key (in a function URL)',
    envName: 'AZURE_FUNCTION_KEY',
    keywords: ['.azurewebsites.net'],
    minLength: 60,
    pattern: /\.azurewebsites\.net\/api\/[A-Za-z0-9_.\/-]*\?(?:[^\s"'#]*&)?code=[A-Za-z0-9_-]{30,}(?:==|%3[Dd]%3[Dd])?/,
    checkedPart: keyAfter('code='),
    validate: (token) => looksRandomMixedCase(keyAfter('code=')(token)),
  },

  // --- Entra ID (Azure AD).
  {
    // Client secrets ("app passwords"): 3 characters, a version digit, `Q~`, 31 (version 7) to 34 (version 8) more.
    id: 'azure-ad-client-secret',
    provider: 'Azure',
    name: 'Entra ID (Azure AD) client secret',
    envName: 'AZURE_CLIENT_SECRET',
    keywords: ['Q~'],
    minLength: 37,
    pattern: /(?<![A-Za-z0-9_~.-])[A-Za-z0-9_~.-]{3}\dQ~[A-Za-z0-9_~.-]{31,34}(?![A-Za-z0-9_~.-])/,
    validate: (token) => looksRandomMixedCase(token),
  },
  {
    // Refresh tokens as MSAL and the Azure CLI cache them: `0.A` or `1.A`, the client part, `.Ag`, the encrypted body.
    id: 'azure-entra-refresh-token',
    provider: 'Azure',
    name: 'Entra ID (Azure AD) refresh token',
    envName: 'AZURE_REFRESH_TOKEN',
    keywords: ['.Ag'],
    minLength: 300,
    pattern: /(?<![A-Za-z0-9_.-])[01]\.A[A-Za-z0-9_-]{50,}(?:\.[0-9])?\.Ag[A-Za-z0-9_-]{250,}(?:\.A[A-Za-z0-9_-]{200,})?/,
    checkedPart: (token) => token.slice(0, 120),
  },

  // --- Identifiable keys: the signature says which service issued them.
  signedKey(64, 'azure-storage-account-key', 'Azure Storage account key', 'AZURE_STORAGE_KEY', '+ASt'),
  signedKey(64, 'azure-cosmos-db-key', 'Azure Cosmos DB account key', 'AZURE_COSMOS_KEY', 'ACDb'),
  signedKey(64, 'azure-batch-key', 'Azure Batch account key', 'AZURE_BATCH_KEY', '+ABa'),
  signedKey(64, 'azure-api-management-key', 'Azure API Management key', 'AZURE_APIM_KEY', 'APIM'),
  signedKey(32, 'azure-service-bus-key', 'Azure Service Bus key', 'AZURE_SERVICEBUS_KEY', '+ASb'),
  signedKey(32, 'azure-event-hubs-key', 'Azure Event Hubs key', 'AZURE_EVENTHUBS_KEY', '+AEh'),
  signedKey(32, 'azure-relay-key', 'Azure Relay key', 'AZURE_RELAY_KEY', '+ARm'),
  signedKey(32, 'azure-iot-key', 'Azure IoT Hub key', 'AZURE_IOT_KEY', 'AIoT'),
  signedKey(32, 'azure-cache-for-redis-key', 'Azure Cache for Redis access key', 'AZURE_REDIS_KEY', 'AzCa'),
  signedKey(32, 'azure-event-grid-key', 'Azure Event Grid key', 'AZURE_EVENTGRID_KEY', 'AZEG'),
  {
    // 52 characters: 42, `+ACR`, a letter A–D, 5 more.
    id: 'azure-container-registry-password',
    provider: 'Azure',
    name: 'Azure Container Registry password',
    envName: 'AZURE_ACR_PASSWORD',
    keywords: ['+ACR'],
    minLength: 52,
    pattern: /(?<![A-Za-z0-9+/])[A-Za-z0-9+/]{42}\+ACR[A-D][A-Za-z0-9+/]{5}(?![A-Za-z0-9+/=])/,
    checkedPart: (token) => token.slice(0, 42),
  },
  {
    // Admin and query keys alike: 52 alphanumerics, `AzSe` at offset 42, a letter A–D, 5 more.
    id: 'azure-search-key',
    provider: 'Azure',
    name: 'Azure AI Search key',
    envName: 'AZURE_SEARCH_KEY',
    keywords: ['AzSe'],
    minLength: 52,
    pattern: /(?<![A-Za-z0-9])[A-Za-z0-9]{42}AzSe[A-D][A-Za-z0-9]{5}(?![A-Za-z0-9])/,
    checkedPart: (token) => token.slice(0, 42),
  },
  {
    // Function, host and master keys: 44 URL-safe characters, `AzFu`, 5 more, a canonical last character, `==`.
    id: 'azure-function-key',
    provider: 'Azure',
    name: 'Azure Functions key',
    envName: 'AZURE_FUNCTION_KEY',
    keywords: ['AzFu'],
    minLength: 56,
    pattern: /(?<![A-Za-z0-9_-])[A-Za-z0-9_-]{44}AzFu[A-Za-z0-9_-]{5}[AQgw]==(?![A-Za-z0-9_=-])/,
    checkedPart: (token) => token.slice(0, 44),
  },
  {
    id: 'azure-ai-services-key',
    provider: 'Azure',
    name: 'Azure AI services key (Azure OpenAI, Speech, Vision, …)',
    envName: 'AZURE_OPENAI_API_KEY',
    keywords: ['JQQJ9'],
    minLength: 84,
    pattern: commonAnnotatedKey('ACOG'),
    checkedPart: (token) => token.slice(0, 52),
  },
  {
    id: 'azure-devops-pat',
    provider: 'Azure',
    name: 'Azure DevOps personal access token',
    envName: 'AZURE_DEVOPS_PAT',
    keywords: ['JQQJ9'],
    minLength: 84,
    pattern: commonAnnotatedKey('AZDO'),
    checkedPart: (token) => token.slice(0, 52),
  },
  {
    // Any other service's common annotated key (App Configuration, Web PubSub, Communication Services, …).
    id: 'azure-common-annotated-key',
    provider: 'Azure',
    name: 'Azure access key (common annotated format)',
    envName: 'AZURE_ACCESS_KEY',
    keywords: ['JQQJ9'],
    minLength: 84,
    pattern: commonAnnotatedKey('[A-Za-z][A-Za-z0-9]{3}'),
    checkedPart: (token) => token.slice(0, 52),
  },

  // --- Legacy shapes without a signature: whole values, and only with an Azure hint.
  {
    // Storage, Cosmos DB and Batch account keys before signatures: 64 random bytes in base64.
    id: 'azure-account-key',
    provider: 'Azure',
    name: 'Azure account key (Storage, Cosmos DB, Batch)',
    envName: 'AZURE_STORAGE_KEY',
    keywords: ['=='],
    minLength: 88,
    pattern: /^[A-Za-z0-9+/]{85}[AQgw]==$/,
    validate: (token, match, context) => isRealKey(token) && looksRandomMixedCase(token) && nearby(STORAGE_KEY_HINT, { after: true })(token, match, context),
  },
  {
    // Azure OpenAI / AI services and API Management subscription keys before the annotated format: 32 hex digits,
    // which is also every MD5: only beside an Azure AI name or endpoint.
    id: 'azure-ai-services-legacy-key',
    provider: 'Azure',
    name: 'Azure AI services / API Management key',
    envName: 'AZURE_OPENAI_API_KEY',
    keywords: [],
    minLength: 32,
    pattern: /^[0-9a-f]{32}$/,
    validate: (token, match, context) => /[a-f]/.test(token) && /[0-9]/.test(token) && nearby(AZURE_AI_KEY_HINT, { after: true })(token, match, context),
  },
  {
    // Azure DevOps personal access tokens before the annotated format: 52 characters of lower-case base32.
    id: 'azure-devops-pat-legacy',
    provider: 'Azure',
    name: 'Azure DevOps personal access token',
    envName: 'AZURE_DEVOPS_PAT',
    keywords: [],
    minLength: 52,
    pattern: /^[a-z2-7]{52}$/,
    validate: (token, match, context) => /[2-7]/.test(token) && nearby(DEVOPS_HINT, { after: true })(token, match, context),
  },
  {
    // Azure AI Search admin and query keys before the signature: 52 alphanumerics.
    id: 'azure-search-key-legacy',
    provider: 'Azure',
    name: 'Azure AI Search key',
    envName: 'AZURE_SEARCH_KEY',
    keywords: [],
    minLength: 52,
    pattern: /^[A-Za-z0-9]{52}$/,
    validate: (token, match, context) => looksRandomMixedCase(token) && nearby(SEARCH_HINT, { after: true })(token, match, context),
  },
];
