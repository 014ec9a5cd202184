import { formatInteger, formatPercent } from '../../format/norwegian.js';
import type { DataPath } from '../../load/positions.js';
import { countPath } from '../../parts/data.js';
import type { Rule } from '../../rules/types.js';
import { samePath } from '../../rules/runner.js';
import { countOf, type Count } from '../../parts/data.js';
import { sum } from '../../parts/figures.js';
import type { Aarsrapport2012 } from './data.js';
import { needTable, type Aarsrapport2012Figures } from './derive.js';

type AarRule = Rule<Aarsrapport2012, Aarsrapport2012Figures>;

const SPECIAL: DataPath = ['hovedmaal', 'saerskilt_prioritert_omraade'];
const C1: DataPath = ['delmaal_c', 'c1_okonomiske_virkemidler'];
const C2: DataPath = ['delmaal_c', 'c2_kommunalt_disponerte_boliger'];

function n(v: Count): string {
  return v === null ? '?' : formatInteger(v);
}

/**
 * A rule of the form «this figure is part of that one, so it cannot be larger». Silent when either
 * figure is unknown: an unknown is never compared as if it were 0.
 */
function atMost(
  id: string,
  code: string,
  severity: AarRule['severity'],
  part: (d: Aarsrapport2012) => Count,
  whole: (d: Aarsrapport2012) => Count,
  at: (d: Aarsrapport2012) => DataPath,
  names: [string, string],
  messages: AarRule['messages'],
  /** Where the part and its whole stand, when each is one figure: a «%» in the part is read against the whole. */
  figures?: { part: DataPath; whole: DataPath },
): AarRule {
  return {
    id,
    code,
    severity,
    messages,
    ...(figures ? { wholeOf: (p: DataPath) => (samePath(p, figures.part) || samePath(p, [...figures.part, 'resultat']) ? figures.whole : undefined) } : {}),
    check: ({ data }) => {
      const a = part(data);
      const b = whole(data);
      if (a === null || b === null || a <= b) return [];
      return [{ path: at(data), params: { [names[0]]: n(a), [names[1]]: n(b) } }];
    },
  };
}

const c1 = (d: Aarsrapport2012) => d.delmaal_c.c1_okonomiske_virkemidler;
const c2 = (d: Aarsrapport2012) => d.delmaal_c.c2_kommunalt_disponerte_boliger;
/** Fully financed + jointly financed: every purchase with startlån. */
const allStartlaan = (d: Aarsrapport2012) => sum([countOf(c1(d).fullfinansierte_boligkjop_med_startlaan).value, countOf(c1(d).samfinansierte_boligkjop).value]);

/** E2: «Herav antall med fastrente» is part of the fully financed purchases. */
export const fastrenteOverFullfinansierte = atMost(
  'fastrente-over-fullfinansierte',
  'E2',
  'error',
  (d) => countOf(c1(d).herav_med_fastrente).value,
  (d) => countOf(c1(d).fullfinansierte_boligkjop_med_startlaan).value,
  (d) => countPath(c1(d).herav_med_fastrente, [...C1, 'herav_med_fastrente']),
  ['herav', 'total'],
  {
    nb: {
      message: (p) => `«Herav antall med fastrente» (${p.herav}) er større enn antall fullfinansierte boligkjøp med startlån (${p.total}).`,
      about: 'Herav med fastrente er en del av de fullfinansierte boligkjøpene.',
    },
    nn: {
      message: (p) => `«Herav antall med fastrente» (${p.herav}) er større enn talet på fullfinansierte bustadkjøp med startlån (${p.total}).`,
      about: 'Herav med fastrente er ein del av dei fullfinansierte bustadkjøpa.',
    },
    en: {
      message: (p) => `"Herav antall med fastrente" (${p.herav}) is greater than the fully financed startlån purchases (${p.total}).`,
      about: 'Fixed-rate loans are a part of the fully financed purchases.',
    },
  },
  { part: [...C1, 'herav_med_fastrente'], whole: [...C1, 'fullfinansierte_boligkjop_med_startlaan'] },
);

