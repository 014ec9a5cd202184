import { groupBy } from '../util/group.js';
import path from 'node:path';
import type { Form } from '../forms/types.js';
import type { DataPath } from '../load/positions.js';
import type { Params } from '../messages/index.js';
import { NEED_ROWS, type NeedRowKey } from '../parts/data.js';
import { findParts } from '../parts/discover.js';
import { municipalityName, readHeader, valueAt } from '../parts/header.js';
import type { RuleMeta } from '../rules/types.js';
import { own } from '../util/own.js';
import { asciiKey } from '../util/similar.js';

/**
 * What a cross-report rule knows of one schema-valid report: a few facts, not the whole report, so a
 * batch of a thousand reports does not keep a thousand reports in memory until the end.
 */
export interface ReportFacts {
  file: string;
  form: Form;
  /**
   * False for a report that did not match its form: only what its header says of it (municipality,
   * year, report type) is known, read where the form keeps them, and only the duplicate check uses it.
   */
  schemaValid: boolean;
  kommune: string;
  /** The municipality as a comparable key: «Gjøvik kommune» and «gjovik» are the same. */
  kommuneKey: string;
  aar: number;
  /** The report's type and period kind (a combined form's report is a half-year or an annual report). */
  type: string;
  periodKind: string;
  /** Forms that offer a need table: «status behov» pr. 01.01 and 31.12 per row. */
  behov?: Record<NeedRowKey, { pr0101: number | null; pr3112: number | null }>;
  /** Forms that offer one: the priority area named for next year, if any. */
  prioritertOmraade?: string;
  /** A plan: its activities (those under an activity goal with the goal's id), with their ids and where each stands. */
  planAktiviteter?: { id: string; nr?: number; tittel: string; goal?: string; path: DataPath }[];
  /** A report with activity tables: its numbered activities, with the plan id (and goal) they give and where each stands. */
  aktiviteter?: { nr: number; planId?: string; planMaal?: string; tittel: string; path: DataPath }[];
}

/** The facts of a schema-valid report, read where its form says they are (form.yaml `felter`, `fakta`). */
export function factsOf(file: string, form: Form, data: unknown): ReportFacts {
  const header = readHeader(data, form.fields);
  const kommune = own(header.kommune ?? '');
  const variant = form.variant(data);
  const facts: ReportFacts = { file, form, schemaValid: true, kommune, kommuneKey: kommuneKey(kommune), aar: header.aar ?? 0, type: variant.type, periodKind: variant.period.kind };
  if (form.facts.behov) {
    const table = valueAt(data, form.facts.behov) as Record<NeedRowKey, { status_behov_pr_0101: number | null; status_behov_pr_3112: number | null }> | undefined;
    if (table)
      facts.behov = Object.fromEntries(NEED_ROWS.map((row) => [row, { pr0101: table[row].status_behov_pr_0101, pr3112: table[row].status_behov_pr_3112 }])) as ReportFacts['behov'];
  }
  if (form.facts.prioritert_omraade) {
    const area = valueAt(data, form.facts.prioritert_omraade);
    if (typeof area === 'string') facts.prioritertOmraade = own(area);
  }
  if (form.facts.plan_aktiviteter || form.facts.plan_aktivitetsmaal) {
    type Planned = { id: string; nr?: number; tittel: string };
    const planned = (list: Planned[] | undefined, at: DataPath, goal?: string) =>
      (list ?? []).map((a, i) => ({
        id: own(a.id),
        ...(a.nr !== undefined ? { nr: a.nr } : {}),
        tittel: own(a.tittel),
        ...(goal !== undefined ? { goal } : {}),
        path: [...at, i],
      }));
    const flat = form.facts.plan_aktiviteter;
    const goalsAt = form.facts.plan_aktivitetsmaal;
    const goals = goalsAt ? ((valueAt(data, goalsAt) as { id: string; aktiviteter: Planned[] }[] | undefined) ?? []) : [];
    facts.planAktiviteter = [
      ...goals.flatMap((g, i) => planned(g.aktiviteter, [...goalsAt!, i, 'aktiviteter'], own(g.id))),
      ...(flat ? planned(valueAt(data, flat) as Planned[] | undefined, flat) : []),
    ];
  }
  const lists = findParts(form.schemaId, data).activityLists;
  if (lists.length) {
    facts.aktiviteter = lists.flatMap((l) =>
      l.activities.map((a, i) => ({
        nr: a.nr,
        ...(a.plan_id ? { planId: own(a.plan_id) } : {}),
        ...(a.plan_maal ? { planMaal: own(a.plan_maal) } : {}),
        tittel: own(a.tittel),
        path: [...l.path, i],
      })),
    );
  }
  return facts;
}

