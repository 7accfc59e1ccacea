/**
 * Headline stacks and article boundaries (made-up pages in the forms real papers print): a kicker,
 * a label and a head with punctuation printed as one block, a label glued after a head, heads
 * between articles with little around them. Every guess is reported `needs-review` at its line.
 */
import { describe, expect, it } from 'vitest';
import { nodeText, parsePage, reviewLines, FIRST, HEAD, NEXT } from '../helpers/parse-page.js';

// A 16-em column whose first line shows no indent (a short column misreads the measure), so the
// head's evidence is its own form.
const COLUMN = [
  '医院党委坚持党建引领发展工作，把',
  '优质医疗服务送到群众家门口，受到',
  '广泛好评。',
  '在此基础上，医院持续推进家庭',
  '医生签约服务，让群众看病更方便更',
  '放心，获得感不断增强。',
];
const MORE = ['下一步，医院将继续完善分级', '诊疗制度，推动优质资源向基层延', '伸，让群众享受更加便捷的服务。'];

describe('labelled heads with punctuation', () => {
  it('a head with punctuation and its glued label over a column opens the article even when no indent shows', () => {
    const tree = parsePage(['病房不熄灯，打造区域医疗高地！某某区人民医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某区人民医院', '病房不熄灯，打造区域医疗高地！'],
    ]);
    expect(reviewLines(tree)).toContain(1);
  });

  it('a label glued after a column tag starts at the tag: a three-character place name stays whole', () => {
    const tree = parsePage(['如何守护健康？（基层观察）石桥坝区人民医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['石桥坝区人民医院', '如何守护健康？（基层观察）'],
    ]);
  });

  it('a kicker over a head with punctuation and a long glued label, in one block, is the stack', () => {
    const tree = parsePage([
      '聚焦基层：',
      '激活发展动能，建强人才队伍！某某市公共卫生医疗救治中心',
      '',
      ...COLUMN,
      '',
      ...MORE,
      '',
      '本报记者 李明',
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      ['聚焦基层：', '某某市公共卫生医疗救治中心', '激活发展动能，建强人才队伍！'],
    ]);
  });
});