/** E4: newly provided homes are among the homes the municipality disposes of. */
export const fremskaffetOverDisponerte = atMost(
  'fremskaffet-over-disponerte',
  'E4',
  'error',
  (d) => sum([countOf(c2(d).fremskaffet_med_boligtilskudd).value, countOf(c2(d).fremskaffet_med_investeringstilskudd).value]),
  (d) => countOf(c2(d).kommunalt_disponerte_boliger).value,
  (d) => countPath(c2(d).kommunalt_disponerte_boliger, [...C2, 'kommunalt_disponerte_boliger']),
  ['fremskaffet', 'disponerte'],
  {
    nb: {
      message: (p) => `Fremskaffede boliger med tilsagn (${p.fremskaffet}) er flere enn kommunalt disponerte boliger (${p.disponerte}).`,
      about: 'Fremskaffede boliger med bolig- og investeringstilskudd er en del av de kommunalt disponerte boligene.',
    },
    nn: {
      message: (p) => `Framskaffa bustader med tilsegn (${p.fremskaffet}) er fleire enn kommunalt disponerte bustader (${p.disponerte}).`,
      about: 'Bustader framskaffa med bustad- og investeringstilskot er ein del av dei kommunalt disponerte bustadene.',
    },
    en: {
      message: (p) => `Newly provided homes with grants (${p.fremskaffet}) outnumber the municipally disposed homes (${p.disponerte}).`,
      about: 'Homes provided with housing and investment grants are a part of the municipally disposed homes.',
    },
  },
);

/** W4: more new allocations than new applications is possible (backlog) but worth a look. */
export const tildelingerOverSoknader = atMost(
  'tildelinger-over-soknader',
  'W4',
  'warning',
  (d) => countOf(c2(d).nye_tildelinger).value,
  (d) => countOf(c2(d).nye_soknader).value,
  (d) => countPath(c2(d).nye_tildelinger, [...C2, 'nye_tildelinger']),
  ['tildelinger', 'soknader'],
  {
    nb: {
      message: (p) => `Flere nye tildelinger (${p.tildelinger}) enn nye søknader (${p.soknader}).`,
      hint: () => 'Det er mulig når søknader fra året før tildeles i år; forklar gjerne i teksten.',
      about: 'Nye tildelinger er flere enn nye søknader.',
    },
    nn: {
      message: (p) => `Fleire nye tildelingar (${p.tildelinger}) enn nye søknader (${p.soknader}).`,
      hint: () => 'Det er mogleg når søknader frå året før blir tildelte i år; forklar gjerne i teksten.',
      about: 'Nye tildelingar er fleire enn nye søknader.',
    },
    en: {
      message: (p) => `More new allocations (${p.tildelinger}) than new applications (${p.soknader}).`,
      hint: () => "This is possible when last year's applications are allocated this year; consider explaining it in the text.",
      about: 'New allocations outnumber new applications.',
    },
  },
  { part: [...C2, 'nye_tildelinger'], whole: [...C2, 'nye_soknader'] },
);

