// hardcoded-secret against the dedicated scanners' own test samples (issue 13): how many of gitleaks' and
// trufflehog's true-positive keys are recognised by format alone (tier 1: providerToken / publicClientKey), how
// many only as tier 2 (a credential name, a shape), how many are missed, and how many of their false-positive
// samples are reported. The goal figure (issue 13: ≥ 90 %) counts distinctive formats as bare values and
// `needsContext` values (no scanner keyword inside them: the scanners themselves need one nearby) in a context
// variant that puts the scanner's keyword nearby (see contextCodeFor). False samples we report as the format of
// another rule (gitleaks lists sibling keys among a rule's negatives) are counted apart (see markAnotherFormat),
// the raw figure beside. Each value is embedded twice in JS (a needsContext one a third time, in the context): under a neutral name (`const value = "…"`, where only
// the format can tell) and under a credential name (`const apiKey = "…"`), each alone in a file (formats that use
// a hint read the text around the literal: a neighbouring sample must not give one).
// The samples are never committed: point the bench at a folder holding samples.jsonl, one JSON object a line,
// {"source", "provider", "kind": "tp"|"fp", "value", "origin", "dummy"?, "notSecret"?, "notNegative"?, "generated"?,
// "needsContext"?, "contextKeyword"?}. Without one it says so and
// passes. Left out of the ratios, and counted apart: `dummy` true samples (EXAMPLE, xxxx, 0123…) and `notSecret`
// ones (a field name, a host, a URL without a password, an id beside the secret: not a credential on its own; the
// value says why, and the bench prints how many per provider and why, so the extraction can be audited); and
// `notNegative` false samples (the source scanner's own comment says it is a real key its rule misses or a key of a
// sibling format): counted apart, and listed by --misses. `generated` true samples (drawn from a rule's regex by
// the extraction, not written in the scanner's tests) count, but are also shown apart: their random part follows
// the generator, so a miss on them alone may be its artefact (e.g. lowercase-only bodies).
// The rule runs from an esbuild bundle made like dist/ (see unparameterized-query.bench.mjs for why). The scan is
// timed --runs times (default 5) after one warm-up; median and spread (min–max) are printed, of wall time and of
// the process's CPU time, and of the rule's own time as a multiple of parsing the same files (machine speed and
// load move both alike; also best of the runs file by file): "unchanged within noise" means the new rule/parse
// ratio lies within the old run's range. On a machine other processes load, prefer --runs 9 and compare runs made
// one after the other. Its counting is tested on a tiny folder by test/rules/secret-formats-bench.test.ts.
// Usage: node test/bench/secret-formats.bench.mjs [folder] [--json] [--all] [--misses <group-or-provider>] [--runs N]
//   (folder also from APIGUARD_BENCH_SECRETS; --all adds a per-provider table, sorted by web-backend group;
//   --misses lists the missed true and the reported false samples of matching groups/providers, redacted)
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleSources } from './bundle-sources.mjs';

const OPTIONS_WITH_VALUE = new Set(['--misses', '--runs']);
const args = process.argv.slice(2);
const optionValue = (name) => (args.includes(name) ? args[args.indexOf(name) + 1] : undefined);
const asJson = args.includes('--json');
const everyProvider = args.includes('--all');
const missesFilter = optionValue('--misses')?.toLowerCase();
const runs = Math.max(1, Number(optionValue('--runs') ?? 5) || 5);
const folderArgument = args.find((arg, index) => !arg.startsWith('--') && !OPTIONS_WITH_VALUE.has(args[index - 1])) ?? process.env.APIGUARD_BENCH_SECRETS;
const samplesFile = folderArgument ? path.resolve(folderArgument, 'samples.jsonl') : undefined;
if (!samplesFile || !fs.existsSync(samplesFile)) {
  console.log(`secret-formats: skipped, ${samplesFile ? `no ${samplesFile}` : 'no samples folder given'}`);
  console.log('  (samples are extracted outside the repository from the gitleaks and trufflehog tests; pass the folder that holds');
  console.log('  samples.jsonl as the first argument or in APIGUARD_BENCH_SECRETS)');
  process.exit(0);
}

