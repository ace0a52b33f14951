// hardcoded-secret tier 2 (issue 13): a word inside a random value (`At`, `service-account-name`, `test`, `key`) does
// not make it a placeholder; provider key names (`STRIPE_KEY`, `sendgridKey`, `AZURE_OPENAI_KEY`) and `Bearer …` under
// a token name are credentials; documented examples, templates (`$(VAR)`, `{var}`, `%s`, `<value>`), typed dummies
// and identifiers are not. Each with its traps, in TypeScript and JavaScript.
import { strict as assert } from 'node:assert';
import { createHash } from 'node:crypto';
import { describe, it } from 'node:test';
import { credentialNameStrength } from '../../rules/data/secret-names';
import { DOCUMENTED_EXAMPLE_FINGERPRINTS, hasRandomPart, isDocumentedExample, isPlaceholderValue } from '../../rules/data/secret-placeholders';
import { hardcodedSecret, isNonSecretValue, looksLikeDummyToken } from '../../rules/hardcoded-secret';
import { runRuleTests, type ExpectedFinding } from '../support/rule-tester';

// Random-looking values of our own, assembled so that no full token sits in this file. None has a provider format.
const AT_INSIDE = 'zq_' + 'R7mKc2AtVw9LpXe4TbN8sYf3'; // camelCase split reads `At`, a "non-secret" word
const SERVICE_ACCOUNT_NAME = 'svc-service-account-name-' + 'sVwMq0ot5ngCWkuEWk3PKvbv';
const TEST_MODE = 'acme_test_' + '7JeU8iP8TcdCDquof2au9bik';
const KEY_DASH = 'key-' + 'jtl53pfvsfhx0o7qst8s';
const RANDOM_1 = 'ZK1WnuTwsZep' + 'H2cZKUqqSI';
const RANDOM_2 = 'tZFJF6QoTHad' + 'ha0620wkydvg29kZTttQ';
const RANDOM_3 = 'Ga8eQkJC1nx6' + 'Xl5GmwdevBOEKg3x';
const RANDOM_4 = '4NIP2Zi6Fg' + 'T6wvKqxhat';
const BEARER = 'Bearer ' + 'jTL53PfvsFhx0O7q' + 'ST8SFn3vqE';
const ZERO_PADDED = 'A'.repeat(22) + RANDOM_3; // base64 of leading zero bytes, as in app-only bearer tokens
const HEADER_LINE = 'Authorization: Bearer ' + RANDOM_2;
const ENV_LINE = 'export ACME_API_KEY=' + RANDOM_3;
const WEBHOOK_URL = 'https://hooks.acme-chat.io/services/' + 'T0' + RANDOM_4 + '/' + RANDOM_1;
const DOCUMENT_URL = 'https://docs.acme-corp.net/document/d/' + RANDOM_1 + RANDOM_4;
const DIGEST = 'registry.acme-corp.net/api@sha256:' + '308b6d6a96d1e54d538db106c7b805b4' + 'e6be783d04069795b694a714c8a85319';

const sha = (value: string) => createHash('sha256').update(value).digest('hex').slice(0, 8);
const redacted = (value: string) => `${value.slice(0, Math.min(4, Math.floor(value.length / 4)))}…(${value.length} chars)`;
const credentialMessage = (sink: string, value: string) =>
  `Hard-coded credential in ${sink} (${redacted(value)}, sha256 ${sha(value)}). Move it out of source and rotate it: it stays in version history.`;

/** The exact range of the first `'literal'` in `code`. */
function literalAt(code: string, literal: string): Pick<ExpectedFinding, 'line' | 'column' | 'endLine' | 'endColumn'> {
  const index = code.indexOf(`'${literal}'`);
  assert.ok(index >= 0, `literal not in the case: ${literal}`);
  const before = code.slice(0, index).split('\n');
  const column = before[before.length - 1]!.length + 1;
  return { line: before.length, column, endLine: before.length, endColumn: column + literal.length + 2 };
}
const credential = (code: string, sink: string, value: string): ExpectedFinding => ({
  messageId: 'credentialLiteral',
  message: credentialMessage(sink, value),
  severity: 'warning',
  ...literalAt(code, value),
});

// ---------------------------------------------------------------------------------------------------------------
// 1. Words inside a random value

const wordsInsideTs = [
  `export const apiKey = '${AT_INSIDE}';`,
  `export const serviceToken = '${SERVICE_ACCOUNT_NAME}';`,
  `export const shippingApiKey = '${TEST_MODE}';`,
  `export const mailerApiKey = '${KEY_DASH}';`,
  '',
].join('\n');

// ---------------------------------------------------------------------------------------------------------------
// 2. Credential names: provider keys, Bearer values, *_api_secret, *_client_secret, *_access_token

