/**
 * One shutdown path for every command. What must not outlive zhuanban (Chromium's process group, its
 * profile folder, a Ghostscript child, a staging folder and its lock) registers a synchronous cleanup
 * here while it exists. SIGINT, SIGTERM and SIGHUP run every cleanup and exit with 128 + the signal's
 * number. Chromium runs in its own process group (so a terminal's Ctrl-C does not reach it): killing
 * that group is the cleanup's job. A command may ask for a graceful stop instead (the preview closes its
 * server and browser); it gets a bounded time, and a second signal or the deadline ends it the hard way.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { constants } from 'node:os';

type Cleanup = () => void;

const cleanups = new Set<Cleanup>();
let graceful: ((signal: NodeJS.Signals) => Promise<void>) | null = null;
let installed = false;
let stopping = false;

/** How long a graceful stop may take before the hard path ends the process. */
export const GRACEFUL_STOP_MS = 8000;

const SIGNALS: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

/** Register a synchronous cleanup run on a signal (and at exit); returns its removal. */
export function onShutdown(cleanup: Cleanup): () => void {
  cleanups.add(cleanup);
  return () => cleanups.delete(cleanup);
}

/** Run every registered cleanup now, each at most once, never throwing. */
export function runCleanups(): void {
  for (const cleanup of [...cleanups]) {
    cleanups.delete(cleanup);
    try {
      cleanup();
    } catch (error) {
      // A cleanup that fails must not keep the others from running.
      if (process.env.ZHUANBAN_DEBUG) process.stderr.write(`zhuanban: cleanup: ${(error as Error).message}\n`);
    }
  }
}

/** Exit code for a signal, as shells report it (130 for SIGINT, 143 for SIGTERM, 129 for SIGHUP). */
export function signalExitCode(signal: NodeJS.Signals): number {
  return 128 + (constants.signals[signal] ?? 0);
}

function hardStop(signal: NodeJS.Signals): never {
  runCleanups();
  process.exit(signalExitCode(signal));
}

function onSignal(signal: NodeJS.Signals): void {
  if (stopping || !graceful) hardStop(signal);
  stopping = true;
  const timer = setTimeout(() => hardStop(signal), GRACEFUL_STOP_MS);
  timer.unref();
  graceful(signal).then(
    () => {
      clearTimeout(timer);
      runCleanups();
      process.exit(0);
    },
    () => hardStop(signal),
  );
}

/** Install the signal handlers once (the CLI does it first thing); cleanups also run at a normal exit. */
export function installShutdown(): void {
  if (installed) return;
  installed = true;
  for (const signal of SIGNALS) process.on(signal, onSignal);
  process.on('exit', runCleanups);
}

/** Ask for a graceful stop on the first signal (the preview); returns its removal. */
export function stopGracefully(stop: (signal: NodeJS.Signals) => Promise<void>): () => void {
  graceful = stop;
  return () => {
    if (graceful === stop) graceful = null;
  };
}

/** Remove a folder synchronously, retrying while a dying process still writes into it. */
export function removeFolderSync(path: string): void {
  rmSync(path, { recursive: true, force: true, maxRetries: 20, retryDelay: 50 });
}

/**
 * SIGKILL every process whose command line contains `marker` (Chromium's unique user-data-dir): the last
 * resort when a signal arrives while Chromium is starting and its process id is not known yet. Linux /proc only.
 */
export function killByCommandLine(marker: string): void {
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name));
  } catch {
    return;
  }
  for (const pid of pids) {
    if (Number(pid) === process.pid) continue;
    try {
      if (readFileSync(`/proc/${pid}/cmdline`, 'latin1').includes(marker)) process.kill(Number(pid), 'SIGKILL');
    } catch {
      // Gone already, or not ours to read.
    }
  }
}

/** SIGKILL a whole process group (a detached child and everything it started). */
export function killGroup(pid: number | undefined): void {
  if (!pid) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
}
