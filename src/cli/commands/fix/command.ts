import type { CommandModule } from '../types.js';

/** `bosoreport fix`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'dryRun'> = {
  name: 'fix',
  rank: 20,
  checksReports: true,
  help: {
    nb: {
      description: 'rett feil som bare kan bety én ting: datoer, tusenskille, «80 %», tabulatorer i innrykket, et feilstavet feltnavn',
      options: {
        dryRun: 'vis endringene som diff, og skriv ingenting',
      },
      overview: ['bosoreport fix rapporter/ --dry-run'],
      examples: `
Eksempler:
  $ bosoreport fix rapporter/gjovik/2013-aarsrapport.yaml    18.02.2013 → 2013-02-18, «1 390» → 1390, …
  $ bosoreport fix rapporter/ --dry-run                       endringene som diff
  $ bosoreport validate --fix rapporter/                      rett, og kontroller som vanlig

Bare rettelser som ikke kan endre hva rapporten sier, gjøres; kommentarer, rekkefølge og anførselstegn
blir stående. Resten står igjen for deg, med sitt hint. Avslutningskoder som for validate, for filene
slik de ble rettet.`,
    },
    nn: {
      description: 'rett feil som berre kan tyde éin ting: datoar, tusenskilje, «80 %», tabulatorar i innrykket, eit feilstava feltnamn',
      options: {
        dryRun: 'vis endringane som diff, og skriv ingenting',
      },
      overview: ['bosoreport fix rapporter/ --dry-run'],
      examples: `
Døme:
  $ bosoreport fix rapporter/gjovik/2013-aarsrapport.yaml    18.02.2013 → 2013-02-18, «1 390» → 1390, …
  $ bosoreport fix rapporter/ --dry-run                       endringane som diff
  $ bosoreport validate --fix rapporter/                      rett, og kontroller som vanleg

Berre rettingar som ikkje kan endre kva rapporten seier, blir gjorde; kommentarar, rekkjefølgje og
hermeteikn blir ståande. Resten står att for deg, med hintet sitt. Avslutningskodar som for validate,
for filene slik dei vart retta.`,
    },
    en: {
      description: 'mend mistakes that have only one meaning: dates, thousands separators, «80 %», tabs in indentation, a misspelt key',
      options: {
        dryRun: 'print what would change as a diff, and write nothing',
      },
      overview: ['bosoreport fix reports/ --dry-run'],
      examples: `
Examples:
  $ bosoreport fix reports/gjovik/2013-aarsrapport.yaml      18.02.2013 → 2013-02-18, «1 390» → 1390, …
  $ bosoreport fix reports/ --dry-run                         the changes as a unified diff
  $ bosoreport validate --fix reports/                        mend, then check as usual

Only fixes that cannot change what the report says are made; comments, order and quoting stay.
Everything else is left for you, with its hint. Exit codes as for validate, for the files as fixed.`,
    },
  },
  define: (c, h, common) => c.argument('<paths...>', common.paths).option('--dry-run', h.options.dryRun),
  run: async ([paths], o: { dryRun?: boolean }, ctx) => (await import('./run.js')).runFix(paths as string[], ctx, { rules: ctx.rules, dryRun: o.dryRun === true }),
};
