import { isUtf8 } from 'node:buffer';
import type { Diagnostic } from '../diagnostics.js';
import { byPosition } from '../diagnostics.js';
import { identifyForm } from '../forms/identify.js';
import { findForm } from '../forms/registry.js';
import type { FormDescriptor } from '../forms/types.js';
import { fastParse } from '../load/fast-parse.js';
import { LIMITS } from '../load/limits.js';
import { parseReport, type ParsedReport } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { hasFindings, runRules } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import { validatorFor } from './ajv.js';
import { humanize } from './humanize.js';

export interface CheckOptions {
  lang: Lang;
  /** Rule severities from config and command line, by rule id. */
  rules?: Readonly<Record<string, SeveritySetting>>;
}

export interface ValidationResult {
  file: string;
  /** The form the report named, when it named a known one. */
  form?: FormDescriptor;
  /** The report's data, when the file was read as YAML. */
  data?: unknown;
  /**
   * The parsed document with positions, for turning a data path into file:line:col. A clean report
   * is checked without positions (the fast path); they are parsed here on first use.
   */
  positions?: () => ParsedReport;
  /** True when the data matched the form's schema, so later stages may rely on its shape. */
  schemaValid: boolean;
  /** Every computed figure; present when the schema check passed. */
  figures?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * The fast path for the common case, a report with nothing to say about it: parse without
 * positions, check the schema and the rules, and stop. Anything at all to report sends the file
 * down the careful path, so every message still carries its position. Returns undefined then.
 */
function fastClean(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult | undefined {
  if (bytes.length > LIMITS.maxFileBytes || bytes.includes(0)) return undefined;
  // isUtf8 is a fast native check; the careful path points at the first bad byte when it fails.
  if (!isUtf8(bytes)) return undefined;
  let text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const parsed = fastParse(text);
  const data = parsed?.data as { skjema?: unknown } | undefined;
  if (!data || typeof data !== 'object' || Array.isArray(data) || typeof data.skjema !== 'string') return undefined;
  const form = findForm(data.skjema);
  if (!form || validatorFor(form.schemaFile)(data) !== true) return undefined;
  const figures = form.derive(data);
  if (hasFindings(form.rules, { data, figures, form }, options.rules)) return undefined;
  let positions: ParsedReport | undefined;
  return {
    file,
    form,
    data,
    positions: () => (positions ??= parseReport(file, bytes, options.lang).report!),
    schemaValid: true,
    figures,
    diagnostics: [],
  };
}

/** load → identify form → schema → derive → rules, with positions for every problem. */
function careful(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult {
  const { lang, rules: settings } = options;
  const parsed = parseReport(file, bytes, lang);
  const diagnostics = [...parsed.diagnostics];
  const report = parsed.report;
  if (!report) return { file, schemaValid: false, diagnostics };
  const positions = () => report;

  const identified = identifyForm(report, lang);
  if (!identified.form) {
    diagnostics.push(identified.diagnostic);
    return { file, data: report.data, positions, schemaValid: false, diagnostics };
  }
  const form = identified.form;
  const validate = validatorFor(form.schemaFile);
  if (validate(report.data) !== true) {
    diagnostics.push(...humanize(validate.errors ?? [], report, form.schemaFile, lang));
    diagnostics.sort(byPosition);
    return { file, form, data: report.data, positions, schemaValid: false, diagnostics };
  }
  // Rules rely on the shape the schema guarantees, so they run only on schema-valid data.
  const figures = form.derive(report.data);
  diagnostics.push(...runRules(form.rules, { data: report.data, figures, form }, report, lang, settings));
  diagnostics.sort(byPosition);
  return { file, form, data: report.data, positions, schemaValid: true, figures, diagnostics };
}

/**
 * Checks one file's bytes. Pure apart from reading the schemas once; the CLI does the file I/O.
 * A clean report takes the fast path; the result is the same as the careful path's.
 */
export function validateSource(file: string, bytes: Uint8Array, options: CheckOptions | Lang): ValidationResult {
  const opts = typeof options === 'string' ? { lang: options } : options;
  return fastClean(file, bytes, opts) ?? careful(file, bytes, opts);
}

/** The careful path alone, for tests that compare the two. */
export const validateCarefully = careful;
