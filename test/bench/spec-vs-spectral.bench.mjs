// API Guard against `spectral lint` with the OWASP API Security ruleset on the same 2 MB spec (DigitalOcean's
// OpenAPI 3.0 description, 1.9 MB JSON), side by side in one run: fresh processes each, CPU time (user + system,
// which other load on the shared machine barely moves), wall time and peak RSS, medians of the runs.
// Target: API Guard ≥ 10x faster (CPU ratio). Findings per rule are printed for both, not compared: what each finds
// and how often it is right is PRECISION.md's job.
// Spectral and the spec live outside the repository; the bench says what is missing and exits 0 without them:
//   APIGUARD_BENCH_SPECS     folder holding bench/digitalocean.json and tools/ (default /work/precision/specs)
//   APIGUARD_BENCH_SPECTRAL  spectral-cli's entry script (default <specs>/tools/node_modules/@stoplight/spectral-cli/dist/index.js)
//   APIGUARD_BENCH_SPECTRAL_RULESET  the ruleset (default <specs>/tools/.spectral.yaml, extending @stoplight/spectral-owasp-ruleset)
// Usage: npm run build && node test/bench/spec-vs-spectral.bench.mjs [API Guard runs] [Spectral runs]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { countBy, describeFile, makeTempDir, measureCliScan, measureProcess, median, printMachine, requireBuild, requireInputs, round, SPEC_INPUTS, SPECS_DIR, usageReporter } from './spec-bench-support.mjs';

const OUR_RUNS = Number(process.argv[2] ?? 3);
const SPECTRAL_RUNS = Number(process.argv[3] ?? 1);
const TARGET_RATIO = 10;
/** Spectral takes minutes on large specs; past this a run counts as failed, not as a figure. */
const SPECTRAL_TIMEOUT_MS = 10 * 60_000;
const SPECTRAL = path.resolve(process.env.APIGUARD_BENCH_SPECTRAL ?? path.join(SPECS_DIR, 'tools/node_modules/@stoplight/spectral-cli/dist/index.js'));
const RULESET = path.resolve(process.env.APIGUARD_BENCH_SPECTRAL_RULESET ?? path.join(SPECS_DIR, 'tools/.spectral.yaml'));
const SPEC = SPEC_INPUTS.medium;

requireInputs('spec-vs-spectral', [SPEC, SPECTRAL, RULESET]);
requireBuild();
printMachine();
const temp = makeTempDir('apiguard-bench-spectral-');
const reporter = usageReporter(temp);

// Interleaved, so a change in the machine's load falls on both sides alike.
const ours = [];
const spectral = [];
for (let run = 0; run < Math.max(OUR_RUNS, SPECTRAL_RUNS); run++) {
  if (run < OUR_RUNS) ours.push(measureCliScan(reporter, SPEC));
  if (run < SPECTRAL_RUNS) spectral.push(runSpectral());
}
fs.rmSync(temp, { recursive: true, force: true });

const summarize = (runs) => ({
  cpuMs: round(median(runs.map((r) => r.cpuMs))),
  wallMs: round(median(runs.map((r) => r.wallMs))),
  rssMb: round(median(runs.map((r) => r.rssMb))),
  findings: runs[0].findings,
  byRule: runs[0].byRule,
});
const result = {
  bench: 'spec-vs-spectral',
  spec: describeFile(SPEC),
  runs: { apiguard: OUR_RUNS, spectral: SPECTRAL_RUNS },
  apiguard: summarize(ours),
  spectral: { ...summarize(spectral), ruleset: RULESET },
  targets: { cpuRatio: TARGET_RATIO },
  loadAverage: os.loadavg().map(round),
};
result.cpuRatio = round(result.spectral.cpuMs / result.apiguard.cpuMs);
result.wallRatio = round(result.spectral.wallMs / result.apiguard.wallMs);
result.met = { ratio: result.cpuRatio >= TARGET_RATIO };
console.log(JSON.stringify(result));
console.log(`spec-vs-spectral on ${result.spec}:`);
console.log(`  API Guard: CPU ${result.apiguard.cpuMs} ms, wall ${result.apiguard.wallMs} ms, peak RSS ${result.apiguard.rssMb} MB, ${result.apiguard.findings} findings ${JSON.stringify(result.apiguard.byRule)}`);
console.log(`  Spectral (OWASP): CPU ${result.spectral.cpuMs} ms, wall ${result.spectral.wallMs} ms, peak RSS ${result.spectral.rssMb} MB, ${result.spectral.findings} findings ${JSON.stringify(result.spectral.byRule)}`);
console.log(`  API Guard is ${result.cpuRatio}x faster in CPU time (target ≥ ${TARGET_RATIO}x), ${result.wallRatio}x in wall time`);
console.log(result.met.ratio ? `PASS: ≥ ${TARGET_RATIO}x` : `FAIL: under ${TARGET_RATIO}x`);
if (!result.met.ratio) process.exitCode = 1;

/** One `spectral lint` process; exit 1 only means it found something, anything else is a failed run. */
function runSpectral() {
  const output = path.join(temp, 'spectral.json');
  const run = measureProcess(reporter, SPECTRAL, ['lint', '--ruleset', RULESET, '--format', 'json', '--output', output, '--fail-severity', 'error', SPEC], {
    timeoutMs: SPECTRAL_TIMEOUT_MS,
    cwd: path.dirname(RULESET),
  });
  if (run.timedOut) throw new Error(`spectral lint took over ${SPECTRAL_TIMEOUT_MS / 60_000} minutes on ${SPEC}`);
  if (run.status !== 0 && run.status !== 1) throw new Error(`spectral lint exited ${run.status ?? run.signal}: ${(run.stderr || run.stdout).slice(0, 2000)}`);
  const findings = JSON.parse(fs.readFileSync(output, 'utf8'));
  fs.rmSync(output);
  return { ...run, findings: findings.length, byRule: countBy(findings, (finding) => finding.code) };
}
