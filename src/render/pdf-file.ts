import { readSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { OutputError } from '../errors.js';
import { makeDirs } from '../util/make-dirs.js';
import { tempBeside } from '../util/temp-beside.js';
import { infoUpdate, type PdfBytes, type PdfMetadata } from './pdf-info.js';
import { fileIdOf } from './pdfa.js';

/** How much of the file is read at a time while looking for a word (an object's end). */
const WINDOW = 64 * 1024;

/** The first `length` bytes of an open file, read where the update asks (readSync: it asks for little). */
export function onDisk(fd: number, length: number, window = WINDOW): PdfBytes {
  const latin1 = (start: number, end: number) => {
    const buffer = Buffer.alloc(Math.max(0, Math.min(end, length) - start));
    let done = 0;
    while (done < buffer.length) {
      const n = readSync(fd, buffer, done, buffer.length - done, start + done);
      if (n === 0) break;
      done += n;
    }
    return buffer.toString('latin1', 0, done);
  };
  return {
    length,
    latin1,
    indexOf(word, from) {
      // Windows that overlap by the word's length less one, so a word across two windows is found.
      for (let at = from; at < length; at += window - word.length + 1) {
        const found = latin1(at, at + window).indexOf(word);
        if (found !== -1) return at + found;
      }
      return -1;
    },
  };
}

/**
 * Writes a PDF that arrives in pieces (Chromium's print of an overview of thousands of reports, over
 * 100 MB) to `file` without holding it: into a temporary file beside it, with the document
 * information and PDF/A update appended as for a PDF in memory, then renamed into place. Nothing is
 * left behind if the stream or the disk fails; a failure to write is an OutputError naming `file`,
 * a failure of the stream is the stream's own error.
 */
export async function writePdfStream(chunks: AsyncIterable<Uint8Array>, file: string, meta: PdfMetadata): Promise<void> {
  const fail = (error: unknown) => new OutputError(file, (error as NodeJS.ErrnoException).code ?? (error as Error).message);
  const temp = tempBeside(file);
  let handle: fs.FileHandle;
  try {
    await makeDirs(path.dirname(file));
    handle = await fs.open(temp, 'wx+');
  } catch (error) {
    throw fail(error);
  }
  const write = async (bytes: Uint8Array) => {
    try {
      for (let done = 0; done < bytes.length;) done += (await handle.write(bytes, done, bytes.length - done)).bytesWritten;
    } catch (error) {
      throw fail(error);
    }
  };
  try {
    const md5 = process.getBuiltinModule('node:crypto').createHash('md5');
    let length = 0;
    for await (const chunk of chunks) {
      md5.update(chunk);
      await write(chunk);
      length += chunk.length;
    }
    const update = infoUpdate(onDisk(handle.fd, length), meta, () => fileIdOf(md5.digest('hex')));
    if (update !== undefined) await write(Buffer.from(update, 'latin1'));
    await handle.close();
    if (update === undefined) {
      // Not laid out as Chromium lays out a PDF: pdf-lib rewrites it whole, as for a single report.
      const { withMetadata } = await import('./pdf.js');
      const whole = await withMetadata(await fs.readFile(temp), meta);
      await fs.writeFile(temp, whole).catch((error: unknown) => {
        throw fail(error);
      });
    }
    await fs.rename(temp, file).catch((error: unknown) => {
      throw fail(error);
    });
  } catch (error) {
    await handle.close().catch(() => undefined);
    await fs.rm(temp, { force: true });
    throw error;
  }
}
