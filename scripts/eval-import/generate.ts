/**
 * Page generator for the importer evaluation: lays clean articles out as raw extracted text in the
 * forms pdftotext gives for a newspaper page, with the exact truth of every field. Deterministic:
 * page n of a split is drawn from a seeded PRNG, so the corpus is the same on every run.
 */
import { visualWidth } from '../../src/parse/text-form.js';
import {
  BANNERS,
  CAPTION_FORMS,
  CITIES,
  COLUMN_TAGS,
  FOLIOS,
  HEADLINE_FORMS,
  institution,
  KICKER_FORMS,
  personName,
  PHRASES,
  RUNNING_HEADS,
  seedArticleSentences,
  STANDFIRSTS,
  SUBHEAD_FORMS,
  SUBHEADLINE_FORMS,
  SUMMARY_STANDFIRSTS,
} from './material.js';

/** A node of an article body as the editor reads it. */
export type TruthNode =
  | { t: 'p'; text: string }
  | { t: 'h'; text: string }
  | { t: 'f'; caption: string; credit: string | null };

/** One article as the editor reads it. */
export interface TruthArticle {
  institution: string | null;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  lede: string[];
  body: TruthNode[];
  authors: string[];
  truncated: boolean;
  /** Forms this article was laid out in (for the per-form breakdown). */
  forms: string[];
}

/** A generated page: raw text and truth. */
export interface Page {
  id: string;
  kind: 'supplement' | 'news';
  text: string;
  articles: TruthArticle[];
}

/** mulberry32: a small seeded PRNG. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

let SOURCES: string[][] | null = null;

class Rng {
  constructor(private next: () => number) {}
  float(): number {
    return this.next();
  }
  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick = <T>(xs: readonly T[]): T => xs[Math.floor(this.next() * xs.length)]!;
}

/** Characters that never open a line (kinsoku): they hang at the end of the line before. */
const NO_START = /[，。、；：？！”’）》,.;:?!…—]/;
/** Characters that never close a line: they go down to the next. */
const NO_END = /[“‘（《]/;

/** Break `text` into lines of at most `measure` ems (the first `indent` ems narrower), as a column sets it. */
export function wrap(text: string, measure: number, indent: number): string[] {
  const chars = [...text];
  const lines: string[] = [];
  let cur = '';
  let limit = measure - indent;
  for (let i = 0; i < chars.length; i++) {
    const ch = chars[i]!;
    if (cur && visualWidth(cur + ch) > limit && !NO_START.test(ch)) {
      let carry = '';
      while (cur.length > 1 && NO_END.test(cur[cur.length - 1]!)) {
        carry = cur[cur.length - 1] + carry;
        cur = cur.slice(0, -1);
      }
      lines.push(cur);
      cur = carry;
      limit = measure;
    }
    cur += ch;
  }
  if (cur) lines.push(cur);
  return lines;
}

/** The next 1–4 sentences of one seed article (read on from a random place, never reusing one). */
function paragraphText(r: Rng, source: string[]): string {
  const n = Math.max(1, Math.min(r.int(1, 4), source.length));
  return source.splice(0, n).join('');
}

function truncate(r: Rng, text: string): string {
  // Cut after an ideograph, never right after punctuation or inside a number.
  const chars = [...text];
  for (let tries = 0; tries < 20; tries++) {
    const k = r.int(Math.floor(chars.length * 0.3), chars.length - 3);
    if (/[\u4e00-\u9fff]/.test(chars[k - 1]!) && /[\u4e00-\u9fff]/.test(chars[k]!)) return chars.slice(0, k).join('');
  }
  return text;
}

/** Draw an article's truth. */
/**
 * Variant forms (bylines, datelines, standfirsts) are drawn from a second PRNG, so that adding a form
 * leaves every other draw of the corpus as it was.
 */
