import type { Form } from '../forms/types.js';
import { DEFAULT_DEADLINES, isoDate, type Deadline } from '../parts/period.js';

/** The kinds of report a municipality in the programme delivers year by year. */
export type OwedKind = 'aar' | 'halvaar';
const OWED_KINDS: readonly string[] = ['aar', 'halvaar'] satisfies OwedKind[];

/** One form's word on one kind of report: the years it served and its deadline. */
export interface OwedBy {
  kind: OwedKind;
  form: string;
  years: readonly [number, number];
  frist: Deadline;
  /** The form's own kind, not one of its variants (a free-form memo can be an annual report too). */
  own: boolean;
}

/**
 * What the forms of a run say about the reports a municipality owes: for each form and each kind of
 * report it makes with a deadline (its own kind, and its variants'), the years and the deadline.
 */
export function owedReports(forms: Iterable<Pick<Form, 'id' | 'years' | 'period' | 'variants'>>): OwedBy[] {
  const out: OwedBy[] = [];
  for (const form of forms) {
    const kinds = [{ period: form.period, own: true }, ...Object.values(form.variants?.values ?? {}).map((v) => ({ period: v.period, own: false }))];
    for (const { period, own } of kinds) {
      if (!OWED_KINDS.includes(period.kind) || !period.frist) continue;
      const kind = period.kind as OwedKind;
      if (out.some((o) => o.form === form.id && o.kind === kind)) continue;
      out.push({ kind, form: form.id, years: form.years, frist: period.frist, own });
    }
  }
  return out;
}

/**
 * The last year a kind of report was due: the last year a form made for that kind served. A form
 * that only offers the kind as a variant (the free-form memo, served 2009–2020) does not set it, so
 * the programme's annual reports end when the annual forms do.
 */
export function lastOwedYear(owed: readonly OwedBy[], kind: OwedKind): number {
  return Math.max(...owed.filter((o) => o.own && o.kind === kind).map((o) => o.years[1]));
}

/**
 * The deadline of a report that was not delivered, from the form that would have served it: one of the
 * forms the municipality used if it served that year, else a form made for that kind, else any;
 * without one, the deadline the forms state by default.
 */
export function owedDeadline(owed: readonly OwedBy[], kind: OwedKind, aar: number, used: ReadonlySet<string>): string {
  const serving = owed.filter((o) => o.kind === kind && aar >= o.years[0] && aar <= o.years[1]);
  const by = serving.find((o) => used.has(o.form)) ?? serving.find((o) => o.own) ?? serving[0] ?? owed.find((o) => o.kind === kind);
  const d = by?.frist ?? DEFAULT_DEADLINES[kind]!;
  return isoDate(aar + d.aar_etter, d.maaned, d.dag);
}
