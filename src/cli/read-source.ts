/**
 * Shared by `zhuanban parse` and `zhuanban import`: read one source file, parse it, print its
 * diagnostics with vfile-reporter on stderr. A missing file is a usage error (exit 2); a binary
 * file is refused with a clear message (exit 1).
 */
import { relative, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import { BinaryInputError, parseSource, type ParseResult } from '../parse/index.js';
import { readRegularFileSync } from '../io/regular-file.js';

/**
 * Parse FILE or return null (exit code already set) when it was refused. Anything but a regular file of at
 * most `maxBytes` is an InputError (exit 2), checked the same way as the build's sources.
 */
export function readAndParse(file: string, maxBytes: number): ParseResult | null {
  const path = resolve(file);
  const bytes = readRegularFileSync(path, { label: file, maxBytes, limitKey: 'maxSourceBytes' });
  try {
    const result = parseSource(bytes, relative(process.cwd(), path) || path);
    if (result.file.messages.length) process.stderr.write(`${reporter([result.file])}\n`);
    return result;
  } catch (error) {
    if (!(error instanceof BinaryInputError)) throw error;
    process.stderr.write(`zhuanban: ${error.message}\n`);
    process.exitCode = 1;
    return null;
  }
}
