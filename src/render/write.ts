import { makeDirs } from '../util/make-dirs.js';
import { tempBeside } from '../util/temp-beside.js';
// fs.promises is loaded on first use: a `validate` that prints its results never needs it.
import { constants, promises as fs } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';

/**
 * Writes a file so that readers see either the old file or the complete new one, never a part:
 * the data goes to a temporary file in the same folder, which is then renamed over the target.
 */
export async function writeAtomic(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeReplacing(file, data);
  } catch (error) {
    // A read-only, full or missing output folder is the user's to fix: say which file and why.
    const e = error as NodeJS.ErrnoException;
    throw new OutputError(file, e.code ?? e.message);
  }
}

async function writeReplacing(file: string, data: string | Uint8Array): Promise<void> {
  await makeDirs(path.dirname(file));
  const temp = tempBeside(file);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}

/** Why an existing file is not replaced: it may not be written, or it has other names a rename would cut. */
export class KeptFile extends OutputError {}

/**
 * Replaces an existing file's bytes as `writeAtomic` does, keeping what the file is beyond them: its
 * mode, its owner and group where this user may set them, and the file a symbolic link points to.
 * A read-only file (no write bit, whoever runs this, root included) and a file with other names
 * (hard links, which a rename would cut) are refused with a `KeptFile`, and nothing is written.
 */
export async function replaceKeeping(file: string, data: string | Uint8Array): Promise<void> {
  let target: string;
  let info: import('node:fs').Stats;
  try {
    target = await fs.realpath(file);
    info = await fs.stat(target);
  } catch (error) {
    throw new OutputError(file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
  if ((info.mode & 0o222) === 0) throw new KeptFile(file, 'read-only');
  if (info.nlink > 1) throw new KeptFile(file, 'hard-linked');
  const mode = info.mode & 0o7777;
  const temp = tempBeside(target);
  try {
    await fs.access(target, constants.W_OK);
    await fs.writeFile(temp, data, { mode });
    // The umask may have taken bits away, and a new file belongs to whoever runs this.
    await fs.chmod(temp, mode);
    if (process.getuid?.() === 0) await fs.chown(temp, info.uid, info.gid);
    else await fs.chown(temp, info.uid, info.gid).catch(() => undefined);
    await fs.rename(temp, target);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw new OutputError(file, (error as NodeJS.ErrnoException).code ?? String(error));
  }
}
