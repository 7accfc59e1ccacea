/**
 * Paragraph breaks, subheads and captions in the body (made-up pages in the forms real papers
 * print): each rule decides by the form of the lines, and text is never moved out of its sentence.
 */
import { describe, expect, it } from 'vitest';
import {
  nodeText,
  paragraphTexts,
  parsePage,
  reviewNotesAt,
  FIRST,
  HEAD,
  FIRST_TEXT,
  NEXT,
} from '../helpers/parse-page.js';

// A 16-em column: first lines carry the 2-em indent.

describe('paragraphs in the body', () => {
  it('a subhead over an indented paragraph that opens with a conjunction stays a subhead', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '党员带头，打通服务末梢',
      '',
      '与此同时，医院还组建志愿服',
      '务队走进社区开展健康宣教，普及慢',
      '病防治知识，群众参与热情很高。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'H 党员带头，打通服务末梢',
      'P 与此同时，医院还组建志愿服务队走进社区开展健康宣教，普及慢病防治知识，群众参与热情很高。',
    ]);
  });

  it('a first line whose last mark hangs past the measure still opens a paragraph', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '十年来，医院先后开展多项科研、',
      '发表学术论文十余篇，拥有医疗技术',
      '专利两项。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P 十年来，医院先后开展多项科研、发表学术论文十余篇，拥有医疗技术专利两项。',
    ]);
  });
});

describe('hanging marks with a closing quote', () => {
  it('a sentence ending an em short of the measure over a line an em short opens a paragraph, reported', () => {
    // Neither width alone says so: the first falls short by less than a last line mostly does, and the
    // second hangs its last mark after two others (marks may be compressed there).
    const tree = parsePage([
      ...HEAD,
      '今年以来，医院组织专家团队',
      '深入基层开展义诊活动，把优质医疗',
      '服务送到群众家门口，还为行动不便',
      '的老人送医送药，受到群众好评。',
      '当天，来自该院中医科、康复科、',
      '呼吸科等多学科专家来到社区广场，',
      '为居民提供免费的血压血糖检测，并',
      '现场解读检测结果。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      'P 今年以来，医院组织专家团队深入基层开展义诊活动，把优质医疗服务送到群众家门口，还为行动不便的老人送医送药，受到群众好评。',
      'P 当天，来自该院中医科、康复科、呼吸科等多学科专家来到社区广场，为居民提供免费的血压血糖检测，并现场解读检测结果。',
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('an em short'))).toBe(true);
  });

  it('a first line that hangs a full stop and a closing quote still opens a paragraph', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '“送药上门，你们真是太贴心了。”',
      '从今年开始，村里的老人不再为每月',
      '前往城区取药而发愁。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P “送药上门，你们真是太贴心了。”从今年开始，村里的老人不再为每月前往城区取药而发愁。',
    ]);
  });
});

describe('column continuations', () => {
  it('a lone head with punctuation is not paired with a column far away', () => {
    const tree = parsePage([
      '报销快了，少跑腿某某区医疗保障局',
      '',
      // A column of two lines: too few to read its measure.
      '本报北京3月5日电（记者 李明）',
      '办事更便捷。',
      '',
      '社区居民今年73岁。',
    ]);
    const a = tree.articles[0]!;
    expect([a.institution, a.headline]).toEqual(['某某区医疗保障局', '报销快了，少跑腿']);
    expect(a.children.map(nodeText)).toEqual(['P 本报北京3月5日电（记者 李明）办事更便捷。', 'P 社区居民今年73岁。']);
  });
});

