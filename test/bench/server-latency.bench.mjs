// Re-analysis latency through the language server: a one-character edit to a 2,000-line TypeScript handler,
// measured from sending didChange to receiving publishDiagnostics for that version. Target: p95 < 20 ms.
// Usage: npm run build && node test/bench/server-latency.bench.mjs [edits]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { countLines, generateHandlerModule, makeTempDir, percentile, startServer } from './server-bench-support.mjs';

const EDITS = Number(process.argv[2] ?? 200);
const WARMUP = 20;
const TARGET_P95_MS = 20;

const root = makeTempDir('apiguard-bench-latency-');
fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "bench", "private": true }\n');
fs.mkdirSync(path.join(root, 'src/routes'), { recursive: true });
const filePath = path.join(root, 'src/routes/handlers.ts');
let text = generateHandlerModule(2000);
fs.writeFileSync(filePath, text);
const uri = pathToFileURL(filePath).toString();

const waiting = new Map();
let lastDiagnosticCount = 0;
const server = await startServer(root, (params, at) => {
  if (params.uri !== uri) return;
  lastDiagnosticCount = params.diagnostics.length;
  waiting.get(params.version)?.(at);
});
const published = (version) => new Promise((resolve) => waiting.set(version, resolve));

let version = 0;
const opened = published(0);
server.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'typescript', version, text } });
await opened;
const findingsOnOpen = lastDiagnosticCount;

// Typing spread over the file: insert a character inside an identifier on a different line each time, then
// delete it on the next edit, so the file stays 2,000 lines and every edit re-parses a real change.
const lines = text.split('\n');
const candidateLines = lines.map((line, index) => ({ line, index })).filter(({ line }) => /\bconst \w+/.test(line));
const samples = [];
let pending;
for (let i = 0; i < EDITS + WARMUP; i++) {
  let change;
  if (!pending) {
    const { line, index } = candidateLines[(i * 7) % candidateLines.length];
    const character = line.indexOf('const ') + 8;
    change = { range: { start: { line: index, character }, end: { line: index, character } }, text: 'x' };
    pending = { line: index, character };
  } else {
    change = { range: { start: pending, end: { line: pending.line, character: pending.character + 1 } }, text: '' };
    pending = undefined;
  }
  version++;
  const done = published(version);
  const sent = performance.now();
  server.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [change] });
  const receivedAt = await done;
  if (i >= WARMUP) samples.push(receivedAt - sent);
}
await server.stop();
fs.rmSync(root, { recursive: true, force: true });

samples.sort((a, b) => a - b);
const result = {
  bench: 'server-latency',
  file: { lines: countLines(text), findingsOnOpen },
  edits: samples.length,
  p50Ms: round(percentile(samples, 50)),
  p95Ms: round(percentile(samples, 95)),
  maxMs: round(samples.at(-1)),
  targetP95Ms: TARGET_P95_MS,
  met: percentile(samples, 95) < TARGET_P95_MS,
};
console.log(JSON.stringify(result));
console.log(`server re-analysis after a one-character edit (${result.file.lines}-line handler, ${result.edits} edits, ${findingsOnOpen} findings):`);
console.log(`  p50 ${result.p50Ms} ms, p95 ${result.p95Ms} ms, max ${result.maxMs} ms (target p95 < ${TARGET_P95_MS} ms: ${result.met ? 'met' : 'MISSED'})`);
if (!result.met) process.exitCode = 1;

function round(ms) {
  return Math.round(ms * 100) / 100;
}
