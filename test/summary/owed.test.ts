import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleDoc, GJOVIK, LILLEHAMMER, runMain, tempTree } from '../helpers.js';

interface Overview {
  perioder: string[];
  mangler: { kommune: string; periode: string; frist: string }[];
  verdier: { kommune: string; periode: string; felt: string; verdi: unknown; status: string; fil: string }[];
  kopier: { kommune: string; periode: string; fil: string }[];
}

/** An example report moved to another municipality and year (and delivery date). */
function report(example: string, kommune: string, aar: number, levert?: string): string {
  const doc = exampleDoc(example);
  doc.setIn(['generell_programinformasjon', 'kommune'], kommune);
  doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], aar);
  if (levert) doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], levert);
  doc.delete('forsidedato');
  return doc.toString();
}

/** The overview of a repository as JSON, judged on the day given. */
async function overview(files: Record<string, string>, today: string, ...args: string[]): Promise<Overview & { status: number | null; stderr: string }> {
  const t = tempTree(files);
  try {
    const r = await runMain(['summary', 'rapporter', '-f', 'json', ...args], { cwd: t.dir, env: { BOSOREPORT_TODAY: today } });
    return { ...(JSON.parse(r.stdout || '{}') as Overview), status: r.status, stderr: r.stderr };
  } finally {
    t.cleanup();
  }
}

const missing = (o: Overview) => o.mangler.map((m) => `${m.kommune} ${m.periode} ${m.frist}`);

describe('summary: the latest report, missing after its deadline', () => {
  const hamar2012 = { 'rapporter/hamar/2012-aarsrapport.yaml': report(GJOVIK, 'Hamar', 2012) };

  it("is not missing before the form's deadline, and is the day after it", async () => {
    expect(missing(await overview(hamar2012, '2014-02-28'))).toEqual([]);
    const after = await overview(hamar2012, '2014-03-01');
    expect(missing(after)).toEqual(['Hamar 2013 2014-02-28']);
    expect(after.perioder).toEqual(['2012', '2013']);
  });

  it('says so in the delivery table as it says it for a gap between years', async () => {
    const t = tempTree(hamar2012);
    try {
      const r = await runMain(['summary', 'rapporter', '-f', 'markdown'], { cwd: t.dir, env: { BOSOREPORT_TODAY: '2014-03-01' } });
      expect(r.stdout).toContain('| Hamar | i tide (10 dager før) | mangler (frist 28. februar 2014) |');
    } finally {
      t.cleanup();
    }
  });

  it('counts every year the annual forms served, and none after them', async () => {
    expect(missing(await overview(hamar2012, '2030-01-01'))).toEqual(['Hamar 2013 2014-02-28', 'Hamar 2014 2015-02-28']);
  });

  it('ends with the final report: no annual report is owed for its year or later', async () => {
    const files = { ...hamar2012, 'rapporter/hamar/2014-sluttrapport.yaml': report('examples/eksempelvik-sluttrapport-2014.yaml', 'Hamar', 2014) };
    expect(missing(await overview(files, '2030-01-01'))).toEqual(['Hamar 2013 2014-02-28']);
  });

  it('owes half-year reports only from a municipality that has delivered one, until the half-year form ended', async () => {
    const files = { ...hamar2012, 'rapporter/lillehammer/2011-halvaarsrapport.yaml': exampleDoc(LILLEHAMMER).toString() };
    const o = await overview(files, '2030-01-01');
    expect(missing(o).filter((m) => m.startsWith('Lillehammer'))).toEqual([
      'Lillehammer 2011 2012-02-28',
      'Lillehammer 1. halvår 2012 2012-08-31',
      'Lillehammer 2012 2013-02-28',
      'Lillehammer 2013 2014-02-28',
      'Lillehammer 2014 2015-02-28',
    ]);
    expect(missing(o).filter((m) => m.includes('halvår') && m.startsWith('Hamar'))).toEqual([]);
  });

  it('keeps to the years asked for, judging each from all the years the municipality reported', async () => {
    const o = await overview(hamar2012, '2030-01-01', '--aar', '2013');
    expect(missing(o)).toEqual(['Hamar 2013 2014-02-28']);
    // The 2012 report is not shown; the missing 2013 report is (as rows with status «mangler»).
    expect(o.verdier.length).toBeGreaterThan(0);
    expect(o.verdier.every((v) => v.periode === '2013' && v.status === 'mangler')).toBe(true);
  });

  it('refuses a BOSOREPORT_TODAY that is not a date (exit 2)', async () => {
    const o = await overview(hamar2012, '1. mars 2014');
    expect(o.status).toBe(2);
    expect(o.stderr).toContain('BOSOREPORT_TODAY must be a date (YYYY-MM-DD), not "1. mars 2014"');
  });
});

