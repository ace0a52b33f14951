// The engine's own behaviour, with small purpose-built rules: isolation of failing rules, suppressions,
// skipped files, JavaScript parity, deep nesting, incremental parsing and lazily built type information.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { defineRule, type Rule } from '../../rules/support/rule';
import { Engine, TOO_DEEP_TO_PARSE } from '../../server/engine/analyzer';
import { parseSourceFile, updateSourceFile } from '../../server/engine/source-files';

const baseMeta = {
  description: 'test rule',
  category: 'secrets' as const,
  defaultSeverity: 'warning' as const,
  confidence: 'high' as const,
  cwe: [],
  owaspApi: '',
  frameworks: [],
  requiresTypes: false,
  fixable: false,
};

/** Reports every string literal whose text is "bad". */
const badString = defineRule<{ word: string }, 'bad'>({
  meta: { ...baseMeta, id: 'bad-string', messages: { bad: 'Found "{{word}}".' } },
  defaultOptions: { word: 'bad' },
  create(context) {
    return {
      [ts.SyntaxKind.StringLiteral]: (node) => {
        if ((node as ts.StringLiteral).text === context.options.word) context.report({ node, messageId: 'bad', data: { word: context.options.word } });
      },
    };
  },
});

/** Throws on the second string literal it meets. */
const throwing = defineRule<{}, 'never'>({
  meta: { ...baseMeta, id: 'throwing', messages: { never: 'never' } },
  defaultOptions: {},
  create() {
    let seen = 0;
    return {
      [ts.SyntaxKind.StringLiteral]: () => {
        if (++seen === 2) throw new Error('boom on purpose');
      },
    };
  },
});

/** Reports the type of each `const` initializer, through the lazily built checker. */
const typeOf = defineRule<{}, 'type'>({
  meta: { ...baseMeta, id: 'type-of', requiresTypes: true, messages: { type: '{{name}}: {{type}}' } },
  defaultOptions: {},
  create(context) {
    return {
      [ts.SyntaxKind.VariableDeclaration]: (node) => {
        const declaration = node as ts.VariableDeclaration;
        const checker = context.getTypeChecker();
        const type = checker.typeToString(checker.getTypeAtLocation(declaration.name));
        context.report({ node: declaration.name, messageId: 'type', data: { name: declaration.name.getText(), type } });
      },
    };
  },
});

/** Reports every string literal "e" or "w": "w" at the lower warning tier, "e" at the configured level. */
const levelled = defineRule<{}, 'found'>({
  meta: { ...baseMeta, id: 'levelled', defaultSeverity: 'error', messages: { found: 'Found {{text}}.' } },
  defaultOptions: {},
  create(context) {
    return {
      [ts.SyntaxKind.StringLiteral]: (node) => {
        const text = (node as ts.StringLiteral).text;
        if (text === 'e') context.report({ node, messageId: 'found', data: { text } });
        if (text === 'w') context.report({ node, messageId: 'found', data: { text }, severity: 'warning' });
      },
    };
  },
});

function tempProject(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'apiguard-engine-'));
  for (const [relative, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, relative)), { recursive: true });
    fs.writeFileSync(path.join(dir, relative), content);
  }
  return dir;
}

