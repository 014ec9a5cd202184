import path from 'node:path';
import type { DataPath } from '../load/positions.js';
import { NEED_ROWS, type Aarsrapport2012, type NeedRowKey } from '../forms/aarsrapport-2012/data.js';
import type { FormDescriptor } from '../forms/types.js';
import type { Params } from '../messages/index.js';
import type { RuleSeverity } from '../rules/types.js';
import { asciiKey } from '../util/similar.js';

/**
 * What a cross-report rule knows of one schema-valid report: a few facts, not the whole report, so a
 * batch of a thousand reports does not keep a thousand reports in memory until the end.
 */
export interface ReportFacts {
  file: string;
  form: FormDescriptor;
  kommune: string;
  /** The municipality as a comparable key: «Gjøvik kommune» and «gjovik» are the same. */
  kommuneKey: string;
  aar: number;
  /** Annual reports: «status behov» pr. 01.01 and 31.12 per row of table 1.1. */
  behov?: Record<NeedRowKey, { pr0101: number | null; pr3112: number | null }>;
  /** Annual reports: the priority area named for next year, if any. */
  prioritertOmraade?: string;
}

/** The facts of a schema-valid report (the schema guarantees the shape read here). */
export function factsOf(file: string, form: FormDescriptor, data: unknown): ReportFacts {
  const info = (data as { generell_programinformasjon: { kommune: string; rapporteringsaar: number } }).generell_programinformasjon;
  const facts: ReportFacts = { file, form, kommune: info.kommune, kommuneKey: kommuneKey(info.kommune), aar: info.rapporteringsaar };
  if (form.kind !== 'aarsrapport') return facts;
  const hovedmaal = (data as Aarsrapport2012).hovedmaal;
  const table = hovedmaal.anskaffe_og_beholde_bolig;
  facts.behov = Object.fromEntries(NEED_ROWS.map((row) => [row, { pr0101: table[row].status_behov_pr_0101, pr3112: table[row].status_behov_pr_3112 }])) as ReportFacts['behov'];
  if (hovedmaal.saerskilt_prioritert_omraade) facts.prioritertOmraade = hovedmaal.saerskilt_prioritert_omraade.omraade;
  return facts;
}

export interface CrossFinding {
  report: ReportFacts;
  path: DataPath;
  params: Params;
}

/** A check across the reports of a repository; messages as for other rules (`rule/<id>`). */
export interface CrossRule {
  id: string;
  code: string;
  severity: RuleSeverity;
  check(reports: readonly ReportFacts[]): CrossFinding[];
}

export function kommuneKey(name: string): string {
  return asciiKey(name).replace(/_?kommune$/, '').replace(/^bydel_/, '');
}

function byKey(reports: readonly ReportFacts[], key: (r: ReportFacts) => string): Map<string, ReportFacts[]> {
  const map = new Map<string, ReportFacts[]>();
  for (const r of reports) {
    const k = key(r);
    const group = map.get(k);
    if (group) group.push(r);
    else map.set(k, [r]);
  }
  return map;
}

const INFO_YEAR: DataPath = ['generell_programinformasjon', 'rapporteringsaar'];

/** Two reports for the same municipality, report type and period: one of them is a copy or mislabelled. */
export const dobbelRapport: CrossRule = {
  id: 'dobbel-rapport',
  code: 'X3',
  severity: 'error',
  check: (reports) =>
    [...byKey(reports, (r) => `${r.kommuneKey}|${r.form.kind}|${r.aar}`).values()]
      .filter((group) => group.length > 1)
      .flatMap((group) => {
        const sorted = [...group].sort((a, b) => a.file.localeCompare(b.file));
        return sorted.slice(1).map((r) => ({ report: r, path: INFO_YEAR, params: { annen: sorted[0]!.file, kommune: r.kommune, aar: r.aar } }));
      }),
};

/**
 * Each annual report with the same municipality's annual report of the year before, when there is
 * exactly one (with two, the duplicate check speaks instead).
 */
function withLastYear(reports: readonly ReportFacts[]): [ReportFacts, ReportFacts][] {
  // Grouped once: a region's repository holds thousands of reports, and pairing them by scanning is quadratic.
  const annual = byKey(
    reports.filter((r) => r.form.kind === 'aarsrapport'),
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
  check: (reports) => {
    const found: CrossFinding[] = [];
    for (const [r, last] of withLastYear(reports)) {
      for (const row of NEED_ROWS) {
        const a = r.behov![row].pr0101;
        const b = last.behov![row].pr3112;
        if (a !== null && b !== null && a !== b) {
          found.push({ report: r, path: ['hovedmaal', 'anskaffe_og_beholde_bolig', row, 'status_behov_pr_0101'], params: { rad: row.charAt(0).toUpperCase(), verdi: a, fjor: b, aar: r.aar, fjorfil: last.file } });
        }
      }
    }
    return found;
  },
};

/**
 * Last year's report named a priority area for this year; this year's report should carry the same
 * area on (FORMS.md marks how the area continues as unverified, so this is a warning).
 */
export const saerskiltIkkeViderefort: CrossRule = {
  id: 'saerskilt-ikke-viderefort',
  code: 'X2',
  severity: 'warning',
  check: (reports) => {
    const found: CrossFinding[] = [];
    for (const [r, last] of withLastYear(reports)) {
      const before = last.prioritertOmraade;
      if (before === undefined) continue;
      const now = r.prioritertOmraade;
      if (now !== undefined && asciiKey(now) === asciiKey(before)) continue;
      found.push({ report: r, path: now !== undefined ? ['hovedmaal', 'saerskilt_prioritert_omraade', 'omraade'] : ['hovedmaal'], params: { omraade: before, aar: r.aar, fjorfil: last.file } });
    }
    return found;
  },
};

/**
 * The repository layout is reports/<kommune>/<year>-<form>.yaml; a file whose folder or name says
 * another municipality, year or report type than its content is misfiled or mislabelled.
 */
export const filnavnStemmerIkke: CrossRule = {
  id: 'filnavn-stemmer-ikke',
  code: 'X4',
  severity: 'warning',
  check: (reports) =>
    reports.flatMap((r) => {
      const name = asciiKey(path.basename(r.file).replace(/\.ya?ml$/i, ''));
      const folder = kommuneKey(path.basename(path.dirname(path.resolve(r.file))));
      const where = `${folder}/${name}`;
      const problems: string[] = [];
      if (!where.includes(r.kommuneKey)) problems.push('kommune');
      if (!name.includes(String(r.aar))) problems.push('aar');
      const half = name.includes('halvaar');
      if (r.form.kind === 'halvaarsrapport' ? !half : half || !name.includes('aarsrapport')) problems.push('skjema');
      if (problems.length === 0) return [];
      return [{ report: r, path: ['skjema'], params: { fil: r.file, kommune: r.kommune, aar: r.aar, type: r.form.kind, deler: problems.join(', ') } }];
    }),
};

export const CROSS_RULES: readonly CrossRule[] = [status0101UlikFjoraaret, saerskiltIkkeViderefort, dobbelRapport, filnavnStemmerIkke];
