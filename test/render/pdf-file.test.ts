import { closeSync, existsSync, openSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { OutputError } from '../../src/errors.js';
import { onDisk, writePdfStream } from '../../src/render/pdf-file.js';
import { withInfo } from '../../src/render/pdf-info.js';
import { tempTree } from '../helpers.js';
import { pdfaProblems } from './pdfa-check.js';

const meta = { title: 'Oversikt over rapportene', author: 'bosoreport', subject: 'Boligsosialt utviklingsprogram: oversikt', keywords: ['Husbanken', 'oversikt'] };

/** A PDF laid out as Chromium writes it (one classic cross-reference table), in pieces of `size` bytes as a browser sends it. */
async function* inPieces(pdf: Uint8Array, size: number, failAfter = Infinity): AsyncGenerator<Uint8Array> {
  for (let at = 0; at < pdf.length; at += size) {
    if (at >= failAfter) throw new Error('Protocol error (IO.read): the browser has closed');
    yield pdf.subarray(at, at + size);
  }
}

async function classicPdf(pages: number): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage().drawText(`Side ${i + 1}`);
  return doc.save({ useObjectStreams: false });
}

let t: { dir: string; cleanup: () => void };
beforeEach(() => {
  t = tempTree({ 'gammel.pdf': 'the overview of last week' });
});
afterEach(() => t.cleanup());

describe('a PDF written as it arrives', () => {
  it('is the same file, byte for byte, as the PDF updated in memory: document information and PDF/A', async () => {
    const original = await classicPdf(40);
    const file = path.join(t.dir, 'ut', 'oversikt.pdf');
    await writePdfStream(inPieces(original, 1000), file, meta);
    const written = readFileSync(file);
    expect(written.equals(Buffer.from(withInfo(original, meta)!))).toBe(true);
    expect(await pdfaProblems(written)).toEqual([]);
    expect((await PDFDocument.load(written)).getPageCount()).toBe(40);
    expect(readdirSync(path.dirname(file))).toEqual(['oversikt.pdf']);
  });

  it('finds a word that lies across two of the pieces it reads the file in', () => {
    const file = path.join(t.dir, 'ord.txt');
    writeFileSync(file, `${'x'.repeat(14)}endobj${'y'.repeat(30)}endobj`);
    const fd = openSync(file, 'r');
    try {
      const bytes = onDisk(fd, 56, 16); // the first «endobj» runs from byte 14 to 20, across the first 16
      expect(bytes.indexOf('endobj', 0)).toBe(14);
      expect(bytes.indexOf('endobj', 15)).toBe(50);
      expect(bytes.indexOf('endobj', 51)).toBe(-1);
      expect(bytes.latin1(10, 20)).toBe('xxxxendobj');
    } finally {
      closeSync(fd);
    }
  });

  it('leaves a PDF it cannot update in place to pdf-lib, and the result is still PDF/A', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const streams = await doc.save({ useObjectStreams: true });
    const file = path.join(t.dir, 'annen.pdf');
    await writePdfStream(inPieces(streams, 100), file, meta);
    const written = readFileSync(file);
    expect(await pdfaProblems(written)).toEqual([]);
    expect((await PDFDocument.load(written)).getTitle()).toBe(meta.title);
  });

  it('keeps the old file and leaves nothing behind when the browser stops sending half-way', async () => {
    const original = await classicPdf(20);
    const file = path.join(t.dir, 'gammel.pdf');
    await expect(writePdfStream(inPieces(original, 500, 2000), file, meta)).rejects.toThrow('the browser has closed');
    expect(readFileSync(file, 'utf8')).toBe('the overview of last week');
    expect(readdirSync(t.dir)).toEqual(['gammel.pdf']);
  });

  it('names the file when it cannot be written', async () => {
    const file = path.join(t.dir, 'gammel.pdf', 'under-en-fil.pdf');
    const error = await writePdfStream(inPieces(await classicPdf(1), 100), file, meta).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OutputError);
    expect((error as Error).message).toContain('under-en-fil.pdf');
    expect(existsSync(file)).toBe(false);
  });
});
