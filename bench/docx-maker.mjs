import { crc32 } from 'node:zlib';

// A Word file for the import's tests and `npm run import-check` (its types: docx-maker.d.mts).
/**
 * A .docx made in the tests: a zip (stored, not compressed) of the three parts Word needs, its
 * body given as WordprocessingML. `wordFromHtml` turns bosoreport's own HTML of a report into such
 * a body, shaped as the Word form is: the form's tables as Word tables (the head's merged cells
 * included), every other block a paragraph.
 */

const xmlText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** A zip archive of the given files, stored. */
export function zip(files) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const [name, content] of Object.entries(files)) {
    const data = Buffer.isBuffer(content) ? content : Buffer.from(content, 'utf8');
    const nameBytes = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(nameBytes.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    centrals.push(central, nameBytes);
    offset += 30 + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

/** A .docx whose body is the given WordprocessingML. */
export function docx(body) {
  return zip({
    '[Content_Types].xml': `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    '_rels/.rels': `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/document.xml': `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="${W}"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  });
}

/** A Word paragraph of text, split in runs as Word splits them (here at each sentence). */
export function para(text) {
  const runs = text.split(/(?<=\. )/).map((r) => `<w:r><w:t xml:space="preserve">${xmlText(r)}</w:t></w:r>`);
  return `<w:p><w:pPr><w:pStyle w:val="Normal"/></w:pPr>${runs.join('')}</w:p>`;
}

/** Visible text of an HTML fragment, with its block boundaries as line breaks. */
function blocksOf(html) {
  return (
    html
      .replace(/<(br|\/p|\/li|\/h[1-6]|\/div|\/dt|\/dd)\b[^>]*>/gi, '\n')
      // A span is a piece of its own (a help text under a label, a month beside its figure): Word keeps them apart.
      .replace(/<\/?span\b[^>]*>/gi, ' ')
      .replace(/<[^>]+>/g, '')
      .replace(/&nbsp;|&#160;/g, ' ')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&#39;|&#x27;/g, "'")
      .split('\n')
      .map((l) => l.replace(/\s+/g, ' ').trim())
      .filter(Boolean)
  );
}

/** A Word table from an HTML table: each row's cells, a cell spanning columns as Word's gridSpan. */
function table(html) {
  const rows = [...html.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr>/gi)].map((r) =>
    [...r[1].matchAll(/<(th|td)\b([^>]*)>([\s\S]*?)<\/\1>/gi)].map((c) => {
      const span = Number(/colspan="(\d+)"/.exec(c[2])?.[1] ?? 1);
      const paras = blocksOf(c[3]).map(para).join('') || '<w:p/>';
      return `<w:tc><w:tcPr>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${paras}</w:tc>`;
    }),
  );
  return `<w:tbl><w:tblPr><w:tblStyle w:val="Tabellrutenett"/></w:tblPr>${rows.map((cells) => `<w:tr>${cells.join('')}</w:tr>`).join('')}</w:tbl>`;
}

/** The body of a Word file laid out as bosoreport's HTML of the report (without screen-reader captions). */
export function wordFromHtml(html) {
  const body = (/<body>([\s\S]*)<\/body>/.exec(html)?.[1] ?? html).replace(/<caption[\s\S]*?<\/caption>/gi, '').replace(/<(style|script)[\s\S]*?<\/\1>/gi, '');
  const out = [];
  let at = 0;
  for (const m of body.matchAll(/<table\b[\s\S]*?<\/table>/gi)) {
    out.push(...blocksOf(body.slice(at, m.index)).map(para), table(m[0]));
    at = m.index + m[0].length;
  }
  out.push(...blocksOf(body.slice(at)).map(para));
  return out.join('');
}
