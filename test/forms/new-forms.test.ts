import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfFacts } from '../render/pdf-reader.js';
import { exampleText, runCli, runMain, tempTree } from '../helpers.js';

const EXAMPLES = {
  drammen: 'examples/drammen-aarsrapport-2011.yaml',
  larvik: 'examples/larvik-aarsrapport-2011.yaml',
  slutt: 'examples/eksempelvik-sluttrapport-2014.yaml',
  plan: 'examples/eksempelvik-program-og-aktivitetsplan-2012.yaml',
};

describe('the forms found in real reports, each with its example', () => {
  const pdf: Record<string, PdfFacts> = {};
  let t: ReturnType<typeof tempTree>;
  beforeAll(async () => {
    t = tempTree({});
    const r = runCli(['render', ...Object.values(EXAMPLES), '--pdf', '-d', t.dir]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    for (const [name, file] of Object.entries(EXAMPLES)) pdf[name] = await readPdf(path.join(t.dir, path.basename(file).replace('.yaml', '.pdf')));
  });
  afterAll(() => t.cleanup());

  it('bosoreport forms lists at least six, the provisional ones marked', async () => {
    const r = await runMain(['forms']);
    const lines = r.stdout.trim().split('\n');
    expect(lines.length).toBeGreaterThanOrEqual(6);
    for (const id of ['region-sor-2011', 'sluttrapport-2015', 'program-og-aktivitetsplan-2012']) expect(lines.find((l) => l.startsWith(`${id} `))).toContain('[provisional]');
    for (const id of ['aars-og-halvaarsrapport-2011', 'aarsrapport-2012', 'fritt-2009']) expect(lines.find((l) => l.startsWith(`${id} `))).not.toContain('[provisional]');
  });

  it('every example validates without errors', async () => {
    const r = await runMain(['validate', ...Object.values(EXAMPLES)]);
    expect(r.status, r.stdout).toBe(0);
  });

  it('Region sør: Formalia with its blank fields, the goals as a list, the work by sub-project', async () => {
    const c = JSON.parse((await runMain(['compute', EXAMPLES.drammen, '--json'])).stdout);
    expect(c.beregnet.periode).toMatchObject({ aar: 2011, til: '2011-12-31', frist: '2012-02-28', levert: 'ukjent' });
    const text = pdf.drammen!.text;
    for (const heading of ['1. Formalia', '2. Bakgrunn for kommunens deltakelse', '3. Mål for kommunens program', '4. Programmets arbeid i 2011']) expect(text).toContain(heading);
    expect(text).toContain('Behandlet i styringsgruppen ukjent');
    expect(text).toContain('Programstart november 2010');
    expect(text).toContain('Årsrapport 2011');
    expect(pdf.drammen!.info.Title).toBe('Årsrapport 2011 – Drammen kommune');
  });

  it('the free form: its chapters in order under the report own title', () => {
    const text = pdf.larvik!.text;
    expect(text).toContain('Notat – Boligsosialt utviklingsprogram, årsrapport 2011');
    expect(text.indexOf('Innledning')).toBeLessThan(text.indexOf('Programmets overordnede mål'));
    expect(text.indexOf('Programmets overordnede mål')).toBeLessThan(text.indexOf('Forankring'));
    expect(text).toContain('Fri rapport: ikke et skjema fra Husbanken');
    expect(text).toContain('Frist 28. februar 2012');
  });

  it('the final report: the need table over the programme period, and the deadline the template meant', async () => {
    const c = JSON.parse((await runMain(['compute', EXAMPLES.slutt, '--json'])).stdout);
    expect(c.beregnet.periode).toMatchObject({ fra: '2009-03-01', til: '2014-12-31', frist: '2015-06-30', dager_til_frist: 18 });
    expect(c.beregnet.behovstabeller['/hovedmaal/anskaffe_og_beholde_bolig']).toMatchObject({
      dato_0101: '2009-01-01',
      dato_3112: '2014-12-31',
      sum: { pr_0101: 134, pr_3112: 88, endring: 46 },
    });
    expect(pdf.slutt!.text).toMatch(/Sum A \+ B \+ C beregnet 134 88 \+46/);
    expect(pdf.slutt!.text).toContain('Sluttrapporten leveres innen 30. juni 2015');
  });

  it('the plan: activities with ids and the financing added up', async () => {
    const c = JSON.parse((await runMain(['compute', EXAMPLES.plan, '--json'])).stdout);
    expect(c.beregnet).toMatchObject({ antall_aktiviteter: 3, budsjett_aktiviteter: null, finansiering: { kommune: 190000, husbanken_tilskudd: 150000, sum: 340000 } });
    expect(c.beregnet.periode).toMatchObject({ fra: null, til: null, frist: null });
    expect(pdf.plan!.text).toContain('Del 2 Årlig aktivitetsplan 2012');
    expect(pdf.plan!.text).toMatch(/A1 Kartlegge boligbehov/);
    expect(pdf.plan!.text).toMatch(/Sum alle år 190 000 150 000 340 000/);
  });
});

describe('the checks between a plan and the year reports', () => {
  it('warn of a reported activity the plan lacks, and of a planned one never reported on', async () => {
    const halfYear = exampleText('examples/lillehammer-halvaarsrapport-2011.yaml');
    const plan = exampleText('examples/eksempelvik-program-og-aktivitetsplan-2012.yaml')
      .replace('kommune: Eksempelvik', 'kommune: Lillehammer')
      .replace('rapporteringsaar: 2012', 'rapporteringsaar: 2011')
      .replace(/rapporteringsdato: 2012-01-20\n {2}behandlet_i_styringsgruppen: 2012-02-02/, 'rapporteringsdato: 2011-01-20');
    const t = tempTree({ 'lillehammer/2011-halvaarsrapport.yaml': halfYear, 'lillehammer/2011-program-og-aktivitetsplan.yaml': plan });
    try {
      const r = await runMain(['validate', '.', '-f', 'json'], { cwd: t.dir });
      const files = JSON.parse(r.stdout).filer as { fil: string; diagnostikk: { ruleId: string; message: string; line: number }[] }[];
      const report = files.find((f) => f.fil.endsWith('halvaarsrapport.yaml'))!;
      const planFile = files.find((f) => f.fil.endsWith('plan.yaml'))!;
      // Lillehammer's activities 1–3 match the plan's A1, A2 and B1 by number; 4 and up are not in it.
      const notInPlan = report.diagnostikk.filter((d) => d.ruleId === 'aktivitet-ikke-i-plan');
      expect(notInPlan.length).toBeGreaterThan(0);
      expect(notInPlan[0]!.message).toMatch(/^Activity 4 ".*" is not in the activity plan for 2011 \(lillehammer\/2011-program-og-aktivitetsplan\.yaml\)\.$/);
      expect(planFile.diagnostikk.filter((d) => d.ruleId === 'planlagt-aktivitet-uten-rapport')).toEqual([]);
      // Give activity 2 another plan id: then A2 is never reported on, and «B7» is not in the plan.
      const changed = halfYear.replace(/(\n {4}- nr: 2\n {6}tittel: [^\n]*\n)/, '$1      plan_id: B7\n');
      expect(changed).toContain('plan_id: B7');
      const u = tempTree({ 'lillehammer/2011-halvaarsrapport.yaml': changed, 'lillehammer/2011-program-og-aktivitetsplan.yaml': plan });
      try {
        const again = JSON.parse((await runMain(['validate', '.', '-f', 'json'], { cwd: u.dir })).stdout).filer as typeof files;
        const missing = again.find((f) => f.fil.endsWith('plan.yaml'))!.diagnostikk.filter((d) => d.ruleId === 'planlagt-aktivitet-uten-rapport');
        expect(missing.map((d) => d.message)).toEqual(['The planned activity A2 "Veiledning om startlån" is not reported on in 2011 (lillehammer/2011-halvaarsrapport.yaml).']);
      } finally {
        u.cleanup();
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('every built-in form folder', () => {
  it('has a schema whose $id is its form id, as the lazily read schema is registered under it', async () => {
    const { readFileSync: read } = await import('node:fs');
    const { FORMS } = await import('../helpers.js');
    for (const f of FORMS.forms) expect(JSON.parse(read(path.join(f.dir, 'schema.json'), 'utf8')).$id, f.id).toBe(f.schemaId);
  });
});
