/**
 * The content-stream parser must not be fooled by operator-like bytes inside strings or inline image
 * data, and must keep operands (names, numbers, arrays, dicts) attached to the right operator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { contentTokens } from '../../src/pdf-read/content-lexer.js';
import {
  forEachOperation,
  MAX_OPERAND_DEPTH,
  Name,
  type Operation,
  operations,
} from '../../src/pdf-read/content-operations.js';

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
    expect(parsed[1]!.args).toEqual([[1, new TextEncoder().encode('a'), 2], 0]);
    expect(parsed[2]!.args).toEqual([new Name('Sep A')]);
  });

  it('decodes literal and hex strings, keeps booleans, and builds inline image dictionaries', () => {
    const parsed = ops('(a\\(b\\)\\101\\n) Tj <4E09 4E0> Tj [true false null] d BI /IM true /W 1 ID \x00 EI');
    expect(Buffer.from(parsed[0]!.args[0] as Uint8Array).toString('latin1')).toBe('a(b)A\n');
    expect([...(parsed[1]!.args[0] as Uint8Array)]).toEqual([0x4e, 0x09, 0x4e, 0x00]);
    expect(parsed[2]!.args).toEqual([[true, false, null]]);
    expect(parsed[3]!.inline!.get('IM')).toBe(true);
  });

  it('drops nesting deeper than the limit, says so, and keeps reading', () => {
    const problems = { tooDeep: false };
    const deep = 10_000;
    const parsed = [
      ...operations(new TextEncoder().encode(`${'['.repeat(deep)}${']'.repeat(deep)} 0 d 1 g`), problems),
    ];
    expect(parsed.map((o) => o.op)).toEqual(['d', 'g']);
    expect(problems.tooDeep).toBe(true);
    let depth = 0;
    for (let a = parsed[0]!.args[0]; Array.isArray(a); a = a[0]) depth++;
    expect(depth).toBe(MAX_OPERAND_DEPTH);
  });

  it('gives every token its byte range', () => {
    const tokens = [...contentTokens(new TextEncoder().encode('0.5 g /F1 (x) Tj'))];
    expect(tokens.map((t) => [t.kind, t.start, t.end])).toEqual([
      ['number', 0, 3],
      ['keyword', 4, 5],
      ['name', 6, 9],
      ['string', 10, 13],
      ['keyword', 14, 16],
    ]);
  });
});

describe('content-stream operations read for a few operators', () => {
  const PIECES = [
    ...['12', '-3.5', '.5', '+.5', '1.2.3', '0000000000000000001', '1e5', '-', '.'],
    ...['/F1', '/A#20B', '/', '(a(b)c)', '(\\))', '(\\\\)', '(x', '<4E09>', '<zz', '<'],
    ...['[', ']', '<<', '>>', ')', '{', '}', '>', '%rg Tj\n', '%', '\n', '\r', ' ', '  '],
    ...['q', 'Q', 'cm', 'rg', 'RG', 'cs', 'Do', 'Tj', 'TJ', 'BT', 'ET', 'BDC', 'abcd', 'scn'],
    ...['BI', 'ID', 'EI', 'ID \x00rg EI', 'true', 'false', 'null', '\x00', '\xff', '['.repeat(70)],
  ];
  const WANTED = new Set(['q', 'Q', 'cm', 'rg', 'RG', 'cs', 'scn', 'Do']);
  const bytes = (text: string) => Uint8Array.from(text, (c) => c.charCodeAt(0));
  const read = (data: Uint8Array, wanted?: ReadonlySet<string>) => {
    const problems = { tooDeep: false };
    const seen: Operation[] = [];
    forEachOperation(data, (o) => seen.push(o), problems, true, wanted);
    return { seen: wanted ? seen : seen.filter((o) => o.op === 'BI' || WANTED.has(o.op)), problems };
  };

  it('visits the same operations with the same operands as a full read', () => {
    const stream = fc.array(fc.tuple(fc.constantFrom(...PIECES), fc.constantFrom(' ', '', '\n')), { maxLength: 60 });
    fc.assert(
      fc.property(stream, (pieces) => {
        const data = bytes(pieces.map(([piece, gap]) => piece + gap).join(''));
        expect(read(data, WANTED)).toEqual(read(data));
      }),
      { numRuns: 3000 },
    );
  });

  it('says a skimmed operator nests its operands too deep', () => {
    const deep = bytes(`${'['.repeat(100)}${']'.repeat(100)} Tj 1 0 0 rg`);
    expect(read(deep, WANTED).problems.tooDeep).toBe(true);
    expect(read(bytes(`${'['.repeat(64)}${']'.repeat(64)} Tj`), WANTED).problems.tooDeep).toBe(false);
  });
});
