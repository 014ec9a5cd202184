import type { CommandModule } from '../types.js';

/** `bosoreport forms`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<never> = {
  name: 'forms',
  rank: 90,
  help: {
    nb: {
      description: 'list skjemaene og versjonene bosoreport kjenner',
      options: {},
      overview: ['bosoreport forms'],
    },
    nn: {
      description: 'list skjemaa og versjonane bosoreport kjenner',
      options: {},
      overview: ['bosoreport forms'],
    },
    en: {
      description: 'list the forms and versions bosoreport knows',
      options: {},
      overview: ['bosoreport forms'],
    },
  },
  define: (c, _h) => c,
  run: async (_args, _o, ctx) => (await import('./run.js')).runForms(ctx),
};
