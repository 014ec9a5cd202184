/** Facts about the reporting period that follow from the form and the report year. */
export interface PeriodFacts {
  aar: number;
  /** First and last day the report covers (ISO). */
  fra: string;
  til: string;
  /** The form's deadline for delivery (ISO). */
  frist: string;
  rapporteringsdato: string | null;
  /** Days from delivery to the deadline: positive = early, negative = late, null = no delivery date. */
  dager_til_frist: number | null;
  levert: 'i_tide' | 'for_sent' | 'ukjent';
  /** The date shown on the cover: the cover's own date if given, else the delivery date. */
  forsidedato: string | null;
}

const DAY_MS = 86_400_000;

export function isoDate(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Midnight UTC of an ISO date, from its numbers: Date.parse of the string cost about 8 µs a call. */
function utcMs(iso: string): number {
  // setUTCFullYear, not Date.UTC, which would read year 12 as 1912.
  return new Date(0).setUTCFullYear(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
}

export function daysBetween(fromIso: string, toIso: string): number {
  return Math.round((utcMs(toIso) - utcMs(fromIso)) / DAY_MS);
}

/**
 * Half-year reports cover 1 January–30 June and are due 31.08 the same year; annual reports cover the
 * calendar year and are due 28.02 the year after (both as the forms state them).
 */
export function periodFacts(kind: 'halvaarsrapport' | 'aarsrapport', aar: number, rapporteringsdato: string | null, forsidedato?: string): PeriodFacts {
  const fra = isoDate(aar, 1, 1);
  const til = kind === 'halvaarsrapport' ? isoDate(aar, 6, 30) : isoDate(aar, 12, 31);
  const frist = kind === 'halvaarsrapport' ? isoDate(aar, 8, 31) : isoDate(aar + 1, 2, 28);
  const dager = rapporteringsdato ? daysBetween(rapporteringsdato, frist) : null;
  return {
    aar,
    fra,
    til,
    frist,
    rapporteringsdato,
    dager_til_frist: dager,
    levert: dager === null ? 'ukjent' : dager >= 0 ? 'i_tide' : 'for_sent',
    forsidedato: forsidedato ?? rapporteringsdato,
  };
}
