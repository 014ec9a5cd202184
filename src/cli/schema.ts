import { BosoreportError, EXIT_CLEAN, EXIT_USAGE } from '../errors.js';
import { FORMS, FORM_IDS, findForm } from '../forms/registry.js';
import { t } from '../messages/index.js';
import { closest } from '../util/similar.js';
import { bundledSchema } from '../validate/bundle.js';
import type { CommandContext } from './context.js';

/** `bosoreport schema <form>`: the form's schema with shared parts inlined, for editors and other tools. */
export function runSchema(formId: string, { io, lang }: CommandContext): number {
  const form = findForm(formId);
  if (!form) throw new BosoreportError(t(lang, 'init/unknown-form', { value: formId, forms: FORM_IDS.join(', '), suggestion: closest(formId, FORM_IDS) ?? '' }), EXIT_USAGE);
  io.stdout.write(`${JSON.stringify(bundledSchema(form.schemaFile), null, 2)}\n`);
  return EXIT_CLEAN;
}

/** `bosoreport forms`: the forms and the years they were used. */
export function runForms({ io, lang }: CommandContext): number {
  const width = Math.max(...FORMS.map((f) => f.id.length));
  for (const f of FORMS) io.stdout.write(`${f.id.padEnd(width)}  ${f.title[lang]}  (${f.years[0]}–${f.years[1]}, schemas/${f.schemaFile})\n`);
  return EXIT_CLEAN;
}
