// Runs every tier-1 provider's own samples (rules/data/secret-provider-samples/, test-only so the bundle ships no
// token-shaped strings): each true sample is found by exactly that provider (directly and as a literal in a source
// file, through the whole rule, at the provider's level: error, warning for test mode, info for public keys), each
// false sample by none. Every provider must have samples, and every sample set a provider.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SECRET_PROVIDER_SAMPLES, type SecretSample } from '../../rules/data/secret-provider-samples';
import { SECRET_PROVIDERS, type ProviderContext } from '../../rules/data/secret-providers';
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
