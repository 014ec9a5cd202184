import type { ErrorObject } from 'ajv';
import type { Form } from '../forms/types.js';
import type { DataPath } from '../load/positions.js';
import type { ParsedReport } from '../load/parse.js';
import { schemaAt } from '../schema/store.js';
import { closestUnique } from '../util/similar.js';
import { pointerToPath } from '../humanize.js';
import { decimal, isoDate, percent, plainCount } from '../format/typed.js';
import { asksForShare, numberAsText } from '../schema/fields.js';

/** The kinds of mechanical mistake `fix` mends, for its closing count. */
export type FixKind = 'innrykk' | 'dato' | 'tall' | 'prosent' | 'desimal' | 'tekst' | 'feltnavn' | 'modeline';

/** One edit: replace the text from `start` to `end` (offsets in the file's text) with `text`. */
export interface Fix {
  kind: FixKind;
  start: number;
  end: number;
  text: string;
  /** What stood there, for the report of what was changed. */
  was: string;
}

/**
 * The edits that mend a report's mechanical mistakes: only where the schema rejects the value as it
 * stands and exactly one reading of it fits the field. Everything else stays a diagnostic. Pure.
 */
export function planFixes(report: ParsedReport, form: Form, errors: readonly ErrorObject[]): Fix[] {
  /** The text range of a key or value, when it is on one line, with what stands there. */
  const range = (path: DataPath, target: 'value' | 'key') => {
    const at = report.rangeOf(path, target);
    return at ? { ...at, raw: report.text.slice(at.start, at.end) } : undefined;
  };
  /** The same quotes as before around a new text value (a date typed in quotes stays in quotes). */
  const quoted = (raw: string, text: string) => (/^["']/.test(raw) ? `${raw[0]}${text}${raw[0]}` : text);
  const unquote = (raw: string) => (/^(["']).*\1$/.test(raw) ? raw.slice(1, -1) : raw);

  const fixes = new Map<number, Fix>();
  const add = (fix: Fix) => {
    if (!fixes.has(fix.start)) fixes.set(fix.start, fix);
  };
  for (const error of errors) {
    const path = pointerToPath(error.instancePath, report.data);
    if (error.keyword === 'additionalProperties') {
      const key = String(error.params.additionalProperty);
      const known = Object.keys(schemaAt(form.schemaId, path)?.properties ?? {});
      const present = Object.keys((error.data as object | null) ?? {});
      const right = closestUnique(
        key,
        known.filter((k) => !present.includes(k)),
      );
      const at = right ? range([...path, key], 'key') : undefined;
      if (right && at) add({ kind: 'feltnavn', start: at.start, end: at.end, text: right, was: at.raw });
      continue;
    }
    const node = schemaAt(form.schemaId, path);
    const at = range(path, 'value');
    if (!node || !at) continue;
    const raw = unquote(at.raw);
    if (error.keyword === 'format' && typeof error.data === 'string') {
      const format = String(error.params.format);
      if (format !== 'date' && format !== 'dato-eller-maaned') continue;
      const iso = isoDate(raw, { monthAllowed: format === 'dato-eller-maaned', latestYear: form.years[1] + 1 });
      if (iso) add({ kind: 'dato', start: at.start, end: at.end, text: quoted(at.raw, iso), was: at.raw });
      continue;
    }
    if (error.keyword !== 'type') continue;
    const expected = ([] as string[]).concat(error.params.type as string | string[]);
    const wholeOnly = !expected.includes('number');
    if (!expected.includes('integer') && !expected.includes('number')) {
      // A number in a text field: the digits as typed, in quotes («0502» keeps its zero).
      const text = typeof error.data === 'number' && expected.includes('string') ? numberAsText(at.raw, node) : undefined;
      if (text) add({ kind: 'tekst', start: at.start, end: at.end, text, was: at.raw });
      continue;
    }
    // «80 %» is 80 only in a share; in a count it may be a share of something, so it stays a hint.
    const isPercent = asksForShare(path, node);
    // YAML read «1.390» as 1.39: the digits typed, not the number read, say what was meant.
    const text = typeof error.data === 'string' || typeof error.data === 'number' ? raw : undefined;
    if (text === undefined) continue;
    const count = wholeOnly ? plainCount(text) : undefined;
    if (count !== undefined) add({ kind: 'tall', start: at.start, end: at.end, text: count, was: at.raw });
    const pct = isPercent && typeof error.data === 'string' ? percent(text, wholeOnly) : undefined;
    if (pct !== undefined) add({ kind: 'prosent', start: at.start, end: at.end, text: pct, was: at.raw });
    const dec = !wholeOnly && typeof error.data === 'string' ? decimal(text) : undefined;
    if (dec !== undefined) add({ kind: 'desimal', start: at.start, end: at.end, text: dec, was: at.raw });
  }
  return [...fixes.values()].sort((a, b) => a.start - b.start);
}

/** The text with the edits made (edits do not overlap: one per key or value). */
export function applyFixes(text: string, fixes: readonly Fix[]): string {
  let out = '';
  let at = 0;
  for (const f of fixes) {
    out += text.slice(at, f.start) + f.text;
    at = f.end;
  }
  return out + text.slice(at);
}
