import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, it } from 'node:test';
import type { RuleEdit } from '../../../rules/support/rule';
import { appendItem, combineEdits, formatEntry, formatValue, insertEntries, insertEntry, insertEntryAt, setEntryValue, setScalar, textStyleOf, yamlString, type InsertPosition, type SpecValue } from '../../../rules/support/spec-edits';
import { plainValueOf, type SpecMap, type SpecNode, type SpecScalar, type SpecSeq } from '../../../rules/support/spec-tree';
import { reparseAfterEdit } from '../../../server/engine/openapi/incremental-parse';
import { parseSpecText } from '../../../server/engine/openapi/parse-spec';

const YAML = '/project/openapi.yaml';
const JSON_FILE = '/project/openapi.json';

function rootOf(text: string, filePath = YAML): SpecMap {
  const parsed = parseSpecText(filePath, text);
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.document.root?.kind, 'map');
  return parsed.document.root as SpecMap;
}

/** The node at a path of keys and indexes, without resolving `$ref`. */
function at(node: SpecNode, ...path: (string | number)[]): SpecNode {
  let current = node;
  for (const step of path) {
    const next = typeof step === 'number' ? (current as SpecSeq).items[step] : (current as SpecMap).entries.find((entry) => entry.key === step)?.value;
    assert.ok(next, `no ${String(step)} in the path ${path.join('.')}`);
    current = next;
  }
  return current;
}

/** Applies one edit (or several) and checks the result re-parses; returns the new text and its tree. */
function applied(text: string, edits: RuleEdit | RuleEdit[] | undefined, filePath = YAML): { text: string; root: SpecMap } {
  assert.ok(edits, `no edit for:\n${text}`);
  const list = Array.isArray(edits) ? edits : [edits];
  let result = text;
  for (const edit of [...list].sort((a, b) => b.start - a.start)) {
    assert.equal(edit.filePath, filePath);
    result = result.slice(0, edit.start) + edit.newText + result.slice(edit.end);
  }
  const parsed = parseSpecText(filePath, result);
  assert.equal(parsed.error?.message, undefined, `does not parse:\n${result}`);
  return { text: result, root: parsed.document.root as SpecMap };
}

function expectEdit(text: string, edit: (root: SpecMap) => RuleEdit | RuleEdit[] | undefined, expected: string, readBack: { path: (string | number)[]; value: unknown }, filePath = YAML): void {
  const result = applied(text, edit(rootOf(text, filePath)), filePath);
  assert.equal(result.text, expected);
  assert.deepEqual(plainValueOf(at(result.root, ...readBack.path)), readBack.value);
}

