import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { check, exampleDoc, FORMS, GJOVIK, LILLEHAMMER, lineOf } from '../helpers.js';

const LARVIK = 'examples/larvik-aarsrapport-2011.yaml';
const SLUTT = 'examples/eksempelvik-sluttrapport-2014.yaml';
const PLAN = 'examples/eksempelvik-program-og-aktivitetsplan-2012.yaml';

type Change = (doc: Document) => void;

interface Case {
  rule: string;
  example: string;
  /** A change that makes the rule fire, and a needle on the line it must point at. */
  fire: Change;
  at: string;
  /** A change under which it must stay silent (default: none, the example as it is). */
  quiet?: Change;
  /** Words the message must contain, in English. */
  says?: string[];
}

const C1 = ['delmaal_c', 'c1_okonomiske_virkemidler'];
const C2 = ['delmaal_c', 'c2_kommunalt_disponerte_boliger'];
const A = ['hovedmaal', 'anskaffe_og_beholde_bolig', 'a_uten_eid_eller_leid_bolig'];
const INFO = ['generell_programinformasjon'];
const ACT = ['aktivitetsplan', 'aktiviteter'];
const GOALS = ['del2_aktivitetsplan', 'aktivitetsmaal'];
const FINANCING = ['del2_aktivitetsplan', 'finansieringsplan'];
const dropCover: Change = (doc) => doc.delete('forsidedato');
/** A value written in quotes, so that its line differs from the same value unquoted elsewhere. */
function quoted(doc: Document, value: string) {
  const node = doc.createNode(value);
  node.type = 'QUOTE_DOUBLE';
  return node;
}

