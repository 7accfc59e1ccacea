/**
 * Bylines and photo credits by form: names, reporter roles
 * (`本报记者`, `新华社记者`, `通讯员`), credit formulas (`图片由X提供`, `图/X`, `X 摄`) and author notes.
 * Nothing here names a paper or a person: the patterns describe the shapes such lines take in any
 * Chinese newspaper.
 */
import { CJK } from './text-form.js';

/** A news organisation before a role word: 本报, 新华社, or any `…日报/晚报/报/社/台/网`. */
const AGENCY = `(?:本报|本刊|本台|[${CJK}]{1,6}(?:日报|晚报|早报|报|社|台|网))?`;
/**
 * The reporter's role (特约记者, 特派记者, 驻京记者, 全媒体记者, 通讯员, 实习生, 评论员, 撰文, 文/, 摄影…), or one person's words
 * and pictures (`文·图`, `文/图`, `图文`); a `文/` may lead the role (`文/本报记者`).
 */
const ROLE =
  `(?:(?:特约|特派|见习|实习|首席|全媒体|融媒体|新媒体|驻[${CJK}]{1,4}?)?(?:记者|通讯员|实习生|评论员|撰稿人|撰文|文|摄影|图)` +
  `|文[·・/／]?图|图[·・/／]?文)`;
/** `文/` before the paper and role (`文/本报记者 李明`). */
const LEAD = '(?:文[/／])?';
/** A whole token that is only a role label. */
const ROLE_TOKEN_RE = new RegExp(`^${LEAD}${AGENCY}${ROLE}[/／:：]?$`);
/** A role glued to its name: `记者李明`, `文/张三`. */
const ROLE_GLUED_RE = new RegExp(`^(${LEAD}${AGENCY}${ROLE}[/／:：]?)([${CJK}]{2,3})$`);
/** A role glued after its name: `王芳/文`, `李明/图`. */
const ROLE_AFTER_RE = new RegExp(`^([${CJK}]{2,3})([/／](?:文|图|摄影?))$`);
/** Words closing a byline after its names: `报道`, `摄影报道`, `整理`, `采写` (never a name). */
const CLOSING_ROLE_RE = /^(?:(?:摄影|图文)?报道|整理|采写|撰文|摄)$/;
/** Brackets papers set around a byline: （）, 【】, ［］, 〔〕. */
const BRACKETED_RE = /^(?:[（(]([^（）()]+)[）)]|【([^【】]+)】|［([^［］]+)］|〔([^〔〕]+)〕)$/;

/**
 * Photo-credit formulas, as printed at a line's end: 图片由X提供, 图/X, 摄影：X, and `[role] X 摄`
 * (one or more names, optionally after `本报记者`/`新华社记者`, optionally bracketed). The `X 摄`
 * form must start at a word boundary so a caption's last words are never read as a name.
 */
const CREDIT_RE = new RegExp(
  `(?:图片由[^\\s]{2,30}提供|(?<!文[·・/／]?)(?:图|摄影|供图)\\s*[/／:：]\\s*[${CJK}]{2,4}(?:\\s+[${CJK}]{2,4})*` +
    `|[（(]?(?<![${CJK}])(?:${AGENCY}${ROLE}\\s*)?[${CJK}]{2,4}(?:\\s+[${CJK}]{2,4})*\\s*摄[）)]?)$`,
);

/** The photo credit at the end of `text`, exactly as printed, or null. */
export function matchCredit(text: string): string | null {
  const m = CREDIT_RE.exec(text.trim());
  return m ? m[0] : null;
}

/** Compound surnames: a name behind one runs to four ideographs (`欧阳晓明`). */
const COMPOUND_SURNAME =
  '(?:欧阳|司马|上官|诸葛|东方|皇甫|令狐|慕容|尉迟|公孙|长孙|夏侯|轩辕|宇文|司徒|端木|澹台|西门|南宫|独孤)';
/** A personal name as bylines print it: 2-3 ideographs, or four behind a compound surname. */
const NAME_RE = new RegExp(`^(?:[${CJK}]{2,3}|${COMPOUND_SURNAME}[${CJK}]{2})$`);

/** A byline line that stops one character into a name (`本报记者 李`). */
const NAME_CUT_RE = /\s[\u3400-\u9fff]$/;

/**
 * Does a byline line stop one character into a name (`本报记者 李`)? A single character is never a
 * name, so the line goes on with the next line's first word.
 */
export function stopsInsideName(text: string): boolean {
  return NAME_CUT_RE.test(text);
}
/** Author-note formula at an article end: （作者为…）/（作者单位：…）. */
const AUTHOR_NOTE_RE = /^[（(]作者(?:为|系|单位)[^）)]*[）)]$/;

