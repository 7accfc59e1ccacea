/**
 * Real photos end to end: a .txt source with its photo folder and a .md source with images beside it
 * build with every photo placed at print resolution; a huge JPEG is downsampled; references outside the
 * project and URLs are refused at file:line and never read or fetched (a loopback listener sees nothing,
 * not even from a house template); a soft photo and a missing one fail `--strict`.
 */
import { execFile } from 'node:child_process';
import { readFile, rm, symlink, mkdir, writeFile, cp } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pathToFileURL } from 'node:url';
import { launchBrowser } from '../../src/print/browser.js';
import { pdfFonts, ROOT, runCli, tempProject } from '../helpers/cli.js';
import { flatJpeg, loopbackListener, testPhoto } from './helpers.js';

const exec = promisify(execFile);
const SEED = 'seeds/000_77fb36e5b7f7e4dd.txt';
const para = (s: string, n: number) =>
  Array.from({ length: n }, (_, i) => `${s}第${i + 1}句话说明这一段的内容。`).join('');

const CLEAN_MD = `# 院区新貌焕然一新 服务群众更加便捷

${para('医院新院区投入使用以来，门诊量稳步上升，', 50)}

${para('新院区设有门诊、急诊、住院和医技四个区域，', 40)}

![院区新貌](photos/new.jpg#focus=0.3,0.4 "摄影 王五")

${para('检验科引进新设备后，报告时间明显缩短，', 30)}

# 检验科提速增效

${para('检验科全体人员加班加点，', 40)}

${para('检验科还开通了线上查询报告的服务，', 30)}

![检验科](photos/cmyk.jpg)

${para('患者对检验服务的满意度持续提高，', 20)}
`;

interface ImageRow {
  page: number;
  width: number;
  height: number;
  xppi: number;
}

async function pdfImages(path: string): Promise<ImageRow[]> {
  const { stdout } = await exec('pdfimages', ['-list', path]);
  return stdout
    .split('\n')
    .slice(2)
    .filter(Boolean)
    .map((line) => {
      const c = line.trim().split(/\s+/);
      return { page: Number(c[0]), width: Number(c[3]), height: Number(c[4]), xppi: Number(c[12]) };
    });
}

