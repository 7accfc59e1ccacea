/**
 * The output folder is replaced as a whole. A shorter edition after a longer one leaves no old page
 * proofs; a build that fails late (Ghostscript) leaves the previous output byte-identical, with no new
 * edition.pdf beside the old edition-pdfx.pdf and no proof/.edition.html; a lock keeps two builds into
 * one folder apart; a folder holding someone else's files is never replaced.
 */
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, snapshot, tempProject } from '../helpers/cli.js';

const A = 'seeds/004_964961963c6d44a0.txt';
const B = 'seeds/003_816685f96a0d55c3.txt';

async function twoSources(): Promise<string> {
  return tempProject({
    'a.txt': await readFile(join(ROOT, A), 'utf8'),
    'b.txt': await readFile(join(ROOT, B), 'utf8'),
  });
}

describe('the output folder is replaced as a whole', () => {
  it('a 1-page build after a 2-page one leaves no old page-02.html', async () => {
    const dir = await twoSources();
    expect((await runCli(['build', '-q', 'a.txt', 'b.txt'], dir)).code).toBe(0);
    const pages = async () => (await readdir(join(dir, 'output', 'proof'))).filter((n) => n.endsWith('.html')).sort();
    expect(await pages()).toEqual(['index.html', 'page-01.html', 'page-02.html']);
    const r = await runCli(['build', '-q', 'a.txt'], dir);
    expect(r.code, r.stderr).toBe(0);
    expect(await pages()).toEqual(['index.html', 'page-01.html']);
    expect((await readdir(dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
  });

  it('a Ghostscript failure leaves the previous output byte-identical', async () => {
    const dir = await twoSources();
    expect((await runCli(['build', '-q', '--press-ready', 'a.txt', 'b.txt'], dir)).code).toBe(0);
    const before = await snapshot(join(dir, 'output'));
    expect(Object.keys(before)).toContain('edition-pdfx.pdf');
    // A later build with one source fails in Ghostscript, after its proofs and edition.pdf were made.
    const bin = join(dir, 'fake-bin');
    await mkdir(bin);
    await writeFile(join(bin, 'gs'), '#!/bin/sh\necho "gs: simulated failure" >&2\nexit 1\n', { mode: 0o755 });
    const failed = await runCli(['build', '-q', '--press-ready', 'a.txt'], dir, { PATH: `${bin}:${process.env.PATH}` });
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/Ghostscript failed/);
    expect(await snapshot(join(dir, 'output'))).toEqual(before);
    expect(await readdir(join(dir, 'output', 'proof'))).not.toContain('.edition.html');
    expect((await readdir(dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
  });

  it('a lock held by a running build keeps a second build out; a stale lock is taken over', async () => {
    const dir = await tempProject({ 'a.txt': await readFile(join(ROOT, A), 'utf8') });
    await writeFile(join(dir, '.output.zhuanban-lock'), `${process.pid}\n`);
    const held = await runCli(['build', '-q', 'a.txt'], dir);
    expect(held.stderr).toMatch(new RegExp(`another zhuanban build \\(process ${process.pid}\\) is writing .*output`));
    expect(held.code).toBe(2);
    await writeFile(join(dir, '.output.zhuanban-lock'), '999999999\n');
    const stale = await runCli(['build', '-q', 'a.txt'], dir);
    expect(stale.code, stale.stderr).toBe(0);
    expect((await readdir(dir)).filter((n) => n.startsWith('.output.'))).toEqual([]);
  });

  it('never replaces a folder holding files zhuanban did not write', async () => {
    const dir = await tempProject({ 'a.txt': await readFile(join(ROOT, A), 'utf8'), 'mine/notes.txt': 'keep me' });
    const r = await runCli(['build', '-q', 'a.txt', '-o', 'mine'], dir);
    expect(r.stderr).toMatch(/mine holds files zhuanban did not write \(notes\.txt\)/);
    expect(r.code).toBe(2);
    expect(await readFile(join(dir, 'mine', 'notes.txt'), 'utf8')).toBe('keep me');
  });
});