describe('column continuations, far columns', () => {
  it('a lone head with punctuation does not go on a column printed far from it', () => {
    // An editor's note ends on its signature, not a full stop: it reads as a column left open.
    const tree = parsePage([
      '打通服务末梢：优化营商环境',
      '',
      '本报武汉6月7日电（记者',
      ' 秦佳）在党建工作中，綦江',
      '院将党的建设纳入医院章程。',
      '坚守。——编 者',
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['打通服务末梢：优化营商环境']);
  });
});

describe('captions and subheads between paragraphs', () => {
  const SECOND = ['在此基础上，医院持续推进家', '庭医生签约服务，让群众看病更方便', '更放心，获得感不断增强。'];
  const THIRD = ['与此同时，医院还组建志愿服', '务队走进社区开展健康宣教，普及慢', '病防治知识，群众参与热情很高。'];

  it('a one-phrase line in an article whose subheads are two phrases is a caption, reported needs-review', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '医务人员在病房查房',
      '',
      ...SECOND,
      '',
      '党建引领 服务惠民',
      '',
      ...THIRD,
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'F 医务人员在病房查房',
      'P 在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，获得感不断增强。',
      'H 党建引领 服务惠民',
      'P 与此同时，医院还组建志愿服务队走进社区开展健康宣教，普及慢病防治知识，群众参与热情很高。',
    ]);
    const notes = tree.diagnostics.filter((d) => d.ruleId === 'needs-review');
    expect(notes.map((d) => d.line)).toEqual([7]);
  });

  it('a one-phrase line stays a subhead when no subhead of another form is printed', () => {
    const tree = parsePage([...HEAD, ...FIRST, '', '守护群众健康', '', ...SECOND]);
    expect(tree.articles[0]!.children.map(nodeText)[1]).toBe('H 守护群众健康');
  });

  it('a caption over a subhead is not joined to the indented paragraph under them', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '家庭医生上门为老人测量血压',
      '',
      '',
      '党建引领 服务惠民',
      '',
      ...SECOND,
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'F 家庭医生上门为老人测量血压',
      'H 党建引领 服务惠民',
      'P 在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，获得感不断增强。',
    ]);
  });

  it('a hall (…大厅) in a caption is not an institution label', () => {
    const tree = parsePage([...HEAD, ...FIRST, '', '', '急救中心指挥大厅', '', ...SECOND]);
    const a = tree.articles[0]!;
    expect(a.institution).toBe('某某区人民医院');
    expect(a.children.map(nodeText)[1]).toBe('F 急救中心指挥大厅');
  });
});

describe('lone short lines', () => {
  it('a subhead with a comma is not a piece of the one-line paragraph under it', () => {
    const tree = parsePage([
      ...HEAD,
      '深化纪律作风建设。开展深入贯彻中央八项规定精',
      '神学习教育，集中学习20余次、讲专题',
      '党课1次、党员干部交流发言30余人次。',
      '',
      '党员带头，聚焦群众所需',
      '',
      '医保待遇足额发放。',
      '支付参保群众基本医保待遇8.55亿',
      '元、医疗救助待遇2361.43万元、长护',
      '险待遇1032.55万元。',
    ]);
    const _children = tree.articles[0]!.children.map(nodeText);
    // Whether the head reads as a subhead or opens an article, it stays out of the paragraph under it.
    const paragraphs = tree.articles.flatMap((a) => [...a.lede, ...a.children].map(nodeText));
    expect(paragraphs).toContain('P 医保待遇足额发放。');
    expect(paragraphs.filter((t) => t.includes('党员带头'))).toEqual([]);
  });

  it('a short subhead with a comma stays a subhead over a first line whose indent its marks hide', () => {
    // The first line hangs its last mark and holds two more: its width alone does not show the indent.
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '党员带头，擦亮服务品牌',
      '',
      '当天，来自该院中医科、康复科、',
      '呼吸科等多学科专家来到社区广场，',
      '为居民提供免费的健康检测服务。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'H 党员带头，擦亮服务品牌',
      'P 当天，来自该院中医科、康复科、呼吸科等多学科专家来到社区广场，为居民提供免费的健康检测服务。',
    ]);
    expect(tree.diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('党员带头'))).toBe(true);
  });
});

describe('one-line paragraphs', () => {
  it('a one-line paragraph is not taken for the tail of a column left open elsewhere without shared words', () => {
    const tree = parsePage([
      '守牢安全底线，我们一直在',
      '',
      '新华社北京12月11日电（记者',
      '',
      '重庆市智慧医院，让群众就医更安',
      '心、更放心和更舒心。“现在我们',
      '究体系。',
      '十年来，杜志斌开展和参与多',
      '',
      '利。',
      '',
      '中医药传承创新',
      '',
      '支部强则党建强。',
    ]);
    const paragraphs = tree.articles.flatMap((a) => [...a.lede, ...a.children].map(nodeText));
    expect(paragraphs).toContain('P 支部强则党建强。');
  });
});

