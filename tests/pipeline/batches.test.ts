/**
 * Batched make-up: an edition made up and printed a few source pages at a time (with continuation pages
 * inside the batches, so page numbers run on across them) gives the same pages, text and bookmarks as one
 * document, and two pages at once give the same bytes as one at a time.
 */
import { createHash } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfText, runCli, tempProject } from '../helpers/cli.js';
import { outlineLines } from '../helpers/outline.js';

const EPOCH = { SOURCE_DATE_EPOCH: '1700000000' };
const sha = async (path: string) =>
  createHash('sha256')
    .update(await readFile(path))
    .digest('hex');

describe('batches', () => {
  let dir = '';
  beforeAll(async () => {
    // Tabloid pages cannot hold the seeds' copy: stories continue on added pages inside each batch.
    dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ pageSize: 'tabloid' }) }, true);
    for (const [out, args] of [
      ['whole', []],
      ['serial', ['--batch-pages', '2', '-j', '1']],
      ['parallel', ['--batch-pages', '2', '-j', '2']],
    ] as const) {
      const result = await runCli(['build', '-q', ...args, '-o', out], dir, EPOCH);
      expect(result.code, result.stderr).toBe(0);
    }
  }, 600_000);
  afterAll(() => rm(dir, { recursive: true, force: true }));

  it('gives the pages, page by page text and bookmarks of one document', async () => {
    const whole = await pdfText(join(dir, 'whole/edition.pdf'));
    const batched = await pdfText(join(dir, 'serial/edition.pdf'));
    expect(whole.length).toBeGreaterThan(5);
    expect(batched).toEqual(whole);
    expect(await outlineLines(join(dir, 'serial/edition.pdf'))).toEqual(
      await outlineLines(join(dir, 'whole/edition.pdf')),
    );
    const report = (out: string) =>
      readFile(join(dir, out, 'report.json'), 'utf8').then((t) =>
        (JSON.parse(t) as { pages: { number: number }[] }).pages.map((p) => p.number),
      );
    expect(await report('serial')).toEqual(await report('whole'));
  });

  it('gives the same bytes with two pages made up at once as with one', async () => {
    expect(await sha(join(dir, 'parallel/edition.pdf'))).toBe(await sha(join(dir, 'serial/edition.pdf')));
  });
});
