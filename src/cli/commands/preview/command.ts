import { BosoreportError, EXIT_USAGE } from '../../../errors.js';
import { t } from '../../../messages/index.js';
import type { CommandModule } from '../types.js';

/** `bosoreport preview`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'port' | 'templateDir'> = {
  name: 'preview',
  rank: 50,
  checksReports: true,
  help: {
    nb: {
      description: 'vis en rapport som skjemaet i nettleseren, oppdatert hver gang du lagrer',
      options: {
        port: 'porten på 127.0.0.1 (standard: en ledig en)',
        templateDir: 'maler, delmaler eller style.css som erstatter de innebygde med samme navn',
      },
      overview: ['bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml'],
      examples: `
Eksempler:
  $ bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml     åpne adressen den skriver
  $ bosoreport preview FIL --port 8080 --template-dir mine-maler/

Bare på 127.0.0.1, og ingen forespørsler andre steder. Siden lastes på nytt når filen eller en mal
lagres, med problemene øverst. En fil som ikke kan vises, beholder siste gode side med grunnen øverst.
Ctrl-C avslutter.`,
    },
    nn: {
      description: 'vis ein rapport som skjemaet i nettlesaren, oppdatert kvar gong du lagrar',
      options: {
        port: 'porten på 127.0.0.1 (standard: ein som er ledig)',
        templateDir: 'malar, delmalar eller style.css som byter ut dei innebygde med same namn',
      },
      overview: ['bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml'],
      examples: `
Døme:
  $ bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml     opne adressa kommandoen skriv
  $ bosoreport preview FIL --port 8080 --template-dir mine-maler/

Berre på 127.0.0.1, og ingen førespurnader andre stader. Sida blir lasta på nytt når fila eller ein mal
blir lagra, med problema øvst. Ei fil som ikkje kan visast, held på den siste gode sida med grunnen
øvst. Ctrl-C avsluttar.`,
    },
    en: {
      description: 'show a report as the form in your browser, updated each time you save it',
      options: {
        port: 'the port on 127.0.0.1 (default: a free one)',
        templateDir: 'templates, partials or style.css that replace the shipped ones by name',
      },
      overview: ['bosoreport preview reports/gjovik/2013-aarsrapport.yaml'],
      examples: `
Examples:
  $ bosoreport preview reports/gjovik/2013-aarsrapport.yaml       open the address it prints
  $ bosoreport preview FILE --port 8080 --template-dir my-templates/

Serves on 127.0.0.1 only and makes no request elsewhere. The page reloads itself when the file or a
template is saved; its problems are listed at the top. A file that cannot be shown keeps the last
good page, with the reason on top. Ctrl-C stops.`,
    },
  },
  define: (c, h, common) => c.argument('<file>', common.file).option('--port <n>', h.options.port).option('--template-dir <dir>', h.options.templateDir),
  run: async ([file], o: { port?: string; templateDir?: string }, ctx) => {
    // Digits only: Number('') is 0 and Number('0x50') is 80, neither of which the user wrote.
    const port = o.port === undefined ? 0 : /^\d{1,5}$/.test(o.port) ? Number(o.port) : NaN;
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new BosoreportError(t(ctx.lang, 'usage/bad-port', { value: o.port ?? '' }), EXIT_USAGE);
    // The page follows a file as it is saved; standard input is no file to follow.
    if (file === '-') throw new BosoreportError(t(ctx.lang, 'preview/no-stdin'), EXIT_USAGE);
    return (await import('./run.js')).runPreview(file as string, ctx, { port, rules: ctx.rules, ...(o.templateDir ? { templateDir: o.templateDir } : {}) });
  },
};
