import { groupBy } from '../util/group.js';
import { markdownCell } from '../util/markdown.js';
import { noWorkflowCommand, safeJsonPieces, visible } from '../util/visible.js';
import { formatChange, formatDate, formatDecimal, formatInteger, formatPercent } from '../format/norwegian.js';
import { DELIVERY_FIELDS, needFelt } from '../parts/overview.js';
import type { SummaryField, SummaryTheme } from './fields.js';
import type { ReportEntry, SummaryModel } from './model.js';

/** The `status` of one value: known, unknown, from a report with errors, or a report that is missing. */
export type ValueStatus = 'ok' | 'ukjent' | 'fra_rapport_med_feil' | 'mangler';

export interface LongRow {
  kommune: string;
  periode: string;
  skjema: string;
  felt: string;
  verdi: number | string | null;
  status: ValueStatus;
  fil: string;
}

const statusOf = (e: ReportEntry, verdi: unknown): ValueStatus => (e.errors > 0 ? 'fra_rapport_med_feil' : verdi === null ? 'ukjent' : 'ok');

/** Every value as one row (kommune, periode, skjema, felt, verdi, status): the tidy long format. */
export function longRows(model: SummaryModel): LongRow[] {
  return [...eachLongRow(model)];
}

/** `longRows` a report at a time: an overview of thousands of reports has hundreds of thousands of rows. */
export function* eachLongRow(model: SummaryModel): Generator<LongRow> {
  // Rows are written out as object literals: rows copied with a spread outlived their use in V8 (a
  // run over 10 000 reports held 130 MB more of them until a full collection).
  for (const e of model.rapporter) {
    // Keys in the order the JSON output has always had.
    const row = (felt: string, verdi: LongRow['verdi']): LongRow => ({
      kommune: e.kommune,
      periode: e.periode,
      skjema: e.skjema,
      fil: e.file,
      felt,
      verdi,
      status: statusOf(e, verdi),
    });
    // In the order DELIVERY_FIELDS lists them (docs/summary.md is generated from that list).
    yield row(DELIVERY_FIELDS[0]!.id, e.levering);
    yield row(DELIVERY_FIELDS[1]!.id, e.frist);
    yield row(DELIVERY_FIELDS[2]!.id, e.rapporteringsdato);
    yield row(DELIVERY_FIELDS[3]!.id, e.dager);
    for (const theme of model.themes) for (const field of theme.fields) if (field.id in e.values) yield row(field.id, e.values[field.id]!);
  }
  for (const m of model.mangler) {
    yield { kommune: m.kommune, periode: m.periode, skjema: '', fil: '', status: 'mangler', felt: 'levering.status', verdi: 'mangler' };
    yield { kommune: m.kommune, periode: m.periode, skjema: '', fil: '', status: 'mangler', felt: 'levering.frist', verdi: m.frist };
  }
}

/**
 * A CSV cell: quoted when it holds the separator, a quote or a line break. Text that Excel would
 * take for a formula («=…», «+…», «-…», «@…») gets a leading apostrophe, so a report cannot make a
 * spreadsheet compute or fetch anything; numbers are written as numbers.
 */
