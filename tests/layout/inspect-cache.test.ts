/**
 * The in-page inspection keeps each page's result while the page's laid-out DOM is unchanged (a preview
 * edit re-inspects only the pages it changed): a page whose copy changes is inspected again, the others
 * give what they gave.
 */
import { describe, expect, it } from 'vitest';
import { withSeedsLayout } from '../helpers/seeds-layout.js';

describe('inspect', () => {
  it('inspects again only the pages whose DOM changed', async () => {
    await withSeedsLayout(async ({ layout }) => {
      const laid = await layout();
      type Inspected = { number: number; fill: number; oversetChars: number }[];
      const before = (await laid.page.evaluate('window.zhuanban.inspect()')) as Inspected;
      expect(before.map((p) => p.oversetChars)).toEqual(laid.pass.inspected.map((p) => p.oversetChars));
      // Three times the copy in the first article of page 2: it cannot fit, so page 2 must report overset.
      await laid.page.evaluate(`(() => { const body = document.querySelectorAll('.page')[1].querySelector('.module .body');
        for (const p of body.querySelectorAll('p')) p.textContent = p.textContent.repeat(3); })()`);
      const after = (await laid.page.evaluate('window.zhuanban.inspect()')) as Inspected;
      expect(after[1]!.oversetChars).toBeGreaterThan(before[1]!.oversetChars);
      expect(after.filter((_, i) => i !== 1)).toEqual(before.filter((_, i) => i !== 1));
      await laid.page.close();
    });
  }, 120_000);
});
