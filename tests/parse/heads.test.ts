/**
 * Heads that carry punctuation, kickers, column tags and datelines (made-up pages in the forms
 * real papers print): each decision is by form and context, and every guess is reported
 * `needs-review` at its line.
 */
import { describe, expect, it } from 'vitest';
import { type Classified, promoteHeads } from '../../src/parse/classify.js';
import { parsePage, FIRST, HEAD, NEXT } from '../helpers/parse-page.js';
import type { SourceLine } from '../../src/parse/lines.js';

// A 16-em column: first lines carry the 2-em indent.
const BODY = [...FIRST, '', ...NEXT];
// FIRST's opening with its last line cut off mid-sentence, as at a column's foot.
const CUT = ['今年以来，医院组织专家团队', '深入基层开展义诊活动，把优质医疗', '服务送到群众家门口，持续打'];
// More body in the same measure, so that a page's measure is read from body lines.
const MORE = [
  '下一步，医院将继续完善分级',
  '诊疗制度，推动优质资源向基层延伸',
  '让群众享受更加便捷的健康服务。',
  '',
  '医院还将加强人才队伍建设，',
  '选派骨干医师到基层坐诊带教，提升',
  '基层医疗机构的服务能力和水平。',
];
const BODY2 = ['与此同时，医院还组建志愿服', '务队走进社区开展健康宣教，普及慢', '病防治知识，群众参与热情很高。'];