describe('a plain kicker over a head with punctuation, printed as one block', () => {
  it('on a page printed a paragraph a line, two short lines are the kicker and the head', () => {
    const para = (n: number) =>
      `${'医院坚持党建引领发展，把优质医疗服务送到群众家门口，受到广泛好评，群众获得感不断增强。'.repeat(n)}`;
    const tree = parsePage([
      '夯实基层筑牢健康防线',
      '推进智慧医疗：服务惠及百姓',
      '',
      para(2),
      '',
      para(3),
      '',
      '本报记者 李明',
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      ['夯实基层筑牢健康防线', '推进智慧医疗：服务惠及百姓'],
    ]);
  });

  it('a ——subheadline one blank line under the block closes the stack, however wide the kicker', () => {
    const tree = parsePage([
      '做实家庭医生签约深化医改工作',
      '提升诊疗水平，夯实基层！',
      '',
      '——某某区中医院提升诊疗水平纪实',
      '',
      ...COLUMN,
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([
      ['做实家庭医生签约深化医改工作', '提升诊疗水平，夯实基层！', '——某某区中医院提升诊疗水平纪实'],
    ]);
  });

  it('a head with its label glued on, under a plain line narrower than an indented first line, has that line as kicker', () => {
    const tree = parsePage([
      '守护一方平安传承创新',
      '补齐公卫短板，守牢安全底线！ 某某县中心医院',
      '',
      ...COLUMN,
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      ['守护一方平安传承创新', '某某县中心医院', '补齐公卫短板，守牢安全底线！'],
    ]);
  });
});

describe('a head after an article cut off mid-sentence', () => {
  // An article whose text stops mid-sentence (the page cut it off).
  const CUT = [...HEAD, ...FIRST, '', '在此基础上，医院持续推进家', '庭医生签约服务，让群众看病更方便'];
  const OPENING = ['另一方面，医院党委将把共', '建模式从社区向企事业单位延伸，让', '更多群众在家门口享受健康服务。'];

  it('a head with its label on the line, over a paragraph’s opening, opens an article; the one before is cut off', () => {
    const tree = parsePage([...CUT, '', '如何优化营商环境？ 某某县妇幼保健院', '', ...OPENING]);
    expect(tree.articles.map((a) => [a.institution, a.headline, a.truncated])).toEqual([
      ['某某区人民医院', '守护健康', true],
      ['某某县妇幼保健院', '如何优化营商环境？', false],
    ]);
    const note = tree.diagnostics.find((d) => d.ruleId === 'needs-review' && d.message.includes('如何优化'));
    expect(note?.message).toMatch(/sentence left open/);
  });

  it('a head with its label on the line under it, over a byline, opens an article', () => {
    const tree = parsePage([
      ...CUT,
      '',
      '答好民生卷，跑出加速度',
      '某某区精神卫生中心',
      '',
      '本报记者 李明',
      '',
      ...OPENING,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline, a.truncated])).toEqual([
      ['某某区人民医院', '守护健康', true],
      ['某某区精神卫生中心', '答好民生卷，跑出加速度', false],
    ]);
  });
});

describe('heads between articles with little around them', () => {
  // An article with no label and no byline, in a 16-em column.
  const FIRST_ARTICLE = [
    '守护健康，我们一直在',
    '',
    ...FIRST,
    '',
    '在此基础上，医院持续推进家',
    '庭医生签约服务，让群众看病更方便',
    '更放心，获得感不断增强。医院还组建',
    '志愿服务队走进社区开展健康宣教，',
    '普及慢病防治知识，群众参与热情很',
    '高，健康素养水平逐年提升。',
  ];
  const OPENING = ['下一步，医院将继续完善分级', '诊疗制度，推动优质资源向基层延伸', '让群众享受更加便捷的健康服务。'];

  it('a head over a short summary set without end punctuation, over a paragraph’s opening, opens an article', () => {
    const tree = parsePage([
      ...FIRST_ARTICLE,
      '',
      '擦亮服务品牌，护佑一方平安',
      '',
      '医共体建设让优质资源沉到',
      '基层，百姓在家门口看上好医生',
      '',
      ...OPENING,
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康，我们一直在', '擦亮服务品牌，护佑一方平安']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('擦亮服务品牌'))).toBe(true);
  });

  it('a head with its label a blank line under it and a standfirst box under that opens a labelled article', () => {
    const tree = parsePage([
      ...FIRST_ARTICLE,
      '',
      '报销快了，护佑一方平安',
      '',
      '某某区人民医院',
      '',
      '核心阅读',
      '',
      '如何让群众少跑腿、好办事？记者走',
      '进多家医疗机构，看便民举措落地。',
      '',
      ...OPENING,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      [null, '守护健康，我们一直在'],
      ['某某区人民医院', '报销快了，护佑一方平安'],
    ]);
  });
});

describe('a label glued after its headline', () => {
  it('starts at a county-level place name of three characters, found in the national division list', () => {
    const tree = parsePage(['守护健康，我们一直在石景山区人民医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['石景山区人民医院', '守护健康，我们一直在'],
    ]);
    expect(tree.diagnostics.some((d) => d.message.includes('county-level division'))).toBe(true);
  });

  it('starts at the real district, not at a place anchor the head words make by form (`高地某州`)', () => {
    const tree = parsePage(['守护健康，打造区域医疗高地通州区人民医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['通州区人民医院', '守护健康，打造区域医疗高地'],
    ]);
  });

  it('splits off a label named after its city, with no district in it', () => {
    const tree = parsePage(['守护健康，我们一直在成都中医药大学附属医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['成都中医药大学附属医院', '守护健康，我们一直在'],
    ]);
  });

  it('keeps a two-character place name when the three characters are no county', () => {
    const tree = parsePage(['守护健康，我们一直在江北区人民医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([['江北区人民医院', '守护健康，我们一直在']]);
  });
});

describe('the first head under the banner', () => {
  it('a line set apart over a dateline at the page top is the headline, the line above it the banner', () => {
    const tree = parsePage([
      '',
      '聚焦基层医疗卫生服务能力提升',
      '',
      '',
      '',
      '护佑一方平安传承红色基因',
      '',
      '本报讯（记者 李明）通过深入排',
      '查诊疗全流程堵点，精准制定包含',
      '“6大行动、22项举措”的系统方案。',
      '',
      ...MORE,
    ]);
    expect(tree.banner).toEqual(['聚焦基层医疗卫生服务能力提升']);
    expect(tree.articles.map((a) => a.headline)).toEqual(['护佑一方平安传承红色基因']);
    expect(reviewLines(tree)).toContain(6);
  });
});

describe('a label inside a headline stack', () => {
  it('a label right under a kicker and its head, over the ——subheadline, names that article', () => {
    const tree = parsePage([
      '跑出加速度——',
      '党建引领发展，守护健康',
      '某某区中医院',
      '——服务惠及百姓系列报道之三',
      '',
      '本报记者 李明',
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline, a.subheadline, a.institution])).toEqual([
      ['跑出加速度——', '党建引领发展，守护健康', '——服务惠及百姓系列报道之三', '某某区中医院'],
    ]);
  });

  it('so does one set a blank line apart, between the head and its ——subheadline', () => {
    const tree = parsePage([
      '建强人才队伍——',
      '',
      '“家门口”就能深化医改（健康视点）',
      '',
      '某某区卫生院',
      '',
      '——记某某区中心医院党员先锋队',
      '',
      '本报重庆6月26日电（记者 李明）医院',
      '持续推进家庭医生签约服务，让群众',
      '看病更方便更放心。',
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline, a.subheadline, a.institution])).toEqual([
      ['建强人才队伍——', '“家门口”就能深化医改（健康视点）', '——记某某区中心医院党员先锋队', '某某区卫生院'],
    ]);
  });
});

describe('a head with its ——subheadline after an article cut off mid-sentence', () => {
  it('opens an article when a byline follows; the note says the sentence before was left open', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '在此基础上，医院持续推进家',
      '庭医生签约服务，让群众看病更方便',
      '',
      '病房不熄灯，下沉优质资源！',
      '',
      '——医防融合见实效的实践与探索',
      '',
      '本报记者 李明 通讯员 王芳',
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.subheadline, a.truncated])).toEqual([
      ['守护健康', null, true],
      ['病房不熄灯，下沉优质资源！', '——医防融合见实效的实践与探索', false],
    ]);
    const note = tree.diagnostics.find((d) => d.ruleId === 'needs-review' && d.line === 10);
    expect(note?.message).toMatch(/sentence left open/);
  });
});