/**
 * What can be read safely of a report that did not match its form: its municipality, year and report
 * type, where they have the right kind of value (a name, a whole year); else nothing. A draft copy
 * with a mistake in it is then still found as a copy.
 */
export function identityOf(file: string, form: Form, data: unknown): ReportFacts | undefined {
  const header = readHeader(data, form.fields);
  const kommune = municipalityName(header.kommune);
  if (!kommune || header.aar === null || !Number.isSafeInteger(header.aar)) return undefined;
  const variant = form.variant(data);
  return { file, form, schemaValid: false, kommune: own(kommune), kommuneKey: kommuneKey(kommune), aar: header.aar, type: variant.type, periodKind: variant.period.kind };
}

export interface CrossFinding {
  report: ReportFacts;
  path: DataPath;
  params: Params;
}

/** What the checks across reports know beyond the reports: the report types the forms define, and the folder file names are relative to. */
export interface CrossContext {
  types: readonly string[];
  cwd: string;
}

/** A check across the reports of a repository, with its own words like every rule. */
export interface CrossRule extends RuleMeta<any> {
  /** Also given the reports that did not match their form (their header only); the others get schema-valid reports alone. */
  withBroken?: boolean;
  check(reports: readonly ReportFacts[], ctx: CrossContext): CrossFinding[];
}

export function kommuneKey(name: string): string {
  return asciiKey(name)
    .replace(/_?kommune$/, '')
    .replace(/^bydel_/, '');
}

/** The reports that are copies of each other have this in common: municipality, report type and year. */
export function duplicateKey(r: { kommuneKey: string; type: string; aar: number }): string {
  return `${r.kommuneKey}|${r.type}|${r.aar}`;
}

/**
 * Of a municipality's reports for one period, the one that counts comes first: one that matches its
 * form before a broken draft, then by file name. The duplicate check flags the others, and the
 * overview shows the first one's figures.
 */
export function originalFirst(a: { schemaValid: boolean; file: string }, b: { schemaValid: boolean; file: string }): number {
  return Number(b.schemaValid) - Number(a.schemaValid) || a.file.localeCompare(b.file);
}

/** Two reports for the same municipality, report type and period: one of them is a copy or mislabelled. */
export const dobbelRapport: CrossRule = {
  id: 'dobbel-rapport',
  code: 'X3',
  severity: 'error',
  // A draft with a schema error is a copy too, and must not pass for the report.
  withBroken: true,
  messages: {
    nb: {
      message: (p) => `Det finnes allerede en rapport av samme type for ${p.kommune} ${p.aar}: ${p.annen}.`,
      hint: () => 'Fjern kopien, eller rett kommune eller rapporteringsår i den ene.',
      about: 'To rapporter for samme kommune, rapporttype og periode.',
    },
    nn: {
      message: (p) => `Det finst allereie ein rapport av same type for ${p.kommune} ${p.aar}: ${p.annen}.`,
      hint: () => 'Fjern kopien, eller rett kommune eller rapporteringsår i den eine.',
      about: 'To rapportar for same kommune, rapporttype og periode.',
    },
    en: {
      message: (p) => `There already is a report of the same type for ${p.kommune} ${p.aar}: ${p.annen}.`,
      hint: () => 'Remove the copy, or correct the municipality or reporting year of one of them.',
      about: 'Two reports for the same municipality, report type and period.',
    },
  },
  check: (reports) =>
    [...groupBy(reports, duplicateKey).values()]
      .filter((group) => group.length > 1)
      .flatMap((group) => {
        const sorted = [...group].sort(originalFirst);
        return sorted.slice(1).map((r) => ({ report: r, path: r.form.fields.aar, params: { annen: sorted[0]!.file, kommune: r.kommune, aar: r.aar } }));
      }),
};

/**
 * Each annual report with the same municipality's annual report of the year before, when there is
 * exactly one (with two, the duplicate check speaks instead).
 */
