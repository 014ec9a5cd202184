import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
import { LIMITS } from './limits.js';

export type ReadOutcome =
  { kind: 'bytes'; bytes: Uint8Array } | { kind: 'too-large'; size: number } | { kind: 'missing' } | { kind: 'unreadable'; reason: string; what?: 'folder' | 'special' };

const FOLDER: ReadOutcome = { kind: 'unreadable', reason: 'a folder, not a file', what: 'folder' };

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
export function readReportFile(cwd: string, file: string, limit = LIMITS.maxFileBytes): ReadOutcome {
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO for reading would otherwise wait for a writer, for ever. One open
    // and one fstat per file, no stat before: a batch opens thousands of files.
    fd = openSync(path.resolve(cwd, file), constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const info = fstatSync(fd);
    if (info.isDirectory()) return FOLDER;
    if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file (a pipe, socket or device)', what: 'special' };
    if (info.size > limit) return { kind: 'too-large', size: info.size };
    const bytes = readAll(fd, info.size);
    // A file that grew past the limit while it was read is refused like one that was too large.
    return bytes.length > limit ? { kind: 'too-large', size: bytes.length } : { kind: 'bytes', bytes };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { kind: 'missing' };
    if (e.code === 'EISDIR') return FOLDER; // Windows will not open a folder
    if (e.code === 'ENXIO') return { kind: 'unreadable', reason: 'not a regular file (a pipe, socket or device)', what: 'special' }; // a socket

    return { kind: 'unreadable', reason: e.code ?? e.message };
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
