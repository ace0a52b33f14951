// Runs every test/bench/*.bench.mjs in sequence (they measure time, so never in parallel) and prints their output.
// Exit code 1 when any benchmark failed or missed its target (each sets its own exit code), after running all.
// Usage: npm run bench (builds first), or node test/bench/run.mjs [substring filter…]
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import * as os from 'node:os';
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';

const benchDir = path.dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const benches = readdirSync(benchDir)
  .filter((name) => name.endsWith('.bench.mjs'))
  .filter((name) => filters.length === 0 || filters.some((filter) => name.includes(filter)))
  .sort();
if (benches.length === 0) {
  console.error('no benchmark matched');
  process.exit(1);
}

// Figures depend on the machine and on what else runs on it: print both with the results.
console.log(`node ${process.version}, ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), load average ${os.loadavg().map((n) => n.toFixed(2)).join(' ')}`);
const outcomes = [];
for (const name of benches) {
  console.log(`\n== ${name}`);
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(benchDir, name)], { stdio: 'inherit', cwd: path.resolve(benchDir, '../..') });
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const status = result.status === 0 ? 'ok' : result.signal ? `killed by ${result.signal}` : `exit ${result.status}`;
  outcomes.push({ name, status, seconds });
}

console.log('\n== summary');
for (const { name, status, seconds } of outcomes) console.log(`${status === 'ok' ? 'ok    ' : 'FAILED'}  ${name} (${seconds} s)${status === 'ok' ? '' : `: ${status}`}`);
if (outcomes.some((outcome) => outcome.status !== 'ok')) process.exitCode = 1;
