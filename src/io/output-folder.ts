/**
 * The output folder is checked before any work starts (Chromium included): `-o edition.pdf` naming an
 * existing file, or a path through a file, is the user's mistake and is said so at once.
 */
import { stat } from 'node:fs/promises';
import { dirname } from 'node:path';
import { InputError } from './input-error.js';
import { describeKind } from './regular-file.js';

/** Throws an InputError unless `outDir` is a folder or can be created as one. */
export async function checkOutputFolder(outDir: string, shown: string): Promise<void> {
  for (let path = outDir; ; path = dirname(path)) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) return;
      const what = info.isFile() ? 'an existing file' : describeKind(info);
      throw new InputError(
        path === outDir
          ? `-o ${shown} is ${what}; -o names the output folder (edition.pdf, proof/ and report.json are written inside it)`
          : `-o ${shown} cannot be created: ${path} is ${what}, not a folder`,
        'bad-output',
      );
    } catch (error) {
      if (error instanceof InputError) throw error;
      // ENOTDIR: a file stands somewhere above; walking up names it.
      if (!['ENOENT', 'ENOTDIR'].includes((error as NodeJS.ErrnoException).code ?? '')) throw error;
      if (dirname(path) === path) return;
    }
  }
}
