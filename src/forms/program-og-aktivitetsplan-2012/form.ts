import { t, type Lang } from '../../messages/index.js';
import { count, periodSection, type Section } from '../../parts/figure-table.js';
import type { Count } from '../../parts/data.js';
import { sum } from '../../parts/figures.js';
import type { PeriodFacts } from '../../parts/period.js';
import type { FormModule } from '../types.js';

interface Plan {
  del2_aktivitetsplan: {
    aktiviteter: { id: string; tittel: string; budsjett?: number | null }[];
    budsjett?: { kilde: 'kommune' | 'husbanken_tilskudd' | 'annet'; belop: number | null }[];
  };
}

interface PlanFigures {
  periode: PeriodFacts;
  antall_aktiviteter: number;
  /** The activities' own budgets added up, and the financing by source; unknown stays unknown. */
  budsjett_aktiviteter: Count;
  finansiering: { kommune: Count; husbanken_tilskudd: Count; annet: Count; sum: Count } | null;
}

function derive(data: Plan): Omit<PlanFigures, 'periode'> {
  const plan = data.del2_aktivitetsplan;
  const budgets = plan.aktiviteter.map((a) => (a.budsjett === undefined ? 0 : a.budsjett));
  const by = (kilde: string) => sum((plan.budsjett ?? []).filter((b) => b.kilde === kilde).map((b) => b.belop));
  const finansiering = plan.budsjett
    ? { kommune: by('kommune'), husbanken_tilskudd: by('husbanken_tilskudd'), annet: by('annet'), sum: sum(plan.budsjett.map((b) => b.belop)) }
    : null;
  return { antall_aktiviteter: plan.aktiviteter.length, budsjett_aktiviteter: plan.aktiviteter.some((a) => a.budsjett !== undefined) ? sum(budgets) : null, finansiering };
}

function figureTable(f: PlanFigures, lang: Lang): Section[] {
  const rows = [
    [t(lang, 'fig/plan-activities'), String(f.antall_aktiviteter)],
    [t(lang, 'fig/plan-budget'), count(f.budsjett_aktiviteter, lang)],
  ];
  if (f.finansiering) {
    rows.push(
      [t(lang, 'fig/plan-municipality'), count(f.finansiering.kommune, lang)],
      [t(lang, 'fig/plan-husbanken'), count(f.finansiering.husbanken_tilskudd, lang)],
      [t(lang, 'fig/plan-other'), count(f.finansiering.annet, lang)],
      [t(lang, 'fig/plan-financing'), count(f.finansiering.sum, lang)],
    );
  }
  return [periodSection(f.periode, lang), { title: t(lang, 'fig/plan-title'), rows }];
}

export const form: FormModule = { derive: derive as FormModule['derive'], figureTable };