describe('spec-edits: insertEntry into YAML block mappings', () => {
  it('indent 2: a nested response after the last one, key quoted because 401 would read as a number', () => {
    const text = `openapi: 3.0.3
paths:
  /users:
    get:
      responses:
        '200':
          description: ok
components: {}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/users', 'get', 'responses') as SpecMap, '401', { description: 'Unauthorized', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } }),
      `openapi: 3.0.3
paths:
  /users:
    get:
      responses:
        '200':
          description: ok
        '401':
          description: Unauthorized
          content:
            application/json:
              schema:
                $ref: '#/components/schemas/Error'
components: {}
`,
      { path: ['paths', '/users', 'get', 'responses', '401', 'content', 'application/json', 'schema', '$ref'], value: '#/components/schemas/Error' },
    );
  });

  it('indent 4 with double quotes: the file\'s unit and quote are used', () => {
    const text = `swagger: "2.0"
info:
    title: "t"
    version: "1"
paths:
    /pets:
        get:
            responses:
                "200":
                    description: ok
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/pets', 'get', 'responses') as SpecMap, '403', { description: 'Forbidden', schema: { type: 'object', required: ['code'] } }),
      `swagger: "2.0"
info:
    title: "t"
    version: "1"
paths:
    /pets:
        get:
            responses:
                "200":
                    description: ok
                "403":
                    description: Forbidden
                    schema:
                        type: object
                        required:
                            - code
`,
      { path: ['paths', '/pets', 'get', 'responses', '403', 'schema', 'required', 0], value: 'code' },
    );
  });

  it('a trailing comment on the last entry and a comment line after it stay whole', () => {
    const text = `openapi: 3.1.0
info:
  title: t # the title
  # the version comes later
paths: {}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'info') as SpecMap, 'version', '1.0'),
      `openapi: 3.1.0
info:
  title: t # the title
  version: '1.0'
  # the version comes later
paths: {}
`,
      { path: ['info', 'version'], value: '1.0' },
    );
  });

  it('first, after a named key, before a named key', () => {
    const text = `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    post:
      # the operation's summary
      summary: create
      responses:
        '201': { description: created }
`;
    const op = (root: SpecMap) => at(root, 'paths', '/a', 'post') as SpecMap;
    expectEdit(
      text,
      (root) => insertEntry(op(root), 'security', [{ bearerAuth: [] }], 'first'),
      `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    post:
      # the operation's summary
      security:
        - bearerAuth: []
      summary: create
      responses:
        '201': { description: created }
`,
      { path: ['paths', '/a', 'post', 'security', 0, 'bearerAuth'], value: [] },
    );
    expectEdit(
      text,
      (root) => insertEntry(op(root), 'operationId', 'createA', { after: 'summary' }),
      `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    post:
      # the operation's summary
      summary: create
      operationId: createA
      responses:
        '201': { description: created }
`,
      { path: ['paths', '/a', 'post', 'operationId'], value: 'createA' },
    );
    expectEdit(
      text,
      (root) => insertEntry(op(root), 'deprecated', false, { before: 'responses' }),
      `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    post:
      # the operation's summary
      summary: create
      deprecated: false
      responses:
        '201': { description: created }
`,
      { path: ['paths', '/a', 'post', 'deprecated'], value: false },
    );
  });

  it('CRLF line endings are kept in every new line', () => {
    const text = 'openapi: 3.0.3\r\ninfo:\r\n  title: t\r\n  version: "1"\r\npaths: {}\r\n';
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'info') as SpecMap, 'contact', { name: 'API team', email: 'api@example.com' }),
      'openapi: 3.0.3\r\ninfo:\r\n  title: t\r\n  version: "1"\r\n  contact:\r\n    name: API team\r\n    email: api@example.com\r\npaths: {}\r\n',
      { path: ['info', 'contact', 'email'], value: 'api@example.com' },
    );
  });

  it('a mapping that ends the file without a final line break', () => {
    const text = 'openapi: 3.0.3\ninfo:\n  title: t\n  version: 1.0.0';
    expectEdit(text, (root) => insertEntry(root, 'paths', {}), 'openapi: 3.0.3\ninfo:\n  title: t\n  version: 1.0.0\npaths: {}', { path: ['paths'], value: {} });
    expectEdit(text, (root) => insertEntry(at(root, 'info') as SpecMap, 'description', 'Pets: the API'), "openapi: 3.0.3\ninfo:\n  title: t\n  version: 1.0.0\n  description: 'Pets: the API'", {
      path: ['info', 'description'],
      value: 'Pets: the API',
    });
  });

  it('after a block scalar whose text has a line like a comment, and one that keeps its trailing lines', () => {
    const text = `openapi: 3.0.3
info:
  title: t
  description: |
    Pets.
    # Not a comment
paths: {}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'info') as SpecMap, 'version', '2'),
      `openapi: 3.0.3
info:
  title: t
  description: |
    Pets.
    # Not a comment
  version: '2'
paths: {}
`,
      { path: ['info', 'description'], value: 'Pets.\n# Not a comment\n' },
    );
    const keep = 'info:\n  description: |+\n    Pets.\n\n\nopenapi: 3.0.3\n';
    expectEdit(keep, (root) => insertEntry(at(root, 'info') as SpecMap, 'title', 'T'), 'info:\n  description: |+\n    Pets.\n\n\n  title: T\nopenapi: 3.0.3\n', {
      path: ['info', 'description'],
      value: 'Pets.\n\n\n',
    });
  });

  it('a mapping inside a sequence item (`- name: …`) gets the item\'s column', () => {
    const text = `openapi: 3.0.3
paths:
  /a:
    get:
      parameters:
        - name: q
          in: query
      responses: {}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/a', 'get', 'parameters', 0) as SpecMap, 'schema', { type: 'string', maxLength: 256 }),
      `openapi: 3.0.3
paths:
  /a:
    get:
      parameters:
        - name: q
          in: query
          schema:
            type: string
            maxLength: 256
      responses: {}
`,
      { path: ['paths', '/a', 'get', 'parameters', 0, 'schema', 'maxLength'], value: 256 },
    );
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/a', 'get', 'parameters', 0) as SpecMap, 'required', true, 'first'),
      `openapi: 3.0.3
paths:
  /a:
    get:
      parameters:
        - required: true
          name: q
          in: query
      responses: {}
`,
      { path: ['paths', '/a', 'get', 'parameters', 0, 'required'], value: true },
    );
  });

  it('anchors: a merge key `<<: *base` as the last entry, and an anchored mapping', () => {
    const text = `openapi: 3.0.3
x-base: &base
  type: object
components:
  schemas:
    User:
      <<: *base
paths: {}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'components', 'schemas', 'User') as SpecMap, 'additionalProperties', false),
      `openapi: 3.0.3
x-base: &base
  type: object
components:
  schemas:
    User:
      <<: *base
      additionalProperties: false
paths: {}
`,
      { path: ['components', 'schemas', 'User', 'additionalProperties'], value: false },
    );
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'x-base') as SpecMap, 'description', 'shared'),
      `openapi: 3.0.3
x-base: &base
  type: object
  description: shared
components:
  schemas:
    User:
      <<: *base
paths: {}
`,
      { path: ['x-base', 'description'], value: 'shared' },
    );
  });

  it('an alias as the last value: the entry goes after the alias, not after the anchor', () => {
    const text = "openapi: 3.0.3\ninfo:\n  title: &t Pets\n  x-name: *t\npaths: {}\n";
    expectEdit(text, (root) => insertEntry(at(root, 'info') as SpecMap, 'version', '1'), "openapi: 3.0.3\ninfo:\n  title: &t Pets\n  x-name: *t\n  version: '1'\npaths: {}\n", {
      path: ['info', 'x-name'],
      value: 'Pets',
    });
  });

  it('compact sequences (`key:\\n- item`) are written compact', () => {
    const text = 'openapi: 3.0.3\ntags:\n- name: a\npaths:\n  /a:\n    get:\n      responses: {}\n';
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/a', 'get') as SpecMap, 'tags', ['a', 'b']),
      'openapi: 3.0.3\ntags:\n- name: a\npaths:\n  /a:\n    get:\n      responses: {}\n      tags:\n      - a\n      - b\n',
      { path: ['paths', '/a', 'get', 'tags'], value: ['a', 'b'] },
    );
  });

  it('several entries in one edit, in the given order', () => {
    const text = "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n";
    expectEdit(
      text,
      (root) => insertEntries(at(root, 'paths', '/a', 'get', 'responses') as SpecMap, [['401', { $ref: '#/components/responses/Unauthorized' }], ['403', { $ref: '#/components/responses/Forbidden' }]]),
      "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '403':\n          $ref: '#/components/responses/Forbidden'\n",
      { path: ['paths', '/a', 'get', 'responses', '403', '$ref'], value: '#/components/responses/Forbidden' },
    );
  });

  it('refuses a key that exists or is given twice', () => {
    const root = rootOf('openapi: 3.0.3\ninfo:\n  title: t\n');
    assert.equal(insertEntry(at(root, 'info') as SpecMap, 'title', 'u'), undefined);
    assert.equal(insertEntries(at(root, 'info') as SpecMap, [['a', 1], ['a', 2]]), undefined);
  });
});

