import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, runCli, tempTree } from '../helpers.js';
import { pdfaProblems } from './pdfa-check.js';
import { readPdf, type PdfFacts } from './pdf-reader.js';

describe('render --pdf on the examples', () => {
  const t = tempTree({ 'reports/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK), 'reports/lillehammer/2011-halvaar.yaml': exampleText(LILLEHAMMER) });
  let run: ReturnType<typeof runCli>;
  let gjovik: PdfFacts;
  let lillehammer: PdfFacts;

  beforeAll(async () => {
    // One page prints both reports, one after the other: what a batch does with every page it opens.
    run = runCli(['render', 'reports', '--pdf', '-d', 'dist', '--jobs', '1'], { cwd: t.dir });
    gjovik = await readPdf(path.join(t.dir, 'dist/gjovik/2012-aarsrapport.pdf'));
    lillehammer = await readPdf(path.join(t.dir, 'dist/lillehammer/2011-halvaar.pdf'));
  }, 120_000);
  afterAll(() => t.cleanup());

  it('writes HTML and PDF for every report, mirroring the folders, and exits 0', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    for (const f of ['gjovik/2012-aarsrapport', 'lillehammer/2011-halvaar']) {
      expect(existsSync(path.join(t.dir, 'dist', `${f}.html`))).toBe(true);
      expect(statSync(path.join(t.dir, 'dist', `${f}.pdf`)).size).toBeGreaterThan(10_000);
    }
    expect(run.stdout).toContain('wrote dist/gjovik/2012-aarsrapport.pdf');
  });

  it("has the annual form's sections, in its words, with æøå intact", () => {
    for (const heading of [
      'RAPPORTERING I BOLIGSOSIALT UTVIKLINGSPROGRAM',
      'ÅRSRAPPORT 2012',
      'KOMMUNE: Gjøvik',
      'Generell programinformasjon',
      '1. Rapportering på hovedmål',
      '1.1 Anskaffe og beholde bolig',
      'Særskilt prioritert område i 2013',
      '2. Rapportering på delmål',
      'C.2. Kommunalt disponerte boliger, søknader og tildelinger',
      '3. Rapportering på lokale mål',
      '4. Rapportering på læring, formidling og videreføring',
    ]) {
      expect(gjovik.text).toContain(heading);
    }
  });

  it('shows the computed figures in Norwegian format, beside the reported ones', () => {
    expect(gjovik.text).toContain('Status behov pr. 01.01.2012');
    expect(gjovik.text).toMatch(/34\s*49\s*−15/);
    expect(gjovik.text).toContain('38,4 %');
    expect(gjovik.text).toContain('66 %');
    expect(gjovik.text).toContain('+65');
    expect(gjovik.text).toContain('1 390');
    expect(gjovik.text).toContain('18. februar 2013');
    // The unknown priority-area figures are shown as unknown, never 0.
    expect(gjovik.text).toMatch(/Antall barnefamilier med boligbehov[\s\S]{0,200}ukjent\s*ukjent/);
    // A rule's finding is shown in place, in Norwegian.
    expect(gjovik.text).toContain('Merk: Oppgitt «antall husstander som har fått egnet bolig» er negativt (−1).');
  });

  it("has the half-year form's activity table and summary", () => {
    for (const s of [
      'HALVÅRSRAPPORTERING FRA LILLEHAMMER KOMMUNE',
      '2. Rapportering på programplanen - status',
      'Status for aktivitet',
      'Aktivitet 7 Kjappe gevinster',
      'Snitt av oppgitt framdrift (12 av 17 rader oppgir prosent)',
      '3.1 Formidling av erfaringer',
    ]) {
      expect(lillehammer.text).toContain(s);
    }
    expect(lillehammer.text).toContain('Merk: Aktivitet 2.1: status «Gjennomført» passer ikke med framdrift 80 %.');
  });

  it('numbers the pages «Side N av M» and names the report in the margin', () => {
    expect(gjovik.pages).toBeGreaterThan(5);
    expect(gjovik.text).toContain(`Side 1 av ${gjovik.pages}`);
    expect(gjovik.text).toContain(`Side ${gjovik.pages} av ${gjovik.pages}`);
    expect(gjovik.text).toContain('Årsrapport 2012 – Gjøvik kommune');
  });

  it('prints each report on its own, though the page is reused', () => {
    expect(lillehammer.text).not.toContain('ÅRSRAPPORT 2012');
    expect(gjovik.text).not.toContain('HALVÅRSRAPPORTERING');
  });

  it("adds the document information as an update to Chromium's file, with the title shown in the window bar", () => {
    for (const f of ['gjovik/2012-aarsrapport', 'lillehammer/2011-halvaar']) {
      const raw = readFileSync(path.join(t.dir, 'dist', `${f}.pdf`)).toString('latin1');
      expect(raw).toMatch(/\/Prev \d+/);
      expect(raw).toContain('/DisplayDocTitle true');
    }
  });

  it('is a tagged PDF with title, language, author and subject', () => {
    for (const pdf of [gjovik, lillehammer]) {
      expect(pdf.tagged).toBe(true);
      expect(pdf.lang).toBe('nb');
    }
    expect(gjovik.info.Title).toBe('Årsrapport 2012 – Gjøvik kommune');
    expect(gjovik.info.Author).toBe('Ola Brenner Jordet');
    expect(String(gjovik.info.Subject)).toContain('årsrapport 2012');
    expect(lillehammer.info.Title).toBe('Halvårsrapport 2011 – Lillehammer kommune');
  });

  it('is set in the embedded Arimo alone, whatever fonts the machine has', () => {
    for (const pdf of [gjovik, lillehammer]) expect(pdf.fonts).toEqual(['Arimo-Bold', 'Arimo-Italic', 'Arimo-Regular']);
  });
});

describe('every example as a document of record (PDF/A-2)', () => {
  it('carries PDF/A-2 identification, metadata in step with the document information and /Lang, an sRGB output intent, and embedded fonts', async () => {
    const out = mkdtempSync(path.join(tmpdir(), 'bosoreport-pdfa-'));
    try {
      const r = runCli(['render', 'examples/*.yaml', 'examples/forms', '--pdf', '--no-html', '--quiet', '-d', out]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
      const pdfs = readdirSync(out, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.pdf'));
      expect(pdfs).toHaveLength(8);
      for (const f of pdfs) expect([f, ...(await pdfaProblems(readFileSync(path.join(out, f))))]).toEqual([f]);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});

describe('a Sámi name in a report', () => {
  it('prints in Arimo too (its latin-ext letters are embedded only where used)', async () => {
    const text = exampleText(GJOVIK).replace('Ola Brenner Jordet', 'Máret Čáppa Áŋŋir');
    const t = tempTree({ 'g.yaml': text });
    try {
      const r = runCli(['render', 'g.yaml', '--pdf'], { cwd: t.dir });
      expect(r.status).toBe(0);
      const pdf = await readPdf(path.join(t.dir, 'out/g.pdf'));
      expect(pdf.text).toContain('Máret Čáppa Áŋŋir');
      expect(pdf.fonts).toEqual(['Arimo-Bold', 'Arimo-Italic', 'Arimo-Regular']);
      const plain = readFileSync(path.join(t.dir, 'out/g.html'), 'utf8').match(/@font-face/g)?.length;
      expect(plain).toBe(8);
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe('render without a working browser, or when printing fails', () => {
  it('still writes the HTML, says why there is no PDF, exits 2', () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK) });
    try {
      const r = runCli(['render', 'g.yaml', '--pdf', '--browser', '/no/such/chrome'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('The browser named by --browser, /no/such/chrome, does not exist');
      expect(r.stdout).toContain('--browser PATH');
      expect(r.stdout).toContain('wrote out/g.html');
      expect(existsSync(path.join(t.dir, 'out/g.html'))).toBe(true);
      expect(existsSync(path.join(t.dir, 'out/g.pdf'))).toBe(false);
    } finally {
      t.cleanup();
    }
  });

  it('leaves an existing PDF untouched when the new one cannot be made', () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK), 'out/g.pdf': 'old pdf' });
    try {
      const r = runCli(['render', 'g.yaml', '--pdf', '--timeout', '0.001'], { cwd: t.dir });
      expect(r.status).toBe(2);
      expect(r.stdout).toContain('The PDF could not be made');
      expect(readFileSync(path.join(t.dir, 'out/g.pdf'), 'utf8')).toBe('old pdf');
      // No temporary file is left behind.
      expect(readdirSync(path.join(t.dir, 'out')).sort()).toEqual(['g.html', 'g.pdf']);
    } finally {
      t.cleanup();
    }
  });

  it('renders nothing for a report that does not match its form', () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK).replace('nye_soknader: 302', 'nye_soknader: mange') });
    try {
      const r = runCli(['render', 'g.yaml'], { cwd: t.dir });
      expect(r.status).toBe(1);
      expect(existsSync(path.join(t.dir, 'out'))).toBe(false);
      writeFileSync(path.join(t.dir, 'x'), '');
    } finally {
      t.cleanup();
    }
  });
});

describe('bosoreport doctor', () => {
  it('says which browser will print and that it starts', () => {
    const r = runCli(['doctor']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/→ .+/);
    expect(r.stdout).toMatch(/PDFs are printed with .+ \(HeadlessChrome\/\d+/);
  });

  it('says when the named browser is not there, exit 2', () => {
    const r = runCli(['doctor', '--browser', '/no/such/chrome']);
    expect(r.status).toBe(2);
    expect(r.stdout).toContain('✘ --browser: /no/such/chrome');
    expect(r.stdout).toContain('No browser found');
  });
});
