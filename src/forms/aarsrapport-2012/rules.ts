import { formatChange, formatInteger, formatPercent } from '../../format/norwegian.js';
import type { DataPath } from '../../load/positions.js';
import { COMMON_RULES } from '../../rules/common.js';
import { countPath } from '../../rules/paths.js';
import type { Finding, Rule } from '../../rules/types.js';
import { countOf, type Count, type CountRow, type NeedRow } from '../shared/data.js';
import { sum } from '../shared/figures.js';
import { NEED_ROWS, type Aarsrapport2012 } from './data.js';
import type { Aarsrapport2012Figures } from './derive.js';

type AarRule = Rule<Aarsrapport2012, Aarsrapport2012Figures>;

const TABLE: DataPath = ['hovedmaal', 'anskaffe_og_beholde_bolig'];
const SPECIAL: DataPath = ['hovedmaal', 'saerskilt_prioritert_omraade'];
const C1: DataPath = ['delmaal_c', 'c1_okonomiske_virkemidler'];
const C2: DataPath = ['delmaal_c', 'c2_kommunalt_disponerte_boliger'];

function n(v: Count): string {
  return v === null ? '?' : formatInteger(v);
}

/** Rows of the need table (A, B, C and, when present, the særskilt prioritert område) with their paths. */
function needRows(data: Aarsrapport2012): [NeedRow, DataPath][] {
  const rows: [NeedRow, DataPath][] = NEED_ROWS.map((k) => [data.hovedmaal.anskaffe_og_beholde_bolig[k], [...TABLE, k]]);
  const special = data.hovedmaal.saerskilt_prioritert_omraade;
  if (special) rows.push([special, SPECIAL]);
  return rows;
}

/** Number rows of C.1 and C.2 with their paths. */
function countRows(data: Aarsrapport2012): [CountRow, DataPath][] {
  const c1 = data.delmaal_c.c1_okonomiske_virkemidler;
  const c2 = data.delmaal_c.c2_kommunalt_disponerte_boliger;
  const rows: [CountRow, DataPath][] = [];
  for (const [k, v] of Object.entries(c1)) if (k !== 'bostottemottakere') rows.push([v as CountRow, [...C1, k]]);
  for (const [k, v] of Object.entries(c2)) rows.push([v as CountRow, [...C2, k]]);
  return rows;
}