const cases: Case[] = [
  { rule: 'ikke-utfylt', example: GJOVIK, fire: (d) => d.setIn([...INFO, 'programleder'], ''), at: 'programleder: ""' },
  {
    rule: 'rapporteringsaar-utenfor-skjema',
    example: GJOVIK,
    fire: (d) => {
      d.setIn([...INFO, 'rapporteringsaar'], 2016);
      d.setIn([...INFO, 'rapporteringsdato'], '2017-02-01');
      d.delete('forsidedato');
    },
    at: 'rapporteringsaar: 2016',
    says: ['2016', '2012–2014'],
  },
  {
    rule: 'programstart-etter-rapporteringsdato',
    example: LILLEHAMMER,
    fire: (d) => d.setIn([...INFO, 'programstart'], '2011-09'),
    at: 'programstart: 2011-09',
    says: ['september 2011', '30. august 2011'],
  },
  {
    rule: 'rapporteringsdato-for-periodeslutt',
    example: LILLEHAMMER,
    fire: (d) => d.setIn([...INFO, 'rapporteringsdato'], '2011-06-15'),
    at: 'rapporteringsdato: 2011-06-15',
    says: ['30. juni 2011'],
  },
  {
    rule: 'levert-etter-frist',
    example: GJOVIK,
    fire: (d) => d.setIn([...INFO, 'rapporteringsdato'], '2013-03-04'),
    at: 'rapporteringsdato: 2013-03-04',
    says: ['4 days after', '28. februar 2013'],
  },
  {
    rule: 'forsidedato-avviker',
    example: GJOVIK,
    fire: (d) => d.set('forsidedato', '2013-01-15'),
    at: 'forsidedato: 2013-01-15',
    quiet: dropCover,
    says: ['15. januar 2013', '18. februar 2013'],
  },
  { rule: 'plassholder', example: GJOVIK, fire: (d) => d.setIn([...INFO, 'programnavn'], 'Boligsosialt utviklingsprogram i XXX kommune'), at: 'XXX kommune', says: ['"XXX"'] },
  { rule: 'kommunenavn-uryddig', example: GJOVIK, fire: (d) => d.setIn([...INFO, 'kommune'], 'Gjøvik kommune..'), at: 'kommune: Gjøvik kommune..', says: ['"kommune"', '("..")'] },
  {
    rule: 'status-og-prosent-uenige',
    example: LILLEHAMMER,
    fire: (d) => {
      d.setIn([...ACT, 2, 'status'], 'gjennomfort');
      d.setIn([...ACT, 2, 'framdrift_prosent'], 42);
    },
    at: 'framdrift_prosent: 42',
    quiet: (d) => {
      d.setIn([...ACT, 1, 'delaktiviteter', 0, 'framdrift_prosent'], 100);
      d.setIn([...ACT, 1, 'delaktiviteter', 1, 'framdrift_prosent'], 100);
    },
    says: ['Activity 3', 'Gjennomført', '42 %'],
  },
  {
    rule: 'status-uten-prosent',
    example: LILLEHAMMER,
    fire: (d) => d.deleteIn([...ACT, 2, 'framdrift_prosent']),
    at: 'status: i_gang',
    quiet: (d) => {
      d.setIn([...ACT, 6, 'framdrift_prosent'], 50);
      d.setIn([...ACT, 6, 'delaktiviteter', 1, 'framdrift_prosent'], 50);
    },
    says: ['Activity 3'],
  },
  {
    rule: 'godt-eksempel-for-langt',
    example: LILLEHAMMER,
    fire: (d) => d.setIn(['formidling', 'gode_eksempler', 0, 'tekst'], 'Lang tekst. '.repeat(400)),
    at: '- tekst: |',
    says: ['4800 characters'],
  },
  { rule: 'ukjent-uten-forklaring', example: GJOVIK, fire: (d) => d.setIn([...C1, 'tilskudd_til_tilpasning'], null), at: 'tilskudd_til_tilpasning: null' },
  {
    rule: 'ubesvart-uten-grunn',
    example: GJOVIK,
    fire: (d) => d.setIn(['delmaal_a', 'a3_intern_kompetanseheving'], null),
    at: 'a3_intern_kompetanseheving: null',
    says: ['not answered'],
  },
  { rule: 'fastrente-over-fullfinansierte', example: GJOVIK, fire: (d) => d.setIn([...C1, 'herav_med_fastrente'], 51), at: 'herav_med_fastrente: 51', says: ['(51)', '(50)'] },
  {
    rule: 'fremskaffet-over-disponerte',
    example: GJOVIK,
    fire: (d) => {
      d.setIn([...C2, 'fremskaffet_med_boligtilskudd'], 600);
      d.setIn([...C2, 'fremskaffet_med_investeringstilskudd'], 400);
    },
    at: 'resultat: 930',
    says: ['1 000', '930'],
  },
  {
    rule: 'fordeling-sum',
    example: GJOVIK,
    fire: (d) => d.setIn([...C2, 'kommunalt_disponerte_boliger', 'fordeling', 2, 'antall'], 18),
    at: 'fordeling:',
    says: ['450 + 362 + 18 = 830', '930'],
  },
  { rule: 'resultat-avviker-fra-endring', example: GJOVIK, fire: (d) => d.setIn([...A, 'resultat'], 3), at: 'resultat: 3', says: ['+3', '7 − 8 = −1'] },
  {
    rule: 'negativt-resultat',
    example: GJOVIK,
    fire: (d) => d.setIn([...A, 'resultat'], -1),
    at: 'resultat: -1',
    quiet: (d) => {
      for (const r of ['a_uten_eid_eller_leid_bolig', 'b_fare_for_aa_miste_boligen', 'c_uegnet_bolig']) d.deleteIn(['hovedmaal', 'anskaffe_og_beholde_bolig', r, 'resultat']);
    },
    says: ['−1'],
  },
  { rule: 'tildelinger-over-soknader', example: GJOVIK, fire: (d) => d.setIn([...C2, 'nye_tildelinger'], 303), at: 'nye_tildelinger: 303', says: ['(303)', '(302)'] },
  {
    rule: 'barnefamilier-over-abc',
    example: GJOVIK,
    fire: (d) => {
      d.setIn(['hovedmaal', 'saerskilt_prioritert_omraade', 'status_behov_pr_0101'], 50);
    },
    at: 'status_behov_pr_0101: 50',
    quiet: (d) => d.setIn(['hovedmaal', 'saerskilt_prioritert_omraade', 'status_behov_pr_0101'], 49),
    says: ['(50)', '(49)'],
  },
  {
    rule: 'boligtilskudd-over-startlaan',
    example: GJOVIK,
    fire: (d) => d.setIn([...C1, 'boligkjop_med_startlaan_og_boligtilskudd'], 79),
    at: 'boligkjop_med_startlaan_og_boligtilskudd: 79',
    quiet: (d) => d.setIn([...C1, 'boligkjop_med_startlaan_og_boligtilskudd'], 78),
    says: ['(79)', '(78)'],
  },
  {
    rule: 'overgang-over-startlaan',
    example: GJOVIK,
    fire: (d) => d.setIn([...C1, 'overgang_fra_kommunal_til_eid_bolig', 'resultat'], 100),
    at: 'resultat: 100',
    says: ['(100)', '(78)'],
  },
  {
    rule: 'tabell-sum',
    example: LARVIK,
    fire: (d) =>
      d.setIn(
        ['kapitler', 1, 'tabeller'],
        [
          {
            kolonner: [{ tittel: 'År' }, { tittel: 'Kommune', type: 'tall' }, { tittel: 'Husbanken', type: 'tall' }, { tittel: 'SUM', type: 'sum' }],
            rader: [['2012', 150000, 100000, 240000]],
          },
        ],
      ),
    at: '- 240000',
    says: ['240 000', '250 000'],
  },
  {
    rule: 'tabell-celler',
    example: LARVIK,
    fire: (d) =>
      d.setIn(
        ['kapitler', 1, 'tabeller'],
        d.createNode([
          {
            kolonner: [{ tittel: 'År' }, { tittel: 'Startlån', type: 'tall' }],
            rader: [
              ['2010', 41],
              ['2011', '1 390'],
            ],
          },
        ]),
      ),
    at: '- 1 390',
    quiet: (d) =>
      d.setIn(
        ['kapitler', 1, 'tabeller'],
        d.createNode([
          {
            kolonner: [{ tittel: 'År' }, { tittel: 'Startlån', type: 'tall' }],
            rader: [
              ['2010', 41],
              ['2011', null],
            ],
          },
        ]),
      ),
    says: ['"Startlån"', '"1 390"'],
  },
  {
    rule: 'tallserie-aar-utenfor-programperioden',
    example: SLUTT,
    fire: (d) => d.setIn(['tallserier', 0, 'tall_per_aar', 5, 'aar'], 2016),
    at: 'aar: 2016',
    says: ['"Startlån"', '2016', '2009–2014'],
  },
  {
    rule: 'tallserie-aar-to-ganger',
    example: SLUTT,
    fire: (d) => {
      // Every series has 2013: a comment makes the line the rule must point at one of its own.
      const twice = d.createNode(2013);
      twice.comment = ' to ganger';
      d.setIn(['tallserier', 2, 'tall_per_aar', 5, 'aar'], twice);
    },
    at: 'aar: 2013 # to ganger',
    says: ['"Utkastelser"', '2013 twice'],
  },
  {
    rule: 'bostotte-stor-endring',
    example: GJOVIK,
    fire: (d) => d.setIn([...C1, 'bostottemottakere', 'desember'], 2200),
    at: 'desember: 2200',
    quiet: (d) => d.setIn([...C1, 'bostottemottakere', 'desember'], 2085),
    says: ['1 390', '2 200'],
  },
  {
    rule: 'plan-aktivitet-id-dobbel',
    example: PLAN,
    fire: (d) => d.setIn([...GOALS, 1, 'aktiviteter', 0, 'id'], quoted(d, 'A1')),
    at: 'id: "A1"',
    says: ['"A1"', 'activity goal A'],
  },
  { rule: 'plan-maal-id-dobbel', example: PLAN, fire: (d) => d.setIn([...GOALS, 1, 'id'], quoted(d, 'A')), at: '- id: "A"', says: ['"A"'] },
  {
    rule: 'planperiode-slutt-for-start',
    example: PLAN,
    fire: (d) => d.setIn([...INFO, 'planperiode', 'til'], '2011-11'),
    at: 'til: 2011-11',
    says: ['(november 2011)', '(2012)'],
  },
  { rule: 'plan-uten-aktiviteter', example: PLAN, fire: (d) => d.deleteIn(GOALS), at: 'del2_aktivitetsplan:', says: ['"aktiviteter"', '"aktivitetsmaal"'] },
  { rule: 'finansiering-sum-avviker', example: PLAN, fire: (d) => d.setIn([...FINANCING, 0, 'sum'], 240000), at: 'sum: 240000', says: ['2012', '240 000', '230 000'] },
  {
    rule: 'budsjett-og-finansieringsplan',
    example: PLAN,
    fire: (d) => d.setIn(['del2_aktivitetsplan', 'budsjett'], d.createNode([{ kilde: 'kommune', belop: 130000 }], { flow: true })),
    at: 'budsjett: [',
    says: ['"budsjett"', '"finansieringsplan"'],
  },
];

