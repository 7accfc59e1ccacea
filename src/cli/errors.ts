/** A mistake in how zhuanban was called (bad argument, missing file): exit code 2, no stack trace. */
export class UsageError extends Error {
  override name = 'UsageError';
}
