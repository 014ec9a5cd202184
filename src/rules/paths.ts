import type { CountRow } from '../forms/shared/data.js';
import type { DataPath } from '../load/positions.js';

/** Where a number row's number is: the row itself when written as a plain number, else its `resultat`. */
export function countPath(row: CountRow | undefined, path: DataPath): DataPath {
  return row !== null && typeof row === 'object' ? [...path, 'resultat'] : path;
}

/** Every string in the data with its path, for checks over all free text. */
export function* strings(value: unknown, path: (string | number)[] = []): Generator<[string, DataPath]> {
  if (typeof value === 'string') yield [value, path];
  else if (Array.isArray(value)) for (const [i, v] of value.entries()) yield* strings(v, [...path, i]);
  else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) yield* strings(v, [...path, k]);
}
