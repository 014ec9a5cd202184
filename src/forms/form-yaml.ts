import { diagnostic, FILE_START, type Diagnostic } from '../diagnostics.js';
import { parseReport, type ParsedReport } from '../load/parse.js';
import type { DataPath } from '../load/positions.js';
import { words, type Lang, type Params } from '../messages/index.js';
import { DEFAULT_HEADER_FIELDS } from '../parts/header.js';
import { DEFAULT_DEADLINES, PERIOD_KINDS, type Deadline, type PeriodKind } from '../parts/period.js';
import type { HeaderFields } from '../rules/types.js';
import { closest } from '../util/similar.js';
import type { FormFacts } from './types.js';

/** What a form folder's form.yaml says: the form's data, as opposed to its schema, template and code. */
export interface FormSpec {
  id: string;
  title: Record<Lang, string>;
  /** The report's name on the cover and in the document title: «Årsrapport», «Halvårsrapport». */
  reportName: string;
  /** The report type as a word in file names and for telling reports of one kind apart («aarsrapport»). */
  type: string;
  years: readonly [number, number];
  period: { kind: PeriodKind; frist: Deadline | null };
  provisional: boolean;
  /** Which years and regions the form served and how sure the model is, for listings and docs. */
  about: string;
  fields: HeaderFields;
  facts: FormFacts;
  /** Ids reports used before this one; still accepted, with a warning that says what to write. */
  aliases: string[];
  /** A form used for more than one kind of report: a field of the report chooses the variant. */
  variants?: { field: DataPath; values: Record<string, Variant> };
}

/** What a variant of a form sets: the period, the report's name and its type. */
export interface Variant {
  period: { kind: PeriodKind; frist: Deadline | null };
  reportName: string;
  type: string;
}

export const FORM_YAML_KEYS = ['id', 'tittel', 'rapportnavn', 'type', 'aar', 'periode', 'frist', 'forelopig', 'beskrivelse', 'felter', 'fakta', 'tidligere_id', 'varianter'];
export const VARIANT_KEYS = ['periode', 'frist', 'rapportnavn', 'type'];
export const FIELD_KEYS = Object.keys(DEFAULT_HEADER_FIELDS);
export const FACT_KEYS = ['behov', 'prioritert_omraade', 'plan_aktiviteter'];
const ID = /^[a-z0-9][a-z0-9-]*$/;

/** A dotted data path («generell_programinformasjon.kommune») as a path. */
function dotted(text: string): DataPath | undefined {
  const parts = text.split('.');
  return parts.every((p) => /^[a-z0-9_]+$/.test(p)) ? parts : undefined;
}

/**
 * Reads form.yaml, checking every field; each problem points at its line and column. Returns the spec
 * only when there is none.
 */
