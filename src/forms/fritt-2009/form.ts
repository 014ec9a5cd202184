import { round, sum } from '../../parts/figures.js';
import { formatDecimal, formatInteger } from '../../format/norwegian.js';
import type { DataPath } from '../../load/positions.js';
import { toPointer } from '../../diagnostics.js';
import type { Finding, Rule } from '../../rules/types.js';
import type { FormModule } from '../types.js';

type Cell = string | number | null;

/** A table as the free form holds it: typed columns, rows of cells, and perhaps its own sums. */
interface Table {
  tittel?: string;
  kolonner: { tittel: string; type?: 'tekst' | 'tall' | 'prosent' | 'sum' }[];
  rader: Cell[][];
  /** The last row is the table's sum row («SUM», «Totalt»): each number column's total. */
  sumrad?: boolean;
  kommentar?: string;
}
interface Chapter {
  overskrift: string;
  tekst?: string;
  tabeller?: Table[];
  behov?: unknown;
  underkapitler?: Chapter[];
}
interface FreeReport {
  kapitler: Chapter[];
}

/** Every table in the report, chapters and sub-chapters alike, with its path. */
function tables(chapters: readonly Chapter[], base: DataPath): { table: Table; path: DataPath }[] {
  return chapters.flatMap((c, i) => [
    ...(c.tabeller ?? []).map((table, j) => ({ table, path: [...base, i, 'tabeller', j] })),
    ...tables(c.underkapitler ?? [], [...base, i, 'underkapitler']),
  ]);
}

/** E9: a number column holds numbers (or null for an empty cell), and every row has a cell per column. */
const tabellCeller: Rule<FreeReport> = {
  id: 'tabell-celler',
  code: 'E9',
  severity: 'error',
  messages: {
    nb: {
      message: (p) =>
        p.kolonne ? `Cellen i kolonnen «${p.kolonne}» skal være et tall, men er «${p.verdi}».` : `Raden har ${p.celler} celler, men tabellen har ${p.kolonner} kolonner.`,
      hint: (p) =>
        p.kolonne
          ? 'Skriv tallet uten mellomrom og tegn (1390, 38.4), eller null for en tom celle.'
          : 'Legg til eller fjern celler så raden har én celle per kolonne; en tom celle skrives null.',
      about: 'I en fri tabell er cellene i tall- og prosentkolonner tall, og hver rad har én celle per kolonne.',
    },
    nn: {
      message: (p) =>
        p.kolonne ? `Cella i kolonnen «${p.kolonne}» skal vere eit tal, men er «${p.verdi}».` : `Rada har ${p.celler} celler, men tabellen har ${p.kolonner} kolonnar.`,
      hint: (p) =>
        p.kolonne
          ? 'Skriv talet utan mellomrom og teikn (1390, 38.4), eller null for ei tom celle.'
          : 'Legg til eller fjern celler så rada har éi celle per kolonne; ei tom celle skriv du som null.',
      about: 'I ein fri tabell er cellene i tal- og prosentkolonnar tal, og kvar rad har éi celle per kolonne.',
    },
    en: {
      message: (p) =>
        p.kolonne ? `The cell in the column "${p.kolonne}" should be a number, but is "${p.verdi}".` : `The row has ${p.celler} cells, but the table has ${p.kolonner} columns.`,
      hint: (p) =>
        p.kolonne
          ? 'Write the number without spaces or signs (1390, 38.4), or null for an empty cell.'
          : 'Add or remove cells so the row has one cell per column; an empty cell is null.',
      about: 'In a free table, cells of number and percent columns are numbers, and every row has one cell per column.',
    },
  },
  check: ({ data }) => {
    const found: Finding[] = [];
    for (const { table, path } of tables(data.kapitler, ['kapitler'])) {
      table.rader.forEach((row, r) => {
        if (row.length !== table.kolonner.length) found.push({ path: [...path, 'rader', r], params: { celler: row.length, kolonner: table.kolonner.length } });
        row.forEach((cell, c) => {
          const col = table.kolonner[c];
          if (col && col.type && col.type !== 'tekst' && cell !== null && typeof cell !== 'number')
            found.push({ path: [...path, 'rader', r, c], params: { kolonne: col.tittel, verdi: String(cell) } });
        });
      });
    }
    return found;
  },
};

/** The shared sum (unknown when a part is), a text cell counting as unknown; decimals rounded so 0.1 + 0.2 is 0.3. */
function total(values: readonly Cell[]): number | null {
  const s = sum(values.map((v) => (typeof v === 'number' ? v : null)));
  return s === null ? null : round(s, 6);
}

/**
 * What a table's sums should be: per row, the sum column's value (the row's `tall` cells added up);
 * for a sum row, each `tall` or `sum` column's total over the rows above it. Null where a part is
 * unknown: an unknown is never counted as 0.
 */
export function tableSums(t: Table): { rows: (number | null)[]; sumRow: (number | null)[] | undefined } {
  const body = t.sumrad ? t.rader.slice(0, -1) : t.rader;
  const parts = t.kolonner.flatMap((k, i) => (k.type === 'tall' ? [i] : []));
  const rowSum = (row: readonly Cell[]) => (parts.length ? total(parts.map((i) => row[i] ?? null)) : null);
  const rows = t.rader.map((row, r) => (t.sumrad && r === t.rader.length - 1 ? null : rowSum(row)));
  // A sum column's cell counts as typed where it is typed, else as computed, so one missing cell does not hide the total.
  const effective = (row: readonly Cell[], r: number, c: number) => (t.kolonner[c]?.type === 'sum' && typeof row[c] !== 'number' ? rows[r]! : (row[c] ?? null));
  const sumRow = t.sumrad ? t.kolonner.map((k, c) => (k.type === 'tall' || k.type === 'sum' ? total(body.map((row, r) => effective(row, r, c))) : null)) : undefined;
  return { rows, sumRow };
}

