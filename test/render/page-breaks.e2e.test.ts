import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers.js';
import { pageTexts } from './pdf-reader.js';

/** The page (0-based) a text first stands on. */
function pageOf(pages: readonly string[], text: string, from = 0): number {
  const at = pages.findIndex((p, i) => i >= from && p.includes(text));
  if (at < 0) throw new Error(`on no page: ${text}`);
  return at;
}

// Where the examples' pages break: what a reader turning the pages of the printed report would see.
describe('page breaks in the printed examples', () => {
  const out = mkdtempSync(path.join(tmpdir(), 'bosoreport-breaks-'));
  const pdf: Record<string, string[]> = {};

  beforeAll(async () => {
    for (const kopi of ['arbeidskopi', 'husbanken']) {
      const r = runCli(['render', 'examples/*.yaml', 'examples/forms', '--pdf', '--no-html', '--quiet', '--copy', kopi, '-d', out]);
      expect(r.status, r.stdout + r.stderr).toBe(0);
    }
    const suffix = { arbeidskopi: '', husbanken: '.husbanken' };
    for (const [name, file] of Object.entries({ gjovik: 'gjovik-aarsrapport-2012', fjordvik: 'fjordvik-aarsrapport-2013', statusnotat: 'forms/eksempelvik-2013-statusnotat' }))
      for (const [kopi, s] of Object.entries(suffix)) pdf[`${name}.${kopi}`] = await pageTexts(path.join(out, `${file}${s}.pdf`));
  }, 180_000);
  afterAll(() => rmSync(out, { recursive: true, force: true }));

  it("a need table that goes over a page has its heading again above the rows there (gjovik's 1.1, both copies)", () => {
    for (const kopi of ['arbeidskopi', 'husbanken']) {
      const pages = pdf[`gjovik.${kopi}`]!;
      for (const row of ['A. Antall husstander uten eid eller leid bolig', 'B. Antall husstander med fare', 'C. Antall husstander med uegnet bolig']) {
        const page = pages[pageOf(pages, row)]!;
        expect(page.indexOf('Status behov pr. 01.01.2012'), `${kopi}: ${row}`).toBeGreaterThanOrEqual(0);
        expect(page.indexOf('Status behov pr. 01.01.2012')).toBeLessThan(page.indexOf(row));
      }
    }
  });

  it("a table's last row does not go over alone (fjordvik's C.1)", () => {
    const pages = pdf['fjordvik.arbeidskopi']!;
    expect(pageOf(pages, 'Antall bostøttemottakere')).toBe(pageOf(pages, 'Antall tilskudd til tilpasning'));
  });

  it("the appendix's need table, its note and its chart are on one page", () => {
    const pages = pdf['gjovik.arbeidskopi']!;
    const appendix = pageOf(pages, 'Tillegg fra bosoreport');
    const table = pageOf(pages, 'Resultat ført opp av kommunen', appendix);
    expect(pageOf(pages, 'Status behov pr. 01.01.2012 og pr. 31.12.2012, antall husstander.', appendix)).toBe(table);
  });

  it('a computed line right after a chart stays with it (the status memo: «Andel gjennomførte aktiviteter»)', () => {
    const pages = pdf['statusnotat.arbeidskopi']!;
    expect(pageOf(pages, 'Andel gjennomførte aktiviteter')).toBe(pageOf(pages, 'Status framdrift i prosent, for radene som oppgir prosent.'));
  });
});
