import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { exampleText, GJOVIK, runMain, tempTree } from '../helpers.js';

const MARK = 'Arbeidskopi fra bosoreport – ikke send denne. Send Husbanken-kopien (render --copy husbanken).';

describe('render --copy', () => {
  it('is in the help, in both languages, with both copies named; --no-notes is not listed', async () => {
    // Help is wrapped to the terminal: compare with whitespace folded.
    const help = async (lang: string) => (await runMain(['render', '--help', '--lang', lang])).stdout.replace(/\s+/g, ' ');
    const en = await help('en');
    expect(en).toContain('--copy <name> husbanken: the copy to send and file, the form and the answers only, as NAME.husbanken.html/.pdf; arbeidskopi (default): the working copy');
    expect(en).toContain('--copy husbanken --pdf');
    const nb = await help('nb');
    expect(nb).toContain(
      '--copy <navn> husbanken: kopien som sendes og arkiveres, bare skjemaet og svarene, i NAVN.husbanken.html/.pdf; arbeidskopi (standard): kopien til eget bruk',
    );
    expect(nb).toContain('--copy husbanken --pdf');
    for (const text of [en, nb]) expect(text).not.toContain('--no-notes');
  });

  it('writes the working copy by default and the Husbanken copy beside it, neither replacing the other', async () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK) });
    try {
      const work = await runMain(['render', 'g.yaml'], { cwd: t.dir });
      expect(work.status).toBe(0);
      const before = readFileSync(path.join(t.dir, 'out/g.html'), 'utf8');
      const mtime = statSync(path.join(t.dir, 'out/g.html')).mtimeMs;
      const clean = await runMain(['render', 'g.yaml', '--copy', 'husbanken'], { cwd: t.dir });
      expect(clean.status).toBe(0);
      expect(clean.stdout).toContain(`wrote ${path.join('out', 'g.husbanken.html')}`);
      expect(readdirSync(path.join(t.dir, 'out')).sort()).toEqual(['g.html', 'g.husbanken.html']);
      expect(readFileSync(path.join(t.dir, 'out/g.html'), 'utf8')).toBe(before);
      expect(statSync(path.join(t.dir, 'out/g.html')).mtimeMs).toBe(mtime);
      // And the other way round: the working copy again leaves the Husbanken copy as it was.
      const husbanken = readFileSync(path.join(t.dir, 'out/g.husbanken.html'), 'utf8');
      await runMain(['render', 'g.yaml', '--copy', 'arbeidskopi'], { cwd: t.dir });
      expect(readFileSync(path.join(t.dir, 'out/g.husbanken.html'), 'utf8')).toBe(husbanken);
      expect(readFileSync(path.join(t.dir, 'out/g.html'), 'utf8')).toBe(before);
      // The working copy carries the mark for every printed page; the Husbanken copy none.
      expect(before).toContain(`@bottom-left { content: "${MARK}"`);
      expect(husbanken).not.toContain('Arbeidskopi');
    } finally {
      t.cleanup();
    }
  });

  it('--no-notes still works: the same file, under the same name, as --copy husbanken', async () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK) });
    try {
      await runMain(['render', 'g.yaml', '--copy', 'husbanken', '-d', 'ny'], { cwd: t.dir });
      const old = await runMain(['render', 'g.yaml', '--no-notes', '-d', 'gammel'], { cwd: t.dir });
      expect(old.status).toBe(0);
      expect(readdirSync(path.join(t.dir, 'gammel'))).toEqual(['g.husbanken.html']);
      expect(readFileSync(path.join(t.dir, 'gammel/g.husbanken.html'), 'utf8')).toBe(readFileSync(path.join(t.dir, 'ny/g.husbanken.html'), 'utf8'));
    } finally {
      t.cleanup();
    }
  });

  it('-o names the file of either copy as given', async () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK) });
    try {
      expect((await runMain(['render', 'g.yaml', '--copy', 'husbanken', '-o', 'til-husbanken.html'], { cwd: t.dir })).status).toBe(0);
      expect((await runMain(['render', 'g.yaml', '-o', 'arbeid.html'], { cwd: t.dir })).status).toBe(0);
      expect(readFileSync(path.join(t.dir, 'til-husbanken.html'), 'utf8')).not.toContain('Arbeidskopi');
      expect(readFileSync(path.join(t.dir, 'arbeid.html'), 'utf8')).toContain('Arbeidskopi');
    } finally {
      t.cleanup();
    }
  });

  it('refuses an unknown copy, and --no-notes with --copy, with exit 2 and nothing written', async () => {
    const t = tempTree({ 'g.yaml': exampleText(GJOVIK) });
    try {
      const unknown = await runMain(['render', 'g.yaml', '--copy', 'kommunen', '--lang', 'en'], { cwd: t.dir });
      expect(unknown.status).toBe(2);
      expect(unknown.stderr).toMatch(/'kommunen' is invalid.*husbanken, arbeidskopi/);
      const both = await runMain(['render', 'g.yaml', '--copy', 'arbeidskopi', '--no-notes', '--lang', 'en'], { cwd: t.dir });
      expect(both.status).toBe(2);
      expect(both.stderr).toContain("option '--no-notes' cannot be used with option '--copy <name>'");
      expect(readdirSync(t.dir)).toEqual(['g.yaml']);
    } finally {
      t.cleanup();
    }
  });
});
