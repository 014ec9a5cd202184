import { activityLines } from '../../parts/activities.js';
import { activityRows, progressChart } from '../../parts/shared-view.js';
import type { Halvaarsrapport2011 } from './data.js';
import type { Halvaarsrapport2011Figures } from './derive.js';

export function viewHalvaarsrapport2011(data: Halvaarsrapport2011, _figures: Halvaarsrapport2011Figures): Record<string, unknown> {
  const lines = activityLines(data.aktivitetsplan.aktiviteter, ['aktivitetsplan', 'aktiviteter']);
  const text = data.programplan_status;
  return {
    aktivitetsrader: activityRows(lines),
    framdriftsdiagram: progressChart(lines),
    programplan: (typeof text === 'string' ? [text] : text).map((block) => (typeof block === 'string' ? { tekst: block } : block)),
  };
}
