// apiguard.json: validation messages users read, nearest-file resolution, ignores and cache invalidation.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { defineRule } from '../../rules/support/rule';
import { ConfigError, ConfigResolver, parseConfig } from '../../server/engine/config';

const rule = defineRule<{ strict: boolean }, 'm'>({
  meta: {
    id: 'sample-rule',
    description: 'sample',
    category: 'secrets',
    defaultSeverity: 'error',
    confidence: 'high',
    cwe: [],
    owaspApi: '',
    frameworks: [],
    requiresTypes: false,
    fixable: false,
    messages: { m: 'm' },
  },
  defaultOptions: { strict: false },
  create: () => ({}),
});

function configError(text: string): string {
  try {
    parseConfig('/ws/apiguard.json', text, [rule]);
  } catch (error) {
    assert.ok(error instanceof ConfigError);
    return error.message;
  }
  assert.fail('expected a ConfigError');
}

describe('apiguard.json', () => {
  it('applies severities and merges options over defaults', () => {
    assert.deepEqual(parseConfig('/ws/apiguard.json', '{}', [rule]).rules.get('sample-rule'), { severity: 'error', options: { strict: false } });
    assert.deepEqual(parseConfig('/ws/apiguard.json', '{ "rules": { "sample-rule": "warning" } }', [rule]).rules.get('sample-rule'), {
      severity: 'warning',
      options: { strict: false },
    });
    const withOptions = parseConfig('/ws/apiguard.json', '{ "rules": { "sample-rule": { "options": { "strict": true } } } }', [rule]);
    assert.deepEqual(withOptions.rules.get('sample-rule'), { severity: 'error', options: { strict: true } });
    assert.equal(parseConfig('/ws/apiguard.json', '{ "rules": { "sample-rule": "off" } }', [rule]).rules.has('sample-rule'), false);
  });

  it('accepts comments and trailing commas', () => {
    const config = parseConfig('/ws/apiguard.json', '{\n  // quieter for now\n  "rules": { "sample-rule": "warning", },\n}', [rule]);
    assert.equal(config.rules.get('sample-rule')?.severity, 'warning');
  });

  it('explains what is wrong', () => {
    assert.equal(configError('{ "rules": { '), '/ws/apiguard.json: invalid JSON at 1:14: close brace expected');
    assert.equal(configError('[]'), '/ws/apiguard.json: expected an object like { "rules": { … }, "ignore": [ … ] }');
    assert.equal(configError('{ "rule": {} }'), '/ws/apiguard.json: unknown key "rule" (expected one of: rules, ignore, maxFileSize, maxFindingsPerFile, auth, specs)');
    assert.equal(configError('{ "rules": { "no-such-rule": "error" } }'), '/ws/apiguard.json: unknown rule "no-such-rule" in "rules" (known rules: sample-rule)');
    assert.equal(
      configError('{ "rules": { "sample-rule": "fatal" } }'),
      '/ws/apiguard.json: rules["sample-rule"]: "fatal" is not a severity (use "off", "hint", "info", "warning" or "error")',
    );
    assert.equal(
      configError('{ "rules": { "sample-rule": { "options": { "strcit": true } } } }'),
      '/ws/apiguard.json: unknown option "strcit" for rule "sample-rule" (known options: strict)',
    );
    assert.equal(configError('{ "ignore": "dist" }'), '/ws/apiguard.json: "ignore" must be an array of glob strings (gitignore syntax)');
    assert.equal(configError('{ "maxFileSize": -1 }'), '/ws/apiguard.json: "maxFileSize" must be a positive number of bytes');
    for (const value of ['0', '2.5', '"500"', 'null']) {
      assert.equal(configError(`{ "maxFindingsPerFile": ${value} }`), '/ws/apiguard.json: "maxFindingsPerFile" must be a positive whole number');
    }
  });

  it('matches ignore globs relative to the config file', () => {
    const config = parseConfig('/ws/apiguard.json', '{ "ignore": ["generated/", "**/*.fixture.ts"] }', [rule]);
    assert.equal(config.isIgnored('/ws/generated/client.ts'), true);
    assert.equal(config.isIgnored('/ws/src/users.fixture.ts'), true);
    assert.equal(config.isIgnored('/ws/src/users.ts'), false);
    assert.equal(config.isIgnored('/elsewhere/generated/client.ts'), false);
  });

  it('uses the nearest apiguard.json up the tree, and picks up edits', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-config-'));
    fs.mkdirSync(path.join(dir, 'packages/api/src'), { recursive: true });
    fs.mkdirSync(path.join(dir, 'packages/web/src'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'apiguard.json'), '{ "rules": { "sample-rule": "warning" } }');
    fs.writeFileSync(path.join(dir, 'packages/api/apiguard.json'), '{ "rules": { "sample-rule": "off" } }');
    const resolver = new ConfigResolver([rule], undefined, [dir]);
    assert.equal(resolver.configFor(path.join(dir, 'packages/api/src/a.ts')).rules.has('sample-rule'), false);
    assert.equal(resolver.configFor(path.join(dir, 'packages/web/src/a.ts')).rules.get('sample-rule')?.severity, 'warning');

    fs.writeFileSync(path.join(dir, 'packages/api/apiguard.json'), '{ "rules": { "sample-rule": "info" } }');
    assert.equal(resolver.configFor(path.join(dir, 'packages/api/src/a.ts')).rules.get('sample-rule')?.severity, 'info');

    fs.writeFileSync(path.join(dir, 'packages/api/apiguard.json'), '{ "rules": ');
    assert.throws(() => resolver.configFor(path.join(dir, 'packages/api/src/a.ts')), /packages\/api\/apiguard\.json: invalid JSON/);

    fs.rmSync(path.join(dir, 'packages/api/apiguard.json'));
    resolver.invalidate();
    assert.equal(resolver.configFor(path.join(dir, 'packages/api/src/a.ts')).rules.get('sample-rule')?.severity, 'warning');
  });

  it('lets an explicit config win and reports a missing one', () => {
    const resolver = new ConfigResolver([rule], '/does/not/exist/apiguard.json');
    assert.throws(() => resolver.configFor('/ws/a.ts'), { message: '/does/not/exist/apiguard.json: file not found' });
  });
});

