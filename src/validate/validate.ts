import type { Diagnostic } from '../diagnostics.js';
import { byPosition } from '../diagnostics.js';
import { identifyForm } from '../forms/identify.js';
import type { FormRegistry } from '../forms/registry.js';
import type { Form } from '../forms/types.js';
import { parseReport, parseReportWithYaml, type ParsedReport, type ParseResult } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { runRules } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import { validatorFor } from '../schema/ajv.js';
import { humanize } from './humanize.js';

export interface CheckOptions {
  lang: Lang;
  /** The forms a report may name: the built-in ones and its repository's. */
  forms: FormRegistry;
  /** Rule severities from config and command line, by rule id. */
  rules?: Readonly<Record<string, SeveritySetting>>;
}

export interface ValidationResult {
  file: string;
  /** The form the report named, when it named a known one. */
  form?: Form;
  /** The report's data, when the file was read as YAML. */
  data?: unknown;
  /** The parsed report, for turning a data path into file:line:col. */
  report?: ParsedReport;
  /** True when the data matched the form's schema, so later stages may rely on its shape. */
  schemaValid: boolean;
  /** Every computed figure; present when the schema check passed. */
  figures?: unknown;
  diagnostics: Diagnostic[];
}

/** load → identify form → schema → derive → rules, with positions for every problem. */
function check(parsed: ParseResult, file: string, options: CheckOptions): ValidationResult {
  const { lang, rules: settings } = options;
  const diagnostics = [...parsed.diagnostics];
  const report = parsed.report;
  if (!report) return { file, schemaValid: false, diagnostics };

  const identified = identifyForm(report, options.forms, lang);
  if (!identified.form) {
    diagnostics.push(identified.diagnostic);
    return { file, data: report.data, report, schemaValid: false, diagnostics };
  }
  const form = identified.form;
  if (identified.warning) diagnostics.push(identified.warning);
  const validate = validatorFor(form.schemaId);
  if (validate(report.data) !== true) {
    diagnostics.push(...humanize(validate.errors ?? [], report, form.schemaId, lang));
    diagnostics.sort(byPosition);
    return { file, form, data: report.data, report, schemaValid: false, diagnostics };
  }
  // Rules rely on the shape the schema guarantees, so they run only on schema-valid data.
  const figures = form.derive(report.data);
  diagnostics.push(...runRules(form.rules, { data: report.data, figures, form }, report, lang, settings));
  diagnostics.sort(byPosition);
  return { file, form, data: report.data, report, schemaValid: true, figures, diagnostics };
}

/** Checks one file's bytes. Pure apart from reading the schemas once; the CLI does the file I/O. */
export function validateSource(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult {
  return check(parseReport(file, bytes, options.lang), file, options);
}

/** The same check with every file parsed by `yaml`, for tests that compare the block reader with it. */
export function validateWithYaml(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult {
  return check(parseReportWithYaml(file, bytes, options.lang), file, options);
}
