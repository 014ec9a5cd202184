import { describe, expect, it } from 'vitest';
import { safeJson, safeJsonPieces } from '../../src/util/visible.js';

describe('JSON a piece at a time', () => {
  const items = [{ a: 1, b: ['x', { c: null }] }, 'text with \u202e bidi and \u0085', [], {}, 3];
  it.each([
    ['at the top', (list: unknown) => ({ before: 1, list, after: { n: 2 } })],
    ['nested, with totals after it', (list: unknown) => ({ runs: [{ tool: { rules: ['r'] }, list }], total: 5 })],
  ])('is the same text as the whole (%s)', (_name, doc) => {
    for (const list of [items, [], [items[0]]]) expect([...safeJsonPieces((marker) => doc(marker), list)].join('')).toBe(safeJson(doc(list)));
  });
});
