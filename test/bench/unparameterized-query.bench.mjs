// unparameterized-query cost per analysis of one large handler file (the per-keystroke path), against the floor
// of parsing that file. The file has 200 routes over pg, mysql2 and knex (half injectable, half safe) and 1,000
// calls named like sinks on objects that are not drivers. Target: the rule's own time < the parse time.
// The rule runs from an esbuild bundle made like dist/ (TypeScript re-exported as ES bindings, see esbuild.mjs),
// because under tsx every `ts.X` read is an interop getter call and the numbers would not be the product's.
// Usage: node test/bench/unparameterized-query.bench.mjs [runs]
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { bundleSources } from './bundle-sources.mjs';

const bundleDir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-bench-sql-'));
const { Engine, parseConfig, parseSourceFile, unparameterizedQuery } = await bundleSources(
  [
    "export { Engine } from './server/engine/analyzer';",
    "export { parseConfig } from './server/engine/config';",
    "export { parseSourceFile } from './server/engine/source-files';",
    "export { unparameterizedQuery } from './rules/unparameterized-query';",
  ],
  path.join(bundleDir, 'bench.cjs'),
);

const RUNS = Number(process.argv[2] ?? 30);
const parts = [
  "import express from 'express';",
  "import { Pool } from 'pg';",
  "import mysql from 'mysql2/promise';",
  "import knex from 'knex';",
  'const pool = new Pool();',
  'const my = mysql.createPool({});',
  "const kx = knex({ client: 'pg' });",
  'const cache = { query: (text: string) => text.length, get: (key: string) => key };',
  'const app = express();',
];
for (let i = 0; i < 200; i++) {
  const unsafe = i % 2 === 0;
  parts.push(`app.get('/r${i}', async (req, res) => {`);
  parts.push(`  const id${i} = req.params.id;`);
  if (i % 3 === 0) parts.push(unsafe ? `  const r = await pool.query(\`SELECT * FROM t${i} WHERE id = '\${id${i}}'\`);` : `  const r = await pool.query('SELECT * FROM t${i} WHERE id = $1', [id${i}]);`);
  else if (i % 3 === 1) parts.push(unsafe ? `  const [r] = await my.query('SELECT * FROM t${i} WHERE id = ' + id${i});` : `  const [r] = await my.query('SELECT * FROM t${i} WHERE id = ?', [id${i}]);`);
  else parts.push(unsafe ? `  const r = await kx('t${i}').whereRaw(\`id = \${id${i}}\`);` : `  const r = await kx('t${i}').where('id', id${i});`);
  for (let j = 0; j < 5; j++) parts.push(`  cache.query(\`k${j}:\${id${i}}\`); cache.get('x' + id${i});`);
  parts.push('  res.json(r);', '});');
}
const text = parts.join('\n') + '\n';
const filePath = '/bench/src/routes.ts';
const engine = new Engine({ rules: [unparameterizedQuery] });
const config = parseConfig('/bench/apiguard.json', '{}', [unparameterizedQuery]);

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const parseTimes = [];
const ruleTimes = [];
let findings = 0;
for (let run = 0; run < RUNS; run++) {
  let started = performance.now();
  const sourceFile = parseSourceFile(filePath, text);
  parseTimes.push(performance.now() - started);
  started = performance.now();
  const analysis = engine.analyze(filePath, text, { sourceFile, config });
  ruleTimes.push(analysis.ruleTimings['unparameterized-query']);
  findings = analysis.findings.length;
}
const lines = text.split('\n').length;
const parse = median(parseTimes);
const rule = median(ruleTimes);
console.log(`unparameterized-query: ${lines} lines, ${findings} findings; median parse ${parse.toFixed(2)} ms, rule ${rule.toFixed(2)} ms (${(rule / parse).toFixed(2)}x parse) over ${RUNS} runs`);
console.log(rule < parse ? 'PASS: rule time < parse time' : 'FAIL: rule time >= parse time');
fs.rmSync(bundleDir, { recursive: true, force: true });