function drawArticle(r: Rng, kind: Page['kind'], v: Rng, used: Set<string[]>): TruthArticle {
  const phrase = () => r.pick(PHRASES);
  const org = () => institution(r.pick);
  const forms: string[] = [];
  const hasOrg = kind === 'supplement' ? r.chance(0.8) : r.chance(0.1);
  let headline = r.pick(HEADLINE_FORMS)(phrase);
  if (/[，！？：“]/.test(headline)) forms.push('punctuated-headline');
  if (r.chance(kind === 'news' ? 0.25 : 0.1)) {
    headline += r.pick(COLUMN_TAGS);
    forms.push('column-tag');
  }
  const kicker = r.chance(kind === 'news' ? 0.45 : 0.15) ? r.pick(KICKER_FORMS)(phrase, org) : null;
  if (kicker) forms.push('kicker');
  const subheadline = r.chance(kind === 'news' ? 0.4 : 0.15) ? r.pick(SUBHEADLINE_FORMS)(phrase, org) : null;
  if (subheadline) forms.push('subheadline');
  const names = Array.from({ length: r.int(1, 2) }, () => personName(r.pick));
  const bylineKind = r.pick(
    kind === 'news' ? ['top', 'top', 'dateline', 'dateline', 'none'] : ['end', 'end', 'end', 'none', 'top', 'dateline'],
  );
  forms.push(`byline-${bylineKind}`);
  const lede: string[] = [];
  const ledeKind = r.chance(kind === 'news' ? 0.35 : 0.12) ? r.pick(['core', 'editor', 'summary']) : null;
  if (ledeKind) {
    forms.push(`lede-${ledeKind}`);
    const text = r.pick(STANDFIRSTS);
    // A summary standfirst is often a headline-like sentence without end punctuation.
    const summary = ledeKind === 'summary' && v.chance(0.4) ? v.pick(SUMMARY_STANDFIRSTS) : text;
    lede.push(ledeKind === 'editor' ? `${text}——编 者` : summary);
  }
  const body: TruthNode[] = [];
  SOURCES ??= seedArticleSentences();
  // Two articles of one page never share their text (a real page never prints one article's sentences
  // in another): a source already on the page gives way to the next one (no extra draw).
  const drawn = SOURCES.indexOf(r.pick(SOURCES));
  const picked =
    SOURCES[[...SOURCES.keys()].map((k) => (drawn + k) % SOURCES!.length).find((k) => !used.has(SOURCES![k]!))!]!;
  used.add(picked);
  const from = r.int(0, picked.length - 1);
  const source = [...picked.slice(from), ...picked.slice(0, from)];
  const nParas = r.int(3, 9);
  for (let i = 0; i < nParas && source.length; i++) {
    if (i > 0 && r.chance(0.22)) {
      const h = r.pick(SUBHEAD_FORMS)(phrase);
      if (/[，：]/.test(h)) forms.push('punctuated-subhead');
      body.push({ t: 'h', text: h });
    }
    body.push({ t: 'p', text: paragraphText(r, source) });
    if (r.chance(0.15)) body.push({ t: 'f', ...r.pick(CAPTION_FORMS)(org, () => personName(r.pick)) });
  }
  let bylineForm = 'plain';
  if (bylineKind === 'dateline') {
    const first = body.find((n) => n.t === 'p') as { text: string };
    const datePart = `${r.pick(CITIES)}${r.int(1, 12)}月${r.int(1, 28)}日电`;
    bylineForm = v.pick(['paper', 'paper', 'paper-bulletin', 'agency', 'with-correspondent']);
    const reporters = `记者 ${names.join('、')}`;
    if (bylineForm === 'with-correspondent') names.push(personName(v.pick));
    const inBrackets =
      bylineForm === 'with-correspondent' ? `${reporters} 通讯员 ${names[names.length - 1]}` : reporters;
    const opener =
      bylineForm === 'paper-bulletin' ? '本报讯' : bylineForm === 'agency' ? `新华社${datePart}` : `本报${datePart}`;
    first.text = `${opener}（${inBrackets}）${first.text}`;
  } else if (bylineKind === 'top') {
    bylineForm = v.pick(['plain', 'plain', 'bullet', 'brackets', 'with-correspondent', 'pen']);
    if (bylineForm === 'with-correspondent') names.push(personName(v.pick));
  }
  forms.push(`byline-form-${bylineForm}`);
  const truncated = r.chance(0.1);
  if (truncated) {
    forms.push('truncated');
    while (body[body.length - 1]!.t !== 'p') body.pop();
    const last = body[body.length - 1] as { text: string };
    last.text = truncate(r, last.text);
  }
  if (!hasOrg && bylineKind === 'none') forms.push('no-label-no-byline');
  return {
    institution: hasOrg ? org() : null,
    kicker,
    headline,
    subheadline,
    lede,
    body,
    authors: bylineKind === 'none' ? [] : names,
    truncated,
    forms,
  };
}

/** Layout parameters of one page. */
interface Layout {
  mode: 'column' | 'line';
  measure: number;
  column: number;
  halfWidth: boolean;
}

