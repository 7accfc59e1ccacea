/**
 * `zhuanban init`: a new edition project in a folder — a config that names the JSON Schema (so editors
 * complete and check it), a sample source, a .gitignore and a CI workflow that builds the edition.
 * Files that already exist are left as they are and reported, never overwritten.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { SCHEMA_PATH } from '../config/json-schema.js';

/** What `init` did with each file, by path relative to the project. */
export interface InitResult {
  written: string[];
  kept: string[];
}

/** The files of a new project: path → content (read from the package's templates/init/). */
async function projectFiles(packageRoot: string, version: string): Promise<Record<string, string>> {
  const template = (name: string) => readFile(join(packageRoot, 'templates', 'init', name), 'utf8');
  const config = {
    $schema: SCHEMA_PATH,
    paper: '示例日报',
    section: '卫生健康',
    pageSize: 'broadsheet',
    sources: ['sources'],
  };
  const pkg = {
    name: 'edition',
    private: true,
    type: 'module',
    scripts: { build: 'zhuanban build', preview: 'zhuanban preview' },
    devDependencies: { zhuanban: `^${version}` },
  };
  return {
    'zhuanban.config.json': `${JSON.stringify(config, null, 2)}\n`,
    'sources/01-sample.md': await template('sample.md'),
    '.gitignore': await template('gitignore'),
    '.github/workflows/edition.yml': await template('edition.yml'),
    'package.json': `${JSON.stringify(pkg, null, 2)}\n`,
  };
}

/** Scaffold a project in `dir` (created if missing); existing files are kept. */
export async function initProject(dir: string, packageRoot: string, version: string): Promise<InitResult> {
  const result: InitResult = { written: [], kept: [] };
  for (const [path, content] of Object.entries(await projectFiles(packageRoot, version))) {
    const full = join(dir, path);
    if (existsSync(full)) {
      result.kept.push(path);
      continue;
    }
    await mkdir(dirname(full), { recursive: true });
    await writeFile(full, content, { flag: 'wx' });
    result.written.push(path);
  }
  return result;
}
