import { kommuneKey } from '../cross/rules.js';
import type { Diagnostic } from '../diagnostics.js';
import type { Form } from '../forms/types.js';
import { municipalityName, readHeader, valueAt } from '../parts/header.js';
import { deliveryOf, type DeliveryStatus } from '../parts/overview.js';
import type { CommonFigures } from '../parts/shared-figures.js';
import { periodLabel, reportThemes, summaryThemes, type SummaryForm, type SummaryTheme } from './fields.js';

export type Delivery = DeliveryStatus | 'mangler';

/** One report as the overview sees it: where it belongs, how it was delivered, and its figures. */
export interface ReportEntry {
  file: string;
  kommune: string;
  kommuneKey: string;
  aar: number;
  periodKind: string;
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

/** An annual report a municipality should have delivered and did not. */
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
  rapporter: ReportEntry[];
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
  const values: ReportEntry['values'] = {};
  for (const theme of common ? reportThemes(form, common) : []) {
    for (const figure of theme.figures) {
      const v = valueAt(common, figure.path);
      // A number or text; anything else (an object where the declaration points too short) is not a value.
      if (v === null || typeof v === 'number' || typeof v === 'string') values[`${theme.id}.${figure.id}`] = v;
    }
  }
  return {
    file,
    kommune,
    kommuneKey: kommuneKey(kommune),
    aar: header.aar,
    periodKind: variant.period.kind,
    periode: label,
    order,
    skjema: form.id,
    form: { id: form.id, years: form.years, overview: form.overview },
    schemaValid: figures !== undefined,
    values,
    ...deliveryOf(common, header.rapporteringsdato),
  };
}

/** The annual deadline as the reports show it: years after the report year, and the day. */
function annualDeadline(entries: readonly ReportEntry[]): (aar: number) => string {
  const sample = entries.find((e) => e.periodKind === 'aar' && e.frist);
  const after = sample ? Number(sample.frist!.slice(0, 4)) - sample.aar : 1;
  const day = sample ? sample.frist!.slice(4) : '-02-28';
  return (aar) => `${aar + after}${day}`;
}

/**
 * The overview of a set of reports: municipalities, periods, and the annual reports that are missing
 * (a year between two a municipality reported, or a year it sent a half-year report for), counted
 * only once their deadline has passed on `today`. Pure.
 */
export function buildSummary(entries: readonly ReportEntry[], funn: readonly Finding[], today: string): SummaryModel {
  const deadline = annualDeadline(entries);
  const byKommune = new Map<string, ReportEntry[]>();
  for (const e of entries) byKommune.set(e.kommuneKey, [...(byKommune.get(e.kommuneKey) ?? []), e]);
  const mangler: Missing[] = [];
  for (const [key, reports] of byKommune) {
    // Only years the report's form served count: a mistyped year (0, 20122) is the report's own
    // problem (a finding), not a reason to list every year between it and the others as missing.
    const served = reports.filter((r) => r.aar >= r.form.years[0] && r.aar <= r.form.years[1]);
    const annual = new Set(served.filter((r) => r.periodKind === 'aar').map((r) => r.aar));
    const years = served.filter((r) => r.periodKind === 'aar' || r.periodKind === 'halvaar').map((r) => r.aar);
    if (years.length === 0) continue;
    const navn = reports[0]!.kommune;
    for (let aar = Math.min(...years); aar <= Math.max(...years); aar++) {
      const between = aar > Math.min(...annual) && aar < Math.max(...annual);
      const halfYearOnly = years.includes(aar);
      if (annual.has(aar) || !(between || halfYearOnly) || deadline(aar) >= today) continue;
      const { label, order } = periodLabel('aar', aar, 'Årsrapport');
      mangler.push({ kommune: navn, kommuneKey: key, aar, periode: label, order, frist: deadline(aar) });
    }
  }
  const perioder = new Map<string, number>();
  for (const p of [...entries, ...mangler]) perioder.set(p.periode, p.order);
  const kommuner = [...byKommune].map(([key, reports]) => ({ key, navn: reports[0]!.kommune })).sort((a, b) => a.navn.localeCompare(b.navn, 'nb'));
  const sorted = [...entries].sort((a, b) => a.kommune.localeCompare(b.kommune, 'nb') || a.order - b.order || a.file.localeCompare(b.file));
  const forms = new Map(entries.map((e) => [e.form.id, e.form]));
  return {
    themes: summaryThemes([...forms.values()]),
    kommuner,
    perioder: [...perioder].map(([label, order]) => ({ label, order })).sort((a, b) => a.order - b.order),
    rapporter: sorted,
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
