import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../src/cli/commands/index.js';
import { runMain } from '../helpers.js';

/** Words a bokmål writer types where nynorsk has its own (ikkje, kva, kva for, korleis, kvar, viss, nokon, berre, …). */
const BOKMAL_ONLY = [
  'ikke',
  'hva',
  'hvilk\\w*',
  'hvordan',
  'hvor',
  'hvis',
  'noen',
  'noe',
  'bare',
  'mye',
  'også',
  'filen',
  'mappen',
  'mangler',
  'uten',
  'skrevet',
  'tegn',
  'advarsel',
  'eksempel',
  'eksempler',
  'valg',
];
const BOKMAL_WORD = new RegExp(`(?<![\\p{L}\\p{N}])(?:${BOKMAL_ONLY.join('|')})(?![\\p{L}\\p{N}])`, 'giu');

/**
 * The bokmål-only words of a help text, leaving out what stays bokmål on purpose: text quoted with
 * «…» (the forms' own words) and the example command lines (`$ bosoreport …`).
 */
function bokmalWords(help: string): string[] {
  const prose = help
    .split('\n')
    .filter((line) => !/^\s*\$ /.test(line))
    .join('\n')
    .replace(/«[^»]*»/g, '');
  return [...prose.matchAll(BOKMAL_WORD)].map((m) => m[0]);
}

/** Every help page: the main help, then each command's. */
const PAGES: string[][] = [[], ...COMMANDS.map((c) => [c.name])];
const title = (page: string[]) => (page.length ? `${page[0]} --help` : '--help');

/** The command part of a help's example lines: the `$ …` lines without what follows two or more spaces. */
const exampleCommands = (examples = '') =>
  examples
    .split('\n')
    .filter((line) => /^\s*\$ /.test(line))
    .map((line) => line.trim().split(/ {2,}/)[0]);

describe('help in nynorsk', () => {
  it.each(PAGES.map((page) => [title(page), page]))('%s --lang nn has no bokmål-only word, and no English', async (_title, page) => {
    const { status, stdout, stderr } = await runMain([...(page as string[]), '--help', '--lang', 'nn']);
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toContain('Bruk: bosoreport');
    expect(stdout).toContain('Val:');
    if (page.length) expect(stdout.replace(/\s+/g, ' ')).toContain('språk i meldingane: nb, nn eller en');
    expect(bokmalWords(stdout), title(page as string[])).toEqual([]);
    expect(stdout).not.toMatch(/\[options\]|\[command\]|default:|choices:|<paths|<file>|<dir>|<seconds>|<navn>|<name>|Examples:|Usage:/);
  });

  it('finds the bokmål words in the bokmål help, so the check above can fail', async () => {
    const main = await runMain(['--help', '--lang', 'nb']);
    expect(bokmalWords(main.stdout)).toContain('Eksempler');
    const render = await runMain(['render', '--help', '--lang', 'nb']);
    expect(bokmalWords(render.stdout)).toEqual(expect.arrayContaining(['ikke', 'bare', 'også']));
    // What is quoted, and the example lines, are left out.
    expect(bokmalWords('«ikke» og\n  $ bosoreport validate ikke/')).toEqual([]);
    expect(bokmalWords('Ikke mangler')).toEqual(['Ikke', 'mangler']);
  });

  it("has each command's own nynorsk text, not a copy of the bokmål", () => {
    for (const c of COMMANDS) {
      const { nb, nn } = c.help;
      expect(nn.description, c.name).not.toBe(nb.description);
      expect(nn, c.name).not.toEqual(nb);
      if (nb.examples !== undefined) {
        expect(nn.examples, c.name).not.toBe(nb.examples);
        expect(nn.examples, c.name).toMatch(/^\nDøme:\n/);
      }
      for (const text of [nn.description, ...Object.values<string>(nn.options), nn.examples ?? '']) expect(bokmalWords(text), c.name).toEqual([]);
    }
  });

  it('keeps the example command lines of the bokmål help', () => {
    for (const c of COMMANDS) {
      expect(c.help.nn.overview, c.name).toEqual(c.help.nb.overview);
      expect(exampleCommands(c.help.nn.examples), c.name).toEqual(exampleCommands(c.help.nb.examples));
    }
  });

  it("uses nynorsk for commander's own words", async () => {
    const render = await runMain(['render', '--help', '--lang', 'nn']);
    expect(render.stdout).toContain('Bruk: bosoreport render [val] <stiar...>');
    expect(render.stdout).toMatch(/--timeout <sekund>\s+gi opp éin PDF etter så mange sekund \(standard: 60\)/);
    expect(render.stdout).toContain('-d, --out-dir <mappe>');
    expect(render.stdout).toContain('--rule <id=nivå>');
    expect(render.stdout).toContain('--browser <sti>');
    expect(render.stdout.replace(/\s+/g, ' ')).toContain('(moglege verdiar: "husbanken", "arbeidskopi")');
    expect(render.stdout).toContain('Døme:');
    expect(render.stdout).toContain('Argument:\n  stiar');
    const main = await runMain(['--help', '--lang', 'nn']);
    expect(main.stdout).toContain('Bruk: bosoreport [val] [kommando]');
    expect(main.stdout).toContain('Kommandoar:');
    expect(main.stdout).toMatch(/help \[kommando\]\s+vis hjelp for ein kommando/);
    const init = await runMain(['init', '--help', '--lang', 'nn']);
    expect(init.stdout).toContain('--kommune <namn>');
    expect(init.stdout).toContain('[skjema]');
  });

  it('is what a nynorsk locale gets', async () => {
    const { status, stdout } = await runMain(['validate', '--help'], { env: { LANG: 'nn_NO.UTF-8' } });
    expect(status).toBe(0);
    expect(stdout).toContain('Avslutningskodar: 0 ingen feil');
  });
});