function analyze(rules: Rule<any>[], code: string, fileName = 'src/app.ts', files: Record<string, string> = {}) {
  const dir = tempProject({ 'package.json': '{}', [fileName]: code, ...files });
  const logs: string[] = [];
  const engine = new Engine({ rules, workspaceRoots: [dir], log: (m) => logs.push(m) });
  const analysis = engine.analyze(path.join(dir, fileName), code);
  const summary = analysis.findings.map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1}-${f.range.end.line + 1}:${f.range.end.character + 1} ${f.ruleId} ${f.severity} ${f.message}`);
  return { analysis, summary, logs, dir, engine };
}

describe('engine', () => {
  it('reports findings with exact ranges and formatted messages', () => {
    const { summary } = analyze([badString], `const a = 'ok';\nconst b = 'bad';\n`);
    assert.deepEqual(summary, ['2:11-2:16 bad-string warning Found "bad".']);
  });

  it('analyses JavaScript exactly like TypeScript', () => {
    for (const fileName of ['src/app.js', 'src/app.mjs', 'src/app.cjs', 'src/app.jsx', 'src/app.tsx', 'src/app.mts']) {
      const { summary } = analyze([badString], `export const b = 'bad';\n`, fileName);
      assert.deepEqual(summary, ['1:18-1:23 bad-string warning Found "bad".'], fileName);
    }
  });

  it('keeps running the other rules when one throws, and reports the failure once at the top of the file', () => {
    const { summary, analysis, logs } = analyze([throwing, badString], `const a = 'x';\nconst b = 'bad';\nconst c = 'bad';\n`);
    assert.deepEqual(summary, [
      '1:1-1:1 internal-error warning API Guard rule "throwing" failed on this file and was skipped: boom on purpose',
      '2:11-2:16 bad-string warning Found "bad".',
      '3:11-3:16 bad-string warning Found "bad".',
    ]);
    assert.deepEqual(analysis.ruleErrors, [{ ruleId: 'throwing', error: 'boom on purpose' }]);
    assert.equal(logs.length, 1);
    assert.match(logs[0]!, /rule throwing threw on .*app\.ts: Error: boom on purpose\n\s+at /);
  });

  describe('maxFindingsPerFile', () => {
    const code = [
      `const a = 'w';`,
      `const b = 'e';`,
      `const c = 'w'; // apiguard-ignore bad-string`,
      `const d = 'e';`,
      `const f = 'bad';`,
    ].join('\n');

    // Six findings: two errors, four warnings (one of them the unused suppression on line 3).
    it('keeps the most severe findings, then the first ones, and says how many more there are at the top', () => {
      const { summary } = analyze([levelled, badString], code, 'src/app.ts', { 'apiguard.json': '{ "maxFindingsPerFile": 3 }' });
      assert.deepEqual(summary, [
        '1:1-1:1 too-many-findings warning 3 more findings in this file are not shown (limit 3); fix or suppress some, or raise "maxFindingsPerFile" in apiguard.json.',
        '1:11-1:14 levelled warning Found w.',
        '2:11-2:14 levelled error Found e.',
        '4:11-4:14 levelled error Found e.',
      ]);
    });

    it('counts suppression findings but never internal-error, and adds nothing at the limit', () => {
      const files = { 'apiguard.json': '{ "maxFindingsPerFile": 6 }' };
      const { summary } = analyze([levelled, badString, throwing], code, 'src/app.ts', files);
      assert.deepEqual(summary, [
        '1:1-1:1 internal-error warning API Guard rule "throwing" failed on this file and was skipped: boom on purpose',
        '1:11-1:14 levelled warning Found w.',
        '2:11-2:14 levelled error Found e.',
        '3:11-3:14 levelled warning Found w.',
        '3:16-3:45 unused-suppression warning Unused suppression: no "bad-string" finding on line 3. Remove the comment.',
        '4:11-4:14 levelled error Found e.',
        '5:11-5:16 bad-string warning Found "bad".',
      ]);
    });

    it('is 500 by default', () => {
      const many = `const s = 'e';\n`.repeat(501);
      const { summary, analysis } = analyze([levelled], many);
      assert.equal(analysis.findings.length, 501);
      assert.equal(summary[0], '1:1-1:1 too-many-findings warning 1 more findings in this file are not shown (limit 500); fix or suppress some, or raise "maxFindingsPerFile" in apiguard.json.');
      assert.equal(summary[500], '500:11-500:14 levelled error Found e.');
    });
  });

  describe('suppressions', () => {
    it('suppresses with next-line and trailing comments that give a reason', () => {
      const code = [
        `// apiguard-ignore-next-line bad-string -- test fixture`,
        `const a = 'bad';`,
        `const b = 'bad'; // apiguard-ignore bad-string -- documented example`,
        `const c = 'bad';`,
      ].join('\n');
      assert.deepEqual(analyze([badString], code).summary, ['4:11-4:16 bad-string warning Found "bad".']);
    });

    it('still suppresses without a reason, with a hint asking for one', () => {
      const code = `// apiguard-ignore-next-line bad-string\nconst a = 'bad';\n`;
      assert.deepEqual(analyze([badString], code).summary, [
        '1:1-1:40 suppression-without-reason hint Say why this finding is suppressed: write the reason after "--" in the comment.',
      ]);
    });

    it('treats the reason placeholder of "Ignore on this line" as no reason yet', () => {
      const code = `// apiguard-ignore-next-line bad-string -- TODO: say why this is safe\nconst a = 'bad';\n`;
      assert.deepEqual(analyze([badString], code).summary, [
        '1:1-1:70 suppression-without-reason hint Say why this finding is suppressed: write the reason after "--" in the comment.',
      ]);
    });

    it('reports a suppression that no longer matches anything', () => {
      const code = `// apiguard-ignore-next-line bad-string -- was a fixture\nconst a = 'fine';\n`;
      assert.deepEqual(analyze([badString], code).summary, [
        '1:1-1:57 unused-suppression warning Unused suppression: no "bad-string" finding on line 2. Remove the comment.',
      ]);
    });

    it('only suppresses the named rule', () => {
      const other = defineRule<{}, 'bad'>({ ...badString, meta: { ...badString.meta, id: 'other-rule' }, defaultOptions: {}, create: (c) => badString.create({ ...c, options: { word: 'bad' } }) });
      const code = `const a = 'bad'; // apiguard-ignore bad-string -- reviewed\n`;
      assert.deepEqual(analyze([badString, other], code).summary, ['1:11-1:16 other-rule warning Found "bad".']);
    });

    it('ignores the marker inside strings and template literals', () => {
      const code = [
        "const a = `${1}// apiguard-ignore bad-string -- not a comment`; const b = 'bad';",
        "const c = '// apiguard-ignore bad-string -- not a comment'; const d = 'bad';",
      ].join('\n');
      assert.deepEqual(analyze([badString], code).summary, ['1:75-1:80 bad-string warning Found "bad".', '2:71-2:76 bad-string warning Found "bad".']);
    });

    it('does not call a suppression unused when its rule is off', () => {
      const code = `// apiguard-ignore-next-line bad-string -- kept for later\nconst a = 'bad';\n`;
      const { summary } = analyze([throwing], code, 'src/app.ts', { 'apiguard.json': '{}' });
      assert.deepEqual(summary, []);
    });
  });

  describe('files it does not analyse', () => {
    it('skips files over the size limit with a message, without parsing them', () => {
      const big = `const a = 'bad';\n`.repeat(70_000);
      const { analysis, logs } = analyze([badString], big);
      assert.deepEqual(analysis.findings, []);
      assert.match(analysis.skipped!, /^skipped: file is 1\.1 MB, over the 1\.0 MB limit \(raise "maxFileSize" in apiguard\.json to analyse it\)$/);
      assert.equal(logs.length, 1);
    });

    it('honours maxFileSize from apiguard.json', () => {
      const { analysis } = analyze([badString], `const a = 'bad';\n`.repeat(10), 'src/app.ts', { 'apiguard.json': '{ "maxFileSize": 100 }' });
      assert.match(analysis.skipped!, /^skipped: file is 170 B, over the 100 B limit/);
    });

    it('skips binary content', () => {
      const { analysis } = analyze([badString], `const a = 'bad';\u0000\u0001\u0002`);
      assert.equal(analysis.skipped, 'skipped: binary content (NUL bytes)');
    });

    it('skips minified files', () => {
      const minified = Array.from({ length: 3 }, () => `var a='bad';`.repeat(400)).join('\n');
      const { analysis } = analyze([badString], minified);
      assert.equal(analysis.skipped, 'skipped: looks minified (very long lines); analyse the source instead');
    });

    it('does not mistake a file with one long line for a minified one', () => {
      const code = `const data = '${'x'.repeat(3000)}';\n` + `const a = 'bad';\n`.repeat(50);
      const { analysis } = analyze([badString], code);
      assert.equal(analysis.skipped, undefined);
      assert.equal(analysis.findings.length, 50);
    });

    it('analyses a short file whose one very long line is data (a data URI, a certificate), not minified code', () => {
      const base64 = Buffer.from(Array.from({ length: 37_500 }, (_, i) => (i * 7919) % 256)).toString('base64');
      const dataUri = `export const logo = 'data:image/png;base64,${base64}';\nconst a = 'bad';\n`;
      const { analysis } = analyze([badString], dataUri);
      assert.equal(analysis.skipped, undefined);
      assert.deepEqual(analysis.findings.map((finding) => finding.range.start.line), [1]);

      const pem = `export const cert = \`${'MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEA'.repeat(1200)}\`;\r\nconst a = 'bad';`;
      assert.equal(analyze([badString], pem).analysis.skipped, undefined);
    });

    it('still skips a one-line minified bundle, and a file that is mostly long lines of code', () => {
      const bundle = `!function(e,t){for(var n=0;n<e.length;n++){t(e[n],n)}}(a,function(x,i){console.log(x,i)});`.repeat(600);
      assert.equal(analyze([badString], bundle).analysis.skipped, 'skipped: looks minified (very long lines); analyse the source instead');
      const mostlyLong = `// header\n${bundle}\nconst a = 'bad';\n`;
      assert.equal(analyze([badString], mostlyLong).analysis.skipped, 'skipped: looks minified (very long lines); analyse the source instead');
    });

    it('analyses deeply nested input that the parser can handle', () => {
      const depth = 500;
      const code = `const x = ${'[\n'.repeat(depth)}'bad'${']'.repeat(depth)};\n`;
      const { summary } = analyze([badString], code);
      assert.deepEqual(summary, [`${depth + 1}:1-${depth + 1}:6 bad-string warning Found "bad".`]);
    });

    it('skips input nested too deeply for the parser with a message instead of crashing', () => {
      const depth = 50_000;
      const code = `const x = ${'[\n'.repeat(depth)}'bad'${']'.repeat(depth)};\n`;
      const { analysis, logs } = analyze([badString], code);
      assert.equal(analysis.skipped, TOO_DEEP_TO_PARSE);
      assert.equal(logs.length, 1);
    });

    it('still analyses what it can of broken TypeScript', () => {
      const { summary } = analyze([badString], `function ( {\nconst a = 'bad';\nclass {{{\n`);
      assert.deepEqual(summary, ['2:11-2:16 bad-string warning Found "bad".']);
    });
  });

  it('gives the same findings after an incremental update as after a fresh parse', () => {
    const original = `const a = 'ok';\nfunction f() {\n  return 'bad';\n}\n`;
    const dir = tempProject({ 'package.json': '{}' });
    const filePath = path.join(dir, 'app.ts');
    const engine = new Engine({ rules: [badString], workspaceRoots: [dir] });
    let sourceFile = parseSourceFile(filePath, original);
    const insertAt = original.indexOf("'ok'");
    sourceFile = updateSourceFile(sourceFile, insertAt, insertAt + 4, "'bad'");
    const incremental = engine.analyze(filePath, sourceFile.text, { sourceFile });
    const fresh = engine.analyze(filePath, sourceFile.text);
    assert.equal(sourceFile.text, `const a = 'bad';\nfunction f() {\n  return 'bad';\n}\n`);
    assert.deepEqual(incremental.findings, fresh.findings);
    assert.equal(incremental.findings.length, 2);
  });

  it('builds type information lazily from the nearest tsconfig.json, for the nodes the rule holds', () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' }, include: ['src'] }),
      'src/user.ts': `export interface User { id: number; passwordHash: string }\nexport function load(): User { return { id: 1, passwordHash: 'x' }; }\n`,
    };
    const code = `import { load } from './user';\nconst user = load();\nconst id = user.id;\n`;
    const { summary } = analyze([typeOf], code, 'src/app.ts', files);
    assert.deepEqual(summary, ['2:7-2:11 type-of warning user: User', '3:7-3:9 type-of warning id: number']);
  });

  it('rebuilds the program after tsconfig.json changes', () => {
    const files = {
      'tsconfig.json': JSON.stringify({ compilerOptions: { strict: true, target: 'ES2022', module: 'commonjs' } }),
    };
    const code = `const total = [1, 2].at(0);\n`;
    const { engine, dir } = analyze([typeOf], code, 'src/app.ts', files);
    const filePath = path.join(dir, 'src/app.ts');
    const summarize = () => engine.analyze(filePath, code).findings.map((f) => f.message);
    assert.deepEqual(summarize(), ['total: number | undefined']);
    fs.writeFileSync(path.join(dir, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: false, target: 'ES2022', module: 'commonjs' } }));
    assert.deepEqual(summarize(), ['total: number | undefined'], 'cached until told');
    engine.invalidateConfig();
    assert.deepEqual(summarize(), ['total: number']);
  });

  it('does not build a program for syntactic rules', () => {
    const { engine, dir } = analyze([badString], `const a = 'bad';\n`);
    assert.equal((engine.typeInfo as unknown as { projects: Map<string, unknown> }).projects.size, 0, dir);
  });
});
