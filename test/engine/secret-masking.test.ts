// Secrets quoted in findings: `maskSecrets` (rules/support/secret-text.ts) and the engine applying it to every
// finding's message, data and fix titles, whatever the rule.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { SECRET_PROVIDER_SAMPLES } from '../../rules/data/secret-provider-samples';
import { SECRET_PROVIDERS } from '../../rules/data/secret-providers';
import { defineRule } from '../../rules/support/rule';
import { maskSecrets, redact } from '../../rules/support/secret-text';
import { Engine, formatMessage } from '../../server/engine/analyzer';
import { defaultConfig } from '../../server/engine/config';

// Assembled so that no full token sits verbatim in this file (hosting-side secret scanners).
const GITHUB_TOKEN = 'ghp_' + 'R8kT2mVq9LxW4nZ7pB3c' + 'Y6dF1hJ5sA0eGuKo';
const RANDOM_BASE62 = 'xQ7vLp2Rk9Tz' + 'W4mN8bYc3Hs6Fd';
const HEX_KEY = '9f86d081884c7d65' + '9a2feaa0c55ad015a3bf4f1b';
const AWS_SECRET = 'wJalrXUtnFEMI/K7MDENG' + '/bPxRfiCYzQ8LkW3nTs';

describe('maskSecrets', () => {
  it('masks a provider token inside a longer quoted expression, in the redacted form hardcoded-secret shows', () => {
    assert.equal(maskSecrets(`req.query.t || '${GITHUB_TOKEN}'`), "req.query.t || 'ghp_…(40 chars)'");
    assert.equal(redact(GITHUB_TOKEN), 'ghp_…(40 chars)');
  });

  it('masks every token of a text, each in place', () => {
    assert.equal(maskSecrets(`f('${GITHUB_TOKEN}', "${RANDOM_BASE62}") + '${HEX_KEY}'`), "f('ghp_…(40 chars)', \"xQ7v…(26 chars)\") + '9f86…(40 chars)'");
  });

  it('masks high-entropy strings with no provider format, and whole-value formats by their hint (AWS secret key)', () => {
    assert.equal(maskSecrets(`'Bearer ${RANDOM_BASE62}'`), "'Bearer xQ7v…(26 chars)'");
    assert.equal(maskSecrets(`process.env.AWS_SECRET_ACCESS_KEY || '${AWS_SECRET}'`), "process.env.AWS_SECRET_ACCESS_KEY || 'wJal…(40 chars)'");
  });

  it('masks a token a rule cut short with an ellipsis', () => {
    assert.equal(maskSecrets(`req.query.t || '${GITHUB_TOKEN.slice(0, 19)}…`), "req.query.t || 'ghp_…(19 chars)…");
    assert.equal(maskSecrets(`a + '${RANDOM_BASE62.slice(0, 22)}…`), "a + 'xQ7v…(22 chars)…");
    assert.equal(maskSecrets(`req.query.${RANDOM_BASE62.slice(0, 19)}…`), 'req.query.xQ7v…(19 chars)…');
    assert.equal(maskSecrets('req.query.aVeryLongParameterName2…'), 'req.query.aVeryLongParameterName2…');
  });

  it("masks every provider's true samples when quoted in an expression", () => {
    const leaks: string[] = [];
    for (const provider of SECRET_PROVIDERS) {
      for (const sample of SECRET_PROVIDER_SAMPLES[provider.id]?.positive ?? []) {
        const { value, sinkName, textBefore = '', textAfter = '' } = typeof sample === 'string' ? { value: sample } : sample;
        const quoted = `${textBefore}${sinkName ?? 'value'} || '${value}'${textAfter}`;
        if (maskSecrets(quoted).includes(value)) leaks.push(`${provider.id}: ${redact(value)}`);
      }
    }
    assert.deepEqual(leaks, []);
  });

  it('leaves ordinary source text alone (the same string)', () => {
    for (const text of [
      'req.query.t',
      "SELECT * FROM users WHERE email = '",
      '`conn.query` (mysql)',
      'handleOAuth2CallbackForProvider',
      'userService.findAll2ByAccountId',
      'req.body.userAccountId2',
      'process.env.DATABASE_URL_V2',
      'Sequelize.QueryTypes.SELECT_2023',
      '/usr/local/lib/node_modules/pg/lib/index.js',
      'src/routes/usersController2.ts',
      'https://api.example.com/v2/users?page=2',
      'postgres://app:app@localhost:5432/app',
      'MOZ_WEBGL_compressed_texture_s3tc',
      // UUIDs identify records, they do not authenticate: not masked (hardcoded-secret ignores them too).
      "id = '3f2504e0-4f89-41d3-9a0c-0305e82c3301'",
      // hardcoded-secret's own data: already redacted, and a fingerprint.
      'ghp_…(40 chars)',
      'efb2bb53',
      'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789',
    ]) {
      assert.equal(maskSecrets(text), text, text);
    }
  });
});

const baseMeta = {
  description: 'test rule',
  category: 'injection' as const,
  defaultSeverity: 'warning' as const,
  confidence: 'high' as const,
  cwe: [],
  owaspApi: '',
  frameworks: [],
  requiresTypes: false,
  fixable: true,
};

/** Quotes every call's whole text in its message, data and fix title, as a careless rule would. */
const quotesCalls = defineRule<{}, 'quoted'>({
  meta: { ...baseMeta, id: 'quotes-calls', messages: { quoted: 'Call `{{call}}` ({{count}} arguments).' } },
  defaultOptions: {},
  create(context) {
    return {
      [ts.SyntaxKind.CallExpression]: (node) => {
        const call = node as ts.CallExpression;
        const text = call.getText(context.sourceFile);
        context.report({ node, messageId: 'quoted', data: { call: text, count: call.arguments.length }, fixes: [{ title: `Rewrite ${text}`, edits: [{ start: call.getStart(context.sourceFile), end: call.end, newText: text }] }] });
      },
    };
  },
});

describe('the engine masks every finding', () => {
  const engine = new Engine({ rules: [quotesCalls], reader: { readFile: () => undefined, fileExists: () => false } });

  it("a rule's message, data and fix titles lose the token; the fix's edit keeps the code as it is", () => {
    const code = `run(req.query.t || '${GITHUB_TOKEN}');\n`;
    const [finding, ...others] = engine.analyze('/project/a.ts', code, { config: defaultConfig([quotesCalls]) }).findings;
    assert.deepEqual(others, []);
    assert.equal(finding!.message, "Call `run(req.query.t || 'ghp_…(40 chars)')` (1 arguments).");
    assert.deepEqual(finding!.data, { call: "run(req.query.t || 'ghp_…(40 chars)')", count: 1 });
    assert.equal(finding!.fixes[0]!.title, "Rewrite run(req.query.t || 'ghp_…(40 chars)')");
    assert.equal(finding!.fixes[0]!.edits[0]!.newText, `run(req.query.t || '${GITHUB_TOKEN}')`);
  });

  it('formatMessage masks what it interpolates, and only that', () => {
    assert.equal(formatMessage(`{{a}} and ${RANDOM_BASE62}`, { a: RANDOM_BASE62 }), `xQ7v…(26 chars) and ${RANDOM_BASE62}`);
  });
});
