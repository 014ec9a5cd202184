import { t, type Lang } from '../../messages/index.js';
import { count, periodSection, type Section } from '../../parts/figure-table.js';
import type { Plan } from './data.js';
import { derivePlan, type PlanFigures } from './derive.js';
import { RULES } from './rules.js';
import type { FormModule } from '../types.js';

function figureTable(f: PlanFigures, lang: Lang): Section[] {
  const rows = [
    [t(lang, 'fig/plan-activities'), String(f.antall_aktiviteter)],
    [t(lang, 'fig/plan-budget'), count(f.budsjett_aktiviteter, lang)],
  ];
  for (const year of f.finansieringsplan ?? []) rows.push([t(lang, 'fig/plan-year', { aar: year.aar }), count(year.sum, lang)]);
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

/** The financing plan's columns as the plan prints them: «Annet», «Sum» and «Kommentar» only where a year has one. */
function view(data: Plan): Record<string, unknown> {
  const years = data.del2_aktivitetsplan.finansieringsplan ?? [];
  const has = (key: 'annet' | 'sum' | 'kommentar') => years.some((y) => y[key] !== undefined);
  return { finansieringskolonner: { annet: has('annet'), sum: has('sum'), kommentar: has('kommentar') } };
}

export const form: FormModule = { derive: derivePlan as FormModule['derive'], rules: RULES, figureTable, view };
