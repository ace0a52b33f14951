// `apiguard scan` and request data across modules: pass 1 sees each file alone (the model's function builds SQL
// from a parameter: no request data in sight), pass 2 runs unparameterized-query again where the complete index
// says a caller in another module hands request data to that parameter, and its findings replace pass 1's.
import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { normalizeDuration, removeDir, runCli, writeFile } from './support';

const MODEL = [
  "const { Pool } = require('pg');",
  'const pool = new Pool();',
  'async function search(term) {',
  "  const result = await pool.query(`SELECT * FROM products WHERE name LIKE '%${term}%'`);",
  '  return result.rows;',
  '}',
  'module.exports = { search };',
  '',
].join('\n');
const ROUTE = [
  "const express = require('express');",
  "const products = require('../models/products');",
  'const router = express.Router();',
  "router.get('/search', async (req, res) => res.json(await products.search(req.query.q)));",
  'module.exports = router;',
  '',
].join('\n');
const SUPPRESSED = MODEL.replace('  const result', '  // apiguard-ignore-next-line unparameterized-query -- the callers escape it\n  const result');

describe('scan: unparameterized-query across modules (pass 2 replaces pass 1)', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-sqlflow-'));
    writeFile(project, 'package.json', '{ "name": "shop", "private": true }\n');
    writeFile(project, 'routes/products.js', ROUTE);
  });
  after(() => removeDir(project));

  it('reports the sink once, as an error naming the path from the handler', () => {
    writeFile(project, 'models/products.js', MODEL);
    const run = runCli(['scan'], project);
    assert.equal(
      normalizeDuration(run.stdout),
      `models/products.js:4:35  error    unparameterized-query  Request data \`req.query.q\` → \`products.search(req.query.q)\` at routes/products.js:4 → \`term\` is written into the SQL text run by \`pool.query\` (pg); pass it as a bound parameter instead.

1 error, 0 warnings in 1 file (2 files scanned in <T> ms)
`,
    );
    assert.equal(run.status, 1);
  });

  it('a suppression of the sink holds in both passes and is not reported unused', () => {
    // Pass 1 uses it for the warning, pass 2 for the error that replaces it.
    writeFile(project, 'models/products.js', SUPPRESSED);
    const report = JSON.parse(runCli(['scan', '--format', 'json'], project).stdout);
    assert.deepEqual(report.filesScanned, ['models/products.js', 'routes/products.js']);
    assert.deepEqual(report.findings, []);
  });

  it('a stale suppression in a file judged again is reported unused once', () => {
    writeFile(project, 'models/products.js', MODEL.replace('  return result.rows;', '  // apiguard-ignore-next-line unparameterized-query -- old\n  return result.rows;'));
    const report = JSON.parse(runCli(['scan', '--format', 'json'], project).stdout);
    const findings = report.findings as { ruleId: string; severity: string; line: number }[];
    assert.deepEqual(findings.map((finding) => [finding.ruleId, finding.severity, finding.line]), [['unparameterized-query', 'error', 4], ['unused-suppression', 'warning', 5]]);
  });

  it('without the caller the same sink is judged by what its file shows', () => {
    writeFile(project, 'models/products.js', MODEL);
    const report = JSON.parse(runCli(['scan', 'models', '--format', 'json'], project).stdout);
    // Not request data as far as this file shows: below an error (a hint by default; whether the JSON lists hints is the CLI's choice).
    const findings = report.findings as { ruleId: string; severity: string; line: number; message: string }[];
    assert.deepEqual(findings.filter((finding) => finding.severity === 'error' || finding.message.startsWith('Request data')), []);
    assert.equal(report.summary.errors, 0);
  });
});
