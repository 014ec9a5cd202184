import type { Lang } from '../messages/index.js';

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
}
