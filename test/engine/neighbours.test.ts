import { symlinkSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/engine/index.js';
import { mentionsAny } from '../../src/engine/neighbours.js';
import { exampleText, GJOVIK, tempTree } from '../helpers.js';

/**
 * A report checked alone is held against the reports of its municipality elsewhere in the
 * repository. Only those can matter, so the others are passed over before they are parsed; the
 * test that picks them must never pass over one that names the municipality, however it is spelt.
 */
describe('the other reports of the repository', () => {
  const as = (kommune: string) => exampleText(GJOVIK).replace('kommune: Gjøvik', `kommune: ${kommune}`);

  it.each([
    ['Kárášjohka', 'Kárášjohka'],
    ['Nedre Eiker', 'Nedre-Eiker kommune'],
    ['Aurskog-Høland', 'AURSKOG-HØLAND'],
    ['Bø', 'Bø kommune'],
  ])('finds the copy of a report for %s written «%s» in another folder', async (one, other) => {
    const t = tempTree({ 'rapporter/a/2012-aarsrapport.yaml': as(one), 'rapporter/b/2012-aarsrapport.yaml': as(other) });
    try {
      const alone = await checkReports(['rapporter/b/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' });
      expect(alone.files[0]!.diagnostics.map((d) => d.ruleId)).toContain('dobbel-rapport');
      expect(alone.exitCode).toBe(1);
    } finally {
      t.cleanup();
    }
  });

  it('passes over a report only when it cannot name the municipality', () => {
    expect(mentionsAny('kommune: Bømlo', ['bo'])).toBe(false);
    expect(mentionsAny('kommune: Øvre Eiker', ['nedre_eiker'])).toBe(false);
    expect(mentionsAny('kommune: Nedre  Eiker kommune', ['nedre_eiker'])).toBe(true);
    expect(mentionsAny('kommune: Bø # i Telemark', ['bo'])).toBe(true);
    expect(mentionsAny('kommune: Kárášjohka', ['karasjohka'])).toBe(true);
    // Written with combining accents (NFD), as some editors save: folded as the key was.
    expect(mentionsAny('kommune: Va\u030aler', ['valer'])).toBe(true);
    expect(mentionsAny('kommune: Hamar', ['gjovik', 'hamar'])).toBe(true);
    expect(mentionsAny('kommune: Hamarøy', ['hamar'])).toBe(false);
  });

  it("does not fail a report for a broken .bosoreport.yaml beside another municipality's reports", async () => {
    const t = tempTree({
      'rapporter/gjovik/2012-aarsrapport.yaml': as('Gjøvik'),
      'rapporter/hamar/.bosoreport.yaml': 'skjemaer:\n  - finnes-ikke\n',
      'rapporter/hamar/2012-aarsrapport.yaml': as('Gjøvik'),
    });
    try {
      const alone = await checkReports(['rapporter/gjovik/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' });
      expect(alone.usageFailed).toBe(false);
      expect(alone.files.map((f) => f.file)).toEqual(['rapporter/gjovik/2012-aarsrapport.yaml']);
      expect(alone.exitCode).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('never takes a report for its own copy through a linked folder', async () => {
    const t = tempTree({ 'rapporter/gjovik/2012-aarsrapport.yaml': as('Gjøvik') });
    try {
      symlinkSync(path.join(t.dir, 'rapporter/gjovik'), path.join(t.dir, 'rapporter/aktuell'));
      expect((await checkReports(['rapporter/gjovik/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' })).exitCode).toBe(0);
    } finally {
      t.cleanup();
    }
  });

  it('holds reports against rapporter/ only, not drafts beside it, and a config in a sub-folder does not narrow it', async () => {
    const t = tempTree({
      '.bosoreport.yaml': 'regler:\n  negativt-resultat: off\n',
      'arkiv/gjovik-2012-utkast.yaml': as('Gjøvik'),
      'rapporter/gjovik/2012-aarsrapport.yaml': as('Gjøvik'),
      'rapporter/gjovik2/.bosoreport.yaml': 'regler:\n  forsidedato-avviker: off\n',
      'rapporter/gjovik2/2012-aarsrapport.yaml': as('Gjøvik'),
    });
    try {
      const all = await checkReports(['rapporter'], { cwd: t.dir, lang: 'en' });
      const copy = all.files.find((f) => f.file === 'rapporter/gjovik2/2012-aarsrapport.yaml')!;
      expect(copy.diagnostics.map((d) => d.ruleId)).toContain('dobbel-rapport');
      expect(all.files.find((f) => f.file === 'rapporter/gjovik/2012-aarsrapport.yaml')!.diagnostics.map((d) => d.ruleId)).not.toContain('dobbel-rapport');
      const alone = await checkReports(['rapporter/gjovik2/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' });
      expect(alone.files[0]!.diagnostics).toEqual(copy.diagnostics);
    } finally {
      t.cleanup();
    }
  });

  it('holds a report outside any repository only against the reports given', async () => {
    const t = tempTree({ 'a/2012-aarsrapport.yaml': as('Gjøvik'), 'b/2012-aarsrapport.yaml': as('Gjøvik') });
    try {
      expect((await checkReports(['b/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' })).exitCode).toBe(0);
      expect((await checkReports(['a', 'b'], { cwd: t.dir, lang: 'en' })).exitCode).toBe(1);
    } finally {
      t.cleanup();
    }
  });
});
