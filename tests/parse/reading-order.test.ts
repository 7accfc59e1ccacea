/**
 * Reading order of pdftotext output, on synthetic pages built the way
 * pdftotext prints real ones: columns broken at a 12-em measure with a 2-em first-line indent,
 * flows separated by blank lines, side-by-side columns merged into one line, modules interleaved.
 * Each case checks that the paragraphs come back whole and that no character is lost.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { splitLines, type SourceLine } from '../../src/parse/lines.js';
import { unmergeColumns } from '../../src/parse/side-by-side.js';
import { fixHalfwidth } from '../../src/parse/halfwidth.js';
import { accountingDiff } from './accounting.js';

const MEASURE = 12;

/** Break paragraphs into column lines: 2-em indent on each first line, 12 ideographs a line. */
function column(paragraphs: string[]): string[] {
  const lines: string[] = [];
  for (const p of paragraphs) {
    const chars = [...p];
    let width = MEASURE - 2;
    while (chars.length) {
      lines.push(chars.splice(0, width).join(''));
      width = MEASURE;
    }
  }
  return lines;
}

const LIBRARY = [
  '社区图书馆今年新增阅读座位两百个，社区图书馆的读者可以在家门口借阅新书。为了让更多读者走进社区图书馆，馆里每周举办两场读书会，邀请作家与读者面对面交流阅读心得，社区图书馆还开通了夜间借阅服务，读者下班以后也能来图书馆借书还书，社区里的阅读氛围越来越浓，读者们纷纷点赞。图书馆馆长介绍，明年社区图书馆将与学校合作，把图书馆的流动借阅车开进校园，让学生读者也能方便地借阅图书，图书馆还计划为老年读者开设大字阅读专区，配备放大镜和老花镜，让每一位读者都能享受阅读的乐趣。',
];
const BUS = [
  '公交公司今年优化公交线路十二条，新开通的公交线路覆盖了城区东部的三个新建小区。乘客反映，过去换乘公交要走很远的路，现在公交站就设在小区门口，公交线路还延长了末班车时间，乘客下夜班也能坐上公交回家，公交公司还在站台增设了实时到站屏，方便乘客查询公交线路。公交公司负责人表示，下一步将根据乘客出行数据继续调整公交线路，在早晚高峰加密公交班次，并在公交车上增加爱心座位，让老人和孩子乘坐公交更安全更舒适，乘客也可以通过热线电话对公交线路提出建议。',
];

function parse(text: string) {
  const bytes = new TextEncoder().encode(text);
  const { tree } = parseSource(bytes, 'page.txt');
  const paragraphs = tree.articles
    .flatMap((a) => [...a.lede, ...a.children])
    .flatMap((n) => (n.type === 'paragraph' ? [n.children.map((c) => c.value).join('')] : []));
  return { tree, paragraphs, accounting: accountingDiff(bytes, tree) };
}

/** Split a column in two near its middle, after a line that leaves the sentence open. */
function halves(lines: string[]): [string[], string[]] {
  let at = Math.floor(lines.length / 2);
  while (/[。！？]$/.test(lines[at - 1])) at++;
  return [lines.slice(0, at), lines.slice(at)];
}

