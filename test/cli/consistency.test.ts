import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { ROOT, exampleText, GJOVIK, LILLEHAMMER, lineOf, runMain, tempTree } from '../helpers.js';

/** The small things a newcomer trips over: one word for one thing, in the language they read. */
describe('help and usage errors in bokmål', () => {
  it('has no English left in the Norwegian help: no «[options]», no «default:»', async () => {
    for (const args of [['--help'], ...COMMANDS.map((c) => [c.name, '--help'])]) {
      const { stdout } = await runMain(args, { env: { LANG: 'nb_NO.UTF-8' } });
      expect(stdout).toContain('Bruk: bosoreport');
      expect(stdout).not.toMatch(/\[options\]|\[command\]|default:|<paths|<file>|<dir>/);
    }
    const render = await runMain(['render', '--help', '--lang', 'nb']);
    expect(render.stdout).toContain('bosoreport render [valg] <stier...>');
    expect(render.stdout).toMatch(/--timeout <sekunder>\s+gi opp én PDF etter så mange sekunder \(standard: 60\)/);
  });

  it('lists every command of the registry in the main help, with its examples, in both languages', async () => {
    for (const lang of ['nb', 'en'] as const) {
      const { stdout } = await runMain(['--help', '--lang', lang]);
      for (const c of COMMANDS) {
        expect(stdout).toMatch(new RegExp(`^  ${c.name} `, 'm'));
        expect(c.help[lang].overview.length, `${c.name} ${lang}`).toBeGreaterThan(0);
        for (const line of c.help[lang].overview) expect(stdout).toContain(`$ ${line}`);
      }
    }
  });

  it("has every command folder in the registry, under its folder's name", () => {
    const folders = readdirSync(path.join(ROOT, 'src/cli/commands'), { withFileTypes: true })
      .filter((d) => d.isDirectory())
      .map((d) => d.name);
    expect(COMMANDS.map((c) => c.name).sort()).toEqual(folders.sort());
  });

  it('keeps English help English', async () => {
    const { stdout } = await runMain(['render', '--help', '--lang', 'en']);
    expect(stdout).toContain('Usage: bosoreport render [options] <paths...>');
    expect(stdout).toMatch(/\(default:\s+"60"\)/);
  });

  it('says what was wrong on the command line in bokmål, with the did-you-mean', async () => {
    const typo = await runMain(['render', 'x.yaml', '--quite'], { env: { LANG: 'nb_NO.UTF-8' } });
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("feil: ukjent valg '--quite'");
    expect(typo.stderr).toContain('(Mente du --quiet?)');
    const missing = await runMain(['init', 'aarsrapport-2012', '--aar', '2013'], { env: { LANG: 'nb_NO.UTF-8' } });
    expect(missing.stderr).toBe('bosoreport: --kommune må ha et navn.\n');
    const none = await runMain(['validate'], { env: { LANG: 'nb_NO.UTF-8' } });
    expect(none.stderr).toContain("feil: mangler argumentet 'stier'");
  });
});

