/**
 * The `parse` and `import` commands through the real CLI (bin/zhuanban.mjs): JSON tree on stdout,
 * diagnostics on stderr, binary refused with exit 1, a missing file exit 2, import → .md → parse.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const BIN = join(import.meta.dirname, '..', '..', 'bin', 'zhuanban.mjs');
const FIX = join(import.meta.dirname, '..', 'fixtures');
const run = (...args: string[]) => spawnSync('node', [BIN, ...args], { encoding: 'utf8' });

describe('zhuanban parse / import', () => {
  it('parse --json prints the tree and reports diagnostics on stderr', () => {
    const r = run('parse', join(FIX, 'seed-000_77fb36e5b7f7e4dd', 'input.txt'), '--json');
    expect(r.status).toBe(0);
    const tree = JSON.parse(r.stdout);
    expect(tree.type).toBe('document');
    expect(tree.articles).toHaveLength(3);
    expect(r.stderr).toMatch(/99:1 .*duplicate-paragraph/);
  });

  it('parse without --json prints an outline', () => {
    const r = run('parse', join(FIX, 'gb18030', 'input.txt'));
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('# 以党建引领医疗服务提质增效');
    expect(r.stderr).toContain('GB18030');
  });

  it('refuses a binary file (exit 1) and a missing file (exit 2)', () => {
    const bin = run('parse', join(FIX, 'binary-refused', 'input.txt'));
    expect(bin.status).toBe(1);
    expect(bin.stderr).toMatch(/refusing to import a binary file/);
    expect(bin.stdout).toBe('');
    expect(run('parse', join(FIX, 'does-not-exist.txt')).status).toBe(2);
  });

  it('import -o writes Markdown that parses back to the same articles', () => {
    const out = join(mkdtempSync(join(tmpdir(), 'zb-import-')), 'page.md');
    const input = join(FIX, 'seed-003_816685f96a0d55c3', 'input.txt');
    execFileSync('node', [BIN, 'import', input, '-o', out], { stdio: 'pipe' });
    expect(readFileSync(out, 'utf8')).toMatch(/^---\nsource: input.txt\nfolio:/);
    const fromTxt = JSON.parse(run('parse', input, '--json').stdout);
    const fromMd = JSON.parse(run('parse', out, '--json').stdout);
    expect(fromMd.articles.map((a: { headline: string }) => a.headline)).toEqual(
      fromTxt.articles.map((a: { headline: string }) => a.headline),
    );
  });
});
