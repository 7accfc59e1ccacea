/** Page numbering from firstPage or the sources' folios (a stray old folio must not break the sequence). */
import { describe, expect, it } from 'vitest';
import type { ZbDocument } from '../../src/ast/types.js';
import { pageNumbers } from '../../src/pipeline/pages.js';

const doc = (source: string, folio: number | null, continued = false) =>
  ({
    type: 'document',
    source,
    folio: folio === null ? null : { page: folio, section: null },
    banner: null,
    diagnostics: [],
    articles: continued ? [{ jumpFromPrevious: true }] : [],
  }) as unknown as ZbDocument;

describe('pageNumbers', () => {
  it('counts from firstPage and reports a stray folio', () => {
    const { numbers, ignoredFolios } = pageNumbers([doc('a', null), doc('b', null), doc('c', 19), doc('d', null)], 1);
    expect(numbers).toEqual([1, 2, 3, 4]);
    expect(ignoredFolios).toEqual([{ source: 'c', folio: 19, number: 3 }]);
  });

  it('uses the folios when every source has one, in order, continuations counted on', () => {
    expect(pageNumbers([doc('a', 17), doc('a', null, true), doc('b', 19), doc('c', 20)], 1)).toEqual({
      numbers: [17, 18, 19, 20],
      ignoredFolios: [],
    });
  });

  it('falls back to counting when folios run backwards', () => {
    const { numbers, ignoredFolios } = pageNumbers([doc('a', 7), doc('b', 3)], 5);
    expect(numbers).toEqual([5, 6]);
    expect(ignoredFolios.map((f) => f.folio)).toEqual([7, 3]);
  });
});
