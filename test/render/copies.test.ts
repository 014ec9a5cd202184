import { ADDED_WORDS as ADDED } from './added-words.js';
import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../src/render/html.js';
import type { Kopi } from '../../src/render/view.js';
import { loadTemplates } from '../../src/render/templates.js';
import { check, exampleDoc, exampleText, FORMS, GJOVIK, LILLEHAMMER, visibleText } from '../helpers.js';

/** One example per built-in form, and what bosoreport adds to that form's working copy (in its appendix). */
const EXAMPLES: Record<string, { file: string; added: string[] }> = {
  'aarsrapport-2012': {
    file: GJOVIK,
    added: [
      'Nedgang i behov 01.01.2012 − 31.12.2012 beregnet',
      'Sum A + B + C',
      'Nøkkeltall for C.1',
      'Levert 18. februar 2013: 10 dager før fristen',
      'Stemmer med oppgitt antall',
      'Kontrollmerknader',
      '<svg',
    ],
  },
  'aars-og-halvaarsrapport-2011': {
    file: LILLEHAMMER,
    added: ['Oppsummering av aktivitetene', 'Snitt av oppgitt framdrift', 'Levert 30. august 2011', 'Første halvår 2011', 'Kontrollmerknader', 'Merk: Aktivitet 2.1', '<svg'],
  },
  'region-sor-2011': { file: 'examples/drammen-aarsrapport-2011.yaml', added: ['er en foreløpig modell', 'fristen er antatt', 'Frist 28. februar 2012'] },
  'fritt-2009': { file: 'examples/larvik-aarsrapport-2011.yaml', added: ['Gjengitt av bosoreport', 'Frist 28. februar 2012'] },
  'program-og-aktivitetsplan-2012': {
    file: 'examples/eksempelvik-program-og-aktivitetsplan-2012.yaml',
    added: ['er en foreløpig modell', 'Sum alle år 190 000 150 000 340 000', 'Rapporten har ingen fast frist.'],
  },
  'sluttrapport-2015': {
    file: 'examples/eksempelvik-sluttrapport-2014.yaml',
    added: [
      'er en foreløpig modell',
      'malen sier «31. juni»',
      'Sluttrapporten leveres innen 30. juni 2015',
      'Sum A + B + C beregnet 134 88 +46',
      'Programperioden: 1. mars 2009 – 31. desember 2014',
    ],
  },
};

/** Words only bosoreport writes: none may be in the Husbanken copy's visible text. */
const ADDED_WORDS = [/Region (øst|sør)/, ...ADDED];
/** Markup only bosoreport's additions make. */
const ADDED_MARKUP = ['<svg', 'class="flagg', 'beregnet"', 'merke-beregnet', 'tegnforklaring', '<footer'];

const templates = loadTemplates();
const render = (file: string, kopi: Kopi) => renderHtml(check(exampleText(file), 'nb', file), templates, { kopi });