describe('spec-edits: insertEntry into flow mappings and JSON', () => {
  it('YAML flow mappings keep their one line and their spacing', () => {
    const text = "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nx-a: {a: 1}\npaths: {}\n";
    expectEdit(text, (root) => insertEntry(at(root, 'info') as SpecMap, 'description', 'a, b'), "openapi: 3.0.3\ninfo: { title: t, version: '1', description: 'a, b' }\nx-a: {a: 1}\npaths: {}\n", {
      path: ['info', 'description'],
      value: 'a, b',
    });
    expectEdit(text, (root) => insertEntry(at(root, 'x-a') as SpecMap, 'b', { c: [1, 2] }), "openapi: 3.0.3\ninfo: { title: t, version: '1' }\nx-a: {a: 1, b: {c: [1, 2]}}\npaths: {}\n", {
      path: ['x-a', 'b', 'c'],
      value: [1, 2],
    });
    expectEdit(text, (root) => insertEntry(at(root, 'info') as SpecMap, 'x-first', true, 'first'), "openapi: 3.0.3\ninfo: { x-first: true, title: t, version: '1' }\nx-a: {a: 1}\npaths: {}\n", {
      path: ['info', 'x-first'],
      value: true,
    });
  });

  it('JSON pretty-printed: a new line at the entries\' indentation, nested values pretty at the next level', () => {
    const text = `{
  "openapi": "3.0.3",
  "paths": {
    "/a": {
      "get": {
        "responses": {
          "200": { "description": "ok" }
        }
      }
    }
  }
}
`;
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/a', 'get', 'responses') as SpecMap, '401', { description: 'Unauthorized', headers: {} }),
      `{
  "openapi": "3.0.3",
  "paths": {
    "/a": {
      "get": {
        "responses": {
          "200": { "description": "ok" },
          "401": {
            "description": "Unauthorized",
            "headers": {}
          }
        }
      }
    }
  }
}
`,
      { path: ['paths', '/a', 'get', 'responses', '401', 'description'], value: 'Unauthorized' },
      JSON_FILE,
    );
    expectEdit(
      text,
      (root) => insertEntry(at(root, 'paths', '/a', 'get') as SpecMap, 'security', [{ bearerAuth: [] }], 'first'),
      `{
  "openapi": "3.0.3",
  "paths": {
    "/a": {
      "get": {
        "security": [
          {
            "bearerAuth": []
          }
        ],
        "responses": {
          "200": { "description": "ok" }
        }
      }
    }
  }
}
`,
      { path: ['paths', '/a', 'get', 'security', 0, 'bearerAuth'], value: [] },
      JSON_FILE,
    );
  });

  it('JSON with tabs and CRLF', () => {
    const text = '{\r\n\t"openapi": "3.1.0",\r\n\t"info": {\r\n\t\t"title": "t"\r\n\t}\r\n}';
    expectEdit(text, (root) => insertEntry(at(root, 'info') as SpecMap, 'license', { name: 'MIT' }), '{\r\n\t"openapi": "3.1.0",\r\n\t"info": {\r\n\t\t"title": "t",\r\n\t\t"license": {\r\n\t\t\t"name": "MIT"\r\n\t\t}\r\n\t}\r\n}', {
      path: ['info', 'license', 'name'],
      value: 'MIT',
    }, JSON_FILE);
  });

  it('JSON on one line: minified stays minified, spaced stays spaced', () => {
    expectEdit('{"openapi":"3.0.3","info":{"title":"t"}}', (root) => insertEntry(at(root, 'info') as SpecMap, 'x-y', { a: [1, 'b'] }), '{"openapi":"3.0.3","info":{"title":"t","x-y":{"a":[1,"b"]}}}', {
      path: ['info', 'x-y', 'a'],
      value: [1, 'b'],
    }, JSON_FILE);
    expectEdit('{ "openapi": "3.0.3", "info": { "title": "t" } }', (root) => insertEntry(at(root, 'info') as SpecMap, 'version', '1'), '{ "openapi": "3.0.3", "info": { "title": "t", "version": "1" } }', {
      path: ['info', 'version'],
      value: '1',
    }, JSON_FILE);
  });

  it('a JSON comment after the last entry stays on its line', () => {
    const text = '{\n  "openapi": "3.0.3", // version\n  "info": {} // later\n}\n';
    expectEdit(text, (root) => insertEntry(root, 'paths', {}), '{\n  "openapi": "3.0.3", // version\n  "info": {}, // later\n  "paths": {}\n}\n', { path: ['paths'], value: {} }, JSON_FILE);
  });
});

describe('spec-edits: empty mappings', () => {
  it('YAML `key: {}` becomes a block; `{}` inside a flow stays flow', () => {
    const text = 'openapi: 3.0.3\npaths: {}\nx-flow: { a: {} }\n';
    expectEdit(text, (root) => insertEntry(at(root, 'paths') as SpecMap, '/users', { get: { responses: { '200': { description: 'ok' } } } }), "openapi: 3.0.3\npaths:\n  /users:\n    get:\n      responses:\n        '200':\n          description: ok\nx-flow: { a: {} }\n", {
      path: ['paths', '/users', 'get', 'responses', '200', 'description'],
      value: 'ok',
    });
    expectEdit(text, (root) => insertEntry(at(root, 'x-flow', 'a') as SpecMap, '/users/{id}', 1), "openapi: 3.0.3\npaths: {}\nx-flow: { a: { '/users/{id}': 1 } }\n", { path: ['x-flow', 'a', '/users/{id}'], value: 1 });
  });

  it('YAML flow over several lines: `key: {}` on its own line inside it stays flow, a plain scalar there gets quotes for `,`', () => {
    const text = 'openapi: 3.0.3\npaths: {\n  /b: {\n    summary: old\n  },\n  /a: {}\n}\n';
    expectEdit(text, (root) => insertEntry(at(root, 'paths', '/a') as SpecMap, 'get', { responses: {} }), 'openapi: 3.0.3\npaths: {\n  /b: {\n    summary: old\n  },\n  /a: { get: { responses: {} } }\n}\n', { path: ['paths', '/a', 'get'], value: { responses: {} } });
    expectEdit(text, (root) => setScalar(at(root, 'paths', '/b', 'summary') as SpecScalar, 'new, better'), "openapi: 3.0.3\npaths: {\n  /b: {\n    summary: 'new, better'\n  },\n  /a: {}\n}\n", { path: ['paths', '/b', 'summary'], value: 'new, better' });
    expectEdit(text, (root) => insertEntry(at(root, 'paths', '/b') as SpecMap, 'description', 'x'), 'openapi: 3.0.3\npaths: {\n  /b: {\n    summary: old,\n    description: x\n  },\n  /a: {}\n}\n', { path: ['paths', '/b', 'description'], value: 'x' });
  });

  it('YAML `{}` followed by a comment stays flow', () => {
    const text = 'openapi: 3.0.3\npaths: {} # none yet\n';
    expectEdit(text, (root) => insertEntry(at(root, 'paths') as SpecMap, '/a', {}), "openapi: 3.0.3\npaths: { /a: {} } # none yet\n", { path: ['paths', '/a'], value: {} });
  });

  it('JSON `{}`: multi-line in a multi-line file, one line in a one-line file', () => {
    expectEdit('{\n  "openapi": "3.0.3",\n  "paths": {}\n}\n', (root) => insertEntry(at(root, 'paths') as SpecMap, '/a', { get: {} }), '{\n  "openapi": "3.0.3",\n  "paths": {\n    "/a": {\n      "get": {}\n    }\n  }\n}\n', {
      path: ['paths', '/a', 'get'],
      value: {},
    }, JSON_FILE);
    expectEdit('{ "openapi": "3.0.3", "paths": {} }', (root) => insertEntry(at(root, 'paths') as SpecMap, '/a', { get: {} }), '{ "openapi": "3.0.3", "paths": { "/a": { "get": {} } } }', { path: ['paths', '/a', 'get'], value: {} }, JSON_FILE);
  });
});

describe('spec-edits: entries into a $ref\'d file', () => {
  it('a JSON fragment file: the edit names it too', () => {
    const other = '/project/schemas/user.json';
    expectEdit('{\n  "type": "object"\n}\n', (root) => insertEntry(root, 'additionalProperties', false), '{\n  "type": "object",\n  "additionalProperties": false\n}\n', { path: ['additionalProperties'], value: false }, other);
  });

  it('the edit names the file the mapping is in', () => {
    const other = '/project/schemas/user.yaml';
    const text = 'type: object\nproperties:\n  id: { type: string }\n';
    expectEdit(text, (root) => insertEntry(root, 'additionalProperties', false), 'type: object\nproperties:\n  id: { type: string }\nadditionalProperties: false\n', { path: ['additionalProperties'], value: false }, other);
    expectEdit(text, (root) => insertEntry(at(root, 'properties', 'id') as SpecMap, 'readOnly', true), 'type: object\nproperties:\n  id: { type: string, readOnly: true }\n', { path: ['properties', 'id', 'readOnly'], value: true }, other);
  });
});

