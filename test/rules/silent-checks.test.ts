import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import type { Lang } from '../../src/messages/index.js';
import { check, exampleDoc, exampleForm, FORMS, GJOVIK, LILLEHAMMER, lineOf, only, runMain, tempTree } from '../helpers.js';

// Checks that used to stay silent (the issue «checks that stay silent»): each test shows what a user
// now sees, and where.

const DRAMMEN = 'examples/drammen-aarsrapport-2011.yaml';
const INFO = ['generell_programinformasjon'];

/** An example with one change, checked: its text and the findings of one rule. */
function hits(example: string, change: (doc: Document) => void, rule: string, lang: Lang = 'en') {
  const doc = exampleDoc(example);
  change(doc);
  const text = doc.toString();
  const result = check(text, lang);
  expect(result.schemaValid, 'the change must keep the report schema-valid').toBe(true);
  return { text, found: only(result.diagnostics, rule) };
}

describe('levert-etter-frist: the cover date stands in for a missing reporting date', () => {
  // Lillehammer's half-year report for 2011: deadline 31 August 2011.
  const undated = (cover: string) => (doc: Document) => {
    doc.setIn([...INFO, 'rapporteringsdato'], null);
    doc.set('forsidedato', cover);
  };

  it('warns at the cover date when it is after the deadline, and says why the cover date was used', () => {
    const { text, found } = hits(LILLEHAMMER, undated('2012-03-01'), 'levert-etter-frist');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      line: lineOf(text, 'forsidedato: 2012-03-01'),
      message: 'The report is dated 1. mars 2012 on its cover, 183 days after the deadline 31. august 2011. The reporting date is missing, so the cover date was used.',
    });
  });

  it('says the same in bokmål and nynorsk', () => {
    expect(hits(LILLEHAMMER, undated('2012-03-01'), 'levert-etter-frist', 'nb').found[0]!.message).toBe(
      'Rapporten er datert 1. mars 2012 på forsiden, 183 dager etter fristen 31. august 2011. Rapporteringsdatoen mangler, så datoen på forsiden er brukt.',
    );
    expect(hits(LILLEHAMMER, undated('2012-03-01'), 'levert-etter-frist', 'nn').found[0]!.message).toBe(
      'Rapporten er datert 1. mars 2012 på framsida, 183 dagar etter fristen 31. august 2011. Rapporteringsdatoen manglar, så datoen på framsida er brukt.',
    );
  });

  it('takes a cover that gives only the month as late when the month ends after the deadline, and says «up to»', () => {
    const { text, found } = hits(LILLEHAMMER, undated('2012-02'), 'levert-etter-frist');
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(text, 'forsidedato: 2012-02'));
    expect(found[0]!.message).toContain('dated februar 2012 on its cover, up to 182 days after the deadline 31. august 2011');
  });

  it('stays silent for a cover date on time, or a month that ends on the deadline', () => {
    expect(hits(LILLEHAMMER, undated('2011-08-31'), 'levert-etter-frist').found).toEqual([]);
    expect(hits(LILLEHAMMER, undated('2011-08'), 'levert-etter-frist').found).toEqual([]);
  });

  it('goes on using the reporting date when there is one, whatever the cover says', () => {
    const { text, found } = hits(
      LILLEHAMMER,
      (doc) => {
        doc.setIn([...INFO, 'rapporteringsdato'], '2011-09-02');
        doc.set('forsidedato', '2012-03-01');
      },
      'levert-etter-frist',
    );
    expect(found).toHaveLength(1);
    expect(found[0]!.line).toBe(lineOf(text, 'rapporteringsdato: 2011-09-02'));
    expect(found[0]!.message).toBe('The report was delivered on 2. september 2011, 2 days after the deadline 31. august 2011.');
    // A reporting date on time is not overruled by a late cover.
    expect(
      hits(
        LILLEHAMMER,
        (doc) => {
          doc.setIn([...INFO, 'rapporteringsdato'], '2011-08-30');
          doc.set('forsidedato', '2012-03-01');
        },
        'levert-etter-frist',
      ).found,
    ).toEqual([]);
  });
});

