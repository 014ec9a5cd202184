import type { Lang } from '../messages/index.js';

/** Everything `--help` says, in both languages: programme leaders read bokmål, developers often English. */
export interface HelpTexts {
  titles: Record<string, string>;
  program: string;
  version: string;
  help: string;
  helpCommand: string;
  lang: string;
  rule: string;
  paths: string;
  file: string;
  form: string;
  main: string;
  validate: { description: string; format: string; output: string; maxWarnings: string; quiet: string; fix: string; examples: string };
  fix: { description: string; dryRun: string; examples: string };
  preview: { description: string; port: string; examples: string };
  summary: { description: string; format: string; output: string; pdf: string; kommune: string; aar: string; fra: string; til: string; skjema: string; examples: string };
  compute: { description: string; json: string; examples: string };
  render: { description: string; outDir: string; output: string; pdf: string; noHtml: string; templateDir: string; browser: string; timeout: string; jobs: string; noNotes: string; quiet: string; examples: string };
  doctor: { description: string; browser: string };
  init: { description: string; kommune: string; aar: string; from: string; periode: string; output: string; examples: string };
  schema: { description: string; editor: string; examples: string };
  forms: string;
  rules: string;
}

const en: HelpTexts = {
  titles: {},
  program: 'Check, compute and render Husbanken «Boligsosialt utviklingsprogram» reports written as YAML.',
  version: 'print the version',
  help: 'show help',
  helpCommand: 'show help for a command',
  lang: 'language of messages: nb or en (default: from the locale)',
  rule: 'set a rule to off, warn or error (repeatable; wins over .bosoreport.yaml)',
  paths: 'report files, folders, or quoted glob patterns',
  file: 'one report file',
  form: 'the form, e.g. aarsrapport-2012 (see: bosoreport forms)',
  main: `
Examples:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate reports/
  $ bosoreport fix reports/ --dry-run
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json
  $ bosoreport render reports/ --pdf -d dist/
  $ bosoreport preview reports/gjovik/2013-aarsrapport.yaml
  $ bosoreport summary reports/ -o oversikt.html
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013
  $ bosoreport forms
  $ bosoreport rules
  $ bosoreport doctor
  $ bosoreport validate --help

Messages are in Norwegian (nb) or English (en): --lang, or BOSOREPORT_LANG, or the locale (LANG).`,
  validate: {
    description: 'check reports against their form: YAML, form, schema, rules, and across reports',
    format: 'stylish, json, junit, github or sarif',
    output: 'write the results to this file instead of standard output',
    maxWarnings: 'exit 1 when there are more warnings than this',
    quiet: 'report errors only',
    fix: 'first mend what has only one meaning, as `bosoreport fix` does',
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
  fix: {
    description: 'mend mistakes that have only one meaning: dates, thousands separators, «80 %», a misspelt key',
    dryRun: 'print what would change as a diff, and write nothing',
    examples: `
Examples:
  $ bosoreport fix reports/gjovik/2013-aarsrapport.yaml      18.02.2013 → 2013-02-18, «1 390» → 1390, …
  $ bosoreport fix reports/ --dry-run                         the changes as a unified diff
  $ bosoreport validate --fix reports/                        mend, then check as usual

Only fixes that cannot change what the report says are made; comments, order and quoting stay.
Everything else is left for you, with its hint. Exit codes as for validate, for the files as fixed.`,
  },
  summary: {
    description: 'the regional overview: every report side by side per municipality and period',
    format: 'html (default), pdf, csv, json or markdown (or from the -o file name)',
    output: 'write the overview to this file instead of standard output',
    pdf: 'print the overview to PDF, A4 landscape (needs -o)',
    kommune: 'only these municipalities (repeatable, or comma-separated)',
    aar: 'only this reporting year',
    fra: 'from this year',
    til: 'up to this year',
    skjema: 'only reports on these forms (repeatable, or comma-separated)',
    examples: `
Examples:
  $ bosoreport summary reports/ -o oversikt.html                 tables and charts in one page
  $ bosoreport summary reports/ --pdf -o oversikt.pdf            the same, A4 landscape
  $ bosoreport summary reports/ -o oversikt.csv                  long format for Excel (; and BOM)
  $ bosoreport summary reports/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ bosoreport summary reports/ --kommune Gjøvik,Hamar --fra 2012 -f json

Unknown figures stay «ukjent»; figures from a report with errors are marked; a missing annual report
(a gap between years, or a half-year report without its year) is listed once its deadline has passed.
Exit codes as for validate; the overview is written either way.`,
  },
  preview: {
    description: 'show a report as the form in your browser, updated each time you save it',
    port: 'the port on 127.0.0.1 (default: a free one)',
    examples: `
Examples:
  $ bosoreport preview reports/gjovik/2013-aarsrapport.yaml       open the address it prints
  $ bosoreport preview FILE --port 8080 --template-dir my-templates/

Serves on 127.0.0.1 only and makes no request elsewhere. The page reloads itself when the file or a
template is saved; its problems are listed at the top. A file that cannot be shown keeps the last
good page, with the reason on top. Ctrl-C stops.`,
  },
  compute: {
    description: 'print a report with every derived figure (deltas, totals, ratios, deadline)',
    json: 'print the report and its figures as JSON (shape: schemas/beregning.schema.json)',
    examples: `
Examples:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          figures as a table
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   report + figures as JSON
  $ bosoreport compute --lang en --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Exit codes: 0 figures computed, no errors; 1 problems in the report; 2 usage or I/O error.`,
  },
  render: {
    description: 'write each report as HTML (and PDF with --pdf) that reads like the official form',
    outDir: 'folder for the output; input folders are mirrored below it',
    output: 'one report into this file: .html or .pdf (as -o is for validate and init)',
    pdf: 'also print a PDF of each report',
    noHtml: 'do not write the HTML files (with --pdf)',
    templateDir: 'templates, partials or style.css that replace the shipped ones by name',
    browser: 'the Chrome, Chromium or Edge to print with',
    timeout: 'give up on one PDF after this many seconds',
    jobs: 'PDFs printed at the same time',
    noNotes: "leave bosoreport's «Kontrollmerknader» out: the copy sent to Husbanken",
    quiet: 'report errors only (validate shows the warnings)',
    examples: `
Examples:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML into out/
  $ bosoreport render reports/ --pdf -d dist/                               HTML + PDF, folders mirrored
  $ bosoreport render reports/gjovik/2012-aarsrapport.yaml -o gjovik-2012.pdf   one PDF
  $ bosoreport render FILE --pdf --no-html --template-dir my-templates/     own look, PDF only
  $ bosoreport render FILE --no-notes -o to-husbanken.pdf                   the copy to send on

PDFs are printed by a browser found in this order: --browser, PUPPETEER_EXECUTABLE_PATH, an
installed Chrome/Chromium/Edge, the Chromium bundled through npm (Linux x64). See: bosoreport doctor.
Exit codes: 0 written, no errors; 1 problems in reports; 2 usage, I/O or browser error.`,
  },
  doctor: { description: 'say which browser PDFs will be printed with, and why', browser: 'check this browser instead' },
  init: {
    description: 'write a new report with every field of the form, explained in Norwegian',
    kommune: 'the municipality',
    aar: 'the reporting year',
    from: "last year's report: carry over programme information and 31.12 figures as 01.01",
    periode: 'for a form used for several periods: forste_halvaar or hele_aaret (default: its first use)',
    output: 'the new file (default: rapporter/<kommune>/<år>-<type>.yaml, from where you stand in that layout); never overwritten',
    examples: `
Examples:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013            writes rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from reports/gjovik/2012-aarsrapport.yaml
  $ bosoreport init aars-og-halvaarsrapport-2011 --periode hele_aaret --kommune Halden --aar 2011`,
  },
  schema: {
    description: "print a form's JSON Schema as one self-contained document",
    editor: 'the copy for editors: Norwegian messages, date patterns, titles in completions',
    examples: `
Examples:
  $ bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json
  $ bosoreport schema statusnotat-2013 --editor > skjemaer/statusnotat-2013/editor.schema.json`,
  },
  forms: 'list the forms and versions bosoreport knows',
  rules: 'list the rules checked beyond the schema, with their default level',
};

const nb: HelpTexts = {
  titles: { 'Usage:': 'Bruk:', 'Arguments:': 'Argumenter:', 'Options:': 'Valg:', 'Commands:': 'Kommandoer:' },
  program: 'Kontroller, regn ut og lag rapporter i Husbankens «Boligsosialt utviklingsprogram», skrevet i YAML.',
  version: 'vis versjonen',
  help: 'vis hjelp',
  helpCommand: 'vis hjelp for en kommando',
  lang: 'språk i meldingene: nb eller en (standard: fra systemets språk)',
  rule: 'sett en regel til off, warn eller error (kan gjentas; går foran .bosoreport.yaml)',
  paths: 'rapportfiler, mapper eller mønstre i anførselstegn',
  file: 'én rapportfil',
  form: 'skjemaet, for eksempel aarsrapport-2012 (se: bosoreport forms)',
  main: `
Eksempler:
  $ bosoreport validate examples/gjovik-aarsrapport-2012.yaml
  $ bosoreport validate rapporter/
  $ bosoreport fix rapporter/ --dry-run
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json
  $ bosoreport render rapporter/ --pdf -d ferdig/
  $ bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport summary rapporter/ -o oversikt.html
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013
  $ bosoreport forms
  $ bosoreport rules
  $ bosoreport doctor
  $ bosoreport validate --help

Meldinger på bokmål (nb) eller engelsk (en): --lang, BOSOREPORT_LANG eller systemets språk (LANG).`,
  validate: {
    description: 'kontroller rapporter mot skjemaet: YAML, skjema, regler og på tvers av rapporter',
    format: 'stylish, json, junit, github eller sarif',
    output: 'skriv resultatet til denne filen i stedet for til skjermen',
    maxWarnings: 'avslutt med 1 når det er flere advarsler enn dette',
    quiet: 'vis bare feil',
    fix: 'rett først det som bare kan bety én ting, som `bosoreport fix` gjør',
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
  fix: {
    description: 'rett feil som bare kan bety én ting: datoer, tusenskille, «80 %», et feilstavet feltnavn',
    dryRun: 'vis endringene som diff, og skriv ingenting',
    examples: `
Eksempler:
  $ bosoreport fix rapporter/gjovik/2013-aarsrapport.yaml    18.02.2013 → 2013-02-18, «1 390» → 1390, …
  $ bosoreport fix rapporter/ --dry-run                       endringene som diff
  $ bosoreport validate --fix rapporter/                      rett, og kontroller som vanlig

Bare rettelser som ikke kan endre hva rapporten sier, gjøres; kommentarer, rekkefølge og anførselstegn
blir stående. Resten står igjen for deg, med sitt hint. Avslutningskoder som for validate, for filene
slik de ble rettet.`,
  },
  summary: {
    description: 'regionens oversikt: alle rapportene side om side per kommune og periode',
    format: 'html (standard), pdf, csv, json eller markdown (eller fra filnavnet til -o)',
    output: 'skriv oversikten til denne filen i stedet for til skjermen',
    pdf: 'lag oversikten som PDF, A4 liggende (trenger -o)',
    kommune: 'bare disse kommunene (kan gjentas, eller skilles med komma)',
    aar: 'bare dette rapporteringsåret',
    fra: 'fra og med dette året',
    til: 'til og med dette året',
    skjema: 'bare rapporter på disse skjemaene (kan gjentas, eller skilles med komma)',
    examples: `
Eksempler:
  $ bosoreport summary rapporter/ -o oversikt.html               tabeller og diagrammer på én side
  $ bosoreport summary rapporter/ --pdf -o oversikt.pdf          det samme, A4 liggende
  $ bosoreport summary rapporter/ -o oversikt.csv                langt format for Excel (; og BOM)
  $ bosoreport summary rapporter/ -f markdown >> "$GITHUB_STEP_SUMMARY"
  $ bosoreport summary rapporter/ --kommune Gjøvik,Hamar --fra 2012 -f json

Ukjente tall står som «ukjent»; tall fra en rapport med feil er merket; en manglende årsrapport (et
hull mellom år, eller en halvårsrapport uten sitt år) vises når fristen er passert.
Avslutningskoder som for validate; oversikten skrives uansett.`,
  },
  preview: {
    description: 'vis en rapport som skjemaet i nettleseren, oppdatert hver gang du lagrer',
    port: 'porten på 127.0.0.1 (standard: en ledig en)',
    examples: `
Eksempler:
  $ bosoreport preview rapporter/gjovik/2013-aarsrapport.yaml     åpne adressen den skriver
  $ bosoreport preview FIL --port 8080 --template-dir mine-maler/

Bare på 127.0.0.1, og ingen forespørsler andre steder. Siden lastes på nytt når filen eller en mal
lagres, med problemene øverst. En fil som ikke kan vises, beholder siste gode side med grunnen øverst.
Ctrl-C avslutter.`,
  },
  compute: {
    description: 'vis en rapport med alle utregnede tall (endringer, summer, andeler, frist)',
    json: 'skriv rapporten og tallene som JSON (formen: schemas/beregning.schema.json)',
    examples: `
Eksempler:
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml          tallene som tabell
  $ bosoreport compute examples/gjovik-aarsrapport-2012.yaml --json   rapport og tall som JSON
  $ bosoreport compute --rule negativt-resultat=off examples/gjovik-aarsrapport-2012.yaml

Avslutningskoder: 0 tallene er regnet ut, ingen feil; 1 problemer i rapporten; 2 bruks- eller filfeil.`,
  },
  render: {
    description: 'lag hver rapport som HTML (og PDF med --pdf) som ser ut som Husbankens skjema',
    outDir: 'mappen resultatet skrives til; mappene rapportene ligger i gjentas under den',
    output: 'én rapport til denne filen: .html eller .pdf (som -o for validate og init)',
    pdf: 'lag også PDF av hver rapport',
    noHtml: 'ikke behold HTML-filene (sammen med --pdf)',
    templateDir: 'maler, delmaler eller style.css som erstatter de innebygde med samme navn',
    browser: 'Chrome, Chromium eller Edge som skal lage PDF-ene',
    timeout: 'gi opp én PDF etter så mange sekunder',
    jobs: 'antall PDF-er som lages samtidig',
    noNotes: 'utelat bosoreports «Kontrollmerknader»: kopien som sendes til Husbanken',
    quiet: 'vis bare feil (validate viser advarslene)',
    examples: `
Eksempler:
  $ bosoreport render examples/gjovik-aarsrapport-2012.yaml                 HTML i out/
  $ bosoreport render rapporter/ --pdf -d ferdig/                           HTML og PDF, samme mapper
  $ bosoreport render rapporter/gjovik/2012-aarsrapport.yaml -o gjovik-2012.pdf   én PDF
  $ bosoreport render FIL --pdf --no-html --template-dir mine-maler/        eget utseende, bare PDF
  $ bosoreport render FIL --no-notes -o til-husbanken.pdf                   kopien som sendes videre

PDF lages med den første nettleseren som finnes av: --browser, PUPPETEER_EXECUTABLE_PATH, installert
Chrome/Chromium/Edge, Chromium fra npm (Linux x64). Se: bosoreport doctor.
Avslutningskoder: 0 skrevet, ingen feil; 1 problemer i rapportene; 2 bruks-, fil- eller nettleserfeil.`,
  },
  doctor: { description: 'vis hvilken nettleser PDF-ene lages med, og hvorfor', browser: 'sjekk denne nettleseren i stedet' },
  init: {
    description: 'lag en ny rapport med alle feltene i skjemaet, forklart på norsk',
    kommune: 'kommunen',
    aar: 'rapporteringsåret',
    from: 'fjorårets rapport: hent programinformasjon, og tallene pr. 31.12 som årets pr. 01.01',
    periode: 'for et skjema brukt til flere perioder: forste_halvaar eller hele_aaret (standard: skjemaets første bruk)',
    output: 'den nye filen (standard: rapporter/<kommune>/<år>-<type>.yaml, fra der du står i det oppsettet); skrives aldri over',
    examples: `
Eksempler:
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013            skriver rapporter/gjovik/2013-aarsrapport.yaml
  $ bosoreport init aarsrapport-2012 --kommune Gjøvik --aar 2013 --from rapporter/gjovik/2012-aarsrapport.yaml
  $ bosoreport init aars-og-halvaarsrapport-2011 --periode hele_aaret --kommune Halden --aar 2011`,
  },
  schema: {
    description: 'skriv skjemaets JSON Schema som ett selvstendig dokument',
    editor: 'kopien for redigeringsprogrammer: norske meldinger, datomønstre, titler i forslagene',
    examples: `
Eksempler:
  $ bosoreport schema aarsrapport-2012 > aarsrapport-2012.schema.json
  $ bosoreport schema statusnotat-2013 --editor > skjemaer/statusnotat-2013/editor.schema.json`,
  },
  forms: 'list skjemaene og versjonene bosoreport kjenner',
  rules: 'list reglene som kontrolleres i tillegg til skjemaet, med standardnivå',
};

export const HELP: Record<Lang, HelpTexts> = { nb, en };

/** The placeholders commander and our options print, in bokmål. */
const NB_WORDS: Record<string, string> = {
  '[options]': '[valg]', '[command]': '[kommando]', '<paths...>': '<stier...>', '<file>': '<fil>', '<form>': '<skjema>',
  '<dir>': '<mappe>', '<path>': '<sti>', '<seconds>': '<sekunder>', '<lang>': '<språk>', '<id=level>': '<id=nivå>',
  '<name>': '<navn>', '<n>': '<n>', paths: 'stier', file: 'fil', form: 'skjema', command: 'kommando',
};
const nbWords = (text: string) => text.split(' ').map((w) => NB_WORDS[w] ?? w).join(' ');

/**
 * commander's own words in help and usage errors («[options]», «default:», «unknown option»), in
 * bokmål when the user reads bokmål. English passes through unchanged.
 */
export function helpStyle(lang: Lang) {
  if (lang === 'en') return {};
  return {
    styleUsage: nbWords,
    styleSubcommandTerm: nbWords,
    styleOptionTerm: nbWords,
    styleArgumentTerm: nbWords,
    styleOptionDescription: (text: string) => text.replace(/\(default: "?([^")]*)"?\)/, '(standard: $1)'),
  };
}

const NB_ERRORS: [RegExp, (...groups: string[]) => string][] = [
  [/^error: unknown option '([^']*)'/, (flag) => `feil: ukjent valg '${flag}'`],
  [/^error: unknown command '([^']*)'/, (name) => `feil: ukjent kommando '${name}'`],
  [/^error: missing required argument '([^']*)'/, (name) => `feil: mangler argumentet '${NB_WORDS[name!] ?? name}'`],
  [/^error: required option '([^']*)' not specified/, (flags) => `feil: valget '${nbWords(flags!)}' må være med`],
  [/^error: option '([^']*)' argument missing/, (flags) => `feil: valget '${nbWords(flags!)}' mangler verdi`],
  [/^error: too many arguments[^.]*\. Expected (\d+) arguments? but got (\d+)\./, (want, got) => `feil: for mange argumenter, ventet ${want}, fikk ${got}.`],
  [/\(Did you mean one of ([^?]*)\?\)/, (list) => `(Mente du en av ${list}?)`],
  [/\(Did you mean ([^?]*)\?\)/, (one) => `(Mente du ${one}?)`],
];

/** commander's usage errors in bokmål; an error we have not translated stays as commander wrote it. */
export function usageError(lang: Lang, text: string): string {
  if (lang === 'en') return text;
  return NB_ERRORS.reduce((out, [pattern, say]) => out.replace(pattern, (_m, ...groups: string[]) => say(...groups)), text);
}

/** The language asked for on the command line, read before commander parses it, so help can use it. */
export function langFromArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--lang') return argv[i + 1];
    if (a.startsWith('--lang=')) return a.slice('--lang='.length);
  }
  return undefined;
}
