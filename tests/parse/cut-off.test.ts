/**
 * Copy cut off mid-sentence (made-up pages in the forms real papers print): a column breaks on a full
 * line, so a line inside a paragraph that stops well short of the measure mid-sentence is where the
 * copy ends, and no column printed after it goes on its sentence.
 */
import { describe, expect, it } from 'vitest';
import { paragraphTexts, parsePage, reviewNotesAt, FIRST, HEAD } from '../helpers/parse-page.js';

// A 16-em column: first lines carry the 2-em indent.
const CUT = ['近期，医院召开党建工作例会暨', '书记夜校第五课，会上，医院党委书', '记从压实责任'];
const FULL_OPENING = ['群众在家门口就能享受到优质的医疗', '服务，受到广泛好评。'];

describe('copy cut off mid-sentence', () => {
  it('a line inside a paragraph stopping well short mid-sentence ends the copy: the next column is not its sentence (reported)', () => {
    const tree = parsePage([...HEAD, ...FIRST, ...CUT, '', ...FULL_OPENING]);
    expect(paragraphTexts(tree.articles[0]!.children)).toEqual([
      '今年以来，医院组织专家团队深入基层开展义诊活动，把优质医疗服务送到群众家门口，受到广泛好评。',
      '近期，医院召开党建工作例会暨书记夜校第五课，会上，医院党委书记从压实责任',
      '群众在家门口就能享受到优质的医疗服务，受到广泛好评。',
    ]);
    expect(reviewNotesAt(tree, 10).join()).toContain('read as copy cut off there');
  });

  it('a paragraph’s first line set short (half-width commas, a pushed-down mark) still goes on in the next column', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '面对患者的情况,擅长中西',
      '',
      '医结合治疗的专家迅速制定了治疗方',
      '案，患者很快康复出院。',
    ]);
    expect(paragraphTexts(tree.articles[0]!.children).at(-1)).toBe(
      '面对患者的情况，擅长中西医结合治疗的专家迅速制定了治疗方案，患者很快康复出院。',
    );
  });

  it('an editor’s note closed by its signature on a line of its own is no copy cut off', () => {
    const tree = parsePage([
      ...HEAD,
      '基层是守护群众健康的第一道防',
      '线，离不开基层医务人员的坚守。——',
      '编 者',
      '',
      ...FIRST,
    ]);
    expect(tree.diagnostics.filter((d) => d.message.includes('cut off'))).toEqual([]);
    expect(paragraphTexts(tree.articles[0]!.children)).toHaveLength(1);
  });
  it('bare names printed right under copy cut off mid-sentence are its byline, not the sentence going on (reported)', () => {
    const tree = parsePage([...HEAD, ...FIRST, ...CUT, '王芳 李明', '']);
    const article = tree.articles[0]!;
    expect(paragraphTexts(article.children).at(-1)).toBe(
      '近期，医院召开党建工作例会暨书记夜校第五课，会上，医院党委书记从压实责任',
    );
    expect(article.byline.authors).toEqual(['王芳', '李明']);
    expect(reviewNotesAt(tree, 9).join()).toContain('read as the byline');
  });
  it('the short last line of a standfirst set narrower than the column is no byline under a cut', () => {
    const tree = parsePage([
      ...HEAD,
      '本报记者 刘明伟',
      '',
      '家门口的医院越办越',
      '好 群众看病就医更方便',
      '更放心',
      '',
      ...FIRST,
    ]);
    expect(tree.articles[0]!.byline.authors).toEqual(['刘明伟']);
  });
  it('a head broken after its comma is no copy cut off: its lines are no column’s', () => {
    const tree = parsePage([
      '健康',
      '',
      '2025年3月6日 星期四',
      '',
      '守护健康，',
      '我们一直在',
      '',
      '——某某医院党建工作纪实之三',
      '核心阅读',
      '从“看得上病”到',
      '“看得好病”，一组数字',
      '背后，是医务工作者日复',
      '一日的坚守。',
      '本报成都2月6日电（记者',
      '李明 通讯员 王芳）今年以来，',
      '医院组织专家团队深入基层开展',
      '义诊活动，把优质医疗服务送到',
      '群众家门口，受到广泛的好评。',
    ]);
    expect(tree.diagnostics.filter((d) => d.message.includes('cut off'))).toEqual([]);
  });
});
