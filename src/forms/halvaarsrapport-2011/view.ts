import { toPointer } from '../../diagnostics.js';
import { progressBars } from '../../parts/charts.js';
import { activityLines } from '../../parts/activities.js';
import type { Halvaarsrapport2011 } from './data.js';
import type { Halvaarsrapport2011Figures } from './derive.js';

export function viewHalvaarsrapport2011(data: Halvaarsrapport2011, _figures: Halvaarsrapport2011Figures): Record<string, unknown> {
  const lines = activityLines(data.aktivitetsplan.aktiviteter, ['aktivitetsplan', 'aktiviteter']);
  const rows = lines.map((l) => ({
    ...l.row,
    nr: l.nr,
    tittel: l.tittel,
    hovedrad: l.delrad === null,
    merke: l.delrad === null ? `Aktivitet ${l.nr}` : '',
    sti: toPointer(l.sti),
    prosentsti: toPointer([...l.sti, 'framdrift_prosent']),
    statussti: toPointer([...l.sti, 'status']),
  }));
  const withPercent = lines.filter((l) => typeof l.row.framdrift_prosent === 'number');
  const text = data.programplan_status;
  return {
    aktivitetsrader: rows,
    framdriftsdiagram: progressBars(
      withPercent.map((l) => ({
        label: `${l.nr}${l.delrad === null ? '' : `.${l.delrad + 1}`} ${l.delrad === null ? l.tittel : (l.row.beskrivelse ?? l.tittel)}`,
        percent: l.row.framdrift_prosent ?? null,
      })),
      'Status framdrift i prosent per aktivitet',
    ),
    programplan: (typeof text === 'string' ? [text] : text).map((block) => (typeof block === 'string' ? { tekst: block } : block)),
  };
}
