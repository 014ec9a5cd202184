import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pdfProblem } from '../../src/cli/commands/summary/run.js';
import { t as words } from '../../src/messages/index.js';
import { runMain, tempTree } from '../helpers.js';
import { readPdf } from '../render/pdf-reader.js';
import { pdfaProblems } from '../render/pdfa-check.js';
import { summaryRepository } from './repository.js';

/** Visible text of a page: no tags, no style, spaces as spaces. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#39;/g, "'")
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

let t: { dir: string; cleanup: () => void };
beforeAll(() => {
  t = tempTree(summaryRepository());
});
afterAll(() => t.cleanup());
const read = (name: string) => readFileSync(path.join(t.dir, name), 'utf8');

/** What the adviser must see, in every human format. */
function expectTheFacts(text: string) {
  expect(text).toContain('12 dager for sent'); // Hamar 2012
  expect(text).toContain('mangler (frist 28. februar 2014)'); // Hamar 2013
  expect(text).toMatch(/Toten 2013 (?:\S+ ){9}110 111 −1|Toten 2013 110 111 −1/); // the need totals of the report with the mismatch
  expect(text).toContain('Rad A: status behov pr. 01.01.2013 er 36'); // the finding across years, in bokmål
  expect(text).toContain('ukjent'); // Gjøvik 2014, bostøtte in January
}

