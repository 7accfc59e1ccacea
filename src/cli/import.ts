/**
 * `zhuanban import FILE [-o FILE.md]`: write the imported tree as the clean Markdown
 * source an editor corrects by hand; `zhuanban build` reads it back unchanged.
 */
import type { Command } from 'commander';
import { langFromEnv, resolveLang, translate } from '../i18n/index.js';
import { UsageError } from './errors.js';
import { sameFile } from '../io/same-file.js';

/** Register the import command. */
export function registerImport(program: Command): void {
  program
    .command('import')
    .description(translate(langFromEnv(), 'cmd.import'))
    .argument('<file>', 'raw text source (.txt)')
    .option('-o, --output <file.md>', 'write the Markdown here instead of stdout')
    .action(async (file: string, opts: { output?: string }) => {
      if (opts.output && sameFile(file, opts.output))
        throw new UsageError(
          `-o ${opts.output} is the input file itself; import never overwrites its source (name a .md file)`,
        );
      const [{ loadConfig }, { readAndParse }, { toMarkdown }, { writeFileAtomic }] = await Promise.all([
        import('../config/load.js'),
        import('./read-source.js'),
        import('../markdown/stringify.js'),
        import('../io/context.js'),
      ]);
      const config = await loadConfig(process.cwd());
      const result = readAndParse(file, config.maxSourceBytes);
      if (!result) return;
      const md = toMarkdown(result.tree);
      if (!opts.output) {
        process.stdout.write(md);
        return;
      }
      try {
        // Through a temp file and a rename: an interrupted import never leaves a half-written source.
        await writeFileAtomic(opts.output, md);
      } catch (error) {
        throw new UsageError(
          `cannot write ${opts.output}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
        );
      }
      process.stderr.write(
        `zhuanban: ${translate(resolveLang(config.lang), 'import.wrote', { path: opts.output, count: result.tree.articles.length })}\n`,
      );
    });
}
