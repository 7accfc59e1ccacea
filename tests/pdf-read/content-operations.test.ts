/**
 * The content-stream parser must not be fooled by operator-like bytes inside strings or inline image
 * data, and must keep operands (names, numbers, arrays, dicts) attached to the right operator.
 */
import { describe, expect, it } from 'vitest';
import { Name, operations } from '../../src/pdf-read/content-operations.js';

const ops = (text: string) => [...operations(new TextEncoder().encode(text))];

describe('content-stream operations', () => {
  it('skips strings (with nested and escaped parentheses) and hex strings', () => {
    const parsed = ops('BT /F1 12 Tf (1 0 0 rg \\) (nested 0 0 1 RG) here) Tj <30203020726720> Tj ET 0.5 g');
    expect(parsed.map((o) => o.op)).toEqual(['BT', 'Tf', 'Tj', 'Tj', 'ET', 'g']);
    expect(parsed[1]!.args).toEqual([new Name('F1'), 12]);
  });

  it('skips inline image data and reads its dictionary', () => {
    const parsed = ops('q 10 0 0 10 0 0 cm BI /W 4 /H 2 /CS /RGB /BPC 8 ID \x00rg RG\xff\x01 EI Q 1 0 0 RG');
    expect(parsed.map((o) => o.op)).toEqual(['q', 'cm', 'BI', 'Q', 'RG']);
    expect(parsed[2]!.inline!.get('CS')).toEqual(new Name('RGB'));
    expect(parsed[2]!.inline!.get('W')).toBe(4);
  });

  it('keeps arrays, dicts, comments and decoded #-escapes in names', () => {
    const parsed = ops('% comment rg\n/Artifact <</MCID 3>> BDC [1 (a) 2] 0 d /Sep#20A cs EMC');
    expect(parsed.map((o) => o.op)).toEqual(['BDC', 'd', 'cs', 'EMC']);
    expect((parsed[0]!.args[1] as Map<string, unknown>).get('MCID')).toBe(3);
    expect(parsed[1]!.args).toEqual([[1, null, 2], 0]);
    expect(parsed[2]!.args).toEqual([new Name('Sep A')]);
  });
});
