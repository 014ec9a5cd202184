import { Option } from 'commander';
import { EXIT_USAGE } from '../../../errors.js';
import type { CommandModule } from '../types.js';

/** `bosoreport validate`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'format' | 'output' | 'maxWarnings' | 'quiet' | 'fix'> = {
  name: 'validate',
  rank: 10,
  checksReports: true,
  help: {
    nb: {
      description: 'kontroller rapporter mot skjemaet: YAML, skjema, regler og på tvers av rapporter',
      options: {
        format: 'stylish, json, junit, github eller sarif',
        output: 'skriv resultatet til denne filen i stedet for til skjermen',
        maxWarnings: 'avslutt med 1 når det er flere advarsler enn dette',
        quiet: 'vis bare feil',
        fix: 'rett først det som bare kan bety én ting, som `bosoreport fix` gjør',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate rapporter/'],
      examples: `
Eksempler:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate rapporter/                    alle .yaml/.yml under mappen
  $ bosoreport validate a.yaml b.yaml 'rapporter/**/*.yaml'
  $ bosoreport validate --lang en rapporter/
  $ bosoreport validate --format github --max-warnings 0 rapporter/     i GitHub Actions
  $ bosoreport validate --format sarif -o bosoreport.sarif rapporter/   til kodeskanning

Avslutningskoder: 0 ingen feil (advarsler er lov), 1 problemer i rapportene, 2 bruks- eller filfeil.`,
    },
    nn: {
      description: 'kontroller rapportar mot skjemaet: YAML, skjema, reglar og på tvers av rapportar',
      options: {
        format: 'stylish, json, junit, github eller sarif',
        output: 'skriv resultatet til denne fila i staden for til skjermen',
        maxWarnings: 'avslutt med 1 når det er fleire åtvaringar enn dette',
        quiet: 'vis berre feil',
        fix: 'rett først det som berre kan tyde éin ting, slik `bosoreport fix` gjer',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate rapporter/'],
      examples: `
Døme:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate rapporter/                    alle .yaml/.yml under mappa
  $ bosoreport validate a.yaml b.yaml 'rapporter/**/*.yaml'
  $ bosoreport validate --lang en rapporter/
  $ bosoreport validate --format github --max-warnings 0 rapporter/     i GitHub Actions
  $ bosoreport validate --format sarif -o bosoreport.sarif rapporter/   til kodeskanning

Avslutningskodar: 0 ingen feil (åtvaringar er lov), 1 problem i rapportane, 2 bruks- eller filfeil.`,
    },
    en: {
      description: 'check reports against their form: YAML, form, schema, rules, and across reports',
      options: {
        format: 'stylish, json, junit, github or sarif',
        output: 'write the results to this file instead of standard output',
        maxWarnings: 'exit 1 when there are more warnings than this',
        quiet: 'report errors only',
        fix: 'first mend what has only one meaning, as `bosoreport fix` does',
      },
      overview: ['bosoreport validate examples/gjovik-aarsrapport-2012.yaml', 'bosoreport validate reports/'],
      examples: `
Examples:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate reports/                      every .yaml/.yml below, recursively
  $ bosoreport validate a.yaml b.yaml 'reports/**/*.yaml'
  $ bosoreport validate --lang en reports/
  $ bosoreport validate --format github --max-warnings 0 reports/     in a GitHub Actions step
  $ bosoreport validate --format sarif -o bosoreport.sarif reports/   for code scanning

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
      .option('--fix', h.options.fix),
  run: async ([paths], o: { format: string; output?: string; outputFile?: string; maxWarnings?: string; quiet?: boolean; fix?: boolean }, ctx) => {
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
    });
  },
};
