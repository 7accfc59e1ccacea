/**
 * The zhuanban command line. Each command lives in its own module and registers itself here,
 * so stages stay independent (commander gives help, flags and errors for free).
 */
import { Command, CommanderError } from 'commander';
import { ConfigError } from '../config/load.js';
import { InputError } from '../io/input-error.js';
import { installShutdown } from '../io/shutdown.js';
import { registerBuild } from './build.js';
import { registerPreflight } from './preflight.js';
import { registerParse } from './parse.js';
import { registerImport } from './import.js';
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

/** Run the CLI; resolves to the process exit code. */
export async function main(argv: string[]): Promise<number> {
  endQuietlyWhenStdoutCloses();
  installShutdown();
  const program = new Command('zhuanban')
    .description('专版 print pipeline: newspaper showcase supplements from raw text to print-ready PDF')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });
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
    if (error instanceof ConfigError || error instanceof UsageError || error instanceof InputError) {
      process.stderr.write(`zhuanban: ${error.message}\n`);
      return 2;
    }
    // Editors get the message (it names the file); developers get the stack with ZHUANBAN_DEBUG=1.
    const detail = process.env.ZHUANBAN_DEBUG ? ((error as Error).stack ?? String(error)) : ((error as Error).message ?? String(error));
    process.stderr.write(`zhuanban: error: ${detail}\n`);
    return 1;
  }
}
