import type { CommandModule } from '../types.js';

/** `bosoreport doctor`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'browser'> = {
  name: 'doctor',
  rank: 110,
  help: {
    nb: {
      description: 'vis hvilken nettleser PDF-ene lages med, og hvorfor',
      options: {
        browser: 'sjekk denne nettleseren i stedet',
      },
      overview: ['bosoreport doctor'],
    },
    nn: {
      description: 'vis kva nettlesar PDF-ane blir laga med, og kvifor',
      options: {
        browser: 'sjekk denne nettlesaren i staden',
      },
      overview: ['bosoreport doctor'],
    },
    en: {
      description: 'say which browser PDFs will be printed with, and why',
      options: {
        browser: 'check this browser instead',
      },
      overview: ['bosoreport doctor'],
    },
  },
  define: (c, h) => c.option('--browser <path>', h.options.browser),
  run: async (_args, o: { browser?: string }, ctx) => (await import('./run.js')).runDoctor(o.browser ? { browser: o.browser } : {}, ctx),
};