function ruleHits(example: string, change: Change | undefined, rule: string) {
  const doc = exampleDoc(example);
  change?.(doc);
  const text = doc.toString();
  const result = check(text, 'en');
  expect(result.schemaValid, `${rule}: the change must keep the report schema-valid`).toBe(true);
  return { text, hits: result.diagnostics.filter((d) => d.ruleId === rule) };
}

describe('rules', () => {
  it('has a case here for every rule', () => {
    expect(cases.map((c) => c.rule).sort()).toEqual([...new Set(FORMS.forms.flatMap((f) => f.rules.map((r) => r.id)))].sort());
  });

  for (const c of cases) {
    describe(c.rule, () => {
      it('fires where the problem is', () => {
        // On top of the quiet variant, so that only the change made here can fire.
        const { text, hits } = ruleHits(
          c.example,
          (doc) => {
            c.quiet?.(doc);
            c.fire(doc);
          },
          c.rule,
        );
        expect(hits).toHaveLength(1);
        const needle = c.at.endsWith('\n') ? c.at.slice(0, -1) : c.at;
        expect(hits[0]!.line).toBe(lineOf(text, needle));
        for (const word of c.says ?? []) if (word) expect(hits[0]!.message.replace(/\u00a0/g, ' ')).toContain(word);
      });

      it('stays silent when the data is consistent', () => {
        expect(ruleHits(c.example, c.quiet, c.rule).hits).toEqual([]);
      });
    });
  }

  it('never treats an unknown as 0: rules that need a missing number stay silent', () => {
    const { hits } = ruleHits(
      GJOVIK,
      (d) => {
        d.setIn([...C1, 'herav_med_fastrente'], { resultat: 99, kommentar: 'x' });
        d.setIn([...C1, 'fullfinansierte_boligkjop_med_startlaan'], { resultat: null, kommentar: 'ukjent' });
      },
      'fastrente-over-fullfinansierte',
    );
    expect(hits).toEqual([]);
  });

  it('accepts an unknown with its reason', () => {
    expect(
      ruleHits(GJOVIK, (d) => d.setIn([...C1, 'tilskudd_til_tilpasning'], { resultat: null, kommentar: 'Tallet er ikke tilgjengelig.' }), 'ukjent-uten-forklaring').hits,
    ).toEqual([]);
  });
});

describe('the examples', () => {
  it('Lillehammer: «Gjennomført» at 80 % and 95 % are warnings, and the report has no errors', () => {
    const r = check(exampleDoc(LILLEHAMMER).toString(), 'nb');
    const w3 = r.diagnostics.filter((d) => d.ruleId === 'status-og-prosent-uenige');
    expect(w3.map((d) => d.message)).toEqual([
      'Aktivitet 2.1: status «Gjennomført» passer ikke med framdrift 80 %.',
      'Aktivitet 2.2: status «Gjennomført» passer ikke med framdrift 95 %.',
    ]);
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
  });

  it('Gjøvik: the negative results and the template cover date are warned about, nothing is an error', () => {
    const r = check(exampleDoc(GJOVIK).toString());
    expect(r.diagnostics.map((d) => d.ruleId).sort()).toEqual(['forsidedato-avviker', 'negativt-resultat', 'negativt-resultat', 'negativt-resultat']);
  });
});
