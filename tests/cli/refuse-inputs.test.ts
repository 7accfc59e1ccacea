/**
 * Sources and the config must be regular files under a size limit. `/dev/zero` used to be read until
 * memory ran out and a named pipe blocked the build past every timeout; each is now refused (exit 2)
 * with a sentence saying what the path is, before Chromium starts.
 */
import { execFileSync } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempProject, zhuanbanChromiums } from '../helpers/cli.js';

const SEED_LINE = '以党建引领医疗服务提质增效\n本报讯 记者 张三\n医院坚持把党的建设放在首位。\n';

async function fifoProject(name: string, config: Record<string, unknown> = {}): Promise<string> {
  const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify(config), 'src/a.txt': SEED_LINE });
  execFileSync('mkfifo', [join(dir, name)]);
  return dir;
}

describe('build refuses what is not a regular source file', () => {
  it('/dev/zero as a source: exit 2, named as a character device', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': JSON.stringify({ sources: ['/dev/zero'] }) });
    const r = await runCli(['build', '-q'], dir);
    expect(r.stderr).toMatch(/source \/dev\/zero is a character device, not a regular file/);
    expect(r.code).toBe(2);
    expect(await zhuanbanChromiums()).toBe(0);
  });

  it('a FIFO as a source: exit 2, named as a named pipe', async () => {
    const dir = await fifoProject('pipe.txt');
    const r = await runCli(['build', '-q', 'pipe.txt'], dir);
    expect(r.stderr).toMatch(/pipe\.txt is a named pipe \(FIFO\), not a regular file/);
    expect(r.code).toBe(2);
  });

  it('a FIFO inside a sources folder: exit 2', async () => {
    const dir = await fifoProject('src/b.txt');
    const r = await runCli(['build', '-q', 'src'], dir);
    expect(r.stderr).toMatch(/src\/b\.txt is a named pipe \(FIFO\)/);
    expect(r.code).toBe(2);
  });

  it('a FIFO or a directory as the config: exit 2, naming zhuanban.config.json', async () => {
    const fifo = await tempProject({ 'a.txt': SEED_LINE });
    execFileSync('mkfifo', [join(fifo, 'zhuanban.config.json')]);
    const r = await runCli(['build', '-q', 'a.txt'], fifo);
    expect(r.stderr).toMatch(/zhuanban\.config\.json is a named pipe \(FIFO\), not a regular file/);
    expect(r.code).toBe(2);
    const folder = await tempProject({ 'a.txt': SEED_LINE });
    await mkdir(join(folder, 'zhuanban.config.json'));
    const d = await runCli(['build', '-q', 'a.txt'], folder);
    expect(d.stderr).toMatch(/zhuanban\.config\.json is a directory, not a regular file/);
    expect(d.code).toBe(2);
  });

  it('a source over maxSourceBytes: exit 2 with source-too-large naming the setting', async () => {
    const dir = await tempProject({
      'zhuanban.config.json': JSON.stringify({ maxSourceBytes: 2048 }),
      'big.txt': SEED_LINE.repeat(40),
    });
    const r = await runCli(['build', '-q', 'big.txt'], dir);
    expect(r.stderr).toMatch(
      /source big\.txt is too large: the limit is 2048 bytes, it has \d+ bytes \(raise "maxSourceBytes"/,
    );
    expect(r.code).toBe(2);
  });
});

describe('parse and import refuse the same way', () => {
  it('parse /dev/zero and import of a FIFO: exit 2', async () => {
    const dir = await fifoProject('pipe.txt');
    const zero = await runCli(['parse', '/dev/zero'], dir);
    expect(zero.stderr).toMatch(/\/dev\/zero is a character device/);
    expect(zero.code).toBe(2);
    const pipe = await runCli(['import', 'pipe.txt'], dir);
    expect(pipe.stderr).toMatch(/pipe\.txt is a named pipe/);
    expect(pipe.code).toBe(2);
  });
});
