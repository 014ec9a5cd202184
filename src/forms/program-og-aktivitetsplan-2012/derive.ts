import type { DataPath } from '../../load/positions.js';
import type { Count } from '../../parts/data.js';
import { sum } from '../../parts/figures.js';
import type { PeriodFacts } from '../../parts/period.js';
import { SOURCES, type BySource, type FinancingYear, type Plan, type PlanActivity } from './data.js';

export interface PlanFigures {
  periode: PeriodFacts;
  antall_aktiviteter: number;
  /** The activities' own budgets added up; unknown stays unknown. */
  budsjett_aktiviteter: Count;
  /** The financing by source over the whole plan, and the grand total. */
  finansiering: BySource | null;
  /** The financing plan's years, each added up. */
  finansieringsplan: (BySource & { aar: number })[] | null;
}

const DEL2: DataPath = ['del2_aktivitetsplan'];

/** Every activity of the plan, under its goals first and then the flat list, with where each stands. */
export function planActivities(data: Plan): { activity: PlanActivity; path: DataPath; maal?: string }[] {
  const plan = data.del2_aktivitetsplan;
  return [
    ...(plan.aktivitetsmaal ?? []).flatMap((g, i) => g.aktiviteter.map((activity, j) => ({ activity, path: [...DEL2, 'aktivitetsmaal', i, 'aktiviteter', j], maal: g.id }))),
    ...(plan.aktiviteter ?? []).map((activity, j) => ({ activity, path: [...DEL2, 'aktiviteter', j] })),
  ];
}

/** One year's sources added up: a source the plan has no column for adds nothing, an unknown amount makes the sum unknown. */
export function yearSum(year: FinancingYear): Count {
  return sum(SOURCES.map((s) => (year[s] === undefined ? 0 : year[s])));
}

function financingPlan(years: readonly FinancingYear[]): { finansiering: BySource; finansieringsplan: PlanFigures['finansieringsplan'] } {
  const rows = years.map((y) => ({
    aar: y.aar,
    ...(Object.fromEntries(SOURCES.map((s) => [s, y[s] === undefined ? 0 : y[s]])) as Record<(typeof SOURCES)[number], Count>),
    sum: yearSum(y),
  }));
  const bySource = Object.fromEntries(SOURCES.map((s) => [s, sum(rows.map((r) => r[s]))])) as Record<(typeof SOURCES)[number], Count>;
  return { finansiering: { ...bySource, sum: sum(rows.map((r) => r.sum)) }, finansieringsplan: rows };
}

/** The older one-year layout: a list of sources with an amount each. */
function oneYearBudget(budsjett: NonNullable<Plan['del2_aktivitetsplan']['budsjett']>): BySource {
  const by = (kilde: string) => sum(budsjett.filter((b) => b.kilde === kilde).map((b) => b.belop));
  return { kommune: by('kommune'), husbanken_tilskudd: by('husbanken_tilskudd'), annet: by('annet'), sum: sum(budsjett.map((b) => b.belop)) };
}

export function derivePlan(data: Plan): Omit<PlanFigures, 'periode'> {
  const plan = data.del2_aktivitetsplan;
  const activities = planActivities(data).map((a) => a.activity);
  const budgeted = activities.some((a) => a.budsjett !== undefined);
  // The financing plan over the years, when the plan has one (a rule warns when it also has the older layout).
  const money = plan.finansieringsplan ? financingPlan(plan.finansieringsplan) : { finansiering: plan.budsjett ? oneYearBudget(plan.budsjett) : null, finansieringsplan: null };
  return {
    antall_aktiviteter: activities.length,
    budsjett_aktiviteter: budgeted ? sum(activities.map((a) => (a.budsjett === undefined ? 0 : a.budsjett))) : null,
    ...money,
  };
}
