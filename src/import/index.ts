import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import type { Form } from '../forms/types.js';
import { putAt } from '../init/skeleton.js';
import type { DataPath } from '../load/positions.js';
import { validatorFor } from '../schema/ajv.js';
import { linesFound, locateFormLines } from './locate.js';
import { BosoreportError, EXIT_USAGE } from '../errors.js';
import { t, type Lang } from '../messages/index.js';
import { mapAnswers, quote, type Found, type ImportMap, type ImportTable, type Open } from './map.js';
import type { SourceText } from './source.js';
import { readDate, readWhole } from './values.js';

/** What a form folder brings for import: its own lines and where the answers stand after them. */
export interface ImportableForm {
  form: Form;
  lines: string[];
  map: ImportMap;
}

/** The forms that can be read in: those whose folder has skjematekst.txt and innlesing.yaml. */
export function importableForms(forms: readonly Form[], lang: Lang = 'en'): ImportableForm[] {
  const out: ImportableForm[] = [];
  for (const form of forms) {
    const linesFile = path.join(form.dir, 'skjematekst.txt');
    const mapFile = path.join(form.dir, 'innlesing.yaml');
    if (!existsSync(linesFile) || !existsSync(mapFile)) continue;
    const lines = readFileSync(linesFile, 'utf8')
      .split('\n')
      .filter((l) => l.trim() && !l.startsWith('#'));
    const map = importMap(readFileSync(mapFile, 'utf8'));
    if (typeof map === 'string') throw new BosoreportError(t(lang, 'import/bad-map', { file: mapFile, problem: map }), EXIT_USAGE);
    out.push({ form, lines, map });
  }
  return out;
}

const isText = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';
const isLine = (v: unknown): boolean =>
  !!v &&
  typeof v === 'object' &&
  isText((v as { linje?: unknown }).linje) &&
  isText((v as { felt?: unknown }).felt) &&
  [undefined, 'dato'].includes((v as { som?: unknown }).som as string);

/** An innlesing.yaml read and checked for the shape the import relies on, or what is wrong with it. */
function importMap(text: string): ImportMap | string {
  let raw: unknown;
  try {
    raw = parse(text);
  } catch (error) {
    return (error as Error).message.split('\n')[0]!;
  }
  const m = (raw ?? {}) as Record<string, unknown>;
  if (!Array.isArray(m.felt) || !m.felt.every(isLine)) return '«felt» must be a list of { linje, felt }';
  const tables = m.tabellrader ?? [];
  if (!Array.isArray(tables)) return '«tabellrader» must be a list';
  for (const table of tables as Record<string, unknown>[]) {
    if (!Array.isArray(table?.kolonner) || !table.kolonner.every(isText)) return 'each table needs «kolonner», a list of field names';
    if (!Array.isArray(table.rader) || !table.rader.every(isLine)) return "each table's «rader» must be a list of { linje, felt }";
    if (table.kontroll !== undefined && table.kontroll !== 'minus') return '«kontroll» can only be «minus»';
  }
  for (const key of ['slutter', 'leses_ikke'] as const) if (m[key] !== undefined && !(Array.isArray(m[key]) && m[key].every(isText))) return `«${key}» must be a list of lines`;
  return { ...(m as unknown as ImportMap), tabellrader: tables as ImportTable[] };
}

/** Which form a text is, by how many of each form's own lines it holds; with the count that says why. */
export function identifyText(source: SourceText, forms: readonly ImportableForm[]): { chosen?: ImportableForm; scores: { id: string; found: number; of: number }[] } {
  const scores = forms.map((f) => ({ f, found: linesFound(source.text, f.lines), of: f.lines.length }));
  scores.sort((a, b) => b.found / b.of - a.found / a.of);
  const best = scores[0];
  // Half the form's own text at least (a report holds nearly all of it), and clearly more than the next form's.
  const chosen = best && best.found / best.of >= 0.5 && (!scores[1] || best.found / best.of - scores[1].found / scores[1].of >= 0.15) ? best.f : undefined;
  return { ...(chosen ? { chosen } : {}), scores: scores.map((s) => ({ id: s.f.form.id, found: s.found, of: s.of })) };
}

/** A value for the draft, with the note that says where it came from. */
export interface DraftValue {
  path: DataPath;
  value: unknown;
  note: string;
}

export interface ImportResult {
  form: Form;
  variant?: string;
  values: DraftValue[];
  open: Open[];
  unplaced: { page: number; text: string }[];
  /** What the page numbers count: pages, or a Word file's paragraphs. */
  unit: SourceText['unit'];
  kommune?: string;
  aar?: number;
  formLinesFound: number;
}

