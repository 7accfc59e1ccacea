/**
 * A rebuild in the page the last one used (the preview's) keeps, as laid out, the pages a save did not
 * touch, and lays out the others again: the result is the same as laying the edited edition out in a
 * new page, the edited page shows the new copy and not the old, and the other pages are the very same
 * DOM nodes as before.
 */
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { withSeedsLayout } from '../helpers/seeds-layout.js';

const OLD_HEAD = '绘就群众健康幸福图景';
const NEW_HEAD = '绘就百姓健康幸福画卷';

describe('a rebuild in the warm page', () => {
  it('lays out again only the pages whose copy changed, as a new page would', async () => {
    await withSeedsLayout(async ({ project, layout }) => {
      const first = await layout();
      const edited = join(project, 'seeds', (await readdir(join(project, 'seeds'))).sort()[0]!);
      const text = await readFile(edited, 'utf8');
      expect(text).toContain(OLD_HEAD);
      const editedPage = first.views.findIndex((v) => edited.endsWith(v.source));
      expect(editedPage).toBeGreaterThanOrEqual(0);
      // Each page element gets a mark only the same node can carry on.
      await first.page.evaluate(`document.querySelectorAll('.page').forEach((p, i) => { p.zbMark = i; })`);

      await writeFile(edited, text.replace(OLD_HEAD, NEW_HEAD).replace(/。/, '。补充一句说明文字。'));
      const warm = await layout({ reuse: { page: first.page, reloadStyles: false } });
      expect(warm.page).toBe(first.page);
      const marks = (await warm.page.evaluate(
        `[...document.querySelectorAll('.page')].map((p) => p.zbMark ?? null)`,
      )) as (number | null)[];
      expect(marks.length).toBe(first.views.length);
      expect(marks[editedPage]).toBeNull();
      expect(marks.filter((m, i) => i !== editedPage && m === i).length).toBe(marks.length - 1);
      expect(warm.proof.pages[editedPage]).toContain(NEW_HEAD);
      expect(warm.proof.pages.join('')).not.toContain(OLD_HEAD);

      const fresh = await layout({ proofDir: join(project, 'fresh') });
      expect(warm.proof.pages).toEqual(fresh.proof.pages.map((p) => p.replaceAll('/fresh/', '/proof/')));
      expect(warm.pass.inspected).toEqual(fresh.pass.inspected);
      expect(warm.pass.placements).toEqual(fresh.pass.placements);
      await fresh.page.close();
      await warm.page.close();
    });
  }, 180_000);
});
