import { formatChange, formatInteger } from '../format/norwegian.js';
import type { Finding, Rule } from '../rules/types.js';
import { activityLines, STATUS_LABELS, type ActivityLine } from './activities.js';
import { countOf, type Count } from './data.js';
import { findParts } from './discover.js';
import { sum } from './figures.js';

// Rules over the shared parts of a form (need rows, number rows, activity tables), wherever its
// schema uses them: every form gets them, including a repository's form without code of its own.

type PartRule = Rule<unknown, unknown>;

function n(v: Count): string {
  return v === null ? '?' : formatInteger(v);
}

/** E5: a breakdown must add up to the figure it breaks down (450 + 362 + 118 = 930). */
export const fordelingSum: PartRule = {
  id: 'fordeling-sum',
  code: 'E5',
  severity: 'error',
  messages: {
    nb: {
      message: (p) => `Fordelingen ${p.deler} = ${p.sum}, men tallet er ${p.oppgitt}.`,
      hint: () => 'Rett tallet eller delene så summen stemmer.',
      about: 'En fordeling (fotnote) skal summere til tallet den deler opp.',
    },
    nn: {
      message: (p) => `Fordelinga ${p.deler} = ${p.sum}, men talet er ${p.oppgitt}.`,
      hint: () => 'Rett talet eller delane så summen stemmer.',
      about: 'Ei fordeling (fotnote) skal summere seg til talet ho deler opp.',
    },
    en: {
      message: (p) => `The breakdown ${p.deler} = ${p.sum}, but the figure is ${p.oppgitt}.`,
      hint: () => 'Correct the figure or its parts so that they add up.',
      about: 'A breakdown (footnote) adds up to the figure it breaks down.',
    },
  },
  check: ({ data, form }) => {
    const found: Finding[] = [];
    for (const { row, path } of findParts(form.schemaId, data).countRows) {
      const c = countOf(row);
      if (!c.fordeling || c.value === null) continue;
      const parts = sum(c.fordeling.map((f) => f.antall));
      if (parts !== null && parts !== c.value) {
        found.push({ path: [...path, 'fordeling'], target: 'key', params: { deler: c.fordeling.map((f) => n(f.antall)).join(' + '), sum: n(parts), oppgitt: n(c.value) } });
      }
    }
    return found;
  },
  // A part's `antall` is a part of the row's `resultat`.
  wholeOf: (path) => {
    const at = path.length - 3;
    return at >= 0 && path[at] === 'fordeling' && typeof path[at + 1] === 'number' && path[at + 2] === 'antall' ? [...path.slice(0, at), 'resultat'] : undefined;
  },
};

/** W1: the form allows «Resultat» to be counted independently, so a difference is only a warning. */
export const resultatAvvikerFraEndring: PartRule = {
  id: 'resultat-avviker-fra-endring',
  code: 'W1',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Oppgitt resultat ${p.resultat} er ikke endringen i behov (${p.fra} − ${p.til} = ${p.endring}).`,
      hint: () => 'Skjemaet tillater at resultatet telles for seg; forklar i så fall forskjellen i kommentaren.',
      about: 'Oppgitt resultat avviker fra utregnet endring (status 01.01 − status 31.12).',
    },
    nn: {
      message: (p) => `Oppgitt resultat ${p.resultat} er ikkje endringa i behov (${p.fra} − ${p.til} = ${p.endring}).`,
      hint: () => 'Skjemaet tillèt at resultatet blir talt for seg; forklar i så fall skilnaden i kommentaren.',
      about: 'Oppgitt resultat avvik frå utrekna endring (status 01.01 − status 31.12).',
    },
    en: {
      message: (p) => `The reported result ${p.resultat} is not the change in need (${p.fra} − ${p.til} = ${p.endring}).`,
      hint: () => 'The form allows the result to be counted separately; if so, explain the difference in the comment.',
      about: 'The reported result differs from the computed change (status 01.01 − status 31.12).',
    },
  },
  check: ({ data, form }) =>
    findParts(form.schemaId, data).needRows.flatMap(({ row, path }) => {
      const endring = row.status_behov_pr_0101 === null || row.status_behov_pr_3112 === null ? null : row.status_behov_pr_0101 - row.status_behov_pr_3112;
      if (row.resultat === undefined || row.resultat === null || endring === null || row.resultat === endring) return [];
      return [
        {
          path: [...path, 'resultat'],
          params: { resultat: formatChange(row.resultat), endring: formatChange(endring), fra: n(row.status_behov_pr_0101), til: n(row.status_behov_pr_3112) },
        },
      ];
    }),
};

/** W2: «Antall husstander som har fått egnet bolig» cannot really be negative; it is usually the delta typed in. */
export const negativtResultat: PartRule = {
  id: 'negativt-resultat',
  code: 'W2',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Oppgitt «antall husstander som har fått egnet bolig» er negativt (${p.resultat}).`,
      hint: () => 'Et antall husstander kan ikke være negativt; trolig er endringen i behov ført opp. bosoreport regner ut endringen selv.',
      about: 'Resultatkolonnen er et antall husstander og bør ikke være negativ.',
    },
    nn: {
      message: (p) => `Oppgitt tal for «antall husstander som har fått egnet bolig» er negativt (${p.resultat}).`,
      hint: () => 'Talet på hushald kan ikkje vere negativt; truleg er endringa i behov ført opp. bosoreport reknar ut endringa sjølv.',
      about: 'Resultatkolonnen er eit tal på hushald og bør ikkje vere negativ.',
    },
    en: {
      message: (p) => `The reported "number of households that got suitable housing" is negative (${p.resultat}).`,
      hint: () => 'A number of households cannot be negative; probably the change in need was entered. bosoreport computes the change itself.',
      about: 'The result column counts households and should not be negative.',
    },
  },
  check: ({ data, form }) =>
    findParts(form.schemaId, data).needRows.flatMap(({ row, path }) =>
      typeof row.resultat === 'number' && row.resultat < 0 ? [{ path: [...path, 'resultat'], params: { resultat: formatChange(row.resultat) } }] : [],
    ),
};

