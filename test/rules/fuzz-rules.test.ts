// Every rule over broken and unusual-but-valid code: a rule that throws is skipped for the whole file (an
// `internal-error`), which hides real findings there. Seeded and time-bounded: a failure names the seed and case.
import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import * as ts from 'typescript';
import { ALL_RULES } from '../../rules';
import { Engine } from '../../server/engine/analyzer';
import { WorkspaceIndex } from '../../server/engine/api-model/workspace-index';
import { defaultConfig } from '../../server/engine/config';

const ROOT = path.resolve(__dirname, '../..');
const SEED = 0x14_05;
const TIME_BUDGET_MS = 15_000;
const MAX_CASES = 40_000;

/** Valid TypeScript that rules rarely meet: each line a construct whose optional children are missing or odd. */
export const UNUSUAL_VALID_CODE: readonly string[] = [
  'let handler: function(string): void;',
  'let a: ?string; let b: string=; let c: *; let d: function(new:Foo, string): number; let e: !Object;',
  'function f(this: Window, ...rest: number[]): void {}\nfunction g(/** @type {function(string)} */ cb) {}',
  '@Component({ selector: "x" })\nclass A { @Input() name: string; @Get(":id") find(@Param("id") id: string, @Query() q) { return db.query(`SELECT ${id}`); } }',
  'function over(a: string): string;\nfunction over(a: number): number;\nfunction over(a: any) { return a; }',
  'declare function ext(x: string): void;\ndeclare const pool: any;\ndeclare module "m" { export function query(s: string): void; }\ndeclare global { var g: string; }',
  'enum E { A, B = "b", C = A | 2 }\nconst enum F { X = 1 }\ndeclare enum G { Y }',
  'namespace N.M { export const x = 1; }\nmodule Legacy { }\nnamespace Empty;',
  'class P { #x = 1; static #y: string; #m() { return this.#x; } static { this.#y = "s"; } has(o) { return #x in o; } }',
  'class GS { get v() { return 1; } set v(value) {} static get s(): string { return ""; } }\nconst o = { get a() { return 1; }, set a(v) {} };',
  'outer: for (const a of b) { inner: while (true) { if (a) continue outer; break inner; } }\nempty: ;',
  'async function u() { using r = getResource(); await using s = getAsync(); }',
  'const k = "q"; const obj = { [k]: 1, [`${k}x`]() {}, [Symbol.iterator]: null }; class C2 { [k]() {} ["lit"] = 2 }',
  'const { a = 1, b: { c = req.query.c } = {}, ...rest } = req.body; function d([x = 1, , y] = [], { z } = { z: 2 }) {}',
  'db?.query?.(`SELECT ${req.query.q}`); pool?.["query"]?.(sql); a?.b!.c?.(d);',
  'sql`SELECT ${req.query.id}`; tag``; String.raw`\\n${x}`; a.b`c`;',
  'const config = { port: 3000 } satisfies Config; const x = y as unknown as Z; const n = v!;',
  'abstract class Repo { abstract find(id: string): void; protected abstract readonly name: string; }',
  'interface I { [key: string]: number; (call: string): void; new (x: number): I; readonly [i: number]: string; method?(): void; }',
  'class PP { constructor(private readonly pool: Pool, public name = "n", protected override x?: number) {} }',
  'try { f(); } catch { } finally { }\ntry { g(); } catch ({ message }) { log(message); }',
  'import fs = require("fs");\nimport type T = require("t");\nimport Alias = N.M;\nexport import E2 = N;',
  'const value = 1;\nexport = value;',
  'export default function () {}\nexport default class {}\nexport * as ns from "m";\nexport {};',
  'type T1 = { [K in keyof X as `get${K}`]-?: X[K] }; type T2 = A extends infer U extends string ? U : never; type T3 = typeof import("x");',
  'function* gen() { yield* other(); const x = yield; }\nasync function* ag() { for await (const x of y) yield x; }',
  'const arrow = async <T,>(x: T): Promise<T> => x; const g2 = () => () => () => {};',
  'let x; x ||= req.query.a; x ??= "b"; x &&= c; [a, b] = [b, a]; ({ a, b } = obj);',
  'new Foo; new (getClass())(); new.target; import.meta.url; super.x;',
  'label: function labelled() {}\nif (a) function inIf() {}\nwith (obj) { query(x); }',
  'const re = /[/]\\/(?<name>x)/dgimsuy; const big = 10n ** 2n; const num = 1_000.5e-3; const oct = 0o17;',
  'accessor; declare; abstract; readonly; type; namespace; module; async; await; of; get; set; static; satisfies;',
  'class Acc { accessor name = ""; static accessor count: number; declare x: string; override y = 1; }',
  'function assertIsString(v: unknown): asserts v is string {}\nfunction isS(v): v is string { return true; }',
  'let t: [first: string, second?: number, ...rest: boolean[]]; let u: unique symbol; let v: this; let w: asserts;',
];

