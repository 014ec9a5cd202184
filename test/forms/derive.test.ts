import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import fc from 'fast-check';
import { parse as parseYaml } from 'yaml';
import { describe, expect, it } from 'vitest';
import { loadFormFolder } from '../../src/forms/folder.js';
import { needTable, type Aarsrapport2012Figures } from '../../src/forms/aarsrapport-2012/derive.js';
import { SHARED_FIGURE_KEYS, type CommonFigures } from '../../src/parts/shared-figures.js';
import { daysBetween, DEFAULT_DEADLINES, periodFacts } from '../../src/parts/period.js';
import { check, exampleDoc, exampleForm, exampleText, FORMS, fuzzOptions, GJOVIK, LILLEHAMMER, ROOT, tempTree } from '../helpers.js';

function gjovikFigures(change?: (doc: ReturnType<typeof exampleDoc>) => void): Aarsrapport2012Figures {
  const doc = exampleDoc(GJOVIK);
  change?.(doc);
  const r = check(doc.toString());
  expect(r.schemaValid).toBe(true);
  return r.figures as Aarsrapport2012Figures;
}

describe('annual report figures (Gjøvik 2012)', () => {
  const f = gjovikFigures();
  const behov = needTable(f);

  it('computes the change per need row as 01.01 − 31.12 and keeps the reported result beside it', () => {
    expect(behov.rader.a_uten_eid_eller_leid_bolig).toEqual({ pr_0101: 7, pr_3112: 8, endring: -1, resultat_rapportert: -1, resultat_avviker: false });
    expect(behov.rader.b_fare_for_aa_miste_boligen.endring).toBe(-7);
    expect(behov.rader.c_uegnet_bolig.endring).toBe(-7);
  });

  it('totals A+B+C: 34 → 49, change −15', () => {
    expect(behov.sum).toEqual({ pr_0101: 34, pr_3112: 49, endring: -15 });
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
    expect(behov.dato_0101).toBe('2012-01-01');
    expect(behov.dato_3112).toBe('2012-12-31');
    expect(f.periode).toMatchObject({ frist: '2013-02-28', rapporteringsdato: '2013-02-18', dager_til_frist: 10, levert: 'i_tide' });
  });

  it('never counts an unknown as 0: one unknown makes the change and the total unknown', () => {
    const u = gjovikFigures((doc) => doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'b_fare_for_aa_miste_boligen', 'status_behov_pr_3112'], null));
    expect(needTable(u).rader.b_fare_for_aa_miste_boligen.endring).toBeNull();
    expect(needTable(u).sum).toEqual({ pr_0101: 34, pr_3112: null, endring: null });
    expect(needTable(u).rader.a_uten_eid_eller_leid_bolig.endring).toBe(-1);
  });

  it('leaves a ratio unknown when a part is unknown or the denominator is 0', () => {
    expect(gjovikFigures((doc) => doc.setIn(['delmaal_c', 'c2_kommunalt_disponerte_boliger', 'nye_soknader'], null)).tildelingsrate.andel).toBeNull();
    expect(gjovikFigures((doc) => doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'fullfinansierte_boligkjop_med_startlaan'], 0)).fastrenteandel.andel).toBeNull();
  });

  it('gives no share above 100 % when the part is larger than its whole (a rule reports that instead)', () => {
    const f = gjovikFigures((doc) => doc.setIn(['delmaal_c', 'c1_okonomiske_virkemidler', 'herav_med_fastrente'], 55));
    expect(f.fastrenteandel).toEqual({ teller: 55, nevner: 50, andel: null });
  });

  it('flags a reported result that differs from the change, and omits one that was not reported', () => {
    const g = gjovikFigures((doc) => {
      doc.setIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig', 'resultat'], 5);
      doc.deleteIn(['hovedmaal', 'anskaffe_og_beholde_bolig', 'c_uegnet_bolig', 'resultat']);
    });
    expect(needTable(g).rader.a_uten_eid_eller_leid_bolig).toMatchObject({ endring: -1, resultat_rapportert: 5, resultat_avviker: true });
    expect(needTable(g).rader.c_uegnet_bolig).not.toHaveProperty('resultat_rapportert');
    expect(needTable(g).rader.c_uegnet_bolig.resultat_avviker).toBeNull();
  });
});

describe('half-year report figures (Lillehammer H1 2011)', () => {
  const f = check(exampleText(LILLEHAMMER)).figures as CommonFigures;
  const aktiviteter = f.aktivitetstabeller!['/aktivitetsplan/aktiviteter']!;

  it('counts rows per status and averages the percents that are stated', () => {
    expect(aktiviteter.per_status).toEqual({ gjennomfort: 6, delvis_gjennomfort: 1, i_gang: 4, paa_vent: 1, ikke_startet: 2, ikke_gjennomfort: 1, uten_status: 2 });
    expect(aktiviteter.rader_med_prosent).toBe(12);
    expect(aktiviteter.snitt_framdrift).toBe(65);
    expect(aktiviteter.median_framdrift).toBe(85);
  });

  it('lists the rows with a deviation', () => {
    expect(aktiviteter.med_avvik.map((d) => [d.nr, d.delrad])).toEqual([
      [2, 0],
      [2, 1],
      [3, null],
      [4, null],
    ]);
  });

  it('uses the half-year deadline 31.08', () => {
    expect(f.periode).toMatchObject({ fra: '2011-01-01', til: '2011-06-30', frist: '2011-08-31', dager_til_frist: 1, levert: 'i_tide' });
  });
});

