import { PDFDocument, PDFHexString, PDFName } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { withInfo } from '../../src/render/pdf-info.js';
import { pdfaProblems } from './pdfa-check.js';

const meta = {
  title: 'Årsrapport 2012 – Gjøvik kommune',
  author: 'Ola (NAV) \\ Brenner 😀',
  subject: 'Boligsosialt utviklingsprogram: årsrapport 2012',
  keywords: ['Husbanken', 'Gjøvik', '2012'],
};

/** A PDF laid out as Chromium writes it: one classic cross-reference table and a trailer with /Info. */
async function classicPdf(pages = 3): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage();
  doc.setTitle('Gammel tittel');
  return doc.save({ useObjectStreams: false });
}

describe('document information appended as an incremental update', () => {
  it('sets title, author, subject and keywords, and keeps every page and byte of the original', async () => {
    const original = await classicPdf();
    const updated = withInfo(original, meta)!;
    expect(updated).toBeDefined();
    expect(Buffer.from(updated.subarray(0, original.length)).equals(Buffer.from(original))).toBe(true);
    const doc = await PDFDocument.load(updated, { updateMetadata: false });
    expect(doc.getPageCount()).toBe(3);
    expect(doc.getTitle()).toBe(meta.title);
    expect(doc.getAuthor()).toBe(meta.author);
    expect(doc.getSubject()).toBe(meta.subject);
    expect(doc.getKeywords()).toBe('Husbanken Gjøvik 2012');
    expect(doc.getCreator()).toBe('bosoreport');
    // The viewer shows the title rather than the file name.
    expect(Buffer.from(updated).toString('latin1')).toMatch(/\/ViewerPreferences <<\/DisplayDocTitle true>>/);
  });

  it('does not ask again for the title to be shown when the catalog already does', async () => {
    // As Chromium writes it for a document with an outline: the preference inline in the catalog.
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.catalog.set(PDFName.of('ViewerPreferences'), doc.context.obj({ DisplayDocTitle: true }));
    const original = await doc.save({ useObjectStreams: false });
    const updated = withInfo(original, meta)!;
    const appended = Buffer.from(updated.subarray(original.length)).toString('latin1');
    // The catalog is updated for PDF/A, with the preference it had and no second one.
    expect(appended.match(/DisplayDocTitle/g)).toHaveLength(1);
    expect((await PDFDocument.load(updated)).getAuthor()).toBe(meta.author);
  });

  it('leaves files it does not know how to update to pdf-lib', async () => {
    const withStreams = await (await PDFDocument.create()).save({ useObjectStreams: true });
    expect(withInfo(withStreams, meta)).toBeUndefined();
    const once = withInfo(await classicPdf(), meta)!;
    expect(withInfo(once, meta)).toBeUndefined(); // already updated: it has /Prev
    expect(withInfo(new TextEncoder().encode('not a pdf'), meta)).toBeUndefined();
    const doc = await PDFDocument.create();
    doc.addPage();
    doc.setTitle('x', { showInWindowTitleBar: true }); // viewer preferences in an object of their own
    expect(withInfo(await doc.save({ useObjectStreams: false }), meta)).toBeUndefined();
  });
});

describe('PDF/A-2 in the same update', () => {
  it('adds XMP metadata in step with the document information, an sRGB output intent and a file identifier', async () => {
    const original = await classicPdf();
    expect(await pdfaProblems(original)).toContain('no XMP metadata stream in the catalog');
    const updated = withInfo(original, meta)!;
    expect(await pdfaProblems(updated)).toEqual([]);
    const xmp = Buffer.from(updated).toString('utf8');
    expect(xmp).toContain('<pdfaid:part>2</pdfaid:part>');
    // Markup in a title stays text in the XMP.
    const marked = withInfo(original, { ...meta, title: "A <b> & «C» d'E" })!;
    expect(await pdfaProblems(marked)).toEqual([]);
    expect(Buffer.from(marked).toString('utf8')).toContain('A &lt;b&gt; &amp; «C»');
  });

  it('keeps a file identifier the PDF already has', async () => {
    const doc = await PDFDocument.create();
    doc.addPage();
    const id = PDFHexString.of('00112233445566778899AABBCCDDEEFF');
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    const updated = withInfo(await doc.save({ useObjectStreams: false }), meta)!;
    expect(Buffer.from(updated).toString('latin1')).toMatch(/\/ID \[ ?<00112233445566778899AABBCCDDEEFF> ?<00112233445566778899AABBCCDDEEFF> ?\]\s*\/Prev/);
  });
});
