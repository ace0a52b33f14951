// The report's reuse (server/engine/scan-cache.ts) in-process: a scan with a ScanCache must give exactly what a
// fresh scan gives (the CLI's result) after every kind of change, while analysing only what changed.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { defineRule } from '../../rules/support/rule';
import { Engine, allFindingMetas } from '../../server/engine/analyzer';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { ScanCache } from '../../server/engine/scan-cache';
import { createScanReader, scanWorkspace, WorkspaceScan, type WorkspaceScanResult } from '../../server/engine/workspace-scan';
import { formatReport } from '../../server/report';
import { makeProject } from './lsp-test-client';

const GITHUB_TOKEN = ['ghp', 'aB3dE5fG7hJ9kL1mN3pQ5rS7tU9vW1xY3zA5'].join('_');

const FILES: Record<string, string> = {
  'package.json': '{ "name": "api", "dependencies": { "express": "4.0.0", "passport": "0.7.0" } }\n',
  // CommonJS app mounting a CommonJS router and an ESM one.
  'src/app.js': [
    "const express = require('express');",
    "const users = require('./users');",
    "const { orders } = require('./orders.mjs');",
    'const app = express();',
    "app.use('/users', users);",
    "app.use('/orders', orders);",
    'module.exports = app;',
    '',
  ].join('\n'),
  'src/users.js': [
    "const express = require('express');",
    "const db = require('./db');",
    'const router = express.Router();',
    "router.delete('/:id', (req, res) => res.json(db.query('DELETE FROM users WHERE id = ' + req.params.id)));",
    "router.post('/', (req, res) => res.json({ ok: true }));",
    'module.exports = router;',
    '',
  ].join('\n'),
  'src/orders.mjs': [
    "import { Router } from 'express';",
    'export const orders = Router();',
    "orders.delete('/:id', (req, res) => res.status(204).end());",
    '',
  ].join('\n'),
  'src/db.js': "const { Pool } = require('pg');\nmodule.exports = new Pool();\n",
  'src/token.ts': `export const token: string = '${GITHUB_TOKEN}';\n`,
  'src/port.ts': 'export const port: number = Number(process.env.PORT ?? 3000);\n',
};
const SCANNED = Object.keys(FILES).filter((name) => name.startsWith('src/')).length;

/** The JSON report of a scan, with its duration zeroed: the content both scans must agree on. */
function reportOf(engine: Engine, scan: WorkspaceScanResult): string {
  return formatReport('json', { scan: { ...scan, durationMs: 0 }, rules: allFindingMetas([...engine.rules, ...engine.specRules]), tool: { name: 'apiguard', version: 'test' } });
}

function freshReport(root: string, rules?: Engine['rules']): string {
  const engine = new Engine({ workspaceRoots: [root], reader: createScanReader(), apiIndex: new WorkspaceIndex(), ...(rules ? { rules } : {}) });
  return reportOf(engine, scanWorkspace(engine, { paths: [root], root }));
}

function reusingScanner(root: string, rules?: Engine['rules']) {
  const cache = new ScanCache();
  const engine = new Engine({ workspaceRoots: [root], reader: cache.reader, apiIndex: new WorkspaceIndex(), ...(rules ? { rules } : {}) });
  return () => {
    const scan = new WorkspaceScan(engine, { paths: [root], root, cache });
    while (!scan.step());
    return { report: reportOf(engine, scan.result), counts: scan.counts, scan: scan.result };
  };
}

function ruleFindings(report: string, ruleId: string): string[] {
  const parsed = JSON.parse(report) as { findings: { ruleId: string; file: string; line: number }[] };
  return parsed.findings.filter((finding) => finding.ruleId === ruleId).map((finding) => `${finding.file}:${finding.line}`);
}

