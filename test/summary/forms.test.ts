import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import MarkdownIt from 'markdown-it';
import { describe, expect, it } from 'vitest';
import { exampleDoc, exampleForm, exampleText, FORMS, runMain, tempTree } from '../helpers.js';
import { readPdf } from '../render/pdf-reader.js';
import { loadFormFolder } from '../../src/forms/folder.js';

/** Visible text of a page: no tags, no style, spaces as spaces. */
const textOf = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/[\u00a0\u202f]/g, ' ')
    .replace(/\s+/g, ' ');

const NEED_FELT = ['a', 'b', 'c', 'sum'].flatMap((row) => ['pr_0101', 'pr_3112', 'endring'].map((col) => `behov.${row}.${col}`));

/** Larvik's memo with a need table in a sub-chapter, so the free form's need table reaches the overview too. */
function larvikWithNeed(): string {
  const doc = exampleDoc('examples/larvik-aarsrapport-2011.yaml');
  const row = (a: number, b: number) => ({ status_behov_pr_0101: a, status_behov_pr_3112: b });
  doc.setIn(
    ['kapitler', 2, 'underkapitler'],
    [{ overskrift: 'Status behov', behov: { a_uten_eid_eller_leid_bolig: row(20, 18), b_fare_for_aa_miste_boligen: row(15, 16), c_uegnet_bolig: row(40, 31) } }],
  );
  return doc.toString();
}

interface Case {
  form: string;
  kommune: string;
  files: () => Record<string, string>;
  /** Values the CSV must hold (verdi as the CSV writes it). */
  values: Record<string, string>;
  /** Theme titles the HTML must show. */
  titles: string[];
  need: boolean;
}

const REPOSITORY_FORM = () => Object.fromEntries(Object.entries(exampleForm()).map(([name, text]) => [`skjemaer/statusnotat-2013/${name}`, text]));

/** One report per form: the six built-in ones (from examples/) and the example repository form. */
const CASES: Case[] = [
  {
    form: 'aarsrapport-2012',
    kommune: 'Gjøvik',
    files: () => ({ 'r/gjovik.yaml': exampleText('examples/gjovik-aarsrapport-2012.yaml') }),
    values: {
      'behov.a.pr_0101': '7',
      'behov.sum.endring': '-15',
      'prioritert.omraade': 'Antall barnefamilier med boligbehov',
      'c1.fastrenteandel': '0,66',
      'c1.boligtilskudd': '11',
      'c2.boliger': '930',
      'c2.tildelinger': '116',
      'levering.status': 'i_tide',
    },
    titles: ['Status behov', 'Særskilt prioritert område', 'C.1 Økonomiske virkemidler', 'C.2 Kommunalt disponerte boliger'],
    need: true,
  },
  {
    form: 'sluttrapport-2015',
    kommune: 'Eksempelvik',
    files: () => ({ 'r/slutt.yaml': exampleText('examples/eksempelvik-sluttrapport-2014.yaml') }),
    values: { 'behov.sum.pr_0101': '134', 'behov.sum.pr_3112': '88', 'behov.sum.endring': '46', 'levering.frist': '2015-06-30' },
    titles: ['Status behov'],
    need: true,
  },
  {
    form: 'fritt-2009',
    kommune: 'Larvik',
    files: () => ({ 'r/larvik.yaml': larvikWithNeed() }),
    values: { 'behov.a.pr_0101': '20', 'behov.c.endring': '9', 'behov.sum.pr_3112': '65', 'levering.status': 'uten_dato' },
    titles: ['Status behov'],
    need: true,
  },
  {
    form: 'aars-og-halvaarsrapport-2011',
    kommune: 'Lillehammer',
    files: () => ({ 'r/lillehammer.yaml': exampleText('examples/lillehammer-halvaarsrapport-2011.yaml') }),
    values: { 'aktiviteter.gjennomfort': '6', 'aktiviteter.uten_status': '2', 'aktiviteter.snitt_framdrift': '65' },
    titles: ['Aktiviteter'],
    need: false,
  },
  {
    form: 'program-og-aktivitetsplan-2012',
    kommune: 'Eksempelvik',
    files: () => ({ 'r/plan.yaml': exampleText('examples/eksempelvik-program-og-aktivitetsplan-2012.yaml') }),
    values: { 'plan.antall_aktiviteter': '3', 'plan.budsjett_aktiviteter': '', 'plan.finansiering_sum': '340000', 'levering.status': 'uten_frist' },
    titles: ['Program- og aktivitetsplan'],
    need: false,
  },
  {
    form: 'region-sor-2011',
    kommune: 'Drammen',
    files: () => ({ 'r/drammen.yaml': exampleText('examples/drammen-aarsrapport-2011.yaml') }),
    values: { 'levering.frist': '2012-02-28', 'levering.status': 'uten_dato' },
    titles: [],
    need: false,
  },
  {
    form: 'statusnotat-2013',
    kommune: 'Eksempelvik',
    files: () => ({
      '.bosoreport.yaml': 'skjemaer:\n  - skjemaer/statusnotat-2013\n',
      ...REPOSITORY_FORM(),
      'r/notat.yaml': exampleText('examples/forms/eksempelvik-2013-statusnotat.yaml'),
    }),
    values: { 'behov.sum.pr_0101': '63', 'behov.sum.endring': '-2', 'aktiviteter.gjennomfort': '1', 'aktiviteter.snitt_framdrift': '80', 'levering.status': 'i_tide' },
    titles: ['Status behov', 'Aktiviteter'],
    need: true,
  },
];