describe('render --quiet and --no-notes', () => {
  const report = () => tempTree({ 'rapporter/lillehammer/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER) });

  it('--quiet leaves the warnings out (validate already showed them) but says what it wrote', async () => {
    const t = report();
    try {
      const loud = await runMain(['render', 'rapporter', '-d', 'ut'], { cwd: t.dir });
      expect(loud.stdout).toContain('status-uten-prosent');
      const quiet = await runMain(['render', 'rapporter', '-d', 'ut', '--quiet'], { cwd: t.dir });
      expect(quiet.status).toBe(0);
      expect(quiet.stdout).not.toContain('status-uten-prosent');
      expect(quiet.stdout).toContain(path.join('ut', '2011-halvaarsrapport.html'));
    } finally {
      t.cleanup();
    }
  });

  it('--quiet still shows errors, and the exit code is unchanged', async () => {
    const t = tempTree({ 'a.yaml': 'skjema: aarsrapport-2012\n' });
    try {
      const quiet = await runMain(['render', 'a.yaml', '-d', 'ut', '--quiet'], { cwd: t.dir });
      expect(quiet.status).toBe(1);
      expect(quiet.stdout).toMatch(/a\.yaml:\d+:\d+ +error/);
    } finally {
      t.cleanup();
    }
  });

  it('--no-notes (now --copy husbanken) writes the copy for Husbanken: no «Kontrollmerknader», no flags in the form', async () => {
    const t = report();
    try {
      await runMain(['render', 'rapporter', '-d', 'med'], { cwd: t.dir });
      await runMain(['render', 'rapporter', '-d', 'uten', '--no-notes'], { cwd: t.dir });
      const withNotes = readFileSync(path.join(t.dir, 'med', '2011-halvaarsrapport.html'), 'utf8');
      const without = readFileSync(path.join(t.dir, 'uten', '2011-halvaarsrapport.husbanken.html'), 'utf8');
      expect(withNotes).toContain('Kontrollmerknader fra bosoreport');
      expect(withNotes).toContain('class="flagg');
      expect(without).not.toContain('Kontrollmerknader');
      expect(without).not.toContain('class="flagg');
      // The same form otherwise: the table of measures is still there with its figures.
      const visibleText = (html: string) => html.replace(/<script[\s\S]*?<\/script>/g, '').replace(/<[^>]+>/g, ' ');
      expect(visibleText(without)).toContain('Husbanken');
      expect(visibleText(withNotes).length).toBeGreaterThan(visibleText(without).length);
    } finally {
      t.cleanup();
    }
  });
});

describe('-o is a file for every command', () => {
  it('render -o x.html writes one report to that file; -d is the folder for a batch', async () => {
    // Two municipalities' reports: two copies of one report would be refused as duplicates.
    const t = tempTree({
      'rapporter/lillehammer/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER),
      'rapporter/lillehammer/2012-halvaarsrapport.yaml': exampleText(LILLEHAMMER).replace('kommune: Lillehammer', 'kommune: Hamar'),
    });
    try {
      const one = await runMain(['render', 'rapporter/lillehammer/2011-halvaarsrapport.yaml', '-o', 'lillehammer.html'], { cwd: t.dir });
      expect(one.status, one.stderr).toBe(0);
      expect(readFileSync(path.join(t.dir, 'lillehammer.html'), 'utf8')).toContain('Lillehammer');
      const batch = await runMain(['render', 'rapporter', '-d', 'ut'], { cwd: t.dir });
      expect(batch.status).toBe(0);
      expect(readFileSync(path.join(t.dir, 'ut/2012-halvaarsrapport.html'), 'utf8')).toContain('Lillehammer');
    } finally {
      t.cleanup();
    }
  });

  it('render -o with several reports, or a name that is not .html/.pdf, is a usage error that says to use -d', async () => {
    const t = tempTree({ 'a/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER), 'b/2011-halvaarsrapport.yaml': exampleText(LILLEHAMMER) });
    try {
      const many = await runMain(['render', 'a', 'b', '-o', 'ut.html'], { cwd: t.dir });
      expect(many.status).toBe(2);
      expect(many.stderr).toContain('Use -d (--out-dir)');
      const folder = await runMain(['render', 'a', '-o', 'ut/'], { cwd: t.dir });
      expect(folder.status).toBe(2);
      expect(folder.stderr).toContain('must end in .html or .pdf');
    } finally {
      t.cleanup();
    }
  });

  it('validate -o and --output write the results to a file, as --output-file did', async () => {
    const t = tempTree({ 'a.yaml': exampleText(LILLEHAMMER) });
    try {
      for (const flag of ['-o', '--output', '--output-file']) {
        const r = await runMain(['validate', 'a.yaml', '-f', 'json', flag, `${flag.replace(/-/g, '')}.json`], { cwd: t.dir });
        expect(r.status).toBe(0);
        expect(r.stdout).toBe('');
        expect(JSON.parse(readFileSync(path.join(t.dir, `${flag.replace(/-/g, '')}.json`), 'utf8'))).toBeTruthy();
      }
    } finally {
      t.cleanup();
    }
  });
});

describe('the same words for the same things', () => {
  it('validate -f json and compute --json share their keys: fil, skjema, diagnostikk (and feil, advarsler)', async () => {
    const t = tempTree({ 'rapporter/gjovik/2012-aarsrapport.yaml': exampleText(GJOVIK) });
    try {
      const file = 'rapporter/gjovik/2012-aarsrapport.yaml';
      const v = JSON.parse((await runMain(['validate', file, '-f', 'json'], { cwd: t.dir })).stdout);
      const c = JSON.parse((await runMain(['compute', file, '--json'], { cwd: t.dir })).stdout);
      expect(Object.keys(v)).toEqual(['format', 'bosoreport', 'filer', 'feil', 'advarsler']);
      const [one] = v.filer;
      expect(one.fil).toBe(c.fil);
      expect(one.skjema).toEqual(c.skjema);
      expect(one.skjema).toEqual({ id: 'aarsrapport-2012', navn: 'Årsrapport (skjema 2012–2014)' });
      expect(one.diagnostikk).toEqual(c.diagnostikk);
      expect([one.feil, one.advarsler, v.feil, v.advarsler]).toEqual([0, 4, 0, 4]);
    } finally {
      t.cleanup();
    }
  });
});

describe('standard input as «-»', () => {
  it('validate - checks what is piped in, named <stdin>, with positions', async () => {
    const text = exampleText(GJOVIK).replace('januar: 1390', 'januar: 1.390');
    const r = await runMain(['validate', '-'], { stdin: text });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(new RegExp(`^<stdin>:${lineOf(text, 'januar: 1.390')}:15 +error`, 'm'));
    // No file name to hold against its content.
    expect((await runMain(['validate', '-'], { stdin: exampleText(GJOVIK) })).stdout).not.toContain('filnavn-stemmer-ikke');
  });

  it('compute - --json and render - -o work from a pipe too; render without -o says what to do', async () => {
    const t = tempTree({});
    try {
      const c = await runMain(['compute', '-', '--json'], { stdin: exampleText(GJOVIK), cwd: t.dir });
      expect(c.status).toBe(0);
      expect(JSON.parse(c.stdout).fil).toBe('<stdin>');
      const r = await runMain(['render', '-', '-o', 'gjovik.html'], { stdin: exampleText(GJOVIK), cwd: t.dir });
      expect(r.status, r.stderr).toBe(0);
      expect(readFileSync(path.join(t.dir, 'gjovik.html'), 'utf8')).toContain('Gjøvik');
      const none = await runMain(['render', '-'], { stdin: exampleText(GJOVIK), cwd: t.dir });
      expect(none.status).toBe(2);
      expect(none.stderr).toContain('-o report.html');
    } finally {
      t.cleanup();
    }
  });

  it('the installed command reads a pipe: cat report | bosoreport validate -', async () => {
    const { runCli } = await import('../helpers.js');
    const r = runCli(['validate', '-'], { input: exampleText(LILLEHAMMER) });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('without errors');
  });
});