const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-bench-secrets-'));
const { Engine, parseConfig, parseSourceFile, hardcodedSecret } = await bundleSources(
  [
    "export { Engine } from './server/engine/analyzer';",
    "export { parseConfig } from './server/engine/config';",
    "export { parseSourceFile } from './server/engine/source-files';",
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
  ['GCP/Google', /^gcp|google|^ya29/], ['SendGrid', /sendgrid/], ['Mailgun', /mailgun/], ['Twilio', /twilio/],
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

// Outcomes: one sample a file, so no sample gives its neighbour a hint (hint-based formats read the text around a
// literal). Timing: the realistic layout, many literals a file (one a line, each in its own block so the same name
// can be declared again).
const codeFor = (variant, sample) => `const ${VARIANTS[variant]} = ${JSON.stringify(sample.value)};\n`;
// The context variant, for values the scanners themselves only find next to a keyword (`needsContext`): the value
// under a neutral name inside a config object keyed by the scanner's keyword, as code holds per-service settings.
// The keyword is the scanner's first word-like one (else its first, as a quoted key: `"openai.azure.com"`), so
// connection-string and JSON-structure keywords (EndpointSuffix, "auths") are only approximated.
const propertyKey = (keyword) => (/^[A-Za-z_$][\w$]*$/.test(keyword) ? keyword : JSON.stringify(keyword));
const contextCodeFor = (sample) => `const config = { ${propertyKey(sample.contextKeyword)}: { value: ${JSON.stringify(sample.value)} } };\n`;
function classifyOne(variant, code, index) {
  const analysis = engine.analyze(`/bench/src/${variant}-${index}.js`, code, { config });
  return outcomeOf(analysis.findings.filter((finding) => finding.ruleId === 'hardcoded-secret'));
}
/**
 * A negative reported as a format we map to a different rule of the same family: gitleaks lists real keys of rule B among
 * rule A's negatives (a Cloudflare Origin CA key under cloudflare-api-key). Our provider id maps to the scanner's
 * rules whose true samples it recognises; a negative of rule A that we report as an id recognising true samples of
 * other rules of that source but none of A's is "reported as another format": counted apart, listed by --misses.
 */
function markAnotherFormat() {
  const rulesOf = new Map();
  for (const sample of samples) {
    if (sample.kind !== 'tp' || sample.dummy || sample.notSecret) continue;
    const outcome = sample.needsContext && sample.context?.outcome === 'format' ? sample.context : sample.neutral;
    if (outcome.outcome !== 'format') continue;
    if (!rulesOf.has(outcome.provider)) rulesOf.set(outcome.provider, new Set());
    rulesOf.get(outcome.provider).add(`${sample.source}/${sample.provider}`);
  }
  for (const sample of samples) {
    if (sample.kind !== 'fp' || sample.notNegative) continue;
    const outcome = sample.needsContext && sample.context?.outcome === 'format' ? sample.context : sample.neutral;
    if (outcome.outcome !== 'format') continue;
    // Rules of the same scanner and family (web-backend group, else the id's first word: cloudflare-…, slack-…).
    const family = (rule) => groupOf(rule) ?? rule.split(/[-_]/)[0];
    const rules = [...(rulesOf.get(outcome.provider) ?? [])]
      .filter((rule) => rule.startsWith(`${sample.source}/`) && family(rule.slice(sample.source.length + 1)) === family(sample.provider));
    if (rules.length > 0 && !rules.includes(`${sample.source}/${sample.provider}`)) sample.anotherFormat = rules.join(', ');
  }
}
function classify() {
  samples.forEach((sample, index) => {
    for (const variant of Object.keys(VARIANTS)) sample[variant] = classifyOne(variant, codeFor(variant, sample), index);
    if (sample.needsContext) sample.context = classifyOne('context', contextCodeFor(sample), index);
  });
}
function analyseChunk(variant, chunk, fileIndex, run) {
  const text = chunk.map((sample) => `{ const ${VARIANTS[variant]} = ${JSON.stringify(sample.value)}; }`).join('\n') + '\n';
  const filePath = `/bench/src/${variant}-${fileIndex}.js`;
  const started = performance.now();
  const sourceFile = parseSourceFile(filePath, text);
  const parsed = performance.now();
  const analysis = engine.analyze(filePath, text, { sourceFile, config });
  const total = performance.now() - started;
  const ruleMs = analysis.ruleTimings['hardcoded-secret'] ?? 0;
  run.ms += total;
  run.parseMs += parsed - started;
  run.ruleMs += ruleMs;
  run.perFile.push({ parse: parsed - started, rule: ruleMs, total });
  run.files++;
  return !analysis.skipped;
}
function outcomeOf(findings) {
  const tier1 = findings.find((finding) => TIER1.has(finding.messageId));
  if (tier1) return { outcome: 'format', provider: String(tier1.data.providerId ?? tier1.data.provider ?? ''), messageId: tier1.messageId };
  if (findings.length > 0) return { outcome: 'tier2', messageId: findings[0].messageId };
  return { outcome: 'missed' };
}
/** One timed pass over every sample in both variants, 100 a file. */
function scanAll() {
  const run = { files: 0, ms: 0, parseMs: 0, ruleMs: 0, cpuMs: 0, fallbacks: 0, perFile: [] };
  const cpuBefore = process.cpuUsage();
  for (const variant of Object.keys(VARIANTS)) {
    for (let start = 0; start < samples.length; start += SAMPLES_PER_FILE) {
      const chunk = samples.slice(start, start + SAMPLES_PER_FILE);
      if (!analyseChunk(variant, chunk, start / SAMPLES_PER_FILE, run)) {
        // A skipped file (too long a line reads as minified): fall back to one file a sample.
        run.fallbacks++;
        chunk.forEach((sample, index) => analyseChunk(variant, [sample], `${start}-${index}`, run));
      }
    }
  }
  const cpu = process.cpuUsage(cpuBefore);
  run.cpuMs = (cpu.user + cpu.system) / 1000;
  return run;
}
classify();
markAnotherFormat();
scanAll(); // the warm-up (JIT, caches) the timed runs leave out
const timedRuns = Array.from({ length: runs }, () => scanAll());

/** Shows a value's first 4 characters and its length only: these are real-looking keys. */
const redact = (value) => `${value.slice(0, 4)}… (${value.length} chars)`;
const percent = (part, whole) => (whole === 0 ? '  -  ' : `${((100 * part) / whole).toFixed(1).padStart(5)}%`);
const isCounted = (sample) => !sample.dummy && !sample.notSecret;
/** A notSecret reason without the variable or field it names, so reasons can be counted together. */
const reasonKind = (reason) => reason.replace(/`[^`]*`/g, '`…`');

function tally(list) {
  const tps = list.filter((sample) => sample.kind === 'tp' && isCounted(sample));
  const dummies = list.filter((sample) => sample.kind === 'tp' && sample.dummy && !sample.notSecret);
  const notSecret = list.filter((sample) => sample.kind === 'tp' && sample.notSecret);
  const fps = list.filter((sample) => sample.kind === 'fp' && !sample.notNegative);
  const notNegative = list.filter((sample) => sample.kind === 'fp' && sample.notNegative);
  const distinctive = tps.filter((sample) => !sample.needsContext);
  const needsContext = tps.filter((sample) => sample.needsContext);
  const count = (items, variant, outcome) => items.filter((sample) => sample[variant]?.outcome === outcome).length;
  const reported = (items, variant) => items.filter((sample) => sample[variant].outcome !== 'missed').length;
  const reasons = {};
  for (const sample of notSecret) reasons[reasonKind(sample.notSecret)] = (reasons[reasonKind(sample.notSecret)] ?? 0) + 1;
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
    notSecret: notSecret.length,
    notSecretReasons: reasons,
    notSecretFormatNeutral: count(notSecret, 'neutral', 'format'),
    // The goal layout: distinctive formats as bare values, format-less ones (needsContext) in the context variant.
    distinctiveTp: distinctive.length,
    distinctiveFormat: count(distinctive, 'neutral', 'format'),
    needsContextTp: needsContext.length,
    needsContextFormatNeutral: count(needsContext, 'neutral', 'format'),
    contextFormat: count(needsContext, 'context', 'format'),
    goalFormat: count(distinctive, 'neutral', 'format') + count(needsContext, 'context', 'format'),
    // False samples reported as a format: raw, and without those reported as another rule's format (counted apart).
    fpGoalFormatRaw: count(fps.filter((sample) => !sample.needsContext), 'neutral', 'format') + count(fps.filter((sample) => sample.needsContext), 'context', 'format'),
    fpGoalFormat: count(fps.filter((sample) => !sample.needsContext && !sample.anotherFormat), 'neutral', 'format') + count(fps.filter((sample) => sample.needsContext && !sample.anotherFormat), 'context', 'format'),
    fpAnotherFormat: fps.filter((sample) => sample.anotherFormat).length,
    generatedTp: tps.filter((sample) => sample.generated).length,
    generatedFormatNeutral: count(tps.filter((sample) => sample.generated), 'neutral', 'format'),
    fp: fps.length,
    notNegative: notNegative.length,
    notNegativeFormatNeutral: count(notNegative, 'neutral', 'format'),
    fpReportedNeutral: reported(fps, 'neutral'),
    fpReportedNamed: reported(fps, 'named'),
    fpFormatNeutral: count(fps.filter((sample) => !sample.anotherFormat), 'neutral', 'format'),
    fpFormatNeutralRaw: count(fps, 'neutral', 'format'),
    providersNamed: [...new Set(tps.filter((sample) => sample.neutral.outcome === 'format').map((sample) => sample.neutral.provider))].sort(),
    topMisses: tps.filter((sample) => sample.neutral.outcome !== 'format').slice(0, 3).map((sample) => ({ example: redact(sample.value), origin: sample.origin, neutral: sample.neutral.outcome, named: sample.named.outcome })),
    falsePositives: fps.filter((sample) => sample.neutral.outcome !== 'missed').slice(0, 3).map((sample) => ({ example: redact(sample.value), origin: sample.origin, messageId: sample.neutral.messageId, found: sample.neutral.provider })),
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

const GROUP_ORDER = WEB_BACKEND_GROUPS.map(([group]) => group);
const sources = [...groupBy(samples, (sample) => sample.source)].map(([source, list]) => ({ source, ...tally(list) }));
const webBackend = GROUP_ORDER.flatMap((group) =>
  [...groupBy(samples.filter((sample) => groupOf(sample.provider) === group), (sample) => sample.source)].map(([source, list]) => ({ group, source, ...tally(list) })),
);
const webAll = tally(samples.filter((sample) => groupOf(sample.provider)));
// Web-backend groups first, in their order, then every other provider by name.
const groupRank = (group) => (group === undefined ? GROUP_ORDER.length : GROUP_ORDER.indexOf(group));
const providers = [...groupBy(samples, (sample) => `${sample.source}/${sample.provider}`)]
  .map(([key, list]) => ({ provider: key, group: groupOf(list[0].provider), ...tally(list) }))
  .sort((a, b) => groupRank(a.group) - groupRank(b.group) || a.provider.localeCompare(b.provider));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};
const runMs = timedRuns.map((run) => run.ms);
const runCpuMs = timedRuns.map((run) => run.cpuMs);
const ruleToParse = timedRuns.map((run) => run.ruleMs / run.parseMs);
// Best of the runs, file by file: a file's fastest parse and fastest rule time drop the runs another process
// preempted, which on a busy machine is most of the noise.
const bestOf = (key) => timedRuns[0].perFile.reduce((sum, _, index) => sum + Math.min(...timedRuns.map((run) => run.perFile[index][key])), 0);
const best = { parse: bestOf('parse'), rule: bestOf('rule'), total: bestOf('total') };
const medianMs = median(runMs);
const samplesScanned = samples.length * 2;
const spread = (values) => Number(((100 * (Math.max(...values) - Math.min(...values))) / median(values)).toFixed(1));
const round = (value) => Number(value.toFixed(1));
const timing = {
  runs,
  filesPerRun: timedRuns[0].files,
  fallbacks: timedRuns[0].fallbacks,
  samplesPerFile: SAMPLES_PER_FILE,
  // Wall time of analyze() calls: what a user waits; on a shared machine it moves with other processes' load.
  medianMs: round(medianMs),
  minMs: round(Math.min(...runMs)),
  maxMs: round(Math.max(...runMs)),
  spreadPercent: spread(runMs),
  // CPU time of the process over a run (includes GC threads): far less moved by other processes, so the figure
  // to compare between builds on a busy machine.
  cpuMedianMs: round(median(runCpuMs)),
  cpuMinMs: round(Math.min(...runCpuMs)),
  cpuMaxMs: round(Math.max(...runCpuMs)),
  cpuSpreadPercent: spread(runCpuMs),
  // The rule's own time over the parse time of the same files, per run: machine speed and load move both alike,
  // so this ratio is the figure to compare between builds ("the keyword pre-check stays the fast path").
  ruleMedianMs: round(median(timedRuns.map((run) => run.ruleMs))),
  parseMedianMs: round(median(timedRuns.map((run) => run.parseMs))),
  ruleToParse: Number(median(ruleToParse).toFixed(3)),
  bestRuleMs: round(best.rule),
  bestParseMs: round(best.parse),
  bestTotalMs: round(best.total),
  bestRuleToParse: Number((best.rule / best.parse).toFixed(3)),
  ruleToParseMin: Number(Math.min(...ruleToParse).toFixed(3)),
  ruleToParseMax: Number(Math.max(...ruleToParse).toFixed(3)),
  filesPerSecond: round((1000 * timedRuns[0].files) / medianMs),
  samplesPerSecond: Number(((1000 * samplesScanned) / medianMs).toFixed(0)),
  loadAverage: os.loadavg().map((load) => Number(load.toFixed(2))),
};

// --misses: the samples behind a group's or provider's figures, redacted.
const matchesFilter = (sample) => sample.provider.toLowerCase().includes(missesFilter) || (groupOf(sample.provider) ?? '').toLowerCase().includes(missesFilter);
const misses = missesFilter === undefined ? undefined : samples.filter(matchesFilter).flatMap((sample) => {
  const base = { provider: `${sample.source}/${sample.provider}`, example: redact(sample.value), origin: sample.origin, ...(sample.generated ? { generated: true } : {}) };
  if (sample.kind === 'tp' && isCounted(sample) && (sample.needsContext ? sample.context : sample.neutral).outcome !== 'format') {
    return [{ what: 'missed', ...base, asValue: sample.neutral.outcome, ...(sample.needsContext ? { needsContext: sample.contextKeyword, inContext: sample.context.outcome } : {}), asApiKey: sample.named.outcome === 'format' ? `format ${sample.named.provider}` : sample.named.outcome }];
  }
  if (sample.kind === 'fp' && sample.anotherFormat) return [{ what: 'another format', ...base, found: (sample.needsContext && sample.context?.outcome === 'format' ? sample.context : sample.neutral).provider, rulesOfFound: sample.anotherFormat }];
  if (sample.kind === 'fp' && sample.notNegative) return [{ what: 'notNegative', ...base, found: sample.neutral.outcome === 'format' ? sample.neutral.provider : sample.neutral.outcome, notNegative: sample.notNegative }];
  if (sample.kind === 'fp' && sample.neutral.outcome !== 'missed') return [{ what: 'false positive', ...base, found: sample.neutral.outcome === 'format' ? sample.neutral.provider : sample.neutral.messageId }];
  if (sample.kind === 'tp' && sample.notSecret && sample.neutral.outcome === 'format') return [{ what: 'notSecret but recognised', ...base, found: sample.neutral.provider, notSecret: sample.notSecret }];
  return [];
});

if (asJson) {
  console.log(JSON.stringify({ samples: samples.length, sources, webBackendAll: webAll, webBackend, providers, ...(misses ? { misses } : {}), timing }, null, 2));
} else {
  const line = (label, t) =>
    `${label.padEnd(34)} tp ${String(t.tp).padStart(4)}  format: neutral ${percent(t.formatNeutral, t.tp)} named ${percent(t.formatNamed, t.tp)}` +
    `  tier2 only (named) ${percent(t.tier2OnlyNamed, t.tp)}  missed: neutral ${percent(t.missedNeutral, t.tp)} named ${percent(t.missedNamed, t.tp)}` +
    `  | fp ${String(t.fp).padStart(3)} reported: neutral ${percent(t.fpReportedNeutral, t.fp)} named ${percent(t.fpReportedNamed, t.fp)}` +
    `  | goal: ${percent(t.goalFormat, t.tp)} (distinctive ${t.distinctiveFormat}/${t.distinctiveTp}, needsContext in context ${t.contextFormat}/${t.needsContextTp}), fp ${percent(t.fpGoalFormat, t.fp)}` +
    (t.fpAnotherFormat ? ` (raw ${percent(t.fpGoalFormatRaw, t.fp)}: ${t.fpAnotherFormat} reported as another rule's format)` : '') +
    (t.dummyTp ? `  | dummy tp ${t.dummyTp}, by format ${t.dummyFormatNeutral}` : '') +
    (t.generatedTp ? `  | of the tp, generated ${t.generatedTp}, by format ${t.generatedFormatNeutral}` : '') +
    (t.notSecret ? `  | notSecret ${t.notSecret}` : '') +
    (t.notNegative ? `  | notNegative fp ${t.notNegative}, by format ${t.notNegativeFormatNeutral}` : '');
  const reasonsText = (t) => Object.entries(t.notSecretReasons).sort((a, b) => b[1] - a[1]).map(([reason, n]) => `${n} ${reason}`).join('; ');
  console.log(`secret-formats: ${samples.length} samples from ${samplesFile} (dummy and notSecret true samples excluded from the ratios, shown apart)`);
  for (const t of sources) console.log(line(t.source, t));
  console.log(line('web-backend providers (both)', webAll));
  console.log('\nweb-backend providers:');
  for (const t of webBackend) console.log(line(`${t.group} (${t.source})`, t));
  console.log('\nexcluded as not a credential on its own (notSecret), per source: reasons');
  for (const t of sources) if (t.notSecret) console.log(`  ${t.source}: ${t.notSecret} (${reasonsText(t)})`);
  const excludedProviders = (everyProvider ? providers : providers.filter((t) => t.group)).filter((t) => t.notSecret);
  console.log(`excluded per ${everyProvider ? '' : 'web-backend '}provider:`);
  for (const t of excludedProviders) console.log(`  ${t.provider}: ${t.notSecret} (${reasonsText(t)})${t.notSecretFormatNeutral ? `, ${t.notSecretFormatNeutral} of them recognised by format anyway` : ''}`);
  if (everyProvider) {
    console.log('\nevery provider (web-backend groups first):');
    for (const t of providers) console.log(line(`${t.group ? `[${t.group}] ` : ''}${t.provider}`, t));
  }
  if (misses) {
    console.log(`\nmisses for "${missesFilter}" (first 4 chars + length):`);
    for (const m of misses) console.log(`  ${m.what.padEnd(14)} ${m.provider}  ${m.example}${m.generated ? ' [generated]' : ''}  ${m.origin}  ${m.asValue ? `as value: ${m.asValue}, ${m.needsContext ? `in context (${m.needsContext}): ${m.inContext}, ` : ''}as apiKey: ${m.asApiKey}` : `found: ${m.found}`}${m.notSecret ? ` (notSecret: ${m.notSecret})` : ''}${m.notNegative ? ` (${m.notNegative})` : ''}${m.rulesOfFound ? ` (which recognises true samples of ${m.rulesOfFound})` : ''}`);
    if (misses.length === 0) console.log('  none');
  }
  console.log(`\nscan: ${timing.filesPerRun} files of ${SAMPLES_PER_FILE} samples a run (${timing.fallbacks} fell back to a file a sample), ${runs} timed runs after a warm-up:` +
    ` median ${timing.medianMs} ms (min ${timing.minMs}, max ${timing.maxMs}, spread ${timing.spreadPercent} %): ${timing.filesPerSecond} files/s, ${timing.samplesPerSecond} samples/s;` +
    ` CPU time median ${timing.cpuMedianMs} ms (min ${timing.cpuMinMs}, max ${timing.cpuMaxMs}, spread ${timing.cpuSpreadPercent} %) (load average ${timing.loadAverage.join(' ')})`);
  console.log(`rule time: median ${timing.ruleMedianMs} ms a run = ${timing.ruleToParse}x the parse time of the same files (${timing.parseMedianMs} ms), runs ${timing.ruleToParseMin}–${timing.ruleToParseMax}x;` +
    ` best of ${runs} file by file: rule ${timing.bestRuleMs} ms, parse ${timing.bestParseMs} ms, ${timing.bestRuleToParse}x, whole scan ${timing.bestTotalMs} ms`);
}
