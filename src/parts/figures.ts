import { NEED_ROWS, type Count, type NeedRow, type NeedRowKey } from './data.js';
import { isoDate } from './period.js';

/** One row of the need table, with the change computed and the reported result kept beside it. */
export interface NeedFigures {
  pr_0101: Count;
  pr_3112: Count;
  /** status 01.01 − status 31.12: positive means the need went down. Unknown if either input is. */
  endring: Count;
  /** The «Resultat» the municipality wrote, if it wrote one (null = written as unknown). */
  resultat_rapportert?: Count;
  /** True when a reported result differs from the computed change; null when either is unknown. */
  resultat_avviker: boolean | null;
}

/** A ratio whose parts are kept, so a reader can see what it was computed from. */
export interface Ratio {
  teller: Count;
  nevner: Count;
  /** teller / nevner, or null when a part is unknown or the denominator is 0. */
  andel: number | null;
}

export function difference(a: Count, b: Count): Count {
  return a === null || b === null ? null : a - b;
}

/** Sum that stays unknown when any part is unknown: an unknown is never counted as 0. */
export function sum(values: readonly Count[]): Count {
  let total = 0;
  for (const v of values) {
    if (v === null) return null;
    total += v;
  }
  return total;
}

export function ratio(teller: Count, nevner: Count): Ratio {
  const andel = teller === null || nevner === null || nevner === 0 ? null : round(teller / nevner, 6);
  return { teller, nevner, andel };
}

/**
 * The share a «herav» count is of its whole. More of the part than of the whole is an error in the
 * report (a rule says so), not a share above 100 %: the share is then unknown.
 */
export function partOf(teller: Count, nevner: Count): Ratio {
  const r = ratio(teller, nevner);
  return r.andel !== null && r.andel > 1 ? { ...r, andel: null } : r;
}

export function round(n: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(n * f) / f;
}

export function needFigures(row: NeedRow): NeedFigures {
  const endring = difference(row.status_behov_pr_0101, row.status_behov_pr_3112);
  const reported = row.resultat;
  const figures: NeedFigures = {
    pr_0101: row.status_behov_pr_0101,
    pr_3112: row.status_behov_pr_3112,
    endring,
    resultat_avviker: reported === undefined || reported === null || endring === null ? null : reported !== endring,
  };
  if (reported !== undefined) figures.resultat_rapportert = reported;
  return figures;
}

/** A need table (rows A, B, C) with its dates, each row's figures and the sums. */
export interface NeedTableFigures {
  dato_0101: string;
  dato_3112: string;
  rader: Record<NeedRowKey, NeedFigures>;
  sum: { pr_0101: Count; pr_3112: Count; endring: Count };
}

/**
 * The figures of a need table from 01.01 of `firstYear` (the report year unless the period starts
 * earlier) to 31.12 of the report year. Unknown rows keep the sums unknown.
 */
export function needTableFigures(rows: Record<NeedRowKey, NeedRow>, aar: number, firstYear = aar): NeedTableFigures {
  const rader = Object.fromEntries(NEED_ROWS.map((k) => [k, needFigures(rows[k])])) as Record<NeedRowKey, NeedFigures>;
  const pr_0101 = sum(NEED_ROWS.map((k) => rader[k].pr_0101));
  const pr_3112 = sum(NEED_ROWS.map((k) => rader[k].pr_3112));
  return { dato_0101: isoDate(firstYear, 1, 1), dato_3112: isoDate(aar, 12, 31), rader, sum: { pr_0101, pr_3112, endring: difference(pr_0101, pr_3112) } };
}