describe('reading order across pdftotext flows', () => {
  it('swaps the continuations of two interleaved modules back (o1 s2 … o2 s1)', () => {
    const [a1, a2] = halves(column(LIBRARY));
    const [b1, b2] = halves(column(BUS));
    const page = [
      '社区图书馆延长开放时间',
      '公交线路优化方便出行',
      a1.join('\n'),
      b2.join('\n'),
      b1.join('\n'),
      a2.join('\n'),
    ].join('\n\n');
    const { paragraphs, accounting } = parse(page);
    expect(paragraphs).toContain(LIBRARY[0]);
    expect(paragraphs).toContain(BUS[0]);
    expect(accounting).toEqual({ missing: '', extra: '' });
  });

  it('finds the continuation printed after another module’s label, headline and text', () => {
    const [a1, a2] = halves(column(LIBRARY));
    const page = [
      '社区图书馆延长开放时间',
      a1.join('\n'),
      '某某区公交公司',
      '公交线路优化方便出行',
      column(BUS).join('\n'),
      a2.join('\n'),
    ].join('\n\n');
    const { paragraphs, accounting } = parse(page);
    expect(paragraphs).toContain(LIBRARY[0]);
    expect(paragraphs).toContain(BUS[0]);
    expect(accounting).toEqual({ missing: '', extra: '' });
  });

  it('keeps a subhead printed inside a sentence out of it', () => {
    const [a1, a2] = halves(column(LIBRARY));
    const page = ['社区图书馆延长开放时间', a1.join('\n'), '公交优化 方便\n市民出行更便捷', a2.join('\n')].join('\n\n');
    const { tree, paragraphs } = parse(page);
    expect(paragraphs).toContain(LIBRARY[0]);
    expect(
      tree.diagnostics.some((d) => d.ruleId === 'orphan-fragment' && d.message.includes('inside a sentence')),
    ).toBe(true);
  });

  it('joins a column to its continuation across a jump line on a later page', () => {
    const [a1, a2] = halves(column(LIBRARY));
    const page1 = ['社区图书馆延长开放时间', a1.join('\n'), '（下转第2版）'].join('\n\n');
    const page2 = ['公交线路优化方便出行', column(BUS).join('\n'), '（上接第1版）', a2.join('\n')].join('\n\n');
    const { paragraphs, accounting } = parse(`${page1}\n\f${page2}\n`);
    expect(paragraphs).toContain(LIBRARY[0]);
    expect(paragraphs).toContain(BUS[0]);
    expect(accounting).toEqual({ missing: '', extra: '' });
  });

  it('splits a byline printed under the last line of a column, with a wrapped credit', () => {
    const lines = [...column(BUS), '张三', '图片由某某区公交公司', '提供'];
    const { tree, paragraphs } = parse(['公交线路优化方便出行', lines.join('\n')].join('\n\n'));
    expect(paragraphs).toEqual(BUS);
    expect(tree.articles[0].byline).toMatchObject({ authors: ['张三'], photoCredit: '图片由某某区公交公司提供' });
  });

  // A paragraph whose first sentence ends a full line (the column breaks there, the paragraph goes on in
  // the next column), and a last column cut off mid-sentence that shares no words with it.
  const first = '社区图书馆今年新增阅读座位两百多个，附近的读者可以在家门口借阅新书。';
  const rest = '馆里每周举办两场读书会，邀请作家与读者面对面交流心得，大家都说收获很多。';
  const cut = '公交公司今年优化线路十二条，新开通的线路覆盖了城区东部的三个新建小区，乘客反映过去换乘';

  it('leaves a column in place after a closed sentence when only a cut-off column could take it, and says so', () => {
    const lines = column([first + rest]);
    const at = column([first]).length;
    expect(lines[at - 1]).toMatch(/。$/);
    const page = [
      '社区图书馆延长开放时间',
      lines.slice(0, at).join('\n'),
      lines.slice(at).join('\n'),
      column([cut]).join('\n'),
    ].join('\n\n');
    const { tree, paragraphs, accounting } = parse(page);
    expect(paragraphs).toEqual([first + rest, cut]);
    expect(accounting).toEqual({ missing: '', extra: '' });
    const note = tree.diagnostics.find((d) => d.ruleId === 'needs-review' && d.message.includes('left in place'));
    expect(note?.message).toContain(column([cut]).at(-1));
  });

  it('joins a column ending on a full line to one printed after another article’s byline and closed sentence', () => {
    // The column's last line fills the measure (a column break, not copy cut short): it goes on in the
    // column printed after the other article, though a closed sentence and a byline come before that.
    const harvest = '城南镇的小麦已经进入灌浆期。今年雨水调和，又用上了新品种，种粮大户一边查看麦穗一边说。';
    const lines = column([harvest]);
    const page = [
      '夏粮丰收在望',
      lines.slice(0, 2).join('\n'),
      '公交线路优化方便出行',
      column(BUS).join('\n'),
      '本报记者 张三',
      lines.slice(2).join('\n'),
    ].join('\n\n');
    expect(BUS[0]).toMatch(/。$/);
    const { paragraphs, accounting } = parse(page);
    expect(paragraphs).toEqual([harvest, BUS[0]]);
    expect(accounting).toEqual({ missing: '', extra: '' });
  });

  it('opens an article at a labelled head with punctuation after a column found cut off', () => {
    const next = '在日常工作中，专家们来到居民小区开展义诊，为居民测量血压血糖，讲解慢性病防治知识。';
    const lines = column([first + rest]);
    const at = column([first]).length;
    const page = [
      '社区图书馆延长开放时间',
      lines.slice(0, at).join('\n'),
      lines.slice(at).join('\n'),
      column([cut]).join('\n'),
      '病房不熄灯，守护生命希望！ 某某区妇幼保健院',
      // The new article's first line, then a column break.
      column([next])[0],
      column([next]).slice(1).join('\n'),
    ].join('\n\n');
    const { tree, paragraphs } = parse(page);
    expect(tree.articles.map((a) => [a.headline, a.institution])).toEqual([
      ['社区图书馆延长开放时间', null],
      ['病房不熄灯，守护生命希望！', '某某区妇幼保健院'],
    ]);
    expect(paragraphs).toEqual([first + rest, cut, next]);
    expect(tree.diagnostics.some((d) => d.message.includes('follows a sentence left open (read as cut off)'))).toBe(
      true,
    );
  });
});

