// Runs every tier-1 provider's own samples (rules/data/secret-provider-samples/, test-only so the bundle ships no
// token-shaped strings): each true sample is found by exactly that provider (directly and as a literal in a source
// file, through the whole rule, at the provider's level: error, warning for test mode, info for public keys), each
// false sample by none. Every provider must have samples, and every sample set a provider; each family's samples
// file holds exactly the ids of its providers file, and no positive sample is written out whole in its source.
// (The development benchmark on gitleaks' and trufflehog' own samples is test/bench/secret-formats.bench.mjs.)
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { SECRET_PROVIDER_SAMPLES, type SecretProviderSamples, type SecretSample } from '../../rules/data/secret-provider-samples';
import { AZURE_SAMPLES } from '../../rules/data/secret-provider-samples/azure';
import { CLOUD_SAMPLES } from '../../rules/data/secret-provider-samples/cloud';
import { CONNECTIONS_SAMPLES } from '../../rules/data/secret-provider-samples/connections';
import { DEVELOPER_SAMPLES } from '../../rules/data/secret-provider-samples/developer';
import { SAAS_SAMPLES } from '../../rules/data/secret-provider-samples/saas';
import { SECRET_PROVIDERS, type ProviderContext, type SecretProvider } from '../../rules/data/secret-providers';
import { AZURE_PROVIDERS } from '../../rules/data/secret-providers/azure';
import { CLOUD_PROVIDERS } from '../../rules/data/secret-providers/cloud';
import { CONNECTIONS_PROVIDERS } from '../../rules/data/secret-providers/connections';
import { DEVELOPER_PROVIDERS } from '../../rules/data/secret-providers/developer';
import { SAAS_PROVIDERS } from '../../rules/data/secret-providers/saas';
import { findProviderToken, hardcodedSecret } from '../../rules/hardcoded-secret';
import { runCase } from '../support/rule-tester';

function sampleParts(sample: SecretSample): { value: string; context: ProviderContext; code: string } {
  const { value, sinkName, textBefore, textAfter } = typeof sample === 'string' ? { value: sample } : sample;
  const context: ProviderContext = { sinkName, textBefore: () => (textBefore ?? '').toLowerCase(), textAfter: () => (textAfter ?? '').toLowerCase() };
  const comment = (text: string | undefined) => (text ? ` /* ${text.replace(/\*\//g, '')} */ ` : '');
  const code = `${comment(textBefore)}export const ${sinkName ?? 'value'} = ${JSON.stringify(value)};${comment(textAfter)}\n`;
  return { value, context, code };
}

describe('secret providers (data)', () => {
  it('has at least 30 providers, unique ids, stateless patterns and samples of both kinds', () => {
    const providers = new Set(SECRET_PROVIDERS.map((p) => p.provider));
    assert.ok(providers.size >= 30, `only ${providers.size} providers`);
    assert.equal(new Set(SECRET_PROVIDERS.map((p) => p.id)).size, SECRET_PROVIDERS.length, 'duplicate ids');
    for (const provider of SECRET_PROVIDERS) {
      assert.ok(!provider.pattern.global && !provider.pattern.sticky, `${provider.id}: g/y flags make exec stateful`);
      assert.match(provider.envName, /^[A-Z][A-Z0-9_]*$/, provider.id);
      const samples = SECRET_PROVIDER_SAMPLES[provider.id];
      assert.ok(samples && samples.positive.length > 0 && samples.negative.length > 0, `${provider.id}: samples`);
    }
  });

  it('has samples only for known provider ids', () => {
    const ids = new Set(SECRET_PROVIDERS.map((p) => p.id));
    assert.deepEqual(Object.keys(SECRET_PROVIDER_SAMPLES).filter((id) => !ids.has(id)), []);
  });

  for (const provider of SECRET_PROVIDERS) {
    const samples = SECRET_PROVIDER_SAMPLES[provider.id] ?? { positive: [], negative: [] };
    describe(provider.id, () => {
      samples.positive.forEach((sample, index) => {
        const { value, context, code } = sampleParts(sample);
        it(`finds true sample ${index + 1}`, () => {
          const match = findProviderToken(value, context, true);
          assert.equal(match?.provider.id, provider.id);
          assert.ok(value.includes(match!.token));
          assert.ok(match!.token.length >= provider.minLength, 'minLength must not exceed real tokens');
        });
        it(`reports true sample ${index + 1} through the rule, with the provider's name and no secret in the message`, () => {
          const { analysis } = runCase(hardcodedSecret, { code });
          const findings = analysis.findings.filter((f) => f.ruleId === 'hardcoded-secret');
          const expected = provider.publicReason ? ['publicClientKey', 'info'] : ['providerToken', provider.severity ?? 'error'];
          assert.deepEqual(findings.map((f) => [f.messageId, f.severity, f.data.providerId]), [[...expected, provider.id]]);
          assert.ok(findings[0]!.message.startsWith(provider.name), findings[0]!.message);
          const token = findProviderToken(value, context, true)!.token;
          assert.ok(!findings[0]!.message.includes(token.slice(8)) && !JSON.stringify(findings[0]!.data).includes(token.slice(8)), 'secret leaked');
        });
      });
      samples.negative.forEach((sample, index) => {
        const { value, context } = sampleParts(sample);
        it(`ignores false sample ${index + 1}`, () => {
          const match = findProviderToken(value, context, true);
          assert.equal(match, undefined, `matched by ${match?.provider.id}`);
        });
      });
    });
  }
});