describe('the Husbanken copy and the working copy', () => {
  it('have an example for every built-in form', () => {
    expect(Object.keys(EXAMPLES).sort()).toEqual(FORMS.forms.map((f) => f.id).sort());
  });

  for (const [id, { file, added }] of Object.entries(EXAMPLES)) {
    describe(id, () => {
      const husbanken = render(file, 'husbanken');
      const arbeid = render(file, 'arbeidskopi');

      it('Husbanken copy: the form and the answers, none of what bosoreport adds', () => {
        const text = visibleText(husbanken);
        for (const word of ADDED_WORDS) expect(text, String(word)).not.toMatch(word);
        const body = husbanken.replace(/<head>[\s\S]*?<\/head>/, '').replace(/<script[\s\S]*?<\/script>/g, '');
        for (const mark of ADDED_MARKUP) expect(body, mark).not.toContain(mark);
      });

      it("working copy: bosoreport's additions in its appendix, after the form", () => {
        const [form, appendix] = arbeid.split('<h2 id="tillegg" class="tillegg">Tillegg fra bosoreport: kontroller og utregnede tall</h2>');
        expect(appendix, 'the appendix').toBeDefined();
        const text = visibleText(appendix!);
        for (const word of added) expect(word.startsWith('<') ? appendix : text, word).toContain(word);
        expect(text).toContain('Laget med bosoreport');
        expect(visibleText(form!)).not.toContain('beregnet');
      });

      it("working copy: the form is the Husbanken copy's, with only bosoreport's labelled flags and the marks of empty answers besides", () => {
        const formOf = (html: string) =>
          html
            .slice(html.indexOf('<body>'), html.search(/<section class="tillegg"|<\/main>/))
            .replace(/<tr class="flaggrad">[\s\S]*?<\/tr>/g, '')
            .replace(/<span class="flagg flagg-\w+"><span class="kilde">bosoreport:<\/span>[^<]*<\/span>/g, '')
            .replace(/<span class="ukjent( ubesvart)?">(ukjent|ikke besvart)<\/span>/g, '')
            .replace(/<span class="nr delnr">[^<]*<\/span>/g, '')
            .replace(/<tr class="merknadrad">[\s\S]*?<\/tr>/g, '')
            .replace(/\s+/g, ' ');
        expect(formOf(arbeid)).toBe(formOf(husbanken));
      });

      it('both: the embedded data of the report', () => {
        for (const page of [husbanken, arbeid]) {
          const data = JSON.parse(/<script type="application\/json" id="bosoreport-data">([\s\S]*?)<\/script>/.exec(page)![1]!);
          expect(data.skjema.id).toBe(id);
        }
      });
    });
  }

  it('an answer left empty is an empty cell in the Husbanken copy, and «ukjent» (null) or «ikke besvart» (left out) in the working copy', () => {
    const row = (html: string) => /Antall barnefamilier med boligbehov[\s\S]*?<\/tr>/.exec(html)![0];
    const cells = (html: string) => [...row(html).matchAll(/<td class="tall">([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!).trim());
    expect(cells(render(GJOVIK, 'husbanken'))).toEqual(['', '', '']);
    // The result is not given at all: not answered, which the working copy says.
    expect(cells(render(GJOVIK, 'arbeidskopi'))).toEqual(['ukjent', 'ukjent', 'ikke besvart']);
  });

  it('a header field written null is «ukjent» in the working copy, empty on the form; the header «Merknad» is in the working copy only', () => {
    const slutt = 'examples/eksempelvik-sluttrapport-2014.yaml';
    const telefon = (html: string) => visibleText(/<th scope="row">Telefon:<\/th><td>([\s\S]*?)<\/td>/.exec(html)![1]!).trim();
    expect(telefon(render(slutt, 'arbeidskopi'))).toBe('ukjent');
    expect(telefon(render(slutt, 'husbanken'))).toBe('');
    const larvik = 'examples/larvik-aarsrapport-2011.yaml';
    expect(visibleText(render(larvik, 'arbeidskopi'))).toContain('Merknad (ikke i skjemaet)');
    expect(visibleText(render(larvik, 'husbanken'))).not.toMatch(/Merknad|Notatet har ikke skjemaets felt/);
  });

  it('an unknown figure anywhere in the form, in a cell no template guards (a part of the breakdown), is empty in the Husbanken copy', () => {
    const text = exampleText(GJOVIK).replace('          antall: 362', '          antall: null');
    const result = check(text, 'nb', GJOVIK);
    expect(result.schemaValid).toBe(true);
    expect(visibleText(renderHtml(result, templates, { kopi: 'husbanken' }))).not.toContain('ukjent');
    expect(visibleText(renderHtml(result, templates, { kopi: 'arbeidskopi' }))).toMatch(/NAV:? ukjent/);
  });

  it('a need table a template shows without del (as kapittel in fritt-2009 does): figures inside it in the working copy only', () => {
    const doc = exampleDoc(EXAMPLES['fritt-2009']!.file);
    const row = (a: number, b: number) => ({ status_behov_pr_0101: a, status_behov_pr_3112: b });
    doc.setIn(['kapitler', 0, 'behov'], doc.createNode({ a_uten_eid_eller_leid_bolig: row(5, 3), b_fare_for_aa_miste_boligen: row(4, 4), c_uegnet_bolig: row(9, 6) }));
    const result = check(doc.toString(), 'nb', 'larvik.yaml');
    expect(result.schemaValid).toBe(true);
    const [arbeid, husbanken] = (['arbeidskopi', 'husbanken'] as const).map((kopi) => visibleText(renderHtml(result, templates, { kopi })));
    expect(arbeid).toMatch(/Sum A \+ B \+ C beregnet 18 13 \+5/);
    expect(husbanken).toContain('Status behov pr. 01.01.2011');
    expect(husbanken).not.toMatch(/beregnet|Sum A|Endring/);
  });

  it("the final report's deadline in the form's own words in the Husbanken copy", () => {
    const text = visibleText(render(EXAMPLES['sluttrapport-2015']!.file, 'husbanken'));
    expect(text).toContain('Frist: Leveres innen 31. juni for pulje 1 kommunene.');
  });
});
