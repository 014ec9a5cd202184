import { ADDED_WORDS } from './added-words.js';
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, runCli, tempTree } from '../helpers.js';
import { pageTexts, readPdf } from './pdf-reader.js';

const MARK = 'Arbeidskopi fra bosoreport – ikke send denne. Send Husbanken-kopien (render --copy husbanken).';

/** What bosoreport adds, by its words: none of it may be printed in the Husbanken copy. */
const ADDED = [/Arbeidskopi/, ...ADDED_WORDS];

describe('the two copies as PDF', () => {
  const t = tempTree({ 'rapporter/gjovik.yaml': exampleText(GJOVIK), 'rapporter/lillehammer.yaml': exampleText(LILLEHAMMER) });
  const pdfs: Record<string, string[]> = {};
  let work: ReturnType<typeof runCli>;
  let clean: ReturnType<typeof runCli>;

  beforeAll(async () => {
    work = runCli(['render', 'rapporter', '--pdf', '--no-html', '-d', 'ut'], { cwd: t.dir });
    clean = runCli(['render', 'rapporter', '--pdf', '--no-html', '--copy', 'husbanken', '-d', 'ut'], { cwd: t.dir });
    for (const name of ['gjovik', 'lillehammer', 'gjovik.husbanken', 'lillehammer.husbanken']) pdfs[name] = await pageTexts(path.join(t.dir, 'ut', `${name}.pdf`));
  }, 120_000);
  afterAll(() => t.cleanup());

  it('are two files side by side, the working copy left as it was', () => {
    expect(work.status, work.stdout + work.stderr).toBe(0);
    expect(clean.status, clean.stdout + clean.stderr).toBe(0);
    expect(readdirSync(path.join(t.dir, 'ut')).sort()).toEqual(['gjovik.husbanken.pdf', 'gjovik.pdf', 'lillehammer.husbanken.pdf', 'lillehammer.pdf']);
    expect(existsSync(path.join(t.dir, 'ut', 'gjovik.html'))).toBe(false);
  });

  it("the Husbanken copy prints none of bosoreport's additions, on any page", () => {
    for (const name of ['gjovik.husbanken', 'lillehammer.husbanken']) {
      const text = pdfs[name]!.join(' ');
      for (const word of ADDED) expect(text, `${name}: ${word}`).not.toMatch(word);
    }
  });

  it("the Husbanken copy's margins hold the report's title and «Side N av M», as the form's did", () => {
    const pages = pdfs['gjovik.husbanken']!;
    pages.forEach((text, i) => expect(text).toContain(`Side ${i + 1} av ${pages.length}`));
    for (const text of pages.slice(1)) expect(text).toContain('Årsrapport 2012 – Gjøvik kommune');
    expect(pdfs['lillehammer.husbanken']!.slice(1).every((text) => text.includes('Halvårsrapport 2011 – Lillehammer kommune'))).toBe(true);
  });

  it('the Husbanken copy still has the form and the answers', () => {
    const gjovik = pdfs['gjovik.husbanken']!.join(' ');
    for (const s of [
      'ÅRSRAPPORT 2012',
      'KOMMUNE: Gjøvik',
      'Status behov pr. 01.01.2012',
      '1.1 Anskaffe og beholde bolig',
      'Ola Brenner Jordet',
      'Frist: Årsrapportering leveres 28.02 hvert år.',
    ])
      expect(gjovik).toContain(s);
    expect(gjovik).toMatch(/7\s*8\s*−1/);
    const lillehammer = pdfs['lillehammer.husbanken']!.join(' ');
    for (const s of ['HALVÅRSRAPPORTERING FRA LILLEHAMMER KOMMUNE', 'Aktivitet 7 Kjappe gevinster', 'Status framdrift i prosent']) expect(lillehammer).toContain(s);
  });

  it("the working copy's appendix starts on a page of its own, after the form", () => {
    const pages = pdfs['gjovik']!;
    const first = pages.findIndex((text) => text.includes('Tillegg fra bosoreport: kontroller og utregnede tall'));
    expect(first).toBeGreaterThan(5);
    expect(pages[first]).not.toContain('D. Er det barrierer');
    expect(pages.slice(0, first).join(' ')).toContain('D. Er det barrierer');
    expect(pages.slice(0, first).join(' ')).not.toMatch(/Nøkkeltall|Sum A \+ B \+ C|Kontrollmerknader/);
  });

  it('the working copy names itself in the PDF keywords too; the Husbanken copy does not', async () => {
    expect(String((await readPdf(path.join(t.dir, 'ut', 'gjovik.pdf'))).info.Keywords)).toContain('Arbeidskopi');
    expect(String((await readPdf(path.join(t.dir, 'ut', 'gjovik.husbanken.pdf'))).info.Keywords)).not.toContain('Arbeidskopi');
  });

  it('the working copy says on every page, the cover too, that it is not the one to send', () => {
    for (const name of ['gjovik', 'lillehammer']) {
      const pages = pdfs[name]!;
      expect(pages.length).toBeGreaterThan(5);
      pages.forEach((text, i) => {
        expect(text, `${name}, side ${i + 1}`).toContain(MARK);
        expect(text, `${name}, side ${i + 1}`).toContain(`Side ${i + 1} av ${pages.length}`);
      });
    }
  });
});
