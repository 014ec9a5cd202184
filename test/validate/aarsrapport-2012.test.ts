import { describe, expect, it } from 'vitest';
import { check, exampleDoc, exampleText, GJOVIK, lineOf, only, structural } from '../helpers.js';

/** The Gjøvik example with one change, as text, so positions can be checked against it. */
function gjovikWith(change: (doc: ReturnType<typeof exampleDoc>) => void): string {
  const doc = exampleDoc(GJOVIK);
  change(doc);
  return doc.toString();
}

describe('aarsrapport-2012 schema', () => {
  it('accepts the Gjøvik 2012 example as it stands', () => {
    const r = check(exampleText(GJOVIK));
    expect(structural(r.diagnostics)).toEqual([]);
    expect(r.form?.id).toBe('aarsrapport-2012');
    expect(r.schemaValid).toBe(true);
  });

  it('accepts unknown counts written as null, and rows written as a plain number', () => {
    const text = gjovikWith((doc) => {
      doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'samfinansierte_boligkjop'], null);
      doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig', 'status_behov_pr_3112'], null);
      doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'bostottemottakere', 'desember'], null);
    });
    expect(structural(check(text).diagnostics)).toEqual([]);
  });

  it('refuses "X" in a count and tells the user to write null, not 0', () => {
    const text = gjovikWith((doc) => doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'tilskudd_til_tilpasning'], 'X'));
    const [d, ...rest] = check(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'schema/type', line: lineOf(text, 'tilskudd_til_tilpasning: X'), col: 30 });
    expect(d!.message).toContain('Antall tilskudd til tilpasning');
    expect(d!.message).toContain('"X"');
    expect(d!.hint).toContain('null');
  });

  it('refuses a count typed with a thousands space and shows the number to write', () => {
    const text = gjovikWith((doc) => doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'bostottemottakere', 'januar'], '1 390'));
    const [d] = check(text, 'nb').diagnostics;
    expect(d).toMatchObject({ ruleId: 'schema/type', line: lineOf(text, 'januar: 1 390') });
    expect(d!.message).toBe('Januar: forventet et helt tall eller null (ukjent), fant teksten «1 390».');
    expect(d!.hint).toContain('1390');
  });

  it('refuses a negative need count but allows a negative reported result', () => {
    const text = gjovikWith((doc) => doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'b_fare_for_aa_miste_boligen', 'status_behov_pr_0101'], -4));
    const diagnostics = check(text).diagnostics;
    expect(diagnostics.map((d) => d.ruleId)).toEqual(['schema/minimum']);
    expect(diagnostics[0]!.message).toContain('Status behov pr. 01.01');
  });

  it('points an unknown key at the key and suggests the field that was meant', () => {
    const text = exampleText(GJOVIK).replace('  programansvarlig:', '  programansvalig:');
    const diagnostics = check(text).diagnostics;
    // The misspelt key is one problem, not also a separate "programansvarlig is missing".
    expect(diagnostics).toHaveLength(1);
    expect(diagnostics[0]).toMatchObject({ ruleId: 'schema/unknown-key', line: lineOf(text, 'programansvalig'), col: 3 });
    expect(diagnostics[0]!.hint).toBe('Did you mean "programansvarlig"?');
  });

  it('lists the known fields when an unknown key resembles none', () => {
    const text = gjovikWith((doc) => doc.setIn(['delmaal_a', 'budsjett'], 'x'));
    const [d] = only(check(text).diagnostics, 'schema/unknown-key');
    expect(d!.hint).toContain('a1_kunnskap_om_boligbehov');
  });

  it('points a missing required field at its parent', () => {
    const text = gjovikWith((doc) => doc.deleteIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_soknader']));
    const [d, ...rest] = check(text).diagnostics;
    expect(rest).toEqual([]);
    expect(d).toMatchObject({ ruleId: 'schema/required', line: lineOf(text, 'c2_kommunalt_disponerte_boliger:'), col: 3 });
    expect(d!.message).toContain('nye_soknader');
    expect(d!.message).toContain('Antall nye søknader om kommunalt disponerte boliger');
  });

  it('needs both months of the two-value bostøtte cell', () => {
    const text = gjovikWith((doc) => doc.deleteIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'bostottemottakere', 'desember']));
    expect(check(text).diagnostics.map((d) => [d.ruleId, d.message.includes('desember')])).toEqual([['schema/required', true]]);
  });

  it('checks that each part of a footnote breakdown has a count', () => {
    const text = gjovikWith((doc) => doc.deleteIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'kommunalt_disponerte_boliger', 'fordeling', 1, 'antall']));
    const [d] = check(text).diagnostics;
    expect(d).toMatchObject({ ruleId: 'schema/required', line: lineOf(text, '- del: NAV') });
  });

  it('converts a Norwegian date in the hint', () => {
    const text = exampleText(GJOVIK).replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013');
    const [d] = check(text, 'nb').diagnostics;
    expect(d).toMatchObject({ ruleId: 'schema/format', line: lineOf(text, 'rapporteringsdato:'), col: 22 });
    expect(d!.hint).toBe('Skriv datoen som ÅÅÅÅ-MM-DD: 2013-02-18.');
  });

  it('refuses a date that does not exist', () => {
    const text = exampleText(GJOVIK).replace('forsidedato: 2013-01-15', 'forsidedato: 2015-06-31');
    expect(check(text).diagnostics.map((d) => d.ruleId)).toEqual(['schema/format']);
  });

  it('treats a section left empty as a section to fill in, not a crash', () => {
    const text = gjovikWith((doc) => doc.setIn(['lokale_maal'], null));
    const [d] = check(text).diagnostics;
    expect(d).toMatchObject({ ruleId: 'schema/type', line: lineOf(text, 'lokale_maal:') });
    expect(d!.hint).toContain('indented');
  });
});
