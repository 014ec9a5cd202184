import type { DataPath } from '../load/positions.js';
import { locateFormLines, type Mark } from './locate.js';
import { pageAt, type SourceText } from './source.js';
import { figureRuns } from './values.js';

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
  // A row whose label is not found may have its figures after the next row's label: the rows after
  // it in its table take no figures (a label cut by a hyphen must not hand B's figures to C).
  const markedLines = new Set(marks.map((m) => m.line));
  const afterMissing = new Map<string, string>();
  for (const t of map.tabellrader) {
    const missing = t.rader.find((r) => !markedLines.has(r.linje));
    if (!missing) continue;
    for (const r of t.rader.slice(t.rader.indexOf(missing) + 1)) afterMissing.set(r.linje, missing.linje);
  }
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

  /** A figure run of the table being read, where it stands and the text just before it in its gap. */
  type Placed = { readings: number[][]; start: number; end: number; text: string; before: string; lead: string };
  /** Where the region after the latest row's label ends: the next row's label, or the table's end. */
  let regionEnd = text.length;
  /** Where it starts: the end of the latest row's label. */
  let regionStart = 0;
  /** What the current region's runs give, by where each run starts; made at the region's first run. */
  let plan: Map<number, { row: Row; cell: number; value: number }[]> | undefined;

  /** The figure runs from `from` to the region's end, the form's lines left out. */
  const regionRuns = (from: number): Placed[] => {
    const out: Placed[] = [];
    const gap = (a: number, b: number) => {
      const piece = text.slice(a, b);
      let last = 0;
      for (const r of figureRuns(piece)) {
        out.push({
          readings: r.readings,
          start: a + r.start,
          end: a + r.end,
          text: piece.slice(r.start, r.end),
          before: piece.slice(0, r.start),
          lead: piece.slice(last, r.start),
        });
        last = r.end;
      }
    };
    let at = from;
    for (const m of marks) {
      if (m.end <= from) continue;
      if (m.start >= regionEnd) break;
      gap(at, m.start);
      at = Math.max(at, m.end);
    }
    if (at < regionEnd) gap(at, regionEnd);
    return out;
  };

  /**
   * The one way the runs, in order from the first, fill `targets` (rows, in order): each run gives all
   * its figures to the next empty cells; a row with the `minus` check must bear it out; a figure after
   * its cell's name («Desember 2013: 198») goes to that cell whole; runs for two different rows of one
   * figure each may not have words between them (a figure in a comment is no row's). Undefined when no
   * way or more than one way fits: then nothing is given.
   */
  const solve = (runs: Placed[], targets: Row[]): Map<number, { row: Row; cell: number; value: number }[]> | undefined => {
    const empty = targets.map((r) => r.filled.flatMap((v, i) => (v === undefined ? [i] : [])));
    const solutions: Map<number, { row: Row; cell: number; value: number }[]>[] = [];
    const walk = (ri: number, ti: number, ci: number, acc: Map<number, { row: Row; cell: number; value: number }[]>, lastRow: Row | undefined) => {
      if (solutions.length > 1) return;
      if (ti === targets.length) {
        solutions.push(acc);
        return;
      }
      const run = runs[ri];
      if (!run) return;
      const row = targets[ti]!;
      // A cell's name, whole or cut short with a dot («Januar 2012», «Jan. 2012»).
      const nameOf = (col: string) => new RegExp(`(?:${col}|${col.slice(0, 3)}\\p{L}*\\.)[^\\p{L}]*$`, 'iu');
      const named = row.columns.length > 1 ? row.columns.findIndex((col) => nameOf(col).test(run.before.slice(-30))) : -1;
      if (named !== -1 && named !== empty[ti]![ci]) return;
      // Words just before a figure, other than its cell's name or a footnote's mark («(x) 930»), make
      // it the words' («Totalt 930 kommunale boliger»): no cell's. A row begun keeps what it has. (The
      // need table's rows may have comments between them: its «minus» check bears out their figures.)
      const lead = (named !== -1 ? run.lead.replace(nameOf(row.columns[named]!), '') : run.lead).replace(/\(?[xX*]\)/g, '');
      if (!row.table.kontroll && /\p{L}/u.test(lead)) {
        if (ci > 0 && ti === targets.length - 1) solutions.push(acc);
        return;
      }
      const between = lastRow && lastRow !== row && ri > 0 ? text.slice(runs[ri - 1]!.end, run.start) : '';
      if (/\p{L}/u.test(between) && !(lastRow?.table.kontroll && row.table.kontroll)) return;
      for (const reading of run.readings) {
        if (named !== -1 && reading.length !== 1) continue;
        let t = ti;
        let c = ci;
        const given: { row: Row; cell: number; value: number }[] = [];
        let ok = true;
        for (const value of reading) {
          const target = targets[t];
          if (!target) {
            ok = false;
            break;
          }
          given.push({ row: target, cell: empty[t]![c]!, value });
          if (++c === empty[t]!.length) {
            if (target.table.kontroll === 'minus') {
              const cells = target.filled.map(
                (v, i) =>
                  v ??
                  [...acc.values()]
                    .flat()
                    .concat(given)
                    .find((g) => g.row === target && g.cell === i)?.value,
              );
              const [a, b, r] = cells;
              if (a === undefined || b === undefined || r === undefined || a - b !== r) ok = false;
            }
            t++;
            c = 0;
          }
        }
        if (!ok) continue;
        walk(ri + 1, t, c, new Map([...acc, [run.start, given]]), given[given.length - 1]?.row);
      }
    };
    walk(0, 0, 0, new Map(), undefined);
    return solutions.length === 1 ? solutions[0] : undefined;
  };

  /**
   * The plan for a region's figures: rows that had their labels one after another with no figures
   * take the runs that follow in order, when one way fits them all (Gjøvik's B and C, «50 33»);
   * otherwise only the latest row takes figures, and the rows before it are left open.
   */
  const planRegion = (from: number) => {
    const waiting = rows.filter((r) => r.filled.some((v) => v === undefined) && !r.problem);
    const latest = rows[rows.length - 1];
    const runs = regionRuns(from);
    const seen = runs.map((r) => r.text).join(' ');
    if (waiting.length > 1) {
      const whole = solve(runs, waiting);
      if (whole) return whole;
      // Rows with no figure at their label and figures that do not fill them all: which row is
      // missing its figures cannot be told (with B's cells empty, C's «23 30-7» fits B as well).
      for (const row of waiting) row.problem = `tallene «${seen}» kan høre til flere rader`;
      return new Map();
    }
    if (!latest || !waiting.includes(latest)) return new Map();
    const own = solve(runs, [latest]);
    if (!own && runs.length > 0) latest.problem = `tallene «${seen}» passer ikke i raden, eller kan leses på flere måter`;
    return own ?? new Map();
  };

  /** What the region's plan gives the run starting at `start`: nothing (the figures are then text), or cells. */
  const planned = (start: number) => {
    if (rows.length === 0) return undefined;
    plan ??= planRegion(Math.min(regionStart, start));
    return plan.get(start);
  };
  const give = (given: { row: Row; cell: number; value: number }[], start: number) => {
    for (const g of given) {
      g.row.filled[g.cell] = g.value;
      g.row.figuresAt ??= start;
      lastFigured = g.row;
    }
    anchorSince = false;
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
      const given = planned(start + run.start);
      if (!given) continue;
      prose(at, run.start, true);
      give(given, start + run.start);
      at = run.end;
    }
    prose(at, piece.length);
  };

  let cursor = 0;
  for (const [i, mark] of marks.entries()) {
    segment(cursor, mark.start);
    if (rowBy.has(mark.line) && !mark.repeat) {
      regionEnd = marks.slice(i + 1).find((m) => !m.repeat && (rowBy.has(m.line) || endsTables(m)))?.start ?? text.length;
      // (A figure that stood inside the label, «… tilsagn om 0 investeringstilskudd», is the row's.)
      regionStart = mark.inside[0]?.start ?? mark.end;
      plan = undefined;
    }
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
          // Text with a figure in it that was not given to the row is no «no figure»: the row stays open.
          // A footnote («x) …») may be the table's, under a row whose figure is missing: the row stays open too.
          const figures = prev.ownText.some((o) => figureRuns(o.text).length > 0);
          const footnote = FOOTNOTE.test(prev.ownText[0]!.text);
          prev.problem = figures
            ? `tallet i «${quote(prev.ownText.map((o) => o.text).join(' '), 40)}» kunne ikke plasseres sikkert`
            : footnote
              ? `raden har ikke noe tall, bare «${quote(prev.ownText[0]!.text, 40)}»`
              : 'raden har tekst, men ikke noe tall';
          prev.textOnly = !figures && !footnote;
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
      const missing = afterMissing.get(mark.line);
      if (missing) row.problem = `fant ikke raden «${missing}» foran, så tallene her kan være dens`;
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
