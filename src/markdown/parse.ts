/**
 * Clean Markdown source → document tree (`zhuanban build` accepts `.md` sources;
 * import → parse gives back the same tree). Parsed with remark-parse + remark-frontmatter; the
 * syntax is documented in docs/importer.md and written by stringify.ts.
 */
import type { BlockContent as MdBlock, Heading as MdHeading, Paragraph as MdParagraph, Root } from 'mdast';
import { toString as mdastText } from 'mdast-util-to-string';
import remarkFrontmatter from 'remark-frontmatter';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import type { Position } from 'unist';
import { parse as yamlParse } from 'yaml';
import { z } from 'zod';
import { newArticle } from '../ast/article.js';
import type { Article, Reporter, ZbDocument } from '../ast/types.js';
import { FIELD_LINE_RE } from './syntax.js';

type Loc = Position | undefined;

function at(pos: Loc): [number, number] {
  return [pos?.start.line ?? 1, pos?.start.column ?? 1];
}

function isFieldParagraph(node: MdParagraph): boolean {
  if (!node.children.every((c) => c.type === 'text' || c.type === 'break')) return false;
  const lines = mdastText(node).split('\n');
  return lines.every((l) => FIELD_LINE_RE.test(l.trim()));
}

function applyFields(a: Article, node: MdParagraph, report: Reporter): void {
  for (const raw of mdastText(node).split('\n')) {
    const m = FIELD_LINE_RE.exec(raw.trim())!;
    const value = m[2].trim();
    switch (m[1]) {
      case 'id':
        a.id = value;
        break;
      case 'institution':
        a.institution = value || null;
        break;
      case 'institution-inferred':
        if (value === 'true') a.institutionInferred = true;
        break;
      case 'kicker':
        a.kicker = value || null;
        break;
      case 'subheadline':
        a.subheadline = value || null;
        break;
      case 'authors':
        a.byline.authors = value.split(/\s+/).filter(Boolean);
        break;
      case 'authors-from-dateline':
        if (value === 'true') a.byline.fromDateline = true;
        break;
      case 'photo-credit':
        a.byline.photoCredit = value || null;
        break;
      case 'byline-note':
        a.byline.note = value || null;
        break;
      case 'truncated':
        if (value !== 'true' && value !== 'false')
          report('bad-field', `truncated must be true or false, not “${value}”`, ...at(node.position), 'warning');
        a.truncated = value === 'true';
        break;
    }
  }
}

/** What the front matter may hold (what `zhuanban import` writes); anything else is reported and ignored. */
const printable = z.union([z.string(), z.number()]).transform(String);
const frontMatterSchema = z.looseObject({
  source: z.string().optional(),
  folio: z
    .object({ page: z.int().nullable().optional(), section: printable.nullable().optional() })
    .nullable()
    .optional(),
  banner: z.array(printable).optional(),
  furniture: z.array(printable).optional(),
});

function readFrontMatter(value: string, tree: ZbDocument, pos: Loc, report: Reporter): void {
  let raw: unknown;
  try {
    raw = yamlParse(value) ?? {};
  } catch (e) {
    report('bad-front-matter', `Front matter is not valid YAML: ${(e as Error).message}`, ...at(pos), 'warning');
    return;
  }
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    report('bad-front-matter', 'Front matter must be a set of `key: value` lines; ignored', ...at(pos), 'warning');
    return;
  }
  const data = { ...(raw as Record<string, unknown>) };
  const result = frontMatterSchema.safeParse(data);
  if (!result.success) {
    // Each bad value is named and left out; the good ones are still read.
    for (const issue of result.error.issues) {
      report(
        'bad-front-matter',
        `Front matter \`${issue.path.join('.')}\`: ${issue.message}; ignored`,
        ...at(pos),
        'warning',
      );
      delete data[String(issue.path[0])];
    }
  }
  const front = frontMatterSchema.parse(data);
  if (front.folio) tree.folio = { page: front.folio.page ?? null, section: front.folio.section ?? null };
  if (front.banner) tree.banner = front.banner;
  if (front.furniture) tree.furniture = front.furniture;
}

/** Parse the Markdown source format into the tree. */
export function parseMarkdownSource(text: string, source: string, report: Reporter): ZbDocument {
  const root = unified().use(remarkParse).use(remarkFrontmatter, ['yaml']).parse(text) as Root;
  const tree: ZbDocument = {
    type: 'document',
    source,
    folio: null,
    banner: null,
    articles: [],
    diagnostics: [],
    position: root.position,
  };
  let current: Article | null = null;
  let afterHeadline = false;
  const article = (pos: Loc): Article => {
    if (!current) {
      report(
        'missing-headline',
        'Text before the first `# headline`; started an article without a headline',
        ...at(pos),
        'warning',
      );
      current = newArticle(tree.articles.length, '', pos);
      tree.articles.push(current);
    }
    return current;
  };
  for (const node of root.children) {
    const wasAfterHeadline = afterHeadline;
    afterHeadline = false;
    if (node.type === 'yaml') {
      readFrontMatter(node.value, tree, node.position, report);
      continue;
    }
    if (node.type === 'heading' && node.depth === 1) {
      current = newArticle(tree.articles.length, mdastText(node), node.position);
      tree.articles.push(current);
      afterHeadline = true;
      continue;
    }
    const a = article(node.position);
    if (a.position && node.position) a.position = { start: a.position.start, end: node.position.end };
    if (node.type === 'paragraph' && wasAfterHeadline && isFieldParagraph(node)) {
      applyFields(a, node, report);
      continue;
    }
    if (node.type === 'blockquote') {
      for (const c of node.children) a.lede.push(toParagraph(c, report));
      continue;
    }
    if (node.type === 'heading') {
      if (node.depth !== 3)
        report(
          'heading-depth',
          `Subheads are written \`###\`; read this level-${node.depth} heading as one`,
          ...at(node.position),
          'info',
        );
      a.children.push({
        type: 'heading',
        depth: 3,
        children: [{ type: 'text', value: mdastText(node as MdHeading), position: node.position }],
        position: node.position,
      });
      continue;
    }
    if (node.type === 'paragraph' && node.children.length === 1 && node.children[0].type === 'image') {
      const img = node.children[0];
      a.children.push({
        type: 'figure',
        caption: img.alt ?? '',
        credit: img.title ?? null,
        src: img.url || null,
        position: node.position,
      });
      continue;
    }
    a.children.push(toParagraph(node as MdBlock, report));
  }
  tree.children = tree.articles;
  return tree;
}

function toParagraph(node: MdBlock | Root['children'][number], report: Reporter): Article['lede'][number] {
  if (node.type !== 'paragraph')
    report(
      'unsupported-markdown',
      `Markdown ${node.type} is not part of the source format; kept as a plain paragraph`,
      ...at(node.position),
      'warning',
    );
  const value = mdastText(node).replace(/\s*\n\s*/g, '');
  return { type: 'paragraph', children: [{ type: 'text', value, position: node.position }], position: node.position };
}
