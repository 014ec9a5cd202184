import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { pdfPages } from '../../src/import/pdf.js';
import { runMain, tempTree } from '../helpers.js';

/** A PDF of `pages` pages, each with a running header and «Side n av N» around its own lines. */
async function pdfOf(pages: string[][], furniture = true): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  pages.forEach((lines, i) => {
    const page = doc.addPage([595, 842]);
    const all = furniture ? ['Arsrapport 2012 - Gjovik kommune', `Side ${i + 1} av ${pages.length}`, ...lines] : lines;
    all.forEach((line, n) => page.drawText(line, { x: 50, y: 800 - n * 20, size: 11, font }));
  });
  return doc.save();
}

let t: { dir: string; cleanup: () => void };
beforeEach(() => {
  t = tempTree({ 'skadet.pdf': '%PDF-1.7\nthis is not the rest of a PDF\n' });
});
afterEach(() => t.cleanup());

describe('reading a PDF for import', () => {
  it("keeps each page's own lines and leaves out the running header and the page numbers", async () => {
    const read = await pdfPages(await pdfOf([['Programnavn: Boligsosialt'], ['Telefon: 41581180'], ['E-post: a@b.no']]), 500);
    expect(read).toEqual({ pages: ['Programnavn: Boligsosialt', 'Telefon: 41581180', 'E-post: a@b.no'] });
  });

  it("sets a table's cells apart with a tab where the columns' gap is, and keeps a line's words as they are", async () => {
    const doc = await PDFDocument.create();
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    // A row of the form: its label, its figure in the next column, a comment that starts with a figure.
    page.drawText('Antall tilskudd til tilpasning', { x: 50, y: 700, size: 9, font });
    page.drawText('8', { x: 300, y: 700, size: 9, font });
    page.drawText('450 boliger er tilpasset', { x: 340, y: 700, size: 9, font });
    page.drawText('Antall bostøttemottakere 1 390 i januar'.replace('ø', 'o'), { x: 50, y: 680, size: 9, font });
    const read = await pdfPages(await doc.save(), 500);
    expect(read).toEqual({ pages: ['Antall tilskudd til tilpasning\t8\t450 boliger er tilpasset\nAntall bostottemottakere 1 390 i januar'] });
  });

  it('says a file is no PDF it can read, and refuses one of more pages than a report has', async () => {
    expect(await pdfPages(new TextEncoder().encode('%PDF-1.7\nbroken'), 500)).toMatchObject({ problem: 'corrupt' });
    expect(await pdfPages(await pdfOf([['a'], ['b'], ['c']], false), 2)).toEqual({ problem: 'corrupt', detail: '3 pages' });
  });

  it('on the command line: a PDF without text is named as a scan (no OCR), a broken one as such; exit 2, no stack trace', async () => {
    const blank = tempTree({ 'skannet.pdf': await pdfOf([[]], false) });
    try {
      const scan = await runMain(['import', 'skannet.pdf'], { cwd: blank.dir });
      expect(scan.status).toBe(2);
      expect(scan.stderr).toContain('skannet.pdf: the file has no text. A scanned PDF holds only pictures of its pages, and bosoreport does not read pictures (no OCR).');
    } finally {
      blank.cleanup();
    }
    const broken = await runMain(['import', 'skadet.pdf'], { cwd: t.dir });
    expect(broken.status).toBe(2);
    expect(broken.stderr).toMatch(/skadet\.pdf: cannot read the file as a PDF \(.+\)\. Is it whole\?/);
    expect(broken.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
