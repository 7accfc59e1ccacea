/**
 * Fixture tests: each tests/fixtures/<case>/input.txt is imported and its
 * projection compared with the reviewed expected.json (regenerate with UPDATE=1, then review);
 * seed cases are also compared with the editor's reading (editor.json beside each seed fixture).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BinaryInputError, parseSource } from '../../src/parse/index.js';
import { fixtureCases, projection } from './fixtures.js';
import { fold, summarise } from './summary.js';

const UPDATE = process.env.UPDATE === '1';

describe('fixtures', () => {
  const cases = fixtureCases();
  it('has the five seeds and the synthetic cases', () => {
    expect(cases.filter((c) => c.name.startsWith('seed-'))).toHaveLength(5);
    expect(cases.length).toBeGreaterThanOrEqual(10);
  });

  for (const c of cases) {
    it(`${c.name}: tree matches expected.json`, () => {
      let actual: unknown;
      try {
        actual = projection(parseSource(c.input, `${c.name}/input.txt`).tree);
      } catch (error) {
        if (!(error instanceof BinaryInputError)) throw error;
        actual = { refused: error.message };
      }
      if (UPDATE) writeFileSync(c.expectedPath, `${JSON.stringify(actual, null, 2)}\n`);
      expect(actual).toEqual(JSON.parse(readFileSync(c.expectedPath, 'utf8')));
    });

    if (c.editorPath) {
      it(`${c.name}: matches the editor's reading field by field`, () => {
        const editor = JSON.parse(readFileSync(c.editorPath!, 'utf8'));
        const { tree } = parseSource(c.input, editor.source);
        const got = fold(summarise(tree)) as ReturnType<typeof summarise>;
        expect(got.folio).toEqual(editor.folio);
        expect(got.banner).toEqual(fold(editor.banner));
        expect(got.articles).toHaveLength(editor.articles.length);
        editor.articles.forEach((e: Record<string, unknown>, i: number) => {
          const { notes: _notes, duplicates, ...fields } = e;
          expect(got.articles[i], `article ${i + 1}`).toEqual(fold(fields));
          // Each duplicate the editor lists is reported once.
          const dupes = tree.diagnostics.filter((d) => d.ruleId === 'duplicate-paragraph');
          const dropped = (tree.dropped ?? []).map((d) => d.text.slice(0, 10));
          for (const d of duplicates as string[]) expect(dropped).toContain(d);
          expect(dupes.length).toBe((tree.dropped ?? []).length);
        });
        const truncated = editor.articles.filter((a: { truncated: boolean }) => a.truncated).length;
        expect(tree.diagnostics.filter((d) => d.ruleId === 'truncated-text')).toHaveLength(truncated);
      });
    }
  }
});
