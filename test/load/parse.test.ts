import { describe, expect, it } from 'vitest';
import { parseReport } from '../../src/load/parse.js';
import { LIMITS } from '../../src/load/limits.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('parseReport', () => {
  it('reads UTF-8 with a byte order mark and keeps æøå intact', () => {
    const r = parseReport('a.yaml', enc('\uFEFFkommune: Gjøvik\nnavn: Bærum Ålesund\n'), 'nb');
    expect(r.diagnostics).toEqual([]);
    expect(r.report?.data).toEqual({ kommune: 'Gjøvik', navn: 'Bærum Ålesund' });
  });

  it('accepts Windows line ends and still reports the right line and column', () => {
    const r = parseReport('a.yaml', enc('a: 1\r\nb: 2\r\nb: 3\r\n'), 'en');
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]).toMatchObject({ ruleId: 'yaml/duplicate-key', line: 3, col: 1 });
    expect(r.diagnostics[0]!.message).toContain('"b"');
  });

  it('keeps YAML 1.2 meanings: dates and NO stay text, so nothing is silently converted', () => {
    const r = parseReport('a.yaml', enc('d: 2013-02-18\nsvar: NO\ntlf: 41581180\n'), 'nb');
    expect(r.report?.data).toEqual({ d: '2013-02-18', svar: 'NO', tlf: 41581180 });
  });

  it('refuses duplicate keys in nested mappings, naming the key, in both languages', () => {
    const text = 'x:\n  kommune: A\n  kommune: B\n';
    const nb = parseReport('a.yaml', enc(text), 'nb').diagnostics[0]!;
    const en = parseReport('a.yaml', enc(text), 'en').diagnostics[0]!;
    expect(nb).toMatchObject({ line: 3, col: 3, severity: 'error' });
    expect(nb.message).toBe('Feltet «kommune» står to ganger i samme objekt.');
    expect(en.message).toBe('The field "kommune" appears twice in the same mapping.');
  });

  it('reports a tab used for indentation where it is', () => {
    const d = parseReport('a.yaml', enc('a:\n\tb: 1\n'), 'en').diagnostics;
    expect(d[0]).toMatchObject({ ruleId: 'yaml/tab', line: 2, col: 1 });
  });

  it('reports a syntax error with its position and a hint, without a stack trace', () => {
    const d = parseReport('a.yaml', enc('a: 1\nb: "open\nc: 2\n'), 'en').diagnostics;
    expect(d.length).toBeGreaterThan(0);
    expect(d[0]!.ruleId).toBe('yaml/syntax');
    expect(d[0]!.line).toBeGreaterThanOrEqual(2);
    expect(d[0]!.hint).toBeTruthy();
    expect(d[0]!.message).not.toMatch(/\n\s+at /);
  });

  it('points at the first byte that is not UTF-8 (an «ø» saved as Windows-1252)', () => {
    const bytes = new Uint8Array([...enc('a: 1\nkommune: Gj'), 0xf8, ...enc('vik\n')]);
    const d = parseReport('a.yaml', bytes, 'nb').diagnostics;
    expect(d).toHaveLength(1);
    expect(d[0]).toMatchObject({ ruleId: 'load/not-utf8', line: 2, col: 12 });
    expect(d[0]!.hint).toContain('UTF-8');
  });

  it('refuses binary files', () => {
    const d = parseReport('a.yaml', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0, 0, 1]), 'en').diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['load/binary']);
  });

  it('refuses an alias bomb instead of expanding it', () => {
    const bomb = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let i = 0; i < 8; i++)
      bomb.push(
        `${'bcdefghi'[i]}: &${'bcdefghi'[i]} [${Array(10)
          .fill(`*${i === 0 ? 'a' : 'bcdefghi'[i - 1]}`)
          .join(', ')}]`,
      );
    const d = parseReport('a.yaml', enc(bomb.join('\n') + '\n'), 'en').diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['load/alias-bomb']);
  });

  it('refuses files over the size limit before parsing them', () => {
    const big = new Uint8Array(LIMITS.maxFileBytes + 1).fill(0x61);
    const d = parseReport('a.yaml', big, 'en').diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['load/too-large']);
    expect(d[0]!.message).toContain(String(LIMITS.maxFileBytes));
  });

  it('refuses nesting deeper than the limit, at the place it happens', () => {
    const deep = '['.repeat(LIMITS.maxDepth + 5) + ']'.repeat(LIMITS.maxDepth + 5);
    const d = parseReport('a.yaml', enc(`a: ${deep}\n`), 'en').diagnostics;
    expect(d.map((x) => x.ruleId)).toEqual(['load/too-deep']);
    expect(d[0]!.line).toBe(1);
  });
});
