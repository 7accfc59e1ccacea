/**
 * User mistakes end with exit 2 and a sentence naming the file or key, not a stack or a low-level code:
 * a config that is no JSON (line and column), a templates setting that is no templates folder, margins wider than the page, `-o` naming a file,
 * preflight of a folder, import onto its own input; a reader closing `parse --json`'s pipe ends quietly.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli, tempProject } from '../helpers/cli.js';

const SOURCE = '以党建引领医疗服务提质增效\n本报讯 记者 张三\n医院坚持把党的建设放在首位。\n';

describe('user errors exit 2 with a sentence naming the file or key', () => {
  it('templates: "/etc" names the setting and what is missing', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ templates: '/etc' }), 'a.txt': SOURCE });
    const r = await runCli(['build', '-q', 'a.txt'], dir);
    expect(r.stderr).toMatch(/templates: "\/etc" has no edition\.hbs/);
    expect(r.stderr).not.toMatch(/ENOENT|scandir/);
    expect(r.code).toBe(2);
  });

  it('a config that is not valid JSON names the line and column of the error', async () => {
    const dir = await tempProject({
      'zhuanban.config.json': '{\n  "paper": "健康报",\n  "date": }\n',
      'a.txt': SOURCE,
    });
    const r = await runCli(['build', '-q', 'a.txt'], dir);
    expect(r.stderr).toMatch(/zhuanban\.config\.json:3:11/);
    expect(r.stderr).toMatch(/not valid JSON/);
    expect(r.code).toBe(2);
  });

  it('margins larger than the page are a config error on "margins"', async () => {
    const dir = await tempProject({
      'zhuanban.config.json': JSON.stringify({
        pageSize: 'A4',
        margins: { top: 20, right: 150, bottom: 20, left: 150 },
      }),
      'a.txt': SOURCE,
    });
    const r = await runCli(['build', '-q', 'a.txt'], dir);
    expect(r.stderr).toMatch(/margins: left \+ right = 300 mm leaves -90 mm of the 210 mm page width/);
    expect(r.stderr).not.toMatch(/typed array/i);
    expect(r.code).toBe(2);
  });

  it('a config error leaves no Chromium and nothing in the temporary folder (Chromium starts before the config is read)', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ timeoutMs: 'soon' }), 'a.txt': SOURCE });
    const tmp = await mkdtemp(join(tmpdir(), 'zhuanban-config-tmp-'));
    const r = await runCli(['build', '-q', 'a.txt'], dir, { TMPDIR: tmp });
    expect(r.stderr).toMatch(/timeoutMs/);
    expect(r.code).toBe(2);
    // Chromium keeps its singleton socket in a folder of its own there; a Chromium stopped before it was used leaves none.
    expect((await readdir(tmp)).filter((name) => /^(org\.chromium\.|zhuanban-)/.test(name))).toEqual([]);
    await rm(tmp, { recursive: true, force: true });
  });

  it('-o naming an existing file is refused before Chromium starts', async () => {
    const dir = await tempProject({ 'a.txt': SOURCE, 'edition.pdf': 'not a folder' });
    const r = await runCli(['build', 'a.txt', '-o', 'edition.pdf'], dir);
    expect(r.stderr).toMatch(/-o edition\.pdf is an existing file; -o names the output folder/);
    expect(r.stderr).not.toMatch(/zhuanban: (parse|load|layout)/); // no stage ran
    expect(r.code).toBe(2);
  });

  it('-o below an existing file names that file, before Chromium starts', async () => {
    const dir = await tempProject({ 'a.txt': SOURCE, 'edition.pdf': 'not a folder' });
    const r = await runCli(['build', 'a.txt', '-o', 'edition.pdf/out'], dir);
    expect(r.stderr).toMatch(
      /-o edition\.pdf\/out cannot be created: .*edition\.pdf is an existing file, not a folder/,
    );
    expect(r.stderr).not.toMatch(/ENOTDIR|zhuanban: (parse|load|layout)/);
    expect(r.code).toBe(2);
  });

  it.skipIf(process.platform !== 'linux')('-o in a folder that takes no files names it, with no stack', async () => {
    const dir = await tempProject({ 'a.txt': SOURCE });
    const r = await runCli(['build', '-q', 'a.txt', '-o', '/proc/zhuanban-out'], dir);
    expect(r.stderr).toMatch(
      /the output folder \/proc\/zhuanban-out cannot be written: \/proc: .*; choose another with -o/,
    );
    expect(r.stderr).not.toMatch(/zhuanban-lock|ENOENT|EACCES/);
    expect(r.code).toBe(2);
  });

  it('preflight of a folder says it is a directory', async () => {
    const dir = await tempProject({ 'a.txt': SOURCE });
    const r = await runCli(['preflight', '.'], dir);
    expect(r.stderr).toMatch(/\. is a directory, not a PDF file/);
    expect(r.code).toBe(2);
  });

  it('import -o onto its own input is refused and the input is kept', async () => {
    const dir = await tempProject({ 'x.txt': SOURCE });
    const r = await runCli(['import', 'x.txt', '-o', 'x.txt'], dir);
    expect(r.stderr).toMatch(/-o x\.txt is the input file itself/);
    expect(r.code).toBe(2);
    expect(await readFile(join(dir, 'x.txt'), 'utf8')).toBe(SOURCE);
  });

  it('a Chromium that dies at launch is "Chromium exited unexpectedly while starting Chromium"', async () => {
    const dir = await tempProject({ 'a.txt': SOURCE });
    const fake = join(dir, 'fake-chromium');
    await writeFile(fake, '#!/bin/sh\necho "fake chromium gives up" >&2\nexit 3\n', { mode: 0o755 });
    const r = await runCli(['build', '-q', 'a.txt'], dir, { ZHUANBAN_CHROMIUM: fake });
    expect(r.stderr).toMatch(/Chromium exited unexpectedly while starting Chromium/);
    expect(r.stderr).toMatch(/fake chromium gives up/);
    expect(r.code).toBe(1);
  });

  it("a Chromium that never answers times out in zhuanban's terms", async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ timeoutMs: 1000 }), 'a.txt': SOURCE });
    const fake = join(dir, 'slow-chromium');
    await writeFile(fake, '#!/bin/sh\nexec sleep 30\n', { mode: 0o755 });
    const r = await runCli(['build', '-q', 'a.txt'], dir, { ZHUANBAN_CHROMIUM: fake });
    expect(r.stderr).toMatch(/Chromium timed out after timeoutMs = 1000 ms while starting Chromium/);
    expect(r.stderr).not.toMatch(/protocolTimeout/);
    expect(r.code).toBe(1);
  });
});

describe('parse --json | head', () => {
  it('ends quietly when the reader closes the pipe', async () => {
    // A tree far bigger than a pipe's buffer, so the reader closes the pipe while it is still being written.
    const seed = await readFile(join(ROOT, 'seeds', '000_77fb36e5b7f7e4dd.txt'), 'utf8');
    const dir = await tempProject({ 'big.txt': Array.from({ length: 30 }, () => seed).join('\n') });
    const child = spawn(
      'sh',
      [
        '-c',
        `"${process.execPath}" "${join(ROOT, 'bin', 'zhuanban.mjs')}" parse --json big.txt 2>stderr.txt | head -c 100 >/dev/null; echo \${PIPESTATUS:-done}`,
      ],
      { cwd: dir, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const code = await new Promise<number | null>((done) => child.on('close', (c) => done(c)));
    expect(code).toBe(0);
    const stderr = await readFile(join(dir, 'stderr.txt'), 'utf8');
    expect(stderr).not.toMatch(/EPIPE|Error:|^\s+at /m);
  });
});
