import type { Diagnostic } from '../diagnostics.js';
import { byPosition } from '../diagnostics.js';
import { identifyForm } from '../forms/identify.js';
import type { FormDescriptor } from '../forms/types.js';
import { parseReport, type ParsedReport } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { validatorFor } from './ajv.js';
import { humanize } from './humanize.js';

export interface ValidationResult {
  file: string;
  /** The form the report named, when it named a known one. */
  form?: FormDescriptor;
  /** The parsed report; absent when the file could not be read as YAML. */
  report?: ParsedReport;
  /** True when the data matched the form's schema, so later stages may rely on its shape. */
  schemaValid: boolean;
  diagnostics: Diagnostic[];
}

/**
 * load → identify form → validate against the form's schema, for one file's bytes.
 * Pure apart from reading the schemas once; the CLI does the file I/O.
 */
export function validateSource(file: string, bytes: Uint8Array, lang: Lang): ValidationResult {
  const parsed = parseReport(file, bytes, lang);
  const diagnostics = [...parsed.diagnostics];
  const report = parsed.report;
  if (!report) return { file, schemaValid: false, diagnostics };

  const identified = identifyForm(report, lang);
  if (!identified.form) {
    diagnostics.push(identified.diagnostic);
    return { file, report, schemaValid: false, diagnostics };
  }
  const form = identified.form;
  const validate = validatorFor(form.schemaFile);
  const schemaValid = validate(report.data) === true;
  if (!schemaValid) diagnostics.push(...humanize(validate.errors ?? [], report, form.schemaFile, lang));
  diagnostics.sort(byPosition);
  return { file, form, report, schemaValid, diagnostics };
}
