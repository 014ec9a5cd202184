import { randomBytes } from 'node:crypto';
// fs.promises is loaded on first use: a `validate` that prints its results never needs it.
import { promises as fs } from 'node:fs';
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
  await fs.mkdir(path.dirname(file), { recursive: true });
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await fs.writeFile(temp, data);
    await fs.rename(temp, file);
  } catch (error) {
    await fs.rm(temp, { force: true });
    throw error;
  }
}
