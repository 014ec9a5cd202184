import type { DataPath } from '../load/positions.js';
import { locateFormLines, type Mark } from './locate.js';
import { pageAt, type SourceText } from './source.js';
import { figureRuns, type FigureRun } from './values.js';

/**
 * A form's import map (innlesing.yaml in its folder): after which line of the form's own text
 * (skjematekst.txt) each answer stands, and which field it is. Tables list their rows; their
 * figures are taken in the rows' order.
 */
export interface ImportMap {
  /** `som: dato`: the answer is a date, written as the report writes it and stored as ISO. */
  felt: { linje: string; felt: string; som?: 'dato' }[];
  tabellrader: ImportTable[];
  /** Form lines that end the answer before them, besides numbered headings and the lines above. */
  slutter?: string[];
  /** Fields the import does not read (yet): left open in every draft, with that said. */
  leses_ikke?: string[];
  /** For a form with variants: the line of its own text that only that variant's reports have. */
  varianter?: Record<string, string>;
}

export interface ImportTable {
  /** The cells each row has, in the order the form shows them; none: the row's value is its one figure. */
  kolonner: string[];
  /** `minus`: the third cell is the first less the second, which a reading of «7 8-1» must bear out. */
  kontroll?: 'minus';
  /** The row's field for the text written after its figures. */
  kommentar?: string;
  rader: { linje: string; felt: string; kolonner?: string[] }[];
}

/** A value found in the source, at a field's path, with where it was seen. */
export interface Found {
  path: DataPath;
  /** The text as found (a date or figure is read by the caller against the field's schema); null for a figure the source says is not there. */
  raw: string | number | null;
  page: number;
  /** A short quotation of the source where the value stood. */
  seen: string;
  /** The map says the answer is a date. */
  date?: boolean;
}

/** A field the import could not fill, and why; `seen` is what stood there if anything did. */
export interface Open {
  path: DataPath;
  why: string;
  page?: number;
  seen?: string;
}

export interface Mapped {
  found: Found[];
  open: Open[];
  /** Text of the source placed in no field (a footnote, figures with no row), by page. */
  unplaced: { page: number; text: string }[];
  /** How many of the form's lines were found in the source. */
  formLinesFound: number;
}

const toPath = (dotted: string): DataPath => dotted.split('.').map((seg) => (/^\d+$/.test(seg) ? Number(seg) : seg));
const HEADING = /^(?:\d+(?:\.\d+)*\.?|[A-D]\.(?:\d+\.?)?)\s|^Delmål [A-D]$/;

/** A short quotation: the first words of a text, on one line. */
export function quote(text: string, max = 70): string {
  const one = text.replace(/\s+/g, ' ').trim();
  return one.length <= max ? one : `${one.slice(0, max - 1).trimEnd()}…`;
}

/** Text with its line breaks as a report's answer keeps them: paragraphs (blank lines) stay, other breaks are spaces. */
function answerText(parts: string[]): string {
  return parts
    .join(' ')
    .split(/\n[ \t]*\n/)
    .map((p) => p.replace(/\s+/g, ' ').trim())
    .filter(Boolean)
    .join('\n\n');
}

/** Text that is only punctuation or list marks is not an answer. */
const meaningful = (text: string) => /[\p{L}\p{N}]/u.test(text);
/** A footnote's text («x) …», «(x) …»): the form's reader places it, not the importer. */
const FOOTNOTE = /^\s*\(?[xX*]\)/;
/** What a cell holds in place of a figure: a footnote mark, a dash, «ukjent». The row is answered, without a figure. */
const NO_FIGURE = /^\s*(?:\(?[xX*]\)|[-–—]|ukjent|ikke tilgjengelig|i\.t\.|ikkje tilgjengeleg)\s*$/i;

