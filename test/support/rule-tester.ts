// Table-driven rule tests in the style of typescript-eslint's RuleTester, on Node's built-in runner.
// Each case runs in its own temporary project folder (so fixes that touch .env/.gitignore are observable),
// positions are 1-based like an editor shows them, and `output` is the file after applying the first fix.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { Rule, Severity } from '../../rules/support/rule';
import { Engine } from '../../server/engine/analyzer';
import { parseConfig } from '../../server/engine/config';
import type { FileAnalysis, Finding, Fix } from '../../server/engine/findings';
import { parse as parseEstree } from '@typescript-eslint/typescript-estree';
import { applyFileEdits } from '../../server/engine/edits';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { isScriptFile } from '../../server/engine/source-files';
import { isSpecCandidateFile } from '../../server/engine/openapi/parse-spec';
import { isTestFile } from '../../rules/support/test-files';

export interface ValidCase {
  code: string;
  /** Relative to the case's project folder; default `src/app.ts`. */
  filename?: string;
  options?: Record<string, unknown>;
  /** Other files in the project folder (relative path → content). */
  files?: Record<string, string>;
  /** apiguard.json "auth" settings (for rules that read the API model). */
  auth?: { middleware?: string[]; publicRoutes?: string[] };
  name?: string;
}

export interface ExpectedFinding {
  messageId: string;
  /** Exact message, when given. */
  message?: string;
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  severity?: Severity;
}

export interface InvalidCase extends ValidCase {
  errors: ExpectedFinding[];
  /** This file's text after applying the first fix of the first finding; `null` asserts there is no fix. */
  output?: string | null;
  /** Other files after that fix (relative path → content, `null` = must not exist). */
  outputFiles?: Record<string, string | null>;
  /** Title of the fix that `output` applies (default: the first fix). */
  fixTitle?: string;
  /**
   * Why the fix leaves its finding in place (a finding over several values, the fix securing one of them); every
   * other fix must remove the finding it was offered for.
   */
  fixKeepsFinding?: string;
}

export interface CaseRun {
  dir: string;
  filePath: string;
  engine: Engine;
  analysis: FileAnalysis;
}

export function runCase(rule: Rule<any>, testCase: ValidCase): CaseRun {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-rule-'));
  const files = { 'package.json': '{ "name": "fixture", "private": true }\n', ...testCase.files };
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  const filePath = path.join(dir, testCase.filename ?? 'src/app.ts');
  fs.mkdirSync(path.dirname(filePath), { recursive: true });
  fs.writeFileSync(filePath, testCase.code);
  const configText = JSON.stringify({ rules: { [rule.meta.id]: { options: testCase.options ?? {} } }, ...(testCase.auth ? { auth: testCase.auth } : {}) });
  const config = parseConfig(path.join(dir, 'apiguard.json'), configText, [rule]);
  // A rule that reads the API model sees the whole fixture, indexed as the server and the CLI index a workspace.
  let apiIndex: WorkspaceIndex | undefined;
  if (rule.meta.requiresApiModel || rule.meta.refinedByApiModel) {
    apiIndex = new WorkspaceIndex({ authSettingsFor: () => config.auth, isTestFile: (file) => isTestFile(file, dir) });
    for (const [relative, content] of Object.entries(files)) {
      // Scripts, Prisma schemas for the data-model catalogue, and OpenAPI/Swagger specs for ApiModel.specs.
      if (isScriptFile(relative) || relative.endsWith('.prisma') || isSpecCandidateFile(relative)) apiIndex.indexFile(path.join(dir, relative), content);
    }
    apiIndex.markComplete();
  }
  const engine = new Engine({ rules: [rule], workspaceRoots: [dir], ...(apiIndex ? { apiIndex } : {}) });
  const analysis = engine.analyze(filePath, testCase.code, { config });
  return { dir, filePath, engine, analysis };
}

function ruleFindings(rule: Rule<any>, analysis: FileAnalysis): Finding[] {
  assert.deepEqual(analysis.ruleErrors, [], 'the rule threw');
  assert.equal(analysis.skipped, undefined, `the file was skipped: ${analysis.skipped}`);
  return analysis.findings.filter((finding) => finding.ruleId === rule.meta.id);
}

