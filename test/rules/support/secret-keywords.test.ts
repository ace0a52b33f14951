// The combined keyword pre-check of tier 1 (ANY_PROVIDER_KEYWORD, a trie of every provider's keywords): it must say
// "a keyword is here" exactly when some provider keyword is a substring, or formats would be skipped (a miss) or
// tried for nothing (time).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SECRET_PROVIDER_SAMPLES, type SecretSample } from '../../../rules/data/secret-provider-samples';
import { SECRET_PROVIDERS } from '../../../rules/data/secret-providers';
import { ANY_PROVIDER_KEYWORD } from '../../../rules/support/secret-text';

const KEYWORDS = [...new Set(SECRET_PROVIDERS.flatMap((provider) => provider.keywords))];
const holdsKeyword = (value: string) => KEYWORDS.some((keyword) => value.includes(keyword));
const valueOf = (sample: SecretSample) => (typeof sample === 'string' ? sample : sample.value);

describe('ANY_PROVIDER_KEYWORD', () => {
  it('agrees with a plain substring search on every provider sample, every keyword and near misses', () => {
    const values = [
      ...Object.values(SECRET_PROVIDER_SAMPLES).flatMap((samples) => [...samples.positive, ...samples.negative].map(valueOf)),
      ...KEYWORDS,
      ...KEYWORDS.map((keyword) => `x${keyword.slice(0, -1)}`),
      ...KEYWORDS.map((keyword) => `const a = 'pre ${keyword}fix';`),
      'userService.findAll()', 'SELECT * FROM users WHERE id = $1', 'application/json', '',
    ];
    const disagreements = values.filter((value) => ANY_PROVIDER_KEYWORD.test(value) !== holdsKeyword(value));
    assert.deepEqual(disagreements.map((value) => value.slice(0, 12)), []);
  });

  it('finds keywords that share a prefix with a shorter one, and regex characters literally', () => {
    for (const keyword of KEYWORDS) assert.ok(ANY_PROVIDER_KEYWORD.test(`  ${keyword}  `), keyword);
    assert.ok(!ANY_PROVIDER_KEYWORD.global && !ANY_PROVIDER_KEYWORD.sticky);
  });
});
