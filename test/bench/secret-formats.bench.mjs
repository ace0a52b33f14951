// hardcoded-secret against the dedicated scanners' own test samples (issue 13): how many of gitleaks' and
// trufflehog's true-positive keys are recognised by format alone (tier 1: providerToken / publicClientKey), how
// many only as tier 2 (a credential name, a shape), how many are missed, and how many of their false-positive
// samples are reported. Each value is embedded twice in JS: under a neutral name (`const value = "…"`, where only
// the format can tell) and under a credential name (`const apiKey = "…"`).
// The samples are never committed: point the bench at a folder holding samples.jsonl, one JSON object a line,
// {"source", "provider", "kind": "tp"|"fp", "value", "origin", "dummy"?}. Without one it says so and passes.
// The rule runs from an esbuild bundle made like dist/ (see unparameterized-query.bench.mjs for why).
// Usage: node test/bench/secret-formats.bench.mjs [folder] [--json] [--all]   (folder also from APIGUARD_BENCH_SECRETS)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleSources } from './bundle-sources.mjs';

const args = process.argv.slice(2);
const asJson = args.includes('--json');
const everyProvider = args.includes('--all');
const folderArgument = args.find((arg) => !arg.startsWith('--')) ?? process.env.APIGUARD_BENCH_SECRETS;
const samplesFile = folderArgument ? path.resolve(folderArgument, 'samples.jsonl') : undefined;
if (!samplesFile || !fs.existsSync(samplesFile)) {
  console.log(`secret-formats: skipped, ${samplesFile ? `no ${samplesFile}` : 'no samples folder given'}`);
  console.log('  (samples are extracted outside the repository from the gitleaks and trufflehog tests; pass the folder that holds');
  console.log('  samples.jsonl as the first argument or in APIGUARD_BENCH_SECRETS)');
  process.exit(0);
}

const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-bench-secrets-'));
const { Engine, parseConfig, hardcodedSecret } = await bundleSources(
  [
    "export { Engine } from './server/engine/analyzer';",
    "export { parseConfig } from './server/engine/config';",
    "export { hardcodedSecret } from './rules/hardcoded-secret';",
  ],
  path.join(bundleDir, 'bench.cjs'),
);
fs.rmSync(bundleDir, { recursive: true, force: true });

const samples = fs
  .readFileSync(samplesFile, 'utf8')
  .split('\n')
  .filter((line) => line.trim())
  .map((line) => JSON.parse(line));

// Web-backend providers first (issue 13's goal is measured on these): provider ids of both scanners, by pattern.
const WEB_BACKEND_GROUPS = [
  ['Stripe', /stripe/], ['Slack', /slack/], ['GitHub', /^github/], ['AWS', /^aws/], ['Azure', /azure/],
  ['GCP/Google', /^gcp|google|^ya29|gemini/], ['SendGrid', /sendgrid/], ['Mailgun', /mailgun/], ['Twilio', /twilio/],
  ['Shopify', /shopify/], ['npm', /^npm/], ['OpenAI/Anthropic/Groq', /openai|anthropic|groq/], ['Vercel', /vercel/],
  ['Notion', /notion/], ['Databricks', /databricks/], ['Docker', /docker/], ['Figma', /figma/], ['Grafana', /grafana/],
  ['Cloudflare', /cloudflare/], ['Linear', /^linear/], ['Hugging Face', /hugging/], ['1Password', /1password|onepassword/],
  ['PlanetScale', /planetscale/], ['JDBC', /jdbc/],
];
const groupOf = (provider) => WEB_BACKEND_GROUPS.find(([, pattern]) => pattern.test(provider.toLowerCase()))?.[0];

const TIER1 = new Set(['providerToken', 'publicClientKey']);
const VARIANTS = { neutral: 'value', named: 'apiKey' };
const SAMPLES_PER_FILE = 100;
const engine = new Engine({ rules: [hardcodedSecret] });
const config = parseConfig('/bench/apiguard.json', '{}', [hardcodedSecret]);

// One sample a line, each in its own block so the same name can be declared again; findings map back by line.
let filesAnalysed = 0;
let analyseMs = 0;
let skippedFiles = 0;
function analyseChunk(variant, chunk, fileIndex) {
  const text = chunk.map((sample) => `{ const ${VARIANTS[variant]} = ${JSON.stringify(sample.value)}; }`).join('\n') + '\n';
  const filePath = `/bench/src/${variant}-${fileIndex}.js`;
  const started = performance.now();
  const analysis = engine.analyze(filePath, text, { config });
  analyseMs += performance.now() - started;
  filesAnalysed++;
  if (analysis.skipped) return undefined;
  const byLine = chunk.map(() => []);
  for (const finding of analysis.findings) if (finding.ruleId === 'hardcoded-secret') byLine[finding.range.start.line]?.push(finding);
  return byLine;
}
function outcomeOf(findings) {
  const tier1 = findings.find((finding) => TIER1.has(finding.messageId));
  if (tier1) return { outcome: 'format', provider: String(tier1.data.provider ?? ''), messageId: tier1.messageId };
  if (findings.length > 0) return { outcome: 'tier2', messageId: findings[0].messageId };
  return { outcome: 'missed' };
}
for (const variant of Object.keys(VARIANTS)) {
  for (let start = 0; start < samples.length; start += SAMPLES_PER_FILE) {
    const chunk = samples.slice(start, start + SAMPLES_PER_FILE);
    let byLine = analyseChunk(variant, chunk, start / SAMPLES_PER_FILE);
    if (!byLine) {
      // A skipped file (too long a line reads as minified): fall back to one file a sample.
      skippedFiles++;
      byLine = chunk.map((sample, index) => analyseChunk(variant, [sample], `${start}-${index}`)?.[0] ?? []);
    }
    chunk.forEach((sample, index) => (sample[variant] = outcomeOf(byLine[index])));
  }
}

