import type { ValidationResult } from '../validate/validate.js';
import type { TemplateSet } from './templates.js';
import { buildView, type Kopi, type ReportView, type ViewInput } from './view.js';
import { VERSION } from '../util/version.js';

/**
 * One self-contained HTML page for a schema-valid report: inline CSS, inline SVG, the compute JSON
 * embedded, no script needed and no external reference.
 */
export function renderHtml(result: ValidationResult, templates: TemplateSet, options: RenderPageOptions = {}): string {
  return renderReport(result, templates, options).html;
}

export interface RenderPageOptions {
  /** `husbanken`: the copy to send, the form and the answers only; `arbeidskopi` (the default): the working copy. */
  kopi?: Kopi;
}

/** The page and the view it was made from (the PDF's metadata comes from the same view). */
export function renderReport(result: ValidationResult, templates: TemplateSet, options: RenderPageOptions = {}): { html: string; view: ReportView } {
  if (!result.form || !result.schemaValid || !result.data) throw new Error('renderHtml needs a schema-valid report');
  const view = buildView({
    file: result.file,
    form: result.form,
    data: result.data,
    figures: result.figures as ViewInput['figures'],
    diagnostics: result.diagnostics,
    version: VERSION,
    kopi: options.kopi ?? 'arbeidskopi',
    ...(result.report ? { source: result.report } : {}),
  });
  return { html: templates.render(result.form, view), view };
}
