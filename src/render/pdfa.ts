import { createHash } from 'node:crypto';
import { escapeHtml } from '../util/escape.js';
import { SRGB_DESCRIPTION, srgbProfile } from './srgb-icc.js';

/**
 * What makes Chromium's PDF a PDF/A-2 file (ISO 19005-2), level U: XMP metadata that identifies it
 * and says what the document information says, an sRGB output intent with its profile embedded,
 * and a file identifier. Chromium already embeds every font with a Unicode map, tags the text and
 * sets /Lang. Level A would need every page element tagged (Chromium leaves some untagged), so U is
 * claimed: text that can be searched and copied as Unicode.
 */
export const PDFA = { part: 2, conformance: 'U' } as const;

export interface XmpFacts {
  title: string;
  author: string;
  subject: string;
  keywords: string;
  creator: string;
  producer?: string;
  /** PDF dates (D:YYYYMMDDHHmmSS+HH'mm'), as in the document information. */
  created?: string;
  modified?: string;
  lang?: string;
  /** Further languages of the text (dc:language is a bag: the document's first). */
  languages?: readonly string[] | undefined;
}

/** The XMP facts of a report's PDF: what bosoreport sets, and what the file already says (only where it says it). */
export function xmpFacts(
  meta: { title: string; author: string; subject: string; keywords: readonly string[] },
  found: { producer?: string | undefined; created?: string | undefined; modified?: string | undefined; lang?: string | undefined; languages?: readonly string[] | undefined },
): XmpFacts {
  const known = Object.fromEntries(Object.entries(found).filter(([, v]) => v !== undefined)) as Partial<XmpFacts>;
  return { title: meta.title, author: meta.author, subject: meta.subject, keywords: meta.keywords.join(' '), creator: 'bosoreport', ...known };
}

/** A PDF date as XMP writes it (ISO 8601); undefined when it is not one. */
export function xmpDate(pdfDate: string | undefined): string | undefined {
  const m = /^D:(\d{4})(\d{2})?(\d{2})?(\d{2})?(\d{2})?(\d{2})?(Z|[+-]\d{2}'?\d{2}'?)?/.exec(pdfDate ?? '');
  if (!m) return undefined;
  const [, y, mo = '01', d = '01', h = '00', mi = '00', s = '00', zone] = m;
  const tz = !zone || zone === 'Z' ? 'Z' : `${zone.slice(0, 3)}:${zone.replace(/'/g, '').slice(3, 5)}`;
  return `${y}-${mo}-${d}T${h}:${mi}:${s}${tz}`;
}

/** The XMP packet: PDF/A identification and the same title, author, subject and dates as the Info dictionary. */
export function xmpPacket(f: XmpFacts): string {
  const created = xmpDate(f.created);
  const modified = xmpDate(f.modified);
  const lines = [
    `<pdfaid:part>${PDFA.part}</pdfaid:part>`,
    `<pdfaid:conformance>${PDFA.conformance}</pdfaid:conformance>`,
    `<dc:format>application/pdf</dc:format>`,
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${escapeHtml(f.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${escapeHtml(f.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${escapeHtml(f.subject)}</rdf:li></rdf:Alt></dc:description>`,
    ...(f.lang ? [`<dc:language><rdf:Bag>${[...new Set([f.lang, ...(f.languages ?? [])])].map((l) => `<rdf:li>${escapeHtml(l)}</rdf:li>`).join('')}</rdf:Bag></dc:language>`] : []),
    `<pdf:Keywords>${escapeHtml(f.keywords)}</pdf:Keywords>`,
    ...(f.producer ? [`<pdf:Producer>${escapeHtml(f.producer)}</pdf:Producer>`] : []),
    `<xmp:CreatorTool>${escapeHtml(f.creator)}</xmp:CreatorTool>`,
    ...(created ? [`<xmp:CreateDate>${created}</xmp:CreateDate>`] : []),
    ...(modified ? [`<xmp:ModifyDate>${modified}</xmp:ModifyDate>`] : []),
  ];
  return [
    '<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/">',
    '<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:xmp="http://ns.adobe.com/xap/1.0/">',
    ...lines,
    '</rdf:Description>',
    '</rdf:RDF>',
    '</x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
}

/** The objects PDF/A adds, as PDF source in latin1 (binary content byte for byte), given their numbers. */
export function pdfaObjects(facts: XmpFacts, nums: { metadata: number; profile: number; intent: number }): [number, string][] {
  const xmp = Buffer.from(xmpPacket(facts), 'utf8');
  const icc = Buffer.from(srgbProfile());
  return [
    [nums.metadata, `<</Type /Metadata /Subtype /XML /Length ${xmp.length}>>\nstream\n${xmp.toString('latin1')}\nendstream`],
    [nums.profile, `<</N 3 /Length ${icc.length}>>\nstream\n${icc.toString('latin1')}\nendstream`],
    [nums.intent, `<</Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (${SRGB_DESCRIPTION}) /Info (${SRGB_DESCRIPTION}) /DestOutputProfile ${nums.profile} 0 R>>`],
  ];
}

/** A file identifier (the trailer's /ID), from the file's own bytes as PDF suggests. */
export function fileId(bytes: Uint8Array): string {
  return fileIdOf(createHash('md5').update(bytes).digest('hex'));
}

/** The same from an MD5 already taken (of a file written a piece at a time). */
export function fileIdOf(md5: string): string {
  const hex = md5.toUpperCase();
  return `[<${hex}> <${hex}>]`;
}