const providerKeysTs = [
  `const STRIPE_KEY = '${RANDOM_1}';`,
  `const sendgridKey = '${RANDOM_2}';`,
  `const AZURE_OPENAI_KEY = '${RANDOM_3}';`,
  `const azureStorageAccountKey = '${RANDOM_4}';`,
  'export { STRIPE_KEY, sendgridKey, AZURE_OPENAI_KEY, azureStorageAccountKey };',
  '',
].join('\n');

const providerKeysJs = [
  'module.exports = {',
  `  mailgun_key: '${RANDOM_1}',`,
  `  openAiKey: '${RANDOM_2}',`,
  `  SLACK_AUTH_TOKEN: '${BEARER}',`,
  `  stripe_api_secret: '${RANDOM_3}',`,
  `  github_client_secret: '${RANDOM_4}',`,
  `  hubspot_access_token: '${TEST_MODE}',`,
  '};',
  '',
].join('\n');

runRuleTests(hardcodedSecret, {
  valid: [
    // Lookup keys are not provider keys, whatever their value looks like.
    `const cacheKey = '${RANDOM_3}';\nconst primaryKey = '${RANDOM_1}';\nconst sortKey = '${RANDOM_2}';`,
    `export const table = { partitionKey: '${RANDOM_4}', foreignKey: '${RANDOM_1}', storageKey: '${RANDOM_2}' };`,
    { name: 'JS: idempotency, query and channel keys', code: `module.exports = { idempotencyKey: '${RANDOM_3}', queryKey: '${RANDOM_1}', slackChannelKey: '${RANDOM_4}' };\n`, filename: 'src/keys.js' },
    // True placeholders under credential names stay unreported.
    "const apiKey = 'your-api-key';\nconst STRIPE_KEY = 'changeme';\nconst token = '<token>';",
    "const dbPassword = 'test';\nconst apiKey = 'example-key';\nconst password = 'example-key';\nconst serviceToken = 'test-token-6';",
    "const apiKey = 'xxx';\nconst mailgun_key = 'sk_live_<your key>';",
    // Templated values, in tier 2 and in tier 1's connection strings.
    "const databaseUrl = 'postgres://$(DB_USER):$(DB_PASSWORD)@db.acme-corp.net:5432/app';",
    "const value = 'postgres://$(DB_USER):$(DB_PASSWORD)@db.acme-corp.net:5432/app';",
    "const value = 'postgres://app:{dbPassword}@db.acme-corp.net:5432/app';\nconst databaseUrl = 'postgres://app:{dbPassword}@db.acme-corp.net:5432/app';",
    { name: 'JS: a printf field as a connection password', code: "exports.mongoUrl = 'mongodb+srv://admin:%s@cluster0.acme-corp.net/app';\n", filename: 'config/db.js' },
    "const apiKey = '$(API_KEY)';\nconst authToken = 'Bearer {accessToken}';\nconst secret = '%s';",
    "const credentials = '$DEPLOY_USER:$DEPLOY_PASSWORD';\nconst apiToken = 'username:password';",
    {
      name: 'JS: a printf template and a template field',
      code: "exports.dsn = 'mysql://%s:%s@db.acme-corp.net/app';\nexports.accessKey = 'ACCESS_KEY={AcmeAccessKey}';\n",
      filename: 'config/env.js',
    },
    // Emulator keys Microsoft publishes, under credential names (tier 2) and neutral ones.
    `const cosmosKey = '${'C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2n' + 'Q9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='}';\nconst accountKey = '${'Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6' + 'IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw=='}';`,
    // Typed dummies under a token name: alphabet runs, repetition, a counting id.
    `const apiKey = '${'tok_' + 'Abc123DefGhiJklMno456'}';\nconst apiKey2 = 'tok_9x9x9x9x9x9x9x9x';\nconst apiToken = 'acme-12345678-k9';`,
    "const accessToken = 'acme_000000000000000000000000000VWXYZ';\nconst apiKey = 'cfg-1-ServiceTokenHere';\nconst authToken = 'xoxz-1-xxx';",
    // Identifiers, URLs with a port, image digests.
    "const apiKey = 'getAccountSettingsForUser';\nconst accessToken = 'sumOfExposures;';\nconst apiToken = 'getPagesInSpace,searchUsingCql';",
    `const apiKey = 'smtps://smtp.acme-mail.com:465';\nconst accessToken = '${DIGEST}';`,
    // A link to a document is not a webhook; a header name with its value is not a credential; an env line whose
    // name is not a credential's carries none.
    `const apiKey = '${DOCUMENT_URL}';\nconst apiToken = 'Content-Type: application/json';\nconst authToken = 'Authorization: Bearer <token>';`,
    { name: 'JS: an env line that sets no credential', code: `exports.apiKey = 'NODE_ENV=production';\n`, filename: 'src/env.js' },
  ],
  invalid: [
    {
      name: 'words inside random values: At, service-account-name, _test_, key- (TypeScript)',
      code: wordsInsideTs,
      errors: [
        credential(wordsInsideTs, '"apiKey"', AT_INSIDE),
        credential(wordsInsideTs, '"serviceToken"', SERVICE_ACCOUNT_NAME),
        credential(wordsInsideTs, '"shippingApiKey"', TEST_MODE),
        credential(wordsInsideTs, '"mailerApiKey"', KEY_DASH),
      ],
    },
    {
      name: 'provider key names (TypeScript): the fix keeps the code’s own name',
      code: providerKeysTs,
      errors: [
        credential(providerKeysTs, '"STRIPE_KEY"', RANDOM_1),
        credential(providerKeysTs, '"sendgridKey"', RANDOM_2),
        credential(providerKeysTs, '"AZURE_OPENAI_KEY"', RANDOM_3),
        credential(providerKeysTs, '"azureStorageAccountKey"', RANDOM_4),
      ],
      output: providerKeysTs.replace(`'${RANDOM_1}'`, 'process.env.STRIPE_KEY!'),
      outputFiles: { '.env': `STRIPE_KEY=${RANDOM_1}\n` },
    },
    {
      name: 'provider keys, a Bearer value, api/client secrets and access tokens (CommonJS)',
      code: providerKeysJs,
      filename: 'config/services.js',
      errors: [
        credential(providerKeysJs, '"mailgun_key"', RANDOM_1),
        credential(providerKeysJs, '"openAiKey"', RANDOM_2),
        credential(providerKeysJs, '"SLACK_AUTH_TOKEN"', BEARER),
        credential(providerKeysJs, '"stripe_api_secret"', RANDOM_3),
        credential(providerKeysJs, '"github_client_secret"', RANDOM_4),
        credential(providerKeysJs, '"hubspot_access_token"', TEST_MODE),
      ],
      output: providerKeysJs.replace(`'${RANDOM_1}'`, 'process.env.MAILGUN_KEY'),
    },
    {
      name: 'wrappers: an Authorization header line, an env line, a webhook URL (TypeScript)',
      code: `const apiKey = '${HEADER_LINE}';\nconst deployKey = '${ENV_LINE}';\nconst alertsWebhookToken = '${WEBHOOK_URL}';\n`,
      errors: [
        credential(`const apiKey = '${HEADER_LINE}';\n`, '"apiKey"', HEADER_LINE),
        { ...credential(`const deployKey = '${ENV_LINE}';\n`, '"deployKey"', ENV_LINE), line: 2, endLine: 2 },
        { ...credential(`const alertsWebhookToken = '${WEBHOOK_URL}';\n`, '"alertsWebhookToken"', WEBHOOK_URL), line: 3, endLine: 3 },
      ],
    },
    {
      name: 'random letters without digits are a key, not an identifier (TypeScript)',
      code: "export const apiKey = 'kHgTrWpqZvBnMxLcQd';\n",
      errors: [credential("export const apiKey = 'kHgTrWpqZvBnMxLcQd';\n", '"apiKey"', 'kHgTrWpqZvBnMxLcQd')],
    },
    {
      name: 'a base64 zero-byte prefix is part of the format, not a dummy run (ESM)',
      code: `export const twitterToken = '${ZERO_PADDED}';\n`,
      filename: 'src/social.mjs',
      errors: [credential(`export const twitterToken = '${ZERO_PADDED}';\n`, '"twitterToken"', ZERO_PADDED)],
    },
  ],
});

