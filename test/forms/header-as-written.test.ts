import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleDoc, GJOVIK, LILLEHAMMER, visibleText } from '../helpers.js';

// The header as the municipality wrote it: its own title, a memo's header, a programme start
// known only as a year, a local programme name. Each in the shared header, so every form has it.

const templates = loadTemplates();
const INFO = ['generell_programinformasjon'];
const DRAMMEN = 'examples/drammen-aarsrapport-2011.yaml';

function checked(file: string, change: (doc: ReturnType<typeof exampleDoc>) => void) {
  const doc = exampleDoc(file);
  change(doc);
  return check(doc.toString(), 'en');
}

const cover = (html: string) => visibleText(/<header class="forside">[\s\S]*?<\/header>/.exec(html)![0]).trim();

describe('the header as written', () => {
  it('prints the title the municipality wrote on its cover in place of the form’s, in both copies', () => {
    const r = checked(LILLEHAMMER, (d) => d.set('forsidetittel', 'ÅRS- OG HALVÅRSRAPPORTERING'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    for (const kopi of ['arbeidskopi', 'husbanken'] as const) {
      const text = cover(renderHtml(r, templates, { kopi }));
      expect(text).toContain('ÅRS- OG HALVÅRSRAPPORTERING');
      expect(text).not.toContain('HALVÅRSRAPPORTERING FRA LILLEHAMMER');
    }
  });

  it('prints a memo’s header on the cover, only the fields it has, and refuses a field it does not know', () => {
    const r = checked(GJOVIK, (d) => d.set('dokumenthode', { saksbehandler: 'Kari Nordmann', vaar_ref: '2013/123', arkiv: 'F17', dato: '2013-02-18' }));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const text = cover(renderHtml(r, templates, { kopi: 'husbanken' }));
    expect(text).toMatch(/Saksbehandler: Kari Nordmann\s+Vår ref\.: 2013\/123\s+Arkiv: F17\s+Dato: 18\. februar 2013/);
    expect(text).not.toContain('Deres ref.');
    const wrong = checked(GJOVIK, (d) => d.set('dokumenthode', { saksbehandlar: 'Kari Nordmann' }));
    expect(wrong.diagnostics.find((d) => d.severity === 'error')?.message).toContain('saksbehandlar');
  });

  it('takes a programme start known only as a year, prints it as the year, and says to quote a bare one', () => {
    const r = checked(GJOVIK, (d) => d.setIn([...INFO, 'programstart'], '2011'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(visibleText(renderHtml(r, templates, { kopi: 'husbanken' }))).toContain('Programstart: 2011');
    const bare = checked(GJOVIK, (d) => d.setIn([...INFO, 'programstart'], 2011));
    expect(bare.diagnostics.find((d) => d.severity === 'error')?.hint).toBe('If only the year is known, write it in quotes: "2011".');
    // A start year after the report's date is still caught; the year's first day is the earliest it can be.
    const late = checked(LILLEHAMMER, (d) => d.setIn([...INFO, 'programstart'], '2012'));
    expect(late.diagnostics.map((d) => d.ruleId)).toContain('programstart-etter-rapporteringsdato');
  });

  it('gives Region sør’s form a place for the local programme name', () => {
    const r = checked(DRAMMEN, (d) => d.setIn(['formalia', 'programnavn'], 'BASIS Boligsosialt utviklingsprogram'));
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(visibleText(renderHtml(r, templates, { kopi: 'husbanken' }))).toContain('Programnavn BASIS Boligsosialt utviklingsprogram');
  });
});