// (Not followed by more digits: «18.02.20 13» is a year cut in two, not 2020.)
const DATE_IN_TEXT = /(?<![\p{L}\p{N}])(?:\d{1,2}\.\d{1,2}\.(?:\d{4}|\d{2})|\d{1,2}\.\s*\p{L}+\s+\d{4}|\d{4}-\d{2}-\d{2})(?![\p{N}]|\s+\d)/gu;
const same = (a: DataPath, b: DataPath) => a.length === b.length && a.every((s, i) => String(s) === String(b[i]));
const within = (inner: DataPath, outer: DataPath) => outer.length <= inner.length && outer.every((s, i) => String(s) === String(inner[i]));

/** A found value as the field takes it: a date as ISO, a year as a number, the municipality without «kommune». */
function asValue(form: Form, f: Found): { value: unknown; note?: string } | { why: string } {
  const { fields } = form;
  if (typeof f.raw === 'number' || f.raw === null) return { value: f.raw, ...(f.raw === null ? { note: 'kilden har en fotnote i stedet for tallet' } : {}) };
  if (f.date || same(f.path, fields.programstart) || same(f.path, fields.rapporteringsdato) || same(f.path, fields.forsidedato)) {
    // The whole answer; on the cover, the one date in it («LILLEHAMMER KOMMUNE 6. oktober 2011»).
    // Elsewhere a date inside a sentence («høsten 2009 (avtalen signert 22.12.2010)») is not the answer.
    const cover = same(f.path, fields.forsidedato);
    const dates = cover ? [...f.raw.matchAll(DATE_IN_TEXT)].map((m) => ({ text: m[0], iso: readDate(m[0]) })).filter((d) => d.iso) : [];
    const date = readDate(f.raw) ?? (dates.length === 1 ? dates[0]!.iso : undefined);
    return date ? { value: date, note: `i kilden: ${dates.length === 1 ? dates[0]!.text : f.raw}` } : { why: `«${quote(f.raw, 40)}» er ingen dato bosoreport kan lese` };
  }
  if (same(f.path, fields.aar)) {
    const year = readWhole(f.raw);
    return year !== undefined ? { value: year } : { why: `«${quote(f.raw, 40)}» er ikke et årstall` };
  }
  if (same(f.path, fields.kommune)) {
    const name = f.raw.replace(/\s+kommune$/i, '').trim();
    return name !== f.raw ? { value: name, note: `i kilden: «${f.raw}»` } : { value: name };
  }
  return { value: f.raw };
}

/**
 * Reads a report's text against a form: the answers found, each with where it stood, and the fields
 * left open with why. A value the field's schema refuses is not kept: it is left open with what was seen.
 */
export function importText(text: SourceText, chosen: ImportableForm): ImportResult {
  const { form } = chosen;
  const mapped = mapAnswers(text, chosen.lines, chosen.map);
  const values: DraftValue[] = [];
  const open: Open[] = [...mapped.open];
  const source = (f: Found) => `${text.unit} ${f.page}: «${f.seen}»`;
  for (const f of mapped.found) {
    const v = asValue(form, f);
    if ('why' in v) open.push({ path: f.path, why: v.why, page: f.page, seen: f.seen });
    else values.push({ path: f.path, value: v.value, note: [source(f), v.note].filter(Boolean).join('; ') });
  }
  // What the schema refuses at an imported value (or at a row of them) is left open, never kept.
  const draft: Record<string, unknown> = {};
  for (const v of values) putAt(draft, v.path, v.value);
  const validate = validatorFor(form.schemaId);
  validate({ skjema: form.id, ...draft });
  const refused: { path: string; message: string }[] = (validate.errors ?? [])
    .filter((e) => e.keyword !== 'required')
    .map((e) => ({ path: e.instancePath, message: e.message ?? '' }));
  const kept = values.filter((v) => {
    const pointer = `/${v.path.join('/')}`;
    const problem = refused.find((r) => r.path && (pointer === r.path || pointer.startsWith(`${r.path}/`)));
    if (problem) open.push({ path: v.path, why: `skjemaet tar ikke «${quote(String(v.value), 40)}» her (${problem.message})`, seen: v.note });
    return !problem;
  });
  // Which use of a form with variants: the one whose own line is on the first pages.
  const variants = Object.entries(chosen.map.varianter ?? {}).filter(([, line]) => locateFormLines(text.text.slice(0, text.pageStarts[2] ?? text.text.length), [line]).length > 0);
  const variant = variants.length === 1 ? variants[0]![0] : undefined;
  if (variant && form.variants) kept.unshift({ path: form.variants.field, value: variant, note: `«${variants[0]![1]}» står på forsiden` });
  const kommune = kept.find((v) => same(v.path, form.fields.kommune))?.value;
  const aar = kept.find((v) => same(v.path, form.fields.aar))?.value;
  return {
    form,
    ...(variant ? { variant } : {}),
    values: kept,
    open: open.filter((o) => !kept.some((v) => within(v.path, o.path) || within(o.path, v.path))),
    unplaced: mapped.unplaced,
    unit: text.unit,
    ...(typeof kommune === 'string' ? { kommune } : {}),
    ...(typeof aar === 'number' ? { aar } : {}),
    formLinesFound: mapped.formLinesFound,
  };
}
