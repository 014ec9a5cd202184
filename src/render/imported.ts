import type { DataPath } from '../load/positions.js';
import type { CommentSource } from '../load/reasons.js';
import { schemaAt } from '../schema/store.js';
import { formatDate, formatInteger } from '../format/norwegian.js';

/** A value `bosoreport import` set, as the working copy lists it for the reviewer. */
export interface ImportedValue {
  /** The field, by the form's own titles («Generell programinformasjon › Rapporteringsdato»). */
  felt: string;
  verdi: string;
  /** Where it was found: «side 2: «18.02.2013»». */
  kilde: string;
}

/** The comment import writes beside a value it set: `# kilde: side 2: «18.02.2013»`. */
const SOURCE = /^[^\n]*?#\s*kilde:\s*(.+)$/;

function leaves(data: unknown, at: DataPath, out: DataPath[]): void {
  if (Array.isArray(data)) data.forEach((v, i) => leaves(v, [...at, i], out));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) leaves(v, [...at, k], out);
  else out.push(at);
}

const valueAt = (data: unknown, path: DataPath): unknown => path.reduce<unknown>((v, seg) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[seg] : undefined), data);

/**
 * Every value of a report with import's «kilde:» comment beside it, in the report's order: what a
 * person checks against the original. Empty for a report written by hand.
 */
export function importedValues(source: CommentSource, data: unknown, schemaId: string): ImportedValue[] {
  if (!source.text.includes('kilde:')) return [];
  const paths: DataPath[] = [];
  leaves(data, [], paths);
  const out: ImportedValue[] = [];
  for (const path of paths) {
    const at = source.rangeOf(path, 'value');
    if (!at) continue;
    const lineEnd = source.text.indexOf('\n', at.end);
    const kilde = SOURCE.exec(source.text.slice(at.end, lineEnd === -1 ? source.text.length : lineEnd))?.[1]?.trim();
    if (!kilde) continue;
    const titles = path.map((_, i) => {
      const node = schemaAt(schemaId, path.slice(0, i + 1));
      return typeof path[i] === 'number' ? `${Number(path[i]) + 1}` : (node?.title ?? String(path[i]));
    });
    const value = valueAt(data, path);
    // As the report shows it: a date in words, a year as it is written, other figures with spaces.
    const year = (schemaAt(schemaId, path)?.minimum ?? 0) === 2000;
    const verdi =
      value === null
        ? 'ukjent'
        : typeof value === 'number'
          ? year
            ? String(value)
            : formatInteger(value)
          : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)
            ? formatDate(value)
            : String(value);
    out.push({ felt: titles.join(' › '), verdi: verdi.length > 80 ? `${verdi.slice(0, 79)}…` : verdi, kilde });
  }
  return out;
}
