/**
 * The make-up lays a module's body out once, in one grid column, and works out how tall the page's own
 * balancing sets it at every wider span from that one-column flow. This checks the premise in Chromium:
 * every body of the seeds edition, laid out by the page at every span from two to the grid's columns,
 * stands exactly as tall as worked out.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageBalance } from '../../src/layout/columns.js';
import { measureBodies, measureModules, openMakeUpPage } from '../../src/layout/measure.js';
import { measureOptions } from '../../src/layout/plan.js';
import { withSeedsLayout } from '../helpers/seeds-layout.js';

/** Grid columns of the default broadsheet. */
const COLUMNS = 8;

describe('bodies worked out from their one-column flow', () => {
  it('stand as tall as the page balances them at every span', async () => {
    await withSeedsLayout(async ({ session, proofDir, layout }) => {
      const laid = await layout();
      await laid.page.close();
      // The edition as rendered, before any make-up, in a page of its own.
      const measurePath = join(proofDir, '.edition.html');
      const page = await openMakeUpPage(session, measurePath, await readFile(measurePath, 'utf8'));
      const measured = await measureModules(page, measureOptions(COLUMNS));
      const ids = Object.keys(measured);
      expect(ids.length).toBeGreaterThan(10);
      const spans = Array.from({ length: COLUMNS - 1 }, (_, i) => i + 2);
      // The page left every body out from two columns on.
      for (const id of ids)
        expect(measured[id]!.spans.filter((s) => s.span > 1 && !s.verticalHead && s.body !== null)).toEqual([]);
      const asked = ids.flatMap((id) => spans.map((span) => ({ id, span })));
      const byPage = await measureBodies(page, asked);
      const worked = asked.map(({ id, span }) => ({ id, span, body: pageBalance(measured[id]!.flow, span).height }));
      const order = (a: { id: string; span: number }, b: { id: string; span: number }) =>
        a.id.localeCompare(b.id) || a.span - b.span;
      expect(byPage.sort(order)).toEqual(worked.sort(order));
      await page.close();
    });
  }, 180_000);
});
