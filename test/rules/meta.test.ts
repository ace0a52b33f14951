// Conventions enforced by a test, not by memory (typescript-eslint's idea): every rule has its file, test and
// doc page under one name, is registered, and its doc's examples behave as the doc says.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import { ALL_RULES } from '../../rules';
import { ENGINE_FINDING_METAS } from '../../server/engine/engine-findings';
import { docsFileFor } from '../../server/engine/docs-links';
import { runCase } from '../support/rule-tester';
import { ALL_SPEC_RULES } from '../../rules/spec';
import { runSpecCase } from '../support/spec-rule-tester';

const root = path.resolve(__dirname, '../..');

interface DocExample {
  section: 'Incorrect' | 'Correct';
  language: string;
  code: string;
  line: number;
  /**
   * Spec ↔ code rules show both sides: the block of the other kind (spec or code) just before this one in the same
   * section is written next to it (as `openapi.yaml`/`openapi.json` or `src/app.ts`).
   */
  companion?: DocExample;
}

const SPEC_LANGUAGES = new Set(['yaml', 'yml', 'json']);
const isSpecExample = (example: DocExample) => SPEC_LANGUAGES.has(example.language);

/** The companion as a project file for runCase/runSpecCase. */
function companionFiles(example: DocExample): Record<string, string> {
  const companion = example.companion;
  if (!companion) return {};
  const name = isSpecExample(companion) ? (companion.language === 'json' ? 'openapi.json' : 'openapi.yaml') : companion.language === 'js' || companion.language === 'javascript' ? 'src/app.js' : 'src/app.ts';
  return { [name]: companion.code };
}

