import { inflateRawSync } from 'node:zlib';

/**
 * The text of a Word file (.docx), block by block: each paragraph, and each table row as one line
 * with its cells in order, a tab between them, as a report's table reads across («A. Antall
 * husstander …⇥7⇥8⇥-1⇥…»).
 * A .docx is a zip of XML parts; only word/document.xml is read, directly, so that tables and
 * their merged cells (a merged cell is written once, in its first row) come out as Word has them.
 */

export type DocxProblem = { problem: 'corrupt'; detail: string };

/** One file of a zip archive, inflated, at most `max` bytes; throws on anything that is not a plain zip. */
function unzip(bytes: Buffer, name: string, max: number): Buffer | undefined {
  // The end of central directory record: within the last 64 kB (its comment) of the file.
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 65_557); i--) {
    if (bytes.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end === -1) throw new Error('not a zip archive');
  const entries = bytes.readUInt16LE(end + 10);
  let at = bytes.readUInt32LE(end + 16);
  for (let n = 0; n < entries; n++) {
    if (at + 46 > bytes.length || bytes.readUInt32LE(at) !== 0x02014b50) throw new Error('broken central directory');
    const method = bytes.readUInt16LE(at + 10);
    const size = bytes.readUInt32LE(at + 20);
    const nameLength = bytes.readUInt16LE(at + 28);
    const skip = nameLength + bytes.readUInt16LE(at + 30) + bytes.readUInt16LE(at + 32);
    const local = bytes.readUInt32LE(at + 42);
    const entry = bytes.toString('utf8', at + 46, at + 46 + nameLength);
    at += 46 + skip;
    if (entry !== name) continue;
    if (local + 30 > bytes.length || bytes.readUInt32LE(local) !== 0x04034b50) throw new Error('broken local header');
    const start = local + 30 + bytes.readUInt16LE(local + 26) + bytes.readUInt16LE(local + 28);
    const data = bytes.subarray(start, start + size);
    if (method === 0) return data;
    if (method !== 8) throw new Error(`compression method ${method}`);
    // A bound on what comes out: a small file that inflates to gigabytes is no report.
    return inflateRawSync(data, { maxOutputLength: max });
  }
  return undefined;
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };
const decode = (s: string) =>
  s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, e: string) =>
    e[0] === '#' ? String.fromCodePoint(e[1] === 'x' || e[1] === 'X' ? parseInt(e.slice(2), 16) : Number(e.slice(1))) : (ENTITIES[e] ?? whole),
  );

/** The blocks of word/document.xml: paragraphs, and table rows with their cells' text side by side. */
function blocks(xml: string): string[] {
  const out: string[] = [];
  let tables = 0;
  let para = '';
  let cell: string[] = [];
  let row: string[] = [];
  const tag = /<(\/?)w:(tbl|tr|tc|p|t|tab|br|cr)\b[^>]*?(\/?)>|([^<]+)/g;
  let inText = false;
  for (let m = tag.exec(xml); m; m = tag.exec(xml)) {
    const [, close, name, selfClosing, text] = m;
    if (text !== undefined) {
      if (inText) para += decode(text);
      continue;
    }
    if (name === 't') inText = !close && !selfClosing;
    // A tab sets figures apart as a table's cells do; a line break is a space.
    else if (name === 'tab') para += '\t';
    else if (name === 'br' || name === 'cr') para += ' ';
    else if (name === 'tbl') tables += close ? -1 : 1;
    else if (name === 'p' && (close || selfClosing)) {
      const done = para
        .replace(/[^\S\t]+/g, ' ')
        .replace(/ *\t[\t ]*/g, '\t')
        .trim();
      para = '';
      if (!done) continue;
      if (tables > 0) cell.push(done);
      else out.push(done);
    } else if (name === 'tc' && close) {
      if (cell.length) row.push(cell.join(' '));
      cell = [];
    } else if (name === 'tr' && close && tables === 1) {
      // (A tab between cells: where one cell ends and the next begins, figures are not joined.)
      if (row.length) out.push(row.join('\t'));
      row = [];
    }
  }
  return out;
}

export function docxBlocks(bytes: Buffer, maxBytes: number): { blocks: string[] } | DocxProblem {
  try {
    const xml = unzip(bytes, 'word/document.xml', maxBytes);
    if (!xml) return { problem: 'corrupt', detail: 'no word/document.xml' };
    return { blocks: blocks(xml.toString('utf8')) };
  } catch (error) {
    return { problem: 'corrupt', detail: (error as Error).message };
  }
}