describe('hardcoded-secret tier 2: credential names (issue 13)', () => {
  const cases: [string, ReturnType<typeof credentialNameStrength>][] = [
    ['STRIPE_KEY', 'token'], ['sendgridKey', 'token'], ['mailgun_key', 'token'], ['AZURE_OPENAI_KEY', 'token'],
    ['openAiKey', 'token'], ['gitHubKey', 'token'], ['AZURE_STORAGE_KEY', 'token'], ['azureStorageAccountKey', 'token'],
    ['stripe_api_secret', 'password'], ['github_client_secret', 'password'], ['slack_access_token', 'token'], ['SLACK_AUTH_TOKEN', 'token'],
    ['primaryKey', undefined], ['foreignKey', undefined], ['sortKey', undefined], ['cacheKey', undefined], ['partitionKey', undefined],
    ['storageKey', undefined], ['redisKey', undefined], ['idempotencyKey', undefined], ['slackChannelKey', undefined],
    ['cosmosKey', 'token'], ['firebaseKey', undefined], ['supabaseKey', undefined], ['stripeKeyName', undefined], ['keyof', undefined],
  ];
  for (const [name, expected] of cases) it(`${name} → ${expected ?? 'not a credential'}`, () => assert.equal(credentialNameStrength(name), expected));
});

