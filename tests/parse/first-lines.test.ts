/**
 * A paragraph's first line cut off by a column break (made-up pages in the forms real papers print):
 * alone between blank lines it has the form of a caption or subhead, but its width (a full first
 * line) and the column after it (opening mid-paragraph) put it back in its sentence.
 */
import { describe, expect, it } from 'vitest';
import { nodeText, parsePage, reviewNotesAt, FIRST, HEAD, FIRST_TEXT } from '../helpers/parse-page.js';

// A 16-em column: first lines carry the 2-em indent, so a full first line is 14 em wide.
const SUBHEAD = ['', '党员带头，打通服务末梢', ''];
const CONTINUATION = [
  '髓内涵，以改革创新为动力，准确把',
  '握医改的思路和关键措施，立足医院',
  '发展大局，改善患者就医体验。',
];
const WHOLE =
  'P 医院深入挖掘中医药宝库中的精髓内涵，以改革创新为动力，准确把握医改的思路和关键措施，立足医院发展大局，改善患者就医体验。';

describe('a first line cut off by a column break', () => {
  it('a full first line alone under a subhead, the next column opening mid-paragraph, stays in its paragraph (reported)', () => {
    const tree = parsePage([...HEAD, ...FIRST, ...SUBHEAD, '医院深入挖掘中医药宝库中的精', '', ...CONTINUATION]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([`P ${FIRST_TEXT}`, 'H 党员带头，打通服务末梢', WHOLE]);
    expect(reviewNotesAt(tree, 9).join()).toContain('cut off by a column break');
  });

  it('a first line ending on an enumeration comma is never a caption or subhead', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      ...SUBHEAD,
      '医院承担全县重症救治、',
      '',
      '应急救援等医疗任务，改善患者就医',
      '体验，让群众看病更加方便。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText).at(-1)).toBe(
      'P 医院承担全县重症救治、应急救援等医疗任务，改善患者就医体验，让群众看病更加方便。',
    );
  });

  it('a line as wide inside a sentence left open is a caption dropped into it, not a first line', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '当天，医院组织专家团队深入',
      '基层开展义诊活动，把优质医疗服务',
      '送到群众家门口，还为行动不便的老',
      '',
      '专家在社区广场为居民开展义诊',
      '',
      '人送医送药，受到群众广泛的好评。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P 当天，医院组织专家团队深入基层开展义诊活动，把优质医疗服务送到群众家门口，还为行动不便的老人送医送药，受到群众广泛的好评。',
      'F 专家在社区广场为居民开展义诊',
    ]);
  });
});
