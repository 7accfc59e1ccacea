/**
 * Clean material for the importer evaluation: the body text of the seeds as the editor reads it
 * (the reviewed fixture trees, which match tests/fixtures/seed-*\/editor.json), cut into sentences
 * so pages can be re-composed, plus headline stacks, subheads, captions and bylines written here in
 * the forms real papers print (made up; never strings of any page the importer is tuned on).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const FIXTURES = join(import.meta.dirname, '..', '..', 'tests', 'fixtures');

/**
 * Sentences of the seeds' body paragraphs, per seed article (an article's sentences share its names
 * and terms, as a real article's columns do), cut where a sentence ends outside any quotation.
 */
export function seedArticleSentences(): string[][] {
  const out: string[][] = [];
  for (const dir of readdirSync(FIXTURES)
    .filter((d) => d.startsWith('seed-'))
    .sort()) {
    const tree = JSON.parse(readFileSync(join(FIXTURES, dir, 'expected.json'), 'utf8')) as {
      articles: { children: string[] }[];
    };
    for (const a of tree.articles) {
      const list = a.children.filter((c) => c.startsWith('P ')).flatMap((c) => sentences(c.slice(2)));
      // Sentences that open with a closing mark or hold an unbalanced quote cannot stand alone.
      const clean = [...new Set(list)].filter((s) => s.length >= 8 && balanced(s) && !/^[”’）》，。、]/.test(s));
      if (clean.length >= 6) out.push(clean);
    }
  }
  return out;
}

function balanced(s: string): boolean {
  const pairs: [RegExp, RegExp][] = [
    [/“/g, /”/g],
    [/‘/g, /’/g],
    [/（/g, /）/g],
    [/《/g, /》/g],
  ];
  return pairs.every(([o, c]) => (s.match(o) ?? []).length === (s.match(c) ?? []).length);
}

function sentences(p: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  const chars = [...p];
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    cur += ch;
    if ('“‘（《'.includes(ch)) depth++;
    if ('”’）》'.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '。！？'.includes(ch) && !'”’）'.includes(chars[i + 1] ?? '')) {
      out.push(cur);
      cur = '';
    }
  }
  // A fragment without its end (a seed article cut off on its page) is not a clean sentence.
  return out;
}

/** Short verb-object phrases: the stuff headlines and subheads are made of. */
export const PHRASES = [
  '夯实基层',
  '守护健康',
  '筑牢健康防线',
  '提升诊疗水平',
  '打通服务末梢',
  '党建引领发展',
  '服务惠及百姓',
  '改善就医体验',
  '聚焦群众所需',
  '深化医改',
  '织密保障网络',
  '擦亮服务品牌',
  '建强人才队伍',
  '激活发展动能',
  '下沉优质资源',
  '守牢安全底线',
  '做实家庭医生签约',
  '推进智慧医疗',
  '补齐公卫短板',
  '优化营商环境',
  '托起生命希望',
  '凝聚奋进力量',
  '点亮健康生活',
  '让群众少跑腿',
  '医防融合见实效',
  '中医药传承创新',
  '护佑一方平安',
  '打造区域医疗高地',
  '传承红色基因',
  '跑出加速度',
  '答好民生卷',
  '走稳高质量发展路',
];

/** Headlines in the forms real papers print: one phrase, two phrases with a space, punctuation, quotes. */
export const HEADLINE_FORMS: ((p: () => string) => string)[] = [
  (p) => `${p()}${p()}`,
  (p) => `${p()} ${p()}`,
  (p) => `${p()}，${p()}`,
  (p) => `${p()}，我们一直在`,
  (p) => `“家门口”就能${p()}`,
  (p) => `${p()}，${p()}！`,
  (p) => `病房不熄灯，${p()}！`,
  (p) => `报销快了，${p()}`,
  (p) => `如何${p()}？`,
  (p) => `“${p()}”${p()}`,
  (p) => `${p()}：${p()}`,
  (p) => `${p()}`,
];

/** Column tags printed after a headline. */
export const COLUMN_TAGS = [
  '（健康视点）',
  '（杏林札记）',
  '（医者仁心）',
  '（一线见闻）',
  '（健康时评）',
  '（基层观察）',
];

/** Kickers (引题): ending in —— or ：, or a plain line. */
export const KICKER_FORMS: ((p: () => string, org: () => string) => string)[] = [
  (_p, org) => `记者探访${org()}——`,
  (p) => `${p()}——`,
  (p) => `${p()}：`,
  (p) => `${p()}${p()}`,
  (_p, org) => `走进${org()}`,
];

/** Subheadlines (副题), opening with ——. */
export const SUBHEADLINE_FORMS: ((p: () => string, org: () => string) => string)[] = [
  (_p, org) => `——${org()}${PHRASES[3]}纪实`,
  (p) => `——${p()}的实践与探索`,
  (_p, org) => `——记${org()}党员先锋队`,
  (p) => `——${p()}系列报道之三`,
];