describe('spec-edits: after an incremental re-parse (the server keeps the document object, moves offsets)', () => {
  it('JSON and YAML: edits use the new text and the moved ranges; the style follows the new text', () => {
    const json = '{\n  "openapi": "3.0.3",\n  "info": { "title": "Shop", "version": "1" },\n  "paths": {}\n}\n';
    const previous = parseSpecText(JSON_FILE, json);
    const typed = json.replace('"Shop"', '"Shop API"');
    const reparsed = reparseAfterEdit(previous, typed);
    assert.equal(reparsed?.document, previous.document, 'the document object is reused');
    const edit = insertEntry(at(reparsed!.document.root!, 'paths') as SpecMap, '/a', {});
    assert.equal(applied(typed, edit, JSON_FILE).text, '{\n  "openapi": "3.0.3",\n  "info": { "title": "Shop API", "version": "1" },\n  "paths": {\n    "/a": {}\n  }\n}\n');

    const yaml = 'openapi: 3.0.3\ninfo:\n  title: Shop\n  version: "1"\nservers:\n  - url: http://shop.example\n';
    const before = parseSpecText(YAML, yaml);
    const retyped = yaml.replace('title: Shop', 'title: Shop API');
    const after = reparseAfterEdit(before, retyped);
    assert.equal(after?.document, before.document, 'the document object is reused');
    const https = setScalar(at(after!.document.root!, 'servers', 0, 'url') as SpecScalar, 'https://shop.example');
    assert.equal(applied(retyped, https).text, 'openapi: 3.0.3\ninfo:\n  title: Shop API\n  version: "1"\nservers:\n  - url: https://shop.example\n');
  });
});

describe('spec-edits: insertEntryAt', () => {
  const responses = { Unauthorized: { description: 'Unauthorized' } };
  it('creates `components.responses` when `components` is absent', () => {
    const text = 'openapi: 3.0.3\npaths: {}\n';
    expectEdit(text, (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized), 'openapi: 3.0.3\npaths: {}\ncomponents:\n  responses:\n    Unauthorized:\n      description: Unauthorized\n', {
      path: ['components', 'responses', 'Unauthorized', 'description'],
      value: 'Unauthorized',
    });
  });

  it('creates `responses` in an existing `components`, and fills an empty `components:`', () => {
    expectEdit(
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    E: { type: object }\npaths: {}\n',
      (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized),
      'openapi: 3.0.3\ncomponents:\n  schemas:\n    E: { type: object }\n  responses:\n    Unauthorized:\n      description: Unauthorized\npaths: {}\n',
      { path: ['components', 'responses', 'Unauthorized', 'description'], value: 'Unauthorized' },
    );
    expectEdit('openapi: 3.0.3\ncomponents: # later\npaths: {}\n', (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized), 'openapi: 3.0.3\ncomponents: # later\n  responses:\n    Unauthorized:\n      description: Unauthorized\npaths: {}\n', {
      path: ['components', 'responses', 'Unauthorized', 'description'],
      value: 'Unauthorized',
    });
    expectEdit('openapi: 3.0.3\ncomponents: ~\n', (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized), 'openapi: 3.0.3\ncomponents:\n  responses:\n    Unauthorized:\n      description: Unauthorized\n', {
      path: ['components', 'responses', 'Unauthorized', 'description'],
      value: 'Unauthorized',
    });
  });

  it('adds into the existing mapping at the end of the path', () => {
    expectEdit(
      'openapi: 3.0.3\ncomponents:\n  responses:\n    NotFound: { description: nope }\n',
      (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized),
      'openapi: 3.0.3\ncomponents:\n  responses:\n    NotFound: { description: nope }\n    Unauthorized:\n      description: Unauthorized\n',
      { path: ['components', 'responses', 'Unauthorized', 'description'], value: 'Unauthorized' },
    );
  });

  it('JSON: creates the path in the file\'s layout; null values are replaced', () => {
    expectEdit('{\n  "openapi": "3.0.3",\n  "components": null\n}\n', (root) => insertEntryAt(root, ['components', 'responses'], 'Unauthorized', responses.Unauthorized), '{\n  "openapi": "3.0.3",\n  "components": {\n    "responses": {\n      "Unauthorized": {\n        "description": "Unauthorized"\n      }\n    }\n  }\n}\n', {
      path: ['components', 'responses', 'Unauthorized', 'description'],
      value: 'Unauthorized',
    }, JSON_FILE);
  });

  it('refuses a path through a scalar, a sequence or a $ref, and an existing key', () => {
    const root = rootOf("openapi: 3.0.3\ncomponents:\n  responses:\n    $ref: './r.yaml'\n  schemas: []\ninfo: t\n");
    assert.equal(insertEntryAt(root, ['components', 'responses'], 'A', 1), undefined);
    assert.equal(insertEntryAt(root, ['components', 'schemas'], 'A', 1), undefined);
    assert.equal(insertEntryAt(root, ['info', 'x'], 'A', 1), undefined);
    assert.equal(insertEntryAt(root, [], 'openapi', '3.1.0'), undefined);
  });
});

describe('spec-edits: appendItem', () => {
  it('block sequences: `- item` at the dash column, after the last item\'s comment', () => {
    const text = 'openapi: 3.0.3\nsecurity:\n  - apiKey: [] # legacy\nservers:\n  - url: https://a\n';
    expectEdit(text, (root) => appendItem(at(root, 'security') as SpecSeq, { bearerAuth: [] }), 'openapi: 3.0.3\nsecurity:\n  - apiKey: [] # legacy\n  - bearerAuth: []\nservers:\n  - url: https://a\n', {
      path: ['security', 1, 'bearerAuth'],
      value: [],
    });
    expectEdit(text, (root) => appendItem(at(root, 'servers') as SpecSeq, { url: 'https://b', description: 'B' }), 'openapi: 3.0.3\nsecurity:\n  - apiKey: [] # legacy\nservers:\n  - url: https://a\n  - url: https://b\n    description: B\n', {
      path: ['servers', 1, 'description'],
      value: 'B',
    });
  });

  it('flow and JSON sequences', () => {
    expectEdit("swagger: '2.0'\nschemes: [http]\n", (root) => appendItem(at(root, 'schemes') as SpecSeq, 'https'), "swagger: '2.0'\nschemes: [http, https]\n", { path: ['schemes'], value: ['http', 'https'] });
    expectEdit('{\n  "swagger": "2.0",\n  "schemes": [\n    "http"\n  ]\n}', (root) => appendItem(at(root, 'schemes') as SpecSeq, 'https'), '{\n  "swagger": "2.0",\n  "schemes": [\n    "http",\n    "https"\n  ]\n}', {
      path: ['schemes'],
      value: ['http', 'https'],
    }, JSON_FILE);
  });

  it('empty sequences: YAML `security: []` becomes a block; JSON scalars stay on one line, objects get lines', () => {
    expectEdit('openapi: 3.0.3\nsecurity: []\npaths: {}\n', (root) => appendItem(at(root, 'security') as SpecSeq, { bearerAuth: [] }), 'openapi: 3.0.3\nsecurity:\n  - bearerAuth: []\npaths: {}\n', {
      path: ['security', 0, 'bearerAuth'],
      value: [],
    });
    expectEdit('{\n  "swagger": "2.0",\n  "schemes": []\n}', (root) => appendItem(at(root, 'schemes') as SpecSeq, 'https'), '{\n  "swagger": "2.0",\n  "schemes": ["https"]\n}', { path: ['schemes'], value: ['https'] }, JSON_FILE);
    expectEdit('{\n  "openapi": "3.0.3",\n  "security": []\n}', (root) => appendItem(at(root, 'security') as SpecSeq, { bearerAuth: [] }), '{\n  "openapi": "3.0.3",\n  "security": [\n    {\n      "bearerAuth": []\n    }\n  ]\n}', {
      path: ['security', 0, 'bearerAuth'],
      value: [],
    }, JSON_FILE);
  });
});

