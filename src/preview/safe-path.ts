/**
 * Request path → file inside an allowed root, or null. The preview serves the project read-only, so
 * every way out of the root is refused before the filesystem is touched: `..` and `.` segments (raw or
 * percent-encoded, even double-encoded), hidden files and folders (`.git/`), backslashes, NUL, malformed escapes, and symlinks that leave it.
 */
import { realpath } from 'node:fs/promises';
import { resolve, sep } from 'node:path';

/** Whether a raw request target tries to climb out of its root (checked before any routing). */
export function isTraversal(rawUrl: string): boolean {
  const pathPart = rawUrl.split(/[?#]/)[0] ?? '';
  let decoded = pathPart;
  // Decode repeatedly so `%252e%252e` (double encoding) is seen as `..` too.
  for (let i = 0; i < 3; i++) {
    let next: string;
    try {
      next = decodeURIComponent(decoded);
    } catch {
      return true;
    }
    if (next === decoded) break;
    decoded = next;
  }
  if (/[\\\0]/.test(decoded)) return true;
  // `.`/`..` climb out; any other dot-segment is a hidden file (`.git/config`, `.env`), never part of a proof.
  return decoded.split('/').some((segment) => segment.startsWith('.'));
}

/** The absolute path for `relPath` (URL path below a mount, still encoded) inside `root`, or null if refused. */
export async function resolveInside(root: string, relPath: string): Promise<string | null> {
  if (isTraversal(relPath)) return null;
  let decoded: string;
  try {
    decoded = decodeURIComponent(relPath);
  } catch {
    return null;
  }
  if (decoded.includes('%')) return null; // a double-encoded name is never a real project file we serve
  const base = resolve(root);
  const full = resolve(base, `.${decoded.startsWith('/') ? decoded : `/${decoded}`}`);
  if (full !== base && !full.startsWith(base + sep)) return null;
  try {
    // Symlinks must not lead out of the root either.
    const [realBase, realFull] = await Promise.all([realpath(base), realpath(full)]);
    if (realFull !== realBase && !realFull.startsWith(realBase + sep)) return null;
    return realFull;
  } catch {
    return null;
  }
}
