import type { Count } from '../../parts/data.js';

/** The plan's activity as written: a stable id the year's reports name in `plan_id`. */
export interface PlanActivity {
  id: string;
  nr?: number;
  tittel: string;
  budsjett?: number | null;
}

/** One year of «Årlig budsjett og finansieringsplan»: an absent source is a column the plan does not have. */
export interface FinancingYear {
  aar: number;
  kommune?: number | null;
  husbanken_tilskudd?: number | null;
  annet?: number | null;
  /** The plan's own SUM column, as typed. */
  sum?: number | null;
  kommentar?: string;
}

export const SOURCES = ['kommune', 'husbanken_tilskudd', 'annet'] as const;
export type Source = (typeof SOURCES)[number];

export interface Plan {
  generell_programinformasjon: { planperiode?: { fra: string | null; til: string | null } };
  del2_aktivitetsplan: {
    aktivitetsmaal?: { id: string; tekst: string | null; aktiviteter: PlanActivity[] }[];
    aktiviteter?: PlanActivity[];
    budsjett?: { kilde: Source; belop: number | null }[];
    finansieringsplan?: FinancingYear[];
  };
}

/** Money by source, and their sum; unknown stays unknown. */
export type BySource = Record<Source, Count> & { sum: Count };