/** One byline line read: authors, photo credit, and role words kept verbatim. */
export interface BylineParts {
  authors: string[];
  photoCredit: string | null;
  /** Role words and notes kept verbatim so no character of the source is lost. */
  extra: string | null;
  /** Where the names were parted by a guess (letter-spaced names with no gap between): reading and alternative. */
  guess?: string;
}

/**
 * A line that is only a reporter's role (`本报记者`, `通讯员`): a letter-spaced byline that
 * pdftotext broke into pieces, its names on the lines after. Never a head.
 */
export function isRoleOnly(text: string): boolean {
  const t = text.trim();
  return t.length >= 2 && ROLE_TOKEN_RE.test(t);
}

/**
 * A byline whose names ran together with no gap (`本报记者李明华王芳芳`, letter-spaced and wrapped):
 * parted evenly, with the guess said. Null when that does not read as a byline.
 */
export function parseRunTogetherNames(text: string): BylineParts | null {
  const bracketed = /^[（(](.+)[）)]$/.exec(text.trim());
  const even = evenNames(bracketed ? bracketed[1]! : text.trim(), 0);
  const parts = even ? parseByline(even.text) : null;
  return parts && even ? { ...parts, guess: even.guess } : null;
}

/** A bullet papers set before a byline (`■本报记者 李明`, `◎ 记者 王芳`). */
const BULLET = '[■□●○◆◇★☆◎]';
const BULLET_RE = new RegExp(`^${BULLET}\\s*`);

/**
 * Parse a byline line: names separated by spaces or 、, each group optionally led by a role
 * (`本报记者 李明 通讯员 赵红`), optionally ending in a photo credit. Returns null when the line is
 * not of that form, so prose is never mistaken for names.
 */
export function parseByline(text: string): BylineParts | null {
  let t = text.trim();
  // A list that goes on (`…管大局、作决策、`) is a piece of a sentence, never a byline.
  if (!t || t.length > 40 || /[、，]$/.test(t)) return null;
  if (AUTHOR_NOTE_RE.test(t)) return { authors: [], photoCredit: null, extra: t };
  // A bullet before the byline (`■本报记者 李明`) or brackets around it (`（本报记者 李明）`).
  const bullet = BULLET_RE.exec(t)?.[0] ?? '';
  const bracketed = BRACKETED_RE.exec(t.slice(bullet.length));
  if (bullet || bracketed) {
    const inner = parseByline(bracketed ? bracketed.slice(1).find((x) => x !== undefined)! : t.slice(bullet.length));
    return inner && (inner.extra || !bracketed)
      ? { ...inner, extra: [bullet.trim(), inner.extra].filter(Boolean).join(' ') || null }
      : null;
  }
  const credit = matchCredit(t);
  if (credit) t = t.slice(0, t.length - credit.length).trim();
  const authors: string[] = [];
  const roles: string[] = [];
  // A slash set apart from its role (`文 / 张三`) belongs to the role.
  for (const token of t
    .replace(/\s*([/／])\s*/g, '$1')
    .split(/[\s、]+/)
    .filter(Boolean)) {
    const glued = ROLE_GLUED_RE.exec(token);
    const after = ROLE_AFTER_RE.exec(token);
    if (authors.length && CLOSING_ROLE_RE.test(token)) roles.push(token);
    else if (NAME_RE.test(token) && !ROLE_TOKEN_RE.test(token)) authors.push(token);
    else if (ROLE_TOKEN_RE.test(token)) roles.push(token);
    else if (glued) {
      roles.push(glued[1]);
      authors.push(glued[2]);
    } else if (after) {
      authors.push(after[1]);
      roles.push(after[2]);
    } else return null;
  }
  // A role alone is not a byline; neither is a line of more names than a byline carries.
  if ((authors.length === 0 && !credit) || authors.length > 6) return null;
  return { authors, photoCredit: credit, extra: roles.length ? roles.join(' ') : null };
}

/** Does the line open like a byline or close like a photo credit (so its spaces separate names)? */
const BYLINE_LIKE_RE = new RegExp(
  `^(?:${BULLET}|[（(])?\\s*(?:${LEAD}${AGENCY}${ROLE}(?:[/／:：]\\s?|\\s))|\\s摄[）)]?$`,
);

/** A word set letter-spaced: single characters, one space between each. */
const SPACED_WORD_RE = /^\S(?: \S)*$/;
/** Gaps of two spaces or more part a letter-spaced byline's words (`本 报 记 者  李 明  王 芳`). */
const WORD_GAP_RE = /[ \u3000]{2,}|\u3000/;

/**
 * A byline set letter-spaced throughout, as display type is (`记 者  李  明`, `本 报 记 者 李 明  王 芳`):
 * single spaces sit inside words, wider gaps part them. Read only when it carries a role word or
 * names parted by wide gaps, so a short justified line of prose is never read as a name.
 */
