/**
 * Forms a national or metro daily prints on its pages, read back with pdftotext (made-up pages in
 * those forms): datelines with the reporter glued to the role, running heads in pieces, jump lines.
 */
import { describe, expect, it } from 'vitest';
import { paragraphTexts, parsePage, reviewLines } from '../helpers/parse-page.js';

// A 14-em column: a paragraph's first line carries the 2-em indent.
const TEXT = [
  '深入基层开展义诊活动，把优质',
  '医疗服务送到群众家门口，受到',
  '群众广泛好评。',
  '在此基础上，医院持续推进',
  '家庭医生签约服务，让群众看病',
  '更方便更放心，获得感不断增强。',
];
/** TEXT under its paragraph's indented first line. */
const BODY = ['今年以来，医院组织专家团', ...TEXT];

describe('a dateline set as national dailies print it', () => {
  it('reads the reporters from brackets set off by a space, the names glued to the role', () => {
    const tree = parsePage([
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
    const tree = parsePage(['守护健康，我们一直在', '', '本报讯 （记者李明 通讯', '员王芳）医院组织专家团队', ...TEXT]);
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
  });
});

const ARTICLE = ['守护健康，我们一直在', '', '本报记者 李明', '', ...BODY];

describe('a running head read in pieces at the page top', () => {
  it('takes a section word before the date and a page number after it as furniture', () => {
    const tree = parsePage(['健康', '', '2025年3月6日 星期四', '', '4', '', ...ARTICLE]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.headline).toBe('守护健康，我们一直在');
    expect(tree.articles[0]!.byline.authors).toEqual(['李明']);
    expect(tree.furniture).toEqual(['健康', '2025年3月6日 星期四', '4']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('“健康”'))).toBe(true);
  });

  it('takes a paper name, a lettered page number and a section before the date', () => {
    const tree = parsePage(['A4', '', '健康周刊', '', '2025年3月6日 星期四', '', ...ARTICLE]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.kicker).toBeNull();
    expect(tree.furniture).toEqual(['A4', '健康周刊', '2025年3月6日 星期四']);
  });

  it('leaves a short head after the date to the article', () => {
    const tree = parsePage(['2025年3月6日 星期四', '', '守护健康', '', '本报记者 李明', '', ...BODY]);
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
    const tree = parsePage(lines);
    expect(tree.furniture).toContain('2025年3月6日 星期四');
    expect(tree.articles[0]!.byline.authors).toEqual(['李明']);
  });
});

describe('a jump line in Chinese numerals', () => {
  it('is furniture between a cut-off text and the next article, never text', () => {
    const tree = parsePage([
      '守护健康，我们一直在',
      '',
      '本报记者 李明',
      '',
      '今年以来，医院组织专家团',
      '深入基层开展义诊活动，把优质',
      '医疗服务送到群众家门口，受到',
      '（下转第三版）',
      '',
      '报销快了，跑腿少了',
      '',
      '本报记者 王芳',
      '',
      '在此基础上，医院持续推进',
      '家庭医生签约服务，让群众看病',
      '更方便更放心，获得感不断增强。',
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康，我们一直在', '报销快了，跑腿少了']);
    expect(tree.furniture).toContain('（下转第三版）');
  });
});

describe('a head in display type over a narrow module, printed straight over its text', () => {
  // The article before stops mid-sentence where pdftotext left its column.
  const BEFORE = ['守护健康，我们一直在', '', '本报记者 李明', '', '今年以来，医院组织专家团', ...TEXT.slice(0, 4)];
  it('under its label after a sentence left open, a head wrapped onto a short tail opens the article', () => {
    const tree = parsePage([
      ...BEFORE,
      '',
      '某某区人民医院',
      '',
      '报销快了，传承红色基',
      '因',
      '应用自媒体进行服',
      '务，党员示范工作室',
      '工作人员走进社区。',
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康，我们一直在', '报销快了，传承红色基因']);
    expect(tree.articles[1]!.institution).toBe('某某区人民医院');
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('报销快了'))).toBe(true);
  });

  it('a head closing on ！ under its label is the head, the text under it the article’s', () => {
    const tree = parsePage([
      ...BEFORE,
      '',
      '某某区人民医院',
      '',
      '跑出加速度，补齐公卫短板！',
      '社区居民黎爷爷今年73岁。每天',
      '下午擦黑，他都会到楼下的广场和邻',
      '居们聊天散步。',
    ]);
    expect(tree.articles[1]!.headline).toBe('跑出加速度，补齐公卫短板！');
    expect(tree.articles[1]!.children[0]!.type).toBe('paragraph');
  });

  it('never reads the head as the sentence left open above going on (the column’s rest comes later)', () => {
    const tree = parsePage([
      '守牢安全底线：打通服务末梢',
      '“公立医院是人民的医院，是党',
      '的事业、政府的窗口，服务一方百姓',
      '',
      '某某区人民医院',
      '',
      '跑出加速度，补齐公卫短板！',
      '社区居民黎爷爷今年73岁。每天',
      '下午擦黑，他都会到楼下的广场和邻',
      '',
      '居们聊天散步。听说今天有医院的专',
      '家来义诊，他早早地就在现场排起了',
      '队。',
    ]);
    const b = tree.articles.find((a) => a.institution === '某某区人民医院');
    expect(b?.headline).toBe('跑出加速度，补齐公卫短板！');
  });

  it('leaves a label under its head alone: the text under the label is the article’s', () => {
    const tree = parsePage([
      '擦亮服务品牌',
      '',
      '某某区人民医院',
      '',
      '一年来，全区新增家庭医',
      '生团队46个，签约居民超过12',
      '万人',
      '',
      '本报成都5月17日电（记者 宋丽',
      '晨）据了解，截至目前，医院已成功',
      '举办15期大讲堂，完成共计4000余',
      '人次的培训。',
    ]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.headline).toBe('擦亮服务品牌');
  });
});

describe('a label over a kicker over a head', () => {
  it('reads label, kicker (ending ——) and headline as one stack, not the kicker as the headline', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '答好民生卷——',
      '',
      '“家门口”就能看好病',
      '',
      '本报记者 李明',
      '',
      ...BODY,
    ]);
    const a = tree.articles[0]!;
    expect([a.institution, a.kicker, a.headline, a.subheadline]).toEqual([
      '某某区人民医院',
      '答好民生卷——',
      '“家门口”就能看好病',
      null,
    ]);
  });

  it('reads a visit kicker (走进…) over a head with punctuation the same way', () => {
    const tree = parsePage(['某某区人民医院', '', '走进某某县中医院', '', '报销快了，跑腿少了', ...BODY]);
    const a = tree.articles[0]!;
    expect([a.institution, a.kicker, a.headline]).toEqual(['某某区人民医院', '走进某某县中医院', '报销快了，跑腿少了']);
  });
});

