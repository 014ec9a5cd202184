import type { PeriodKind } from '../parts/period.js';
import { valueAt } from '../parts/header.js';

/** The themes of the overview, in the order it shows them. */
export type Theme = 'behov' | 'prioritert' | 'c1' | 'c2' | 'aktiviteter';

export interface SummaryField {
  /** The `felt` column of the CSV: stable, ASCII, dotted. */
  id: string;
  theme: Theme;
  /** The column heading, in the words of Husbanken's forms. */
  label: string;
  kind: 'antall' | 'endring' | 'andel' | 'tekst' | 'prosent';
  /** The value in a report's figures (or, for a raw count, its data); undefined when the form has no such figure. */
  read(figures: Figures, data: unknown): number | string | null | undefined;
}

type Figures = Record<string, any>;

/** A number row written as a number, as null, or as {resultat, kommentar}. */
function count(value: unknown): number | null | undefined {
  if (value === null) return null;
  if (typeof value === 'number') return value;
  if (value && typeof value === 'object' && 'resultat' in value) return count((value as { resultat: unknown }).resultat);
  return undefined;
}

const NEED_ROWS = [
  ['a', 'a_uten_eid_eller_leid_bolig', 'A. Uten eid eller leid bolig'],
  ['b', 'b_fare_for_aa_miste_boligen', 'B. Fare for å miste boligen'],
  ['c', 'c_uegnet_bolig', 'C. Uegnet bolig'],
] as const;

const needFields: SummaryField[] = [
  ...NEED_ROWS.flatMap(([id, key, label]) => [
    { id: `behov.${id}.pr_0101`, theme: 'behov', label: `${label}, pr. 01.01`, kind: 'antall', read: (f: Figures) => f.behov?.rader?.[key]?.pr_0101 },
    { id: `behov.${id}.pr_3112`, theme: 'behov', label: `${label}, pr. 31.12`, kind: 'antall', read: (f: Figures) => f.behov?.rader?.[key]?.pr_3112 },
    { id: `behov.${id}.endring`, theme: 'behov', label: `${label}, resultat (01.01 − 31.12)`, kind: 'endring', read: (f: Figures) => f.behov?.rader?.[key]?.endring },
  ] satisfies SummaryField[]),
  { id: 'behov.sum.pr_0101', theme: 'behov', label: 'Sum A + B + C, pr. 01.01', kind: 'antall', read: (f) => f.behov?.sum?.pr_0101 },
  { id: 'behov.sum.pr_3112', theme: 'behov', label: 'Sum A + B + C, pr. 31.12', kind: 'antall', read: (f) => f.behov?.sum?.pr_3112 },
  { id: 'behov.sum.endring', theme: 'behov', label: 'Sum A + B + C, resultat (01.01 − 31.12)', kind: 'endring', read: (f) => f.behov?.sum?.endring },
];

const C1 = ['delmaal_c', 'c1_okonomiske_virkemidler'];
const STATUSES = [
  ['gjennomfort', 'Gjennomført'],
  ['delvis_gjennomfort', 'Delvis gjennomført'],
  ['i_gang', 'I gang'],
  ['paa_vent', 'På vent'],
  ['ikke_startet', 'Ikke startet'],
  ['ikke_gjennomfort', 'Ikke gjennomført'],
  ['uten_status', 'Uten status'],
] as const;

