/**
 * Test fixtures for the print-ready stage: small real PDFs from real Chromium with real fonts (no mocks), plus thin
 * wrappers over poppler tools so tests assert on what the PDFs say.
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import { withBrowser } from '../../src/print/browser.js';
import { runTool } from '../../src/pdf/run-tool.js';
import type { EditionMeta } from '../../src/pdf/index.js';

export const FONT = resolve(
  'node_modules/@fontsource/noto-serif-sc/files/noto-serif-sc-chinese-simplified-400-normal.woff2',
);
export const TRIM = { width: 148, height: 210 };
export const BLEED = 3;
export const HEADLINES = [['健康中国行动稳步推进', '基层医疗服务能力提升'], ['医保改革惠及千家万户']];

/**
 * Characters with neighbouring code points: a subset font maps them to consecutive codes, the runs whose
 * ToUnicode Ghostscript 10.00 garbles (src/pdf/tounicode-repair.ts), so the fixture must carry some.
 */
export const CONSECUTIVE_CODES = '一丁七万丈三上下，不与丑专且世丘丙业丛东丝。';

/** A fixed build time so finished files are comparable. */
export const FIXED_DATE = new Date(Date.UTC(2025, 5, 1, 8, 30, 0));

/** Metadata for the fixture edition. */
export function fixtureMeta(date = FIXED_DATE): EditionMeta {
  return {
    title: '示例日报 卫生健康专版 2025-06-01',
    author: '示例日报',
    subject: '卫生健康 2025-06-01',
    keywords: ['卫生健康', '专版', '示例日报'],
    lang: 'zh-CN',
    producer: 'zhuanban test',
    date,
    pages: HEADLINES.map((articles, i) => ({
      number: 19 + i,
      label: `第${19 + i}版 卫生健康`,
      articles: articles.map((headline) => ({ headline })),
    })),
  };
}

export interface FixtureOptions {
  /** CSS font-family for all text; 'Noto Serif CJK SC' uses Debian's CFF font (→ Type 3 in Chromium). */
  family?: string;
  bleedMm?: number;
  /** An <img> of `pixels`×`pixels` placed `mm` wide (for ppi checks). */
  image?: { pixels: number; mm: number };
  /** A paragraph with `opacity: .6` (real transparency, which PDF/X-1a cannot hold). */
  translucent?: boolean;
  /** A hyperlink (Chromium writes a /Link annotation with a URI action). */
  link?: boolean;
  /** A repeating-linear-gradient box (Chromium writes a function-based shading). */
  hatch?: boolean;
}

/** A PNG of a red/blue checkerboard, made with zlib so tests need no image library. */
export function checkerPng(size: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const out = Buffer.alloc(12 + data.length);
    out.writeUInt32BE(data.length, 0);
    body.copy(out, 4);
    out.writeUInt32BE(crc32(body) >>> 0, 8 + data.length);
    return out;
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++)
      rows.set((x + y) % 2 ? [200, 30, 30] : [30, 30, 200], y * (1 + size * 3) + 1 + x * 3);
  }
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The print stage's contract: pages of trim + 2×bleed, trim area at (bleed, bleed), backgrounds into the bleed. */
export function fixtureHtml(options: FixtureOptions = {}): string {
  const bleed = options.bleedMm ?? BLEED;
  const w = TRIM.width + 2 * bleed;
  const h = TRIM.height + 2 * bleed;
  const image = options.image
    ? `<img src="data:image/png;base64,${checkerPng(options.image.pixels).toString('base64')}" style="width:${options.image.mm}mm;height:${options.image.mm}mm;display:block;margin:5mm 15mm">`
    : '';
  const extras = [
    options.translucent ? '<p style="opacity:.6">半透明的文字</p>' : '',
    options.link ? '<p><a href="https://example.com/">链接文字</a></p>' : '',
    options.hatch
      ? '<div style="height:20mm;margin:3mm 15mm;background:repeating-linear-gradient(135deg,#d8d8d8 0 6px,#cfcfcf 6px 12px)"></div>'
      : '',
  ].join('');
  const pages = HEADLINES.map(
    (articles, i) => `<section class="page"><div class="band"></div><div class="trim">
    <div class="folio">第${19 + i}版 卫生健康</div>
    ${articles.map((a) => `<h2>${a}</h2><p>为深入实施健康中国战略，各地卫生健康部门持续推进基层医疗卫生服务体系建设，群众就医获得感不断增强。</p>`).join('')}
    ${i === 0 ? `<p>${CONSECUTIVE_CODES}</p>` : ''}${i === 0 ? image : ''}${i === 0 ? extras : ''}</div></section>`,
  ).join('');
  return `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>fixture</title><style>
@font-face { font-family: 'Fixture Serif'; src: url('file://${FONT}') format('woff2'); font-weight: 400; }
@page { size: ${w}mm ${h}mm; margin: 0 }
html, body { margin: 0; padding: 0 }
body { font-family: ${options.family ? `'${options.family}'` : "'Fixture Serif'"}; font-size: 10pt }
.page { position: relative; width: ${w}mm; height: ${h}mm; overflow: hidden; break-after: page; background: #fff }
.band { position: absolute; left: 0; top: 0; width: ${w}mm; height: ${bleed + 30}mm; background: #c8102e }
.trim { position: absolute; left: ${bleed}mm; top: ${bleed}mm; width: ${TRIM.width}mm; height: ${TRIM.height}mm }
.folio { position: absolute; top: 10mm; left: 15mm; color: #fff; font-size: 14pt }
h2 { font-weight: 400; font-size: 18pt; margin: 40mm 15mm 3mm } h2 + p + h2 { margin-top: 8mm }
p { margin: 0 15mm }
</style></head><body>${pages}</body></html>`;
}

