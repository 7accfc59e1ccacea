/**
 * A problem with what the user gave zhuanban (a source, the config, a folder, an option), as opposed
 * to a fault in zhuanban or the browser: the command line prints the message, which names the file or
 * key, and exits with code 2 instead of printing a stack.
 */
export class InputError extends Error {
  override name = 'InputError';
  constructor(
    message: string,
    /** Stable identifier of the kind of problem, e.g. `not-a-file` or `source-too-large`. */
    readonly ruleId: string = 'bad-input',
  ) {
    super(message);
  }
}
