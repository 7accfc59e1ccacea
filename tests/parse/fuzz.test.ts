/**
 * Fuzzing stays in CI: 10,000 generated inputs per run (fast-check), built from the pieces real
 * extracted pages are made of (headlines, `——` subtitles, bylines, photo slots, captions, body
 * sentences, blank lines, stray spaces, Latin and digits, Markdown characters). For each, `parse` never
 * throws nor reports an internal error and accounts for every character; for a share of them the
 * import → Markdown → parse round trip gives back the same articles and fields.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { ZbDocument } from '../../src/ast/types.js';
import { parseMarkdownSource } from '../../src/markdown/parse.js';
import { toMarkdown } from '../../src/markdown/stringify.js';
import { parseSource } from '../../src/parse/index.js';
import { accountingDiff } from './accounting.js';

/** Inputs per run: parse alone, and import → parse (slower: Markdown is parsed again). */
const PARSE_RUNS = 8000;
const ROUND_TRIP_RUNS = 2000;

const HAN = [
  ...'的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可也你新医院健康卫生服务患者中心科技',
];
const PIECES = [
  '图片位',
  '［照片区］',
  '——',
  '本报讯',
  '记者',
  '通讯员',
  '摄',
  '文/图',
  '（',
  '）',
  '“',
  '”',
  '，',
  '。',
  '；',
  '：',
  '、',
  '！',
  '？',
  '*',
  '`',
  '_',
  '[',
  ']',
  '<',
  '>',
  '#',
  '|',
  '~',
  '&',
  '\\',
  '1.',
  '2)',
  '-',
  '+',
  'AI',
  'CT',
  '2026',
  '第4版',
  '  ',
  '　',
];

const word = fc.oneof(
  { weight: 4, arbitrary: fc.array(fc.constantFrom(...HAN), { minLength: 1, maxLength: 8 }).map((cs) => cs.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(...PIECES) },
);
const line = fc.oneof(
  { weight: 6, arbitrary: fc.array(word, { minLength: 1, maxLength: 10 }).map((ws) => ws.join('')) },
  { weight: 1, arbitrary: fc.constant('') },
  { weight: 1, arbitrary: fc.array(word, { minLength: 1, maxLength: 3 }).map((ws) => `——${ws.join('')}`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom('图片位', '本报讯（记者 张三 通讯员 李四）', '（张三 摄）', '责任编辑：孙立'),
  },
);
const page = fc.array(line, { minLength: 1, maxLength: 40 }).map((lines) => `${lines.join('\n')}\n`);

function fields(tree: ZbDocument) {
  return tree.articles.map((a) => ({
    headline: a.headline,
    kicker: a.kicker,
    subheadline: a.subheadline,
    institution: a.institution,
    authors: a.byline.authors,
    credit: a.byline.photoCredit,
    lede: a.lede.length,
    blocks: a.children.length,
  }));
}

describe('fuzzing the importer (fast-check)', () => {
  it(`parses ${PARSE_RUNS} generated pages: no throw, no internal error, every character accounted for`, () => {
    fc.assert(
      fc.property(page, (text) => {
        const bytes = new TextEncoder().encode(text);
        const { tree } = parseSource(bytes, 'fuzz.txt');
        expect(tree.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
        expect(accountingDiff(bytes, tree)).toEqual({ missing: '', extra: '' });
      }),
      { numRuns: PARSE_RUNS },
    );
  });

  it(`round-trips ${ROUND_TRIP_RUNS} generated pages through import → Markdown → parse`, () => {
    fc.assert(
      fc.property(page, (text) => {
        const { tree } = parseSource(new TextEncoder().encode(text), 'fuzz.txt');
        const back = parseMarkdownSource(toMarkdown(tree), 'fuzz.md', () => {});
        expect(fields(back)).toEqual(fields(tree));
      }),
      { numRuns: ROUND_TRIP_RUNS },
    );
  });
});
