import { duplicateKey, kommuneKey, originalFirst } from '../cross/rules.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Form } from '../forms/types.js';
import { municipalityName, readHeader, valueAt } from '../parts/header.js';
import { deliveryOf, type DeliveryStatus } from '../parts/overview.js';
import { periodFacts } from '../parts/period.js';
import type { CommonFigures } from '../parts/shared-figures.js';
import { isIsoDate } from '../schema/formats.js';
import { groupBy } from '../util/group.js';
import { periodLabel, reportThemes, summaryThemes, type SummaryForm, type SummaryTheme } from './fields.js';
import { own } from '../util/own.js';
import { lastOwedYear, owedDeadline, type OwedBy, type OwedKind } from './owed.js';

export type Delivery = DeliveryStatus | 'mangler';

/** One report as the overview sees it: where it belongs, how it was delivered, and its figures. */
export interface ReportEntry {
  file: string;
  kommune: string;
  kommuneKey: string;
  aar: number;
  periodKind: string;
  /** The report type (aarsrapport, halvaarsrapport …): with municipality and year, what a copy shares. */
  type: string;
  periode: string;
  order: number;
  skjema: string;
  /** The report's form as the overview needs it: its order and its own themes. */
  form: SummaryForm;
  errors: number;
  warnings: number;
  /** False when the report did not match its form: it has no figures. */
  schemaValid: boolean;
  /** Each figure the report has, by its `felt`; null is unknown, never 0. */
  values: Record<string, number | string | null>;
  frist: string | null;
  rapporteringsdato: string | null;
  /** Days delivered before the deadline (negative: after it). */
  dager: number | null;
  levering: Delivery;
}

/** An annual or half-year report a municipality should have delivered and did not. */
export interface Missing {
  kommune: string;
  kommuneKey: string;
  aar: number;
  periode: string;
  order: number;
  frist: string;
}

/** A finding of the checks across reports, gathered for its municipality. */
export interface Finding {
  kommuneKey: string;
  file: string;
  ruleId: string;
  severity: Diagnostic['severity'];
  message: string;
}

export interface SummaryModel {
  /** The tables of the forms in the run, in order, each with its columns. */
  themes: SummaryTheme[];
  kommuner: { key: string; navn: string }[];
  perioder: { label: string; order: number }[];
  /** One report per municipality and period: the one that counts, never a copy. */
  rapporter: ReportEntry[];
  /** The other reports for a period that has one already (a draft, a copy): not shown, named in `funn`. */
  kopier: ReportEntry[];
  mangler: Missing[];
  funn: Finding[];
}

/**
 * A report's place in the overview and its figures, or undefined when it does not say which
 * municipality and year it is. Its counts of errors and warnings come later, after the checks across
 * reports have added theirs.
 */
export function entryOf(file: string, form: Form, data: unknown, figures: Record<string, unknown> | undefined): Omit<ReportEntry, 'errors' | 'warnings'> | undefined {
  const header = readHeader(data, form.fields);
  const kommune = municipalityName(header.kommune);
  if (!kommune || header.aar === null) return undefined;
  const variant = form.variant(data);
  const { label, order } = periodLabel(variant.period.kind, header.aar, variant.reportName);
  const common = figures as CommonFigures | undefined;
  // A report that did not match its form has no figures; its deadline still follows from its form and year.
  const date = header.rapporteringsdato !== null && isIsoDate(header.rapporteringsdato) ? header.rapporteringsdato : null;
  const periode = common?.periode ?? periodFacts(variant.period, header.aar, date);
  const values: ReportEntry['values'] = {};
  for (const theme of common ? reportThemes(form, common) : []) {
    for (const figure of theme.figures) {
      const v = valueAt(common, figure.path);
      // A number or text; anything else (an object where the declaration points too short) is not a value.
      // Copied: a text cut from the report would keep the whole report's text as long as the overview lives.
      if (v === null || typeof v === 'number') values[`${theme.id}.${figure.id}`] = v;
      else if (typeof v === 'string') values[`${theme.id}.${figure.id}`] = own(v);
    }
  }
  const delivery = deliveryOf({ periode } as CommonFigures, header.rapporteringsdato);
  return {
    file,
    kommune: own(kommune),
    kommuneKey: kommuneKey(kommune),
    aar: header.aar,
    periodKind: variant.period.kind,
    type: own(variant.type),
    periode: label,
    order,
    skjema: form.id,
    form: summaryForm(form),
    schemaValid: figures !== undefined,
    values,
    ...delivery,
    frist: delivery.frist === null ? null : own(delivery.frist),
    rapporteringsdato: delivery.rapporteringsdato === null ? null : own(delivery.rapporteringsdato),
  };
}

/** One `SummaryForm` per form, shared by its reports: a batch has thousands of reports and a few forms. */
const summaryForms = new WeakMap<Form, SummaryForm>();
function summaryForm(form: Form): SummaryForm {
  let made = summaryForms.get(form);
  if (!made) summaryForms.set(form, (made = { id: form.id, years: form.years, overview: form.overview }));
  return made;
}

export interface SummaryOptions {
  /** The day reports are owed by: a report is missing once its deadline is before it (ISO). */
  today: string;
  /** What the forms of the run say about the reports owed: the years and deadlines. */
  owed: readonly OwedBy[];
  /** The municipalities, years and forms to show. */
  filter?: SummaryFilter;
}

