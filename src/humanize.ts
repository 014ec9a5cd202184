import type { ErrorObject } from 'ajv';
import { diagnostic, type Diagnostic } from './diagnostics.js';
import type { DataPath } from './load/positions.js';
import type { ParsedReport } from './load/parse.js';
import { t, type Lang, type Params, type MessageCode } from './messages/index.js';
import { formatInteger } from './format/norwegian.js';
import { decimal, isoDate, percent, plainCount } from './format/typed.js';
import { PLACEHOLDER } from './parts/header-rules.js';
import { closest } from './util/similar.js';
import { schemaAt } from './schema/store.js';
import { asksForShare, numberAsText } from './schema/fields.js';

/** Turns "/a/b/0" into ['a', 'b', 0], using the data to tell list indexes from keys. */
type JsonType = 'integer' | 'number' | 'null' | 'string' | 'object' | 'array' | 'boolean';

export function pointerToPath(pointer: string, data: unknown): DataPath {
  const path: (string | number)[] = [];
  let node = data;
  for (const raw of pointer.split('/').slice(1)) {
    const seg = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (Array.isArray(node)) {
      path.push(Number(seg));
      node = node[Number(seg)];
    } else {
      path.push(seg);
      node = (node as Record<string, unknown> | undefined)?.[seg];
    }
  }
  return path;
}

function dotted(path: DataPath, root: string): string {
  if (path.length === 0) return root;
  return path.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function shown(value: unknown): string {
  const s = String(value);
  return s.length > 60 ? `${s.slice(0, 57)}…` : s;
}

/** The value at `path` as it stands in the file, when it is on one line. */
function typedText(report: ParsedReport, path: DataPath): string | undefined {
  const at = report.rangeOf(path, 'value');
  return at ? report.text.slice(at.start, at.end).trim() || undefined : undefined;
}

function describeFound(value: unknown, lang: Lang, typed?: string): string {
  // A number as the user typed it: «1.390», not the 1.39 YAML made of it.
  if (typeof value === 'number' && typed !== undefined && /^[-+]?[\d.]+$/.test(typed) && Number(typed) === value) return t(lang, 'found/number', { value: shown(typed) });
  if (value === null || value === undefined) return t(lang, 'found/empty');
  if (Array.isArray(value)) return t(lang, 'found/array');
  if (typeof value === 'object') return t(lang, 'found/object');
  if (typeof value === 'number') return t(lang, 'found/number', { value: shown(value) });
  if (typeof value === 'boolean') return t(lang, 'found/boolean', { value: String(value) });
  return t(lang, 'found/string', { value: shown(value) });
}

/** Words users type for "we don't know" in a number cell, as seen in real reports. */
const UNKNOWN_MARKERS = /^(x\)?|\(x\)|ukjent|ikke tilgjengelig.*|mangler|-|\?|n\/a)$/i;

/**
 * A number written in hex (0x1F), octal (0o17) or with an exponent (1e3): bosoreport reads these as
 * text (see core-scalars.ts), and the hint gives the plain number to write instead.
 */
function plainNumber(value: string): string | undefined {
  const s = value.trim();
  let n: number | undefined;
  if (/^0x[0-9a-f]+$/i.test(s)) n = parseInt(s.slice(2), 16);
  else if (/^0o[0-7]+$/i.test(s)) n = parseInt(s.slice(2), 8);
  else if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)e[-+]?[0-9]+$/i.test(s)) n = Number(s);
  return n !== undefined && Number.isFinite(n) ? String(n) : undefined;
}