function withLastYear(reports: readonly ReportFacts[]): [ReportFacts, ReportFacts][] {
  // Grouped once: a region's repository holds thousands of reports, and pairing them by scanning is quadratic.
  const annual = groupBy(
    reports.filter((r) => r.periodKind === 'aar' && r.behov),
    (r) => `${r.kommuneKey}|${r.aar}`,
  );
  return [...annual.values()].flatMap((group) =>
    group.flatMap((r) => {
      const last = annual.get(`${r.kommuneKey}|${r.aar - 1}`);
      return last?.length === 1 ? [[r, last[0]!] as [ReportFacts, ReportFacts]] : [];
    }),
  );
}

/** Last year's «status behov pr. 31.12» is this year's «pr. 01.01» for the same row. */
export const status0101UlikFjoraaret: CrossRule = {
  id: 'status-0101-ulik-fjoraaret',
  code: 'X1',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Rad ${p.rad}: status behov pr. 01.01.${p.aar} er ${p.verdi}, men fjorårets rapport oppga ${p.fjor} pr. 31.12.${Number(p.aar) - 1} (${p.fjorfil}).`,
      hint: () => 'Tallet ved årets start er vanligvis fjorårets tall ved årets slutt; rett det ene eller forklar forskjellen i kommentaren.',
      about: 'Årets status behov pr. 01.01 er fjorårets pr. 31.12 for samme kommune og rad.',
    },
    nn: {
      message: (p) => `Rad ${p.rad}: status behov pr. 01.01.${p.aar} er ${p.verdi}, men rapporten frå i fjor gav ${p.fjor} pr. 31.12.${Number(p.aar) - 1} (${p.fjorfil}).`,
      hint: () => 'Talet ved starten av året er vanlegvis talet frå slutten av året før; rett det eine eller forklar skilnaden i kommentaren.',
      about: 'Status behov pr. 01.01 i år er den same som pr. 31.12 i fjor for same kommune og rad.',
    },
    en: {
      message: (p) => `Row ${p.rad}: status at 01.01.${p.aar} is ${p.verdi}, but last year's report gave ${p.fjor} at 31.12.${Number(p.aar) - 1} (${p.fjorfil}).`,
      hint: () => "The figure at the start of the year is usually last year's end-of-year figure; correct one of them or explain the difference in the comment.",
      about: "This year's need at 01.01 equals last year's at 31.12 for the same municipality and row.",
    },
  },
  check: (reports) => {
    const found: CrossFinding[] = [];
    for (const [r, last] of withLastYear(reports)) {
      for (const row of NEED_ROWS) {
        const a = r.behov![row].pr0101;
        const b = last.behov![row].pr3112;
        if (a !== null && b !== null && a !== b) {
          found.push({
            report: r,
            path: [...r.form.facts.behov!, row, 'status_behov_pr_0101'],
            params: { rad: row.charAt(0).toUpperCase(), verdi: a, fjor: b, aar: r.aar, fjorfil: last.file },
          });
        }
      }
    }
    return found;
  },
};

/**
 * Last year's report named a priority area for this year; this year's report should carry the same
 * area on (how the area continues is not known from a real report, so this is a warning).
 */
