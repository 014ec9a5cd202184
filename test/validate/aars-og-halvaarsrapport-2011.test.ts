import { describe, expect, it } from 'vitest';
import { check, exampleDoc, exampleText, LILLEHAMMER, lineOf, structural } from '../helpers.js';

function lillehammerWith(change: (doc: ReturnType<typeof exampleDoc>) => void): string {
  const doc = exampleDoc(LILLEHAMMER);
  change(doc);
  return doc.toString();
}

describe('aars-og-halvaarsrapport-2011 schema', () => {
  it('accepts the Lillehammer H1 2011 example as it stands', () => {
    const r = check(exampleText(LILLEHAMMER));
    expect(structural(r.diagnostics)).toEqual([]);
    expect(r.form?.id).toBe('aars-og-halvaarsrapport-2011');
  });

  it('keeps activities with sub-rows, a status without a percent and a table inside free text', () => {
    const r = check(exampleText(LILLEHAMMER));
    const data = r.data as any;
    const a7 = data.aktivitetsplan.aktiviteter.find((a: any) => a.nr === 7);
    expect(a7.status).toBe('i_gang');
    expect(a7.framdrift_prosent).toBeUndefined();
    expect(a7.delaktiviteter).toHaveLength(4);
    const table = data.programplan_status.find((b: any) => typeof b === 'object');
    expect(table.tabell.kolonner).toEqual(['Strategi', 'Dette oppnås ved å:', 'Resultatindikator 2015']);
    expect(table.tabell.rader).toHaveLength(4);
  });

  it("suggests the status code when the form's own word is typed", () => {
    const text = lillehammerWith((doc) => doc.setIn(['aktivitetsplan', 'aktiviteter', 2, 'status'], 'Under arbeid'));
    const [d] = check(text, 'nb').diagnostics;
    expect(d).toMatchObject({ ruleId: 'schema/enum', line: lineOf(text, 'status: Under arbeid') });
    expect(d!.hint).toContain('i_gang');

    const text2 = lillehammerWith((doc) => doc.setIn(['aktivitetsplan', 'aktiviteter', 0, 'status'], 'Gjennomført'));
    expect(check(text2).diagnostics[0]!.hint).toMatch(/^Did you mean "gjennomfort"\?/);
  });

  it('refuses a progress percent above 100 at the right sub-row', () => {
    const text = lillehammerWith((doc) => doc.setIn(['aktivitetsplan', 'aktiviteter', 1, 'delaktiviteter', 0, 'framdrift_prosent'], 120));
    const [d, ...rest] = check(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'schema/maximum', line: lineOf(text, 'framdrift_prosent: 120') });
    expect(d!.message).toContain('Status framdrift i prosent');
  });

  it('accepts a programme start known only to the month, and refuses month 13', () => {
    const ok = exampleText(LILLEHAMMER).replace('programstart: 2010-02-01', 'programstart: 2010-11');
    expect(structural(check(ok).diagnostics)).toEqual([]);
    const bad = exampleText(LILLEHAMMER).replace('programstart: 2010-02-01', 'programstart: 2010-13');
    expect(structural(check(bad).diagnostics).map((d) => d.ruleId)).toEqual(['schema/format']);
  });

  it('accepts a blank reporting date, phone and e-mail as null (as Halden left them)', () => {
    const text = lillehammerWith((doc) => {
      doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], null);
      doc.setIn(['generell_programinformasjon', 'telefon'], null);
      doc.setIn(['generell_programinformasjon', 'epost'], null);
    });
    expect(structural(check(text).diagnostics)).toEqual([]);
  });

  it('does not accept fields of the annual form', () => {
    const text = lillehammerWith((doc) => doc.setIn(['generell_programinformasjon', 'programansvarlig'], 'Kommunalsjef'));
    expect(structural(check(text).diagnostics).map((d) => d.ruleId)).toEqual(['schema/unknown-key']);
  });
});

describe('form identification', () => {
  it('asks for the form when skjema is missing, listing the known forms', () => {
    const [d] = check('generell_programinformasjon: {}\n').diagnostics;
    expect(d).toMatchObject({ ruleId: 'form/missing', line: 1, col: 1 });
    expect(d!.hint).toContain('aars-og-halvaarsrapport-2011');
    expect(d!.hint).toContain('aarsrapport-2012');
  });

  it('points at an unknown form and suggests the nearest', () => {
    const [d] = check('# kommentar\nskjema: arsrapport-2012\n', 'nb').diagnostics;
    expect(d).toMatchObject({ ruleId: 'form/unknown', line: 2, col: 9 });
    expect(d!.hint).toContain('Mente du «aarsrapport-2012»?');
  });

  it('says a file that is not a mapping is not a report', () => {
    expect(check('- a\n- b\n').diagnostics.map((d) => d.ruleId)).toEqual(['form/not-a-mapping']);
    expect(check('').diagnostics.map((d) => d.ruleId)).toEqual(['form/not-a-mapping']);
  });
});
