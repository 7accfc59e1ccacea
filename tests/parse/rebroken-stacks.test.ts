/**
 * Headline stacks on news pages re-broken like a column extraction (made-up pages in the forms real
 * papers print): a kicker set a blank line apart over its head, between articles. Every guess is
 * reported `needs-review` at its line.
 */
import { describe, expect, it } from 'vitest';
import { paragraphTexts, parsePage, reviewLines } from '../helpers/parse-page.js';

/** A 14-em column of two paragraphs, each first line indented 2 em. */
const COLUMN = [
  '今年以来，医院组织专家团',
  '队深入基层开展义诊活动，把优',
  '质医疗服务送到群众家门口，受',
  '到广泛好评。',
  '在此基础上，医院持续推进',
  '家庭医生签约服务，让群众看病',
  '更方便更放心，获得感不断增强。',
];
/** An article with neither label nor byline, in that column; the tests set the blank lines under it. */
const ARTICLE_ABOVE = ['守护健康，我们一直在', '', ...COLUMN];

describe('a plain kicker set a blank line apart over its head, between articles', () => {
  it('over a head closing on a column tag, it is the kicker of the next article, not a caption', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '',
      '',
      '夯实基层筑牢健康防线',
      '',
      '打通服务末梢（健康视点）',
      '',
      '本报记者 李明',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '守护健康，我们一直在'],
      ['夯实基层筑牢健康防线', '打通服务末梢（健康视点）'],
    ]);
    expect(tree.articles[0]!.children.some((c) => c.type === 'figure')).toBe(false);
    expect(reviewLines(tree)).toContain(12);
  });
});

describe('a stack over its byline, the text under it', () => {
  it('a plain kicker as wide as an indented first line over a head, one block over a byline, is the stack', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '',
      '',
      '凝聚奋进力量守牢安全底线',
      '病房不熄灯，改善就医体验！',
      '',
      '记者 李明',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '守护健康，我们一直在'],
      ['凝聚奋进力量守牢安全底线', '病房不熄灯，改善就医体验！'],
    ]);
    expect(reviewLines(tree)).toContain(12);
  });

  it('a head over its byline and a summary wrapped without end punctuation opens an article', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '',
      '',
      '家庭医生上门为老人测量血压',
      '',
      '',
      '补齐公卫短板，我们一直在',
      '',
      '本报记者 李明 通讯员 王芳',
      '',
      '家门口的医院越办',
      '越好 群众看病就医更方',
      '便更放心',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康，我们一直在', '补齐公卫短板，我们一直在']);
    expect(paragraphTexts(tree.articles[1]!.lede)).toEqual(['家门口的医院越办越好 群众看病就医更方便更放心']);
  });
});

describe('a stack at the page top over a standfirst box', () => {
  it('a plain kicker over a head closing on a column tag, one block over `核心阅读`, is the stack', () => {
    const tree = parsePage([
      '医防融合见实效改善就医体验',
      '病房不熄灯，守护健康！（一线见闻）',
      '',
      '核心阅读',
      '',
      '如何让群众少跑腿、好办',
      '事？记者走进多家医疗机构，',
      '看一项项便民举措如何落地。',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      ['医防融合见实效改善就医体验', '病房不熄灯，守护健康！（一线见闻）'],
    ]);
    expect(reviewLines(tree)).toContain(1);
  });
});

describe('text under the stack read as text, not as a stack line', () => {
  /** A paragraph opening with a dateline, in the 14-em column. */
  const DATED = ['本报北京3月5日电（记者', '李明）今年以来，医院组织专家团', '队深入基层开展义诊活动。'];

  it('a summary broken mid-word over a dateline is the standfirst, not a kicker over a head', () => {
    const tree = parsePage([
      '聚焦群众所需：',
      '',
      '守护健康，我们一直在',
      '',
      '医共体建设让优质资',
      '源，百姓在家门口看病',
      '',
      ...DATED,
      '',
      ...COLUMN,
    ]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline, a.subheadline]).toEqual(['聚焦群众所需：', '守护健康，我们一直在', null]);
    expect(paragraphTexts(a.lede)).toEqual(['医共体建设让优质资源，百姓在家门口看病']);
    expect(a.byline.authors).toEqual(['李明']);
    expect(reviewLines(tree)).toContain(5);
  });

  it('a sentence alone under the byline is the first paragraph, not a subheadline', () => {
    const tree = parsePage([
      '守护健康，我们一直在（医者仁心）',
      '',
      '本报记者 李明',
      '',
      '如何让资源下沉？',
      '',
      '',
      '图为医务人员在病房查房。',
      '',
      ...COLUMN,
    ]);
    const a = tree.articles[0]!;
    expect(a.subheadline).toBeNull();
    expect(paragraphTexts(a.children)[0]).toBe('如何让资源下沉？');
    expect(reviewLines(tree)).toContain(5);
  });
});

describe('a plain kicker over a label on its own line at the page top', () => {
  for (const [form, head] of [
    ['a plain head', ['', '打造区域医疗高地聚焦群众所需']],
    ['a head with punctuation', ['病房不熄灯，让群众少跑腿！']],
  ] as const)
    it(`over the label and ${form}, under the banner set apart, is the stack's kicker`, () => {
      const tree = parsePage([
        '奋进新征程 健康再出发',
        '',
        '',
        '',
        '传承红色基因改善就医体验',
        '',
        '某某区人民医院',
        ...head,
        '',
        ...COLUMN,
      ]);
      expect(tree.banner).toEqual(['奋进新征程 健康再出发']);
      expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
        ['传承红色基因改善就医体验', '某某区人民医院', head.at(-1)],
      ]);
      expect(reviewLines(tree)).toContain(5);
    });
});

describe("a paragraph's opening lines with no mark, cut by a column break", () => {
  it('stay text when the text after the break goes on their sentence, not a subheadline', () => {
    const tree = parsePage([
      '夯实基层跑出加速度',
      '',
      '凝聚奋进力量守牢安全底线',
      '',
      '党组织由2014年的3个支部',
      '132名党员发展到2020年8月底',
      '',
      '的10个支部159名党员，学科建',
      '设长足发展，服务能力显著增强。',
      ...COLUMN,
    ]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline, a.subheadline]).toEqual(['夯实基层跑出加速度', '凝聚奋进力量守牢安全底线', null]);
    expect(paragraphTexts(a.children)[0]).toBe(
      '党组织由2014年的3个支部132名党员发展到2020年8月底的10个支部159名党员，学科建设长足发展，服务能力显著增强。',
    );
  });
});

describe('a kicker over a label and a head with punctuation, printed as one block', () => {
  it('splits into kicker, label and head, and opens the next article', () => {
    const tree = parsePage([
      '某某区中医院 守护健康，我们一直在',
      '',
      ...COLUMN,
      '',
      '',
      '',
      '记者探访某某县精神卫生中心——',
      '某某区第二人民医院',
      '如何筑牢健康防线？',
      '',
      '文/李明 王芳',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, '某某区中医院', '守护健康，我们一直在'],
      ['记者探访某某县精神卫生中心——', '某某区第二人民医院', '如何筑牢健康防线？'],
    ]);
  });
});
