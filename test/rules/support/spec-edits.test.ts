import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { RuleEdit } from '../../../rules/support/rule';
import { appendItem, combineEdits, insertEntries, insertEntry, insertEntryAt, setScalar, textStyleOf, yamlString } from '../../../rules/support/spec-edits';
import { plainValueOf, type SpecMap, type SpecNode, type SpecScalar, type SpecSeq } from '../../../rules/support/spec-tree';
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
  assert.ok(edits, 'no edit');
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
  it('the edit names the file the mapping is in', () => {
    const other = '/project/schemas/user.yaml';
    const text = 'type: object\nproperties:\n  id: { type: string }\n';
    expectEdit(text, (root) => insertEntry(root, 'additionalProperties', false), 'type: object\nproperties:\n  id: { type: string }\nadditionalProperties: false\n', { path: ['additionalProperties'], value: false }, other);
    expectEdit(text, (root) => insertEntry(at(root, 'properties', 'id') as SpecMap, 'readOnly', true), 'type: object\nproperties:\n  id: { type: string, readOnly: true }\n', { path: ['properties', 'id', 'readOnly'], value: true }, other);
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