export function readFormYaml(file: string, bytes: Uint8Array, lang: Lang): { spec?: FormSpec; diagnostics: Diagnostic[] } {
  const parsed = parseReport(file, bytes, lang);
  if (!parsed.report) return { diagnostics: parsed.diagnostics };
  const report: ParsedReport = parsed.report;
  const diagnostics: Diagnostic[] = [];
  const problem = (path: DataPath, code: string, params: Params = {}, target: 'value' | 'key' | 'owner' = 'value') => {
    diagnostics.push(diagnostic(file, report.spanFor(path, target), 'error', 'form-folder/form-yaml', words(lang, code, params)));
  };
  const data = report.data as Record<string, unknown>;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { diagnostics: [diagnostic(file, FILE_START, 'error', 'form-folder/form-yaml', words(lang, 'form-folder/not-a-mapping'))] };
  }
  const unknownKeys = (at: DataPath, value: Record<string, unknown>, known: string[]) => {
    for (const key of Object.keys(value)) {
      if (!known.includes(key)) problem([...at, key], 'form-folder/unknown-key', { key, suggestion: closest(key, known) ?? '', known: known.join(', ') }, 'key');
    }
  };
  unknownKeys([], data, FORM_YAML_KEYS);
  const text = (key: string, required: boolean): string | undefined => {
    const v = data[key];
    if (v === undefined && !required) return undefined;
    if (typeof v !== 'string' || !v.trim()) {
      problem(v === undefined ? [] : [key], v === undefined ? 'form-folder/missing' : 'form-folder/not-text', { key }, v === undefined ? 'owner' : 'value');
      return undefined;
    }
    return v.trim();
  };

  const id = text('id', true);
  if (id !== undefined && !ID.test(id)) problem(['id'], 'form-folder/bad-id', { value: id });
  const reportName = text('rapportnavn', true);
  const type = text('type', true);
  if (type !== undefined && !/^[a-z]+$/.test(type)) problem(['type'], 'form-folder/bad-type', { value: type });
  const about = text('beskrivelse', false) ?? '';

  const title: Partial<Record<Lang, string>> = {};
  const tittel = data.tittel;
  if (typeof tittel === 'string' && tittel.trim()) title.nb = tittel.trim();
  else if (tittel && typeof tittel === 'object' && !Array.isArray(tittel)) {
    const t = tittel as Record<string, unknown>;
    unknownKeys(['tittel'], t, ['nb', 'en']);
    for (const lang of ['nb', 'en'] as const) {
      if (t[lang] === undefined) continue;
      if (typeof t[lang] === 'string' && (t[lang] as string).trim()) title[lang] = (t[lang] as string).trim();
      else problem(['tittel', lang], 'form-folder/not-text', { key: `tittel.${lang}` });
    }
    if (!title.nb && t.nb === undefined) problem(['tittel'], 'form-folder/missing', { key: 'tittel.nb' }, 'owner');
  } else problem(tittel === undefined ? [] : ['tittel'], tittel === undefined ? 'form-folder/missing' : 'form-folder/not-text', { key: 'tittel' }, tittel === undefined ? 'owner' : 'value');

  let years: [number, number] | undefined;
  const aar = data.aar;
  if (Array.isArray(aar) && aar.length === 2 && aar.every((y) => Number.isInteger(y) && y >= 2000 && y <= 2100) && aar[0] <= aar[1]) years = [aar[0], aar[1]];
  else problem(aar === undefined ? [] : ['aar'], aar === undefined ? 'form-folder/missing' : 'form-folder/bad-years', { key: 'aar' }, aar === undefined ? 'owner' : 'value');

  const periodKind = (periode: unknown, at: DataPath): PeriodKind | undefined => {
    if (typeof periode === 'string' && (PERIOD_KINDS as string[]).includes(periode)) return periode as PeriodKind;
    if (periode === undefined) problem(at.slice(0, -1), 'form-folder/missing', { key: at.join('.') }, 'owner');
    else problem(at, 'form-folder/bad-period', { value: String(periode), kinds: PERIOD_KINDS.join(', '), suggestion: typeof periode === 'string' ? closest(periode, PERIOD_KINDS) ?? '' : '' });
    return undefined;
  };
  const kind = periodKind(data.periode, ['periode']);

  const deadline = (value: unknown, at: DataPath, kindHere: PeriodKind | undefined): Deadline | null | undefined => {
    if (value === null) return null;
    if (value === undefined) return kindHere ? DEFAULT_DEADLINES[kindHere] : undefined;
    const f = value as Record<string, unknown>;
    const ok = f && typeof f === 'object' && Number.isInteger(f.maaned) && Number.isInteger(f.dag) && (f.aar_etter === undefined || Number.isInteger(f.aar_etter));
    if (ok && (f.maaned as number) >= 1 && (f.maaned as number) <= 12 && (f.dag as number) >= 1 && (f.dag as number) <= 31) {
      unknownKeys(at, f, ['maaned', 'dag', 'aar_etter']);
      return { maaned: f.maaned as number, dag: f.dag as number, aar_etter: (f.aar_etter as number | undefined) ?? 0 };
    }
    problem(at, 'form-folder/bad-deadline');
    return undefined;
  };
  const frist = deadline(data.frist, ['frist'], kind);

  const forelopig = data.forelopig;
  if (forelopig !== undefined && typeof forelopig !== 'boolean') problem(['forelopig'], 'form-folder/not-boolean', { key: 'forelopig' });

  const paths = <K extends string>(key: string, known: readonly K[], defaults: Partial<Record<K, DataPath>>): Partial<Record<K, DataPath>> => {
    const out: Partial<Record<K, DataPath>> = { ...defaults };
    const v = data[key];
    if (v === undefined) return out;
    if (v === null || typeof v !== 'object' || Array.isArray(v)) {
      problem([key], 'form-folder/not-a-mapping-field', { key });
      return out;
    }
    unknownKeys([key], v as Record<string, unknown>, [...known]);
    for (const [k, p] of Object.entries(v as Record<string, unknown>)) {
      if (!(known as readonly string[]).includes(k)) continue;
      const path = typeof p === 'string' ? dotted(p) : undefined;
      if (path) out[k as K] = path;
      else problem([key, k], 'form-folder/bad-path', { value: String(p) });
    }
    return out;
  };
  const fields = paths('felter', FIELD_KEYS as (keyof HeaderFields)[], DEFAULT_HEADER_FIELDS) as HeaderFields;
  const facts = paths('fakta', FACT_KEYS as (keyof FormFacts)[], {}) as FormFacts;

  const aliases: string[] = [];
  if (data.tidligere_id !== undefined) {
    const list = data.tidligere_id;
    if (Array.isArray(list) && list.every((a) => typeof a === 'string' && ID.test(a))) aliases.push(...(list as string[]));
    else problem(['tidligere_id'], 'form-folder/bad-aliases');
  }

  // varianter: { felt: periode, verdier: { forste_halvaar: { periode: halvaar, rapportnavn: …, type: … } } }
  let variants: FormSpec['variants'];
  const v = data.varianter as Record<string, unknown> | undefined;
  if (v !== undefined) {
    const field = typeof v?.felt === 'string' ? dotted(v.felt) : undefined;
    const values = v?.verdier as Record<string, Record<string, unknown>> | undefined;
    if (!v || typeof v !== 'object' || !field || !values || typeof values !== 'object' || Array.isArray(values) || Object.keys(values).length === 0) {
      problem(['varianter'], 'form-folder/bad-variants');
    } else {
      unknownKeys(['varianter'], v, ['felt', 'verdier']);
      variants = { field, values: {} };
      for (const [name, spec] of Object.entries(values)) {
        const at = ['varianter', 'verdier', name];
        if (!spec || typeof spec !== 'object') {
          problem(at, 'form-folder/bad-variants');
          continue;
        }
        unknownKeys(at, spec, VARIANT_KEYS);
        const k = spec.periode === undefined ? kind : periodKind(spec.periode, [...at, 'periode']);
        const f = spec.frist === undefined && spec.periode === undefined ? frist : deadline(spec.frist, [...at, 'frist'], k);
        const name2 = spec.rapportnavn ?? reportName;
        const type2 = spec.type ?? type;
        if (typeof name2 !== 'string' || typeof type2 !== 'string' || !/^[a-z]+$/.test(type2)) problem(at, 'form-folder/bad-variants');
        else if (k && f !== undefined) variants.values[name] = { period: { kind: k, frist: f }, reportName: name2, type: type2 };
      }
    }
  }

  if (diagnostics.length > 0 || !id || !reportName || !type || !years || !kind || frist === undefined || !title.nb) return { diagnostics };
  return {
    spec: {
      id,
      title: { nb: title.nb, en: title.en ?? title.nb },
      reportName,
      type,
      years,
      period: { kind, frist },
      provisional: forelopig === true,
      about,
      fields,
      facts,
      aliases,
      ...(variants ? { variants } : {}),
    },
    diagnostics,
  };
}
