/**
 * Forms a national or metro daily prints on its pages, read back with pdftotext (made-up pages in
 * those forms): datelines with the reporter glued to the role, running heads in pieces, jump lines.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';

const parse = (lines: string[]) => parseSource(new TextEncoder().encode(`${lines.join('\n')}\n`), 'page.txt').tree;

// A 14-em column: a paragraph's first line carries the 2-em indent.
const TEXT = [
  '深入基层开展义诊活动，把优质',
  '医疗服务送到群众家门口，受到',
  '群众广泛好评。',
  '在此基础上，医院持续推进',
  '家庭医生签约服务，让群众看病',
  '更方便更放心，获得感不断增强。',
];

describe('a dateline set as national dailies print it', () => {
  it('reads the reporters from brackets set off by a space, the names glued to the role', () => {
    const tree = parse([
      '守护健康，我们一直在',
      '',
      '本报北京3月5日电　（记者',
      '李明、王芳）医院组织专家团队',
      ...TEXT,
    ]);
    expect(tree.articles[0]!.headline).toBe('守护健康，我们一直在');
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
  });

  it('reads a correspondent glued to the role too', () => {
    const tree = parse(['守护健康，我们一直在', '', '本报讯 （记者李明 通讯', '员王芳）医院组织专家团队', ...TEXT]);
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
  });
});

const ARTICLE = ['守护健康，我们一直在', '', '本报记者 李明', '', '今年以来，医院组织专家团', ...TEXT];

describe('a running head read in pieces at the page top', () => {
  it('takes a section word before the date and a page number after it as furniture', () => {
    const tree = parse(['健康', '', '2025年3月6日 星期四', '', '4', '', ...ARTICLE]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.headline).toBe('守护健康，我们一直在');
    expect(tree.articles[0]!.byline.authors).toEqual(['李明']);
    expect(tree.furniture).toEqual(['健康', '2025年3月6日 星期四', '4']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('“健康”'))).toBe(true);
  });

  it('takes a paper name, a lettered page number and a section before the date', () => {
    const tree = parse(['A4', '', '健康周刊', '', '2025年3月6日 星期四', '', ...ARTICLE]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.kicker).toBeNull();
    expect(tree.furniture).toEqual(['A4', '健康周刊', '2025年3月6日 星期四']);
  });

  it('leaves a short head after the date to the article', () => {
    const tree = parse([
      '2025年3月6日 星期四',
      '',
      '守护健康',
      '',
      '本报记者 李明',
      '',
      '今年以来，医院组织专家团',
      ...TEXT,
    ]);
    expect(tree.articles[0]!.headline).toBe('守护健康');
  });

  it('reads the running head of pdftotext -layout whole, even where it lines up with the columns', () => {
    // Two columns start at 0 and 20; the date's weekday stands where the second column starts.
    const row = (a: string, b: string) => `${a.padEnd(20)}${b}`;
    const lines = [
      `${'滨江日报'.padEnd(9)}2025年3月6日 星期四    要闻 4`,
      '',
      '守护健康，我们一直在',
      '本报记者 李明',
      '',
      ...TEXT.slice(0, 5).map((t, k) => row(t, TEXT[5 - k]!)),
    ];
    const tree = parse(lines);
    expect(tree.furniture).toContain('2025年3月6日 星期四');
    expect(tree.articles[0]!.byline.authors).toEqual(['李明']);
  });
});
