/**
 * Diagnostics in Chinese. Every stage writes its messages in English with the values inside; here each
 * message is read back by its ruleId and the form its stage gives it, and said again in Chinese with the
 * same values. A message whose form is not known here (a new rule, reworded text) stays in English:
 * nothing is ever dropped or guessed.
 */
import type { Diagnostic } from '../ast/types.js';
import type { Lang } from './index.js';

type Rewrite = [RegExp, (m: RegExpExecArray) => string];

const PAGE = String.raw`page (\d+): 「(.*)」`;

/** ruleId → known English forms and their Chinese. */
const ZH: Record<string, Rewrite[]> = {
  'halfwidth-punctuation': [
    [
      /^Replaced (\d+) half-width punctuation mark\(s\) in Chinese text with full-width$/,
      (m) => `中文里的 ${m[1]} 个半角标点已改为全角`,
    ],
  ],
  'caption-in-sentence': [
    [
      /^Caption “(.*)” was printed inside a sentence; lifted out and the sentence re-joined$/,
      (m) => `图片说明“${m[1]}”夹在句子中间；已移出并接回句子`,
    ],
  ],
  'duplicate-paragraph': [
    [
      /^Paragraph at line (\d+) is printed again at line (\d+); kept the later copy once$/,
      (m) => `第 ${m[1]} 行的段落在第 ${m[2]} 行重复出现；只保留后一处`,
    ],
  ],
  'truncated-text': [
    [
      /^Article “(.*)” stops mid-sentence \(…(.*)\); the rest of the text is missing$/,
      (m) => `文章“${m[1]}”在句子中间结束（…${m[2]}）；后文缺失`,
    ],
  ],
  'out-of-order-lede': [
    [
      /^Standfirst printed (.*) “(.*)” \(set in a (wider|narrower) measure\); moved to the article's top$/,
      (m) => `“${m[2]}”的导语排在了别处（栏宽${m[3] === 'wider' ? '较宽' : '较窄'}）；已移到文章开头`,
    ],
  ],
  'orphan-fragment': [
    [
      /^Institution label “(.*)” printed mid-text; attached to the article “(.*)”$/,
      (m) => `单位名“${m[1]}”出现在正文中间；已归入文章“${m[2]}”`,
    ],
    [
      /^Text after the byline of “(.*)” could not be placed with confidence; kept at the article's end$/,
      (m) => `“${m[1]}”署名之后的文字无法确定位置；暂放在文章末尾`,
    ],
    [
      /^Subhead “(.*)” was printed inside a sentence that goes on after it; placed after the paragraph, please check$/,
      (m) => `小标题“${m[1]}”夹在未完的句子中间；已放到该段之后，请核对`,
    ],
    [
      /^Organisation name “(.*)” stands alone mid-text; kept as a subhead, please check$/,
      (m) => `机构名“${m[1]}”单独出现在正文中间；暂作小标题，请核对`,
    ],
  ],
  'missing-headline': [
    [
      /^Text before (any headline|the first `# headline`); started an article without a headline$/,
      () => '标题之前有正文；已作为无标题文章开始',
    ],
  ],
  'kangxi-radical': [
    [
      /^Mapped (\d+) Kangxi radical code point\(s\) to ordinary characters$/,
      (m) => `${m[1]} 个康熙部首字符已改为普通汉字`,
    ],
  ],
  'spaced-text': [
    [
      /^Removed (\d+) space\(s\) between Chinese characters \(justified line\)$/,
      (m) => `删除了汉字之间的 ${m[1]} 个空格（两端对齐行）`,
    ],
    [
      /^Joined (\d+) two-character name\(s\) padded with a space in a byline$/,
      (m) => `署名中 ${m[1]} 个加了空格的双字人名已合并`,
    ],
  ],
  'folio-renumbered': [
    [
      /^the source's folio says page (\d+); printed as page (\d+)/,
      (m) => `稿件版号为第 ${m[1]} 版；按第 ${m[2]} 版印出（除非每份稿件都按顺序带有版号，版号从 firstPage 起算）`,
    ],
  ],
  'empty-page': [
    [/^page (\d+): the source has no copy; the page is left blank$/, (m) => `第${m[1]}版：稿件没有正文；该版留空`],
  ],
  continued: [
    [
      /^page (\d+): copy too long for one page; 「(.*)」 ?(.*)$/,
      (m) => `第${m[1]}版：稿件一版排不下；「${m[2]}」${m[3]}`,
    ],
  ],
  'photo-slot': [
    [
      new RegExp(`^${PAGE} has too little copy to fill its module; a photo slot was added`),
      (m) => `第${m[1]}版：「${m[2]}」稿件不足以填满版块；已加图片位——请提供图片（images/）或补充稿件`,
    ],
  ],
  overset: [
    [
      new RegExp(`^${PAGE} (\\d+) characters overset`),
      (m) => `第${m[1]}版：「${m[2]}」有 ${m[3]} 字溢出（版块放不下）`,
    ],
  ],
  widow: [[new RegExp(`^${PAGE} widow:`), (m) => `第${m[1]}版：「${m[2]}」段末孤行：段落最后一行单独排在栏首`]],
  orphan: [[new RegExp(`^${PAGE} orphan:`), (m) => `第${m[1]}版：「${m[2]}」段首孤行：段落第一行单独排在栏尾`]],
  'single-char-line': [
    [
      new RegExp(`^${PAGE} a paragraph ends with a line of one character$`),
      (m) => `第${m[1]}版：「${m[2]}」段落末行只有一个字`,
    ],
  ],
  copyfit: [
    [
      new RegExp(`^${PAGE} a paragraph set at ([+-]?[\\d.]+) em letter-spacing so the columns end level$`),
      (m) => `第${m[1]}版：「${m[2]}」一段字距调整 ${m[3]} em（${Number(m[3]) < 0 ? '紧排' : '松排'}），使各栏齐平`,
    ],
  ],
  'heading-depth': [
    [
      /^Subheads are written `###`; read this level-(\d+) heading as one$/,
      (m) => `小标题写作 \`###\`；这个 ${m[1]} 级标题按小标题处理`,
    ],
  ],
  'unsupported-markdown': [
    [
      /^Markdown (\w+) is not part of the source format; kept as a plain paragraph$/,
      (m) => `Markdown 的 ${m[1]} 不属于稿件格式；按普通段落保留`,
    ],
  ],
  'unknown-node': [[/^unknown node type "(.*)" skipped$/, (m) => `未知节点类型“${m[1]}”已跳过`]],
};

/** vfile-reporter's closing count line (`76 messages (⚠ 4 warnings)`) in Chinese. */
export function summaryLine(line: string, lang: Lang): string {
  if (lang !== 'zh-CN') return line;
  return line
    .replace(/(\d+) messages?/, '共 $1 条提示')
    .replace(/(\d+) errors?/, '$1 个错误')
    .replace(/(\d+) warnings?/, '$1 条警告')
    .replace(/ ?\((.*)\)$/, '（$1）')
    .replace(/, /g, '，');
}

/** The diagnostic's message in `lang`; English when the language is English or the form is unknown. */
export function diagnosticMessage(d: Pick<Diagnostic, 'ruleId' | 'message'>, lang: Lang): string {
  if (lang !== 'zh-CN') return d.message;
  for (const [pattern, say] of ZH[d.ruleId] ?? []) {
    const match = pattern.exec(d.message);
    if (match) return say(match);
  }
  return d.message;
}
