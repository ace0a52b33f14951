// CLI scan throughput (lines per second) over examples/ plus a generated 50,000-line project, against the
// floor: reading and `ts.createSourceFile`-parsing the same files in one process. Target: scan < 2x the floor.
// Two views, both medians: cold (a fresh `node dist/cli.js scan` process vs a fresh floor process, startup and
// TypeScript load included) and warm (both loops repeated inside one process, so only per-file work counts).
// Ratios are taken on CPU time (user + system), which other load on the machine barely moves; wall times are
// printed too. A third warm run with every rule off splits the scan into engine/CLI work and the rules' work.
// Usage: npm run build && node test/bench/cli-throughput.bench.mjs [runs]
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { countLines, generateHandlerModule, makeTempDir } from './server-bench-support.mjs';

const require = createRequire(import.meta.url);
const RUNS = Number(process.argv[2] ?? 5);
const TARGET_RATIO = 2;
const GENERATED_LINES = 50_000;
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO_ROOT, 'dist/cli.js');
if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);

// A realistic project: 25 route modules of ~2,000 lines (the server benchmarks' handler generator), a
// .gitignore, and dependency/build folders the walk must skip (not counted by either side).
const project = makeTempDir('apiguard-bench-cli-');
const write = (relative, content) => {
  fs.mkdirSync(path.dirname(path.join(project, relative)), { recursive: true });
  fs.writeFileSync(path.join(project, relative), content);
};
write('package.json', '{ "name": "bench-api", "private": true }\n');
write('.gitignore', 'dist/\n*.log\n');
write('node_modules/express/index.js', 'module.exports = function express() {};\n'.repeat(200));
write('dist/app.js', '"use strict";\n'.repeat(2000));
let generatedLines = 0;
for (let i = 0; generatedLines < GENERATED_LINES; i++) {
  const text = generateHandlerModule(2000, { withSecrets: i % 3 === 0, offset: i * 7 });
  generatedLines += countLines(text);
  write(`src/routes/module-${String(i).padStart(2, '0')}.ts`, text);
}

const examples = path.join(REPO_ROOT, 'examples');
const scanPaths = fs.existsSync(examples) ? [examples, project] : [project];
const cliArgs = ['scan', ...scanPaths, '--format', 'json', '--fail-on', 'never'];

