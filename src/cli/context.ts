import type { Lang } from '../messages/index.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  /** Standard input, read whole, for a report given as «-» (a pipe, or an editor's buffer). */
  stdin?: () => Promise<Uint8Array>;
}

export interface CommandContext {
  io: Io;
  lang: Lang;
}

/** The styles bosoreport's terminal output uses. */
export interface Colors {
  red(text: string): string;
  yellow(text: string): string;
  green(text: string): string;
  cyan(text: string): string;
  bold(text: string): string;
  dim(text: string): string;
}

const same = (text: string) => text;
export const NO_COLOR: Colors = { red: same, yellow: same, green: same, cyan: same, bold: same, dim: same };

/**
 * Colour only on a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR turns it
 * on for CI logs that render it, unless NO_COLOR is set too. chalk is loaded only when colour is on: CI runs never need it.
 */
export async function colorFor(stream: Io['stdout'], env: NodeJS.ProcessEnv): Promise<Colors> {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  // NO_COLOR always wins, as the README promises: a user who asked for none gets none.
  const enabled = !noColor && (forced || (stream.isTTY === true && env.TERM !== 'dumb'));
  if (!enabled) return NO_COLOR;
  const { Chalk } = await import('chalk');
  return new Chalk({ level: 1 });
}

/** Progress belongs on an interactive terminal only: never in CI logs or when output is piped. */
export function wantsProgress(io: Io): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}