/** Code blocks under "## Incorrect" and "## Correct" headings (any depth of sub-heading below them). */
function docExamples(markdown: string): DocExample[] {
  const examples: DocExample[] = [];
  let section: DocExample['section'] | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const heading = /^##\s+(.*)$/.exec(line);
    if (heading) {
      section = heading[1]!.trim() === 'Incorrect' ? 'Incorrect' : heading[1]!.trim() === 'Correct' ? 'Correct' : undefined;
      continue;
    }
    const fence = /^```(\w+)\s*$/.exec(line);
    if (fence && section) {
      const start = i;
      const body: string[] = [];
      for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
      const example: DocExample = { section, language: fence[1]!, code: body.join('\n') + '\n', line: start + 1 };
      const previous = examples[examples.length - 1];
      if (previous && previous.section === section && isSpecExample(previous) !== isSpecExample(example)) example.companion = previous;
      examples.push(example);
    }
  }
  return examples;
}

describe('engine finding conventions', () => {
  for (const { id } of ENGINE_FINDING_METAS) {
    it(`${id} has a doc page under docs/engine/ that its links point to`, () => {
      assert.ok(fs.existsSync(path.join(root, 'docs/engine', `${id}.md`)), `docs/engine/${id}.md`);
      assert.equal(docsFileFor(id), path.join(root, 'docs/engine', `${id}.md`));
    });
  }
});

describe('rule conventions', () => {
  const ruleFiles = fs
    .readdirSync(path.join(root, 'rules'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => name.replace(/\.ts$/, ''));

  it('registers every rule file in rules/index.ts, once', () => {
    // Rules of rules/spec/ that read code (spec ↔ code) are registered with the code rules too.
    assert.deepEqual([...ALL_RULES.map((rule) => rule.meta.id).filter((id) => !id.startsWith('spec/'))].sort(), [...ruleFiles].sort());
    assert.equal(new Set(ALL_RULES.map((rule) => rule.meta.id)).size, ALL_RULES.length);
  });

  for (const rule of ALL_RULES) {
    describe(rule.meta.id, () => {
      const id = rule.meta.id;

      it('has a kebab-case id, a test file and a doc page of the same name', () => {
        assert.match(id, /^(spec\/)?[a-z]+(-[a-z]+)*$/);
        assert.ok(fs.existsSync(path.join(root, 'rules', `${id}.ts`)), `rules/${id}.ts`);
        assert.ok(fs.existsSync(path.join(root, 'test/rules', `${id}.test.ts`)), `test/rules/${id}.test.ts`);
        assert.ok(fs.existsSync(path.join(root, 'docs/rules', `${id.replace('/', '-')}.md`)), `docs/rules/${id.replace('/', '-')}.md`);
        assert.equal(docsFileFor(id), path.join(root, 'docs/rules', `${id.replace('/', '-')}.md`));
      });

      it('declares complete metadata', () => {
        const { meta } = rule;
        assert.ok(meta.description.length > 10, 'description');
        assert.ok(meta.cwe.length > 0 && meta.cwe.every((cwe) => /^CWE-\d+$/.test(cwe)), 'cwe');
        assert.match(meta.owaspApi, /^API\d{1,2}:2023 /);
        assert.ok(Object.keys(meta.messages).length > 0, 'messages');
      });

      const docPath = path.join(root, 'docs/rules', `${id.replace('/', '-')}.md`);
      const examples = fs.existsSync(docPath) ? docExamples(fs.readFileSync(docPath, 'utf8')) : [];

      it('documents at least one incorrect and one correct example', () => {
        assert.ok(examples.some((e) => e.section === 'Incorrect'), 'an Incorrect example');
        assert.ok(examples.some((e) => e.section === 'Correct'), 'a Correct example');
      });

      for (const example of examples) {
        // A spec shown for a code rule is the companion of the code after it.
        if (isSpecExample(example)) continue;
        it(`doc example at line ${example.line} (${example.section}) behaves as documented`, () => {
          const extension = example.language === 'js' || example.language === 'javascript' ? 'js' : 'ts';
          const { analysis } = runCase(rule, { code: example.code, filename: `src/example.${extension}`, files: companionFiles(example) });
          assert.deepEqual(analysis.ruleErrors, []);
          const findings = analysis.findings.filter((finding) => finding.ruleId === id);
          if (example.section === 'Incorrect') assert.ok(findings.length > 0, 'expected at least one finding');
          else assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
        });
      }
    });
  }
});

describe('spec rule conventions', () => {
  const ruleFiles = fs
    .readdirSync(path.join(root, 'rules/spec'))
    .filter((name) => name.endsWith('.ts') && name !== 'index.ts')
    .map((name) => `spec/${name.replace(/\.ts$/, '')}`);
  const codeRuleIds = new Set(ALL_RULES.map((rule) => rule.meta.id));

  it('registers every rule file of rules/spec/ in rules/spec/index.ts (or, reading code, in rules/index.ts), once', () => {
    const ids = [...ALL_SPEC_RULES.map((rule) => rule.meta.id), ...[...codeRuleIds].filter((id) => id.startsWith('spec/'))];
    assert.deepEqual([...ids].sort(), [...ruleFiles].sort());
    assert.equal(new Set(ids).size, ids.length);
  });

  for (const rule of ALL_SPEC_RULES) {
    describe(rule.meta.id, () => {
      const id = rule.meta.id;
      const name = id.replace(/^spec\//, '');
      const docPath = path.join(root, 'docs/rules', `spec-${name}.md`);

      it('has an id spec/<kebab-case>, a test file and a doc page of the same name', () => {
        assert.match(id, /^spec\/[a-z]+(-[a-z]+)*$/);
        assert.ok(fs.existsSync(path.join(root, 'rules/spec', `${name}.ts`)), `rules/spec/${name}.ts`);
        assert.ok(fs.existsSync(path.join(root, 'test/rules/spec', `${name}.test.ts`)), `test/rules/spec/${name}.test.ts`);
        assert.ok(fs.existsSync(docPath), `docs/rules/spec-${name}.md`);
        assert.equal(docsFileFor(id), docPath);
      });

      it('declares complete metadata', () => {
        const { meta } = rule;
        assert.equal(meta.category, 'spec');
        assert.ok(meta.description.length > 10, 'description');
        assert.ok(meta.cwe.length > 0 && meta.cwe.every((cwe) => /^CWE-\d+$/.test(cwe)), 'cwe');
        assert.match(meta.owaspApi, /^API\d{1,2}:2023 /);
        assert.ok(Object.keys(meta.messages).length > 0, 'messages');
      });

      const examples = fs.existsSync(docPath) ? docExamples(fs.readFileSync(docPath, 'utf8')) : [];
      it('documents at least one incorrect and one correct example', () => {
        assert.ok(examples.some((e) => e.section === 'Incorrect'), 'an Incorrect example');
        assert.ok(examples.some((e) => e.section === 'Correct'), 'a Correct example');
      });

      for (const example of examples) {
        // Code shown for a spec rule is the companion of the spec after it.
        if (!isSpecExample(example)) continue;
        it(`doc example at line ${example.line} (${example.section}) behaves as documented`, () => {
          const filename = example.language === 'json' ? 'openapi.json' : 'openapi.yaml';
          const { analysis } = runSpecCase(rule, { code: example.code, filename, files: companionFiles(example) });
          assert.deepEqual(analysis.ruleErrors, []);
          assert.deepEqual(analysis.findings.filter((finding) => finding.ruleId === 'invalid-spec').map((f) => f.message), []);
          const findings = analysis.findings.filter((finding) => finding.ruleId === id);
          if (example.section === 'Incorrect') assert.ok(findings.length > 0, 'expected at least one finding');
          else assert.deepEqual(findings.map((f) => `${f.range.start.line + 1}: ${f.message}`), []);
        });
      }
    });
  }
});
