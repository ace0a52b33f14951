// The engine's spec path: recognition, invalid specs, $ref resolution across files, rule isolation, suppressions.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { Engine } from '../../../server/engine/analyzer';
import { defineSpecRule, type SpecRule } from '../../../rules/support/spec-rule';
import { stringAt } from '../../../rules/support/spec-tree';
import { undefinedSecurityScheme } from '../../../rules/spec/undefined-security-scheme';

function project(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-specs-'));
  for (const [relative, content] of Object.entries({ 'package.json': '{}', ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

function analyse(dir: string, relative: string, specRules: SpecRule<any>[] = [undefinedSecurityScheme]) {
  const engine = new Engine({ rules: [], specRules, workspaceRoots: [dir] });
  const filePath = path.join(dir, relative);
  return engine.analyze(filePath, fs.readFileSync(filePath, 'utf8'));
}

function summary(analysis: ReturnType<typeof analyse>): string[] {
  return analysis.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId} ${f.message}`);
}

/** Reports every schema with a `title`, at the title: to observe the walk. */
const titledSchemas = defineSpecRule<Record<string, never>, 'titled'>({
  meta: { id: 'spec/test-titled', description: 'test rule: schemas with titles', category: 'spec', defaultSeverity: 'warning', confidence: 'high', cwe: ['CWE-1'], owaspApi: 'API1:2023 x', frameworks: [], requiresTypes: false, fixable: false, messages: { titled: '{{title}} ({{direction}}, {{operation}}, {{path}})' } },
  defaultOptions: {},
  create(context) {
    return {
      schema(schema) {
        const title = stringAt(schema.node, 'title');
        if (title) context.report({ messageId: 'titled', node: schema.node, data: { title, direction: schema.direction, operation: schema.operation.label, path: schema.path } });
      },
    };
  },
});

const throwing = defineSpecRule<Record<string, never>, 'never'>({
  meta: { ...titledSchemas.meta, id: 'spec/test-throws', messages: { never: 'never' } },
  defaultOptions: {},
  create: () => ({
    operation() {
      throw new Error('boom');
    },
  }),
});

const SECURED = `openapi: 3.0.3
info: { title: t, version: '1' }
paths:
  /users:
    get:
      security:
        - BearerAuth: []
      responses:
        '200': { description: ok }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`;

describe('spec analysis in the engine', () => {
  it('YAML and JSON that are not specs are not applicable: no findings, nothing skipped', () => {
    const dir = project({ '.github/workflows/ci.yml': 'on: push\njobs: {}\n', 'tsconfig.json': '{ "compilerOptions": {} }', 'data.json': '{ "nested": { "openapi": "3.0.0" } }' });
    for (const file of ['.github/workflows/ci.yml', 'tsconfig.json', 'data.json']) {
      const analysis = analyse(dir, file);
      assert.deepEqual([analysis.notApplicable, analysis.skipped, analysis.findings], ['not an OpenAPI/Swagger document', undefined, []], file);
    }
  });

  it('a spec with a syntax error gets one invalid-spec finding at the error, nothing else', () => {
    const dir = project({ 'openapi.yaml': SECURED.replace("info: { title: t, version: '1' }", "info: { title: t, version: '1'") });
    assert.deepEqual(summary(analyse(dir, 'openapi.yaml')), [
      '3:1-3:2 invalid-spec This OpenAPI document was not analysed: invalid YAML: Flow map in block collection must be sufficiently indented and end with a }',
    ]);
  });

  it('an unsupported version is named at its value', () => {
    const dir = project({ 'openapi.yaml': 'openapi: 4.0.0\npaths: {}\n' });
    assert.deepEqual(summary(analyse(dir, 'openapi.yaml')), ['1:10-1:15 invalid-spec This OpenAPI document was not analysed: unsupported OpenAPI version "4.0.0" (API Guard reads 2.0, 3.0 and 3.1)']);
  });

  it('a file named in specs.include that is not a spec is told so', () => {
    const dir = project({ 'apiguard.json': '{ "specs": { "include": ["api/*.yaml"] } }', 'api/notes.yaml': 'title: notes\n' });
    assert.deepEqual(summary(analyse(dir, 'api/notes.yaml')), ['1:1-1:1 invalid-spec This OpenAPI document was not analysed: not an OpenAPI document: no "openapi" or "swagger" key at the root']);
  });

  it('one rule throwing is reported as internal-error; the others finish', () => {
    const dir = project({ 'openapi.yaml': SECURED });
    assert.deepEqual(summary(analyse(dir, 'openapi.yaml', [throwing, undefinedSecurityScheme])), [
      '1:1-1:1 internal-error API Guard rule "spec/test-throws" failed on this file and was skipped: boom',
      '7:11-7:21 spec/undefined-security-scheme Security scheme "BearerAuth" is not defined in components.securitySchemes (defined: bearerAuth): nothing says how GET /users is authenticated.',
    ]);
  });

  it('YAML suppressions: a reasoned one hides the finding; an unused one is reported', () => {
    const suppressed = SECURED.replace('        - BearerAuth: []', '        # apiguard-ignore-next-line spec/undefined-security-scheme -- defined by the gateway\n        - BearerAuth: []');
    const dir = project({ 'openapi.yaml': suppressed, 'clean.yaml': SECURED.replace('BearerAuth', 'bearerAuth').replace("  /users:", "  # apiguard-ignore-next-line spec/undefined-security-scheme -- stale\n  /users:") });
    assert.deepEqual(summary(analyse(dir, 'openapi.yaml')), []);
    assert.deepEqual(summary(analyse(dir, 'clean.yaml')), ['4:3-4:70 unused-suppression Unused suppression: no "spec/undefined-security-scheme" finding on line 5. Remove the comment.']);
  });

  it('walks schemas through local and cross-file $refs once per direction; findings in another file sit at the $ref that reaches it', () => {
    const dir = project({
      'openapi.yaml': `openapi: 3.1.0
info: { title: t, version: '1' }
paths:
  /users:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/User' }
      responses:
        '201':
          description: created
          content:
            application/json:
              schema:
                $ref: './schemas/user.yaml#/User'
  /admins:
    post:
      requestBody:
        content:
          application/json:
            schema: { $ref: '#/components/schemas/User' }
      responses:
        '204': { description: done }
components:
  schemas:
    User:
      title: LocalUser
      type: object
      properties:
        self: { $ref: '#/components/schemas/User' }
`,
      'schemas/user.yaml': 'User:\n  title: SharedUser\n  type: object\n  properties:\n    address:\n      title: Address\n      type: object\n',
    });
    const analysis = analyse(dir, 'openapi.yaml', [titledSchemas]);
    assert.deepEqual(summary(analysis), [
      '16:17-16:50 spec/test-titled SharedUser (response, POST /users, 201 response)',
      '16:17-16:50 spec/test-titled Address (response, POST /users, address)',
      '28:7-31:52 spec/test-titled LocalUser (request, POST /users, request body)',
    ]);
    assert.deepEqual(analysis.dependencies, [path.join(dir, 'schemas/user.yaml')]);
  });

  it('reference cycles across files end instead of looping', () => {
    const dir = project({
      'openapi.yaml': "openapi: 3.0.0\ninfo: { title: t, version: '1' }\npaths:\n  /a:\n    $ref: 'b.yaml#/loop'\n  /b:\n    $ref: '#/x-self'\nx-self:\n  $ref: '#/x-self'\n",
      'b.yaml': "loop:\n  $ref: 'openapi.yaml#/paths/~1a'\n",
    });
    assert.deepEqual(summary(analyse(dir, 'openapi.yaml', [titledSchemas])), []);
  });

  it('a 10 MB binary-looking file is skipped with a reason, not parsed', () => {
    const dir = project({ 'openapi.yaml': `openapi: 3.0.0\n${'\u0000'.repeat(100)}` });
    assert.equal(analyse(dir, 'openapi.yaml').skipped, 'skipped: binary content (NUL bytes)');
  });
});
