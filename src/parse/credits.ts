/**
 * Bylines and photo credits by form: names, reporter roles
 * (`本报记者`, `新华社记者`, `通讯员`), credit formulas (`图片由X提供`, `图/X`, `X 摄`) and author notes.
 * Nothing here names a paper or a person: the patterns describe the shapes such lines take in any
 * Chinese newspaper.
 */
import { CJK } from './text-form.js';

/** A news organisation before a role word: 本报, 新华社, or any `…日报/晚报/报/社/台/网`. */
const AGENCY = `(?:本报|本刊|本台|[${CJK}]{1,6}(?:日报|晚报|早报|报|社|台|网))?`;
/** The reporter's role (特约记者, 通讯员, 实习生, 撰文, 文/, 摄影…). */
const ROLE = `(?:特约|见习|实习|首席)?(?:记者|通讯员|实习生|撰稿人|撰文|文|摄影|图)`;
/** A whole token that is only a role label. */
const ROLE_TOKEN_RE = new RegExp(`^${AGENCY}${ROLE}[/／:：]?$`);
/** A role glued to its name: `记者李明`, `文/张三`. */
const ROLE_GLUED_RE = new RegExp(`^(${AGENCY}${ROLE}[/／:：]?)([${CJK}]{2,3})$`);

/**
 * Photo-credit formulas, as printed at a line's end: 图片由X提供, 图/X, 摄影：X, and `[role] X 摄`
 * (one or more names, optionally after `本报记者`/`新华社记者`, optionally bracketed). The `X 摄`
 * form must start at a word boundary so a caption's last words are never read as a name.
 */
const CREDIT_RE = new RegExp(
  `(?:图片由[^\\s]{2,30}提供|(?:图|摄影|供图)\\s*[/／:：]\\s*[${CJK}]{2,4}(?:\\s+[${CJK}]{2,4})*` +
    `|[（(]?(?<![${CJK}])(?:${AGENCY}${ROLE}\\s*)?[${CJK}]{2,4}(?:\\s+[${CJK}]{2,4})*\\s*摄[）)]?)$`,
);

/** The photo credit at the end of `text`, exactly as printed, or null. */
export function matchCredit(text: string): string | null {
  const m = CREDIT_RE.exec(text.trim());
  return m ? m[0] : null;
}

/** A personal name as bylines print it: 2-3 ideographs. */
const NAME_RE = new RegExp(`^[${CJK}]{2,3}$`);
/** Author-note formula at an article end: （作者为…）/（作者单位：…）. */
const AUTHOR_NOTE_RE = /^[（(]作者(?:为|系|单位)[^）)]*[）)]$/;

/** One byline line read: authors, photo credit, and role words kept verbatim. */
export interface BylineParts {
  authors: string[];
  photoCredit: string | null;
  /** Role words and notes kept verbatim so no character of the source is lost. */
  extra: string | null;
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
  if (!t || t.length > 40) return null;
  if (AUTHOR_NOTE_RE.test(t)) return { authors: [], photoCredit: null, extra: t };
  // A bullet before the byline (`■本报记者 李明`) or brackets around it (`（本报记者 李明）`).
  const bullet = BULLET_RE.exec(t)?.[0] ?? '';
  const bracketed = /^[（(]([^（）()]+)[）)]$/.exec(t.slice(bullet.length));
  if (bullet || bracketed) {
    const inner = parseByline(bracketed ? bracketed[1]! : t.slice(bullet.length));
    return inner && (inner.extra || !bracketed)
      ? { ...inner, extra: [bullet.trim(), inner.extra].filter(Boolean).join(' ') || null }
      : null;
  }
  const credit = matchCredit(t);
  if (credit) t = t.slice(0, t.length - credit.length).trim();
  const authors: string[] = [];
  const roles: string[] = [];
  for (const token of t.split(/[\s、]+/).filter(Boolean)) {
    const glued = ROLE_GLUED_RE.exec(token);
    if (NAME_RE.test(token) && !ROLE_TOKEN_RE.test(token)) authors.push(token);
    else if (ROLE_TOKEN_RE.test(token)) roles.push(token);
    else if (glued) {
      roles.push(glued[1]);
      authors.push(glued[2]);
    } else return null;
  }
  // A role alone is not a byline; neither is a line of more names than a byline carries.
  if ((authors.length === 0 && !credit) || authors.length > 6) return null;
  return { authors, photoCredit: credit, extra: roles.length ? roles.join(' ') : null };
}

/** Does the line open like a byline or close like a photo credit (so its spaces separate names)? */
const BYLINE_LIKE_RE = new RegExp(`^(?:${BULLET}|[（(])?\\s*(?:${AGENCY}${ROLE}[/／:：]?\\s)|\\s摄[）)]?$`);

/**
 * Bylines pad two-character names to three (`李 明`, with an ASCII or ideographic space) so names
 * line up; pdftotext keeps the pad. On a byline or credit line that is not letter-spaced throughout,
 * join such padded names and leave the spaces between names alone. Returns null for other lines.
 */
export function unpadBylineNames(text: string): { text: string; count: number } | null {
  // A line that is one padded name and nothing else (`刘 洋`) is a byline too.
  const alone = new RegExp(`^[${CJK}][ \\u3000][${CJK}]$`).test(text);
  if (!alone && (!BYLINE_LIKE_RE.test(text) || !new RegExp(`[${CJK}]{2}`).test(text))) return null;
  let count = 0;
  const padded = new RegExp(`(^|\\s)([${CJK}])[ \\u3000]([${CJK}])(?=\\s|$)`, 'g');
  const out = text.replace(padded, (_m, lead: string, a: string, b: string) => {
    count++;
    return `${lead}${a}${b}`;
  });
  return parseByline(out) || matchCredit(out) ? { text: out, count } : null;
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
