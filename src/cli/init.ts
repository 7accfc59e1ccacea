/** `zhuanban init [dir]`: scaffold an edition project (config with $schema, sample source, .gitignore, CI workflow). */
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { langFromEnv, translate } from '../i18n/index.js';

/** Register the init command. */
export function registerInit(program: Command, version: string): void {
  program
    .command('init')
    .description(translate(langFromEnv(), 'cmd.init'))
    .argument('[dir]', 'project folder', '.')
    .action(async (dir: string) => {
      const [{ initProject }, { PACKAGE_ROOT }] = await Promise.all([
        import('../init/index.js'),
        import('../io/context.js'),
      ]);
      const root = resolve(process.cwd(), dir);
      const { written, kept } = await initProject(root, PACKAGE_ROOT, version);
      const lang = langFromEnv();
      for (const path of written) process.stderr.write(`zhuanban: ${translate(lang, 'init.wrote', { path })}\n`);
      for (const path of kept) process.stderr.write(`zhuanban: ${translate(lang, 'init.kept', { path })}\n`);
    });
}
