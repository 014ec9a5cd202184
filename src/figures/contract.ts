import type { Diagnostic } from '../diagnostics.js';
import { VERSION } from '../util/version.js';

/**
 * The version of the `compute --json` shape (schemas/beregning.schema.json, generated from the
 * forms). 2: every form's need and activity tables under `behovstabeller` and `aktivitetstabeller`
 * (keyed by JSON Pointer), never under a name of the form's own; `beregnet` strict per form.
 */
export const COMPUTE_FORMAT = 2;

/** What `compute --json` prints for one report (and every rendered report embeds). */
export interface ComputeDocument {
  format: typeof COMPUTE_FORMAT;
  bosoreport: string;
  fil: string;
  skjema: { id: string; navn: string } | null;
  rapport: unknown;
  /** Every figure when the report matched its form's schema, else null. */
  beregnet: unknown;
  diagnostikk: Diagnostic[];
}

/** The parts of a checked report the document is made of (a ValidationResult has them). */
export interface Checked {
  file: string;
  form?: { id: string; title: { nb: string } };
  data?: unknown;
  schemaValid: boolean;
  figures?: unknown;
  diagnostics: Diagnostic[];
}

/**
 * The JSON document of one checked report. `diagnostics` replaces the report's own when the caller
 * has more (the findings across reports); `version` is bosoreport's unless a test pins it. Pure.
 */
export function computeDocument(result: Checked, options: { diagnostics?: Diagnostic[]; version?: string } = {}): ComputeDocument {
  return {
    format: COMPUTE_FORMAT,
    bosoreport: options.version ?? VERSION,
    fil: result.file,
    skjema: result.form ? { id: result.form.id, navn: result.form.title.nb } : null,
    rapport: result.data ?? null,
    beregnet: result.form && result.schemaValid ? (result.figures ?? null) : null,
    diagnostikk: options.diagnostics ?? result.diagnostics,
  };
}
