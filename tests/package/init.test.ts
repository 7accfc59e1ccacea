/** `zhuanban init` scaffolds a project that builds as it stands, and never overwrites a file. */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { poppler, runCli, tempProject } from '../helpers/cli.js';

describe('zhuanban init', () => {
  it('writes a config naming the schema, a sample source, .gitignore and a CI workflow; the project builds', async () => {
    const dir = await tempProject({});
    const init = await runCli(['init'], dir);
    expect(init.code).toBe(0);
    for (const path of [
      'zhuanban.config.json',
      'sources/01-sample.md',
      '.gitignore',
      '.github/workflows/edition.yml',
      'package.json',
    ])
      expect(init.stderr).toContain(`wrote ${path}`);
    const config = JSON.parse(await readFile(join(dir, 'zhuanban.config.json'), 'utf8')) as { $schema: string };
    expect(config.$schema).toMatch(/zhuanban\.schema\.json$/);
    expect(await readFile(join(dir, '.github/workflows/edition.yml'), 'utf8')).toContain('npx zhuanban build');

    const build = await runCli(['build', '-q'], dir);
    expect(build.code, build.stderr).toBe(0);
    const text = (await poppler('pdftotext', [join(dir, 'output', 'edition.pdf'), '-'])).replace(/\s/g, '');
    expect(text).toContain('社区卫生服务中心开展健康义诊');
  });

  it('keeps files that are already there', async () => {
    const dir = await tempProject({ 'zhuanban.config.json': '{"paper":"健康报"}\n' });
    const init = await runCli(['init'], dir);
    expect(init.stderr).toContain('kept zhuanban.config.json');
    expect(await readFile(join(dir, 'zhuanban.config.json'), 'utf8')).toBe('{"paper":"健康报"}\n');
  });
});
