import { Option } from 'commander';
import { EXIT_USAGE } from '../../../errors.js';
import type { CommandModule } from '../types.js';

/** `bosoreport validate`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'format' | 'output' | 'maxWarnings' | 'quiet' | 'fix' | 'changed' | 'noBaseline'> = {
  name: 'validate',
  rank: 10,
  checksReports: true,
  help: {
    nb: {
      description: 'kontroller rapporter mot skjemaet: YAML, skjema, regler og på tvers av rapporter',
      options: {
        format: 'stylish, json, junit, github eller sarif',
        output: 'skriv resultatet til denne filen i stedet for til skjermen',
        maxWarnings: 'avslutt med 1 når det er flere advarsler enn dette (de som er godtatt i grunnlinjen, teller ikke)',
        quiet: 'vis bare feil',
        fix: 'rett først det som bare kan bety én ting, som `bosoreport fix` gjør',
        changed: 'vis først funnene i filene som er endret siden grenen gikk ut fra denne git-referansen (for eksempel origin/main)',
        noBaseline: 'vis og tell også funnene som er godtatt i .bosoreport-baseline.json',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate rapporter/'],
      examples: `
Eksempler:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate rapporter/                    alle .yaml/.yml under mappen
  $ bosoreport validate a.yaml b.yaml 'rapporter/**/*.yaml'
  $ bosoreport validate --lang en rapporter/
  $ bosoreport validate --format github --max-warnings 0 rapporter/     i GitHub Actions: avslutningskode 1 alt ved én advarsel
  $ bosoreport validate --format sarif -o bosoreport.sarif rapporter/   til kodeskanning
  $ bosoreport validate --format github --changed origin/main rapporter/  en pull requests egne filer først

Funn som er godtatt i .bosoreport-baseline.json (skrevet av «bosoreport baseline»), vises og telles ikke.
Med --format github skrives også en opptelling og alle funn til $GITHUB_STEP_SUMMARY når den er satt.
Avslutningskoder: 0 ingen feil (advarsler er lov), 1 problemer i rapportene, 2 bruks- eller filfeil.`,
    },
    nn: {
      description: 'kontroller rapportar mot skjemaet: YAML, skjema, reglar og på tvers av rapportar',
      options: {
        format: 'stylish, json, junit, github eller sarif',
        output: 'skriv resultatet til denne fila i staden for til skjermen',
        maxWarnings: 'avslutt med 1 når det er fleire åtvaringar enn dette (dei som er godtekne i grunnlinja, tel ikkje)',
        quiet: 'vis berre feil',
        fix: 'rett først det som berre kan tyde éin ting, slik `bosoreport fix` gjer',
        changed: 'vis først funna i filene som er endra sidan greina gjekk ut frå denne git-referansen (til dømes origin/main)',
        noBaseline: 'vis og tel òg funna som er godtekne i .bosoreport-baseline.json',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate rapporter/'],
      examples: `
Døme:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate rapporter/                    alle .yaml/.yml under mappa
  $ bosoreport validate a.yaml b.yaml 'rapporter/**/*.yaml'
  $ bosoreport validate --lang en rapporter/
  $ bosoreport validate --format github --max-warnings 0 rapporter/     i GitHub Actions: avslutningskode 1 alt ved éi åtvaring
  $ bosoreport validate --format sarif -o bosoreport.sarif rapporter/   til kodeskanning
  $ bosoreport validate --format github --changed origin/main rapporter/  filene til ein pull request først

Funn som er godtekne i .bosoreport-baseline.json (skriven av «bosoreport baseline»), blir ikkje viste eller talde.
Med --format github blir òg ei opptelling og alle funn skrivne til $GITHUB_STEP_SUMMARY når han er sett.
Avslutningskodar: 0 ingen feil (åtvaringar er lov), 1 problem i rapportane, 2 bruks- eller filfeil.`,
    },
    en: {
      description: 'check reports against their form: YAML, form, schema, rules, and across reports',
      options: {
        format: 'stylish, json, junit, github or sarif',
        output: 'write the results to this file instead of standard output',
        maxWarnings: 'exit 1 when there are more warnings than this (those the baseline accepts do not count)',
        quiet: 'report errors only',
        fix: 'first mend what has only one meaning, as `bosoreport fix` does',
        changed: 'show first the findings in files changed since the branch left this git ref (e.g. origin/main)',
        noBaseline: 'also show and count the findings accepted in .bosoreport-baseline.json',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate reports/'],
      examples: `
Examples:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate reports/                      every .yaml/.yml below, recursively
  $ bosoreport validate a.yaml b.yaml 'reports/**/*.yaml'
  $ bosoreport validate --lang en reports/
  $ bosoreport validate --format github --max-warnings 0 reports/     in a GitHub Actions step: exit 1 on any warning
  $ bosoreport validate --format sarif -o bosoreport.sarif reports/   for code scanning
  $ bosoreport validate --format github --changed origin/main reports/  a pull request's own files first

Findings accepted in .bosoreport-baseline.json (written by "bosoreport baseline") are neither shown nor counted.
With --format github, a tally and every finding also go to $GITHUB_STEP_SUMMARY when it is set.
Exit codes: 0 no errors (warnings allowed), 1 problems found in reports, 2 usage or I/O error.`,
    },
  },
  define: (c, h, common) =>
    c
      .argument('<paths...>', common.paths)
      .option('-f, --format <name>', h.options.format, 'stylish')
      .option('-o, --output <file>', h.options.output)
      // The older spelling keeps working.
      .addOption(new Option('--output-file <file>').hideHelp())
      .option('--max-warnings <n>', h.options.maxWarnings)
      .option('--quiet', h.options.quiet)
      .option('--fix', h.options.fix)
      .option('--changed <ref>', h.options.changed)
      .option('--no-baseline', h.options.noBaseline),
  run: async (
    [paths],
    o: { format: string; output?: string; outputFile?: string; maxWarnings?: string; quiet?: boolean; fix?: boolean; changed?: string; baseline: boolean },
    ctx,
  ) => {
    const { runValidate } = await import('./run.js');
    if (o.fix) {
      const fixed = await (await import('../fix/run.js')).runFix(paths as string[], ctx, { rules: ctx.rules, beforeValidate: true });
      if (fixed === EXIT_USAGE) return fixed;
    }
    const outputFile = o.output ?? o.outputFile;
    return runValidate(paths as string[], ctx, {
      format: o.format,
      ...(outputFile !== undefined ? { outputFile } : {}),
      ...(o.maxWarnings !== undefined ? { maxWarnings: o.maxWarnings } : {}),
      quiet: o.quiet === true,
      rules: ctx.rules,
      ...(o.changed !== undefined ? { changed: o.changed } : {}),
      baseline: o.baseline,
    });
  },
};
