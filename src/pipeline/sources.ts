/**
 * Which source files make the edition: the command's arguments, else the config's `sources`, else
 * every .txt/.md in seeds/ in file-name order (one source file = one page).
 */
import type { Stats } from 'node:fs';
import { readdir, stat } from 'node:fs/promises';
import { extname, isAbsolute, join, relative, resolve } from 'node:path';
import type { Config } from '../config/schema.js';
import { InputError } from '../io/input-error.js';
import { checkRegularFile, describeKind } from '../io/regular-file.js';

/** A usage problem with the inputs (exit code 2). */
export class SourceError extends InputError {}

const SOURCE_EXT = new Set(['.txt', '.md']);

/** Resolve the ordered list of source paths. */
export async function resolveSources(root: string, config: Config, args: string[]): Promise<string[]> {
  const wanted = args.length ? args : (config.sources ?? ['seeds']);
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
    } else if (info.isFile()) out.push(path);
    else throw new SourceError(`source ${entry} is ${describeKind(info)}, not a regular file`);
  }
  if (!out.length) throw new SourceError(`no .txt or .md sources in ${wanted.join(', ')}`);
  // Every source is checked before anything starts (Chromium included): kind and size (maxSourceBytes).
  for (const path of out) {
    try {
      await checkRegularFile(path, {
        label: `source ${relative(root, path) || path}`,
        maxBytes: config.maxSourceBytes,
        limitKey: 'maxSourceBytes',
      });
    } catch (error) {
      if (error instanceof InputError) throw new SourceError(error.message);
      throw error;
    }
  }
  return out;
}