describe('report reuse (ScanCache)', () => {
  it('analyses only what changed and always reports what a fresh scan reports (JS CommonJS and ESM, TS)', () => {
    const root = makeProject(FILES);
    const scan = reusingScanner(root);

    const first = scan();
    assert.deepEqual(first.counts, { analysed: SCANNED, reused: 0 });
    assert.equal(first.report, freshReport(root));
    assert.deepEqual(ruleFindings(first.report, 'missing-auth'), ['src/orders.mjs:3', 'src/users.js:4']);
    assert.deepEqual(ruleFindings(first.report, 'hardcoded-secret'), ['src/token.ts:1']);

    const second = scan();
    assert.deepEqual(second.counts, { analysed: 0, reused: SCANNED });
    assert.equal(second.report, first.report, 'nothing changed: the same report');

    // One file changes: only it is analysed, and the model rules judge every route again (the auth is in app.js).
    const app = path.join(root, 'src/app.js');
    fs.writeFileSync(app, FILES['src/app.js']!.replace('const app = express();', "const passport = require('passport');\nconst app = express();\napp.use(passport.authenticate('jwt'));"));
    const third = scan();
    assert.deepEqual(third.counts, { analysed: 1, reused: SCANNED - 1 });
    assert.equal(third.report, freshReport(root));
    assert.deepEqual(ruleFindings(third.report, 'missing-auth'), []);

    // A file deleted leaves the report and the model.
    fs.writeFileSync(app, FILES['src/app.js']!);
    fs.rmSync(path.join(root, 'src/orders.mjs'));
    const fourth = scan();
    assert.deepEqual(fourth.counts, { analysed: 1, reused: SCANNED - 2 });
    assert.equal(fourth.report, freshReport(root));
    assert.deepEqual(ruleFindings(fourth.report, 'missing-auth'), ['src/users.js:4']);
    assert.equal(fourth.scan.files.length, SCANNED - 1);
  });

  it('analyses a file again when a file its analysis read changed, though its own text did not', () => {
    const root = makeProject(FILES);
    const scan = reusingScanner(root);
    scan();
    // The secret's fix appends to .env: the finding's fix was computed from .env's text (none yet).
    fs.writeFileSync(path.join(root, '.env'), 'PORT=3000\n');
    const after = scan();
    assert.equal(after.counts.analysed, 1);
    assert.equal(after.report, freshReport(root));
    const reanalysed = after.scan.files.find((file) => file.filePath.endsWith('token.ts'))!;
    assert.deepEqual(reanalysed.findings[0]!.fixes[0]!.edits.filter((edit) => edit.filePath?.endsWith('.env')).length, 1);
  });

  it('a file that turns too large to analyse leaves the report and the model, as in a fresh scan', () => {
    const root = makeProject({ ...FILES, 'apiguard.json': '{ "maxFileSize": 4096 }\n' });
    const scan = reusingScanner(root);
    scan();
    fs.appendFileSync(path.join(root, 'src/orders.mjs'), `// ${'x'.repeat(5000)}\n`);
    const after = scan();
    assert.equal(after.report, freshReport(root));
    assert.deepEqual(ruleFindings(after.report, 'missing-auth'), ['src/users.js:4']);
    assert.deepEqual(after.scan.skipped.map((skipped) => path.relative(root, skipped.filePath)), ['src/orders.mjs']);
  });

  it('analyses again a file whose findings came from the type checker when another file changed, and only then', () => {
    // A type-aware rule whose finding in a.ts depends on b.ts alone: the type of what a.ts imports.
    const typeOfExport = defineRule({
      meta: { id: 'type-of-export', description: 'Names the type of exported values.', category: 'data-exposure', defaultSeverity: 'warning', confidence: 'high', cwe: [], owaspApi: '', frameworks: [], requiresTypes: true, fixable: false, messages: { type: '{{name}} is {{type}}' } },
      defaultOptions: {},
      create: (context) => ({
        [ts.SyntaxKind.VariableDeclaration]: (node: ts.Node) => {
          const declaration = node as ts.VariableDeclaration;
          const checker = context.getTypeChecker();
          const type = checker.typeToString(checker.getTypeAtLocation(declaration.name));
          context.report({ messageId: 'type', node: declaration.name, data: { name: declaration.name.getText(), type } });
        },
      }),
    });
    const root = makeProject({
      'package.json': '{ "name": "typed" }\n',
      'tsconfig.json': '{ "compilerOptions": { "strict": true, "noEmit": true }, "include": ["src"] }\n',
      'src/a.ts': "import { limit } from './b';\nexport const copy = limit;\n",
      'src/b.ts': 'export const limit: number = 10;\n',
      'src/c.ts': "export const name = 'c';\n",
    });
    const scan = reusingScanner(root, [typeOfExport]);
    const first = scan();
    assert.deepEqual(first.counts, { analysed: 3, reused: 0 });
    assert.match(first.report, /copy is number/);
    assert.deepEqual(scan().counts, { analysed: 0, reused: 3 }, 'nothing changed: nothing analysed');

    fs.writeFileSync(path.join(root, 'src/b.ts'), "export const limit: string = 'ten';\n");
    const after = scan();
    // b.ts changed; a.ts and c.ts asked the checker, whose program read b.ts: both are analysed again.
    assert.deepEqual(after.counts, { analysed: 3, reused: 0 });
    assert.match(after.report, /copy is string/);
    assert.equal(after.report, freshReport(root, [typeOfExport]));
    assert.deepEqual(scan().counts, { analysed: 0, reused: 3 });
  });
});
