import { readFileSync } from 'node:fs';
import path from 'node:path';
import { deflateRawSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { compareImport } from '../../src/import/compare.js';
import { docxBlocks } from '../../src/import/docx.js';
import { identifyText, importText } from '../../src/import/index.js';
import { fromPages } from '../../src/import/source.js';
import { ROOT, runMain, tempTree } from '../helpers.js';
import { forms, importableExamples } from './examples.js';
import { docx, para, wordFromHtml, zip } from '../../bench/docx-maker.mjs';

const examples = importableExamples;

let out: { dir: string; cleanup: () => void };
beforeAll(async () => {
  out = tempTree({});
  const r = await runMain(['render', ...examples.map((f) => `examples/${f}`), '--copy', 'husbanken', '-d', out.dir], { cwd: ROOT });
  expect(r.status, r.stderr).toBe(0);
});
afterAll(() => out.cleanup());

const importDocx = (bytes: Buffer) => {
  const read = docxBlocks(bytes, 10_000_000);
  if ('problem' in read) throw new Error(read.detail);
  const text = fromPages(read.blocks, 'avsnitt');
  const { chosen } = identifyText(text, forms);
  return { chosen, result: chosen && importText(text, chosen) };
};

describe('reading a Word file (.docx)', () => {
  it.each(examples)('%s through a Word file shaped as the form and back: the same form, no figure or date that differs', (file) => {
    const html = readFileSync(path.join(out.dir, file.replace(/\.yaml$/, '.husbanken.html')), 'utf8');
    const expected = parse(readFileSync(path.join(ROOT, 'examples', file), 'utf8'));
    const { chosen, result } = importDocx(docx(wordFromHtml(html)));
    expect(chosen?.form.id).toBe(expected.skjema);
    const cmp = compareImport(expected, result!.values);
    expect(cmp.values.filter((v) => v.verdict === 'wrong')).toEqual([]);
    // Floors under this version's figures (docs/import.md): the annual form 77-83 %, the 2011 form 14-15 % (its activity table is not read).
    expect((cmp.counts.exact + cmp.counts['same-words']) / cmp.values.length).toBeGreaterThanOrEqual(expected.skjema === 'aarsrapport-2012' ? 0.75 : 0.12);
    // A Word file has no pages: the source of a value is its paragraph.
    expect(result!.values.find((v) => v.path.join('.') === 'generell_programinformasjon.rapporteringsaar')?.note).toMatch(/^avsnitt \d+: «\d{4}»/);
  });

  it("reads a table row's cells side by side, and text Word split into runs as one", () => {
    const body =
      para('Programnavn: Boligsosialt utviklingsprogram') +
      '<w:tbl><w:tr><w:tc><w:p><w:r><w:t>A. Antall husstander </w:t></w:r><w:r><w:t>uten eid eller leid bolig</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>7</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>8</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>-1</w:t></w:r></w:p></w:tc>' +
      '<w:tc><w:p><w:r><w:t>Tallene &amp; «søknader»</w:t></w:r></w:p></w:tc></w:tr></w:tbl>';
    expect(docxBlocks(docx(body), 1_000_000)).toEqual({
      blocks: ['Programnavn: Boligsosialt utviklingsprogram', 'A. Antall husstander uten eid eller leid bolig\t7\t8\t-1\tTallene & «søknader»'],
    });
  });

  it('says a file is no Word document it can read: not a zip, no document part, or a part that would inflate past the bound', () => {
    expect(docxBlocks(Buffer.from('PK\u0003\u0004 not really'), 1000)).toMatchObject({ problem: 'corrupt' });
    expect(docxBlocks(zip({ 'word/other.xml': '<x/>' }), 1000)).toEqual({ problem: 'corrupt', detail: 'no word/document.xml' });
    // 1 MB of zeros deflates to about 1 kB; with a bound of 100 kB it is refused, not inflated.
    const bomb = deflateRawSync(Buffer.alloc(1_000_000));
    const archive = zip({ 'word/document.xml': bomb });
    // Mark the entry as deflated (method 8) in both headers.
    archive.writeUInt16LE(8, 8);
    archive.writeUInt16LE(8, archive.indexOf(Buffer.from([0x50, 0x4b, 0x01, 0x02])) + 10);
    expect(docxBlocks(archive, 100_000)).toMatchObject({ problem: 'corrupt' });
  });
});
