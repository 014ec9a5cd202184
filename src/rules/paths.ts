import type { CountRow } from '../forms/shared/data.js';
import type { DataPath } from '../load/positions.js';

/** Where a number row's number is: the row itself when written as a plain number, else its `resultat`. */
export function countPath(row: CountRow | undefined, path: DataPath): DataPath {
  return row !== null && typeof row === 'object' ? [...path, 'resultat'] : path;
}

const collected = new WeakMap<object, [string, DataPath][]>();

/**
 * Every string in the data with its path, for checks over all free text. Collected once per report
 * (several rules ask), with plain loops: a recursive generator cost more than the checks themselves.
 */
export function strings(value: unknown): [string, DataPath][] {
  if (!value || typeof value !== 'object') return typeof value === 'string' ? [[value, []]] : [];
  const cached = collected.get(value);
  if (cached) return cached;
  const out: [string, DataPath][] = [];
  const stack: [unknown, (string | number)[]][] = [[value, []]];
  while (stack.length) {
    const [node, path] = stack.pop()!;
    if (typeof node === 'string') out.push([node, path]);
    else if (Array.isArray(node)) for (let i = node.length - 1; i >= 0; i--) stack.push([node[i], [...path, i]]);
    else if (node && typeof node === 'object') {
      const entries = Object.entries(node);
      for (let i = entries.length - 1; i >= 0; i--) stack.push([entries[i]![1], [...path, entries[i]![0]]]);
    }
  }
  collected.set(value, out);
  return out;
}