// The files the scan analyses are exactly the files the floor reads and parses.
const first = spawnSync(process.execPath, [CLI, ...cliArgs], { cwd: REPO_ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
if (first.status !== 0) throw new Error(`scan failed (${first.status}): ${first.stderr}`);
const report = JSON.parse(first.stdout);
const files = report.filesScanned.map((file) => path.resolve(REPO_ROOT, file));
const lines = report.summary.linesScanned;
const fileList = path.join(project, 'files.json');
fs.writeFileSync(fileList, JSON.stringify(files));

const floorScript = `
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const fs = require('node:fs');
for (const file of JSON.parse(fs.readFileSync(${JSON.stringify(fileList)}, 'utf8'))) {
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
}`;

// Every rule off, for the breakdown: the rule ids are the SARIF rules tagged "security".
const sarif = JSON.parse(spawnSync(process.execPath, [CLI, 'scan', path.join(project, 'package.json'), '--format', 'sarif'], { encoding: 'utf8' }).stdout);
const ruleIds = sarif.runs[0].tool.driver.rules.filter((rule) => rule.properties.tags.includes('security')).map((rule) => rule.id);
const rulesOffConfig = path.join(project, 'rules-off.json');
fs.writeFileSync(rulesOffConfig, JSON.stringify({ rules: Object.fromEntries(ruleIds.map((id) => [id, 'off'])) }));

// The child reports its own CPU time on exit (spawnSync has no rusage).
const cpuReporter = path.join(project, 'report-cpu.cjs');
fs.writeFileSync(
  cpuReporter,
  `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.APIGUARD_BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n`,
);
const cold = { scan: [], floor: [], scanWall: [], floorWall: [] };
for (let run = 0; run < RUNS; run++) {
  const scan = timeProcess([CLI, ...cliArgs]);
  cold.scan.push(scan.cpuMs);
  cold.scanWall.push(scan.wallMs);
  const floor = timeProcess(['-e', floorScript]);
  cold.floor.push(floor.cpuMs);
  cold.floorWall.push(floor.wallMs);
}

// Warm: the bundled CLI's runCli in this process (the bundle only runs main when it is the entry point).
const ts = require('typescript');
const { runCli } = require(CLI);
const sink = { write: () => true, isTTY: false };
const warm = { scan: [], floor: [], rulesOff: [], scanWall: [], floorWall: [] };
const floorOnce = () => {
  for (const file of files) ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
};
const scanWith = (args) => () => {
  const exitCode = runCli(args, { stdout: sink, stderr: sink, cwd: REPO_ROOT, env: {} });
  if (exitCode !== 0) throw new Error(`in-process scan exited ${exitCode}`);
};
const scanOnce = scanWith(cliArgs);
const scanRulesOff = scanWith([...cliArgs, '--config', rulesOffConfig]);
floorOnce();
scanOnce();
scanRulesOff();
for (let run = 0; run < RUNS; run++) {
  const floor = time(floorOnce);
  warm.floor.push(floor.cpuMs);
  warm.floorWall.push(floor.wallMs);
  const scan = time(scanOnce);
  warm.scan.push(scan.cpuMs);
  warm.scanWall.push(scan.wallMs);
  warm.rulesOff.push(time(scanRulesOff).cpuMs);
}

const summarize = (samples) => {
  const scanMs = median(samples.scan);
  const floorMs = median(samples.floor);
  return {
    scanCpuMs: round(scanMs),
    floorCpuMs: round(floorMs),
    scanWallMs: round(median(samples.scanWall)),
    floorWallMs: round(median(samples.floorWall)),
    scanLinesPerSecond: Math.round((lines / median(samples.scanWall)) * 1000),
    floorLinesPerSecond: Math.round((lines / median(samples.floorWall)) * 1000),
    ratio: round(scanMs / floorMs),
    wallRatio: round(median(samples.scanWall) / median(samples.floorWall)),
  };
};
const result = {
  bench: 'cli-throughput',
  files: files.length,
  lines,
  findings: report.findings.length,
  runs: RUNS,
  cold: summarize(cold),
  warm: summarize(warm),
  warmRulesOff: { scanCpuMs: round(median(warm.rulesOff)), ratio: round(median(warm.rulesOff) / median(warm.floor)), rulesOff: ruleIds },
  targetRatio: TARGET_RATIO,
  loadAverage: os.loadavg().map((n) => round(n)),
};
result.met = result.cold.ratio < TARGET_RATIO && result.warm.ratio < TARGET_RATIO;
console.log(JSON.stringify(result));
console.log(`CLI scan throughput over ${scanPaths.map((p) => (p === project ? 'generated project' : path.relative(REPO_ROOT, p))).join(' + ')}: ${files.length} files, ${lines} lines, ${result.findings} findings (median of ${RUNS})`);
for (const view of ['cold', 'warm']) {
  const r = result[view];
  console.log(
    `  ${view}: scan ${r.scanCpuMs} ms CPU / ${r.scanWallMs} ms wall (${r.scanLinesPerSecond.toLocaleString('en-US')} lines/s); floor read+parse ${r.floorCpuMs} ms CPU / ${r.floorWallMs} ms wall (${r.floorLinesPerSecond.toLocaleString('en-US')} lines/s): ${r.ratio}x the floor (wall ${r.wallRatio}x)`,
  );
}
const off = result.warmRulesOff;
console.log(`  warm, every rule off (engine + walk + report only): ${off.scanCpuMs} ms CPU, ${off.ratio}x the floor; the rules (${ruleIds.join(', ')}) add ${round(result.warm.scanCpuMs - off.scanCpuMs)} ms`);
console.log(`  target < ${TARGET_RATIO}x the floor (CPU time, cold and warm): ${result.met ? 'met' : 'MISSED'}  [load average ${result.loadAverage.join(' ')} on ${os.cpus().length} CPUs]`);
fs.rmSync(project, { recursive: true, force: true });
if (!result.met) process.exitCode = 1;

function timeProcess(args) {
  const cpuFile = path.join(project, 'cpu.txt');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-r', cpuReporter, ...args], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
    env: { ...process.env, APIGUARD_BENCH_CPU_FILE: cpuFile },
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`${args[0]} exited ${child.status}: ${child.stderr}`);
  return { wallMs, cpuMs: Number(fs.readFileSync(cpuFile, 'utf8')) };
}

function time(fn) {
  const startedCpu = process.cpuUsage();
  const started = performance.now();
  fn();
  const wallMs = performance.now() - started;
  const cpu = process.cpuUsage(startedCpu);
  return { wallMs, cpuMs: (cpu.user + cpu.system) / 1000 };
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
