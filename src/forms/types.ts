import type { DataPath } from '../load/positions.js';
import type { Lang } from '../messages/index.js';
import type { Section } from '../parts/figure-table.js';
import type { OverviewTheme } from '../parts/overview.js';
import type { PeriodSpec } from '../parts/period.js';
import type { Rule, RuleForm } from '../rules/types.js';

export type { OverviewFigure, OverviewKind, OverviewTheme } from '../parts/overview.js';

/** Where a form keeps what the checks across reports compare. */
export interface FormFacts {
  /** The need table (rows A, B and C with status pr. 01.01 and 31.12). */
  behov?: DataPath;
  /** The name of the «særskilt prioritert område» for the next year. */
  prioritert_omraade?: DataPath;
  /** A plan's list of activities (each with an id), which the year's reports are held against. */
  plan_aktiviteter?: DataPath;
  /** A plan's activity goals, each with an `id` and its own list of `aktiviteter`. */
  plan_aktivitetsmaal?: DataPath;
}

/** Lookups a form's view may use: the schema's own wording for a field. */
export interface ViewHelpers {
  title(path: DataPath): string | undefined;
  description(path: DataPath): string | undefined;
}

/**
 * The code a form folder may bring: form.ts in bosoreport, form.mjs in a reports repository. Every
 * member is optional; a form without code still validates, computes its shared parts and renders.
 */
export interface FormModule {
  /**
   * The form's own figures, beside the period and the shared parts' figures (`shared`, which bosoreport
   * computed from the parts the schema $refs and puts in `beregnet` itself). May not return a name of
   * those (`periode`, `behovstabeller`, `aktivitetstabeller`); passing `shared` through unchanged is allowed.
   */
  derive?(data: any, shared: Record<string, unknown>): Record<string, unknown>;
  /** Checks beyond the schema, beside the shared header and part rules every form gets. */
  rules?: readonly Rule[];
  /** The figures as titled table sections, for `compute` without --json. */
  figureTable?(figures: any, lang: Lang): Section[];
  /** Extra values the template needs (charts, rows with labels); `shared` is what the shared parts give the template. */
  view?(data: any, figures: any, helpers: ViewHelpers, shared: Record<string, unknown>): Record<string, unknown>;
}

/** The kind of report a form makes of one report: its period, name and type (a combined form has several). */
export interface ReportVariant {
  period: PeriodSpec;
  reportName: string;
  type: string;
  /** The value of the field that chose it, when the form has variants. */
  value?: string;
}

/** One form type in one version, loaded from its folder: the unit a new form year is added as. */
export interface Form extends RuleForm {
  title: Record<Lang, string>;
  reportName: string;
  type: string;
  period: PeriodSpec;
  provisional: boolean;
  about: string;
  facts: FormFacts;
  /** Ids reports used before this one, still accepted with a warning. */
  aliases: readonly string[];
  /**
   * The field that chooses the variant, every variant by its value, and the value a report means
   * when it does not give one (the form's own kind): none for a single-use form.
   */
  variants?: { field: DataPath; values: Readonly<Record<string, ReportVariant>>; usual?: string };
  /** The variant a report is: chosen by its field, or the form's own period, name and type. */
  variant(data: unknown): ReportVariant;
  /** Built into bosoreport, or brought by a reports repository's config. */
  origin: 'builtin' | 'repository';
  /** The form folder. */
  dir: string;
  /** The template file and the folder of partials the form adds, if any. */
  templateFile: string;
  partialsDir?: string;
  /** Every figure: the period, the shared parts', and the form's own. Pure. */
  derive(data: unknown): Record<string, unknown>;
  /** The form's own themes for `summary` (form.yaml `oversikt`); the shared parts bring theirs themselves. */
  overview: readonly OverviewTheme[];
  /** Header and part rules every form gets, then the form's own. */
  rules: readonly Rule[];
  figureTable(figures: any, lang: Lang): Section[];
  view(data: unknown, figures: unknown): Record<string, unknown>;
}
