// The workspace API model at scale, over a generated 2,000-file / ~120 KLOC workspace (generate-api-workspace.mjs:
// Express apps mounting routers across files, NestJS behind a global guard, Fastify plugins, and the services,
// models and utils that hold most of the lines). Four parts:
// - cold indexing: a fresh `apiguard routes --format json` process against the floor, a fresh process reading and
//   `ts.createSourceFile`-parsing the same files (informational: no target);
// - CLI scan: a fresh `apiguard scan` process against the same floor. Target: scan ≤ 2x the floor;
// - correctness (not timed): the route inventory against the generator's manifest, route by route (method, full
//   path, file) and verdict; mismatches are printed, never a failure: this bench measures, the tests judge;
// - editor latency through dist/server.js: once background indexing has ended, one-character edits inside a
//   handler's string in an Express route file with a missing-auth finding, each measured from didChange to the
//   first publish for that version (syntactic rules, main thread; target p95 ≤ 20 ms) and to the worker's publish
//   that holds missing-auth for that version (the model re-linked; target p95 ≤ 50 ms). Before the edits, the
//   security report (apiguard/report) three times: cold, unchanged (all reused), one file changed on disk; with
//   when its progress began and first counted files (informational: no target).
// Process ratios are medians of CPU time (user + system), which other load on the machine barely moves; wall
// times are printed too.
// Usage: npm run build && node test/bench/workspace-index.bench.mjs [runs] [--edits N] [--cpu-prof DIR]
// `--cpu-prof DIR` writes CPU profiles into DIR: the server's (main thread and worker) and, after the timed runs,
// one untimed scan's and one untimed routes process's. The server's figures are then inflated by the profiler.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { generateApiWorkspace } from './generate-api-workspace.mjs';
import { makeTempDir, percentile, startServer } from './server-bench-support.mjs';

const require = createRequire(import.meta.url);
const args = process.argv.slice(2);
const editsAt = args.indexOf('--edits');
const EDITS = editsAt >= 0 ? Number(args[editsAt + 1]) : 200;
const profileAt = args.indexOf('--cpu-prof');
const PROFILE_DIR = profileAt >= 0 ? path.resolve(args[profileAt + 1]) : undefined;
const RUNS = Number(args.find((arg, i) => /^\d+$/.test(arg) && args[i - 1] !== '--edits') ?? 3);
const WARMUP_EDITS = 20;
const TARGET_SCAN_RATIO = 2;
const TARGET_SYNTACTIC_P95_MS = 20;
const TARGET_MODEL_P95_MS = 50;
/** A fast typist's sustained rate is about 10 characters a second; 50 ms is twice that. */
const TYPING_INTERVAL_MS = 50;
/** An edit whose model result has not arrived by then counts as lost (printed), not as a latency. */
const MODEL_RESULT_TIMEOUT_MS = 10_000;
const INDEXING_TIMEOUT_MS = 120_000;
const REPO_ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CLI = path.join(REPO_ROOT, 'dist/cli.js');
if (!fs.existsSync(CLI)) throw new Error(`${CLI} is missing: run \`npm run build\` first`);

// The workspace in its own folder; the manifest and the bench's helper files beside it, so nothing scans them.
const temp = makeTempDir('apiguard-bench-index-');
const workspace = path.join(temp, 'workspace');
const generated = generateApiWorkspace(workspace);
fs.writeFileSync(path.join(temp, 'routes-manifest.json'), JSON.stringify(generated.manifest, null, 1) + '\n');

// The child reports its own CPU time on exit (spawnSync has no rusage).
const cpuReporter = path.join(temp, 'report-cpu.cjs');
fs.writeFileSync(
  cpuReporter,
  `process.on('exit', () => { const u = process.cpuUsage(); require('node:fs').writeFileSync(process.env.APIGUARD_BENCH_CPU_FILE, String((u.user + u.system) / 1000)); });\n`,
);
const fileList = path.join(temp, 'files.json');
const floorScript = `
const ts = require(${JSON.stringify(require.resolve('typescript'))});
const fs = require('node:fs');
for (const file of JSON.parse(fs.readFileSync(${JSON.stringify(fileList)}, 'utf8'))) {
  ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest);
}`;
const routesArgs = [CLI, 'routes', workspace, '--format', 'json'];
const scanArgs = [CLI, 'scan', workspace, '--format', 'json', '--fail-on', 'never'];