/** A kicker with no mark of its form: one run of words (not `…——`, `…：`, `走进…`, `记者探访…`). */
function isPlainKicker(kicker: string): boolean {
  return /^[\u3400-\u9fff]+$/.test(kicker) && !/^(走进|记者探访)/.test(kicker);
}

/** Lay one article out; pushes raw lines (empty string = blank line). */
function layArticle(r: Rng, a: TruthArticle, L: Layout, out: string[], kind: Page['kind']): void {
  const blank = (n = 1) => {
    for (let i = 0; i < n; i++) out.push('');
  };
  // Headline stack.
  const orgPlace = a.institution
    ? r.pick(['before-space', 'after-glued', 'after-space', 'own-line-before', 'own-line-after'])
    : 'none';
  a.forms.push(`org-${orgPlace}`);
  blank(r.int(1, 2));
  if (a.kicker) {
    out.push(a.kicker);
    // A kicker is set smaller than its head, and pdftotext prints lines of another size as a block
    // of their own: a blank line always stands under a plain kicker (`A` / `B` in one block is a head
    // broken over two lines). A kicker marked by its form (`——`, `：`, `走进…`) may still come glued,
    // as other extractions print it. The gap is drawn either way, so no other draw changes.
    const gap = r.int(0, 1);
    blank(isPlainKicker(a.kicker) ? 1 : gap);
  }
  let head = a.headline;
  const tag = /（[^）]+）$/.exec(head)?.[0];
  const tagOwnLine = tag && r.chance(0.5);
  if (tagOwnLine) head = head.slice(0, -tag.length);
  const headLines: string[] = [];
  if (orgPlace === 'before-space') headLines.push(`${a.institution} ${head}`);
  else if (orgPlace === 'after-glued') headLines.push(`${head}${a.institution}`);
  else if (orgPlace === 'after-space') headLines.push(`${head} ${a.institution}`);
  else {
    if (orgPlace === 'own-line-before') {
      out.push(a.institution!);
      blank(r.int(0, 1));
    }
    // A two-phrase headline may break at its phrase space.
    if (/ /.test(head) && r.chance(0.3)) headLines.push(...head.split(' '));
    else headLines.push(head);
  }
  out.push(...headLines);
  if (tagOwnLine) out.push(tag!);
  if (orgPlace === 'own-line-after') {
    blank(r.int(0, 1));
    out.push(a.institution!);
  }
  if (a.subheadline) {
    blank(r.int(0, 1));
    out.push(a.subheadline);
  }
  const names = a.authors.join(r.chance(0.5) ? ' ' : '  ');
  if (a.forms.includes('byline-top')) {
    blank();
    const role = r.pick(['本报记者 ', '记者 ', `${'本报记者　'.trim()} `]);
    out.push(topByline(a, role, names));
  }
  blank();
  if (a.lede.length) {
    if (a.forms.includes('lede-core')) {
      out.push('核心阅读');
      blank();
    }
    for (const p of a.lede) {
      if (L.mode === 'line') out.push(p);
      else out.push(...wrap(p, L.measure - r.int(2, 3), 2));
      blank();
    }
  }
  // Body: a flow of lines with column breaks every `column` lines.
  let inColumn = r.int(0, L.column - 1);
  const pendingCaptions: TruthNode[] = [];
  const emitBreak = () => {
    blank();
    // A caption printed where the column breaks, inside a sentence.
    const c = pendingCaptions.shift();
    if (c && c.t === 'f') {
      blank(r.int(0, 1));
      out.push(c.caption + (c.credit ? ` ${c.credit}` : ''));
      blank();
    }
  };
  const seen: string[] = [];
  for (const node of a.body) {
    if (node.t === 'h') {
      blank();
      const parts = node.text.split(' ');
      if (parts.length === 2 && L.mode === 'column' && r.chance(0.6)) out.push(...parts);
      else out.push(node.text);
      blank();
      inColumn += 2;
      continue;
    }
    if (node.t === 'f') {
      if (r.chance(0.5)) pendingCaptions.push(node);
      else {
        blank(r.int(1, 2));
        out.push(node.caption + (node.credit ? ` ${node.credit}` : ''));
        blank();
      }
      continue;
    }
    const text = L.halfWidth ? node.text.replace(/，/g, ',').replace(/：/g, ':') : node.text;
    // A duplicate: a stray copy printed before the paragraph (the later copy is the one read).
    const copies = seen.length && r.chance(0.05) ? [seen[seen.length - 1]!, text] : [text];
    if (copies.length > 1) a.forms.push('duplicate');
    seen.push(text);
    for (const [ci, copy] of copies.entries()) {
      const isCopy = ci < copies.length - 1;
      layParagraph(copy, isCopy);
    }
  }
  function layParagraph(text: string, _isCopy: boolean): void {
    if (L.mode === 'line') {
      if (pendingCaptions.length && text.length > 30 && r.chance(0.5)) {
        const k = r.int(10, text.length - 10);
        out.push(text.slice(0, k));
        emitBreak();
        out.push(text.slice(k));
      } else out.push(text);
      blank(r.int(0, 1));
      return;
    }
    for (const line of wrap(text, L.measure, 2)) {
      if (inColumn >= L.column) {
        emitBreak();
        inColumn = 0;
      }
      out.push(line);
      inColumn++;
    }
  }
  for (const c of pendingCaptions)
    if (c.t === 'f') {
      blank(2);
      out.push(c.caption + (c.credit ? ` ${c.credit}` : ''));
      blank();
    }
  // Captions laid out after the body stay in the truth in body order: reorder truth to match print order.
  reorderCaptions(a, out);
  if (a.forms.includes('byline-end') && a.authors.length) {
    blank(r.int(0, 1));
    out.push(r.chance(0.5) ? names : `本报记者 ${names}`);
    if (r.chance(0.5)) out.push(`图片由${a.institution ?? '受访单位'}提供`);
  }
  void kind;
}