describe('usage errors in nynorsk', () => {
  it('says an option is unknown, with the did-you-mean', async () => {
    const typo = await runMain(['render', 'x.yaml', '--quite', '--lang', 'nn']);
    expect(typo.status).toBe(2);
    expect(typo.stderr).toContain("feil: ukjent val '--quite'");
    expect(typo.stderr).toContain('(Meinte du --quiet?)');
    expect(typo.stderr).not.toMatch(/error:|Did you mean|ukjent valg|Mente du/);
  });

  it('says a command is unknown, an argument or a value missing, or an option left out', async () => {
    const env = { BOSOREPORT_LANG: 'nn' };
    const command = await runMain(['valdate', 'x.yaml'], { env });
    expect(command.status).toBe(2);
    expect(command.stderr).toContain("feil: ukjend kommando 'valdate'");
    expect(command.stderr).toContain('(Meinte du validate?)');
    const none = await runMain(['validate', '--lang', 'nn']);
    expect(none.stderr).toContain("feil: manglar argumentet 'stiar'");
    const required = await runMain(['init', 'aarsrapport-2012', '--aar', '2013', '--lang', 'nn']);
    expect(required.stderr).toBe('bosoreport: --kommune må ha eit namn.\n');
    const value = await runMain(['render', 'x.yaml', '--lang', 'nn', '--output']);
    expect(value.stderr).toContain("feil: valet '-o, --output <fil>' manglar verdi");
    const many = await runMain(['compute', 'a.yaml', 'b.yaml', '--lang', 'nn']);
    expect(many.stderr).toContain('feil: for mange argument, venta 1, fekk 2.');
  });
});

describe('the languages the help offers', () => {
  it.each([
    ['nb', 'språk i meldingene: nb, nn eller en', 'Meldinger på bokmål (nb), nynorsk (nn) eller engelsk (en)'],
    ['nn', 'språk i meldingane: nb, nn eller en', 'Meldingar på bokmål (nb), nynorsk (nn) eller engelsk (en)'],
    ['en', 'language of messages: nb, nn or en', 'Norwegian Bokmål (nb), Norwegian Nynorsk (nn) or English (en)'],
  ])('names nb, nn and en in %s', async (lang, option, languages) => {
    const main = await runMain(['--help', '--lang', lang]);
    expect(main.stdout).toContain(languages);
    const validate = await runMain(['validate', '--help', '--lang', lang]);
    expect(validate.stdout.replace(/\s+/g, ' ')).toContain(option);
  });
});