/** E10: a sum the municipality typed (a SUM column or row) that is not the sum of its parts. */
const tabellSum: Rule<FreeReport> = {
  id: 'tabell-sum',
  code: 'E10',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Summen er ført opp som ${p.oppgitt}, men ${p.kolonne ? `«${p.kolonne}» i radene over` : p.deler} gir ${p.sum}.`,
      hint: () => 'Rett summen eller tallene den summerer; står summen tom (null), regner bosoreport den ut i arbeidskopien.',
      about: 'I en fri tabell med sumkolonne («type: sum») eller sumrad («sumrad: true») stemmer summene med tallene.',
    },
    nn: {
      message: (p) => `Summen er ført opp som ${p.oppgitt}, men ${p.kolonne ? `«${p.kolonne}» i radene over` : p.deler} gir ${p.sum}.`,
      hint: () => 'Rett summen eller tala han summerer; står summen tom (null), reknar bosoreport han ut i arbeidskopien.',
      about: 'I ein fri tabell med sumkolonne («type: sum») eller sumrad («sumrad: true») stemmer summane med tala.',
    },
    en: {
      message: (p) => `The sum is given as ${p.oppgitt}, but ${p.kolonne ? `"${p.kolonne}" in the rows above` : p.deler} makes ${p.sum}.`,
      hint: () => 'Correct the sum or the figures it adds up; a sum left empty (null) is computed in the working copy.',
      about: 'In a free table with a sum column ("type: sum") or sum row ("sumrad: true"), the sums agree with the figures.',
    },
  },
  check: ({ data }) => {
    const found: Finding[] = [];
    const n = (v: number) => (Number.isInteger(v) ? formatInteger(v) : formatDecimal(v));
    for (const { table, path } of tables(data.kapitler, ['kapitler'])) {
      const sums = tableSums(table);
      const partsOfRow = table.kolonner.filter((k) => k.type === 'tall').map((k) => k.tittel);
      table.rader.forEach((row, r) => {
        table.kolonner.forEach((k, c) => {
          const typed = row[c];
          const isSumRow = table.sumrad && r === table.rader.length - 1;
          const expected = isSumRow ? sums.sumRow?.[c] : k.type === 'sum' ? sums.rows[r] : undefined;
          if (typeof typed !== 'number' || expected === null || expected === undefined || Math.abs(typed - expected) < 1e-9) return;
          const where = isSumRow ? { kolonne: k.tittel } : { deler: partsOfRow.map((t) => `«${t}»`).join(' + ') };
          found.push({ path: [...path, 'rader', r, c], params: { oppgitt: n(typed), sum: n(expected), ...where } });
        });
      });
    }
    return found;
  },
};

/** A cell as the reader sees it: numbers the Norwegian way, percents with «%». */
function cell(value: string | number | null, type: string | undefined): { tekst: string; tall: boolean } {
  if (value === null) return { tekst: '', tall: type === 'tall' || type === 'prosent' || type === 'sum' };
  if (typeof value === 'number')
    return { tekst: type === 'prosent' ? `${formatDecimal(value)} %` : Number.isInteger(value) ? formatInteger(value) : formatDecimal(value), tall: true };
  return { tekst: value, tall: false };
}

/** Chapters ready for the template: numbered depth, tables with formatted cells, the need table's rows. */
function chapterViews(chapters: readonly Chapter[], base: DataPath, depth: number, needTables: Record<string, unknown>): unknown[] {
  return chapters.map((c, i) => {
    const path = [...base, i];
    return {
      overskrift: c.overskrift,
      niva: Math.min(depth + 2, 6),
      tekst: c.tekst,
      sti: toPointer(path),
      tabeller: (c.tabeller ?? []).map((t, j) => {
        const sums = tableSums(t);
        return {
          tittel: t.tittel,
          kommentar: t.kommentar,
          kolonner: t.kolonner.map((k) => ({ tittel: k.tittel, tall: k.type === 'tall' || k.type === 'prosent' || k.type === 'sum' })),
          rader: t.rader.map((row, r) => {
            const rowPath = [...path, 'tabeller', j, 'rader', r];
            const isSumRow = t.sumrad === true && r === t.rader.length - 1;
            return {
              sumrad: isSumRow,
              celler: row.map((v, ci) => {
                // A sum left empty: the computed one, for the working copy only (the template decides).
                const computed = v === null ? (isSumRow ? sums.sumRow?.[ci] : t.kolonner[ci]?.type === 'sum' ? sums.rows[r] : undefined) : undefined;
                return { ...cell(v, t.kolonner[ci]?.type), ...(typeof computed === 'number' ? { beregnet: cell(computed, 'tall').tekst } : {}), sti: toPointer([...rowPath, ci]) };
              }),
              sti: toPointer(rowPath),
            };
          }),
        };
      }),
      behov: needTables[toPointer([...path, 'behov'])],
      underkapitler: chapterViews(c.underkapitler ?? [], [...path, 'underkapitler'], depth + 1, needTables),
    };
  });
}

/** The free form's code: rules for its tables, and its chapters laid out for the template. */
export const form: FormModule = {
  rules: [tabellCeller, tabellSum],
  view: (data: FreeReport, _figures, _helpers, shared) => {
    const needTables = (shared.behovstabeller ?? []) as { sti: string }[];
    return { kapitler: chapterViews(data.kapitler, ['kapitler'], 0, Object.fromEntries(needTables.map((t) => [t.sti, t]))) };
  },
};