/**
 * The reports a municipality owes and has not delivered, counted once their deadline is before
 * `today`. Annual reports: every year from its first annual or half-year report to the last year
 * the annual forms served (so a missing latest report counts too). Half-year reports: only for a
 * municipality that has delivered one, from its first to the last year the half-year forms served.
 * A final report ends the programme: nothing is owed for its year or later.
 */
function missingOf(reports: readonly ReportEntry[], options: SummaryOptions): { kind: OwedKind; aar: number; frist: string }[] {
  // Only years the report's form served count: a mistyped year (0, 20122) is the report's own
  // problem (a finding), not a reason to list every year between it and the others as missing.
  const served = reports.filter((r) => r.aar >= r.form.years[0] && r.aar <= r.form.years[1]);
  const end = Math.min(...served.filter((r) => r.periodKind === 'programperiode').map((r) => r.aar));
  const used = new Set(served.map((r) => r.skjema));
  const yearsOf = (kind: string) => served.filter((r) => r.periodKind === kind).map((r) => r.aar);
  // Nothing is owed for a year whose deadline cannot have passed yet: it keeps the loop short too.
  const thisYear = Number(options.today.slice(0, 4));
  const out: { kind: OwedKind; aar: number; frist: string }[] = [];
  const owe = (kind: OwedKind, from: number[], delivered: number[]) => {
    if (from.length === 0) return;
    const last = Math.min(Math.max(...from, lastOwedYear(options.owed, kind)), end - 1, thisYear);
    for (let aar = Math.min(...from); aar <= last; aar++) {
      if (delivered.includes(aar)) continue;
      const frist = owedDeadline(options.owed, kind, aar, used);
      if (frist < options.today) out.push({ kind, aar, frist });
    }
  };
  owe('aar', [...yearsOf('aar'), ...yearsOf('halvaar')], yearsOf('aar'));
  owe('halvaar', yearsOf('halvaar'), yearsOf('halvaar'));
  return out;
}

/**
 * The overview of a set of reports: municipalities, periods, one report per municipality and period
 * (a copy or a broken draft never stands in for the report: see `originalFirst`), and the reports
 * that are missing. Pure.
 */
export function buildSummary(all: readonly ReportEntry[], funn: readonly Finding[], options: SummaryOptions): SummaryModel {
  const { fra, til, ...which } = options.filter ?? {};
  const inYears = (r: { aar: number }) => (fra === undefined || r.aar >= fra) && (til === undefined || r.aar <= til);
  // What is owed follows from all the years a municipality reported, not only those shown: with
  // --aar 2013, the 2013 report is missing whether or not 2012 is shown.
  const entries = filterEntries(all, which);
  const shown: ReportEntry[] = [];
  const kopier: ReportEntry[] = [];
  for (const group of groupBy(entries, duplicateKey).values()) {
    const [first, ...rest] = [...group].sort(originalFirst);
    shown.push(first!);
    kopier.push(...rest);
  }
  const mangler: Missing[] = [];
  for (const [key, reports] of groupBy(shown, (e) => e.kommuneKey)) {
    const navn = reports[0]!.kommune;
    for (const m of missingOf(reports, options).filter(inYears)) {
      const { label, order } = periodLabel(m.kind, m.aar, m.kind === 'aar' ? 'Årsrapport' : 'Halvårsrapport');
      mangler.push({ kommune: navn, kommuneKey: key, aar: m.aar, periode: label, order, frist: m.frist });
    }
  }
  const rapporter = shown.filter(inYears);
  const byKommune = groupBy([...rapporter, ...mangler], (e) => e.kommuneKey);
  const perioder = new Map<string, number>();
  for (const p of [...rapporter, ...mangler]) perioder.set(p.periode, p.order);
  const kommuner = [...byKommune].map(([key, items]) => ({ key, navn: items[0]!.kommune })).sort((a, b) => a.navn.localeCompare(b.navn, 'nb'));
  const byName = (a: ReportEntry, b: ReportEntry) => a.kommune.localeCompare(b.kommune, 'nb') || a.order - b.order || a.file.localeCompare(b.file);
  const forms = new Map(rapporter.map((e) => [e.form.id, e.form]));
  return {
    themes: summaryThemes([...forms.values()]),
    kommuner,
    perioder: [...perioder].map(([label, order]) => ({ label, order })).sort((a, b) => a.order - b.order),
    rapporter: rapporter.sort(byName),
    kopier: kopier.filter(inYears).sort(byName),
    mangler: mangler.sort((a, b) => a.kommune.localeCompare(b.kommune, 'nb') || a.order - b.order),
    funn: funn.filter((f) => byKommune.has(f.kommuneKey)),
  };
}

export interface SummaryFilter {
  kommuner?: string[];
  fra?: number;
  til?: number;
  skjema?: string[];
}

/** The reports the filters keep: municipalities by name (any spelling), a span of years, forms by id. */
export function filterEntries(entries: readonly ReportEntry[], filter: SummaryFilter): ReportEntry[] {
  const keys = filter.kommuner?.map((k) => kommuneKey(k));
  return entries.filter(
    (e) =>
      (!keys || keys.includes(e.kommuneKey)) &&
      (filter.fra === undefined || e.aar >= filter.fra) &&
      (filter.til === undefined || e.aar <= filter.til) &&
      (!filter.skjema || filter.skjema.includes(e.skjema)),
  );
}
