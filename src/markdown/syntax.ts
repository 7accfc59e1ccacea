/**
 * The clean Markdown source format shared by the writer and the reader. See docs/importer.md.
 */

/** Article field lines allowed in the paragraph right under an article's `# headline`. */
export const FIELD_KEYS = [
  'id',
  'institution',
  'institution-inferred',
  'kicker',
  'subheadline',
  'authors',
  'authors-from-dateline',
  'photo-credit',
  'byline-note',
  'truncated',
] as const;

/** `key: value` with a known key and an ASCII colon (a Chinese sentence with ： is never a field). */
export const FIELD_LINE_RE = new RegExp(`^(${FIELD_KEYS.join('|')})\\s*:\\s*(.*)$`);

/** Characters CommonMark (and GFM: tables, strikethrough) may read as inline markup. */
const INLINE_MARKUP = /[\\`*_[\]<>&!|~#]/g;

/** Backslash-escape what CommonMark would read as markup, so any text survives a round trip. */
export function escapeInline(text: string): string {
  let t = text.replace(INLINE_MARKUP, (c) => `\\${c}`);
  t = t.replace(/^(\d+)([.)])(?=\s|$)/, '$1\\$2');
  t = t.replace(/^([+\-=])/, '\\$1');
  t = t.replace(/^(\s+)/, (s) => s.replace(/ /g, '&#32;'));
  if (FIELD_LINE_RE.test(t)) t = t.replace(':', '\\:');
  return t;
}

/**
 * Escape a value that sits inside a line (a field after `key: `, a caption inside `![…]`): every inline
 * markup character, and nothing that only matters at the start of a line.
 */
export function escapeValue(text: string): string {
  return text.replace(INLINE_MARKUP, (c) => `\\${c}`);
}