/** A byline under the headline stack in the forms papers print it (role, bullet, brackets, 文/). */
function topByline(a: TruthArticle, role: string, names: string): string {
  const reporters = a.authors.slice(0, -1).join(' ');
  const last = a.authors[a.authors.length - 1];
  if (a.forms.includes('byline-form-bullet')) return `■${role}${names}`;
  if (a.forms.includes('byline-form-brackets')) return `（${role}${names}）`;
  if (a.forms.includes('byline-form-pen')) return `文/${a.authors.join(' ')}`;
  if (a.forms.includes('byline-form-with-correspondent')) return `本报记者 ${reporters} 通讯员 ${last}`;
  return `${role}${names}`;
}

/** The figure nodes in the truth follow the order their captions print in. */
function reorderCaptions(a: TruthArticle, out: string[]): void {
  const figs = a.body.filter((n): n is Extract<TruthNode, { t: 'f' }> => n.t === 'f');
  const text = out.join('\n');
  const pos = (f: Extract<TruthNode, { t: 'f' }>) => text.lastIndexOf(f.caption);
  const sorted = [...figs].sort((x, y) => pos(x) - pos(y));
  let k = 0;
  a.body = a.body.map((n) => (n.t === 'f' ? sorted[k++]! : n));
}

/** Seed offset of the variant-forms PRNG. */
const VARIANT_SALT = 17;

/** Generate page `n` of a split; the split's base seed keeps dev and held-out pages apart. */
export function generatePage(base: number, n: number): Page {
  const r = new Rng(prng(base * 100003 + n * 7919));
  const kind: Page['kind'] = r.chance(0.3) ? 'news' : 'supplement';
  const L: Layout = {
    mode: kind === 'supplement' && r.chance(0.25) ? 'line' : 'column',
    measure: r.int(13, 18),
    column: r.int(kind === 'news' ? 12 : 8, 40),
    halfWidth: r.chance(0.15),
  };
  const out: string[] = [];
  if (r.chance(0.5)) {
    out.push(r.pick(FOLIOS));
    if (r.chance(0.5)) out.push(r.pick(RUNNING_HEADS));
  }
  if (kind === 'supplement' && r.chance(0.3)) {
    out.push('');
    for (const b of r.pick(BANNERS)) {
      out.push(b);
      out.push('');
    }
  }
  const v = new Rng(prng(base * 7919 + n * 104729 + VARIANT_SALT));
  const used = new Set<string[]>();
  const articles = Array.from({ length: kind === 'news' ? r.int(1, 2) : r.int(1, 4) }, () =>
    drawArticle(r, kind, v, used),
  );
  for (const a of articles) layArticle(r, a, L, out, kind);
  for (const a of articles) a.forms.push(`layout-${L.mode}`, `measure-${L.measure}`);
  return { id: `p${base}-${n}`, kind, text: `${out.join('\n')}\n`, articles };
}
