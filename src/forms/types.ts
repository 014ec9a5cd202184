import type { Lang } from '../messages/index.js';
import type { Section } from '../present/figures.js';
import type { Rule } from '../rules/types.js';

/**
 * One form type in one version: the unit a new form year is added as.
 * The schema file lives in schemas/; rules, derivations and templates join the descriptor as they are built.
 */
export interface FormDescriptor {
  /** The value of the report's `skjema:` key. */
  id: string;
  /** Report type: half-year or annual. */
  kind: 'halvaarsrapport' | 'aarsrapport';
  /** The form's name as users know it, per language. */
  title: Record<Lang, string>;
  /** File name in schemas/, which is also the schema's $id. */
  schemaFile: string;
  /** The years this form version was used for, from the evidence in FORMS.md. */
  years: readonly [number, number];
  /** One pure pass from schema-valid data to every computed figure. */
  derive(data: any): unknown;
  /** Checks beyond the schema, run on the data and its figures. */
  rules: readonly Rule[];
  /** The figures as titled table sections, for `compute` without --json. */
  figureTable(figures: any, lang: Lang): Section[];
  /** Extra values the form's report template needs (charts, normalised table rows). */
  view?(data: any, figures: any): Record<string, unknown>;
}
