/**
 * Whether two paths name the same file (same path, or the same inode through a link), so a command
 * that writes can refuse to overwrite what it reads.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';

/** True when `a` and `b` are one file; false when `b` does not exist yet. */
export function sameFile(a: string, b: string): boolean {
  if (resolve(a) === resolve(b)) return true;
  try {
    const x = statSync(a);
    const y = statSync(b);
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}
