import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, ROOT, tempTree } from '../helpers.js';

/** A script checks a repository through the package's own entry point, with no CLI in between. */
describe('the package API', () => {
  it('checks a repository and answers as validate does: findings across reports, figures, exit code', async () => {
    const api = (await import(path.join(ROOT, 'dist', 'api.js'))) as typeof import('../../src/api.js');
    const t = tempTree({
      'rapporter/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK),
      'rapporter/gjovik2/2012-aarsrapport.yaml': exampleText(GJOVIK),
      'rapporter/lillehammer/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER),
    });
    try {
      const run = await api.checkReports(['rapporter'], { cwd: t.dir, lang: 'nb', keep: true });
      expect(run.exitCode).toBe(1);
      expect(run.files.map((f) => f.file)).toEqual([
        'rapporter/gjovik/2012-aarsrapport.yaml',
        'rapporter/gjovik2/2012-aarsrapport.yaml',
        'rapporter/lillehammer/2011-halvaarsrapport.yaml',
      ]);
      const copy = run.files[1]!;
      expect(api.hasErrors(copy)).toBe(true);
      expect(copy.diagnostics.find((d) => d.ruleId === 'dobbel-rapport')?.message).toContain('rapporter/gjovik/2012-aarsrapport.yaml');
      expect(api.hasErrors(run.files[2]!)).toBe(false);
      expect(run.files[2]!.result?.figures).toHaveProperty('periode.frist');

      // One report alone is held against the rest of its repository, as the whole run held it.
      const alone = await api.checkReports(['rapporter/gjovik2/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'nb' });
      expect(alone.files[0]!.diagnostics).toEqual(copy.diagnostics);
      expect(api.exitCodeOf(alone)).toBe(1);
      // ... unless the script asks for the files given alone.
      const given = await api.checkReports(['rapporter/gjovik2/2012-aarsrapport.yaml'], { cwd: t.dir, lang: 'nb', neighbours: false });
      expect(given.exitCode).toBe(0);
    } finally {
      t.cleanup();
    }
  });
});
