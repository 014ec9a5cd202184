import type { CommandModule } from '../types.js';

/** `bosoreport compute`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'json'> = {
  name: 'compute',
  rank: 30,
  checksReports: true,
  help: {
    nb: {
      description: 'vis en rapport med alle utregnede tall (endringer, summer, andeler, frist)',
      options: {
        json: 'skriv rapporten og tallene som JSON (formen: schemas/beregning.schema.json)',
      },
      overview: ['bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json'],
      examples: `
Eksempler:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          tallene som tabell
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   rapport og tall som JSON
  $ bosoreport compute --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Avslutningskoder: 0 tallene er regnet ut, ingen feil; 1 problemer i rapporten; 2 bruks- eller filfeil.`,
    },
    nn: {
      description: 'vis ein rapport med alle utrekna tal (endringar, summar, andelar, frist)',
      options: {
        json: 'skriv rapporten og tala som JSON (forma: schemas/beregning.schema.json)',
      },
      overview: ['bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json'],
      examples: `
Døme:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          tala som tabell
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   rapport og tal som JSON
  $ bosoreport compute --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Avslutningskodar: 0 tala er rekna ut, ingen feil; 1 problem i rapporten; 2 bruks- eller filfeil.`,
    },
    en: {
      description: 'print a report with every derived figure (deltas, totals, ratios, deadline)',
      options: {
        json: 'print the report and its figures as JSON (shape: schemas/beregning.schema.json)',
      },
      overview: ['bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json'],
      examples: `
Examples:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          figures as a table
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   report + figures as JSON
  $ bosoreport compute --lang en --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Exit codes: 0 figures computed, no errors; 1 problems in the report; 2 usage or I/O error.`,
    },
  },
  define: (c, h, common) => c.argument('<file>', common.file).option('--json', h.options.json),
  run: async ([file], o: { json?: boolean }, ctx) => (await import('./run.js')).runCompute([file as string], { json: o.json === true, rules: ctx.rules }, ctx),
};
