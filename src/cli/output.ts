import { promises as fs } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { makeDirs } from '../util/make-dirs.js';
import { tempBeside } from '../util/temp-beside.js';

/** Text is handed on in pieces of about this size: a write per file of a batch would cost more than the writing. */
const CHUNK = 16 * 1024;

/** Where a command's results go a piece at a time; `end` finishes them (a file is in place only then). */
export interface Output {
  write(text: string): Promise<void> | undefined;
  end(): Promise<void>;
  /** Gives up: a file being written is removed and the old one, if any, stays. */
  abort(): Promise<void>;
}

/** Collects pieces into chunks; `send` takes each chunk and may hold the writer back until it is taken. */
function chunked(send: (chunk: string) => Promise<void> | undefined): Pick<Output, 'write'> & { flush(): Promise<void> | undefined } {
  let pieces: string[] = [];
  let size = 0;
  const flush = () => {
    if (pieces.length === 0) return undefined;
    const chunk = pieces.join('');
    pieces = [];
    size = 0;
    return send(chunk);
  };
  return {
    write(text) {
      pieces.push(text);
      size += text.length;
      return size >= CHUNK ? flush() : undefined;
    },
    flush,
  };
}

/**
 * Standard output (or any stream), written with backpressure: when the reader is slower than the
 * run (a pipe into `less`, a CI log), the run waits for it instead of holding the results in memory.
 */
export function streamOutput(stream: NodeJS.WritableStream): Output {
  const out = chunked((chunk) => (stream.write(chunk) ? undefined : drained(stream)));
  return { write: out.write, end: async () => out.flush(), abort: async () => undefined };
}

/** Resolves when the stream takes more, or has failed or closed (its error is the stream owner's to report). */
function drained(stream: NodeJS.WritableStream): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      stream.removeListener('drain', done);
      stream.removeListener('error', done);
      stream.removeListener('close', done);
      resolve();
    };
    stream.once('drain', done);
    stream.once('error', done);
    stream.once('close', done);
  });
}

/**
 * A file written as `writeAtomic` writes one, but a piece at a time: into a temporary file beside it,
 * renamed over it by `end`. A run that fails half-way (an error, a full disk) leaves the old file as it
 * was and no temporary file behind.
 */
export async function fileOutput(file: string): Promise<Output> {
  const fail = (error: unknown) => new OutputError(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  const temp = tempBeside(file);
  let handle: fs.FileHandle;
  try {
    await makeDirs(path.dirname(file));
    handle = await fs.open(temp, 'wx');
  } catch (error) {
    throw fail(error);
  }
  let closed = false;
  const close = async () => {
    if (!closed) await handle.close();
    closed = true;
  };
  const abort = async () => {
    await close().catch(() => undefined);
    await fs.rm(temp, { force: true });
  };
  const out = chunked(async (chunk) => {
    try {
      const bytes = Buffer.from(chunk, 'utf8');
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    } catch (error) {
      await abort();
      throw fail(error);
    }
  });
  return {
    write: out.write,
    abort,
    end: async () => {
      try {
        await out.flush();
        await close();
        await fs.rename(temp, file);
      } catch (error) {
        await abort();
        throw error instanceof OutputError ? error : fail(error);
      }
    },
  };
}

/** Writes every piece, then finishes; on any failure gives up, so a file is either whole or as it was. */
export async function writePieces(out: Output, pieces: Iterable<string>): Promise<void> {
  try {
    for (const piece of pieces) await out.write(piece);
    await out.end();
  } catch (error) {
    await out.abort();
    throw error;
  }
}