/** «2012 første halvår», «2011 1. og 2. halvår»: a year with the period written after it. */
const YEAR_WITH_PERIOD = /^\s*(\d{4})\s*[,(–-]?\s*(?:første|1\.|andre|2\.)(?:\s*(?:og|\+|&|–|-)\s*(?:første|1\.|andre|2\.))?\s*halvår/i;
/** A half-year a text names: the ordinal before «halvår», or before «og 2. halvår» as in «1. og 2. halvår». */
const HALF_YEAR = /(første|1\.|andre|2\.)(?=\s*(?:(?:og|\+|&|–|-)\s*(?:første|1\.|andre|2\.)\s*)?halvår)/gi;

/**
 * The year and the `periode` a year text like «2011 første halvår» means, or undefined for a text
 * that is not a year with a half-year after it. The first half-year alone is the half-year report's;
 * the second half, or both halves, the annual report's (no form has a report for the second half alone).
 */
export function periodOfYearText(text: string): { year: string; periode: 'forste_halvaar' | 'hele_aaret' } | undefined {
  const year = YEAR_WITH_PERIOD.exec(text)?.[1];
  if (year === undefined) return undefined;
  const halves = [...text.matchAll(HALF_YEAR)].map((m) => (/første|1\./i.test(m[1]!) ? 1 : 2));
  return { year, periode: halves.includes(1) && !halves.includes(2) ? 'forste_halvaar' : 'hele_aaret' };
}

/** A year typed bare where a date goes («programstart: 2011», as a report says «fra 2011»): quoted, it is one. */
function yearAsDate(schemaId: string, path: DataPath, value: unknown, lang: Lang): string | undefined {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1900 || value > 2099) return undefined;
  return schemaAt(schemaId, path)?.format === 'dato-eller-maaned' ? t(lang, 'schema/type.year-quote', { year: value }) : undefined;
}

/** What a type hint may ask of the field beyond its types: its schema, and a percent read against its whole. */
interface FieldHints {
  ownPeriod?: () => string | undefined;
  /** The hint for «80 %» in a count, where it differs from a share's. */
  percentInCount?: (pct: string) => string | undefined;
  /** The number typed in a text field, as the quoted text fix would write. */
  asText?: (typed: string) => string | undefined;
}

function typeHint(expected: string[], value: unknown, lang: Lang, typed?: string, field: FieldHints = {}): string | undefined {
  const wantsNumber = expected.includes('integer') || expected.includes('number');
  const wholeOnly = !expected.includes('number');
  if (wantsNumber && typeof value === 'string') {
    const pct = percent(value, false);
    if (pct !== undefined) return field.percentInCount?.(pct) ?? t(lang, 'schema/type.percent', { number: pct });
    const dec = decimal(value);
    if (dec !== undefined) return wholeOnly ? t(lang, 'schema/type.whole-number', { number: value.trim() }) : t(lang, 'schema/type.decimal-comma', { number: dec });
    const placeholder = PLACEHOLDER.exec(value);
    if (placeholder) return t(lang, 'schema/type.placeholder', { text: placeholder[0] });
    const plain = plainNumber(value);
    if (plain !== undefined) return t(lang, 'schema/type.number-notation', { number: plain });
    if (/^[-+]?[0-9]{16,}$/.test(value.trim()) && !Number.isSafeInteger(Number(value))) return t(lang, 'schema/type.too-large', { limit: formatInteger(Number.MAX_SAFE_INTEGER) });
    const yearWithPeriod = periodOfYearText(value);
    // The report's own «periode» wins over what the year text says: the hint must not ask to change it.
    if (yearWithPeriod) return t(lang, 'schema/type.year-with-period', { year: yearWithPeriod.year, first: field.ownPeriod?.() ?? yearWithPeriod.periode });
    const digits = value.replace(/[\s.]/g, '').replace(/,-$/, '');
    if (/^-?\d+$/.test(digits)) return t(lang, 'schema/type.number-with-spaces', { number: digits });
    if (UNKNOWN_MARKERS.test(value.trim()) || expected.includes('null')) return t(lang, 'schema/type.unknown-count');
  }
  if (wantsNumber && typeof value === 'number' && !Number.isInteger(value)) {
    // YAML read «1.390» as 1.39: the digits typed say what was meant.
    const count = typed !== undefined ? plainCount(typed) : undefined;
    if (count !== undefined) return t(lang, 'schema/type.thousands-dots', { typed: typed!, number: count, read: String(value) });
    return wholeOnly ? t(lang, 'schema/type.whole-number', { number: typed ?? String(value) }) : undefined;
  }
  if (expected.includes('object') && (value === null || typeof value !== 'object')) return t(lang, 'schema/type.indent');
  if (expected.includes('string') && (typeof value === 'number' || typeof value === 'boolean')) {
    const text = typeof value === 'number' && typed !== undefined ? field.asText?.(typed) : undefined;
    return text ? t(lang, 'schema/type.quote-number', { text }) : t(lang, 'schema/type.quote');
  }
  return undefined;
}

interface Context {
  report: ParsedReport;
  schemaId: string;
  lang: Lang;
  /** What messages call the top level: the report's, or a file of its own (form.yaml). */
  root: string;
  wholeOf?: WholeOf;
}

/** The whole a figure is part of («herav», a breakdown's part), as the form's rules know it. */
export type WholeOf = (path: DataPath) => DataPath | undefined;

