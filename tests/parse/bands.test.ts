/**
 * Columns printed band by band (other papers' pages): on a page whose columns start level
 * with indented first lines, pdftotext prints the first lines of every column, then the next piece of
 * every column, and so on (tests/parse/data/theory-page: source.html printed by Chromium, input.txt is
 * its pdftotext). rethread.ts reads such bands back column by column, so the body paragraphs come
 * back whole. Known gap: a column that pdftotext moved to the end of the page with its subhead
 * (`深刻把握…` + `开放是…`) is not joined to the column it goes on in.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';

const DIR = join(import.meta.dirname, 'data', 'theory-page');

describe('columns printed band by band', () => {
  it('gives back the paragraphs of the printed page whole', () => {
    const html = readFileSync(join(DIR, 'source.html'), 'utf8');
    const printed = [...html.matchAll(/<p>(.*?)<\/p>/g)].map((m) => m[1]!);
    const { tree } = parseSource(readFileSync(join(DIR, 'input.txt')), 'input.txt');
    const got = tree.articles
      .flatMap((a) => a.children)
      .filter((c) => c.type === 'paragraph')
      .map((p) => p.children.map((t) => t.value).join(''));
    const whole = printed.filter((p) => got.includes(p));
    expect(printed).toHaveLength(7);
    expect(whole, printed.filter((p) => !got.includes(p)).join('\n')).toHaveLength(6);
    expect(printed[1]!.startsWith('开放是当代中国')).toBe(true);
    expect(whole).not.toContain(printed[1]);
  });
});
