/**
 * The make-up on the real seeds: every page filled, nothing overset, no widows or orphans; and an
 * independent check: the text pdfjs-dist extracts holds every character of every article, in order.
 * And the edition: at least five broadsheet pages, headlines in the text, fonts a print shop accepts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../src/parse/index.js';
import { pdfFonts, pdfText, poppler, ROOT, runCli, tempProject, zhuanbanChromiums } from '../helpers/cli.js';
import { articlePrintText, counted, missingFrom } from '../helpers/tree-text.js';

/** What these tests read from report.json. */
type Report = {
  pages: {
    number: number;
    source: string;
    fill: number;
    oversetChars: number;
    widows: number;
    orphans: number;
    singleCharLines: number;
    unbalancedModules: number;
    multiLineHeads: number;
    midPhraseHeads: number;
    midPhraseTexts: string[];
  }[];
};

describe('edition built from seeds/', () => {
  let dir: string;
  let report: Report;
  let pages: string[];
  beforeAll(async () => {
    dir = await tempProject({}, true);
    const result = await runCli(['build', '--strict', '--press-ready'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(result.stderr).toContain('wrote');
    expect(result.code).toBe(0);
    report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8'));
    pages = await pdfText(join(dir, 'output/edition.pdf'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('has one broadsheet page per seed', async () => {
    expect(pages.length).toBeGreaterThanOrEqual(5);
    const info = await poppler('pdfinfo', ['-box', join(dir, 'output/edition.pdf')]);
    const trim = info
      .match(/TrimBox:\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)\s+([\d.-]+)/)!
      .slice(1)
      .map(Number);
    expect(((trim[2]! - trim[0]!) * 25.4) / 72).toBeCloseTo(390, 0);
    expect(((trim[3]! - trim[1]!) * 25.4) / 72).toBeCloseTo(545, 0);
  });

  it('fills every page with nothing overset and no widows or orphans', () => {
    for (const page of report.pages) {
      expect(page.fill, `page ${page.number}`).toBeGreaterThanOrEqual(0.97);
      expect(page.oversetChars, `page ${page.number}`).toBe(0);
      expect(page.widows + page.orphans + page.singleCharLines, `page ${page.number}`).toBe(0);
    }
  });

  it('ends the text columns of every module level (within a line) on every page', () => {
    // Page 2 holds a two-column item whose 44 lines have no level cut (it would orphan a line) and no
    // subhead or byline to open a line before: the make-up copyfits it by re-tracking a paragraph.
    for (const page of report.pages) expect(page.unbalancedModules, `page ${page.number}`).toBe(0);
  });

  it('breaks no two-line head inside a phrase', () => {
    expect(report.pages.reduce((n, p) => n + p.multiLineHeads, 0)).toBeGreaterThan(10);
    for (const page of report.pages) expect(page.midPhraseTexts, `page ${page.number}`).toEqual([]);
  });

  it('prints every character of every article, in order', async () => {
    const names = (await readdir(join(ROOT, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
    for (const [i, name] of names.entries()) {
      const { tree } = parseSource(await readFile(join(ROOT, 'seeds', name)), name);
      const printed = counted(pages[i]!);
      for (const article of tree.articles) {
        const wanted = counted(articlePrintText(article));
        const missing = missingFrom(printed, wanted);
        expect(
          missing,
          `${name} 「${article.headline}」 missing from char ${missing}: ${wanted.slice(missing, missing + 20)}`,
        ).toBe(-1);
      }
    }
  });

  it('embeds only subset non-Type-3 fonts and leaves no Chromium running', async () => {
    for (const f of await pdfFonts(join(dir, 'output/edition.pdf'))) {
      expect(f.type).not.toContain('Type 3');
      expect(f.emb && f.sub).toBe(true);
    }
    expect(await zhuanbanChromiums()).toBe(0);
  });

  it('sets the type palette in serif, sans and Kai faces, all CID TrueType, in the PDF and its PDF/X', async () => {
    for (const file of ['output/edition.pdf', 'output/edition-pdfx.pdf']) {
      const fonts = await pdfFonts(join(dir, file));
      const families = new Set(
        fonts.map((f) => f.name.replace(/^[A-Z]{6}\+/, '').replace(/(ExtraLight|Thin)?-.*$/, '')),
      );
      expect([...families].sort(), file).toEqual(['LXGWWenKai', 'NotoSansSC', 'NotoSerifSC']);
      for (const f of fonts) expect(f.type, `${file} ${f.name}`).toBe('CID TrueType');
    }
  });
});

describe('the seeds in the daily house style', () => {
  it('builds every page filled, nothing overset, columns level, vertical heads in narrow modules, heads in sans and standfirsts, bylines and captions in Kai', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ style: 'daily' }) }, true);
    const result = await runCli(['build', '--strict', '-q'], dir);
    expect(result.code, result.stderr).toBe(0);
    const daily = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8')) as Report;
    expect(daily.pages.length).toBeGreaterThanOrEqual(5);
    for (const page of daily.pages) {
      expect(page.fill, `page ${page.number}`).toBeGreaterThanOrEqual(0.97);
      expect(page.oversetChars + page.widows + page.orphans + page.singleCharLines, `page ${page.number}`).toBe(0);
      expect(page.midPhraseTexts, `page ${page.number}`).toEqual([]);
      expect(page.unbalancedModules, `page ${page.number}`).toBe(0);
    }
    const proof = await readFile(join(dir, 'output/proof/page-01.html'), 'utf8');
    expect(proof).toContain('class="page style-daily"');
    // The two-column items of page 2 stand their heads vertically, each in a column of its own.
    const grid = await readFile(join(dir, 'output/proof/page-02.html'), 'utf8');
    const vertical = [...grid.matchAll(/<article class="module[^"]*\bvertical-head\b[^>]*--cs: (\d+)/g)];
    expect(vertical.length).toBeGreaterThanOrEqual(4);
    for (const m of vertical) expect(Number(m[1])).toBeLessThanOrEqual(2);
    const names = new Set(
      (await pdfFonts(join(dir, 'output/edition.pdf'))).map((f) => f.name.replace(/^[A-Z]{6}\+/, '')),
    );
    expect([...names].some((n) => n.startsWith('NotoSansSC') && n.endsWith('-Black'))).toBe(true);
    expect([...names].some((n) => n.startsWith('LXGWWenKai'))).toBe(true);
    await rm(dir, { recursive: true, force: true });
  });
});

describe('copy too long for one page', () => {
  it('continues on a following page with jump lines, nothing cut', async () => {
    const paragraph = (n: number) =>
      `第${n}段正文。${'社会保障是民生安全网，医疗服务关系千家万户，基层卫生工作需要长期投入和细致管理。'.repeat(6)}`;
    const body = Array.from({ length: 60 }, (_, i) => paragraph(i + 1)).join('\n\n');
    const dir = await tempProject({
      'seeds/01.txt': `人民医院 一篇很长很长的报道\n\n${body}\n\n张三\n`,
      'zhuanban.config.json': JSON.stringify({ pageSize: 'A4' }),
    });
    const result = await runCli(['build', '-q'], dir);
    expect(result.code).toBe(0);
    const text = (await pdfText(join(dir, 'output/edition.pdf'))).map((t) => t.replace(/\s+/g, ''));
    expect(text.length).toBeGreaterThanOrEqual(2);
    expect(text[0]).toMatch(/下转第2版/);
    expect(text[1]).toMatch(/上接第1版/);
    const all = counted(text.join(''));
    for (let n = 1; n <= 60; n++) expect(all, `paragraph ${n}`).toContain(counted(`第${n}段正文`));
    expect(result.stderr).toContain('continued');
    await rm(dir, { recursive: true, force: true });
  });
});

describe('the seeds on a smaller page', () => {
  it('moves or continues what a tabloid page cannot hold, filling every page and printing every character in order', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ pageSize: 'tabloid' }) }, true);
    const result = await runCli(['build', '-q'], dir);
    expect(result.stderr).not.toContain('error');
    expect(result.code).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8')) as {
      pages: { number: number; fill: number; oversetChars: number }[];
    };
    expect(report.pages.length).toBeGreaterThan(5);
    for (const page of report.pages) {
      expect(page.fill, `page ${page.number}`).toBeGreaterThanOrEqual(0.97);
      expect(page.oversetChars, `page ${page.number}`).toBe(0);
    }
    // A moved or continued story is printed on the pages after its source's page, so the edition as a whole
    // holds every article's characters in order.
    const printed = counted((await pdfText(join(dir, 'output/edition.pdf'))).join(''));
    const names = (await readdir(join(ROOT, 'seeds'))).filter((n) => n.endsWith('.txt')).sort();
    for (const name of names)
      for (const article of parseSource(await readFile(join(ROOT, 'seeds', name)), name).tree.articles) {
        const wanted = counted(articlePrintText(article));
        const missing = missingFrom(printed, wanted);
        expect(missing, `${name} 「${article.headline}」 missing from char ${missing}`).toBe(-1);
      }
    await rm(dir, { recursive: true, force: true });
  });
});
