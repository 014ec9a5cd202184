import { activityLines, summarizeActivities, type ActivitySummary } from '../shared/activities.js';
import { periodFacts, type PeriodFacts } from '../shared/period.js';
import type { Halvaarsrapport2011 } from './data.js';

/** Every figure bosoreport computes for a half-year report; the `beregnet` part of `compute --json`. */
export interface Halvaarsrapport2011Figures {
  periode: PeriodFacts;
  aktiviteter: ActivitySummary;
}

export function deriveHalvaarsrapport2011(report: Halvaarsrapport2011): Halvaarsrapport2011Figures {
  const info = report.generell_programinformasjon;
  return {
    periode: periodFacts('halvaarsrapport', info.rapporteringsaar, info.rapporteringsdato, report.forsidedato),
    aktiviteter: summarizeActivities(activityLines(report.aktivitetsplan.aktiviteter, ['aktivitetsplan', 'aktiviteter'])),
  };
}
