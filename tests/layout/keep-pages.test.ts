/**
 * A rebuild in the page the last one used (the preview's) keeps, as laid out, the pages a save did not
 * touch, and lays out the others again: the result is the same as laying the edited edition out in a
 * new page, the edited page shows the new copy and not the old, and the other pages are the very same
 * DOM nodes as before.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { nodeContext } from '../../src/io/context.js';
import { createProgress } from '../../src/cli/progress.js';
import { launchBrowser, layoutEdition, resolveSources } from '../../src/pipeline/index.js';
import { ROOT } from '../helpers/cli.js';

const OLD_HEAD = '绘就群众健康幸福图景';
const NEW_HEAD = '绘就百姓健康幸福画卷';

describe('a rebuild in the warm page', () => {
  it('lays out again only the pages whose copy changed, as a new page would', async () => {
    const project = await mkdtemp(join(tmpdir(), 'zb-keep-'));
    await cp(join(ROOT, 'seeds'), join(project, 'seeds'), { recursive: true });
    const ctx = { ...nodeContext(project, createProgress({ quiet: true })), packageRoot: ROOT };
    const config = await loadConfig(project);
    const session = await launchBrowser(config.timeoutMs);
    const time = async <T>(_stage: string, fn: () => Promise<T> | T) => fn();
    try {
      const sources = await resolveSources(project, config, []);
      const proofDir = join(project, 'proof');
      const first = await layoutEdition(ctx, session, { config, sources, proofDir, time });
      const edited = join(project, 'seeds', (await readdir(join(project, 'seeds'))).sort()[0]!);
      const text = await readFile(edited, 'utf8');
      expect(text).toContain(OLD_HEAD);
      const editedPage = first.views.findIndex((v) => edited.endsWith(v.source));
      expect(editedPage).toBeGreaterThanOrEqual(0);
      // Each page element gets a mark only the same node can carry on.
      await first.page.evaluate(`document.querySelectorAll('.page').forEach((p, i) => { p.zbMark = i; })`);

      await writeFile(edited, text.replace(OLD_HEAD, NEW_HEAD).replace(/。/, '。补充一句说明文字。'));
      const warm = await layoutEdition(ctx, session, {
        config,
        sources,
        proofDir,
        time,
        reuse: { page: first.page, reloadStyles: false },
      });
      expect(warm.page).toBe(first.page);
      const marks = (await warm.page.evaluate(
        `[...document.querySelectorAll('.page')].map((p) => p.zbMark ?? null)`,
      )) as (number | null)[];
      expect(marks.length).toBe(first.views.length);
      expect(marks[editedPage]).toBeNull();
      expect(marks.filter((m, i) => i !== editedPage && m === i).length).toBe(marks.length - 1);
      expect(warm.proof.pages[editedPage]).toContain(NEW_HEAD);
      expect(warm.proof.pages.join('')).not.toContain(OLD_HEAD);

      const fresh = await layoutEdition(ctx, session, { config, sources, proofDir: join(project, 'fresh'), time });
      expect(warm.proof.pages).toEqual(fresh.proof.pages.map((p) => p.replaceAll('/fresh/', '/proof/')));
      expect(warm.pass.inspected).toEqual(fresh.pass.inspected);
      expect(warm.pass.placements).toEqual(fresh.pass.placements);
      await fresh.page.close();
      await warm.page.close();
    } finally {
      await session.close();
      await rm(project, { recursive: true, force: true });
    }
  }, 180_000);
});
