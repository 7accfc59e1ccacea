/**
 * Recognisers for the *form* of Chinese newspaper text ("heuristics must be general —
 * by the form of text, never keyed to seed strings"). Every pattern here describes a class of
 * strings (organisation suffixes, personal names, credit formulas), never a particular page.
 */
import { opensWithPlaceName } from './places.js';

/** CJK ideographs (URO + ext. A + compatibility), the characters that make a line "Chinese prose". */
export const CJK = '\\u3400-\\u4dbf\\u4e00-\\u9fff\\uf900-\\ufaff';
const CJK_RE = new RegExp(`[${CJK}]`);

/** True for one ideograph. */
export function isCjk(ch: string): boolean {
  return CJK_RE.test(ch);
}

/**
 * Printed width of a line in ems: ideographs and full-width marks are 1 em; ASCII, the interpunct and
 * the curly quotes (set half-width by most Chinese newspaper fonts, which is what makes the seeds'
 * column lines add up to one measure) count ½ — unless the page sets quotes full-width (`quoteEm` 1,
 * read by pageShape); a space between a Latin run and Chinese text counts ¼. Used to find the page's
 * column measure and indented lines.
 */
export function visualWidth(text: string, quoteEm = 0.5): number {
  let w = 0;
  let start = true;
  let prev = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    // pdftotext prints the CJK–Latin autospace (at most ¼ em) as a space: count ¼.
    if (ch === ' ' && /[\dA-Za-z%]/.test(prev) !== /[\dA-Za-z%]/.test(chars[i + 1] ?? '') && prev !== ' ') w += 0.25;
    // The interpunct 间隔号 U+00B7 is a proportional (narrow) glyph in CJK fonts.
    else if (ch === ' ' || ch === '\t' || ch === '·' || /[\u0021-\u007e]/.test(ch)) w += 0.5;
    // An opening quote at line start is set half-width even by fonts with full-width quotes (clreq).
    else if (/[“”‘’]/.test(ch)) w += start && /[“‘]/.test(ch) ? 0.5 : quoteEm;
    else w += 1;
    start = false;
    prev = ch;
  });
  return w;
}

/** Sentence-final: ends in 。！？… (or ASCII !?), optionally closed by quotes/brackets (GB/T 15834). */
const FINAL_RE = /[。！？!?…][”’」』）)》]*$|[”’」』][。！？]?$/;
/** A line is complete when its last sentence is closed; only then may a new paragraph follow. */
export function endsSentence(text: string): boolean {
  const t = text.trimEnd();
  // An editor's note ends on its signature (`…。——编 者`), which closes it like a full stop.
  if (EDITOR_SIGNATURE_RE.test(t)) return true;
  if (!FINAL_RE.test(t)) return false;
  // A closing quote alone ends a sentence only when a final mark sits inside it: `…说。”` not `“某某平台”`.
  if (/[”’」』]$/.test(t) && !/[。！？!?…][”’」』]+$/.test(t)) return false;
  return true;
}

/** Does the line carry sentence punctuation anywhere (commas, full stops…)? Display lines rarely do. */
export function hasProsePunctuation(text: string): boolean {
  return /[，。；：！？,;!?]/.test(text);
}

/**
 * Quotation marks (with `brackets`, round brackets too) a line opens minus those it closes: one left
 * open says the line was wrapped inside a quotation, one closed too many that it ends a sentence begun above.
 */
export function quoteBalance(text: string, brackets = true): number {
  const count = (marks: RegExp) => (text.match(marks) ?? []).length;
  return brackets ? count(/[“‘「『《（]/g) - count(/[”’」』》）]/g) : count(/[“‘「『《]/g) - count(/[”’」』》]/g);
}

/** Unbalanced opening quote or bracket: the line was wrapped inside a quotation, not broken between phrases. */
export function opensQuote(text: string): boolean {
  return quoteBalance(text) > 0;
}

/** A closing quote or bracket the line never opened: the tail of a sentence begun above it. */
export function closesQuote(text: string): boolean {
  return quoteBalance(text) < 0;
}

/**
 * Organisation-name suffixes: the form of an institution name (医院/局/委/所/中心/大学/公司/协会…),
 * as the issue asks ("recognise organisation names by their form, not by a list of names").
 * Longest first so `卫生健康委` wins over `委`.
 */