/** E1: an unknown count needs its reason next to it, so a reader can tell «unknown» from a forgotten 0. */
export const ukjentUtenForklaring: AarRule = {
  id: 'ukjent-uten-forklaring',
  code: 'E1',
  severity: 'error',
  check: ({ data }) => {
    const found: Finding[] = [];
    for (const [row, path] of needRows(data)) {
      if (row.kommentar?.trim()) continue;
      for (const key of ['status_behov_pr_0101', 'status_behov_pr_3112', 'resultat'] as const) {
        if (row[key] === null) found.push({ path: [...path, key] });
      }
    }
    for (const [row, path] of countRows(data)) {
      const c = countOf(row);
      if (c.kommentar?.trim()) continue;
      if (c.value === null) found.push({ path: countPath(row, path) });
      (c.fordeling ?? []).forEach((f, i) => f.antall === null && found.push({ path: [...path, 'fordeling', i, 'antall'] }));
    }
    const b = data.delmaal_c.c1_okonomiske_virkemidler.bostottemottakere;
    if (!b.kommentar?.trim()) {
      for (const key of ['januar', 'desember'] as const) if (b[key] === null) found.push({ path: [...C1, 'bostottemottakere', key] });
    }
    return found;
  },
};

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
): AarRule {
  return {
    id,
    code,
    severity,
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
  'fastrente-over-fullfinansierte', 'E2', 'error',
  (d) => countOf(c1(d).herav_med_fastrente).value,
  (d) => countOf(c1(d).fullfinansierte_boligkjop_med_startlaan).value,
  (d) => countPath(c1(d).herav_med_fastrente, [...C1, 'herav_med_fastrente']),
  ['herav', 'total'],
);

/** E4: newly provided homes are among the homes the municipality disposes of. */
export const fremskaffetOverDisponerte = atMost(
  'fremskaffet-over-disponerte', 'E4', 'error',
  (d) => sum([countOf(c2(d).fremskaffet_med_boligtilskudd).value, countOf(c2(d).fremskaffet_med_investeringstilskudd).value]),
  (d) => countOf(c2(d).kommunalt_disponerte_boliger).value,
  (d) => countPath(c2(d).kommunalt_disponerte_boliger, [...C2, 'kommunalt_disponerte_boliger']),
  ['fremskaffet', 'disponerte'],
);

/** E5: a breakdown must add up to the figure it breaks down (450 + 362 + 118 = 930). */
export const fordelingSum: AarRule = {
  id: 'fordeling-sum',
  code: 'E5',
  severity: 'error',
  check: ({ data }) => {
    const found: Finding[] = [];
    for (const [row, path] of countRows(data)) {
      const c = countOf(row);
      if (!c.fordeling || c.value === null) continue;
      const parts = sum(c.fordeling.map((f) => f.antall));
      if (parts !== null && parts !== c.value) {
        found.push({ path: [...path, 'fordeling'], target: 'key', params: { deler: c.fordeling.map((f) => n(f.antall)).join(' + '), sum: n(parts), oppgitt: n(c.value) } });
      }
    }
    return found;
  },
};

/** W1: the form allows «Resultat» to be counted independently, so a difference is only a warning. */
export const resultatAvvikerFraEndring: AarRule = {
  id: 'resultat-avviker-fra-endring',
  code: 'W1',
  severity: 'warning',
  check: ({ data }) =>
    needRows(data).flatMap(([row, path]) => {
      const endring = row.status_behov_pr_0101 === null || row.status_behov_pr_3112 === null ? null : row.status_behov_pr_0101 - row.status_behov_pr_3112;
      if (row.resultat === undefined || row.resultat === null || endring === null || row.resultat === endring) return [];
      return [{ path: [...path, 'resultat'], params: { resultat: formatChange(row.resultat), endring: formatChange(endring), fra: n(row.status_behov_pr_0101), til: n(row.status_behov_pr_3112) } }];
    }),
};

/** W2: «Antall husstander som har fått egnet bolig» cannot really be negative; it is usually the delta typed in. */
export const negativtResultat: AarRule = {
  id: 'negativt-resultat',
  code: 'W2',
  severity: 'warning',
  check: ({ data }) =>
    needRows(data).flatMap(([row, path]) => (typeof row.resultat === 'number' && row.resultat < 0 ? [{ path: [...path, 'resultat'], params: { resultat: formatChange(row.resultat) } }] : [])),
};

/** W4: more new allocations than new applications is possible (backlog) but worth a look. */
export const tildelingerOverSoknader = atMost(
  'tildelinger-over-soknader', 'W4', 'warning',
  (d) => countOf(c2(d).nye_tildelinger).value,
  (d) => countOf(c2(d).nye_soknader).value,
  (d) => countPath(c2(d).nye_tildelinger, [...C2, 'nye_tildelinger']),
  ['tildelinger', 'soknader'],
);

/** W5: families with children are a subset of A+B+C; next year's 01.01 is compared with this year's 31.12. */
export const barnefamilierOverAbc: AarRule = {
  id: 'barnefamilier-over-abc',
  code: 'W5',
  severity: 'warning',
  check: ({ data, figures }) => {
    const special = data.hovedmaal.saerskilt_prioritert_omraade;
    const total = figures.behov.sum.pr_3112;
    if (!special || special.status_behov_pr_0101 === null || total === null || special.status_behov_pr_0101 <= total) return [];
    return [{ path: [...SPECIAL, 'status_behov_pr_0101'], params: { antall: n(special.status_behov_pr_0101), abc: n(total) } }];
  },
};

/** W6 (semantics unverified in FORMS.md): startlån + boligtilskudd purchases are among all startlån purchases. */
export const boligtilskuddOverStartlaan = atMost(
  'boligtilskudd-over-startlaan', 'W6', 'warning',
  (d) => countOf(c1(d).boligkjop_med_startlaan_og_boligtilskudd).value,
  allStartlaan,
  (d) => countPath(c1(d).boligkjop_med_startlaan_og_boligtilskudd, [...C1, 'boligkjop_med_startlaan_og_boligtilskudd']),
  ['antall', 'alle'],
);

/** W7: moves from municipal to owned housing financed by startlån are among the startlån purchases. */
export const overgangOverStartlaan = atMost(
  'overgang-over-startlaan', 'W7', 'warning',
  (d) => countOf(c1(d).overgang_fra_kommunal_til_eid_bolig).value,
  allStartlaan,
  (d) => countPath(c1(d).overgang_fra_kommunal_til_eid_bolig, [...C1, 'overgang_fra_kommunal_til_eid_bolig']),
  ['antall', 'alle'],
);

/** A swing in bostøtte recipients beyond this share of January's count is worth a second look. */
export const BOSTOTTE_MAX_CHANGE = 0.5;

/** W11: plausibility only; a typo in one month shows up as a large swing. */
export const bostotteStorEndring: AarRule = {
  id: 'bostotte-stor-endring',
  code: 'W11',
  severity: 'warning',
  check: ({ figures }) => {
    const b = figures.bostotte;
    if (b.endring_andel === null || Math.abs(b.endring_andel) <= BOSTOTTE_MAX_CHANGE) return [];
    return [{ path: [...C1, 'bostottemottakere', 'desember'], params: { januar: n(b.januar), desember: n(b.desember), andel: formatPercent(b.endring_andel) } }];
  },
};

export const AARSRAPPORT_2012_RULES: readonly AarRule[] = [
  ...(COMMON_RULES as AarRule[]),
  ukjentUtenForklaring,
  fastrenteOverFullfinansierte,
  fremskaffetOverDisponerte,
  fordelingSum,
  resultatAvvikerFraEndring,
  negativtResultat,
  tildelingerOverSoknader,
  barnefamilierOverAbc,
  boligtilskuddOverStartlaan,
  overgangOverStartlaan,
  bostotteStorEndring,
];
