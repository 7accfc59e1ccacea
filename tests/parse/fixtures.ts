/** Fixture cases: tests/fixtures/<case>/input.txt + expected.json (+ editor.json for seeds). */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ZbDocument } from '../../src/ast/types.js';

export const FIXTURES = join(import.meta.dirname, '..', 'fixtures');

export interface FixtureCase {
  name: string;
  dir: string;
  input: Uint8Array;
  expectedPath: string;
  editorPath: string | null;
}

export function fixtureCases(): FixtureCase[] {
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(join(FIXTURES, d.name, 'input.txt')))
    .map((d) => {
      const dir = join(FIXTURES, d.name);
      const editor = join(dir, 'editor.json');
      return {
        name: d.name,
        dir,
        input: readFileSync(join(dir, 'input.txt')),
        expectedPath: join(dir, 'expected.json'),
        editorPath: existsSync(editor) ? editor : null,
      };
    });
}

const text = (n: { children: { value: string }[] }) => n.children.map((c) => c.value).join('');

/**
 * The reviewed projection stored in expected.json: every field and every block's text in order,
 * one readable line per node (P paragraph, H subhead, F figure), plus all diagnostics. Positions
 * are checked by their own test rather than frozen here.
 */
export function projection(tree: ZbDocument): unknown {
  return {
    source: tree.source,
    folio: tree.folio,
    banner: tree.banner,
    furniture: tree.furniture ?? [],
    dropped: tree.dropped ?? [],
    articles: tree.articles.map((a) => ({
      id: a.id,
      institution: a.institution,
      ...(a.institutionInferred ? { institutionInferred: true } : {}),
      kicker: a.kicker,
      headline: a.headline,
      subheadline: a.subheadline,
      byline: a.byline,
      truncated: a.truncated,
      lede: a.lede.map(text),
      children: a.children.map((c) =>
        c.type === 'paragraph'
          ? `P ${text(c)}`
          : c.type === 'heading'
            ? `H ${text(c)}`
            : `F ${c.caption}${c.credit ? ` | ${c.credit}` : ''}${c.src ? ` <${c.src}>` : ''}`,
      ),
    })),
    diagnostics: tree.diagnostics.map((d) => `${d.line}:${d.column} ${d.severity} ${d.ruleId}: ${d.message}`),
  };
}
