import type { DataPath } from '../load/positions.js';
import { NEED_ROWS, type NeedRowKey } from './data.js';
import { ACTIVITY_STATUSES, STATUS_LABELS } from './activities.js';
import { mainTable, type CommonFigures } from './shared-figures.js';

/**
 * What the shared parts show in `summary`, computed from the shared figures: the need table, the
 * activity table and the delivery. A form's own themes (form.yaml `oversikt`) stand between the need
 * table and the activities; these ids are the shared parts' and no form may declare them.
 */
export const SHARED_THEME_IDS = ['behov', 'aktiviteter', 'levering', 'periode'] as const;

/** How the overview shows a figure: a count, a change (signed), a share 0–1, a percent 0–100, or text. */
export type OverviewKind = 'antall' | 'endring' | 'andel' | 'prosent' | 'tekst';
export const OVERVIEW_KINDS: readonly OverviewKind[] = ['antall', 'endring', 'andel', 'prosent', 'tekst'];

/** One column of the overview (form.yaml `oversikt[].tall[]`); its `felt` in the CSV is the theme's id, a dot, and this id. */
export interface OverviewFigure {
  id: string;
  label: string;
  kind: OverviewKind;
  /** Where the value is in the report's computed figures (`beregnet`). */
  path: DataPath;
}

/** A table of the overview (form.yaml `oversikt[]`): its id, its heading, its columns. */
export interface OverviewTheme {
  id: string;
  title: string;
  figures: readonly OverviewFigure[];
}

const NEED_LABELS: Record<NeedRowKey, [string, string]> = {
  a_uten_eid_eller_leid_bolig: ['a', 'A. Uten eid eller leid bolig'],
  b_fare_for_aa_miste_boligen: ['b', 'B. Fare for å miste boligen'],
  c_uegnet_bolig: ['c', 'C. Uegnet bolig'],
};
const NEED_COLUMNS = [
  ['pr_0101', 'pr. 01.01', 'antall'],
  ['pr_3112', 'pr. 31.12', 'antall'],
  // Named as what it is: the form's own «Resultat» is the municipality's figure, not this.
  ['endring', 'nedgang i behov (01.01 − 31.12)', 'endring'],
] as const;

/** The need table's columns, read from the table at `at` (a JSON Pointer into `behovstabeller`). */
function needTheme(at: string): OverviewTheme {
  const base = ['behovstabeller', at];
  return {
    id: 'behov',
    title: 'Status behov (1.1 Anskaffe og beholde bolig)',
    figures: [
      ...NEED_ROWS.flatMap((row) =>
        NEED_COLUMNS.map(([col, label, kind]) => ({ id: `${NEED_LABELS[row][0]}.${col}`, label: `${NEED_LABELS[row][1]}, ${label}`, kind, path: [...base, 'rader', row, col] })),
      ),
      ...NEED_COLUMNS.map(([col, label, kind]) => ({ id: `sum.${col}`, label: `Sum A + B + C, ${label}`, kind, path: [...base, 'sum', col] })),
    ],
  };
}

function activityTheme(at: string): OverviewTheme {
  const base = ['aktivitetstabeller', at];
  return {
    id: 'aktiviteter',
    title: 'Aktiviteter',
    figures: [
      ...[...ACTIVITY_STATUSES, 'uten_status' as const].map((s) => ({
        id: s,
        label: s === 'uten_status' ? 'Uten status' : STATUS_LABELS[s],
        kind: 'antall' as const,
        path: [...base, 'per_status', s],
      })),
      // The mean of what the rows state, not of the plan: a row without a percent is not in it.
      { id: 'snitt_framdrift', label: 'Snitt av oppgitt framdrift (bare rader som oppgir prosent)', kind: 'prosent', path: [...base, 'snitt_framdrift'] },
    ],
  };
}

/** The `felt` of a need-table figure: a row (a, b, c) or the sum, and a column. */
export function needFelt(row: 'a' | 'b' | 'c' | 'sum', column: 'pr_0101' | 'pr_3112' | 'endring'): string {
  return `behov.${row}.${column}`;
}

/** The shared themes' columns, for listing them (docs, the overview's column order) without a report. */
export const SHARED_THEMES = { behov: needTheme(''), aktiviteter: activityTheme('') } as const;

/**
 * The shared parts' themes for one report: its main need table (form.yaml `fakta.behov`, else the
 * only one) and its main activity table (the only one), where it has them.
 */
export function sharedOverview(figures: CommonFigures, needAt?: DataPath): { before: OverviewTheme[]; after: OverviewTheme[] } {
  const need = mainTable(figures.behovstabeller, needAt);
  const activities = mainTable(figures.aktivitetstabeller);
  return { before: need ? [needTheme(need.pointer)] : [], after: activities ? [activityTheme(activities.pointer)] : [] };
}

/**
 * How a report was delivered: on time, late, dated but with no deadline to hold it to (a plan), or
 * with no date to tell.
 */
export type DeliveryStatus = 'i_tide' | 'for_sent' | 'uten_frist' | 'uten_dato';

/** The delivery columns every report has in the long format (a missing report too), from `periode`. */
export const DELIVERY_FIELDS: readonly { id: string; label: string }[] = [
  {
    id: 'levering.status',
    label:
      'i_tide, for_sent, uten_frist (dated, but the form has no deadline), uten_dato (no reporting date) or mangler (an annual or half-year report owed and not delivered by its deadline)',
  },
  { id: 'levering.frist', label: 'the deadline (ÅÅÅÅ-MM-DD)' },
  { id: 'levering.rapporteringsdato', label: 'the reporting date (ÅÅÅÅ-MM-DD)' },
  { id: 'levering.dager_til_frist', label: 'days delivered before the deadline; negative: after it' },
];

/** The delivery of a report from its period figures; without them (a report that does not match its form) only the header's date. */
export function deliveryOf(
  figures: CommonFigures | undefined,
  headerDate: string | null,
): { frist: string | null; rapporteringsdato: string | null; dager: number | null; levering: DeliveryStatus } {
  const p = figures?.periode;
  const dager = p?.dager_til_frist ?? null;
  const rapporteringsdato = p?.rapporteringsdato ?? headerDate;
  const levering = dager !== null ? (dager >= 0 ? 'i_tide' : 'for_sent') : rapporteringsdato && !p?.frist ? 'uten_frist' : 'uten_dato';
  return { frist: p?.frist ?? null, rapporteringsdato, dager, levering };
}
