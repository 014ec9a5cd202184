import { readFileSync } from 'node:fs';
import type { ValidationResult } from '../validate/validate.js';
import type { TemplateSet } from './templates.js';
import { buildView, type ViewInput } from './view.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

/**
 * One self-contained HTML page for a schema-valid report: inline CSS, inline SVG, the compute JSON
 * embedded, no script needed and no external reference.
 */
export function renderHtml(result: ValidationResult, templates: TemplateSet): string {
  if (!result.form || !result.schemaValid || !result.data) throw new Error('renderHtml needs a schema-valid report');
  const view = buildView({
    file: result.file,
    form: result.form,
    data: result.data as ViewInput['data'],
    figures: result.figures as ViewInput['figures'],
    diagnostics: result.diagnostics,
    version: pkg.version,
  });
  return templates.render(result.form.id, view);
}
