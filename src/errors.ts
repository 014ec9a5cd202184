/**
 * Errors that end a command. Each carries the exit code the CLI returns, so that
 * the CLI never has to guess from an error's class how serious it was.
 */
export const EXIT_CLEAN = 0;
export const EXIT_PROBLEMS = 1;
export const EXIT_USAGE = 2;

export class BosoreportError extends Error {
  constructor(
    message: string,
    readonly exitCode: number,
  ) {
    super(message);
    this.name = new.target.name;
  }
}

/** An output file could not be written; nothing was replaced. The CLI words the message in the user's language. */
export class OutputError extends BosoreportError {
  constructor(
    readonly file: string,
    readonly code: string,
  ) {
    super(`Cannot write ${file}: ${code}`, EXIT_USAGE);
  }
}
