/**
 * Positions (project rule: every node carries position into the decoded source): for each seed,
 * every paragraph, subhead and figure has a span whose start offset points at its first line's
 * first character, and articles start at their headline's line.
 */
import { describe, expect, it } from 'vitest';
import { parseSource } from '../../src/parse/index.js';
import { fixtureCases } from './fixtures.js';

describe('positions', () => {
  for (const c of fixtureCases().filter((x) => x.name.startsWith('seed-'))) {
    it(c.name, () => {
      const { tree, file } = parseSource(c.input, 'input.txt');
      const source = String(file.value);
      for (const a of tree.articles) {
        expect(a.position, a.headline).toBeDefined();
        for (const n of [...a.lede, ...a.children]) {
          const pos = n.position!;
          expect(pos.start.offset).toBeLessThan(pos.end.offset!);
          const first = n.type === 'figure' ? n.caption : n.children[0].value;
          // The span starts at the node's first character (punctuation may have been widened).
          expect(source.slice(pos.start.offset!, pos.start.offset! + 1).normalize('NFKC')).toBe(
            first[0].normalize('NFKC'),
          );
          expect(
            source
              .split('\n')
              [pos.start.line - 1].trimStart()
              .startsWith(source.slice(pos.start.offset!, pos.start.offset! + 2)),
          ).toBe(true);
        }
      }
    });
  }
});
