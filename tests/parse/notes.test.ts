/**
 * The importer's notes are held until the page is read: a later pass that revises a reading takes
 * back the note written for the earlier one and says what it replaces; every other note is kept.
 */
import { describe, expect, it } from 'vitest';
import { parsePage, reviewNotesAt, FIRST, HEAD, NEXT } from '../helpers/parse-page.js';
import { NoteBuffer } from '../../src/parse/report.js';

describe('notes held until the page is read', () => {
  it('a subhead turned back into a paragraph leaves one note at its line, saying what it replaces', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '如何让优质医疗资源下沉？',
      '',
      '深化医改，优化营商环境',
      '',
      ...NEXT,
    ]);
    const at7 = tree.diagnostics.filter((d) => d.ruleId === 'needs-review' && d.line === 7);
    expect(at7).toHaveLength(1);
    expect(at7[0]!.message).toMatch(/heads no section.*replaces the earlier note here \(read as a section subhead\)/);
    // The note on the subhead under it stays.
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 9)).toBe(true);
  });

  it('withdraws only the notes of one rule at one line, and flushes the rest in the order reported', () => {
    const out: string[] = [];
    const notes = new NoteBuffer((ruleId, message, line) => out.push(`${line} ${ruleId} ${message}`));
    notes.report('needs-review', 'a', 3, 1, 'info');
    notes.report('truncated-text', 'b', 3, 1);
    notes.report('needs-review', 'c', 4, 1, 'info');
    expect(out).toEqual([]);
    expect(notes.withdraw('needs-review', 3)).toEqual(['a']);
    notes.flush();
    expect(out).toEqual(['3 truncated-text b', '4 needs-review c']);
  });
});

describe('lines set aside at the top of the page', () => {
  const text = [
    '　　今年以来，医院组织专家团队深入',
    '基层开展义诊活动，把优质医疗服务送',
    '到群众家门口，受到广泛好评。',
  ];

  it('a one-line block set apart under the banner and kept as a caption is reported: it could be the headline', () => {
    const tree = parsePage(['健康之窗', '', '', '义诊现场', '', '', '某某区人民医院 守护健康', '', ...text]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康']);
    expect(reviewNotesAt(tree, 4)).toEqual([
      expect.stringMatching(/“义诊现场”.*photo caption; it could be the headline/),
    ]);
  });

  it('a line set apart at the top and made the headline by the label under it is reported: it could be a caption', () => {
    const tree = parsePage(['健康之窗', '', '', '凝聚奋进力量', '', '某某区人民医院', '', ...text]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([['某某区人民医院', '凝聚奋进力量']]);
    expect(reviewNotesAt(tree, 4)).toEqual([
      expect.stringMatching(/“凝聚奋进力量”.*read as the headline.*could be a photo caption/),
    ]);
  });
});
