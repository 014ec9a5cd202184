import type { Lang } from '../../messages/index.js';
import { activitySection, deviationSection, periodSection, type Section } from '../../parts/figure-table.js';
import type { Halvaarsrapport2011Figures } from './derive.js';

/** The half-year report's figures for `compute`: period, activities per status, deviations. */
export function figureTable(f: Halvaarsrapport2011Figures, lang: Lang): Section[] {
  return [periodSection(f.periode, lang), activitySection(f.aktiviteter, lang), ...deviationSection(f.aktiviteter, lang)];
}