describe('a standfirst box under the stack', () => {
  it('closes the stack at the page top: a plain line over a head with punctuation is its kicker, never headline over subheadline', () => {
    const tree = parsePage([
      '守牢安全底线筑牢健康防线',
      '',
      '守护健康，党建引领发展（一线见闻）',
      '',
      '核心阅读',
      '',
      '从“看得上病”到“看得好病”，',
      '一组数字背后，是医务工作者日',
      '复一日的坚守。',
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([
      ['守牢安全底线筑牢健康防线', '守护健康，党建引领发展（一线见闻）', null],
    ]);
    expect(tree.articles[0]!.lede.length).toBeGreaterThan(0);
  });
});

describe('kickers', () => {
  it('a plain line over a head that ends in a column tag is its kicker: a subheadline carries no column tag', () => {
    const tree = parsePage([
      '筑牢健康防线守护健康',
      '',
      '“家门口”就能改善就医体验（杏林札记）',
      '',
      '本报记者 李明',
      '',
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline, a.subheadline])).toEqual([
      ['筑牢健康防线守护健康', '“家门口”就能改善就医体验（杏林札记）', null],
    ]);
  });

  it('a caption set two blank lines apart over a head and its ——subheadline is no kicker', () => {
    const tree = parsePage([
      ...HEAD,
      ...MORE,
      '',
      '',
      '医务人员在病房查房',
      '',
      '',
      '报销快了，建强人才队伍',
      '',
      '——走稳高质量发展路系列报道之三',
      '',
      '本报记者 李明',
      '',
      ...FIRST,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '守护健康'],
      [null, '报销快了，建强人才队伍'],
    ]);
  });
});