/** A count as the report gives it, plainly or as a row's `resultat`; undefined for anything else. */
function countAt(data: unknown, path: DataPath): number | undefined {
  let node = data;
  for (const seg of path) node = node !== null && typeof node === 'object' ? (node as Record<string | number, unknown>)[seg] : undefined;
  if (node !== null && typeof node === 'object' && !Array.isArray(node)) node = (node as Record<string, unknown>).resultat;
  return typeof node === 'number' && Number.isSafeInteger(node) && node >= 0 ? node : undefined;
}

/**
 * «80 %» where a count goes: «80» would only lead to the next error (80 households of 48). With the
 * whole the count is part of, the count the percent stands for (rounded to the nearest whole, halves
 * up); without one, that a count is asked for. A share keeps the plain percent hint (undefined here).
 */
function percentInCount(ctx: Context, path: DataPath, pct: string): string | undefined {
  const node = schemaAt(ctx.schemaId, path);
  if (!node || asksForShare(path, node)) return undefined;
  const share = Number(pct);
  const wholePath = ctx.wholeOf?.(path);
  const total = wholePath ? countAt(ctx.report.data, wholePath) : undefined;
  if (wholePath === undefined || total === undefined || total === 0 || share > 100) return t(ctx.lang, 'schema/type.count-not-percent');
  const params = { pct: pct.replace('.', ','), total: formatInteger(total), whole: titleAt(ctx, wholePath), n: formatInteger(Math.round((share * total) / 100)) };
  return t(ctx.lang, 'schema/type.percent-of', params);
}

/** The report's own `periode`, where its form has that field and the value is one the form knows. */
function ownPeriod(ctx: Context): string | undefined {
  const data = ctx.report.data;
  const value = data !== null && typeof data === 'object' && !Array.isArray(data) ? (data as Record<string, unknown>).periode : undefined;
  if (typeof value !== 'string') return undefined;
  return schemaAt(ctx.schemaId, ['periode'])?.enum?.includes(value) ? value : undefined;
}

function titleAt(ctx: Context, path: DataPath): string {
  const schema = schemaAt(ctx.schemaId, path);
  const last = path[path.length - 1];
  return schema?.title ?? (last === undefined ? ctx.root : String(last));
}

