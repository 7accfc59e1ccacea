import type { Config } from '../config/schema.js';

/** A mistake in how zhuanban was called (bad argument, missing file): exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The part of the pipeline's API that turns a command line's source list into files. */
interface SourceResolver {
  resolveSources(root: string, config: Config, sources: string[]): Promise<string[]>;
  SourceError: new (...args: never[]) => Error;
}

/** The source files a command works on; a source list that names nothing usable is the user's to fix (exit 2). */
export async function sourcePaths(
  pipeline: SourceResolver,
  root: string,
  config: Config,
  sources: string[],
): Promise<string[]> {
  try {
    return await pipeline.resolveSources(root, config, sources);
  } catch (error) {
    if (error instanceof pipeline.SourceError) throw new UsageError(error.message);
    throw error;
  }
}
