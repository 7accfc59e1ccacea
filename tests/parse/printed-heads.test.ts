/**
 * Heads as pdftotext reads another paper's printed page (made-up pages in that form): a headline
 * spanning its article's columns comes out straight over the first column's lines, and a byline
 * set under the headline comes out straight under it, with no blank line between.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { parsePage, HEAD } from '../helpers/parse-page.js';
import { splitLines } from '../../src/parse/lines.js';
import { toBlocks } from '../../src/parse/page.js';
import { splitHeadsUnderLabels } from '../../src/parse/split.js';

// A 14-em column: a paragraph's first line carries the 2-em indent.
const COLUMN = [
  '今年以来，医院组织专家团',
  '队深入基层开展义诊活动，把优',
  '质医疗服务送到群众家门口，受',
  '到群众广泛好评。',
  '在此基础上，医院持续推进',
  '家庭医生签约服务，让群众看病',
  '更方便更放心，获得感不断增强。',
];
const COLUMN2 = ['此外，医院还组建志愿服务', '队走进社区开展健康宣教，普及', '慢病防治知识，群众参与热情很', '高。'];

describe('heads printed straight over the prose', () => {
  it('a headline under its label, with the first column run into it, opens its article', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '守护健康，我们一直在！',
      ...COLUMN,
      '',
      '某某县中医院',
      '',
      '夯实基层防线',
      ...COLUMN2,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某区人民医院', '守护健康，我们一直在！'],
      ['某某县中医院', '夯实基层防线'],
    ]);
    const first = tree.articles[0]!.children[0]!;
    expect(first.type === 'paragraph' && first.children[0]!.value.startsWith('今年以来')).toBe(true);
  });

  it('a paragraph whose first line holds a question stays whole under a byline', () => {
    const tree = parsePage([
      ...HEAD,
      '本报记者 李明',
      '',
      '如何让群众少跑腿？6月2',
      '7日，医院在社区开展了大型义诊',
      '活动，群众纷纷前来咨询。',
    ]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.children.map((c) => c.type)).toEqual(['paragraph']);
  });

  it('a two-phrase headline on one line keeps the indented first line of the body out of it', () => {
    const opening = ['医院从解决群众急难愁盼入', '手，推出一系列便民服务举措，', '让群众看病就医更加方便快捷。'];
    const tree = parsePage(['某某区人民医院', '', '守牢安全底线 打通服务末梢', ...opening, ...COLUMN]);
    const a = tree.articles[0]!;
    const first = a.children[0]!;
    expect(a.headline).toBe('守牢安全底线 打通服务末梢');
    expect(first.type === 'paragraph' && first.children[0]!.value.startsWith('医院从解决')).toBe(true);
  });

  it('a headline straight over a 核心阅读 box is split off as a head', () => {
    const lines = splitLines(
      [
        '守护健康——',
        '',
        '病房不熄灯，打通服务末梢！',
        '核心阅读',
        '基层是守护群众健康的第一道防',
        '线，本期刊发一组来自基层的报道。',
        ...COLUMN2,
      ].join('\n'),
    );
    for (const l of lines) l.text = l.raw;
    // The box is set narrower than the page's 17-em body columns.
    const blocks = splitHeadsUnderLabels(toBlocks(lines), { lineMode: false, measure: 17 });
    expect(blocks.map((b) => b.lines[0]!.text)).toEqual(['守护健康——', '病房不熄灯，打通服务末梢！', '核心阅读']);
  });

  it('a byline under the headline with no blank line gives the authors', () => {
    const tree = parsePage(['某某区人民医院', '', '托起生命希望', '本报记者 李明 王芳', '', ...COLUMN]);
    const a = tree.articles[0]!;
    expect([a.headline, a.byline.authors]).toEqual(['托起生命希望', ['李明', '王芳']]);
  });

  it('after a closed sentence, a head over a short indented paragraph is split off the prose', () => {
    const tree = parsePage([...COLUMN, '', '如何走稳发展路？', '医疗技术不断进步。改善医', '疗服务。', '', ...COLUMN2]);
    const paragraphs = tree.articles.flatMap((a) =>
      a.children.flatMap((c) => (c.type === 'paragraph' ? [c.children[0]!.value] : [])),
    );
    expect(paragraphs.some((p) => p.includes('发展路'))).toBe(false);
    expect(paragraphs).toContain('医疗技术不断进步。改善医疗服务。');
  });

  it('a headline wrapped onto a short last line keeps that line over the byline under it', () => {
    const tree = parsePage(['某某区人民医院', '', '“家门口”就能护佑一', '方平安', '本报记者 李明', '', ...COLUMN]);
    const a = tree.articles[0]!;
    expect([a.headline, a.byline.authors]).toEqual(['“家门口”就能护佑一方平安', ['李明']]);
  });

  it('a —— subheadline straight over a dateline closes the headline stack', () => {
    const tree = parsePage([
      ...COLUMN,
      '',
      '病房不熄灯，守护健康！（健康视点）',
      '——深化医改系列报道之三',
      '新华社成都12月22日电',
      '（记者 李明）在某某医院，医',
      '院党委将提升服务品质作为重点',
      '工作，群众满意度不断提高。',
    ]);
    const a = tree.articles.at(-1)!;
    expect([a.headline, a.subheadline]).toEqual(['病房不熄灯，守护健康！（健康视点）', '——深化医改系列报道之三']);
  });

  it('a one-phrase head over an indented opening and a full line keeps the opening in the body', () => {
    const tree = parsePage([
      ...COLUMN,
      '',
      '某某市急救医疗中心',
      '',
      '打通服务末梢',
      '开展深入贯彻中央八项规',
      '定精神学习教育活动，集中学习',
      '20余次，党员干部交流发言。',
    ]);
    const a = tree.articles.at(-1)!;
    const first = a.children[0]!;
    expect(a.headline).toBe('打通服务末梢');
    expect(first.type === 'paragraph' && first.children[0]!.value.startsWith('开展深入')).toBe(true);
  });

  it('a head with punctuation wrapped onto a short line over a dateline is one headline', () => {
    const tree = parsePage([
      '跑出加速度——',
      '',
      '报销快了，服务惠及百',
      '姓',
      '本报成都4月6日电（记者 李明）',
      '通过建立患者全程数据库，实',
      '现疾控、医院、社区业务协同，',
      '群众看病更方便。',
    ]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline]).toEqual(['跑出加速度——', '报销快了，服务惠及百姓']);
    const first = a.children[0]!;
    expect(first.type === 'paragraph' && first.children[0]!.value.startsWith('本报成都')).toBe(true);
  });

  it('the reporters of a dateline under an editor’s note are the article’s authors', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '擦亮服务品牌',
      '',
      '基层是守护群众健康的第一道防',
      '线，本期刊发一组来自基层的报道。',
      '——编 者',
      '',
      '新华社上海10月22日电（记者 李明、王芳）在党',
      '建工作中，医院尤为重视党建文化建设，',
      '树立了自身品牌。',
    ]);
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
  });

  it('a head wrapped over one line of text under its label is the headline', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '病房不熄灯，下沉优质',
      '资源！',
      '鲜红党旗，指引前行。',
      '',
      ...COLUMN,
    ]);
    const a = tree.articles[0]!;
    const first = a.children[0]!;
    expect(a.headline).toBe('病房不熄灯，下沉优质资源！');
    expect(first.type === 'paragraph' && first.children[0]!.value).toBe('鲜红党旗，指引前行。');
  });

  it('a word or two alone under a headline that stops mid-phrase is its wrapped end', () => {
    const tree = parsePage(['某某区人民医院', '', '下沉优质资源：凝聚奋进力', '', '量', '', ...COLUMN]);
    const a = tree.articles[0]!;
    expect([a.headline, a.subheadline]).toEqual(['下沉优质资源：凝聚奋进力量', null]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('wrapped end'))).toBe(true);
  });

  it('a plain line over a head printed straight over a dateline is its kicker', () => {
    const tree = parsePage([
      ...COLUMN,
      '',
      '凝聚奋进力量点亮健康生活',
      '',
      '中医药传承创新织密保障',
      '网络',
      '本报重庆6月11日电（记者 李明）',
      '医院组织专家团队深入基层开展',
      '义诊活动，受到群众广泛好评。',
    ]);
    const a = tree.articles.at(-1)!;
    expect([a.kicker, a.headline]).toEqual(['凝聚奋进力量点亮健康生活', '中医药传承创新织密保障网络']);
  });
});

describe('a head with punctuation wrapped over two lines, set apart by blank lines', () => {
  it('under its label, with its short end on the second line, opens the article', () => {
    const tree = parsePage(['某某区人民医院', '', '病房不熄灯，打造区域医疗', '高地！', '', ...COLUMN]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某区人民医院', '病房不熄灯，打造区域医疗高地！'],
    ]);
  });

  it('after an article’s byline, opens the next article', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '守护健康',
      '',
      ...COLUMN,
      '（本报记者 李明）',
      '',
      '报销快了，打造区域医',
      '疗高地',
      '',
      ...COLUMN2,
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康', '报销快了，打造区域医疗高地']);
  });

  it('is no head when the lines are a sentence cut off on 的, or wrapped inside a quotation', () => {
    for (const head of [
      ['每天下午擦黑，他都会到楼下', '的'],
      ['如何实现群众“小病不出村、大病不', '出区”目标？'],
    ]) {
      const tree = parsePage(['某某区人民医院', '', '守护健康', '', ...COLUMN, '', ...head, '本报记者 李明']);
      expect(tree.articles, head.join('')).toHaveLength(1);
      expect(
        tree.articles[0]!.children.some((c) => c.type === 'heading'),
        head.join(''),
      ).toBe(false);
    }
  });
});

describe('heads run into the text of the next article', () => {
  it('after a byline that closes the article above, a head over an indented opening opens the next', () => {
    const tree = parsePage(['守护健康，夯实基层', '', ...COLUMN, '本报记者 李明', '', '打造区域医疗高地', ...COLUMN2]);
    expect(tree.articles.map((a) => [a.headline, a.byline.authors])).toEqual([
      ['守护健康，夯实基层', ['李明']],
      ['打造区域医疗高地', []],
    ]);
  });

  it('under a label, a head whose column tag wrapped onto the next line is whole', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '守护健康',
      '',
      ...COLUMN,
      '',
      '某某县中医院',
      '',
      '让群众少跑腿，服务惠及百姓！（医',
      '者仁心）',
      ...COLUMN2,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某区人民医院', '守护健康'],
      ['某某县中医院', '让群众少跑腿，服务惠及百姓！（医者仁心）'],
    ]);
  });
});

describe('a stack run into the text without blank lines', () => {
  it('a head and a ——subheadline over text whose first line shows no indent, under a label', () => {
    const tree = parsePage([
      ...COLUMN,
      '（本报记者 李明）',
      '',
      '某某县中医院',
      '',
      '服务惠及百姓，凝聚奋进力量',
      '——优化营商环境系列报道之三',
      '在2024年国家医疗质量安全改进',
      '项目中，医院获评优秀案例，群众',
      '就医体验明显改善。',
    ]);
    const a = tree.articles.at(-1)!;
    expect([a.institution, a.headline, a.subheadline]).toEqual([
      '某某县中医院',
      '服务惠及百姓，凝聚奋进力量',
      '——优化营商环境系列报道之三',
    ]);
  });

  it('after two modules’ bylines printed one under the other, a head opens the next article', () => {
    const tree = parsePage([
      '守护健康，夯实基层',
      '',
      ...COLUMN,
      '（本报记者 李明）',
      '（本报记者 王芳）',
      '',
      '打造区域医疗高地',
      ...COLUMN2,
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康，夯实基层', '打造区域医疗高地']);
  });

  it('a standfirst box’s label under a two-phrase head is no line of the head', () => {
    const tree = parsePage([
      '记者探访某某市急救医疗中心——',
      '',
      '医防融合见实效 托起生命希望',
      '核心阅读',
      '从“看得上病”到“看得好',
      '病”，一组数字背后，是医务工作',
      '者日复一日的坚守。',
      '本报成都10月20日电（记者 李',
      '明）医院组织专家团队深入基层',
      '',
      ...COLUMN,
    ]);
    expect(tree.articles[0]!.headline).toBe('医防融合见实效 托起生命希望');
  });
});

describe('a stack with nothing under it', () => {
  it('a head and a ——subheadline ending a block read without an internal error (a fuzz case)', () => {
    const { diagnostics } = parseSource(
      new TextEncoder().encode('的的的的的的的的的的\n——的的图片位\n的的的的的的\n——图片位\n责任编辑：孙立\n图片位\n'),
      'page.txt',
    ).tree;
    expect(diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  });
});

describe('a head closing on ？ or ！ under its label', () => {
  it('is the head even over text that shows no indent', () => {
    const tree = parsePage([
      ...COLUMN,
      '',
      '某某县中医院',
      '',
      '如何跑出加速度？',
      '更大的变革即将到来。即将于今年7月',
      '上线的信息系统，将让群众就医更',
      '方便。',
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline]).at(-1)).toEqual(['某某县中医院', '如何跑出加速度？']);
  });
});
