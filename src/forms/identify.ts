import type { Diagnostic } from '../diagnostics.js';
import { FILE_START } from '../diagnostics.js';
import type { ParsedReport } from '../load/parse.js';
import { t, type Lang } from '../messages/index.js';
import { closest } from '../util/similar.js';
import { FORM_IDS, findForm } from './registry.js';
import type { FormDescriptor } from './types.js';

export type Identified = { form: FormDescriptor; diagnostic?: undefined } | { form?: undefined; diagnostic: Diagnostic };

/** Reads the report's `skjema:` key and finds the form unit that handles it. */
export function identifyForm(report: ParsedReport, lang: Lang): Identified {
  const { file, data } = report;
  const forms = FORM_IDS.join(', ');
  const error = (ruleId: string, span = FILE_START, params: Record<string, string> = {}, hint = true): Identified => ({
    diagnostic: {
      file,
      ...span,
      severity: 'error',
      ruleId,
      message: t(lang, ruleId, params),
      ...(hint ? { hint: t(lang, `${ruleId}.hint`, params) } : {}),
    },
  });
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return error('form/not-a-mapping', report.spanFor([], 'value'), {}, false);
  }
  const value = (data as Record<string, unknown>).skjema;
  if (value === undefined) return error('form/missing', FILE_START, { forms, example: FORM_IDS[FORM_IDS.length - 1]! });
  const form = typeof value === 'string' ? findForm(value) : undefined;
  if (!form) {
    const text = String(value);
    return error('form/unknown', report.spanFor(['skjema'], 'value'), {
      value: text,
      forms,
      suggestion: closest(text, FORM_IDS) ?? '',
    });
  }
  return { form };
}
