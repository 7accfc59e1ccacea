/**
 * Line pass: split the decoded source into lines with offsets, then normalise each line's text:
 * Kangxi radicals, spaces between ideographs from justified
 * pdftotext lines, quote marks split onto their own line, half-width punctuation in Chinese prose.
 * Every change is reported through `report` so nothing is altered silently.
 */
import type { Reporter } from '../ast/types.js';
import { unpadBylineNames } from './credits.js';
import { reviewNote } from './report.js';
import { fixHalfwidth } from './halfwidth.js';
import { CJK, EDITOR_SIGNATURE_RE, isCjk, visualWidth } from './text-form.js';

/** One physical line of the source, with its repaired text. */
export interface SourceLine {
  /** 1-based line number in the source. */
  line: number;
  /** 1-based column of the first kept character. */
  column: number;
  /** Offset of the line start in the decoded text. */
  offset: number;
  /** Offset just past the last character of the line (before its line ending). */
  endOffset: number;
  /** The line exactly as decoded. */
  raw: string;
  /** Normalised, trimmed text ('' for a blank line). */
  text: string;
  /**
   * pdftotext spaced the ideographs out: the line was stretched to fill its measure (justified), so
   * its width with the spaces removed understates it. Such a line is never a paragraph's short last line.
   */
  justified?: boolean;
  /**
   * Half-width marks (`,` `:` `(`…) replaced by full-width ones: they were printed ½ em wide, so the line
   * took ½ em less room per mark than its repaired text measures.
   */
  halfWidthMarks?: number;
}

/** Characters `start` to `end` of a source line as a line of its own, its positions still pointing into the source. */
export function sliceLine(l: SourceLine, start: number, end: number): SourceLine {
  return {
    line: l.line,
    column: start + 1,
    offset: l.offset,
    endOffset: l.offset + end,
    raw: l.raw.slice(start, end),
    text: l.raw.slice(start, end),
  };
}

/** Printed width of a line in ems (visualWidth of its text, with repaired half-width marks back at ½ em). */
export function lineWidth(l: SourceLine, quoteEm?: number): number {
  return visualWidth(l.text, quoteEm) - (l.halfWidthMarks ?? 0) / 2;
}

export type { Reporter };

/** Split text on CRLF, CR or LF, keeping offsets into the decoded text so positions stay true. */
export function splitLines(text: string): SourceLine[] {
  const out: SourceLine[] = [];
  const re = /\r\n|\r|\n/g;
  let start = 0;
  let n = 1;
  for (let m = re.exec(text); ; m = re.exec(text)) {
    const end = m ? m.index : text.length;
    const raw = text.slice(start, end);
    const lead = raw.length - raw.replace(/^[\s\u3000\ufeff]+/, '').length;
    out.push({ line: n, column: lead + 1, offset: start, endOffset: end, raw, text: raw });
    if (!m) break;
    start = m.index + m[0].length;
    n++;
  }
  return out;
}

/** Kangxi radicals U+2F00–U+2FD5 → the ordinary ideograph (NFKC of that code point only). */
export function mapKangxi(text: string): { text: string; count: number } {
  let count = 0;
  const out = text.replace(/[\u2f00-\u2fd5]/g, (ch) => {
    count++;
    return ch.normalize('NFKC');
  });
  return { text: out, count };
}

const SPACED_PAIR = new RegExp(`[${CJK}，。、；：？！“”‘’（）《》] +(?=[${CJK}，。、；：？！“”‘’（）《》])`, 'g');

/**
 * Justified lines come out of pdftotext as `社 会 保 障 是 民 生`. A line counts as
 * spaced when most gaps between ideographs hold a space; then spaces next to ideographs go.
 * A single space between two phrases (a headline's visual break) is kept.
 */
export function collapseSpacedCjk(text: string): { text: string; count: number } {
  const spaced = text.match(SPACED_PAIR)?.length ?? 0;
  let cjkChars = 0;
  for (const ch of text) if (isCjk(ch)) cjkChars++;
  // Two spaced gaps suffice when every gap is spaced (a 3-character label set letter-spaced).
  if (spaced < 2 || spaced < (cjkChars - 1) * (spaced < 3 ? 1 : 0.5)) return { text, count: 0 };
  const out = text
    .replace(new RegExp(`(?<=[${CJK}\\p{P}]) +(?=[${CJK}\\p{P}\\dA-Za-z])`, 'gu'), '')
    .replace(new RegExp(`(?<=[\\dA-Za-z]) +(?=[${CJK}])`, 'g'), '');
  return { text: out, count: spaced };
}

