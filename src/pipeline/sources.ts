/**
 * Which source files make the edition: the command's arguments, else the config's `sources`, else
 * every .txt/.md in seeds/ in file-name order (one source file = one page).
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, resolve } from 'node:path';
import type { Config } from '../config/schema.js';

/** A usage problem with the inputs (exit code 2). */
export class SourceError extends Error {}

const SOURCE_EXT = new Set(['.txt', '.md']);

/** Resolve the ordered list of source paths. */
export async function resolveSources(root: string, config: Config, args: string[]): Promise<string[]> {
  const wanted = args.length ? args : config.sources ?? ['seeds'];
  const out: string[] = [];
  for (const entry of wanted) {
    const path = isAbsolute(entry) ? entry : resolve(root, entry);
    let info: Stats;
    try {
      info = await stat(path);
    } catch {
      throw new SourceError(`source not found: ${entry}`);
    }
    if (info.isDirectory()) {
      const names = (await readdir(path)).filter((n) => SOURCE_EXT.has(extname(n).toLowerCase())).sort();
      out.push(...names.map((n) => join(path, n)));
    } else out.push(path);
  }
  if (!out.length) throw new SourceError(`no .txt or .md sources in ${wanted.join(', ')}`);
  return out;
}
