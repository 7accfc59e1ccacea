/**
 * Tree → clean Markdown source (`zhuanban import`): front matter for page fields,
 * `# headline` + field lines per article, `>` standfirst, `###` subheads, `![caption](src "credit")`.
 * An editor fixes in this file what the importer could not decide.
 */
import { stringify as yamlStringify } from 'yaml';
import type { Article, BlockContent, ZbDocument } from '../ast/types.js';
import { escapeInline, escapeValue } from './syntax.js';

function textOf(node: { children: { value: string }[] }): string {
  return node.children.map((c) => c.value).join('');
}

function frontMatter(tree: ZbDocument): string {
  const data: Record<string, unknown> = { source: tree.source };
  if (tree.folio) data.folio = tree.folio;
  if (tree.banner) data.banner = tree.banner;
  if (tree.furniture?.length) data.furniture = tree.furniture;
  return `---\n${yamlStringify(data, { lineWidth: 0 }).trimEnd()}\n---`;
}

function fieldLines(a: Article, index: number): string[] {
  const out: string[] = [];
  // One line per field, escaped like body text: a backtick or a `*` would otherwise make the field block markup.
  const oneLine = (s: string) => escapeValue(s.replace(/\s*\n\s*/g, ' '));
  if (a.id !== `a${index + 1}`) out.push(`id: ${a.id}`);
  if (a.institution) out.push(`institution: ${oneLine(a.institution)}`);
  if (a.institutionInferred) out.push('institution-inferred: true');
  if (a.kicker) out.push(`kicker: ${oneLine(a.kicker)}`);
  if (a.subheadline) out.push(`subheadline: ${oneLine(a.subheadline)}`);
  if (a.byline.authors.length) out.push(`authors: ${a.byline.authors.map(escapeValue).join(' ')}`);
  if (a.byline.fromDateline) out.push('authors-from-dateline: true');
  if (a.byline.photoCredit) out.push(`photo-credit: ${oneLine(a.byline.photoCredit)}`);
  if (a.byline.note) out.push(`byline-note: ${oneLine(a.byline.note)}`);
  if (a.truncated) out.push('truncated: true');
  // Hard line breaks keep one field per line when rendered; the reader splits on newlines.
  return out;
}

function block(node: BlockContent): string {
  switch (node.type) {
    case 'paragraph':
      return escapeInline(textOf(node));
    case 'heading':
      return `### ${escapeInline(textOf(node))}`;
    case 'figure': {
      const alt = escapeValue(node.caption);
      // CommonMark needs `<>` for an empty destination followed by a title (spec §6.3, link destination).
      const url = node.src ? `<${node.src.replace(/[<>]/g, encodeURIComponent)}>` : node.credit ? '<>' : '';
      // A title is not inline markup, but backslash escapes and entities are read in it.
      const title = node.credit ? ` "${node.credit.replace(/["\\&]/g, (c) => `\\${c}`)}"` : '';
      return `![${alt}](${url}${title})`;
    }
  }
}

/** The whole document as Markdown. */
export function toMarkdown(tree: ZbDocument): string {
  const parts = [frontMatter(tree)];
  tree.articles.forEach((a, i) => {
    parts.push(`# ${escapeInline(a.headline)}`.trimEnd());
    const fields = fieldLines(a, i);
    if (fields.length) parts.push(fields.join('\n'));
    if (a.lede.length) parts.push(a.lede.map((p) => `> ${escapeInline(textOf(p))}`).join('\n>\n'));
    for (const c of a.children) parts.push(block(c));
  });
  return `${parts.join('\n\n')}\n`;
}
