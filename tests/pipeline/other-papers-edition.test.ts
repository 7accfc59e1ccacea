/**
 * The importer meets the build and the make-up: pages from other papers (the other-paper fixtures: 引题/——副题 stacks,
 * reporter bylines with roles, 图为 captions with `X 摄` credits, numbered subheads, an editor's note)
 * go through the whole build, and the PDF prints every character of every article, in order,
 * role words and author notes included.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../src/parse/index.js';
import { pdfText, poppler, ROOT, runCli, tempProject } from '../helpers/cli.js';
import { scoreRoundTrip } from '../parse/roundtrip.js';
import { articlePrintText, counted, missingFrom } from '../helpers/tree-text.js';

const FIXTURES = join(ROOT, 'tests', 'fixtures');

describe('edition built from other papers’ pages', () => {
  let dir: string;
  let names: string[];
  let printed: string;
  beforeAll(async () => {
    names = (await readdir(FIXTURES))
      .filter((n) => n.startsWith('other-paper-') || n === 'foreign-layout-pdftotext')
      .sort();
    const files: Record<string, Uint8Array> = {};
    for (const n of names) files[`pages/${n}.txt`] = await readFile(join(FIXTURES, n, 'input.txt'));
    dir = await tempProject({
      ...files,
      'zhuanban.config.json': JSON.stringify({ sources: ['pages'], pageSize: 'tabloid' }),
    });
    const result = await runCli(['build'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
    expect(result.code, result.stderr).toBe(0);
    printed = counted((await pdfText(join(dir, 'output/edition.pdf'))).join(''));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('prints every character of every article in order, with kickers, role words and photo credits', async () => {
    let roles = 0;
    for (const n of names) {
      const { tree } = parseSource(await readFile(join(FIXTURES, n, 'input.txt')), `${n}.txt`);
      for (const article of tree.articles) {
        if (article.byline.note) roles++;
        const wanted = counted(articlePrintText(article));
        const missing = missingFrom(printed, wanted);
        expect(
          missing,
          `${n} 「${article.headline}」 missing from char ${missing}: ${wanted.slice(missing, missing + 20)}`,
        ).toBe(-1);
      }
    }
    expect(roles).toBeGreaterThan(3);
    for (const words of ['城乡一体化办学的新探索', '本报记者周航', '新华社记者王刚摄', '作者单位'])
      expect(printed).toContain(words);
  });

  it('reads back from its own pdftotext: most headlines and nearly all paragraphs (a regression bar, measured 6/7 and 28/28)', async () => {
    const originals = [];
    for (const n of names) originals.push(parseSource(await readFile(join(FIXTURES, n, 'input.txt')), `${n}.txt`).tree);
    const text = await poppler('pdftotext', [join(dir, 'output/edition.pdf'), '-']);
    const score = scoreRoundTrip(originals, [parseSource(new TextEncoder().encode(text), 'edition.txt').tree]);
    console.log(
      `other papers round trip: headlines ${score.headlines.found}/${score.headlines.total}, paragraphs ${score.paragraphs.exact}/${score.paragraphs.total}`,
    );
    expect(score.headlines.found).toBeGreaterThanOrEqual(6);
    expect(score.paragraphs.exact).toBeGreaterThanOrEqual(28);
  });
});
