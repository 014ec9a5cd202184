import { t, type Lang } from '../../messages/index.js';
import { change, count, sharedSections, type Section } from '../../parts/figure-table.js';
import type { CommonFigures } from '../../parts/shared-figures.js';
import type { FormModule } from '../types.js';
import { RULES } from './rules.js';
import { deriveSluttrapport2015, type SeriesFigures } from './series.js';
import { viewSluttrapport2015 } from './view.js';

type Figures = CommonFigures & { tallserier: SeriesFigures[] };

/** The period and need table every form has, then each series: first and last year, and the changes. */
function figureTable(f: Figures, lang: Lang): Section[] {
  const sections = sharedSections(f, lang);
  if (f.tallserier.length === 0) return sections;
  sections.push({
    title: t(lang, 'fig/series-title'),
    header: ['', t(lang, 'fig/series-first'), t(lang, 'fig/series-last'), t(lang, 'fig/series-change'), t(lang, 'fig/series-yearly')],
    rows: f.tallserier.map((s) => [
      s.enhet ? `${s.navn} (${s.enhet})` : s.navn,
      `${s.forste_aar}: ${count(s.forste, lang)}`,
      `${s.siste_aar}: ${count(s.siste, lang)}`,
      change(s.endring, lang),
      // «2011 +5» from the year before; «2009–2011 +5» across a year the series lacks.
      s.aarlige_endringer.map((e) => `${e.til_aar - e.fra_aar === 1 ? e.til_aar : `${e.fra_aar}–${e.til_aar}`} ${change(e.endring, lang)}`).join(' · '),
    ]),
  });
  return sections;
}

/** The code of the final report form (June 2015): its year-by-year series. Its data is in form.yaml beside this file. */
export const form: FormModule = { derive: deriveSluttrapport2015, rules: RULES, figureTable, view: viewSluttrapport2015 };
