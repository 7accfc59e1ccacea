/**
 * `pdftotext -layout` (other papers' pages): the same printed page read in layout mode, with
 * its six columns side by side on every line, gives the same articles as pdftotext's default mode
 * (src/parse/layout-columns.ts). Both texts come from tests/fixtures/foreign-layout-pdftotext/source.html.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { unlayoutColumns } from '../../src/parse/layout-columns.js';
import { splitLines } from '../../src/parse/lines.js';
import { FIXTURES, projection } from './fixtures.js';

const articles = (name: string) => {
  const tree = parseSource(readFileSync(join(FIXTURES, name, 'input.txt')), 'input.txt').tree;
  return (projection(tree) as { articles: unknown[] }).articles;
};

describe('pdftotext -layout', () => {
  it('reads the columns of a layout-mode page one after the other, as default mode prints them', () => {
    const layout = articles('foreign-layout-pdftotext-layout');
    expect(layout).toEqual(articles('foreign-layout-pdftotext'));
    expect(JSON.stringify(layout)).toContain('三、品牌引领 打开销售市场');
  });

  it('leaves every other fixture, default-mode text, untouched', () => {
    for (const name of readdirSync(FIXTURES).filter(
      (n) => !/-layout$|binary|gb18030|utf16/.test(n) && existsSync(join(FIXTURES, n, 'input.txt')),
    )) {
      const lines = splitLines(readFileSync(join(FIXTURES, name, 'input.txt'), 'utf8'));
      expect(
        unlayoutColumns(lines).map((l) => l.raw),
        name,
      ).toEqual(lines.map((l) => l.raw));
    }
  });
});
