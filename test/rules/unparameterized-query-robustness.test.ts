// unparameterized-query on hostile input: generated code with thousands of concatenated terms (no recursion per
// `+`), half-typed code in the editor, and sinks with missing or odd arguments. The rule must answer, not throw.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { unparameterizedQuery } from '../../rules/unparameterized-query';
import { applyEditsToText } from '../../server/engine/edits';
import { runCase } from '../support/rule-tester';

describe('unparameterized-query robustness', () => {
  it('a 20,000-term concatenation is analysed and fixed without overflowing the stack', () => {
    const terms = Array.from({ length: 20_000 }, (_, i) => (i % 2 === 0 ? `  + ' AND c${i} = '` : `  + req.query.a${i}`)).join('\n');
    const code = `import { Pool } from 'pg';\nconst pool = new Pool();\nexport function handler(req: { query: Record<string, string> }) {\n  return pool.query('SELECT 1 WHERE 1 = 1'\n${terms});\n}\n`;
    const { analysis } = runCase(unparameterizedQuery, { code });
    assert.deepEqual(analysis.ruleErrors, []);
    const findings = analysis.findings.filter((f) => f.ruleId === 'unparameterized-query');
    assert.equal(findings.length, 1);
    assert.equal(findings[0]!.messageId, 'requestValue');
    const fixed = applyEditsToText(code, findings[0]!.fixes[0]!.edits);
    assert.match(fixed, /c19998 = \$10000`, \[req\.query\.a1, req\.query\.a3, /);
    assert.equal((fixed.match(/req\.query\.a\d+/g) ?? []).length, 10_000);
  });

  for (const [name, code] of [
    ['an unterminated template in a sink', "import { Pool } from 'pg';\nconst pool = new Pool();\napp.get('/', async (req, res) => {\n  await pool.query(`SELECT * FROM t WHERE a = '${req.query.a"],
    ['a concatenation cut off mid-typing', "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const f = (req: any) => pool.query('SELECT * FROM t WHERE a = ' + "],
    ['a sink without arguments and with a spread argument', "import { Pool } from 'pg';\nconst pool = new Pool();\nexport const f = (args: [string]) => [pool.query(), pool.query(...args)];\n"],
    ['an import without a module name and a require of nothing', "import { Pool } from ;\nconst x = require();\nconst pool = new Pool();\npool.query(`SELECT ${x}`);\n"],
  ] as const) {
    it(`${name}: no rule error`, () => {
      const { analysis } = runCase(unparameterizedQuery, { code });
      assert.deepEqual(analysis.ruleErrors, []);
    });
  }

  it('half-typed code still gets its finding while the rest of the file is broken', () => {
    const code = "import { Pool } from 'pg';\nconst pool = new Pool();\nexport async function f(name: string) {\n  await pool.query(`SELECT * FROM t WHERE name = '${name}'`);\n  const broken = {\n}\n";
    const { analysis } = runCase(unparameterizedQuery, { code });
    assert.deepEqual(
      analysis.findings.filter((f) => f.ruleId === 'unparameterized-query').map((f) => [f.messageId, f.range.start.line]),
      [['parameterValue', 3]],
    );
  });
});

describe('unparameterized-query beside unusual types', () => {
  it('a JSDoc-style function type (unnamed parameter) in the file does not disable the rule: the injection is reported', () => {
    const code = "import mysql from 'mysql';\nconst conn = mysql.createConnection({});\nlet handler: function(string): void;\napp.get('/x', (req, res) => {\n  conn.query(\"SELECT * FROM t WHERE a = '\" + req.query.t + \"'\");\n});\n";
    const { analysis } = runCase(unparameterizedQuery, { code });
    assert.deepEqual(analysis.ruleErrors, []);
    assert.deepEqual(
      analysis.findings.map((f) => [f.ruleId, f.messageId, f.range.start.line, f.range.start.character]),
      [['unparameterized-query', 'requestValue', 4, 13]],
    );
  });
});
