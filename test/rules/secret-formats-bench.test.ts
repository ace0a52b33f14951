// The development benchmark of issue 13 (test/bench/secret-formats.bench.mjs) on a tiny samples folder of our own
// values: what it counts as a true sample (not dummies, not `notSecret` ones) and as a false one (not
// `notNegative` ones), what it reports about the excluded ones, what --misses lists, and that it never prints a sample whole. The real samples live outside the repository.
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, describe, it } from 'node:test';
import { SECRET_PROVIDER_SAMPLES } from '../../rules/data/secret-provider-samples';

const BENCH = path.resolve(__dirname, '../bench/secret-formats.bench.mjs');
const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-secret-bench-test-'));
after(() => fs.rmSync(folder, { recursive: true, force: true }));

const github = SECRET_PROVIDER_SAMPLES['github-ghp']!;
const githubToken = github.positive[0] as string;
const githubNearMiss = github.negative[0] as string;
const unknownKey = 'Zq8vK2mN4pL7' + 'xR1tWc5yB0dF';
const awsSecret = SECRET_PROVIDER_SAMPLES['aws-secret-access-key']!.positive.map((sample) => (typeof sample === 'string' ? sample : sample.value))[0]!;
const siblingKey = 'ghp_' + 'S516Xxee7VGJKc8IebGe' + 'y40RXduCa9UKgD4g';
const samples = [
  { source: 'scanner', provider: 'github-pat', kind: 'tp', value: githubToken, origin: 'a.go:1' },
  { source: 'scanner', provider: 'github-pat', kind: 'tp', value: unknownKey, origin: 'a.go:2', generated: true },
  { source: 'scanner', provider: 'github-pat', kind: 'tp', value: 'ghp_' + 'x'.repeat(36), origin: 'a.go:3', dummy: true },
  { source: 'scanner', provider: 'github-pat', kind: 'tp', value: 'api.github.com', origin: 'a.go:4', notSecret: 'host name' },
  { source: 'scanner', provider: 'github-pat', kind: 'fp', value: githubNearMiss, origin: 'a.go:5' },
  { source: 'scanner', provider: 'github-pat', kind: 'fp', value: siblingKey, origin: 'a.go:6', notNegative: 'a real key all the same' },
  // A real key of rule github-pat listed among rule github-oauth's negatives (as gitleaks does with sibling formats).
  { source: 'scanner', provider: 'github-oauth', kind: 'fp', value: githubToken, origin: 'a.go:7' },
  { source: 'scanner', provider: 'acme', kind: 'tp', value: 'acme_' + 'Hk34VYhy9EsAYi8I', origin: 'b.go:1' },
  // A format-less value (40 base64 chars): known only with a hint, which the context variant puts nearby.
  { source: 'scanner', provider: 'acme', kind: 'tp', value: awsSecret, origin: 'b.go:2', needsContext: true, contextKeyword: 'aws' },
];
fs.writeFileSync(path.join(folder, 'samples.jsonl'), samples.map((sample) => JSON.stringify(sample)).join('\n') + '\n');

function bench(...args: string[]) {
  const result = spawnSync(process.execPath, [BENCH, folder, '--runs', '2', ...args], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  return result.stdout;
}

describe('secret-formats bench', () => {
  const json = JSON.parse(bench('--json', '--misses', 'github'));

  it('counts true samples without dummies and notSecret ones, and reports the excluded ones with their reason', () => {
    const [source] = json.sources;
    assert.deepEqual(
      [source.source, source.tp, source.formatNeutral, source.formatNamed, source.generatedTp, source.generatedFormatNeutral, source.dummyTp, source.notSecret, source.notSecretReasons, source.fp, source.fpFormatNeutral, source.notNegative],
      ['scanner', 4, 1, 1, 1, 0, 1, 1, { 'host name': 1 }, 2, 0, 1],
    );
    assert.deepEqual(json.webBackend.map((t: { group: string; tp: number; notSecret: number }) => [t.group, t.tp, t.notSecret]), [['GitHub', 2, 1]]);
  });

  it('reads the goal on distinctive formats as bare values and on needsContext values in the context variant', () => {
    const [source] = json.sources;
    assert.deepEqual(
      [source.distinctiveTp, source.distinctiveFormat, source.needsContextTp, source.needsContextFormatNeutral, source.contextFormat, source.goalFormat, source.fpGoalFormat],
      [3, 1, 1, 0, 1, 2, 0],
    );
  });

  it('counts a negative reported as the format of another rule apart, keeping the raw figure', () => {
    const [source] = json.sources;
    assert.deepEqual([source.fpFormatNeutralRaw, source.fpFormatNeutral, source.fpGoalFormatRaw, source.fpGoalFormat, source.fpAnotherFormat], [1, 0, 1, 0, 1]);
  });

  it('sorts the per-provider table by web-backend group, then by name', () => {
    assert.deepEqual(json.providers.map((t: { provider: string }) => t.provider), ['scanner/github-oauth', 'scanner/github-pat', 'scanner/acme']);
  });

  it('lists the missed true samples and the notNegative and another-format false ones of the --misses providers, redacted, and no other', () => {
    assert.deepEqual(json.misses, [
      { what: 'missed', provider: 'scanner/github-pat', example: 'Zq8v… (24 chars)', origin: 'a.go:2', generated: true, asValue: 'missed', asApiKey: 'tier2' },
      { what: 'notNegative', provider: 'scanner/github-pat', example: 'ghp_… (40 chars)', origin: 'a.go:6', found: 'github-ghp', notNegative: 'a real key all the same' },
      { what: 'another format', provider: 'scanner/github-oauth', example: 'ghp_… (40 chars)', origin: 'a.go:7', found: 'github-ghp', rulesOfFound: 'scanner/github-pat' },
    ]);
  });

  it('times the scan --runs times: median, spread and the rule/parse ratio', () => {
    assert.equal(json.timing.runs, 2);
    assert.equal(json.timing.filesPerRun, 2);
    assert.ok(json.timing.minMs <= json.timing.medianMs && json.timing.medianMs <= json.timing.maxMs);
    assert.ok(json.timing.ruleToParseMin <= json.timing.ruleToParse && json.timing.ruleToParse <= json.timing.ruleToParseMax);
  });

  it('prints no sample whole, in the text report either', () => {
    const text = bench('--all', '--misses', 'github');
    assert.match(text, /excluded per provider:\n {2}scanner\/github-pat: 1 \(1 host name\)/);
    assert.match(text, /missed +scanner\/github-pat {2}Zq8v… \(24 chars\) \[generated\] {2}a\.go:2 {2}as value: missed, as apiKey: tier2/);
    for (const secret of [githubToken, unknownKey, githubNearMiss, siblingKey, awsSecret]) {
      assert.ok(!text.includes(secret) && !JSON.stringify(json).includes(secret), `${secret.slice(0, 4)}… printed whole`);
    }
  });

  it('passes without a samples folder, saying why', () => {
    const result = spawnSync(process.execPath, [BENCH, path.join(folder, 'missing')], { encoding: 'utf8' });
    assert.equal(result.status, 0);
    assert.match(result.stdout, /^secret-formats: skipped, no .*missing\/samples\.jsonl/);
  });
});
