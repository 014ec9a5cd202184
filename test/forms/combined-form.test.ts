import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfFacts } from '../render/pdf-reader.js';
import { check, exampleDoc, exampleText, LILLEHAMMER, lineOf, runCli, runMain, tempTree } from '../helpers.js';

/** Lillehammer's report as an annual report for 2011 on the same combined form (as Halden, Asker and Sarpsborg used it). */
function annual2011(): string {
  const doc = exampleDoc(LILLEHAMMER);
  doc.set('periode', 'hele_aaret');
  doc.setIn(['generell_programinformasjon', 'rapporteringsdato'], '2012-02-20');
  doc.delete('forsidedato');
  return doc.toString();
}

describe('the combined års- og halvårsrapport form', () => {
  it('reads a 2011 annual report for the whole year, due 28 February 2012', () => {
    const r = check(annual2011());
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((r.figures as { periode: object }).periode).toMatchObject({
      aar: 2011,
      fra: '2011-01-01',
      til: '2011-12-31',
      frist: '2012-02-28',
      dager_til_frist: 8,
      levert: 'i_tide',
    });
  });

  it('reads the half-year report as before: 01.01–30.06, due 31.08', () => {
    const r = check(exampleText(LILLEHAMMER));
    expect((r.figures as { periode: object }).periode).toMatchObject({ fra: '2011-01-01', til: '2011-06-30', frist: '2011-08-31' });
  });

  it('takes a report under the old id as a half-year report, with a warning that says what to write', () => {
    const text = exampleText(LILLEHAMMER).replace('skjema: aars-og-halvaarsrapport-2011', 'skjema: halvaarsrapport-2011').replace('periode: forste_halvaar\n', '');
    const r = check(text);
    const old = r.diagnostics.filter((d) => d.ruleId === 'form/old-id');
    expect(old).toHaveLength(1);
    expect(old[0]).toMatchObject({ severity: 'warning', line: lineOf(text, 'skjema: halvaarsrapport-2011'), col: 9 });
    expect(old[0]!.hint).toBe('Write "skjema: aars-og-halvaarsrapport-2011" and "periode: forste_halvaar"; the old name still works.');
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect((r.figures as { periode: object }).periode).toMatchObject({ til: '2011-06-30', frist: '2011-08-31' });
  });

  it('asks for the period under the new id', () => {
    const text = exampleText(LILLEHAMMER).replace('periode: forste_halvaar\n', '');
    const [d] = check(text).diagnostics.filter((x) => x.ruleId === 'schema/required');
    expect(d?.message).toContain('periode');
  });

  it('explains «2012 første halvår» and «(ÅRSTALL)» in the year', () => {
    const doc = exampleDoc(LILLEHAMMER);
    doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], '2012 første halvår');
    const [a] = check(doc.toString(), 'nb').diagnostics.filter((d) => d.ruleId === 'schema/type');
    expect(a!.hint).toBe('Skriv bare årstallet (2012) her; perioden skrives i feltet «periode» (for eksempel «periode: forste_halvaar») der skjemaet har det.');
    doc.setIn(['generell_programinformasjon', 'rapporteringsaar'], '(ÅRSTALL)');
    const [b] = check(doc.toString(), 'nb').diagnostics.filter((d) => d.ruleId === 'schema/type');
    expect(b!.hint).toBe('«(ÅRSTALL)» står igjen fra malen; skriv tallet eller året som skal stå her.');
  });

  it('lets a half-year and an annual report of the same year live side by side, each named by its type', async () => {
    const t = tempTree({
      'rapporter/lillehammer/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER),
      'rapporter/lillehammer/2011-aarsrapport.yaml': annual2011(),
    });
    try {
      const r = await runMain(['validate', 'rapporter', '-f', 'json'], { cwd: t.dir });
      const ids = JSON.parse(r.stdout).filer.flatMap((f: { diagnostikk: { ruleId: string }[] }) => f.diagnostikk.map((d) => d.ruleId));
      expect(ids).not.toContain('dobbel-rapport');
      expect(ids).not.toContain('filnavn-stemmer-ikke');
    } finally {
      t.cleanup();
    }
  });

  it('init writes the chosen period and names the file by it', async () => {
    const t = tempTree({});
    try {
      const r = await runMain(['init', 'aars-og-halvaarsrapport-2011', '--periode', 'hele_aaret', '--kommune', 'Halden', '--aar', '2011'], { cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      const text = readFileSync(path.join(t.dir, 'rapporter/halden/2011-aarsrapport.yaml'), 'utf8');
      expect(text).toMatch(/^skjema: aars-og-halvaarsrapport-2011\n(\n|#.*\n)*periode: hele_aaret$/m);
      expect((await runMain(['init', 'aars-og-halvaarsrapport-2011', '--periode', 'hele_aret', '--kommune', 'Halden', '--aar', '2011'], { cwd: t.dir })).stderr).toContain(
        'Did you mean "hele_aaret"?',
      );
    } finally {
      t.cleanup();
    }
  });
});

describe('an annual report on the combined form, rendered', () => {
  let t: ReturnType<typeof tempTree>;
  let pdf: PdfFacts;
  beforeAll(async () => {
    t = tempTree({ 'lillehammer/2011-aarsrapport.yaml': annual2011() });
    const r = runCli(['render', '.', '--pdf', '-d', 'ut'], { cwd: t.dir });
    expect(r.status, r.stdout + r.stderr).toBe(0);
    pdf = await readPdf(path.join(t.dir, 'ut/2011-aarsrapport.pdf'));
  });
  afterAll(() => t.cleanup());

  it('says so on its cover, in its purpose box and above its activities, with the annual deadline', () => {
    expect(pdf.text).toContain('ÅRSRAPPORTERING FRA LILLEHAMMER KOMMUNE');
    expect(pdf.text).toContain('Året 2011');
    expect(pdf.text).toContain('Årsrapportering Rapportering på status på program- og aktivitetsplanen for hele året');
    expect(pdf.text).toContain('Leveres 28.02 hvert år.');
    expect(pdf.text).toContain('påbegynt i 2011:');
    expect(pdf.text).not.toContain('Første halvår 2011');
    expect(pdf.info.Title).toBe('Årsrapport 2011 – Lillehammer kommune');
  });
});
