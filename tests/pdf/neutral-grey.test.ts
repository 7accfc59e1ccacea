/**
 * The neutral-RGB → grey rewrite that keeps black type on the K plate in the PDF/X: it must
 * change only real rg/RG operators with equal components, never bytes inside strings or image data.
 */
import { describe, expect, it } from 'vitest';
import { rewriteNeutralRgb } from '../../src/pdf/neutral-grey.js';

const run = (text: string) => {
  const out = rewriteNeutralRgb(new Uint8Array(Buffer.from(text, 'latin1')));
  return out ? Buffer.from(out).toString('latin1') : null;
};

describe('rewriteNeutralRgb', () => {
  it('turns neutral fill and stroke RGB into grey and leaves chromatic colours alone', () => {
    expect(run('0 0 0 rg 0 0 0 RG .8 0 0 rg 0.5 .5 0.50 RG')).toBe('0 g 0 G .8 0 0 rg 0.5 G');
  });

  it('ignores operator-like bytes in strings, names, comments and inline images', () => {
    const source = '(0 0 0 rg) Tj <3020> Tj /0 0 0 rg % 1 1 1 rg\nBI /W 1 /H 1 ID \x001 1 1 rg EI 1 1 1 rg';
    expect(run(source)).toBe(source.replace(/1 1 1 rg$/, '1 g'));
    expect(run('(1 1 1 rg) Tj')).toBeNull();
  });
});
