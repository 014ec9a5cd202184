import { formatDecimal, formatInteger } from '../../format/norwegian.js';
import type { DataPath } from '../../load/positions.js';
import { toPointer } from '../../diagnostics.js';
import type { Finding, Rule } from '../../rules/types.js';
import type { FormModule } from '../types.js';

/** A table as the free form holds it: typed columns, rows of cells. */
interface Table {
  tittel?: string;
  kolonner: { tittel: string; type?: 'tekst' | 'tall' | 'prosent' }[];
  rader: (string | number | null)[][];
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

/** A cell as the reader sees it: numbers the Norwegian way, percents with «%». */
function cell(value: string | number | null, type: string | undefined): { tekst: string; tall: boolean } {
  if (value === null) return { tekst: '', tall: type === 'tall' || type === 'prosent' };
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
      tabeller: (c.tabeller ?? []).map((t, j) => ({
        tittel: t.tittel,
        kommentar: t.kommentar,
        kolonner: t.kolonner.map((k) => ({ tittel: k.tittel, tall: k.type === 'tall' || k.type === 'prosent' })),
        rader: t.rader.map((row, r) => {
          const rowPath = [...path, 'tabeller', j, 'rader', r];
          return { celler: row.map((v, ci) => ({ ...cell(v, t.kolonner[ci]?.type), sti: toPointer([...rowPath, ci]) })), sti: toPointer(rowPath) };
        }),
      })),
      behov: needTables[toPointer([...path, 'behov'])],
      underkapitler: chapterViews(c.underkapitler ?? [], [...path, 'underkapitler'], depth + 1, needTables),
    };
  });
}

/** The free form's code: one rule for its tables, and its chapters laid out for the template. */
export const form: FormModule = {
  rules: [tabellCeller],
  view: (data: FreeReport, _figures, _helpers, shared) => {
    const needTables = (shared.behovstabeller ?? []) as { sti: string }[];
    return { kapitler: chapterViews(data.kapitler, ['kapitler'], 0, Object.fromEntries(needTables.map((t) => [t.sti, t]))) };
  },
};
