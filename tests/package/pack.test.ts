/**
 * The package as a user gets it: `npm pack`, installed into an empty project (dependencies from the npm
 * cache or registry, no install scripts), imported with its types, and run from its bin.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

const exec = promisify(execFile);
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const TSC = join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let project: string;

beforeAll(async () => {
  const packDir = await mkdtemp(join(tmpdir(), 'zhuanban-pack-'));
  await exec(NPM, ['pack', '--pack-destination', packDir, '--loglevel=error'], {
    cwd: ROOT,
    maxBuffer: 64 * 1024 * 1024,
  });
  const tarball = (await readdir(packDir)).find((n) => n.endsWith('.tgz'))!;
  project = await mkdtemp(join(tmpdir(), 'zhuanban-user-'));
  await writeFile(
    join(project, 'package.json'),
    JSON.stringify({ name: 'user-project', private: true, type: 'module' }),
  );
  const typesNode = JSON.parse(
    (await exec(process.execPath, ['-p', "JSON.stringify(require('@types/node/package.json').version)"], { cwd: ROOT }))
      .stdout,
  );
  await exec(
    NPM,
    [
      'install',
      '--prefer-offline',
      '--ignore-scripts',
      '--no-audit',
      '--no-fund',
      '--loglevel=error',
      join(packDir, tarball),
      `@types/node@${typesNode}`,
    ],
    { cwd: project, env: { ...process.env, PUPPETEER_SKIP_DOWNLOAD: '1' }, maxBuffer: 64 * 1024 * 1024 },
  );
}, 600_000);

describe('npm pack, installed into an empty project', () => {
  it('ships no tests, fixtures or TypeScript sources', async () => {
    const files = await readdir(join(project, 'node_modules', 'zhuanban'));
    expect(files).toEqual(
      expect.arrayContaining(['bin', 'dist', 'templates', 'styles', 'zhuanban.schema.json', 'package.json']),
    );
    for (const absent of ['tests', 'src', 'seeds', 'scripts']) expect(files).not.toContain(absent);
  });

  it('imports buildEdition and parseSource, and parses a source', async () => {
    const script = `import { buildEdition, parseSource, defineConfig } from 'zhuanban';
const { tree } = parseSource(new TextEncoder().encode('# 标题\\n\\n医院开展义诊活动。\\n'), 'a.md');
console.log(typeof buildEdition, tree.articles.length, defineConfig({ paper: '健康报' }).paper);`;
    await writeFile(join(project, 'use.mjs'), script);
    const { stdout } = await exec(process.execPath, ['use.mjs'], { cwd: project });
    expect(stdout.trim()).toBe('function 1 健康报');
  });

  it('type-checks a script against the shipped types (and catches a wrong one)', async () => {
    const tsconfig = {
      compilerOptions: {
        module: 'NodeNext',
        moduleResolution: 'NodeNext',
        target: 'ES2022',
        strict: true,
        noEmit: true,
        skipLibCheck: true,
        types: ['node'],
      },
    };
    await writeFile(join(project, 'tsconfig.json'), JSON.stringify(tsconfig));
    await writeFile(
      join(project, 'good.ts'),
      `import { buildEdition, parseSource, type Article, type EditionOptions } from 'zhuanban';
const options: EditionOptions = { sources: ['a.md'], outDir: 'out' };
const first: Article | undefined = parseSource(new Uint8Array(), 'a.md').tree.articles[0];
export const run = async (): Promise<string> => (await buildEdition(options)).pdfPath + (first?.headline ?? '');
`,
    );
    await exec(process.execPath, [TSC, '-p', '.'], { cwd: project });
    await writeFile(
      join(project, 'bad.ts'),
      `import { parseSource } from 'zhuanban';\nexport const n: number = parseSource(new Uint8Array(), 'a.md').tree.source;\n`,
    );
    const failed = await exec(process.execPath, [TSC, '-p', '.'], { cwd: project }).then(
      () => null,
      (e: { stdout: string }) => e.stdout,
    );
    expect(failed).toMatch(/bad\.ts.*TS2322/);
  });

  it('runs its bin from the compiled output: --version prints the package version', async () => {
    const { version } = JSON.parse(
      await (await import('node:fs/promises')).readFile(join(ROOT, 'package.json'), 'utf8'),
    ) as { version: string };
    const { stdout } = await exec(process.execPath, [join(project, 'node_modules', '.bin', 'zhuanban'), '--version'], {
      cwd: project,
    });
    expect(stdout.trim()).toBe(version);
  });

  it('builds an edition from the installed package (fonts found where npm put them)', async () => {
    await writeFile(
      join(project, 'a.md'),
      '# 社区医院开展义诊\n\n医院组织专家走进社区，为居民测量血压、讲解慢病防治知识。\n',
    );
    await exec(process.execPath, [join(project, 'node_modules', '.bin', 'zhuanban'), 'build', '-q', 'a.md'], {
      cwd: project,
    });
    const { stdout } = await exec('pdftotext', [join(project, 'output', 'edition.pdf'), '-']);
    expect(stdout.replace(/\s/g, '')).toContain('社区医院开展义诊');
  });
});
