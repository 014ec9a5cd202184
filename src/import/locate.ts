/** Where the form's own lines (skjematekst.txt) stand in a report's text. */
export interface Mark {
  /** The form line, as the form folder has it. */
  line: string;
  start: number;
  end: number;
  /**
   * Short pieces found between the line's words, where a table's cell came out of the PDF in the
   * middle of its row's label («… med tilsagn om 0 investeringstilskudd»): the answer's, not the form's.
   */
  inside: { start: number; end: number }[];
  /** Found again after its first place: a table's head a PDF repeats on the next page. */
  repeat?: boolean;
}

/** How many of the form's lines a text holds, each counted once. */
export function linesFound(text: string, lines: readonly string[]): number {
  return locateFormLines(text, lines).filter((m) => !m.repeat).length;
}

/** How far back a line is looked for when it is not found after the last: a page's columns come out of order. */
const BACK = 3000;

const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * A pattern for a form line: its words in order with any white space between, not inside a longer
 * word. `loose` also lets one short piece (a figure, «X)») stand between two of its words.
 */
function linePattern(line: string, loose: boolean): RegExp {
  const words = line.trim().split(/\s+/);
  const between = loose ? '(\\s+[^\\s]{1,4})?\\s+' : '\\s+';
  // A mark standing alone («Kommune :») may also stand close («Kommune:»).
  const body = words.map((w, i) => (i === 0 ? escape(w) : `${/^[\p{P}]+$/u.test(w) ? '\\s*' : between}${escape(w)}`)).join('');
  const lead = /^[\p{L}\p{N}]/u.test(line.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
  const trail = /[\p{L}\p{N}]$/u.test(line.trim()) ? '(?![\\p{L}\\p{N}])' : '';
  return new RegExp(`${lead}${body}${trail}`, loose ? 'gud' : 'gu');
}

/**
 * Finds each form line in the text, in the form's order: first after the last line found, else a
 * little before it (a table's head and a page's columns come out of a PDF in their own order). A
 * line is found once and where no other line is; a line not found is left out. Case counts: the
 * form's «KOMMUNE:» on the cover is not its «Kommune:» in the header. A line of four words or more
 * not found as it is, is looked for again with one short piece between two of its words.
 */
export function locateFormLines(text: string, lines: readonly string[]): Mark[] {
  const marks: Mark[] = [];
  const free = (start: number, end: number) => marks.every((m) => end <= m.start || start >= m.end);
  let cursor = 0;
  for (const line of lines) {
    if (!line.trim()) continue;
    const find = (pattern: RegExp, from: number, until = Infinity): Mark | undefined => {
      pattern.lastIndex = from;
      for (let m = pattern.exec(text); m && m.index < until; m = pattern.exec(text)) {
        if (!free(m.index, m.index + m[0].length)) continue;
        const inside: Mark['inside'] = [];
        const indices = (m as RegExpExecArray & { indices?: ([number, number] | undefined)[] }).indices ?? [];
        for (let g = 1; g < indices.length; g++) {
          const span = indices[g];
          if (span) inside.push({ start: span[0], end: span[1] });
        }
        // One piece at most: a label with two foreign pieces in it is not the label.
        if (inside.length > 1) continue;
        return { line, start: m.index, end: m.index + m[0].length, inside };
      }
      return undefined;
    };
    const strict = linePattern(line, false);
    let found = find(strict, cursor) ?? find(strict, Math.max(0, cursor - BACK), cursor);
    if (!found && line.trim().split(/\s+/).length >= 4) {
      const loose = linePattern(line, true);
      found = find(loose, cursor) ?? find(loose, Math.max(0, cursor - BACK), cursor);
    }
    if (!found) continue;
    marks.push(found);
    cursor = Math.max(cursor, found.end);
  }
  // A line of two words or more found again where no line is: cut out too (a repeated table head),
  // so that it does not run into the answers around it.
  for (const first of [...marks]) {
    if (first.line.trim().split(/\s+/).length < 2 || first.line.trim().length < 12) continue;
    const pattern = linePattern(first.line, false);
    pattern.lastIndex = first.end;
    for (let m = pattern.exec(text); m; m = pattern.exec(text))
      if (free(m.index, m.index + m[0].length)) marks.push({ line: first.line, start: m.index, end: m.index + m[0].length, inside: [], repeat: true });
  }
  return marks.sort((a, b) => a.start - b.start);
}