/** W5: families with children are a subset of A+B+C; next year's 01.01 is compared with this year's 31.12. */
export const barnefamilierOverAbc: AarRule = {
  id: 'barnefamilier-over-abc',
  code: 'W5',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Barnefamilier med boligbehov (${p.antall}) er flere enn A + B + C pr. 31.12 (${p.abc}).`,
      hint: () => 'Skjemaet sier at tallet gjelder husstander i A, B og C samlet.',
      about: 'Særskilt prioritert område (barnefamilier) er en del av A + B + C.',
    },
    nn: {
      message: (p) => `Barnefamiliar med bustadbehov (${p.antall}) er fleire enn A + B + C pr. 31.12 (${p.abc}).`,
      hint: () => 'Skjemaet seier at talet gjeld hushald i A, B og C samla.',
      about: 'Særskilt prioritert område (barnefamiliar) er ein del av A + B + C.',
    },
    en: {
      message: (p) => `Families with children in need of housing (${p.antall}) outnumber A + B + C at 31 December (${p.abc}).`,
      hint: () => 'The form says the figure covers households in A, B and C together.',
      about: 'The priority area (families with children) is a part of A + B + C.',
    },
  },
  check: ({ data, figures }) => {
    const special = data.hovedmaal.saerskilt_prioritert_omraade;
    const total = needTable(figures).sum.pr_3112;
    if (!special || special.status_behov_pr_0101 === null || total === null || special.status_behov_pr_0101 <= total) return [];
    return [{ path: [...SPECIAL, 'status_behov_pr_0101'], params: { antall: n(special.status_behov_pr_0101), abc: n(total) } }];
  },
};

/** W6 (what the form means here is not verified): startlån + boligtilskudd purchases are among all startlån purchases. */
export const boligtilskuddOverStartlaan = atMost(
  'boligtilskudd-over-startlaan',
  'W6',
  'warning',
  (d) => countOf(c1(d).boligkjop_med_startlaan_og_boligtilskudd).value,
  allStartlaan,
  (d) => countPath(c1(d).boligkjop_med_startlaan_og_boligtilskudd, [...C1, 'boligkjop_med_startlaan_og_boligtilskudd']),
  ['antall', 'alle'],
  {
    nb: {
      message: (p) => `Boligkjøp med startlån og boligtilskudd (${p.antall}) er flere enn alle boligkjøp med startlån (${p.alle}).`,
      about: 'Boligkjøp med startlån og boligtilskudd bør ikke være flere enn fullfinansierte + samfinansierte.',
    },
    nn: {
      message: (p) => `Bustadkjøp med startlån og bustadtilskot (${p.antall}) er fleire enn alle bustadkjøp med startlån (${p.alle}).`,
      about: 'Bustadkjøp med startlån og bustadtilskot bør ikkje vere fleire enn fullfinansierte + samfinansierte.',
    },
    en: {
      message: (p) => `Purchases with startlån and housing grant (${p.antall}) outnumber all startlån purchases (${p.alle}).`,
      about: 'Purchases with startlån and housing grant should not outnumber fully + jointly financed purchases.',
    },
  },
);

/** W7: moves from municipal to owned housing financed by startlån are among the startlån purchases. */
export const overgangOverStartlaan = atMost(
  'overgang-over-startlaan',
  'W7',
  'warning',
  (d) => countOf(c1(d).overgang_fra_kommunal_til_eid_bolig).value,
  allStartlaan,
  (d) => countPath(c1(d).overgang_fra_kommunal_til_eid_bolig, [...C1, 'overgang_fra_kommunal_til_eid_bolig']),
  ['antall', 'alle'],
  {
    nb: {
      message: (p) => `Overganger fra kommunal til eid bolig med startlån (${p.antall}) er flere enn alle boligkjøp med startlån (${p.alle}).`,
      about: 'Overganger med startlån bør ikke være flere enn fullfinansierte + samfinansierte boligkjøp.',
    },
    nn: {
      message: (p) => `Overgangar frå kommunal til eigd bustad med startlån (${p.antall}) er fleire enn alle bustadkjøp med startlån (${p.alle}).`,
      about: 'Overgangar med startlån bør ikkje vere fleire enn fullfinansierte + samfinansierte bustadkjøp.',
    },
    en: {
      message: (p) => `Moves from municipal to owned housing with startlån (${p.antall}) outnumber all startlån purchases (${p.alle}).`,
      about: 'Moves financed by startlån should not outnumber fully + jointly financed purchases.',
    },
  },
);

/** A swing in bostøtte recipients beyond this share of January's count is worth a second look. */
export const BOSTOTTE_MAX_CHANGE = 0.5;

/** W11: plausibility only; a typo in one month shows up as a large swing. */
export const bostotteStorEndring: AarRule = {
  id: 'bostotte-stor-endring',
  code: 'W11',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Bostøttemottakere endret seg fra ${p.januar} i januar til ${p.desember} i desember (${p.andel}).`,
      hint: () => 'Sjekk begge tallene; en så stor endring skyldes ofte en skrivefeil.',
      about: 'Bostøttemottakere i desember avviker mer enn 50 % fra januar.',
    },
    nn: {
      message: (p) => `Talet på bustøttemottakarar endra seg frå ${p.januar} i januar til ${p.desember} i desember (${p.andel}).`,
      hint: () => 'Kontroller begge tala; ei så stor endring skuldast ofte ein skrivefeil.',
      about: 'Talet på bustøttemottakarar i desember avvik meir enn 50 % frå januar.',
    },
    en: {
      message: (p) => `Bostøtte recipients changed from ${p.januar} in January to ${p.desember} in December (${p.andel}).`,
      hint: () => 'Check both figures; a change this large is often a typing error.',
      about: 'Bostøtte recipients in December differ from January by more than 50 %.',
    },
  },
  check: ({ figures }) => {
    const b = figures.bostotte;
    if (b.endring_andel === null || Math.abs(b.endring_andel) <= BOSTOTTE_MAX_CHANGE) return [];
    return [{ path: [...C1, 'bostottemottakere', 'desember'], params: { januar: n(b.januar), desember: n(b.desember), andel: formatPercent(b.endring_andel) } }];
  },
};

/** The form's own rules; the header and need-table arithmetic come with the shared parts. */
export const RULES: readonly AarRule[] = [
  fastrenteOverFullfinansierte,
  fremskaffetOverDisponerte,
  tildelingerOverSoknader,
  barnefamilierOverAbc,
  boligtilskuddOverStartlaan,
  overgangOverStartlaan,
  bostotteStorEndring,
];
