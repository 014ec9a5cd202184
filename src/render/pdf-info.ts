/**
 * Document information and PDF/A-2 for Chromium's PDFs, written as an incremental update (PDF 1.7,
 * 7.5.6): the new Info dictionary and catalog, the XMP metadata and the output intent are appended
 * after the original bytes with their own cross-reference section. Rewriting the whole file with pdf-lib cost about 40 ms of CPU per
 * 13-page report; this costs well under one. Only the layout Chromium (Skia) writes is handled —
 * one classic cross-reference table, no earlier update, no encryption — anything else returns
 * undefined and the caller uses pdf-lib.
 */

import { fileId, pdfaObjects, xmpFacts } from './pdfa.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** Languages the text holds besides the document's /Lang (the answers' nynorsk), for XMP dc:language. */
  languages?: string[];
}

/** A PDF text string: UTF-16BE with a byte-order mark, hex-encoded, so any character is safe. */
function textString(s: string): string {
  let hex = 'FEFF';
  for (let i = 0; i < s.length; i++) hex += s.charCodeAt(i).toString(16).toUpperCase().padStart(4, '0');
  return `<${hex}>`;
}

interface Ref {
  num: number;
  gen: number;
}

/**
 * The bytes of a PDF as far as the update reads them: its length, a Latin-1 slice, and where a word
 * next occurs. A PDF in memory, or a file read piece by piece (the overview of 10 000 reports is
 * a 140 MB PDF, which is never held whole).
 */
export interface PdfBytes {
  readonly length: number;
  latin1(start: number, end: number): string;
  indexOf(word: string, from: number): number;
}

function inMemory(bytes: Buffer): PdfBytes {
  return { length: bytes.length, latin1: (start, end) => bytes.toString('latin1', start, end), indexOf: (word, from) => bytes.indexOf(word, from, 'latin1') };
}

/**
 * The body of object `ref` (between `obj` and `endobj`), found through the cross-reference section
 * (`xref`: the file from «xref» to its end, as Latin-1) and read from the bytes at its offset.
 */
function objectBody(bytes: PdfBytes, xref: string, ref: Ref): string | undefined {
  // Subsections: a line «first count», then count entries of exactly 20 bytes.
  let at = xref.indexOf('\n') + 1;
  for (;;) {
    const header = /^(\d+) (\d+)\r?\n/.exec(xref.slice(at, at + 32));
    if (!header) return undefined;
    const first = Number(header[1]);
    const count = Number(header[2]);
    at += header[0].length;
    if (ref.num >= first && ref.num < first + count) {
      const entry = xref.slice(at + (ref.num - first) * 20, at + (ref.num - first) * 20 + 20);
      const m = /^(\d{10}) (\d{5}) n/.exec(entry);
      if (!m || Number(m[2]) !== ref.gen) return undefined;
      const offset = Number(m[1]);
      const end = bytes.indexOf('endobj', offset);
      const start = `${ref.num} ${ref.gen} obj`;
      if (end === -1 || bytes.latin1(offset, offset + start.length) !== start) return undefined;
      return bytes.latin1(offset + start.length, end).trim();
    }
    at += count * 20;
  }
}

function refIn(dict: string, key: string): Ref | undefined {
  const m = new RegExp(`/${key} (\\d+) (\\d+) R`).exec(dict);
  return m ? { num: Number(m[1]), gen: Number(m[2]) } : undefined;
}

/** The PDF with title, author, subject and keywords set and the title shown in the window bar; undefined if its layout is not Chromium's. */
export function withInfo(pdf: Uint8Array, meta: PdfMetadata): Uint8Array | undefined {
  const bytes = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength);
  const update = infoUpdate(inMemory(bytes), meta, () => fileId(bytes));
  return update === undefined ? undefined : Buffer.concat([bytes, Buffer.from(update, 'latin1')]);
}

/**
 * What `withInfo` appends to the PDF, as Latin-1 text; `id` gives the file identifier (an MD5 of
 * the original bytes) for a file without one. Undefined if the layout is not Chromium's.
 */
