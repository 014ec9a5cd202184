import { formatShortDate } from '../format/norwegian.js';
import { toPointer } from '../diagnostics.js';
import type { DataPath } from '../load/positions.js';
import { activityLines, type ActivityLine } from './activities.js';
import { chartLang, pairedBars, progressBars, type ChartLang } from './charts.js';
import { NEED_ROWS, type NeedRow, type NeedRowKey } from './data.js';
import { findParts } from './discover.js';
import type { NeedTableFigures } from './figures.js';
import type { SharedFigures } from './shared-figures.js';

/** The schema's wording for a field, for row labels. */
export interface Wording {
  title(path: DataPath): string | undefined;
  description(path: DataPath): string | undefined;
}

const NEED_LABELS: Record<NeedRowKey, string> = {
  a_uten_eid_eller_leid_bolig: 'A. Uten eid eller leid bolig',
  b_fare_for_aa_miste_boligen: 'B. Fare for å miste boligen',
  c_uegnet_bolig: 'C. Uegnet bolig',
};

/** A need table's rows for a template: the form's label, the row as written, bosoreport's figures, where to flag. */
export function needTableView(path: DataPath, rows: Record<NeedRowKey, NeedRow>, figures: NeedTableFigures, wording: Wording, lang: ChartLang = 'nb') {
  return {
    sti: toPointer(path),
    tittel: wording.title(path) ?? '',
    rader: NEED_ROWS.map((k) => ({
      nokkel: k,
      tittel: wording.title([...path, k]) ?? NEED_LABELS[k],
      forklaring: wording.description([...path, k]) ?? '',
      rapport: rows[k],
      tall: figures.rader[k],
      sti: toPointer([...path, k, 'resultat']),
    })),
    tall: figures,
    diagram: pairedBars(
      NEED_ROWS.map((k) => ({ label: NEED_LABELS[k], a: figures.rader[k].pr_0101, b: figures.rader[k].pr_3112 })),
      // Each bar's own date: over a programme period (a final report) the two lie years apart.
      [`Status behov pr. ${formatShortDate(figures.dato_0101)}`, `pr. ${formatShortDate(figures.dato_3112)}`],
      'Status behov ved periodens start og slutt, per kategori',
      lang,
    ),
  };
}

/**
 * The rows of an activity table for a template, each activity's own row followed by its sub-rows;
 * a sub-row's `delmerke` (2.1) is the number the working copy's findings and chart call it by.
 */
export function activityRows(lines: readonly ActivityLine[]) {
  return lines.map((l) => ({
    ...l.row,
    nr: l.nr,
    tittel: l.tittel,
    hovedrad: l.delrad === null,
    merke: l.delrad === null ? `Aktivitet ${l.nr}` : '',
    delmerke: l.delrad === null ? '' : `${l.nr}.${l.delrad + 1}`,
    sti: toPointer(l.sti),
    prosentsti: toPointer([...l.sti, 'framdrift_prosent']),
    statussti: toPointer([...l.sti, 'status']),
  }));
}

/** Progress per row that states a percent, as bars. */
export function progressChart(lines: readonly ActivityLine[]): string {
  return progressBars(
    lines
      .filter((l) => typeof l.row.framdrift_prosent === 'number')
      .map((l) => ({
        label: `${l.nr}${l.delrad === null ? '' : `.${l.delrad + 1}`} ${l.delrad === null ? l.tittel : (l.row.beskrivelse ?? l.tittel)}`,
        percent: l.row.framdrift_prosent ?? null,
      })),
    'Status framdrift i prosent per aktivitet',
  );
}

/**
 * What every form's template gets for its shared parts (as `skjemadata.behovstabeller` and
 * `skjemadata.aktivitetstabeller`), ready for the `behovstabell` and `aktivitetstabell` partials.
 */
export function sharedView(schemaId: string, data: unknown, figures: SharedFigures, wording: Wording): Record<string, unknown> {
  const parts = findParts(schemaId, data);
  const behovstabeller = parts.needTables.flatMap((t) => {
    const f = figures.behovstabeller?.[toPointer(t.path)];
    return f ? [needTableView(t.path, t.rows, f, wording, chartLang(data))] : [];
  });
  const aktivitetstabeller = parts.activityLists.map((list) => {
    const lines = activityLines(list.activities, [...list.path]);
    return {
      sti: toPointer(list.path),
      tittel: wording.title(list.path) ?? '',
      rader: activityRows(lines),
      oppsummering: figures.aktivitetstabeller?.[toPointer(list.path)],
      diagram: progressChart(lines),
    };
  });
  return { behovstabeller, aktivitetstabeller };
}