describe('kommunenavn-uryddig: the municipality name', () => {
  const kommune = (name: string) => (doc: Document) => doc.setIn([...INFO, 'kommune'], name);

  it('warns about «Gjøvik kommune..» at the name, and says what to write', () => {
    const { text, found } = hits(GJOVIK, kommune('Gjøvik kommune..'), 'kommunenavn-uryddig');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      severity: 'warning',
      line: lineOf(text, 'kommune: Gjøvik kommune..'),
      message: 'The municipality name "Gjøvik kommune.." has the word "kommune" and doubled punctuation ("..").',
      hint: 'Write only the name: "Gjøvik"; the form prints "kommune" itself.',
    });
    expect(hits(GJOVIK, kommune('Gjøvik kommune..'), 'kommunenavn-uryddig', 'nb').found[0]).toMatchObject({
      message: 'Kommunenavnet «Gjøvik kommune..» har ordet «kommune» og doble skilletegn («..»).',
      hint: 'Skriv bare navnet: «Gjøvik»; skjemaet skriver «kommune» selv.',
    });
    expect(hits(GJOVIK, kommune('Gjøvik kommune..'), 'kommunenavn-uryddig', 'nn').found[0]).toMatchObject({
      message: 'Kommunenamnet «Gjøvik kommune..» har ordet «kommune» og doble skiljeteikn («..»).',
      hint: 'Skriv berre namnet: «Gjøvik»; skjemaet skriv «kommune» sjølv.',
    });
  });

  it.each([
    ['Gjøvik kommune', 'the word "kommune"', 'Write only the name: "Gjøvik"; the form prints "kommune" itself.'],
    ['Kommune: Gjøvik', 'the word "kommune"', 'Write only the name: "Gjøvik"; the form prints "kommune" itself.'],
    ['GJØVIK KOMMUNE', 'the word "kommune"', 'Write only the name: "GJØVIK"; the form prints "kommune" itself.'],
    ['Gjøvik.', 'punctuation at the end (".")', 'Write the name without the extra characters: "Gjøvik".'],
    ['Gjøvik,.', 'doubled punctuation (",.")', 'Write the name without the extra characters: "Gjøvik".'],
  ])('warns about «%s»: %s', (name, says, hint) => {
    const { found } = hits(GJOVIK, kommune(name), 'kommunenavn-uryddig');
    expect(found).toHaveLength(1);
    expect(found[0]!.message).toContain(says);
    expect(found[0]!.hint).toBe(hint);
  });

  it('stays silent for a plain name, and leaves a template placeholder to the placeholder rule', () => {
    expect(hits(GJOVIK, () => {}, 'kommunenavn-uryddig').found).toEqual([]);
    expect(hits(GJOVIK, kommune('Nord-Odal'), 'kommunenavn-uryddig').found).toEqual([]);
    const doc = exampleDoc(GJOVIK);
    kommune('XXX kommune')(doc);
    const ids = check(doc.toString()).diagnostics.map((d) => d.ruleId);
    expect(ids).toContain('plassholder');
    expect(ids).not.toContain('kommunenavn-uryddig');
  });

  it('accepts «Drammen kommune» where the form asks for the name as it stands, but not its punctuation', () => {
    const field = ['formalia', 'kommunens_navn'];
    expect(hits(DRAMMEN, () => {}, 'kommunenavn-uryddig').found).toEqual([]);
    const { text, found } = hits(DRAMMEN, (doc) => doc.setIn(field, 'Drammen kommune..'), 'kommunenavn-uryddig');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      line: lineOf(text, 'kommunens_navn: Drammen kommune..'),
      message: 'The municipality name "Drammen kommune.." has doubled punctuation ("..").',
      hint: 'Write the name without the extra characters: "Drammen kommune".',
    });
  });

  it('is a rule of every form', () => {
    for (const form of FORMS.forms)
      expect(
        form.rules.map((r) => r.id),
        form.id,
      ).toContain('kommunenavn-uryddig');
  });
});

