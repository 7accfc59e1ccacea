/**
 * A build of a small fixture with real Chromium and real fonts gives the pages and text
 * expected, escapes every input text, embeds only subset non-Type-3 fonts, leaves no Chromium behind,
 * and rejects a bad config with the key named.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { pdfFonts, pdfText, poppler, runCli, tempProject, zhuanbanChromiums } from '../helpers/cli.js';

const PAGE_ONE = `医疗保障局 测试标题第一篇

这是第一篇文章的第一段，用来检查构建是否把全部文字印在版面上。

这是第一篇文章的第二段。<script>alert(1)</script> 和 {{title}} 以及 &amp; 都要原样印出。

张三
`;
const PAGE_TWO = `人民医院 第二版的主标题

第二版只有一段正文，内容简短，用于检查页数。
`;

describe('zhuanban build (small fixture)', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = await tempProject({
      'seeds/01.txt': PAGE_ONE,
      'seeds/02.txt': PAGE_TWO,
      'zhuanban.config.json': JSON.stringify({ pageSize: 'tabloid' }),
    });
    result = await runCli(['build'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('writes the PDF, the proofs and the report', async () => {
    expect(result.stderr).toContain('wrote');
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8'));
    expect(report.pages.map((p: { source: string }) => p.source)).toEqual(['01.txt', '02.txt']);
    expect(Object.keys(report.timings)).toEqual(expect.arrayContaining(['parse', 'layout', 'print']));
    const proof = await readFile(join(dir, 'output/proof/index.html'), 'utf8');
    expect(proof).toContain('测试标题第一篇');
    await expect(readFile(join(dir, 'output/proof/page-02.html'), 'utf8')).resolves.toContain('第二版的主标题');
  });

  it('has one page per source at the configured trim size, with a title', async () => {
    const info = await poppler('pdfinfo', ['-box', join(dir, 'output/edition.pdf')]);
    expect(info).toMatch(/Pages:\s+2\n/);
    expect(info).toMatch(/Title:\s+\S+/);
    const trim = info
      .match(/TrimBox:\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)/)!
      .slice(1)
      .map(Number);
    const mm = (pt: number) => (pt * 25.4) / 72;
    expect(mm(trim[2]! - trim[0]!)).toBeCloseTo(275, 0);
    expect(mm(trim[3]! - trim[1]!)).toBeCloseTo(390, 0);
  });

  it('prints every text literally, markup included', async () => {
    const text = (await pdfText(join(dir, 'output/edition.pdf'))).join('\n');
    expect(text).toContain('测试标题第一篇');
    expect(text).toContain('第二版的主标题');
    expect(text).toContain('<script>alert(1)</script>');
    expect(text).toContain('{{title}}');
    expect(text).toContain('&amp;');
  });

  it('embeds only subset, non-Type-3 fonts', async () => {
    const fonts = await pdfFonts(join(dir, 'output/edition.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) {
      expect(f.type).not.toContain('Type 3');
      expect(f.emb && f.sub, f.name).toBe(true);
    }
  });

  it('leaves no Chromium process behind', async () => {
    expect(await zhuanbanChromiums()).toBe(0);
  });
});

describe('zhuanban build failures', () => {
  it('leaves no Chromium process after a build that fails mid-way, and no half-written PDF', async () => {
    const dir = await tempProject({
      'seeds/01.txt': PAGE_ONE,
      'house/edition.hbs': '{{#each pages}}{{> page}}{{/each}}',
      'house/partials/page.hbs': '{{#if}}broken',
      'zhuanban.config.json': JSON.stringify({ templates: 'house' }),
    });
    const result = await runCli(['build', '-q'], dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/page|Parse error/i);
    expect(await zhuanbanChromiums()).toBe(0);
    await expect(readFile(join(dir, 'output/edition.pdf'))).rejects.toThrow();
    await rm(dir, { recursive: true, force: true });
  });

  it('rejects a bad config with the key path, its file:line and exit code 2', async () => {
    const dir = await tempProject({
      'seeds/01.txt': PAGE_ONE,
      'zhuanban.config.json': JSON.stringify({ pageSize: 'huge', fonts: { body: 'comic' } }, null, 2),
    });
    const result = await runCli(['build', '-q'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/zhuanban\.config\.json:2:3: pageSize: /);
    expect(result.stderr).toMatch(/zhuanban\.config\.json:4:5: fonts\.body: /);
    expect(result.stderr).toContain('broadsheet');
    expect(await zhuanbanChromiums()).toBe(0);
    await rm(dir, { recursive: true, force: true });
  });

  it('refuses a missing source with exit code 2', async () => {
    const dir = await tempProject({});
    const result = await runCli(['build', 'nope.txt'], dir);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('nope.txt');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('reproducible builds', () => {
  it('gives byte-identical edition.pdf for the same inputs and SOURCE_DATE_EPOCH', async () => {
    const { createHash } = await import('node:crypto');
    const dir = await tempProject({ 'seeds/01.txt': PAGE_ONE, 'seeds/02.txt': PAGE_TWO });
    const hashes = [];
    for (const out of ['out-a', 'out-b']) {
      const result = await runCli(['build', '-q', '-o', out], dir, { SOURCE_DATE_EPOCH: '1700000000' });
      expect(result.code).toBe(0);
      hashes.push(
        createHash('sha256')
          .update(await readFile(join(dir, out, 'edition.pdf')))
          .digest('hex'),
      );
    }
    expect(hashes[0]).toBe(hashes[1]);
    // And the date in the file is the epoch's, not the clock's.
    expect(await poppler('pdfinfo', [join(dir, 'out-a', 'edition.pdf')])).toMatch(/CreationDate:\s+\w+ Nov 14 .*2023/);
    await rm(dir, { recursive: true, force: true });
  });
});
