import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/diagnostics.js';
import { LIMITS } from '../../src/load/limits.js';
import { parseReport, parseReportWithYaml } from '../../src/load/parse.js';
import { check, exampleText, GJOVIK } from '../helpers.js';

// Issue 26: shapes that made parsing quadratic or huge, at sizes that took seconds before the input
// guard (guard.ts) and the one-pass duplicate check. No timings here: each case asserts what the
// file is told, where, and that both readers say the same. The full-size files (2 MB) are in
// hostile-shapes.e2e.test.ts.

const encode = (s: string) => new TextEncoder().encode(s);
const shape = (d: Diagnostic) => ({ ruleId: d.ruleId, line: d.line, col: d.col, message: d.message });

/** What both readers make of a text: the same diagnostics, which are returned. */
function bothReaders(text: string): Diagnostic[] {
  const fast = parseReport('r.yaml', encode(text), 'en');
  const slow = parseReportWithYaml('r.yaml', encode(text), 'en');
  expect(fast.diagnostics.map(shape)).toEqual(slow.diagnostics.map(shape));
  return fast.diagnostics;
}

/** Line and column (1-based) of offset `at` in `text`. */
function position(text: string, at: number): { line: number; col: number } {
  const before = text.slice(0, at);
  return { line: before.split('\n').length, col: at - before.lastIndexOf('\n') };
}

/** Offset of the `n`th (1-based) occurrence of `needle` in `text`, from `from`. */
function nth(text: string, needle: string, n: number, from = 0): number {
  let at = from - 1;
  for (let i = 0; i < n; i++) at = text.indexOf(needle, at + 1);
  return at;
}

/** The example report with `ekstra:` and the hostile value appended: the same problem inside a real report. */
const inReport = (value: string) => `${exampleText(GJOVIK)}ekstra:${value}`;