describe('secret providers: tiers', () => {
  it('only public-by-design and test-mode formats sit below error, and each says why in its name or reason', () => {
    const lower = SECRET_PROVIDERS.filter((p) => p.severity || p.publicReason).map((p) => [p.id, p.severity ?? 'info']);
    const byId = (a: string[], b: string[]) => a[0]!.localeCompare(b[0]!);
    assert.deepEqual(lower.sort(byId), [
      ['stripe-test-secret-key', 'warning'],
      ['stripe-test-restricted-key', 'warning'],
      ['clerk-publishable-key', 'info'],
      ['stripe-publishable-key', 'info'],
      ['firebase-web-api-key', 'info'],
      ['supabase-anon-key', 'info'],
      ['algolia-search-key', 'info'],
      ['sentry-dsn', 'info'],
      ['posthog-project-key', 'info'],
      ['mapbox-public-token', 'info'],
      ['mailgun-public-key', 'info'],
    ].sort(byId));
    for (const provider of SECRET_PROVIDERS.filter((p) => p.severity === 'warning')) assert.match(provider.name, /test-mode/, provider.id);
  });

  it('without allTiers (what the spec rule asks), public and test-mode formats are not secrets', () => {
    for (const provider of SECRET_PROVIDERS.filter((p) => p.severity || p.publicReason)) {
      for (const sample of SECRET_PROVIDER_SAMPLES[provider.id]!.positive) {
        const { value, context } = sampleParts(sample);
        assert.equal(findProviderToken(value, context)?.provider.id, undefined, provider.id);
      }
    }
  });
});

// One entry per family file: rules/data/secret-providers/<file>.ts and rules/data/secret-provider-samples/<file>.ts.
const FAMILIES: readonly { file: string; providers: readonly SecretProvider[]; samples: Readonly<Record<string, SecretProviderSamples>> }[] = [
  { file: 'cloud', providers: CLOUD_PROVIDERS, samples: CLOUD_SAMPLES },
  { file: 'azure', providers: AZURE_PROVIDERS, samples: AZURE_SAMPLES },
  { file: 'saas', providers: SAAS_PROVIDERS, samples: SAAS_SAMPLES },
  { file: 'developer', providers: DEVELOPER_PROVIDERS, samples: DEVELOPER_SAMPLES },
  { file: 'connections', providers: CONNECTIONS_PROVIDERS, samples: CONNECTIONS_SAMPLES },
];
const valueOf = (sample: SecretSample) => (typeof sample === 'string' ? sample : sample.value);

