// Tier-1 formats run on every string literal as the user types, so each pattern must stay linear on any input: a
// pattern with two loops that can take the same character (`\s*[^;]*`) or an unbounded chain before a scan to the end
// turns one long literal into seconds or minutes (two such patterns were found this way: 80k spaces after
// `password=` took 6 s, `jdbc:a:jdbc:a:…` of 16k characters 100 s). Each format meets long runs of the characters
// its neighbours use, at 2,000 and then 16,000 characters: eight times the input takes about eight times as long when
// linear, 64 times when quadratic. A case fails when the long run is slow (over 60 ms) and grew more than 20 times, or
// when the short run alone takes over 50 ms (a cubic pattern: the long run would not end). Not a speed target: linear
// patterns take a few milliseconds here.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { SECRET_PROVIDERS } from '../../rules/data/secret-providers';

const SHORT = 2_000;
const LONG = 16_000;

function execMs(pattern: RegExp, value: string): number {
  const started = performance.now();
  pattern.exec(value);
  return performance.now() - started;
}
const FILLERS = ['a', ' ', '=', ';', ':', '@', 'a=b', 'a=b;', 'a:', 'a:b@', '-', '.', '/', '%', '{', 'x;password='];

describe('secret provider patterns on long adversarial literals', () => {
  for (const provider of SECRET_PROVIDERS) {
    it(`${provider.id} stays linear`, () => {
      const slow: string[] = [];
      for (const keyword of provider.keywords.length > 0 ? provider.keywords : ['']) {
        for (const filler of FILLERS) {
          const shapes = {
            'keyword then filler': (length: number) => keyword + filler.repeat(length / filler.length),
            'keyword and filler repeated': (length: number) => (keyword + filler).repeat(Math.ceil(length / (keyword.length + filler.length))),
            'filler then keyword': (length: number) => filler.repeat(length / filler.length) + keyword,
          };
          for (const [shape, make] of Object.entries(shapes)) {
            const label = `${shape} (${JSON.stringify(keyword)}, ${JSON.stringify(filler)})`;
            const short = execMs(provider.pattern, make(SHORT));
            if (short > 50) {
              slow.push(`${label}: ${Math.round(short)} ms at ${SHORT} characters`);
              continue;
            }
            const long = execMs(provider.pattern, make(LONG));
            if (long > 60 && long / Math.max(short, 1) > 20) slow.push(`${label}: ${Math.round(short)} ms, then ${Math.round(long)} ms at ${LONG} characters`);
          }
        }
      }
      assert.deepEqual(slow, []);
    });
  }
});
