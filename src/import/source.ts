/**
 * A report's text as the importer reads it: one string with every page, and where each page starts,
 * so a value can say which page it came from.
 */
export interface SourceText {
  text: string;
  /** Offset in `text` where page i + 1 starts. */
  pageStarts: number[];
  /** What a «page» is: a page, or (a Word file, which has no pages until it is laid out) a paragraph or table row. */
  unit: 'side' | 'avsnitt';
}

/**
 * The pages of a text file. A transcript as the public copies are kept (a line «Transkript:», then
 * one line per page starting with its number) gives those pages; a file with form feeds gives one
 * page per feed; anything else is one page. Line breaks are kept: they may be paragraphs.
 */
export function pagesOfText(raw: string): SourceText {
  const text = raw.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const marker = /^Transkript:[ \t]*$/m.exec(text);
  let pages: string[];
  if (marker) {
    pages = [];
    for (const line of text.slice(marker.index + marker[0].length).split('\n')) {
      const numbered = /^(\d{1,4}) (.*)$/.exec(line);
      if (numbered && Number(numbered[1]) === pages.length + 1) pages.push(numbered[2]!);
      else if (pages.length > 0 && line.trim()) pages[pages.length - 1] += `\n${line}`;
      // The cover may stand without its number.
      else if (line.trim()) pages.push(line);
    }
  } else pages = text.split('\f');
  return fromPages(pages);
}

/** A source made of pages of text (a PDF's). */
export function fromPages(pages: readonly string[], unit: SourceText['unit'] = 'side'): SourceText {
  let at = 0;
  const pageStarts: number[] = [];
  for (const page of pages) {
    pageStarts.push(at);
    at += page.length + 1;
  }
  return { text: pages.join('\n'), pageStarts, unit };
}

/** The page (from 1) that `offset` lies on. */
export function pageAt(source: SourceText, offset: number): number {
  let page = 1;
  for (let i = 0; i < source.pageStarts.length; i++) if (source.pageStarts[i]! <= offset) page = i + 1;
  return page;
}
