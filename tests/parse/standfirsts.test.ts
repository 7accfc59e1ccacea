/**
 * Standfirsts (导语) under the headline stack: an editor's note whose signature wrapped, a box or
 * summary set in a narrower measure whose first line ends a sentence (made-up pages in the forms
 * real papers print).
 */
import { describe, expect, it } from 'vitest';
import { paragraphTexts, parsePage, FIRST, HEAD } from '../helpers/parse-page.js';

/** Wrap a paragraph at a 16-em measure with the 2-em first-line indent. */
const wrap = (text: string) => [text.slice(0, 14), ...(text.slice(14).match(/.{1,16}/g) ?? [])];
const PARAS = [
  '今年以来，医院组织专家团队深入基层开展义诊活动，把优质医疗服务送到群众家门口，受到居民的广泛好评和欢迎。',
  '在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，社区居民的获得感不断增强，满意度逐年提高。',
  '下一步，医院将继续完善分级诊疗制度，推动优质资源向基层延伸，让群众享受更加便捷、更加优质的健康服务。',
];
const BODY = PARAS.flatMap((p, i) => [...(i ? [''] : []), ...wrap(p)]);

describe('editor’s notes', () => {
  it('a signature wrapped after `——编` (`者` alone) ends the note, which is the lede', () => {
    for (const tail of [
      ['就能看好病。——编', ' 者'],
      ['就能看好病。——编 ', '者'],
    ]) {
      const note = [
        '基层是守护群众健',
        '康的第一道防线。近年',
        '来，各地推动优质医疗',
        '资源下沉，群众在家门口',
        ...tail,
      ];
      const a = parsePage(['守护健康 我们一直在', '', ...note, '', ...BODY]).articles[0]!;
      expect(paragraphTexts(a.lede).map((t) => t.replace(/\s/g, ''))).toEqual([
        '基层是守护群众健康的第一道防线。近年来，各地推动优质医疗资源下沉，群众在家门口就能看好病。——编者',
      ]);
      expect(paragraphTexts(a.children)).toEqual(PARAS);
    }
  });
});

describe('standfirsts in a narrower measure', () => {
  it('a first line ending a sentence is the standfirst’s indented opening, not a paragraph of its own', () => {
    const standfirst = ['如何让群众更方便看病？', '记者走进多家医疗机构，看一', '项项便民举措如何落地见效。'];
    for (const box of [[], ['核心阅读', '']]) {
      const tree = parsePage(['守护健康 我们一直在', '', ...box, ...standfirst, '', ...BODY]);
      const a = tree.articles[0]!;
      const notes = tree.diagnostics.filter((d) => d.ruleId === 'needs-review');
      expect(notes.map((d) => d.line)).toEqual([3 + box.length]);
      expect(paragraphTexts(a.lede).at(-1)).toBe(
        '如何让群众更方便看病？记者走进多家医疗机构，看一项项便民举措如何落地见效。',
      );
      expect(paragraphTexts(a.children)).toEqual(PARAS);
    }
  });

  it('a summary without end punctuation that stops short in its own measure ends there (needs-review)', () => {
    const summary = ['三年来，全县新建社区卫', '生服务站12个，新签约的居民超', '过8万人'];
    const tree = parsePage(['守护健康 我们一直在', '', ...summary, '', ...BODY]);
    const a = tree.articles[0]!;
    expect(paragraphTexts(a.lede)).toEqual(['三年来，全县新建社区卫生服务站12个，新签约的居民超过8万人']);
    expect(paragraphTexts(a.children)).toEqual(PARAS);
    const notes = tree.diagnostics.filter((d) => d.ruleId === 'needs-review');
    expect(notes.map((d) => d.line)).toEqual([5]);
  });

  it('one of two lines ends there too when the text under it opens a paragraph in the body’s measure', () => {
    const summary = ['三年来，全县新建社区卫生', '服务站12个，签约居民达到八万'];
    const tree = parsePage(['守护健康 我们一直在', '', '本报记者 李明', '', ...summary, '', ...BODY]);
    const a = tree.articles[0]!;
    expect(paragraphTexts(a.lede)).toEqual(['三年来，全县新建社区卫生服务站12个，签约居民达到八万']);
    expect(paragraphTexts(a.children)).toEqual(PARAS);
  });

  it('a block in the body’s measure under the stack keeps its one-line paragraph', () => {
    const block = ['医院常年承担全县疑难重症救治、', '应急救援等医疗任务。', '医疗技术不断进步。'];
    const a = parsePage(['守护健康 我们一直在', '', ...block, '', ...BODY]).articles[0]!;
    expect(paragraphTexts(a.children).slice(0, 2)).toEqual([
      '医院常年承担全县疑难重症救治、应急救援等医疗任务。',
      '医疗技术不断进步。',
    ]);
  });
});