describe('columns of one article', () => {
  it('two columns of one article are not swapped for their shared words (no second head is open)', () => {
    const tree = parsePage([
      '量的重要举措，这两大门诊以全天候、',
      '高效率、精准化的服务，时刻守护群',
      '众健康。与此同时，重钢总医院还按',
      '照建强建原则，设置党支部34个，根',
      '据双联双免制度，党支部书记由科室',
      '负责人担任。神经内科·综合介入科',
      '积极响应“卒中防治百万减残工程”，',
      '',
      '中救治体系，2024年1月授牌成立大',
      '渡口“综合防治卒中中心”。',
      '在2024年国家医疗质量安全改进',
      '项目中获“优秀溶栓单位”。如今，科',
      '室已经成为大渡口临床重点专科，年',
      '门诊量2.7万余人次，年收治病人量3',
      '700余人次。',
      '',
      '康复医学科·中医科作为重庆市',
      '重点专科培育项目建设单位、大渡口',
      '区特色专科、大渡口区康复医学质控',
      '中心。科室充分发挥党支部战斗堡垒',
      '作用，为大渡口33所中小学52412名',
      '学生，开展脊柱侧弯普查工作。精神',
      '与临床心理科作为大渡口区精神心理',
      '疾病防治核心机构及严重精神障碍应',
      '',
      '急处置定点科室，致力于满足患者不',
      '同的需求，创新打造“农疗”康复新模',
      '式。在重钢总医院，党建引领不仅体',
      '现在服务延伸的广度、专科深耕的深',
      '度，更是为医院高质量发展谋划了坚',
      '实路径。',
      '一方面，依托通用医疗庞大的资源网',
    ]);
    const paragraphs = tree.articles.flatMap((a) => a.children.map(nodeText));
    expect(paragraphs.find((p) => p.startsWith('P 康复医学科'))?.endsWith('谋划了坚实路径。')).toBe(true);
  });
});

describe('photo credits', () => {
  it('a credit line under the byline after the last caption is the article’s photo credit, not the photo’s', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '图为医务人员在病房查房。',
      '',
      '',
      '本报记者 李明',
      '图片由某某区人民医院提供',
    ]);
    const a = tree.articles[0]!;
    expect(a.children.map(nodeText).at(-1)).toBe('F 图为医务人员在病房查房。');
    expect(a.children.at(-1)).toMatchObject({ type: 'figure', credit: null });
    expect(a.byline.photoCredit).toBe('图片由某某区人民医院提供');
  });
});

describe('questions', () => {
  it('a line of two questions between paragraphs is a paragraph, not a subhead', () => {
    const tree = parsePage([...HEAD, ...FIRST, '', '如何下沉？如何就医？', '', ...NEXT]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P 如何下沉？如何就医？',
      'P 在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，获得感不断增强。',
    ]);
  });

  it('a question set apart straight over a subhead heads no section: it is a one-line paragraph', () => {
    const { articles, diagnostics } = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '如何让优质医疗资源下沉？',
      '',
      '深化医改，优化营商环境',
      '',
      ...NEXT,
    ]);
    expect(articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P 如何让优质医疗资源下沉？',
      'H 深化医改，优化营商环境',
      'P 在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，获得感不断增强。',
    ]);
    expect(diagnostics.some((d) => d.ruleId === 'needs-review' && d.message.includes('heads no section'))).toBe(true);
  });

  it('a question set apart at the end of an article heads no section either', () => {
    const tree = parsePage([...HEAD, ...FIRST, '', '如何让优质医疗资源下沉？', '']);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([`P ${FIRST_TEXT}`, 'P 如何让优质医疗资源下沉？']);
  });
});

describe('attributions', () => {
  it('a short line ending on a speech verb after a closed quotation is the tail of its paragraph', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '“苦点累点真没什么，一定要保',
      '证结果精确，最怕的是耽误患者治疗。”',
      '副主任技师某某补充道。',
      ...NEXT,
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'P “苦点累点真没什么，一定要保证结果精确，最怕的是耽误患者治疗。”副主任技师某某补充道。',
      'P 在此基础上，医院持续推进家庭医生签约服务，让群众看病更方便更放心，获得感不断增强。',
    ]);
  });
});

describe('datelines', () => {
  it('a dateline under the next article’s head opens its text, never the tail of a sentence cut off above', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '与此同时，医院还组建志愿服',
      '务队走进社区开展健康宣教，普及慢',
      '病防治知识，群众参与热情很高。',
      '在2024年国家医',
      '',
      '',
      '某某区卫生健康委 补齐公卫短板',
      '',
      '本报重庆1月27日电（记者 王某某）',
      '2024年，全市在全国率先以市政府名',
      '义出台防治行动方案，成效明显。',
    ]);
    expect(tree.articles.map((a) => a.headline)).toEqual(['守护健康', '补齐公卫短板']);
    expect(tree.articles[1]!.children.map(nodeText)).toEqual([
      'P 本报重庆1月27日电（记者 王某某）2024年，全市在全国率先以市政府名义出台防治行动方案，成效明显。',
    ]);
    expect(tree.articles[0]!.truncated).toBe(true);
  });
});

// A 12-em column: a paragraph, then one whose last line ends on a colon, its quote going on in the lines after.
const VILLAGE = [
  '近年来，某县以农村',
  '人居环境整治为抓手，统',
  '筹推进垃圾治理、污水处',
  '理和村容村貌提升，全县',
  '村庄面貌焕然一新。',
];
const RIVER_BEND = ['在河湾村，记者看', '到，房前屋后干净整洁，', '路边的花坛里鲜花盛开。', '村党支部书记李红说：'];
const QUOTE = ['“现在村里环境好了，来', '旅游的人也多了。”'];

