import { describe, expect, it } from 'vitest';
import type { Document } from 'yaml';
import { renderHtml } from '../../src/render/html.js';
import { loadTemplates } from '../../src/render/templates.js';
import type { Kopi } from '../../src/render/view.js';
import { check, exampleDoc, exampleText, lineOf, only, visibleText } from '../helpers.js';

// The final report's chapters from real final reports, and its figures year by year: what a user
// sees in each copy, and what the checks say.

const SLUTT = 'examples/eksempelvik-sluttrapport-2014.yaml';
const templates = loadTemplates();
const render = (text: string, kopi: Kopi) => renderHtml(check(text, 'nb', SLUTT), templates, { kopi });
const edited = (edit: (doc: Document) => void) => {
  const doc = exampleDoc(SLUTT);
  edit(doc);
  return String(doc);
};

/** The form's part of a page: everything before the working copy's appendix. */
const formPart = (html: string) => html.slice(0, html.search(/<section class="tillegg"|<\/main>/));
/** The cells of the table row whose heading starts with `name`, as a reader sees them. */
function rowCells(html: string, tableClass: string, name: string): string[] {
  const table = new RegExp(`<table class="fast ${tableClass}">[\\s\\S]*?</table>`).exec(html)![0];
  const row = [...table.matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((m) => m[1]!).find((r) => visibleText(r).trim().startsWith(name))!;
  return [...row.matchAll(/<td class="tall[^"]*">([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!).trim());
}
/** The appendix's table of changes for one series. */
function changeCells(html: string, title: string): string[] {
  const table = [...html.matchAll(/<table class="fast serieendring">[\s\S]*?<\/table>/g)].map((m) => m[0]).find((t) => visibleText(t).includes(title))!;
  return [...table.matchAll(/<td class="tall beregnet">([\s\S]*?)<\/td>/g)].map((m) => visibleText(m[1]!).trim());
}

const HEADINGS = [
  'Generell programinformasjon',
  'Sammendrag',
  'Kort om metode',
  'Utfordringsbildet fra foranalysen',
  'Kommunens arbeid i programperioden',
  'Organisering og forankring',
  'Fra leie til eie',
  'Forebygging av utkastelser',
  'Utviklingen i programperioden i tall',
  '1. Rapportering på hovedmål',
];

describe('the final report: chapters from real final reports', () => {
  for (const kopi of ['husbanken', 'arbeidskopi'] as const) {
    it(`${kopi}: the chapters are headed, in the order of a real final report, before the form's chapter 1`, () => {
      const html = formPart(render(exampleText(SLUTT), kopi));
      const headings = [...html.matchAll(/<h[23][^>]*>([\s\S]*?)<\/h[23]>/g)].map((m) => visibleText(m[1]!).trim());
      const at = HEADINGS.map((h) => headings.indexOf(h));
      expect(
        at.every((i) => i >= 0),
        headings.join(' | '),
      ).toBe(true);
      expect([...at].sort((a, b) => a - b)).toEqual(at);
      expect(visibleText(html)).toContain('bruken av startlån er doblet');
    });
  }

  it('a chapter the report leaves out is not printed; one answered null is empty on the form, «ikke besvart» in the working copy', () => {
    const without = edited((doc) => doc.delete('sammendrag'));
    expect(visibleText(render(without, 'husbanken'))).not.toContain('Sammendrag');
    const unanswered = edited((doc) => doc.set('kort_om_metode', null));
    const section = (html: string) => visibleText(/<section aria-labelledby="metode">([\s\S]*?)<\/section>/.exec(html)![1]!).trim();
    expect(section(render(unanswered, 'husbanken'))).toBe('Kort om metode');
    expect(section(render(unanswered, 'arbeidskopi'))).toBe('Kort om metode ikke besvart');
  });
});

describe('the final report: figures year by year', () => {
  it("the series table is the municipality's numbers in both copies, the Norwegian way; an unknown is empty on the form", () => {
    const text = edited((doc) => doc.setIn(['tallserier', 0, 'tall_per_aar', 5, 'antall'], 1390));
    for (const kopi of ['husbanken', 'arbeidskopi'] as const) {
      const html = render(text, kopi);
      expect(rowCells(html, 'tallserier', 'Startlån')).toEqual(['31', '38', '45', '52', '60', '1 390']);
      expect(rowCells(html, 'tallserier', 'Utkastelser')).toEqual(['23', '21', '17', '14', '11', '9']);
    }
    expect(rowCells(render(text, 'husbanken'), 'tallserier', 'Fra kommunal leie til eie')).toEqual(['', '', '4', '7', '9', '12']);
    expect(rowCells(render(text, 'arbeidskopi'), 'tallserier', 'Fra kommunal leie til eie')).toEqual(['ukjent', 'ukjent', '4', '7', '9', '12']);
  });

  it('a year a series does not have is an empty cell in both copies, not «ukjent»', () => {
    const text = edited((doc) => doc.deleteIn(['tallserier', 2, 'tall_per_aar', 3]));
    for (const kopi of ['husbanken', 'arbeidskopi'] as const) expect(rowCells(render(text, kopi), 'tallserier', 'Utkastelser')).toEqual(['23', '21', '17', '', '11', '9']);
  });

  it("the computed changes and the charts are in the working copy's appendix only, marked «beregnet»", () => {
    const arbeid = render(exampleText(SLUTT), 'arbeidskopi');
    const appendix = arbeid.slice(arbeid.indexOf('<section class="tillegg"'));
    expect(changeCells(appendix, 'Startlån (lån)')).toEqual(['+7', '+7', '+7', '+8', '+4', '+33']);
    expect(changeCells(appendix, 'Utkastelser (husstander)')).toEqual(['−2', '−4', '−3', '−3', '−2', '−14']);
    expect(visibleText(appendix)).toContain('Startlån (lån) beregnet av bosoreport');
    expect(appendix).toContain('aria-label="Utkastelser (husstander), per år"');
    expect(formPart(arbeid)).not.toContain('serieendring');

    const husbanken = render(exampleText(SLUTT), 'husbanken');
    expect(husbanken).not.toContain('serieendring');
    expect(visibleText(husbanken)).not.toMatch(/endringer|\+33|−14/);
    expect(husbanken).not.toContain('<svg');
  });

  it('an unknown figure makes every change it is part of unknown, never a change from 0', () => {
    const appendix = (text: string) => render(text, 'arbeidskopi').split('<section class="tillegg"')[1]!;
    // 2009 and 2010 are unknown in the example: so are 2009–2010, 2010–2011 and the whole period.
    expect(changeCells(appendix(exampleText(SLUTT)), 'Fra kommunal leie til eie')).toEqual(['ukjent', 'ukjent', '+3', '+2', '+3', 'ukjent']);
    const text = edited((doc) => {
      doc.setIn(['tallserier', 2, 'tall_per_aar', 2, 'antall'], null);
      doc.setIn(['tallserier', 2, 'tall_per_aar', 2, 'kommentar'], 'Namsmannens tall for 2011 mangler.');
    });
    expect(changeCells(appendix(text), 'Utkastelser')).toEqual(['−2', 'ukjent', 'ukjent', '−3', '−2', '−14']);
    const figures = check(text, 'nb', SLUTT).figures as { tallserier: { navn: string; endring: number | null; aarlige_endringer: { endring: number | null }[] }[] };
    expect(figures.tallserier[2]!.aarlige_endringer.map((e) => e.endring)).toEqual([-2, null, null, -3, -2]);
  });
});

describe('the final report: checks on the series', () => {
  it('the example is clean', () => {
    expect(check(exampleText(SLUTT), 'nb', SLUTT).diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    expect(only(check(exampleText(SLUTT), 'nb', SLUTT).diagnostics, 'tallserie-aar-utenfor-programperioden')).toEqual([]);
  });

  it('W30: a year outside the programme period (2009–2014) is flagged at its line, in the working copy beside the series', () => {
    const text = edited((doc) => {
      doc.setIn(['tallserier', 0, 'tall_per_aar', 5, 'aar'], 2016);
      doc.setIn(['tallserier', 2, 'tall_per_aar', 0, 'aar'], 2008);
    });
    const found = only(check(text, 'nb', SLUTT).diagnostics, 'tallserie-aar-utenfor-programperioden');
    expect(found.map((d) => [d.line, d.severity])).toEqual([
      [lineOf(text, 'aar: 2016'), 'warning'],
      [lineOf(text, 'aar: 2008'), 'warning'],
    ]);
    expect(found[0]!.message).toBe('Tallserien «Startlån» har et tall for 2016, men programperioden er 2009–2014.');
    expect(visibleText(formPart(render(text, 'arbeidskopi')))).toContain('Merk: Tallserien «Startlån» har et tall for 2016');
  });

  it('E30: a year written twice in one series is an error at the second one; the same year in two series is fine', () => {
    const text = edited((doc) => doc.setIn(['tallserier', 2, 'tall_per_aar', 3, 'aar'], 2011));
    const found = only(check(text, 'en', SLUTT).diagnostics, 'tallserie-aar-to-ganger');
    const second = lineOf(text, 'aar: 2011', lineOf(text, 'aar: 2011', lineOf(text, 'navn: Utkastelser')) + 1);
    expect(found.map((d) => [d.line, d.severity, d.message])).toEqual([[second, 'error', 'The series "Utkastelser" has 2011 twice.']]);
  });

  it("E1: an unknown figure needs its reason, as a comment beside it or in the series' kommentar", () => {
    const bare = exampleText(SLUTT).replaceAll('antall: null # Ikke registrert før 2011.', 'antall: null');
    const found = only(check(bare, 'nb', SLUTT).diagnostics, 'ukjent-uten-forklaring');
    const first = lineOf(bare, 'antall: null');
    expect(found.map((d) => d.line)).toEqual([first, lineOf(bare, 'antall: null', first + 1)]);
    const explained = bare.replace(
      '  - navn: Fra kommunal leie til eie\n',
      '  - navn: Fra kommunal leie til eie\n    kommentar: Salg til leietakere ble ikke registrert før 2011.\n',
    );
    expect(only(check(explained, 'nb', SLUTT).diagnostics, 'ukjent-uten-forklaring')).toEqual([]);
  });
});