describe('heads with punctuation', () => {
  it('a headline with a comma glued to its label opens an article, reported needs-review', () => {
    const tree = parsePage([
      '守护健康，我们一直在某某区人民医院',
      '',
      ...BODY,
      '',
      '李明',
      '',
      '病房不熄灯，我们不下班！',
      '',
      '本报记者 王芳',
      '',
      ...BODY2,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      ['某某区人民医院', '守护健康，我们一直在'],
      [null, '病房不熄灯，我们不下班！'],
    ]);
    const notes = tree.diagnostics.filter((d) => d.ruleId === 'needs-review');
    expect(notes.map((d) => d.line)).toEqual([1, 13]);
  });

  it('a column-break piece of a sentence stays in its sentence', () => {
    const tree = parsePage([
      ...HEAD,
      '今年以来，医院组织专家团队深入',
      '',
      '基层开展义诊活动，把优质医疗服务',
      '送到群众家门口，受到广泛好评。',
    ]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.children.map((c) => c.type)).toEqual(['paragraph']);
    expect(tree.diagnostics.filter((d) => d.ruleId === 'needs-review')).toHaveLength(0);
  });

  it('a kicker ending in —— sits over the headline; a column tag on its own line joins the headline', () => {
    const tree = parsePage(['记者探访某某区中医院——', '“家门口”就能看好病', '（健康视点）', '', ...BODY]);
    const a = tree.articles[0]!;
    expect([a.kicker, a.headline, a.subheadline]).toEqual([
      '记者探访某某区中医院——',
      '“家门口”就能看好病（健康视点）',
      null,
    ]);
  });

  it('a dateline opens a new article and gives its reporters; the dateline stays in the text', () => {
    const tree = parsePage([
      '夯实基层 守护健康',
      '',
      ...BODY,
      '',
      '报销快了 跑腿少了',
      '',
      '本报北京3月5日电（记者 李明、王芳）',
      '今年以来，某某市医保局推进经办服',
      '务下沉，群众办事更便捷。',
    ]);
    expect(tree.articles).toHaveLength(2);
    expect(tree.articles[1]!.byline.authors).toEqual(['李明', '王芳']);
    const first = tree.articles[1]!.children[0]!;
    expect(
      first.type === 'paragraph' && first.children[0]!.value.startsWith('本报北京3月5日电（记者 李明、王芳）'),
    ).toBe(true);
  });

  it('an editor’s note signed ——编 者 under the headline is the lede', () => {
    const tree = parsePage([
      '夯实基层 守护健康',
      '',
      '基层是守护群众健康的第一道防线。本期刊发一组报道。——编 者',
      '',
      ...BODY,
    ]);
    expect(tree.articles[0]!.lede).toHaveLength(1);
  });

  it('a subhead of two equal phrases broken over two lines is a subhead, not a wrapped caption', () => {
    const tree = parsePage(['夯实基层 守护健康', '', ...BODY, '', '聚焦群众所需', '守牢安全底线', '', ...BODY2]);
    const kids = tree.articles[0]!.children;
    expect(kids.map((c) => c.type)).toEqual(['paragraph', 'paragraph', 'heading', 'paragraph']);
  });

  it('a label on its own line over a head with punctuation, or under the page’s first head, names that article', () => {
    const over = parsePage(['某某区人民医院', '守护健康，我们一直在', '', ...BODY]);
    expect([over.articles[0]!.institution, over.articles[0]!.headline]).toEqual([
      '某某区人民医院',
      '守护健康，我们一直在',
    ]);
    const under = parsePage([
      '奋进新征程 健康再出发',
      '',
      '“家门口”就能看好病',
      '某某区中医院',
      '——某某区中医院服务群众纪实',
      '',
      ...BODY,
    ]);
    const a = under.articles[0]!;
    expect([under.banner, a.institution, a.headline, a.subheadline]).toEqual([
      ['奋进新征程 健康再出发'],
      '某某区中医院',
      '“家门口”就能看好病',
      '——某某区中医院服务群众纪实',
    ]);
  });

  it('a label printed right under a head with punctuation, between two articles, opens the second', () => {
    const tree = parsePage([
      ...HEAD,
      ...BODY,
      '',
      '李明',
      '',
      '病房不熄灯，我们不下班！',
      '某某县中医院',
      '——某某县中医院急诊科纪实',
      '',
      ...BODY2,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline, a.subheadline])).toEqual([
      ['某某区人民医院', '守护健康', null],
      ['某某县中医院', '病房不熄灯，我们不下班！', '——某某县中医院急诊科纪实'],
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 13)).toBe(true);
  });

  it('a label glued after its headline keeps a three-character place name printed so elsewhere on the page', () => {
    const tree = parsePage(['服务惠及百姓某坪坝区人民医院', '', ...BODY, '', '李明', '图片由某坪坝区人民医院提供']);
    const a = tree.articles[0]!;
    expect([a.headline, a.institution]).toEqual(['服务惠及百姓', '某坪坝区人民医院']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 1)).toBe(true);
    const alone = parsePage(['服务惠及百姓某坪坝区人民医院', '', ...BODY]).articles[0]!;
    expect([alone.headline, alone.institution]).toEqual(['服务惠及百姓某', '坪坝区人民医院']);
  });

  it('a paragraph whose indented first line hangs a comma past the measure still opens under a head', () => {
    const hanging = [
      '医院常年承担全县疑难重症救治、',
      '应急救援等医疗任务，医疗技术不断',
      '进步，群众看病就医更加方便快捷。',
    ];
    const tree = parsePage(['奋进新征程 健康再出发', '', '某某区人民医院 守护健康：推进智慧医疗', '', ...hanging]);
    const a = tree.articles[0]!;
    expect([tree.banner, a.institution, a.headline]).toEqual([
      ['奋进新征程 健康再出发'],
      '某某区人民医院',
      '守护健康：推进智慧医疗',
    ]);
  });

  it('a head with its label right under it opens an article even when the article before has no label', () => {
    const tree = parsePage([
      '守护健康 我们一直在',
      '',
      ...BODY,
      '',
      '如何让群众少跑腿？',
      '某某县中医院',
      '',
      ...BODY2,
    ]);
    expect(tree.articles.map((a) => [a.institution, a.headline])).toEqual([
      [null, '守护健康 我们一直在'],
      ['某某县中医院', '如何让群众少跑腿？'],
    ]);
  });

  it('a column tag on its own line between a head and its —— subheadline joins the head, never making it a kicker', () => {
    const stack = ['守护健康 我们一直在', '（健康视点）', '——某某县中医院急诊科纪实', ''];
    const top = parsePage([...stack, ...BODY]).articles[0]!;
    expect([top.kicker, top.headline, top.subheadline]).toEqual([
      null,
      '守护健康 我们一直在（健康视点）',
      '——某某县中医院急诊科纪实',
    ]);
    const second = parsePage(['某某区人民医院 守护健康', '', ...BODY, '', '李明', '', ...stack, ...BODY2]).articles[1]!;
    expect([second.kicker, second.headline, second.subheadline]).toEqual([
      null,
      '守护健康 我们一直在（健康视点）',
      '——某某县中医院急诊科纪实',
    ]);
  });

  it('a line naming the place a report comes from (`走进某某医院`) over the headline is its kicker, not its label', () => {
    const a = parsePage(['走进某某县人民医院', '', '守护健康，我们一直在', '', '本报记者 李明', '', ...BODY])
      .articles[0]!;
    expect([a.kicker, a.institution, a.headline]).toEqual(['走进某某县人民医院', null, '守护健康，我们一直在']);
  });

  it('a head with punctuation over a standfirst set in a narrower measure is a head before the reading order is restored', () => {
    const line = (text: string, n: number): SourceLine =>
      ({ line: n, column: 1, offset: 0, endOffset: 0, raw: text, text }) as SourceLine;
    const lede = [
      '基层是守护群众健康',
      '的第一道防线。近年来，各',
      '地推动优质医疗资源下沉，',
      '群众在家门口就能看好病。',
    ];
    const items: Classified[] = [
      {
        block: { lines: [line('守护健康，我们一直在', 1)], blankBefore: 1, first: true },
        kind: { kind: 'prose', head: { text: '守护健康，我们一直在' } },
      },
      { block: { lines: lede.map((t, k) => line(t, k + 3)), blankBefore: 1, first: false }, kind: { kind: 'prose' } },
    ];
    const [head] = promoteHeads(items, { lineMode: false, measure: 16 });
    expect(head!.kind).toMatchObject({ kind: 'display', text: '守护健康，我们一直在', punctuated: true });
  });

  it('a head with punctuation over a reporter’s byline opens an article even after a sentence cut off', () => {
    const tree = parsePage([...HEAD, ...CUT, '', '病房不熄灯，我们不下班！', '', '本报记者 王芳', '', ...BODY2]);
    expect(tree.articles.map((a) => [a.headline, a.truncated, a.byline.authors])).toEqual([
      ['守护健康', true, []],
      ['病房不熄灯，我们不下班！', false, ['王芳']],
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 7)).toBe(true);
  });

  it('a head with punctuation over a byline and a standfirst box opens an article even after a sentence cut off', () => {
    const tree = parsePage([
      ...HEAD,
      ...CUT,
      '',
      '',
      '病房不熄灯，我们不下班',
      '',
      '本报记者 王芳',
      '',
      '核心阅读',
      '',
      ...BODY2,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.truncated, a.byline.authors])).toEqual([
      ['守护健康', true, []],
      ['病房不熄灯，我们不下班', false, ['王芳']],
    ]);
    expect(tree.articles[1]!.lede.length).toBeGreaterThan(0);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 8)).toBe(true);
  });

  it('a plain line right over a labelled first head (one blank line at most) is the kicker, not the banner', () => {
    // A 13-em column, a kicker wider than it.
    const column = ['今年以来，医院组织专家', '团队深入基层开展义诊活动，', '把优质医疗服务送到群众家门'];
    const rest = [
      '口，受到广泛好评。在此基础',
      '上，医院持续推进家庭医生签',
      '约服务，让群众看病更方便更',
      '放心，获得感不断增强。',
    ];
    const tree = parsePage([
      '凝聚奋进力量共同点亮健康生活新篇',
      '某某区疾病预防控制中心 守护健康，我们一直在',
      '',
      '——某某医院党建工作纪实',
      '',
      ...column,
      ...rest,
    ]);
    const a = tree.articles[0]!;
    expect([tree.banner ?? null, a.kicker, a.institution, a.headline, a.subheadline]).toEqual([
      null,
      '凝聚奋进力量共同点亮健康生活新篇',
      '某某区疾病预防控制中心',
      '守护健康，我们一直在',
      '——某某医院党建工作纪实',
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 1)).toBe(true);
    // One blank line between, no subheadline: still the kicker; two blank lines set a banner apart.
    const gap = (n: number) =>
      parsePage([
        '凝聚奋进力量共同点亮健康生活新篇',
        ...Array(n).fill(''),
        '某某区疾病预防控制中心 守护健康，我们一直在',
        '',
        ...column,
        ...rest,
      ]);
    expect([gap(1).banner ?? null, gap(1).articles[0]!.kicker]).toEqual([null, '凝聚奋进力量共同点亮健康生活新篇']);
    expect([gap(2).banner, gap(2).articles[0]!.kicker]).toEqual([['凝聚奋进力量共同点亮健康生活新篇'], null]);
  });

  it('a plain line over a label, a head with punctuation and a ——subheadline, printed as one stack, is its kicker', () => {
    const tree = parsePage([
      ...HEAD,
      ...BODY,
      '',
      '擦亮服务品牌筑牢健康防线',
      '某某县中医院',
      '走稳发展路，我们一直在',
      '——某某县中医院服务群众纪实',
      '',
      ...BODY2,
    ]);
    const a = tree.articles[1]!;
    expect([a.kicker, a.institution, a.headline, a.subheadline]).toEqual([
      '擦亮服务品牌筑牢健康防线',
      '某某县中医院',
      '走稳发展路，我们一直在',
      '——某某县中医院服务群众纪实',
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 11)).toBe(true);
  });

  it('a plain line printed over a head that opens with its label is its kicker; a line set apart above stays the banner', () => {
    const tree = parsePage([
      '聚焦基层医疗服务能力提升',
      '',
      '',
      '',
      '传承红色基因托起生命希望',
      '某某县中医院 “家门口”就能看好病',
      '',
      ...BODY,
    ]);
    const a = tree.articles[0]!;
    expect([tree.banner, a.kicker, a.institution, a.headline]).toEqual([
      ['聚焦基层医疗服务能力提升'],
      '传承红色基因托起生命希望',
      '某某县中医院',
      '“家门口”就能看好病',
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 5)).toBe(true);
  });

  it('prose under a head and a reporter’s byline opens that article, never the rest of a sentence cut off before it', () => {
    const tree = parsePage([
      ...HEAD,
      ...CUT,
      '',
      '“家门口”就能看好病',
      '',
      '本报记者 王芳',
      '',
      '医保待遇足额发放。',
      ...BODY2,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.truncated, a.children.length])).toEqual([
      ['守护健康', true, 1],
      ['“家门口”就能看好病', false, 2],
    ]);
  });

  it('a head over a standfirst (an editor’s note, or a paragraph set narrower) opens an article, reported needs-review', () => {
    const note = [
      '基层是守护群众健康',
      '的第一道防线。近年来，各',
      '地推动优质医疗资源下沉，',
      '群众在家门口就能看好病。',
    ];
    for (const lede of [note, [...note.slice(0, -1), '群众在家门口就能看好病。——', '编 者']]) {
      const tree = parsePage([...HEAD, ...BODY, '', '聚焦群众所需 守牢安全底线', '', ...lede, '', ...BODY2, ...MORE]);
      expect(tree.articles.map((a) => [a.headline, a.lede.length])).toEqual([
        ['守护健康', 0],
        ['聚焦群众所需 守牢安全底线', 1],
      ]);
      expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 11)).toBe(true);
    }
  });

  it('a plain line right over a head with punctuation is its kicker, reported needs-review', () => {
    const top = parsePage(['做实家庭医生签约', '', '守护健康，我们一直在', '', ...BODY, ...MORE]);
    expect([top.articles[0]!.kicker, top.articles[0]!.headline]).toEqual(['做实家庭医生签约', '守护健康，我们一直在']);
    expect(top.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 1)).toBe(true);
    const body = parsePage([
      ...HEAD,
      ...BODY,
      '',
      '做实家庭医生签约',
      '病房不熄灯，我们不下班！',
      '',
      '本报记者 王芳',
      '',
      ...BODY2,
      ...MORE,
    ]);
    expect(body.articles.map((a) => [a.kicker, a.headline])).toEqual([
      [null, '守护健康'],
      ['做实家庭医生签约', '病房不熄灯，我们不下班！'],
    ]);
    expect(body.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 11)).toBe(true);
  });

  it('display lines set apart by two blank lines over an unlabelled first headline are the series banner', () => {
    const tree = parsePage([
      '百年初心 守护健康',
      '',
      '党建引领 建设健康家园',
      '',
      '',
      '病房不熄灯，我们不下班！',
      '',
      '记者 王芳',
      '',
      ...BODY,
      ...MORE,
    ]);
    const a = tree.articles[0]!;
    expect([tree.banner, a.headline, a.subheadline]).toEqual([
      ['百年初心 守护健康', '党建引领 建设健康家园'],
      '病房不熄灯，我们不下班！',
      null,
    ]);
  });

  it('a dateline naming a reporter and a correspondent gives both names, even broken over two lines', () => {
    const dateline = [
      '本报北京3月5日电（记者 李明',
      '通讯员 王芳）医院组织专家团队深入',
      '基层开展义诊活动，受到广泛好评。',
    ];
    const a = parsePage(['守护健康 我们一直在', '', ...dateline, '', ...BODY2, ...MORE]).articles[0]!;
    expect(a.byline.authors).toEqual(['李明', '王芳']);
  });

  it('a byline with a photo credit right under a sentence cut off ends its article', () => {
    const tree = parsePage([
      ...HEAD,
      ...CUT,
      '李明  王芳',
      '图片由某某区人民医院提供',
      '',
      '某某县中医院 病房不熄灯，我们不下班！',
      '',
      ...BODY2,
      ...MORE,
    ]);
    expect(tree.articles.map((a) => [a.headline, a.truncated, a.byline.authors])).toEqual([
      ['守护健康', true, ['李明', '王芳']],
      ['病房不熄灯，我们不下班！', false, []],
    ]);
  });

  it('an editor’s note whose signature wrapped (`——` / `编 者`) ends there and is the lede', () => {
    const note = [
      '基层是守护群众健康的第',
      '一道防线。近年来，各地推',
      '动资源下沉，群众在家门口',
      '就能看好病。——',
      '编 者',
    ];
    const a = parsePage(['守护健康 我们一直在', '', ...note, '', ...BODY2, ...MORE]).articles[0]!;
    expect(a.lede.map((p) => p.children[0]!.value)).toEqual([
      '基层是守护群众健康的第一道防线。近年来，各地推动资源下沉，群众在家门口就能看好病。——编者',
    ]);
  });

  it('a summary that wraps under the headline stack, without end punctuation, is the standfirst (needs-review)', () => {
    const summary = ['家门口的医院越办越好 群', '众看病就医更方便更放心'];
    for (const top of [[], ['某某区人民医院 守护健康', '', ...BODY, '', '李明', '']]) {
      const tree = parsePage([...top, '守护健康 我们一直在', '本报记者 王芳', '', ...summary, '', ...BODY2, ...MORE]);
      const a = tree.articles.at(-1)!;
      expect([a.headline, a.subheadline, a.lede.map((p) => p.children[0]!.value)]).toEqual([
        '守护健康 我们一直在',
        null,
        ['家门口的医院越办越好 群众看病就医更方便更放心'],
      ]);
      expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && /standfirst/.test(d.message))).toBe(true);
    }
  });

  it('a label glued after its headline starts at its place name, not at a place-like word of the head', () => {
    const cases = [
      ['“建强人才队伍”打造区域医疗高地某某区人民医院', '“建强人才队伍”打造区域医疗高地', '某某区人民医院'],
      ['打通服务末梢某州区中医院', '打通服务末梢', '某州区中医院'],
      ['守护健康某某市某某区人民医院', '守护健康', '某某市某某区人民医院'],
    ];
    for (const [line, headline, institution] of cases) {
      const a = parsePage([line!, '', ...BODY, ...MORE]).articles[0]!;
      expect([a.headline, a.institution]).toEqual([headline, institution]);
    }
  });

  it('a label glued after a closing mark (a column tag, a quote) is split there, even without a place name', () => {
    const a = parsePage(['“守护健康”托起生命希望（一线见闻）某某医科大学附属医院', '', ...BODY, ...MORE]).articles[0]!;
    expect([a.headline, a.institution]).toEqual(['“守护健康”托起生命希望（一线见闻）', '某某医科大学附属医院']);
  });

  it('after an article’s byline, a head set apart over an indented paragraph opens the next article (needs-review)', () => {
    const tree = parsePage([...HEAD, ...BODY, '', '李明', '', '', '“家门口”就能看好病', '', ...MORE]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康', '“家门口”就能看好病']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.line === 14)).toBe(true);
  });

  it('a plain kicker over a head with its label glued on and a —— subheadline opens an article', () => {
    const tree = parsePage([
      ...HEAD,
      ...BODY,
      '',
      '',
      '做实家庭医生签约夯实基层',
      '医防融合见实效，我们一直在某某县卫生健康委',
      '——某某县卫生健康委服务群众纪实',
      '',
      ...MORE,
    ]);
    const a = tree.articles[1]!;
    expect([a.kicker, a.headline, a.institution, a.subheadline]).toEqual([
      '做实家庭医生签约夯实基层',
      '医防融合见实效，我们一直在',
      '某某县卫生健康委',
      '——某某县卫生健康委服务群众纪实',
    ]);
  });

  it('a kicker with only a —— line under it leaves no empty head behind', () => {
    const tree = parsePage(['聚焦基层：', '——某某县中医院纪实', '', ...MORE]);
    expect(tree.diagnostics.filter((d) => d.ruleId === 'internal-error')).toEqual([]);
  });
});