describe('side-by-side columns printed on one line', () => {
  // pdftotext prints a row of two adjacent columns as one line when the left line reaches the gutter
  // (it is not a paragraph's last line) and the right one starts at its column's edge (it is not an
  // indented first line); otherwise the two lines come one after the other, left first.
  const lines = (paragraphs: string[]) => {
    const text = column(paragraphs);
    const starts = new Set(paragraphs.map((_, i) => column(paragraphs.slice(0, i)).length));
    const ends = new Set([...starts].map((s) => s - 1));
    return text.map((t, i) => ({ t, indented: starts.has(i), short: ends.has(i) || i === text.length - 1 }));
  };
  const left = lines(['读者可以在家门口借阅新书，还能参加每周的读书会。', ...LIBRARY]).slice(0, 16);
  const right = lines(BUS).slice(0, 16);
  const rows = left.flatMap((l, i) => (!l.short && !right[i].indented ? [`${l.t} ${right[i].t}`] : [l.t, right[i].t]));
  // The rest of the page is set in single columns: that is where the measure is read.
  const page = [...column(LIBRARY), '', ...rows].join('\n');
  const block = (ls: SourceLine[]) => ls.filter((l) => l.line > column(LIBRARY).length + 1);

  it('splits the merged lines and reads the left column before the right one', () => {
    const texts = block(unmergeColumns(splitLines(page))).map((l) => l.text);
    const gap = texts.indexOf('');
    expect(texts.slice(0, gap)).toEqual(left.map((l) => l.t));
    expect(texts.slice(gap + 1)).toEqual(right.map((l) => l.t));
  });

  it('keeps positions pointing at the right half of a merged line', () => {
    const merged = unmergeColumns(splitLines(page)).find((l) => l.column > 1)!;
    expect(page.split('\n')[merged.line - 1].slice(merged.column - 1)).toBe(merged.text);
  });

  it('leaves a single column with a space in it alone', () => {
    const text = '涵盖龙岗、中傲、铁山等 6 个\n乡镇卫生院，覆盖全部村庄。';
    expect(unmergeColumns(splitLines(text)).map((l) => l.text)).toEqual(text.split('\n'));
  });
});

describe('half-width parentheses', () => {
  it('become full-width in Chinese text and are counted', () => {
    expect(fixHalfwidth('医院(以下简称“本院”)成立于2019年')).toEqual({
      text: '医院（以下简称“本院”）成立于2019年',
      count: 2,
    });
    expect(fixHalfwidth('行动方案(2024—2035年)》')).toEqual({ text: '行动方案（2024—2035年）》', count: 2 });
    expect(fixHalfwidth('(1)加强党建')).toEqual({ text: '（1）加强党建', count: 2 });
  });

  it('stay in notation and Latin text', () => {
    expect(fixHalfwidth('函数f(x)的值').count).toBe(0);
    expect(fixHalfwidth('see (Fig. 2) here').count).toBe(0);
  });

  it('are judged by their own side when pdftotext broke the line inside them', () => {
    expect(fixHalfwidth('钢总医院(以下简称“重钢').text).toBe('钢总医院（以下简称“重钢');
    expect(fixHalfwidth('医院”)始终坚持').text).toBe('医院”）始终坚持');
  });
});
