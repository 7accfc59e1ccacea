/**
 * The in-page inspection keeps each page's result while the page's laid-out DOM is unchanged (a preview
 * edit re-inspects only the pages it changed): a page whose copy changes is inspected again, the others
 * give what they gave.
 */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load.js';
import { nodeContext } from '../../src/io/context.js';
import { createProgress } from '../../src/cli/progress.js';
import { launchBrowser, layoutEdition, resolveSources } from '../../src/pipeline/index.js';
import { ROOT } from '../helpers/cli.js';

describe('inspect', () => {
  it('inspects again only the pages whose DOM changed', async () => {
    const project = await mkdtemp(join(tmpdir(), 'zb-inspect-'));
    await cp(join(ROOT, 'seeds'), join(project, 'seeds'), { recursive: true });
    const ctx = { ...nodeContext(project, createProgress({ quiet: true })), packageRoot: ROOT };
    const config = await loadConfig(project);
    const session = await launchBrowser(config.timeoutMs);
    try {
      const sources = await resolveSources(project, config, []);
      const laid = await layoutEdition(ctx, session, {
        config,
        sources,
        proofDir: join(project, 'proof'),
        time: async (_s, fn) => fn(),
      });
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
    } finally {
      await session.close();
      await rm(project, { recursive: true, force: true });
    }
  }, 120_000);
});