describe('a label glued after a head that closes on ？ or ！', () => {
  it('starts right after the mark, whatever its place name', () => {
    for (const [line, institution, headline] of [
      ['如何守牢安全底线？石门坎区人民医院', '石门坎区人民医院', '如何守牢安全底线？'],
      ['答好民生卷，传承创新！某某医科大学附属第三医院', '某某医科大学附属第三医院', '答好民生卷，传承创新！'],
    ]) {
      const tree = parsePage([line!, '', ...COLUMN, '', '本报记者 李明']);
      expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([[institution, headline]]);
    }
  });
});

describe('a label named after its city, glued after a two-phrase head', () => {
  it('starts at the city name, not at the head’s phrase space (needs-review)', () => {
    const tree = parsePage(['深化医改 党建引领发展成都大学附属医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['成都大学附属医院', '深化医改 党建引领发展'],
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('city name'))).toBe(true);
  });

  it('keeps a name whose first part ends like a name (a university before the city)', () => {
    const tree = parsePage(['守护健康 陆军军医大学重庆某某医院', '', ...COLUMN, '', '本报记者 李明']);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([['陆军军医大学重庆某某医院', '守护健康']]);
  });
});

describe('a head with punctuation over its label a blank line below', () => {
  it('opens an article over a paragraph’s opening, even when the article before has no label', () => {
    const tree = parsePage([
      '守护健康，我们一直在',
      '',
      ...MORE,
      '',
      '',
      '报销快了，夯实基层',
      '',
      '某某市急救医疗中心',
      '',
      ...FIRST,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      [null, '守护健康，我们一直在'],
      ['某某市急救医疗中心', '报销快了，夯实基层'],
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('报销快了'))).toBe(true);
  });
});

describe('a plain line over a label and a head between articles', () => {
  it('is the kicker of the labelled stack under it, not a caption of the article before (needs-review)', () => {
    const tree = parsePage([
      ...HEAD,
      ...MORE,
      '',
      '',
      '打造区域医疗高地答好民生卷',
      '',
      '某某区卫生院',
      '',
      '“擦亮服务品牌”建强人才队伍',
      '',
      '记者 李明',
      '',
      ...FIRST,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, '某某区人民医院', '守护健康'],
      ['打造区域医疗高地答好民生卷', '某某区卫生院', '“擦亮服务品牌”建强人才队伍'],
    ]);
    expect(
      tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('打造区域医疗高地答好民生卷')),
    ).toBe(true);
  });
});

describe('a column tag in the stack', () => {
  it('printed on its own line under the head at the page top, over the label: it rides on the head', () => {
    const tree = parsePage([
      '',
      '报销快了，守护健康',
      '（杏林札记）',
      '',
      '某某县人民医院',
      '',
      ...COLUMN,
      '',
      '本报记者 李明',
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某县人民医院', '报销快了，守护健康（杏林札记）'],
    ]);
  });

  it('ending the head under a label: the head opens the article even when the text under it reads as going on', () => {
    const tree = parsePage([
      '某某县人民医院',
      '',
      '报销快了，守护健康（杏林札记）',
      '',
      ...COLUMN,
      '',
      '本报记者 李明',
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某县人民医院', '报销快了，守护健康（杏林札记）'],
    ]);
  });
});

// A 16-em column whose paragraphs open indented by two ems.
const INDENTED = ['医院党委坚持党建引领发展工作，', '把优质医疗服务送到群众家门口，受', '到广泛好评。', ...NEXT];
/** A whole article (head, byline, text) before the stack under test, and the blank lines after it. */
const ARTICLE_ABOVE = ['守护健康', '', '本报记者 李明', '', ...INDENTED, '', ''];