describe('spec-edits: setScalar', () => {
  const url = (root: SpecMap) => at(root, 'servers', 0, 'url') as SpecScalar;
  it('keeps plain, single and double quoting', () => {
    expectEdit('openapi: 3.0.3\nservers:\n  - url: http://api.example.com/v1 # prod\n', (root) => setScalar(url(root), 'https://api.example.com/v1'), 'openapi: 3.0.3\nservers:\n  - url: https://api.example.com/v1 # prod\n', {
      path: ['servers', 0, 'url'],
      value: 'https://api.example.com/v1',
    });
    expectEdit("openapi: 3.0.3\nservers:\n  - url: 'http://x'\n", (root) => setScalar(url(root), "https://x/it's"), "openapi: 3.0.3\nservers:\n  - url: 'https://x/it''s'\n", { path: ['servers', 0, 'url'], value: "https://x/it's" });
    expectEdit('openapi: 3.0.3\nservers:\n  - url: "http://x"\n', (root) => setScalar(url(root), 'https://x'), 'openapi: 3.0.3\nservers:\n  - url: "https://x"\n', { path: ['servers', 0, 'url'], value: 'https://x' });
    expectEdit('{"openapi": "3.0.3", "servers": [{"url": "http://x"}]}', (root) => setScalar(url(root), 'https://x'), '{"openapi": "3.0.3", "servers": [{"url": "https://x"}]}', { path: ['servers', 0, 'url'], value: 'https://x' }, JSON_FILE);
  });

  it('quotes a plain scalar only when the new text needs it (flow context included)', () => {
    expectEdit('openapi: 3.0.3\ninfo:\n  version: v1\n', (root) => setScalar(at(root, 'info', 'version') as SpecScalar, '2.0'), "openapi: 3.0.3\ninfo:\n  version: '2.0'\n", { path: ['info', 'version'], value: '2.0' });
    expectEdit('openapi: 3.0.3\nservers: [{ url: http://x }]\n', (root) => setScalar(url(root), 'https://{host}/v1'), "openapi: 3.0.3\nservers: [{ url: 'https://{host}/v1' }]\n", { path: ['servers', 0, 'url'], value: 'https://{host}/v1' });
    expectEdit('openapi: 3.0.3\nservers:\n  - url: http://x\n', (root) => setScalar(url(root), 'https://{host}/v1'), 'openapi: 3.0.3\nservers:\n  - url: https://{host}/v1\n', { path: ['servers', 0, 'url'], value: 'https://{host}/v1' });
  });

  it('numbers and booleans are written plain; an empty value is filled after its colon', () => {
    expectEdit('openapi: 3.0.3\nx-max: "10"\nx-none:\n', (root) => setScalar(at(root, 'x-max') as SpecScalar, 20), 'openapi: 3.0.3\nx-max: 20\nx-none:\n', { path: ['x-max'], value: 20 });
    expectEdit('openapi: 3.0.3\nx-none:\nx-b: 1\n', (root) => setScalar(at(root, 'x-none') as SpecScalar, true), 'openapi: 3.0.3\nx-none: true\nx-b: 1\n', { path: ['x-none'], value: true });
    expectEdit('openapi: 3.0.3\nx-none:  # later\nx-b: 1\n', (root) => setScalar(at(root, 'x-none') as SpecScalar, 'a'), 'openapi: 3.0.3\nx-none: a  # later\nx-b: 1\n', { path: ['x-none'], value: 'a' });
    expectEdit('openapi: 3.0.3\nx-f: { a: , b }\n', (root) => setScalar(at(root, 'x-f', 'b') as SpecScalar, 1), 'openapi: 3.0.3\nx-f: { a: , b: 1 }\n', { path: ['x-f', 'b'], value: 1 });
  });

  it('a kept block scalar (`|+`) takes its blank lines with it; values a block cannot carry are double-quoted', () => {
    expectEdit('info:\n  description: |+\n    Old\n\n\n  title: t\nopenapi: 3.0.3\n', (root) => setScalar(at(root, 'info', 'description') as SpecScalar, 'New'), 'info:\n  description: |-\n    New\n  title: t\nopenapi: 3.0.3\n', {
      path: ['info', 'description'],
      value: 'New',
    });
    expectEdit('info:\n  description: |\n    Old\n  title: t\nopenapi: 3.0.3\n', (root) => setScalar(at(root, 'info', 'description') as SpecScalar, '  indented\n\n'), 'info:\n  description: "  indented\\n\\n"\n  title: t\nopenapi: 3.0.3\n', {
      path: ['info', 'description'],
      value: '  indented\n\n',
    });
  });

  it('a tag in front of a scalar stays (it types the new value too)', () => {
    expectEdit('openapi: 3.0.3\nx-code: !!str 123\n', (root) => setScalar(at(root, 'x-code') as SpecScalar, '456'), "openapi: 3.0.3\nx-code: !!str '456'\n", { path: ['x-code'], value: '456' });
  });

  it('block scalars keep their header and indentation', () => {
    expectEdit('openapi: 3.0.3\ninfo:\n  description: >-\n    Old text\n  title: t\n', (root) => setScalar(at(root, 'info', 'description') as SpecScalar, 'New text'), 'openapi: 3.0.3\ninfo:\n  description: >-\n    New text\n  title: t\n', {
      path: ['info', 'description'],
      value: 'New text',
    });
    expectEdit('openapi: 3.0.3\ninfo:\n  description: > # why\n    Old\n  title: t\n', (root) => setScalar(at(root, 'info', 'description') as SpecScalar, 'Line 1\nLine 2\n'), 'openapi: 3.0.3\ninfo:\n  description: | # why\n    Line 1\n    Line 2\n  title: t\n', {
      path: ['info', 'description'],
      value: 'Line 1\nLine 2\n',
    });
  });
});

