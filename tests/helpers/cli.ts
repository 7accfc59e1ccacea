/** Test helpers: run the real CLI in a child process, read PDFs with the real tools. */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { mkdtemp, cp, writeFile, mkdir, readdir, readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { promisify } from 'node:util';

export const ROOT = resolve(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'zhuanban.mjs');
const exec = promisify(execFile);

/**
 * TMPDIR of every CLI child: Chromium's user-data-dir is made there, so counting the browsers a
 * command left behind sees only this test run's, not those of another build running on the machine.
 */
export const CHILD_TMP = mkdtempSync(join(tmpdir(), 'zhuanban-test-tmp-'));

/** Run `zhuanban …` in `cwd`; never throws on a non-zero exit. */
export function runCli(
  args: string[],
  cwd: string,
  env: NodeJS.ProcessEnv = {},
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd,
      env: { ...process.env, TMPDIR: CHILD_TMP, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('error', fail);
    child.on('close', (code) => done({ code: code ?? -1, stdout, stderr }));
  });
}

/** A temp project folder with the given files (path → content). */
export async function tempProject(files: Record<string, string | Uint8Array>, withSeeds = false): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'zhuanban-test-'));
  if (withSeeds) await cp(join(ROOT, 'seeds'), join(dir, 'seeds'), { recursive: true });
  for (const [path, content] of Object.entries(files)) {
    await mkdir(join(dir, path, '..'), { recursive: true });
    await writeFile(join(dir, path), content);
  }
  return dir;
}

/** Output of a poppler tool. */
export async function poppler(tool: 'pdfinfo' | 'pdffonts' | 'pdftotext', args: string[]): Promise<string> {
  return (await exec(tool, args, { maxBuffer: 64 * 1024 * 1024 })).stdout;
}

/** Text of every page, extracted with pdfjs-dist (an independent reader). */
export async function pdfText(path: string): Promise<string[]> {
  const { getDocument } = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const { readFile } = await import('node:fs/promises');
  const doc = await getDocument({
    data: new Uint8Array(await readFile(path)),
    useSystemFonts: false,
    isEvalSupported: false,
  }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  await doc.destroy();
  return pages;
}

/** How many Chromium processes launched by this run's CLI children are alive (their user-data-dir names them). */
export async function zhuanbanChromiums(): Promise<number> {
  try {
    const { stdout } = await exec('pgrep', ['-fc', `${CHILD_TMP}/zhuanban-chromium-`]);
    return Number(stdout.trim());
  } catch {
    return 0;
  }
}

/** Fonts as pdffonts lists them. */
export async function pdfFonts(path: string): Promise<{ name: string; type: string; emb: boolean; sub: boolean }[]> {
  const lines = (await poppler('pdffonts', [path])).split('\n').slice(2).filter(Boolean);
  return lines.map((line) => {
    const cols = line.trim().split(/\s+/);
    const n = cols.length;
    return {
      name: cols[0]!,
      type: cols.slice(1, n - 6).join(' '),
      emb: cols[n - 5] === 'yes',
      sub: cols[n - 4] === 'yes',
    };
  });
}

/** Every file under `dir` with its content hash: a previous output must stay byte-identical. */
export async function snapshot(dir: string): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const entry of await readdir(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const path = join(entry.parentPath, entry.name);
    out[relative(dir, path)] = createHash('sha256')
      .update(await readFile(path))
      .digest('hex');
  }
  return out;
}
