import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Aarsrapport2012Figures } from '../../src/forms/aarsrapport-2012/derive.js';
import type { Halvaarsrapport2011Figures } from '../../src/forms/halvaarsrapport-2011/derive.js';
import { daysBetween, DEFAULT_DEADLINES, periodFacts } from '../../src/parts/period.js';
import { check, exampleDoc, exampleText, fuzzOptions, GJOVIK, LILLEHAMMER } from '../helpers.js';

function gjovikFigures(change?: (doc: ReturnType<typeof exampleDoc>) => void): Aarsrapport2012Figures {
  const doc = exampleDoc(GJOVIK);
  change?.(doc);
  const r = check(doc.toString());
  expect(r.schemaValid).toBe(true);
  return r.figures as Aarsrapport2012Figures;
}

describe('annual report figures (Gjøvik 2012)', () => {
  const f = gjovikFigures();

  it('computes the change per need row as 01.01 − 31.12 and keeps the reported result beside it', () => {
    expect(f.behov.rader.a_uten_eid_eller_leid_bolig).toEqual({ pr_0101: 7, pr_3112: 8, endring: -1, resultat_rapportert: -1, resultat_avviker: false });
    expect(f.behov.rader.b_fare_for_aa_miste_boligen.endring).toBe(-7);
    expect(f.behov.rader.c_uegnet_bolig.endring).toBe(-7);
  });

  it('totals A+B+C: 34 → 49, change −15', () => {
    expect(f.behov.sum).toEqual({ pr_0101: 34, pr_3112: 49, endring: -15 });
  });

  it('computes the ratios from their parts: fixed rate 33/50, allocation 116/302, bostøtte +65', () => {
    expect(f.fastrenteandel).toEqual({ teller: 33, nevner: 50, andel: 0.66 });
    expect(f.tildelingsrate.teller).toBe(116);
    expect(f.tildelingsrate.nevner).toBe(302);
    expect(f.tildelingsrate.andel).toBeCloseTo(0.3841, 4);
    expect(f.bostotte).toMatchObject({ januar: 1390, desember: 1455, endring: 65 });
  });

  it('checks the footnote breakdown 450 + 362 + 118 against 930', () => {
    expect(f.kommunalt_disponerte_boliger_fordeling).toEqual({ oppgitt: 930, sum_av_deler: 930, differanse: 0 });
  });

  it('dates the priority area to the next year and keeps its unknown figures unknown', () => {
    expect(f.saerskilt_prioritert_omraade).toMatchObject({ aar: 2013, dato_0101: '2013-01-01', pr_0101: null, pr_3112: null, endring: null });
  });

  it('sets the column dates and deadline from the report year', () => {
    expect(f.behov.dato_0101).toBe('2012-01-01');
    expect(f.behov.dato_3112).toBe('2012-12-31');
    expect(f.periode).toMatchObject({ frist: '2013-02-28', rapporteringsdato: '2013-02-18', dager_til_frist: 10, levert: 'i_tide' });
  });

  it('never counts an unknown as 0: one unknown makes the change and the total unknown', () => {
    const u = gjovikFigures((doc) => doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'b_fare_for_aa_miste_boligen', 'status_behov_pr_3112'], null));
    expect(u.behov.rader.b_fare_for_aa_miste_boligen.endring).toBeNull();
    expect(u.behov.sum).toEqual({ pr_0101: 34, pr_3112: null, endring: null });
    expect(u.behov.rader.a_uten_eid_eller_leid_bolig.endring).toBe(-1);
  });

  it('leaves a ratio unknown when a part is unknown or the denominator is 0', () => {
    expect(gjovikFigures((doc) => doc.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_soknader'], null)).tildelingsrate.andel).toBeNull();
    expect(gjovikFigures((doc) => doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'fullfinansierte_boligkjop_med_startlaan'], 0)).fastrenteandel.andel).toBeNull();
  });

  it('flags a reported result that differs from the change, and omits one that was not reported', () => {
    const g = gjovikFigures((doc) => {
      doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig', 'resultat'], 5);
      doc.deleteIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'c_uegnet_bolig', 'resultat']);
    });
    expect(g.behov.rader.a_uten_eid_eller_leid_bolig).toMatchObject({ endring: -1, resultat_rapportert: 5, resultat_avviker: true });
    expect(g.behov.rader.c_uegnet_bolig).not.toHaveProperty('resultat_rapportert');
    expect(g.behov.rader.c_uegnet_bolig.resultat_avviker).toBeNull();
  });
});

describe('half-year report figures (Lillehammer H1 2011)', () => {
  const f = check(exampleText(LILLEHAMMER)).figures as Halvaarsrapport2011Figures;

  it('counts rows per status and averages the percents that are stated', () => {
    expect(f.aktiviteter.per_status).toEqual({ gjennomfort: 6, delvis_gjennomfort: 1, i_gang: 4, paa_vent: 1, ikke_startet: 2, ikke_gjennomfort: 1, uten_status: 2 });
    expect(f.aktiviteter.rader_med_prosent).toBe(12);
    expect(f.aktiviteter.snitt_framdrift).toBe(65);
    expect(f.aktiviteter.median_framdrift).toBe(85);
  });

  it('lists the rows with a deviation', () => {
    expect(f.aktiviteter.med_avvik.map((d) => [d.nr, d.delrad])).toEqual([[2, 0], [2, 1], [3, null], [4, null]]);
  });

  it('uses the half-year deadline 31.08', () => {
    expect(f.periode).toMatchObject({ fra: '2011-01-01', til: '2011-06-30', frist: '2011-08-31', dager_til_frist: 1, levert: 'i_tide' });
  });
});

describe('period facts', () => {
  it('counts days late as negative and an unknown delivery date as unknown', () => {
    expect(periodFacts({ kind: 'aar', frist: DEFAULT_DEADLINES.aar }, 2012, '2013-03-05', undefined)).toMatchObject({ dager_til_frist: -5, levert: 'for_sent', forsidedato: '2013-03-05' });
    expect(periodFacts({ kind: 'halvaar', frist: DEFAULT_DEADLINES.halvaar }, 2012, null, '2013-03-01')).toMatchObject({ dager_til_frist: null, levert: 'ukjent', forsidedato: '2013-03-01' });
  });

  it('counts days across years, leap days and centuries as the calendar does', () => {
    const day = fc.date({ min: new Date(Date.UTC(1900, 0, 1)), max: new Date(Date.UTC(2100, 11, 31)), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    fc.assert(
      fc.property(day, day, (a, b) => {
        expect(daysBetween(a, b)).toBe(Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000));
      }),
      fuzzOptions(),
    );
    expect(daysBetween('2012-02-28', '2012-03-01')).toBe(2);
    expect(daysBetween('2013-02-18', '2013-02-28')).toBe(10);
  });
});
