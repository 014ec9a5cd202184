/**
 * Figures and dates as Norwegian reports write them, read only when there is one reading: a value
 * with two readings is no value (the importer then leaves the field open and says what it saw).
 */

const MONTHS = ['januar', 'februar', 'mars', 'april', 'mai', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'desember'];

const iso = (y: number, m: number, d: number): string | undefined => {
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return undefined;
  return `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
};

/**
 * A date as ISO: «18.02.2013», «18.2.13» (a two-digit year is 20xx: the programme ran 2009–2020s),
 * «18. februar 2013», «2013-02-18». Undefined for anything else, or a day that does not exist.
 */
export function readDate(text: string): string | undefined {
  const t = text.trim().replace(/\.$/, '');
  let m = /^(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})$/.exec(t);
  if (m) return iso(m[3]!.length === 2 ? 2000 + Number(m[3]) : Number(m[3]), Number(m[2]), Number(m[1]));
  m = /^(\d{1,2})\.\s*(\p{L}+)\s+(\d{4})$/u.exec(t);
  if (m) {
    const month = MONTHS.indexOf(m[2]!.toLowerCase()) + 1;
    return month ? iso(Number(m[3]), month, Number(m[1])) : undefined;
  }
  m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(t);
  return m ? iso(Number(m[1]), Number(m[2]), Number(m[3])) : undefined;
}

/** A whole number as a report writes it in a cell: «1 390», «1390», «−7», «-7». Undefined for «38,4», «X», «ca. 10». */
export function readWhole(text: string): number | undefined {
  const t = text
    .trim()
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/^[−–]/, '-');
  if (!/^-?\d{1,3}(?: \d{3})*$|^-?\d+$/.test(t)) return undefined;
  return Number(t.replace(/ /g, ''));
}

/** A run of figures in a text, as a table's cells come out of a PDF one after another. */
export interface FigureRun {
  /** Every way the run can be split into numbers («1 390» is one number or two). */
  readings: number[][];
  start: number;
  end: number;
}

/**
 * The runs of whole numbers standing alone in `text` (not part of a date, an amount with «,», a
 * percentage or a word), each with every way of reading it: «7 8-1» is 7, 8, −1 and nothing else,
 * «1 390 1 455» is 1 390 and 1 455, or 1, 390, 1, 455, or … A number after a month's name is the
 * year of a date («Januar 2012»), not a figure.
 */
export function figureRuns(raw: string): FigureRun[] {
  // A typeset minus (U+2212) or dash before a figure is its sign; the same length, so offsets hold.
  const text = raw.replace(/[−–](?=\d)/g, '-');
  const runs: FigureRun[] = [];
  // Not part of a word, a date, an amount or a percentage («15 %»), nor a prefix («4-års»).
  const token = /(?<![\p{L}\p{N}.,:/%-])-?\d+(?![\p{L}\p{N}.,:/%])(?!\s*%)(?!-\p{L})(?:-\d+(?![\p{L}\p{N}.,:/%])(?!\s*%))*/gu;
  let current: { tokens: string[]; start: number; end: number; prose: boolean } | undefined;
  const finish = (run: { tokens: string[]; start: number; end: number; prose: boolean }): FigureRun => {
    // Words straight after, on the same line: the last figure may be theirs («302 120 av dem»), so
    // it is never joined to the one before it.
    // (A month and its year after are the next cell's name, «1 390 Desember 2012: 1 455».)
    const after = text.slice(run.end, run.end + 24);
    const wordsAfter = /^[ \u00a0\u202f]*[\p{L}]/u.test(after) && !MONTH_AFTER.test(after);
    // A year with words straight after begins a sentence («2013 kommer tallet»), not a cell.
    const year = wordsAfter && run.tokens.length === 1 && /^(?:19[89]\d|20[0-3]\d)$/.test(run.tokens[0]!);
    return { readings: run.prose || year ? [] : readings(run.tokens, wordsAfter), start: run.start, end: run.end };
  };
  for (let m = token.exec(text); m; m = token.exec(text)) {
    // (Only the few characters before: the whole text before each figure made long texts slow.)
    const before = text.slice(Math.max(0, m.index - 24), m.index);
    if (MONTH_JUST_BEFORE.test(before)) continue;
    // A figure in a phrase («ca. 28», «før 2013», «se vedlegg 2») is the phrase's: no cell's figure.
    const prose = PROSE_BEFORE.test(before);
    // «8-1» is two cells, 8 and −1: a minus sign glued to the figure before it.
    const parts = m[0].split(/(?=-)/).filter((p, i) => i === 0 || p !== '-');
    const gap = current ? text.slice(current.end, m.index) : '';
    // (A tab is a cell's edge, as a PDF's column gap or a Word table's cell: the run ends there.)
    if (current && !prose && /^[ \u00a0\u202f]*$/.test(gap)) {
      current.tokens.push(...parts);
      current.end = m.index + m[0].length;
    } else {
      if (current) runs.push(finish(current));
      current = { tokens: parts, start: m.index, end: m.index + m[0].length, prose };
    }
  }
  if (current) runs.push(finish(current));
  // A run with digits glued to it that are no figure («1 390Desember», «20 13» of a date cut in two)
  // may be part of something else: it gives no reading.
  for (const run of runs) {
    const glued =
      /\d[ \u00a0\u202f]*$/.test(text.slice(Math.max(0, run.start - 8), run.start)) &&
      !MONTH_BEFORE.test(text.slice(Math.max(0, run.start - 24), run.start).replace(/[ \t\u00a0\u202f]*$/, ''));
    if (glued || /^[ \u00a0\u202f]*\d|^\p{L}/u.test(text.slice(run.end, run.end + 8)) || /\d\p{L}/u.test(text.slice(run.end - 1, run.end + 1))) run.readings = [];
  }
  return runs;
}

/** A month's name, whole or cut short («jan.», «sept.»). */
const MONTH = `(?<!\\p{L})(?:${MONTHS.join('|')}|(?:jan|feb|mar|apr|jun|jul|aug|sept?|okt|nov|des)\\.?)`;
/** A month's name just before: the figure after it is the year of a date («Januar 2012», «jan. 2012»). */
const MONTH_JUST_BEFORE = new RegExp(`${MONTH}\\s*$`, 'iu');
/** A month and its year just after. */
const MONTH_AFTER = new RegExp(`^[ \\u00a0\\u202f]*${MONTH}\\s*\\d{4}(?!\\d)`, 'iu');
/** A month and its year just before: what follows is a figure, not glued to the year. */
const MONTH_BEFORE = new RegExp(`${MONTH}\\s*\\d{4}$`, 'iu');
/**
 * A word just before a figure that makes it part of a phrase: an estimate («ca.», «omtrent»), a bound
 * («over», «minst»), a time («før 2013», «i 2012») or a reference («se vedlegg 2», «pkt. 3»). A
 * table's cell never starts that way; its name («Desember 2012:») ends with a colon or a year.
 */
const PROSE_BEFORE =
  /(?<!\p{L})(?:ca|cirka|omtrent|rundt|nesten|anslagsvis|anslått|beregnet|estimert|minst|maks|maksimalt|over|under|opptil|inntil|mer enn|mindre enn|fleire enn|flere enn|før|etter|fra|frå|til|siden|sidan|innen|innan|i|av|på|per|pr|for|mot|se|sjå|jf|jfr|vedlegg|side|tabell|pkt|punkt|nr|kap|kapittel|år|uke|veke|totalt|samlet|samla|herav|derav|ialt|i alt)\.?[ \u00a0\u202f]*$/iu;

/**
 * Every split of number tokens into figures, where a token of exactly three digits may continue the
 * one before («1 390»); with `lastAlone`, not the last token.
 */
function readings(tokens: string[], lastAlone = false): number[][] {
  // Each three-digit token doubles the readings: a run longer than a table row is no row's figures.
  if (tokens.length > 8) return [];
  const out: number[][] = [];
  const walk = (i: number, acc: number[], open: string | undefined) => {
    if (i === tokens.length) {
      out.push(open === undefined ? acc : [...acc, Number(open)]);
      return;
    }
    const tok = tokens[i]!;
    if (open !== undefined && /^\d{3}$/.test(tok) && !open.startsWith('-0') && !(lastAlone && i === tokens.length - 1)) walk(i + 1, acc, `${open}${tok}`);
    walk(i + 1, open === undefined ? acc : [...acc, Number(open)], tok);
  };
  walk(0, [], undefined);
  return out.filter((r) => r.every((n) => Number.isSafeInteger(n)));
}
