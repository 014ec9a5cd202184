import type { DataPath } from '../load/positions.js';

/**
 * Every string in the data that `test` accepts, with its path: for checks over all free text.
 * Walks with one path array and copies it only on a match, since nearly every string passes.
 */
export function findStrings(value: unknown, test: (text: string) => boolean): { text: string; path: DataPath }[] {
  const found: { text: string; path: DataPath }[] = [];
  const path: (string | number)[] = [];
  const visit = (node: unknown): void => {
    if (typeof node === 'string') {
      if (test(node)) found.push({ text: node, path: [...path] });
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        visit(node[i]);
        path.pop();
      }
    } else if (node !== null && typeof node === 'object') {
      for (const key in node) {
        path.push(key);
        visit((node as Record<string, unknown>)[key]);
        path.pop();
      }
    }
  };
  visit(value);
  return found;
}
