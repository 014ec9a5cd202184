import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importableForms, importText } from '../../src/import/index.js';
import { pagesOfText } from '../../src/import/source.js';
import { FORMS, ROOT } from '../helpers.js';

const annual = importableForms(FORMS.forms).find((f) => f.form.id === 'aarsrapport-2012')!;
const gjovik = readFileSync(path.join(ROOT, 'test/fixtures/import/gjovik-aarsrapport-2012.txt'), 'utf8');
/** The Gjøvik report with one change, imported. */
const importChanged = (from: string, to: string) => {
  expect(gjovik).toContain(from);
  return importText(pagesOfText(gjovik.replace(from, to)), annual);
};
const valueAt = (r: ReturnType<typeof importChanged>, dotted: string) => r.values.find((v) => v.path.join('.') === dotted)?.value;
const openAt = (r: ReturnType<typeof importChanged>, dotted: string) => r.open.find((o) => o.path.join('.') === dotted);

describe('a figure goes in only where its place is unambiguous', () => {
  it("row B's cells empty: C's figures, which would fit B as well, go to neither", () => {
    const r = importChanged('4 11-7 Tallene har særlig', 'Tallene har særlig');
    expect(valueAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.b_fare_for_aa_miste_boligen.status_behov_pr_0101')).toBeUndefined();
    expect(valueAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.c_uegnet_bolig.status_behov_pr_0101')).toBeUndefined();
    expect(openAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.b_fare_for_aa_miste_boligen')?.why).toContain('23 30-7');
    // Row A, whose place is clear, is still read.
    expect(valueAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.a_uten_eid_eller_leid_bolig.status_behov_pr_3112')).toBe(8);
  });

  it('a row whose figures do not add up (7, 8 and −2) is left open with what stood there', () => {
    const r = importChanged('7 8-1 Tallene', '7 8-2 Tallene');
    expect(valueAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.a_uten_eid_eller_leid_bolig.status_behov_pr_0101')).toBeUndefined();
    expect(openAt(r, 'hovedmaal.anskaffe_og_beholde_bolig.a_uten_eid_eller_leid_bolig')?.why).toContain('7 8-2');
  });

  it('a date that is no day is left open and said, not turned into another day', () => {
    const r = importChanged('Rapporteringsdato:18.02.2013', 'Rapporteringsdato:31.02.2013');
    expect(valueAt(r, 'generell_programinformasjon.rapporteringsdato')).toBeUndefined();
    expect(openAt(r, 'generell_programinformasjon.rapporteringsdato')?.why).toContain('31.02.2013');
  });

  it('a label the source does not have leaves its field open, saying which line was looked for', () => {
    const r = importChanged('Antall nye søknader om kommunalt disponerte boliger 302', '302');
    expect(valueAt(r, 'delmaal_c.c2_kommunalt_disponerte_boliger.nye_soknader')).toBeUndefined();
    expect(openAt(r, 'delmaal_c.c2_kommunalt_disponerte_boliger.nye_soknader')?.why).toContain('fant ikke «Antall nye søknader');
  });
});
