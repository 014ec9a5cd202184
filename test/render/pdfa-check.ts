import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFRawStream, PDFString, PDFRef, decodePDFRawStream } from 'pdf-lib';

/**
 * What a PDF/A-2 validator (veraPDF) checks first, read back from the file with pdf-lib: the XMP
 * identification, metadata in step with the document information and /Lang, an sRGB output intent
 * with its profile, a file identifier, every font embedded with a Unicode map, and nothing a
 * document of record may not hold (encryption, JavaScript, actions, embedded files). Returns what
 * is wrong, in words; none for a good file. Not a full validator: veraPDF remains the judge.
 */
export async function pdfaProblems(bytes: Uint8Array): Promise<string[]> {
  const problems: string[] = [];
  const doc = await PDFDocument.load(bytes, { updateMetadata: false });
  const text = (v: unknown) => (v instanceof PDFString || v instanceof PDFHexString ? v.decodeText() : undefined);
  const infoRef = doc.context.trailerInfo.Info;
  const info = (infoRef instanceof PDFRef ? doc.context.lookup(infoRef) : infoRef) as PDFDict;
  const infoText = (key: string) => text(info.lookup(PDFName.of(key)));
  const catalog = doc.catalog;

  const metadata = catalog.lookup(PDFName.of('Metadata'));
  const xmp = metadata instanceof PDFRawStream ? new TextDecoder().decode(decodePDFRawStream(metadata).decode()) : '';
  if (!xmp) problems.push('no XMP metadata stream in the catalog');
  const tag = (name: string) => new RegExp(`<${name}>([\\s\\S]*?)</${name}>`).exec(xmp)?.[1];
  const li = (name: string) => /<rdf:li[^>]*>([\s\S]*?)<\/rdf:li>/.exec(tag(name) ?? '')?.[1];
  const unxml = (s: string | undefined) =>
    s
      ?.replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;/g, "'")
      .replace(/&amp;/g, '&');
  if (tag('pdfaid:part') !== '2') problems.push(`pdfaid:part is ${tag('pdfaid:part')}, not 2`);
  if (!['A', 'B', 'U'].includes(tag('pdfaid:conformance') ?? '')) problems.push('no pdfaid:conformance A, B or U');
  const pairs: [string, string | undefined, string | undefined][] = [
    ['Title / dc:title', infoText('Title'), unxml(li('dc:title'))],
    ['Author / dc:creator', infoText('Author'), unxml(li('dc:creator'))],
    ['Subject / dc:description', infoText('Subject'), unxml(li('dc:description'))],
    ['Keywords / pdf:Keywords', infoText('Keywords'), unxml(tag('pdf:Keywords'))],
    ['Creator / xmp:CreatorTool', infoText('Creator'), unxml(tag('xmp:CreatorTool'))],
    ['Producer / pdf:Producer', infoText('Producer'), unxml(tag('pdf:Producer'))],
    ['/Lang / dc:language', text(catalog.lookup(PDFName.of('Lang'))), li('dc:language')],
  ];
  for (const [what, a, b] of pairs) if (a !== b) problems.push(`${what} differ: «${a}» and «${b}»`);
  for (const [key, name] of [
    ['CreationDate', 'xmp:CreateDate'],
    ['ModDate', 'xmp:ModifyDate'],
  ] as const) {
    const pdf = infoText(key);
    const m = /^D:(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})/.exec(pdf ?? '');
    const iso = tag(name);
    if (pdf === undefined && iso === undefined) continue;
    if (!m || !iso?.startsWith(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}`)) problems.push(`${key} «${pdf}» and ${name} «${iso}» differ`);
  }

  const intents = catalog.lookup(PDFName.of('OutputIntents'));
  const intent = intents instanceof PDFArray ? intents.lookup(0) : undefined;
  if (!(intent instanceof PDFDict) || intent.lookup(PDFName.of('S'))?.toString() !== '/GTS_PDFA1') problems.push('no GTS_PDFA1 output intent');
  else {
    const profile = intent.lookup(PDFName.of('DestOutputProfile'));
    const icc = profile instanceof PDFRawStream ? decodePDFRawStream(profile).decode() : undefined;
    if (!icc || String.fromCharCode(...icc.subarray(36, 40)) !== 'acsp' || String.fromCharCode(...icc.subarray(16, 20)) !== 'RGB ')
      problems.push('the output intent has no RGB ICC profile');
    if ((profile as PDFRawStream | undefined)?.dict.lookup(PDFName.of('N'))?.toString() !== '3') problems.push('the output profile is not /N 3');
  }
  const id = doc.context.trailerInfo.ID;
  if (!id) problems.push('no /ID in the trailer');
  if (doc.context.trailerInfo.Encrypt) problems.push('encrypted');

  // Fonts: every font program embedded, every font with a Unicode map.
  for (const [, object] of doc.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || object.lookup(PDFName.of('Type'))?.toString() !== '/Font') continue;
    const subtype = object.lookup(PDFName.of('Subtype'))?.toString();
    if (subtype === '/Type0') {
      if (!object.get(PDFName.of('ToUnicode'))) problems.push('a font without a Unicode map (ToUnicode)');
      continue;
    }
    const descriptor = object.lookup(PDFName.of('FontDescriptor'));
    if (descriptor instanceof PDFDict && !['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.get(PDFName.of(k))))
      problems.push(`font ${object.lookup(PDFName.of('BaseFont'))} is not embedded`);
  }
  const raw = Buffer.from(bytes).toString('latin1');
  for (const forbidden of ['/JavaScript', '/EmbeddedFiles', '/Launch', '/AA ']) if (raw.includes(forbidden)) problems.push(`holds ${forbidden}`);
  if (catalog.get(PDFName.of('OpenAction')) instanceof PDFRef) problems.push('has an OpenAction');
  return problems;
}