describe('bosoreport summary', () => {
  it('HTML: one self-contained page with delivery, the theme tables, charts and the findings', async () => {
    const r = await runMain(['summary', 'rapporter', '-o', 'oversikt.html'], { cwd: t.dir });
    expect(r.status, r.stderr).toBe(0);
    const html = read('oversikt.html');
    expectTheFacts(textOf(html));
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/(?:src|href)=["'](?:https?:|\/\/)/);
    // The unknown January is shown as unknown in the C.1 table, not as 0.
    expect(textOf(html)).toMatch(/Gjøvik 2014 50 66 % 11 ukjent 1 455/);
  });

  it('PDF: the same facts, A4 landscape, «Side N av M», the embedded font', async () => {
    const r = await runMain(['summary', 'rapporter', '--pdf', '-o', 'oversikt.pdf'], { cwd: t.dir });
    expect(r.status, r.stderr).toBe(0);
    const pdf = await readPdf(path.join(t.dir, 'oversikt.pdf'));
    const text = pdf.text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
    expect(text).toContain('12 dager for sent');
    expect(text).toContain('mangler (frist 28. februar 2014)');
    expect(text).toContain('ukjent');
    expect(text).toMatch(/Side 1 av \d+/);
    expect(pdf.size.width).toBeGreaterThan(pdf.size.height);
    expect(pdf.fonts.every((f) => f.startsWith('Arimo'))).toBe(true);
    // Printed from a temporary HTML file and streamed to disk, it is still the archive's PDF/A, and the temporary file is gone.
    expect(await pdfaProblems(readFileSync(path.join(t.dir, 'oversikt.pdf')))).toEqual([]);
    const left = readdirSync(tmpdir()).filter((d) => /^bosoreport-[A-Za-z0-9]{6}$/.test(d) && existsSync(path.join(tmpdir(), d, 'oversikt.html')));
    expect(left).toEqual([]);
  }, 30_000);

  it('PDF the browser does not finish in time: its own message with the way out, exit 2, no file and no «Internal error»', async () => {
    const r = await runMain(['summary', 'rapporter', '--pdf', '-o', 'sen.pdf', '--timeout', '0.01'], { cwd: t.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('--timeout');
    expect(r.stderr).toContain('--kommune');
    expect(r.stderr).not.toMatch(/Internal error|Intern feil|at .*\.js:\d+/);
    expect(() => read('sen.pdf')).toThrow();
  }, 30_000);

  it('PDF with a browser that does not start: says so and points to doctor, not to --timeout; exit 2, no file', async () => {
    const r = await runMain(['summary', 'rapporter', '--pdf', '-o', 'feil.pdf', '--browser', '/bin/false'], { cwd: t.dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('The browser did not start');
    expect(r.stderr).toContain('npx bosoreport doctor');
    expect(r.stderr).not.toContain('--timeout');
    expect(r.stderr).not.toMatch(/Internal error|Intern feil|at .*\.js:\d+/);
    expect(() => read('feil.pdf')).toThrow();
  }, 30_000);

  it('PDF the browser started but could not print (Chromium on a very long overview): make it smaller, not wait longer', () => {
    const printing = new Error('Protocol error (Page.printToPDF): Printing failed');
    expect(pdfProblem('print', printing)).toBe('summary/pdf-not-printed');
    expect(pdfProblem('print', new Error('Page.printToPDF timed out. Increase the protocolTimeout'))).toBe('summary/pdf-failed');
    expect(pdfProblem('launch', new Error('Timed out after 60000 ms while waiting for the WS endpoint'))).toBe('summary/browser-failed');
    expect(words('en', 'summary/pdf-not-printed', { reason: printing.message, n: 10000 })).toContain('make it smaller with --kommune or --aar');
    expect(words('en', 'summary/pdf-not-printed', { reason: printing.message, n: 10000 })).not.toContain('--timeout');
  });

  it('CSV: one tidy row per value that a CSV parser reads back to the same values as the JSON', async () => {
    await runMain(['summary', 'rapporter', '-o', 'oversikt.csv'], { cwd: t.dir });
    await runMain(['summary', 'rapporter', '-o', 'oversikt.json'], { cwd: t.dir });
    const raw = readFileSync(path.join(t.dir, 'oversikt.csv'));
    expect([...raw.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(raw.toString('utf8')).toContain('\r\n');
    const rows = parseCsv(raw, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
    const json = JSON.parse(read('oversikt.json')) as {
      verdier: { kommune: string; periode: string; skjema: string; felt: string; verdi: number | string | null; status: string }[];
    };
    expect(rows).toHaveLength(json.verdier.length);
    rows.forEach((row, i) => {
      const v = json.verdier[i]!;
      expect(row).toEqual({
        kommune: v.kommune,
        periode: v.periode,
        skjema: v.skjema,
        felt: v.felt,
        verdi: v.verdi === null ? '' : String(v.verdi).replace('.', ','),
        status: v.status,
      });
    });
    const find = (kommune: string, periode: string, felt: string) => rows.find((r) => r.kommune === kommune && r.periode === periode && r.felt === felt);
    expect(find('Gjøvik', '2014', 'c1.bostotte_januar')).toMatchObject({ verdi: '', status: 'ukjent' });
    expect(find('Hamar', '2013', 'levering.status')).toMatchObject({ verdi: 'mangler', status: 'mangler' });
    expect(find('Hamar', '2012', 'levering.dager_til_frist')).toMatchObject({ verdi: '-12' });
    expect(find('Toten', '2013', 'behov.sum.endring')).toMatchObject({ verdi: '-1', status: 'ok' });
    expect(find('Gjøvik', '2012', 'c2.tildelingsrate')!.verdi).toMatch(/^0,38/);
  });

  it('Markdown: tables a job summary shows, with the same facts', async () => {
    const r = await runMain(['summary', 'rapporter', '-f', 'markdown'], { cwd: t.dir });
    const html = new MarkdownIt().render(r.stdout);
    expect(html.match(/<table>/g)?.length).toBe(2);
    expect(html).toContain('<th>Kommune</th>');
    expect(html).toContain('<td>mangler (frist 28. februar 2014)</td>');
    expect(textOf(html)).toContain('Rad A: status behov pr. 01.01.2013 er 36');
  });

  it('filters by municipality, years and form', async () => {
    const json = async (...args: string[]) => JSON.parse((await runMain(['summary', 'rapporter', '-f', 'json', ...args], { cwd: t.dir })).stdout);
    expect((await json('--kommune', 'hamar')).kommuner).toEqual(['Hamar']);
    expect((await json('--kommune', 'Gjøvik,Toten')).kommuner).toEqual(['Gjøvik', 'Toten']);
    expect((await json('--fra', '2013')).perioder).toEqual(['2013', '2014']);
    expect((await json('--aar', '2012')).perioder).toEqual(['2012']);
    expect((await json('--skjema', 'sluttrapport-2015')).verdier).toEqual([]);
  });

  it('writes nothing for a path that is not there (exit 2), and names the files it could not place', async () => {
    const none = await runMain(['summary', 'rapportr', '-o', 'oversikt-x.html'], { cwd: t.dir });
    expect(none.status).toBe(2);
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(t.dir, 'oversikt-x.html'))).toBe(false);
    const odd = tempTree({ ...summaryRepository(), 'rapporter/ukjent.yaml': 'skjema: noe-annet\n' });
    try {
      const r = await runMain(['summary', 'rapporter', '-f', 'json'], { cwd: odd.dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('1 file is not in the overview');
      expect(r.stderr).toContain('rapporter/ukjent.yaml');
    } finally {
      odd.cleanup();
    }
  });

  it('still writes the overview when a report has errors, marks its figures, and exits 1', async () => {
    const broken = tempTree({ ...summaryRepository() });
    try {
      const file = path.join(broken.dir, 'rapporter/toten/2014-aarsrapport.yaml');
      const { writeFileSync } = await import('node:fs');
      // A rule error: more fixed-rate loans than fully financed purchases.
      writeFileSync(file, readFileSync(file, 'utf8').replace('herav_med_fastrente: 33', 'herav_med_fastrente: 60'));
      const r = await runMain(['summary', 'rapporter', '-o', 'oversikt.csv'], { cwd: broken.dir });
      expect(r.status).toBe(1);
      expect(r.stderr).toContain('1 report has errors');
      const rows = parseCsv(readFileSync(path.join(broken.dir, 'oversikt.csv')), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
      expect(rows.filter((x) => x.kommune === 'Toten' && x.periode === '2014').every((x) => x.status === 'fra_rapport_med_feil')).toBe(true);
    } finally {
      broken.cleanup();
    }
  });
});

describe('bosoreport summary with hostile text in a report', () => {
  it("keeps a report's words as words in every format: no formula in Excel, no markup in HTML or Markdown", async () => {
    const files = summaryRepository();
    const hostile = '=HYPERLINK("https://example.org") | <b>x</b> [lenke](https://example.org)';
    // In 2013's report: 2014's finding about the priority area not carried on quotes it.
    const key = 'rapporter/toten/2013-aarsrapport.yaml';
    files[key] = files[key]!.replace('omraade: Antall barnefamilier med boligbehov', `omraade: '${hostile.replace(/'/g, "''")}'`);
    const h = tempTree(files);
    try {
      await runMain(['summary', 'rapporter', '-o', 'o.csv'], { cwd: h.dir });
      const rows = parseCsv(readFileSync(path.join(h.dir, 'o.csv')), { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
      expect(rows.find((r) => r.kommune === 'Toten' && r.periode === '2013' && r.felt === 'prioritert.omraade')!.verdi).toBe(`'${hostile}`);
      expect(rows.find((r) => r.felt === 'levering.dager_til_frist' && r.kommune === 'Hamar' && r.periode === '2012')!.verdi).toBe('-12');
      await runMain(['summary', 'rapporter', '-o', 'o.html'], { cwd: h.dir });
      const html = readFileSync(path.join(h.dir, 'o.html'), 'utf8');
      expect(html).not.toContain('<b>x</b>');
      expect(html).toContain('&lt;b&gt;x&lt;/b&gt;');
      const md = (await runMain(['summary', 'rapporter', '-f', 'markdown'], { cwd: h.dir })).stdout;
      expect(md).toContain('HYPERLINK');
      const rendered = new MarkdownIt().render(md);
      expect(rendered).not.toContain('<a href');
      expect(rendered).not.toContain('<b>');
      expect(rendered.match(/<table>/g)?.length).toBe(2);
    } finally {
      h.cleanup();
    }
  });
});

describe('bosoreport summary with mistakes in the reports or on the command line', () => {
  it("lists no missing reports for a mistyped year (0, 20122): the year is the report's finding", async () => {
    for (const typo of [0, 20122, 9007199254740991]) {
      const files = summaryRepository();
      files['rapporter/hamar/2012-aarsrapport.yaml'] = files['rapporter/hamar/2012-aarsrapport.yaml']!.replace('rapporteringsaar: 2012', `rapporteringsaar: ${typo}`);
      const odd = tempTree(files);
      try {
        const r = await runMain(['summary', 'rapporter', '-f', 'json'], { cwd: odd.dir });
        const model = JSON.parse(r.stdout) as { mangler: { aar: number }[] };
        // Hamar's 2013 is missing as before; no year outside the form's years is listed.
        expect(
          model.mangler.map((m) => m.aar).every((aar) => aar >= 2012 && aar <= 2014),
          String(typo),
        ).toBe(true);
      } finally {
        odd.cleanup();
      }
    }
  });

  it('refuses an unknown --skjema and an -o name that names no format (exit 2), writing nothing', async () => {
    const skjema = await runMain(['summary', 'rapporter', '-f', 'json', '--skjema', 'aarsrapport-2021'], { cwd: t.dir });
    expect(skjema.status).toBe(2);
    expect(skjema.stderr).toContain('Unknown form "aarsrapport-2021". Did you mean "aarsrapport-2012"?');
    const name = await runMain(['summary', 'rapporter', '-o', 'oversikt.xlsx'], { cwd: t.dir });
    expect(name.status).toBe(2);
    const { existsSync } = await import('node:fs');
    expect(existsSync(path.join(t.dir, 'oversikt.xlsx'))).toBe(false);
  });
});