describe('bylines national dailies print', () => {
  const withByline = (byline: string) => parsePage(['守护健康，我们一直在', '', byline, '', ...BODY]).articles[0]!;

  it('reads a posted or special correspondent (本报驻京记者, 本报特派记者) as a reporter', () => {
    expect(withByline('本报驻京记者 李明').byline.authors).toEqual(['李明']);
    expect(withByline('本报特派记者 李明 王芳').byline.authors).toEqual(['李明', '王芳']);
    expect(withByline('本报驻京记者 李明').subheadline).toBeNull();
  });

  it('reads a name behind a compound surname whole (欧阳晓明)', () => {
    expect(withByline('本报记者 欧阳晓明 李明').byline.authors).toEqual(['欧阳晓明', '李明']);
  });

  it('reads a commentator’s role alone as the byline, not a subheadline', () => {
    const a = withByline('本报评论员');
    expect(a.subheadline).toBeNull();
    expect(a.byline.authors).toEqual([]);
  });
});

describe('a dateline set in bold sans, read apart from its brackets', () => {
  it('reads the reporters from the first brackets of the paragraph the dateline opens', () => {
    const tree = parsePage([
      '守护健康，我们一直在',
      '',
      '新华社武汉5月18日电',
      '2019年1月，医院“医共体”正式成立，',
      '涵盖6个乡镇卫生院（记者 李明、王',
      '芳）。医院党委表示，通过党员带头，',
      ...TEXT,
    ]);
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('printed apart'))).toBe(true);
  });

  it('never reads a line opening with the brackets as a subhead', () => {
    const tree = parsePage([
      '守护健康，我们一直在',
      '',
      '新华社武汉5月18日电',
      '',
      '（记者 李明、王芳）医院党委',
      '',
      '表示，通过党员带头，',
      ...TEXT,
    ]);
    const heads = tree.articles.flatMap((a) => a.children.filter((c) => c.type === 'heading'));
    expect(heads).toEqual([]);
    expect(tree.articles[0]!.byline.authors).toEqual(['李明', '王芳']);
  });
});

describe('a head broken after its comma, printed straight over its text', () => {
  const BROKEN = ['守护健康，', '我们一直在！', ...TEXT];

  it('reads the two lines as the head under its label', () => {
    const tree = parsePage(['某某区人民医院', '', ...BROKEN]);
    expect(tree.articles).toHaveLength(1);
    expect(tree.articles[0]!.institution).toBe('某某区人民医院');
    expect(tree.articles[0]!.headline).toBe('守护健康，我们一直在！');
    expect(paragraphTexts(tree.articles[0]!.children)[0]).toBe(
      '深入基层开展义诊活动，把优质医疗服务送到群众家门口，受到群众广泛好评。',
    );
    expect(reviewLines(tree)).toContain(3);
  });

  it('reads them as the next article’s head under the byline closing an article', () => {
    const tree = parsePage(['某某区人民医院', '', '夯实基层 守护健康', '', ...TEXT, '本报记者 李明', '', ...BROKEN]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['夯实基层 守护健康', '守护健康，我们一直在！']);
    expect(tree.articles.map((a) => a.byline.authors)).toEqual([['李明'], []]);
  });

  it('reads a last phrase closing on ！ and a column tag as the head’s, though wider than a column', () => {
    const tree = parsePage(['某某区人民医院', '', '守护健康，', '我们守护群众健康一直在！（健康视点）', ...TEXT]);
    expect(tree.articles[0]!.headline).toBe('守护健康，我们守护群众健康一直在！（健康视点）');
  });

  it('leaves a paragraph’s indented first line ending on a comma in its paragraph', () => {
    const tree = parsePage(['某某区人民医院', '', '夯实基层 守护健康', '', '今年以来，医院党委', ...TEXT]);
    expect(tree.articles).toHaveLength(1);
    expect(paragraphTexts(tree.articles[0]!.children)[0]).toMatch(/^今年以来，医院党委深入基层/);
  });
});

