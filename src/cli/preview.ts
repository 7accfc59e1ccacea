/**
 * `zhuanban preview [sources…] [--port N] [--host H] [--open]`: the live proof. Prints the
 * URL on stdout, rebuilds on every save, and on SIGINT/SIGTERM/SIGHUP closes the server, the watcher and
 * the one Chromium it owns before exiting (no browser outlives the command).
 */
import type { Command } from 'commander';
import { langFromEnv, translate } from '../i18n/index.js';
import { UsageError } from './errors.js';
import { stopGracefully } from '../io/shutdown.js';

/** Register the preview command. */
export function registerPreview(program: Command): void {
  program
    .command('preview')
    .description(translate(langFromEnv(), 'cmd.preview'))
    .argument('[sources...]', "source files or folders (default: the config's sources, else seeds/)")
    .option('-p, --port <n>', 'port (0 picks a free one)', '4173')
    .option('--host <host>', 'interface to listen on (default loopback only)', '127.0.0.1')
    .option('--open', 'open the proof in the system browser')
    .action(async (sources: string[], opts: { port: string; host: string; open?: boolean }) => {
      const [{ nodeContext }, { startPreview }, { openInBrowser }] = await Promise.all([
        import('../io/context.js'),
        import('../preview/index.js'),
        import('../preview/open-browser.js'),
      ]);
      const port = Number(opts.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535)
        throw new UsageError(`--port must be 0-65535, got ${opts.port}`);
      const log = (line: string) => process.stderr.write(`zhuanban: preview: ${line}\n`);
      const ctx = nodeContext(process.cwd(), { stage() {}, step() {}, done() {} });
      const preview = await startPreview({ ctx, sourceArgs: sources, port, host: opts.host, log });
      // The first signal closes the server, the watcher and Chromium (exit 0); a second one, or a close that
      // takes too long (a build stuck in Chromium), ends it through the shared hard path.
      stopGracefully(async (signal) => {
        log(translate(langFromEnv(), 'preview.stopping', { signal }));
        await preview.close();
      });
      process.stdout.write(`zhuanban: ${translate(langFromEnv(), 'preview.at', { url: preview.url })}\n`);
      if (!['127.0.0.1', 'localhost', '::1'].includes(opts.host))
        log(`listening on ${opts.host}: anyone on that network can read the project`);
      if (opts.open) openInBrowser(preview.url, log);
      // Runs until a signal: the shutdown path ends the process.
      await new Promise<never>(() => {});
    });
}