describe('spec-edits: setEntryValue', () => {
  const schema = (root: SpecMap) => at(root, 'components', 'schemas', 'A') as SpecMap;
  it('YAML: replaces a mapping by a scalar, a scalar by a mapping, a quoted scalar in its quotes; adds a missing key', () => {
    const text = "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      additionalProperties:\n        type: string # any string\n      x-b: {} # later\n      x-c: 'old'\n";
    const readBack = (value: unknown, key: string) => ({ path: ['components', 'schemas', 'A', key], value });
    expectEdit(text, (root) => setEntryValue(schema(root), 'additionalProperties', false), "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      additionalProperties: false # any string\n      x-b: {} # later\n      x-c: 'old'\n", readBack(false, 'additionalProperties'));
    expectEdit(text, (root) => setEntryValue(schema(root), 'x-b', { maxLength: 10 }), "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      additionalProperties:\n        type: string # any string\n      x-b: # later\n        maxLength: 10\n      x-c: 'old'\n", readBack({ maxLength: 10 }, 'x-b'));
    expectEdit(text, (root) => setEntryValue(schema(root), 'x-c', 'new'), "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      additionalProperties:\n        type: string # any string\n      x-b: {} # later\n      x-c: 'new'\n", readBack('new', 'x-c'));
    expectEdit(text, (root) => setEntryValue(schema(root), 'maxProperties', 50, { after: 'type' }), "openapi: 3.0.3\ncomponents:\n  schemas:\n    A:\n      type: object\n      maxProperties: 50\n      additionalProperties:\n        type: string # any string\n      x-b: {} # later\n      x-c: 'old'\n", readBack(50, 'maxProperties'));
  });

  it('YAML: a comment between the key and its block value stays on the key\'s line', () => {
    const text = 'openapi: 3.0.3\nx-p:   # kept\n  a: 1\ninfo: {}\n';
    expectEdit(text, (root) => setEntryValue(root, 'x-p', false), 'openapi: 3.0.3\nx-p: false # kept\ninfo: {}\n', { path: ['x-p'], value: false });
    expectEdit(text, (root) => setEntryValue(root, 'x-p', { b: [2] }), 'openapi: 3.0.3\nx-p:   # kept\n  b:\n    - 2\ninfo: {}\n', { path: ['x-p'], value: { b: [2] } });
  });

  it('JSON: pretty and one-line values are replaced in their layout', () => {
    const text = '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "A": {\n        "additionalProperties": {\n          "type": "string"\n        },\n        "x-b": 1\n      }\n    }\n  }\n}\n';
    expectEdit(text, (root) => setEntryValue(schema(root), 'additionalProperties', false), '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "A": {\n        "additionalProperties": false,\n        "x-b": 1\n      }\n    }\n  }\n}\n', { path: ['components', 'schemas', 'A', 'additionalProperties'], value: false }, JSON_FILE);
    expectEdit(text, (root) => setEntryValue(schema(root), 'x-b', { a: [1] }), '{\n  "openapi": "3.0.3",\n  "components": {\n    "schemas": {\n      "A": {\n        "additionalProperties": {\n          "type": "string"\n        },\n        "x-b": {\n          "a": [\n            1\n          ]\n        }\n      }\n    }\n  }\n}\n', { path: ['components', 'schemas', 'A', 'x-b', 'a'], value: [1] }, JSON_FILE);
    expectEdit('{"components":{"schemas":{"A":{"additionalProperties":{}}}}}', (root) => setEntryValue(schema(root), 'additionalProperties', { type: 'string' }), '{"components":{"schemas":{"A":{"additionalProperties":{"type":"string"}}}}}', { path: ['components', 'schemas', 'A', 'additionalProperties', 'type'], value: 'string' }, JSON_FILE);
  });

  it('refuses a value other text depends on: an anchor, an alias, a tag', () => {
    const root = rootOf('openapi: 3.0.3\nx-a: &a\n  b: 1\nx-c: *a\nx-d: !!map\n  e: 1\n');
    assert.equal(setEntryValue(root, 'x-a', false), undefined);
    assert.equal(setEntryValue(root, 'x-c', false), undefined);
    assert.equal(setEntryValue(root, 'x-d', false), undefined);
  });
});

describe('spec-edits: values and style', () => {
  it('YAML strings are quoted exactly when a plain scalar would read differently', () => {
    const plain = ['abc', 'Bearer token', '/users/{id}', 'a:b', 'x-rate-limit', 'application/json', 'é'];
    for (const value of plain) assert.equal(yamlString(value, "'", false), value);
    const quoted: [string, string][] = [
      ['401', "'401'"],
      ['1.0', "'1.0'"],
      ['true', "'true'"],
      ['yes', "'yes'"],
      ['null', "'null'"],
      ['~', "'~'"],
      ['', "''"],
      ['a: b', "'a: b'"],
      ['a #b', "'a #b'"],
      ['#a', "'#a'"],
      ['*a', "'*a'"],
      ['- a', "'- a'"],
      [' a', "' a'"],
      ['2024-01-01', "'2024-01-01'"],
      ['0x1F', "'0x1F'"],
      ['.inf', "'.inf'"],
      ['<<', "'<<'"],
      ["it's: x", "'it''s: x'"],
      ['a\nb', '"a\\nb"'],
    ];
    for (const [value, expected] of quoted) assert.equal(yamlString(value, "'", false), expected, value);
    assert.equal(yamlString('401', '"', false), '"401"');
    assert.equal(yamlString('/users/{id}', "'", true), "'/users/{id}'");
    assert.equal(yamlString('a,b', "'", true), "'a,b'");
  });

  it('detects line ending, indentation unit, quote and sequence style', () => {
    const style = (text: string, filePath = YAML) => {
      const { eol, indentUnit, quote, indentSequences } = textStyleOf(parseSpecText(filePath, text).document);
      return { eol, indentUnit, quote, indentSequences };
    };
    assert.deepEqual(style('openapi: "3.0.3"\r\ninfo:\r\n    title: "t"\r\ntags:\r\n- name: a\r\n'), { eol: '\r\n', indentUnit: '    ', quote: '"', indentSequences: false });
    assert.deepEqual(style("openapi: '3.0.3'\ninfo:\n  title: t\ntags:\n  - name: a\n"), { eol: '\n', indentUnit: '  ', quote: "'", indentSequences: true });
    assert.deepEqual(style('{\n\t"openapi": "3.0.3"\n}', JSON_FILE), { eol: '\n', indentUnit: '\t', quote: '"', indentSequences: true });
  });

  it('formatValue and formatEntry write one value in YAML block, flow and JSON layouts', () => {
    const yaml = textStyleOf(parseSpecText(YAML, "openapi: '3.0.3'\ninfo:\n  title: t\n").document);
    const json = textStyleOf(parseSpecText(JSON_FILE, '{\n  "openapi": "3.0.3"\n}').document);
    const value = { '401': { description: 'No token', content: { 'application/json': { schema: { type: 'object', required: ['code'] } } } } };
    assert.equal(formatValue(value, yaml, { mode: 'block', indent: '    ' }), "\n      '401':\n        description: No token\n        content:\n          application/json:\n            schema:\n              type: object\n              required:\n                - code");
    assert.equal(formatValue(value, yaml, { mode: 'inline' }), "{ '401': { description: No token, content: { application/json: { schema: { type: object, required: [code] } } } } }");
    assert.equal(formatValue(['a', 1, null, true], json, { mode: 'inline' }), '["a", 1, null, true]');
    assert.equal(formatEntry('security', [{ bearerAuth: [] }], json, { mode: 'multiline', indent: '  ' }), '"security": [\n    {\n      "bearerAuth": []\n    }\n  ]');
    assert.equal(formatEntry('maxLength', 256, yaml, { mode: 'block', indent: '' }), 'maxLength: 256');
  });

  it('the style follows a document whose text changed (incremental re-parses keep the document object)', () => {
    const document = parseSpecText(YAML, 'openapi: 3.0.3\ninfo:\n  title: t\n').document as { text: string } & Parameters<typeof textStyleOf>[0];
    assert.equal(textStyleOf(document).eol, '\n');
    document.text = 'openapi: 3.0.3\r\ninfo:\r\n    title: t\r\n';
    assert.deepEqual([textStyleOf(document).eol, textStyleOf(document).indentUnit], ['\r\n', '    ']);
  });

  it('combineEdits keeps the order of insertions at one offset', () => {
    const text = 'openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        \'200\': { description: ok }\n';
    const root = rootOf(text);
    const response = insertEntry(at(root, 'paths', '/a', 'get', 'responses') as SpecMap, '401', { $ref: '#/components/responses/Unauthorized' });
    const component = insertEntryAt(root, ['components', 'responses'], 'Unauthorized', { description: 'Unauthorized' });
    assert.equal(response?.start, component?.start);
    const edits = combineEdits(response, component);
    assert.equal(edits?.length, 1);
    assert.equal(
      applied(text, edits).text,
      "openapi: 3.0.3\npaths:\n  /a:\n    get:\n      responses:\n        '200': { description: ok }\n        '401':\n          $ref: '#/components/responses/Unauthorized'\ncomponents:\n  responses:\n    Unauthorized:\n      description: Unauthorized\n",
    );
    assert.equal(combineEdits(response, undefined), undefined);
  });
});

