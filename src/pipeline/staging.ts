/**
 * The output folder is replaced as a whole: a build writes everything (PDF, proofs, report) into a
 * staging folder beside it, and only a build that finished swaps it in with two renames on the same
 * filesystem. A failed or interrupted build leaves the previous output exactly as it was, and a new
 * output never mixes with an old one (no page-05.html left from a longer edition, no old PDF/X beside a
 * new PDF). A lock file beside the folder keeps two builds into one folder apart.
 */
import { existsSync, renameSync, rmSync } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { InputError } from '../io/input-error.js';
import { onShutdown, removeFolderSync } from '../io/shutdown.js';

/** Written into every output folder: marks it as zhuanban's to replace. */
const OUTPUT_MARK = '.zhuanban-output';
/** What an output folder written before the mark existed may hold. */
const KNOWN_OUTPUTS = new Set(['edition.pdf', 'edition-pdfx.pdf', 'report.json', 'proof', OUTPUT_MARK]);

/** A build's private output folder, swapped in by `commit` or dropped by `discard`. */
export interface Staging {
  /** Where the build writes; relative links from here match those from the final folder (a sibling). */
  dir: string;
  /** Swap the staging folder in place of the output folder (the previous output is removed). */
  commit(): Promise<void>;
  /** Drop the staging folder; the previous output stays as it was. */
  discard(): Promise<void>;
}

/** A folder may be replaced when it does not exist, is empty, carries the mark, or holds only known outputs. */
async function checkReplaceable(outDir: string): Promise<void> {
  let names: string[];
  try {
    names = await readdir(outDir);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw error;
  }
  if (names.includes(OUTPUT_MARK)) return;
  const foreign = names.filter((name) => !KNOWN_OUTPUTS.has(name));
  if (foreign.length)
    throw new InputError(
      `the output folder ${outDir} holds files zhuanban did not write (${foreign.slice(0, 5).join(', ')}${foreign.length > 5 ? ', …' : ''}); ` +
        'a build replaces its output folder whole, so give it one of its own (-o)',
      'output-not-ours',
    );
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** What the system says when a folder takes no new files: the user's to fix, by choosing another -o. */
const UNWRITABLE: Record<string, string> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  EROFS: 'a read-only file system',
  ENOENT: 'it takes no new files',
  ENOSPC: 'the disk is full',
};

/** `error` as an InputError naming the folder, when it says `parent` cannot be written; otherwise as it is. */
function unwritable(error: unknown, outDir: string, parent: string): unknown {
  const why = UNWRITABLE[(error as NodeJS.ErrnoException).code ?? ''];
  if (!why || error instanceof InputError) return error;
  return new InputError(
    `the output folder ${outDir} cannot be written: ${parent}: ${why}; choose another with -o`,
    'bad-output',
  );
}

/** Take the lock beside the output folder, or say which build holds it; a lock left by a dead process is taken over. */
async function acquireLock(lock: string, outDir: string): Promise<void> {
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(lock, 'wx');
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(lock, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && processAlive(holder))
      throw new InputError(
        `another zhuanban build (process ${holder}) is writing ${outDir}; wait for it to finish or build into another folder with -o ` +
          `(if no build is running, delete ${lock})`,
        'output-locked',
      );
    await rm(lock, { force: true });
  }
  throw new InputError(`cannot take the lock ${lock} for ${outDir}`, 'output-locked');
}

/** Run one cleanup step; a step that fails must not keep the next from running. */
function attempt(step: () => unknown): void {
  try {
    step();
  } catch (error) {
    if (process.env.ZHUANBAN_DEBUG) process.stderr.write(`zhuanban: cleanup: ${(error as Error).message}\n`);
  }
}

/** Lock the output folder and make its staging folder; the caller commits or discards it. */
export async function beginStaging(outDir: string): Promise<Staging> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  const lock = join(parent, `.${name}.zhuanban-lock`);
  try {
    await mkdir(parent, { recursive: true });
    await checkReplaceable(outDir);
    await acquireLock(lock, outDir);
  } catch (error) {
    throw unwritable(error, outDir, parent);
  }
  const previous = join(parent, `.${name}.previous-${process.pid}`);
  let dir = '';
  // On a signal: drop the staging folder, put the previous output back if the swap was cut between its
  // two renames, and release the lock.
  const cleanUp = () => {
    attempt(() => dir && removeFolderSync(dir));
    attempt(() => {
      if (!existsSync(previous)) return;
      if (existsSync(outDir)) removeFolderSync(previous);
      else renameSync(previous, outDir);
    });
    attempt(() => rmSync(lock, { force: true }));
  };
  const forget = onShutdown(cleanUp);
  try {
    dir = await mkdtemp(join(parent, `.${name}.staging-`));
    await writeFile(
      join(dir, OUTPUT_MARK),
      'This folder is written by zhuanban build and replaced whole by the next build.\n',
    );
  } catch (error) {
    cleanUp();
    forget();
    throw error;
  }
  let settled = false;
  const settle = async (work: () => Promise<void>) => {
    if (settled) return;
    settled = true;
    try {
      await work();
    } finally {
      cleanUp();
      forget();
    }
  };
  return {
    dir,
    commit: () =>
      settle(async () => {
        const hadPrevious = await rename(outDir, previous).then(
          () => true,
          (error: NodeJS.ErrnoException) => {
            if (error.code === 'ENOENT') return false;
            throw error;
          },
        );
        try {
          await rename(dir, outDir);
          dir = '';
        } catch (error) {
          if (hadPrevious) await rename(previous, outDir);
          throw error;
        }
        if (hadPrevious) await rm(previous, { recursive: true, force: true });
      }),
    discard: () => settle(async () => {}),
  };
}
