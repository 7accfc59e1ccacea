/**
 * Bylines and photo credits by form (other papers' pages): the shapes a byline takes in any
 * Chinese paper, and lines that must not be read as one.
 */
import { describe, expect, it } from 'vitest';
import { parseBylineLines } from '../../src/parse/classify.js';
import { parseSource } from '../../src/parse/index.js';
import { parsePage } from '../helpers/parse-page.js';
import { captionOf, matchCredit, parseByline, unpadBylineNames } from '../../src/parse/credits.js';

const read = (line: string) => parseByline(unpadBylineNames(line)?.text ?? line);

describe('bylines', () => {
  it.each([
    ['本报记者 李 明 通讯员 赵 红', ['李明', '赵红'], '本报记者 通讯员'],
    ['新华社记者 王刚', ['王刚'], '新华社记者'],
    ['经济日报记者 杨洋 实习生 孙悦', ['杨洋', '孙悦'], '经济日报记者 实习生'],
    ['记者李明', ['李明'], '记者'],
    ['文/李明 图/王刚', ['李明'], '文/'],
    ['■本报记者 李明', ['李明'], '■ 本报记者'],
    ['□ 本报记者 张 三', ['张三'], '□ 本报记者'],
    ['（本报记者 李明）', ['李明'], '本报记者'],
    ['刘 洋', ['刘洋'], null],
    ['马太超 郭开星', ['马太超', '郭开星'], null],
  ])('%s', (line, authors, note) => {
    expect(read(line)).toMatchObject({ authors, extra: note });
  });

  it('keeps a credit at the end, with its role, and never reads a caption’s last words as a name', () => {
    expect(matchCredit('新华社记者 王刚 摄')).toBe('新华社记者 王刚 摄');
    expect(matchCredit('城东实验小学的学生在上科学课 王刚 摄')).toBe('王刚 摄');
    expect(read('李明 图片由某某医院提供')).toMatchObject({ authors: ['李明'], photoCredit: '图片由某某医院提供' });
  });

  it('refuses prose, a role alone, and a bracketed aside', () => {
    for (const line of [
      '本报记者',
      '记者近日从市教育局获悉',
      '（下转第4版）',
      '（以下简称医保局）',
      '社 会 保 障 是 民 生',
    ])
      expect(read(line), line).toBeNull();
  });
});

describe('bylines behind a bullet', () => {
  it('reads the names behind ◎ as behind ■', () => {
    expect(parseByline('◎ 本报记者 李明 通讯员 张三')?.authors).toEqual(['李明', '张三']);
    expect(parseByline('■本报记者 李明')?.authors).toEqual(['李明']);
  });
});

describe('captions', () => {
  it('knows a caption by its opening or by a per-photo credit after words that are not a name', () => {
    expect(captionOf(['图为城东实验小学的学生在上科学课。', '新华社记者 王刚 摄'])).toBe(
      '图为城东实验小学的学生在上科学课。新华社记者 王刚 摄',
    );
    expect(captionOf(['▲城南镇的农民在查看小麦长势。'])).toBe('▲城南镇的农民在查看小麦长势。');
    expect(captionOf(['城东实验小学的学生在上科学课 王刚 摄'])).toBe('城东实验小学的学生在上科学课 王刚 摄');
    expect(captionOf(['本报记者 王刚 摄'])).toBeNull();
    expect(captionOf(['医院门诊大楼一角'])).toBeNull();
  });
});

describe('bylines in the forms other papers print', () => {
  it.each([
    ['本报记者 李明 报道', ['李明'], '本报记者 报道'],
    ['本报记者 李明 摄影报道', ['李明'], '本报记者 摄影报道'],
    ['文·图/李明', ['李明'], '文·图/'],
    ['文/图 李明', ['李明'], '文/图'],
    ['■文/本报记者 李明', ['李明'], '■ 文/本报记者'],
    ['【本报记者 李明】', ['李明'], '本报记者'],
    ['〔记者 李明 通讯员 王芳〕', ['李明', '王芳'], '记者 通讯员'],
    ['文 / 张三', ['张三'], '文/'],
    ['全媒体记者 李明', ['李明'], '全媒体记者'],
    ['本报记者 李明 王芳/文', ['李明', '王芳'], '本报记者 /文'],
    ['本报记者  李    明', ['李明'], '本报记者'],
    ['□ 文/邵 勇 熊 强', ['邵勇', '熊强'], '□ 文/'],
    ['本 报 记 者 李 明  王 芳', ['李明', '王芳'], '本报记者'],
    ['记 者  李  明', ['李明'], '记者'],
  ])('%s', (line, authors, note) => {
    expect(read(line)).toMatchObject({ authors, extra: note });
  });

  it('never reads a list that goes on, or a short justified line of prose, as names', () => {
    expect(read('管大局、作决策、促改革、')).toBeNull();
    expect(unpadBylineNames('李 明 说')).toBeNull();
  });

  it('parts names set letter-spaced with no wider gap evenly, and says it guessed', () => {
    const r = unpadBylineNames('本 报 记 者 熊 刚 宇 薛 睿 佳');
    expect(parseByline(r!.text)?.authors).toEqual(['熊刚宇', '薛睿佳']);
    expect(r!.guess).toContain('熊刚 宇薛 睿佳');
  });

  it('reads a bracketed byline wrapped inside a name or before a padded name', () => {
    expect(parseBylineLines(['（本报记者 胡', '鹏）'])?.authors).toEqual(['胡鹏']);
    expect(parseBylineLines(['（本报记者 叶帆雪', '郭 磊）'])?.authors).toEqual(['叶帆雪', '郭磊']);
  });
});