describe('a column tag closes the main head, never a subheadline', () => {
  it('joins a line closing on a tag to the headline above it when they read as one head', () => {
    const tree = parsePage([
      '第5版 健康',
      '某某区人民医院',
      '“家门口”就能',
      '党建引领发展（基层观察）',
      '',
      '本报记者 李明',
      '',
      ...BODY,
    ]);
    expect(tree.articles[0]!.headline).toBe('“家门口”就能党建引领发展（基层观察）');
    expect(tree.articles[0]!.subheadline).toBeNull();
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('column tag'))).toBe(true);
  });

  it('reads the line above as the kicker when the two are too long for one head', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '走稳高质量发展路守护群众健康',
      '',
      '托起生命希望，我们一直在（医者仁心）',
      '——某某医院提升诊疗水平纪实',
      '新华社重庆7月4日电',
      '（记者 李明）今年以来，医院组织',
      ...TEXT,
    ]);
    expect(tree.articles[0]!.kicker).toBe('走稳高质量发展路守护群众健康');
    expect(tree.articles[0]!.headline).toBe('托起生命希望，我们一直在（医者仁心）');
    expect(tree.articles[0]!.subheadline).toBe('——某某医院提升诊疗水平纪实');
    expect(reviewLines(tree)).toContain(5);
  });
});

describe('side-by-side modules printed heads first, then their texts', () => {
  const LABELS = ['某某区人民医院', '', '某某县疾病预防控制中心', ''];
  const HEADS = ['夯实基层 守护健康', '', '织密网络 服务百姓', ''];
  const SECOND = ['今年以来，中心组织党员志愿', '者走进社区开展健康宣讲，把防病', '知识送到居民身边，群众纷纷点赞。'];

  it('gives the first text to the first head and the text after its byline to the next', () => {
    const tree = parsePage([...LABELS, ...HEADS, ...BODY, '本报记者 李明', '', ...SECOND, '本报记者 王芳']);
    expect(tree.articles.map((a) => a.headline)).toEqual(['夯实基层 守护健康', '织密网络 服务百姓']);
    expect(tree.articles.map((a) => a.byline.authors)).toEqual([['李明'], ['王芳']]);
    expect(paragraphTexts(tree.articles[1]!.children)).toEqual([SECOND.join('')]);
    expect(reviewLines(tree)).toContain(18);
  });

  it('gives the first text to the first label’s head when the next module’s head is printed elsewhere', () => {
    const tree = parsePage([
      ...LABELS,
      '夯实基层 守护健康',
      '',
      ...BODY,
      '本报记者 李明',
      '',
      ...SECOND,
      '本报记者 王芳',
    ]);
    expect(tree.articles.map((a) => a.institution)).toEqual(['某某区人民医院', '某某县疾病预防控制中心']);
    expect(tree.articles[0]!.headline).toBe('夯实基层 守护健康');
    expect(tree.articles.map((a) => a.byline.authors)).toEqual([['李明'], ['王芳']]);
  });

  it('gives a byline of other reporters after the first text, which has its own, to the next module', () => {
    const tree = parsePage([...LABELS, ...HEADS, '本报记者 李明', '', ...BODY, '', ...SECOND, '本报记者 王芳']);
    expect(tree.articles.map((a) => a.byline.authors)).toEqual([['李明'], ['王芳']]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.startsWith('Byline of 王芳'))).toBe(
      true,
    );
  });
});

describe('a stack has one kicker', () => {
  it('reads a line ending on a colon under a kicker as the head broken after its colon', () => {
    const tree = parsePage([
      '某某区人民医院',
      '',
      '夯实基层 守护健康',
      '',
      ...BODY,
      '本报记者 李明',
      '',
      '记者探访某某县卫生健康委——',
      '',
      '让群众少跑腿：',
      '改善就医体验',
      '——记某某县人民医院党员先锋队',
      '新华社武汉5月16日电',
      '（记者王芳）医院构建的联建机',
      ...TEXT,
    ]);
    const a = tree.articles.at(-1)!;
    expect(tree.articles).toHaveLength(2);
    expect([a.kicker, a.headline, a.subheadline]).toEqual([
      '记者探访某某县卫生健康委——',
      '让群众少跑腿：改善就医体验',
      '——记某某县人民医院党员先锋队',
    ]);
    expect(reviewLines(tree)).toContain(16);
  });
});
