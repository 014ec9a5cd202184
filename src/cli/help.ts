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
  lang: 'language of messages: nb, nn or en (default: from the locale)',
  rule: 'set a rule to off, warn or error (repeatable; wins over .bosoreport.yaml)',
  paths: 'report files, folders, or quoted glob patterns',
  file: 'one report file',
  form: 'the form, e.g. aarsrapport-2012 (see: bosoreport forms)',
  examplesTitle: 'Examples:',
  moreHelp: 'bosoreport validate --help',
  languages: 'Messages are in Norwegian Bokmål (nb), Norwegian Nynorsk (nn) or English (en): --lang, or BOSOREPORT_LANG, or the locale (LANG).',
};

const nb: CommonHelp = {
  titles: { 'Usage:': 'Bruk:', 'Arguments:': 'Argumenter:', 'Options:': 'Valg:', 'Commands:': 'Kommandoer:' },
  program: 'Kontroller, regn ut og lag rapporter i Husbankens «Boligsosialt utviklingsprogram», skrevet i YAML.',
  version: 'vis versjonen',
  help: 'vis hjelp',
  helpCommand: 'vis hjelp for en kommando',
  lang: 'språk i meldingene: nb, nn eller en (standard: fra systemets språk)',
  rule: 'sett en regel til off, warn eller error (kan gjentas; går foran .bosoreport.yaml)',
  paths: 'rapportfiler, mapper eller mønstre i anførselstegn',
  file: 'én rapportfil',
  form: 'skjemaet, for eksempel aarsrapport-2012 (se: bosoreport forms)',
  examplesTitle: 'Eksempler:',
  moreHelp: 'bosoreport validate --help',
  languages: 'Meldinger på bokmål (nb), nynorsk (nn) eller engelsk (en): --lang, BOSOREPORT_LANG eller systemets språk (LANG).',
};

const nn: CommonHelp = {
  titles: { 'Usage:': 'Bruk:', 'Arguments:': 'Argument:', 'Options:': 'Val:', 'Commands:': 'Kommandoar:' },
  program: 'Kontroller, rekn ut og lag rapportar i Husbankens «Boligsosialt utviklingsprogram», skrivne i YAML.',
  version: 'vis versjonen',
  help: 'vis hjelp',
  helpCommand: 'vis hjelp for ein kommando',
  lang: 'språk i meldingane: nb, nn eller en (standard: frå språket på systemet)',
  rule: 'set ein regel til off, warn eller error (kan gjentakast; går føre .bosoreport.yaml)',
  paths: 'rapportfiler, mapper eller mønster i hermeteikn',
  file: 'éi rapportfil',
  form: 'skjemaet, til dømes aarsrapport-2012 (sjå: bosoreport forms)',
  examplesTitle: 'Døme:',
  moreHelp: 'bosoreport validate --help',
  languages: 'Meldingar på bokmål (nb), nynorsk (nn) eller engelsk (en): --lang, BOSOREPORT_LANG eller språket på systemet (LANG).',
};

export const HELP: Record<Lang, CommonHelp> = { nb, nn, en };

/** The main help's examples: each command's own lines, in the commands' order. */
export function mainExamples(h: CommonHelp, lines: readonly string[]): string {
  return `\n${h.examplesTitle}\n${[...lines, h.moreHelp].map((l) => `  $ ${l}`).join('\n')}\n\n${h.languages}`;
}

/** commander's usage errors we translate, by what they say in English. */
type UsageErrorKind = 'unknownOption' | 'unknownCommand' | 'missingArgument' | 'requiredOption' | 'optionArgumentMissing' | 'tooManyArguments' | 'didYouMeanOneOf' | 'didYouMean';

/** commander's words in one Norwegian written standard: the placeholders, «default:» and the usage errors. */
interface CommanderWords {
  /**
   * The placeholders commander and our options print, and the argument names of «missing required
   * argument», by what they say in the code. A word not here is printed as it is.
   */
  words: Record<string, string>;
  /** For «(default: x)» and «(choices: x, y)» after an option's text. */
  default: string;
  choices: string;
  /** Each usage error, given what commander's English captured (placeholders already translated). */
  errors: Record<UsageErrorKind, (...groups: string[]) => string>;
}

/** The placeholders both Norwegian standards spell alike. */
const SAME_WORDS: Record<string, string> = {
  '[command]': '[kommando]',
  '<file>': '<fil>',
  '<form>': '<skjema>',
  '[form]': '[skjema]',
  '<dir>': '<mappe>',
  '<path>': '<sti>',
  '<lang>': '<språk>',
  '<id=level>': '<id=nivå>',
  '<n>': '<n>',
  file: 'fil',
  form: 'skjema',
  command: 'kommando',
};