describe('keys in one mapping', () => {
  const tooMany = `This mapping has more than ${LIMITS.maxMappingKeys} fields; a report never has that many in one place.`;

  it('refuses a flow mapping of 20,000 duplicate keys at the key past the limit', () => {
    const value = ` {${Array(20_000).fill('a: 1').join(', ')}}\n`;
    for (const text of [`x:${value}`, inReport(value)]) {
      const d = bothReaders(text);
      expect(d.map(shape)).toEqual([{ ruleId: 'load/too-many-keys', ...position(text, nth(text, 'a: 1', LIMITS.maxMappingKeys + 1, text.lastIndexOf('{'))), message: tooMany }]);
      expect(d[0]!.hint).toContain('copied in many times');
    }
  });

  it('names each of 9,000 duplicates in a flow mapping under the limit', () => {
    const text = `x: {${Array(9_000).fill('a: 1').join(', ')}}\n`;
    const d = bothReaders(text);
    expect(d).toHaveLength(8_999);
    expect(d[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', line: 1, col: 11, message: 'The field "a" appears twice in the same mapping.' });
  });

  it('refuses 20,000 block lines «a: 1» at line 10,001, standalone and inside a report', () => {
    expect(bothReaders('a: 1\n'.repeat(20_000)).map(shape)).toEqual([{ ruleId: 'load/too-many-keys', line: 10_001, col: 1, message: tooMany }]);
    const text = inReport(`\n${'  a: 1\n'.repeat(20_000)}`);
    const first = text.lastIndexOf('ekstra:') + 8;
    expect(check(text).diagnostics.map(shape)).toEqual([
      { ruleId: 'load/too-many-keys', ...position(text, nth(text, 'a: 1', LIMITS.maxMappingKeys + 1, first)), message: tooMany },
    ]);
  });

  it('refuses 40,000 unique block keys and one duplicate at the key past the limit, in both readers', () => {
    const keys = (indent: string) => Array.from({ length: 40_000 }, (_, i) => `${indent}k${i}: 1\n`).join('') + `${indent}k7: 1\n`;
    expect(bothReaders(keys('')).map(shape)).toEqual([{ ruleId: 'load/too-many-keys', line: 10_001, col: 1, message: tooMany }]);
    const text = inReport(`\n${keys('  ')}`);
    const line = text.slice(0, text.lastIndexOf('ekstra:')).split('\n').length;
    expect(bothReaders(text).map(shape)).toEqual([{ ruleId: 'load/too-many-keys', line: line + 10_001, col: 3, message: tooMany }]);
  });

  it('finds the one duplicate among 9,000 unique block keys, at its line', () => {
    const text = Array.from({ length: 9_000 }, (_, i) => `k${i}: 1\n`).join('') + 'k7: 2\n';
    expect(bothReaders(text).map(shape)).toEqual([{ ruleId: 'yaml/duplicate-key', line: 9_001, col: 1, message: 'The field "k7" appears twice in the same mapping.' }]);
  });
});

describe('aliases', () => {
  const bomb = `The file uses YAML aliases (*name) too many times (the limit is ${LIMITS.maxAliasCount}).`;

  it('counts aliases to scalars: 10,000 anchors and 10,000 aliases stop at the alias past the limit', () => {
    const items = (indent: string) =>
      Array.from({ length: 10_000 }, (_, i) => `${indent}- &a${i} 1\n`).join('') + Array.from({ length: 10_000 }, (_, i) => `${indent}- *a${i}\n`).join('');
    for (const text of [`x:\n${items('')}`, inReport(`\n${items('  ')}`)]) {
      const d = bothReaders(text);
      expect(d.map(shape)).toEqual([{ ruleId: 'load/alias-bomb', ...position(text, nth(text, '*a', LIMITS.maxAliasCount + 1)), message: bomb }]);
    }
  });

  it('points at the alias past the limit in a fan-out of 20,000 aliases, not at 1:1', () => {
    const text = `a: &a [1, 2, 3]\nb: [${Array(20_000).fill('*a').join(', ')}]\n`;
    expect(bothReaders(text).map(shape)).toEqual([{ ruleId: 'load/alias-bomb', ...position(text, nth(text, '*a', LIMITS.maxAliasCount + 1)), message: bomb }]);
  });

  it('still lets a report use a few aliases', () => {
    expect(bothReaders('a: &a {b: 1}\nc: *a\nd: [*a, *a]\n')).toEqual([]);
  });
});

describe('nesting', () => {
  const deep = `The file is nested too deeply (more than ${LIMITS.maxDepth} levels).`;
  // The top mapping and maxDepth levels inside it are allowed; the next bracket is one too many.
  const past = LIMITS.maxDepth + 1;

  it('stops 200,000-deep [[[…]]] at the bracket past the limit, standalone and inside a report', () => {
    const value = ` ${'['.repeat(200_000)}${']'.repeat(200_000)}\n`;
    for (const text of [`x:${value}`, inReport(value)]) {
      const start = text.indexOf('[[[[');
      expect(bothReaders(text).map(shape)).toEqual([{ ruleId: 'load/too-deep', ...position(text, start + past - 1), message: deep }]);
    }
  });

  it('stops 100,000-deep {a: {a: …}} at the mapping past the limit', () => {
    const text = `x: ${'{a: '.repeat(100_000)}1${'}'.repeat(100_000)}\n`;
    expect(bothReaders(text).map(shape)).toEqual([{ ruleId: 'load/too-deep', line: 1, col: 4 + 4 * (past - 1), message: deep }]);
  });

  it('stops compact block lists «- - - …» and explicit keys «? ? ? …» at the level past the limit', () => {
    // The list is the value of x (a level of its own); the first «?» is a key of the top mapping.
    for (const [mark, col] of [
      ['- ', 1 + 2 * (past - 1)],
      ['? ', 1 + 2 * past],
    ] as const) {
      const text = `x:\n${mark.repeat(100_000)}1\n`;
      expect(bothReaders(text).map(shape), mark).toEqual([{ ruleId: 'load/too-deep', line: 2, col, message: deep }]);
    }
  });

  it('allows exactly the limit: the top mapping and maxDepth levels inside it', () => {
    expect(bothReaders(`x: ${'['.repeat(LIMITS.maxDepth)}${']'.repeat(LIMITS.maxDepth)}\n`)).toEqual([]);
    expect(bothReaders(`x: ${'['.repeat(past)}${']'.repeat(past)}\n`).map((d) => d.ruleId)).toEqual(['load/too-deep']);
  });

  it('ignores brackets, anchors and aliases inside quotes, comments and block texts', () => {
    const noise = `${'[{&*'.repeat(200)}`;
    const text = `a: "${noise}"\nb: '${noise}'\nc: | \n  ${noise}\n  ${'*x '.repeat(200)}\n# ${noise}\nd: x ${'*y '.repeat(200)}\n`;
    expect(bothReaders(text)).toEqual([]);
  });
});

describe('values in one file', () => {
  const many = `The file holds more than ${LIMITS.maxNodes} values; a report holds a few thousand at most.`;

  // These parse 100,000 nodes before the limit: about half a second each with `yaml`.
  it('refuses a list of 120,000 items in either reader at the same item', () => {
    const d = bothReaders(`x:\n${'- 1\n'.repeat(120_000)}`);
    // The top mapping, its key and the list, then the items: the one past the limit.
    expect(d.map(shape)).toEqual([{ ruleId: 'load/too-many-values', line: LIMITS.maxNodes - 1, col: 3, message: many }]);
    expect(d[0]!.hint).toContain('copied in many times');
  });

  it('refuses 40,000 small mappings in a list', () => {
    const d = parseReport('r.yaml', encode(`x:\n${'- {a: 1}\n'.repeat(40_000)}`), 'en').diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['load/too-many-values']);
  });
});
