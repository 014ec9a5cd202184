import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, LILLEHAMMER, runMain, tempTree } from '../helpers.js';

const G = 'rapporter/gjovik/2012-aarsrapport.yaml';
const L = 'rapporter/lillehammer/2011-halvaarsrapport.yaml';

/** Two mistakes fix mends (a Norwegian date, «1 390») and one it leaves («1,390» may be a decimal). */
const gjovik = exampleText(GJOVIK)
  .replace('rapporteringsdato: 2013-02-18', 'rapporteringsdato: 18.02.2013')
  .replace('januar: 1390', 'januar: 1 390')
  .replace('desember: 1455', 'desember: "1,455"');
const lillehammer = exampleText(LILLEHAMMER).replace('framdrift_prosent: 80\n', 'framdrift_prosent: 80 %\n');

describe('validate says what fix would mend', () => {
  it('ends with how many of the problems fix mends and the command for the one file that has them (nb, nn, en)', async () => {
    const t = tempTree({ [G]: gjovik, [L]: exampleText(LILLEHAMMER) });
    try {
      for (const [lang, line] of [
        ['nb', `2 av disse kan rettes med \`npx bosoreport fix ${G}\`.`],
        ['nn', `2 av desse kan rettast med \`npx bosoreport fix ${G}\`.`],
        ['en', `2 of these can be fixed with \`npx bosoreport fix ${G}\`.`],
      ] as const) {
        const r = await runMain(['validate', 'rapporter', '--lang', lang], { cwd: t.dir });
        expect(r.status).toBe(1);
        const lines = r.stdout.trimEnd().split('\n');
        expect(lines.at(-2)).toMatch(/^✖ \d+ \S+ \(3 /);
        expect(lines.at(-1)).toBe(line);
      }
    } finally {
      t.cleanup();
    }
  });

  it('names the paths as given when several files have such problems, and the count is what fix then mends', async () => {
    const t = tempTree({ [G]: gjovik, [L]: lillehammer });
    try {
      const r = await runMain(['validate', 'rapporter/gjovik', L], { cwd: t.dir });
      expect(r.stdout).toContain(`3 of these can be fixed with \`npx bosoreport fix rapporter/gjovik ${L}\`.`);
      const fixed = await runMain(['fix', 'rapporter/gjovik', L], { cwd: t.dir });
      expect(fixed.stdout).toContain('Fixed 1 date, 1 number, 1 percent in 2 of 2 files.');
      // Left: the one fix could not mend, and no line about fix.
      const after = await runMain(['validate', 'rapporter'], { cwd: t.dir });
      expect(after.stdout).toMatch(/✖ \d+ problems \(1 error, /);
      expect(after.stdout).not.toContain('bosoreport fix');
    } finally {
      t.cleanup();
    }
  });

  it('one problem fix mends (a tab in the indentation): «it can be fixed with …»', async () => {
    const t = tempTree({ [G]: exampleText(GJOVIK).replace('  kommune: Gjøvik', '\tkommune: Gjøvik') });
    try {
      const r = await runMain(['validate', G, '--lang', 'nb'], { cwd: t.dir });
      expect(r.stdout.trimEnd().split('\n').at(-1)).toBe(`Det kan rettes med \`npx bosoreport fix ${G}\`.`);
    } finally {
      t.cleanup();
    }
  });

  it('JSON gives the count per file as kan_rettes and keeps its top-level keys; github and --quiet stay as they were', async () => {
    const t = tempTree({ [G]: gjovik, [L]: exampleText(LILLEHAMMER) });
    try {
      const json = JSON.parse((await runMain(['validate', 'rapporter', '-f', 'json'], { cwd: t.dir })).stdout);
      expect(Object.keys(json)).toEqual(['format', 'bosoreport', 'filer', 'feil', 'advarsler']);
      expect(json.filer.map((f: { fil: string; kan_rettes: number }) => [f.fil, f.kan_rettes])).toEqual([
        [G, 2],
        [L, 0],
      ]);
      const github = await runMain(['validate', 'rapporter', '-f', 'github'], { cwd: t.dir });
      expect(github.stdout).not.toContain('bosoreport fix');
      const quiet = await runMain(['validate', 'rapporter', '--quiet'], { cwd: t.dir });
      expect(quiet.stdout).toContain(`2 of these can be fixed with \`npx bosoreport fix ${G}\`.`);
      expect(readFileSync(path.join(t.dir, G), 'utf8')).toBe(gjovik);
    } finally {
      t.cleanup();
    }
  });

  it('quotes a path the shell would split', async () => {
    const spaced = 'rapporter/gjovik/2012 aarsrapport kopi.yaml';
    const t = tempTree({ [spaced]: gjovik });
    try {
      const r = await runMain(['validate', spaced], { cwd: t.dir });
      expect(r.stdout).toContain(`\`npx bosoreport fix "${spaced}"\``);
    } finally {
      t.cleanup();
    }
  });
});