describe('a plain kicker over the head', () => {
  it('one run of words over a head with quotes at the page top is the kicker, reported', () => {
    const tree = parsePage([
      '',
      '社区医疗服务提质增效',
      '',
      '“家门口”就能看好病',
      '',
      '本报记者 李明',
      '',
      ...INDENTED,
    ]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline, a.subheadline]).toEqual(['社区医疗服务提质增效', '“家门口”就能看好病', null]);
    expect(reviewLines(tree)).toContain(2);
  });

  it('one run of words over its label and a plain head is the kicker; the head is no subheadline', () => {
    const tree = parsePage(['', '社区医疗服务提质增效', '某某县人民医院', '', '群众看病更方便更放心', '', ...INDENTED]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.institution, a.headline, a.subheadline]).toEqual([
      '社区医疗服务提质增效',
      '某某县人民医院',
      '群众看病更方便更放心',
      null,
    ]);
    expect(reviewLines(tree)).toContain(5);
  });

  it('a two-phrase head over a line naming an institution keeps it as the subheadline', () => {
    const tree = parsePage(['', '党建铸医魂 为民谱新篇', '', '某某县中医院高质量党建让群众更放心', '', ...INDENTED]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline, a.subheadline]).toEqual([
      null,
      '党建铸医魂 为民谱新篇',
      '某某县中医院高质量党建让群众更放心',
    ]);
  });
});

describe('stacks whose head fills the column', () => {
  it('a short plain line over a head closing on ！ as wide as the column: kicker over head, not prose', () => {
    const tree = parsePage([
      '',
      '党建引领健康同行',
      '守护群众健康，我们一直不下班！',
      '',
      ...INDENTED.map((l) => l.slice(1)),
    ]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline]).toEqual(['党建引领健康同行', '守护群众健康，我们一直不下班！']);
  });
});

describe('a head with punctuation after a sentence left open', () => {
  it('opens an article when a `——` subheadline and a narrower standfirst stand under it', () => {
    const tree = parsePage([
      '',
      '某某县人民医院 守护健康',
      '',
      ...COLUMN,
      '医院将继续完善分级诊疗制度，推动',
      '',
      '报销快了，群众更放心',
      '',
      '——某某县医保服务纪实',
      '',
      '一年来，全县新增',
      '家庭医生团队46个，签约',
      '居民超过12万人。',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.subheadline])).toEqual([
      ['守护健康', null],
      ['报销快了，群众更放心', '——某某县医保服务纪实'],
    ]);
  });
});

describe('a plain kicker over a labelled head in the page', () => {
  it('one run of words printed close over a head with its label is that head’s kicker, not a caption of the article before', () => {
    const tree = parsePage([
      '某某县人民医院 守护健康',
      '',
      ...COLUMN,
      '',
      '本报记者 李明',
      '',
      '',
      '社区医疗服务提质增效',
      '',
      '某某区中医院 群众看病更方便',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, '某某县人民医院', '守护健康'],
      ['社区医疗服务提质增效', '某某区中医院', '群众看病更方便'],
    ]);
    expect(tree.articles[0]!.children.some((c) => c.type === 'figure')).toBe(false);
    expect(reviewLines(tree)).toContain(13);
  });
});

describe('under the stack’s byline', () => {
  it('a line over text that goes on without a paragraph’s opening is that paragraph’s first line, not a subheadline', () => {
    const tree = parsePage([
      '',
      '某某县人民医院 守护健康',
      '',
      '本报记者 李明',
      '',
      '医院党委坚持党建引领发展工作',
      '',
      '把优质医疗服务送到群众家门口，受到',
      '广泛好评。在此基础上，医院持续推进',
      '家庭医生签约服务，让群众看病更方便',
      '更放心，获得感不断增强。',
    ]);
    const a = tree.articles[0]!;
    expect(a.subheadline).toBeNull();
    expect(a.children[0]).toMatchObject({ type: 'paragraph' });
    const first = nodeText(a.children[0]!);
    expect(first.startsWith('P 医院党委坚持党建引领发展工作把')).toBe(true);
    expect(reviewLines(tree)).toContain(6);
  });
});

