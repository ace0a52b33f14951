// A 13 MB spec fully analysed: GitHub's public REST description (api.github.com, OpenAPI 3.0.3 JSON, 347k lines,
// 10k `$ref`s; @octokit/openapi on npm), scanned by a fresh `apiguard scan --format json` process, as a user or CI
// runs it. Target: ≤ 2 s and peak RSS ≤ 400 MB (medians of the runs; the process's own maxRSS). The time judged is
// CPU time (user + system): the machine is shared, and other load moves wall time threefold; wall is printed too.
// Reference, in the same run and interleaved: a fresh process that only `JSON.parse`s the same file; the ratio to it
// lets figures from differently loaded runs be compared.
// Also measured, informational (no target): the same spec as YAML (10 MB, converted), and in one process the time
// the parse alone takes (the floor every analysis pays) against the whole analysis.
// Inputs live outside the repository (spec-bench-support.mjs: APIGUARD_BENCH_SPECS); missing inputs skip the bench.
// Usage: npm run build && node test/bench/spec-large.bench.mjs [runs]
import * as fs from 'node:fs';
import {
  bundleEngine,
  describeFile,
  loadAverage,
  makeTempDir,
  measureCliScan,
  measureJsonParseProcess,
  median,
  printMachine,
  requireBuild,
  requireInputs,
  round,
  SPEC_INPUTS,
  usageReporter,
} from './spec-bench-support.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const TARGET_MS = 2000;
const TARGET_RSS_MB = 400;

requireInputs('spec-large', [SPEC_INPUTS.large]);
requireBuild();
printMachine();
const temp = makeTempDir('apiguard-bench-spec-large-');
const reporter = usageReporter(temp);

const scans = { json: [], yaml: [], reference: [] };
for (let run = 0; run < RUNS; run++) {
  scans.reference.push(measureJsonParseProcess(reporter, SPEC_INPUTS.large));
  scans.json.push(measureCliScan(reporter, SPEC_INPUTS.large));
  if (fs.existsSync(SPEC_INPUTS.largeYaml)) scans.yaml.push(measureCliScan(reporter, SPEC_INPUTS.largeYaml));
}
const loadAfterScans = loadAverage();

// In one process, CPU time: the parse (the floor) against the whole analysis, after one warm-up of each.
const cpuMsSince = (started) => {
  const used = process.cpuUsage(started);
  return (used.user + used.system) / 1000;
};
const { Engine, parseSpecText } = await bundleEngine(temp);
const inProcess = {};
for (const [name, file] of [['json', SPEC_INPUTS.large], ['yaml', SPEC_INPUTS.largeYaml]]) {
  if (!fs.existsSync(file)) continue;
  const text = fs.readFileSync(file, 'utf8');
  const parseMs = [];
  const analyzeMs = [];
  const jsonParseMs = [];
  // The engine's own per-rule timings (wall clock) of the last run: which rules the time beyond the parse goes to.
  let timings = {};
  // The YAML parse is the slow one: one timed run of it is enough to show it.
  const runs = name === 'yaml' ? 1 : RUNS;
  for (let run = 0; run <= runs; run++) {
    let started = process.cpuUsage();
    const parsed = parseSpecText(file, text);
    if (parsed.error) throw new Error(`${file}: ${parsed.error.message}`);
    if (run > 0) parseMs.push(cpuMsSince(started));
    // A new engine each time, so its parse cache cannot answer: this is the cost of a file opened or changed.
    const engine = new Engine({ workspaceRoots: [temp] });
    started = process.cpuUsage();
    const analysis = engine.analyze(file, text);
    if (run > 0) analyzeMs.push(cpuMsSince(started));
    timings = analysis.ruleTimings;
    if (name === 'json') {
      started = process.cpuUsage();
      JSON.parse(text);
      if (run > 0) jsonParseMs.push(cpuMsSince(started));
    }
  }
  const slowest = Object.entries(timings)
    .sort(([, a], [, b]) => b - a)
    .slice(0, 6)
    .map(([id, ms]) => `${id} ${round(ms)}`);
  inProcess[name] = { parseMs: round(median(parseMs)), analyzeMs: round(median(analyzeMs)), ...(jsonParseMs.length ? { jsonParseMs: round(median(jsonParseMs)) } : {}), slowestMs: slowest };
}
fs.rmSync(temp, { recursive: true, force: true });

const summarize = (runs) =>
  runs.length === 0
    ? undefined
    : { wallMs: round(median(runs.map((r) => r.wallMs))), cpuMs: round(median(runs.map((r) => r.cpuMs))), rssMb: round(median(runs.map((r) => r.rssMb))), findings: runs[0].findings, byRule: runs[0].byRule };
const reference = summarize(scans.reference);
const result = {
  bench: 'spec-large',
  spec: describeFile(SPEC_INPUTS.large),
  runs: RUNS,
  cliScan: summarize(scans.json),
  cliScanYaml: summarize(scans.yaml),
  reference: { what: 'fresh process: JSON.parse of the same file', cpuMs: reference.cpuMs, wallMs: reference.wallMs, rssMb: reference.rssMb },
  inProcess,
  targets: { cpuMs: TARGET_MS, rssMb: TARGET_RSS_MB },
  loadAverage: { afterScans: loadAfterScans, atEnd: loadAverage() },
};
result.cliScan.cpuVsReference = round(result.cliScan.cpuMs / reference.cpuMs);
if (result.cliScanYaml) result.cliScanYaml.cpuVsReference = round(result.cliScanYaml.cpuMs / reference.cpuMs);
result.met = { time: result.cliScan.cpuMs <= TARGET_MS, rss: result.cliScan.rssMb <= TARGET_RSS_MB };
console.log(JSON.stringify(result));
console.log(`spec-large: ${result.spec}, ${result.cliScan.findings} findings, median of ${RUNS} fresh \`apiguard scan\` processes (load ${loadAfterScans.join(' ')})`);
console.log(`  JSON: CPU ${result.cliScan.cpuMs} ms (target ≤ ${TARGET_MS}), wall ${result.cliScan.wallMs} ms, peak RSS ${result.cliScan.rssMb} MB (target ≤ ${TARGET_RSS_MB}); ${result.cliScan.cpuVsReference}x the reference`);
if (result.cliScanYaml) console.log(`  YAML (${describeFile(SPEC_INPUTS.largeYaml)}, informational): CPU ${result.cliScanYaml.cpuMs} ms, wall ${result.cliScanYaml.wallMs} ms, peak RSS ${result.cliScanYaml.rssMb} MB; ${result.cliScanYaml.cpuVsReference}x the reference`);
console.log(`  reference (a process that only JSON.parses the JSON file): CPU ${reference.cpuMs} ms, wall ${reference.wallMs} ms, peak RSS ${reference.rssMb} MB`);
for (const [name, figures] of Object.entries(inProcess)) {
  console.log(`  in process (CPU), ${name}: parse ${figures.parseMs} ms of a ${figures.analyzeMs} ms analysis${figures.jsonParseMs ? ` (JSON.parse: ${figures.jsonParseMs} ms)` : ''}`);
  console.log(`    slowest parts (the engine's timings, wall ms; the document visitor timed exactly, other visitors one call in 16, scaled): ${figures.slowestMs.join(', ')}`);
}
const missed = Object.entries(result.met).filter(([, met]) => !met).map(([name]) => name);
console.log(missed.length === 0 ? 'PASS: within 2 s and 400 MB' : `FAIL: missed ${missed.join(', ')}`);
if (missed.length > 0) process.exitCode = 1;
