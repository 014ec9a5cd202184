import { readFileSync } from 'node:fs';

export interface PdfFacts {
  pages: number;
  text: string;
  info: Record<string, unknown>;
  /** The document language from the catalog (/Lang), read from the raw bytes. */
  lang: string | undefined;
  tagged: boolean;
}

/** Reads a PDF back the way a reader's software would: pages, text, metadata, language. */
export async function readPdf(file: string): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const bytes = new Uint8Array(readFileSync(file));
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await doc.getMetadata();
  const markInfo = await doc.getMarkInfo();
  await doc.destroy();
  const { PDFDocument, PDFName, PDFString } = await import('pdf-lib');
  const catalog = (await PDFDocument.load(bytes, { updateMetadata: false })).catalog;
  const lang = catalog.lookupMaybe(PDFName.of('Lang'), PDFString);
  return {
    pages: parts.length,
    // Line breaks in a PDF fall where the layout put them; compare text with whitespace folded.
    text: parts.join(' ').replace(/\s+/g, ' '),
    info: meta.info as Record<string, unknown>,
    lang: lang?.decodeText(),
    tagged: Boolean(markInfo?.Marked),
  };
}