describe('filnavn-stemmer-ikke: what differs, in words', () => {
  /** Gjøvik's annual report 2012 with another municipality, filed where it is filed. */
  const gjovik = (kommune = 'Gjøvik') => {
    const doc = exampleDoc(GJOVIK);
    doc.setIn([...INFO, 'kommune'], kommune);
    return doc.toString();
  };

  async function x4(files: Record<string, string>, lang: Lang, target = 'rapporter') {
    const t = tempTree(files);
    try {
      const r = await runMain(['validate', target, '-f', 'json', '--lang', lang], { cwd: t.dir });
      return JSON.parse(r.stdout).filer.flatMap((f: { fil: string; diagnostikk: { ruleId: string; message: string; hint?: string }[] }) =>
        f.diagnostikk.filter((d) => d.ruleId === 'filnavn-stemmer-ikke').map((d) => ({ fil: f.fil, message: d.message, hint: d.hint })),
      ) as { fil: string; message: string; hint?: string }[];
    } finally {
      t.cleanup();
    }
  }

  it('names the folder against the municipality: «mappen heter gjovik, rapporten gjelder Hamar»', async () => {
    const files = { 'rapporter/gjovik/2012-aarsrapport.yaml': gjovik('Hamar') };
    expect((await x4(files, 'nb')).map((h) => h.message)).toEqual([
      'Filen rapporter/gjovik/2012-aarsrapport.yaml ligger eller heter ikke som rapporten den inneholder: mappen heter gjovik, rapporten gjelder Hamar.',
    ]);
    expect((await x4(files, 'nn'))[0]!.message).toBe(
      'Fila rapporter/gjovik/2012-aarsrapport.yaml ligg eller heiter ikkje som rapporten ho inneheld: mappa heiter gjovik, rapporten gjeld Hamar.',
    );
    expect((await x4(files, 'en'))[0]!.message).toBe(
      'The file rapporter/gjovik/2012-aarsrapport.yaml is not placed or named like the report it holds: the folder is named gjovik, the report is for Hamar.',
    );
  });

  it('names the year and the report type the file name gives against the report', async () => {
    const [hit] = await x4({ 'rapporter/gjovik/2013-halvaarsrapport.yaml': gjovik() }, 'nb');
    expect(hit!.message).toBe(
      'Filen rapporter/gjovik/2013-halvaarsrapport.yaml ligger eller heter ikke som rapporten den inneholder: filnavnet sier 2013, rapporten gjelder 2012; filnavnet sier halvaarsrapport, rapporttypen er aarsrapport.',
    );
    const [bare] = await x4({ 'rapporter/gjovik/rapport.yaml': gjovik() }, 'en');
    expect(bare!.message).toContain('the file name does not have the year 2012; the file name does not have the report type aarsrapport.');
  });

  it('lists in its hint the report types the forms define, a repository form’s too', async () => {
    const builtin = [...FORMS.types()].sort((a, b) => a.localeCompare(b));
    expect(builtin).toEqual(expect.arrayContaining(['aarsrapport', 'halvaarsrapport', 'sluttrapport']));
    const [hit] = await x4({ 'rapporter/gjovik/2012.yaml': gjovik() }, 'nb');
    expect(hit!.hint).toBe(`Oppsettet er rapporter/<kommune>/<år>-<${builtin.join('|')}>.yaml; flytt eller gi filen nytt navn, eller rett innholdet.`);

    const form = Object.fromEntries(Object.entries(exampleForm()).map(([name, text]) => [`skjemaer/statusnotat-2013/${name}`, text]));
    const [own] = await x4({ '.bosoreport.yaml': 'skjemaer:\n  - skjemaer/statusnotat-2013\n', ...form, 'rapporter/gjovik/2012.yaml': gjovik() }, 'en');
    expect(own!.hint).toContain([...builtin, 'statusnotat'].sort((a, b) => a.localeCompare(b)).join('|'));
  });
});

describe('the hint for a year written with its period', () => {
  /** Lillehammer's report on the combined form, with its own «periode» and the year written as text. */
  function yearHint(periode: string | undefined, year: string, example = LILLEHAMMER): string | undefined {
    const doc = exampleDoc(example);
    if (periode === undefined) doc.delete('periode');
    else doc.set('periode', periode);
    doc.setIn([...INFO, 'rapporteringsaar'], year);
    return check(doc.toString()).diagnostics.find((d) => d.ruleId === 'schema/type')?.hint;
  }

  it('does not ask an annual report to write «periode: forste_halvaar»', () => {
    // The report says it is the annual report; the year text says otherwise, and the hint goes by the report.
    expect(yearHint('hele_aaret', '2011 første halvår')).toBe(
      'Write only the year (2011) here; the period goes in the field "periode" (for example "periode: hele_aaret") where the form has it.',
    );
  });

  it('reads «1. og 2. halvår» as the whole year', () => {
    expect(yearHint('hele_aaret', '2011 1. og 2. halvår')).toContain('"periode: hele_aaret"');
    expect(yearHint('hele_aaret', '2011 første halvår og andre halvår')).toContain('"periode: hele_aaret"');
    // A form without «periode»: the year text alone says which.
    expect(yearHint(undefined, '2012 1. og 2. halvår', GJOVIK)).toContain('"periode: hele_aaret"');
  });

  it('under the old form id, the hint to rename goes by the year text too', () => {
    const doc = exampleDoc(LILLEHAMMER);
    doc.set('skjema', 'halvaarsrapport-2011');
    doc.delete('periode');
    doc.setIn([...INFO, 'rapporteringsaar'], '2011 2. halvår');
    const old = check(doc.toString()).diagnostics.find((d) => d.ruleId === 'form/old-id');
    expect(old?.hint).toContain('"periode: hele_aaret"');
    doc.setIn([...INFO, 'rapporteringsaar'], 2011);
    expect(check(doc.toString()).diagnostics.find((d) => d.ruleId === 'form/old-id')?.hint).toContain('"periode: forste_halvaar"');
  });

  it('still suggests the first half-year for a half-year report', () => {
    expect(yearHint('forste_halvaar', '2011 første halvår')).toContain('"periode: forste_halvaar"');
    expect(yearHint(undefined, '2012 1. halvår', GJOVIK)).toContain('"periode: forste_halvaar"');
  });
});

it('the examples stay as they were: none of these rules fires on them', async () => {
  const r = await runMain(['validate', 'examples/*.yaml', '-f', 'json']);
  const ids = JSON.parse(r.stdout).filer.flatMap((f: { diagnostikk: { ruleId: string }[] }) => f.diagnostikk.map((d) => d.ruleId));
  expect(ids.length).toBeGreaterThan(0);
  for (const rule of ['levert-etter-frist', 'kommunenavn-uryddig']) expect(ids).not.toContain(rule);
});
