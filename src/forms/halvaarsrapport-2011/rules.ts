import { COMMON_RULES } from '../../rules/common.js';
import type { Finding, Rule } from '../../rules/types.js';
import { activityLines, STATUS_LABELS, type ActivityLine } from '../shared/activities.js';
import type { Halvaarsrapport2011 } from './data.js';
import type { Halvaarsrapport2011Figures } from './derive.js';

type HalvaarRule = Rule<Halvaarsrapport2011, Halvaarsrapport2011Figures>;

function lines(data: Halvaarsrapport2011): ActivityLine[] {
  return activityLines(data.aktivitetsplan.aktiviteter, ['aktivitetsplan', 'aktiviteter']);
}

/** «Aktivitet 2» or «Aktivitet 2, rad 1» for messages. */
function where(line: ActivityLine): string {
  return line.delrad === null ? String(line.nr) : `${line.nr}.${line.delrad + 1}`;
}


/** W3: the status and the percent tell different stories. */
export const statusOgProsentUenige: HalvaarRule = {
  id: 'status-og-prosent-uenige',
  code: 'W3',
  severity: 'warning',
  check: ({ data }) => {
    const found: Finding[] = [];
    for (const line of lines(data)) {
      const { status, framdrift_prosent: p } = line.row;
      if (typeof p !== 'number' || !status) continue;
      const disagree =
        (status === 'gjennomfort' && p < 100) ||
        (status !== 'gjennomfort' && p === 100) ||
        (p === 0 && status !== 'ikke_startet' && status !== 'ikke_gjennomfort');
      if (disagree) found.push({ path: [...line.sti, 'framdrift_prosent'], params: { aktivitet: where(line), status: STATUS_LABELS[status]!, prosent: p } });
    }
    return found;
  },
};

/** W3: a status is given but the percent column is empty (not for «ikke startet», which is 0 by nature). */
export const statusUtenProsent: HalvaarRule = {
  id: 'status-uten-prosent',
  code: 'W3',
  severity: 'warning',
  check: ({ data }) =>
    lines(data)
      .filter((l) => l.row.status && l.row.status !== 'ikke_startet' && typeof l.row.framdrift_prosent !== 'number')
      .map((l) => ({ path: [...l.sti, 'status'], params: { aktivitet: where(l), status: STATUS_LABELS[l.row.status!]! } })),
};

/** About one A4 page of running text. */
export const EXAMPLE_MAX_CHARS = 4000;

/** W10: «Godt eksempel (maks 1 side)». */
export const godtEksempelForLangt: HalvaarRule = {
  id: 'godt-eksempel-for-langt',
  code: 'W10',
  severity: 'warning',
  check: ({ data }) =>
    (data.formidling?.gode_eksempler ?? []).flatMap((e, i) =>
      e.tekst.length > EXAMPLE_MAX_CHARS ? [{ path: ['formidling', 'gode_eksempler', i, 'tekst'], params: { nr: i + 1, tegn: e.tekst.length, maks: EXAMPLE_MAX_CHARS } }] : [],
    ),
};

export const HALVAARSRAPPORT_2011_RULES: readonly HalvaarRule[] = [...(COMMON_RULES as HalvaarRule[]), statusOgProsentUenige, statusUtenProsent, godtEksempelForLangt];