export const saerskiltIkkeViderefort: CrossRule = {
  id: 'saerskilt-ikke-viderefort',
  code: 'X2',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Fjorårets rapport (${p.fjorfil}) hadde «${p.omraade}» som særskilt prioritert område i ${p.aar}; årets rapport fører det ikke videre.`,
      hint: () => 'Før opp det samme området, eller forklar i teksten hvorfor prioriteringen er endret.',
      about: 'Særskilt prioritert område fra fjorårets rapport føres videre i årets.',
    },
    nn: {
      message: (p) => `Rapporten frå i fjor (${p.fjorfil}) hadde «${p.omraade}» som særskilt prioritert område i ${p.aar}; rapporten i år fører det ikkje vidare.`,
      hint: () => 'Før opp det same området, eller forklar i teksten kvifor prioriteringa er endra.',
      about: 'Særskilt prioritert område frå rapporten i fjor blir ført vidare i rapporten i år.',
    },
    en: {
      message: (p) => `Last year's report (${p.fjorfil}) named "${p.omraade}" as the priority area for ${p.aar}; this year's report does not carry it on.`,
      hint: () => 'Name the same area, or explain in the text why the priority changed.',
      about: "The priority area from last year's report is carried on in this year's.",
    },
  },
  check: (reports) => {
    const found: CrossFinding[] = [];
    for (const [r, last] of withLastYear(reports)) {
      const before = last.prioritertOmraade;
      if (before === undefined) continue;
      const now = r.prioritertOmraade;
      if (now !== undefined && asciiKey(now) === asciiKey(before)) continue;
      // Where the area stands, or where its section would be (the owner of the area's row).
      const at = r.form.facts.prioritert_omraade!;
      found.push({ report: r, path: now !== undefined ? at : at.slice(0, -2), params: { omraade: before, aar: r.aar, fjorfil: last.file } });
    }
    return found;
  },
};

/** What differs between a file's place and its report, in words: the folder, the year, the report type. */
type FileProblems = Record<'kommune' | 'aar' | 'type', (p: Params) => string>;

const FILE_PROBLEMS: Record<'nb' | 'nn' | 'en', FileProblems> = {
  nb: {
    kommune: (p) => `mappen heter ${p.mappe}, rapporten gjelder ${p.kommune}`,
    aar: (p) => (p.filaar ? `filnavnet sier ${p.filaar}, rapporten gjelder ${p.aar}` : `filnavnet har ikke årstallet ${p.aar}`),
    type: (p) => (p.filtype ? `filnavnet sier ${p.filtype}, rapporttypen er ${p.type}` : `filnavnet har ikke rapporttypen ${p.type}`),
  },
  nn: {
    kommune: (p) => `mappa heiter ${p.mappe}, rapporten gjeld ${p.kommune}`,
    aar: (p) => (p.filaar ? `filnamnet seier ${p.filaar}, rapporten gjeld ${p.aar}` : `filnamnet har ikkje årstalet ${p.aar}`),
    type: (p) => (p.filtype ? `filnamnet seier ${p.filtype}, rapporttypen er ${p.type}` : `filnamnet har ikkje rapporttypen ${p.type}`),
  },
  en: {
    kommune: (p) => `the folder is named ${p.mappe}, the report is for ${p.kommune}`,
    aar: (p) => (p.filaar ? `the file name says ${p.filaar}, the report is for ${p.aar}` : `the file name does not have the year ${p.aar}`),
    type: (p) => (p.filtype ? `the file name says ${p.filtype}, the report type is ${p.type}` : `the file name does not have the report type ${p.type}`),
  },
};

/** The differences a finding names (`deler`: «kommune,aar,type»), joined for the message; none for parameters without them. */
function fileProblems(p: Params, lang: 'nb' | 'nn' | 'en'): string {
  const words = FILE_PROBLEMS[lang];
  const parts = String(p.deler ?? '')
    .split(',')
    .filter((k): k is keyof FileProblems => Object.hasOwn(words, k))
    .map((k) => words[k](p));
  return parts.length ? `: ${parts.join('; ')}` : '';
}

/**
 * The repository layout is rapporter/<kommune>/<year>-<type>.yaml; a file whose folder or name says
 * another municipality, year or report type than its content is misfiled or mislabelled. The types
 * the hint lists are the ones the forms define.
 */
export const filnavnStemmerIkke: CrossRule = {
  id: 'filnavn-stemmer-ikke',
  code: 'X4',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Filen ${p.fil} ligger eller heter ikke som rapporten den inneholder${fileProblems(p, 'nb')}.`,
      hint: (p) => `Oppsettet er rapporter/<kommune>/<år>-<${p.typer || 'rapporttype'}>.yaml; flytt eller gi filen nytt navn, eller rett innholdet.`,
      about: 'Mappe og filnavn stemmer med rapportens kommune, år og rapporttype.',
    },
    nn: {
      message: (p) => `Fila ${p.fil} ligg eller heiter ikkje som rapporten ho inneheld${fileProblems(p, 'nn')}.`,
      hint: (p) => `Oppsettet er rapporter/<kommune>/<år>-<${p.typer || 'rapporttype'}>.yaml; flytt fila eller gi ho nytt namn, eller rett innhaldet.`,
      about: 'Mappe og filnamn stemmer med kommunen, året og rapporttypen i rapporten.',
    },
    en: {
      message: (p) => `The file ${p.fil} is not placed or named like the report it holds${fileProblems(p, 'en')}.`,
      hint: (p) => `The layout is rapporter/<kommune>/<year>-<${p.typer || 'report type'}>.yaml; move or rename the file, or correct its content.`,
      about: "Folder and file name agree with the report's municipality, year and report type.",
    },
  },
  check: (reports, { types, cwd }) => {
    const typer = [...types].sort().join('|'); // ASCII keys: no collation data needed
    // Longest first, so that a name says «halvaarsrapport» rather than the «aarsrapport» inside it.
    const longestFirst = [...types].sort((a, b) => b.length - a.length);
    return reports.flatMap((r) => {
      // A report piped in on standard input has no file name to check.
      if (r.file === '<stdin>') return [];
      const name = asciiKey(path.basename(r.file).replace(/\.ya?ml$/i, ''));
      const mappe = path.basename(path.dirname(path.resolve(cwd, r.file)));
      const where = `${kommuneKey(mappe)}/${name}`;
      const problems: string[] = [];
      if (!where.includes(r.kommuneKey)) problems.push('kommune');
      if (!name.includes(String(r.aar))) problems.push('aar');
      // «halvaarsrapport» holds «aarsrapport»: a name must hold its own type and no longer type that contains it.
      const type = r.type;
      if (!name.includes(type) || types.some((other) => other !== type && other.includes(type) && name.includes(other))) problems.push('type');
      if (problems.length === 0) return [];
      const filaar = /(?<!\d)\d{4}(?!\d)/.exec(name)?.[0] ?? '';
      const filtype = longestFirst.find((t) => name.includes(t)) ?? '';
      const params = { fil: r.file, mappe, kommune: r.kommune, aar: r.aar, filaar, type, filtype, deler: problems.join(','), typer };
      return [{ report: r, path: ['skjema'], params }];
    });
  },
};

