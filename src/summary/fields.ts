import type { Form } from '../forms/types.js';
import { SHARED_THEMES, sharedOverview, type OverviewKind, type OverviewTheme } from '../parts/overview.js';
import type { PeriodKind } from '../parts/period.js';
import type { CommonFigures } from '../parts/shared-figures.js';

/** A column of the overview: `id` is the CSV's `felt` (the theme's id, a dot, the figure's id), stable for spreadsheets. */
export interface SummaryField {
  id: string;
  theme: string;
  /** The column heading, in the words of Husbanken's forms. */
  label: string;
  kind: OverviewKind;
}

/** A table of the overview and its columns. */
export interface SummaryTheme {
  id: string;
  title: string;
  fields: SummaryField[];
}

/** A theme's columns, without where a report keeps their values. */
export function summaryTheme(theme: OverviewTheme): SummaryTheme {
  return { id: theme.id, title: theme.title, fields: theme.figures.map((f) => ({ id: `${theme.id}.${f.id}`, theme: theme.id, label: f.label, kind: f.kind })) };
}

/**
 * Where one report's overview values are: the shared parts' themes (found in its figures), with the
 * form's own declared themes (form.yaml `oversikt`) between them.
 */
export function reportThemes(form: Pick<Form, 'overview' | 'facts'>, figures: CommonFigures): OverviewTheme[] {
  const shared = sharedOverview(figures, form.facts.behov);
  return [...shared.before, ...form.overview, ...shared.after];
}

/** The forms of a run as the overview orders them: oldest first, as the registry lists them. */
export interface SummaryForm {
  id: string;
  years: readonly [number, number];
  overview: readonly OverviewTheme[];
}

/**
 * The overview's tables for the forms in a run: the need table, then each form's own themes in form
 * order (a theme two forms declare is one table, its columns in the order first met), then the
 * activities.
 */
export function summaryThemes(forms: readonly SummaryForm[]): SummaryTheme[] {
  const ordered = [...forms].sort((a, b) => a.years[0] - b.years[0] || a.years[1] - b.years[1] || a.id.localeCompare(b.id));
  const themes = new Map<string, SummaryTheme>();
  for (const theme of [SHARED_THEMES.behov, ...ordered.flatMap((f) => f.overview), SHARED_THEMES.aktiviteter]) {
    const made = summaryTheme(theme);
    const known = themes.get(theme.id);
    if (!known) themes.set(theme.id, made);
    else for (const field of made.fields) if (!known.fields.some((f) => f.id === field.id)) known.fields.push(field);
  }
  return [...themes.values()];
}

/** How a period is named in the overview, and its place among a year's reports. */
export function periodLabel(kind: PeriodKind, aar: number, reportName: string): { label: string; order: number } {
  if (kind === 'halvaar') return { label: `1. halvår ${aar}`, order: aar * 10 + 1 };
  if (kind === 'aar') return { label: String(aar), order: aar * 10 + 2 };
  if (kind === 'programperiode') return { label: `Sluttrapport ${aar}`, order: aar * 10 + 3 };
  return { label: `${reportName} ${aar}`, order: aar * 10 + 4 };
}
