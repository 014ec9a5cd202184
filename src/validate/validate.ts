import { commentBeside } from '../load/reasons.js';
import type { Diagnostic } from '../diagnostics.js';
import { byPosition } from '../diagnostics.js';
import { identifyForm } from '../forms/identify.js';
import type { FormRegistry } from '../forms/registry.js';
import type { Form } from '../forms/types.js';
import { parseReport, parseReportWithYaml, type ParsedReport, type ParseResult } from '../load/parse.js';
import type { Lang } from '../messages/index.js';
import { runRules, wholeByRules } from '../rules/runner.js';
import type { SeveritySetting } from '../rules/types.js';
import { validatorFor } from '../schema/ajv.js';
import { humanize } from '../humanize.js';
import { diagnostic } from '../diagnostics.js';
import { guessForm } from '../forms/guess.js';
import { words } from '../messages/index.js';
import { schemaAt } from '../schema/store.js';

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
  const { lang } = options;
  const diagnostics = [...parsed.diagnostics];
  const report = parsed.report;
  if (!report) return { file, schemaValid: false, diagnostics };

  const identified = identifyForm(report, options.forms, lang);
  if (!identified.form) {
    diagnostics.push(identified.diagnostic);
    // An unknown `skjema:` whose sections match a form: the file's other problems are still worth
    // showing. The report stays unrendered until it names its form.
    if (identified.guess) {
      // Checked as if it named the guess, so `skjema:` itself is not reported twice.
      const named = { ...report, data: { ...(report.data as object), skjema: identified.guess.id } };
      diagnostics.push(...checkAgainst(identified.guess, named, options).diagnostics);
    }
    diagnostics.sort(byPosition);
    return { file, data: report.data, report, schemaValid: false, diagnostics };
  }
  const form = identified.form;
  const checked = checkAgainst(form, report, options);
  if (!checked.schemaValid) {
    const other = wrongForm(form, report, options.forms, lang);
    // A known but wrong `skjema:` makes every section an error; one message names the right form.
    if (other) return { file, form, data: report.data, report, schemaValid: false, diagnostics: [...diagnostics, other] };
  }
  if (identified.warning) diagnostics.push(identified.warning);
  diagnostics.push(...checked.diagnostics);
  diagnostics.sort(byPosition);
  return { file, form, data: report.data, report, ...checked, diagnostics };
}

/** Schema, then (on a schema-valid report) derivations and rules, against one form. */
function checkAgainst(form: Form, report: ParsedReport, options: CheckOptions): { schemaValid: boolean; figures?: unknown; diagnostics: Diagnostic[] } {
  const validate = validatorFor(form.schemaId);
  if (validate(report.data) !== true)
    return { schemaValid: false, diagnostics: humanize(validate.errors ?? [], report, form.schemaId, options.lang, undefined, wholeByRules(form.rules)) };
  // Rules rely on the shape the schema guarantees, so they run only on schema-valid data.
  const figures = form.derive(report.data);
  return {
    schemaValid: true,
    figures,
    diagnostics: runRules(form.rules, { data: report.data, figures, form, comment: (path) => commentBeside(report, path) }, report, options.lang, options.rules),
  };
}

/** «This looks like aarsrapport-2012»: the report's sections belong to another form than it names. */
function wrongForm(named: Form, report: ParsedReport, forms: FormRegistry, lang: Lang): Diagnostic | undefined {
  const guess = guessForm(report.data, forms);
  if (!guess || guess.form === named) return undefined;
  const foreign = guess.sections.filter((k) => !(k in (schemaAt(named.schemaId, [])?.properties ?? {})));
  if (foreign.length === 0) return undefined;
  const params = {
    named: named.id,
    guess: guess.form.id,
    title: guess.form.title[lang] ?? guess.form.title.nb,
    sections: foreign.slice(0, 4).join(', ') + (foreign.length > 4 ? ' …' : ''),
  };
  return diagnostic(report.file, report.spanFor(['skjema'], 'value'), 'error', 'form/looks-like', words(lang, 'form/looks-like', params));
}

/** Checks one file's bytes. Pure apart from reading the schemas once; the CLI does the file I/O. */
export function validateSource(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult {
  return check(parseReport(file, bytes, options.lang), file, options);
}

/** The same check with every file parsed by `yaml`, for tests that compare the block reader with it. */
export function validateWithYaml(file: string, bytes: Uint8Array, options: CheckOptions): ValidationResult {
  return check(parseReportWithYaml(file, bytes, options.lang), file, options);
}