/** Section subheads: two phrases, one phrase, with a comma or colon, numbered. */
export const SUBHEAD_FORMS: ((p: () => string) => string)[] = [
  (p) => `${p()} ${p()}`,
  (p) => `${p()} ${p()}`,
  (p) => `${p()}`,
  (p) => `${p()}，${p()}`,
  (p) => `党员带头，${p()}`,
  (p) => `${p()}：${p()}`,
  (p) => `一、${p()} ${p()}`,
  (p) => `（二）${p()}`,
];

const PLACES = [
  '渝北区',
  '江北区',
  '沙坪坝区',
  '城口县',
  '荣昌区',
  '铜梁区',
  '潼南区',
  '北碚区',
  '长寿区',
  '合川区',
  '奉节县',
  '开州区',
  '云阳县',
  '黔江区',
  '梁平区',
];
const SUFFIXES = [
  '人民医院',
  '中医院',
  '妇幼保健院',
  '疾病预防控制中心',
  '卫生健康委',
  '医疗保障局',
  '第二人民医院',
  '精神卫生中心',
  '中心医院',
  '卫生院',
];
const UNIVERSITY = ['医科大学附属第三医院', '大学附属肿瘤医院', '市急救医疗中心', '市公共卫生医疗救治中心'];

/** An institution name by form: place + suffix, or a city-level name. */
export function institution(pick: <T>(xs: readonly T[]) => T): string {
  if (pick([0, 0, 0, 0, 1]) === 1) return `重庆${pick(UNIVERSITY)}`;
  return `${pick(PLACES)}${pick(SUFFIXES)}`;
}

const SURNAMES = [
  ...'王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤',
];
const GIVEN = [...'明芳华伟强磊军洋勇艳杰娟涛超秀霞平刚桂英玲丽斌宇浩凯鹏飞欣怡婷雪琳晨阳鑫宁静雯佳航帆睿琦'];

/** A personal name of 2–3 characters. */
export function personName(pick: <T>(xs: readonly T[]) => T): string {
  return pick(SURNAMES) + pick(GIVEN) + (pick([0, 1, 1]) ? pick(GIVEN) : '');
}

/** Captions: plain noun phrases, 图为…, ▲…, 上图：…；下图：…, with or without a credit. */
export const CAPTION_FORMS: ((org: () => string, name: () => string) => { caption: string; credit: string | null })[] =
  [
    () => ({ caption: '医务人员在病房查房', credit: null }),
    () => ({ caption: '义诊现场', credit: null }),
    () => ({ caption: '院领导深入社区开展健康调研', credit: null }),
    () => ({ caption: '家庭医生上门为老人测量血压', credit: null }),
    () => ({ caption: '图为医务人员在病房查房。', credit: null }),
    (_o, n) => ({ caption: '图为医护人员为群众义诊。', credit: `${n()}摄` }),
    () => ({ caption: '▲ 义诊现场。', credit: null }),
    () => ({ caption: '上图：专家会诊；下图：健康宣讲进社区。', credit: null }),
    (_o, n) => ({ caption: '志愿者为居民讲解健康知识', credit: `新华社记者 ${n()} 摄` }),
    () => ({ caption: '急救中心指挥大厅', credit: null }),
    () => ({ caption: '中医适宜技术培训课堂', credit: null }),
  ];

/** Standfirst texts (导语) for 核心阅读 boxes, editor's notes and summary paragraphs. */
export const STANDFIRSTS = [
  '基层是守护群众健康的第一道防线。近年来，各地推动优质医疗资源下沉，群众在家门口就能看好病。',
  '如何让群众少跑腿、好办事？记者走进多家医疗机构，看一项项便民举措如何落地见效。',
  '党建引领业务发展，党员冲在一线。本期刊发一组来自基层医院的报道，展示他们服务群众的故事。',
  '从“看得上病”到“看得好病”，一组数字背后，是医务工作者日复一日的坚守。',
];

/** Summary standfirsts set as one headline-like sentence, without end punctuation. */
export const SUMMARY_STANDFIRSTS = [
  '家门口的医院越办越好 群众看病就医更方便更放心',
  '一年来，全区新增家庭医生团队46个，签约居民超过12万人',
  '医共体建设让优质资源沉到基层，百姓在家门口看上好医生',
];

/** Series banners printed above a page's first article. */
export const BANNERS = [
  ['奋进新征程 健康再出发'],
  ['百年初心 守护健康', '党建引领 建设健康家园'],
  ['聚焦基层医疗卫生服务能力提升'],
];
/** Folios and running heads. */
export const FOLIOS = ['12·卫生健康', '第6版', '要闻 3', '健康 7'];
export const RUNNING_HEADS = ['2024年3月5日 星期二', '2023年11月20日  星期一'];
/** Cities for datelines. */
export const CITIES = ['北京', '重庆', '成都', '上海', '武汉'];
