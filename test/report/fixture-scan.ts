// A workspace scan with a fixture rule, for testing the report writers without depending on real rules' wording.
// The rule flags string literals starting with FLAG (error) or equal to "flag-warning" (warning) and quotes the
// literal in its message, as real rules quote source code: the writers must escape it.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import * as ts from 'typescript';
import { defineRule } from '../../rules/support/rule';
import { allFindingMetas, Engine } from '../../server/engine/analyzer';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { scanWorkspace } from '../../server/engine/workspace-scan';
import { buildReportInventory } from '../../server/report/routes';
import type { ReportInput } from '../../server/report';

export const SECRET_IN_FIX = 'hunter2-value-from-fix';

export const flagRule = defineRule<Record<string, never>, 'flagged' | 'warned'>({
  meta: {
    id: 'test-flag',
    description: 'Flags FLAG literals (test fixture).',
    category: 'injection',
    defaultSeverity: 'error',
    confidence: 'medium',
    cwe: ['CWE-79'],
    owaspApi: 'API8:2023 Security Misconfiguration',
    frameworks: [],
    requiresTypes: false,
    fixable: true,
    messages: { flagged: 'Flagged {{value}}', warned: 'Warned about {{value}}' },
  },
  defaultOptions: {},
  create(context) {
    const check = (node: ts.Node) => {
      const literal = node as ts.StringLiteral | ts.NoSubstitutionTemplateLiteral;
      if (literal.text.startsWith('FLAG')) {
        context.report({
          messageId: 'flagged',
          node,
          data: { value: literal.text },
          fixes: [{ title: 'Move to .env', edits: [{ filePath: path.join(context.workspace.projectRoot, '.env'), start: 0, end: 0, newText: `FLAG=${SECRET_IN_FIX}\n` }] }],
        });
      } else if (literal.text === 'flag-warning') {
        context.report({ messageId: 'warned', node, data: { value: literal.text }, severity: 'warning' });
      }
    };
    return { [ts.SyntaxKind.StringLiteral]: check, [ts.SyntaxKind.NoSubstitutionTemplateLiteral]: check };
  },
});

export const FIXTURE_FILES: Record<string, string> = {
  'package.json': '{ "name": "fixture", "private": true }\n',
  'src/a.ts': 'const first = "FLAG<script>alert(1)</script>";\nconst second = \'flag-warning\';\n',
  'src/b.ts': 'export const one = "FLAG|pipe";\nexport const one = "FLAG|pipe";\n',
  'src/sub dir/c#1.ts': 'export const text = `FLAG *multi*\nline`; // apiguard-ignore test-flag\n',
  'src/clean.js': 'module.exports = 1;\n',
  'src/blob.ts': Buffer.from([0x63, 0x6f, 0x6e, 0x73, 0x74, 0x00, 0x01, 0x02]).toString('latin1'),
};

export function makeFixtureProject(files: Record<string, string> = FIXTURE_FILES): string {
  const dir = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-report-')));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

/** Scans `dir` with the fixture rule; the duration is pinned so outputs are exact. */
export function scanFixture(dir: string): ReportInput {
  const engine = new Engine({ rules: [flagRule], workspaceRoots: [dir] });
  const scan = scanWorkspace(engine, { paths: ['.'], root: dir });
  scan.durationMs = 12;
  return { scan, rules: allFindingMetas([flagRule]), tool: { name: 'apiguard', version: '9.9.9' } };
}

/** Routes in CommonJS, ESM and TypeScript with a spec beside them: for the inventory and spec coverage. */
export const API_FIXTURE_FILES: Record<string, string> = {
  'package.json': '{ "name": "api-fixture", "private": true }\n',
  'src/app.js': `const express = require('express');
const { users } = require('./users');
const app = express();
const banner = "FLAG outside every handler";
app.get('/health', (req, res) => res.send('ok'));
app.get('/items/:id', (req, res) => {
  res.send("FLAG in the handler");
});
app.post('/<script>window.__pwned=1</script>', (req, res) => res.send('flag-warning'));
app.use('/users', users);
module.exports = app;
`,
  'src/users.ts': `import { Router } from 'express';
export const users = Router();
users.get('/', listUsers);
function listUsers(req: unknown, res: { json(value: unknown): void }) {
  res.json("FLAG in a named handler");
}
`,
  'src/admin.mjs': `import express from 'express';
const admin = express.Router();
admin.delete('/cache', (req, res) => res.sendStatus(204));
export default admin;
`,
  'openapi.yaml': `openapi: 3.0.3
info: { title: fixture, version: '1' }
paths:
  /health:
    get: { responses: { '200': { description: ok } } }
  /items/{id}:
    get:
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
  /users:
    get: { responses: { '200': { description: ok } } }
  /orders:
    get: { responses: { '200': { description: ok } } }
`,
};

/** Like scanFixture, with the workspace index (the API model) and the report's inventory and time. */
export function scanFixtureWithModel(dir: string): ReportInput {
  const apiIndex = new WorkspaceIndex();
  const engine = new Engine({ rules: [flagRule], workspaceRoots: [dir], apiIndex });
  const scan = scanWorkspace(engine, { paths: ['.'], root: dir });
  scan.durationMs = 12;
  return {
    scan,
    rules: allFindingMetas([flagRule]),
    tool: { name: 'apiguard', version: '9.9.9' },
    generatedAt: GENERATED_AT,
    inventory: buildReportInventory(apiIndex.model(), dir, (filePath) => fs.readFileSync(filePath, 'utf8')),
  };
}

export const GENERATED_AT = '2026-11-29T14:00:00.000Z';
