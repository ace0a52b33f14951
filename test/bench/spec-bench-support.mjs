// Shared by the spec benchmarks (spec-*.bench.mjs): where their inputs live, a fresh-process measurement with peak
// RSS, and the engine bundled like dist/ for in-process timing.
// The inputs are real public specs fetched outside the repository (never committed): by default under
// /work/precision/specs (bench/ and tools/, laid out as its CORPUS.md says), or wherever APIGUARD_BENCH_SPECS points.
// A bench whose inputs are missing says which and exits 0: a machine without them has nothing to measure, which is
// not a failed target.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { bundleSources } from './bundle-sources.mjs';

const require = createRequire(import.meta.url);
export const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const CLI = path.join(REPO_ROOT, 'dist/cli.js');
export const SPECS_DIR = path.resolve(process.env.APIGUARD_BENCH_SPECS ?? '/work/precision/specs');

/** The benchmark inputs, by role (file names as CORPUS.md lays them out under bench/). */
export const SPEC_INPUTS = {
  large: path.join(SPECS_DIR, 'bench/github-api.json'),
  largeYaml: path.join(SPECS_DIR, 'bench/github-api.yaml'),
  medium: path.join(SPECS_DIR, 'bench/digitalocean.json'),
  mediumYaml: path.join(SPECS_DIR, 'bench/digitalocean.yaml'),
  deepRefs: path.join(SPECS_DIR, 'bench/kubernetes-1.13.swagger.json'),
};

/** Exits 0 with a message naming what is missing when any of `files` is absent; returns the ones present otherwise. */
export function requireInputs(benchName, files) {
  const missing = files.filter((file) => !fs.existsSync(file));
  if (missing.length > 0) {
    console.log(`SKIPPED ${benchName}: missing ${missing.join(', ')}`);
    console.log('  (real specs are fetched outside the repository; set APIGUARD_BENCH_SPECS to the folder that holds bench/)');
    process.exit(0);
  }
}

export function requireBuild() {
  if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);
}

/** Writes the child's peak RSS and CPU time to APIGUARD_BENCH_USAGE_FILE on exit (spawnSync gives no rusage). */
export function usageReporter(dir) {
  const file = path.join(dir, 'report-usage.cjs');
  fs.writeFileSync(
    file,
    `process.on('exit', () => { const u = process.resourceUsage(); require('node:fs').writeFileSync(process.env.APIGUARD_BENCH_USAGE_FILE, JSON.stringify({ maxRssKb: u.maxRSS, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })); });\n`,
  );
  return file;
}

/**
 * Runs `node [nodeArgs] script args` once in a fresh process: wall time, CPU time and peak RSS (the process's own
 * maxRSS, measured by the reporter preloaded into it), stdout, exit status.
 */
export function measureProcess(reporter, script, args, { timeoutMs = 600_000, nodeArgs = [], cwd = REPO_ROOT } = {}) {
  const usageFile = path.join(path.dirname(reporter), `usage-${process.pid}-${Date.now()}.json`);
  const started = performance.now();
  const result = spawnSync(process.execPath, ['--require', reporter, ...nodeArgs, script, ...args], {
    cwd,
    encoding: 'utf8',
    maxBuffer: 1024 * 1024 * 1024,
    timeout: timeoutMs,
    env: { ...process.env, APIGUARD_BENCH_USAGE_FILE: usageFile },
  });
  const wallMs = performance.now() - started;
  let usage = { maxRssKb: NaN, cpuMs: NaN };
  if (fs.existsSync(usageFile)) {
    usage = JSON.parse(fs.readFileSync(usageFile, 'utf8'));
    fs.rmSync(usageFile);
  }
  return {
    wallMs,
    cpuMs: usage.cpuMs,
    rssMb: usage.maxRssKb / 1024,
    status: result.status,
    signal: result.signal,
    timedOut: result.error?.code === 'ETIMEDOUT',
    stdout: result.stdout,
    stderr: result.stderr,
  };
}

/** `apiguard scan <spec> --format json` in a fresh process, the way a user or CI runs it. */
export function measureCliScan(reporter, specPath) {
  const run = measureProcess(reporter, CLI, ['scan', specPath, '--format', 'json', '--fail-on', 'never']);
  if (run.status !== 0) throw new Error(`apiguard scan ${specPath} exited ${run.status ?? run.signal}: ${run.stderr.slice(0, 2000)}`);
  const report = JSON.parse(run.stdout);
  if (report.summary.filesScanned !== 1 || report.skipped.length > 0) throw new Error(`apiguard scan did not analyse ${specPath}: ${JSON.stringify(report.skipped)}`);
  const invalid = report.findings.filter((finding) => finding.ruleId === 'invalid-spec');
  if (invalid.length > 0) throw new Error(`${specPath} was not analysed as a spec: ${invalid[0].message}`);
  return { ...run, findings: report.findings.length, byRule: countBy(report.findings, (finding) => finding.ruleId) };
}

/**
 * The reference every figure is normalised by (the machine is shared, its speed varies run to run): a fresh process
 * that reads the same spec as JSON and `JSON.parse`s it, nothing else. For a YAML spec, its JSON sibling (same name,
 * .json) when there is one.
 */
export function measureJsonParseProcess(reporter, specPath) {
  const jsonPath = jsonSiblingOf(specPath);
  if (!jsonPath) return undefined;
  const script = path.join(path.dirname(reporter), 'json-parse.cjs');
  if (!fs.existsSync(script)) fs.writeFileSync(script, "JSON.parse(require('node:fs').readFileSync(process.argv[2], 'utf8').replace(/^\\uFEFF/, ''));\n");
  const run = measureProcess(reporter, script, [jsonPath]);
  if (run.status !== 0) throw new Error(`JSON.parse of ${jsonPath} failed: ${run.stderr.slice(0, 500)}`);
  return run;
}

/** The spec itself when it is JSON, else a .json file beside it with the same name, else undefined. */
export function jsonSiblingOf(specPath) {
  if (specPath.endsWith('.json')) return specPath;
  const sibling = specPath.replace(/\.ya?ml$/, '.json');
  return fs.existsSync(sibling) ? sibling : undefined;
}

/**
 * The engine (and the spec parser, for the floor) bundled like dist/ into a temp folder: TypeScript re-exported as
 * ES bindings (see esbuild.mjs), because under tsx every `ts.X` read is an interop getter and the numbers would not
 * be the product's.
 */
export async function bundleEngine(dir) {
  const outfile = path.join(dir, 'spec-bench.cjs');
  const bundle = await bundleSources(["export { Engine } from './server/engine/analyzer';", "export { parseSpecText } from './server/engine/openapi/parse-spec';"], outfile);
  return { outfile, ...bundle };
}

export function makeTempDir(prefix) {
  return fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), prefix)));
}

export function percentile(sorted, p) {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export function median(values) {
  return percentile([...values].sort((a, b) => a - b), 50);
}

export function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

export const round = (value) => Math.round(value * 10) / 10;

export function describeFile(file) {
  const bytes = fs.statSync(file).size;
  return `${path.basename(file)} (${(bytes / 1e6).toFixed(1)} MB)`;
}

export const loadAverage = () => os.loadavg().map(round);

export function printMachine() {
  console.log(`node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
}