interface Row {
  table: ImportTable;
  felt: DataPath;
  columns: string[];
  filled: (number | undefined)[];
  comment: string[];
  anchor: Mark;
  figuresAt?: number;
  problem?: string;
  /** The footnote mark the row's cell has («x» of «X)» or «(x) 930»), and whether it stands in place of the figure. */
  mark?: string;
  noFigure?: boolean;
  /** Text that stood in the row before it had any figure: its comment, if no figure ever comes. */
  ownText: { text: string; start: number }[];
  /** The row had text and no figure when the next row began: its figure is not in the source. */
  textOnly?: boolean;
}

/**
 * Reads the answers out of a report's text: each field's answer is the text between its form line
 * and the next line that ends it, with the form's help lines cut out; a table's figures go to its
 * rows in order, only where one reading fits. Nothing is guessed: what cannot be placed is left open
 * with what was seen, or listed as unplaced.
 */
export function mapAnswers(source: SourceText, formLines: readonly string[], map: ImportMap): Mapped {
  const { text } = source;
  const marks = locateFormLines(text, formLines);
  // Lines the map names that the form's text has not (a heading whose year changes): found where they first stand.
  const known = new Set(formLines);
  const own = [...map.felt.map((f) => f.linje), ...map.tabellrader.flatMap((t) => t.rader.map((r) => r.linje)), ...(map.slutter ?? [])];
  for (const line of own.filter((l) => !known.has(l))) {
    const [m] = locateFormLines(text, [line]);
    if (m && marks.every((o) => m.end <= o.start || m.start >= o.end)) marks.push(m);
  }
  marks.sort((a, b) => a.start - b.start);
  const fieldBy = new Map(map.felt.map((f) => [f.linje, f]));
  const rowBy = new Map(map.tabellrader.flatMap((t) => t.rader.map((r) => [r.linje, { table: t, row: r }] as const)));
  const closing = new Set(map.slutter ?? []);
  const found: Found[] = [];
  const open: Open[] = [];
  const unplaced: Mapped['unplaced'] = [];
  const opened = new Set<string>();

  let field: { felt: DataPath; parts: string[]; start: number; anchor: Mark; date: boolean } | undefined;
  let rows: Row[] = [];
  let lastFigured: Row | undefined;
  const footnotes: { table: ImportTable; mark: string; text: string; start: number }[] = [];
  let anchorSince = false;
  const allRows: Row[] = [];

  const place = (start: number, piece: string) => {
    if (meaningful(piece) && piece.trim().split(/\s+/).length >= 2) unplaced.push({ page: pageAt(source, start), text: quote(piece, 120) });
  };
  const finishField = () => {
    if (!field) return;
    const value = answerText(field.parts);
    if (value) found.push({ path: field.felt, raw: value, page: pageAt(source, field.start), seen: quote(value), ...(field.date ? { date: true } : {}) });
    else open.push({ path: field.felt, why: `ingen tekst etter «${field.anchor.line}»`, page: pageAt(source, field.anchor.start) });
    field = undefined;
  };
  const finishTable = () => {
    rows = [];
    lastFigured = undefined;
  };

  /** Gives a run of figures to the rows waiting for theirs; false when no row waits (the figures are then text). */
  const takeFigures = (run: FigureRun, start: number, runText: string, before: string): boolean => {
    const waiting = rows.filter((r) => r.filled.some((v) => v === undefined) && !r.problem);
    if (waiting.length === 0) return false;
    // A figure right after its cell's own name («Januar 2012: 1 390») is that cell's, whole.
    const first = waiting[0]!;
    const cell = first.columns[first.filled.findIndex((v) => v === undefined)];
    const named = first.columns.length > 1 && cell !== undefined && new RegExp(`${cell}[^\\p{L}]*$`, 'iu').test(before.slice(-30));
    if (named) run = { ...run, readings: run.readings.filter((r) => r.length === 1) };
    // Each way of giving the run to the waiting rows in order: whole rows, or for a row without a
    // check, its next cells one at a time (a month's figure in each of two cells far apart).
    const fits: { reading: number[]; rows: Row[] }[] = [];
    for (const reading of run.readings) {
      let left = reading.length;
      const taken: Row[] = [];
      for (const row of waiting) {
        const need = row.filled.filter((v) => v === undefined).length;
        if (left >= need) {
          taken.push(row);
          left -= need;
        } else if (left > 0 && !row.table.kontroll && row.columns.length > 1) {
          taken.push(row);
          left = 0;
        } else break;
        if (left === 0) break;
      }
      if (left !== 0 || taken.length === 0) continue;
      // The check: the third cell is the first less the second.
      const ok = taken.every((row, i) => {
        if (row.table.kontroll !== 'minus') return true;
        const offset = taken.slice(0, i).reduce((n, r) => n + r.filled.filter((v) => v === undefined).length, 0);
        const [a, b, c] = reading.slice(offset, offset + 3);
        return a !== undefined && b !== undefined && c !== undefined && a - b === c;
      });
      if (ok) fits.push({ reading, rows: taken });
    }
    const distinct = new Set(fits.map((f) => `${f.reading.join(' ')}|${f.rows.length}`));
    if (fits.length === 0 || distinct.size !== 1) {
      const why = fits.length === 0 ? `tallene «${runText}» passer ikke i radene som står åpne` : `tallene «${runText}» kan leses på flere måter`;
      for (const row of waiting.slice(0, 1)) row.problem = why;
      unplaced.push({ page: pageAt(source, start), text: runText });
      return true;
    }
    const [fit] = fits;
    // Rows passed over must get figures later in the table, or the run may be a later row's: with
    // B's cells empty, C's «23 30-7» fits B as well. Then nothing is given.
    const after = waiting.length - fit!.rows.length;
    if (after > 0 && runsLeft(start + runText.length) < after) {
      for (const row of waiting.slice(0, 1)) row.problem = `tallene «${runText}» kan høre til flere rader`;
      unplaced.push({ page: pageAt(source, start), text: runText });
      return true;
    }
    let i = 0;
    for (const row of fit!.rows) {
      for (let c = 0; c < row.filled.length && i < fit!.reading.length; c++) if (row.filled[c] === undefined) row.filled[c] = fit!.reading[i++];
      row.figuresAt ??= start;
      lastFigured = row;
    }
    anchorSince = false;
    return true;
  };

  /** Where the table being read ends: the next form line that is a field or a heading. */
  let tableEnd = text.length;
  /** How many runs of figures stand between `from` and the table's end, the form's lines left out. */
  const runsLeft = (from: number) => {
    let count = 0;
    let at = from;
    for (const m of marks) {
      if (m.end <= from) continue;
      if (m.start >= tableEnd) break;
      count += figureRuns(text.slice(at, m.start)).filter((r) => r.readings.length > 0).length;
      at = Math.max(at, m.end);
    }
    if (at < tableEnd) count += figureRuns(text.slice(at, tableEnd)).filter((r) => r.readings.length > 0).length;
    return count;
  };
  const endsTables = (m: Mark) => !m.repeat && (fieldBy.has(m.line) || (!rowBy.has(m.line) && (HEADING.test(m.line) || closing.has(m.line))));

  const segment = (start: number, end: number) => {
    const piece = text.slice(start, end);
    if (field) {
      if (meaningful(piece)) field.parts.push(piece);
      return;
    }
    if (rows.length === 0) {
      place(start, piece);
      return;
    }
    let at = 0;
    const prose = (from: number, to: number, beforeRun = false) => {
      const words = piece.slice(from, to);
      if (!meaningful(words)) return;
      const latest = rows[rows.length - 1];
      // («(x) 930»: a mark before the figure is a footnote's reference, not in place of the figure.)
      if (anchorSince && latest && NO_FIGURE.test(words) && latest.filled.every((v) => v === undefined)) {
        const mark = /[xX*]/.exec(words)?.[0]?.toLowerCase();
        if (mark) latest.mark = mark;
        if (beforeRun) return;
        // «X)» where the row's figure should be: the row is left open with what stood there, and the next figure is not its.
        latest.problem = `kilden har «${words.trim()}» der tallet skulle stå`;
        latest.noFigure = true;
        return;
      }
      // The name of the row's next cell («Desember 2012:») is the form's label, not a comment.
      const next = lastFigured?.columns[lastFigured.filled.findIndex((v) => v === undefined)];
      if (next && new RegExp(`^\\s*${next}[\\s\\d.:]*$`, 'iu').test(words)) return;
      if (anchorSince && latest && latest.filled.every((v) => v === undefined)) latest.ownText.push({ text: words, start: start + from });
      if (FOOTNOTE.test(words) && rows[0]) footnotes.push({ table: rows[0].table, mark: /[xX*]/.exec(words)![0].toLowerCase(), text: words.trim(), start: start + from });
      if (lastFigured && !anchorSince && lastFigured.table.kommentar && !FOOTNOTE.test(words)) lastFigured.comment.push(words);
      else {
        place(start + from, words);
        // A footnote ends the row's comment: what follows it is the footnote's too.
        if (FOOTNOTE.test(words)) lastFigured = undefined;
      }
    };
    // Figures no row waits for are the text's own («i overgangen 2012 / 2013»): they stay in it.
    for (const run of figureRuns(piece)) {
      if (rows.every((r) => r.filled.every((v) => v !== undefined) || r.problem)) continue;
      prose(at, run.start, true);
      takeFigures(run, start + run.start, piece.slice(run.start, run.end), piece.slice(0, run.start));
      at = run.end;
    }
    prose(at, piece.length);
  };

  let cursor = 0;
  for (const [i, mark] of marks.entries()) {
    segment(cursor, mark.start);
    if (rowBy.has(mark.line)) tableEnd = marks.slice(i + 1).find(endsTables)?.start ?? text.length;
    cursor = mark.end;
    // A line found again (a table's head repeated on the next page) is cut out, and ends nothing.
    const f = mark.repeat ? undefined : fieldBy.get(mark.line);
    const r = mark.repeat ? undefined : rowBy.get(mark.line);
    if (f && !opened.has(mark.line)) {
      opened.add(mark.line);
      finishField();
      finishTable();
      field = { felt: toPath(f.felt), parts: [], start: mark.end, anchor: mark, date: f.som === 'dato' };
    } else if (r && !opened.has(mark.line)) {
      opened.add(mark.line);
      finishField();
      if (rows.length > 0 && rows[0]!.table !== r.table) finishTable();
      // A row that had text of its own and no figure by the time the next row begins has none: the
      // next figures are not its (an empty cell beside a comment).
      for (const prev of rows)
        if (!prev.problem && prev.ownText.length > 0 && prev.filled.every((v) => v === undefined)) {
          prev.problem = 'raden har tekst, men ikke noe tall';
          prev.textOnly = true;
        }
      const columns = r.row.kolonner ?? r.table.kolonner;
      const row: Row = {
        table: r.table,
        felt: toPath(r.row.felt),
        columns,
        filled: columns.length ? columns.map(() => undefined) : [undefined],
        comment: [],
        anchor: mark,
        ownText: [],
      };
      rows.push(row);
      allRows.push(row);
      anchorSince = true;
    } else if (!mark.repeat && (HEADING.test(mark.line) || closing.has(mark.line))) {
      finishField();
      finishTable();
    }
    // A piece that stood inside the label (a figure) comes after it, as the row's answer.
    for (const piece of mark.inside) segment(piece.start, piece.end);
  }
  segment(cursor, text.length);
  finishField();

  // A footnote goes to the one row of its table that has its mark, when there is one of each.
  for (const row of allRows) {
    if (!row.mark) continue;
    const notes = footnotes.filter((n) => n.table === row.table && n.mark === row.mark);
    const marked = allRows.filter((r) => r.table === row.table && r.mark === row.mark);
    if (notes.length !== 1 || marked.length !== 1 || !row.table.kommentar || row.comment.length > 0) continue;
    row.comment.push(notes[0]!.text);
    const at = unplaced.findIndex((u) => u.page === pageAt(source, notes[0]!.start) && notes[0]!.text.startsWith(u.text.replace(/…$/, '')));
    if (at !== -1) unplaced.splice(at, 1);
    if (row.noFigure && row.columns.length === 0) {
      const page = pageAt(source, row.anchor.start);
      found.push({ path: [...row.felt, 'resultat'], raw: null, page, seen: quote(text.slice(row.anchor.start, row.anchor.end)) });
      found.push({ path: [...row.felt, row.table.kommentar], raw: answerText(row.comment), page: pageAt(source, notes[0]!.start), seen: quote(notes[0]!.text) });
      row.problem = undefined;
      row.filled = [null as unknown as number];
    }
  }
  // A row of one figure with only text: the figure is unknown (null) and the text is its comment,
  // as the report has it; the text leaves the list of what went nowhere.
  for (const row of allRows) {
    if (!row.textOnly || row.columns.length > 0 || !row.table.kommentar || row.noFigure) continue;
    const comment = answerText(row.ownText.map((o) => o.text));
    const page = pageAt(source, row.ownText[0]!.start);
    found.push({ path: [...row.felt, 'resultat'], raw: null, page, seen: quote(text.slice(row.anchor.start, row.anchor.end)) });
    found.push({ path: [...row.felt, row.table.kommentar], raw: comment, page, seen: quote(comment) });
    for (const o of row.ownText) {
      const at = unplaced.findIndex((u) => u.page === pageAt(source, o.start) && quote(o.text, 120) === u.text);
      if (at !== -1) unplaced.splice(at, 1);
    }
    row.noFigure = true;
    row.problem = undefined;
  }
  for (const row of allRows) {
    if (row.noFigure && row.problem === undefined) continue;
    const page = pageAt(source, row.figuresAt ?? row.anchor.start);
    const seen = quote(text.slice(row.anchor.start, row.anchor.end + 60));
    const whole = row.filled.every((v) => v !== undefined);
    if (!whole && row.filled.every((v) => v === undefined)) {
      open.push({ path: row.felt, why: row.problem ?? `ingen tall etter «${row.anchor.line}»`, page, seen });
      continue;
    }
    row.columns.forEach((col, c) => {
      const v = row.filled[c];
      if (v === undefined) open.push({ path: [...row.felt, col], why: row.problem ?? 'tallet står ikke i kilden', page, seen });
      else found.push({ path: [...row.felt, col], raw: v, page, seen });
    });
    const comment = answerText(row.comment);
    // A row of one figure is written as the figure, or as «resultat» beside a comment.
    if (row.columns.length === 0) found.push({ path: comment && row.table.kommentar ? [...row.felt, 'resultat'] : row.felt, raw: row.filled[0]!, page, seen });
    if (comment && row.table.kommentar) found.push({ path: [...row.felt, row.table.kommentar], raw: comment, page, seen: quote(comment) });
  }
  for (const f of map.felt) if (!opened.has(f.linje)) open.push({ path: toPath(f.felt), why: `fant ikke «${f.linje}» i kilden` });
  for (const t of map.tabellrader) for (const r of t.rader) if (!opened.has(r.linje)) open.push({ path: toPath(r.felt), why: `fant ikke «${r.linje}» i kilden` });
  for (const f of map.leses_ikke ?? []) open.push({ path: toPath(f), why: 'importen leser ikke denne delen av skjemaet ennå' });
  return { found, open, unplaced, formLinesFound: marks.filter((m) => !m.repeat).length };
}