function caseName(testCase: ValidCase): string {
  return testCase.name ?? testCase.code.trim().split('\n')[0]!.slice(0, 90);
}

export function runRuleTests(rule: Rule<any>, cases: { valid: (string | ValidCase)[]; invalid: InvalidCase[] }): void {
  describe(rule.meta.id, () => {
    describe('valid', () => {
      for (const entry of cases.valid) {
        const testCase = typeof entry === 'string' ? { code: entry } : entry;
        it(caseName(testCase), () => {
          const { analysis } = runCase(rule, testCase);
          const findings = ruleFindings(rule, analysis);
          assert.deepEqual(findings.map(describeFinding), [], 'expected no findings');
        });
      }
    });
    describe('invalid', () => {
      for (const testCase of cases.invalid) {
        it(caseName(testCase), () => {
          const run = runCase(rule, testCase);
          const findings = ruleFindings(rule, run.analysis);
          assert.deepEqual(
            findings.map((finding, index) => toExpected(finding, testCase.errors[index])),
            testCase.errors.map((expected) => ({ ...expected })),
          );
          if (testCase.output === undefined) return;
          const first = findings[0]!;
          if (testCase.output === null) {
            assert.deepEqual(first.fixes.map((f) => f.title), [], 'expected no fix');
            return;
          }
          const fix = testCase.fixTitle ? first.fixes.find((f) => f.title === testCase.fixTitle) : first.fixes[0];
          assert.ok(fix, `no fix${testCase.fixTitle ? ` titled "${testCase.fixTitle}"` : ''}; have: ${first.fixes.map((f) => f.title).join(', ')}`);
          applyFix(run, fix);
          assert.equal(fs.readFileSync(run.filePath, 'utf8'), testCase.output);
          assertParses(run.filePath, testCase.output);
          for (const [relative, expected] of Object.entries(testCase.outputFiles ?? {})) {
            const target = path.join(run.dir, relative);
            if (expected === null) assert.ok(!fs.existsSync(target), `${relative} should not exist`);
            else assert.equal(fs.existsSync(target) ? fs.readFileSync(target, 'utf8') : undefined, expected, relative);
          }
          // The fix must remove the finding it was offered for.
          run.engine.invalidateConfig();
          const after = runCase(rule, { ...testCase, code: testCase.output, files: readBack(run.dir, testCase) });
          // Counted, not looked up by line: a fix that inserts a guard above the finding moves it down.
          const sameKind = (list: typeof findings) => list.filter((f) => f.messageId === first.messageId);
          const remaining = sameKind(ruleFindings(rule, after.analysis));
          if (testCase.fixKeepsFinding) assert.equal(remaining.length, sameKind(findings).length, testCase.fixKeepsFinding);
          else assert.ok(remaining.length < sameKind(findings).length, `the fix left the finding in place: ${remaining.map(describeFinding).join('; ')}`);
        });
      }
    });
  });
}

/** Writes a fix's edits to disk, as the server's fix command does for files the editor has not open. */
export function applyFix(run: CaseRun, fix: Fix): void {
  applyFileEdits(fix.edits);
}

function readBack(dir: string, testCase: InvalidCase): Record<string, string> {
  const files: Record<string, string> = {};
  const names = new Set([...Object.keys(testCase.files ?? {}), ...Object.keys(testCase.outputFiles ?? {})]);
  for (const name of names) {
    const target = path.join(dir, name);
    if (fs.existsSync(target)) files[name] = fs.readFileSync(target, 'utf8');
  }
  return files;
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
  return { ...actual };
}

function describeFinding(finding: Finding): string {
  return `${finding.range.start.line + 1}:${finding.range.start.character + 1} ${finding.messageId}: ${finding.message}`;
}

/**
 * A fixed file must parse. typescript-estree is stricter than TypeScript's tolerant parser (it throws on any
 * syntax error), and it runs only here, off the keystroke path.
 */
export function assertParses(filePath: string, text: string): void {
  try {
    parseEstree(text, { jsx: /\.[jt]sx$/.test(filePath), loc: false, range: false, filePath });
  } catch (error) {
    assert.fail(`the fixed file does not parse: ${(error as Error).message}\n${text}`);
  }
}