type PlanActivity = NonNullable<ReportFacts['planAktiviteter']>[number];
type ReportActivity = NonNullable<ReportFacts['aktiviteter']>[number];

/** A report's activity is the plan's when it names the plan's id, or (without an id) has its number. */
function sameId(a: ReportActivity, p: PlanActivity): boolean {
  return a.planId !== undefined ? a.planId === p.id : p.id === String(a.nr) || p.nr === a.nr;
}

/** …and, when the report names the activity goal, sits under that goal in the plan. */
function sameActivity(a: ReportActivity, p: PlanActivity): boolean {
  return sameId(a, p) && (a.planMaal === undefined || a.planMaal === p.goal);
}

/** Where an activity the plan lacks is pointed at: its goal when the plan has the id under another goal, else its id or number. */
function missingAt(a: ReportActivity, plan: readonly PlanActivity[]): string {
  if (a.planMaal !== undefined && plan.some((p) => sameId(a, p))) return 'plan_maal';
  return a.planId !== undefined ? 'plan_id' : 'nr';
}

/** Each report with activities, with the one plan of its municipality and year (none or two: no pairing). */
function withPlan(reports: readonly ReportFacts[]): [ReportFacts, ReportFacts][] {
  const plans = groupBy(
    reports.filter((r) => r.planAktiviteter),
    (r) => `${r.kommuneKey}|${r.aar}`,
  );
  return reports.flatMap((r) => {
    const plan = plans.get(`${r.kommuneKey}|${r.aar}`);
    return r.aktiviteter && plan?.length === 1 ? [[r, plan[0]!] as [ReportFacts, ReportFacts]] : [];
  });
}

