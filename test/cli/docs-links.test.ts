// Every link to a rule page resolves: a `file:` URI to a shipped page by default (no http(s) link unless one is
// configured), the public docs URL when --docs-url / APIGUARD_DOCS_URL says so; SARIF carries each page as help
// text, embedded in dist/cli.js so an installed CLI needs nothing beside it.
import { spawnSync } from 'node:child_process';
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { after, afterEach, before, describe, it } from 'node:test';
import { allFindingMetas } from '../../server/engine/analyzer';
import { DocsUrlError, helpUrlFor, parseDocsBaseUrl, publicHelpUrlFor, setPublicDocsBaseUrl } from '../../server/engine/docs-links';
import { ENGINE_FINDING_METAS } from '../../server/engine/engine-findings';
import { sarifSchemaErrors } from '../report/sarif-schema';
import { DOCS_DIR, docsHref } from '../support/docs-href';
import { CLI, removeDir, runCli, writeFile } from './support';

const SECRET_SOURCE = "export const dbPassword = 'hunter2-but-longer';\n";

describe('doc links', () => {
  afterEach(() => setPublicDocsBaseUrl(undefined));

  it('every finding id links to a shipped page with its title (rule pages with Incorrect and Correct examples)', () => {
    const metas = allFindingMetas();
    // And every shipped page belongs to an id: no page is orphaned.
    const shipped = ['rules', 'engine'].flatMap((folder) => fs.readdirSync(path.join(DOCS_DIR, folder)).map((name) => docsHref(`${folder}/${name}`)));
    assert.deepEqual(metas.map(({ id }) => helpUrlFor(id)).sort(), shipped.sort());
    for (const { id } of metas) {
      const href = helpUrlFor(id);
      assert.match(href, /^file:\/\//, id);
      const page = fs.readFileSync(fileURLToPath(href), 'utf8');
      assert.equal(page.split('\n')[0], `# ${id}`, href);
      if (!ENGINE_FINDING_METAS.some((meta) => meta.id === id)) {
        assert.ok(page.includes('\n## Incorrect\n') && page.includes('\n## Correct\n'), `${href}: Incorrect/Correct sections`);
      }
    }
    assert.equal(helpUrlFor('spec/basic-auth'), docsHref('rules/spec-basic-auth.md'));
    assert.equal(helpUrlFor('too-many-findings'), docsHref('engine/too-many-findings.md'));
  });

  it('no link is http(s) unless a public docs URL is configured; then every link is under it', () => {
    for (const { id } of allFindingMetas()) {
      assert.doesNotMatch(helpUrlFor(id), /^https?:|github\.com/, id);
      assert.equal(publicHelpUrlFor(id), undefined, id);
    }
    setPublicDocsBaseUrl('https://docs.example.com/apiguard/docs');
    assert.equal(helpUrlFor('spec/basic-auth'), 'https://docs.example.com/apiguard/docs/rules/spec-basic-auth.md');
    assert.equal(helpUrlFor('unused-suppression'), 'https://docs.example.com/apiguard/docs/engine/unused-suppression.md');
    assert.equal(publicHelpUrlFor('hardcoded-secret'), 'https://docs.example.com/apiguard/docs/rules/hardcoded-secret.md');
  });

  it('accepts only an http(s) base without query or fragment', () => {
    assert.equal(parseDocsBaseUrl(' https://example.com/d '), 'https://example.com/d/');
    assert.equal(parseDocsBaseUrl(''), undefined);
    assert.throws(() => parseDocsBaseUrl('docs/'), new DocsUrlError('"docs/" is not a URL (expected the http(s) address docs/ is served at)'));
    assert.throws(() => parseDocsBaseUrl('file:///opt/docs'), new DocsUrlError('"file:///opt/docs" is not an http(s) URL'));
    assert.throws(() => parseDocsBaseUrl('https://example.com/?v=1'), new DocsUrlError('"https://example.com/?v=1" has a query or fragment (expected the address docs/ is served at)'));
  });
});

describe('apiguard scan: doc links and SARIF help', () => {
  let project: string;
  let alone: string;
  before(() => {
    project = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-docs-')));
    writeFile(project, 'src/config.ts', SECRET_SOURCE);
    // The CLI bundle alone, as a user might install or vendor it: no docs/ beside it.
    alone = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-cli-alone-')));
    fs.copyFileSync(CLI, path.join(alone, 'cli.js'));
  });
  after(() => {
    removeDir(project);
    removeDir(alone);
  });

  it('SARIF from dist/cli.js alone: every rule carries its page as help, no helpUri, and the log is valid', () => {
    const result = spawnSync(process.execPath, [path.join(alone, 'cli.js'), 'scan', '--format', 'sarif', '--fail-on', 'never'], { cwd: project, encoding: 'utf8', env: { ...process.env, APIGUARD_DOCS_URL: '' } });
    assert.equal(result.status, 0, result.stderr);
    const log = JSON.parse(result.stdout);
    assert.deepEqual(sarifSchemaErrors(log), []);
    const driver = log.runs[0].tool.driver;
    assert.equal(driver.informationUri, undefined);
    for (const rule of driver.rules) {
      assert.equal(rule.helpUri, undefined, rule.id);
      assert.ok(rule.help.markdown.startsWith(`# ${rule.id}\n`), rule.id);
      assert.ok(rule.help.text.startsWith(`${rule.id}\n`), rule.id);
    }
    const secret = driver.rules.find((rule: { id: string }) => rule.id === 'hardcoded-secret');
    // Links into the sources mean nothing in a SARIF viewer without a public URL: their text stays.
    assert.ok(secret.help.markdown.includes('The formats are data in\n`rules/data/secret-providers/`, one file per family of providers; each\nhas'), secret.help.markdown.slice(0, 2000));
    assert.ok(secret.help.markdown.includes('## Incorrect\n\n```'));
    assert.ok(!secret.help.text.includes('```'));
    assert.equal(secret.help.text.split('\n')[0], 'hardcoded-secret');
  });

  it('--docs-url: helpUri, informationUri, JSON helpUri and Markdown links under it; relative links resolved', () => {
    const base = 'https://docs.example.com/apiguard/docs/';
    const sarif = JSON.parse(runCli(['scan', '--format', 'sarif', '--docs-url', base.slice(0, -1)], project).stdout);
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const driver = sarif.runs[0].tool.driver;
    assert.equal(driver.informationUri, base);
    const secret = driver.rules.find((rule: { id: string }) => rule.id === 'hardcoded-secret');
    assert.equal(secret.helpUri, `${base}rules/hardcoded-secret.md`);
    assert.ok(secret.help.markdown.includes('[`rules/data/secret-providers/`](https://docs.example.com/apiguard/rules/data/secret-providers/index.ts)'));
    const json = JSON.parse(runCli(['scan', '--format', 'json', '--docs-url', base], project).stdout);
    assert.deepEqual([...new Set(json.findings.map((finding: { helpUri: string }) => finding.helpUri))], [`${base}rules/hardcoded-secret.md`]);
    const fromEnv = JSON.parse(runCli(['scan', '--format', 'json'], project, { APIGUARD_DOCS_URL: base }).stdout);
    assert.deepEqual([...new Set(fromEnv.findings.map((finding: { helpUri: string }) => finding.helpUri))], [`${base}rules/hardcoded-secret.md`]);
  });

  it('without a docs URL the JSON report links the installed page', () => {
    const json = JSON.parse(runCli(['scan', '--format', 'json'], project, { APIGUARD_DOCS_URL: undefined }).stdout);
    assert.deepEqual([...new Set(json.findings.map((finding: { helpUri: string }) => finding.helpUri))], [docsHref('rules/hardcoded-secret.md')]);
    assert.ok(fs.existsSync(path.join(DOCS_DIR, 'rules/hardcoded-secret.md')));
  });

  it('a docs URL that is not http(s) is a usage error', () => {
    const flag = runCli(['scan', '--docs-url', 'docs/'], project);
    assert.equal(flag.status, 2);
    assert.equal(flag.stderr, 'apiguard: --docs-url: "docs/" is not a URL (expected the http(s) address docs/ is served at)\nRun "apiguard --help" for usage.\n');
    const env = runCli(['scan'], project, { APIGUARD_DOCS_URL: 'ftp://example.com/docs' });
    assert.equal(env.status, 2);
    assert.equal(env.stderr, 'apiguard: APIGUARD_DOCS_URL: "ftp://example.com/docs" is not an http(s) URL\nRun "apiguard --help" for usage.\n');
  });
});