// Every mapping, sequence and scalar of awkward specs gets an edit: the result must parse, hold the new value at its
// place and nothing else may change. Nodes under an anchor are left out (an edit there shows through every alias).
const AWKWARD_YAML = `%YAML 1.2
---
# header comment
openapi: "3.0.3"   # trailing
info:
  title: 'It''s an API'
  version : 1.0.0
  description: >2
      indented more
    folded
  x-multi: "line one
    line two"
  x-plain-multi: first
    continued

paths:

  /a/{id}:   # path comment
    get:
      tags: [ a,
        b ]
      parameters:
      - name: id
        in: path
        # comment between
        required: true

      - &p2
        name: q
        in: query
      - *p2
      responses:
        "200":
          description: |-
            ok
            # not a comment
        '404': {description: nope, content: {}}  # flow comment
    x-empty:
    x-null: null
    x-tilde: ~ # tilde
    x-list:
    - - nested
      - seq
    - []
    - {}
  # trailing comment at path level
components:
  schemas:
    Base: &base
      type: object
      properties: {id: {type: string}}
    Derived:
      <<: *base
      required: [id]
...
`;
const AWKWARD_JSONC = `{
  // a comment
  "openapi": "3.1.0",
  "info": {"title": "t", "version": "1"},
  "paths": {
    "/a": {
      "get": {
        "parameters": [
          {"name": "a", "in": "query"}, // after an item
        ],
        "responses": {
          "200": {"description": "ok"},
        }
      }
    }
  },
  "components" : {
    "schemas": {} ,
    "x": [ ]
  }
}
`;
const FOUR_SPACES_CRLF = 'openapi: 3.0.3\r\ninfo:\r\n    title: t\r\n    x-d: |\r\n        a\r\n        b\r\npaths:\r\n    /a:\r\n        get:\r\n            tags:\r\n            - a\r\n            security: []\r\n            x: {}\r\n            responses:\r\n                default: {description: d}';
const MINIFIED = '{"swagger":"2.0","info":{"title":"t","version":"1"},"schemes":["http"],"paths":{"/a":{"get":{"responses":{"200":{"description":"ok"}},"security":[]}}},"definitions":{}}';

describe('spec-edits: every node of awkward specs', () => {
  const insertValues: SpecValue[] = ['plain', '401', 'a: b # c', "it's \"q\"", 'two\nlines', '', null, true, 3.5, [], {}, { description: 'x', content: { 'application/json': { schema: { $ref: '#/c' } } } }, [{ a: 1, b: [1, 2] }, 'z'], { '/p/{id}': { get: [] } }];
  const scalarValues: (string | number | boolean | null)[] = ['https://x/{y}', "a'b", 'a: b', '', 'l1\nl2\n', 42, false, null, '#x', '- x', 'yes'];
  const positions: InsertPosition[] = ['last', 'first', { after: 'get' }, { before: 'responses' }];

  for (const [filePath, text] of [[YAML, AWKWARD_YAML], [JSON_FILE, AWKWARD_JSONC], [YAML, FOUR_SPACES_CRLF], [JSON_FILE, MINIFIED]] as const) {
    it(`${filePath.endsWith('json') ? 'JSON' : 'YAML'} ${JSON.stringify(text.slice(0, 30))}…`, () => {
      const root = rootOf(text, filePath);
      const original = plainValueOf(root);
      const nodes: { node: SpecNode; path: (string | number)[] }[] = [];
      const seen = new Set<SpecNode>();
      const anchored = new Set<SpecNode>();
      const markAnchored = (node: SpecNode): void => {
        anchored.add(node);
        if (node.kind === 'map') for (const entry of node.entries) markAnchored(entry.value);
        if (node.kind === 'seq') for (const item of node.items) markAnchored(item);
      };
      const walk = (node: SpecNode, path: (string | number)[]): void => {
        if (seen.has(node)) return markAnchored(node);
        seen.add(node);
        nodes.push({ node, path });
        if (node.kind === 'map') for (const entry of node.entries) walk(entry.value, [...path, entry.key]);
        if (node.kind === 'seq') node.items.forEach((item, index) => walk(item, [...path, index]));
      };
      walk(root, []);
      const changed = (path: (string | number)[], change: (value: any) => unknown): unknown => {
        const copy = structuredClone(original) as any;
        if (path.length === 0) return change(copy);
        let parent = copy;
        for (const step of path.slice(0, -1)) parent = parent[step];
        parent[path[path.length - 1]!] = change(parent[path[path.length - 1]!]);
        return copy;
      };
      let edits = 0;
      nodes.forEach(({ node, path }, index) => {
        if (anchored.has(node)) return;
        const cases: { edit: RuleEdit | undefined; expected: unknown; what: string }[] = [];
        if (node.kind === 'map') {
          const value = insertValues[index % insertValues.length]!;
          const where = positions[index % positions.length]!;
          cases.push({
            what: `insertEntry ${JSON.stringify(where)} ${JSON.stringify(value)}`,
            edit: insertEntry(node, 'x-new', value, where),
            expected: changed(path, (map: Record<string, unknown>) => {
              const entries = Object.entries(map);
              const keys = entries.map(([key]) => key);
              const named = typeof where === 'object' ? keys.indexOf('after' in where ? where.after : where.before) : -1;
              const at = where === 'first' ? 0 : named < 0 ? keys.length : typeof where === 'object' && 'after' in where ? named + 1 : named;
              entries.splice(at, 0, ['x-new', value]);
              return Object.fromEntries(entries);
            }),
          });
          const target = node.entries[index % node.entries.length];
          if (target && node.entries.filter((entry) => entry.key === target.key).length === 1) {
            const replacement = insertValues[(index + 3) % insertValues.length]!;
            const edit = setEntryValue(node, target.key, replacement);
            // Refused only for a value other text depends on (an alias, an anchor, a tag).
            if (edit || !/^[ \t]*:[ \t]*[*&!]/.test(text.slice(target.keyRange.end))) {
              cases.push({ what: `setEntryValue ${target.key} ${JSON.stringify(replacement)}`, edit, expected: changed(path, (map: Record<string, unknown>) => ({ ...map, [target.key]: replacement })) });
            }
          }
          if (!node.entries.some((entry) => entry.key === '$ref')) {
            cases.push({ what: 'insertEntryAt', edit: insertEntryAt(node, ['x-new', 'deep'], 'k', value), expected: changed(path, (map: object) => ({ ...map, 'x-new': { deep: { k: value } } })) });
          }
        } else if (node.kind === 'seq') {
          const value = insertValues[index % insertValues.length]!;
          cases.push({ what: `appendItem ${JSON.stringify(value)}`, edit: appendItem(node, value), expected: changed(path, (items: unknown[]) => [...items, value]) });
        } else if (path.length > 0) {
          const value = scalarValues[index % scalarValues.length]!;
          cases.push({ what: `setScalar ${JSON.stringify(value)}`, edit: setScalar(node, value), expected: changed(path, () => value) });
        }
        for (const { edit, expected, what } of cases) {
          assert.ok(edit, `${what} at ${path.join('.')}: no edit`);
          const result = applied(text, edit, filePath);
          assert.deepEqual(plainValueOf(result.root), expected, `${what} at ${path.join('.')}:\n${result.text}`);
          edits++;
        }
      });
      assert.ok(edits > 10, `only ${edits} edits`);
    });
  }
});