/** Shows a value's first 4 characters and its length only: these are real-looking keys. */
const redact = (value) => `${value.slice(0, 4)}… (${value.length} chars)`;
const percent = (part, whole) => (whole === 0 ? '  -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);

function tally(list) {
  const tps = list.filter((sample) => sample.kind === 'tp' && !sample.dummy);
  const dummies = list.filter((sample) => sample.kind === 'tp' && sample.dummy);
  const fps = list.filter((sample) => sample.kind === 'fp');
  const count = (items, variant, outcome) => items.filter((sample) => sample[variant].outcome === outcome).length;
  const reported = (items, variant) => items.filter((sample) => sample[variant].outcome !== 'missed').length;
  return {
    tp: tps.length,
    formatNeutral: count(tps, 'neutral', 'format'),
    formatNamed: count(tps, 'named', 'format'),
    tier2OnlyNeutral: count(tps, 'neutral', 'tier2'),
    tier2OnlyNamed: count(tps, 'named', 'tier2'),
    missedNeutral: count(tps, 'neutral', 'missed'),
    missedNamed: count(tps, 'named', 'missed'),
    dummyTp: dummies.length,
    dummyFormatNeutral: count(dummies, 'neutral', 'format'),
    fp: fps.length,
    fpReportedNeutral: reported(fps, 'neutral'),
    fpReportedNamed: reported(fps, 'named'),
    fpFormatNeutral: count(fps, 'neutral', 'format'),
    providersNamed: [...new Set(tps.filter((sample) => sample.neutral.outcome === 'format').map((sample) => sample.neutral.provider))].sort(),
    topMisses: tps.filter((sample) => sample.neutral.outcome !== 'format').slice(0, 3).map((sample) => ({ example: redact(sample.value), origin: sample.origin, neutral: sample.neutral.outcome, named: sample.named.outcome })),
    falsePositives: fps.filter((sample) => sample.neutral.outcome !== 'missed').slice(0, 3).map((sample) => ({ example: redact(sample.value), origin: sample.origin, messageId: sample.neutral.messageId })),
  };
}
const groupBy = (list, keyOf) => {
  const groups = new Map();
  for (const sample of list) {
    const key = keyOf(sample);
    if (key !== undefined) groups.set(key, [...(groups.get(key) ?? []), sample]);
  }
  return groups;
};

const sources = [...groupBy(samples, (sample) => sample.source)].map(([source, list]) => ({ source, ...tally(list) }));
const webBackend = WEB_BACKEND_GROUPS.map(([group]) => group).flatMap((group) =>
  [...groupBy(samples.filter((sample) => groupOf(sample.provider) === group), (sample) => sample.source)].map(([source, list]) => ({ group, source, ...tally(list) })),
);
const webAll = tally(samples.filter((sample) => groupOf(sample.provider)));
const providers = [...groupBy(samples, (sample) => `${sample.source}/${sample.provider}`)].map(([key, list]) => ({ provider: key, group: groupOf(list[0].provider), ...tally(list) }));
const timing = { files: filesAnalysed, skippedFiles, samplesPerFile: SAMPLES_PER_FILE, ms: Number(analyseMs.toFixed(1)), filesPerSecond: Number(((1000 * filesAnalysed) / analyseMs).toFixed(1)), samplesPerSecond: Number(((1000 * samples.length * 2) / analyseMs).toFixed(0)) };

if (asJson) {
  console.log(JSON.stringify({ samples: samples.length, sources, webBackendAll: webAll, webBackend, providers, timing }, null, 2));
} else {
  const line = (label, t) =>
    `${label.padEnd(34)} tp ${String(t.tp).padStart(4)}  format: neutral ${percent(t.formatNeutral, t.tp)} named ${percent(t.formatNamed, t.tp)}` +
    `  tier2 only (named) ${percent(t.tier2OnlyNamed, t.tp)}  missed: neutral ${percent(t.missedNeutral, t.tp)} named ${percent(t.missedNamed, t.tp)}` +
    `  | fp ${String(t.fp).padStart(3)} reported: neutral ${percent(t.fpReportedNeutral, t.fp)} named ${percent(t.fpReportedNamed, t.fp)}` +
    (t.dummyTp ? `  | dummy tp ${t.dummyTp}, by format ${t.dummyFormatNeutral}` : '');
  console.log(`secret-formats: ${samples.length} samples from ${samplesFile} (dummies excluded from the ratios, shown apart)`);
  for (const t of sources) console.log(line(t.source, t));
  console.log(line('web-backend providers (both)', webAll));
  console.log('\nweb-backend providers:');
  for (const t of webBackend) console.log(line(`${t.group} (${t.source})`, t));
  if (everyProvider) {
    console.log('\nevery provider:');
    for (const t of providers) console.log(line(t.provider, t));
  }
  console.log(`\nscan: ${timing.files} files of ${SAMPLES_PER_FILE} samples (${skippedFiles} fell back to a file a sample) in ${timing.ms} ms: ${timing.filesPerSecond} files/s, ${timing.samplesPerSecond} samples/s`);
}