describe('summary and validate: a draft copy with a schema error', () => {
  const valid = report(GJOVIK, 'Gjøvik', 2012);
  // A late draft with a word where a number belongs: its delivery and figures must never stand in.
  const broken = report(GJOVIK, 'Gjøvik', 2012, '2013-04-18').replace(/status_behov_pr_0101: 7\b/, 'status_behov_pr_0101: syv');
  // Named to sort before the report, so that file order alone would put it first.
  const files = { 'rapporter/gjovik/2012-aarsrapport.yaml': valid, 'rapporter/gjovik/2012-a-utkast.yaml': broken };

  it('is a duplicate in validate, whether the folder or the draft alone is checked', async () => {
    const t = tempTree(files);
    try {
      for (const target of ['rapporter', 'rapporter/gjovik/2012-a-utkast.yaml']) {
        const r = await runMain(['validate', target, '-f', 'json'], { cwd: t.dir });
        const findings = JSON.parse(r.stdout).filer.flatMap((f: { fil: string; diagnostikk: { ruleId: string }[] }) =>
          f.diagnostikk.map((d) => `${path.basename(f.fil)} ${d.ruleId}`),
        );
        expect(findings, target).toContain('2012-a-utkast.yaml dobbel-rapport');
        expect(findings, target).not.toContain('2012-aarsrapport.yaml dobbel-rapport');
      }
    } finally {
      t.cleanup();
    }
  });

  it("is not shown in the overview: the valid report's delivery and figures are, and the draft is named a copy", async () => {
    const o = await overview(files, '2014-01-01');
    const gjovik = o.verdier.filter((v) => v.kommune === 'Gjøvik' && v.periode === '2012');
    expect(new Set(gjovik.map((v) => v.fil))).toEqual(new Set(['rapporter/gjovik/2012-aarsrapport.yaml']));
    expect(gjovik.find((v) => v.felt === 'levering.status')).toMatchObject({ verdi: 'i_tide', status: 'ok' });
    expect(gjovik.find((v) => v.felt === 'behov.a.pr_0101')).toMatchObject({ verdi: 7, status: 'ok' });
    expect(o.kopier).toEqual([{ kommune: 'Gjøvik', periode: '2012', fil: 'rapporter/gjovik/2012-a-utkast.yaml' }]);
  });

  it('when every copy is broken, one stands for the period and its delivery is marked as from a report with errors', async () => {
    const o = await overview({ 'rapporter/gjovik/2012-aarsrapport.yaml': broken, 'rapporter/gjovik/2012-b-utkast.yaml': broken }, '2014-01-01');
    const gjovik = o.verdier.filter((v) => v.kommune === 'Gjøvik' && v.periode === '2012');
    expect(new Set(gjovik.map((v) => v.fil)).size).toBe(1);
    // Its deadline still follows from its form: delivered 49 days late, not «without a deadline».
    expect(gjovik.find((v) => v.felt === 'levering.dager_til_frist')).toMatchObject({ verdi: -49, status: 'fra_rapport_med_feil' });
    expect(gjovik.every((v) => v.status === 'fra_rapport_med_feil')).toBe(true);
    expect(o.kopier).toHaveLength(1);
  });
});
