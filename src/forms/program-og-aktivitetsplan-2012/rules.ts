import { endDate } from '../../parts/period.js';
import { formatDate, formatInteger } from '../../format/norwegian.js';
import type { DataPath } from '../../load/positions.js';
import { startDate } from '../../parts/period.js';
import { defineRule, type Finding, type Rule } from '../../rules/types.js';
import type { Plan } from './data.js';
import { planActivities, yearSum, type PlanFigures } from './derive.js';

const DEL2: DataPath = ['del2_aktivitetsplan'];

/** Each value met a second time (or more), with the index where it was first met. */
function repeats<T>(items: readonly T[], key: (item: T) => string): { item: T; first: number }[] {
  const seen = new Map<string, number>();
  return items.flatMap((item, i) => {
    const k = key(item);
    const first = seen.get(k);
    if (first === undefined) {
      seen.set(k, i);
      return [];
    }
    return [{ item, first }];
  });
}

/** E40: the year's reports name a plan activity by its id, so one id must mean one activity in the whole plan. */
export const planAktivitetIdDobbel = defineRule<Plan, PlanFigures, { id: string; maal: string }>({
  id: 'plan-aktivitet-id-dobbel',
  code: 'E40',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Aktivitets-id-en «${p.id}» er brukt før i planen (${p.maal ? `under aktivitetsmål ${p.maal}` : 'i aktivitetslisten'}).`,
      hint: () => 'Gi aktiviteten en egen id; rapportene viser til aktivitetene med id-en, også på tvers av aktivitetsmålene.',
      about: 'En aktivitets id er unik i hele planen, under alle aktivitetsmålene og i aktivitetslisten.',
    },
    nn: {
      message: (p) => `Aktivitets-id-en «${p.id}» er brukt før i planen (${p.maal ? `under aktivitetsmål ${p.maal}` : 'i aktivitetslista'}).`,
      hint: () => 'Gi aktiviteten ein eigen id; rapportane viser til aktivitetane med id-en, òg på tvers av aktivitetsmåla.',
      about: 'Id-en til ein aktivitet er unik i heile planen, under alle aktivitetsmåla og i aktivitetslista.',
    },
    en: {
      message: (p) => `The activity id "${p.id}" is used before in the plan (${p.maal ? `under activity goal ${p.maal}` : 'in the activity list'}).`,
      hint: () => 'Give the activity an id of its own; the reports name activities by their id, across the activity goals too.',
      about: 'An activity id is unique in the whole plan, under every activity goal and in the activity list.',
    },
  },
  check: ({ data }) => {
    const all = planActivities(data);
    return repeats(all, (a) => a.activity.id).map(({ item, first }) => {
      const earlier = all[first]!;
      return { path: [...item.path, 'id'], params: { id: item.activity.id, maal: earlier.maal ?? '' } };
    });
  },
});

/** E41: a report names the goal by its id (`plan_maal`), so two goals cannot share one. */
export const planMaalIdDobbel = defineRule<Plan, PlanFigures, { id: string }>({
  id: 'plan-maal-id-dobbel',
  code: 'E41',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Aktivitetsmålet «${p.id}» står to ganger i planen.`,
      hint: () => 'Gi hvert aktivitetsmål sin egen id (A, B, C …).',
      about: 'Hvert aktivitetsmål har sin egen id.',
    },
    nn: {
      message: (p) => `Aktivitetsmålet «${p.id}» står to gonger i planen.`,
      hint: () => 'Gi kvart aktivitetsmål sin eigen id (A, B, C …).',
      about: 'Kvart aktivitetsmål har sin eigen id.',
    },
    en: {
      message: (p) => `The activity goal "${p.id}" is in the plan twice.`,
      hint: () => 'Give each activity goal its own id (A, B, C …).',
      about: 'Each activity goal has an id of its own.',
    },
  },
  check: ({ data }) =>
    repeats(
      (data.del2_aktivitetsplan.aktivitetsmaal ?? []).map((g, i) => ({ id: g.id, i })),
      (g) => g.id,
    ).map(({ item }) => ({ path: [...DEL2, 'aktivitetsmaal', item.i, 'id'], params: { id: item.id } })),
});