const ORG_SUFFIXES = [
  '卫生健康委员会',
  '卫生健康委',
  '医疗保障局',
  '疾病预防控制中心',
  '人民医院',
  '中医院',
  '医院',
  '卫生院',
  '保健院',
  '医保局',
  '卫健委',
  '委员会',
  '研究院',
  '研究所',
  '防治所',
  '管理局',
  '服务中心',
  '中心',
  '大学',
  '学院',
  '学校',
  '公司',
  '集团',
  '协会',
  '学会',
  '银行',
  '法院',
  '检察院',
  '政府',
  '街道办事处',
  '管委会',
  '局',
  '委',
  '所',
  '院',
  '厅',
  '社区',
];
const SUFFIX_ALT = ORG_SUFFIXES.join('|');
/** A whole label that is an organisation name: 2-20 ideographs (brackets allowed) ending in a suffix. */
const ORG_WHOLE_RE = new RegExp(`^[${CJK}（）()·]{1,20}(?:${SUFFIX_ALT})$`);
/** A place-anchored name glued to the end of a headline: [省/市]? XX区/县/市 … suffix. */
const ORG_GLUED_TAIL_RE = new RegExp(
  `((?:[${CJK}]{2}(?:省|市))?[${CJK}]{2}(?:区|县|市|州|旗)[${CJK}]{0,8}?(?:${SUFFIX_ALT}))$`,
);
/** A place-anchored organisation name anywhere in a line (`…某某县中医院高质量党建…`). */
const ORG_INSIDE_RE = new RegExp(ORG_GLUED_TAIL_RE.source.replace(/\$$/, ''));

/** Does the line name a place-anchored organisation somewhere inside it (not only as a whole label)? */
export function namesOrganisation(text: string): boolean {
  return ORG_INSIDE_RE.test(text);
}

/**
 * Words that end like an organisation but are activities or places inside prose (a hall, `大厅`, is a
 * room, not a department, `…厅`); a name holds no particles or verbs like 的/把/让.
 */
const NOT_ORG_RE =
  /(?:工作室|会议室|学习|建设|发展|服务|示范|研究|管理|[的了着是在和与])(?:院|所|中心|局|委)$|[大展餐门客]厅$|[的了着把让被将]/;

/** Is this whole string an organisation name (by suffix form)? */
export function isOrgName(text: string): boolean {
  const t = text.trim();
  return t.length >= 3 && t.length <= 16 && ORG_WHOLE_RE.test(t) && !NOT_ORG_RE.test(t) && !isVisitKicker(t);
}

/** Verbs of going to a place that open a kicker over a report from there (`走进…`, `探访…`). */
const VISIT_VERB_RE = /^(?:记者)?(?:走进|走近|探访|直击|来到)/;

/**
 * A kicker naming the place a report comes from: a verb of going there before an organisation name
 * (`走进某某医院`, `探访某某中心`). It reads like a label by its suffix, but a label is a bare name.
 */
export function isVisitKicker(text: string): boolean {
  const t = text.trim();
  const verb = VISIT_VERB_RE.exec(t)?.[0];
  if (!verb) return false;
  const name = t.slice(verb.length);
  return name.length >= 3 && ORG_WHOLE_RE.test(name) && !NOT_ORG_RE.test(name);
}

/** The same name, matched from the start of a string to its end. */
const ORG_PLACE_WHOLE_RE = new RegExp(`^${ORG_GLUED_TAIL_RE.source}`);
/** A division a place name may sit under (`某某省`, `某某市`, `某某州`): part of the name, not of the head. */
const HIGHER_DIVISION_RE = /[省市州盟]$/;

/**
 * The leftmost match may start inside the head's words (`…打造区域…某某区医院`, `…末梢某州区…`): the name
 * starts at the last place anchor that still reads as a whole name, unless what precedes it is a
 * higher division (`某某市某某区…`).
 */
function trimToPlace(org: string): number {
  for (let p = 1; p < org.length - 3; p++)
    if (ORG_PLACE_WHOLE_RE.test(org.slice(p)) && !HIGHER_DIVISION_RE.test(org.slice(0, p))) return p;
  return 0;
}

/**
 * Where the label starts when a real division's full name opens it (`…高地某州区卫生院` starts at `某州区`
 * when that is the district, not at `地某州`): the leftmost such start at or after the place anchor
 * matched by form. Null when no real division opens a name there (a three-character name the anchor
 * cut, `某|某某区`, is extended after assembly, where the page's other copies of it are counted).
 */