function lines(data: unknown, schemaId: string): ActivityLine[] {
  return findParts(schemaId, data).activityLists.flatMap(({ activities, path }) => activityLines(activities, [...path]));
}

/** «2» for an activity's own row, «2.1» for its first sub-row, in messages. */
function where(line: ActivityLine): string {
  return line.delrad === null ? String(line.nr) : `${line.nr}.${line.delrad + 1}`;
}

/** W3: the status and the percent tell different stories. */
export const statusOgProsentUenige: PartRule = {
  id: 'status-og-prosent-uenige',
  code: 'W3',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Aktivitet ${p.aktivitet}: status «${p.status}» passer ikke med framdrift ${p.prosent} %.`,
      hint: () => '«Gjennomført» betyr 100 %; 100 % betyr gjennomført. Rett den som er feil, eller forklar i «avvik».',
      about: 'Status og framdrift i prosent skal fortelle det samme.',
    },
    nn: {
      message: (p) => `Aktivitet ${p.aktivitet}: status «${p.status}» passar ikkje med framdrift ${p.prosent} %.`,
      hint: () => '«Gjennomført» tyder 100 %; 100 % tyder gjennomført. Rett den som er feil, eller forklar i «avvik».',
      about: 'Status og framdrift i prosent skal fortelje det same.',
    },
    en: {
      message: (p) => `Activity ${p.aktivitet}: status "${p.status}" does not fit progress ${p.prosent} %.`,
      hint: () => '"Gjennomført" (done) means 100 %, and 100 % means done. Correct the one that is wrong, or explain in "avvik".',
      about: 'The status and the progress percent tell the same story.',
    },
  },
  check: ({ data, form }) => {
    const found: Finding[] = [];
    for (const line of lines(data, form.schemaId)) {
      const { status, framdrift_prosent: p } = line.row;
      if (typeof p !== 'number' || !status) continue;
      const disagree = (status === 'gjennomfort' && p < 100) || (status !== 'gjennomfort' && p === 100) || (p === 0 && status !== 'ikke_startet' && status !== 'ikke_gjennomfort');
      if (disagree) found.push({ path: [...line.sti, 'framdrift_prosent'], params: { aktivitet: where(line), status: STATUS_LABELS[status]!, prosent: p } });
    }
    return found;
  },
};

/** W14: a status is given but the percent column is empty (not for «ikke startet», which is 0 by nature). */
export const statusUtenProsent: PartRule = {
  id: 'status-uten-prosent',
  code: 'W14',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Aktivitet ${p.aktivitet}: status «${p.status}» uten framdrift i prosent.`,
      hint: () => 'Fyll inn «framdrift_prosent» (0–100).',
      about: 'En aktivitet med status bør ha framdrift i prosent (ikke «ikke startet», som er 0).',
    },
    nn: {
      message: (p) => `Aktivitet ${p.aktivitet}: status «${p.status}» utan framdrift i prosent.`,
      hint: () => 'Fyll inn «framdrift_prosent» (0–100).',
      about: 'Ein aktivitet med status bør ha framdrift i prosent (ikkje «ikke startet», som er 0).',
    },
    en: {
      message: (p) => `Activity ${p.aktivitet}: status "${p.status}" without a progress percent.`,
      hint: () => 'Fill in "framdrift_prosent" (0–100).',
      about: 'An activity with a status should state its progress in percent (not "ikke startet", which is 0).',
    },
  },
  check: ({ data, form }) =>
    lines(data, form.schemaId)
      .filter((l) => l.row.status && l.row.status !== 'ikke_startet' && typeof l.row.framdrift_prosent !== 'number')
      .map((l) => ({ path: [...l.sti, 'status'], params: { aktivitet: where(l), status: STATUS_LABELS[l.row.status!]! } })),
};

/** Every part rule, in the order they are listed. */
export const PART_RULES: readonly PartRule[] = [fordelingSum, resultatAvvikerFraEndring, negativtResultat, statusOgProsentUenige, statusUtenProsent];