// A head over a 14-em column, and the first three lines of its paragraph (the first indented 2 em).
const HEADLINE = ['守护健康，我们一直在！', ''];
const OPENING = ['今年以来，医院组织专家团', '队深入基层开展义诊活动，把优', '质医疗服务送到群众家门口，受'];

describe('a byline in brackets closing the last paragraph', () => {
  const page = (last: string) =>
    parsePage(['某某区人民医院', '', ...HEADLINE, ...OPENING, `到群众广泛好评。${last}`]).articles[0]!;

  it('reads the names from it and leaves the brackets printed in the paragraph', () => {
    const a = page('（本报记者 李明 通讯员 王芳）');
    expect(a.byline).toMatchObject({ authors: ['李明', '王芳'], fromDateline: true });
    const p = a.children.at(-1)!;
    expect(p.type === 'paragraph' && p.children.map((c) => c.value).join('')).toMatch(/（本报记者 李明 通讯员 王芳）$/);
  });

  it('leaves a bracketed aside without a role alone', () => {
    expect(page('（张明 王芳）').byline.authors).toEqual([]);
  });
});

describe('a column piece printed after the byline', () => {
  it('stays text of the article before when it opens mid-phrase', () => {
    const tree = parsePage([
      ...HEADLINE,
      ...OPENING,
      '到群众广泛好评。',
      '（本报记者 李明）',
      '',
      '的“健康零距离”大型',
      '',
      '活动得到群众广泛好评。',
    ]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('opens mid-phrase'))).toBe(
      true,
    );
  });
});

describe('a dateline and a byline of other names in one article', () => {
  it('reads the dateline’s reporters as the authors and keeps the stray byline in the note, for review', () => {
    const tree = parseSource(
      new TextEncoder().encode(
        [
          '守护健康，我们一直在！',
          '',
          '本报北京3月5日电（记者 李明、王芳）',
          '今年以来，医院组织专家团队深入',
          '基层开展义诊活动，受到群众广泛好评。',
          '本报记者 赵红',
          '',
        ].join('\n'),
      ),
      'page.txt',
    ).tree;
    const a = tree.articles[0]!;
    expect(a.byline).toMatchObject({ authors: ['李明', '王芳'], fromDateline: true });
    expect(a.byline.note).toContain('赵红');
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('dateline'))).toBe(true);
  });
});

describe('a name printed twice in the bylines read into one article', () => {
  it('is listed once; the repeat stays in the note', () => {
    const a = parseSource(
      new TextEncoder().encode(
        [
          '守护健康，我们一直在！',
          '',
          '今年以来，医院组织专家团队深入',
          '基层开展义诊活动，受到群众广泛好评。',
          '（本报记者 李明）',
          '（本报记者 李明）',
          '',
        ].join('\n'),
      ),
      'page.txt',
    ).tree.articles[0]!;
    expect(a.byline.authors).toEqual(['李明']);
    expect(a.byline.note).toContain('李明');
  });
});

describe('letter-spaced bylines that pdftotext broke up', () => {
  const COL = ['今年以来，医院组织专家团队深入', '基层开展义诊活动，受到群众广泛好评。'];

  it('a bracketed byline wrapped with its names run together is parted evenly, for review', () => {
    const tree = parsePage(['守护健康，我们一直在！', '', ...COL, '（ 本 报 记 者 廖 杰', '涛 邓 雯 英 ）', '']);
    expect(tree.articles[0]!.byline.authors).toEqual(['廖杰涛', '邓雯英']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('run together'))).toBe(true);
  });

  it('roles and names on lines of their own under the head are the byline, not part of the head', () => {
    const tree = parsePage(['跑出加速度', '本 报 记 者', '', '崔 芳 帆', '', '通 讯 员', '', '许 杰 艳', '', ...COL]);
    const a = tree.articles[0]!;
    expect([a.headline, a.byline.authors]).toEqual(['跑出加速度', ['崔芳帆', '许杰艳']]);
  });
});

describe('a name broken by pdftotext inside a byline', () => {
  const COL = ['今年以来，医院组织专家团队深入', '基层开展义诊活动，受到群众广泛好评。'];
  const authors = (lines: string[]) => parsePage(lines).articles.map((a) => a.byline.authors);

  it.each([
    ['on the next line', ['本报记者 李', '斌']],
    ['a blank line below', ['本报记者 李', '', '斌']],
    ['before a correspondent', ['本报记者 王', '明 通讯员 李斌']],
  ])('%s is one name', (_where, byline) => {
    expect(authors(['守护健康，我们一直在！', '', ...COL, ...byline, ''])).toEqual([
      byline.join('').includes('通讯员') ? ['王明', '李斌'] : ['李斌'],
    ]);
  });
});
