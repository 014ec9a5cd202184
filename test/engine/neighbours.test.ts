import { describe, expect, it } from 'vitest';
import { checkReports } from '../../src/engine/index.js';
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

  it('does not mistake a municipality whose name holds another for it («Bø» and «Bømlo»)', async () => {
    const t = tempTree({ 'rapporter/a/2012-aarsrapport.yaml': as('Bømlo'), 'rapporter/b/2012-aarsrapport.yaml': as('Bø') });
    try {
      const alone = await checkReports(['rapporter/b/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'en' });
      expect(alone.files[0]!.diagnostics.map((d) => d.ruleId)).not.toContain('dobbel-rapport');
      expect(alone.exitCode).toBe(0);
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
