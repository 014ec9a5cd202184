import { activityLines, summarizeActivities, type ActivitySummary } from '../../parts/activities.js';
import type { PeriodFacts } from '../../parts/period.js';
import type { Halvaarsrapport2011 } from './data.js';

/** Every figure bosoreport computes for a half-year report; the `beregnet` part of `compute --json`. */
export interface Halvaarsrapport2011Figures {
  periode: PeriodFacts;
  aktiviteter: ActivitySummary;
}

/** The form's own figures; the period comes from form.yaml. */
export function deriveHalvaarsrapport2011(report: Halvaarsrapport2011): Omit<Halvaarsrapport2011Figures, 'periode'> {
  return {
    aktiviteter: summarizeActivities(activityLines(report.aktivitetsplan.aktiviteter, ['aktivitetsplan', 'aktiviteter'])),
  };
}
