/**
 * Reading a file the user named (a source, the config, a template) safely: it must be a regular file
 * under a size limit. `/dev/zero` would otherwise be read until memory runs out and a named pipe would
 * block until a writer appears, so the kind is checked with stat before the file is opened, the open is
 * non-blocking, and the read stops one byte past the limit whatever the file claims its size is.
 */
import { closeSync, constants, fstatSync, openSync, readSync, statSync, type Stats } from 'node:fs';
import { type FileHandle, open, stat } from 'node:fs/promises';
import { InputError } from './input-error.js';

/** What a path is, in words an editor understands ("a directory", "a named pipe (FIFO)"…). */
export function describeKind(info: Stats): string {
  if (info.isDirectory()) return 'a directory';
  if (info.isFIFO()) return 'a named pipe (FIFO)';
  if (info.isCharacterDevice()) return 'a character device';
  if (info.isBlockDevice()) return 'a block device';
  if (info.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** How a refused file is named in messages, and the most it may hold. */
export interface ReadLimit {
  /** What the file is to the user, e.g. "source seeds/a.txt" or "config zhuanban.config.json". */
  label: string;
  maxBytes: number;
  /** The setting that raises the limit, named in the message (e.g. "maxSourceBytes"). */
  limitKey?: string;
}

const READ_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
const CHUNK = 1 << 20;

function notAFile(label: string, info: Stats): InputError {
  return new InputError(`${label} is ${describeKind(info)}, not a regular file`, 'not-a-file');
}

function tooLarge(limit: ReadLimit, size: number | null): InputError {
  const got = size === null ? 'more than that' : `${size} bytes`;
  const raise = limit.limitKey ? ` (raise "${limit.limitKey}" in zhuanban.config.json if it really is this big)` : '';
  return new InputError(
    `${limit.label} is too large: the limit is ${limit.maxBytes} bytes, it has ${got}${raise}`,
    'source-too-large',
  );
}

function unreadable(label: string, error: unknown): InputError {
  const code = (error as NodeJS.ErrnoException).code;
  const why =
    code === 'ENOENT'
      ? 'does not exist'
      : code === 'EACCES' || code === 'EPERM'
        ? 'cannot be read (permission denied)'
        : `cannot be read (${code ?? (error as Error).message})`;
  return new InputError(`${label} ${why}`, code === 'ENOENT' ? 'not-found' : 'unreadable');
}

/** The chunks read so far; refuses to hold more than the limit, whatever the file claimed its size was. */
class BoundedChunks {
  private readonly chunks: Buffer[] = [];
  private total = 0;
  constructor(private readonly limit: ReadLimit) {}

  /** Keep the first `bytesRead` bytes of `buffer`; false once the file has ended. */
  add(buffer: Buffer, bytesRead: number): boolean {
    if (!bytesRead) return false;
    this.total += bytesRead;
    if (this.total > this.limit.maxBytes) throw tooLarge(this.limit, null);
    this.chunks.push(buffer.subarray(0, bytesRead));
    return true;
  }

  bytes(): Uint8Array {
    return new Uint8Array(Buffer.concat(this.chunks, this.total));
  }
}

/** Throws an InputError unless `path` is a regular file of at most `limit.maxBytes`. */
export async function checkRegularFile(path: string, limit: ReadLimit): Promise<Stats> {
  let info: Stats;
  try {
    info = await stat(path);
  } catch (error) {
    throw unreadable(limit.label, error);
  }
  if (!info.isFile()) throw notAFile(limit.label, info);
  if (info.size > limit.maxBytes) throw tooLarge(limit, info.size);
  return info;
}

/** Read a regular file of at most `limit.maxBytes`; anything else is an InputError naming it. */
export async function readRegularFile(path: string, limit: ReadLimit): Promise<Uint8Array> {
  await checkRegularFile(path, limit);
  let handle: FileHandle;
  try {
    handle = await open(path, READ_FLAGS);
  } catch (error) {
    throw unreadable(limit.label, error);
  }
  try {
    // Checked again on the open file: the path may have been swapped since the stat.
    const info = await handle.stat();
    if (!info.isFile()) throw notAFile(limit.label, info);
    const kept = new BoundedChunks(limit);
    for (;;) {
      const { bytesRead, buffer } = await handle.read(Buffer.alloc(CHUNK), 0, CHUNK, null);
      if (!kept.add(buffer, bytesRead)) return kept.bytes();
    }
  } finally {
    await handle.close();
  }
}

/** Synchronous twin of readRegularFile, for the one-file commands (parse, import). */
export function readRegularFileSync(path: string, limit: ReadLimit): Uint8Array {
  let info: Stats;
  try {
    info = statSync(path);
  } catch (error) {
    throw unreadable(limit.label, error);
  }
  if (!info.isFile()) throw notAFile(limit.label, info);
  if (info.size > limit.maxBytes) throw tooLarge(limit, info.size);
  let fd: number;
  try {
    fd = openSync(path, READ_FLAGS);
  } catch (error) {
    throw unreadable(limit.label, error);
  }
  try {
    const opened = fstatSync(fd);
    if (!opened.isFile()) throw notAFile(limit.label, opened);
    const kept = new BoundedChunks(limit);
    for (;;) {
      const buffer = Buffer.alloc(CHUNK);
      if (!kept.add(buffer, readSync(fd, buffer, 0, CHUNK, null))) return kept.bytes();
    }
  } finally {
    closeSync(fd);
  }
}
