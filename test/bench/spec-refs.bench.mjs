// Deep shared `$ref` graphs must not explode. Two inputs, each scanned by fresh `apiguard scan --format json`
// processes (median of the runs; the process's own maxRSS):
// - Kubernetes' Swagger 2.0 description (v1.13, 4.2 MB JSON, 3k `$ref`s into one `io.k8s.*` definitions graph that
//   every operation shares; kubernetes-client on npm), read from outside the repository (APIGUARD_BENCH_SPECS);
//   skipped with a message when missing;
// - a spec generated here, made to explode anything that expands references: a chain of DEPTH definitions where
//   each refers to the next twice (2^DEPTH paths from the top), a cycle back to the top, and OPERATIONS operations
//   that all take and return the top (JSON). Never skipped.
// Target for each: ≤ 2 s and peak RSS ≤ 400 MB. The time judged is CPU time (user + system): the machine is
// shared and other load moves wall time; wall is printed too. Reference, interleaved: a fresh process that only
// `JSON.parse`s the same file, so figures from differently loaded runs can be compared.
// Usage: npm run build && node test/bench/spec-refs.bench.mjs [runs]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describeFile, loadAverage, makeTempDir, measureCliScan, measureJsonParseProcess, median, printMachine, requireBuild, round, SPEC_INPUTS, usageReporter } from './spec-bench-support.mjs';

const RUNS = Number(process.argv[2] ?? 3);
const TARGET_MS = 2000;
const TARGET_RSS_MB = 400;
const DEPTH = 40;
// Few enough operations that the parse (measured by spec-large and spec-edit) does not hide the graph's cost.
const OPERATIONS = 300;

requireBuild();
printMachine();
const temp = makeTempDir('apiguard-bench-spec-refs-');
const reporter = usageReporter(temp);
const generated = path.join(temp, 'exploding-refs.swagger.json');
fs.writeFileSync(generated, JSON.stringify(explodingSpec(), null, 2) + '\n');

const inputs = [];
if (fs.existsSync(SPEC_INPUTS.deepRefs)) inputs.push({ name: 'kubernetes', file: SPEC_INPUTS.deepRefs });
else console.log(`SKIPPED the Kubernetes input: missing ${SPEC_INPUTS.deepRefs} (set APIGUARD_BENCH_SPECS to the folder that holds bench/)`);
inputs.push({ name: 'generated', file: generated });

const results = inputs.map(({ name, file }) => {
  const runs = [];
  const references = [];
  for (let run = 0; run < RUNS; run++) {
    references.push(measureJsonParseProcess(reporter, file));
    runs.push(measureCliScan(reporter, file));
  }
  const cpuMs = median(runs.map((r) => r.cpuMs));
  const referenceCpuMs = median(references.map((r) => r.cpuMs));
  return {
    name,
    spec: describeFile(file),
    cpuMs: round(cpuMs),
    reference: { what: 'fresh process: JSON.parse of the same file', cpuMs: round(referenceCpuMs) },
    cpuVsReference: round(cpuMs / referenceCpuMs),
    loadAverage: loadAverage(),
    wallMs: round(median(runs.map((r) => r.wallMs))),
    rssMb: round(median(runs.map((r) => r.rssMb))),
    findings: runs[0].findings,
    byRule: runs[0].byRule,
  };
});
fs.rmSync(temp, { recursive: true, force: true });

const result = { bench: 'spec-refs', runs: RUNS, results, generated: { depth: DEPTH, operations: OPERATIONS }, targets: { cpuMs: TARGET_MS, rssMb: TARGET_RSS_MB } };
result.met = Object.fromEntries(results.map((r) => [r.name, r.cpuMs <= TARGET_MS && r.rssMb <= TARGET_RSS_MB]));
console.log(JSON.stringify(result));
for (const r of results) {
  console.log(`spec-refs ${r.name}: ${r.spec}, ${r.findings} findings: CPU ${r.cpuMs} ms (target ≤ ${TARGET_MS}), wall ${r.wallMs} ms, peak RSS ${r.rssMb} MB (target ≤ ${TARGET_RSS_MB}); ${r.cpuVsReference}x the reference (${r.reference.cpuMs} ms); load ${r.loadAverage.join(' ')}`);
}
const missed = Object.entries(result.met).filter(([, met]) => !met).map(([name]) => name);
console.log(missed.length === 0 ? 'PASS: within 2 s and 400 MB' : `FAIL: over 2 s or 400 MB on ${missed.join(', ')}`);
if (missed.length > 0) process.exitCode = 1;

/** Swagger 2.0, as an object, whose definitions, if expanded, would hold 2^DEPTH copies of the deepest one. */
function explodingSpec() {
  const top = { $ref: '#/definitions/Node0' };
  const paths = {};
  for (let i = 0; i < OPERATIONS; i++) {
    paths[`/things${i}/{thingId}`] = {
      put: {
        operationId: `putThing${i}`,
        parameters: [
          { name: 'thingId', in: 'path', required: true, type: 'string', maxLength: 36 },
          { name: 'body', in: 'body', required: true, schema: top },
        ],
        responses: { 200: { description: 'the thing', schema: top }, 401: { description: 'unauthenticated' }, 429: { description: 'slow down' } },
      },
    };
  }
  const definitions = {};
  for (let level = 0; level < DEPTH; level++) {
    const next = { $ref: `#/definitions/Node${level + 1 < DEPTH ? level + 1 : 0}` };
    definitions[`Node${level}`] = { type: 'object', additionalProperties: false, properties: { left: next, right: next, label: { type: 'string', maxLength: 64 } } };
  }
  return {
    swagger: '2.0',
    info: { title: 'Exploding references', version: '1' },
    host: 'api.example.com',
    schemes: ['https'],
    securityDefinitions: { bearer: { type: 'apiKey', in: 'header', name: 'Authorization' } },
    security: [{ bearer: [] }],
    paths,
    definitions,
  };
}
