/**
 * The zhuanban document tree: one module defines every node so that each stage
 * (parse → render → layout → print) agrees on one contract.
 * Nodes are unist/mdast-compatible: `type`, `children` or `value`, `position`,
 * so mdast-util-to-string and unist-util-visit work on them unchanged.
 */
import type { Position } from 'unist';

export type { Position };

/** Diagnostic severity as shown in report.json and the preview panel. */
export type Severity = 'error' | 'warning' | 'info';

/** A serialisable diagnostic (the JSON face of a vfile message). */
export interface Diagnostic {
  ruleId: string;
  severity: Severity;
  message: string;
  line: number;
  column: number;
  /** Source file the message concerns, relative to the project root when possible. */
  file?: string;
}

/**
 * How a reader reports a diagnostic at a source line while it builds a tree (the importer and the
 * Markdown reader both use it; the caller turns the reports into vfile messages).
 */
export type Reporter = (
  ruleId: string,
  message: string,
  line: number,
  column: number,
  severity?: 'warning' | 'info',
) => void;

/** Leaf text (mdast `text`). */
export interface Text {
  type: 'text';
  value: string;
  position?: Position;
}

/** A body or lede paragraph: repaired text, lines joined. */
export interface Paragraph {
  type: 'paragraph';
  children: Text[];
  position?: Position;
}

/** A section subhead (小标题) inside an article. */
export interface Heading {
  type: 'heading';
  depth: 3;
  children: Text[];
  position?: Position;
}

/** A photo slot: sources carry captions, rarely images. */
export interface Figure {
  type: 'figure';
  caption: string;
  credit: string | null;
  /** Image path relative to the source file, or null for a placeholder box. */
  src: string | null;
  /** The photo the images stage found for this figure (inside the project, probed); absent: a labelled slot. */
  photo?: Photo;
  position?: Position;
}

/** A photo file resolved for a figure: where it is, its size after EXIF orientation, its crop focus. */
export interface Photo {
  /** Absolute path, symlinks followed, inside the project. */
  path: string;
  /** Content hash of the file (sha256 hex): the key of the processed-image cache. */
  hash: string;
  /** Pixels after the EXIF orientation is applied. */
  width: number;
  height: number;
  /** Point of interest as fractions of width and height (0.5, 0.5 is the centre); the crop keeps it in. */
  focus: [number, number];
  /** Encoded format as sharp reads it (jpeg, png, webp, tiff…). */
  format: string;
  /** The colour space or profile converted to sRGB when processed (`cmyk`…); null when already sRGB or grey. */
  convertFrom: string | null;
}

/** Anything that may appear in an article body. */
export type BlockContent = Paragraph | Heading | Figure;

/** Byline at the article end: names and an optional photo credit. */
export interface Byline {
  authors: string[];
  photoCredit: string | null;
  /** Role words or an author note printed with the byline (`本报记者`, `（作者为…）`), kept verbatim. */
  note?: string | null;
  /**
   * True when the names were read from the text, where they stay printed: a dateline opening it
   * (`本报北京3月5日电（记者 李明）`) or brackets closing it (`…。（本报记者 李明）`).
   */
  fromDateline?: true;
}

/** One article = one module on the page. */
export interface Article {
  type: 'article';
  id: string;
  institution: string | null;
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  lede: Paragraph[];
  byline: Byline;
  truncated: boolean;
  children: BlockContent[];
  position?: Position;
  /** True when `institution` was not printed as a label but inferred from the subheadline or photo credit. */
  institutionInferred?: boolean;
}

/** Printed folio such as `19·卫生健康`. */
export interface Folio {
  page: number | null;
  section: string | null;
}

/** The root: one source file = one page of the supplement. */
export interface ZbDocument {
  type: 'document';
  /** Source file name (basename). */
  source: string;
  folio: Folio | null;
  banner: string[] | null;
  articles: Article[];
  diagnostics: Diagnostic[];
  /** Page furniture the importer set aside: running heads, dates, jump lines (kept so no text is lost). */
  furniture?: string[];
  /** Text removed by a repair (the earlier copy of a duplicated paragraph), with the rule that removed it. */
  dropped?: { ruleId: string; text: string; line: number }[];
  /** unist roots have children; articles are mirrored here for unist utilities. */
  children?: Article[];
  position?: Position;
}

/** Any node of the tree. */
export type ZbNode = ZbDocument | Article | BlockContent | Text;
