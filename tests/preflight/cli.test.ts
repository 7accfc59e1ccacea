/**
 * `zhuanban preflight FILE.pdf [--json]` through the real CLI entry: exit 0 when it passes, 1 when it
 * fails (with page numbers in the text output), 2 for a missing file.
 */
import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { finishPdf } from '../../src/pdf/index.js';
import { BLEED, fixtureMeta, renderPdfs, tempDir } from '../pdf/helpers.js';

let finished: string;
let raw: string;
let dir: string;

const cli = (...args: string[]) =>
  spawnSync(process.execPath, ['bin/zhuanban.mjs', 'preflight', ...args], { encoding: 'utf8', timeout: 60_000 });

beforeAll(async () => {
  dir = await tempDir();
  const [pdf] = await renderPdfs([{}]);
  await writeFile((raw = join(dir, 'raw.pdf')), pdf!);
  await writeFile(
    (finished = join(dir, 'finished.pdf')),
    await finishPdf(pdf!, fixtureMeta(), { bleedMm: BLEED, marks: true }),
  );
});

describe('zhuanban preflight', () => {
  it('exits 0 with a JSON report for a good file', () => {
    const run = cli(finished, '--json', '--trim', '148x210', '--bleed', '3');
    expect(run.status).toBe(0);
    expect(JSON.parse(run.stdout)).toMatchObject({ passed: true, pages: 2, issues: [] });
  });

  it('exits 1 and names checks and pages for a bad file', () => {
    const run = cli(raw, '--trim', '148x210', '--press');
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/FAILED \(2 pages/);
    expect(run.stdout).toMatch(/boxes: pages 1–2: no TrimBox/);
    expect(run.stdout).toMatch(/colour: pages 1–2: RGB in a file meant for press/);
  });

  it('exits 2 for a missing file or a bad option', () => {
    expect(cli(join(dir, 'missing.pdf')).status).toBe(2);
    const bad = cli(finished, '--trim', 'big');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/--trim needs WIDTHxHEIGHT/);
  });
});
