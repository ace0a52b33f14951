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
    assert.equal(configError('{ "rule": {} }'), '/ws/apiguard.json: unknown key "rule" (expected one of: rules, ignore, maxFileSize, maxFindingsPerFile)');
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
    const resolver = new ConfigResolver([rule], undefined, dir);
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
