import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPdf, type PdfFacts } from '../render/pdf-reader.js';
import { exampleForm, runCli, runMain, tempTree } from '../helpers.js';

const REPORT = readFileSync(new URL('../../examples/forms/eksempelvik-2013-statusnotat.yaml', import.meta.url), 'utf8');

/** A reports repository with a form folder of its own, named in its config. */
function repository(form: Record<string, string | undefined>, extra: Record<string, string> = {}) {
  const files: Record<string, string> = { '.bosoreport.yaml': 'skjemaer:\n  - skjemaer/notat\n', 'eksempelvik/2013-statusnotat.yaml': REPORT, ...extra };
  for (const [name, text] of Object.entries(form)) if (text !== undefined) files[`skjemaer/notat/${name}`] = text;
  return tempTree(files);
}

describe('a form a reports repository brings', () => {
  let t: ReturnType<typeof tempTree>;
  let pdf: PdfFacts;
  let render: ReturnType<typeof runCli>;
  beforeAll(async () => {
    t = repository(exampleForm());
    // The real binary: the bundle loads the repository's form.mjs its own way.
    render = runCli(['render', '.', '--pdf', '-d', 'ut', '--lang', 'nb'], { cwd: t.dir });
    pdf = await readPdf(path.join(t.dir, 'ut/2013-statusnotat.pdf'));
  });
  afterAll(() => t.cleanup());

  it('validates a report on it, with the shared arithmetic and the form own rule, at the right line', async () => {
    const r = await runMain(['validate', '.'], { cwd: t.dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('eksempelvik/2013-statusnotat.yaml:14:1  warning  The total need rose from 63 to 65 households.  (statusnotat-behov-okt)');
  });

  it('computes the need table from the shared definitions and the form own figure', async () => {
    const r = await runMain(['compute', 'eksempelvik/2013-statusnotat.yaml', '--json'], { cwd: t.dir });
    expect(r.status).toBe(0);
    const json = JSON.parse(r.stdout);
    expect(json.skjema.id).toBe('statusnotat-2013');
    expect(json.beregnet.periode).toMatchObject({ aar: 2013, fra: '2013-01-01', til: '2013-12-31', frist: '2014-01-31', dager_til_frist: 11, levert: 'i_tide' });
    expect(json.beregnet.behovstabeller['/behov'].sum).toEqual({ pr_0101: 63, pr_3112: 65, endring: -2 });
    expect(json.beregnet.behovstabeller['/behov'].rader.b_fare_for_aa_miste_boligen.endring).toBe(-6);
    expect(json.beregnet.aktivitetstabeller['/aktiviteter'].snitt_framdrift).toBe(80);
    expect(json.beregnet.andel_gjennomfort).toBeCloseTo(1 / 3);
  });

  it('renders it to a PDF with its headings and figures', () => {
    expect(render.status, render.stderr + render.stdout).toBe(0);
    expect(pdf.text).toContain('STATUSNOTAT FRA EKSEMPELVIK KOMMUNE');
    expect(pdf.text).toContain('2. Status behov');
    expect(pdf.text).toMatch(/Sum A \+ B \+ C beregnet 63 65 −2/);
    expect(pdf.text).toContain('Andel gjennomførte aktiviteter: 33,3 %');
    expect(pdf.text).toContain('Samlet behov økte fra 63 til 65 husstander.');
    expect(pdf.info.Title).toBe('Statusnotat 2013 – Eksempelvik kommune');
  });

  it('prints its own computed figures and deadline in the working copy only, not in the Husbanken copy', async () => {
    const r = await runMain(['render', '.', '--copy', 'husbanken', '-d', 'hb', '--lang', 'nb'], { cwd: t.dir });
    expect(r.status).toBe(0);
    const html = readFileSync(path.join(t.dir, 'hb/2013-statusnotat.husbanken.html'), 'utf8');
    const body = html.slice(html.indexOf('<body'), html.indexOf('<script type="application/json"'));
    expect(body).not.toContain('Andel gjennomførte aktiviteter');
    expect(body).not.toContain('Frist ');
    expect(pdf.text).toContain('Andel gjennomførte aktiviteter');
  });

  it('is listed by `forms` and its rule by `rules`, with where it comes from', async () => {
    const forms = await runMain(['forms'], { cwd: t.dir });
    expect(forms.stdout).toMatch(/statusnotat-2013 +Status memo to the steering group \(example form\) +\(2013–2014, skjemaer\/notat\)/);
    const rules = await runMain(['rules'], { cwd: t.dir });
    expect(rules.stdout).toMatch(/statusnotat-behov-okt +W101 +warning +The total need \(A \+ B \+ C\) rose over the period\. \[statusnotat-2013\]/);
  });

  it('can have its rule turned off in the same config, or on the command line', async () => {
    const u = repository(exampleForm(), { '.bosoreport.yaml': 'skjemaer: [skjemaer/notat]\nregler:\n  statusnotat-behov-okt: off\n' });
    try {
      expect((await runMain(['validate', '.'], { cwd: u.dir })).stdout).not.toContain('statusnotat-behov-okt');
      expect((await runMain(['validate', '.', '--rule', 'statusnotat-behov-okt=error'], { cwd: u.dir })).status).toBe(1);
    } finally {
      u.cleanup();
    }
  });
});

describe('a form without code of its own', () => {
  it('still validates, gets the shared need-table figures and arithmetic rules, and renders', async () => {
    const form = { ...exampleForm(), 'form.mjs': undefined };
    const report = REPORT.replace('status_behov_pr_3112: 9\n', 'status_behov_pr_3112: 9\n    resultat: -3\n');
    const t = repository(form, { 'eksempelvik/2013-statusnotat.yaml': report });
    try {
      const v = await runMain(['validate', '.'], { cwd: t.dir });
      expect(v.status).toBe(0);
      expect(v.stdout).not.toContain('statusnotat-behov-okt');
      expect(v.stdout).toContain('(negativt-resultat)');
      expect(v.stdout).toContain('(resultat-avviker-fra-endring)');
      const c = JSON.parse((await runMain(['compute', 'eksempelvik/2013-statusnotat.yaml', '--json'], { cwd: t.dir })).stdout);
      expect(c.beregnet.behovstabeller['/behov'].sum.endring).toBe(-2);
      expect(c.beregnet.andel_gjennomfort).toBeUndefined();
      const table = await runMain(['compute', 'eksempelvik/2013-statusnotat.yaml', '--lang', 'nb'], { cwd: t.dir });
      expect(table.stdout).toMatch(/Sum A \+ B \+ C\s+63\s+65\s+−2/);
      // The template shows «andel gjennomført» from the code, now absent: shown as unknown, not 0.
      const r = await runMain(['render', '.', '-d', 'ut'], { cwd: t.dir });
      expect(r.status).toBe(0);
      expect(readFileSync(path.join(t.dir, 'ut/2013-statusnotat.html'), 'utf8')).toContain(
        'Andel gjennomførte aktiviteter: <span class="beregnet"><span class="ukjent">ukjent</span>',
      );
    } finally {
      t.cleanup();
    }
  });
});

describe('the example form in examples/forms', () => {
  it('validates and renders as shipped (the docs walk through it)', async () => {
    const v = await runMain(['validate', 'examples/forms']);
    expect(v.status, v.stdout).toBe(0);
    expect(v.stdout).toContain('✔ examples/forms/eksempelvik-2013-statusnotat.yaml: Status memo to the steering group (example form)');
    const t = tempTree({});
    try {
      const r = await runMain(['render', 'examples/forms', '-d', path.join(t.dir, 'ut')]);
      expect(r.status, r.stdout).toBe(0);
      expect(readFileSync(path.join(t.dir, 'ut/eksempelvik-2013-statusnotat.html'), 'utf8')).toContain('<h1 class="rapport">STATUSNOTAT FRA EKSEMPELVIK KOMMUNE</h1>');
    } finally {
      t.cleanup();
    }
  });
});