describe('photos: a clean project', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: {
    pages: { shares: { photos: number } }[];
    photos: {
      placed: { file: string; effectivePpi: number; embeddedPpi: number; embeddedPixels: [number, number] }[];
      unused: string[];
    };
    diagnostics: { ruleId: string; severity: string; file: string; line: number; message: string }[];
    preflight: Record<string, { passed: boolean }>;
  };
  beforeAll(async () => {
    dir = await tempProject({
      'src/p1.txt': await readFile(join(ROOT, SEED)),
      'src/p1/深入社区开展义诊.jpg': await testPhoto(2400, 1600, 20),
      'src/p1/a-big.jpg': await flatJpeg(9000, 6000),
      // Stored upright with EXIF orientation 6: a landscape photo once turned.
      'src/p1/b-turned.jpg': await sharp(await testPhoto(1600, 2400, 140))
        .withMetadata({ orientation: 6 })
        .jpeg()
        .toBuffer(),
      'src/p1/c-graphic.png': await testPhoto(1800, 1200, 260, 'png'),
      'src/p2.md': CLEAN_MD,
      'src/photos/new.jpg': await testPhoto(3600, 2400, 200),
      'src/photos/cmyk.jpg': await sharp(await testPhoto(3000, 2100, 320))
        .toColourspace('cmyk')
        .jpeg()
        .toBuffer(),
      'zhuanban.config.json': JSON.stringify({ sources: ['src/p1.txt', 'src/p2.md'] }),
    });
    result = await runCli(['build', '--strict', '--press-ready', '-q'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8'));
  }, 240_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('places every photo, by caption name first, and passes --strict and preflight', () => {
    for (const page of report.pages) expect(page.shares.photos).toBeGreaterThan(0.05);
    expect(result.stderr).toContain('preflight edition-pdfx.pdf: passed');
    expect(result.code).toBe(0);
    const files = report.photos.placed.map((p) => p.file).sort();
    expect(files).toEqual([
      'src/p1/a-big.jpg',
      'src/p1/b-turned.jpg',
      'src/p1/c-graphic.png',
      'src/p1/深入社区开展义诊.jpg',
      'src/photos/cmyk.jpg',
      'src/photos/new.jpg',
    ]);
    expect(report.photos.unused).toEqual([]);
    for (const p of report.photos.placed) expect(p.effectivePpi).toBeGreaterThanOrEqual(200);
    expect(report.preflight.edition!.passed).toBe(true);
    expect(report.preflight.pdfx!.passed).toBe(true);
  });

  it('applies the EXIF orientation and says when a colour space was converted', () => {
    const turned = report.photos.placed.find((p) => p.file.endsWith('b-turned.jpg'))!;
    expect(turned.embeddedPixels[0]).toBeGreaterThan(turned.embeddedPixels[1]);
    expect(report.diagnostics.find((d) => d.ruleId === 'colour-converted')).toMatchObject({
      severity: 'info',
      file: 'src/p2.md',
    });
  });

  it('downsamples to at most 300 ppi at placed size and keeps the PDF small', async () => {
    const images = await pdfImages(join(dir, 'output/edition.pdf'));
    expect(images).toHaveLength(6);
    for (const image of images) expect(image.xppi).toBeLessThanOrEqual(301);
    expect(Math.max(...images.map((i) => i.width))).toBeLessThan(9000);
    const big = report.photos.placed.find((p) => p.file.endsWith('a-big.jpg'))!;
    expect(big.embeddedPpi).toBeLessThanOrEqual(300);
    const { size } = await import('node:fs/promises').then((fs) => fs.stat(join(dir, 'output/edition.pdf')));
    expect(size).toBeLessThan(8 * 1024 * 1024);
  });

  it('writes a proof folder that opens elsewhere with its fonts, styles and photos', async () => {
    const elsewhere = await tempProject({});
    await cp(join(dir, 'output/proof'), join(elsewhere, 'proof'), { recursive: true });
    const html = await readFile(join(elsewhere, 'proof/index.html'), 'utf8');
    expect(html).not.toContain('node_modules');
    const session = await launchBrowser(60_000);
    try {
      session.allow(join(elsewhere, 'proof'));
      const page = await session.newPage();
      await page.goto(pathToFileURL(join(elsewhere, 'proof/index.html')).href, { waitUntil: 'load' });
      await page.evaluate('document.fonts.ready.then(() => true)');
      const seen = (await page.evaluate(`({
        fonts: document.fonts.check('16px "Noto Serif SC"', '党建引领'),
        loadedFaces: [...document.fonts].filter((f) => f.status === 'loaded').length,
        styled: getComputedStyle(document.querySelector('.page')).position,
        photos: [...document.querySelectorAll('img[data-photo]')].map((img) => img.complete && img.naturalWidth > 0),
      })`)) as { fonts: boolean; loadedFaces: number; styled: string; photos: boolean[] };
      expect(seen.fonts).toBe(true);
      expect(seen.loadedFaces).toBeGreaterThan(0);
      expect(seen.styled).not.toBe('static');
      expect(seen.photos).toEqual([true, true, true, true, true, true]);
      expect(session.problems).toEqual([]);
    } finally {
      await session.close();
      await rm(elsewhere, { recursive: true, force: true });
    }
  });

  it('embeds only CID TrueType fonts', async () => {
    const fonts = await pdfFonts(join(dir, 'output/edition.pdf'));
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f.type).toBe('CID TrueType');
  });
});

describe('photos: what is refused or reported', () => {
  let dir: string;
  let outside: string;
  let listener: Awaited<ReturnType<typeof loopbackListener>>;
  let result: Awaited<ReturnType<typeof runCli>>;
  let report: {
    pages: { shares: { copy: number; photos: number; emptySlots: number } }[];
    photos: { placed: { file: string }[] };
    diagnostics: { ruleId: string; severity: string; file: string; line: number; message: string }[];
    browserProblems: { kind: string; url: string }[];
  };
  beforeAll(async () => {
    listener = await loopbackListener();
    outside = await tempProject({ 'secret.jpg': await testPhoto(1200, 800, 0) });
    const md = `# 拒绝外部图片的测试稿件

${para('这是正文，', 12)}

![外部](../../${outside.split('/').pop()}/secret.jpg)

![绝对路径](${outside}/secret.jpg)

![文件地址](file://${outside}/secret.jpg)

![网络地址](${listener.url}/photo.png)

![链接](photos/link.jpg)

![缺失的照片](photos/missing.jpg)

![低清照片](photos/low.jpg)

${para('正文继续，', 12)}
`;
    dir = await tempProject({
      'src/bad.md': md,
      'src/photos/low.jpg': await testPhoto(300, 200, 60),
      'zhuanban.config.json': JSON.stringify({ pageSize: 'A4', sources: ['src/bad.md'], templates: 'house' }),
    });
    await symlink(join(outside, 'secret.jpg'), join(dir, 'src/photos/link.jpg'));
    // A house template that asks for a picture on the network.
    await cp(join(ROOT, 'templates'), join(dir, 'house'), { recursive: true });
    const page = join(dir, 'house/partials/page.hbs');
    await writeFile(
      page,
      (await readFile(page, 'utf8')).replace(
        '<div class="trim">',
        `<div class="trim"><img src="${listener.url}/template.png" alt="">`,
      ),
    );
    await mkdir(join(dir, 'output'), { recursive: true });
    result = await runCli(['build', '--strict', '-q'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8'));
  }, 240_000);
  afterAll(async () => {
    listener.server.close();
    await rm(dir, { recursive: true, force: true });
    await rm(outside, { recursive: true, force: true });
  });

  it('refuses paths outside the project and every URL at file:line; nothing reaches the listener', () => {
    const refused = report.diagnostics.filter((d) => d.ruleId === 'image-refused');
    expect(refused.map((d) => [d.file, d.line, d.severity])).toEqual([
      ['src/bad.md', 5, 'error'],
      ['src/bad.md', 7, 'error'],
      ['src/bad.md', 9, 'error'],
      ['src/bad.md', 11, 'error'],
      ['src/bad.md', 13, 'error'],
    ]);
    expect(listener.requests).toEqual([]);
    expect(report.browserProblems.filter((p) => p.kind === 'blocked').map((p) => p.url)).toEqual([
      `${listener.url}/template.png`,
    ]);
  });

  it('embeds only the project photo, and reports the missing and the soft one', async () => {
    expect(report.photos.placed.map((p) => p.file)).toEqual(['src/photos/low.jpg']);
    expect((await pdfImages(join(dir, 'output/edition.pdf'))).length).toBe(1);
    expect(report.diagnostics.find((d) => d.ruleId === 'missing-image')).toMatchObject({
      file: 'src/bad.md',
      line: 15,
      severity: 'error',
    });
    const low = report.diagnostics.find((d) => d.ruleId === 'low-resolution')!;
    expect(low).toMatchObject({ file: 'src/bad.md', line: 17, severity: 'warning' });
    expect(low.message).toMatch(/照片 “低清照片” 在第1版仅 \d+ ppi/);
  });

  it('splits the fill honestly: empty slots are counted as such and warned about', () => {
    const shares = report.pages[0]!.shares;
    expect(shares.emptySlots).toBeGreaterThan(0.35);
    expect(shares.photos).toBeGreaterThan(0);
    expect(shares.copy + shares.photos + shares.emptySlots).toBeLessThanOrEqual(1.001);
    expect(report.diagnostics.find((d) => d.ruleId === 'empty-slots')?.message).toMatch(
      /empty photo slots take \d+% of the page; \d+ photo\(s\) in src\/bad\/ or about \d+ more lines/,
    );
  });

  it('fails --strict and says why', () => {
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/strict: src\/bad.md:15: missing-image/);
    expect(result.stderr).toMatch(/strict: src\/bad.md:17: low-resolution/);
  });
});