describe('summaries set as two phrases', () => {
  it('a two-phrase line under the stack, before the text and longer than a column line, is the standfirst (needs-review)', () => {
    const tree = parsePage([
      '守护健康 我们一直在',
      '',
      '本报记者 李明',
      '',
      '社区医院越办越好',
      '居民看病就医更加方便放心',
      '',
      ...BODY,
    ]);
    const a = tree.articles[0]!;
    expect(paragraphTexts(a.lede)).toEqual(['社区医院越办越好 居民看病就医更加方便放心']);
    expect(a.children.map((c) => c.type)).toEqual(['paragraph', 'paragraph', 'paragraph']);
    expect(tree.diagnostics.filter((d) => d.ruleId === 'needs-review').map((d) => d.line)).toEqual([5]);
  });

  it('one that fits a column line, or is numbered, stays a section subhead', () => {
    for (const head of [['党建引领 服务一线'], ['一、社区医院越办越好', '居民看病就医更加方便放心']]) {
      const a = parsePage(['守护健康 我们一直在', '', '本报记者 李明', '', ...head, '', ...BODY]).articles[0]!;
      expect(a.lede).toEqual([]);
      expect(a.children[0]!.type).toBe('heading');
    }
  });
});

describe('standfirsts above a dateline', () => {
  const standfirst = wrap('社区是健康服务的最后一公里。记者近日走进多家社区卫生服务中心，看基层医疗如何提质增效。');
  const dated = wrap(
    '本报重庆5月6日电（记者 李明）今年以来，全市社区卫生服务中心新增床位一千余张，门诊量同比增长两成。',
  );

  it('a paragraph under the stack above the paragraph that opens with a dateline is the standfirst (needs-review)', () => {
    const tree = parsePage(['守护健康 我们一直在', '', ...standfirst, '', ...dated, '', ...BODY]);
    const a = tree.articles[0]!;
    expect(paragraphTexts(a.lede)).toEqual([standfirst.join('')]);
    expect(paragraphTexts(a.children)[0]).toBe(dated.join(''));
    expect(tree.diagnostics.filter((d) => d.ruleId === 'needs-review').map((d) => d.line)).toEqual([3]);
  });

  it('text that opens mid-sentence there is not a standfirst', () => {
    const piece = ['式织就一张覆盖更广、响应更快的健', '康守护网络，让群众在家门口就能享', '受优质服务。'];
    const a = parsePage(['守护健康 我们一直在', '', ...piece, '', ...dated, '', ...BODY]).articles[0]!;
    expect(a.lede).toEqual([]);
    expect(paragraphTexts(a.children)[0]).toBe(piece.join(''));
  });
});

describe('standfirst boxes under a labelled head', () => {
  it('a head over its label over a `核心阅读` box opens an article in the body of another', () => {
    const box = ['核心阅读', '', '如何让群众更方便看病？记者走进多家医疗机构，看一项项便民举措如何落地见效。'];
    const tree = parsePage([
      '守护健康 我们一直在',
      '',
      ...BODY,
      '',
      '李明',
      '',
      '',
      '病房不熄灯，服务不打烊',
      '某某区人民医院',
      '',
      ...box,
      '',
      ...BODY,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.institution])).toEqual([
      ['守护健康 我们一直在', null],
      ['病房不熄灯，服务不打烊', '某某区人民医院'],
    ]);
    expect(paragraphTexts(tree.articles[1]!.lede)[0]).toBe('核心阅读');
  });
});

describe('a first paragraph of one short sentence under the byline', () => {
  it('is no standfirst in a narrower measure when a line under it fills the body’s measure', () => {
    const tree = parsePage([
      ...HEAD,
      '本报记者 李明',
      '',
      '社区居民李爷爷七十三岁。',
      '每天下午擦黑，他都会到楼下的',
      '广场和邻居们聊天，听说有医院的专',
      '',
      '家来义诊，他早早地就排起了队。',
      ...FIRST,
    ]);
    expect(paragraphTexts(tree.articles[0]!.children).slice(0, 2)).toEqual([
      '社区居民李爷爷七十三岁。',
      '每天下午擦黑，他都会到楼下的广场和邻居们聊天，听说有医院的专家来义诊，他早早地就排起了队。',
    ]);
  });
});
