import type { DataPath } from '../load/positions.js';
import type { DraftValue } from './index.js';

/** How one value of a hand-made report fared in an import of the same report. */
export type Verdict = 'exact' | 'same-words' | 'text-differs' | 'open' | 'wrong';

export interface Comparison {
  /** Every value of the hand-made report, by its dotted path, with how the import did. */
  values: { path: string; verdict: Verdict; expected: unknown; got?: unknown }[];
  /** Values the import set where the hand-made report has none. */
  extra: { path: string; got: unknown }[];
  counts: Record<Verdict, number>;
}

/** The leaves of a report's data by dotted path; `skjema` and the form's own constants are not answers. */
function leaves(data: unknown, at: DataPath = [], out = new Map<string, unknown>()): Map<string, unknown> {
  if (Array.isArray(data)) data.forEach((v, i) => leaves(v, [...at, i], out));
  else if (data && typeof data === 'object') for (const [k, v] of Object.entries(data)) leaves(v, [...at, k], out);
  else if (at.length > 0 && at[0] !== 'skjema') out.set(at.join('.'), data);
  return out;
}

/** The words of a text, without its layout: paragraph breaks, list marks, quotation marks and dashes are the transcriber's. */
const words = (s: string) =>
  s
    .normalize('NFC')
    .match(/[\p{L}\p{N}]+/gu)
    ?.join(' ') ?? '';

/**
 * Holds an import against the same report typed by hand, value by value. A figure or date that
 * differs is wrong; a text with the same words (layout aside) counts as recovered; a value the
 * import left open is open. A row's figure counts the same written alone or as «resultat».
 */
export function compareImport(expected: unknown, imported: readonly DraftValue[]): Comparison {
  // A row's figure is the same value written alone («x: 8») or beside a comment («x: {resultat: 8}»).
  const canon = (m: Map<string, unknown>) => new Map([...m].map(([p, v]) => [p.replace(/\.resultat$/, ''), v]));
  const want = canon(leaves(expected));
  const got = canon(new Map(imported.map((v) => [v.path.join('.'), v.value])));
  const values: Comparison['values'] = [];
  const counts: Record<Verdict, number> = { exact: 0, 'same-words': 0, 'text-differs': 0, open: 0, wrong: 0 };
  for (const [p, e] of want) {
    let verdict: Verdict;
    if (!got.has(p)) verdict = 'open';
    else {
      const g = got.get(p);
      if (g === e || (typeof e === 'string' && typeof g === 'string' && e.replace(/\s+/g, ' ').trim() === g.replace(/\s+/g, ' ').trim())) verdict = 'exact';
      else if (typeof e === 'string' && typeof g === 'string' && !/^\d{4}-\d{2}-\d{2}$/.test(e)) verdict = words(e) === words(g) ? 'same-words' : 'text-differs';
      else verdict = 'wrong';
    }
    counts[verdict]++;
    values.push({ path: p, verdict, expected: e, ...(got.has(p) ? { got: got.get(p) } : {}) });
  }
  const extra = [...got].filter(([p]) => !want.has(p)).map(([path, v]) => ({ path, got: v }));
  return { values, extra, counts };
}
