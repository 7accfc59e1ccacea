/**
 * Whole-tree repairs after assembly: duplicated paragraphs, truncated
 * articles, institutions printed only inside a subheadline or credit, article spans.
 */
import type { Article, Paragraph, ZbDocument } from '../ast/types.js';
import { isThreeCharacterCounty } from './places.js';
import { parseByline } from './credits.js';
import type { Reporter } from './lines.js';
import { reviewNote } from './report.js';
import {
  DATELINE_RE,
  DATELINE_TAIL_RE,
  endsSentence,
  REPORTERS_IN_BRACKETS_RE,
  isOrgName,
  splitGluedOrgHead,
} from './text-form.js';

/** Paragraphs shorter than this are too generic to call duplicates (`效。`, one-word lines). */
const DUPLICATE_MIN_CHARS = 15;

function textOf(p: Paragraph): string {
  return p.children.map((c) => c.value).join('');
}

/** Width-insensitive comparison key: a half-width comma fixed on one copy still matches. */
function dupKey(text: string): string {
  return text.replace(/\s+/g, '').replace(/[\uff01-\uff5e]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
}

/**
 * A paragraph printed twice is kept once. The LATER copy is kept: layouts repeat a closing quote
 * where a stray copy was pasted earlier, and the reading order ends on it.
 */
export function removeDuplicates(tree: ZbDocument, report: Reporter): void {
  const seen = new Map<string, { article: Article; list: 'lede' | 'children'; node: Paragraph }[]>();
  for (const a of tree.articles) {
    for (const list of ['lede', 'children'] as const) {
      for (const node of a[list]) {
        if (node.type !== 'paragraph') continue;
        const key = dupKey(textOf(node));
        if (key.length < DUPLICATE_MIN_CHARS) continue;
        const hits = seen.get(key) ?? [];
        hits.push({ article: a, list, node });
        seen.set(key, hits);
      }
    }
  }
  for (const hits of seen.values()) {
    if (hits.length < 2) continue;
    const kept = hits[hits.length - 1];
    for (const h of hits.slice(0, -1)) {
      const arr = h.article[h.list] as unknown[];
      arr.splice(arr.indexOf(h.node), 1);
      const line = h.node.position?.start.line ?? 0;
      const keptLine = kept.node.position?.start.line ?? 0;
      (tree.dropped ??= []).push({ ruleId: 'duplicate-paragraph', text: textOf(h.node), line });
      report(
        'duplicate-paragraph',
        `Paragraph at line ${line} is printed again at line ${keptLine}; kept the later copy once`,
        line,
        h.node.position?.start.column ?? 1,
        'warning',
      );
    }
  }
}

/** An article whose body ends mid-sentence was cut off on the page: mark it and say where. */
export function markTruncated(tree: ZbDocument, report: Reporter): void {
  for (const a of tree.articles) {
    const paragraphs = a.children.filter((c): c is Paragraph => c.type === 'paragraph');
    const last = paragraphs[paragraphs.length - 1];
    if (!last || endsSentence(textOf(last))) continue;
    a.truncated = true;
    const end = last.position?.end;
    const tail = textOf(last).slice(-8);
    report(
      'truncated-text',
      `Article “${a.headline}” stops mid-sentence (…${tail}); the rest of the text is missing`,
      end?.line ?? 0,
      end?.column ?? 1,
      'warning',
    );
  }
}

/**
 * When no institution label is printed, take it from a subheadline that opens with an
 * organisation name or from a credit `图片由X提供`; the field is flagged `institutionInferred`.
 */
export function inferInstitutions(tree: ZbDocument): void {
  for (const a of tree.articles) {
    if (a.institution) continue;
    const fromSub = a.subheadline ? splitGluedOrgHead(a.subheadline)?.org : undefined;
    const credit = /^图片由(.+)提供$/.exec(a.byline.photoCredit ?? '')?.[1];
    const name = fromSub ?? (credit && isOrgName(credit) ? credit : undefined);
    if (name) {
      a.institution = name;
      a.institutionInferred = true;
    }
  }
}

/** A place name at the start of a label (`某某区…`, `某某县…`): two characters and the place suffix. */
const PLACE_START_RE = /^[\u3400-\u9fff]{2}[区县市州旗]/;

/**
 * A label glued after its headline is cut where a two-character place name starts (`…百姓某某区医院`),
 * but many place names have three characters. When the headline's last character and the place
 * name are printed together elsewhere on the page (a credit, the text), that character belongs to
 * the name: it moves to the label, and the decision is reported for review.
 */
export function extendGluedPlaceNames(tree: ZbDocument, text: string, report: Reporter): void {
  // Articles of one page share their labels: each string is counted once, so a long text costs one pass per label.
  const counts = new Map<string, number>();
  const count = (needle: string) => {
    let n = counts.get(needle);
    if (n === undefined) counts.set(needle, (n = occurrences(text, needle)));
    return n;
  };
  for (const a of tree.articles) {
    const inst = a.institution;
    const place = inst && !a.institutionInferred ? PLACE_START_RE.exec(inst)?.[0] : undefined;
    const last = [...a.headline].pop();
    if (!place || !last || !/[\u3400-\u9fff]/.test(last) || !a.headline.endsWith(last)) continue;
    const glued = `${a.headline}${inst}`;
    const longer = last + place;
    // Printed elsewhere: more often than inside the glued headline line itself; or a county's name.
    const elsewhere = count(longer) - count(glued);
    const county = isThreeCharacterCounty(longer);
    if (count(glued) === 0 || (elsewhere < 1 && !county)) continue;
    a.headline = a.headline.slice(0, -last.length);
    a.institution = last + inst;
    const where = a.position?.start;
    const why = elsewhere >= 1 ? 'is printed so elsewhere on the page' : 'is the name of a county-level division';
    reviewNote(
      report,
      where,
      `Label “${a.institution}” glued after the headline: its place name “${longer}” ${why}; it could be “${inst}” with the headline ending in “${last}”`,
    );
  }
}

/** How many times `needle` occurs in `text`, without overlaps. */
function occurrences(text: string, needle: string): number {
  let n = 0;
  for (let at = text.indexOf(needle); at !== -1; at = text.indexOf(needle, at + needle.length)) n++;
  return n;
}

/** Extend each article's span to its last node. */
export function spanArticles(tree: ZbDocument): void {
  for (const a of tree.articles) {
    for (const n of [...a.lede, ...a.children]) {
      const end = n.position?.end;
      if (end && a.position && (end.offset ?? 0) > (a.position.end.offset ?? 0)) a.position.end = { ...end };
    }
  }
}

/** Role words a dateline's brackets may hold between names (`记者 李明 通讯员 王芳`). */
const ROLE_WORD_RE = /^(?:通讯员|实习生|记者|摄影)$/;
const ROLE_IN_BRACKETS_RE = /(通讯员|实习生)/g;

/** Paragraphs at the top of an article searched for its dateline (an editor's note and its signature may precede it). */
const DATELINE_PARAGRAPHS = 3;

/** A name in a dateline's brackets: 2–3 ideographs (names are separated by 、 or spaces). */
const DATELINE_NAME_RE = /^[\u3400-\u9fff]{2,3}$/;

/**
 * A paragraph's dateline with its reporters: opening the paragraph (`本报北京3月5日电（记者 李明）`), or
 * read apart from it — its brackets opening the paragraph (`（记者 李明）…`), or, after a dateline
 * set in bold sans that pdftotext printed on its own, the first reporters' brackets in the paragraph.
 */
function datelineWithReporters(text: string): { m: RegExpExecArray; apart: boolean } | null {
  const m = DATELINE_RE.exec(text) ?? DATELINE_TAIL_RE.exec(text);
  if (!m) return null;
  const apart = !m[1] && /[电讯]$/.test(m[0]) ? REPORTERS_IN_BRACKETS_RE.exec(text) : null;
  return apart ? { m: apart, apart: true } : { m, apart: false };
}

/**
 * The reporters a dateline opening the article's text names (`本报北京3月5日电（记者 李明、王芳）`), if
 * any; `apart` when they were read from brackets further in the paragraph.
 */
function datelineReporters(a: Article): { names: string[]; apart: string | null } {
  // The dateline opens the body's first paragraph; an editor's note printed over it may come first.
  const found =
    a.children
      .filter((c): c is Paragraph => c.type === 'paragraph')
      .slice(0, DATELINE_PARAGRAPHS)
      .map((p) => datelineWithReporters(textOf(p)))
      .find((x) => x !== null) ?? null;
  const m = found?.m;
  // The brackets read as a byline (`记者 李明 通讯员 王芳`): role words are no names.
  const inBrackets = m?.[1] ? /[（(]([^（）()]+)[）)]$/.exec(m[0])?.[1] : undefined;
  // A role word glued to the name before it where the line broke (`李明华` / `通讯员 王芳`) stands apart.
  const parsed = inBrackets ? parseByline(inBrackets.replace(ROLE_IN_BRACKETS_RE, ' $1 ')) : null;
  const names =
    parsed?.authors ?? m?.[1]?.split(/[、\s]+/).filter((n) => DATELINE_NAME_RE.test(n) && !ROLE_WORD_RE.test(n)) ?? [];
  return { names, apart: found?.apart ? m![0] : null };
}

/**
 * A news article's reporters are often printed only in the dateline opening its text
 * (`本报北京3月5日电（记者 李明、王芳）`). When no byline was printed, the names are read from there;
 * the dateline stays in the paragraph (`byline.fromDateline` says the names repeat printed text).
 *
 * A dateline names the article's reporters, so a byline of other names read into the same article is
 * another article's, set where pdftotext's reading order put it (modules side by side, columns read
 * out of order): the dateline's names are the authors and the byline is kept verbatim in the note,
 * reported for review.
 */
export function bylineFromDateline(tree: ZbDocument, report: Reporter): void {
  for (const a of tree.articles) {
    if (a.byline.fromDateline) continue;
    const { names: authors, apart } = datelineReporters(a);
    if (authors.length === 0 || a.byline.authors.some((n) => authors.includes(n))) continue;
    if (apart) {
      reviewNote(
        report,
        a.position?.start,
        `The dateline of “${a.headline}” was printed apart from its reporters: read the names from ${apart} further in its paragraph; they could be another report's`,
      );
    }
    const stray = a.byline.authors;
    if (stray.length) {
      a.byline.note = [a.byline.note, ...stray].filter(Boolean).join(' ');
      const where = a.position?.start;
      reviewNote(
        report,
        where,
        `The byline names ${stray.join('、')} but the dateline of “${a.headline}” names ${authors.join('、')}: read the dateline's reporters as the authors and kept the byline in the note; it may belong to another article`,
      );
    }
    a.byline.authors = authors;
    a.byline.fromDateline = true;
  }
}

/** A bracketed byline closing an article's last paragraph, after its last sentence (`…。（本报记者 李明）`). */
const CLOSING_BYLINE_RE = /[。！？…”’]\s*([（(【［〔][^（）()【】［］〔〕]{2,40}[）)】］〕])$/;

/**
 * Many papers print the reporter in brackets right after the article's last sentence, on its last
 * line (`……获得感不断增强。（本报记者 李明 通讯员 王芳）`). When no byline was printed apart, the names
 * are read from there, only when the brackets hold a role word (a bracketed aside never does); the
 * brackets stay in the paragraph, as a dateline does.
 */
export function bylineFromClosingBrackets(tree: ZbDocument): void {
  for (const a of tree.articles) {
    if (a.byline.authors.length) continue;
    const last = a.children.findLast((c): c is Paragraph => c.type === 'paragraph');
    const m = last ? CLOSING_BYLINE_RE.exec(textOf(last)) : null;
    const parsed = m ? parseByline(m[1]!) : null;
    if (!parsed?.extra || parsed.authors.length === 0) continue;
    a.byline.authors = parsed.authors;
    a.byline.fromDateline = true;
  }
}
