// The OWASP API Security Top 10 (2023) table the reports group by: every rule is in it exactly once or listed as
// unmapped with a reason, and it agrees with each rule's own `meta.owaspApi` (SARIF tags come from there).
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { OWASP_API_TOP_10, owaspItemFor, UNMAPPED_FINDING_IDS } from '../../rules/data/owasp-api-top10';
import { ALL_SPEC_RULES } from '../../rules/spec';
import { allFindingMetas } from '../../server/engine/analyzer';
import { ENGINE_FINDING_METAS } from '../../server/engine/engine-findings';

describe('OWASP API Top 10 mapping', () => {
  it('lists the ten 2023 items in order, each with its page on owasp.org', () => {
    assert.deepEqual(
      OWASP_API_TOP_10.map((item) => item.id),
      ['API1:2023', 'API2:2023', 'API3:2023', 'API4:2023', 'API5:2023', 'API6:2023', 'API7:2023', 'API8:2023', 'API9:2023', 'API10:2023'],
    );
    for (const item of OWASP_API_TOP_10) assert.match(item.url, /^https:\/\/owasp\.org\/API-Security\/editions\/2023\/en\/0xa[1-9a]-[a-z-]+\/$/, item.id);
  });

  it('maps every rule (code and spec) exactly once, to the item its meta names', () => {
    const mapped = OWASP_API_TOP_10.flatMap((item) => item.ruleIds);
    assert.equal(new Set(mapped).size, mapped.length, 'a rule listed under two items');
    for (const rule of [...ALL_RULES, ...ALL_SPEC_RULES]) {
      const item = owaspItemFor(rule.meta.id);
      assert.ok(item, `${rule.meta.id} is neither mapped nor listed as unmapped`);
      assert.equal(`${item.id} ${item.title}`, rule.meta.owaspApi, rule.meta.id);
    }
  });

  it('lists no id that is not a rule, and leaves exactly the engine notices unmapped', () => {
    const ids = new Set(allFindingMetas().map((meta) => meta.id));
    for (const ruleId of OWASP_API_TOP_10.flatMap((item) => item.ruleIds)) assert.ok(ids.has(ruleId), `${ruleId} is not a rule`);
    assert.deepEqual(Object.keys(UNMAPPED_FINDING_IDS).sort(), ENGINE_FINDING_METAS.map((meta) => meta.id).sort());
    for (const meta of ENGINE_FINDING_METAS) assert.equal(owaspItemFor(meta.id, 'API8:2023 Security Misconfiguration'), undefined, meta.id);
  });

  it('falls back to a rule meta that names an item (a plugin or test rule), and to nothing for an unknown one', () => {
    assert.equal(owaspItemFor('someone-elses-rule', 'API7:2023 Server Side Request Forgery')?.title, 'Server Side Request Forgery');
    assert.equal(owaspItemFor('someone-elses-rule', 'API11:2023 Not An Item'), undefined);
    assert.equal(owaspItemFor('someone-elses-rule', ''), undefined);
  });
});
