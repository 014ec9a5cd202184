/**
 * The text of a PDF made from a report (Word's «Save as PDF», a browser's print, bosoreport's own),
 * page by page, read with pdfjs-dist. The running header and footer a PDF repeats on its pages
 * («Side 3 av 11», «Årsrapport 2012 – Gjøvik kommune») are left out: they are no answer.
 */

/** What stops a PDF from being read: a password, or a file that is no PDF. */
export type PdfProblem = { problem: 'encrypted' | 'corrupt'; detail: string };

/** A line as it repeats from page to page: figures (page numbers) aside. */
const furnitureKey = (line: string) => line.replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

/** Each page's lines, without those that stand on most pages. */
function withoutFurniture(pages: string[][]): string[] {
  const seen = new Map<string, number>();
  for (const lines of pages) for (const key of new Set(lines.map(furnitureKey))) seen.set(key, (seen.get(key) ?? 0) + 1);
  const repeated = (line: string) => pages.length >= 3 && (seen.get(furnitureKey(line)) ?? 0) > pages.length / 2;
  return pages.map((lines) => lines.filter((l) => l.trim() && !/^\s*(Side|Page) \d+ (av|of) \d+\s*$/i.test(l) && !repeated(l)).join('\n'));
}

/** A piece of text as pdfjs gives it: its string, where it starts (transform[4]), its width and font size. */
interface Item {
  str: string;
  transform: number[];
  width: number;
  hasEOL: boolean;
}

/**
 * A page's lines. Where a gap on a line is wider than its font's size, a table's column ends (a
 * word's space is a third of that): it becomes a tab, so the figures of two cells are never read
 * as one number («1 390⇥455 boliger …» is not 1 390 455).
 */
function pageLines(items: readonly (Item | object)[]): string[] {
  let text = '';
  let end: number | undefined;
  for (const item of items) {
    if (!('str' in item)) continue;
    const size = Math.hypot(item.transform[0] ?? 0, item.transform[1] ?? 0) || 1;
    const x = item.transform[4] ?? 0;
    const blank = !item.str.trim();
    const wide = blank ? item.width > size : end !== undefined && x - end > size;
    if (wide) text += '\t';
    else if (blank) text += item.str;
    if (!blank) text += item.str;
    end = x + item.width;
    if (item.hasEOL) {
      text += '\n';
      end = undefined;
    }
  }
  return text.split('\n').map((line) => line.replace(/ *\t[\t ]*/g, '\t'));
}

export async function pdfPages(bytes: Uint8Array, maxPages: number): Promise<{ pages: string[] } | PdfProblem> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  let doc;
  try {
    doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, useSystemFonts: false, stopAtErrors: true, verbosity: 0 }).promise;
  } catch (error) {
    const e = error as Error;
    return { problem: e.name === 'PasswordException' ? 'encrypted' : 'corrupt', detail: e.message };
  }
  try {
    if (doc.numPages > maxPages) return { problem: 'corrupt', detail: `${doc.numPages} pages` };
    const pages: string[][] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const content = await (await doc.getPage(i)).getTextContent();
      pages.push(pageLines(content.items));
    }
    return { pages: withoutFurniture(pages) };
  } catch (error) {
    return { problem: 'corrupt', detail: (error as Error).message };
  } finally {
    await doc.destroy();
  }
}