describe("spec-edits: the issue's quick fixes, one after another, on examples/openapi.yaml", () => {
  it('each edit lands at its line in the file\'s style; the spec still parses and every value reads back', () => {
    const filePath = path.join(__dirname, '../../../examples/openapi.yaml');
    let text = fs.readFileSync(filePath, 'utf8');
    const step = (edit: (root: SpecMap) => RuleEdit | RuleEdit[] | undefined, line: number, newText: string) => {
      const made = edit(rootOf(text, filePath));
      const first = Array.isArray(made) ? made[0] : made;
      assert.ok(first);
      assert.deepEqual({ line: text.slice(0, first.start).split('\n').length, newText: first.newText }, { line, newText });
      text = applied(text, made, filePath).text;
      return rootOf(text, filePath);
    };
    const operation = (root: SpecMap, route: string, method: string) => at(root, 'paths', route, method) as SpecMap;
    step((root) => setScalar(at(root, 'servers', 0, 'url') as SpecScalar, 'https://api.example-shop.com'), 9, 'https://api.example-shop.com');
    step(
      (root) =>
        combineEdits(
          insertEntries(at(operation(root, '/users/{id}', 'get'), 'responses') as SpecMap, [['401', { $ref: '#/components/responses/Unauthorized' }], ['403', { $ref: '#/components/responses/Forbidden' }]]),
          insertEntryAt(root, ['components', 'responses'], 'Forbidden', { description: 'Authenticated, but not allowed.' }),
        ),
      119,
      "        '401':\n          $ref: '#/components/responses/Unauthorized'\n        '403':\n          $ref: '#/components/responses/Forbidden'\n",
    );
    step((root) => insertEntry(at(operation(root, '/users/{id}', 'get'), 'responses') as SpecMap, '429', { description: 'Too many requests.', headers: { 'Retry-After': { schema: { type: 'integer' } } } }), 123, "        '429':\n          description: Too many requests.\n          headers:\n            Retry-After:\n              schema:\n                type: integer\n");
    step((root) => appendItem(at(operation(root, '/auth/refresh', 'post'), 'security') as SpecSeq, { bearerAuth: [] }), 47, '\n        - bearerAuth: []');
    step((root) => insertEntry(at(root, 'components', 'schemas', 'NewUser') as SpecMap, 'additionalProperties', false, { after: 'type' }), 288, '      additionalProperties: false\n');
    step((root) => insertEntry(at(root, 'components', 'schemas', 'NewUser', 'properties', 'role') as SpecMap, 'readOnly', true), 305, '          readOnly: true\n');
    step((root) => insertEntry(at(root, 'components', 'schemas', 'User', 'allOf', 1, 'properties', 'passwordHash') as SpecMap, 'writeOnly', true), 337, '              writeOnly: true\n');
    step((root) => insertEntry(at(root, 'components', 'schemas', 'Session', 'properties', 'token') as SpecMap, 'maxLength', 4096), 285, '          maxLength: 4096\n');
    const root = step((root) => insertEntry(at(root, 'paths', '/users/{id}', 'parameters', 0, 'schema') as SpecMap, 'maximum', 2147483647), 108, '          maximum: 2147483647\n');
    assert.deepEqual(plainValueOf(at(root, 'components', 'responses')), { Unauthorized: { description: 'Missing or invalid credentials.' }, Forbidden: { description: 'Authenticated, but not allowed.' } });
    assert.deepEqual(plainValueOf(at(root, 'paths', '/users/{id}', 'get', 'responses', '429', 'headers')), { 'Retry-After': { schema: { type: 'integer' } } });
    assert.deepEqual(plainValueOf(at(root, 'paths', '/auth/refresh', 'post', 'security')), [{ bearerAuth: [] }]);
    assert.deepEqual(Object.keys(plainValueOf(at(root, 'components', 'schemas', 'NewUser')) as object), ['type', 'additionalProperties', 'required', 'properties']);
    assert.equal(plainValueOf(at(root, 'components', 'schemas', 'NewUser', 'properties', 'role', 'readOnly')), true);
    assert.equal(plainValueOf(at(root, 'components', 'schemas', 'User', 'allOf', 1, 'properties', 'passwordHash', 'writeOnly')), true);
    assert.equal(plainValueOf(at(root, 'paths', '/users/{id}', 'parameters', 0, 'schema', 'maximum')), 2147483647);
    assert.equal(plainValueOf(at(root, 'servers', 0, 'url')), 'https://api.example-shop.com');
    // Comments are all still there.
    const comments = (spec: string) => spec.match(/(?:^|\s)# .*$/gm);
    assert.deepEqual(comments(text), comments(fs.readFileSync(filePath, 'utf8')));
  });
});
