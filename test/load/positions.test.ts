import { describe, expect, it } from 'vitest';
import { LineCounter, parseDocument } from 'yaml';
import { locate, spanFor } from '../../src/load/positions.js';

const text = [
  'skjema: aarsrapport-2012', // 1
  'generell_programinformasjon:', // 2
  '  kommune: Gjøvik', // 3
  '  telefon:', // 4
  'liste:', // 5
  '  - nr: 1', // 6
  '    tittel: "Første"', // 7
  '  - nr: 2', // 8
  '    tekst: |', // 9
  '      linje en', // 10
  '      linje to', // 11
].join('\n');

function setup() {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  return { doc, lineCounter };
}

describe('position mapping', () => {
  it('maps a value to its line and column', () => {
    const { doc, lineCounter } = setup();
    expect(spanFor(doc, lineCounter, ['generell_programinformasjon', 'kommune'], 'value')).toMatchObject({ line: 3, col: 12 });
  });

  it('maps a key when the key is what must change', () => {
    const { doc, lineCounter } = setup();
    expect(spanFor(doc, lineCounter, ['generell_programinformasjon', 'kommune'], 'key')).toMatchObject({ line: 3, col: 3 });
  });

  it('maps into lists by index', () => {
    const { doc, lineCounter } = setup();
    expect(spanFor(doc, lineCounter, ['liste', 0, 'tittel'], 'value')).toMatchObject({ line: 7, col: 13 });
    expect(spanFor(doc, lineCounter, ['liste', 1, 'nr'], 'value')).toMatchObject({ line: 8, col: 9 });
  });

  it('spans a multi-line block to its last line', () => {
    const { doc, lineCounter } = setup();
    const span = spanFor(doc, lineCounter, ['liste', 1, 'tekst'], 'value');
    expect(span.line).toBe(9);
    expect(span.endLine).toBeGreaterThanOrEqual(11);
  });

  it('points an empty value at its key', () => {
    const { doc, lineCounter } = setup();
    expect(spanFor(doc, lineCounter, ['generell_programinformasjon', 'telefon'], 'value')).toMatchObject({ line: 4, col: 3 });
  });

  it('points a problem with a mapping (a missing field) at the key that opens it', () => {
    const { doc, lineCounter } = setup();
    expect(spanFor(doc, lineCounter, ['generell_programinformasjon'], 'owner')).toMatchObject({ line: 2, col: 1 });
    expect(spanFor(doc, lineCounter, [], 'owner')).toMatchObject({ line: 1, col: 1 });
  });

  it('falls back to the deepest existing ancestor for a path that is not in the file', () => {
    const { doc, lineCounter } = setup();
    expect(locate(doc, ['liste', 5, 'x']).depth).toBe(1);
    expect(spanFor(doc, lineCounter, ['liste', 5, 'x'], 'value')).toMatchObject({ line: 5 });
  });
});