function realPlaceStart(text: string, from: number): number | null {
  for (let q = from; q < text.length - 3; q++) {
    const rest = text.slice(q);
    if (opensWithPlaceName(rest) && isOrgName(rest)) return q;
  }
  return null;
}

/** If `text` ends with a place-anchored organisation name glued to other words, split it off. */
export function splitGluedOrgTail(text: string): { head: string; org: string } | null {
  const found = ORG_GLUED_TAIL_RE.exec(text);
  if (!found) return null;
  const cut = realPlaceStart(text, found.index) ?? found.index + trimToPlace(found[1]!);
  const m = { index: cut, 1: text.slice(cut) };
  if (m.index < 4) return null;
  // A place name of three characters (`某某某区`): the regex starts at its second; a lone character
  // after the head's space is the start of the name, never a phrase of the head.
  const lone = new RegExp(` ([${CJK}])$`).exec(text.slice(0, m.index));
  if (lone) return { head: text.slice(0, lone.index).trim(), org: lone[1] + m[1] };
  return { head: text.slice(0, m.index).trim(), org: m[1] };
}

/** If `text` starts with a place-anchored organisation name glued to the words after it, split it. */
const ORG_GLUED_HEAD_RE = new RegExp(
  `^((?:[${CJK}]{2}(?:省|市))?[${CJK}]{2}(?:区|县|市|州|旗)[${CJK}]{0,8}?(?:${SUFFIX_ALT}))`,
);
export function splitGluedOrgHead(text: string): { org: string; rest: string } | null {
  const m = ORG_GLUED_HEAD_RE.exec(text);
  if (!m || text.length - m[1].length < 4) return null;
  return { org: m[1], rest: text.slice(m[1].length).trim() };
}

/** Folio / running-head page numbers: `19·卫生健康`, `7 理论`, `第7版 要闻`, `第 19 版`. */
const FOLIO_RE = new RegExp(`^(?:第\\s*)?(\\d{1,3})\\s*(?:版)?\\s*[·・•|｜\\s]\\s*([${CJK}]{2,8})$`);
const PAGE_ONLY_RE = /^第\s*(\d{1,3})\s*版$/;
/** Section first, number after (`要闻 3`, `理论·7`), as many running heads print it. */
const FOLIO_AFTER_RE = new RegExp(`^([${CJK}]{2,8})\\s*[·・•|｜\\s]\\s*(?:第\\s*)?(\\d{1,3})\\s*(?:版)?$`);
export function matchFolio(text: string): { page: number; section: string | null } | null {
  const t = text.trim();
  const m = FOLIO_RE.exec(t);
  if (m) return { page: Number(m[1]), section: m[2] };
  const after = FOLIO_AFTER_RE.exec(t);
  if (after) return { page: Number(after[2]), section: after[1] };
  const p = PAGE_ONLY_RE.exec(t);
  return p ? { page: Number(p[1]), section: null } : null;
}

/** A page's date in its running head: `2018 年 1 月 12 日 星期五`, `星期五 2018年1月12日`. */
const PAGE_DATE_RES = [
  /^\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日(?:\s*(?:星期|周)[一二三四五六日天])?/,
  /^(?:星期|周)[一二三四五六日天]\s*\d{4}\s*年/,
];
/** The page a jump line names: `3`, `A3` (a lettered section), or in Chinese numerals (`三`, `十二`). */
const JUMP_PAGE = '(?:[A-Z]?\\d{1,3}|[一二三四五六七八九十]{1,3})';
/** A jump line to a later page: `（下转第3版）`, `（下转第三版）`, `（转A3版）`. */
export const JUMP_OUT_RE = new RegExp(`^[（(]\\s*(?:下转|转)第?\\s*${JUMP_PAGE}\\s*版\\s*[）)]$`);
/** A jump line from an earlier page: `（上接第1版）`, `（上接第一版）`. */
export const JUMP_IN_RE = new RegExp(`^[（(]\\s*(?:上接|接)第?\\s*${JUMP_PAGE}\\s*版\\s*[）)]$`);

/** Running-head furniture: dates (`2018 年 1 月 12 日 星期五`), jump lines (`（下转第3版）`). */
const RUNNING_HEAD_RES = [...PAGE_DATE_RES, JUMP_OUT_RE, JUMP_IN_RE];
/** A running head (date, jump line) is at most this many characters; a longer line is text. */
const RUNNING_HEAD_MAX_CHARS = 60;
export function isRunningHead(text: string): boolean {
  const t = text.trim();
  return t.length <= RUNNING_HEAD_MAX_CHARS && RUNNING_HEAD_RES.some((re) => re.test(t));
}

