import type { CommandModule } from '../types.js';

/** `bosoreport schema`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'editor'> = {
  name: 'schema',
  rank: 80,
  help: {
    nb: {
      description: 'skriv skjemaets JSON Schema som ett selvstendig dokument',
      options: {
        editor: 'kopien for redigeringsprogrammer: norske meldinger, datomønstre, titler i forslagene',
      },
      overview: ['bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json'],
      examples: `
Eksempler:
  $ bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json
  $ bosoreport schema statusnotat-2013 --editor > skjemaer/statusnotat-2013/editor.schema.json`,
    },
    nn: {
      description: 'skriv JSON Schema for skjemaet som eitt sjølvstendig dokument',
      options: {
        editor: 'kopien for redigeringsprogram: norske meldingar, datomønster, titlar i forslaga',
      },
      overview: ['bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json'],
      examples: `
Døme:
  $ bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json
  $ bosoreport schema statusnotat-2013 --editor > skjemaer/statusnotat-2013/editor.schema.json`,
    },
    en: {
      description: "print a form's JSON Schema as one self-contained document",
      options: {
        editor: 'the copy for editors: Norwegian messages, date patterns, titles in completions',
      },
      overview: ['bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json'],
      examples: `
Examples:
  $ bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json
  $ bosoreport schema statusnotat-2013 --editor > skjemaer/statusnotat-2013/editor.schema.json`,
    },
  },
  define: (c, h, common) => c.argument('<form>', common.form).option('--editor', h.options.editor),
  run: async ([formId], o: { editor?: boolean }, ctx) => (await import('./run.js')).runSchema(formId as string, ctx, { editor: o.editor === true }),
};