/** E42: «2012 – mai 2013» read backwards is a typing error, whatever unit each end is given in. */
export const planperiodeSluttForStart = defineRule<Plan, PlanFigures, { fra: string; til: string }>({
  id: 'planperiode-slutt-for-start',
  code: 'E42',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Planperioden slutter (${p.til}) før den begynner (${p.fra}).`,
      hint: () => 'Rett «fra» eller «til»; de skrives ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller "ÅÅÅÅ".',
      about: 'Planperioden slutter ikke før den begynner.',
    },
    nn: {
      message: (p) => `Planperioden sluttar (${p.til}) før han byrjar (${p.fra}).`,
      hint: () => 'Rett «fra» eller «til»; dei skriv du ÅÅÅÅ-MM-DD, ÅÅÅÅ-MM eller "ÅÅÅÅ".',
      about: 'Planperioden sluttar ikkje før han byrjar.',
    },
    en: {
      message: (p) => `The plan period ends (${p.til}) before it begins (${p.fra}).`,
      hint: () => 'Correct "fra" or "til"; they are written YYYY-MM-DD, YYYY-MM or "YYYY".',
      about: 'The plan period does not end before it begins.',
    },
  },
  check: ({ data }) => {
    const period = data.generell_programinformasjon.planperiode;
    if (!period?.fra || !period.til || endDate(period.til) >= startDate(period.fra)) return [];
    return [{ path: ['generell_programinformasjon', 'planperiode', 'til'], params: { fra: formatDate(period.fra), til: formatDate(period.til) } }];
  },
});

/**
 * W40: the plan's own SUM column against its sources added up. A warning, not an error: a plan is
 * transcribed as written, so a sum the municipality miscounted stays in the file; the warning makes
 * sure it is seen. Silent when an amount is unknown: nothing to compare with.
 */
export const finansieringSumAvviker = defineRule<Plan, PlanFigures, { aar: number; oppgitt: string; beregnet: string }>({
  id: 'finansiering-sum-avviker',
  code: 'W40',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Summen for ${p.aar} i finansieringsplanen er oppgitt til ${p.oppgitt} kr, men beløpene gir ${p.beregnet} kr.`,
      hint: () => 'Sjekk beløpene og summen mot planen; står feilen i planen, la den stå og forklar i «kommentar».',
      about: 'Summen planen skriver for et år i finansieringsplanen, er beløpene fra kildene lagt sammen.',
    },
    nn: {
      message: (p) => `Summen for ${p.aar} i finansieringsplanen er oppgitt til ${p.oppgitt} kr, men beløpa gir ${p.beregnet} kr.`,
      hint: () => 'Kontroller beløpa og summen mot planen; står feilen i planen, lat han stå og forklar i «kommentar».',
      about: 'Summen planen skriv for eit år i finansieringsplanen, er beløpa frå kjeldene lagde saman.',
    },
    en: {
      message: (p) => `The financing plan gives ${p.oppgitt} kr as the sum for ${p.aar}, but its amounts add up to ${p.beregnet} kr.`,
      hint: () => 'Check the amounts and the sum against the plan; if the plan has the error, keep it and explain in "kommentar".',
      about: "The sum a plan writes for a year of its financing plan is the sources' amounts added up.",
    },
  },
  check: ({ data }) =>
    (data.del2_aktivitetsplan.finansieringsplan ?? []).flatMap((year, i): Finding<{ aar: number; oppgitt: string; beregnet: string }>[] => {
      const computed = yearSum(year);
      if (typeof year.sum !== 'number' || computed === null || computed === year.sum) return [];
      return [{ path: [...DEL2, 'finansieringsplan', i, 'sum'], params: { aar: year.aar, oppgitt: formatInteger(year.sum), beregnet: formatInteger(computed) } }];
    }),
});