describe('a head over its label and a `——` subheadline in the page', () => {
  it('opens a new article: a subhead has neither a label nor a subheadline under it', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '夯实基层 守护健康',
      '',
      '某某区中医院',
      '——某某区推进医共体建设纪实',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline, a.subheadline])).toEqual([
      [null, '守护健康', null],
      ['某某区中医院', '夯实基层 守护健康', '——某某区推进医共体建设纪实'],
    ]);
  });
});

describe('a plain line over a head with its label glued after it, one block', () => {
  it('is the kicker: the label closes the head’s own line, it is no name of the line over it', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '筑牢健康防线护佑一方平安',
      '中医药传承创新某某区卫生院',
      '——某某区推进医共体建设纪实',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, null, '守护健康'],
      ['筑牢健康防线护佑一方平安', '某某区卫生院', '中医药传承创新'],
    ]);
  });
});

describe('a label under a kicker and its head, over a standfirst box', () => {
  it('names the stack’s article; the box opens its lede, not an article of its own', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '记者探访某某区中医院——',
      '如何守护群众健康？',
      '',
      '某某区中医院',
      '',
      '核心阅读',
      '',
      '基层是守护群众健康的',
      '第一道防线。',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, null, '守护健康'],
      ['记者探访某某区中医院——', '某某区中医院', '如何守护群众健康？'],
    ]);
  });
});

describe('a head broken at its phrase over its label, one block', () => {
  it('stays one head with its label: the lines under the first are no paragraph', () => {
    const tree = parsePage([
      ...ARTICLE_ABOVE,
      '筑牢健康防线：',
      '',
      '深化医改',
      '服务惠及百姓',
      '某某县中医院',
      '',
      '（本报记者 王芳）',
      '',
      ...INDENTED,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      [null, null, '守护健康'],
      ['筑牢健康防线：', '某某县中医院', '深化医改 服务惠及百姓'],
    ]);
  });
});

describe('a stack printed as one block at the page top, before any head', () => {
  // A 13-em column whose first paragraph opens indented; the stack above it spans the columns.
  const NARROW = [
    '为了推动优质资源下沉，',
    '医院党委创新打造“三议一',
    '决”机制，把服务送到群众家',
    '门口，受到广泛好评。',
    '',
    '下一步，医院将继续完善分',
    '级诊疗制度，推动优质资源',
    '向基层延伸，让群众看病更',
    '方便更放心。',
  ];

  it('a plain line over a head with punctuation is the kicker and the headline, reported', () => {
    const tree = parsePage(['', '夯实基层筑牢健康防线守护生命', '推进智慧医疗：服务惠及百姓', '', ...NARROW]);
    expect(tree.articles.map((a) => [a.kicker, a.headline])).toEqual([
      ['夯实基层筑牢健康防线守护生命', '推进智慧医疗：服务惠及百姓'],
    ]);
    expect(nodeText(tree.articles[0]!.children[0]!)).toMatch(/^P 为了推动优质资源下沉/);
    expect(reviewLines(tree)).toContain(2);
  });

  it('with a label between them, the label names the article', () => {
    const tree = parsePage([
      '',
      '夯实基层筑牢健康防线守护生命',
      '某某区人民医院',
      '病房不熄灯，服务惠及百姓！',
      '',
      ...NARROW,
    ]);
    expect(tree.articles.map((a) => [a.kicker, a.institution, a.headline])).toEqual([
      ['夯实基层筑牢健康防线守护生命', '某某区人民医院', '病房不熄灯，服务惠及百姓！'],
    ]);
  });

  it('text carried over from another page stays text', () => {
    const tree = parsePage(['', '医院党委坚持党建引领发展，把服', '务送到群众家门口。', '', ...NARROW]);
    expect(tree.articles.every((a) => a.headline === '')).toBe(true);
    expect(tree.articles[0]!.children.map(nodeText).join('')).toMatch(/^P 医院党委坚持党建引领发展/);
  });
});
