// `apiguard scan` over OpenAPI/Swagger specs: YAML and JSON specs are found by content among the walked files,
// other YAML/JSON is skipped silently (or, named explicitly, with the reason), and every report format shows spec
// findings at their file, line and column, with the spec rules' metadata in SARIF.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { sarifSchemaErrors } from '../report/sarif-schema';
import { normalizeDuration, removeDir, runCli, writeFile } from './support';
import { DOCS_DIR, docsHref } from '../support/docs-href';

const RULE = 'spec/undefined-security-scheme';

const OPENAPI_YAML = `openapi: 3.0.3
info: { title: Users, version: '1' }
paths:
  /users:
    get:
      security:
        - BearerAuth: []
      responses:
        '200': { description: ok }
        '401': { description: unauthenticated }
        '429': { description: too many requests }
components:
  securitySchemes:
    bearerAuth: { type: http, scheme: bearer }
`;

const SWAGGER_JSON = `{
  "swagger": "2.0",
  "info": { "title": "Legacy", "version": "1" },
  "security": [{ "token": [] }],
  "paths": {}
}
`;

const OPENAPI_31_YML = `openapi: 3.1.0
info: { title: Clean, version: '1' }
paths: {}
`;

const YAML_MESSAGE = 'Security scheme "BearerAuth" is not defined in components.securitySchemes (defined: bearerAuth): nothing says how GET /users is authenticated.';
const JSON_MESSAGE = 'Security scheme "token" is not defined in securityDefinitions (none are defined): nothing says how the API is authenticated.';

describe('apiguard scan: OpenAPI/Swagger specs', () => {
  let project: string;
  before(() => {
    project = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-specs-'));
    writeFile(project, 'api/openapi.yaml', OPENAPI_YAML);
    writeFile(project, 'api/legacy/swagger.json', SWAGGER_JSON);
    writeFile(project, 'api/clean.yml', OPENAPI_31_YML);
    // YAML/JSON that is not a spec: walked past without a word.
    writeFile(project, '.github/workflows/ci.yml', 'name: ci\non: [push]\njobs: {}\n');
    writeFile(project, 'package.json', '{ "name": "api", "config": { "openapi": "3.0.3" } }\n');
    writeFile(project, 'tsconfig.json', '{ "compilerOptions": { "strict": true } }\n');
    // Over the 1 MB script limit and not a spec by its head: never reported, never analysed.
    writeFile(project, 'data/fixtures.json', `[${'{"id": 1, "name": "row"},'.repeat(60_000)}{"id": 0}]\n`);
    writeFile(project, 'src/app.ts', 'export const port = 3000;\n');
  });
  after(() => removeDir(project));

  it('finds specs by content and prints their findings at path:line:col; other YAML/JSON is skipped silently', () => {
    const run = runCli(['scan'], project);
    assert.equal(run.stderr, '');
    assert.equal(
      normalizeDuration(run.stdout),
      `api/legacy/swagger.json:4:18  error    ${RULE}  ${JSON_MESSAGE}
api/openapi.yaml:7:11  error    ${RULE}  ${YAML_MESSAGE}

2 errors, 0 warnings in 2 files (4 files scanned in <T> ms)
`,
    );
    assert.equal(run.status, 1);
    const report = JSON.parse(runCli(['scan', '--format', 'json'], project).stdout);
    assert.deepEqual(report.filesScanned, ['api/clean.yml', 'api/legacy/swagger.json', 'api/openapi.yaml', 'src/app.ts']);
    assert.deepEqual(report.skipped ?? [], []);
  });

  it('says why a YAML/JSON file named explicitly is not analysed', () => {
    const run = runCli(['scan', '.github/workflows/ci.yml', 'package.json', 'data/fixtures.json', 'api/clean.yml'], project);
    assert.equal(
      normalizeDuration(run.stdout),
      `.github/workflows/ci.yml  skipped: not a JavaScript, TypeScript or OpenAPI file
data/fixtures.json  skipped: not a JavaScript, TypeScript or OpenAPI file
package.json  skipped: not a JavaScript, TypeScript or OpenAPI file

0 errors, 0 warnings in 0 files (1 file scanned, 3 skipped in <T> ms)
`,
    );
    assert.equal(run.status, 0);
  });

  it('SARIF: valid, spec rule metadata included, results located in the spec files', () => {
    const log = JSON.parse(runCli(['scan', '--format', 'sarif'], project).stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const [run] = log.runs;
    const rule = run.tool.driver.rules.find((candidate: { id: string }) => candidate.id === RULE);
    assert.equal(rule.shortDescription.text, 'Security requirements that name a scheme the spec does not define.');
    // The page's text is the help (embedded in dist/cli.js); no helpUri without a public docs URL.
    assert.equal(rule.helpUri, undefined);
    assert.equal(rule.help.markdown, fs.readFileSync(path.join(DOCS_DIR, 'rules/spec-undefined-security-scheme.md'), 'utf8').trimEnd());
    assert.deepEqual(
      run.results.map((result: any) => [result.ruleId, result.level, result.locations[0].physicalLocation.artifactLocation.uri, result.locations[0].physicalLocation.region, result.ruleIndex]),
      [
        [RULE, 'error', 'api/legacy/swagger.json', { startLine: 4, startColumn: 18, endLine: 4, endColumn: 25 }, run.tool.driver.rules.indexOf(rule)],
        [RULE, 'error', 'api/openapi.yaml', { startLine: 7, startColumn: 11, endLine: 7, endColumn: 21 }, run.tool.driver.rules.indexOf(rule)],
      ],
    );
  });

  it('Markdown and HTML name the spec files and the finding lines', () => {
    const markdown = runCli(['scan', '--format', 'markdown'], project).stdout;
    assert.ok(markdown.includes('### api/openapi.yaml\n'), markdown);
    assert.ok(markdown.includes(`| 7:11 | error | [${RULE}](${docsHref('rules/spec-undefined-security-scheme.md')}) | ${YAML_MESSAGE} |`), markdown);
    assert.ok(markdown.includes('### api/legacy/swagger.json\n'), markdown);
    const html = runCli(['scan', '--format', 'html'], project).stdout;
    assert.ok(html.includes('api/openapi.yaml'));
    assert.ok(html.includes('7:11'), 'the YAML finding\'s line:column');
    assert.ok(html.includes('4:18'), 'the JSON finding\'s line:column');
    assert.ok(html.includes(RULE));
  });

  it('honours "specs.include" for a spec without a root openapi key, and "specs.maxFileSize"', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-specs-config-'));
    try {
      writeFile(dir, 'apiguard.json', JSON.stringify({ specs: { include: ['contracts/*.yaml'], maxFileSize: 1.5 * 1024 * 1024 } }));
      writeFile(dir, 'contracts/partial.yaml', 'paths: {}\n');
      // Over the script limit (1 MB) and the configured spec limit: its size is checked before it is read.
      writeFile(dir, 'big/openapi.yaml', `${OPENAPI_YAML}${'# padding padding padding padding padding padding\n'.repeat(40_000)}`);
      const run = runCli(['scan'], dir);
      assert.equal(
        normalizeDuration(run.stdout),
        `contracts/partial.yaml:1:1  error    invalid-spec  This OpenAPI document was not analysed: not an OpenAPI document: no "openapi" or "swagger" key at the root
big/openapi.yaml  skipped: spec is 1.9 MB, over the 1.5 MB limit (raise "specs.maxFileSize" in apiguard.json to analyse it)

1 error, 0 warnings in 1 file (1 file scanned, 1 skipped in <T> ms)
`,
      );
    } finally {
      removeDir(dir);
    }
  });
});