/** TSX: JSX elements, fragments, spread attributes and attributes with strings. */
export const UNUSUAL_VALID_JSX: readonly string[] = [
  'const el = <div className="a" {...props} data-x={`${req.query.x}`}><>{items.map((i) => <Item key={i} />)}</></div>;',
  'const Comp = <T,>({ a }: { a: T }) => <input value={a as any} apiKey="ghp_notARealTokenButLongEnough1234567890" onChange={() => db.query(`SELECT ${a}`)} />;',
  'const ns = <svg:rect width="1" />; const entity = <p>&amp; {/* comment */}</p>;',
];

/** Arrow functions without bodies, half-written declarations: what the editor sees mid-keystroke. */
const BROKEN_CODE: readonly string[] = [
  'const f = () =>\nconst g = async (req) =>',
  'function (',
  'class { constructor(private ) }',
  'db.query(`SELECT ${',
  'let x: function(',
  'import { from "pg"; const pool = new Pool(; pool.query("a" + req.query.',
  'export default async (req, res) => { await conn.query("SELECT " + req.body.',
  '@Dec class',
  'enum { A = }',
  'for (const of ) {}',
  'namespace { export }',
  'const { a = , ...} = ;',
];

interface CorpusFile {
  name: string;
  code: string;
  jsx: boolean;
}

function corpus(): CorpusFile[] {
  const files: CorpusFile[] = [];
  const add = (name: string, code: string) => files.push({ name, code, jsx: /\.[jt]sx$/.test(name) });
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.([cm]?[jt]sx?)$/.test(entry.name)) add(path.relative(ROOT, full), fs.readFileSync(full, 'utf8'));
    }
  };
  walk(path.join(ROOT, 'examples/src'));
  walk(path.join(ROOT, 'test/fixtures'));
  walk(path.join(ROOT, 'test/e2e/fixtures'));
  for (const folder of ['docs/rules', 'docs/engine']) {
    for (const name of fs.readdirSync(path.join(ROOT, folder))) {
      const markdown = fs.readFileSync(path.join(ROOT, folder, name), 'utf8');
      let index = 0;
      for (const block of markdown.matchAll(/```(?:ts|js|typescript|javascript|tsx|jsx)\n([\s\S]*?)```/g)) add(`${folder}/${name}#${index++}`, block[1]!);
    }
  }
  // The rule tests' and the API model tests' own code samples: string and template literals that look like code.
  for (const folder of ['test/rules', 'test/engine/api-model']) {
    for (const name of fs.readdirSync(path.join(ROOT, folder))) {
      if (!name.endsWith('.test.ts') || name === path.basename(__filename)) continue;
      const source = ts.createSourceFile(name, fs.readFileSync(path.join(ROOT, folder, name), 'utf8'), ts.ScriptTarget.Latest, true);
      let index = 0;
      const visit = (node: ts.Node): void => {
        if ((ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) && node.text.length > 40 && /[;(]/.test(node.text)) add(`${folder}/${name}#${index++}`, node.text);
        node.forEachChild(visit);
      };
      visit(source);
    }
  }
  UNUSUAL_VALID_CODE.forEach((code, i) => add(`unusual#${i}.ts`, code));
  UNUSUAL_VALID_JSX.forEach((code, i) => add(`unusual#${i}.tsx`, code));
  BROKEN_CODE.forEach((code, i) => add(`broken#${i}.ts`, code));
  // Every unusual construct next to a real injection and a real secret, so the rules get past their early exits.
  add('unusual-all.ts', `import { Pool } from 'pg';\nconst pool = new Pool();\n${UNUSUAL_VALID_CODE.join('\n')}\napp.get('/', (req) => pool.query("SELECT * FROM t WHERE a = '" + req.query.a + "'"));\n`);
  return files;
}