/** Every figure the overview shows, per theme. */
export const SUMMARY_FIELDS: readonly SummaryField[] = [
  ...needFields,
  { id: 'prioritert.omraade', theme: 'prioritert', label: 'Særskilt prioritert område', kind: 'tekst', read: (f) => f.saerskilt_prioritert_omraade?.omraade },
  { id: 'prioritert.pr_0101', theme: 'prioritert', label: 'Pr. 01.01', kind: 'antall', read: (f) => f.saerskilt_prioritert_omraade?.pr_0101 },
  { id: 'prioritert.pr_3112', theme: 'prioritert', label: 'Pr. 31.12', kind: 'antall', read: (f) => f.saerskilt_prioritert_omraade?.pr_3112 },
  { id: 'prioritert.endring', theme: 'prioritert', label: 'Resultat (01.01 − 31.12)', kind: 'endring', read: (f) => f.saerskilt_prioritert_omraade?.endring },
  { id: 'c1.startlaan', theme: 'c1', label: 'Fullfinansierte boligkjøp med startlån', kind: 'antall', read: (f) => f.fastrenteandel?.nevner },
  { id: 'c1.fastrenteandel', theme: 'c1', label: 'Herav med fastrente', kind: 'andel', read: (f) => f.fastrenteandel?.andel },
  { id: 'c1.boligtilskudd', theme: 'c1', label: 'Boligkjøp med startlån og boligtilskudd', kind: 'antall', read: (_f, d) => count(valueAt(d, [...C1, 'boligkjop_med_startlaan_og_boligtilskudd'])) },
  { id: 'c1.bostotte_januar', theme: 'c1', label: 'Bostøttemottakere, januar', kind: 'antall', read: (f) => f.bostotte?.januar },
  { id: 'c1.bostotte_desember', theme: 'c1', label: 'Bostøttemottakere, desember', kind: 'antall', read: (f) => f.bostotte?.desember },
  { id: 'c1.bostotte_endring', theme: 'c1', label: 'Bostøtte, endring fra januar til desember', kind: 'endring', read: (f) => f.bostotte?.endring },
  { id: 'c2.boliger', theme: 'c2', label: 'Kommunalt disponerte boliger', kind: 'antall', read: (f) => f.kommunalt_disponerte_boliger_fordeling?.oppgitt },
  { id: 'c2.soknader', theme: 'c2', label: 'Nye søknader', kind: 'antall', read: (f) => f.tildelingsrate?.nevner },
  { id: 'c2.tildelinger', theme: 'c2', label: 'Nye tildelinger', kind: 'antall', read: (f) => f.tildelingsrate?.teller },
  { id: 'c2.tildelingsrate', theme: 'c2', label: 'Tildelingsrate', kind: 'andel', read: (f) => f.tildelingsrate?.andel },
  ...STATUSES.map(([key, label]) => ({ id: `aktiviteter.${key}`, theme: 'aktiviteter', label, kind: 'antall', read: (f: Figures) => f.aktiviteter?.per_status?.[key] }) satisfies SummaryField),
  { id: 'aktiviteter.snitt_framdrift', theme: 'aktiviteter', label: 'Gjennomsnittlig framdrift', kind: 'prosent', read: (f) => f.aktiviteter?.snitt_framdrift },
];

/** The delivery fields every report has in the long format, and a missing report too. */
export const DELIVERY_FIELDS: readonly { id: string; label: string }[] = [
  { id: 'levering.status', label: 'i_tide, for_sent, uten_dato (no reporting date or no deadline) or mangler (a missing annual report)' },
  { id: 'levering.frist', label: 'the deadline (ÅÅÅÅ-MM-DD)' },
  { id: 'levering.rapporteringsdato', label: 'the reporting date (ÅÅÅÅ-MM-DD)' },
  { id: 'levering.dager_til_frist', label: 'days delivered before the deadline; negative: after it' },
];

export const THEMES: readonly { theme: Theme; title: string }[] = [
  { theme: 'behov', title: 'Status behov (1.1 Anskaffe og beholde bolig)' },
  { theme: 'prioritert', title: 'Særskilt prioritert område' },
  { theme: 'c1', title: 'C.1 Økonomiske virkemidler' },
  { theme: 'c2', title: 'C.2 Kommunalt disponerte boliger, søknader og tildelinger' },
  { theme: 'aktiviteter', title: 'Aktiviteter (halvårsrapporter)' },
];

/** How a period is named in the overview, and its place among a year's reports. */
export function periodLabel(kind: PeriodKind, aar: number, reportName: string): { label: string; order: number } {
  if (kind === 'halvaar') return { label: `1. halvår ${aar}`, order: aar * 10 + 1 };
  if (kind === 'aar') return { label: String(aar), order: aar * 10 + 2 };
  if (kind === 'programperiode') return { label: `Sluttrapport ${aar}`, order: aar * 10 + 3 };
  return { label: `${reportName} ${aar}`, order: aar * 10 + 4 };
}
