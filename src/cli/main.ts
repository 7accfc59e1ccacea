/**
 * The zhuanban command line. Each command lives in its own module and registers itself here,
 * so stages stay independent (commander gives help, flags and errors for free).
 */
import { readFileSync } from 'node:fs';
import { Command, CommanderError } from 'commander';
import { langFromEnv, translate } from '../i18n/index.js';
import { InputError } from '../io/input-error.js';
import { installShutdown } from '../io/shutdown.js';
import { registerBuild } from './build.js';
import { registerPreflight } from './preflight.js';
import { registerParse } from './parse.js';
import { registerImport } from './import.js';
import { registerInit } from './init.js';
import { registerPreview } from './preview.js';
import { registerPlan } from './plan.js';
import { registerMerge } from './merge.js';

import { UsageError } from './errors.js';

/** Known failure kinds map to exit codes: 2 for usage/config errors, 1 for failed work. */
export { UsageError };

/**
 * `zhuanban parse --json | head` closes stdout early: that is the reader's choice, not a failure, so the
 * command ends quietly (exit 0) instead of printing an EPIPE stack.
 */
function endQuietlyWhenStdoutCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(typeof process.exitCode === 'number' ? process.exitCode : 0);
    throw error;
  });
}

/** The installed package's version (package.json sits two folders up from src/cli and dist/cli alike). */
function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
    .version;
}

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  installShutdown();
  const version = packageVersion();
  const lang = langFromEnv();
  const program = new Command('zhuanban')
    .description(translate(lang, 'cli.description'))
    .version(version, '-V, --version', translate(lang, 'cli.version'))
    .helpOption('-h, --help', translate(lang, 'cli.help'))
    .helpCommand('help [command]', translate(lang, 'cli.help'))
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
  registerInit(program, version);
  registerBuild(program);
  registerPreflight(program);
  registerParse(program);
  registerImport(program);
  registerPreview(program);
  registerPlan(program);
  registerMerge(program);
  try {
    await program.parseAsync(argv);
    return typeof process.exitCode === 'number' ? process.exitCode : 0;
  } catch (error) {
    if (error instanceof CommanderError) return error.exitCode === 0 ? 0 : 2;
    // ConfigError by name: importing config/load.js (and zod) here would slow every `--help`.
    if (
      (error as Error | undefined)?.name === 'ConfigError' ||
      error instanceof UsageError ||
      error instanceof InputError
    ) {
      process.stderr.write(`zhuanban: ${(error as Error).message}\n`);
      return 2;
    }
    // Editors get the message (it names the file); developers get the stack with ZHUANBAN_DEBUG=1.
    const detail = process.env.ZHUANBAN_DEBUG
      ? ((error as Error).stack ?? String(error))
      : ((error as Error).message ?? String(error));
    process.stderr.write(`zhuanban: ${translate(lang, 'cli.error', { message: detail })}\n`);
    return 1;
  }
}
