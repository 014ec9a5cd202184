import type { Diagnostic } from '../diagnostics.js';
import { computeDocument } from '../figures/contract.js';
import type { Form } from '../forms/types.js';
import { municipalityName, readHeader } from '../parts/header.js';
import { formatDate } from '../format/norwegian.js';
import type { CommentSource } from '../load/reasons.js';
import { importedValues, type ImportedValue } from './imported.js';

/**
 * Which copy a page is. `husbanken` is the one sent to Husbanken and filed: the form's own text and
 * the municipality's answers only. `arbeidskopi` is the working copy: the same form, bosoreport's figures,
 * charts and findings besides, and a mark on every printed page that it is not the one to send.
 */
export type Kopi = 'husbanken' | 'arbeidskopi';

/** What every report template receives; `skjemadata` holds the form's own additions (charts, rows). */
export interface ReportView {
  kopi: Kopi;
  /** `kopi === 'arbeidskopi'`, the one test a template makes: `{{#if arbeidskopi}}` (`@root.arbeidskopi` inside a block). */
  arbeidskopi: boolean;
  tittel: string;
  emne: string;
  kommune: string;
  aar: number;
  /** The report's name on the cover («Årsrapport»), and who filled it in (the PDF's author). */
  rapportnavn: string;
  /** Which use of the form this report is: its period kind and the value that chose it. */
  variant: { periode: string; verdi: string | null };
  utfyltAv: string;
  skjema: { id: string; navn: string; forelopig: boolean };
  forsidedato: string | null;
  rapport: unknown;
  beregnet: unknown;
  /** Every finding, and the findings by JSON Pointer so a template can flag a value where it stands. */
  diagnostikk: Diagnostic[];
  merknader: Record<string, Diagnostic[]>;
  skjemadata: Record<string, unknown>;
  /** The values `bosoreport import` set, with where they came from: the working copy lists them for review. */
  innlest: ImportedValue[];
  /** The compute JSON, safe to put inside <script type="application/json">. */
  json: string;
  versjon: string;
}

/** JSON that cannot close its <script> element or break a line in old parsers. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 1)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export interface ViewInput {
  file: string;
  form: Form;
  data: unknown;
  figures: { periode: { forsidedato: string | null } };
  diagnostics: Diagnostic[];
  version: string;
  /** Which copy; the working copy unless told. */
  kopi?: Kopi;
  /** The report's text and positions, for the comments import wrote beside its values. */
  source?: CommentSource;
}

export function buildView(input: ViewInput): ReportView {
  const { form, data, figures, diagnostics } = input;
  const header = readHeader(data, form.fields);
  // The title says «kommune» once.
  const kommune = municipalityName(header.kommune);
  const aar = header.aar!;
  const variant = form.variant(data);
  const kind = variant.reportName;
  const kopi = input.kopi ?? 'arbeidskopi';
  // The Husbanken copy shows the form only; its embedded JSON (not printed) still carries every finding.
  const shown = kopi === 'husbanken' ? [] : diagnostics;
  const merknader: Record<string, Diagnostic[]> = {};
  for (const d of shown) if (d.path) (merknader[d.path] ??= []).push(d);
  // The same document `compute --json` prints, so a tool reads a rendered report as it reads compute.
  const computeJson = computeDocument({ file: input.file, form, data, schemaValid: true, figures, diagnostics }, { version: input.version });
  const date = figures.periode.forsidedato;
  return {
    kopi,
    arbeidskopi: kopi === 'arbeidskopi',
    tittel: `${kind} ${aar} – ${kommune} kommune`,
    emne: `Boligsosialt utviklingsprogram: ${kind.toLocaleLowerCase('nb')} ${aar}${date ? `, ${formatDate(date)}` : ''}`,
    kommune,
    aar,
    rapportnavn: kind,
    variant: { periode: variant.period.kind, verdi: variant.value ?? null },
    utfyltAv: header.utfylt_av ?? '',
    skjema: { id: form.id, navn: form.title.nb, forelopig: form.provisional },
    forsidedato: date,
    rapport: data,
    beregnet: figures,
    diagnostikk: shown,
    merknader,
    skjemadata: form.view(data, figures),
    innlest: kopi === 'arbeidskopi' && input.source ? importedValues(input.source, data, form.schemaId) : [],
    json: scriptSafeJson(computeJson),
    versjon: input.version,
  };
}
