// Incremental re-parsing of JSON specs must build exactly the tree a full parse builds, whatever the edit.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { changedRegion, reparseAfterEdit } from '../../../server/engine/openapi/incremental-parse';
import { parseSpecText } from '../../../server/engine/openapi/parse-spec';
import type { SpecNode } from '../../../rules/support/spec-tree';

/** The tree as plain data with offsets: what two parses are compared by. */
function shape(node: SpecNode | undefined): unknown {
  if (!node) return undefined;
  if (node.kind === 'scalar') return [node.range.start, node.range.end, node.value];
  if (node.kind === 'seq') return [node.range.start, node.range.end, node.items.map(shape)];
  return [node.range.start, node.range.end, node.entries.map((entry) => [entry.key, entry.keyRange.start, entry.keyRange.end, shape(entry.value)])];
}

const SPEC = JSON.stringify(
  {
    openapi: '3.0.3',
    info: { title: 'Shop', version: '1' },
    paths: {
      '/users': { get: { summary: 'List', responses: { '200': { description: 'ok' } } }, post: { security: [], requestBody: { content: { 'application/json': { schema: { $ref: '#/components/schemas/User' } } } } } },
      '/users/{id}': { parameters: [{ name: 'id', in: 'path', schema: { type: 'integer' } }] },
    },
    components: { schemas: { User: { type: 'object', properties: { id: { type: 'integer' }, name: { type: 'string', maxLength: 10 } } } } },
  },
  null,
  2,
);

describe('incremental JSON re-parse', () => {
  it('finds the changed span by common prefix and suffix', () => {
    assert.deepEqual(changedRegion('abcdef', 'abXYef'), { start: 2, oldEnd: 4 });
    assert.deepEqual(changedRegion('abc', 'abc!'), { start: 3, oldEnd: 3 });
    assert.deepEqual(changedRegion('x'.repeat(200_000) + 'a' + 'y'.repeat(70_000), 'x'.repeat(200_000) + 'bb' + 'y'.repeat(70_000)), { start: 200_000, oldEnd: 200_001 });
  });

  it('re-parses one value in place and shifts the rest', () => {
    const previous = parseSpecText('/p/openapi.json', SPEC);
    const text = SPEC.replace('"List"', '"List every user"');
    const root = previous.document.root;
    const reparsed = reparseAfterEdit(previous, text);
    assert.ok(reparsed);
    assert.equal(reparsed.document.root, root, 'the tree is reused');
    assert.deepEqual(shape(reparsed.document.root), shape(parseSpecText('/p/openapi.json', text).document.root));
  });

  it('falls back to a full parse when the change breaks the value it is in', () => {
    const previous = parseSpecText('/p/openapi.json', SPEC);
    assert.equal(reparseAfterEdit(previous, SPEC.replace('"List"', '"List", ')), undefined);
  });

  it('matches a full parse over 3,000 random edits (seeded)', () => {
    let seed = 7;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const pieces = ['a', '1', '"x"', ' ', '{}', '[]', '"k": 2,', ',', '"', '{"a":[1,2]}', '\n  ', ''];
    let current = parseSpecText('/p/openapi.json', SPEC);
    let incremental = 0;
    for (let step = 0; step < 3000; step++) {
      const text = current.document.text;
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(6));
      const next = text.slice(0, start) + pieces[random(pieces.length)] + text.slice(end);
      const full = parseSpecText('/p/openapi.json', next);
      const fast = reparseAfterEdit(current, next);
      if (fast) {
        incremental++;
        assert.equal(full.error, undefined, `step ${step}: incremental parse accepted text a full parse rejects`);
        assert.deepEqual(shape(fast.document.root), shape(full.document.root), `step ${step}`);
        assert.equal(fast.document.text, next);
        current = fast;
      } else {
        // Keep editing a valid spec most of the time: go back to the last text that parsed.
        current = full.error ? parseSpecText('/p/openapi.json', text) : full;
      }
    }
    assert.ok(incremental > 300, `only ${incremental} edits were incremental`);
  });

  it('YAML: an edit inside a one-line scalar is re-parsed alone, and matches a full parse over 3,000 random edits (seeded)', () => {
    const yamlSpec = [
      'openapi: 3.0.3',
      'info:',
      '  title: "Shop API"',
      "  version: '1.0'",
      'servers: [{ url: https://api.shop.test/v1 }]',
      'paths:',
      '  /users:',
      '    get:',
      '      summary: List users # the first page',
      '      tags: [users, admin]',
      '      parameters:',
      '        - name: limit',
      '          in: query',
      '          schema: { type: integer, maximum: 100 }',
      '      responses:',
      "        '200':",
      '          description: |',
      '            Every user.',
      '',
    ].join('\n');
    let seed = 3;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const pieces = ['a', '1', ' ', ':', ': ', '#', ' #', ',', '"', "'", '-', '\n', 'true', '{', ''];
    let current = parseSpecText('/p/openapi.yaml', yamlSpec);
    let incremental = 0;
    for (let step = 0; step < 3000; step++) {
      const text = current.document.text;
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(3));
      const next = text.slice(0, start) + pieces[random(pieces.length)] + text.slice(end);
      const full = parseSpecText('/p/openapi.yaml', next);
      const fast = reparseAfterEdit(current, next);
      if (fast) {
        incremental++;
        assert.equal(full.error, undefined, `step ${step}: incremental parse accepted text a full parse rejects: ${JSON.stringify(next)}`);
        assert.deepEqual(shape(fast.document.root), shape(full.document.root), `step ${step}: ${JSON.stringify(text)} → ${JSON.stringify(next)}`);
        current = fast;
      } else {
        current = full.error || !full.document.root ? parseSpecText('/p/openapi.yaml', text) : full;
      }
      if (current.document.text.length > 2000) current = parseSpecText('/p/openapi.yaml', yamlSpec);
    }
    assert.ok(incremental > 100, `only ${incremental} edits were incremental`);
  });
});