describe('period facts', () => {
  it('counts days late as negative and an unknown delivery date as unknown', () => {
    expect(periodFacts({ kind: 'aar', frist: DEFAULT_DEADLINES.aar }, 2012, '2013-03-05', undefined)).toMatchObject({
      dager_til_frist: -5,
      levert: 'for_sent',
      forsidedato: '2013-03-05',
    });
    expect(periodFacts({ kind: 'halvaar', frist: DEFAULT_DEADLINES.halvaar }, 2012, null, '2013-03-01')).toMatchObject({
      dager_til_frist: null,
      levert: 'ukjent',
      forsidedato: '2013-03-01',
    });
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

describe("the figures of every form: the period and the shared parts under one name, the form's own beside them", () => {
  const examples = readdirSync(path.join(ROOT, 'examples'))
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => `examples/${f}`);

  it.each(examples)('%s', (file) => {
    const r = check(exampleText(file), 'en', file);
    const figures = r.figures as Record<string, unknown>;
    const own = path.join(ROOT, 'src/forms', r.form!.id, 'beregnet.schema.json');
    const ownNames = existsSync(own) ? Object.keys((JSON.parse(readFileSync(own, 'utf8')) as { properties: object }).properties) : [];
    // A shared name in a form's own figures would be a collision; the schema of its own figures is checked by the build too.
    expect(ownNames.filter((n) => (SHARED_FIGURE_KEYS as readonly string[]).includes(n))).toEqual([]);
    expect(Object.keys(figures).sort()).toEqual([...SHARED_FIGURE_KEYS.filter((k) => k in figures), ...ownNames].sort());
    for (const table of Object.values((figures.behovstabeller ?? {}) as Record<string, { dato_3112: string }>))
      expect(table.dato_3112).toBe(`${(figures as unknown as CommonFigures).periode.aar}-12-31`);
  });

  it("puts the half-year report's activities and the annual report's need table where every other form has them", () => {
    expect(Object.keys(check(exampleText(LILLEHAMMER)).figures as object)).toEqual(['periode', 'aktivitetstabeller']);
    expect(Object.keys((check(exampleText(GJOVIK)).figures as CommonFigures).behovstabeller!)).toEqual(['/hovedmaal/anskaffe_og_beholde_bolig']);
  });

  it("starts a need table at the period's first 01.01: the programme start for a final report, the report year when it is unknown", () => {
    const file = 'examples/eksempelvik-sluttrapport-2014.yaml';
    const table = (text: string) => (check(text, 'en', file).figures as CommonFigures).behovstabeller!['/hovedmaal/anskaffe_og_beholde_bolig']!;
    expect(table(exampleText(file))).toMatchObject({ dato_0101: '2009-01-01', dato_3112: '2014-12-31' });
    expect(table(exampleText(file).replace('programstart: 2009-03', 'programstart: null'))).toMatchObject({ dato_0101: '2014-01-01', dato_3112: '2014-12-31' });
  });

  it('every built-in form declares only its own figures for the overview, each a path its examples have', () => {
    for (const form of FORMS.forms) {
      for (const theme of form.overview)
        for (const f of theme.figures) expect(SHARED_FIGURE_KEYS as readonly unknown[], `${form.id}: ${theme.id}.${f.id}`).not.toContain(f.path[0]);
    }
  });
});

describe("a form's own derive", () => {
  const REPORT = exampleText('examples/forms/eksempelvik-2013-statusnotat.yaml');
  async function formWith(derive: string) {
    const files = exampleForm();
    files['form.mjs'] = files['form.mjs']!.replace(/export function derive[\s\S]*?\n}\n/, `export function derive(data, shared) {\n  ${derive}\n}\n`);
    const t = tempTree(files);
    try {
      const loaded = await loadFormFolder(t.dir, 'repository', 'en');
      expect(loaded.diagnostics).toEqual([]);
      return loaded.form!;
    } finally {
      t.cleanup();
    }
  }
  const data = parseYaml(REPORT);

  it('may hand the shared figures on unchanged (as forms written before the rule do): they are the shared ones', async () => {
    const form = await formWith('return { ...shared, egen: 1 };');
    const figures = form.derive(data) as Record<string, unknown>;
    expect(Object.keys(figures)).toEqual(['periode', 'behovstabeller', 'aktivitetstabeller', 'egen']);
  });

  it.each([
    ['behovstabeller', 'return { behovstabeller: {} };'],
    ['aktivitetstabeller', 'return { ...shared, aktivitetstabeller: { ...shared.aktivitetstabeller } };'],
    ['periode', 'return { periode: null };'],
  ])('may not return its own "%s"', async (name, derive) => {
    const form = await formWith(derive);
    expect(() => form.derive(data)).toThrow(new RegExp(`derive returned "${name}", which bosoreport computes itself`));
  });
});
