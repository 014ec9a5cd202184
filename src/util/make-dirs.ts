import { promises as fs } from 'node:fs';
import path from 'node:path';

/**
 * `mkdir -p`, one level at a time. Node's own recursive mkdir never returns for a path inside a
 * file system that refuses new folders with ENOENT (it retries the parent forever: «-d /proc/x»
 * hung render at full CPU); here each missing level is made once, and its error is the answer.
 */
export async function makeDirs(dir: string): Promise<void> {
  const missing: string[] = [];
  for (let at = path.resolve(dir); ; at = path.dirname(at)) {
    try {
      if ((await fs.stat(at)).isDirectory()) break;
      // A file where a folder should be: mkdir below says so (ENOTDIR / EEXIST).
      missing.unshift(at);
      break;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT' || path.dirname(at) === at) throw error;
      missing.unshift(at);
    }
  }
  for (const level of missing) {
    try {
      await fs.mkdir(level);
    } catch (error) {
      // Made meanwhile by another writer of the same batch: fine.
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST' || !(await fs.stat(level)).isDirectory()) throw error;
    }
  }
}
