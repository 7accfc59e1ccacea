/**
 * Progress display: a cli-progress bar on a terminal, plain lines when stderr is not a TTY (CI logs),
 * silent when asked (tests, --quiet).
 */
import cliProgress from 'cli-progress';
import type { Progress } from '../io/context.js';

/** Pick the display that suits the output stream. */
export function createProgress(options: { quiet?: boolean; stream?: NodeJS.WriteStream } = {}): Progress {
  const stream = options.stream ?? process.stderr;
  if (options.quiet) return { stage() {}, step() {}, done() {} };
  if (!stream.isTTY) {
    return {
      stage: (name) => stream.write(`zhuanban: ${name}\n`),
      step: (done, total, label) => stream.write(`zhuanban:   [${done}/${total}] ${label}\n`),
      done() {},
    };
  }
  let bar: cliProgress.SingleBar | null = null;
  let stageName = '';
  return {
    stage(name) {
      bar?.stop();
      bar = null;
      stageName = name;
      stream.write(`zhuanban: ${name}\n`);
    },
    step(done, total, label) {
      if (!bar) {
        bar = new cliProgress.SingleBar(
          { stream, format: `  ${stageName} [{bar}] {value}/{total} {label}`, hideCursor: true },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, 0, { label });
      }
      bar.update(done, { label });
    },
    done() {
      bar?.stop();
      bar = null;
    },
  };
}
