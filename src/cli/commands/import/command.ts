import type { CommandModule } from '../types.js';

/** `bosoreport import`: its options, help in bokmål, nynorsk and English, and the call to its implementation (loaded on use). */
export const command: CommandModule<'skjema' | 'force' | 'dir'> = {
  name: 'import',
  rank: 72,
  checksReports: true,
  help: {
    nb: {
      description: 'les en levert rapport (Word, PDF eller tekst) inn som et YAML-utkast, med kilden til hver verdi',
      options: {
        skjema: 'skjemaet rapporten er på (standard: det skjemaet teksten likner mest på)',
        force: 'skriv over et utkast som finnes fra før',
        dir: 'mappen utkastene legges under, som <mappe>/rapporter/<kommune>/<år>-<type>.yaml (standard: rapportmappen i repositoryet)',
      },
      overview: ['bosoreport import arkiv/ --dir utkast'],
      examples: `
Eksempler:
  $ bosoreport import arkiv/gjovik-2012.txt                 skriver rapporter/gjovik/2012-aarsrapport.yaml
  $ bosoreport import arkiv/ --dir utkast                   alle Word-, PDF- og tekstfilene i arkiv/, under utkast/rapporter/
  $ bosoreport import arkiv/lillehammer-2011.txt --skjema aars-og-halvaarsrapport-2011

Importen leser Word-filer (.docx), PDF med tekst (ikke skannet) og tekstfiler (.txt).
Et tall eller en dato settes bare inn der plassen er entydig; ellers står feltet åpent med det som sto
der. Hver verdi har kilden (side og tekst) i en kommentar: sjekk utkastet mot originalen.
Avslutningskoder: 0 et utkast for hver kilde (som init: feltene som står åpne, sjekker validate), 2 en kilde kunne ikke leses.`,
    },
    nn: {
      description: 'les ein levert rapport (Word, PDF eller tekst) inn som eit YAML-utkast, med kjelda til kvar verdi',
      options: {
        skjema: 'skjemaet rapporten er på (standard: det skjemaet teksten liknar mest på)',
        force: 'skriv over eit utkast som finst frå før',
        dir: 'mappa utkasta blir lagde under, som <mappe>/rapporter/<kommune>/<år>-<type>.yaml (standard: rapportmappa i repositoryet)',
      },
      overview: ['bosoreport import arkiv/ --dir utkast'],
      examples: `
Døme:
  $ bosoreport import arkiv/gjovik-2012.txt                 skriv rapporter/gjovik/2012-aarsrapport.yaml
  $ bosoreport import arkiv/ --dir utkast                   alle Word-, PDF- og tekstfilene i arkiv/, under utkast/rapporter/
  $ bosoreport import arkiv/lillehammer-2011.txt --skjema aars-og-halvaarsrapport-2011

Importen les Word-filer (.docx), PDF med tekst (ikkje skanna) og tekstfiler (.txt).
Eit tal eller ein dato blir berre sett inn der plassen er eintydig; elles står feltet ope med det som
stod der. Kvar verdi har kjelda (side og tekst) i ein kommentar: sjekk utkastet mot originalen.
Avslutningskodar: 0 eit utkast for kvar kjelde (som init: felta som står opne, sjekkar validate), 2 ei kjelde kunne ikkje lesast.`,
    },
    en: {
      description: 'read a delivered report (Word, PDF or text) into a YAML draft, with the source of every value',
      options: {
        skjema: 'the form the report is on (default: the form the text is most like)',
        force: 'overwrite a draft that is already there',
        dir: "the folder drafts go under, as <folder>/rapporter/<kommune>/<year>-<type>.yaml (default: the repository's reports folder)",
      },
      overview: ['bosoreport import arkiv/ --dir utkast'],
      examples: `
Examples:
  $ bosoreport import arkiv/ --dir drafts                   every Word, PDF and text file in arkiv/, under drafts/rapporter/
  $ bosoreport import arkiv/lillehammer-2011.txt --dir drafts --skjema aars-og-halvaarsrapport-2011

Import reads Word files (.docx), PDFs with text (not scanned) and text files (.txt).
A figure or date goes in only where its place is unambiguous; otherwise the field is left open with
what stood there. Every value has its source (page and text) in a comment: check the draft against
the original.
Exit codes: 0 a draft for every source (as with init, validate judges the fields left open), 2 a source could not be read.`,
    },
  },
  define: (c, h, common) =>
    c.argument('<paths...>', common.paths).option('--skjema <id>', h.options.skjema).option('--force', h.options.force).option('-d, --dir <folder>', h.options.dir),
  run: async ([sources], o: { skjema?: string; force?: boolean; dir?: string }, ctx) =>
    (await import('./run.js')).runImport(sources as string[], { ...(o.skjema ? { skjema: o.skjema } : {}), force: o.force ?? false, ...(o.dir ? { dir: o.dir } : {}) }, ctx),
};
