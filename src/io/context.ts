/**
 * The build's window on the world (Typst's `World`): files, the clock, fonts and the browser come in
 * through this object so stages stay pure and builds reproducible (SOURCE_DATE_EPOCH honoured).
 */
import { mkdir, readdir, readFile, realpath, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { readRegularFile, type ReadLimit } from './regular-file.js';
import { fileURLToPath } from 'node:url';

/** Project root of the zhuanban installation (where node_modules/, templates/, styles/ live). */
export const PACKAGE_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

/** Progress sink: a terminal bar on a TTY, plain lines in CI. */
export interface Progress {
  stage(name: string): void;
  step(done: number, total: number, label: string): void;
  done(): void;
}

/** Everything a build may touch outside pure computation. */
export interface Context {
  /** The user's project directory (sources, config, output). */
  root: string;
  /** Where templates/, styles/ and node_modules/ are found. */
  packageRoot: string;
  readFile(path: string): Promise<Uint8Array>;
  /**
   * Read a file the user named (a source): a regular file of at most `maxBytes`, else an InputError naming
   * it, so `/dev/zero` or a named pipe is refused at once instead of filling memory or blocking the build.
   */
  readUserFile(path: string, limit: ReadLimit): Promise<Uint8Array>;
  /** Names in a folder (sorted); rejects when the folder does not exist. */
  listDir(path: string): Promise<string[]>;
  /** The path with every symlink followed: how a file is checked to lie inside the project. */
  realPath(path: string): Promise<string>;
  /**
   * Where processed images are kept between builds, keyed by content hash: outside the output folder,
   * which a build replaces whole, and not hidden, so the preview can show them.
   */
  cacheDir: string;
  /** Atomic write: temporary file then rename, so no half-written output survives an interruption. */
  writeFileAtomic(path: string, data: string | Uint8Array): Promise<void>;
  /** The build clock: SOURCE_DATE_EPOCH when set, else now. */
  now(): Date;
  progress: Progress;
}

/** The build time, honouring SOURCE_DATE_EPOCH (reproducible-builds.org spec). */
export function buildClock(env: NodeJS.ProcessEnv = process.env): () => Date {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) {
    const fixed = new Date(Number(epoch) * 1000);
    return () => fixed;
  }
  return () => new Date();
}

let tmpCounter = 0;
/** Write via a sibling temp file and rename (rename is atomic on one filesystem). */
export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = `${path}.${process.pid}.${++tmpCounter}.tmp`;
  try {
    await writeFile(tmp, data);
    await rename(tmp, path);
  } catch (error) {
    await rm(tmp, { force: true });
    throw error;
  }
}

/** A context backed by the real filesystem and clock. */
export function nodeContext(root: string, progress: Progress): Context {
  return {
    root,
    packageRoot: PACKAGE_ROOT,
    readFile: (p) => readFile(p),
    readUserFile: readRegularFile,
    listDir: async (p) => (await readdir(p)).sort(),
    realPath: (p) => realpath(p),
    cacheDir: join(root, 'zhuanban-cache'),
    writeFileAtomic,
    now: buildClock(),
    progress,
  };
}