/**
 * The tail of an editor's note signature wrapped onto the next line after `——编` (`者` alone). A whole
 * `编 者` under a line ending `——` stays on its line: the paragraph rules read it as the note's end.
 */
const SIGNATURE_TAIL = /^者$/;

const OPENING_ONLY = /^[“‘「『（(《〈【]+$/;
const CLOSING_ONLY = /^[”’」』）)》〉】，。、；：？！]+$/;

/**
 * Normalise every line in place and glue quote marks/brackets that pdftotext split onto their own
 * line back to their neighbours.
 */
export function normaliseLines(lines: SourceLine[], report: Reporter): SourceLine[] {
  for (const l of lines) {
    let t = l.raw.replace(/^[\s\u3000\ufeff]+|[\s\u3000]+$/g, '').replace(/\t/g, ' ');
    const k = mapKangxi(t);
    t = k.text;
    if (k.count)
      report(
        'kangxi-radical',
        `Mapped ${k.count} Kangxi radical code point(s) to ordinary characters`,
        l.line,
        l.column,
        'info',
      );
    // A byline's spaces separate names; only its padded two-character names are joined.
    const names = unpadBylineNames(t);
    if (names?.guess)
      reviewNote(report, l, `Byline set letter-spaced with no wider gap between its names: ${names.guess}`);
    else if (names?.count)
      report(
        'spaced-text',
        `Joined ${names.count} two-character name(s) padded with a space in a byline`,
        l.line,
        l.column,
        'info',
      );
    const s = names ? { text: names.text, count: 0 } : collapseSpacedCjk(t);
    t = s.text;
    if (s.count) l.justified = true;
    if (s.count)
      report(
        'spaced-text',
        `Removed ${s.count} space(s) between Chinese characters (justified line)`,
        l.line,
        l.column,
        'info',
      );
    const h = fixHalfwidth(t);
    t = h.text;
    if (h.count) l.halfWidthMarks = h.count;
    if (h.count)
      report(
        'halfwidth-punctuation',
        `Replaced ${h.count} half-width punctuation mark(s) in Chinese text with full-width`,
        l.line,
        l.column,
        'info',
      );
    l.text = t;
  }
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i];
    if (!l.text) continue;
    const opening = OPENING_ONLY.test(l.text);
    if (!opening && !CLOSING_ONLY.test(l.text)) continue;
    const to = opening
      ? lines.slice(i + 1).find((x) => x.text)
      : lines
          .slice(0, i)
          .reverse()
          .find((x) => x.text);
    if (!to) continue;
    report(
      'split-punctuation',
      `Joined the mark ${l.text} to the ${opening ? 'next' : 'previous'} line`,
      l.line,
      l.column,
      'info',
    );
    // A half-width bracket alone on its line had no text to judge it by; beside its neighbour it has.
    const h = fixHalfwidth(opening ? `${l.text}${to.text}` : `${to.text}${l.text}`);
    const mark = opening ? h.text.slice(0, l.text.length) : h.text.slice(h.text.length - l.text.length);
    if (mark !== l.text)
      report(
        'halfwidth-punctuation',
        `Replaced ${[...mark].filter((c, j) => c !== l.text[j]).length} half-width punctuation mark(s) in Chinese text with full-width`,
        l.line,
        l.column,
        'info',
      );
    to.text = opening ? mark + to.text : to.text + mark;
    l.text = '';
  }
  joinWrappedSignatures(lines, report);
  return lines;
}

/**
 * An editor's note is signed `——编 者` at its end; a narrow column may wrap the signature inside it
 * (`——编` / `者`). The tail goes back onto the line above, so the note's last line ends on its signature
 * and closes the note there, like a full stop.
 */
function joinWrappedSignatures(lines: SourceLine[], report: Reporter): void {
  for (let i = 1; i < lines.length; i++) {
    const l = lines[i]!;
    const above = lines[i - 1]!;
    if (!SIGNATURE_TAIL.test(l.text) || !above.text) continue;
    const joined = above.text + l.text;
    if (!EDITOR_SIGNATURE_RE.test(joined) || !/——/.test(above.text.slice(-3))) continue;
    report('split-punctuation', `Joined the signature tail ${l.text} to the previous line`, l.line, l.column, 'info');
    above.text = joined;
    l.text = '';
  }
}