// Entries from before the rule "at least two true and two false samples" (issue 13); new entries may not join.
const FEWER_THAN_TWO_SAMPLES_BEFORE_ISSUE_13 = new Set([
  'firebase-web-api-key', 'google-oauth-client-secret', 'heroku-api-key', 'azure-storage-connection-string', 'stripe-restricted-key',
  'stripe-test-restricted-key', 'clerk-publishable-key', 'stripe-webhook-secret', 'slack-bot-token', 'slack-user-token', 'slack-app-token',
  'slack-webhook', 'twilio-api-key', 'sendgrid-api-key', 'mailgun-api-key', 'mailchimp-api-key', 'discord-bot-token', 'discord-webhook',
  'telegram-bot-token', 'newrelic-user-key', 'newrelic-license-key', 'posthog-project-key', 'mapbox-public-token', 'linear-api-key',
  'sentry-auth-token', 'github-fine-grained-pat', 'gitlab-pat', 'anthropic-api-key', 'groq-api-key', 'pypi-token', 'postman-api-key',
  'vault-token', 'terraform-cloud-token', 'huggingface-token', 'databricks-token', 'grafana-token', 'age-secret-key',
  'supabase-access-token', 'supabase-anon-key', 'mongodb-url', 'amqp-url',
]);
// Positive samples written out whole before the rule "assembled by concatenation" was checked (left to saas.ts's owner).
const WRITTEN_WHOLE_BEFORE_ISSUE_13 = new Set(['algolia-search-key', 'datadog-api-key']);

describe('secret providers: family files', () => {
  it('joins the five families in the documented order (cloud, azure, saas, developer, connections): first match wins', () => {
    assert.deepEqual(SECRET_PROVIDERS.map((p) => p.id), FAMILIES.flatMap((family) => family.providers.map((p) => p.id)));
  });

  for (const family of FAMILIES) {
    it(`${family.file}: the samples file holds samples for exactly the providers of ${family.file}.ts`, () => {
      const providerIds = family.providers.map((p) => p.id).sort();
      assert.deepEqual(Object.keys(family.samples).sort(), providerIds);
    });
  }

  it('no provider id has samples in two family files (the spread in index.ts would hide one of them)', () => {
    const seen = new Map<string, string>();
    const twice: string[] = [];
    for (const family of FAMILIES) {
      for (const id of Object.keys(family.samples)) {
        if (seen.has(id)) twice.push(`${id} (${seen.get(id)}, ${family.file})`);
        seen.set(id, family.file);
      }
    }
    assert.deepEqual(twice, []);
    assert.equal(Object.keys(SECRET_PROVIDER_SAMPLES).length, seen.size);
  });

  it('each provider has at least two true and two false samples (entries older than issue 13 excepted)', () => {
    const short = SECRET_PROVIDERS.filter((p) => !FEWER_THAN_TWO_SAMPLES_BEFORE_ISSUE_13.has(p.id))
      .filter((p) => SECRET_PROVIDER_SAMPLES[p.id]!.positive.length < 2 || SECRET_PROVIDER_SAMPLES[p.id]!.negative.length < 2)
      .map((p) => `${p.id}: ${SECRET_PROVIDER_SAMPLES[p.id]!.positive.length} true, ${SECRET_PROVIDER_SAMPLES[p.id]!.negative.length} false`);
    assert.deepEqual(short, []);
  });

  it('no true sample appears whole in its source file: each is assembled by concatenation', () => {
    const whole: string[] = [];
    for (const family of FAMILIES) {
      const source = fs.readFileSync(path.resolve(__dirname, '../../rules/data/secret-provider-samples', `${family.file}.ts`), 'utf8');
      for (const [id, samples] of Object.entries(family.samples)) {
        if (WRITTEN_WHOLE_BEFORE_ISSUE_13.has(id)) continue;
        for (const sample of samples.positive) {
          const value = valueOf(sample);
          // As the file spells it: inside a quoted literal, with escapes.
          if (source.includes(value) || source.includes(JSON.stringify(value).slice(1, -1))) whole.push(`${family.file}/${id}: ${value.slice(0, 4)}… (${value.length} chars)`);
        }
      }
    }
    assert.deepEqual(whole, []);
  });
});