const COMMANDER: Record<Exclude<Lang, 'en'>, CommanderWords> = {
  nb: {
    words: { ...SAME_WORDS, '[options]': '[valg]', '<paths...>': '<stier...>', '<seconds>': '<sekunder>', '<name>': '<navn>', paths: 'stier' },
    default: 'standard',
    choices: 'mulige verdier',
    errors: {
      unknownOption: (flag) => `feil: ukjent valg '${flag}'`,
      unknownCommand: (name) => `feil: ukjent kommando '${name}'`,
      missingArgument: (name) => `feil: mangler argumentet '${name}'`,
      requiredOption: (flags) => `feil: valget '${flags}' må være med`,
      optionArgumentMissing: (flags) => `feil: valget '${flags}' mangler verdi`,
      tooManyArguments: (want, got) => `feil: for mange argumenter, ventet ${want}, fikk ${got}.`,
      didYouMeanOneOf: (list) => `(Mente du en av ${list}?)`,
      didYouMean: (one) => `(Mente du ${one}?)`,
    },
  },
  nn: {
    // Our own options' placeholders are written in bokmål (`--kommune <navn>`); nynorsk spells that one differently.
    words: { ...SAME_WORDS, '[options]': '[val]', '<paths...>': '<stiar...>', '<seconds>': '<sekund>', '<name>': '<namn>', '<navn>': '<namn>', paths: 'stiar' },
    default: 'standard',
    choices: 'moglege verdiar',
    errors: {
      unknownOption: (flag) => `feil: ukjent val '${flag}'`,
      unknownCommand: (name) => `feil: ukjend kommando '${name}'`,
      missingArgument: (name) => `feil: manglar argumentet '${name}'`,
      requiredOption: (flags) => `feil: valet '${flags}' må vere med`,
      optionArgumentMissing: (flags) => `feil: valet '${flags}' manglar verdi`,
      tooManyArguments: (want, got) => `feil: for mange argument, venta ${want}, fekk ${got}.`,
      didYouMeanOneOf: (list) => `(Meinte du ein av ${list}?)`,
      didYouMean: (one) => `(Meinte du ${one}?)`,
    },
  },
};

/** Each placeholder of a text in the language's words, the rest as it is. */
const inWords = (words: Record<string, string>, text: string) =>
  text
    .split(' ')
    .map((w) => words[w] ?? w)
    .join(' ');

/**
 * commander's own words in help and usage errors («[options]», «default:», «unknown option»), in
 * bokmål or nynorsk when the user reads that. English passes through unchanged.
 */
export function helpStyle(lang: Lang) {
  if (lang === 'en') return {};
  const c = COMMANDER[lang];
  const style = (text: string) => inWords(c.words, text);
  return {
    styleUsage: style,
    styleSubcommandTerm: style,
    styleOptionTerm: style,
    styleArgumentTerm: style,
    styleOptionDescription: (text: string) => text.replace(/\(default: "?([^")]*)"?\)/, `(${c.default}: $1)`).replace(/\(choices: ([^)]*)\)/, `(${c.choices}: $1)`),
  };
}

/**
 * commander's usage errors, as it writes them in English, and whether what they capture is
 * placeholders to translate (`'--kommune <navn>'`) rather than what the user typed.
 */
const USAGE_ERRORS: [RegExp, UsageErrorKind, translateCaptured: boolean][] = [
  [/^error: unknown option '([^']*)'/, 'unknownOption', false],
  [/^error: unknown command '([^']*)'/, 'unknownCommand', false],
  [/^error: missing required argument '([^']*)'/, 'missingArgument', true],
  [/^error: required option '([^']*)' not specified/, 'requiredOption', true],
  [/^error: option '([^']*)' argument missing/, 'optionArgumentMissing', true],
  [/^error: too many arguments[^.]*\. Expected (\d+) arguments? but got (\d+)\./, 'tooManyArguments', false],
  [/\(Did you mean one of ([^?]*)\?\)/, 'didYouMeanOneOf', false],
  [/\(Did you mean ([^?]*)\?\)/, 'didYouMean', false],
];

/** commander's usage errors in bokmål or nynorsk; an error we have not translated stays as commander wrote it. */
export function usageError(lang: Lang, text: string): string {
  if (lang === 'en') return text;
  const c = COMMANDER[lang];
  return USAGE_ERRORS.reduce((out, [pattern, kind, translateCaptured]) => {
    const m = pattern.exec(out);
    if (!m) return out;
    const said = c.errors[kind](...m.slice(1).map((g = '') => (translateCaptured ? inWords(c.words, g) : g)));
    return out.slice(0, m.index) + said + out.slice(m.index + m[0].length);
  }, text);
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