export function infoUpdate(bytes: PdfBytes, meta: PdfMetadata, id: () => string): string | undefined {
  // Only the end of the file and the two objects are read as text: a Latin-1 copy of the whole file
  // was as large again as the PDF (43 MB for an overview of 10 000 reports).
  const tail = /startxref\s+(\d+)\s+%%EOF\s*$/.exec(bytes.latin1(Math.max(0, bytes.length - 64), bytes.length));
  if (!tail) return undefined;
  const xrefAt = Number(tail[1]);
  if (xrefAt >= bytes.length) return undefined;
  const section = bytes.latin1(xrefAt, bytes.length - tail[0].length);
  if (!section.startsWith('xref')) return undefined; // a cross-reference stream
  const trailerAt = section.indexOf('trailer');
  const trailer = trailerAt === -1 ? '' : section.slice(trailerAt);
  if (!trailer || /\/(Prev|Encrypt)\b/.test(trailer)) return undefined;
  const size = /\/Size (\d+)/.exec(trailer);
  const root = refIn(trailer, 'Root');
  const info = refIn(trailer, 'Info');
  if (!size || !root || !info) return undefined;
  const catalog = objectBody(bytes, section, root);
  const oldInfo = objectBody(bytes, section, info);
  if (!catalog || !oldInfo || !catalog.endsWith('>>')) return undefined;
  // Chromium asks viewers to show the title when the document has an outline; otherwise the catalog is updated to.
  const showsTitle = /\/DisplayDocTitle true/.test(catalog);
  if (!showsTitle && catalog.includes('/ViewerPreferences')) return undefined;

  const literal = (dict: string, key: string) => new RegExp(`/${key} \\(([^()\\\\]*)\\)`).exec(dict)?.[1];
  const kept = ['Producer', 'CreationDate', 'ModDate'].flatMap((key) => (literal(oldInfo, key) !== undefined ? [`/${key} (${literal(oldInfo, key)})`] : []));
  const infoDict = [
    `/Title ${textString(meta.title)}`,
    `/Author ${textString(meta.author)}`,
    `/Subject ${textString(meta.subject)}`,
    `/Keywords ${textString(meta.keywords.join(' '))}`,
    '/Creator (bosoreport)',
    ...kept,
  ].join('\n');
  // PDF/A: the same facts as XMP metadata, and the sRGB output intent, as new objects the catalog names.
  if (/\/(Metadata|OutputIntents)\b/.test(catalog)) return undefined;
  const first = Number(size[1]);
  const nums = { metadata: first, profile: first + 1, intent: first + 2 };
  const lang = literal(catalog, 'Lang');
  const facts = xmpFacts(meta, {
    producer: literal(oldInfo, 'Producer'),
    created: literal(oldInfo, 'CreationDate'),
    modified: literal(oldInfo, 'ModDate'),
    lang,
    languages: meta.languages,
  });

  const catalogAdds = `\n/Metadata ${nums.metadata} 0 R\n/OutputIntents [${nums.intent} 0 R]${showsTitle ? '' : '\n/ViewerPreferences <</DisplayDocTitle true>>'}`;
  const changed: [Ref, string][] = [
    [info, `<<${infoDict}>>`],
    [root, `${catalog.slice(0, -2)}${catalogAdds}>>`],
    ...pdfaObjects(facts, nums).map(([num, body]): [Ref, string] => [{ num, gen: 0 }, body]),
  ];

  // The changed and new objects, then a cross-reference section listing just them.
  let out = '\n';
  const offsets = new Map<number, number>();
  for (const [ref, body] of changed) {
    offsets.set(ref.num, bytes.length + out.length);
    out += `${ref.num} ${ref.gen} obj\n${body}\nendobj\n`;
  }
  const xref = bytes.length + out.length;
  out += 'xref\n';
  for (const ref of changed.map(([r]) => r).sort((a, b) => a.num - b.num)) {
    out += `${ref.num} 1\n${String(offsets.get(ref.num)).padStart(10, '0')} ${String(ref.gen).padStart(5, '0')} n\r\n`;
  }
  // PDF/A asks for a file identifier; Chromium writes none, so one is made from its bytes.
  const fileIds = /\/ID\s*(\[[^\]]*\])/.exec(trailer)?.[1] ?? id();
  out += `trailer\n<</Size ${nums.intent + 1}\n/Root ${root.num} ${root.gen} R\n/Info ${info.num} ${info.gen} R\n/ID ${fileIds}\n/Prev ${xrefAt}>>\nstartxref\n${xref}\n%%EOF\n`;
  return out;
}
