/**
 * plan → two shards → merge gives the edition one build gives: the same page count, the same text on
 * every page (running heads, folios and jump lines included) and the same bookmarks. The tabloid seeds
 * continue stories on added pages, so the second shard's page numbers come from the plan.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, runCli, tempProject } from '../helpers/cli.js';
import { outlineLines } from '../helpers/outline.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };

describe('plan, shards and merge', () => {
  let dir = '';
  const run = async (args: string[]) => {
    const result = await runCli(args, dir, EPOCH);
    expect(result.code, result.stderr).toBe(0);
    return result;
  };
  beforeAll(async () => {
    // A story far too long for its page, in the middle: it continues with jump lines over pages the plan adds.
    const paragraph = (n: number) =>
      `第${n}段正文。${'社会保障是民生安全网，医疗服务关系千家万户，基层卫生工作需要长期投入和细致管理。'.repeat(6)}`;
    const long = `人民医院 一篇很长很长的报道\n\n${Array.from({ length: 40 }, (_, i) => paragraph(i + 1)).join('\n\n')}\n\n张三\n`;
    dir = await tempProject(
      { 'zhuanban.config.json': JSON.stringify({ pageSize: 'tabloid' }), 'seeds/002_long.txt': long },
      true,
    );
    await run(['build', '-q', '-o', 'whole']);
    await run(['plan', '-q', '-o', 'plan.json']);
    // Shards run anywhere, in any order; merge takes their folders in any order.
    await run(['build', '-q', '--shard', '2/2', '--plan', 'plan.json', '-o', 'part-2']);
    await run(['build', '-q', '--shard', '1/2', '--plan', 'plan.json', '-o', 'part-1']);
    await run(['merge', '-q', 'part-2', 'part-1', '-o', 'merged']);
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('splits the edition between the shards', async () => {
    const plan = JSON.parse(await readFile(join(dir, 'plan.json'), 'utf8')) as {
      sources: { firstPage: number; pages: number }[];
    };
    expect(plan.sources.length).toBe(6);
    expect(plan.sources.some((s) => s.pages > 1)).toBe(true);
    expect(plan.sources.reduce((n, s) => n + s.pages, 0)).toBeGreaterThan(5);
    const pages = async (part: string) =>
      (JSON.parse(await readFile(join(dir, part, 'part.json'), 'utf8')) as { views: unknown[] }).views.length;
    expect(await pages('part-1')).toBeGreaterThan(0);
    expect(await pages('part-2')).toBeGreaterThan(0);
  });

  it('merges to the pages, page text and bookmarks of one build', async () => {
    const whole = await pdfText(join(dir, 'whole/edition.pdf'));
    const merged = await pdfText(join(dir, 'merged/edition.pdf'));
    expect(whole.length).toBeGreaterThan(5);
    expect(merged).toEqual(whole);
    expect(merged.some((t) => /下转第\d+版/.test(t.replace(/\s+/g, '')))).toBe(true);
    expect(await outlineLines(join(dir, 'merged/edition.pdf'))).toEqual(
      await outlineLines(join(dir, 'whole/edition.pdf')),
    );
    const report = async (out: string) =>
      JSON.parse(await readFile(join(dir, out, 'report.json'), 'utf8')) as {
        pages: { number: number; source: string }[];
      };
    expect((await report('merged')).pages).toEqual((await report('whole')).pages);
    // The same proof, up to an empty style attribute a caption keeps from an earlier make-up attempt in the same page.
    const proof = async (out: string) =>
      (await readFile(join(dir, out, 'proof/index.html'), 'utf8')).replaceAll(' style=""', '');
    expect(await proof('merged')).toBe(await proof('whole'));
  });

  it('refuses a shard whose source changed since the plan, and a merge with a shard missing', async () => {
    const stale = await runCli(['merge', '-q', 'part-1', '-o', 'half'], dir, EPOCH);
    expect(stale.code).toBe(2);
    expect(stale.stderr).toMatch(/shards 2 missing/);
    await writeFile(join(dir, 'seeds/002_long.txt'), '人民医院 改过的稿子\n\n一段正文。\n');
    const changed = await runCli(['build', '-q', '--shard', '1/2', '--plan', 'plan.json', '-o', 'part-1b'], dir, EPOCH);
    expect(changed.code).toBe(2);
    expect(changed.stderr).toMatch(/002_long\.txt changed since the plan/);
  });
});