/** mulberry32: small, fast, and the same sequence on every machine. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WRAPPERS: readonly ((code: string) => string)[] = [
  (code) => `class Wrapped { method() {\n${code}\n} }`,
  (code) => `namespace Wrapped {\n${code}\n}`,
  (code) => `async function* wrapped() {\n${code}\n}`,
  (code) => `label: {\n${code}\n}`,
  (code) => `tag\`\${(() => {\n${code}\n})()}\``,
  (code) => `@decorator\nexport abstract class Wrapped {\n${code}\n}`,
  (code) => `declare module "wrapped" {\n${code}\n}`,
  (code) => `const arrow = (req: function(string): void) =>\n${code}`,
  (code) => `if (a) {\n${code}`,
  (code) => `${code}\n}}})]);`,
];

function mutate(code: string, next: () => number): { code: string; how: string } {
  const at = () => Math.floor(next() * (code.length + 1));
  const choice = Math.floor(next() * 5);
  if (choice === 0) {
    const cut = at();
    return { code: code.slice(0, cut), how: `truncate at ${cut}` };
  }
  const a = at();
  const b = Math.min(code.length, a + 1 + Math.floor(next() * 40));
  if (choice === 1) return { code: code.slice(0, a) + code.slice(b), how: `delete ${a}..${b}` };
  if (choice === 2) return { code: code.slice(0, b) + code.slice(a, b) + code.slice(b), how: `duplicate ${a}..${b}` };
  if (choice === 3) {
    const wrapper = Math.floor(next() * WRAPPERS.length);
    return { code: WRAPPERS[wrapper]!(code), how: `wrap #${wrapper}` };
  }
  const to = at();
  return { code: code.slice(0, to) + code.slice(a, b) + code.slice(to), how: `copy ${a}..${b} to ${to}` };
}

describe('every rule over broken and unusual code', () => {
  const config = defaultConfig(ALL_RULES);
  config.rules.set('hardcoded-secret', { severity: 'error', options: { ignoreTestFiles: false, entropy: true } });
  // No file system: the secret fix reads .env and .gitignore through this reader. The workspace index is on, so
  // the summarizers and the linker see every case too (their failures are logged, never findings: caught here).
  const apiIndex = new WorkspaceIndex();
  apiIndex.markComplete();
  const indexFailures: string[] = [];
  const engine = new Engine({ reader: { readFile: () => undefined, fileExists: () => false }, apiIndex, log: (message) => {
    if (message.includes('API index could not summarise')) indexFailures.push(message.split('\n').slice(0, 3).join(' | '));
  } });
  const internalErrors = (fileName: string, code: string) => {
    const messages = engine.analyze(path.join(ROOT, 'fuzz', fileName), code, { config }).findings.filter((finding) => finding.ruleId === 'internal-error').map((finding) => finding.message);
    try {
      apiIndex.model();
    } catch (error) {
      messages.push(`linking threw: ${error instanceof Error ? error.stack : String(error)}`);
    }
    messages.push(...indexFailures.splice(0));
    return messages;
  };

  it('the unusual-but-valid corpus, unmutated: no internal-error', () => {
    const failures: string[] = [];
    for (const file of corpus()) {
      for (const fileName of file.jsx ? ['case.tsx', 'case.jsx'] : ['case.ts', 'case.js']) {
        for (const message of internalErrors(fileName, file.code)) failures.push(`${file.name} as ${fileName}: ${message}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it(`mutated corpus (seed ${SEED}, up to ${TIME_BUDGET_MS / 1000} s): no internal-error`, () => {
    const files = corpus();
    const next = random(SEED);
    const deadline = performance.now() + TIME_BUDGET_MS;
    const failures: string[] = [];
    let cases = 0;
    for (; cases < MAX_CASES && performance.now() < deadline && failures.length < 5; cases++) {
      const file = files[Math.floor(next() * files.length)]!;
      let mutated = { code: file.code, how: '' };
      const rounds = 1 + Math.floor(next() * 3);
      const steps: string[] = [];
      for (let round = 0; round < rounds; round++) {
        mutated = mutate(mutated.code, next);
        steps.push(mutated.how);
      }
      const fileName = file.jsx ? 'case.tsx' : next() < 0.5 ? 'case.ts' : 'case.js';
      for (const message of internalErrors(fileName, mutated.code)) {
        failures.push(`case ${cases}: ${file.name} (${steps.join(', ')}) as ${fileName}: ${message}\n${mutated.code.slice(0, 400)}`);
      }
    }
    assert.deepEqual(failures, []);
    assert.ok(cases >= 200, `only ${cases} cases ran within the time budget`);
  });
});
