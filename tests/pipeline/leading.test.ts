/**
 * A leading that is no whole number of Chromium's layout units (14 pt is 18.667 px; Chromium sets
 * lines 1/64 px apart at best): the make-up's line grid must count lines as Chromium stacks them, or
 * every long column overruns its last line and the copy is overset.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { parseSource } from '../../src/parse/index.js';
import { lineGridPx } from '../../src/render/geometry.js';
import { pdfText, ROOT, runCli, tempProject } from '../helpers/cli.js';
import { counted, missingFrom } from '../helpers/tree-text.js';

const SEED = '000_77fb36e5b7f7e4dd.txt';

describe('an edition at 10/14 pt on A4', () => {
  let dir: string;
  let result: Awaited<ReturnType<typeof runCli>>;
  beforeAll(async () => {
    dir = await tempProject({
      [`pages/${SEED}`]: await readFile(join(ROOT, 'seeds', SEED)),
      'zhuanban.config.json': JSON.stringify({ sources: ['pages'], pageSize: 'A4', bodySize: 10, bodyLeading: 14 }),
    });
    result = await runCli(['build'], dir, { SOURCE_DATE_EPOCH: '1700000000' });
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('sets the leading Chromium sets: the nearest 1/64 px', () => {
    expect(lineGridPx(14)).toBe(18.671875);
    expect(lineGridPx(13)).toBe(17.328125);
    expect(lineGridPx(9)).toBe(12);
  });

  it('oversets nothing and prints every character of the copy', async () => {
    expect(result.code, result.stderr).toBe(0);
    const report = JSON.parse(await readFile(join(dir, 'output/report.json'), 'utf8'));
    expect(report.pages.length).toBeGreaterThan(1);
    expect(report.pages.map((p: { oversetChars: number }) => p.oversetChars)).toEqual(report.pages.map(() => 0));
    const printed = counted((await pdfText(join(dir, 'output/edition.pdf'))).join(''));
    const { tree } = parseSource(await readFile(join(ROOT, 'seeds', SEED)), SEED);
    // Each paragraph and caption whole and in order (a caption may stand below the text it goes with).
    const pieces = tree.articles.flatMap((a) => [
      a.headline,
      ...[...a.lede, ...a.children].map((n) =>
        n.type === 'figure' ? n.caption : n.children.map((t: { value: string }) => t.value).join(''),
      ),
    ]);
    for (const piece of pieces) expect(missingFrom(printed, counted(piece)), piece).toBe(-1);
  });
});
