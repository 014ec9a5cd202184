import type { Activity, ActivityRow, ActivityStatus } from './data.js';
import { round } from './figures.js';

export const ACTIVITY_STATUSES: readonly ActivityStatus[] = ['gjennomfort', 'delvis_gjennomfort', 'i_gang', 'paa_vent', 'ikke_startet', 'ikke_gjennomfort'];

/** The form's own words for each status code, for the rendered report and rule messages. */
export const STATUS_LABELS: Record<ActivityStatus, string> = {
  gjennomfort: 'Gjennomført',
  delvis_gjennomfort: 'Delvis gjennomført',
  i_gang: 'I gang',
  paa_vent: 'På vent',
  ikke_startet: 'Ikke startet',
  ikke_gjennomfort: 'Ikke gjennomført',
};

/** One line of the activity table, an activity's own row or one of its unnumbered sub-rows. */
export interface ActivityLine {
  nr: number;
  tittel: string;
  /** Index among the activity's sub-rows, or null for the activity's own row. */
  delrad: number | null;
  /** Path of the row in the report, for pointing diagnostics and the rendered table at it. */
  sti: (string | number)[];
  row: ActivityRow;
}

export interface ActivitySummary {
  /** Rows that state a status or a percent (rows that are only a heading are not counted). */
  antall_rader: number;
  /** Rows per status; all null (unknown, never 0) when no row states anything: the table is unread or empty. */
  per_status: Record<ActivityStatus | 'uten_status', number | null>;
  rader_med_prosent: number;
  /** Mean of the stated percents, one decimal; null when no row states one. */
  snitt_framdrift: number | null;
  median_framdrift: number | null;
  med_avvik: { nr: number; tittel: string; delrad: number | null; beskrivelse?: string; avvik: string }[];
}

/** Every row of the table in reading order: each activity's own row, then its sub-rows. */
export function activityLines(activities: readonly Activity[], basePath: (string | number)[]): ActivityLine[] {
  const lines: ActivityLine[] = [];
  activities.forEach((a, i) => {
    lines.push({ nr: a.nr, tittel: a.tittel, delrad: null, sti: [...basePath, i], row: a });
    (a.delaktiviteter ?? []).forEach((row, j) => {
      lines.push({ nr: a.nr, tittel: a.tittel, delrad: j, sti: [...basePath, i, 'delaktiviteter', j], row });
    });
  });
  return lines;
}

function hasContent(row: ActivityRow): boolean {
  return row.status !== undefined || (row.framdrift_prosent !== undefined && row.framdrift_prosent !== null) || row.resultat !== undefined || row.avvik !== undefined;
}

export function summarizeActivities(lines: readonly ActivityLine[]): ActivitySummary {
  const per_status = Object.fromEntries([...ACTIVITY_STATUSES, 'uten_status'].map((s) => [s, 0])) as ActivitySummary['per_status'];
  const percents: number[] = [];
  const med_avvik: ActivitySummary['med_avvik'] = [];
  let antall = 0;
  for (const line of lines) {
    const { row } = line;
    if (row.avvik) {
      med_avvik.push({ nr: line.nr, tittel: line.tittel, delrad: line.delrad, ...(row.beskrivelse ? { beskrivelse: row.beskrivelse } : {}), avvik: row.avvik });
    }
    if (!hasContent(row)) continue;
    antall++;
    per_status[row.status ?? 'uten_status']!++;
    if (typeof row.framdrift_prosent === 'number') percents.push(row.framdrift_prosent);
  }
  const sorted = [...percents].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return {
    antall_rader: antall,
    per_status: antall === 0 ? (Object.fromEntries(Object.keys(per_status).map((s) => [s, null])) as ActivitySummary['per_status']) : per_status,
    rader_med_prosent: percents.length,
    snitt_framdrift: percents.length ? round(percents.reduce((s, p) => s + p, 0) / percents.length, 1) : null,
    median_framdrift: sorted.length === 0 ? null : sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2,
    med_avvik,
  };
}
