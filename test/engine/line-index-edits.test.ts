// LineIndex.afterEdit must give the index a fresh scan gives, for any edit, with every kind of line break.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { LineIndex } from '../../server/engine/line-index';
import { changedRegion } from '../../server/engine/openapi/incremental-parse';

function lines(index: LineIndex): string[] {
  return Array.from({ length: index.lineCount }, (_, line) => `${index.offsetAt({ line, character: 0 })}:${index.lineText(line)}`);
}

describe('LineIndex.afterEdit', () => {
  it('matches a fresh index over 5,000 random edits with \\n, \\r\\n and lone \\r (seeded)', () => {
    let seed = 11;
    const random = (below: number) => {
      seed = (seed * 1103515245 + 12345) % 2 ** 31;
      return seed % below;
    };
    const pieces = ['\n', '\r', '\r\n', 'ab', '', 'x\ny', '\r\r\n\n', ' '];
    let text = 'first line\nsecond\r\nthird\rfourth\n\nlast';
    let index = LineIndex.of(text);
    for (let step = 0; step < 5000; step++) {
      const start = random(text.length + 1);
      const end = Math.min(text.length, start + random(5));
      const next = text.slice(0, start) + pieces[random(pieces.length)] + text.slice(end);
      const region = changedRegion(text, next);
      const moved = index.afterEdit(next, region.start, region.oldEnd);
      assert.deepEqual(lines(moved), lines(LineIndex.of(next)), `step ${step}: ${JSON.stringify(text)} → ${JSON.stringify(next)}`);
      text = next.length > 400 ? next.slice(0, 200) : next;
      index = next.length > 400 ? LineIndex.of(text) : moved;
    }
  });
});
