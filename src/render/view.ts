import type { Diagnostic } from '../diagnostics.js';
import type { FormDescriptor } from '../forms/types.js';
import { formatDate } from '../format/norwegian.js';

/** What every report template receives; `skjemadata` holds the form's own additions (charts, rows). */
export interface ReportView {
  tittel: string;
  emne: string;
  kommune: string;
  aar: number;
  skjema: { id: string; navn: string };
  forsidedato: string | null;
  rapport: unknown;
  beregnet: unknown;
  /** Every finding, and the findings by JSON Pointer so a template can flag a value where it stands. */
  diagnostikk: Diagnostic[];
  merknader: Record<string, Diagnostic[]>;
  skjemadata: Record<string, unknown>;
  /** The compute JSON, safe to put inside <script type="application/json">. */
  json: string;
  versjon: string;
}

/** JSON that cannot close its <script> element or break a line in old parsers. */
export function scriptSafeJson(value: unknown): string {
  return JSON.stringify(value, null, 1).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026').replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
}

export interface ViewInput {
  file: string;
  form: FormDescriptor;
  data: { generell_programinformasjon: { kommune: string; rapporteringsaar: number }; forsidedato?: string };
  figures: { periode: { forsidedato: string | null } };
  diagnostics: Diagnostic[];
  version: string;
}

export function buildView(input: ViewInput): ReportView {
  const { form, data, figures, diagnostics } = input;
  const info = data.generell_programinformasjon;
  const kind = form.kind === 'aarsrapport' ? 'Årsrapport' : 'Halvårsrapport';
  const merknader: Record<string, Diagnostic[]> = {};
  for (const d of diagnostics) if (d.path) (merknader[d.path] ??= []).push(d);
  const computeJson = { format: 1, bosoreport: input.version, fil: input.file, skjema: { id: form.id, navn: form.title.nb }, rapport: data, beregnet: figures, diagnostikk: diagnostics };
  const date = figures.periode.forsidedato;
  return {
    tittel: `${kind} ${info.rapporteringsaar} – ${info.kommune} kommune`,
    emne: `Boligsosialt utviklingsprogram: ${kind.toLowerCase()} ${info.rapporteringsaar}${date ? `, ${formatDate(date)}` : ''}`,
    kommune: info.kommune,
    aar: info.rapporteringsaar,
    skjema: { id: form.id, navn: form.title.nb },
    forsidedato: date,
    rapport: data,
    beregnet: figures,
    diagnostikk: diagnostics,
    merknader,
    skjemadata: form.view ? form.view(data, figures) : {},
    json: scriptSafeJson(computeJson),
    versjon: input.version,
  };
}