describe('hardcoded-secret tier 2: value checks read words, not letters (issue 13)', () => {
  it('a placeholder word counts only in a value without a random part', () => {
    assert.equal(isPlaceholderValue(TEST_MODE), false, 'acme_test_<random>');
    assert.equal(isPlaceholderValue('FLWSECK_TEST-' + '482be18e7126a3f4' + '-X'), false, 'TEST- before hex');
    assert.equal(isPlaceholderValue('test_secret'), true);
    assert.equal(isPlaceholderValue('TEST_SECRET'), true);
    assert.equal(isPlaceholderValue('demo123'), true);
    assert.equal(isPlaceholderValue('test:test'), true);
    assert.equal(isPlaceholderValue('my-example-token-2'), true);
  });
  it('random parts: digits and letters mixed, or irregular case; not words or counters', () => {
    assert.equal(hasRandomPart(RANDOM_1), true);
    assert.equal(hasRandomPart('jtl53pfvsfhx0o7qst8s'), true);
    assert.equal(hasRandomPart('033c581cd333'), true, 'hex: two letters are enough');
    assert.equal(hasRandomPart('release-2024-v2'), false, 'words and numbers apart');
    assert.equal(hasRandomPart('kHgTrWpqZvBnMxLc'), true, 'letters only, irregular case');
    assert.equal(hasRandomPart('getPagesInConfluenceSpace'), false, 'camelCase words');
    assert.equal(hasRandomPart('x-custom-jwt-property-name'), false);
    assert.equal(hasRandomPart('test-token-6'), false);
  });
  it('non-secret words in a value only when the value is made of words', () => {
    assert.equal(isNonSecretValue(SERVICE_ACCOUNT_NAME), false);
    assert.equal(isNonSecretValue(AT_INSIDE), false);
    assert.equal(isNonSecretValue(KEY_DASH), false);
    assert.equal(isNonSecretValue('provider-access-token'), true);
    assert.equal(isNonSecretValue('x-custom-jwt-property-name'), true);
  });
  it('"example" is a word, not letters inside a random body', () => {
    assert.equal(looksLikeDummyToken('AKIA' + 'IOSFODNN7' + 'EXAMPLE'), true);
    assert.equal(looksLikeDummyToken('tok-example-' + RANDOM_4), true);
    assert.equal(looksLikeDummyToken('Qv7kexampleRt2Wm9Lx3Zb8'), false, 'lower-case letters around it');
    assert.equal(looksLikeDummyToken(RANDOM_2), false);
  });
  it('alphabet runs, repetition and few distinct characters are dummies; random values are not', () => {
    assert.equal(looksLikeDummyToken('tok_' + 'Abc123DefGhiJklMno456'), true, 'DefGhi: six letters in order');
    assert.equal(looksLikeDummyToken('tok_' + '9x9x9x9x9x9x9x9x'), true, 'a unit typed over and over');
    assert.equal(looksLikeDummyToken('acme-12345678-k9'), false, 'eight digits in order: not by default');
    assert.equal(looksLikeDummyToken('acme-12345678-k9', 8), true, 'eight digits in order: tier 2');
    assert.equal(looksLikeDummyToken('m2o8fqf8'), false, 'a short random value may repeat a character');
    assert.equal(looksLikeDummyToken('218873249723411'), false, 'digits: ten possible characters');
  });
  it('documented examples: listed values and SHA-256 fingerprints of values this file cannot hold', () => {
    assert.equal(isDocumentedExample('AKIA' + 'IOSFODNN7' + 'EXAMPLE'), true);
    assert.equal(isDocumentedExample(RANDOM_1), false);
    assert.equal(isDocumentedExample('sk_test_' + '4eC39HqLyjWDarjtT1zdp7dc'), true, "Stripe's docs key, by fingerprint");
    assert.equal(isDocumentedExample('C2y6yDjf5/R+ob0N8A7Cgv30VRDJIWEHLM+4QDU5DE2n' + 'Q9nDuVTqobD4b8mGGyPMbIZnqyMsEcaGQy67XIw/Jw=='), true, 'the Cosmos DB emulator key');
    assert.equal(isDocumentedExample('sk_test_' + '4eC39HqLyjWDarjtT1zdp7dC'), false, 'one character off');
    assert.equal(DOCUMENTED_EXAMPLE_FINGERPRINTS.size, 22);
    for (const entry of DOCUMENTED_EXAMPLE_FINGERPRINTS) assert.match(entry, /^.{4}\/[0-9]+\/[0-9a-f]{16}$/);
  });
});
