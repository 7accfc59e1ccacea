/**
 * Shared by `zhuanban parse` and `zhuanban import`: read one source file, parse it, print its
 * diagnostics with vfile-reporter on stderr. A missing file is a usage error (exit 2); a binary
 * file is refused with a clear message (exit 1).
 */
import { readFileSync, statSync } from 'node:fs';
import { relative, resolve } from 'node:path';
import { reporter } from 'vfile-reporter';
import { BinaryInputError, parseSource, type ParseResult } from '../parse/index.js';
import { UsageError } from './errors.js';

/** Parse FILE or return null (exit code already set) when it was refused. */
export function readAndParse(file: string): ParseResult | null {
  const path = resolve(file);
  let bytes: Uint8Array;
  try {
    if (!statSync(path).isFile()) throw new UsageError(`${file} is not a file`);
    bytes = readFileSync(path);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
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