/** W41: two budgets for the same money; the figures take the financing plan, so the other is left out of every sum. */
export const budsjettOgFinansieringsplan = defineRule<Plan, PlanFigures, Record<string, never>>({
  id: 'budsjett-og-finansieringsplan',
  code: 'W41',
  severity: 'warning',
  messages: {
    nb: {
      message: () => 'Planen har både «budsjett» (ett år etter kilde) og «finansieringsplan» (per år); summene regnes bare av finansieringsplanen.',
      hint: () => 'Før beløpene i «budsjett» inn som et år i «finansieringsplan», og fjern «budsjett».',
      about: 'En plan har enten budsjett for ett år eller finansieringsplan per år, ikke begge.',
    },
    nn: {
      message: () => 'Planen har både «budsjett» (eitt år etter kjelde) og «finansieringsplan» (per år); summane blir berre rekna av finansieringsplanen.',
      hint: () => 'Før beløpa i «budsjett» inn som eit år i «finansieringsplan», og fjern «budsjett».',
      about: 'Ein plan har anten budsjett for eitt år eller finansieringsplan per år, ikkje begge.',
    },
    en: {
      message: () => 'The plan has both "budsjett" (one year by source) and "finansieringsplan" (per year); the sums are computed from the financing plan only.',
      hint: () => 'Move the amounts in "budsjett" into a year of "finansieringsplan", and remove "budsjett".',
      about: 'A plan has either a one-year budget or a financing plan per year, not both.',
    },
  },
  check: ({ data }) => (data.del2_aktivitetsplan.budsjett && data.del2_aktivitetsplan.finansieringsplan ? [{ path: [...DEL2, 'budsjett'], target: 'key' }] : []),
});

/**
 * E43: the activities are what the grant application and the year's reports refer to. The schema
 * cannot ask for «aktiviteter» or «aktivitetsmaal» (strict mode forbids a required key inside anyOf),
 * so this rule does; a plan without a list writes `aktiviteter: []` with the reason.
 */
export const planUtenAktiviteter = defineRule<Plan, PlanFigures, Record<string, never>>({
  id: 'plan-uten-aktiviteter',
  code: 'E43',
  severity: 'error',
  messages: {
    nb: {
      message: () => 'Aktivitetsplanen har verken «aktiviteter» eller «aktivitetsmaal».',
      hint: () => 'Før opp aktivitetene i «aktiviteter» eller under «aktivitetsmaal»; har planen ingen aktivitetsliste, skriv aktiviteter: [] med grunnen i en kommentar.',
      about: 'Aktivitetsplanen har en aktivitetsliste eller aktivitetsmål med aktiviteter.',
    },
    nn: {
      message: () => 'Aktivitetsplanen har verken «aktiviteter» eller «aktivitetsmaal».',
      hint: () => 'Før opp aktivitetane i «aktiviteter» eller under «aktivitetsmaal»; har planen inga aktivitetsliste, skriv aktiviteter: [] med grunnen i ein kommentar.',
      about: 'Aktivitetsplanen har ei aktivitetsliste eller aktivitetsmål med aktivitetar.',
    },
    en: {
      message: () => 'The activity plan has neither "aktiviteter" nor "aktivitetsmaal".',
      hint: () => 'List the activities in "aktiviteter" or under "aktivitetsmaal"; if the plan has no activity list, write aktiviteter: [] with the reason in a comment.',
      about: 'The activity plan has an activity list or activity goals with activities.',
    },
  },
  check: ({ data }) => {
    const plan = data.del2_aktivitetsplan;
    return plan.aktiviteter === undefined && plan.aktivitetsmaal === undefined ? [{ path: DEL2, target: 'key' }] : [];
  },
});

export const RULES: readonly Rule[] = [planAktivitetIdDobbel, planMaalIdDobbel, planperiodeSluttForStart, planUtenAktiviteter, finansieringSumAvviker, budsjettOgFinansieringsplan];
