import { checkReports, streamReports, type CheckOptions, type CheckRun, type CheckStream, type StreamOptions } from '../engine/index.js';
import { t } from '../messages/index.js';
import { wantsProgress, type CommandContext, type Io } from './context.js';

/** Standard input is read once per command, though a command may check it twice (in two languages). */
const stdinOnce = new WeakMap<Io, Promise<Uint8Array>>();
function stdinOf(io: Io): (() => Promise<Uint8Array>) | undefined {
  const read = io.stdin;
  if (!read) return undefined;
  return () => {
    let bytes = stdinOnce.get(io);
    if (!bytes) stdinOnce.set(io, (bytes = read()));
    return bytes;
  };
}

type Given<O> = Omit<O, 'cwd' | 'lang' | 'stdin' | 'onProgress'> & { lang?: CheckOptions['lang'] };

/**
 * The engine as a command calls it: the working folder, language and standard input of the command,
 * and on a terminal a «files done / total» line while a batch is checked.
 */
export function check(paths: readonly string[], ctx: CommandContext, options: Given<CheckOptions> = {}): Promise<CheckRun> {
  return withProgress(ctx, options, (o) => checkReports(paths, o));
}

/** `check` for a batch of any size: the files are read back one at a time (see `streamReports`). */
export function checkStream(paths: readonly string[], ctx: CommandContext, options: Given<StreamOptions> = {}): Promise<CheckStream> {
  return withProgress(ctx, options, (o) => streamReports(paths, o));
}

async function withProgress<O extends CheckOptions, R>(ctx: CommandContext, options: Given<O>, run: (options: O) => Promise<R>): Promise<R> {
  const { io } = ctx;
  const lang = options.lang ?? ctx.lang;
  const progress = wantsProgress(io);
  let shown = 0;
  let drawn = false;
  const onProgress = (done: number, total: number) => {
    // A few updates a second are enough to see it move; one per file would flood a slow terminal.
    if (total < 2 || Date.now() - shown < 100) return;
    shown = Date.now();
    drawn = true;
    io.stderr.write(`\r${t(ctx.lang, 'progress', { done, total })}`);
  };
  try {
    return await run({ ...options, cwd: io.cwd, lang, ...(io.stdin ? { stdin: stdinOf(io)! } : {}), ...(progress ? { onProgress } : {}) } as O);
  } finally {
    if (drawn) io.stderr.write('\r\x1b[K');
  }
}