function cell(value: string, isNumber = false): string {
  // Control and bidi characters shown as escapes, so no cell moves a terminal or reverses a line.
  const shown = isNumber ? value : visible(value);
  const safe = !isNumber && /^[=+\-@]/.test(shown) ? `'${shown}` : shown;
  return /[;"\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

/**
 * The long format as CSV for Norwegian Excel: UTF-8 with a byte-order mark (so æøå open right),
 * «;» between fields and a decimal comma (what Excel expects in a Norwegian locale), CRLF line ends.
 */
export function summaryCsv(model: SummaryModel): string {
  return [...summaryCsvPieces(model)].join('');
}

/** The CSV a line at a time. */
export function* summaryCsvPieces(model: SummaryModel): Generator<string> {
  yield '\ufeffkommune;periode;skjema;felt;verdi;status\r\n';
  for (const r of eachLongRow(model)) {
    const verdi = r.verdi === null ? '' : typeof r.verdi === 'number' ? String(r.verdi).replace('.', ',') : r.verdi;
    yield `${noWorkflowCommand([cell(r.kommune), cell(r.periode), cell(r.skjema), cell(r.felt), cell(verdi, typeof r.verdi === 'number'), cell(r.status)].join(';'))}\r\n`;
  }
}

export function summaryJson(model: SummaryModel, version: string): string {
  return [...summaryJsonPieces(model, version)].join('');
}

/** The JSON a value at a time. */
export function* summaryJsonPieces(model: SummaryModel, version: string): Generator<string> {
  const errors = model.rapporter.reduce((n, r) => n + r.errors, 0);
  const warnings = model.rapporter.reduce((n, r) => n + r.warnings, 0);
  const names = new Map(model.kommuner.map((k) => [k.key, k.navn]));
  // What follows the values is written once, at the end.
  const out = (marker: string, end: boolean) => ({
    format: 1,
    bosoreport: version,
    kommuner: model.kommuner.map((k) => k.navn),
    perioder: model.perioder.map((p) => p.label),
    verdier: marker,
    mangler: end ? model.mangler.map(({ kommune, periode, frist }) => ({ kommune, periode, frist })) : [],
    // The copies whose figures are not shown: a `dobbel-rapport` finding each.
    kopier: end ? model.kopier.map(({ kommune, periode, file }) => ({ kommune, periode, fil: file })) : [],
    funn: end ? model.funn.map(({ kommuneKey: _key, ...f }) => ({ kommune: names.get(_key), ...f })) : [],
    feil: errors,
    advarsler: warnings,
  });
  yield* safeJsonPieces(out, eachLongRow(model));
}

/** A value as the form would print it: «1 390», «−7», «38,4 %», «ukjent». */
export function shown(field: Pick<SummaryField, 'kind'>, value: number | string | null | undefined): string {
  if (value === undefined) return '';
  if (value === null) return 'ukjent';
  if (typeof value === 'string') return value;
  if (field.kind === 'andel') return formatPercent(value);
  if (field.kind === 'prosent') return `${formatDecimal(value)}\u00a0%`;
  if (field.kind === 'endring') return formatChange(value);
  return formatInteger(value);
}

/** «i tide (10 dager før)», «12 dager for sent», «levert 12. mars 2012 (uten frist)», «uten dato», «mangler (frist 28. februar 2014)». */
export function deliveryText(e: { levering: string; dager: number | null; rapporteringsdato?: string | null }): string {
  const days = (n: number) => `${formatInteger(n)} ${n === 1 ? 'dag' : 'dager'}`;
  if (e.levering === 'i_tide') return e.dager === 0 ? 'i tide (på fristen)' : `i tide (${days(e.dager!)} før)`;
  if (e.levering === 'for_sent') return `${days(-e.dager!)} for sent`;
  if (e.levering === 'uten_frist' && e.rapporteringsdato) return `levert ${formatDate(e.rapporteringsdato)} (uten frist)`;
  return 'uten dato';
}

type DeliveryCell = { text: string; status: string; frist: string | null };
/** Each model's delivery cells by municipality and period, made once: the strip, the table and the Markdown all ask. */
const cells = new WeakMap<SummaryModel, Map<string, DeliveryCell>>();

/** The cell for one municipality and period in the delivery table. */
export function deliveryCell(model: SummaryModel, kommuneKey: string, periode: string): DeliveryCell | undefined {
  let index = cells.get(model);
  if (!index) {
    index = new Map();
    // One report speaks for a municipality and period (its copies are in `kopier`); should two
    // reports of different types share a period's name, the first does.
    for (const r of model.rapporter) {
      const key = `${r.kommuneKey}\u0000${r.periode}`;
      if (!index.has(key)) index.set(key, { text: deliveryText(r) + (r.errors > 0 ? ' *' : ''), status: r.levering, frist: r.frist });
    }
    for (const m of model.mangler) index.set(`${m.kommuneKey}\u0000${m.periode}`, { text: `mangler (frist ${formatDate(m.frist)})`, status: 'mangler', frist: m.frist });
    cells.set(model, index);
  }
  return index.get(`${kommuneKey}\u0000${periode}`);
}

/** The themes that have a value in at least one report, with the fields that do. */
export function themesWithValues(model: SummaryModel): { theme: SummaryTheme; fields: SummaryField[]; reports: ReportEntry[] }[] {
  return model.themes.flatMap((theme) => {
    const fields = theme.fields.filter((f) => model.rapporter.some((r) => f.id in r.values));
    const reports = model.rapporter.filter((r) => fields.some((f) => f.id in r.values));
    return fields.length ? [{ theme, fields, reports }] : [];
  });
}

const mdCell = markdownCell;

/**
 * For a CI job summary ($GITHUB_STEP_SUMMARY): delivery per municipality and period, the need table's
 * totals, and the findings across years. The full tables are in the HTML.
 */
export function summaryMarkdown(model: SummaryModel): string {
  return [...summaryMarkdownPieces(model)].join('');
}

/** The Markdown a line at a time. */
export function* summaryMarkdownPieces(model: SummaryModel): Generator<string> {
  const lines = (...texts: string[]) => texts.map((l) => `${l}\n`).join('');
  yield lines('# Oversikt over rapportene', '');
  const periods = model.perioder.map((p) => p.label);
  yield lines('## Levering', '', `| Kommune | ${periods.map(mdCell).join(' | ')} |`, `| --- | ${periods.map(() => '---').join(' | ')} |`);
  for (const k of model.kommuner) yield lines(`| ${mdCell(k.navn)} | ${periods.map((p) => mdCell(deliveryCell(model, k.key, p)?.text ?? '')).join(' | ')} |`);
  const sums = (['pr_0101', 'pr_3112', 'endring'] as const).map((column) => ({
    id: needFelt('sum', column),
    kind: column === 'endring' ? ('endring' as const) : ('antall' as const),
  }));
  const need = model.rapporter.filter((r) => sums[1]!.id in r.values);
  if (need.length) {
    yield lines('', '## Status behov, sum A + B + C', '', '| Kommune | Periode | Pr. 01.01 | Pr. 31.12 | Nedgang i behov |', '| --- | --- | ---: | ---: | ---: |');
    for (const r of need) yield lines(`| ${mdCell(r.kommune)} | ${mdCell(r.periode)}${r.errors ? ' *' : ''} | ${sums.map((f) => shown(f, r.values[f.id])).join(' | ')} |`);
  }
  if (model.funn.length) {
    yield lines('', '## Funn på tvers av år', '');
    const funn = groupBy(model.funn, (f) => f.kommuneKey);
    for (const k of model.kommuner) for (const f of funn.get(k.key) ?? []) yield lines(`- **${mdCell(k.navn)}** (${mdCell(f.file)}): ${mdCell(f.message)}`);
  }
  if (model.rapporter.some((r) => r.errors > 0)) yield lines('', '\\* fra en rapport med feil: se `npx bosoreport validate`.');
}
