import type { DataPath } from '../load/positions.js';

/**
 * The shapes of report data that the shared schema definitions guarantee, in every form that uses them.
 * Only trusted after schema validation has passed.
 */
export type Count = number | null;

export interface ProgramInfo {
  programnavn: string;
  kommune: string;
  programleder: string;
  programansvarlig?: string;
  programstart: string | null;
  rapporteringsaar: number;
  rapporteringsdato: string | null;
  utfylt_av: string;
  telefon?: string | number | null;
  epost?: string | null;
}

/** The rows of the need table: A. uten eid eller leid bolig, B. fare for å miste boligen, C. uegnet bolig. */
export const NEED_ROWS = ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig'] as const;
export type NeedRowKey = (typeof NEED_ROWS)[number];

export interface NeedRow {
  status_behov_pr_0101: Count;
  status_behov_pr_3112: Count;
  resultat?: Count;
  kommentar?: string;
}

export interface Breakdown {
  del: string;
  antall: Count;
}

/** A number row: the number alone, or with a comment and a breakdown. */
export type CountRow = Count | { resultat: Count; kommentar?: string; fordeling?: Breakdown[] };

/**
 * An answer in the municipality's words, or null: not answered (the source has no answer), with the
 * reason beside it. Never replaced by invented text.
 */
export type Answer = string | null;

export interface ActivityRow {
  beskrivelse?: Answer;
  resultat?: Answer;
  status?: ActivityStatus;
  status_tekst?: string;
  framdrift_prosent?: number | null;
  avvik?: Answer;
  begrunnelse?: Answer;
  merknad?: string;
}

export type ActivityStatus = 'gjennomfort' | 'delvis_gjennomfort' | 'i_gang' | 'paa_vent' | 'ikke_startet' | 'ikke_gjennomfort';

export interface Activity extends ActivityRow {
  nr: number;
  tittel: string;
  /** The activity's id in the municipality's activity plan, when the report gives it. */
  plan_id?: string;
  /** The id of the plan's activity goal («A») the activity sits under, when the report says it. */
  plan_maal?: string;
  delaktiviteter?: ActivityRow[];
}

/** The row's number and comment, whichever way the row was written. */
export function countOf(row: CountRow | undefined): { value: Count; kommentar?: string; fordeling?: Breakdown[] } {
  if (row === undefined || row === null || typeof row === 'number') return { value: row ?? null };
  return { value: row.resultat, ...(row.kommentar !== undefined ? { kommentar: row.kommentar } : {}), ...(row.fordeling ? { fordeling: row.fordeling } : {}) };
}

/** Where a number row's number is: the row itself when written as a plain number, else its `resultat`. */
export function countPath(row: CountRow | undefined, path: DataPath): DataPath {
  return row !== null && typeof row === 'object' ? [...path, 'resultat'] : path;
}