/** A running head's date line (`2025年3月6日 星期四`, maybe with more of the head after it). */
export function isPageDate(text: string): boolean {
  const t = text.trim();
  return t.length <= RUNNING_HEAD_MAX_CHARS && PAGE_DATE_RES.some((re) => re.test(t));
}

/** The signature closing an editor's note (`——编 者`, `——编者`): part of the note, never a subheadline. */
export const EDITOR_SIGNATURE_RE = /——\s*编\s*者$/;

/** A 副题 (subheadline) opens with a dash in any paper: `——我市…纪实`. */
export function isDashSubtitle(text: string): boolean {
  const t = text.trim();
  return (
    /^(?:—{2}|－{2}|-{2})\s*[^\s—－-]/.test(t) &&
    !/[。！？]$/.test(t) &&
    text.length <= 40 &&
    !EDITOR_SIGNATURE_RE.test(t)
  );
}

/** A column tag printed after a headline, in brackets: `（健康视点）`. It belongs to the headline. */
export function isColumnTag(text: string): boolean {
  return new RegExp(`^[（(][${CJK}]{2,6}[）)]$`).test(text.trim());
}

/** A column tag at the end of a line. */
const COLUMN_TAG_END_RE = new RegExp(`[（(][${CJK}]{2,6}[）)]$`);
/** A head runs at least this many characters before the column tag it ends in. */
const TAGGED_HEAD_MIN_CHARS = 4;

/** The column tag a line ends in (`…我们一直在（一线见闻）` → `（一线见闻）`), or null: it belongs to a headline. */
export function columnTagAtEnd(text: string): string | null {
  return COLUMN_TAG_END_RE.exec(text)?.[0] ?? null;
}

/** A head that ends in a column tag (`…我们一直在（一线见闻）`): the tag rides on a main head only. */
export function endsWithColumnTag(text: string): boolean {
  const t = text.trim();
  const tag = columnTagAtEnd(t);
  return tag !== null && t.length - tag.length >= TAGGED_HEAD_MIN_CHARS;
}

/** A `——` subheadline or a column tag: a line that goes on the headline stack above it. */
export function goesOnStack(text: string): boolean {
  return isDashSubtitle(text) || isColumnTag(text);
}

/** A boxed standfirst's label (`核心阅读`, `阅读提示`): the text under it is the article's lede. */
export function isStandfirstLabel(text: string): boolean {
  return /^(?:核心阅读|阅读提示|内容提要)$/.test(text.trim());
}

/**
 * A dateline opening a news article's first paragraph: `本报北京3月5日电（记者 李明、王芳）`, `本报讯`,
 * `新华社北京3月5日电`. Group 1 holds the names in the brackets, when printed. National dailies set a
 * space before the brackets and glue the name to the role (`本报北京3月5日电　（记者李明）`).
 */
export const DATELINE_RE = new RegExp(
  `^(?:本报|新华社|[${CJK}]{2,6}(?:日报|晚报|报)讯?)(?:讯|[${CJK}]{0,8}\\d{1,2}月\\d{1,2}日电)(?:\\s*[（(](?:[${CJK}]{0,6}记者|通讯员)\\s*([${CJK}、\\s]{2,30}?)[）)])?`,
);

/** Brackets naming a dateline's reporters: `（记者 李明、王芳）`. Group 1 holds the names. */
const REPORTERS_BRACKETS = `[（(](?:[${CJK}]{0,6}记者|通讯员)\\s*([${CJK}、\\s]{2,30}?)[）)]`;
/** A dateline's reporters' brackets anywhere in a paragraph. */
export const REPORTERS_IN_BRACKETS_RE = new RegExp(REPORTERS_BRACKETS);
/**
 * The bracketed reporters of a dateline whose opening pdftotext read apart (a dateline set in bold
 * sans comes out on its own): `（记者 李明、王芳）…`, `电（记者 李明）…`. Group 1 holds the names.
 */
export const DATELINE_TAIL_RE = new RegExp(`^(?:电|讯)?\\s*${REPORTERS_BRACKETS}`);

/** Does this text open with a dateline (`本报北京3月5日电`, `本报讯`)? Such a line is text, never display type. */
export function opensWithDateline(text: string): boolean {
  const m = DATELINE_RE.exec(text.trim());
  return m !== null && /[电讯]/.test(m[0]);
}
