/**
 * The make-up lays a module's body out once, in one grid column, and works out how tall the page's own
 * balancing sets it at every wider span from that one-column flow. This checks the premise in Chromium:
 * every body of the seeds edition, laid out by the page at every span from two to the grid's columns,
 * stands exactly as tall as worked out. The make-up itself has the page lay a body out at a wider span
 * only where the page must balance it itself (pageMustBalance).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { pageBalance, pageMustBalance } from '../../src/layout/columns.js';
import { measureModules, openMakeUpPage } from '../../src/layout/measure.js';
import { measureOptions } from '../../src/layout/plan.js';
import { withSeedsLayout } from '../helpers/seeds-layout.js';

/** Grid columns of the default broadsheet. */
const COLUMNS = 8;

describe('bodies worked out from their one-column flow', () => {
  it('stand as tall as the page balances them at every span', async () => {
    await withSeedsLayout(async ({ ctx, session, proofDir, layout }) => {
      const laid = await layout();
      await laid.page.close();
      // The edition as rendered, before any make-up, in a page of its own.
      const measurePath = join(proofDir, '.edition.html');
      const html = await readFile(measurePath, 'utf8');
      const wider = <S extends { span: number; verticalHead?: number }>(spans: S[]) =>
        spans.filter((s) => s.span > 1 && !s.verticalHead);
      // Every body laid out by the page at every span.
      const page = await openMakeUpPage(ctx, session, measurePath, html);
      const measured = await measureModules(page, measureOptions(COLUMNS), () => true);
      await page.close();
      const ids = Object.keys(measured);
      expect(ids.length).toBeGreaterThan(10);
      const byPage = ids.flatMap((id) => wider(measured[id]!.spans).map((s) => ({ id, span: s.span, body: s.body })));
      const worked = byPage.map(({ id, span }) => ({ id, span, body: pageBalance(measured[id]!.flow, span).height }));
      expect(byPage).toHaveLength(ids.length * (COLUMNS - 1));
      expect(byPage).toEqual(worked);
      // As the make-up measures: a body is laid out at a wider span only where the page must balance it.
      const fresh = await openMakeUpPage(ctx, session, measurePath, html);
      const made = await measureModules(fresh, measureOptions(COLUMNS));
      await fresh.close();
      const shown = ids.flatMap((id) =>
        wider(made[id]!.spans).flatMap((s) => (s.body === null ? [] : [`${id}@${s.span}`])),
      );
      const must = ids.flatMap((id) =>
        wider(made[id]!.spans).flatMap((s) => (pageMustBalance(made[id]!.flow, s.span) ? [`${id}@${s.span}`] : [])),
      );
      expect(must.length).toBeGreaterThan(0);
      expect(shown).toEqual(must);
    });
  }, 180_000);
});