/** Render fixture HTML variants with one Chromium session, the way the print stage does. */
export async function renderPdfs(variants: FixtureOptions[]): Promise<Uint8Array[]> {
  const dir = await mkdtemp(join(tmpdir(), 'zb-fixture-'));
  return withBrowser(60_000, async (session) => {
    const results: Uint8Array[] = [];
    for (const [index, options] of variants.entries()) {
      const file = join(dir, `fixture-${index}.html`);
      await writeFile(file, fixtureHtml(options));
      const page = await session.newPage();
      await page.goto(`file://${file}`, { waitUntil: 'load' });
      await page.evaluate(() => document.fonts.ready.then(() => undefined));
      const bleed = options.bleedMm ?? BLEED;
      results.push(
        await page.pdf({
          width: `${TRIM.width + 2 * bleed}mm`,
          height: `${TRIM.height + 2 * bleed}mm`,
          printBackground: true,
          tagged: true,
          outline: true,
        }),
      );
      await page.close();
    }
    if (session.problems.length) throw new Error(`Chromium problems: ${JSON.stringify(session.problems)}`);
    return results;
  });
}

/** A fresh temp dir for a test file's outputs. */
export function tempDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'zb-test-'));
}

/** Run a poppler/gs tool and return stdout; fails the test on a non-zero exit. */
export async function tool(command: string, args: string[]): Promise<string> {
  const result = await runTool(command, args, 60_000);
  if (result.code !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.code}: ${result.stderr}`);
  return result.stdout;
}

/** pdfinfo -box per page: { MediaBox: [x0,y0,x1,y1], … }. */
export async function pageBoxes(file: string): Promise<Record<string, number[]>[]> {
  const out = await tool('pdfinfo', ['-box', '-f', '1', '-l', '999', file]);
  const pages: Record<string, number[]>[] = [];
  for (const match of out.matchAll(/^Page\s+(\d+)\s+(\w+Box):\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)\s+([-\d.]+)/gm)) {
    const index = Number(match[1]) - 1;
    (pages[index] ??= {})[match[2]!] = match.slice(3, 7).map(Number);
  }
  return pages;
}

/** pdffonts rows as objects. */
export async function fontRows(file: string): Promise<{ name: string; type: string; emb: string; sub: string }[]> {
  const lines = (await tool('pdffonts', [file])).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const m = /^(\S+)\s+(.+?)\s{2,}(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)/.exec(line)!;
    return { name: m[1]!, type: m[2]!.trim(), emb: m[4]!, sub: m[5]! };
  });
}

/** Millimetres → points, for assertions. */
export const pt = (mm: number) => (mm * 72) / 25.4;
