import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { isSpecCandidateFile, mayBeSpecText, parseSpecText } from '../../../server/engine/openapi/parse-spec';
import { entryOf, valueOf, type SpecNode } from '../../../rules/support/spec-tree';

function textOf(node: SpecNode | undefined, text: string): string {
  assert.ok(node);
  return text.slice(node.range.start, node.range.end);
}

describe('parseSpecText', () => {
  it('YAML: every node and key carries the offsets of its text, scalars their quoting', () => {
    const text = "openapi: '3.0.3'\npaths:\n  /users:\n    get: { summary: \"List\" }\n";
    const { document, error } = parseSpecText('/p/openapi.yaml', text);
    assert.equal(error, undefined);
    const root = document.root!;
    assert.equal(root.kind, 'map');
    const version = valueOf(root, 'openapi')!;
    assert.deepEqual([textOf(version, text), version.kind === 'scalar' && version.style], ["'3.0.3'", 'single']);
    const users = entryOf(valueOf(root, 'paths'), '/users')!;
    assert.equal(text.slice(users.keyRange.start, users.keyRange.end), '/users');
    const get = valueOf(users.value, 'get')!;
    assert.deepEqual([textOf(get, text), get.flow], ['{ summary: "List" }', true]);
    assert.equal(valueOf(users.value, 'get')?.document, document);
  });

  it('JSON: the same tree, double-quoted strings, flow collections', () => {
    const text = '{\n  "swagger": "2.0",\n  "paths": { "/a": { "get": {} } }\n}\n';
    const { document, error } = parseSpecText('/p/swagger.json', text);
    assert.equal(error, undefined);
    const swagger = valueOf(document.root, 'swagger')!;
    assert.deepEqual([textOf(swagger, text), swagger.kind === 'scalar' && swagger.value], ['"2.0"', '2.0']);
    const a = entryOf(valueOf(document.root, 'paths'), '/a')!;
    assert.equal(text.slice(a.keyRange.start, a.keyRange.end), '"/a"');
  });

  it('YAML syntax error: one error at its offset, no tree', () => {
    const text = 'openapi: 3.0.0\npaths:\n  /a: [1,\n  b: c: d\n';
    const { document, error } = parseSpecText('/p/openapi.yaml', text);
    assert.equal(document.root, undefined);
    assert.ok(error);
    assert.match(error.message, /^invalid YAML: /);
    assert.ok(error.range.start >= text.indexOf('[1,'), `error at ${error.range.start}`);
  });

  it('JSON syntax error: named and placed', () => {
    const text = '{ "openapi": "3.0.0", "paths": { ] }';
    const { error } = parseSpecText('/p/openapi.json', text);
    assert.deepEqual(error, { message: 'invalid JSON: property name expected', range: { start: 33, end: 34 } });
  });

  it('aliases share the anchored node instead of copying it', () => {
    const text = 'openapi: 3.0.0\nx-common: &err\n  description: Error\npaths:\n  /a:\n    get:\n      responses:\n        "500": *err\n';
    const { document, error } = parseSpecText('/p/openapi.yaml', text);
    assert.equal(error, undefined);
    const shared = valueOf(document.root, 'x-common');
    const viaAlias = valueOf(valueOf(valueOf(valueOf(valueOf(document.root, 'paths'), '/a'), 'get'), 'responses'), '500');
    assert.equal(viaAlias, shared);
  });

  it('refuses an alias bomb with a message, without expanding it', () => {
    const levels = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 9; i++) {
      const previous = String.fromCharCode(96 + i);
      levels.push(`${String.fromCharCode(97 + i)}: &${String.fromCharCode(97 + i)} [${Array(10).fill(`*${previous}`).join(',')}]`);
    }
    const text = `openapi: 3.0.0\n${levels.join('\n')}\n`;
    const started = performance.now();
    const { document, error } = parseSpecText('/p/openapi.yaml', text);
    assert.ok(performance.now() - started < 2000, 'refused quickly');
    assert.equal(document.root, undefined);
    assert.match(error!.message, /^YAML aliases would expand to [\d,]+ nodes \(an "alias bomb"\); refused, not expanded$/);
    assert.equal(error!.range.start, text.indexOf('*a'));
  });

  it('refuses nesting deeper than 1,000 levels (YAML flow and JSON) without overflowing the stack', () => {
    const deepJson = `{"openapi":"3.0.0","x":${'['.repeat(5000)}${']'.repeat(5000)}}`;
    const json = parseSpecText('/p/deep.json', deepJson);
    assert.equal(json.document.root, undefined);
    assert.match(json.error!.message, /nested (more than 1000 levels deep|too deeply)/);
    const deepYaml = `openapi: 3.0.0\nx: ${'['.repeat(3000)}${']'.repeat(3000)}\n`;
    const yaml = parseSpecText('/p/deep.yaml', deepYaml);
    assert.equal(yaml.document.root, undefined);
    assert.ok(yaml.error);
  });

  it('an empty YAML file has no tree and no error; an empty JSON file is an error (a value is expected)', () => {
    assert.deepEqual(parseSpecText('/p/e.yaml', ''), { document: { filePath: '/p/e.yaml', text: '', syntax: 'yaml', root: undefined }, error: undefined });
    assert.equal(parseSpecText('/p/e.json', '').error?.message, 'invalid JSON: value expected');
  });
});

describe('spec recognition', () => {
  it('YAML and JSON files are candidates; scripts are not', () => {
    assert.deepEqual(['a.yaml', 'b.YML', 'c.json', 'd.ts', 'e.jsonc'].map(isSpecCandidateFile), [true, true, true, false, false]);
  });

  it('a root-level openapi/swagger key marks a spec; other YAML and JSON does not', () => {
    assert.equal(mayBeSpecText('openapi: 3.1.0\ninfo: {}\n', 'yaml'), true);
    assert.equal(mayBeSpecText('# API\n"swagger": "2.0"\n', 'yaml'), true);
    assert.equal(mayBeSpecText('name: CI\non: push\njobs:\n  openapi: {}\n', 'yaml'), false);
    assert.equal(mayBeSpecText('{ "openapi": "3.0.0" }', 'json'), true);
    assert.equal(mayBeSpecText('{ "name": "x", "dependencies": { "swagger-ui-express": "^5" } }', 'json'), false);
  });
});

describe('byte order marks', () => {
  it('a JSON or YAML spec saved with a BOM parses, offsets counted in the text as given', () => {
    const json = parseSpecText('/p/openapi.json', '\uFEFF{ "openapi": "3.0.0" }');
    assert.equal(json.error, undefined);
    assert.deepEqual(entryOf(json.document.root, 'openapi')!.keyRange, { start: 3, end: 12 });
    const yaml = parseSpecText('/p/openapi.yaml', '\uFEFFopenapi: 3.0.0\n');
    assert.equal(yaml.error, undefined);
    assert.deepEqual(entryOf(yaml.document.root, 'openapi')!.keyRange, { start: 1, end: 8 });
    assert.equal(mayBeSpecText('\uFEFFopenapi: 3.0.0\n', 'yaml'), true);
    assert.equal(mayBeSpecText('\uFEFF{ "openapi": "3.0.0" }', 'json'), true);
  });
});
