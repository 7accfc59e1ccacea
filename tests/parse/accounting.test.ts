/**
 * Nothing is lost: on every fixture, and on generated inputs (fast-check), each
 * letter/digit/ideograph of the input is in the tree exactly once — the removed copy of a
 * duplicate excepted, and only when a `duplicate-paragraph` message reports it. The parser never
 * throws on text.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { BinaryInputError, parseSource } from '../../src/parse/index.js';
import { accountingDiff } from './accounting.js';
import { fixtureCases } from './fixtures.js';

describe('character accounting on fixtures', () => {
  for (const c of fixtureCases().filter((x) => x.name !== 'binary-refused')) {
    it(c.name, () => {
      const { tree } = parseSource(c.input, 'input.txt');
      expect(accountingDiff(c.input, tree)).toEqual({ missing: '', extra: '' });
      for (const d of tree.dropped ?? []) {
        expect(tree.diagnostics.some((m) => m.ruleId === d.ruleId && m.line === d.line)).toBe(true);
      }
    });
  }

  it('detects a lost character (the check can fail)', () => {
    const input = new TextEncoder().encode('某区人民医院 标题文字\n\n正文第一段，内容完整。\n');
    const { tree } = parseSource(input, 'x.txt');
    const p = tree.articles[0].children[0];
    if (p.type !== 'paragraph') throw new Error('expected a paragraph');
    p.children[0].value = p.children[0].value.slice(1);
    expect(accountingDiff(input, tree).missing).toBe('正');
  });
});

/** Pieces that look like newspaper text: headlines, org names, bylines, captions, prose, artifacts. */
const piece = fc.oneof(
  fc.constantFrom(
    '',
    '',
    '',
    '某某区人民医院 党建引领发展',
    '某县卫生健康委',
    '党建引领 服务群众',
    '张三 图片由某某医院提供',
    '李四 王五 图/赵六',
    '本报记者 陈七',
    '（作者为某大学教授）',
    '19·卫生健康',
    '2018 年 1 月 12 日 星期五',
    '（下转第8版）',
    '“',
    '”',
    '医院全貌',
    '社 会 保 障 是 民 生',
    '⼀⼈⼤',
    '截至去年底,共有1,000人参加:',
    '7-9月',
    '文章写到这里就断',
    '了。',
    '目标？',
    '这是一段完整的正文，句子以句号结束。',
    '这是重复出现的一个段落，用来检验去重。',
    '2024年5月，幼童误吞异物。',
    'ABC hospital 2024',
    '一行没有标点的正文片段',
    '中医适宜技术推广',
    '\t',
    '   ',
    '——副题写在这里',
  ),
  fc.string({ maxLength: 30 }),
  fc.stringMatching(/^[\u4e00-\u4e20，。、 ]{0,20}$/),
);

describe('generated inputs (fast-check)', () => {
  it('never throws and loses no character', () => {
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), fc.constantFrom('\n', '\r\n'), (lines, eol) => {
        const bytes = new TextEncoder().encode(lines.join(eol));
        let tree: ReturnType<typeof parseSource>['tree'];
        try {
          tree = parseSource(bytes, 'gen.txt').tree;
        } catch (error) {
          // Only binary refusal may throw (fc.string can produce control characters).
          expect(error).toBeInstanceOf(BinaryInputError);
          return;
        }
        expect(tree.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
        expect(accountingDiff(bytes, tree)).toEqual({ missing: '', extra: '' });
      }),
      { numRuns: 400 },
    );
  });
});
