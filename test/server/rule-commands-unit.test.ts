// apiguard.json edits of "Disable <rule> for this folder", on the text alone: line breaks, indentation, options.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { disableRuleInConfigText, newConfigText, RuleCommandError } from '../../server/lsp/rule-commands';

describe('disableRuleInConfigText', () => {
  it('keeps CRLF line breaks and tab indentation', () => {
    assert.equal(
      disableRuleInConfigText('{\r\n\t"rules": {\r\n\t\t"missing-auth": "error"\r\n\t}\r\n}\r\n', 'mass-assignment'),
      '{\r\n\t"rules": {\r\n\t\t"missing-auth": "error",\r\n\t\t"mass-assignment": "off"\r\n\t}\r\n}\r\n',
    );
  });

  it('replaces a severity in place and keeps the comment after it', () => {
    assert.equal(
      disableRuleInConfigText('{\n  "rules": {\n    "spec/basic-auth": "warning" // internal API\n  }\n}\n', 'spec/basic-auth'),
      '{\n  "rules": {\n    "spec/basic-auth": "off" // internal API\n  }\n}\n',
    );
  });

  it('adds "rules" to an empty object, and the new file has the same shape', () => {
    assert.equal(disableRuleInConfigText('{}\n', 'hardcoded-secret'), '{\n  "rules": {\n    "hardcoded-secret": "off"\n  }\n}\n');
    assert.equal(newConfigText('spec/basic-auth'), '{\n  "rules": {\n    "spec/basic-auth": "off"\n  }\n}\n');
  });

  it('refuses a config whose "rules" is not an object, or that is not an object', () => {
    assert.throws(() => disableRuleInConfigText('{ "rules": [] }', 'hardcoded-secret'), new RuleCommandError('"rules" in apiguard.json is not an object; fix it first'));
    assert.throws(() => disableRuleInConfigText('[]', 'hardcoded-secret'), new RuleCommandError('apiguard.json is not a valid JSON object; fix it first'));
  });
});
