import { readFileSync } from 'node:fs';

export interface PdfFacts {
  pages: number;
  text: string;
  info: Record<string, unknown>;
  /** The document language from the catalog (/Lang), read from the raw bytes. */
  lang: string | undefined;
  tagged: boolean;
  /** The first page's size in points (A4 portrait: 595 × 842). */
  size: { width: number; height: number };
  /** The font names the file embeds (what `pdffonts` lists), subset prefix removed, sorted, once each. */
  fonts: string[];
}

/** Reads a PDF back the way a reader's software would: pages, text, metadata, language. */
export async function readPdf(file: string): Promise<PdfFacts> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const bytes = new Uint8Array(readFileSync(file));
  const doc = await pdfjs.getDocument({ data: bytes.slice(), isEvalSupported: false, useSystemFonts: false }).promise;
  const parts: string[] = [];
  const [, , width, height] = (await doc.getPage(1)).view as number[];
  for (let i = 1; i <= doc.numPages; i++) {
    const page = await doc.getPage(i);
    const content = await page.getTextContent();
    parts.push(content.items.map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : '')).join(''));
  }
  const meta = await doc.getMetadata();
  const markInfo = await doc.getMarkInfo();
  await doc.destroy();
  const { PDFDocument, PDFDict, PDFName, PDFString } = await import('pdf-lib');
  const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
  const lang = pdf.catalog.lookupMaybe(PDFName.of('Lang'), PDFString);
  const fonts = new Set<string>();
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.get(PDFName.of('Type')) !== PDFName.of('Font')) continue;
    const name = object.get(PDFName.of('BaseFont'));
    if (name instanceof PDFName) fonts.add(name.decodeText().replace(/^[A-Z]{6}\+/, ''));
  }
  return {
    pages: parts.length,
    size: { width: width!, height: height! },
    // Line breaks in a PDF fall where the layout put them; compare text with whitespace folded.
    text: parts.join(' ').replace(/\s+/g, ' '),
    info: meta.info as Record<string, unknown>,
    lang: lang?.decodeText(),
    tagged: Boolean(markInfo?.Marked),
    fonts: [...fonts].sort(),
  };
}

/** Each page's text, whitespace folded: for what must be on one page (a table's heading with its rows). */
export async function pageTexts(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(
      content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? ' ' : '') : ''))
        .join('')
        .replace(/\s+/g, ' '),
    );
  }
  await doc.destroy();
  return pages;
}