// Cold processes. The first scan's report names the files it analysed: exactly the files the floor reads and parses.
const cold = { routes: [], routesWall: [], scan: [], scanWall: [], floor: [], floorWall: [] };
let scanReport;
let routesReport;
for (let run = 0; run < RUNS; run++) {
  const scan = timeProcess(scanArgs);
  cold.scan.push(scan.cpuMs);
  cold.scanWall.push(scan.wallMs);
  if (run === 0) {
    scanReport = JSON.parse(scan.stdout);
    fs.writeFileSync(fileList, JSON.stringify(scanReport.filesScanned.map((file) => path.resolve(REPO_ROOT, file))));
  }
  const floor = timeProcess(['-e', floorScript]);
  cold.floor.push(floor.cpuMs);
  cold.floorWall.push(floor.wallMs);
  const routes = timeProcess(routesArgs);
  cold.routes.push(routes.cpuMs);
  cold.routesWall.push(routes.wallMs);
  if (run === 0) routesReport = JSON.parse(routes.stdout);
}

if (PROFILE_DIR) for (const processArgs of [scanArgs, routesArgs]) timeProcess([`--cpu-prof`, `--cpu-prof-dir=${PROFILE_DIR}`, ...processArgs]);

const correctness = compareWithManifest(routesReport, generated.manifest);
const latency = await measureEditorLatency(pickEditedFile());
fs.rmSync(temp, { recursive: true, force: true });

const floorCpuMs = median(cold.floor);
const result = {
  bench: 'workspace-index',
  workspace: { files: generated.files, lines: generated.lines, filesScanned: scanReport.filesScanned.length, linesScanned: scanReport.summary.linesScanned, routes: generated.expectedRoutes },
  runs: RUNS,
  floor: { cpuMs: round(floorCpuMs), wallMs: round(median(cold.floorWall)) },
  coldIndexing: { cpuMs: round(median(cold.routes)), wallMs: round(median(cold.routesWall)), ratio: round(median(cold.routes) / floorCpuMs), wallRatio: round(median(cold.routesWall) / median(cold.floorWall)) },
  scan: {
    cpuMs: round(median(cold.scan)),
    wallMs: round(median(cold.scanWall)),
    ratio: round(median(cold.scan) / floorCpuMs),
    wallRatio: round(median(cold.scanWall) / median(cold.floorWall)),
    findings: countBy(scanReport.findings, (finding) => finding.ruleId),
  },
  correctness: { ...correctness, mismatches: undefined },
  editor: latency,
  targets: { scanRatio: TARGET_SCAN_RATIO, syntacticP95Ms: TARGET_SYNTACTIC_P95_MS, modelP95Ms: TARGET_MODEL_P95_MS },
  loadAverage: os.loadavg().map(round),
  cpus: os.cpus().length,
};
result.met = {
  scan: result.scan.ratio <= TARGET_SCAN_RATIO,
  syntactic: latency.syntactic.p95Ms <= TARGET_SYNTACTIC_P95_MS,
  missingAuth: latency.missingAuth.lost === 0 && latency.missingAuth.p95Ms <= TARGET_MODEL_P95_MS,
};
console.log(JSON.stringify(result));
printSummary(result, correctness.mismatches);
if (PROFILE_DIR) console.log(`  CPU profiles (server main thread and worker, one scan, one routes process) in ${PROFILE_DIR}`);
if (!Object.values(result.met).every(Boolean)) process.exitCode = 1;

// ---------------------------------------------------------------------------------------------------------------
// Correctness: the inventory against the manifest.