describe('apiguard.json files that are not plain valid JSON files', () => {
  const tempDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-config-'));

  it('accepts a UTF-8 byte order mark, and places errors after one where they are', () => {
    assert.equal(parseConfig('/ws/apiguard.json', '\uFEFF{ "rules": { "sample-rule": "warning" } }', [rule]).rules.get('sample-rule')?.severity, 'warning');
    assert.throws(() => parseConfig('/ws/apiguard.json', '\uFEFF{\n  "rules": }', [rule]), (error: unknown) => {
      assert.ok(error instanceof ConfigError);
      assert.equal(error.message, '/ws/apiguard.json: invalid JSON at 2:12: value expected');
      assert.equal(error.offset, 14);
      return true;
    });
  });

  it('reports a directory named apiguard.json as a config error, not a crash', () => {
    const dir = tempDir();
    fs.mkdirSync(path.join(dir, 'apiguard.json'));
    const resolver = new ConfigResolver([rule], undefined, [dir]);
    assert.throws(() => resolver.configFor(path.join(dir, 'a.ts')), {
      message: `${path.join(dir, 'apiguard.json')}: is not a file (a directory has that name): remove or rename it`,
    });
  });

  it('refuses a config over 256 KB without parsing it', () => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'apiguard.json'), `{ "ignore": [${'"x",'.repeat(70_000)} "y"] }`);
    const resolver = new ConfigResolver([rule], undefined, [dir]);
    assert.throws(() => resolver.configFor(path.join(dir, 'a.ts')), {
      message: `${path.join(dir, 'apiguard.json')}: file is 273 KB, over the 256 KB limit for a config file: not read`,
    });
    assert.throws(() => parseConfig('/ws/apiguard.json', ' '.repeat(300 * 1024), [rule]), /over the 256 KB limit/);
  });

  it('stops the search at each file\'s own workspace folder, whatever the folders\' order', () => {
    const dir = tempDir();
    for (const folder of ['a/src', 'b/src']) fs.mkdirSync(path.join(dir, folder), { recursive: true });
    // Above both workspace folders: applies to neither.
    fs.writeFileSync(path.join(dir, 'apiguard.json'), '{ "rules": { "sample-rule": "off" } }');
    for (const roots of [[path.join(dir, 'a'), path.join(dir, 'b')], [path.join(dir, 'b'), path.join(dir, 'a')]]) {
      const resolver = new ConfigResolver([rule], undefined, roots);
      assert.equal(resolver.configFor(path.join(dir, 'a/src/x.ts')).rules.get('sample-rule')?.severity, 'error', `a with roots ${roots}`);
      assert.equal(resolver.configFor(path.join(dir, 'b/src/x.ts')).rules.get('sample-rule')?.severity, 'error', `b with roots ${roots}`);
    }
    // Nested folders: the deepest one that holds the file bounds its search.
    fs.writeFileSync(path.join(dir, 'a/apiguard.json'), '{ "rules": { "sample-rule": "warning" } }');
    const nested = new ConfigResolver([rule], undefined, [dir, path.join(dir, 'a/src')]);
    assert.equal(nested.configFor(path.join(dir, 'a/src/x.ts')).rules.get('sample-rule')?.severity, 'error');
    assert.equal(nested.configFor(path.join(dir, 'b/src/x.ts')).rules.has('sample-rule'), false);
  });

  it('keeps the last valid config (with the current error) only when asked to', () => {
    const dir = tempDir();
    const configPath = path.join(dir, 'apiguard.json');
    fs.writeFileSync(configPath, '{ "rules": { "sample-rule": "warning" } }');
    const editor = new ConfigResolver([rule], undefined, [dir], true);
    const cli = new ConfigResolver([rule], undefined, [dir]);
    const file = path.join(dir, 'a.ts');
    assert.equal(editor.configFor(file).rules.get('sample-rule')?.severity, 'warning');
    assert.equal(cli.configFor(file).rules.get('sample-rule')?.severity, 'warning');

    fs.writeFileSync(configPath, '{ "rules": { "sample-rule": "loud" } }');
    editor.invalidate();
    const resolved = editor.resolve(file);
    assert.equal(resolved.config.rules.get('sample-rule')?.severity, 'warning');
    assert.equal(resolved.error?.message, `${configPath}: rules["sample-rule"]: "loud" is not a severity (use "off", "hint", "info", "warning" or "error")`);
    assert.throws(() => cli.configFor(file), /"loud" is not a severity/);

    fs.writeFileSync(configPath, '{ "rules": { "sample-rule": "info" } }');
    editor.invalidate();
    assert.deepEqual({ severity: editor.resolve(file).config.rules.get('sample-rule')?.severity, error: editor.resolve(file).error }, { severity: 'info', error: undefined });
  });
});
