import type { CommandModule } from '../types.js';

/** `bosoreport rules`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<never> = {
  name: 'rules',
  rank: 100,
  help: {
    nb: {
      description: 'list reglene som kontrolleres i tillegg til skjemaet, med standardnivå',
      options: {},
      overview: ['bosoreport rules'],
    },
    nn: {
      description: 'list reglane som blir kontrollerte i tillegg til skjemaet, med standardnivå',
      options: {},
      overview: ['bosoreport rules'],
    },
    en: {
      description: 'list the rules checked beyond the schema, with their default level',
      options: {},
      overview: ['bosoreport rules'],
    },
  },
  define: (c, _h) => c,
  run: async (_args, _o, ctx) => (await import('./run.js')).runRules(ctx),
};
