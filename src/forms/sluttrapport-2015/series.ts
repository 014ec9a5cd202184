import type { Count } from '../../parts/data.js';
import { difference } from '../../parts/figures.js';

/** One year's figure of a series: null when the report does not know it. */
export interface SeriesValue {
  aar: number;
  antall: Count;
  kommentar?: string;
}

/** A figure year by year over the programme period («Startlån», «Utkastelser»), as the report writes it. */
export interface Series {
  navn: string;
  enhet?: string;
  tall_per_aar: SeriesValue[];
  kommentar?: string;
}

/** The parts of a final report the form's code reads. */
export interface Sluttrapport2015 {
  tallserier?: Series[];
}

/** The change from one listed year to the next. */
export interface YearChange {
  fra_aar: number;
  til_aar: number;
  endring: Count;
}

/** What bosoreport computes for one series (the shape is in beregnet.schema.json). */
export interface SeriesFigures {
  navn: string;
  enhet: string | null;
  forste_aar: number;
  siste_aar: number;
  forste: Count;
  siste: Count;
  /** Last year − first year; null when either is unknown, or the series has one year only. */
  endring: Count;
  aarlige_endringer: YearChange[];
}

/** The series' values by year, earliest first, each year once (the first written wins; a second is an error of its own). */
export function byYear(values: readonly SeriesValue[]): SeriesValue[] {
  const sorted = [...values].sort((a, b) => a.aar - b.aar);
  return sorted.filter((v, i) => i === 0 || sorted[i - 1]!.aar !== v.aar);
}

/** The changes of one series. Pure; a change involving an unknown figure is unknown. */
export function seriesFigures(series: Series): SeriesFigures {
  const values = byYear(series.tall_per_aar);
  const first = values[0]!;
  const last = values[values.length - 1]!;
  return {
    navn: series.navn,
    enhet: series.enhet ?? null,
    forste_aar: first.aar,
    siste_aar: last.aar,
    forste: first.antall,
    siste: last.antall,
    endring: values.length < 2 ? null : difference(last.antall, first.antall),
    aarlige_endringer: values.slice(1).map((v, i) => ({ fra_aar: values[i]!.aar, til_aar: v.aar, endring: difference(v.antall, values[i]!.antall) })),
  };
}

/** The final report's own figures: every series' changes, in the report's order. */
export function deriveSluttrapport2015(report: Sluttrapport2015): { tallserier: SeriesFigures[] } {
  return { tallserier: (report.tallserier ?? []).map(seriesFigures) };
}
