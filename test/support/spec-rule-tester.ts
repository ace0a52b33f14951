// Table-driven tests for spec rules, like rule-tester.ts for code rules: each case is a spec file (YAML or JSON,
// by `filename`) in its own temporary project folder, positions 1-based as an editor shows them, and `output` the
// spec after applying a fix. A fixed spec must parse (YAML/JSON with no error) and lose the finding it was fixed for.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { SpecRule } from '../../rules/support/spec-rule';
import { Engine } from '../../server/engine/analyzer';
import { parseConfig } from '../../server/engine/config';
import { applyFileEdits } from '../../server/engine/edits';
import type { FileAnalysis, Finding } from '../../server/engine/findings';
import { isSpecCandidateFile, parseSpecText } from '../../server/engine/openapi/parse-spec';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { isScriptFile } from '../../server/engine/source-files';
import { isTestFile } from '../../rules/support/test-files';
import type { ExpectedFinding } from './rule-tester';

export interface SpecValidCase {
  code: string;
  /** Relative to the case's project folder; default `openapi.yaml` (`.json` files are parsed as JSON). */
  filename?: string;
  options?: Record<string, unknown>;
  /** Other files in the project folder (relative path → content), e.g. `$ref` targets. */
  files?: Record<string, string>;
  name?: string;
}

export interface SpecInvalidCase extends SpecValidCase {
  errors: ExpectedFinding[];
  /** The spec after applying the first fix of the first finding (or `fixTitle`'s); `null` asserts there is no fix. */
  output?: string | null;
  /** Other files after that fix (relative path → content). */
  outputFiles?: Record<string, string>;
  fixTitle?: string;
}

export interface SpecCaseRun {
  dir: string;
  filePath: string;
  engine: Engine;
  analysis: FileAnalysis;
}

export function runSpecCase(rule: SpecRule<any>, testCase: SpecValidCase): SpecCaseRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-spec-'));
  for (const [relative, content] of Object.entries({ 'package.json': '{ "name": "fixture", "private": true }\n', ...testCase.files })) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  const filePath = path.join(dir, testCase.filename ?? 'openapi.yaml');
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, testCase.code);
  const config = parseConfig(path.join(dir, 'apiguard.json'), JSON.stringify({ rules: { [rule.meta.id]: { options: testCase.options ?? {} } } }), [rule]);
  // A rule that reads the API model sees the whole fixture (code and specs), indexed as the CLI indexes a workspace.
  let apiIndex: WorkspaceIndex | undefined;
  if (rule.meta.requiresApiModel) {
    apiIndex = new WorkspaceIndex({ isTestFile: (file) => isTestFile(file, dir) });
    for (const [relative, content] of Object.entries(testCase.files ?? {})) {
      if (isScriptFile(relative) || relative.endsWith('.prisma') || isSpecCandidateFile(relative)) apiIndex.indexFile(path.join(dir, relative), content);
    }
    apiIndex.markComplete();
  }
  const engine = new Engine({ rules: [], specRules: [rule], workspaceRoots: [dir], ...(apiIndex ? { apiIndex } : {}) });
  return { dir, filePath, engine, analysis: engine.analyze(filePath, testCase.code, { config }) };
}

export function specRuleFindings(rule: SpecRule<any>, analysis: FileAnalysis): Finding[] {
  assert.deepEqual(analysis.ruleErrors, [], 'the rule threw');
  assert.equal(analysis.skipped, undefined, `the file was skipped: ${analysis.skipped}`);
  assert.equal(analysis.notApplicable, undefined, 'the file was not recognised as a spec');
  const invalid = analysis.findings.filter((finding) => finding.ruleId === 'invalid-spec');
  assert.deepEqual(invalid.map((finding) => finding.message), [], 'the spec did not parse');
  return analysis.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

export function runSpecRuleTests(rule: SpecRule<any>, cases: { valid: (string | SpecValidCase)[]; invalid: SpecInvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const entry of cases.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(caseName(testCase), () => {
          const findings = specRuleFindings(rule, runSpecCase(rule, testCase).analysis);
          assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(caseName(testCase), () => {
          const run = runSpecCase(rule, testCase);
          const findings = specRuleFindings(rule, run.analysis);
          assert.deepEqual(
            findings.map((finding, index) => toExpected(finding, testCase.errors[index])),
            testCase.errors.map((expected) => ({ ...expected })),
          );
          if (testCase.output === undefined) return;
          const first = findings[0]!;
          if (testCase.output === null) {
            assert.deepEqual(first.fixes.map((fix) => fix.title), [], 'expected no fix');
            return;
          }
          const fix = testCase.fixTitle ? first.fixes.find((f) => f.title === testCase.fixTitle) : first.fixes[0];
          assert.ok(fix, `no fix${testCase.fixTitle ? ` titled "${testCase.fixTitle}"` : ''}; have: ${first.fixes.map((f) => f.title).join(', ')}`);
          applyFileEdits(fix.edits);
          const fixed = fs.readFileSync(run.filePath, 'utf8');
          assert.equal(fixed, testCase.output);
          assertSpecParses(run.filePath, fixed);
          const files: Record<string, string> = { ...testCase.files };
          for (const [relative, expected] of Object.entries(testCase.outputFiles ?? {})) {
            const actual = fs.readFileSync(path.join(run.dir, relative), 'utf8');
            assert.equal(actual, expected, relative);
            assertSpecParses(relative, actual);
            files[relative] = actual;
          }
          // The fix must remove the finding it was offered for (same message at the same place, or fewer of them).
          const after = specRuleFindings(rule, runSpecCase(rule, { ...testCase, code: fixed, files }).analysis);
          const sameKind = (finding: Finding) => finding.messageId === first.messageId && finding.message === first.message;
          assert.ok(after.filter(sameKind).length < findings.filter(sameKind).length, `the fix left the finding in place:\n${after.map(describeFinding).join('\n')}`);
        });
      }
    });
  });
}

/** A fixed spec must parse as YAML/JSON without any error. */
export function assertSpecParses(filePath: string, text: string): void {
  const parsed = parseSpecText(filePath, text);
  assert.equal(parsed.error?.message, undefined, `the fixed spec does not parse:\n${text}`);
}

function caseName(testCase: SpecValidCase): string {
  return testCase.name ?? testCase.code.trim().split('\n').slice(0, 3).join(' ').slice(0, 90);
}

function toExpected(finding: Finding, expected: ExpectedFinding | undefined): ExpectedFinding {
  const actual: ExpectedFinding = {
    messageId: finding.messageId,
    line: finding.range.start.line + 1,
    column: finding.range.start.character + 1,
    endLine: finding.range.end.line + 1,
    endColumn: finding.range.end.character + 1,
  };
  if (expected?.message !== undefined) actual.message = finding.message;
  if (expected?.severity !== undefined) actual.severity = finding.severity;
  return actual;
}

function describeFinding(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.messageId}: ${finding.message}`;
}