function one(ctx: Context, error: ErrorObject): Diagnostic | undefined {
  const { report, lang } = ctx;
  const path = pointerToPath(error.instancePath, report.data);
  const value = error.data;
  const title = titleAt(ctx, path);
  const make = (ruleId: string, target: 'value' | 'key' | 'owner', at: DataPath, messageCode: MessageCode, params: Params, hint?: string): Diagnostic =>
    diagnostic(report.file, report.spanFor(at, target), 'error', ruleId, { message: t(lang, messageCode, params), hint });

  switch (error.keyword) {
    case 'required': {
      const key = String(error.params.missingProperty);
      const field = schemaAt(ctx.schemaId, [...path, key]);
      const params = { key, title: field?.title ?? key, parent: dotted(path, ctx.root) };
      const nullable = ([] as unknown[]).concat(field?.type ?? []).includes('null');
      return make('schema/required', 'owner', path, 'schema/required', params, t(lang, nullable ? 'schema/required.hint-nullable' : 'schema/required.hint', params));
    }
    case 'additionalProperties': {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(schemaAt(ctx.schemaId, path)?.properties ?? {});
      const present = value && typeof value === 'object' ? Object.keys(value) : [];
      const suggestion = closest(
        key,
        known.filter((k) => !present.includes(k)),
      );
      const hint = suggestion ? t(lang, 'schema/unknown-key.suggest', { suggestion }) : t(lang, 'schema/unknown-key.list', { known: known.join(', ') });
      return make('schema/unknown-key', 'key', [...path, key], 'schema/unknown-key', { key, parent: dotted(path, ctx.root) }, hint);
    }
    case 'type': {
      // ajv names JSON Schema's seven types, each of which has its words.
      const expected = ([] as JsonType[]).concat(error.params.type as JsonType | JsonType[]);
      const words = expected.map((e) => t(lang, `type/${e}`));
      const typed = typeof value === 'number' ? typedText(report, path) : undefined;
      const params = {
        title,
        expected: words.length > 1 ? `${words.slice(0, -1).join(', ')} ${t(lang, 'or')} ${words[words.length - 1]}` : words[0]!,
        found: describeFound(value, lang, typed),
      };
      const field: FieldHints = {
        ownPeriod: () => ownPeriod(ctx),
        // A count, not a share, when the field takes whole numbers only.
        ...(expected.includes('number') ? {} : { percentInCount: (pct: string) => percentInCount(ctx, path, pct) }),
        asText: (text: string) => {
          const node = schemaAt(ctx.schemaId, path);
          return node ? numberAsText(text, node) : undefined;
        },
      };
      return make('schema/type', 'value', path, 'schema/type', params, yearAsDate(ctx.schemaId, path, value, lang) ?? typeHint(expected, value, lang, typed, field));
    }
    case 'enum': {
      const allowed = (error.params.allowedValues as unknown[]).map(String);
      const suggestion = typeof value === 'string' ? closest(value, allowed) : undefined;
      const params = { title, value: shown(value), allowed: allowed.join(', '), suggestion: suggestion ?? '' };
      return make('schema/enum', 'value', path, 'schema/enum', params, t(lang, 'schema/enum.hint', params));
    }
    case 'minimum':
    case 'exclusiveMinimum': {
      const params = { title, value: shown(value), limit: String(error.params.limit) };
      return make('schema/minimum', 'value', path, 'schema/minimum', params, t(lang, 'schema/minimum.hint'));
    }
    case 'maximum':
    case 'exclusiveMaximum':
      return make('schema/maximum', 'value', path, 'schema/maximum', { title, value: shown(value), limit: String(error.params.limit) });
    case 'format': {
      const format = String(error.params.format);
      const params = { title, value: shown(value) };
      if (format === 'date' || format === 'dato-eller-maaned') {
        // A hint may read a two-digit year as 20yy whatever the form; fix acts only where the form's years make it certain.
        const iso = typeof value === 'string' ? isoDate(value, { monthAllowed: format === 'dato-eller-maaned', latestYear: 2099 }) : undefined;
        const hint = iso ? t(lang, 'schema/format-date.convert', { iso }) : t(lang, format === 'date' ? 'schema/format-date.hint' : 'schema/format-month.hint');
        return make('schema/format', 'value', path, 'schema/format-date', params, hint);
      }
      if (format === 'email') return make('schema/format', 'value', path, 'schema/format-email', params);
      if (format === 'uri') return make('schema/format', 'value', path, 'schema/format-uri', params, t(lang, 'schema/format-uri.hint'));
      return make('schema/format', 'value', path, 'schema/other', { title, detail: error.message ?? format });
    }
    case 'minLength':
      return make('schema/min-length', 'value', path, 'schema/min-length', { title }, t(lang, 'schema/min-length.hint'));
    case 'minItems':
      return make('schema/min-items', 'value', path, 'schema/min-items', { title });
    default:
      return make(`schema/${error.keyword}`, 'value', path, 'schema/other', { title, detail: error.message ?? error.keyword });
  }
}

/**
 * ajv's errors as diagnostics a programme leader can act on: Norwegian field titles from the schema,
 * the value found, a hint, and the position of the key or value to change.
 */
export function humanize(errors: readonly ErrorObject[], report: ParsedReport, schemaId: string, lang: Lang, root = t(lang, 'root'), wholeOf?: WholeOf): Diagnostic[] {
  const ctx: Context = { report, schemaId, lang, root, ...(wholeOf ? { wholeOf } : {}) };
  const out: Diagnostic[] = [];
  const seen = new Set<string>();
  // A misspelt key shows up twice: as unknown, and its intended name as missing. Keep only the
  // unknown-key message, whose hint names the missing key.
  const misspelt = new Set<string>();
  for (const error of errors) {
    if (error.keyword !== 'additionalProperties') continue;
    const path = pointerToPath(error.instancePath, report.data);
    const known = Object.keys(schemaAt(schemaId, path)?.properties ?? {});
    const present = error.data && typeof error.data === 'object' ? Object.keys(error.data) : [];
    const suggestion = closest(
      String(error.params.additionalProperty),
      known.filter((k) => !present.includes(k)),
    );
    if (suggestion) misspelt.add(`${error.instancePath}/${suggestion}`);
  }
  for (const error of errors) {
    if (error.keyword === 'required' && misspelt.has(`${error.instancePath}/${String(error.params.missingProperty)}`)) continue;
    const d = one(ctx, error);
    if (!d) continue;
    const key = `${d.line}:${d.col}:${d.ruleId}:${d.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(d);
  }
  return out;
}
