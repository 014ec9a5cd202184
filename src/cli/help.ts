import type { Lang } from '../messages/index.js';

/** What `--help` says beyond the commands' own texts (those are in each command's module). */
export interface CommonHelp {
  /** commander's section titles, in the user's language. */
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
  examplesTitle: string;
  /** The last line of the main help's examples. */
  moreHelp: string;
  /** How the language is chosen, under the examples. */
  languages: string;
}

const en: CommonHelp = {
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
  examplesTitle: 'Examples:',
  moreHelp: 'bosoreport validate --help',
  languages: 'Messages are in Norwegian (nb) or English (en): --lang, or BOSOREPORT_LANG, or the locale (LANG).',
};

const nb: CommonHelp = {
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
  examplesTitle: 'Eksempler:',
  moreHelp: 'bosoreport validate --help',
  languages: 'Meldinger på bokmål (nb) eller engelsk (en): --lang, BOSOREPORT_LANG eller systemets språk (LANG).',
};

export const HELP: Record<Lang, CommonHelp> = { nb, en };

/** The main help's examples: each command's own lines, in the commands' order. */
export function mainExamples(h: CommonHelp, lines: readonly string[]): string {
  return `\n${h.examplesTitle}\n${[...lines, h.moreHelp].map((l) => `  $ ${l}`).join('\n')}\n\n${h.languages}`;
}

/** The placeholders commander and our options print, in bokmål. */
const NB_WORDS: Record<string, string> = {
  '[options]': '[valg]',
  '[command]': '[kommando]',
  '<paths...>': '<stier...>',
  '<file>': '<fil>',
  '<form>': '<skjema>',
  '<dir>': '<mappe>',
  '<path>': '<sti>',
  '<seconds>': '<sekunder>',
  '<lang>': '<språk>',
  '<id=level>': '<id=nivå>',
  '<name>': '<navn>',
  '<n>': '<n>',
  paths: 'stier',
  file: 'fil',
  form: 'skjema',
  command: 'kommando',
};
const nbWords = (text: string) =>
  text
    .split(' ')
    .map((w) => NB_WORDS[w] ?? w)
    .join(' ');

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
