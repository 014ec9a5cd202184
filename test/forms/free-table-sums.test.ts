import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleDoc, lineOf, visibleText } from '../helpers.js';

// The co-funding table of a real plan, «År | Kommune | Husbanken | SUM», on the free form: a sum
// column and a sum row the municipality typed are checked; one left empty is computed, for the
// working copy only.

const LARVIK = 'examples/larvik-aarsrapport-2011.yaml';
const templates = loadTemplates();

function withTable(rows: (string | number | null)[][], sumrad = true) {
  const doc = exampleDoc(LARVIK);
  doc.setIn(
    ['kapitler', 0, 'tabeller'],
    [
      {
        tittel: 'Finansiering',
        kolonner: [{ tittel: 'År' }, { tittel: 'Kommune', type: 'tall' }, { tittel: 'Husbanken', type: 'tall' }, { tittel: 'SUM', type: 'sum' }],
        rader: rows,
        sumrad,
      },
    ],
  );
  const text = doc.toString();
  return { text, result: check(text, 'en') };
}

const sumFindings = (r: ReturnType<typeof check>) => r.diagnostics.filter((d) => d.ruleId === 'tabell-sum');

describe('sums in a free table', () => {
  it('accepts a SUM column and a sum row that add up', () => {
    const { result } = withTable([
      ['2012', 150000, 100000, 250000],
      ['2013', 120000, 80000, 200000],
      ['SUM', 270000, 180000, 450000],
    ]);
    expect(result.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('says at the cell when a typed sum is not the sum of its parts, row or column', () => {
    const { text, result } = withTable([
      ['2012', 150000, 100000, 240000],
      ['2013', 120000, 80000, 200000],
      ['SUM', 270000, 170000, 440000],
    ]);
    const found = sumFindings(result);
    expect(found.map((d) => [d.line, d.message.replace(/\s/g, ' ')])).toEqual([
      [lineOf(text, '- 240000'), 'The sum is given as 240 000, but «Kommune» + «Husbanken» makes 250 000.'],
      [lineOf(text, '- 170000'), 'The sum is given as 170 000, but "Husbanken" in the rows above makes 180 000.'],
    ]);
    // The grand total is the sum of the SUM column as typed (240 000 + 200 000): the wrong row sum is reported once, at its row.
    expect(found.every((d) => d.severity === 'error')).toBe(true);
  });

  it('computes a sum left empty for the working copy only, and leaves it unknown when a part is', () => {
    const { result } = withTable([
      ['2012', 150000, 100000, null],
      ['2013', 120000, null, null],
      ['SUM', null, null, null],
    ]);
    expect(sumFindings(result)).toEqual([]);
    const arbeid = visibleText(renderHtml(result, templates, { kopi: 'arbeidskopi' }));
    expect(arbeid).toMatch(/2012 150 000 100 000 250 000 beregnet/);
    // Husbanken's part of 2013 is unknown: so are that row's sum, the column's and the grand total.
    expect(arbeid).toMatch(/2013 120 000 SUM 270 000 beregnet Programmets overordnede mål/);
    const husbanken = visibleText(renderHtml(result, templates, { kopi: 'husbanken' }));
    expect(husbanken).not.toContain('250 000');
    expect(husbanken).not.toContain('beregnet');
  });
});