describe('every form reaches the overview, in every format', () => {
  it('has a case for each built-in form', () => {
    expect(FORMS.ids.filter((id) => !CASES.some((c) => c.form === id))).toEqual([]);
  });

  it('says when a dated plan, which has no deadline, was delivered, not «uten dato»', async () => {
    const plan = CASES.find((c) => c.form === 'program-og-aktivitetsplan-2012')!;
    const t = tempTree(plan.files());
    try {
      const text = textOf((await runMain(['summary', 'r', '-f', 'html'], { cwd: t.dir })).stdout);
      expect(text).toContain('levert 20. januar 2012 (uten frist)');
      expect(text).not.toContain('uten dato');
    } finally {
      t.cleanup();
    }
  });

  describe.each(CASES)('$form', (c) => {
    it('CSV and JSON: its delivery, its need table where it has one, and the figures its form declares', async () => {
      const t = tempTree(c.files());
      try {
        const csv = await runMain(['summary', 'r', '-f', 'csv'], { cwd: t.dir });
        expect(csv.status, csv.stderr).toBe(0);
        const all = parseCsv(csv.stdout, { bom: true, delimiter: ';', columns: true }) as { kommune: string; skjema: string; felt: string; verdi: string; status: string }[];
        // (A half-year report alone also makes its year's annual report count as missing: rows of no form.)
        const rows = all.filter((r) => r.status !== 'mangler');
        expect(new Set(rows.map((r) => `${r.kommune} ${r.skjema}`))).toEqual(new Set([`${c.kommune} ${c.form}`]));
        const felt = rows.map((r) => r.felt);
        expect(felt.slice(0, 4)).toEqual(['levering.status', 'levering.frist', 'levering.rapporteringsdato', 'levering.dager_til_frist']);
        for (const [id, verdi] of Object.entries(c.values)) expect(rows.find((r) => r.felt === id)?.verdi, id).toBe(verdi);
        if (c.need) expect(felt.filter((f) => f.startsWith('behov.'))).toEqual(NEED_FELT);
        else expect(felt.filter((f) => f.startsWith('behov.'))).toEqual([]);
        const json = JSON.parse((await runMain(['summary', 'r', '-f', 'json'], { cwd: t.dir })).stdout) as { verdier: { felt: string }[] };
        expect(json.verdier.map((v) => v.felt)).toEqual(all.map((r) => r.felt));
      } finally {
        t.cleanup();
      }
    });

    it('HTML and Markdown: its municipality, and a table per theme it has', async () => {
      const t = tempTree(c.files());
      try {
        const html = await runMain(['summary', 'r', '-f', 'html'], { cwd: t.dir });
        expect(html.status, html.stderr).toBe(0);
        const headings = [...html.stdout.matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]!);
        expect(headings[0]).toBe('Levering');
        for (const title of c.titles)
          expect(
            headings.some((h) => h.startsWith(title)),
            `${title} in ${headings.join(' | ')}`,
          ).toBe(true);
        expect(headings).toHaveLength(c.titles.length + 2); // delivery, the themes, the findings
        expect(textOf(html.stdout)).toContain(c.kommune);
        const md = new MarkdownIt().render((await runMain(['summary', 'r', '-f', 'markdown'], { cwd: t.dir })).stdout);
        expect(md).toContain(`<td>${c.kommune}</td>`);
        expect(md.includes('Status behov, sum A + B + C')).toBe(c.need);
      } finally {
        t.cleanup();
      }
    });
  });

  it("PDF: all of them in one overview, each theme once, in the order behov, the forms' own, aktiviteter", async () => {
    const files: Record<string, string> = {};
    for (const c of CASES) for (const [name, text] of Object.entries(c.files())) files[name.startsWith('r/') ? `r/${c.form}-${path.basename(name)}` : name] = text;
    const t = tempTree(files);
    try {
      const r = await runMain(['summary', 'r', '-o', 'o.html'], { cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      const headings = [...readFileSync(path.join(t.dir, 'o.html'), 'utf8').matchAll(/<h2>([^<]*)<\/h2>/g)].map((m) => m[1]!);
      expect(headings).toEqual([
        'Levering',
        'Status behov (1.1 Anskaffe og beholde bolig)',
        'Program- og aktivitetsplan',
        'Særskilt prioritert område',
        'C.1 Økonomiske virkemidler',
        'C.2 Kommunalt disponerte boliger, søknader og tildelinger',
        'Aktiviteter',
        'Funn på tvers av år',
      ]);
      const pdf = await runMain(['summary', 'r', '--pdf', '-o', 'o.pdf'], { cwd: t.dir });
      expect(pdf.status, pdf.stderr).toBe(0);
      const text = (await readPdf(path.join(t.dir, 'o.pdf'))).text.replace(/[\u00a0\u202f]/g, ' ').replace(/\s+/g, ' ');
      for (const c of CASES) expect(text).toContain(c.kommune);
      for (const h of headings) expect(text).toContain(h.slice(0, 20));
    } finally {
      t.cleanup();
    }
  }, 60_000);
});

describe("a form's overview declaration (form.yaml `oversikt`)", () => {
  const declare = (verdi: string) => `\noversikt:\n  - tema: notat\n    tittel: Notatets tall\n    tall:\n      - { id: tall, etikett: Et tall, type: andel, verdi: ${verdi} }\n`;

  it("is the form's overview, its own figures shown under its theme", async () => {
    const files: Record<string, string> = {
      ...REPOSITORY_FORM(),
      '.bosoreport.yaml': 'skjemaer:\n  - skjemaer/statusnotat-2013\n',
      'r/notat.yaml': exampleText('examples/forms/eksempelvik-2013-statusnotat.yaml'),
    };
    files['skjemaer/statusnotat-2013/form.yaml'] += declare('andel_gjennomfort');
    const t = tempTree(files);
    try {
      const rows = parseCsv((await runMain(['summary', 'r', '-f', 'csv'], { cwd: t.dir })).stdout, { bom: true, delimiter: ';', columns: true }) as Record<string, string>[];
      const felt = rows.map((r) => r.felt);
      // Between the need table and the activities.
      expect(felt.indexOf('notat.tall')).toBeGreaterThan(felt.indexOf('behov.sum.endring'));
      expect(felt.indexOf('notat.tall')).toBeLessThan(felt.indexOf('aktiviteter.gjennomfort'));
      expect(rows.find((r) => r.felt === 'notat.tall')!.verdi).toMatch(/^0,33/);
    } finally {
      t.cleanup();
    }
  });

  it.each(['periode.frist', 'behovstabeller'])('may not point into the figures the shared parts show themselves (%s)', async (verdi) => {
    const files = exampleForm();
    files['form.yaml'] += declare(verdi);
    const t = tempTree(files);
    try {
      const loaded = await loadFormFolder(t.dir, 'repository', 'en');
      expect(loaded.form).toBeUndefined();
      const lines = files['form.yaml']!.split('\n');
      expect(loaded.diagnostics.map((d) => [d.line, d.message])).toEqual([
        [lines.findIndex((l) => l.includes(`verdi: ${verdi}`)) + 1, expect.stringContaining(`"${verdi}" is not one of the form's own figures`)],
      ]);
    } finally {
      t.cleanup();
    }
  });
});
