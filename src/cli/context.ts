import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../messages/index.js';

/** What a command may touch of the outside world; tests pass their own. */
export interface Io {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
}

export interface CommandContext {
  io: Io;
  lang: Lang;
}

/** Colour only on a terminal, never when NO_COLOR is set (https://no-color.org); FORCE_COLOR wins for CI logs that render it. */
export function colorFor(stream: Io['stdout'], env: NodeJS.ProcessEnv): ChalkInstance {
  const forced = env.FORCE_COLOR !== undefined && env.FORCE_COLOR !== '0' && env.FORCE_COLOR !== 'false';
  const noColor = env.NO_COLOR !== undefined && env.NO_COLOR !== '';
  const enabled = forced || (!noColor && stream.isTTY === true && env.TERM !== 'dumb');
  return new Chalk({ level: enabled ? 1 : 0 });
}

/** Progress belongs on an interactive terminal only: never in CI logs or when output is piped. */
export function wantsProgress(io: Io): boolean {
  return io.stderr.isTTY === true && !io.env.CI;
}