/** Matches routes by (method, full path, file), as multisets; then compares the verdicts of the matched ones. */
function compareWithManifest(report, manifest) {
  const VERDICT = { auth: 'authenticated', public: 'public', missing: 'none' };
  const keyOf = (method, routePath, file) => `${method} ${routePath} ${file}`;
  const expected = new Map();
  for (const route of manifest) {
    const key = keyOf(route.method, route.path, route.file);
    expected.set(key, [...(expected.get(key) ?? []), route]);
  }
  const mismatches = { notFound: [], unexpected: [], verdict: [] };
  // Per framework, how often each expected verdict came out as each other one ("authenticated → none": 12).
  const verdictConfusion = {};
  let matched = 0;
  let verdictsMatched = 0;
  for (const route of report.routes) {
    const file = path.relative(workspace, path.resolve(REPO_ROOT, route.file)).split(path.sep).join('/');
    const key = keyOf(route.method, route.path, file);
    const candidates = expected.get(key);
    if (!candidates?.length) {
      mismatches.unexpected.push(`${key}:${route.line} (${route.framework}, ${route.auth.status})`);
      continue;
    }
    const wanted = candidates.shift();
    matched++;
    if (VERDICT[wanted.protection] === route.auth.status) verdictsMatched++;
    else {
      const confusion = (verdictConfusion[wanted.framework] ??= {});
      const pair = `${VERDICT[wanted.protection]} → ${route.auth.status}`;
      confusion[pair] = (confusion[pair] ?? 0) + 1;
      mismatches.verdict.push({
        framework: wanted.framework,
        text: `${key}:${route.line}: expected ${VERDICT[wanted.protection]}, got ${route.auth.status}${route.auth.by ? ` by ${route.auth.by}` : ''}${route.auth.reason ? ` (${route.auth.reason})` : ''} (chain: ${route.chain.join(', ') || 'none'})`,
      });
    }
  }
  mismatches.verdict = interleaveByFramework(mismatches.verdict);
  for (const [key, left] of expected) for (const route of left) mismatches.notFound.push(`${key} (${route.framework}, ${route.protection})`);
  return {
    expectedRoutes: manifest.length,
    modelRoutes: report.routes.length,
    unmodelled: report.unmodelled?.length ?? 0,
    matched,
    verdictsMatched,
    verdictsByFramework: verdictsByFramework(report, manifest),
    verdictConfusion,
    mismatchCounts: { notFound: mismatches.notFound.length, unexpected: mismatches.unexpected.length, verdict: mismatches.verdict.length },
    mismatches,
  };
}

/** One framework's mismatch after another's, so the first ten printed show every framework that has any. */
function interleaveByFramework(entries) {
  const queues = new Map();
  for (const entry of entries) queues.set(entry.framework, [...(queues.get(entry.framework) ?? []), entry.text]);
  const out = [];
  while (out.length < entries.length) for (const queue of queues.values()) if (queue.length) out.push(queue.shift());
  return out;
}

/** Per framework: how many routes the manifest expects with each protection, and what the model says. */
function verdictsByFramework(report, manifest) {
  const byFramework = {};
  for (const route of manifest) {
    const entry = (byFramework[route.framework] ??= { expected: {}, model: {} });
    entry.expected[route.protection] = (entry.expected[route.protection] ?? 0) + 1;
  }
  for (const route of report.routes) {
    const framework = route.framework === 'nestjs' ? 'nest' : route.framework;
    const entry = (byFramework[framework] ??= { expected: {}, model: {} });
    entry.model[route.auth.status] = (entry.model[route.auth.status] ?? 0) + 1;
  }
  return byFramework;
}

// ---------------------------------------------------------------------------------------------------------------
// Editor latency.

/** The first (by path) Express router file where the manifest expects a missing-auth route and the scan found one. */
function pickEditedFile() {
  const expectedMissing = new Set(generated.manifest.filter((route) => route.framework === 'express' && route.protection === 'missing').map((route) => route.file));
  const found = scanReport.findings
    .filter((finding) => finding.ruleId === 'missing-auth')
    .map((finding) => path.relative(workspace, path.resolve(REPO_ROOT, finding.file)).split(path.sep).join('/'))
    .filter((file) => file.startsWith('src/express/'));
  const candidates = [...new Set(found)].sort();
  const chosen = candidates.find((file) => expectedMissing.has(file)) ?? candidates[0];
  if (!chosen) throw new Error('the scan found no missing-auth in any Express route file: nothing to edit');
  return chosen;
}

