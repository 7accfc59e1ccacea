/**
 * A short sentence under a full line that ends a sentence (made-up pages in the forms real papers
 * print): pdftotext drops the indent, so the line is read as the paragraph's last sentence, and the
 * reading is reported for review.
 */
import { describe, expect, it } from 'vitest';
import { paragraphTexts, parsePage, FIRST, FIRST_TEXT, HEAD, LAST } from '../helpers/parse-page.js';

const paragraphs = (lines: string[]) => parsePage(lines).articles.flatMap((a) => paragraphTexts(a.children));
// A 16-em column: first lines carry the 2-em indent.
const LAST_TEXT = LAST.join('');

describe('short last sentences', () => {
  it('a short sentence under a full line ending one is the paragraph’s tail (needs-review)', () => {
    const tree = parsePage([...HEAD, ...FIRST, '群众满意度持续提升。', ...LAST]);
    expect(tree.articles[0]!.children.map((c) => (c.type === 'paragraph' ? c.children[0]!.value : ''))).toEqual([
      `${FIRST_TEXT}群众满意度持续提升。`,
      LAST_TEXT,
    ]);
    const notes = tree.diagnostics.filter((d) => d.ruleId === 'needs-review');
    expect(notes.map((d) => d.line)).toEqual([6]);
  });

  it('a speech verb after a closed quotation is joined as its attribution, and reported (needs-review)', () => {
    const quote = ['院长表示：“我们将继续深化', '改革，让群众在家门口看好病、看得', '起病，这是我们始终不变的追求。”'];
    const page = [...HEAD, ...FIRST, ...quote, '他补充说。', ...LAST];
    expect(paragraphs(page)).toEqual([FIRST_TEXT, `${quote.join('')}他补充说。`, LAST_TEXT]);
    const notes = parsePage(page).diagnostics.filter((d) => d.ruleId === 'needs-review');
    expect(notes.map((d) => d.line)).toEqual([9]);
  });

  it('a line as wide as an indented first line may open a paragraph: it stays one', () => {
    expect(paragraphs([...HEAD, ...FIRST, '群众的满意度正在持续地提升。', ...LAST])).toEqual([
      FIRST_TEXT,
      '群众的满意度正在持续地提升。',
      LAST_TEXT,
    ]);
  });

  it('under a line the text did not fill, or after a blank line, it stays a paragraph of its own', () => {
    const short = ['今年以来，医院组织专家团队', '深入基层开展义诊活动。'];
    expect(paragraphs([...HEAD, ...short, '群众满意度持续提升。', ...LAST])).toEqual([
      short.join(''),
      '群众满意度持续提升。',
      LAST_TEXT,
    ]);
    expect(paragraphs([...HEAD, ...FIRST, '', '群众满意度持续提升。', ...LAST])).toEqual([
      FIRST_TEXT,
      '群众满意度持续提升。',
      LAST_TEXT,
    ]);
  });

  it('two sentences on the short line are no tail', () => {
    expect(paragraphs([...HEAD, ...FIRST, '效果明显。群众满意。', ...LAST])).toEqual([
      FIRST_TEXT,
      '效果明显。群众满意。',
      LAST_TEXT,
    ]);
  });
});

describe('the body measure among short paragraphs', () => {
  it('a run of short paragraphs, whose indented first lines outnumber full lines, keeps the page’s measure', () => {
    // Two paragraphs of full 16-em lines far above: the page's measure.
    const wrap = (text: string) => [text.slice(0, 14), ...(text.slice(14).match(/.{1,16}/g) ?? [])];
    const long = [
      ...wrap(
        '近年来，医院坚持以党建为引领，推动优质医疗资源下沉，让群众在家门口就能看好病，就医的获得感和幸福感不断增强，医院的服务能力和管理水平也随之显著提升，各项工作取得了新进展。',
      ),
      ...wrap(
        '医院还持续完善分级诊疗制度，推动专家团队定期到基层坐诊带教，帮助基层医疗机构提升服务能力和管理水平，赢得了社会各界的广泛认可和好评，群众的满意度也在逐年提高。',
      ),
    ];
    const run = [
      '医院组织专家团队深入基层开展',
      '义诊活动，把优质医疗服务送到群众',
      '门口，受到广泛好评。',
      '在此基础上，医院持续推进家庭',
      '医生签约服务，让群众看病更方便更',
      '放心。',
      '社区居民黎爷爷今年七十三岁。',
      '每天下午擦黑，他都会到楼下的',
      '广场散步。',
      '听说今天有医院专家来义诊，他',
      '早早排队。',
    ];
    const got = paragraphs([...HEAD, ...long, ...run]);
    expect(got).toContain('社区居民黎爷爷今年七十三岁。');
    expect(got).toContain('每天下午擦黑，他都会到楼下的广场散步。');
  });
});

describe('a first line at a column’s foot', () => {
  it('a first line hanging its comma at the foot of a column opens a paragraph', () => {
    const got = paragraphs([
      ...HEAD,
      ...FIRST,
      ...LAST,
      '针对人才和学科建设这两个命题，',
      '',
      '医院在内培外引和开放协作的模式下',
      '，同样取得了亮眼的成效和长足发展。',
    ]);
    expect(got).toEqual([
      FIRST_TEXT,
      LAST_TEXT,
      '针对人才和学科建设这两个命题，医院在内培外引和开放协作的模式下，同样取得了亮眼的成效和长足发展。',
    ]);
  });
});

describe('half-width marks', () => {
  it('a first line printed with half-width commas is indented by its printed width', () => {
    // A 17-em column; the second paragraph's first line holds two half-width commas (printed ½ em each).
    const got = paragraphs([
      ...HEAD,
      '今年以来、医院组织专家团队深入',
      '基层开展义诊活动、把优质医疗服务送',
      '到群众家门口、受到居民的广泛好评。',
      '近年来,医院坚持党建引领,推动优',
      '质医疗资源下沉、让群众在家门口就能',
      '看好病。',
      '下一步、医院将继续完善分级诊疗',
      '制度、推动优质医疗资源持续向基层延',
      '伸、让群众享受更加便捷的健康服务。',
    ]);
    expect(got.map((p) => p.slice(0, 5))).toEqual(['今年以来、', '近年来，医', '下一步、医']);
  });
});