describe('pieces of sentences', () => {
  it('a full line set short because the next opens with a quote pushed down is not an indented first line', () => {
    const tree = parsePage([...HEAD, ...VILLAGE, ...RIVER_BEND, ...QUOTE]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      'P 近年来，某县以农村人居环境整治为抓手，统筹推进垃圾治理、污水处理和村容村貌提升，全县村庄面貌焕然一新。',
      'P 在河湾村，记者看到，房前屋后干净整洁，路边的花坛里鲜花盛开。村党支部书记李红说：“现在村里环境好了，来旅游的人也多了。”',
    ]);
  });

  it('display-like lines ending on 的 under a subhead are a piece of the sentence the next column goes on', () => {
    const tree = parsePage([
      ...HEAD,
      '依托与高校共建的科',
      '研平台，滨海县近三年共',
      '引进推广新品种一百二十',
      '个、新技术六十项，农业',
      '科技进步贡献率明显提高。',
      '',
      '三、品牌引领',
      '打开销售市场',
      '“滨海西兰花”“滨海',
      '对虾”等区域公用品牌的',
      '',
      '知名度越来越高。今年上',
      '半年，全县农产品电商销',
      '售额突破十亿元。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      'P 依托与高校共建的科研平台，滨海县近三年共引进推广新品种一百二十个、新技术六十项，农业科技进步贡献率明显提高。',
      'H 三、品牌引领打开销售市场',
      'P “滨海西兰花”“滨海对虾”等区域公用品牌的知名度越来越高。今年上半年，全县农产品电商销售额突破十亿元。',
    ]);
    expect(tree.articles[0]!.children.some((c) => c.type === 'figure')).toBe(false);
  });
});

describe('a line at a column’s foot, and the next column opening with a quote', () => {
  it('goes on in that column: the quote mark was pushed down from it, so its width shows no indent', () => {
    const tree = parsePage(['守护绿水青山 建设美丽乡村', '', ...VILLAGE, '', ...RIVER_BEND, '', ...QUOTE]);
    const paras = tree.articles.flatMap((a) => paragraphTexts(a.children));
    expect(paras).toContain(
      '在河湾村，记者看到，房前屋后干净整洁，路边的花坛里鲜花盛开。村党支部书记李红说：“现在村里环境好了，来旅游的人也多了。”',
    );
  });
});

describe('a subhead with punctuation on a page of one paragraph a line', () => {
  it('stays a subhead over a paragraph that opens with a conjunction (no indent shows there)', () => {
    const tree = parsePage([
      ...HEAD,
      '今年以来，医院组织专家团队深入基层开展义诊活动，把优质医疗服务送到群众家门口，受到广泛好评。',
      '',
      '党员带头，优化营商环境',
      '',
      '与全国各地的标杆医院结成紧密技术联盟，打通名院资源导入、顶级专家下沉和人才梯队共建的通道。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'H 党员带头，优化营商环境',
      'P 与全国各地的标杆医院结成紧密技术联盟，打通名院资源导入、顶级专家下沉和人才梯队共建的通道。',
    ]);
  });
});

describe('a subhead with punctuation over a paragraph of one short sentence', () => {
  it('stays a subhead: a short line closing a sentence under a lone head line is no tail of it (reported)', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '打造区域医疗高地，激活发展动能',
      '',
      '医保防线扎紧扎牢。',
      '全区参保率持续稳定在九成五以',
      '上，低收入人口动态参保率达到百分',
      '之百。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText)).toEqual([
      `P ${FIRST_TEXT}`,
      'H 打造区域医疗高地，激活发展动能',
      'P 医保防线扎紧扎牢。',
      'P 全区参保率持续稳定在九成五以上，低收入人口动态参保率达到百分之百。',
    ]);
    expect(reviewNotesAt(tree, 7).join()).toContain('read as a section subhead');
  });
  it('stays a subhead over a sentence closed on a line as short as an indented first line', () => {
    const tree = parsePage([
      ...HEAD,
      ...FIRST,
      '',
      '打造区域医疗高地，激活发展动能',
      '',
      '社区居民李爷爷今年七十三岁。',
      '每天下午擦黑，他都会到楼下的',
      '广场和邻居们聊天，听说有医院的专',
      '家来义诊，他早早地就排起了队。',
    ]);
    expect(tree.articles[0]!.children.map(nodeText).slice(1)).toEqual([
      'H 打造区域医疗高地，激活发展动能',
      'P 社区居民李爷爷今年七十三岁。',
      'P 每天下午擦黑，他都会到楼下的广场和邻居们聊天，听说有医院的专家来义诊，他早早地就排起了队。',
    ]);
  });
});