function letterSpacedByline(text: string): UnpaddedByline | null {
  const words = text.split(WORD_GAP_RE);
  const gaps = words.reduce((n, w) => n + w.split(' ').length - 1, words.length - 1);
  if (gaps < 2 || !words.every((w) => SPACED_WORD_RE.test(w))) return null;
  const joined = unpadNames(words.map((w) => w.replace(/ /g, '')).join(' ')).text;
  const count = gaps - words.length + 1;
  const parts = parseByline(joined);
  if (parts && (parts.extra || parts.authors.length > 1)) return { text: joined, count };
  return evenNames(joined, count);
}

/**
 * A role glued to a run of names with no gap left between them (`本报记者张建国刘晓红`, every
 * character spaced alike): four characters are read as two names of two, six as two of three.
 * It is a guess (six could be three names of two), so it says what else it could be.
 */
function evenNames(joined: string, count: number): UnpaddedByline | null {
  const m = new RegExp(`^(.*?${ROLE}[/／:：]?)([${CJK}]{4}|[${CJK}]{6})$`).exec(joined);
  if (!m || !ROLE_TOKEN_RE.test(m[1]!)) return null;
  const run = m[2]!;
  const half = run.length / 2;
  const text = `${m[1]} ${run.slice(0, half)} ${run.slice(half)}`;
  if (!parseByline(text)) return null;
  const alternative = run.length === 6 ? `${run.slice(0, 2)} ${run.slice(2, 4)} ${run.slice(4)}` : run;
  return { text, count, guess: `names read as ${run.slice(0, half)} and ${run.slice(half)}; could be ${alternative}` };
}

/** A byline line with its padded or letter-spaced names joined. */
export interface UnpaddedByline {
  text: string;
  /** Spaces removed. */
  count: number;
  /** Where the names were parted by a guess: the reading and its alternative. */
  guess?: string;
}

/** Join two-character names padded to three (`李 明`, `李  明`) between spaces, a role's slash or the line's ends. */
export function unpadNames(text: string): { text: string; count: number } {
  let count = 0;
  const padded = new RegExp(`(^|[\\s/／:：])([${CJK}])[ \\u3000]+([${CJK}])(?=[\\s）)]|$)`, 'g');
  const out = text.replace(padded, (_m, lead: string, a: string, b: string) => {
    count++;
    return `${lead}${a}${b}`;
  });
  return { text: out, count };
}

/**
 * Bylines pad two-character names to three (`李 明`, with an ASCII or ideographic space) so names
 * line up; pdftotext keeps the pad. On a byline or credit line, join such padded names and leave the
 * spaces between names alone; a byline letter-spaced throughout is read word by word. Returns null
 * for other lines.
 */
export function unpadBylineNames(text: string): UnpaddedByline | null {
  const spaced = letterSpacedByline(text);
  if (spaced) return spaced;
  // A line that is one padded name and nothing else (`刘 洋`) is a byline too.
  const alone = new RegExp(`^[${CJK}][ \\u3000][${CJK}]$`).test(text);
  // Not a line letter-spaced throughout, unless a role's slash says where the names start (`文/邵 勇`).
  const spacedThroughout = !new RegExp(`[${CJK}]{2}|[/／]`).test(text);
  if (!alone && (!BYLINE_LIKE_RE.test(text) || spacedThroughout)) return null;
  const out = unpadNames(text);
  return parseByline(out.text) || matchCredit(out.text) ? out : null;
}

/** Caption openers in any paper: 图为…, 上图/下图…, 图①/图1, ▲ (a caption never opens body copy so). */
const CAPTION_START_RE = /^(?:图为|[上下左右中]图[：:为]|图[①-⑳\d]+|[▲△▼◀▶]|图[：:])/;
/** Does this line open a photo caption (`图为…`, `▲…`)? Such a line may be wider than a column. */
export function opensCaption(text: string): boolean {
  return CAPTION_START_RE.test(text.trim());
}

/** A per-photo credit (`[role] X 摄`), as distinct from the article-wide `图片由X提供`. */
const SHOT_CREDIT_RE = /摄[）)]?$/;

/**
 * Is this block a photo caption by its form alone? Either it opens like one (`图为…`), or it ends in
 * a per-photo credit `X 摄` after words that are not themselves a byline. Returns the caption text
 * (lines joined) or null.
 */
export function captionOf(texts: string[]): string | null {
  const joined = texts.join('');
  if (texts.length > 4 || joined.length > 120) return null;
  if (CAPTION_START_RE.test(texts[0])) return joined;
  const last = texts[texts.length - 1];
  const credit = matchCredit(last);
  if (!credit || !SHOT_CREDIT_RE.test(credit) || texts.length > 2) return null;
  const words = texts.length === 2 && credit === last.trim() ? texts[0] : last.slice(0, last.length - credit.length);
  return words.trim().length >= 4 && !parseByline(words) ? texts.join(texts.length === 2 ? ' ' : '') : null;
}
