/**
 * Lines set apart by two blank lines between paragraphs (made-up pages in the forms real papers print):
 * one phrase reads as a photo caption, but a numbered line or two phrases over new text are subheads.
 */
import { describe, expect, it } from 'vitest';
import { nodeText, parsePage, FIRST, FIRST_TEXT, HEAD, LAST } from '../helpers/parse-page.js';

const kinds = (lines: string[]) => parsePage(lines).articles[0]!.children.map(nodeText);
// The page's first and last paragraphs as kinds() shows them.
const FIRST_P = `P ${FIRST_TEXT}`;
const LAST_P = `P ${LAST.join('')}`;

describe('lines set apart between paragraphs', () => {
  it('two phrases over new text are a subhead (needs-review)', () => {
    const tree = parsePage([...HEAD, ...FIRST, '', '', '党建引领发展 守护群众健康', '', ...LAST]);
    expect(tree.articles[0]!.children.map((c) => c.type)).toEqual(['paragraph', 'heading', 'paragraph']);
    expect(tree.diagnostics.filter((d) => d.ruleId === 'needs-review').map((d) => d.line)).toEqual([8]);
  });

  it('a numbered line is a subhead', () => {
    expect(kinds([...HEAD, ...FIRST, '', '', '（二）守护群众健康', '', ...LAST])).toEqual([
      FIRST_P,
      'H （二）守护群众健康',
      LAST_P,
    ]);
  });

  it('one phrase, or two phrases with a photo credit, stays a caption', () => {
    expect(kinds([...HEAD, ...FIRST, '', '', '专家为居民义诊', '', ...LAST])).toEqual([
      FIRST_P,
      'F 专家为居民义诊',
      LAST_P,
    ]);
    expect(kinds([...HEAD, ...FIRST, '', '', '专家为居民义诊 李明摄', '', ...LAST])).toEqual([
      FIRST_P,
      'F 专家为居民义诊',
      LAST_P,
    ]);
  });
});

describe('a subhead with punctuation over a one-line paragraph', () => {
  it('a head with a comma, shorter than a first line, is no piece of a sentence the next line ends', () => {
    expect(kinds([...HEAD, ...FIRST, '', '党员带头，守护好群众的健康', '', '医保改革深入推进。', ...LAST])).toEqual([
      FIRST_P,
      'H 党员带头，守护好群众的健康',
      'P 医保改革深入推进。',
      LAST_P,
    ]);
  });
});
