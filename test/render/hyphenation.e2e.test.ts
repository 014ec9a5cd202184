import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/render/browser.js';
import { PdfPrinter } from '../../src/render/pdf.js';
import { ROOT, runCli, tempTree } from '../helpers.js';

const SHY = '\u00AD';
const letters = /[\p{L}]+/gu;

/** Each PDF line as a reader's software extracts it (pdf.js), soft hyphens dropped. */
async function pdfLines(file: string): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: new Uint8Array(readFileSync(file)), isEvalSupported: false, useSystemFonts: false }).promise;
  const lines: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    lines.push(
      ...content.items
        .map((item) => ('str' in item ? item.str + (item.hasEOL ? '\n' : '') : ''))
        .join('')
        .replaceAll(SHY, '')
        .split('\n'),
    );
  }
  await doc.destroy();
  return lines;
}

/**
 * Words the PDF splits over two lines with no hyphen: a line ending in letters X and the next
 * starting with letters Y, where XY is a word of the report and X or Y alone is not one.
 */
function midWordBreaks(lines: string[], html: string): string[] {
  const words = new Set(
    html
      .replace(/<[^>]*>/g, ' ')
      .replaceAll(SHY, '')
      .match(letters),
  );
  const breaks: string[] = [];
  for (let i = 0; i + 1 < lines.length; i++) {
    const x = /\p{L}+$/u.exec(lines[i]!.trimEnd())?.[0];
    const y = /^\p{L}+/u.exec(lines[i + 1]!.trimStart())?.[0];
    if (x && y && words.has(x + y) && (!words.has(x) || !words.has(y))) breaks.push(`${x}|${y}`);
  }
  return breaks;
}

describe('Norwegian hyphenation in the PDF', () => {
  const t = tempTree({});
  const examples = path.join(ROOT, 'examples');
  let runs: ReturnType<typeof runCli>[];

  beforeAll(() => {
    runs = ['arbeidskopi', 'husbanken'].map((copy) => runCli(['render', examples, '--pdf', '--copy', copy, '-d', path.join(t.dir, copy)], { cwd: ROOT }));
  }, 180_000);
  afterAll(() => t.cleanup());

  it('breaks no word of any example, in either copy, without a hyphen', async () => {
    for (const run of runs) expect(run.status, run.stderr).toBe(0);
    const checked: string[] = [];
    for (const copy of ['arbeidskopi', 'husbanken']) {
      const dir = path.join(t.dir, copy);
      const pdfs = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
      for (const pdf of pdfs) {
        const html = readFileSync(path.join(dir, pdf.replace(/\.pdf$/, '.html')), 'utf8');
        expect(midWordBreaks(await pdfLines(path.join(dir, pdf)), html), `${copy}/${pdf}`).toEqual([]);
        checked.push(pdf);
      }
    }
    expect(checked.length).toBeGreaterThanOrEqual(14);
  }, 60_000);

  it('hyphenates a long word in a narrow column at a Norwegian syllable, and only there', async () => {
    const browser = (await findBrowser(undefined)).chosen;
    expect(browser, 'a browser to print with').toBeDefined();
    const printer = await PdfPrinter.launch(browser!.path, 30_000);
    try {
      const cell = 'Samarbeidspartnere og booppfølging';
      const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm }
        table { table-layout: fixed; width: 60mm } td { font: 14pt sans-serif; overflow-wrap: break-word }</style></head>
        <body><table><col style="width: 25mm"><col><tr><td>${cell}</td><td>Kort tekst</td></tr></table><p>Et avsnitt som får være som det er.</p></body></html>`;
      const result = await printer.print(html, { title: 'Test', author: 'Eksempelvik kommune', subject: 'Test', keywords: [] }, 30_000);
      expect(result.unbroken).toEqual([]);
      const file = path.join(t.dir, 'narrow.pdf');
      writeFileSync(file, result.pdf);
      const lines = await pdfLines(file);
      expect(midWordBreaks(lines, html)).toEqual([]);
      // The breaks are at syllables the patterns allow, marked with a hyphen.
      const hyphenated = lines.filter((l) => /\p{L}[-\u2010]$/u.test(l.trim()));
      expect(hyphenated.length).toBeGreaterThan(0);
      const syllables = ['Sam', 'Samar', 'Samarbeids', 'Samarbeidspart', 'ar', 'arbeids', 'beids', 'beidspart', 'part', 'bo', 'boopp', 'opp', 'oppføl', 'føl', 'booppføl'];
      for (const line of hyphenated) expect(syllables).toContain(line.trim().split(' ').pop()!.slice(0, -1));
      expect(lines.join(' ')).toContain('Et avsnitt som får være som det er.');
    } finally {
      await printer.close();
    }
  }, 60_000);

  it('hyphenates a word that would run out of its cell into the next column', async () => {
    const browser = (await findBrowser(undefined)).chosen;
    const printer = await PdfPrinter.launch(browser!.path, 30_000);
    try {
      // No overflow-wrap: the word stays on one line, wider than its cell, as in a table head.
      const html = `<!doctype html><html lang="nb"><head><meta charset="utf-8"><style>@page { size: A4; margin: 20mm }
        table { table-layout: fixed; width: 80mm } th { font: bold 9pt sans-serif; text-align: right }</style></head>
        <body><table><col style="width: 15mm"><col><tr><th>i programperioden</th><th>Eventuelle kommentarer</th></tr></table></body></html>`;
      const result = await printer.print(html, { title: 'Test', author: 'Eksempelvik kommune', subject: 'Test', keywords: [] }, 30_000);
      expect(result.unbroken).toEqual([]);
      const file = path.join(t.dir, 'overflow.pdf');
      writeFileSync(file, result.pdf);
      const lines = (await pdfLines(file)).map((l) => l.trim()).filter(Boolean);
      expect(lines.filter((l) => /\p{L} ?[-\u2010]$/u.test(l)).length, lines.join(' | ')).toBeGreaterThan(0);
      expect(lines.filter((l) => l.includes('programperioden'))).toEqual([]);
    } finally {
      await printer.close();
    }
  }, 60_000);
});
