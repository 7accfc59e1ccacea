/**
 * Every character accounted for, in the one case 10,000 fuzzed inputs found lost: a photo slot followed by a
 * `——` line and nothing else. The line used to vanish with no diagnostic; it is now kept as page furniture
 * and reported.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { accountingDiff } from './accounting.js';

describe('character accounting: photo slot and a dash line', () => {
  it.each(['图片位\n——副题写在这里\n', '［照片区］\n——副题写在这里\n', '图片位\n\n——副题写在这里\n图片位\n说明文字\n'])(
    'keeps every character of %j',
    (text) => {
      const bytes = new TextEncoder().encode(text);
      const { tree } = parseSource(bytes, 'x.txt');
      expect(accountingDiff(bytes, tree)).toEqual({ missing: '', extra: '' });
    },
  );

  it('reports the caption that found no article', () => {
    const { tree } = parseSource(new TextEncoder().encode('图片位\n——副题写在这里\n'), 'x.txt');
    expect(tree.diagnostics.map((d) => d.ruleId)).toContain('caption-without-article');
  });
});
