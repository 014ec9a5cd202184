import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from '../load/limits.js';

export type ReadOutcome =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

/** The whole file, whose size fstat gave; a file that grows meanwhile is read to its end. */
function readAll(fd: number, size: number): Uint8Array {
  let buffer = Buffer.allocUnsafe(size + 1);
  let length = 0;
  for (;;) {
    if (length === buffer.length) buffer = Buffer.concat([buffer, Buffer.allocUnsafe(buffer.length)]);
    const n = readSync(fd, buffer, length, buffer.length - length, null);
    if (n === 0) return buffer.subarray(0, length);
    length += n;
  }
}

/**
 * Reads one report, refusing a file over the size limit before loading it into memory.
 * Synchronous on purpose: a batch reads hundreds of small files one after another, and the
 * promise round trips per file cost more than the reads themselves.
 */
export function readReportFile(cwd: string, file: string): ReadOutcome {
  let fd: number | undefined;
  try {
    fd = openSync(path.resolve(cwd, file), 'r');
    const info = fstatSync(fd);
    if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (info.size > LIMITS.maxFileBytes) return { kind: 'too-large', size: info.size };
    return { kind: 'bytes', bytes: readAll(fd, info.size) };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: e.code ?? e.message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