/** X5: an activity reported on that the year's activity plan does not have (renumbered, or not planned). */
export const aktivitetIkkeIPlan: CrossRule = {
  id: 'aktivitet-ikke-i-plan',
  code: 'X5',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Aktivitet ${p.nr} «${p.tittel}» finnes ikke ${p.goal ? `under aktivitetsmål ${p.goal} ` : ''}i aktivitetsplanen for ${p.aar} (${p.plan}).`,
      hint: () =>
        'Skriv aktivitetens id fra planen i «plan_id» og målet den står under i «plan_maal», eller sjekk nummeret; en aktivitet som ikke var planlagt kan forklares i «avvik».',
      about: 'En aktivitet i halvårs- eller årsrapporten finnes i årets aktivitetsplan, under aktivitetsmålet rapporten oppgir.',
    },
    nn: {
      message: (p) => `Aktivitet ${p.nr} «${p.tittel}» finst ikkje ${p.goal ? `under aktivitetsmål ${p.goal} ` : ''}i aktivitetsplanen for ${p.aar} (${p.plan}).`,
      hint: () =>
        'Skriv id-en til aktiviteten frå planen i «plan_id» og målet han står under i «plan_maal», eller kontroller nummeret; ein aktivitet som ikkje var planlagd, kan forklarast i «avvik».',
      about: 'Ein aktivitet i halvårs- eller årsrapporten finst i aktivitetsplanen for året, under aktivitetsmålet rapporten oppgir.',
    },
    en: {
      message: (p) => `Activity ${p.nr} "${p.tittel}" is not ${p.goal ? `under activity goal ${p.goal} ` : ''}in the activity plan for ${p.aar} (${p.plan}).`,
      hint: () =>
        'Give the plan\'s id of the activity in "plan_id" and the goal it sits under in "plan_maal", or check the number; an activity that was not planned can be explained in "avvik".',
      about: "An activity in a half-year or annual report is in the year's activity plan, under the activity goal the report gives.",
    },
  },
  check: (reports) =>
    withPlan(reports).flatMap(([r, plan]) =>
      r
        .aktiviteter!.filter((a) => !plan.planAktiviteter!.some((p) => sameActivity(a, p)))
        .map((a) => ({
          report: r,
          path: [...a.path, missingAt(a, plan.planAktiviteter!)],
          params: { nr: a.nr, tittel: a.tittel, aar: r.aar, plan: plan.file, goal: a.planMaal ?? '' },
        })),
    ),
};

/** X6: a planned activity that no report of the year says anything about. */
export const planlagtAktivitetUtenRapport: CrossRule = {
  id: 'planlagt-aktivitet-uten-rapport',
  code: 'X6',
  severity: 'warning',
  messages: {
    nb: {
      message: (p) => `Den planlagte aktiviteten ${p.id} «${p.tittel}» er ikke rapportert på i ${p.aar} (${p.rapporter}).`,
      hint: () => 'Ta aktiviteten med i halvårs- eller årsrapportens aktivitetstabell, også om den ikke er startet.',
      about: 'Hver aktivitet i årets aktivitetsplan er rapportert på i en halvårs- eller årsrapport for samme år.',
    },
    nn: {
      message: (p) => `Den planlagde aktiviteten ${p.id} «${p.tittel}» er ikkje rapportert på i ${p.aar} (${p.rapporter}).`,
      hint: () => 'Ta med aktiviteten i aktivitetstabellen i halvårs- eller årsrapporten, òg om aktiviteten ikkje er starta.',
      about: 'Kvar aktivitet i aktivitetsplanen for året er rapportert på i ein halvårs- eller årsrapport for same år.',
    },
    en: {
      message: (p) => `The planned activity ${p.id} "${p.tittel}" is not reported on in ${p.aar} (${p.rapporter}).`,
      hint: () => "Include the activity in the half-year or annual report's activity table, even if it has not started.",
      about: "Every activity in the year's activity plan is reported on in a half-year or annual report of the same year.",
    },
  },
  check: (reports) => {
    const byPlan = new Map<ReportFacts, ReportFacts[]>();
    for (const [r, plan] of withPlan(reports)) byPlan.set(plan, [...(byPlan.get(plan) ?? []), r]);
    return [...byPlan].flatMap(([plan, reported]) =>
      plan
        .planAktiviteter!.filter((p) => !reported.some((r) => r.aktiviteter!.some((a) => sameActivity(a, p))))
        .map((p) => ({ report: plan, path: [...p.path, 'id'], params: { id: p.id, tittel: p.tittel, aar: plan.aar, rapporter: reported.map((r) => r.file).join(', ') } })),
    );
  },
};

export const CROSS_RULES: readonly CrossRule[] = [
  status0101UlikFjoraaret,
  saerskiltIkkeViderefort,
  dobbelRapport,
  filnavnStemmerIkke,
  aktivitetIkkeIPlan,
  planlagtAktivitetUtenRapport,
];
