/**
 * One shutdown path: SIGINT, SIGTERM and SIGHUP sent to a real `zhuanban build` at several moments (while
 * Chromium starts, during layout, during print, during Ghostscript) leave no Chromium process, no
 * `zhuanban-chromium-*` or `zhuanban-pdfx-*` folder, no staging folder or lock, and the previous output
 * exactly as it was; the exit code is 128 + the signal. `zhuanban preview` stopped during its first build
 * exits too, with no browser left. Chromium runs detached in its own process group, so only zhuanban's own
 * cleanup can end it: before, 10–12 Chromium processes outlived every signal.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, snapshot, tempProject } from '../helpers/cli.js';

const exec = promisify(execFile);
const BIN = join(ROOT, 'bin', 'zhuanban.mjs');
const SEED = 'seeds/004_964961963c6d44a0.txt';
const CODES = { SIGINT: 130, SIGTERM: 143, SIGHUP: 129 } as const;
type Signal = keyof typeof CODES;

/** Processes whose command line names `marker` (Chromium's user-data-dir or Ghostscript's temp folder). */
async function processesNaming(marker: string): Promise<number> {
  try {
    return Number((await exec('pgrep', ['-fc', marker])).stdout.trim());
  } catch {
    return 0;
  }
}

/** Poll until no process names `marker` (a SIGKILLed group takes a moment to be reaped), or give up. */
async function settledCount(marker: string): Promise<number> {
  let n = await processesNaming(marker);
  for (let i = 0; i < 30 && n; i++) {
    await new Promise((r) => setTimeout(r, 100));
    n = await processesNaming(marker);
  }
  return n;
}

/**
 * Start a build and send `signal` when its progress shows `stage` (plain lines, stderr is not a TTY) and,
 * when `marker` is given, once a process naming it runs (Ghostscript in its temp folder).
 */
function buildAndSignal(
  cwd: string,
  tmp: string,
  args: string[],
  signal: Signal,
  stage: string,
  marker?: string,
): Promise<{ code: number | null; sent: boolean; stderr: string }> {
  const child = spawn(process.execPath, [BIN, 'build', ...args], {
    cwd,
    env: { ...process.env, TMPDIR: tmp, ZHUANBAN_DEBUG: '1' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  let sent = false;
  let waiting = false;
  const send = async () => {
    waiting = true;
    while (marker && child.exitCode === null && !(await processesNaming(marker)))
      await new Promise((r) => setTimeout(r, 20));
    sent = child.exitCode === null;
    child.kill(signal);
  };
  child.stderr.on('data', (d) => {
    stderr += d;
    if (!waiting && stderr.includes(`zhuanban: ${stage}\n`)) void send();
  });
  return new Promise((done) => child.on('close', (code, by) => done({ code: code ?? (by ? -1 : null), sent, stderr })));
}

async function project(): Promise<{ dir: string; before: Record<string, string> }> {
  const source = await readFile(join(ROOT, SEED), 'utf8');
  const dir = await tempProject({ 'a.txt': source });
  const first = await runCli(['build', '-q', 'a.txt'], dir);
  expect(first.code).toBe(0);
  return { dir, before: await snapshot(join(dir, 'output')) };
}

async function expectClean(dir: string, tmp: string, before: Record<string, string>, log = ''): Promise<void> {
  expect(await settledCount(`${tmp}/zhuanban-chromium-`)).toBe(0);
  expect(await settledCount(`${tmp}/zhuanban-pdfx-`)).toBe(0);
  expect((await readdir(tmp)).filter((n) => n.startsWith('zhuanban-'))).toEqual([]);
  expect(
    (await readdir(dir)).filter((n) => n.startsWith('.output.')),
    log,
  ).toEqual([]);
  expect(await snapshot(join(dir, 'output'))).toEqual(before);
}

describe('signals end Chromium, Ghostscript and every temporary folder', () => {
  const moments: [Signal, string][] = [
    ['SIGINT', 'parse'],
    ['SIGINT', 'layout'],
    ['SIGINT', 'print'],
    ['SIGTERM', 'parse'],
    ['SIGTERM', 'load'],
    ['SIGTERM', 'print'],
    ['SIGHUP', 'parse'],
    ['SIGHUP', 'layout'],
    ['SIGHUP', 'print'],
  ];

  it.each(moments)('build: %s during %s', async (signal, stage) => {
    const { dir, before } = await project();
    const tmp = mkdtempSync(join(tmpdir(), 'zhuanban-signal-tmp-'));
    // The source changes, so an output swapped in by mistake would show.
    await writeFile(join(dir, 'a.txt'), (await readFile(join(dir, 'a.txt'), 'utf8')).replace(/。/, '，'));
    const r = await buildAndSignal(dir, tmp, ['a.txt'], signal, stage);
    expect(r.sent, r.stderr).toBe(true);
    expect(r.code).toBe(CODES[signal]);
    await expectClean(dir, tmp, before, r.stderr);
  });

  it('build --press-ready: SIGTERM while Ghostscript runs ends it too', async () => {
    const { dir, before } = await project();
    const tmp = mkdtempSync(join(tmpdir(), 'zhuanban-signal-tmp-'));
    const r = await buildAndSignal(dir, tmp, ['--press-ready', 'a.txt'], 'SIGTERM', 'outputs', `${tmp}/zhuanban-pdfx-`);
    expect(r.sent, r.stderr).toBe(true);
    expect(r.code).toBe(143);
    await expectClean(dir, tmp, before, r.stderr);
  });

  it('preview: SIGTERM during its first build exits and leaves no Chromium', async () => {
    const dir = await tempProject({ 'a.txt': await readFile(join(ROOT, SEED), 'utf8') });
    const tmp = mkdtempSync(join(tmpdir(), 'zhuanban-signal-tmp-'));
    const child = spawn(process.execPath, [BIN, 'preview', '--port', '0', 'a.txt'], {
      cwd: dir,
      env: { ...process.env, TMPDIR: tmp },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const exited = new Promise<number | null>((done) => child.on('close', (code) => done(code)));
    // The URL is printed while the first build runs in the background; stop as soon as Chromium is up.
    await new Promise<void>((done) => child.stdout.on('data', (d) => String(d).includes('preview at') && done()));
    for (let i = 0; i < 100 && !(await processesNaming(`${tmp}/zhuanban-chromium-`)); i++)
      await new Promise((r) => setTimeout(r, 50));
    child.kill('SIGTERM');
    expect([0, 143]).toContain(await exited);
    expect(await settledCount(`${tmp}/zhuanban-chromium-`)).toBe(0);
    expect((await readdir(tmp)).filter((n) => n.startsWith('zhuanban-'))).toEqual([]);
  });
});
