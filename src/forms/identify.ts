import { periodOfYearText } from '../humanize.js';
import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import { words, type Lang, type MessageCode } from '../messages/index.js';
import { valueAt } from '../parts/header.js';
import { closest } from '../util/similar.js';
import { guessForm } from './guess.js';
import type { FormRegistry } from './registry.js';
import type { Form } from './types.js';

/** The form, with a warning when the report used an old id; or why no form could be found. */
export type Identified =
  | { form: Form; warning?: Diagnostic; diagnostic?: undefined }
  /** `guess`: the form the report's sections match, when `skjema:` names none; checking goes on with it. */
  | { form?: undefined; diagnostic: Diagnostic; guess?: Form };

/** Reads the report's `skjema:` key and finds the form unit that handles it. */
export function identifyForm(report: ParsedReport, registry: FormRegistry, lang: Lang): Identified {
  const { file, data } = report;
  const FORM_IDS = registry.ids;
  const forms = FORM_IDS.join(', ');
  const error = (ruleId: MessageCode, span = FILE_START, params: Record<string, string> = {}): Identified => ({
    diagnostic: diagnostic(file, span, 'error', ruleId, words(lang, ruleId, params)),
  });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return error('form/not-a-mapping', report.spanFor([], 'value'));
  }
  const value = (data as Record<string, unknown>).skjema;
  if (value === undefined) {
    // The example is the newest settled form for a whole year's report: what most files are.
    const settled = registry.forms.filter((f) => !f.provisional && f.period.kind === 'aar');
    return error('form/missing', FILE_START, { forms, example: (settled[settled.length - 1] ?? registry.forms[0]!).id });
  }
  const form = typeof value === 'string' ? registry.find(value) : undefined;
  const renamed = !form && typeof value === 'string' ? registry.findByAlias(value) : undefined;
  if (renamed) {
    // The old id goes on working; the report is read as the variant the old form always was.
    const field = renamed.variants?.field;
    // The variant the old form usually was, unless the year says otherwise («2011 2. halvår» is a whole year).
    const yearText = valueAt(data, renamed.fields.aar);
    const said = typeof yearText === 'string' ? periodOfYearText(yearText)?.periode : undefined;
    const variant = field && valueAt(data, field) === undefined ? (said ?? renamed.variants!.usual) : undefined;
    const params = { value: String(value), id: renamed.id, field: field?.join('.') ?? '', variant: variant ?? '' };
    return { form: renamed, warning: diagnostic(file, report.spanFor(['skjema'], 'value'), 'warning', 'form/old-id', words(lang, 'form/old-id', params)) };
  }
  if (!form) {
    const text = String(value);
    const guess = guessForm(data, registry)?.form;
    const params = { value: text, forms, suggestion: guess?.id ?? closest(text, FORM_IDS) ?? '', guess: guess?.id ?? '' };
    const found = diagnostic(file, report.spanFor(['skjema'], 'value'), 'error', 'form/unknown', words(lang, 'form/unknown', params));
    return guess ? { diagnostic: found, guess } : { diagnostic: found };
  }
  return { form };
}