async function measureEditorLatency(relativePath) {
  const filePath = path.join(workspace, relativePath);
  const uri = pathToFileURL(filePath).toString();
  let text = fs.readFileSync(filePath, 'utf8');
  // Per version: when didChange was sent, when its first publish (syntactic) and the worker's publish arrived.
  const timings = new Map();
  const waiters = [];
  const serverAnalysisMs = new Map();
  const workerMs = new Map();
  let indexingEnd;
  const reportBegins = [];
  const reportProgress = [];
  const reportLogs = [];
  const hasMissingAuth = (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'missing-auth');
  const started = performance.now();
  const server = await startServer(
    workspace,
    (params, at) => {
      if (params.uri !== uri) return;
      const entry = timings.get(params.version);
      if (entry) {
        if (entry.first === undefined) entry.first = at;
        // The first publish carries the previous model result over; only the worker's publish re-evaluates it.
        else if (entry.model === undefined) {
          entry.model = at;
          entry.modelHasMissingAuth = hasMissingAuth(params);
        }
      }
      for (const waiter of waiters.splice(0)) if (!waiter.check()) waiters.push(waiter);
    },
    {
      trace: true,
      workDoneProgress: true,
      nodeArgs: PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [],
      onProgress: (value, at) => {
        if (value.kind === 'end') indexingEnd ??= { at, message: value.message };
        if (value.title === 'API Guard: building the security report') reportBegins.push(at);
        else if (value.kind === 'report' && /files\)$/.test(value.message ?? '')) reportProgress.push(at);
      },
      onLog: (message) => {
        if (/^report \(json\) built in/.test(message)) reportLogs.push(message);
        const analysed = /^analysed \S+ v(\d+) in ([\d.]+) ms/.exec(message);
        if (analysed) serverAnalysisMs.set(Number(analysed[1]), Number(analysed[2]));
        const worker = /^type-aware pass on \S+ v(\d+): ([\d.]+) ms in the worker/.exec(message);
        if (worker) workerMs.set(Number(worker[1]), Number(worker[2]));
      },
    },
  );
  /** Resolves true once `check()` holds after a publish, false after `timeoutMs`. */
  const publishedWhen = (check, timeoutMs) =>
    new Promise((resolve) => {
      if (check()) return resolve(true);
      const waiter = {
        check: () => {
          if (!check()) return false;
          clearTimeout(timer);
          resolve(true);
          return true;
        },
      };
      const timer = setTimeout(() => {
        waiters.splice(waiters.indexOf(waiter), 1);
        resolve(false);
      }, timeoutMs);
      waiters.push(waiter);
    });
  const until = async (check, timeoutMs, what) => {
    if (!(await publishedWhen(check, timeoutMs))) throw new Error(`timed out waiting for ${what}`);
  };

  await pollUntil(() => indexingEnd !== undefined, INDEXING_TIMEOUT_MS, 'the end of background indexing');
  const indexing = { wallMs: round(indexingEnd.at - started), message: indexingEnd.message, rssMb: rssMegabytes(server.child.pid) };

  // The security report three times: cold, again with nothing changed (everything reused), and after one route
  // file changed on disk (that file analysed again, the model rules re-run on the files they judge).
  const reportOnce = async () => {
    const sent = performance.now();
    const [beginsBefore, progressBefore] = [reportBegins.length, reportProgress.length];
    await server.connection.sendRequest('apiguard/report', { format: 'json' });
    const at = (list, from) => (list.length > from ? round(list[from] - sent) : null);
    await pollUntil(() => reportLogs.length > 0, 5_000, 'the report log line');
    return { wallMs: round(performance.now() - sent), beginMs: at(reportBegins, beginsBefore), firstProgressMs: at(reportProgress, progressBefore), log: reportLogs.shift() };
  };
  const coldReport = await reportOnce();
  const warmReport = await reportOnce();
  fs.writeFileSync(filePath, text.replace("resource: '", "resource: 'x"));
  const afterEditReport = await reportOnce();
  fs.writeFileSync(filePath, text);
  const reports = { cold: coldReport, unchanged: warmReport, oneFileChanged: afterEditReport };

  let version = 0;
  const entryOf = (v) => timings.get(v);
  timings.set(0, { sent: performance.now() });
  server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
  await until(() => entryOf(0).model !== undefined, 60_000, 'the first complete analysis of the opened file');
  const openMs = { syntactic: round(entryOf(0).first - entryOf(0).sent), complete: round(entryOf(0).model - entryOf(0).sent), missingAuth: entryOf(0).modelHasMissingAuth };

  // Typing inside the string literal of each handler's response (`resource: 'order'`), a different handler each
  // time: insert a character, then delete it on the next edit, so the file stays valid and its routes unchanged.
  const spots = [];
  text.split('\n').forEach((line, index) => {
    const at = line.indexOf("resource: '");
    if (at >= 0) spots.push({ line: index, character: at + "resource: '".length + 1 });
  });
  if (spots.length === 0) throw new Error(`${relativePath} has no handler string to type into`);
  let pending;
  const nextChange = (i) => {
    if (!pending) {
      pending = spots[(i * 3) % spots.length];
      return { range: { start: pending, end: pending }, text: 'x' };
    }
    const change = { range: { start: pending, end: { line: pending.line, character: pending.character + 1 } }, text: '' };
    pending = undefined;
    return change;
  };

  const measured = [];
  for (let i = 0; i < EDITS + WARMUP_EDITS; i++) {
    version++;
    const v = version;
    const sent = performance.now();
    timings.set(v, { sent });
    server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version: v }, contentChanges: [nextChange(i)] });
    await until(() => entryOf(v).first !== undefined, 10_000, `the syntactic publish of v${v}`);
    // Not a failure: a lost model result is counted and printed.
    await publishedWhen(() => entryOf(v).model !== undefined, MODEL_RESULT_TIMEOUT_MS);
    if (i >= WARMUP_EDITS) measured.push(v);
    const wait = TYPING_INTERVAL_MS - (performance.now() - sent);
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
  }
  await new Promise((resolve) => setTimeout(resolve, 200)); // the last trace lines
  const rssAfterEditsMb = rssMegabytes(server.child.pid);
  await server.stop();

  const syntactic = measured.map((v) => entryOf(v).first - entryOf(v).sent).sort((a, b) => a - b);
  const withModel = measured.filter((v) => entryOf(v).model !== undefined);
  const model = withModel.map((v) => entryOf(v).model - entryOf(v).sent).sort((a, b) => a - b);
  const stats = (samples) => ({ p50Ms: round(percentile(samples, 50)), p95Ms: round(percentile(samples, 95)), maxMs: round(samples.at(-1)) });
  const inServer = measured.filter((v) => serverAnalysisMs.has(v)).map((v) => serverAnalysisMs.get(v)).sort((a, b) => a - b);
  const inWorker = measured.filter((v) => workerMs.has(v)).map((v) => workerMs.get(v)).sort((a, b) => a - b);
  return {
    file: relativePath,
    fileLines: text.split('\n').length,
    indexing,
    open: openMs,
    edits: measured.length,
    typingIntervalMs: TYPING_INTERVAL_MS,
    syntactic: { ...stats(syntactic), serverAnalysis: inServer.length ? stats(inServer) : null },
    missingAuth: {
      ...(model.length ? stats(model) : { p50Ms: null, p95Ms: null, maxMs: null }),
      lost: measured.length - withModel.length,
      withoutFinding: withModel.filter((v) => !entryOf(v).modelHasMissingAuth).length,
      worker: inWorker.length ? stats(inWorker) : null,
    },
    rssAfterEditsMb,
    reports,
  };
}

