import { open } from 'node:fs/promises';
import path from 'node:path';
import { LIMITS } from '../load/limits.js';

export type ReadOutcome =
  | { kind: 'bytes'; bytes: Uint8Array }
  | { kind: 'too-large'; size: number }
  | { kind: 'missing' }
  | { kind: 'unreadable'; reason: string };

/** Reads one report, refusing a file over the size limit before loading it into memory. */
export async function readReportFile(cwd: string, file: string): Promise<ReadOutcome> {
  let handle;
  try {
    handle = await open(path.resolve(cwd, file), 'r');
    const info = await handle.stat();
    if (!info.isFile()) return { kind: 'unreadable', reason: 'not a regular file' };
    if (info.size > LIMITS.maxFileBytes) return { kind: 'too-large', size: info.size };
    return { kind: 'bytes', bytes: await handle.readFile() };
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') return { kind: 'missing' };
    return { kind: 'unreadable', reason: e.code ?? e.message };
  } finally {
    await handle?.close();
  }
}
