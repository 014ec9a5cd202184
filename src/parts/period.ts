/** How a form's period follows from the report year (form.yaml `periode`). */
export type PeriodKind = 'halvaar' | 'aar' | 'programperiode' | 'fri';
export const PERIOD_KINDS: readonly PeriodKind[] = ['halvaar', 'aar', 'programperiode', 'fri'];

/** A deadline as a day of a month, in the report year or a later one. */
export interface Deadline {
  maaned: number;
  dag: number;
  aar_etter: number;
}

/**
 * The deadlines the forms state: half-year reports 31.08 the same year, annual reports 28.02 the year
 * after. A final report or a plan has no fixed one unless its form.yaml gives it.
 */
export const DEFAULT_DEADLINES: Record<PeriodKind, Deadline | null> = {
  halvaar: { maaned: 8, dag: 31, aar_etter: 0 },
  aar: { maaned: 2, dag: 28, aar_etter: 1 },
  programperiode: null,
  fri: null,
};

export interface PeriodSpec {
  kind: PeriodKind;
  frist: Deadline | null;
}

/** Facts about the reporting period that follow from the form and the report year. */
export interface PeriodFacts {
  aar: number;
  /** First and last day the report covers (ISO); null where they cannot be known (programme start left blank). */
  fra: string | null;
  til: string | null;
  /** The form's deadline for delivery (ISO), or null for a form without one. */
  frist: string | null;
  rapporteringsdato: string | null;
  /** Days from delivery to the deadline: positive = early, negative = late, null = no delivery date or no deadline. */
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
 * The last day a date known only to the month («2012-03») or the year («2013») can mean: the latest
 * a report can have been delivered, the latest a plan period can end.
 */
export function endDate(date: string): string {
  if (date.length === 4) return `${date}-12-31`;
  if (date.length !== 7) return date;
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  // Day 0 of the next month is this month's last; setUTCFullYear, not Date.UTC, which reads year 12 as 1912.
  return isoDate(y, m, new Date(new Date(0).setUTCFullYear(y, m, 0)).getUTCDate());
}

/** A programme start known only to the month counts from the month's first day. */
export function startDate(programstart: string): string {
  // Known to the month or the year only: its first day, the earliest the programme can have started.
  return programstart.length === 4 ? `${programstart}-01-01` : programstart.length === 7 ? `${programstart}-01` : programstart;
}

/**
 * Half-year reports cover 1 January–30 June, annual reports the calendar year, a programme-period
 * report from the programme start to the end of the report year; a free report no fixed period.
 */
export function periodFacts(spec: PeriodSpec, aar: number, rapporteringsdato: string | null, forsidedato?: string | null, programstart?: string | null): PeriodFacts {
  // A free report (a memo, a plan) is not about a period that must be over before it is written.
  const fra = spec.kind === 'fri' ? null : spec.kind === 'programperiode' ? (programstart ? startDate(programstart) : null) : isoDate(aar, 1, 1);
  const til = spec.kind === 'fri' ? null : spec.kind === 'halvaar' ? isoDate(aar, 6, 30) : isoDate(aar, 12, 31);
  const d = spec.frist;
  const frist = d ? isoDate(aar + d.aar_etter, d.maaned, d.dag) : null;
  const dager = rapporteringsdato && frist ? daysBetween(rapporteringsdato, frist) : null;
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