/** The server's resident memory (main thread and worker), from /proc; undefined where there is none. */
function rssMegabytes(pid) {
  try {
    const match = /^VmRSS:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

async function pollUntil(condition, timeoutMs, what) {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// ---------------------------------------------------------------------------------------------------------------

function printSummary(r, mismatches) {
  const w = r.workspace;
  const e = r.editor;
  const verdict = (met) => (met ? 'met' : 'MISSED');
  console.log(`workspace index over a generated workspace: ${w.files} files, ${w.lines} lines (${w.filesScanned} files / ${w.linesScanned} lines scanned), ${w.routes} routes; median of ${r.runs} cold runs; load average ${r.loadAverage.join(' ')} on ${r.cpus} CPUs`);
  console.log(`  floor (fresh process, read + ts.createSourceFile every file): ${r.floor.cpuMs} ms CPU / ${r.floor.wallMs} ms wall`);
  console.log(`  cold indexing (apiguard routes --format json): ${r.coldIndexing.cpuMs} ms CPU / ${r.coldIndexing.wallMs} ms wall: ${r.coldIndexing.ratio}x the floor (wall ${r.coldIndexing.wallRatio}x; informational)`);
  console.log(`  CLI scan: ${r.scan.cpuMs} ms CPU / ${r.scan.wallMs} ms wall: ${r.scan.ratio}x the floor (wall ${r.scan.wallRatio}x); target ≤ ${TARGET_SCAN_RATIO}x: ${verdict(r.met.scan)}; findings ${JSON.stringify(r.scan.findings)}`);
  const c = r.correctness;
  console.log(`  inventory vs manifest: ${c.matched} of ${c.expectedRoutes} expected routes found by (method, full path, file) (${c.modelRoutes} in the model, ${c.unmodelled} unmodelled); verdicts matched ${c.verdictsMatched} of ${c.matched}`);
  for (const [framework, { expected, model }] of Object.entries(c.verdictsByFramework)) {
    const confusion = Object.entries(c.verdictConfusion[framework] ?? {}).map(([pair, n]) => `${pair} ${n}`).join(', ');
    console.log(`    ${framework}: expected ${JSON.stringify(expected)}, model ${JSON.stringify(model)}${confusion ? `; verdicts wrong: ${confusion}` : ''}`);
  }
  for (const [kind, label] of [['notFound', 'expected but not in the model'], ['unexpected', 'in the model but not expected'], ['verdict', 'verdict differs']]) {
    if (mismatches[kind].length === 0) continue;
    console.log(`    ${label}: ${mismatches[kind].length}${mismatches[kind].length > 10 ? ' (first 10)' : ''}`);
    for (const line of mismatches[kind].slice(0, 10)) console.log(`      ${line}`);
  }
  console.log(`  editor: background indexing ended after ${e.indexing.wallMs} ms (${e.indexing.message}); server RSS ${e.indexing.rssMb ?? '?'} MB after indexing, ${e.rssAfterEditsMb ?? '?'} MB after the edits`);
  for (const [name, report] of Object.entries(e.reports)) {
    console.log(`    security report (${name}): ${report.wallMs} ms wall, progress begin after ${report.beginMs ?? '-'} ms, first file count after ${report.firstProgressMs ?? '-'} ms; ${report.log}`);
  }
  console.log(`    opened ${e.file} (${e.fileLines} lines): syntactic ${e.open.syntactic} ms, complete ${e.open.complete} ms (missing-auth ${e.open.missingAuth ? 'present' : 'ABSENT'})`);
  console.log(`    ${e.edits} one-character edits (an edit every ${e.typingIntervalMs} ms at most, each after the previous results):`);
  console.log(`    syntactic publish: p50 ${e.syntactic.p50Ms} ms, p95 ${e.syntactic.p95Ms} ms, max ${e.syntactic.maxMs} ms; target p95 ≤ ${TARGET_SYNTACTIC_P95_MS} ms: ${verdict(r.met.syntactic)}`);
  if (e.syntactic.serverAnalysis) console.log(`      of which the server's analysis on its main thread: p50 ${e.syntactic.serverAnalysis.p50Ms} ms, p95 ${e.syntactic.serverAnalysis.p95Ms} ms`);
  console.log(`    missing-auth re-evaluated (worker publish): p50 ${e.missingAuth.p50Ms} ms, p95 ${e.missingAuth.p95Ms} ms, max ${e.missingAuth.maxMs} ms; ${e.missingAuth.lost} lost, ${e.missingAuth.withoutFinding} without the finding; target p95 ≤ ${TARGET_MODEL_P95_MS} ms: ${verdict(r.met.missingAuth)}`);
  if (e.missingAuth.worker) console.log(`      of which the worker's pass (type-aware rules + model): p50 ${e.missingAuth.worker.p50Ms} ms, p95 ${e.missingAuth.worker.p95Ms} ms`);
}

function timeProcess(processArgs) {
  const cpuFile = path.join(temp, 'cpu.txt');
  const started = performance.now();
  const child = spawnSync(process.execPath, ['-r', cpuReporter, ...processArgs], {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    env: { ...process.env, APIGUARD_BENCH_CPU_FILE: cpuFile },
  });
  const wallMs = performance.now() - started;
  if (child.status !== 0) throw new Error(`${processArgs.slice(0, 2).join(' ')} exited ${child.status}: ${child.stderr}`);
  return { wallMs, cpuMs: Number(fs.readFileSync(cpuFile, 'utf8')), stdout: child.stdout };
}

function countBy(items, keyOf) {
  const counts = {};
  for (const item of items) counts[keyOf(item)] = (counts[keyOf(item)] ?? 0) + 1;
  return counts;
}

function median(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

function round(value) {
  return Math.round(value * 100) / 100;
}
